//! How fast a lab's research moves, and why.
//!
//! A month's progress starts from what the lab has — talent and compute multiplied together
//! (√(people × GPUs): neither alone wins, and each has diminishing returns) — and is then
//! multiplied, one cause at a time, by experiments per month (the
//! pipeline), adopted tech, legacy drag, morale, data, ecosystem, automated research and
//! disruption. Each step's gain is booked to its cause, so the parts add up to the total
//! exactly and the month report can show where every thousandth of a point came from.

use serde::{Deserialize, Serialize};

use super::balance::ResearchBalance;
use super::data::{Content, Role, Track};
use super::state::{GameState, Lab, LabId, PLAYER};
use super::units::isqrt;

/// One month's research speed, in thousandths of a point, by cause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeedBreakdown {
    pub talent: i32,
    pub compute: i32,
    pub experiments: i32,
    pub tech: i32,
    pub legacy: i32,
    pub morale: i32,
    pub data: i32,
    pub ecosystem: i32,
    pub automation: i32,
    /// Disruption, events and difficulty together.
    pub other: i32,
    pub total: i32,
    pub experiments_per_month: u32,
}

impl SpeedBreakdown {
    /// The causes with their names, in the order they are applied.
    pub fn parts(&self) -> [(&'static str, i32); 10] {
        [
            ("talent", self.talent),
            ("compute", self.compute),
            ("experiments", self.experiments),
            ("adopted tech", self.tech),
            ("legacy drag", self.legacy),
            ("morale", self.morale),
            ("data flywheel", self.data),
            ("ecosystem", self.ecosystem),
            ("automated research", self.automation),
            ("disruption and events", self.other),
        ]
    }
}

/// Minutes each experiment waits for review: strong review is real work, while routine
/// review up to `review_free` runs alongside and costs no wait.
pub fn review_minutes(r: &ResearchBalance, review: i32) -> u32 {
    (review.clamp(0, 100) - r.review_free.clamp(0, 100)).max(0) as u32 * r.review_minutes_per_10
        / 10
}

/// Experiments a lab can run per month at a given deploy time and review strength.
pub fn experiments_per_month(r: &ResearchBalance, deploy_minutes: u32, review: i32) -> u32 {
    r.work_minutes / (deploy_minutes + r.experiment_overhead + review_minutes(r, review)).max(1)
}

/// Experiments per month of a lab as it stands.
pub fn lab_experiments(r: &ResearchBalance, l: &Lab) -> u32 {
    experiments_per_month(r, l.deploy_minutes, l.review)
}

/// Talent units: rank-and-file researchers count a fraction each; named research staff by
/// skill (stars several times over), others half their skill.
pub fn talent_units(r: &ResearchBalance, state: &GameState, lab: LabId) -> u64 {
    let l = state.lab(lab);
    let mut units = u64::from(l.researchers) / u64::from(r.researchers_per_unit.max(1));
    for (_, p) in state.staff_of(lab) {
        units += match (p.role, p.star) {
            (Role::Research, true) => u64::from(p.skill) * r.star_multiplier,
            (Role::Research, false) => u64::from(p.skill),
            _ => u64::from(p.skill) / 2,
        };
    }
    units
}

/// Percent multiplier from experiments per month (100 at about one a day).
pub fn experiments_pct(r: &ResearchBalance, experiments: u32, infra_bonus: u32) -> i64 {
    r.experiments_base_pct
        + r.experiments_sqrt_pct * isqrt(u64::from(experiments)) as i64
        + i64::from(infra_bonus)
}

/// Base research speed of talent and compute together, thousandths of a point a month.
pub fn base_speed(r: &ResearchBalance, talent_units: u64, kgpu: u32) -> i64 {
    let product = talent_units.saturating_mul(u64::from(kgpu));
    r.base_scale * isqrt(product.saturating_mul(1_000_000)) as i64 / 1_000_000
}

/// Speed percent from morale: up with morale above 50, but only to a cap.
pub fn morale_pct(r: &ResearchBalance, morale: i32) -> i64 {
    ((i64::from(morale) - 50) / r.morale_div.max(1)).min(r.morale_max_pct)
}

/// Research speed bonus of a lab's active tech, percent, and the track bonuses.
pub fn tech_pct(content: &Content, state: &GameState, lab: LabId) -> (i64, [i64; 3]) {
    let l = state.lab(lab);
    let mut total = 0i64;
    let mut tracks = [0i64; 3];
    for a in &l.tech {
        if a.integrating > 0 {
            continue;
        }
        let Some(def) = content.techs.get(usize::from(a.tech)) else {
            continue;
        };
        let cut = !a.in_house
            && state.techs[usize::from(a.tech)]
                .cut_until
                .is_some_and(|u| u > state.month);
        if cut {
            continue;
        }
        total += i64::from(def.speed_pct);
        if let Some(t) = def.track {
            tracks[t.index()] += i64::from(def.track_pct);
        }
    }
    (total, tracks)
}

/// Legacy drag of a lab, percent.
pub fn legacy_pct(content: &Content, state: &GameState, lab: LabId) -> i64 {
    state
        .lab(lab)
        .legacy
        .iter()
        .filter_map(|&i| content.legacy.get(usize::from(i)))
        .map(|d| i64::from(d.drag_pct))
        .sum()
}

/// This month's research speed of a lab, by cause.
pub fn speed(content: &Content, state: &GameState, lab: LabId) -> SpeedBreakdown {
    let r = &content.balance.research;
    let l = state.lab(lab);
    let mut b = SpeedBreakdown::default();
    let base = base_speed(r, talent_units(r, state, lab), l.compute);
    let talent = base * r.talent_share_pct.clamp(0, 100) / 100;
    b.talent = talent as i32;
    b.compute = (base - talent) as i32;
    let mut v = base;

    let infra: u32 = state
        .staff_of(lab)
        .filter(|(_, p)| p.role == Role::Infra)
        .map(|(_, p)| u32::from(p.skill) / r.infra_skill_div.max(1))
        .sum();
    b.experiments_per_month = lab_experiments(r, l);
    let step = |v: &mut i64, pct: i64| -> i32 {
        let next = (*v * pct.max(0) / 100).max(0);
        let gain = next - *v;
        *v = next;
        gain as i32
    };
    b.experiments = step(
        &mut v,
        experiments_pct(r, b.experiments_per_month, infra.min(r.infra_bonus_max)),
    );
    let (tech, _) = tech_pct(content, state, lab);
    b.tech = step(&mut v, 100 + tech);
    b.legacy = step(&mut v, 100 - legacy_pct(content, state, lab));
    b.morale = step(&mut v, 100 + morale_pct(r, l.morale));
    b.data = step(&mut v, 100 + i64::from(l.data) / r.data_div.max(1));
    b.ecosystem = step(
        &mut v,
        100 + i64::from(l.ecosystem) / r.ecosystem_div.max(1),
    );
    let progress = l.progress().points();
    let auto = if progress >= r.automation_threshold {
        i64::from(progress - r.automation_threshold) * r.automation_pct_per_point
    } else {
        0
    };
    b.automation = step(&mut v, 100 + auto);
    let mut other = 100 + i64::from(l.speed_bonus_pct)
        - r.disruption_pct * i64::from(l.disruption.min(r.disruption_cap));
    if lab != PLAYER {
        other = other * i64::from(content.difficulty.rival_speed_pct) / 100;
    }
    b.other = step(&mut v, other);
    b.total = v as i32;
    b
}

/// How a month's progress is spread over the tracks: by the lab's focus, its research staff's
/// specialties and tech aimed at a track. Averages to `total` per track.
pub fn track_gains(content: &Content, state: &GameState, lab: LabId, total: i32) -> [i32; 3] {
    let r = &content.balance.research;
    let focus = content.labs[usize::from(lab)].focus;
    let mut weights = [0i64; 3];
    for t in Track::ALL {
        weights[t.index()] = i64::from(focus[t.index()]) * r.focus_weight;
    }
    let star = r.star_multiplier as i64;
    for (_, p) in state.staff_of(lab) {
        if p.role == Role::Research {
            weights[p.specialty.index()] += i64::from(p.skill) * if p.star { star } else { 1 };
        }
    }
    let (_, tech_tracks) = tech_pct(content, state, lab);
    for t in 0..3 {
        weights[t] = weights[t] * (100 + tech_tracks[t]) / 100;
    }
    let sum: i64 = weights.iter().sum::<i64>().max(1);
    let mut out = [0i32; 3];
    for t in 0..3 {
        out[t] = (i64::from(total) * 3 * weights[t] / sum) as i32;
    }
    out
}
