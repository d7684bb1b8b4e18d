//! What one reading of an export gives: every group's counts per country and month,
//! every actor's events and deaths (where the export looked), sub-event types when asked,
//! and what was read. Event metrics, events claims and the `events` table all ask it
//! through one query.

use std::collections::BTreeMap;

use serde::Serialize;

use super::cover::{Cover, Coverage};
use super::dates::Date;
use super::found::Export;
use super::sums::{CountryKey, EventMeasure, GroupKey, KindKey, Month, Tally, Total};
use super::tally::Tallied;

/// What a query asks of the counts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Query<'a> {
    /// The group counted; every actor when `None` (events and deaths only).
    pub(crate) group: Option<&'a str>,
    /// The countries as the export names them, summed; every country when empty.
    pub(crate) countries: &'a [String],
    /// The months counted, both included.
    pub(crate) from: Month,
    pub(crate) to: Month,
    pub(crate) measure: EventMeasure,
    /// The large-scale threshold, for `LargeAttacks`: one of the reading's thresholds.
    pub(crate) large: u32,
    /// Only events of this ACLED `sub_event_type`, for a group's events and deaths.
    pub(crate) kind: Option<&'a str>,
}

/// A query's answer: the count, and for UCDP deaths the sum of the low and high estimates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Counted {
    pub(crate) value: f64,
    pub(crate) range: Option<(f64, f64)>,
}

/// A row left out of the counts: its data-record number, the line it starts on when
/// known, and why.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LeftOut {
    /// The file it is in.
    pub(crate) file: String,
    pub(crate) record: usize,
    pub(crate) line: Option<usize>,
    pub(crate) reason: String,
}

/// One file read: its name and which state of its source it holds, for every output
/// to name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Provenance {
    pub(crate) name: String,
    /// SHA-256 of the file's bytes as on disk, unless `--no-hash`.
    pub(crate) hash: Option<String>,
    /// The first and last dates of its events used.
    pub(crate) span: Option<(Date, Date)>,
    /// ACLED's latest `timestamp` (Unix seconds) among its rows used.
    pub(crate) updated: Option<i64>,
    /// The UCDP GED version its name gives.
    pub(crate) version: Option<String>,
    /// How it was packed: the zip member or workbook sheet read.
    pub(crate) container: super::source::Container,
}

/// The counts of one reading of an export.
pub(crate) struct Counts {
    /// The export's path as the user gave it.
    pub(crate) file: String,
    /// Its file name, as outputs and input keys name it.
    pub(crate) name: String,
    pub(crate) export: Export,
    /// The first rows left out, with their lines (the rest are counted in `export.bad`).
    pub(crate) left_out: Vec<LeftOut>,
    /// Each file read, and which state of its source it holds.
    pub(crate) provenance: Vec<Provenance>,
    /// The large-scale thresholds counted, ascending.
    pub(crate) thresholds: Vec<u32>,
    pub(crate) groups: BTreeMap<GroupKey, Tally>,
    /// Every actor's events and deaths per country and month.
    pub(crate) all: BTreeMap<CountryKey, Total>,
    /// Each group's events and deaths per sub-event type; empty when the export has no
    /// types or they were not asked for.
    pub(crate) kinds: BTreeMap<KindKey, Total>,
    /// Whether sub-event types were read.
    pub(crate) with_kinds: bool,
    /// The actors that matched no group, with the events naming them, most first.
    pub(crate) unmatched: Vec<(String, u64)>,
    /// The units counted as the group they are named after, most events first.
    pub(crate) units: Vec<(String, String, u64)>,
    /// How many files were read, and the events found in more than one (counted once).
    pub(crate) files: usize,
    pub(crate) duplicates: u64,
    /// Each file's dates and countries: what coverage is judged from, per country.
    pub(crate) coverage: Coverage,
}

/// One row of the `events` table: a group in a country over a year or a month.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct CountRow {
    pub(crate) group: String,
    pub(crate) country: String,
    /// "2025", or "2025-03" by month.
    pub(crate) period: String,
    pub(crate) events: u64,
    /// `None` where the export cannot say (UCDP, monadic ACLED).
    pub(crate) initiated: Option<u64>,
    pub(crate) joint: u64,
    pub(crate) fatalities: f64,
    pub(crate) fatalities_low: Option<f64>,
    pub(crate) fatalities_high: Option<f64>,
    pub(crate) large_attacks: Option<u64>,
    pub(crate) civilian_targeting: Option<u64>,
    /// Change in `events` against the previous period, in percent; none without one.
    pub(crate) events_change_pct: Option<f64>,
    /// Events with at least the large-scale threshold's deaths, whoever attacked.
    pub(crate) deadly_events: u64,
}

