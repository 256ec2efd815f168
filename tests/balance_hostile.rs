//! Every number of the balance block, drawn across its whole type range, gives a clean
//! refusal or a clean game: a save carries its balance and a teacher's scenario may write a
//! whole one, and a number the rules cannot compute with once made replays overflow.
//!
//! The fields are found by walking the shipped balance's text, not listed here, so a field
//! added later is covered without touching this test. Each field's type is found by asking
//! serde which extremes it takes, and the allowed range by bisecting between the shipped value
//! (allowed) and the type's extremes.

use std::sync::Arc;

use ai_race::content::reader::read;
use ai_race::content::tree::{Node, Value};
use ai_race::game::Content;
use ai_race::game::balance::BalanceDef;
use ai_race::game::policy::{Policy, play};
use ai_race::save::{self, Playthrough};
use proptest::prelude::*;

const BALANCE: &str = include_str!("../assets/balance.ron");

/// Every whole number in `node`, as the byte range of its text.
fn ints(node: &Node, out: &mut Vec<(usize, usize)>) {
    match &node.value {
        Value::Int(_) => out.push((node.start.offset, node.end.offset)),
        Value::Call { args, .. } => args.iter().for_each(|n| ints(n, out)),
        Value::Struct { fields, .. } => fields.iter().for_each(|f| ints(&f.value, out)),
        Value::Tuple(items) | Value::List(items) => items.iter().for_each(|n| ints(n, out)),
        Value::Map(pairs) => pairs.iter().for_each(|(k, v)| {
            ints(k, out);
            ints(v, out);
        }),
        _ => {}
    }
}

/// One number of the balance: where it is written, and what its type and range allow.
#[derive(Debug, Clone)]
struct Field {
    span: (usize, usize),
    /// The smallest and largest values its type takes.
    type_min: i128,
    type_max: i128,
    /// The smallest and largest values the checks allow.
    min: i128,
    max: i128,
}

fn with_value(text: &str, span: (usize, usize), value: i128) -> String {
    format!("{}{value}{}", &text[..span.0], &text[span.1..])
}

fn parse(text: &str) -> Option<BalanceDef> {
    ai_race::content::parse("balance", text).ok()
}

fn allowed(text: &str, span: (usize, usize), value: i128) -> bool {
    parse(&with_value(text, span, value)).is_some_and(|b| b.problems().is_empty())
}

