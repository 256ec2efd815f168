//! The dashboard: the race at a glance (every lab's progress, speed, recent trend, talent,
//! compute and last move, the player highlighted), the player's lab as a list of figures that
//! `e` explains, the news feed, and on tall terminals the race chart over time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::game::intel;
use crate::game::state::{LabId, NewsKind, PLAYER};
use crate::game::units::{Progress, money};

use super::super::app::{Layer, Outcome};
use super::super::explain::{Figure, explain, speed_label};
use super::super::forecast::{self};
use super::super::keys::{Action, Hint, hint};
use super::super::session::{Runway, Session, intent, news_text};
use super::super::theme::Theme;
use super::super::widgets::{
    bar_between, cell, fit, flow, panel, put, race_chart, right, sparkline_scaled, window, wrap,
};
use super::{chart_ends, list_row, race_series, step};
pub use crate::front::figures::{count, eta_label, figure_value, recent_gains, shown_speed};

pub fn hints(s: &Session) -> Vec<Hint> {
    let mut h = vec![
        hint(Action::Up, "figure"),
        hint(Action::Down, "figure"),
        hint(Action::Explain, "explain it"),
    ];
    if suggestion(s).is_some() {
        h.push(hint(Action::DoIt, "do the suggestion"));
    }
    h
}

pub use crate::front::session::suggestion;

pub fn update(s: &mut Session, action: Action) -> Outcome {
    match action {
        Action::Up | Action::Down => {
            step(&mut s.figure, action, Figure::DASHBOARD.len());
            Outcome::Nothing
        }
        Action::DoIt => match suggestion(s) {
            Some(c) => Outcome::RunSuggested(c),
            None => Outcome::Info(
                "No suggestion now: the weeks are spent or nothing more pays; n ends the month."
                    .into(),
            ),
        },
        Action::Explain | Action::Choose => {
            let f = Figure::DASHBOARD[s.figure.min(Figure::DASHBOARD.len() - 1)];
            Outcome::Open(Layer::Explain {
                text: explain(s, f),
                scroll: 0,
            })
        }
        _ => Outcome::Nothing,
    }
}

/// Race table, chart (tall screens only) and the lower panels.
struct Parts {
    race: Rect,
    chart: Option<Rect>,
    lab: Rect,
    news: Rect,
}

fn parts(s: &Session, area: Rect) -> Parts {
    let race_h = (s.game.state.labs.len() as u16 + 3).min(area.height);
    let rest = area.height - race_h;
    // A chart only where the lab's figures still fit below it.
    let chart_h = if rest >= 26 { rest - 16 } else { 0 };
    let lower_y = area.y + race_h + chart_h;
    let lower_h = rest - chart_h;
    let lab_w = (area.width / 2).max(42).min(area.width);
    Parts {
        race: Rect {
            height: race_h,
            ..area
        },
        chart: (chart_h > 0).then_some(Rect {
            y: area.y + race_h,
            height: chart_h,
            ..area
        }),
        lab: Rect {
            x: area.x,
            y: lower_y,
            width: lab_w,
            height: lower_h,
        },
        news: Rect {
            x: area.x + lab_w,
            y: lower_y,
            width: area.width - lab_w,
            height: lower_h,
        },
    }
}

/// How many figures at the top of the list (money, runway, morale, risk, board: the ones that
/// can end the game) stay on screen however far the list is scrolled.
const PINNED: usize = 5;

/// The figure shown on each row of a lab panel `height` rows tall: the pinned figures, then a
/// window over the others that keeps the selected one visible.
fn lab_rows(sel: usize, height: usize) -> Vec<usize> {
    let n = Figure::DASHBOARD.len();
    if height >= n || height <= PINNED {
        let offset = window(n, sel, height);
        return (offset..n).take(height).collect();
    }
    let rest = height - PINNED;
    let offset = window(n - PINNED, sel.saturating_sub(PINNED), rest);
    (0..PINNED).chain((PINNED + offset..n).take(rest)).collect()
}

pub fn row_at(s: &Session, area: Rect, x: u16, y: u16) -> Option<usize> {
    let p = parts(s, area);
    let inner_h = p.lab.height.saturating_sub(2);
    let rows = lab_rows(s.figure, usize::from(inner_h));
    let row = list_row(
        p.lab.y + 1,
        inner_h,
        0,
        rows.len(),
        x >= p.lab.x && x < p.lab.x + p.lab.width,
        y,
    )?;
    rows.get(row).copied()
}

