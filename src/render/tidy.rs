//! Tidy machine-readable output: one row per (comparison, metric), as CSV (written by
//! polars) or JSON. The column names are a public interface: keep them stable.

use polars::prelude::*;
use serde::Serialize;

use crate::error::Error;
use crate::metrics::compute::MetricRow;
use crate::uncertainty::Settings;
use crate::units::Units;

use super::format::display;
use super::layout::{sources_of, WHAT_IF};
use crate::uncertainty::formula::Formula;

#[derive(Debug, Serialize)]
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

pub(crate) fn tidy(
    rows: &[MetricRow],
    formulas: &[Formula],
    units: Units,
    data: &str,
    settings: Option<&Settings>,
    events: Option<&str>,
) -> Vec<TidyRow> {
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

pub(crate) fn json(rows: &[TidyRow]) -> Result<String, Error> {
    serde_json::to_string_pretty(rows)
        .map(|text| text + "\n")
        .map_err(|err| Error::io("cannot write JSON", std::io::Error::other(err)))
}

pub(crate) fn csv(rows: &[TidyRow]) -> Result<String, Error> {
    let strings = |f: fn(&TidyRow) -> String| rows.iter().map(f).collect::<Vec<String>>();
    // Empty text becomes null so the CSV cell is empty rather than "".
    let optional = |f: fn(&TidyRow) -> String| {
        rows.iter()
            .map(|r| Some(f(r)).filter(|s| !s.is_empty()))
            .collect::<Vec<Option<String>>>()
    };
    let mut columns = vec![
        Column::new("comparison".into(), strings(|r| r.comparison.clone())),
        Column::new(
            "versus".into(),
            optional(|r| r.versus.clone().unwrap_or_default()),
        ),
        Column::new("metric".into(), strings(|r| r.metric.clone())),
        Column::new(
            "value".into(),
            rows.iter().map(|r| r.value).collect::<Vec<f64>>(),
        ),
        Column::new("unit".into(), strings(|r| r.unit.clone())),
        Column::new("display".into(), strings(|r| r.display.clone())),
        Column::new(
            "p05".into(),
            rows.iter().map(|r| r.p05).collect::<Vec<Option<f64>>>(),
        ),
        Column::new(
            "p50".into(),
            rows.iter().map(|r| r.p50).collect::<Vec<Option<f64>>>(),
        ),
        Column::new(
            "p95".into(),
            rows.iter().map(|r| r.p95).collect::<Vec<Option<f64>>>(),
        ),
        Column::new(
            "bound_low".into(),
            rows.iter()
                .map(|r| r.bound_low)
                .collect::<Vec<Option<f64>>>(),
        ),
        Column::new(
            "bound_high".into(),
            rows.iter()
                .map(|r| r.bound_high)
                .collect::<Vec<Option<f64>>>(),
        ),
        Column::new(
            "year".into(),
            rows.iter().map(|r| r.year).collect::<Vec<i32>>(),
        ),
        Column::new(
            "overridden".into(),
            rows.iter().map(|r| r.overridden).collect::<Vec<bool>>(),
        ),
        Column::new("notes".into(), optional(|r| r.notes.clone())),
        Column::new(
            "seed".into(),
            rows.iter().map(|r| r.seed).collect::<Vec<Option<u64>>>(),
        ),
        Column::new(
            "draws".into(),
            rows.iter()
                .map(|r| r.draws.map(|d| d as u64))
                .collect::<Vec<Option<u64>>>(),
        ),
        Column::new("data".into(), strings(|r| r.data.clone())),
    ];
    if rows.iter().any(|r| r.events.is_some()) {
        columns.push(Column::new(
            "events".into(),
            optional(|r| r.events.clone().unwrap_or_default()),
        ));
    }
    columns.push(Column::new(
        "sources".into(),
        optional(|r| r.sources.clone()),
    ));
    crate::render::csv::write(rows.len(), columns)
}
