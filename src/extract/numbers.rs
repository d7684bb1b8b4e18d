//! The numbers of a sentence, each read with its shape: a quantity, a range, a ratio
//! ("one for every N", "N-to-one", "1:N", "N per 1,000"), a fraction, a multiple or a
//! percentage; or set aside as a year, date, footnote, page, section or label number; or
//! suspect (grouping broken, as when a footnote marker fuses on in a PDF; "8.000").

use super::tokens::{Sentence, Token, TokenKind};
use super::words;

/// How a number is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// "some 6,000 fighters"
    Quantity,
    /// "one militant for every 8,000 people", "one per 100 square miles"
    Every,
    /// "N soldiers per 1,000 people": the value per thousand.
    PerThousand,
    /// "a 5-to-1 advantage", "1:7", "12:1"
    ToOne,
    /// "a fifth of", "two thirds", "half as many"
    Fraction,
    /// "twice", "nine times"
    Multiple,
    /// "40%", "40 percent"
    Percent,
}

impl Shape {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Shape::Quantity => "quantity",
            Shape::Every => "one for every N",
            Shape::PerThousand => "N per 1,000",
            Shape::ToOne => "N-to-one",
            Shape::Fraction => "fraction",
            Shape::Multiple => "multiple",
            Shape::Percent => "percentage",
        }
    }
}

/// Why a number is no figure to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Aside {
    Year,
    Date,
    Footnote,
    Page,
    Section,
    /// "Table 2", "Resolution 2719", "No. 7".
    Label,
}

/// One number as read in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    /// The first and last token of the whole expression (range, scale word, unit sign).
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) low: f64,
    pub(crate) high: f64,
    pub(crate) shape: Shape,
    /// Why the number may be damaged or ambiguous: listed, never drafted.
    pub(crate) suspect: Option<String>,
    /// A reading to confirm ("N times larger" read as N).
    pub(crate) note: Option<String>,
    /// The token where the words for what the number counts start ("soldiers").
    pub(crate) unit: usize,
}

/// What a sentence's numbers are.
#[derive(Debug, Default)]
pub(crate) struct Read {
    pub(crate) mentions: Vec<Mention>,
    pub(crate) asides: Vec<(usize, Aside)>,
}

/// Words after a spelled-out number that make it no count ("one of the", "two or
/// three", "one another").
const NOT_COUNTED: &[&str] = &[
    "or",
    "and",
    "to",
    "in",
    "the",
    "a",
    "an",
    "another",
    "such",
    "by",
    "on",
    "at",
    "is",
    "was",
    "that",
    "who",
    "which",
    "less",
    "day",
    "time",
    "way",
    "point",
    "another's",
];

/// Reads the numbers of `sentence`.
pub(crate) fn read(sentence: &Sentence) -> Read {
    let t = &sentence.tokens;
    let mut out = Read::default();
    let mut i = 0;
    while i < t.len() {
        let next = if t[i].kind == TokenKind::Number {
            match aside(t, i) {
                Some(a) => {
                    out.asides.push((i, a));
                    i + 1
                }
                None => {
                    let m = digits(t, i);
                    let n = m.last + 1;
                    out.mentions.push(m);
                    n
                }
            }
        } else if t[i].kind == TokenKind::Word {
            match spelled(t, i) {
                Some(m) => {
                    let n = m.last + 1;
                    out.mentions.push(m);
                    n
                }
                None => i + 1,
            }
        } else {
            i + 1
        };
        i = next;
    }
    out
}

fn word(t: &[Token], k: usize) -> String {
    t.get(k).map(Token::word).unwrap_or_default()
}

