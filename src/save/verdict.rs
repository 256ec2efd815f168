//! One-line answers about a save, as `ai-race verify` prints them and a class report quotes
//! them.

use std::path::Path;

use super::error::{SaveError, sanitize};
use super::load::{Origin, Verified, turn};

/// "verified: The 2025 race (Normal), month 13 (Nov 2026), rival-first, score 923, ..." for a
/// save that replays to what it records.
pub fn verified_line(v: &Verified) -> String {
    let content = &v.play.game.content;
    let s = v.summary();
    let player = v
        .play
        .record
        .player
        .as_deref()
        .map(|p| format!("{}, ", sanitize(p, 40)))
        .unwrap_or_default();
    let origin = match v.origin {
        Origin::Builtin => String::new(),
        Origin::ChangedBuiltin => format!(
            " (its '{}' scenario differs from this game's)",
            sanitize(&content.scenario.id, 40)
        ),
        Origin::Custom => " (custom scenario)".to_string(),
    };
    // A finished game's counter has already moved past its last month: show the month played,
    // as the debrief and the class report do.
    let (month, date) = if s.ending.is_some() && s.month > 0 {
        (s.month, content.date_label(s.month - 1))
    } else {
        (turn(content, s.month), s.date.clone())
    };
    format!(
        "verified: {player}{} ({}), month {} of {} ({}), {}, score {}, hash {}{origin}",
        sanitize(&content.scenario.name, 60),
        sanitize(&content.difficulty.name, 30),
        month,
        content.scenario.months,
        date,
        s.ending.as_deref().unwrap_or("in progress"),
        s.score,
        s.hash,
    )
}

/// The line for one file: its (sanitized) path, then the verdict.
pub fn file_line(path: &Path, result: &Result<Verified, SaveError>) -> String {
    let shown = sanitize(&path.display().to_string(), 120);
    match result {
        Ok(v) => format!("{shown}: {}", verified_line(v)),
        Err(e) => format!("{shown}: {}", e.verdict()),
    }
}
