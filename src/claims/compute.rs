//! What a claim is about, computed: the formula of its metric or estimate (with
//! `--set` values, a claim's bound, or other soldier components tried as alternatives),
//! its value and what it measures, and the data row an estimate claim reads. Verdicts
//! and explanations build on this.

use crate::data::Estimate;
use crate::data::{Dataset, Quantity, Row};
use crate::error::{Location, Problem};
use crate::metrics::compute::{pairwise_with_formula, single_with_formula};
use crate::metrics::overrides::Override;
use crate::metrics::resolve::{choose, from_row, resolve, Choice, Inputs};
use crate::metrics::Metric;
use crate::uncertainty::formula::{Formula, Term};
use crate::units::Units;

use super::{Bound, Claim, OnBound, Target};

/// Computes what a claim is about with optional overrides (used to try alternatives).
/// `soldiers` replaces the counted components of one comparison: (id, components).
pub(crate) fn compute(
    data: &Dataset,
    claim: &Claim,
    overrides: &[Override],
    soldiers: Option<(&str, &[String])>,
) -> Result<(f64, String), Problem> {
    target_formula(data, &claim.target, overrides, soldiers, &[])
        .map(|(formula, what)| (formula.central(), what))
        .map_err(|u| u.at(claim))
}

/// Why a target has no value: a problem in the data, placed where it is, or one with
/// the claim asking (an unknown comparison, an estimate the data lacks), placed at the
/// claim's key by [`compute_formula`].
#[derive(Debug)]
pub(crate) enum Unavailable {
    Data(Problem),
    Asked { message: String, key: &'static str },
}

impl From<Problem> for Unavailable {
    fn from(problem: Problem) -> Self {
        Unavailable::Data(problem)
    }
}

impl Unavailable {
    fn at(self, claim: &Claim) -> Problem {
        match self {
            Unavailable::Data(problem) => problem,
            Unavailable::Asked { message, key } => Problem::new(message, claim.at.cell(key)),
        }
    }
}

/// The formula behind a claim, for its value and its interval, and what it measures,
/// from the run's `resolved` inputs where the claim adds nothing to them.
pub(crate) fn compute_formula(
    data: &Dataset,
    claim: &Claim,
    overrides: &[Override],
    resolved: &[Inputs],
) -> Result<(Formula, String), Problem> {
    target_formula(data, &claim.target, overrides, None, resolved).map_err(|u| u.at(claim))
}

/// The two formulas of a change claim, its target at the earlier and at the later
/// year, and what the change measures.
pub(crate) fn change_formulas(
    data: &Dataset,
    claim: &Claim,
    between: super::Between,
    overrides: &[Override],
) -> Result<(Formula, Formula, String), Problem> {
    let at = |year: i32| -> Result<(Formula, String), Unavailable> {
        match &claim.target {
            Target::Metric {
                comparison,
                metric,
                units,
                ..
            } => {
                let mut c = with_components(data, comparison, None)?;
                c.year = year;
                c.year_rule = crate::data::model::YearRule::Set;
                let inputs = resolve(data, &c, overrides);
                let (_, formula) = single_with_formula(&inputs, *metric, *units)?;
                Ok((formula, format!("the change in {metric} of {comparison}")))
            }
            Target::Estimate {
                entity,
                quantity,
                component,
                bound,
                ..
            } => {
                let key = EstimateKey {
                    entity,
                    quantity: *quantity,
                    component: component.as_deref(),
                    year,
                };
                let (formula, what) = estimate_formula(data, &key, *bound)?;
                Ok((formula, format!("the change in {what}")))
            }
            Target::Unverifiable { .. } => Err(Unavailable::Asked {
                message: "not computable".into(),
                key: "requires",
            }),
        }
    };
    let (from, what_from) = at(between.from).map_err(|u| u.at(claim))?;
    let (to, what_to) = at(between.to).map_err(|u| u.at(claim))?;
    // An estimate names its row; the two years' rows differ, and both are named.
    let what = if what_from == what_to {
        format!("{what_from} from {} to {}", between.from, between.to)
    } else {
        format!(
            "{what_from} ({}) to {} ({})",
            between.from,
            what_to.trim_start_matches("the change in "),
            between.to
        )
    };
    Ok((from, to, what))
}

/// The value the data gives a target, with no claim asking (a reading `extract` weighs).
pub(crate) fn target_value(data: &Dataset, target: &Target) -> Option<f64> {
    target_formula(data, target, &[], None, &[])
        .ok()
        .map(|(formula, _)| formula.central())
}

/// The formula of what a target is about, and what it measures.
fn target_formula(
    data: &Dataset,
    target: &Target,
    overrides: &[Override],
    soldiers: Option<(&str, &[String])>,
    resolved: &[Inputs],
) -> Result<(Formula, String), Unavailable> {
    match target {
        Target::Metric {
            comparison,
            versus,
            metric,
            units,
            bounds,
        } => Ok(metric_formula(
            data,
            With {
                overrides,
                soldiers,
                resolved,
            },
            (comparison, versus.as_deref()),
            *metric,
            *units,
            bounds,
        )?),
        Target::Estimate {
            entity,
            quantity,
            component,
            year,
            bound,
        } => {
            if let Some(o) = estimate_override(overrides, entity, *quantity, component) {
                return Ok(set_formula(o, entity, *quantity));
            }
            let key = EstimateKey {
                entity,
                quantity: *quantity,
                component: component.as_deref(),
                year: *year,
            };
            estimate_formula(data, &key, *bound)
        }
        Target::Unverifiable { .. } => Err(Unavailable::Asked {
            message: "not computable".into(),
            key: "requires",
        }),
    }
}

/// A comparison from the data, with its counted soldier components replaced when
/// `soldiers` names it.
fn with_components(
    data: &Dataset,
    id: &str,
    soldiers: Option<(&str, &[String])>,
) -> Result<crate::data::Comparison, Unavailable> {
    let mut c = data
        .comparison(id)
        .cloned()
        .ok_or_else(|| Unavailable::Asked {
            message: format!("unknown comparison \"{id}\""),
            key: "comparison",
        })?;
    if let Some((_, components)) = soldiers.filter(|(target, _)| *target == id) {
        c.soldiers = components.to_vec();
    }
    Ok(c)
}

/// What a metric is computed with besides the data.
#[derive(Clone, Copy)]
struct With<'a> {
    /// `--set` values and the explanations' alternatives.
    overrides: &'a [Override],
    /// Soldier components tried in place of a comparison's own: (id, components).
    soldiers: Option<(&'a str, &'a [String])>,
    /// The run's resolved inputs, used where the claim changes nothing of them.
    resolved: &'a [Inputs],
}

