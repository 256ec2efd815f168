//! The stronger adversary: rule lists of parameter sets, and the expert that looks ahead. The
//! expert must be fair (it never reads the game's own dice), finish every game, and be
//! reproducible from the run's seed; a rule list must play exactly the parameters it names.

use std::sync::Arc;

use ai_race::content;
use ai_race::game::policy::expert::Memory;
use ai_race::game::policy::{
    Cond, Expert, Plan, Policy, Rule, Strategy, next_command, play_strategy,
};
use ai_race::game::rng::Pcg32;
use ai_race::game::state::Dice;
use ai_race::game::{Command, Content, GameState, PLAYER, init, intel, rules};
use ai_race::sim;
use ai_race::tune;

fn builtin(scenario: &str, difficulty: &str) -> Arc<Content> {
    Arc::new(content::load_builtin(scenario, Some(difficulty)).expect("built-in scenario"))
}

/// A quick expert for tests: every default candidate, few futures.
fn quick_expert() -> Expert {
    Expert {
        samples: 2,
        ..Expert::default()
    }
}

/// A game after `months` months of `balanced`.
fn after_months(content: &Content, seed: u64, months: u16) -> GameState {
    let strategy = Policy::Balanced.strategy();
    let mut state = init::new_game(content, seed);
    let mut rng = Pcg32::new(seed, 1);
    let mut this_month = Vec::new();
    while state.month < months && !state.is_over() {
        let cmd = next_command(&strategy, content, &state, &mut rng, &this_month);
        let month = state.month;
        if rules::apply_quiet(content, &mut state, PLAYER, &cmd).is_ok() {
            this_month.push(cmd);
        } else {
            rules::apply_quiet(content, &mut state, PLAYER, &Command::EndMonth).expect("ends");
        }
        if state.month != month {
            this_month.clear();
        }
    }
    state
}

#[test]
fn the_expert_never_reads_the_games_dice() {
    let content = builtin("race-2025", "normal");
    let expert = Expert {
        samples: 3,
        ..Expert::default()
    };
    for (seed, months) in [(3, 2), (8, 6), (21, 12)] {
        let known = after_months(&content, seed, months);
        // The same game as far as the player can tell; only the dice still to come differ.
        let mut other = known.clone();
        other.dice = Dice::new(seed ^ 0xD1CE);
        // Those dice matter: the two games part ways at the month's end.
        let (mut a, mut b) = (known.clone(), other.clone());
        for s in [&mut a, &mut b] {
            while s.pending.is_some() {
                let answer = Command::Choose(1);
                if rules::apply_quiet(&content, s, PLAYER, &answer).is_err() {
                    rules::apply_quiet(&content, s, PLAYER, &Command::Choose(0)).expect("answers");
                }
            }
            rules::apply_quiet(&content, s, PLAYER, &Command::EndMonth).expect("month ends");
        }
        assert_ne!(a, b, "seed {seed}: the future dice changed nothing");
        // The expert decides the same in both.
        let decide = |state: &GameState| {
            let mut rng = Pcg32::new(77, 5);
            let mut memory = Memory::default();
            let first = expert.next_command(&content, state, &mut rng, &[], &mut memory);
            let plan = expert.best_plan(&content, state, &mut Pcg32::new(78, 5), 0);
            (first, plan)
        };
        assert_eq!(
            decide(&known),
            decide(&other),
            "seed {seed}, month {months}"
        );
    }
}

/// A copy of `state` whose rivals are truly `shift` thousandths of a point further on, while
/// the player's estimates (truth plus hidden error) stay the same, with other future dice.
fn other_truth(state: &GameState, shift: i32, dice_seed: u64) -> GameState {
    let mut other = state.clone();
    other.dice = Dice::new(dice_seed);
    for lab in 1..other.labs.len() {
        for t in &mut other.labs[lab].tracks {
            t.0 += shift;
        }
        other.intel[lab].error -= shift;
    }
    other
}

#[test]
fn the_expert_decides_from_the_estimates_not_the_hidden_truth() {
    let content = builtin("race-2025", "normal");
    let expert = Expert {
        samples: 3,
        ..Expert::default()
    };
    for (seed, months) in [(4, 3), (9, 8), (22, 14)] {
        let known = after_months(&content, seed, months);
        if known.is_over() {
            continue;
        }
        let other = other_truth(&known, 3_000, seed ^ 0xBEEF);
        // What the player sees is the same in both games...
        for lab in 1..known.labs.len() as u8 {
            assert_eq!(
                intel::estimate(&content, &known, lab),
                intel::estimate(&content, &other, lab),
                "seed {seed}, lab {lab}"
            );
            assert_ne!(known.lab(lab).progress(), other.lab(lab).progress());
        }
        // ...and so is what the expert does.
        let decide = |state: &GameState| {
            let mut memory = Memory::default();
            let first =
                expert.next_command(&content, state, &mut Pcg32::new(77, 5), &[], &mut memory);
            let plan = expert.best_plan(&content, state, &mut Pcg32::new(78, 5), 0);
            (first, plan)
        };
        assert_eq!(
            decide(&known),
            decide(&other),
            "seed {seed}, month {months}"
        );
        // The scripted rule lists read the estimates too: a lead condition holds alike.
        for lead in [-10, -5, 0, 5] {
            let c = Cond::LeadAtLeast(lead);
            assert_eq!(c.holds(&known), c.holds(&other), "seed {seed}, lead {lead}");
        }
    }
}

