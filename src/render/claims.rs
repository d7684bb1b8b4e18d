//! Renders re-checked claims: a terminal list grouped by document, a Markdown table, or
//! tidy CSV / JSON with one row per claim.

use serde::Serialize;

use crate::claims::verdict::{describe_stated, Checked, Verdict};
use crate::claims::{Bound, Requirement, Stated, Target};
use crate::data::Dataset;

use super::format::{counted, readable};
use super::markdown::{escape, table, Align};
use super::width::{wrap, WIDTH};

/// Counts for the summary line.
pub(crate) fn summary(checked: &[Checked], findings: usize) -> String {
    let count = |v: Verdict| checked.iter().filter(|c| c.verdict == v).count();
    let needs = |r: Requirement| {
        checked
            .iter()
            .filter(|c| c.verdict == Verdict::Unverifiable)
            .filter(|c| matches!(c.claim.target, Target::Unverifiable { requires, .. } if requires == r))
            .count()
    };
    let unread = checked.iter().filter(|c| c.unread).count();
    let other = count(Verdict::Unverifiable)
        .saturating_sub(needs(Requirement::Events) + needs(Requirement::OutOfModel) + unread);
    let mut unverifiable = format!(
        "{} need event data, {} outside the data model",
        needs(Requirement::Events),
        needs(Requirement::OutOfModel)
    );
    if unread > 0 {
        unverifiable.push_str(&format!(", {unread} need a person's reading"));
    }
    if other > 0 {
        unverifiable.push_str(&format!(", {other} missing from the data"));
    }
    format!(
        "{}: {} consistent, {} plausible, {} inconsistent, {} unverifiable ({unverifiable}); {}",
        counted(checked.len(), "claim"),
        count(Verdict::Consistent),
        count(Verdict::Plausible),
        count(Verdict::Inconsistent),
        count(Verdict::Unverifiable),
        counted(findings, "cross-check finding")
    )
}

fn computed_text(c: &Checked) -> String {
    match (c.computed, c.deviation) {
        (Some(v), Some(d)) => format!("{} ({:+.1}%)", readable(v), d * 100.0),
        _ => "–".to_string(),
    }
}

pub(crate) fn terminal(
    checked: &[Checked],
    findings: &[String],
    data: &Dataset,
    header: &str,
) -> String {
    // One line per part of the header (data, claims, draws) when it would not fit.
    let mut out = if header.chars().count() <= WIDTH as usize {
        format!("{header}\n")
    } else {
        // A part longer than the terminal (a long path) wraps, indented; a part laid out
        // already (the export's line) stays as it is.
        let parts: Vec<String> = header
            .split(" · ")
            .map(|part| {
                if part.contains('\n') || part.chars().count() <= WIDTH as usize {
                    part.to_string()
                } else {
                    wrap(part, WIDTH as usize, "  ")
                }
            })
            .collect();
        format!("{}\n", parts.join("\n"))
    };
    let mut document = "";
    for c in checked {
        if c.document != document {
            document = &c.document;
            let title = data
                .source(document)
                .map_or(String::new(), |s| format!(": {}", s.title));
            out.push_str(&format!(
                "\n{}\n",
                wrap(
                    &format!("{document}{title} ({})", c.claim.at.file),
                    WIDTH as usize,
                    "  "
                )
            ));
        }
        let label = match c.verdict {
            Verdict::Inconsistent => "INCONSISTENT",
            v => v.id(),
        };
        let indent = "                ";
        let mut lines = vec![
            format!("  {label:<13} {}", c.claim.id),
            c.claim.says.clone(),
        ];
        lines.push(format!(
            "stated {} · computed {}",
            describe_stated(&c.claim),
            computed_text(c)
        ));
        lines.push(c.reason.clone());
        if matches!(c.verdict, Verdict::Inconsistent | Verdict::Plausible) {
            // Alternatives are looked for where one figure is checked, not a change.
            if c.explanations.is_empty() && c.claim.change.is_none() {
                lines.push("no single change to the data makes it consistent".to_string());
            }
            lines.extend(c.explanations.iter().map(|e| format!("→ {e}")));
        }
        out.push_str(&lines[0]);
        out.push('\n');
        for line in &lines[1..] {
            out.push_str(&wrap(&format!("{indent}{line}"), WIDTH as usize, indent));
            out.push('\n');
        }
    }
    if !findings.is_empty() {
        out.push_str("\ncross-checks:\n");
        for finding in findings {
            out.push_str(&wrap(&format!("  ! {finding}"), WIDTH as usize, "    "));
            out.push('\n');
        }
    }
    let summary = summary(checked, findings.len());
    out.push_str(&format!("\n{}\n", wrap(&summary, WIDTH as usize, "  ")));
    out
}

