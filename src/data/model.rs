//! The data model: sources, groups, countries, estimate rows and comparisons, as loaded
//! and checked from the dataset files.

use std::collections::BTreeMap;

use crate::error::{Ids, Location};

pub(crate) use super::basics::{Quantity, RowRef};

/// The kinds of force a soldiers row can count. `armed-forces` is a total of the regular
/// forces for sources that give no breakdown; it must not be counted beside its parts.
pub(crate) const COMPONENTS: &[&str] = &[
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
pub(crate) const ARMED_FORCES_PARTS: &[&str] =
    &["army", "air-force", "gendarmerie", "national-guard"];

/// A central value with an optional low and high. A missing bound is `None`, never a
/// fake copy of the central value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Estimate {
    pub(crate) central: f64,
    pub(crate) low: Option<f64>,
    pub(crate) high: Option<f64>,
}

impl Estimate {
    pub(crate) fn point(central: f64) -> Self {
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
pub(crate) enum DistKind {
    Uniform,
    Triangular,
    Pert,
    /// `low` and `high` read as the 5th and 95th percentiles.
    LogNormal,
}

impl DistKind {
    pub(crate) const IDS: [&'static str; 4] = ["uniform", "triangular", "pert", "lognormal"];

    pub(crate) fn parse(text: &str) -> Option<DistKind> {
        match text {
            "uniform" => Some(DistKind::Uniform),
            "triangular" => Some(DistKind::Triangular),
            "pert" => Some(DistKind::Pert),
            "lognormal" => Some(DistKind::LogNormal),
            _ => None,
        }
    }

    pub(crate) fn id(self) -> &'static str {
        match self {
            DistKind::Uniform => "uniform",
            DistKind::Triangular => "triangular",
            DistKind::Pert => "pert",
            DistKind::LogNormal => "lognormal",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) publisher: String,
    pub(crate) published: String,
    pub(crate) url: String,
    pub(crate) accessed: String,
    /// Where the publication was read when `url` is the original and a copy was used
    /// (a mirror, a repost, an archive); empty when the original itself was read.
    pub(crate) via: String,
    /// Read and kept as the file gives it; no output shows it yet.
    #[allow(dead_code)]
    pub(crate) note: String,
    /// The file's own release or version stamp (a WDI `Last Updated Date`, a UCDP
    /// version) for a source `import` wrote; empty for a hand-curated source.
    pub(crate) release: String,
    /// The SHA-256 of the downloaded file `import` read; empty for a hand-curated source,
    /// which is how the two are told apart.
    pub(crate) sha256: String,
    pub(crate) at: RowRef,
}

impl Source {
    /// Whether `import` wrote this source (and so owns the rows that cite it).
    pub(crate) fn imported(&self) -> bool {
        !self.sha256.is_empty()
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) aliases: Vec<String>,
    pub(crate) parent: Option<String>,
    /// Read and kept as the file gives it; no output shows it yet.
    #[allow(dead_code)]
    pub(crate) note: String,
    pub(crate) at: RowRef,
}

#[derive(Debug, Clone)]
pub(crate) struct Country {
    pub(crate) id: String,
    pub(crate) name: String,
    /// Checked as an ISO 3166-1 alpha-3 code; `list countries` shows it.
    pub(crate) iso3: String,
    /// The codes other systems give the country, for matching the files `import` reads:
    /// Gleditsch–Ward (UCDP), Correlates of War, and the Factbook's own two letters.
    pub(crate) codes: Codes,
    pub(crate) at: RowRef,
}

/// A country's codes in the systems other than ISO 3166 that public files use; empty
/// when not given.
#[derive(Debug, Clone, Default)]
pub(crate) struct Codes {
    /// Gleditsch–Ward number, as UCDP's `gwno` columns give it.
    pub(crate) gw: String,
    /// Correlates of War state abbreviation (`stateabb`: `MLI`, `NIG` for Nigeria), as
    /// COW's files and the Non-State Actor dataset write it.
    pub(crate) cow: String,
    /// The Factbook's code (the name of its country file: `ml` for Mali).
    pub(crate) gec: String,
}

/// One estimate of one quantity: a row of fighters, soldiers, population or area.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) quantity: Quantity,
    /// A group id for fighters, a country id otherwise.
    pub(crate) entity: String,
    /// `None` for area, which has no year.
    pub(crate) year: Option<i32>,
    /// The force component, for soldiers only.
    pub(crate) component: Option<String>,
    pub(crate) estimate: Estimate,
    /// The sampling distribution named in the optional `dist` column.
    pub(crate) dist: Option<DistKind>,
    /// The row's weight among the rows of the same quantity, entity and year (the
    /// optional `weight` column); `None` is the default weight of 1.
    pub(crate) weight: Option<f64>,
    pub(crate) source: String,
    pub(crate) preferred: bool,
    pub(crate) note: String,
    pub(crate) at: RowRef,
}

/// How a comparison's year was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum YearRule {
    /// Set in comparisons.toml.
    Set,
    /// `year = "latest"`: the latest year its estimates share. `why` names the input that
    /// holds it there ("no armed-forces estimate for Southland after 2025"); empty
    /// until the estimates are loaded.
    Latest { why: String },
}

/// One group against one or more countries in one year.
#[derive(Debug, Clone)]
pub(crate) struct Comparison {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) group: String,
    pub(crate) countries: Vec<String>,
    /// The year of its figures: as set, or the latest its estimates share.
    pub(crate) year: i32,
    /// How the year was chosen.
    pub(crate) year_rule: YearRule,
    /// The soldier components that count.
    pub(crate) soldiers: Vec<String>,
    /// A source named per quantity, to choose between rows of the same year.
    pub(crate) sources: BTreeMap<Quantity, String>,
    pub(crate) note: String,
    pub(crate) at: RowRef,
    /// Where each of its keys stands (`group`, `countries`, `year`, `soldiers`,
    /// `sources.fighters`...), so that a message points at the key's own line.
    pub(crate) keys: Vec<(String, Location)>,
}

