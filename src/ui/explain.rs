//! "Show the math": for any figure on the dashboard or in the month report, what it is made of
//! right now and which of the player's decisions moved it. Built as plain lines when the player
//! asks (the view only draws them); every number comes from the rules' own functions.

use crate::game::data::Role;
use crate::game::event::Flow;
use crate::game::month::{COMPUTE_MONTHLY, minutes_label};
use crate::game::research::{
    EXPERIMENT_OVERHEAD, WORK_MINUTES, experiments_pct, experiments_per_month,
};
use crate::game::rules::LEASE_MONTHLY;
use crate::game::state::{Lever, PLAYER, ProjectKind, month_name};
use crate::game::units::{Money, Progress, money};

use super::report::{Snapshot, total_moved};
use super::session::{Runway, Session};

/// A figure the player can ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Budget,
    Runway,
    Weeks,
    Progress,
    Speed,
    Deploy,
    Experiments,
    Talent,
    Compute,
    Legacy,
    Ecosystem,
    Morale,
    Risk,
    Board,
}

impl Figure {
    /// The dashboard's figures, in the order it lists them.
    pub const DASHBOARD: [Figure; 14] = [
        Figure::Budget,
        Figure::Runway,
        Figure::Weeks,
        Figure::Progress,
        Figure::Speed,
        Figure::Deploy,
        Figure::Experiments,
        Figure::Talent,
        Figure::Compute,
        Figure::Legacy,
        Figure::Ecosystem,
        Figure::Morale,
        Figure::Risk,
        Figure::Board,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Figure::Budget => "Budget",
            Figure::Runway => "Runway",
            Figure::Weeks => "CEO weeks",
            Figure::Progress => "Progress",
            Figure::Speed => "Research speed",
            Figure::Deploy => "Deploy time",
            Figure::Experiments => "Experiments",
            Figure::Talent => "Talent",
            Figure::Compute => "Compute",
            Figure::Legacy => "Legacy drag",
            Figure::Ecosystem => "Ecosystem",
            Figure::Morale => "Morale",
            Figure::Risk => "Risk",
            Figure::Board => "Board confidence",
        }
    }

    /// Whether a rise is good news for the player (for colouring changes).
    pub fn good_when_up(self) -> bool {
        !matches!(self, Figure::Risk | Figure::Deploy | Figure::Legacy)
    }

    /// A change of this figure in words: money, minutes or points.
    pub fn amount(self, v: i64) -> String {
        match self {
            Figure::Budget => money(v),
            Figure::Deploy => minutes_label(v.max(0) as u32),
            _ => v.to_string(),
        }
    }

    pub fn signed(self, d: i64) -> String {
        let sign = if d > 0 {
            "+"
        } else if d < 0 {
            "-"
        } else {
            "±"
        };
        format!("{sign}{}", self.amount(d.abs()))
    }
}

/// How a line of an explanation is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Normal,
    Good,
    Bad,
    Dim,
}

/// The text of one explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub title: String,
    pub lines: Vec<(String, Tone)>,
}

struct Lines(Vec<(String, Tone)>);

impl Lines {
    fn head(&mut self, s: impl Into<String>) {
        if !self.0.is_empty() {
            self.0.push((String::new(), Tone::Normal));
        }
        self.0.push((s.into(), Tone::Heading));
    }
    fn line(&mut self, s: impl Into<String>) {
        self.0.push((s.into(), Tone::Normal));
    }
    fn dim(&mut self, s: impl Into<String>) {
        self.0.push((s.into(), Tone::Dim));
    }
    fn delta(&mut self, s: impl Into<String>, d: i64, good_when_up: bool) {
        let tone = match (d.signum(), good_when_up) {
            (0, _) => Tone::Normal,
            (1, true) | (-1, false) => Tone::Good,
            _ => Tone::Bad,
        };
        self.0.push((s.into(), tone));
    }
}

/// Thousandths of a point a month as "+2.35".
pub fn speed_label(thousandths: i32) -> String {
    let sign = if thousandths < 0 { "-" } else { "+" };
    let a = thousandths.unsigned_abs();
    format!("{sign}{}.{:02}", a / 1000, (a % 1000) / 10)
}

