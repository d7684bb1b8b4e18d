//! The report's closing sections: what moves the figures most, the method, the
//! published claims re-checked, the caveats from the data notes and the reproducibility
//! stamp.

use crate::claims::verdict::describe_stated;
use crate::data::Quantity;
use crate::metrics::Metric;
use crate::render::format::{display, grouped, readable, title};
use crate::render::markdown::{escape, table, Align};
use crate::units::Units;

use super::{capitalised, label, Citations, ClaimsUsed, Input};

/// For every figure, the input that moves it most from its low to its high.
pub(crate) fn sensitivity_section(md: &mut String, input: &Input, cite: &mut Citations) {
    md.push_str("## What moves the figures most\n\nFor each figure, the input whose range moves it most when it goes from its low to its high, the others held at their central values (the tool's sensitivity command lists every input).\n\n");
    let mut rows = Vec::new();
    for (row, formula) in input
        .rows
        .iter()
        .zip(input.formulas)
        .filter(|(r, _)| r.versus.is_none())
    {
        let Some(top) = crate::uncertainty::sensitivity::tornado(formula)
            .into_iter()
            .next()
        else {
            continue;
        };
        rows.push(vec![
            escape(&label(input.data, &row.comparison)),
            escape(&title(row.metric, input.units)),
            input_in_words(input, &row.comparison, &top.key, cite),
            escape(&display(row.metric, top.at_low, input.units)),
            escape(&display(row.metric, top.at_high, input.units)),
        ]);
    }
    if rows.is_empty() {
        let none = ["–", "–", "every input is a point value", "–", "–"];
        rows.push(none.map(String::from).to_vec());
    }
    use Align::{Left, Right};
    let headings = [
        "comparison",
        "figure",
        "input that moves it most",
        "at its low",
        "at its high",
    ];
    md.push_str(&table(&headings, &[Left, Left, Left, Right, Right], &rows));
    md.push('\n');
}

/// An input as a reader names it, with its sources: "Mali soldiers (armed forces),
/// 2025 \\[2\\]", from the resolved part of the comparison whose key it is.
fn input_in_words(input: &Input, comparison: &str, key: &str, cite: &mut Citations) -> String {
    let part = input
        .inputs
        .iter()
        .filter(|i| i.comparison.id == comparison)
        .flat_map(|i| Quantity::ALL.map(|q| i.get(q)))
        .filter_map(|resolved| resolved.as_ref().ok())
        .flat_map(|resolved| &resolved.parts)
        .find(|p| p.key() == key);
    let Some(part) = part else {
        return escape(key);
    };
    let mut sources: Vec<String> = part.pool.iter().map(|m| m.source.clone()).collect();
    if sources.is_empty() {
        sources.extend(part.source.clone());
    }
    let mut words = format!("{} {}", input.data.entity_name(&part.entity), part.quantity);
    if let Some(component) = &part.component {
        words.push_str(&format!(" ({})", component.replace('-', " ")));
    }
    if let Some(year) = part.year {
        words.push_str(&format!(", {year}"));
    }
    format!("{}{}", escape(&words), cite.cite(&sources, part.overridden))
}

pub(crate) fn method(md: &mut String, input: &Input, cite: &mut Citations) {
    formulas(md, input);
    md.push_str("\nThe countries of a comparison are summed. For each quantity the comparison's year is used, or the nearest earlier year when none exists; both these fallbacks and the newer estimates a comparison's year leaves unused are listed below.\n\n");
    event_counts(md, input);
    soldiers_counted(md, input, cite);
    fallbacks(md, input);
    uncertainty(md, input);
}

/// The formula of every metric in the report.
fn formulas(md: &mut String, input: &Input) {
    md.push_str("## Method\n\n");
    let mut rows = Vec::new();
    for m in Metric::all() {
        if m.is_event() && input.events.is_none() {
            continue;
        }
        rows.push(vec![
            escape(&if m.is_pairwise() {
                capitalised(&format!("{} ratio", title(m, input.units)))
            } else {
                capitalised(&crate::render::format::section_title(m, input.units))
            }),
            m.def().formula.to_string(),
        ]);
    }
    md.push_str(&table(
        &["metric", "formula"],
        &[Align::Left, Align::Left],
        &rows,
    ));
}

