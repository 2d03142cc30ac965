//! What the entity tagger sees of each word: the article cut into sentences of tokens, and
//! each candidate token described by hashed features (the word, its shape and affixes, its
//! neighbours, what the gazetteers know of it, where it sits, and how the same word is used
//! elsewhere in the article).
//!
//! Features are 64-bit hashes, never strings: a token's features are computed without
//! allocating, and the model stores hashes only. The hash is FNV-1a, fixed here, so a model
//! trained once scores the same on every machine and build.

use super::gazetteer::{with_lowercase, Gazetteer};
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
        matches!(self, Gap::Space | Gap::Hyphen | Gap::Ampersand | Gap::Initial)
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
    w.contains('.') && w.split('.').all(|p| p.chars().count() <= 1) && w.chars().any(char::is_uppercase)
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

fn has_upper(w: &str) -> bool {
    w.chars().any(char::is_uppercase)
}

/// The article's sentences as token sequences.
pub fn sentences(article: &Article) -> Vec<TokSentence<'_>> {
    let text = article.text.as_str();
    let mut out = Vec::with_capacity(article.sentences.len());
    for (si, s) in article.sentences.iter().enumerate() {
        let mut words = article.words_of(s).peekable();
        let mut tokens = Vec::new();
        while let Some((start, w)) = words.next() {
            let mut end = start + w.len();
            // "U.S." and "U.N.": the segmenter leaves the final period out (unless the
            // period starts the next word, as a combining mark after it makes it do).
            let next_start = words.peek().map(|&(n, _)| n);
            if is_dotted_abbreviation(w)
                && text[end..].starts_with('.')
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
            tokens.push(Token {
                span: Span::new(start, end),
                text: &text[start..end],
                candidate: false,
                gap,
            });
        }
        mark_candidates(&mut tokens);
        let letters: Vec<&Token> = tokens
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphabetic))
            .collect();
        let all_caps = letters.len() >= 2 && letters.iter().all(|t| !t.text.chars().any(char::is_lowercase));
        let numbers = tokens
            .iter()
            .filter(|t| t.text.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .count();
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

/// Lower-case words found inside names: connectors ("Bank of England", "Marks and
/// Spencer") and the particles of family names in many languages.
const PARTICLES: &[&str] = &[
    "of", "and", "for", "the", "on", "in", "at", "upon", "de", "du", "des", "da", "das", "do",
    "dos", "di", "del", "della", "der", "den", "van", "von", "ter", "ten", "zu", "la", "le",
    "les", "el", "al", "bin", "ibn", "y", "e", "et", "st",
];

/// A token can be part of a name when it has a capital letter, or when it is a short word or
/// a number inside a capitalised stretch ("Bank of England", "van der Merwe", "1860
/// Munich"). Everything else is left out of the name search, which keeps the tagger's cost
/// to the few tokens that matter.
fn mark_candidates(tokens: &mut [Token]) {
    let upper: Vec<bool> = tokens.iter().map(|t| has_upper(t.text)).collect();
    let particle: Vec<bool> = tokens.iter().map(|t| PARTICLES.contains(&t.text)).collect();
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

/// FNV-1a over a template number and its parts.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new(template: u8) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325).byte(template)
    }
    fn byte(self, b: u8) -> Fnv {
        Fnv((self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3))
    }
    fn str(self, s: &str) -> Fnv {
        let mut h = self;
        for &b in s.as_bytes() {
            h = h.byte(b);
        }
        h.byte(0xff)
    }
}

/// Word shape: capitals X, small letters x, digits d, anything else itself; with runs of
/// one class collapsed ("McDonald" -> "XxXx") when `short`.
fn shape(w: &str, short: bool, out: &mut String) {
    out.clear();
    let mut last = '\0';
    for c in w.chars().take(12) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !(short && s == last) {
            out.push(s);
        }
        last = s;
    }
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

