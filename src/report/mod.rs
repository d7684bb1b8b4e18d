//! The Markdown report: a summary table, a section and a chart per metric with a
//! plain-language reading, the method, the published claims re-checked, the caveats from
//! the data notes, a reproducibility stamp and numbered sources footnoted on every figure.

pub(crate) mod charts;
mod figures;
pub(crate) mod files;
pub(crate) mod prose;
pub(crate) mod sections;
pub(crate) mod stamp;

use crate::claims::verdict::Checked;
use crate::data::Dataset;
use crate::error::Error;
use crate::metrics::compute::MetricRow;
use crate::metrics::resolve::Inputs;
use crate::metrics::Metric;
use crate::render::format::{display_with_interval, grouped, title};
use crate::render::markdown::escape;
use crate::uncertainty::formula::Formula;
use crate::uncertainty::Settings;
use crate::units::Units;

/// The first line of every generated report; `--out` only overwrites files that have it.
pub(crate) const MARKER: &str = crate::output::REPORT_MARKER;

/// What the report is made from.
pub(crate) struct Input<'a> {
    pub(crate) data: &'a Dataset,
    /// Every comparison's inputs, resolved with `--set` as the figures were.
    pub(crate) inputs: &'a [Inputs],
    pub(crate) rows: &'a [MetricRow],
    pub(crate) formulas: &'a [Formula],
    pub(crate) comparisons: &'a [&'a str],
    pub(crate) units: Units,
    pub(crate) settings: Settings,
    /// How the data directory is named, e.g. `datasets/`.
    pub(crate) data_name: String,
    pub(crate) data_hash: String,
    /// The claims re-checked, when the report has them.
    pub(crate) claims: Option<ClaimsUsed<'a>>,
    /// The chart directory's name relative to the report, e.g. `jnim-peers`.
    pub(crate) chart_dir: String,
    pub(crate) date: Option<String>,
    /// The event export joined for the event metrics, when one was given.
    pub(crate) events: Option<EventsUsed>,
}

/// The claims a report re-checks.
pub(crate) struct ClaimsUsed<'a> {
    pub(crate) checked: &'a [Checked],
    /// The cross-check findings.
    pub(crate) findings: &'a [String],
    /// Where the claims came from.
    pub(crate) described: &'a str,
    pub(crate) hash: &'a str,
}

/// An event export as the report describes it.
pub(crate) struct EventsUsed {
    /// What it is: "acled.csv (ACLED export, 1,204 rows from ..., ...; SHA-256 ...)".
    pub(crate) described: String,
    /// The comparisons it does not cover, each with the reason.
    pub(crate) uncovered: Vec<String>,
}

/// A report: its Markdown and its charts as (file name, SVG).
pub(crate) struct Report {
    pub(crate) markdown: String,
    pub(crate) charts: Vec<(String, String)>,
}

/// Sources numbered in order of first citation.
pub(crate) struct Citations<'a> {
    data: &'a Dataset,
    order: Vec<String>,
}

impl Citations<'_> {
    /// Footnote references for the sources, numbered in order of first citation and
    /// listed in ascending order.
    pub(crate) fn cite(&mut self, sources: &[String]) -> String {
        let mut numbers = Vec::new();
        for source in sources {
            if self.data.source(source).is_none() {
                continue;
            }
            let n = match self.order.iter().position(|s| s == source) {
                Some(i) => i + 1,
                None => {
                    self.order.push(source.clone());
                    self.order.len()
                }
            };
            numbers.push(n);
        }
        numbers.sort_unstable();
        numbers.dedup();
        numbers.iter().map(|n| format!("[^{n}]")).collect()
    }
}

fn sources_of(formula: &Formula) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in formula.numerator.iter().chain(&formula.denominator) {
        if let Some(source) = &term.source {
            if !out.contains(source) {
                out.push(source.clone());
            }
        }
    }
    out
}

pub(crate) fn label(data: &Dataset, id: &str) -> String {
    data.comparison(id)
        .map_or_else(|| id.to_string(), |c| c.label.clone())
}

