//! The words `extract` reads with: the hedge table (`lexicon/hedges.toml`, or the file
//! `--hedges` gives), the nouns, verbs and names of `lexicon/words.toml`, and the
//! datasets' group names, aliases and country names.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::claims::Qualifier;
use crate::data::comparisons::toml_problem;
use crate::data::Dataset;
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
    casualties: Vec<String>,
    event_nouns: Vec<String>,
    targets: Vec<String>,
    action: Vec<RawAction>,
    nouns: RawNouns,
    soldiers: RawSoldiers,
    foreign_nationalities: Vec<String>,
    groups: BTreeMap<String, Vec<String>>,
    branches: RawBranches,
    others: Vec<String>,
    plain_acronyms: Vec<String>,
    benchmarks: Vec<String>,
    countries: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAction {
    reason: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNouns {
    fighters: Vec<String>,
    attackers: Vec<String>,
    people: Vec<String>,
    area: Vec<String>,
    things: Vec<String>,
    time: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSoldiers {
    regular: Vec<String>,
    police: Vec<String>,
    militia: Vec<String>,
    peacekeepers: Vec<String>,
    foreign: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBranches {
    names: Vec<String>,
    by_place: BTreeMap<String, String>,
}

/// One hedge phrase, lower-cased, split into words.
#[derive(Debug, Clone)]
pub(crate) struct Hedge {
    pub(crate) words: Vec<String>,
    pub(crate) qualifier: Qualifier,
    /// Whether it follows the number ("20 or more").
    pub(crate) after: bool,
}

/// Who a name stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Entity {
    /// A group of groups.csv.
    Group(String),
    /// A country of countries.csv.
    Country(String),
    /// The Islamic State, whose branch the clause's country or region tells.
    Branch,
    /// An armed group or organisation the data does not hold, as written.
    Other(String),
}

/// A name of an entity, as words.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    pub(crate) words: Vec<String>,
    /// Acronyms (JNIM, HTS) match only as written, in capitals.
    pub(crate) exact: bool,
    pub(crate) entity: Entity,
}

/// The force component a noun names (soldiers.csv's components, "regular" for the
/// regular forces a country counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Component {
    Regular,
    Police,
    Militia,
    Peacekeepers,
    Foreign,
}

impl Component {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Component::Regular => "regular",
            Component::Police => "police",
            Component::Militia => "militia",
            Component::Peacekeepers => "peacekeepers",
            Component::Foreign => "foreign",
        }
    }
}

/// What a noun counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Noun {
    Fighters,
    /// An attacking party, its vehicles: the size of one operation, not a strength.
    Attackers,
    People,
    Area,
    /// Time, shares and things that are no count of anything in the model.
    Time,
    /// Equipment, animals, goods, money, distances: counts the model does not hold.
    Thing,
    Soldiers(Component),
    /// Attacks, incidents, deaths: events.
    Event,
    /// What an attack strikes: events when the clause names an attack.
    Target,
}

/// A phrase that makes a count of people something the model does not hold.
#[derive(Debug, Clone)]
pub(crate) struct Action {
    pub(crate) words: Vec<String>,
    pub(crate) reason: String,
}

/// Everything the reader matches words against.
pub(crate) struct Lexicon {
    pub(crate) hedges: Vec<Hedge>,
    /// Where the hedge table came from (`shipped` or the file).
    pub(crate) hedges_from: String,
    /// Names of entities, longest first.
    pub(crate) names: Vec<Name>,
    /// Nouns and what they count, longest phrase first.
    pub(crate) nouns: Vec<(Vec<String>, Noun)>,
    pub(crate) casualties: Vec<String>,
    pub(crate) actions: Vec<Action>,
    pub(crate) foreign_nationalities: Vec<Vec<String>>,
    /// Islamic State branches by the country id or region word a clause names.
    pub(crate) branches: Vec<(String, String)>,
    pub(crate) plain_acronyms: Vec<String>,
    pub(crate) benchmarks: Vec<String>,
}

