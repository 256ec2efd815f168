//! The rival labs: pick one to see its position, how its research speed came about, its money,
//! people, compute, pipeline and tech, its last moves; and the race chart over time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::game::data::{Personality, Track};
use crate::game::intel;
use crate::game::month::minutes_label;
use crate::game::research::lab_experiments;
use crate::game::state::LabId;
use crate::game::units::money;

use super::super::app::Outcome;
use super::super::explain::{Tone, speed_label};
use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{fit, panel, put, race_chart, right, toned_text};
use super::{chart_ends, list_row, race_series, step};

pub fn hints(_s: &Session) -> Vec<Hint> {
    vec![hint(Action::Up, "rival"), hint(Action::Down, "rival")]
}

pub fn update(s: &mut Session, action: Action) -> Outcome {
    let n = s.game.state.labs.len().saturating_sub(1);
    step(&mut s.rival_sel, action, n);
    Outcome::Nothing
}

pub fn personality(p: Personality) -> &'static str {
    match p {
        Personality::ProductSpeed => "ships products fast and early",
        Personality::ComputeDepth => "out-builds everyone on compute",
        Personality::SafetyFirst => "careful: invests in safety review, moves steadily",
        Personality::BruteForce => "buys compute and talent at any price, takes risks",
        Personality::EfficientOpen => "small, frugal, fast; releases open weights",
    }
}

fn split(area: Rect) -> (Rect, Rect, Rect) {
    let top_h = if area.height >= 20 {
        area.height / 2 + 1
    } else {
        area.height
    };
    let list_w = 24.min(area.width);
    (
        Rect {
            width: list_w,
            height: top_h,
            ..area
        },
        Rect {
            x: area.x + list_w,
            width: area.width - list_w,
            height: top_h,
            ..area
        },
        Rect {
            y: area.y + top_h,
            height: area.height - top_h,
            ..area
        },
    )
}

pub fn row_at(s: &Session, area: Rect, x: u16, y: u16) -> Option<usize> {
    let (list, _, _) = split(area);
    let n = s.game.state.labs.len().saturating_sub(1);
    list_row(
        list.y + 1,
        list.height.saturating_sub(2),
        0,
        n,
        x >= list.x && x < list.x + list.width,
        y,
    )
}

pub fn render(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (list, detail, chart) = split(area);
    let st = &s.game.state;
    let c = s.content();
    let inner = panel("Rivals", theme, list, buf);
    let w = usize::from(inner.width);
    for (row, i) in (1..st.labs.len()).enumerate() {
        let text = format!(
            "{}{}",
            fit(&c.labs[i].short, w.saturating_sub(6)),
            right(&intel::estimate(c, st, i as LabId).short_label(), 6)
        );
        let style = if row == s.rival_sel {
            theme.selected()
        } else {
            theme.lab(i)
        };
        put(Line::styled(fit(&text, w), style), inner, row as u16, buf);
    }
    let lab = (s.rival_sel + 1).min(st.labs.len().saturating_sub(1));
    let inner = panel(&c.labs[lab].name, theme, detail, buf);
    toned_text(&detail_lines(s, lab as LabId), 0, theme, inner, buf);
    if chart.height >= 6 {
        let inner = panel("The race over time", theme, chart, buf);
        let (a, b) = chart_ends(s);
        race_chart(
            &race_series(s, theme),
            usize::from(c.scenario.months),
            (&a, &b),
            &[],
            theme,
            inner,
            buf,
        );
    }
}

fn detail_lines(s: &Session, id: LabId) -> Vec<(String, Tone)> {
    let st = &s.game.state;
    let c = s.content();
    let l = st.lab(id);
    let named: Vec<_> = st.staff_of(id).collect();
    let stars = named.iter().filter(|(_, p)| p.star).count();
    let seen_tracks = intel::seen_tracks(st, id);
    let est = intel::estimate(c, st, id);
    let tracks: Vec<String> = Track::ALL
        .iter()
        .map(|t| format!("{} {}", t.name(), seen_tracks[t.index()].display()))
        .collect();
    let mut parts: Vec<(&str, i32)> = l
        .last_speed
        .parts()
        .into_iter()
        .filter(|(_, v)| *v != 0)
        .collect();
    parts.sort_by_key(|(_, v)| std::cmp::Reverse(v.abs()));
    let parts: Vec<String> = parts
        .iter()
        .take(4)
        .map(|(n, v)| format!("{n} {}", speed_label(*v)))
        .collect();
    let techs: Vec<String> = l
        .tech
        .iter()
        .filter_map(|a| c.techs.get(usize::from(a.tech)).map(|t| t.name.clone()))
        .collect();
    let mut lines = vec![
        (format!("Style: {}", personality(l.personality)), Tone::Dim),
        (
            format!("Progress {} ({})", est.label(), tracks.join(" · ")),
            Tone::Heading,
        ),
        if est.exact() {
            (
                format!(
                    "Speed last month {}: {}",
                    speed_label(l.last_speed.total),
                    parts.join(", ")
                ),
                Tone::Normal,
            )
        } else {
            (
                format!(
                    "An estimate: 9 in 10 times the truth lies in {}; last intelligence {} ago. Seen gain last month {}.",
                    est.range_label(),
                    crate::game::data::plural(est.months.max(0) as u16, "month"),
                    speed_label(super::dashboard::shown_speed(s, usize::from(id)))
                ),
                Tone::Dim,
            )
        },
        (
            format!(
                "Budget {} · income {}/mo · {} researchers + {} named ({stars} stars)",
                money(l.budget),
                money(l.income),
                l.researchers,
                named.len()
            ),
            Tone::Normal,
        ),
        (
            format!(
                "{}k GPUs · deploys {} ({}/mo) · review {} · risk {}",
                l.compute,
                minutes_label(l.deploy_minutes),
                lab_experiments(&s.content().balance.research, l),
                l.review,
                l.risk
            ),
            Tone::Normal,
        ),
        (
            format!(
                "Tech: {} · {} open releases · {} products",
                if techs.is_empty() {
                    "none adopted".to_string()
                } else {
                    techs.join(", ")
                },
                l.open_releases,
                l.products
            ),
            Tone::Normal,
        ),
    ];
    // The lab's own moves, newest first (the latest is its last move).
    for (k, n) in st
        .news
        .iter()
        .rev()
        .filter(|n| n.lab == Some(id))
        .take(5)
        .enumerate()
    {
        let what = if k == 0 { "Last move" } else { "Before" };
        lines.push((
            format!(
                "{what} ({}): {}",
                super::super::session::date_label(c, n.month),
                n.text(c, &s.game.state)
            ),
            if k == 0 { Tone::Good } else { Tone::Dim },
        ));
    }
    lines
}
