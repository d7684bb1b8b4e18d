//! A report on disk: where its charts go, writing both without clobbering a file the
//! tool did not generate, and telling whether what is on disk is stale.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::output::write_atomically;

use super::{Report, MARKER};

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

/// Writes the report to `out` and its charts beside it; refuses to overwrite a file
/// without the report's marker unless `force`. Returns the chart directory.
pub(crate) fn write(out: &Path, report: &Report, force: bool) -> Result<PathBuf, Error> {
    let (dir, _) = chart_dir(out);
    if let Ok(existing) = std::fs::read_to_string(out) {
        if !existing.starts_with(MARKER) && !force {
            return Err(Error::Usage(format!(
                "{}: refusing to overwrite a file insurgency-metrics did not generate; pass --force to replace it",
                out.display()
            )));
        }
    } else if out.exists() && !force {
        return Err(Error::Usage(format!(
            "{}: exists and is not a readable report; pass --force to replace it",
            out.display()
        )));
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    for (name, svg) in &report.charts {
        write_atomically(&dir.join(name), svg.as_bytes())?;
    }
    write_atomically(out, report.markdown.as_bytes())?;
    Ok(dir)
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
pub(crate) fn stale(out: &Path, dir: &Path, report: &Report) -> Option<Stale> {
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
        return None;
    }
    let summary = format!(
        "stale: {}; regenerate with `insurgency-metrics report --out {}`",
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
