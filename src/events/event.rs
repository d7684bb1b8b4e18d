//! One event as a reader passes it on and the counting adds it, borrowing from the
//! export's columns, and the key its id is known by: the bottom that the readers
//! (`rows.rs`, `monadic.rs`, `reading.rs`, `read.rs`) and the counting (`sums.rs`,
//! `tally.rs`, `versions.rs`) build on.

/// One event as the counting sees it, borrowing from the export's columns.
pub(crate) struct EventRef<'a> {
    /// ACLED's `event_id_cnty`, UCDP's `id`: the same event in two files has the same.
    pub(crate) id: &'a str,
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) country: &'a str,
    /// The actor that initiated it (ACLED `actor1`, UCDP `side_a`).
    pub(crate) initiator: &'a str,
    /// Every actor named, the initiator first.
    pub(crate) actors: &'a [&'a str],
    pub(crate) fatalities: f64,
    pub(crate) fatalities_range: Option<(f64, f64)>,
    pub(crate) civilian_targeting: bool,
    /// ACLED's `sub_event_type`, when the export has one and it is asked for.
    pub(crate) kind: Option<&'a str>,
    /// The version of the event's record: ACLED's `timestamp` (when the row was last
    /// changed), the UCDP GED version of the file (25.1 is 2501); 0 when unknown.
    pub(crate) stamp: i64,
}

/// Event ids as 128-bit keyed hashes: no allocation per event, and two ids of a
/// million-event export share one with a chance of about 1 in 10^26. ACLED's ids start
/// with a country code (`MLI1234`), UCDP's are numbers, so the two sources' never meet.
pub(crate) struct IdKeys([std::hash::RandomState; 2]);

impl IdKeys {
    pub(crate) fn new() -> IdKeys {
        IdKeys([std::hash::RandomState::new(), std::hash::RandomState::new()])
    }

    pub(crate) fn of(&self, id: &str) -> u128 {
        use std::hash::BuildHasher;
        let [a, b] = self.0.each_ref().map(|k| k.hash_one(id));
        (u128::from(a) << 64) | u128::from(b)
    }
}
