//! What each lever of the player's was worth, measured the only honest way: replay the same
//! world (same content, same seed) with that lever's decisions taken out, and compare.
//!
//! A speed breakdown cannot say this: in the first month, with no decision made, research
//! already shows talent and compute from the lab the player inherited. Here the lab the
//! player started with is its own line, "the starting position": the same world replayed
//! with every decision removed except the answers to events (an event must be answered for
//! the game to go on).
//!
//! The result is an exact sum, in thousandths of a point of the player's final progress:
//! starting position + each lever's contribution + interaction = the actual result, where a
//! lever's contribution is actual − (actual without that lever), and the interaction is what
//! is left (levers helping or crowding out each other).
//!
//! A replay is tolerant: a decision the rules now refuse (a person already hired, a stage
//! that needs one taken out, money spent elsewhere) is skipped; an event answer the rules
//! refuse falls back to the first allowed option; an event the original game never saw is
//! answered with its first allowed option. A finished game is played on to its end with no
//! further decisions; an unfinished one stops where it stands.

use crate::game::data::Content;
use crate::game::rules;
use crate::game::state::{Ending, GameState, Lever, PLAYER};
use crate::game::units::Progress;
use crate::game::{Command, Game, hash};

use super::format::{apportion_points, month_of};

/// A group of levers whose decisions are taken out together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeverGroup {
    /// As the debrief names it.
    pub name: &'static str,
    pub levers: &'static [Lever],
}

/// The levers credited one by one, in the order the lesson presents them. Safety, products,
/// morale, open releases and deals are credited together as "other decisions".
pub const GROUPS: [LeverGroup; 5] = [
    LeverGroup {
        name: "hiring",
        levers: &[Lever::Hiring],
    },
    LeverGroup {
        name: "adopted tech",
        levers: &[Lever::AdoptTech],
    },
    LeverGroup {
        name: "pipeline",
        levers: &[Lever::Pipeline],
    },
    LeverGroup {
        name: "compute",
        levers: &[Lever::Compute],
    },
    LeverGroup {
        name: "other decisions",
        levers: &[
            Lever::Safety,
            Lever::Product,
            Lever::Morale,
            Lever::OpenRelease,
            Lever::Deal,
        ],
    },
];

/// How one game (played or replayed) came out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The player's overall progress at the end.
    pub progress: Progress,
    /// The ending's stable key, or "unfinished".
    pub ending: &'static str,
    /// The rules' month counter at the end.
    pub counter: u16,
    /// "month 11 of 12 (Nov 2026)".
    pub month: String,
    pub score: i64,
}

impl Outcome {
    fn of(content: &Content, state: &GameState) -> Outcome {
        Outcome {
            progress: state.player().progress(),
            ending: state.ending.as_ref().map_or("unfinished", Ending::key),
            counter: state.month,
            month: month_of(content, state.month, state.is_over()),
            score: crate::game::score::score(content, state).total,
        }
    }

    /// Whether it ended differently from `other` (another ending or another month).
    pub fn differs_from(&self, other: &Outcome) -> bool {
        self.ending != other.ending || self.counter != other.counter
    }
}

/// One lever's credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeverCredit {
    pub name: &'static str,
    /// How many of the player's decisions belong to it.
    pub decisions: u32,
    /// The game replayed without them.
    pub without: Outcome,
    /// Actual progress − progress without the lever, thousandths of a point.
    pub contribution: i64,
}

/// The whole counterfactual account of one game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub actual: Outcome,
    /// The same world with every decision but event answers taken out.
    pub baseline: Outcome,
    pub levers: Vec<LeverCredit>,
    /// Actual − baseline − the contributions, thousandths of a point.
    pub interaction: i64,
    /// Whether replaying every decision gives back the actual game exactly. When it does not
    /// (a record that does not start at the game's start), the credit is not trustworthy and
    /// the debrief does not show it.
    pub faithful: bool,
}

/// One row of the account as shown: a label, its value and its shown tenths of a point
/// (apportioned so the rows sum to the shown actual result).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: &'static str,
    pub value: i64,
    pub shown_tenths: i64,
}

impl Credit {
    /// Replays the game of `content` and `seed` whose decisions were `decisions` (in order,
    /// with their months) and which ended as `actual`.
    pub fn measure(
        content: &Content,
        seed: u64,
        decisions: &[(u16, Command)],
        actual: &GameState,
    ) -> Credit {
        let finish = actual.is_over();
        let full = replay(content, seed, decisions, |_| true, finish);
        let faithful = hash::canonical_hash(&full) == hash::canonical_hash(actual);
        let baseline = replay(
            content,
            seed,
            decisions,
            |c| matches!(c.lever(), None | Some(Lever::Event)),
            finish,
        );
        let actual_outcome = Outcome::of(content, actual);
        let levers: Vec<LeverCredit> = GROUPS
            .iter()
            .map(|g| {
                let kept = |c: &Command| !c.lever().is_some_and(|l| g.levers.contains(&l));
                let without = Outcome::of(content, &replay(content, seed, decisions, kept, finish));
                LeverCredit {
                    name: g.name,
                    decisions: decisions.iter().filter(|(_, c)| !kept(c)).count() as u32,
                    contribution: i64::from(actual_outcome.progress.0 - without.progress.0),
                    without,
                }
            })
            .collect();
        let baseline = Outcome::of(content, &baseline);
        let interaction = i64::from(actual_outcome.progress.0 - baseline.progress.0)
            - levers.iter().map(|l| l.contribution).sum::<i64>();
        Credit {
            actual: actual_outcome,
            baseline,
            levers,
            interaction,
            faithful,
        }
    }

