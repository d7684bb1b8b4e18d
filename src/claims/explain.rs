//! Explanations for an inconsistent claim: every single change to the data that would
//! make it consistent — another year of the same quantity, another source's estimate, or
//! counting or excluding a force component — and, when no single change does, pairs of
//! rows that do together (a figure that mixes years).

use std::collections::BTreeSet;

use crate::data::model::{ARMED_FORCES_PARTS, COMPONENTS};
use crate::data::{Dataset, Quantity, Row};
use crate::metrics::overrides::Override;
use crate::metrics::resolve::{resolve, Part};
use crate::numbers::grouped;

use super::compute::compute;
use super::tolerance::Band;
use super::{Bound, Claim, Target};

/// `overrides` are the run's `--set` values: each change is tried on top of them.
pub(crate) fn explain(
    data: &Dataset,
    claim: &Claim,
    accepted: &Band,
    overrides: &[Override],
) -> Vec<String> {
    match &claim.target {
        Target::Metric {
            comparison,
            versus,
            metric,
            ..
        } => {
            let mut found = Vec::new();
            let quantities: BTreeSet<_> = metric
                .quantities()
                .into_iter()
                .flat_map(|(top, bottom)| [top, bottom])
                .collect();
            let involved: Vec<&str> = std::iter::once(comparison.as_str())
                .chain(versus.as_deref())
                .collect();
            let holds = |extra: &[Override]| matches!(compute(data, claim, &[overrides, extra].concat(), None), Ok((v, _)) if accepted.contains(v));
            let mut changes: Vec<Change> = Vec::new();
            for id in &involved {
                let Some(c) = data.comparison(id) else {
                    continue;
                };
                let inputs = resolve(data, c, overrides);
                for quantity in &quantities {
                    let Ok(resolved) = inputs.get(*quantity) else {
                        continue;
                    };
                    for part in resolved.parts.iter().filter(|p| !p.overridden) {
                        for row in alternatives(data, *quantity, part) {
                            let change = Change {
                                o: Override {
                                    entity: part.entity.clone(),
                                    quantity: *quantity,
                                    component: part.component.clone(),
                                    value: row.estimate.central,
                                    text: String::new(),
                                    by: None,
                                },
                                row: describe_row(row),
                                instead: describe_part(part),
                            };
                            if holds(std::slice::from_ref(&change.o)) {
                                push(
                                    &mut found,
                                    format!(
                                        "consistent if {} is used instead of {}",
                                        change.row, change.instead
                                    ),
                                );
                            }
                            changes.push(change);
                        }
                    }
                }
                for (components, change) in component_changes(data, c) {
                    if matches!(compute(data, claim, overrides, Some((id, &components))), Ok((v, _)) if accepted.contains(v))
                    {
                        push(&mut found, format!("consistent if {id} {change}"));
                    }
                }
            }
            if found.is_empty() {
                found = pairs(&changes, &holds);
            }
            found
        }
        Target::Estimate {
            entity,
            quantity,
            component,
            bound,
            ..
        } => {
            let mut found = Vec::new();
            for row in data
                .rows_of(*quantity)
                .filter(|r| &r.entity == entity && r.component == *component)
            {
                let value = bound.of(&row.estimate);
                if accepted.contains(value) {
                    let which = match bound {
                        Bound::Central => "",
                        Bound::Low => "the low of ",
                        Bound::High => "the high of ",
                    };
                    push(
                        &mut found,
                        format!(
                            "consistent with {which}{}{}",
                            describe_row(row),
                            range_of(row, *bound)
                        ),
                    );
                }
            }
            found
        }
        Target::Unverifiable { .. } => Vec::new(),
    }
}

/// One row of the data put in place of the one a comparison used.
struct Change {
    o: Override,
    /// The row put in, and the one it replaces, as the explanation names them.
    row: String,
    instead: String,
}

/// At most this many two-row explanations are listed.
const MAX_PAIRS: usize = 4;

