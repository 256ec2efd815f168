//! `explain N` and `explain FIGURE`: a choice's pros, cons and figures from the interface's own
//! dialogs, and a figure's make-up from its "show the math" panel, as lines of text.

use crate::front::amount::{Amount as AmountDialog, AmountKind};
use crate::front::choices::{compute, pipeline, tech};
use crate::front::explain::{Figure, Tone, explain};
use crate::front::session::Session;
use crate::game::Command;
use crate::game::rules::offer_range;
use crate::game::units::{Money, money};

use super::choices::{About, Amount, Choice};

/// The choice's pros, cons and figures, from the interface's own dialogs.
pub fn choice(ch: &Choice, s: &Session) -> Vec<String> {
    let g = &s.game;
    let lines: Vec<(String, Tone)> = match ch.about {
        About::Offer => match ch.command {
            Command::Offer { person, .. } => AmountDialog::offer(g, person).body(s).1,
            _ => Vec::new(),
        },
        About::Tech(i) => tech::tech_menu(g, i).body,
        About::Legacy(i) => tech::legacy_menu(g, i).body,
        About::Stage(i) => pipeline::stage_menu(g, i).body,
        About::Action(row @ (compute::Row::DataCentre | compute::Row::Lease)) => {
            let kind = if row == compute::Row::DataCentre {
                AmountKind::DataCentre
            } else {
                AmountKind::Lease
            };
            let mut lines = compute::about(g, row);
            if let Amount::Gpus { default, max } = ch.amount {
                let mut dialog = AmountDialog::compute(kind, max);
                dialog.value = default;
                lines.extend(dialog.body(s).1);
            }
            lines
        }
        About::Action(row) => compute::about(g, row),
        About::Answer(_) => match &g.state.pending {
            Some(p) => vec![(p.text.clone(), Tone::Normal)],
            None => Vec::new(),
        },
        About::EndMonth => vec![(
            "Resolves the month: projects, research, rivals, events, money, morale, risk \
             and the board, then shows the month report."
                .to_string(),
            Tone::Normal,
        )],
    };
    // The dialogs' own verdict lines name keys of the interface: the rules' verdict is
    // given below in words instead.
    let mut out: Vec<String> = lines
        .into_iter()
        .map(|(t, _)| t)
        .filter(|t| !t.trim().is_empty() && !t.starts_with(['✓', '✗']))
        .collect();
    out.push(match &ch.refusal {
        Some(why) => format!("Not now: {why}."),
        None => "The rules allow it now.".to_string(),
    });
    if let Amount::OfferPct { ask } = ch.amount {
        let (min, max) = offer_range(&g.content, ask);
        out.push(format!(
            "Type '{} PCT' to offer PCT% of the ask (from {} to {} a year are allowed).",
            ch.name,
            money(Money::from(min)),
            money(Money::from(max))
        ));
    }
    out
}

/// A figure's make-up, as the interface's `e` panel gives it.
pub fn figure(s: &Session, f: Figure) -> Vec<String> {
    let e = explain(s, f);
    let mut lines = vec![e.title];
    lines.extend(
        e.lines
            .into_iter()
            .map(|(t, _)| t)
            .filter(|t| !t.trim().is_empty())
            .map(|t| format!("  {t}")),
    );
    lines
}
