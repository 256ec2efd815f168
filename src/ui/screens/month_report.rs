//! The month report, shown after ending a month: how the race moved, where the player's
//! research came from (by cause), and each figure's change with its causes; `e` explains the
//! selected figure in full.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::game::data::Track;
use crate::game::state::NewsKind;
use crate::game::units::Progress;

use super::super::explain::{Figure, speed_label};
use super::super::report::{MonthReport, REPORT_FIGURES};
use super::super::session::{Session, news_text};
use super::super::theme::Theme;
use super::super::widgets::{fit, flow, panel, put, right, wrap};
use super::debrief::ending_text;

pub fn render(s: &Session, sel: usize, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let Some(r) = &s.report else {
        return;
    };
    let inner = panel(
        &format!(
            "Month report: {} · world {} (Enter continues, e explains)",
            r.label, s.world_code
        ),
        theme,
        body,
        buf,
    );
    let mut top = 0;
    if let Some(e) = &r.ending {
        let (text, good) = ending_text(s, e);
        let style = if good { theme.good() } else { theme.bad() };
        put(
            Line::styled(fit(&text, usize::from(inner.width)), style),
            inner,
            0,
            buf,
        );
        top = 1;
    }
    let half = inner.width / 2;
    let left = Rect {
        y: inner.y + top,
        height: inner.height - top,
        width: half,
        ..inner
    };
    let right_area = Rect {
        x: inner.x + half + 1,
        y: inner.y + top,
        width: inner.width - half - 1,
        height: inner.height - top,
    };
    race_and_research(s, theme, left, buf);
    changes(s, sel, theme, right_area, buf);
}

fn race_and_research(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(r) = &s.report else {
        return;
    };
    let c = s.content();
    let w = usize::from(area.width);
    let mut lines = vec![Line::styled("The race", theme.title())];
    let mut order: Vec<usize> = (0..r.race.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(r.race[i].1), i));
    for i in order {
        let (b, a) = r.race[i];
        let text = format!(
            "{}{} → {}{}",
            fit(&c.labs[i].short, 11),
            right(&b.display(), 5),
            right(&a.display(), 5),
            right(
                &format!("({})", crate::report::format::progress_change(b, a)),
                8
            )
        );
        lines.push(Line::styled(fit(&text, w), theme.lab(i)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Your research {} this month", speed_label(r.speed.total)),
        theme.title(),
    ));
    // First, so it shows even on a small terminal: why the race line above differs.
    let before = overall(r.tracks.map(|(b, _)| b));
    let after = overall(r.tracks.map(|(_, a)| a));
    lines.push(Line::styled(
        fit(
            &format!(
                "  progress {} = (mean + weakest) ÷ 2",
                speed_label(after - before)
            ),
            w,
        ),
        theme.dim(),
    ));
    // The parts are shown so they sum to the shown total (largest remainder).
    let parts = r.speed.parts();
    let shown = crate::report::format::apportion(
        &parts.iter().map(|(_, v)| i64::from(*v)).collect::<Vec<_>>(),
        10,
    );
    for ((name, v), h) in parts.into_iter().zip(shown) {
        if v == 0 {
            continue;
        }
        lines.push(Line::from(vec![
            Span::raw(fit(&format!("  {name}"), 24.min(w))),
            Span::styled(
                right(&super::super::explain::hundredths_label(h), 7),
                theme.delta(i64::from(v), true),
            ),
        ]));
    }
    track_lines(r, theme, w, &mut lines);
    flow(&lines, 0, area, buf);
}

fn changes(s: &Session, sel: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(r) = &s.report else {
        return;
    };
    let w = usize::from(area.width);
    let mut lines = vec![Line::styled("What changed and why", theme.title())];
    for (i, f) in REPORT_FIGURES.iter().enumerate() {
        let text = match f {
            Figure::Speed => format!("{:<13}{} a month", "Research", speed_label(r.speed.total)),
            _ => match r.change(*f) {
                Some(c) => format!(
                    "{:<13}{} → {}",
                    short(*f),
                    f.amount(c.before),
                    f.amount(c.after)
                ),
                None => short(*f).to_string(),
            },
        };
        let mark = if i == sel { "▶ " } else { "  " };
        let style = if i == sel {
            theme.selected()
        } else {
            theme.base()
        };
        lines.push(Line::styled(fit(&format!("{mark}{text}"), w), style));
    }
    let figure = REPORT_FIGURES[sel.min(REPORT_FIGURES.len() - 1)];
    lines.push(Line::raw(""));
    match (figure, r.change(figure)) {
        (Figure::Speed, _) => lines.push(Line::styled(
            "By cause: see the left column; e compares it with now.",
            theme.dim(),
        )),
        (_, Some(c)) if c.causes.is_empty() => {
            lines.push(Line::styled("No change this month.", theme.dim()));
        }
        (_, Some(c)) => {
            // A long cause ("Offered … a year") wraps under itself instead of being cut.
            for (why, d) in &c.causes {
                let rows = wrap(why, w.saturating_sub(10));
                for (k, row) in rows.into_iter().enumerate() {
                    let amount = if k == 0 {
                        Span::styled(
                            right(&figure.signed(*d), 9),
                            theme.delta(*d, figure.good_when_up()),
                        )
                    } else {
                        Span::raw(" ".repeat(9))
                    };
                    lines.push(Line::from(vec![amount, Span::raw(format!(" {row}"))]));
                }
            }
        }
        _ => {}
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("News", theme.title()));
    // Your own news and warnings first, then the rivals'.
    let mine = r.news.iter().filter(|n| n.kind != NewsKind::Rival);
    let theirs = r.news.iter().filter(|n| n.kind == NewsKind::Rival);
    for n in mine.chain(theirs).filter(|n| !s.held_by_pause(n)) {
        let style = if n.kind == NewsKind::Rival {
            theme.dim()
        } else {
            theme.base()
        };
        lines.push(Line::styled(
            news_text(s.content(), &s.game.state, n),
            style,
        ));
    }
    flow(&lines, 0, area, buf);
}

fn short(f: Figure) -> &'static str {
    match f {
        Figure::Board => "Board",
        Figure::Deploy => "Deploy time",
        other => other.name(),
    }
}

/// Why overall progress moved less (or more) than the research figure: research lands on three
/// tracks, events add to tracks directly, and overall progress is (mean + weakest) / 2.
fn track_lines(r: &MonthReport, theme: &Theme, w: usize, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::styled("Tracks (research + events)", theme.title()));
    for (t, ((b, a), ev)) in Track::ALL
        .iter()
        .zip(r.tracks.iter().zip(r.event_gains.iter()))
    {
        let gain = a.0 - b.0;
        let events = if *ev != 0 {
            format!(" ({} events)", speed_label(*ev))
        } else {
            String::new()
        };
        lines.push(Line::styled(
            fit(
                &format!("  {:<11}{}{events}", t.name(), right(&speed_label(gain), 7)),
                w,
            ),
            theme.delta(i64::from(gain), true),
        ));
    }
}

/// Overall progress from three tracks, as the rules compute it.
fn overall(tracks: [Progress; 3]) -> i32 {
    let sum: i32 = tracks.iter().map(|t| t.0).sum();
    let min = tracks.iter().map(|t| t.0).min().unwrap_or(0);
    (sum / 3 + min) / 2
}
