//! HTML as a reader sees it: tags dropped (block tags end a line, `<script>` and
//! `<style>` skipped, `<sup>` footnote markers kept apart), entities decoded, and every
//! character placed at the line and column of the HTML source it came from.

use super::text::{Pos, Text};

/// Tags whose end closes a paragraph or a cell: the text after them starts anew.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "blockquote",
    "caption",
    "figcaption",
    "title",
    "hr",
];

/// The text of `html` and its `<title>`, if any.
pub(crate) fn read(html: &str) -> (Text, Option<String>) {
    let mut out = Text::default();
    let mut title: Option<String> = None;
    let mut in_title = false;
    let mut skip_until: Option<&str> = None;
    let mut in_sup = false;
    let (mut line, mut col) = (1u32, 0u32);
    let mut chars = html.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        col += 1;
        let pos = Pos { page: 0, line, col };
        if c == '\n' {
            line += 1;
            col = 0;
        }
        if c == '<' {
            let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
            let tag = &html[at..end];
            for t in tag.chars().skip(1) {
                col += 1;
                if t == '\n' {
                    line += 1;
                    col = 0;
                }
            }
            while chars.peek().is_some_and(|(i, _)| *i < end) {
                chars.next();
            }
            let (name, closing) = tag_name(tag);
            if let Some(until) = skip_until {
                if closing && name == until {
                    skip_until = None;
                }
                continue;
            }
            match name.as_str() {
                "script" | "style" if !closing => skip_until = Some(leak(&name)),
                "title" => in_title = !closing,
                "sup" => {
                    in_sup = !closing;
                    if !closing {
                        out.push('\u{2020}', pos);
                    }
                }
                n if BLOCKS.contains(&n) => out.push('\n', pos),
                _ => {}
            }
            continue;
        }
        if skip_until.is_some() || in_sup {
            continue;
        }
        let decoded = if c == '&' {
            entity(html, at).map(|(text, len)| {
                for _ in 0..len - 1 {
                    chars.next();
                    col += 1;
                }
                text
            })
        } else {
            None
        };
        let text = decoded.unwrap_or_else(|| c.to_string());
        if in_title {
            title.get_or_insert_with(String::new).push_str(&text);
        }
        for d in text.chars() {
            out.push(if d == '\n' { ' ' } else { d }, pos);
        }
        if c == '\n' {
            out.push('\n', pos);
        }
    }
    let title = title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    (out, title)
}

fn leak(name: &str) -> &'static str {
    match name {
        "script" => "script",
        _ => "style",
    }
}

/// A tag's lower-case name and whether it closes (`</p>`).
fn tag_name(tag: &str) -> (String, bool) {
    let inner = tag.trim_start_matches('<');
    let closing = inner.starts_with('/');
    let name = inner
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    (name, closing)
}

/// The entity at `at` (`&amp;`, `&#8722;`, `&#x2009;`) decoded, with its length in
/// characters; none when it is not one.
fn entity(html: &str, at: usize) -> Option<(String, usize)> {
    let rest = &html[at..];
    let end = rest.char_indices().take(40).find(|(_, c)| *c == ';')?.0;
    let candidate = &rest[..=end];
    if !candidate[1..end]
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '#')
    {
        return None;
    }
    let decoded = html_escape::decode_html_entities(candidate);
    (decoded != candidate).then(|| (decoded.into_owned(), candidate.chars().count()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_dropped_and_entities_decoded_at_their_source_place() {
        let html = "<html><head><title>A  test</title><style>p{}</style></head>\n<body><p>about 8&#8239;000&nbsp;fighters<sup>3</sup> &amp; more</p>\n<p>one &minus; two</p></body></html>";
        let (text, title) = read(html);
        assert_eq!(title.as_deref(), Some("A test"));
        assert!(
            text.text.contains("about 8 000 fighters\u{2020} & more"),
            "{}",
            text.text
        );
        assert!(text.text.contains("one - two"));
        let at = text.text.find("fighters").unwrap();
        let pos = text.pos(at);
        assert_eq!((pos.line, pos.col), (2, 33));
    }
}
