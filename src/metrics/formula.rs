//! A metric written as a formula over named inputs: scale × Σ numerator / Σ denominator.
//! The headline value, the Monte Carlo draws, the interval bounds and the sensitivity
//! all evaluate this one formula, so they cannot drift apart.

use crate::cli::Units;
use crate::data::model::DistKind;
use crate::data::{Estimate, Quantity};
use crate::error::Problem;

use super::resolve::{Inputs, Part, Resolved};
use super::units::area_in;
use super::Metric;

/// One input of a formula: a resolved part, with the factor that puts it in display
/// units (areas from km² to square miles).
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub key: String,
    /// The cited source id; `None` for a `--set` value.
    pub source: Option<String>,
    pub factor: f64,
    pub estimate: Estimate,
    pub dist: Option<DistKind>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub scale: f64,
    pub numerator: Vec<Term>,
    pub denominator: Vec<Term>,
}

/// A resolved quantity's parts as terms, in display units.
pub fn terms(resolved: &Resolved, units: Units) -> Vec<Term> {
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
    }
}

/// The dataset quantities of a metric; event metrics are computed by `metrics::events`.
pub fn quantities(inputs: &Inputs, metric: Metric) -> Result<(Quantity, Quantity), Problem> {
    metric.quantities().ok_or_else(|| {
        Problem::new(
            format!("{metric} is counted from an event export"),
            inputs.comparison.at.cell("group"),
        )
        .help("give one with --events FILE")
    })
}

fn input(inputs: &Inputs, quantity: Quantity) -> Result<&Resolved, Problem> {
    inputs.get(quantity).as_ref().map_err(Problem::clone)
}

impl Formula {
    pub fn single(inputs: &Inputs, metric: Metric, units: Units) -> Result<Formula, Problem> {
        let (top, bottom) = quantities(inputs, metric)?;
        let scale = match metric {
            Metric::FightersPer1000People | Metric::SoldiersPer1000People => 1000.0,
            _ => 1.0,
        };
        Ok(Formula {
            scale,
            numerator: terms(input(inputs, top)?, units),
            denominator: terms(input(inputs, bottom)?, units),
        })
    }

    pub fn pairwise(
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

    /// The formula's value with each input given by `value`.
    pub fn eval(&self, value: impl Fn(&Term) -> f64) -> f64 {
        let sum = |terms: &[Term]| terms.iter().map(|t| t.factor * value(t)).sum::<f64>();
        self.scale * sum(&self.numerator) / sum(&self.denominator)
    }

    /// The denominator at the central values; zero makes the metric undefined.
    pub fn central_denominator(&self) -> f64 {
        self.denominator
            .iter()
            .map(|t| t.factor * t.estimate.central)
            .sum()
    }

    pub fn central(&self) -> f64 {
        self.eval(|t| t.estimate.central)
    }

    /// Every distinct input, once, in order of first use.
    pub fn inputs(&self) -> Vec<&Term> {
        let mut out: Vec<&Term> = Vec::new();
        for t in self.numerator.iter().chain(&self.denominator) {
            if !out.iter().any(|o| o.key == t.key) {
                out.push(t);
            }
        }
        out
    }
}
