//! The article as the tagger reads it: sentences of tokens, each token marked as a
//! candidate (a word that may be part of a name) or not, so the tagger scores only the few
//! that matter.

use super::super::gazetteer::{Gazetteer, NameList};
use super::super::model;
use super::{hash, lower_key};
use crate::article::Article;
use crate::text::Span;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// One word of a sentence as the tagger sees it: a possessive `'s` is cut off ("Germany's"
/// -> "Germany"), and a dotted abbreviation keeps its final period ("U.S.").
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub span: Span,
    pub text: &'a str,
    /// The tagger scores this token; any other is outside every name (lower-case words that
    /// do not sit between two capitalised ones, punctuation-free numbers...).
    pub candidate: bool,
    /// What separates it from the token before ([`Gap`]).
    pub gap: Gap,
    /// [`lower_key`] of `text`: computed once, since the article-wide tables, the features
    /// and the first pass's labels all key the word by it.
    pub lower: u64,
    /// Whether `text` has a capital letter: found with its other letter kinds when the
    /// sentence is split, and asked again by the features and the article's word uses.
    pub(super) upper: bool,
}

/// What lies between two tokens. The segmenter drops punctuation, but a comma or a line
/// break between two capitalised words ends a name ("Lisa Harris, Liberal MP").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    Start,
    Space,
    Hyphen,
    Ampersand,
    /// "J. R. Ellis": the period of an initial.
    Initial,
    Comma,
    Bracket,
    Quote,
    Colon,
    Dash,
    /// "(Adrian Wyld/Canadian Press)": a photo credit's name and agency.
    Slash,
    LineBreak,
    Other,
}

impl Gap {
    fn of(gap: &str, prev: &str) -> Gap {
        match gap {
            " " | "\u{a0}" => Gap::Space,
            "-" | "\u{2010}" | "\u{2011}" => Gap::Hyphen,
            "&" | " & " | " and " => Gap::Ampersand,
            ". " | "." if prev.chars().count() == 1 => Gap::Initial,
            _ if gap.contains(['\n', '\r']) => Gap::LineBreak,
            _ if gap.contains(',') => Gap::Comma,
            _ if gap.contains(['(', ')', '[', ']']) => Gap::Bracket,
            _ if gap.contains(['"', '“', '”', '‘', '’', '\'']) => Gap::Quote,
            _ if gap.contains([':', ';']) => Gap::Colon,
            _ if gap.contains('/') => Gap::Slash,
            _ if gap.contains(['-', '–', '—']) => Gap::Dash,
            _ => Gap::Other,
        }
    }

    /// Whether a name may run on across this gap.
    pub fn joins(self) -> bool {
        matches!(
            self,
            Gap::Space | Gap::Hyphen | Gap::Ampersand | Gap::Initial
        )
    }
}

impl Token<'_> {
    /// What the tagger may call this token ([`model::Slot`]).
    pub fn slot(&self) -> model::Slot {
        if !self.candidate {
            model::OUTSIDE
        } else if self.gap.joins() {
            model::ANY
        } else {
            model::NO_INSIDE
        }
    }
}

/// One sentence's tokens and what is true of the whole sentence.
#[derive(Debug, Clone)]
pub struct TokSentence<'a> {
    pub tokens: Vec<Token<'a>>,
    /// Index into `Article::sentences`.
    pub index: usize,
    pub paragraph: usize,
    /// Every letter in capitals: a headline or dateline where case says nothing.
    pub all_caps: bool,
    /// Many numbers among few words: a results or prices line.
    pub table_like: bool,
}

/// "U.S", "U.K", "e.g": single letters joined by periods.
pub fn is_dotted_abbreviation(w: &str) -> bool {
    w.contains('.')
        && w.split('.').all(|p| p.chars().count() <= 1)
        && w.chars().any(char::is_uppercase)
}

