//! Reads an ACLED or UCDP export: the format is told from the header (`header.rs`),
//! columns are read by name (any order, extra columns ignored), only the cells needed
//! are kept (`table`), and every row that cannot be used is set aside with its reason,
//! never dropped silently.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Location, Problem};

use super::dates::DateOrder;
use super::encoding::{self, Spot};
use super::event::EventRef;
use super::found::{Export, ExportKind};
use super::header::{
    detect, file_problem, header, layout, limits, utf8_character, wanted_columns, MIXED,
};
use super::lines::line_at;
use super::parse::{self, Unreadable};
use super::progress::Progress;
use super::reading::Reading;
use super::rows::Index;
use super::source::{self, Choice, Container};

/// How an export is read.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReadOptions {
    /// Read ACLED's `sub_event_type` (parsing a column costs time).
    pub(crate) kinds: bool,
    /// Hash the file's bytes as they are read.
    pub(crate) hash: bool,
    /// The date order, zip member or sheet the user gives.
    pub(crate) choice: Choice,
}

/// Whether a file found in a directory of exports is one: its header names an ACLED or
/// UCDP layout. A file that cannot be opened or read as text is not (the caller says
/// it passed it over); a header of a known layout with a fault is, and reading says
/// what the fault is.
pub(crate) fn is_export(path: &Path, options: &ReadOptions) -> bool {
    let Ok(mut opened) = source::open(path, &options.choice, false) else {
        return false;
    };
    let mut head = Vec::new();
    if (&mut opened.text)
        .take(1 << 20)
        .read_to_end(&mut head)
        .is_err()
    {
        return false;
    }
    let file = path.display().to_string();
    let delimiter = crate::separator::sniff(&head);
    header(&head, &file, delimiter).is_ok_and(|columns| layout(&columns).is_some())
}

/// Reads the export and passes each usable event to `sink`, in file order.
///
/// The file is cut into pieces of whole records which worker threads split into the
/// needed cells (`parse`, `table`); pieces are counted here in file order as they
/// arrive and dropped, so memory stays at a few pieces whatever the file's size.
/// ACLED's `sub_event_type` is read only `with_kinds`: keeping a cell costs time.
///
/// The file is opened once: its first megabyte gives the header, and the same handle
/// is read on to the end (hashing the bytes `with_hash`: a plain file's as its pieces
/// are cut, a container's as they are read).
pub(crate) fn read(
    path: &Path,
    options: &ReadOptions,
    sink: &mut dyn FnMut(&EventRef),
) -> Result<Export, Error> {
    let file = path.display().to_string();
    let mut opened = source::open(path, &options.choice, options.hash)?;
    let mut head = Vec::new();
    (&mut opened.text)
        .take(1 << 20)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(format!("cannot read {file}"), e))?;
    let delimiter = crate::separator::sniff(&head);
    let columns = header(&head, &file, delimiter)?;
    let kind = detect(&file, &columns).map_err(|e| other_sheets(e, &opened.container))?;
    let wanted = wanted_columns(kind, &columns, options.kinds);
    let names: Vec<&str> = wanted.iter().map(String::as_str).collect();
    let positions: HashMap<&str, usize> = names.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    // UCDP's website export writes its dates month first, unless the file was saved
    // again otherwise: its own dates tell first, and this order only when none can.
    let usual = (kind == ExportKind::Ucdp { website: true }).then_some(DateOrder::Mdy);
    let given = options.choice.date_order;
    let mut reading = Reading::new(kind, Index::new(&positions), given, usual);
    let version = matches!(kind, ExportKind::Ucdp { .. })
        .then(|| ged_version(path))
        .flatten();
    reading.version = version.as_deref().map_or(0, version_stamp);
    let mut progress = Progress::start(path, opened.size);
    let (container, seekable) = (opened.container.clone(), opened.seekable);
    let text = std::mem::replace(&mut opened.text, Box::new(std::io::empty()));
    // A plain file's lines are counted only if a message needs one (a second pass over
    // what is needed); a stream's are counted as it is read, once being all there is.
    let how = parse::Options {
        count_lines: !seekable,
        hash: opened.hash_text,
    };
    let mut parsing = parse::start(text, how, head, &columns, &wanted, delimiter);
    for piece in parsing.by_ref() {
        let piece = piece.map_err(|why| unreadable(why, path, &columns))?;
        let place = (piece.offset, piece.first_line as usize);
        reading.add(piece.table, place, sink);
        progress.advance(piece.bytes, reading.rows);
    }
    progress.finish();
    let mut assumed = None;
    if reading.undecided() {
        assumed = reading.assume_usual(date_column(kind), sink);
        if assumed.is_none() {
            return Err(undecided(kind, &file));
        }
    }
    let switch = parsing.switch();
    let utf8_like = parsing.utf8_like();
    parsing.finish();
    let mut export = reading.finish(sink);
    export
        .notes
        .extend(switch.map(|spot| windows_1252(path, &spot, &columns)));
    export
        .notes
        .extend(utf8_like.map(|spot| utf8_like_note(path, &spot, &columns)));
    export.hash = opened.hash().or_else(|| parsing.digest());
    export.container = container;
    export.seekable = seekable;
    export.delimiter = delimiter;
    let (unavailable, notes) = limits(kind, &columns);
    export.unavailable = unavailable;
    export.notes.extend(notes);
    export.notes.extend(assumed);
    export.version = version;
    Ok(export)
}

