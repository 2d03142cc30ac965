//! What resolving a speaker may ask of the article, shared by `speaker.rs` and `coref.rs`:
//! indexes built on first use, so most quotes cost no more than their window.

use super::lexicon::name_words;
use crate::analyze::names::{EntityType, Gender, Mention};
use crate::analyze::window::Tok;
use crate::article::Sentence;
use rustc_hash::FxHashMap;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// Who spoke, as found at one quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Speaker {
    pub(super) canonical: String,
    pub(super) mention: String,
    pub(super) kind: Option<EntityType>,
}

/// A speaker with the cue that introduced it.
pub(super) type Found = (Speaker, String);

/// What resolving a speaker needs from the article.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) sentences: &'a [Sentence],
    /// Mentions outside quotations, in text order: a name inside a quote is not a speaker
    /// and not a pronoun's antecedent.
    pub(super) mentions: Vec<&'a Mention>,
    /// Per mention (by start byte): its name as a bare person's name, lower-cased tokens of
    /// that name, and the gender if it plausibly names a person. Computed on first use.
    pub(super) people: RefCell<FxHashMap<usize, Rc<Person>>>,
    /// [`Ctx::speaking_surname`] per sentence span.
    pub(super) speaking: RefCell<FxHashMap<(usize, usize), Option<&'a Mention>>>,
    /// [`Ctx::canonical`] per mention (by start byte): a pronoun's antecedent is resolved
    /// again for every quote it speaks.
    pub(super) canonicals: RefCell<FxHashMap<usize, (String, EntityType)>>,
    /// Indexes into `mentions`, in text order, by each word of the mention's canonical
    /// name (ASCII lower-cased, as [`Ctx::full_mention`] compares): a long text (a whole
    /// archive in one file) would otherwise scan every mention for every quote.
    /// Built on first use, as are the two below: most articles never need them.
    pub(super) by_word: OnceCell<FxHashMap<String, Vec<u32>>>,
    /// The same by alphanumeric runs ("O'Brien" gives "o" and "brien"), as
    /// [`Ctx::described`] compares.
    pub(super) by_alnum_word: OnceCell<FxHashMap<String, Vec<u32>>>,
    /// Persons named in two or more words, by their last word ([`Ctx::person`]).
    pub(super) by_last_word: OnceCell<FxHashMap<&'a str, Vec<u32>>>,
}

/// [`Ctx::by_word`] of the mentions.
pub(super) fn index_by_word(mentions: &[&Mention]) -> FxHashMap<String, Vec<u32>> {
    index_words(mentions, |name| Box::new(name_words(name)))
}

/// [`Ctx::by_alnum_word`] of the mentions.
pub(super) fn index_by_alnum_word(mentions: &[&Mention]) -> FxHashMap<String, Vec<u32>> {
    index_words(mentions, |name| {
        Box::new(name.split(|c: char| !c.is_alphanumeric()))
    })
}

/// [`Ctx::by_last_word`] of the mentions.
pub(super) fn index_by_last_word<'a>(mentions: &[&'a Mention]) -> FxHashMap<&'a str, Vec<u32>> {
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

/// What pronoun and short-name resolution need to know about one mention.
pub(super) struct Person {
    pub(super) core: String,
    pub(super) gender: Option<Gender>,
}

impl<'a> Ctx<'a> {
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
}
