//! Cuts an export into pieces of whole records, read in order with plain reads: each
//! piece is parsed by polars on its own and dropped once counted, so memory stays at a
//! few pieces whatever the file's size (a memory map would hold every page read).
//!
//! A record ends at a line break outside quotes (ACLED notes hold quoted line breaks).
//! Every piece starts at a record boundary, so outside quotes; the quotes in a piece
//! then say, from its end backwards, which line break is the last one outside quotes.

use std::io::Read;

/// The bytes read at a time; a piece is about this long.
pub(crate) const PIECE: usize = 8 << 20;

/// Whole records, in file order.
pub(crate) struct Pieces<R> {
    source: R,
    /// The bytes read at a time: [`PIECE`], smaller in tests.
    size: usize,
    /// Bytes read but not yet handed out: the start of a record cut by the last read.
    carry: Vec<u8>,
    done: bool,
}

impl<R: Read> Pieces<R> {
    pub(crate) fn new(source: R) -> Self {
        Pieces::with_size(source, PIECE)
    }

    /// Pieces of a source whose first bytes, `start`, were already read from it.
    pub(crate) fn resume(source: R, start: Vec<u8>) -> Self {
        Pieces {
            carry: start,
            ..Pieces::new(source)
        }
    }

    fn with_size(source: R, size: usize) -> Self {
        Pieces {
            source,
            size,
            carry: Vec::new(),
            done: false,
        }
    }

    /// The next run of whole records (the file's last record may lack its line break),
    /// or `None` at the end of the file.
    pub(crate) fn next_piece(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        if self.done {
            return Ok(None);
        }
        let mut piece = std::mem::take(&mut self.carry);
        loop {
            piece.reserve(self.size);
            // Reads into the spare capacity: no zeroing first.
            let read = (&mut self.source)
                .take(self.size as u64)
                .read_to_end(&mut piece)?;
            if read == 0 {
                self.done = true;
                return Ok((!piece.is_empty()).then_some(piece));
            }
            if let Some(end) = last_record_end(&piece) {
                self.carry = piece.split_off(end);
                return Ok(Some(piece));
            }
            // One record longer than everything read so far: read on.
        }
    }
}

/// Where the last whole record of `bytes` ends (just past its line break), given that
/// `bytes` starts outside quotes; `None` when no line break in it is outside quotes.
pub(crate) fn last_record_end(bytes: &[u8]) -> Option<usize> {
    // memchr finds the quotes with SIMD; the backward walk covers only the last, cut
    // record.
    let quotes = memchr::memchr_iter(b'"', bytes).count();
    let mut after = 0;
    for (i, &b) in bytes.iter().enumerate().rev() {
        match b {
            b'"' => after += 1,
            // Outside quotes when the quotes before it are even.
            b'\n' if (quotes - after).is_multiple_of(2) => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Where the first record (the header) ends, just past its line break.
pub(crate) fn first_record_end(bytes: &[u8]) -> usize {
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether `bytes` ends outside quotes, given that it starts outside them.
    fn outside_quotes(bytes: &[u8]) -> bool {
        bytes.iter().filter(|&&b| b == b'"').count() % 2 == 0
    }

    proptest! {
        #[test]
        fn any_cut_rejoins_to_the_file_and_falls_between_records(
            cells in proptest::collection::vec("[a-z,]{0,6}|\"[a-z,\n]{0,6}(\"\"[a-z\n]{0,3})?\"", 1..200),
            size in 1usize..64,
        ) {
            // Records of quoted and unquoted cells, some with line breaks and quotes inside.
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
