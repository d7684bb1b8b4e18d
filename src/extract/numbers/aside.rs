//! Numbers that are no figures: years, dates, footnote markers, page, section and label
//! numbers ("Table 2", "pages 12-14", "No. 7").

use super::super::tokens::{Token, TokenKind};
use super::{word, Aside};
use crate::numbers::month_number;

/// Words before a number that make it a label's number.
const LABELS: &[&str] = &[
    "page",
    "pages",
    "p",
    "pp",
    "section",
    "sections",
    "chapter",
    "table",
    "figure",
    "fig",
    "no",
    "annex",
    "paragraph",
    "para",
    "resolution",
    "article",
    "footnote",
    "note",
    "notes",
    "appendix",
    "vol",
    "volume",
    "issue",
    "part",
    "box",
    "map",
    "chart",
    "series",
    "number",
    "age",
    "aged",
    "ages",
];

/// Why the number at `i` is no figure, if it is none.
pub(super) fn aside(t: &[Token], i: usize) -> Option<Aside> {
    let tok = &t[i];
    let prev = i.checked_sub(1).map(|p| &t[p]);
    if prev.is_some_and(|p| p.is_sign('[')) && t.get(i + 1).is_some_and(|n| n.is_sign(']')) {
        return Some(Aside::Footnote);
    }
    if let Some(p) = prev.filter(|_| !tok.spaced) {
        let fused = p.kind == TokenKind::Word
            && !matches!(p.word().as_str(), "km" | "mid" | "us" | "usd" | "m")
            || ['.', ',', ')', ';', '"', '\u{2020}', ':']
                .iter()
                .any(|c| p.is_sign(*c) && !(*c == ':' && prev_is_number(t, i)));
        if fused && !p.is_sign(':') {
            return Some(Aside::Footnote);
        }
        if p.is_word("km") {
            return Some(Aside::Label);
        }
    }
    let next = t.get(i + 1);
    if let Some(a) = joined(t, i) {
        return Some(a);
    }
    // A note's number after a sentence's end, before the next sentence's first word:
    // "the twentieth such report. 3 It was prepared".
    if i == 0
        && tok.raw.len() <= 3
        && tok.raw.chars().all(|c| c.is_ascii_digit())
        && next.is_some_and(|n| OPENERS.contains(&n.raw.as_str()))
    {
        return Some(Aside::Footnote);
    }
    if tok.line_start && next.is_none_or(|n| n.line_start) {
        return Some(Aside::Page);
    }
    if tok.line_start
        && tok.raw.len() <= 2
        && next.is_some_and(|n| n.is_sign('.') || n.is_sign(')'))
        && t.get(i + 2)
            .is_none_or(|w| w.raw.chars().next().is_some_and(char::is_uppercase))
    {
        return Some(Aside::Section);
    }
    if tok.line_start
        && tok.raw.contains('.')
        && next.is_some_and(|n| {
            n.kind == TokenKind::Word && n.raw.chars().next().is_some_and(char::is_uppercase)
        })
        && i == 0
    {
        return Some(Aside::Section);
    }
    if tok.line_start
        && next.is_some_and(|n| {
            n.kind == TokenKind::Word && n.raw.chars().next().is_some_and(char::is_uppercase)
        })
        && i == 0
        && !tok.raw.contains(',')
    {
        // A note's number at the start of its line: "1 Estimates for 2025 ...".
        return Some(Aside::Footnote);
    }
    let before = prev.map(Token::word).unwrap_or_default();
    let label_at = |k: usize| {
        t.get(k)
            .is_some_and(|w| LABELS.contains(&w.word().as_str()))
    };
    if LABELS.contains(&before.as_str())
        || (prev.is_some_and(|p| p.is_sign('.')) && i >= 2 && label_at(i - 2))
        || (i >= 3
            && label_at(i - 3)
            && t[i - 2].kind == TokenKind::Number
            && (t[i - 1].is_sign('-') || t[i - 1].is_word("to") || t[i - 1].is_word("and")))
    {
        return Some(Aside::Label);
    }
    let plain = tok.raw.chars().all(|c| c.is_ascii_digit());
    let value: f64 = tok.raw.parse().unwrap_or(-1.0);
    if plain && tok.raw.len() == 4 && (1900.0..=2100.0).contains(&value) {
        return Some(Aside::Year);
    }
    if plain && (1.0..=31.0).contains(&value) {
        let after = word(t, i + 1);
        if month_number(&after).is_some() || month_number(&before).is_some() {
            return Some(Aside::Date);
        }
    }
    None
}

