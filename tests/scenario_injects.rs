//! The teacher's injects: events written into a scenario file that fire at a month or when a
//! condition holds, once, at the same point on every replay; and the check that names a bad
//! inject at its line and column.

use std::sync::Arc;

use ai_race::content;
use ai_race::game::data::Content;
use ai_race::game::{Command, Game};
use ai_race::save::{Playthrough, load_text};

/// The classroom world with an export ban at month 6 (two choices) and a news-only inject
/// once a rival reaches `rival_at` points; pauses at 6 and 10.
fn lesson(rival_at: u32) -> String {
    format!(
        r#"(
    id: "week-5",
    name: "Week 5: export controls",
    description: "12 months, fixed seed, an export ban in month 6.",
    start_year: 2026,
    start_month: 1,
    months: 12,
    seed: 20260101,
    difficulty: "normal",
    locked: true,
    progress_offset: 40,
    project_months_pct: 50,
    lab_changes: [
        (lab: "meta", budget: 16000, monthly_income: 3000, tracks: (90, 86, 88)),
    ],
    injects: [
        (
            id: "export-ban",
            at: Month(6),
            title: "Export ban on advanced chips",
            text: "The newest GPUs may no longer be sold abroad; cloud partners ration the rest.",
            effects: [Compute(-50)],
            choices: [
                (label: "Lobby in Washington", effects: [Budget(-500), Board(-3)]),
                (label: "Accept it and optimise", effects: [Morale(-3)]),
            ],
        ),
        (
            id: "rival-close",
            when: RivalProgressAtLeast({rival_at}),
            title: "A rival is close",
            text: "Analysts say a rival lab is months away from superintelligence.",
            effects: [Board(-2)],
        ),
    ],
    pause_at: [6, 10],
)
"#
    )
}

fn load(text: &str) -> Arc<Content> {
    Arc::new(content::load_scenario_file_text("week-5.ron", text, None).expect("a sound file"))
}

/// Plays the whole campaign ending every month at once and answering every question with its
/// last option; returns the playthrough and, per month-end, the titles of questions opened.
fn play_through(content: Arc<Content>) -> (Playthrough, Vec<(u16, String)>) {
    let mut play = Playthrough::new(content, 20260101);
    let mut asked = Vec::new();
    while !play.game.is_over() {
        if let Some(p) = &play.game.state.pending {
            let last = (p.options.len() - 1) as u8;
            play.apply(&Command::Choose(last)).expect("an answer");
            continue;
        }
        play.apply(&Command::EndMonth).expect("a month end");
        if let Some(p) = &play.game.state.pending {
            asked.push((play.game.state.month, p.title.clone()));
        }
    }
    (play, asked)
}

fn inject_index(content: &Content, id: &str) -> u16 {
    content
        .events
        .iter()
        .position(|e| e.id == id)
        .expect("the inject's event") as u16
}

#[test]
fn an_inject_at_month_6_asks_its_question_at_the_start_of_month_6_once() {
    let content = load(&lesson(100));
    let ban = inject_index(&content, "export-ban");
    let (play, asked) = play_through(content);
    let shown: Vec<&(u16, String)> = asked.iter().filter(|(_, t)| t.contains("Export")).collect();
    // Month 5 (0-based) is the sixth turn: the question is open when it starts.
    assert_eq!(
        shown,
        [&(
            5,
            "From your teacher: Export ban on advanced chips".to_string()
        )],
        "asked: {asked:?}"
    );
    let fired: Vec<_> = play
        .game
        .state
        .fired
        .iter()
        .filter(|f| f.event == ban)
        .collect();
    assert_eq!(fired.len(), 1, "an inject fires once");
    assert!(
        play.game.state.timeline.iter().any(|t| t
            .text(&play.game.content, &play.game.state)
            .contains("Export ban on advanced chips: Accept it")),
        "the student's answer is on the timeline"
    );
}

#[test]
fn a_condition_inject_fires_the_month_the_condition_first_holds_and_never_again() {
    let probe = load(&lesson(100));
    let (plain, _) = play_through(probe);
    // The first month-end at which some rival stood at 60 or more, in a game where the inject
    // never fires (the threshold 100 is the finish line).
    let first = plain
        .game
        .state
        .history
        .iter()
        .find(|r| r.progress.iter().skip(1).any(|p| p.points() >= 60))
        .expect("a rival passes 60 in the classroom world")
        .month;
    let content = load(&lesson(60));
    let close = inject_index(&content, "rival-close");
    let (play, _) = play_through(content);
    let fired: Vec<_> = play
        .game
        .state
        .fired
        .iter()
        .filter(|f| f.event == close)
        .collect();
    assert_eq!(fired.len(), 1, "fired once though the condition held on");
    assert_eq!(fired[0].month, first);
    assert!(
        play.game.state.timeline.iter().any(|t| t.month == first
            && t.text(&play.game.content, &play.game.state)
                == "From your teacher: A rival is close"),
        "the timeline says it is the teacher's"
    );
}

#[test]
fn a_game_with_injects_saves_and_verifies_by_replay() {
    let (play, _) = play_through(load(&lesson(60)));
    let text = play.to_text().expect("a save");
    let verified = load_text(&text).expect("the save verifies");
    assert_eq!(verified.play.game.hash(), play.game.hash());
    assert_eq!(verified.play.game.content.injects.len(), 2);
}

