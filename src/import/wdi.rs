//! World Bank WDI: the CSV download (a byte-order mark, CRLF, four lines of metadata
//! with the `Last Updated Date`, a header of years with a trailing empty field,
//! countries and aggregates mixed), the zip it comes in, and the API's JSON. Population
//! (`SP.POP.TOTL`), surface or land area and armed forces personnel
//! (`MS.MIL.TOTL.P1`, incl. paramilitary) become rows for the countries of the datasets.

use serde_json::Value;

use crate::data::dates::DataDate;
use crate::data::Dataset;
use crate::error::{Error, Location, Problem};

use super::matching::{Countries, System};
use super::plan::{kebab, line_of, plain, Import, Record, SourceRow, Table};
use super::{Downloaded, Options};

/// The indicators imported, with the table each fills.
const INDICATORS: [(&str, Table); 4] = [
    ("SP.POP.TOTL", Table::Population),
    ("AG.SRF.TOTL.K2", Table::Area),
    ("AG.LND.TOTL.K2", Table::Area),
    ("MS.MIL.TOTL.P1", Table::Soldiers),
];

/// WDI's aggregates that are most often taken for a country, named when left out.
const AGGREGATES: [&str; 6] = ["WLD", "AFE", "AFW", "ARB", "SSF", "LDC"];

/// Whether a zip member is the data of a WDI download (not its metadata files).
pub(crate) fn is_data_member(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.starts_with("API_") && base.ends_with(".csv")
}

/// One value of the file: a country code, a year and the figure, at its line and column.
struct Value_ {
    code: String,
    year: i32,
    value: f64,
}

/// What both layouts give: the indicator, its name, the release and the values.
struct Series {
    indicator: String,
    name: String,
    release: String,
    /// Where the release is written, for a message when it is no date.
    release_at: Location,
    values: Vec<Value_>,
    codes: Vec<String>,
    left_out: Vec<Problem>,
}

pub(crate) fn read(file: &Downloaded, data: &Dataset, options: &Options) -> Result<Import, Error> {
    let (text, notice) = file.text();
    let series = if text.trim_start().starts_with('[') {
        json(file, &text)?
    } else {
        csv(file, &text)?
    };
    let Some(&(_, table)) = INDICATORS
        .iter()
        .find(|(code, _)| *code == series.indicator)
    else {
        return Err(Error::Usage(format!(
            "{}: indicator {} is not one the datasets take; import {}",
            file.display,
            series.indicator,
            INDICATORS.map(|(c, _)| c).join(", ")
        )));
    };
    let release = stamped(&series, options)?;
    let id = format!("wdi-{}-{}", kebab(&series.indicator), kebab(&release));
    let source = SourceRow {
        id: id.clone(),
        title: format!(
            "World Development Indicators: {} ({})",
            series.name, series.indicator
        ),
        publisher: "World Bank",
        published: release.clone(),
        url: format!("https://data.worldbank.org/indicator/{}", series.indicator),
        note: format!("imported from {} (Last Updated Date {release})", file.name),
        release,
    }
    .record(file, options);
    let mut import = Import::new(source);
    import.notices.extend(notice);
    import.left_out = series.left_out;
    let countries = Countries::new(data, System::Iso3);
    import.notices.extend(countries.uncoded_notice());
    let mut outside: Vec<&str> = series
        .codes
        .iter()
        .map(String::as_str)
        .filter(|c| countries.get(c).is_none())
        .collect();
    outside.sort_unstable();
    outside.dedup();
    if !outside.is_empty() {
        let aggregates: Vec<&str> = AGGREGATES
            .into_iter()
            .filter(|a| outside.contains(a))
            .collect();
        let among = match aggregates.as_slice() {
            [] => String::new(),
            some => format!(", among them the aggregates {}", some.join(", ")),
        };
        import.outside.push(format!(
            "{} codes of the file are not countries of countries.csv{among}: not imported (add a country with its iso3 to import it)",
            outside.len()
        ));
    }
    let note = match series.indicator.as_str() {
        "MS.MIL.TOTL.P1" => "armed forces personnel incl. paramilitary (IISS via WDI)",
        "AG.SRF.TOTL.K2" => "surface area: land and inland waters",
        "AG.LND.TOTL.K2" => "land area: without inland waters",
        _ => "",
    };
    for c in &data.countries {
        let mut values: Vec<&Value_> = series
            .values
            .iter()
            .filter(|v| countries.get(&v.code) == Some(c.id.as_str()))
            .collect();
        values.sort_by_key(|v| v.year);
        if table == Table::Area {
            // Area has no year in the datasets: the latest year the file gives.
            if let Some(v) = values.last() {
                import.rows.push(Record::new(
                    table,
                    vec![
                        ("country", c.id.clone()),
                        ("km2", plain(v.value)),
                        ("source", id.clone()),
                        ("note", format!("{note}; the {} value", v.year)),
                    ],
                ));
            }
            continue;
        }
        for v in values {
            let mut cells = vec![("country", c.id.clone()), ("year", v.year.to_string())];
            if table == Table::Soldiers {
                cells.push(("component", "armed-forces".to_string()));
            }
            cells.push(("central", plain(v.value)));
            cells.push(("source", id.clone()));
            if !note.is_empty() {
                cells.push(("note", note.to_string()));
            }
            import.rows.push(Record::new(table, cells));
        }
    }
    Ok(import)
}

