//! A short ASCII word held as one `u64`: its bytes, little-endian, zero-padded. Most words
//! of news text have at most eight bytes, and a table keyed by the packed word hashes and
//! compares one integer where a string key costs a byte loop and a `memcmp` call.

/// The word packed, when it has one to eight bytes, all ASCII and none NUL (so the
/// padding cannot be mistaken for a byte of the word, and every packed word is one word).
/// Read in at most two loads, without a loop: this runs for nearly every word.
#[inline]
pub fn pack(word: &str) -> Option<u64> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = word.as_bytes();
    let n = b.len();
    let key = match n {
        // The first, middle and last bytes: every byte of a word of up to three.
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        // The first four bytes and the last four, overlapping in the middle.
        4..=8 => {
            let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        _ => return None,
    };
    // The high bit of each zero byte (exact: no borrow crosses between bytes), among the
    // word's own `n` bytes.
    let zeros = !((key & !HIGH).wrapping_add(!HIGH) | key) & HIGH;
    let own = HIGH >> (8 * (8 - n));
    (key & HIGH == 0 && zeros & own == 0).then_some(key)
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
    fn packing_is_the_bytes_in_order() {
        // Every length, with bytes that differ at each position, against a byte loop.
        let bytes: Vec<u8> = (1..=10u8).map(|i| b'a' + i).collect();
        for n in 0..=10 {
            let w = std::str::from_utf8(&bytes[..n]).unwrap();
            let by_loop = (1..=8).contains(&n).then(|| {
                w.bytes()
                    .enumerate()
                    .fold(0u64, |k, (i, c)| k | u64::from(c) << (8 * i))
            });
            assert_eq!(pack(w), by_loop, "{w:?}");
        }
    }

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
        assert_eq!(pack("\0a"), None);
        assert_eq!(pack("abcdefg\0"), None);
        assert_eq!(pack("abc\u{7f}"), Some(0x7f63_6261));
        assert_ne!(pack("a"), pack("aa"));
    }
}
