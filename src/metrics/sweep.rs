//! `validate`'s sweep: every metric of every comparison, and every pairwise ratio, put
//! through the formulas and the gate once, each problem and note said once.

use std::collections::HashSet;

use crate::error::Problem;
use crate::units::Units;

use super::compute::{pairwise_with_formula, single_with_formula};
use super::resolve::Inputs;
use super::Metric;

/// Every per-comparison metric of every comparison, and every pairwise ratio with each
/// comparison as its denominator: the problems found (each once) and the notes on the
/// years used (each once). Linear in the number of comparisons.
pub(crate) fn every_metric(inputs: &[Inputs], units: Units) -> (Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut notes = Vec::new();
    let mut noted = HashSet::new();
    let mut keep = |problem: Problem| {
        if seen.insert(problem.to_string()) {
            problems.push(problem);
        }
    };
    for i in inputs {
        for metric in Metric::single() {
            match single_with_formula(i, metric, units) {
                Ok((row, _)) => {
                    for note in row.notes {
                        let line = format!("  {}: {note}", i.comparison.id);
                        if noted.insert(line.clone()) {
                            notes.push(line);
                        }
                    }
                }
                Err(problem) => keep(problem),
            }
        }
    }
    for metric in Metric::pairwise() {
        let Some(widest) = widest(inputs, metric) else {
            continue;
        };
        for b in inputs {
            if let Err(problem) = pairwise_with_formula(widest, b, metric, units) {
                keep(problem);
            }
        }
    }
    (problems, notes)
}

/// For a pairwise metric, the comparison whose quantity can be largest: checking every
/// other comparison against it covers every pair, in one pass (linear, not quadratic).
fn widest(inputs: &[Inputs], metric: Metric) -> Option<&Inputs> {
    let (quantity, _) = metric.quantities()?;
    let most = |i: &Inputs| -> f64 {
        i.get(quantity).as_ref().map_or(f64::NEG_INFINITY, |r| {
            r.parts
                .iter()
                .map(|p| p.estimate.high.unwrap_or(p.estimate.central))
                .sum()
        })
    };
    inputs.iter().max_by(|a, b| most(a).total_cmp(&most(b)))
}
