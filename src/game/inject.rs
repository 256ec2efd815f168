//! The teacher's injects: events written into a scenario file that fire at a given month or
//! when a condition on the race holds, once each.
//!
//! An inject's text, effects and choices are an ordinary [`EventDef`](super::data::EventDef)
//! in `Content::events` (basis `Teacher`, weight 0, so the deck never draws it); firing it goes
//! through the deck's own `fire`, so it shows, answers and replays like any other event. Only
//! *when* it fires lives here. Nothing here draws from the dice: a scenario without injects
//! plays exactly as before, and one with injects fires them at the same point on every replay.

use serde::{Deserialize, Serialize};

use super::rules::Ctx;
use super::state::GameState;
use super::units::Money;

/// One scheduled event of the teacher's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InjectDef {
    /// Index of its event in `Content::events`.
    pub event: u16,
    pub trigger: Trigger,
}

/// When an inject fires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    /// At the start of this month of the campaign (1 = the first turn; from 2 on, since it
    /// fires as the month before ends). A month missed because another choice was waiting
    /// fires at the next month's start.
    Month(u16),
    /// At the end of the first month in which this holds.
    When(InjectCondition),
}

/// What a teacher can make an inject wait for: a small, closed set a teacher can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InjectCondition {
    /// The player's overall progress (points, 0-100) is at least this.
    PlayerProgressAtLeast(u32),
    /// Some rival's overall progress is at least this.
    RivalProgressAtLeast(u32),
    /// The player's budget is below this many USD millions.
    BudgetBelow(Money),
    /// The player's risk (0-100) is above this.
    RiskAbove(u8),
}

impl InjectCondition {
    /// Whether it holds in `state`.
    pub fn holds(self, state: &GameState) -> bool {
        let player = state.player();
        match self {
            InjectCondition::PlayerProgressAtLeast(p) => {
                i64::from(player.progress().points()) >= i64::from(p)
            }
            InjectCondition::RivalProgressAtLeast(p) => state
                .labs
                .iter()
                .skip(1)
                .any(|l| i64::from(l.progress().points()) >= i64::from(p)),
            InjectCondition::BudgetBelow(m) => player.budget < m,
            InjectCondition::RiskAbove(r) => player.risk > i32::from(r),
        }
    }
}

impl Trigger {
    /// Whether an inject with this trigger is due as the current month ends.
    pub fn due(&self, state: &GameState) -> bool {
        match self {
            // Month `state.month` (0-based) is ending; the next one starts as turn month + 2.
            Trigger::Month(m) => u32::from(state.month) + 2 >= u32::from(*m),
            Trigger::When(c) => c.holds(state),
        }
    }
}

/// Fires every inject that is due and has not fired yet, in the file's order. An inject that
/// asks a question waits while another question is open (one at a time, as for events).
pub fn fire_due(ctx: &mut Ctx) {
    let content = ctx.content;
    for inject in &content.injects {
        if ctx.state.ending.is_some() || ctx.state.pending.is_some() {
            return;
        }
        let fired = ctx.state.fired.iter().any(|f| f.event == inject.event);
        let known = usize::from(inject.event) < content.events.len();
        if !fired && known && inject.trigger.due(ctx.state) {
            super::deck::fire(ctx, inject.event);
        }
    }
}
