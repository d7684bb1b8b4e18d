//! Arranges tidy metric rows into what the human-readable renderers draw: one line per
//! comparison with a cell per metric, one line per pairwise partner, and numbered notes.

use crate::data::benchmarks::Benchmark;
use crate::metrics::compute::MetricRow;
use crate::metrics::Metric;
use crate::uncertainty::formula::Formula;
use crate::uncertainty::Settings;
use crate::units::Units;

/// The comparison table as the terminal and Markdown renderers draw it: the rows laid
/// out, the benchmarks they stand against, and the run they came from.
pub(crate) struct TableView<'a> {
    pub(crate) layout: Layout<'a>,
    pub(crate) benchmarks: &'a [Benchmark],
    pub(crate) units: Units,
    /// The data used, described for its reader.
    pub(crate) data: &'a str,
    /// The event export the event metrics were counted from, described.
    pub(crate) events: Option<&'a str>,
    /// The Monte Carlo settings, when intervals were computed.
    pub(crate) settings: Option<&'a Settings>,
}

/// A table of cells: `lines[i].1[j]` is the row for line i and metric `metrics[j]`.
pub(crate) struct Grid<'a> {
    pub(crate) metrics: Vec<Metric>,
    pub(crate) lines: Vec<(String, Vec<Option<&'a MetricRow>>)>,
}

pub(crate) struct Layout<'a> {
    pub(crate) single: Grid<'a>,
    /// The base comparison of the pairwise grid and the grid itself.
    pub(crate) pairwise: Option<(String, Grid<'a>)>,
    /// Numbered notes: (number, line label, text).
    pub(crate) notes: Vec<(usize, String, String)>,
    pub(crate) any_overridden: bool,
    /// Whether any figure lies outside its own 90% interval.
    pub(crate) any_at_edge: bool,
}

impl<'a> Layout<'a> {
    pub(crate) fn new(
        rows: &'a [MetricRow],
        comparisons: &[&str],
        metrics: &[Metric],
    ) -> Layout<'a> {
        let single_metrics: Vec<Metric> = metrics
            .iter()
            .copied()
            .filter(|m| !m.is_pairwise())
            .collect();
        let pair_metrics: Vec<Metric> = metrics
            .iter()
            .copied()
            .filter(|m| m.is_pairwise())
            .collect();
        let cell = |id: &str, versus: Option<&str>, m: Metric| {
            rows.iter()
                .find(|r| r.comparison == id && r.versus.as_deref() == versus && r.metric == m)
        };
        let single = Grid {
            lines: comparisons
                .iter()
                .map(|id| {
                    (
                        id.to_string(),
                        single_metrics.iter().map(|m| cell(id, None, *m)).collect(),
                    )
                })
                .collect(),
            metrics: single_metrics.clone(),
        };
        let pairwise = match comparisons.split_first() {
            Some((base, others)) if !others.is_empty() && !pair_metrics.is_empty() => Some((
                base.to_string(),
                Grid {
                    // Only the comparisons the base was compared with (`--versus`).
                    lines: others
                        .iter()
                        .filter(|other| rows.iter().any(|r| r.versus.as_deref() == Some(**other)))
                        .map(|other| {
                            (
                                other.to_string(),
                                pair_metrics
                                    .iter()
                                    .map(|m| cell(base, Some(other), *m))
                                    .collect(),
                            )
                        })
                        .collect(),
                    metrics: pair_metrics.clone(),
                },
            )),
            _ => None,
        };
        let mut notes: Vec<(usize, String, String)> = Vec::new();
        for id in comparisons {
            for row in rows
                .iter()
                .filter(|r| r.comparison == *id && r.versus.is_none())
            {
                for note in &row.notes {
                    if !notes
                        .iter()
                        .any(|(_, label, text)| label == id && text == note)
                    {
                        notes.push((notes.len() + 1, id.to_string(), note.clone()));
                    }
                }
            }
        }
        Layout {
            single,
            pairwise,
            notes,
            any_overridden: rows.iter().any(|r| r.overridden),
            any_at_edge: rows.iter().any(at_edge),
        }
    }

    /// Adds a note per comparison naming the sources of its figures' inputs (the ids of
    /// `sources.csv`), after the notes it already has; `formulas[i]` is `rows[i]`'s.
    pub(crate) fn with_sources(mut self, rows: &[MetricRow], formulas: &[Formula]) -> Self {
        let ids: Vec<String> = self.single.lines.iter().map(|(id, _)| id.clone()).collect();
        for id in ids {
            let mut sources: Vec<String> = Vec::new();
            let mine = rows
                .iter()
                .zip(formulas)
                .filter(|(r, _)| r.comparison == id && r.versus.is_none());
            for (row, formula) in mine {
                for s in sources_of(formula) {
                    if !sources.contains(&s) {
                        sources.push(s);
                    }
                }
                if row.overridden && !sources.iter().any(|s| s == WHAT_IF) {
                    sources.push(WHAT_IF.to_string());
                }
            }
            if !sources.is_empty() {
                let n = self.notes.len() + 1;
                self.notes
                    .push((n, id, format!("sources: {}", sources.join(", "))));
            }
        }
        self
    }

    /// The note numbers attached to a comparison, as " [1,2]".
    pub(crate) fn markers(&self, id: &str) -> String {
        let numbers: Vec<String> = self
            .notes
            .iter()
            .filter(|(_, label, _)| label == id)
            .map(|(n, _, _)| n.to_string())
            .collect();
        if numbers.is_empty() {
            String::new()
        } else {
            format!(" [{}]", numbers.join(","))
        }
    }
}

/// How a figure set with `--set` is cited in place of a source.
pub(crate) const WHAT_IF: &str = "what-if (--set)";

/// The source ids of a formula's inputs, in the order of its terms, each once: the row a
/// term's central value comes from, then every other source pooled into its interval. A
/// term set with `--set` or counted from an event export has none.
pub(crate) fn sources_of(formula: &Formula) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in formula.numerator.iter().chain(&formula.denominator) {
        let pooled = term.pool.iter().map(|m| &m.source);
        for source in term.source.iter().chain(pooled) {
            if !out.contains(source) {
                out.push(source.clone());
            }
        }
    }
    out
}

/// Whether a figure lies outside its own 90% interval: its inputs' central values are
/// at or near the ends of their ranges (an "up to" figure), so most draws fall on one
/// side of it.
pub(crate) fn at_edge(row: &MetricRow) -> bool {
    row.interval
        .is_some_and(|i| i.p05 < i.p95 && (row.value < i.p05 || row.value > i.p95))
}

/// The mark beside such a figure, and what it means.
pub(crate) const EDGE: &str = "†";
pub(crate) const EDGE_NOTE: &str = "† outside its own 90% interval: its inputs' central values are at or near the ends of their ranges, so most draws fall on one side of it";
