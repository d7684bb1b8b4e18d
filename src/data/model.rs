//! The data model: sources, groups, countries, estimate rows and comparisons, as loaded
//! and checked from the dataset files.

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use crate::error::{Field, Location};

/// The four quantities a comparison is built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quantity {
    Fighters,
    Soldiers,
    Population,
    Area,
}

impl Quantity {
    pub const ALL: [Quantity; 4] = [
        Quantity::Fighters,
        Quantity::Soldiers,
        Quantity::Population,
        Quantity::Area,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Quantity::Fighters => "fighters",
            Quantity::Soldiers => "soldiers",
            Quantity::Population => "population",
            Quantity::Area => "area",
        }
    }

    pub fn file(self) -> &'static str {
        match self {
            Quantity::Fighters => "fighters.csv",
            Quantity::Soldiers => "soldiers.csv",
            Quantity::Population => "population.csv",
            Quantity::Area => "area.csv",
        }
    }

    pub fn parse(text: &str) -> Option<Quantity> {
        Quantity::ALL.into_iter().find(|q| q.id() == text)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The kinds of force a soldiers row can count. `armed-forces` is a total of the regular
/// forces for sources that give no breakdown; it must not be counted beside its parts.
pub const COMPONENTS: &[&str] = &[
    "armed-forces",
    "army",
    "air-force",
    "gendarmerie",
    "national-guard",
    "police",
    "militia",
    "foreign",
    "peacekeepers",
];

/// The components that `armed-forces` already includes.
pub const ARMED_FORCES_PARTS: &[&str] = &["army", "air-force", "gendarmerie", "national-guard"];

/// A central value with an optional low and high. A missing bound is `None`, never a
/// fake copy of the central value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub central: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl Estimate {
    pub fn point(central: f64) -> Self {
        Estimate {
            central,
            low: None,
            high: None,
        }
    }
}

/// How an estimate's uncertainty is sampled. The default for a row with `low < high` is
/// PERT (see `uncertainty::dist`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistKind {
    Uniform,
    Triangular,
    Pert,
    /// `low` and `high` read as the 5th and 95th percentiles.
    LogNormal,
}

impl DistKind {
    pub const IDS: [&'static str; 4] = ["uniform", "triangular", "pert", "lognormal"];

    pub fn parse(text: &str) -> Option<DistKind> {
        match text {
            "uniform" => Some(DistKind::Uniform),
            "triangular" => Some(DistKind::Triangular),
            "pert" => Some(DistKind::Pert),
            "lognormal" => Some(DistKind::LogNormal),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            DistKind::Uniform => "uniform",
            DistKind::Triangular => "triangular",
            DistKind::Pert => "pert",
            DistKind::LogNormal => "lognormal",
        }
    }
}

/// Where a row came from, for messages and citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRef {
    pub file: String,
    pub line: usize,
    /// The file's header, so a later check can name the real column of a cell.
    pub header: Rc<Vec<String>>,
}

impl RowRef {
    pub fn new(file: &str, line: usize) -> Self {
        RowRef {
            file: file.to_string(),
            line,
            header: Rc::default(),
        }
    }

    /// The location of one of this row's cells.
    pub fn cell(&self, column: &str) -> Location {
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

#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub published: String,
    pub url: String,
    pub accessed: String,
    pub note: String,
    pub at: RowRef,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub parent: Option<String>,
    pub note: String,
    pub at: RowRef,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub id: String,
    pub name: String,
    pub iso3: String,
    pub at: RowRef,
}

/// One estimate of one quantity: a row of fighters, soldiers, population or area.
#[derive(Debug, Clone)]
pub struct Row {
    pub quantity: Quantity,
    /// A group id for fighters, a country id otherwise.
    pub entity: String,
    /// `None` for area, which has no year.
    pub year: Option<i32>,
    /// The force component, for soldiers only.
    pub component: Option<String>,
    pub estimate: Estimate,
    /// The sampling distribution named in the optional `dist` column.
    pub dist: Option<DistKind>,
    pub source: String,
    pub preferred: bool,
    pub note: String,
    pub at: RowRef,
}

/// One group against one or more countries in one year.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub id: String,
    pub label: String,
    pub group: String,
    pub countries: Vec<String>,
    pub year: i32,
    /// The soldier components that count.
    pub soldiers: Vec<String>,
    /// A source named per quantity, to choose between rows of the same year.
    pub sources: BTreeMap<Quantity, String>,
    pub note: String,
    pub at: RowRef,
}

/// Everything loaded from one data directory (or the embedded copy), already checked.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub groups: Vec<Group>,
    pub countries: Vec<Country>,
    pub rows: Vec<Row>,
    pub comparisons: Vec<Comparison>,
}

impl Dataset {
    pub fn rows_of(&self, quantity: Quantity) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(move |row| row.quantity == quantity)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn country(&self, id: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn comparison(&self, id: &str) -> Option<&Comparison> {
        self.comparisons.iter().find(|c| c.id == id)
    }

    /// A display name for a group or country id.
    pub fn entity_name(&self, id: &str) -> String {
        self.group(id)
            .map(|g| g.name.clone())
            .or_else(|| self.country(id).map(|c| c.name.clone()))
            .unwrap_or_else(|| id.to_string())
    }
}
