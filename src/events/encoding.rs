//! Exports re-saved as Windows-1252. A spreadsheet on Windows saving an export as plain
//! "CSV" writes "Côte d'Ivoire" with the single byte 0xF4, which is no UTF-8. ASCII is
//! the same in both, so a file is read as UTF-8 up to its first byte that is not, and
//! from there on as Windows-1252 when every byte before it was ASCII (then all of it
//! reads the same either way); after a UTF-8 character such a byte is a fault, refused
//! with its place.
//!
//! Pieces of a file are parsed on two workers at once, so a piece holding anything but
//! ASCII waits for the pieces before it to have said what they hold before it is
//! decided; valid UTF-8 is only checked, never decoded, as it was before.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, PoisonError};

use polars::io::csv::read::_csv_read_internal::validate_utf8;

use super::blocks::first_non_ascii;
use super::lines::{column_at, line_breaks};

/// What a run of bytes holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    Ascii,
    /// Valid UTF-8 with a character of several bytes, the first at `first`.
    Utf8 {
        first: usize,
    },
    /// A byte at `at` that is no UTF-8; `first` is the first byte that is not ASCII
    /// (`at` itself, or a UTF-8 character before it).
    NotUtf8 {
        at: usize,
        first: usize,
    },
}

/// What `bytes` hold: one pass that stops at the first byte that is not ASCII, then the
/// UTF-8 check polars runs from there.
pub(crate) fn holds(bytes: &[u8]) -> Holds {
    let Some(first) = first_non_ascii(bytes) else {
        return Holds::Ascii;
    };
    let rest = &bytes[first..];
    if validate_utf8(rest) {
        return Holds::Utf8 { first };
    }
    match std::str::from_utf8(rest) {
        Ok(_) => Holds::Utf8 { first },
        Err(e) => Holds::NotUtf8 {
            at: first + e.valid_up_to(),
            first,
        },
    }
}

/// A piece's bytes and what they hold, found once: the text of a piece that is ASCII or
/// UTF-8 is made from them without checking them again.
pub(crate) struct Checked {
    bytes: Vec<u8>,
    holds: Holds,
}

impl Checked {
    pub(crate) fn new(bytes: Vec<u8>) -> Checked {
        let holds = holds(&bytes);
        Checked { bytes, holds }
    }

    pub(crate) fn holds(&self) -> Holds {
        self.holds
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes as text, when they are ASCII or UTF-8; else the bytes.
    pub(crate) fn into_text(self) -> Result<String, Vec<u8>> {
        if let Holds::NotUtf8 { .. } = self.holds {
            return Err(self.bytes);
        }
        debug_assert!(std::str::from_utf8(&self.bytes).is_ok());
        // SAFETY: `holds` found these bytes, which nothing can have changed since (they
        // are owned here), all ASCII or valid UTF-8: ASCII up to the first byte that is
        // not, and valid UTF-8 from there (checked by polars' validator or the standard
        // library's). A file of a gigabyte would otherwise be checked twice.
        Ok(unsafe { String::from_utf8_unchecked(self.bytes) })
    }
}

/// How a file reads so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// Only ASCII: UTF-8 and Windows-1252 alike.
    Ascii,
    Utf8,
    Cp1252,
}

impl Encoding {
    /// How the file reads after bytes that hold `holds`.
    fn then(self, holds: Holds) -> Encoding {
        match (self, holds) {
            (Encoding::Ascii, Holds::Ascii) => Encoding::Ascii,
            (Encoding::Ascii, Holds::NotUtf8 { at, first }) if at == first => Encoding::Cp1252,
            (Encoding::Ascii, _) => Encoding::Utf8,
            (kept, _) => kept,
        }
    }
}

/// What becomes of a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Parsed as it is: ASCII or UTF-8. `utf8_from`: the file's first UTF-8 character
    /// of several bytes is in this piece, here.
    AsIs { utf8_from: Option<usize> },
    /// Decoded from Windows-1252. `switch`: the file's first byte that is no UTF-8 is
    /// in this piece, here.
    Decode { switch: Option<usize> },
    /// A byte that is no UTF-8, at `at`, after UTF-8 characters: in this piece from
    /// `utf8_from`, or before it.
    Refuse { at: usize, utf8_from: Option<usize> },
}

/// What becomes of a piece holding `holds` in a file that reads as `before` up to it.
pub(crate) fn decide(before: Encoding, holds: Holds) -> Decision {
    match (before, holds) {
        (_, Holds::Ascii) => Decision::AsIs { utf8_from: None },
        (Encoding::Cp1252, _) => Decision::Decode { switch: None },
        (Encoding::Ascii, Holds::Utf8 { first }) => Decision::AsIs {
            utf8_from: Some(first),
        },
        (Encoding::Utf8, Holds::Utf8 { .. }) => Decision::AsIs { utf8_from: None },
        (Encoding::Ascii, Holds::NotUtf8 { at, first }) if at == first => {
            Decision::Decode { switch: Some(at) }
        }
        (Encoding::Ascii, Holds::NotUtf8 { at, first }) => Decision::Refuse {
            at,
            utf8_from: Some(first),
        },
        (Encoding::Utf8, Holds::NotUtf8 { at, .. }) => Decision::Refuse {
            at,
            utf8_from: None,
        },
    }
}

