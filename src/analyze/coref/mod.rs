//! Coreference: whom a phrase that is no full name stands for, among the people and
//! organisations the article names. A pronoun ("she", `pronouns.rs`), a short name
//! ("Brevold", `names.rs`) or a description ("the mayor", "the company",
//! `descriptions.rs`) is taken back to a mention the article introduced.
//!
//! One place for it, shared by the quote stage (who "he" is in "...," he said) and the
//! gender evidence (which person a "she" speaks of), so a rule about what a pronoun or a
//! name can refer to is written, tested and fixed once. Both read the same [`Discourse`]:
//! the article's text and sentences, the mentions a phrase may refer to, and indexes
//! over them built on first use, so most phrases cost no more than a look at their
//! neighbourhood. What is quote-specific (cue words, finding the speaker's phrase beside
//! a cue, choosing between clues) stays in `quotes/`, which this module never imports.

mod descriptions;
mod names;
mod pronouns;

pub(super) use descriptions::DOCUMENT_NOUNS;
pub(super) use pronouns::{antecedent, PRONOUNS};

use crate::analyze::names::{EntityType, Mention};
use crate::analyze::verbs::is_cue;
use crate::analyze::window::Tok;
use crate::article::Sentence;
use names::{name_words, Person};
use rustc_hash::FxHashMap;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// Whom a phrase names: the canonical name ("Ali Khamenei"; empty when no one was
/// found), the words as written ("he", "Khamenei", "the ministry") and the kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Referent {
    pub(super) canonical: String,
    pub(super) mention: String,
    pub(super) kind: Option<EntityType>,
}

/// What resolving a phrase may ask of the article.
pub(super) struct Discourse<'a> {
    pub(super) text: &'a str,
    sentences: &'a [Sentence],
    /// The mentions a phrase may refer to, in text order: the quote stage leaves out those
    /// inside quotations (a name inside a quote is not a speaker and not a pronoun's
    /// antecedent) and in the headline.
    mentions: Vec<&'a Mention>,
    /// Per mention (by start byte): its name as a bare person's name and the gender if it
    /// plausibly names a person. Computed on first use.
    people: RefCell<FxHashMap<usize, Rc<Person>>>,
    /// [`Discourse::speaking_surname`] per sentence span.
    speaking: RefCell<FxHashMap<(usize, usize), Option<&'a Mention>>>,
    /// [`Discourse::canonical`] per mention (by start byte): a pronoun's antecedent is
    /// resolved again for every quote it speaks.
    canonicals: RefCell<FxHashMap<usize, (String, EntityType)>>,
    /// Indexes into `mentions`, in text order, by each word of the mention's canonical
    /// name (ASCII lower-cased, as [`Discourse::full_mention`] compares): a long text (a
    /// whole archive in one file) would otherwise scan every mention for every quote.
    /// Built on first use, as are the two below: most articles never need them.
    by_word: OnceCell<FxHashMap<String, Vec<u32>>>,
    /// The same by alphanumeric runs ("O'Brien" gives "o" and "brien"), as
    /// [`Discourse::described`] compares.
    by_alnum_word: OnceCell<FxHashMap<String, Vec<u32>>>,
    /// Persons named in two or more words, by their last word ([`Discourse::person`]).
    by_last_word: OnceCell<FxHashMap<&'a str, Vec<u32>>>,
}

/// [`Discourse::by_word`] of the mentions.
fn index_by_word(mentions: &[&Mention]) -> FxHashMap<String, Vec<u32>> {
    index_words(mentions, |name| Box::new(name_words(name)))
}

/// [`Discourse::by_alnum_word`] of the mentions.
fn index_by_alnum_word(mentions: &[&Mention]) -> FxHashMap<String, Vec<u32>> {
    index_words(mentions, |name| {
        Box::new(name.split(|c: char| !c.is_alphanumeric()))
    })
}

