//! A document as a reviewer holds it, told apart by its content (not its name): plain
//! text, Markdown, HTML or PDF, read into normalised text with the place of every
//! character. A document that has no text to read (empty, binary, a scanned or
//! encrypted PDF, too large) is one error saying what it is and what would do.

use std::path::Path;

use crate::error::{Error, Location, Problem};

use super::read::{first_line, Document, Kind};
use super::text::Text;
use super::{html, json, markdown, pdf};

/// The largest document read: far above any report, far below what would hang a run.
pub(crate) const MAX_BYTES: u64 = 64 * 1024 * 1024;

fn problem(name: &str, message: impl Into<String>, help: &str) -> Error {
    Error::Data(vec![Problem::new(message, Location::file(name)).help(help)])
}

/// Whether the file at `path` is a document rather than a claim file: not a directory,
/// not `-`, and not TOML with a `[document]` or `[[claim]]` table.
pub(crate) fn is_document(path: &Path) -> bool {
    if path.as_os_str() == "-" || path.is_dir() || !path.is_file() {
        return false;
    }
    if path.extension().is_some_and(|e| e == "toml") {
        return false;
    }
    let Ok(bytes) = read_head(path) else {
        return true;
    };
    let head = String::from_utf8_lossy(&bytes);
    !head
        .lines()
        .any(|l| matches!(l.trim(), "[document]" | "[[claim]]"))
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)?
        .take(64 * 1024)
        .read_to_end(&mut head)?;
    Ok(head)
}

/// Reads the document at `path`.
pub(crate) fn read(path: &Path) -> Result<Document, Error> {
    let name = path.display().to_string();
    let bytes = crate::input::read_existing(
        path,
        &crate::input::Kind {
            noun: "documents",
            form: "text, Markdown, HTML or PDF files",
            limit: MAX_BYTES,
        },
    )?;
    let doc = from_bytes(&name, &bytes)?;
    if doc.text.text.len() > MAX_TEXT {
        return Err(problem(
            &name,
            format!(
                "too much text: {:.1} MB; documents of up to {} MB of text are read",
                doc.text.text.len() as f64 / 1e6,
                MAX_TEXT / 1024 / 1024
            ),
            "split the document, or give the part that states the figures",
        ));
    }
    Ok(doc)
}

/// The most text a document may hold once read (a 1,000-page report holds about 3 MB):
/// reading takes about 60 bytes of memory per byte of text.
pub(crate) const MAX_TEXT: usize = 16 * 1024 * 1024;

/// Reads a document from its bytes; `name` is how messages and places name it.
pub(crate) fn from_bytes(name: &str, bytes: &[u8]) -> Result<Document, Error> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(problem(
            name,
            "empty: the document has no text",
            "give the report itself (text, Markdown, HTML or PDF)",
        ));
    }
    if bytes.starts_with(b"%PDF-")
        || bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return pdf::read(name, bytes);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(problem(
            name,
            "UTF-16 text",
            "save the document as UTF-8 (in most editors: Save as, encoding UTF-8)",
        ));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(not_text(name, bytes));
    };
    if text.contains('\0') {
        return Err(not_text(name, bytes));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (kind, mut read, title) = if json::looks_like(text) {
        (Kind::Json, json::read(text), None)
    } else if looks_like_html(text) {
        let (read, title) = html::read(text);
        (Kind::Html, read, title)
    } else if markdown::looks_like(text) {
        (Kind::Markdown, markdown::read(text), markdown::title(text))
    } else {
        let mut read = Text::default();
        for (i, line) in text.lines().enumerate() {
            read.push_line(line, 0, u32::try_from(i + 1).unwrap_or(u32::MAX));
        }
        (Kind::Text, read, first_line(text))
    };
    read = read.join_hyphenated();
    if read.text.trim().is_empty() {
        return Err(problem(
            name,
            format!("empty: the {} document has no text", kind.id()),
            "give the report itself (text, Markdown, HTML or PDF)",
        ));
    }
    Ok(Document {
        name: name.to_string(),
        kind,
        title,
        text: read,
        pages: 1,
        year: stated_date(text),
    })
}

/// The year of a text document's own date: a `date:` line of Markdown front matter, an
/// HTML `<meta>` publication date.
fn stated_date(text: &str) -> Option<i32> {
    let head: String = text.chars().take(64 * 1024).collect();
    let front = head
        .strip_prefix("---\n")
        .and_then(|rest| rest.split("\n---").next())
        .and_then(|fm| {
            fm.lines().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                matches!(k.trim(), "date" | "published" | "updated" | "lastmod")
                    .then(|| v.trim().to_string())
            })
        });
    let meta = || {
        let at = head
            .find("published_time")
            .or_else(|| head.find("name=\"date\""))?;
        let rest = &head[at..];
        let content = rest.find("content=\"")? + 9;
        Some(rest[content..].chars().take(10).collect::<String>())
    };
    let date = front.or_else(meta)?;
    let digits: String = date.trim_matches(['"', '\'']).chars().take(4).collect();
    digits
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let start = head.trim_start();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || head.contains("<body")
        || (start.starts_with('<')
            && ["<p>", "<p ", "<div", "<article", "<section", "<span"]
                .iter()
                .any(|t| head.contains(t)))
}

