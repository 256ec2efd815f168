//! The headless simulator: many games of one scripted policy, on every core.

use std::sync::Arc;

use crate::game::data::Content;
use crate::game::hash::canonical_hash;
use crate::game::policy::{Policy, play};
use crate::game::rng::Pcg32;
use crate::game::score::score;
use crate::game::state::{Ending, GameState};

/// What many games of one policy came to.
#[derive(Debug, Clone, PartialEq)]
pub struct SimSummary {
    pub policy: Policy,
    pub games: u32,
    pub wins: u32,
    pub median_months: u16,
    pub mean_score: i64,
    /// Count of each ending, in the order of `Ending::KEYS`.
    pub endings: Vec<(&'static str, u32)>,
    /// State hash after the last game.
    pub final_hash: u64,
    pub campaign_months: u16,
}

impl SimSummary {
    pub fn win_rate(&self) -> f64 {
        if self.games == 0 {
            0.0
        } else {
            f64::from(self.wins) / f64::from(self.games)
        }
    }
}

/// One game's result.
#[derive(Debug, Clone)]
pub struct GameResult {
    pub win: bool,
    pub months: u16,
    pub score: i64,
    pub ending: &'static str,
}

/// The seed of game `i` of a run with `seed`: derived, so any game can be replayed alone.
pub fn game_seed(seed: u64, i: u32) -> u64 {
    let mut rng = Pcg32::new(seed, u64::from(i));
    rng.next_u64()
}

fn result_of(content: &Content, state: &GameState) -> GameResult {
    let ending = state.ending.clone().unwrap_or(Ending::Deadline { rank: 9 });
    GameResult {
        win: ending.is_win(),
        months: state.month,
        score: score(content, state).total,
        ending: ending.key(),
    }
}

/// Plays `games` games of `policy`, spread over the machine's cores.
pub fn run(content: &Arc<Content>, policy: Policy, games: u32, seed: u64) -> SimSummary {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16) as u32;
    let mut results: Vec<(u32, GameResult, u64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let content = Arc::clone(content);
                scope.spawn(move || {
                    let mut out = Vec::new();
                    let mut i = t;
                    while i < games {
                        let (state, _) = play(&content, game_seed(seed, i), policy);
                        let hash = if i + 1 == games {
                            canonical_hash(&state)
                        } else {
                            0
                        };
                        out.push((i, result_of(&content, &state), hash));
                        i += threads;
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    results.sort_by_key(|(i, _, _)| *i);
    summarise(content, policy, &results)
}

fn summarise(content: &Content, policy: Policy, results: &[(u32, GameResult, u64)]) -> SimSummary {
    let games = results.len() as u32;
    let wins = results.iter().filter(|(_, r, _)| r.win).count() as u32;
    let mut months: Vec<u16> = results.iter().map(|(_, r, _)| r.months).collect();
    months.sort_unstable();
    let median_months = months.get(months.len() / 2).copied().unwrap_or(0);
    let mean_score = if games == 0 {
        0
    } else {
        results.iter().map(|(_, r, _)| r.score).sum::<i64>() / i64::from(games)
    };
    let endings = Ending::KEYS
        .iter()
        .map(|k| {
            (
                *k,
                results.iter().filter(|(_, r, _)| r.ending == *k).count() as u32,
            )
        })
        .collect();
    SimSummary {
        policy,
        games,
        wins,
        median_months,
        mean_score,
        endings,
        final_hash: results.last().map_or(0, |(_, _, h)| *h),
        campaign_months: content.scenario.months,
    }
}
