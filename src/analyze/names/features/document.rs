//! What the whole article says about a word, for the features of each of its uses: how
//! the word is used elsewhere in the article (`DocContext`, before tagging) and how the
//! first pass tagged it (`DocLabels`, for the second).

use super::super::model;
use super::hash;
use super::lower_key;
use super::sentences::{TokSentence, Token};
use rustc_hash::FxHashMap;

/// How each capitalised word (lower case) is used across the article: the words before
/// and after its occurrences, and whether it is also written in lower case. A name written
/// many times is typed by all of its contexts ("Chelsea" after "beat" once and before
/// "said" in another sentence), so a sentence that says nothing still gets the article's
/// verdict.
#[derive(Default)]
pub struct DocContext {
    /// Keyed by the hash of the word's lower-case form ([`lower_key`]).
    pub(super) by_word: FxHashMap<u64, WordUse>,
}

#[derive(Default)]
pub(super) struct WordUse {
    pub(super) before: Contexts,
    pub(super) after: Contexts,
    pub(super) lower_case: bool,
    pub(super) capitalised_inside: bool,
    /// Written capitalised after the first paragraph (the headline).
    in_body: bool,
}

/// Contexts kept per word: enough to type it, bounded so one frequent word costs little.
const MAX_CONTEXTS: usize = 6;

/// Up to [`MAX_CONTEXTS`] distinct word hashes, in the order first seen: held inline, so
/// the article's many capitalised words cost no allocation each.
#[derive(Default)]
pub(super) struct Contexts {
    h: [u64; MAX_CONTEXTS],
    len: usize,
}

impl Contexts {
    pub(super) fn as_slice(&self) -> &[u64] {
        &self.h[..self.len]
    }

    /// Adds `h` unless it is there already or the list is full.
    fn add(&mut self, h: u64) {
        if self.len < MAX_CONTEXTS && !self.as_slice().contains(&h) {
            self.h[self.len] = h;
            self.len += 1;
        }
    }
}

/// The hash of a token's lower-case form, or of a sentence boundary.
fn lower_hash(toks: &[Token], at: Option<usize>) -> u64 {
    match at {
        None => hash::str("<s>"),
        Some(i) => toks.get(i).map_or_else(|| hash::str("</s>"), |t| t.lower),
    }
}

impl DocContext {
    pub fn new(sentences: &[TokSentence]) -> DocContext {
        // Sized for every capitalised candidate being a word of its own, so the map (of
        // large entries) is never grown and copied.
        let capitalised = sentences
            .iter()
            .flat_map(|s| &s.tokens)
            .filter(|t| t.candidate && t.upper)
            .count();
        let mut by_word: FxHashMap<u64, WordUse> =
            FxHashMap::with_capacity_and_hasher(capitalised, Default::default());
        // Candidates first: only their lower-case uses matter, so the many lower-case words
        // of an article are looked up, never stored.
        for s in sentences {
            let toks = &s.tokens;
            for (i, t) in toks.iter().enumerate() {
                if !t.candidate || !t.upper {
                    continue;
                }
                let u = by_word.entry(t.lower).or_default();
                if i > 0 && !s.all_caps {
                    u.capitalised_inside = true;
                }
                if s.paragraph > 0 {
                    u.in_body = true;
                }
                if s.all_caps {
                    continue;
                }
                u.before.add(lower_hash(toks, i.checked_sub(1)));
                u.after.add(lower_hash(toks, Some(i + 1)));
            }
        }
        if !by_word.is_empty() {
            for s in sentences {
                for t in s.tokens.iter().filter(|t| !t.candidate) {
                    if t.text.chars().next().is_some_and(char::is_lowercase) {
                        if let Some(u) = by_word.get_mut(&t.lower) {
                            u.lower_case = true;
                        }
                    }
                }
            }
        }
        DocContext { by_word }
    }

    /// Whether the article writes the word capitalised after its first paragraph; asked
    /// of the words of a Title Case headline.
    pub fn capitalised_in_body(&self, word: &str) -> bool {
        self.by_word
            .get(&lower_key(word))
            .is_some_and(|u| u.in_body)
    }

    /// Whether the article writes the word in lower case somewhere ("crooked"); asked of
    /// capitalised words only.
    pub fn written_lower(&self, word: &str) -> bool {
        self.written_lower_key(lower_key(word))
    }

    /// [`DocContext::written_lower`] of a word given its [`lower_key`].
    pub fn written_lower_key(&self, key: u64) -> bool {
        self.by_word.get(&key).is_some_and(|u| u.lower_case)
    }

    /// Whether the article writes the word (given its [`lower_key`]) capitalised after a
    /// sentence's first word, outside lines in capitals: there its capital is the name's.
    pub fn capitalised_inside_key(&self, key: u64) -> bool {
        self.by_word.get(&key).is_some_and(|u| u.capitalised_inside)
    }
}

/// How the first pass tagged each word of the article (lower case): counts of person,
/// organisation, place and other-name tags. The second pass reads them as features.
#[derive(Default)]
pub struct DocLabels {
    /// Keyed by [`lower_key`].
    by_word: FxHashMap<u64, [u16; 4]>,
}

impl DocLabels {
    /// Records a first-pass tag (not outside) of a word.
    pub fn add(&mut self, word: &str, tag: u8) {
        if tag != model::O {
            self.add_key(lower_key(word), tag);
        }
    }

    /// [`DocLabels::add`] of a word given its [`lower_key`].
    pub fn add_key(&mut self, key: u64, tag: u8) {
        if tag == model::O {
            return;
        }
        let kind = ((tag - 1) / 2) as usize;
        let c = self.by_word.entry(key).or_default();
        c[kind] = c[kind].saturating_add(1);
    }

    /// Appends the features of `word`: each kind it was given, and the kind given most.
    pub fn features(&self, word: &str, out: &mut Vec<u64>) {
        self.features_key(lower_key(word), out);
    }

    /// [`DocLabels::features`] of a word given its [`lower_key`].
    pub fn features_key(&self, key: u64, out: &mut Vec<u64>) {
        let Some(&c) = self.by_word.get(&key) else {
            out.push(hash::f(72, 0));
            return;
        };
        let mut best = 0;
        for k in 0..4 {
            if c[k] > 0 {
                out.push(hash::f(70, k as u64));
            }
            if c[k] > c[best] {
                best = k;
            }
        }
        out.push(hash::f(71, best as u64));
    }
}
