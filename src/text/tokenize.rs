//! Word tokens: Unicode word boundaries (UAX #29), then the folding rules that decide what
//! counts as "the same word" in the frequency tables.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Every word of `text` with its byte offset, by the Unicode word-boundary rules.
///
/// "don't", "U.S", "2.5" and "Assad’s" are single words under these rules, which is what
/// lets possessives be stripped afterwards instead of leaving a stray "s" token.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.unicode_word_indices()
}

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
    fn words_carry_byte_offsets() {
        let text = "Iran’s “leaders” met";
        let got: Vec<(usize, &str)> = words(text).collect();
        assert_eq!(got, vec![(0, "Iran’s"), (12, "leaders"), (23, "met")]);
        for (at, w) in got {
            assert_eq!(&text[at..at + w.len()], w);
        }
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
