//! The suggestion key in a class: which of a game's moves its save says were the suggestion
//! key's (`d`), checked against the suggestion the game would have made at that moment.
//!
//! The list is metadata beside the decisions: the replay does not depend on it, so a student
//! can edit it without breaking the save. A claim is counted only when the move it names is
//! exactly the suggestion the same state gives (the suggestion never rolls dice, so a replay
//! rebuilds it); a claim on any other move is not counted and is marked for the teacher. A
//! claim can therefore never make a game look more like the student's own: at most it shows a
//! game as the suggestion's.

use crate::game::init::new_game;
use crate::game::policy::suggestion;
use crate::game::rules::apply_quiet;
use crate::game::state::PLAYER;
use crate::game::{Command, Content};
use crate::save::Decision;

/// How a game used the suggestion key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Suggested {
    /// The player's own moves: every decision but a month's end and an event's answer.
    pub moves: u32,
    /// Moves the save claims and the replay confirms were the suggestion key's.
    pub confirmed: u32,
    /// Moves the save claims were the suggestion key's that differ from the suggestion then.
    pub false_claims: u32,
}

impl Suggested {
    /// The share of the player's moves made with the suggestion key, in whole percent.
    pub fn percent(&self) -> u32 {
        (self.confirmed * 100 + self.moves / 2)
            .checked_div(self.moves)
            .unwrap_or(0)
    }

    /// "25% (5 of 20)", or "none" when the key was not used.
    pub fn shown(&self) -> String {
        if self.confirmed == 0 {
            "none".to_string()
        } else {
            format!("{}% ({} of {})", self.percent(), self.confirmed, self.moves)
        }
    }

    /// Whether every one of the player's moves was the suggestion key's.
    pub fn all(&self) -> bool {
        self.moves > 0 && self.confirmed == self.moves
    }
}

/// Whether a decision is one of the player's own moves (what the suggestion key could make).
fn is_move(c: &Command) -> bool {
    !matches!(c, Command::EndMonth | Command::Choose(_))
}

/// Checks the claimed suggestion-key moves of a verified game (`claimed`: indexes into
/// `decisions`, in order, as the loader checked). Without claims nothing is replayed.
pub fn check(content: &Content, seed: u64, decisions: &[Decision], claimed: &[u32]) -> Suggested {
    let moves = decisions.iter().filter(|(_, c)| is_move(c)).count();
    let mut out = Suggested {
        moves: u32::try_from(moves).unwrap_or(u32::MAX),
        ..Suggested::default()
    };
    let Some(&last) = claimed.last() else {
        return out;
    };
    let mut state = new_game(content, seed);
    let mut this_month: Vec<Command> = Vec::new();
    let mut month = state.month;
    let mut next = claimed.iter().peekable();
    for (i, (_, command)) in decisions.iter().enumerate().take(last as usize + 1) {
        if state.month != month {
            month = state.month;
            this_month.clear();
        }
        if next.peek().is_some_and(|&&c| c as usize == i) {
            next.next();
            let made = suggestion(content, &state, &this_month);
            if made.as_ref() == Some(command) {
                out.confirmed += 1;
            } else {
                out.false_claims += 1;
            }
        }
        if apply_quiet(content, &mut state, PLAYER, command).is_err() {
            // A verified game replays; a claim past a refused move is not confirmed.
            break;
        }
        if *command != Command::EndMonth {
            this_month.push(command.clone());
        }
    }
    // Claims the replay did not reach (only if a move was refused) confirm nothing.
    out.false_claims += u32::try_from(next.count()).unwrap_or(u32::MAX);
    out
}
