//! Cuts an export into pieces of whole records, read in order with plain reads: each
//! piece is split on its own (`table`) and dropped once counted, its buffer read into
//! again (`spare`), so memory stays at a
//! few pieces whatever the file's size (a memory map would hold every page read).
//!
//! A record ends at a line break outside quotes (ACLED notes hold quoted line breaks).
//! Quotes are read as the split reads them: a quote opens a quoted cell only at the
//! start of a cell, `""` inside one is a quote, and a quote inside an unquoted cell
//! (`a 12" mortar`) is text. Every piece starts at a record boundary, outside quotes;
//! a forward scan that jumps from quote to quote (memchr) tells where the last record
//! ends, and resumes where it stopped when a record runs past a read, so a long record
//! or an unclosed quote costs one pass, not one per read.

use std::io::Read;

use super::spare::Spare;

/// The bytes read at a time; a piece is about this long.
pub(crate) const PIECE: usize = 8 << 20;

/// The most line breaks a piece holds.
const MOST_LINES: usize = 200_000;

/// The longest quoted cell accepted: a quote still open this far on is unclosed.
const LONGEST_CELL: usize = 4 * PIECE;

/// Whole records, in file order.
pub(crate) struct Pieces<R> {
    source: R,
    /// The bytes read at a time: [`PIECE`], smaller in tests.
    size: usize,
    delimiter: u8,
    /// Bytes read but not yet handed out: the start of a record cut by the last read.
    carry: Vec<u8>,
    done: bool,
    /// Where in the last piece handed out a quote opens that never closes.
    unclosed: Option<usize>,
    spare: Spare<u8>,
}

impl<R: Read> Pieces<R> {
    pub(crate) fn new(source: R) -> Self {
        Pieces::with_size(source, PIECE)
    }

    /// Pieces of a source whose first bytes, `start`, were already read from it, with
    /// cells separated by `delimiter`.
    pub(crate) fn resume(source: R, start: Vec<u8>, delimiter: u8) -> Self {
        Pieces {
            carry: start,
            delimiter,
            ..Pieces::new(source)
        }
    }

    fn with_size(source: R, size: usize) -> Self {
        Pieces {
            source,
            size,
            delimiter: b',',
            carry: Vec::new(),
            done: false,
            unclosed: None,
            spare: Spare::default(),
        }
    }

    /// Where the buffers of pieces done with go to be read into again.
    pub(crate) fn spare(&self) -> Spare<u8> {
        self.spare.clone()
    }

    /// Where in the last piece handed out a quote opens that never closes: then that
    /// piece is the last.
    pub(crate) fn unclosed(&self) -> Option<usize> {
        self.unclosed
    }

    /// The next run of whole records (the file's last record may lack its line break),
    /// or `None` at the end of the file. A piece holds at most [`MOST_LINES`] line
    /// breaks: a file of empty lines would otherwise give the parser millions of empty
    /// rows at once.
    pub(crate) fn next_piece(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let Some(mut piece) = self.next_whole()? else {
            return Ok(None);
        };
        if self.unclosed.is_some() {
            return Ok(Some(piece));
        }
        // Counting is vectorised; finding the cap is walked, and only needed past it.
        if memchr::memchr_iter(b'\n', &piece).count() <= MOST_LINES {
            return Ok(Some(piece));
        }
        let Some(cap) = memchr::memchr_iter(b'\n', &piece).nth(MOST_LINES) else {
            return Ok(Some(piece));
        };
        // The last record end at or before the cap, outside quotes (the piece starts at
        // a record boundary, so a fresh scan of its start tells).
        let mut scan = Scan::default();
        scan.advance(&piece[..cap + 1], self.delimiter);
        if let Some(end) = scan.last_end.filter(|&end| end < piece.len()) {
            let mut rest = piece.split_off(end);
            rest.append(&mut self.carry);
            self.carry = rest;
            self.done = false;
        }
        Ok(Some(piece))
    }

