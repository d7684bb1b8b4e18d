//! Checks across files: ids unique and known, every row citing a known source, no two
//! preferred rows for one key, and comparisons that reference what exists.

use std::collections::{BTreeMap, HashSet};

use crate::error::{choices_help, Location, Problem};

use super::comparisons::{locate, Parsed};
use super::model::{Dataset, Quantity, Row, YearRule, ARMED_FORCES_PARTS, COMPONENTS};

pub(crate) fn unique_ids<'a>(
    what: &str,
    items: impl Iterator<Item = (&'a str, &'a super::model::RowRef)>,
    problems: &mut Vec<Problem>,
) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, at) in items {
        if let Some(first) = seen.get(id) {
            problems.push(
                Problem::new(format!("{what} id \"{id}\" is used twice"), at.cell("id")).help(
                    format!("it is already defined on line {first}; ids must be unique"),
                ),
            );
        } else {
            seen.insert(id, at.line);
        }
    }
}

/// The ids as a set, for membership tests that stay fast with many ids.
fn set<'a>(ids: &[&'a str]) -> HashSet<&'a str> {
    ids.iter().copied().collect()
}

fn unknown(what: &str, id: &str, valid: &[&str], at: Location) -> Problem {
    Problem::new(format!("unknown {what} \"{id}\""), at).help(choices_help(id, valid))
}

/// Which id tables loaded without problems: references into a broken table are not
/// checked, so one bad file does not bury its own error under a hundred echoes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Loaded {
    pub(crate) sources: bool,
    pub(crate) groups: bool,
    pub(crate) countries: bool,
}

/// References from groups and estimate rows to groups, countries and sources.
pub(crate) fn references(data: &Dataset, loaded: Loaded, problems: &mut Vec<Problem>) {
    let groups: Vec<&str> = data.groups.iter().map(|g| g.id.as_str()).collect();
    let countries: Vec<&str> = data.countries.iter().map(|c| c.id.as_str()).collect();
    let sources: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
    let (group_set, country_set, source_set) = (set(&groups), set(&countries), set(&sources));
    for group in &data.groups {
        if let Some(parent) = &group.parent {
            if !group_set.contains(parent.as_str()) || parent == &group.id {
                problems.push(unknown(
                    "parent group",
                    parent,
                    &groups,
                    group.at.cell("parent"),
                ));
            }
        }
    }
    for row in &data.rows {
        let (what, valid, known, column, checked) = match row.quantity {
            Quantity::Fighters => ("group", &groups, &group_set, "group", loaded.groups),
            _ => (
                "country",
                &countries,
                &country_set,
                "country",
                loaded.countries,
            ),
        };
        if checked && !known.contains(row.entity.as_str()) {
            problems.push(unknown(what, &row.entity, valid, cell(row, column)));
        }
        if loaded.sources && !source_set.contains(row.source.as_str()) {
            problems.push(unknown(
                "source",
                &row.source,
                &sources,
                cell(row, "source"),
            ));
        }
    }
    for b in data.benchmarks.iter().filter(|_| loaded.sources) {
        if !source_set.contains(b.source.as_str()) {
            problems.push(unknown("source", &b.source, &sources, b.at.cell("source")));
        }
    }
    let rows = data
        .actors
        .iter()
        .map(|a| (&a.group, None, &a.source, &a.at))
        .chain(
            data.activity
                .iter()
                .map(|a| (&a.group, Some(&a.country), &a.source, &a.at)),
        );
    for (group, country, source, at) in rows {
        if loaded.groups && !group_set.contains(group.as_str()) {
            problems.push(unknown("group", group, &groups, at.cell("group")));
        }
        if let Some(country) =
            country.filter(|c| loaded.countries && !country_set.contains(c.as_str()))
        {
            problems.push(unknown("country", country, &countries, at.cell("country")));
        }
        if loaded.sources && !source_set.contains(source.as_str()) {
            problems.push(unknown("source", source, &sources, at.cell("source")));
        }
    }
}

fn cell(row: &Row, column: &str) -> Location {
    row.at.cell(column)
}

/// What makes two rows estimates of the same thing: quantity, entity, year, component.
type RowKey<'a> = (Quantity, &'a str, Option<i32>, Option<&'a str>);

/// Two rows marked preferred for the same entity, year and component leave no way to choose.
pub(crate) fn preferred_conflicts(data: &Dataset, problems: &mut Vec<Problem>) {
    let mut seen: BTreeMap<RowKey, &Row> = BTreeMap::new();
    for row in data.rows.iter().filter(|r| r.preferred) {
        let key = (
            row.quantity,
            row.entity.as_str(),
            row.year,
            row.component.as_deref(),
        );
        if let Some(first) = seen.get(&key) {
            problems.push(
                Problem::new(
                    format!(
                        "two rows for {} are both marked preferred",
                        describe_key(row)
                    ),
                    cell(row, "preferred"),
                )
                .help(format!(
                    "line {} is preferred too; mark only one row of this key `yes`",
                    first.at.line
                )),
            );
        } else {
            seen.insert(key, row);
        }
    }
}