/// A number in digits at `i`, with what follows it: a scale word, a range, `%`, `times`,
/// "to one", ":1", "per 1,000".
fn digits(t: &[Token], i: usize) -> Mention {
    let (v, suspect) = value(&t[i].raw);
    let mut m = Mention {
        first: i,
        last: i,
        low: v,
        high: v,
        shape: Shape::Quantity,
        suspect,
        note: None,
        unit: i + 1,
    };
    // 1:N ("a 1:7 ratio")
    if v == 1.0
        && t.get(i + 1).is_some_and(|s| s.is_sign(':'))
        && t.get(i + 2).is_some_and(|n| n.kind == TokenKind::Number)
    {
        let (n, s) = value(&t[i + 2].raw);
        m.low = n;
        m.high = n;
        m.suspect = m.suspect.or(s);
        m.last = i + 2;
        m.unit = i + 3;
        m.shape = Shape::ToOne;
        return m;
    }
    if let Some(s) = words::scale(&word(t, i + 1)).filter(|_| !word(t, i + 1).is_empty()) {
        let spaced_m = word(t, i + 1) == "m" && t[i + 1].spaced;
        if !spaced_m {
            m.low *= s;
            m.high *= s;
            m.last = i + 1;
            m.unit = i + 2;
        }
    }
    finish(t, m)
}

/// What follows a number: a range's upper bound, a percentage, a multiple, N-to-one,
/// or a per-thousand base; and what precedes it: "every", "per", "one in".
fn finish(t: &[Token], m: Mention) -> Mention {
    let m = suffixes(t, m);
    let unit = m.last + 1;
    Mention {
        unit: if m.shape == Shape::PerThousand {
            m.unit
        } else {
            unit
        },
        ..m
    }
}

