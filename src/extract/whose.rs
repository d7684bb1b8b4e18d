//! Whose a number is: the group (for fighters) or the country (for soldiers and people)
//! the words tie it to, and how near they name it: in the number's own phrase ("JNIM's
//! 6,000 fighters", "13 ISIL trainers", "fighters of ISIL-K"), in its clause, in its
//! sentence, or in the paragraph before. Two names at the same distance leave it open,
//! unless a "respectively" list pairs them with the numbers in order.

use super::lexicon::{Entity, Lexicon};
use super::names::Named;
use super::tokens::Token;

/// How near the words name the owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum From {
    Phrase,
    Clause,
    Sentence,
    Paragraph,
    /// The group or country the whole document is about.
    Document,
}

/// The owner the words give.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Whose {
    /// A group or country of the data.
    One(String, From),
    /// A group or organisation the data does not hold, as written.
    Other(String, From),
    /// Two or more the words leave open.
    Open(Vec<String>),
    None,
}

/// Where a number stands, for finding its owner.
pub(crate) struct Place<'a> {
    pub(crate) t: &'a [Token],
    pub(crate) names: &'a [Named],
    /// The number's first token and the end of its noun phrase.
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) clause: (usize, usize),
    /// The entities of the paragraph's earlier sentences, latest last.
    pub(crate) carried: &'a [Entity],
    /// The k-th of n numbers of a "respectively" list.
    pub(crate) respectively: Option<(usize, usize)>,
    /// The groups and countries the whole document is about, when one dominates.
    pub(crate) subject: &'a [Entity],
}

/// Which kind of owner is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Group,
    Country,
}

fn fits(e: &Entity, kind: Kind) -> bool {
    match kind {
        Kind::Group => matches!(e, Entity::Group(_) | Entity::Branch | Entity::Other(_)),
        Kind::Country => matches!(e, Entity::Country(_)),
    }
}

