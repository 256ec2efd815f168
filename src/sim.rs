//! The headless simulator: many games of one scripted strategy, on every core.

use std::sync::Arc;

use crate::game::data::Content;
use crate::game::hash::canonical_hash;
use crate::game::policy::{Policy, Strategy, play_strategy};
use crate::game::rng::Pcg32;
use crate::game::score::score;
use crate::game::state::Ending;

/// What many games of one strategy came to.
#[derive(Debug, Clone, PartialEq)]
pub struct SimSummary {
    pub games: u32,
    pub wins: u32,
    pub median_months: u16,
    /// Median length of the games won (`None` when none was won).
    pub median_win_months: Option<u16>,
    pub mean_score: i64,
    /// Count of each ending, in the order of `Ending::KEYS`. Stalled games have no ending.
    pub endings: Vec<(&'static str, u32)>,
    /// Games that stopped making progress and were cut off.
    pub stalled: u32,
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

    /// How many games ended with `key` (one of `Ending::KEYS`).
    pub fn ending(&self, key: &str) -> u32 {
        self.endings
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(0, |(_, n)| *n)
    }
}

/// One game's result.
#[derive(Debug, Clone)]
pub struct GameResult {
    pub win: bool,
    pub months: u16,
    pub score: i64,
    /// The ending's key, or `None` when the game stalled.
    pub ending: Option<&'static str>,
}

/// The seed of game `i` of a run with `seed`: derived, so any game can be replayed alone.
pub fn game_seed(seed: u64, i: u32) -> u64 {
    let mut rng = Pcg32::new(seed, u64::from(i));
    rng.next_u64()
}

/// The world seed and the strategy's own seed of game `i`. A locked scenario plays its one
/// world in every game; only a strategy's own dice (`random`) then tell the games apart.
pub fn seeds_of(seed: u64, i: u32, locked_world: Option<u64>) -> (u64, u64) {
    let own = game_seed(seed, i);
    (locked_world.unwrap_or(own), own)
}

/// Plays `games` games of a named `policy`, spread over the machine's cores.
pub fn run(content: &Arc<Content>, policy: Policy, games: u32, seed: u64) -> SimSummary {
    run_strategy(content, &policy.strategy(), games, seed, None)
}

/// Plays `games` games of `strategy` (every world from `locked_world` when given), spread
/// over the machine's cores. The result does not depend on the number of cores.
pub fn run_strategy(
    content: &Arc<Content>,
    strategy: &Strategy,
    games: u32,
    seed: u64,
    locked_world: Option<u64>,
) -> SimSummary {
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
                        let (world, own) = seeds_of(seed, i, locked_world);
                        let played = play_strategy(&content, world, own, strategy);
                        let hash = if i + 1 == games {
                            canonical_hash(&played.state)
                        } else {
                            0
                        };
                        let ending = if played.stalled {
                            None
                        } else {
                            played.state.ending.as_ref().map(Ending::key)
                        };
                        let result = GameResult {
                            win: !played.stalled
                                && played.state.ending.as_ref().is_some_and(Ending::is_win),
                            months: played.state.month,
                            score: score(&content, &played.state).total,
                            ending,
                        };
                        out.push((i, result, hash));
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
    summarise(content, &results)
}

fn median(mut values: Vec<u16>) -> Option<u16> {
    values.sort_unstable();
    values.get(values.len() / 2).copied()
}

fn summarise(content: &Content, results: &[(u32, GameResult, u64)]) -> SimSummary {
    let games = results.len() as u32;
    let wins = results.iter().filter(|(_, r, _)| r.win).count() as u32;
    let median_months = median(results.iter().map(|(_, r, _)| r.months).collect()).unwrap_or(0);
    let median_win_months = median(
        results
            .iter()
            .filter(|(_, r, _)| r.win)
            .map(|(_, r, _)| r.months)
            .collect(),
    );
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
                results
                    .iter()
                    .filter(|(_, r, _)| r.ending == Some(*k))
                    .count() as u32,
            )
        })
        .collect();
    SimSummary {
        games,
        wins,
        median_months,
        median_win_months,
        mean_score,
        endings,
        stalled: results
            .iter()
            .filter(|(_, r, _)| r.ending.is_none())
            .count() as u32,
        final_hash: results.last().map_or(0, |(_, _, h)| *h),
        campaign_months: content.scenario.months,
    }
}

