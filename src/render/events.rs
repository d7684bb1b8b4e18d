//! The `events` table: counts per group, country and period as a terminal table,
//! Markdown or tidy CSV, with the line that says what the export was.

use comfy_table::{Cell, CellAlignment, ColumnConstraint, ContentArrangement};

use crate::events::counts::{CountRow, Counts, Provenance};
use crate::events::dates::Date;
use crate::numbers::{counted, grouped};
use crate::render::markdown::{escape, table, Align};

/// "ACLED export, 1,204 rows from 2024-01-02 to 2025-11-14, 1,203 events used, 1 row
/// left out".
pub(crate) fn describe(counts: &Counts) -> String {
    let export = &counts.export;
    let span = export
        .span
        .map_or(String::new(), |span| format!(" from {}", period(span)));
    let files = if counts.files > 1 {
        format!("{} files, ", counts.files)
    } else {
        String::new()
    };
    let used = export.events - counts.duplicates as usize;
    let again = if counts.duplicates > 0 {
        format!(
            " ({} more found again{}, counted once)",
            grouped(counts.duplicates as f64, 0),
            if counts.files > 1 {
                " in the same or another file"
            } else {
                " under the same id"
            }
        )
    } else {
        String::new()
    };
    // Which state of the source the counts come from, file by file.
    let state: String = match counts.provenance.as_slice() {
        [one] => state(one, false)
            .iter()
            .map(|part| format!("; {part}"))
            .collect(),
        several => several
            .iter()
            .map(|file| {
                format!(
                    "; {}{}: {}",
                    file.name,
                    file.container.describe(),
                    state(file, true).join(", ")
                )
            })
            .collect(),
    };
    // How one file was packed; several say it file by file.
    let packed = match counts.provenance.as_slice() {
        [_, _, ..] => String::new(),
        _ => export.container.describe(),
    };
    format!(
        "{files}{}{packed}, {}{span}, {} used{again}, {} left out{state}",
        export.kind.describe(),
        counted(export.rows, "row"),
        counted(used, "event"),
        counted(export.bad.len(), "row")
    )
}

/// "2024-05-05 to 2025-07-01".
fn period(((y1, m1, d1), (y2, m2, d2)): (Date, Date)) -> String {
    format!("{y1}-{m1:02}-{d1:02} to {y2}-{m2:02}-{d2:02}")
}

/// What names one file's state: its span (`with_span`, when it is one of several), the
/// UCDP version or ACLED's latest timestamp, and its SHA-256.
fn state(file: &Provenance, with_span: bool) -> Vec<String> {
    let mut parts = Vec::new();
    if let (true, Some(span)) = (with_span, file.span) {
        parts.push(period(span));
    }
    if let Some(version) = &file.version {
        parts.push(format!("UCDP GED {version}"));
    }
    if let Some(updated) = file.updated {
        let when = chrono::DateTime::from_timestamp(updated, 0).map_or_else(
            || updated.to_string(),
            |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
        );
        parts.push(format!("latest ACLED timestamp {when}"));
    }
    if let Some(hash) = &file.hash {
        parts.push(format!("SHA-256 {hash}"));
    }
    parts
}

/// The export as outputs joined with it name it: "acled.csv (ACLED export, ...;
/// large-scale attacks: 20 or more deaths)".
pub(crate) fn joined(counts: &Counts, large: u32) -> String {
    format!(
        "{} ({}; large-scale attacks: {} or more deaths)",
        counts.name,
        describe(counts),
        grouped(f64::from(large), 0)
    )
}

const HEADINGS: [&str; 10] = [
    "group",
    "country",
    "period",
    "events",
    "initiated",
    "joint",
    "deaths",
    "large",
    "civilians",
    "change",
];

/// The terminal's shorter headings, so that the table fits 80 columns; the legend
/// above it spells them out, and CSV and JSON keep the full column names.
const SHORT_HEADINGS: [&str; 10] = [
    "group", "country", "period", "events", "init", "joint", "deaths", "large", "civ", "change",
];

/// Whether the table shows deadly events where the source cannot tell large-scale
/// attacks (UCDP, monadic ACLED): then every row lacks them.
fn deadly_instead(rows: &[CountRow]) -> bool {
    !rows.is_empty() && rows.iter().all(|r| r.large_attacks.is_none())
}

