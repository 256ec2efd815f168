//! Checking and carrying out commands: what each action costs, why it may be refused, and the
//! events it yields. The player and the rivals go through exactly these functions.
//!
//! `check` says whether a command is allowed and what it costs; `actions` carries out the
//! levers; `hiring` resolves offers, counter-offers and poaching.

use super::command::{Command, Cost, RuleError};
use super::compute;
use super::data::{Content, Personality};
use super::effects::apply_effects;
use super::event::{Event, Flow, Stat};
use super::state::{
    Adoption, ChoiceSource, GameState, LabId, Lever, News, NewsKind, PLAYER, PendingChoice,
    PersonId, Project, ProjectKind, Story, TimelineEntry,
};
use super::units::{Money, money};

mod actions;
mod check;
mod hiring;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod v2_tests;
#[cfg(test)]
mod v4_tests;
#[cfg(test)]
mod v5_tests;

use actions::execute;
pub use check::{check, choice_cost, cost, is_replaced, offer_range, replacements, signing_bonus};
use check::{deal_index, legacy_index, stage_index, tech_index};
pub use hiring::{
    acceptance_permille, ask, counter_permille, may_approach_player, offer_odds_permille,
    overpay_costs, retention_permille,
};
pub(crate) use hiring::{close_choice_about, flight};
use hiring::{leave_player, offer};

/// Collects the events of one command or month and applies each as it is made.
pub struct Ctx<'a> {
    pub content: &'a Content,
    pub state: &'a mut GameState,
    pub events: Vec<Event>,
    /// Whether to keep the events (the interface shows them; headless replays need not).
    record: bool,
    /// The leader a rival's next move answers, and by how much it leads (thousandths of a
    /// point): that move's news then gives the reason instead of a plain line.
    pub reacting_to: Option<(LabId, i32)>,
    /// The player's GPU orders this quarter (thousands) that a rival's next data centre
    /// answers: its news then says so (see `counterplay.rs`).
    pub rushing_after: Option<u32>,
}

impl<'a> Ctx<'a> {
    pub fn new(content: &'a Content, state: &'a mut GameState) -> Self {
        Ctx {
            content,
            state,
            events: Vec::new(),
            record: true,
            reacting_to: None,
            rushing_after: None,
        }
    }

    /// A context that applies events without keeping them.
    pub fn quiet(content: &'a Content, state: &'a mut GameState) -> Self {
        Ctx {
            content,
            state,
            events: Vec::new(),
            record: false,
            reacting_to: None,
            rushing_after: None,
        }
    }

    pub fn emit(&mut self, event: Event) {
        super::event::apply_event(self.state, &event);
        if self.record {
            self.events.push(event);
        }
    }

    pub fn stat(&mut self, lab: LabId, stat: Stat, delta: i64) {
        if delta != 0 {
            self.emit(Event::Stat { lab, stat, delta });
        }
    }

    pub fn pay(&mut self, lab: LabId, amount: Money, flow: Flow) {
        if amount == 0 {
            return;
        }
        let judged = lab == PLAYER && flow == Flow::Action;
        let before = if judged {
            super::board::over_guidance_points(self.content, self.state, lab)
        } else {
            0
        };
        self.emit(Event::Money {
            lab,
            delta: -amount,
            flow,
        });
        if judged {
            // Spending beyond the quarter's guidance costs the board's confidence as it goes.
            let after = super::board::over_guidance_points(self.content, self.state, lab);
            let lost = after - before;
            if lost > 0 {
                self.stat(lab, Stat::Board, -lost);
                let l = self.state.lab(lab);
                let story = Story::OverGuidance {
                    spent: l.quarter_spent,
                    guidance: super::board::guidance(self.content, self.state, lab),
                    board: lost.min(100) as u8,
                };
                self.news(NewsKind::Warning, story);
            }
        }
    }

    pub fn news(&mut self, kind: NewsKind, story: Story) {
        let month = self.state.month;
        self.emit(Event::News {
            news: News {
                month,
                kind,
                lab: None,
                story,
            },
        });
    }

    /// News about a lab's own move (the player's or a rival's; a rival's is its last move).
    pub fn lab_news(&mut self, lab: LabId, story: Story) {
        let month = self.state.month;
        let kind = if lab == PLAYER {
            NewsKind::Player
        } else {
            NewsKind::Rival
        };
        self.emit(Event::News {
            news: News {
                month,
                kind,
                lab: Some(lab),
                story,
            },
        });
    }

    pub fn timeline(&mut self, lab: LabId, lever: Lever, story: Story) {
        if lab == PLAYER {
            let month = self.state.month;
            self.emit(Event::Timeline {
                entry: TimelineEntry {
                    month,
                    lever,
                    story,
                },
            });
        }
    }
}

/// Checks and carries out a command of `lab`, returning the events it produced.
pub fn apply(
    content: &Content,
    state: &mut GameState,
    lab: LabId,
    command: &Command,
) -> Result<Vec<Event>, RuleError> {
    let mut ctx = Ctx::new(content, state);
    apply_in(&mut ctx, lab, command)?;
    Ok(ctx.events)
}

/// Like [`apply`], without collecting the events: for replays and simulations.
pub fn apply_quiet(
    content: &Content,
    state: &mut GameState,
    lab: LabId,
    command: &Command,
) -> Result<(), RuleError> {
    apply_in(&mut Ctx::quiet(content, state), lab, command)
}

/// Checks and carries out a command inside a running resolution (rivals' moves).
pub fn apply_in(ctx: &mut Ctx, lab: LabId, command: &Command) -> Result<(), RuleError> {
    let cost = check(ctx.content, ctx.state, lab, command)?;
    if cost.weeks > 0 {
        ctx.emit(Event::WeeksSpent {
            lab,
            weeks: cost.weeks,
        });
    }
    if cost.money > 0 && !matches!(command, Command::Offer { .. }) {
        ctx.pay(lab, cost.money, Flow::Action);
    }
    execute(ctx, lab, command);
    Ok(())
}
