//! What an export's header says: its column names (read as a CSV reader reads them,
//! in UTF-8 or a spreadsheet's Windows-1252), the layout they name (ACLED, monadic
//! ACLED, UCDP), the columns the counts read, and what that layout cannot count.

use crate::error::{Error, Location, Problem};

use super::encoding::{self, Holds};
use super::found::ExportKind;
use super::source;
use super::sums::EventMeasure;

/// What an export of this kind, with these columns, cannot count, and how it counts
/// what it can in its own way.
pub(super) fn limits(
    kind: ExportKind,
    columns: &[String],
) -> (Vec<(EventMeasure, String)>, Vec<String>) {
    let has = |name: &str| columns.iter().any(|c| c == name);
    let mut unavailable = Vec::new();
    let mut notes = Vec::new();
    let no_initiator = match kind {
        ExportKind::Ucdp { .. } => Some(
            "UCDP records no attacker: side_a is a role (the government in state-based violence), not who initiated an event",
        ),
        ExportKind::Acled { monadic: true } => Some(
            "a monadic ACLED export keeps no trace of which actor was actor1, so who initiated an event cannot be told",
        ),
        ExportKind::Acled { monadic: false } => None,
    };
    if let Some(why) = no_initiator {
        for measure in [EventMeasure::Initiated, EventMeasure::LargeAttacks] {
            unavailable.push((measure, why.to_string()));
        }
    }
    match kind {
        ExportKind::Ucdp { .. } => notes.push(
            "civilians: one-sided violence against civilians (type_of_violence 3)".to_string(),
        ),
        ExportKind::Acled { .. } if has("civilian_targeting") => {}
        ExportKind::Acled { .. } if has("event_type") => notes.push(
            "civilians: events of type \"Violence against civilians\" (the export predates ACLED's civilian_targeting column)".to_string(),
        ),
        ExportKind::Acled { .. } => unavailable.push((
            EventMeasure::CivilianTargeting,
            "the export has neither civilian_targeting nor event_type".to_string(),
        )),
    }
    (unavailable, notes)
}

pub(super) fn file_problem(
    file: &str,
    message: impl Into<String>,
    help: impl Into<String>,
) -> Error {
    Error::Data(vec![Problem::new(message, Location::file(file)).help(help)])
}

/// The header's column names, from the first line of `head`, the file's first bytes.
pub(super) fn header(head: &[u8], file: &str, delimiter: u8) -> Result<Vec<String>, Error> {
    if crate::separator::cr_only(head) {
        let (message, help) = crate::separator::CR_ONLY;
        return Err(file_problem(file, message, help));
    }
    let end = memchr::memchr(b'\n', head).map_or(head.len(), |i| i + 1);
    let raw = head[..end].to_vec();
    if raw.starts_with(&[0xFF, 0xFE]) || raw.starts_with(&[0xFE, 0xFF]) || raw.contains(&0) {
        let (message, help) = source::UTF16;
        return Err(file_problem(file, message, help));
    }
    // A spreadsheet's plain "CSV" writes Windows-1252, read as such (see `encoding`).
    let first = match encoding::holds(&raw) {
        Holds::NotUtf8 { at, first } if at == first => encoding::decode(&raw).into_bytes(),
        Holds::NotUtf8 { at, first } => {
            return Err(file_problem(
                file,
                format!(
                    "the header row is not UTF-8: byte 0x{:02X} (column {}) after {}",
                    raw[at],
                    header_cells(&String::from_utf8_lossy(&raw[..at]), char::from(delimiter)).len(),
                    utf8_character(encoding::character(&raw, first))
                ),
                MIXED,
            ))
        }
        Holds::Ascii | Holds::Utf8 { .. } => raw,
    };
    let first = String::from_utf8(first).unwrap_or_default();
    let first = first.trim_start_matches('\u{feff}').trim_end();
    if first.is_empty() {
        return Err(file_problem(file, "the file is empty", "an event export starts with its header row (ACLED: event_id_cnty, event_date, ...; UCDP: id, year, side_a, ...)"));
    }
    Ok(header_cells(first, char::from(delimiter)))
}

