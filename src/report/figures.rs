//! The report's figures: the summary table, a section per metric with its chart, its
//! reading, its benchmarks and its table, and the base comparison's ratios against the
//! others.

use crate::data::{Dataset, Quantity};
use crate::error::Error;
use crate::metrics::compute::{unit, MetricRow};
use crate::metrics::Metric;
use crate::render::benchmarks::{our_basis, shown, standing};
use crate::render::format::{compact, display_finer, interval, precision, section_title, title};
use crate::render::markdown::{escape, figures, table, Align};
use crate::uncertainty::formula::Formula;

use super::charts::{self, Bar, Chart, Reference};
use super::{at_edge, capitalised, cited, figure_cell, label, prose, EDGE};
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

/// "Data: US Central Intelligence Agency; World Bank ... Benchmarks: Lawrence (2015).":
/// the publishers of the sources behind a chart's figures as a reader names them (the
/// publisher without its bracketed detail), each once in order of first use, then the
/// benchmarks drawn by their authors and years.
pub(super) fn source_line(
    data: &Dataset,
    ids: &[String],
    benchmarks: &[&crate::data::benchmarks::Benchmark],
    what_if: bool,
) -> String {
    let mut publishers: Vec<&str> = Vec::new();
    for id in ids {
        if let Some(s) = data.source(id) {
            let short = s.publisher.split(" (").next().unwrap_or_default().trim();
            if !short.is_empty() && !publishers.contains(&short) {
                publishers.push(short);
            }
        }
    }
    let mut line = String::from("Data:");
    if !publishers.is_empty() {
        line.push_str(&format!(" {}.", publishers.join("; ")));
    }
    if what_if {
        line.push_str(" What-if: values set with --set.");
    }
    let mut cited: Vec<String> = Vec::new();
    for b in benchmarks {
        let year = data
            .source(&b.source)
            .map(|s| s.published.chars().take(4).collect::<String>())
            .filter(|y| !y.is_empty());
        let name = match year {
            Some(year) => format!("{} ({year})", b.label),
            None => b.label.clone(),
        };
        if !cited.contains(&name) {
            cited.push(name);
        }
    }
    if !cited.is_empty() {
        line.push_str(&format!(" Benchmarks: {}.", cited.join("; ")));
    }
    if publishers.is_empty() && cited.is_empty() {
        return line;
    }
    format!("{line} Full references in the report's Sources.")
}

/// What the figure sections share while they are written.
pub(super) struct Figures<'i, 'c, 'd> {
    pub(super) input: &'i Input<'i>,
    pub(super) cite: &'c mut Citations<'d>,
    /// The charts written so far, as (file name, SVG).
    pub(super) charts: Vec<(String, String)>,
}

