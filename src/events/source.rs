//! An export as the analyst holds it, told apart by its content, never by its name: a
//! CSV (`,`, `;` or tab), gzip, a zip of one CSV, a spreadsheet (.xlsx), the ACLED or
//! UCDP API's JSON, or standard input (`-`). Whatever it is becomes one stream of CSV
//! text for the reader; anything else is one error that says what the file looks like.

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver};

use crate::error::{Error, Location, Problem};

use super::convert::{json_to_csv, xlsx_to_csv};
use super::dates::DateOrder;
use super::hashing::{hashing, Digesting};

/// How an export was packed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Container {
    Csv,
    Gzip,
    /// The member of a zip read.
    Zip(String),
    /// The sheet of a workbook read, and every sheet the workbook has.
    Xlsx {
        sheet: String,
        sheets: Vec<String>,
    },
    Json,
}

impl Container {
    /// How outputs say it after the export's kind: nothing for plain CSV, ", gzip",
    /// the member of a zip or the sheet of a workbook read.
    pub(crate) fn describe(&self) -> String {
        match self {
            Container::Csv => String::new(),
            Container::Gzip => ", gzip".into(),
            Container::Zip(member) => format!(", member \"{member}\" of a zip"),
            Container::Xlsx { sheet, .. } => format!(", sheet \"{sheet}\" of a workbook"),
            Container::Json => ", from JSON".into(),
        }
    }
}

/// How to read an export where it cannot tell: the order of its slash dates, which
/// member of a zip, which sheet of a workbook; and whether to skip its SHA-256.
#[derive(Debug, Clone, Default)]
pub(crate) struct Choice {
    pub(crate) date_order: Option<DateOrder>,
    pub(crate) member: Option<String>,
    pub(crate) sheet: Option<String>,
    /// `--no-hash`: outputs name the export without its SHA-256 (a report still takes it).
    pub(crate) skip_hash: bool,
}

/// An opened export: its CSV text as a stream, and what it was.
pub(crate) struct Opened {
    pub(crate) text: Box<dyn Read + Send>,
    pub(crate) container: Container,
    /// Whether a second reading by path finds the same bytes at the same offsets (a
    /// plain CSV file), so left-out rows can be given their lines.
    pub(crate) seekable: bool,
    /// The file's size on disk, for the progress bar; 0 when it is not the text's.
    pub(crate) size: u64,
    /// The text is the file's own bytes and is to be hashed as it is read (`parse`
    /// does, on the pieces it cuts).
    pub(crate) hash_text: bool,
    digesting: Option<Digesting>,
}

impl Opened {
    /// SHA-256 of the file's own bytes (as on disk), once it has been read through and
    /// its text dropped.
    pub(crate) fn hash(&mut self) -> Option<String> {
        self.digesting.as_mut()?.finish()
    }
}

/// A file in UTF-16 (a spreadsheet's "Unicode Text" save): what it is, and the saves
/// that are read.
pub(crate) const UTF16: (&str, &str) = (
    "the file is UTF-16, not UTF-8 or Windows-1252",
    "save the export as \"CSV UTF-8\" or plain \"CSV\" in a spreadsheet's save dialog (both are read), not as \"Unicode Text\"",
);

fn problem(file: &str, message: impl Into<String>, help: impl Into<String>) -> Error {
    Error::Data(vec![Problem::new(message, Location::file(file)).help(help)])
}

