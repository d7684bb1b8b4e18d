//! Tidy machine-readable output: one row per (comparison, metric), as CSV (written by
//! polars) or JSON. The column names are a public interface: keep them stable.

use polars::prelude::*;
use serde::Serialize;

use crate::cli::Units;
use crate::error::Error;
use crate::metrics::compute::MetricRow;

use super::format::display;

pub const COLUMNS: [&str; 10] = [
    "comparison",
    "versus",
    "metric",
    "value",
    "unit",
    "display",
    "year",
    "overridden",
    "notes",
    "data",
];

#[derive(Debug, Serialize)]
pub struct TidyRow {
    pub comparison: String,
    pub versus: Option<String>,
    pub metric: String,
    pub value: f64,
    pub unit: String,
    pub display: String,
    pub year: i32,
    pub overridden: bool,
    pub notes: String,
    pub data: String,
}

pub fn tidy(rows: &[MetricRow], units: Units, data: &str) -> Vec<TidyRow> {
    rows.iter()
        .map(|r| TidyRow {
            comparison: r.comparison.clone(),
            versus: r.versus.clone(),
            metric: r.metric.id().to_string(),
            value: r.value,
            unit: r.unit.clone(),
            display: display(r.metric, r.value, units),
            year: r.year,
            overridden: r.overridden,
            notes: r.notes.join("; "),
            data: data.to_string(),
        })
        .collect()
}

pub fn json(rows: &[TidyRow]) -> Result<String, Error> {
    serde_json::to_string_pretty(rows)
        .map(|text| text + "\n")
        .map_err(|err| Error::io("cannot write JSON", std::io::Error::other(err)))
}

pub fn csv(rows: &[TidyRow]) -> Result<String, Error> {
    let strings = |f: fn(&TidyRow) -> String| rows.iter().map(f).collect::<Vec<String>>();
    // Empty text becomes null so the CSV cell is empty rather than "".
    let optional = |f: fn(&TidyRow) -> String| {
        rows.iter()
            .map(|r| Some(f(r)).filter(|s| !s.is_empty()))
            .collect::<Vec<Option<String>>>()
    };
    let failed = |err: PolarsError| Error::io("cannot write CSV", std::io::Error::other(err));
    let mut frame = DataFrame::new(
        rows.len(),
        vec![
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
                "year".into(),
                rows.iter().map(|r| r.year).collect::<Vec<i32>>(),
            ),
            Column::new(
                "overridden".into(),
                rows.iter().map(|r| r.overridden).collect::<Vec<bool>>(),
            ),
            Column::new("notes".into(), optional(|r| r.notes.clone())),
            Column::new("data".into(), strings(|r| r.data.clone())),
        ],
    )
    .map_err(failed)?;
    let mut out = Vec::new();
    CsvWriter::new(&mut out)
        .include_header(true)
        .finish(&mut frame)
        .map_err(failed)?;
    String::from_utf8(out).map_err(|err| Error::io("cannot write CSV", std::io::Error::other(err)))
}
