//! Resolves a comparison's inputs: for each quantity and country, the row for the
//! comparison's year or the nearest earlier one (said in a note, never silently), chosen
//! by a named source or the `preferred` flag, with `--set` overrides applied on top.

use crate::data::model::{DistKind, YearRule};
use crate::data::vintages;
use crate::data::years::{newer_note, unused};
use crate::data::{Comparison, Dataset, Estimate, Quantity, Row, RowRef};
use crate::error::{Location, Problem};
use crate::uncertainty::formula::Member;

use super::overrides::Override;

/// One term of a quantity's sum: a country's population, a component of its soldiers.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub(crate) quantity: Quantity,
    pub(crate) entity: String,
    pub(crate) component: Option<String>,
    pub(crate) year: Option<i32>,
    pub(crate) estimate: Estimate,
    /// The cited source; `None` when the value comes from `--set`.
    pub(crate) source: Option<String>,
    pub(crate) at: Option<RowRef>,
    pub(crate) overridden: bool,
    /// What set an overridden value when it was not `--set` (a claim's bound).
    pub(crate) by: Option<String>,
    /// The `--set` that gave the value, as typed (`north.soldiers=0`).
    pub(crate) flag: Option<String>,
    /// The sampling distribution the row names, if any.
    pub(crate) dist: Option<DistKind>,
    /// Every row of the same quantity, entity, component and year, when there are
    /// several: the input is drawn from their mixture (see `uncertainty::pool`).
    pub(crate) pool: Vec<Member>,
}

impl Part {
    /// Where its value comes from: the `--set` flag that gave it, or its row's central
    /// cell; `None` for a value no row or flag gave (a claim's bound).
    pub(crate) fn place(&self) -> Option<Location> {
        match (&self.flag, &self.at) {
            (Some(flag), _) => Some(Location::flag("--set", flag)),
            (None, Some(at)) => Some(at.cell("central")),
            (None, None) => None,
        }
    }

    /// The input's identity for sampling: one draw per key per trial, shared by every
    /// metric and comparison that uses it. Keys name the row (entity, quantity,
    /// component, year, source) or the override.
    pub(crate) fn key(&self) -> String {
        let mut key = format!("{}.{}", self.entity, self.quantity);
        if let Some(component) = &self.component {
            key.push_str(&format!(".{component}"));
        }
        match (&self.source, self.year) {
            (None, _) => key.push_str(".set"),
            (Some(source), Some(year)) => key.push_str(&format!(".{year}.{source}")),
            (Some(source), None) => key.push_str(&format!(".{source}")),
        }
        key
    }
}

/// A quantity for a comparison: the sum of its parts.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub(crate) parts: Vec<Part>,
    pub(crate) notes: Vec<String>,
}

impl Resolved {
    pub(crate) fn overridden(&self) -> bool {
        self.parts.iter().any(|p| p.overridden)
    }
}

/// Everything a comparison's metrics are computed from.
#[derive(Debug, Clone)]
pub(crate) struct Inputs {
    pub(crate) comparison: Comparison,
    pub(crate) fighters: Result<Resolved, Problem>,
    pub(crate) soldiers: Result<Resolved, Problem>,
    pub(crate) population: Result<Resolved, Problem>,
    pub(crate) area: Result<Resolved, Problem>,
}

impl Inputs {
    pub(crate) fn get(&self, quantity: Quantity) -> &Result<Resolved, Problem> {
        match quantity {
            Quantity::Fighters => &self.fighters,
            Quantity::Soldiers => &self.soldiers,
            Quantity::Population => &self.population,
            Quantity::Area => &self.area,
        }
    }
}

pub(crate) fn resolve(data: &Dataset, comparison: &Comparison, overrides: &[Override]) -> Inputs {
    let fighters = simple(
        data,
        comparison,
        Quantity::Fighters,
        std::slice::from_ref(&comparison.group),
        overrides,
    );
    let population = simple(
        data,
        comparison,
        Quantity::Population,
        &comparison.countries,
        overrides,
    );
    let area = simple(
        data,
        comparison,
        Quantity::Area,
        &comparison.countries,
        overrides,
    );
    let soldiers = soldiers(data, comparison, overrides);
    Inputs {
        comparison: comparison.clone(),
        fighters,
        soldiers,
        population,
        area,
    }
}

