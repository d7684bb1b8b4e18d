//! The newest version of each event over several files. Files downloaded at different
//! times hold different versions of the same event (ACLED rewrites a row and its
//! `timestamp`; UCDP releases a new GED version): a first pass notes each event's
//! newest stamp, and counting takes the event only in that version, whatever the order
//! the files are given in.

use polars::prelude::PlHashMap;

use super::event::{EventRef, IdKeys};

/// How many event ids whose versions disagree the summary names.
const NAMED: usize = 5;

/// What the first pass found of one event.
struct Newest {
    stamp: i64,
    /// Whether its versions differ between the files.
    differs: bool,
    /// Whether counting has taken it.
    taken: bool,
}

/// Each event's newest version, by id.
pub(crate) struct Versions {
    keys: IdKeys,
    newest: PlHashMap<u128, Newest>,
    /// Events whose versions differ between the files, and the first few ids.
    pub(crate) differing: u64,
    pub(crate) named: Vec<String>,
    /// Events met again in counting and left out (an older or a repeated version).
    pub(crate) left: u64,
}

impl Versions {
    pub(crate) fn new() -> Versions {
        Versions {
            keys: IdKeys::new(),
            newest: PlHashMap::default(),
            differing: 0,
            named: Vec::new(),
            left: 0,
        }
    }

    /// The first pass: notes the event's stamp.
    pub(crate) fn note(&mut self, event: &EventRef) {
        let key = self.keys.of(event.id);
        let newest = self.newest.entry(key).or_insert(Newest {
            stamp: event.stamp,
            differs: false,
            taken: false,
        });
        if newest.stamp != event.stamp {
            if !newest.differs {
                newest.differs = true;
                self.differing += 1;
                if self.named.len() < NAMED {
                    self.named.push(event.id.to_string());
                }
            }
            newest.stamp = newest.stamp.max(event.stamp);
        }
    }

    /// The second pass: whether to count this occurrence of the event, the first in its
    /// newest version.
    pub(crate) fn take(&mut self, event: &EventRef) -> bool {
        let key = self.keys.of(event.id);
        let take = match self.newest.get_mut(&key) {
            Some(newest) if !newest.taken && newest.stamp == event.stamp => {
                newest.taken = true;
                true
            }
            // An event the first pass did not see cannot come; count it rather than
            // lose it.
            None => true,
            Some(_) => false,
        };
        if !take {
            self.left += 1;
        }
        take
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, stamp: i64) -> EventRef<'_> {
        EventRef {
            id,
            year: 2018,
            month: 1,
            country: "Mali",
            initiator: "",
            actors: &[],
            fatalities: 0.0,
            fatalities_range: None,
            civilian_targeting: false,
            kind: None,
            stamp,
        }
    }

    #[test]
    fn the_newest_version_is_taken_once_in_either_order() {
        for order in [[1, 2], [2, 1]] {
            let mut v = Versions::new();
            for stamp in order {
                v.note(&event("MLI1", stamp));
            }
            v.note(&event("MLI2", 5));
            let taken: Vec<i64> = order
                .iter()
                .copied()
                .chain([2])
                .filter(|&s| v.take(&event("MLI1", s)))
                .collect();
            assert_eq!(taken, [2]);
            assert!(v.take(&event("MLI2", 5)));
            assert_eq!(
                (v.differing, v.named.as_slice(), v.left),
                (1, &["MLI1".to_string()][..], 2)
            );
        }
    }
}
