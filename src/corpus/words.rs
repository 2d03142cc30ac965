//! The corpus's word and phrase tallies, with words interned.
//!
//! A phrase is held as the ids of its two words, so folding an article's phrases in hashes
//! and compares one integer instead of a string. The phrase table is the largest map of
//! a run (a distinct entry for nearly every pair of adjacent words ever seen), so its entry
//! size and lookup cost set much of the fold's cost.

use super::Tally;
use crate::text::packed;
use compact_str::CompactString;
use rustc_hash::FxHashMap;

/// Words with their tallies, and phrases of two words by their ids.
#[derive(Debug, Default)]
pub struct WordTable {
    /// The ids of words of up to eight ASCII bytes (most words), keyed packed into one
    /// integer ([`packed::pack`]): every article's distinct words are looked up here, and
    /// again when its keywords are scored.
    short: FxHashMap<u64, u32>,
    /// The ids of the other words. Keys of up to 24 bytes are held inline, so a lookup
    /// reads the table and not a string elsewhere in memory.
    long: FxHashMap<CompactString, u32>,
    /// The way back from an id, for phrases and for merging.
    names: Vec<CompactString>,
    /// Each word's tally, by id.
    tallies: Vec<Tally>,
    /// Phrases by `first id << 32 | second id`.
    bigrams: FxHashMap<u64, Tally>,
}

fn phrase_key(first: u32, second: u32) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

impl WordTable {
    /// Adds `t` to a word's tally, taking the word in if it is new; returns its id.
    pub fn add(&mut self, word: &str, t: Tally) -> u32 {
        let next = u32::try_from(self.names.len()).expect("fewer than 2^32 distinct words");
        let id = match packed::pack(word) {
            Some(k) => *self.short.entry(k).or_insert(next),
            None => match self.long.get(word) {
                Some(&id) => id,
                None => {
                    self.long.insert(CompactString::new(word), next);
                    next
                }
            },
        };
        if id == next {
            self.names.push(CompactString::new(word));
            self.tallies.push(t);
        } else {
            self.tallies[id as usize].add(t);
        }
        id
    }

    /// Adds `t` to the phrase of two words, given by the ids [`WordTable::add`] returned.
    pub fn add_bigram(&mut self, first: u32, second: u32, t: Tally) {
        self.bigrams
            .entry(phrase_key(first, second))
            .or_default()
            .add(t);
    }

    /// A word's id.
    pub fn id(&self, word: &str) -> Option<u32> {
        match packed::pack(word) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(word).copied(),
        }
    }

    /// The word with this id.
    pub fn name(&self, id: u32) -> Option<&CompactString> {
        self.names.get(id as usize)
    }

    /// A word's id and tally, in one lookup.
    pub fn lookup(&self, word: &str) -> Option<(u32, Tally)> {
        self.id(word).map(|id| (id, self.tallies[id as usize]))
    }

    /// A word's tally.
    pub fn get(&self, word: &str) -> Option<Tally> {
        self.lookup(word).map(|(_, t)| t)
    }

    /// Distinct words.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Distinct phrases.
    pub fn bigram_count(&self) -> usize {
        self.bigrams.len()
    }

    /// Every word with its tally, in no particular order (by id).
    pub fn iter(&self) -> impl Iterator<Item = (&str, Tally)> + '_ {
        self.names
            .iter()
            .zip(&self.tallies)
            .map(|(w, &t)| (w.as_str(), t))
    }

    /// Every phrase as its two words with its tally, in no particular order.
    pub fn bigrams(&self) -> impl Iterator<Item = ([&str; 2], Tally)> + '_ {
        self.bigrams.iter().map(|(&k, &t)| {
            let first = &self.names[(k >> 32) as usize];
            let second = &self.names[(k & u64::from(u32::MAX)) as usize];
            ([first.as_str(), second.as_str()], t)
        })
    }

    /// A phrase's tally, by its two words.
    pub fn bigram(&self, first: &str, second: &str) -> Option<Tally> {
        let (a, b) = (self.id(first)?, self.id(second)?);
        self.bigrams.get(&phrase_key(a, b)).copied()
    }

    /// Takes in another table's words and phrases, its ids mapped to this table's.
    pub fn merge(&mut self, other: WordTable) {
        let ids: Vec<u32> = other
            .names
            .iter()
            .zip(other.tallies)
            .map(|(w, t)| self.add(w, t))
            .collect();
        self.bigrams.reserve(other.bigrams.len());
        for (k, t) in other.bigrams {
            let (a, b) = (
                ids[(k >> 32) as usize],
                ids[(k & u64::from(u32::MAX)) as usize],
            );
            self.add_bigram(a, b, t);
        }
    }
}

impl std::ops::Index<&str> for WordTable {
    type Output = Tally;

    fn index(&self, word: &str) -> &Tally {
        let id = self.id(word).expect("a word of the table");
        &self.tallies[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(count: u64, articles: u64) -> Tally {
        Tally { count, articles }
    }

    #[test]
    fn phrases_are_found_by_their_words() {
        let mut w = WordTable::default();
        let supreme = w.add("supreme", t(2, 1));
        let leader = w.add("leader", t(3, 1));
        w.add_bigram(supreme, leader, t(2, 1));
        assert_eq!(w.add("leader", t(1, 1)), leader);
        assert_eq!(w["leader"], t(4, 2));
        assert_eq!(w.bigram("supreme", "leader"), Some(t(2, 1)));
        assert_eq!(w.bigram("leader", "supreme"), None);
        let all: Vec<_> = w.bigrams().collect();
        assert_eq!(all, [(["supreme", "leader"], t(2, 1))]);
    }

    #[test]
    fn merging_maps_the_other_tables_ids() {
        let mut a = WordTable::default();
        let x = a.add("iran", t(1, 1));
        let y = a.add("syria", t(1, 1));
        a.add_bigram(x, y, t(1, 1));
        // The same words under other ids, and one word only `b` has.
        let mut b = WordTable::default();
        let ally = b.add("ally", t(5, 2));
        let syria = b.add("syria", t(2, 1));
        let iran = b.add("iran", t(3, 1));
        b.add_bigram(iran, syria, t(2, 1));
        b.add_bigram(syria, ally, t(1, 1));
        a.merge(b);
        assert_eq!(a.len(), 3);
        assert_eq!(
            (a["iran"], a["syria"], a["ally"]),
            (t(4, 2), t(3, 2), t(5, 2))
        );
        assert_eq!(a.bigram("iran", "syria"), Some(t(3, 2)));
        assert_eq!(a.bigram("syria", "ally"), Some(t(1, 1)));
        assert_eq!(a.bigram_count(), 2);
    }
}