fn suffixes(t: &[Token], mut m: Mention) -> Mention {
    let k = m.last + 1;
    let between = m.first > 0 && t[m.first - 1].is_word("between");
    // Ranges: "8-17", "8 to 17", "five or six", "between 8 and 17".
    let joiner = t.get(k).map(|j| {
        (j.is_sign('-') && (!j.spaced || t.get(k + 1).is_some_and(|n| n.kind == TokenKind::Number)))
            || j.is_word("to")
            || j.is_word("or")
            || (between && j.is_word("and"))
    });
    if joiner == Some(true) && !word(t, k + 1).starts_with("one") {
        if let Some((hi, len)) = upper(t, k + 1) {
            let scale_after = words::scale(&word(t, k + len + 1))
                .filter(|_| m.low < 1000.0 && !word(t, k + len + 1).is_empty());
            if hi >= m.low || scale_after.is_some() {
                if let Some(s) = scale_after {
                    m.low *= s;
                    m.high = hi * s;
                    m.last = k + len + 1;
                } else {
                    m.high = hi;
                    m.last = k + len;
                    // "35-40,000": the first figure shares the second's thousands.
                    let grouped = t[k + 1].raw.contains([',', ' ']);
                    if m.low < 1000.0
                        && hi >= 1000.0
                        && grouped
                        && m.low * 1000.0 <= hi
                        && m.low * 1000.0 * 10.0 > hi
                    {
                        m.low *= 1000.0;
                    }
                }
                if m.high > m.low {
                    return m;
                }
                m.high = m.low;
            }
        }
    }
    let k = m.last + 1;
    if t.get(k).is_some_and(|s| s.is_sign('%'))
        || word(t, k) == "percent"
        || (word(t, k) == "per" && word(t, k + 1) == "cent")
    {
        m.shape = Shape::Percent;
        m.last = if word(t, k) == "per" { k + 1 } else { k };
        return m;
    }
    if word(t, k) == "times" {
        m.shape = Shape::Multiple;
        m.last = k;
        if matches!(
            word(t, k + 1).as_str(),
            "larger" | "bigger" | "greater" | "more" | "higher" | "smaller" | "fewer" | "less"
        ) {
            m.note = Some(format!(
                "\"{} times {}\" read as {}×; some readers mean {}×",
                crate::numbers::readable(m.low),
                word(t, k + 1),
                crate::numbers::readable(m.low),
                crate::numbers::readable(m.low + 1.0)
            ));
        }
        return m;
    }
    // N-to-one, N-to-1, N:1
    let dash = t.get(k).is_some_and(|s| s.is_sign('-'));
    if dash && word(t, k + 1) == "to-one" {
        m.shape = Shape::ToOne;
        m.last = k + 1;
        return m;
    }
    if dash
        && word(t, k + 1) == "to"
        && t.get(k + 2).is_some_and(|s| s.is_sign('-'))
        && is_one(t, k + 3)
    {
        m.shape = Shape::ToOne;
        m.last = k + 3;
        return m;
    }
    if word(t, k) == "to" && is_one(t, k + 1) {
        m.shape = Shape::ToOne;
        m.last = k + 1;
        return m;
    }
    if t.get(k).is_some_and(|s| s.is_sign(':')) && t.get(k + 1).is_some_and(|n| n.raw == "1") {
        m.shape = Shape::ToOne;
        m.last = k + 1;
        return m;
    }
    // "N per 1,000 people", "N soldiers per 1,000 residents".
    for gap in 0..=3 {
        let p = k + gap;
        if word(t, p) == "per" {
            if let Some(base) = t
                .get(p + 1)
                .filter(|n| n.kind == TokenKind::Number)
                .map(|n| value(&n.raw).0)
            {
                // "per 100 square miles" is an area, not a base.
                let area = matches!(
                    word(t, p + 2).as_str(),
                    "square"
                        | "sq"
                        | "km"
                        | "km²"
                        | "miles"
                        | "kilometres"
                        | "kilometers"
                        | "hectares"
                );
                if !area && [100.0, 1000.0, 10_000.0, 100_000.0, 1_000_000.0].contains(&base) {
                    m.low *= 1000.0 / base;
                    m.high *= 1000.0 / base;
                    m.shape = Shape::PerThousand;
                    // The base is part of the statement; what is counted comes first.
                    m.unit = k;
                    m.last = p + 1;
                    return m;
                }
            }
        }
        if t.get(p).is_none_or(|w| w.kind != TokenKind::Word) {
            break;
        }
    }
    let before = |back: usize| {
        m.first
            .checked_sub(back)
            .map(|p| word(t, p))
            .unwrap_or_default()
    };
    if before(1) == "every"
        || before(1) == "per"
        || (before(1) == "in" && matches!(before(2).as_str(), "one" | "1"))
        || before(2) == "every" && is_hedge_like(&before(1))
    {
        m.shape = Shape::Every;
        return m;
    }
    // "11 soldiers for each HTS fighter": a ratio stated the other way round.
    for gap in 1..=3 {
        let p = m.last + gap;
        if word(t, p) == "for" && matches!(word(t, p + 1).as_str(), "each" | "every")
            || word(t, p) == "per"
                && matches!(
                    word(t, p + 1).as_str(),
                    "fighter" | "militant" | "insurgent" | "combatant"
                )
        {
            m.shape = Shape::Every;
            return m;
        }
        if t.get(p).is_none_or(|w| w.kind != TokenKind::Word) {
            break;
        }
    }
    m
}

fn is_hedge_like(w: &str) -> bool {
    matches!(
        w,
        "roughly" | "nearly" | "about" | "around" | "almost" | "approximately" | "some"
    )
}

fn is_one(t: &[Token], k: usize) -> bool {
    t.get(k).is_some_and(|n| n.is_word("one") || n.raw == "1")
}

/// The upper bound of a range at `k`: digits or words, and the tokens it takes.
fn upper(t: &[Token], k: usize) -> Option<(f64, usize)> {
    let tok = t.get(k)?;
    if tok.kind == TokenKind::Number {
        let (v, _) = value(&tok.raw);
        if let Some(s) = words::scale(&word(t, k + 1))
            .filter(|_| !word(t, k + 1).is_empty() && word(t, k + 1) != "m")
        {
            return Some((v * s, 2));
        }
        return Some((v, 1));
    }
    words::number(t, k)
}

