//! Copies in a class: games identical to a shipped script, games identical or nearly identical
//! to a classmate's, forks of a classmate's game, and a student's earlier save beside the later
//! one.
//!
//! A file cannot say who copied whom, so a mark between classmates is put on *both* saves,
//! each naming the other, and both stay ranked: the teacher decides. Only what is certain is
//! taken out of the ranking: a game that is a shipped script's own, move for move, and a
//! student's earlier save of a game whose later save is in the folder too.

use crate::game::hash::canonical_hash;
use crate::game::policy::follow::Follower;
use crate::game::policy::{self, Policy};
use crate::game::{Command, Content, Game};
use crate::save::{self, Decision};

use super::class::{Failed, Loaded};

/// Fewest decisions a game must have before a shared beginning or a few edits mean anything:
/// every game opens with a handful of obvious moves.
const MIN_DECISIONS: usize = 8;

/// A shared beginning of at least this many quarters of the shorter game is a near-copy.
const PREFIX_QUARTERS: usize = 3;

/// At most this many edits (a decision changed, added or removed) per this many decisions of
/// the shorter game, and at least one, is a near-copy.
const EDITS_PER: usize = 20;

/// The word a reason gives a player's earlier save, or second copy, of one game.
const SUPERSEDED: &str = "superseded";

/// Whether a file was set aside as a player's earlier save, or second copy, of a game that is
/// ranked (the live board counts these rather than list them).
pub(crate) fn is_superseded(f: &Failed) -> bool {
    f.reason.contains(&format!(": {SUPERSEDED}, "))
}

/// What [`script_of`] finds: the script a game is, or the one it follows longest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ScriptMatch {
    /// The first shipped script that plays exactly these decisions.
    pub(crate) exact: Option<Policy>,
    /// The script whose game shares the longest beginning with this one, and its length.
    pub(crate) longest: Option<(Policy, usize)>,
}

/// The first shipped script (in [`Policy::ALL`]'s order) that plays exactly `decisions` in the
/// world of `content` and `seed` (a finished game must be the script's whole game, an
/// unfinished one its beginning), and the script that follows the game longest. Each script is
/// played only up to its first decision that differs from the save's, so a student's game
/// (which leaves every script within its first months) costs little beside its own replay.
pub(crate) fn script_of(
    content: &Content,
    seed: u64,
    decisions: &[Decision],
    finished: bool,
) -> ScriptMatch {
    let n = decisions.len();
    let mut found = ScriptMatch::default();
    if n == 0 {
        return found;
    }
    let start = crate::game::init::new_game(content, seed);
    for p in Policy::ALL {
        let mut same = 0usize;
        let played =
            policy::play_strategy_while(content, start.clone(), seed, &p.strategy(), |i, d| {
                if i >= n || decisions[i] != *d {
                    // A decision the save does not have, or another one.
                    return false;
                }
                same = i + 1;
                // An unfinished game is matched by the script's beginning: no need to go on.
                finished || i + 1 < n
            });
        if same == n && played.decisions.len() == n {
            found.exact = Some(p);
            return found;
        }
        if found.longest.is_none_or(|(_, l)| same > l) {
            found.longest = Some((p, same));
        }
    }
    found
}

/// Every shipped script followed along a save's own replay (see [`Follower`]): the answer of
/// [`script_of`] without playing any script's game again. A save made by a script (a reference
/// game, or a student's copy of one) would otherwise be played twice in full.
#[derive(Debug, Default)]
pub(crate) struct ScriptWatch {
    followers: Vec<(Policy, Follower)>,
    seen: usize,
}

impl ScriptWatch {
    /// Shown the game before each of its decisions, in order, and the decision.
    pub(crate) fn see(&mut self, game: &Game, decision: &Command) {
        if self.seen == 0 {
            // script_of gives each script the world's seed for its dice.
            self.followers = Policy::ALL
                .into_iter()
                .map(|p| (p, Follower::new(p.strategy(), game.state.seed)))
                .collect();
        }
        self.seen += 1;
        for (_, f) in &mut self.followers {
            f.step(&game.content, &game.state, decision);
        }
    }

    /// What [`script_of`] finds for the save of `decisions` decisions, if the watch saw every
    /// one of them (a save that did not take the cached path was not watched).
    pub(crate) fn result(&self, decisions: usize) -> Option<ScriptMatch> {
        if self.seen != decisions {
            return None;
        }
        let mut found = ScriptMatch::default();
        // In script_of's order: the first exact script, and the longest before it.
        for (p, f) in &self.followers {
            let same = f.same();
            if same == decisions {
                found.exact = Some(*p);
                return Some(found);
            }
            if found.longest.is_none_or(|(_, l)| same > l) {
                found.longest = Some((*p, same));
            }
        }
        Some(found)
    }
}

