//! Scenario files: what a teacher writes, and how it is resolved against the shared assets
//! into the full content of a game.

use serde::{Deserialize, Serialize};

use super::locate::{Loc, Locator};
use super::{ContentError, Problem, Problems, assets, echo, listed, parse};
use crate::game::balance::BalanceDef;
use crate::game::data::{
    Basis, ChoiceDef, Content, DealDef, DifficultyDef, Effect, EventDef, LabDef, LegacyDef,
    ScenarioInfo, StageDef, TalentDef, TechDef,
};
use crate::game::inject::{InjectCondition, InjectDef, Trigger};
use crate::game::units::Money;

/// A scenario file as written. Everything but the id, name, description, start and length is
/// optional: what is left out comes from the shared assets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    pub id: String,
    pub name: String,
    pub description: String,
    pub start_year: u16,
    pub start_month: u8,
    pub months: u16,
    #[serde(default)]
    pub seed: Option<u64>,
    #[serde(default)]
    pub difficulty: Option<String>,
    #[serde(default)]
    pub locked: bool,
    /// Points added to every track of every lab (a race that starts further along).
    #[serde(default)]
    pub progress_offset: u32,
    /// Replaces the default labs entirely (the player's first).
    #[serde(default)]
    pub labs: Option<Vec<LabDef>>,
    /// Changes to some fields of some labs.
    #[serde(default)]
    pub lab_changes: Vec<LabChange>,
    #[serde(default)]
    pub techs: Option<Vec<TechDef>>,
    #[serde(default)]
    pub legacy: Option<Vec<LegacyDef>>,
    #[serde(default)]
    pub stages: Option<Vec<StageDef>>,
    #[serde(default)]
    pub deals: Option<Vec<DealDef>>,
    #[serde(default)]
    pub events: Option<Vec<EventDef>>,
    /// Replaces every tuning number of the rules (assets/balance.ron).
    #[serde(default)]
    pub balance: Option<BalanceDef>,
    /// Ids of events that never happen in this scenario.
    #[serde(default)]
    pub disabled_events: Vec<String>,
    #[serde(default)]
    pub market_size: Option<u8>,
    /// Project durations (pipeline stages, integrations, in-house builds) in percent of the
    /// catalogue's: 50 halves them for a short lesson. At least one month each.
    #[serde(default)]
    pub project_months_pct: Option<u32>,
    /// The teacher's own events, each firing once at a month or when a condition holds.
    #[serde(default)]
    pub injects: Vec<InjectFile>,
    /// Months (1 = the first turn) at whose start every student's game stops until the
    /// teacher lets the class on (a new version of the file, or a code).
    #[serde(default)]
    pub pause_at: Vec<u16>,
}

/// An inject as a teacher writes it: an event with its text, effects and choices, and either
/// `at: Month(6)` or `when: RivalProgressAtLeast(80)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InjectFile {
    pub id: String,
    #[serde(default)]
    pub at: Option<InjectAt>,
    #[serde(default)]
    pub when: Option<InjectCondition>,
    pub title: String,
    pub text: String,
    /// Applied when it fires (before any choice).
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// If not empty, each student must pick one before ending the next month.
    #[serde(default)]
    pub choices: Vec<ChoiceDef>,
}

/// The month an inject fires at, written `Month(6)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InjectAt {
    Month(u16),
}

/// Changes to one lab's starting position.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabChange {
    pub lab: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub budget: Option<Money>,
    #[serde(default)]
    pub monthly_income: Option<Money>,
    #[serde(default)]
    pub researchers: Option<u32>,
    #[serde(default)]
    pub compute: Option<u32>,
    #[serde(default)]
    pub deploy_minutes: Option<u32>,
    #[serde(default)]
    pub tracks: Option<[u32; 3]>,
    #[serde(default)]
    pub morale: Option<u8>,
    #[serde(default)]
    pub risk: Option<u8>,
    #[serde(default)]
    pub board: Option<u8>,
    #[serde(default)]
    pub review: Option<u8>,
    #[serde(default)]
    pub ecosystem: Option<u8>,
    #[serde(default)]
    pub data: Option<u8>,
}

