//! Applying an import to the dataset folder's files: the rows of older releases of the
//! same file (same `url`, written by `import`) come out, the new rows go in at the end,
//! and every other byte of each file stays as it was, hand-curated rows included. The
//! same file imported again changes nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::data::Dataset;
use crate::error::{Error, Location, Problem};

use super::plan::{Import, Record, Table};

/// What an import changes in one dataset file.
#[derive(Debug)]
pub(crate) struct FileChange {
    pub(crate) table: Table,
    pub(crate) path: PathBuf,
    pub(crate) added: Vec<Record>,
    pub(crate) removed: Vec<Record>,
    /// Columns added to the header (an older sources.csv without `release`, `sha256`).
    pub(crate) new_columns: Vec<&'static str>,
    /// The file's contents after the import.
    pub(crate) bytes: Vec<u8>,
}

/// What an import changes in the dataset folder.
#[derive(Debug)]
pub(crate) struct Merge {
    pub(crate) files: Vec<FileChange>,
    /// The sources of older releases of the same file whose rows come out.
    pub(crate) replaced: Vec<String>,
    /// Whether the same file (same SHA-256) was imported before.
    pub(crate) again: bool,
    /// Figures from prose to review, not accepted: nothing is written.
    pub(crate) review_only: bool,
}

/// Works out the files' new contents for `import` (with the reviewed rows when
/// `accept`), without writing anything.
pub(crate) fn plan(
    dir: &Path,
    data: &Dataset,
    import: &Import,
    accept: bool,
) -> Result<Merge, Error> {
    let url = import.source.get("url");
    let release = import.source.get("release");
    let id = import.source_id();
    if let Some(hand) = data.sources.iter().find(|s| s.id == id && !s.imported()) {
        return Err(Error::Data(vec![Problem::new(
            format!("source id \"{id}\" is already a hand-curated source"),
            hand.at.cell("id"),
        )
        .help("import writes its own source rows and never edits a hand-curated one: rename the hand-curated source (and the rows citing it)")]));
    }
    let same: Vec<_> = data
        .sources
        .iter()
        // The same publication, or the same source id written before under another url:
        // its rows are this file's to replace either way.
        .filter(|s| {
            s.imported() && (s.url.trim_end_matches('/') == url.trim_end_matches('/') || s.id == id)
        })
        .collect();
    if let Some(newer) = same.iter().find(|s| newer_release(&s.release, release)) {
        return Err(Error::Data(vec![Problem::new(
            format!(
                "source {} is release {} of this file, newer than the release {release} given: nothing changed",
                newer.id, newer.release
            ),
            newer.at.cell("release"),
        )
        .help("import the newer file, or remove the rows of that source to go back to an older release")]));
    }
    // Figures drafted from prose, not accepted, are only shown: nothing changes, not even
    // the source row, and no older release's rows go.
    if !accept && !import.review.is_empty() && import.rows.is_empty() {
        return Ok(Merge {
            files: Vec::new(),
            replaced: Vec::new(),
            again: false,
            review_only: true,
        });
    }
    // The same file imported again under the same source id; under another id (another
    // --release given) its rows are replaced like an older release's.
    let again = same
        .iter()
        .any(|s| s.id == id && s.url == url && s.sha256 == import.source.get("sha256"));
    let replaced: BTreeSet<String> = same.iter().map(|s| s.id.clone()).collect();
    let mut adding: Vec<Record> = import.rows.clone();
    if accept {
        adding.extend(import.review.iter().map(|r| r.record.clone()));
    }
    let mut files = Vec::new();
    for table in Table::ALL {
        let mut added: Vec<Record> = adding
            .iter()
            .filter(|r| r.table == table)
            .cloned()
            .collect();
        if table == Table::Sources {
            added.push(import.source.clone());
        }
        let path = dir.join(table.file());
        let existing = read(&path)?;
        if existing.is_none() && added.is_empty() {
            continue;
        }
        let change = file_change(table, path, existing, added, &replaced, again)?;
        if !change.added.is_empty() || !change.removed.is_empty() || !change.new_columns.is_empty()
        {
            files.push(change);
        }
    }
    Ok(Merge {
        files,
        replaced: replaced.into_iter().filter(|r| r != id).collect(),
        again,
        review_only: false,
    })
}

