#![no_main]
//! UCDP GED CSV: never panic; every event read has an id and a start date.
use libfuzzer_sys::fuzz_target;
use tessera_import::ucdp;

fuzz_target!(|data: &[u8]| {
    for row in ucdp::read(data, "fuzz").flatten() {
        assert!(row.event.id.starts_with("ucdp:"));
        assert!(row.event.date.start.is_some());
    }
});