/// Whether `path` is a pipe (a FIFO, or `<(zcat export.csv.gz)`): read as a stream,
/// like standard input.
pub(crate) fn is_stream(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Opens the export at `path` (`-`: standard input) and tells what it is.
pub(crate) fn open(path: &Path, choice: &Choice, hash: bool) -> Result<Opened, Error> {
    let file = path.display().to_string();
    let stdin = path.as_os_str() == "-";
    // A pipe is read once, as it flows: never sought, its size unknown.
    let stream = stdin || is_stream(path);
    let raw: Box<dyn Read + Send> = if stdin {
        Box::new(std::io::stdin())
    } else {
        Box::new(File::open(path).map_err(|e| Error::io(format!("cannot read {file}"), e))?)
    };
    let mut raw = BufReader::with_capacity(1 << 16, raw);
    let first = peek(&mut raw).map_err(|e| Error::io(format!("cannot read {file}"), e))?;
    let size = if stream {
        0
    } else {
        std::fs::metadata(path).map_or(0, |m| m.len())
    };
    let mut digesting = None;
    // A container's bytes on disk are hashed as they are read (its text is not them);
    // a plain file's are hashed as its pieces are cut (`hash_text`), with no copy.
    let mut raw: Box<dyn BufRead + Send> = if hash && !plain(&first) {
        let (reader, digest) = hashing(raw);
        digesting = Some(digest);
        Box::new(BufReader::with_capacity(1 << 16, reader))
    } else {
        Box::new(raw)
    };
    let mut opened = |text: Box<dyn Read + Send>, container, seekable: bool| Opened {
        text,
        container,
        seekable,
        size: if seekable { size } else { 0 },
        hash_text: hash && digesting.is_none(),
        digesting: digesting.take(),
    };
    if gzip(&first) {
        let text = flate2::bufread::MultiGzDecoder::new(raw);
        return Ok(opened(Box::new(text), Container::Gzip, false));
    }
    if zip(&first) {
        let mut bytes = Vec::new();
        raw.read_to_end(&mut bytes)
            .map_err(|e| Error::io(format!("cannot read {file}"), e))?;
        let (text, container) = unzip(bytes, choice, &file)?;
        return Ok(opened(text, container, false));
    }
    if utf16(&first) {
        let (message, help) = UTF16;
        return Err(problem(&file, message, help));
    }
    if let Some(what) = not_an_export(&first) {
        return Err(problem(
            &file,
            format!("the file is {what}, not an event export"),
            "give an ACLED or UCDP export: CSV (also gzip or zip), .xlsx, or the API's JSON",
        ));
    }
    if json(&first) {
        let mut bytes = Vec::new();
        raw.read_to_end(&mut bytes)
            .map_err(|e| Error::io(format!("cannot read {file}"), e))?;
        let text = json_to_csv(&bytes).map_err(|why| {
            problem(
                &file,
                why,
                "give the API's response as it came, or a CSV export",
            )
        })?;
        return Ok(opened(Box::new(Cursor::new(text)), Container::Json, false));
    }
    Ok(opened(Box::new(raw), Container::Csv, !stream))
}

/// Whether a file whose first bytes are `first` is read as the text it is (no gzip,
/// zip or JSON around its CSV).
fn plain(first: &[u8]) -> bool {
    !(gzip(first) || zip(first) || json(first))
}

/// Whether the first bytes are gzip's magic number.
fn gzip(first: &[u8]) -> bool {
    first.starts_with(&[0x1F, 0x8B])
}

/// Whether the first bytes open a zip archive (an `.xlsx` too).
fn zip(first: &[u8]) -> bool {
    first.starts_with(b"PK\x03\x04")
}

/// Whether the first bytes open JSON (the API's response).
fn json(first: &[u8]) -> bool {
    first
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{' || *b == b'[')
}

/// The first bytes of `raw`, without consuming them.
fn peek<R: Read>(raw: &mut BufReader<R>) -> std::io::Result<Vec<u8>> {
    Ok(raw.fill_buf()?.to_vec())
}

/// Whether the first bytes are UTF-16 text: a byte-order mark, or ASCII with a zero
/// byte beside every character.
fn utf16(first: &[u8]) -> bool {
    let head = &first[..first.len().min(64) & !1];
    first.starts_with(&[0xFF, 0xFE])
        || first.starts_with(&[0xFE, 0xFF])
        || (head.len() >= 8
            && (head.iter().step_by(2).all(|&b| b == 0)
                || head.iter().skip(1).step_by(2).all(|&b| b == 0)))
}

/// What a file that is no export looks like, from its first bytes.
fn not_an_export(first: &[u8]) -> Option<&'static str> {
    if first.starts_with(b"%PDF") {
        Some("a PDF")
    } else if first.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("an old Excel workbook (.xls: save it as .xlsx or CSV)")
    } else if first.iter().take(4096).any(|&b| b == 0) {
        Some("binary data")
    } else {
        None
    }
}

/// A zip: a workbook (.xlsx is a zip), or a zip of CSV files of which one is read.
fn unzip(
    bytes: Vec<u8>,
    choice: &Choice,
    file: &str,
) -> Result<(Box<dyn Read + Send>, Container), Error> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        problem(
            file,
            format!("not a readable zip: {e}"),
            "re-download the file",
        )
    })?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    if names.iter().any(|n| n == "xl/workbook.xml") {
        let bytes = archive.into_inner().into_inner();
        let (text, sheet, sheets) = xlsx_to_csv(bytes, choice.sheet.as_deref())
            .map_err(|why| problem(file, why, "give --sheet NAME, or save the sheet as CSV"))?;
        return Ok((
            Box::new(Cursor::new(text)),
            Container::Xlsx { sheet, sheets },
        ));
    }
    let csvs: Vec<&String> = names
        .iter()
        .filter(|n| n.to_ascii_lowercase().ends_with(".csv"))
        .collect();
    let member = match (&choice.member, csvs.as_slice()) {
        (Some(wanted), _) if names.contains(wanted) => wanted.clone(),
        (Some(wanted), _) => {
            return Err(problem(
                file,
                format!("no member \"{wanted}\" in the zip"),
                format!("its members: {}", names.join(", ")),
            ))
        }
        (None, [one]) => (*one).clone(),
        (None, []) => {
            return Err(problem(
                file,
                "a zip with no CSV file in it",
                format!("its members: {}", names.join(", ")),
            ))
        }
        (None, several) => {
            let list: Vec<&str> = several.iter().map(|s| s.as_str()).collect();
            return Err(problem(
                file,
                format!("a zip of {} CSV files", several.len()),
                format!("say which with --member NAME: {}", list.join(", ")),
            ));
        }
    };
    Ok((
        Box::new(stream_member(archive, member.clone())),
        Container::Zip(member),
    ))
}