/// [`Discourse::by_last_word`] of the mentions.
fn index_by_last_word<'a>(mentions: &[&'a Mention]) -> FxHashMap<&'a str, Vec<u32>> {
    let mut out: FxHashMap<&'a str, Vec<u32>> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == EntityType::Person && m.canonical.contains(' ') {
            if let Some(last) = m.canonical.split(' ').next_back() {
                out.entry(last).or_default().push(i as u32);
            }
        }
    }
    out
}

type WordSplit = for<'n> fn(&'n str) -> Box<dyn Iterator<Item = &'n str> + 'n>;

/// Indexes into `mentions` by each word (ASCII lower-cased) of their canonical names.
fn index_words(mentions: &[&Mention], split: WordSplit) -> FxHashMap<String, Vec<u32>> {
    let mut by_word: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        for w in split(&m.canonical) {
            let list = by_word.entry(w.to_ascii_lowercase()).or_default();
            // A word twice in one name lists the mention once.
            if list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    by_word
}

impl<'a> Discourse<'a> {
    /// `mentions` must be in text order.
    pub(super) fn new(
        text: &'a str,
        sentences: &'a [Sentence],
        mentions: Vec<&'a Mention>,
    ) -> Discourse<'a> {
        Discourse {
            text,
            sentences,
            by_word: OnceCell::new(),
            by_alnum_word: OnceCell::new(),
            by_last_word: OnceCell::new(),
            mentions,
            people: RefCell::default(),
            speaking: RefCell::default(),
            canonicals: RefCell::default(),
        }
    }

    /// The mention covering token `t` (a name ends there), if any.
    pub(super) fn mention_ending_at(&self, t: &Tok) -> Option<&'a Mention> {
        let i = self.mentions.partition_point(|m| m.span.end <= t.start);
        self.mentions
            .get(i)
            .copied()
            .filter(|m| m.span.start <= t.start && t.start < m.span.end)
    }

    /// Mentions lying within bytes `from..to`.
    pub(super) fn within(&self, from: usize, to: usize) -> &[&'a Mention] {
        let lo = self.mentions.partition_point(|m| m.span.start < from);
        let hi = self.mentions.partition_point(|m| m.span.start < to);
        &self.mentions[lo..hi.max(lo)]
    }

    /// Whether a reporting verb follows byte `at` (a name's end) before `end`.
    fn followed_by_cue(&self, at: usize, end: usize) -> bool {
        let rest = &self.text[at..end];
        let word = rest
            .trim_start_matches(|c: char| !c.is_alphabetic())
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        rest.len() - rest.trim_start().len() <= 1 && is_cue(word)
    }

    /// Whether a reporting verb right before the name makes it the speaker of an inverted
    /// clause: "..., adds Al Basha." (the name then ends the clause).
    fn after_inverted_cue(&self, from: usize, m: &Mention) -> bool {
        let before = &self.text[from..m.span.start];
        let lead = before.trim_end_matches(' ');
        if before.len() - lead.len() != 1 {
            return false;
        }
        let word = lead
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let closes = self.text[m.span.end..]
            .trim_start_matches(['\'', '\u{2019}', 's'])
            .starts_with(['.', ',', ';']);
        closes && is_cue(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Encoding};

    #[test]
    fn word_index_lists_each_mention_once_under_ascii_folded_words() {
        let a = Article::new(
            "t".into(),
            "T\n\nTobias Kendrick met Kendrick Kendrick and ÉMILE Zola.".into(),
            Encoding::Utf8,
        );
        let mentions = crate::analyze::names::find(&a);
        let refs: Vec<&Mention> = mentions.iter().collect();
        let index = index_by_word(&refs);
        for (i, m) in refs.iter().enumerate() {
            for w in name_words(&m.canonical) {
                let list = &index[&w.to_ascii_lowercase()];
                assert_eq!(list.iter().filter(|&&j| j as usize == i).count(), 1, "{w}");
                assert!(list.windows(2).all(|p| p[0] < p[1]), "text order");
            }
        }
        // Only ASCII letters fold, as `eq_ignore_ascii_case` compares.
        assert!(!index.contains_key("émile"));
    }
}
