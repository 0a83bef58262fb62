#![no_main]
//! GDELT 2.0 events: never panic; every event read has an id and a date.
use libfuzzer_sys::fuzz_target;
use tessera_import::gdelt;

fuzz_target!(|data: &[u8]| {
    for row in gdelt::read(data, "fuzz").flatten() {
        assert!(row.event.id.starts_with("gdelt:"));
        assert!(row.event.date.start.is_some());
    }
});
