//! Reading an export into its counts: the one entry point every command uses, which
//! checks the file, counts it for every threshold and measure asked for in one reading,
//! and says which rows were left out and where.

use std::path::{Path, PathBuf};

use crate::data::Dataset;
use crate::error::{Error, Location, Problem};

use super::counts::{Counts, LeftOut};
use super::lines::line_of;
use super::matching::Matcher;
use super::read::{read, ReadOptions, LISTED};
use super::source::Choice;
use super::tally::Tallies;

/// What to count from an export.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub(crate) path: PathBuf,
    /// Every large-scale threshold needed, each once (the first is the `events` table's).
    pub(crate) thresholds: Vec<u32>,
    /// Count each group's events per ACLED `sub_event_type` too (parsing it costs time).
    pub(crate) kinds: bool,
    /// Only these groups; every group when empty.
    pub(crate) groups: Vec<String>,
    /// Fail on the first row that cannot be used instead of leaving it out.
    pub(crate) strict: bool,
    /// Hash the file's bytes as they are read (for a report's stamp).
    pub(crate) hash: bool,
    /// The date order, zip member or sheet the user gives (`--date-order`, `--member`,
    /// `--sheet`).
    pub(crate) choice: Choice,
}

/// Reads the export once and counts everything `request` asks for.
pub(crate) fn count(data: &Dataset, request: &Request) -> Result<Counts, Error> {
    let path = request.path.as_path();
    let file = path.display().to_string();
    if path.as_os_str() != "-" && !path.is_file() {
        return Err(Error::Usage(format!(
            "{file}: no such file; give an ACLED or UCDP export (CSV)"
        )));
    }
    let mut matcher = Matcher::new(data);
    if !request.groups.is_empty() {
        matcher.retain(&request.groups);
    }
    let thresholds = request.thresholds.clone();
    let mut tallies = Tallies::new(&matcher, &thresholds);
    let options = ReadOptions {
        kinds: request.kinds,
        hash: request.hash,
        choice: request.choice.clone(),
    };
    let mut export = read(path, &options, &mut |event| tallies.add(event))?;
    let tallied = tallies.finish();
    let name = path
        .file_name()
        .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
    let left_out = left_out(path, &export);
    if request.strict && !export.bad.is_empty() {
        let mut problems: Vec<Problem> = left_out
            .iter()
            .map(|row| {
                Problem::new(row.reason.clone(), Location::file(&file)).help(describe(&file, row))
            })
            .collect();
        if export.bad.len() > left_out.len() {
            problems.push(
                Problem::new(
                    format!(
                        "{} rows in all cannot be used; the first {} are above",
                        crate::numbers::grouped(export.bad.len() as f64, 0),
                        left_out.len()
                    ),
                    Location::file(&file),
                )
                .help("without --strict they are left out, counted and the first ten listed"),
            );
        }
        return Err(Error::Data(problems));
    }
    let hash = export.hash.take();
    let mut counts = Counts::new(file, name, export, tallied);
    counts.left_out = left_out;
    counts.hash = hash;
    counts.thresholds = thresholds;
    counts.with_kinds = request.kinds;
    Ok(counts)
}

/// The first rows left out, with the lines they start on.
fn left_out(path: &Path, export: &super::read::Export) -> Vec<LeftOut> {
    export
        .bad
        .iter()
        .take(LISTED)
        .map(|bad| LeftOut {
            record: bad.record,
            // Only a plain file can be read again at the same offsets.
            line: bad
                .piece
                .filter(|_| export.seekable)
                .and_then(|start| line_of(path, start, bad.record)),
            reason: bad.reason.clone(),
        })
        .collect()
}

/// "acled.csv:14: row left out: fatalities \"a dozen\" is not a whole number of deaths".
pub(crate) fn describe(file: &str, row: &LeftOut) -> String {
    match row.line {
        Some(line) => format!("{file}:{line}: row left out: {}", row.reason),
        None => format!("{file} record {}: row left out: {}", row.record, row.reason),
    }
}

impl Counts {
    /// The warnings a reading gives: the rows left out (the first ten with their
    /// lines, then how many more).
    pub(crate) fn warnings(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .left_out
            .iter()
            .map(|row| format!("warning: {}", describe(&self.file, row)))
            .collect();
        if self.export.bad.len() > LISTED {
            out.push(format!(
                "warning: … and {} more rows left out",
                self.export.bad.len() - LISTED
            ));
        }
        out
    }
}
