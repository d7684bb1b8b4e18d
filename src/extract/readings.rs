//! The readings the words chose, as claim targets, with the value each computes on the
//! data for the reviewer to see. The value is computed after the words chose; it never
//! picks a reading. Comparisons are found by what the words name: the group, the
//! countries, the year, and whether militia or foreign forces are counted in.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::claims::compute::target_value;
use crate::claims::{Bound, Target};
use crate::data::{Comparison, Dataset, Quantity};
use crate::metrics::Metric;
use crate::units::Units;

/// One reading: what a claim would be about, and what the data computes for it.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) target: Target,
    pub(crate) computed: Option<f64>,
    /// For a claim about change: the two years, the target being of the later one.
    pub(crate) change: Option<crate::claims::Between>,
}

/// The values candidates compute, each computed once per document: a reading's value
/// does not depend on the statement.
pub(crate) struct Values<'a> {
    pub(crate) data: &'a Dataset,
    cache: RefCell<HashMap<String, Option<f64>>>,
}

impl<'a> Values<'a> {
    pub(crate) fn new(data: &'a Dataset) -> Values<'a> {
        Values {
            data,
            cache: RefCell::new(HashMap::new()),
        }
    }

    fn of(&self, target: &Target) -> Option<f64> {
        let key = format!("{target:?}");
        if let Some(v) = self.cache.borrow().get(&key) {
            return *v;
        }
        let v = target_value(self.data, target);
        self.cache.borrow_mut().insert(key, v);
        v
    }

    /// The candidate for `target`, with its value when the data computes one.
    pub(crate) fn candidate(&self, target: Target) -> Candidate {
        Candidate {
            computed: self.of(&target),
            target,
            change: None,
        }
    }

    /// The candidate for a change of an estimate between two years (`target` of the
    /// later), with the factor the data gives.
    pub(crate) fn change(&self, target: Target, between: crate::claims::Between) -> Candidate {
        let earlier = match &target {
            Target::Estimate {
                entity,
                quantity,
                component,
                bound,
                ..
            } => Some(estimate(
                entity,
                *quantity,
                component.clone(),
                between.from,
                *bound,
            )),
            _ => None,
        };
        let computed = earlier
            .and_then(|e| self.of(&e))
            .zip(self.of(&target))
            .map(|(from, to)| to / from);
        Candidate {
            target,
            computed,
            change: Some(between),
        }
    }
}

/// An estimate's target.
pub(crate) fn estimate(
    entity: &str,
    quantity: Quantity,
    component: Option<String>,
    year: i32,
    bound: Bound,
) -> Target {
    Target::Estimate {
        entity: entity.to_string(),
        quantity,
        component,
        year,
        bound,
    }
}

/// The years the data holds for an entity's quantity (and component), latest first:
/// the alternatives of a statement whose year the words leave open.
pub(crate) fn years_held(
    data: &Dataset,
    entity: &str,
    quantity: Quantity,
    component: Option<&str>,
) -> Vec<i32> {
    let mut years: Vec<i32> = data
        .rows_of(quantity)
        .filter(|r| {
            r.entity == entity && (component.is_none() || r.component.as_deref() == component)
        })
        .filter_map(|r| r.year)
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// Whether a metric involves the group's fighters (then the words must name the group).
pub(crate) fn needs_group(metric: Metric) -> bool {
    metric
        .quantities()
        .is_none_or(|(top, bottom)| top == Quantity::Fighters || bottom == Quantity::Fighters)
}

/// Whether a metric counts soldiers (then which forces count matters).
fn counts_soldiers(metric: Metric) -> bool {
    metric
        .quantities()
        .is_some_and(|(top, bottom)| top == Quantity::Soldiers || bottom == Quantity::Soldiers)
}

/// Whether a comparison counts militia or foreign forces among its soldiers.
fn counts_all_forces(c: &Comparison) -> bool {
    c.soldiers.iter().any(|s| s == "militia" || s == "foreign")
}

/// What the words say a comparison must be.
#[derive(Debug, Clone, Default)]
pub(crate) struct Wanted {
    pub(crate) group: Option<String>,
    /// The countries named (all of them, summed), or none named.
    pub(crate) countries: Vec<String>,
    pub(crate) year: Option<i32>,
    /// Whether the words count militia or foreign forces in (`Some(true)`), leave them
    /// out, or say nothing (the regular forces, as the README says).
    pub(crate) all_forces: Option<bool>,
}

/// The comparisons the words fit for `metric`: by group (when the metric has fighters),
/// countries (when named), year (when stated) and the forces counted; comparisons that
/// compute the same for this metric count once.
pub(crate) fn comparisons<'d>(
    data: &'d Dataset,
    metric: Metric,
    w: &Wanted,
) -> Vec<&'d Comparison> {
    let mut out: Vec<&Comparison> = Vec::new();
    for c in &data.comparisons {
        if needs_group(metric) && w.group.as_deref() != Some(c.group.as_str()) {
            continue;
        }
        if !w.countries.is_empty() {
            let same = w.countries.len() == c.countries.len()
                && w.countries.iter().all(|k| c.countries.contains(k));
            if !same {
                continue;
            }
        }
        if w.year.is_some_and(|y| y != c.year) {
            continue;
        }
        if counts_soldiers(metric) && counts_all_forces(c) != w.all_forces.unwrap_or(false) {
            continue;
        }
        // A ratio of fighters is the group's whatever the countries.
        let fighters_only = metric == Metric::FightersRatio;
        let twin = out.iter().any(|o| {
            (fighters_only || o.countries == c.countries)
                && o.year == c.year
                && (!needs_group(metric) || o.group == c.group)
                && (!counts_soldiers(metric) || o.soldiers == c.soldiers)
        });
        if !twin {
            out.push(c);
        }
    }
    out
}

/// A metric's target for a comparison (and another, for a ratio between two).
pub(crate) fn metric(
    comparison: &str,
    versus: Option<&str>,
    metric: Metric,
    units: Units,
) -> Target {
    Target::Metric {
        comparison: comparison.to_string(),
        versus: versus.map(str::to_string),
        metric,
        units,
        bounds: Vec::new(),
    }
}
