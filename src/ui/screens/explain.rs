//! The "show the math" popup: an explanation built when the player pressed `e`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::explain::Explanation;
use super::super::theme::Theme;
use super::super::widgets::{centered, popup, toned_text};

pub fn render(text: &Explanation, scroll: u16, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let h = (text.lines.len() as u16 + 4).min(body.height);
    let r = centered(body, body.width.saturating_sub(4).min(96), h.max(6));
    let inner = popup(&text.title, theme, r, buf);
    toned_text(&text.lines, scroll, theme, inner, buf);
}
