//! The talent market: refreshed every month with people working at rival labs right now and
//! free agents (academia, startups, big tech outside the race).

use super::event::Event;
use super::people::new_person;
use super::rules::Ctx;
use super::state::{PLAYER, PersonId};

/// Replaces the market with this month's candidates.
pub fn refresh(ctx: &mut Ctx) {
    let size = usize::from(ctx.content.talent.market_size);
    let mut candidates: Vec<PersonId> = Vec::with_capacity(size);
    // About half come from the rival labs.
    let mut at_rivals: Vec<PersonId> = ctx.state.labs[usize::from(PLAYER) + 1..]
        .iter()
        .flat_map(|l| l.staff.iter().copied())
        .collect();
    at_rivals.sort_unstable();
    let from_rivals = (size / 2).min(at_rivals.len());
    let mut pool = at_rivals;
    for _ in 0..from_rivals {
        let Some(i) = ctx.state.dice.world.pick(pool.len()) else {
            break;
        };
        candidates.push(pool.swap_remove(i));
    }
    // Free agents still on the market from earlier months may stay; the rest are new.
    let mut free: Vec<PersonId> = ctx
        .state
        .market
        .iter()
        .copied()
        .filter(|&id| ctx.state.people[id as usize].employer.is_none())
        .collect();
    while candidates.len() < size {
        if let Some(id) = free.pop()
            && ctx.state.dice.world.chance_permille(400)
        {
            candidates.push(id);
            continue;
        }
        let star = ctx
            .state
            .dice
            .world
            .chance_permille(ctx.content.balance.hiring.star_permille);
        let person = new_person(ctx.content, ctx.state, star);
        let id = ctx.state.people.len() as PersonId;
        ctx.emit(Event::PersonJoined { person });
        candidates.push(id);
    }
    candidates.sort_unstable();
    ctx.emit(Event::MarketRefreshed { candidates });
}