/// The release: the file's own date, or `--release` where a spreadsheet's re-save
/// rewrote it (`7/13/2026`); the source's `published` takes it, so it must be a date.
fn stamped(series: &Series, options: &Options) -> Result<String, Error> {
    match (DataDate::parse(&series.release), &options.release) {
        (Ok(_), _) => Ok(series.release.clone()),
        (Err(_), Some(given)) => Ok(given.clone()),
        (Err(help), None) => Err(Error::Data(vec![Problem::new(
            format!("the release \"{}\" is not a date", series.release),
            series.release_at.clone(),
        )
        .help(format!(
            "{help}; or give it with --release YYYY-MM-DD (a spreadsheet's re-save rewrites the World Bank's date)"
        ))])),
    }
}

/// The CSV download: metadata lines, then a header `Country Name,Country Code,…,1960,…`.
fn csv(file: &Downloaded, text: &str) -> Result<Series, Error> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut release = String::new();
    let mut header: Option<Vec<String>> = None;
    let mut series = Series {
        indicator: String::new(),
        name: String::new(),
        release: String::new(),
        release_at: Location::file(&file.display),
        values: Vec::new(),
        codes: Vec::new(),
        left_out: Vec::new(),
    };
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize);
            Error::Data(vec![Problem::new(
                format!("cannot be read as CSV ({e})"),
                Location::line(&file.display, line),
            )
            .help("give the file as the World Bank's download wrote it")])
        })?;
        let line = line_of(text, &record);
        let cells: Vec<&str> = record.iter().collect();
        let Some(columns) = &header else {
            match cells.first().map(|c| c.trim()) {
                Some("Last Updated Date") => {
                    release = cells.get(1).unwrap_or(&"").trim().to_string();
                    series.release_at = Location::cell(&file.display, line, 2, "Last Updated Date");
                }
                Some("Country Name") => {
                    header = Some(cells.iter().map(|c| c.trim().to_string()).collect())
                }
                _ => {}
            }
            continue;
        };
        let code = cells.get(1).map_or("", |c| c.trim());
        if code.is_empty() {
            continue;
        }
        series.codes.push(code.to_string());
        if series.indicator.is_empty() {
            series.indicator = cells.get(3).unwrap_or(&"").trim().to_string();
            series.name = cells.get(2).unwrap_or(&"").trim().to_string();
        }
        for (i, cell) in cells.iter().enumerate().skip(4) {
            let (Some(year), cell) = (
                columns.get(i).and_then(|y| y.parse::<i32>().ok()),
                cell.trim(),
            ) else {
                continue;
            };
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(value) if value.is_finite() && value >= 0.0 => series.values.push(Value_ {
                    code: code.to_string(),
                    year,
                    value,
                }),
                _ => series.left_out.push(
                    Problem::new(
                        format!("{code} {year}: not a figure: \"{cell}\""),
                        Location::cell(&file.display, line, i + 1, &year.to_string()),
                    )
                    .help("left out; WDI writes a figure as a plain number and a missing one as an empty cell"),
                ),
            }
        }
    }
    if header.is_none() {
        return Err(not_wdi(
            file,
            "no header line starting \"Country Name\",\"Country Code\"",
        ));
    }
    if release.is_empty() {
        return Err(not_wdi(
            file,
            "no \"Last Updated Date\" line above the header, so its release is not known",
        ));
    }
    series.release = release;
    Ok(series)
}