impl Counts {
    /// The counts of one file (`export::count` gives several their own coverage).
    pub(crate) fn new(file: String, name: String, export: Export, tallied: Tallied) -> Counts {
        let mut countries: Vec<String> = tallied
            .all
            .keys()
            .map(|k| k.country.clone())
            .chain(tallied.groups.keys().map(|k| k.country.clone()))
            .collect();
        countries.sort();
        countries.dedup();
        let coverage = Coverage {
            files: export
                .span
                .map(|span| Cover {
                    file: name.clone(),
                    span,
                    countries,
                    cannot: export.unavailable.iter().map(|(m, _)| *m).collect(),
                })
                .into_iter()
                .collect(),
        };
        Counts {
            file,
            name,
            export,
            left_out: Vec::new(),
            provenance: Vec::new(),
            thresholds: Vec::new(),
            groups: tallied.groups,
            all: tallied.all,
            kinds: tallied.kinds,
            with_kinds: false,
            unmatched: tallied.unmatched,
            units: tallied.units,
            files: 1,
            duplicates: 0,
            coverage,
        }
    }

    /// Why the export cannot count `measure`, if it cannot.
    pub(crate) fn unavailable(&self, measure: EventMeasure) -> Option<&str> {
        self.export
            .unavailable
            .iter()
            .find(|(m, _)| *m == measure)
            .map(|(_, why)| why.as_str())
    }

    /// Why the export cannot count `measure` in `countries` (in any country, when
    /// there are none), if it cannot: only a file that holds them can take it away.
    pub(crate) fn unavailable_in(
        &self,
        measure: EventMeasure,
        countries: &[String],
    ) -> Option<&str> {
        self.unavailable(measure)
            .filter(|_| self.coverage.cannot(measure, countries))
    }

    /// The days of `year` the files holding `country` cover.
    pub(crate) fn days_covered(&self, year: i32, country: &str) -> u32 {
        self.coverage.days(year, Some(country))
    }

    /// Whether the export has any event, by any actor, in `country` from the month
    /// `from` to the month `to`: where it looked, so that no event there means none.
    pub(crate) fn has_events(&self, country: &str, from: Month, to: Month) -> bool {
        self.all
            .keys()
            .any(|k| k.country.eq_ignore_ascii_case(country) && from <= k.month && k.month <= to)
    }

    /// The measure a query asks for, summed over its group, countries and months; an
    /// error when the export cannot give it (no sub-event types).
    pub(crate) fn query(&self, q: &Query) -> Result<Counted, String> {
        if let Some(why) = self.unavailable_in(q.measure, q.countries) {
            return Err(format!(
                "{}: {} is not available: {why}",
                self.file,
                q.measure.id()
            ));
        }
        let wanted = |country: &str, month: Month| {
            q.from <= month
                && month <= q.to
                && (q.countries.is_empty()
                    || q.countries.iter().any(|c| c.eq_ignore_ascii_case(country)))
        };
        let value: f64 = match (q.group, q.kind) {
            (None, _) => self
                .all
                .iter()
                .filter(|(k, _)| wanted(&k.country, k.month))
                .map(|(_, t)| t.measure(q.measure))
                .sum(),
            (Some(group), Some(kind)) => {
                if !self.with_kinds || self.kinds.is_empty() {
                    return Err(format!(
                        "{} has no sub_event_type column (UCDP exports, and ACLED's before 2019, have none)",
                        self.file
                    ));
                }
                self.kinds
                    .iter()
                    .filter(|(k, _)| {
                        k.group == group
                            && k.kind.eq_ignore_ascii_case(kind)
                            && wanted(&k.country, k.month)
                    })
                    .map(|(_, t)| t.measure(q.measure))
                    .sum()
            }
            (Some(group), None) => {
                let tally = self.tally(|k| k.group == group && wanted(&k.country, k.month));
                return Ok(self.measured(&tally, q));
            }
        };
        // An empty sum is -0.0: a count of nothing is 0.
        Ok(Counted {
            value: value + 0.0,
            range: None,
        })
    }

    /// The sum of the group tallies whose key passes `keep`.
    fn tally(&self, keep: impl Fn(&GroupKey) -> bool) -> Tally {
        let mut sum = Tally::new(
            self.thresholds.len(),
            self.uncertain().then_some((0.0, 0.0)),
        );
        for (_, tally) in self.groups.iter().filter(|(k, _)| keep(k)) {
            sum.merge(tally);
        }
        sum
    }

