//! What an import gives: one source row for the file, the rows it adds to each dataset
//! file, the rows of the file left out (each with its place and reason), what the file
//! holds that the datasets do not take, and the figures drafted from prose for review.

use crate::error::Problem;

/// A dataset file an import writes rows to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Table {
    Sources,
    Fighters,
    Soldiers,
    Population,
    Area,
    Actors,
    Activity,
}

impl Table {
    pub(crate) const ALL: [Table; 7] = [
        Table::Sources,
        Table::Fighters,
        Table::Soldiers,
        Table::Population,
        Table::Area,
        Table::Actors,
        Table::Activity,
    ];

    pub(crate) fn file(self) -> &'static str {
        match self {
            Table::Sources => "sources.csv",
            Table::Fighters => "fighters.csv",
            Table::Soldiers => "soldiers.csv",
            Table::Population => "population.csv",
            Table::Area => "area.csv",
            Table::Actors => "actors.csv",
            Table::Activity => "activity.csv",
        }
    }

    /// The header a new file of this table is written with (the shipped files' order,
    /// then the optional columns).
    pub(crate) fn header(self) -> Vec<&'static str> {
        use crate::data::tables;
        let schema = match self {
            Table::Sources => &tables::SOURCES,
            Table::Fighters => &tables::FIGHTERS,
            Table::Soldiers => &tables::SOLDIERS,
            Table::Population => &tables::POPULATION,
            Table::Area => &tables::AREA,
            Table::Actors => &crate::data::actors::ACTORS,
            Table::Activity => &crate::data::actors::ACTIVITY,
        };
        schema.all()
    }

    /// The column that names the source a row comes from (`id` for a source itself).
    pub(crate) fn source_column(self) -> &'static str {
        match self {
            Table::Sources => "id",
            _ => "source",
        }
    }

    /// The column naming what a row is about, for summaries.
    pub(crate) fn entity_column(self) -> &'static str {
        match self {
            Table::Sources => "id",
            Table::Fighters | Table::Actors => "group",
            _ => "country",
        }
    }
}

/// One row for a dataset file, as column name and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) table: Table,
    pub(crate) cells: Vec<(&'static str, String)>,
}

impl Record {
    pub(crate) fn new(table: Table, cells: Vec<(&'static str, String)>) -> Record {
        Record { table, cells }
    }

    /// The value of `column`, empty when the record has none.
    pub(crate) fn get(&self, column: &str) -> &str {
        self.cells
            .iter()
            .find(|(c, _)| *c == column)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// A figure read from prose, shown with the sentence it came from before it is entered.
#[derive(Debug, Clone)]
pub(crate) struct Review {
    pub(crate) record: Record,
    pub(crate) sentence: String,
}

/// Everything one file gives the datasets.
#[derive(Debug, Clone)]
pub(crate) struct Import {
    /// The file's source row (`Table::Sources`).
    pub(crate) source: Record,
    /// The rows for the estimate, actor and activity files.
    pub(crate) rows: Vec<Record>,
    /// Rows of the file left out as malformed, each at its line with its value and why.
    pub(crate) left_out: Vec<Problem>,
    /// What the file holds that the datasets do not take, one line each ("217 countries
    /// not in countries.csv").
    pub(crate) outside: Vec<String>,
    /// Figures drafted from prose: entered only with `--accept`.
    pub(crate) review: Vec<Review>,
    /// Notices about the file itself (its encoding, the zip member read).
    pub(crate) notices: Vec<String>,
}

impl Import {
    pub(crate) fn new(source: Record) -> Import {
        Import {
            source,
            rows: Vec::new(),
            left_out: Vec::new(),
            outside: Vec::new(),
            review: Vec::new(),
            notices: Vec::new(),
        }
    }

    pub(crate) fn source_id(&self) -> &str {
        self.source.get("id")
    }
}

/// A source row: what every format fills in, in the order of `Table::Sources`.
pub(crate) struct SourceRow<'a> {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) publisher: &'a str,
    pub(crate) published: String,
    pub(crate) url: String,
    pub(crate) note: String,
    pub(crate) release: String,
}

impl SourceRow<'_> {
    pub(crate) fn record(self, file: &super::Downloaded, options: &super::Options) -> Record {
        Record::new(
            Table::Sources,
            vec![
                ("id", self.id),
                ("title", self.title),
                ("publisher", self.publisher.to_string()),
                ("published", self.published),
                ("url", options.url.clone().unwrap_or(self.url)),
                ("accessed", options.accessed.clone()),
                ("note", self.note),
                ("via", options.via.clone()),
                ("release", self.release),
                ("sha256", file.sha256.clone()),
            ],
        )
    }
}

/// An id from free text: lower case, runs of anything else than letters and digits as
/// one hyphen (`SP.POP.TOTL` → `sp-pop-totl`).
pub(crate) fn kebab(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The line a CSV record of `text` begins on (1-based). The reader's own count is off
/// after CRLF line ends, where it places a record at the line feed before it.
pub(crate) fn line_of(text: &str, record: &csv::StringRecord) -> usize {
    let Some(at) = record.position().map(|p| p.byte() as usize) else {
        return 0;
    };
    let bytes = text.as_bytes();
    let mut start = at.min(bytes.len());
    while bytes.get(start).is_some_and(|b| *b == b'\n' || *b == b'\r') {
        start += 1;
    }
    bytes[..start].iter().filter(|b| **b == b'\n').count() + 1
}

/// A figure as the dataset files write it: a plain number, no grouping, no exponent.
pub(crate) fn plain(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.6}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_numbers_are_written_as_the_files_hold_them() {
        assert_eq!(kebab("SP.POP.TOTL"), "sp-pop-totl");
        assert_eq!(
            kebab("  Last Updated: 2026-07-13 "),
            "last-updated-2026-07-13"
        );
        assert_eq!(plain(25198821.0), "25198821");
        assert_eq!(plain(1240190.0), "1240190");
        assert_eq!(plain(1.5), "1.5");
        assert_eq!(plain(6.0 * 1000.0), "6000");
    }
}
