#![no_main]
//! RSS/Atom feeds: never panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(items) = tessera_ingest::parse_feed(data, "fuzz.xml") {
        for doc in items.into_iter().flatten() {
            assert!(!doc.text.trim().is_empty());
        }
    }
});
