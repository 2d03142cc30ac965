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

/// At most eight bytes, little-endian and padded with zeros: put together from two loads
/// that overlap (of four bytes, or two), since a copy of a length known only at run time
/// is a call to `memcpy`, and a loop over the bytes costs several instructions a byte;
/// the bytes both loads hold are the same, so or-ing them is exact.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u16::from_le_bytes([rest[0], rest[1]]);
        let hi = u16::from_le_bytes([rest[n - 2], rest[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| u64::from(b))
    }
}

/// `make_ascii_lowercase` of eight packed bytes at once: a byte in `A..=Z` gains its
/// 0x20 bit; any other byte, non-ASCII ones too, is left alone.
#[inline]
fn lower8(v: u64) -> u64 {
    v | (in_range(v, b'A', b'Z') >> 2)
}

const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// [`ascii_lower`] of the word's first and of its last one to four bytes (`min(4, len)` of
/// each; the rest zero), for the affix features. A string of at most eight bytes hashes
/// as its bytes packed into one `u64`, so each affix is the word's first (or last) eight
/// bytes, lowered once, masked (or shifted) to its length: no byte loop per affix.
#[inline]
pub(super) fn ascii_lower_affixes(b: &[u8]) -> ([u64; 4], [u64; 4]) {
    let n = b.len();
    let (mut pre, mut suf) = ([0u64; 4], [0u64; 4]);
    if n == 0 {
        return (pre, suf);
    }
    // The first and the last `m` bytes, lowered.
    let m = n.min(8);
    let (head, end) = if n >= 8 {
        (word(&b[..8]), word(&b[n - 8..]))
    } else {
        let v = tail(b);
        (v, v)
    };
    let (head, end) = (lower8(head), lower8(end));
    for k in 0..n.min(4) {
        let len = k + 1;
        let mask = u64::MAX >> (64 - 8 * len);
        pre[k] = packed(len, head & mask);
        suf[k] = packed(len, end >> (8 * (m - len)));
    }
    (pre, suf)
}

/// [`bytes`] of a string of one to eight bytes given as one little-endian `u64`.
#[inline]
fn packed(len: usize, v: u64) -> u64 {
    finish(((len as u64).wrapping_mul(K).rotate_left(5) ^ v).wrapping_mul(K))
}

/// Whether an ASCII string has a capital and a small letter, `None` if it is not ASCII:
/// eight bytes at a time, a letter kind being a range test on each byte of a `u64`.
#[inline]
pub(super) fn ascii_letters(b: &[u8]) -> Option<(bool, bool)> {
    let (mut upper, mut lower, mut high) = (0u64, 0u64, 0u64);
    let mut add = |v: u64| {
        high |= v;
        upper |= in_range(v, b'A', b'Z');
        lower |= in_range(v, b'a', b'z');
    };
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        add(word(c));
    }
    add(tail(chunks.remainder()));
    (high & HIGH == 0).then_some((upper != 0, lower != 0))
}

/// The high bit of each byte of `v` (seven-bit bytes) that lies in `lo..=hi`.
#[inline]
fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    let low7 = v & !HIGH;
    let from_lo = low7 + ONES * u64::from(0x80 - lo);
    let past_hi = low7 + ONES * u64::from(0x7f - hi);
    from_lo & !past_hi & !v & HIGH
}

/// A string of at most seven bytes as one integer, distinct for distinct strings (its
/// bytes, and its length in the top byte), for sets of short words; `None` for a longer
/// one.
#[inline]
pub(super) fn packed_short(b: &[u8]) -> Option<u64> {
    (b.len() <= 7).then(|| tail(b) | (b.len() as u64) << 56)
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
    // Most words fit in one `u64`: tested for ASCII and lowered in it, in a few
    // instructions.
    let b = word.as_bytes();
    if (1..=8).contains(&b.len()) {
        let v = tail(b);
        if v & 0x8080_8080_8080_8080 == 0 {
            return packed(b.len(), lower8(v));
        }
    }
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
            "ABCDEFGH",
            "Ab",
            "XyZ",
            "é",
            "ÉCOLE",
            "Straße",
        ] {
            assert_eq!(lower_key(w), super::str(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn a_short_tail_packs_its_bytes_little_endian() {
        let b: Vec<u8> = (1..=8u8).map(|i| i * 31).collect();
        for n in 0..=8 {
            let want = b[..n]
                .iter()
                .enumerate()
                .fold(0u64, |v, (k, &x)| v | u64::from(x) << (8 * k));
            assert_eq!(super::tail(&b[..n]), want, "{n}");
        }
    }

    #[test]
    fn affix_hashes_are_those_of_the_cut_affixes() {
        let all: Vec<u8> = (0..=255u8).collect();
        let words = all.chunks(3).chain(all.chunks(8)).chain(all.chunks(13));
        for w in words.chain([&b""[..], b"A", b"Of", b"McDonald", b"ABCDEFGHIJ"]) {
            let (pre, suf) = super::ascii_lower_affixes(w);
            let n = w.len();
            for k in 0..4 {
                let (p, s) = if k < n {
                    (ascii_lower(&w[..=k]), ascii_lower(&w[n - 1 - k..]))
                } else {
                    (0, 0)
                };
                assert_eq!((pre[k], suf[k]), (p, s), "{w:?} {k}");
            }
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
