//! The debrief in the currency of the race: each lever's part in months and in win chance is
//! its Shapley value over replays of every subset of levers, so the parts sum exactly, the
//! starting position belongs to the world (every game of it has the same one), and a lever
//! the win depended on gets the credit for it. Every game here is a real one, played by the
//! shipped scripts.

use std::sync::Arc;

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::game::{Command, Game};
use ai_race::report::Debrief;
use ai_race::report::counterfactual::Credit;

fn scripted(scenario: &str, policy: Policy, seed: u64) -> (Game, Vec<(u16, Command)>) {
    let content = Arc::new(content::load_builtin(scenario, None).expect("built-in scenario"));
    let (state, decisions) = play(&content, seed, policy);
    (Game { content, state }, decisions)
}

#[test]
fn every_game_of_a_world_has_the_same_starting_position() {
    // The old starting position kept each game's own answers to events: 50.8 in one game of
    // the classroom world, 55.7 in another.
    let content = content::load_builtin("classroom", None).expect("classroom");
    let seed = content.scenario.seed.unwrap_or(1);
    let credits: Vec<Credit> = [
        Policy::Balanced,
        Policy::Hoard,
        Policy::Random,
        Policy::TalentFirst,
        Policy::Reckless,
    ]
    .into_iter()
    .map(|p| {
        let (game, decisions) = scripted("classroom", p, seed);
        Credit::of_game(&game, &decisions)
    })
    .collect();
    for c in &credits {
        assert!(c.faithful);
        assert_eq!(c.baseline, credits[0].baseline);
        assert_eq!(
            c.chances.as_ref().map(|x| x.baseline),
            credits[0].chances.as_ref().map(|x| x.baseline)
        );
    }
    // And the games differ: this is not one game five times.
    assert!(credits.iter().any(|c| c.actual != credits[0].actual));
}

#[test]
fn a_lever_that_decided_the_win_gets_the_credit() {
    // Ada won, yet her debrief credited hiring with +0.0 although without the hires she lost.
    // In every won game, a lever without which (alone) the game is lost raised the win
    // chance; in the classroom world the largest win-chance credit is such a lever's. (Its
    // months may still be negative: a lever can win the race for this game and slow it on
    // average over the orders of the levers, and the debrief says both.)
    let classroom = content::load_builtin("classroom", None).expect("classroom");
    let world = classroom.scenario.seed.unwrap_or(1);
    let mut decided = 0;
    let mut in_classroom = 0;
    let games = Policy::ALL
        .iter()
        .map(|&p| ("classroom", p, world))
        .chain([Policy::Balanced, Policy::TalentFirst].map(|p| ("classroom", p, 1)))
        .chain((1..=2).map(|s| ("race-2025", Policy::TalentFirst, s)));
    for (scenario, policy, seed) in games {
        let (game, decisions) = scripted(scenario, policy, seed);
        if !game.state.ending.as_ref().is_some_and(|e| e.is_win()) {
            continue;
        }
        let credit = Credit::of_game(&game, &decisions);
        let deciders: Vec<_> = credit
            .levers
            .iter()
            .filter(|l| l.decisions > 0 && !l.without.ending.contains("win"))
            .collect();
        if deciders.is_empty() {
            continue;
        }
        decided += 1;
        for l in &deciders {
            assert!(
                l.wins > 0,
                "{scenario} {policy:?} {seed}: {} {} {}",
                l.name,
                l.months,
                l.wins
            );
        }
        if seed == world && scenario == "classroom" {
            in_classroom += 1;
            let rows = credit.rows();
            let top = rows.iter().max_by_key(|r| r.chance_points).expect("rows");
            assert!(
                deciders.iter().any(|l| l.name == top.label),
                "{policy:?}: {} {:?}",
                top.label,
                rows
            );
        }
    }
    assert!(decided >= 3, "too few won games to check: {decided}");
    assert!(in_classroom >= 2, "too few classroom wins: {in_classroom}");
}

#[test]
fn the_debrief_speaks_in_months_and_chances_with_no_leftover_line() {
    let (game, decisions) = scripted("classroom", Policy::Balanced, 1);
    let d = Debrief::from_game(&game, &decisions);
    for text in [d.to_markdown(), d.to_html()] {
        assert!(!text.contains("interaction"));
        assert!(text.contains("months sooner"));
        assert!(text.contains("Win chance"));
        assert!(text.contains("averaged over every order"), "{text}");
    }
}

/// The value of attribute `name` in the tag text `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(&tag[i..j])
}

#[test]
fn the_debrief_chart_names_each_line_at_its_own_end_and_no_label_touches_another() {
    // The chart labelled Meta's line at 100 "OpenAI" and put "Meta (you)" beside DeepMind.
    let mut checked = 0;
    for (scenario, policy) in [
        ("classroom", Policy::Balanced),
        ("classroom", Policy::TalentFirst),
        ("classroom", Policy::Hoard),
        ("race-2025", Policy::Balanced),
    ] {
        let (game, decisions) = scripted(scenario, policy, 2);
        let html = Debrief::from_game(&game, &decisions).to_html();
        let start = html
            .find("aria-label=\"Overall progress of every lab by month")
            .expect("the race chart");
        let svg = &html[start..start + html[start..].find("</svg>").expect("svg ends")];
        // Each line's last point, by its label.
        let mut ends = Vec::new();
        for tag in svg.split('<').filter(|t| t.starts_with("polyline")) {
            if let (Some(label), Some(points)) = (attr(tag, "data-label"), attr(tag, "points")) {
                let last = points.split(' ').next_back().expect("a point").to_string();
                ends.push((
                    label.to_string(),
                    last,
                    attr(tag, "stroke").map(str::to_string),
                ));
            }
        }
        assert_eq!(ends.len(), game.content.labs.len(), "{scenario}");
        // Each label group: its circle sits on the end of the line it names, in its colour.
        let mut label_ys = Vec::new();
        for group in svg.split("<g class=\"end\">").skip(1) {
            let circle = &group[group.find("<circle").expect("circle")..];
            let (cx, cy) = (attr(circle, "cx").unwrap(), attr(circle, "cy").unwrap());
            let text_tag = &group[group.find("<text").expect("text")..];
            let name =
                &text_tag[text_tag.find('>').unwrap() + 1..text_tag.find("</text>").unwrap()];
            let (_, last, colour) = ends
                .iter()
                .find(|(label, _, _)| label == name)
                .unwrap_or_else(|| panic!("{scenario}: no line named {name}"));
            assert_eq!(last, &format!("{cx},{cy}"), "{scenario}: {name}");
            assert_eq!(
                colour.as_deref(),
                attr(circle, "fill"),
                "{scenario}: {name}"
            );
            assert_eq!(
                colour.as_deref(),
                attr(text_tag, "fill"),
                "{scenario}: {name}"
            );
            label_ys.push(attr(text_tag, "y").unwrap().parse::<i64>().unwrap());
        }
        assert_eq!(label_ys.len(), ends.len(), "{scenario}");
        label_ys.sort_unstable();
        for pair in label_ys.windows(2) {
            // Labels are 15 px high: 20 apart never touch.
            assert!(pair[1] - pair[0] >= 20, "{scenario}: {label_ys:?}");
        }
        checked += 1;
    }
    assert_eq!(checked, 4);
}
