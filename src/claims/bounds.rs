//! The bound of a range a claim takes an estimate at: `bound = "low"` on a claim about
//! one estimate, `bound = { "taliban.fighters" = "low" }` on a metric claim built on
//! one end of a range ("one tenth of the lower-end Taliban estimate"), and the values
//! such a claim puts in place of the estimates' central values when it is checked.

use toml::Spanned;

use crate::data::{Comparison, Dataset, Quantity, Row};
use crate::error::{choices_help, Problem};
use crate::metrics::overrides::Override;
use crate::metrics::resolve::{choose, Choice};
use crate::metrics::Metric;
use crate::numbers::readable;

use super::raw::Ctx;
use super::{Bound, OnBound};

const METRIC_FORM: &str =
    "bound = { \"GROUP.fighters\" = \"low\" } or { \"COUNTRY.population\" = \"high\" }";

/// The `bound` of a claim about one estimate: central when absent.
pub(super) fn estimate_bound(
    ctx: &Ctx,
    raw: Option<&Spanned<toml::Value>>,
    problems: &mut Vec<Problem>,
) -> Option<Bound> {
    let Some(raw) = raw else {
        return Some(Bound::Central);
    };
    let Some(text) = raw.get_ref().as_str() else {
        problems.push(
            Problem::new(
                "a claim about one estimate takes one bound, as text",
                ctx.at(raw.span(), "bound"),
            )
            .help("write bound = \"low\" (the low of the estimate's range) or bound = \"high\""),
        );
        return None;
    };
    let bound = Bound::parse(text);
    if bound.is_none() {
        problems.push(
            Problem::new(
                format!("unknown bound \"{text}\""),
                ctx.at(raw.span(), "bound"),
            )
            .help(format!(
                "{}; low is the low of the estimate's range (a \"lower-end estimate\")",
                choices_help(text, &Bound::IDS)
            )),
        );
    }
    bound
}

/// The `bound` of a metric claim: which estimates of its comparisons it takes at the low
/// or high of their range. Each names an input of a comparison of the claim that the
/// metric uses.
pub(super) fn metric_bounds(
    ctx: &Ctx,
    raw: Option<&Spanned<toml::Value>>,
    comparisons: &[&Comparison],
    metric: Metric,
    problems: &mut Vec<Problem>,
) -> Option<Vec<OnBound>> {
    let Some(raw) = raw else {
        return Some(Vec::new());
    };
    let at = ctx.at(raw.span(), "bound");
    let fail = |problems: &mut Vec<Problem>, message: String, help: String| {
        problems.push(Problem::new(message, at.clone()).help(help));
        None
    };
    let Some(table) = raw.get_ref().as_table() else {
        return fail(
            problems,
            "a metric claim names the estimate its bound applies to".to_string(),
            format!("write {METRIC_FORM}"),
        );
    };
    let mut entries = Vec::new();
    flatten("", table, &mut entries);
    let used: Vec<Quantity> = metric
        .quantities()
        .map(|(top, bottom)| vec![top, bottom])
        .unwrap_or_default();
    let mut bounds = Vec::new();
    for (path, value) in entries {
        let Some(text) = value.as_str() else {
            return fail(
                problems,
                format!("the bound of \"{path}\" is not text"),
                format!("write {METRIC_FORM}"),
            );
        };
        let Some(bound) = Bound::parse(text) else {
            return fail(
                problems,
                format!("unknown bound \"{text}\" for \"{path}\""),
                choices_help(text, &Bound::IDS),
            );
        };
        let Some((entity, quantity_text)) = path.split_once('.') else {
            return fail(
                problems,
                format!("\"{path}\" names no quantity"),
                format!("write {METRIC_FORM}"),
            );
        };
        let Some(quantity) = Quantity::parse(quantity_text) else {
            return fail(
                problems,
                format!("unknown quantity \"{quantity_text}\" in \"{path}\""),
                choices_help(
                    quantity_text,
                    &["fighters", "soldiers", "population", "area"],
                ),
            );
        };
        if !used.contains(&quantity) {
            return fail(
                problems,
                format!("{metric} does not use {quantity}, so \"{path}\" changes nothing"),
                format!("name an estimate the metric is computed from: {METRIC_FORM}"),
            );
        }
        if !comparisons.iter().any(|c| counts(c, entity, quantity)) {
            let offered: Vec<String> = comparisons
                .iter()
                .flat_map(|c| inputs_of(c, quantity))
                .collect();
            return fail(
                problems,
                format!("no comparison of the claim counts {quantity} of \"{entity}\""),
                format!("the claim's comparisons count: {}", offered.join(", ")),
            );
        }
        bounds.push(OnBound {
            entity: entity.to_string(),
            quantity,
            bound,
        });
    }
    Some(bounds)
}

/// `{ "taliban.fighters" = "low" }` and `{ taliban.fighters = "low" }` (which TOML reads
/// as nested tables) both as ("taliban.fighters", "low").
fn flatten(prefix: &str, table: &toml::Table, out: &mut Vec<(String, toml::Value)>) {
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(inner) => flatten(&path, inner, out),
            other => out.push((path, other.clone())),
        }
    }
}

/// Whether a comparison counts this entity's quantity: its group's fighters, its
/// countries' other quantities.
fn counts(c: &Comparison, entity: &str, quantity: Quantity) -> bool {
    match quantity {
        Quantity::Fighters => c.group == entity,
        _ => c.countries.iter().any(|k| k == entity),
    }
}

/// The estimates of one quantity a comparison counts, as a bound names them.
fn inputs_of(c: &Comparison, quantity: Quantity) -> Vec<String> {
    let id = quantity.id();
    match quantity {
        Quantity::Fighters => vec![format!("\"{}.{id}\"", c.group)],
        _ => c
            .countries
            .iter()
            .map(|k| format!("\"{k}.{id}\""))
            .collect(),
    }
}

/// The values a claim's bounds put in place of one comparison's central estimates: the
/// low or high of the row the comparison uses (every counted component for soldiers).
/// A row with no range gives its central value, and the note says so.
pub(crate) fn overrides(data: &Dataset, c: &Comparison, bounds: &[OnBound]) -> Vec<Override> {
    let mut out = Vec::new();
    for b in bounds.iter().filter(|b| counts(c, &b.entity, b.quantity)) {
        let named = c.sources.get(&b.quantity).map(String::as_str);
        let components: Vec<Option<&str>> = match b.quantity {
            Quantity::Soldiers => c.soldiers.iter().map(|k| Some(k.as_str())).collect(),
            _ => vec![None],
        };
        for component in components {
            let Choice::One(row) = choose(data, b.quantity, &b.entity, component, c.year, named)
            else {
                // No row, or an ambiguous choice: resolving the comparison says which.
                continue;
            };
            out.push(Override {
                entity: b.entity.clone(),
                quantity: b.quantity,
                component: component.map(String::from),
                value: b.bound.of(&row.estimate),
                text: String::new(),
                by: Some(describe(row, b.bound)),
            });
        }
    }
    out
}

/// How a bound's value came about, for the claim's notes.
fn describe(row: &Row, bound: Bound) -> String {
    match (bound, row.estimate.low, row.estimate.high) {
        (Bound::Central, _, _) => format!("as {}'s central value", row.source),
        (_, Some(low), Some(high)) => format!(
            "as the claim says: the {} of {}'s {}–{}",
            bound.id(),
            row.source,
            readable(low),
            readable(high)
        ),
        _ => format!(
            "as {}'s central value: its row gives no {} to take",
            row.source,
            bound.id()
        ),
    }
}
