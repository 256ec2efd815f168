//! What each lever of the player's was worth, in the currency of the race: how many months
//! sooner (or later) it brought superintelligence, and how much it raised (or lowered) the
//! chance of winning. Measured the only honest way: replay the same world with levers taken
//! out, and compare.
//!
//! - **The starting position** is the world with no decision at all (every event answered
//!   with its first allowed option): it depends on the world alone, so every game of a world
//!   has the same one.
//! - **Months** are read from replays on the game's own dice: the month the player reaches
//!   100, or, short of it, the month the end pace projects (see [`Arrival`]).
//! - **Win chance** is the share of wins among [`DICE`] replays with fresh dice: a replay with
//!   a lever taken out is the game itself until the month of that lever's first decision,
//!   then plays fresh dice (month by month the same sets for every subset of levers and every
//!   game of the world, so differences are fair). The game itself counts as it ended: won or
//!   lost. The starting position plays fresh dice from the first month.
//! - Each lever's part is its Shapley value: its gain averaged over every order in which the
//!   levers could be added, every subset replayed. The parts sum exactly to the total (the
//!   game against the starting position), so no leftover line is needed; a lever the win
//!   depended on gets the credit for it.
//!
//! Replays are independent, so they run on a few threads; the result does not depend on how
//! many.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::game::data::Content;
use crate::game::state::{Ending, GameState, Lever};
use crate::game::units::{Progress, round_div};
use crate::game::{Command, Game, hash};

use super::format::month_of;
pub use super::replay::Arrival;
use super::replay::{Answers, Plan, run_from};
use super::shapley::{factorial, shapley};

/// How many sets of fresh dice the win chance is measured on: every subset of five levers
/// is replayed on each, so 32 keeps a classroom game's debrief near 100 ms on two cores.
pub const DICE: u32 = 32;

/// A group of levers whose decisions are taken out together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeverGroup {
    /// As the debrief names it.
    pub name: &'static str,
    pub levers: &'static [Lever],
}

/// The levers credited one by one, in the order the lesson presents them. Safety, products,
/// morale, open releases, deals and the answers to events are credited together as "other
/// decisions". Every lever is in exactly one group.
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
            Lever::Event,
        ],
    },
];

/// The common denominator of the Shapley parts: `GROUPS.len()!`.
fn denominator() -> i64 {
    factorial(GROUPS.len())
}

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
    /// When the player reached (or would reach) superintelligence.
    pub arrival: Arrival,
}

impl Outcome {
    fn of(content: &Content, start: Progress, state: &GameState) -> Outcome {
        Outcome {
            progress: state.player().progress(),
            ending: state.ending.as_ref().map_or("unfinished", Ending::key),
            counter: state.month,
            month: month_of(content, state.month, state.is_over()),
            score: crate::game::score::score(content, state).total,
            arrival: Arrival::of(content, start, state),
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
    /// The game replayed on its own dice without this lever alone.
    pub without: Outcome,
    /// Months sooner (negative: later) it brought superintelligence, Shapley value, in
    /// hundredths of a month times [`Credit::denominator`].
    pub months: i64,
    /// Wins it added among the fresh-dice replays, Shapley value, times the denominator.
    pub wins: i64,
}

/// The win chances of the game's decisions and of the starting position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chances {
    /// How many fresh-dice replays each figure counts.
    pub dice: u32,
    /// The game itself, counted as it ended: `dice` if it was won, else 0.
    pub actual: u32,
    /// Wins of the starting position.
    pub baseline: u32,
}

/// The whole counterfactual account of one game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub actual: Outcome,
    /// The world with no decision at all.
    pub baseline: Outcome,
    pub levers: Vec<LeverCredit>,
    /// `None` for an unfinished game: a chance of winning is measured on finished games.
    pub chances: Option<Chances>,
    /// Whether replaying every decision gives back the actual game exactly. When it does not
    /// (a record that does not start at the game's start), the credit is not trustworthy and
    /// the debrief does not show it.
    pub faithful: bool,
}

