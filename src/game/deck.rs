//! Random events: which can strike this month, how likely each is, and what happens.

use super::data::Content;
use super::data::{Condition, EventDef, Scale, calendar_index};
use super::effects::apply_effects;
use super::event::Event;
use super::research::lab_experiments;
use super::rules::Ctx;
use super::state::{ChoiceSource, GameState, Lever, NewsKind, PLAYER, PendingChoice, Story};

/// Whether a condition holds for the player's lab now.
pub fn holds(content: &Content, state: &GameState, c: &Condition) -> bool {
    let p = state.player();
    let now = content.calendar_of(state.month);
    match c {
        Condition::FromDate(y, m) => now >= calendar_index(*y, *m),
        Condition::UntilDate(y, m) => now <= calendar_index(*y, *m),
        Condition::MinMonth(m) => state.month >= *m,
        Condition::MaxMonth(m) => state.month <= *m,
        Condition::RiskAtLeast(r) => p.risk >= i32::from(*r),
        Condition::MoraleAtMost(m) => p.morale <= i32::from(*m),
        Condition::BoardAtMost(b) => p.board <= i32::from(*b),
        Condition::ReviewAtMost(r) => p.review <= i32::from(*r),
        Condition::DeployMinutesAtMost(m) => p.deploy_minutes <= *m,
        Condition::HasRivalTech => p.tech.iter().any(|a| !a.in_house),
        Condition::HasLegacy => !p.legacy.is_empty(),
        Condition::HasStars(n) => {
            state.staff_of(PLAYER).filter(|(_, s)| s.star).count() >= usize::from(*n)
        }
        Condition::HasOpenRelease => p.open_releases > 0,
        Condition::HasProducts => p.products > 0,
        Condition::BehindLeader => state.player_rank() > 1,
        Condition::AheadOfAll => state.player_rank() == 1,
        Condition::ProgressAtLeast(n) => p.progress().points() >= *n as i32,
        Condition::BudgetBelow(m) => p.budget < *m,
        Condition::BuildingCompute => p
            .projects
            .iter()
            .any(|pr| matches!(pr.kind, super::state::ProjectKind::DataCentre(_))),
    }
}

/// This month's weight of an event, 0 when it cannot strike.
pub fn weight(content: &Content, state: &GameState, index: usize, def: &EventDef) -> u32 {
    let fired = state.fired.iter().filter(|f| usize::from(f.event) == index);
    let mut blocked = false;
    for f in fired {
        if def.once || state.month < f.month + content.balance.events.cooldown {
            blocked = true;
        }
    }
    if blocked || !def.conditions.iter().all(|c| holds(content, state, c)) {
        return 0;
    }
    let p = state.player();
    let w = u64::from(def.weight);
    let scaled = match def.scale {
        None => w,
        Some(Scale::Risk) => w * p.risk.max(0) as u64 / 25,
        Some(Scale::FastThinReview) => {
            let exp = u64::from(lab_experiments(&content.balance.research, p));
            w * (100 + exp) / 100 * (100 - p.review.clamp(0, 100)) as u64 / 50
        }
        Some(Scale::LowMorale) => w * (100 - p.morale.clamp(0, 100)) as u64 / 25,
        Some(Scale::Burn) => {
            let burn = p.last_burn.max(0) as u64;
            w * burn / p.income.max(1) as u64
        }
        Some(Scale::Dependency) => w * p.tech.iter().filter(|a| !a.in_house).count() as u64,
    };
    scaled.min(10_000) as u32
}

/// Maybe draws an event for the player and applies it.
pub fn draw(ctx: &mut Ctx) {
    if ctx.state.pending.is_some() || ctx.state.ending.is_some() {
        return;
    }
    if !ctx
        .state
        .dice
        .events
        .chance_permille(ctx.content.balance.events.chance)
    {
        return;
    }
    let content = ctx.content;
    let weights: Vec<u32> = content
        .events
        .iter()
        .enumerate()
        .map(|(i, d)| weight(ctx.content, ctx.state, i, d))
        .collect();
    let Some(index) = ctx.state.dice.events.weighted(&weights) else {
        return;
    };
    fire(ctx, index as u16);
}

/// Fires one event: its effects now, its choices for the player to answer.
pub fn fire(ctx: &mut Ctx, index: u16) {
    let content = ctx.content;
    let def = &content.events[usize::from(index)];
    ctx.emit(Event::EventFired { event: index });
    ctx.news(NewsKind::Event, Story::EventFired { event: index });
    apply_effects(ctx, PLAYER, &def.effects);
    if def.choices.is_empty() {
        ctx.timeline(PLAYER, Lever::Event, Story::EventFired { event: index });
    } else {
        let choice = PendingChoice {
            source: ChoiceSource::Event(index),
            title: def.headline(),
            text: def.text.clone(),
            options: def.choices.iter().map(|c| c.label.clone()).collect(),
        };
        ctx.emit(Event::ChoiceOpened { choice });
    }
}
