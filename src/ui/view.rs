//! Drawing the whole frame from the app state: header, screen tabs, the screen, the layers on
//! top, the status line and the footer of key hints. The view only reads.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::game::units::money;

use super::app::{App, Layer, Screen, StatusKind};
use super::keys::{Action, Hint, label};
use super::screens;
use super::session::{Runway, Session, Tab};
use super::theme::Theme;
use super::widgets::{cols, fit, put};

/// The smallest terminal the game lays out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Where each part of the frame goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn areas(area: Rect) -> Areas {
    let row = |y: u16| Rect {
        x: area.x,
        y: area.y + y.min(area.height.saturating_sub(1)),
        width: area.width,
        height: u16::from(area.height > y),
    };
    let h = area.height;
    Areas {
        header: row(0),
        tabs: row(1),
        body: Rect {
            x: area.x,
            y: area.y + 2.min(h),
            width: area.width,
            height: h.saturating_sub(4),
        },
        status: row(h.saturating_sub(2)),
        footer: row(h.saturating_sub(1)),
    }
}

/// Draws the app into a frame.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the app into a buffer area (in ASCII when the theme asks for it).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    draw_frame(app, area, buf);
    if app.theme.ascii {
        super::symbols::to_ascii(buf);
    }
}

fn draw_frame(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        screens::small::render(theme, area, buf);
        return;
    }
    let a = areas(area);
    // Help and the month report cover the whole body: what lies under them is not drawn.
    let opaque = app
        .layers
        .iter()
        .rposition(|l| matches!(l, Layer::Help { .. } | Layer::Report { .. }));
    match &app.screen {
        Screen::Title(t) => {
            let screen = Rect {
                height: area.height.saturating_sub(2),
                ..area
            };
            screens::title::render(t, theme, screen, buf);
        }
        Screen::Game(s) => {
            header(s, theme, a.header, buf);
            tabs(s, theme, a.tabs, buf);
            if opaque.is_none() {
                screens::tab_render(s, theme, a.body, buf);
            }
        }
    }
    for layer in &app.layers[opaque.unwrap_or(0)..] {
        layer_render(app, layer, theme, a.body, buf);
    }
    status(app, theme, a.status, buf);
    footer(&app.hints(), theme, a.footer, buf);
}

fn layer_render(app: &App, layer: &Layer, theme: &Theme, body: Rect, buf: &mut Buffer) {
    match (layer, app.session()) {
        (Layer::Help { scroll, context }, _) => {
            screens::help::render(context, *scroll, theme, body, buf);
        }
        (Layer::Confirm(c), _) => c.render(theme, body, buf),
        (Layer::Menu(m), _) => m.render(theme, body, buf),
        (Layer::Amount(a), Some(s)) => a.render(s, theme, body, buf),
        (Layer::Explain { text, scroll }, _) => {
            screens::explain::render(text, *scroll, theme, body, buf);
        }
        (Layer::Report { sel }, Some(s)) => {
            Clear.render(body, buf);
            screens::month_report::render(s, *sel, theme, body, buf);
        }
        (Layer::Event { sel }, Some(s)) => screens::event::render(s, *sel, theme, body, buf),
        (Layer::SaveName(n), _) => n.render(theme, body, buf),
        (Layer::Pause(p), _) => p.render(theme, body, buf),
        (Layer::Plan(p), Some(s)) => p.render(&s.game, theme, body, buf),
        _ => {}
    }
}

fn header(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let st = &s.game.state;
    let c = s.content();
    let p = st.player();
    let weeks: String = (0..p.weeks.max(4))
        .map(|i| if i < p.weeks { '●' } else { '○' })
        .collect();
    let runway = match s.derived.runway {
        Some(Runway::Months(m)) => format!("{m} mo"),
        _ => "covered".to_string(),
    };
    // Once the game is over the month counter has moved past the last month played: show
    // that last month, not the one that never came.
    let shown = if st.is_over() {
        st.month.saturating_sub(1)
    } else {
        st.month
    };
    let turn = (shown + 1).min(c.scenario.months);
    let mut spans = vec![
        Span::styled(" AI RACE ", theme.selected()),
        Span::styled(format!(" {} ", c.date_label(shown)), theme.title()),
        Span::styled(format!("month {turn}/{} ", c.scenario.months), theme.dim()),
        Span::raw("│ Budget "),
        Span::styled(money(p.budget), theme.delta(p.budget, true)),
        Span::styled(format!(" ({runway}) "), theme.dim()),
        Span::raw("│ Weeks "),
        Span::styled(weeks, theme.key()),
        Span::raw(format!(
            " │ Rank {}/{}",
            crate::game::intel::seen_rank(&s.game.content, st),
            st.labs.len()
        )),
    ];
    if st.pending.is_some() && !st.is_over() {
        spans.push(Span::styled(" │ ⚑ event waiting", theme.warn()));
    }
    if st.is_over() {
        spans.push(Span::styled(" │ game over", theme.warn()));
    }
    // The world's code where the row has room for it (the month report always shows it).
    let code = format!(" │ world {}", s.world_code);
    if Line::from(spans.clone()).width() + cols(&code) <= usize::from(area.width) {
        spans.push(Span::styled(code, theme.dim()));
    }
    put(Line::from(spans), area, 0, buf);
}

