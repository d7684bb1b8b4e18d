//! `table`: every selected metric for every selected comparison, in the chosen format.

use crate::config::{Config, TableConfig};
use crate::error::Error;
use crate::metrics::compute::{compute_with_formulas, Selection};
use crate::outcome::Outcome;
use crate::output::{Inputs, Kind, Writer};
use crate::render::events::joined;
use crate::render::layout::{Layout, TableView};
use crate::render::samples::write_samples;
use crate::render::{markdown, rows, terminal, tidy, Format};
use crate::selection::{selected_comparisons, selected_metrics};
use crate::workspace::Workspace;

pub(crate) fn run(config: &Config, table: &TableConfig) -> Result<Outcome, Error> {
    let ws = Workspace::load(&config.data, &config.overrides, table.needs())?;
    let ids = selected_comparisons(&ws.data, table)?;
    let metrics = selected_metrics(table);
    let events = ws.event_inputs();
    let selection = Selection {
        comparisons: ids.clone(),
        metrics: metrics.clone(),
        units: config.units,
        uncertainty: Some(config.uncertainty),
        keep_draws: table.samples.is_some(),
        events,
        versus: &table.versus,
    };
    let computed = compute_with_formulas(&ws.data, &ws.inputs, &selection).map_err(Error::Data)?;
    let rows = &computed.rows;
    if let (Some(path), Some(sampled)) = (&table.samples, &computed.sampled) {
        let export = table
            .events
            .iter()
            .flat_map(|e| e.files.iter().map(|f| f.as_path()));
        let writer = Writer::new(Inputs::of_run(&config.data, export), table.force);
        writer.stream(path, Kind::Samples, |out| {
            write_samples(out, rows, &computed.formulas, sampled, &config.uncertainty)
        })?;
    }
    let described = config.describe_data();
    let export = events.map(|e| joined(e.counts, e.large));
    let export_name = events.map(|e| e.counts.name.as_str());
    let settings = Some(&config.uncertainty);
    let view = || TableView {
        layout: Layout::new(rows, &ids, &metrics).with_sources(rows, &computed.formulas),
        benchmarks: &ws.data.benchmarks,
        units: config.units,
        data: &described,
        events: export.as_deref(),
        settings,
    };
    let tidy = || {
        let run = tidy::Run {
            units: config.units,
            data: &config.data.short(),
            settings,
            events: export_name,
        };
        tidy::tidy(rows, &computed.formulas, &run)
    };
    let text = match table.format {
        Format::Table => terminal::render(&view(), terminal::use_color()),
        Format::Markdown => markdown::render(&view()),
        Format::Csv => tidy::csv(&tidy())?,
        Format::Json => rows::json(&tidy())?,
    };
    let uncovered = computed.uncovered.iter().map(|r| format!("warning: {r}"));
    Ok(Outcome::new(text).warn(ws.warnings()).warn(uncovered))
}
