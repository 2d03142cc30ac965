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
            if b[i].is_ascii_alphanumeric() {
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
fn is_plain(s: &str) -> bool {
    let mut prev = 0u8;
    for &c in s.as_bytes() {
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
        ] {
            let old = !s.contains(['\n', '\r', '\t', '\u{a0}']) && !s.contains("  ");
            assert_eq!(super::is_plain(s), old, "{s:?}");
        }
    }
}
