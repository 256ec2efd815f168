//! The deployment pipeline's choices: each stage's status, effects and menu.

use crate::front::explain::Tone;
use crate::front::menu::{Menu, MenuOption};
use crate::game::data::StageDef;
use crate::game::month::minutes_label;
use crate::game::research::experiments_per_month;
use crate::game::rules::cost;
use crate::game::state::{PLAYER, ProjectKind};
use crate::game::units::money;
use crate::game::{Command, Game};

/// Deploy minutes after a stage, from the current deploy time (the rules' formula).
pub fn after(minutes: u32, def: &StageDef) -> u32 {
    (u64::from(minutes) * u64::from(def.deploy_pct) / 100).max(2) as u32
}

/// Where a stage stands for the player.
pub fn status(game: &Game, i: usize) -> (String, Tone) {
    let p = game.state.player();
    let def = &game.content.stages[i];
    if p.has_stage(i as u16) {
        return ("done".into(), Tone::Good);
    }
    if let Some(pr) = p
        .projects
        .iter()
        .find(|pr| pr.kind == ProjectKind::Stage(i as u16))
    {
        return (
            format!("under way, {}mo left", pr.months_left),
            Tone::Normal,
        );
    }
    // Whatever the rules would say to "start it" now, in their words.
    match game.check(&Command::Upgrade(def.id.clone())) {
        Ok(_) => ("ready".into(), Tone::Normal),
        Err(e) => (super::refusal(game, &e), Tone::Dim),
    }
}

pub fn effect_lines(game: &Game, def: &StageDef) -> Vec<(String, Tone)> {
    let now = game.state.player().deploy_minutes;
    let review_now = game.state.player().review;
    let r = &game.content.balance.research;
    let new = after(now, def);
    let review = match def.review.signum() {
        1 => (
            format!("Safety review +{}: risk grows more slowly.", def.review),
            Tone::Good,
        ),
        -1 => (
            format!(
                "Safety review {}: thinner review raises risk (pair it with automated evaluation and monitoring).",
                def.review
            ),
            Tone::Bad,
        ),
        _ => ("No change to safety review.".to_string(), Tone::Dim),
    };
    let mut lines = vec![
        (def.summary.clone(), Tone::Normal),
        (String::new(), Tone::Normal),
        (
            format!(
                "Deploy time {} → {} (×{}%), experiments {} → {} a month.",
                minutes_label(now),
                minutes_label(new),
                def.deploy_pct,
                experiments_per_month(r, now, review_now),
                experiments_per_month(r, new, review_now + def.review)
            ),
            Tone::Good,
        ),
        review,
        (
            format!(
                "A project: {} now, done after {} month{}.",
                money(def.cost),
                def.months,
                crate::text::s(def.months as i64)
            ),
            Tone::Normal,
        ),
    ];
    if !def.requires.is_empty() {
        lines.push((
            format!("Needs first: {}", def.requires.join(", ")),
            Tone::Dim,
        ));
    }
    if let Some(i) = game.content.stages.iter().position(|s| s.id == def.id) {
        let (now, tone) = status(game, i);
        lines.push((format!("Now: {now}."), tone));
    }
    lines
}

pub fn stage_menu(game: &Game, i: usize) -> Menu {
    let def = &game.content.stages[i];
    let cmd = Command::Upgrade(def.id.clone());
    let c = cost(&game.content, &game.state, PLAYER, &cmd);
    Menu {
        title: format!("Pipeline: {}", def.name),
        body: effect_lines(game, def),
        options: vec![MenuOption::checked(
            game,
            format!(
                "Start {} ({} week{}, {})",
                def.name,
                c.weeks,
                crate::text::s(c.weeks),
                money(c.money)
            ),
            cmd,
        )],
        sel: 0,
    }
}
