//! The arithmetic: each metric from a comparison's resolved inputs, and the pairwise
//! ratios between two comparisons. A zero denominator is an error, never inf or NaN.

use crate::data::{Dataset, Quantity};
use crate::error::Problem;
use crate::units::Units;

use super::events::{EventInputs, Uncovered};
use super::formula::{self, quantities};
use super::gate::{self, Sides};
use super::resolve::{Inputs, Resolved};
pub(crate) use super::row::{unit, MetricRow};
use super::Metric;
use crate::uncertainty::formula::Formula;
use crate::uncertainty::{propagate_keeping, Sampled, Settings};

/// A denominator that sums to zero, placed where its value comes from: the `--set`
/// that zeroed it, the row that gives zero, or else the comparison's key that chooses
/// what is counted.
fn zero_denominator(metric: Metric, inputs: &Inputs, quantity: Quantity) -> Problem {
    let c = &inputs.comparison;
    let key = quantity.comparison_key();
    let place = inputs
        .get(quantity)
        .as_ref()
        .ok()
        .and_then(|r| r.parts.iter().find_map(super::resolve::Part::place))
        .unwrap_or_else(|| c.key(key));
    Problem::new(format!("cannot compute {metric} for \"{}\": its {quantity} is zero", c.id), place)
        .help("a ratio with a zero denominator has no value; count other components or choose other metrics with --metric")
}

/// The sides of a formula for the gate; `owner` is the comparison whose denominator it is.
fn sides<'a>(
    top: &'a Resolved,
    bottom: &'a Resolved,
    quantity: Quantity,
    what: String,
    owner: &Inputs,
) -> Sides<'a> {
    let key = quantity.comparison_key();
    Sides {
        top,
        bottom,
        quantity,
        what,
        fallback: owner.comparison.key(key),
    }
}

fn notes_of(inputs: &Inputs, quantity: Quantity) -> (Vec<String>, bool) {
    match inputs.get(quantity) {
        Ok(resolved) => (resolved.notes.clone(), resolved.overridden()),
        Err(_) => (Vec::new(), false),
    }
}

/// A per-comparison metric and its formula.
pub(crate) fn single_with_formula(
    inputs: &Inputs,
    metric: Metric,
    units: Units,
) -> Result<(MetricRow, Formula), Problem> {
    let formula = formula::single(inputs, metric, units)?;
    let (top, bottom) = quantities(inputs, metric)?;
    if formula.central_denominator() == 0.0 {
        return Err(zero_denominator(metric, inputs, bottom));
    }
    if let (Ok(t), Ok(b)) = (inputs.get(top), inputs.get(bottom)) {
        let what = format!("{metric} for \"{}\"", inputs.comparison.id);
        gate::check(&formula, &sides(t, b, bottom, what, inputs))?;
    }
    let (mut notes, top_overridden) = notes_of(inputs, top);
    let (bottom_notes, bottom_overridden) = notes_of(inputs, bottom);
    for note in bottom_notes {
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    let row = MetricRow {
        comparison: inputs.comparison.id.clone(),
        versus: None,
        metric,
        value: formula.central(),
        unit: unit(metric, units),
        year: inputs.comparison.year,
        overridden: top_overridden || bottom_overridden,
        notes,
        interval: None,
    };
    Ok((row, formula))
}

#[cfg(test)]
pub(crate) fn single(inputs: &Inputs, metric: Metric, units: Units) -> Result<MetricRow, Problem> {
    single_with_formula(inputs, metric, units).map(|(row, _)| row)
}

/// A pairwise ratio and its formula: the quantity of comparison `a` divided by the same of `b`.
pub(crate) fn pairwise_with_formula(
    a: &Inputs,
    b: &Inputs,
    metric: Metric,
    units: Units,
) -> Result<(MetricRow, Formula), Problem> {
    let formula = formula::pairwise(a, b, metric, units)?;
    let (quantity, _) = quantities(a, metric)?;
    if formula.central_denominator() == 0.0 {
        return Err(zero_denominator(metric, b, quantity));
    }
    if let (Ok(t), Ok(d)) = (a.get(quantity), b.get(quantity)) {
        let (x, y) = (&a.comparison.id, &b.comparison.id);
        let what = format!("{metric} of \"{x}\" against \"{y}\"");
        gate::check(&formula, &sides(t, d, quantity, what, b))?;
    }
    let (mut notes, top_overridden) = notes_of(a, quantity);
    let (bottom_notes, bottom_overridden) = notes_of(b, quantity);
    notes.extend(
        bottom_notes
            .iter()
            .map(|n| format!("{}: {n}", b.comparison.id)),
    );
    let row = MetricRow {
        comparison: a.comparison.id.clone(),
        versus: Some(b.comparison.id.clone()),
        metric,
        value: formula.central(),
        unit: unit(metric, units),
        year: a.comparison.year,
        overridden: top_overridden || bottom_overridden,
        notes,
        interval: None,
    };
    Ok((row, formula))
}

#[cfg(test)]
pub(crate) fn pairwise(
    a: &Inputs,
    b: &Inputs,
    metric: Metric,
    units: Units,
) -> Result<MetricRow, Problem> {
    pairwise_with_formula(a, b, metric, units).map(|(row, _)| row)
}

/// What to compute: comparisons in order (the first is the pairwise base) and metrics,
/// and how to propagate uncertainty (`None`: headline values only).
pub(crate) struct Selection<'a> {
    pub(crate) comparisons: Vec<&'a str>,
    pub(crate) metrics: Vec<Metric>,
    pub(crate) units: Units,
    pub(crate) uncertainty: Option<Settings>,
    /// Keep every draw (for `table --samples`).
    pub(crate) keep_draws: bool,
    /// The counts of an event export, for the event metrics.
    pub(crate) events: Option<EventInputs<'a>>,
    /// The comparisons the base's pairwise ratios are computed against; empty: all.
    pub(crate) versus: &'a [String],
}