pub fn render(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let p = parts(s, area);
    race_table(s, theme, p.race, buf);
    if let Some(c) = p.chart {
        let inner = panel("The race over time", theme, c, buf);
        let (a, b) = chart_ends(s);
        let mut series = race_series(s, theme);
        if let Some(g) = &s.ghost {
            series.push(g.series(usize::from(s.game.state.month), theme.warn()));
        }
        race_chart(
            &series,
            super::chart_months(s),
            (&a, &b),
            &[],
            theme,
            inner,
            buf,
        );
    }
    lab_panel(s, theme, p.lab, buf);
    news_panel(s, theme, p.news, buf);
}

/// The rival closest to 100 when it is within [`forecast::EMERGENCY_GAP`]: the table's title
/// turns into a warning naming it.
fn emergency(s: &Session) -> Option<String> {
    let st = &s.game.state;
    if st.is_over() {
        return None;
    }
    let (i, seen) = (0..st.labs.len())
        .filter(|i| *i != usize::from(PLAYER))
        .map(|i| (i, intel::seen_progress(st, i as LabId)))
        .max_by_key(|(i, p)| (*p, std::cmp::Reverse(*i)))?;
    let gap = Progress::MAX.0 - seen.0;
    (gap <= forecast::EMERGENCY_GAP).then(|| {
        format!(
            "⚑ EMERGENCY: {} is {} from 100, at this pace {}",
            s.content().labs[i].short,
            Progress(gap).display(),
            eta_label(s, i)
        )
    })
}

/// The lowest value of the progress scale: the ten below the slowest lab, at most 80, so a
/// close race fills the bars instead of sitting in their last cells.
fn scale_floor(s: &Session) -> i32 {
    let lowest = s
        .game
        .state
        .labs
        .iter()
        .enumerate()
        .map(|(i, _)| {
            intel::estimate(s.content(), &s.game.state, i as LabId)
                .low()
                .0
        })
        .min()
        .unwrap_or(0)
        .clamp(0, 100_000);
    (lowest / 10_000 * 10_000).min(80_000)
}