/// Builds the explanation of a figure for the session as it is now.
pub fn explain(s: &Session, figure: Figure) -> Explanation {
    let mut l = Lines(Vec::new());
    match figure {
        Figure::Budget | Figure::Runway => money_math(s, figure, &mut l),
        Figure::Weeks => weeks_math(s, &mut l),
        Figure::Progress => progress_math(s, &mut l),
        Figure::Speed => speed_math(s, &mut l),
        Figure::Deploy | Figure::Experiments => deploy_math(s, &mut l),
        Figure::Talent => talent_math(s, &mut l),
        Figure::Compute => compute_math(s, &mut l),
        Figure::Legacy => legacy_math(s, &mut l),
        Figure::Ecosystem => ecosystem_math(s, &mut l),
        Figure::Morale | Figure::Risk | Figure::Board => stat_math(s, figure, &mut l),
    }
    Explanation {
        title: format!("Show the math: {}", figure.name()),
        lines: l.0,
    }
}

fn flow_label(f: Flow) -> &'static str {
    match f {
        Flow::Salaries => "salaries",
        Flow::Licences => "licences",
        Flow::ComputeRunning => "running compute",
        Flow::Income => "income",
        Flow::Action => "actions",
        Flow::Event => "events",
    }
}

fn money_math(s: &Session, figure: Figure, l: &mut Lines) {
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
                "{}k owned × {}, {}k leased × {}",
                p.compute.saturating_sub(p.leased),
                money(COMPUTE_MONTHLY),
                p.leased,
                money(LEASE_MONTHLY)
            ),
            _ => String::new(),
        };
        l.delta(
            format!("  {:<17} -{:<7} {why}", flow_label(*flow), money(*m)),
            -1,
            true,
        );
    }
    let net = d.income - d.burn;
    l.delta(
        format!("  net each month  {}", Figure::Budget.signed(net)),
        net,
        true,
    );
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
                m += Money::from(*kgpu) * LEASE_MONTHLY;
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

fn month_label(s: &Session, month: u16) -> String {
    let c = s.content();
    let zero = u32::from(c.scenario.start_month.saturating_sub(1)) + u32::from(month);
    format!(
        "{} {:>2}",
        month_name((zero % 12 + 1) as u8),
        (c.scenario.start_year as u32 + zero / 12) % 100
    )
}

fn weeks_math(s: &Session, l: &mut Lines) {
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
                l.line(format!("  {weeks} week(s): {}", d.label));
            }
        }
    }
    if !any {
        l.dim("  nothing yet");
    }
}

fn progress_math(s: &Session, l: &mut Lines) {
    let st = &s.game.state;
    let p = st.player();
    l.head(format!(
        "Overall progress {} of 100",
        p.progress().display()
    ));
    for t in crate::game::data::Track::ALL {
        l.line(format!("  {:<11} {}", t.name(), p.track(t).display()));
    }
    let sum: i32 = p.tracks.iter().map(|t| t.0).sum();
    l.line(format!(
        "  (mean {} + weakest {}) ÷ 2 = {}",
        Progress(sum / 3).display(),
        p.track(p.weakest_track()).display(),
        p.progress().display()
    ));
    l.dim(format!(
        "  Superintelligence needs every track at 100: {} holds you back.",
        p.weakest_track().name()
    ));
    l.head(format!("Rank {} of {}", st.player_rank(), st.labs.len()));
    let leader = st.leading_rival();
    let gap = st.lab(leader).progress().0 - p.progress().0;
    let name = &s.content().labs[usize::from(leader)].short;
    if gap > 0 {
        l.delta(
            format!("  {name} leads by {}", Progress(gap).display()),
            -1,
            true,
        );
    } else {
        l.delta(
            format!("  you lead {name} by {}", Progress(-gap).display()),
            1,
            true,
        );
    }
    l.line(format!(
        "  Last month you gained {} a month; see Research speed for why.",
        speed_label(p.last_speed.total)
    ));
}

fn lever_of(part: &str) -> Option<Lever> {
    match part {
        "talent" => Some(Lever::Hiring),
        "compute" => Some(Lever::Compute),
        "experiments" => Some(Lever::Pipeline),
        "adopted tech" | "legacy drag" => Some(Lever::AdoptTech),
        "morale" => Some(Lever::Morale),
        "data flywheel" => Some(Lever::Product),
        "ecosystem" => Some(Lever::OpenRelease),
        _ => None,
    }
}

