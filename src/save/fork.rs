//! What-if forks: a new game that replays a verified save's decisions made before a chosen
//! month, in the same world (content, difficulty, seed), and goes on from the start of that
//! month as the player decides.
//!
//! A fork's save holds every decision from the first month (the parent's copied ones, then its
//! own), so it verifies on its own like any save. It also names its parent by the parent's
//! *game fingerprint*: a hash of what the parent's replay depends on (the content's
//! fingerprint, the seed and the whole decision stream). It is chosen over a hash of the file's
//! bytes so that the same game saved twice, re-indented by an editor, or with another player
//! name still matches, while any game that plays differently does not. The fork also records
//! how many decisions the parent had, so a later save of the parent's game (played on after the
//! fork was made, as when a fork is made from an autosave) is still recognised: its first that
//! many decisions have the recorded fingerprint.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use thiserror::Error;

use super::error::{SaveError, sanitize};
use super::format::{Decision, Parent, SaveFile};
use super::load::{Verified, date_of};
use super::playthrough::Playthrough;
use crate::content;
use crate::game::Content;
use crate::game::hash::{canonical_hash, hex};

/// Why a fork could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ForkError {
    /// The parent save does not verify: a fork is never made from a file no one can trust.
    #[error("cannot fork it: {0}; only a save that verifies can be forked")]
    Parent(String),
    /// The month asked for is outside the parent's game.
    #[error(
        "cannot fork at month {asked}: choose a month from 1 to {last} (the parent's game {how})"
    )]
    Month { asked: u32, last: u16, how: String },
    /// The parent's decisions do not replay to a game still running at the month.
    #[error("cannot fork at month {0}: the parent's game was already over by then")]
    Over(u16),
}

/// The fingerprint of a game: what its replay depends on, as 16 hex digits.
pub fn game_fingerprint(content: &Content, seed: u64, decisions: &[Decision]) -> String {
    hex(canonical_hash(&(
        content::fingerprint(content),
        seed,
        decisions,
    )))
}

/// The fingerprint of a (verified) game.
pub fn fingerprint_of(play: &Playthrough) -> String {
    game_fingerprint(&play.game.content, play.record.seed(), play.decisions())
}

/// The fingerprint a save file claims to be a game of (without verifying it: for finding a
/// fork's parent among many files before the one that matches is verified).
pub fn file_fingerprint(save: &SaveFile) -> String {
    game_fingerprint(&save.content, save.seed, &save.decisions)
}

/// The last month a fork of `play` may start at, as the game shows months: the month the game
/// is in, or for a finished game the month it ended in.
pub fn last_fork_month(play: &Playthrough) -> u16 {
    let s = &play.game.state;
    if s.ending.is_some() {
        s.month.max(1)
    } else {
        s.month.saturating_add(1)
    }
}

/// How many of `decisions` were made before the start of `month` (1 = the first month).
pub fn decisions_before(decisions: &[Decision], month: u16) -> usize {
    let counter = month.saturating_sub(1);
    decisions.iter().take_while(|(m, _)| *m < counter).count()
}

/// Checks the month a fork is asked for against the parent's game.
pub fn check_month(parent: &Playthrough, asked: u32) -> Result<u16, ForkError> {
    let last = last_fork_month(parent);
    match u16::try_from(asked) {
        Ok(m) if (1..=last).contains(&m) => Ok(m),
        _ => {
            let content = &parent.game.content;
            let how = if parent.game.state.ending.is_some() {
                format!("ended in month {last}, {}", date_of(content, last - 1))
            } else {
                format!("is in month {last}, {}", date_of(content, last - 1))
            };
            Err(ForkError::Month { asked, last, how })
        }
    }
}

