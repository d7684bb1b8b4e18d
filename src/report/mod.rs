//! The Markdown report: a summary table, a section and a chart per metric with a
//! plain-language reading, the method, the published claims re-checked, the caveats from
//! the data notes, a reproducibility stamp and numbered sources footnoted on every figure.

pub(crate) mod charts;
pub(crate) mod citations;
mod figures;
pub(crate) mod files;
mod lines;
pub(crate) mod prose;
pub(crate) mod sections;
pub(crate) mod stamp;
mod trends;

use crate::claims::verdict::Checked;
use crate::data::dates::DataDate;
use crate::data::Dataset;
use crate::error::Error;
use crate::metrics::compute::MetricRow;
use crate::metrics::overrides::Override;
use crate::metrics::resolve::Inputs;
use crate::render::format::{display_finer, grouped, interval, precision};
use crate::render::layout::sources_of;
use crate::render::markdown::escape;
use crate::uncertainty::formula::Formula;
use crate::uncertainty::Settings;

use crate::units::Units;
use citations::Citations;

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
    /// The `--set` values the figures use, named in the banner.
    pub(crate) overrides: &'a [Override],
    /// How the data directory is named, e.g. `datasets/`.
    pub(crate) data_name: String,
    pub(crate) data_hash: String,
    /// The claims re-checked, when the report has them.
    pub(crate) claims: Option<ClaimsUsed<'a>>,
    /// The chart directory's name relative to the report, e.g. `jnim-peers`.
    pub(crate) chart_dir: String,
    pub(crate) date: Option<String>,
    /// The flags of `report` that make it again (` --data ../other`; empty for the
    /// defaults): its first line, its stamp and `--check` name them.
    pub(crate) rerun: String,
    /// The event export joined for the event metrics, when one was given.
    pub(crate) events: Option<EventsUsed>,
    /// Each comparison's metrics year by year, up to its own year.
    pub(crate) trajectories: &'a [crate::metrics::trajectory::Point],
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

pub(crate) use crate::render::layout::{at_edge, EDGE};

/// The source ids of a figure and whether it uses a value set with `--set`.
fn cited(row: &MetricRow, formula: &Formula) -> (Vec<String>, bool) {
    (sources_of(formula), row.overridden)
}

pub(crate) fn label(data: &Dataset, id: &str) -> String {
    data.comparison(id)
        .map_or_else(|| id.to_string(), |c| c.label.clone())
}

/// The latest full date (YYYY-MM-DD) among the sources' publication dates (a month or
/// a year alone cannot say as of which day).
pub(crate) fn data_as_of(data: &Dataset) -> Option<String> {
    data.sources
        .iter()
        .filter(|s| DataDate::parse(&s.published).is_ok_and(|d| d.is_full()))
        .map(|s| s.published.as_str())
        .max()
        .map(String::from)
}

pub(crate) fn build(input: &Input) -> Result<Report, Error> {
    let data = input.data;
    let mut cite = Citations::new(data);
    let as_of = data_as_of(data).unwrap_or_else(|| "unknown".into());
    let mut md = head(input, &as_of);
    let mut figures = figures::Figures {
        input,
        cite: &mut cite,
        charts: Vec::new(),
    };
    figures.summary(&mut md);
    figures.metric_sections(&mut md)?;
    figures.pairwise_section(&mut md)?;
    let mut charts = figures.charts;
    trends::section(&mut md, input, &mut charts)?;
    sections::sensitivity_section(&mut md, input, &mut cite);
    sections::method(&mut md, input, &mut cite);
    if let Some(claims) = &input.claims {
        sections::claims_section(&mut md, claims, &mut cite);
    }
    sections::caveats(&mut md, input);
    sections::stamp_section(&mut md, input);
    md.push_str(&cite.section());
    Ok(Report {
        markdown: md,
        charts,
    })
}

/// The title block (YAML metadata, which pandoc makes the document's title and GitHub
/// shows as a table), the marker, the line that dates the data, the what-if banner and
/// how to read the figures.
fn head(input: &Input, as_of: &str) -> String {
    let title = "Insurgencies compared: fighters, soldiers, people and territory";
    let what_if = if input.overrides.is_empty() {
        ""
    } else {
        "What-if: "
    };
    let mut md = format!(
        "---\ntitle: \"{what_if}{title}\"\ndate: \"Data as of {as_of}\"\n---\n\n{}\n\n",
        crate::output::report_marker(&input.rerun)
    );
    // The date of the data is in the title block, which every renderer shows.
    let mut line = format!(
        "{} comparisons · insurgency-metrics {}",
        input.comparisons.len(),
        env!("CARGO_PKG_VERSION")
    );
    if let Some(date) = &input.date {
        line = format!("{date} · {line}");
    }
    md.push_str(&format!("{line}\n\n"));
    if !input.overrides.is_empty() {
        md.push_str("> **What-if, not the data.** This report was made with `--set`: every figure, chart and reading below uses these values in place of the data's estimates, and cites them as \"what-if (`--set`)\" instead of a source:\n>\n");
        for o in input.overrides {
            md.push_str(&format!("> - `{}`\n", escape(&o.text)));
        }
        md.push('\n');
    }
    // The mark is explained only where a figure carries it.
    let edge = if input.rows.iter().any(at_edge) {
        format!(
            " {EDGE} marks a figure at the edge of its interval (see [Uncertainty](#uncertainty))."
        )
    } else {
        String::new()
    };
    md.push_str(&format!(
        "Each figure is computed from the central estimates; in brackets, the 90% interval from {} Monte Carlo draws over the estimates' ranges.{edge} Numbers in square brackets are the [sources](#sources).\n\n",
        grouped(input.settings.draws as f64, 0)
    ));
    md
}

/// A figure with its 90% interval, marked when it sits at the interval's edge, as a
/// table cell: "97.5 sq mi† (97.6–105)".
fn figure_cell(row: &MetricRow, units: Units) -> String {
    let mark = if at_edge(row) { EDGE } else { "" };
    let ends = row.interval.map(|i| (i.p05, i.p95));
    let shown = display_finer(row.metric, row.value, units, precision(row.metric, ends));
    let text = match row.interval.filter(|i| i.p05 < i.p95) {
        Some(i) => format!("{shown}{mark} ({})", interval(row.metric, i.p05, i.p95)),
        None => shown,
    };
    escape(&text)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}
