//! `events FILE`: counts per group, country and period from an ACLED or UCDP export,
//! saying how many rows were left out and why (the first ten with their lines), or
//! failing on the first bad row with `--strict`.

use crate::config::{Config, EventsConfig};
use crate::data::Tables;
use crate::error::Error;
use crate::metrics::events::MIN_DAYS;
use crate::outcome::Outcome;
use crate::render::events::{describe, markdown, remarks, terminal};
use crate::render::rows::{csv, json};
use crate::render::Format;
use crate::workspace::{ExportNeed, Needs, Workspace};

pub(crate) fn run(config: &Config, options: &EventsConfig) -> Result<Outcome, Error> {
    let export = ExportNeed {
        paths: options.files.clone(),
        large: Some(options.large),
        min_days: MIN_DAYS,
        groups: options.groups.clone(),
        strict: options.strict,
        always_hash: false,
        choice: options.choice.clone(),
    };
    // Counting asks only for the names: groups (and their aliases) and countries.
    let needs = Needs {
        claims: None,
        export: Some(export),
        tables: Tables::Names,
    };
    let ws = Workspace::load(&config.data, &config.overrides, needs)?;
    let Some(counts) = &ws.counts else {
        return Ok(Outcome::default());
    };
    let rows = counts.rows(options.by_month);
    let summary = format!("{}: {}", counts.file, describe(counts));
    let remarks = remarks(counts);
    let data_line = format!("data: {}", config.describe_data());
    let outcome = match options.format {
        Format::Table => Outcome::new(format!(
            "{data_line}\n{}",
            terminal(&rows, &summary, options.large, &remarks)
        )),
        Format::Markdown => Outcome::new(markdown(&rows, &summary, options.large, &remarks)),
        Format::Json => Outcome::new(json(&rows)?)
            .warn([data_line.clone(), summary.clone()])
            .warn(remarks.clone()),
        Format::Csv => Outcome::new(csv(&rows)?)
            .warn([data_line, summary])
            .warn(remarks),
    };
    Ok(outcome.warn_first(ws.warnings()))
}