pub(crate) fn markdown(checked: &[Checked], findings: &[String], header: &str) -> String {
    let mut rows = Vec::new();
    for c in checked {
        let mut why = escape(&c.reason);
        if matches!(c.verdict, Verdict::Inconsistent | Verdict::Plausible) {
            if c.explanations.is_empty() {
                why.push_str("<br>No single change to the data makes it consistent.");
            }
            for e in &c.explanations {
                why.push_str(&format!("<br>→ {}", escape(e)));
            }
        }
        rows.push(vec![
            format!("`{}`", c.claim.id),
            escape(&c.claim.says),
            escape(&describe_stated(&c.claim)),
            escape(&computed_text(c)),
            c.verdict.id().to_string(),
            why,
        ]);
    }
    use Align::{Left, Right};
    let mut out = table(
        &["claim", "says", "stated", "computed", "verdict", "why"],
        &[Left, Left, Right, Right, Left, Left],
        &rows,
    );
    if !findings.is_empty() {
        out.push_str("\nCross-checks:\n\n");
        for finding in findings {
            out.push_str(&format!("- {}\n", escape(finding)));
        }
    }
    out.push_str(&format!(
        "\n{}.\n\n{}.\n",
        summary(checked, findings.len()),
        header.replace(" · ", ", ")
    ));
    out
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct TidyClaim {
    pub(crate) document: String,
    pub(crate) claim: String,
    pub(crate) says: String,
    pub(crate) target: String,
    pub(crate) qualifier: String,
    pub(crate) stated_low: Option<f64>,
    pub(crate) stated_high: Option<f64>,
    pub(crate) computed: Option<f64>,
    pub(crate) deviation_pct: Option<f64>,
    pub(crate) verdict: String,
    pub(crate) reason: String,
    pub(crate) explanations: String,
    pub(crate) file: String,
}

/// One row per claim, then one per cross-check finding (verdict `cross-check`, the
/// finding in `reason`), so that every format carries the findings.
pub(crate) fn tidy(checked: &[Checked], findings: &[String]) -> Vec<TidyClaim> {
    let mut rows = claim_rows(checked);
    rows.extend(findings.iter().map(|finding| TidyClaim {
        document: String::new(),
        claim: String::new(),
        says: String::new(),
        target: "cross-check".to_string(),
        qualifier: String::new(),
        stated_low: None,
        stated_high: None,
        computed: None,
        deviation_pct: None,
        verdict: "cross-check".to_string(),
        reason: finding.clone(),
        explanations: String::new(),
        file: String::new(),
    }));
    rows
}

/// A claim's target in short, as `check --format csv|json` names it:
/// "jnim-sahel:people_per_fighter", "taliban:fighters:2021:low", "requires:events".
pub(crate) fn target_id(target: &Target) -> String {
    match target {
        Target::Metric {
            comparison,
            versus,
            metric,
            bounds,
            ..
        } => {
            let versus = versus.as_ref().map(|b| format!("/{b}")).unwrap_or_default();
            let bounds: String = bounds
                .iter()
                .map(|b| format!(":{}.{}={}", b.entity, b.quantity.id(), b.bound.id()))
                .collect();
            format!("{comparison}{versus}:{metric}{bounds}")
        }
        Target::Estimate {
            entity,
            quantity,
            component,
            year,
            bound,
        } => {
            let component = component.as_ref().map(|k| format!(".{k}"));
            let bound = match bound {
                Bound::Central => "",
                Bound::Low => ":low",
                Bound::High => ":high",
            };
            format!(
                "{entity}:{quantity}{}:{year}{bound}",
                component.unwrap_or_default()
            )
        }
        Target::Unverifiable { requires, .. } => format!("requires:{}", requires.id()),
    }
}

fn claim_rows(checked: &[Checked]) -> Vec<TidyClaim> {
    checked
        .iter()
        .map(|c| {
            let (low, high) = match c.claim.stated {
                Stated::One(v) => (v, v),
                Stated::Range(a, b) => (a, b),
            };
            let target = target_id(&c.claim.target);
            TidyClaim {
                document: c.document.clone(),
                claim: c.claim.id.clone(),
                says: c.claim.says.clone(),
                target,
                qualifier: c.claim.qualifier.id().to_string(),
                stated_low: Some(low),
                stated_high: Some(high),
                computed: c.computed,
                deviation_pct: c.deviation.map(|d| d * 100.0),
                verdict: c.verdict.id().to_string(),
                reason: c.reason.clone(),
                explanations: c.explanations.join("; "),
                file: c.claim.at.file.clone(),
            }
        })
        .collect()
}
