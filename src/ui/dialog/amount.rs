//! The amount dialog's keys and drawing; what it chooses and the rules' verdict it shows
//! live are in the front-end model.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::game::units::{Money, money};

use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{centered, dialog_width, popup, put, toned_text};
use super::DialogResult;
pub use crate::front::amount::{Amount, AmountKind, OFFER_LEVELS, offer_level};

impl Amount {
    pub fn hints(&self) -> Vec<Hint> {
        vec![
            hint(Action::Left, "less"),
            hint(Action::Right, "more"),
            hint(Action::Digit, "type"),
            hint(Action::Erase, "erase"),
            hint(Action::Choose, "confirm"),
            hint(Action::Back, "cancel"),
            hint(Action::Help, "help"),
        ]
    }

    pub fn update(&mut self, action: Action, digit: Option<u32>) -> DialogResult {
        match action {
            Action::Left | Action::Right => {
                let n = self.presets.len();
                self.preset = if action == Action::Left {
                    self.preset.saturating_sub(1)
                } else {
                    (self.preset + 1).min(n.saturating_sub(1))
                };
                if let Some((v, _)) = self.presets.get(self.preset) {
                    self.value = *v;
                }
                self.typing = false;
            }
            Action::Digit => {
                if let Some(d) = digit {
                    if !self.typing {
                        self.value = 0;
                        self.typing = true;
                    }
                    self.value = (self.value * 10 + d).min(99_999);
                }
            }
            Action::Erase => {
                self.typing = true;
                self.value /= 10;
            }
            Action::Choose => return DialogResult::Run(self.command()),
            Action::Back => return DialogResult::Close,
            _ => {}
        }
        DialogResult::Stay
    }

    /// The dialog's area: the usual dialog width (wider on big terminals, so the odds and the
    /// counter-offer line stay whole).
    pub fn area(area: Rect) -> Rect {
        centered(area, dialog_width(area), 18)
    }

    pub fn render(&self, s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let r = Amount::area(area);
        let (title, lines) = self.body(s);
        let inner = popup(&title, theme, r, buf);
        let presets: Vec<Span> = self
            .presets
            .iter()
            .enumerate()
            .flat_map(|(i, (v, _))| {
                let label = match self.kind {
                    AmountKind::Offer { .. } => money(Money::from(*v)),
                    _ => format!("{v}k"),
                };
                let style = if *v == self.value {
                    theme.selected()
                } else {
                    theme.base()
                };
                [
                    Span::raw(if i == 0 { "◀ " } else { "  " }),
                    Span::styled(label, style),
                ]
            })
            .chain([
                Span::raw(" ▶   or type: "),
                Span::styled(format!("{}▏", self.value), theme.key()),
            ])
            .collect();
        put(Line::from(presets), inner, 0, buf);
        let rest = Rect {
            y: inner.y + 2,
            height: inner.height.saturating_sub(2),
            ..inner
        };
        toned_text(&lines, 0, theme, rest, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::game::Game;
    use std::sync::Arc;

    #[test]
    fn typing_replaces_the_preset_and_erasing_edits_it() {
        let content = Arc::new(content::load_builtin("classroom", None).expect("loads"));
        let game = Game::new(content, 1);
        let mut a = Amount::offer(&game, game.state.market[0]);
        a.update(Action::Digit, Some(4));
        a.update(Action::Digit, Some(2));
        assert_eq!(a.value, 42);
        a.update(Action::Erase, None);
        assert_eq!(a.value, 4);
        a.update(Action::Right, None);
        assert!(!a.typing);
    }
}
