//! The screen a student sees when the teacher has paused the class: which month, how the
//! class goes on (a new version of the scenario file, or a code from the teacher), and the
//! code field. It takes every key, so nothing in the game can be done until it closes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::keys::{Action, Hint, hint};
use super::super::theme::Theme;
use super::super::widgets::{centered, dialog_width, fit, popup, put, wrap};

/// Longest code that can be typed (a code is 7 characters with its dash).
const MAX_CODE: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PauseInput {
    /// The month paused at (1 = the first turn) and its date, like "Jun 2026".
    pub month: u16,
    pub date: String,
    /// The code typed so far.
    pub text: String,
    /// Whether the game knows its scenario file, so Enter on an empty field reads it again.
    pub can_reread: bool,
}

impl PauseInput {
    pub fn hints(&self) -> Vec<Hint> {
        vec![
            hint(Action::Type, "type the code"),
            hint(Action::Erase, "erase"),
            hint(
                Action::Choose,
                if self.can_reread {
                    "go on (with a code, or the teacher's new file)"
                } else {
                    "go on with the code"
                },
            ),
            hint(Action::Back, "quit (save first)"),
        ]
    }

    /// Adds a typed character; control characters and anything past the limit are ignored.
    pub fn type_char(&mut self, c: char) {
        if !c.is_control() && self.text.chars().count() < MAX_CODE {
            self.text.push(c);
        }
    }

    pub fn erase(&mut self) {
        self.text.pop();
    }

    /// What the screen says, line by line, at `width` characters.
    pub fn lines(&self, width: usize) -> Vec<String> {
        let mut out = wrap(
            &format!(
                "Your teacher paused the class at {} (month {}).",
                self.date, self.month
            ),
            width,
        );
        out.push(String::new());
        let how = if self.can_reread {
            "Wait for your teacher. When they publish the next version of the scenario file, \
             press Enter to read it; or type the code they give you and press Enter."
        } else {
            "Wait for your teacher, then type the code they give you and press Enter. (With \
             the teacher's new scenario file: ai-race load SAVE --scenario FILE.)"
        };
        out.extend(wrap(how, width));
        out
    }

    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let w = dialog_width(area);
        let text = self.lines(usize::from(w.saturating_sub(2)));
        let h = (text.len() + 6).min(usize::from(u16::MAX)) as u16;
        let r = centered(area, w, h);
        let inner = popup("⏸ Class paused", theme, r, buf);
        let width = usize::from(inner.width);
        for (i, l) in text.iter().enumerate() {
            put(Line::raw(l.as_str()), inner, i as u16, buf);
        }
        let row = text.len() as u16 + 1;
        put(Line::raw("Code:"), inner, row, buf);
        put(
            Line::from(vec![Span::styled(
                fit(&format!(" {}▏", self.text), width.min(24)),
                theme.selected(),
            )]),
            inner,
            row + 1,
            buf,
        );
        put(
            Line::from(vec![
                Span::styled("Enter", theme.key()),
                Span::raw(" go on   "),
                Span::styled("Esc", theme.key()),
                Span::raw(" quit"),
            ]),
            inner,
            inner.height.saturating_sub(1),
            buf,
        );
    }
}