    /// [`Credit::measure`] for a game and its decisions.
    pub fn of_game(game: &Game, decisions: &[(u16, Command)]) -> Credit {
        Credit::measure(&game.content, game.state.seed, decisions, &game.state)
    }

    /// The rows of the account, starting position first, then each lever, then the
    /// interaction; their shown values sum to the shown actual progress.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = vec![("the starting position", i64::from(self.baseline.progress.0))];
        rows.extend(self.levers.iter().map(|l| (l.name, l.contribution)));
        rows.push(("levers together (interaction)", self.interaction));
        let values: Vec<i64> = rows.iter().map(|(_, v)| *v).collect();
        let mut shown = apportion_points(&values);
        // The total is the actual progress as every other screen shows it; the apportioned
        // sum is that figure except at 99.95-99.99, which shows as 99.9, not 100.0.
        let gap = self.actual.progress.shown_tenths() - shown.iter().sum::<i64>();
        if let Some(first) = shown.first_mut() {
            *first += gap;
        }
        rows.iter()
            .zip(shown)
            .map(|((label, value), shown_tenths)| Row {
                label,
                value: *value,
                shown_tenths,
            })
            .collect()
    }

    /// The shown contribution of the lever called `name` (tenths), as in [`Credit::rows`].
    pub fn shown(&self, name: &str) -> Option<i64> {
        self.rows()
            .into_iter()
            .find(|r| r.label == name)
            .map(|r| r.shown_tenths)
    }

    /// The sum of the parts, which is the actual progress by construction.
    pub fn sum(&self) -> i64 {
        i64::from(self.baseline.progress.0)
            + self.levers.iter().map(|l| l.contribution).sum::<i64>()
            + self.interaction
    }
}

/// The first option of the pending event the rules allow.
fn first_allowed(content: &Content, state: &GameState) -> Option<Command> {
    let n = state.pending.as_ref()?.options.len();
    (0..n.min(usize::from(u8::MAX)) as u8)
        .map(Command::Choose)
        .find(|c| rules::check(content, state, PLAYER, c).is_ok())
}

/// Answers a pending event with its first allowed option; false when none is.
fn answer_first(content: &Content, state: &mut GameState) -> bool {
    match first_allowed(content, state) {
        Some(c) => rules::apply_quiet(content, state, PLAYER, &c).is_ok(),
        None => false,
    }
}

/// Ends the month, answering any event in the way first.
fn end_month(content: &Content, state: &mut GameState) -> bool {
    if state.pending.is_some() && !answer_first(content, state) {
        return false;
    }
    rules::apply_quiet(content, state, PLAYER, &Command::EndMonth).is_ok()
}

/// The game replayed with only the decisions `keep` accepts (event answers and month ends
/// must be kept by `keep` for the replay to be meaningful), then, if `finish`, played to its
/// end without further decisions.
pub fn replay(
    content: &Content,
    seed: u64,
    decisions: &[(u16, Command)],
    keep: impl Fn(&Command) -> bool,
    finish: bool,
) -> GameState {
    let mut state = crate::game::init::new_game(content, seed);
    for (_, command) in decisions {
        if state.is_over() {
            break;
        }
        if !keep(command) {
            continue;
        }
        match command {
            Command::EndMonth => {
                end_month(content, &mut state);
            }
            Command::Choose(_) => {
                if state.pending.is_none() {
                    continue;
                }
                if rules::apply_quiet(content, &mut state, PLAYER, command).is_err() {
                    answer_first(content, &mut state);
                }
            }
            _ => {
                // An event this replay met and the original did not is answered first.
                if state.pending.is_some() {
                    answer_first(content, &mut state);
                }
                let _ = rules::apply_quiet(content, &mut state, PLAYER, command);
            }
        }
    }
    if finish {
        // A month's end can only fail for a lock the rules rule out; the guard keeps a
        // broken content file from looping.
        let mut guard = u32::from(content.scenario.months) + 2;
        while !state.is_over() && guard > 0 && end_month(content, &mut state) {
            guard -= 1;
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::game::policy::{Policy, play};

    #[test]
    fn every_decision_kept_gives_back_the_game() {
        let content = content::load_builtin("classroom", None).expect("loads");
        let (state, decisions) = play(&content, 11, Policy::Balanced);
        let again = replay(&content, 11, &decisions, |_| true, true);
        assert_eq!(again, state);
        let credit = Credit::measure(&content, 11, &decisions, &state);
        assert!(credit.faithful);
        assert_eq!(credit.sum(), i64::from(state.player().progress().0));
    }

    #[test]
    fn a_game_without_decisions_is_its_own_starting_position() {
        let content = content::load_builtin("classroom", None).expect("loads");
        let (state, decisions) = play(&content, 4, Policy::Hoard);
        let credit = Credit::measure(&content, 4, &decisions, &state);
        // Hoarding only ends months and answers events: nothing to credit to a lever.
        assert_eq!(credit.baseline.progress, state.player().progress());
        assert!(
            credit.levers.iter().all(|l| l.contribution == 0),
            "{credit:?}"
        );
        assert_eq!(credit.interaction, 0);
    }
}
