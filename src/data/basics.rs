//! The words every dataset table shares: the four quantities, and where a row stands
//! (file, line, header) for messages and citations. The bottom of `data/`.

use std::fmt;
use std::rc::Rc;

use crate::error::{Field, Location};

/// The four quantities a comparison is built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Quantity {
    Fighters,
    Soldiers,
    Population,
    Area,
}

impl Quantity {
    /// The key of a comparison that chooses what is counted for it: `group` for the
    /// fighters, `soldiers` for the soldiers, `countries` for population and area.
    pub(crate) fn comparison_key(self) -> &'static str {
        match self {
            Quantity::Fighters => "group",
            Quantity::Soldiers => "soldiers",
            Quantity::Population | Quantity::Area => "countries",
        }
    }

    pub(crate) const ALL: [Quantity; 4] = [
        Quantity::Fighters,
        Quantity::Soldiers,
        Quantity::Population,
        Quantity::Area,
    ];

    pub(crate) fn id(self) -> &'static str {
        match self {
            Quantity::Fighters => "fighters",
            Quantity::Soldiers => "soldiers",
            Quantity::Population => "population",
            Quantity::Area => "area",
        }
    }

    pub(crate) fn file(self) -> &'static str {
        match self {
            Quantity::Fighters => "fighters.csv",
            Quantity::Soldiers => "soldiers.csv",
            Quantity::Population => "population.csv",
            Quantity::Area => "area.csv",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Quantity> {
        Quantity::ALL.into_iter().find(|q| q.id() == text)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Where a row came from, for messages and citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RowRef {
    pub(crate) file: String,
    pub(crate) line: usize,
    /// The file's header, so a later check can name the real column of a cell.
    pub(crate) header: Rc<Vec<String>>,
}

impl RowRef {
    pub(crate) fn new(file: &str, line: usize) -> Self {
        RowRef {
            file: file.to_string(),
            line,
            header: Rc::default(),
        }
    }

    /// The location of one of this row's cells.
    pub(crate) fn cell(&self, column: &str) -> Location {
        match self.header.iter().position(|c| c == column) {
            Some(i) => Location::cell(&self.file, self.line, i + 1, column),
            // Comparisons come from TOML, whose fields are keys, not columns.
            None if self.header.is_empty() => Location {
                field: Some(Field::Key(column.to_string())),
                ..Location::line(&self.file, self.line)
            },
            None => Location {
                field: Some(Field::Column(column.to_string())),
                ..Location::line(&self.file, self.line)
            },
        }
    }
}

impl fmt::Display for RowRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}
