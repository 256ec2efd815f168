//! Help: how to play in a few lines, the keys that work on the screen it was opened from, and
//! the whole key table. Both key lists come from the key table, so they never disagree with
//! what the keys do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::super::keys::{Hint, TABLE};
use super::super::theme::Theme;
use super::super::view::footer_items;
use super::super::widgets::{flow, panel};

const HOW_TO_PLAY: [&str; 6] = [
    "You run Meta's AI lab. Every month you have 4 CEO weeks and a budget; unspent weeks are lost.",
    "Three levers decide the race: hire talent (Talent), adopt or build tech and retire legacy systems (Tech), and speed up the deploy pipeline so the lab runs more experiments (Pipeline). Compute, open releases, safety review, shipping AI and deals are on Compute & deals.",
    "Press n to end the month: projects advance, every lab researches, rivals move, events strike. The month report says what changed and why; on the dashboard, e explains any figure.",
    "The first lab with every track at 100 reaches superintelligence. Mind risk: a reckless win scores far less, and a catastrophe or a frozen budget ends the game.",
    "Tab and Shift-Tab switch screens; Enter on a row shows its options with their costs and whether the rules allow them now.",
    "Fewer keys: 1-6 jump to a screen; d makes the selected row's move at once (an offer at your last level, GPUs at your last size), and on the dashboard the suggested move; p repeats last month's plan where the rules allow it, after showing each move.",
];

pub fn render(context: &[Hint], scroll: u16, theme: &Theme, body: Rect, buf: &mut Buffer) {
    Clear.render(body, buf);
    let inner = panel("Help (Esc closes, ↑↓ scroll)", theme, body, buf);
    let mut lines: Vec<Line> = vec![Line::styled("How to play", theme.title())];
    lines.extend(HOW_TO_PLAY.iter().map(|l| Line::raw(*l)));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Keys on this screen", theme.title()));
    for (keys, what) in footer_items(context) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<10}"), theme.key()),
            Span::raw(what),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Every key", theme.title()));
    for d in TABLE {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<10}", d.label), theme.key()),
            Span::raw(d.what),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("  {:<10}", "mouse"), theme.key()),
        Span::raw("click a tab or a row to select it, click it again to choose it; wheel scrolls"),
    ]));
    flow(&lines, scroll, inner, buf);
}
