//! The tech catalogue: outside frameworks, models, tools and platforms to adopt, build in-house,
//! or adopt now and replace later; and the player's legacy systems to retire. Enter lays out
//! the pros, cons and costs of each choice before anything is spent.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::game::data::{Content, TechDef};
use crate::game::rules::{cost, is_replaced, replacements};
use crate::game::state::{PLAYER, ProjectKind};
use crate::game::units::{Money, money};
use crate::game::{Command, Game};

use super::super::app::{Layer, Outcome};
use super::super::dialog::{Menu, MenuOption};
use super::super::explain::Tone;
use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{cell, fit, panel, put, right, toned_text, window};
use super::{clicked_row, list_over_detail, step};

/// A row of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Tech(usize),
    Legacy(usize),
}

/// Every catalogue tech that arrives within the campaign (one released after its last month
/// never exists in this game: a 12-month classroom does not list 2027's), then the legacy
/// systems the player started with.
pub fn rows(s: &Session) -> Vec<Row> {
    let c = s.content();
    let mut rows: Vec<Row> = (0..c.techs.len())
        .filter(|&i| c.techs[i].available_from < c.scenario.months)
        .map(Row::Tech)
        .collect();
    for id in &c.labs[0].legacy {
        if let Some(i) = c.legacy.iter().position(|l| &l.id == id) {
            rows.push(Row::Legacy(i));
        }
    }
    rows
}

pub fn hints(_s: &Session) -> Vec<Hint> {
    vec![
        hint(Action::Up, "item"),
        hint(Action::Down, "item"),
        hint(Action::Choose, "options"),
        hint(Action::DoIt, "do it"),
    ]
}

pub fn update(s: &mut Session, action: Action) -> Outcome {
    let rows = rows(s);
    match action {
        Action::Up | Action::Down => {
            step(&mut s.tech_sel, action, rows.len());
            Outcome::Nothing
        }
        Action::Choose => match rows.get(s.tech_sel) {
            Some(Row::Tech(i)) => Outcome::Open(Layer::Menu(tech_menu(&s.game, *i))),
            Some(Row::Legacy(i)) => Outcome::Open(Layer::Menu(legacy_menu(&s.game, *i))),
            None => Outcome::Nothing,
        },
        // The row's first option without the menu: adopt a tech, retire a legacy system.
        Action::DoIt => match rows.get(s.tech_sel) {
            Some(Row::Tech(i)) => Outcome::Run(Command::Adopt(s.content().techs[*i].id.clone())),
            Some(Row::Legacy(i)) => {
                Outcome::Run(Command::Retire(s.content().legacy[*i].id.clone()))
            }
            None => Outcome::Nothing,
        },
        _ => Outcome::Nothing,
    }
}

