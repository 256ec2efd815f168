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
        Origin::ChangedBuiltin => return modified_scenario_line(v),
        Origin::Custom => " (custom scenario)".to_string(),
    };
    // A finished game's counter has already moved past its last month: show the month played,
    // as the debrief and the class report do.
    let (month, date) = if s.ending.is_some() && s.month > 0 {
        (s.month, content.date_label(s.month - 1))
    } else {
        (turn(content, s.month), s.date.clone())
    };
    // A fork says so: its first decisions are another game's (the checked fields only).
    let fork = v.play.record.parent.as_ref().map_or_else(String::new, |p| {
        format!(
            ", a what-if fork from month {} of game {}",
            p.month, p.fingerprint
        )
    });
    format!(
        "verified: {player}{} ({}), month {} of {} ({}), {}, score {}, hash {}{origin}{fork}",
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

/// Why a save on an edited copy of a built-in scenario is not a result of that scenario.
pub fn modified_scenario(v: &Verified) -> String {
    let c = &v.play.game.content;
    let builtin = super::load::builtin_fingerprint(&c.scenario.id, &c.difficulty.id)
        .map_or_else(String::new, |f| format!(", the built-in's is {f}"));
    format!(
        "modified scenario: it claims the built-in scenario '{}' ({}) but its content differs \
         (fingerprint {}{builtin}); the game replays, but in another world",
        sanitize(&c.scenario.id, 40),
        sanitize(&c.difficulty.id, 20),
        crate::content::fingerprint_short(c),
    )
}

fn modified_scenario_line(v: &Verified) -> String {
    format!("{}, score {}", modified_scenario(v), v.summary().score)
}

/// Whether `verify` counts the save as verified: it replays, and in the world it claims.
pub fn is_genuine(v: &Verified) -> bool {
    v.origin != Origin::ChangedBuiltin
}

/// The line for one file: its (sanitized) path, then the verdict.
pub fn file_line(path: &Path, result: &Result<Verified, SaveError>) -> String {
    let shown = sanitize(&path.display().to_string(), 120);
    match result {
        Ok(v) => format!("{shown}: {}", verified_line(v)),
        Err(e) => format!("{shown}: {}", e.verdict()),
    }
}
