//! Line numbers for messages about left-out rows. Reading counts the line breaks of
//! every piece as it parses it, so each left-out row knows where its piece starts (byte
//! offset, line, first record); its own line is then found by reading on from there,
//! at most one piece (about 8 MB) per listed row, and only when there is a row to list.

use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::Path;

/// Where a piece of whole records starts in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PieceStart {
    pub(crate) offset: u64,
    /// The 1-based line of its first byte.
    pub(crate) line: usize,
    /// The data-record number of its first record (1 = the first row after the header).
    pub(crate) record: usize,
}

/// The 1-based line where data record `record` starts, reading on from `start`. Quoted
/// cells may hold line breaks (ACLED notes), so records end only outside quotes.
pub(crate) fn line_of(path: &Path, start: PieceStart, record: usize) -> Option<usize> {
    if record == start.record {
        return Some(start.line);
    }
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(SeekFrom::Start(start.offset)).ok()?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let (mut line, mut current, mut quoted) = (start.line, start.record, false);
    loop {
        let block = match reader.fill_buf() {
            Ok([]) | Err(_) => return None,
            Ok(block) => block,
        };
        let length = block.len();
        for &b in block {
            match b {
                b'"' => quoted = !quoted,
                b'\n' => {
                    line += 1;
                    if !quoted {
                        current += 1;
                        if current == record {
                            return Some(line);
                        }
                    }
                }
                _ => {}
            }
        }
        reader.consume(length);
    }
}
