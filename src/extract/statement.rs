//! Each number of a document turned into a statement: the document read sentence by
//! sentence with what each paragraph and section heading said before (names, years),
//! each number's clause, hedge and stated value found, and its reading decided by the
//! words (`decide`), with the measured confidence of the evidence it rests on.

use crate::claims::Stated;
use crate::data::Dataset;

use super::context::{clause, hedge};
use super::decide::decide;
use super::decided::Decided;
use super::lexicon::{Entity, Lexicon};
use super::names::{self, Named};
use super::numbers::{self, Aside, Mention, Shape};
use super::read::Document;
use super::readings::Values;
use super::sight::Sight;
use super::tokens::{sentences, Sentence};
use super::when;
use super::Statement;

/// What the document said before the current sentence.
#[derive(Default)]
struct Before {
    /// The end of the previous sentence.
    end: usize,
    /// Entities named in the paragraph's earlier sentences.
    carried: Vec<Entity>,
    years: when::Context,
    /// Whether the previous sentence was a heading.
    heading: bool,
}

impl Before {
    /// Starts a new paragraph when a blank line or a heading stands between.
    fn next(&mut self, text: &str, s: &Sentence) {
        let gap = &text[self.end.min(s.start)..s.start];
        if self.heading || gap.matches('\n').count() >= 2 {
            self.carried.clear();
            self.years.paragraph.clear();
        }
        self.end = s.end;
    }
}

/// Counts of a document's numbers.
pub(super) struct Counts {
    pub(super) seen: usize,
    pub(super) set_aside: usize,
}

/// The statements of a document, with the count of numbers seen and set aside.
pub(super) fn statements(
    data: &Dataset,
    doc: &Document,
    lex: &Lexicon,
) -> (Vec<Statement>, Counts) {
    let text = &doc.text.text;
    let mut out = Vec::new();
    let mut counts = Counts {
        seen: 0,
        set_aside: 0,
    };
    let values = Values::new(data);
    let mut before = Before {
        years: when::Context {
            document: doc.year,
            ..when::Context::default()
        },
        ..Before::default()
    };
    let read: Vec<(Sentence, numbers::Read, Vec<Named>)> = sentences(text)
        .into_iter()
        .map(|s| {
            let read = numbers::read(&s);
            let names = names::find(&s.tokens, lex);
            (s, read, names)
        })
        .collect();
    let subject = subject(read.iter().map(|(_, _, n)| n.as_slice()));
    for (s, read, names) in &read {
        let (s, read, names) = (s, read, names.as_slice());
        before.next(text, s);
        counts.seen += read.mentions.len() + read.asides.len();
        counts.set_aside += read.asides.len();
        let years: Vec<(usize, i32)> = read
            .asides
            .iter()
            .filter(|(_, a)| *a == Aside::Year)
            .filter_map(|(i, _)| s.tokens[*i].raw.parse().ok().map(|y| (*i, y)))
            .collect();
        let heading = is_heading(s, read);
        let mut previous_events = false;
        // Each number's clause, once: a year or a country a clause names is its number's.
        let clauses: Vec<(usize, usize)> = (0..read.mentions.len())
            .map(|k| {
                let prev = k.checked_sub(1).map(|p| read.mentions[p].last);
                let next = read.mentions.get(k + 1).map(|n| n.first);
                clause(&s.tokens, &read.mentions[k], prev, next)
            })
            .collect();
        let said = says(&text[s.start..s.end]);
        let lists = lists(s, &read.mentions);
        let owners = year_owners(&years, &clauses);
        for k in 0..read.mentions.len() {
            let at = SentenceAt {
                doc,
                s,
                says: &said,
                lists: &lists,
                mentions: &read.mentions,
                clauses: &clauses,
                names,
                years: &years,
                year_owners: &owners,
                subject: &subject,
            };
            match statement(&at, k, previous_events, &before, &values, lex) {
                Some(st) => {
                    previous_events = matches!(st.status, super::Status::Events { .. });
                    out.push(st);
                }
                None => {
                    previous_events = false;
                    counts.set_aside += 1;
                }
            }
        }
        if heading {
            if let Some((_, y)) = years.first() {
                before.years.heading = Some(*y);
            }
        }
        before.heading = heading;
        before.years.paragraph.extend(years.iter().map(|(_, y)| *y));
        for n in names {
            if !before.carried.contains(&n.entity) {
                before.carried.push(n.entity.clone());
            }
        }
    }
    (out, counts)
}

