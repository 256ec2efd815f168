//! The same scenario, seed, difficulty and commands give the same game, bit for bit.
//! The golden hashes below change only when the rules change on purpose; then RULES_VERSION
//! is bumped and the saves of older rules are migrated or refused.

use std::sync::Arc;

use ai_race::content;
use ai_race::game::hash::hex;
use ai_race::game::policy::{Policy, play};
use ai_race::game::{Command, Game};

fn content() -> Arc<ai_race::game::Content> {
    Arc::new(content::load_builtin("race-2025", Some("normal")).expect("built-in scenario"))
}

/// A fixed, hand-written opening followed by ending months (answering events with option 0).
fn scripted_game(seed: u64) -> Game {
    let mut g = Game::new(content(), seed);
    let opening = [
        Command::Upgrade("auto-eval".into()),
        Command::Adopt("vercel-github".into()),
        Command::SafetyReview,
        Command::EndMonth,
        Command::Build("jax-xla".into()),
        Command::BuildDataCentre(50),
        Command::EndMonth,
    ];
    for c in &opening {
        if g.state.pending.is_some() {
            g.apply(&Command::Choose(0)).expect("answer");
        }
        let _ = g.apply(c);
    }
    for _ in 0..12 {
        if g.state.pending.is_some() {
            g.apply(&Command::Choose(0)).expect("answer");
        }
        if g.is_over() {
            break;
        }
        g.apply(&Command::EndMonth).expect("end month");
    }
    g
}

#[test]
fn same_seed_and_commands_same_hash() {
    let a = scripted_game(7);
    let b = scripted_game(7);
    assert_eq!(a.hash(), b.hash());
    assert_eq!(a.state, b.state);
    let c = scripted_game(8);
    assert_ne!(a.hash(), c.hash(), "a different seed is a different world");
}

#[test]
fn golden_hash_of_a_scripted_game() {
    let g = scripted_game(7);
    assert_eq!(g.state.month, 14);
    assert_eq!(hex(g.hash()), "4c0acbcf4f29e284");
}

#[test]
fn golden_hash_of_a_balanced_game() {
    let (state, decisions) = play(&content(), 2025, Policy::Balanced);
    assert_eq!(
        (
            hex(ai_race::game::hash::canonical_hash(&state)),
            decisions.len()
        ),
        ("fd7fd29f2567314e".to_string(), 122)
    );
}

#[test]
fn replaying_the_decisions_rebuilds_the_state() {
    let content = content();
    let (state, decisions) = play(&content, 99, Policy::Random);
    let mut g = Game::new(content, 99);
    for (_, c) in &decisions {
        g.apply(c).expect("a recorded decision replays");
    }
    assert_eq!(g.state, state);
}
