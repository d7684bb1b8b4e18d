//! Sentences and words: the text cut where a sentence ends (a full stop before a capital,
//! a blank line, a heading's line end) and each sentence cut into words, numbers and
//! signs, every token with its byte span in the text.

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub(crate) kind: TokenKind,
    /// The token as written.
    pub(crate) raw: String,
    /// The token lower-cased, with a possessive `'s` or `'` taken off ("taliban").
    pub(crate) lower: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether a space (or line end) stands before it.
    pub(crate) spaced: bool,
    /// Whether it is the first token on its line.
    pub(crate) line_start: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Number,
    Sign,
}

impl Token {
    /// The word lower-cased; empty for numbers and signs.
    pub(crate) fn word(&self) -> String {
        match self.kind {
            TokenKind::Word => self.raw.to_lowercase(),
            _ => String::new(),
        }
    }

    /// The word lower-cased without a possessive, or the sign; empty for numbers.
    pub(crate) fn bare(&self) -> &str {
        &self.lower
    }

    pub(crate) fn is_word(&self, w: &str) -> bool {
        self.kind == TokenKind::Word && self.raw.eq_ignore_ascii_case(w)
    }

    pub(crate) fn is_sign(&self, s: char) -> bool {
        self.kind == TokenKind::Sign && self.raw.starts_with(s)
    }
}

/// The tokens `from..to` as written, joined by spaces: "more than", "adult male fighters".
pub(crate) fn phrase(t: &[Token], from: usize, to: usize) -> String {
    t[from..to]
        .iter()
        .map(|tok| tok.raw.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the words of a lexicon phrase (lower-cased) stand at token `k`.
pub(crate) fn words_at(t: &[Token], k: usize, words: &[String]) -> bool {
    words.iter().enumerate().all(|(j, w)| {
        t.get(k + j)
            .is_some_and(|tok| tok.kind == TokenKind::Word && tok.bare() == w)
    })
}

/// A sentence: its byte span in the text and its tokens.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) tokens: Vec<Token>,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "e.g", "i.e", "cf", "fig", "p", "pp",
    "approx", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "u.s", "u.n", "gen", "col", "lt", "sgt", "inc", "ltd", "al", "vol",
];

/// Cuts `text` into sentences.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let mut cut: Option<(usize, usize)> = None; // (end, next start)
        if b == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                cut = Some((i, j + 1));
            } else if j >= bytes.len() {
                cut = Some((i, j));
            }
        } else if let Some(end) = fused_note(text, i) {
            cut = Some((end, end));
        } else if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, i) {
            cut = Some((i + 1, i + 1));
        }
        if let Some((end, next)) = cut {
            push(&mut out, text, start, end);
            start = next;
            i = next;
            continue;
        }
        i += 1;
    }
    push(&mut out, text, start, bytes.len());
    out
}

fn push(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize) {
    if start >= end || text[start..end].trim().is_empty() {
        return;
    }
    let tokens = tokenize(text, start, end);
    if tokens.len() <= LONGEST_SENTENCE {
        if !tokens.is_empty() {
            out.push(Sentence { start, end, tokens });
        }
        return;
    }
    // No sentence runs this long: a flattened table, or prose whose stops were lost.
    // It is read a line at a time, and a line this long in parts, so that reading
    // stays proportional to the text.
    let mut part: Vec<Token> = Vec::new();
    for token in tokens {
        if !part.is_empty() && (token.line_start || part.len() >= LONGEST_SENTENCE) {
            let tokens = std::mem::take(&mut part);
            out.push(Sentence {
                start: tokens[0].start,
                end: tokens[tokens.len() - 1].end,
                tokens,
            });
        }
        part.push(token);
    }
    if !part.is_empty() {
        out.push(Sentence {
            start: part[0].start,
            end: part[part.len() - 1].end,
            tokens: part,
        });
    }
}

/// The most tokens a sentence is read as one: real sentences run to a few hundred.
const LONGEST_SENTENCE: usize = 1_000;

/// Where the sentence ends when the stop at `i` has a note's marker fused on ("in
/// 2019.45 It was"): after the marker.
fn fused_note(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes[i] != b'.' || i == 0 || !bytes[i - 1].is_ascii_digit() {
        return None;
    }
    // After the last character that is not part of the number (which may be wider
    // than one byte).
    let start = text[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ','))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let chars: Vec<(usize, char)> = text[start..].char_indices().take(i - start + 8).collect();
    let j = i - start;
    if !note_after_stop(&chars, 0, j) {
        return None;
    }
    let marker = bytes[i + 1..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    Some(i + 1 + marker)
}