/// How the event metrics count, and the comparisons the export does not cover.
fn event_counts(md: &mut String, input: &Input) {
    if let Some(events) = &input.events {
        md.push_str(&format!(
            "### Event counts\n\nThe event metrics count the comparison's group in its countries and year from {}. An event involves the group when the group is an actor or an associated actor on its own; attributions shared with another group (\"... and/or ...\") are left out. A large-scale attack is an event the group initiated (the first actor) with at least the threshold's deaths. A comparison whose countries have no event at all in its year in the export gets no event metric.\n\n",
            escape(&events.described)
        ));
        for reason in &events.uncovered {
            md.push_str(&format!("- {}\n", escape(reason)));
        }
        if !events.uncovered.is_empty() {
            md.push('\n');
        }
    }
}

/// Per comparison, which components count as soldiers and the figures used.
fn soldiers_counted(md: &mut String, input: &Input, cite: &mut Citations) {
    let data = input.data;
    md.push_str("### What counts as soldiers\n\n");
    for id in input.comparisons {
        let Some(inputs) = input.inputs.iter().find(|i| i.comparison.id == *id) else {
            continue;
        };
        let c = &inputs.comparison;
        let mut parts = Vec::new();
        if let Ok(soldiers) = &inputs.soldiers {
            for p in &soldiers.parts {
                let mut what = data.entity_name(&p.entity).to_string();
                if let Some(component) = &p.component {
                    what.push_str(&format!(", {}", component.replace('-', " ")));
                }
                if let Some(year) = p.year {
                    what.push_str(&format!(", {year}"));
                }
                if p.overridden {
                    what.push_str(" (set with `--set`)");
                }
                let refs = match &p.source {
                    Some(s) => cite.cite(std::slice::from_ref(s), false),
                    None => cite.cite(&[], p.overridden),
                };
                // Escaped before the reference is added: the reference is Markdown.
                let what = escape(&what);
                parts.push(format!("{what}: {}{refs}", grouped(p.estimate.central, 0)));
            }
        }
        md.push_str(&format!(
            "- **{}** counts {}: {}.",
            escape(&c.label),
            crate::report::prose::join(
                &c.soldiers
                    .iter()
                    .map(|s| s.replace('-', " "))
                    .collect::<Vec<_>>()
            ),
            parts.join("; ")
        ));
        if !c.note.is_empty() {
            md.push_str(&format!(" {}", escape(&c.note)));
        }
        md.push('\n');
    }
}

/// Every year fallback, gap and newer estimate left unused behind the figures, and the
/// year of a comparison that follows its estimates.
fn fallbacks(md: &mut String, input: &Input) {
    md.push_str("\n### Years: fallbacks, gaps and newer estimates\n\n");
    let mut notes: Vec<String> = Vec::new();
    for r in input.rows.iter().filter(|r| r.versus.is_none()) {
        for n in &r.notes {
            let line = format!(
                "- {}: {}",
                escape(&label(input.data, &r.comparison)),
                escape(&sources_in_words(input.data, n))
            );
            if !notes.contains(&line) {
                notes.push(line);
            }
        }
    }
    if notes.is_empty() {
        md.push_str("Every quantity comes from its comparison's own year.\n");
    } else {
        md.push_str(&notes.join("\n"));
        md.push('\n');
    }
}

/// A note with the source ids it names replaced by the sources' titles and dates, as
/// a reader knows them.
fn sources_in_words(data: &crate::data::Dataset, note: &str) -> String {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut out = String::with_capacity(note.len());
    let mut rest = note;
    while let Some(start) = rest.find(is_word) {
        out.push_str(&rest[..start]);
        let word = &rest[start..];
        let end = word.find(|c: char| !is_word(c)).unwrap_or(word.len());
        let token = &word[..end];
        match data.source(token) {
            Some(s) if !s.published.is_empty() && !s.title.contains(&s.published) => {
                out.push_str(&format!("{} of {}", s.title, s.published))
            }
            Some(s) => out.push_str(&s.title),
            None => out.push_str(token),
        }
        rest = &word[end..];
    }
    out.push_str(rest);
    out
}

/// How the intervals and the worst cases are computed, and why a figure can sit at
/// the edge of its own interval.
fn uncertainty(md: &mut String, input: &Input) {
    md.push_str(&format!(
        "\n### Uncertainty\n\nEvery estimate with a low and a high is sampled from a PERT distribution over that range with the central value as its mode (or the distribution its row names). Where several sources give the same quantity for the same year, each trial first picks one of their rows (with equal weights unless the data give others: a linear opinion pool) and then draws within that row's range, so the interval covers the sources' disagreement while each figure stays the central value of the row chosen for it. One draw per input per trial is shared by every metric, so an input used twice moves both uses together. The 90% interval is the 5th to 95th percentile of {} trials (seed {}); the worst case is the lowest and highest value over every combination of the inputs' lows and highs, across every source's row. Estimates without a range are point values.\n\n",
        grouped(input.settings.draws as f64, 0),
        input.settings.seed
    ));
    if input.rows.iter().any(super::at_edge) {
        md.push_str(&format!("{} marks a figure at the edge of its 90% interval, or just outside it: its central estimates are at or near the ends of their ranges (an \"up to\" figure is both the central value and the high), so nearly every simulated world lies on one side of the figure from the central estimates.\n\n", super::EDGE));
    }
}

