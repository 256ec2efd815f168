//! Shown when the terminal is smaller than the game's minimum; the game resumes as soon as the
//! window is large enough again.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::super::theme::Theme;
use super::super::view::{MIN_HEIGHT, MIN_WIDTH};

pub fn render(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let text = vec![
        Line::styled("Please enlarge the terminal", theme.title()),
        Line::raw(format!(
            "AI Race needs at least {MIN_WIDTH}x{MIN_HEIGHT}; this one is {}x{}.",
            area.width, area.height
        )),
        Line::styled("The game goes on when it fits. q quits.", theme.dim()),
    ];
    let h = 4.min(area.height);
    let r = Rect {
        y: area.y + (area.height - h) / 2,
        height: h,
        ..area
    };
    Paragraph::new(text)
        .centered()
        .wrap(Wrap { trim: true })
        .render(r, buf);
}
