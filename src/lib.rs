//! AI Race: a turn-based strategy game about the race to superintelligence.
//!
//! `game` holds the rules (pure and deterministic), `content` loads and checks the RON assets
//! and scenario files, `sim` plays many games headless, and `save` writes saves and verifies
//! them by replay.

pub mod content;
pub mod game;
pub mod save;
pub mod sim;
