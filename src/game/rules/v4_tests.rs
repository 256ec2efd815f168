//! Rules version 4, compute, risk and counter-play: the changes a player notices, each pinned
//! by a test named after it.

use std::sync::Arc;

use crate::content;
use crate::game::command::{Command, RuleError};
use crate::game::compute;
use crate::game::counterplay;
use crate::game::event::Event;
use crate::game::state::{Adoption, PLAYER, ProjectKind, Story};
use crate::game::{Game, rules};

fn game() -> Game {
    let content = content::load_builtin("race-2025", Some("normal")).expect("built-in scenario");
    Game::new(Arc::new(content), 42)
}

/// A rich player, so money never refuses what the test is about.
fn rich(g: &mut Game) {
    g.state.labs[usize::from(PLAYER)].budget = 1_000_000;
}

#[test]
fn a_big_data_centre_takes_longer_to_build_than_a_small_one() {
    let mut g = game();
    rich(&mut g);
    let c = g.content.balance.compute.clone();
    assert!(compute::build_months(&c, 400) >= compute::build_months(&c, 100) + 6);
    g.apply(&Command::BuildDataCentre(400)).expect("build");
    let months = g
        .state
        .player()
        .projects
        .iter()
        .find(|p| matches!(p.kind, ProjectKind::DataCentre(400)))
        .map(|p| p.months_total)
        .expect("a data centre under way");
    assert_eq!(months, compute::build_months(&c, 400));
    assert!(months > 6, "400k GPUs do not come online in six months");
}

#[test]
fn big_orders_raise_the_gpu_price_for_everyone_and_most_for_the_buyer() {
    let mut g = game();
    rich(&mut g);
    let rival = 1;
    let before_mine = compute::price_pct(&g.content, &g.state, PLAYER, 0);
    let before_theirs = compute::price_pct(&g.content, &g.state, rival, 0);
    let list = rules::cost(&g.content, &g.state, PLAYER, &Command::BuildDataCentre(100)).money;
    g.apply(&Command::BuildDataCentre(300)).expect("build");
    let mine = compute::price_pct(&g.content, &g.state, PLAYER, 0);
    let theirs = compute::price_pct(&g.content, &g.state, rival, 0);
    assert!(
        theirs > before_theirs,
        "the rival pays more after the order"
    );
    assert!(mine > theirs, "the big buyer pays most");
    assert!(mine > before_mine);
    let dearer = rules::cost(&g.content, &g.state, PLAYER, &Command::BuildDataCentre(100)).money;
    assert!(dearer > list, "{dearer} against {list}");
}

#[test]
fn the_quarter_supply_is_shared_and_refuses_an_order_beyond_it() {
    let mut g = game();
    rich(&mut g);
    let supply = g.content.balance.compute.supply.quarter_supply;
    // Another lab buys most of the quarter's GPUs.
    g.state.labs[1].gpu_quarter = supply - 50;
    assert_eq!(
        g.check(&Command::BuildDataCentre(100)),
        Err(RuleError::GpuSupplyShort { left: 50, supply })
    );
    assert_eq!(
        g.check(&Command::LeaseCompute(60)),
        Err(RuleError::GpuSupplyShort { left: 50, supply })
    );
    assert!(g.check(&Command::BuildDataCentre(50)).is_ok());
}

#[test]
fn the_gpu_supply_is_renewed_when_the_quarter_ends() {
    let mut g = game();
    rich(&mut g);
    g.apply(&Command::LeaseCompute(100)).expect("lease");
    assert_eq!(g.state.player().gpu_quarter, 100);
    // The race starts in October: the quarter ends with December, three month-ends later.
    let mut renewed_at = None;
    for _ in 0..3 {
        if let Some(p) = &g.state.pending {
            let last = p.options.len() as u8 - 1;
            g.apply(&Command::Choose(last)).expect("answer");
        }
        let events = g.apply(&Command::EndMonth).expect("end month");
        if events.iter().any(|e| matches!(e, Event::QuarterClosed)) {
            renewed_at = Some(g.state.month);
        }
    }
    assert_eq!(renewed_at, Some(3));
    assert_eq!(g.state.player().gpu_quarter, 0);
}

