//! The headless simulator: many games of one scripted strategy, on every core.

use std::sync::Arc;

use crate::game::data::Content;
use crate::game::hash::canonical_hash;
use crate::game::policy::{Played, Policy, Strategy, Tally, play_strategy};
use crate::game::rng::Pcg32;
use crate::game::score::score;
use crate::game::state::{Ending, GameState};

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
    /// Won games in which the lead changed hands after [`late_month`].
    pub late_lead_changes: u32,
    /// Won games in which the player lost the lead after [`late_month`] (and won it back).
    pub late_lead_losses: u32,
    /// Events put to the player: the deck's events that fired and rivals' poaching offers.
    pub events: u32,
    /// Of those, the ones about poaching (the offers, and deck events whose id names it).
    pub poach_events: u32,
    /// Month-ends in all games, and those holding less than one month of income.
    pub month_ends: u32,
    pub lean_month_ends: u32,
}

impl SimSummary {
    pub fn win_rate(&self) -> f64 {
        if self.games == 0 {
            0.0
        } else {
            f64::from(self.wins) / f64::from(self.games)
        }
    }

    /// Share of won games in which the lead changed hands late (`None` when none was won).
    pub fn late_lead_change_rate(&self) -> Option<f64> {
        (self.wins > 0).then(|| f64::from(self.late_lead_changes) / f64::from(self.wins))
    }

    /// Share of won games in which the player lost the lead late and won it back.
    pub fn late_lead_loss_rate(&self) -> Option<f64> {
        (self.wins > 0).then(|| f64::from(self.late_lead_losses) / f64::from(self.wins))
    }

    /// Share of events that were about poaching (`None` when no event happened).
    pub fn poach_event_share(&self) -> Option<f64> {
        (self.events > 0).then(|| f64::from(self.poach_events) / f64::from(self.events))
    }

    /// Share of month-ends holding less than one month of income.
    pub fn lean_month_end_share(&self) -> Option<f64> {
        (self.month_ends > 0).then(|| f64::from(self.lean_month_ends) / f64::from(self.month_ends))
    }

    /// Share of games that ended in catastrophe.
    pub fn catastrophe_share(&self) -> f64 {
        if self.games == 0 {
            0.0
        } else {
            f64::from(self.ending("catastrophe")) / f64::from(self.games)
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
    /// The lead changed hands after [`late_month`].
    pub late_lead_change: bool,
    /// The player lost the lead after [`late_month`].
    pub late_lead_loss: bool,
    pub events: u32,
    pub poach_events: u32,
    pub tally: Tally,
}

/// The month after which a change of the lead counts as late: month 20 of the 39-month
/// campaign, and the same share of a campaign of another length (rounded to the nearest month).
pub fn late_month(campaign_months: u16) -> u16 {
    let m = u32::from(campaign_months);
    ((m * 20 + 19) / 39) as u16
}

/// How the race's lead (the lab furthest ahead at a month's end; on a tie the lab that led
/// before keeps it) moved after month `after` of the campaign (counted from 1): whether it
/// changed hands at all, and whether the player lost it.
pub fn late_lead_moves(state: &GameState, after: u16) -> (bool, bool) {
    let mut leader: Option<usize> = None;
    let (mut changed, mut lost) = (false, false);
    for r in &state.history {
        let Some(top) = r.progress.iter().copied().max() else {
            continue;
        };
        let now = match leader {
            Some(l) if r.progress.get(l) == Some(&top) => l,
            _ => r.progress.iter().position(|p| *p == top).unwrap_or(0),
        };
        // A record's month counts from 0: the end of month `after` is record `after - 1`.
        if let Some(before) = leader
            && before != now
            && r.month >= after
        {
            changed = true;
            lost |= before == usize::from(crate::game::state::PLAYER);
        }
        leader = Some(now);
    }
    (changed, lost)
}

/// Whether a deck event is about poaching: its id says so.
fn about_poaching(content: &Content, event: u16) -> bool {
    content
        .events
        .get(usize::from(event))
        .is_some_and(|e| e.id.to_ascii_lowercase().contains("poach"))
}

/// One played game's result.
pub fn result_of(content: &Content, played: &Played) -> GameResult {
    let state = &played.state;
    let ending = if played.stalled {
        None
    } else {
        state.ending.as_ref().map(Ending::key)
    };
    let late = late_lead_moves(state, late_month(content.scenario.months));
    let deck_poach = state
        .fired
        .iter()
        .filter(|f| about_poaching(content, f.event))
        .count() as u32;
    GameResult {
        win: !played.stalled && state.ending.as_ref().is_some_and(Ending::is_win),
        months: state.month,
        score: score(content, state).total,
        ending,
        late_lead_change: late.0,
        late_lead_loss: late.1,
        events: state.fired.len() as u32 + played.tally.poach_offers,
        poach_events: deck_poach + played.tally.poach_offers,
        tally: played.tally,
    }
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
                        let result = result_of(&content, &played);
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
    let sum = |f: fn(&GameResult) -> u32| results.iter().map(|(_, r, _)| f(r)).sum::<u32>();
    SimSummary {
        late_lead_changes: sum(|r| u32::from(r.win && r.late_lead_change)),
        late_lead_losses: sum(|r| u32::from(r.win && r.late_lead_loss)),
        events: sum(|r| r.events),
        poach_events: sum(|r| r.poach_events),
        month_ends: sum(|r| r.tally.month_ends),
        lean_month_ends: sum(|r| r.tally.lean_month_ends),
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
