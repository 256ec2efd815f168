//! Scripted strategies that play the player's side headless: for balance checks, for the
//! simulator, for the balance search and for lessons ("what happens if everyone only hires?").
//!
//! Every scripted strategy but `random` is the parameterised priority policy of [`params`]
//! with a fixed set of parameters; the balance search looks for stronger sets. A strategy
//! always answers a pending choice with an option the rules allow, ends the month when it has
//! nothing allowed to do, and [`play_strategy`] stops a game that makes no progress and
//! reports it as stalled.

pub mod expert;
pub mod follow;
pub mod params;
pub mod plan;

use super::command::Command;
use super::data::Content;
use super::rng::Pcg32;
use super::rules;
use super::state::{GameState, PLAYER};

pub use expert::Expert;
pub use params::{Action, ChoicePref, HirePref, Params, StagePref, TechPref};
pub use plan::{Cond, Plan, Rule};

/// A named scripted strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    Random,
    HireOnly,
    AdoptOnly,
    PipelineOnly,
    Hoard,
    Balanced,
    BalancedNoHire,
    BalancedNoAdopt,
    BalancedNoPipeline,
    BalancedNoCompute,
    TalentFirst,
    ComputeFirst,
    AdoptFirst,
    PipelineFirst,
    Everything,
    Reckless,
}

impl Policy {
    pub const ALL: [Policy; 16] = [
        Policy::Random,
        Policy::HireOnly,
        Policy::AdoptOnly,
        Policy::PipelineOnly,
        Policy::Hoard,
        Policy::Balanced,
        Policy::BalancedNoHire,
        Policy::BalancedNoAdopt,
        Policy::BalancedNoPipeline,
        Policy::BalancedNoCompute,
        Policy::TalentFirst,
        Policy::ComputeFirst,
        Policy::AdoptFirst,
        Policy::PipelineFirst,
        Policy::Everything,
        Policy::Reckless,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Policy::Random => "random",
            Policy::HireOnly => "hire-only",
            Policy::AdoptOnly => "adopt-only",
            Policy::PipelineOnly => "pipeline-only",
            Policy::Hoard => "hoard",
            Policy::Balanced => "balanced",
            Policy::BalancedNoHire => "balanced-no-hire",
            Policy::BalancedNoAdopt => "balanced-no-adopt",
            Policy::BalancedNoPipeline => "balanced-no-pipeline",
            Policy::BalancedNoCompute => "balanced-no-compute",
            Policy::TalentFirst => "talent-first",
            Policy::ComputeFirst => "compute-first",
            Policy::AdoptFirst => "adopt-first",
            Policy::PipelineFirst => "pipeline-first",
            Policy::Everything => "everything",
            Policy::Reckless => "reckless",
        }
    }

    pub fn from_name(name: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.name() == name)
    }

    pub fn names() -> String {
        Policy::ALL.map(Policy::name).join(", ")
    }

    /// The strategy this name stands for.
    pub fn strategy(self) -> Strategy {
        match self.params() {
            Some(p) => Strategy::Priority(p),
            None => Strategy::Random,
        }
    }

    /// The priority-policy parameters of a scripted strategy (`None` for `random`).
    pub fn params(self) -> Option<Params> {
        use Action::*;
        let balanced = Params::default();
        let without = |gone: &[Action]| Params {
            order: balanced
                .order
                .iter()
                .copied()
                .filter(|a| !gone.contains(a))
                .collect(),
            ..Params::default()
        };
        // A lever first, then the rest of `balanced` in its order.
        let leading = |first: &[Action]| {
            let mut order = first.to_vec();
            order.extend(balanced.order.iter().filter(|a| !first.contains(a)));
            order
        };
        let only = |order: Vec<Action>, match_poach: bool| Params {
            order,
            match_poach,
            ..Params::default()
        };
        Some(match self {
            Policy::Random => return None,
            Policy::Balanced => balanced,
            Policy::BalancedNoHire => Params {
                match_poach: false,
                ..without(&[Hire])
            },
            Policy::BalancedNoAdopt => without(&[Retire, Adopt, Build]),
            Policy::BalancedNoPipeline => without(&[Pipeline]),
            Policy::BalancedNoCompute => without(&[DataCentre, Lease]),
            Policy::HireOnly => only(vec![Hire], true),
            Policy::AdoptOnly => only(vec![Retire, Adopt, Build], false),
            Policy::PipelineOnly => only(vec![Pipeline], false),
            Policy::Hoard => only(Vec::new(), false),
            Policy::TalentFirst => Params {
                order: leading(&[Hire, Morale]),
                offer_pct: 150,
                morale_floor: 60,
                max_per_month: [(Hire, 1)].into(),
                ..Params::default()
            },
            Policy::ComputeFirst => Params {
                order: leading(&[DataCentre, Lease]),
                compute_split: 2,
                ..Params::default()
            },
            Policy::AdoptFirst => Params {
                order: leading(&[Retire, Adopt, Build]),
                tech: TechPref::WeakestTrack,
                ..Params::default()
            },
            Policy::PipelineFirst => Params {
                order: leading(&[Pipeline]),
                stage: StagePref::Biggest,
                ..Params::default()
            },
            Policy::Everything => Params {
                order: Action::ALL.to_vec(),
                rotate: true,
                safety_risk: 0,
                morale_floor: 1000,
                reserve_months: 0,
                compute_split: 2,
                ..Params::default()
            },
            Policy::Reckless => Params {
                stage: StagePref::Fastest,
                choice: ChoicePref::Bold,
                skip_review_stages: true,
                ..without(&[Safety])
            },
        })
    }
}

