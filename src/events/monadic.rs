//! Monadic ACLED events (one row per actor) joined by their id while the file is read,
//! held compactly: names are interned, so an event costs a few dozen bytes however
//! many rows and actors it has, and what an event is never depends on row order.

use hashbrown::HashTable;
use polars::prelude::PlRandomState;
use smallvec::SmallVec;
use std::hash::BuildHasher;

use super::event::EventRef;
use super::rows::Fields;

/// Strings stored once, end to end in one buffer, each known by its number (the order
/// it was first seen in): millions of event ids cost their bytes and two words each.
#[derive(Default)]
struct Strings {
    text: String,
    /// Where each string ends in `text`; it starts where the one before ends.
    ends: Vec<usize>,
    /// The strings' numbers, found by hashing their text.
    table: HashTable<u32>,
    hasher: PlRandomState,
}

/// String `n` of a buffer and its ends.
fn nth<'a>(text: &'a str, ends: &[usize], n: u32) -> &'a str {
    let n = n as usize;
    let start = if n == 0 { 0 } else { ends[n - 1] };
    &text[start..ends[n]]
}

impl Strings {
    fn get(&self, n: u32) -> &str {
        nth(&self.text, &self.ends, n)
    }

    /// The string's number, and whether it is new.
    fn intern(&mut self, s: &str) -> (u32, bool) {
        let hash = self.hasher.hash_one(s);
        let (text, ends) = (&self.text, &self.ends);
        if let Some(&n) = self.table.find(hash, |&n| nth(text, ends, n) == s) {
            return (n, false);
        }
        let n = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.text.push_str(s);
        self.ends.push(self.text.len());
        let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
        self.table
            .insert_unique(hash, n, |&m| hasher.hash_one(nth(text, ends, m)));
        (n, true)
    }
}

/// No sub-event type.
const NONE: u32 = u32::MAX;

/// Events are stored in chunks of this many, so that growing never copies them all
/// (a doubling vector would briefly hold twice the events).
const CHUNK: usize = 1 << 16;

/// One event, its names as numbers.
struct Held {
    year: i32,
    month: u32,
    fatalities: f64,
    country: u32,
    kind: u32,
    civilians: bool,
    /// The newest of its rows' stamps.
    stamp: i64,
    /// Every actor named in any of its rows, each once.
    actors: SmallVec<[u32; 4]>,
}

/// The monadic events of an export, joined by id.
#[derive(Default)]
pub(super) struct Monadic {
    /// Event ids; an event's number is its place in `events`.
    ids: Strings,
    actors: Strings,
    countries: Strings,
    kinds: Strings,
    /// The events in chunks of [`CHUNK`], by number.
    events: Vec<Vec<Held>>,
    count: usize,
}

impl Monadic {
    /// Adds one row: a new event, or more actors for one already seen. Where two rows
    /// of an event disagree (they should not), the earlier month, the larger number of
    /// deaths, civilian targeting if either says so, and the first name in alphabetical
    /// order are kept, so that sorting the file changes nothing.
    pub(super) fn add(&mut self, fields: &Fields, actors: &[&str]) {
        let (n, new) = self.ids.intern(fields.id);
        let country = self.countries.intern(fields.country).0;
        let kind = fields.kind.map_or(NONE, |k| self.kinds.intern(k).0);
        let mut names: SmallVec<[u32; 4]> = SmallVec::new();
        for actor in actors {
            let a = self.actors.intern(actor).0;
            if !names.contains(&a) {
                names.push(a);
            }
        }
        if new {
            if self.count.is_multiple_of(CHUNK) {
                self.events.push(Vec::with_capacity(CHUNK));
            }
            self.count += 1;
            let chunk = self.events.last_mut().expect("a chunk was just made");
            chunk.push(Held {
                year: fields.year,
                month: fields.month,
                fatalities: fields.fatalities,
                country,
                kind,
                civilians: fields.civilians,
                stamp: fields.stamp,
                actors: names,
            });
            return;
        }
        let first = |a: u32, b: u32, strings: &Strings| {
            if a == b || strings.get(a) <= strings.get(b) {
                a
            } else {
                b
            }
        };
        let (chunk, at) = (n as usize / CHUNK, n as usize % CHUNK);
        let held = &self.events[chunk][at];
        let country = first(held.country, country, &self.countries);
        let kind = match (held.kind, kind) {
            (NONE, k) | (k, NONE) => k,
            (a, b) => first(a, b, &self.kinds),
        };
        let held = &mut self.events[chunk][at];
        held.country = country;
        held.kind = kind;
        if (fields.year, fields.month) < (held.year, held.month) {
            (held.year, held.month) = (fields.year, fields.month);
        }
        held.fatalities = held.fatalities.max(fields.fatalities);
        held.civilians |= fields.civilians;
        held.stamp = held.stamp.max(fields.stamp);
        for a in names {
            if !held.actors.contains(&a) {
                held.actors.push(a);
            }
        }
    }