#[test]
fn injects_and_pauses_change_nothing_until_they_are_due() {
    // Up to the end of month 4 the world with injects plays exactly like the classroom
    // world without them (same seed, same decisions): the hook draws no dice.
    let text = lesson(100);
    let with = load(&text);
    let start = text.find("    injects:").expect("injects");
    let end = text.find("    pause_at").expect("pauses");
    let mut without_text = text.clone();
    without_text.replace_range(start..end, "");
    let without = load(&without_text);
    let mut a = Game::new(with, 1);
    let mut b = Game::new(without, 1);
    while a.state.month < 4 {
        let next = if a.state.pending.is_some() {
            Command::Choose(0)
        } else {
            Command::EndMonth
        };
        a.apply(&next).expect("a legal move");
        b.apply(&next).expect("a legal move");
        assert_eq!(a.state, b.state);
    }
}

#[test]
fn pauses_do_not_change_the_scenario_fingerprint_but_injects_do() {
    let text = lesson(100);
    let moved = text.replace("pause_at: [6, 10]", "pause_at: [10]");
    let a = load(&text);
    let b = load(&moved);
    assert_eq!(content::fingerprint(&a), content::fingerprint(&b));
    let other = load(&text.replace("Compute(-50)", "Compute(-40)"));
    assert_ne!(content::fingerprint(&a), content::fingerprint(&other));
}

#[test]
fn scenario_check_names_a_bad_inject_at_its_line_and_column() {
    let text = lesson(80)
        .replace("at: Month(6)", "at: Month(15)")
        .replace("Compute(-50)", "Compute(-50000)")
        .replace("pause_at: [6, 10]", "pause_at: [6, 0]");
    let err = content::load_scenario_file_text("week-5.ron", &text, None).expect_err("bad");
    let shown: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    let at = |needle: &str| {
        let (line, col) = content::locate(&text, needle);
        format!("week-5.ron line {line}, column {col}: ")
    };
    assert!(
        shown[0].starts_with(&at("Month(15)")) && shown[0].contains("from 2 to 12"),
        "{shown:?}"
    );
    assert!(shown[1].starts_with(&at("[Compute(-50000)]")), "{shown:?}");
    assert!(
        shown[2].starts_with(&at("0]")) && shown[2].contains("pause"),
        "{shown:?}"
    );

    let unknown = lesson(80).replace("RivalProgressAtLeast", "RivalAhead");
    let err = content::load_scenario_file_text("week-5.ron", &unknown, None).expect_err("bad");
    let first = err.problems[0].to_string();
    let (line, col) = content::locate(&unknown, "RivalAhead");
    assert!(
        first.starts_with(&format!("week-5.ron line {line}, column {col}: "))
            && first.contains("RivalProgressAtLeast"),
        "{first}"
    );

    let bare = lesson(80).replace("at: Month(6)", "at: 6");
    let err = content::load_scenario_file_text("week-5.ron", &bare, None).expect_err("bad");
    let (line, col) = content::locate(&bare, "6,\n            title");
    assert_eq!(
        err.problems[0].to_string(),
        format!(
            "week-5.ron line {line}, column {col}: 'at' must be a month written like Month(6) \
             (1 = the first turn); found the number 6"
        )
    );

    let untitled = lesson(80).replace("title: \"A rival is close\",", "");
    let err = content::load_scenario_file_text("week-5.ron", &untitled, None).expect_err("bad");
    assert_eq!(err.problems.len(), 1, "said once: {err}");
    assert!(
        err.problems[0]
            .message
            .contains("missing the field 'title'"),
        "{err}"
    );

    let both = lesson(80).replace("at: Month(6),", "at: Month(6), when: RiskAbove(50),");
    let err = content::load_scenario_file_text("week-5.ron", &both, None).expect_err("bad");
    assert!(
        err.problems[0].message.contains("exactly one of 'at'"),
        "{err}"
    );
}

#[test]
fn a_compute_effect_counted_in_single_gpus_is_refused_with_the_unit() {
    let text = lesson(80).replace("Compute(-50)", "Compute(-5000)");
    let err = content::load_scenario_file_text("week-5.ron", &text, None).expect_err("refused");
    let (line, col) = content::locate(&text, "[Compute(-5000)]");
    let first = err.problems[0].to_string();
    assert!(
        first.starts_with(&format!("week-5.ron line {line}, column {col}: "))
            && first.contains("thousands of GPUs"),
        "{first}"
    );
    // A real export ban's size passes.
    let fine = lesson(80).replace("Compute(-50)", "Compute(-500)");
    content::load_scenario_file_text("week-5.ron", &fine, None).expect("passes");
}

#[test]
fn the_teachers_guide_example_with_an_inject_and_a_pause_passes_the_check() {
    let guide = std::fs::read_to_string("TEACHING.md").expect("TEACHING.md");
    let after = guide
        .split("A lesson file with an inject and a pause")
        .nth(1)
        .expect("the example in TEACHING.md");
    let file = after
        .split("```\n")
        .nth(1)
        .expect("the example's code block");
    let content = content::load_scenario_file_text("week-5.ron", file, None)
        .unwrap_or_else(|e| panic!("{e}\n{file}"));
    assert_eq!(content.injects.len(), 2);
    assert_eq!(content.pause_at, [6]);
}