/// How a scripted player decides: at random, by the priority policy with its parameters, by
/// a state-dependent rule list of parameter sets, or by looking ahead (the expert).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Strategy {
    Random,
    Priority(Params),
    Plan(Plan),
    Expert(Box<Expert>),
}

/// What a strategy remembers between its commands within one game (the expert's plan for
/// the month). Scripted strategies remember nothing.
#[derive(Debug, Clone, Default)]
pub struct Memo {
    expert: expert::Memory,
}

impl From<Policy> for Strategy {
    fn from(p: Policy) -> Strategy {
        p.strategy()
    }
}

/// The move the suggestion key (`d` on the dashboard, `d` in plain mode) makes now: what the
/// `balanced` strategy (the game's good scripted player) would do next, given the moves
/// `this_month` already made this month. `None` when it would end the month, an event waits
/// for the player's answer, or the weeks are spent. The priority strategy never rolls dice, so
/// the same state always suggests the same move: a save's claim can be checked by replay.
pub fn suggestion(content: &Content, state: &GameState, this_month: &[Command]) -> Option<Command> {
    if state.is_over() || state.pending.is_some() || state.player().weeks == 0 {
        return None;
    }
    let mut rng = Pcg32::new(0, 0);
    match next_command(
        &Policy::Balanced.strategy(),
        content,
        state,
        &mut rng,
        this_month,
    ) {
        Command::EndMonth | Command::Choose(_) => None,
        c => Some(c),
    }
}

/// The player's next command under `strategy`: an answer the rules allow to a pending choice,
/// an allowed move, or `EndMonth` when it is done for the month.
/// `this_month` holds the moves already made this month.
pub fn next_command(
    strategy: &Strategy,
    content: &Content,
    state: &GameState,
    rng: &mut Pcg32,
    this_month: &[Command],
) -> Command {
    next_command_with(
        strategy,
        content,
        state,
        rng,
        this_month,
        &mut Memo::default(),
    )
}

