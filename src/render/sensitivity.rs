//! `sensitivity` as text: per figure, each input's swing from its low to its high as a
//! terminal tornado or Markdown, and the tidy rows (every input of every formula).

use comfy_table::{Cell, CellAlignment, Table};
use serde::Serialize;

use crate::metrics::compute::MetricRow;
use crate::numbers::counted;
use crate::render::format::{compact, title};
use crate::render::markdown::{escape, figures, table};
use crate::render::width::WIDTH;
use crate::uncertainty::formula::Formula;
use crate::uncertainty::sensitivity::InputRow;
use crate::units::Units;

/// One input of one formula: the columns of the CSV.
#[derive(Debug, Default, Serialize)]
pub(crate) struct TidySwing<'a> {
    comparison: &'a str,
    versus: Option<&'a str>,
    metric: &'a str,
    value: f64,
    scale: f64,
    rank: usize,
    input: &'a str,
    side: &'a str,
    factor: f64,
    dist: &'a str,
    input_low: f64,
    input_central: f64,
    input_high: f64,
    at_low: f64,
    at_high: f64,
    swing: f64,
}

/// A row of the JSON: the input and, for a pooled input, each source's row (a draw
/// picks one by weight, then draws within its range by its distribution).
#[derive(Debug, Serialize)]
pub(crate) struct PooledSwing<'a> {
    #[serde(flatten)]
    pub(crate) swing: TidySwing<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pool: Vec<TidyMember<'a>>,
}

#[derive(Debug, Serialize)]
pub(crate) struct TidyMember<'a> {
    source: &'a str,
    weight: f64,
    dist: &'a str,
    low: f64,
    central: f64,
    high: f64,
}

/// One row per input of every formula, ranked as the tornado ranks them.
pub(crate) fn tidy<'a>(
    rows: &'a [MetricRow],
    formulas: &'a [Formula],
    per_row: &'a [Vec<InputRow>],
) -> Vec<PooledSwing<'a>> {
    rows.iter()
        .zip(formulas)
        .zip(per_row)
        .flat_map(|((row, formula), inputs)| {
            inputs
                .iter()
                .enumerate()
                .map(move |(rank, input)| PooledSwing {
                    swing: TidySwing {
                        comparison: &row.comparison,
                        versus: row.versus.as_deref(),
                        metric: row.metric.id(),
                        value: row.value,
                        scale: formula.scale,
                        rank: rank + 1,
                        input: &input.key,
                        side: input.side,
                        factor: input.factor,
                        dist: input.dist,
                        input_low: input.low,
                        input_central: input.central,
                        input_high: input.high,
                        at_low: input.at_low,
                        at_high: input.at_high,
                        swing: (input.at_high - input.at_low).abs(),
                    },
                    pool: input
                        .pool
                        .iter()
                        .map(|m| TidyMember {
                            source: &m.source,
                            weight: m.weight,
                            dist: crate::uncertainty::pool::describe(std::slice::from_ref(m)),
                            low: m.estimate.low.unwrap_or(m.estimate.central),
                            central: m.estimate.central,
                            high: m.estimate.high.unwrap_or(m.estimate.central),
                        })
                        .collect(),
                })
        })
        .collect()
}

fn label(row: &MetricRow, units: Units) -> String {
    let what = title(row.metric, units);
    match &row.versus {
        None => format!(
            "{} · {what} = {}",
            row.comparison,
            compact(row.metric, row.value)
        ),
        Some(b) => format!(
            "{} against {b} · {what} = {}",
            row.comparison,
            compact(row.metric, row.value)
        ),
    }
}

pub(crate) fn terminal(
    rows: &[MetricRow],
    per_row: &[Vec<InputRow>],
    units: Units,
    header: &str,
) -> String {
    let mut out = format!("{header}\nswing: the metric with one input at its low and at its high, others at central\n");
    for (row, inputs) in rows.iter().zip(per_row) {
        out.push_str(&format!("\n{}\n", label(row, units)));
        let mut ranged: Vec<&InputRow> = inputs.iter().filter(|i| i.dist != "point").collect();
        ranged.dedup_by(|a, b| a.key == b.key);
        if ranged.is_empty() {
            out.push_str("  every input is a point value: no swing\n");
            continue;
        }
        let mut table = Table::new();
        table
            .load_preset(comfy_table::presets::NOTHING)
            .set_width(WIDTH)
            .force_no_tty();
        table.set_header(vec![
            Cell::new("  input"),
            Cell::new("at low").set_alignment(CellAlignment::Right),
            Cell::new("at high").set_alignment(CellAlignment::Right),
            Cell::new("swing").set_alignment(CellAlignment::Right),
        ]);
        for input in ranged {
            table.add_row(vec![
                Cell::new(format!("  {}", input.key)),
                Cell::new(compact(row.metric, input.at_low)).set_alignment(CellAlignment::Right),
                Cell::new(compact(row.metric, input.at_high)).set_alignment(CellAlignment::Right),
                Cell::new(compact(row.metric, (input.at_high - input.at_low).abs()))
                    .set_alignment(CellAlignment::Right),
            ]);
        }
        // Two spaces between columns (one before the first value, whose numbers are
        // right-aligned) and none at the ends: the longest input ids then fit 80 columns.
        for (i, column) in table.column_iter_mut().enumerate() {
            column.set_padding(match i {
                0 => (0, 0),
                1 => (1, 0),
                _ => (2, 0),
            });
        }
        out.push_str(&table.to_string());
        out.push('\n');
        let mut points: Vec<&str> = inputs
            .iter()
            .filter(|i| i.dist == "point")
            .map(|i| i.key.as_str())
            .collect();
        points.dedup();
        let points = points.len();
        if points > 0 {
            out.push_str(&format!(
                "  and {} (no range)\n",
                counted(points, "point value")
            ));
        }
    }
    out
}

pub(crate) fn markdown(
    rows: &[MetricRow],
    per_row: &[Vec<InputRow>],
    units: Units,
    header: &str,
) -> String {
    let mut out = String::new();
    for (row, inputs) in rows.iter().zip(per_row) {
        out.push_str(&format!("**{}**\n\n", escape(&label(row, units))));
        let mut ranged: Vec<&InputRow> = inputs.iter().filter(|i| i.dist != "point").collect();
        ranged.dedup_by(|a, b| a.key == b.key);
        let cells: Vec<Vec<String>> = ranged
            .iter()
            .map(|input| {
                vec![
                    format!("`{}`", input.key),
                    compact(row.metric, input.at_low),
                    compact(row.metric, input.at_high),
                    compact(row.metric, (input.at_high - input.at_low).abs()),
                ]
            })
            .collect();
        let headings = ["input", "at low", "at high", "swing"];
        out.push_str(&table(&headings, &figures(4), &cells));
        out.push('\n');
    }
    out.push_str(&format!("{}.\n", header.replace("data: ", "Data: ")));
    out
}
