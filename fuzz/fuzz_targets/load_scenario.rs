//! Fuzzes the scenario reader (as `scenario check` and `new --scenario` use it) with arbitrary
//! bytes: every input gives a scenario or a short list of problems, each printable on one line
//! with no raw control, bidi or zero-width character, and never a panic (an overflow), a hang
//! or an unbounded allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.len() > ai_race::content::MAX_SCENARIO_BYTES {
        return;
    }
    let (report, _sound) = ai_race::report::scenarios::check("fuzz.ron", text);
    assert!(
        !report
            .chars()
            .any(|c| c != '\n' && ai_race::report::sanitize::is_hidden(c)),
        "the check printed a hidden character: {report:?}"
    );
    // A few problems are listed and the rest counted, whatever the file holds.
    assert!(report.len() < 64 * 1024, "a report of {} bytes", report.len());
});
