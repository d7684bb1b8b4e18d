//! Reads one CSV file into a header and records that remember their 1-based line.
//!
//! The cell separator is told from the header as for event exports
//! (`crate::separator`): a file a European spreadsheet saved with `;`, or one saved as
//! tab-separated text, reads as its comma-separated twin. polars parses the cells. In front of it, a short structural scan checks the encoding,
//! finds where each record starts (quoted cells may span lines) and counts its fields,
//! because polars on its own cannot say on which line a row sits, rejects a long row
//! without saying where, and silently pads a short one with nulls.

use std::io::Cursor;

use polars::prelude::*;

use crate::error::{Location, Problem};

/// One data record and the line it starts on (the header is line 1).
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub(crate) line: usize,
    pub(crate) cells: Vec<String>,
}

/// A parsed CSV file: its display name, header cells and data records.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    pub(crate) file: String,
    pub(crate) header: Vec<String>,
    pub(crate) records: Vec<Record>,
}

/// The header's column names, for messages about ragged rows (a header needs no quotes).
fn header_names(line: &str, separator: u8) -> Vec<String> {
    line.trim_end_matches(['\r', '\n'])
        .split(char::from(separator))
        .map(|name| name.trim().trim_matches('"').to_string())
        .collect()
}

/// What a row with `fields` cells lacks or has too many of, by column name: "no cell
/// for `note`" or "a cell after `note`, the last column".
fn ragged_columns(names: &[String], fields: usize) -> String {
    let quoted = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match names.get(fields..) {
        Some(missing) if !missing.is_empty() => format!("no cell for {}", quoted(missing)),
        _ => match names.last() {
            Some(last) => format!(
                "{} after `{last}`, the last column",
                crate::numbers::counted(fields - names.len(), "cell")
            ),
            None => "the header names no column".to_string(),
        },
    }
}

/// Where one record sits in the text.
struct Span {
    line: usize,
    start: usize,
    end: usize,
    fields: usize,
}

pub(crate) fn read_sheet(file: &str, bytes: &[u8]) -> Result<Sheet, Vec<Problem>> {
    let text = decode(file, bytes)?;
    if crate::separator::cr_only(text.as_bytes()) {
        let (message, help) = crate::separator::CR_ONLY;
        return Err(vec![Problem::new(message, Location::file(file)).help(help)]);
    }
    let separator = crate::separator::sniff(text.as_bytes());
    let spans = scan(file, text, separator)?;
    let Some(header_span) = spans.first() else {
        return Err(vec![Problem::new(
            "the file is empty",
            Location::file(file),
        )
        .help("the first line must be the header row naming the columns")]);
    };
    let expected = header_span.fields;
    let names = header_names(&text[header_span.start..header_span.end], separator);
    let shown = crate::separator::name(separator);
    let ragged: Vec<Problem> = spans
        .iter()
        .skip(1)
        .filter(|span| span.fields != expected)
        .map(|span| {
            Problem::new(
                format!(
                    "this row has {} fields but the header has {expected}: {}",
                    span.fields,
                    ragged_columns(&names, span.fields)
                ),
                Location::line(file, span.line),
            )
            .help(match separator {
                b',' => "put a cell that contains a comma in double quotes, e.g. \"Mali, Burkina Faso\"; fill missing cells with nothing between the commas".to_string(),
                _ => format!("the header separates its cells by {shown}: put a cell that contains a {shown} in double quotes; fill missing cells with nothing between two of them"),
            })
        })
        .collect();
    if !ragged.is_empty() {
        return Err(ragged);
    }

    let mut clean = String::with_capacity(text.len());
    for span in &spans {
        clean.push_str(text[span.start..span.end].trim_end_matches('\r'));
        clean.push('\n');
    }
    let rows = parse_with_polars(file, clean, separator, spans.len(), expected)?;
    let mut rows = rows.into_iter();
    let header = rows.next().unwrap_or_default();
    let records = rows
        .zip(spans.iter().skip(1))
        .map(|(cells, span)| Record {
            line: span.line,
            cells,
        })
        .collect();
    Ok(Sheet {
        file: file.to_string(),
        header,
        records,
    })
}

/// Strips a UTF-8 byte-order mark and checks the rest is UTF-8.
fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(vec![Problem::new(
            "the file is UTF-16, not UTF-8",
            Location::file(file),
        )
        .help("save it as \"CSV UTF-8\" (comma-delimited)")]);
    }
    std::str::from_utf8(bytes).map_err(|err| {
        let good = &bytes[..err.valid_up_to()];
        let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = 1 + String::from_utf8_lossy(&good[line_start..]).chars().count();
        let bad_len = err.error_len().unwrap_or(bytes.len() - err.valid_up_to()).min(4);
        let bad: Vec<String> = bytes[err.valid_up_to()..err.valid_up_to() + bad_len]
            .iter()
            .map(|b| format!("\\x{b:02X}"))
            .collect();
        let mut location = Location::line(file, line);
        location.column = Some(column);
        vec![Problem::new(format!("not UTF-8: bytes {}", bad.join("")), location)
            .help("save the file as \"CSV UTF-8\"; a Latin-1 or Windows-1252 export garbles accented names")]
    })
}

