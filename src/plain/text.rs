//! What plain mode prints: the state at the start of a month, the numbered choices, the month
//! report and the ending, as short lines of text. Every figure comes from the interface's own
//! helpers (the dashboard's figures, the month report, the score's parts), so plain mode and
//! the screens always say the same numbers.

use crate::front::explain::{Figure, hundredths_label, score_parts, speed_label};
use crate::front::figures::{ending_text, eta_label, figure_value};
use crate::front::report::REPORT_FIGURES;
use crate::front::session::{Session, news_text};
use crate::game::data::{Track, plural};
use crate::game::state::{NewsKind, PLAYER, ProjectKind};
use crate::game::units::money;
use crate::report::format::{apportion, month_of, progress_change};
use crate::text::width::cols;
use crate::tr;

use super::choices::{Amount, Choice, Hidden};

/// The figures as the state lists them, by the name `explain` accepts.
pub const FIGURES: [(&str, Figure); 14] = [
    ("budget", Figure::Budget),
    ("runway", Figure::Runway),
    ("weeks", Figure::Weeks),
    ("morale", Figure::Morale),
    ("risk", Figure::Risk),
    ("board", Figure::Board),
    ("progress", Figure::Progress),
    ("speed", Figure::Speed),
    ("deploy", Figure::Deploy),
    ("experiments", Figure::Experiments),
    ("talent", Figure::Talent),
    ("compute", Figure::Compute),
    ("legacy", Figure::Legacy),
    ("ecosystem", Figure::Ecosystem),
];

/// The state at the start of a month (or now): date, figures, the race, projects.
pub fn state(s: &Session) -> Vec<String> {
    let c = s.content();
    let st = &s.game.state;
    let mut out = vec![tr!(
        "plain-state-title",
        scenario = c.scenario.name.clone(),
        date = month_of(c, st.month, st.is_over())
    )];
    for (name, f) in FIGURES {
        let (value, note) = figure_value(s, f);
        // Morale, risk and board notes are bars: the value says it already.
        let note = match f {
            Figure::Morale | Figure::Risk | Figure::Board => String::new(),
            _ => format!(" ({note})"),
        };
        out.push(format!("{name}: {value}{note}"));
    }
    out.push(tr!("plain-race-heading"));
    let mut order: Vec<usize> = (0..st.labs.len()).collect();
    let seen = crate::game::intel::seen_all(st);
    order.sort_by_key(|&i| (std::cmp::Reverse(seen[i]), i));
    for (rank, i) in order.into_iter().enumerate() {
        let est = crate::game::intel::estimate(c, st, i as u8);
        let key = if i == usize::from(PLAYER) {
            "plain-race-row-you"
        } else {
            "plain-race-row"
        };
        let progress = if est.exact() {
            est.label()
        } else {
            tr!(
                "plain-race-estimate",
                progress = est.label(),
                range = est.range_label()
            )
        };
        let row = tr!(
            key,
            rank = rank + 1,
            lab = c.labs[i].short.clone(),
            progress = progress,
            eta = eta_label(s, i)
        );
        out.push(format!("  {row}"));
    }
    let p = st.player();
    let mut projects: Vec<String> = p
        .projects
        .iter()
        .map(|pr| {
            let what = match pr.kind {
                ProjectKind::Stage(i) => c
                    .stages
                    .get(usize::from(i))
                    .map_or("a pipeline stage".to_string(), |d| d.name.clone()),
                ProjectKind::Build(i) => c
                    .techs
                    .get(usize::from(i))
                    .map_or("an in-house build".to_string(), |d| {
                        format!("{} in-house", d.name)
                    }),
                ProjectKind::DataCentre(k) => format!("data centre of {k}k GPUs"),
                ProjectKind::Lease(k) => format!("lease of {k}k GPUs"),
            };
            format!(
                "{what} ({} left)",
                plural(u16::from(pr.months_left), "month")
            )
        })
        .collect();
    for a in p.tech.iter().filter(|a| a.integrating > 0) {
        if let Some(d) = c.techs.get(usize::from(a.tech)) {
            projects.push(format!(
                "integrating {} ({} left)",
                d.name,
                plural(u16::from(a.integrating), "month")
            ));
        }
    }
    if !projects.is_empty() {
        out.push(format!("under way: {}", projects.join("; ")));
    }
    out
}

/// One choice as a numbered line: the name to type, what it is, its cost and the rules'
/// verdict.
pub fn choice_line(n: usize, ch: &Choice) -> String {
    let cost = if ch.weeks == 0 && ch.money == 0 {
        "free".to_string()
    } else {
        format!(
            "{}, {}",
            plural(u16::from(ch.weeks), "week"),
            money(ch.money)
        )
    };
    let amount = match ch.amount {
        Amount::None => "",
        Amount::OfferPct { .. } => " [% of the ask]",
        Amount::Gpus { .. } => " [thousand GPUs]",
    };
    let verdict = match &ch.refusal {
        None => "ok".to_string(),
        Some(why) => format!("not now: {why}"),
    };
    format!("{n}. {}{amount}: {}; {cost}; {verdict}", ch.name, ch.label)
}

/// The numbered list; refusals that last (done, in use, not out yet) are counted in one line.
pub fn choices(s: &Session, list: &[Choice]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(p) = &s.game.state.pending {
        out.push(tr!("plain-event", title = p.title.clone()));
        out.push(p.text.clone());
        out.push(tr!("plain-answer-with"));
    } else {
        let p = s.game.state.player();
        out.push(tr!(
            "plain-choices-heading",
            weeks = p.weeks,
            budget = money(p.budget)
        ));
    }
    let (mut done, mut not_yet) = (0, 0);
    for (i, ch) in list.iter().enumerate() {
        match ch.hidden {
            Some(Hidden::Done) => done += 1,
            Some(Hidden::NotYet) => not_yet += 1,
            None => out.push(choice_line(i + 1, ch)),
        }
    }
    if done + not_yet > 0 {
        out.push(tr!("plain-not-listed", done = done, not_yet = not_yet));
    }
    out
}