    fn next_whole(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        let mut piece = std::mem::take(&mut self.carry);
        if piece.len() < self.size {
            let mut buffer = self.spare.take().unwrap_or_default();
            buffer.extend_from_slice(&piece);
            piece = buffer;
        }
        let mut scan = Scan::default();
        // What was put back after a piece was cut at MOST_LINES may hold whole records
        // enough: hand them out before reading more.
        if piece.len() >= self.size {
            scan.advance(&piece, self.delimiter);
            if let Some(end) = scan.last_end {
                self.carry = piece.split_off(end);
                return Ok(Some(piece));
            }
        }
        loop {
            piece.reserve(self.size);
            // Reads into the spare capacity: no zeroing first.
            let read = (&mut self.source)
                .take(self.size as u64)
                .read_to_end(&mut piece)?;
            if read == 0 {
                self.done = true;
                scan.advance(&piece, self.delimiter);
                scan.finish(&piece);
                self.unclosed = scan.quoted.then_some(scan.opened_at);
                return Ok((!piece.is_empty()).then_some(piece));
            }
            scan.advance(&piece, self.delimiter);
            if let Some(end) = scan.last_end {
                self.carry = piece.split_off(end);
                return Ok(Some(piece));
            }
            if scan.quoted && piece.len() - scan.opened_at > LONGEST_CELL {
                self.done = true;
                self.unclosed = Some(scan.opened_at);
                return Ok(Some(piece));
            }
            // One record longer than everything read so far: read on.
        }
    }
}

/// Where a forward scan of bytes that start at a record boundary stands.
#[derive(Debug, Default)]
struct Scan {
    /// The next byte to look at.
    pos: usize,
    quoted: bool,
    /// Where the open quoted cell's quote is, while `quoted`.
    opened_at: usize,
    /// Just past the last line break outside quotes.
    last_end: Option<usize>,
    /// The stretches outside quotes met since `last_end` was last brought up to date.
    outside: Vec<(usize, usize)>,
}

impl Scan {
    /// Scans on to the end of `bytes`, which extend the bytes scanned before.
    fn advance(&mut self, bytes: &[u8], delimiter: u8) {
        while self.pos < bytes.len() {
            let rest = &bytes[self.pos..];
            let Some(k) = memchr::memchr(b'"', rest) else {
                if !self.quoted {
                    self.outside(bytes.len());
                }
                self.pos = bytes.len();
                break;
            };
            let at = self.pos + k;
            if self.quoted {
                match bytes.get(at + 1) {
                    // A doubled quote inside a quoted cell is a quote.
                    Some(b'"') => self.pos = at + 2,
                    // At the end of what is read, the next byte is not known yet.
                    None => break,
                    Some(_) => {
                        self.quoted = false;
                        self.pos = at + 1;
                    }
                }
            } else {
                self.outside(at);
                let starts_cell =
                    at == 0 || matches!(bytes[at - 1], b'\n' | b'\r') || bytes[at - 1] == delimiter;
                // A quote inside an unquoted cell (`a 12" mortar`) is text.
                if starts_cell {
                    self.quoted = true;
                    self.opened_at = at;
                }
                self.pos = at + 1;
            }
        }
        self.settle(bytes);
    }

    /// Brings `last_end` up to date: the last line break in the latest stretch outside
    /// quotes that has one (one backward search, not one per stretch).
    fn settle(&mut self, bytes: &[u8]) {
        while let Some((from, to)) = self.outside.pop() {
            if let Some(n) = memchr::memrchr(b'\n', &bytes[from..to]) {
                self.last_end = Some(from + n + 1);
                break;
            }
        }
        self.outside.clear();
    }

    /// At the end of the file: a quote as the very last byte closes its cell.
    fn finish(&mut self, bytes: &[u8]) {
        if self.quoted && self.pos + 1 == bytes.len() && bytes[self.pos] == b'"' {
            self.quoted = false;
            self.pos = bytes.len();
        }
    }

    /// Notes that `bytes[self.pos..to]` is outside quotes.
    fn outside(&mut self, to: usize) {
        if to > self.pos {
            self.outside.push((self.pos, to));
        }
    }
}

/// Where the last whole record of `bytes` ends (just past its line break), given that
/// `bytes` starts at a record boundary; `None` when no line break in it is outside
/// quotes.
#[cfg(test)]
pub(crate) fn last_record_end(bytes: &[u8]) -> Option<usize> {
    let mut scan = Scan::default();
    scan.advance(bytes, b',');
    scan.last_end
}

