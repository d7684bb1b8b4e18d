//! The words `extract` reads with: the hedge table (`lexicon/hedges.toml`, or the file
//! `--hedges` gives), the country adjectives and quantity words (`lexicon/words.toml`),
//! and the datasets' group names, aliases and country names.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::claims::Qualifier;
use crate::data::comparisons::toml_problem;
use crate::data::{Dataset, Quantity};
use crate::error::{Error, Location, Problem};

/// The shipped hedge table.
pub(crate) const HEDGES: &str = include_str!("../../lexicon/hedges.toml");
const WORDS: &str = include_str!("../../lexicon/words.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHedges {
    version: u32,
    hedge: Vec<RawHedge>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHedge {
    qualifier: String,
    #[serde(default)]
    place: Option<String>,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    #[allow(dead_code)]
    version: u32,
    countries: BTreeMap<String, Vec<String>>,
    quantities: BTreeMap<String, Vec<String>>,
    events: Vec<String>,
    not_counted: Vec<String>,
    benchmarks: Vec<String>,
}

/// One hedge phrase, lower-cased, split into words.
#[derive(Debug, Clone)]
pub(crate) struct Hedge {
    pub(crate) words: Vec<String>,
    pub(crate) qualifier: Qualifier,
    /// Whether it follows the number ("20 or more").
    pub(crate) after: bool,
}

/// A name of a group or country, as words.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    pub(crate) words: Vec<String>,
    /// Acronyms (JNIM, HTS) match only as written, in capitals.
    pub(crate) exact: bool,
    pub(crate) entity: Entity,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Entity {
    Group(String),
    Country(String),
}

/// Everything the reader matches words against.
pub(crate) struct Lexicon {
    pub(crate) hedges: Vec<Hedge>,
    /// Where the hedge table came from (`shipped` or the file).
    pub(crate) hedges_from: String,
    pub(crate) names: Vec<Name>,
    /// Quantity words and units, as word lists, with their quantity.
    pub(crate) quantities: Vec<(Vec<String>, Quantity)>,
    pub(crate) events: Vec<String>,
    pub(crate) not_counted: Vec<String>,
    pub(crate) benchmarks: Vec<String>,
}

fn split(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The hedge table at `path`, or the shipped one.
pub(crate) fn hedges(path: Option<&Path>) -> Result<(Vec<Hedge>, String), Error> {
    let (name, text) = match path {
        None => (
            "lexicon/hedges.toml (shipped)".to_string(),
            HEDGES.to_string(),
        ),
        Some(p) => {
            let name = p.display().to_string();
            let text = std::fs::read_to_string(p)
                .map_err(|e| Error::io(format!("cannot read {name}"), e))?;
            (name, text)
        }
    };
    let raw: RawHedges = toml::from_str(&text).map_err(|e| {
        Error::Data(vec![toml_problem(&name, &text, &e, "a hedge table has `version = 1` and [[hedge]] tables with qualifier, words and optionally place = \"after\"")])
    })?;
    let bad = |message: String, help: &str| {
        Error::Data(vec![Problem::new(message, Location::file(&name)).help(help)])
    };
    if raw.version != 1 {
        return Err(bad(
            format!("hedge table version {} is not known", raw.version),
            "this version of the tool reads version = 1",
        ));
    }
    let mut out = Vec::new();
    for h in raw.hedge {
        let Some(qualifier) = Qualifier::parse(&h.qualifier) else {
            return Err(bad(
                format!("unknown qualifier \"{}\" in the hedge table", h.qualifier),
                "use none, about, nearly, more-than, at-least, less-than or at-most",
            ));
        };
        let after = match h.place.as_deref() {
            None | Some("before") => false,
            Some("after") => true,
            Some(other) => {
                return Err(bad(
                    format!("unknown place \"{other}\" in the hedge table"),
                    "use place = \"before\" (the default) or \"after\"",
                ))
            }
        };
        out.extend(h.words.iter().map(|w| Hedge {
            words: split(w),
            qualifier,
            after,
        }));
    }
    out.retain(|h| !h.words.is_empty());
    // Longest phrases first, so that "more than" wins over "more".
    out.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
    Ok((out, name))
}

impl Lexicon {
    /// The lexicon for `data`, with the hedge table given.
    pub(crate) fn new(data: &Dataset, hedges: Vec<Hedge>, hedges_from: String) -> Lexicon {
        let raw: RawWords = toml::from_str(WORDS).expect("the shipped lexicon/words.toml parses");
        let mut names = Vec::new();
        for g in &data.groups {
            let mut spellings = vec![g.id.clone(), g.name.clone()];
            spellings.extend(g.aliases.iter().cloned());
            // "Hayat Tahrir al-Sham (HTS)": the name and the acronym apart.
            if let Some((long, short)) = g.name.split_once(" (") {
                spellings.push(long.to_string());
                spellings.push(short.trim_end_matches(')').to_string());
            }
            for s in spellings {
                let s = s.split(':').next().unwrap_or(&s).trim().to_string();
                if s.is_empty() {
                    continue;
                }
                let exact = s.len() <= 5 && s.chars().all(|c| c.is_ascii_uppercase());
                names.push(Name {
                    words: split(&s),
                    exact,
                    entity: Entity::Group(g.id.clone()),
                });
            }
        }
        for c in &data.countries {
            let mut spellings = vec![c.name.clone()];
            spellings.extend(raw.countries.get(&c.id).cloned().unwrap_or_default());
            for s in spellings {
                names.push(Name {
                    words: split(&s),
                    exact: false,
                    entity: Entity::Country(c.id.clone()),
                });
            }
        }
        names.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
        let mut quantities = Vec::new();
        for (key, words) in &raw.quantities {
            let quantity = match key.as_str() {
                "fighters" => Quantity::Fighters,
                "soldiers" => Quantity::Soldiers,
                "people" => Quantity::Population,
                _ => Quantity::Area,
            };
            quantities.extend(words.iter().map(|w| (split(w), quantity)));
        }
        quantities.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        Lexicon {
            hedges,
            hedges_from,
            names,
            quantities,
            events: raw.events,
            not_counted: raw.not_counted,
            benchmarks: raw.benchmarks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_tables_parse() {
        let data = crate::data::load(&crate::data::DataChoice::Embedded).unwrap();
        let (hedges, _) = hedges(None).unwrap();
        assert!(hedges.iter().any(|h| h.words == ["more", "than"]));
        let lex = Lexicon::new(&data, hedges, String::new());
        assert!(lex.names.iter().any(|n| n.words == ["burkinabe"]));
    }
}