/// The month report after `end`: the race, research by cause, what changed and why, news.
pub fn month_report(s: &Session) -> Vec<String> {
    let Some(r) = &s.report else {
        return Vec::new();
    };
    let c = s.content();
    let mut out = vec![tr!("plain-report-title", month = r.label.clone())];
    if let Some(e) = &r.ending {
        out.push(ending_text(s, e).0);
    }
    out.push(tr!("plain-report-race"));
    let mut order: Vec<usize> = (0..r.race.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(r.race[i].1), i));
    for i in order {
        let (b, a) = r.race[i];
        out.push(format!(
            "  {}: {} -> {} ({})",
            c.labs[i].short,
            b.display(),
            a.display(),
            progress_change(b, a)
        ));
    }
    out.push(format!(
        "Your research {} this month, by cause:",
        speed_label(r.speed.total)
    ));
    let parts = r.speed.parts();
    let shown = apportion(
        &parts.iter().map(|(_, v)| i64::from(*v)).collect::<Vec<_>>(),
        10,
    );
    for ((name, v), h) in parts.into_iter().zip(shown) {
        if v != 0 {
            out.push(format!("  {name} {}", hundredths_label(h)));
        }
    }
    let tracks: Vec<String> = Track::ALL
        .iter()
        .zip(r.tracks.iter().zip(r.event_gains.iter()))
        .map(|(t, ((b, a), ev))| {
            let events = if *ev != 0 {
                format!(" ({} from events)", speed_label(*ev))
            } else {
                String::new()
            };
            format!("{} {}{events}", t.name(), speed_label(a.0 - b.0))
        })
        .collect();
    out.push(format!(
        "  by track: {}; progress is (mean + weakest) / 2",
        tracks.join(", ")
    ));
    if !r.decisions.is_empty() {
        out.push(tr!(
            "plain-report-decisions",
            decisions = r.decisions.join("; ")
        ));
    }
    out.push(tr!("plain-report-changes"));
    for f in REPORT_FIGURES {
        let Some(ch) = r.change(f) else {
            continue;
        };
        // A figure that did not move and has no causes says nothing worth reading.
        if ch.before == ch.after && ch.causes.is_empty() {
            continue;
        }
        let causes: Vec<String> = ch
            .causes
            .iter()
            .map(|(why, d)| format!("{} {why}", f.signed(*d)))
            .collect();
        let why = if causes.is_empty() {
            String::new()
        } else {
            format!(": {}", causes.join("; "))
        };
        out.push(format!(
            "  {} {} -> {}{why}",
            f.name(),
            f.amount(ch.before),
            f.amount(ch.after)
        ));
    }
    if !r.news.is_empty() {
        out.push(tr!("plain-report-news"));
        let mine = r.news.iter().filter(|n| n.kind != NewsKind::Rival);
        let theirs = r.news.iter().filter(|n| n.kind == NewsKind::Rival);
        for n in mine.chain(theirs).filter(|n| !s.held_by_pause(n)) {
            out.push(format!("  {}", news_text(c, &s.game.state, n)));
        }
    }
    out
}

/// The ending and the score with its parts.
pub fn ending(s: &Session) -> Vec<String> {
    let Some(e) = &s.game.state.ending else {
        return Vec::new();
    };
    let mut out = vec![tr!("plain-game-over-title"), ending_text(s, e).0];
    let score = score_parts(s);
    out.push(score.title);
    out.extend(
        score
            .lines
            .into_iter()
            .map(|(t, _)| t)
            .filter(|t| !t.trim().is_empty())
            .map(|t| format!("  {t}")),
    );
    out.push(tr!("plain-debrief-hint"));
    out
}

/// The commands, for `help`.
pub fn help() -> Vec<String> {
    /// Each command as typed, and what it does (a key of each in the catalogue).
    const COMMANDS: [(&str, &str); 12] = [
        ("plain-help-cmd-number", "plain-help-number"),
        ("plain-help-cmd-name", "plain-help-name"),
        ("plain-help-cmd-list", "plain-help-list"),
        ("plain-help-cmd-state", "plain-help-state"),
        ("plain-help-cmd-explain-choice", "plain-help-explain-choice"),
        ("plain-help-cmd-explain-figure", "plain-help-explain-figure"),
        ("plain-help-cmd-suggest", "plain-help-suggest"),
        ("plain-help-cmd-do", "plain-help-do"),
        ("plain-help-cmd-end", "plain-help-end"),
        ("plain-help-cmd-save", "plain-help-save"),
        ("plain-help-cmd-help", "plain-help-help"),
        ("plain-help-cmd-quit", "plain-help-quit"),
    ];
    // The descriptions start in this screen column; a longer command pushes its own line's
    // description two columns past it.
    const COLUMN: usize = 15;
    let mut out = vec![tr!("plain-help-intro")];
    for (command, what) in COMMANDS {
        let command = tr!(command);
        let pad = (COLUMN - 2)
            .checked_sub(cols(&command))
            .filter(|p| *p > 0)
            .unwrap_or(2);
        for (i, line) in tr!(what).lines().enumerate() {
            if i == 0 {
                out.push(format!("  {command}{}{line}", " ".repeat(pad)));
            } else {
                out.push(format!("{}{line}", " ".repeat(COLUMN)));
            }
        }
    }
    out
}
