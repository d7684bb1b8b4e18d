//! Re-checking a run's claims: every claim's verdict, events claims counted from the
//! export when there is one, and the cross-checks between claims.

use crate::data::Dataset;
use crate::events::Counts;
use crate::metrics::overrides::Override;
use crate::metrics::resolve::Inputs;
use crate::uncertainty::Settings;

use super::crosscheck::crosscheck;
use super::verdict::{check, Checked, Context, EventCounts, Verdict};
use super::{counted, ClaimFile, EventQuery};

/// Every claim's verdict and the cross-check findings.
pub(crate) struct Rechecked {
    pub(crate) checked: Vec<Checked>,
    pub(crate) findings: Vec<String>,
}

impl Rechecked {
    /// Whether any claim is inconsistent or any cross-check found a contradiction.
    pub(crate) fn failed(&self) -> bool {
        !self.findings.is_empty()
            || self
                .checked
                .iter()
                .any(|c| c.verdict == Verdict::Inconsistent)
    }
}

/// What every claim is checked with besides the data.
pub(crate) struct Against<'a> {
    pub(crate) settings: &'a Settings,
    pub(crate) overrides: &'a [Override],
    /// Every comparison's inputs as the workspace resolved them under `overrides`.
    pub(crate) resolved: &'a [Inputs],
    /// `--tolerance`, for claims without their own.
    pub(crate) tolerance: Option<f64>,
    /// The export's counts, for events claims with a query.
    pub(crate) counts: Option<&'a Counts>,
}

/// Re-checks the claims of `files` against `data`.
pub(crate) fn recheck(data: &Dataset, files: &[ClaimFile], against: &Against) -> Rechecked {
    let lookup = |q: &EventQuery| {
        against.counts.map_or_else(
            || Err("no event export".to_string()),
            |c| counted::value(c, q),
        )
    };
    let events: Option<EventCounts> = against.counts.map(|_| &lookup as EventCounts);
    let ctx = Context {
        tolerance: against.tolerance,
        settings: Some(against.settings),
        events,
        overrides: against.overrides,
        resolved: against.resolved,
    };
    let checked: Vec<Checked> = files
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| check(data, &f.source, c, &ctx)))
        .collect();
    // A claim that waits for a person's reading takes no part in the cross-checks.
    let unread: Vec<&str> = checked
        .iter()
        .filter(|c| c.unread)
        .map(|c| c.claim.id.as_str())
        .collect();
    let findings = crosscheck(data, files, against.tolerance, &unread);
    Rechecked { checked, findings }
}
