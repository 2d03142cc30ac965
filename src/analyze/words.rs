//! Word and two-word-phrase counts of one article.

use crate::article::Article;
use crate::text::stopwords::StopWords;
use crate::text::tokenize;
use crate::text::{packed, Span};
use compact_str::CompactString;
use hashbrown::HashTable;
use rustc_hash::FxHashMap;

/// Counts for one article. `terms` holds folded forms with stop words and numbers left
/// out; `tokens` counts every word the segmenter found (the `words` column).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordCounts {
    pub tokens: u64,
    /// Tokens over [`MAX_WORD_CHARS`] characters, counted but left out of `terms`.
    pub long_tokens: u64,
    /// Each distinct kept word with its count, in order of first appearance. A word's
    /// position here is its id in `bigrams`, so a phrase is two integers: the corpus folds
    /// phrases by word ids instead of hashing and comparing their text
    /// ([`crate::corpus::words::WordTable`]). Keys of up to 24 bytes are held inline.
    pub terms: Vec<(CompactString, u32)>,
    /// Adjacent kept words by their positions in `terms`, with counts.
    pub bigrams: FxHashMap<(u32, u32), u32>,
}

impl WordCounts {
    /// A word's count in this article.
    pub fn term(&self, word: &str) -> Option<u32> {
        self.terms.iter().find(|(w, _)| w == word).map(|&(_, n)| n)
    }

    /// Every phrase as text ("supreme leader") with its count, in no particular order.
    pub fn phrases(&self) -> impl Iterator<Item = (String, u32)> + '_ {
        self.bigrams.iter().map(|(&(a, b), &n)| {
            let (a, b) = (&self.terms[a as usize].0, &self.terms[b as usize].0);
            (format!("{a} {b}"), n)
        })
    }
}

/// Tokens longer than this many characters are no words (a run of letters with no space,
/// an encoded blob, a URL-safe hash) and are left out of the word tables; the summary
/// counts them. The longest words in general English dictionaries are under 50 letters.
pub const MAX_WORD_CHARS: usize = 50;

/// Counts the words of every sentence of `a`.
///
/// Words joined by a hyphen with nothing else between them ("Okonkwo-Reyes",
/// "well-known") count as one word, as a reader reads them; a hyphen between digits
/// ("2-1") or next to a space does not join.
///
/// A bigram is two adjacent words of one sentence, neither a stop word nor a number, with
/// nothing but white space or a hyphen between them: "president of iran" and "Syria, Iran"
/// give no phrase while "supreme leader" and "finance minister" do.
pub fn count(a: &Article, stopwords: &StopWords) -> WordCounts {
    // Sized for a typical article's distinct words up front: growing a map rehashes it.
    let distinct = a.words.len() / 2;
    let mut counts = WordCounts {
        tokens: 0,
        long_tokens: 0,
        terms: Vec::with_capacity(distinct),
        bigrams: FxHashMap::with_capacity_and_hasher(distinct, Default::default()),
    };
    // Positions in `terms`, found by the word's hash: the words themselves live only in
    // `terms`.
    let mut index: HashTable<u32> = HashTable::with_capacity(distinct / 8);
    // The same for words that pack into one integer ([`packed::pack`]): most of them.
    let mut short: FxHashMap<u64, u32> =
        FxHashMap::with_capacity_and_hasher(distinct, Default::default());
    // The folded word, reused: a new string only when a word is first seen in the article.
    let mut word = String::new();
    let text = a.text.as_str();
    for s in &a.sentences {
        let mut prev: Option<u32> = None;
        let mut prev_end = s.span.start;
        let spans = &a.words[s.words.0 as usize..s.words.1 as usize];
        let mut next = 0;
        while next < spans.len() {
            let (at, end) = hyphen_joined(text, spans, &mut next);
            counts.tokens += 1;
            if !joins_phrase(text, prev_end, at) {
                prev = None;
            }
            prev_end = end;
            let Some(folded) = tokenize::fold_in(&text[at..end], &mut word) else {
                prev = None;
                continue;
            };
            // A word of no more bytes than the limit has no more characters either.
            if folded.len() > MAX_WORD_CHARS && folded.chars().nth(MAX_WORD_CHARS).is_some() {
                counts.long_tokens += 1;
                prev = None;
                continue;
            }
            // The word packed (or hashed) once for the stop-word test and its position.
            let id = match packed::pack(folded) {
                Some(key) => {
                    if stopwords.contains_packed(key) {
                        prev = None;
                        continue;
                    }
                    let next = counts.terms.len() as u32;
                    let id = *short.entry(key).or_insert(next);
                    if id == next {
                        counts.terms.push((CompactString::new(folded), 0));
                    }
                    counts.terms[id as usize].1 += 1;
                    id
                }
                None => {
                    let hash = StopWords::hash(folded);
                    if stopwords.contains_hashed(hash, folded) {
                        prev = None;
                        continue;
                    }
                    bump(&mut counts.terms, &mut index, hash, folded)
                }
            };
            if let Some(p) = prev {
                *counts.bigrams.entry((p, id)).or_insert(0) += 1;
            }
            prev = Some(id);
        }
    }
    counts
}

