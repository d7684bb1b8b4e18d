//! PDF: the text of each page, as pdf-extract reads it (columns in the order the page
//! draws them, line breaks kept). An encrypted PDF, one with no text layer (a scan) and
//! one the reader cannot parse are each one clear error.

use crate::error::{Error, Location, Problem};

use super::pdf_worker;
use super::read::{Document, Kind};
use super::text::Text;

fn problem(name: &str, message: impl Into<String>, help: &str) -> Error {
    Error::Data(vec![Problem::new(message, Location::file(name)).help(help)])
}

/// Reads a PDF's pages into text, each line placed by page, line and column.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<Document, Error> {
    if bytes.windows(8).any(|w| w == b"/Encrypt") {
        return Err(problem(
            name,
            "encrypted PDF: its text cannot be read without the password",
            "save a copy without protection (e.g. `qpdf --decrypt in.pdf out.pdf`) and give that",
        ));
    }
    let parsed = pdf_worker::parse(bytes).map_err(|why| {
        problem(
            name,
            format!("unreadable PDF: {why}"),
            "open it in a PDF viewer and save or print it again as PDF, or give the report as HTML or text",
        )
    })?;
    let pages = parsed.pages;
    let mut text = Text::default();
    for (p, page) in pages.iter().enumerate() {
        let number = u32::try_from(p + 1).unwrap_or(u32::MAX);
        for (l, line) in page.lines().enumerate() {
            text.push_line(line, number, u32::try_from(l + 1).unwrap_or(u32::MAX));
        }
        // A page break ends a paragraph only where the text says so: a blank line.
    }
    if text.text.trim().is_empty() {
        return Err(problem(
            name,
            format!(
                "no text in this PDF ({} page{}): a scanned document has only images",
                pages.len(),
                if pages.len() == 1 { "" } else { "s" }
            ),
            "run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`) and give the result",
        ));
    }
    let (title, year) = metadata(parsed.title, parsed.created);
    let title = title.or_else(|| pages.iter().find_map(|p| first_words(p)));
    Ok(Document {
        name: name.to_string(),
        kind: Kind::Pdf,
        title,
        text: text.join_hyphenated(),
        pages: pages.len(),
        year,
    })
}

/// The Title of the PDF's metadata and the year of its CreationDate, when it has them.
fn metadata(title: Option<String>, date: Option<String>) -> (Option<String>, Option<i32>) {
    let title = title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && t != "untitled");
    // "D:20250724091500+02'00'"
    let year = date.and_then(|d| {
        let digits: String = d.trim_start_matches("D:").chars().take(4).collect();
        digits
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2100).contains(y))
    });
    (title, year)
}

/// The first line of a page that reads as words (not a page number or a note).
fn first_words(page: &str) -> Option<String> {
    page.lines()
        .map(str::trim)
        .find(|l| {
            l.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !l.starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|l| l.chars().take(200).collect())
}
