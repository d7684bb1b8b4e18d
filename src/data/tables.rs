//! Turns each CSV sheet into typed records: sources, groups, countries and estimate rows.
//! Each reader keeps going after a bad cell so that `validate` can list every problem.

use crate::error::{Location, Problem};

use super::cells::{columns, Cells, Schema};
use super::model::{Codes, Country, DistKind, Estimate, Group, Quantity, Row, Source, COMPONENTS};
use super::sheet::Sheet;

// Each header in the order of the shipped files and of the README's table.
pub(crate) const SOURCES: Schema = Schema {
    header: &[
        "id",
        "title",
        "publisher",
        "published",
        "url",
        "accessed",
        "note",
    ],
    // Added after the first datasets were written: files without them stay valid.
    extra: &["via", "release", "sha256"],
};
pub(crate) const GROUPS: Schema = Schema {
    header: &["id", "name", "aliases", "parent", "note"],
    extra: &[],
};
pub(crate) const COUNTRIES: Schema = Schema {
    header: &["id", "name", "iso3"],
    // The codes `import` matches other files' countries by; optional.
    extra: &["gw", "cow", "gec"],
};
pub(crate) const FIGHTERS: Schema = Schema {
    header: &[
        "group",
        "year",
        "central",
        "low",
        "high",
        "source",
        "preferred",
        "note",
    ],
    extra: &["dist", "weight"],
};
pub(crate) const SOLDIERS: Schema = Schema {
    header: &[
        "country",
        "year",
        "component",
        "central",
        "low",
        "high",
        "source",
        "preferred",
        "note",
    ],
    extra: &["dist", "weight"],
};
pub(crate) const POPULATION: Schema = Schema {
    header: &[
        "country",
        "year",
        "central",
        "low",
        "high",
        "source",
        "preferred",
        "note",
    ],
    extra: &["dist", "weight"],
};
pub(crate) const AREA: Schema = Schema {
    header: &["country", "km2", "source", "preferred", "note"],
    extra: &[],
};

pub(crate) fn schema_of(quantity: Quantity) -> &'static Schema {
    match quantity {
        Quantity::Fighters => &FIGHTERS,
        Quantity::Soldiers => &SOLDIERS,
        Quantity::Population => &POPULATION,
        Quantity::Area => &AREA,
    }
}

pub(crate) fn read_sources(sheet: &Sheet, problems: &mut Vec<Problem>) -> Vec<Source> {
    let Some(columns) = columns(sheet, &SOURCES, problems) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for cells in columns.records() {
        let id = cells.id("id", problems);
        let title = cells.required("title", "the publication's title", problems);
        let publisher = cells.required("publisher", "who published it", problems);
        let published = cells.date("published", problems);
        let accessed = cells.date("accessed", problems);
        if let (Some(id), Some(title), Some(publisher), Some(published), Some(accessed)) =
            (id, title, publisher, published, accessed)
        {
            out.push(Source {
                id,
                title,
                publisher,
                published,
                url: cells.text("url").to_string(),
                accessed,
                via: cells.text("via").to_string(),
                note: cells.text("note").to_string(),
                release: cells.text("release").to_string(),
                sha256: cells.text("sha256").to_string(),
                at: cells.row_ref(),
            });
        }
    }
    out
}

pub(crate) fn read_groups(sheet: &Sheet, problems: &mut Vec<Problem>) -> Vec<Group> {
    let Some(columns) = columns(sheet, &GROUPS, problems) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for cells in columns.records() {
        let id = cells.id("id", problems);
        let name = cells.required("name", "the group's display name", problems);
        let parent = match cells.text("parent") {
            "" => Some(None),
            _ => cells.id("parent", problems).map(Some),
        };
        if let (Some(id), Some(name), Some(parent)) = (id, name, parent) {
            let aliases = cells
                .text("aliases")
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            out.push(Group {
                id,
                name,
                aliases,
                parent,
                note: cells.text("note").to_string(),
                at: cells.row_ref(),
            });
        }
    }
    out
}

pub(crate) fn read_countries(sheet: &Sheet, problems: &mut Vec<Problem>) -> Vec<Country> {
    let Some(columns) = columns(sheet, &COUNTRIES, problems) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for cells in columns.records() {
        let id = cells.id("id", problems);
        let name = cells.required("name", "the country's display name", problems);
        let iso3 = cells.text("iso3");
        let iso3_ok =
            iso3.is_empty() || (iso3.len() == 3 && iso3.chars().all(|c| c.is_ascii_uppercase()));
        if !iso3_ok {
            problems.push(
                Problem::new(
                    format!("not an ISO 3166-1 alpha-3 code: \"{iso3}\""),
                    cells.at("iso3"),
                )
                .help("write three upper-case letters, e.g. MLI"),
            );
        }
        if let (Some(id), Some(name), true) = (id, name, iso3_ok) {
            out.push(Country {
                id,
                name,
                iso3: iso3.to_string(),
                codes: Codes {
                    gw: cells.text("gw").to_string(),
                    cow: cells.text("cow").to_string(),
                    gec: cells.text("gec").to_string(),
                },
                at: cells.row_ref(),
            });
        }
    }
    out
}

