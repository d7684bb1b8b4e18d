//! Every Monte Carlo draw as CSV (`table --samples`), so a reviewer can audit each
//! figure trial by trial.

use crate::error::Error;
use crate::metrics::compute::MetricRow;
use crate::uncertainty::Sampled;

/// Every draw as CSV: a `trial` column, one column per input (its key) and one per
/// metric (`comparison.metric`, or `comparison/versus.metric` for a ratio).
pub(crate) fn samples_csv(rows: &[MetricRow], sampled: &Sampled) -> Result<String, Error> {
    use polars::prelude::*;
    let n = sampled.draws.n;
    let mut columns = vec![Column::new(
        "trial".into(),
        (1..=n as u64).collect::<Vec<u64>>(),
    )];
    for (key, values) in &sampled.draws.columns {
        columns.push(Column::new(key.as_str().into(), values.clone()));
    }
    for (row, values) in rows.iter().zip(&sampled.metrics) {
        let name = match &row.versus {
            None => format!("{}.{}", row.comparison, row.metric),
            Some(b) => format!("{}/{b}.{}", row.comparison, row.metric),
        };
        columns.push(Column::new(name.into(), values.clone()));
    }
    crate::render::csv::write(n, columns)
}
