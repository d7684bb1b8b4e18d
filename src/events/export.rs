//! Reading an export into its counts: the one entry point every command uses, which
//! checks the file, counts it for every threshold and measure asked for in one reading,
//! and says which rows were left out and where.

use std::path::{Path, PathBuf};

// A fast hash of the country names each event is checked against.
use polars::prelude::PlHashSet as HashSet;

use crate::data::Dataset;
use crate::error::{Error, Location, Problem};

use super::counts::{Counts, LeftOut, Provenance};
use super::cover::{Cover, Coverage};
use super::found::{Export, LISTED};
use super::lines::{lines_of, PieceStart};
use super::matching::Matcher;
use super::read::{is_export, read, ReadOptions};
use super::source::Choice;
use super::tally::Tallies;
use super::versions::Versions;

/// What to count from an export.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    /// The files, or directories of them; one is the usual case.
    pub(crate) paths: Vec<PathBuf>,
    /// Every large-scale threshold needed, each once (the first is the `events` table's).
    pub(crate) thresholds: Vec<u32>,
    /// Count each group's events per ACLED `sub_event_type` too (parsing it costs time).
    pub(crate) kinds: bool,
    /// Only these groups; every group when empty.
    pub(crate) groups: Vec<String>,
    /// Fail on the first row that cannot be used instead of leaving it out.
    pub(crate) strict: bool,
    /// Hash each file's bytes as they are read (every output names the files by it).
    pub(crate) hash: bool,
    /// The date order, zip member or sheet the user gives (`--date-order`, `--member`,
    /// `--sheet`).
    pub(crate) choice: Choice,
}

/// How many of the countries last met are compared before the set of all.
const RECENT_COUNTRIES: usize = 8;

/// Reads the export once and counts everything `request` asks for.
pub(crate) fn count(data: &Dataset, request: &Request) -> Result<Counts, Error> {
    let (found, passed_over) = files(&request.paths)?;
    let mut matcher = Matcher::new(data);
    if !request.groups.is_empty() {
        matcher.retain(&request.groups);
    }
    let thresholds = request.thresholds.clone();
    let mut tallies = Tallies::new(&matcher, &thresholds);
    // An event is counted once by its id, whether it comes again in another file or in
    // the same one (an export saved twice into one file, gzip members concatenated).
    tallies.deduplicate();
    let options = ReadOptions {
        kinds: request.kinds,
        hash: request.hash,
        choice: request.choice.clone(),
    };
    let mut exports = Vec::new();
    let mut provenance = Vec::new();
    let mut left = Vec::new();
    // A text file beside the exports of a directory (a README, a codebook's notes) is
    // passed over and named; one named on the command line is read, and its fault said.
    let mut passed_over = passed_over;
    let mut kept = Vec::new();
    for (path, listed) in found {
        if listed && plain_text(&path) && !is_export(&path, &options) {
            passed_over.push(path.display().to_string());
        } else {
            kept.push(path);
        }
    }
    if kept.is_empty() {
        return Err(Error::Usage(format!(
            "no export among {}: none has an ACLED or UCDP header",
            passed_over.join(", ")
        )));
    }
    let files = kept;
    let mut versions = newest_versions(&files, &options)?;
    let mut coverage = Coverage::default();
    for path in &files {
        // The countries a file's events are in: where it looked.
        let mut countries: HashSet<String> = HashSet::default();
        // The last few countries met: exports interleave a few countries' events.
        let mut recent: Vec<String> = Vec::with_capacity(RECENT_COUNTRIES);
        let mut export = read(path, &options, &mut |event| {
            if !recent.iter().any(|c| c == event.country) {
                if !countries.contains(event.country) {
                    countries.insert(event.country.to_string());
                }
                if recent.len() == RECENT_COUNTRIES {
                    recent.remove(0);
                }
                recent.push(event.country.to_string());
            }
            if versions.as_mut().is_none_or(|v| v.take(event)) {
                tallies.add(event);
            }
        })?;
        if let Some(span) = export.span {
            let mut countries: Vec<String> = countries.into_iter().collect();
            countries.sort();
            coverage.files.push(Cover {
                file: display_name(path),
                span,
                countries,
                cannot: export.unavailable.iter().map(|(m, _)| *m).collect(),
            });
        }
        if let Some(first) = exports.first() {
            mixed(first, &export, &files[0], path)?;
        }
        let rows = left_out(path, &export);
        if request.strict && !export.bad.is_empty() {
            return Err(strict_error(path, &export, &rows));
        }
        left.extend(rows);
        // What names this file moves to its provenance; the merged reading keeps
        // only what adds up across files.
        provenance.push(Provenance {
            name: display_name(path),
            hash: export.hash.take(),
            span: export.span,
            updated: export.updated.take(),
            version: export.version.take(),
            container: export.container.clone(),
        });
        exports.push(export);
    }
    let duplicates = tallies.duplicates + versions.as_ref().map_or(0, |v| v.left);
    let tallied = tallies.finish();
    let names: Vec<String> = files.iter().map(|p| display_name(p)).collect();
    let file = files
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let mut export = merge(exports);
    export
        .notes
        .extend(versions_note(&files, versions.as_ref()));
    if !passed_over.is_empty() {
        export.notes.push(format!(
            "not read, as no ACLED or UCDP export: {}",
            passed_over.join(", ")
        ));
    }
    let mut counts = Counts::new(file, names.join(", "), export, tallied);
    counts.left_out = left.into_iter().take(LISTED).collect();
    counts.provenance = provenance;
    counts.thresholds = thresholds;
    counts.with_kinds = request.kinds;
    counts.files = files.len();
    counts.duplicates = duplicates;
    counts.coverage = coverage;
    Ok(counts)
}