/// Strips a possessive `'s` / `’s` from a word.
pub fn without_possessive(w: &str) -> &str {
    // Both suffixes end in "s": most words are passed over on their last byte.
    if !w.ends_with('s') {
        return w;
    }
    for suffix in ["'s", "’s"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    w
}

/// The article's sentences as token sequences.
pub fn sentences(article: &Article) -> Vec<TokSentence<'_>> {
    let text = article.text.as_str();
    let mut out = Vec::with_capacity(article.sentences.len());
    let mut scratch = (Vec::new(), Vec::new());
    let mut kinds = Vec::new();
    for (si, s) in article.sentences.iter().enumerate() {
        kinds.clear();
        let mut words = article.words_of(s).peekable();
        let mut tokens = Vec::with_capacity((s.words.1 - s.words.0) as usize);
        while let Some((start, w)) = words.next() {
            let after = start + w.len();
            // "U.S." and "U.N.": the segmenter leaves the final period out (unless the
            // period starts the next word, as a combining mark after it makes it do).
            let next_start = words.peek().map(|&(n, _)| n);
            let word = if text.as_bytes().get(after) == Some(&b'.')
                && is_dotted_abbreviation(w)
                && next_start.is_none_or(|n| n > after)
            {
                &text[start..after + 1]
            } else {
                without_possessive(w)
            };
            let end = start + word.len();
            let gap = match tokens.last() {
                None => Gap::Start,
                Some(p) => {
                    let p: &Token = p;
                    Gap::of(&text[p.span.end..start.max(p.span.end)], p.text)
                }
            };
            let k = letter_kinds(word);
            kinds.push(k);
            tokens.push(Token {
                span: Span::new(start, end),
                text: word,
                candidate: false,
                gap,
                lower: lower_key(word),
                upper: k & UPPER != 0,
            });
        }
        mark_candidates(&mut tokens, &kinds, &mut scratch);
        let (mut letters, mut lower, mut numbers) = (0usize, false, 0usize);
        for (t, &k) in tokens.iter().zip(&kinds) {
            if k & ALPHA != 0 {
                letters += 1;
                lower |= k & LOWER != 0;
            }
            numbers += usize::from(t.text.as_bytes().first().is_some_and(u8::is_ascii_digit));
        }
        let all_caps = letters >= 2 && !lower;
        let table_like = tokens.len() >= 3 && numbers * 3 >= tokens.len();
        out.push(TokSentence {
            tokens,
            index: si,
            paragraph: s.paragraph,
            all_caps,
            table_like,
        });
    }
    out
}

/// [`letter_kinds`] bits: the word has a capital, a small letter, any letter.
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const ALPHA: u8 = 4;

/// Which kinds of letter a word has ([`UPPER`], [`LOWER`], [`ALPHA`]): what the candidate
/// marking and the sentence's capitals-and-tables tests ask of every token, answered in one
/// pass over an ASCII word's bytes.
fn letter_kinds(w: &str) -> u8 {
    let mut k = 0;
    if let Some((upper, lower)) = hash::ascii_letters(w.as_bytes()) {
        if upper {
            k |= UPPER;
        }
        if lower {
            k |= LOWER;
        }
        if k != 0 {
            k |= ALPHA;
        }
    } else {
        for (bit, test) in [
            (UPPER, char::is_uppercase as fn(char) -> bool),
            (LOWER, char::is_lowercase),
            (ALPHA, char::is_alphabetic),
        ] {
            if w.chars().any(test) {
                k |= bit;
            }
        }
    }
    k
}

/// Whether the particle list holds `w`, a word of at most eight bytes. Asked of every
/// short lower-case word ("the", "of", "and" are on the list), so the list is kept as its
/// words packed into integers ([`hash::packed_short`]): no string is hashed or compared.
fn is_particle(g: &Gazetteer, w: &str) -> bool {
    static PACKED: OnceLock<FxHashSet<u64>> = OnceLock::new();
    let packed = PACKED.get_or_init(|| {
        g.list(NameList::Particle)
            .map(|p| hash::packed_short(p.as_bytes()).expect("particles are short"))
            .collect()
    });
    hash::packed_short(w.as_bytes()).is_some_and(|v| packed.contains(&v))
}