/// Sums one quantity over entities, one row (or override) each.
fn simple(
    data: &Dataset,
    c: &Comparison,
    quantity: Quantity,
    entities: &[String],
    overrides: &[Override],
) -> Result<Resolved, Problem> {
    let mut parts = Vec::new();
    for entity in entities {
        if let Some(o) = overrides
            .iter()
            .rev()
            .find(|o| o.quantity == quantity && &o.entity == entity)
        {
            parts.push(overridden(entity, None, o));
            continue;
        }
        match pick(data, c, quantity, entity, None)? {
            Some(row) => parts.push(from_row_pooled(data, row)),
            None => {
                return Err(Problem::new(
                    format!(
                        "comparison \"{}\" has no {quantity} estimate for {entity}{}",
                        c.id,
                        in_or_before(quantity, c.year)
                    ),
                    c.key(if quantity == Quantity::Fighters {
                        "group"
                    } else {
                        "countries"
                    }),
                )
                .help(match unused(data, c, quantity, entity, None).map(|u| u.row) {
                    Some(row) => format!(
                        "{}: set year = {} (or year = \"latest\") to use it, add a row for {entity} to {}, or try one with --set {entity}.{quantity}=V",
                        newer_note(c, row),
                        row.year.unwrap_or_default(),
                        quantity.file()
                    ),
                    None => format!(
                        "add a row for {entity} to {}, or try one with --set {entity}.{quantity}=V",
                        quantity.file()
                    ),
                }))
            }
        }
    }
    Ok(finish(data, c, quantity, parts, Vec::new()))
}

/// Soldiers: the counted components of every country. A counted component with no row is
/// counted as none, with a note; a country with no counted component at all is an error.
fn soldiers(data: &Dataset, c: &Comparison, overrides: &[Override]) -> Result<Resolved, Problem> {
    let quantity = Quantity::Soldiers;
    let mut parts = Vec::new();
    let mut notes = Vec::new();
    for country in &c.countries {
        if let Some(o) = overrides
            .iter()
            .rev()
            .find(|o| o.quantity == quantity && &o.entity == country && o.component.is_none())
        {
            parts.push(overridden(country, None, o));
            continue;
        }
        let mut missing = Vec::new();
        let before = parts.len();
        for component in &c.soldiers {
            let set = overrides.iter().rev().find(|o| {
                o.quantity == quantity
                    && &o.entity == country
                    && o.component.as_ref() == Some(component)
            });
            if let Some(o) = set {
                parts.push(overridden(country, Some(component), o));
            } else if let Some(row) = pick(data, c, quantity, country, Some(component))? {
                parts.push(from_row_pooled(data, row));
            } else {
                missing.push(component.as_str());
            }
        }
        if parts.len() == before {
            return Err(Problem::new(
                format!("comparison \"{}\" has no soldiers estimate for {country}{} in any counted component ({})", c.id, in_or_before(quantity, c.year), c.soldiers.join(", ")),
                c.key("soldiers"),
            )
            .help(format!("add a row for {country} to soldiers.csv, count a component it has, or try --set {country}.soldiers=V")));
        }
        if !missing.is_empty() {
            notes.push(format!(
                "no {} estimate for {} in or before {}: counted as none",
                missing.join(" or "),
                data.entity_name(country),
                c.year
            ));
            for component in missing {
                if let Some(newer) = unused(data, c, quantity, country, Some(component)) {
                    notes.push(newer.note(data, c));
                }
            }
        }
    }
    Ok(finish(data, c, quantity, parts, notes))
}

