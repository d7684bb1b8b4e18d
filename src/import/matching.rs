//! Which of the datasets' countries and groups a public file's row is about: countries
//! by ISO 3166 alpha-3 or the code system the file uses (countries.csv's `gw`, `cow`,
//! `gec`), groups by their id, name, aliases and the spellings of actors.csv. A name
//! that fits several groups is refused with its candidates, never picked.

use std::collections::HashMap;

use crate::data::Dataset;

/// The code systems public files name countries by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum System {
    Iso3,
    /// Gleditsch–Ward numbers (UCDP's `gwno_*`).
    Gw,
    /// Correlates of War state abbreviations (`stateabb`).
    Cow,
    /// The Factbook's two letters.
    Gec,
}

impl System {
    /// The column of countries.csv that holds the code.
    pub(crate) fn column(self) -> &'static str {
        match self {
            System::Iso3 => "iso3",
            System::Gw => "gw",
            System::Cow => "cow",
            System::Gec => "gec",
        }
    }
}

/// The datasets' countries by one code system.
pub(crate) struct Countries<'a> {
    by_code: HashMap<String, &'a str>,
    /// Countries of countries.csv without a code in this system.
    pub(crate) uncoded: Vec<&'a str>,
    pub(crate) system: System,
}

impl<'a> Countries<'a> {
    pub(crate) fn new(data: &'a Dataset, system: System) -> Countries<'a> {
        let mut by_code = HashMap::new();
        let mut uncoded = Vec::new();
        for c in &data.countries {
            let code = match system {
                System::Iso3 => &c.iso3,
                System::Gw => &c.codes.gw,
                System::Cow => &c.codes.cow,
                System::Gec => &c.codes.gec,
            };
            match code.trim() {
                "" => uncoded.push(c.id.as_str()),
                code => {
                    by_code.insert(code.to_ascii_lowercase(), c.id.as_str());
                }
            }
        }
        Countries {
            by_code,
            uncoded,
            system,
        }
    }

    /// The country id for a code as the file writes it.
    pub(crate) fn get(&self, code: &str) -> Option<&'a str> {
        self.by_code.get(&code.trim().to_ascii_lowercase()).copied()
    }

    /// The notice for countries of the datasets this file cannot be matched to.
    pub(crate) fn uncoded_notice(&self) -> Option<String> {
        (!self.uncoded.is_empty()).then(|| {
            format!(
                "{} in countries.csv {} no `{}` code, so this file's rows for {} cannot be found: add the code to import them",
                self.uncoded.join(", "),
                if self.uncoded.len() == 1 { "has" } else { "have" },
                self.system.column(),
                if self.uncoded.len() == 1 { "it" } else { "them" }
            )
        })
    }
}

/// The datasets' groups by every name they go by.
pub(crate) struct Groups {
    /// Name (lower case) → the ids of the groups that go by it.
    by_name: HashMap<String, Vec<String>>,
    /// Actor id in an event dataset (`ucdp:303`) → group id.
    by_actor: HashMap<String, String>,
}

/// Which group a name is.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found {
    One(String),
    None,
    /// Several groups go by the name: their ids.
    Several(Vec<String>),
}

impl Groups {
    pub(crate) fn new(data: &Dataset) -> Groups {
        let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
        let mut add = |name: &str, id: &str| {
            let key = name.trim().to_lowercase();
            if key.is_empty() {
                return;
            }
            let ids = by_name.entry(key).or_default();
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        };
        for g in &data.groups {
            add(&g.id, &g.id);
            add(&g.name, &g.id);
            for alias in &g.aliases {
                add(alias, &g.id);
            }
        }
        let mut by_actor = HashMap::new();
        for a in &data.actors {
            for name in &a.names {
                add(name, &a.group);
            }
            by_actor.insert(format!("{}:{}", a.dataset, a.actor), a.group.clone());
        }
        Groups { by_name, by_actor }
    }

    /// The group a name is, by any of its names.
    pub(crate) fn named(&self, name: &str) -> Found {
        match self
            .by_name
            .get(&name.trim().to_lowercase())
            .map(Vec::as_slice)
        {
            None | Some([]) => Found::None,
            Some([one]) => Found::One(one.clone()),
            Some(several) => Found::Several(several.to_vec()),
        }
    }

    /// The group an event dataset's actor id belongs to (actors.csv).
    pub(crate) fn actor(&self, dataset: &str, id: &str) -> Option<&str> {
        self.by_actor
            .get(&format!("{dataset}:{}", id.trim()))
            .map(String::as_str)
    }
}
