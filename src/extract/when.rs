//! When a statement is about: the year its clause or sentence states ("in 2024",
//! "(2025 est.)"), else the one year its paragraph or section heading states, else the
//! document's own date for a statement in the present tense ("is now estimated at");
//! and the months of a partial period ("the first half of 2024", "in March 2023").

use super::tokens::Token;
use crate::numbers::month_number;

/// Where a statement's year came from, nearest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum YearFrom {
    Clause,
    Sentence,
    Paragraph,
    Heading,
    /// The document's date, for a statement in the present tense.
    Document,
}

/// A statement's year, or why it has none.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Year {
    Known(i32, YearFrom),
    /// Two or more years the words leave open.
    Open(Vec<i32>),
    Unstated,
}

/// The years around a sentence, gathered as the document is read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    /// Years stated in the paragraph's earlier sentences.
    pub(crate) paragraph: Vec<i32>,
    /// The year of the nearest heading that is or names a year ("### 2016").
    pub(crate) heading: Option<i32>,
    /// The document's date, when it says one.
    pub(crate) document: Option<i32>,
}

/// The year of a statement: `clause` and `sentence` are the years stated there (token
/// index, year).
pub(crate) fn year(clause: &[i32], sentence: &[i32], t: &[Token], around: &Context) -> Year {
    let distinct = |ys: &[i32]| {
        let mut v = ys.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    };
    let clause = distinct(clause);
    match clause.as_slice() {
        [one] => return Year::Known(*one, YearFrom::Clause),
        [] => {}
        many => return Year::Open(many.to_vec()),
    }
    let sentence = distinct(sentence);
    match sentence.as_slice() {
        [one] => return Year::Known(*one, YearFrom::Sentence),
        [] => {}
        many => return Year::Open(many.to_vec()),
    }
    let paragraph = distinct(&around.paragraph);
    if let [one] = paragraph.as_slice() {
        return Year::Known(*one, YearFrom::Paragraph);
    }
    if !paragraph.is_empty() {
        return Year::Open(paragraph);
    }
    if let Some(y) = around.heading {
        return Year::Known(y, YearFrom::Heading);
    }
    match around.document {
        Some(y) if present_tense(t) => Year::Known(y, YearFrom::Document),
        _ => Year::Unstated,
    }
}

/// Whether a sentence speaks of now: "is estimated", "now numbers", "currently".
fn present_tense(t: &[Token]) -> bool {
    t.iter().any(|w| {
        matches!(
            w.bare(),
            "now"
                | "currently"
                | "today"
                | "is"
                | "are"
                | "has"
                | "have"
                | "remains"
                | "remain"
                | "numbers"
                | "counts"
                | "fields"
                | "estimates"
        )
    }) && !t.iter().any(|w| matches!(w.bare(), "was" | "were" | "had"))
}

/// The months a clause's partial period names, within `year`: "the first half of 2024"
/// January to June, "in March 2023" March, "since July" July to December. None for a
/// whole year or when the words name no period.
pub(crate) fn months(t: &[Token], (from, to): (usize, usize)) -> Option<(u32, u32)> {
    let clause = &t[from.min(t.len())..to.min(t.len())];
    let word = |k: usize| clause.get(k).map(Token::bare).unwrap_or("");
    for k in 0..clause.len() {
        let half = match (word(k), word(k + 1)) {
            ("first", "half") => Some((1, 6)),
            ("second", "half") => Some((7, 12)),
            ("first", "quarter") => Some((1, 3)),
            ("second", "quarter") => Some((4, 6)),
            ("third", "quarter") => Some((7, 9)),
            ("fourth", "quarter") | ("last", "quarter") => Some((10, 12)),
            _ => None,
        };
        if half.is_some() {
            return half;
        }
        if let Some(month) = month_number(word(k)) {
            let since = k > 0 && matches!(word(k - 1), "since" | "from");
            // "between March and May": the second month closes the period.
            let until = (k + 2..clause.len().min(k + 4))
                .find_map(|j| month_number(word(j)))
                .filter(|_| matches!(word(k + 1), "and" | "to" | "-" | "through"));
            return Some(match (since, until) {
                (_, Some(end)) if end >= month => (month, end),
                (true, _) => (month, 12),
                _ => (month, month),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn t(text: &str) -> Vec<Token> {
        tokenize(text, 0, text.len())
    }

    #[test]
    fn the_nearest_stated_year_governs() {
        let around = Context {
            paragraph: vec![2019],
            heading: Some(2016),
            document: Some(2025),
        };
        assert_eq!(
            year(&[1962], &[1962, 2024], &t("x"), &around),
            Year::Known(1962, YearFrom::Clause)
        );
        assert_eq!(
            year(&[], &[], &t("x"), &around),
            Year::Known(2019, YearFrom::Paragraph)
        );
        let bare = Context {
            document: Some(2025),
            ..Context::default()
        };
        assert_eq!(
            year(&[], &[], &t("it is now estimated at"), &bare),
            Year::Known(2025, YearFrom::Document)
        );
        assert_eq!(year(&[], &[], &t("it had"), &bare), Year::Unstated);
    }

    #[test]
    fn partial_periods_become_months() {
        let m = |s: &str| {
            let toks = t(s);
            months(&toks, (0, toks.len()))
        };
        assert_eq!(m("in the first half of 2024"), Some((1, 6)));
        assert_eq!(m("in March 2023"), Some((3, 3)));
        assert_eq!(m("since July"), Some((7, 12)));
        assert_eq!(m("in 2024"), None);
    }
}
