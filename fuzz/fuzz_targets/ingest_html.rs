#![no_main]
//! HTML pages in any encoding: never panic; extracted text has no markup left from scripts.
use libfuzzer_sys::fuzz_target;
use tessera_model::DocId;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = tessera_ingest::parse_html(data, DocId::from("fuzz"), "fuzz.html") {
        assert!(!doc.text.trim().is_empty());
    }
});
