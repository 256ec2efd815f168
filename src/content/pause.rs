//! The teacher's pauses (`pause_at` in a scenario file): where a student's game stops, the
//! code that lets it on, and which new version of the file may replace the pauses of a game
//! already under way.
//!
//! A pause is not a rule: the rules never read it, the state hash and the fingerprint leave it
//! out, and `sim`, `verify` and `report` pass over it. The interface enforces it (see
//! `ui::session`). The code is worked out from the scenario's fingerprint and the month, so the
//! whole class gets the same code from `ai-race scenario code`; it keeps a class in step and is
//! not a lock: anyone who reads this file can work it out from a save.
//!
//! A save embeds its scenario's content, pauses included, as they were when the game began (or
//! when a new version was last taken). A new version of the file replaces the pauses of a game
//! under way only if it is the same world, that is, has the same fingerprint; the replay, the
//! state hash and the class report's grouping are unchanged by it, so saves made before and
//! after a new version are one world. Changing an inject, by contrast, makes a new world.

use super::fingerprint;
use crate::game::data::Content;
use crate::game::hash::Fnv64;

/// The letters a code is made of: no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B, so a code read aloud or
/// copied from a board is typed right.
const ALPHABET: &[u8] = b"ACDEFHJKMNPQRTUVWXY3479";
/// Letters in a code (shown as two groups of three).
const CODE_LEN: usize = 6;

/// The month (1 = the first turn) at whose start a game in month `month` (0-based, as the
/// state counts) stands paused, if the scenario pauses there and the player has decided
/// nothing yet this month. A month once begun is never paused again, so a code typed once
/// holds across saving and loading as soon as the student has made a move.
pub fn due(
    content: &Content,
    month: u16,
    decided_this_month: bool,
    unlocked: &[u16],
) -> Option<u16> {
    let turn = month.checked_add(1)?;
    let paused = content.pause_at.contains(&turn) && !unlocked.contains(&turn);
    (paused && !decided_this_month && turn <= content.scenario.months).then_some(turn)
}

/// The code that lets a student on at the pause at `month` (1 = the first turn), like
/// "KXD-4MA".
pub fn code(content: &Content, month: u16) -> String {
    let mut h = Fnv64::default();
    h.write(b"ai-race pause code");
    h.write(&fingerprint(content).to_le_bytes());
    h.write(&month.to_le_bytes());
    let mut n = h.finish();
    let mut out = String::new();
    for i in 0..CODE_LEN {
        if i == CODE_LEN / 2 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[(n % ALPHABET.len() as u64) as usize]));
        n /= ALPHABET.len() as u64;
    }
    out
}

/// Whether `typed` is the code of the pause at `month`: case, spaces and dashes do not matter.
pub fn code_matches(content: &Content, month: u16, typed: &str) -> bool {
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let want = clean(&code(content, month));
    !want.is_empty() && clean(typed) == want
}

/// Why a new version of the scenario file cannot replace the pauses of a game of `current`:
/// it must be the same world (same fingerprint: only its pauses may differ).
pub fn new_version_problem(current: &Content, new: &Content) -> Option<String> {
    let (a, b) = (fingerprint(current), fingerprint(new));
    if a == b {
        return None;
    }
    let short = |f: u64| {
        let mut hex = crate::game::hash::hex(f);
        hex.truncate(8);
        hex
    };
    Some(format!(
        "this file is a different world from the game's (fingerprint {} instead of {}): a new \
         version may change only pause_at; ask your teacher for the code instead",
        short(b),
        short(a)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paused(at: &[u16]) -> Content {
        let mut c = crate::content::load_builtin("classroom", None).expect("classroom");
        c.pause_at = at.to_vec();
        c
    }

    #[test]
    fn a_game_pauses_at_the_start_of_the_month_until_a_move_or_an_unlock() {
        let c = paused(&[6, 10]);
        assert_eq!(due(&c, 5, false, &[]), Some(6));
        assert_eq!(due(&c, 4, false, &[]), None);
        assert_eq!(due(&c, 5, true, &[]), None, "a month once begun goes on");
        assert_eq!(due(&c, 5, false, &[6]), None, "unlocked");
        assert_eq!(due(&c, 9, false, &[6]), Some(10));
    }

    #[test]
    fn the_code_is_the_same_for_the_class_and_differs_by_month_and_world() {
        let c = paused(&[6, 10]);
        let six = code(&c, 6);
        assert_eq!(six.len(), 7);
        assert_eq!(six, code(&paused(&[6]), 6), "moving a pause keeps the code");
        assert_ne!(six, code(&c, 10));
        let mut other = paused(&[6]);
        other.scenario.seed = Some(1);
        assert_ne!(six, code(&other, 6));
        assert!(code_matches(&c, 6, &six.to_lowercase().replace('-', " ")));
        assert!(!code_matches(&c, 6, ""));
        assert!(!code_matches(&c, 10, &six));
    }

    #[test]
    fn only_a_version_that_moves_pauses_may_replace_them() {
        let c = paused(&[6, 10]);
        assert_eq!(new_version_problem(&c, &paused(&[10])), None);
        let mut other = paused(&[10]);
        other.scenario.months = 11;
        assert!(new_version_problem(&c, &other).is_some_and(|m| m.contains("pause_at")));
    }
}