fn speed_math(s: &Session, l: &mut Lines) {
    let p = s.game.state.player();
    let last = &p.last_speed;
    let next = &s.derived.forecast;
    l.head("Points of progress a month, by cause");
    l.dim(format!(
        "  {:<22} {:>9} {:>11}",
        "cause", "last month", "if ended now"
    ));
    for ((name, a), (_, b)) in last.parts().iter().zip(next.parts().iter()) {
        if *a == 0 && *b == 0 {
            continue;
        }
        l.delta(
            format!(
                "  {:<22} {:>9} {:>11}",
                name,
                speed_label(*a),
                speed_label(*b)
            ),
            i64::from(*b),
            true,
        );
    }
    l.line(format!(
        "  {:<22} {:>9} {:>11}",
        "total",
        speed_label(last.total),
        speed_label(next.total)
    ));
    l.dim("  Talent and compute set the base (with diminishing returns); each later cause multiplies it, so the parts add up exactly to the total.");
    l.head("Your decisions behind the causes");
    let mut any = false;
    for (name, _) in next.parts() {
        let Some(lever) = lever_of(name) else {
            continue;
        };
        let recent: Vec<_> = s
            .game
            .state
            .timeline
            .iter()
            .rev()
            .filter(|t| t.lever == lever)
            .take(2)
            .collect();
        for t in recent {
            any = true;
            l.line(format!(
                "  {:<13} {} {}",
                name,
                month_label(s, t.month),
                t.text
            ));
        }
    }
    if !any {
        l.dim("  none yet: hiring, compute, pipeline stages and adopted tech all feed research");
    }
}

fn deploy_math(s: &Session, l: &mut Lines) {
    let c = s.content();
    let p = s.game.state.player();
    let exp = experiments_per_month(p.deploy_minutes);
    l.head(format!(
        "Deploy time {} → {exp} experiments a month",
        minutes_label(p.deploy_minutes)
    ));
    l.line(format!(
        "  experiments = {WORK_MINUTES} working minutes ÷ (deploy + {EXPERIMENT_OVERHEAD} min overhead)"
    ));
    let infra: u32 = s
        .game
        .state
        .staff_of(PLAYER)
        .filter(|(_, q)| q.role == Role::Infra)
        .map(|(_, q)| u32::from(q.skill) / 10)
        .sum();
    l.line(format!(
        "  research multiplier from experiments: {}%",
        experiments_pct(exp, infra.min(20))
    ));
    l.head("How it got here");
    let start = c.labs[0].deploy_minutes.max(2);
    l.line(format!("  {:<32} {}", "at the start", minutes_label(start)));
    let mut m = u64::from(start);
    for stage in &p.stages {
        if let Some(def) = c.stages.get(usize::from(*stage)) {
            if c.labs[0].stages.contains(&def.id) {
                continue;
            }
            m = (m * u64::from(def.deploy_pct) / 100).max(2);
            l.delta(
                format!(
                    "  {:<32} {} (×{}%)",
                    def.name,
                    minutes_label(m as u32),
                    def.deploy_pct
                ),
                1,
                true,
            );
        }
    }
    let rest = i64::from(p.deploy_minutes) - m as i64;
    if rest != 0 {
        l.delta(
            format!("  {:<32} {}", "events", Figure::Deploy.signed(rest)),
            -rest,
            true,
        );
    }
    l.head("Under way");
    let mut any = false;
    for pr in &p.projects {
        if let ProjectKind::Stage(i) = pr.kind
            && let Some(def) = c.stages.get(usize::from(i))
        {
            any = true;
            let after =
                (u64::from(p.deploy_minutes) * u64::from(def.deploy_pct) / 100).max(2) as u32;
            l.line(format!(
                "  {} in {} month(s): {} → {} ({} experiments)",
                def.name,
                pr.months_left,
                minutes_label(p.deploy_minutes),
                minutes_label(after),
                experiments_per_month(after)
            ));
        }
    }
    if !any {
        l.dim("  no pipeline stage under way: start one on the Pipeline screen");
    }
}

fn talent_math(s: &Session, l: &mut Lines) {
    let st = &s.game.state;
    let p = st.player();
    l.head(format!("Talent: {} units", s.derived.talent_units));
    l.line(format!(
        "  {} rank-and-file researchers count a tenth each",
        p.researchers
    ));
    for (_, q) in st.staff_of(PLAYER) {
        l.line(format!(
            "  {}{} ({}, skill {})",
            if q.star { "★ " } else { "" },
            q.name,
            q.title,
            q.skill
        ));
    }
    l.dim("  Research stars count triple their skill, other researchers double, others half.");
    l.line(format!(
        "  Talent adds {} a month to research.",
        speed_label(s.derived.forecast.talent)
    ));
    recent_lever(s, Lever::Hiring, l);
}

