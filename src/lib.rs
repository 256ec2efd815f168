//! AI Race: a turn-based strategy game about the race to superintelligence.
//!
//! `game` holds the rules (pure and deterministic), `content` loads and checks the RON assets
//! and scenario files, `sim` plays many games headless, `tune` searches for
//! the strongest scripted strategy, `save` writes saves and verifies them
//! by replay, `ui` is the terminal interface, `plain` the same game as lines of text, and
//! `report` prints what teachers need
//! (scenario checks, the debrief, the class report).

pub mod content;
pub mod front;
pub mod game;
pub mod plain;
pub mod report;
pub mod save;
pub mod sim;
pub mod text;
pub mod tune;
pub mod ui;
