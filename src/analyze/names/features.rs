//! What the entity tagger sees of each word: the article cut into sentences of tokens, and
//! each candidate token described by hashed features (the word, its shape and affixes, its
//! neighbours, what the gazetteers know of it, where it sits, and how the same word is used
//! elsewhere in the article).
//!
//! Features are 64-bit hashes, never strings: a token's features are computed without
//! allocating, and the model stores hashes only. The hash is FNV-1a, fixed here, so a model
//! trained once scores the same on every machine and build.

use super::gazetteer::{flag, with_lowercase, Gazetteer, NameList};
use super::model;
use crate::article::Article;
use crate::text::Span;
use rustc_hash::FxHashMap;

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
    for suffix in ["'s", "’s"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    w
}

/// Whether the word has a capital letter; asked of every token, so an ASCII word is
/// answered from its bytes.
fn has_upper(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        w.chars().any(char::is_uppercase)
    }
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
            let mut end = start + w.len();
            // "U.S." and "U.N.": the segmenter leaves the final period out (unless the
            // period starts the next word, as a combining mark after it makes it do).
            let next_start = words.peek().map(|&(n, _)| n);
            if text[end..].starts_with('.')
                && is_dotted_abbreviation(w)
                && next_start.is_none_or(|n| n > end)
            {
                end += 1;
            } else {
                end = start + without_possessive(w).len();
            }
            let gap = match tokens.last() {
                None => Gap::Start,
                Some(p) => {
                    let p: &Token = p;
                    Gap::of(&text[p.span.end..start.max(p.span.end)], p.text)
                }
            };
            let word = &text[start..end];
            kinds.push(letter_kinds(word));
            tokens.push(Token {
                span: Span::new(start, end),
                text: word,
                candidate: false,
                gap,
                lower: lower_key(word),
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
    if w.is_ascii() {
        for b in w.bytes() {
            if b.is_ascii_uppercase() {
                k |= UPPER;
            } else if b.is_ascii_lowercase() {
                k |= LOWER;
            }
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
            && g.in_list(NameList::Particle, t.text)
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

/// Feature hashing. Strings are hashed eight bytes at a time (little-endian, so the same
/// on every machine) and each token's word, lower-case form and shape are hashed once per
/// sentence; a feature is its template number mixed with those hashes. Fixed here, so a
/// model trained once scores the same on every machine and build.
mod hash {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    const K2: u64 = 0xff51_afd7_ed55_8ccd;

    #[inline]
    fn finish(h: u64) -> u64 {
        let h = (h ^ (h >> 33)).wrapping_mul(K2);
        h ^ (h >> 29)
    }

    #[inline]
    pub fn str(s: &str) -> u64 {
        bytes(s.as_bytes())
    }

    /// [`bytes`] of the ASCII bytes in lower case, without copying them first.
    #[inline]
    pub fn ascii_lower(b: &[u8]) -> u64 {
        let mut h = (b.len() as u64).wrapping_mul(K);
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            h = (h.rotate_left(5) ^ lower8(word(c))).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            h = (h.rotate_left(5) ^ lower8(tail(rest))).wrapping_mul(K);
        }
        finish(h)
    }

    #[inline]
    pub fn bytes(b: &[u8]) -> u64 {
        let mut h = (b.len() as u64).wrapping_mul(K);
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            h = (h.rotate_left(5) ^ word(c)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            h = (h.rotate_left(5) ^ tail(rest)).wrapping_mul(K);
        }
        finish(h)
    }

    /// Eight bytes, little-endian.
    #[inline]
    fn word(c: &[u8]) -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        u64::from_le_bytes(w)
    }

    /// Fewer than eight bytes, little-endian and padded with zeros: assembled byte by byte,
    /// since a copy of a length known only at run time is a call to `memcpy`, which cost
    /// more than the hashing of the short words most are.
    #[inline]
    fn tail(rest: &[u8]) -> u64 {
        let mut v = 0u64;
        for (k, &b) in rest.iter().enumerate() {
            v |= u64::from(b) << (8 * k);
        }
        v
    }

    /// `make_ascii_lowercase` of eight packed bytes at once: a byte in `A..=Z` gains its
    /// 0x20 bit; any other byte, non-ASCII ones too, is left alone.
    #[inline]
    fn lower8(v: u64) -> u64 {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const ONES: u64 = 0x0101_0101_0101_0101;
        let low7 = v & !HIGH;
        // Per byte, no carry into the next one: the high bit says ">= 'A'", "> 'Z'".
        let from_a = low7 + ONES * u64::from(0x80 - b'A');
        let past_z = low7 + ONES * u64::from(0x7f - b'Z');
        let upper = from_a & !past_z & !v & HIGH;
        v | (upper >> 2)
    }

    /// A feature: a template number and a value.
    #[inline]
    pub fn f(template: u8, value: u64) -> u64 {
        finish((u64::from(template) + 1).wrapping_mul(K).rotate_left(21) ^ value.wrapping_mul(K))
    }

    /// A feature of two values.
    #[inline]
    pub fn f2(template: u8, a: u64, b: u64) -> u64 {
        f(template, finish(a.rotate_left(17) ^ b.wrapping_mul(K2)))
    }
}

/// Word shape: capitals X, small letters x, digits d, anything else itself, runs of one
/// class collapsed ("McDonald" -> "XxXx"), hashed.
fn shape_hash(w: &str) -> u64 {
    let mut buf = [0u8; 16];
    let mut n = 0;
    let mut last = 0u8;
    for c in w.chars().take(12) {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if s != last && n < buf.len() {
            buf[n] = s;
            n += 1;
        }
        last = s;
    }
    hash::bytes(&buf[..n])
}

/// Title case of a word in capitals ("FRANCE" -> "France"), for looking it up in lists
/// that store names as usually written.
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Gazetteer matches over a sentence: for each token, whether it begins (1) or continues
/// (2) the longest known place or organisation name found there.
#[derive(Clone, Copy, Default)]
struct ListMark {
    place: u8,
    org: u8,
}

const MAX_LIST_NAME: usize = 6;

fn list_marks(
    g: &Gazetteer,
    text: &str,
    s: &TokSentence,
    info: &[TokInfo],
    marks: &mut Vec<ListMark>,
) {
    let toks = &s.tokens;
    marks.clear();
    marks.resize(toks.len(), ListMark::default());
    let mut i = 0;
    while i < toks.len() {
        // Only from a word some known name starts with.
        if !toks[i].candidate || info[i].flags & (flag::HEAD | flag::PLACE | flag::ORG) == 0 {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, bool)> = None;
        let last = (i + MAX_LIST_NAME).min(toks.len());
        for j in i..last {
            if !toks[j].candidate || (j > i && !toks[j].gap.joins()) {
                break;
            }
            let name = &text[toks[i].span.start..toks[j].span.end];
            let (place, org) = if s.all_caps {
                let titled: String = name
                    .split(' ')
                    .map(title_case)
                    .collect::<Vec<_>>()
                    .join(" ");
                (
                    g.place(name).is_some() || g.place(&titled).is_some(),
                    g.org(name).is_some() || g.org(&titled).is_some(),
                )
            } else {
                (g.place(name).is_some(), g.org(name).is_some())
            };
            if place || org {
                best = Some((j, place && !org));
            }
        }
        match best {
            Some((j, is_place)) => {
                for (k, m) in marks[i..=j].iter_mut().enumerate() {
                    let v = if k == 0 { 1 } else { 2 };
                    if is_place {
                        m.place = v;
                    } else {
                        m.org = v;
                    }
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

/// For each token, the stretch of candidate tokens joined by spaces, hyphens or initials
/// that holds it (`first..=last`), `None` for a token that is no candidate.
fn runs(toks: &[Token], out: &mut Vec<Option<(usize, usize)>>) {
    out.clear();
    out.resize(toks.len(), None);
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].candidate {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < toks.len() && toks[j + 1].candidate && toks[j + 1].gap.joins() {
            j += 1;
        }
        // A lower-case word cannot end a stretch ("Bank of").
        let mut last = j;
        while last > i && !has_upper(toks[last].text) {
            last -= 1;
        }
        for slot in out.iter_mut().take(j + 1).skip(i) {
            *slot = Some((i, last));
        }
        i = j + 1;
    }
}

/// How each capitalised word (lower case) is used across the article: the words before
/// and after its occurrences, and whether it is also written in lower case. A name written
/// many times is typed by all of its contexts ("Chelsea" after "beat" once and before
/// "said" in another sentence), so a sentence that says nothing still gets the article's
/// verdict.
#[derive(Default)]
pub struct DocContext {
    /// Keyed by the hash of the word's lower-case form ([`lower_key`]).
    by_word: FxHashMap<u64, WordUse>,
}

#[derive(Default)]
struct WordUse {
    before: Contexts,
    after: Contexts,
    lower_case: bool,
    capitalised_inside: bool,
    /// Written capitalised after the first paragraph (the headline).
    in_body: bool,
}

/// Contexts kept per word: enough to type it, bounded so one frequent word costs little.
const MAX_CONTEXTS: usize = 6;

/// Up to [`MAX_CONTEXTS`] distinct word hashes, in the order first seen: held inline, so
/// the article's many capitalised words cost no allocation each.
#[derive(Default)]
struct Contexts {
    h: [u64; MAX_CONTEXTS],
    len: usize,
}

impl Contexts {
    fn as_slice(&self) -> &[u64] {
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

/// What the article-wide tables key a word by: the hash of its lower-case form (the same
/// as a token's `TokInfo::lower`), so no string is stored or compared.
pub fn lower_key(word: &str) -> u64 {
    if word.is_ascii() {
        hash::ascii_lower(word.as_bytes())
    } else {
        with_lowercase(word, hash::str)
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
        let mut by_word: FxHashMap<u64, WordUse> = FxHashMap::default();
        // Candidates first: only their lower-case uses matter, so the many lower-case words
        // of an article are looked up, never stored.
        for s in sentences {
            let toks = &s.tokens;
            for (i, t) in toks.iter().enumerate() {
                if !t.candidate || !has_upper(t.text) {
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

/// What is computed once per token of a sentence for its own and its neighbours' features.
#[derive(Clone, Copy, Default)]
struct TokInfo {
    word: u64,
    lower: u64,
    shape: u64,
    flags: u16,
}

/// Computes the features of candidate tokens into reusable buffers.
pub struct Featurizer<'g> {
    g: &'g Gazetteer,
    info: Vec<TokInfo>,
    marks: Vec<ListMark>,
    runs: Vec<Option<(usize, usize)>>,
}

impl<'g> Featurizer<'g> {
    pub fn new(g: &'g Gazetteer) -> Featurizer<'g> {
        Featurizer {
            g,
            info: Vec::new(),
            marks: Vec::new(),
            runs: Vec::new(),
        }
    }

    /// The features of every token of `s` (empty for a token that is no candidate), as
    /// `(offsets, hashes)`: token `i`'s features are `hashes[offsets[i]..offsets[i + 1]]`.
    pub fn sentence(
        &mut self,
        text: &str,
        s: &TokSentence,
        doc: &DocContext,
        offsets: &mut Vec<u32>,
        out: &mut Vec<u64>,
    ) {
        offsets.clear();
        out.clear();
        let g = self.g;
        let mut info = std::mem::take(&mut self.info);
        info.clear();
        info.resize(s.tokens.len(), TokInfo::default());
        // Only what the features read is computed: of a candidate, its word, shape and
        // list flags; of the words next to one, their shapes, and of the word before one,
        // its flags (a title, a first name); of the two words each side, their lower-case
        // forms (which every token has). The rest stays zero, unread.
        let toks = &s.tokens;
        let candidate = |j: usize| toks.get(j).is_some_and(|n| n.candidate);
        for (i, t) in toks.iter().enumerate() {
            let before_one = candidate(i + 1);
            let beside_one = t.candidate || before_one || (i >= 1 && candidate(i - 1));
            let near = beside_one || candidate(i + 2) || (i >= 2 && candidate(i - 2));
            if !near {
                continue;
            }
            info[i] = TokInfo {
                word: if t.candidate { hash::str(t.text) } else { 0 },
                lower: t.lower,
                shape: if beside_one { shape_hash(t.text) } else { 0 },
                flags: if t.candidate || before_one {
                    g.flags_of_key(t.lower, t.text)
                } else {
                    0
                },
            };
        }
        let mut marks = std::mem::take(&mut self.marks);
        list_marks(g, text, s, &info, &mut marks);
        let mut stretches = std::mem::take(&mut self.runs);
        runs(&s.tokens, &mut stretches);
        offsets.push(0);
        for i in 0..s.tokens.len() {
            if s.tokens[i].candidate {
                token(s, i, &info, marks[i], doc, out);
                run_features(s, i, stretches[i], &info, out);
            }
            offsets.push(out.len() as u32);
        }
        self.info = info;
        self.marks = marks;
        self.runs = stretches;
    }
}

/// The capitalised stretch a token sits in types it as a whole: its last word ("Hyde
/// Park", "Chelsea Football Club"), its first word, its length and the token's place in it.
fn run_features(
    s: &TokSentence,
    i: usize,
    run: Option<(usize, usize)>,
    info: &[TokInfo],
    out: &mut Vec<u64>,
) {
    let Some((first, last)) = run else {
        return;
    };
    let len = (last + 1).saturating_sub(first).min(5) as u64;
    let pos = if first == last {
        0u64
    } else if i == first {
        1
    } else if i >= last {
        3
    } else {
        2
    };
    out.push(hash::f2(60, info[last].lower, pos));
    out.push(hash::f2(61, info[first].lower, pos));
    out.push(hash::f(62, len | pos << 4 | u64::from(s.all_caps) << 8));
}

/// The features of candidate token `i`.
fn token(
    s: &TokSentence,
    i: usize,
    info: &[TokInfo],
    mark: ListMark,
    doc: &DocContext,
    out: &mut Vec<u64>,
) {
    let toks = &s.tokens;
    let w = toks[i].text;
    let me = info[i];
    let ctx = u64::from(s.all_caps);
    out.push(hash::f(0, 0));
    out.push(hash::f(1, me.word));
    out.push(hash::f(2, me.lower));
    out.push(hash::f2(4, me.shape, ctx));
    // Prefixes and suffixes of one to four letters, lower case. An ASCII word's letters
    // are its bytes: its affixes are cut and lowered without a copy, a UTF-8 check or a
    // walk over its characters (the same strings, so the same hashes).
    if w.is_ascii() {
        let b = w.as_bytes();
        let n = b.len();
        for k in 0..n.min(4) {
            out.push(hash::f2(5, k as u64 + 1, hash::ascii_lower(&b[..=k])));
        }
        for k in 0..n.min(4) {
            out.push(hash::f2(
                6,
                k as u64 + 1,
                hash::ascii_lower(&b[n - 1 - k..]),
            ));
        }
    } else {
        affixes(w, out);
    }
    // Neighbours, two each side, and the bigrams and shapes they make with the word.
    let neighbour =
        |j: isize| -> Option<TokInfo> { (j >= 0).then(|| info.get(j as usize).copied()).flatten() };
    let boundary = |j: isize| {
        if j < 0 {
            hash::str("<s>")
        } else {
            hash::str("</s>")
        }
    };
    for (d, tmpl) in [(-2isize, 10u8), (-1, 11), (1, 12), (2, 13)] {
        let j = i as isize + d;
        let n = neighbour(j);
        let lower = n.map_or_else(|| boundary(j), |n| n.lower);
        out.push(hash::f(tmpl, lower));
        if d.abs() == 1 {
            out.push(hash::f2(tmpl + 10, lower, me.lower));
            let shape = n.map_or(0, |n| n.shape);
            out.push(hash::f2(tmpl + 20, shape, me.shape ^ ctx));
        }
    }
    // Separators the segmenter dropped: "Smith, 45" or "(Reuters)".
    let gap_after = toks.get(i + 1).map_or(Gap::Start, |t| t.gap);
    out.push(hash::f(30, toks[i].gap as u64 | (gap_after as u64) << 8));
    out.push(hash::f2(29, toks[i].gap as u64, me.shape));
    out.push(hash::f(
        31,
        s.paragraph.min(2) as u64 | u64::from(s.table_like) << 4,
    ));
    // What the lists know of the word and of the names it starts or continues.
    out.push(hash::f(
        32,
        u64::from(mark.place) | u64::from(mark.org) << 4,
    ));
    if me.flags != 0 {
        for bit in 0..9 {
            if me.flags & (1 << bit) != 0 {
                out.push(hash::f(33, bit));
            }
        }
    }
    // The word before a title or a first name: "President X", "Mr X", "John X".
    if i > 0 {
        let p = info[i - 1].flags;
        if p & flag::TITLE != 0 {
            out.push(hash::f(50, 0));
        }
        if p & flag::FIRST_NAME != 0 && has_upper(toks[i - 1].text) {
            out.push(hash::f(51, 0));
        }
    }
    // The article's other uses of the word.
    if let Some(u) = doc.by_word.get(&me.lower) {
        for &h in u.before.as_slice() {
            out.push(hash::f(40, h));
        }
        for &h in u.after.as_slice() {
            out.push(hash::f(41, h));
        }
        out.push(hash::f(
            42,
            u64::from(u.lower_case) | u64::from(u.capitalised_inside) << 1 | ctx << 2,
        ));
    } else {
        out.push(hash::f(43, 0));
    }
}

/// The hashed prefixes and suffixes of one to four letters of a word, lower case.
fn affixes(w: &str, out: &mut Vec<u64>) {
    with_lowercase(w, |lower| {
        let n = lower.chars().count();
        let ends = lower
            .char_indices()
            .skip(1)
            .map(|(b, _)| b)
            .chain([lower.len()]);
        for (k, cut) in ends.take(4).enumerate() {
            out.push(hash::f2(5, k as u64 + 1, hash::str(&lower[..cut])));
        }
        let starts = lower.char_indices().rev().map(|(b, _)| b);
        for (k, from) in starts.take(4.min(n)).enumerate() {
            out.push(hash::f2(6, k as u64 + 1, hash::str(&lower[from..])));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Encoding;

    fn article(text: &str) -> Article {
        Article::new("t.txt".into(), text.into(), Encoding::Utf8)
    }

    #[test]
    fn the_lower_case_key_is_the_hash_of_the_lower_case_word() {
        for w in [
            "",
            "A",
            "McDonald",
            "ABCDEFGHIJ",
            "Zürich",
            "o'NEILL-smith",
            "12345678",
        ] {
            assert_eq!(lower_key(w), hash::str(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn the_ascii_lower_case_hash_lowers_as_make_ascii_lowercase_does() {
        let all: Vec<u8> = (0..=255u8).collect();
        for w in all.chunks(3).chain(all.chunks(8)).chain(all.chunks(11)) {
            assert_eq!(hash::ascii_lower(w), hash::bytes(&w.to_ascii_lowercase()));
        }
    }

    #[test]
    fn an_ascii_words_affixes_are_those_of_the_general_path() {
        for w in ["A", "Of", "Bbc", "McDonald", "O'Neill", "U.S.", "1860"] {
            let a = article(&format!("T\n\nHe met {w} there."));
            let s = sentences(&a);
            let i = s[1].tokens.iter().position(|t| t.text == w).unwrap();
            let info = vec![TokInfo::default(); s[1].tokens.len()];
            let mut fast = Vec::new();
            token(
                &s[1],
                i,
                &info,
                ListMark::default(),
                &DocContext::default(),
                &mut fast,
            );
            let mut slow = Vec::new();
            affixes(w, &mut slow);
            assert_eq!(fast[4..4 + slow.len()], slow[..], "{w}");
        }
    }

    #[test]
    fn letter_kinds_are_those_of_the_character_tests() {
        for w in [
            "", "a", "A", "1860", "McDonald", "U.S.", "Zürich", "ÉCOLE", "ß", "--", "ª",
        ] {
            let k = letter_kinds(w);
            assert_eq!(k & UPPER != 0, w.chars().any(char::is_uppercase), "{w}");
            assert_eq!(k & LOWER != 0, w.chars().any(char::is_lowercase), "{w}");
            assert_eq!(k & ALPHA != 0, w.chars().any(char::is_alphabetic), "{w}");
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

    #[test]
    fn features_are_the_same_on_every_call() {
        let a = article("Title\n\nChelsea beat Arsenal in London on Sunday.");
        let s = sentences(&a);
        let doc = DocContext::new(&s);
        let g = Gazetteer::get();
        let mut f = Featurizer::new(g);
        let (mut o1, mut h1, mut o2, mut h2) = (vec![], vec![], vec![], vec![]);
        f.sentence(&a.text, &s[1], &doc, &mut o1, &mut h1);
        f.sentence(&a.text, &s[1], &doc, &mut o2, &mut h2);
        assert_eq!((o1.clone(), h1.clone()), (o2, h2));
        // "beat" is no candidate: it has no features.
        assert_eq!(o1[1], o1[2]);
        assert!(o1[1] > 0);
    }
}
