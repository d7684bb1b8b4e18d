//! The events query of a statement that counts events, when its words say enough: a
//! group, the countries (as exports name them), a year or a partial period ("the first
//! half of 2024", "in March 2023") and what is counted ("large-scale attacks" of a group,
//! its attacks, or the people killed), so that `check --events export.csv` can count it.
//! The query attaches to the counted number, never to a threshold ("20 or more").

use crate::data::Dataset;

use super::lexicon::Entity;
use super::numbers::value;
use super::sight::{year_of, Sight};
use super::tokens::{Token, TokenKind};
use super::when::{months, Year, YearFrom};

/// The `events = { ... }` table for a statement, or none when its words leave the group,
/// the year or the measure open.
pub(super) fn query(s: &Sight, data: &Dataset) -> Option<String> {
    let t = s.t;
    let (from, to) = s.clause;
    // The threshold of "each killing 20 or more people" is no count of its own.
    if is_threshold(t, s.m.first) {
        return None;
    }
    let clause = &t[from.min(t.len())..to.min(t.len())];
    let has = |w: &[&str]| clause.iter().any(|tok| w.contains(&tok.bare()));
    let mut groups: Vec<String> = Vec::new();
    let mut countries: Vec<String> = Vec::new();
    for n in s.names {
        match &n.entity {
            Entity::Group(g) if !groups.contains(g) => groups.push(g.clone()),
            Entity::Country(c) => {
                if let Some(name) = data.country(c).map(|c| c.name.clone()) {
                    if !countries.contains(&name) {
                        countries.push(name);
                    }
                }
            }
            Entity::Other(_) | Entity::Branch => return None,
            _ => {}
        }
    }
    let group = match groups.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        _ => return None,
    };
    let year = match year_of(s) {
        Year::Known(y, f) if f <= YearFrom::Sentence => y,
        _ => return None,
    };
    let killed = has(&["killed", "killing", "deaths", "dead", "fatalities", "died"]);
    let counted_attacks = t
        .get(s.m.last + 1..(s.m.last + 4).min(t.len()))
        .is_some_and(|w| {
            w.iter().any(|w| {
                matches!(
                    w.bare(),
                    "attacks" | "attack" | "raids" | "assaults" | "ambushes"
                )
            })
        });
    let measure = if has(&["large-scale", "large"]) && group.is_some() && counted_attacks {
        "large_attacks"
    } else if counted_attacks && group.is_some() {
        "initiated"
    } else if killed
        && !counted_attacks
        && has(&["people", "civilians", "persons"])
        && !countries.is_empty()
        && group.is_none()
    {
        "fatalities"
    } else {
        return None;
    };
    let mut parts = Vec::new();
    if let Some(g) = group.filter(|_| measure != "fatalities") {
        parts.push(format!("group = {}", quoted(&g)));
    }
    match countries.as_slice() {
        [] => {}
        [one] => parts.push(format!("country = {}", quoted(one))),
        many => parts.push(format!(
            "countries = [{}]",
            many.iter()
                .map(|c| quoted(c))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    match months(t, s.clause) {
        Some((a, b)) => {
            parts.push(format!("from = \"{year}-{a:02}\""));
            parts.push(format!("to = \"{year}-{b:02}\""));
        }
        None => parts.push(format!("year = {year}")),
    }
    parts.push(format!("measure = \"{measure}\""));
    if measure == "large_attacks" {
        if let Some(large) = threshold(t) {
            parts.push(format!("large = {large}"));
        }
    }
    Some(format!("{{ {} }}", parts.join(", ")))
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Whether the number at `k` is a threshold: "20 or more" after "killing", "at least".
pub(super) fn is_threshold(t: &[Token], k: usize) -> bool {
    let or_more = t.get(k + 1).is_some_and(|w| w.bare() == "or")
        && t.get(k + 2).is_some_and(|w| w.bare() == "more");
    let each = t[k.saturating_sub(4)..k]
        .iter()
        .any(|w| matches!(w.bare(), "each" | "every"));
    or_more && each
}

/// "each killing 20 or more people": the large-scale threshold the sentence states.
fn threshold(t: &[Token]) -> Option<u32> {
    (0..t.len()).find_map(|k| {
        let number = t[k].kind == TokenKind::Number;
        let or_more = t.get(k + 1).is_some_and(|w| w.bare() == "or")
            && t.get(k + 2).is_some_and(|w| w.bare() == "more");
        let killing = t[k.saturating_sub(3)..k].iter().any(|w| {
            matches!(
                w.bare(),
                "killing" | "killed" | "kill" | "deaths" | "fatalities"
            )
        });
        (number && or_more && killing)
            .then(|| value(&t[k].raw).0)
            .filter(|v| v.fract() == 0.0 && *v >= 1.0 && *v < 1e6)
            .map(|v| v as u32)
    })
}
