//! Exports that are not CSV turned into CSV text, so that one reader counts them all:
//! the ACLED API's JSON (`{"data": [...]}`), UCDP's API pages (`{"Result": [...]}`),
//! a plain JSON array of records, and a spreadsheet's sheet (.xlsx).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;

use super::dates::from_unix_days;

/// JSON records as CSV text; why not, when the JSON holds no list of records.
pub(crate) fn json_to_csv(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON: {e}"))?;
    let records = match &value {
        Value::Array(records) => records,
        Value::Object(object) => match ["data", "Result", "result"]
            .iter()
            .find_map(|key| object.get(*key))
        {
            Some(Value::Array(records)) => records,
            _ => {
                return Err(
                    "JSON without a list of records (`data` as the ACLED API gives it, `Result` as UCDP's API gives it)"
                        .to_string(),
                )
            }
        },
        _ => return Err("JSON without a list of records".to_string()),
    };
    // The keys in the order first met, each once (a set keeps this linear).
    let mut columns: Vec<String> = Vec::new();
    let mut known = std::collections::HashSet::new();
    for record in records {
        let Value::Object(fields) = record else {
            return Err("a record of the JSON list is not an object".to_string());
        };
        for key in fields.keys() {
            if known.insert(key.as_str()) {
                columns.push(key.clone());
                if columns.len() > MAX_COLUMNS as usize {
                    return Err(format!(
                        "the JSON's records have more than {MAX_COLUMNS} distinct keys: an export has about thirty columns"
                    ));
                }
            }
        }
    }
    let mut out = Vec::new();
    line(&mut out, columns.iter().map(String::as_str));
    for record in records {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| match record.get(c) {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
            })
            .collect();
        line(&mut out, cells.iter().map(String::as_str));
    }
    Ok(out)
}

/// A sheet of a workbook as CSV text: `sheet` by name, or the first.
/// The sheet as CSV, with the sheet's name and every sheet's name.
pub(crate) fn xlsx_to_csv(
    bytes: Vec<u8>,
    sheet: Option<&str>,
) -> Result<(Vec<u8>, String, Vec<String>), String> {
    let mut book =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| format!("not a readable .xlsx: {e}"))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) if names.iter().any(|n| n == wanted) => wanted.to_string(),
        Some(wanted) => {
            return Err(format!(
                "no sheet \"{wanted}\" in the workbook; its sheets: {}",
                names.join(", ")
            ))
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| "the workbook has no sheet".to_string())?,
    };
    let mut cells = book
        .worksheet_cells_reader(&name)
        .map_err(|e| format!("cannot read the sheet \"{name}\": {e}"))?;
    // Cells come row by row; only the cells a sheet holds are read (a dense range from
    // A1 to one stray far-away cell would be billions of empty ones). A row with no
    // cell writes no line.
    let mut out = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut at_row: Option<u32> = None;
    while let Some(cell) = cells
        .next_cell()
        .map_err(|e| format!("cannot read the sheet \"{name}\": {e}"))?
    {
        let (r, c) = cell.get_position();
        if c >= MAX_COLUMNS {
            return Err(format!(
                "the sheet \"{name}\" has a cell in column {} of row {}: an export has at most {MAX_COLUMNS} columns; delete what lies right of the data and save it again",
                c + 1,
                r + 1
            ));
        }
        if at_row != Some(r) {
            if at_row.is_some() {
                line(&mut out, row.iter().map(String::as_str));
            }
            row.clear();
            at_row = Some(r);
        }
        let c = c as usize;
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        row[c] = cell_text(&Data::from(cell.get_value().clone()));
    }
    if at_row.is_some() {
        line(&mut out, row.iter().map(String::as_str));
    }
    Ok((out, name, names))
}

/// The most columns a sheet's row may reach (ACLED's exports have about thirty).
const MAX_COLUMNS: u32 = 1_024;

/// A spreadsheet cell as the CSV export would write it; dates as ISO dates.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(date) => serial_date(date.as_f64()),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// An Excel serial date (days since 1899-12-30) as `YYYY-MM-DD`.
fn serial_date(serial: f64) -> String {
    // Excel counts days from 1899-12-30: 25,569 days before 1970-01-01.
    let (year, month, day) = from_unix_days(serial.floor() as i64 - 25_569);
    format!("{year:04}-{month:02}-{day:02}")
}

/// One CSV line, cells quoted where they hold a comma, a quote or a line break.
fn line<'a>(out: &mut Vec<u8>, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push(b'"');
            out.extend_from_slice(cell.replace('"', "\"\"").as_bytes());
            out.push(b'"');
        } else {
            out.extend_from_slice(cell.as_bytes());
        }
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_acled_api_and_ucdp_api_shapes() {
        let acled = br#"{"status":200,"success":true,"count":1,"data":[{"event_id_cnty":"MLI1","notes":"a, \"b\"","fatalities":"3"}]}"#;
        assert_eq!(
            String::from_utf8(json_to_csv(acled).expect("csv")).expect("utf-8"),
            "event_id_cnty,fatalities,notes\nMLI1,3,\"a, \"\"b\"\"\"\n"
        );
        let ucdp = br#"{"TotalCount":1,"Result":[{"id":7,"best":12,"side_b":null}]}"#;
        assert_eq!(
            String::from_utf8(json_to_csv(ucdp).expect("csv")).expect("utf-8"),
            "best,id,side_b\n12,7,\n"
        );
        assert!(json_to_csv(br#"{"error":"no token"}"#).is_err());
    }

    #[test]
    fn excel_serial_dates() {
        assert_eq!(serial_date(45_658.0), "2025-01-01");
        assert_eq!(serial_date(36_526.0), "2000-01-01");
        assert_eq!(serial_date(45_351.5), "2024-02-29");
    }
}
