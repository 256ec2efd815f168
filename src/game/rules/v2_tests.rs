//! Rules version 2: the changes a player notices, each pinned by a test named after it.

use std::sync::Arc;

use crate::content;
use crate::game::command::{Command, RuleError};
use crate::game::research;
use crate::game::state::{ChoiceSource, PLAYER, PendingChoice};
use crate::game::{Game, PLAYER as P};

fn game() -> Game {
    let content = content::load_builtin("race-2025", Some("normal")).expect("built-in scenario");
    Game::new(Arc::new(content), 42)
}

/// Ends months until the game leaves month `m` behind, answering any choice with "let go".
fn end_months(g: &mut Game, months: u16) {
    let target = g.state.month + months;
    while g.state.month < target && !g.is_over() {
        if g.state.pending.is_some() {
            let last = g.state.pending.as_ref().map_or(0, |p| p.options.len() - 1) as u8;
            g.apply(&Command::Choose(last)).expect("an answer");
            continue;
        }
        g.apply(&Command::EndMonth).expect("end month");
    }
}

#[test]
fn a_six_month_lease_gives_six_months_of_gpus_and_six_bills() {
    let mut g = game();
    let months = g.content.balance.compute.lease_months;
    let before = g.state.player().compute;
    g.apply(&Command::LeaseCompute(50)).expect("lease");
    // Nothing is paid up front: each month's bill comes with the month's other bills, for every
    // month the GPUs are there when research and the books are done.
    assert_eq!(g.check(&Command::LeaseCompute(10)).map(|c| c.money), Ok(0));
    let mut months_with_gpus = 0;
    for _ in 0..months + 2 {
        if let Some(p) = &g.state.pending {
            let last = p.options.len() as u8 - 1;
            g.apply(&Command::Choose(last)).expect("answer");
        }
        g.apply(&Command::EndMonth).expect("end month");
        if g.state.player().leased == 50 {
            months_with_gpus += 1;
        }
    }
    assert_eq!(months_with_gpus, months);
    assert_eq!(g.state.player().leased, 0, "the lease has ended");
    assert_eq!(g.state.player().compute, before, "the GPUs went back");
}

#[test]
fn a_match_for_someone_who_already_left_is_closed_and_costs_nothing() {
    let mut g = game();
    let person = g
        .state
        .staff_of(PLAYER)
        .max_by_key(|(id, p)| (p.skill, std::cmp::Reverse(*id)))
        .map(|(id, _)| id)
        .expect("staff");
    g.state.pending = Some(PendingChoice {
        source: ChoiceSource::Poach {
            person,
            rival: 1,
            salary: 80,
        },
        title: "OpenAI is poaching".into(),
        text: String::new(),
        options: vec!["Match".into(), "Let them go".into()],
    });
    // The person leaves through another door (an event) before the CEO answers.
    let content = Arc::clone(&g.content);
    let mut ctx = crate::game::rules::Ctx::new(&content, &mut g.state);
    crate::game::effects::apply_effects(&mut ctx, PLAYER, &[crate::game::data::Effect::LoseStar]);
    assert_ne!(g.state.people[person as usize].employer, Some(PLAYER));
    assert!(g.state.pending.is_none(), "nothing is left to decide");
}

#[test]
fn open_source_tech_has_no_licence_and_no_price_rises() {
    let g = game();
    let jax = g
        .content
        .techs
        .iter()
        .find(|t| t.id == "jax-xla")
        .expect("jax");
    assert!(jax.open_source);
    assert_eq!(jax.licence_monthly, 0);
    let deepmind = g
        .content
        .labs
        .iter()
        .position(|l| l.id == jax.vendor)
        .expect("vendor") as u8;
    let err = crate::game::rules::check(
        &g.content,
        &g.state,
        deepmind,
        &Command::RaiseLicence("jax-xla".into()),
    )
    .expect_err("open source cannot be repriced");
    assert_eq!(err, RuleError::OpenSource(jax.name.clone()));
}

