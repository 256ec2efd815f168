//! Replaying a game with some of its levers taken out, on its own dice or on fresh ones, and
//! reading from a replay when the player reaches (or at its end pace would reach)
//! superintelligence.
//!
//! A replay is tolerant: a decision the rules now refuse (a person already hired, a stage
//! that needs one taken out, money spent elsewhere) is skipped. Events are answered as soon
//! as they come up (the rules take no other decision while one waits): with the player's own
//! answers when the player's event answers are kept (the n-th time an event comes up gets
//! the player's answer to its n-th time), otherwise, and for an event the player never saw,
//! with its first allowed option. A game that was over is played on to its end with no
//! further decisions; an unfinished one stops where it stands.

use std::collections::BTreeMap;

use crate::game::Command;
use crate::game::data::Content;
use crate::game::rng::Pcg32;
use crate::game::rules;
use crate::game::state::{ChoiceSource, Dice, GameState, Lever, PLAYER};
use crate::game::units::Progress;

/// What a pending choice is, for matching the player's answers to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ChoiceKey {
    Event(u16),
    Poach,
}

fn key_of(state: &GameState) -> Option<ChoiceKey> {
    state.pending.as_ref().map(|p| match p.source {
        ChoiceSource::Event(i) => ChoiceKey::Event(i),
        _ => ChoiceKey::Poach,
    })
}

/// The player's answers to each kind of choice, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(BTreeMap<ChoiceKey, Vec<u8>>);

impl Answers {
    /// The answers of the game `decisions` played in the world of `content` and `seed`, read
    /// by replaying it as it was.
    pub fn of(content: &Content, seed: u64, decisions: &[(u16, Command)]) -> Answers {
        let mut answers = Answers::default();
        let mut state = crate::game::init::new_game(content, seed);
        for (_, command) in decisions {
            if state.is_over() {
                break;
            }
            if let (Command::Choose(i), Some(key)) = (command, key_of(&state)) {
                answers.0.entry(key).or_default().push(*i);
            }
            let _ = rules::apply_quiet(content, &mut state, PLAYER, command);
        }
        answers
    }
}

/// Which of the player's decisions a replay keeps, and on which dice it plays.
pub struct Plan<'a> {
    pub decisions: &'a [(u16, Command)],
    /// Keeps a decision of this lever (event answers are [`Lever::Event`]).
    pub keep: &'a dyn Fn(Lever) -> bool,
    pub answers: &'a Answers,
    /// `None`: the game's own dice throughout; `Some((k, m))`: the game's own dice before
    /// month index `m`, then the k-th fresh dice of this world.
    pub dice: Option<(u32, u16)>,
    /// Play a finished game on to its end.
    pub finish: bool,
}

/// The fresh dice of month index `month` in the k-th set of this world: the same for every
/// game of the world and every replay that has left its own dice by then, so two replays meet
/// the same luck month by month. The talent market's stream stays the world's: the people on
/// the market are the world.
fn fresh_dice(seed: u64, k: u32, month: u16, world: &Pcg32) -> Dice {
    let stream = (u64::from(k) << 16 | u64::from(month)) + 0x5eed_0000_0000;
    let mut mix = Pcg32::new(seed, stream);
    let mut dice = Dice::new(mix.next_u64());
    dice.world = world.clone();
    dice
}

/// Rolls fresh dice for the month the game is in, if the plan says so.
fn roll(seed: u64, plan: &Plan, state: &mut GameState) {
    if let Some((k, from)) = plan.dice
        && state.month >= from
    {
        state.dice = fresh_dice(seed, k, state.month, &state.dice.world);
    }
}

/// A replay stopped at the start of a month, to go on from.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub state: GameState,
    /// The index of the next decision.
    pub next: usize,
    /// How many of each kind of choice were answered.
    used: BTreeMap<ChoiceKey, usize>,
}

/// Answers whatever choice is waiting, as the module says; false if one waits that no
/// option can answer.
fn settle(
    content: &Content,
    state: &mut GameState,
    answers: Option<&Answers>,
    used: &mut BTreeMap<ChoiceKey, usize>,
) -> bool {
    // A choice's answer may raise another; the guard keeps broken content from looping.
    for _ in 0..64 {
        let Some(key) = key_of(state) else {
            return true;
        };
        let n = used.entry(key).or_insert(0);
        let own = answers
            .and_then(|a| a.0.get(&key))
            .and_then(|list| list.get(*n))
            .map(|&i| Command::Choose(i));
        *n += 1;
        let allowed = |c: &Command| rules::check(content, state, PLAYER, c).is_ok();
        let options = state.pending.as_ref().map_or(0, |p| p.options.len());
        let answer = own.filter(allowed).or_else(|| {
            (0..options.min(usize::from(u8::MAX)) as u8)
                .map(Command::Choose)
                .find(allowed)
        });
        match answer {
            Some(c) if rules::apply_quiet(content, state, PLAYER, &c).is_ok() => {}
            _ => return false,
        }
    }
    state.pending.is_none()
}

