//! Saving from the interface: `s` asks for a name and saves under its safe slug, every month
//! end autosaves, and a failed write is reported without losing the previous save (writes are
//! atomic, see `save::Store`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::save::{SaveError, Store, sanitize};

use super::super::dialog::NameInput;
use super::{App, Layer, Screen};

impl App {
    /// Sets the saves folder (the title screen then offers to continue and to load).
    pub fn set_store(&mut self, store: Store) {
        if let Screen::Title(t) = &mut self.screen {
            t.set_store(Some(store.clone()));
        }
        self.store = Some(store);
    }

    /// A text field on top takes printable keys before the key table does, so letters that
    /// are also keys (`q`, `n`, `s`, ...) can be typed into a save's name.
    pub(super) fn type_into_field(&mut self, key: &KeyEvent) -> bool {
        // The load screen's path field, when it is being typed into and nothing is on top.
        if self.layers.is_empty()
            && let Screen::Title(t) = &mut self.screen
            && t.stage == super::super::screens::title::Stage::Load
            && t.load.path.is_some()
        {
            return match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    t.load.type_char(c);
                    true
                }
                _ => false,
            };
        }
        if let Some(Layer::Pause(pause)) = self.layers.last_mut() {
            return match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    pause.type_char(c);
                    true
                }
                _ => false,
            };
        }
        // The new-game form's world code row takes letters too.
        if self.layers.is_empty()
            && let Screen::Title(t) = &mut self.screen
            && t.stage == super::super::screens::title::Stage::Setup
            && t.field == super::super::screens::title::CODE_FIELD
        {
            return match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    t.type_code_char(c);
                    true
                }
                _ => false,
            };
        }
        let Some(Layer::SaveName(input)) = self.layers.last_mut() else {
            return false;
        };
        match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                input.type_char(c);
                true
            }
            _ => false,
        }
    }

    /// Opens the name field, offering the name this game was last saved under.
    pub(super) fn ask_save_name(&mut self) {
        self.layers.retain(|l| !matches!(l, Layer::SaveName(_)));
        let Screen::Game(s) = &self.screen else {
            return;
        };
        let Some(store) = &self.store else {
            return self.refuse("✗ Saving is off in this session.");
        };
        // First time: the player's name (when known) and the scenario, so a class's saves are
        // told apart at a glance; later, the name it was saved under.
        // A finished game gets a fresh name with its last month: the name it was saved under
        // mid-game would replace that save with the ending.
        let last = s.save_name.clone().filter(|_| !s.game.is_over());
        let (scenario, date) = (
            &s.content().scenario.name,
            s.game.state.date_label(s.content()),
        );
        let over = s.game.is_over();
        let name = last.unwrap_or_else(|| match (&s.record.player, over) {
            (Some(player), false) => format!("{player} {scenario}"),
            (Some(player), true) => format!("{player} {scenario} {date} final"),
            (None, false) => format!("{scenario} {date}"),
            (None, true) => format!("{scenario} {date} final"),
        });
        let taken = store
            .files()
            .into_iter()
            .map(|f| f.name)
            .collect::<Vec<_>>();
        let folder = sanitize(&store.dir().display().to_string(), 40);
        self.layers
            .push(Layer::SaveName(NameInput::new(name, folder, taken)));
    }

    /// Saves the game under the typed `name`.
    pub(super) fn save_as(&mut self, name: &str) {
        let (Screen::Game(s), Some(store)) = (&mut self.screen, &self.store) else {
            return;
        };
        let result = s.save_text().and_then(|text| store.save_as(name, &text));
        match result {
            Ok(path) => {
                s.unsaved = false;
                s.save_name = Some(name.to_string());
                let shown = sanitize(&path.display().to_string(), 60);
                self.info(format!("Saved to {shown}. Load it from the title screen."));
                if std::mem::take(&mut self.quit_after_save) {
                    self.quit = true;
                }
            }
            Err(e) => {
                self.quit_after_save = false;
                self.refuse(format!("✗ The game was not saved: {e}"));
            }
        }
    }

    /// Autosaves at a month end; a failure is reported but never stops the game.
    pub(super) fn autosave(&mut self) {
        let (Screen::Game(s), Some(store)) = (&mut self.screen, &self.store) else {
            return;
        };
        let queued = match (s.save_text(), &mut self.writer) {
            (Ok(text), Some(writer)) => writer.autosave(store, text),
            (Ok(text), None) => store.autosave(&text).map(drop),
            (Err(e), _) => Err(e),
        };
        match queued {
            Ok(()) => {
                s.unsaved = false;
                if let Some(status) = &mut self.status {
                    status.text.push_str(" Autosaved.");
                }
            }
            Err(e) => self.refuse(format!("✗ Autosave failed: {e}")),
        }
    }

    /// Reports the autosaves the writing thread has finished since the last call: a failed
    /// one is shown as a failed synchronous write would be, and the game counts as unsaved
    /// again. Returns whether anything failed.
    pub fn collect_writes(&mut self) -> bool {
        let Some(writer) = &mut self.writer else {
            return false;
        };
        let failed: Vec<SaveError> = writer
            .finished()
            .into_iter()
            .filter_map(Result::err)
            .collect();
        for e in &failed {
            if let Screen::Game(s) = &mut self.screen {
                s.unsaved = true;
            }
            self.refuse(format!("✗ Autosave failed: {e}"));
        }
        !failed.is_empty()
    }

    /// Waits for every autosave still being written (before the program ends) and returns
    /// the failures among those not reported yet.
    pub fn finish_writes(&mut self) -> Vec<SaveError> {
        self.writer
            .take()
            .map(|w| w.finish().into_iter().filter_map(Result::err).collect())
            .unwrap_or_default()
    }
}
