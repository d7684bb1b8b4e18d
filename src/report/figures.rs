//! The report's figures: the summary table, a section per metric with its chart, its
//! reading and its table, and the base comparison's ratios against the others.

use crate::error::Error;
use crate::metrics::compute::{unit, MetricRow};
use crate::metrics::Metric;
use crate::render::format::{display, interval, title};
use crate::render::markdown::{escape, figures, table};
use crate::uncertainty::formula::Formula;

use super::{capitalised, charts, figure_cell, label, prose, section_title, sources_of};
use super::{Citations, Input};

/// The rows of one metric, each with its formula.
fn rows_of<'a>(input: &'a Input, metric: Metric) -> Vec<(&'a MetricRow, &'a Formula)> {
    input
        .rows
        .iter()
        .zip(input.formulas)
        .filter(|(r, _)| r.metric == metric)
        .collect()
}

/// What the figure sections share while they are written.
pub(super) struct Figures<'i, 'c, 'd> {
    pub(super) input: &'i Input<'i>,
    pub(super) cite: &'c mut Citations<'d>,
    /// The line under every chart: tool, version and the data's date.
    pub(super) source_line: String,
    /// The charts written so far, as (file name, SVG).
    pub(super) charts: Vec<(String, String)>,
}

impl Figures<'_, '_, '_> {
    /// The metrics of one comparison that have rows, in the report's order.
    fn single(&self) -> Vec<Metric> {
        Metric::SINGLE
            .into_iter()
            .chain(Metric::EVENTS)
            .filter(|m| !rows_of(self.input, *m).is_empty())
            .collect()
    }

    fn pairwise(&self) -> Vec<Metric> {
        Metric::PAIRWISE
            .into_iter()
            .filter(|m| !rows_of(self.input, *m).is_empty())
            .collect()
    }

    /// A figure cell for the row of `metric` that `find` picks, or a dash.
    fn cell(&mut self, metric: Metric, find: impl Fn(&MetricRow) -> bool) -> String {
        let units = self.input.units;
        let found = rows_of(self.input, metric)
            .into_iter()
            .find(|(r, _)| find(r));
        match found {
            Some((row, formula)) => figure_cell(row, formula, units, self.cite),
            None => "–".into(),
        }
    }

    /// Every comparison's figures in one table.
    pub(super) fn summary(&mut self, md: &mut String) {
        let (input, single) = (self.input, self.single());
        md.push_str("## Summary\n\n");
        let headings: Vec<String> = ["comparison".to_string(), "year".to_string()]
            .into_iter()
            .chain(single.iter().map(|m| escape(&title(*m, input.units))))
            .collect();
        let mut rows = Vec::new();
        for id in input.comparisons {
            let year = input.data.comparison(id).map_or(0, |c| c.year);
            let mut row = vec![
                format!("{} (`{id}`)", escape(&label(input.data, id))),
                year.to_string(),
            ];
            for m in &single {
                row.push(self.cell(*m, |r| r.comparison == *id));
            }
            rows.push(row);
        }
        md.push_str(&table(&headings, &figures(headings.len()), &rows));
        md.push('\n');
    }

    /// A section per metric: its chart, a reading and its table with the intervals.
    pub(super) fn metric_sections(&mut self, md: &mut String) -> Result<(), Error> {
        let input = self.input;
        let units = input.units;
        for m in self.single() {
            let rows = rows_of(self.input, m);
            let plain: Vec<&MetricRow> = rows.iter().map(|(r, _)| *r).collect();
            let name = capitalised(&section_title(m, units));
            let file = format!("{}.svg", m.id());
            let svg = charts::bar_chart(m, &plain, units, &name, &self.source_line)?;
            self.charts.push((file.clone(), svg));
            md.push_str(&format!("## {name}\n\n"));
            md.push_str(&format!(
                "![{}]({}/{file})\n\n",
                escape(&name),
                input.chart_dir
            ));
            md.push_str(&format!(
                "{}\n\n",
                escape(&prose::single(input.data, m, &plain, units))
            ));
            let lines: Vec<Vec<String>> = rows
                .iter()
                .map(|(r, f)| {
                    let (ci, worst) = r.interval.map_or(("–".into(), "–".into()), |i| {
                        (interval(m, i.p05, i.p95), interval(m, i.low, i.high))
                    });
                    vec![
                        escape(&label(input.data, &r.comparison)),
                        format!(
                            "{}{}",
                            escape(&display(m, r.value, units)),
                            self.cite.cite(&sources_of(f))
                        ),
                        ci,
                        worst,
                    ]
                })
                .collect();
            let headings = [
                "comparison".to_string(),
                escape(&unit(m, units)),
                "90% interval".into(),
                "worst case".into(),
            ];
            md.push_str(&table(&headings, &figures(4), &lines));
            md.push('\n');
        }
        Ok(())
    }

    /// The base comparison against each other: the readings, the table of ratios and a
    /// chart per ratio.
    pub(super) fn pairwise_section(&mut self, md: &mut String) -> Result<(), Error> {
        let input = self.input;
        let pairwise = self.pairwise();
        let Some((base, others)) = input
            .comparisons
            .split_first()
            .filter(|(_, o)| !o.is_empty() && !pairwise.is_empty())
        else {
            return Ok(());
        };
        let base_label = escape(&label(input.data, base));
        md.push_str(&format!("## {base_label} against the others\n\n"));
        md.push_str(&format!(
            "Each ratio divides a quantity of {base_label} by the same quantity of the other comparison.\n\n"
        ));
        let plain: Vec<&MetricRow> = input.rows.iter().filter(|r| r.versus.is_some()).collect();
        for other in others {
            let text = prose::pairwise(input.data, base, other, &plain);
            if !text.is_empty() {
                md.push_str(&format!("- {}\n", escape(&text)));
            }
        }
        md.push('\n');
        let headings: Vec<String> = std::iter::once("against".to_string())
            .chain(pairwise.iter().map(|m| title(*m, input.units)))
            .collect();
        let mut rows = Vec::new();
        for other in others {
            let mut row = vec![escape(&label(input.data, other))];
            for m in &pairwise {
                row.push(self.cell(*m, |r| r.versus.as_deref() == Some(*other)));
            }
            rows.push(row);
        }
        md.push_str(&table(&headings, &figures(headings.len()), &rows));
        md.push('\n');
        for m in pairwise {
            self.pairwise_chart(md, base, m)?;
        }
        Ok(())
    }

    /// The chart of one ratio of `base` against each other comparison.
    fn pairwise_chart(&mut self, md: &mut String, base: &str, m: Metric) -> Result<(), Error> {
        let units = self.input.units;
        let relabelled: Vec<MetricRow> = rows_of(self.input, m)
            .into_iter()
            .map(|(r, _)| {
                let mut r = r.clone();
                r.comparison = r.versus.clone().unwrap_or_default();
                r
            })
            .collect();
        let refs: Vec<&MetricRow> = relabelled.iter().collect();
        let what = capitalised(&title(m, units));
        let caption = format!("{what} of {base} as a multiple of each comparison's");
        let file = format!("{}.svg", m.id());
        let svg = charts::bar_chart(m, &refs, units, &caption, &self.source_line)?;
        self.charts.push((file.clone(), svg));
        md.push_str(&format!(
            "![{what} of {base} against each comparison]({}/{file})\n\n",
            self.input.chart_dir
        ));
        Ok(())
    }
}
