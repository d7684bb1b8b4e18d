//! Counting while an export is read: each event is matched to the groups it involves
//! and added to their counts per country and month, for every large-scale threshold
//! asked for at once, so the export never has to be held as events.

use std::collections::BTreeMap;

// polars' hash map (foldhash/ahash-style hashing): actor names are looked up millions of times.
use polars::prelude::PlHashMap as HashMap;

use super::event::EventRef;
use super::matching::{Attribution, Matcher};
use super::seen::Seen;
use super::sums::{CountryKey, GroupKey, KindKey, Month, Tally, Total};

/// What the counts hold once reading is done, keyed by names.
pub(crate) struct Tallied {
    pub(crate) groups: BTreeMap<GroupKey, Tally>,
    pub(crate) all: BTreeMap<CountryKey, Total>,
    pub(crate) kinds: BTreeMap<KindKey, Total>,
    /// The actors that matched no group, with the events naming them, most first.
    pub(crate) unmatched: Vec<(String, u64)>,
    /// The units counted as the group they are named after (`Taliban - Red Unit`):
    /// the actor, the group's id and the events naming it, most first.
    pub(crate) units: Vec<(String, String, u64)>,
}

/// How many actors that matched no group the summary names.
const UNMATCHED_LISTED: usize = 5;

/// Slots for recently found actors' classes (a power of two).
const RECENT: usize = 1 << 12;

/// A short fingerprint of a name: its length and its first and last eight bytes mixed.
fn fingerprint(name: &str) -> usize {
    let bytes = name.as_bytes();
    let word = |chunk: &[u8]| {
        let mut packed = [0u8; 8];
        packed[..chunk.len()].copy_from_slice(chunk);
        u64::from_le_bytes(packed)
    };
    let head = word(&bytes[..bytes.len().min(8)]);
    let tail = word(&bytes[bytes.len().saturating_sub(8)..]);
    let mixed =
        (head ^ tail.rotate_left(29) ^ bytes.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 40) as usize & (RECENT - 1)
}

/// Counts events as they are read.
pub(crate) struct Tallies<'m> {
    matcher: &'m Matcher,
    /// The large-scale thresholds, ascending: an initiated event with at least this many
    /// deaths is a large-scale attack.
    thresholds: &'m [u32],
    /// Each actor name seen, with the index of the groups it names in `classes`:
    /// exports repeat a few hundred names millions of times.
    actor_class: HashMap<String, usize>,
    classes: Vec<Vec<(usize, Attribution)>>,
    /// Each class's actor name, and the events naming it when it matches no group.
    class_names: Vec<String>,
    /// The class last found for a name, in a slot per short fingerprint of the name
    /// ([`RECENT`] when none): most look-ups end here, with one comparison of names.
    recent: Vec<usize>,
    unmatched: Vec<u64>,
    /// Each class's events when it is a unit named after a group (`Taliban - Red Unit`).
    units: Vec<u64>,
    /// Countries as small numbers, so a key costs no allocation.
    countries: HashMap<String, usize>,
    country_names: Vec<String>,
    groups: HashMap<(usize, usize, Month), Tally>,
    /// Every actor's events and deaths per (country, month): where the export looked.
    all: HashMap<(usize, Month), Total>,
    /// Each group's events and deaths per (group, country, month, sub-event type).
    kinds: HashMap<(usize, usize, Month, usize), Total>,
    kind_ids: HashMap<String, usize>,
    kind_names: Vec<String>,
    /// Per group, for the event being added: 0 not involved, 1 jointly only, 2 alone.
    involvement: Vec<u8>,
    /// The ids of the events seen, so that an event found again (in another file or the
    /// same one) is counted once; and how many were met again.
    seen: Option<Seen>,
    pub(crate) duplicates: u64,
}

impl<'m> Tallies<'m> {
    pub(crate) fn new(matcher: &'m Matcher, thresholds: &'m [u32]) -> Self {
        Tallies {
            matcher,
            thresholds,
            actor_class: HashMap::default(),
            classes: Vec::new(),
            class_names: Vec::new(),
            recent: vec![RECENT; RECENT],
            unmatched: Vec::new(),
            units: Vec::new(),
            countries: HashMap::default(),
            country_names: Vec::new(),
            groups: HashMap::default(),
            all: HashMap::default(),
            kinds: HashMap::default(),
            kind_ids: HashMap::default(),
            kind_names: Vec::new(),
            involvement: vec![0; matcher.len()],
            seen: None,
            duplicates: 0,
        }
    }

    /// Counts an event found again (in another file, or in the same one) once, by its id.
    pub(crate) fn deduplicate(&mut self) {
        self.seen = Some(Seen::new());
    }

