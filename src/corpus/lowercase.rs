//! The corpus's lower-case word counts: the evidence that a capitalised word is a common
//! word, not a name ([`crate::analyze::names::is_common_word`]).

use crate::analyze::names::LowerCounts;
use crate::text::packed;
use compact_str::CompactString;
use rustc_hash::FxHashMap;

/// Lower-case occurrences of each word form. Every article's distinct lower-case words
/// are added here, so short words (most of them) are keyed packed into an integer
/// ([`packed::pack`]), the rest by their text; a word is in one map or the other, by
/// whether it packs.
#[derive(Debug, Default)]
pub struct Lowercase {
    short: FxHashMap<u64, u64>,
    long: FxHashMap<CompactString, u64>,
}

impl Lowercase {
    /// Adds one article's counts.
    pub fn add(&mut self, counts: LowerCounts) {
        for (k, n) in counts.short {
            *self.short.entry(k).or_insert(0) += u64::from(n);
        }
        for (w, n) in counts.long {
            *self.long.entry(w).or_insert(0) += u64::from(n);
        }
    }

    /// Adds `n` occurrences of a word.
    pub fn add_word(&mut self, word: &str, n: u64) {
        match packed::pack(word) {
            Some(k) => *self.short.entry(k).or_insert(0) += n,
            None => *self.long.entry(word.into()).or_insert(0) += n,
        }
    }

    /// A word's count.
    pub fn get(&self, word: &str) -> Option<u64> {
        match packed::pack(word) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(word).copied(),
        }
    }

    /// Takes in another corpus's counts.
    pub fn merge(&mut self, other: Lowercase) {
        for (k, n) in other.short {
            *self.short.entry(k).or_insert(0) += n;
        }
        for (w, n) in other.long {
            *self.long.entry(w).or_insert(0) += n;
        }
    }

    /// Every word with its count, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (CompactString, u64)> + '_ {
        let short = self.short.iter().map(|(&k, &n)| (packed::unpack(k), n));
        short.chain(self.long.iter().map(|(w, &n)| (w.clone(), n)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_are_counted_and_merged_alike() {
        let mut a = Lowercase::default();
        a.add(LowerCounts {
            short: vec![(packed::pack("the").unwrap(), 3)],
            long: vec![("governments".into(), 2)],
        });
        a.add_word("the", 1);
        a.add_word("governments", 1);
        a.add_word("café", 4);
        let mut b = Lowercase::default();
        b.add_word("the", 10);
        b.merge(a);
        assert_eq!(b.get("the"), Some(14));
        assert_eq!(b.get("governments"), Some(3));
        assert_eq!(b.get("café"), Some(4));
        assert_eq!(b.get("then"), None);
        let mut all: Vec<(CompactString, u64)> = b.iter().collect();
        all.sort();
        assert_eq!(
            all,
            [
                ("café".into(), 4),
                ("governments".into(), 3),
                ("the".into(), 14)
            ]
        );
    }
}