/// A fork of the verified `parent` at the start of `month` (1 = the first month): its decisions
/// made before that month, replayed from the same seed in the same world, with the parent
/// recorded. A parent whose scenario claims a built-in's name but differs from it is refused
/// like an unverified one: its world is not the one it claims.
pub fn fork(parent: &Verified, month: u32) -> Result<Playthrough, ForkError> {
    if !super::is_genuine(parent) {
        return Err(ForkError::Parent(super::modified_scenario(parent)));
    }
    let play = &parent.play;
    let month = check_month(play, month)?;
    let kept = &play.decisions()[..decisions_before(play.decisions(), month)];
    let content = Arc::clone(&play.game.content);
    let mut fork = Playthrough::replay(content, play.record.seed(), kept)
        // The parent verified, so its own decisions replay; this is only a guard.
        .map_err(|_| ForkError::Parent("its decisions no longer replay".into()))?;
    if fork.game.is_over() {
        return Err(ForkError::Over(month));
    }
    // A what-if is the same student's game: it keeps their name, and which of the moves it
    // keeps were the suggestion key's.
    fork.record.player = play.record.player.clone();
    fork.record.suggested = play
        .record
        .suggested
        .iter()
        .copied()
        .filter(|&i| (i as usize) < kept.len())
        .collect();
    fork.record.parent = Some(Parent {
        fingerprint: fingerprint_of(play),
        month,
        decisions: u32::try_from(play.decisions().len()).unwrap_or(u32::MAX),
    });
    Ok(fork)
}

/// Most files looked at when searching a folder for a fork's parent.
pub const MAX_FILES_SEARCHED: usize = 1_000;

/// Whether a game (its content, seed and decisions) is the recorded `parent`, or the parent's
/// game played on: its first decisions are the parent's, with the recorded fingerprint.
pub fn is_parent(parent: &Parent, content: &Content, seed: u64, decisions: &[Decision]) -> bool {
    let Ok(count) = usize::try_from(parent.decisions) else {
        return false;
    };
    decisions.len() >= count
        && game_fingerprint(content, seed, &decisions[..count]) == parent.fingerprint
}

/// Whether the verified `v` is the recorded `parent` (or its game played on).
pub fn is_parent_of(parent: &Parent, v: &Verified) -> bool {
    is_parent(
        parent,
        &v.play.game.content,
        v.play.record.seed(),
        v.play.decisions(),
    )
}

/// The save in `dir` (not `except`) that is the recorded `parent` (see [`is_parent`]),
/// verified: how a fork's debrief finds its parent when both were saved in the same folder.
/// Files are read with the usual limits and only parsed until one claims to be the parent;
/// that one must then verify and be a genuine game of its world, or the search goes on. Of
/// several, the one played furthest is taken (the parent's game as far as it went).
pub fn find_parent(dir: &Path, parent: &Parent, except: &Path) -> Option<(PathBuf, Verified)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && p != except)
        .take(MAX_FILES_SEARCHED)
        .collect();
    // A stable order: the same folder always gives the same parent.
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let text = super::read_save_file(&path).ok()?;
            let save = super::upgrade(&text).ok()?;
            if !is_parent(parent, &save.content, save.seed, &save.decisions) {
                return None;
            }
            let verified = super::load_text(&text).ok()?;
            (super::is_genuine(&verified) && is_parent_of(parent, &verified))
                .then_some((path, verified))
        })
        // The longest game; of equals, the first by name.
        .fold(None, |best: Option<(PathBuf, Verified)>, next| match best {
            Some(b) if b.1.play.decisions().len() >= next.1.play.decisions().len() => Some(b),
            _ => Some(next),
        })
}

/// Checks the `parent` a save records: it changes nothing in the replay, but it is shown and
/// used to look for the parent, so a garbage value is refused with the reason.
pub(super) fn check_parent(parent: &Parent, content: &Content) -> Result<(), SaveError> {
    if !is_fingerprint(&parent.fingerprint) {
        return Err(SaveError::Invalid(format!(
            "the parent's fingerprint must be 16 hex digits, found '{}'",
            sanitize(&parent.fingerprint, 40)
        )));
    }
    if parent.decisions as usize > super::MAX_DECISIONS {
        return Err(SaveError::Invalid(format!(
            "the parent's decisions must be at most {}, found {}",
            super::MAX_DECISIONS,
            parent.decisions
        )));
    }
    let months = content.scenario.months.max(1);
    if !(1..=months).contains(&parent.month) {
        return Err(SaveError::Invalid(format!(
            "the month it was forked at must be from 1 to {months}, found {}",
            parent.month
        )));
    }
    Ok(())
}

/// Whether `text` is a fingerprint as this game writes it: 16 lowercase hex digits.
fn is_fingerprint(text: &str) -> bool {
    text.len() == 16
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