/// One hash per decision: what the near-copy checks compare.
pub(crate) fn move_hashes(decisions: &[Decision]) -> Vec<u64> {
    decisions.iter().map(canonical_hash).collect()
}

/// How many decisions two games share from the start.
fn shared_prefix(a: &[u64], b: &[u64]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// The edit distance between two games (decisions changed, added or removed), if it is at most
/// `limit`. Only a band of width `2 * limit + 1` is computed and the work stops as soon as
/// every cell exceeds the limit, so two different games cost a few rows.
fn edits_within(a: &[u64], b: &[u64], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let over = limit + 1;
    let m = b.len();
    // prev[j] = distance between a[..i] and b[..j].
    let mut prev: Vec<usize> = (0..=m).map(|j| j.min(over)).collect();
    let mut cur = vec![over; m + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(limit).max(1);
        let hi = (i + limit).min(m);
        cur.iter_mut().for_each(|c| *c = over);
        cur[0] = i.min(over);
        let mut best = cur[0];
        for j in lo..=hi {
            let change = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let v = change.min(prev[j] + 1).min(cur[j - 1] + 1).min(over);
            cur[j] = v;
            best = best.min(v);
        }
        if best > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[m]).filter(|d| *d <= limit)
}

/// How two games compare, when they are alike enough to mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Likeness {
    /// The same decisions, move for move.
    Identical,
    /// `shared` decisions the same from the start, `edits` apart (if few), of `shorter`.
    Near {
        shared: usize,
        edits: Option<usize>,
        shorter: usize,
    },
}

/// Whether game `a` is a copy or a near-copy of game `b`.
fn likeness(a: &[u64], b: &[u64]) -> Option<Likeness> {
    if a == b {
        return (!a.is_empty()).then_some(Likeness::Identical);
    }
    let shorter = a.len().min(b.len());
    if shorter < MIN_DECISIONS {
        return None;
    }
    let shared = shared_prefix(a, b);
    let limit = (shorter / EDITS_PER).max(1);
    let edits = edits_within(a, b, limit);
    (edits.is_some() || shared * 4 >= shorter * PREFIX_QUARTERS).then_some(Likeness::Near {
        shared,
        edits,
        shorter,
    })
}

/// "Bob (bob.ron)".
fn who(l: &Loaded) -> String {
    format!("{} ({})", l.entry.player, l.entry.file)
}

/// Whether two saves are one student's (the same name, or both nameless).
fn one_player(a: &Loaded, b: &Loaded) -> bool {
    a.named == b.named
}

/// Whether `fork` records `parent`'s game as the one it was forked from.
fn forked_from(fork: &Loaded, parent: &Loaded) -> Option<u16> {
    let p = fork.parent.as_ref()?;
    save::is_parent(p, &parent.content, parent.seed, &parent.moves).then_some(p.month)
}