fn shared<T: serde::de::DeserializeOwned>(name: &str) -> Result<T, ContentError> {
    let text = assets::SHARED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or("");
    parse(name, text)
}

fn problem(locator: &Locator, loc: Loc, message: String) -> Problem {
    let (file, line, col) = locator.find(&loc);
    Problem {
        file,
        line,
        col,
        message,
    }
}

/// Resolves a scenario file into the full content of a game and checks it.
pub fn resolve(
    locator: &Locator,
    raw: ScenarioFile,
    difficulty: Option<&str>,
) -> Result<Content, ContentError> {
    let mut problems = Problems::default();
    let difficulties: Vec<DifficultyDef> = shared("assets/difficulty.ron")?;
    let wanted = if raw.locked {
        raw.difficulty.as_deref().or(difficulty)
    } else {
        difficulty.or(raw.difficulty.as_deref())
    }
    .unwrap_or("normal");
    let ids: Vec<&str> = difficulties.iter().map(|d| d.id.as_str()).collect();
    let chosen = match difficulties.iter().find(|d| d.id == wanted) {
        Some(d) => d.clone(),
        None => {
            let message = format!(
                "unknown difficulty '{}'; allowed: {}",
                echo(wanted),
                listed(ids.iter().copied())
            );
            let in_file = raw.difficulty.as_deref() == Some(wanted);
            return Err(ContentError::at(if in_file {
                problem(locator, Loc::Scenario("difficulty"), message)
            } else {
                Problem {
                    file: "difficulty".into(),
                    line: 0,
                    col: 0,
                    message,
                }
            }));
        }
    };

    let mut labs = match raw.labs {
        Some(l) => l,
        None => shared::<Vec<LabDef>>("assets/labs.ron")?,
    };
    // The offset moves the default start; a lab change's tracks are taken as written.
    for lab in &mut labs {
        for t in &mut lab.tracks {
            // Saturating: the field checks refuse a large offset, but resolving still runs to
            // find the problems of meaning, and must not overflow on the way.
            *t = t.saturating_add(raw.progress_offset).min(99);
        }
    }
    for (index, change) in raw.lab_changes.iter().enumerate() {
        match labs.iter_mut().find(|l| l.id == change.lab) {
            Some(lab) => apply_change(lab, change),
            None if problems.room() => {
                let message = format!(
                    "lab_changes names the lab '{}', which is not in the scenario; labs are: {}",
                    echo(&change.lab),
                    listed(labs.iter().map(|l| l.id.as_str()))
                );
                let loc = Loc::Entry {
                    list: "lab_changes",
                    index,
                    field: Some("lab"),
                };
                problems.list.push(problem(locator, loc, message));
            }
            None => {}
        }
    }

    let mut talent: TalentDef = shared("assets/talent.ron")?;
    if let Some(size) = raw.market_size {
        talent.market_size = size;
    }
    let mut events = match raw.events {
        Some(e) => e,
        None => shared("assets/events.ron")?,
    };
    let event_ids: std::collections::BTreeSet<&str> =
        events.iter().map(|e| e.id.as_str()).collect();
    for (index, id) in raw.disabled_events.iter().enumerate() {
        if !event_ids.contains(id.as_str()) && problems.room() {
            let message = format!(
                "disabled_events names '{}', which is not an event id",
                echo(id)
            );
            let loc = Loc::Entry {
                list: "disabled_events",
                index,
                field: None,
            };
            problems.list.push(problem(locator, loc, message));
        }
    }
    let disabled: std::collections::BTreeSet<&str> =
        raw.disabled_events.iter().map(String::as_str).collect();
    events.retain(|e| !disabled.contains(e.id.as_str()));
    let injects = add_injects(locator, &mut problems, &mut events, raw.injects);

    let content = Content {
        scenario: ScenarioInfo {
            id: raw.id,
            name: raw.name,
            description: raw.description,
            start_year: raw.start_year,
            start_month: raw.start_month,
            months: raw.months,
            seed: raw.seed,
            difficulty: raw.difficulty,
            locked: raw.locked,
        },
        difficulty: chosen,
        labs,
        talent,
        techs: match raw.techs {
            Some(t) => t,
            None => shared("assets/techs.ron")?,
        },
        legacy: match raw.legacy {
            Some(t) => t,
            None => shared("assets/legacy.ron")?,
        },
        stages: match raw.stages {
            Some(t) => t,
            None => shared("assets/pipeline.ron")?,
        },
        deals: match raw.deals {
            Some(t) => t,
            None => shared("assets/deals.ron")?,
        },
        events,
        balance: match raw.balance {
            Some(b) => b,
            None => shared("assets/balance.ron")?,
        },
        injects,
        pause_at: raw.pause_at,
    };
    let mut content = content;
    if let Some(pct) = raw.project_months_pct {
        if !(25..=400).contains(&pct) {
            let message = format!("project_months_pct must be between 25 and 400, found {pct}");
            problems.push(problem(
                locator,
                Loc::Scenario("project_months_pct"),
                message,
            ));
        } else {
            scale_months(&mut content, pct);
        }
    }
    problems.merge(super::check::check(locator, &content).into_error());
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems.into_error())
    }
}

