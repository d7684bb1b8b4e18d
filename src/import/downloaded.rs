//! A downloaded file as `import` reads it: its bytes (a zip's member when zipped), the
//! SHA-256 of the file as downloaded, the day it was saved, and its text, UTF-8 with or
//! without a byte-order mark, or Windows-1252 with a notice.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::Error;

/// The most bytes of a downloaded file read: the largest public file imported (UCDP's
/// dyadic file, WDI's zip) is a few megabytes.
const LIMIT: u64 = 256 * 1024 * 1024;

const KIND: crate::input::Kind = crate::input::Kind {
    noun: "downloaded files",
    form: "CSV, JSON, zip or tab-separated files",
    limit: LIMIT,
};

/// A downloaded file.
#[derive(Debug, Clone)]
pub(crate) struct Downloaded {
    /// The path as given, for messages: `API_SP.POP.TOTL.zip`, or with the member read
    /// from a zip, `API_SP.POP.TOTL.zip:API_SP.POP.TOTL_DS2_en_csv_v2_1.csv`.
    pub(crate) display: String,
    /// The file's name without its folder (the member's, for a zip).
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
    /// SHA-256 of the file as downloaded (the zip itself for a zip), lower-case hex.
    pub(crate) sha256: String,
    /// The day the file was last written (its download, unless it was edited), as
    /// YYYY-MM-DD; `None` when the system does not say.
    pub(crate) saved: Option<String>,
}

impl Downloaded {
    /// Reads the file at `path`; in a zip, the first member `wanted` accepts.
    pub(crate) fn open(path: &Path, wanted: impl Fn(&str) -> bool) -> Result<Downloaded, Error> {
        let display = path.display().to_string();
        let bytes = crate::input::read_existing(path, &KIND)?;
        let sha256 = crate::digest::hex(Sha256::new_with_prefix(&bytes));
        let saved = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(day_of);
        let name = path
            .file_name()
            .map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
        if !bytes.starts_with(b"PK\x03\x04") {
            return Ok(Downloaded {
                display,
                name,
                bytes,
                sha256,
                saved,
            });
        }
        let (member, bytes) = member(&display, &bytes, wanted)?;
        Ok(Downloaded {
            display: format!("{display}:{member}"),
            name: member,
            bytes,
            sha256,
            saved,
        })
    }

    /// The file's text: UTF-8 (a byte-order mark dropped), or Windows-1252 when it is
    /// not UTF-8, with the notice that says so and where the first such byte is.
    pub(crate) fn text(&self) -> (String, Option<String>) {
        let bytes = self
            .bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&self.bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), None),
            Err(err) => {
                let at = err.valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                let notice = format!(
                    "{}: not UTF-8 (byte 0x{:02X} on line {line}): read as Windows-1252, as a spreadsheet on Windows saves it",
                    self.display, bytes[at]
                );
                (text.into_owned(), Some(notice))
            }
        }
    }
}

/// The first member of the zip `wanted` accepts, with its name.
fn member(
    display: &str,
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
) -> Result<(String, Vec<u8>), Error> {
    let broken = |what: String| Error::Usage(format!("{display}: {what}"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| broken(format!("not a readable zip ({e})")))?;
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    let Some(name) = names.iter().find(|n| wanted(n)).cloned() else {
        return Err(broken(format!(
            "no member of the zip is a file this format reads (members: {})",
            names.join(", ")
        )));
    };
    let mut file = archive
        .by_name(&name)
        .map_err(|e| broken(format!("cannot read {name} in the zip ({e})")))?;
    let mut out = Vec::new();
    (&mut file)
        .take(LIMIT + 1)
        .read_to_end(&mut out)
        .map_err(|e| Error::io(format!("cannot read {display}:{name}"), e))?;
    if out.len() as u64 > LIMIT {
        return Err(broken(format!("{name} holds more than {LIMIT} bytes")));
    }
    Ok((name, out))
}

/// A time as its UTC day.
fn day_of(time: std::time::SystemTime) -> Option<String> {
    let secs = time.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    let when = chrono::DateTime::from_timestamp(i64::try_from(secs).ok()?, 0)?;
    Some(when.format("%Y-%m-%d").to_string())
}

/// Today, as YYYY-MM-DD (UTC).
pub(crate) fn today() -> String {
    day_of(std::time::SystemTime::now()).unwrap_or_default()
}
