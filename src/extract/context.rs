//! The words around a number: the clause it stands in, and the hedge that sets its
//! qualifier.

use crate::claims::Qualifier;

use super::lexicon::Lexicon;
use super::numbers::Mention;
use super::tokens::{phrase, Token, TokenKind};

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
        if t[end - 1].kind == TokenKind::Sign
            && !t[end - 1].is_sign('-')
            && !t[end - 1].is_sign('~')
        {
            break;
        }
        for h in lex.hedges.iter().filter(|h| !h.after) {
            let n = h.words.len();
            // Prepositions hedge only right before the number: "over 120", not "over an
            // area of 1.5 million".
            let preposition = n == 1
                && matches!(
                    h.words[0].as_str(),
                    "over" | "under" | "above" | "below" | "some"
                );
            if preposition && end != m.first {
                continue;
            }
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
