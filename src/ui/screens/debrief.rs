//! The debrief at the end of a game: how it ended, the race over time with the player's key
//! decisions marked on it, the score and its parts, what the player's decisions were worth
//! apart from the starting position, and the timeline of decisions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use std::cell::RefCell;

use crate::game::state::Lever;
use crate::game::units::Progress;
use crate::report::counterfactual::{self, Credit};
use crate::report::format::{month_of, signed_tenths};

use super::super::app::Outcome;
use super::super::keys::{Action, Hint, hint};
use super::super::session::{Session, date_label};
use super::super::theme::Theme;
use super::super::widgets::{fit, panel, put, race_chart, right};
use super::{chart_ends, race_series};
pub use crate::front::figures::ending_text;

pub fn hints(_s: &Session) -> Vec<Hint> {
    vec![
        hint(Action::Up, "scroll"),
        hint(Action::Down, "scroll"),
        hint(Action::Explain, "score and lessons"),
        hint(Action::Choose, "new game"),
    ]
}

pub fn update(s: &mut Session, action: Action) -> Outcome {
    match action {
        Action::Up => s.debrief_scroll = s.debrief_scroll.saturating_sub(1),
        Action::Down => {
            let max = s.game.state.timeline.len().saturating_sub(1) as u16;
            s.debrief_scroll = (s.debrief_scroll + 1).min(max);
        }
        Action::Choose => return Outcome::NewGame,
        Action::Explain => {
            let text = super::super::explain::score_parts(s);
            return Outcome::Open(super::super::app::Layer::Explain { text, scroll: 0 });
        }
        _ => {}
    }
    Outcome::Nothing
}

/// How often each lever was pulled, for the score panel.
fn lever_counts(s: &Session) -> Vec<(Lever, usize)> {
    let mut counts: Vec<(Lever, usize)> = Vec::new();
    for t in &s.game.state.timeline {
        match counts.iter_mut().find(|(l, _)| *l == t.lever) {
            Some((_, n)) => *n += 1,
            None => counts.push((t.lever, 1)),
        }
    }
    counts.sort();
    counts
}

thread_local! {
    /// The last game's credit, keyed by its state hash and decision count: measuring replays
    /// the game six times, so it is done once per game, not once per frame.
    static CREDIT: RefCell<Option<(u64, usize, Option<Credit>)>> = const { RefCell::new(None) };
}

/// What the player's decisions were worth (see [`Credit`]); `None` when the session's record
/// does not replay to its game.
fn credit(s: &Session) -> Option<Credit> {
    let decisions = s.record.decisions();
    let key = (s.game.hash(), decisions.len());
    CREDIT.with(|cell| {
        let mut cached = cell.borrow_mut();
        if let Some((hash, n, credit)) = cached.as_ref()
            && (*hash, *n) == key
        {
            return credit.clone();
        }
        let credit = Some(Credit::of_game(&s.game, decisions)).filter(|c| c.faithful);
        *cached = Some((key.0, key.1, credit.clone()));
        credit
    })
}

/// "months sooner: pipeline +2.1 · tech +1.5 · ... · win chance 100% (no decisions 0%):
/// pipeline +28 · ... · superintelligence after 9.0 months (no decisions: after 13.1 months
/// (projected))": the credit in one line to wrap, the levers that counted most first, so the
/// smallest screen still shows the lesson's point.
fn credit_text(credit: &Credit) -> String {
    let short = |label: &str| {
        match label {
            "adopted tech" => "tech",
            "other decisions" => "other",
            other => other,
        }
        .to_string()
    };
    let mut rows: Vec<_> = credit
        .rows()
        .into_iter()
        .filter(|r| r.decisions > 0)
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse((r.chance_points, r.months_tenths)));
    let join = |parts: Vec<String>| {
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(" · ")
        }
    };
    let months = join(
        rows.iter()
            .map(|r| format!("{} {}", short(r.label), signed_tenths(r.months_tenths)))
            .collect(),
    );
    let mut text = format!("months sooner: {months}");
    if let Some((base, actual)) = credit.chance_percent() {
        let chances = join(
            rows.iter()
                .filter_map(|r| r.chance_points.map(|p| (r.label, p)))
                .map(|(label, p)| {
                    let sign = if p < 0 { "" } else { "+" };
                    format!("{} {sign}{p}", short(label))
                })
                .collect(),
        );
        text.push_str(&format!(
            " · win chance {actual}% (no decisions {base}%): {chances}"
        ));
    }
    text.push_str(&format!(
        " · superintelligence {} (no decisions: {})",
        counterfactual::arrival_words(&credit.actual.arrival),
        counterfactual::arrival_words(&credit.baseline.arrival)
    ));
    text
}

