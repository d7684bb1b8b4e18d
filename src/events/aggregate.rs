//! Counts per group, country and period: events involving the group, events it
//! initiated, joint attributions (apart), fatalities, large-scale attacks (initiated
//! events with at least N fatalities), events targeting civilians, and the change in
//! events against the previous period.

use std::collections::BTreeMap;

// polars' hash map (foldhash/ahash-style hashing): actor names are looked up millions of times.
use polars::prelude::PlHashMap as HashMap;

use serde::Serialize;

use super::matching::{Attribution, Matcher};

#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Fatalities from which an initiated event is a large-scale attack.
    pub large: f64,
    pub by_month: bool,
    /// Also count each group's events and deaths per ACLED `sub_event_type`.
    pub by_kind: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregate {
    pub group: String,
    pub country: String,
    /// "2025", or "2025-03" by month.
    pub period: String,
    /// The same period as numbers: (year, month), month 0 for a whole year.
    #[serde(skip)]
    pub when: Period,
    pub events: u64,
    pub initiated: u64,
    pub joint: u64,
    pub fatalities: f64,
    pub fatalities_low: Option<f64>,
    pub fatalities_high: Option<f64>,
    pub large_attacks: u64,
    pub civilian_targeting: u64,
    /// Change in `events` against the previous period, in percent; none without one.
    pub events_change_pct: Option<f64>,
}

/// Every actor's events and deaths in a country and month.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Total {
    pub events: u64,
    pub fatalities: f64,
}

impl Total {
    /// Its deaths for `fatalities`, its events otherwise (the only two it holds).
    pub fn measure(&self, fatalities: bool) -> f64 {
        if fatalities {
            self.fatalities
        } else {
            self.events as f64
        }
    }
}

/// Every actor's events and deaths per (country, year, month).
pub type Totals = Vec<((String, i32, u32), Total)>;

/// Whether the export has any event, by any actor, in `country` from the month `from`
/// to the month `to`: where it looked, so that no event there means none.
pub fn has_events(totals: &Totals, country: &str, from: (i32, u32), to: (i32, u32)) -> bool {
    totals.iter().any(|((name, year, month), _)| {
        name.eq_ignore_ascii_case(country) && from <= (*year, *month) && (*year, *month) <= to
    })
}

/// A group's events and deaths of one sub-event type in a country and month.
#[derive(Debug, Clone, PartialEq)]
pub struct KindCount {
    pub group: String,
    pub country: String,
    pub month: (i32, u32),
    pub kind: String,
    pub total: Total,
}

/// The period key: (year, month or 0).
pub type Period = (i32, u32);

/// One event as the aggregation sees it, borrowing from the export's columns.
pub struct EventRef<'a> {
    pub year: i32,
    pub month: u32,
    pub country: &'a str,
    /// The actor that initiated it (ACLED `actor1`, UCDP `side_a`).
    pub initiator: &'a str,
    /// Every actor named, the initiator first.
    pub actors: &'a [&'a str],
    pub fatalities: f64,
    pub fatalities_range: Option<(f64, f64)>,
    pub civilian_targeting: bool,
    /// ACLED's `sub_event_type`, when the export has one.
    pub kind: Option<&'a str>,
}

/// Counts events as they are read, so the export never has to be held as events.
pub struct Aggregator<'m> {
    matcher: &'m Matcher,
    options: Options,
    /// Each actor name seen, with the index of the groups it names in `classes`:
    /// exports repeat a few hundred names millions of times.
    actor_class: HashMap<String, usize>,
    classes: Vec<Vec<(usize, Attribution)>>,
    /// Countries as small numbers, so a key costs no allocation.
    countries: HashMap<String, usize>,
    country_names: Vec<String>,
    table: HashMap<(usize, usize, Period), Aggregate>,
    /// Every actor's events and deaths per (country, year, month): where the export
    /// looked (no event there means none, not "not in the export"), and the totals
    /// claims about all violence are checked against.
    all: HashMap<(usize, i32, u32), Total>,
    /// With `by_kind`: each group's events and deaths per (group, country, year, month,
    /// sub-event type), the types interned in `kind_names`.
    kinds: HashMap<(usize, usize, i32, u32, usize), Total>,
    kind_ids: HashMap<String, usize>,
    kind_names: Vec<String>,
    /// Per group, for the event being added: 0 not involved, 1 jointly only, 2 alone.
    involvement: Vec<u8>,
}

impl<'m> Aggregator<'m> {
    pub fn new(matcher: &'m Matcher, options: Options) -> Self {
        Aggregator {
            matcher,
            options,
            actor_class: HashMap::default(),
            classes: Vec::new(),
            countries: HashMap::default(),
            country_names: Vec::new(),
            table: HashMap::default(),
            all: HashMap::default(),
            kinds: HashMap::default(),
            kind_ids: HashMap::default(),
            kind_names: Vec::new(),
            involvement: vec![0; matcher.len()],
        }
    }

    fn class_of(&mut self, actor: &str) -> usize {
        if let Some(&class) = self.actor_class.get(actor) {
            return class;
        }
        let found = (0..self.matcher.len())
            .filter_map(|g| self.matcher.attribution(g, actor).map(|a| (g, a)))
            .collect();
        self.classes.push(found);
        self.actor_class
            .insert(actor.to_string(), self.classes.len() - 1);
        self.classes.len() - 1
    }

