//! Plain lists of what the data holds (comparisons, metrics, groups, countries, sources)
//! as a terminal table fitted to 80 columns, CSV or JSON, each with the same columns.

use comfy_table::{ColumnConstraint, ContentArrangement};

use serde::{Serialize, Serializer};

use crate::data::actors::Activity;
use crate::data::Dataset;
use crate::error::Error;

/// A list: its column names and one row of cells per item.
pub(crate) struct Listing {
    pub(crate) columns: Vec<&'static str>,
    pub(crate) rows: Vec<Vec<String>>,
}

/// The terminal table, wrapped within 80 columns.
pub(crate) fn terminal(list: &Listing) -> String {
    let mut table = crate::render::terminal::new_table(false);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_header(&list.columns);
    for row in &list.rows {
        table.add_row(row);
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    // An id is what a user copies: it never wraps.
    if let Some(first) = table.column_mut(0) {
        first.set_constraint(ColumnConstraint::ContentWidth);
    }
    format!("{table}\n")
}

/// CSV with a header row.
pub(crate) fn csv(list: &Listing) -> Result<String, Error> {
    super::rows::csv_records(&list.columns, &list.rows)
}

/// A JSON array with one object per row, its keys in column order.
pub(crate) fn json(list: &Listing) -> Result<String, Error> {
    super::rows::json(list)
}

impl Serialize for Listing {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.rows.iter().map(|row| Object(&self.columns, row)))
    }
}

/// One row as an object whose keys are the list's columns, in order.
struct Object<'a>(&'a [&'static str], &'a [String]);

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().zip(self.1))
    }
}

/// A group's actor ids, as `ucdp:303`, `;`-separated; empty when actors.csv has none.
pub(crate) fn ids_of(data: &Dataset, group: &str) -> String {
    data.actors
        .iter()
        .filter(|a| a.group == group)
        .map(|a| format!("{}:{}", a.dataset, a.actor))
        .collect::<Vec<_>>()
        .join(";")
}

/// Where and when a group fought a government, by country: "mali 2017–2024 (1,000+
/// deaths: 2020)"; empty when activity.csv has nothing for it.
pub(crate) fn fought(data: &Dataset, group: &str) -> String {
    let mut by_country: std::collections::BTreeMap<&str, Vec<&Activity>> = Default::default();
    for a in data.activity.iter().filter(|a| a.group == group) {
        by_country.entry(a.country.as_str()).or_default().push(a);
    }
    by_country
        .into_iter()
        .map(|(country, years)| {
            let first = years.iter().map(|a| a.year).min().unwrap_or_default();
            let last = years.iter().map(|a| a.year).max().unwrap_or_default();
            let span = if first == last {
                first.to_string()
            } else {
                format!("{first}–{last}")
            };
            let gaps = usize::try_from(last - first + 1).unwrap_or(0) > years.len();
            let mut wars: Vec<i64> = years
                .iter()
                .filter(|a| a.intensity == 2)
                .map(|a| i64::from(a.year))
                .collect();
            wars.sort_unstable();
            let mut text = format!("{country} {span}");
            if gaps {
                text.push_str(&format!(" ({} of the years)", years.len()));
            }
            if !wars.is_empty() {
                text.push_str(&format!(
                    " (1,000+ deaths: {})",
                    crate::numbers::spans(&wars, 2)
                ));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Listing {
        Listing {
            columns: vec!["id", "name"],
            rows: vec![
                vec!["mali".into(), "Mali".into()],
                vec!["x".into(), "say \"hi\", ok".into()],
            ],
        }
    }

    #[test]
    fn json_keeps_the_column_order_and_escapes() {
        let text = json(&sample()).expect("json");
        let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(parsed[1]["name"], "say \"hi\", ok");
        assert!(text.find("\"id\"") < text.find("\"name\""));
    }

    #[test]
    fn csv_quotes_commas() {
        let text = csv(&sample()).expect("csv");
        assert_eq!(text, "id,name\nmali,Mali\nx,\"say \"\"hi\"\", ok\"\n");
    }

    #[test]
    fn terminal_fits_80_columns() {
        let long = Listing {
            columns: vec!["id", "title"],
            rows: vec![vec!["jnim-sahel-all-forces".into(), "word ".repeat(40)]],
        };
        let text = terminal(&long);
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        assert!(text.contains("jnim-sahel-all-forces"), "{text}");
    }
}
