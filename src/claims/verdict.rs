//! Re-checks one claim: computes the value it is about from the data, compares it with
//! the stated value under its qualifier's tolerance, and gives a verdict with a reason.

use crate::data::Estimate;
use crate::data::{Dataset, Quantity, Row};
use crate::error::Problem;
use crate::metrics::compute::{pairwise_with_formula, single_with_formula};
use crate::metrics::overrides::Override;
use crate::metrics::resolve::{choose, from_row, resolve, Choice};
use crate::metrics::Metric;
use crate::numbers::{against, exact, grouped, readable};
use crate::uncertainty::formula::{Formula, Term};
use crate::uncertainty::{propagate, Interval, Settings};
use crate::units::Units;

use super::explain;
use super::tolerance::{band, deviation, Band};
use super::{Bound, Claim, EventQuery, OnBound, Requirement, Stated, Target};

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

/// Computes what a claim is about with optional overrides (used to try alternatives).
/// `soldiers` replaces the counted components of one comparison: (id, components).
pub(crate) fn compute(
    data: &Dataset,
    claim: &Claim,
    overrides: &[Override],
    soldiers: Option<(&str, &[String])>,
) -> Result<(f64, String), Problem> {
    compute_formula(data, claim, overrides, soldiers)
        .map(|(formula, what)| (formula.central(), what))
}

/// The formula behind a claim, for its value and its interval, and what it measures.
pub(crate) fn compute_formula(
    data: &Dataset,
    claim: &Claim,
    overrides: &[Override],
    soldiers: Option<(&str, &[String])>,
) -> Result<(Formula, String), Problem> {
    match &claim.target {
        Target::Metric {
            comparison,
            versus,
            metric,
            units,
            bounds,
        } => metric_formula(
            data,
            overrides,
            soldiers,
            (comparison, versus.as_deref()),
            *metric,
            *units,
            bounds,
        ),
        Target::Estimate {
            entity,
            quantity,
            component,
            year,
            bound,
        } => {
            if let Some(o) = estimate_override(overrides, entity, *quantity, component) {
                return Ok(set_formula(o, entity, *quantity));
            }
            let key = EstimateKey {
                entity,
                quantity: *quantity,
                component: component.as_deref(),
                year: *year,
            };
            estimate_formula(data, claim, &key, *bound)
        }
        Target::Unverifiable { .. } => {
            Err(Problem::new("not computable", claim.at.cell("requires")))
        }
    }
}

/// A comparison from the data, with its counted soldier components replaced when
/// `soldiers` names it.
fn with_components(
    data: &Dataset,
    id: &str,
    soldiers: Option<(&str, &[String])>,
) -> Result<crate::data::Comparison, Problem> {
    let mut c = data.comparison(id).cloned().ok_or_else(|| missing(id))?;
    if let Some((_, components)) = soldiers.filter(|(target, _)| *target == id) {
        c.soldiers = components.to_vec();
    }
    Ok(c)
}

/// The formula of a metric of one comparison, or of one against another, and what it
/// measures with the notes of its row.
fn metric_formula(
    data: &Dataset,
    overrides: &[Override],
    soldiers: Option<(&str, &[String])>,
    (comparison, versus): (&str, Option<&str>),
    metric: Metric,
    units: Units,
    bounds: &[OnBound],
) -> Result<(Formula, String), Problem> {
    // A claim's bounds come first, so that `--set` and the explanations' alternatives
    // still replace them.
    let side = |id: &str| -> Result<_, Problem> {
        let c = with_components(data, id, soldiers)?;
        let set = [
            super::bounds::overrides(data, &c, bounds),
            overrides.to_vec(),
        ]
        .concat();
        Ok(resolve(data, &c, &set))
    };
    let a = side(comparison)?;
    let (row, formula) = match versus {
        None => single_with_formula(&a, metric, units)?,
        Some(b) => pairwise_with_formula(&a, &side(b)?, metric, units)?,
    };
    let what = match versus {
        None => format!("{metric} of {comparison}"),
        Some(b) => format!("{metric} of {comparison} against {b}"),
    };
    let notes = if row.notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", row.notes.join("; "))
    };
    Ok((formula, format!("{what}{notes}")))
}

