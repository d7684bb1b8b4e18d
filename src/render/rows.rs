//! Tidy output from `Serialize` rows, one writer for every command: CSV through the
//! `csv` crate (quoting commas, quotes and line breaks is its job) and JSON through
//! serde_json. A row type's fields, in order, are the columns; `None` is an empty cell.

use serde::Serialize;

use crate::error::Error;

fn failed(err: impl std::fmt::Display) -> Error {
    Error::io("cannot write CSV", std::io::Error::other(err.to_string()))
}

/// The rows as CSV with a header row; with no rows, the header alone (the field names of
/// an empty row).
pub(crate) fn csv<T: Serialize + Default>(rows: &[T]) -> Result<String, Error> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let header_only = rows.is_empty();
    if header_only {
        writer.serialize(T::default()).map_err(failed)?;
    }
    for row in rows {
        writer.serialize(row).map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(failed)?;
    let mut text = String::from_utf8(bytes).map_err(failed)?;
    if header_only {
        let header = text.find('\n').map_or(text.len(), |end| end + 1);
        text.truncate(header);
    }
    Ok(text)
}

/// A table whose columns are known only when it is made, as CSV with a header row.
pub(crate) fn csv_records(columns: &[&str], rows: &[Vec<String>]) -> Result<String, Error> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for record in std::iter::once(columns.to_vec())
        .chain(rows.iter().map(|r| r.iter().map(String::as_str).collect()))
    {
        writer.write_record(record).map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(failed)?;
    String::from_utf8(bytes).map_err(failed)
}

/// The value as indented JSON, ending in a line break.
pub(crate) fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map(|text| text + "\n")
        .map_err(|e| Error::io("cannot write JSON", std::io::Error::other(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default, Serialize)]
    struct Row {
        id: String,
        value: f64,
        low: Option<f64>,
        sure: bool,
    }

    #[test]
    fn cells_are_quoted_only_where_needed_and_none_is_empty() {
        let rows = [
            Row {
                id: "a, \"b\"\nc".into(),
                value: 10.0,
                low: None,
                sure: true,
            },
            Row {
                id: "plain".into(),
                value: 9.583333333333334,
                low: Some(0.5),
                sure: false,
            },
        ];
        assert_eq!(
            csv(&rows).unwrap(),
            "id,value,low,sure\n\"a, \"\"b\"\"\nc\",10.0,,true\nplain,9.583333333333334,0.5,false\n"
        );
    }

    #[test]
    fn no_rows_is_the_header_alone() {
        assert_eq!(csv::<Row>(&[]).unwrap(), "id,value,low,sure\n");
        assert_eq!(json::<[Row]>(&[]).unwrap(), "[]\n");
    }
}
