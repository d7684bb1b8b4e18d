//! Markdown tables, ready to paste into a publication: display forms with units, notes
//! as a numbered list, `|` escaped in cells.

use crate::units::Units;

use super::format::{display_with_interval, heading};
use super::layout::{at_edge, Grid, TableView, EDGE, EDGE_NOTE};

/// Escapes what Markdown would misread inside a table cell.
pub(crate) fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// How a column of a Markdown table aligns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// A Markdown table: the heading row, the alignment row, then one line per row. Cells
/// are written as given: escape text with [`escape`] first.
pub(crate) fn table<S: AsRef<str>>(
    headings: &[S],
    align: &[Align],
    rows: &[Vec<String>],
) -> String {
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let cells: Vec<&str> = cells.collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = line(&mut headings.iter().map(|h| h.as_ref()));
    out.push('|');
    for a in align {
        out.push_str(match a {
            Align::Left => "---|",
            Align::Right => "---:|",
        });
    }
    out.push('\n');
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}

/// The first column left-aligned (names), the other `n - 1` right-aligned (figures).
pub(crate) fn figures(n: usize) -> Vec<Align> {
    std::iter::once(Align::Left)
        .chain(std::iter::repeat_n(Align::Right, n.saturating_sub(1)))
        .collect()
}

fn grid_table(grid: &Grid, first: &str, units: Units, label: impl Fn(&str) -> String) -> String {
    let headings: Vec<String> = std::iter::once(first.to_string())
        .chain(
            grid.metrics
                .iter()
                .map(|m| escape(&heading(*m, units).replace('\n', " "))),
        )
        .collect();
    let mut rows = Vec::new();
    for (id, cells) in &grid.lines {
        let mut row = vec![escape(&label(id))];
        for cell in cells {
            let text = match cell {
                Some(row) => {
                    let shown = display_with_interval(
                        row.metric,
                        row.value,
                        units,
                        row.interval.map(|i| (i.p05, i.p95)),
                    );
                    // The edge mark goes right after the value, before the interval.
                    let shown = match (at_edge(row), shown.split_once(" (")) {
                        (true, Some((value, rest))) => format!("{value}{EDGE} ({rest}"),
                        _ => shown,
                    };
                    format!("{shown}{}", if row.overridden { "\\*" } else { "" })
                }
                None => "–".to_string(),
            };
            row.push(escape(&text).replace("\\\\*", "\\*"));
        }
        rows.push(row);
    }
    table(&headings, &figures(headings.len()), &rows)
}

pub(crate) fn render(view: &TableView) -> String {
    let (layout, benchmarks, data) = (&view.layout, view.benchmarks, view.data);
    let (units, events, settings) = (view.units, view.events, view.settings);
    let mut out = String::new();
    if !layout.single.metrics.is_empty() {
        out.push_str(&grid_table(&layout.single, "comparison", units, |id| {
            let markers = layout
                .markers(id)
                .trim()
                .replace('[', "<sup>")
                .replace(']', "</sup>");
            format!("`{id}`{markers}")
        }));
    }
    out.push_str(&super::benchmarks::markdown_lines(
        benchmarks,
        &layout.single,
        units,
    ));
    if let Some((base, grid)) = &layout.pairwise {
        out.push_str(&format!(
            "\n`{base}` as a multiple of each other comparison:\n\n"
        ));
        out.push_str(&grid_table(grid, "versus", units, |id| format!("`{id}`")));
    }
    if !layout.notes.is_empty() {
        out.push_str("\nNotes:\n\n");
        for (n, id, text) in &layout.notes {
            out.push_str(&format!("{n}. `{id}`: {text}\n"));
        }
    }
    if layout.any_overridden {
        out.push_str("\n\\* uses a value set with `--set`, not the data.\n");
    }
    if layout.any_at_edge {
        out.push_str(&format!("\n{EDGE_NOTE}.\n"));
    }
    if let Some(s) = settings {
        out.push_str(&format!(
            "\nIn brackets: 90% intervals from {} Monte Carlo draws (seed {}) over every estimate's low and high.\n",
            super::format::grouped(s.draws as f64, 0),
            s.seed
        ));
    }
    match events {
        Some(events) => out.push_str(&format!("\nData: {data} · events: {events}.\n")),
        None => out.push_str(&format!("\nData: {data}.\n")),
    }
    out
}