/// Sorts the saves of one world: a shipped script's own game and a student's earlier save of
/// a game saved later too go to `failed`; the same game saved twice by one student is kept
/// once; every other save is kept, with a mark on each copy, near-copy and fork that names the
/// other save.
pub(crate) fn sort_out(loaded: Vec<Loaded>, failed: &mut Vec<Failed>) -> Vec<Loaded> {
    let mut kept: Vec<Loaded> = Vec::new();
    for l in loaded {
        // A reference game `sim --save-dir` wrote, named for its script, is ranked as itself.
        let reference = l
            .script
            .exact
            .is_some_and(|p| l.named.as_deref() == Some(crate::sim::player_of(p.name()).as_str()));
        let mut l = l;
        l.entry.reference = reference;
        // A student who made every move with the suggestion key plays the `balanced` script's
        // game: ranked, and shown as such (the report gives the share of suggested moves).
        let all_suggested = l.entry.suggested.all();
        if all_suggested && l.script.exact == Some(Policy::Balanced) && !reference {
            l.entry.flags.push(
                "every move made with the suggestion key (d), which plays the `balanced` \
                 script's moves: the game is the suggestion's, not the student's own choices"
                    .to_string(),
            );
        } else if let Some(p) = l.script.exact.filter(|_| !reference) {
            failed.push(Failed {
                file: l.entry.file.clone(),
                reason: format!(
                    "plays exactly like the `{}` script (the game `ai-race sim --policy {}` plays \
                     in this world), decision for decision: not ranked",
                    p.name(),
                    p.name()
                ),
            });
            continue;
        }
        kept.push(l);
    }
    kept.sort_by(|a, b| a.entry.file.cmp(&b.entry.file));
    // One student's saves of one game: the same game twice, or an earlier save of it.
    let mut out: Vec<Loaded> = Vec::new();
    for l in kept {
        let same_game = |k: &Loaded| {
            one_player(k, &l)
                && (k.hashes == l.hashes
                    || (!k.hashes.is_empty()
                        && !l.hashes.is_empty()
                        && (k.hashes.starts_with(&l.hashes) || l.hashes.starts_with(&k.hashes))))
        };
        let Some(p) = out.iter().position(same_game) else {
            out.push(l);
            continue;
        };
        if out[p].hashes == l.hashes {
            failed.push(Failed {
                reason: format!(
                    "the same game as {} (same player): {SUPERSEDED}, ranked once",
                    out[p].entry.file
                ),
                file: l.entry.file,
            });
            continue;
        }
        let earlier = if l.hashes.len() < out[p].hashes.len() {
            l
        } else {
            std::mem::replace(&mut out[p], l)
        };
        let later = &out[p];
        failed.push(Failed {
            reason: format!(
                "an earlier save (month {}) of the game {} saved later (month {}), same player: \
                 {SUPERSEDED}, the later save is ranked",
                earlier.entry.month, later.entry.file, later.entry.month
            ),
            file: earlier.entry.file,
        });
    }
    // A game alone in its world is not ranked against anyone: the scripts' whole games are
    // played only for worlds a class shares (a folder of a thousand one-game worlds would
    // otherwise play sixteen games per save).
    let scripts = match out.as_slice() {
        [first, _, ..] => script_games(&first.content, first.seed),
        _ => Vec::new(),
    };
    mark(&mut out, &scripts);
    out
}

/// Every shipped script's whole game in a world, one hash per decision: a save a few edits from
/// one is a script's game run with a setting changed (`sim --params`) or edited. Played once
/// per world, not per save.
fn script_games(content: &Content, seed: u64) -> Vec<(Policy, Vec<u64>)> {
    Policy::ALL
        .into_iter()
        .map(|p| (p, move_hashes(&policy::play(content, seed, p).1)))
        .collect()
}

/// Marks every pair of saves that are copies, near-copies or a fork and its parent, and every
/// save that follows a shipped script for most of its game.
fn mark(saves: &mut [Loaded], scripts: &[(Policy, Vec<u64>)]) {
    let mut marks: Vec<Vec<String>> = vec![Vec::new(); saves.len()];
    for i in 0..saves.len() {
        for j in i + 1..saves.len() {
            let (a, b) = (&saves[i], &saves[j]);
            if one_player(a, b) && a.named.is_some() {
                continue;
            }
            if let Some(month) = forked_from(a, b) {
                marks[i].push(fork_mark(b, month, true));
                marks[j].push(fork_mark(a, month, false));
                continue;
            }
            if let Some(month) = forked_from(b, a) {
                marks[j].push(fork_mark(a, month, true));
                marks[i].push(fork_mark(b, month, false));
                continue;
            }
            match likeness(&a.hashes, &b.hashes) {
                Some(Likeness::Identical) => {
                    marks[i].push(identical_mark(b));
                    marks[j].push(identical_mark(a));
                }
                Some(near @ Likeness::Near { .. }) => {
                    marks[i].push(near_mark(b, near));
                    marks[j].push(near_mark(a, near));
                }
                None => {}
            }
        }
    }
    for (l, m) in saves.iter_mut().zip(marks) {
        l.entry.flags.extend(m);
        if let Some(s) = script_mark(l, scripts) {
            l.entry.flags.push(s);
        }
    }
}

fn identical_mark(other: &Loaded) -> String {
    format!(
        "identical decisions, move for move, to the save of {}: one may be a copy of the other \
         under another name; both stay ranked until the teacher checks",
        who(other)
    )
}

fn near_mark(other: &Loaded, near: Likeness) -> String {
    let Likeness::Near {
        shared,
        edits,
        shorter,
    } = near
    else {
        return identical_mark(other);
    };
    let edits = match edits {
        Some(1) => ", 1 decision changed, added or removed".to_string(),
        Some(e) => format!(", {e} decisions changed, added or removed"),
        None => String::new(),
    };
    format!(
        "nearly the same decisions as the save of {}: the first {shared} of {shorter} the \
         same{edits}; one may be an edited copy of the other; both stay ranked until the teacher \
         checks",
        who(other)
    )
}

