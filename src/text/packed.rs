//! A short ASCII word held as one `u64`: its bytes, little-endian, zero-padded. Most words
//! of news text have at most eight bytes, and a table keyed by the packed word hashes and
//! compares one integer where a string key costs a byte loop and a `memcmp` call.

/// The word packed, when it has one to eight bytes, all ASCII and none NUL (so the
/// padding cannot be mistaken for a byte of the word, and every packed word is one word).
#[inline]
pub fn pack(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    let mut fine = true;
    for (i, &c) in b.iter().enumerate() {
        fine &= c.is_ascii() && c != 0;
        key |= u64::from(c) << (8 * i);
    }
    fine.then_some(key)
}

/// The word [`pack`] packed.
pub fn unpack(key: u64) -> compact_str::CompactString {
    let len = 8 - key.leading_zeros() as usize / 8;
    let bytes = key.to_le_bytes();
    // Every byte of a packed word is ASCII.
    compact_str::CompactString::from_utf8(&bytes[..len]).expect("a packed word is ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ascii_words_pack_and_unpack() {
        for w in ["a", "the", "iran's", "minister", "u.s", "x_2"] {
            let k = pack(w).unwrap();
            assert_eq!(unpack(k), w);
        }
        for w in ["", "ministers", "café", "a\0b"] {
            assert_eq!(pack(w), None, "{w:?}");
        }
        assert_ne!(pack("ab"), pack("ba"));
        assert_ne!(pack("a"), pack("aa"));
    }
}
