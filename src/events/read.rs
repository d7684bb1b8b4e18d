//! Reads an ACLED or UCDP export: the format is told from the header, columns are read
//! by name (any order, extra columns ignored), polars parses only the columns needed,
//! and every row that cannot be used is set aside with its reason, never dropped
//! silently.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use polars::prelude::*;

use crate::error::{Error, Location, Problem};

use super::dates;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// ACLED, dyadic (one row per event) or monadic (one row per actor).
    Acled { monadic: bool },
    /// UCDP GED, the standard download or the website export.
    Ucdp { website: bool },
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::Acled { monadic: false } => "ACLED export",
            Format::Acled { monadic: true } => "ACLED monadic export",
            Format::Ucdp { website: false } => "UCDP GED download",
            Format::Ucdp { website: true } => "UCDP GED website export",
        }
    }
}

/// One event as the aggregation needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub year: i32,
    pub month: u32,
    pub country: String,
    /// The actor that initiated the event (ACLED `actor1`, UCDP `side_a`).
    pub initiator: String,
    /// Every actor named: actors and associated actors.
    pub actors: Vec<String>,
    pub fatalities: f64,
    /// UCDP's low and high estimates; ACLED gives one figure.
    pub fatalities_range: Option<(f64, f64)>,
    pub civilian_targeting: bool,
}

/// A row set aside: its data-record number (1 = the first row after the header) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct BadRow {
    pub record: usize,
    pub reason: String,
}

pub struct Export {
    pub format: Format,
    pub events: Vec<Event>,
    pub rows: usize,
    pub bad: Vec<BadRow>,
}

const ACLED: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "actor1",
    "assoc_actor_1",
    "country",
    "fatalities",
];
const ACLED_DYADIC: &[&str] = &["actor2", "assoc_actor_2"];
const UCDP: &[&str] = &[
    "id",
    "year",
    "side_a",
    "side_b",
    "country",
    "type_of_violence",
    "date_start",
];

fn file_problem(file: &str, message: impl Into<String>, help: impl Into<String>) -> Error {
    Error::Data(vec![Problem::new(message, Location::file(file)).help(help)])
}

/// The header's column names, from the first line.
fn header(path: &Path, file: &str) -> Result<Vec<String>, Error> {
    let handle =
        std::fs::File::open(path).map_err(|e| Error::io(format!("cannot read {file}"), e))?;
    let mut first = String::new();
    BufReader::new(handle.take(1 << 20))
        .read_line(&mut first)
        .map_err(|e| Error::io(format!("cannot read {file}"), e))?;
    let first = first.trim_start_matches('\u{feff}').trim_end();
    if first.is_empty() {
        return Err(file_problem(file, "the file is empty", "an event export starts with its header row (ACLED: event_id_cnty, event_date, ...; UCDP: id, year, side_a, ...)"));
    }
    Ok(first
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_string())
        .collect())
}

fn detect(file: &str, columns: &[String]) -> Result<Format, Error> {
    let has = |name: &str| columns.iter().any(|c| c == name);
    let format = if has("event_id_cnty") || has("event_date") {
        Format::Acled {
            monadic: !has("actor2"),
        }
    } else if has("side_a") || has("best") || has("best_est") {
        Format::Ucdp {
            website: has("best_est"),
        }
    } else {
        return Err(file_problem(
            file,
            "not an ACLED or UCDP export: the header has neither event_id_cnty nor side_a",
            "give an ACLED export (event_id_cnty, event_date, year, actor1, ..., fatalities) or a UCDP GED file (id, year, side_a, side_b, ..., best)",
        ));
    };
    let mut required: Vec<&str> = match format {
        Format::Acled { monadic } => ACLED
            .iter()
            .chain(if monadic { &[][..] } else { ACLED_DYADIC })
            .copied()
            .collect(),
        Format::Ucdp { .. } => UCDP.to_vec(),
    };
    if let Format::Ucdp { website } = format {
        required.extend(if website {
            ["best_est", "low_est", "high_est"]
        } else {
            ["best", "low", "high"]
        });
    }
    let missing: Vec<&str> = required.iter().copied().filter(|c| !has(c)).collect();
    if !missing.is_empty() {
        return Err(file_problem(
            file,
            format!(
                "{} without the column{} {}",
                format.describe(),
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", ")
            ),
            format!("this format needs the columns: {}", required.join(", ")),
        ));
    }
    Ok(format)
}

