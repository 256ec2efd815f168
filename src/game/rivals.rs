//! How rival labs decide their moves. Each rival has the same four weeks and the same commands
//! as the player; its personality decides which moves it prefers. Rivals also react to the
//! player: raising the price of their tech that the player depends on, and poaching the
//! player's stars.

use super::command::Command;
use super::data::{Content, Personality};
use super::rules::{self, Ctx};
use super::state::{GameState, LabId, PLAYER, ProjectKind};

/// Kinds of move a rival weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Hire,
    Poach,
    Compute,
    Lease,
    Pipeline,
    Adopt,
    Ship,
    Release,
    Safety,
    Morale,
}

/// How much a personality likes each move (weights from the balance).
fn preference(content: &Content, p: Personality) -> [(Move, u32); 10] {
    use Move::*;
    let w = content.balance.preferences(p);
    let moves = [
        Hire, Poach, Compute, Lease, Pipeline, Adopt, Ship, Release, Safety, Morale,
    ];
    let mut out = [(Hire, 0); 10];
    for i in 0..10 {
        out[i] = (moves[i], w[i]);
    }
    out
}

/// The rival's moves for this month: reactions first, then moves by preference.
pub fn act(ctx: &mut Ctx, lab: LabId) {
    if ctx.state.ending.is_some() {
        return;
    }
    react_to_dependency(ctx, lab);
    let prefs = preference(ctx.content, ctx.state.lab(lab).personality);
    let r = &ctx.content.balance.rivals;
    // A rival that sees the player level with or ahead of it works harder at the race.
    let player = ctx.state.player().progress().0;
    let pressed = player + r.close_points * 1_000 >= ctx.state.lab(lab).progress().0;
    let activity = r.activity + if pressed { r.pressure_activity } else { 0 };
    for _ in 0..4 {
        if ctx.state.lab(lab).weeks == 0 {
            break;
        }
        // A lab leader spends part of their weeks on the race, the rest on running the lab.
        if !ctx.state.dice.rivals.chance_permille(activity) {
            continue;
        }
        let weights: Vec<u32> = prefs.iter().map(|(_, w)| *w).collect();
        let Some(i) = ctx.state.dice.rivals.weighted(&weights) else {
            break;
        };
        if let Some(cmd) = plan(ctx, lab, prefs[i].0) {
            // A move the rules refuse is simply not made; the week is not lost.
            let _ = rules::apply_in(ctx, lab, &cmd);
        }
    }
}

/// A vendor whose tech the player licenses may raise its price.
fn react_to_dependency(ctx: &mut Ctx, lab: LabId) {
    let content = ctx.content;
    let my_id = &content.labs[usize::from(lab)].id;
    let used: Vec<&str> = ctx
        .state
        .player()
        .tech
        .iter()
        .filter(|a| !a.in_house)
        .filter_map(|a| content.techs.get(usize::from(a.tech)))
        .filter(|t| &t.vendor == my_id)
        .map(|t| t.id.as_str())
        .collect();
    for id in used {
        if ctx
            .state
            .dice
            .rivals
            .chance_permille(content.balance.rivals.raise_permille)
        {
            let _ = rules::apply_in(ctx, lab, &Command::RaiseLicence(id.to_string()));
        }
    }
}

fn reserve(content: &Content, state: &GameState, lab: LabId) -> i64 {
    let l = state.lab(lab);
    l.income * content.balance.rivals.reserve_months
}

fn plan(ctx: &mut Ctx, lab: LabId, m: Move) -> Option<Command> {
    let content = ctx.content;
    let state = &*ctx.state;
    let l = state.lab(lab);
    let spare = l.budget - reserve(content, state, lab);
    let generous = content.balance.generosity(l.personality);
    let compute = &content.balance.compute;
    match m {
        Move::Hire => {
            let best = state
                .market
                .iter()
                .copied()
                .filter(|&id| state.people[id as usize].employer != Some(lab))
                // Someone who turned an offer down this month stays put this month.
                .filter(|&id| state.people[id as usize].refused_month != Some(state.month))
                .filter(|&id| Money::from(state.people[id as usize].salary) * 2 < spare)
                .max_by_key(|&id| (state.people[id as usize].skill, std::cmp::Reverse(id)))?;
            let ask = state.people[best as usize].salary;
            let (lo, hi) = rules::offer_range(content, ask);
            let salary = (ask * generous / 100).clamp(lo, hi);
            Some(Command::Offer {
                person: best,
                salary,
            })
        }
        Move::Poach => {
            let target = state
                .staff_of(PLAYER)
                // Someone who just joined or just had their pay matched is left alone a while.
                .filter(|(_, p)| {
                    p.star && state.month >= p.since + content.balance.rivals.poach_cooldown
                })
                .max_by_key(|(id, p)| (p.skill, std::cmp::Reverse(*id)))
                .map(|(id, p)| (id, p.salary))?;
            let salary =
                (target.1 * (generous + 25) / 100).min(rules::offer_range(content, target.1).1);
            if Money::from(salary) * 3 > spare {
                return None;
            }
            Some(Command::Offer {
                person: target.0,
                salary,
            })
        }
        Move::Compute => {
            let building = l
                .projects
                .iter()
                .any(|p| matches!(p.kind, ProjectKind::DataCentre(_)));
            if building {
                return None;
            }
            let k = (spare / 2 / compute.data_centre_cost.max(1)).clamp(0, 200) as u32;
            (k >= 10).then_some(Command::BuildDataCentre(k))
        }
        Move::Lease => {
            let k = (spare / 10 / compute.lease_monthly.max(1)).clamp(0, 50) as u32;
            (k >= 5).then_some(Command::LeaseCompute(k))
        }
        Move::Pipeline => {
            if l.projects
                .iter()
                .any(|p| matches!(p.kind, ProjectKind::Stage(_)))
            {
                return None;
            }
            content
                .stages
                .iter()
                .enumerate()
                .filter(|(i, s)| !l.has_stage(*i as u16) && s.cost < spare)
                .map(|(_, s)| Command::Upgrade(s.id.clone()))
                .find(|c| rules::check(content, state, lab, c).is_ok())
        }
        Move::Adopt => {
            if l.tech.iter().any(|a| a.integrating > 0) {
                return None;
            }
            let mut options: Vec<(u32, &str)> = content
                .techs
                .iter()
                .enumerate()
                .filter(|(i, t)| t.adopt_cost * 3 < spare && l.tech_status(*i as u16).is_none())
                .map(|(_, t)| t)
                .map(|t| (t.speed_pct, t.id.as_str()))
                .collect();
            options.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
            options
                .into_iter()
                .map(|(_, id)| {
                    if l.personality == Personality::EfficientOpen {
                        Command::Build(id.to_string())
                    } else {
                        Command::Adopt(id.to_string())
                    }
                })
                .find(|c| rules::check(content, state, lab, c).is_ok())
        }
        Move::Ship => Some(Command::ShipAi),
        Move::Release => Some(Command::OpenRelease),
        Move::Safety => (l.risk > 25 || l.review < 60).then_some(Command::SafetyReview),
        Move::Morale => (l.morale < 55).then_some(Command::Morale),
    }
}

use super::units::Money;