    /// How many events are held.
    pub(super) fn len(&self) -> usize {
        self.count
    }

    /// Passes each event on, in the order their first rows came.
    pub(super) fn drain(self, sink: &mut dyn FnMut(&EventRef)) {
        let mut actors: Vec<&str> = Vec::new();
        for (n, held) in self.events.iter().flatten().enumerate() {
            actors.clear();
            actors.extend(held.actors.iter().map(|&a| self.actors.get(a)));
            sink(&EventRef {
                id: self.ids.get(n as u32),
                year: held.year,
                month: held.month,
                country: self.countries.get(held.country),
                // A monadic export keeps no trace of which actor was actor1.
                initiator: "",
                actors: &actors,
                fatalities: held.fatalities,
                fatalities_range: None,
                civilian_targeting: held.civilians,
                kind: (held.kind != NONE).then(|| self.kinds.get(held.kind)),
                stamp: held.stamp,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_numbered_in_the_order_first_seen() {
        let mut strings = Strings::default();
        assert_eq!(strings.intern("MLI1"), (0, true));
        assert_eq!(strings.intern("BFO2"), (1, true));
        assert_eq!(strings.intern("MLI1"), (0, false));
        assert_eq!(strings.get(0), "MLI1");
        assert_eq!(strings.get(1), "BFO2");
        for i in 0..10_000 {
            strings.intern(&format!("E{i}"));
        }
        assert_eq!(strings.intern("E9999"), (10_001, false));
        assert_eq!(strings.get(10_001), "E9999");
    }

    fn row<'a>(month: u32, country: &'a str, fatalities: f64, civilians: bool) -> Fields<'a> {
        Fields {
            id: "MLI7",
            year: 2024,
            month,
            date: (2024, month, 1),
            country,
            initiator: "",
            fatalities,
            range: None,
            civilians,
            kind: None,
            stamp: 0,
        }
    }

    /// What an event drains as: month, country, deaths, civilians and actors (sorted).
    fn drained(monadic: Monadic) -> Vec<String> {
        let mut out = Vec::new();
        monadic.drain(&mut |e| {
            let mut actors = e.actors.to_vec();
            actors.sort();
            out.push(format!(
                "{} {} {} {} {}",
                e.month,
                e.country,
                e.fatalities,
                e.civilian_targeting,
                actors.join("|")
            ));
        });
        out
    }

    #[test]
    fn an_event_is_the_same_whatever_the_order_of_its_rows() {
        let rows = [
            (row(3, "Mali", 4.0, false), vec!["JNIM", "Katiba Macina"]),
            (
                row(2, "Burkina Faso", 5.0, false),
                vec!["Military Forces of Mali"],
            ),
            (row(3, "Mali", 4.0, true), vec!["JNIM"]),
        ];
        let orders = [
            [0, 1, 2],
            [0, 2, 1],
            [1, 0, 2],
            [1, 2, 0],
            [2, 0, 1],
            [2, 1, 0],
        ];
        let mut seen = Vec::new();
        for order in orders {
            let mut monadic = Monadic::default();
            for i in order {
                monadic.add(&rows[i].0, &rows[i].1);
            }
            assert_eq!(monadic.len(), 1);
            seen.push(drained(monadic));
        }
        assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
        assert_eq!(
            seen[0],
            ["2 Burkina Faso 5 true JNIM|Katiba Macina|Military Forces of Mali"]
        );
    }
}