fn race_table(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let alarm = emergency(s);
    let inner = match &alarm {
        Some(text) => {
            let inner = panel("", theme, area, buf);
            let title = Line::styled(
                format!(" {text} "),
                theme.bad().add_modifier(Modifier::REVERSED),
            );
            put(
                title,
                Rect {
                    x: area.x + 1,
                    y: area.y,
                    width: area.width.saturating_sub(2),
                    height: 1,
                },
                0,
                buf,
            );
            inner
        }
        None => match crate::ui::ghost::dashboard_line(s) {
            // A ghost race: the lead or lag on the ghost sits in the race's own title.
            Some(lead) => panel(
                &format!("The race to superintelligence (100) · {lead}"),
                theme,
                area,
                buf,
            ),
            None => panel("The race to superintelligence (100)", theme, area, buf),
        },
    };
    let st = &s.game.state;
    let c = s.content();
    let w = usize::from(inner.width);
    let (name_w, prog_w, speed_w, trend_w, talent_w, gpu_w, eta_w) = (13, 6, 7, 9, 8, 7, 10);
    let fixed = name_w + prog_w + speed_w + trend_w + talent_w + gpu_w + eta_w;
    let mut move_w = if w >= fixed + 30 {
        (w - fixed) / 2
    } else {
        w.saturating_sub(fixed + 10).min(18)
    };
    // A last move cut to a few letters says nothing: on a narrow screen the bar takes the room
    // (the Rivals screen lists every move in full).
    if move_w < 14 {
        move_w = 0;
    }
    let bar_w = w.saturating_sub(fixed + move_w + 1);
    let lo = scale_floor(s);
    let head = format!(
        "{}{}{}{}{}{}{}{} {}",
        fit("Lab", name_w),
        fit(&format!("Progress {}-100", lo / 1000), bar_w),
        right("now", prog_w),
        right("/month", speed_w),
        right("trend", trend_w),
        right("staff", talent_w),
        right("GPUs", gpu_w),
        right("this pace", eta_w),
        fit("last move", move_w.saturating_sub(1)),
    );
    put(Line::styled(fit(&head, w), theme.dim()), inner, 0, buf);
    let mut order: Vec<usize> = (0..st.labs.len()).collect();
    let seen = intel::seen_all(st);
    order.sort_by_key(|&i| (std::cmp::Reverse(seen[i]), i));
    // One scale for every lab's trend, so a slow lab's line sits low beside a fast one.
    let trends: Vec<Vec<i64>> = (0..st.labs.len()).map(|i| recent_gains(s, i, 8)).collect();
    let trend_max = trends.iter().flatten().copied().max().unwrap_or(0);
    for (row, &i) in order.iter().enumerate() {
        let l = &st.labs[i];
        let def = &c.labs[i];
        let mark = if i == usize::from(PLAYER) {
            "▶ "
        } else {
            "  "
        };
        let named = st.staff_of(i as LabId).count();
        let trend = sparkline_scaled(&trends[i], trend_max);
        let est = intel::estimate(c, st, i as LabId);
        let near =
            i != usize::from(PLAYER) && Progress::MAX.0 - seen[i].0 <= forecast::EMERGENCY_GAP;
        let last = if i == usize::from(PLAYER) {
            "you".to_string()
        } else {
            st.last_move(i as LabId)
                .map_or(String::new(), |n| n.text(c, st))
        };
        let style = theme.lab(i);
        let mark = if near { "! " } else { mark };
        let line = Line::from(vec![
            Span::styled(fit(&format!("{mark}{}", def.short), name_w - 1), style),
            Span::raw(" "),
            Span::styled(
                fit(
                    &bar_between(
                        i64::from(seen[i].0),
                        i64::from(lo),
                        100_000,
                        bar_w.saturating_sub(1),
                    ),
                    bar_w,
                ),
                style,
            ),
            Span::styled(right(&est.short_label(), prog_w), style),
            Span::raw(right(&speed_label(shown_speed(s, i)), speed_w)),
            Span::styled(right(&trend, trend_w), theme.dim()),
            Span::raw(right(
                &format!("{}+{named}", count(l.researchers)),
                talent_w,
            )),
            Span::raw(right(&format!("{}k", l.compute), gpu_w)),
            Span::styled(
                right(&eta_label(s, i), eta_w),
                if near { theme.bad() } else { theme.base() },
            ),
            Span::raw(" "),
            Span::styled(fit(&last, move_w.saturating_sub(1)), theme.dim()),
        ]);
        put(line, inner, row as u16 + 1, buf);
    }
}

fn figure_style(s: &Session, f: Figure, theme: &Theme) -> ratatui::style::Style {
    let p = s.game.state.player();
    match f {
        Figure::Budget if p.budget < 0 => theme.bad(),
        Figure::Runway if matches!(s.derived.runway, Some(Runway::Months(m)) if m < 4) => {
            theme.bad()
        }
        Figure::Risk if p.risk >= 50 => theme.bad(),
        Figure::Morale if p.morale < 40 => theme.bad(),
        Figure::Board if p.board < 30 => theme.bad(),
        Figure::Weeks if p.weeks > 0 => theme.key(),
        _ => theme.base(),
    }
}

fn lab_panel(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let inner = panel("Your lab (e explains)", theme, area, buf);
    let h = usize::from(inner.height);
    let w = usize::from(inner.width);
    for (row, i) in lab_rows(s.figure, h).into_iter().enumerate() {
        let f = Figure::DASHBOARD[i];
        let (value, note) = figure_value(s, f);
        let selected = i == s.figure;
        let name_w = 17.min(w);
        let value_w = 11.min(w - name_w);
        let note_w = w - name_w - value_w;
        let line = if selected {
            Line::styled(
                fit(
                    &format!(
                        "{}{}{}",
                        cell(f.name(), name_w),
                        cell(&value, value_w),
                        fit(&note, note_w)
                    ),
                    w,
                ),
                theme.selected(),
            )
        } else {
            Line::from(vec![
                Span::raw(cell(f.name(), name_w)),
                Span::styled(cell(&value, value_w), figure_style(s, f, theme)),
                Span::styled(fit(&note, note_w), theme.dim()),
            ])
        };
        put(line, inner, row as u16, buf);
    }
}