/// Words that open a sentence and are no names: a number before one at a sentence's
/// start is a note's marker.
const OPENERS: &[&str] = &[
    "It",
    "The",
    "This",
    "These",
    "Those",
    "That",
    "In",
    "On",
    "At",
    "As",
    "A",
    "An",
    "He",
    "She",
    "They",
    "We",
    "According",
    "For",
    "Since",
    "While",
    "However",
    "Its",
    "Their",
    "See",
    "Such",
    "There",
    "Despite",
    "During",
    "Following",
    "Member",
    "Some",
    "Several",
];

/// A number joined to the token before it by a hyphen or colon: the second part of a
/// year span ("2020-21"), of an ISO date ("2024-05-17"), of a time ("08:02"), or a
/// model's number ("MiG-21", "An-24").
fn joined(t: &[Token], i: usize) -> Option<Aside> {
    let tok = &t[i];
    let digits = |k: usize| {
        t.get(k)
            .filter(|n| n.kind == TokenKind::Number && n.raw.chars().all(|c| c.is_ascii_digit()))
            .map(|n| n.raw.len())
    };
    let is_year = |k: usize| {
        digits(k) == Some(4)
            && t[k]
                .raw
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y))
    };
    let glued = |k: usize| t.get(k).is_some_and(|n| !n.spaced);
    // "08:02", "12:00:00": hours and minutes.
    if digits(i).is_some_and(|n| n <= 2)
        && t.get(i + 1).is_some_and(|c| c.is_sign(':') && !c.spaced)
        && digits(i + 2) == Some(2)
        && glued(i + 2)
    {
        return Some(Aside::Date);
    }
    if i >= 2
        && t[i - 1].is_sign(':')
        && glued(i)
        && glued(i - 1)
        && digits(i) == Some(2)
        && digits(i - 2).is_some_and(|n| n <= 2)
    {
        return Some(Aside::Date);
    }
    // "30-31 October": the first day of a span.
    let month_after = |k: usize| t.get(k).is_some_and(|w| month_number(&w.word()).is_some());
    if digits(i).is_some_and(|n| n <= 2)
        && t.get(i + 1).is_some_and(|d| d.is_sign('-') && !d.spaced)
        && digits(i + 2).is_some_and(|n| n <= 2)
        && month_after(i + 3)
    {
        return Some(Aside::Date);
    }
    if i < 2 || !t[i - 1].is_sign('-') || tok.spaced || !glued(i - 1) {
        return None;
    }
    // "November 11-12", "30-31 October": a span of days.
    let month_before = (i >= 3 && month_number(&t[i - 3].word()).is_some()) || month_after(i + 1);
    if digits(i).is_some_and(|n| n <= 2) && digits(i - 2).is_some_and(|n| n <= 2) && month_before {
        return Some(Aside::Date);
    }
    // "2020-21", "2024-05-17".
    if digits(i).is_some_and(|n| n <= 2)
        && (is_year(i - 2) || (i >= 4 && t[i - 3].is_sign('-') && is_year(i - 4)))
    {
        return Some(Aside::Date);
    }
    // "MiG-21", "Su-25", "T-72": a model's number.
    let model = &t[i - 2];
    (model.kind == TokenKind::Word
        && model.raw.chars().next().is_some_and(char::is_uppercase)
        && model.raw.len() <= 5)
        .then_some(Aside::Label)
}

fn prev_is_number(t: &[Token], i: usize) -> bool {
    i >= 2 && t[i - 2].kind == TokenKind::Number
}
