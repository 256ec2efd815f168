//! The tech catalogue: outside frameworks, models, tools and platforms to adopt, build in-house,
//! or adopt now and replace later; and the player's legacy systems to retire. Enter lays out
//! the pros, cons and costs of each choice before anything is spent.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::game::Command;
use crate::game::units::money;

use super::super::app::{Layer, Outcome};
use super::super::explain::Tone;
use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{cell, fit, panel, put, right, toned_text, window};
use super::{clicked_row, list_over_detail, step};
pub use crate::front::choices::tech::{
    legacy_menu, legacy_short, legacy_status, pros_cons, tech_menu, tech_status, vendor_name,
};

/// A row of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Tech(usize),
    Legacy(usize),
}

/// Every catalogue tech that arrives within the campaign (one released after its last month
/// never exists in this game: a 12-month classroom does not list 2027's), then the legacy
/// systems the player started with.
pub fn rows(s: &Session) -> Vec<Row> {
    let c = s.content();
    let mut rows: Vec<Row> = (0..c.techs.len())
        .filter(|&i| c.techs[i].available_from < c.scenario.months)
        .map(Row::Tech)
        .collect();
    for id in &c.labs[0].legacy {
        if let Some(i) = c.legacy.iter().position(|l| &l.id == id) {
            rows.push(Row::Legacy(i));
        }
    }
    rows
}

pub fn hints(_s: &Session) -> Vec<Hint> {
    vec![
        hint(Action::Up, "item"),
        hint(Action::Down, "item"),
        hint(Action::Choose, "options"),
        hint(Action::DoIt, "do it"),
    ]
}

pub fn update(s: &mut Session, action: Action) -> Outcome {
    let rows = rows(s);
    match action {
        Action::Up | Action::Down => {
            step(&mut s.tech_sel, action, rows.len());
            Outcome::Nothing
        }
        Action::Choose => match rows.get(s.tech_sel) {
            Some(Row::Tech(i)) => Outcome::Open(Layer::Menu(tech_menu(&s.game, *i))),
            Some(Row::Legacy(i)) => Outcome::Open(Layer::Menu(legacy_menu(&s.game, *i))),
            None => Outcome::Nothing,
        },
        // The row's first option without the menu: adopt a tech, retire a legacy system.
        Action::DoIt => match rows.get(s.tech_sel) {
            Some(Row::Tech(i)) => Outcome::Run(Command::Adopt(s.content().techs[*i].id.clone())),
            Some(Row::Legacy(i)) => {
                Outcome::Run(Command::Retire(s.content().legacy[*i].id.clone()))
            }
            None => Outcome::Nothing,
        },
        _ => Outcome::Nothing,
    }
}

pub fn row_at(s: &Session, area: Rect, x: u16, y: u16) -> Option<usize> {
    let n = rows(s).len();
    let (list, _) = list_over_detail(area, n, 8);
    clicked_row(list, n, s.tech_sel, x, y)
}

