//! Word tokens: Unicode word boundaries (UAX #29), then the folding rules that decide what
//! counts as "the same word" in the frequency tables.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Every word of `text` with its byte offset, by the Unicode word-boundary rules.
///
/// "don't", "U.S", "2.5" and "Assad’s" are single words under these rules, which is what
/// lets possessives be stripped afterwards instead of leaving a stray "s" token.
///
/// Text of ASCII plus the few non-ASCII punctuation marks news copy is full of (curly
/// quotes and apostrophes, dashes, `£`, `€`, no-break spaces: [`fast_char`]) takes a fast
/// path that applies the same rules to bytes; the general segmenter is the fallback for
/// anything else (accented letters, other scripts, combining marks). Unit tests and
/// `tests/properties.rs` check that both paths give exactly the same tokens.
pub fn words(text: &str) -> Words<'_> {
    if text.is_ascii() || text.chars().all(fast_char) {
        Words::Ascii(AsciiWords { text, at: 0 })
    } else {
        Words::Unicode(text.unicode_word_indices())
    }
}

/// The Unicode rules' segmenter, for comparison with the fast path in tests.
pub fn unicode_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.unicode_word_indices()
}

/// Characters the fast path handles: ASCII, and non-ASCII marks whose word-break class is
/// fixed and simple: "Other" (a boundary on both sides, like `"` or `-`), or, for the
/// single quotation marks, MidNumLet (joins two letters or two digits, like `'` or `.`).
/// No letter, digit, combining mark or format character is here, so every word byte the
/// fast path sees is ASCII.
pub fn fast_char(c: char) -> bool {
    c.is_ascii() || mid_num_let(c) || FAST_OTHER.contains(&c)
}

/// Non-ASCII punctuation of word-break class Other, common in news text.
const FAST_OTHER: &[char] = &[
    '\u{a0}',   // no-break space
    '\u{a3}',   // £
    '\u{a9}',   // ©
    '\u{ab}',   // «
    '\u{b0}',   // °
    '\u{bb}',   // »
    '\u{2013}', // en dash
    '\u{2014}', // em dash
    '\u{201c}', // “
    '\u{201d}', // ”
    '\u{2022}', // •
    '\u{2026}', // …
    '\u{20ac}', // €
];

/// Non-ASCII MidNumLet marks: ‘ ’ and the one-dot leader.
fn mid_num_let(c: char) -> bool {
    matches!(c, '\u{2018}' | '\u{2019}' | '\u{2024}')
}

/// Iterator over the words of a text (see [`words`]).
pub enum Words<'a> {
    Ascii(AsciiWords<'a>),
    Unicode(unicode_segmentation::UnicodeWordIndices<'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Words::Ascii(w) => w.next(),
            Words::Unicode(w) => w.next(),
        }
    }
}

/// UAX #29 word boundaries for text of [`fast_char`]s: letters and digits join each other
/// and `_`; `.` `'` `:` (and ‘ ’) join two letters; `.` `'` `,` `;` (and ‘ ’) join two
/// digits. Segments without a letter or digit are not words (as in `unicode_word_indices`).
pub struct AsciiWords<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for AsciiWords<'a> {
    type Item = (usize, &'a str);

    // Inlined into the article's one tokenization loop, where the position stays in a
    // register instead of going back to memory at every byte.
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let b = self.text.as_bytes();
        loop {
            // Word bytes are ASCII, so this never stops inside a multi-byte character.
            while self.at < b.len() && !is_word_byte(b[self.at]) {
                self.at += 1;
            }
            if self.at >= b.len() {
                return None;
            }
            let start = self.at;
            let mut end = start + 1;
            while end < b.len() {
                let c = b[end];
                if is_word_byte(c) {
                    end += 1;
                    continue;
                }
                // The joining mark and its width: one ASCII byte, or a ‘ ’ (3 bytes).
                let (mid, width) = if c.is_ascii() {
                    (c, 1)
                } else {
                    match self.text[end..].chars().next() {
                        Some(m) if mid_num_let(m) => (b'.', m.len_utf8()),
                        _ => break,
                    }
                };
                let (prev, next) = (b[end - 1], b.get(end + width).copied());
                let joins = match next {
                    Some(n) if prev.is_ascii_alphabetic() && n.is_ascii_alphabetic() => {
                        matches!(mid, b'.' | b'\'' | b':')
                    }
                    Some(n) if prev.is_ascii_digit() && n.is_ascii_digit() => {
                        matches!(mid, b'.' | b'\'' | b',' | b';')
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                end += width + 1;
            }
            self.at = end;
            // A segment of underscores alone is no word. Checked once the segment is known,
            // not byte by byte: a joining mark sits between two letters or two digits, so
            // any byte but `_` means a letter or digit.
            if b[start..end].iter().any(|&c| c != b'_') {
                return Some((start, &self.text[start..end]));
            }
        }
    }
}

/// ASCII letters, digits and `_`, by table: the fast path's inner loop is this test.
fn is_word_byte(c: u8) -> bool {
    WORD_BYTES[usize::from(c)]
}

static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric() || c == b'_';
        i += 1;
    }
    t
};

