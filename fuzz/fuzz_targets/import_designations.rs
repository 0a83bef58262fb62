#![no_main]
//! Designation lists (UN XML, CSV): never panic; repairs keep well-formed input unchanged.
use libfuzzer_sys::fuzz_target;
use tessera_import::designations;

fuzz_target!(|data: &[u8]| {
    if let Ok(list) = designations::read_un_xml(data, "fuzz") {
        for d in &list.designations {
            assert!(d.id.starts_with("un:"));
        }
    }
    for d in designations::read_csv(data, "fuzz").flatten() {
        assert!(!d.name.is_empty());
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let (fixed, repaired) = designations::repair_ampersands(text);
        if repaired.is_empty() {
            assert_eq!(fixed, text);
        }
    }
});