/// Where the first record (the header) ends, just past its line break.
pub(crate) fn first_record_end(bytes: &[u8], delimiter: u8) -> usize {
    let mut scan = Scan::default();
    let mut end = 0;
    // Scan line by line until a line break falls outside quotes.
    for line in memchr::memchr_iter(b'\n', bytes) {
        scan.advance(&bytes[..=line], delimiter);
        if !scan.quoted {
            end = line + 1;
            break;
        }
    }
    if end == 0 {
        bytes.len()
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_piece_holds_at_most_its_line_breaks_and_every_byte_is_handed_out() {
        // 450,000 empty lines with a quoted cell of line breaks across the cap.
        let mut text = b"a,b\n".to_vec();
        text.extend(std::iter::repeat_n(b'\n', MOST_LINES - 2));
        text.extend(b"x,\"one\n\n\nnote\"\n");
        text.extend(std::iter::repeat_n(b'\n', 250_000));
        text.extend(b"y,z\n");
        let mut pieces = Pieces::with_size(&text[..], 1 << 20);
        let mut all = Vec::new();
        while let Some(piece) = pieces.next_piece().expect("read") {
            assert!(memchr::memchr_iter(b'\n', &piece).count() <= MOST_LINES + 3);
            assert!(outside_quotes(&piece), "a piece ends outside quotes");
            all.extend(piece);
        }
        assert_eq!(all, text);
    }

    /// Whether `bytes` ends outside quotes, given that it starts outside them.
    fn outside_quotes(bytes: &[u8]) -> bool {
        let mut scan = Scan::default();
        scan.advance(bytes, b',');
        !scan.quoted
    }

    proptest! {
        #[test]
        fn any_cut_rejoins_to_the_file_and_falls_between_records(
            cells in proptest::collection::vec("[a-z,]{0,6}|[a-z]{1,3}\"[a-z ]{0,3}|\"[a-z,\n]{0,6}(\"\"[a-z\n]{0,3})?\"", 1..200),
            size in 1usize..64,
        ) {
            // Records of quoted and unquoted cells, some with line breaks and quotes inside,
            // and stray quotes inside unquoted cells.
            let text: String = cells
                .chunks(3)
                .map(|record| record.join(",") + "\n")
                .collect();
            let mut pieces = Pieces::with_size(text.as_bytes(), size);
            let mut joined = Vec::new();
            while let Some(piece) = pieces.next_piece().expect("read") {
                prop_assert!(!piece.is_empty());
                joined.extend_from_slice(&piece);
                // Every cut is at the end of a record: after a line break outside quotes.
                if joined.len() < text.len() {
                    prop_assert!(joined.ends_with(b"\n") && outside_quotes(&joined), "cut inside a record");
                }
            }
            prop_assert_eq!(joined, text.as_bytes());
        }
    }

    #[test]
    fn the_last_record_end_skips_quoted_line_breaks() {
        assert_eq!(last_record_end(b"a,b\nc,d\ne,"), Some(8));
        assert_eq!(last_record_end(b"a,\"x\ny\"\nc,\"open\nstill"), Some(8));
        assert_eq!(last_record_end(b"a,\"x\ny"), None);
        assert_eq!(last_record_end(b"no break"), None);
        assert_eq!(last_record_end(b"a,\"\"\"q\"\"\"\n"), Some(10));
    }

    #[test]
    fn a_quote_inside_an_unquoted_cell_is_text() {
        // `a 12" mortar` does not open a quoted cell: both line breaks end records.
        assert_eq!(last_record_end(b"1,a 12\" mortar,x\n2,b,y\n"), Some(23));
        assert_eq!(last_record_end(b"1,a 12\" mortar,x\n2,\"open"), Some(17));
        assert_eq!(last_record_end(b"1,a\"b\"c\n"), Some(8));
    }

    #[test]
    fn an_unclosed_quote_is_found_in_one_pass() {
        let mut text = b"id,note\n1,\"never closed\n".to_vec();
        for i in 0..50_000 {
            text.extend_from_slice(format!("{i},plain\n").as_bytes());
        }
        let mut pieces = Pieces::with_size(&text[..], 64);
        let header = pieces.next_piece().expect("read").expect("the header");
        assert_eq!(header, b"id,note\n");
        let piece = pieces.next_piece().expect("read").expect("a piece");
        assert_eq!(
            piece.len() + 8,
            text.len(),
            "everything after the quote is one record"
        );
        assert_eq!(pieces.unclosed(), Some(2));
        assert_eq!(pieces.next_piece().expect("read"), None);
    }

    #[test]
    fn pieces_rejoin_to_the_file_and_cut_only_between_records() {
        let mut text = Vec::new();
        for i in 0..300_000 {
            text.extend_from_slice(
                format!("{i},\"a note, with \"\"quotes\"\" and a\nline break\",x\n").as_bytes(),
            );
        }
        text.extend_from_slice(b"last,\"no final break\",x");
        let mut pieces = Pieces::new(&text[..]);
        let mut joined = Vec::new();
        let mut count = 0;
        while let Some(piece) = pieces.next_piece().expect("read") {
            count += 1;
            let records = piece.split(|&b| b == b'\n').count();
            assert!(piece.starts_with(b"last") || piece[0].is_ascii_digit());
            assert!(records > 1 || piece.starts_with(b"last"));
            joined.extend_from_slice(&piece);
        }
        assert!(count > 1, "{} bytes in {count} pieces", text.len());
        assert_eq!(joined, text);
    }
}