fn read(path: &Path) -> Result<Option<Vec<u8>>, Error> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(format!("cannot read {}", path.display()), e)),
    }
}

/// A record of the file as it stands: its cells by the header and where its bytes are.
struct Existing {
    cells: Vec<String>,
    start: usize,
    end: usize,
}

fn file_change(
    table: Table,
    path: PathBuf,
    existing: Option<Vec<u8>>,
    added: Vec<Record>,
    replaced: &BTreeSet<String>,
    again: bool,
) -> Result<FileChange, Error> {
    let display = path.display().to_string();
    let original = existing.unwrap_or_default();
    let (mut header, records) = parse(&display, &original)?;
    let fresh = header.is_empty();
    if fresh {
        header = table.header().iter().map(|h| h.to_string()).collect();
    }
    let new_columns: Vec<&'static str> = table
        .header()
        .iter()
        .copied()
        .filter(|c| added.iter().any(|r| !r.get(c).is_empty()) && !header.iter().any(|h| h == c))
        .collect();
    let key = header.iter().position(|h| h == table.source_column());
    let owned =
        |e: &Existing| key.is_some_and(|k| e.cells.get(k).is_some_and(|v| replaced.contains(v)));
    let as_record = |e: &Existing| {
        Record::new(
            table,
            table
                .header()
                .iter()
                .map(|c| {
                    let v = header
                        .iter()
                        .position(|h| h == c)
                        .and_then(|i| e.cells.get(i));
                    (*c, v.cloned().unwrap_or_default())
                })
                .collect(),
        )
    };
    let mut removed: Vec<Record> = records.iter().filter(|e| owned(e)).map(as_record).collect();
    let mut added = added;
    // The same rows again are no change (the source row of the same file, whatever the
    // day of this download, is kept as it was).
    if (table == Table::Sources && again) || same_rows(&removed, &added) {
        added.clear();
        removed.clear();
    }
    let terminator: &[u8] = if original.windows(2).take(4096).any(|w| w == b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    };
    let mut bytes = Vec::with_capacity(original.len());
    let header_end = records.first().map_or(original.len(), |e| e.start);
    if fresh {
        write_row(&mut bytes, &header, terminator)?;
    } else {
        let head = &original[..header_end];
        if new_columns.is_empty() {
            bytes.extend_from_slice(head);
        } else {
            let (line, ending) = split_ending(head);
            bytes.extend_from_slice(line);
            for c in &new_columns {
                bytes.push(b',');
                bytes.extend_from_slice(c.as_bytes());
            }
            bytes.extend_from_slice(if ending.is_empty() {
                terminator
            } else {
                ending
            });
        }
    }
    let cut = !removed.is_empty();
    for e in &records {
        if cut && owned(e) {
            continue;
        }
        let span = &original[e.start..e.end];
        if new_columns.is_empty() {
            bytes.extend_from_slice(span);
        } else {
            let (line, ending) = split_ending(span);
            bytes.extend_from_slice(line);
            bytes.extend(std::iter::repeat_n(b',', new_columns.len()));
            bytes.extend_from_slice(if ending.is_empty() {
                terminator
            } else {
                ending
            });
        }
    }
    if !added.is_empty() && !bytes.is_empty() && !bytes.ends_with(b"\n") {
        bytes.extend_from_slice(terminator);
    }
    header.extend(new_columns.iter().map(|c| c.to_string()));
    for record in &added {
        let row: Vec<String> = header.iter().map(|h| record.get(h).to_string()).collect();
        write_row(&mut bytes, &row, terminator)?;
    }
    Ok(FileChange {
        table,
        path,
        added,
        removed,
        new_columns,
        bytes,
    })
}

/// Whether two sets of rows hold the same values, whatever their order.
fn same_rows(a: &[Record], b: &[Record]) -> bool {
    let key = |r: &Record| {
        let mut cells: Vec<(String, String)> = r
            .cells
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(c, v)| (c.to_string(), v.clone()))
            .collect();
        cells.sort();
        cells
    };
    let mut a: Vec<_> = a.iter().map(key).collect();
    let mut b: Vec<_> = b.iter().map(key).collect();
    a.sort();
    b.sort();
    a == b
}

