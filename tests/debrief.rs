//! The debrief a class discusses: its Markdown for a fixed seed and scripted game (a
//! snapshot, reviewed by eye when balance changes), and questions that follow the game.

use std::sync::Arc;

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::game::{Command, Game};
use ai_race::report::Debrief;
use ai_race::report::questions::bank_size;

fn scripted(scenario: &str, policy: Policy, seed: Option<u64>) -> (Game, Vec<(u16, Command)>) {
    let content = Arc::new(content::load_builtin(scenario, None).expect("built-in scenario"));
    let seed = seed.or(content.scenario.seed).unwrap_or(1);
    let (state, decisions) = play(&content, seed, policy);
    (Game { content, state }, decisions)
}

fn debrief(scenario: &str, policy: Policy, seed: Option<u64>) -> Debrief {
    let (game, decisions) = scripted(scenario, policy, seed);
    Debrief::from_game(&game, &decisions)
}

#[test]
fn classroom_debrief_markdown() {
    let debrief = debrief("classroom", Policy::Balanced, None);
    assert_eq!(debrief.questions.len(), 3);
    insta::assert_snapshot!("classroom_balanced", debrief.to_markdown());
}

#[test]
fn the_speed_shares_add_up_to_the_research_done() {
    let (game, decisions) = scripted("race-2025", Policy::Balanced, Some(7));
    let debrief = Debrief::from_game(&game, &decisions);
    let parts: i64 = debrief.levers.iter().map(|l| l.progress).sum();
    let total: i64 = game
        .state
        .history
        .iter()
        .map(|h| i64::from(h.speed.total))
        .sum();
    assert_eq!(parts, total);
    assert_eq!(
        debrief.race[0].progress.len(),
        usize::from(game.state.month)
    );
}

#[test]
fn questions_follow_what_happened() {
    assert!(bank_size() >= 12);
    let good = debrief("race-2025", Policy::Balanced, Some(3));
    let hoard = debrief("race-2025", Policy::Hoard, Some(3));
    assert_eq!(hoard.questions.len(), 3);
    assert_ne!(good.questions, hoard.questions);
    // Hoarding never touches the pipeline, so its deploys are still slow at the end.
    assert!(
        hoard.questions.iter().any(|q| q.topic == "pipeline"),
        "{:?}",
        hoard.questions
    );
}

#[test]
fn an_unfinished_game_has_a_debrief_too() {
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    let game = Game::new(Arc::clone(&content), 5);
    let md = Debrief::from_game(&game, &[]).to_markdown();
    assert!(
        md.contains("The game is not over: 0 of 12 months played, now month 1 of 12 (Jan 2026)."),
        "{md}"
    );
    assert!(md.contains("No month has been played yet."), "{md}");
}
