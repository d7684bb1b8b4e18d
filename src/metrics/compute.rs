//! The arithmetic: each metric from a comparison's resolved inputs, and the pairwise
//! ratios between two comparisons. A zero denominator is an error, never inf or NaN.

use crate::cli::Units;
use crate::data::{Dataset, Quantity};
use crate::error::Problem;

use super::overrides::Override;
use super::resolve::{resolve, Inputs, Resolved};
use super::units::{area_in, area_unit};
use super::Metric;

/// One tidy output row: a metric of a comparison, or of a comparison against another.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    pub comparison: String,
    pub versus: Option<String>,
    pub metric: Metric,
    pub value: f64,
    pub unit: String,
    pub year: i32,
    pub overridden: bool,
    pub notes: Vec<String>,
}

pub fn unit(metric: Metric, units: Units) -> String {
    match metric {
        Metric::SoldiersPerFighter => "soldiers per fighter".into(),
        Metric::PeoplePerFighter => "people per fighter".into(),
        Metric::AreaPerFighter => format!("{} per fighter", area_unit(units)),
        Metric::FightersPer1000People => "fighters per 1,000 people".into(),
        Metric::SoldiersPer1000People => "soldiers per 1,000 people".into(),
        _ => "ratio".into(),
    }
}

/// A quantity's central value in display units (areas converted from km²).
fn value_of(resolved: &Resolved, quantity: Quantity, units: Units) -> f64 {
    let value = resolved.estimate.central;
    if quantity == Quantity::Area {
        area_in(units, value)
    } else {
        value
    }
}

/// A quantity a metric needs. A missing one is reported as it is, not once per metric,
/// so that `validate` lists it once.
fn input(inputs: &Inputs, quantity: Quantity) -> Result<&Resolved, Problem> {
    inputs.get(quantity).as_ref().map_err(Problem::clone)
}

fn divide(
    numerator: f64,
    denominator: f64,
    metric: Metric,
    inputs: &Inputs,
    quantity: Quantity,
) -> Result<f64, Problem> {
    if denominator == 0.0 {
        let c = &inputs.comparison;
        return Err(Problem::new(format!("cannot compute {metric} for \"{}\": its {quantity} is zero", c.id), c.at.cell("soldiers"))
            .help("a ratio with a zero denominator has no value; count other components or choose other metrics with --metric"));
    }
    Ok(numerator / denominator)
}

/// A per-comparison metric.
pub fn single(inputs: &Inputs, metric: Metric, units: Units) -> Result<MetricRow, Problem> {
    let (top, bottom) = metric.quantities();
    let numerator = input(inputs, top)?;
    let denominator = input(inputs, bottom)?;
    let scale = match metric {
        Metric::FightersPer1000People | Metric::SoldiersPer1000People => 1000.0,
        _ => 1.0,
    };
    let value = divide(
        scale * value_of(numerator, top, units),
        value_of(denominator, bottom, units),
        metric,
        inputs,
        bottom,
    )?;
    let mut notes = numerator.notes.clone();
    notes.extend(
        denominator
            .notes
            .iter()
            .filter(|n| !notes.contains(n))
            .cloned()
            .collect::<Vec<_>>(),
    );
    Ok(MetricRow {
        comparison: inputs.comparison.id.clone(),
        versus: None,
        metric,
        value,
        unit: unit(metric, units),
        year: inputs.comparison.year,
        overridden: numerator.overridden() || denominator.overridden(),
        notes,
    })
}

/// A pairwise ratio: the quantity of comparison `a` divided by the same of `b`.
pub fn pairwise(
    a: &Inputs,
    b: &Inputs,
    metric: Metric,
    units: Units,
) -> Result<MetricRow, Problem> {
    let (quantity, _) = metric.quantities();
    let top = input(a, quantity)?;
    let bottom = input(b, quantity)?;
    let value = divide(
        value_of(top, quantity, units),
        value_of(bottom, quantity, units),
        metric,
        b,
        quantity,
    )?;
    let mut notes = top.notes.clone();
    notes.extend(
        bottom
            .notes
            .iter()
            .map(|n| format!("{}: {n}", b.comparison.id)),
    );
    Ok(MetricRow {
        comparison: a.comparison.id.clone(),
        versus: Some(b.comparison.id.clone()),
        metric,
        value,
        unit: unit(metric, units),
        year: a.comparison.year,
        overridden: top.overridden() || bottom.overridden(),
        notes,
    })
}

/// What to compute: comparisons in order (the first is the pairwise base) and metrics.
pub struct Selection<'a> {
    pub comparisons: Vec<&'a str>,
    pub metrics: Vec<Metric>,
    pub units: Units,
}

/// Every selected metric; all problems found when any cannot be computed.
pub fn compute_all(
    data: &Dataset,
    overrides: &[Override],
    selection: &Selection,
) -> Result<Vec<MetricRow>, Vec<Problem>> {
    let inputs: Vec<Inputs> = selection
        .comparisons
        .iter()
        .filter_map(|id| data.comparison(id))
        .map(|c| resolve(data, c, overrides))
        .collect();
    let mut rows = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    let mut keep = |result: Result<MetricRow, Problem>| match result {
        Ok(row) => rows.push(row),
        Err(problem) if !problems.contains(&problem) => problems.push(problem),
        Err(_) => {}
    };
    for i in &inputs {
        for metric in selection.metrics.iter().filter(|m| !m.is_pairwise()) {
            keep(single(i, *metric, selection.units));
        }
    }
    if let Some((base, others)) = inputs.split_first() {
        for other in others {
            for metric in selection.metrics.iter().filter(|m| m.is_pairwise()) {
                keep(pairwise(base, other, *metric, selection.units));
            }
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Comparison, Estimate, RowRef};
    use proptest::prelude::*;

    fn resolved(value: f64) -> Result<Resolved, Problem> {
        Ok(Resolved {
            estimate: Estimate::point(value),
            parts: Vec::new(),
            notes: Vec::new(),
        })
    }

    fn inputs(id: &str, fighters: f64, soldiers: f64, population: f64, area: f64) -> Inputs {
        Inputs {
            comparison: Comparison {
                id: id.to_string(),
                label: id.to_string(),
                group: "g".into(),
                countries: vec!["c".into()],
                year: 2025,
                soldiers: vec!["armed-forces".into()],
                sources: Default::default(),
                note: String::new(),
                at: RowRef::new("comparisons.toml", 1),
            },
            fighters: resolved(fighters),
            soldiers: resolved(soldiers),
            population: resolved(population),
            area: resolved(area),
        }
    }

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
            for metric in Metric::PAIRWISE {
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
            for metric in Metric::SINGLE {
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
