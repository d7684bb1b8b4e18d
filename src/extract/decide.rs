//! What a number's statement is, decided by its words alone: a reading of the model (an
//! estimate of a named group or country in a stated year, or a metric of the comparison
//! the words name), a count of events, a figure outside the model, a statement that
//! needs a person's reading (the words allow several readings, or leave the owner or the
//! year open), or no statement at all (a number that counts nothing the model knows).

use super::confidence::Evidence;
use super::counted::{self, Governed, Head};
use super::decided::{oom, Decided};
use super::lexicon::{Lexicon, Noun};
use super::numbers::{Mention, Shape};
use super::readings::Values;
use super::sight::{described, text, Sight};
use super::tokens::Token;
use super::whose::Place;
use super::Status;

/// Decides what the number of `s` is.
pub(super) fn decide(s: &Sight, values: &Values, lex: &Lexicon) -> Decided {
    let t = s.t;
    let m = s.m;
    if let Some(why) = &m.suspect {
        return Decided::Statement(Status::Suspect { why: why.clone() }, Evidence::Suspect);
    }
    let (from, to) = s.clause;
    if t[from..to.min(t.len())]
        .iter()
        .any(|w| lex.benchmarks.iter().any(|b| b == w.bare()))
    {
        return oom(
            format!(
                "{}: a norm or benchmark the sentence cites, not a figure of the data",
                text(t, m)
            ),
            Evidence::Benchmark,
        );
    }
    match m.shape {
        // A share or a change in per cent: no count of the model, and no statement a
        // claim file needs to carry (the summary counts it as set aside).
        Shape::Percent => Decided::Aside("a percentage: a share or a change, not a count"),
        Shape::Every | Shape::ToOne | Shape::PerThousand => {
            super::ratios::per_fighter(s, values, lex)
        }
        Shape::Fraction | Shape::Multiple => super::ratios::pairwise(s, values, lex),
        Shape::Quantity => quantity(s, values, lex),
    }
}