/// Where each tab's title sits on the tab row.
fn tab_spans(s: &Session) -> Vec<(Tab, u16, u16)> {
    let mut x = 1u16;
    s.tabs()
        .into_iter()
        .map(|t| {
            let w = cols(t.title()) as u16 + 2;
            let at = x;
            x += w + 1;
            (t, at, w)
        })
        .collect()
}

/// The tab under column `x` of the tab row.
pub fn tab_at(s: &Session, area: Rect, x: u16) -> Option<Tab> {
    tab_spans(s)
        .into_iter()
        .find(|(_, at, w)| x >= area.x + at && x < area.x + at + w)
        .map(|(t, _, _)| t)
}

fn tabs(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    for (t, _, _) in tab_spans(s) {
        let style = if t == s.tab {
            theme.selected()
        } else {
            theme.base()
        };
        spans.push(Span::styled(format!(" {} ", t.title()), style));
        spans.push(Span::styled("│", theme.border()));
    }
    put(Line::from(spans), area, 0, buf);
}

fn status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if let Some(st) = &app.status {
        let style = match st.kind {
            StatusKind::Info => theme.good(),
            StatusKind::Refusal => theme.bad(),
        };
        // A long message (a refusal with its reason) wraps upward over the bottom of the body,
        // up to three rows, rather than being cut at the screen's edge.
        let width = usize::from(area.width).saturating_sub(1);
        let mut rows = super::widgets::wrap(&st.text, width);
        if rows.len() > STATUS_ROWS {
            rows.truncate(STATUS_ROWS);
            if let Some(last) = rows.last_mut() {
                *last = fit(&format!("{last} …"), width);
            }
        }
        let n = rows.len() as u16;
        let top = area.y.saturating_sub(n.saturating_sub(1));
        for (i, row) in rows.into_iter().enumerate() {
            let line_area = Rect {
                y: top + i as u16,
                height: 1,
                ..area
            };
            Clear.render(line_area, buf);
            put(
                Line::styled(fit(&format!(" {row}"), usize::from(area.width)), style),
                line_area,
                0,
                buf,
            );
        }
    }
}

/// The most rows a status message takes (it wraps upward over the body).
const STATUS_ROWS: usize = 3;

/// The footer items: pairs of moves share one item ("↑↓ move").
pub fn footer_items(hints: &[Hint]) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut seen: Vec<Action> = Vec::new();
    for h in hints {
        if seen.contains(&h.action) {
            continue;
        }
        seen.push(h.action);
        let pair = match h.action {
            Action::Up => Some((Action::Down, "↑↓")),
            Action::Down => Some((Action::Up, "↑↓")),
            Action::Left => Some((Action::Right, "←→")),
            Action::Right => Some((Action::Left, "←→")),
            Action::NextTab => Some((Action::PrevTab, "Tab")),
            Action::PrevTab => Some((Action::NextTab, "Tab")),
            _ => None,
        };
        if let Some((other, both)) = pair
            && let Some(o) = hints.iter().find(|x| x.action == other)
            && o.what == h.what
        {
            seen.push(other);
            out.push((both.to_string(), h.what));
            continue;
        }
        // Two actions with the same meaning here (Enter and Esc both "continue") show once.
        if let Some(prev) = out.iter_mut().find(|(_, w)| *w == h.what) {
            prev.0 = format!("{}/{}", prev.0, label(h.action));
            continue;
        }
        out.push((label(h.action).to_string(), h.what));
    }
    out
}

fn footer(hints: &[Hint], theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    let mut used = 0usize;
    let width = usize::from(area.width);
    let items = footer_items(hints);
    let len = |(keys, what): &(String, &str)| cols(keys) + cols(what) + 3;
    // Help stays visible whatever the width: its room is kept before the others are placed,
    // and a hint that does not fit is left out whole (never cut mid-word).
    let help = label(Action::Help);
    let is_help = |item: &(String, &str)| item.0 == help;
    let mut budget = width.saturating_sub(items.iter().filter(|i| is_help(i)).map(len).sum());
    let shown: Vec<bool> = items
        .iter()
        .map(|item| {
            if is_help(item) {
                return true;
            }
            let n = len(item);
            let fits = n <= budget;
            if fits {
                budget -= n;
            }
            fits
        })
        .collect();
    for ((keys, what), show) in items.into_iter().zip(shown) {
        if !show {
            continue;
        }
        used += len(&(keys.clone(), what));
        if used > width {
            break;
        }
        spans.push(Span::styled(format!(" {keys}"), theme.key()));
        spans.push(Span::styled(format!(" {what} "), theme.dim()));
    }
    put(Line::from(spans), area, 0, buf);
}