pub fn render(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let st = &s.game.state;
    let c = s.content();
    let (mut headline, good) = match &st.ending {
        Some(e) => ending_text(s, e),
        None => ("The game is still on.".to_string(), true),
    };
    if let Some(g) = &s.ghost
        && st.is_over()
    {
        headline = format!("{headline} {}", g.result(&s.game));
    }
    let style = if good { theme.good() } else { theme.bad() };
    put(
        Line::styled(fit(&format!(" {headline}"), usize::from(area.width)), style),
        area,
        0,
        buf,
    );
    let rest_h = area.height.saturating_sub(1);
    let chart_h = (rest_h * 11 / 20).max(8).min(rest_h);
    let score_w = 34.min(area.width);
    let chart = Rect {
        y: area.y + 1,
        height: chart_h,
        width: area.width - score_w,
        ..area
    };
    let score = Rect {
        x: area.x + area.width - score_w,
        y: area.y + 1,
        width: score_w,
        height: chart_h,
    };
    let timeline = Rect {
        y: area.y + 1 + chart_h,
        height: rest_h - chart_h,
        ..area
    };
    let inner = panel("The race over time (▲ your decisions)", theme, chart, buf);
    let marks: Vec<usize> = st.timeline.iter().map(|t| usize::from(t.month)).collect();
    let (a, b) = chart_ends(s);
    let mut series = race_series(s, theme);
    if let Some(g) = &s.ghost {
        series.push(g.series(usize::from(st.month), theme.warn()));
    }
    race_chart(
        &series,
        super::chart_months(s),
        (&a, &b),
        &marks,
        theme,
        inner,
        buf,
    );
    let inner = panel("Score", theme, score, buf);
    let sc = s.game.score();
    let w = usize::from(inner.width);
    let mut row = 0u16;
    for (name, v) in sc.parts() {
        put(
            Line::raw(fit(
                &format!(
                    "{}{}",
                    fit(name, w.saturating_sub(8)),
                    right(&v.to_string(), 8)
                ),
                w,
            )),
            inner,
            row,
            buf,
        );
        row += 1;
    }
    put(
        Line::styled(
            fit(
                &format!(
                    "{}{}",
                    fit("total", w.saturating_sub(8)),
                    right(&sc.total.to_string(), 8)
                ),
                w,
            ),
            theme.title(),
        ),
        inner,
        row,
        buf,
    );
    row += 1;
    let p = st.player();
    put(
        Line::styled(fit(&month_of(c, st.month, st.is_over()), w), theme.dim()),
        inner,
        row,
        buf,
    );
    row += 1;
    let mut standing = format!("{}, rank {}", p.progress().display(), st.player_rank());
    let revealed: Vec<String> = (1..st.labs.len() as u8)
        .filter_map(|id| {
            crate::game::intel::revealed(c, st, id).map(|(seen, truth)| {
                format!(
                    "{} {} (you saw {})",
                    c.labs[usize::from(id)].short,
                    truth.display(),
                    seen.label()
                )
            })
        })
        .collect();
    if !revealed.is_empty() {
        standing.push_str(&format!(" · the rivals revealed: {}", revealed.join(", ")));
    }
    let text = match credit(s) {
        Some(credit) => format!("{} · {standing}", credit_text(&credit)),
        None => {
            let levers: Vec<String> = lever_counts(s)
                .iter()
                .map(|(l, n)| format!("{} {n}", l.name()))
                .collect();
            format!("progress {standing} · levers: {}", levers.join(", "))
        }
    };
    for (i, l) in super::super::widgets::wrap(&text, w).iter().enumerate() {
        put(
            Line::styled(l.as_str(), theme.dim()),
            inner,
            row + i as u16,
            buf,
        );
    }
    let inner = panel(
        "Your key decisions (↑↓ scroll, Enter for a new game)",
        theme,
        timeline,
        buf,
    );
    let w = usize::from(inner.width);
    for (i, t) in st
        .timeline
        .iter()
        .skip(usize::from(s.debrief_scroll))
        .take(usize::from(inner.height))
        .enumerate()
    {
        let progress = st
            .history
            .iter()
            .find(|r| r.month == t.month)
            .and_then(|r| r.progress.first())
            .map_or(String::new(), |p: &Progress| p.display());
        put(
            Line::from(vec![
                Span::styled(format!("{:<9}", date_label(c, t.month)), theme.dim()),
                Span::styled(format!("{:<14}", t.lever.name()), theme.key()),
                Span::raw(fit(&t.text(c, st), w.saturating_sub(30))),
                Span::styled(format!(" {progress:>5}"), theme.dim()),
            ]),
            inner,
            i as u16,
            buf,
        );
    }
    if st.timeline.is_empty() {
        put(
            Line::styled("No decisions were recorded.", theme.dim()),
            inner,
            0,
            buf,
        );
    }
}
