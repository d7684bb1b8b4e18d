//! `table --years`: each comparison's metric year by year, as a terminal table or
//! Markdown (a block per comparison and metric: the figure with its interval, its
//! change since the first year, the inputs carried from earlier years) or tidy rows
//! (one per comparison, metric and year).

use serde::Serialize;

use crate::metrics::trajectory::{Change, Point};
use crate::numbers::grouped;
use crate::uncertainty::Settings;
use crate::units::Units;

use super::format::{display_with_interval, ratio, title};
use super::layout::sources_of;
use super::width::{wrap, WIDTH};

/// What the header lines and tidy rows say of the run.
pub(crate) struct Run<'a> {
    pub(crate) units: Units,
    pub(crate) data: &'a str,
    pub(crate) settings: Option<&'a Settings>,
    /// Each comparison's id and label.
    pub(crate) labels: &'a [(String, String)],
    /// The event export, as outputs joined with it name it.
    pub(crate) events: Option<&'a str>,
}

/// One year of one block, as shown.
struct Line {
    year: String,
    figure: String,
    change: String,
    carried: String,
}

/// "×3.20 (2.10–4.80)", or "–" without a change.
fn change_text(change: Option<&Change>) -> String {
    let Some(change) = change else {
        return "–".to_string();
    };
    match (change.p05, change.p95) {
        (Some(low), Some(high)) if low < high => format!(
            "{} ({}–{})",
            ratio(change.factor),
            ratio(low).trim_end_matches('×'),
            ratio(high)
        ),
        _ => ratio(change.factor),
    }
}

