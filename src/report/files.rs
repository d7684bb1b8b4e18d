//! A report on disk: where its charts go, writing both without clobbering a file the
//! tool did not generate, and telling whether what is on disk is stale.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::output::{is_direct, read_regular, Kind, Writer};

use super::Report;

/// The chart directory beside the report: `reports/x.md` -> `reports/x/`.
pub(crate) fn chart_dir(out: &Path) -> (PathBuf, String) {
    let stem = out.file_stem().map_or_else(
        || "report".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let dir = out
        .parent()
        .map_or_else(|| PathBuf::from(&stem), |p| p.join(&stem));
    (dir, stem)
}

/// Where a report went.
pub(crate) enum Written {
    /// A regular file, with its charts in this directory.
    WithCharts(PathBuf),
    /// Standard output, a FIFO or a device: the Markdown only, charts left out.
    Direct,
}

/// Writes the report to `out` and its charts beside it as one set (see
/// `output::Writer::set`); a report that goes to standard output, a FIFO or a device is
/// written as it is, without charts.
pub(crate) fn write(out: &Path, report: &Report, writer: &Writer) -> Result<Written, Error> {
    if is_direct(out) {
        writer.write(out, Kind::Report, report.markdown.as_bytes())?;
        return Ok(Written::Direct);
    }
    // The report's own folder must exist, as for every file the tool writes: a typo in
    // `--out` creates no folders.
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(Error::Usage(format!(
            "{}: the directory {} does not exist",
            out.display(),
            parent.display()
        )));
    }
    let (dir, _) = chart_dir(out);
    let created = !dir.is_dir();
    if created {
        std::fs::create_dir(&dir)
            .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    }
    let mut files: Vec<(PathBuf, Kind, &[u8])> = report
        .charts
        .iter()
        .map(|(name, svg)| (dir.join(name), Kind::Chart, svg.as_bytes()))
        .collect();
    files.push((out.to_path_buf(), Kind::Report, report.markdown.as_bytes()));
    if let Err(err) = writer.set(&files) {
        // A refused report leaves no empty chart folder behind.
        if created {
            let _ = std::fs::remove_dir(&dir);
        }
        return Err(err);
    }
    Ok(Written::WithCharts(dir))
}

/// What `--check` found on disk when it differs from the regenerated report.
pub(crate) struct Stale {
    /// The changed region of the report, as removed and added lines.
    pub(crate) diff: String,
    /// The stale files and how to regenerate them.
    pub(crate) summary: String,
}

/// Compares the regenerated report and charts with what is on disk: `None` when they
/// match.
pub(crate) fn stale(out: &Path, dir: &Path, report: &Report, flags: &str) -> Option<Stale> {
    let _lock = crate::output::reading(out);
    let mut stale = Vec::new();
    let mut diff = String::new();
    match read_regular(out) {
        Some(existing) if existing == report.markdown => {}
        Some(existing) => {
            stale.push(out.display().to_string());
            diff.push_str(&short_diff(
                &out.display().to_string(),
                &existing,
                &report.markdown,
            ));
        }
        None => stale.push(format!("{} (missing)", out.display())),
    }
    for (name, svg) in &report.charts {
        let path = dir.join(name);
        match read_regular(&path) {
            Some(existing) if &existing == svg => {}
            Some(_) => stale.push(path.display().to_string()),
            None => stale.push(format!("{} (missing)", path.display())),
        }
    }
    if stale.is_empty() {
        return None;
    }
    let summary = format!(
        "stale: {}; regenerate with `insurgency-metrics report{flags} --out {}`",
        stale.join(", "),
        out.display()
    );
    Some(Stale { diff, summary })
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
