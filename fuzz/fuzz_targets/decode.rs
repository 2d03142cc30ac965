//! Decoding arbitrary bytes (BOMs, UTF-16, invalid UTF-8) must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = broadsheet::ingest::decode(data);
});