/// The next token of a sentence's word spans (from `spans[*next]`) with hyphenated
/// compounds joined, as its byte range; moves `next` past it. A token that starts right
/// after a hyphen that directly follows a word, both with letters, extends that word.
fn hyphen_joined(text: &str, spans: &[Span], next: &mut usize) -> (usize, usize) {
    let first = spans[*next];
    *next += 1;
    let mut end = first.end;
    // Whether the word so far has a letter: asked only when a hyphen follows it, which
    // few words have (the test walks the word's characters).
    let mut letters = None;
    while let Some(&after) = spans.get(*next) {
        let joined = is_hyphen(&text.as_bytes()[end..after.start])
            && *letters.get_or_insert_with(|| has_letter(first.slice(text)))
            && has_letter(after.slice(text));
        if !joined {
            break;
        }
        end = after.end;
        *next += 1;
        letters = Some(true);
    }
    (first.start, end)
}

fn has_letter(token: &str) -> bool {
    token.chars().any(char::is_alphabetic)
}

/// One hyphen: ASCII hyphen-minus, or the Unicode hyphen and non-breaking hyphen.
fn is_hyphen(gap: &[u8]) -> bool {
    matches!(gap, b"-" | [0xe2, 0x80, 0x90 | 0x91])
}

/// Whether the text between two words (`text[from..to]`) lets them make a phrase: white
/// space and hyphens only. Tested on bytes: the gap is nearly always one ASCII space.
fn joins_phrase(text: &str, from: usize, to: usize) -> bool {
    let gap = &text.as_bytes()[from..to];
    let ascii = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b'-');
    gap.iter().all(ascii)
        || (!gap.is_ascii()
            && text[from..to]
                .chars()
                .all(|c| c.is_whitespace() || c == '-'))
}

/// Counts one more `word` and returns its position in `terms`; allocates only when the
/// word is new to the article.
/// `hash` is the word's [`StopWords::hash`].
fn bump(
    terms: &mut Vec<(CompactString, u32)>,
    index: &mut HashTable<u32>,
    hash: u64,
    word: &str,
) -> u32 {
    if let Some(&i) = index.find(hash, |&i| terms[i as usize].0 == word) {
        terms[i as usize].1 += 1;
        return i;
    }
    let i = terms.len() as u32;
    terms.push((CompactString::new(word), 1));
    index.insert_unique(hash, i, |&j| StopWords::hash(terms[j as usize].0.as_str()));
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Encoding;

    fn counts(text: &str) -> WordCounts {
        let a = Article::new("t".into(), text.into(), Encoding::Utf8);
        count(&a, StopWords::english())
    }

    #[test]
    fn stop_words_numbers_and_possessives() {
        let c = counts("Title\n\nIran's leader met the leader of Syria in 2011. Iran’s ally.");
        assert_eq!(c.term("iran"), Some(2));
        assert_eq!(c.term("leader"), Some(2));
        assert_eq!(c.term("syria"), Some(1));
        assert_eq!((c.term("the"), c.term("2011")), (None, None));
        // Title, Iran's, leader, met, the, leader, of, Syria, in, 2011, Iran’s, ally
        assert_eq!(c.tokens, 12);
    }

    #[test]
    fn bigrams_stay_inside_sentences_and_skip_stop_words() {
        let c = counts("T\n\nSupreme leader spoke. Leader spoke of supreme leader.");
        let mut phrases: Vec<(String, u32)> = c.phrases().collect();
        phrases.sort();
        // "spoke. Leader" crosses a sentence end; "spoke of supreme" has a stop word between.
        assert_eq!(
            phrases,
            [
                ("leader spoke".to_string(), 2),
                ("supreme leader".to_string(), 2)
            ]
        );
    }

    #[test]
    fn punctuation_breaks_a_phrase_but_white_space_does_not() {
        let c = counts("T\n\nSyria, Iran; finance minister (leader) spoke");
        let phrases: Vec<(String, u32)> = c.phrases().collect();
        assert_eq!(phrases, [("finance minister".to_string(), 1)]);
    }

    #[test]
    fn hyphenated_names_are_one_word() {
        // Okonkwo-Reyes, Okonkwo-Reyes's, well-known, 2-1 (a number: not joined, not
        // counted), pre - war (spaced: two words).
        let c =
            counts("T\n\nOkonkwo-Reyes met Okonkwo-Reyes's well-known aide. It was 2-1 pre - war.");
        assert_eq!(c.term("okonkwo-reyes"), Some(2));
        assert_eq!(c.term("well-known"), Some(1));
        assert_eq!((c.term("okonkwo"), c.term("reyes")), (None, None));
        assert_eq!((c.term("pre"), c.term("war")), (Some(1), Some(1)));
        // T, Okonkwo-Reyes, met, Okonkwo-Reyes's, well-known, aide, It, was, 2, 1, pre, war
        assert_eq!(c.tokens, 12);
    }

    #[test]
    fn tokens_longer_than_a_word_are_counted_apart() {
        let fifty = "a".repeat(MAX_WORD_CHARS);
        let c = counts(&format!("T\n\n{fifty} {fifty}b spoke"));
        assert_eq!(c.term(&fifty), Some(1));
        assert_eq!(c.term(&format!("{fifty}b")), None);
        assert_eq!(c.long_tokens, 1);
        // The long token breaks the phrase: no "aaa… spoke".
        assert_eq!(c.phrases().count(), 0);
    }

    #[test]
    fn keeping_stop_words_counts_everything() {
        let a = Article::new("t".into(), "The end".into(), Encoding::Utf8);
        let c = count(&a, &StopWords::none());
        assert_eq!(c.term("the"), Some(1));
        assert_eq!(
            c.phrases().collect::<Vec<_>>(),
            [("the end".to_string(), 1)]
        );
    }
}
