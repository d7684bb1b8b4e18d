//! The ids of the events counted so far, so that an event found again (in another file
//! or in the same one) is counted once.
//!
//! Ids come in one form in both sources: a few letters and a number without leading
//! zeros (ACLED's `MLI1234`, UCDP's `431`), numbered in sequence within the letters.
//! Such an id is one bit in a bitset of its letters, exact and next to its
//! neighbours in memory (a hash set of two million ids is a cache miss per event). Any
//! other id is kept as a 128-bit keyed hash (`IdKeys`); the two never meet, since an id
//! of the usual form always goes to its bitset.

use polars::prelude::{PlHashMap, PlHashSet};

use super::event::IdKeys;

/// The longest letters of an id kept in a bitset (they are packed in a word).
const LETTERS: usize = 8;

/// The largest number kept in a bitset, past which an id is hashed: 16 MB of bits.
const LARGEST: u64 = 1 << 27;

/// The most words all bitsets hold together (512 MB of bits): a file of many letters
/// with large numbers fills them no further, and the ids beyond are hashed.
const BUDGET: usize = 1 << 26;

/// The ids seen.
pub(crate) struct Seen {
    /// The bitset of each run of letters, by the letters packed in a word.
    letters: PlHashMap<u64, usize>,
    bitsets: Vec<Bitset>,
    /// The letters and bitset of the last id: exports run in one country's ids.
    last: Option<(u64, usize)>,
    /// Words held by all bitsets.
    words: usize,
    other: PlHashSet<u128>,
    keys: IdKeys,
}

struct Bitset {
    words: Vec<u64>,
    /// Set once the budget refused this bitset room: numbers past its end are hashed
    /// from then on, and it never grows again (so no number is ever in both places).
    full: bool,
}

impl Seen {
    pub(crate) fn new() -> Seen {
        Seen {
            letters: PlHashMap::default(),
            bitsets: Vec::new(),
            last: None,
            words: 0,
            other: PlHashSet::default(),
            keys: IdKeys::new(),
        }
    }

    /// Notes `id`; whether it is new.
    pub(crate) fn insert(&mut self, id: &str) -> bool {
        match usual(id) {
            Some((letters, number)) => {
                let set = self.bitset(letters);
                let (word, bit) = ((number / 64) as usize, number % 64);
                if word >= self.bitsets[set].words.len() && !self.grow(set, word) {
                    return self.other.insert(self.keys.of(id));
                }
                let slot = &mut self.bitsets[set].words[word];
                let new = *slot & (1 << bit) == 0;
                *slot |= 1 << bit;
                new
            }
            None => self.other.insert(self.keys.of(id)),
        }
    }

    fn bitset(&mut self, letters: u64) -> usize {
        if let Some((last, set)) = self.last {
            if last == letters {
                return set;
            }
        }
        let next = self.bitsets.len();
        let set = *self.letters.entry(letters).or_insert(next);
        if set == next {
            self.bitsets.push(Bitset {
                words: Vec::new(),
                full: false,
            });
        }
        self.last = Some((letters, set));
        set
    }

    /// Makes room in bitset `set` for `word`, within the budget; whether it did.
    fn grow(&mut self, set: usize, word: usize) -> bool {
        let bitset = &mut self.bitsets[set];
        if bitset.full {
            return false;
        }
        let length = (word + 1).max(bitset.words.len() * 2).max(64);
        let wanted = length - bitset.words.len();
        if self.words + wanted > BUDGET {
            bitset.full = true;
            return false;
        }
        self.words += wanted;
        bitset.words.resize(length, 0);
        true
    }
}

/// The letters (packed in a word) and the number of an id of the usual form: at most
/// [`LETTERS`] bytes that are no digits, then digits without a leading zero, the number
/// at most [`LARGEST`].
fn usual(id: &str) -> Option<(u64, u64)> {
    let bytes = id.as_bytes();
    let split = bytes.iter().position(u8::is_ascii_digit)?;
    let (letters, digits) = bytes.split_at(split);
    if letters.len() > LETTERS || digits.len() > 9 || (digits[0] == b'0' && digits.len() > 1) {
        return None;
    }
    let mut number = 0u64;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        number = number * 10 + u64::from(d - b'0');
    }
    if number > LARGEST {
        return None;
    }
    let mut packed = [0u8; LETTERS];
    packed[..letters.len()].copy_from_slice(letters);
    // The length goes in too: letters of NUL bytes are not those of none.
    Some((
        u64::from_le_bytes(packed) ^ (letters.len() as u64) << 59,
        number,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_usual_form_and_the_rest() {
        assert_eq!(usual("MLI12").map(|(_, n)| n), Some(12));
        assert_eq!(usual("431").map(|(_, n)| n), Some(431));
        assert_eq!(usual("0").map(|(_, n)| n), Some(0));
        assert_eq!(
            usual("MLI012"),
            None,
            "a leading zero is another id than MLI12"
        );
        assert_eq!(usual("MLI12a"), None);
        assert_eq!(usual("ABCDEFGHI1"), None, "nine letters");
        assert_eq!(usual("X9999999999"), None);
        assert_eq!(usual("x"), None);
        assert_ne!(usual("A1"), usual("B1"));
    }

    #[test]
    fn a_bitset_refused_room_hashes_what_lies_past_it() {
        let mut seen = Seen::new();
        assert!(seen.insert("MLI5"));
        assert!(!seen.insert("MLI5"));
        // Out of budget: what no bitset can hold is hashed, and found again there.
        seen.words = BUDGET;
        assert!(seen.insert("MLI100000"));
        assert!(!seen.insert("MLI100000"));
        assert!(seen.insert("BFA7"));
        assert!(!seen.insert("BFA7"));
        assert!(!seen.insert("MLI5"), "a bit set before stays set");
        assert!(seen.insert("MLI6"));
    }

    proptest! {
        #[test]
        fn an_id_is_new_exactly_once(
            ids in proptest::collection::vec("(MLI|BFA|NER|ABCDEFGH|)0?[0-9]{1,4}x?", 1..300),
        ) {
            let mut seen = Seen::new();
            let mut set = std::collections::HashSet::new();
            for id in &ids {
                prop_assert_eq!(seen.insert(id), set.insert(id.clone()), "{}", id);
            }
        }
    }
}