/// The latest full date (YYYY-MM-DD) among the sources' publication dates.
pub(crate) fn data_as_of(data: &Dataset) -> Option<String> {
    data.sources
        .iter()
        .map(|s| s.published.as_str())
        .filter(|d| {
            d.len() == 10
                && d.as_bytes()[4] == b'-'
                && d.as_bytes()[7] == b'-'
                && d.replace('-', "").chars().all(|c| c.is_ascii_digit())
        })
        .max()
        .map(String::from)
}

pub(crate) fn build(input: &Input) -> Result<Report, Error> {
    let data = input.data;
    let mut cite = Citations {
        data,
        order: Vec::new(),
    };
    let as_of = data_as_of(data).unwrap_or_else(|| "unknown".into());
    let mut md = head(input, &as_of);
    let source_line = format!("Source: insurgency-metrics {}, data as of {as_of}. Bars: central estimate; whiskers: 90% interval.", env!("CARGO_PKG_VERSION"));
    let mut figures = figures::Figures {
        input,
        cite: &mut cite,
        source_line,
        charts: Vec::new(),
    };
    figures.summary(&mut md);
    figures.metric_sections(&mut md)?;
    figures.pairwise_section(&mut md)?;
    let charts = figures.charts;
    sections::sensitivity_section(&mut md, input);
    sections::method(&mut md, input, &mut cite);
    if let Some(claims) = &input.claims {
        sections::claims_section(&mut md, claims, &mut cite);
    }
    sections::caveats(&mut md, input);
    sections::stamp_section(&mut md, input);
    sources_section(&mut md, data, &cite);
    Ok(Report {
        markdown: md,
        charts,
    })
}

/// The marker, the title, the line that dates the data and how to read the figures.
fn head(input: &Input, as_of: &str) -> String {
    let mut md = format!(
        "{MARKER}\n\n# Insurgencies compared: fighters, soldiers, people and territory\n\n"
    );
    let mut line = format!(
        "Data as of {as_of} · {} comparisons · insurgency-metrics {}",
        input.comparisons.len(),
        env!("CARGO_PKG_VERSION")
    );
    if let Some(date) = &input.date {
        line = format!("{date} · {line}");
    }
    md.push_str(&format!("{line}\n\n"));
    md.push_str(&format!(
        "Each figure is computed from the central estimates; in brackets, the 90% interval from {} Monte Carlo draws over every estimate's low and high. Superscript numbers are the sources.\n\n",
        grouped(input.settings.draws as f64, 0)
    ));
    md
}

/// The numbered sources, in order of first citation.
fn sources_section(md: &mut String, data: &Dataset, cite: &Citations) {
    md.push_str("## Sources\n\n");
    for (i, id) in cite.order.iter().enumerate() {
        if let Some(s) = data.source(id) {
            let mut text = format!("{}. {}", s.title, s.publisher);
            if !s.published.is_empty() {
                text.push_str(&format!(", {}", s.published));
            }
            text.push('.');
            if !s.url.is_empty() {
                text.push_str(&format!(" <{}>", s.url));
            }
            md.push_str(&format!("[^{}]: {} (`{id}`)\n", i + 1, escape(&text)));
        }
    }
}

/// A figure with its 90% interval and its source footnotes, as a table cell.
fn figure_cell(row: &MetricRow, formula: &Formula, units: Units, cite: &mut Citations) -> String {
    let text = display_with_interval(
        row.metric,
        row.value,
        units,
        row.interval.map(|i| (i.p05, i.p95)),
    );
    format!("{}{}", escape(&text), cite.cite(&sources_of(formula)))
}

/// A metric's name as a heading: "Area per fighter (sq mi)".
fn section_title(metric: Metric, units: Units) -> String {
    match metric {
        Metric::AreaPerFighter => format!("area per fighter ({})", crate::units::area_unit(units)),
        _ => title(metric, units),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}
