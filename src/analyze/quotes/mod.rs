//! Direct quotations and who said them.
//!
//! Two passes over one article. [`pair`] finds quotation marks with `memchr` and pairs them
//! paragraph by paragraph, so a stray mark can never swallow the rest of the article: a
//! quote only runs past its paragraph when the next paragraph re-opens it (the newspaper
//! convention for long quotations). [`attribute`] then looks at the few words around each
//! quote for a reporting verb (the cue lexicon, `cues.rs`) and the speaker next to it,
//! resolving names, short names and pronouns through [`names`](super::names), the one
//! shared name module, and `coref`, the coreference the gender evidence shares.
//!
//! Everything works on small byte windows of the text around each quote, so the cost is
//! proportional to the number of quotes, not to the length of the article.
//!
//! One file per question the second pass asks, so each can be read and tuned alone:
//! `marks.rs` is the first pass; `attribution.rs` walks the quotes and decides which clue
//! wins; `cues.rs` and `lexicon.rs` say what the words of a window are, over the tokens of
//! `analyze/window.rs` and the verbs of `analyze/verbs.rs` (shared with coreference);
//! `speaker.rs` finds the phrase that names the speaker beside a cue, and `analyze/coref`
//! finds who that phrase ("he", "Brevold", "the mayor") is, over the discourse `context.rs`
//! wraps. `tests.rs` runs [`find`] end to end on small articles.

mod attribution;
mod context;
mod cues;
mod lexicon;
mod marks;
mod reported;
mod speaker;
#[cfg(test)]
mod tests;

pub use crate::analyze::verbs::cue_forms;
pub use attribution::attribute;
pub use marks::pair;

use super::names::{EntityType, Mention};
use crate::article::Article;
use crate::text::{tokenize, Span};

/// One direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// The quotation marks included.
    pub span: Span,
    /// The quoted words, marks excluded.
    pub inner: Span,
    /// `inner` as text, white space collapsed: the article text is gone by report time.
    pub quote: String,
    /// Canonical within the article ("Ali Khamenei"); empty when nobody was found.
    pub speaker: String,
    /// The words that named the speaker at this quote ("Khamenei", "he", "the ministry").
    pub speaker_mention: String,
    pub speaker_type: Option<EntityType>,
    /// The reporting verb or phrase ("said", "according to", "quoted ... as saying").
    pub cue: String,
    /// No closing mark before the end of the paragraph.
    pub unclosed: bool,
    pub kind: QuoteKind,
}

/// What kind of speech a row of `quotes.csv` holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum QuoteKind {
    /// A whole quotation: a sentence or more in quotation marks.
    #[default]
    Direct,
    /// Quoted words inside the writer's sentence ("called the plan "a disaster"").
    Partial,
    /// Reported speech: what someone said, in the writer's words, no quotation marks.
    Reported,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Reported => "reported",
        }
    }
}

/// Every quote of an article plus the marks that could not be paired.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes {
    pub quotes: Vec<Quote>,
    /// Closing marks with nothing open, and opening marks never closed.
    pub stray_marks: u32,
    /// Short quoted terms with no speaker, left out of `quotes` ([`is_quoted_term`]).
    pub quoted_terms: u32,
}

/// Finds and attributes every quotation of an article.
pub fn find(a: &Article, mentions: &[Mention]) -> Quotes {
    let (spans, stray_marks) = pair(&a.text, &a.paragraphs);
    let mut quotes = attribute(a, mentions, &spans);
    let before = quotes.len();
    quotes.retain(|q| !is_quoted_term(q) && !is_nickname(q, mentions));
    Quotes {
        quoted_terms: (before - quotes.len()) as u32,
        quotes,
        stray_marks,
    }
}

/// Words at most in a quoted term.
pub(super) const TERM_WORDS: usize = 2;

/// A word or two in quotation marks that nobody is said to have said (“sextortion”,
/// “shovel-ready”) is a term held at arm's length, a nickname or a title, not a quotation:
/// it is counted ([`Quotes::quoted_terms`]) but not listed as a quote.
fn is_quoted_term(q: &Quote) -> bool {
    q.speaker.is_empty()
        && q.speaker_mention.is_empty()
        && q.quote.split_whitespace().nth(TERM_WORDS).is_none()
}

/// Cris "Cyborg" Justino: a quotation inside a person's name is the person's nickname.
fn is_nickname(q: &Quote, mentions: &[Mention]) -> bool {
    mentions.iter().any(|m| {
        m.kind == EntityType::Person && m.span.start < q.span.start && q.span.end < m.span.end
    })
}

/// A paired quotation before attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawQuote {
    pub span: Span,
    pub inner: Span,
    pub unclosed: bool,
}

/// Words in a quotation, for `speakers.csv`.
pub fn word_count(quote: &str) -> u64 {
    tokenize::words(quote).count() as u64
}
