//! `check`: re-runs every published claim in the claim files against the data and says,
//! claim by claim, whether it follows, how far off it is and why. Exits 1 when any claim
//! is inconsistent or a cross-check finds a contradiction.

use std::path::{Path, PathBuf};

use crate::claims::counted::EventTotals;
use crate::claims::verdict::{Context, EventCounts};
use crate::claims::EventQuery;

use crate::claims::crosscheck::crosscheck;
use crate::claims::parse::{self, SeenIds};
use crate::claims::verdict::{check, Checked, Verdict};
use crate::claims::{embedded, ClaimFile};
use crate::config::{CheckConfig, Config};
use crate::data;
use crate::error::Error;
use crate::render::claims as render;
use crate::render::Format;

/// The claim files to read, as (display name, text).
pub fn claim_texts(paths: &[PathBuf]) -> Result<(String, Vec<(String, String)>), Error> {
    if paths.is_empty() {
        let default = Path::new("seeds");
        if !default.is_dir() {
            let texts = embedded::FILES
                .iter()
                .map(|(name, text)| (format!("embedded:seeds/{name}"), text.to_string()))
                .collect();
            return Ok(("embedded (shipped with the binary)".to_string(), texts));
        }
        return claim_texts(&[default.to_path_buf()]);
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Error::Usage(format!(
                    "{}: no claim files (*.toml) in this directory",
                    path.display()
                )));
            }
            files.extend(found);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(Error::Usage(format!(
                "{}: no such file or directory; give claim files (*.toml) or a directory of them",
                path.display()
            )));
        }
    }
    let described: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let mut texts = Vec::new();
    for file in files {
        let display = file.display().to_string();
        let bytes =
            std::fs::read(&file).map_err(|e| Error::io(format!("cannot read {display}"), e))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::Data(vec![crate::error::Problem::new(
                "not UTF-8",
                crate::error::Location::file(&display),
            )
            .help("save the claim file as UTF-8")])
        })?;
        texts.push((display, text));
    }
    Ok((described.join(", "), texts))
}

/// Parses the claim files against the data and re-checks every claim; returns the
/// verdicts and the cross-check findings.
pub fn recheck(
    data: &data::Dataset,
    config: &Config,
    texts: &[(String, String)],
    tolerance: Option<f64>,
    events: Option<&Path>,
) -> Result<(Vec<Checked>, Vec<String>), Error> {
    let files = parse_claims(data, texts)?;
    let counts = match events {
        Some(path) => Some(super::events::count_for(data, path, None, &files)?.claims),
        None => None,
    };
    Ok(recheck_files(
        data,
        config,
        &files,
        tolerance,
        counts.as_ref(),
    ))
}

/// The claim files parsed against the data; every problem found when any is malformed.
pub fn parse_claims(
    data: &data::Dataset,
    texts: &[(String, String)],
) -> Result<Vec<ClaimFile>, Error> {
    let mut problems = Vec::new();
    let mut seen: SeenIds = Vec::new();
    let files: Vec<ClaimFile> = texts
        .iter()
        .filter_map(|(file, text)| parse::read(file, text, data, &mut seen, &mut problems))
        .collect();
    if !problems.is_empty() {
        return Err(Error::Data(problems));
    }
    Ok(files)
}

/// Re-checks the claims of parsed files, counting events claims from `counts`.
pub fn recheck_files(
    data: &data::Dataset,
    config: &Config,
    files: &[ClaimFile],
    tolerance: Option<f64>,
    counts: Option<&EventTotals>,
) -> (Vec<Checked>, Vec<String>) {
    let lookup =
        |q: &EventQuery| counts.map_or_else(|| Err("no event export".to_string()), |c| c.value(q));
    let events: Option<EventCounts> = counts.map(|_| &lookup as EventCounts);
    let ctx = Context {
        tolerance,
        settings: Some(&config.uncertainty),
        events,
        overrides: &config.overrides,
    };
    let checked: Vec<Checked> = files
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| check(data, &f.source, c, &ctx)))
        .collect();
    let findings = crosscheck(data, files, tolerance);
    (checked, findings)
}

pub fn run(config: &Config, options: &CheckConfig) -> Result<String, Error> {
    let data = super::load_checked(config)?;
    let (described, texts) = claim_texts(&options.paths)?;
    let (checked, findings) = recheck(
        &data,
        config,
        &texts,
        options.tolerance,
        options.events.as_deref(),
    )?;
    let header = format!(
        "data: {} · claims: {described} · 90% intervals from {} draws, seed {}",
        config.data.describe(),
        crate::render::format::grouped(config.uncertainty.draws as f64, 0),
        config.uncertainty.seed
    );
    let output = match options.format {
        Format::Table => render::terminal(&checked, &findings, &data, &header),
        Format::Markdown => render::markdown(&checked, &findings, &header),
        Format::Csv => render::csv(&render::tidy(&checked))?,
        Format::Json => render::json(&render::tidy(&checked))?,
    };
    let inconsistent = checked
        .iter()
        .filter(|c| c.verdict == Verdict::Inconsistent)
        .count();
    if inconsistent > 0 || !findings.is_empty() {
        return Err(Error::Checks {
            output,
            summary: render::summary(&checked, findings.len()),
        });
    }
    Ok(output)
}