/// One lever's line as shown: tenths of a month sooner, and percentage points of win chance,
/// apportioned so the lines sum to the shown total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: &'static str,
    pub decisions: u32,
    pub months_tenths: i64,
    pub chance_points: Option<i64>,
}

/// The result of one subset of levers: its outcome on the game's own dice and its wins on
/// fresh dice.
struct Subset {
    outcome: Outcome,
    wins: u32,
}

impl Credit {
    /// The Shapley parts' common denominator (`levers!`).
    pub fn denominator() -> i64 {
        denominator()
    }

    /// Replays the game of `content` and `seed` whose decisions were `decisions` (in order,
    /// with their months) and which ended as `actual`.
    pub fn measure(
        content: &Content,
        seed: u64,
        decisions: &[(u16, Command)],
        actual: &GameState,
    ) -> Credit {
        let finished = actual.is_over();
        let answers = Answers::of(content, seed, decisions);
        let start = crate::game::init::new_game(content, seed)
            .player()
            .progress();
        let in_group =
            |g: &LeverGroup, c: &Command| c.lever().is_some_and(|l| g.levers.contains(&l));
        let counts: Vec<u32> = GROUPS
            .iter()
            .map(|g| decisions.iter().filter(|(_, c)| in_group(g, c)).count() as u32)
            .collect();
        // Only levers the player used are replayed: one never touched changes nothing.
        let active: Vec<usize> = (0..GROUPS.len()).filter(|&i| counts[i] > 0).collect();
        // The index of each active lever's first decision.
        let first: Vec<usize> = active
            .iter()
            .map(|&g| {
                decisions
                    .iter()
                    .position(|(_, c)| in_group(&GROUPS[g], c))
                    .unwrap_or(decisions.len())
            })
            .collect();
        let n = active.len();
        let full = (1usize << n) - 1;
        let keep_of = |mask: usize| {
            let active = &active;
            move |lever: Lever| {
                active
                    .iter()
                    .enumerate()
                    .any(|(bit, &g)| mask & (1 << bit) != 0 && GROUPS[g].levers.contains(&lever))
            }
        };
        // The game itself, replayed on its own dice, keeping the start of every month.
        let mut months = Vec::new();
        let all = keep_of(full);
        let own = run_from(
            content,
            seed,
            &Plan {
                decisions,
                keep: &all,
                answers: &answers,
                dice: None,
                finish: finished,
            },
            None,
            Some(&mut months),
        );
        let own_hash = hash::canonical_hash(&own);
        let subset = |mask: usize| -> Subset {
            if mask == full {
                let won = own.ending.as_ref().is_some_and(Ending::is_win);
                return Subset {
                    outcome: Outcome::of(content, start, &own),
                    wins: if won { DICE } else { 0 },
                };
            }
            // Up to the month of the first decision taken out, this replay is the game
            // itself; from that month on it plays fresh dice. The starting position leaves
            // the game at its very start, whatever the game did, so it is the world's own.
            let removed = (0..n)
                .filter(|bit| mask & (1 << bit) == 0)
                .map(|bit| first[bit])
                .min()
                .unwrap_or(decisions.len());
            let at = if mask == 0 {
                0
            } else {
                months.iter().rposition(|s| s.next <= removed).unwrap_or(0)
            };
            let from = months.get(at);
            let leave = from.map_or(0, |s| s.state.month);
            let keep = keep_of(mask);
            let plan = |dice| Plan {
                decisions,
                keep: &keep,
                answers: &answers,
                dice,
                finish: finished,
            };
            let replayed = run_from(content, seed, &plan(None), from, None);
            let wins = if finished {
                (0..DICE)
                    .filter(|&k| {
                        run_from(content, seed, &plan(Some((k, leave))), from, None)
                            .ending
                            .as_ref()
                            .is_some_and(Ending::is_win)
                    })
                    .count() as u32
            } else {
                0
            };
            Subset {
                outcome: Outcome::of(content, start, &replayed),
                wins,
            }
        };
        let results = in_parallel(1 << n, subset);
        let base_arrival = results[0].outcome.arrival.hundredths;
        let gains: Vec<i64> = results
            .iter()
            .map(|r| base_arrival - r.outcome.arrival.hundredths)
            .collect();
        let wins: Vec<i64> = results.iter().map(|r| i64::from(r.wins)).collect();
        let scale = denominator() / factorial(n);
        let months = shapley(n, &gains);
        let chances = shapley(n, &wins);
        let levers = GROUPS
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let bit = active.iter().position(|&a| a == g);
                LeverCredit {
                    name: group.name,
                    decisions: counts[g],
                    without: bit.map_or_else(
                        || results[full].outcome.clone(),
                        |b| results[full & !(1 << b)].outcome.clone(),
                    ),
                    months: bit.map_or(0, |b| months[b] * scale),
                    wins: bit.map_or(0, |b| chances[b] * scale),
                }
            })
            .collect();
        Credit {
            faithful: own_hash == hash::canonical_hash(actual),
            actual: Outcome::of(content, start, actual),
            baseline: results[0].outcome.clone(),
            levers,
            chances: finished.then(|| Chances {
                dice: DICE,
                actual: results[full].wins,
                baseline: results[0].wins,
            }),
        }
    }

    /// [`Credit::measure`] for a game and its decisions.
    pub fn of_game(game: &Game, decisions: &[(u16, Command)]) -> Credit {
        Credit::measure(&game.content, game.state.seed, decisions, &game.state)
    }

    /// Tenths of a month after the start at which the starting position reaches
    /// superintelligence (or projects to), as shown.
    pub fn baseline_tenths(&self) -> i64 {
        round_div(self.baseline.arrival.hundredths, 10)
    }

    /// The same for the game itself.
    pub fn actual_tenths(&self) -> i64 {
        round_div(self.actual.arrival.hundredths, 10)
    }

    /// The win chance of the starting position and of the game's decisions, in whole
    /// percent as shown.
    pub fn chance_percent(&self) -> Option<(i64, i64)> {
        self.chances.as_ref().map(|c| {
            let pct = |w: u32| round_div(100 * i64::from(w), i64::from(c.dice.max(1)));
            (pct(c.baseline), pct(c.actual))
        })
    }

    /// Each lever's line; the shown months sum to the shown starting month minus the shown
    /// month of the game, and the shown chances to the shown difference of the chances.
    pub fn rows(&self) -> Vec<Row> {
        let d = denominator();
        let months: Vec<i64> = self.levers.iter().map(|l| l.months).collect();
        let shown_months = share(
            self.baseline_tenths() - self.actual_tenths(),
            &months,
            10 * d,
        );
        let shown_chances = self
            .chances
            .as_ref()
            .zip(self.chance_percent())
            .map(|(c, (b, a))| {
                let wins: Vec<i64> = self.levers.iter().map(|l| 100 * l.wins).collect();
                share(a - b, &wins, i64::from(c.dice.max(1)) * d)
            });
        self.levers
            .iter()
            .enumerate()
            .map(|(i, l)| Row {
                label: l.name,
                decisions: l.decisions,
                months_tenths: shown_months[i],
                chance_points: shown_chances.as_ref().map(|s| s[i]),
            })
            .collect()
    }

    /// The shown row of the lever called `name`.
    pub fn row(&self, name: &str) -> Option<Row> {
        self.rows().into_iter().find(|r| r.label == name)
    }

    /// The exact sum of the levers' months (hundredths of a month times the denominator).
    pub fn months_sum(&self) -> i64 {
        self.levers.iter().map(|l| l.months).sum()
    }

    /// The exact sum of the levers' wins (times the denominator).
    pub fn wins_sum(&self) -> i64 {
        self.levers.iter().map(|l| l.wins).sum()
    }
}