fn cost_label(game: &Game, cmd: &Command) -> String {
    let c = cost(&game.content, &game.state, PLAYER, cmd);
    format!("{} week(s), {}", c.weeks, money(c.money))
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
                "Adopt: +{}% research{track} after {} month(s) of integration.",
                def.speed_pct, def.integration_months
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
fn legacy_short(game: &Game, i: usize) -> String {
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

pub fn row_at(s: &Session, area: Rect, x: u16, y: u16) -> Option<usize> {
    let n = rows(s).len();
    let (list, _) = list_over_detail(area, n, 8);
    clicked_row(list, n, s.tech_sel, x, y)
}

pub fn render(s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let (list, detail) = list_over_detail(area, rows(s).len(), 8);
    let c = s.content();
    let g = &s.game;
    let inner = panel(
        &format!(
            "Tech: adopted +{}% speed, legacy drag -{}%",
            s.derived.tech_pct, s.derived.legacy_pct
        ),
        theme,
        list,
        buf,
    );
    let w = usize::from(inner.width);
    let (speed_w, adopt_w, lic_w, build_w) = (6, 7, 7, 11);
    // Name, vendor and status share what the numbers leave, the name first.
    let rest = w.saturating_sub(speed_w + adopt_w + lic_w + build_w);
    // Where there is room (from about 95 columns), never narrower than the longest legacy
    // system's name: a cut name reads as another system. At 80 columns the status keeps it.
    let legacy_w = if rest >= 60 {
        s.content()
            .legacy
            .iter()
            .map(|l| super::super::widgets::cols(&l.name) + 3)
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    let name_w = (rest * 2 / 5)
        .max(legacy_w)
        .clamp(20.min(rest), 34.min(rest));
    let vendor_w = ((rest - name_w) / 2).min(18);
    let status_w = rest - name_w - vendor_w;
    let head = format!(
        "{}{}{}{}{}{}{}",
        fit("  Tech", name_w),
        fit("from", vendor_w),
        right("speed", speed_w),
        right("adopt", adopt_w),
        right("/month", lic_w),
        right("build", build_w),
        fit("  you", status_w)
    );
    put(Line::styled(fit(&head, w), theme.dim()), inner, 0, buf);
    let rows = rows(s);
    let h = usize::from(inner.height.saturating_sub(1));
    let offset = window(rows.len(), s.tech_sel, h);
    for (line, (i, row)) in rows.iter().enumerate().skip(offset).take(h).enumerate() {
        let (text, tone) = match row {
            Row::Tech(t) => {
                let d = &c.techs[*t];
                let (mut status, tone) = tech_status(g, *t);
                if super::super::widgets::cols(&status) + 2 > status_w
                    && let Err(e) = g.check(&Command::Adopt(d.id.clone()))
                    && let Some(short) = super::refusal_short(g, &e)
                {
                    status = short;
                }
                let vendor = vendor_name(c, &d.vendor);
                (
                    format!(
                        "{}{}{}{}{}{}{}",
                        cell(&format!("  {}", d.name), name_w),
                        cell(vendor, vendor_w),
                        right(&format!("+{}%", d.speed_pct), speed_w),
                        right(&money(d.adopt_cost), adopt_w),
                        right(&money(g.state.techs[*t].licence_monthly), lic_w),
                        right(
                            &format!("{} {}mo", money(d.build_cost), d.build_months),
                            build_w
                        ),
                        fit(&format!("  {status}"), status_w)
                    ),
                    tone,
                )
            }
            Row::Legacy(l) => {
                let d = &c.legacy[*l];
                let (mut status, running) = legacy_status(g, *l);
                // Too long for the column ("running; adopt or build ..."): a word or two here,
                // the detail panel below gives the full reason.
                if super::super::widgets::cols(&status) + 2 > status_w {
                    status = legacy_short(g, *l);
                }
                (
                    format!(
                        "{}{}{}{}{}",
                        cell(&format!("⚙ {}", d.name), name_w),
                        cell("legacy", vendor_w),
                        right(&format!("-{}%", d.drag_pct), speed_w),
                        fit(
                            &format!("  retire {}", money(d.retire_cost)),
                            adopt_w + lic_w + build_w
                        ),
                        fit(&format!("  {status}"), status_w)
                    ),
                    if running { Tone::Bad } else { Tone::Good },
                )
            }
        };
        let style = if i == s.tech_sel {
            theme.selected()
        } else {
            super::super::widgets::tone_style(tone, theme)
        };
        put(
            Line::styled(fit(&text, w), style),
            inner,
            line as u16 + 1,
            buf,
        );
    }
    // The list cuts long names at 80 columns: the panel below names the row in full.
    let title = match rows.get(s.tech_sel) {
        Some(Row::Tech(t)) => format!("{} (Enter: choices, d: adopt)", c.techs[*t].name),
        Some(Row::Legacy(l)) => format!("{} (Enter: choices, d: retire)", c.legacy[*l].name),
        None => "Pros and cons".to_string(),
    };
    let inner = panel(&title, theme, detail, buf);
    let body = match rows.get(s.tech_sel) {
        Some(Row::Tech(t)) => {
            // The status column may be cut short: the detail gives the rules' full words.
            let mut body = pros_cons(c, &c.techs[*t], g.state.techs[*t].licence_monthly);
            let (now, tone) = tech_status(g, *t);
            body.insert(1, (format!("Now: {now}."), tone));
            body
        }
        Some(Row::Legacy(l)) => {
            // Same for a legacy system: its status in full ("running; adopt or build ... to
            // replace it") is cut in the list at 80 and 100 columns.
            let mut body = legacy_menu(g, *l).body;
            let (now, running) = legacy_status(g, *l);
            let tone = if running { Tone::Bad } else { Tone::Good };
            body.insert(1.min(body.len()), (format!("Now: {now}."), tone));
            body
        }
        None => Vec::new(),
    };
    toned_text(&body, 0, theme, inner, buf);
}