/// The blocks: each comparison's metric, one line per year; the years without a
/// figure, run together where the reason is the same but for the year, with the
/// reason of the last.
fn blocks<'a>(points: &'a [Point], run: &Run) -> Vec<(&'a Point, Vec<Line>, Vec<String>)> {
    // Each block's lines and its reasons: (the reason with its year as "{year}", as shown).
    type Reasons = Vec<(String, String)>;
    let mut out: Vec<(&Point, Vec<Line>, Reasons)> = Vec::new();
    for point in points {
        let same = out.last().is_some_and(|(first, _, _)| {
            first.comparison == point.comparison && first.metric == point.metric
        });
        if !same {
            out.push((point, Vec::new(), Vec::new()));
        }
        let Some((_, lines, reasons)) = out.last_mut() else {
            continue;
        };
        match &point.figure {
            Ok((row, _)) => lines.push(Line {
                year: point.year.to_string(),
                figure: display_with_interval(
                    point.metric,
                    row.value,
                    run.units,
                    row.interval.map(|i| (i.p05, i.p95)),
                ),
                change: change_text(point.change.as_ref()),
                carried: point
                    .carried
                    .iter()
                    .map(shown_carried)
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
            Err(why) => {
                let general = why.replace(&point.year.to_string(), "{year}");
                let same_reason = reasons.last().is_some_and(|(r, _)| *r == general);
                let joined = lines.last_mut().filter(|l| l.figure == "–" && same_reason);
                match joined {
                    Some(line) => {
                        let first = line.year.split('–').next().unwrap_or_default().to_string();
                        line.year = format!("{first}–{}", point.year);
                        if let Some(last) = reasons.last_mut() {
                            last.1 = format!("{}: {why}", line.year);
                        }
                    }
                    None => {
                        lines.push(Line {
                            year: point.year.to_string(),
                            figure: "–".to_string(),
                            change: String::new(),
                            carried: String::new(),
                        });
                        reasons.push((general, format!("{}: {why}", point.year)));
                    }
                }
            }
        }
    }
    out.into_iter()
        .map(|(p, lines, reasons)| (p, lines, reasons.into_iter().map(|(_, r)| r).collect()))
        .collect()
}

/// "fighters 2018" (a comparison has one group), "Mali population 2021".
fn shown_carried(c: &crate::metrics::trajectory::Carried) -> String {
    match c.quantity {
        crate::data::Quantity::Fighters => format!("{} {}", c.quantity, c.year),
        _ => format!("{} {} {}", c.name, c.quantity, c.year),
    }
}

/// The change column's heading: "since 2021", the first year with a figure.
fn since(lines: &[Line]) -> String {
    lines
        .iter()
        .find(|l| l.figure != "–")
        .map_or("change".to_string(), |l| format!("since {}", l.year))
}

fn label<'a>(run: &'a Run, id: &'a str) -> &'a str {
    run.labels
        .iter()
        .find(|(i, _)| i == id)
        .map_or(id, |(_, l)| l.as_str())
}

/// The data and sampling lines; wrapped to 80 columns on a terminal.
fn header(run: &Run, terminal: bool) -> String {
    let mut out = format!("data: {}\n", run.data);
    if let Some(events) = run.events {
        let line = format!("events: {events}");
        out.push_str(&if terminal {
            format!("{}\n", wrap(&line, WIDTH as usize, "  "))
        } else {
            format!("{line}\n")
        });
    }
    if let Some(s) = run.settings {
        let line = format!(
            "90% intervals from {} Monte Carlo draws, seed {}; each change on the same draws as its two years",
            grouped(s.draws as f64, 0),
            s.seed
        );
        let line = if terminal {
            wrap(&line, WIDTH as usize, "  ")
        } else {
            line
        };
        out.push_str(&format!("{line}\n"));
    }
    out
}

/// The terminal blocks, within 80 columns.
pub(crate) fn terminal(points: &[Point], run: &Run) -> String {
    let mut out = header(run, true);
    for (first, lines, reasons) in blocks(points, run) {
        out.push_str(&format!(
            "\n{}\n",
            wrap(
                &format!(
                    "{}: {}",
                    label(run, &first.comparison),
                    title(first.metric, run.units)
                ),
                WIDTH as usize,
                "  "
            )
        ));
        let mut table = super::terminal::new_table(false);
        table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
        let since = since(&lines);
        table.set_header(vec![
            "year",
            "figure (90% interval)",
            &since,
            "carried from earlier",
        ]);
        for line in &lines {
            table.add_row(vec![
                line.year.as_str(),
                line.figure.as_str(),
                line.change.as_str(),
                line.carried.as_str(),
            ]);
        }
        out.push_str(&table.to_string());
        out.push('\n');
        for reason in reasons {
            out.push_str(&format!(
                "{}\n",
                wrap(&format!("– {reason}"), WIDTH as usize, "  ")
            ));
        }
    }
    out
}

/// The blocks as Markdown: a heading and a table each.
pub(crate) fn markdown(points: &[Point], run: &Run) -> String {
    use super::markdown::{escape, table, Align};
    let mut out = String::new();
    for line in header(run, false).lines() {
        out.push_str(&format!("{}\n\n", escape(line)));
    }
    for (first, lines, reasons) in blocks(points, run) {
        out.push_str(&format!(
            "### {}: {}\n\n",
            escape(label(run, &first.comparison)),
            escape(&title(first.metric, run.units))
        ));
        let rows: Vec<Vec<String>> = lines
            .iter()
            .map(|l| {
                vec![
                    l.year.clone(),
                    escape(&l.figure),
                    escape(&l.change),
                    escape(&l.carried),
                ]
            })
            .collect();
        let change = format!("change {}", since(&lines));
        out.push_str(&table(
            &[
                "year",
                "figure (90% interval)",
                &change,
                "carried from earlier",
            ],
            &[Align::Left, Align::Right, Align::Right, Align::Left],
            &rows,
        ));
        for reason in reasons {
            out.push_str(&format!("\n- {}\n", escape(&reason)));
        }
        out.push('\n');
    }
    out
}

/// One tidy row per comparison, metric and year.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct YearRow {
    pub(crate) comparison: String,
    pub(crate) metric: String,
    pub(crate) year: i32,
    pub(crate) value: Option<f64>,
    pub(crate) unit: String,
    pub(crate) display: String,
    pub(crate) p05: Option<f64>,
    pub(crate) p95: Option<f64>,
    /// The inputs taken from an earlier year (`;`-separated: "jnim fighters 2022").
    pub(crate) carried: String,
    /// The first year with a figure, the change is from.
    pub(crate) change_from: Option<i32>,
    pub(crate) change: Option<f64>,
    pub(crate) change_p05: Option<f64>,
    pub(crate) change_p95: Option<f64>,
    pub(crate) notes: String,
    /// Why the year has no figure.
    pub(crate) not_available: String,
    pub(crate) sources: String,
    pub(crate) seed: Option<u64>,
    pub(crate) draws: Option<usize>,
    pub(crate) data: String,
}

pub(crate) fn tidy(points: &[Point], run: &Run) -> Vec<YearRow> {
    points
        .iter()
        .map(|p| {
            let mut row = YearRow {
                comparison: p.comparison.clone(),
                metric: p.metric.id().to_string(),
                year: p.year,
                unit: crate::metrics::compute::unit(p.metric, run.units),
                carried: p
                    .carried
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(";"),
                change_from: p.change.map(|c| c.from),
                change: p.change.map(|c| c.factor),
                change_p05: p.change.and_then(|c| c.p05),
                change_p95: p.change.and_then(|c| c.p95),
                data: run.data.to_string(),
                ..YearRow::default()
            };
            match &p.figure {
                Ok((figure, formula)) => {
                    row.value = Some(figure.value);
                    row.display = super::format::display(p.metric, figure.value, run.units);
                    row.p05 = figure.interval.map(|i| i.p05);
                    row.p95 = figure.interval.map(|i| i.p95);
                    row.notes = figure.notes.join("; ");
                    row.sources = sources_of(formula).join(";");
                    row.seed = figure.interval.and(run.settings.map(|s| s.seed));
                    row.draws = figure.interval.and(run.settings.map(|s| s.draws));
                }
                Err(why) => row.not_available = why.clone(),
            }
            row
        })
        .collect()
}
