//! JSON as a reader sees it (a Factbook page, an API's article): each string value a
//! paragraph of its own, led by the keys above it ("Population total: 22,634,423 (2025
//! est.)"), its HTML tags dropped and escapes decoded, every character placed at the
//! line and column of the file it came from.

use super::text::{Pos, Text};

/// Keys that say nothing of what a value is.
const PLAIN_KEYS: &[&str] = &["text", "value", "content", "body", "html", "data"];

/// Whether `text` is a JSON document: an object or array that parses.
pub(crate) fn looks_like(text: &str) -> bool {
    let t = text.trim_start();
    (t.starts_with('{') || t.starts_with('['))
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

/// A place in the raw file, counted as the reader goes.
struct Cursor {
    line: u32,
    col: u32,
}

impl Cursor {
    fn step(&mut self, c: char) -> Pos {
        let pos = Pos {
            page: 0,
            line: self.line,
            col: self.col,
        };
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        pos
    }
}

/// One string of the file, decoded, with the place of each character.
struct Str {
    chars: Vec<(char, Pos)>,
}

/// The text of a JSON document.
pub(crate) fn read(json: &str) -> Text {
    let mut out = Text::default();
    let mut cur = Cursor { line: 1, col: 1 };
    // The keys above the current value; `None` for array items.
    let mut path: Vec<Option<Str>> = Vec::new();
    let mut pending_key: Option<Str> = None;
    let mut chars = json.chars().peekable();
    while let Some(c) = chars.next() {
        let pos = cur.step(c);
        match c {
            '{' | '[' => path.push(pending_key.take()),
            '}' | ']' => {
                path.pop();
            }
            '"' => {
                let s = string(&mut chars, &mut cur, pos);
                // A string followed by ':' is a key.
                let mut ahead = chars.clone();
                let is_key = loop {
                    match ahead.next() {
                        Some(w) if w.is_whitespace() => continue,
                        Some(':') => break true,
                        _ => break false,
                    }
                };
                if is_key {
                    pending_key = Some(s);
                } else {
                    let key = pending_key.take();
                    paragraph(&mut out, &path, key.as_ref(), &s);
                }
            }
            ',' => pending_key = None,
            _ => {}
        }
    }
    out
}

/// A string literal after its opening quote, decoded.
fn string(chars: &mut std::iter::Peekable<std::str::Chars>, cur: &mut Cursor, open: Pos) -> Str {
    let mut out = Vec::new();
    let _ = open;
    while let Some(c) = chars.next() {
        let pos = cur.step(c);
        match c {
            '"' => break,
            '\\' => {
                let Some(e) = chars.next() else { break };
                cur.step(e);
                let decoded = match e {
                    'n' | 'r' => '\n',
                    't' => ' ',
                    'u' => {
                        let hex: String = (0..4)
                            .filter_map(|_| {
                                chars.next().inspect(|h| {
                                    cur.step(*h);
                                })
                            })
                            .collect();
                        u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}')
                    }
                    other => other,
                };
                out.push((decoded, pos));
            }
            c => out.push((c, pos)),
        }
    }
    Str { chars: out }
}

/// One value as a paragraph: its keys, then its text with HTML tags dropped.
fn paragraph(out: &mut Text, path: &[Option<Str>], key: Option<&Str>, value: &Str) {
    let keys: Vec<&Str> = path.iter().flatten().chain(key).collect();
    let Some(first) = value.chars.first().map(|(_, p)| *p) else {
        return;
    };
    // The last two meaningful keys lead the value ("Population total:").
    let named: Vec<&Str> = keys
        .iter()
        .filter(|k| {
            let word: String = k.chars.iter().map(|(c, _)| *c).collect();
            !PLAIN_KEYS.contains(&word.to_lowercase().as_str())
        })
        .copied()
        .collect();
    for k in named.iter().skip(named.len().saturating_sub(2)) {
        for (c, p) in &k.chars {
            out.push(*c, *p);
        }
        out.push(' ', first);
    }
    if !named.is_empty() {
        out.push(':', first);
        out.push(' ', first);
    }
    let mut in_tag = false;
    let mut tag = String::new();
    for (c, p) in &value.chars {
        match (*c, in_tag) {
            ('<', false) => {
                in_tag = true;
                tag.clear();
            }
            ('>', true) => {
                in_tag = false;
                let name = tag
                    .trim_start_matches('/')
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                if matches!(name.as_str(), "p" | "br" | "br/" | "li" | "div" | "tr") {
                    out.push('\n', *p);
                } else {
                    out.push(' ', *p);
                }
            }
            (c, true) => tag.push(c),
            (c, false) => out.push(c, *p),
        }
    }
    out.push('\n', first);
    out.push('\n', first);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_paragraphs_led_by_their_keys_at_their_places() {
        let json = "{\n  \"Population\": {\n    \"total\": {\n      \"text\": \"22,634,423 (2025 est.)\"\n    }\n  }\n}";
        assert!(looks_like(json));
        let t = read(json);
        assert!(
            t.text.contains("Population total : 22,634,423 (2025 est.)"),
            "{:?}",
            t.text
        );
        let at = t.text.find("22,634").unwrap();
        assert_eq!((t.pos(at).line, t.pos(at).col), (4, 16));
    }
}
