//! A seeded random-bytes loop over every reader, on the stable toolchain (the `cargo fuzz`
//! targets in fuzz/ need nightly): saves, scenario files, world codes, the settings file and
//! plain-mode input. Inputs are random bytes and real files with random edits (a byte
//! changed, a number replaced by a type's extreme, a piece cut out), so they get past the
//! first character. Every input must give an answer, never a panic. Seeded, so a failure is
//! found again by the same run, and bounded in time.

use std::io::Cursor;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ai_race::game::rng::Pcg32;

const SAVE: &str = include_str!("saves/v1-rules3/random-classroom.ron");
const SCENARIO: &str = include_str!("../assets/scenarios/classroom.ron");
const BALANCE: &str = include_str!("../assets/balance.ron");
const EXTREMES: [&str; 8] = [
    "18446744073709551615",
    "-9223372036854775808",
    "9223372036854775807",
    "4294967295",
    "-2147483648",
    "65535",
    "255",
    "-1",
];

/// Time each reader is given.
const BUDGET: Duration = Duration::from_millis(1500);

/// An input from `rng`: random bytes, or `base` with a few random edits.
fn input(rng: &mut Pcg32, base: &str) -> Vec<u8> {
    if rng.below(8) == 0 {
        let len = rng.below(512) as usize;
        return (0..len).map(|_| rng.below(256) as u8).collect();
    }
    let mut bytes = base.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len() as u32) as usize;
        match rng.below(4) {
            0 => bytes[at] = rng.below(256) as u8,
            1 => {
                // A number at `at` (or the next one) replaced by an extreme.
                let Some(start) = bytes[at..].iter().position(u8::is_ascii_digit) else {
                    continue;
                };
                let start = at + start;
                let end = start
                    + bytes[start..]
                        .iter()
                        .take_while(|b| b.is_ascii_digit())
                        .count();
                let with = EXTREMES[rng.below(EXTREMES.len() as u32) as usize];
                bytes.splice(start..end, with.bytes());
            }
            2 => {
                let end = (at + rng.below(64) as usize).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                let from = rng.below(bytes.len() as u32) as usize;
                let end = (from + rng.below(64) as usize).min(bytes.len());
                let piece = bytes[from..end].to_vec();
                bytes.splice(at..at, piece);
            }
        }
    }
    bytes
}

/// Runs `read` on inputs from `seed` until the time budget is spent; returns how many ran.
fn for_a_while(seed: u64, base: &str, mut read: impl FnMut(&[u8])) -> u32 {
    let mut rng = Pcg32::new(seed, 17);
    let started = Instant::now();
    let mut n = 0;
    while started.elapsed() < BUDGET {
        read(&input(&mut rng, base));
        n += 1;
    }
    n
}

#[test]
fn random_saves_are_loaded_or_refused() {
    let n = for_a_while(1, SAVE, |bytes| {
        let _ = ai_race::save::load_bytes(bytes);
    });
    assert!(n > 10, "{n} saves");
}

#[test]
fn random_scenarios_and_balances_are_checked_or_refused() {
    let with_balance = format!(
        "{}    balance: {},\n)\n",
        &SCENARIO[..SCENARIO.rfind(')').expect("the scenario ends")]
            .replace("id: \"classroom\"", "id: \"fuzzed\""),
        BALANCE.trim()
    );
    let mut n = for_a_while(2, &with_balance, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let (report, sound) = ai_race::report::scenarios::check("fuzz.ron", &text);
        if sound {
            // A scenario the check passes starts a game and plays a month.
            let content = ai_race::content::load_scenario_file_text("fuzz.ron", &text, None)
                .expect("a sound scenario loads");
            let content = Arc::new(content);
            let (_, decisions) =
                ai_race::game::policy::play(&content, 1, ai_race::game::policy::Policy::Reckless);
            assert!(
                !decisions.is_empty() || content.scenario.months > 0,
                "{report}"
            );
        }
    });
    n += for_a_while(3, SCENARIO, |bytes| {
        let _ = ai_race::report::scenarios::check("fuzz.ron", &String::from_utf8_lossy(bytes));
    });
    assert!(n > 10, "{n} scenarios");
}

#[test]
fn random_world_codes_and_settings_are_read_or_refused() {
    let code =
        ai_race::content::code::of_world("classroom", "normal", 20260101, "0123abcd").encode();
    let n = for_a_while(4, &code, |bytes| {
        let _ = ai_race::content::code::decode(&String::from_utf8_lossy(bytes));
    });
    assert!(n > 10, "{n} codes");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("settings.ron");
    let settings = "(player: Some(\"Ada\"), theme: Some(\"dark\"), ascii: Some(true))";
    let n = for_a_while(5, settings, |bytes| {
        std::fs::write(&path, bytes).expect("write");
        let _ = ai_race::ui::settings::Settings::load(&path);
    });
    assert!(n > 10, "{n} settings files");
}

#[test]
fn random_plain_mode_input_never_stops_the_game() {
    let commands = "help\nlist\n1\n2 150\nexplain 1\nstate\nend\n3\nsave x\nyes\nlist all\n";
    let content =
        Arc::new(ai_race::content::load_builtin("classroom", None).expect("classroom loads"));
    let n = for_a_while(6, commands, |bytes| {
        let session = ai_race::ui::Session::new(Arc::clone(&content), 20260101);
        let mut out = Vec::new();
        ai_race::plain::play(session, None, false, Cursor::new(bytes), &mut out)
            .expect("plain mode answers every line");
    });
    assert!(n > 10, "{n} inputs");
}
