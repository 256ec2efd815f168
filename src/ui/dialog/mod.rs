//! The one place for decisions and confirmations. A [`Menu`] lays out an action's pros, cons
//! and costs with its options, each already checked by the rules (a refused option says why);
//! an [`Amount`] asks for a salary or a number of GPUs with presets or a typed figure, showing
//! the cost and odds live; a [`Confirm`] asks a yes/no question before ending a month or
//! quitting; a [`NameInput`] takes the name of a save; a [`PauseInput`] holds a game the
//! teacher paused until a code or the teacher's new scenario file lets it on.

mod amount;
mod menu;
mod name;
mod pause;
mod plan;

pub use amount::{Amount, AmountKind, OFFER_LEVELS, offer_level};
pub use menu::{Menu, MenuOption};
pub use name::{MAX_NAME, NameInput};
pub use pause::PauseInput;
pub use plan::{Plan, PlanItem, offer_amount};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::game::Command;

use super::explain::Tone;
use super::keys::{Action, Hint, hint};
use super::theme::Theme;
use super::widgets::{centered, popup, put, toned_text};

/// What answering "yes" does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmYes {
    EndMonth,
    /// Quit; `offer_save` adds "s saves first" (moves since the last save would be lost).
    Quit {
        offer_save: bool,
    },
    /// Save under this name, replacing the file of the same name.
    Overwrite(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub yes: ConfirmYes,
}

/// What a dialog asks the app to do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogResult {
    Stay,
    Close,
    Run(Command),
    Refuse(String),
}

impl Confirm {
    pub fn hints(&self) -> Vec<Hint> {
        let mut h = vec![
            hint(Action::Yes, "yes"),
            hint(Action::No, "no"),
            hint(Action::Back, "no"),
        ];
        if self.yes == (ConfirmYes::Quit { offer_save: true }) {
            h.push(hint(Action::Save, "save first"));
        }
        h
    }

    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let w = (super::widgets::cols(&self.question) as u16 + 6).clamp(30, 76);
        let r = centered(area, w, 6);
        let inner = popup("Are you sure?", theme, r, buf);
        let lines = vec![
            (self.question.clone(), Tone::Normal),
            (String::new(), Tone::Normal),
        ];
        toned_text(&lines, 0, theme, inner, buf);
        let mut keys = vec![
            Span::styled("y", theme.key()),
            Span::raw(" yes   "),
            Span::styled("n", theme.key()),
            Span::raw(" no"),
        ];
        if self.yes == (ConfirmYes::Quit { offer_save: true }) {
            keys.push(Span::raw("   "));
            keys.push(Span::styled("s", theme.key()));
            keys.push(Span::raw(" save first"));
        }
        put(Line::from(keys), inner, inner.height.saturating_sub(1), buf);
    }
}