/// A count: of what, governed by what, whose and when.
fn quantity(s: &Sight, values: &Values, lex: &Lexicon) -> Decided {
    let t = s.t;
    let m = s.m;
    if super::events::is_threshold(t, m.first) {
        return Decided::Aside("a threshold (\"each killing 20 or more\"), not a count");
    }
    let after = m.last + 1;
    // Money: "$100 million", "450,000 naira".
    let currency = m.first > 0 && ["$", "€", "£"].iter().any(|c| t[m.first - 1].raw == *c);
    let money_word = t.get(after).is_some_and(|w| {
        matches!(
            w.bare(),
            "dollars"
                | "usd"
                | "euros"
                | "eur"
                | "naira"
                | "francs"
                | "cfa"
                | "pounds"
                | "afghanis"
                | "shillings"
                | "dinars"
                | "riyals"
        )
    });
    if currency || money_word {
        return oom(
            format!("{}: money; the data model holds no finances", text(t, m)),
            Evidence::OtherNoun,
        );
    }
    // The base of a rate ("per 100 inhabitants", "deaths/1,000 population").
    if m.first > 0 && (t[m.first - 1].is_sign('/') || t[m.first - 1].is_word("per")) {
        return Decided::Aside("the base of a rate");
    }
    // "3 of 6 assailants": the first counts the noun after the second.
    let of_next = s
        .next
        .filter(|(first, _)| *first == after + 1 && t.get(after).is_some_and(|w| w.is_word("of")));
    // "one of the peacekeepers", "five of the insurgents": the noun after "of the".
    let of_the = t.get(after).is_some_and(|w| w.is_word("of"))
        && t.get(after + 1)
            .is_some_and(|w| matches!(w.bare(), "the" | "its" | "their" | "his" | "whom" | "them"));
    let own = match of_next {
        Some((_, last)) => counted::head(t, last + 1, s.names, lex),
        None if of_the => counted::head(t, after + 2, s.names, lex),
        None => counted::head(t, after, s.names, lex),
    };
    // ... and the second is the whole, which the casualty word does not count.
    let whole = m.first >= 2 && t[m.first - 1].is_word("of") && s.previous_end == Some(m.first - 2);
    // A noun of the model before the number counts it only when no other noun follows
    // it ("an army of 35,000", not "the army had 5 divisions").
    let noun_after = counted::unknown_plural(t, after, lex).is_some();
    let word_after = counted::other_noun(t, after).is_some_and(|w| !is_function_word(&w));
    let before = if own.is_none() && !word_after {
        group_row(s).or_else(|| head_before(s, lex))
    } else {
        None
    };
    let elided = if own.is_none() && before.is_none() {
        s.previous.clone().filter(|_| joined_to_previous(s))
    } else {
        None
    };
    let head = own.clone().or(before.clone()).or(elided.clone());
    let end = own.as_ref().map_or(after, |h| h.end);
    // A rate: "7.87 deaths/1,000 population", "subscriptions per 100 inhabitants: 1".
    let (from, to) = s.clause;
    let rate = t[from..(to + 1).min(t.len())].windows(2).any(|w| {
        (w[0].is_sign('/') || w[0].is_word("per")) && w[1].kind == super::tokens::TokenKind::Number
    });
    if rate {
        return Decided::Aside("a rate per a base number, not a count");
    }
    let floor = s.previous_end.map_or(0, |e| e + 1);
    let mut governed = counted::governed(t, (m.first, end), s.clause, floor, lex);
    if whole {
        governed = Governed::Nothing;
    } else if matches!(governed, Governed::Nothing | Governed::Attack(_))
        && s.previous_events
        && (joined_to_previous(s) || introduced_as_part(s) || part_after(t, after))
    {
        governed = Governed::Casualty {
            word: "(the list's)".into(),
            near: true,
        };
    }
    let noun = head.as_ref().map(|h| h.noun);
    let evidence_of = |adjacent: bool| {
        if adjacent {
            Evidence::EventsAdjacent
        } else {
            Evidence::EventsClause
        }
    };
    match (noun, &governed) {
        (Some(Noun::Time), _) => {
            return Decided::Aside("counts time, places or things no claim is about")
        }
        (Some(Noun::Event), _) => {
            return events(s, values, "a count of events", Evidence::EventsNoun, lex);
        }
        (Some(Noun::Target), Governed::Attack(w)) if m.low >= 2.0 || m.high > m.low => {
            return events(
                s,
                values,
                &format!("targets of attacks (\"{w}\")"),
                Evidence::EventsClause,
                lex,
            );
        }
        // An attacking party is counted by a casualty word only at the count ("3 of 6
        // assailants also killed"), not by one further on ("50 gunmen stormed the camp,
        // killing three").
        (Some(Noun::Attackers), Governed::Casualty { near: false, .. }) => {}
        // People and soldiers an attack struck ("25 people including 13 soldiers when
        // jihadists attacked") are counted as the attack's events.
        (Some(Noun::People | Noun::Soldiers(_)), Governed::Attack(w)) if attack_struck(t, m, w) => {
            return events(
                s,
                values,
                &format!("people an attack struck (\"{w}\")"),
                Evidence::EventsClause,
                lex,
            );
        }
        // A count of things the model does not hold is no count of casualties: "two
        // helicopters collided".
        (None, Governed::Casualty { .. }) if noun_after => {}
        (Some(Noun::Thing), _) => {}
        (
            Some(Noun::People | Noun::Soldiers(_) | Noun::Fighters | Noun::Attackers) | None,
            Governed::Casualty { word: w, near },
        ) => {
            let adjacent = *near && (own.is_some() || elided.is_some());
            if noun.is_none() && !casualty_next_to(t, m, w) {
                return Decided::Aside("counts nothing the sentence names");
            }
            return events(
                s,
                values,
                &format!("a count of people hit by events (\"{w}\")"),
                evidence_of(adjacent),
                lex,
            );
        }
        (_, Governed::Action { words, reason }) if noun.is_some() || m.low >= 2.0 => {
            return oom(
                format!("{} ({words}): {reason}", described(t, m, &head)),
                Evidence::Action,
            );
        }
        _ => {}
    }
    // "25,000 more fighters than HTS": a difference between two entities.
    let than_after = (after..(after + 5).min(t.len())).any(|k| t[k].is_word("than"));
    if t.get(after)
        .is_some_and(|w| matches!(w.bare(), "more" | "fewer" | "less"))
        && than_after
    {
        return oom(
            format!(
                "{}: a difference between two counts; the model compares them as ratios",
                described(t, m, &head)
            ),
            Evidence::Share,
        );
    }
    let Some(head) = head else {
        return match counted::other_noun(t, after) {
            Some(word) if m.low >= 2.0 && !is_function_word(&word) => oom(
                format!("{} {word}: \"{word}\" names no quantity the data model holds (fighters, soldiers, people, area)", text(t, m)),
                Evidence::OtherNoun,
            ),
            _ => Decided::Aside("counts nothing the sentence names"),
        };
    };
    let place = Place {
        t,
        names: s.names,
        first: m.first,
        end: own.as_ref().map_or(after, |h| h.end),
        clause: s.clause,
        carried: s.carried,
        respectively: s.respectively,
        subject: s.subject,
    };
    match head.noun {
        Noun::Attackers => oom(
            format!("{}: the size of an attacking party in one incident, not a group's strength", described(t, m, &Some(head.clone()))),
            Evidence::Operation,
        ),
        Noun::Area => oom(
            format!("{}: an area as an estimate; areas carry no year for a claim to name (area enters the model through the metrics)", described(t, m, &Some(head.clone()))),
            Evidence::Area,
        ),
        Noun::Fighters => super::estimates::fighters(s, &place, &head, values, lex),
        Noun::Soldiers(c) => super::estimates::soldiers(s, &place, &head, c, values, lex),
        Noun::People => super::estimates::population(s, &place, &head, values, lex),
        Noun::Thing => oom(
            format!("{}: equipment, goods, money or distances are not in the data model", described(t, m, &Some(head.clone()))),
            Evidence::OtherNoun,
        ),
        Noun::Event | Noun::Target | Noun::Time => Decided::Aside("counts nothing the sentence names"),
    }
}

