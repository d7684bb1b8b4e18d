//! Drafted statements as CSV, JSON or a Markdown table (one row per statement), and the
//! reviewer's annotated reading of `check DOCUMENT`: each statement in document order
//! with its place, what was read, the verdict, the computed value and why.

use serde::Serialize;

use super::draft::{candidate_keys, computes, drafted};
use crate::claims::verdict::{Checked, Verdict};
use crate::claims::{Stated, Target};
use crate::extract::{Extraction, Statement, Status};
use crate::numbers::grouped;

use super::markdown::escape;
use super::markdown::Align::{Left, Right};

/// One statement, flat.
#[derive(Debug, Default, Serialize)]
pub(crate) struct TidyStatement {
    pub(crate) document: String,
    pub(crate) at: String,
    pub(crate) page: Option<u32>,
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) number: String,
    pub(crate) shape: String,
    pub(crate) status: String,
    /// The reading in short: `jnim-sahel:people_per_fighter`,
    /// `jnim-sahel/hts-syria:fighters_ratio`, `jnim:fighters:2025`, or the status.
    pub(crate) reading: String,
    pub(crate) target: String,
    pub(crate) stated_low: f64,
    pub(crate) stated_high: f64,
    pub(crate) qualifier: String,
    pub(crate) hedge: String,
    pub(crate) confidence: Option<f64>,
    /// What the reading rests on (the confidence is that evidence's measured rate).
    pub(crate) evidence: String,
    pub(crate) computed: Option<f64>,
    pub(crate) alternatives: String,
    pub(crate) reason: String,
    pub(crate) says: String,
}

fn bounds(s: Stated) -> (f64, f64) {
    match s {
        Stated::One(v) => (v, v),
        Stated::Range(a, b) => (a, b),
    }
}

