//! Plain-language readings generated from the numbers: what the base comparison's figure
//! says, how it compares with each other comparison, and the range across them.

use crate::data::Dataset;
use crate::metrics::compute::MetricRow;
use crate::metrics::Metric;
use crate::render::format::{display, ratio, readable};
use crate::units::Units;

fn label(data: &Dataset, id: &str) -> String {
    data.comparison(id)
        .map_or_else(|| id.to_string(), |c| c.label.clone())
}

/// A label inside a sentence: "The Taliban in Afghanistan" becomes "the Taliban ...".
fn inner(data: &Dataset, id: &str) -> String {
    let text = label(data, id);
    match text.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => text,
    }
}

/// "one fighter for every 8,212 people", as a clause after the comparison's label.
fn clause(metric: Metric, value: f64, units: Units) -> String {
    match metric {
        Metric::SoldiersPerFighter => format!("has {} soldiers for every fighter", readable(value)),
        Metric::PeoplePerFighter => format!("has one fighter for every {} people", readable(value)),
        Metric::AreaPerFighter => format!(
            "has one fighter for every {}",
            display(metric, value, units)
        ),
        Metric::FightersPer1000People => {
            format!("has {} fighters per 1,000 people", readable(value))
        }
        Metric::SoldiersPer1000People => {
            format!("has {} soldiers per 1,000 people", readable(value))
        }
        Metric::FatalitiesPer1000Fighters => format!(
            "saw {} deaths in events involving the group per 1,000 of its fighters a year",
            readable(value)
        ),
        Metric::EventsPerMillionPeople => format!(
            "saw {} events involving the group per million people a year",
            readable(value)
        ),
        Metric::LargeAttacksPerYear => format!(
            "saw {} large-scale attacks initiated by the group per year",
            readable(value)
        ),
        _ => display(metric, value, units),
    }
}

/// The reading of one per-comparison metric; `rows` are in comparison order, base first.
pub(crate) fn single(data: &Dataset, metric: Metric, rows: &[&MetricRow], units: Units) -> String {
    let Some((base, others)) = rows.split_first() else {
        return String::new();
    };
    let mut text = format!(
        "{} {}",
        label(data, &base.comparison),
        clause(metric, base.value, units)
    );
    if let Some(i) = base.interval.filter(|i| i.p05 < i.p95) {
        text.push_str(&format!(
            " (90% interval {} to {})",
            readable(i.p05),
            readable(i.p95)
        ));
    }
    text.push('.');
    let against: Vec<String> = others
        .iter()
        .filter(|o| o.value > 0.0)
        .map(|o| {
            format!(
                "{} the figure for {} ({})",
                ratio(base.value / o.value),
                inner(data, &o.comparison),
                display(metric, o.value, units)
            )
        })
        .collect();
    if !against.is_empty() {
        text.push_str(&format!(" That is {}.", join(&against)));
    }
    if rows.len() > 2 {
        let lowest = rows
            .iter()
            .min_by(|a, b| a.value.total_cmp(&b.value))
            .copied();
        let highest = rows
            .iter()
            .max_by(|a, b| a.value.total_cmp(&b.value))
            .copied();
        if let (Some(lo), Some(hi)) = (lowest, highest) {
            text.push_str(&format!(
                " Across the comparisons it runs from {} ({}) to {} ({}).",
                display(metric, lo.value, units),
                inner(data, &lo.comparison),
                display(metric, hi.value, units),
                inner(data, &hi.comparison)
            ));
        }
    }
    text
}

/// The reading of the pairwise ratios of the base against one other comparison.
pub(crate) fn pairwise(data: &Dataset, base: &str, other: &str, rows: &[&MetricRow]) -> String {
    let find = |m: Metric| {
        rows.iter()
            .find(|r| r.metric == m && r.versus.as_deref() == Some(other))
            .map(|r| r.value)
    };
    let mut parts = Vec::new();
    for (metric, noun) in [
        (Metric::FightersRatio, "the fighters"),
        (Metric::SoldiersRatio, "the soldiers"),
        (Metric::PopulationRatio, "the population"),
        (Metric::AreaRatio, "the area"),
    ] {
        if let Some(v) = find(metric) {
            parts.push(format!("{} {noun}", ratio(v)));
        }
    }
    if parts.is_empty() {
        return String::new();
    }
    format!(
        "Against {}, {} has {}.",
        inner(data, other),
        inner(data, base),
        join(&parts)
    )
}

fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
