//! The teacher's pauses in the interface: the pause screen opens when the game stands at the
//! start of a paused month, every command is refused while it does, and it closes on the
//! teacher's code or on a new version of the scenario file that no longer pauses there.

use super::super::dialog::PauseInput;
use super::{App, Layer, Screen};
use crate::content;

impl App {
    /// Opens the pause screen if the game stands at a pause and it is not open yet.
    pub(super) fn pause_if_due(&mut self) {
        let Screen::Game(s) = &self.screen else {
            return;
        };
        let Some(month) = s.paused_at() else {
            return;
        };
        if self.layers.iter().any(|l| matches!(l, Layer::Pause(_))) {
            return;
        }
        let input = PauseInput {
            month,
            date: s.content().date_label(month.saturating_sub(1)),
            text: String::new(),
            can_reread: s.scenario_file.is_some(),
        };
        self.layers.push(Layer::Pause(input));
    }

    /// Whether a command must wait for the teacher (and the pause screen is shown again).
    pub(super) fn refuse_while_paused(&mut self) -> bool {
        let paused = match &self.screen {
            Screen::Game(s) => s.paused_at(),
            Screen::Title(_) => None,
        };
        let Some(month) = paused else {
            return false;
        };
        self.refuse(format!(
            "✗ Your teacher paused the class at month {month}: wait for the code or the new \
             scenario file"
        ));
        self.pause_if_due();
        true
    }

    /// Enter on the pause screen: the typed code, or (with an empty field) the scenario file
    /// read again for the teacher's new version.
    pub(super) fn go_on_from_pause(&mut self) {
        let Some(Layer::Pause(p)) = self.layers.last_mut() else {
            return;
        };
        let typed = std::mem::take(&mut p.text);
        let Screen::Game(s) = &mut self.screen else {
            return;
        };
        let result = if typed.trim().is_empty() {
            match s.scenario_file.clone() {
                None => Err("type the code your teacher gives you".to_string()),
                Some(path) => content::load_scenario_file(&path, Some(&s.content().difficulty.id))
                    .map_err(|e| match e.problems.first() {
                        Some(p) => format!("the scenario file cannot be read: {p}"),
                        None => "the scenario file cannot be read".to_string(),
                    })
                    .and_then(|new| s.adopt_scenario_version(new))
                    .map(|()| "Your teacher's new version of the scenario is in.".to_string()),
            }
        } else {
            s.unlock(&typed)
                .map(|m| format!("Code accepted: month {m} goes on."))
        };
        match result {
            Ok(message) => match s.paused_at() {
                None => {
                    self.layers.retain(|l| !matches!(l, Layer::Pause(_)));
                    self.info(message);
                }
                Some(m) => self.refuse(format!(
                    "✗ The scenario file still pauses the class at month {m}: wait for the \
                     teacher's next version, or type their code"
                )),
            },
            Err(why) => self.refuse(format!("✗ {why}")),
        }
    }
}