/// [`next_command`] for a strategy that keeps `memo` from one command to the next in a game.
pub fn next_command_with(
    strategy: &Strategy,
    content: &Content,
    state: &GameState,
    rng: &mut Pcg32,
    this_month: &[Command],
    memo: &mut Memo,
) -> Command {
    if let Strategy::Expert(e) = strategy {
        return e.next_command(content, state, rng, this_month, &mut memo.expert);
    }
    if state.pending.is_some() {
        let choice = match strategy {
            Strategy::Random => random_answer(content, state, rng),
            Strategy::Priority(p) => params::answer(p, content, state),
            Strategy::Plan(plan) => params::answer(plan.params_for(state), content, state),
            Strategy::Expert(_) => None,
        };
        return choice.map_or(Command::EndMonth, Command::Choose);
    }
    if state.player().weeks == 0 {
        return Command::EndMonth;
    }
    let found = match strategy {
        Strategy::Random => random_candidates(content, state, rng)
            .into_iter()
            .find(|c| rules::check(content, state, PLAYER, c).is_ok()),
        Strategy::Priority(p) => params::next_move(p, content, state, this_month),
        Strategy::Plan(plan) => {
            params::next_move(plan.params_for(state), content, state, this_month)
        }
        Strategy::Expert(_) => None,
    };
    found.unwrap_or(Command::EndMonth)
}

/// A random answer among those the rules allow.
fn random_answer(content: &Content, state: &GameState, rng: &mut Pcg32) -> Option<u8> {
    let options = state.pending.as_ref()?.options.len() as u8;
    let allowed: Vec<u8> = (0..options)
        .filter(|o| rules::check(content, state, PLAYER, &Command::Choose(*o)).is_ok())
        .collect();
    let i = rng.below(allowed.len().max(1) as u32) as usize;
    allowed.get(i).copied()
}

/// A random legal-looking move: any action with equal chance, random targets and amounts.
fn random_candidates(content: &Content, state: &GameState, rng: &mut Pcg32) -> Vec<Command> {
    let mut out = Vec::new();
    for _ in 0..6 {
        let cmd = match rng.below(13) {
            0 => {
                let Some(i) = rng.pick(state.market.len()) else {
                    continue;
                };
                let id = state.market[i];
                let ask = state.people[id as usize].salary;
                let (lo, hi) = rules::offer_range(content, ask);
                Command::Offer {
                    person: id,
                    salary: rng.range(i64::from(lo), i64::from(hi.min(ask * 2))) as u32,
                }
            }
            1 => pick_id(rng, content.techs.iter().map(|t| &t.id), Command::Adopt),
            2 => pick_id(rng, content.techs.iter().map(|t| &t.id), Command::Build),
            3 => pick_id(
                rng,
                content.techs.iter().map(|t| &t.id),
                Command::AdoptThenBuild,
            ),
            4 => pick_id(rng, content.legacy.iter().map(|t| &t.id), Command::Retire),
            5 => pick_id(rng, content.stages.iter().map(|t| &t.id), Command::Upgrade),
            6 => Command::BuildDataCentre(rng.range(10, 200) as u32),
            7 => Command::LeaseCompute(rng.range(5, 100) as u32),
            8 => Command::OpenRelease,
            9 => Command::SafetyReview,
            10 => Command::ShipAi,
            11 => Command::Morale,
            _ => pick_id(rng, content.deals.iter().map(|t| &t.id), Command::Deal),
        };
        out.push(cmd);
    }
    // Random players also end months early now and then.
    if rng.chance_permille(150) {
        out.insert(0, Command::EndMonth);
    }
    out
}

fn pick_id<'a>(
    rng: &mut Pcg32,
    ids: impl Iterator<Item = &'a String>,
    make: fn(String) -> Command,
) -> Command {
    let ids: Vec<&String> = ids.collect();
    match rng.pick(ids.len()) {
        Some(i) => make(ids[i].clone()),
        None => Command::EndMonth,
    }
}

/// Commands a game may take within one month before it counts as stalled: far more than any
/// month's weeks and choices need.
pub const MAX_COMMANDS_PER_MONTH: u32 = 500;

/// A whole scripted game.
#[derive(Debug, Clone)]
pub struct Played {
    pub state: GameState,
    /// Every decision made, with the month it was made in.
    pub decisions: Vec<(u16, Command)>,
    /// The game stopped making progress (a month that would not end) and was cut off.
    pub stalled: bool,
    /// Counts taken while it was played, for the simulator's measures.
    pub tally: Tally,
}