/// A file that is not text: what it looks like, when its first bytes tell.
fn not_text(name: &str, bytes: &[u8]) -> Error {
    let what = match bytes {
        [0x50, 0x4B, 0x03, 0x04, ..] => "a ZIP archive (a .docx or .xlsx is one)",
        [0x89, b'P', b'N', b'G', ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [0x1F, 0x8B, ..] => "gzip-compressed data",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "an old Office file (.doc or .xls)",
        _ => "binary data",
    };
    problem(
        name,
        format!("not a document: {what}, not text, HTML or PDF"),
        "save the report as PDF, HTML or plain text (UTF-8) and give that file",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(bytes: &[u8]) -> String {
        match from_bytes("doc", bytes) {
            Err(Error::Data(p)) => p[0].to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_documents_say_what_they_are() {
        assert!(message(b"  \n").contains("empty"));
        assert!(message(&[0x89, b'P', b'N', b'G', 0, 1, 2]).contains("PNG"));
        assert!(message(&[0xFF, 0xFE, b'a', 0]).contains("UTF-16"));
        assert!(message(b"abc\0def").contains("binary"));
        assert!(message(b"<html><body><p> </p></body></html>").contains("empty"));
    }

    proptest::proptest! {
        /// Any text, HTML or Markdown reads without a panic, and every statement drafted
        /// from it stands inside the document.
        #[test]
        fn any_document_reads(
            text in "(<p>|</p>|<sup>|&#8239;|&nbsp;|&amp;|# |\\*\\*|\\[\\^|[ a-zA-Zİ²é0-9,.;:%'\\n\u{2009}\u{2212}-]){0,80}"
        ) {
            let data = crate::data::load(&crate::data::DataChoice::Embedded).unwrap();
            let (hedges, from) = crate::extract::lexicon::hedges(None).unwrap();
            let lexicon = crate::extract::lexicon::Lexicon::new(&data, hedges, from);
            if let Ok(doc) = from_bytes("doc", text.as_bytes()) {
                let lines = text.lines().count().max(1) as u32;
                let x = crate::extract::extract(&data, doc, &lexicon);
                for s in &x.statements {
                    proptest::prop_assert!(s.at.line >= 1 && s.at.line <= lines + 1, "{:?}", s.at);
                }
                let drafted = crate::render::draft::toml(&x);
                proptest::prop_assert!(drafted.parse::<toml::Table>().is_ok(), "{drafted}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// What `extract` writes, `check` reads: control characters (a terminal escape,
        /// a NUL, a C1 code) and numbers too long to be counts never make a claim file
        /// `check` refuses.
        #[test]
        fn what_extract_writes_check_reads(
            text in "([\u{0}\u{7}\u{1b}\u{7f}\u{9b}\r]|JNIM has |about |fighters|one militant for every |people|[0-9]{310}|[0-9]{1,6}|, |\\. |\\n){0,40}"
        ) {
            let data = crate::data::load(&crate::data::DataChoice::Embedded).unwrap();
            let (hedges, from) = crate::extract::lexicon::hedges(None).unwrap();
            let lexicon = crate::extract::lexicon::Lexicon::new(&data, hedges, from);
            if let Ok(doc) = from_bytes("doc\u{1b}[31m.txt", text.as_bytes()) {
                let x = crate::extract::extract(&data, doc, &lexicon);
                let drafted = crate::render::draft::toml(&x);
                let mut problems = Vec::new();
                let mut seen = Vec::new();
                let read = crate::claims::parse::read("drafted.toml", &drafted, &data, &mut seen, &mut problems);
                proptest::prop_assert!(read.is_some() && problems.is_empty(), "{problems:?}\n{drafted}");
                proptest::prop_assert!(!drafted.contains('\u{1b}'), "{drafted}");
            }
        }
    }

    #[test]
    fn kinds_are_told_apart_by_content() {
        let kind = |t: &str| from_bytes("d", t.as_bytes()).unwrap().kind;
        assert_eq!(kind("<!DOCTYPE html><p>one</p>"), Kind::Html);
        assert_eq!(kind("# Title\n\nSome **bold** text."), Kind::Markdown);
        assert_eq!(kind("Plain words, 8,000 of them."), Kind::Text);
        // An article body without <html>, Markdown with front matter, text with one "](".
        assert_eq!(
            kind("<div class=\"x\"><p class=\"lead\">8,000 fighters</p></div>"),
            Kind::Html
        );
        assert_eq!(kind("---\ntitle: x\n---\nSome text."), Kind::Markdown);
        assert_eq!(
            kind("Plain text with one odd ](bracket) in it."),
            Kind::Text
        );
        assert_eq!(kind("{\"a\": {\"text\": \"8,000 fighters\"}}"), Kind::Json);
    }
}