pub fn read(path: &Path) -> Result<Export, Error> {
    let file = path.display().to_string();
    let columns = header(path, &file)?;
    let format = detect(&file, &columns)?;
    let mut wanted: Vec<&str> = match format {
        Format::Acled { monadic } => ACLED
            .iter()
            .chain(if monadic { &[][..] } else { ACLED_DYADIC })
            .copied()
            .collect(),
        Format::Ucdp { .. } => UCDP.to_vec(),
    };
    match format {
        Format::Acled { .. } if columns.iter().any(|c| c == "civilian_targeting") => {
            wanted.push("civilian_targeting")
        }
        Format::Ucdp { website: true } => wanted.extend(["best_est", "low_est", "high_est"]),
        Format::Ucdp { website: false } => wanted.extend(["best", "low", "high"]),
        _ => {}
    }
    let names: Arc<[PlSmallStr]> = wanted.iter().map(|c| PlSmallStr::from(*c)).collect();
    let frame = CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .with_columns(Some(names))
        .with_parse_options(
            CsvParseOptions::default()
                .with_truncate_ragged_lines(true)
                .with_missing_is_null(true),
        )
        .try_into_reader_with_file_path(Some(path.to_path_buf()))
        .and_then(|reader| reader.finish())
        .map_err(|e| {
            file_problem(
                &file,
                format!("cannot parse the CSV: {e}"),
                "check that the export is complete and comma-separated",
            )
        })?;
    let get = |name: &str| -> Result<Vec<Option<String>>, Error> {
        let column = frame
            .column(name)
            .and_then(|c| c.str().cloned())
            .map_err(|e| file_problem(&file, e.to_string(), "re-export the file"))?;
        Ok(column
            .iter()
            .map(|v| {
                v.map(str::trim)
                    .filter(|v| !v.is_empty() && *v != "NA")
                    .map(String::from)
            })
            .collect())
    };
    let rows = frame.height();
    let mut bad = Vec::new();
    let mut events = Vec::with_capacity(rows);
    match format {
        Format::Acled { monadic } => {
            let id = get("event_id_cnty")?;
            let date = get("event_date")?;
            let year = get("year")?;
            let a1 = get("actor1")?;
            let s1 = get("assoc_actor_1")?;
            let (a2, s2) = if monadic {
                (vec![None; rows], vec![None; rows])
            } else {
                (get("actor2")?, get("assoc_actor_2")?)
            };
            let country = get("country")?;
            let deaths = get("fatalities")?;
            let civilians = if wanted.contains(&"civilian_targeting") {
                get("civilian_targeting")?
            } else {
                vec![None; rows]
            };
            for i in 0..rows {
                let parsed = (|| -> Result<Event, String> {
                    let id = id[i].clone().ok_or("no event_id_cnty")?;
                    let when = date[i].as_deref().ok_or("no event_date")?;
                    let (y, month, _) = dates::parse(when).ok_or_else(|| format!("event_date \"{when}\" is not a date (2025-05-16, 16 May 2025 or 9-May-20)"))?;
                    let year = match year[i].as_deref() {
                        Some(text) => text
                            .parse()
                            .map_err(|_| format!("year \"{text}\" is not a year"))?,
                        None => y,
                    };
                    let fatalities = count(deaths[i].as_deref(), "fatalities")?;
                    let initiator = a1[i].clone().ok_or("no actor1")?;
                    let mut actors = vec![initiator.clone()];
                    actors.extend(a2[i].clone());
                    for list in [&s1[i], &s2[i]].into_iter().flatten() {
                        actors.extend(
                            list.split(';')
                                .map(str::trim)
                                .filter(|a| !a.is_empty())
                                .map(String::from),
                        );
                    }
                    Ok(Event {
                        id,
                        year,
                        month,
                        country: country[i].clone().unwrap_or_default(),
                        initiator,
                        actors,
                        fatalities,
                        fatalities_range: None,
                        civilian_targeting: civilians[i].is_some(),
                    })
                })();
                match parsed {
                    Ok(event) => events.push(event),
                    Err(reason) => bad.push(BadRow {
                        record: i + 1,
                        reason,
                    }),
                }
            }
            if monadic {
                events = merge_monadic(events);
            }
        }
        Format::Ucdp { website } => {
            let (b, l, h) = if website {
                ("best_est", "low_est", "high_est")
            } else {
                ("best", "low", "high")
            };
            let id = get("id")?;
            let year = get("year")?;
            let side_a = get("side_a")?;
            let side_b = get("side_b")?;
            let country = get("country")?;
            let violence = get("type_of_violence")?;
            let start = get("date_start")?;
            let (best, low, high) = (get(b)?, get(l)?, get(h)?);
            for i in 0..rows {
                let parsed = (|| -> Result<Event, String> {
                    let id = id[i].clone().ok_or("no id")?;
                    let when = start[i].as_deref().ok_or("no date_start")?;
                    let (y, month, _) = dates::parse(when)
                        .ok_or_else(|| format!("date_start \"{when}\" is not a date"))?;
                    let year = match year[i].as_deref() {
                        Some(text) => text
                            .parse()
                            .map_err(|_| format!("year \"{text}\" is not a year"))?,
                        None => y,
                    };
                    let best = count(best[i].as_deref(), b)?;
                    let range = (count(low[i].as_deref(), l)?, count(high[i].as_deref(), h)?);
                    let initiator = side_a[i].clone().ok_or("no side_a")?;
                    let mut actors = vec![initiator.clone()];
                    actors.extend(side_b[i].clone());
                    Ok(Event {
                        id,
                        year,
                        month,
                        country: country[i].clone().unwrap_or_default(),
                        initiator,
                        actors,
                        fatalities: best,
                        fatalities_range: Some(range),
                        civilian_targeting: violence[i].as_deref() == Some("3"),
                    })
                })();
                match parsed {
                    Ok(event) => events.push(event),
                    Err(reason) => bad.push(BadRow {
                        record: i + 1,
                        reason,
                    }),
                }
            }
        }
    }
    Ok(Export {
        format,
        events,
        rows,
        bad,
    })
}

