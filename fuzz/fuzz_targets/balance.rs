//! Fuzzes the balance block: arbitrary bytes are read as a classroom game's numbers, and the
//! numbers the checks allow play a whole game without a panic (an overflow in the rules). The
//! fuzzer's own inputs are mostly structure-less, so the bytes are turned into numbers: each
//! number of the shipped balance takes the next eight bytes, as a value anywhere in its type.
#![no_main]

use std::sync::Arc;

use ai_race::game::balance::BalanceDef;
use ai_race::game::policy::{Policy, play};
use ai_race::save::Playthrough;
use libfuzzer_sys::fuzz_target;

const BALANCE: &str = include_str!("../../assets/balance.ron");

/// The byte ranges of the shipped balance's numbers (digits with an optional minus).
fn numbers() -> Vec<(usize, usize)> {
    let bytes = BALANCE.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_comment = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_comment {
            in_comment = b != b'\n';
            i += 1;
            continue;
        }
        if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            in_comment = true;
            i += 2;
            continue;
        }
        let word_before = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if (b.is_ascii_digit() || (b == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            && !word_before
        {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, i));
            continue;
        }
        i += 1;
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let mut text = BALANCE.to_string();
    let mut chunks = data.chunks(8);
    for (start, end) in numbers().into_iter().rev() {
        let Some(chunk) = chunks.next() else { break };
        let mut raw = [0u8; 8];
        raw[..chunk.len()].copy_from_slice(chunk);
        // Small numbers as often as large ones: the first byte picks the width.
        let value = match raw[0] % 4 {
            0 => i64::from(raw[1] as i8),
            1 => i64::from(i16::from_le_bytes([raw[1], raw[2]])),
            2 => i64::from(i32::from_le_bytes([raw[1], raw[2], raw[3], raw[4]])),
            _ => i64::from_le_bytes(raw),
        };
        text = format!("{}{value}{}", &text[..start], &text[end..]);
    }
    let Ok(balance) = ai_race::content::parse::<BalanceDef>("balance", &text) else {
        return;
    };
    if !balance.problems().is_empty() {
        return;
    }
    let mut content = ai_race::content::load_builtin("classroom", None).expect("classroom");
    content.balance = balance;
    let (_, decisions) = play(&content, 20260101, Policy::Reckless);
    let game = Playthrough::replay(Arc::new(content), 20260101, &decisions);
    assert!(game.is_ok(), "the scripted game replays");
});
