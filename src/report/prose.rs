//! Plain-language readings generated from the numbers: what the base comparison's figure
//! says (soldiers are the states', fighters the group's), how it compares with each other
//! comparison, and the range across them. Variants of the base that count the same group,
//! countries and year differently are named only where they differ.

use crate::data::{Comparison, Dataset};
use crate::metrics::compute::MetricRow;
use crate::metrics::Metric;
use crate::render::format::{display, ratio, readable};
use crate::units::Units;

use super::{at_edge, capitalised};

fn label(data: &Dataset, id: &str) -> String {
    data.comparison(id)
        .map_or_else(|| id.to_string(), |c| c.label.clone())
}

/// A label inside a sentence: "The Taliban in Afghanistan" becomes "the Taliban ...".
pub(crate) fn inner(data: &Dataset, id: &str) -> String {
    lower_the(&label(data, id))
}

fn lower_the(text: &str) -> String {
    match text.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => text.to_string(),
    }
}

/// The group as the comparison's label names it: "JNIM" from "JNIM in Mali and
/// Burkina Faso", else the group's name.
pub(crate) fn group_of(data: &Dataset, c: &Comparison) -> String {
    match c.label.split_once(" in ") {
        Some((group, _)) if !group.is_empty() => lower_the(group),
        _ => data.entity_name(&c.group).to_string(),
    }
}

/// The countries of a comparison in words: "Mali and Burkina Faso".
pub(crate) fn countries_of(data: &Dataset, c: &Comparison) -> String {
    let names: Vec<String> = c
        .countries
        .iter()
        .map(|id| data.entity_name(id).to_string())
        .collect();
    join(&names)
}

/// Whether `other` counts the same group, countries and year as `base`: a variant
/// that differs only in what it counts (soldiers' components, sources).
pub(crate) fn is_variant(data: &Dataset, base: &str, other: &str) -> bool {
    match (data.comparison(base), data.comparison(other)) {
        (Some(a), Some(b)) => {
            let mut ca = a.countries.clone();
            let mut cb = b.countries.clone();
            ca.sort();
            cb.sort();
            a.group == b.group && a.year == b.year && ca == cb
        }
        _ => false,
    }
}

/// The sentence's subject and verb phrase for the base comparison's figure: soldiers
/// belong to the states, fighters to the group.
fn sentence(data: &Dataset, id: &str, metric: Metric, value: f64, units: Units) -> String {
    let Some(c) = data.comparison(id) else {
        return format!("{id}: {}", display(metric, value, units));
    };
    let (group, states) = (group_of(data, c), countries_of(data, c));
    metric
        .def()
        .reading
        .replace("{states}", &states)
        .replace("{Group}", &capitalised(&group))
        .replace("{group}", &group)
        .replace("{label}", &c.label)
        .replace("{area}", crate::units::area_unit(units))
        .replace("{shown}", &display(metric, value, units))
        .replace("{v}", &readable(value))
}

/// The reading of one per-comparison metric; `rows` are in comparison order, base first.
pub(crate) fn single(data: &Dataset, metric: Metric, rows: &[&MetricRow], units: Units) -> String {
    let Some((base, others)) = rows.split_first() else {
        return String::new();
    };
    let mut text = sentence(data, &base.comparison, metric, base.value, units);
    if let Some(i) = base.interval.filter(|i| i.p05 < i.p95) {
        let edge = if at_edge(base) {
            "at the edge of its 90% interval, "
        } else {
            "90% interval "
        };
        text.push_str(&format!(
            " ({edge}{} to {})",
            readable(i.p05),
            readable(i.p95)
        ));
    }
    text.push('.');
    let (mut more, mut fewer, mut same) = (Vec::new(), Vec::new(), Vec::new());
    let base_shown = display(metric, base.value, units);
    for o in others {
        let shown = display(metric, o.value, units);
        // The same group, countries and year counted otherwise: only a difference
        // says anything.
        if shown == base_shown && is_variant(data, &base.comparison, &o.comparison) {
            continue;
        }
        let who = format!("{} ({shown})", inner(data, &o.comparison));
        if shown == base_shown {
            same.push(who);
        } else if base.value > o.value {
            more.push(who);
        } else {
            fewer.push(who);
        }
    }
    let noun = metric
        .def()
        .more
        .replace("{area}", crate::units::area_unit(units));
    let less = metric.def().less;
    let mut clauses = Vec::new();
    if !more.is_empty() {
        clauses.push(format!("more {noun} than for {}", join(&more)));
    }
    if !fewer.is_empty() {
        // The noun once, in the first clause.
        let what = if more.is_empty() {
            format!("{less} {noun}")
        } else {
            less.to_string()
        };
        clauses.push(format!("{what} than for {}", join(&fewer)));
    }
    if !same.is_empty() {
        clauses.push(format!("the same as for {}", join(&same)));
    }
    if !clauses.is_empty() {
        text.push_str(&format!(" That is {}.", clauses.join("; ")));
    }
    if let Some(range) = across(data, metric, rows, units) {
        text.push_str(&range);
    }
    text
}

