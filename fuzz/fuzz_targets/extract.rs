#![no_main]
//! The whole extraction pipeline over arbitrary text: never panic, every span slices the text.
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};
use tessera_engine::Engine;
use tessera_model::{DocId, Document, DocumentMeta, SourceFormat};
use tessera_resolve::Gazetteer;

static ENGINE: OnceLock<Engine> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let engine = ENGINE.get_or_init(|| Engine::new(Arc::new(Gazetteer::embedded().unwrap())));
    let doc = Document {
        id: DocId::from("fuzz"),
        version: 1,
        text: text.to_owned(),
        meta: DocumentMeta::default(),
        format: SourceFormat::Text,
        origin: None,
    };
    let item = engine.extract(doc);
    let t = &item.document.text;
    for m in &item.annotations.mentions {
        assert_eq!(m.span.slice(t), Some(m.text.as_str()));
    }
    for s in &item.annotations.sentences {
        assert!(s.span.slice(t).is_some());
    }
    for e in &item.annotations.events {
        for ev in &e.evidence {
            assert!(tessera_model::slice_chars(t, ev.begin, ev.end).is_some());
        }
    }
});
