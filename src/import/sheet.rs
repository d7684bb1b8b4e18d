//! A public file of one header line and rows (UCDP's CSVs, COW's CSV, the NSA's
//! tab-separated `.asc`): its cells by column name, each row with the line it begins on.
//! Blank padding rows are not rows.

use crate::error::Error;

use super::plan::line_of;
use super::Downloaded;

/// The rows of a file, each with its line.
pub(crate) struct Sheet {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    /// Reads `file` split at `delimiter`; `refused` says what the file is not, with the
    /// detail of what went wrong (a column of `needed` missing, a broken record). A
    /// tab-separated file is read without quoting: its cells may hold a lone `"`.
    pub(crate) fn read(
        file: &Downloaded,
        delimiter: u8,
        needed: &[&str],
        refused: impl Fn(&str) -> Error,
    ) -> Result<(Sheet, Option<String>), Error> {
        let (text, notice) = file.text();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(delimiter)
            .quoting(delimiter != b'\t')
            .from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| refused(&e.to_string()))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        if let Some(missing) = needed.iter().find(|n| !header.iter().any(|h| h == *n)) {
            return Err(refused(&format!("its header has no column {missing}")));
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| refused(&e.to_string()))?;
            let line = line_of(&text, &record);
            let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            rows.push((line, cells));
        }
        Ok((Sheet { header, rows }, notice))
    }

    /// The index of a column.
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// A row's cell in a column, empty when the row has none.
    pub(crate) fn get<'a>(&self, cells: &'a [String], column: &str) -> &'a str {
        self.column(column)
            .and_then(|i| cells.get(i))
            .map_or("", String::as_str)
    }
}
