//! Property tests: the pure analysis functions on arbitrary Unicode text never panic, every
//! span they return lies inside the text on character boundaries, and counts add up.

use broadsheet::analyze::quotes::QuoteKind;
use broadsheet::analyze::{self, Options};
use broadsheet::article::{Article, Encoding};
use broadsheet::ingest;
use broadsheet::text::stopwords::StopWords;
use broadsheet::text::tokenize;
use broadsheet::text::Span;
use proptest::prelude::*;

/// Text shaped like news: words, quotes of every kind, punctuation, line breaks, plus
/// arbitrary Unicode.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just(". ".to_string()),
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("'".to_string()),
        Just("\u{2019}".to_string()),
        Just("''".to_string()),
        Just(", ".to_string()),
        Just(" said ".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        "[0-9]{1,4}(\\.[0-9])?",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn article_structure_is_well_formed(text in newsish()) {
        let a = Article::new("p".into(), text.clone(), Encoding::Utf8);
        let mut last_end = 0;
        for p in &a.paragraphs {
            prop_assert!(valid(&text, *p));
            prop_assert!(p.start >= last_end, "paragraphs overlap or go backwards");
            prop_assert!(!p.slice(&text).trim().is_empty());
            last_end = p.end;
        }
        let mut last_end = 0;
        for s in &a.sentences {
            prop_assert!(valid(&text, s.span));
            prop_assert!(s.span.start >= last_end);
            prop_assert!(a.paragraphs[s.paragraph].contains(s.span));
            last_end = s.span.end;
        }
    }

    #[test]
    fn analysis_never_panics_and_counts_add_up(text in newsish()) {
        let a = Article::new("p".into(), text.clone(), Encoding::Utf8);
        let r = analyze::article(&a, Options { stopwords: StopWords::english() });
        let kept: u64 = r.words.terms.iter().map(|&(_, n)| u64::from(n)).sum();
        let phrases: u64 = r.words.bigrams.values().map(|&n| u64::from(n)).sum();
        prop_assert!(kept <= r.words.tokens);
        prop_assert!(phrases < kept.max(1));
        prop_assert_eq!(r.row.words, r.words.tokens);
        for m in &r.mentions {
            prop_assert!(valid(&text, m.span));
            prop_assert!(!m.canonical.is_empty());
        }
        let mut last_end = 0;
        for q in &r.quotes {
            prop_assert!(valid(&text, q.span) && valid(&text, q.inner));
            prop_assert!(q.span.contains(q.inner));
            prop_assert!(q.span.start >= last_end, "quotes overlap or go backwards");
            last_end = q.span.end;
        }
        // The row counts quotations; reported speech is counted from the rows' kinds.
        let quotations = r.quotes.iter().filter(|q| q.kind != QuoteKind::Reported).count();
        prop_assert_eq!(r.row.quotes, quotations as u64);
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok((text, _)) = ingest::decode(&bytes) {
            prop_assert!(!text.trim().is_empty());
            prop_assert!(!text.contains('\0'));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn ascii_fast_path_gives_the_unicode_tokens(text in "[a-zA-Z0-9_ .,;:'\"!?()\\-\n\t]{0,80}") {
        let fast: Vec<(usize, &str)> = tokenize::words(&text).collect();
        let unicode: Vec<(usize, &str)> = tokenize::unicode_words(&text).collect();
        prop_assert_eq!(fast, unicode);
    }

    /// The fast path also takes the curly quotes, dashes and currency signs of news copy;
    /// any other character (here é) sends the text down the general path.
    #[test]
    fn news_punctuation_fast_path_gives_the_unicode_tokens(
        text in "[aZ19_ .,;:'\"\\-\n\u{a0}\u{a3}\u{ab}\u{bb}\u{2013}\u{2014}\u{2018}\u{2019}\u{201c}\u{201d}\u{2024}\u{2026}\u{20ac}é]{0,60}"
    ) {
        let fast: Vec<(usize, &str)> = tokenize::words(&text).collect();
        let unicode: Vec<(usize, &str)> = tokenize::unicode_words(&text).collect();
        prop_assert_eq!(fast, unicode);
    }
}

proptest! {
    /// Record and metadata parsing take any input a file can hold without panicking, and
    /// a front-matter block, when found, ends on a character boundary inside the text.
    #[test]
    fn record_parsing_never_panics(s in ".{0,200}", body in newsish()) {
        use broadsheet::ingest::formats::{self, dates, front_matter, FieldMap};
        let fields = FieldMap::default();
        let _ = dates::parse(&s);
        let _ = formats::parse_json_line(&s, &fields);
        let line = format!("{{\"title\":{:?},\"text\":{:?},\"date\":{:?}}}", s, body, s);
        if let Ok(r) = formats::parse_json_line(&line, &fields) {
            let (a, _) = r.into_article("x.jsonl#1".into(), Encoding::Utf8);
            prop_assert!(a.paragraphs.iter().all(|p| valid(&a.text, *p)));
        }
        let text = format!("---\n{s}\n---\n{body}");
        if let Some((_, at)) = front_matter::split(&text, &fields) {
            prop_assert!(text.is_char_boundary(at) && at <= text.len());
        }
    }
}