/// What an export is saved as: a file of a folder with another ending (a report written
/// beside the exports, its charts, a README) is passed over, and the summary names it.
const EXPORT_ENDINGS: [&str; 7] = ["csv", "tsv", "txt", "gz", "zip", "xlsx", "json"];

/// The files to read: each path given, and the exports of a directory (sorted, hidden
/// ones left out); `-` is standard input. Also the files of a directory passed over.
/// With several files, each event's newest version, from a first pass over them all
/// (ids and stamps only are kept); `None` for one file, where the first version found
/// is the only one, or when a file is a stream, which can be read only once.
fn newest_versions(files: &[PathBuf], options: &ReadOptions) -> Result<Option<Versions>, Error> {
    let streams = files
        .iter()
        .any(|p| p.as_os_str() == "-" || super::source::is_stream(p));
    if files.len() < 2 || streams {
        return Ok(None);
    }
    let first = ReadOptions {
        hash: false,
        ..options.clone()
    };
    let mut versions = Versions::new();
    for path in files {
        read(path, &first, &mut |event| versions.note(event))?;
    }
    Ok(Some(versions))
}

/// What the summary says of versions, with several files.
fn versions_note(files: &[PathBuf], versions: Option<&Versions>) -> Option<String> {
    if files.len() < 2 {
        return None;
    }
    let Some(versions) = versions else {
        return Some("an event found in more than one file is counted in the version of the first file that has it: a stream is read only once, so the newest version could not be looked for".to_string());
    };
    (versions.differing > 0).then(|| {
        let more = versions.differing - versions.named.len() as u64;
        format!(
            "{} in more than one file with different versions, each counted once in its newest (ACLED timestamp, UCDP GED version): {}{}",
            crate::numbers::counted(versions.differing as usize, "event"),
            versions.named.join(", "),
            if more > 0 { format!(" and {more} more") } else { String::new() }
        )
    })
}

/// A file to read, and whether it was found in a directory (rather than named).
type Found = (PathBuf, bool);