    fn country_of(&mut self, name: &str) -> usize {
        if let Some(&id) = self.countries.get(name) {
            return id;
        }
        self.country_names.push(name.to_string());
        self.countries
            .insert(name.to_string(), self.country_names.len() - 1);
        self.country_names.len() - 1
    }

    pub fn add(&mut self, event: &EventRef) {
        let period: Period = (
            event.year,
            if self.options.by_month {
                event.month
            } else {
                0
            },
        );
        let country = self.country_of(event.country);
        let total = self
            .all
            .entry((country, event.year, event.month))
            .or_default();
        total.events += 1;
        total.fatalities += event.fatalities;
        self.involvement.iter_mut().for_each(|i| *i = 0);
        let mut any = false;
        for actor in event.actors {
            let class = self.class_of(actor);
            for &(g, attribution) in &self.classes[class] {
                let level = if attribution == Attribution::Sole {
                    2
                } else {
                    1
                };
                self.involvement[g] = self.involvement[g].max(level);
                any = true;
            }
        }
        if !any {
            return;
        }
        let initiator = self.class_of(event.initiator);
        for g in 0..self.involvement.len() {
            let level = self.involvement[g];
            if level == 0 {
                continue;
            }
            let row = self
                .table
                .entry((g, country, period))
                .or_insert_with(|| Aggregate {
                    group: self.matcher.id(g).to_string(),
                    country: event.country.to_string(),
                    period: label(period),
                    when: period,
                    events: 0,
                    initiated: 0,
                    joint: 0,
                    fatalities: 0.0,
                    fatalities_low: event.fatalities_range.map(|_| 0.0),
                    fatalities_high: event.fatalities_range.map(|_| 0.0),
                    large_attacks: 0,
                    civilian_targeting: 0,
                    events_change_pct: None,
                });
            if level == 1 {
                row.joint += 1;
                continue;
            }
            row.events += 1;
            row.fatalities += event.fatalities;
            if let (Some((low, high)), Some(l), Some(h)) = (
                event.fatalities_range,
                row.fatalities_low.as_mut(),
                row.fatalities_high.as_mut(),
            ) {
                *l += low;
                *h += high;
            }
            if self.classes[initiator].contains(&(g, Attribution::Sole)) {
                row.initiated += 1;
                if event.fatalities >= self.options.large {
                    row.large_attacks += 1;
                }
            }
            if event.civilian_targeting {
                row.civilian_targeting += 1;
            }
            if let Some(kind) = event.kind.filter(|_| self.options.by_kind) {
                let kind = match self.kind_ids.get(kind) {
                    Some(&id) => id,
                    None => {
                        self.kind_names.push(kind.to_string());
                        self.kind_ids
                            .insert(kind.to_string(), self.kind_names.len() - 1);
                        self.kind_names.len() - 1
                    }
                };
                let total = self
                    .kinds
                    .entry((g, country, event.year, event.month, kind))
                    .or_default();
                total.events += 1;
                total.fatalities += event.fatalities;
            }
        }
    }

    /// Whether this aggregator counts sub-event types (and so needs them read).
    pub fn by_kind(&self) -> bool {
        self.options.by_kind
    }

    /// Each group's events and deaths per country, month and sub-event type; `None`
    /// when no event had a type (UCDP, and ACLED before 2019, have none).
    pub fn kinds(&self) -> Option<Vec<KindCount>> {
        if self.kind_names.is_empty() {
            return None;
        }
        Some(
            self.kinds
                .iter()
                .map(|(&(g, country, year, month, kind), total)| KindCount {
                    group: self.matcher.id(g).to_string(),
                    country: self.country_names[country].clone(),
                    month: (year, month),
                    kind: self.kind_names[kind].clone(),
                    total: *total,
                })
                .collect(),
        )
    }

    /// Every actor's events and deaths per country and month.
    pub fn totals(&self) -> Totals {
        let mut out: Vec<_> = self
            .all
            .iter()
            .map(|(&(country, year, month), total)| {
                ((self.country_names[country].clone(), year, month), *total)
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// The rows in group, country and period order, with the change against the previous period.
    pub fn finish(self) -> Vec<Aggregate> {
        let by_month = self.options.by_month;
        let table: BTreeMap<(String, String, Period), Aggregate> = self
            .table
            .into_iter()
            .map(|((_, _, period), row)| ((row.group.clone(), row.country.clone(), period), row))
            .collect();
        let previous: BTreeMap<(String, String, Period), u64> =
            table.iter().map(|(k, v)| (k.clone(), v.events)).collect();
        let mut out: Vec<Aggregate> = Vec::with_capacity(table.len());
        for ((group, country, period), mut row) in table {
            let before = if by_month {
                if period.1 == 1 {
                    (period.0 - 1, 12)
                } else {
                    (period.0, period.1 - 1)
                }
            } else {
                (period.0 - 1, 0)
            };
            if let Some(&prev) = previous.get(&(group, country, before)).filter(|&&p| p > 0) {
                row.events_change_pct =
                    Some((row.events as f64 - prev as f64) / prev as f64 * 100.0);
            }
            out.push(row);
        }
        out
    }
}

fn label((year, month): Period) -> String {
    if month == 0 {
        year.to_string()
    } else {
        format!("{year}-{month:02}")
    }
}
