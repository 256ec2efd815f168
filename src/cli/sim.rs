//! `ai-race sim`: run a policy headless over many games.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use ai_race::content;
use ai_race::game::hash::hex;
use ai_race::game::policy::{self, Policy};
use ai_race::save;
use ai_race::sim;

use super::EXPERT;
use super::play::read_capped;

/// A checked `sim` request: the strategy, the games and the world they are played in.
pub(super) struct SimRun {
    pub(super) name: String,
    pub(super) strategy: policy::Strategy,
    pub(super) games: u32,
    pub(super) seed: u64,
    pub(super) content: Arc<ai_race::game::Content>,
    /// The one world of a locked scenario.
    pub(super) world: Option<u64>,
}

impl SimRun {
    pub(super) fn parse(
        (name, file, params): (Option<&str>, Option<&Path>, Option<&str>),
        base: Option<&Path>,
        games: &str,
        seed: &str,
        scenario: &str,
        difficulty: Option<&str>,
    ) -> Result<SimRun, String> {
        let (name, strategy) = match (name, file, params) {
            (_, Some(path), _) => {
                let shown = save::sanitize(&path.display().to_string(), 120);
                let text = content::read_scenario_file(path).map_err(|e| e.to_string())?;
                (shown.clone(), ai_race::tune::parse_strategy(&shown, &text)?)
            }
            (_, None, Some(text)) => (
                "params".to_string(),
                ai_race::tune::parse_strategy("--params", text)?,
            ),
            (Some(EXPERT), None, None) => {
                let expert = match base {
                    Some(path) => {
                        let shown = save::sanitize(&path.display().to_string(), 120);
                        let text = content::read_scenario_file(path).map_err(|e| e.to_string())?;
                        let plan = match ai_race::tune::parse_strategy(&shown, &text)? {
                            policy::Strategy::Priority(p) => policy::Plan::fixed(p),
                            policy::Strategy::Plan(plan) => plan,
                            _ => return Err(format!("--base {shown}: not a tuned strategy")),
                        };
                        policy::Expert::with_base(plan)
                    }
                    None => policy::Expert::default(),
                };
                (
                    EXPERT.to_string(),
                    policy::Strategy::Expert(Box::new(expert)),
                )
            }
            (Some(name), None, None) => {
                let p = Policy::from_name(name).ok_or_else(|| {
                    format!(
                        "unknown policy '{}'; choose one of: {}",
                        save::sanitize(name, 40),
                        Policy::names()
                    )
                })?;
                (p.name().to_string(), p.strategy())
            }
            (None, None, None) => {
                return Err(format!(
                    "choose a strategy with --policy ({}), --policy-file or --params",
                    Policy::names()
                ));
            }
        };
        let games = parse_count("--games", games, 1_000_000)?;
        let seed = parse_seed(seed)?;
        let (content, world) = sim_content(scenario, difficulty)?;
        Ok(SimRun {
            name,
            strategy,
            games,
            seed,
            content,
            world,
        })
    }
}

pub(super) fn parse_count(flag: &str, text: &str, max: u32) -> Result<u32, String> {
    text.trim()
        .parse()
        .ok()
        .filter(|g| (1..=max).contains(g))
        .ok_or_else(|| {
            format!(
                "{flag} must be a whole number from 1 to {max}, found '{}'",
                save::sanitize(text, 40)
            )
        })
}

pub(super) fn parse_seed(seed: &str) -> Result<u64, String> {
    seed.trim().parse().map_err(|_| {
        format!(
            "--seed must be a whole number from 0 to 18446744073709551615, found '{}'",
            save::sanitize(seed, 40)
        )
    })
}

/// The content a headless run plays: a built-in scenario or a file, at a difficulty. A locked
/// scenario keeps its difficulty (another is refused) and returns its one world's seed.
pub(super) fn sim_content(
    scenario: &str,
    difficulty: Option<&str>,
) -> Result<(Arc<ai_race::game::Content>, Option<u64>), String> {
    if let Some(d) = difficulty
        && !content::difficulties().iter().any(|x| x.id == d)
    {
        return Err(format!(
            "unknown difficulty '{}'; choose one of: {}",
            save::sanitize(d, 40),
            content::difficulty_ids()
        ));
    }
    let content = if content::builtin_scenario_text(scenario).is_some() {
        content::builtin(scenario, difficulty)
    } else if std::fs::symlink_metadata(scenario).is_ok() {
        let text = read_capped(scenario)?;
        content::load_scenario_text(scenario, &text, difficulty).map(Arc::new)
    } else {
        // Neither: the built-in loader names the scenarios there are.
        content::builtin(scenario, difficulty)
    }
    .map_err(|e| e.to_string())?;
    let info = &content.scenario;
    if info.locked
        && let (Some(want), Some(fixed)) = (difficulty, info.difficulty.as_deref())
        && want != fixed
    {
        return Err(format!(
            "the scenario '{}' is locked to difficulty '{fixed}': every game plays its one \
             world; leave out --difficulty",
            save::sanitize(&info.id, 40)
        ));
    }
    let world = if info.locked { info.seed } else { None };
    Ok((content, world))
}