/// The player name a simulated game's save carries, so a class report ranks it beside the
/// students' games as a reference, named for what played it.
pub fn player_of(strategy_name: &str) -> String {
    let name: String = strategy_name.chars().take(30).collect();
    format!("policy: {name}")
}

/// Most games `sim --save-dir` writes (one file each): a reference set, not a data dump.
pub const MAX_SAVED_GAMES: u32 = 1_000;

/// The files `sim --save-dir` will write for a run: `policy-<strategy>-<n>.ron` in `dir`.
/// Refuses if `dir` is not a folder, if the run is too long, or if one of those files exists
/// already: checked before the run, so nothing is overwritten and a refusal costs no time.
pub fn plan_saves(
    dir: &std::path::Path,
    strategy_name: &str,
    games: u32,
) -> Result<Vec<std::path::PathBuf>, String> {
    use crate::save;
    let shown = |p: &std::path::Path| save::sanitize(&p.display().to_string(), 120);
    if games > MAX_SAVED_GAMES {
        return Err(format!(
            "--save-dir writes one file per game, at most {MAX_SAVED_GAMES}; found --games \
             {games}"
        ));
    }
    if let Ok(meta) = std::fs::symlink_metadata(dir)
        && !meta.is_dir()
    {
        return Err(format!(
            "--save-dir {}: not a folder; give a folder for the saves",
            shown(dir)
        ));
    }
    // `slug` keeps only letters, digits and dashes: a file name, never a path.
    let stem = format!("policy-{}", save::slug(strategy_name));
    let width = games.to_string().len().max(3);
    let paths: Vec<std::path::PathBuf> = (1..=games)
        .map(|i| dir.join(format!("{stem}-{i:0width$}.ron")))
        .collect();
    let taken: Vec<&std::path::PathBuf> = paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect();
    if let Some(first) = taken.first() {
        let what = match taken.len() {
            1 => format!("{} already exists", shown(first)),
            n => format!(
                "{} and {} more of this run's files already exist",
                shown(first),
                n - 1
            ),
        };
        return Err(format!(
            "--save-dir: {what}; nothing was written. Choose an empty folder, or remove those \
             files first"
        ));
    }
    Ok(paths)
}

/// Writes the save of every game of a run to `paths` (from [`plan_saves`]), with the
/// strategy named as the player. A file that appeared since the plan is refused, not
/// replaced.
pub fn write_saves(
    content: &Arc<Content>,
    (strategy, name): (&Strategy, &str),
    (seed, locked_world): (u64, Option<u64>),
    paths: &[std::path::PathBuf],
) -> Result<(), String> {
    use crate::save::{self, Playthrough};
    let shown = |p: &std::path::Path| save::sanitize(&p.display().to_string(), 120);
    if let Some(dir) = paths.first().and_then(|p| p.parent()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            format!(
                "--save-dir {}: {}",
                shown(dir),
                save::sanitize(&e.to_string(), 80)
            )
        })?;
    }
    for (i, path) in (0..).zip(paths) {
        let (world, own) = seeds_of(seed, i, locked_world);
        let played = play_strategy(content, world, own, strategy);
        let mut play = Playthrough::replay(Arc::clone(content), world, &played.decisions)
            .map_err(|(_, refused)| format!("game {} could not be replayed: {refused:?}", i + 1))?;
        play.record.player = Some(player_of(name));
        let text = play.to_text().map_err(|e| e.to_string())?;
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(format!(
                "--save-dir: {} appeared during the run; it was left alone",
                shown(path)
            ));
        }
        save::write_file(path, &text).map_err(|e| format!("{}: {e}", shown(path)))?;
    }
    Ok(())
}
