//! Tidy machine-readable output: one row per (comparison, metric), as CSV or JSON
//! (`render::rows`). The column names are a public interface: keep them stable.

use serde::Serialize;

use crate::error::Error;
use crate::metrics::compute::MetricRow;
use crate::uncertainty::Settings;
use crate::units::Units;

use super::format::display;
use super::layout::{sources_of, WHAT_IF};
use crate::uncertainty::formula::Formula;

#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct TidyRow {
    pub(crate) comparison: String,
    pub(crate) versus: Option<String>,
    pub(crate) metric: String,
    pub(crate) value: f64,
    pub(crate) unit: String,
    pub(crate) display: String,
    pub(crate) p05: Option<f64>,
    pub(crate) p50: Option<f64>,
    pub(crate) p95: Option<f64>,
    pub(crate) bound_low: Option<f64>,
    pub(crate) bound_high: Option<f64>,
    pub(crate) year: i32,
    pub(crate) overridden: bool,
    pub(crate) notes: String,
    pub(crate) seed: Option<u64>,
    pub(crate) draws: Option<usize>,
    pub(crate) data: String,
    /// The event export an event metric was counted from; the column is there only
    /// when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) events: Option<String>,
    /// The source ids of the figure's inputs (`;`-separated), with `what-if (--set)`
    /// for a value set with `--set`.
    pub(crate) sources: String,
}

/// What every tidy row of a run repeats.
pub(crate) struct Run<'a> {
    pub(crate) units: Units,
    /// The data used, in short (`datasets/`, `embedded`).
    pub(crate) data: &'a str,
    /// The Monte Carlo settings, when intervals were computed.
    pub(crate) settings: Option<&'a Settings>,
    /// The event export the event metrics were counted from.
    pub(crate) events: Option<&'a str>,
}

/// One tidy row per metric row, with its formula's sources.
pub(crate) fn tidy(rows: &[MetricRow], formulas: &[Formula], run: &Run) -> Vec<TidyRow> {
    let Run {
        units,
        data,
        settings,
        events,
    } = *run;
    rows.iter()
        .zip(formulas)
        .map(|(r, f)| TidyRow {
            comparison: r.comparison.clone(),
            versus: r.versus.clone(),
            metric: r.metric.id().to_string(),
            value: r.value,
            unit: r.unit.clone(),
            display: display(r.metric, r.value, units),
            p05: r.interval.map(|i| i.p05),
            p50: r.interval.map(|i| i.p50),
            p95: r.interval.map(|i| i.p95),
            bound_low: r.interval.map(|i| i.low),
            bound_high: r.interval.map(|i| i.high),
            year: r.year,
            overridden: r.overridden,
            notes: r.notes.join("; "),
            seed: r.interval.and(settings.map(|s| s.seed)),
            draws: r.interval.and(settings.map(|s| s.draws)),
            data: data.to_string(),
            events: events.filter(|_| r.metric.is_event()).map(str::to_string),
            sources: {
                let mut ids = sources_of(f);
                if r.overridden {
                    ids.push(WHAT_IF.to_string());
                }
                ids.join(";")
            },
        })
        .collect()
}

/// The rows as CSV: the `events` column is there when any row has an export (every
/// row then has the cell, empty where the metric is not counted from one).
pub(crate) fn csv(rows: &[TidyRow]) -> Result<String, Error> {
    if rows.iter().all(|r| r.events.is_none()) {
        return super::rows::csv(rows);
    }
    let rows: Vec<TidyRow> = rows
        .iter()
        .cloned()
        .map(|r| TidyRow {
            events: Some(r.events.unwrap_or_default()),
            ..r
        })
        .collect();
    super::rows::csv(&rows)
}
