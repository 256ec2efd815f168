//! The teacher's pauses in plain mode, as in the interface: at the start of a paused month
//! the game says so and does nothing but wait for the teacher's code or (an empty line, the
//! Enter key) the teacher's new version of the scenario file. `help`, `save` and `quit`
//! still work (`state` and `list` say the pause again); the month's news and choices are shown once the class goes on, so
//! nothing the teacher has planned for that month shows before they say so.

use std::io::{self, Write};

use super::Plain;
use crate::content;
use crate::tr;

impl<W: Write> Plain<W> {
    /// What a student reads at a pause: the month, and how the class goes on.
    pub(super) fn say_paused(&mut self, month: u16) -> io::Result<()> {
        let s = self.session();
        let date = s.content().date_label(month.saturating_sub(1));
        let how = if s.scenario_file.is_some() {
            tr!("plain-paused-how-file")
        } else {
            tr!("plain-paused-how-code")
        };
        self.say([tr!("plain-paused", date = date, month = month), how])
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
                None => Err(tr!("plain-pause-need-code")),
                Some(path) => {
                    let difficulty = self.session.content().difficulty.id.clone();
                    content::load_scenario_file(&path, Some(&difficulty))
                        .map_err(|e| match e.problems.first() {
                            Some(p) => tr!("plain-pause-file-problem", problem = p.to_string()),
                            None => tr!("plain-pause-file-unreadable"),
                        })
                        .and_then(|new| self.session.adopt_scenario_version(new))
                        .map(|()| tr!("plain-pause-new-version"))
                }
            }
        } else {
            self.session
                .unlock(typed)
                .map(|m| tr!("plain-pause-code-accepted", month = m))
        };
        match result {
            Ok(message) => match self.session.paused_at() {
                None => {
                    self.say([message])?;
                    self.show_month()?;
                }
                Some(m) => self.say([tr!("plain-pause-still-paused", month = m)])?,
            },
            Err(why) => self.say([tr!("plain-pause-not-yet", why = why)])?,
        }
        Ok(Some(true))
    }
}
