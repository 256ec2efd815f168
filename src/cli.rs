//! The command line: subcommands for players, teachers and balance work.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use ai_race::content;
use ai_race::game::hash::hex;
use ai_race::game::policy::Policy;
use ai_race::report::scenarios;
use ai_race::sim;
use ai_race::ui;

#[derive(Debug, Parser)]
#[command(
    name = "ai-race",
    version,
    about = "AI Race: lead Meta through the race to superintelligence"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Cmd>,
    /// Draw without colours (also when the NO_COLOR environment variable is set).
    #[arg(long)]
    pub no_color: bool,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Start a new game straight away, skipping the title screen.
    New {
        /// A built-in scenario id (race-2025, classroom, meta-ahead) or a scenario file.
        #[arg(long)]
        scenario: Option<String>,
        /// The world's seed (a whole number); random when left out.
        #[arg(long)]
        seed: Option<String>,
        /// easy, normal, hard or brutal.
        #[arg(long)]
        difficulty: Option<String>,
        /// Draw without colours (also when the NO_COLOR environment variable is set).
        #[arg(long)]
        no_color: bool,
    },
    /// Play many games headless with a scripted strategy and print the results.
    Sim {
        /// The strategy: random, hire-only, adopt-only, pipeline-only, hoard, balanced,
        /// balanced-no-hire, balanced-no-adopt, balanced-no-pipeline.
        #[arg(long)]
        policy: String,
        /// How many games (1 to 1,000,000).
        #[arg(long, default_value = "1000", allow_hyphen_values = true)]
        games: String,
        /// The run's seed (each game's seed is derived from it).
        #[arg(long, default_value = "1", allow_hyphen_values = true)]
        seed: String,
        /// A built-in scenario id.
        #[arg(long, default_value = "race-2025")]
        scenario: String,
        /// easy, normal, hard or brutal.
        #[arg(long)]
        difficulty: Option<String>,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the built-in scenarios, check a scenario file, or start a new one.
    Scenario {
        #[command(subcommand)]
        action: ScenarioCmd,
    },
}

#[derive(Debug, Subcommand)]
pub enum ScenarioCmd {
    /// Show the built-in scenarios with their length, seed and difficulty.
    List,
    /// Check a scenario file and name every mistake with its line and column.
    Check {
        /// The scenario file to check, like week-3.ron.
        file: PathBuf,
    },
    /// Write a commented starting scenario file NAME.ron in the current folder.
    New {
        /// The assignment's name, like "Week 3"; the file name is made from it.
        name: String,
    },
}

pub fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        None => play(ui::Theme::from_env(cli.no_color), None),
        Some(Cmd::New {
            scenario,
            seed,
            difficulty,
            no_color,
        }) => {
            let session = new_session(scenario.as_deref(), seed.as_deref(), difficulty.as_deref())?;
            play(ui::Theme::from_env(no_color || cli.no_color), Some(session))
        }
        Some(Cmd::Sim {
            policy,
            games,
            seed,
            scenario,
            difficulty,
            json,
        }) => sim_command(
            &policy,
            &games,
            &seed,
            &scenario,
            difficulty.as_deref(),
            json,
        ),
        Some(Cmd::Scenario { action }) => scenario_command(action),
    }
}

