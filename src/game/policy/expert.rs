//! The expert: a fair player that looks ahead. At the start of each month it imagines several
//! futures, plays each of its candidate plans forward to the end of the campaign in every one
//! of them, and plays this month the plan that did best on average. A question (an event's
//! choice, a poaching offer) is answered the same way: each allowed answer, then the month's
//! plan, in the same imagined futures.
//!
//! Fair means it never sees the game's own dice: every imagined future is the current state
//! with its dice replaced by fresh ones drawn from the expert's own dice, so what it knows is
//! what the player knows (the state on screen), never what the game will draw next. Comparing
//! candidates in the same imagined futures (common dice) keeps the comparison sharp with few
//! samples.
//!
//! Playing the best of several plans from every state is at least as good, on average, as
//! playing any one of them throughout (the rollout argument), so the expert should beat every
//! fixed plan among its candidates when the rules reward judgement, and only matches them when
//! one fixed line is right in every situation.

use super::super::command::Command;
use super::super::data::Content;
use super::super::rng::Pcg32;
use super::super::rules;
use super::super::state::{Dice, GameState, PLAYER};
use super::plan::Plan;
use super::{MAX_COMMANDS_PER_MONTH, Policy, params};

/// How much a win is worth over any lead a game can end with, so the expert plays for wins
/// first and for a larger lead second.
const WIN_VALUE: i64 = 100_000;

/// The expert's settings: the plans it chooses among and how many futures it imagines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expert {
    /// The plans it chooses among each month; the first is its starting plan.
    pub candidates: Vec<Plan>,
    /// Futures imagined per decision (each candidate plays every one of them).
    pub samples: u32,
}

impl Default for Expert {
    fn default() -> Self {
        Expert {
            candidates: Self::ARCHETYPES
                .iter()
                .filter_map(|p| p.params())
                .map(Plan::fixed)
                .collect(),
            samples: 8,
        }
    }
}

/// What the expert remembers within a game: the month it last planned and the plan chosen.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    planned_month: Option<u16>,
    current: usize,
}

impl Expert {
    /// The shipped strategies it chooses among by default.
    pub const ARCHETYPES: [Policy; 6] = [
        Policy::TalentFirst,
        Policy::ComputeFirst,
        Policy::AdoptFirst,
        Policy::PipelineFirst,
        Policy::Balanced,
        Policy::Reckless,
    ];

    /// The default expert with `plan` (a tuned strategy) as its first candidate.
    pub fn with_base(plan: Plan) -> Expert {
        let mut e = Expert::default();
        e.candidates.insert(0, plan);
        e
    }

    /// The expert's next command. `rng` is the expert's own dice, never the game's.
    pub fn next_command(
        &self,
        content: &Content,
        state: &GameState,
        rng: &mut Pcg32,
        this_month: &[Command],
        memory: &mut Memory,
    ) -> Command {
        if self.candidates.is_empty() {
            return Command::EndMonth;
        }
        let current = memory.current.min(self.candidates.len() - 1);
        if state.pending.is_some() {
            return self
                .answer(content, state, rng, current)
                .map_or(Command::EndMonth, Command::Choose);
        }
        if state.player().weeks == 0 {
            return Command::EndMonth;
        }
        if memory.planned_month != Some(state.month) {
            memory.current = self.best_plan(content, state, rng, current);
            memory.planned_month = Some(state.month);
        }
        let plan = &self.candidates[memory.current];
        params::next_move(plan.params_for(state), content, state, this_month)
            .unwrap_or(Command::EndMonth)
    }

    /// The candidate that does best on average from here. It leaves `current` only for one
    /// that wins at least one imagined future more (net): with few futures the best-looking of
    /// several plans is often only the luckiest, and changing course on luck costs games.
    pub fn best_plan(
        &self,
        content: &Content,
        state: &GameState,
        rng: &mut Pcg32,
        current: usize,
    ) -> usize {
        let seeds = self.seeds(rng);
        let total = |plan: &Plan| -> i64 {
            seeds
                .iter()
                .map(|s| {
                    let mut future = imagined(content, state, *s);
                    roll_out(content, &mut future, plan);
                    value(&future)
                })
                .sum()
        };
        let stay = total(&self.candidates[current]);
        let mut best = current;
        let mut best_total = stay + WIN_VALUE - 1;
        for (i, plan) in self.candidates.iter().enumerate() {
            if i == current {
                continue;
            }
            let t = total(plan);
            if t > best_total {
                best = i;
                best_total = t;
            }
        }
        best
    }