#[test]
fn the_expert_plays_whole_games_that_replay_and_repeat() {
    let content = builtin("race-2025", "hard");
    let strategy = Strategy::Expert(Box::new(quick_expert()));
    for seed in [1, 2] {
        let played = play_strategy(&content, seed, seed + 100, &strategy);
        assert!(!played.stalled, "seed {seed} stalled");
        assert!(played.state.is_over());
        let mut state = init::new_game(&content, seed);
        for (_, c) in &played.decisions {
            rules::apply_quiet(&content, &mut state, PLAYER, c).expect("every decision replays");
        }
        assert_eq!(state, played.state);
        let again = play_strategy(&content, seed, seed + 100, &strategy);
        assert_eq!(again.decisions, played.decisions, "seed {seed}");
    }
    let s = sim::run_strategy(&content, &strategy, 4, 9, None);
    assert_eq!(s.stalled, 0);
    assert_eq!(s.endings.iter().map(|(_, n)| n).sum::<u32>(), 4);
}

#[test]
fn a_rule_list_plays_the_parameters_of_the_rule_that_holds() {
    let content = builtin("race-2025", "normal");
    let talent = Policy::TalentFirst.params().expect("params");
    let balanced = Policy::Balanced.params().expect("params");
    let always = Plan {
        rules: vec![Rule {
            when: vec![Cond::MonthAtLeast(0)],
            then: talent.clone(),
        }],
        otherwise: balanced.clone(),
    };
    let never = Plan {
        rules: vec![Rule {
            when: vec![Cond::RiskAtLeast(1000)],
            then: talent,
        }],
        otherwise: balanced,
    };
    let run = |s: &Strategy| sim::run_strategy(&content, s, 12, 4, None);
    assert_eq!(
        run(&Strategy::Plan(always)),
        run(&Policy::TalentFirst.strategy())
    );
    assert_eq!(
        run(&Strategy::Plan(never.clone())),
        run(&Policy::Balanced.strategy())
    );
    // A switch part-way plays neither throughout.
    let switch = Plan {
        rules: vec![Rule {
            when: vec![Cond::MonthBelow(10)],
            then: Policy::ComputeFirst.params().expect("params"),
        }],
        ..never
    };
    let switched = run(&Strategy::Plan(switch));
    assert_ne!(switched, run(&Policy::Balanced.strategy()));
    assert_ne!(switched, run(&Policy::ComputeFirst.strategy()));
}

#[test]
fn strategy_files_of_both_forms_read_back() {
    let params = Policy::AdoptFirst.params().expect("params");
    let old = tune::to_ron(&params);
    assert_eq!(
        tune::parse_strategy("old", &old).expect("old form"),
        Strategy::Priority(params.clone())
    );
    let plan = Plan {
        rules: vec![Rule {
            when: vec![Cond::LeadBelow(-3), Cond::BudgetMonthsAtLeast(2)],
            then: Policy::TalentFirst.params().expect("params"),
        }],
        otherwise: params,
    };
    let text = tune::plan_to_ron(&plan);
    assert_eq!(
        tune::parse_strategy("plan", &text).expect("rule list"),
        Strategy::Plan(plan)
    );
    assert!(tune::parse_strategy("bad", "(rules: [(when: [Nope(1)])])").is_err());
    assert!(tune::parse_strategy("bad", "(offer_pct: \"x\")").is_err());
}

#[test]
fn the_search_reaches_the_rules_own_limits() {
    let content = builtin("race-2025", "normal");
    let r = tune::Ranges::of(&content);
    let b = &content.balance;
    assert_eq!(r.data_centre.1, i64::from(b.compute.max_data_centre));
    assert_eq!(r.lease.1, i64::from(b.compute.max_lease));
    assert_eq!(r.offer.1, i64::from(b.actions.offer_max_pct));
    // A data centre as large as the rules allow is ordered when the plan asks for it.
    let mut state = init::new_game(&content, 5);
    state.labs[0].budget = 1_000_000_000;
    let params = ai_race::game::policy::Params {
        order: vec![ai_race::game::policy::Action::DataCentre],
        data_centre_max_k: b.compute.max_data_centre,
        compute_split: 1,
        reserve_months: 0,
        ..Default::default()
    };
    let cmd = ai_race::game::policy::params::next_move(&params, &content, &state, &[]);
    assert_eq!(
        cmd,
        Some(Command::BuildDataCentre(b.compute.max_data_centre))
    );
}

#[test]
fn the_measures_of_a_run_are_shares() {
    let content = builtin("race-2025", "normal");
    assert_eq!(sim::late_month(39), 20);
    assert_eq!(sim::late_month(13), 7);
    let s = sim::run(&content, Policy::Balanced, 40, 2);
    assert!(s.events >= s.poach_events && s.events > 0);
    assert!(s.month_ends >= s.lean_month_ends && s.month_ends > 0);
    assert!(s.late_lead_changes <= s.wins && s.late_lead_losses <= s.late_lead_changes);
    for share in [
        s.late_lead_change_rate(),
        s.poach_event_share(),
        s.lean_month_end_share(),
        Some(s.catastrophe_share()),
    ]
    .into_iter()
    .flatten()
    {
        assert!((0.0..=1.0).contains(&share), "{s:?}");
    }
}