/// A workbook whose first sheet is not the export (a sheet of notes before the data):
/// the help names the sheet read and the others, for `--sheet`.
fn other_sheets(error: Error, container: &Container) -> Error {
    let Container::Xlsx { sheet, sheets } = container else {
        return error;
    };
    let Error::Data(mut problems) = error else {
        return error;
    };
    if sheets.len() > 1 {
        for problem in &mut problems {
            problem.help = Some(format!(
                "the sheet read is \"{sheet}\"; the workbook's sheets are {}: give --sheet NAME for the one that holds the export",
                sheets
                    .iter()
                    .map(|s| format!("\"{s}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Error::Data(problems)
}

/// A GED version as a number that orders as versions do: "25.1" is 2501.
fn version_stamp(version: &str) -> i64 {
    let (major, minor) = version.split_once('.').unwrap_or((version, "0"));
    major.parse::<i64>().unwrap_or(0) * 100 + minor.parse::<i64>().unwrap_or(0)
}

/// The UCDP GED version in a file name: `ged251-csv.zip` and `GEDEvent_v25_1.csv` are
/// 25.1.
fn ged_version(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let digits = |text: &str| -> String { text.chars().take_while(char::is_ascii_digit).collect() };
    if let Some(rest) = name.split("_v").nth(1) {
        let major = digits(rest);
        let minor = digits(rest.get(major.len() + 1..).unwrap_or(""));
        if !major.is_empty() && !minor.is_empty() {
            return Some(format!("{major}.{minor}"));
        }
    }
    let rest = name.split("ged").nth(1)?;
    let number = digits(rest);
    (number.len() == 3).then(|| format!("{}.{}", &number[..2], &number[2..]))
}

/// Why a piece could not be read, as the error that points at its line and column.
fn unreadable(why: Unreadable, path: &Path, columns: &[String]) -> Error {
    let file = path.display().to_string();
    // The line of the byte at `at`: counted as the text was read, or found now.
    let cell = |line: u64, at: u64, column: usize| {
        let line = match line {
            0 => line_at(path, at),
            known => known as usize,
        };
        let name = columns.get(column).map_or("", String::as_str);
        Location::cell(&file, line, column + 1, name)
    };
    match why {
        Unreadable::NotUtf8 {
            at,
            value,
            column,
            line,
            utf8_from,
        } => {
            let before = utf8_from.map_or_else(
                || "UTF-8 characters".to_string(),
                |spot| {
                    let line = spot_line(path, &spot);
                    format!("{} on line {line}", utf8_character(spot.character))
                },
            );
            Error::Data(vec![Problem::new(
                format!("byte 0x{value:02X} is not UTF-8, and the file has {before} before it"),
                cell(line, at, column),
            )
            .help(MIXED)])
        }
        Unreadable::Broken {
            message,
            at,
            column,
            line,
        } => Error::Data(vec![Problem::new(message, cell(line, at, column)).help(
            "a quoted cell starts and ends with a quote; a quote inside it is written twice (\"\"); re-export the file if it was cut off",
        )]),
        Unreadable::Other(message) => file_problem(
            &file,
            format!("cannot parse the CSV: {message}"),
            "check that the export is complete and comma-separated",
        ),
    }
}

/// The line of a spot: counted as the text was read, or found now.
fn spot_line(path: &Path, spot: &Spot) -> usize {
    match spot.line {
        0 => line_at(path, spot.at),
        known => known as usize,
    }
}

/// The note of a file read as Windows-1252, naming its first byte that is no UTF-8.
fn windows_1252(path: &Path, switch: &Spot, columns: &[String]) -> String {
    let column = columns.get(switch.column).map_or("", String::as_str);
    format!(
        "{}: read as Windows-1252: the file is not UTF-8 (byte 0x{:02X}, {}, on line {}, column `{column}`); a spreadsheet's plain \"CSV\" save writes it so",
        path.display(),
        switch.byte,
        encoding::shown(switch.character),
        spot_line(path, switch),
    )
}

/// The note of a file read as Windows-1252 whose bytes somewhere would read as one UTF-8
/// character: read as the rest of the file is, and named, in case the file mixes both.
fn utf8_like_note(path: &Path, spot: &Spot, columns: &[String]) -> String {
    let column = columns.get(spot.column).map_or("", String::as_str);
    let as_read: String = spot
        .character
        .to_string()
        .bytes()
        .map(encoding::cp1252_character)
        .collect();
    format!(
        "{}: on line {}, column `{column}`, the bytes read as \"{as_read}\" (Windows-1252, as the rest of the file) are {} if that part is UTF-8: a file joining a UTF-8 export to a Windows-1252 one is misread there; save it again as one of them",
        path.display(),
        spot_line(path, spot),
        utf8_character(spot.character),
    )
}

/// The column an export's dates are in.
fn date_column(kind: ExportKind) -> &'static str {
    if matches!(kind, ExportKind::Ucdp { .. }) {
        "date_start"
    } else {
        "event_date"
    }
}

/// The error of a file whose slash dates never told their order.
fn undecided(kind: ExportKind, file: &str) -> Error {
    let column = date_column(kind);
    Error::Data(vec![Problem::new(
        format!("the slash dates of {column} never say whether the month or the day comes first (no field above 12)"),
        Location::file(file),
    )
    .help("give the order: --date-order mdy (US, 11/30/2020) or --date-order dmy (30/11/2020)")])
}

#[cfg(test)]
mod tests {
    use super::ged_version;
    use std::path::Path;

    #[test]
    fn the_ucdp_version_in_a_file_name() {
        let version = |name: &str| ged_version(Path::new(name));
        assert_eq!(version("ged251-csv.zip").as_deref(), Some("25.1"));
        assert_eq!(
            version("downloads/GEDEvent_v25_1.csv").as_deref(),
            Some("25.1")
        );
        assert_eq!(version("ucdp-small.csv"), None);
    }
}