/// The owner of the number at `p` of the kind wanted.
pub(crate) fn whose(p: &Place, kind: Kind, lex: &Lexicon) -> Whose {
    let t = p.t;
    let countries: Vec<String> = p
        .names
        .iter()
        .filter_map(|n| match &n.entity {
            Entity::Country(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    // (The region is looked for only where a branch needs it: a sentence of many numbers
    // costs no more than its length.)
    let branch_named = p.names.iter().any(|n| n.entity == Entity::Branch);
    let region = branch_named && t.iter().any(|w| matches!(w.bare(), "sahel" | "sahara"));
    let resolve = |e: &Entity| -> Option<(bool, String)> {
        match e {
            Entity::Group(g) | Entity::Country(g) => Some((true, g.clone())),
            Entity::Other(o) => Some((false, o.clone())),
            Entity::Branch => Some(branch(&countries, region, lex)),
        }
    };
    let decide = |found: Vec<&Entity>, from: From| -> Option<Whose> {
        let mut seen: Vec<(bool, String)> = Vec::new();
        for e in found.iter().filter(|e| fits(e, kind)) {
            if let Some(r) = resolve(e) {
                if !seen.contains(&r) {
                    seen.push(r);
                }
            }
        }
        if let (Some((k, n)), [_, _, ..]) = (p.respectively, seen.as_slice()) {
            if seen.len() == n {
                let (known, id) = seen[k].clone();
                return Some(if known {
                    Whose::One(id, from)
                } else {
                    Whose::Other(id, from)
                });
            }
        }
        // Several names of groups the data does not hold ("the Allied Democratic Forces
        // (ADF)") leave the number outside the data all the same.
        if seen.len() > 1 && seen.iter().all(|(known, _)| !known) {
            return Some(Whose::Other(seen[0].1.clone(), from));
        }
        match seen.as_slice() {
            [] => None,
            [(true, id)] => Some(Whose::One(id.clone(), from)),
            [(false, id)] => Some(Whose::Other(id.clone(), from)),
            many => Some(Whose::Open(many.iter().map(|(_, id)| id.clone()).collect())),
        }
    };
    let (from, to) = p.clause;
    // The phrase: a possessive or name just before the number, names between it and its
    // noun, "of X" right after the noun.
    let just_before = p.names.iter().filter(|n| {
        n.end <= p.first
            && n.end + 4 >= p.first
            && n.start >= from
            && possessive_or_adjacent(t, n, p.first)
    });
    let inside = p
        .names
        .iter()
        .filter(|n| n.start > p.first && n.end <= p.end);
    let of_after = p.names.iter().filter(|n| {
        n.start >= p.end
            && n.start <= p.end + 2
            && t.get(p.end)
                .is_some_and(|w| matches!(w.bare(), "of" | "from"))
    });
    let phrase: Vec<&Entity> = inside
        .chain(just_before)
        .chain(of_after)
        .map(|n| &n.entity)
        .collect();
    if let Some(w) = decide(phrase, From::Phrase) {
        return w;
    }
    // The clause before the number, nearest first; then the clause after it.
    let mut before: Vec<&Named> = p
        .names
        .iter()
        .filter(|n| n.start >= from && n.end <= p.first)
        .collect();
    before.reverse();
    if p.respectively.is_some() {
        before.reverse();
    }
    if let Some(w) = decide(before.iter().map(|n| &n.entity).collect(), From::Clause) {
        return w;
    }
    let after_in_clause: Vec<&Entity> = p
        .names
        .iter()
        .filter(|n| n.start >= p.end && n.end <= to)
        .map(|n| &n.entity)
        .collect();
    if let Some(w) = decide(after_in_clause, From::Clause) {
        return w;
    }
    // The sentence: what it names before the clause, then after.
    let mut sentence: Vec<&Named> = p.names.iter().filter(|n| n.end <= from).collect();
    if p.respectively.is_none() {
        sentence.reverse();
    }
    if let Some(w) = decide(sentence.iter().map(|n| &n.entity).collect(), From::Sentence) {
        return w;
    }
    let rest: Vec<&Entity> = p
        .names
        .iter()
        .filter(|n| n.start >= to)
        .map(|n| &n.entity)
        .collect();
    if let Some(w) = decide(rest, From::Sentence) {
        return w;
    }
    decide(p.carried.iter().collect(), From::Paragraph)
        .or_else(|| decide(p.subject.iter().collect(), From::Document))
        .unwrap_or(Whose::None)
}

/// Whether the name `n` ends right before the number as its possessive or adjective
/// ("JNIM's 6,000", "the Taliban's estimated 60,000").
fn possessive_or_adjacent(t: &[Token], n: &Named, first: usize) -> bool {
    let last = &t[n.end - 1];
    let gap = &t[n.end..first];
    let possessive = last.raw.ends_with("'s")
        || last.raw.ends_with('\'')
        || gap.iter().any(|w| w.raw == "'s")
        || gap.windows(2).any(|w| w[0].raw == "'" && w[1].raw == "s");
    let gap_words = t[n.end..first].iter().all(|w| {
        matches!(
            w.bare(),
            "estimated"
                | "some"
                | "about"
                | "'s"
                | "'"
                | ""
                | "s"
                | "roughly"
                | "around"
                | ")"
                | "("
        )
    });
    possessive && gap_words
}

/// The Islamic State's branch the sentence's countries or region tell: IS Somalia for
/// Somalia, IS Sahel for the Sahel states; another branch is one the data does not hold.
fn branch(countries: &[String], region: bool, lex: &Lexicon) -> (bool, String) {
    let by = |place: &str| {
        lex.branches
            .iter()
            .find(|(p, _)| p == place)
            .map(|(_, g)| g.clone())
    };
    let mut found: Vec<String> = countries.iter().filter_map(|c| by(c)).collect();
    if region {
        found.extend(by("sahel"));
    }
    found.sort();
    found.dedup();
    match found.as_slice() {
        [one] => (true, one.clone()),
        _ => (
            false,
            "the Islamic State outside Somalia and the Sahel".into(),
        ),
    }
}

/// Whether the sentence pairs a list of numbers with a list of names in order
/// ("12,000 and 45,000 militants, respectively"; "A and B had one fighter for every 900
/// and 650 residents"): the position of each of the `count` numbers.
pub(crate) fn respectively(t: &[Token], numbers: usize) -> bool {
    numbers >= 2 && t.iter().any(|w| w.bare() == "respectively")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    use crate::extract::lexicon::shipped as lexicon;

    fn owner(text: &str, number: &str, kind: Kind) -> Whose {
        let lex = lexicon();
        let t = tokenize(text, 0, text.len());
        let names = super::super::names::find(&t, &lex);
        let first = t.iter().position(|w| w.raw == number).unwrap();
        let p = Place {
            t: &t,
            names: &names,
            first,
            end: first + 2,
            clause: (0, t.len()),
            carried: &[],
            respectively: None,
            subject: &[],
        };
        whose(&p, kind, &lex)
    }

    #[test]
    fn the_nearest_name_owns_the_number() {
        assert_eq!(
            owner(
                "ISWAP numbers had risen to 8,000 members",
                "8,000",
                Kind::Group
            ),
            Whose::One("iswap".into(), From::Clause)
        );
        assert_eq!(
            owner("JNIM's 6,000 fighters hold sway", "6,000", Kind::Group),
            Whose::One("jnim".into(), From::Phrase)
        );
        assert_eq!(
            owner(
                "more than half of ISIL (Da'esh)'s 600 fighters in Somalia",
                "600",
                Kind::Group
            ),
            Whose::One("is-somalia".into(), From::Phrase)
        );
        assert!(matches!(
            owner("HTS and ISWAP had 8,000 fighters", "8,000", Kind::Group),
            Whose::Open(_)
        ));
    }
}
