//! Stop words: the built-in English list (generated into `data/stopwords_en.txt` and
//! `data/reporting_en.txt`, see `data/SOURCES.md`) or a user's own file.

use super::packed;
use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashSet};
use std::hash::BuildHasher;
use std::sync::OnceLock;

const BUILT_IN: &str = include_str!("../../data/stopwords_en.txt");
/// Honorifics and reported-speech words ("mr", "told", "according"): on every news page
/// whatever the story, so they would top the word tables without saying what it is about.
const REPORTING: &str = include_str!("../../data/reporting_en.txt");

/// A set of folded words that the word tables leave out.
///
/// The words of up to eight ASCII bytes (nearly all) are held packed into integers
/// ([`packed::pack`]), as the word counts pack each word once for this test and for its
/// position ([`StopWords::contains_packed`]); the others are keyed by [`StopWords::hash`],
/// the hash the word counts find such a word's position by.
#[derive(Debug, Clone, Default)]
pub struct StopWords {
    short: FxHashSet<u64>,
    words: HashTable<String>,
}

impl StopWords {
    /// The built-in English function words (`data/stopwords_en.txt`). Name recognition
    /// reads this list too, so it stays the function words only.
    pub fn english() -> &'static StopWords {
        static ENGLISH: OnceLock<StopWords> = OnceLock::new();
        ENGLISH.get_or_init(|| StopWords::parse(BUILT_IN))
    }

    /// What the word tables leave out by default: [`StopWords::english`] plus honorifics
    /// and reporting vocabulary (`data/reporting_en.txt`). Only the word tables use it:
    /// "Mr" and "told" still mark names and quotations for the other analyses.
    pub fn word_tables() -> &'static StopWords {
        static TABLES: OnceLock<StopWords> = OnceLock::new();
        TABLES.get_or_init(|| {
            let mut list = StopWords::english().clone();
            let reporting = StopWords::parse(REPORTING);
            list.short.extend(reporting.short);
            for w in reporting.words {
                list.insert(w);
            }
            list
        })
    }

    /// No stop words at all (`--keep-stopwords`).
    pub fn none() -> StopWords {
        StopWords::default()
    }

    /// One word per line; blank lines and lines starting with `#` are ignored. Words are
    /// folded the same way tokens are, so a list may be written in any case.
    pub fn parse(list: &str) -> StopWords {
        let mut out = StopWords::default();
        let words = list
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                l.chars()
                    .map(|c| {
                        if super::tokenize::is_apostrophe(c) {
                            '\''
                        } else {
                            c
                        }
                    })
                    .collect::<String>()
                    .to_lowercase()
            });
        for w in words {
            out.insert(w);
        }
        out
    }

    fn insert(&mut self, word: String) {
        if let Some(k) = packed::pack(&word) {
            self.short.insert(k);
            return;
        }
        let hash = Self::hash(&word);
        if self.contains_hashed(hash, &word) {
            return;
        }
        self.words
            .insert_unique(hash, word, |w| Self::hash(w.as_str()));
    }

    /// The hash a word that does not pack is looked up by.
    pub fn hash(word: &str) -> u64 {
        FxBuildHasher.hash_one(word)
    }

    pub fn contains(&self, folded_word: &str) -> bool {
        match packed::pack(folded_word) {
            Some(k) => self.contains_packed(k),
            None => self.contains_hashed(Self::hash(folded_word), folded_word),
        }
    }

    /// [`StopWords::contains`] of a word that packs, given packed.
    pub fn contains_packed(&self, key: u64) -> bool {
        self.short.contains(&key)
    }

    /// [`StopWords::contains`] of a word that does not pack, given its [`StopWords::hash`].
    pub fn contains_hashed(&self, hash: u64, folded_word: &str) -> bool {
        self.words.find(hash, |w| w == folded_word).is_some()
    }

    /// FNV-1a of the sorted list: partials made with different lists must not merge.
    pub fn fingerprint(&self) -> u64 {
        let short: Vec<_> = self.short.iter().map(|&k| packed::unpack(k)).collect();
        let mut words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        words.extend(short.iter().map(|w| w.as_str()));
        words.sort_unstable();
        crate::shard::fnv1a64(words.join("\n").as_bytes())
    }

    pub fn len(&self) -> usize {
        self.short.len() + self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_list_has_function_words_not_content_words() {
        let sw = StopWords::english();
        for w in ["the", "and", "of", "he", "she", "was", "that"] {
            assert!(sw.contains(w), "{w} should be a stop word");
        }
        for w in ["iran", "syria", "government", "leader", "minister"] {
            assert!(!sw.contains(w), "{w} should not be a stop word");
        }
    }

    #[test]
    fn word_tables_leave_out_honorifics_and_reporting_words() {
        let sw = StopWords::word_tables();
        for w in [
            "mr",
            "mrs",
            "ms",
            "dr",
            "sir",
            "said",
            "told",
            "added",
            "according",
        ] {
            assert!(sw.contains(w), "{w} should be left out");
        }
        assert!(sw.contains("statement") && sw.contains("says"));
        assert!(sw.contains("the") && !sw.contains("minister"));
        // The function-word list that name recognition reads is unchanged.
        assert!(!StopWords::english().contains("mr") && !StopWords::english().contains("told"));
    }

    #[test]
    fn user_list_is_folded_and_skips_comments() {
        let sw = StopWords::parse("# my list\nThe\n\n  Don’t \n");
        assert!(sw.contains("the"));
        assert!(sw.contains("don't"));
        assert_eq!(sw.len(), 2);
    }
}