/// A short line alone, a heading: "2016", "### Casualties in 2019".
fn is_heading(s: &Sentence, read: &numbers::Read) -> bool {
    s.tokens.len() <= 6
        && read.mentions.is_empty()
        && s.tokens.first().is_some_and(|t| t.line_start)
}

/// Which numbers' clauses hold a year of the sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Owner {
    Free,
    One(usize),
    Several,
}

/// For each year of the sentence, the clauses that hold it: found once per sentence, so
/// that a sentence of thousands of numbers and years (a flattened table) is read in time
/// proportional to them, not to their cube.
fn year_owners(years: &[(usize, i32)], clauses: &[(usize, usize)]) -> Vec<Owner> {
    // The clauses sorted by start, to walk them once per year.
    let mut order: Vec<usize> = (0..clauses.len()).collect();
    order.sort_by_key(|&j| clauses[j].0);
    years
        .iter()
        .map(|&(i, _)| {
            let mut owner = Owner::Free;
            for &j in order.iter().take_while(|&&j| clauses[j].0 <= i) {
                if i < clauses[j].1 {
                    owner = match owner {
                        Owner::Free => Owner::One(j),
                        _ => Owner::Several,
                    };
                    if owner == Owner::Several {
                        break;
                    }
                }
            }
            owner
        })
        .collect()
}

/// A sentence as read: its numbers, names and years, in its document.
struct SentenceAt<'a> {
    doc: &'a Document,
    s: &'a Sentence,
    /// The sentence as a claim's `says`.
    says: &'a str,
    /// Each number's place in a list paired with names in order.
    lists: &'a [Option<(usize, usize)>],
    mentions: &'a [Mention],
    clauses: &'a [(usize, usize)],
    names: &'a [Named],
    years: &'a [(usize, i32)],
    /// For each of `years`, the clauses that hold it.
    year_owners: &'a [Owner],
    subject: &'a [Entity],
}

/// The group and the country the whole document is about, when one of each dominates
/// its names: named at least five times, and three times as often as any other.
fn subject<'a>(names: impl Iterator<Item = &'a [Named]>) -> Vec<Entity> {
    let mut counts: Vec<(Entity, usize)> = Vec::new();
    for n in names.flatten() {
        match counts.iter_mut().find(|(e, _)| *e == n.entity) {
            Some((_, c)) => *c += 1,
            None => counts.push((n.entity.clone(), 1)),
        }
    }
    let mut out = Vec::new();
    for group in [true, false] {
        let mut of_kind: Vec<&(Entity, usize)> = counts
            .iter()
            .filter(|(e, _)| match e {
                Entity::Country(_) => !group,
                Entity::Group(_) | Entity::Branch | Entity::Other(_) => group,
            })
            .collect();
        of_kind.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
        if let Some((top, n)) = of_kind.first() {
            let next = of_kind.get(1).map_or(0, |(_, c)| *c);
            if *n >= 5 && *n >= 3 * next && matches!(top, Entity::Group(_) | Entity::Country(_)) {
                out.push(top.clone());
            }
        }
    }
    out
}

