//! The talent market: this month's candidates (their ask, skill, specialty and current
//! employer), the odds of an offer at the ask, and the player's own named staff. Enter opens
//! the offer dialog (below, at or above the ask, or a typed amount).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::game::Command;
use crate::game::rules::offer_odds_permille;
use crate::game::state::{PLAYER, Person, PersonId};
use crate::game::units::{Money, money};

use super::super::app::{Layer, Outcome};
use super::super::dialog::{Amount, offer_amount, offer_level};
use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{cell, fit, flow, panel, put, right, window};
use super::{list_row, step};

pub fn hints(s: &Session) -> Vec<Hint> {
    let mut h = vec![
        hint(Action::Up, "candidate"),
        hint(Action::Down, "candidate"),
    ];
    if !s.game.state.market.is_empty() {
        h.push(hint(Action::Choose, "offer"));
        h.push(hint(Action::DoIt, "do it"));
    }
    h
}

fn selected(s: &Session) -> Option<PersonId> {
    s.game.state.market.get(s.talent_sel).copied()
}

pub fn update(s: &mut Session, action: Action) -> Outcome {
    match action {
        Action::Up | Action::Down => {
            step(&mut s.talent_sel, action, s.game.state.market.len());
            Outcome::Nothing
        }
        Action::Choose => match selected(s) {
            Some(id) => Outcome::Open(Layer::Amount(Amount::offer(&s.game, id))),
            None => Outcome::Refuse("nobody is in the talent market this month".into()),
        },
        Action::DoIt => match selected(s) {
            Some(id) => Outcome::Run(Command::Offer {
                person: id,
                salary: offer_amount(&s.game, id, s.offer_pct),
            }),
            None => Outcome::Refuse("nobody is in the talent market this month".into()),
        },
        _ => Outcome::Nothing,
    }
}

fn split(s: &Session, area: Rect) -> (Rect, Rect, Rect) {
    // A big terminal puts the list beside the panels, full height, instead of leaving a short
    // list over wide empty rows.
    if area.width >= 140 && area.height >= 30 {
        let list_w = area.width * 11 / 20;
        let right_x = area.x + list_w;
        let right_w = area.width - list_w;
        let detail_h = (area.height / 3).max(9);
        return (
            Rect {
                width: list_w,
                ..area
            },
            Rect {
                x: right_x,
                width: right_w,
                height: detail_h,
                ..area
            },
            Rect {
                x: right_x,
                y: area.y + detail_h,
                width: right_w,
                height: area.height - detail_h,
            },
        );
    }
    let list_h = (s.game.state.market.len() as u16 + 3)
        .clamp(5, area.height.saturating_sub(8).max(5))
        .min(area.height);
    let list = Rect {
        height: list_h,
        ..area
    };
    let lower = Rect {
        y: area.y + list_h,
        height: area.height - list_h,
        ..area
    };
    let half = lower.width / 2;
    (
        list,
        Rect {
            width: half,
            ..lower
        },
        Rect {
            x: lower.x + half,
            width: lower.width - half,
            ..lower
        },
    )
}

pub fn row_at(s: &Session, area: Rect, x: u16, y: u16) -> Option<usize> {
    let (list, _, _) = split(s, area);
    let h = list.height.saturating_sub(3);
    let n = s.game.state.market.len();
    let offset = window(n, s.talent_sel, usize::from(h));
    list_row(
        list.y + 2,
        h,
        offset,
        n,
        x >= list.x && x < list.x + list.width,
        y,
    )
}

fn employer(s: &Session, p: &Person) -> String {
    match p.employer {
        Some(e) => s.content().labs[usize::from(e)].short.clone(),
        None => "free agent".to_string(),
    }
}

