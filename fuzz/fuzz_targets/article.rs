//! Whole per-article analysis (structure, words, names, quotes, entities) on arbitrary
//! text: must not panic, and every span must lie inside the text on char boundaries.
#![no_main]

use broadsheet::analyze::{self, Options};
use broadsheet::article::{Article, Encoding};
use broadsheet::text::stopwords::StopWords;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = Article::new("f".into(), text.to_string(), Encoding::Utf8);
    for s in &a.sentences {
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
    }
    let r = analyze::article(
        &a,
        Options {
            stopwords: StopWords::english(),
        },
    );
    let ok = |s: broadsheet::text::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    assert!(r.mentions.iter().all(|m| ok(m.span)));
    assert!(r.quotes.iter().all(|q| ok(q.span) && ok(q.inner)));
});
