//! Claims from prose: a document (text, Markdown, HTML, JSON or PDF) read into
//! sentences, its numbers found and read (shape, hedge, suspect damage), and each numeric
//! statement read by its words alone: a reading of the data model when the words name
//! what it counts, whose it is and when; a count of events; a figure outside the model;
//! or a statement that needs a person's reading, with the alternatives. Each drafted
//! statement carries the measured confidence of the evidence it rests on.

pub(crate) mod confidence;
mod context;
mod counted;
mod decide;
mod decided;
pub(crate) mod document;
mod estimates;
mod events;
mod html;
mod json;
pub(crate) mod lexicon;
mod markdown;
mod names;
mod numbers;
mod pdf;
pub(crate) mod pdf_worker;
mod ratios;
pub(crate) mod read;
pub(crate) mod readings;
mod sight;
mod statement;
pub(crate) mod text;
mod tokens;
mod when;
mod whose;
mod words;

use crate::claims::{Qualifier, Stated};
use crate::data::Dataset;

pub(crate) use numbers::Shape;
pub(crate) use read::Document;
use readings::Candidate;
use text::Pos;

/// What became of one numeric statement.
#[derive(Debug, Clone)]
pub(crate) enum Status {
    /// Mapped to a metric or an estimate: the reading the words give (alternatives
    /// when a person should weigh others).
    Mapped {
        best: Candidate,
        alternatives: Vec<Candidate>,
    },
    /// The words allow several readings, or leave the owner or the year open: drafted
    /// for a person, with the readings they allow, and never given a verdict.
    NeedsReading {
        why: String,
        alternatives: Vec<Candidate>,
    },
    /// A count of events: needs an ACLED or UCDP export; the query to count it with,
    /// when the words give one (`{ group = "jnim", country = "Mali", ... }`).
    Events {
        reason: String,
        query: Option<String>,
    },
    /// Not a figure the data model holds.
    OutOfModel { reason: String },
    /// The number may be damaged or ambiguous: listed, not drafted.
    Suspect { why: String },
}

impl Status {
    pub(crate) fn id(&self) -> &'static str {
        match self {
            Status::Mapped { .. } => "mapped",
            Status::NeedsReading { .. } => "needs-reading",
            Status::Events { .. } => "events",
            Status::OutOfModel { .. } => "out-of-model",
            Status::Suspect { .. } => "suspect",
        }
    }
}

/// One numeric statement of the document.
#[derive(Debug, Clone)]
pub(crate) struct Statement {
    /// Where the number stands.
    pub(crate) at: Pos,
    /// The number as written ("8,200", "two fifths", "5-to-1").
    pub(crate) number: String,
    /// The sentence it stands in, trimmed.
    pub(crate) says: String,
    pub(crate) shape: Shape,
    pub(crate) stated: Stated,
    pub(crate) qualifier: Qualifier,
    /// The words that set the qualifier.
    pub(crate) hedge: Option<String>,
    /// A reading to confirm ("N times larger").
    pub(crate) note: Option<String>,
    pub(crate) status: Status,
    /// The measured probability that the reading is right, and what it rests on.
    pub(crate) confidence: f64,
    pub(crate) evidence: confidence::Evidence,
}

/// A document read: its statements in document order, and how many numbers it had.
#[derive(Debug)]
pub(crate) struct Extraction {
    pub(crate) document: Document,
    pub(crate) statements: Vec<Statement>,
    /// Every number found, figures and others.
    pub(crate) seen: usize,
    /// Years, dates, footnote, page, section and label numbers, and numbers that count
    /// nothing a claim is about.
    pub(crate) set_aside: usize,
    /// Where the hedge table came from.
    pub(crate) hedges_from: String,
}

/// The counts of the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Summary {
    pub(crate) seen: usize,
    pub(crate) set_aside: usize,
    pub(crate) drafted: usize,
    pub(crate) mapped: usize,
    /// Mapped readings sure enough for a verdict.
    pub(crate) verdict_ready: usize,
    pub(crate) needs_reading: usize,
    pub(crate) events: usize,
    pub(crate) out_of_model: usize,
    pub(crate) suspect: usize,
}

impl Extraction {
    pub(crate) fn summary(&self) -> Summary {
        let count = |id: &str| {
            self.statements
                .iter()
                .filter(|s| s.status.id() == id)
                .count()
        };
        let suspect = count("suspect");
        Summary {
            seen: self.seen,
            set_aside: self.set_aside,
            drafted: self.statements.len() - suspect,
            mapped: count("mapped"),
            verdict_ready: self
                .statements
                .iter()
                .filter(|s| {
                    s.status.id() == "mapped" && s.confidence >= crate::claims::VERDICT_CONFIDENCE
                })
                .count(),
            needs_reading: count("needs-reading"),
            events: count("events"),
            out_of_model: count("out-of-model"),
            suspect,
        }
    }
}

impl Summary {
    /// "41 numbers seen, 14 set aside (years, dates, notes, page and section numbers,
    /// counts of nothing a claim is about); 24 statements drafted as claims: 15 mapped to
    /// a metric or estimate (12 sure enough for a verdict), 2 needing a person's reading,
    /// 4 needing events, 3 out of the model; 2 suspect"
    pub(crate) fn line(&self) -> String {
        format!(
            "{} numbers seen, {} set aside (years, dates, notes, page and section numbers, counts of nothing a claim is about); {} statement{} drafted as claims: {} mapped to a metric or estimate ({} sure enough for a verdict), {} needing a person's reading, {} needing events, {} out of the model; {} suspect",
            self.seen,
            self.set_aside,
            self.drafted,
            if self.drafted == 1 { "" } else { "s" },
            self.mapped,
            self.verdict_ready,
            self.needs_reading,
            self.events,
            self.out_of_model,
            self.suspect
        )
    }
}

/// Reads `document`'s numeric statements and maps them against `data`.
pub(crate) fn extract(
    data: &Dataset,
    document: Document,
    lexicon: &lexicon::Lexicon,
) -> Extraction {
    let (statements, counts) = statement::statements(data, &document, lexicon);
    Extraction {
        document,
        statements,
        seen: counts.seen,
        set_aside: counts.set_aside,
        hedges_from: lexicon.hedges_from.clone(),
    }
}