fn split(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.trim_end_matches('.').to_lowercase();
            // Names are matched without a possessive, as tokens are.
            w.strip_suffix("'s").map_or(w.clone(), str::to_string)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A hedge table as an input file.
const HEDGE_FILE: crate::input::Kind = crate::input::Kind {
    noun: "hedge tables",
    form: "TOML files",
    limit: 1024 * 1024,
};

/// The hedge table at `path`, or the shipped one.
pub(crate) fn hedges(path: Option<&Path>) -> Result<(Vec<Hedge>, String), Error> {
    let (name, text) = match path {
        None => (
            "lexicon/hedges.toml (shipped)".to_string(),
            HEDGES.to_string(),
        ),
        Some(p) => {
            let name = p.display().to_string();
            let bytes = crate::input::read_existing(p, &HEDGE_FILE)?;
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::Data(vec![Problem::new("not UTF-8", Location::file(&name))
                    .help("save the hedge table as UTF-8")])
            })?;
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

/// Whether a spelling is an acronym, matched only as written in capitals.
fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 6
        && letters.iter().all(|c| c.is_uppercase())
        && !s.contains(' ')
}

fn name(spelling: &str, entity: Entity) -> Option<Name> {
    let s = spelling.split(':').next().unwrap_or(spelling).trim();
    let words = split(s);
    (!words.is_empty()).then(|| Name {
        words,
        exact: is_acronym(s),
        entity,
    })
}

impl Lexicon {
    /// The lexicon for `data`, with the hedge table given.
    pub(crate) fn new(data: &Dataset, hedges: Vec<Hedge>, hedges_from: String) -> Lexicon {
        let raw: RawWords = toml::from_str(WORDS).expect("the shipped lexicon/words.toml parses");
        let mut names = Vec::new();
        for g in &data.groups {
            let mut spellings = vec![g.id.clone(), g.name.clone()];
            spellings.extend(g.aliases.iter().cloned());
            spellings.extend(raw.groups.get(&g.id).cloned().unwrap_or_default());
            // "Hayat Tahrir al-Sham (HTS)": the name and the acronym apart.
            if let Some((long, short)) = g.name.split_once(" (") {
                spellings.push(long.to_string());
                spellings.push(short.trim_end_matches(')').to_string());
            }
            names.extend(
                spellings
                    .iter()
                    .filter_map(|s| name(s, Entity::Group(g.id.clone()))),
            );
        }
        for c in &data.countries {
            let mut spellings = vec![c.name.clone()];
            spellings.extend(raw.countries.get(&c.id).cloned().unwrap_or_default());
            names.extend(
                spellings
                    .iter()
                    .filter_map(|s| name(s, Entity::Country(c.id.clone()))),
            );
        }
        let known: Vec<Vec<String>> = names.iter().map(|n| n.words.clone()).collect();
        names.extend(
            raw.branches
                .names
                .iter()
                .filter_map(|s| name(s, Entity::Branch)),
        );
        names.extend(
            raw.others
                .iter()
                .filter_map(|s| name(s, Entity::Other(s.clone())))
                // A group the data holds keeps its own name.
                .filter(|n| !known.contains(&n.words)),
        );
        names.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
        let mut nouns = Vec::new();
        let mut add = |words: &[String], noun: Noun| {
            nouns.extend(words.iter().map(|w| (split(w), noun)));
        };
        add(&raw.nouns.fighters, Noun::Fighters);
        add(&raw.nouns.attackers, Noun::Attackers);
        add(&raw.nouns.people, Noun::People);
        add(&raw.nouns.area, Noun::Area);
        add(&raw.nouns.things, Noun::Thing);
        add(&raw.nouns.time, Noun::Time);
        add(&raw.soldiers.regular, Noun::Soldiers(Component::Regular));
        add(&raw.soldiers.police, Noun::Soldiers(Component::Police));
        add(&raw.soldiers.militia, Noun::Soldiers(Component::Militia));
        add(
            &raw.soldiers.peacekeepers,
            Noun::Soldiers(Component::Peacekeepers),
        );
        add(&raw.soldiers.foreign, Noun::Soldiers(Component::Foreign));
        add(&raw.event_nouns, Noun::Event);
        add(&raw.targets, Noun::Target);
        // Longest first; among equals, the order above ("forces" a soldier word before a
        // time word).
        nouns.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let actions = raw
            .action
            .iter()
            .flat_map(|a| {
                a.words.iter().map(|w| Action {
                    words: split(w),
                    reason: a.reason.clone(),
                })
            })
            .collect();
        let known_countries: Vec<&str> = data.countries.iter().map(|c| c.id.as_str()).collect();
        let branches = raw
            .branches
            .by_place
            .into_iter()
            .filter(|(place, group)| {
                data.group(group).is_some()
                    && (known_countries.contains(&place.as_str()) || !place.contains('-'))
            })
            .collect();
        Lexicon {
            hedges,
            hedges_from,
            names,
            nouns,
            casualties: raw.casualties,
            actions,
            foreign_nationalities: raw.foreign_nationalities.iter().map(|w| split(w)).collect(),
            branches,
            plain_acronyms: raw.plain_acronyms,
            benchmarks: raw.benchmarks,
        }
    }
}

/// The lexicon of the embedded data with the shipped hedge table, for tests.
#[cfg(test)]
pub(crate) fn shipped() -> Lexicon {
    let data = crate::data::load(&crate::data::DataChoice::Embedded).unwrap();
    let (hedges, from) = hedges(None).unwrap();
    Lexicon::new(&data, hedges, from)
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
        assert!(lex.names.iter().any(|n| n.words == ["katiba", "masina"]
            && n.entity == Entity::Group("katiba-macina".into())));
        assert!(lex
            .branches
            .contains(&("somalia".to_string(), "is-somalia".to_string())));
        assert!(lex
            .nouns
            .iter()
            .any(|(w, n)| w == &["peacekeepers"] && *n == Noun::Soldiers(Component::Peacekeepers)));
    }
}
