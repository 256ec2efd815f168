//! `ai-race tune`: search a strategy's parameters and measure it.

use std::path::Path;
use std::process::ExitCode;

use ai_race::save;
use ai_race::sim;

use super::sim::{parse_count, parse_seed, sim_content};

/// `ai-race tune`: the search, the best as RON and its measured win rate; with `report`, the
/// table of every named policy and what each part of the best is worth.
pub(super) fn tune_command(
    scenario: &str,
    difficulty: Option<&str>,
    [seed, games, evals, restarts, measure]: [&str; 5],
    report: bool,
    out: Option<&Path>,
) -> Result<ExitCode, String> {
    let seed = parse_seed(seed)?;
    let budget = ai_race::tune::Budget {
        games: parse_count("--games", games, 100_000)?,
        evals: parse_count("--budget-evals", evals, 100_000)?,
        restarts: parse_count("--restarts", restarts, 1_000)?,
        seed,
    };
    let measure = parse_count("--measure-games", measure, 1_000_000)?;
    let (content, world) = sim_content(scenario, difficulty)?;
    let started = std::time::Instant::now();
    let found = ai_race::tune::search(&content, world, budget, &mut |line| eprintln!("{line}"));
    let searched = started.elapsed();
    let strategy = ai_race::tune::strategy_of(&found.best);
    let measured = sim::run_strategy(&content, &strategy, measure, seed, world);
    let ron = ai_race::tune::plan_to_ron(&found.best);
    println!(
        "# strongest strategy found on {} ({}), seed {seed}",
        content.scenario.id, content.difficulty.id
    );
    println!(
        "# search: {} candidates x {} games in {:.1} s; {} of {} search games won, {} of {} \
         with the check games",
        found.evals,
        budget.games,
        searched.as_secs_f64(),
        found.fitness.0,
        budget.games,
        found.checked.0,
        budget.games * 2
    );
    println!(
        "# measured on {measure} fresh games (sim --seed {seed}): {:.1}% won, median {} months, \
         median win {} months, {} stalled",
        measured.win_rate() * 100.0,
        measured.median_months,
        measured
            .median_win_months
            .map_or_else(|| "–".to_string(), |m| m.to_string()),
        measured.stalled
    );
    println!("{ron}");
    if let Some(path) = out {
        let shown = save::sanitize(&path.display().to_string(), 120);
        save::write_text_file(path, &format!("{ron}\n"), "strategy")
            .map_err(|e| format!("--out {shown}: {e}"))?;
        eprintln!("wrote {shown}");
    }
    if report {
        let mut rows = ai_race::tune::named_rows(&content, world, measure, seed);
        rows.push(("search best".to_string(), measured));
        println!();
        print!("{}", ai_race::tune::markdown_table(&rows));
        println!();
        println!(
            "What each part of the best is worth (wins lost of {} search games when it is \
             set back to balanced's value or left out):",
            budget.games
        );
        println!();
        println!("| part | wins lost |");
        println!("| --- | ---: |");
        for (name, lost) in ai_race::tune::sensitivity(&content, world, &found.best, budget) {
            println!("| {name} | {lost} |");
        }
    }
    eprintln!("done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