fn list_marks(g: &Gazetteer, text: &str, s: &TokSentence) -> Vec<ListMark> {
    let toks = &s.tokens;
    let mut marks = vec![ListMark::default(); toks.len()];
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].candidate {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, bool)> = None;
        let last = (i + MAX_LIST_NAME).min(toks.len());
        for j in i..last {
            if !toks[j].candidate {
                break;
            }
            let name = &text[toks[i].span.start..toks[j].span.end];
            let (place, org) = if s.all_caps {
                let titled: String = name.split(' ').map(title_case).collect::<Vec<_>>().join(" ");
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
    marks
}

/// For each token, the stretch of candidate tokens joined by spaces, hyphens or initials
/// that holds it (`first..=last`), `None` for a token that is no candidate.
fn runs(toks: &[Token]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; toks.len()];
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
    out
}

/// The capitalised stretch a token sits in types it as a whole: its last word ("Hyde
/// Park", "Chelsea Football Club"), its first word, its length and the token's place in it.
fn run_features(s: &TokSentence, i: usize, run: Option<(usize, usize)>, out: &mut Vec<u64>) {
    let Some((first, last)) = run else {
        return;
    };
    let toks = &s.tokens;
    let len = (last + 1).saturating_sub(first).min(5) as u8;
    let pos = if first == last {
        0u8
    } else if i == first {
        1
    } else if i >= last {
        3
    } else {
        2
    };
    with_lowercase(toks[last].text, |w| out.push(Fnv::new(60).str(w).byte(pos).0));
    with_lowercase(toks[first].text, |w| out.push(Fnv::new(61).str(w).byte(pos).0));
    out.push(Fnv::new(62).byte(len).byte(pos).byte(s.all_caps as u8).0);
}

/// How each distinct word (lower case) is used across the article: the words before and
/// after its occurrences, and whether it is ever written in lower case. A name written many
/// times is typed by all of its contexts ("Chelsea" after "beat" once and before "said" in
/// another sentence), so a sentence that says nothing still gets the article's verdict.
#[derive(Default)]
pub struct DocContext {
    by_word: FxHashMap<String, WordUse>,
}

#[derive(Default)]
struct WordUse {
    before: Vec<u64>,
    after: Vec<u64>,
    lower_case: bool,
    capitalised_inside: bool,
}

/// Contexts kept per word: enough to type it, bounded so one frequent word costs little.
const MAX_CONTEXTS: usize = 12;

impl DocContext {
    pub fn new(sentences: &[TokSentence]) -> DocContext {
        let mut by_word: FxHashMap<String, WordUse> = FxHashMap::default();
        for s in sentences {
            let toks = &s.tokens;
            for (i, t) in toks.iter().enumerate() {
                let lower_case = t.text.chars().next().is_some_and(char::is_lowercase);
                if !t.candidate && !lower_case {
                    continue;
                }
                let key = t.text.to_lowercase();
                if lower_case && !t.candidate {
                    if let Some(u) = by_word.get_mut(&key) {
                        u.lower_case = true;
                    } else {
                        by_word.insert(
                            key,
                            WordUse {
                                lower_case: true,
                                ..WordUse::default()
                            },
                        );
                    }
                    continue;
                }
                let u = by_word.entry(key).or_default();
                if i > 0 && !s.all_caps {
                    u.capitalised_inside |= has_upper(t.text);
                }
                if s.all_caps {
                    continue;
                }
                if u.before.len() < MAX_CONTEXTS {
                    let before = i.checked_sub(1).map_or("<s>", |p| toks[p].text);
                    let h = with_lowercase(before, |b| Fnv::new(40).str(b).0);
                    if !u.before.contains(&h) {
                        u.before.push(h);
                    }
                }
                if u.after.len() < MAX_CONTEXTS {
                    let after = toks.get(i + 1).map_or("</s>", |n| n.text);
                    let h = with_lowercase(after, |a| Fnv::new(41).str(a).0);
                    if !u.after.contains(&h) {
                        u.after.push(h);
                    }
                }
            }
        }
        DocContext { by_word }
    }

