//! The research figures explained: progress, speed by cause, deploy time and experiments,
//! talent, compute, legacy drag and the ecosystem.

use crate::game::data::Role;
use crate::game::month::minutes_label;
use crate::game::research::{experiments_pct, lab_experiments, review_minutes};
use crate::game::state::{Lever, PLAYER, ProjectKind};
use crate::game::units::Progress;

use super::super::session::Session;
use super::{
    Figure, Lines, hundredths_label, month_label, recent_decisions, recent_lever, speed_label,
};
use crate::report::format::{apportion, progress_change};

pub(super) fn progress_math(s: &Session, l: &mut Lines) {
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
    if let Some(r) = &s.report {
        // Last month's gains by track: research spread over the tracks, plus what events
        // added directly; overall moves by (mean + weakest) / 2 of these, not by their sum.
        l.head(format!("Last month ({}) by track", r.label));
        for (t, ((b, a), ev)) in crate::game::data::Track::ALL
            .iter()
            .zip(r.tracks.iter().zip(r.event_gains.iter()))
        {
            let gain = a.0 - b.0;
            // The two parts are shown so they sum to the shown gain.
            let parts = apportion(&[i64::from(gain - ev), i64::from(*ev)], 10);
            l.line(format!(
                "  {:<11} {}  (research {}, events {})",
                t.name(),
                speed_label(gain),
                hundredths_label(parts[0]),
                hundredths_label(parts[1])
            ));
        }
        let (b, a) = r.race.first().copied().unwrap_or_default();
        // The change is the difference of the two figures shown: "81.1 → 82.3 (+1.2)".
        l.line(format!(
            "  overall {} → {} ({})",
            b.display(),
            a.display(),
            progress_change(b, a)
        ));
    }
    let c = s.content();
    l.head(format!(
        "Rank {} of {}",
        crate::game::intel::seen_rank(c, st),
        st.labs.len()
    ));
    let (leader, seen) = crate::game::intel::seen_leader(c, st);
    let est = crate::game::intel::estimate(c, st, leader);
    if !est.exact() {
        l.line(format!(
            "  rivals are estimates: {} is {} (9 in 10 times within {}), {} since the last intelligence",
            c.labs[usize::from(leader)].short,
            est.label(),
            est.range_label(),
            crate::game::data::plural(est.months.max(0) as u16, "month")
        ));
    }
    let gap = seen.0 - p.progress().0;
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

pub(super) fn speed_math(s: &Session, l: &mut Lines) {
    let p = s.game.state.player();
    let last = &p.last_speed;
    let next = &s.derived.forecast;
    l.head("Points of progress a month, by cause");
    l.dim(format!(
        "  {:<22} {:>9} {:>11}",
        "cause", "last month", "if ended now"
    ));
    // Each column's parts are shown so they sum to its shown total (largest remainder).
    let column = |parts: &[(&str, i32)]| {
        apportion(
            &parts.iter().map(|(_, v)| i64::from(*v)).collect::<Vec<_>>(),
            10,
        )
    };
    let (shown_a, shown_b) = (column(&last.parts()), column(&next.parts()));
    for (((name, a), (_, b)), (sa, sb)) in last
        .parts()
        .iter()
        .zip(next.parts().iter())
        .zip(shown_a.iter().zip(&shown_b))
    {
        if *a == 0 && *b == 0 {
            continue;
        }
        l.delta(
            format!(
                "  {:<22} {:>9} {:>11}",
                name,
                hundredths_label(*sa),
                hundredths_label(*sb)
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
        for t in recent_decisions(s, lever, 2) {
            any = true;
            l.line(format!(
                "  {:<13} {} {}",
                name,
                month_label(s, t.month),
                t.text(s.content(), &s.game.state)
            ));
        }
    }
    if !any {
        l.dim("  none yet: hiring, compute, pipeline stages and adopted tech all feed research");
    }
}

pub(super) fn deploy_math(s: &Session, l: &mut Lines) {
    let c = s.content();
    let p = s.game.state.player();
    let exp = lab_experiments(&c.balance.research, p);
    l.head(format!(
        "Deploy time {} → {exp} experiments a month",
        minutes_label(p.deploy_minutes)
    ));
    l.line(format!(
        "  experiments = {} working minutes ÷ (deploy + {} min overhead + {} min review)",
        c.balance.research.work_minutes,
        c.balance.research.experiment_overhead,
        review_minutes(&c.balance.research, p.review)
    ));
    let r = &c.balance.research;
    l.line(format!(
        "  review: the first {} points run alongside; each 10 above costs {} min a change \
         (yours: {})",
        r.review_free, r.review_minutes_per_10, p.review
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
        experiments_pct(
            &c.balance.research,
            exp,
            infra.min(c.balance.research.infra_bonus_max)
        )
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
                "  {} in {} month{}: {} → {} ({} experiments)",
                def.name,
                pr.months_left,
                crate::text::s(pr.months_left as i64),
                minutes_label(p.deploy_minutes),
                minutes_label(after),
                crate::game::research::experiments_per_month(
                    &s.content().balance.research,
                    after,
                    s.game.state.player().review
                )
            ));
        }
    }
    if !any {
        l.dim("  no pipeline stage under way: start one on the Pipeline screen");
    }
}

pub(super) fn talent_math(s: &Session, l: &mut Lines) {
    let st = &s.game.state;
    let p = st.player();
    l.head(format!(
        "Talent: {} units of research strength",
        s.derived.talent_units
    ));
    let r = &s.content().balance.research;
    let per = r.researchers_per_unit.max(1);
    let star = r.star_multiplier;
    l.dim(format!(
        "  Units = researchers / {per}, plus each named person: a research star {star} × skill,"
    ));
    l.dim("  another named researcher 1 × skill, any other role skill / 2.");
    l.line(format!(
        "  {:>5}  {} staff researchers / {per}",
        p.researchers / per,
        p.researchers
    ));
    let star_how = format!("{star} × skill");
    for (_, q) in st.staff_of(PLAYER) {
        // The same weights as the rules' research::talent_units.
        let (units, how) = match (q.role, q.star) {
            (Role::Research, true) => (u64::from(q.skill) * star, star_how.as_str()),
            (Role::Research, false) => (u64::from(q.skill), "1 × skill"),
            _ => (u64::from(q.skill) / 2, "skill / 2"),
        };
        l.line(format!(
            "  {units:>5}  {}{} ({}, skill {}: {how})",
            if q.star { "★ " } else { "" },
            q.name,
            q.title,
            q.skill
        ));
    }
    l.line(format!(
        "  Talent adds {} a month to research.",
        speed_label(s.derived.forecast.talent)
    ));
    super::market::raided_labs(s, l);
    recent_lever(s, Lever::Hiring, l);
}

pub(super) fn compute_math(s: &Session, l: &mut Lines) {
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
                "  data centre of {k}k GPUs online in {} month{}",
                pr.months_left,
                crate::text::s(pr.months_left as i64)
            )),
            ProjectKind::Lease(k) => l.line(format!(
                "  lease of {k}k GPUs ends in {} month{}",
                pr.months_left,
                crate::text::s(pr.months_left as i64)
            )),
            _ => {}
        }
    }
    l.line(format!(
        "  Compute adds {} a month to research.",
        speed_label(s.derived.forecast.compute)
    ));
    super::market::gpu_market(s, l);
    recent_lever(s, Lever::Compute, l);
}

pub(super) fn legacy_math(s: &Session, l: &mut Lines) {
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
    super::market::licence_squeeze(s, l);
    recent_lever(s, Lever::AdoptTech, l);
}

pub(super) fn ecosystem_math(s: &Session, l: &mut Lines) {
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
