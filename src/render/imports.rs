//! What `import` says: the file and its release, what changes in each dataset file
//! (rows added and replaced, by entity and years), what the file holds that is not
//! imported, and the figures read from prose awaiting review.

use std::collections::BTreeMap;

use crate::import::merge::Merge;
use crate::import::{Import, Record, Table};
use crate::numbers::grouped;
use crate::render::width::wrap;

/// The summary of an import, for the terminal (80 columns).
pub(crate) fn summary(
    import: &Import,
    merge: &Merge,
    file: &str,
    data: &str,
    written: bool,
    accept: bool,
) -> String {
    let source = &import.source;
    let sha = source.get("sha256");
    let mut out = wrap(&format!("import: {file}"), 80, "  ");
    out.push('\n');
    out.push_str(&wrap(
        &format!(
            "  as source {}: {}, release {}, sha256 {}…",
            import.source_id(),
            source.get("title"),
            source.get("release"),
            &sha[..sha.len().min(12)],
        ),
        80,
        "    ",
    ));
    out.push_str(&format!("\ninto: {data}\n"));
    if merge.again {
        out.push_str("the same file (same SHA-256) was imported before\n");
    }
    if merge.files.is_empty() && !merge.review_only {
        out.push_str("nothing to change: the datasets already hold every row of this file\n");
    }
    for file in &merge.files {
        out.push_str(&format!("{}:\n", file.table.file()));
        if !file.new_columns.is_empty() {
            out.push_str(&wrap(
                &format!(
                    "  the columns {} are added to the header (empty in the existing rows)",
                    file.new_columns.join(", ")
                ),
                80,
                "    ",
            ));
            out.push('\n');
        }
        for (sign, rows) in [("-", &file.removed), ("+", &file.added)] {
            for line in by_entity(file.table, rows) {
                out.push_str(&wrap(&format!("  {sign} {line}"), 80, "      "));
                out.push('\n');
            }
        }
    }
    if !merge.replaced.is_empty() {
        out.push_str(&wrap(
            &format!(
                "replaced: the rows of the older release{} {} of this file",
                if merge.replaced.len() == 1 { "" } else { "s" },
                merge.replaced.join(", ")
            ),
            80,
            "  ",
        ));
        out.push('\n');
    }
    for line in &import.outside {
        out.push_str(&wrap(&format!("not imported: {line}"), 80, "  "));
        out.push('\n');
    }
    if !import.left_out.is_empty() {
        out.push_str(&format!(
            "left out: {} rows of the file, each named above with its line and why\n",
            import.left_out.len()
        ));
    }
    if !import.review.is_empty() {
        let verb = if accept {
            "entered after review"
        } else {
            "for review, not entered: add --accept once checked"
        };
        out.push_str(&format!("\nfigures read from prose ({verb}):\n"));
        for r in &import.review {
            let row = &r.record;
            let range = match (row.get("low"), row.get("high")) {
                ("", _) | (_, "") => String::new(),
                (low, high) => format!(" ({}–{})", number(low), number(high)),
            };
            out.push_str(&format!(
                "  {} {} {}: {}{range}\n",
                row.get("country"),
                row.get("year"),
                row.get("component"),
                number(row.get("central"))
            ));
            out.push_str(&wrap(
                &format!("    from: \"{}\"", r.sentence),
                80,
                "      ",
            ));
            out.push('\n');
        }
    }
    out.push_str(match (written, merge.files.is_empty()) {
        _ if merge.review_only => "nothing written\n",
        (_, true) => "",
        (true, false) => {
            "written; `insurgency-metrics validate` checks the comparisons with the new rows\n"
        }
        (false, false) => "dry run: nothing written\n",
    });
    out
}

fn number(text: &str) -> String {
    text.parse::<f64>()
        .map_or_else(|_| text.to_string(), |v| grouped(v, 0))
}

/// The rows by entity, with their years: "mali 1960–2025 (66 rows)".
fn by_entity(table: Table, rows: &[Record]) -> Vec<String> {
    let mut entities: BTreeMap<String, (usize, Vec<i32>)> = BTreeMap::new();
    for r in rows {
        let entity = match table {
            Table::Actors => format!("{} (UCDP {})", r.get("group"), r.get("actor")),
            Table::Activity => format!("{} in {}", r.get("group"), r.get("country")),
            _ => r.get(table.entity_column()).to_string(),
        };
        let e = entities.entry(entity).or_default();
        e.0 += 1;
        e.1.extend(r.get("year").parse::<i32>().ok());
    }
    entities
        .into_iter()
        .map(|(entity, (n, years))| {
            let span = match (years.iter().min(), years.iter().max()) {
                (Some(a), Some(b)) if a == b => format!(" {a}"),
                (Some(a), Some(b)) => format!(" {a}–{b}"),
                _ => String::new(),
            };
            let rows = if n == 1 {
                "1 row".to_string()
            } else {
                format!("{n} rows")
            };
            format!("{entity}{span} ({rows})")
        })
        .collect()
}
