//! How rival labs decide their moves. Each rival has the same four weeks and the same commands
//! as the player; its personality decides which moves it prefers. Rivals also react to the
//! player: raising the price of their tech that the player depends on, and poaching the
//! player's stars.

use super::command::Command;
use super::data::Personality;
use super::rules::{self, Ctx};
use super::state::{GameState, LabId, PLAYER, ProjectKind};

/// Chance per week that a rival makes a move, per mille.
const RIVAL_ACTIVITY: i64 = 750;

/// Months a rival waits before approaching someone who joined or was kept by a matched offer.
const POACH_COOLDOWN: u16 = 6;

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

/// How much a personality likes each move.
fn preference(p: Personality) -> [(Move, u32); 10] {
    use Move::*;
    let w = match p {
        Personality::ProductSpeed => [30, 8, 12, 10, 18, 8, 25, 0, 6, 6],
        Personality::ComputeDepth => [25, 4, 30, 2, 18, 4, 10, 4, 8, 6],
        Personality::SafetyFirst => [28, 3, 12, 6, 15, 4, 8, 0, 25, 8],
        Personality::BruteForce => [28, 15, 25, 15, 10, 6, 6, 6, 0, 3],
        Personality::EfficientOpen => [20, 2, 8, 4, 25, 10, 4, 25, 4, 6],
    };
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
    let prefs = preference(ctx.state.lab(lab).personality);
    for _ in 0..4 {
        if ctx.state.lab(lab).weeks == 0 {
            break;
        }
        // A lab leader spends about half their weeks on the race, the rest on running the lab.
        if !ctx.state.dice.rivals.chance_permille(RIVAL_ACTIVITY) {
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
        if ctx.state.dice.rivals.chance_permille(250) {
            let _ = rules::apply_in(ctx, lab, &Command::RaiseLicence(id.to_string()));
        }
    }
}

fn reserve(state: &GameState, lab: LabId) -> i64 {
    let l = state.lab(lab);
    l.income * 2
}

fn plan(ctx: &mut Ctx, lab: LabId, m: Move) -> Option<Command> {
    let content = ctx.content;
    let state = &*ctx.state;
    let l = state.lab(lab);
    let spare = l.budget - reserve(state, lab);
    let generous = match l.personality {
        Personality::BruteForce => 140,
        Personality::ProductSpeed => 125,
        Personality::EfficientOpen => 95,
        _ => 115,
    };
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
            let salary =
                (ask * generous / 100).clamp(rules::offer_range(ask).0, rules::offer_range(ask).1);
            Some(Command::Offer {
                person: best,
                salary,
            })
        }
        Move::Poach => {
            let target = state
                .staff_of(PLAYER)
                // Someone who just joined or just had their pay matched is left alone a while.
                .filter(|(_, p)| p.star && state.month >= p.since + POACH_COOLDOWN)
                .max_by_key(|(id, p)| (p.skill, std::cmp::Reverse(*id)))
                .map(|(id, p)| (id, p.salary))?;
            let salary = (target.1 * (generous + 25) / 100).min(rules::offer_range(target.1).1);
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
            let k = (spare / 2 / rules::DATA_CENTRE_COST).clamp(0, 200) as u32;
            (k >= 10).then_some(Command::BuildDataCentre(k))
        }
        Move::Lease => {
            let k = (spare / 10 / rules::LEASE_MONTHLY).clamp(0, 50) as u32;
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