/// The headings, with `deadly` in place of `large` when the table shows deadly events.
fn headings<'a>(names: &'a [&'a str], deadly: bool) -> Vec<&'a str> {
    names
        .iter()
        .map(|&h| if deadly && h == "large" { "deadly" } else { h })
        .collect()
}

/// Whether the deaths' best estimate lies outside their own low–high: UCDP gives some
/// events a best outside its range, and the sums are shown as given, never moved in.
fn outside(r: &CountRow) -> bool {
    match (r.fatalities_low, r.fatalities_high) {
        (Some(low), Some(high)) => r.fatalities < low || r.fatalities > high,
        _ => false,
    }
}

fn cells(r: &CountRow, deadly: bool) -> Vec<String> {
    let fatalities = match (r.fatalities_low, r.fatalities_high) {
        (Some(low), Some(high)) => format!(
            "{} ({}{}–{})",
            grouped(r.fatalities, 0),
            if outside(r) { "outside " } else { "" },
            grouped(low, 0),
            grouped(high, 0)
        ),
        _ => grouped(r.fatalities, 0),
    };
    vec![
        r.group.clone(),
        r.country.clone(),
        r.period.clone(),
        grouped(r.events as f64, 0),
        maybe(r.initiated),
        grouped(r.joint as f64, 0),
        fatalities,
        if deadly {
            grouped(r.deadly_events as f64, 0)
        } else {
            maybe(r.large_attacks)
        },
        maybe(r.civilian_targeting),
        r.events_change_pct.map_or("–".into(), |c| {
            let rounded = c.round();
            // Rounded to nothing, a change has no sign.
            if rounded == 0.0 {
                "0%".to_string()
            } else {
                format!("{rounded:+.0}%")
            }
        }),
    ]
}

/// A count, or "n/a" where the export cannot say it.
fn maybe(count: Option<u64>) -> String {
    count.map_or_else(|| "n/a".to_string(), |n| grouped(n as f64, 0))
}

/// What the export cannot say and how it counted what it could in its own way, one
/// line each: "n/a initiated: UCDP records no attacker: ...".
pub(crate) fn remarks(counts: &Counts) -> Vec<String> {
    let unavailable = counts.export.unavailable.iter().map(|(measure, why)| {
        match counts.coverage.some_cannot(*measure) {
            Some((files, countries)) => format!(
                "n/a {} in {} (from {}): {why}",
                measure.id(),
                countries.join(", "),
                files.join(", ")
            ),
            None => format!("n/a {}: {why}", measure.id()),
        }
    });
    let unmatched = (!counts.unmatched.is_empty()).then(|| {
        let actors: Vec<String> = counts
            .unmatched
            .iter()
            .map(|(name, n)| format!("{name} ({})", counted(*n as usize, "event")))
            .collect();
        format!(
            "actors matching no group, most events first: {} (add an alias in groups.csv to count one)",
            actors.join("; ")
        )
    });
    let units = (!counts.units.is_empty()).then(|| {
        let named: Vec<String> = counts
            .units
            .iter()
            .map(|(actor, group, n)| format!("{actor} as {group} ({})", counted(*n as usize, "event")))
            .collect();
        format!(
            "units counted as the group their name begins with (before \" - \"): {} (give the whole name as another group's alias to count it apart)",
            named.join("; ")
        )
    });
    let change =
        "change: against the period before, where the export covers both in full in the country"
            .to_string();
    unavailable
        .chain(counts.export.notes.iter().cloned())
        .chain(std::iter::once(change))
        .chain(units)
        .chain(unmatched)
        .collect()
}

/// The export's line within 80 columns: when too long, broken after its kind
/// ("acled.csv: ACLED export,"), the counts on the next lines.
fn fit_summary(summary: &str) -> String {
    if summary.chars().count() <= 80 {
        return summary.to_string();
    }
    // After the file names ("a.csv, b.csv: ") and their count ("2 files, "), which
    // hold commas of their own.
    let mut names = summary.find(": ").map_or(0, |at| at + 2);
    if let Some(files) = summary[names..].find(" files, ") {
        if summary[names..names + files]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',')
        {
            names += files + " files, ".len();
        }
    }
    match summary[names..]
        .split_once(", ")
        .map(|(head, rest)| (&summary[..names + head.len()], rest))
    {
        Some((head, rest)) => format!(
            "{head},\n{}",
            crate::render::width::wrap(&format!("  {rest}"), 80, "  ")
        ),
        None => summary.to_string(),
    }
}

