//! A game together with the decisions that made it: what is saved, and what a load rebuilds.
//!
//! Every player decision goes through [`Record::note`] after the rules accepted it (directly,
//! or through [`Playthrough::apply`]): the decision is kept with its month, and a checkpoint
//! (the canonical state hash) is taken at the start of the game and of every
//! [`CHECKPOINT_MONTHS`]th month. Replaying the same decisions from the same content and seed
//! must give the same checkpoints; that is how a load proves a save was not edited.

use std::sync::Arc;

use super::error::SaveError;
use super::format::{Checkpoint, Decision, FORMAT_NAME, FORMAT_VERSION, Parent, SaveFile, Summary};
use crate::game::hash::hex;
use crate::game::state::PLAYER;
use crate::game::{Command, Content, Event, Game, RULES_VERSION, RuleError};

/// Months between checkpoints. Hashing the whole state costs tens of microseconds; every third
/// month keeps a full campaign's verification fast while still locating an edit.
pub const CHECKPOINT_MONTHS: u16 = 3;

/// What a save records about a game besides its content: the seed, every accepted decision,
/// the checkpoints, and the player's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The player's name, for class reports.
    pub player: Option<String>,
    /// The game this one was forked from, if it is a what-if fork.
    pub parent: Option<Parent>,
    /// Which decisions (indexes into the decisions, in order) the player made with the
    /// suggestion key. Metadata for the class report: it plays no part in the replay, and a
    /// load only checks that it names real moves in order (the report checks each against the
    /// suggestion the game would have made).
    pub suggested: Vec<u32>,
    seed: u64,
    decisions: Vec<Decision>,
    checkpoints: Vec<Checkpoint>,
}

impl Record {
    /// The record of a game that has not had any decision yet.
    pub fn start(game: &Game) -> Record {
        Record {
            player: None,
            parent: None,
            suggested: Vec::new(),
            seed: game.state.seed,
            decisions: Vec::new(),
            checkpoints: vec![(game.state.month, hex(game.hash()))],
        }
    }

    /// Notes a decision the rules accepted; `month` is the month it was made in (before the
    /// command ran) and `game` the state after it.
    pub fn note(&mut self, month: u16, command: &Command, game: &Game) {
        self.decisions.push((month, command.clone()));
        let now = game.state.month;
        if now != month && now.is_multiple_of(CHECKPOINT_MONTHS) {
            self.checkpoints.push((now, hex(game.hash())));
        }
    }

    /// Marks the decision just noted as made with the suggestion key.
    pub fn mark_suggested(&mut self) {
        if let Some(last) = self.decisions.len().checked_sub(1)
            && let Ok(i) = u32::try_from(last)
            && self.suggested.last().is_none_or(|l| *l < i)
        {
            self.suggested.push(i);
        }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Every decision so far, in order, with its month.
    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// The moves made so far in `month`, month ends left out: what a strategy deciding the
    /// month's next move has already done.
    pub fn moves_in(&self, month: u16) -> Vec<Command> {
        self.decisions
            .iter()
            .filter(|(m, c)| *m == month && *c != Command::EndMonth)
            .map(|(_, c)| c.clone())
            .collect()
    }

    /// The state hash at the start of the game and of every third month so far.
    pub fn checkpoints(&self) -> &[Checkpoint] {
        &self.checkpoints
    }

    /// The save file of `game`, whose decisions this is the record of.
    pub fn to_save(&self, game: &Game) -> SaveFile {
        let content = &game.content;
        SaveFile {
            format: FORMAT_NAME.to_string(),
            version: FORMAT_VERSION,
            rules: RULES_VERSION,
            game: env!("CARGO_PKG_VERSION").to_string(),
            player: self.player.clone(),
            scenario: content.scenario.id.clone(),
            difficulty: content.difficulty.id.clone(),
            seed: self.seed,
            summary: summarise(game),
            checkpoints: self.checkpoints.clone(),
            decisions: self.decisions.clone(),
            content: Content::clone(content),
            parent: self.parent.clone(),
            suggested: self.suggested.clone(),
        }
    }

    /// The save file's text.
    pub fn to_text(&self, game: &Game) -> Result<String, SaveError> {
        self.to_save(game).to_text()
    }
}

/// A game and its record.
#[derive(Debug, Clone)]
pub struct Playthrough {
    pub game: Game,
    pub record: Record,
}

impl Playthrough {
    /// A new game of `content` with `seed`.
    pub fn new(content: Arc<Content>, seed: u64) -> Playthrough {
        let game = Game::new(content, seed);
        let record = Record::start(&game);
        Playthrough { game, record }
    }