/// A group's row of a list of strengths: "AQIM (former GSPC): 1,000-4,000", "MUJAO:
/// ~500", "JNIM: 6,000": the number counts the group's fighters.
fn group_row(s: &Sight) -> Option<Head> {
    let t = s.t;
    let mut k = s.m.first;
    while k > 0
        && (t[k - 1].is_sign('~')
            || t[k - 1].kind == super::tokens::TokenKind::Word
                && matches!(
                    t[k - 1].bare(),
                    "about" | "some" | "around" | "fewer" | "than" | "over" | "up" | "to"
                ))
    {
        k -= 1;
    }
    if k == 0 || !t[k - 1].is_sign(':') {
        return None;
    }
    // The name ends at the colon, or before a parenthesis that ends there.
    let mut end = k - 1;
    if end > 0 && t[end - 1].is_sign(')') {
        end = (0..end - 1).rev().find(|&j| t[j].is_sign('('))?;
    }
    let name = s.names.iter().find(|n| n.end == end)?;
    matches!(
        name.entity,
        super::lexicon::Entity::Group(_)
            | super::lexicon::Entity::Other(_)
            | super::lexicon::Entity::Branch
    )
    .then(|| Head {
        noun: Noun::Fighters,
        at: name.start,
        end: name.end,
        words: "(a group's row)".into(),
    })
}