/// The row for an entity's quantity: the comparison's year or the nearest earlier one,
/// then the named source, then the preferred flag. Ambiguity is an error that says how
/// to resolve it.
fn pick<'a>(
    data: &'a Dataset,
    c: &Comparison,
    quantity: Quantity,
    entity: &str,
    component: Option<&str>,
) -> Result<Option<&'a Row>, Problem> {
    let named = c.sources.get(&quantity).map(String::as_str);
    let candidates = match choose(data, quantity, entity, component, c.year, named) {
        Choice::None if named.is_some() => {
            let source = named.unwrap_or_default();
            return Err(Problem::new(
                format!("comparison \"{}\" takes {quantity} from source \"{source}\", which has no {quantity} row for {entity}{}", c.id, in_or_before(quantity, c.year)),
                c.key(&format!("sources.{quantity}")),
            )
            .help(format!("name a source that covers every country of the comparison, or remove `{quantity}` from its sources")));
        }
        Choice::None => return Ok(None),
        Choice::One(row) => return Ok(Some(row)),
        Choice::Ambiguous(rows) => rows,
    };
    let lines: Vec<String> = candidates.iter().map(|r| r.at.line.to_string()).collect();
    let sources: Vec<&str> = candidates.iter().map(|r| r.source.as_str()).collect();
    Err(Problem::new(
        format!("{} rows for {} (lines {}) and none is marked preferred, so comparison \"{}\" cannot choose", candidates.len(), crate::data::checks::describe_key(candidates[0]), lines.join(", "), c.id),
        candidates[0].at.cell("preferred"),
    )
    .help(format!(
        "write yes in the `preferred` column of the row to use, or name its source in the comparison: sources = {{ {quantity} = \"{}\" }} (candidates: {})",
        sources[0],
        sources.join(", ")
    )))
}

/// What the data offers for an entity's quantity in a year.
pub(crate) enum Choice<'a> {
    None,
    One(&'a Row),
    /// Several rows of the latest year, none (or more than one) marked preferred.
    Ambiguous(Vec<&'a Row>),
}

/// The one rule for choosing a row: the year asked for or the nearest earlier one, only
/// the named source's rows when one is named, then the single row of that year, or the
/// single one marked preferred. Anything else is ambiguous, never a silent pick.
pub(crate) fn choose<'a>(
    data: &'a Dataset,
    quantity: Quantity,
    entity: &str,
    component: Option<&str>,
    year: i32,
    source: Option<&str>,
) -> Choice<'a> {
    let mut candidates: Vec<&Row> = data
        .rows_for(quantity, entity)
        .into_iter()
        .filter(|r| {
            r.component.as_deref() == component
                && r.year.is_none_or(|y| y <= year)
                && source.is_none_or(|s| r.source == s)
        })
        .collect();
    let Some(best) = candidates.iter().map(|r| r.year).max() else {
        return Choice::None;
    };
    candidates.retain(|r| r.year == best);
    if candidates.len() == 1 {
        return Choice::One(candidates[0]);
    }
    let preferred: Vec<&Row> = candidates.iter().copied().filter(|r| r.preferred).collect();
    match preferred.as_slice() {
        [one] => Choice::One(one),
        _ => Choice::Ambiguous(candidates),
    }
}

fn in_or_before(quantity: Quantity, year: i32) -> String {
    if quantity == Quantity::Area {
        String::new()
    } else {
        format!(" in or before {year}")
    }
}

/// The rows that give the same quantity of the same entity (and component) for the
/// same year as `row`, itself included, in file order; empty when `row` is alone.
pub(crate) fn pool(data: &Dataset, row: &Row) -> Vec<Member> {
    let same = same_figure(data, row);
    // An older release of a publication another row gives the figure from is not an
    // independent source (`data::vintages`); the chosen row itself always stays.
    let newest = vintages::newest(data, &same);
    // The chosen row stands for its publication: another release of it (a newer one
    // imported beside a hand-typed figure) is not a second source.
    let rows: Vec<&Row> = same
        .into_iter()
        .filter(|r| {
            std::ptr::eq(*r, row)
                || (newest.iter().any(|n| std::ptr::eq(*n, *r))
                    && !vintages::same_publication(data, r, row))
        })
        .collect();
    if rows.len() < 2 {
        return Vec::new();
    }
    rows.into_iter()
        .map(|r| Member {
            source: r.source.clone(),
            estimate: r.estimate,
            dist: r.dist,
            weight: r.weight.unwrap_or(1.0),
        })
        .collect()
}

/// The rows that give the same quantity of the same entity (and component) for the
/// same year as `row`, itself included, in file order.
fn same_figure<'a>(data: &'a Dataset, row: &Row) -> Vec<&'a Row> {
    data.rows_for(row.quantity, &row.entity)
        .into_iter()
        .filter(|r| r.component == row.component && r.year == row.year)
        .collect()
}

/// The note for a row left out of a pool, and why.
fn left_out(data: &Dataset, r: &Row, why: &str) -> String {
    format!(
        "{} {} of {} from {} left out of the pool: {why}",
        describe_what(r),
        r.year.map(|y| y.to_string()).unwrap_or_default(),
        data.entity_name(&r.entity),
        r.source,
    )
}