fn fork_mark(other: &Loaded, month: u16, is_fork: bool) -> String {
    if is_fork {
        format!(
            "a fork (`ai-race fork`) at month {month} of the game of {}: the months before are \
             that game's; both stay ranked until the teacher checks",
            who(other)
        )
    } else {
        format!(
            "the save of {} is a fork of this game at month {month}: its months before are this \
             game's; both stay ranked until the teacher checks",
            who(other)
        )
    }
}

/// A mark for a game that follows a shipped script for most of its decisions (a script run
/// with a setting changed, `sim --params`, or a script's save edited).
fn script_mark(l: &Loaded, scripts: &[(Policy, Vec<u64>)]) -> Option<String> {
    let n = l.hashes.len();
    if n < MIN_DECISIONS || l.entry.reference {
        return None;
    }
    let (p, same) = l.script.longest?;
    if same * 4 < n * PREFIX_QUARTERS {
        // Not the script's beginning: maybe its game with a few decisions changed.
        let (p, edits) = scripts.iter().find_map(|(p, game)| {
            let limit = (n.min(game.len()) / EDITS_PER).max(1);
            edits_within(&l.hashes, game, limit).map(|e| (*p, e))
        })?;
        return Some(format!(
            "within {edits} decision{} changed, added or removed of the game of the `{}` script \
             (`ai-race sim --policy {}`): it may be the script run with a setting changed \
             (`sim --params`) or its game edited",
            if edits == 1 { "" } else { "s" },
            p.name(),
            p.name()
        ));
    }
    Some(format!(
        "follows the `{}` script (`ai-race sim --policy {}`) for its first {same} of {n} \
         decisions: it may be the script's game, edited or run with a setting changed",
        p.name(),
        p.name()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watch_along_a_replay_finds_what_playing_the_scripts_finds() {
        let content = crate::content::builtin("race-2025", Some("normal")).expect("built-in");
        let seed = 11;
        let mut games: Vec<Vec<Decision>> = [Policy::Random, Policy::Balanced, Policy::Hoard]
            .into_iter()
            .map(|p| policy::play(&content, seed, p).1)
            .collect();
        let other = policy::play_strategy(&content, seed, 5, &policy::Strategy::Random);
        games.push(other.decisions);
        for game in &games {
            // The whole game, an unfinished beginning of it, and nothing.
            for cut in [game.len(), game.len() / 2, 0] {
                let decisions = &game[..cut];
                let mut watch = ScriptWatch::default();
                let play = crate::save::Playthrough::replay_watched(
                    std::sync::Arc::clone(&content),
                    seed,
                    decisions,
                    &mut |g, d| watch.see(g, d),
                )
                .expect("a script's game replays");
                let finished = play.game.state.ending.is_some();
                assert_eq!(
                    watch.result(decisions.len()),
                    Some(script_of(&content, seed, decisions, finished)),
                    "{cut} decisions"
                );
            }
        }
        assert_eq!(ScriptWatch::default().result(3), None, "a save not watched");
    }

    #[test]
    fn edit_distance_is_exact_within_its_limit() {
        let a = [1, 2, 3, 4, 5, 6, 7, 8];
        assert_eq!(edits_within(&a, &a, 1), Some(0));
        assert_eq!(edits_within(&a, &[1, 2, 3, 9, 5, 6, 7, 8], 1), Some(1));
        assert_eq!(edits_within(&a, &[1, 2, 3, 5, 6, 7, 8], 1), Some(1));
        assert_eq!(edits_within(&a, &[1, 2, 3, 4, 4, 5, 6, 7, 8], 2), Some(1));
        assert_eq!(edits_within(&a, &[9, 2, 3, 9, 5, 6, 7, 8], 1), None);
        assert_eq!(edits_within(&a, &[9, 2, 3, 9, 5, 6, 7, 8], 2), Some(2));
        assert_eq!(edits_within(&a, &[8, 7, 6, 5, 4, 3, 2, 1], 3), None);
        assert_eq!(edits_within(&a, &[1, 2], 3), None);
    }

    #[test]
    fn a_long_shared_beginning_or_one_edit_is_near() {
        let a: Vec<u64> = (0..40).collect();
        let mut one = a.clone();
        one[20] = 99;
        assert!(matches!(
            likeness(&a, &one),
            Some(Likeness::Near {
                shared: 20,
                edits: Some(1),
                shorter: 40
            })
        ));
        let mut tail = a.clone();
        for v in &mut tail[31..] {
            *v += 100;
        }
        assert!(matches!(
            likeness(&a, &tail),
            Some(Likeness::Near { shared: 31, .. })
        ));
        let other: Vec<u64> = (100..140).collect();
        assert_eq!(likeness(&a, &other), None);
        assert_eq!(likeness(&a, &a), Some(Likeness::Identical));
    }
}
