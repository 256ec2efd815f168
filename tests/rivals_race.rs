//! Rivals play the race, not only the player: whoever runs away with it (the player or a rival)
//! is answered by the others, and every answer says in the news why.

use ai_race::content;
use ai_race::game::state::{Adoption, GameState, NewsKind};
use ai_race::game::units::Progress;
use ai_race::game::{Command, Content, PLAYER, init, rules};

const OPENAI: u8 = 1;
const ANTHROPIC: u8 = 3;
const DEEPSEEK: u8 = 5;

/// The 2025 race with every reaction to a leader certain, so one month shows them all.
fn eager_rivals() -> Content {
    let mut c = content::load_builtin("race-2025", Some("normal")).expect("built-in scenario");
    let r = &mut c.balance.rivals;
    r.poach_cooldown = 0;
    r.leader.cut_permille = 1000;
    r.leader.poach_permille = 1000;
    r.leader.release_permille = 1000;
    c
}

fn set_progress(state: &mut GameState, lab: u8, points: u32) {
    state.labs[usize::from(lab)].tracks = [Progress::from_points(points); 3];
}

/// A licence the lab uses, of the catalogue tech `id`.
fn license(content: &Content, state: &mut GameState, lab: u8, id: &str) -> String {
    let t = content.techs.iter().position(|t| t.id == id).expect("tech");
    state.labs[usize::from(lab)].tech.push(Adoption {
        tech: t as u16,
        integrating: 0,
        in_house: false,
    });
    content.techs[t].name.clone()
}

/// News of this month from `lab` (a rival's move).
fn news_of(content: &Content, state: &GameState, lab: u8) -> Vec<String> {
    state
        .news
        .iter()
        .filter(|n| n.lab == Some(lab) && n.kind == NewsKind::Rival)
        .map(|n| n.text(content, state))
        .collect()
}

/// Every line of the feed, as the player reads it.
fn all_news(content: &Content, state: &GameState) -> Vec<String> {
    state.news.iter().map(|n| n.text(content, state)).collect()
}

#[test]
fn a_rival_that_runs_away_is_cut_off_poached_and_commoditised_with_the_reason_in_the_news() {
    let content = eager_rivals();
    let mut state = init::new_game(&content, 7);
    for lab in 0..state.labs.len() as u8 {
        set_progress(&mut state, lab, 30);
    }
    set_progress(&mut state, ANTHROPIC, 60);
    set_progress(&mut state, DEEPSEEK, 18);
    let evals = license(&content, &mut state, ANTHROPIC, "openai-evals");
    rules::apply(&content, &mut state, PLAYER, &Command::EndMonth).expect("month ends");

    let why = "because Anthropic leads the race by";
    let openai = news_of(&content, &state, OPENAI);
    assert!(
        openai.iter().any(
            |t| t.starts_with(&format!("cut off Anthropic's licence of {evals}"))
                && t.contains(why)
                && t.contains("build it in-house")
        ),
        "OpenAI should cut Anthropic's licence, saying why: {openai:#?}"
    );
    let poached: Vec<String> = (1..state.labs.len() as u8)
        .flat_map(|l| news_of(&content, &state, l))
        .filter(|t| t.starts_with("went after Anthropic's best person") && t.contains(why))
        .collect();
    assert!(!poached.is_empty(), "someone goes after Anthropic's best");
    let deepseek = news_of(&content, &state, DEEPSEEK);
    assert!(
        deepseek.iter().any(|t| t
            .starts_with("open-released its model to commoditise Anthropic's edge")
            && t.contains(why)),
        "DeepSeek, far behind, answers with an open release: {deepseek:#?}"
    );
    // Nothing was aimed at the player, who does not lead.
    assert!(
        !all_news(&content, &state)
            .iter()
            .any(|t| t.contains("you lead the race")),
        "no reaction names the player"
    );
}

#[test]
fn a_player_who_runs_away_loses_a_licence_and_is_told_what_to_do() {
    let content = eager_rivals();
    let mut state = init::new_game(&content, 7);
    for lab in 0..state.labs.len() as u8 {
        set_progress(&mut state, lab, 30);
    }
    set_progress(&mut state, PLAYER, 50);
    let evals = license(&content, &mut state, PLAYER, "openai-evals");
    rules::apply(&content, &mut state, PLAYER, &Command::EndMonth).expect("month ends");

    let openai = news_of(&content, &state, OPENAI);
    let cut = openai
        .iter()
        .find(|t| t.starts_with(&format!("cut off your licence of {evals}")))
        .unwrap_or_else(|| panic!("OpenAI cuts the player's licence: {openai:#?}"));
    assert!(cut.contains("because you lead the race by "), "{cut}");
    assert!(cut.contains("you lose its +"), "{cut}");
    assert!(cut.contains("build it in-house"), "{cut}");
    // And the rules agree: the tech cannot be licensed again while the cut lasts.
    let again = rules::check(
        &content,
        &state,
        PLAYER,
        &Command::Adopt("openai-evals".into()),
    );
    assert!(again.is_err(), "adopting a cut-off tech is refused");
}

#[test]
fn nobody_reacts_when_the_race_is_close() {
    let content = eager_rivals();
    let mut state = init::new_game(&content, 7);
    for lab in 0..state.labs.len() as u8 {
        set_progress(&mut state, lab, 30);
    }
    license(&content, &mut state, PLAYER, "openai-evals");
    rules::apply(&content, &mut state, PLAYER, &Command::EndMonth).expect("month ends");
    assert!(
        !all_news(&content, &state)
            .iter()
            .any(|t| t.contains("leads the race by") || t.contains("lead the race by")),
        "a level race draws no reaction to a leader"
    );
}
