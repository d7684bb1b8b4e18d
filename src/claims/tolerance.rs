//! What each qualifier accepts. Defaults: none ±5%; about ±10%; nearly between 95% and
//! 100% of the stated value; more-than, at-least, less-than and at-most one-sided. A
//! stated range is widened by half a unit of each bound's last significant digit ("five
//! or six" accepts 4.5 to 6.5); a `tolerance` widens it further.

use super::{Qualifier, Stated};

/// The accepted interval for a computed value. `None` is unbounded on that side; strict
/// bounds exclude the bound itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Band {
    pub(crate) low: Option<f64>,
    pub(crate) high: Option<f64>,
    pub(crate) strict: bool,
}

impl Band {
    pub(crate) fn contains(&self, value: f64) -> bool {
        let above = match self.low {
            Some(low) if self.strict => value > low,
            Some(low) => value >= low,
            None => true,
        };
        let below = match self.high {
            Some(high) if self.strict => value < high,
            Some(high) => value <= high,
            None => true,
        };
        above && below
    }

    /// Whether two bands share any value.
    pub(crate) fn overlaps(&self, other: &Band) -> bool {
        let low = max_opt(self.low, other.low);
        let high = min_opt(self.high, other.high);
        match (low, high) {
            (Some(low), Some(high)) => low < high || (low == high && !self.strict && !other.strict),
            _ => true,
        }
    }
}

fn max_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn min_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The default tolerance of a qualifier on a single stated value.
pub(crate) fn default_tolerance(qualifier: Qualifier) -> f64 {
    match qualifier {
        Qualifier::None | Qualifier::Nearly => 0.05,
        Qualifier::About => 0.10,
        _ => 0.0,
    }
}

/// Half a unit of the last significant digit: 6 -> 0.5, 0.25 -> 0.005, 12000 -> 500.
pub(crate) fn half_unit(value: f64) -> f64 {
    let text = format!("{}", value.abs());
    if let Some((_, decimals)) = text.split_once('.') {
        return 0.5 * 10f64.powi(-(decimals.len() as i32));
    }
    let zeros = text.chars().rev().take_while(|&c| c == '0').count();
    if zeros == text.len() {
        return 0.5;
    }
    0.5 * 10f64.powi(zeros as i32)
}

pub(crate) fn band(stated: Stated, qualifier: Qualifier, tolerance: Option<f64>) -> Band {
    let (low, high, t) = match stated {
        Stated::One(value) => (
            value,
            value,
            tolerance.unwrap_or_else(|| default_tolerance(qualifier)),
        ),
        Stated::Range(low, high) => (
            low - half_unit(low),
            high + half_unit(high),
            tolerance.unwrap_or(0.0),
        ),
    };
    let (raw_low, raw_high) = match stated {
        Stated::One(value) => (value, value),
        Stated::Range(low, high) => (low, high),
    };
    let bounded = |low: Option<f64>, high: Option<f64>, strict| Band { low, high, strict };
    match qualifier {
        Qualifier::None | Qualifier::About => {
            bounded(Some(low * (1.0 - t)), Some(high * (1.0 + t)), false)
        }
        Qualifier::Nearly => bounded(Some(low * (1.0 - t)), Some(raw_high), false),
        Qualifier::MoreThan => bounded(Some(raw_low * (1.0 - t)), None, t == 0.0),
        Qualifier::AtLeast => bounded(Some(raw_low * (1.0 - t)), None, false),
        Qualifier::LessThan => bounded(None, Some(raw_high * (1.0 + t)), t == 0.0),
        Qualifier::AtMost => bounded(None, Some(raw_high * (1.0 + t)), false),
    }
}

/// How far a computed value lies from what was stated, as a fraction: 0 inside a range.
pub(crate) fn deviation(stated: Stated, value: f64) -> f64 {
    match stated {
        Stated::One(s) => (value - s) / s,
        Stated::Range(low, _) if value < low => (value - low) / low,
        Stated::Range(_, high) if value > high => (value - high) / high,
        Stated::Range(..) => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(stated: Stated, q: Qualifier, t: Option<f64>, value: f64) -> bool {
        band(stated, q, t).contains(value)
    }

    #[test]
    fn none_is_five_percent_either_side() {
        let s = Stated::One(100.0);
        assert!(accepts(s, Qualifier::None, None, 95.0));
        assert!(accepts(s, Qualifier::None, None, 105.0));
        assert!(!accepts(s, Qualifier::None, None, 94.99));
        assert!(!accepts(s, Qualifier::None, None, 105.01));
    }

    #[test]
    fn about_is_ten_percent_either_side() {
        let s = Stated::One(8000.0);
        assert!(accepts(s, Qualifier::About, None, 7200.0));
        assert!(accepts(s, Qualifier::About, None, 8800.0));
        assert!(!accepts(s, Qualifier::About, None, 7199.0));
        assert!(!accepts(s, Qualifier::About, None, 8801.0));
    }

    #[test]
    fn nearly_is_just_below() {
        let s = Stated::One(100.0);
        assert!(accepts(s, Qualifier::Nearly, None, 95.0));
        assert!(accepts(s, Qualifier::Nearly, None, 100.0));
        assert!(!accepts(s, Qualifier::Nearly, None, 94.9));
        assert!(!accepts(s, Qualifier::Nearly, None, 100.1));
    }

    #[test]
    fn one_sided_qualifiers() {
        let s = Stated::One(2.0);
        assert!(accepts(s, Qualifier::MoreThan, None, 2.01));
        assert!(!accepts(s, Qualifier::MoreThan, None, 2.0));
        assert!(accepts(s, Qualifier::AtLeast, None, 2.0));
        assert!(!accepts(s, Qualifier::AtLeast, None, 1.99));
        assert!(accepts(s, Qualifier::LessThan, None, 1.99));
        assert!(!accepts(s, Qualifier::LessThan, None, 2.0));
        assert!(accepts(s, Qualifier::AtMost, None, 2.0));
        assert!(!accepts(s, Qualifier::AtMost, None, 2.01));
        // A tolerance gives one-sided claims slack on their bound.
        assert!(accepts(s, Qualifier::AtLeast, Some(0.1), 1.8));
    }

    #[test]
    fn ranges_widen_by_half_a_unit() {
        let s = Stated::Range(5.0, 6.0);
        assert!(accepts(s, Qualifier::About, None, 4.5));
        assert!(accepts(s, Qualifier::About, None, 6.5));
        assert!(!accepts(s, Qualifier::About, None, 4.49));
        assert!(!accepts(s, Qualifier::About, None, 6.51));
        assert_eq!(half_unit(0.25), 0.005);
        assert_eq!(half_unit(12000.0), 500.0);
        assert_eq!(half_unit(6.0), 0.5);
    }

    #[test]
    fn tolerance_overrides_the_default() {
        let s = Stated::One(100.0);
        assert!(accepts(s, Qualifier::About, Some(0.2), 80.0));
        assert!(!accepts(s, Qualifier::None, Some(0.01), 98.0));
    }

    #[test]
    fn deviations() {
        assert!((deviation(Stated::One(820.0), 1645.0) - 1.006).abs() < 1e-3);
        assert_eq!(deviation(Stated::Range(5.0, 6.0), 5.5), 0.0);
        assert!((deviation(Stated::Range(5.0, 6.0), 12.0) - 1.0).abs() < 1e-12);
    }
}