fn files(paths: &[PathBuf]) -> Result<(Vec<Found>, Vec<String>), Error> {
    let mut files = Vec::new();
    let mut passed_over = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || path.is_file() || super::source::is_stream(path) {
            files.push((path.clone(), false));
            continue;
        }
        let file = path.display().to_string();
        let what = match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => None,
            // /dev/zero would never end, /dev/null holds nothing.
            Ok(_) => Some("a device, not a file"),
            Err(_) => Some("no such file"),
        };
        if let Some(what) = what {
            return Err(Error::Usage(format!(
                "{file}: {what}; give an ACLED or UCDP export (CSV, gzip, zip, .xlsx or JSON), a directory of them, or a pipe (`-` for standard input)"
            )));
        }
        let entries =
            std::fs::read_dir(path).map_err(|e| Error::io(format!("cannot read {file}"), e))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        found.sort();
        let (exports, others): (Vec<PathBuf>, Vec<PathBuf>) = found.into_iter().partition(|p| {
            p.extension().is_some_and(|e| {
                EXPORT_ENDINGS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
            })
        });
        passed_over.extend(others.iter().map(|p| p.display().to_string()));
        if exports.is_empty() {
            return Err(Error::Usage(format!(
                "{file}: no export in this directory (files ending .{})",
                EXPORT_ENDINGS.join(", .")
            )));
        }
        files.extend(exports.into_iter().map(|p| (p, true)));
    }
    Ok((files, passed_over))
}

/// Whether a file is plain text by its ending (not compressed, not a workbook): one
/// whose header is read at little cost to tell whether it is an export.
fn plain_text(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        ["csv", "tsv", "txt", "json"].contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
    })
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// ACLED and UCDP files cannot be counted together: they record the same events under
/// different ids and rules, so nothing could be counted once.
fn mixed(first: &Export, this: &Export, first_path: &Path, path: &Path) -> Result<(), Error> {
    let acled = |e: &Export| matches!(e.kind, super::found::ExportKind::Acled { .. });
    if acled(first) == acled(this) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{} ({}) and {} ({}) cannot be counted together: ACLED and UCDP record the same events under different ids and rules, so none could be counted once; count each source on its own",
        first_path.display(),
        first.kind.describe(),
        path.display(),
        this.kind.describe()
    )))
}

/// The readings of several files as one: rows, events and rows left out added up, the
/// span from the earliest to the latest date, and what any of them cannot say.
fn merge(mut exports: Vec<Export>) -> Export {
    let mut all = exports.remove(0);
    for export in exports {
        all.rows += export.rows;
        all.events += export.events;
        all.bad.extend(export.bad);
        all.span = match (all.span, export.span) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (span, None) | (None, span) => span,
        };
        for limit in export.unavailable {
            if !all.unavailable.iter().any(|(m, _)| *m == limit.0) {
                all.unavailable.push(limit);
            }
        }
        for note in export.notes {
            if !all.notes.contains(&note) {
                all.notes.push(note);
            }
        }
    }
    all
}

/// `--strict`: the rows of `path` that cannot be used, and how many in all.
fn strict_error(path: &Path, export: &Export, left_out: &[LeftOut]) -> Error {
    let file = path.display().to_string();
    let mut problems: Vec<Problem> = left_out
        .iter()
        .map(|row| Problem::new(row.reason.clone(), Location::file(&file)).help(describe(row)))
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
    Error::Data(problems)
}

/// The first rows left out, with the lines they start on.
fn left_out(path: &Path, export: &Export) -> Vec<LeftOut> {
    let listed: Vec<_> = export.bad.iter().take(LISTED).collect();
    // Only a plain file can be read again at the same offsets.
    let asked: Vec<(PieceStart, usize)> = listed
        .iter()
        .filter_map(|bad| bad.piece.map(|start| (start, bad.record)))
        .filter(|_| export.seekable)
        .collect();
    let mut lines = lines_of(path, export.delimiter, &asked).into_iter();
    listed
        .iter()
        .map(|bad| LeftOut {
            file: path.display().to_string(),
            record: bad.record,
            line: if bad.piece.is_some() && export.seekable {
                lines.next().flatten()
            } else {
                None
            },
            reason: bad.reason.clone(),
        })
        .collect()
}

/// "acled.csv:14: row left out: fatalities \"a dozen\" is not a whole number of deaths".
pub(crate) fn describe(row: &LeftOut) -> String {
    let file = &row.file;
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
            .map(|row| format!("warning: {}", describe(row)))
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
