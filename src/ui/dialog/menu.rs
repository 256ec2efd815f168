//! A menu of choices for one decision: pros and cons above, each option checked by the rules.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::explain::Tone;
use super::super::keys::{Action, Hint, hint};
use super::super::theme::Theme;
use super::super::widgets::{centered, dialog_width, fit, popup, put, tone_style, wrap};
use super::DialogResult;
pub use crate::front::menu::{Menu, MenuOption};

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

    /// The body wrapped to the popup's inner width, one entry per screen row. The options
    /// and their reasons always show whole: on a short screen the body gives up its last rows
    /// (the screen under the menu shows the same pros and cons in full).
    fn wrapped(&self, area: Rect) -> Vec<(String, Tone)> {
        let w = usize::from(dialog_width(area).saturating_sub(2));
        let mut body: Vec<(String, Tone)> = self
            .body
            .iter()
            .flat_map(|(text, tone)| wrap(text, w).into_iter().map(move |l| (l, *tone)))
            .collect();
        let options: usize = self.verdicts(area).iter().map(|v| v.len() + 1).sum();
        let room = usize::from(area.height).saturating_sub(options + 3);
        if body.len() > room {
            body.truncate(room);
            if let Some((last, tone)) = body.last_mut() {
                *last = fit(&format!("{last} …"), w);
                *tone = Tone::Dim;
            }
        }
        body
    }

    /// Each option's verdict wrapped under it ("✗ reason" can be long), one entry per row.
    fn verdicts(&self, area: Rect) -> Vec<Vec<String>> {
        let w = usize::from(dialog_width(area).saturating_sub(2)).saturating_sub(6);
        self.options
            .iter()
            .map(|o| match &o.refusal {
                Some(r) => wrap(&format!("✗ {r}"), w)
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| format!("{}{l}", if i == 0 { "    " } else { "      " }))
                    .collect(),
                None => vec!["    ✓ allowed now".to_string()],
            })
            .collect()
    }

    /// The popup's area within `area`.
    pub fn area(&self, area: Rect) -> Rect {
        let options: usize = self.verdicts(area).iter().map(|v| v.len() + 1).sum();
        let h = self.wrapped(area).len() + options + 3;
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
        let mut row = first;
        for (i, v) in self.verdicts(area).iter().enumerate() {
            let next = row + 1 + v.len() as u16;
            if y < next {
                return Some(i);
            }
            row = next;
        }
        None
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
        let mut y = body_h + 1;
        for (i, (o, verdict)) in self.options.iter().zip(self.verdicts(area)).enumerate() {
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
            let tone = if o.refusal.is_some() {
                theme.bad()
            } else {
                theme.good()
            };
            for row in verdict {
                y += 1;
                put(Line::from(Span::styled(row, tone)), inner, y, buf);
            }
            y += 1;
        }
    }
}
