//! World codes as a player and a teacher use them: `ai-race new --code CODE` starts exactly
//! the world a code names (or says what is wrong with the code), and the class report shows
//! each world's code.

use std::process::Command;

use ai_race::content;
use ai_race::content::code;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The code of the teacher's scenario in tests/scenarios/valid.ron.
fn custom_code() -> String {
    let text = std::fs::read_to_string("tests/scenarios/valid.ron").expect("read");
    let content =
        content::load_scenario_file_text("valid.ron", &text, None).expect("a valid scenario");
    let seed = content.scenario.seed.expect("locked seed");
    code::for_game(&content, seed).encode()
}

#[test]
fn a_good_code_passes_and_the_game_then_asks_for_a_terminal() {
    let (code, _, err) = run(&["new", "--code", "class-n-ka985x"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("needs a terminal"),
        "the code was accepted: {err}"
    );
}

#[test]
fn a_mistyped_code_is_caught_with_a_way_to_fix_it() {
    let (code, _, err) = run(&["new", "--code", "CLASS-N-KA958X"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("does not check out"), "{err}");
    let (code, _, err) = run(&["new", "--code", "CLASS-N-KA985X", "--seed", "3"]);
    assert_eq!(code, Some(2), "a code and a seed are one too many: {err}");
}

#[test]
fn a_custom_scenarios_code_names_the_file_it_needs() {
    let custom = custom_code();
    assert!(custom.starts_with('X'), "{custom}");
    let (code, _, err) = run(&["new", "--code", &custom]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("this code is for a custom scenario (fingerprint")
            && err.contains("--scenario FILE"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "new",
        "--code",
        &custom,
        "--scenario",
        "tests/scenarios/valid.ron",
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("needs a terminal"), "the file matched: {err}");
    let (code, _, err) = run(&["new", "--code", &custom, "--scenario", "classroom"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("this code is for a custom scenario"), "{err}");
    let tmp = tempfile::tempdir().expect("temp");
    let edited = tmp.path().join("week-3.ron");
    let text = std::fs::read_to_string("tests/scenarios/valid.ron").expect("read");
    std::fs::write(&edited, text.replace("budget: 12000", "budget: 13000")).expect("write");
    let (code, _, err) = run(&[
        "new",
        "--code",
        &custom,
        "--scenario",
        edited.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("is not the scenario of this code"), "{err}");
}

#[test]
fn the_class_report_shows_each_worlds_code() {
    let tmp = tempfile::tempdir().expect("temp");
    let dir = tmp.path().join("class");
    let dir = dir.to_str().expect("utf-8");
    let (code, _, err) = run(&[
        "sim",
        "--scenario",
        "classroom",
        "--policy",
        "balanced",
        "--games",
        "1",
        "--save-dir",
        dir,
    ]);
    assert_eq!(code, Some(0), "{err}");
    let (_, report, _) = run(&["report", dir]);
    assert!(report.contains("code CLASS-N-KA985X"), "{report}");
}

mod title {
    use ai_race::ui::Theme;
    use ai_race::ui::app::{App, Screen};
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    fn press(app: &mut App, code: KeyCode) {
        app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    /// New game, down to the world code row, the code typed, Enter.
    fn type_code(code: &str) -> App {
        let mut app = App::new(Theme::new(false), (80, 24));
        press(&mut app, KeyCode::Enter);
        for _ in 0..3 {
            press(&mut app, KeyCode::Down);
        }
        for c in code.chars() {
            press(&mut app, KeyCode::Char(c));
        }
        press(&mut app, KeyCode::Enter);
        app
    }

    #[test]
    fn a_code_typed_on_the_title_screen_starts_its_world() {
        // Letters that are keys elsewhere (q quits, h helps) go into the code.
        let app = type_code("class-n-ka985x");
        let Screen::Game(s) = &app.screen else {
            panic!("the game did not start");
        };
        assert_eq!(s.content().scenario.id, "classroom");
        assert_eq!(s.game.state.seed, 20_260_101);
        assert_eq!(s.world_code, "CLASS-N-KA985X");
        assert!(!app.quit);
    }

    #[test]
    fn a_mistyped_code_on_the_title_screen_starts_nothing() {
        let app = type_code("qlass-n-ka985x");
        assert!(matches!(app.screen, Screen::Title(_)), "no game started");
        assert!(!app.quit, "q went into the code, not to quit");
    }
}