/// Windows-1252 decoded to UTF-8. Every byte is one character (WHATWG's mapping, which
/// has no undefined byte), so [`undecoded`] finds a byte's offset back.
pub(crate) fn decode(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Where the first UTF-8 character of several bytes is in `bytes`, from `from` on: in a
/// file read as Windows-1252, a sign that it mixes the two encodings (Windows-1252 text
/// of a place name or an actor rarely reads as UTF-8: a letter such as "é" is one byte
/// there, which UTF-8 never writes alone).
pub(crate) fn utf8_sequence(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(k) = bytes.get(at..)?.iter().position(|b| *b >= 0xC2) {
        at += k;
        let length = match bytes[at] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if length > 1
            && bytes
                .get(at..at + length)
                .is_some_and(|c| std::str::from_utf8(c).is_ok())
        {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The offset in the file's own bytes of `at` in text that [`decode`] gave.
pub(crate) fn undecoded(text: &[u8], at: usize) -> usize {
    text[..at.min(text.len())]
        .iter()
        .filter(|&&b| !(0x80..0xC0).contains(&b))
        .count()
}

/// The character that starts at `at` in UTF-8 `bytes`.
pub(crate) fn character(bytes: &[u8], at: usize) -> char {
    let end = bytes.len().min(at + 4);
    let window = bytes.get(at..end).unwrap_or_default();
    String::from_utf8_lossy(window)
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// What the byte `byte` is in Windows-1252.
pub(crate) fn cp1252_character(byte: u8) -> char {
    let decoded = decode(&[byte]);
    character(decoded.as_bytes(), 0)
}

/// How a character is named in a message: in quotes, or what it is when invisible.
pub(crate) fn shown(character: char) -> String {
    match character {
        c if c.is_control() || c.is_whitespace() => format!("U+{:04X}", u32::from(c)),
        c => format!("\"{c}\""),
    }
}

/// A byte of the file: its offset, its line (1-based; 0 while a plain file's lines are
/// not counted), its column (0-based), its value and the character it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spot {
    pub(crate) at: u64,
    pub(crate) line: u64,
    pub(crate) column: usize,
    pub(crate) byte: u8,
    pub(crate) character: char,
}

impl Spot {
    /// The byte at `at` of `piece`, which starts `offset` bytes into the file after
    /// `lines` line breaks (those of the header before the first piece; the line is made
    /// the file's as the pieces are put in order).
    pub(crate) fn new(piece: &[u8], at: usize, (offset, lines): (u64, u64), delimiter: u8) -> Spot {
        Spot {
            at: offset + at as u64,
            line: lines + line_breaks(&piece[..at]),
            column: column_at(piece, at, delimiter),
            byte: piece[at],
            character: character(piece, at),
        }
    }

    /// The same byte read as Windows-1252.
    pub(crate) fn cp1252(self) -> Spot {
        Spot {
            character: cp1252_character(self.byte),
            ..self
        }
    }
}

/// How the header reads, and where it holds the file's first UTF-8 character of several
/// bytes or its first byte that is no UTF-8 (read as Windows-1252).
pub(crate) fn header_encoding(
    header: &[u8],
    delimiter: u8,
) -> (Encoding, Option<Spot>, Option<Spot>) {
    let spot = |at: usize| Spot::new(header, at, (0, 1), delimiter);
    match holds(header) {
        Holds::Ascii => (Encoding::Ascii, None, None),
        Holds::NotUtf8 { at, first } if at == first => {
            (Encoding::Cp1252, None, Some(spot(at).cp1252()))
        }
        // A header mixing both is refused as the header is read.
        Holds::Utf8 { first } | Holds::NotUtf8 { first, .. } => {
            (Encoding::Utf8, Some(spot(first)), None)
        }
    }
}

/// The pieces' encodings told in file order, whatever order the workers take them in.
pub(crate) struct InOrder {
    fold: Mutex<Fold>,
    turn: Condvar,
}

struct Fold {
    /// Pieces `0..settled` are told, and the file reads as `encoding` after them.
    settled: usize,
    encoding: Encoding,
    /// Pieces told ahead of one still being looked at.
    ahead: BTreeMap<usize, Holds>,
}

impl Fold {
    fn record(&mut self, index: usize, holds: Holds) {
        if index < self.settled || self.ahead.contains_key(&index) {
            return;
        }
        self.ahead.insert(index, holds);
        while let Some(holds) = self.ahead.remove(&self.settled) {
            self.encoding = self.encoding.then(holds);
            self.settled += 1;
        }
    }
}

impl InOrder {
    /// For a file whose header reads as `header`.
    pub(crate) fn new(header: Encoding) -> InOrder {
        InOrder {
            fold: Mutex::new(Fold {
                settled: 0,
                encoding: header,
                ahead: BTreeMap::new(),
            }),
            turn: Condvar::new(),
        }
    }

    /// How the file reads before piece `index`, which holds `holds`, and tells what it
    /// holds to the pieces after it. A piece of ASCII reads the same whatever comes
    /// before it and never waits; any other waits for the pieces before it, which the
    /// workers took earlier and tell as soon as they have looked at them.
    pub(crate) fn before(&self, index: usize, holds: Holds) -> Encoding {
        let mut fold = self.fold.lock().unwrap_or_else(PoisonError::into_inner);
        if holds != Holds::Ascii {
            while fold.settled < index {
                fold = self.turn.wait(fold).unwrap_or_else(PoisonError::into_inner);
            }
        }
        let before = fold.encoding;
        fold.record(index, holds);
        self.turn.notify_all();
        before
    }

    /// Piece `index` failed before it was told: the pieces after it need not wait for
    /// it (reading stops at it anyway).
    pub(crate) fn release(&self, index: usize) {
        let mut fold = self.fold.lock().unwrap_or_else(PoisonError::into_inner);
        fold.record(index, Holds::Ascii);
        self.turn.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_bytes_hold() {
        assert_eq!(holds(b"plain, ascii\n"), Holds::Ascii);
        assert_eq!(holds("S\u{e9}gou".as_bytes()), Holds::Utf8 { first: 1 });
        assert_eq!(holds(b"S\xe9gou"), Holds::NotUtf8 { at: 1, first: 1 });
        let mixed = [b"caf".as_slice(), "\u{e9}".as_bytes(), b" S\xe9gou"].concat();
        assert_eq!(holds(&mixed), Holds::NotUtf8 { at: 7, first: 3 });
        // Far past the first block.
        let mut long = vec![b'a'; 10_000];
        long.push(0xF4);
        assert_eq!(
            holds(&long),
            Holds::NotUtf8 {
                at: 10_000,
                first: 10_000
            }
        );
        // A sequence cut off at the end is no UTF-8.
        assert_eq!(holds(b"ab\xc3"), Holds::NotUtf8 { at: 2, first: 2 });
    }

    #[test]
    fn windows_1252_is_read_only_where_everything_before_was_ascii() {
        let latin = Holds::NotUtf8 { at: 4, first: 4 };
        let mixed = Holds::NotUtf8 { at: 9, first: 2 };
        let utf8 = Holds::Utf8 { first: 2 };
        assert_eq!(
            decide(Encoding::Ascii, latin),
            Decision::Decode { switch: Some(4) }
        );
        assert_eq!(
            decide(Encoding::Cp1252, utf8),
            Decision::Decode { switch: None },
            "the rest of a Windows-1252 file is Windows-1252"
        );
        assert_eq!(
            decide(Encoding::Utf8, latin),
            Decision::Refuse {
                at: 4,
                utf8_from: None
            }
        );
        assert_eq!(
            decide(Encoding::Ascii, mixed),
            Decision::Refuse {
                at: 9,
                utf8_from: Some(2)
            }
        );
        assert_eq!(
            decide(Encoding::Ascii, utf8),
            Decision::AsIs { utf8_from: Some(2) }
        );
    }

    #[test]
    fn decoded_text_finds_its_bytes_back() {
        let text = decode(b"C\xf4te d'Ivoire, S\xe9gou \x92x\x92");
        assert_eq!(text, "Côte d'Ivoire, Ségou \u{2019}x\u{2019}");
        // The last quote is three bytes in UTF-8 and one in the file.
        let at = text.len() - 3;
        assert_eq!(undecoded(text.as_bytes(), at), 23, "the last quote's byte");
        assert_eq!(cp1252_character(0xE9), 'é');
        // "Ã©" in Windows-1252 is the two bytes of UTF-8 "é"; "é" alone is one byte.
        assert_eq!(utf8_sequence(b"C\xf4te, C\xc3\xa9te", 0), Some(7));
        assert_eq!(
            utf8_sequence(b"C\xc3\xa9te", 2),
            None,
            "from where it is asked"
        );
        assert_eq!(utf8_sequence(b"S\xe9gou \xc3x \xe2\x80", 0), None);
        assert_eq!(cp1252_character(0x81), '\u{81}', "no byte is undefined");
    }

    #[test]
    fn pieces_told_out_of_order_are_decided_in_order() {
        let order = std::sync::Arc::new(InOrder::new(Encoding::Ascii));
        // Piece 2 holds UTF-8 and waits until 0 (ASCII) and 1 (Windows-1252) are told.
        let waiting = {
            let order = order.clone();
            std::thread::spawn(move || order.before(2, Holds::Utf8 { first: 0 }))
        };
        assert_eq!(order.before(0, Holds::Ascii), Encoding::Ascii);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(
            order.before(1, Holds::NotUtf8 { at: 3, first: 3 }),
            Encoding::Ascii
        );
        assert_eq!(waiting.join().expect("no panic"), Encoding::Cp1252);
    }
}
