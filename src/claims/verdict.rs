//! Re-checks one claim: computes the value it is about from the data, compares it with
//! the stated value under its qualifier's tolerance, and gives a verdict with a reason.

use crate::data::Dataset;
use crate::metrics::overrides::Override;
use crate::numbers::{against, exact, grouped, readable};
use crate::uncertainty::{propagate, Interval, Settings};

use super::compute::{compute_formula, estimate_row};
use super::explain;
use super::tolerance::{band, deviation, Band};
use super::{Claim, EventQuery, Requirement, Stated, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Consistent,
    /// Off at the central value but inside the 90% interval.
    Plausible,
    Inconsistent,
    Unverifiable,
}

impl Verdict {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Plausible => "plausible",
            Verdict::Inconsistent => "inconsistent",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// The outcome of re-checking one claim.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub(crate) claim: Claim,
    pub(crate) document: String,
    pub(crate) verdict: Verdict,
    pub(crate) computed: Option<f64>,
    /// (computed − stated) / stated; 0 inside a stated range.
    pub(crate) deviation: Option<f64>,
    pub(crate) reason: String,
    /// Single changes to the data that would make an inconsistent claim consistent.
    pub(crate) explanations: Vec<String>,
    /// Whether the verdict waits for a person's reading: a drafted claim that needs one,
    /// sits below the confidence threshold, or reads as a misreading.
    pub(crate) unread: bool,
}

/// The tolerance for a claim: its own, else the run's, else the qualifier's default.
pub(crate) fn claim_band(claim: &Claim, run_tolerance: Option<f64>) -> Band {
    band(
        claim.stated,
        claim.qualifier,
        claim.tolerance.or(run_tolerance),
    )
}

/// Counts from an event export, for events claims with a query: the value a query asks
/// for and a description of where it came from, or why the export cannot tell (it does
/// not reach the query's countries or months).
pub(crate) type EventCounts<'a> = &'a dyn Fn(&EventQuery) -> Result<(f64, String), String>;

/// Re-checks a claim. With `settings`, a claim off at the central value whose accepted
/// band meets the metric's 90% interval is `plausible` rather than `inconsistent`. With
/// `events`, events claims that carry a query are counted from the export.
/// What a run of `check` brings to every claim.
pub(crate) struct Context<'a> {
    /// `--tolerance`, for claims without their own.
    pub(crate) tolerance: Option<f64>,
    /// The sampling settings, for `plausible`.
    pub(crate) settings: Option<&'a Settings>,
    /// Counts from `--events FILE`.
    pub(crate) events: Option<EventCounts<'a>>,
    /// `--set` values, applied the way `table` applies them.
    pub(crate) overrides: &'a [Override],
    /// Every comparison's inputs as the run resolved them under `overrides`: a claim
    /// with no bounds of its own is computed from these, as `table` computes.
    pub(crate) resolved: &'a [crate::metrics::resolve::Inputs],
}

/// A claim's verdict, its computed value if any, why, and what would change it.
struct Judged {
    verdict: Verdict,
    computed: Option<f64>,
    reason: String,
    explanations: Vec<String>,
}

impl Judged {
    /// An outcome with no explanations.
    fn plain(verdict: Verdict, computed: Option<f64>, reason: String) -> Judged {
        Judged {
            verdict,
            computed,
            reason,
            explanations: Vec::new(),
        }
    }
}

pub(crate) fn check(data: &Dataset, document: &str, claim: &Claim, ctx: &Context) -> Checked {
    let outcome = match (&claim.target, ctx.events) {
        (
            Target::Unverifiable {
                query: Some(query), ..
            },
            Some(count),
        ) => check_counted(claim, query, count, ctx.tolerance),
        (
            Target::Unverifiable {
                requires, reason, ..
            },
            _,
        ) => unverifiable(*requires, reason),
        _ => check_computed(data, claim, ctx),
    };
    let needs_reading = matches!(
        claim.target,
        Target::Unverifiable {
            requires: Requirement::Reading,
            ..
        }
    );
    let (outcome, unread) = match claim.confidence {
        Some(confidence) => drafted(data, claim, confidence, outcome),
        None => (outcome, needs_reading),
    };
    Checked {
        claim: claim.clone(),
        document: document.to_string(),
        verdict: outcome.verdict,
        computed: outcome.computed,
        deviation: outcome.computed.map(|v| deviation(claim.stated, v)),
        reason: outcome.reason,
        explanations: outcome.explanations,
        unread,
    }
}

