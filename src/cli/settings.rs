//! `ai-race settings`: show or reset the settings file.

use std::process::ExitCode;

use ai_race::save;
use ai_race::ui;

use super::play::player_name;
use super::{Cli, Failure, ThemeArg};

/// `ai-race settings`: writes the flags given into the settings file (or deletes it with
/// `--reset`), then shows the file and where it is.
pub(super) fn settings_command(
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
    if let Some(lang) = cli.lang {
        settings.lang = Some(lang.tag().to_string());
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