/// "Across the comparisons it runs from ... to ...", when the lowest and highest differ
/// as shown.
fn across(data: &Dataset, metric: Metric, rows: &[&MetricRow], units: Units) -> Option<String> {
    if rows.len() <= 2 {
        return None;
    }
    let lo = rows.iter().min_by(|a, b| a.value.total_cmp(&b.value))?;
    let hi = rows.iter().max_by(|a, b| a.value.total_cmp(&b.value))?;
    let (low, high) = (
        display(metric, lo.value, units),
        display(metric, hi.value, units),
    );
    (low != high).then(|| {
        format!(
            " Across the comparisons it runs from {low} ({}) to {high} ({}).",
            inner(data, &lo.comparison),
            inner(data, &hi.comparison)
        )
    })
}

/// The reading of the pairwise ratios of the base against one other comparison, each
/// quantity given to whom it belongs: fighters to the group, soldiers, people and
/// area to the countries. For a variant of the base, only the quantities that differ.
pub(crate) fn pairwise(data: &Dataset, base: &str, other: &str, rows: &[&MetricRow]) -> String {
    let (Some(a), Some(b)) = (data.comparison(base), data.comparison(other)) else {
        return String::new();
    };
    let find = |m: Metric| {
        rows.iter()
            .find(|r| r.metric == m && r.versus.as_deref() == Some(other))
            .map(|r| r.value)
    };
    let variant = is_variant(data, base, other);
    let differs = |v: f64| ratio(v) != ratio(1.0);
    let mut sentences = Vec::new();
    let (group, other_group) = (group_of(data, a), group_of(data, b));
    if let Some(v) = find(Metric::FightersRatio) {
        if a.group == b.group && !differs(v) {
            if !variant {
                sentences.push(format!("the fighters are the same ({group}'s)"));
            }
        } else {
            sentences.push(format!("{group} has {} {other_group}'s fighters", ratio(v)));
        }
    }
    let mut parts = Vec::new();
    for (metric, noun) in [
        (Metric::SoldiersRatio, "the soldiers"),
        (Metric::PopulationRatio, "the population"),
        (Metric::AreaRatio, "the area"),
    ] {
        if let Some(v) = find(metric) {
            if variant && !differs(v) {
                continue;
            }
            parts.push(format!("{} {noun}", ratio(v)));
        }
    }
    if variant {
        sentences.extend(parts);
    } else if !parts.is_empty() {
        let verb = if a.countries.len() == 1 {
            "has"
        } else {
            "have"
        };
        sentences.push(format!(
            "{} {verb} {} of {}",
            countries_of(data, a),
            join(&parts),
            countries_of(data, b)
        ));
    }
    if sentences.is_empty() {
        return String::new();
    }
    let what = if variant {
        format!(
            "{} (the same group, countries and year, counted otherwise)",
            inner(data, other)
        )
    } else {
        inner(data, other)
    };
    let tail = if variant {
        "; the rest is the same"
    } else {
        ""
    };
    format!("Against {what}: {}{tail}.", sentences.join("; "))
}

pub(crate) use crate::numbers::and_list as join;