/// The verdict of a claim `extract` drafted: given only to a reading sure enough
/// (`VERDICT_CONFIDENCE`), whose stated value is within `PLAUSIBLE_FACTOR` of what it
/// computes, and, for an estimate, whose year the data holds (another year's figure is
/// no test of a drafted reading). Otherwise not judged, with why.
fn drafted(data: &Dataset, claim: &Claim, confidence: f64, outcome: Judged) -> (Judged, bool) {
    if let Target::Unverifiable {
        requires: Requirement::Reading,
        ..
    } = &claim.target
    {
        return (outcome, true);
    }
    if outcome.verdict == Verdict::Unverifiable {
        return (outcome, false);
    }
    let computes = outcome
        .computed
        .map(|v| format!("it computes {}", readable(v)))
        .unwrap_or_default();
    let not_judged = |why: String| {
        (
            Judged::plain(Verdict::Unverifiable, outcome.computed, why),
            true,
        )
    };
    if confidence < super::VERDICT_CONFIDENCE {
        return not_judged(format!(
            "not judged: a drafted reading with confidence {confidence:.2}, below {:.2}; {computes} ({}). Confirm the reading (confidence = 1) to have it judged",
            super::VERDICT_CONFIDENCE,
            outcome.reason
        ));
    }
    if let Some(v) = outcome.computed {
        let (low, high) = match claim.stated {
            Stated::One(x) => (x, x),
            Stated::Range(a, b) => (a, b),
        };
        let factor = if v > high {
            v / high
        } else if v < low {
            low / v
        } else {
            1.0
        };
        if v > 0.0 && low > 0.0 && factor >= super::PLAUSIBLE_FACTOR {
            return not_judged(format!(
                "reading suspect: the stated {} is {factor:.0}× away from what the reading computes ({}); a misreading until a person confirms it",
                describe_stated(claim),
                readable(v)
            ));
        }
    }
    if let Target::Estimate {
        entity,
        quantity,
        component,
        year,
        ..
    } = &claim.target
    {
        if let Some(row) = estimate_row(data, entity, *quantity, component.as_deref(), *year) {
            if row.year.is_some_and(|y| y != *year) {
                return not_judged(format!(
                    "no {year} estimate of {entity} {quantity} in the data; the nearest earlier is {}'s {} ({}): another year's figure is no test of a drafted reading",
                    row.year.unwrap_or_default(),
                    readable(row.estimate.central),
                    row.source
                ));
            }
        }
    }
    (outcome, false)
}

/// Checks an events claim against the count its query gets from the export.
fn check_counted(
    claim: &Claim,
    query: &EventQuery,
    count: EventCounts,
    run_tolerance: Option<f64>,
) -> Judged {
    let accepted = claim_band(claim, run_tolerance);
    let (value, what) = match count(query) {
        Ok(found) => found,
        Err(why) => return Judged::plain(Verdict::Unverifiable, None, why),
    };
    let reason = format!(
        "{what} is {}; accepted: {}",
        beside(value, &accepted),
        describe_band(&accepted)
    );
    let verdict = if accepted.contains(value) {
        Verdict::Consistent
    } else {
        Verdict::Inconsistent
    };
    Judged::plain(verdict, Some(value), reason)
}

/// An unverifiable claim: what it would need, and the claim's reason.
fn unverifiable(requires: Requirement, reason: &str) -> Judged {
    let needs = match requires {
        Requirement::Events => "needs an event export (ACLED or UCDP)",
        Requirement::OutOfModel => "outside the data model",
        Requirement::Reading => "needs a person's reading",
    };
    let reason = if reason.is_empty() {
        needs.to_string()
    } else {
        format!("{needs}: {reason}")
    };
    Judged::plain(Verdict::Unverifiable, None, reason)
}

/// Checks a claim the data computes: consistent inside its accepted band, else
/// plausible or inconsistent by the 90% interval, with explanations.
fn check_computed(data: &Dataset, claim: &Claim, ctx: &Context) -> Judged {
    if let Some(between) = claim.change {
        return check_change(data, claim, between, ctx);
    }
    let accepted = claim_band(claim, ctx.tolerance);
    let (formula, what) = match compute_formula(data, claim, ctx.overrides, ctx.resolved) {
        Ok(found) => found,
        Err(problem) => return uncomputable(&problem),
    };
    let value = formula.central();
    let stated = format!(
        "{what} is {}; accepted: {}",
        beside(value, &accepted),
        describe_band(&accepted)
    );
    if accepted.contains(value) {
        return Judged::plain(Verdict::Consistent, Some(value), stated);
    }
    let interval = ctx
        .settings
        .and_then(|s| propagate(std::slice::from_ref(&formula), s).ok())
        .and_then(|v| v.first().copied());
    let explanations = explain::explain(data, claim, &accepted, ctx.overrides);
    off_centre(&accepted, value, stated, interval, explanations)
}

