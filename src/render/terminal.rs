//! The terminal table: comfy-table, fitted to 80 columns, plain unless stdout is a
//! terminal and NO_COLOR is unset.

use comfy_table::presets::UTF8_HORIZONTAL_ONLY;
use comfy_table::{Attribute, Cell, CellAlignment, ContentArrangement, Table, TableComponent};

use crate::cli::Units;

use super::format::{compact, heading};
use super::layout::{Grid, Layout};

pub const WIDTH: u16 = 80;

/// Whether to style output: only on a terminal, and never when NO_COLOR is set.
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

fn grid_table(
    grid: &Grid,
    first: &str,
    layout: &Layout,
    units: Units,
    color: bool,
    label: impl Fn(&str) -> String,
) -> String {
    let mut table = Table::new();
    table
        .load_preset(UTF8_HORIZONTAL_ONLY)
        .remove_style(TableComponent::HorizontalLines)
        .remove_style(TableComponent::MiddleIntersections)
        .remove_style(TableComponent::VerticalLines)
        .remove_style(TableComponent::MiddleHeaderIntersections)
        .set_width(WIDTH);
    if !color {
        table.force_no_tty();
    } else {
        table.enforce_styling();
    }
    let mut header = vec![style(Cell::new(first), color)];
    header.extend(grid.metrics.iter().map(|m| {
        style(
            Cell::new(heading(*m, units)).set_alignment(CellAlignment::Right),
            color,
        )
    }));
    table.set_header(header);
    for (id, cells) in &grid.lines {
        let mut line = vec![Cell::new(label(id))];
        line.extend(cells.iter().map(|cell| {
            let text = match cell {
                Some(row) => format!(
                    "{}{}",
                    compact(row.metric, row.value),
                    if row.overridden { "*" } else { "" }
                ),
                None => "–".to_string(),
            };
            Cell::new(text).set_alignment(CellAlignment::Right)
        }));
        table.add_row(line);
    }
    let _ = layout;
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    // Natural widths when they fit; otherwise let comfy-table wrap cells to 80 columns.
    let natural = table.to_string();
    if natural
        .lines()
        .all(|line| line.chars().count() <= WIDTH as usize)
    {
        return natural;
    }
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.to_string()
}

fn style(cell: Cell, color: bool) -> Cell {
    if color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

pub fn render(layout: &Layout, units: Units, data: &str, color: bool) -> String {
    let mut out = format!(
        "data: {data} · units: {}\n",
        match units {
            Units::Imperial => "imperial (sq mi)",
            Units::Metric => "metric (km²)",
        }
    );
    if !layout.single.metrics.is_empty() {
        out.push('\n');
        out.push_str(&grid_table(
            &layout.single,
            "comparison",
            layout,
            units,
            color,
            |id| format!("{id}{}", layout.markers(id)),
        ));
        out.push('\n');
    }
    if let Some((base, grid)) = &layout.pairwise {
        out.push_str(&format!(
            "\n{base} as a multiple of each other comparison\n"
        ));
        out.push_str(&grid_table(grid, "versus", layout, units, color, |id| {
            id.to_string()
        }));
        out.push('\n');
    }
    if !layout.notes.is_empty() {
        out.push_str("\nnotes:\n");
        for (n, id, text) in &layout.notes {
            let wrapped = wrap(&format!("[{n}] {id}: {text}"), WIDTH as usize, "    ");
            out.push_str(&wrapped);
            out.push('\n');
        }
    }
    if layout.any_overridden {
        out.push_str("\n* uses a value set with --set, not the data\n");
    }
    out
}

/// Wraps text at word boundaries to `width`, indenting continuation lines; the first
/// line keeps any leading spaces of `text`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let lead = &text[..text.len() - text.trim_start().len()];
    let mut out = String::new();
    let mut line = lead.to_string();
    let mut fresh = true;
    for word in text.split_whitespace() {
        if !fresh && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = indent.to_string();
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(word);
        fresh = false;
    }
    out.push_str(&line);
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_words() {
        let text = wrap("aaa bbb ccc ddd", 8, "  ");
        assert_eq!(text, "aaa bbb\n  ccc\n  ddd");
        assert_eq!(wrap("  aa bb cc", 7, "  "), "  aa bb\n  cc");
    }
}
