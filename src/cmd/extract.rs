//! `extract`: reads a document (text, Markdown, HTML or PDF), drafts the claims its
//! numbers state, and writes them as a claim file `check` reads (or as CSV, JSON or a
//! Markdown table), on standard output or atomically into `--out`.

use crate::cli::ExtractFormat;
use crate::config::{Config, ExtractConfig};
use crate::error::Error;
use crate::extract::lexicon::{hedges, Lexicon};
use crate::extract::{document, extract};
use crate::outcome::Outcome;
use crate::output::{Inputs, Kind, Writer};
use crate::render::extract as render;
use crate::render::width::wrap;
use crate::render::{draft, rows};
use crate::workspace::Workspace;

pub(crate) fn run(config: &Config, options: &ExtractConfig) -> Result<Outcome, Error> {
    let ws = Workspace::data_only(&config.data)?;
    let (hedges, from) = hedges(options.hedges.as_deref())?;
    let lexicon = Lexicon::new(&ws.data, hedges, from);
    let doc = document::read(&options.document)?;
    let x = extract(&ws.data, doc, &lexicon);
    let text = match options.format {
        ExtractFormat::Toml => draft::toml(&x),
        ExtractFormat::Csv => rows::csv(&render::tidy(&x))?,
        ExtractFormat::Json => rows::json(&render::tidy(&x))?,
        ExtractFormat::Markdown => render::markdown(&x),
    };
    // One line for scripts, wrapped within 80 columns for people.
    let summary = wrap(
        &format!(
            "{}: {}; data: {}",
            x.document.name,
            x.summary().line(),
            config.describe_data()
        ),
        80,
        "  ",
    );
    let Some(out) = &options.out else {
        return Ok(Outcome::new(text).warn([summary]));
    };
    let inputs = Inputs::of_run(
        &config.data,
        std::iter::once(options.document.as_path()).chain(options.hedges.as_deref()),
    );
    Writer::new(inputs, options.force).write(out, Kind::Claims, text.as_bytes())?;
    Ok(Outcome::new(String::new()).warn([format!("{summary}\nwrote {}", out.display())]))
}
