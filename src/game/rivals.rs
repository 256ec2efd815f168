//! How rival labs decide their moves. Each rival has the same four weeks and the same commands
//! as the player; its personality decides which moves it prefers. Rivals also answer the
//! player's own pattern (poaching, buying compute, depending on licences): see
//! `counterplay.rs`.
//!
//! And they play the race: when any lab (the player or a rival) leads the runner-up by more
//! than `rivals.leader.lead_points`, the others answer it: a vendor cuts off or reprices a
//! licence the leader depends on, a rival goes after the leader's best person, and a lab far
//! behind open-releases its model to commoditise the leader's edge. Each answer is told in the
//! news with its reason ("because you lead by 6.2 points"). Every choice is drawn from the
//! rivals' dice stream, in lab order, so a game replays exactly.

use super::command::Command;
use super::data::{Content, Personality};
use super::rules::{self, Ctx};
use super::state::{GameState, LabId, PLAYER, PersonId, ProjectKind, Story};

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
    super::counterplay::answer_player(ctx, lab);
    react_to_leader(ctx, lab);
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

/// The lab ahead of everyone else and its lead over the runner-up (thousandths of a point),
/// when it leads by at least `lead_points`. Ties go to the lower index, so no tie leads.
fn runaway_leader(ctx: &Ctx) -> Option<(LabId, i32)> {
    let labs = &ctx.state.labs;
    let mut order: Vec<(i32, LabId)> = (0..labs.len() as LabId)
        .map(|i| (ctx.state.lab(i).progress().0, i))
        .collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (first, second) = (order.first()?, order.get(1)?);
    let lead = first.0 - second.0;
    (lead >= ctx.content.balance.rivals.leader.lead_points * 1_000).then_some((first.1, lead))
}

/// One rival's answer to a runaway leader this month: at most one squeeze of a licence, one
/// poaching attempt and one open release, each by its own chance.
fn react_to_leader(ctx: &mut Ctx, lab: LabId) {
    let Some((leader, lead)) = runaway_leader(ctx) else {
        return;
    };
    if leader == lab {
        return;
    }
    squeeze_leader(ctx, lab, leader, lead);
    poach_from_leader(ctx, lab, leader, lead);
    commoditise_leader(ctx, lab, leader, lead);
}

/// A vendor cuts off (or, failing that, reprices) one licence of its tech the leader uses.
fn squeeze_leader(ctx: &mut Ctx, lab: LabId, leader: LabId, lead: i32) {
    let content = ctx.content;
    let r = &content.balance.rivals.leader;
    let my_id = &content.labs[usize::from(lab)].id;
    let month = ctx.state.month;
    let mut techs: Vec<u16> = ctx
        .state
        .lab(leader)
        .tech
        .iter()
        .filter(|a| !a.in_house)
        .filter(|a| {
            content
                .techs
                .get(usize::from(a.tech))
                // Open-source tech has no licence to cut or reprice.
                .is_some_and(|t| &t.vendor == my_id && !t.open_source)
        })
        .filter(|a| {
            ctx.state.techs[usize::from(a.tech)]
                .cut_until
                .is_none_or(|u| u <= month)
        })
        .map(|a| a.tech)
        .collect();
    techs.sort_unstable();
    let Some(&tech) = techs.first() else {
        return;
    };
    if ctx.state.dice.rivals.chance_permille(r.cut_permille) {
        let until = month + 1 + u16::from(r.cut_months);
        ctx.emit(super::event::Event::AccessCut { tech, until });
        ctx.lab_news(
            lab,
            Story::LeaderCutOff {
                leader,
                lead,
                tech,
                until,
            },
        );
    } else if ctx.state.dice.rivals.chance_permille(r.raise_permille) {
        let id = content.techs[usize::from(tech)].id.clone();
        // The move's own news says why (see `Ctx::reacting_to`).
        ctx.reacting_to = Some((leader, lead));
        let _ = rules::apply_in(ctx, lab, &Command::RaiseLicence(id));
        ctx.reacting_to = None;
    }
}

/// The most skilled star of `lab` a rival may approach, with their pay: someone who just
/// joined or just had their pay matched is left alone a while.
pub(super) fn star_to_poach(
    content: &Content,
    state: &GameState,
    lab: LabId,
) -> Option<(PersonId, u32)> {
    state
        .staff_of(lab)
        .filter(|(_, p)| p.star && state.month >= p.since + content.balance.rivals.poach_cooldown)
        .max_by_key(|(id, p)| (p.skill, std::cmp::Reverse(*id)))
        .map(|(id, p)| (id, p.salary))
}

/// A rival goes after the leader's best person with a rich offer.
fn poach_from_leader(ctx: &mut Ctx, lab: LabId, leader: LabId, lead: i32) {
    let content = ctx.content;
    let r = &content.balance.rivals.leader;
    let state = &*ctx.state;
    let Some((person, pay)) = star_to_poach(content, state, leader) else {
        return;
    };
    let generous = content.balance.generosity(state.lab(lab).personality);
    let salary =
        (pay * (generous + r.poach_premium_pct) / 100).min(rules::offer_range(content, pay).1);
    let spare = state.lab(lab).budget - reserve(content, state, lab);
    if Money::from(salary) * 3 > spare || !ctx.state.dice.rivals.chance_permille(r.poach_permille) {
        return;
    }
    let offer = Command::Offer { person, salary };
    if rules::apply_in(ctx, lab, &offer).is_ok() {
        let joined = ctx.state.people[person as usize].employer == Some(lab);
        ctx.lab_news(
            lab,
            Story::LeaderPoach {
                leader,
                lead,
                person,
                joined,
            },
        );
    }
}

/// A lab far behind the leader open-releases its model: every lab behind it learns from the
/// weights, which narrows what the leader alone has.
fn commoditise_leader(ctx: &mut Ctx, lab: LabId, leader: LabId, lead: i32) {
    let r = &ctx.content.balance.rivals.leader;
    let behind = ctx.state.lab(leader).progress().0 - ctx.state.lab(lab).progress().0;
    if behind < r.far_behind_points * 1_000
        || !ctx.state.dice.rivals.chance_permille(r.release_permille)
    {
        return;
    }
    ctx.reacting_to = Some((leader, lead));
    let _ = rules::apply_in(ctx, lab, &Command::OpenRelease);
    ctx.reacting_to = None;
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
            let target = star_to_poach(content, state, PLAYER)?;
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
            // At this quarter's price, and no more than the market has left.
            let price = super::compute::price_pct(content, state, lab, 0);
            let per_k = (compute.data_centre_cost.saturating_mul(price) / 100).max(1);
            let left = super::compute::supply_left(content, state);
            let k = (spare / 2 / per_k).clamp(0, 200).min(i64::from(left)) as u32;
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