/// When no single change explains a figure: two rows put in together, for two different
/// inputs. A published figure that mixes the years or sources of its inputs (fighters
/// of one year over the population of another) shows here.
fn pairs(changes: &[Change], holds: &dyn Fn(&[Override]) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for (i, a) in changes.iter().enumerate() {
        for b in &changes[i + 1..] {
            let same_input = a.o.entity == b.o.entity
                && a.o.quantity == b.o.quantity
                && a.o.component == b.o.component;
            if same_input || found.len() >= MAX_PAIRS {
                continue;
            }
            if holds(&[a.o.clone(), b.o.clone()]) {
                push(
                    &mut found,
                    format!(
                        "consistent if {} and {} are used together, instead of {} {} {} and {} {} {}",
                        a.row, b.row, a.o.entity, a.o.quantity, a.instead, b.o.entity, b.o.quantity, b.instead
                    ),
                );
            }
        }
    }
    found
}

fn push(found: &mut Vec<String>, text: String) {
    if !found.contains(&text) {
        found.push(text);
    }
}

/// Other rows of the same entity, quantity and component than the one a part used.
fn alternatives<'a>(
    data: &'a Dataset,
    quantity: Quantity,
    part: &'a Part,
) -> impl Iterator<Item = &'a Row> {
    data.rows_of(quantity).filter(move |r| {
        r.entity == part.entity && r.component == part.component && Some(&r.at) != part.at.as_ref()
    })
}

/// Soldier counts with one component added or removed, and how to say it.
fn component_changes(data: &Dataset, c: &crate::data::Comparison) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let has_data = |component: &str| {
        data.rows_of(Quantity::Soldiers).any(|r| {
            r.component.as_deref() == Some(component)
                && c.countries.contains(&r.entity)
                && r.year.is_none_or(|y| y <= c.year)
        })
    };
    let counts_total = c.soldiers.iter().any(|s| s == "armed-forces");
    for component in COMPONENTS {
        let counted = c.soldiers.iter().any(|s| s == component);
        if counted && c.soldiers.len() > 1 {
            let fewer: Vec<String> = c
                .soldiers
                .iter()
                .filter(|s| s != component)
                .cloned()
                .collect();
            out.push((fewer, format!("did not count {component} as soldiers")));
        } else if !counted && has_data(component) {
            let overlaps = (*component == "armed-forces"
                && c.soldiers
                    .iter()
                    .any(|s| ARMED_FORCES_PARTS.contains(&s.as_str())))
                || (counts_total && ARMED_FORCES_PARTS.contains(component));
            if !overlaps {
                let mut more = c.soldiers.clone();
                more.push(component.to_string());
                out.push((more, format!("counted {component} as soldiers")));
            }
        }
    }
    out
}

fn describe_row(row: &Row) -> String {
    let mut out = format!("{} {}", row.entity, row.quantity);
    if let Some(component) = &row.component {
        out.push_str(&format!(" ({component})"));
    }
    if let Some(year) = row.year {
        out.push_str(&format!(" {year}"));
    }
    format!(
        "{out} ({}; {}, {})",
        grouped(row.estimate.central, 0),
        row.source,
        row.at
    )
}

/// ", range 58,000 to 100,000" for a claim about the low or high of a row's range.
fn range_of(row: &Row, bound: Bound) -> String {
    match (bound, row.estimate.low, row.estimate.high) {
        (Bound::Central, _, _) => String::new(),
        (_, Some(low), Some(high)) => {
            format!(" (range {} to {})", grouped(low, 0), grouped(high, 0))
        }
        _ => " (no range given)".to_string(),
    }
}

fn describe_part(part: &Part) -> String {
    let year = part.year.map(|y| format!(" {y}")).unwrap_or_default();
    format!(
        "{year} ({}; {})",
        grouped(part.estimate.central, 0),
        part.source.as_deref().unwrap_or("--set")
    )
    .trim_start()
    .to_string()
}
