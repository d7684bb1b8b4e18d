//! Claims from prose: a document (text, Markdown, HTML or PDF) read into sentences, its
//! numbers found and read (shape, hedge, suspect damage), and each numeric statement
//! mapped to the readings the data model can check, ranked, the best drafted as a claim
//! in the format `check` reads and the others kept as alternatives.

mod context;
pub(crate) mod document;
mod events;
mod html;
pub(crate) mod lexicon;
mod markdown;
mod numbers;
mod pdf;
pub(crate) mod readings;
mod statement;
pub(crate) mod text;
mod tokens;
mod words;

use crate::claims::{Qualifier, Stated};
use crate::data::Dataset;

pub(crate) use document::Document;
pub(crate) use numbers::Shape;
use readings::Candidate;
use text::Pos;

/// What became of one numeric statement.
#[derive(Debug, Clone)]
pub(crate) enum Status {
    /// Mapped to a metric or an estimate: the best reading and the next ones.
    Mapped {
        best: Candidate,
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
}

/// A document read: its statements in document order, and how many numbers it had.
#[derive(Debug)]
pub(crate) struct Extraction {
    pub(crate) document: Document,
    pub(crate) statements: Vec<Statement>,
    /// Every number found, figures and others.
    pub(crate) seen: usize,
    /// Years, dates, footnote, page, section and label numbers.
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
            events: count("events"),
            out_of_model: count("out-of-model"),
            suspect,
        }
    }
}

impl Summary {
    /// "41 numbers seen, 14 set aside (years, dates, notes, page and section
    /// numbers); 24 statements drafted as claims: 15 mapped to a metric or estimate, 4
    /// needing events, 5 out of the model; 2 suspect"
    pub(crate) fn line(&self) -> String {
        format!(
            "{} numbers seen, {} set aside (years, dates, notes, page and section numbers); {} statement{} drafted as claims: {} mapped to a metric or estimate, {} needing events, {} out of the model; {} suspect",
            self.seen,
            self.set_aside,
            self.drafted,
            if self.drafted == 1 { "" } else { "s" },
            self.mapped,
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
    let (statements, seen, set_aside) = statement::statements(data, &document, lexicon);
    Extraction {
        document,
        statements,
        seen,
        set_aside,
        hedges_from: lexicon.hedges_from.clone(),
    }
}
