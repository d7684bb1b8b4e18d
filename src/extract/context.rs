//! The words around a number: the groups and countries named in its clause (and, when
//! it names none, the ones the sentence or paragraph named before), the quantity words
//! next to it, the hedge that sets its qualifier, and whether it counts events.

use crate::claims::Qualifier;
use crate::data::Quantity;

use super::lexicon::{Entity, Lexicon};
use super::numbers::Mention;
use super::tokens::{Token, TokenKind};

/// Where each group or country is named in a sentence: (first token, end, entity).
pub(crate) type Spans = Vec<(usize, usize, Entity)>;

/// The names of groups and countries in a sentence, longest names first.
pub(crate) fn spans(t: &[Token], lex: &Lexicon) -> Spans {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let found = lex.names.iter().find(|n| {
            n.words.iter().enumerate().all(|(k, w)| {
                t.get(i + k).is_some_and(|tok| {
                    tok.bare() == w
                        && (!n.exact
                            || strip_possessive(&tok.raw)
                                .chars()
                                .all(|c| !c.is_lowercase()))
                })
            })
        });
        match found {
            Some(n) => {
                out.push((i, i + n.words.len(), n.entity.clone()));
                i += n.words.len();
            }
            None => i += 1,
        }
    }
    out
}

/// The entities named within tokens `from..to`, in order, each once.
pub(crate) fn entities(spans: &Spans, from: usize, to: usize) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    for (start, end, e) in spans {
        if *start >= from && *end <= to && !out.contains(e) {
            out.push(e.clone());
        }
    }
    out
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word)
}

/// The quantity named by the words at `at` (up to three words on), and how many tokens.
pub(crate) fn quantity_at(t: &[Token], at: usize, lex: &Lexicon) -> Option<(Quantity, usize)> {
    for skip in 0..3 {
        let i = at + skip;
        for (words, q) in &lex.quantities {
            let hit = words
                .iter()
                .enumerate()
                .all(|(k, w)| t.get(i + k).is_some_and(|tok| tok.bare() == w));
            if hit {
                return Some((*q, i + words.len()));
            }
        }
        if t.get(i).is_none_or(|tok| tok.kind != TokenKind::Word) {
            break;
        }
    }
    // A demonym counts people: "every 670 Afghans".
    let tok = t.get(at)?;
    let capital = tok.raw.chars().next().is_some_and(char::is_uppercase);
    if !(capital && tok.raw.ends_with('s')) {
        return None;
    }
    let e = spans(&t[at..at + 1], lex);
    matches!(e.first(), Some((_, _, Entity::Country(_)))).then_some((Quantity::Population, at + 1))
}

/// Every quantity named in a span, in order of first mention.
pub(crate) fn quantities_in(t: &[Token], from: usize, to: usize, lex: &Lexicon) -> Vec<Quantity> {
    let mut out = Vec::new();
    for i in from..to.min(t.len()) {
        if let Some((q, _)) = quantity_at(t, i, lex).filter(|_| t[i].kind == TokenKind::Word) {
            if !out.contains(&q) {
                out.push(q);
            }
        }
    }
    out
}

/// Whether a span names events (attacks, deaths, killed ...).
pub(crate) fn names_events(t: &[Token], from: usize, to: usize, lex: &Lexicon) -> bool {
    t[from.min(t.len())..to.min(t.len())]
        .iter()
        .any(|tok| lex.events.iter().any(|e| e == tok.bare()))
}

/// The hedge that qualifies `m`: the nearest phrase before it in its clause (up to seven
/// words back), else one right after it; with the words that set it.
pub(crate) fn hedge(
    t: &[Token],
    m: &Mention,
    floor: usize,
    lex: &Lexicon,
) -> (Qualifier, Option<String>) {
    let lowest = m.first.saturating_sub(7).max(floor);
    let mut end = m.first;
    while end > lowest {
        if t[end - 1].kind == TokenKind::Sign && !t[end - 1].is_sign('-') {
            break;
        }
        for h in lex.hedges.iter().filter(|h| !h.after) {
            let n = h.words.len();
            if end >= n + lowest.min(end) && end >= n && matches_at(t, end - n, &h.words) {
                return (h.qualifier, Some(phrase(t, end - n, end)));
            }
        }
        end -= 1;
    }
    for h in lex.hedges.iter().filter(|h| h.after) {
        if matches_at(t, m.last + 1, &h.words) {
            return (
                h.qualifier,
                Some(phrase(t, m.last + 1, m.last + 1 + h.words.len())),
            );
        }
    }
    (Qualifier::None, None)
}

fn matches_at(t: &[Token], at: usize, words: &[String]) -> bool {
    words.iter().enumerate().all(|(k, w)| {
        t.get(at + k)
            .is_some_and(|tok| tok.raw.eq_ignore_ascii_case(w) || tok.raw.to_lowercase() == *w)
    })
}

fn phrase(t: &[Token], from: usize, to: usize) -> String {
    t[from..to]
        .iter()
        .map(|tok| tok.raw.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The clause a number stands in: from the first break (`,` `;` "and" "but") after the
/// previous number, to the first break after it.
pub(crate) fn clause(
    t: &[Token],
    m: &Mention,
    prev_end: Option<usize>,
    next_start: Option<usize>,
) -> (usize, usize) {
    let capital = |k: usize| {
        t.get(k)
            .is_some_and(|w| w.raw.chars().next().is_some_and(char::is_uppercase))
    };
    // "Burkina Faso and Mali": an "and" between two names joins them.
    let is_break = |k: usize| {
        let tok = &t[k];
        tok.is_sign(',')
            || tok.is_sign(';')
            || tok.is_sign(':')
            || (tok.is_word("and") && !(k > 0 && capital(k - 1) && capital(k + 1)))
            || ["but", "while", "whereas", "against"]
                .iter()
                .any(|w| tok.is_word(w))
    };
    let start = match prev_end {
        None => 0,
        Some(p) => (p + 1..m.first)
            .find(|&k| is_break(k))
            .map_or(p + 1, |k| k + 1),
    };
    let limit = next_start.unwrap_or(t.len());
    let end = (m.last + 1..limit).find(|&k| is_break(k)).unwrap_or(limit);
    (start, end)
}