pub(super) fn sim_command(run: &SimRun, json: bool) -> ExitCode {
    let s = sim::run_strategy(&run.content, &run.strategy, run.games, run.seed, run.world);
    let content = &run.content;
    if json {
        let endings: serde_json::Map<String, serde_json::Value> = s
            .endings
            .iter()
            .map(|(k, v)| ((*k).to_string(), serde_json::Value::from(*v)))
            .collect();
        let obj = serde_json::json!({
            "policy": run.name,
            "scenario": content.scenario.id,
            "difficulty": content.difficulty.id,
            "seed": run.seed,
            "world_seed": run.world,
            "games": s.games,
            "wins": s.wins,
            "win_rate": s.win_rate(),
            "median_months": s.median_months,
            "median_win_months": s.median_win_months,
            "campaign_months": s.campaign_months,
            "mean_score": s.mean_score,
            "endings": endings,
            "stalled": s.stalled,
            "catastrophe_share": s.catastrophe_share(),
            "late_lead_change_rate": s.late_lead_change_rate(),
            "late_lead_loss_rate": s.late_lead_loss_rate(),
            "late_month": sim::late_month(s.campaign_months),
            "poach_event_share": s.poach_event_share(),
            "events_per_game": f64::from(s.events) / f64::from(s.games.max(1)),
            "lean_month_end_share": s.lean_month_end_share(),
            "final_hash": hex(s.final_hash),
        });
        println!("{obj}");
    } else {
        println!(
            "{} on {} ({}), {} games, seed {}",
            run.name, content.scenario.name, content.difficulty.name, s.games, run.seed
        );
        if let Some(w) = run.world {
            println!("  locked scenario: every game plays world {w}");
        }
        println!(
            "  win rate      {:.1}% ({} wins)",
            s.win_rate() * 100.0,
            s.wins
        );
        println!(
            "  median length {} of {} months",
            s.median_months, s.campaign_months
        );
        match s.median_win_months {
            Some(m) => println!("  median win    {m} months"),
            None => println!("  median win    – (no game won)"),
        }
        println!("  mean score    {}", s.mean_score);
        for (k, v) in &s.endings {
            println!("  {k:<16} {v}");
        }
        println!("  stalled          {}", s.stalled);
        let pct =
            |x: Option<f64>| x.map_or_else(|| "–".to_string(), |v| format!("{:.1}%", v * 100.0));
        println!(
            "  late lead change {} of wins (after month {})",
            pct(s.late_lead_change_rate()),
            sim::late_month(s.campaign_months)
        );
        println!(
            "  poach events     {} of events",
            pct(s.poach_event_share())
        );
        println!(
            "  lean month-ends  {} (below one month of income)",
            pct(s.lean_month_end_share())
        );
        println!("  final hash    {}", hex(s.final_hash));
    }
    ExitCode::SUCCESS
}

/// Writes the save of the sim run's last game (the one whose hash the run prints), replayed
/// through the same path a load takes.
pub(super) fn sim_save(run: &SimRun, path: &Path) -> Result<(), String> {
    let (world, own) = sim::seeds_of(run.seed, run.games - 1, run.world);
    let played = policy::play_strategy(&run.content, world, own, &run.strategy);
    let playthrough = save::Playthrough::replay(Arc::clone(&run.content), world, &played.decisions)
        .map_err(|(_, refused)| format!("the scripted game could not be replayed: {refused:?}"))?;
    let text = playthrough.to_text().map_err(|e| e.to_string())?;
    save::write_file(path, &text).map_err(|e| e.to_string())?;
    eprintln!(
        "saved game {} (seed {world}, {} bytes) to {}",
        run.games,
        text.len(),
        save::sanitize(&path.display().to_string(), 120)
    );
    Ok(())
}