/// The rows with their formulas, before and after propagation.
pub(crate) struct Computed {
    pub(crate) rows: Vec<MetricRow>,
    pub(crate) formulas: Vec<Formula>,
    /// Every draw, when `keep_draws` asked for them.
    pub(crate) sampled: Option<Sampled>,
    /// Event metrics left out because the export does not cover a comparison, each with
    /// the reason.
    pub(crate) uncovered: Vec<String>,
}

/// Every selected metric with its formula, from the comparisons' `resolved` inputs.
pub(crate) fn compute_with_formulas(
    data: &Dataset,
    resolved: &[Inputs],
    selection: &Selection,
) -> Result<Computed, Vec<Problem>> {
    let inputs: Vec<&Inputs> = selection
        .comparisons
        .iter()
        .filter_map(|id| resolved.iter().find(|i| i.comparison.id == *id))
        .collect();
    let mut rows = Vec::new();
    let mut formulas = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    let mut keep = |result: Result<(MetricRow, Formula), Problem>| match result {
        Ok((row, formula)) => {
            rows.push(row);
            formulas.push(formula);
        }
        Err(problem) if !problems.contains(&problem) => problems.push(problem),
        Err(_) => {}
    };
    let mut uncovered = Vec::new();
    for i in &inputs {
        for metric in selection.metrics.iter().filter(|m| !m.is_pairwise()) {
            match selection.events.filter(|_| metric.is_event()) {
                // Without an export, an event metric fails with what to give.
                None => keep(single_with_formula(i, *metric, selection.units)),
                Some(events) => match events.metric(data, i, *metric, selection.units) {
                    Ok(computed) => keep(Ok(computed)),
                    Err(Uncovered::Reason(reason)) => {
                        if !uncovered.contains(&reason) {
                            uncovered.push(reason)
                        }
                    }
                    Err(Uncovered::Problem(problem)) => keep(Err(problem)),
                },
            }
        }
    }
    if let Some((base, others)) = inputs.split_first() {
        let chosen = |other: &&&Inputs| {
            selection.versus.is_empty() || selection.versus.contains(&other.comparison.id)
        };
        for other in others.iter().filter(chosen) {
            for metric in selection.metrics.iter().filter(|m| m.is_pairwise()) {
                keep(pairwise_with_formula(base, other, *metric, selection.units));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut sampled = None;
    if let Some(settings) = &selection.uncertainty {
        let (intervals, kept) =
            propagate_keeping(&formulas, settings, selection.keep_draws).map_err(|p| vec![p])?;
        for (row, interval) in rows.iter_mut().zip(intervals) {
            row.interval = Some(interval);
        }
        sampled = kept;
    }
    Ok(Computed {
        rows,
        formulas,
        sampled,
        uncovered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::testing::inputs;
    use proptest::prelude::*;

    fn value(i: &Inputs, metric: Metric) -> f64 {
        single(i, metric, Units::Imperial).expect("computes").value
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
    }

    const PER_FIGHTER: [Metric; 3] = [
        Metric::SoldiersPerFighter,
        Metric::PeoplePerFighter,
        Metric::AreaPerFighter,
    ];

    proptest! {
        #[test]
        fn a_ratio_times_its_inverse_is_one(
            a in (1.0f64..1e6, 0.0f64..1e7, 1.0f64..1e9, 1.0f64..1e7),
            b in (1.0f64..1e6, 1.0f64..1e7, 1.0f64..1e9, 1.0f64..1e7),
        ) {
            let a = inputs("a", a.0, a.1.max(1.0), a.2, a.3);
            let b = inputs("b", b.0, b.1, b.2, b.3);
            for metric in Metric::pairwise() {
                let there = pairwise(&a, &b, metric, Units::Imperial).expect("computes").value;
                let back = pairwise(&b, &a, metric, Units::Imperial).expect("computes").value;
                prop_assert!(close(there * back, 1.0), "{metric}: {there} × {back}");
            }
        }

        #[test]
        fn scaling_fighters_scales_per_fighter_metrics_inversely(
            f in 1.0f64..1e6, s in 0.0f64..1e7, p in 1.0f64..1e9, area in 1.0f64..1e7, k in 0.01f64..100.0,
        ) {
            let base = inputs("x", f, s, p, area);
            let scaled = inputs("x", f * k, s, p, area);
            for metric in PER_FIGHTER {
                prop_assert!(close(value(&scaled, metric) * k, value(&base, metric)), "{metric}");
            }
            prop_assert!(close(value(&scaled, Metric::FightersPer1000People), k * value(&base, Metric::FightersPer1000People)));
        }

        #[test]
        fn scaling_both_sides_leaves_ratios_unchanged(
            f in 1.0f64..1e6, s in 1.0f64..1e7, p in 1.0f64..1e9, area in 1.0f64..1e7, k in 0.01f64..100.0,
        ) {
            let base = inputs("x", f, s, p, area);
            let scaled = inputs("x", f * k, s * k, p * k, area * k);
            for metric in Metric::single() {
                prop_assert!(close(value(&scaled, metric), value(&base, metric)), "{metric}");
            }
        }

        #[test]
        fn people_per_fighter_and_fighters_per_1000_people_are_reciprocal(f in 1.0f64..1e6, p in 1.0f64..1e9) {
            let i = inputs("x", f, 1.0, p, 1.0);
            prop_assert!(close(value(&i, Metric::PeoplePerFighter) * value(&i, Metric::FightersPer1000People), 1000.0));
        }
    }

    #[test]
    fn zero_denominator_is_an_error() {
        let a = inputs("a", 10.0, 100.0, 1000.0, 10.0);
        let b = inputs("b", 10.0, 0.0, 1000.0, 10.0);
        let problem =
            pairwise(&a, &b, Metric::SoldiersRatio, Units::Imperial).expect_err("zero soldiers");
        assert!(
            problem.message.contains("its soldiers is zero"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn areas_follow_the_units() {
        let i = inputs("x", 1.0, 1.0, 1.0, 2.589988110336);
        assert!(close(value(&i, Metric::AreaPerFighter), 1.0));
        assert!(close(
            single(&i, Metric::AreaPerFighter, Units::Metric)
                .expect("computes")
                .value,
            2.589988110336
        ));
    }
}
