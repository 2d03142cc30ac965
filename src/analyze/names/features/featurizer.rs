//! The features of each candidate token: the word, its shape and affixes, its
//! neighbours, what the gazetteers know of it and of the names it starts, the capitalised
//! stretch it sits in, and the article's other uses of it ([`DocContext`]).

use super::super::gazetteer::{flag, with_lowercase, Gazetteer};
use super::hash;
use super::sentences::{Gap, TokSentence, Token};
use super::DocContext;

/// Word shape: capitals X, small letters x, digits d, anything else itself, runs of one
/// class collapsed ("McDonald" -> "XxXx"), hashed.
fn shape_hash(w: &str) -> u64 {
    let mut buf = [0u8; 16];
    let mut n = 0;
    let mut last = 0u8;
    let mut put = |s: u8| {
        if s != last && n < buf.len() {
            buf[n] = s;
            n += 1;
        }
        last = s;
    };
    if w.is_ascii() {
        // An ASCII word's characters are its bytes: classed without decoding them.
        for &b in w.as_bytes().iter().take(12) {
            put(match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => b,
            });
        }
    } else {
        for c in w.chars().take(12) {
            put(if c.is_uppercase() {
                b'X'
            } else if c.is_lowercase() {
                b'x'
            } else if c.is_ascii_digit() {
                b'd'
            } else if c.is_ascii() {
                c as u8
            } else {
                b'?'
            });
        }
    }
    hash::bytes(&buf[..n])
}

/// Title case of a word in capitals ("FRANCE" -> "France"), for looking it up in lists
/// that store names as usually written.
pub(in crate::analyze::names) fn title_case(w: &str) -> String {
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
        while last > i && !toks[last].upper {
            last -= 1;
        }
        for slot in out.iter_mut().take(j + 1).skip(i) {
            *slot = Some((i, last));
        }
        i = j + 1;
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
        let n = w.len().min(4);
        let (pre, suf) = hash::ascii_lower_affixes(w.as_bytes());
        for (k, &h) in pre[..n].iter().enumerate() {
            out.push(hash::f2(5, k as u64 + 1, h));
        }
        for (k, &h) in suf[..n].iter().enumerate() {
            out.push(hash::f2(6, k as u64 + 1, h));
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
        if p & flag::FIRST_NAME != 0 && toks[i - 1].upper {
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
    use super::super::sentences;
    use super::*;
    use crate::article::{Article, Encoding};

    fn article(text: &str) -> Article {
        Article::new("t.txt".into(), text.into(), Encoding::Utf8)
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
    fn an_ascii_words_shape_is_that_of_the_character_path() {
        let by_chars = |w: &str| {
            let mut shape = Vec::new();
            for c in w.chars().take(12) {
                let s = if c.is_uppercase() {
                    b'X'
                } else if c.is_lowercase() {
                    b'x'
                } else if c.is_ascii_digit() {
                    b'd'
                } else {
                    c as u8
                };
                if shape.last() != Some(&s) && shape.len() < 16 {
                    shape.push(s);
                }
            }
            hash::bytes(&shape)
        };
        for w in [
            "",
            "A",
            "McDonald",
            "U.S.",
            "1860s",
            "O'Neill-Smith",
            "aB1-cD2.eF3_gH4",
        ] {
            assert_eq!(shape_hash(w), by_chars(w), "{w}");
        }
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
