//! `ai-race scenario`: list, check and explain scenario files; print pause codes.

use std::path::Path;
use std::process::ExitCode;

use ai_race::content;
use ai_race::report::scenarios;
use ai_race::save;

use super::ScenarioCmd;

pub(super) fn scenario_command(action: ScenarioCmd) -> Result<ExitCode, String> {
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

/// `scenario code FILE [--month N]`: the codes of the file's pauses.
pub(super) fn pause_codes(file: &Path, month: Option<u16>) -> Result<ExitCode, String> {
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