fn scenario_command(action: ScenarioCmd) -> Result<ExitCode, String> {
    match action {
        ScenarioCmd::List => {
            print!("{}", scenarios::list());
            Ok(ExitCode::SUCCESS)
        }
        ScenarioCmd::Check { file } => {
            let shown = file.display().to_string();
            let (report, sound) = match content::read_scenario_file(&file) {
                Ok(text) => scenarios::check(&shown, &text),
                Err(e) => (scenarios::unreadable(&shown, &e), false),
            };
            print!("{report}");
            Ok(if sound {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        ScenarioCmd::New { name } => {
            let path = content::template::write_new(std::path::Path::new("."), &name)
                .map_err(|e| e.to_string())?;
            let shown = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            );
            println!("Wrote {shown}: a starting scenario, every field explained in comments.");
            println!(
                "Edit it in any text editor, then check it with: ai-race scenario check {shown}"
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Opens the interface (on the title screen, or straight into a game).
fn play(theme: ui::Theme, session: Option<ui::Session>) -> Result<ExitCode, String> {
    let app = match session {
        Some(s) => ui::App::with_session(theme, (80, 24), s),
        None => ui::App::new(theme, (80, 24)),
    };
    ui::run(app).map_err(|e| format!("the terminal failed: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// The game `ai-race new` asks for: a built-in scenario or a file, a seed and a difficulty.
/// A locked scenario keeps its own seed and difficulty; asking for others is an error.
fn new_session(
    scenario: Option<&str>,
    seed: Option<&str>,
    difficulty: Option<&str>,
) -> Result<ui::Session, String> {
    if let Some(d) = difficulty
        && !content::difficulties().iter().any(|x| x.id == d)
    {
        return Err(format!(
            "unknown difficulty '{d}'; choose one of: {}",
            content::difficulty_ids()
        ));
    }
    let seed: Option<u64> = match seed {
        Some(s) => Some(s.trim().parse().map_err(|_| {
            format!("--seed must be a whole number from 0 to 18446744073709551615, found '{s}'")
        })?),
        None => None,
    };
    let id = scenario.unwrap_or("race-2025");
    let content = if content::builtin_scenario_text(id).is_some() {
        content::load_builtin(id, difficulty)
    } else {
        let text = read_capped(id)?;
        content::load_scenario_text(id, &text, difficulty)
    }
    .map_err(|e| e.to_string())?;
    let info = &content.scenario;
    if info.locked {
        if let (Some(want), Some(fixed)) = (seed, info.seed)
            && want != fixed
        {
            return Err(format!(
                "the scenario '{}' is locked to seed {fixed}; leave out --seed",
                info.id
            ));
        }
        if let (Some(want), Some(fixed)) = (difficulty, info.difficulty.as_deref())
            && want != fixed
        {
            return Err(format!(
                "the scenario '{}' is locked to difficulty '{fixed}'; leave out --difficulty",
                info.id
            ));
        }
    }
    let seed = match (info.locked, info.seed, seed) {
        (true, Some(fixed), _) => fixed,
        (_, _, Some(s)) => s,
        (_, Some(fixed), None) => fixed,
        (_, None, None) => rand::random(),
    };
    Ok(ui::Session::new(Arc::new(content), seed))
}

/// Reads a scenario file, refusing anything larger than a scenario can be.
fn read_capped(path: &str) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| {
        let known = content::BUILTIN_SCENARIOS
            .iter()
            .map(|(id, _)| *id)
            .collect::<Vec<_>>()
            .join(", ");
        format!("'{path}' is neither a built-in scenario ({known}) nor a file I can open: {e}")
    })?;
    let mut bytes = Vec::new();
    file.take(content::MAX_SCENARIO_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read '{path}': {e}"))?;
    if bytes.len() > content::MAX_SCENARIO_BYTES {
        return Err(format!(
            "'{path}' is larger than {} KiB, too large for a scenario",
            content::MAX_SCENARIO_BYTES / 1024
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("'{path}' is not UTF-8 text"))
}

fn sim_command(
    policy: &str,
    games: &str,
    seed: &str,
    scenario: &str,
    difficulty: Option<&str>,
    json: bool,
) -> Result<ExitCode, String> {
    let policy = Policy::from_name(policy).ok_or_else(|| {
        format!(
            "unknown policy '{policy}'; choose one of: {}",
            Policy::names()
        )
    })?;
    let games: u32 = games
        .trim()
        .parse()
        .ok()
        .filter(|g| (1..=1_000_000).contains(g))
        .ok_or_else(|| {
            format!("--games must be a whole number from 1 to 1000000, found '{games}'")
        })?;
    let seed: u64 = seed.trim().parse().map_err(|_| {
        format!("--seed must be a whole number from 0 to 18446744073709551615, found '{seed}'")
    })?;
    if let Some(d) = difficulty
        && !content::difficulties().iter().any(|x| x.id == d)
    {
        return Err(format!(
            "unknown difficulty '{d}'; choose one of: {}",
            content::difficulty_ids()
        ));
    }
    let content = Arc::new(content::load_builtin(scenario, difficulty).map_err(|e| e.to_string())?);
    let s = sim::run(&content, policy, games, seed);
    if json {
        let endings: serde_json::Map<String, serde_json::Value> = s
            .endings
            .iter()
            .map(|(k, v)| ((*k).to_string(), serde_json::Value::from(*v)))
            .collect();
        let obj = serde_json::json!({
            "policy": policy.name(),
            "scenario": content.scenario.id,
            "difficulty": content.difficulty.id,
            "seed": seed,
            "games": s.games,
            "wins": s.wins,
            "win_rate": s.win_rate(),
            "median_months": s.median_months,
            "campaign_months": s.campaign_months,
            "mean_score": s.mean_score,
            "endings": endings,
            "final_hash": hex(s.final_hash),
        });
        println!("{obj}");
    } else {
        println!(
            "{} on {} ({}), {} games, seed {}",
            policy.name(),
            content.scenario.name,
            content.difficulty.name,
            s.games,
            seed
        );
        println!(
            "  win rate      {:.1}% ({} wins)",
            s.win_rate() * 100.0,
            s.wins
        );
        println!(
            "  median length {} of {} months",
            s.median_months, s.campaign_months
        );
        println!("  mean score    {}", s.mean_score);
        for (k, v) in &s.endings {
            println!("  {k:<16} {v}");
        }
        println!("  final hash    {}", hex(s.final_hash));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
