//! Numbers written out: "eight thousand", "twenty-five", "a dozen", fractions ("a
//! fifth", "two-thirds", "half"), multiples ("twice") and vague counts ("dozens").

use super::tokens::{Token, TokenKind};

const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of a word below a hundred: "seven", "forty", "twenty-five".
pub(crate) fn small(word: &str) -> Option<f64> {
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|t| !t.is_empty() && *t == word) {
        return Some(i as f64 * 10.0);
    }
    let (tens, unit) = word.split_once('-')?;
    let t = TENS.iter().position(|t| !t.is_empty() && *t == tens)?;
    let u = UNITS[1..10].iter().position(|u| *u == unit)? + 1;
    Some((t * 10 + u) as f64)
}

/// The multiplier a scale word gives: "million" 1e6, "bn" 1e9.
pub(crate) fn scale(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(100.0),
        "thousand" | "k" => Some(1e3),
        "million" | "millions" | "m" | "mn" | "mln" => Some(1e6),
        "billion" | "bn" | "b" => Some(1e9),
        _ => None,
    }
}

/// A number in words starting at token `i`: its value and how many tokens it takes
/// ("eight thousand" 2, "a dozen" 2, "two hundred and fifty" 4).
pub(crate) fn number(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(Token::word)
    };
    let first = word(i)?;
    if first == "a" || first == "one" {
        match word(i + 1).as_deref() {
            Some("dozen") => return Some((12.0, 2)),
            Some("score") => return Some((20.0, 2)),
            Some(w) if first == "a" => {
                let s = scale(w).filter(|s| *s >= 100.0)?;
                return Some((s, 2));
            }
            _ => {}
        }
    }
    if first == "dozen" {
        return Some((12.0, 1));
    }
    let mut total = 0.0;
    let mut current = small(&first)?;
    // "three dozen" 36.
    if word(i + 1).as_deref() == Some("dozen") {
        return Some((current * 12.0, 2));
    }
    let mut k = i + 1;
    while let Some(w) = word(k) {
        if let Some(s) = scale(&w).filter(|s| *s >= 100.0 && w.len() > 1) {
            if s == 100.0 {
                current *= 100.0;
            } else {
                total += current * s;
                current = 0.0;
            }
            k += 1;
        } else if w == "and" && current >= 100.0 {
            match word(k + 1).as_deref().and_then(small) {
                Some(v) => {
                    current += v;
                    k += 2;
                }
                None => break,
            }
        } else if current >= 100.0 && current % 100.0 == 0.0 {
            match small(&w) {
                Some(v) => {
                    current += v;
                    k += 1;
                }
                None => break,
            }
        } else {
            break;
        }
    }
    Some((total + current, k - i))
}

/// The denominator an ordinal gives as a fraction: "fifth" 5, "thirds" 3, "quarter" 4.
fn denominator(word: &str) -> Option<f64> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    let d = match singular {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "twentieth" => 20.0,
        "hundredth" => 100.0,
        _ => return None,
    };
    Some(d)
}

/// A fraction at token `i`: "a fifth", "one-fifth", "two thirds", "half"; its value and
/// length in tokens.
pub(crate) fn fraction(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let w = tokens.get(i).filter(|t| t.kind == TokenKind::Word)?.word();
    if w == "half" {
        return Some((0.5, 1));
    }
    if let Some((n, d)) = w.split_once('-') {
        let n = if n == "a" { 1.0 } else { small(n)? };
        return Some((n / denominator(d)?, 1));
    }
    let n = if w == "a" { 1.0 } else { small(&w)? };
    let d = tokens
        .get(i + 1)
        .filter(|t| t.kind == TokenKind::Word)?
        .word();
    // "one third", but not "the third" or "a third country" read as a count.
    if n > 1.0 && !d.ends_with('s') && d != "half" {
        return None;
    }
    Some((n / denominator(&d)?, 2))
}

/// A multiple in one word: "twice" 2, "thrice" 3.
pub(crate) fn multiple(word: &str) -> Option<f64> {
    match word {
        "twice" | "doubled" => Some(2.0),
        "thrice" | "tripled" => Some(3.0),
        "quadrupled" => Some(4.0),
        "halved" => Some(0.5),
        _ => None,
    }
}

/// A vague count: "dozens" 24 to 99, "hundreds" 200 to 999, "thousands" 2,000 to 9,999
/// (an interval, never a point).
pub(crate) fn vague(word: &str) -> Option<(f64, f64)> {
    match word {
        "dozens" => Some((24.0, 99.0)),
        "hundreds" => Some((200.0, 999.0)),
        "thousands" => Some((2000.0, 9999.0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn words(text: &str) -> Option<(f64, usize)> {
        number(&tokenize(text, 0, text.len()), 0)
    }

    fn frac(text: &str) -> Option<(f64, usize)> {
        fraction(&tokenize(text, 0, text.len()), 0)
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(words("eight thousand fighters"), Some((8000.0, 2)));
        assert_eq!(words("twenty-five posts"), Some((25.0, 1)));
        assert_eq!(words("a dozen"), Some((12.0, 2)));
        assert_eq!(words("three dozen fighters"), Some((36.0, 2)));
        assert_eq!(words("two hundred and fifty"), Some((250.0, 4)));
        assert_eq!(words("three million people"), Some((3e6, 2)));
        assert_eq!(words("fighters"), None);
    }

    #[test]
    fn fractions_in_words() {
        assert_eq!(frac("a fifth of"), Some((0.2, 2)));
        assert_eq!(frac("one-fifth"), Some((0.2, 1)));
        assert_eq!(frac("two fifths"), Some((0.4, 2)));
        assert_eq!(frac("half as many"), Some((0.5, 1)));
        assert_eq!(frac("a third country"), Some((1.0 / 3.0, 2)));
        assert_eq!(frac("two third"), None);
    }
}
