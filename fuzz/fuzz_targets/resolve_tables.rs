#![no_main]
//! User gazetteer and actor tables: never panic, only errors.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = tessera_resolve::parse_places_tsv(text, "fuzz.tsv");
        let _ = tessera_resolve::parse_actors_tsv(text, "fuzz.tsv");
        let _ = tessera_resolve::parse_actors_json(text, "fuzz.json");
    }
});