pub fn render(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (list, detail) = list_over_detail(area, rows(s).len(), 8);
    let c = s.content();
    let g = &s.game;
    let inner = panel(
        &format!(
            "Tech: adopted +{}% speed, legacy drag -{}%",
            s.derived.tech_pct, s.derived.legacy_pct
        ),
        theme,
        list,
        buf,
    );
    let w = usize::from(inner.width);
    let (speed_w, adopt_w, lic_w, build_w) = (6, 7, 7, 11);
    // Name, vendor and status share what the numbers leave, the name first.
    let rest = w.saturating_sub(speed_w + adopt_w + lic_w + build_w);
    // Where there is room (from about 95 columns), never narrower than the longest legacy
    // system's name: a cut name reads as another system. At 80 columns the status keeps it.
    let legacy_w = if rest >= 60 {
        s.content()
            .legacy
            .iter()
            .map(|l| super::super::widgets::cols(&l.name) + 3)
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    let name_w = (rest * 2 / 5)
        .max(legacy_w)
        .clamp(20.min(rest), 34.min(rest));
    let vendor_w = ((rest - name_w) / 2).min(18);
    let status_w = rest - name_w - vendor_w;
    let head = format!(
        "{}{}{}{}{}{}{}",
        fit("  Tech", name_w),
        fit("from", vendor_w),
        right("speed", speed_w),
        right("adopt", adopt_w),
        right("/month", lic_w),
        right("build", build_w),
        fit("  you", status_w)
    );
    put(Line::styled(fit(&head, w), theme.dim()), inner, 0, buf);
    let rows = rows(s);
    let h = usize::from(inner.height.saturating_sub(1));
    let offset = window(rows.len(), s.tech_sel, h);
    for (line, (i, row)) in rows.iter().enumerate().skip(offset).take(h).enumerate() {
        let (text, tone) = match row {
            Row::Tech(t) => {
                let d = &c.techs[*t];
                let (mut status, tone) = tech_status(g, *t);
                if super::super::widgets::cols(&status) + 2 > status_w
                    && let Err(e) = g.check(&Command::Adopt(d.id.clone()))
                    && let Some(short) = super::refusal_short(g, &e)
                {
                    status = short;
                }
                let vendor = vendor_name(c, &d.vendor);
                (
                    format!(
                        "{}{}{}{}{}{}{}",
                        cell(&format!("  {}", d.name), name_w),
                        cell(vendor, vendor_w),
                        right(&format!("+{}%", d.speed_pct), speed_w),
                        right(&money(d.adopt_cost), adopt_w),
                        right(&money(g.state.techs[*t].licence_monthly), lic_w),
                        right(
                            &format!("{} {}mo", money(d.build_cost), d.build_months),
                            build_w
                        ),
                        fit(&format!("  {status}"), status_w)
                    ),
                    tone,
                )
            }
            Row::Legacy(l) => {
                let d = &c.legacy[*l];
                let (mut status, running) = legacy_status(g, *l);
                // Too long for the column ("running; adopt or build ..."): a word or two here,
                // the detail panel below gives the full reason.
                if super::super::widgets::cols(&status) + 2 > status_w {
                    status = legacy_short(g, *l);
                }
                (
                    format!(
                        "{}{}{}{}{}",
                        cell(&format!("⚙ {}", d.name), name_w),
                        cell("legacy", vendor_w),
                        right(&format!("-{}%", d.drag_pct), speed_w),
                        fit(
                            &format!("  retire {}", money(d.retire_cost)),
                            adopt_w + lic_w + build_w
                        ),
                        fit(&format!("  {status}"), status_w)
                    ),
                    if running { Tone::Bad } else { Tone::Good },
                )
            }
        };
        let style = if i == s.tech_sel {
            theme.selected()
        } else {
            super::super::widgets::tone_style(tone, theme)
        };
        put(
            Line::styled(fit(&text, w), style),
            inner,
            line as u16 + 1,
            buf,
        );
    }
    // The list cuts long names at 80 columns: the panel below names the row in full.
    let title = match rows.get(s.tech_sel) {
        Some(Row::Tech(t)) => format!("{} (Enter: choices, d: adopt)", c.techs[*t].name),
        Some(Row::Legacy(l)) => format!("{} (Enter: choices, d: retire)", c.legacy[*l].name),
        None => "Pros and cons".to_string(),
    };
    let inner = panel(&title, theme, detail, buf);
    let body = match rows.get(s.tech_sel) {
        Some(Row::Tech(t)) => {
            // The status column may be cut short: the detail gives the rules' full words.
            let mut body = pros_cons(c, &c.techs[*t], g.state.techs[*t].licence_monthly);
            let (now, tone) = tech_status(g, *t);
            body.insert(1, (format!("Now: {now}."), tone));
            body
        }
        Some(Row::Legacy(l)) => {
            // Same for a legacy system: its status in full ("running; adopt or build ... to
            // replace it") is cut in the list at 80 and 100 columns.
            let mut body = legacy_menu(g, *l).body;
            let (now, running) = legacy_status(g, *l);
            let tone = if running { Tone::Bad } else { Tone::Good };
            body.insert(1.min(body.len()), (format!("Now: {now}."), tone));
            body
        }
        None => Vec::new(),
    };
    toned_text(&body, 0, theme, inner, buf);
}
