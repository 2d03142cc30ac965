//! A small window of the article's text, as quote attribution and coreference read it:
//! its tokens, and the few tests of its words and lines both make. Neither owns it, so
//! coreference never has to import from the quote stage.

/// A word or punctuation token of a small window, with absolute byte offsets.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    pub(super) word: bool,
}

/// Tokens of `text[lo..hi]`: words (letters, digits, inner apostrophes, hyphens and
/// periods) and single punctuation characters; white space dropped.
pub(super) fn tokens(text: &str, lo: usize, hi: usize) -> Vec<Tok<'_>> {
    let s = &text[lo..hi];
    let b = s.as_bytes();
    // ASCII is decoded by hand: this runs twice per quote and dominates the stage's cost.
    let char_at = |i: usize| -> char {
        if b[i] < 0x80 {
            char::from(b[i])
        } else {
            s[i..].chars().next().unwrap_or(' ')
        }
    };
    let mut out = Vec::with_capacity(b.len() / 5 + 1);
    let mut i = 0;
    while i < b.len() {
        let c = char_at(i);
        let n = c.len_utf8();
        // Zero-width spaces and joiners (pasted from the web: "Traeger\u{200b} said") and a
        // stray byte-order mark separate nothing a reader sees.
        if c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}') {
            i += n;
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                start: lo + i,
                end: lo + i + n,
                text: &s[i..i + n],
                word: false,
            });
            i += n;
            continue;
        }
        let start = i;
        i += n;
        while i < b.len() {
            // Most of a word is ASCII letters and digits: skipped without decoding a
            // character or testing for an inner mark.
            if ALNUM[usize::from(b[i])] {
                i += 1;
                continue;
            }
            let d = char_at(i);
            let dn = d.len_utf8();
            let inner = matches!(d, '\'' | '’' | '-' | '.')
                && i + dn < b.len()
                && is_word_char(char_at(i + dn));
            if is_word_char(d) || inner {
                i += dn;
            } else {
                break;
            }
        }
        // "Dr." and "J." keep their period: it does not end the speaker's name.
        let word = &s[start..i];
        if b.get(i) == Some(&b'.')
            && (ABBREVIATIONS.contains(&word)
                || (word.len() == 1 && word.starts_with(|c: char| c.is_uppercase())))
        {
            i += 1;
        }
        out.push(Tok {
            start: lo + start,
            end: lo + i,
            text: &s[start..i],
            word: true,
        });
    }
    out
}

/// ASCII letters and digits, by table: one load per byte of the inner loop.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

pub(super) const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
    "Sgt", "Rev", "Prof", "No", "Inc", "Co", "Corp", "Ltd", "vs", "Jan", "Feb", "Aug", "Sept",
    "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "D.C",
];

/// Whether token `k` ends a sentence: `.`, `?`, `!` or `;` not after an abbreviation.
pub(super) fn ends_sentence(toks: &[Tok], k: usize) -> bool {
    match toks[k].text {
        "?" | "!" | ";" => true,
        "." => {
            let abbreviation = k > 0
                && toks[k - 1].word
                && (toks[k - 1].text.chars().count() == 1
                    || ABBREVIATIONS.contains(&toks[k - 1].text));
            // "Mitch McConnell, R-Ky., said": a period before a comma or a lower-case
            // word closes an abbreviation, not a sentence.
            let continues = toks.get(k + 1).is_some_and(|n| {
                matches!(n.text, "," | ")") || n.text.starts_with(char::is_lowercase)
            });
            !abbreviation && !continues
        }
        _ => false,
    }
}

