//! Each number of a document turned into a statement: its clause's words read (who,
//! which quantity, which year, which hedge), then mapped to the readings the data model
//! can check, to an events count, or out of the model, or listed as suspect.

use crate::claims::Stated;
use crate::data::{Dataset, Quantity};
use crate::metrics::Metric;
use crate::units::Units;

use super::context::{clause, entities, hedge, names_events, quantities_in, quantity_at, spans};
use super::document::Document;
use super::lexicon::{Entity, Lexicon};
use super::numbers::{self, Aside, Mention, Shape};
use super::readings::{self, Candidate, Words};
use super::tokens::{sentences, Sentence, Token};
use super::{Statement, Status};

/// Words after a number that say nothing of what it counts ("2,500 in 2022").
const FUNCTION_WORDS: &[&str] = &[
    "in", "of", "and", "or", "to", "by", "for", "at", "on", "as", "the", "a", "an", "from", "with",
    "than", "is", "are", "was", "were", "that", "this", "each", "per", "across", "against", "over",
    "under", "since", "until", "strong", "more", "fewer", "less",
];

/// How many alternatives a drafted claim lists.
const ALTERNATIVES: usize = 3;

/// The statements of a document, with the count of numbers seen and set aside.
pub(super) fn statements(
    data: &Dataset,
    doc: &Document,
    lex: &Lexicon,
) -> (Vec<Statement>, usize, usize) {
    let text = &doc.text.text;
    let mut out = Vec::new();
    let (mut seen, mut set_aside) = (0, 0);
    let mut carried: Vec<Entity> = Vec::new();
    let values = readings::Values::new(data);
    for s in sentences(text) {
        let read = numbers::read(&s, &lex.not_counted);
        let names = spans(&s.tokens, lex);
        seen += read.mentions.len() + read.asides.len();
        set_aside += read.asides.len();
        let years: Vec<(usize, i32)> = read
            .asides
            .iter()
            .filter(|(_, a)| *a == Aside::Year)
            .filter_map(|(i, _)| s.tokens[*i].raw.parse().ok().map(|y| (*i, y)))
            .collect();
        let mut subject: Vec<Entity> = Vec::new();
        let mut carried_unit: Option<Quantity> = None;
        let mut previous: Vec<Entity> = Vec::new();
        for (k, m) in read.mentions.iter().enumerate() {
            let prev_end = k.checked_sub(1).map(|p| read.mentions[p].last);
            let next_start = read.mentions.get(k + 1).map(|n| n.first);
            let (from, to) = clause(&s.tokens, m, prev_end, next_start);
            let mut named = entities(&names, from, to);
            let left = entities(&names, from, m.first);
            if !left.is_empty() {
                subject = left;
            } else if subject.is_empty() {
                subject = if previous.is_empty() {
                    carried.clone()
                } else {
                    previous.clone()
                };
            }
            if named.is_empty() {
                named = if previous.is_empty() {
                    carried.clone()
                } else {
                    previous.clone()
                };
            }
            let mut words = Words {
                object: entities(&names, m.last + 1, to),
                subject: subject.clone(),
                entities: named.clone(),
                years: years
                    .iter()
                    .filter(|(i, _)| *i >= from && *i < to)
                    .map(|(_, y)| *y)
                    .collect(),
                all_forces: all_forces(&s.tokens),
                units: if km(&s.tokens, from, to) {
                    Units::Metric
                } else {
                    Units::Imperial
                },
            };
            if words.object.is_empty() && words.subject != named {
                words.object = named
                    .iter()
                    .filter(|e| !words.subject.contains(e))
                    .cloned()
                    .collect();
            }
            let (qualifier, hedge_words) = hedge(&s.tokens, m, prev_end.map_or(0, |p| p + 1), lex);
            let stated = if m.high > m.low {
                Stated::Range(m.low, m.high)
            } else {
                Stated::One(m.low)
            };
            let unit = quantity_at(&s.tokens, m.unit, lex).map(|(q, _)| q);
            let mut shape = m.shape;
            if shape == Shape::Quantity
                && unit.is_some_and(|q| q != Quantity::Fighters)
                && each_fighter(&s.tokens, from, m.first, lex)
            {
                // "Each JNIM fighter stands for about 97 square miles".
                shape = Shape::Every;
            }
            let m = &Mention { shape, ..m.clone() };
            let read_as = Reading {
                unit: unit.or(carried_unit),
                clause: (from, to),
            };
            let status = status(&values, &s, m, &read_as, &words, stated, lex);
            if unit.is_some() {
                carried_unit = unit;
            }
            previous = named;
            out.push(Statement {
                at: doc.text.pos(s.tokens[m.first].start),
                number: text[s.tokens[m.first].start..s.tokens[number_end(m)].end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                says: says(&text[s.start..s.end]),
                shape: m.shape,
                stated,
                qualifier,
                hedge: hedge_words,
                note: m.note.clone(),
                status,
            });
        }
        let all = entities(&names, 0, s.tokens.len());
        if !all.is_empty() {
            carried = all;
        }
    }
    (out, seen, set_aside)
}

/// The last token of the number as written: "1.2" of "1.2 soldiers per 1,000".
fn number_end(m: &Mention) -> usize {
    match m.shape {
        Shape::PerThousand => m.unit.saturating_sub(1).max(m.first),
        _ => m.last,
    }
}

/// The sentence as a claim's `says`: one line, at most 300 characters.
fn says(sentence: &str) -> String {
    let one: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let one = one.replace('\u{2020}', "");
    match one.char_indices().nth(300) {
        Some((at, _)) => format!("{}…", &one[..at]),
        None => one,
    }
}

/// Whether the sentence counts militia or foreign forces in (`Some(true)`), says it
/// leaves them out ("not counting militias": `Some(false)`), or says nothing.
fn all_forces(t: &[Token]) -> Option<bool> {
    let at = t.iter().position(|w| {
        matches!(
            w.word().as_str(),
            "militia"
                | "militias"
                | "militiamen"
                | "foreign"
                | "russian"
                | "wagner"
                | "mercenaries"
        )
    })?;
    let negated = t[at.saturating_sub(4)..at].iter().any(|w| {
        matches!(
            w.word().as_str(),
            "not" | "excluding" | "without" | "except" | "leaving"
        )
    });
    Some(!negated)
}

fn km(t: &[Token], from: usize, to: usize) -> bool {
    t[from..to.min(t.len())].iter().any(|w| {
        matches!(
            w.word().as_str(),
            "km²" | "km" | "kilometres" | "kilometers" | "sq-km"
        )
    })
}

/// "each JNIM fighter", "every militant" before a number: the number is per fighter.
fn each_fighter(t: &[Token], from: usize, to: usize, lex: &Lexicon) -> bool {
    (from..to).any(|k| {
        (t[k].is_word("each") || t[k].is_word("every") || t[k].is_word("per"))
            && (k + 1..(k + 4).min(to)).any(|j| {
                quantity_at(t, j, lex)
                    .is_some_and(|(q, end)| q == Quantity::Fighters && end == j + 1)
            })
    })
}

/// What the clause says the number counts, and the clause's span.
struct Reading {
    unit: Option<Quantity>,
    clause: (usize, usize),
}

/// What a number's statement is: mapped to the best readings, events, out of the model
/// or suspect.
fn status(
    values: &readings::Values,
    s: &Sentence,
    m: &Mention,
    read: &Reading,
    words: &Words,
    stated: Stated,
    lex: &Lexicon,
) -> Status {
    if let Some(why) = &m.suspect {
        return Status::Suspect { why: why.clone() };
    }
    let t = &s.tokens;
    let (from, to) = read.clause;
    let unit = read.unit;
    let in_clause = quantities_in(t, from, to, lex);
    if t[from..to.min(t.len())]
        .iter()
        .any(|w| lex.benchmarks.contains(&w.word()))
    {
        return Status::OutOfModel {
            reason: format!(
                "{}: a norm or benchmark the sentence cites, not a figure of the data",
                m_text(t, m)
            ),
        };
    }
    let candidates = match m.shape {
        Shape::Percent => return Status::OutOfModel { reason: "a share (a percentage): the data model holds counts of fighters, soldiers, people and area, not shares".into() },
        Shape::Every | Shape::ToOne => {
            let metrics = per_fighter(unit, &in_clause, m.shape);
            readings::single(values, &metrics, words, stated)
        }
        Shape::PerThousand => {
            let metrics = match unit.or(in_clause.first().copied()) {
                Some(Quantity::Fighters) => vec![(Metric::FightersPer1000People, 1.0)],
                Some(Quantity::Soldiers) => vec![(Metric::SoldiersPer1000People, 1.0)],
                _ => vec![(Metric::SoldiersPer1000People, 0.0), (Metric::FightersPer1000People, 0.0)],
            };
            readings::single(values, &metrics, words, stated)
        }
        Shape::Fraction | Shape::Multiple => {
            if names_events(t, from, to, lex) && words.object.iter().all(|e| matches!(e, Entity::Country(_))) && words.object.is_empty() {
                return Status::OutOfModel { reason: "a share of events or deaths: the data model holds no shares".into() };
            }
            let right = quantities_in(t, m.last + 1, to, lex);
            if right.contains(&Quantity::Fighters) && (right.contains(&Quantity::Soldiers) || right.contains(&Quantity::Population)) && words.object.len() <= 1 {
                let metric = if right.contains(&Quantity::Soldiers) { Metric::SoldiersPerFighter } else { Metric::PeoplePerFighter };
                readings::single(values, &[(metric, 1.0)], words, stated)
            } else {
                readings::pairwise(values, &ratio_metrics(&in_clause), words, stated)
            }
        }
        Shape::Quantity => {
            if t.get(m.unit).is_some_and(|w| matches!(w.word().as_str(), "more" | "fewer" | "less")) {
                return Status::OutOfModel { reason: format!("{} {}: a difference between two figures, which the data model does not state", m_text(t, m), s_words(t, m, to)) };
            }
            if names_events(t, from, to, lex) {
                let query = super::events::query(t, (from, to), words, values.data);
                let need = if query.is_some() { "an ACLED or UCDP export" } else { "an ACLED or UCDP export and an events query" };
                return Status::Events { reason: format!("a count of events ({} {}): needs {need}", m_text(t, m), s_words(t, m, to)), query };
            }
            // "seven transport aircraft": a noun that names no quantity of the data.
            let counted_noun = t.get(m.unit).filter(|w| {
                w.kind == super::tokens::TokenKind::Word && !FUNCTION_WORDS.contains(&w.word().as_str())
            });
            if let (None, Some(noun)) = (unit, counted_noun) {
                return Status::OutOfModel { reason: format!("{} {}: \"{}\" names no quantity the data model holds (fighters, soldiers, population, area)", m_text(t, m), s_words(t, m, to), noun.raw) };
            }
            let quantity = unit.or_else(|| in_clause.first().copied());
            match quantity {
                Some(Quantity::Area) if words.units == Units::Imperial => {
                    return Status::OutOfModel { reason: "an area in square miles: areas are held in km² (give the claim as a metric or in km²)".into() };
                }
                Some(q) => {
                    let found = readings::estimate(values, q, words, stated);
                    if found.is_empty() {
                        return Status::OutOfModel { reason: format!("{} {}: no {} estimate in the data for what the sentence names", m_text(t, m), s_words(t, m, to), q.id()) };
                    }
                    found
                }
                None => return Status::OutOfModel { reason: format!("{} {}: not a quantity the data model holds (fighters, soldiers, population, area)", m_text(t, m), s_words(t, m, to)).replace("  ", " ") },
            }
        }
    };
    pick(candidates)
}

/// The best candidate and the alternatives after it.
fn pick(mut candidates: Vec<Candidate>) -> Status {
    if candidates.is_empty() {
        return Status::OutOfModel {
            reason: "no comparison or estimate of the data fits the words".into(),
        };
    }
    let best = candidates.remove(0);
    // Alternatives that compute another value, or name other data.
    candidates.truncate(ALTERNATIVES);
    Status::Mapped {
        best,
        alternatives: candidates,
    }
}

/// The metrics "one for every N" can mean, by the word after N.
fn per_fighter(unit: Option<Quantity>, in_clause: &[Quantity], shape: Shape) -> Vec<(Metric, f64)> {
    let of = |q: Quantity| match q {
        Quantity::Population => Some(Metric::PeoplePerFighter),
        Quantity::Soldiers => Some(Metric::SoldiersPerFighter),
        Quantity::Area => Some(Metric::AreaPerFighter),
        Quantity::Fighters => None,
    };
    if let Some(metric) = unit.and_then(of) {
        return vec![(metric, 1.5)];
    }
    let named: Vec<(Metric, f64)> = in_clause
        .iter()
        .filter_map(|q| of(*q))
        .map(|m| (m, 1.0))
        .collect();
    if !named.is_empty() {
        return named;
    }
    match shape {
        Shape::ToOne => vec![
            (Metric::SoldiersPerFighter, 0.5),
            (Metric::PeoplePerFighter, 0.0),
        ],
        _ => vec![
            (Metric::PeoplePerFighter, 0.0),
            (Metric::SoldiersPerFighter, 0.0),
            (Metric::AreaPerFighter, 0.0),
        ],
    }
}

/// The ratio metrics a fraction or multiple can mean, the named quantity first.
fn ratio_metrics(in_clause: &[Quantity]) -> Vec<(Metric, f64)> {
    let of = |q: &Quantity| match q {
        Quantity::Fighters => Metric::FightersRatio,
        Quantity::Soldiers => Metric::SoldiersRatio,
        Quantity::Population => Metric::PopulationRatio,
        Quantity::Area => Metric::AreaRatio,
    };
    let all = [
        Metric::FightersRatio,
        Metric::AreaRatio,
        Metric::PopulationRatio,
        Metric::SoldiersRatio,
    ];
    all.iter()
        .map(|m| {
            (
                *m,
                if in_clause.iter().map(of).any(|x| x == *m) {
                    1.5
                } else {
                    -0.5
                },
            )
        })
        .collect()
}

fn m_text(t: &[Token], m: &Mention) -> String {
    t[m.first..=m.last]
        .iter()
        .map(|w| w.raw.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words after a number up to the clause's end or a sign, at most five.
fn s_words(t: &[Token], m: &Mention, to: usize) -> String {
    let mut words: Vec<&str> = t[(m.last + 1).min(t.len())..to.min(t.len())]
        .iter()
        .take_while(|w| w.kind != super::tokens::TokenKind::Sign || w.is_sign('-'))
        .take(5)
        .map(|w| w.raw.as_str())
        .collect();
    while words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "in" | "the" | "of" | "and" | "a" | "to" | "-"
        )
    }) {
        words.pop();
    }
    words.join(" ")
}