    /// Carries out the player's command and records it if the rules accept it.
    pub fn apply(&mut self, command: &Command) -> Result<Vec<Event>, RuleError> {
        let month = self.game.state.month;
        let events = self.game.apply(command)?;
        self.record.note(month, command, &self.game);
        Ok(events)
    }

    /// [`Playthrough::apply`] without collecting the events (the same state): for replays.
    fn apply_quiet(&mut self, command: &Command) -> Result<(), RuleError> {
        let month = self.game.state.month;
        let game = &mut self.game;
        crate::game::rules::apply_quiet(&game.content, &mut game.state, PLAYER, command)?;
        self.record.note(month, command, &self.game);
        Ok(())
    }

    /// Every decision so far, in order, with its month.
    pub fn decisions(&self) -> &[Decision] {
        self.record.decisions()
    }

    /// The summary of the current state.
    pub fn summary(&self) -> Summary {
        summarise(&self.game)
    }

    /// The save file's text.
    pub fn to_text(&self) -> Result<String, SaveError> {
        self.record.to_text(&self.game)
    }

    /// Replays `decisions` from the start. A refused decision stops the replay: the error and
    /// the playthrough up to that point are returned, so the caller can tell an edited file
    /// (checkpoints already differ) from an illegal one.
    pub fn replay(
        content: Arc<Content>,
        seed: u64,
        decisions: &[Decision],
    ) -> Result<Playthrough, (Box<Playthrough>, Refused)> {
        Playthrough::replay_watched(content, seed, decisions, &mut |_, _| {})
    }

    /// [`Playthrough::replay`], showing `watch` the game before each decision and the
    /// decision (before the rules have accepted it): what a copy check compares with the
    /// shipped scripts, without playing the game again.
    pub fn replay_watched(
        content: Arc<Content>,
        seed: u64,
        decisions: &[Decision],
        watch: &mut dyn FnMut(&Game, &Command),
    ) -> Result<Playthrough, (Box<Playthrough>, Refused)> {
        let mut play = Playthrough::new(content, seed);
        for (index, (month, command)) in decisions.iter().enumerate() {
            if *month != play.game.state.month {
                return Err((
                    Box::new(play),
                    Refused::WrongMonth {
                        index,
                        month: *month,
                    },
                ));
            }
            watch(&play.game, command);
            if let Err(error) = play.apply_quiet(command) {
                return Err((Box::new(play), Refused::Rules { index, error }));
            }
        }
        Ok(play)
    }
}

/// Why a replay stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The decision is marked with a month the game is not in.
    WrongMonth { index: usize, month: u16 },
    /// The rules refuse the decision.
    Rules { index: usize, error: RuleError },
}

/// The summary of a game's current state.
pub fn summarise(game: &Game) -> Summary {
    let state = &game.state;
    let score = game.score();
    Summary {
        month: state.month,
        date: state.date_label(&game.content),
        ending: state.ending.as_ref().map(|e| e.key().to_string()),
        score: score.total,
        parts: score
            .parts()
            .iter()
            .map(|(name, v)| ((*name).to_string(), *v))
            .collect(),
        progress: state.player().progress().display(),
        rank: state.player_rank(),
        hash: hex(game.hash()),
    }
}