/// True when a token is a number ("2011", "2.5", "1,000") rather than a word.
pub fn is_number(token: &str) -> bool {
    !token.chars().any(char::is_alphabetic)
}

/// The form a word is counted under: lower case, curly apostrophes made straight, a
/// possessive `'s` removed. Returns `None` for numbers, which the word tables leave out.
///
/// Borrows when nothing changes (the common case for lower-case ASCII words).
pub fn fold(token: &str) -> Option<Cow<'_, str>> {
    if is_number(token) {
        return None;
    }
    let needs_work = token
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii() || b == b'\'');
    if !needs_work {
        return Some(Cow::Borrowed(token));
    }
    let mut folded = if token.is_ascii() {
        token.to_ascii_lowercase()
    } else {
        token
            .chars()
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .collect::<String>()
            .to_lowercase()
    };
    if folded.ends_with("'s") && folded.len() > 2 {
        folded.truncate(folded.len() - 2);
    }
    Some(Cow::Owned(folded))
}

/// [`fold`] for the word counts' inner loop: the token itself when folding leaves it as it
/// is (most words: lower-case ASCII), else the folded form in `buf`, reused from word to
/// word so a capitalised word costs no allocation. `None` for a number.
pub fn fold_in<'a>(token: &'a str, buf: &'a mut String) -> Option<&'a str> {
    // One pass over the bytes answers what `fold` asks in three: any letter, anything to
    // change (a capital, an apostrophe), anything not ASCII.
    let kinds = token
        .as_bytes()
        .iter()
        .fold(0u8, |k, &b| k | FOLD_KINDS[usize::from(b)]);
    let (letter, change, wide) = (kinds & LETTER != 0, kinds & CHANGE != 0, kinds & WIDE != 0);
    if wide {
        let f = fold(token)?;
        buf.clear();
        buf.push_str(&f);
        return Some(buf);
    }
    if !letter {
        return None;
    }
    if !change {
        return Some(token);
    }
    buf.clear();
    buf.push_str(token);
    buf.make_ascii_lowercase();
    if buf.ends_with("'s") && buf.len() > 2 {
        buf.truncate(buf.len() - 2);
    }
    Some(buf)
}

const LETTER: u8 = 1;
const CHANGE: u8 = 2;
const WIDE: u8 = 4;

/// What each byte tells [`fold_in`]: a letter, a byte folding changes, a byte not ASCII.
static FOLD_KINDS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        if c.is_ascii_alphabetic() {
            t[i] |= LETTER;
        }
        if c.is_ascii_uppercase() || c == b'\'' {
            t[i] |= CHANGE;
        }
        if !c.is_ascii() {
            t[i] |= WIDE;
        }
        i += 1;
    }
    t
};