/// What the numbers mean, in one sentence, for every place that shows them.
pub const MEANING: &str = "Each lever's line is what its decisions were worth in the race: \
    how many months sooner they brought superintelligence and how many points they added to \
    your chance of winning (the game replayed without them, with fresh dice from the month \
    they were first used), averaged over every order in which your levers could have been \
    added, so the lines add up exactly to your game against the starting position, the same \
    world with no decision at all.";

/// "after 10.2 months", "after 19.4 months (projected)", "not within 36.0 months at its
/// end pace".
pub fn arrival_words(arrival: &Arrival) -> String {
    let t = round_div(arrival.hundredths, 10);
    let n = super::format::tenths(t);
    if arrival.reached {
        format!("after {n} months")
    } else if arrival.capped {
        format!("not within {n} months at its end pace")
    } else {
        format!("after {n} months (projected)")
    }
}

/// "+12 points", "-3 points", "+0 points" of win chance.
pub fn chance_words(points: i64) -> String {
    let unit = if points.abs() == 1 { "point" } else { "points" };
    if points < 0 {
        format!("{points} {unit}")
    } else {
        format!("+{points} {unit}")
    }
}

/// Shows `values` (in units of `unit`) as whole units summing to `total`: each is rounded
/// down, then the ones with the largest remainders get one more (or, when the rounded total
/// is below the sum of the floors, the smallest remainders one less), so a part is never more
/// than one unit from its value.
pub fn share(total: i64, values: &[i64], unit: i64) -> Vec<i64> {
    let unit = unit.max(1);
    let mut shown: Vec<i64> = values.iter().map(|v| v.div_euclid(unit)).collect();
    if values.is_empty() {
        return shown;
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(values[i].rem_euclid(unit)), i));
    let mut missing = total - shown.iter().sum::<i64>();
    let mut at = 0;
    while missing > 0 {
        shown[order[at % order.len()]] += 1;
        missing -= 1;
        at += 1;
    }
    let mut at = order.len();
    while missing < 0 {
        at = if at == 0 { order.len() - 1 } else { at - 1 };
        shown[order[at]] -= 1;
        missing += 1;
    }
    shown
}

