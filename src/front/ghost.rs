//! The ghost race: a new game in the world of someone's verified save (its content, difficulty
//! and seed), with that game's progress drawn beside yours month by month, its lead or lag on
//! the dashboard, and at the end who won the race between you.
//!
//! The ghost's progress comes from replaying its save (the state's monthly records), never from
//! the figures the file claims: a ghost save is someone else's file, verified before use.

use std::sync::Arc;

use crate::game::units::Progress;
use crate::game::{Game, PLAYER};
use crate::report::format::signed_tenths;
use crate::save::{self, Verified, sanitize};

use super::session::Session;

/// The marker of the ghost's line on the race chart (plain ASCII, so every terminal draws it,
/// and never a lab's letter).
pub const GHOST_MARKER: char = '@';

/// Someone's finished (or unfinished) game, raced against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ghost {
    /// Who played it: the save's player name, else "the ghost".
    pub name: String,
    /// The ghost's progress at the start, then at the end of each month it played.
    pub progress: Vec<Progress>,
    /// The ghost's final score and whether its game is over.
    pub score: i64,
    pub finished: bool,
}

impl Ghost {
    /// The ghost of a verified save. A save whose scenario claims a built-in's name but differs
    /// from it is refused: racing it would be racing another world.
    pub fn of(v: &Verified) -> Result<Ghost, String> {
        if !save::is_genuine(v) {
            return Err(save::modified_scenario(v));
        }
        let game = &v.play.game;
        let start = Game::new(Arc::clone(&game.content), v.play.record.seed());
        let mut progress = vec![start.state.player().progress()];
        progress.extend(game.state.history.iter().map(|r| {
            r.progress
                .get(usize::from(PLAYER))
                .copied()
                .unwrap_or_default()
        }));
        let name = v
            .play
            .record
            .player
            .as_deref()
            .map_or_else(|| "the ghost".to_string(), |n| sanitize(n, 40));
        Ok(Ghost {
            name,
            progress,
            score: game.score().total,
            finished: game.is_over(),
        })
    }

    /// "Ada's game" (or "the ghost's game").
    pub fn label(&self) -> String {
        format!("{}'s game", self.name)
    }

    /// The ghost's progress after `months` months played; after its game ended, where it ended.
    pub fn after(&self, months: u16) -> Progress {
        let i = usize::from(months).min(self.progress.len().saturating_sub(1));
        self.progress.get(i).copied().unwrap_or_default()
    }

    /// "2.4 ahead of Ada's game", "0.8 behind Ada's game", "level with Ada's game": the player's
    /// progress against the ghost's after the same number of months, as the difference of the
    /// two shown figures (the reports' one rounding rule).
    pub fn lead(&self, mine: Progress, months: u16) -> String {
        let diff = mine.shown_tenths() - self.after(months).shown_tenths();
        let amount = signed_tenths(diff.abs());
        let amount = amount.trim_start_matches('+');
        match diff {
            0 => format!("level with {}", self.label()),
            d if d > 0 => format!("{amount} ahead of {}", self.label()),
            _ => format!("{amount} behind {}", self.label()),
        }
    }

    /// Who won the race between the player's finished `game` and the ghost, by score (the
    /// game's own verdict, as the class report ranks).
    pub fn result(&self, game: &Game) -> String {
        let mine = game.score().total;
        let who = self.label();
        let unfinished = if self.finished {
            ""
        } else {
            " (the ghost's game was not finished)"
        };
        match mine.cmp(&self.score) {
            std::cmp::Ordering::Greater => {
                format!(
                    "You beat {who}: score {mine} to {}{unfinished}.",
                    self.score
                )
            }
            std::cmp::Ordering::Less => {
                format!(
                    "{who} beat you: score {} to {mine}{unfinished}.",
                    self.score
                )
            }
            std::cmp::Ordering::Equal => {
                format!("A draw with {who}: both scored {mine}{unfinished}.")
            }
        }
    }
}

/// A new game in the world of the verified `ghost` save, raced against it.
pub fn session(ghost: &Verified) -> Result<Session, String> {
    let g = Ghost::of(ghost)?;
    let content = Arc::clone(&ghost.play.game.content);
    let mut s = Session::new(content, ghost.play.record.seed());
    s.ghost = Some(g);
    Ok(s)
}

/// Races a game already under way (a loaded save) against the verified `ghost` again: the
/// ghost must have been played in the same world (the same content and seed).
pub fn attach(s: &mut Session, ghost: &Verified) -> Result<(), String> {
    let theirs = &ghost.play.game;
    if *theirs.content != *s.game.content || ghost.play.record.seed() != s.record.seed() {
        return Err(format!(
            "it was played in another world ({}, seed {}); a ghost race needs the same scenario, \
             difficulty and seed as your game ({}, seed {})",
            sanitize(&theirs.content.scenario.name, 40),
            ghost.play.record.seed(),
            sanitize(&s.game.content.scenario.name, 40),
            s.record.seed()
        ));
    }
    s.ghost = Some(Ghost::of(ghost)?);
    Ok(())
}

/// The dashboard's line on the race against the ghost. Both games are compared at the end of
/// the last month played, from the same monthly records (the ghost's moves within a month are
/// not known, so a gain in the middle of your month counts once the month is over).
pub fn dashboard_line(s: &Session) -> Option<String> {
    let g = s.ghost.as_ref()?;
    let st = &s.game.state;
    let played = u16::try_from(st.history.len()).unwrap_or(u16::MAX);
    // Before the first month ends both games stand where the same world starts them.
    let mine = st
        .history
        .last()
        .and_then(|r| r.progress.get(usize::from(PLAYER)).copied())
        .unwrap_or_else(|| g.after(0));
    Some(format!("you are {}", g.lead(mine, played)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ghost(progress: &[i32]) -> Ghost {
        Ghost {
            name: "Ada".into(),
            progress: progress.iter().map(|p| Progress(*p)).collect(),
            score: 100,
            finished: true,
        }
    }

    #[test]
    fn the_lead_is_the_difference_of_the_shown_figures() {
        let g = ghost(&[30_000, 31_240]);
        // 33.6 shown against 31.2 shown: 2.4 ahead, never 2.36 rounded another way.
        assert_eq!(g.lead(Progress(33_640), 1), "2.4 ahead of Ada's game");
        assert_eq!(g.lead(Progress(30_450), 1), "0.7 behind Ada's game");
        assert_eq!(g.lead(Progress(31_220), 1), "level with Ada's game");
        // After the ghost's game ended, it stays where it ended.
        assert_eq!(g.lead(Progress(31_240), 9), "level with Ada's game");
    }
}
