//! `table`: every selected metric for every selected comparison, in the chosen format.

use crate::config::{check_ids, Config, TableConfig};
use crate::data::Dataset;
use crate::error::Error;
use crate::metrics::compute::{compute_with_formulas, MetricRow, Selection};
use crate::metrics::Metric;
use crate::output::write_atomically;
use crate::render::Format;
use crate::render::{layout::Layout, markdown, terminal, tidy};
use crate::uncertainty::Sampled;

pub fn run(config: &Config, table: &TableConfig) -> Result<String, Error> {
    let data = super::load_checked(config)?;
    let ids = selected_comparisons(&data, table)?;
    let events = match &table.events {
        Some(source) => super::events::count_for(&data, &source.file, Some(source), &[])?.metrics,
        None => None,
    };
    let metrics = selected_metrics(table);
    let selection = Selection {
        comparisons: ids.clone(),
        metrics: metrics.clone(),
        units: config.units,
        uncertainty: Some(config.uncertainty),
        keep_draws: table.samples.is_some(),
        events: events.as_ref().map(|(inputs, _)| inputs),
        versus: &table.versus,
    };
    let computed =
        compute_with_formulas(&data, &config.overrides, &selection).map_err(Error::Data)?;
    let rows = computed.rows;
    for reason in &computed.uncovered {
        eprintln!("warning: {reason}");
    }
    if let (Some(path), Some(sampled)) = (&table.samples, &computed.sampled) {
        write_atomically(path, samples_csv(&rows, sampled)?.as_bytes())?;
    }
    let described = config.data.describe();
    let export = events.as_ref().map(|(_, described)| described.as_str());
    let settings = Some(&config.uncertainty);
    match table.format {
        Format::Table => Ok(terminal::render(
            &Layout::new(&rows, &ids, &metrics),
            config.units,
            &described,
            export,
            settings,
            terminal::use_color(),
        )),
        Format::Markdown => Ok(markdown::render(
            &Layout::new(&rows, &ids, &metrics),
            config.units,
            &described,
            export,
            settings,
        )),
        Format::Csv => tidy::csv(&tidy::tidy(
            &rows,
            config.units,
            &config.data.short(),
            settings,
            events.as_ref().map(|(inputs, _)| inputs.file.as_str()),
        )),
        Format::Json => tidy::json(&tidy::tidy(
            &rows,
            config.units,
            &config.data.short(),
            settings,
            events.as_ref().map(|(inputs, _)| inputs.file.as_str()),
        )),
    }
}

/// The metrics to show: those asked for, or all (the event metrics with an export).
pub fn selected_metrics(table: &TableConfig) -> Vec<Metric> {
    if table.metrics.is_empty() {
        let events = table
            .events
            .as_ref()
            .map_or(&[][..], |_| &Metric::EVENTS[..]);
        Metric::SINGLE
            .into_iter()
            .chain(events.iter().copied())
            .chain(Metric::PAIRWISE)
            .collect()
    } else {
        table.metrics.clone()
    }
}

/// The comparisons to show, the pairwise base first. Unknown ids are usage errors.
pub fn selected_comparisons<'a>(
    data: &'a Dataset,
    table: &'a TableConfig,
) -> Result<Vec<&'a str>, Error> {
    let known: Vec<&str> = data.comparisons.iter().map(|c| c.id.as_str()).collect();
    check_ids("--comparison", &table.comparisons, &known)?;
    let mut ids: Vec<&str> = if table.comparisons.is_empty() {
        known.clone()
    } else {
        let mut ids = Vec::new();
        for id in &table.comparisons {
            if !ids.contains(&id.as_str()) {
                ids.push(id.as_str());
            }
        }
        ids
    };
    if let Some(base) = &table.base {
        check_ids("--base", std::slice::from_ref(base), &known)?;
        ids.retain(|id| id != base);
        ids.insert(0, base.as_str());
    }
    check_ids("--versus", &table.versus, &known)?;
    if let Some(id) = table
        .versus
        .iter()
        .find(|v| ids.first() == Some(&v.as_str()) || !ids.contains(&v.as_str()))
    {
        return Err(Error::Usage(format!(
            "--versus {id}: the pairwise ratios divide the base ({}) by the other comparisons shown; give one of those",
            ids.first().copied().unwrap_or("none")
        )));
    }
    Ok(ids)
}

/// Every draw as CSV: a `trial` column, one column per input (its key) and one per
/// metric (`comparison.metric`, or `comparison/versus.metric` for a ratio).
fn samples_csv(rows: &[MetricRow], sampled: &Sampled) -> Result<String, Error> {
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
