//! Text primitives shared by every analysis: word tokens, sentence boundaries, stop words.
//!
//! Everything here is a pure function over `&str` returning byte offsets into it, so the
//! analyses can report spans that index the article text directly.

pub mod packed;
pub mod sentences;
pub mod stopwords;
pub mod tokenize;

/// Days of the week as news writes them: time words, never a name's part ("said Thursday",
/// "Reagan Friday said"). Shared by the name and quote stages.
pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A half-open byte range `start..end` into an article's text.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}