    /// Whether the export gives deaths as a range (UCDP's low and high).
    fn uncertain(&self) -> bool {
        self.groups
            .values()
            .next()
            .is_some_and(|t| t.fatalities_low.is_some())
    }

    fn measured(&self, tally: &Tally, q: &Query) -> Counted {
        let at_threshold = |counts: &[u64]| {
            self.thresholds
                .iter()
                .position(|&t| t == q.large)
                .and_then(|i| counts.get(i).copied())
                .unwrap_or(0)
        };
        let value = match q.measure {
            EventMeasure::Events => tally.events as f64,
            EventMeasure::Initiated => tally.initiated as f64,
            EventMeasure::Joint => tally.joint as f64,
            EventMeasure::Fatalities => tally.fatalities,
            EventMeasure::LargeAttacks => at_threshold(&tally.large) as f64,
            EventMeasure::DeadlyEvents => at_threshold(&tally.deadly) as f64,
            EventMeasure::CivilianTargeting => tally.civilian_targeting as f64,
        };
        let range = match (q.measure, tally.fatalities_low, tally.fatalities_high) {
            (EventMeasure::Fatalities, Some(low), Some(high)) => Some((low, high)),
            _ => None,
        };
        Counted {
            value: value + 0.0,
            range,
        }
    }

    /// The `events` table: each group in each country per year (or per month), with
    /// the change against the previous period, counted at the reading's first threshold.
    pub(crate) fn rows(&self, by_month: bool) -> Vec<CountRow> {
        let mut periods: BTreeMap<(String, String, Month), Tally> = BTreeMap::new();
        for (key, tally) in &self.groups {
            let period = if by_month {
                key.month
            } else {
                (key.month.0, 0)
            };
            let entry = (key.group.clone(), key.country.clone(), period);
            match periods.get_mut(&entry) {
                Some(sum) => sum.merge(tally),
                None => {
                    periods.insert(entry, tally.clone());
                }
            }
        }
        periods
            .iter()
            .map(|((group, country, period), tally)| {
                let before = previous(*period, by_month);
                // A change between periods the export covers unequally says nothing.
                let comparable =
                    self.covers_whole(country, *period) && self.covers_whole(country, before);
                let change = periods
                    .get(&(group.clone(), country.clone(), before))
                    .map(|t| t.events)
                    .filter(|&p| p > 0 && comparable)
                    .map(|p| (tally.events as f64 - p as f64) / p as f64 * 100.0);
                CountRow {
                    group: group.clone(),
                    country: country.clone(),
                    period: label(*period),
                    events: tally.events,
                    initiated: self.available(EventMeasure::Initiated, country, tally.initiated),
                    joint: tally.joint,
                    fatalities: tally.fatalities,
                    fatalities_low: tally.fatalities_low,
                    fatalities_high: tally.fatalities_high,
                    large_attacks: self.available(
                        EventMeasure::LargeAttacks,
                        country,
                        tally.large.first().copied().unwrap_or(0),
                    ),
                    civilian_targeting: self.available(
                        EventMeasure::CivilianTargeting,
                        country,
                        tally.civilian_targeting,
                    ),
                    events_change_pct: change,
                    deadly_events: tally.deadly.first().copied().unwrap_or(0),
                }
            })
            .collect()
    }
}

impl Counts {
    /// Whether the files holding `country` run over the whole of a period: a year
    /// (month 0) or a month.
    pub(crate) fn covers_whole(&self, country: &str, (year, month): Month) -> bool {
        let (start, end) = if month == 0 {
            ((year, 1, 1), (year, 12, 31))
        } else {
            (
                (year, month, 1),
                (year, month, super::dates::days_in_month(year, month)),
            )
        };
        self.coverage.covers(Some(country), start, end)
    }

    /// `count` when the files holding `country` can say it.
    fn available(&self, measure: EventMeasure, country: &str, count: u64) -> Option<u64> {
        let countries = [country.to_string()];
        self.unavailable_in(measure, &countries)
            .is_none()
            .then_some(count)
    }
}

/// The period before: the previous month, or the previous year (month 0).
fn previous((year, month): Month, by_month: bool) -> Month {
    match (by_month, month) {
        (false, _) => (year - 1, 0),
        (true, 1) => (year - 1, 12),
        (true, m) => (year, m - 1),
    }
}

fn label((year, month): Month) -> String {
    if month == 0 {
        year.to_string()
    } else {
        format!("{year}-{month:02}")
    }
}
