//! One row of an export as an event: its cells read by role (the same roles in ACLED
//! and UCDP), checked (a date, a whole number of deaths), its actors listed, or the
//! reason it cannot be used.

use std::collections::HashMap;

use super::dates::{self, Date, DateOrder, OrderBy};
use super::event::EventRef;

/// The parsed fields of a row, before its actors are attached.
#[derive(Clone)]
pub(super) struct Fields<'a> {
    /// ACLED's `event_id_cnty`, UCDP's `id`.
    pub(super) id: &'a str,
    pub(super) year: i32,
    pub(super) month: u32,
    pub(super) date: Date,
    pub(super) country: &'a str,
    pub(super) initiator: &'a str,
    pub(super) fatalities: f64,
    pub(super) range: Option<(f64, f64)>,
    pub(super) civilians: bool,
    /// ACLED's `sub_event_type`, e.g. "Agreement".
    pub(super) kind: Option<&'a str>,
    /// The version of the row's record (see `EventRef::stamp`).
    pub(super) stamp: i64,
}

impl<'a> Fields<'a> {
    pub(super) fn with<'b>(&self, actors: &'b [&'a str]) -> EventRef<'b>
    where
        'a: 'b,
    {
        EventRef {
            id: self.id,
            year: self.year,
            month: self.month,
            country: self.country,
            initiator: self.initiator,
            actors,
            fatalities: self.fatalities,
            fatalities_range: self.range,
            civilian_targeting: self.civilians,
            kind: self.kind,
            stamp: self.stamp,
        }
    }
}

/// Where each needed column sits in a row, by role; `None` when the format lacks it.
pub(super) struct Index {
    pub(super) id: Option<usize>,
    pub(super) date: Option<usize>,
    pub(super) year: Option<usize>,
    pub(super) actor1: Option<usize>,
    pub(super) actor2: Option<usize>,
    pub(super) assoc1: Option<usize>,
    pub(super) assoc2: Option<usize>,
    pub(super) country: Option<usize>,
    pub(super) fatalities: Option<usize>,
    pub(super) civilians: Option<usize>,
    /// ACLED's `event_type`, read only when there is no `civilian_targeting` column.
    pub(super) event_type: Option<usize>,
    pub(super) kind: Option<usize>,
    pub(super) violence: Option<usize>,
    pub(super) best: Option<usize>,
    pub(super) low: Option<usize>,
    pub(super) high: Option<usize>,
    /// ACLED's `timestamp`: when the row was last changed.
    pub(super) timestamp: Option<usize>,
}

impl Index {
    pub(super) fn new(positions: &HashMap<&str, usize>) -> Index {
        let at = |names: &[&str]| names.iter().find_map(|n| positions.get(n).copied());
        Index {
            id: at(&["event_id_cnty", "id"]),
            date: at(&["event_date", "date_start"]),
            year: at(&["year"]),
            actor1: at(&["actor1", "side_a"]),
            actor2: at(&["actor2", "side_b"]),
            assoc1: at(&["assoc_actor_1"]),
            assoc2: at(&["assoc_actor_2"]),
            country: at(&["country"]),
            fatalities: at(&["fatalities"]),
            civilians: at(&["civilian_targeting"]),
            event_type: at(&["event_type"]),
            kind: at(&["sub_event_type"]),
            violence: at(&["type_of_violence"]),
            best: at(&["best", "best_est"]),
            low: at(&["low", "low_est"]),
            high: at(&["high", "high_est"]),
            timestamp: at(&["timestamp"]),
        }
    }
}

/// One row's cells, read by role.
pub(super) struct Cells<'r, 'a> {
    pub(super) row: &'r [Option<&'a str>],
    pub(super) index: &'r Index,
    /// The order of slash dates, once known.
    pub(super) order: Option<DateOrder>,
    /// Who told that order.
    pub(super) order_by: OrderBy,
}

