//! Markdown tables, ready to paste into a publication: display forms with units, notes
//! as a numbered list, `|` escaped in cells.

use crate::uncertainty::Settings;
use crate::units::Units;

use super::format::{display_with_interval, heading};
use super::layout::{Grid, Layout};

/// Escapes what Markdown would misread inside a table cell.
pub(crate) fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

fn grid_table(grid: &Grid, first: &str, units: Units, label: impl Fn(&str) -> String) -> String {
    let mut out = format!("| {first} |");
    for metric in &grid.metrics {
        out.push_str(&format!(
            " {} |",
            escape(&heading(*metric, units).replace('\n', " "))
        ));
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(grid.metrics.len()));
    out.push('\n');
    for (id, cells) in &grid.lines {
        out.push_str(&format!("| {} |", escape(&label(id))));
        for cell in cells {
            let text = match cell {
                Some(row) => format!(
                    "{}{}",
                    display_with_interval(
                        row.metric,
                        row.value,
                        units,
                        row.interval.map(|i| (i.p05, i.p95))
                    ),
                    if row.overridden { "\\*" } else { "" }
                ),
                None => "–".to_string(),
            };
            out.push_str(&format!(" {} |", escape(&text).replace("\\\\*", "\\*")));
        }
        out.push('\n');
    }
    out
}

pub(crate) fn render(
    layout: &Layout,
    units: Units,
    data: &str,
    events: Option<&str>,
    settings: Option<&Settings>,
) -> String {
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
