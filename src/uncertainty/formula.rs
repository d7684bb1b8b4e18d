//! A figure written as a formula over named inputs: scale × Σ numerator / Σ denominator.
//! The headline value, the Monte Carlo draws, the interval bounds and the sensitivity
//! all evaluate this one formula, so they cannot drift apart.

use crate::data::model::DistKind;
use crate::data::Estimate;
use crate::error::Location;

/// One input of a formula: a resolved part, with the factor that puts it in display
/// units (areas from km² to square miles).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    pub(crate) key: String,
    /// The cited source id; `None` for a `--set` value.
    pub(crate) source: Option<String>,
    pub(crate) factor: f64,
    pub(crate) estimate: Estimate,
    pub(crate) dist: Option<DistKind>,
    /// Every row that gives the same quantity of the same entity (and component) for
    /// the same year, the chosen one included, when there are several: the input is
    /// then drawn from their mixture (`uncertainty::pool`). Empty for a single row.
    pub(crate) pool: Vec<Member>,
    /// Where its value comes from (the row's cell, the `--set` flag, the export), for a
    /// problem only sampling finds.
    pub(crate) place: Location,
}

/// One source's estimate in a pool of rows for the same input.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    pub(crate) source: String,
    pub(crate) estimate: Estimate,
    pub(crate) dist: Option<DistKind>,
    /// The row's `weight`, 1 unless the row says otherwise; weights are normalised.
    pub(crate) weight: f64,
}

impl Term {
    /// The estimates the input is drawn from: the pool, or the row alone.
    pub(crate) fn members(&self) -> Vec<Member> {
        if self.pool.is_empty() {
            vec![Member {
                source: self.source.clone().unwrap_or_default(),
                estimate: self.estimate,
                dist: self.dist,
                weight: 1.0,
            }]
        } else {
            self.pool.clone()
        }
    }

    /// The lowest and highest value the input can take: over every row of its pool,
    /// each row's low (or central) and high (or central). The worst-case bounds and the
    /// sensitivity swing the input over this span.
    pub(crate) fn span(&self) -> (f64, f64) {
        let own = |e: &Estimate| (e.low.unwrap_or(e.central), e.high.unwrap_or(e.central));
        let (mut low, mut high) = own(&self.estimate);
        for member in &self.pool {
            let (l, h) = own(&member.estimate);
            low = low.min(l);
            high = high.max(h);
        }
        (low, high)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Formula {
    pub(crate) scale: f64,
    pub(crate) numerator: Vec<Term>,
    pub(crate) denominator: Vec<Term>,
    /// Where the figure is asked for (the comparison's key, the claim's line), for a
    /// problem no one input explains.
    pub(crate) place: Location,
}

impl Formula {
    /// The formula's value with each input given by `value`.
    pub(crate) fn eval(&self, value: impl Fn(&Term) -> f64) -> f64 {
        let sum = |terms: &[Term]| terms.iter().map(|t| t.factor * value(t)).sum::<f64>();
        self.scale * sum(&self.numerator) / sum(&self.denominator)
    }

    /// The denominator at the central values; zero makes the metric undefined.
    pub(crate) fn central_denominator(&self) -> f64 {
        self.denominator
            .iter()
            .map(|t| t.factor * t.estimate.central)
            .sum()
    }

    pub(crate) fn central(&self) -> f64 {
        self.eval(|t| t.estimate.central)
    }

    /// Every distinct input, once, in order of first use.
    pub(crate) fn inputs(&self) -> Vec<&Term> {
        let mut out: Vec<&Term> = Vec::new();
        for t in self.numerator.iter().chain(&self.denominator) {
            if !out.iter().any(|o| o.key == t.key) {
                out.push(t);
            }
        }
        out
    }
}
