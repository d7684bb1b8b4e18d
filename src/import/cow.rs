//! Correlates of War, National Material Capabilities: `milper`, regular military
//! personnel in thousands, per state (`stateabb`) and year; `-9` is missing. A second
//! soldiers series beside WDI's, on its own definition (no paramilitary).

use crate::data::Dataset;
use crate::error::{Error, Location, Problem};

use super::matching::{Countries, System};
use super::plan::{kebab, plain, Import, Record, SourceRow, Table};
use super::sheet::Sheet;
use super::{Downloaded, Options};

pub(crate) fn read(file: &Downloaded, data: &Dataset, options: &Options) -> Result<Import, Error> {
    let (sheet, notice) = Sheet::read(file, b',', &["stateabb", "year", "milper"], |detail| {
        not_cow(file, detail)
    })?;
    let column = |name: &str| sheet.column(name).unwrap_or_default();
    let (abb, year_at, milper) = (column("stateabb"), column("year"), column("milper"));
    let version_at = sheet.column("version");
    let countries = Countries::new(data, System::Cow);
    let mut version = String::new();
    let mut values = Vec::new();
    let mut left_out = Vec::new();
    let mut outside = std::collections::BTreeSet::new();
    for (line, cells) in &sheet.rows {
        let line = *line;
        let cell = |i: usize| cells.get(i).map_or("", String::as_str);
        if let Some(v) = version_at.map(cell).filter(|v| !v.is_empty()) {
            version = v.to_string();
        }
        let Some(country) = countries.get(cell(abb)) else {
            outside.insert(cell(abb).to_string());
            continue;
        };
        let Ok(year) = cell(year_at).parse::<i32>() else {
            left_out.push(
                Problem::new(
                    format!("not a year: \"{}\"", cell(year_at)),
                    Location::cell(&file.display, line, year_at + 1, "year"),
                )
                .help("left out; COW writes a four-digit year"),
            );
            continue;
        };
        match cell(milper).parse::<f64>() {
            Ok(v) if v >= 0.0 && v.is_finite() => values.push((country, year, v * 1000.0)),
            _ => left_out.push(
                Problem::new(
                    format!(
                        "{country} {year}: milper \"{}\" is not a figure",
                        cell(milper)
                    ),
                    Location::cell(&file.display, line, milper + 1, "milper"),
                )
                .help("left out; COW writes -9 for a figure it does not have"),
            ),
        }
    }
    let release = if version.is_empty() {
        options.release.clone().unwrap_or_default()
    } else {
        version
    };
    if release.is_empty() {
        return Err(not_cow(
            file,
            "no version column, so its release is not known: give it with --release",
        ));
    }
    let id = format!("cow-nmc-{}", kebab(&release));
    let source = SourceRow {
        id: id.clone(),
        title: "National Material Capabilities: military personnel (milper)".to_string(),
        publisher: "Correlates of War Project",
        // The version column of v6.0 holds the year of its release.
        published: if release.len() == 4 && release.chars().all(|c| c.is_ascii_digit()) {
            release.clone()
        } else {
            String::new()
        },
        url: "https://correlatesofwar.org/data-sets/national-material-capabilities/".to_string(),
        note: format!(
            "imported from {}; milper is in thousands, multiplied by 1000 here",
            file.name
        ),
        release,
    }
    .record(file, options);
    let mut import = Import::new(source);
    import.notices.extend(notice);
    import.notices.extend(countries.uncoded_notice());
    import.left_out = left_out;
    if !outside.is_empty() {
        import.outside.push(format!("{} states of the file are not countries of countries.csv (by their `cow` abbreviation): not imported", outside.len()));
    }
    values.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    for (country, year, value) in values {
        import.rows.push(Record::new(
            Table::Soldiers,
            vec![
                ("country", country.to_string()),
                ("year", year.to_string()),
                ("component", "armed-forces".to_string()),
                ("central", plain(value)),
                ("source", id.clone()),
                (
                    "note",
                    "regular military personnel (COW milper); no paramilitary".to_string(),
                ),
            ],
        ));
    }
    Ok(import)
}

fn not_cow(file: &Downloaded, what: &str) -> Error {
    Error::Data(vec![Problem::new(format!("not a COW National Material Capabilities file: {what}"), Location::file(&file.display))
        .help("give NMC-60-abridged.csv (or a later version) as downloaded: stateabb,ccode,year,milex,milper,…")])
}
