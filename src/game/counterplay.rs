//! Rivals that answer the player's pattern, not only the leader. A line that works in one
//! world meets its answer in the next:
//!
//! - **Poaching** meets retention and poaching back: every person the player takes from a lab
//!   is a raid it remembers (one fades each quarter). A raided lab counters the player's offers
//!   for its people more often (a retention package), and goes after the player's best person
//!   in return.
//! - **Buying compute** meets higher GPU prices: when the player orders a lot of GPUs in a
//!   quarter, a rival may rush its own order out of the same supply, so the next order (the
//!   player's included) costs more, on top of the market's own premium (see `compute.rs`).
//! - **Depending on licences** meets price rises and cut-offs: the more paid licences the player
//!   holds, the likelier each vendor raises its price, and past a few a vendor may cut one off
//!   for a while.
//!
//! Every answer is drawn from the rivals' dice stream in lab order, so a game replays exactly,
//! and each is told in the news with its reason.

use super::command::Command;
use super::compute;
use super::data::Content;
use super::event::Event;
use super::rules::{self, Ctx};
use super::state::{GameState, LabId, PLAYER, Story};
use super::units::Money;

/// A rival's answers to the player's pattern this month.
pub fn answer_player(ctx: &mut Ctx, lab: LabId) {
    squeeze_dependent(ctx, lab);
    poach_back(ctx, lab);
    rush_gpus(ctx, lab);
}

/// Paid licences the player holds: outside tech, not open source, not yet built in-house.
pub fn paid_licences(content: &Content, state: &GameState) -> Vec<u16> {
    state
        .player()
        .tech
        .iter()
        .filter(|a| !a.in_house)
        .filter(|a| {
            content
                .techs
                .get(usize::from(a.tech))
                .is_some_and(|t| !t.open_source)
        })
        .map(|a| a.tech)
        .collect()
}

/// The chance per month (per mille) that a vendor raises the price of one licence the player
/// holds, given how many paid licences the player holds.
pub fn raise_permille(content: &Content, licences: usize) -> i64 {
    let r = &content.balance.rivals;
    let extra = (licences as i64 - 1).max(0);
    r.raise_permille
        .saturating_add(extra.saturating_mul(r.counter.dependency_raise_permille))
        .clamp(0, 1_000)
}

/// The chance per month (per mille) that a vendor cuts off one licence of a player holding
/// `licences` paid licences.
pub fn cut_permille(content: &Content, licences: usize) -> i64 {
    let c = &content.balance.rivals.counter;
    let over = licences as i64 - i64::from(c.dependency_cut_from) + 1;
    if c.dependency_cut_from == 0 || over <= 0 {
        return 0;
    }
    over.saturating_mul(c.dependency_cut_permille)
        .clamp(0, 1_000)
}

/// A vendor whose tech the player licenses may raise its price, likelier the more the player
/// depends on licences, and past `dependency_cut_from` licences may cut one off.
fn squeeze_dependent(ctx: &mut Ctx, lab: LabId) {
    let content = ctx.content;
    let my_id = &content.labs[usize::from(lab)].id;
    let licences = paid_licences(content, ctx.state);
    let mine: Vec<u16> = licences
        .iter()
        .copied()
        .filter(|&t| &content.techs[usize::from(t)].vendor == my_id)
        .collect();
    let month = ctx.state.month;
    let raise = raise_permille(content, licences.len());
    let cut = cut_permille(content, licences.len());
    for tech in mine {
        let open = ctx.state.techs[usize::from(tech)]
            .cut_until
            .is_none_or(|u| u <= month);
        if open && ctx.state.dice.rivals.chance_permille(cut) {
            let until = month + 1 + u16::from(content.balance.rivals.counter.cut_months);
            ctx.emit(Event::AccessCut { tech, until });
            ctx.lab_news(
                lab,
                Story::DependencyCutOff {
                    tech,
                    until,
                    licences: licences.len() as u8,
                },
            );
        } else if ctx.state.dice.rivals.chance_permille(raise) {
            let id = content.techs[usize::from(tech)].id.clone();
            let _ = rules::apply_in(ctx, lab, &Command::RaiseLicence(id));
        }
    }
}

/// A lab the player has raided goes after the player's best person in return.
fn poach_back(ctx: &mut Ctx, lab: LabId) {
    let content = ctx.content;
    let c = &content.balance.rivals.counter;
    let raids = ctx.state.lab(lab).raids;
    if raids == 0 {
        return;
    }
    let chance = i64::from(raids)
        .saturating_mul(c.poach_back_permille_per_raid)
        .clamp(0, 1_000);
    if !ctx.state.dice.rivals.chance_permille(chance) {
        return;
    }
    let state = &*ctx.state;
    let Some((person, pay)) = super::rivals::star_to_poach(content, state, PLAYER) else {
        return;
    };
    let generous = content.balance.generosity(state.lab(lab).personality);
    let wanted = u64::from(pay) * (u64::from(generous) + u64::from(c.poach_back_premium_pct)) / 100;
    let salary = wanted.min(u64::from(rules::offer_range(content, pay).1)) as u32;
    let spare = rival_spare(content, state, lab);
    if Money::from(salary).saturating_mul(3) > spare {
        return;
    }
    if rules::apply_in(ctx, lab, &Command::Offer { person, salary }).is_ok() {
        let joined = ctx.state.people[person as usize].employer == Some(lab);
        ctx.lab_news(
            lab,
            Story::PoachBack {
                person,
                raids,
                joined,
            },
        );
    }
}

/// After a big order of GPUs by the player this quarter, a rival rushes its own order out of
/// the same supply, which raises the price for everyone.
fn rush_gpus(ctx: &mut Ctx, lab: LabId) {
    let content = ctx.content;
    let c = &content.balance.rivals.counter;
    let player_kgpu = ctx.state.player().gpu_quarter;
    if c.rush_kgpu == 0
        || player_kgpu < c.rush_kgpu
        || ctx.state.lab(lab).gpu_quarter > 0
        || !ctx.state.dice.rivals.chance_permille(c.rush_permille)
    {
        return;
    }
    let state = &*ctx.state;
    let spare = rival_spare(content, state, lab);
    let per_k = (content
        .balance
        .compute
        .data_centre_cost
        .saturating_mul(compute::price_pct(content, state, lab, 0))
        / 100)
        .max(1);
    let k = (i64::from(player_kgpu) / 2)
        .min(spare / 2 / per_k)
        .min(i64::from(compute::supply_left(content, state)))
        .min(i64::from(content.balance.compute.max_data_centre))
        .max(0) as u32;
    if k < 10 {
        return;
    }
    // The data centre's own news says why (see `Ctx::rushing_after`).
    ctx.rushing_after = Some(player_kgpu);
    let _ = rules::apply_in(ctx, lab, &Command::BuildDataCentre(k));
    ctx.rushing_after = None;
}

/// What a rival can spend beyond the reserve it keeps (months of income).
fn rival_spare(content: &Content, state: &GameState, lab: LabId) -> Money {
    let l = state.lab(lab);
    l.budget.saturating_sub(
        l.income
            .saturating_mul(content.balance.rivals.reserve_months),
    )
}