fn compute_math(s: &Session, l: &mut Lines) {
    let p = s.game.state.player();
    l.head(format!("Compute: {}k GPUs", p.compute));
    l.line(format!(
        "  owned {}k, leased {}k",
        p.compute.saturating_sub(p.leased),
        p.leased
    ));
    for pr in &p.projects {
        match pr.kind {
            ProjectKind::DataCentre(k) => l.line(format!(
                "  data centre of {k}k GPUs online in {} month(s)",
                pr.months_left
            )),
            ProjectKind::Lease(k) => l.line(format!(
                "  lease of {k}k GPUs ends in {} month(s)",
                pr.months_left
            )),
            _ => {}
        }
    }
    l.line(format!(
        "  Compute adds {} a month to research.",
        speed_label(s.derived.forecast.compute)
    ));
    recent_lever(s, Lever::Compute, l);
}

fn legacy_math(s: &Session, l: &mut Lines) {
    let c = s.content();
    let p = s.game.state.player();
    l.head(format!(
        "Legacy drag: -{}% research speed",
        s.derived.legacy_pct
    ));
    for i in &p.legacy {
        if let Some(def) = c.legacy.get(usize::from(*i)) {
            l.line(format!(
                "  -{}% {} (role: {})",
                def.drag_pct, def.name, def.role
            ));
        }
    }
    l.dim(
        "  Retire a system on the Tech screen once an adopted or built tech of its role is active.",
    );
    l.line(format!(
        "  Adopted tech adds +{}% speed.",
        s.derived.tech_pct
    ));
    recent_lever(s, Lever::AdoptTech, l);
}

fn ecosystem_math(s: &Session, l: &mut Lines) {
    let p = s.game.state.player();
    l.head(format!("Ecosystem {} of 100", p.ecosystem));
    l.line(format!("  {} open releases so far", p.open_releases));
    l.line(format!(
        "  Ecosystem adds {} a month to research.",
        speed_label(s.derived.forecast.ecosystem)
    ));
    l.dim("  Open releases grow it; every rival behind you learns from the weights.");
    recent_lever(s, Lever::OpenRelease, l);
}

fn recent_lever(s: &Session, lever: Lever, l: &mut Lines) {
    l.head("Your decisions");
    let mut any = false;
    for t in s
        .game
        .state
        .timeline
        .iter()
        .rev()
        .filter(|t| t.lever == lever)
        .take(6)
    {
        any = true;
        l.line(format!("  {} {}", month_label(s, t.month), t.text));
    }
    if !any {
        l.dim("  none yet");
    }
}

fn stat_math(s: &Session, figure: Figure, l: &mut Lines) {
    let st = &s.game.state;
    let now = Snapshot::of(&s.game).value(figure);
    l.head(format!("{} now: {now} of 100", figure.name()));
    let drivers = match figure {
        Figure::Morale => {
            "Drifts back toward 55-65 each month; falls with crunch (fast deploys, thin review), debt, adopting rival tech and losing people; rises when you look after the team or build in-house."
        }
        Figure::Risk => {
            "Grows each month with experiments × thin safety review; falls with review; adopted tech adds dependency risk. Above 35 incidents become possible, above 80 catastrophe."
        }
        _ => {
            "Each month the board rewards progress and leading the race, and punishes slow months, spending far above income and debt. At 0 it freezes the budget."
        }
    };
    l.dim(format!("  {drivers}"));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::game::Command;
    use std::sync::Arc;

    #[test]
    fn every_figure_explains_itself_after_a_month() {
        let content = Arc::new(content::load_builtin("classroom", None).expect("loads"));
        let mut s = Session::new(content, 3);
        let _ = s.apply(Command::SafetyReview);
        let _ = s.apply(Command::EndMonth);
        for f in Figure::DASHBOARD {
            let e = explain(&s, f);
            assert!(e.lines.len() >= 2, "{f:?}");
        }
    }

    #[test]
    fn speed_labels_read_as_points() {
        assert_eq!(speed_label(2_345), "+2.34");
        assert_eq!(speed_label(-50), "-0.05");
    }
}
