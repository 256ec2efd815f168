//! An event that asks for the player's answer: what happened, and each choice with what it
//! does (from the event's data), so the trade-off is visible before choosing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::game::state::PendingChoice;

use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{centered, dialog_width, fit, popup, put, wrap};
pub use crate::front::choices::event::consequences;

/// The popup's rectangle and the row of its first option.
fn layout(body: Rect, text_lines: usize, options: usize) -> (Rect, u16) {
    let h = (text_lines + 3 + options * 2).min(usize::from(u16::MAX)) as u16;
    let r = centered(body, dialog_width(body), h);
    (r, r.y + 1 + text_lines as u16 + 1)
}

fn text_lines(p: &PendingChoice, body: Rect) -> Vec<String> {
    let w = usize::from(dialog_width(body).saturating_sub(2));
    wrap(&p.text, w)
}

/// The option under row `y`, for mouse clicks.
pub fn option_at(s: &Session, body: Rect, y: u16) -> Option<usize> {
    let p = s.game.state.pending.as_ref()?;
    let (r, first) = layout(body, text_lines(p, body).len(), p.options.len());
    if y < first || y >= r.y + r.height {
        return None;
    }
    let i = usize::from((y - first) / 2);
    (i < p.options.len()).then_some(i)
}

pub fn render(s: &Session, sel: Option<usize>, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let Some(p) = &s.game.state.pending else {
        return;
    };
    let text = text_lines(p, body);
    let (r, first) = layout(body, text.len(), p.options.len());
    let prompt = if sel.is_some() {
        "Enter answers"
    } else {
        "↑↓ pick an answer"
    };
    let inner = popup(&format!("⚑ {} ({prompt})", p.title), theme, r, buf);
    for (i, l) in text.iter().enumerate() {
        put(Line::raw(l.as_str()), inner, i as u16, buf);
    }
    let w = usize::from(inner.width);
    for (i, o) in p.options.iter().enumerate() {
        let y = first - inner.y + 2 * i as u16;
        let chosen = sel == Some(i);
        let style = if chosen {
            theme.selected()
        } else {
            theme.base()
        };
        let mark = if chosen { "▶ " } else { "  " };
        put(
            Line::styled(fit(&format!("{mark}{o}"), w), style),
            inner,
            y,
            buf,
        );
        let what = consequences(s, p, i);
        if !what.is_empty() {
            put(
                Line::styled(fit(&format!("    {what}"), w), theme.dim()),
                inner,
                y + 1,
                buf,
            );
        }
    }
}