/// Finds the records: start line, byte range and field count. Blank lines are skipped.
fn scan(file: &str, text: &str, separator: u8) -> Result<Vec<Span>, Vec<Problem>> {
    let mut spans = Vec::new();
    let mut line = 1;
    let mut start = 0;
    let mut start_line = 1;
    let mut fields = 1;
    let mut in_quotes = false;
    let mut quote_line = 0;
    let mut quote_column = 0;
    // Where the current line starts, for columns; and whether the next byte starts a cell.
    let mut line_start = 0;
    let mut cell_start = true;
    let bytes = text.as_bytes();
    let mut push = |start: usize, end: usize, start_line: usize, fields: usize| {
        if !text[start..end].trim().is_empty() {
            spans.push(Span {
                line: start_line,
                start,
                end,
                fields,
            });
        }
    };
    let at = |line: usize, column: usize| {
        let mut location = Location::line(file, line);
        location.column = Some(column);
        location
    };
    for (i, &b) in bytes.iter().enumerate() {
        let opens_cell = std::mem::replace(&mut cell_start, false);
        match b {
            b'"' if !in_quotes && !opens_cell && bytes.get(i.wrapping_sub(1)) != Some(&b'"') => {
                let column = text[line_start..i].chars().count() + 1;
                return Err(vec![Problem::new(
                    "a double quote inside a cell that does not start with one",
                    at(line, column),
                )
                .help("quote the whole cell and double the quotes inside it, e.g. \"the \"\"Sahel\"\" front\", or remove the quote")]);
            }
            b'"' => {
                in_quotes = !in_quotes;
                if in_quotes {
                    quote_line = line;
                    quote_column = text[line_start..i].chars().count() + 1;
                }
            }
            b if b == separator && !in_quotes => {
                fields += 1;
                cell_start = true;
            }
            b'\n' => {
                if !in_quotes {
                    push(start, i, start_line, fields);
                    start = i + 1;
                    start_line = line + 1;
                    fields = 1;
                    cell_start = true;
                }
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
    }
    if in_quotes {
        return Err(vec![Problem::new(
            "a double quote opened here is never closed",
            at(quote_line, quote_column),
        )
        .help(
            "close the quoted cell with \"; write a literal quote inside a quoted cell as \"\"",
        )]);
    }
    push(start, bytes.len(), start_line, fields);
    Ok(spans)
}

/// Lets polars parse the cleaned text, every column as text, and returns the rows.
fn parse_with_polars(
    file: &str,
    clean: String,
    separator: u8,
    expected_rows: usize,
    width: usize,
) -> Result<Vec<Vec<String>>, Vec<Problem>> {
    let failed = |detail: String| {
        vec![Problem::new(
            format!("could not parse the CSV: {detail}"),
            Location::file(file),
        )
        .help(
            "check the quoting: a quoted cell must start and end with \" right at the separators",
        )]
    };
    let frame = CsvReadOptions::default()
        .with_has_header(false)
        .with_infer_schema_length(Some(0))
        .with_parse_options(
            CsvParseOptions::default()
                .with_separator(separator)
                .with_missing_is_null(false),
        )
        .into_reader_with_file_handle(Cursor::new(clean.into_bytes()))
        .finish()
        .map_err(|err| failed(err.to_string()))?;
    if frame.height() != expected_rows || frame.width() != width {
        return Err(failed(format!(
            "found {} rows of {} fields where {expected_rows} rows of {width} were expected",
            frame.height(),
            frame.width()
        )));
    }
    let mut rows = vec![Vec::with_capacity(width); expected_rows];
    for column in frame.columns() {
        let strings = column.str().map_err(|err| failed(err.to_string()))?;
        for (row, value) in rows.iter_mut().zip(strings.iter()) {
            row.push(value.unwrap_or("").trim().to_string());
        }
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_newlines_keep_line_numbers() {
        let sheet = read_sheet("t.csv", b"a,b\n1,\"x\ny\"\n2,z\n").unwrap();
        assert_eq!(sheet.records.len(), 2);
        assert_eq!(sheet.records[0].cells, vec!["1", "x\ny"]);
        assert_eq!(sheet.records[1].line, 4);
    }

    #[test]
    fn bom_crlf_and_blank_lines() {
        let sheet = read_sheet("t.csv", b"\xEF\xBB\xBFa,b\r\n1,2\r\n\r\n3,4\r\n").unwrap();
        assert_eq!(sheet.header, vec!["a", "b"]);
        assert_eq!(sheet.records[1].line, 4);
        assert_eq!(sheet.records[1].cells, vec!["3", "4"]);
    }

    #[test]
    fn ragged_rows_are_located() {
        let problems = read_sheet("t.csv", b"a,b\n1,2\n6,000,x\n").unwrap_err();
        assert_eq!(problems[0].location.line, Some(3));
        assert!(problems[0]
            .message
            .ends_with("1 cell after `b`, the last column"));
    }

    #[test]
    fn a_short_row_names_the_columns_it_lacks() {
        let problems = read_sheet("t.csv", b"group,year,note\r\njnim,2025\r\n").unwrap_err();
        assert_eq!(
            problems[0].message,
            "this row has 2 fields but the header has 3: no cell for `note`"
        );
    }

    #[test]
    fn bad_utf8_is_located() {
        let problems = read_sheet("t.csv", b"a,b\n1,Mopti\nS\xe9gou,2\n").unwrap_err();
        assert_eq!(problems[0].location.line, Some(3));
        assert_eq!(problems[0].location.column, Some(2));
    }
}