    fn class_of(&mut self, actor: &str) -> usize {
        let slot = fingerprint(actor);
        let recent = self.recent[slot];
        if recent != RECENT && self.class_names[recent] == actor {
            return recent;
        }
        if let Some(&class) = self.actor_class.get(actor) {
            self.recent[slot] = class;
            return class;
        }
        let found = (0..self.matcher.len())
            .filter_map(|g| self.matcher.attribution(g, actor).map(|a| (g, a)))
            .collect();
        self.classes.push(found);
        self.class_names.push(actor.to_string());
        self.unmatched.push(0);
        self.units.push(0);
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

    fn kind_of(&mut self, kind: &str) -> usize {
        if let Some(&id) = self.kind_ids.get(kind) {
            return id;
        }
        self.kind_names.push(kind.to_string());
        self.kind_ids
            .insert(kind.to_string(), self.kind_names.len() - 1);
        self.kind_names.len() - 1
    }

    /// Marks in `involvement` the groups the event's actors name; whether any.
    fn involve(&mut self, actors: &[&str]) -> bool {
        self.involvement.iter_mut().for_each(|i| *i = 0);
        let mut any = false;
        for actor in actors {
            let class = self.class_of(actor);
            if self.classes[class].is_empty() {
                self.unmatched[class] += 1;
            }
            for &(g, attribution) in &self.classes[class] {
                let level = if attribution.alone() { 2 } else { 1 };
                if attribution == Attribution::Unit {
                    self.units[class] += 1;
                }
                self.involvement[g] = self.involvement[g].max(level);
                any = true;
            }
        }
        any
    }

    pub(crate) fn add(&mut self, event: &EventRef) {
        if let Some(seen) = &mut self.seen {
            if !seen.insert(event.id) {
                self.duplicates += 1;
                return;
            }
        }
        let month: Month = (event.year, event.month);
        let country = self.country_of(event.country);
        self.all.entry((country, month)).or_default().add(event);
        if !self.involve(event.actors) {
            return;
        }
        let initiator = self.class_of(event.initiator);
        let kind = event.kind.map(|k| self.kind_of(k));
        for g in 0..self.involvement.len() {
            let level = self.involvement[g];
            if level == 0 {
                continue;
            }
            let tally = self
                .groups
                .entry((g, country, month))
                .or_insert_with(|| Tally::new(self.thresholds.len(), event.fatalities_range));
            if level == 1 {
                tally.joint += 1;
                continue;
            }
            let initiated = self.classes[initiator]
                .iter()
                .any(|&(group, a)| group == g && a.alone());
            tally.add(event, initiated, self.thresholds);
            if let Some(kind) = kind {
                self.kinds
                    .entry((g, country, month, kind))
                    .or_default()
                    .add(event);
            }
        }
    }

    /// The counts keyed by group id, country name and sub-event type.
    pub(crate) fn finish(self) -> Tallied {
        let country = |c: usize| self.country_names[c].clone();
        let mut unmatched: Vec<(String, u64)> = self
            .class_names
            .iter()
            .zip(&self.unmatched)
            .filter(|(name, &n)| n > 0 && !name.is_empty())
            .map(|(name, &n)| (name.clone(), n))
            .collect();
        unmatched.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        unmatched.truncate(UNMATCHED_LISTED);
        let mut units: Vec<(String, String, u64)> = self
            .class_names
            .iter()
            .zip(&self.classes)
            .zip(&self.units)
            .filter(|(_, &n)| n > 0)
            .filter_map(|((name, class), &n)| {
                let (g, _) = class.iter().find(|(_, a)| *a == Attribution::Unit)?;
                Some((name.clone(), self.matcher.id(*g).to_string(), n))
            })
            .collect();
        units.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        Tallied {
            unmatched,
            units,
            groups: self
                .groups
                .into_iter()
                .map(|((g, c, month), tally)| {
                    let key = GroupKey {
                        group: self.matcher.id(g).to_string(),
                        country: country(c),
                        month,
                    };
                    (key, tally)
                })
                .collect(),
            all: self
                .all
                .into_iter()
                .map(|((c, month), total)| {
                    let key = CountryKey {
                        country: country(c),
                        month,
                    };
                    (key, total)
                })
                .collect(),
            kinds: self
                .kinds
                .into_iter()
                .map(|((g, c, month, kind), total)| {
                    let key = KindKey {
                        group: self.matcher.id(g).to_string(),
                        country: country(c),
                        month,
                        kind: self.kind_names[kind].clone(),
                    };
                    (key, total)
                })
                .collect(),
        }
    }
}
