//! The technology choices: each tech's and legacy system's menu, status, cost and licence.

use crate::front::explain::Tone;
use crate::front::menu::{Menu, MenuOption};
use crate::game::data::{Content, TechDef};
use crate::game::rules::{cost, is_replaced, replacements};
use crate::game::state::{PLAYER, ProjectKind};
use crate::game::units::{Money, money};
use crate::game::{Command, Game};

fn cost_label(game: &Game, cmd: &Command) -> String {
    let c = cost(&game.content, &game.state, PLAYER, cmd);
    format!(
        "{} week{}, {}",
        c.weeks,
        crate::text::s(c.weeks),
        money(c.money)
    )
}

/// A vendor as players know it: a lab's short name, or the outside vendor's own name.
pub fn vendor_name<'a>(content: &'a Content, vendor: &'a str) -> &'a str {
    content
        .labs
        .iter()
        .find(|l| l.id == vendor)
        .map_or(vendor, |l| l.short.as_str())
}

/// The licence the vendor of `def` asks now.
fn licence_now(game: &Game, def: &TechDef) -> Money {
    game.content
        .techs
        .iter()
        .position(|t| t.id == def.id)
        .and_then(|i| game.state.techs.get(i))
        .map_or(def.licence_monthly, |m| m.licence_monthly)
}

/// The pros and cons of one tech, in words and numbers.
///
/// `licence` is the price the vendor asks now (it may have raised it since the catalogue).
pub fn pros_cons(content: &Content, def: &TechDef, licence: Money) -> Vec<(String, Tone)> {
    let track = match def.track {
        Some(t) if def.track_pct > 0 => format!(", +{}% on {}", def.track_pct, t.name()),
        _ => String::new(),
    };
    vec![
        (def.summary.clone(), Tone::Normal),
        (format!("Basis: {}.", def.basis.label()), Tone::Dim),
        (
            format!(
                "Adopt: +{}% research{track} after {} month{} of integration.",
                def.speed_pct,
                def.integration_months,
                crate::text::s(def.integration_months as i64)
            ),
            Tone::Good,
        ),
        (
            format!(
                "  {} now + {} a month; -{} morale (not invented here); +{} risk while {} can raise the price or cut access.",
                money(def.adopt_cost),
                money(licence),
                def.morale_cost,
                def.dependency_risk,
                vendor_name(content, &def.vendor)
            ),
            Tone::Bad,
        ),
        (
            format!(
                "Build in-house: the same +{}% after {} months for {}; no licence, no dependency, the team is proud of it.",
                def.speed_pct,
                def.build_months,
                money(def.build_cost)
            ),
            Tone::Normal,
        ),
        (
            "Adopt now, build later: the speed now, independence when your own version is done; pays for both."
                .to_string(),
            Tone::Dim,
        ),
    ]
}

pub fn tech_menu(game: &Game, i: usize) -> Menu {
    let def = &game.content.techs[i];
    let adopt = Command::Adopt(def.id.clone());
    let build = Command::Build(def.id.clone());
    let both = Command::AdoptThenBuild(def.id.clone());
    let options = vec![
        MenuOption::checked(
            game,
            format!("Adopt {} ({})", def.name, cost_label(game, &adopt)),
            adopt,
        ),
        MenuOption::checked(
            game,
            format!("Build it in-house ({})", cost_label(game, &build)),
            build,
        ),
        MenuOption::checked(
            game,
            format!("Adopt now, build later ({})", cost_label(game, &both)),
            both,
        ),
    ];
    Menu {
        title: format!(
            "{} from {}",
            def.name,
            vendor_name(&game.content, &def.vendor)
        ),
        body: pros_cons(&game.content, def, licence_now(game, def)),
        options,
        sel: 0,
    }
}

pub fn legacy_menu(game: &Game, i: usize) -> Menu {
    let def = &game.content.legacy[i];
    let retire = Command::Retire(def.id.clone());
    Menu {
        title: format!("Legacy: {}", def.name),
        body: vec![
            (def.summary.clone(), Tone::Normal),
            (String::new(), Tone::Normal),
            (
                format!("While it runs, research is {}% slower.", def.drag_pct),
                Tone::Bad,
            ),
            (
                format!(
                    "Retiring costs {} and a month of disruption (slower research, a dip in morale), then the drag is gone.",
                    money(def.retire_cost)
                ),
                Tone::Normal,
            ),
            (
                format!(
                    "It needs a working replacement first: an adopted or built {} tech.",
                    def.role
                ),
                Tone::Dim,
            ),
            (format!("Now: {}.", legacy_status(game, i).0), Tone::Dim),
        ],
        options: vec![MenuOption::checked(
            game,
            format!("Retire {} ({})", def.name, cost_label(game, &retire)),
            retire,
        )],
        sel: 0,
    }
}

/// The player's standing with one catalogue tech.
pub fn tech_status(game: &Game, i: usize) -> (String, Tone) {
    let st = &game.state;
    let p = st.player();
    let def = &game.content.techs[i];
    if def.vendor == game.content.labs[0].id {
        return ("your own".into(), Tone::Dim);
    }
    let building = p.projects.iter().find_map(|pr| match pr.kind {
        ProjectKind::Build(t) if usize::from(t) == i => Some(pr.months_left),
        _ => None,
    });
    let cut = st.techs[i].cut_until.is_some_and(|u| u > st.month);
    let base = match p.tech_status(i as u16) {
        Some(a) if a.in_house => ("in-house".to_string(), Tone::Good),
        Some(_) if cut => ("cut off".to_string(), Tone::Bad),
        Some(a) if a.integrating > 0 => (format!("ready in {}mo", a.integrating), Tone::Normal),
        Some(_) => ("licensed".to_string(), Tone::Good),
        None if cut => ("access cut".to_string(), Tone::Bad),
        // Not in use: what the rules would say to adopting it now (one integration at a time).
        None => match game.check(&Command::Adopt(def.id.clone())) {
            Ok(_) => ("can adopt".to_string(), Tone::Normal),
            Err(e) => (super::refusal(game, &e), Tone::Dim),
        },
    };
    match building {
        Some(m) => (format!("{} +build {m}mo", base.0), Tone::Normal),
        None => base,
    }
}

/// A legacy system's standing: running or retired, and what replaces it (the rules refuse to
/// retire it before something does its job). The flag says whether it still runs.
pub fn legacy_status(game: &Game, i: usize) -> (String, bool) {
    let p = game.state.player();
    let def = &game.content.legacy[i];
    if !p.legacy.contains(&(i as u16)) {
        return ("retired".to_string(), false);
    }
    let text = if is_replaced(&game.content, p, &def.role) {
        match game.check(&Command::Retire(def.id.clone())) {
            Ok(_) => "running; replaced, can retire".to_string(),
            Err(e) => format!("running; {}", super::refusal(game, &e)),
        }
    } else {
        format!("running; {}", replacements(&game.content, &def.role))
    };
    (text, true)
}

/// A legacy system's standing in a word or two, for a narrow status column.
pub fn legacy_short(game: &Game, i: usize) -> String {
    let p = game.state.player();
    let def = &game.content.legacy[i];
    if !p.legacy.contains(&(i as u16)) {
        return "retired".into();
    }
    if !is_replaced(&game.content, p, &def.role) {
        return "no swap yet".into();
    }
    match game.check(&Command::Retire(def.id.clone())) {
        Ok(_) => "can retire".into(),
        Err(e) => super::refusal_short(game, &e).unwrap_or_else(|| "running".into()),
    }
}