#[test]
fn new_tech_arrives_during_the_race_not_at_the_start() {
    let mut g = game();
    let err = g
        .check(&Command::Adopt("frontier-reasoning-api".into()))
        .expect_err("not out yet");
    assert!(matches!(err, RuleError::NotYetAvailable { .. }), "{err}");
    assert!(err.to_string().contains("Jul 2026"), "{err}");
    g.state.month = 9;
    assert!(
        g.check(&Command::Adopt("frontier-reasoning-api".into()))
            .is_ok()
    );
    // Some tiers open with progress, not with time.
    assert!(matches!(
        g.check(&Command::Adopt("automated-researcher".into())),
        Err(RuleError::NotEnoughProgress { need: 70, .. })
    ));
}

#[test]
fn history_before_the_start_is_not_on_offer() {
    let g = game();
    for gone in ["data-labelling-stake", "voice-startup"] {
        assert!(
            g.content.deals.iter().all(|d| d.id != gone),
            "{gone} happened before October 2025"
        );
    }
}

#[test]
fn looking_after_morale_gives_less_the_higher_it_is() {
    let mut g = game();
    g.state.labs[0].morale = 50;
    g.apply(&Command::Morale).expect("morale");
    let low_gain = g.state.player().morale - 50;
    let mut g = game();
    g.state.labs[0].morale = 90;
    g.apply(&Command::Morale).expect("morale");
    let high_gain = g.state.player().morale - 90;
    assert!(low_gain > high_gain, "{low_gain} vs {high_gain}");
    // And morale's research bonus stops growing at its cap.
    let r = &g.content.balance.research;
    assert_eq!(research::morale_pct(r, 100), r.morale_max_pct);
    assert_eq!(research::morale_pct(r, 75), research::morale_pct(r, 100));
}

#[test]
fn strong_review_costs_experiments() {
    let g = game();
    let r = &g.content.balance.research;
    let thin = research::experiments_per_month(r, 30, 10);
    let strong = research::experiments_per_month(r, 30, 90);
    assert!(strong < thin, "review is real work: {strong} vs {thin}");
}

#[test]
fn compute_multiplies_with_talent() {
    let g = game();
    let r = &g.content.balance.research;
    let base = research::base_speed(r, 1_000, 500);
    // Four times the GPUs doubles the base: concave, but real.
    let more = research::base_speed(r, 1_000, 2_000);
    assert!((more - 2 * base).abs() <= 2, "{base} -> {more}");
    // GPUs without people do little.
    assert!(research::base_speed(r, 10, 2_000) < base / 3);
}

#[test]
fn a_month_report_still_adds_up_after_the_change() {
    let mut g = game();
    end_months(&mut g, 3);
    let s = &g.state.lab(P).last_speed;
    let sum: i32 = s.parts().iter().map(|(_, v)| v).sum();
    assert_eq!(sum, s.total);
}

#[test]
fn a_delayed_consequence_lands_when_it_says_and_only_once() {
    use crate::game::data::Effect;
    let mut g = game();
    let content = Arc::clone(&g.content);
    let later = Effect::Later {
        months: 2,
        note: "The fine arrives".into(),
        effects: vec![Effect::Board(-5)],
    };
    let mut ctx = crate::game::rules::Ctx::new(&content, &mut g.state);
    crate::game::effects::apply_effects(&mut ctx, PLAYER, &[later]);
    assert_eq!(g.state.scheduled.len(), 1);
    end_months(&mut g, 2);
    assert_eq!(
        g.state.scheduled.len(),
        1,
        "not yet: it lands at the end of month 3"
    );
    end_months(&mut g, 1);
    assert!(g.state.scheduled.is_empty());
    let landed = g
        .state
        .news
        .iter()
        .filter(|n| n.text(&g.content, &g.state) == "The fine arrives")
        .count();
    assert_eq!(landed, 1);
}
