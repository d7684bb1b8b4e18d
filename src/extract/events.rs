//! The events query of a statement that counts events, when its words say enough: a
//! group, the countries (as exports name them), a year and what is counted
//! ("large-scale attacks" of a group, its attacks, or the people killed), so that
//! `check --events export.csv` can count it.

use crate::data::Dataset;

use super::lexicon::Entity;
use super::numbers::value;
use super::readings::Words;
use super::tokens::{Token, TokenKind};

/// The `events = { ... }` table for a statement, or none when its words leave the group,
/// the year or the measure open.
pub(super) fn query(
    t: &[Token],
    (from, to): (usize, usize),
    words: &Words,
    data: &Dataset,
) -> Option<String> {
    let clause = &t[from.min(t.len())..to.min(t.len())];
    let has = |w: &[&str]| clause.iter().any(|tok| w.contains(&tok.bare()));
    let group = words.entities.iter().find_map(|e| match e {
        Entity::Group(g) => Some(g.clone()),
        Entity::Country(_) => None,
    });
    let countries: Vec<String> = words
        .entities
        .iter()
        .filter_map(|e| match e {
            Entity::Country(c) => data.country(c).map(|c| c.name.clone()),
            Entity::Group(_) => None,
        })
        .collect();
    let year = *words.years.first()?;
    let killed = has(&["killed", "killing", "deaths", "dead", "fatalities", "died"]);
    let measure = if has(&["large-scale", "large"]) && group.is_some() {
        "large_attacks"
    } else if has(&["attacks", "attack", "raids", "assaults", "ambushes"])
        && group.is_some()
        && !killed
    {
        "initiated"
    } else if killed && has(&["people", "civilians", "persons"]) && !countries.is_empty() {
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
    parts.push(format!("year = {year}"));
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
