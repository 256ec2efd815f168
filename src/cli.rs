//! The command line: subcommands for players, teachers and balance work.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};

use ai_race::content;
use ai_race::game::hash::hex;
use ai_race::game::policy::{self, Policy};
use ai_race::report::scenarios;
use ai_race::save;
use ai_race::sim;
use ai_race::ui;

/// Worked examples at the end of `--help`.
const EXAMPLES: &str = "\
Examples:
  ai-race                                  the title screen: new game, continue, load
  ai-race new --scenario classroom         straight into the class scenario
  ai-race --theme light --ascii            for a light background and a plain console
  ai-race sim --policy balanced --games 500 --json
  ai-race verify saves/*.ron               check saves by replaying them
  ai-race report class-saves/ --format csv --out class.csv
  ai-race report class-saves/ --format html --anonymize --out class.html
  ai-race debrief saves/my-game.ron --out debrief.md
  ai-race debrief class-saves/ --format html --out-dir debriefs/
  ai-race fork saves/ada.ron --month 8     what if Ada had decided otherwise in month 8?
  ai-race new --ghost saves/ada.ron        race Ada's game in her world
  ai-race completions bash > ai-race.bash  tab completion for your shell

Exit codes: 0 success, 1 a result that failed (a save that does not verify, nothing to
rank, a file that cannot be opened), 2 a usage mistake or no terminal to play in.";

/// `--version`: the program, and the rules and save format it plays and writes.
pub fn version() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        format!(
            "{} (rules {}, save format {})",
            env!("CARGO_PKG_VERSION"),
            ai_race::game::RULES_VERSION,
            save::FORMAT_VERSION
        )
    })
}

#[derive(Debug, Parser)]
#[command(
    name = "ai-race",
    version = version(),
    about = "AI Race: lead Meta through the race to superintelligence",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Cmd>,
    /// Draw without colours (also when the NO_COLOR environment variable is set).
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Colours: terminal (your terminal's own, the default), dark, light, or auto (ask the
    /// terminal for its background).
    #[arg(long, global = true, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeArg>,
    /// Draw with plain ASCII symbols and borders (automatic on a Linux console, a dumb
    /// terminal or a locale without UTF-8).
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Leave the mouse to the terminal (text selection works; no clicking in the game).
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// The saves folder (default: the AI_RACE_SAVES environment variable, the settings file,
    /// ./saves if it exists, else your data folder; `saves/NAME.ron` on the command line finds
    /// NAME.ron there).
    #[arg(long, global = true, value_name = "DIR")]
    pub saves_dir: Option<PathBuf>,
    /// Your name, written into your saves so a teacher's class report can show it.
    #[arg(long, global = true, value_name = "NAME")]
    pub player: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Start a new game straight away, skipping the title screen.
    New {
        /// A built-in scenario id (race-2025, classroom, meta-ahead) or a scenario file.
        #[arg(long)]
        scenario: Option<String>,
        /// The world's seed (a whole number); random when left out.
        #[arg(long, value_parser = seed_arg, allow_hyphen_values = true)]
        seed: Option<u64>,
        /// easy, normal, hard or brutal.
        #[arg(long, value_parser = difficulty_arg)]
        difficulty: Option<String>,
        /// Race a ghost: play the world of this save (its scenario, difficulty and seed) with
        /// its player's progress drawn beside yours. The save is verified first.
        #[arg(long, value_name = "SAVE", conflicts_with_all = ["scenario", "seed", "difficulty"])]
        ghost: Option<PathBuf>,
        /// Play exactly the world of a world code (like CLASS-N-KA985X, shown in the game and
        /// the class report); a code for a teacher's scenario also needs --scenario FILE.
        #[arg(long, value_name = "CODE", conflicts_with_all = ["seed", "difficulty"])]
        code: Option<String>,
    },
    /// Play a game; with --plain, as numbered lines of text read from standard input, one
    /// command a line (for a screen reader, a pipe or a script; no terminal needed).
    ///
    /// Plain mode prints the state each month and the numbered choices with their costs and
    /// whether the rules allow them. Type a choice's number or its name (`adopt jax-xla`,
    /// `hire felix-xu 120` for 120% of the ask, `lease 40` for 40 thousand GPUs), `list`,
    /// `state`, `explain N`, `end`, `save NAME`, `help` or `quit`. At the end of input the game
    /// is autosaved. Example: ai-race play --plain --scenario classroom < moves.txt
    Play {
        /// Plain text instead of the full-screen interface.
        #[arg(long)]
        plain: bool,
        /// A built-in scenario id (race-2025, classroom, meta-ahead) or a scenario file.
        #[arg(long, conflicts_with = "load")]
        scenario: Option<String>,
        /// The world's seed (a whole number); random when left out.
        #[arg(long, value_parser = seed_arg, allow_hyphen_values = true, conflicts_with = "load")]
        seed: Option<u64>,
        /// easy, normal, hard or brutal.
        #[arg(long, value_parser = difficulty_arg, conflicts_with = "load")]
        difficulty: Option<String>,
        /// Continue a save (it is checked and replayed first).
        #[arg(long, value_name = "SAVE")]
        load: Option<PathBuf>,
        /// A what-if, as `ai-race fork SAVE --month N`: the save's decisions before month N
        /// replayed in the same world, then you play on.
        #[arg(long, value_name = "SAVE", requires = "month", conflicts_with_all = ["scenario", "seed", "difficulty", "load"])]
        fork: Option<PathBuf>,
        /// The month a fork takes over at (with --fork).
        #[arg(long, value_name = "N", requires = "fork")]
        month: Option<u32>,
    },
    /// Play many games headless with a scripted strategy and print the results.
    ///
    /// A locked scenario (like classroom) is one world: every game plays its fixed seed and
    /// difficulty, so the games differ only when the strategy is random; asking for another
    /// difficulty is refused.
    Sim {
        /// The strategy: random, hire-only, adopt-only, pipeline-only, hoard, balanced,
        /// balanced-no-hire, balanced-no-adopt, balanced-no-pipeline, balanced-no-compute,
        /// talent-first, compute-first, adopt-first, pipeline-first, everything, reckless,
        /// or expert (looks ahead: plays the plan that does best over imagined futures with
        /// fresh dice; slower).
        #[arg(long, required_unless_present_any = ["policy_file", "params"], value_parser = policy_arg)]
        policy: Option<String>,
        /// With --policy expert: a tuned strategy (RON, as `tune` prints it) the expert starts
        /// from and counts among the plans it chooses from.
        #[arg(long, value_name = "FILE", requires = "policy")]
        base: Option<PathBuf>,
        /// Play the priority policy with the parameters in FILE (RON, as `tune` prints them).
        #[arg(long, value_name = "FILE", conflicts_with_all = ["policy", "params"])]
        policy_file: Option<PathBuf>,
        /// Play the priority policy with these parameters (RON text, as `tune` prints them).
        #[arg(long, value_name = "RON", conflicts_with = "policy")]
        params: Option<String>,
        /// How many games (1 to 1,000,000).
        #[arg(long, default_value = "1000", allow_hyphen_values = true, value_parser = games_arg)]
        games: u32,
        /// The run's seed (each game's seed is derived from it).
        #[arg(long, default_value = "1", allow_hyphen_values = true, value_parser = seed_arg)]
        seed: u64,
        /// A built-in scenario id (race-2025, classroom, meta-ahead) or a scenario file.
        #[arg(long, default_value = "race-2025")]
        scenario: String,
        /// easy, normal, hard or brutal.
        #[arg(long, value_parser = difficulty_arg)]
        difficulty: Option<String>,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
        /// Also write the save of the run's last game to FILE (replace FILE if it exists).
        #[arg(long, value_name = "FILE")]
        save: Option<PathBuf>,
        /// Also write every game's save into DIR (policy-<strategy>-<n>.ron, the strategy
        /// named as the player), so `report` ranks these reference games beside a class's.
        /// At most 1,000 games; never overwrites a file.
        #[arg(long, value_name = "DIR")]
        save_dir: Option<PathBuf>,
    },
    /// Search for the strongest scripted strategy: hill-climbing with random restarts over rule
    /// lists of the priority policy's parameters (conditions on month, progress, lead, budget
    /// and risk), each candidate judged on the same games. Prints the best as RON (for `sim
    /// --policy-file`) with its win rate measured on fresh games: the games `sim --seed SEED`
    /// plays.
    Tune {
        /// A built-in scenario id or a scenario file (a locked one is searched on its one world).
        #[arg(long, default_value = "race-2025")]
        scenario: String,
        /// easy, normal, hard or brutal.
        #[arg(long)]
        difficulty: Option<String>,
        /// The run's seed: the same seed finds the same strategy.
        #[arg(long, default_value = "1", allow_hyphen_values = true)]
        seed: String,
        /// Games per candidate during the search (1 to 100,000).
        #[arg(long, default_value = "200", allow_hyphen_values = true)]
        games: String,
        /// Candidates to evaluate in all (1 to 100,000); the search's time grows with it. Two
        /// thirds go to the climbs from fresh starts, the rest to climbing on from their best.
        #[arg(long, default_value = "480", allow_hyphen_values = true)]
        budget_evals: String,
        /// Climbs from a fresh start: from balanced, talent-first, adopt-first, pipeline-first,
        /// compute-first and reckless in turn, then from random plans.
        #[arg(long, default_value = "6", allow_hyphen_values = true)]
        restarts: String,
        /// Fresh games on which the best is measured (1 to 1,000,000).
        #[arg(long, default_value = "2000", allow_hyphen_values = true)]
        measure_games: String,
        /// Also print a Markdown table of every named policy and the best, and how many
        /// search games each part of the best is worth.
        #[arg(long)]
        report: bool,
        /// Write the best parameters to FILE (RON) as well.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check saves by replaying them: one line per file (verified, modified at month N, needs
    /// version X, or not a valid save: why). Exits with 1 if any file is not verified.
    Verify {
        /// The save files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Open a save: it is checked and replayed first.
    Load {
        /// The save file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The teacher's new version of the game's scenario file: its pauses replace the
        /// save's (the file must be the same world; only pause_at may differ).
        #[arg(long, value_name = "SCENARIO_FILE")]
        scenario: Option<PathBuf>,
        /// Go on racing a ghost: a verified save played in the same world (see `new --ghost`).
        #[arg(long, value_name = "SAVE")]
        ghost: Option<PathBuf>,
    },
    /// Fork a saved game: a what-if. The save is verified, its decisions made before month N
    /// are replayed in the same world (content, difficulty and seed), and a new game opens at
    /// the start of month N for you to decide otherwise. Its save names its parent and
    /// verifies on its own; `debrief FORK --parent SAVE` compares the two timelines.
    Fork {
        /// The save to fork (it is verified by replay first).
        #[arg(value_name = "SAVE")]
        save: PathBuf,
        /// The month to take over at: 1 (the first month) to the month the save is in.
        #[arg(long, value_name = "N")]
        month: u32,
    },
    /// Print the debrief of a saved game as Markdown: the race over time, your decisions,
    /// what each lever was worth (replayed without it), what the rivals did, the score and
    /// three discussion questions. Give a folder to debrief every save in it.
    Debrief {
        /// The save file (it is verified by replay first), or a folder of saves; without it,
        /// every save in the saves folder.
        #[arg(value_name = "SAVE_OR_DIR")]
        save: Option<PathBuf>,
        /// md (Markdown) or html (a page to project or print, charts included).
        #[arg(long, value_enum, default_value = "md", ignore_case = true)]
        format: ReportFormat,
        /// Write the debrief to FILE instead of the screen (a folder's debriefs go in one
        /// document, each student's on a new printed page).
        #[arg(long, value_name = "FILE", conflicts_with = "out_dir")]
        out: Option<PathBuf>,
        /// Write one debrief per save into DIR, named after each save file (created if
        /// missing; a name two saves share gets -2, -3...).
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// For a what-if fork: its parent's save, to compare the two timelines side by side
        /// (found automatically when it is in the same folder as the fork).
        #[arg(long, value_name = "PARENT")]
        parent: Option<PathBuf>,
    },
    /// Rank a class's saves: each is verified by replay, ranked by score within its scenario
    /// and seed, summarised, and any file that cannot be ranked is listed with the reason.
    Report {
        /// Save files, or folders of saves (every .ron file in the folder); without them, the
        /// saves folder.
        #[arg(value_name = "DIR_OR_FILES")]
        inputs: Vec<PathBuf>,
        /// md (Markdown, to read), csv (to open in a spreadsheet) or html (a page to project
        /// or print, charts included).
        #[arg(long, value_enum, default_value = "md", ignore_case = true)]
        format: ReportFormat,
        /// Write the report to FILE instead of the screen.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace the players' names with "Student 1".."Student N" (by rank) and hide file
        /// names, for projecting.
        #[arg(long)]
        anonymize: bool,
        /// Draw this student (player or file name; may be given again) as a named line on the
        /// HTML race chart, beside the best three and the class's band.
        #[arg(long, value_name = "NAME")]
        highlight: Vec<String>,
    },
    /// The teacher's live board: watches a shared folder of saves (autosaves too) and shows
    /// the ranking, each student's month, the class race chart and the flagged files,
    /// refreshed as saves arrive. Reads the folder once a second; never writes to it.
    Class {
        /// The class's shared saves folder.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// List the built-in scenarios, check a scenario file, or start a new one.
    Scenario {
        #[command(subcommand)]
        action: ScenarioCmd,
    },
    /// Print a tab-completion script for your shell (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): ai-race man > ai-race.1; man ./ai-race.1
    Man,
    /// Show your settings file, or remember the flags given with it for every launch:
    /// ai-race settings --player Ada --theme light --ascii --no-mouse --saves-dir DIR
    Settings {
        /// Delete the settings file: back to the defaults.
        #[arg(long)]
        reset: bool,
    },
}

/// The colours asked for with `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Your terminal's own colours; bold, dim and reverse for emphasis.
    Terminal,
    /// Colours for a dark background.
    Dark,
    /// Colours for a light background.
    Light,
    /// Ask the terminal for its background colour (the terminal's own colours if it does not
    /// say).
    Auto,
}

/// The class report's output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown, to read.
    #[value(alias = "markdown")]
    Md,
    /// Comma-separated values, to open in a spreadsheet.
    Csv,
    /// One self-contained web page, to project or print.
    Html,
}

/// An error and the exit code it ends the program with: 1 for a result that failed (a save
/// that does not verify, nothing to rank), 2 for a usage mistake.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure { message, code: 1 }
    }
}

/// The name `sim --policy` takes for the expert.
const EXPERT: &str = "expert";

fn policy_arg(s: &str) -> Result<String, String> {
    if s.trim() == EXPERT {
        return Ok(EXPERT.to_string());
    }
    match Policy::from_name(s.trim()) {
        Some(p) => Ok(p.name().to_string()),
        None => Err(format!(
            "unknown policy '{}'; choose one of: {}",
            save::sanitize(s, 40),
            Policy::names()
        )),
    }
}

fn games_arg(s: &str) -> Result<u32, String> {
    s.trim()
        .parse()
        .ok()
        .filter(|g| (1..=1_000_000).contains(g))
        .ok_or_else(|| {
            format!(
                "--games must be a whole number from 1 to 1000000, found '{}'",
                save::sanitize(s, 40)
            )
        })
}

fn seed_arg(s: &str) -> Result<u64, String> {
    s.trim().parse().map_err(|_| {
        format!(
            "--seed must be a whole number from 0 to 18446744073709551615, found '{}'",
            save::sanitize(s, 40)
        )
    })
}

fn difficulty_arg(s: &str) -> Result<String, String> {
    let d = s.trim();
    if content::difficulties().iter().any(|x| x.id == d) {
        Ok(d.to_string())
    } else {
        Err(format!(
            "unknown difficulty '{}'; choose one of: {}",
            save::sanitize(s, 40),
            content::difficulty_ids()
        ))
    }
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
    /// Print the codes that let students on at the scenario's pauses (pause_at): one per
    /// month, the same for the whole class. A pacing tool, not a lock.
    Code {
        /// The scenario file, like week-3.ron.
        file: PathBuf,
        /// Only the code for this month (1 = the first turn).
        #[arg(long, value_name = "N")]
        month: Option<u16>,
    },
}

/// How the interface looks and listens: the global flags, then the settings file, then the
/// environment.
fn look(cli: &Cli, settings: &ui::settings::Settings) -> (ui::Theme, ui::terminal::Options) {
    let mono = cli.no_color || ui::theme::no_color_env();
    let from_file = settings.theme_choice().map(|c| match c {
        ui::ThemeChoice::Terminal => ThemeArg::Terminal,
        ui::ThemeChoice::Dark => ThemeArg::Dark,
        ui::ThemeChoice::Light => ThemeArg::Light,
        ui::ThemeChoice::Auto => ThemeArg::Auto,
    });
    let choice = cli.theme.or(from_file).unwrap_or(ThemeArg::Terminal);
    let palette = match choice {
        _ if mono => ui::Palette::Mono,
        ThemeArg::Dark => ui::Palette::Dark,
        ThemeArg::Light => ui::Palette::Light,
        ThemeArg::Terminal | ThemeArg::Auto => ui::Palette::Terminal,
    };
    let ascii = cli.ascii || settings.ascii.unwrap_or_else(ui::symbols::ascii_from_env);
    let options = ui::terminal::Options {
        mouse: !cli.no_mouse && settings.mouse != Some(false),
        detect_background: choice == ThemeArg::Auto && !mono,
    };
    (ui::Theme::with_palette(palette, ascii), options)
}

/// The game needs a terminal on both ends; say so at once (after the arguments were checked,
/// so a mistake in them is named first).
fn need_terminal() -> Result<(), Failure> {
    match ui::terminal::not_a_terminal() {
        Some(why) => Err(Failure::usage(why)),
        None => Ok(()),
    }
}

pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let interactive = matches!(
        cli.command,
        None | Some(Cmd::New { .. })
            | Some(Cmd::Load { .. })
            | Some(Cmd::Fork { .. })
            | Some(Cmd::Play { .. })
            | Some(Cmd::Settings { .. })
    );
    // A broken settings file stops only the commands that use it; the headless ones, which a
    // teacher's script runs, go on with the defaults.
    let settings = match ui::settings::path().map(|p| ui::settings::Settings::load(&p)) {
        // `settings --reset` is the way out of a broken file, so it never stops on one.
        Some(Err(e))
            if interactive && !matches!(cli.command, Some(Cmd::Settings { reset: true })) =>
        {
            return Err(Failure::from(e));
        }
        Some(Ok(s)) => s,
        _ => ui::settings::Settings::default(),
    };
    let look = look(&cli, &settings);
    let store = save::Store::new(ui::settings::saves_folder(
        cli.saves_dir.as_deref(),
        &settings,
    ));
    let player = player_name(cli.player.as_deref().or(settings.player.as_deref()))
        .map_err(Failure::usage)?;
    // A save named as the guides print it (`saves/ada-lovelace.ron`) is found in the saves
    // folder when there is no `saves` folder here.
    let saves = store.dir().to_path_buf();
    let find = |p: &Path| save::resolve_in(&saves, p);
    let store = (store, player);
    match cli.command {
        None => play(look, None, store),
        Some(Cmd::New {
            ghost: Some(ghost), ..
        }) => {
            let session = ghost_session(&find(&ghost))?;
            play(look, Some(session), store)
        }
        Some(Cmd::New {
            scenario,
            seed,
            difficulty,
            ghost: None,
            code,
        }) => {
            let session = match code {
                Some(code) => code_session(&code, scenario.as_deref())?,
                None => new_session(scenario.as_deref(), seed, difficulty.as_deref())?,
            };
            play(look, Some(session), store)
        }
        Some(Cmd::Play {
            plain,
            scenario,
            seed,
            difficulty,
            load,
            fork,
            month,
        }) => {
            let session = match (&load, &fork, month) {
                (Some(file), _, _) => load_session(&find(file))?,
                (None, Some(file), Some(month)) => fork_session(&find(file), month)?,
                _ => new_session(scenario.as_deref(), seed, difficulty.as_deref())?,
            };
            if plain {
                plain_play(session, store, look.0.ascii)
            } else {
                play(look, Some(session), store)
            }
        }
        Some(Cmd::Completions { shell }) => {
            use clap::CommandFactory;
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "ai-race", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Settings { reset }) => settings_command(&cli, settings, reset),
        Some(Cmd::Man) => {
            use clap::CommandFactory;
            let cmd = Cli::command();
            clap_mangen::Man::new(cmd)
                .render(&mut std::io::stdout())
                .map_err(|e| format!("the manual page could not be written: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Cmd::Sim {
            policy,
            base,
            policy_file,
            params,
            games,
            seed,
            scenario,
            difficulty,
            json,
            save,
            save_dir,
        }) => {
            let (games, seed) = (games.to_string(), seed.to_string());
            let run = SimRun::parse(
                (policy.as_deref(), policy_file.as_deref(), params.as_deref()),
                base.as_deref(),
                &games,
                &seed,
                &scenario,
                difficulty.as_deref(),
            )?;
            // Checked before the run: a refusal costs no time and writes nothing.
            let planned = match &save_dir {
                Some(dir) => Some(sim::plan_saves(dir, &run.name, run.games)?),
                None => None,
            };
            let code = sim_command(&run, json);
            if let Some(path) = save {
                sim_save(&run, &path)?;
            }
            if let (Some(dir), Some(paths)) = (save_dir, planned) {
                sim::write_saves(
                    &run.content,
                    (&run.strategy, &run.name),
                    (run.seed, run.world),
                    &paths,
                )?;
                eprintln!(
                    "saved {} games to {} as \"{}\"",
                    paths.len(),
                    save::sanitize(&dir.display().to_string(), 120),
                    sim::player_of(&run.name)
                );
            }
            Ok(code)
        }
        Some(Cmd::Tune {
            scenario,
            difficulty,
            seed,
            games,
            budget_evals,
            restarts,
            measure_games,
            report,
            out,
        }) => Ok(tune_command(
            &scenario,
            difficulty.as_deref(),
            [&seed, &games, &budget_evals, &restarts, &measure_games],
            report,
            out.as_deref(),
        )?),
        Some(Cmd::Verify { files }) => {
            let files: Vec<PathBuf> = files.iter().map(|f| find(f)).collect();
            Ok(verify_command(&files))
        }
        Some(Cmd::Load {
            file,
            scenario,
            ghost,
        }) => {
            let mut session = load_session(&find(&file))?;
            if let Some(path) = scenario {
                new_scenario_version(&mut session, &path)?;
            }
            if let Some(ghost) = ghost.as_deref().map(find) {
                let shown = save::sanitize(&ghost.display().to_string(), 120);
                let verified = save::load_path(&ghost).map_err(|e| {
                    format!(
                        "cannot race {shown}: {}; only a save that verifies can be raced",
                        e.verdict()
                    )
                })?;
                ui::ghost::attach(&mut session, &verified)
                    .map_err(|e| format!("cannot race {shown}: {e}"))?;
            }
            play(look, Some(session), store)
        }
        Some(Cmd::Fork { save, month }) => {
            let session = fork_session(&find(&save), month)?;
            play(look, Some(session), store)
        }
        Some(Cmd::Scenario { action }) => Ok(scenario_command(action)?),
        Some(Cmd::Debrief {
            save,
            format,
            out,
            out_dir,
            parent,
        }) => {
            out_not_a_save(out.as_deref())?;
            // No save named: every save in the saves folder.
            let save = save.as_deref().map_or_else(|| saves.clone(), find);
            debrief_command(
                &save,
                format,
                out.as_deref(),
                out_dir.as_deref(),
                parent.as_deref().map(find).as_deref(),
            )
        }
        Some(Cmd::Report {
            inputs,
            format,
            out,
            anonymize,
            highlight,
        }) => {
            out_not_a_save(out.as_deref())?;
            // No folder named: the saves folder.
            let inputs: Vec<PathBuf> = if inputs.is_empty() {
                vec![saves.clone()]
            } else {
                inputs.iter().map(|i| find(i)).collect()
            };
            let how = ReportHow {
                format,
                anonymize,
                highlight,
            };
            Ok(report_command(&inputs, &how, out.as_deref())?)
        }
        Some(Cmd::Class { dir }) => class_command(&dir, look),
    }
}

/// `ai-race class DIR`: the live board, on a terminal only.
fn class_command(
    dir: &Path,
    (theme, options): (ui::Theme, ui::terminal::Options),
) -> Result<ExitCode, Failure> {
    need_terminal()?;
    if !dir.is_dir() {
        return Err(Failure::usage(format!(
            "'{}' is not a folder; give the class's shared saves folder",
            save::sanitize(&dir.display().to_string(), 120)
        )));
    }
    let view = ui::board::BoardView::new(ai_race::report::board::Board::new(dir), theme);
    ui::board::run(view, options).map_err(|e| format!("the class board stopped: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// `ai-race settings`: writes the flags given into the settings file (or deletes it with
/// `--reset`), then shows the file and where it is.
fn settings_command(
    cli: &Cli,
    mut settings: ui::settings::Settings,
    reset: bool,
) -> Result<ExitCode, Failure> {
    let path = ui::settings::path().ok_or_else(|| {
        Failure::from("no config folder: set HOME (or APPDATA on Windows)".to_string())
    })?;
    let shown = save::sanitize(&path.display().to_string(), 200);
    if reset {
        match std::fs::remove_file(&path) {
            Ok(()) => println!("Deleted {shown}: every setting is back to its default."),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                println!("No settings file at {shown}: every setting is at its default.");
            }
            Err(e) => return Err(format!("cannot delete {shown}: {e}").into()),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let before = settings.clone();
    if let Some(name) = player_name(cli.player.as_deref()).map_err(Failure::usage)? {
        settings.player = Some(name);
    }
    if let Some(t) = cli.theme {
        let name = match t {
            ThemeArg::Terminal => "terminal",
            ThemeArg::Dark => "dark",
            ThemeArg::Light => "light",
            ThemeArg::Auto => "auto",
        };
        settings.theme = Some(name.to_string());
    }
    if cli.ascii {
        settings.ascii = Some(true);
    }
    if cli.no_mouse {
        settings.mouse = Some(false);
    }
    if let Some(dir) = &cli.saves_dir {
        settings.saves = Some(std::path::absolute(dir).unwrap_or_else(|_| dir.clone()));
    }
    if settings != before {
        settings.save(&path)?;
        println!("Saved {shown}:");
    } else {
        println!("{shown}:");
    }
    print!("{}", settings.to_text());
    Ok(ExitCode::SUCCESS)
}

/// `--out` naming a `.ron` file is a usage mistake: a report is never written over a save.
fn out_not_a_save(out: Option<&Path>) -> Result<(), Failure> {
    match out {
        Some(path)
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron")) =>
        {
            Err(Failure::usage(format!(
                "--out {}: a .ron file could be a save; choose a name ending in .md, .csv or .html",
                save::sanitize(&path.display().to_string(), 120)
            )))
        }
        _ => Ok(()),
    }
}

/// Prints `text`, or writes it (atomically) to `out` (`-`: the screen). A report is never
/// written over a save, nor over anything but a regular file.
fn emit(text: &str, out: Option<&Path>, what: &str) -> Result<(), String> {
    match out {
        None => {
            print!("{text}");
            Ok(())
        }
        Some(path) if path == Path::new("-") => {
            print!("{text}");
            Ok(())
        }
        Some(path) => {
            let shown = save::sanitize(&path.display().to_string(), 120);
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                return Err(format!(
                    "--out {shown}: a .ron file could be a save; choose a name ending in .md or .csv"
                ));
            }
            save::write_text_file(path, text, what).map_err(|e| format!("--out {shown}: {e}"))?;
            eprintln!("wrote {shown}");
            Ok(())
        }
    }
}

/// `ai-race debrief`: one save's debrief, or every save's in a folder (one document, or one
/// file each with `--out-dir`).
fn debrief_command(
    path: &Path,
    format: ReportFormat,
    out: Option<&Path>,
    out_dir: Option<&Path>,
    parent: Option<&Path>,
) -> Result<ExitCode, Failure> {
    use ai_race::report::Debrief;
    let ext = match format {
        ReportFormat::Md => "md",
        ReportFormat::Html => "html",
        ReportFormat::Csv => {
            return Err(Failure::usage(
                "a debrief is written as md or html; csv is for the class report (ai-race \
                 report DIR --format csv)"
                    .to_string(),
            ));
        }
    };
    let render = |d: &Debrief| match format {
        ReportFormat::Html => d.to_html(),
        _ => d.to_markdown(),
    };
    let collected = ai_race::report::class::collect(&[path.to_path_buf()]);
    let single = !path.is_dir();
    let cache = save::ContentCache::new();
    let mut failed = collected.failed.len();
    for f in &collected.failed {
        eprintln!("ai-race: {}: {}", f.file, f.reason);
    }
    let mut debriefs: Vec<(PathBuf, Debrief)> = Vec::new();
    // A what-if fork's debrief ends with its two timelines side by side (one save), as
    // Markdown and as HTML.
    let mut fork_part: Option<(String, String)> = None;
    if parent.is_some() && !single {
        return Err(Failure::usage(
            "--parent compares one fork with its parent: give the fork's save, not a folder"
                .to_string(),
        ));
    }
    for file in &collected.files {
        let shown = save::sanitize(&file.display().to_string(), 120);
        match cache.load_path(file) {
            Ok(verified) => {
                let play = &verified.play;
                let d = Debrief::from_game(&play.game, play.decisions())
                    .with_player(play.record.player.as_deref())
                    .with_origin(verified.origin);
                if single {
                    fork_part = fork_section(file, &verified, parent)?;
                }
                debriefs.push((file.clone(), d));
            }
            Err(e) if single => return Err(Failure::from(format!("{shown}: {}", e.verdict()))),
            Err(e) => {
                failed += 1;
                eprintln!("ai-race: {shown}: not debriefed: {}", e.verdict());
            }
        }
    }
    match out_dir {
        Some(dir) => {
            let written = write_debriefs(dir, ext, &debriefs, &render)?;
            eprintln!(
                "wrote {written} debrief{} into {}",
                if written == 1 { "" } else { "s" },
                save::sanitize(&dir.display().to_string(), 120)
            );
        }
        None => {
            let text = match (format, debriefs.as_slice()) {
                (ReportFormat::Md, [(_, d)]) => match &fork_part {
                    Some((section, _)) => format!("{}\n{section}", d.to_markdown()),
                    None => d.to_markdown(),
                },
                (ReportFormat::Html, [(_, d)]) => match &fork_part {
                    Some((_, section)) => d.to_html_with(section),
                    None => d.to_html(),
                },
                (_, [(_, d)]) => render(d),
                (ReportFormat::Html, _) => {
                    let all: Vec<Debrief> = debriefs.iter().map(|(_, d)| d.clone()).collect();
                    Debrief::many_to_html(&all)
                }
                _ => debriefs
                    .iter()
                    .map(|(_, d)| d.to_markdown())
                    .collect::<Vec<_>>()
                    .join("\n---\n\n"),
            };
            if !debriefs.is_empty() {
                emit(&text, out, "debrief")?;
            }
        }
    }
    if debriefs.is_empty() {
        eprintln!(
            "ai-race: nothing to debrief in {}: give a save or a folder of .ron saves",
            save::sanitize(&path.display().to_string(), 120)
        );
        return Ok(ExitCode::from(1));
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes each debrief into `dir` as `<save name>.<ext>`: the name made of the save file's
/// stem in safe characters (no folder, no dot-dot, nothing a shell or Windows minds), a second
/// save of the same safe name getting -2, -3... A file of that name from an earlier run is
/// replaced (it is a debrief: only .md and .html names are written, never a save); a symlink
/// or anything but a regular file is refused.
fn write_debriefs(
    dir: &Path,
    ext: &str,
    debriefs: &[(PathBuf, ai_race::report::Debrief)],
    render: &dyn Fn(&ai_race::report::Debrief) -> String,
) -> Result<usize, Failure> {
    let shown = save::sanitize(&dir.display().to_string(), 120);
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(Failure::usage(format!(
                "--out-dir {shown}: not a folder; give a folder for the debriefs"
            )));
        }
        Err(_) => std::fs::create_dir_all(dir)
            .map_err(|e| format!("--out-dir {shown}: cannot create the folder ({e})"))?,
    }
    let mut used: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for (file, d) in debriefs {
        let stem = file.file_stem().map_or_else(
            || "debrief".to_string(),
            |s| save::slug(&s.to_string_lossy()),
        );
        let mut name = format!("{stem}.{ext}");
        let mut n = 1;
        while used.contains(&name) {
            n += 1;
            name = format!("{stem}-{n}.{ext}");
        }
        used.insert(name.clone());
        let target = dir.join(&name);
        save::write_text_file(&target, &render(d), "debrief")
            .map_err(|e| format!("--out-dir {shown}: {name}: {e}"))?;
    }
    Ok(used.len())
}

/// The what-if comparison a fork's debrief ends with: against `parent` when given (it must
/// verify and be the parent the fork records), else against the save in the fork's folder that
/// has the recorded fingerprint; a note when that is not there. Nothing for a game that is not
/// a fork.
fn fork_section(
    path: &Path,
    fork: &save::Verified,
    parent: Option<&Path>,
) -> Result<Option<(String, String)>, String> {
    let shown = save::sanitize(&path.display().to_string(), 120);
    let Some(recorded) = &fork.play.record.parent else {
        return match parent {
            Some(_) => Err(format!(
                "{shown} is not a what-if fork (it records no parent); give the fork's save \
                 first and its parent after --parent"
            )),
            None => Ok(None),
        };
    };
    let found = match parent {
        Some(p) => {
            let shown_p = save::sanitize(&p.display().to_string(), 120);
            let v = save::load_path(p)
                .map_err(|e| format!("cannot compare with {shown_p}: {}", e.verdict()))?;
            if !save::is_genuine(&v) {
                return Err(format!(
                    "cannot compare with {shown_p}: {}",
                    save::modified_scenario(&v)
                ));
            }
            if !save::is_parent_of(recorded, &v) {
                return Err(format!(
                    "{shown_p} is not the parent of {shown}: the fork records a game with \
                     fingerprint {} and this is another game",
                    recorded.fingerprint
                ));
            }
            Some(v)
        }
        None => {
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
            let found = save::find_parent(dir.unwrap_or(Path::new(".")), recorded, path);
            if let Some((p, _)) = &found {
                eprintln!(
                    "compared with its parent {}",
                    save::sanitize(&p.display().to_string(), 120)
                );
            }
            found.map(|(_, v)| v)
        }
    };
    let Some(parent) = found else {
        let note = format!(
            "This game is a what-if fork of another game from month {} (fingerprint {}); \
             neither that save nor a later save of the same game is in its folder. Give it \
             with `--parent PARENT` to compare the two timelines.",
            recorded.month, recorded.fingerprint
        );
        let html = format!(
            "<section><h2>What if</h2><p>{}</p></section>",
            ai_race::report::sanitize::html(&note, 400)
        );
        return Ok(Some((format!("## What if\n\n{note}\n"), html)));
    };
    use ai_race::report::fork::Side;
    let comparison =
        ai_race::report::ForkComparison::build(&Side::of(&parent), &Side::of(fork), recorded.month);
    Ok(Some((comparison.to_markdown(), comparison.to_html())))
}

/// How `report` shows what it found.
struct ReportHow {
    format: ReportFormat,
    anonymize: bool,
    highlight: Vec<String>,
}

fn report_command(
    inputs: &[PathBuf],
    how: &ReportHow,
    out: Option<&Path>,
) -> Result<ExitCode, String> {
    let mut report = ai_race::report::ClassReport::build(inputs);
    for name in &how.highlight {
        if report.highlight(name) == 0 {
            eprintln!(
                "--highlight: no ranked student is called '{}'",
                ai_race::save::sanitize(name, 40)
            );
        }
    }
    if how.anonymize {
        report.anonymize();
    }
    let text = match how.format {
        ReportFormat::Csv => report.to_csv(),
        ReportFormat::Md => report.to_markdown(),
        ReportFormat::Html => report.to_html(),
    };
    emit(&text, out, "report")?;
    // A report that ranks nothing is a failed result: say why on the error stream too, so a
    // script (or a teacher who typed the wrong folder) notices.
    if report.groups.iter().all(|g| g.entries.is_empty()) {
        let why = match report.failed.len() {
            0 => "no saves found".to_string(),
            n => format!("none of the {n} file(s) could be ranked"),
        };
        let shown: Vec<String> = inputs
            .iter()
            .map(|p| save::sanitize(&p.display().to_string(), 60))
            .collect();
        eprintln!(
            "ai-race: nothing ranked in {}: {why}; give a folder of .ron saves or save files",
            shown.join(", ")
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
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
        ScenarioCmd::Code { file, month } => pause_codes(&file, month),
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

/// The `--player` name, checked: a save accepts at most 40 characters of plain text.
fn player_name(name: Option<&str>) -> Result<Option<String>, String> {
    let Some(name) = name.map(str::trim) else {
        return Ok(None);
    };
    let plain = !name.is_empty()
        && name.chars().count() <= save::MAX_PLAYER_NAME
        && !name.chars().any(char::is_control);
    if plain {
        Ok(Some(name.to_string()))
    } else {
        Err(format!(
            "--player must be 1 to {} characters of plain text",
            save::MAX_PLAYER_NAME
        ))
    }
}

/// Opens the interface (on the title screen, or straight into a game), saving into the
/// store's folder under the player's name.
fn play(
    (theme, options): (ui::Theme, ui::terminal::Options),
    session: Option<ui::Session>,
    (store, player): (save::Store, Option<String>),
) -> Result<ExitCode, Failure> {
    need_terminal()?;
    let mut app = ui::App::new(theme, (80, 24));
    app.player = player;
    app.set_store(store);
    if let Some(s) = session {
        app.start(s);
    }
    ui::run(app, options).map_err(|e| format!("the terminal failed: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// `ai-race play --plain`: the game as lines of text on standard input and output.
fn plain_play(
    mut session: ui::Session,
    (store, player): (save::Store, Option<String>),
    ascii: bool,
) -> Result<ExitCode, Failure> {
    if session.record.player.is_none() {
        session.record.player = player;
    }
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    match ai_race::plain::play(session, Some(store), ascii, stdin.lock(), stdout.lock()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // Whoever reads the output stopped reading (`| head`): nothing left to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("plain mode stopped: {e}").into()),
    }
}

/// The game `ai-race new` asks for: a built-in scenario or a file, a seed and a difficulty.
/// A locked scenario keeps its own seed and difficulty; asking for others is an error.
/// `new --code CODE`: the world a code names. A built-in scenario's code works anywhere; a
/// teacher's scenario's code needs the file, and the file must be the one the code names.
fn code_session(code: &str, scenario: Option<&str>) -> Result<ui::Session, Failure> {
    use ai_race::content::code::CodeScenario;
    let world = content::code::decode(code).map_err(|e| Failure::usage(e.to_string()))?;
    match &world.scenario {
        CodeScenario::Builtin(id) => {
            if let Some(given) = scenario
                && given != id
            {
                return Err(Failure::usage(format!(
                    "the code is for the built-in scenario '{id}'; leave out --scenario {}",
                    save::sanitize(given, 60)
                )));
            }
            Ok(new_session(
                Some(id),
                Some(world.seed),
                Some(&world.difficulty),
            )?)
        }
        CodeScenario::Custom(fingerprint) => {
            let Some(file) = scenario.filter(|s| content::builtin_scenario_text(s).is_none())
            else {
                return Err(Failure::usage(format!(
                    "this code is for a custom scenario (fingerprint {fingerprint}): run with \
                     --scenario FILE, the teacher's scenario file"
                )));
            };
            let session = new_session(Some(file), Some(world.seed), Some(&world.difficulty))?;
            let have = content::fingerprint_short(session.content());
            if have != *fingerprint {
                return Err(Failure::usage(format!(
                    "{} is not the scenario of this code: the code needs fingerprint \
                     {fingerprint}, the file's is {have} (ask for the teacher's current file)",
                    save::sanitize(file, 120)
                )));
            }
            Ok(session)
        }
    }
}

fn new_session(
    scenario: Option<&str>,
    seed: Option<u64>,
    difficulty: Option<&str>,
) -> Result<ui::Session, String> {
    let id = scenario.unwrap_or("race-2025");
    let content = if content::builtin_scenario_text(id).is_some() {
        content::builtin(id, difficulty)
    } else {
        let text = read_capped(id)?;
        content::load_scenario_file_text(id, &text, difficulty).map(Arc::new)
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
    let mut session = ui::Session::new(content, seed);
    if content::builtin_scenario_text(id).is_none() {
        // Read again at a pause, for the teacher's new version.
        session.scenario_file = Some(PathBuf::from(id));
    }
    Ok(session)
}

/// `load --scenario`: the teacher's new version of the game's scenario file gives the game
/// its pauses (only a file of the same world is taken).
fn new_scenario_version(session: &mut ui::Session, path: &Path) -> Result<(), String> {
    let shown = save::sanitize(&path.display().to_string(), 120);
    let difficulty = session.content().difficulty.id.clone();
    let new = content::load_scenario_file(path, Some(&difficulty)).map_err(|e| e.to_string())?;
    session
        .adopt_scenario_version(new)
        .map_err(|why| format!("cannot take the pauses of {shown}: {why}"))?;
    session.scenario_file = Some(path.to_path_buf());
    Ok(())
}

/// `scenario code FILE [--month N]`: the codes of the file's pauses.
fn pause_codes(file: &Path, month: Option<u16>) -> Result<ExitCode, String> {
    let shown = save::sanitize(&file.display().to_string(), 120);
    let content = content::load_scenario_file(file, None).map_err(|e| e.to_string())?;
    let months: Vec<u16> = match month {
        Some(m) if (1..=content.scenario.months).contains(&m) => vec![m],
        Some(m) => {
            return Err(format!(
                "--month must be from 1 to {} (the campaign's length), found {m}",
                content.scenario.months
            ));
        }
        None if content.pause_at.is_empty() => {
            return Err(format!(
                "{shown} has no pauses; add a line like `pause_at: [6],` or give --month N"
            ));
        }
        None => content.pause_at.clone(),
    };
    for m in months {
        let date = content.date_label(m.saturating_sub(1));
        let note = if content.pause_at.contains(&m) {
            ""
        } else {
            " (the file does not pause there)"
        };
        println!(
            "month {m} ({date}): {}{note}",
            content::pause::code(&content, m)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads a scenario file the careful way (regular files only, size-capped, UTF-8), or says
/// that the name is neither a built-in scenario nor a file.
fn read_capped(path: &str) -> Result<String, String> {
    if std::fs::symlink_metadata(path).is_err() {
        let known = content::BUILTIN_SCENARIOS
            .iter()
            .map(|(id, _)| *id)
            .collect::<Vec<_>>()
            .join(", ");
        return Err(format!(
            "'{}' is neither a built-in scenario ({known}) nor a file I can open",
            save::sanitize(path, 120)
        ));
    }
    content::read_scenario_file(std::path::Path::new(path)).map_err(|e| e.to_string())
}

/// A checked `sim` request: the strategy, the games and the world they are played in.
struct SimRun {
    name: String,
    strategy: policy::Strategy,
    games: u32,
    seed: u64,
    content: Arc<ai_race::game::Content>,
    /// The one world of a locked scenario.
    world: Option<u64>,
}

impl SimRun {
    fn parse(
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

fn parse_count(flag: &str, text: &str, max: u32) -> Result<u32, String> {
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

fn parse_seed(seed: &str) -> Result<u64, String> {
    seed.trim().parse().map_err(|_| {
        format!(
            "--seed must be a whole number from 0 to 18446744073709551615, found '{}'",
            save::sanitize(seed, 40)
        )
    })
}

/// The content a headless run plays: a built-in scenario or a file, at a difficulty. A locked
/// scenario keeps its difficulty (another is refused) and returns its one world's seed.
fn sim_content(
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

fn sim_command(run: &SimRun, json: bool) -> ExitCode {
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
fn sim_save(run: &SimRun, path: &Path) -> Result<(), String> {
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

/// `ai-race tune`: the search, the best as RON and its measured win rate; with `report`, the
/// table of every named policy and what each part of the best is worth.
fn tune_command(
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

/// `ai-race verify`: one line per file; exit 1 if any is not verified.
fn verify_command(files: &[PathBuf]) -> ExitCode {
    let mut all_verified = true;
    for file in files {
        let result = save::load_path(file);
        all_verified &= result.as_ref().is_ok_and(save::is_genuine);
        println!("{}", save::file_line(file, &result));
    }
    if all_verified {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `ai-race load`: checks and replays the save before the interface opens, so a bad file gets
/// a one-line answer on the terminal rather than a broken screen.
fn load_session(file: &Path) -> Result<ui::Session, String> {
    let shown = save::sanitize(&file.display().to_string(), 120);
    let verified = save::load_path(file).map_err(|e| format!("cannot load {shown}: {e}"))?;
    let mut session =
        ui::Session::from_save(&verified.play).map_err(|e| format!("cannot load {shown}: {e}"))?;
    session.save_name = file
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.starts_with("autosave-"))
        .map(str::to_string);
    Ok(session)
}

/// `ai-race fork`: verifies the save and builds the fork before the interface opens, so a
/// forged file or a month outside the game gets a one-line answer on the terminal.
fn fork_session(file: &Path, month: u32) -> Result<ui::Session, String> {
    let shown = save::sanitize(&file.display().to_string(), 120);
    let verified = save::load_path(file).map_err(|e| {
        format!(
            "cannot fork {shown}: {}; only a save that verifies can be forked",
            e.verdict()
        )
    })?;
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.starts_with("autosave-"));
    ui::Session::fork_of(&verified, month, stem).map_err(|e| format!("{shown}: {e}"))
}

/// `ai-race new --ghost`: verifies the ghost's save before the interface opens, so a forged
/// file gets a one-line answer on the terminal.
fn ghost_session(file: &Path) -> Result<ui::Session, String> {
    let shown = save::sanitize(&file.display().to_string(), 120);
    let verified = save::load_path(file).map_err(|e| {
        format!(
            "cannot race {shown}: {}; only a save that verifies can be raced",
            e.verdict()
        )
    })?;
    ui::ghost::session(&verified).map_err(|e| format!("cannot race {shown}: {e}"))
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
