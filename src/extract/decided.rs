//! What becomes of one number (`Decided`): a statement with the evidence it rests on, or
//! an aside; and the readings a statement ends in: one of the data's comparisons or
//! estimates, the alternatives when the words leave it open, or why none fits. What
//! `decide.rs`, `estimates.rs` and `ratios.rs` end in.

use crate::data::Quantity;
use crate::metrics::Metric;
use crate::units::Units;

use super::confidence::Evidence;
use super::lexicon::Component;
use super::readings::{self, Candidate, Values, Wanted};
use super::sight::{bound, year_of, Sight};
use super::when::Year;
use super::whose::{self, Whose};
use super::Status;

/// The outcome for one number.
pub(super) enum Decided {
    /// A statement, with how it was read.
    Statement(Status, Evidence),
    /// No statement: why the number is no figure (for a person reading the code; the
    /// summary counts asides together).
    Aside(#[allow(dead_code)] &'static str),
}

/// A figure outside the model: why, and the evidence it rests on.
pub(super) fn oom(reason: impl Into<String>, evidence: Evidence) -> Decided {
    Decided::Statement(
        Status::OutOfModel {
            reason: reason.into(),
        },
        evidence,
    )
}

fn needs(why: impl Into<String>, alternatives: Vec<Candidate>, evidence: Evidence) -> Decided {
    Decided::Statement(
        Status::NeedsReading {
            why: why.into(),
            alternatives,
        },
        evidence,
    )
}

fn mapped(best: Candidate, evidence: Evidence) -> Decided {
    Decided::Statement(
        Status::Mapped {
            best,
            alternatives: Vec::new(),
        },
        evidence,
    )
}

/// The comparisons `w` fits for `metric`, as a reading, the alternatives, or why none.
pub(super) fn choose_metric(
    values: &Values,
    metric: Metric,
    w: &Wanted,
    units: Units,
    evidence: Evidence,
    what: &str,
) -> Decided {
    let found = readings::comparisons(values.data, metric, w);
    match found.as_slice() {
        [one] => mapped(
            values.candidate(readings::metric(&one.id, None, metric, units)),
            evidence,
        ),
        [] => oom(
            format!(
                "{what}: no comparison of the data fits the words ({}{}{})",
                w.group
                    .as_deref()
                    .map(|g| format!("group {g}"))
                    .unwrap_or_else(|| "no group named".into()),
                if w.countries.is_empty() {
                    String::new()
                } else {
                    format!(", countries {}", w.countries.join(" + "))
                },
                w.year.map(|y| format!(", year {y}")).unwrap_or_default()
            ),
            Evidence::NoComparison,
        ),
        many => needs(
            format!(
                "{what}: the words fit {} comparisons; name the countries",
                many.len()
            ),
            many.iter()
                .map(|c| values.candidate(readings::metric(&c.id, None, metric, units)))
                .collect(),
            Evidence::Open,
        ),
    }
}

/// An estimate as a reading, or the alternatives when the year is open.
pub(super) fn choose_estimate(
    s: &Sight,
    values: &Values,
    entity: &str,
    quantity: Quantity,
    component: Option<String>,
    owner_from: whose::From,
    what: &str,
) -> Decided {
    let bound = bound(s.t, s.clause);
    let held = readings::years_held(values.data, entity, quantity, component.as_deref());
    let alternatives = |years: &[i32]| -> Vec<Candidate> {
        years
            .iter()
            .take(3)
            .map(|y| {
                values.candidate(readings::estimate(
                    entity,
                    quantity,
                    component.clone(),
                    *y,
                    bound,
                ))
            })
            .collect()
    };
    match year_of(s) {
        Year::Known(y, from) => mapped(
            values.candidate(readings::estimate(
                entity,
                quantity,
                component.clone(),
                y,
                bound,
            )),
            Evidence::Estimate {
                owner: owner_from,
                year: from,
            },
        ),
        Year::Open(years) => needs(
            format!(
                "{what}: the sentence names several years ({})",
                years
                    .iter()
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            alternatives(&years),
            Evidence::Open,
        ),
        Year::Unstated => needs(
            format!(
                "{what}: the words state no year; the data holds {}",
                if held.is_empty() {
                    "none".to_string()
                } else {
                    runs(&held)
                }
            ),
            alternatives(&held),
            Evidence::Open,
        ),
    }
}

/// The owner, as the statement's fate when the words give none or several.
pub(super) fn owner_missing(whose: &Whose, what: &str, kind: &str) -> Option<Decided> {
    match whose {
        Whose::One(..) => None,
        Whose::Other(name, _) => Some(oom(
            format!("{what}: {name} is a {kind} the data does not hold"),
            Evidence::OtherOwner,
        )),
        Whose::Open(list) => Some(needs(
            format!(
                "{what}: the sentence names several {kind}s ({})",
                list.join(", ")
            ),
            Vec::new(),
            Evidence::Open,
        )),
        Whose::None => Some(needs(
            format!("{what}: the words name no {kind} of the data"),
            Vec::new(),
            Evidence::Open,
        )),
    }
}

/// A soldiers' component as soldiers.csv names it for a country: the regular forces are
/// `armed-forces`, or `army` where the data counts the army (and police) apart.
pub(super) fn component_id(values: &Values, country: &str, c: Component) -> Option<String> {
    let held: Vec<String> = values
        .data
        .rows_of(Quantity::Soldiers)
        .filter(|r| r.entity == country)
        .filter_map(|r| r.component.clone())
        .collect();
    match c {
        Component::Regular => ["armed-forces", "army"]
            .iter()
            .find(|k| held.iter().any(|h| h == *k))
            .map(|k| k.to_string())
            .or(Some("armed-forces".into())),
        other => Some(other.id().to_string()),
    }
}

/// Years, latest first, with each run of three or more consecutive years as one span:
/// "2025, 2024, 2021" stays; every year from 2025 down to 1960 is "1960–2025".
fn runs(years: &[i32]) -> String {
    let years: Vec<i64> = years.iter().map(|&y| i64::from(y)).collect();
    crate::numbers::spans(&years, 3)
}