/// Everything loaded from one data directory (or the embedded copy), already checked.
#[derive(Debug, Clone, Default)]
pub(crate) struct Dataset {
    pub(crate) sources: Vec<Source>,
    pub(crate) groups: Vec<Group>,
    pub(crate) countries: Vec<Country>,
    pub(crate) rows: Vec<Row>,
    pub(crate) comparisons: Vec<Comparison>,
    /// The published benchmarks metrics are held against (`benchmarks.csv`).
    pub(crate) benchmarks: Vec<super::benchmarks::Benchmark>,
    /// The groups' ids and spellings in event datasets (`actors.csv`).
    pub(crate) actors: Vec<super::actors::Actor>,
    /// Where and when each group fought a government (`activity.csv`).
    pub(crate) activity: Vec<super::actors::Activity>,
    /// Lookups by id, built on first use.
    pub(crate) index: super::lookup::Index,
    /// SHA-256 over the dataset files as read (see `data::load`); empty when not every
    /// file was read.
    pub(crate) hash: String,
}

/// The entities a quantity belongs to: groups for fighters, countries for the rest.
pub(crate) struct Entities<'a> {
    /// "group" or "country", as messages name them.
    pub(crate) kind: &'static str,
    pub(crate) ids: Vec<&'a str>,
    /// How `list` names them, for hints.
    pub(crate) listed: Ids,
}

impl Comparison {
    /// Where its key `name` stands: the key's own line and column, or the table's first
    /// line when the key is not written (a default).
    pub(crate) fn key(&self, name: &str) -> Location {
        self.keys
            .iter()
            .find(|(k, _)| k == name)
            .map_or_else(|| self.at.cell(name), |(_, at)| at.clone())
    }

    /// Whether its year follows its estimates (`year = "latest"`) rather than being set.
    pub(crate) fn follows_latest(&self) -> bool {
        matches!(self.year_rule, YearRule::Latest { .. })
    }
}

impl Dataset {
    /// The ids of the entities `quantity` belongs to.
    pub(crate) fn entities_of(&self, quantity: Quantity) -> Entities<'_> {
        match quantity {
            Quantity::Fighters => Entities {
                kind: "group",
                ids: self.groups.iter().map(|g| g.id.as_str()).collect(),
                listed: Ids::Groups,
            },
            _ => Entities {
                kind: "country",
                ids: self.countries.iter().map(|c| c.id.as_str()).collect(),
                listed: Ids::Countries,
            },
        }
    }

    pub(crate) fn rows_of(&self, quantity: Quantity) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(move |row| row.quantity == quantity)
    }

    pub(crate) fn group(&self, id: &str) -> Option<&Group> {
        let at = self.lookup().groups.get(id).copied();
        at.map(|i| &self.groups[i])
    }

    pub(crate) fn country(&self, id: &str) -> Option<&Country> {
        let at = self.lookup().countries.get(id).copied();
        at.map(|i| &self.countries[i])
    }

    pub(crate) fn source(&self, id: &str) -> Option<&Source> {
        let at = self.lookup().sources.get(id).copied();
        at.map(|i| &self.sources[i])
    }

    pub(crate) fn comparison(&self, id: &str) -> Option<&Comparison> {
        let at = self.lookup().comparisons.get(id).copied();
        at.map(|i| &self.comparisons[i])
    }

    /// A display name for a group or country id.
    pub(crate) fn entity_name(&self, id: &str) -> String {
        self.group(id)
            .map(|g| g.name.clone())
            .or_else(|| self.country(id).map(|c| c.name.clone()))
            .unwrap_or_else(|| id.to_string())
    }
}