/// The API's JSON: `[ {page, pages, lastupdated, …}, [ {indicator, countryiso3code,
/// date, value, …}, … ] ]`.
fn json(file: &Downloaded, text: &str) -> Result<Series, Error> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Error::Data(vec![Problem::new(format!("not JSON ({e})"), Location::line(&file.display, e.line()))
            .help("give the API's response as it came, e.g. from https://api.worldbank.org/v2/country/all/indicator/SP.POP.TOTL?format=json&per_page=20000")])
    })?;
    let (Some(meta), Some(rows)) = (value.get(0), value.get(1).and_then(Value::as_array)) else {
        return Err(not_wdi(
            file,
            "not the API's two-part response [ {page, …}, [ … ] ]",
        ));
    };
    let release = meta
        .get("lastupdated")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if release.is_empty() {
        return Err(not_wdi(
            file,
            "its first part has no \"lastupdated\", so its release is not known",
        ));
    }
    let mut series = Series {
        indicator: String::new(),
        name: String::new(),
        release,
        release_at: Location::file(&file.display),
        values: Vec::new(),
        codes: Vec::new(),
        left_out: Vec::new(),
    };
    let pages = meta.get("pages").and_then(Value::as_u64).unwrap_or(1);
    if pages > 1 {
        return Err(Error::Usage(format!(
            "{}: page {} of {pages} of the API's answer: the other pages' rows are not in this file; download all at once with per_page=20000",
            file.display,
            meta.get("page").and_then(Value::as_u64).unwrap_or(1)
        )));
    }
    for (i, row) in rows.iter().enumerate() {
        let code = row
            .get("countryiso3code")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if series.indicator.is_empty() {
            let indicator = row.get("indicator");
            series.indicator = indicator
                .and_then(|v| v.get("id"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            series.name = indicator
                .and_then(|v| v.get("value"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
        }
        if code.is_empty() {
            continue;
        }
        series.codes.push(code.to_string());
        let year = row
            .get("date")
            .and_then(Value::as_str)
            .and_then(|d| d.parse::<i32>().ok());
        let figure = row.get("value");
        match (year, figure) {
            (_, None | Some(Value::Null)) => {}
            (Some(year), Some(v)) if v.as_f64().is_some_and(|v| v.is_finite() && v >= 0.0) => {
                series.values.push(Value_ {
                    code: code.to_string(),
                    year,
                    value: v.as_f64().unwrap_or_default(),
                });
            }
            (_, Some(v)) => series.left_out.push(
                Problem::new(
                    format!(
                        "{code}: entry {} has no year or a value that is not a figure: {v}",
                        i + 1
                    ),
                    Location::file(&file.display),
                )
                .help(
                    "left out; the API writes a year in \"date\" and a number or null in \"value\"",
                ),
            ),
        }
    }
    Ok(series)
}

fn not_wdi(file: &Downloaded, what: &str) -> Error {
    Error::Data(vec![Problem::new(
        format!("not a World Bank WDI download: {what}"),
        Location::file(&file.display),
    )
    .help(
        "give the CSV (API_<INDICATOR>_DS2_…csv), its zip, or the API's JSON, as downloaded",
    )])
}