/// A record's bytes without their line ending, and the ending.
fn split_ending(span: &[u8]) -> (&[u8], &[u8]) {
    let trimmed = span.len()
        - span
            .iter()
            .rev()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
    span.split_at(trimmed)
}

/// The header and records of a dataset file, each with where its bytes are.
fn parse(display: &str, bytes: &[u8]) -> Result<(Vec<String>, Vec<Existing>), Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header = Vec::new();
    let mut records: Vec<Existing> = Vec::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                return Err(Error::Data(vec![Problem::new(
                    format!("cannot be read as CSV ({e})"),
                    Location::line(display, line.max(1)),
                )
                .help("fix the file (validate says more) before importing into it")]));
            }
        }
        // After a CRLF the reader places a record at its line feed: the record begins
        // after the line ending.
        let mut start = record.position().map_or(start, |p| p.byte() as usize);
        while bytes.get(start).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            start += 1;
        }
        let cells: Vec<String> = record
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        if header.is_empty() && records.is_empty() {
            header = cells
                .iter()
                .map(|c| c.trim_start_matches('\u{feff}').to_string())
                .collect();
            continue;
        }
        if let Some(last) = records.last_mut() {
            last.end = start;
        }
        records.push(Existing {
            cells,
            start,
            end: bytes.len(),
        });
    }
    Ok((header, records))
}

fn write_row(out: &mut Vec<u8>, cells: &[String], terminator: &[u8]) -> Result<(), Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer
        .write_record(cells)
        .map_err(|e| Error::io("cannot write a dataset row", std::io::Error::other(e)))?;
    let mut row = writer.into_inner().map_err(|e| {
        Error::io(
            "cannot write a dataset row",
            std::io::Error::other(e.to_string()),
        )
    })?;
    row.pop();
    out.extend_from_slice(&row);
    out.extend_from_slice(terminator);
    Ok(())
}

/// Whether release `a` is newer than `b`: their numbers compared as numbers, the rest as
/// text (`2026-07-13` after `2024-06-28`, `25.1` after `22.1`, `v10` after `v9`).
pub(crate) fn newer_release(a: &str, b: &str) -> bool {
    runs(a) > runs(b)
}

fn runs(text: &str) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    let mut digits = String::new();
    let mut other = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !other.is_empty() {
                out.push((0, std::mem::take(&mut other)));
            }
            digits.push(c);
        } else {
            if !digits.is_empty() {
                out.push((digits.parse().unwrap_or(u64::MAX), String::new()));
                digits.clear();
            }
            other.push(c);
        }
    }
    if !digits.is_empty() {
        out.push((digits.parse().unwrap_or(u64::MAX), String::new()));
    }
    if !other.is_empty() {
        out.push((0, other));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_order_by_their_numbers() {
        assert!(newer_release("2026-07-13", "2024-06-28"));
        assert!(newer_release("25.1", "22.1"));
        assert!(newer_release("v10", "v9"));
        assert!(!newer_release("2024-06-28", "2024-06-28"));
    }

    #[test]
    fn rows_of_other_sources_keep_every_byte() {
        let original = b"country,year,central,low,high,source,preferred,note\r\nmali,2024,1,,,hand,yes,\"a, \"\"quoted\"\" note\"\r\nmali,2023,2,,,wdi-old,,\r\n".to_vec();
        let replaced: BTreeSet<String> = ["wdi-old".to_string()].into();
        let added = vec![Record::new(
            Table::Population,
            vec![
                ("country", "mali".into()),
                ("year", "2023".into()),
                ("central", "3".into()),
                ("source", "wdi-new".into()),
            ],
        )];
        let change = file_change(
            Table::Population,
            PathBuf::from("population.csv"),
            Some(original),
            added,
            &replaced,
            false,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            String::from_utf8_lossy(&change.bytes),
            "country,year,central,low,high,source,preferred,note\r\nmali,2024,1,,,hand,yes,\"a, \"\"quoted\"\" note\"\r\nmali,2023,3,,,wdi-new,,\r\n"
        );
        assert_eq!(change.removed.len(), 1);
    }
}
