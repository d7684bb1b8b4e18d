//! Published claims: what a document says about a metric or an estimate, read from the
//! TOML files in `seeds/`, and re-checked against the data.

mod bounds;
pub(crate) mod compute;
pub(crate) mod counted;
pub(crate) mod crosscheck;
pub(crate) mod embedded;
pub(crate) mod explain;
pub(crate) mod files;
pub(crate) mod parse;
mod raw;
pub(crate) mod recheck;
mod target;
pub(crate) mod tolerance;
pub(crate) mod verdict;

use std::fmt;

use crate::data::{Quantity, RowRef};
pub(crate) use crate::events::EventMeasure;
use crate::metrics::Metric;
use crate::units::Units;

/// How a document qualifies a number. The default tolerances are in `tolerance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Qualifier {
    None,
    About,
    Nearly,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
}

impl Qualifier {
    pub(crate) const ALL: [Qualifier; 7] = [
        Qualifier::None,
        Qualifier::About,
        Qualifier::Nearly,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::LessThan,
        Qualifier::AtMost,
    ];

    pub(crate) fn id(self) -> &'static str {
        match self {
            Qualifier::None => "none",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::MoreThan => "more-than",
            Qualifier::AtLeast => "at-least",
            Qualifier::LessThan => "less-than",
            Qualifier::AtMost => "at-most",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.id() == text)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The number a claim states: one value or a range such as "five or six".
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Stated {
    One(f64),
    Range(f64, f64),
}

/// What a claim is about.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    /// A metric of a comparison, or of a comparison against another (`versus`).
    Metric {
        comparison: String,
        versus: Option<String>,
        metric: Metric,
        units: Units,
        /// The estimates the document took at a bound of their range ("one tenth of the
        /// lower-end Taliban estimate"): the metric is computed on those values.
        bounds: Vec<OnBound>,
    },
    /// A single estimate in the data: an entity's quantity in a year, its central
    /// value or, for a "lower-end estimate", the low of its range.
    Estimate {
        entity: String,
        quantity: Quantity,
        component: Option<String>,
        year: i32,
        bound: Bound,
    },
    /// Not checkable against the datasets; says what it would need. An events claim with
    /// a query becomes checkable when `check --events FILE` is given an export.
    Unverifiable {
        requires: Requirement,
        reason: String,
        query: Option<EventQuery>,
    },
}

/// Which value of an estimate a claim is about (the `bound` key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    /// The estimate's central value (the default).
    Central,
    /// The low of its range ("the lower-end estimate"); the central value when the row
    /// gives no low.
    Low,
    /// The high of its range ("the upper-end estimate"); the central value without one.
    High,
}

impl Bound {
    pub(crate) const IDS: [&'static str; 3] = ["central", "low", "high"];

    /// The id a claim file writes: "central", "low" or "high".
    pub(crate) fn id(self) -> &'static str {
        match self {
            Bound::Central => "central",
            Bound::Low => "low",
            Bound::High => "high",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Bound> {
        match text {
            "central" => Some(Bound::Central),
            "low" => Some(Bound::Low),
            "high" => Some(Bound::High),
            _ => None,
        }
    }

    /// The estimate's value this bound picks.
    pub(crate) fn of(self, estimate: &crate::data::Estimate) -> f64 {
        match self {
            Bound::Central => estimate.central,
            Bound::Low => estimate.low.unwrap_or(estimate.central),
            Bound::High => estimate.high.unwrap_or(estimate.central),
        }
    }
}

/// One estimate a metric claim takes at a bound of its range (`bound = {
/// "taliban.fighters" = "low" }`): the entity's quantity in each comparison of the claim
/// that counts it, every counted component for soldiers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OnBound {
    pub(crate) entity: String,
    pub(crate) quantity: Quantity,
    pub(crate) bound: Bound,
}

/// What an events claim counts, in the terms of `insurgency-metrics events`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventQuery {
    /// The group counted; every actor when `None` (events and fatalities only).
    pub(crate) group: Option<String>,
    /// The countries as the export names them, summed; every country when empty.
    pub(crate) countries: Vec<String>,
    /// The months counted, (year, month), both included: a `year` is January to December.
    pub(crate) from: (i32, u32),
    pub(crate) to: (i32, u32),
    pub(crate) measure: EventMeasure,
    /// The large-scale threshold (fatalities), for `large_attacks`.
    pub(crate) large: u32,
    /// Only events of this ACLED `sub_event_type` ("Agreement"), for `events` and
    /// `fatalities` of a group.
    pub(crate) sub_event_type: Option<String>,
}

impl EventQuery {
    /// "2025", or "2024-06 to 2024-11".
    pub(crate) fn period(&self) -> String {
        if self.from == (self.from.0, 1) && self.to == (self.from.0, 12) {
            self.from.0.to_string()
        } else {
            format!(
                "{}-{:02} to {}-{:02}",
                self.from.0, self.from.1, self.to.0, self.to.1
            )
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Requirement {
    /// Counts of events: needs an ACLED or UCDP export.
    Events,
    /// Figures the data model does not hold.
    OutOfModel,
    /// A statement whose words allow several readings (or leave the owner or the year
    /// open): a person picks one of the alternatives `extract` lists.
    Reading,
}

impl Requirement {
    pub(crate) const IDS: [&'static str; 3] = ["events", "out-of-model", "reading"];

    pub(crate) fn id(self) -> &'static str {
        match self {
            Requirement::Events => "events",
            Requirement::OutOfModel => "out-of-model",
            Requirement::Reading => "reading",
        }
    }
}

/// The confidence a drafted reading needs for `check` to give it a verdict: readings
/// below it are listed for a person (README: "Extract: confidence").
pub(crate) const VERDICT_CONFIDENCE: f64 = 0.8;

/// A stated value this many times away from every figure of its reading is a misreading
/// until a person shows otherwise ("reading suspect"), never a verdict.
pub(crate) const PLAUSIBLE_FACTOR: f64 = 10.0;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Claim {
    pub(crate) id: String,
    pub(crate) says: String,
    pub(crate) stated: Stated,
    pub(crate) qualifier: Qualifier,
    /// Overrides the qualifier's default tolerance (a fraction, 0.05 = 5%).
    pub(crate) tolerance: Option<f64>,
    pub(crate) target: Target,
    pub(crate) at: RowRef,
    /// How sure `extract` was of the reading, when it drafted the claim: a claim with a
    /// confidence is drafted, not confirmed by a person.
    pub(crate) confidence: Option<f64>,
    /// A claim about change: the factor by which its target changed between two years
    /// (the target at `to` over the target at `from`).
    pub(crate) change: Option<Between>,
}

/// Two years a change is stated between, the earlier first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Between {
    pub(crate) from: i32,
    pub(crate) to: i32,
}

/// One claim file: the document's source id and its claims.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClaimFile {
    pub(crate) file: String,
    pub(crate) source: String,
    pub(crate) claims: Vec<Claim>,
}
