//! `sensitivity`: for each comparison and metric, which inputs move it most: the value
//! with each input at its low and at its high, the others at central, sorted as a
//! tornado. The tidy output lists every input of every formula, so it doubles as the
//! audit trail of how each figure is computed.

use crate::config::{Config, TableConfig};
use crate::error::Error;
use crate::metrics::compute::{compute_with_formulas, Selection};
use crate::outcome::Outcome;
use crate::render::rows;
use crate::render::sensitivity::{markdown, terminal, tidy};
use crate::render::Format;
use crate::selection::{selected_comparisons, selected_metrics};
use crate::uncertainty::sensitivity::{inputs, InputRow};
use crate::workspace::Workspace;

pub(crate) fn run(config: &Config, table: &TableConfig) -> Result<Outcome, Error> {
    let ws = Workspace::load(&config.data, &config.overrides, table.needs())?;
    let selection = Selection {
        comparisons: selected_comparisons(&ws.data, table)?,
        metrics: selected_metrics(table),
        units: config.units,
        uncertainty: None,
        keep_draws: false,
        events: ws.event_inputs(),
        versus: &table.versus,
    };
    let computed = compute_with_formulas(&ws.data, &ws.inputs, &selection).map_err(Error::Data)?;
    let per_row: Vec<Vec<InputRow>> = computed.formulas.iter().map(inputs).collect();
    let header = format!("data: {}", config.describe_data());
    let (rows, units) = (&computed.rows, config.units);
    let text = match table.format {
        Format::Json => rows::json(&tidy(rows, &computed.formulas, &per_row))?,
        Format::Csv => {
            let swings: Vec<_> = tidy(rows, &computed.formulas, &per_row)
                .into_iter()
                .map(|pooled| pooled.swing)
                .collect();
            rows::csv(&swings)?
        }
        Format::Markdown => markdown(rows, &per_row, units, &header),
        Format::Table => terminal(rows, &per_row, units, &header),
    };
    Ok(Outcome::new(text).warn(ws.warnings()))
}