/// The formula of a metric of one comparison, or of one against another, and what it
/// measures with the notes of its row.
fn metric_formula(
    data: &Dataset,
    with: With,
    (comparison, versus): (&str, Option<&str>),
    metric: Metric,
    units: Units,
    bounds: &[OnBound],
) -> Result<(Formula, String), Unavailable> {
    // A claim's bounds come first, so that `--set` and the explanations' alternatives
    // still replace them.
    let With {
        overrides,
        soldiers,
        resolved,
    } = with;
    let side = |id: &str| -> Result<_, Unavailable> {
        // What the run resolved, when the claim changes nothing of it.
        let plain = bounds.is_empty() && soldiers.is_none_or(|(target, _)| target != id);
        if let Some(inputs) = resolved.iter().find(|i| plain && i.comparison.id == id) {
            return Ok(inputs.clone());
        }
        let c = with_components(data, id, soldiers)?;
        let set = [
            super::bounds::overrides(data, &c, bounds),
            overrides.to_vec(),
        ]
        .concat();
        Ok(resolve(data, &c, &set))
    };
    let a = side(comparison)?;
    let (row, formula) = match versus {
        None => single_with_formula(&a, metric, units)?,
        Some(b) => pairwise_with_formula(&a, &side(b)?, metric, units)?,
    };
    let what = match versus {
        None => format!("{metric} of {comparison}"),
        Some(b) => format!("{metric} of {comparison} against {b}"),
    };
    let notes = if row.notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", row.notes.join("; "))
    };
    Ok((formula, format!("{what}{notes}")))
}