/// A token can be part of a name when it has a capital letter, or when it is a short word or
/// a number inside a capitalised stretch ("Bank of England", "van der Merwe", "1860
/// Munich"). Everything else is left out of the name search, which keeps the tagger's cost
/// to the few tokens that matter.
///
/// `kinds`: each token's [`letter_kinds`]; `scratch`: buffers for the per-token tests, reused
/// from sentence to sentence.
fn mark_candidates(
    tokens: &mut [Token],
    kinds: &[u8],
    (upper, particle): &mut (Vec<bool>, Vec<bool>),
) {
    upper.clear();
    upper.extend(kinds.iter().map(|k| k & UPPER != 0));
    let upper = &upper[..];
    let g = Gazetteer::get();
    // "Bank of England", "Joost van der Merwe": the lower-case words names hold. Every one
    // starts with a small ASCII letter (a test holds the list to that), so most words are
    // ruled out before the look-up.
    particle.clear();
    particle.extend(tokens.iter().map(|t| {
        t.text.len() <= 5
            && t.text
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_lowercase)
            && is_particle(g, t.text)
    }));
    let particle = &particle[..];
    // "Joost van der Merwehoek": a row of particles between capitalised words.
    let n = tokens.len();
    let inside = |i: usize| -> bool {
        let before = (0..i).rev().find(|&j| !particle[j]);
        let after = (i + 1..n).find(|&j| !particle[j]);
        before.is_some_and(|j| upper[j]) && after.is_some_and(|j| upper[j]) && {
            let (b, a) = (before.unwrap_or(0), after.unwrap_or(0));
            a - b <= 4
        }
    };
    for i in 0..tokens.len() {
        let t = tokens[i].text;
        let next_upper = upper.get(i + 1).copied().unwrap_or(false);
        // "Kim Jong-un", "Ata-ur-Rehman": lower-case parts hyphened onto a name.
        let hyphened = i > 0 && tokens[i].gap == Gap::Hyphen && tokens[i - 1].candidate;
        tokens[i].candidate = upper[i]
            || hyphened
            || (particle[i] && inside(i))
            || (next_upper && t.chars().all(|c| c.is_ascii_digit()) && t.len() <= 4);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Encoding;

    fn article(text: &str) -> Article {
        Article::new("t.txt".into(), text.into(), Encoding::Utf8)
    }

    #[test]
    fn letter_kinds_are_those_of_the_character_tests() {
        for w in [
            "",
            "a",
            "A",
            "1860",
            "McDonald",
            "U.S.",
            "Zürich",
            "ÉCOLE",
            "ß",
            "--",
            "ª",
            "@[`{",
            "ABCDEFGHIJKLm",
            "abcdefghijklmnopQ",
            "12345678Z",
            "longer-word-without-capitals",
        ] {
            let k = letter_kinds(w);
            assert_eq!(k & UPPER != 0, w.chars().any(char::is_uppercase), "{w}");
            assert_eq!(k & LOWER != 0, w.chars().any(char::is_lowercase), "{w}");
            assert_eq!(k & ALPHA != 0, w.chars().any(char::is_alphabetic), "{w}");
        }
    }

    #[test]
    fn the_packed_particles_are_the_list() {
        let g = Gazetteer::get();
        for w in [
            "of", "the", "van", "della", "y", "oft", "th", "vanx", "Of", "", "ofthe",
        ] {
            assert_eq!(is_particle(g, w), g.in_list(NameList::Particle, w), "{w}");
        }
    }

    #[test]
    fn possessives_are_cut_and_abbreviations_keep_their_period() {
        let a = article("Title\n\nGermany's envoy met U.S. officials.");
        let s = sentences(&a);
        let words: Vec<&str> = s[1].tokens.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Germany", "envoy", "met", "U.S.", "officials"]);
    }

    #[test]
    fn only_capitalised_stretches_are_candidates() {
        let a = article(
            "Title\n\nThe Bank of England and the 1860 Munich club met Nadal works Roddick.",
        );
        let s = sentences(&a);
        let cand: Vec<&str> = s[1]
            .tokens
            .iter()
            .filter(|t| t.candidate)
            .map(|t| t.text)
            .collect();
        assert_eq!(
            cand,
            ["The", "Bank", "of", "England", "1860", "Munich", "Nadal", "Roddick"]
        );
    }

    #[test]
    fn lines_in_capitals_and_tables_are_recognised() {
        let a = article("SOCCER - JAPAN GET LUCKY WIN\n\nBarcelona 3 1 0 7 2 10\n\nHe left.");
        let s = sentences(&a);
        assert!(s[0].all_caps);
        assert!(s[1].table_like && !s[1].all_caps);
        assert!(!s[2].table_like);
    }
}
