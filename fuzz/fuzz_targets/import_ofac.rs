#![no_main]
//! OFAC SDN files (CSV or JSON extract): never panic; every listing has an id and a name.
use libfuzzer_sys::fuzz_target;
use tessera_import::ofac;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (list, _) = ofac::read_csv(text, Some(text), "fuzz");
    for d in list.iter().chain(ofac::read_json(text, "fuzz").iter().flatten()) {
        assert!(d.id.starts_with("ofac:"));
    }
});