pub(crate) fn claims_section(md: &mut String, claims: &ClaimsUsed, cite: &mut Citations) {
    let (checked, findings) = (claims.checked, claims.findings);
    let described = claims.described;
    md.push_str("## Published claims re-checked\n\n");
    md.push_str(&format!(
        "{} (claims from {}; their hash is under Reproducibility).\n\n",
        crate::render::claims::summary(checked, findings.len()),
        escape(described),
    ));
    let mut rows = Vec::new();
    for c in checked
        .iter()
        .filter(|c| c.verdict != crate::claims::verdict::Verdict::Unverifiable)
    {
        let computed = match (c.computed, c.deviation) {
            (Some(v), Some(d)) => format!("{} ({:+.1}%)", readable(v), d * 100.0),
            _ => "–".into(),
        };
        let refs = cite.cite(std::slice::from_ref(&c.document), false);
        rows.push(vec![
            format!("{}{refs}", escape(&c.claim.says)),
            escape(&describe_stated(&c.claim)),
            computed,
            c.verdict.id().to_string(),
        ]);
    }
    use Align::{Left, Right};
    let headings = ["claim", "stated", "computed", "verdict"];
    md.push_str(&table(&headings, &[Left, Right, Right, Left], &rows));
    let unverifiable = checked
        .iter()
        .filter(|c| c.verdict == crate::claims::verdict::Verdict::Unverifiable)
        .count();
    md.push_str(&format!("\n{unverifiable} further claims need event data or figures outside the data model; the tool's check command lists them with their reasons.\n"));
    if !findings.is_empty() {
        md.push_str("\nCross-checks:\n\n");
        for f in findings {
            md.push_str(&format!("- {}\n", escape(f)));
        }
    }
    md.push('\n');
}

pub(crate) fn caveats(md: &mut String, input: &Input) {
    md.push_str("## Caveats\n\nFrom the notes of the estimates behind the figures:\n\n");
    let data = input.data;
    let mut seen: Vec<&crate::data::RowRef> = Vec::new();
    for id in input.comparisons {
        let Some(inputs) = input.inputs.iter().find(|i| i.comparison.id == *id) else {
            continue;
        };
        for q in Quantity::ALL {
            let Ok(resolved) = inputs.get(q) else {
                continue;
            };
            for p in &resolved.parts {
                let Some(row) =
                    p.at.as_ref()
                        .and_then(|at| data.rows.iter().find(|r| &r.at == at))
                else {
                    continue;
                };
                if seen.contains(&&row.at) {
                    continue;
                }
                seen.push(&row.at);
                if row.note.is_empty() {
                    continue;
                }
                let mut what = format!("{} {}", data.entity_name(&row.entity), row.quantity);
                if let Some(component) = &row.component {
                    what.push_str(&format!(" ({component})"));
                }
                if let Some(year) = row.year {
                    what.push_str(&format!(" {year}"));
                }
                md.push_str(&format!("- **{}**: {}\n", escape(&what), escape(&row.note)));
            }
        }
    }
    md.push('\n');
}

pub(crate) fn stamp_section(md: &mut String, input: &Input) {
    md.push_str("## Reproducibility\n\n");
    md.push_str(&format!(
        "- Tool: insurgency-metrics {}\n",
        env!("CARGO_PKG_VERSION")
    ));
    md.push_str(&format!(
        "- Data: `{}`, SHA-256 `{}`\n",
        input.data_name, input.data_hash
    ));
    if let Some(claims) = &input.claims {
        md.push_str(&format!(
            "- Claims: `{}`, SHA-256 `{}`\n",
            claims.described, claims.hash
        ));
    }
    if let Some(events) = &input.events {
        md.push_str(&format!("- Events: {}\n", escape(&events.described)));
    }
    md.push_str(&format!(
        "- Monte Carlo: {} draws per input, seed {}\n",
        grouped(input.settings.draws as f64, 0),
        input.settings.seed
    ));
    md.push_str(&format!(
        "- Units: {}\n",
        match input.units {
            Units::Imperial => "imperial (square miles)",
            Units::Metric => "metric (km²)",
        }
    ));
    md.push_str(&format!(
        "- Check that this report is current: `insurgency-metrics report --check{} --out <this file>`\n\n",
        input.rerun
    ));
}