/// The last `--set` value that sets an entity's quantity (and component, if it names one).
fn estimate_override<'a>(
    overrides: &'a [Override],
    entity: &str,
    quantity: Quantity,
    component: &Option<String>,
) -> Option<&'a Override> {
    overrides.iter().rev().find(|o| {
        o.entity == entity
            && o.quantity == quantity
            && (o.component.is_none() || o.component == *component)
    })
}

/// A term for a fixed value with no source and no distribution, given at `place`.
fn point_term(key: String, value: f64, place: Location) -> Term {
    Term {
        key,
        source: None,
        factor: 1.0,
        estimate: Estimate::point(value),
        dist: None,
        pool: Vec::new(),
        place,
    }
}

/// The formula "set value / 1" for an estimate given by `--set`, and what it measures.
fn set_formula(o: &Override, entity: &str, quantity: Quantity) -> (Formula, String) {
    let flag = Location::flag("--set", &o.text);
    let formula = Formula {
        scale: 1.0,
        numerator: vec![point_term(
            format!("{entity}.{quantity}.set"),
            o.value,
            flag.clone(),
        )],
        denominator: vec![point_term("one".into(), 1.0, flag.clone())],
        place: flag,
    };
    (
        formula,
        format!("{entity} {quantity} set by --set {}", o.text),
    )
}

/// The column a bound's value is read from: its own, or `central` when the row gives
/// no such end.
fn column_of(bound: Bound, estimate: &Estimate) -> &'static str {
    match (bound, estimate.low, estimate.high) {
        (Bound::Low, Some(_), _) | (Bound::High, _, Some(_)) => bound.id(),
        _ => "central",
    }
}

/// Which estimate an estimate claim is about.
struct EstimateKey<'a> {
    entity: &'a str,
    quantity: Quantity,
    component: Option<&'a str>,
    year: i32,
}

/// The formula "this row / 1" for an estimate in the data, and where it came from. The
/// central value is drawn from the pool of every source's row for the same year; a
/// claim about the low (or high) of the range is about one number, a point.
fn estimate_formula(
    data: &Dataset,
    key: &EstimateKey,
    bound: Bound,
) -> Result<(Formula, String), Unavailable> {
    let EstimateKey {
        entity,
        quantity,
        component,
        year,
    } = *key;
    let row = estimate_row(data, entity, quantity, component, year).ok_or_else(|| {
        Unavailable::Asked {
            message: format!(
                "no {quantity}{} estimate for {entity} in or before {year}",
                component.map(|c| format!(" ({c})")).unwrap_or_default()
            ),
            key: "entity",
        }
    })?;
    let fallback = match row.year {
        Some(y) if y < year => format!("; {y} used for {year}"),
        _ => String::new(),
    };
    let term = match bound {
        Bound::Central => Term {
            key: from_row(row).key(),
            source: Some(row.source.clone()),
            factor: 1.0,
            estimate: row.estimate,
            dist: row.dist,
            pool: crate::metrics::resolve::pool(data, row),
            place: row.at.cell("central"),
        },
        Bound::Low | Bound::High => point_term(
            from_row(row).key(),
            bound.of(&row.estimate),
            row.at.cell(column_of(bound, &row.estimate)),
        ),
    };
    let (which, ranged) = match bound {
        Bound::Central => ("", true),
        Bound::Low => ("the low of ", row.estimate.low.is_some()),
        Bound::High => ("the high of ", row.estimate.high.is_some()),
    };
    let unranged = if ranged {
        ""
    } else {
        "; no range given: its central value"
    };
    let place = term.place.clone();
    let formula = Formula {
        scale: 1.0,
        numerator: vec![term],
        denominator: vec![point_term("one".into(), 1.0, place.clone())],
        place,
    };
    Ok((
        formula,
        format!(
            "{which}{entity} {quantity} from {} ({}{fallback}{unranged})",
            row.source, row.at
        ),
    ))
}

/// The data's estimate of an entity's quantity for a year, chosen as comparisons choose
/// (`resolve::choose`); none when the choice is ambiguous.
pub(crate) fn estimate_row<'a>(
    data: &'a Dataset,
    entity: &str,
    quantity: Quantity,
    component: Option<&str>,
    year: i32,
) -> Option<&'a Row> {
    match choose(data, quantity, entity, component, year, None) {
        Choice::One(row) => Some(row),
        Choice::None | Choice::Ambiguous(_) => None,
    }
}
