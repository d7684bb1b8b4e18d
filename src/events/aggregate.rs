//! Counts per group, country and period: events involving the group, events it
//! initiated, joint attributions (apart), fatalities, large-scale attacks (initiated
//! events with at least N fatalities), events targeting civilians, and the change in
//! events against the previous period.

use std::collections::BTreeMap;

use serde::Serialize;

use super::matching::{Attribution, Matcher};
use super::read::Event;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Fatalities from which an initiated event is a large-scale attack.
    pub large: f64,
    pub by_month: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregate {
    pub group: String,
    pub country: String,
    pub period: String,
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

/// The period key: (year, month or 0).
type Period = (i32, u32);

pub fn aggregate(events: &[Event], matcher: &Matcher, options: Options) -> Vec<Aggregate> {
    let mut table: BTreeMap<(String, String, Period), Aggregate> = BTreeMap::new();
    for event in events {
        let period: Period = (event.year, if options.by_month { event.month } else { 0 });
        for g in 0..matcher.len() {
            let mut sole = false;
            let mut joint = false;
            for actor in &event.actors {
                match matcher.attribution(g, actor) {
                    Some(Attribution::Sole) => sole = true,
                    Some(Attribution::Joint) => joint = true,
                    None => {}
                }
            }
            if !sole && !joint {
                continue;
            }
            let key = (matcher.id(g).to_string(), event.country.clone(), period);
            let row = table.entry(key).or_insert_with(|| Aggregate {
                group: matcher.id(g).to_string(),
                country: event.country.clone(),
                period: label(period),
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
            if !sole {
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
            if matcher.attribution(g, &event.initiator) == Some(Attribution::Sole) {
                row.initiated += 1;
                if event.fatalities >= options.large {
                    row.large_attacks += 1;
                }
            }
            if event.civilian_targeting {
                row.civilian_targeting += 1;
            }
        }
    }
    let previous: BTreeMap<(String, String, Period), u64> =
        table.iter().map(|(k, v)| (k.clone(), v.events)).collect();
    let mut out: Vec<Aggregate> = Vec::with_capacity(table.len());
    for ((group, country, period), mut row) in table {
        let before = if options.by_month {
            if period.1 == 1 {
                (period.0 - 1, 12)
            } else {
                (period.0, period.1 - 1)
            }
        } else {
            (period.0 - 1, 0)
        };
        if let Some(&prev) = previous.get(&(group, country, before)).filter(|&&p| p > 0) {
            row.events_change_pct = Some((row.events as f64 - prev as f64) / prev as f64 * 100.0);
        }
        out.push(row);
    }
    out
}

fn label((year, month): Period) -> String {
    if month == 0 {
        year.to_string()
    } else {
        format!("{year}-{month:02}")
    }
}
