//! The money figures explained: budget, runway and the CEO's weeks.

use crate::game::board;
use crate::game::event::Flow;
use crate::game::state::PLAYER;
use crate::game::units::{Money, money};

use super::super::report::total_moved;
use super::super::session::{Runway, Session};
use super::{Figure, Lines, month_label};

fn flow_label(f: Flow) -> &'static str {
    match f {
        Flow::Salaries => "salaries",
        Flow::Licences => "licences",
        Flow::ComputeRunning => "running compute",
        Flow::Income => "income",
        Flow::Action => "actions",
        Flow::Event => "events",
        Flow::BoardCut => "board's cut",
        Flow::Returned => "taken back",
    }
}

pub(super) fn money_math(s: &Session, figure: Figure, l: &mut Lines) {
    let st = &s.game.state;
    let p = st.player();
    let d = &s.derived;
    l.head(format!("Budget now: {}", money(p.budget)));
    l.head("Every month");
    l.delta(
        format!("  income (ads, AI products)  +{}", money(d.income)),
        1,
        true,
    );
    let staff = st.staff_of(PLAYER).count();
    for (flow, m) in &d.costs {
        let why = match flow {
            Flow::Salaries => format!("{} researchers + {staff} named people", p.researchers),
            Flow::Licences => format!(
                "{} licensed techs",
                p.tech.iter().filter(|a| !a.in_house).count()
            ),
            Flow::ComputeRunning => format!(
                "{}k owned, {}k leased",
                p.compute.saturating_sub(p.leased),
                p.leased,
            ),
            _ => String::new(),
        };
        l.delta(
            format!("  {:<17} -{:<7} {why}", flow_label(*flow), money(*m)),
            -1,
            true,
        );
        if *flow == Flow::ComputeRunning {
            // The rate is per thousand GPUs: "600k × $1M" read as a million dollars per GPU.
            l.dim(format!(
                "    {} a month per 1k GPUs owned, {} per 1k leased",
                money(s.content().balance.compute.running_monthly),
                money(s.content().balance.compute.lease_monthly)
            ));
        }
    }
    let net = d.income - d.burn;
    l.delta(
        format!("  net each month  {}", Figure::Budget.signed(net)),
        net,
        true,
    );
    guidance_lines(s, l);
    if figure == Figure::Runway {
        l.head("Runway");
        match d.runway {
            Some(Runway::Months(m)) => l.line(format!(
                "  {} ÷ {} net spending = {m} months before the money runs out",
                money(p.budget.max(0)),
                money(-net)
            )),
            _ => l.line("  income covers the monthly costs: the budget is not shrinking"),
        }
        l.dim("  Actions cost money up front too; the board freezes the budget after 3 months in the red.");
    }
    l.head("This month so far");
    let mut any = false;
    let mut deploy = p.deploy_minutes;
    for dec in s.this_month() {
        let m = total_moved(Figure::Budget, &dec.events, &mut deploy);
        if m != 0 {
            any = true;
            l.delta(
                format!("  {:<8} {}", Figure::Budget.signed(m), dec.label),
                m,
                true,
            );
        }
    }
    if !any {
        l.dim("  no spending yet");
    }
    if let Some(r) = &s.report
        && let Some(c) = r.change(Figure::Budget)
    {
        l.head(format!(
            "Last month ({}): {} → {}",
            r.label,
            money(c.before),
            money(c.after)
        ));
        for (why, m) in &c.causes {
            l.delta(
                format!("  {:<8} {why}", Figure::Budget.signed(*m)),
                *m,
                true,
            );
        }
    }
    l.head("Your decisions that changed the monthly bill");
    let mut found = 0;
    for dec in s.ledger.iter().rev() {
        let monthly = monthly_effect(s, &dec.events);
        if monthly != 0 {
            found += 1;
            l.delta(
                format!(
                    "  {} {:<8} a month: {}",
                    month_label(s, dec.month),
                    Figure::Budget.signed(-monthly),
                    dec.label
                ),
                -monthly,
                true,
            );
            if found == 6 {
                break;
            }
        }
    }
    if found == 0 {
        l.dim("  none yet: hires add salaries, adopted tech adds licences, leases add rent");
    }
}

