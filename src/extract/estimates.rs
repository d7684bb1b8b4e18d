//! Single estimates read from a count: a named group's fighters, a named country's
//! soldiers of one component, a country's population; each only when the words name
//! the owner and the year, and none when the count is one operation's force, a planned
//! force, foreign forces of a country the data does not hold, or a part of a population.

use crate::data::Quantity;

use super::confidence::Evidence;
use super::counted::{one_operation, Head};
use super::decided::{choose_estimate, component_id, owner_missing, Decided};
use super::lexicon::{Component, Entity, Lexicon};
use super::readings::Values;
use super::sight::{described, Sight};
use super::whose::{whose, Kind, Place, Whose};
use super::Status;

fn oom(reason: String, evidence: Evidence) -> Decided {
    Decided::Statement(Status::OutOfModel { reason }, evidence)
}

/// Words that make a count of fighters a group's strength even beside an operation
/// word ("an estimated 6,000 fighters took part"), between the sentence's numbers before
/// and after this one.
fn strength_words(s: &Sight) -> bool {
    let from = s.previous_end.map_or(0, |e| e + 1);
    let to = s.next.map_or(s.t.len(), |(first, _)| first);
    s.t[from..to].iter().any(|w| {
        matches!(
            w.bare(),
            "strength"
                | "estimated"
                | "estimate"
                | "estimates"
                | "total"
                | "numbers"
                | "numbered"
                | "ranks"
                | "assessed"
        )
    })
}

/// A count of fighters: a named group's strength in a year.
pub(super) fn fighters(
    s: &Sight,
    place: &Place,
    head: &Head,
    values: &Values,
    lex: &Lexicon,
) -> Decided {
    let what = described(s.t, s.m, &Some(head.clone()));
    let owner = whose(place, Kind::Group, lex);
    if !strength_words(s) {
        if let Some(w) = one_operation(s.t, s.clause) {
            return oom(
                format!("{what}: the size of a force in one operation (\"{w}\"), not a group's strength"),
                Evidence::Operation,
            );
        }
    }
    if let Some(d) = owner_missing(&owner, &what, "group") {
        return d;
    }
    let Whose::One(group, from) = owner else {
        unreachable!("owner_missing returns for every other owner")
    };
    choose_estimate(s, values, &group, Quantity::Fighters, None, from, &what)
}

/// A count of soldiers of one component: a named country's forces in a year.
pub(super) fn soldiers(
    s: &Sight,
    place: &Place,
    head: &Head,
    component: Component,
    values: &Values,
    lex: &Lexicon,
) -> Decided {
    let t = s.t;
    let what = described(t, s.m, &Some(head.clone()));
    if let Some(w) = one_operation(t, s.clause).filter(|_| !strength_words(s)) {
        return oom(
            format!("{what}: a force engaged in one operation (\"{w}\"), not a force level"),
            Evidence::Operation,
        );
    }
    // A regional or international force ("an ECOWAS stand-by force of 2,000 soldiers",
    // "the G5 Sahel joint force"): no country's forces.
    let (from, to) = s.clause;
    let regional = t[from.min(t.len())..to.min(t.len())].iter().any(|w| {
        matches!(
            w.raw.as_str(),
            "ECOWAS" | "AU" | "G5" | "AES" | "MNJTF" | "SADC" | "IGAD"
        )
    }) || t[from.min(t.len())..to.min(t.len())].windows(2).any(|w| {
        (w[0].is_word("joint") || w[0].is_word("regional") || w[0].is_word("multinational"))
            && matches!(w[1].bare(), "force" | "forces" | "task")
    });
    if regional {
        return oom(
            format!("{what}: a regional or international force, not one country's forces"),
            Evidence::Action,
        );
    }
    // "French soldiers", "Chadian troops": foreign forces, never the host's army.
    // (In the noun phrase, or before the number in its clause: "the British Army
    // commitment to MINUSMA, with 300 soldiers".)
    let nationality = (s.m.last + 1..head.at)
        .chain(s.clause.0.min(s.m.first)..s.m.first)
        .find_map(|k| {
            lex.foreign_nationalities
                .iter()
                .find(|n| n.len() == 1 && t.get(k).is_some_and(|w| w.bare() == n[0]))
                .map(|n| n[0].clone())
        });
    let component = match (component, &nationality) {
        (Component::Regular, Some(_)) => Component::Foreign,
        (c, _) => c,
    };
    // A mission's peacekeepers serve in the mission's country.
    let owner = whose(place, Kind::Country, lex);
    let owner = match (&owner, component) {
        (Whose::None, Component::Peacekeepers) => return needs_mission(&what),
        _ => owner,
    };
    if let Some(d) = owner_missing(&owner, &what, "country") {
        return d;
    }
    let Whose::One(country, from) = owner else {
        unreachable!("owner_missing returns for every other owner")
    };
    let id = component_id(values, &country, component);
    choose_estimate(s, values, &country, Quantity::Soldiers, id, from, &what)
}