/// Whether `word` is in `list`, ignoring ASCII case, without allocating.
pub(super) fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// White space runs collapsed to one space and trimmed, in one allocation.
pub(super) fn collapse_spaces(s: &str) -> String {
    if is_plain(s) && s.trim() == s {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether `s` has no line break, tab, no-break space or two spaces in a row: one pass
/// over its bytes, where searching for each in turn set up a string searcher per call.
/// ASCII is tested eight bytes at a time (every quotation and reported clause passes
/// through here).
fn is_plain(s: &str) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `v` that is zero; exact for any `v` (no borrow
    // crosses from one byte into the next).
    let zeros = |v: u64| !(((v & !HIGH).wrapping_add(!HIGH)) | v) & HIGH;
    let b = s.as_bytes();
    let mut prev = 0u8;
    let mut at = 0;
    while let Some(chunk) = b.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if x & HIGH != 0 {
            // Not ASCII: the no-break space is two bytes, tested one byte at a time.
            break;
        }
        let spaces = zeros(x ^ (LOW * u64::from(b' ')));
        let breaks = zeros(x ^ (LOW * u64::from(b'\n')))
            | zeros(x ^ (LOW * u64::from(b'\r')))
            | zeros(x ^ (LOW * u64::from(b'\t')))
            // A space after a space: each byte's flag moved onto the byte after it, and
            // the last byte before the chunk onto its first.
            | (spaces & ((spaces << 8) | u64::from(prev == b' ') << 7));
        if breaks != 0 {
            return false;
        }
        prev = chunk[7];
        at += 8;
    }
    for &c in &b[at..] {
        // U+00A0 is C2 A0 in UTF-8, and C2 is only ever a lead byte.
        let breaks = matches!(c, b'\n' | b'\r' | b'\t')
            || (c == b' ' && prev == b' ')
            || (c == 0xa0 && prev == 0xc2);
        if breaks {
            return false;
        }
        prev = c;
    }
    true
}

/// A line that is no prose: short, with no closing punctuation and no quotation mark
/// ("Story continues below advertisement", "READ MORE: ...", "WATCH: ...").
pub(super) fn is_furniture(line: &str) -> bool {
    let t = line.trim_end();
    t.len() <= 160
        && !t.ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
        && !t.contains(['"', '\u{201c}', '\u{201d}'])
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_is_the_searches_it_replaced() {
        for s in [
            "",
            "a",
            "a b",
            "a  b",
            " a",
            "a\nb",
            "a\rb",
            "a\tb",
            "a\u{a0}b",
            "à",
            "àà b",
            "x\u{2003}y",
            "  ",
            "\u{a0}",
            "said Mr. Smith",
            "eight by",
            "eight b  ",
            "eight b\n",
            "eight b \u{a0}",
            "seven b  x",
            "eight bi  x",
            "sixteen bytes ab\ncd",
            "sixteen bytes ab\tcd",
            "sixteen bytes a\r",
            "sixteen bytes one, then two: a  b",
            "a long plain line of words with one space between each of them",
            "twelve bytes \u{a0}x",
            "é twelve bytes",
        ] {
            let old = !s.contains(['\n', '\r', '\t', '\u{a0}']) && !s.contains("  ");
            assert_eq!(super::is_plain(s), old, "{s:?}");
        }
    }

    #[test]
    fn plain_eight_bytes_at_a_time_is_plain_one_at_a_time() {
        let byte_wise = |s: &str| {
            let mut prev = 0u8;
            for &c in s.as_bytes() {
                if matches!(c, b'\n' | b'\r' | b'\t')
                    || (c == b' ' && prev == b' ')
                    || (c == 0xa0 && prev == 0xc2)
                {
                    return false;
                }
                prev = c;
            }
            true
        };
        let alphabet = [
            " ", "a", "b", ".", "\n", "\t", "\r", "é", "\u{a0}", "\u{2003}",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 58) as usize;
            let mut s = String::new();
            let mut r = seed;
            for _ in 0..len {
                r = r
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1442695040888963407);
                // Mostly letters, so that long plain runs occur.
                let k = (r >> 59) as usize;
                s.push_str(if k < alphabet.len() { alphabet[k] } else { "a" });
            }
            assert_eq!(super::is_plain(&s), byte_wise(&s), "{s:?}");
        }
    }
}
