//! `report`: writes the Markdown report and its SVG charts, atomically, refusing to
//! overwrite a file it did not generate; `--check` regenerates both in memory and fails
//! with a short diff when what is on disk is stale.

use std::path::{Path, PathBuf};

use crate::config::{Config, ReportConfig};
use crate::data::DataChoice;
use crate::error::Error;
use crate::metrics::compute::{compute_with_formulas, Selection};
use crate::metrics::Metric;
use crate::output::write_atomically;
use crate::report::{self, stamp, EventsUsed, Input, Report, MARKER};

use super::check::{claim_texts, parse_claims, recheck_files};
use super::events::count_for;

/// The claims a report re-checks: `--claims` when given, else `seeds/` when it exists,
/// else the embedded claim files when the data is the embedded copy too.
fn claim_paths(config: &Config, options: &ReportConfig) -> Option<Vec<PathBuf>> {
    if let Some(path) = &options.claims {
        return Some(vec![path.clone()]);
    }
    if Path::new("seeds").is_dir() {
        return Some(vec![PathBuf::from("seeds")]);
    }
    (config.data == DataChoice::Embedded).then(Vec::new)
}

/// The chart directory beside the report: `reports/x.md` -> `reports/x/`.
fn chart_dir(out: &Path) -> (PathBuf, String) {
    let stem = out.file_stem().map_or_else(
        || "report".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let dir = out
        .parent()
        .map_or_else(|| PathBuf::from(&stem), |p| p.join(&stem));
    (dir, stem)
}

pub fn generate(config: &Config, options: &ReportConfig) -> Result<Report, Error> {
    let data = super::load_checked(config)?;
    let ids: Vec<&str> = data.comparisons.iter().map(|c| c.id.as_str()).collect();
    let claims = match claim_paths(config, options) {
        None => None,
        Some(paths) => {
            let (described, texts) = claim_texts(&paths)?;
            let files = parse_claims(&data, &texts)?;
            Some((files, described, stamp::texts_hash(&texts)))
        }
    };
    // One reading of the export serves the event metrics and the claims alike.
    let (events, totals) = match &options.events {
        None => (None, None),
        Some(source) => {
            let files = claims
                .as_ref()
                .map_or(&[][..], |(files, _, _)| files.as_slice());
            let counts = count_for(&data, &source.file, Some(source), files)?;
            (counts.metrics, Some(counts.claims))
        }
    };
    let event_metrics = events.as_ref().map_or(&[][..], |_| &Metric::EVENTS[..]);
    let metrics: Vec<Metric> = Metric::SINGLE
        .into_iter()
        .chain(event_metrics.iter().copied())
        .chain(Metric::PAIRWISE)
        .collect();
    let selection = Selection {
        comparisons: ids.clone(),
        metrics,
        units: config.units,
        uncertainty: Some(config.uncertainty),
        keep_draws: false,
        events: events.as_ref().map(|(inputs, _)| inputs),
        versus: &[],
    };
    let computed =
        compute_with_formulas(&data, &config.overrides, &selection).map_err(Error::Data)?;
    let claims = claims.map(|(files, described, hash)| {
        let (checked, findings) = recheck_files(&data, config, &files, None, totals.as_ref());
        (checked, findings, described, hash)
    });
    let (_, stem) = chart_dir(&options.out);
    let input = Input {
        data: &data,
        rows: &computed.rows,
        formulas: &computed.formulas,
        comparisons: &ids,
        units: config.units,
        settings: config.uncertainty,
        data_name: config.data.short(),
        data_hash: stamp::data_hash(&config.data)?,
        claims: claims
            .as_ref()
            .map(|(c, f, d, h)| (c.as_slice(), f.as_slice(), d.clone(), h.clone())),
        chart_dir: stem,
        date: None,
        events: match (&events, &options.events) {
            (Some((_, described)), Some(source)) => Some(EventsUsed {
                described: described.clone(),
                hash: stamp::file_hash(&source.file)?,
                uncovered: computed.uncovered.clone(),
            }),
            _ => None,
        },
    };
    report::build(&input)
}

pub fn run(config: &Config, options: &ReportConfig) -> Result<String, Error> {
    let report = generate(config, options)?;
    let (dir, _) = chart_dir(&options.out);
    if options.check {
        return check(&options.out, &dir, &report);
    }
    if let Ok(existing) = std::fs::read_to_string(&options.out) {
        if !existing.starts_with(MARKER) && !options.force {
            return Err(Error::Usage(format!(
                "{}: refusing to overwrite a file insurgency-metrics did not generate; pass --force to replace it",
                options.out.display()
            )));
        }
    } else if options.out.exists() && !options.force {
        return Err(Error::Usage(format!(
            "{}: exists and is not a readable report; pass --force to replace it",
            options.out.display()
        )));
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    for (name, svg) in &report.charts {
        write_atomically(&dir.join(name), svg.as_bytes())?;
    }
    write_atomically(&options.out, report.markdown.as_bytes())?;
    Ok(format!(
        "wrote {} and {} charts in {}/\n",
        options.out.display(),
        report.charts.len(),
        dir.display()
    ))
}

/// Compares the regenerated report and charts with what is on disk.
fn check(out: &Path, dir: &Path, report: &Report) -> Result<String, Error> {
    let mut stale = Vec::new();
    let mut diff = String::new();
    match std::fs::read_to_string(out) {
        Ok(existing) if existing == report.markdown => {}
        Ok(existing) => {
            stale.push(out.display().to_string());
            diff.push_str(&short_diff(
                &out.display().to_string(),
                &existing,
                &report.markdown,
            ));
        }
        Err(_) => stale.push(format!("{} (missing)", out.display())),
    }
    for (name, svg) in &report.charts {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(existing) if &existing == svg => {}
            Ok(_) => stale.push(path.display().to_string()),
            Err(_) => stale.push(format!("{} (missing)", path.display())),
        }
    }
    if stale.is_empty() {
        return Ok(format!("{} is current\n", out.display()));
    }
    let summary = format!(
        "stale: {}; regenerate with `insurgency-metrics report --out {}`",
        stale.join(", "),
        out.display()
    );
    Err(Error::Checks {
        output: diff,
        summary,
    })
}

/// The changed region of two texts, as removed and added lines (at most 12 of each).
fn short_diff(name: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let removed = &a[prefix..a.len() - suffix];
    let added = &b[prefix..b.len() - suffix];
    let mut out = format!(
        "--- {name} (on disk)\n+++ {name} (regenerated)\n@@ line {} @@\n",
        prefix + 1
    );
    for line in removed.iter().take(12) {
        out.push_str(&format!("-{line}\n"));
    }
    if removed.len() > 12 {
        out.push_str(&format!("-… {} more lines\n", removed.len() - 12));
    }
    for line in added.iter().take(12) {
        out.push_str(&format!("+{line}\n"));
    }
    if added.len() > 12 {
        out.push_str(&format!("+… {} more lines\n", added.len() - 12));
    }
    out
}
