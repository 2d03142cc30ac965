//! Word and two-word-phrase counts of one article.

use crate::article::Article;
use crate::text::stopwords::StopWords;
use crate::text::tokenize;
use compact_str::CompactString;
use rustc_hash::FxHashMap;

/// Counts for one article. `terms` and `bigrams` hold folded forms with stop words and
/// numbers left out; `tokens` counts every word the segmenter found (the `words` column).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordCounts {
    pub tokens: u64,
    /// Keys held inline (a word or phrase of up to 24 bytes needs no allocation of its
    /// own): these maps are filled per article and folded into the corpus's.
    pub terms: FxHashMap<CompactString, u32>,
    pub bigrams: FxHashMap<CompactString, u32>,
}

/// Counts the words of every sentence of `a`.
///
/// A bigram is two adjacent words of one sentence, neither a stop word nor a number, with
/// nothing but white space or a hyphen between them: "president of iran" and "Syria, Iran"
/// give no phrase while "supreme leader" and "Okonkwo-Reyes" do.
pub fn count(a: &Article, stopwords: &StopWords) -> WordCounts {
    // Sized for a typical article's distinct words up front: growing a map rehashes it.
    let distinct = a.words.len() / 2;
    let mut counts = WordCounts {
        tokens: 0,
        terms: FxHashMap::with_capacity_and_hasher(distinct, Default::default()),
        bigrams: FxHashMap::with_capacity_and_hasher(distinct, Default::default()),
    };
    // Reused buffers: the folded word, the one before it, and the phrase of the two. A new
    // String only when a word or phrase is first seen in the article.
    let (mut word, mut prev, mut phrase) = (String::new(), String::new(), String::new());
    for s in &a.sentences {
        let mut has_prev = false;
        let mut prev_end = s.span.start;
        for (at, token) in a.words_of(s) {
            counts.tokens += 1;
            if !joins_phrase(&a.text[prev_end..at]) {
                has_prev = false;
            }
            prev_end = at + token.len();
            if !tokenize::fold_into(token, &mut word) || stopwords.contains(&word) {
                has_prev = false;
                continue;
            }
            bump(&mut counts.terms, &word);
            if has_prev {
                phrase.clear();
                phrase.push_str(&prev);
                phrase.push(' ');
                phrase.push_str(&word);
                bump(&mut counts.bigrams, &phrase);
            }
            std::mem::swap(&mut prev, &mut word);
            has_prev = true;
        }
    }
    counts
}

fn joins_phrase(gap: &str) -> bool {
    gap.chars().all(|c| c.is_whitespace() || c == '-')
}

/// Increments without allocating when the word is already known (the common case).
fn bump(map: &mut FxHashMap<CompactString, u32>, word: &str) {
    if let Some(n) = map.get_mut(word) {
        *n += 1;
    } else {
        map.insert(CompactString::new(word), 1);
    }
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
        assert_eq!(c.terms["iran"], 2);
        assert_eq!(c.terms["leader"], 2);
        assert_eq!(c.terms["syria"], 1);
        assert!(!c.terms.contains_key("the") && !c.terms.contains_key("2011"));
        // Title, Iran's, leader, met, the, leader, of, Syria, in, 2011, Iran’s, ally
        assert_eq!(c.tokens, 12);
    }

    #[test]
    fn bigrams_stay_inside_sentences_and_skip_stop_words() {
        let c = counts("T\n\nSupreme leader spoke. Leader spoke of supreme leader.");
        assert_eq!(c.bigrams["supreme leader"], 2);
        assert_eq!(c.bigrams["leader spoke"], 2);
        // "spoke. Leader" crosses a sentence end; "spoke of supreme" has a stop word between.
        assert!(!c.bigrams.contains_key("spoke leader"));
        assert!(!c.bigrams.contains_key("spoke supreme"));
    }

    #[test]
    fn punctuation_breaks_a_phrase_but_a_hyphen_does_not() {
        let c = counts("T\n\nSyria, Iran; Okonkwo-Reyes (leader) spoke");
        assert_eq!(c.bigrams.keys().collect::<Vec<_>>(), vec!["okonkwo reyes"]);
    }

    #[test]
    fn keeping_stop_words_counts_everything() {
        let a = Article::new("t".into(), "The end".into(), Encoding::Utf8);
        let c = count(&a, &StopWords::none());
        assert_eq!(c.terms["the"], 1);
        assert_eq!(c.bigrams["the end"], 1);
    }
}
