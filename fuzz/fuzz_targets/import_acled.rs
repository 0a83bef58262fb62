#![no_main]
//! ACLED CSV: never panic; every row read has an event id and an ISO date.
use libfuzzer_sys::fuzz_target;
use tessera_import::acled;

fuzz_target!(|data: &[u8]| {
    for row in acled::read(data, "fuzz").flatten() {
        assert!(!row.fields["event_id_cnty"].trim().is_empty());
        assert!(acled::iso_date(&row.fields["event_date"]).is_some());
    }
});
