//! Starting a game: a new, coded, loaded, forked or ghost session, played in the
//! interface or in plain text.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use ai_race::content;
use ai_race::save;
use ai_race::ui;

use super::{Failure, need_terminal};

/// The `--player` name, checked: a save accepts at most 40 characters of plain text.
pub(super) fn player_name(name: Option<&str>) -> Result<Option<String>, String> {
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
pub(super) fn play(
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
pub(super) fn plain_play(
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
pub(super) fn code_session(code: &str, scenario: Option<&str>) -> Result<ui::Session, Failure> {
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

pub(super) fn new_session(
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
pub(super) fn new_scenario_version(session: &mut ui::Session, path: &Path) -> Result<(), String> {
    let shown = save::sanitize(&path.display().to_string(), 120);
    let difficulty = session.content().difficulty.id.clone();
    let new = content::load_scenario_file(path, Some(&difficulty)).map_err(|e| e.to_string())?;
    session
        .adopt_scenario_version(new)
        .map_err(|why| format!("cannot take the pauses of {shown}: {why}"))?;
    session.scenario_file = Some(path.to_path_buf());
    Ok(())
}

/// Reads a scenario file the careful way (regular files only, size-capped, UTF-8), or says
/// that the name is neither a built-in scenario nor a file.
pub(super) fn read_capped(path: &str) -> Result<String, String> {
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

/// `ai-race load`: checks and replays the save before the interface opens, so a bad file gets
/// a one-line answer on the terminal rather than a broken screen.
pub(super) fn load_session(file: &Path) -> Result<ui::Session, String> {
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
pub(super) fn fork_session(file: &Path, month: u32) -> Result<ui::Session, String> {
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
pub(super) fn ghost_session(file: &Path) -> Result<ui::Session, String> {
    let shown = save::sanitize(&file.display().to_string(), 120);
    let verified = save::load_path(file).map_err(|e| {
        format!(
            "cannot race {shown}: {}; only a save that verifies can be raced",
            e.verdict()
        )
    })?;
    ui::ghost::session(&verified).map_err(|e| format!("cannot race {shown}: {e}"))
}