/// The member's bytes as a stream: a thread inflates it in blocks, so memory holds the
/// zip and a few blocks, not the whole CSV.
fn stream_member(mut archive: zip::ZipArchive<Cursor<Vec<u8>>>, member: String) -> Blocks {
    let (send, blocks) = sync_channel::<std::io::Result<Vec<u8>>>(4);
    std::thread::spawn(move || {
        let mut entry = match archive.by_name(&member) {
            Ok(entry) => entry,
            Err(e) => {
                let _ = send.send(Err(std::io::Error::other(e)));
                return;
            }
        };
        loop {
            let mut block = vec![0; 1 << 20];
            match entry.read(&mut block) {
                Ok(0) => return,
                Ok(n) => {
                    block.truncate(n);
                    if send.send(Ok(block)).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = send.send(Err(e));
                    return;
                }
            }
        }
    });
    Blocks {
        blocks,
        current: Cursor::new(Vec::new()),
    }
}

/// Blocks from a thread, read as one stream.
struct Blocks {
    blocks: Receiver<std::io::Result<Vec<u8>>>,
    current: Cursor<Vec<u8>>,
}

impl Read for Blocks {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.current.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            match self.blocks.recv() {
                Ok(block) => self.current = Cursor::new(block?),
                Err(_) => return Ok(0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_file_looks_like() {
        assert_eq!(not_an_export(b"%PDF-1.7"), Some("a PDF"));
        assert_eq!(not_an_export(&[0x1F, 0, 0, 0]), Some("binary data"));
        assert_eq!(not_an_export(b"id,year\n1,2020\n"), None);
    }
}