/// The statement of the `k`-th number of a sentence, or none when it is no figure.
fn statement(
    at: &SentenceAt,
    k: usize,
    previous_events: bool,
    before: &Before,
    values: &Values,
    lex: &Lexicon,
) -> Option<Statement> {
    let SentenceAt {
        doc,
        s,
        says,
        lists,
        mentions,
        clauses,
        names,
        years,
        year_owners,
        subject,
    } = *at;
    let text = &doc.text.text;
    let m = &mentions[k];
    let prev_end = k.checked_sub(1).map(|p| mentions[p].last);
    let (from, to) = clauses[k];
    let (qualifier, hedge_words) = hedge(&s.tokens, m, prev_end.map_or(0, |p| p + 1), lex);
    let stated = if m.high > m.low {
        Stated::Range(m.low, m.high)
    } else {
        Stated::One(m.low)
    };
    let previous = k
        .checked_sub(1)
        .and_then(|p| super::counted::head(&s.tokens, mentions[p].last + 1, names, lex));
    // "Each Taliban fighter faced roughly five members of the security forces": a count
    // per fighter is a ratio.
    let per_fighter = m.shape == Shape::Quantity && each_fighter(&s.tokens, from, m.first, lex);
    let m = &Mention {
        shape: if per_fighter { Shape::Every } else { m.shape },
        ..m.clone()
    };
    let sight = Sight {
        t: &s.tokens,
        m,
        clause: (from, to),
        names,
        carried: &before.carried,
        respectively: lists[k],
        years_clause: years
            .iter()
            .filter(|(i, _)| *i >= from && *i < to)
            .map(|(_, y)| *y)
            .collect(),
        // The sentence's years that no other number's clause claims ("HTS counted 15,000
        // fighters ..., and the UN put the Taliban at 58,000 to 100,000 in 2021": 2021 is
        // the Taliban's).
        years_sentence: years
            .iter()
            .zip(year_owners)
            .filter(|(_, owner)| match owner {
                Owner::Free => true,
                Owner::One(j) => *j == k,
                Owner::Several => false,
            })
            .map(|((_, y), _)| *y)
            .collect(),
        around: &before.years,
        previous,
        previous_end: prev_end,
        previous_events,
        next: mentions.get(k + 1).map(|n| (n.first, n.last)),
        subject,
    };
    let (status, evidence) = match decide(&sight, values, lex) {
        Decided::Statement(status, evidence) => (held_back(status, evidence), evidence),
        Decided::Aside(_) => return None,
    };
    Some(Statement {
        at: doc.text.pos(s.tokens[m.first].start),
        number: text[s.tokens[m.first].start..s.tokens[number_end(m)].end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        says: says.to_string(),
        shape: m.shape,
        stated,
        qualifier,
        hedge: hedge_words,
        note: m.note.clone(),
        confidence: evidence.confidence(),
        evidence,
        status,
    })
}

/// "each JNIM fighter", "every militant" before a number in its clause.
fn each_fighter(t: &[super::tokens::Token], from: usize, to: usize, lex: &Lexicon) -> bool {
    (from..to).any(|k| {
        (t[k].is_word("each") || t[k].is_word("every"))
            && (k + 1..(k + 4).min(to)).any(|j| {
                matches!(
                    super::counted::noun_at(t, j, lex),
                    Some((super::lexicon::Noun::Fighters, _))
                )
            })
    })
}

/// A reading below the verdict threshold is drafted for a person: the reading becomes the
/// first of the alternatives, and the claim waits for a person to confirm it.
fn held_back(status: super::Status, evidence: super::confidence::Evidence) -> super::Status {
    let confidence = evidence.confidence();
    match status {
        super::Status::Mapped {
            best,
            mut alternatives,
        } if confidence < crate::claims::VERDICT_CONFIDENCE => {
            alternatives.insert(0, best);
            super::Status::NeedsReading {
                why: format!(
                    "the reading rests on {}, {} (confidence {confidence:.2}, below the {:.2} a verdict needs): confirm it",
                    evidence.id(),
                    evidence.record(),
                    crate::claims::VERDICT_CONFIDENCE
                ),
                alternatives,
            }
        }
        other => other,
    }
}

/// The place of each number in a list the sentence pairs with its names in order: a
/// "respectively" list of its counts of the same shape, or numbers joined by "and" ("A
/// and B had one fighter for every 900 and 650 residents"): (index, how many). In one
/// pass, so that a sentence of many numbers costs no more than its length.
fn lists(s: &Sentence, mentions: &[Mention]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; mentions.len()];
    if super::whose::respectively(&s.tokens, 2) {
        // Each shape's numbers, in order.
        let mut by_shape: Vec<(Shape, Vec<usize>)> = Vec::new();
        for (i, m) in mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.shape != Shape::Percent)
        {
            match by_shape.iter_mut().find(|(shape, _)| *shape == m.shape) {
                Some((_, v)) => v.push(i),
                None => by_shape.push((m.shape, vec![i])),
            }
        }
        for (_, same) in by_shape.iter().filter(|(_, v)| v.len() >= 2) {
            for (at, &i) in same.iter().enumerate() {
                out[i] = Some((at, same.len()));
            }
        }
        return out;
    }
    // Runs of numbers of one shape joined by "and" or commas.
    let joined = |a: usize, b: usize| {
        let gap = &s.tokens[mentions[a].last + 1..mentions[b].first];
        mentions[a].shape == mentions[b].shape
            && !gap.is_empty()
            && gap.len() <= 2
            && gap.iter().all(|w| w.is_word("and") || w.is_sign(','))
    };
    let mut start = 0;
    for k in 1..=mentions.len() {
        if k == mentions.len() || !joined(k - 1, k) {
            if k - start >= 2 {
                for (at, slot) in out[start..k].iter_mut().enumerate() {
                    *slot = Some((at, k - start));
                }
            }
            start = k;
        }
    }
    out
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