/// A number in words at `i`: a fraction, a multiple, a vague count, or a spelled-out
/// count followed by what it counts. "one of the", "two groups" are no figures.
fn spelled(t: &[Token], i: usize) -> Option<Mention> {
    let w = t[i].word();
    let make = |last: usize, v: f64, shape: Shape| Mention {
        first: i,
        last,
        low: v,
        high: v,
        shape,
        suspect: None,
        note: None,
        unit: last + 1,
    };
    if let Some(v) = words::multiple(&w) {
        return Some(make(i, v, Shape::Multiple));
    }
    // "five-to-one", "twelve-to-1"
    if let Some(n) = w
        .strip_suffix("-to-one")
        .or_else(|| w.strip_suffix("-to-1"))
        .and_then(words::small)
    {
        return Some(make(i, n, Shape::ToOne));
    }
    if let Some((v, len)) = words::fraction(t, i) {
        let after = word(t, i + len);
        let reads_as_ratio = matches!(
            after.as_str(),
            "of" | "as" | "the" | "that" | "those" | "its" | "their" | ""
        ) || t.get(i + len).is_some_and(|n| n.kind == TokenKind::Sign);
        if reads_as_ratio && !(w == "half" && i > 0 && t[i - 1].is_word("and")) {
            return Some(make(i + len - 1, v, Shape::Fraction));
        }
    }
    // "several dozen", "tens of thousands".
    if w == "several"
        && matches!(
            word(t, i + 1).as_str(),
            "dozen" | "dozens" | "hundred" | "hundreds" | "thousand" | "thousands"
        )
    {
        let (lo, hi) = words::vague(&format!("{}s", word(t, i + 1).trim_end_matches('s')))?;
        let mut m = make(i + 1, lo, Shape::Quantity);
        m.high = hi;
        return Some(m);
    }
    if w == "tens" && word(t, i + 1) == "of" && word(t, i + 2) == "thousands" {
        let mut m = make(i + 2, 20_000.0, Shape::Quantity);
        m.high = 99_999.0;
        return Some(m);
    }
    if let Some((lo, hi)) = words::vague(&w) {
        // "dozens of", "dozens more", "hundreds killed", "thousands fled".
        let next = word(t, i + 1);
        let the_before = i > 0 && t[i - 1].is_word("the");
        if !the_before
            && (next == "of"
                || next == "more"
                || next == "others"
                || next == "were"
                || next.ends_with("ed"))
        {
            let mut m = make(i, lo, Shape::Quantity);
            m.high = hi;
            return Some(m);
        }
    }
    let (v, len) = words::number(t, i)?;
    let after = word(t, i + len);
    let m = finish(t, make(i + len - 1, v, Shape::Quantity));
    if m.shape != Shape::Quantity || m.high > m.low {
        // "one for every", "one to one" are the ratio's own words, not a figure.
        return (!(v == 1.0 && m.shape == Shape::Every)).then_some(m);
    }
    let fills_in = t.get(i + len).is_some_and(|n| n.kind == TokenKind::Word)
        && !NOT_COUNTED.contains(&after.as_str());
    // "one" counts only as a count of something named ("one soldier was killed"), never
    // as "the one", "one of", "no one"; a number before a non-noun is prose.
    let article_before = i > 0
        && matches!(
            t[i - 1].word().as_str(),
            "the" | "no" | "any" | "each" | "every"
        );
    // "one fighter for every 26 square miles": the ratio's own "one".
    let ratio_one = v == 1.0
        && (i + 1..(i + 6).min(t.len())).any(|k| {
            matches!(word(t, k).as_str(), "per" | "to")
                || (word(t, k) == "for"
                    && matches!(
                        word(t, k + 1).as_str(),
                        "every" | "each" | "nearly" | "roughly" | "about" | "almost"
                    ))
                || (word(t, k) == "in" && word(t, k + 1) == "every")
        });
    (fills_in && !article_before && !ratio_one && (v >= 2.0 || v == 1.0)).then_some(m)
}

mod aside;
#[cfg(test)]
mod tests;
mod value;

use aside::aside;
pub(crate) use value::value;