/// Whether the `.`, `!` or `?` at `i` ends a sentence: followed by a space (footnote
/// markers and closing quotes aside) and a capital, digit or quote, and not after an
/// abbreviation or inside a number.
fn ends_sentence(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes[i] == b'.'
        && i > 0
        && bytes[i - 1].is_ascii_digit()
        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
    {
        // "in 2019.45 It was": the stop ends the sentence; its note's marker stays
        // with it (the next sentence starts after the marker).
        return false;
    }
    // "2. How many fighters": a section number at the start of its line. Only the last
    // few bytes are looked at: a line longer than that before the stop is no section
    // number (and a search back to the text's start for every stop would be quadratic).
    let from = i.saturating_sub(16);
    let line_start = match bytes[from..i].iter().rposition(|&b| b == b'\n') {
        Some(n) => Some(from + n + 1),
        None => (from == 0).then_some(0),
    };
    // (At most two digits a part: "2022. HTS" at a line's start ends a sentence.)
    let section = line_start.is_some_and(|start| {
        let line = text[start..i].trim();
        !line.is_empty()
            && line
                .split('.')
                .all(|p| p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
    });
    if section {
        return false;
    }
    let rest = &text[i + 1..];
    let after = rest.trim_start_matches(['"', '\'', ')', '\u{2020}']);
    if !after.starts_with([' ', '\n']) {
        return after.is_empty();
    }
    let next = after.trim_start();
    let Some(c) = next.chars().next() else {
        return true;
    };
    if !(c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '(' || c == '[') {
        return false;
    }
    if bytes[i] != b'.' {
        return true;
    }
    let start = text[..i]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map_or(i, |(at, _)| at);
    let word = text[start..i].to_lowercase();
    let before = text[..start].chars().next_back();
    let initial = word.chars().count() == 1
        && word.chars().all(char::is_alphabetic)
        && before.is_none_or(|c| c.is_whitespace() || c == '(');
    !(ABBREVIATIONS.contains(&word.as_str()) || initial)
}

/// The tokens of `text[start..end]`.
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut spaced = true;
    let mut line_start = start == 0 || text[..start].ends_with('\n');
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' {
            line_start = true;
            spaced = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let (kind, len) = if c.is_ascii_digit() {
            (TokenKind::Number, number_len(&chars, i))
        } else if c.is_alphabetic() {
            (TokenKind::Word, word_len(&chars, i))
        } else {
            (TokenKind::Sign, 1)
        };
        let from = at;
        let to = chars.get(i + len).map_or(s.len(), |(a, _)| *a);
        let raw = &s[from..to];
        let lower = match kind {
            TokenKind::Number => String::new(),
            _ => {
                let l = raw.to_lowercase();
                l.strip_suffix("'s")
                    .or_else(|| l.strip_suffix('\''))
                    .map_or(l.clone(), str::to_string)
            }
        };
        out.push(Token {
            kind,
            lower,
            raw: raw.to_string(),
            start: start + from,
            end: start + to,
            spaced,
            line_start,
        });
        spaced = false;
        line_start = false;
        i += len;
    }
    out
}

/// The length of a word: letters, with inner apostrophes and hyphens ("al-Shabaab's",
/// "one-fifth"); a hyphen before a digit ends it ("mid-2025").
fn word_len(chars: &[(usize, char)], i: usize) -> usize {
    let mut j = i + 1;
    while j < chars.len() {
        let c = chars[j].1;
        let next_letter = chars.get(j + 1).is_some_and(|(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || c == '²' || ((c == '\'' || c == '-') && next_letter) {
            j += 1;
        } else {
            break;
        }
    }
    j - i
}

/// Whether the point at `j` of the number starting at `i` ends a sentence with a note's
/// marker fused on, as text taken from a PDF reads: "in 2019.45 It was", "its 4,000.17
/// The": a year or a grouped number, the point, one to three digits, then a space and a
/// capital (or the end).
fn note_after_stop(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let before: String = chars[i..j].iter().map(|(_, c)| *c).collect();
    let year = before.len() == 4
        && before.chars().all(|c| c.is_ascii_digit())
        && before
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    let grouped = before.contains(',') && before.split(',').skip(1).all(|g| g.len() == 3);
    if !(year || grouped) {
        return false;
    }
    let marker = chars[j + 1..]
        .iter()
        .take_while(|(_, c)| c.is_ascii_digit())
        .count();
    let rest = &chars[j + 1 + marker..];
    (1..=3).contains(&marker)
        && match rest {
            [] => true,
            [(_, ' ' | '\n'), (_, c), ..] => c.is_uppercase(),
            [(_, ' ' | '\n')] => true,
            _ => false,
        }
}

/// The length of a number: digits with grouping commas, points, and spaces before a
/// group of exactly three digits ("8 000").
fn number_len(chars: &[(usize, char)], i: usize) -> usize {
    let mut j = i + 1;
    while j < chars.len() {
        let c = chars[j].1;
        if c.is_ascii_digit() {
            j += 1;
            continue;
        }
        let digit_after = chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit());
        if c == '.' && digit_after && note_after_stop(chars, i, j) {
            break;
        }
        if (c == ',' || c == '.') && digit_after {
            j += 1;
            continue;
        }
        if c == ' ' && digit_after {
            let run = chars[j + 1..]
                .iter()
                .take_while(|(_, n)| n.is_ascii_digit())
                .count();
            let after_digit = chars
                .get(j + 1 + run)
                .is_some_and(|(_, n)| n.is_ascii_digit());
            let group = chars[i..j]
                .iter()
                .rev()
                .take_while(|(_, n)| n.is_ascii_digit())
                .count();
            if run == 3 && group <= 3 && !after_digit {
                j += 1;
                continue;
            }
        }
        break;
    }
    j - i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_before_capitals_not_in_numbers_or_abbreviations() {
        let text = "JNIM has 6,000 fighters. HTS had 15,000 (est. 2022) and 23.5 million people.\n\nNo. 7 is next.";
        let s: Vec<&str> = sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            s,
            vec![
                "JNIM has 6,000 fighters.",
                " HTS had 15,000 (est. 2022) and 23.5 million people.",
                "No. 7 is next."
            ]
        );
    }

    #[test]
    fn numbers_keep_their_grouping() {
        let t = tokenize("about 8 000 or 8,000 and 2024 300 mid-2025", 0, 42);
        let numbers: Vec<&str> = t
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .map(|t| t.raw.as_str())
            .collect();
        assert_eq!(numbers, vec!["8 000", "8,000", "2024", "300", "2025"]);
    }
}