    /// Whether the article writes the word in lower case somewhere ("crooked").
    pub fn written_lower(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.by_word.get(w).is_some_and(|u| u.lower_case))
    }
}

/// How the first pass tagged each word of the article (lower case): counts of person,
/// organisation, place and other-name tags. The second pass reads them as features.
#[derive(Default)]
pub struct DocLabels {
    by_word: FxHashMap<String, [u16; 4]>,
}

impl DocLabels {
    /// Records a first-pass tag (not outside) of a word.
    pub fn add(&mut self, word: &str, tag: u8) {
        if tag == model::O {
            return;
        }
        let kind = ((tag - 1) / 2) as usize;
        let counts = with_lowercase(word, |w| match self.by_word.get_mut(w) {
            Some(c) => Some(c),
            None => None,
        });
        match counts {
            Some(c) => c[kind] = c[kind].saturating_add(1),
            None => {
                let mut c = [0u16; 4];
                c[kind] = 1;
                self.by_word.insert(word.to_lowercase(), c);
            }
        }
    }

    /// Appends the features of `word`: each kind it was given, and the kind given most.
    pub fn features(&self, word: &str, out: &mut Vec<u64>) {
        let Some(c) = with_lowercase(word, |w| self.by_word.get(w).copied()) else {
            out.push(Fnv::new(72).0);
            return;
        };
        let mut best = 0;
        for k in 0..4 {
            if c[k] > 0 {
                out.push(Fnv::new(70).byte(k as u8).0);
            }
            if c[k] > c[best] {
                best = k;
            }
        }
        out.push(Fnv::new(71).byte(best as u8).0);
    }

    /// The first pass's features of a sentence with the second pass's appended.
    pub fn extend(
        &self,
        s: &TokSentence,
        offsets: &[u32],
        hashes: &[u64],
        out_offsets: &mut Vec<u32>,
        out: &mut Vec<u64>,
    ) {
        out_offsets.clear();
        out.clear();
        out_offsets.push(0);
        for (i, t) in s.tokens.iter().enumerate() {
            out.extend_from_slice(&hashes[offsets[i] as usize..offsets[i + 1] as usize]);
            if t.candidate {
                self.features(t.text, out);
            }
            out_offsets.push(out.len() as u32);
        }
    }
}

/// Computes the features of candidate tokens into a reusable buffer.
pub struct Featurizer<'g> {
    g: &'g Gazetteer,
    shape_buf: String,
}

