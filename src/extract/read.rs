//! A document as read, whatever its form: its kind, name, title, text and pages. The
//! bottom of the readers (`document.rs` chooses one; `html.rs`, `markdown.rs`, `pdf.rs`
//! and `json.rs` fill it).

use super::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Markdown,
    Html,
    Json,
    Pdf,
}

impl Kind {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Markdown => "Markdown",
            Kind::Html => "HTML",
            Kind::Json => "JSON",
            Kind::Pdf => "PDF",
        }
    }
}

/// A document's text as read.
#[derive(Debug)]
pub(crate) struct Document {
    /// The name outputs give it: the path as typed.
    pub(crate) name: String,
    pub(crate) kind: Kind,
    /// Its title when it says one (HTML `<title>`, PDF metadata, the first line).
    pub(crate) title: Option<String>,
    pub(crate) text: Text,
    pub(crate) pages: usize,
    /// The year of the document's own date (PDF metadata, Markdown front matter, an
    /// HTML `<meta>` date), for statements in the present tense.
    pub(crate) year: Option<i32>,
}

/// The first non-empty line, as a title.
pub(crate) fn first_line(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(200).collect())
}
