//! The teacher's pauses in the interface: a game stops at the start of a paused month, nothing
//! gets past the pause screen, and the teacher's code or new version of the scenario file
//! lets it on.

use crate::common;

use std::path::Path;
use std::sync::Arc;

use ai_race::content;
use ai_race::ui::app::App;
use ai_race::ui::{Session, Theme};
use common::{ch, end_month, press, render, session, top_layer};

use crossterm::event::KeyCode;

const LESSON: &str = "tests/scenarios/paused-lesson.ron";

fn lesson_app(file: Option<&Path>) -> App {
    let path = file.unwrap_or(Path::new(LESSON));
    let content = content::load_scenario_file(path, None).expect("the lesson loads");
    let mut s = Session::new(Arc::new(content), 20260101);
    s.scenario_file = file.map(Path::to_path_buf);
    App::with_session(Theme::new(false), (100, 30), s)
}

/// Ends months until the game stands paused (or `limit` months have passed).
fn play_to_pause(app: &mut App, limit: usize) {
    for _ in 0..limit {
        if top_layer(app) == Some("pause") {
            return;
        }
        end_month(app);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

#[test]
fn the_class_stops_at_the_start_of_a_paused_month_and_the_code_lets_it_on() {
    let mut app = lesson_app(None);
    play_to_pause(&mut app, 8);
    assert_eq!(top_layer(&app), Some("pause"));
    assert_eq!(
        session(&app).game.state.month,
        5,
        "the sixth month has begun"
    );
    let screen = render(&mut app, 100, 30);
    assert!(
        screen.contains("Your teacher paused the class at Jun 2026 (month 6)."),
        "{screen}"
    );

    // Keys that would play are typed into the code field instead; a wrong code is refused.
    type_text(&mut app, "nnq");
    press(&mut app, KeyCode::Enter);
    assert_eq!(top_layer(&app), Some("pause"));
    assert_eq!(session(&app).game.state.month, 5);
    assert!(render(&mut app, 100, 30).contains("is not the code for this pause"));

    let code = content::pause::code(session(&app).content(), 6);
    type_text(&mut app, &code.to_lowercase());
    press(&mut app, KeyCode::Enter);
    assert_ne!(top_layer(&app), Some("pause"));
    // The teacher's export ban was waiting under the pause; answering it, the game goes on.
    assert!(
        session(&app)
            .game
            .state
            .pending
            .as_ref()
            .is_some_and(|p| p.title == "From your teacher: Export ban on advanced chips")
    );
    common::settle(&mut app);
    end_month(&mut app);
    assert_eq!(session(&app).game.state.month, 6, "the sixth month is over");
}

#[test]
fn the_teachers_new_version_of_the_file_lets_the_class_on_and_another_world_does_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("week-5.ron");
    let text = std::fs::read_to_string(LESSON).expect("lesson");
    std::fs::write(&file, &text).expect("write");
    let mut app = lesson_app(Some(&file));
    play_to_pause(&mut app, 8);
    assert_eq!(top_layer(&app), Some("pause"));

    // Enter on an empty field reads the file again: unchanged, the class still waits.
    press(&mut app, KeyCode::Enter);
    assert_eq!(top_layer(&app), Some("pause"));
    assert!(render(&mut app, 100, 30).contains("still pauses the class at month 6"));

    // A file that changes the world is refused, whatever its pauses.
    let other = text
        .replace("pause_at: [6, 10]", "pause_at: [10]")
        .replace("Compute(-50)", "Compute(-5)");
    std::fs::write(&file, other).expect("write");
    press(&mut app, KeyCode::Enter);
    assert_eq!(top_layer(&app), Some("pause"));
    assert!(render(&mut app, 100, 30).contains("different world"));

    // The teacher's next version moves the pause on: the game goes on, and its save carries
    // the new pauses and still verifies.
    std::fs::write(&file, text.replace("pause_at: [6, 10]", "pause_at: [10]")).expect("write");
    press(&mut app, KeyCode::Enter);
    assert_ne!(top_layer(&app), Some("pause"));
    assert_eq!(session(&app).content().pause_at, [10]);
    let save = session(&app).save_text().expect("save");
    let verified = ai_race::save::load_text(&save).expect("verifies");
    assert_eq!(verified.play.game.content.pause_at, [10]);
}

#[test]
fn a_paused_game_loaded_from_its_save_is_still_paused_until_its_first_move() {
    let mut app = lesson_app(None);
    play_to_pause(&mut app, 8);
    let save = session(&app).save_text().expect("save");
    let verified = ai_race::save::load_text(&save).expect("verifies");
    let s = Session::from_save(&verified.play).expect("session");
    assert_eq!(s.paused_at(), Some(6));
    let mut s = s;
    let code = content::pause::code(s.content(), 6);
    assert_eq!(s.unlock(&code), Ok(6));
    assert_eq!(s.paused_at(), None);
}

#[test]
fn the_pause_screen_fits_the_smallest_terminal() {
    let mut app = lesson_app(None);
    play_to_pause(&mut app, 8);
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("Your teacher paused the class at Jun 2026"),
        "{screen}"
    );
    assert!(screen.contains("Code:"), "{screen}");
    assert!(screen.contains("Enter go on"), "{screen}");
}

fn ai_race(args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn scenario_code_prints_the_code_the_game_accepts() {
    let (ok, out, err) = ai_race(&["scenario", "code", LESSON]);
    assert!(ok, "{err}");
    let content = content::load_scenario_file(Path::new(LESSON), None).expect("lesson");
    let six = content::pause::code(&content, 6);
    let ten = content::pause::code(&content, 10);
    assert_eq!(
        out,
        format!("month 6 (Jun 2026): {six}\nmonth 10 (Oct 2026): {ten}\n")
    );
    let (ok, _, err) = ai_race(&["scenario", "code", LESSON, "--month", "13"]);
    assert!(!ok);
    assert!(err.contains("--month must be from 1 to 12"), "{err}");
}

#[test]
fn load_with_a_new_version_refuses_a_file_of_another_world_before_opening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = content::load_scenario_file(Path::new(LESSON), None).expect("lesson");
    let mut play = ai_race::save::Playthrough::new(Arc::new(content), 20260101);
    play.apply(&ai_race::game::Command::EndMonth)
        .expect("a month");
    let save = dir.path().join("ada.ron");
    std::fs::write(&save, play.to_text().expect("save")).expect("write");
    let text = std::fs::read_to_string(LESSON).expect("lesson");
    let other = dir.path().join("other.ron");
    std::fs::write(&other, text.replace("months: 12", "months: 11")).expect("write");
    let args = |scenario: &Path| {
        vec![
            "load".to_string(),
            save.display().to_string(),
            "--scenario".to_string(),
            scenario.display().to_string(),
        ]
    };
    let run = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        ai_race(&a)
    };
    let (ok, _, err) = run(args(&other));
    assert!(!ok);
    assert!(err.contains("different world"), "{err}");
    // The same world is taken; what stops it here is only the missing terminal.
    let moved = dir.path().join("moved.ron");
    std::fs::write(&moved, text.replace("pause_at: [6, 10]", "pause_at: [10]")).expect("write");
    let (ok, _, err) = run(args(&moved));
    assert!(!ok);
    assert!(
        !err.contains("different world") && err.contains("terminal"),
        "{err}"
    );
}
