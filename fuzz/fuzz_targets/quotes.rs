//! The quote stage alone, on arbitrary text shaped by the fuzzer: pairing marks and
//! attributing speakers must not panic, and spans must be valid.
#![no_main]

use broadsheet::analyze::{names, quotes};
use broadsheet::article::{Article, Encoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = Article::new("f".into(), text.to_string(), Encoding::Utf8);
    let mentions = names::find(&a);
    let found = quotes::find(&a, &mentions);
    for q in &found.quotes {
        assert!(q.span.end <= text.len() && q.span.start <= q.inner.start);
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
});
