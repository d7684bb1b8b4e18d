//! A metric as a formula over a comparison's resolved inputs: which quantities it
//! divides, their parts as terms in display units, and its scale.

use crate::data::Quantity;
use crate::error::{Location, Problem};
use crate::uncertainty::formula::{Formula, Term};
use crate::units::Units;

use super::resolve::{Inputs, Part, Resolved};
use super::Metric;
use crate::units::area_in;

/// A resolved quantity's parts as terms, in display units; a part that no row or flag
/// gave (a claim's bound) is placed at `chosen`, the comparison's key that chose it.
pub(crate) fn terms(resolved: &Resolved, units: Units, chosen: &Location) -> Vec<Term> {
    resolved
        .parts
        .iter()
        .map(|part| term(part, units, chosen))
        .collect()
}

fn term(part: &Part, units: Units, chosen: &Location) -> Term {
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
        place: part.place().unwrap_or_else(|| chosen.clone()),
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

/// The terms of one side of a formula: a comparison's quantity.
fn side(inputs: &Inputs, quantity: Quantity, units: Units) -> Result<Vec<Term>, Problem> {
    let resolved = inputs.get(quantity).as_ref().map_err(Problem::clone)?;
    let chosen = inputs.comparison.key(quantity.comparison_key());
    Ok(terms(resolved, units, &chosen))
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
        numerator: side(inputs, top, units)?,
        denominator: side(inputs, bottom, units)?,
        place: inputs.comparison.key("id"),
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
        numerator: side(a, quantity, units)?,
        denominator: side(b, quantity, units)?,
        place: a.comparison.key("id"),
    })
}
