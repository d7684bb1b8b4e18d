//! The text a document gives, normalised for reading numbers (exotic spaces, Unicode
//! minus, dashes, ligatures, soft hyphens, words hyphenated across lines), with the
//! place every byte came from: page, line and column of the text the tool read.

/// Where a piece of text stands: page (PDF only, else 0), line and column, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    pub(crate) page: u32,
    pub(crate) line: u32,
    pub(crate) col: u32,
}

impl Pos {
    /// `report.pdf:p4:12:40`, or `report.txt:12:40`.
    pub(crate) fn display(&self, file: &str) -> String {
        match self.page {
            0 => format!("{file}:{}:{}", self.line, self.col),
            p => format!("{file}:p{p}:{}:{}", self.line, self.col),
        }
    }
}

/// Normalised text and, for each of its bytes, the place it came from.
#[derive(Debug, Default, Clone)]
pub(crate) struct Text {
    pub(crate) text: String,
    at: Vec<Pos>,
}

impl Text {
    /// Appends `c` (normalised) as read at `pos`.
    pub(crate) fn push(&mut self, c: char, pos: Pos) {
        for n in normalise(c) {
            self.text.push(n);
            self.at.extend(std::iter::repeat_n(pos, n.len_utf8()));
        }
    }

    /// Appends the characters of `line` (1-based `line` on `page`), and a line end.
    pub(crate) fn push_line(&mut self, line: &str, page: u32, number: u32) {
        for (i, c) in line.chars().enumerate() {
            let col = u32::try_from(i + 1).unwrap_or(u32::MAX);
            self.push(
                c,
                Pos {
                    page,
                    line: number,
                    col,
                },
            );
        }
        let col = u32::try_from(line.chars().count() + 1).unwrap_or(u32::MAX);
        self.push(
            '\n',
            Pos {
                page,
                line: number,
                col,
            },
        );
    }

    /// Where the byte at `offset` came from.
    pub(crate) fn pos(&self, offset: usize) -> Pos {
        self.at
            .get(offset)
            .or(self.at.last())
            .copied()
            .unwrap_or_default()
    }

    /// Joins words hyphenated across a line end: "militar-\nies" becomes "militaries";
    /// "twenty-\nfive" keeps its hyphen ("twenty-five").
    pub(crate) fn join_hyphenated(self) -> Text {
        let bytes = self.text.as_bytes();
        let mut out = Text::default();
        let mut i = 0;
        let mut kept_from = 0;
        while i < bytes.len() {
            if bytes[i] == b'-' && i > 0 && bytes[i - 1].is_ascii_alphabetic() {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] == b' ' {
                    j += 1;
                }
                if j < bytes.len()
                    && bytes[j] == b'\n'
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_lowercase)
                {
                    out.extend(&self, kept_from, i);
                    if tens_word_before(&self.text[..i]) {
                        out.extend(&self, i, i + 1);
                    }
                    i = j + 1;
                    kept_from = i;
                    continue;
                }
            }
            i += 1;
        }
        out.extend(&self, kept_from, bytes.len());
        out
    }

    fn extend(&mut self, from: &Text, start: usize, end: usize) {
        self.text.push_str(&from.text[start..end]);
        self.at.extend_from_slice(&from.at[start..end]);
    }
}

/// Whether `before` ends with a word that takes a hyphenated unit ("twenty-five").
fn tens_word_before(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ]
    .contains(&word.as_str())
}

/// What one character reads as: exotic spaces as a space, Unicode minus and dashes as
/// `-`, curly quotes straight, ligatures spelled out, soft hyphens and zero-width
/// characters dropped.
fn normalise(c: char) -> Vec<char> {
    match c {
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
            vec![' ']
        }
        '\r' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => vec![],
        '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
        | '\u{FE63}' | '\u{FF0D}' => vec!['-'],
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => vec!['\''],
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => vec!['"'],
        '\u{FB00}' => vec!['f', 'f'],
        '\u{FB01}' => vec!['f', 'i'],
        '\u{FB02}' => vec!['f', 'l'],
        '\u{FB03}' => vec!['f', 'f', 'i'],
        '\u{FB04}' => vec!['f', 'f', 'l'],
        '\u{2029}' | '\u{2028}' | '\u{000C}' => vec!['\n'],
        // Superscript digits are footnote markers: a sign the reader keeps apart.
        '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2070}'..='\u{2079}' => vec!['\u{2020}'],
        c => vec![c],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Text {
        let mut t = Text::default();
        for (i, line) in s.lines().enumerate() {
            t.push_line(line, 0, i as u32 + 1);
        }
        t
    }

    #[test]
    fn exotic_spaces_and_minus_are_normalised_and_positions_kept() {
        let t = text("about 8\u{202F}000 \u{2212}5\u{FB01}ghters");
        assert_eq!(t.text, "about 8 000 -5fighters\n");
        let at = t.text.find("ghters").unwrap();
        assert_eq!(t.pos(at).col, 16);
    }

    #[test]
    fn hyphenation_across_lines_is_joined() {
        let t = text("the militar-\nies had twenty-\nfive posts").join_hyphenated();
        assert_eq!(t.text, "the militaries had twenty-five posts\n");
        let at = t.text.find("five").unwrap();
        assert_eq!(t.pos(at).line, 3);
    }
}
