//! CSV output through polars' writer: quoting of commas, quotes and line breaks in
//! cells is polars' job, not ours. Empty optional cells are written as empty fields.

use polars::prelude::*;

use crate::error::Error;

fn failed(err: impl std::fmt::Display) -> Error {
    Error::io("cannot write CSV", std::io::Error::other(err.to_string()))
}

/// The columns as CSV text with a header row.
pub(crate) fn write(height: usize, columns: Vec<Column>) -> Result<String, Error> {
    let mut frame = DataFrame::new(height, columns).map_err(failed)?;
    let mut out = Vec::new();
    CsvWriter::new(&mut out)
        .include_header(true)
        .finish(&mut frame)
        .map_err(failed)?;
    String::from_utf8(out).map_err(failed)
}
