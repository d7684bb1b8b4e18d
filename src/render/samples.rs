//! Every Monte Carlo draw as CSV (`table --samples`), so a reviewer can audit each
//! figure trial by trial. Streamed: a block of trials at a time is computed from the
//! input draws and written, so the file never exists whole in memory.

use std::io::Write;

use polars::prelude::*;

use crate::metrics::compute::MetricRow;
use crate::output::SAMPLES_MARKER;
use crate::uncertainty::formula::Formula;
use crate::uncertainty::{Sampled, Settings};

/// Trials per block: the memory the samples add is about this many rows of every column
/// (8 bytes a value), whatever `--draws` is.
pub(crate) const BLOCK: usize = 16_384;

/// The first line: the marker by which the tool knows the file as its own, as a CSV
/// comment (read the file with `comment="#"` or skip one line).
pub(crate) fn marker_line(settings: &Settings) -> String {
    format!(
        "{SAMPLES_MARKER}: seed {}, {} draws; one row per trial\n",
        settings.seed, settings.draws
    )
}

/// Writes the marker line, then every draw as CSV: a `trial` column, one column per
/// input (its key) and one per metric (`comparison.metric`, or
/// `comparison/versus.metric` for a ratio), to `out`, block by block.
pub(crate) fn write_samples(
    out: &mut dyn Write,
    rows: &[MetricRow],
    formulas: &[Formula],
    sampled: &Sampled,
    settings: &Settings,
) -> std::io::Result<()> {
    out.write_all(marker_line(settings).as_bytes())?;
    let draws = &sampled.draws;
    let names: Vec<String> = rows
        .iter()
        .map(|row| match &row.versus {
            None => format!("{}.{}", row.comparison, row.metric),
            Some(b) => format!("{}/{b}.{}", row.comparison, row.metric),
        })
        .collect();
    let mut schema = Schema::default();
    schema.insert("trial".into(), DataType::UInt64);
    for (key, _) in &draws.columns {
        schema.insert(key.as_str().into(), DataType::Float64);
    }
    for name in &names {
        schema.insert(name.as_str().into(), DataType::Float64);
    }
    let mut writer = CsvWriter::new(out)
        .include_header(true)
        .batched(&schema)
        .map_err(failed)?;
    let mut start = 0;
    while start < draws.n {
        let end = (start + BLOCK).min(draws.n);
        let mut columns = vec![Column::new(
            "trial".into(),
            (start as u64 + 1..=end as u64).collect::<Vec<u64>>(),
        )];
        for (key, values) in &draws.columns {
            columns.push(Column::new(key.as_str().into(), &values[start..end]));
        }
        for (name, formula) in names.iter().zip(formulas) {
            let values = draws.evaluate_range(formula, start..end);
            columns.push(Column::new(name.as_str().into(), values));
        }
        let frame = DataFrame::new(end - start, columns).map_err(failed)?;
        writer.write_batch(&frame).map_err(failed)?;
        start = end;
    }
    writer.finish().map_err(failed)
}

fn failed(err: PolarsError) -> std::io::Error {
    match err {
        PolarsError::IO { error, .. } => std::io::Error::new(error.kind(), error.to_string()),
        other => std::io::Error::other(other.to_string()),
    }
}
