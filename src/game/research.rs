//! How fast a lab's research moves, and why.
//!
//! A month's progress starts from what the lab has (talent and compute, with diminishing
//! returns) and is then multiplied, one cause at a time, by experiments per month (the
//! pipeline), adopted tech, legacy drag, morale, data, ecosystem, automated research and
//! disruption. Each step's gain is booked to its cause, so the parts add up to the total
//! exactly and the month report can show where every thousandth of a point came from.

use serde::{Deserialize, Serialize};

use super::data::{Content, Role, Track};
use super::state::{GameState, LabId, PLAYER};
use super::units::isqrt;

/// Working minutes in a month of deploys (20 days of 8 hours).
pub const WORK_MINUTES: u32 = 9_600;
/// Fixed minutes each experiment costs besides the deploy itself.
pub const EXPERIMENT_OVERHEAD: u32 = 20;
/// Overall progress (points) past which research is partly automated.
pub const AUTOMATION_THRESHOLD: i32 = 65;

const TALENT_FACTOR: i64 = 11;
const COMPUTE_FACTOR: i64 = 11;

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

/// Experiments a lab can run per month at a given deploy time.
pub fn experiments_per_month(deploy_minutes: u32) -> u32 {
    WORK_MINUTES / (deploy_minutes + EXPERIMENT_OVERHEAD).max(1)
}

/// Talent units: rank-and-file researchers count a tenth each; named research staff by skill.
pub fn talent_units(state: &GameState, lab: LabId) -> u64 {
    let l = state.lab(lab);
    let mut units = u64::from(l.researchers) / 10;
    for (_, p) in state.staff_of(lab) {
        units += match (p.role, p.star) {
            (Role::Research, true) => u64::from(p.skill) * 3,
            (Role::Research, false) => u64::from(p.skill),
            _ => u64::from(p.skill) / 2,
        };
    }
    units
}

/// Percent multiplier from experiments per month (100 at about one a day).
pub fn experiments_pct(experiments: u32, infra_bonus: u32) -> i64 {
    70 + 6 * isqrt(u64::from(experiments)) as i64 + i64::from(infra_bonus)
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
    let l = state.lab(lab);
    let mut b = SpeedBreakdown::default();
    let talent = TALENT_FACTOR * isqrt(talent_units(state, lab)) as i64;
    let compute = COMPUTE_FACTOR * isqrt(u64::from(l.compute)) as i64;
    b.talent = talent as i32;
    b.compute = compute as i32;
    let mut v = talent + compute;

    let infra: u32 = state
        .staff_of(lab)
        .filter(|(_, p)| p.role == Role::Infra)
        .map(|(_, p)| u32::from(p.skill) / 10)
        .sum();
    b.experiments_per_month = experiments_per_month(l.deploy_minutes);
    let step = |v: &mut i64, pct: i64| -> i32 {
        let next = (*v * pct.max(0) / 100).max(0);
        let gain = next - *v;
        *v = next;
        gain as i32
    };
    b.experiments = step(
        &mut v,
        experiments_pct(b.experiments_per_month, infra.min(20)),
    );
    let (tech, _) = tech_pct(content, state, lab);
    b.tech = step(&mut v, 100 + tech);
    b.legacy = step(&mut v, 100 - legacy_pct(content, state, lab));
    b.morale = step(&mut v, 100 + (i64::from(l.morale) - 50) / 2);
    b.data = step(&mut v, 100 + i64::from(l.data) / 5);
    b.ecosystem = step(&mut v, 100 + i64::from(l.ecosystem) / 8);
    let progress = l.progress().points();
    let auto = if progress >= AUTOMATION_THRESHOLD {
        i64::from(progress - AUTOMATION_THRESHOLD)
    } else {
        0
    };
    b.automation = step(&mut v, 100 + auto);
    let mut other = 100 + i64::from(l.speed_bonus_pct) - 25 * i64::from(l.disruption.min(2));
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
    let focus = content.labs[usize::from(lab)].focus;
    let mut weights = [0i64; 3];
    for t in Track::ALL {
        weights[t.index()] = i64::from(focus[t.index()]) * 10;
    }
    for (_, p) in state.staff_of(lab) {
        if p.role == Role::Research {
            weights[p.specialty.index()] += i64::from(p.skill) * if p.star { 3 } else { 1 };
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