/// Apostrophe-like characters that news text uses interchangeably.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text)
            .filter_map(|(_, w)| fold(w).map(|f| f.into_owned()))
            .collect()
    }

    #[test]
    fn fold_in_folds_as_fold_does() {
        let mut buf = String::from("left over");
        for t in [
            "Iran's",
            "IRAN’S",
            "2011",
            "2.5",
            "'s",
            "S",
            "don't",
            "Ünïcode",
            "ΣΑΣ",
            "a_b",
            "U.S",
            "1,000",
            "x2",
            "iran",
            "o'neill",
            "Iran’s's",
            "_",
        ] {
            let kept = fold_in(t, &mut buf).map(str::to_string);
            assert_eq!(kept, fold(t).map(Cow::into_owned), "{t}");
        }
    }

    #[test]
    fn words_carry_byte_offsets() {
        let text = "Iran’s “leaders” met";
        let got: Vec<(usize, &str)> = words(text).collect();
        assert_eq!(got, vec![(0, "Iran’s"), (12, "leaders"), (23, "met")]);
        for (at, w) in got {
            assert_eq!(&text[at..at + w.len()], w);
        }
    }

    #[test]
    fn ascii_fast_path_matches_unicode_rules_on_tricky_cases() {
        for text in [
            "e.g. U.S. 3.5% a:b x_1 __ _a can't 1,000,000 a' 'a a.1 1.a a1.b 2;3 a;b",
            "end. Start... ... 'quoted' \"dq\" (paren) [x] {y} a-b a--b 10:30 p.m.",
            "",
            "...",
        ] {
            assert!(text.is_ascii());
            let fast: Vec<_> = words(text).collect();
            let unicode: Vec<_> = unicode_words(text).collect();
            assert_eq!(fast, unicode, "{text}");
        }
    }

    #[test]
    fn fast_path_matches_unicode_rules_around_news_punctuation() {
        // Every non-ASCII mark of the fast path, between letters, digits, spaces and the
        // ASCII joiners, at the start and at the end.
        let marks: Vec<char> = FAST_OTHER
            .iter()
            .copied()
            .chain(['\u{2018}', '\u{2019}', '\u{2024}'])
            .collect();
        for &m in &marks {
            for (a, b) in [
                ("a", "b"),
                ("1", "2"),
                ("a", "1"),
                ("", "x"),
                ("x", ""),
                ("a.", "b"),
            ] {
                for text in [
                    format!("{a}{m}{b}"),
                    format!(" {a}{m}{m}{b}. {a}{m} {m}{b}"),
                ] {
                    assert!(text.chars().all(fast_char));
                    let fast: Vec<_> = words(&text).collect();
                    let unicode: Vec<_> = unicode_words(&text).collect();
                    assert_eq!(fast, unicode, "{text:?}");
                }
            }
        }
        let text = "Iran’s £5m “deal” — 3’000 ‘quoted’ words… U.S. rock’n’roll";
        assert!(matches!(words(text), Words::Ascii(_)));
        assert_eq!(
            words(text).collect::<Vec<_>>(),
            unicode_words(text).collect::<Vec<_>>()
        );
        // Anything else takes the general path.
        assert!(matches!(words("café"), Words::Unicode(_)));
    }

    #[test]
    fn possessives_are_stripped_straight_and_curly() {
        assert_eq!(folded("Iran's Assad’s"), vec!["iran", "assad"]);
    }

    #[test]
    fn contractions_keep_their_apostrophe_straightened() {
        assert_eq!(folded("Don’t can't"), vec!["don't", "can't"]);
    }

    #[test]
    fn numbers_are_left_out_but_words_with_digits_kept() {
        assert_eq!(
            folded("In 2011, 2.5 percent of 1,000 MP3s"),
            vec!["in", "percent", "of", "mp3s"]
        );
    }

    #[test]
    fn case_is_folded_beyond_ascii() {
        assert_eq!(folded("ÉCOLE Tromsø"), vec!["école", "tromsø"]);
    }

    #[test]
    fn a_bare_possessive_is_not_emptied() {
        assert_eq!(fold("'s").as_deref(), Some("'s"));
        assert_eq!(fold("S").as_deref(), Some("s"));
    }
}