impl<'g> Featurizer<'g> {
    pub fn new(g: &'g Gazetteer) -> Featurizer<'g> {
        Featurizer {
            g,
            shape_buf: String::new(),
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
        let marks = list_marks(self.g, text, s);
        let runs = runs(&s.tokens);
        offsets.push(0);
        for i in 0..s.tokens.len() {
            if s.tokens[i].candidate {
                self.token(s, i, &marks, doc, out);
                run_features(s, i, runs[i], out);
            }
            offsets.push(out.len() as u32);
        }
    }

    fn token(&mut self, s: &TokSentence, i: usize, marks: &[ListMark], doc: &DocContext, out: &mut Vec<u64>) {
        let g = self.g;
        let toks = &s.tokens;
        let w = toks[i].text;
        let lower = w.to_lowercase();
        // Case says nothing in a line of capitals: its words are looked up title-cased.
        let as_written = if s.all_caps { title_case(w) } else { w.to_string() };
        let mut push = |h: Fnv| out.push(h.0);
        let ctx = if s.all_caps { 1u8 } else { 0 };
        push(Fnv::new(0));
        push(Fnv::new(1).str(w));
        push(Fnv::new(2).str(&lower));
        shape(w, false, &mut self.shape_buf);
        push(Fnv::new(3).str(&self.shape_buf));
        shape(w, true, &mut self.shape_buf);
        let short_shape = self.shape_buf.clone();
        push(Fnv::new(4).str(&short_shape).byte(ctx));
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        for n in 1..=4.min(chars.len()) {
            let cut = chars.get(n).map_or(lower.len(), |&(b, _)| b);
            push(Fnv::new(5).byte(n as u8).str(&lower[..cut]));
            let from = chars[chars.len() - n].0;
            push(Fnv::new(6).byte(n as u8).str(&lower[from..]));
        }
        // Neighbours, two each side, and the bigrams they make with the word.
        for (d, tmpl) in [(-2i32, 10u8), (-1, 11), (1, 12), (2, 13)] {
            let j = i as i32 + d;
            let n = if j < 0 {
                "<s>"
            } else {
                toks.get(j as usize).map_or("</s>", |t| t.text)
            };
            with_lowercase(n, |n| {
                push(Fnv::new(tmpl).str(n));
                if d.abs() == 1 {
                    push(Fnv::new(tmpl + 10).str(n).str(&lower));
                }
            });
            if d.abs() == 1 {
                if j >= 0 && (j as usize) < toks.len() {
                    shape(toks[j as usize].text, true, &mut self.shape_buf);
                } else {
                    self.shape_buf.clear();
                }
                push(Fnv::new(tmpl + 20).str(&self.shape_buf).str(&short_shape).byte(ctx));
            }
        }
        // Separators the segmenter dropped: "Smith, 45" or "(Reuters)".
        let gap_after = toks.get(i + 1).map_or(Gap::Start, |t| t.gap);
        push(Fnv::new(30).byte(toks[i].gap as u8).byte(gap_after as u8));
        push(Fnv::new(29).byte(toks[i].gap as u8).str(&short_shape));
        push(Fnv::new(31).byte(s.paragraph.min(2) as u8).byte(s.table_like as u8));
        // What the lists know of the word and the names it starts or continues.
        let m = marks[i];
        push(Fnv::new(32).byte(m.place).byte(m.org));
        if let Some(gender) = g.first_name_gender(&as_written) {
            push(Fnv::new(33).byte(gender as u8));
        }
        if g.is_surname(&as_written) {
            push(Fnv::new(34));
        }
        if g.place(&as_written).is_some() {
            push(Fnv::new(35));
        }
        if g.org(&as_written).is_some() {
            push(Fnv::new(36));
        }
        if g.is_org_word(&as_written) {
            push(Fnv::new(37));
        }
        if g.demonym(&as_written).is_some() {
            push(Fnv::new(38));
        }
        if g.is_one_word_title(&as_written) {
            push(Fnv::new(39));
        }
        // The previous word a title or first name: "President X", "Mr X".
        if i > 0 {
            let p = toks[i - 1].text;
            if g.is_one_word_title(p) {
                push(Fnv::new(50));
            }
            if g.first_name_gender(p).is_some() && has_upper(p) {
                push(Fnv::new(51));
            }
        }
        // The article's other uses of the word.
        if let Some(u) = doc.by_word.get(&lower) {
            for &h in &u.before {
                out.push(Fnv(h).byte(0x40).0);
            }
            for &h in &u.after {
                out.push(Fnv(h).byte(0x41).0);
            }
            out.push(
                Fnv::new(42)
                    .byte(u.lower_case as u8)
                    .byte(u.capitalised_inside as u8)
                    .byte(ctx)
                    .0,
            );
        } else {
            out.push(Fnv::new(43).0);
        }
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
    fn possessives_are_cut_and_abbreviations_keep_their_period() {
        let a = article("Title\n\nGermany's envoy met U.S. officials.");
        let s = sentences(&a);
        let words: Vec<&str> = s[1].tokens.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Germany", "envoy", "met", "U.S.", "officials"]);
    }

    #[test]
    fn only_capitalised_stretches_are_candidates() {
        let a = article("Title\n\nThe Bank of England and the 1860 Munich club met Nadal works Roddick.");
        let s = sentences(&a);
        let cand: Vec<&str> = s[1]
            .tokens
            .iter()
            .filter(|t| t.candidate)
            .map(|t| t.text)
            .collect();
        assert_eq!(cand, ["The", "Bank", "of", "England", "1860", "Munich", "Nadal", "Roddick"]);
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
