//! Interval bounds: the lowest and highest value a formula takes over every combination
//! of its inputs' lows and highs. A ratio of sums is monotone in each input, so the
//! extremes sit at these corners; an input used on both sides of a ratio is one input
//! and takes one value per corner. An input drawn from several sources' rows spans
//! every row's low and high, so the worst case covers each source.

use crate::uncertainty::formula::Formula;

/// Corners are enumerated up to this many ranged inputs; beyond it each input is set
/// to its own worst side, which is exact when no input appears on both sides.
const MAX_CORNER_INPUTS: usize = 16;

pub(crate) fn bounds(formula: &Formula) -> (f64, f64) {
    let inputs = formula.inputs();
    let ranged: Vec<(&str, f64, f64)> = inputs
        .iter()
        .map(|t| {
            let (low, high) = t.span();
            (t.key.as_str(), low, high)
        })
        .filter(|(_, low, high)| low < high)
        .collect();
    let value = |pick: &dyn Fn(&str) -> Option<f64>| {
        formula.eval(|t| pick(&t.key).unwrap_or(t.estimate.central))
    };
    if ranged.is_empty() {
        let v = formula.central();
        return (v, v);
    }
    if ranged.len() > MAX_CORNER_INPUTS {
        let on_top = |key: &str| formula.numerator.iter().any(|t| t.key == key);
        let lowest = value(&|key| {
            ranged
                .iter()
                .find(|r| r.0 == key)
                .map(|r| if on_top(key) { r.1 } else { r.2 })
        });
        let highest = value(&|key| {
            ranged
                .iter()
                .find(|r| r.0 == key)
                .map(|r| if on_top(key) { r.2 } else { r.1 })
        });
        return (lowest, highest);
    }
    let mut low = f64::INFINITY;
    let mut high = f64::NEG_INFINITY;
    for corner in 0u32..(1 << ranged.len()) {
        let v = value(&|key| {
            ranged.iter().position(|r| r.0 == key).map(|i| {
                if corner & (1 << i) == 0 {
                    ranged[i].1
                } else {
                    ranged[i].2
                }
            })
        });
        low = low.min(v);
        high = high.max(v);
    }
    (low, high)
}