/// Two rows of one source for the same entity, year and component: a source's figure
/// counts once in a pool, so a repeated row would double its weight.
pub(crate) fn repeated_rows(data: &Dataset, problems: &mut Vec<Problem>) {
    let mut seen: BTreeMap<(RowKey, &str), &Row> = BTreeMap::new();
    for row in &data.rows {
        let key = (
            row.quantity,
            row.entity.as_str(),
            row.year,
            row.component.as_deref(),
        );
        if let Some(first) = seen.get(&(key, row.source.as_str())) {
            problems.push(
                Problem::new(
                    format!(
                        "source \"{}\" gives {} twice (lines {} and {})",
                        row.source,
                        describe_key(row),
                        first.at.line,
                        row.at.line
                    ),
                    cell(row, "source"),
                )
                .help("a source's figure counts once in the pool: keep the row of the figure the source gives as its estimate and put the other in its note, or give a weight to a row that should count more"),
            );
        } else {
            seen.insert((key, row.source.as_str()), row);
        }
    }
}

pub(crate) fn describe_key(row: &Row) -> String {
    let mut out = format!("{} {}", row.entity, row.quantity);
    if let Some(component) = &row.component {
        out.push_str(&format!(" ({component})"));
    }
    if let Some(year) = row.year {
        out.push_str(&format!(" {year}"));
    }
    out
}

/// Comparisons: known group, countries, components and sources; no component counted twice.
pub(crate) fn comparisons(
    data: &Dataset,
    loaded: Loaded,
    parsed: &[Parsed],
    file: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) {
    let groups: Vec<&str> = data.groups.iter().map(|g| g.id.as_str()).collect();
    let countries: Vec<&str> = data.countries.iter().map(|c| c.id.as_str()).collect();
    let sources: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
    let (group_set, country_set, source_set) = (set(&groups), set(&countries), set(&sources));
    for (i, p) in parsed.iter().enumerate() {
        let c = &p.comparison;
        let key = |name: &str| format!("comparison[{}].{name}", i + 1);
        if loaded.groups && !group_set.contains(c.group.as_str()) {
            problems.push(unknown(
                "group",
                &c.group,
                &groups,
                locate(file, text, p.spans.group.start, &key("group")),
            ));
        }
        let mut seen_countries = HashSet::new();
        for (country, span) in c.countries.iter().zip(&p.spans.countries) {
            let at = locate(file, text, span.start, &key("countries"));
            if !country_set.contains(country.as_str()) {
                if loaded.countries {
                    problems.push(unknown("country", country, &countries, at));
                }
            } else if !seen_countries.insert(country) {
                problems.push(
                    Problem::new(format!("country \"{country}\" is listed twice"), at)
                        .help("list each country once; it would be counted twice"),
                );
            }
        }
        let mut seen_components = HashSet::new();
        for (component, span) in c.soldiers.iter().zip(&p.spans.soldiers) {
            let at = locate(file, text, span.start, &key("soldiers"));
            if !COMPONENTS.contains(&component.as_str()) {
                problems.push(unknown("soldier component", component, COMPONENTS, at));
            } else if !seen_components.insert(component) {
                problems.push(
                    Problem::new(format!("component \"{component}\" is listed twice"), at)
                        .help("list each component once"),
                );
            } else if component != "armed-forces"
                && ARMED_FORCES_PARTS.contains(&component.as_str())
                && c.soldiers.iter().any(|s| s == "armed-forces")
            {
                problems.push(Problem::new(format!("\"{component}\" would be counted twice: \"armed-forces\" already includes it"), at).help("count either \"armed-forces\" (a total) or its parts (army, air-force, gendarmerie, national-guard), not both"));
            }
        }
        for (quantity, span) in &p.spans.sources {
            let source = &c.sources[quantity];
            if loaded.sources && !source_set.contains(source.as_str()) {
                problems.push(unknown(
                    "source",
                    source,
                    &sources,
                    locate(file, text, span.start, &key(&format!("sources.{quantity}"))),
                ));
            }
        }
    }
}

