//! Morale, risk and board confidence explained: what drives each, recent months, and the
//! decisions and month-end causes that moved them.

use crate::game::risk;

use super::super::report::{Snapshot, total_moved};
use super::super::session::Session;
use super::{Figure, Lines, month_label};

pub(super) fn stat_math(s: &Session, figure: Figure, l: &mut Lines) {
    let st = &s.game.state;
    let now = Snapshot::of(&s.game).value(figure);
    l.head(format!("{} now: {now} of 100", figure.name()));
    let drivers = match figure {
        Figure::Morale => {
            "Drifts back toward 55-65 each month; falls with crunch (fast deploys, thin review), debt, adopting rival tech and losing people; rises when you look after the team or build in-house."
        }
        Figure::Risk => {
            "Grows each month with experiments × thin safety review; falls with review; adopted tech adds dependency risk. The chances of an incident and of a catastrophe grow smoothly with risk and with how capable your models are (progress): no level is safe, every point counts."
        }
        _ => {
            "Each month the board rewards progress and leading the race, and punishes slow months, spending far above income and debt. Spending up front beyond the quarter's capital guidance costs confidence as the money goes out (see the budget). Below 40 it withholds part of each month's income; at 0 it freezes the budget."
        }
    };
    l.dim(format!("  {drivers}"));
    if figure == Figure::Risk {
        risk_estimate(s, l);
    }
    let history: Vec<String> = st
        .history
        .iter()
        .rev()
        .take(6)
        .rev()
        .map(|r| {
            let v = match figure {
                Figure::Morale => r.morale,
                Figure::Risk => r.risk,
                _ => r.board,
            };
            format!("{} {v}", month_label(s, r.month))
        })
        .collect();
    if !history.is_empty() {
        l.head("Recent months");
        l.line(format!("  {}", history.join(" → ")));
    }
    l.head("This month so far");
    let mut any = false;
    for d in s.this_month() {
        let mut deploy = 0;
        let m = total_moved(figure, &d.events, &mut deploy);
        if m != 0 {
            any = true;
            l.delta(format!("  {:+} {}", m, d.label), m, figure.good_when_up());
        }
    }
    if !any {
        l.dim("  no change from your decisions yet");
    }
    if let Some(r) = &s.report
        && let Some(c) = r.change(figure)
    {
        l.head(format!(
            "Last month ({}): {} → {}",
            r.label, c.before, c.after
        ));
        for (why, d) in &c.causes {
            l.delta(format!("  {d:+} {why}"), *d, figure.good_when_up());
        }
    }
}

/// This month's chances at the current risk, capability and review, with the spread the
/// review leaves: the same numbers the month's end rolls against.
fn risk_estimate(s: &Session, l: &mut Lines) {
    let p = s.game.state.player();
    let curve = &s.game.content.balance.safety.curve;
    let e = risk::estimate(curve, p.risk, p.progress().points(), p.review);
    let range = |chance: i64| {
        let (lo, hi) = e.bounds(chance);
        format!("{}–{}", risk::percent_label(lo), risk::percent_label(hi))
    };
    l.head("Estimated chances this month");
    l.line(format!(
        "  incident {}/month ({}), catastrophe {}/month ({})",
        risk::percent_label(e.incident),
        range(e.incident),
        risk::percent_label(e.catastrophe),
        range(e.catastrophe)
    ));
    l.dim(format!(
        "  at risk {}, progress {}, review {}: ± {}% (more review, a surer estimate)",
        p.risk,
        p.progress().points(),
        p.review,
        e.spread_pct
    ));
}
