//! The name of a save, typed by the player. The file name shown under it is the safe slug the
//! save will really get, so the player sees where the game goes before saving.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::save::{MAX_SLUG, slug};

use super::super::keys::{Action, Hint, hint};
use super::super::theme::Theme;
use super::super::widgets::{centered, fit, popup, put};

/// Longest name that can be typed.
pub const MAX_NAME: usize = MAX_SLUG;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameInput {
    pub text: String,
    /// The folder the save goes into, as shown to the player.
    pub folder: String,
    /// File names already in the folder (without `.ron`), to warn before replacing one.
    pub taken: Vec<String>,
    /// The text is the game's suggestion: the first key typed replaces it instead of adding to it.
    pub suggested: bool,
}

impl NameInput {
    pub fn new(text: String, folder: String, taken: Vec<String>) -> NameInput {
        NameInput {
            suggested: !text.is_empty(),
            text,
            folder,
            taken,
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        vec![
            hint(Action::Type, "type a name"),
            hint(Action::Erase, "erase"),
            hint(Action::Choose, "save"),
            hint(Action::Back, "cancel"),
        ]
    }

    /// Adds a typed character; control characters and anything past the limit are ignored.
    pub fn type_char(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        if self.suggested {
            self.text.clear();
            self.suggested = false;
        }
        if self.text.chars().count() < MAX_NAME {
            self.text.push(c);
        }
    }

    pub fn erase(&mut self) {
        if self.suggested {
            self.text.clear();
            self.suggested = false;
        } else {
            self.text.pop();
        }
    }

    /// The file the save will be written to.
    pub fn file_name(&self) -> String {
        format!("{}.ron", slug(&self.text))
    }

    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let r = centered(area, 64, 8);
        let inner = popup("Save the game", theme, r, buf);
        let w = usize::from(inner.width);
        let label = if self.suggested {
            "Name (type to replace the suggestion):"
        } else {
            "Name:"
        };
        put(Line::raw(label), inner, 0, buf);
        put(
            Line::from(vec![Span::styled(
                fit(&format!(" {}▏", self.text), w),
                theme.selected(),
            )]),
            inner,
            1,
            buf,
        );
        let file = self.file_name();
        let replaces = self.taken.iter().any(|t| format!("{t}.ron") == file);
        let note = if replaces {
            format!("Replaces {}/{file}", self.folder)
        } else {
            format!("Saved as {}/{file}", self.folder)
        };
        let style = if replaces { theme.warn() } else { theme.dim() };
        put(Line::styled(fit(&note, w), style), inner, 3, buf);
        put(
            Line::from(vec![
                Span::styled("Enter", theme.key()),
                Span::raw(" save   "),
                Span::styled("Esc", theme.key()),
                Span::raw(" cancel"),
            ]),
            inner,
            inner.height.saturating_sub(1),
            buf,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_builds_a_name_and_its_safe_file_name() {
        let mut n = NameInput::new(String::new(), "saves".into(), vec!["my-run".into()]);
        for c in "My run/\u{1b}".chars() {
            n.type_char(c);
        }
        assert_eq!(n.text, "My run/");
        assert_eq!(n.file_name(), "my-run.ron");
        n.erase();
        assert_eq!(n.text, "My run");
        for _ in 0..100 {
            n.type_char('x');
        }
        assert_eq!(n.text.chars().count(), MAX_NAME);
    }

    #[test]
    fn the_suggested_name_is_replaced_by_the_first_key_not_appended_to() {
        let mut n = NameInput::new("The 2025 race Nov 2025".into(), "saves".into(), Vec::new());
        for c in "mine".chars() {
            n.type_char(c);
        }
        assert_eq!(n.text, "mine");
        let mut kept = NameInput::new("The 2025 race".into(), "saves".into(), Vec::new());
        assert_eq!(
            kept.file_name(),
            "the-2025-race.ron",
            "Enter keeps the suggestion"
        );
        kept.erase();
        assert_eq!(kept.text, "", "Backspace clears the whole suggestion");
    }
}