pub(crate) fn tidy(x: &Extraction) -> Vec<TidyStatement> {
    x.statements
        .iter()
        .map(|s| {
            let (low, high) = bounds(s.stated);
            let listed = |alternatives: &[crate::extract::readings::Candidate]| {
                alternatives
                    .iter()
                    .map(|a| format!("{} ({})", candidate_keys(a), computes(a, s.stated)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            // A statement the words leave open has no reading to be sure of.
            let confidence =
                (s.evidence != crate::extract::confidence::Evidence::Open).then_some(s.confidence);
            let (target, confidence, computed, alternatives, reason) = match &s.status {
                Status::Mapped { best, alternatives } => (
                    candidate_keys(best),
                    confidence,
                    best.computed,
                    listed(alternatives),
                    s.note.clone().unwrap_or_default(),
                ),
                Status::NeedsReading { why, alternatives } => (
                    "requires = \"reading\"".into(),
                    confidence,
                    None,
                    listed(alternatives),
                    why.clone(),
                ),
                Status::Events { reason, .. } => (
                    "requires = \"events\"".into(),
                    confidence,
                    None,
                    String::new(),
                    reason.clone(),
                ),
                Status::OutOfModel { reason } => (
                    "requires = \"out-of-model\"".into(),
                    confidence,
                    None,
                    String::new(),
                    reason.clone(),
                ),
                Status::Suspect { why } => (String::new(), None, None, String::new(), why.clone()),
            };
            TidyStatement {
                document: x.document.name.clone(),
                at: s.at.display(&x.document.name),
                page: (s.at.page > 0).then_some(s.at.page),
                line: s.at.line,
                column: s.at.col,
                number: s.number.clone(),
                shape: s.shape.id().to_string(),
                status: s.status.id().to_string(),
                // A reading held back below the verdict threshold shows what it would be.
                reading: match &s.status {
                    Status::Mapped { best, .. } => short(&best.target),
                    Status::NeedsReading { alternatives, .. }
                        if s.evidence != crate::extract::confidence::Evidence::Open =>
                    {
                        alternatives
                            .first()
                            .map_or_else(|| s.status.id().to_string(), |a| short(&a.target))
                    }
                    other => other.id().to_string(),
                },
                target,
                stated_low: low,
                stated_high: high,
                qualifier: s.qualifier.id().to_string(),
                hedge: s.hedge.clone().unwrap_or_default(),
                confidence,
                evidence: s.evidence.id(),
                computed,
                alternatives,
                reason,
                says: s.says.clone(),
            }
        })
        .collect()
}

/// A reading in short, as `check --format csv` names targets; a reading outside the data
/// model by what it would need alone ("events").
fn short(target: &Target) -> String {
    match target {
        Target::Unverifiable { requires, .. } => requires.id().to_string(),
        other => super::claims::target_id(other),
    }
}

/// The statements as a Markdown table, with the summary line.
pub(crate) fn markdown(x: &Extraction) -> String {
    let rows: Vec<Vec<String>> = tidy(x)
        .into_iter()
        .map(|r| {
            vec![
                escape(&r.at),
                escape(&r.number),
                escape(&r.shape),
                escape(&r.status),
                escape(if r.target.is_empty() {
                    &r.reason
                } else {
                    &r.target
                }),
                r.confidence.map_or(String::new(), |c| format!("{c:.2}")),
                escape(&r.says),
            ]
        })
        .collect();
    let mut out = format!(
        "Claims drafted from {} ({}).\n\n",
        escape(&x.document.name),
        x.document.kind.id()
    );
    out.push_str(&super::markdown::table(
        &[
            "where",
            "number",
            "read as",
            "status",
            "reading",
            "confidence",
            "says",
        ],
        &[Left, Left, Left, Left, Left, Right, Left],
        &rows,
    ));
    out.push_str(&format!("\n{}.\n", x.summary().line()));
    out
}

/// `check DOCUMENT --format markdown`: each statement in document order, with its
/// verdict when it was drafted as a claim.
pub(crate) fn annotated(
    x: &Extraction,
    checked: &[Checked],
    findings: &[String],
    header: &str,
) -> String {
    let mut out = format!(
        "# Claims of {} re-checked\n\n",
        escape(x.document.title.as_deref().unwrap_or(&x.document.name))
    );
    out.push_str(&format!(
        "Read from {} ({}); every claim was drafted by `extract`, not confirmed by a person.\n\n",
        escape(&x.document.name),
        x.document.kind.id()
    ));
    let mut results = checked.iter();
    for (n, s) in x.statements.iter().enumerate() {
        let c = if drafted(s) { results.next() } else { None };
        out.push_str(&statement(n + 1, s, c, &x.document.name));
    }
    if !findings.is_empty() {
        out.push_str("\nCross-checks between the drafted claims:\n\n");
        for f in findings {
            out.push_str(&format!("- {}\n", escape(f)));
        }
    }
    out.push_str(&format!(
        "\n{}.\n\n{}.\n",
        x.summary().line(),
        header.replace(" · ", ", ")
    ));
    out
}

fn statement(n: usize, s: &Statement, c: Option<&Checked>, file: &str) -> String {
    let verdict = c.map_or_else(
        || s.status.id().to_uppercase(),
        |c| match c.verdict {
            Verdict::Inconsistent => "INCONSISTENT".to_string(),
            _ if c.unread => "needs reading".to_string(),
            v => v.id().to_string(),
        },
    );
    let mut out = format!(
        "{n}. **{verdict}** at `{}`: \"{}\"\n",
        s.at.display(file),
        escape(&s.says)
    );
    out.push_str(&format!(
        "   - read: {} as {}",
        escape(&s.number),
        s.shape.id()
    ));
    if let Some(h) = &s.hedge {
        out.push_str(&format!(
            ", qualifier {} (\"{}\")",
            s.qualifier.id(),
            escape(h)
        ));
    }
    out.push('\n');
    match (&s.status, c) {
        (Status::Mapped { best, .. }, Some(c)) => {
            out.push_str(&format!(
                "   - reading: {} (confidence {:.2}, {}{})\n",
                escape(&candidate_keys(best)),
                s.confidence,
                escape(&s.evidence.id()),
                if s.confidence < crate::claims::VERDICT_CONFIDENCE {
                    "; below the verdict threshold: confirm the reading"
                } else {
                    ""
                }
            ));
            if let Some(v) = c.computed {
                out.push_str(&format!(
                    "   - computed: {}\n",
                    if v.abs() >= 100.0 {
                        grouped(v, 0)
                    } else {
                        crate::numbers::readable(v)
                    }
                ));
            }
            out.push_str(&format!("   - {}\n", escape(&c.reason)));
            for e in &c.explanations {
                out.push_str(&format!("   - → {}\n", escape(e)));
            }
        }
        (Status::NeedsReading { alternatives, .. }, Some(c)) => {
            out.push_str(&format!("   - {}\n", escape(&c.reason)));
            for a in alternatives {
                out.push_str(&format!(
                    "   - could be: {} ({})\n",
                    escape(&candidate_keys(a)),
                    computes(a, s.stated)
                ));
            }
        }
        (_, Some(c)) => out.push_str(&format!("   - {}\n", escape(&c.reason))),
        (Status::Suspect { why }, None) => {
            out.push_str(&format!("   - not drafted: {}\n", escape(why)))
        }
        _ => {}
    }
    if let Some(note) = &s.note {
        out.push_str(&format!("   - note: {}\n", escape(note)));
    }
    out
}
