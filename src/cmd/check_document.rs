//! `check DOCUMENT`: drafts the claims of a document as `extract` does and re-checks
//! them in the same run; the output says they were drafted, not confirmed, and
//! `--format markdown` gives the annotated reading in document order.

use crate::claims::counted::thresholds;
use crate::claims::files::ClaimText;
use crate::claims::recheck::{recheck, Against};
use crate::config::{CheckDocumentConfig, Config};
use crate::error::Error;
use crate::extract::lexicon::{hedges, Lexicon};
use crate::extract::{document, extract};
use crate::metrics::events::MIN_DAYS;
use crate::numbers::grouped;
use crate::outcome::{Failure, Outcome};
use crate::render::claims as render;
use crate::render::draft;
use crate::render::extract::annotated;
use crate::render::width::wrap;
use crate::render::{rows, Format};
use crate::workspace::{read_export, ExportNeed, Workspace};

pub(crate) fn run(config: &Config, options: &CheckDocumentConfig) -> Result<Outcome, Error> {
    let ws = Workspace::load(&config.data, &config.overrides, Default::default())?;
    let (hedges, from) = hedges(options.hedges.as_deref())?;
    let lexicon = Lexicon::new(&ws.data, hedges, from);
    let doc = document::read(&options.document)?;
    let x = extract(&ws.data, doc, &lexicon);
    // The drafted claim file, read back as `check` reads any claim file.
    let drafted = ClaimText {
        name: format!("{} (drafted)", x.document.name),
        text: draft::toml(&x),
    };
    let files = crate::claims::files::parse_texts(&ws.data, &[drafted])?;
    // The export is read only when a drafted claim carries a query to count.
    let counts = if options.events.is_empty() || thresholds(&files).is_empty() {
        None
    } else {
        let need = ExportNeed {
            paths: options.events.clone(),
            large: None,
            min_days: MIN_DAYS,
            groups: Vec::new(),
            strict: false,
            always_hash: false,
            choice: options.choice.clone(),
        };
        Some(read_export(&ws.data, &need, &files)?)
    };
    let against = Against {
        settings: &config.uncertainty,
        overrides: &config.overrides,
        resolved: &ws.inputs,
        tolerance: options.tolerance,
        counts: counts.as_ref(),
    };
    let rechecked = recheck(&ws.data, &files, &against);
    let (checked, findings) = (&rechecked.checked, &rechecked.findings);
    let header = format!(
        "data: {} · claims: drafted from {} by extract, not confirmed · 90% intervals from {} draws, seed {}",
        config.describe_data(),
        x.document.name,
        grouped(config.uncertainty.draws as f64, 0),
        config.uncertainty.seed
    );
    let text = match options.format {
        Format::Table => render::terminal(checked, findings, &ws.data, &header),
        Format::Markdown => annotated(&x, checked, findings, &header),
        Format::Csv => rows::csv(&render::tidy(checked, findings))?,
        Format::Json => rows::json(&render::tidy(checked, findings))?,
    };
    let warnings = counts.as_ref().map_or_else(Vec::new, |c| c.warnings());
    let outcome = Outcome::new(text)
        .warn(warnings)
        .warn([wrap(
            &format!("{}: {}", x.document.name, x.summary().line()),
            80,
            "  ",
        )])
        .fail_if(rechecked.failed(), || Failure::Claims {
            summary: render::summary(checked, findings.len()),
            shown: matches!(options.format, Format::Table | Format::Markdown),
        });
    Ok(outcome)
}