/// The last `--set` value that sets an entity's quantity (and component, if it names one).
fn estimate_override<'a>(
    overrides: &'a [Override],
    entity: &str,
    quantity: Quantity,
    component: &Option<String>,
) -> Option<&'a Override> {
    overrides.iter().rev().find(|o| {
        o.entity == entity
            && o.quantity == quantity
            && (o.component.is_none() || o.component == *component)
    })
}

/// A term for a fixed value with no source and no distribution.
fn point_term(key: String, value: f64) -> Term {
    Term {
        key,
        source: None,
        factor: 1.0,
        estimate: Estimate::point(value),
        dist: None,
        pool: Vec::new(),
    }
}

/// The formula "set value / 1" for an estimate given by `--set`, and what it measures.
fn set_formula(o: &Override, entity: &str, quantity: Quantity) -> (Formula, String) {
    let formula = Formula {
        scale: 1.0,
        numerator: vec![point_term(format!("{entity}.{quantity}.set"), o.value)],
        denominator: vec![point_term("one".into(), 1.0)],
    };
    (
        formula,
        format!("{entity} {quantity} set by --set {}", o.text),
    )
}

/// Which estimate an estimate claim is about.
struct EstimateKey<'a> {
    entity: &'a str,
    quantity: Quantity,
    component: Option<&'a str>,
    year: i32,
}

/// The formula "this row / 1" for an estimate in the data, and where it came from. The
/// central value is drawn from the pool of every source's row for the same year; a
/// claim about the low (or high) of the range is about one number, a point.
fn estimate_formula(
    data: &Dataset,
    claim: &Claim,
    key: &EstimateKey,
    bound: Bound,
) -> Result<(Formula, String), Problem> {
    let EstimateKey {
        entity,
        quantity,
        component,
        year,
    } = *key;
    let row = estimate_row(data, entity, quantity, component, year).ok_or_else(|| {
        Problem::new(
            format!(
                "no {quantity}{} estimate for {entity} in or before {year}",
                component.map(|c| format!(" ({c})")).unwrap_or_default()
            ),
            claim.at.cell("entity"),
        )
    })?;
    let fallback = match row.year {
        Some(y) if y < year => format!("; {y} used for {year}"),
        _ => String::new(),
    };
    let term = match bound {
        Bound::Central => Term {
            key: from_row(row).key(),
            source: Some(row.source.clone()),
            factor: 1.0,
            estimate: row.estimate,
            dist: row.dist,
            pool: crate::metrics::resolve::pool(data, row),
        },
        Bound::Low | Bound::High => point_term(from_row(row).key(), bound.of(&row.estimate)),
    };
    let (which, ranged) = match bound {
        Bound::Central => ("", true),
        Bound::Low => ("the low of ", row.estimate.low.is_some()),
        Bound::High => ("the high of ", row.estimate.high.is_some()),
    };
    let unranged = if ranged {
        ""
    } else {
        "; no range given: its central value"
    };
    let formula = Formula {
        scale: 1.0,
        numerator: vec![term],
        denominator: vec![point_term("one".into(), 1.0)],
    };
    Ok((
        formula,
        format!(
            "{which}{entity} {quantity} from {} ({}{fallback}{unranged})",
            row.source, row.at
        ),
    ))
}

fn missing(id: &str) -> Problem {
    Problem::new(
        format!("unknown comparison \"{id}\""),
        crate::error::Location::file("comparisons.toml"),
    )
}

/// The data's estimate of an entity's quantity for a year, chosen as comparisons choose
/// (`resolve::choose`); none when the choice is ambiguous.
pub(crate) fn estimate_row<'a>(
    data: &'a Dataset,
    entity: &str,
    quantity: Quantity,
    component: Option<&str>,
    year: i32,
) -> Option<&'a Row> {
    match choose(data, quantity, entity, component, year, None) {
        Choice::One(row) => Some(row),
        Choice::None | Choice::Ambiguous(_) => None,
    }
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
    let accepted = claim_band(claim, ctx.tolerance);
    let (formula, what) = match compute_formula(data, claim, ctx.overrides, None) {
        Ok(found) => found,
        Err(problem) => {
            return Judged::plain(
                Verdict::Unverifiable,
                None,
                format!("the data cannot compute it: {}", problem.message),
            )
        }
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