/// `f` of every index below `count`, computed on a few threads, in index order.
fn in_parallel<T: Send>(count: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8)
        .min(count.max(1));
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<T>>> = Mutex::new((0..count).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    let value = f(i);
                    if let Ok(mut out) = out.lock() {
                        out[i] = Some(value);
                    }
                }
            });
        }
    });
    out.into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .map(|v| v.expect("every index is computed"))
        .collect()
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
        let credit = Credit::measure(&content, 11, &decisions, &state);
        assert!(credit.faithful);
        // The parts sum exactly to the game against the starting position.
        let d = denominator();
        assert_eq!(
            credit.months_sum(),
            d * (credit.baseline.arrival.hundredths - credit.actual.arrival.hundredths)
        );
        let c = credit.chances.as_ref().expect("a finished game");
        assert_eq!(
            credit.wins_sum(),
            d * (i64::from(c.actual) - i64::from(c.baseline))
        );
    }

    #[test]
    fn the_starting_position_is_the_worlds_not_the_games() {
        let content = content::load_builtin("classroom", None).expect("loads");
        let seed = content.scenario.seed.unwrap_or(4);
        let (hoard, hoarded) = play(&content, seed, Policy::Hoard);
        let (balanced, played) = play(&content, seed, Policy::Balanced);
        let a = Credit::measure(&content, seed, &hoarded, &hoard);
        let b = Credit::measure(&content, seed, &played, &balanced);
        assert_eq!(a.baseline, b.baseline);
        assert_eq!(
            a.chances.as_ref().map(|c| c.baseline),
            b.chances.as_ref().map(|c| c.baseline)
        );
        // Hoarding uses no lever but the answers to events.
        assert!(
            a.levers
                .iter()
                .filter(|l| l.name != "other decisions")
                .all(|l| l.decisions == 0 && l.months == 0 && l.wins == 0),
            "{a:?}"
        );
    }

    #[test]
    fn shown_parts_sum_to_the_shown_total() {
        assert_eq!(share(8, &[250, 250, 300], 100), vec![3, 2, 3]);
        assert_eq!(share(-1, &[-50, -50], 100).iter().sum::<i64>(), -1);
        assert_eq!(share(9, &[1000], 100), vec![9]);
    }
}
