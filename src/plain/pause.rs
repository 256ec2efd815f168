//! The teacher's pauses in plain mode, as in the interface: at the start of a paused month
//! the game says so and does nothing but wait for the teacher's code or (an empty line, the
//! Enter key) the teacher's new version of the scenario file. `help`, `save` and `quit`
//! still work (`state` and `list` say the pause again); the month's news and choices are shown once the class goes on, so
//! nothing the teacher has planned for that month shows before they say so.

use std::io::{self, Write};

use super::Plain;
use crate::content;

impl<W: Write> Plain<W> {
    /// What a student reads at a pause: the month, and how the class goes on.
    pub(super) fn say_paused(&mut self, month: u16) -> io::Result<()> {
        let s = self.session();
        let date = s.content().date_label(month.saturating_sub(1));
        let how = if s.scenario_file.is_some() {
            "Wait for your teacher. When they publish the next version of the scenario file, \
             press Enter to read it; or type the code they give you and press Enter."
        } else {
            "Wait for your teacher, then type the code they give you and press Enter. (With \
             the teacher's new scenario file: ai-race play --plain --load SAVE after ai-race \
             load SAVE --scenario FILE.)"
        };
        self.say([
            format!("Your teacher paused the class at {date} (month {month})."),
            how.to_string(),
        ])
    }

    /// One line typed at a pause; `None` when the line is a command that works anyway.
    pub(super) fn at_pause(&mut self, raw: &str) -> io::Result<Option<bool>> {
        let typed = raw.trim();
        let first = typed.split_whitespace().next().unwrap_or("").to_lowercase();
        if matches!(
            first.as_str(),
            "help" | "h" | "?" | "save" | "quit" | "q" | "exit"
        ) || typed.starts_with('#')
        {
            return Ok(None);
        }
        if matches!(first.as_str(), "state" | "s" | "list" | "l") {
            let month = self.session.paused_at().unwrap_or_default();
            self.say_paused(month)?;
            return Ok(Some(true));
        }
        let result = if typed.is_empty() {
            match self.session.scenario_file.clone() {
                None => Err("type the code your teacher gives you".to_string()),
                Some(path) => {
                    let difficulty = self.session.content().difficulty.id.clone();
                    content::load_scenario_file(&path, Some(&difficulty))
                        .map_err(|e| match e.problems.first() {
                            Some(p) => format!("the scenario file cannot be read: {p}"),
                            None => "the scenario file cannot be read".to_string(),
                        })
                        .and_then(|new| self.session.adopt_scenario_version(new))
                        .map(|()| "Your teacher's new version of the scenario is in.".to_string())
                }
            }
        } else {
            self.session
                .unlock(typed)
                .map(|m| format!("Code accepted: month {m} goes on."))
        };
        match result {
            Ok(message) => match self.session.paused_at() {
                None => {
                    self.say([message])?;
                    self.show_month()?;
                }
                Some(m) => self.say([format!(
                    "The scenario file still pauses the class at month {m}: wait for the \
                     teacher's next version, or type their code."
                )])?,
            },
            Err(why) => self.say([format!("Not yet: {why}.")])?,
        }
        Ok(Some(true))
    }
}