pub fn render(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (list, detail, staff) = split(s, area);
    let st = &s.game.state;
    let inner = panel(
        "Talent market (odds of an offer at the ask)",
        theme,
        list,
        buf,
    );
    let w = usize::from(inner.width);
    let (name_w, skill_w, ask_w, from_w, odds_w) = (19, 6, 7, 12, 6);
    let title_w = w.saturating_sub(name_w + skill_w + ask_w + from_w + odds_w);
    let head = format!(
        "{}{}{}{}{}{}",
        fit("  Name", name_w),
        fit("Role", title_w),
        right("skill", skill_w),
        right("asks", ask_w),
        fit("  works at", from_w),
        right("odds", odds_w)
    );
    put(Line::styled(fit(&head, w), theme.dim()), inner, 0, buf);
    let h = usize::from(inner.height.saturating_sub(1));
    let offset = window(st.market.len(), s.talent_sel, h);
    for (row, (i, &id)) in st
        .market
        .iter()
        .enumerate()
        .skip(offset)
        .take(h)
        .enumerate()
    {
        let Some(p) = st.people.get(id as usize) else {
            continue;
        };
        let star = if p.star { "★ " } else { "  " };
        let odds = offer_odds_permille(s.content(), st, PLAYER, id, p.salary) / 10;
        let refused = p.refused_month == Some(st.month);
        let text = format!(
            "{}{}{}{}{}{}",
            cell(&format!("{star}{}", p.name), name_w),
            cell(&p.title, title_w),
            right(&p.skill.to_string(), skill_w),
            right(&money(Money::from(p.salary)), ask_w),
            fit(&format!("  {}", employer(s, p)), from_w),
            right(
                &if refused {
                    "no".to_string()
                } else {
                    format!("{odds}%")
                },
                odds_w
            ),
        );
        let style = if i == s.talent_sel {
            theme.selected()
        } else if refused {
            theme.disabled()
        } else {
            theme.base()
        };
        put(
            Line::styled(fit(&text, w), style),
            inner,
            row as u16 + 1,
            buf,
        );
    }
    if st.market.is_empty() {
        put(
            Line::styled("Nobody this month.", theme.dim()),
            inner,
            1,
            buf,
        );
    }
    detail_panel(s, theme, detail, buf);
    staff_panel(s, theme, staff, buf);
}

fn detail_panel(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let inner = panel("Candidate", theme, area, buf);
    let st = &s.game.state;
    let Some(id) = selected(s) else {
        return;
    };
    let Some(p) = st.people.get(id as usize) else {
        return;
    };
    let weeks = if p.star { 2 } else { 1 };
    // Short lines, wrapped rather than cut: the list's columns cut long titles, so this panel
    // is where a candidate reads whole.
    let mut lines = vec![
        Line::styled(
            format!(
                "{}{} · skill {} · {}",
                if p.star { "★ " } else { "" },
                p.name,
                p.skill,
                employer(s, p)
            ),
            theme.title(),
        ),
        Line::raw(p.title.clone()),
        Line::raw(format!(
            "asks {}/yr, {weeks} CEO week{ws} to close",
            money(Money::from(p.salary)),
            ws = crate::text::s(weeks as i64),
        )),
    ];
    if p.refused_month == Some(st.month) {
        lines.push(Line::styled("turned you down this month", theme.bad()));
    } else if p.employer.is_some() {
        lines.push(Line::styled(
            "hiring them also weakens their lab",
            theme.dim(),
        ));
    }
    lines.push(Line::from(vec![
        Span::styled("Enter", theme.key()),
        Span::styled(" choose an offer and see the odds", theme.dim()),
    ]));
    let now = offer_amount(&s.game, id, s.offer_pct);
    lines.push(Line::from(vec![
        Span::styled("d", theme.key()),
        Span::styled(
            format!(
                " offer {} now ({}, {}% odds)",
                money(Money::from(now)),
                offer_level(s.offer_pct).1,
                offer_odds_permille(s.content(), st, PLAYER, id, now) / 10
            ),
            theme.dim(),
        ),
    ]));
    flow(&lines, 0, inner, buf);
}

fn staff_panel(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let st = &s.game.state;
    let payroll = st.star_payroll(PLAYER);
    let inner = panel(
        &format!("Your named staff ({}/mo)", money(payroll)),
        theme,
        area,
        buf,
    );
    let w = usize::from(inner.width);
    let mut staff: Vec<&Person> = st.staff_of(PLAYER).map(|(_, p)| p).collect();
    staff.sort_by_key(|p| std::cmp::Reverse(p.skill));
    for (row, p) in staff.iter().take(usize::from(inner.height)).enumerate() {
        // A researcher's track, or another role's name: the full title is longer than a
        // half-width panel at 80 columns.
        let what = match p.role {
            crate::game::data::Role::Research => p.specialty.name(),
            other => other.name(),
        };
        let text = format!(
            "{}{} · {} · {what}",
            if p.star { "★ " } else { "  " },
            p.name,
            p.skill,
        );
        put(Line::raw(fit(&text, w)), inner, row as u16, buf);
    }
    if staff.is_empty() {
        put(
            Line::styled("Nobody yet: hire from the market.", theme.dim()),
            inner,
            0,
            buf,
        );
    }
}
