//! A metric as a formula over a comparison's resolved inputs: which quantities it
//! divides, their parts as terms in display units, and its scale.

use crate::data::Quantity;
use crate::error::Problem;
use crate::uncertainty::formula::{Formula, Term};
use crate::units::Units;

use super::resolve::{Inputs, Part, Resolved};
use super::Metric;
use crate::units::area_in;

/// A resolved quantity's parts as terms, in display units.
pub(crate) fn terms(resolved: &Resolved, units: Units) -> Vec<Term> {
    resolved
        .parts
        .iter()
        .map(|part| term(part, units))
        .collect()
}

fn term(part: &Part, units: Units) -> Term {
    let factor = if part.quantity == Quantity::Area {
        area_in(units, 1.0)
    } else {
        1.0
    };
    Term {
        key: part.key(),
        source: part.source.clone(),
        factor,
        estimate: part.estimate,
        dist: part.dist,
        pool: part.pool.clone(),
    }
}

/// The dataset quantities of a metric; event metrics are computed by `metrics::events`.
pub(crate) fn quantities(inputs: &Inputs, metric: Metric) -> Result<(Quantity, Quantity), Problem> {
    metric.quantities().ok_or_else(|| {
        Problem::new(
            format!("{metric} is counted from an event export"),
            inputs.comparison.key("group"),
        )
        .help("give one with --events FILE")
    })
}

fn input(inputs: &Inputs, quantity: Quantity) -> Result<&Resolved, Problem> {
    inputs.get(quantity).as_ref().map_err(Problem::clone)
}

/// The formula of a metric of one comparison.
pub(crate) fn single(inputs: &Inputs, metric: Metric, units: Units) -> Result<Formula, Problem> {
    let (top, bottom) = quantities(inputs, metric)?;
    let scale = match metric.def().kind {
        crate::metrics::Kind::Single { scale, .. } => scale,
        _ => 1.0,
    };
    Ok(Formula {
        scale,
        numerator: terms(input(inputs, top)?, units),
        denominator: terms(input(inputs, bottom)?, units),
    })
}

/// The formula of a pairwise ratio: a quantity of `a` over the same of `b`.
pub(crate) fn pairwise(
    a: &Inputs,
    b: &Inputs,
    metric: Metric,
    units: Units,
) -> Result<Formula, Problem> {
    let (quantity, _) = quantities(a, metric)?;
    Ok(Formula {
        scale: 1.0,
        numerator: terms(input(a, quantity)?, units),
        denominator: terms(input(b, quantity)?, units),
    })
}