/// The notes for the older releases left out of a row's pool.
fn replaced_notes(data: &Dataset, row: &Row) -> Vec<String> {
    let same = same_figure(data, row);
    same.iter()
        .filter(|r| !std::ptr::eq(**r, row))
        .filter_map(|r| {
            if vintages::replaced_by(data, r, &same).is_none()
                && vintages::same_publication(data, r, row)
            {
                // The same figure again (a hand-typed row and its import) changes
                // nothing: said only when the release gives another figure.
                if r.estimate == row.estimate {
                    return None;
                }
                return Some(left_out(
                    data,
                    r,
                    &format!(
                        "the chosen {} is a release of the same publication",
                        row.source
                    ),
                ));
            }
            vintages::replaced_by(data, r, &same).map(|newer| {
                left_out(
                    data,
                    r,
                    &format!(
                        "{} is a newer release of the same publication",
                        newer.source
                    ),
                )
            })
        })
        .collect()
}

fn describe_what(row: &Row) -> String {
    match &row.component {
        Some(component) => format!("{} ({component})", row.quantity),
        None => row.quantity.to_string(),
    }
}

/// A row as a term of a quantity, drawn from the pool of every source's row for it.
pub(crate) fn from_row_pooled(data: &Dataset, row: &Row) -> Part {
    Part {
        pool: pool(data, row),
        ..from_row(row)
    }
}

/// A row as a term of a quantity, on its own.
pub(crate) fn from_row(row: &Row) -> Part {
    Part {
        pool: Vec::new(),
        quantity: row.quantity,
        dist: row.dist,
        entity: row.entity.clone(),
        component: row.component.clone(),
        year: row.year,
        estimate: row.estimate,
        source: Some(row.source.clone()),
        at: Some(row.at.clone()),
        overridden: false,
        by: None,
        flag: None,
    }
}

fn overridden(entity: &str, component: Option<&String>, o: &Override) -> Part {
    Part {
        quantity: o.quantity,
        dist: None,
        entity: entity.to_string(),
        component: component.cloned(),
        year: None,
        estimate: Estimate::point(o.value),
        source: None,
        at: None,
        overridden: true,
        by: o.by.clone(),
        flag: o.by.is_none().then(|| o.text.clone()),
        pool: Vec::new(),
    }
}

/// Adds up the parts and writes the notes: the year of a comparison that follows its
/// estimates, year fallbacks, newer estimates left unused, and overrides.
fn finish(
    data: &Dataset,
    c: &Comparison,
    quantity: Quantity,
    parts: Vec<Part>,
    mut notes: Vec<String>,
) -> Resolved {
    if let YearRule::Latest { why } = &c.year_rule {
        notes.insert(
            0,
            format!(
                "year {}: the latest its estimates share (year = \"latest\"): {why}",
                c.year
            ),
        );
    }
    for part in &parts {
        let what = match &part.component {
            Some(component) => format!("{quantity} ({component})"),
            None => quantity.to_string(),
        };
        if part.overridden {
            notes.push(format!(
                "{what} of {} set to {} {}",
                data.entity_name(&part.entity),
                crate::numbers::readable(part.estimate.central),
                part.by.as_deref().unwrap_or("by --set")
            ));
        } else if let Some(year) = part.year.filter(|&y| y < c.year) {
            // A comparison has one group, so only a country needs naming.
            let whose = match quantity {
                Quantity::Fighters => String::new(),
                _ => format!(" ({})", data.entity_name(&part.entity)),
            };
            notes.push(format!("{what} {year} used for {}{whose}", c.year));
        }
        if part.overridden {
            continue;
        }
        let row = data.rows_for(quantity, &part.entity).into_iter().find(|r| {
            r.component == part.component
                && r.year == part.year
                && part.source.as_ref() == Some(&r.source)
        });
        if let Some(row) = row {
            notes.extend(replaced_notes(data, row));
        }
        if quantity == Quantity::Area {
            continue;
        }
        let component = part.component.as_deref();
        if let Some(newer) = unused(data, c, quantity, &part.entity, component) {
            notes.push(newer.note(data, c));
        }
    }
    Resolved { parts, notes }
}