/// How much a decision's events add to the monthly bill (positive is more spending).
fn monthly_effect(s: &Session, events: &[crate::game::Event]) -> Money {
    use crate::game::Event;
    use crate::game::event::Stat;
    let mut m = 0;
    for e in events {
        match e {
            Event::Hired { lab, salary, .. } if *lab == PLAYER => m += Money::from(*salary) / 12,
            Event::Adopted { lab, adoption } if *lab == PLAYER && !adoption.in_house => {
                m += s
                    .game
                    .state
                    .techs
                    .get(usize::from(adoption.tech))
                    .map_or(0, |t| t.licence_monthly);
            }
            Event::Leased { lab, kgpu } if *lab == PLAYER => {
                m += Money::from(*kgpu) * s.content().balance.compute.lease_monthly;
            }
            Event::Stat {
                lab,
                stat: Stat::Income,
                delta,
            } if *lab == PLAYER => m -= *delta,
            _ => {}
        }
    }
    m
}

pub(super) fn weeks_math(s: &Session, l: &mut Lines) {
    let p = s.game.state.player();
    l.head(format!("{} of your CEO weeks are left this month", p.weeks));
    l.line("  Every month brings 4 weeks of focus; events can add or take one next month.");
    l.line("  Stars take 2 weeks to close; most actions take 1. Unspent weeks are lost.");
    if s.game.state.weeks_next != 0 {
        l.line(format!(
            "  Next month: {:+} weeks from events",
            s.game.state.weeks_next
        ));
    }
    l.head("Spent this month");
    let mut any = false;
    for d in s.this_month() {
        for e in &d.events {
            if let crate::game::Event::WeeksSpent { lab, weeks } = e
                && *lab == PLAYER
            {
                any = true;
                l.line(format!(
                    "  {weeks} week{}: {}",
                    crate::text::s(*weeks as i64),
                    d.label
                ));
            }
        }
    }
    if !any {
        l.dim("  nothing yet");
    }
}

/// The board's capital guidance this quarter and the cut a low board makes.
fn guidance_lines(s: &Session, l: &mut Lines) {
    let content = s.content();
    let st = &s.game.state;
    let p = st.player();
    let b = &content.balance.board;
    if board::has_guidance(content) {
        let guidance = board::guidance(content, st, PLAYER);
        let left = board::months_left_in_quarter(content, st);
        l.head("The board's capital guidance");
        l.line(format!(
            "  spent up front this quarter {} of {} ({}.{} months of income); {} left in the quarter",
            money(p.quarter_spent),
            money(guidance),
            b.guidance_pct / 100,
            b.guidance_pct % 100 / 10,
            if left == 1 {
                "this month".to_string()
            } else {
                format!("{left} months")
            }
        ));
        let lost = board::over_guidance_points(content, st, PLAYER);
        if lost > 0 {
            l.delta(
                format!("  beyond guidance: board confidence -{lost} so far this quarter"),
                -1,
                true,
            );
        }
        l.dim(format!(
            "  Every month of income spent beyond it costs {} points of board confidence.",
            b.over_guidance_board
        ));
    }
    if b.return_pct > 0 {
        let carry = board::carry(content, p.income);
        let back = board::quarter_return(content, p.budget, p.income);
        l.head("Unspent money at the quarter's close");
        let text = format!(
            "  the company takes back {}% of the cash above {}: at {} now, {} would go back",
            b.return_pct.min(100),
            money(carry),
            money(p.budget),
            money(back)
        );
        l.delta(text, if back > 0 { -1 } else { 0 }, true);
        l.dim("  Money is not saved for later: spend it this quarter or lose part of it.");
    }
    if b.cut_below > 0 {
        let cut = board::income_cut(content, p.income, p.board);
        if cut > 0 {
            l.delta(
                format!(
                    "  the board, at confidence {}, withholds {} of each month's income",
                    p.board,
                    money(cut)
                ),
                -1,
                true,
            );
        } else {
            l.dim(format!(
                "  Below board confidence {} the board withholds {}% of the income per point.",
                b.cut_below, b.cut_pct_per_point
            ));
        }
    }
}
