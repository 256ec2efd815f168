//! Fuzzes the save loader with arbitrary bytes: it must answer every input with a save or a
//! one-line, printable error, and never panic, hang or allocate without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = ai_race::save::load_bytes(data) {
        let line = e.to_string();
        assert!(
            !line.chars().any(char::is_control),
            "an error message carries a control character: {line:?}"
        );
    }
});
