//! How sure a reading is: the share of readings drafted on the same evidence that were
//! right, measured on the development corpus of real documents (README: "Extract:
//! measured"). Each statement is drafted on one kind of evidence (what the words named,
//! and how near); its `confidence` is that kind's measured rate, so that of claims drafted
//! at 0.8 about 80% are right. Only readings at or above the verdict threshold
//! (`claims::VERDICT_CONFIDENCE`) get a verdict from `check`.

use super::when::YearFrom;
use super::whose::From;

/// What a reading rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    Suspect,
    /// A norm or benchmark word in the clause.
    Benchmark,
    /// A percentage, a share of one entity, a change over time.
    Share,
    /// A casualty word right next to the count ("12 soldiers were killed").
    EventsAdjacent,
    /// A casualty or attack word elsewhere in the clause.
    EventsClause,
    /// An events noun ("120 attacks").
    EventsNoun,
    /// Arrests, abductions, movements, plans, equipment.
    Action,
    /// A noun the model does not hold ("seven transport aircraft").
    OtherNoun,
    /// One operation's force, an attacking party.
    Operation,
    Area,
    /// A part of a population.
    Part,
    /// People that are not a population.
    People,
    /// A group or country the data does not hold owns the number.
    OtherOwner,
    /// The words leave the reading open: drafted for a person.
    Open,
    /// No comparison fits the words.
    NoComparison,
    /// An estimate: how near the owner and the year were named.
    Estimate {
        owner: From,
        year: YearFrom,
    },
    /// A metric of the one comparison the words name (group, countries, and a stated
    /// year that is the comparison's, or none).
    Metric,
    /// A ratio between two named comparisons.
    Pairwise,
    /// A factor of change ("doubled") of the one group named, between the two years the
    /// sentence names.
    Change,
}

impl Evidence {
    /// The evidence in a few words, as the claim file and the reliability table name it.
    pub(crate) fn id(self) -> String {
        match self {
            Evidence::Suspect => "suspect".into(),
            Evidence::Benchmark => "out of model: benchmark".into(),
            Evidence::Share => "out of model: share or change".into(),
            Evidence::EventsAdjacent => "events: casualty word at the count".into(),
            Evidence::EventsClause => "events: casualty or attack word in the clause".into(),
            Evidence::EventsNoun => "events: events noun".into(),
            Evidence::Action => "out of model: arrest, movement, plan or goods".into(),
            Evidence::OtherNoun => "out of model: a noun the model does not hold".into(),
            Evidence::Operation => "out of model: one operation's force".into(),
            Evidence::Area => "out of model: area as an estimate".into(),
            Evidence::Part => "out of model: part of a population".into(),
            Evidence::People => "out of model: people, not a population".into(),
            Evidence::OtherOwner => "out of model: a group the data does not hold".into(),
            Evidence::Open => "needs reading".into(),
            Evidence::NoComparison => "out of model: no comparison fits".into(),
            Evidence::Estimate { owner, year } => {
                let year = match year {
                    YearFrom::Clause | YearFrom::Sentence => "sentence",
                    YearFrom::Paragraph | YearFrom::Heading => "paragraph",
                    YearFrom::Document => "document date",
                };
                let owner = match owner {
                    From::Phrase | From::Clause => "clause",
                    From::Sentence => "sentence",
                    From::Paragraph => "paragraph",
                    From::Document => "document's subject",
                };
                format!("estimate: owner in the {owner}, year in the {year}")
            }
            Evidence::Metric => "metric: the one comparison the words name".into(),
            Evidence::Pairwise => "ratio between two named comparisons".into(),
            Evidence::Change => "change: a factor of one group between two named years".into(),
        }
    }

    /// The measured probability that a reading on this evidence is right.
    pub(crate) fn confidence(self) -> f64 {
        self.measured().map_or(PRIOR, |(right, of)| rate(right, of))
    }

    /// How many readings on this evidence the development corpus had, and how many were
    /// right.
    pub(crate) fn measured(self) -> Option<(u32, u32)> {
        let id = self.id();
        MEASURED
            .iter()
            .find(|(k, _, _)| *k == id)
            .map(|(_, right, of)| (*right, *of))
    }

    /// "right in 12 of 14 such readings of the development corpus".
    pub(crate) fn record(self) -> String {
        match self.measured() {
            Some((right, of)) => {
                format!("right in {right} of {of} such readings of the development corpus")
            }
            None => "of a kind the development corpus has no case of".into(),
        }
    }
}

/// A rate with the add-one smoothing of Laplace, so that few cases do not read as
/// certainty: (right + 1) / (of + 2), to two decimals.
fn rate(right: u32, of: u32) -> f64 {
    let p = (f64::from(right) + 1.0) / (f64::from(of) + 2.0);
    (p * 100.0).round() / 100.0
}

/// The confidence of evidence the corpus has no case of: below the verdict threshold.
const PRIOR: f64 = 0.5;

/// (evidence, right, drafted) on the development corpus (../shared/corpus; for ratios,
/// which it does not state, with the project's own sentences)
/// (`benches/corpus.py --write` writes it); measure again after a change to the reader.
const MEASURED: &[(&str, u32, u32)] = &[
    (
        "estimate: owner in the clause, year in the document date",
        0,
        1,
    ),
    ("estimate: owner in the clause, year in the paragraph", 0, 3),
    ("estimate: owner in the clause, year in the sentence", 0, 2),
    (
        "estimate: owner in the document's subject, year in the sentence",
        4,
        5,
    ),
    (
        "estimate: owner in the paragraph, year in the paragraph",
        0,
        1,
    ),
    ("events: casualty or attack word in the clause", 58, 66),
    ("events: casualty word at the count", 240, 246),
    ("events: events noun", 31, 31),
    ("metric: the one comparison the words name", 18, 18), // 0/0 real, 18/18 project prose
    ("out of model: a group the data does not hold", 25, 30),
    ("out of model: a noun the model does not hold", 24, 251),
    ("out of model: area as an estimate", 14, 14),
    ("out of model: arrest, movement, plan or goods", 30, 55),
    ("out of model: one operation's force", 9, 12),
    ("out of model: part of a population", 12, 18),
    ("out of model: people, not a population", 8, 27),
    ("out of model: share or change", 1, 10),
    ("ratio between two named comparisons", 7, 7), // 0/0 real, 7/7 project prose
];