    /// The allowed answer to the pending question that does best on average when the plan
    /// `current` plays on; the plan's own answer unless another wins at least one imagined
    /// future more (net).
    fn answer(
        &self,
        content: &Content,
        state: &GameState,
        rng: &mut Pcg32,
        current: usize,
    ) -> Option<u8> {
        let pending = state.pending.as_ref()?;
        let plan = &self.candidates[current];
        let own = params::answer(plan.params_for(state), content, state);
        let allowed: Vec<u8> = (0..pending.options.len() as u8)
            .filter(|o| rules::check(content, state, PLAYER, &Command::Choose(*o)).is_ok())
            .collect();
        if allowed.len() < 2 {
            return allowed.first().copied().or(own);
        }
        let seeds = self.seeds(rng);
        let total = |option: u8| -> i64 {
            seeds
                .iter()
                .map(|s| {
                    let mut future = imagined(content, state, *s);
                    if rules::apply_quiet(content, &mut future, PLAYER, &Command::Choose(option))
                        .is_err()
                    {
                        return i64::MIN / 4;
                    }
                    roll_out(content, &mut future, plan);
                    value(&future)
                })
                .sum()
        };
        let first = own.filter(|o| allowed.contains(o)).unwrap_or(allowed[0]);
        let mut best = first;
        let mut best_total = total(first) + WIN_VALUE - 1;
        for &o in &allowed {
            if o == first {
                continue;
            }
            let t = total(o);
            if t > best_total {
                best = o;
                best_total = t;
            }
        }
        Some(best)
    }

    fn seeds(&self, rng: &mut Pcg32) -> Vec<u64> {
        (0..self.samples.max(1)).map(|_| rng.next_u64()).collect()
    }
}

/// The state as the player knows it, with a future of its own: every stream of the game's
/// dice replaced by fresh ones from `seed`, and the rivals' hidden progress imagined from the
/// player's estimates (see `intel::imagine_truth`), so nothing the game keeps hidden reaches
/// the lookahead.
pub fn imagined(content: &Content, state: &GameState, seed: u64) -> GameState {
    let mut s = state.clone();
    s.seed = seed;
    s.dice = Dice::new(seed);
    let mut own = Pcg32::new(seed, 7);
    super::super::intel::imagine_truth(content, &mut s, &mut own);
    s
}

/// What a finished (or cut-off) imagined game is worth to the expert: a win first, then the
/// lead over the best rival at the end (tenths of a point), a catastrophe the least of all.
fn value(state: &GameState) -> i64 {
    use super::super::state::Ending;
    let won = state.ending.as_ref().is_some_and(Ending::is_win);
    if matches!(state.ending, Some(Ending::Catastrophe)) {
        return -WIN_VALUE;
    }
    let p = state.player().progress().0;
    let best = state.labs[1..]
        .iter()
        .map(|l| l.progress().0)
        .max()
        .unwrap_or(0);
    i64::from(won) * WIN_VALUE + i64::from((p - best) / 100).clamp(-1000, 1000)
}

/// Plays `plan` from `state` to the end of the game (or until a month will not end).
pub fn roll_out(content: &Content, state: &mut GameState, plan: &Plan) {
    let mut this_month: Vec<Command> = Vec::new();
    let mut in_month = 0u32;
    while !state.is_over() && in_month < MAX_COMMANDS_PER_MONTH {
        let params = plan.params_for(state);
        let cmd = if state.pending.is_some() {
            params::answer(params, content, state).map_or(Command::EndMonth, Command::Choose)
        } else if state.player().weeks == 0 {
            Command::EndMonth
        } else {
            params::next_move(params, content, state, &this_month).unwrap_or(Command::EndMonth)
        };
        let month = state.month;
        if rules::apply_quiet(content, state, PLAYER, &cmd).is_ok() {
            this_month.push(cmd);
        } else if cmd == Command::EndMonth
            || rules::apply_quiet(content, state, PLAYER, &Command::EndMonth).is_err()
        {
            return;
        }
        if state.month == month {
            in_month += 1;
        } else {
            in_month = 0;
            this_month.clear();
        }
    }
}
