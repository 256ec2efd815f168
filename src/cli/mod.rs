//! The command line: subcommands for players, teachers and balance work.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use ai_race::content;
use ai_race::game::policy::Policy;
use ai_race::save;
use ai_race::text::lang::{self, Lang};
use ai_race::ui;

mod class;
mod debrief;
mod play;
mod report;
mod scenario;
mod settings;
mod sim;
mod tune;
mod verify;

use class::class_command;
use debrief::{debrief_command, out_not_a_save};
use play::{
    code_session, fork_session, ghost_session, load_session, new_scenario_version, new_session,
    plain_play, play, player_name,
};
use report::report_command;
use scenario::scenario_command;
use settings::settings_command;
use sim::{SimRun, sim_command, sim_save};
use tune::tune_command;
use verify::verify_command;

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
    /// The language the game speaks: en-US or zh-CN (default: the settings file, else the
    /// locale in LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_name = "LANG", value_parser = lang_arg)]
    pub lang: Option<Lang>,
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

fn lang_arg(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| {
        format!(
            "unknown language '{}'; choose one of: {}",
            save::sanitize(s, 40),
            Lang::tags()
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
    // One language for the whole run: the flag, else the settings file, else the locale.
    lang::set_current(
        cli.lang
            .or_else(|| settings.lang.as_deref().and_then(Lang::parse))
            .unwrap_or_else(Lang::from_env),
    );
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
                Some(dir) => Some(ai_race::sim::plan_saves(dir, &run.name, run.games)?),
                None => None,
            };
            let code = sim_command(&run, json);
            if let Some(path) = save {
                sim_save(&run, &path)?;
            }
            if let (Some(dir), Some(paths)) = (save_dir, planned) {
                ai_race::sim::write_saves(
                    &run.content,
                    (&run.strategy, &run.name),
                    (run.seed, run.world),
                    &paths,
                )?;
                eprintln!(
                    "saved {} games to {} as \"{}\"",
                    paths.len(),
                    save::sanitize(&dir.display().to_string(), 120),
                    ai_race::sim::player_of(&run.name)
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
            let how = report::ReportHow {
                format,
                anonymize,
                highlight,
            };
            Ok(report_command(&inputs, &how, out.as_deref())?)
        }
        Some(Cmd::Class { dir }) => class_command(&dir, look),
    }
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
