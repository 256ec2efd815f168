//! The classroom world teaches (issue 16): in its one locked world several approaches win,
//! hiring matters, and one skipped month costs but does not decide the game alone. The
//! classroom is one world, so one game per policy decides each claim.

use ai_race::content::load_builtin;
use ai_race::game::Command;
use ai_race::game::data::Content;
use ai_race::game::init::new_game;
use ai_race::game::policy::{Policy, Strategy, next_command};
use ai_race::game::rng::Pcg32;
use ai_race::game::rules;
use ai_race::game::state::PLAYER;

/// Plays the classroom's world with `policy`; in month `skipped` (from 0) it makes no move
/// and only answers the questions that must be answered before a month can end. Whether the
/// player won.
fn wins(content: &Content, policy: Policy, skipped: Option<u16>) -> bool {
    let seed = content
        .scenario
        .seed
        .expect("the classroom is a locked world");
    let strategy: Strategy = policy.strategy();
    let mut state = new_game(content, seed);
    let mut rng = Pcg32::new(seed, 7);
    let mut this_month: Vec<Command> = Vec::new();
    let mut steps = 0u32;
    while !state.is_over() {
        steps += 1;
        assert!(
            steps < 20_000,
            "{} did not finish the classroom",
            policy.name()
        );
        let month = state.month;
        let mut cmd = next_command(&strategy, content, &state, &mut rng, &this_month);
        let moves = !matches!(cmd, Command::Choose(_) | Command::EndMonth);
        if skipped == Some(month) && moves {
            cmd = Command::EndMonth;
        }
        if rules::apply_quiet(content, &mut state, PLAYER, &cmd).is_ok() {
            this_month.push(cmd);
        } else {
            rules::apply_quiet(content, &mut state, PLAYER, &Command::EndMonth)
                .expect("a refused move ends the month");
        }
        if state.month != month {
            this_month.clear();
        }
    }
    state.ending.as_ref().is_some_and(|e| e.is_win())
}

#[test]
fn the_classroom_has_several_winning_approaches_and_hiring_and_months_matter() {
    let content = load_builtin("classroom", None).expect("the classroom ships");
    let archetypes = [
        Policy::Balanced,
        Policy::TalentFirst,
        Policy::ComputeFirst,
        Policy::AdoptFirst,
        Policy::PipelineFirst,
    ];
    let winners: Vec<&str> = archetypes
        .iter()
        .filter(|p| wins(&content, **p, None))
        .map(|p| p.name())
        .collect();
    assert!(
        winners.len() >= 3,
        "at least three approaches win the classroom, only these do: {winners:?}"
    );
    assert!(
        !wins(&content, Policy::BalancedNoHire, None),
        "without hiring, balanced loses the classroom"
    );
    let months = content.scenario.months;
    let still_won = (0..months)
        .filter(|m| wins(&content, Policy::Balanced, Some(*m)))
        .count();
    assert!(
        still_won * 2 >= usize::from(months),
        "balanced with one month skipped still wins in at least half of the {months} cases, won {still_won}"
    );
    assert!(
        still_won < usize::from(months),
        "a skipped month costs something: balanced won all {months} cases"
    );
}
