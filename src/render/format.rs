//! The one place that decides how numbers look: precision, thousands separators and
//! each metric's display form ("1 : 9.6", "1 per 8,212", "97.5 sq mi", "0.20×").

use crate::metrics::{Metric, Shape};
use crate::units::area_unit;
use crate::units::Units;

pub(crate) use crate::numbers::{counted, finer, grouped, readable};

/// A ratio between comparisons: "0.20×", "12.3×".
pub(crate) fn ratio(value: f64) -> String {
    ratio_finer(value, 0)
}

/// [`ratio`] with `extra` more decimals.
fn ratio_finer(value: f64, extra: usize) -> String {
    if value.abs() >= 10.0 {
        format!("{}×", grouped(value, 1 + extra))
    } else {
        format!("{:.*}×", 2 + extra, value)
    }
}

/// The two ends of an interval in `form`, with as many more decimals (up to two) as
/// it takes for them to read differently: a narrow interval never reads "11.3–11.3".
fn apart(low: f64, high: f64, form: impl Fn(f64, usize) -> String) -> (String, String) {
    let mut ends = (form(low, 0), form(high, 0));
    for extra in 1..=2 {
        if ends.0 != ends.1 {
            break;
        }
        ends = (form(low, extra), form(high, extra));
    }
    ends
}

/// The extra decimals (up to two) an interval takes for its ends to read apart; a figure
/// shown beside it takes as many, so "2.37×" never stands beside "2.373–2.375×".
pub(crate) fn precision(metric: Metric, interval: Option<(f64, f64)>) -> usize {
    let Some((low, high)) = interval.filter(|(low, high)| low < high) else {
        return 0;
    };
    (0..=2)
        .find(|&extra| compact_finer(metric, low, extra) != compact_finer(metric, high, extra))
        .unwrap_or(2)
}

/// The value alone, as a table cell under a heading that carries the unit.
pub(crate) fn compact(metric: Metric, value: f64) -> String {
    compact_finer(metric, value, 0)
}

/// [`compact`] with `extra` more decimals (see [`precision`]).
pub(crate) fn compact_finer(metric: Metric, value: f64, extra: usize) -> String {
    if metric.is_pairwise() {
        ratio_finer(value, extra)
    } else {
        finer(value, extra)
    }
}

/// The value in the metric's own words, as quoted in prose.
pub(crate) fn display(metric: Metric, value: f64, units: Units) -> String {
    display_finer(metric, value, units, 0)
}

/// [`display`] with `extra` more decimals (see [`precision`]).
pub(crate) fn display_finer(metric: Metric, value: f64, units: Units, extra: usize) -> String {
    let number = finer(value, extra);
    match metric.def().shape {
        Shape::OneTo => format!("1 : {number}"),
        Shape::OnePer => format!("1 per {number}"),
        Shape::Area => format!("{number} {}", area_unit(units)),
        Shape::Plain => number,
        Shape::Times => ratio_finer(value, extra),
    }
}

/// A 90% interval in the metric's form: "6,912–9,603", "0.31–0.52×".
pub(crate) fn interval(metric: Metric, low: f64, high: f64) -> String {
    if low >= high {
        "–".to_string()
    } else if metric.is_pairwise() {
        let (low, high) = apart(low, high, ratio_finer);
        format!("{}–{}", low.trim_end_matches('×'), high)
    } else {
        let (low, high) = apart(low, high, finer);
        format!("{low}–{high}")
    }
}

/// The value in its own words with its 90% interval: "1 per 8,212 (6,912–9,603)".
pub(crate) fn display_with_interval(
    metric: Metric,
    value: f64,
    units: Units,
    spread: Option<(f64, f64)>,
) -> String {
    match spread {
        // All inputs are point values: there is no spread to show.
        Some((low, high)) if low < high => format!(
            "{} ({})",
            display_finer(metric, value, units, precision(metric, spread)),
            interval(metric, low, high)
        ),
        _ => display(metric, value, units),
    }
}

/// A metric's name in words, for section titles.
pub(crate) fn title(metric: Metric, units: Units) -> String {
    heading(metric, units).replace('\n', " ")
}

/// A short column heading for a metric, split over lines to fit narrow terminals.
pub(crate) fn heading(metric: Metric, units: Units) -> String {
    metric.def().heading.replace("{area}", area_unit(units))
}

/// A metric's name as a section heading: "area per fighter (sq mi)".
pub(crate) fn section_title(metric: Metric, units: Units) -> String {
    match metric.def().section {
        Some(section) => section.replace("{area}", area_unit(units)),
        None => title(metric, units),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_takes_the_precision_of_its_interval() {
        // Regression: "2.37× (2.373–2.375×)" read outside its own interval.
        let ends = Some((2.3731, 2.3749));
        let extra = precision(Metric::FightersRatio, ends);
        assert_eq!(
            interval(Metric::FightersRatio, 2.3731, 2.3749),
            "2.373–2.375×"
        );
        assert_eq!(
            compact_finer(Metric::FightersRatio, 2.3738, extra),
            "2.374×"
        );
        let ends = Some((11.27, 11.33));
        let extra = precision(Metric::SoldiersPerFighter, ends);
        assert_eq!(
            display_finer(Metric::SoldiersPerFighter, 11.331, Units::Imperial, extra),
            "1 : 11.33"
        );
        assert_eq!(precision(Metric::SoldiersPerFighter, Some((9.3, 9.8))), 0);
        assert_eq!(precision(Metric::SoldiersPerFighter, None), 0);
    }

    #[test]
    fn narrow_intervals_read_as_two_numbers() {
        assert_eq!(
            interval(Metric::SoldiersPerFighter, 11.27, 11.33),
            "11.27–11.33"
        );
        assert_eq!(interval(Metric::SoldiersPerFighter, 9.3, 9.8), "9.3–9.8");
        assert_eq!(interval(Metric::AreaRatio, 1.2201, 1.2209), "1.220–1.221×");
        assert_eq!(
            interval(Metric::PeoplePerFighter, 1591.2, 1646.9),
            "1,591–1,647"
        );
        // Two more decimals at most: ends closer than that keep the same text.
        assert_eq!(
            interval(Metric::PeoplePerFighter, 8212.0, 8212.001),
            "8,212.00–8,212.00"
        );
    }

    #[test]
    fn forms() {
        assert_eq!(
            display(Metric::SoldiersPerFighter, 9.58, Units::Imperial),
            "1 : 9.6"
        );
        assert_eq!(
            display(Metric::PeoplePerFighter, 8212.2, Units::Imperial),
            "1 per 8,212"
        );
        assert_eq!(
            display(Metric::AreaPerFighter, 97.45, Units::Imperial),
            "97.5 sq mi"
        );
        assert_eq!(
            display(Metric::FightersRatio, 0.2, Units::Imperial),
            "0.20×"
        );
    }
}