/// A claim the data cannot compute: unverifiable, with the data's reason.
fn uncomputable(problem: &crate::error::Problem) -> Judged {
    Judged::plain(
        Verdict::Unverifiable,
        None,
        format!("the data cannot compute it: {}", problem.message),
    )
}

/// Checks a claim about change: the target at the later year over the target at the
/// earlier, its interval computed trial by trial on the same draws for both years.
fn check_change(data: &Dataset, claim: &Claim, between: super::Between, ctx: &Context) -> Judged {
    let accepted = claim_band(claim, ctx.tolerance);
    let (from, to, what) =
        match super::compute::change_formulas(data, claim, between, ctx.overrides) {
            Ok(found) => found,
            Err(problem) => return uncomputable(&problem),
        };
    let value = to.central() / from.central();
    let stated = format!(
        "{what} is {}× ({} to {}); accepted: {}",
        beside(value, &accepted),
        readable(from.central()),
        readable(to.central()),
        describe_band(&accepted)
    );
    if accepted.contains(value) {
        return Judged::plain(Verdict::Consistent, Some(value), stated);
    }
    let interval = ctx
        .settings
        .and_then(|s| crate::uncertainty::change_interval(&from, &to, s).ok())
        .map(|(p05, p50, p95)| Interval {
            p05,
            p50,
            p95,
            low: p05,
            high: p95,
        });
    off_centre(&accepted, value, stated, interval, Vec::new())
}

/// A value outside its accepted band: plausible when the band meets its 90% interval,
/// else inconsistent.
fn off_centre(
    accepted: &Band,
    value: f64,
    stated: String,
    interval: Option<Interval>,
    explanations: Vec<String>,
) -> Judged {
    let (verdict, reason) = match interval {
        Some(i)
            if accepted.overlaps(&Band {
                low: Some(i.p05),
                high: Some(i.p95),
                strict: false,
            }) =>
        {
            (
                Verdict::Plausible,
                format!(
                    "{stated}; the 90% interval {}–{} reaches it",
                    readable(i.p05),
                    readable(i.p95)
                ),
            )
        }
        Some(i) if i.p05 < i.p95 => (
            Verdict::Inconsistent,
            format!(
                "{stated}; outside the 90% interval {}–{} too",
                readable(i.p05),
                readable(i.p95)
            ),
        ),
        _ => (Verdict::Inconsistent, stated),
    };
    Judged {
        verdict,
        computed: Some(value),
        reason,
        explanations,
    }
}

/// A computed value beside its accepted band, with the decimals it takes to read on the
/// side of each end it is on.
fn beside(value: f64, band: &Band) -> String {
    let ends: Vec<f64> = band.low.into_iter().chain(band.high).collect();
    against(value, &ends)
}

/// "7,200 to 8,800", "more than 2", "at most 4.4".
pub(crate) fn describe_band(band: &Band) -> String {
    match (band.low, band.high) {
        (Some(low), Some(high)) => format!("{} to {}", exact(low), exact(high)),
        (Some(low), None) if band.strict => format!("more than {}", exact(low)),
        (Some(low), None) => format!("at least {}", exact(low)),
        (None, Some(high)) if band.strict => format!("less than {}", exact(high)),
        (None, Some(high)) => format!("at most {}", exact(high)),
        (None, None) => "any value".to_string(),
    }
}

/// The stated value as the document gives it: "about 8,000", "5 to 6".
pub(crate) fn describe_stated(claim: &Claim) -> String {
    // A date stated by an out-of-model claim stays a year ("2026", not "2,026").
    let is_year = |v: f64| {
        matches!(
            claim.target,
            Target::Unverifiable {
                requires: Requirement::OutOfModel,
                ..
            }
        ) && v.fract() == 0.0
            && (1900.0..=2100.0).contains(&v)
    };
    let number = |v: f64| {
        if is_year(v) {
            format!("{v:.0}")
        } else {
            number(v)
        }
    };
    let value = match claim.stated {
        Stated::One(v) => number(v),
        Stated::Range(a, b) => format!("{}–{}", number(a), number(b)),
    };
    match claim.qualifier {
        super::Qualifier::None => value,
        q => format!("{} {value}", q.id().replace('-', " ")),
    }
}

/// A stated number as written: whole numbers with grouped digits, decimals kept.
fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        grouped(v, 0)
    } else {
        format!("{v}")
    }
}
