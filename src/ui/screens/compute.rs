//! Compute, deals and the other actions: build a data centre or lease GPUs (with an amount),
//! release an open model, invest in safety review, ship AI into the apps, look after morale,
//! and the scenario's deals. Each row shows its cost and whether the rules allow it now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::game::Command;
use crate::game::rules::cost;
use crate::game::state::PLAYER;
use crate::game::units::money;

use super::super::app::{Layer, Outcome};
use super::super::dialog::{Amount, AmountKind, Menu, MenuOption};
use super::super::explain::Tone;
use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{cell, fit, panel, put, right, toned_text, window};
use super::{clicked_row, list_over_detail, step};
pub use crate::front::choices::compute::{Row, about, command, effect_text, name, rows};

pub fn hints(_s: &Session) -> Vec<Hint> {
    vec![
        hint(Action::Up, "action"),
        hint(Action::Down, "action"),
        hint(Action::Choose, "choose"),
        hint(Action::DoIt, "do it"),
    ]
}

pub fn update(s: &mut Session, action: Action) -> Outcome {
    let rows = rows(s);
    match action {
        Action::Up | Action::Down => {
            step(&mut s.action_sel, action, rows.len());
            Outcome::Nothing
        }
        Action::Choose => match rows.get(s.action_sel) {
            Some(Row::DataCentre) => {
                let max = s.content().balance.compute.max_data_centre;
                Outcome::Open(Layer::Amount(Amount::compute(AmountKind::DataCentre, max)))
            }
            Some(Row::Lease) => {
                let max = s.content().balance.compute.max_lease;
                Outcome::Open(Layer::Amount(Amount::compute(AmountKind::Lease, max)))
            }
            Some(&row) => {
                let g = &s.game;
                let cmd = command(g, row);
                let c = cost(&g.content, &g.state, PLAYER, &cmd);
                Outcome::Open(Layer::Menu(Menu {
                    title: name(g, row),
                    body: about(g, row),
                    options: vec![MenuOption::checked(
                        g,
                        format!(
                            "{} ({} week{ws}, {})",
                            name(g, row),
                            c.weeks,
                            money(c.money),
                            ws = crate::text::s(c.weeks)
                        ),
                        cmd,
                    )],
                    sel: 0,
                }))
            }
            None => Outcome::Nothing,
        },
        Action::DoIt => match rows.get(s.action_sel) {
            Some(&row) => Outcome::Run(quick_command(s, row)),
            None => Outcome::Nothing,
        },
        _ => Outcome::Nothing,
    }
}

/// What `d` does on a row: GPUs at the size last chosen in the dialog (medium at first), the
/// other actions as they are.
pub fn quick_command(s: &Session, row: Row) -> Command {
    let c = &s.content().balance.compute;
    let size = |kind, max| {
        let a = Amount::compute(kind, max);
        a.presets.get(s.compute_preset).map_or(a.value, |(v, _)| *v)
    };
    match row {
        Row::DataCentre => {
            Command::BuildDataCentre(size(AmountKind::DataCentre, c.max_data_centre))
        }
        Row::Lease => Command::LeaseCompute(size(AmountKind::Lease, c.max_lease)),
        other => command(&s.game, other),
    }
}

pub fn row_at(s: &Session, area: Rect, x: u16, y: u16) -> Option<usize> {
    let n = rows(s).len();
    let (list, _) = list_over_detail(area, n, 6);
    clicked_row(list, n, s.action_sel, x, y)
}

pub fn render(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (list, detail) = list_over_detail(area, rows(s).len(), 6);
    let g = &s.game;
    let p = g.state.player();
    let inner = panel(
        &format!(
            "Compute & deals: {}k GPUs ({}k leased)",
            p.compute, p.leased
        ),
        theme,
        list,
        buf,
    );
    let w = usize::from(inner.width);
    let (weeks_w, cost_w) = (7, 13);
    let name_w = 40.min(w.saturating_sub(weeks_w + cost_w));
    let status_w = w.saturating_sub(name_w + weeks_w + cost_w);
    let head = format!(
        "{}{}{}{}",
        fit("  Action", name_w),
        right("weeks", weeks_w),
        right("cost", cost_w),
        fit("  now", status_w)
    );
    put(Line::styled(fit(&head, w), theme.dim()), inner, 0, buf);
    let rows = rows(s);
    let h = usize::from(inner.height.saturating_sub(1));
    let offset = window(rows.len(), s.action_sel, h);
    for (line, (i, &row)) in rows.iter().enumerate().skip(offset).take(h).enumerate() {
        let cmd = command(g, row);
        let c = cost(&g.content, &g.state, PLAYER, &cmd);
        let price = match row {
            // This quarter's price: every lab's orders raise it.
            Row::DataCentre => format!(
                "{}/1k",
                money(crate::game::compute::data_centre_cost(
                    &g.content, &g.state, PLAYER, 1
                ))
            ),
            Row::Lease => format!("{}/1k/mo", money(g.content.balance.compute.lease_monthly)),
            _ => money(c.money),
        };
        let (status, ok) = match g.check(&cmd) {
            Ok(_) => ("✓ ready".to_string(), true),
            Err(e) => {
                // A reason too long for the column gives its short form; the detail panel
                // below has it in full.
                let long = format!("✗ {}", super::refusal(g, &e));
                if super::super::widgets::cols(&long) + 2 > status_w
                    && let Some(short) = super::refusal_short(g, &e)
                {
                    (format!("✗ {short}"), false)
                } else {
                    (long, false)
                }
            }
        };
        let text = format!(
            "{}{}{}{}",
            cell(&format!("  {}", name(g, row)), name_w),
            right(&c.weeks.to_string(), weeks_w),
            right(&price, cost_w),
            fit(&format!("  {status}"), status_w)
        );
        let style = if i == s.action_sel {
            theme.selected()
        } else if ok {
            theme.base()
        } else {
            theme.disabled()
        };
        put(
            Line::styled(fit(&text, w), style),
            inner,
            line as u16 + 1,
            buf,
        );
    }
    let inner = panel("What it does (Enter to choose)", theme, detail, buf);
    if let Some(&row) = rows.get(s.action_sel) {
        let mut lines = about(g, row);
        // The rules' verdict in full, wrapped (the list's column may have cut it short).
        lines.insert(
            0,
            match g.check(&quick_command(s, row)) {
                Ok(c) => (
                    format!(
                        "✓ d does it now: {} week{ws}, {}.",
                        c.weeks,
                        money(c.money),
                        ws = crate::text::s(c.weeks)
                    ),
                    Tone::Good,
                ),
                Err(e) => (format!("✗ {}", super::refusal(g, &e)), Tone::Bad),
            },
        );
        toned_text(&lines, 0, theme, inner, buf);
    }
}
