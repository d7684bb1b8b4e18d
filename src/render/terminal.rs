//! The terminal table: comfy-table, fitted to 80 columns, plain unless stdout is a
//! terminal and NO_COLOR is unset.

use comfy_table::presets::UTF8_HORIZONTAL_ONLY;
use comfy_table::{Attribute, Cell, CellAlignment, Table, TableComponent};

use crate::metrics::compute::MetricRow;
use crate::units::Units;

use super::format::{compact_finer, grouped, interval, precision, title};
use super::layout::{at_edge, Grid, TableView, EDGE, EDGE_NOTE};
use super::width::{wrap, WIDTH};

/// Whether to style output: only on a terminal, and never when NO_COLOR is set.
pub(crate) fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// The house table style: horizontal rules only, plain unless styling is wanted.
pub(crate) fn new_table(color: bool) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_HORIZONTAL_ONLY)
        .remove_style(TableComponent::HorizontalLines)
        .remove_style(TableComponent::MiddleIntersections)
        .remove_style(TableComponent::VerticalLines)
        .remove_style(TableComponent::MiddleHeaderIntersections)
        .set_width(WIDTH);
    if color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

fn style(cell: Cell, color: bool) -> Cell {
    if color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

/// One metric across comparisons (or across pairwise partners): the headline value, the
/// 90% interval and the worst case over the inputs' lows and highs.
fn metric_table(
    grid: &Grid,
    column: usize,
    first: &str,
    color: bool,
    label: impl Fn(&str) -> String,
) -> String {
    let metric = grid.metrics[column];
    let spread = grid
        .lines
        .iter()
        .any(|(_, cells)| cells[column].is_some_and(|r| r.interval.is_some()));
    let mut table = new_table(color);
    let mut header = vec![
        style(Cell::new(first), color),
        style(
            Cell::new("value").set_alignment(CellAlignment::Right),
            color,
        ),
    ];
    if spread {
        header.push(style(
            Cell::new("90% interval").set_alignment(CellAlignment::Right),
            color,
        ));
        header.push(style(
            Cell::new("worst case").set_alignment(CellAlignment::Right),
            color,
        ));
    }
    table.set_header(header);
    for (id, cells) in &grid.lines {
        let mut line = vec![Cell::new(label(id))];
        match cells[column] {
            Some(row) => {
                let mark = match (row.overridden, at_edge(row)) {
                    (true, true) => "*†",
                    (true, false) => "*",
                    (false, true) => EDGE,
                    (false, false) => "",
                };
                line.push(
                    Cell::new(format!(
                        "{}{mark}",
                        compact_finer(
                            metric,
                            row.value,
                            precision(metric, row.interval.map(|i| (i.p05, i.p95)))
                        )
                    ))
                    .set_alignment(CellAlignment::Right),
                );
                if let Some(i) = row.interval {
                    line.push(
                        Cell::new(interval(metric, i.p05, i.p95))
                            .set_alignment(CellAlignment::Right),
                    );
                    line.push(
                        Cell::new(interval(metric, i.low, i.high))
                            .set_alignment(CellAlignment::Right),
                    );
                }
            }
            None => line.push(Cell::new("–").set_alignment(CellAlignment::Right)),
        }
        table.add_row(line);
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    table.to_string()
}

/// The table; `events` describes the event export, on a line of its own (it is long).
pub(crate) fn render(view: &TableView, color: bool) -> String {
    let (layout, benchmarks, data) = (&view.layout, view.benchmarks, view.data);
    let (units, events, settings) = (view.units, view.events, view.settings);
    let units_text = match units {
        Units::Imperial => "imperial (sq mi)",
        Units::Metric => "metric (km²)",
    };
    let mut out = format!("data: {data} · units: {units_text}\n");
    if out.chars().count() > WIDTH as usize + 1 {
        out = format!("data: {data}\nunits: {units_text}\n");
    }
    if let Some(events) = events {
        let line = format!("events: {events}");
        out.push_str(&format!("{}\n", wrap(&line, WIDTH as usize, "  ")));
    }
    if let Some(s) = settings {
        out.push_str(&format!(
            "90% intervals from {} Monte Carlo draws, seed {}\n",
            grouped(s.draws as f64, 0),
            s.seed
        ));
    }
    for (column, metric) in layout.single.metrics.iter().enumerate() {
        out.push_str(&format!("\n{}\n", title(*metric, units)));
        out.push_str(&metric_table(
            &layout.single,
            column,
            "comparison",
            color,
            |id| format!("{id}{}", layout.markers(id)),
        ));
        out.push('\n');
        let rows: Vec<&MetricRow> = layout
            .single
            .lines
            .iter()
            .filter_map(|(_, cells)| cells[column])
            .collect();
        out.push_str(&super::benchmarks::terminal_lines(
            benchmarks, *metric, &rows,
        ));
    }
    if let Some((base, grid)) = &layout.pairwise {
        for (column, metric) in grid.metrics.iter().enumerate() {
            out.push_str(&format!(
                "\n{} of {base} as a multiple of each other comparison's\n",
                title(*metric, units)
            ));
            out.push_str(&metric_table(grid, column, "versus", color, |id| {
                id.to_string()
            }));
            out.push('\n');
        }
    }
    if !layout.notes.is_empty() {
        out.push_str("\nnotes:\n");
        for (n, id, text) in &layout.notes {
            out.push_str(&wrap(
                &format!("[{n}] {id}: {text}"),
                WIDTH as usize,
                "    ",
            ));
            out.push('\n');
        }
    }
    if layout.any_overridden {
        out.push_str("\n* uses a value set with --set, not the data\n");
    }
    if layout.any_at_edge {
        let lead = if layout.any_overridden { "" } else { "\n" };
        out.push_str(&format!(
            "{lead}{}\n",
            wrap(EDGE_NOTE, WIDTH as usize, "  ")
        ));
    }
    out
}
