//! Record and metadata parsing (a JSON line, a front-matter block, a date) on arbitrary
//! text must not panic, and a parsed record must become an article.
#![no_main]

use broadsheet::article::Encoding;
use broadsheet::ingest::formats::{self, dates, front_matter, FieldMap};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fields = FieldMap::default();
    let _ = dates::parse(text);
    let _ = front_matter::split(text, &fields);
    if let Ok(r) = formats::parse_json_line(text, &fields) {
        let _ = r.into_article("f.jsonl#1".into(), Encoding::Utf8);
    }
});
