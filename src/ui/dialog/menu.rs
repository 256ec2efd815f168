//! A menu of choices for one decision: pros and cons above, each option checked by the rules.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::game::{Command, Game};

use super::super::explain::Tone;
use super::super::keys::{Action, Hint, hint};
use super::super::theme::Theme;
use super::super::widgets::{centered, dialog_width, fit, popup, put, tone_style, wrap};
use super::DialogResult;

/// One option of a menu, with the rules' verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuOption {
    pub label: String,
    pub command: Command,
    /// Why the rules refuse it now, if they do.
    pub refusal: Option<String>,
}

impl MenuOption {
    /// An option checked against the rules now.
    pub fn checked(game: &Game, label: String, command: Command) -> MenuOption {
        let refusal = game.check(&command).err().map(|e| e.to_string());
        MenuOption {
            label,
            command,
            refusal,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    pub title: String,
    pub body: Vec<(String, Tone)>,
    pub options: Vec<MenuOption>,
    pub sel: usize,
}

impl Menu {
    pub fn hints(&self) -> Vec<Hint> {
        vec![
            hint(Action::Up, "option"),
            hint(Action::Down, "option"),
            hint(Action::Choose, "do it"),
            hint(Action::Back, "cancel"),
            hint(Action::Help, "help"),
        ]
    }

    pub fn update(&mut self, action: Action) -> DialogResult {
        let n = self.options.len();
        match action {
            Action::Up => self.sel = self.sel.saturating_sub(1),
            Action::Down => self.sel = (self.sel + 1).min(n.saturating_sub(1)),
            Action::Choose => {
                return match self.options.get(self.sel) {
                    Some(o) => match &o.refusal {
                        Some(why) => DialogResult::Refuse(why.clone()),
                        None => DialogResult::Run(o.command.clone()),
                    },
                    None => DialogResult::Close,
                };
            }
            Action::Back => return DialogResult::Close,
            _ => {}
        }
        DialogResult::Stay
    }

    /// The body wrapped to the popup's inner width, one entry per screen row.
    fn wrapped(&self, area: Rect) -> Vec<(String, Tone)> {
        let w = usize::from(dialog_width(area).saturating_sub(2));
        self.body
            .iter()
            .flat_map(|(text, tone)| wrap(text, w).into_iter().map(move |l| (l, *tone)))
            .collect()
    }

    /// The popup's area within `area`.
    pub fn area(&self, area: Rect) -> Rect {
        let h = self.wrapped(area).len() + self.options.len() * 2 + 3;
        centered(
            area,
            dialog_width(area),
            h.min(usize::from(u16::MAX)) as u16,
        )
    }

    /// The option under a row of the screen, for mouse clicks.
    pub fn option_at(&self, area: Rect, y: u16) -> Option<usize> {
        let r = self.area(area);
        let first = r.y + 1 + self.wrapped(area).len() as u16 + 1;
        if y < first {
            return None;
        }
        let i = usize::from((y - first) / 2);
        (i < self.options.len()).then_some(i)
    }

    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let r = self.area(area);
        let inner = popup(&self.title, theme, r, buf);
        let body = self.wrapped(area);
        let body_h = body.len() as u16;
        for (i, (text, tone)) in body.iter().enumerate() {
            put(
                Line::styled(text.as_str(), tone_style(*tone, theme)),
                inner,
                i as u16,
                buf,
            );
        }
        let w = usize::from(inner.width);
        for (i, o) in self.options.iter().enumerate() {
            let y = body_h + 1 + 2 * i as u16;
            let selected = i == self.sel;
            let mark = if selected { "▶ " } else { "  " };
            let style = match (selected, o.refusal.is_some()) {
                (true, _) => theme.selected(),
                (false, true) => theme.disabled(),
                (false, false) => theme.base(),
            };
            put(
                Line::styled(fit(&format!("{mark}{}", o.label), w), style),
                inner,
                y,
                buf,
            );
            let why = match &o.refusal {
                Some(r) => Span::styled(format!("    ✗ {r}"), theme.bad()),
                None => Span::styled("    ✓ allowed now", theme.good()),
            };
            put(Line::from(why), inner, y + 1, buf);
        }
    }
}
