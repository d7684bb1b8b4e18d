//! Line numbers for messages about left-out rows and broken bytes. Each left-out row
//! knows where its piece starts (byte offset, first record, and first line when a
//! stream's lines were counted as it was read); for a plain file the lines are found by
//! a second pass that reads only what a message needs: as far as the piece, then on to
//! the row, and only when there is a row to list.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
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

/// The 1-based line of the byte at `offset`: line breaks before it, plus one. Reads the
/// file as far as `offset` only.
pub(crate) fn line_at(path: &Path, offset: u64) -> usize {
    let Ok(file) = std::fs::File::open(path) else {
        return 0;
    };
    let mut reader = BufReader::with_capacity(1 << 16, file.take(offset));
    let mut breaks = 0;
    loop {
        let block = match reader.fill_buf() {
            Ok([]) | Err(_) => break,
            Ok(block) => block,
        };
        breaks += memchr::memchr_iter(b'\n', block).count();
        let length = block.len();
        reader.consume(length);
    }
    1 + breaks
}

/// The 1-based line where data record `record` starts, reading on from `start`. Quoted
/// cells may hold line breaks (ACLED notes), so records end only outside quotes.
pub(crate) fn line_of(path: &Path, start: PieceStart, record: usize) -> Option<usize> {
    // A piece's first line is known when the text was counted as it was read; else the
    // file is read as far as the piece.
    let first_line = match start.line {
        0 => line_at(path, start.offset),
        line => line,
    };
    if record == start.record {
        return Some(first_line);
    }
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(SeekFrom::Start(start.offset)).ok()?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let (mut line, mut current, mut quoted) = (first_line, start.record, false);
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
