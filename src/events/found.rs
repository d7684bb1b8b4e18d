//! What reading an export found: its kind (ACLED or UCDP, and the columns each must
//! have), the rows it set aside and why, and what it says of itself. Built by
//! `reading.rs`, completed by `read.rs`, kept in the counts.

use super::dates::Date;
use super::source::Container;
use super::sums::EventMeasure;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExportKind {
    /// ACLED, dyadic (one row per event) or monadic (one row per actor).
    Acled { monadic: bool },
    /// UCDP GED, the standard download or the website export.
    Ucdp { website: bool },
}

impl ExportKind {
    /// The columns this format must have; the only ones read, with `civilian_targeting`
    /// and `sub_event_type`
    /// when present.
    pub(super) fn required(self) -> Vec<&'static str> {
        match self {
            ExportKind::Acled { monadic } => ACLED
                .iter()
                .chain(if monadic { &[][..] } else { ACLED_DYADIC })
                .copied()
                .collect(),
            ExportKind::Ucdp { website } => {
                let fatalities = if website {
                    ["best_est", "low_est", "high_est"]
                } else {
                    ["best", "low", "high"]
                };
                UCDP.iter().chain(&fatalities).copied().collect()
            }
        }
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            ExportKind::Acled { monadic: false } => "ACLED export",
            ExportKind::Acled { monadic: true } => "ACLED monadic export",
            ExportKind::Ucdp { website: false } => "UCDP GED download",
            ExportKind::Ucdp { website: true } => "UCDP GED website export",
        }
    }
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

/// A row set aside: its data-record number (1 = the first row after the header) and why.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BadRow {
    pub(crate) record: usize,
    pub(crate) reason: String,
    /// Where the piece holding it starts, for the first [`LISTED`] (their lines are
    /// found from there).
    pub(crate) piece: Option<super::lines::PieceStart>,
}

/// The rows set aside: how many, and the first [`LISTED`] with their reasons. Memory
/// stays bounded by what is counted, however much of a file is malformed.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SetAside {
    count: usize,
    first: Vec<BadRow>,
}

impl SetAside {
    pub(crate) fn push(&mut self, row: BadRow) {
        self.count += 1;
        if self.first.len() < LISTED {
            self.first.push(row);
        }
    }

    /// Every row set aside, listed or not.
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The rows listed: the first [`LISTED`].
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, BadRow> {
        self.first.iter()
    }

    /// Adds another reading's rows set aside.
    pub(crate) fn extend(&mut self, other: SetAside) {
        self.count += other.count;
        let room = LISTED.saturating_sub(self.first.len());
        self.first.extend(other.first.into_iter().take(room));
    }
}

/// How many left-out rows are listed with their lines; the rest are counted.
pub(crate) const LISTED: usize = 10;

/// What reading an export found: its kind, its data rows, the events passed on and
/// the rows left out.
pub(crate) struct Export {
    pub(crate) kind: ExportKind,
    pub(crate) rows: usize,
    pub(crate) events: usize,
    pub(crate) bad: SetAside,
    /// The first and last dates of the events used.
    pub(crate) span: Option<(Date, Date)>,
    /// SHA-256 of the file's bytes, when asked for (moved to the counts' provenance,
    /// file by file, once counted).
    pub(crate) hash: Option<String>,
    /// How it was packed.
    pub(crate) container: Container,
    /// Whether its bytes can be read again by path (a plain CSV file).
    pub(crate) seekable: bool,
    /// The cell delimiter its header showed.
    pub(crate) delimiter: u8,
    /// The UCDP GED version its file name gives (`ged251-csv.zip`: 25.1).
    pub(crate) version: Option<String>,
    /// ACLED's latest `timestamp` (Unix seconds) among the rows used: when the newest
    /// of them was last changed.
    pub(crate) updated: Option<i64>,
    /// What the export cannot say, and why.
    pub(crate) unavailable: Vec<(EventMeasure, String)>,
    /// How a count was derived where the export's layout differs, for outputs to say.
    pub(crate) notes: Vec<String>,
}
