#![no_main]
//! Plain text: never panic; accepted text is exactly the UTF-8 input less BOM and CRs.
use libfuzzer_sys::fuzz_target;
use tessera_model::{DocId, SourceFormat};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = tessera_ingest::parse_text(data, DocId::from("f"), "f.txt", SourceFormat::Text) {
        assert!(!doc.text.contains('\r'));
        assert!(std::str::from_utf8(data).is_ok());
    }
});
