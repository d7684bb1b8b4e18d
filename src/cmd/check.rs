//! `check`: re-runs every published claim in the claim files against the data and says,
//! claim by claim, whether it follows, how far off it is and why.
//! Exits 3 when any claim is inconsistent or a cross-check finds a contradiction, and 1
//! (as an error) when a claim file or the data is broken.

use crate::claims::recheck::{recheck, Against};
use crate::config::{CheckConfig, Config};
use crate::data::Tables;
use crate::error::Error;
use crate::metrics::events::MIN_DAYS;
use crate::numbers::grouped;
use crate::outcome::{Failure, Outcome};
use crate::render::claims as render;
use crate::render::events::describe;
use crate::render::{rows, Format};
use crate::workspace::{ExportNeed, Needs, Workspace};

pub(crate) fn run(config: &Config, options: &CheckConfig) -> Result<Outcome, Error> {
    let export = (!options.events.is_empty()).then(|| ExportNeed {
        paths: options.events.clone(),
        large: None,
        min_days: MIN_DAYS,
        groups: Vec::new(),
        strict: false,
        always_hash: false,
        choice: options.choice.clone(),
    });
    let needs = Needs {
        claims: Some(options.paths.clone()),
        export,
        tables: Tables::All,
    };
    let ws = Workspace::load(&config.data, &config.overrides, needs)?;
    let Some(claims) = &ws.claims else {
        return Ok(Outcome::default());
    };
    let against = Against {
        settings: &config.uncertainty,
        overrides: &config.overrides,
        resolved: &ws.inputs,
        tolerance: options.tolerance,
        counts: ws.counts.as_ref(),
    };
    let rechecked = recheck(&ws.data, &claims.files, &against);
    let (checked, findings) = (&rechecked.checked, &rechecked.findings);
    let mut header = format!(
        "data: {} · claims: {} · 90% intervals from {} draws, seed {}",
        config.describe_data(),
        claims.described,
        grouped(config.uncertainty.draws as f64, 0),
        config.uncertainty.seed
    );
    // What the export gave the events claims: rows used and left out.
    let export = ws
        .counts
        .as_ref()
        .map(|c| format!("events: {}: {}", c.name, describe(c)));
    if let Some(line) = &export {
        // Within 80 columns: the counts on a line of their own.
        header.push_str(&format!(" · {}", line.replacen(", ", ",\n  ", 1)));
    }
    let text = match options.format {
        Format::Table => render::terminal(checked, findings, &ws.data, &header),
        Format::Markdown => render::markdown(checked, findings, &header),
        Format::Csv => rows::csv(&render::tidy(checked, findings))?,
        Format::Json => rows::json(&render::tidy(checked, findings))?,
    };
    let machine = matches!(options.format, Format::Csv | Format::Json);
    let outcome = Outcome::new(text)
        .warn(ws.warnings())
        .warn(export.filter(|_| machine))
        .fail_if(rechecked.failed(), || Failure::Claims {
            summary: render::summary(checked, findings.len()),
            shown: matches!(options.format, Format::Table | Format::Markdown),
        });
    Ok(outcome)
}