/// The game replayed as `plan` says.
pub fn run(content: &Content, seed: u64, plan: &Plan) -> GameState {
    run_from(content, seed, plan, None, None)
}

/// The game replayed as `plan` says, from the start or from `from` (a snapshot of a replay
/// whose decisions so far `plan` keeps too), keeping in `months` (when given) a snapshot at
/// the start of every month it plays, the first included.
pub fn run_from(
    content: &Content,
    seed: u64,
    plan: &Plan,
    from: Option<&Snapshot>,
    mut months: Option<&mut Vec<Snapshot>>,
) -> GameState {
    let Snapshot {
        mut state,
        next,
        mut used,
    } = match from {
        Some(s) => s.clone(),
        None => Snapshot {
            state: crate::game::init::new_game(content, seed),
            next: 0,
            used: BTreeMap::new(),
        },
    };
    let answers = (plan.keep)(Lever::Event).then_some(plan.answers);
    let mut keep_month = |state: &GameState, next, used: &BTreeMap<ChoiceKey, usize>| {
        if let Some(list) = months.as_deref_mut() {
            list.push(Snapshot {
                state: state.clone(),
                next,
                used: used.clone(),
            });
        }
    };
    if from.is_none() {
        keep_month(&state, 0, &used);
    }
    roll(seed, plan, &mut state);
    for (i, (_, command)) in plan.decisions.iter().enumerate().skip(next) {
        if state.is_over() || !settle(content, &mut state, answers, &mut used) {
            break;
        }
        match command.lever() {
            // Answers are given as the choices come up.
            Some(Lever::Event) => {}
            Some(lever) if !(plan.keep)(lever) => {}
            _ => {
                let before = state.month;
                let _ = rules::apply_quiet(content, &mut state, PLAYER, command);
                if state.month != before && !state.is_over() {
                    keep_month(&state, i + 1, &used);
                    roll(seed, plan, &mut state);
                }
            }
        }
    }
    if plan.finish {
        let mut guard = u32::from(content.scenario.months) + 2;
        while !state.is_over()
            && guard > 0
            && settle(content, &mut state, answers, &mut used)
            && rules::apply_quiet(content, &mut state, PLAYER, &Command::EndMonth).is_ok()
        {
            roll(seed, plan, &mut state);
            guard -= 1;
        }
    } else {
        settle(content, &mut state, answers, &mut used);
    }
    state
}

/// When the player reaches superintelligence, in hundredths of a month from the start of the
/// game: read from the month it happened (the point inside the month where the month's gain
/// crosses 100), or, for a game that did not get there, projected at the pace of its last
/// three months. A pace that would take longer than three campaigns (or never) is counted as
/// three campaigns, so one stalled replay cannot swamp the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    pub hundredths: i64,
    /// Whether the player got there in the game (else it is a projection).
    pub reached: bool,
    /// Whether the projection hit the three-campaign limit.
    pub capped: bool,
}

/// How many months of history the end pace is read from.
const PACE_MONTHS: usize = 3;

impl Arrival {
    pub fn of(content: &Content, start: Progress, state: &GameState) -> Arrival {
        let player = |i: usize| -> i64 {
            i64::from(
                state
                    .history
                    .get(i)
                    .and_then(|h| h.progress.get(usize::from(PLAYER)))
                    .map_or(start.0, |p| p.0),
            )
        };
        let before = |i: usize| {
            if i == 0 {
                i64::from(start.0)
            } else {
                player(i - 1)
            }
        };
        let max = i64::from(Progress::MAX.0);
        let months = state.history.len();
        let cap = 300 * i64::from(content.scenario.months.max(1));
        if let Some(i) = (0..months).find(|&i| player(i) >= max) {
            let (from, to) = (before(i), player(i));
            let part = if to > from {
                ((max - from) * 100 / (to - from)).clamp(1, 100)
            } else {
                100
            };
            return Arrival {
                hundredths: i as i64 * 100 + part,
                reached: true,
                capped: false,
            };
        }
        let back = PACE_MONTHS.min(months);
        let end = before(months);
        let gain = end - before(months - back);
        let elapsed = months as i64 * 100;
        let needed = (max - end) * 100 * back as i64;
        let hundredths = if gain > 0 && needed / gain <= cap - elapsed {
            elapsed + needed / gain
        } else {
            cap.max(elapsed)
        };
        Arrival {
            hundredths,
            reached: false,
            capped: hundredths >= cap,
        }
    }
}