/// Reads the estimate rows of one quantity and checks `low <= central <= high`.
pub(crate) fn read_rows(
    sheet: &Sheet,
    quantity: Quantity,
    problems: &mut Vec<Problem>,
) -> Vec<Row> {
    let Some(columns) = columns(sheet, schema_of(quantity), problems) else {
        return Vec::new();
    };
    let entity_column = if quantity == Quantity::Fighters {
        "group"
    } else {
        "country"
    };
    let value_column = if quantity == Quantity::Area {
        "km2"
    } else {
        "central"
    };
    // Soldiers of one component can be zero (a mission that has left); the rest cannot.
    let positive = quantity != Quantity::Soldiers;
    let mut out = Vec::new();
    for cells in columns.records() {
        let entity = cells.id(entity_column, problems);
        let year = match quantity {
            Quantity::Area => Some(None),
            _ => cells.year("year", problems).map(Some),
        };
        let component = match quantity {
            Quantity::Soldiers => cells.choice("component", COMPONENTS, problems).map(Some),
            _ => Some(None),
        };
        let central = cells.number(value_column, positive, problems);
        let low = cells.optional_number("low", positive, problems);
        let high = cells.optional_number("high", positive, problems);
        let source = cells.id("source", problems);
        let preferred = cells.flag("preferred", problems);
        let dist = match cells.text("dist") {
            "" => Some(None),
            _ => cells
                .choice("dist", &DistKind::IDS, problems)
                .map(|d| DistKind::parse(&d)),
        };
        let weight = cells.optional_number("weight", true, problems);
        let (
            Some(entity),
            Some(year),
            Some(component),
            Some(central),
            Some(low),
            Some(high),
            Some(source),
            Some(preferred),
            Some(dist),
            Some(weight),
        ) = (
            entity, year, component, central, low, high, source, preferred, dist, weight,
        )
        else {
            continue;
        };
        let estimate = Estimate { central, low, high };
        if !check_order(&cells, &estimate, problems)
            || !check_lognormal(&cells, &estimate, dist, problems)
        {
            continue;
        }
        out.push(Row {
            quantity,
            entity,
            year,
            component,
            estimate,
            dist,
            weight,
            source,
            preferred,
            note: cells.text("note").to_string(),
            at: cells.row_ref(),
        });
    }
    out
}

/// A lognormal reads low and high as its 5th and 95th percentiles: a low of zero has
/// no logarithm, so no distribution could be built for the row.
fn check_lognormal(
    cells: &Cells,
    estimate: &Estimate,
    dist: Option<DistKind>,
    problems: &mut Vec<Problem>,
) -> bool {
    let low = estimate.low.unwrap_or(estimate.central);
    let high = estimate.high.unwrap_or(estimate.central);
    if dist != Some(DistKind::LogNormal) || low >= high || low > 0.0 {
        return true;
    }
    let shown = cells.text("low");
    let shown = if shown.is_empty() {
        "(empty: the central value)"
    } else {
        shown
    };
    problems.push(
        Problem::new(format!("a lognormal needs a low above zero, not {shown}"), cells.at("low"))
            .help("give a low above zero (the 5th percentile), or choose another dist: pert, triangular or uniform accept a low of 0"),
    );
    false
}

fn check_order(cells: &Cells, estimate: &Estimate, problems: &mut Vec<Problem>) -> bool {
    let central = estimate.central;
    let mut ok = true;
    if let Some(low) = estimate.low.filter(|&low| low > central) {
        problems.push(
            Problem::new(
                format!("low {low} is greater than central {central}"),
                cells.at("low"),
            )
            .help(
                "low must be at most central; swap them if they were entered the wrong way round",
            ),
        );
        ok = false;
    }
    if let Some(high) = estimate.high.filter(|&high| high < central) {
        problems.push(
            Problem::new(
                format!("high {high} is less than central {central}"),
                cells.at("high"),
            )
            .help(
                "high must be at least central; swap them if they were entered the wrong way round",
            ),
        );
        ok = false;
    }
    ok
}

/// A problem about a whole file that is missing from the data directory.
pub(crate) fn missing_file(file: &str, schema: &Schema) -> Problem {
    Problem::new("missing dataset file", Location::file(file)).help(format!(
        "create it with the header row: {}",
        schema.described()
    ))
}
