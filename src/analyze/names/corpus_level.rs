//! What the corpus's counts decide about a name once every article is in: a capitalised
//! word the corpus also writes in lower case is a common word, a word run into a name at a
//! sentence start comes off, a bare first name seen often and never resolved is no person,
//! and which names may merge into a person's. Each article only gathers the counts
//! ([`lowercase_words`]); the verdicts wait for the whole corpus, since one article says
//! too little.

use super::{is_acronym, is_capitalised, EntityType, Gazetteer, CONNECTORS, WEAK_MARK};
use crate::article::Article;
use crate::text::packed;
use rustc_hash::{FxHashMap, FxHashSet};

/// Lower-case word forms of an article with their counts, borrowed from its text. Words
/// of up to eight ASCII bytes, most of them, are keyed packed into an integer
/// ([`packed::pack`]); the rest by their text.
#[derive(Debug, Default)]
pub struct LowercaseWords<'a> {
    short: FxHashMap<u64, u32>,
    long: FxHashMap<&'a str, u32>,
}

impl LowercaseWords<'_> {
    /// Whether the article writes this form in lower case.
    pub fn contains_key(&self, word: &str) -> bool {
        match packed::pack(word) {
            Some(k) => self.short.contains_key(&k),
            None => self.long.contains_key(word),
        }
    }
}

/// Lower-case words of the article: a capitalised word also used in lower case is
/// probably a common word capitalised at a sentence start. The counts, summed over the
/// corpus, are the evidence of [`is_common_word`].
pub fn lowercase_words(article: &Article) -> LowercaseWords<'_> {
    // Most of an article's words are lower case, and most of those short; sized so the
    // maps do not rehash.
    let mut out = LowercaseWords {
        short: FxHashMap::with_capacity_and_hasher(article.words.len() / 2, Default::default()),
        long: FxHashMap::with_capacity_and_hasher(article.words.len() / 8, Default::default()),
    };
    for w in article.all_words() {
        let lower = match w.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
            _ => w.chars().next().is_some_and(char::is_lowercase),
        };
        if lower {
            match packed::pack(w) {
                Some(k) => *out.short.entry(k).or_insert(0) += 1,
                None => *out.long.entry(w).or_insert(0) += 1,
            }
        }
    }
    out
}

/// The counts with owned keys, kept after the article's text is dropped ([`LowerCounts`]).
pub fn owned_counts(words: &LowercaseWords<'_>) -> LowerCounts {
    LowerCounts {
        short: words.short.iter().map(|(&k, &n)| (k, n)).collect(),
        long: words
            .long
            .iter()
            .map(|(w, &n)| (compact_str::CompactString::new(w), n))
            .collect(),
    }
}

/// An article's lower-case word counts with owned keys: one allocation per distinct long
/// word, not per token. Lists, not maps: the corpus only folds them into its own maps, so
/// hashing every word into a new table here would be wasted. `short` holds the packed
/// words ([`packed::pack`]), `long` every other; in no particular order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LowerCounts {
    pub short: Vec<(u64, u32)>,
    pub long: Vec<(compact_str::CompactString, u32)>,
}

/// Whether a one-word name is more likely a common word: across the corpus it is written
/// in lower case at least as often as it was taken for a name ("NOTE", "Will"). Names the
/// gazetteers know ("Turkey", "WHO") are kept whatever the corpus says, since there the
/// list is better evidence than the counts.
pub fn is_common_word(name: &str, kind: EntityType, mentions: u64, lowercase: u64) -> bool {
    let g = Gazetteer::get();
    if name.contains(|c: char| c.is_whitespace()) {
        return false;
    }
    let known = match kind {
        EntityType::Place => g.place(name).is_some(),
        EntityType::Org => g.org(name).is_some(),
        EntityType::Person => false,
    };
    // A word in capitals ("NOTE", "IT") needs twice the evidence: real acronyms are
    // almost never written in lower case, but a few collide with rare words.
    let needed = if is_acronym(name) {
        2 * mentions.max(1)
    } else {
        mentions.max(1)
    };
    !known && lowercase >= needed
}

/// "Senior Tories", "Vote Tory", "Study of Labour": a two-or-more-word person's name whose
/// first word no list knows and that the corpus writes in lower case is a sentence's first
/// word run into a name. Returns the name without it (and without a connector after it).
/// `lowercase_of_first`: the corpus's lower-case count of the first word.
pub fn without_common_opener(
    name: &str,
    kind: EntityType,
    lowercase_of_first: u64,
) -> Option<&str> {
    if kind != EntityType::Person || lowercase_of_first == 0 {
        return None;
    }
    let (first, rest) = name.split_once(' ')?;
    let g = Gazetteer::get();
    if g.is_known_word(first) || is_acronym(first) || !is_capitalised(first) {
        return None;
    }
    let mut rest = rest;
    while let Some((w, tail)) = rest.split_once(' ') {
        if !CONNECTORS.contains(&w) {
            break;
        }
        rest = tail;
    }
    (!rest.is_empty() && is_capitalised(rest)).then_some(rest)
}

/// "Oscar" in fifty articles and never as the first name of anyone the corpus names in
/// full: news introduces a person by full name, so a bare first name that often, never
/// resolved, names a thing (an award, a holiday), not a person. `first_words` holds the
/// first words of the corpus's people of two or more words.
pub fn is_bare_first_name(name: &str, mentions: u64, first_words: &FxHashSet<&str>) -> bool {
    let g = Gazetteer::get();
    mentions >= 5
        && !name.contains(' ')
        && g.first_name_gender(name).is_some()
        && !g.is_surname(name)
        && !first_words.contains(name)
}

/// Whether a name may be merged into a person's name across the corpus: people, and lone
/// words whose type was only guessed (no gazetteer place or organisation, no acronym).
pub fn may_be_person(name: &str, kind: EntityType) -> bool {
    if kind == EntityType::Person {
        return true;
    }
    let g = Gazetteer::get();
    !name.contains(char::is_whitespace)
        && !name.starts_with(WEAK_MARK)
        && !is_acronym(name)
        && g.place(name).is_none()
        && g.org(name).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_lose_to_the_corpus_lower_case_evidence() {
        assert!(is_common_word("Will", EntityType::Person, 3, 40));
        assert!(!is_common_word("Zorblax", EntityType::Org, 3, 0));
        // Gazetteer names stand whatever the counts; acronyms need strong evidence.
        assert!(!is_common_word("Turkey", EntityType::Place, 1, 5));
        assert!(!is_common_word("NATO", EntityType::Org, 3, 0));
        assert!(is_common_word("NOTE", EntityType::Org, 3, 40));
        assert!(!is_common_word("WHO", EntityType::Org, 3, 400));
    }

    #[test]
    fn a_common_word_run_into_a_name_is_cut_off_at_corpus_level() {
        assert_eq!(
            without_common_opener("Senior Tories", EntityType::Person, 12),
            Some("Tories")
        );
        assert_eq!(
            without_common_opener("Study of Labour", EntityType::Person, 3),
            Some("Labour")
        );
        // Never written in lower case, a known first name, or not a person: kept.
        assert_eq!(
            without_common_opener("Jesper Zarnevik", EntityType::Person, 0),
            None
        );
        assert_eq!(
            without_common_opener("Bill Gates", EntityType::Person, 50),
            None
        );
        assert_eq!(
            without_common_opener("Wall Street", EntityType::Place, 50),
            None
        );
    }
}