/// A non-negative whole number of deaths.
fn count(text: Option<&str>, column: &str) -> Result<f64, String> {
    let text = text.ok_or_else(|| format!("no {column} (the cell is empty or NA)"))?;
    match text.parse::<u64>() {
        Ok(n) => Ok(n as f64),
        Err(_) => Err(format!(
            "{column} \"{text}\" is not a whole number of deaths"
        )),
    }
}

/// Monadic exports list an event once per actor: one event per id, with every actor.
fn merge_monadic(events: Vec<Event>) -> Vec<Event> {
    let mut merged: Vec<Event> = Vec::with_capacity(events.len());
    let mut index = std::collections::HashMap::new();
    for event in events {
        match index.get(&event.id) {
            Some(&i) => {
                let existing: &mut Event = &mut merged[i];
                for actor in event.actors {
                    if !existing.actors.contains(&actor) {
                        existing.actors.push(actor);
                    }
                }
            }
            None => {
                index.insert(event.id.clone(), merged.len());
                merged.push(event);
            }
        }
    }
    merged
}

/// The 1-based line where each data record starts, for the records asked for. Quoted
/// cells may hold line breaks (ACLED notes), so lines are counted outside quotes only.
pub fn lines_of(path: &Path, records: &[usize]) -> Vec<Option<usize>> {
    let Ok(bytes) = std::fs::read(path) else {
        return vec![None; records.len()];
    };
    let wanted_max = records.iter().copied().max().unwrap_or(0);
    let mut starts = vec![1usize];
    let mut line = 1;
    let mut quoted = false;
    for &b in &bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' => {
                line += 1;
                if !quoted {
                    starts.push(line);
                    if starts.len() > wanted_max + 1 {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    records.iter().map(|&r| starts.get(r).copied()).collect()
}