fn news_style(kind: NewsKind, theme: &Theme) -> ratatui::style::Style {
    match kind {
        NewsKind::Player => theme.good(),
        NewsKind::Rival => theme.dim(),
        NewsKind::Event => theme.warn(),
        NewsKind::Warning => theme.bad(),
        NewsKind::Milestone => theme.title(),
    }
}

/// "At Dec's close $18.5B of unspent cash goes back (e on Budget)": what the quarter's close
/// would take back at the cash held now, as the Budget explain panel counts it; `None` when
/// nothing would go back or the game is over.
fn quarter_warning(s: &Session) -> Option<String> {
    let c = s.content();
    let st = &s.game.state;
    if st.is_over() {
        return None;
    }
    let p = st.player();
    let back = crate::game::board::quarter_return(c, p.budget, p.income);
    if back <= 0 {
        return None;
    }
    let left = crate::game::board::months_left_in_quarter(c, st);
    let close = super::super::session::date_label(c, st.month + left - 1);
    let when = if left == 1 {
        "this month's end".to_string()
    } else {
        format!("the end of {}", &close[..3.min(close.len())])
    };
    Some(format!(
        "at {when} the company takes back {} of unspent cash (e on Budget explains)",
        money(back)
    ))
}

fn news_panel(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut inner = panel("News (w reads all)", theme, area, buf);
    let c = s.content();
    // The suggested next move sits on the panel's first rows (wrapped, never cut), where `d`
    // makes it.
    if let Some(cmd) = suggestion(s).filter(|_| s.paused_at().is_none())
        && inner.height > 3
    {
        let cost = s
            .game
            .check(&cmd)
            .map(|c| format!(" ({} wk, {})", c.weeks, money(c.money)))
            .unwrap_or_default();
        let text = format!("suggests: {}{cost}", intent(&s.game, &cmd));
        let rows = wrap(&text, usize::from(inner.width).saturating_sub(2));
        let used = (rows.len() as u16).min(inner.height / 2);
        for (i, row) in rows.into_iter().take(usize::from(used)).enumerate() {
            let key = if i == 0 { "d " } else { "  " };
            let line = Line::from(vec![
                Span::styled(key, theme.key()),
                Span::styled(row, theme.title()),
            ]);
            put(line, inner, i as u16, buf);
        }
        inner.y += used;
        inner.height -= used;
    }
    // Cash the company would take back at the quarter's close: said before the close, where
    // the player reads first, so the first quarter's money is not lost by surprise.
    if let Some(text) = quarter_warning(s)
        && inner.height > 3
    {
        let rows = wrap(&text, usize::from(inner.width).saturating_sub(2));
        let used = (rows.len() as u16).min(inner.height / 2);
        for (i, row) in rows.into_iter().take(usize::from(used)).enumerate() {
            let mark = if i == 0 { "! " } else { "  " };
            let line = Line::from(vec![
                Span::styled(mark, theme.warn()),
                Span::styled(row, theme.warn()),
            ]);
            put(line, inner, i as u16, buf);
        }
        inner.y += used;
        inner.height -= used;
    }
    let lines: Vec<Line> = s
        .game
        .state
        .news
        .iter()
        .rev()
        .filter(|n| !s.held_by_pause(n))
        .take(usize::from(inner.height))
        .map(|n| {
            let date = super::super::session::date_label(c, n.month);
            Line::from(vec![
                Span::styled(format!("{} ", &date[..3.min(date.len())]), theme.dim()),
                Span::styled(news_text(c, &s.game.state, n), news_style(n.kind, theme)),
            ])
        })
        .collect();
    if lines.is_empty() {
        let hint = [Line::styled(
            "No news yet. Spend your weeks on the other screens (Tab), then press n to end the month.",
            theme.dim(),
        )];
        flow(&hint, 0, inner, buf);
        return;
    }
    flow(&lines, 0, inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figures_that_end_the_game_stay_on_screen_when_the_list_scrolls() {
        let last = Figure::DASHBOARD.len() - 1;
        for sel in 0..=last {
            let rows = lab_rows(sel, 9);
            assert_eq!(rows.len(), 9);
            assert_eq!(&rows[..PINNED], &[0, 1, 2, 3, 4], "selected {sel}");
            assert!(rows.contains(&sel), "selected {sel}: {rows:?}");
        }
        assert_eq!(lab_rows(3, 20).len(), Figure::DASHBOARD.len());
    }
}