impl Figures<'_, '_, '_> {
    /// The metrics of one comparison that have rows, in the report's order.
    fn single(&self) -> Vec<Metric> {
        Metric::single()
            .chain(Metric::events())
            .filter(|m| !rows_of(self.input, *m).is_empty())
            .collect()
    }

    fn pairwise(&self) -> Vec<Metric> {
        Metric::pairwise()
            .filter(|m| !rows_of(self.input, *m).is_empty())
            .collect()
    }

    /// A figure cell for the row of `metric` that `find` picks, or a dash.
    fn cell(&self, metric: Metric, find: impl Fn(&MetricRow) -> bool) -> String {
        rows_of(self.input, metric)
            .into_iter()
            .find(|(r, _)| find(r))
            .map_or_else(|| "–".into(), |(row, _)| figure_cell(row, self.input.units))
    }

    /// The reference for the rows `find` picks across `metrics`: their sources together.
    fn cite_rows(&mut self, metrics: &[Metric], find: impl Fn(&MetricRow) -> bool) -> String {
        let mut ids: Vec<String> = Vec::new();
        let mut what_if = false;
        for m in metrics {
            for (row, formula) in rows_of(self.input, *m).into_iter().filter(|(r, _)| find(r)) {
                let (sources, overridden) = cited(row, formula);
                what_if |= overridden;
                for s in sources {
                    if !ids.contains(&s) {
                        ids.push(s);
                    }
                }
            }
        }
        self.cite.cite(&ids, what_if).trim().to_string()
    }

    /// Every comparison's figures in one table; the sources are in each metric's section.
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
            let mut row = vec![escape(&label(input.data, id)), year.to_string()];
            for m in &single {
                row.push(self.cell(*m, |r| r.comparison == *id && r.versus.is_none()));
            }
            rows.push(row);
        }
        md.push_str(&table(&headings, &figures(headings.len()), &rows));
        md.push_str("\nThe sources of every figure are given in its metric's section.\n\n");
    }

    /// A section per metric: its chart, a reading, its benchmarks and its table.
    pub(super) fn metric_sections(&mut self, md: &mut String) -> Result<(), Error> {
        let input = self.input;
        let units = input.units;
        for m in self.single() {
            let rows = rows_of(input, m);
            let plain: Vec<&MetricRow> = rows.iter().map(|(r, _)| *r).collect();
            let name = capitalised(&section_title(m, units));
            let benchmarks = crate::render::benchmarks::of(&input.data.benchmarks, m);
            let mut ids: Vec<String> = Vec::new();
            for (_, f) in &rows {
                for s in crate::render::layout::sources_of(f) {
                    if !ids.contains(&s) {
                        ids.push(s);
                    }
                }
            }
            let what_if = plain.iter().any(|r| r.overridden);
            let file = format!("{}.svg", m.id());
            let chart = Chart {
                file: format!("{}/{file}", input.chart_dir),
                title: if what_if {
                    format!("{name} (what-if)")
                } else {
                    name.clone()
                },
                axis: title(m, units),
                bars: plain.iter().map(|r| self.bar(r)).collect(),
                references: benchmarks
                    .iter()
                    .map(|b| Reference {
                        label: format!("{}: {}", b.label, shown(b)),
                        value: b.value,
                        high: b.high,
                    })
                    .collect(),
                source_line: source_line(input.data, &ids, &benchmarks, what_if),
            };
            self.charts.push((file.clone(), charts::draw(&chart)?));
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
            self.benchmark_list(md, m, &plain);
            self.metric_table(md, m, &rows);
        }
        Ok(())
    }

    fn bar(&self, r: &MetricRow) -> Bar {
        Bar {
            label: label(self.input.data, &r.comparison),
            value: r.value,
            interval: r.interval.map(|i| (i.p05, i.p95)),
            shown: compact(r.metric, r.value),
            place: self
                .input
                .data
                .comparison(&r.comparison)
                .map(|c| c.key("id")),
        }
    }

    /// The benchmarks of a metric, each with its counting basis, where every comparison
    /// stands against it, its caveat and its source.
    fn benchmark_list(&mut self, md: &mut String, m: Metric, rows: &[&MetricRow]) {
        let data = self.input.data;
        let found = crate::render::benchmarks::of(&data.benchmarks, m);
        if found.is_empty() {
            return;
        }
        md.push_str(&format!(
            "Published benchmarks, each counted on its own basis, whereas {}:\n\n",
            our_basis(m)
        ));
        for b in found {
            let standings: Vec<String> = rows
                .iter()
                .map(|r| {
                    let who = prose::inner(data, &r.comparison);
                    format!("{who} {}", standing(r.value, b))
                })
                .collect();
            let refs = self.cite.cite(std::slice::from_ref(&b.source), false);
            let mut line = format!(
                "- **{}**: {}, counting {}{refs}. As a share of it: {}.",
                escape(&b.label),
                escape(&shown(b)),
                escape(&b.counts),
                escape(&prose::join(&standings))
            );
            if !b.caveat.is_empty() {
                line.push_str(&format!(" Caveat: {}.", escape(&b.caveat)));
            }
            md.push_str(&line);
            md.push('\n');
        }
        md.push('\n');
    }

    /// A metric's table: each figure, its interval, its worst case and its sources.
    fn metric_table(&mut self, md: &mut String, m: Metric, rows: &[(&MetricRow, &Formula)]) {
        let units = self.input.units;
        let mut lines: Vec<Vec<String>> = Vec::new();
        for (r, f) in rows {
            let (ci, worst) = r.interval.map_or(("–".into(), "–".into()), |i| {
                (interval(m, i.p05, i.p95), interval(m, i.low, i.high))
            });
            let mark = if at_edge(r) { EDGE } else { "" };
            let (sources, what_if) = cited(r, f);
            lines.push(vec![
                escape(&label(self.input.data, &r.comparison)),
                format!(
                    "{}{mark}",
                    escape(&display_finer(
                        m,
                        r.value,
                        units,
                        precision(m, r.interval.map(|i| (i.p05, i.p95)))
                    ))
                ),
                ci,
                worst,
                self.cite.cite(&sources, what_if).trim().to_string(),
            ]);
        }
        let headings = [
            "comparison".to_string(),
            escape(&unit(m, units)),
            "90% interval".into(),
            "worst case".into(),
            "sources".into(),
        ];
        use Align::{Left, Right};
        md.push_str(&table(
            &headings,
            &[Left, Right, Right, Right, Left],
            &lines,
        ));
        md.push('\n');
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
            .chain(std::iter::once("sources".to_string()))
            .collect();
        let mut rows = Vec::new();
        for other in others {
            let mut row = vec![escape(&label(input.data, other))];
            for m in &pairwise {
                row.push(self.cell(*m, |r| r.versus.as_deref() == Some(*other)));
            }
            row.push(self.cite_rows(&pairwise, |r| r.versus.as_deref() == Some(*other)));
            rows.push(row);
        }
        let mut align = figures(headings.len());
        if let Some(last) = align.last_mut() {
            *last = Align::Left;
        }
        md.push_str(&table(&headings, &align, &rows));
        md.push('\n');
        for m in pairwise {
            self.pairwise_chart(md, base, m)?;
        }
        Ok(())
    }

    /// The chart of one ratio of `base` against each other comparison. A comparison
    /// whose quantity is the base's own (the same inputs on both sides, 1× by
    /// construction) is named under the chart, not drawn.
    fn pairwise_chart(&mut self, md: &mut String, base: &str, m: Metric) -> Result<(), Error> {
        let input = self.input;
        let rows = rows_of(input, m);
        let mut ids: Vec<String> = Vec::new();
        for (_, f) in &rows {
            for s in crate::render::layout::sources_of(f) {
                if !ids.contains(&s) {
                    ids.push(s);
                }
            }
        }
        let (drawn, same): (Vec<_>, Vec<_>) = rows.iter().partition(|(_, f)| !same_inputs(f));
        let quantity = title(m, input.units);
        let owner = input.data.comparison(base).map_or_else(
            || label(input.data, base),
            // Fighters are the group's; soldiers, people and area its countries'.
            |c| match m.quantities() {
                Some((Quantity::Fighters, _)) => prose::group_of(input.data, c),
                _ => prose::countries_of(input.data, c),
            },
        );
        let what = format!("{} of {owner}", capitalised(&quantity));
        let what_if = rows.iter().any(|(r, _)| r.overridden);
        let mut source = source_line(input.data, &ids, &[], what_if);
        if !same.is_empty() {
            let names: Vec<String> = same
                .iter()
                .map(|(r, _)| label(input.data, r.versus.as_deref().unwrap_or_default()))
                .collect();
            source = format!(
                "Not drawn (the same {quantity}, 1× by construction): {}. {source}",
                prose::join(&names)
            );
        }
        let file = format!("{}.svg", m.id());
        let chart = Chart {
            file: format!("{}/{file}", input.chart_dir),
            title: format!(
                "{what} against each other comparison{}",
                if what_if { " (what-if)" } else { "" }
            ),
            axis: format!("times the other comparison's {quantity}"),
            bars: drawn
                .iter()
                .map(|(r, _)| Bar {
                    label: label(input.data, r.versus.as_deref().unwrap_or_default()),
                    ..self.bar(r)
                })
                .collect(),
            references: Vec::new(),
            source_line: source,
        };
        self.charts.push((file.clone(), charts::draw(&chart)?));
        md.push_str(&format!(
            "![{} against each other comparison]({}/{file})\n\n",
            escape(&what),
            input.chart_dir
        ));
        Ok(())
    }
}

/// Whether a ratio divides a quantity by itself: the same inputs above and below.
fn same_inputs(formula: &Formula) -> bool {
    fn keys(terms: &[crate::uncertainty::formula::Term]) -> Vec<&str> {
        let mut keys: Vec<&str> = terms.iter().map(|t| t.key.as_str()).collect();
        keys.sort_unstable();
        keys
    }
    keys(&formula.numerator) == keys(&formula.denominator)
}