/// Appends each inject's event to the scenario's events (as the teacher's, never drawn at
/// random) and returns when each fires. An inject with neither or both of `at` and `when` is
/// a problem; the rest of its checks are on the resolved content (`check.rs`).
fn add_injects(
    locator: &Locator,
    problems: &mut Problems,
    events: &mut Vec<EventDef>,
    injects: Vec<InjectFile>,
) -> Vec<InjectDef> {
    let mut out = Vec::new();
    for (index, inject) in injects.into_iter().enumerate() {
        let trigger = match (inject.at, inject.when) {
            (Some(InjectAt::Month(m)), None) => Trigger::Month(m),
            (None, Some(c)) => Trigger::When(c),
            (at, _) => {
                let message = format!(
                    "the inject '{}' needs exactly one of 'at' (like at: Month(6)) or 'when' \
                     (like when: RivalProgressAtLeast(80)); it has {}",
                    echo(&inject.id),
                    if at.is_some() { "both" } else { "neither" }
                );
                let loc = Loc::Entry {
                    list: "injects",
                    index,
                    field: None,
                };
                problems.push(problem(locator, loc, message));
                continue;
            }
        };
        // More than u16 events cannot be referred to; the checks cap injects far below.
        let Ok(event) = u16::try_from(events.len()) else {
            break;
        };
        events.push(EventDef {
            id: inject.id,
            title: inject.title,
            text: inject.text,
            weight: 0,
            basis: Basis::Teacher,
            scale: None,
            once: true,
            conditions: Vec::new(),
            effects: inject.effects,
            choices: inject.choices,
        });
        out.push(InjectDef { event, trigger });
    }
    out
}

fn scale_months(content: &mut Content, pct: u32) {
    let scale = |m: u8| ((u32::from(m) * pct).div_ceil(100)).clamp(1, 48) as u8;
    for s in &mut content.stages {
        s.months = scale(s.months);
    }
    for t in &mut content.techs {
        t.build_months = scale(t.build_months);
        if t.integration_months > 0 {
            t.integration_months = scale(t.integration_months);
        }
    }
    let dc = &mut content.balance.compute.data_centre_months;
    *dc = scale(*dc);
    // A shorter campaign builds faster in proportion, so a data centre's size still counts.
    let per_month = &mut content.balance.compute.supply.build_kgpu_per_month;
    *per_month = (u64::from(*per_month) * 100 / u64::from(pct.max(1))).clamp(1, 100_000) as u32;
}

fn apply_change(lab: &mut LabDef, c: &LabChange) {
    macro_rules! set {
        ($($f:ident),*) => {
            $(if let Some(v) = &c.$f { lab.$f = v.clone(); })*
        };
    }
    set!(
        name,
        short,
        budget,
        monthly_income,
        researchers,
        compute,
        deploy_minutes,
        tracks,
        morale,
        risk,
        board,
        review,
        ecosystem,
        data
    );
}
