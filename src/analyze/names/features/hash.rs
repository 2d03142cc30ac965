//! Feature hashing. Strings are hashed eight bytes at a time (little-endian, so the same
//! on every machine) and each token's word, lower-case form and shape are hashed once per
//! sentence; a feature is its template number mixed with those hashes. Fixed here, so a
//! model trained once scores the same on every machine and build.

use super::super::gazetteer::with_lowercase;

const K: u64 = 0x9e37_79b9_7f4a_7c15;
const K2: u64 = 0xff51_afd7_ed55_8ccd;

#[inline]
fn finish(h: u64) -> u64 {
    let h = (h ^ (h >> 33)).wrapping_mul(K2);
    h ^ (h >> 29)
}

#[inline]
pub(super) fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// [`bytes`] of the ASCII bytes in lower case, without copying them first.
#[inline]
pub(super) fn ascii_lower(b: &[u8]) -> u64 {
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ lower8(word(c))).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(5) ^ lower8(tail(rest))).wrapping_mul(K);
    }
    finish(h)
}

#[inline]
pub(super) fn bytes(b: &[u8]) -> u64 {
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ word(c)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(5) ^ tail(rest)).wrapping_mul(K);
    }
    finish(h)
}

/// Eight bytes, little-endian.
#[inline]
fn word(c: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(c);
    u64::from_le_bytes(w)
}

/// Fewer than eight bytes, little-endian and padded with zeros: assembled byte by byte,
/// since a copy of a length known only at run time is a call to `memcpy`, which cost
/// more than the hashing of the short words most are.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let mut v = 0u64;
    for (k, &b) in rest.iter().enumerate() {
        v |= u64::from(b) << (8 * k);
    }
    v
}

/// `make_ascii_lowercase` of eight packed bytes at once: a byte in `A..=Z` gains its
/// 0x20 bit; any other byte, non-ASCII ones too, is left alone.
#[inline]
fn lower8(v: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = v & !HIGH;
    // Per byte, no carry into the next one: the high bit says ">= 'A'", "> 'Z'".
    let from_a = low7 + ONES * u64::from(0x80 - b'A');
    let past_z = low7 + ONES * u64::from(0x7f - b'Z');
    let upper = from_a & !past_z & !v & HIGH;
    v | (upper >> 2)
}

/// A feature: a template number and a value.
#[inline]
pub(super) fn f(template: u8, value: u64) -> u64 {
    finish((u64::from(template) + 1).wrapping_mul(K).rotate_left(21) ^ value.wrapping_mul(K))
}

/// A feature of two values.
#[inline]
pub(super) fn f2(template: u8, a: u64, b: u64) -> u64 {
    f(template, finish(a.rotate_left(17) ^ b.wrapping_mul(K2)))
}

/// What the article-wide tables key a word by: the hash of its lower-case form (the same
/// as a token's `TokInfo::lower`), so no string is stored or compared.
pub fn lower_key(word: &str) -> u64 {
    if word.is_ascii() {
        ascii_lower(word.as_bytes())
    } else {
        with_lowercase(word, self::str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lower_case_key_is_the_hash_of_the_lower_case_word() {
        for w in [
            "",
            "A",
            "McDonald",
            "ABCDEFGHIJ",
            "Zürich",
            "o'NEILL-smith",
            "12345678",
        ] {
            assert_eq!(lower_key(w), super::str(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn the_ascii_lower_case_hash_lowers_as_make_ascii_lowercase_does() {
        let all: Vec<u8> = (0..=255u8).collect();
        for w in all.chunks(3).chain(all.chunks(8)).chain(all.chunks(11)) {
            assert_eq!(super::ascii_lower(w), super::bytes(&w.to_ascii_lowercase()));
        }
    }
}