/// The rows as records, for a terminal too narrow for the table: the group, country and
/// period on one line, the counts named on the next (wrapped at whole fields).
fn records(names: &[&str], lines: &[Vec<String>]) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&format!("{} · {} · {}\n", line[0], line[1], line[2]));
        let mut text = String::from(" ");
        for (name, value) in names[3..].iter().zip(&line[3..]) {
            let field = format!("{name} {value}");
            let width = text.chars().count() + 3 + field.chars().count();
            if text.trim().is_empty() {
                text = format!("  {field}");
            } else if width > usize::from(crate::render::width::WIDTH) {
                out.push_str(&text);
                out.push('\n');
                text = format!("  {field}");
            } else {
                text.push_str(&format!(" · {field}"));
            }
        }
        out.push_str(&text);
        out.push('\n');
    }
    out
}

pub(crate) fn terminal(rows: &[CountRow], summary: &str, large: u32, remarks: &[String]) -> String {
    let mut table = crate::render::terminal::new_table(false);
    // Group and country names wrap when they are long; the counts never do.
    table.set_content_arrangement(ContentArrangement::Dynamic);
    let deadly = deadly_instead(rows);
    table.set_header(
        headings(&SHORT_HEADINGS, deadly)
            .into_iter()
            .enumerate()
            .map(|(i, h)| {
                if i < 3 {
                    Cell::new(h)
                } else {
                    Cell::new(h).set_alignment(CellAlignment::Right)
                }
            }),
    );
    let names = headings(&SHORT_HEADINGS, deadly);
    let lines: Vec<Vec<String>> = rows.iter().map(|r| cells(r, deadly)).collect();
    for line in &lines {
        table.add_row(line.iter().enumerate().map(|(i, c)| {
            if i < 3 {
                Cell::new(c)
            } else {
                Cell::new(c).set_alignment(CellAlignment::Right)
            }
        }));
    }
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, 1));
        if i >= 2 {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    // Wider than the terminal, the table would break names inside words: each row
    // becomes a record of its own instead.
    table.set_content_arrangement(ContentArrangement::Disabled);
    let drawn = table.to_string();
    let fits = drawn
        .lines()
        .all(|l| l.chars().count() <= usize::from(crate::render::width::WIDTH));
    let table = if fits { drawn } else { records(&names, &lines) };
    let body = if rows.is_empty() {
        "no event involves a group of the datasets (check the aliases in groups.csv)".to_string()
    } else {
        table
    };
    let what = if deadly {
        "deadly: events with {} or more deaths, whoever attacked;\n"
    } else {
        "large: initiated events with {} or more deaths; "
    }
    .replace("{}", &grouped(f64::from(large), 0));
    let mut legend = format!(
        "{}\nevents: involving the group alone; init: initiated, as actor1;\njoint: attributed to it together with another group, counted apart;\n{what}civ: events targeting civilians\n",
        fit_summary(summary),
    );
    for remark in remarks {
        legend.push_str(&crate::render::width::wrap(remark, 80, "  "));
        legend.push('\n');
    }
    format!("{legend}\n{body}\n")
}

pub(crate) fn markdown(rows: &[CountRow], summary: &str, large: u32, remarks: &[String]) -> String {
    let align: Vec<Align> = (0..HEADINGS.len())
        .map(|i| if i < 3 { Align::Left } else { Align::Right })
        .collect();
    let deadly = deadly_instead(rows);
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| cells(r, deadly).iter().map(|c| escape(c)).collect())
        .collect();
    let mut out = table(&headings(&HEADINGS, deadly), &align, &cells);
    let what = if deadly {
        "Deadly: events with {} or more fatalities, whoever attacked"
    } else {
        "Large attacks: initiated events with {} or more fatalities"
    }
    .replace("{}", &grouped(f64::from(large), 0));
    out.push_str(&format!("\n{}. {what}.\n", escape(summary)));
    for remark in remarks {
        out.push_str(&format!("\n{}\n", escape(remark)));
    }
    out
}