impl<'a> Cells<'_, 'a> {
    pub(super) fn get(&self, at: Option<usize>) -> Option<&'a str> {
        at.and_then(|i| self.row[i])
    }

    /// The event's year (the `year` column when there is one) and its date.
    fn period(&self, date_column: &str) -> Result<(i32, Date), String> {
        let when = self
            .get(self.index.date)
            .ok_or_else(|| format!("no {date_column}"))?;
        let date = dates::parse(when, self.order).ok_or_else(|| match self.order {
            Some(order) if when.contains('/') => {
                let by = self.order_by.describe();
                format!(
                    "{date_column} \"{when}\" is not a date in {} order ({by})",
                    order.describe()
                )
            }
            _ => format!(
                "{date_column} \"{when}\" is not a date (2025-05-16, 16 May 2025 or 9-May-20)"
            ),
        })?;
        // The `year` column must say the date's year: a year of its own (99999, 0)
        // would count the event where it did not happen.
        if let Some(text) = self.get(self.index.year) {
            let year: Option<i32> = text
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| text.parse().ok())
                .flatten();
            match year {
                Some(year) if year == date.0 => {}
                Some(_) => {
                    return Err(format!(
                        "year \"{text}\" is not the year of {date_column} \"{when}\" ({})",
                        date.0
                    ))
                }
                None => return Err(format!("year \"{text}\" is not a year")),
            }
        }
        Ok((date.0, date))
    }
}

pub(super) fn acled<'a>(
    cells: &Cells<'_, 'a>,
    actors: &mut Vec<&'a str>,
) -> Result<Fields<'a>, String> {
    let ix = cells.index;
    let id = cells.get(ix.id).ok_or("no event_id_cnty")?;
    let (year, date) = cells.period("event_date")?;
    let fatalities = count(cells.get(ix.fatalities), "fatalities")?;
    let initiator = cells.get(ix.actor1).ok_or("no actor1")?;
    actors.push(initiator);
    actors.extend(cells.get(ix.actor2));
    for list in [cells.get(ix.assoc1), cells.get(ix.assoc2)]
        .into_iter()
        .flatten()
    {
        actors.extend(
            list.split(';')
                .map(str::trim_ascii)
                .filter(|a| !a.is_empty()),
        );
    }
    Ok(Fields {
        id,
        year,
        month: date.1,
        date,
        country: cells.get(ix.country).unwrap_or_default(),
        initiator,
        fatalities,
        range: None,
        civilians: match ix.civilians {
            Some(_) => cells.get(ix.civilians).is_some(),
            // Before 2023 ACLED marks attacks on civilians only by their event type.
            None => cells.get(ix.event_type) == Some("Violence against civilians"),
        },
        kind: cells.get(ix.kind),
        // Set by the reading from the row's `timestamp` or the file's version.
        stamp: 0,
    })
}

pub(super) fn ucdp<'a>(
    cells: &Cells<'_, 'a>,
    website: bool,
    actors: &mut Vec<&'a str>,
) -> Result<Fields<'a>, String> {
    let ix = cells.index;
    let (b, l, h) = if website {
        ("best_est", "low_est", "high_est")
    } else {
        ("best", "low", "high")
    };
    let id = cells.get(ix.id).ok_or("no id")?;
    let (year, date) = cells.period("date_start")?;
    let best = count(cells.get(ix.best), b)?;
    let range = (count(cells.get(ix.low), l)?, count(cells.get(ix.high), h)?);
    let initiator = cells.get(ix.actor1).ok_or("no side_a")?;
    actors.push(initiator);
    actors.extend(cells.get(ix.actor2));
    Ok(Fields {
        id,
        year,
        month: date.1,
        date,
        country: cells.get(ix.country).unwrap_or_default(),
        initiator,
        fatalities: best,
        range: Some(range),
        civilians: cells.get(ix.violence) == Some("3"),
        kind: None,
        stamp: 0,
    })
}

/// More deaths than any one event has had (an export's largest are in the hundreds of
/// thousands): a figure beyond it is a slip, left out with its line.
const MOST_DEATHS: u64 = 10_000_000;

/// A non-negative whole number of deaths.
fn count(text: Option<&str>, column: &str) -> Result<f64, String> {
    let text = text.ok_or_else(|| format!("no {column} (the cell is empty or NA)"))?;
    // Digits only: "+5" or "5.0" is not what the column holds.
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse::<u64>() {
        Ok(n) if digits && n > MOST_DEATHS => Err(format!(
            "{column} \"{text}\" is more deaths than any one event has had"
        )),
        Ok(n) if digits => Ok(n as f64),
        _ if digits => Err(format!(
            "{column} \"{text}\" is more deaths than any one event has had"
        )),
        _ => Err(format!(
            "{column} \"{text}\" is not a whole number of deaths"
        )),
    }
}