/// A header line's cells as a CSV reader reads them: a quote opens a quoted cell only at
/// the cell's start, `""` inside it is a quote, and a delimiter inside it is text
/// (`"event_id_cnty,x"` is one column, not two).
fn header_cells(line: &str, delimiter: char) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start && cell.trim().is_empty() => {
                quoted = true;
                cell.clear();
            }
            c if c == delimiter => {
                cells.push(cell.trim().to_string());
                cell.clear();
                at_start = true;
                continue;
            }
            _ => cell.push(c),
        }
        at_start = false;
    }
    cells.push(cell.trim().to_string());
    cells
}

/// The layout a header names, if any: ACLED by its event id or date, UCDP by its
/// sides or deaths.
pub(super) fn layout(columns: &[String]) -> Option<ExportKind> {
    let has = |name: &str| columns.iter().any(|c| c == name);
    if has("event_id_cnty") || has("event_date") {
        Some(ExportKind::Acled {
            monadic: !has("actor2"),
        })
    } else if has("side_a") || has("best") || has("best_est") {
        Some(ExportKind::Ucdp {
            website: has("best_est"),
        })
    } else {
        None
    }
}

pub(super) fn detect(file: &str, columns: &[String]) -> Result<ExportKind, Error> {
    let has = |name: &str| columns.iter().any(|c| c == name);
    // One pass with a set: a header of a million cells is checked in linear time.
    let mut seen = std::collections::HashSet::new();
    if let Some((i, twice)) = columns
        .iter()
        .enumerate()
        .find(|(_, c)| !c.is_empty() && !seen.insert(c.as_str()))
    {
        return Err(file_problem(
            file,
            format!(
                "the header names the column {twice} twice (column {})",
                i + 1
            ),
            "each column of an export has its own name; re-export the file",
        ));
    }
    let Some(kind) = layout(columns) else {
        return Err(file_problem(
            file,
            "not an ACLED or UCDP export: the header has neither event_id_cnty nor side_a",
            "give an ACLED export (event_id_cnty, event_date, year, actor1, ..., fatalities) or a UCDP GED file (id, year, side_a, side_b, ..., best)",
        ));
    };
    let required = kind.required();
    let missing: Vec<&str> = required.iter().copied().filter(|c| !has(c)).collect();
    if !missing.is_empty() {
        return Err(file_problem(
            file,
            format!(
                "{} without the column{} {}",
                kind.describe(),
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", ")
            ),
            format!("this format needs the columns: {}", required.join(", ")),
        ));
    }
    Ok(kind)
}

/// The columns read: the format's own, and the optional ones the export has and the
/// counts need (ACLED's sub-event types only `with_kinds`: parsing a column costs time).
pub(super) fn wanted_columns(
    kind: ExportKind,
    columns: &[String],
    with_kinds: bool,
) -> Vec<String> {
    let mut wanted: Vec<String> = kind.required().iter().map(|c| c.to_string()).collect();
    if matches!(kind, ExportKind::Acled { .. }) {
        let has = |name: &str| columns.iter().any(|c| c == name);
        let kinds = with_kinds.then_some("sub_event_type");
        for optional in std::iter::once("civilian_targeting").chain(kinds) {
            if has(optional) {
                wanted.push(optional.into());
            }
        }
        if !has("civilian_targeting") && has("event_type") {
            wanted.push("event_type".into());
        }
        // When each row was last changed: the latest says which state of ACLED's data
        // the counts come from.
        if has("timestamp") {
            wanted.push("timestamp".into());
        }
    }
    wanted
}

/// Why a file that is UTF-8 in part and not elsewhere is refused.
pub(super) const MIXED: &str = "an export is read as UTF-8, or as Windows-1252 (a spreadsheet's plain \"CSV\" save) when no UTF-8 character comes before its first other byte; this file mixes the two, or is damaged: download or export it again";

/// A UTF-8 character as a message names it.
pub(super) fn utf8_character(character: char) -> String {
    match character {
        '\u{feff}' => "a UTF-8 byte-order mark".to_string(),
        c => format!("the UTF-8 {}", encoding::shown(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::header_cells;

    #[test]
    fn header_cells_are_read_as_a_csv_reader_reads_them() {
        assert_eq!(header_cells("a,\"b,c\",d", ','), ["a", "b,c", "d"]);
        assert_eq!(header_cells("\"a \"\"x\"\"\";b", ';'), ["a \"x\"", "b"]);
        assert_eq!(header_cells("a, b ,c", ','), ["a", "b", "c"]);
        assert_eq!(header_cells("a,b\"c,d", ','), ["a", "b\"c", "d"]);
        assert_eq!(header_cells("a,,b", ','), ["a", "", "b"]);
    }
}
