//! One file per screen. Each game screen offers the same four entry points, dispatched here:
//! `hints` (the actions it accepts now), `update` (an accepted action), `render` (read-only
//! drawing) and `click` (a mouse click on its list).

pub mod compute;
pub mod dashboard;
pub mod debrief;
pub mod event;
pub mod explain;
pub mod help;
pub mod load;
pub mod month_report;
pub mod pipeline;
pub mod rivals;
pub mod small;
pub mod talent;
pub mod tech;
pub mod title;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::app::Outcome;
use super::keys::{Action, Hint};
use super::session::{Session, Tab};
use super::theme::Theme;
pub use crate::front::choices::{refusal, refusal_short};

pub fn tab_hints(s: &Session) -> Vec<Hint> {
    match s.tab {
        Tab::Dashboard => dashboard::hints(s),
        Tab::Talent => talent::hints(s),
        Tab::Tech => tech::hints(s),
        Tab::Pipeline => pipeline::hints(s),
        Tab::Compute => compute::hints(s),
        Tab::Rivals => rivals::hints(s),
        Tab::Debrief => debrief::hints(s),
    }
}

pub fn tab_update(s: &mut Session, action: Action) -> Outcome {
    match s.tab {
        Tab::Dashboard => dashboard::update(s, action),
        Tab::Talent => talent::update(s, action),
        Tab::Tech => tech::update(s, action),
        Tab::Pipeline => pipeline::update(s, action),
        Tab::Compute => compute::update(s, action),
        Tab::Rivals => rivals::update(s, action),
        Tab::Debrief => debrief::update(s, action),
    }
}

pub fn tab_render(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    match s.tab {
        Tab::Dashboard => dashboard::render(s, theme, area, buf),
        Tab::Talent => talent::render(s, theme, area, buf),
        Tab::Tech => tech::render(s, theme, area, buf),
        Tab::Pipeline => pipeline::render(s, theme, area, buf),
        Tab::Compute => compute::render(s, theme, area, buf),
        Tab::Rivals => rivals::render(s, theme, area, buf),
        Tab::Debrief => debrief::render(s, theme, area, buf),
    }
}

/// A click in the body: selects the row under it. `Some(true)` when the row was already
/// selected (the click chooses it).
pub fn tab_click(s: &mut Session, body: Rect, x: u16, y: u16) -> Option<bool> {
    let (row, sel) = match s.tab {
        Tab::Dashboard => (dashboard::row_at(s, body, x, y), &mut s.figure),
        Tab::Talent => (talent::row_at(s, body, x, y), &mut s.talent_sel),
        Tab::Tech => (tech::row_at(s, body, x, y), &mut s.tech_sel),
        Tab::Pipeline => (pipeline::row_at(s, body, x, y), &mut s.stage_sel),
        Tab::Compute => (compute::row_at(s, body, x, y), &mut s.action_sel),
        Tab::Rivals => (rivals::row_at(s, body, x, y), &mut s.rival_sel),
        Tab::Debrief => (None, &mut s.figure),
    };
    let row = row?;
    let again = *sel == row;
    *sel = row;
    Some(again)
}

/// Moves a list selection up or down within `len` rows.
pub fn step(sel: &mut usize, action: Action, len: usize) {
    match action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(len.saturating_sub(1)),
        _ => {}
    }
}

/// The row of a list whose rows start at `top` and show from `offset`, under screen row `y`.
pub fn list_row(
    top: u16,
    height: u16,
    offset: usize,
    len: usize,
    x_in: bool,
    y: u16,
) -> Option<usize> {
    if !x_in || y < top || y >= top + height {
        return None;
    }
    let i = offset + usize::from(y - top);
    (i < len).then_some(i)
}

/// A list sized to its `rows` (plus its border and header) above a detail panel that keeps at
/// least `min_detail` rows.
pub fn list_over_detail(area: Rect, rows: usize, min_detail: u16) -> (Rect, Rect) {
    let list_h = (rows as u16 + 3).min(area.height.saturating_sub(min_detail));
    let detail_h = area.height - list_h;
    (
        Rect {
            height: list_h,
            ..area
        },
        Rect {
            y: area.y + list_h,
            height: detail_h,
            ..area
        },
    )
}

/// The row a click at (`x`, `y`) hits in a bordered list with a header, scrolled to keep
/// `sel` visible.
pub fn clicked_row(list: Rect, rows: usize, sel: usize, x: u16, y: u16) -> Option<usize> {
    let h = list.height.saturating_sub(3);
    let offset = super::widgets::window(rows, sel, usize::from(h));
    list_row(
        list.y + 2,
        h,
        offset,
        rows,
        x >= list.x && x < list.x + list.width,
        y,
    )
}

/// The race chart's series: one per lab, from the start (if known) through every finished
/// month, the player first (drawn on top).
pub fn race_series(s: &Session, theme: &Theme) -> Vec<super::widgets::Series> {
    let c = s.content();
    let shorts: Vec<&str> = c.labs.iter().map(|l| l.short.as_str()).collect();
    let markers = super::widgets::lab_markers(&shorts);
    (0..s.game.state.labs.len())
        .map(|i| {
            let mut points = Vec::new();
            if let Some(start) = &s.initial
                && let Some(p) = start.get(i)
            {
                points.push((0, p.0));
            }
            for r in &s.game.state.history {
                if let Some(p) = crate::game::intel::shown_in_record(&s.game.state, r, i) {
                    points.push((usize::from(r.month) + 1, p.0));
                }
            }
            if s.game.state.history.is_empty() && s.initial.is_none() {
                points.push((
                    usize::from(s.game.state.month),
                    crate::game::intel::seen_progress(&s.game.state, i as u8).0,
                ));
            }
            super::widgets::Series {
                marker: markers.get(i).copied().unwrap_or('*'),
                name: c.labs.get(i).map_or(String::new(), |l| l.short.clone()),
                style: theme.lab(i),
                points,
            }
        })
        .collect()
}

/// How many months the chart's time axis spans: the campaign while it is played, the months
/// actually played once the game is over (an early ending should not leave an empty chart).
pub fn chart_months(s: &Session) -> usize {
    let st = &s.game.state;
    let months = s.content().scenario.months;
    if st.is_over() {
        usize::from(st.month.clamp(1, months))
    } else {
        usize::from(months)
    }
}

/// The dates at the two ends of the chart's time axis.
pub fn chart_ends(s: &Session) -> (String, String) {
    let c = s.content();
    (
        super::session::date_label(c, 0),
        super::session::date_label(c, chart_months(s) as u16),
    )
}