fn needs_mission(what: &str) -> Decided {
    Decided::Statement(
        Status::NeedsReading {
            why: format!("{what}: peacekeepers of a mission whose country the words do not name"),
            alternatives: Vec::new(),
        },
        Evidence::Open,
    )
}

/// Words that make a count of people a part of a population: by sex, age, place, work,
/// displacement or need.
const PARTS: &[&str] = &[
    "male",
    "males",
    "female",
    "females",
    "men",
    "women",
    "children",
    "aged",
    "ages",
    "urban",
    "rural",
    "capital",
    "city",
    "cities",
    "town",
    "refugees",
    "refugee",
    "displaced",
    "idps",
    "labour",
    "labor",
    "workforce",
    "employed",
    "unemployed",
    "need",
    "needing",
    "insecure",
    "food",
    "hunger",
    "assistance",
    "aid",
    "humanitarian",
    "camp",
    "camps",
    "held",
    "detained",
    "voters",
    "students",
    "pupils",
    "schools",
    "households",
    "families",
    "migrants",
    "returnees",
    "internally",
    "diaspora",
    "abroad",
    "border",
    "affected",
    "flee",
    "fled",
];

/// A count of people: a named country's population in a year, when the words say it is
/// the population ("a population of", "inhabitants", "is home to", "has ... people").
pub(super) fn population(
    s: &Sight,
    place: &Place,
    head: &Head,
    values: &Values,
    lex: &Lexicon,
) -> Decided {
    let t = s.t;
    let what = described(t, s.m, &Some(head.clone()));
    let (from, to) = s.clause;
    let clause = &t[from.min(t.len())..to.min(t.len())];
    if let Some(part) = clause.iter().find(|w| PARTS.contains(&w.bare())) {
        return oom(
            format!(
                "{what}: a part of a population (\"{}\"), not a country's population",
                part.raw
            ),
            Evidence::Part,
        );
    }
    let says_population = matches!(
        head.words.to_lowercase().as_str(),
        "population" | "populations" | "inhabitants" | "residents" | "citizens"
    ) || clause.iter().any(|w| {
        matches!(
            w.bare(),
            "population"
                | "populous"
                | "inhabitants"
                | "home"
                | "live"
                | "lives"
                | "living"
                | "inhabited"
        )
    }) || clause
        .windows(2)
        .any(|w| matches!(w[0].bare(), "has" | "had" | "have") && w[1].bare() != "been");
    if !says_population {
        return oom(
            format!("{what}: a count of people that the words do not make a country's population"),
            Evidence::People,
        );
    }
    let owner = whose(place, Kind::Country, lex);
    if let Some(d) = owner_missing(&owner, &what, "country") {
        return d;
    }
    let Whose::One(country, from) = owner else {
        unreachable!("owner_missing returns for every other owner")
    };
    // Two countries named in the clause: a combined population is no one estimate.
    let countries = s
        .names
        .iter()
        .filter(|n| n.start >= s.clause.0 && n.end <= s.clause.1)
        .filter(|n| matches!(n.entity, Entity::Country(_)))
        .count();
    if countries > 1 {
        return Decided::Statement(
            Status::NeedsReading {
                why: format!("{what}: the clause names several countries; a combined population is no single estimate"),
                alternatives: Vec::new(),
            },
            Evidence::Open,
        );
    }
    choose_estimate(s, values, &country, Quantity::Population, None, from, &what)
}