/// What a played game counted on the way: month-ends, the lean ones, and poaching offers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Months that ended.
    pub month_ends: u32,
    /// Months that ended with a budget below one month of income.
    pub lean_month_ends: u32,
    /// Rivals' offers for one of the player's people put to the player (match or let go).
    pub poach_offers: u32,
}

impl Tally {
    /// Counts what the last command changed: a month that ended, a poaching offer opened.
    fn note(&mut self, state: &GameState, month_before: u16, pending_before: bool) {
        if state.month != month_before {
            self.month_ends += 1;
            let p = state.player();
            if p.budget < p.income {
                self.lean_month_ends += 1;
            }
        }
        let poach_now = matches!(
            &state.pending,
            Some(super::state::PendingChoice {
                source: super::state::ChoiceSource::Poach { .. },
                ..
            })
        );
        if poach_now && !pending_before {
            self.poach_offers += 1;
        }
    }
}

/// Plays a whole game with a named policy. Returns the final state and every decision made.
pub fn play(content: &Content, seed: u64, policy: Policy) -> (GameState, Vec<(u16, Command)>) {
    let played = play_strategy(content, seed, seed, &policy.strategy());
    (played.state, played.decisions)
}

/// Plays the world of `world_seed` with `strategy`, whose own dice (for `random`) come from
/// `policy_seed`. A game that stays in one month for [`MAX_COMMANDS_PER_MONTH`] commands, or
/// whose month the rules refuse to end, is stopped and marked stalled.
pub fn play_strategy(
    content: &Content,
    world_seed: u64,
    policy_seed: u64,
    strategy: &Strategy,
) -> Played {
    let start = super::init::new_game(content, world_seed);
    play_strategy_while(content, start, policy_seed, strategy, |_, _| true)
}

/// [`play_strategy`] from `start` (the world's first state, which a caller playing several
/// strategies in one world builds once), stopped early as soon as `go_on` refuses a decision
/// just made (that decision is kept). A copy check compares a save with a script decision by
/// decision and needs the script's game only up to the first difference, not to its end.
pub fn play_strategy_while(
    content: &Content,
    start: GameState,
    policy_seed: u64,
    strategy: &Strategy,
    mut go_on: impl FnMut(usize, &(u16, Command)) -> bool,
) -> Played {
    let mut state = start;
    let mut rng = Pcg32::new(policy_seed, 0x90_11C7);
    let mut decisions = Vec::new();
    let mut in_month = 0u32;
    let mut stalled = false;
    let mut this_month: Vec<Command> = Vec::new();
    let mut memo = Memo::default();
    let mut tally = Tally::default();
    while !state.is_over() {
        if in_month >= MAX_COMMANDS_PER_MONTH {
            stalled = true;
            break;
        }
        let cmd = next_command_with(strategy, content, &state, &mut rng, &this_month, &mut memo);
        let month = state.month;
        let pending_before = state.pending.is_some();
        if rules::apply_quiet(content, &mut state, PLAYER, &cmd).is_ok() {
            this_month.push(cmd.clone());
            decisions.push((month, cmd));
        } else if cmd != Command::EndMonth
            && rules::apply_quiet(content, &mut state, PLAYER, &Command::EndMonth).is_ok()
        {
            // A refused move ends the month rather than loop.
            decisions.push((month, Command::EndMonth));
        } else {
            // The month cannot end: nothing this strategy does will move the game on.
            stalled = true;
            break;
        }
        tally.note(&state, month, pending_before);
        if let Some(last) = decisions.last()
            && !go_on(decisions.len() - 1, last)
        {
            break;
        }
        if state.month == month {
            in_month += 1;
        } else {
            in_month = 0;
            this_month.clear();
        }
    }
    Played {
        state,
        decisions,
        stalled,
        tally,
    }
}
