//! What the entity tagger sees of each word: the article cut into sentences of tokens, and
//! each candidate token described by hashed features (the word, its shape and affixes, its
//! neighbours, what the gazetteers know of it, where it sits, and how the same word is used
//! elsewhere in the article).
//!
//! Features are 64-bit hashes, never strings: a token's features are computed without
//! allocating, and the model stores hashes only. The hash is FNV-1a, fixed here, so a model
//! trained once scores the same on every machine and build.
//!
//! `sentences.rs` cuts the article into tokens and marks the candidates, `document.rs`
//! gathers what the whole article says of each word, `featurizer.rs` computes each
//! candidate's features, and `hash.rs` is the hashing all three key words by.

mod document;
mod featurizer;
mod hash;
mod sentences;

pub use document::{DocContext, DocLabels};
pub(in crate::analyze::names) use featurizer::title_case;
pub use featurizer::Featurizer;
pub use hash::lower_key;
pub use sentences::{
    is_dotted_abbreviation, sentences, without_possessive, Gap, TokSentence, Token,
};
