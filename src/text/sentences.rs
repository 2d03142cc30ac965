//! Sentence boundaries inside one paragraph.
//!
//! A rule-based splitter: a sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes
//! and brackets right after it) followed by white space and something that can start a
//! sentence. The rules that keep "Mr. Smith", "U.S. officials", "J. R. Ellis" and "2.5" in
//! one sentence are the ones that matter for news; they live in [`ends_sentence`].

use super::Span;

/// Words that are written with a period but almost never end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt",
    "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "det", "insp",
    "messrs", "mme", "mlle", "inc", "ltd", "corp", "co", "bros", "vs", "v", "no", "nos", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "fig", "approx", "dept", "univ", "est", "al", "cf", "ca", "op", "vol", "pp", "ave", "blvd",
    "rd",
];

/// Capitalised words that start a new sentence even after "U.S." or a similar dotted
/// abbreviation, where a capital alone is not evidence enough.
const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "This", "That",
    "There", "However", "His", "Her", "Their", "Its", "Our", "On", "At", "As", "If", "When",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '.' | '!' | '?' | '…'
    )
}

/// Splits `para` (a span of `text`) into sentence spans, trimmed of surrounding white space.
/// Every non-blank byte of the paragraph lies in exactly one sentence.
pub fn split(text: &str, para: Span) -> Vec<Span> {
    let p = para.slice(text);
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Bytes, not chars: a terminator is `.`, `!`, `?` or the one multi-byte `…` (whose
    // lead byte 0xE2 is always a char boundary), so most bytes need no decoding.
    while i < bytes.len() {
        i = next_stop(bytes, i);
        if i == bytes.len() {
            break;
        }
        let c = match bytes[i] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            0xE2 if p[i..].starts_with('…') => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        debug_assert!(is_terminator(c));
        // Swallow the run of terminators and closing marks: `?!"` or `.”)`.
        let mut end = i + c.len_utf8();
        while let Some(d) = p[end..].chars().next().filter(|&d| is_closer(d)) {
            end += d.len_utf8();
        }
        if ends_sentence(p, i, c, end) {
            push_trimmed(&mut out, p, start, end, para.start);
            start = end;
        }
        i = end;
    }
    push_trimmed(&mut out, p, start, p.len(), para.start);
    out
}

/// The position of the first `.`, `!`, `?` or `…`'s lead byte (0xE2) in `bytes` at or
/// after `from`, or the length: eight bytes at a time, as most bytes are none of them and
/// every byte of every paragraph is looked at.
fn next_stop(bytes: &[u8], mut from: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // High bit of each byte of `x` equal to `b`: exact for the lowest such byte, which is
    // all the search needs (a false mark can only follow a true one).
    let marks = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        y.wrapping_sub(ONES) & !y & HIGHS
    };
    while let Some(chunk) = bytes.get(from..from + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let m = marks(x, b'.') | marks(x, b'!') | marks(x, b'?') | marks(x, 0xE2);
        if m != 0 {
            return from + (m.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
        .map_or(bytes.len(), |at| from + at)
}

/// Whether the terminator `c` at `at`, whose closing run ends at `end`, ends a sentence.
fn ends_sentence(p: &str, at: usize, c: char, end: usize) -> bool {
    let rest = &p[end..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() {
        // No white space after: "2.5", "U.S.-led", "e.g.," or the paragraph's end.
        return false;
    }
    let Some(next) = after_space.chars().next() else {
        return false;
    };
    if next.is_lowercase() || matches!(next, ',' | ';' | ':' | ')' | '-' | '–' | '—') {
        return false;
    }
    if c != '.' {
        return true;
    }
    let word = word_before(p, at);
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().all(|c| c.is_uppercase() || c == '.') {
        // An initial: "J. R. Ellis".
        return false;
    }
    if word.contains('.') {
        // "U.S." or "a.m.": a sentence ends here only if an unmistakable starter follows.
        let next_word: String = after_space
            .chars()
            .skip_while(|c| !c.is_alphanumeric())
            .take_while(|c| c.is_alphanumeric())
            .collect();
        return SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    true
}

/// The word (letters, digits and inner periods) that ends just before byte `at`.
fn word_before(p: &str, at: usize) -> &str {
    let head = &p[..at];
    let begin = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(at, |(i, _)| i);
    head[begin..].trim_start_matches('.')
}

fn push_trimmed(out: &mut Vec<Span>, p: &str, start: usize, end: usize, base: usize) {
    let piece = &p[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_word_at_a_time_search_stops_where_a_byte_search_stops() {
        let naive = |b: &[u8], from: usize| {
            (from..b.len())
                .find(|&i| matches!(b[i], b'.' | b'!' | b'?' | 0xE2))
                .unwrap_or(b.len())
        };
        // Each stop byte and near misses (0xE1, 0xE3, '/', '-', 0x80) at every position of
        // texts around the chunk size, alone and after an earlier stop.
        for len in 0..20 {
            for at in 0..len {
                for b in [b'.', b'!', b'?', 0xE2, 0xE1, 0xE3, b'/', b'-', 0x80, 0x00] {
                    let mut text = vec![b'a'; len];
                    text[at] = b;
                    for from in 0..=len {
                        assert_eq!(
                            next_stop(&text, from),
                            naive(&text, from),
                            "{text:?} {from}"
                        );
                    }
                    text[len - 1 - at] = b'.';
                    for from in 0..=len {
                        assert_eq!(
                            next_stop(&text, from),
                            naive(&text, from),
                            "{text:?} {from}"
                        );
                    }
                }
            }
        }
    }

    /// The splitter as first written, over chars: the byte scan must agree with it.
    fn split_by_chars(text: &str, para: Span) -> Vec<Span> {
        let p = para.slice(text);
        let mut out = Vec::new();
        let mut start = 0;
        let mut chars = p.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !is_terminator(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_closer(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if ends_sentence(p, i, c, end) {
                push_trimmed(&mut out, p, start, end, para.start);
                start = end;
            }
        }
        push_trimmed(&mut out, p, start, p.len(), para.start);
        out
    }

    proptest! {
        #[test]
        fn byte_scan_agrees_with_the_char_scan(
            p in "([aZ ,.!?…”’)\\n\"'é—]|U\\.S\\.|Mr\\. |The ){0,40}"
        ) {
            let span = Span::new(0, p.len());
            prop_assert_eq!(split(&p, span), split_by_chars(&p, span));
        }
    }

    fn sentences(p: &str) -> Vec<&str> {
        split(p, Span::new(0, p.len()))
            .into_iter()
            .map(|s| s.slice(p))
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sentences("Prices rose. Markets fell! Why? Nobody knows."),
            vec!["Prices rose.", "Markets fell!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn titles_initials_and_decimals_do_not_split() {
        assert_eq!(
            sentences("Mr. Smith met Dr. J. R. Ellis at 2.5 p.m. today. Then they left."),
            vec![
                "Mr. Smith met Dr. J. R. Ellis at 2.5 p.m. today.",
                "Then they left."
            ]
        );
    }

    #[test]
    fn us_abbreviation_splits_only_before_a_clear_starter() {
        assert_eq!(
            sentences("U.S. President Joe Biden spoke. He left the U.S. The trip ended."),
            vec![
                "U.S. President Joe Biden spoke.",
                "He left the U.S.",
                "The trip ended."
            ]
        );
    }

    #[test]
    fn quotes_that_end_sentences_keep_their_closing_mark() {
        assert_eq!(
            sentences("He said “we will win.” She disagreed. \"Never!\" they shouted."),
            vec![
                "He said “we will win.”",
                "She disagreed.",
                "\"Never!\" they shouted."
            ]
        );
    }

    #[test]
    fn comma_inside_quote_is_not_an_end() {
        let p = "\"We tried,\" the ministry said. \"Why?\" she asked.";
        assert_eq!(
            sentences(p),
            vec!["\"We tried,\" the ministry said.", "\"Why?\" she asked."]
        );
    }

    #[test]
    fn spans_are_offset_by_the_paragraph_start() {
        let text = "Title\n\nOne. Two.";
        let got = split(text, Span::new(7, text.len()));
        assert_eq!(got, vec![Span::new(7, 11), Span::new(12, 16)]);
    }

    #[test]
    fn blank_paragraph_has_no_sentences() {
        assert!(sentences("   ").is_empty());
        assert_eq!(sentences("no terminator"), vec!["no terminator"]);
    }
}
