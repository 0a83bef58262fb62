#![no_main]
//! JSON Lines records: never panic; every document's text is non-empty.
use libfuzzer_sys::fuzz_target;
use tessera_ingest::{ReadOptions, Reader};

fuzz_target!(|data: &[u8]| {
    Reader::new(ReadOptions { max_bytes: 1 << 16 }).read_jsonl(data, "fuzz", &mut |item| {
        if let Ok(doc) = item {
            assert!(!doc.text.trim().is_empty());
        }
    });
});
