//! Name recognition and the co-occurrence fold, on arbitrary text: no panic, valid spans.
#![no_main]

use broadsheet::analyze::{self, names, Options};
use broadsheet::article::{Article, Encoding};
use broadsheet::corpus::Corpus;
use broadsheet::text::stopwords::StopWords;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = Article::new("f".into(), text.to_string(), Encoding::Utf8);
    for m in names::find(&a) {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
    let r = analyze::article(
        &a,
        Options {
            stopwords: StopWords::english(),
        },
    );
    let _ = Corpus::default().with(Ok(r));
});