/// A noun of the model before the number, its subject ("the total number of al-Shabaab
/// fighters ... was now estimated at 10,000"; "an army of 35,000"), with no other number
/// between.
fn head_before(s: &Sight, lex: &Lexicon) -> Option<Head> {
    let t = s.t;
    let floor = s
        .previous_end
        .map_or(0, |e| e + 1)
        .max(s.previous.as_ref().map_or(0, |h| h.end));
    let mut k = s.m.first;
    while k > floor {
        k -= 1;
        if let Some((noun, len)) = counted::noun_at(t, k, lex) {
            if matches!(
                noun,
                Noun::Fighters | Noun::Soldiers(_) | Noun::People | Noun::Event
            ) && s.m.first - k <= 12
            {
                return Some(Head {
                    noun,
                    at: k,
                    end: k + len,
                    words: t[k..k + len]
                        .iter()
                        .map(|w| w.raw.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                });
            }
            return None;
        }
        if t[k].is_sign('.') || t[k].is_sign(';') {
            return None;
        }
    }
    None
}

/// Whether the number continues the previous one's list ("killed 12 soldiers and
/// wounded 30", "12 and 45 fighters").
fn joined_to_previous(s: &Sight) -> bool {
    let Some(prev) = s.previous_end else {
        return false;
    };
    // The list's joint stands right before the number (a hedge may come between): "12
    // soldiers and 30", "killed 12, wounded 30", not "60,000 fighters, according to one".
    let gap = &s.t[prev + 1..s.m.first];
    let joint = gap.iter().rev().find(|w| {
        !matches!(
            w.bare(),
            "another"
                | "at"
                | "least"
                | "some"
                | "about"
                | "over"
                | "more"
                | "than"
                | "nearly"
                | "almost"
                | "up"
                | "to"
        )
    });
    gap.len() <= 6
        && joint.is_some_and(|w| {
            matches!(
                w.bare(),
                "and"
                    | ","
                    | "while"
                    | "or"
                    | "wounded"
                    | "injured"
                    | "wounding"
                    | "injuring"
                    | "killed"
                    | "killing"
            )
        })
}

/// Whether the number is a part of the previous count: "killing 18 people, including 3
/// members of the special forces", "and the other 3".
fn introduced_as_part(s: &Sight) -> bool {
    let Some(prev) = s.previous_end else {
        return false;
    };
    let gap = &s.t[prev + 1..s.m.first];
    gap.iter()
        .any(|w| matches!(w.bare(), "including" | "among" | "whom" | "of"))
        || gap
            .last()
            .is_some_and(|w| matches!(w.bare(), "other" | "another" | "remaining"))
}

/// Whether the attack word `w` of a clause struck the count at `m` rather than being
/// its subject's act ("13 soldiers when jihadists attacked", "attacks on 10
/// peacekeepers"), not "600 soldiers attacked".
fn attack_struck(t: &[Token], m: &Mention, w: &str) -> bool {
    let at = t.iter().position(|x| x.raw == w);
    match at {
        Some(k) if k < m.first => true,
        Some(k) => t[m.last + 1..k]
            .iter()
            .any(|x| matches!(x.bare(), "when" | "as" | "after" | "by" | "were" | "was")),
        None => false,
    }
}

/// Whether the number is followed by "of them", "of whom": a part of the count before.
fn part_after(t: &[Token], after: usize) -> bool {
    t.get(after).is_some_and(|w| w.is_word("of"))
        && t.get(after + 1)
            .is_some_and(|w| matches!(w.bare(), "them" | "whom" | "which"))
}

/// Whether a casualty word stands right next to a bare number ("5 killed", "killing 5").
fn casualty_next_to(t: &[Token], m: &Mention, word: &str) -> bool {
    let next = |k: usize| t.get(k).is_some_and(|w| w.raw == word);
    (m.last + 1..=m.last + 4).any(next)
        || (m.first > 0 && next(m.first - 1))
        || (m.first > 1 && next(m.first - 2))
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "some"
            | "such"
            | "other"
            | "more"
            | "most"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
    )
}

/// An events statement, with its query when the words give one.
pub(super) fn events(
    s: &Sight,
    values: &Values,
    what: &str,
    evidence: Evidence,
    _lex: &Lexicon,
) -> Decided {
    let query = super::events::query(s, values.data);
    let need = if query.is_some() {
        "an ACLED or UCDP export"
    } else {
        "an ACLED or UCDP export and an events query"
    };
    Decided::Statement(
        Status::Events {
            reason: format!("{what}: needs {need}"),
            query,
        },
        evidence,
    )
}
