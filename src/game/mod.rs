//! The rules of AI Race. No terminal, no file I/O, no clock, no OS randomness: the same
//! content, seed and commands always give the same game.
//!
//! The flow is: a [`Command`] is checked by [`rules::check`] (refused with a readable
//! [`RuleError`]), carried out by [`rules::apply`] into [`Event`]s, and events are the only
//! way the [`GameState`] changes ([`event::apply_event`]). `EndMonth` resolves the month in the
//! fixed order documented in [`month`].

pub mod balance;
pub mod balance_ranges;
pub mod board;
pub mod command;
pub mod compute;
pub mod counterplay;
pub mod data;
pub mod deck;
pub mod effects;
pub mod event;
pub mod hash;
pub mod init;
pub mod inject;
pub mod intel;
pub mod market;
pub mod month;
pub mod people;
pub mod policy;
pub mod research;
pub mod risk;
pub mod rivals;
pub mod rng;
pub mod rules;
pub mod score;
pub mod state;
pub mod story;
mod story_text;
pub mod units;

use std::sync::Arc;

pub use command::{Command, Cost, RuleError};
pub use data::Content;
pub use event::Event;
pub use score::Score;
pub use state::{Ending, GameState, PLAYER};

/// The version of the rules. Saves record it; a change to how a game plays out bumps it.
pub const RULES_VERSION: u32 = 5;

/// One game: its content and its state.
#[derive(Debug, Clone)]
pub struct Game {
    pub content: Arc<Content>,
    pub state: GameState,
}

impl Game {
    /// A new game of `content` with `seed`.
    pub fn new(content: Arc<Content>, seed: u64) -> Game {
        let state = init::new_game(&content, seed);
        Game { content, state }
    }

    /// Whether the player may make `command` now, and what it costs.
    pub fn check(&self, command: &Command) -> Result<Cost, RuleError> {
        rules::check(&self.content, &self.state, PLAYER, command)
    }

    /// Carries out the player's command.
    pub fn apply(&mut self, command: &Command) -> Result<Vec<Event>, RuleError> {
        rules::apply(&self.content, &mut self.state, PLAYER, command)
    }

    /// The canonical hash of the state.
    pub fn hash(&self) -> u64 {
        hash::canonical_hash(&self.state)
    }

    pub fn score(&self) -> Score {
        score::score(&self.content, &self.state)
    }

    pub fn is_over(&self) -> bool {
        self.state.is_over()
    }
}
