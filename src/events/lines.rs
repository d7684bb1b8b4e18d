//! Line numbers (and columns) for messages about left-out rows and broken bytes. Each left-out row
//! knows where its piece starts (byte offset, first record, and first line when a
//! stream's lines were counted as it was read); for a plain file the lines are found by
//! a second pass that reads only what a message needs: as far as the piece, then on to
//! the row, and only when there is a row to list.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// The line breaks in `bytes`, quoted ones too.
pub(crate) fn line_breaks(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// The column (0-based) of the record at `at` in `bytes`, which starts at a record.
pub(crate) fn column_at(bytes: &[u8], at: usize, delimiter: u8) -> usize {
    // Quotes as the parser reads them: one opens a quoted cell only at a cell's start.
    let (mut column, mut quoted, mut starts_cell) = (0, false, true);
    let mut i = 0;
    while i < at.min(bytes.len()) {
        let b = bytes[i];
        if quoted {
            match (b, bytes.get(i + 1)) {
                (b'"', Some(b'"')) => i += 1,
                (b'"', _) => quoted = false,
                _ => {}
            }
        } else {
            match b {
                b'"' if starts_cell => quoted = true,
                b if b == delimiter => column += 1,
                b'\n' => column = 0,
                _ => {}
            }
        }
        starts_cell = !quoted && (b == delimiter || b == b'\n');
        i += 1;
    }
    column
}

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
    lines_at(path, &[offset]).first().copied().unwrap_or(0)
}

/// The 1-based line where each asked-for data record starts, given where its piece
/// starts. Pieces whose first line was not counted as the file was read get it from one
/// pass over the file, as far as the last of them; each record is then found by reading
/// on from its piece. Records end at line breaks outside quoted cells, a quote opening a
/// cell only at the cell's start (as the reader cuts them).
pub(crate) fn lines_of(
    path: &Path,
    delimiter: u8,
    rows: &[(PieceStart, usize)],
) -> Vec<Option<usize>> {
    let mut offsets: Vec<u64> = rows
        .iter()
        .filter(|(start, _)| start.line == 0)
        .map(|(start, _)| start.offset)
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let firsts = lines_at(path, &offsets);
    rows.iter()
        .map(|&(start, record)| {
            let line = match start.line {
                0 => firsts
                    .get(offsets.binary_search(&start.offset).ok()?)
                    .copied()?,
                line => line,
            };
            line_in_piece(path, delimiter, PieceStart { line, ..start }, record)
        })
        .collect()
}

/// The 1-based lines of the bytes at `offsets` (ascending), in one pass as far as the last.
fn lines_at(path: &Path, offsets: &[u64]) -> Vec<usize> {
    let Some(&last) = offsets.last() else {
        return Vec::new();
    };
    let Ok(file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let mut reader = BufReader::with_capacity(1 << 16, file.take(last));
    let (mut read, mut breaks, mut out) = (0u64, 0usize, Vec::with_capacity(offsets.len()));
    let mut next = offsets.iter().peekable();
    loop {
        let block = match reader.fill_buf() {
            Ok([]) | Err(_) => break,
            Ok(block) => block,
        };
        let length = block.len() as u64;
        while let Some(&&at) = next.peek() {
            if at > read + length {
                break;
            }
            let within = (at - read) as usize;
            out.push(1 + breaks + memchr::memchr_iter(b'\n', &block[..within]).count());
            next.next();
        }
        breaks += memchr::memchr_iter(b'\n', block).count();
        read += length;
        reader.consume(length as usize);
    }
    // Offsets at the very end of what was read.
    while next.next().is_some() {
        out.push(1 + breaks);
    }
    out
}

/// The line of `record`, reading on from its piece, whose first line is known.
fn line_in_piece(path: &Path, delimiter: u8, start: PieceStart, record: usize) -> Option<usize> {
    if record == start.record {
        return Some(start.line);
    }
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(SeekFrom::Start(start.offset)).ok()?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let (mut line, mut current) = (start.line, start.record);
    let (mut quoted, mut starts_cell, mut after_quote) = (false, true, false);
    loop {
        let block = match reader.fill_buf() {
            Ok([]) | Err(_) => return None,
            Ok(block) => block,
        };
        let length = block.len();
        for &b in block {
            if quoted {
                // A quote closes the cell unless the next byte is a quote too.
                if after_quote {
                    after_quote = false;
                    if b != b'"' {
                        quoted = false;
                    }
                } else if b == b'"' {
                    after_quote = true;
                }
            }
            if !quoted {
                if b == b'"' && starts_cell {
                    quoted = true;
                }
                if b == b'\n' {
                    current += 1;
                    if current == record {
                        return Some(line + 1);
                    }
                }
                starts_cell = b == delimiter || b == b'\n';
            }
            if b == b'\n' {
                line += 1;
            }
        }
        reader.consume(length);
    }
}
