//! Levers that escalate instead of running out: after month 24 of race-2025, each lever
//! screen (talent, tech, pipeline, compute, deals) still offers a move the rules allow now
//! that the player has not made before, for a player who has used every lever all game. A
//! move refused only because that lever's one team is busy with a project still counts: the
//! screen lists it, and it opens when the project ends. So does one refused only for this
//! month's money: since rules 5 cash does not pile up between quarters, and a deal is bought
//! by saving within a quarter.

use ai_race::content;
use ai_race::game::policy::{Policy, next_command};
use ai_race::game::rng::Pcg32;
use ai_race::game::state::Lever;
use ai_race::game::{Command, Content, GameState, PLAYER, RuleError, rules};

/// Plays `balanced` until the start of month `until`; returns the state and its decisions.
fn play_until(content: &Content, seed: u64, until: u16) -> (GameState, Vec<Command>) {
    let strategy = Policy::Balanced.strategy();
    let mut state = ai_race::game::init::new_game(content, seed);
    let mut rng = Pcg32::new(seed, 0x1E7E);
    let mut done: Vec<(u16, Command)> = Vec::new();
    // Play to the month, then answer any event waiting, as a player opens the screens after.
    while !state.is_over()
        && (state.month < until || state.pending.is_some())
        && done.len() < 10_000
    {
        let month = state.month;
        let this_month: Vec<Command> = done
            .iter()
            .filter(|(m, c)| *m == month && *c != Command::EndMonth)
            .map(|(_, c)| c.clone())
            .collect();
        let cmd = next_command(&strategy, content, &state, &mut rng, &this_month);
        rules::apply_quiet(content, &mut state, PLAYER, &cmd).expect("the policy moves legally");
        done.push((month, cmd));
    }
    (state, done.into_iter().map(|(_, c)| c).collect())
}

/// Every move a lever screen lists, for the state as it stands.
fn candidates(content: &Content, state: &GameState) -> Vec<Command> {
    let mut all = Vec::new();
    for &person in &state.market {
        let salary = state.people[person as usize].salary;
        all.push(Command::Offer { person, salary });
    }
    for t in &content.techs {
        all.push(Command::Adopt(t.id.clone()));
        all.push(Command::Build(t.id.clone()));
        all.push(Command::AdoptThenBuild(t.id.clone()));
    }
    for l in &content.legacy {
        all.push(Command::Retire(l.id.clone()));
    }
    for s in &content.stages {
        all.push(Command::Upgrade(s.id.clone()));
    }
    for d in &content.deals {
        all.push(Command::Deal(d.id.clone()));
    }
    let max_dc = content.balance.compute.max_data_centre;
    let max_lease = content.balance.compute.max_lease;
    for k in 1..=16 {
        all.push(Command::BuildDataCentre(max_dc * k / 16));
        all.push(Command::LeaseCompute(max_lease * k / 16));
    }
    all
}

/// Allowed now, or refused only because the lever's team is busy with a project or the money
/// is not there yet.
fn open(content: &Content, state: &GameState, command: &Command) -> bool {
    match rules::check(content, state, PLAYER, command) {
        Ok(_) => true,
        Err(RuleError::PipelineBusy(_))
        | Err(RuleError::IntegrationBusy(_))
        | Err(RuleError::BuildBusy(_))
        | Err(RuleError::NotEnoughBudget { .. }) => true,
        Err(_) => false,
    }
}

#[test]
fn after_month_24_every_lever_still_offers_something_new() {
    let content = content::load_builtin("race-2025", Some("normal")).expect("race-2025");
    let mut checked = 0;
    for seed in 1..=12u64 {
        let (state, done) = play_until(&content, seed, 25);
        if state.is_over() || state.month < 25 {
            continue;
        }
        checked += 1;
        let new_moves: Vec<Command> = candidates(&content, &state)
            .into_iter()
            .filter(|c| !done.contains(c) && open(&content, &state, c))
            .collect();
        // The scenario's deals are few and each is taken once: a player who spends to the
        // edge (rules 5) may have taken them all by now, and then the deal screen is done.
        let deals_left = content
            .deals
            .iter()
            .enumerate()
            .any(|(i, _)| !state.deals_taken.contains(&(i as u16)));
        let mut levers = vec![
            Lever::Hiring,
            Lever::AdoptTech,
            Lever::Pipeline,
            Lever::Compute,
        ];
        if deals_left {
            levers.push(Lever::Deal);
        }
        for lever in levers {
            assert!(
                new_moves.iter().any(|c| c.lever() == Some(lever)),
                "seed {seed}, month {}: nothing new on the {lever:?} screen; new moves: {new_moves:?}",
                state.month
            );
        }
    }
    assert!(checked >= 6, "only {checked} of 12 games reached month 25");
}
