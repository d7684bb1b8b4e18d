//! Sensitivity: how far each input moves a metric when it goes from its low to its high
//! with every other input held at its central value, sorted as a tornado (largest swing
//! first). No sampling is involved, so the order never depends on the seed.

use crate::uncertainty::formula::Formula;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Swing {
    pub(crate) key: String,
    pub(crate) at_low: f64,
    pub(crate) at_high: f64,
}

impl Swing {
    pub(crate) fn width(&self) -> f64 {
        (self.at_high - self.at_low).abs()
    }
}

/// One input of a formula as the audit trail shows it: where it enters and its range.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct InputRow {
    pub(crate) key: String,
    pub(crate) side: &'static str,
    pub(crate) factor: f64,
    pub(crate) low: f64,
    pub(crate) central: f64,
    pub(crate) high: f64,
    pub(crate) dist: &'static str,
    pub(crate) at_low: f64,
    pub(crate) at_high: f64,
    /// The sources' rows the input is drawn from when it is a pool (`dist` "pool");
    /// empty otherwise.
    pub(crate) pool: Vec<super::formula::Member>,
}

/// Every term of a formula, the ranged ones sorted by their input's swing (largest
/// first), then the point values. An input on both sides of a ratio (a group against
/// itself) appears once per side, so the rows rebuild the formula exactly.
pub(crate) fn inputs(formula: &Formula) -> Vec<InputRow> {
    let swings = tornado(formula);
    let central = formula.central();
    let mut out: Vec<InputRow> = Vec::new();
    let sides = [
        ("numerator", &formula.numerator),
        ("denominator", &formula.denominator),
    ];
    for (side, terms) in sides {
        for t in terms.iter() {
            if out.iter().any(|o| o.key == t.key && o.side == side) {
                continue;
            }
            let (low, high) = t.span();
            let swing = swings.iter().find(|s| s.key == t.key);
            out.push(InputRow {
                key: t.key.clone(),
                side,
                factor: t.factor,
                low,
                central: t.estimate.central,
                high,
                dist: super::pool::describe(&t.members()),
                pool: if t.pool.len() > 1 {
                    t.pool.clone()
                } else {
                    Vec::new()
                },
                at_low: swing.map_or(central, |s| s.at_low),
                at_high: swing.map_or(central, |s| s.at_high),
            });
        }
    }
    let rank = |row: &InputRow| {
        swings
            .iter()
            .position(|s| s.key == row.key)
            .unwrap_or(usize::MAX)
    };
    out.sort_by_key(rank);
    out
}

pub(crate) fn tornado(formula: &Formula) -> Vec<Swing> {
    let mut swings: Vec<Swing> = formula
        .inputs()
        .into_iter()
        .filter_map(|input| {
            let (low, high) = input.span();
            (low < high).then(|| {
                let with = |v: f64| {
                    formula.eval(|t| {
                        if t.key == input.key {
                            v
                        } else {
                            t.estimate.central
                        }
                    })
                };
                Swing {
                    key: input.key.clone(),
                    at_low: with(low),
                    at_high: with(high),
                }
            })
        })
        .collect();
    swings.sort_by(|a, b| {
        b.width()
            .total_cmp(&a.width())
            .then_with(|| a.key.cmp(&b.key))
    });
    swings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Estimate;
    use crate::uncertainty::formula::Term;

    fn term(key: &str, central: f64, low: f64, high: f64) -> Term {
        Term {
            key: key.into(),
            source: None,
            factor: 1.0,
            estimate: Estimate {
                central,
                low: Some(low),
                high: Some(high),
            },
            dist: None,
            pool: Vec::new(),
            place: crate::error::Location::file("test.csv"),
        }
    }

    #[test]
    fn a_wide_input_ranks_above_a_narrow_one() {
        // soldiers ±5% over fighters ±40%: fighters move the ratio most.
        let f = Formula {
            scale: 1.0,
            numerator: vec![term("soldiers", 10_000.0, 9_500.0, 10_500.0)],
            denominator: vec![term("fighters", 1_000.0, 600.0, 1_400.0)],
            place: crate::error::Location::file("test.toml"),
        };
        let swings = tornado(&f);
        assert_eq!(swings[0].key, "fighters");
        assert_eq!(swings[1].key, "soldiers");
        assert!((swings[0].at_low - 10_000.0 / 600.0).abs() < 1e-9);
        assert!((swings[1].at_high - 10.5).abs() < 1e-9);
    }
}