/// The last allowed value from `good` (allowed) towards `bad` (not allowed).
fn bisect(text: &str, span: (usize, usize), mut good: i128, mut bad: i128) -> i128 {
    while (bad - good).abs() > 1 {
        let mid = good + (bad - good) / 2;
        if allowed(text, span, mid) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    good
}

/// Every number of the shipped balance with its type's extremes and allowed range.
fn fields() -> Vec<Field> {
    let tree = read(BALANCE, 32).expect("the shipped balance reads");
    let mut spans = Vec::new();
    ints(&tree, &mut spans);
    let extremes: [i128; 12] = [
        i128::from(i64::MIN),
        i128::from(i32::MIN),
        i128::from(i16::MIN),
        i128::from(i8::MIN),
        0,
        i128::from(i8::MAX),
        i128::from(u8::MAX),
        i128::from(i16::MAX),
        i128::from(u16::MAX),
        i128::from(u32::MAX),
        i128::from(i64::MAX),
        i128::from(u64::MAX),
    ];
    spans
        .into_iter()
        .map(|span| {
            let shipped: i128 = BALANCE[span.0..span.1].parse().expect("a number");
            let takes = |v: i128| parse(&with_value(BALANCE, span, v)).is_some();
            let type_min = *extremes.iter().find(|&&v| takes(v)).expect("a type");
            let type_max = *extremes.iter().rev().find(|&&v| takes(v)).expect("a type");
            assert!(
                allowed(BALANCE, span, shipped),
                "the shipped value is allowed"
            );
            let max = if allowed(BALANCE, span, type_max) {
                type_max
            } else {
                bisect(BALANCE, span, shipped, type_max)
            };
            let min = if allowed(BALANCE, span, type_min) {
                type_min
            } else {
                bisect(BALANCE, span, shipped, type_min)
            };
            Field {
                span,
                type_min,
                type_max,
                min,
                max,
            }
        })
        .collect()
}

fn classroom() -> Content {
    ai_race::content::load_builtin("classroom", None).expect("classroom loads")
}

/// Plays a whole game on `balance` and loads its save: a clean game, or a clean refusal.
fn game_or_refusal(balance: BalanceDef, policy: Policy) {
    let mut content = classroom();
    content.balance = balance;
    let refused = content.balance.problems();
    if !refused.is_empty() {
        // The rules never see it: the save carrying it is refused by name.
        let text = save_with_balance(&content.balance);
        let e = save::load_text(&text).expect_err("an out-of-range balance is refused");
        let e = e.to_string();
        assert!(
            refused.iter().any(|p| e.contains(&p.message)),
            "the refusal names a field and its range: {e}"
        );
        return;
    }
    let seed = 20260101;
    let (state, decisions) = play(&content, seed, policy);
    assert!(state.month > 0);
    let played = Playthrough::replay(Arc::new(content), seed, &decisions)
        .unwrap_or_else(|_| panic!("the scripted game replays"));
    let text = played.to_text().expect("a save");
    save::load_text(&text).expect("a game played on an allowed balance verifies");
}

/// A real save of the classroom game whose balance block is replaced by `balance`.
fn save_with_balance(balance: &BalanceDef) -> String {
    static GOOD: std::sync::OnceLock<(String, (usize, usize))> = std::sync::OnceLock::new();
    let (good, span) = GOOD.get_or_init(|| {
        let content = Arc::new(classroom());
        let (_, decisions) = play(&content, 20260101, Policy::Balanced);
        let text = Playthrough::replay(content, 20260101, &decisions)
            .unwrap_or_else(|_| panic!("the scripted game replays"))
            .to_text()
            .expect("a save");
        let tree = read(&text, 32).expect("the save reads");
        let node = &tree
            .field("content")
            .and_then(|c| c.value.field("balance"))
            .expect("the save carries its balance")
            .value;
        let span = (node.start.offset, node.end.offset);
        (text, span)
    });
    let block = ron::to_string(balance).expect("serialises");
    format!("{}{block}{}", &good[..span.0], &good[span.1..])
}

/// Each field at each end of its allowed range and of its type, one at a time, through a whole
/// game (or the refusal): deterministic, so every field is covered in every run.
#[test]
fn every_field_at_each_end_of_its_range_and_type_is_a_clean_game_or_refusal() {
    let fields = fields();
    assert!(fields.len() > 100, "{} numbers found", fields.len());
    let mut failed = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        for value in [f.min, f.max, f.type_min, f.type_max] {
            let text = with_value(BALANCE, f.span, value);
            let b = parse(&text).expect("in its type");
            // Alternate the scripts so both a careful and a reckless game meet the extremes.
            let policy = if i % 2 == 0 {
                Policy::Everything
            } else {
                Policy::Reckless
            };
            if value == f.min || value == f.max {
                assert!(b.problems().is_empty());
                // Every field is tried before failing, so one run lists every field that fails.
                let played = std::panic::catch_unwind(|| game_or_refusal(b, policy));
                if let Err(e) = played {
                    let why = e
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    let line = BALANCE[..f.span.0].lines().count();
                    failed.push(format!("balance.ron line {line} = {value}: {why}"));
                }
            } else {
                assert!(
                    !b.problems().is_empty(),
                    "{}: {value} is outside the allowed range {}..={}",
                    &BALANCE[f.span.0..f.span.1],
                    f.min,
                    f.max
                );
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Every field drawn at once, anywhere in its allowed range (ends favoured): the mixes
    /// of large and small numbers are where products overflow.
    #[test]
    fn every_field_drawn_at_once_within_its_range_plays_a_clean_game(
        picks in proptest::collection::vec((0u8..4, any::<u64>()), 400),
        reckless in any::<bool>(),
    ) {
        let fields = fields_cached();
        let mut text = BALANCE.to_string();
        // From the last to the first, so earlier spans stay where they are.
        for (f, (how, r)) in fields.iter().zip(&picks).rev() {
            let span = (f.max - f.min + 1) as u128;
            let value = match how {
                0 => f.min,
                1 => f.max,
                _ => f.min + (u128::from(*r) % span) as i128,
            };
            text = with_value(&text, f.span, value);
        }
        let b = parse(&text).expect("in its type");
        // Every number is in its range; only two ends of a clamp drawn out of order are
        // refused.
        prop_assert!(
            b.problems().iter().all(|p| p.message.contains(" above ")),
            "{:?}",
            b.problems()
        );
        game_or_refusal(b, if reckless { Policy::Reckless } else { Policy::Everything });
    }

    /// Every field drawn at once across its whole type: a clean refusal naming a field, or a
    /// clean game when every draw happens to be allowed.
    #[test]
    fn every_field_drawn_across_its_type_is_refused_or_plays(
        picks in proptest::collection::vec((0u8..3, any::<u64>()), 400),
    ) {
        let fields = fields_cached();
        let mut text = BALANCE.to_string();
        for (f, (how, r)) in fields.iter().zip(&picks).rev() {
            let span = (f.type_max - f.type_min).max(0) as u128 + 1;
            let value = match how {
                0 => f.type_min,
                1 => f.type_max,
                _ => f.type_min + (u128::from(*r) % span) as i128,
            };
            text = with_value(&text, f.span, value);
        }
        let b = parse(&text).expect("in its type");
        game_or_refusal(b, Policy::Everything);
    }
}

fn fields_cached() -> &'static [Field] {
    static FIELDS: std::sync::OnceLock<Vec<Field>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(fields)
}