/// The year of each comparison that follows its estimates (`year = "latest"`): the
/// latest they share, or a problem at its `year` naming the inputs with no estimate.
/// Run on valid data only: the rows it looks at are all there.
pub(crate) fn latest_years(
    data: &Dataset,
    parsed: &mut [Parsed],
    file: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) {
    for (i, p) in parsed.iter_mut().enumerate() {
        if !p.comparison.follows_latest() {
            continue;
        }
        match super::years::latest_shared(data, &p.comparison) {
            Ok((year, why)) => {
                p.comparison.year = year;
                p.comparison.year_rule = YearRule::Latest { why };
            }
            Err(each) => problems.push(
                Problem::new(
                    format!(
                        "comparison \"{}\" follows the latest year its estimates share, but it has {}",
                        p.comparison.id,
                        each.join(", and ")
                    ),
                    locate(file, text, p.spans.year.start, &format!("comparison[{}].year", i + 1)),
                )
                .help("add an estimate of it, or name a source that has one in the comparison's sources"),
            ),
        }
    }
}

/// The values an estimate of each quantity can take: beyond them a figure is a typing
/// slip (a misplaced decimal point, digits pasted twice), and no table or chart could
/// show the ratios it makes.
pub(crate) fn plausible_range(quantity: Quantity) -> (f64, f64, &'static str) {
    match quantity {
        Quantity::Fighters => (1.0, 1e7, "from 1 to 10,000,000 fighters"),
        Quantity::Soldiers => (0.0, 1e8, "from 0 to 100,000,000 personnel"),
        Quantity::Population => (
            1.0,
            2e10,
            "from 1 to 20,000,000,000 people (more than twice the world's)",
        ),
        Quantity::Area => (
            0.01,
            510_072_000.0,
            "from 0.01 km² to 510,072,000 km² (the Earth's surface)",
        ),
    }
}

/// A value as a reader can take it in: grouped digits, or powers of ten where those
/// would run on ("1e-301").
fn shown(value: f64) -> String {
    if value != 0.0 && !(1e-3..1e12).contains(&value.abs()) {
        format!("{value:e}")
    } else {
        crate::numbers::readable(value)
    }
}

/// Every value of every estimate inside its quantity's plausible range.
pub(crate) fn plausible(data: &Dataset, problems: &mut Vec<Problem>) {
    for row in &data.rows {
        let (low, high, range) = plausible_range(row.quantity);
        let central = if row.quantity == Quantity::Area {
            "km2"
        } else {
            "central"
        };
        let values = [
            (central, Some(row.estimate.central)),
            ("low", row.estimate.low),
            ("high", row.estimate.high),
        ];
        for (column, value) in values {
            let Some(value) = value.filter(|v| !(low..=high).contains(v)) else {
                continue;
            };
            problems.push(
                Problem::new(
                    format!(
                        "{} {} is {}: outside what an estimate can be",
                        describe_key(row),
                        column,
                        shown(value)
                    ),
                    cell(row, column),
                )
                .help(format!(
                    "an estimate of {} runs {range}; check for a misplaced decimal point or a unit (km² not m², people not thousands)",
                    row.quantity
                )),
            );
        }
    }
}

/// A group that is part of another (`parent` in groups.csv) cannot have more fighters
/// than the whole in the same year.
pub(crate) fn part_whole(data: &Dataset, problems: &mut Vec<Problem>) {
    for group in &data.groups {
        let Some(parent) = &group.parent else {
            continue;
        };
        for part in data.rows_for(Quantity::Fighters, &group.id) {
            let wholes: Vec<&Row> = data
                .rows_for(Quantity::Fighters, parent)
                .into_iter()
                .filter(|r| r.year == part.year)
                .collect();
            let Some(largest) = wholes.iter().max_by(|a, b| most(a).total_cmp(&most(b))) else {
                continue;
            };
            if part.estimate.central > most(largest) {
                problems.push(
                    Problem::new(
                        format!(
                            "{} has more fighters ({}) than the whole of {parent} in {} ({} at most, line {})",
                            group.id,
                            part.estimate.central,
                            part.year.unwrap_or_default(),
                            most(largest),
                            largest.at.line
                        ),
                        part.at.cell("central"),
                    )
                    .help(format!("a part cannot be larger than the whole: check both rows, or whether {} really belongs to {parent} (groups.csv, column `parent`)", group.id)),
                );
            }
        }
    }
}

fn most(row: &Row) -> f64 {
    row.estimate.high.unwrap_or(row.estimate.central)
}

/// Warnings, not errors: sources without a publication date, which a reader cannot
/// place in time. Each names the file, line and source.
pub(crate) fn undated_sources(data: &Dataset) -> Vec<String> {
    data.sources
        .iter()
        .filter(|s| s.published.trim().is_empty())
        .map(|s| {
            format!(
                "warning: {}: source {} has no date in `published`; write the date it gives (2024-07-22, 2024-07 or 2024)",
                s.at, s.id
            )
        })
        .collect()
}
