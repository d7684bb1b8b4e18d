//! `table --years`: every selected metric of every selected comparison for each year
//! of a range, with its change since the first year, in the chosen format.

use crate::config::{Config, TableConfig};
use crate::error::Error;
use crate::metrics::trajectory::{trajectories, Asked, Years};
use crate::outcome::Outcome;
use crate::render::trajectory::{markdown, terminal, tidy, Run};
use crate::render::{rows, Format};
use crate::selection::{selected_comparisons, selected_metrics};
use crate::workspace::Workspace;

pub(crate) fn run(config: &Config, table: &TableConfig, years: Years) -> Result<Outcome, Error> {
    let ws = Workspace::load(&config.data, &config.overrides, table.needs())?;
    let ids = selected_comparisons(&ws.data, table)?;
    // Pairwise ratios set one comparison against another in one year: not over years.
    let metrics: Vec<_> = selected_metrics(table)
        .into_iter()
        .filter(|m| !m.is_pairwise())
        .collect();
    let asked = Asked {
        comparisons: &ids,
        metrics: &metrics,
        years,
        units: config.units,
        uncertainty: Some(config.uncertainty),
        events: ws.event_inputs(),
    };
    let points =
        trajectories(&ws.data, &config.overrides, &asked).map_err(|p| Error::Data(vec![p]))?;
    let labels: Vec<(String, String)> = ws
        .data
        .comparisons
        .iter()
        .map(|c| (c.id.clone(), c.label.clone()))
        .collect();
    let described = config.describe_data();
    let export = ws
        .event_inputs()
        .map(|e| crate::render::events::joined(e.counts, e.large));
    let short = config.data.short();
    let run = Run {
        units: config.units,
        data: if matches!(table.format, Format::Csv | Format::Json) {
            &short
        } else {
            &described
        },
        settings: Some(&config.uncertainty),
        labels: &labels,
        events: export.as_deref(),
    };
    let text = match table.format {
        Format::Table => terminal(&points, &run),
        Format::Markdown => markdown(&points, &run),
        Format::Csv => rows::csv(&tidy(&points, &run))?,
        Format::Json => rows::json(&tidy(&points, &run))?,
    };
    Ok(Outcome::new(text).warn(ws.warnings()))
}
