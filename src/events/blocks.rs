//! Scans of an export's bytes 64 at a time, for the reader's two passes over every
//! piece: where its separators, line breaks and quotes are (`structure`, for the
//! split) and where its first byte that is not ASCII is (`first_non_ascii`, for the
//! encoding). On x86_64 with SSE2, which every such processor has; a byte at a time
//! elsewhere.

/// The separators, line breaks and quotes among the first 64 bytes of `bytes`, as bits.
#[cfg(target_arch = "x86_64")]
pub(crate) fn structure(bytes: &[u8], delimiter: u8) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let Some(block) = bytes.first_chunk::<64>() else {
        return structure_scalar(bytes, delimiter);
    };
    // SAFETY: SSE2 is part of every x86_64 processor, and each load reads 16 of the 64
    // bytes `block` holds.
    unsafe {
        let separator = _mm_set1_epi8(delimiter as i8);
        let line = _mm_set1_epi8(b'\n' as i8);
        let quote = _mm_set1_epi8(b'"' as i8);
        let mut mask = 0u64;
        for k in 0..4 {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * k).cast::<__m128i>());
            let hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, separator), _mm_cmpeq_epi8(v, line)),
                _mm_cmpeq_epi8(v, quote),
            );
            mask |= u64::from(_mm_movemask_epi8(hits) as u16) << (16 * k);
        }
        mask
    }
}

#[cfg(not(target_arch = "x86_64"))]
pub(crate) fn structure(bytes: &[u8], delimiter: u8) -> u64 {
    structure_scalar(bytes, delimiter)
}

/// `structure`, a byte at a time (the end of a piece, and other processors).
fn structure_scalar(bytes: &[u8], delimiter: u8) -> u64 {
    bytes
        .iter()
        .take(64)
        .enumerate()
        .filter(|(_, &b)| b == delimiter || b == b'\n' || b == b'"')
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

/// Where the first byte of `bytes` that is not ASCII is.
pub(crate) fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let start = bytes.chunks_exact(64).take_while(|b| all_ascii(b)).count() * 64;
    let found = bytes[start..].iter().position(|b| !b.is_ascii());
    found.map(|i| start + i)
}

/// Whether the 64 bytes of `block` are all ASCII.
#[cfg(target_arch = "x86_64")]
fn all_ascii(block: &[u8]) -> bool {
    use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128};
    let Some(block) = block.first_chunk::<64>() else {
        return block.is_ascii();
    };
    // SAFETY: SSE2 is part of every x86_64 processor, and each load reads 16 of the 64
    // bytes `block` holds. A byte's high bit is set exactly when it is not ASCII.
    unsafe {
        let at = |k: usize| _mm_loadu_si128(block.as_ptr().add(16 * k).cast::<__m128i>());
        let any = _mm_or_si128(_mm_or_si128(at(0), at(1)), _mm_or_si128(at(2), at(3)));
        _mm_movemask_epi8(any) == 0
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn all_ascii(block: &[u8]) -> bool {
    block.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_block_scans_find_what_a_byte_at_a_time_does(
            bytes in proptest::collection::vec(prop_oneof![
                8 => 0x20u8..0x7F,
                1 => Just(b','), 1 => Just(b'"'), 1 => Just(b'\n'), 1 => 0x80u8..=0xFF,
            ], 0..300),
        ) {
            prop_assert_eq!(first_non_ascii(&bytes), bytes.iter().position(|b| !b.is_ascii()));
            for start in (0..bytes.len()).step_by(64) {
                prop_assert_eq!(structure(&bytes[start..], b','), structure_scalar(&bytes[start..], b','));
            }
        }
    }
}