#[test]
fn a_raided_lab_counters_more_often_and_forgets_a_raid_each_quarter() {
    let mut g = game();
    let rival = 1;
    let calm = rules::retention_permille(&g.content, &g.state, rival);
    g.state.labs[usize::from(rival)].raids = 2;
    let raided = rules::retention_permille(&g.content, &g.state, rival);
    let per_raid = g.content.balance.rivals.counter.retention_permille_per_raid;
    assert_eq!(raided, (calm + 2 * per_raid).min(1_000));
    let mut state = g.state.clone();
    crate::game::event::apply_event(&mut state, &Event::QuarterClosed);
    assert_eq!(state.lab(rival).raids, 1);
}

#[test]
fn hiring_someone_from_a_rival_is_remembered_as_a_raid() {
    let mut g = game();
    rich(&mut g);
    let (rival, person) = g
        .state
        .people
        .iter()
        .enumerate()
        .find_map(|(i, p)| p.employer.filter(|&e| e != PLAYER).map(|e| (e, i as u32)))
        .expect("someone works at a rival");
    let salary = g.state.people[person as usize].salary;
    let content = Arc::clone(&g.content);
    let mut ctx = rules::Ctx::new(&content, &mut g.state);
    super::hiring::hire(&mut ctx, PLAYER, person, salary, Some(rival), 100);
    assert_eq!(g.state.lab(rival).raids, 1);
}

#[test]
fn depending_on_more_licences_draws_more_price_rises_and_cut_offs() {
    let g = game();
    let one = counterplay::raise_permille(&g.content, 1);
    let four = counterplay::raise_permille(&g.content, 4);
    assert!(four > one);
    assert_eq!(counterplay::cut_permille(&g.content, 1), 0);
    assert!(counterplay::cut_permille(&g.content, 4) > counterplay::cut_permille(&g.content, 3));
}

#[test]
fn a_dependent_player_sees_vendors_cut_licences_off() {
    // Over many worlds, a player holding every paid licence sees cut-offs that say why.
    let mut cut = 0;
    for seed in 0..40 {
        let content =
            content::load_builtin("race-2025", Some("normal")).expect("built-in scenario");
        let mut g = Game::new(Arc::new(content), seed);
        let paid: Vec<u16> = g
            .content
            .techs
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.open_source)
            .map(|(i, _)| i as u16)
            .collect();
        for tech in paid {
            if g.state.player().tech_status(tech).is_none() {
                g.state.labs[0].tech.push(Adoption {
                    tech,
                    integrating: 0,
                    in_house: false,
                });
            }
        }
        let events = g.apply(&Command::EndMonth).expect("end month");
        cut += events
            .iter()
            .filter(|e| {
                matches!(e, Event::News { news } if matches!(news.story, Story::DependencyCutOff { .. }))
            })
            .count();
    }
    assert!(cut > 0, "no vendor cut off a dependent player in 40 worlds");
}

#[test]
fn a_big_gpu_order_meets_rivals_rushing_theirs() {
    let mut rushes = 0;
    for seed in 0..40 {
        let content =
            content::load_builtin("race-2025", Some("normal")).expect("built-in scenario");
        let mut g = Game::new(Arc::new(content), seed);
        rich(&mut g);
        g.apply(&Command::BuildDataCentre(300)).expect("build");
        let events = g.apply(&Command::EndMonth).expect("end month");
        rushes += events
            .iter()
            .filter(|e| {
                matches!(e, Event::News { news } if matches!(news.story, Story::GpuRush { player_kgpu: 300, .. }))
            })
            .count();
    }
    assert!(rushes > 0, "no rival rushed an order in 40 worlds");
}
