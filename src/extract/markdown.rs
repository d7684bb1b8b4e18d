//! Markdown as a reader sees it: emphasis marks, link targets, footnote references and
//! table pipes dropped, each character kept at its line and column in the file.

use super::text::{Pos, Text};

/// Whether `text` reads as Markdown: YAML front matter or a heading, or two marks of
/// emphasis, links, footnotes or table rows (one "](" in plain text is not enough).
pub(crate) fn looks_like(text: &str) -> bool {
    if text.starts_with("---\n") && text[4..].contains("\n---") {
        return true;
    }
    let mut marks = 0;
    for l in text.lines().take(400) {
        let l = l.trim_start();
        if l.starts_with('#') && l.trim_start_matches('#').starts_with(' ') {
            return true;
        }
        marks += usize::from(l.contains("**"))
            + usize::from(l.contains("]("))
            + usize::from(l.contains("[^"))
            + usize::from(l.starts_with('|') && l.ends_with('|'));
        if marks >= 2 {
            return true;
        }
    }
    false
}

/// The first heading's text.
pub(crate) fn title(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| l.starts_with("# "))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .or_else(|| super::read::first_line(text))
}

/// The text of `markdown`, line by line.
pub(crate) fn read(markdown: &str) -> Text {
    let mut out = Text::default();
    for (i, line) in markdown.lines().enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let chars: Vec<char> = line.chars().collect();
        let mut j = 0;
        let heading = line.trim_start().starts_with('#');
        while j < chars.len() {
            let pos = Pos {
                page: 0,
                line: number,
                col: u32::try_from(j + 1).unwrap_or(u32::MAX),
            };
            let c = chars[j];
            match c {
                '*' | '_' if emphasis(&chars, j) => {}
                '#' if heading => {}
                '|' | '>' if j == 0 || c == '|' => out.push('\n', pos),
                '[' if chars.get(j + 1) == Some(&'^') => {
                    // A footnote reference `[^3]`: a marker, not a number.
                    let end = chars[j..]
                        .iter()
                        .position(|&c| c == ']')
                        .map_or(j, |e| j + e);
                    out.push('\u{2020}', pos);
                    j = end;
                }
                '[' if citation(&chars, j).is_some() => {
                    // A citation marker "[41]", "[note 3]", "[a]", or a link whose text
                    // is one ("[41](https://…)"): a marker, never a number.
                    let mut end = citation(&chars, j).unwrap_or(j);
                    if chars.get(end + 1) == Some(&'(') {
                        end = chars[end..]
                            .iter()
                            .position(|&c| c == ')')
                            .map_or(end, |e| end + e);
                    }
                    out.push('\u{2020}', pos);
                    j = end;
                }
                ']' if chars.get(j + 1) == Some(&'(') => {
                    // A link's target is not prose.
                    let end = chars[j..]
                        .iter()
                        .position(|&c| c == ')')
                        .map_or(j, |e| j + e);
                    j = end;
                }
                '[' | '`' => {}
                c => out.push(c, pos),
            }
            j += 1;
        }
        let col = u32::try_from(chars.len() + 1).unwrap_or(u32::MAX);
        if heading {
            // A heading stands apart from the paragraph after it.
            out.push(
                '\n',
                Pos {
                    page: 0,
                    line: number,
                    col,
                },
            );
        }
        out.push(
            '\n',
            Pos {
                page: 0,
                line: number,
                col,
            },
        );
    }
    out
}

/// The closing bracket of a citation marker opening at `j`: "[41]", "[note 3]",
/// "[a]", "[citation needed]".
fn citation(chars: &[char], j: usize) -> Option<usize> {
    let close = chars[j + 1..].iter().take(20).position(|&c| c == ']')? + j + 1;
    let inside: String = chars[j + 1..close].iter().collect();
    let inside = inside.trim().to_lowercase();
    let numbered = !inside.is_empty()
        && inside
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '-' || c == ' ');
    let lettered = inside.len() <= 2 && inside.chars().all(|c| c.is_ascii_lowercase());
    let note =
        inside.starts_with("note ") || inside.starts_with("nb ") || inside == "citation needed";
    (numbered || lettered || note).then_some(close)
}

/// Whether the `*` or `_` at `j` marks emphasis rather than standing inside a word.
fn emphasis(chars: &[char], j: usize) -> bool {
    chars[j] == '*'
        || !(j > 0
            && chars[j - 1].is_alphanumeric()
            && chars.get(j + 1).is_some_and(|c| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_dropped_and_places_kept() {
        let t = read("# Head\n\nSome **8,000** [fighters](http://x.org/1) here[^2].");
        assert!(
            t.text.contains("Some 8,000 fighters here\u{2020}."),
            "{}",
            t.text
        );
        let at = t.text.find("8,000").unwrap();
        assert_eq!((t.pos(at).line, t.pos(at).col), (3, 8));
        // Citation markers fused to a number stay markers.
        let t = read("some 52,000[41] and 6,000[a][note 3] and 7,000[12](https://x.org/12) men");
        assert!(
            t.text
                .contains("52,000\u{2020} and 6,000\u{2020}\u{2020} and 7,000\u{2020} men"),
            "{}",
            t.text
        );
    }
}
