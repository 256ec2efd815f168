//! Saving and loading through the interface, by keys, into a temporary saves folder: `s` with
//! a typed name, the autosave at each month end, Continue on the title screen, the load screen
//! with a save that verifies and one that does not, and `ai-race load` refusing a bad file.

use crate::common;

use std::fs;
use std::path::Path;

use ai_race::save::{self, Store};
use ai_race::ui::Theme;
use ai_race::ui::app::{App, Screen};
use common::*;
use crossterm::event::KeyCode;

fn app_with_store(dir: &Path) -> App {
    let mut app = classroom_app(80, 24);
    app.set_store(Store::new(dir));
    app
}

fn title_with_store(dir: &Path) -> App {
    let mut app = App::with_random_seed(Theme::new(false), (80, 24), 3);
    app.set_store(Store::new(dir));
    app
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

/// Saves the current game by keys under `name`, replacing the offered name.
fn save_by_keys(app: &mut App, name: &str) {
    ch(app, 's');
    assert_eq!(top_layer(app), Some("save name"));
    for _ in 0..80 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, name);
    press(app, KeyCode::Enter);
}

#[test]
fn s_saves_under_a_typed_name_that_becomes_a_safe_file_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with_store(dir.path());
    end_month(&mut app);
    // Letters that are keys elsewhere (q quits, n ends the month) are typed into the name.
    save_by_keys(&mut app, "Quinn's ../run");
    assert_eq!(top_layer(&app), None, "{}", status(&app));
    assert!(status(&app).starts_with("Saved to"), "{}", status(&app));
    assert!(!app.quit);
    let path = dir.path().join("quinn-s-run.ron");
    let loaded = save::load_path(&path).expect("the save verifies");
    assert_eq!(loaded.play.game.hash(), session(&app).game.hash());
    let files: Vec<_> = fs::read_dir(dir.path()).expect("read").collect();
    // The month end's autosave and the named save, nothing else.
    assert_eq!(files.len(), 2, "{files:?}");
    // The next save offers the same name again.
    ch(&mut app, 's');
    render(&mut app, 80, 24);
    match app.layers.last() {
        Some(ai_race::ui::app::Layer::SaveName(n)) => assert_eq!(n.text, "Quinn's ../run"),
        _ => panic!("no name field"),
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(top_layer(&app), None);
}

#[test]
fn every_month_end_autosaves_and_keeps_the_last_five() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with_store(dir.path());
    for _ in 0..7 {
        end_month(&mut app);
    }
    let store = Store::new(dir.path());
    let months: Vec<u16> = store
        .autosave_paths()
        .iter()
        .map(|p| save::load_path(p).expect("verifies").summary().month)
        .collect();
    let now = session(&app).game.state.month;
    assert_eq!(months, (now - 4..=now).rev().collect::<Vec<_>>());
}

#[test]
fn continue_on_the_title_screen_opens_the_latest_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with_store(dir.path());
    end_month(&mut app);
    end_month(&mut app);
    save_by_keys(&mut app, "two months in");
    let hash = session(&app).game.hash();
    let ledger = session(&app).ledger.len();

    let mut title = title_with_store(dir.path());
    let text = render(&mut title, 80, 24);
    assert!(text.contains("Continue two-months-in"), "{text}");
    press(&mut title, KeyCode::Enter);
    assert!(
        matches!(title.screen, Screen::Game(_)),
        "{}",
        status(&title)
    );
    assert_eq!(session(&title).game.hash(), hash);
    // The game was played again here: the ledger and reports are back.
    assert_eq!(session(&title).ledger.len(), ledger);
    assert!(
        status(&title).starts_with("Loaded two-months-in"),
        "{}",
        status(&title)
    );
}

#[test]
fn the_load_screen_lists_saves_and_explains_one_that_cannot_be_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with_store(dir.path());
    end_month(&mut app);
    save_by_keys(&mut app, "good");
    let good = fs::read_to_string(dir.path().join("good.ron")).expect("read");
    let edited = good.replacen("score:", "score:9", 1);
    fs::write(dir.path().join("edited.ron"), edited).expect("write");
    fs::remove_file(&Store::new(dir.path()).autosave_paths()[0]).expect("remove");

    let mut title = title_with_store(dir.path());
    // Continue, New game, Load.
    press(&mut title, KeyCode::Down);
    press(&mut title, KeyCode::Down);
    press(&mut title, KeyCode::Enter);
    let text = render(&mut title, 80, 24);
    assert!(text.contains("edited"), "{text}");
    assert!(text.contains("✗ cannot be opened"), "{text}");
    assert!(text.contains("✓ verified"), "{text}");
    let folder = dir.path().display().to_string();
    insta::assert_snapshot!("load_screen_80x24", text.replace(&folder, "<saves>"));

    // The newest (edited) save is first: opening it says why it cannot be.
    press(&mut title, KeyCode::Enter);
    assert!(matches!(title.screen, Screen::Title(_)));
    let why = status(&title);
    assert!(
        why.contains("edited cannot be opened: it was changed after it was saved"),
        "{why}"
    );

    press(&mut title, KeyCode::Down);
    press(&mut title, KeyCode::Enter);
    assert!(
        matches!(title.screen, Screen::Game(_)),
        "{}",
        status(&title)
    );
    assert_eq!(session(&title).save_name.as_deref(), Some("good"));
}

/// A save whose balance block holds a number the rules cannot compute with (this one once
/// made the replay overflow), in a shared folder: every student's title, Continue and Load
/// screens go on, and the file is listed as one that cannot be opened.
#[test]
fn a_save_with_a_hostile_balance_is_listed_as_unreadable_and_never_crashes_a_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with_store(dir.path());
    end_month(&mut app);
    save_by_keys(&mut app, "good");
    let good = fs::read_to_string(dir.path().join("good.ron")).expect("read");
    let gap = good
        .find("licence_raise_gap:")
        .expect("the balance is in the save");
    let end = gap + good[gap..].find([',', ')']).expect("the field ends");
    let hostile = format!("{}licence_raise_gap: 65535{}", &good[..gap], &good[end..]);
    for f in fs::read_dir(dir.path()).expect("the folder").flatten() {
        if f.file_name().to_string_lossy().starts_with("autosave-") {
            fs::remove_file(f.path()).expect("remove");
        }
    }
    // Written last: it is the newest, what Continue opens.
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(dir.path().join("hostile.ron"), hostile).expect("write");

    let listed = Store::new(dir.path()).list();
    let bad = listed
        .iter()
        .find(|l| l.entry.name == "hostile")
        .expect("listed");
    let why = bad
        .verdict
        .as_ref()
        .expect_err("not a valid save")
        .to_string();
    assert!(
        why.contains("balance.actions.licence_raise_gap is 65535, it must be between 0 and"),
        "{why}"
    );

    let mut title = title_with_store(dir.path());
    let text = render(&mut title, 80, 24);
    assert!(text.contains("Continue hostile"), "{text}");
    press(&mut title, KeyCode::Enter);
    assert!(matches!(title.screen, Screen::Title(_)));
    assert!(
        status(&title).contains("hostile cannot be opened"),
        "{}",
        status(&title)
    );

    let mut title = title_with_store(dir.path());
    press(&mut title, KeyCode::Down);
    press(&mut title, KeyCode::Down);
    press(&mut title, KeyCode::Enter);
    let text = render(&mut title, 80, 24);
    assert!(text.contains("hostile"), "{text}");
    assert!(text.contains("✗ cannot be opened"), "{text}");
    press(&mut title, KeyCode::Enter);
    assert!(matches!(title.screen, Screen::Title(_)));
    press(&mut title, KeyCode::Down);
    press(&mut title, KeyCode::Enter);
    assert_eq!(session(&title).save_name.as_deref(), Some("good"));
}

#[test]
fn the_save_dialog_shows_where_the_game_goes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with_store(dir.path());
    fs::write(dir.path().join("friday-lesson.ron"), "an older save").expect("write");
    ch(&mut app, 's');
    for _ in 0..80 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Friday lesson");
    let folder = dir.path().display().to_string();
    let text = render(&mut app, 80, 24);
    assert!(
        text.contains(&format!("Replaces {folder}/friday-lesson.ron")),
        "{text}"
    );
    insta::assert_snapshot!("save_name_80x24", text.replace(&folder, "<saves>"));
    press(&mut app, KeyCode::Esc);
    let kept = fs::read_to_string(dir.path().join("friday-lesson.ron")).expect("read");
    assert_eq!(kept, "an older save", "Esc saves nothing");
}

#[test]
fn without_a_saves_folder_saving_is_refused_in_words() {
    let mut app = classroom_app(80, 24);
    ch(&mut app, 's');
    assert_eq!(top_layer(&app), None);
    assert!(status(&app).contains("Saving is off"), "{}", status(&app));
}

#[test]
fn random_keys_with_saving_on_never_panic_and_every_save_verifies() {
    use ai_race::game::rng::Pcg32;
    let keys = [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::Backspace,
        KeyCode::Char('s'),
        KeyCode::Char('s'),
        KeyCode::Char('n'),
        KeyCode::Char('y'),
        KeyCode::Char('q'),
        KeyCode::Char('x'),
        KeyCode::Char('/'),
        KeyCode::Char('.'),
        KeyCode::Char('3'),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Pcg32::new(4, 2);
    let mut app = title_with_store(dir.path());
    for i in 0..3_000 {
        press(&mut app, keys[rng.below(keys.len() as u32) as usize]);
        if i % 7 == 0 {
            let _ = render(&mut app, 80, 24);
        }
        if app.quit {
            app = title_with_store(dir.path());
        }
    }
    let listed = Store::new(dir.path()).list();
    assert!(!listed.is_empty(), "random play never saved");
    for l in listed {
        assert!(l.verdict.is_ok(), "{}: {:?}", l.entry.name, l.verdict);
    }
    // Only save files, all inside the folder.
    for f in fs::read_dir(dir.path()).expect("read") {
        let name = f.expect("entry").file_name();
        assert!(name.to_string_lossy().ends_with(".ron"), "{name:?}");
    }
}

#[test]
fn the_players_name_goes_into_saves_of_games_started_here() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = title_with_store(dir.path());
    app.player = Some("Ada Lovelace".into());
    // With no save yet, New game is the first item; then down to "Start the game".
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Game(_)), "{}", status(&app));
    save_by_keys(&mut app, "ada");
    let v = save::load_path(&dir.path().join("ada.ron")).expect("verifies");
    assert_eq!(v.play.record.player.as_deref(), Some("Ada Lovelace"));
}

#[test]
fn a_bad_player_name_is_refused_before_anything_opens() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(["--player", "Ada\u{1b}[2J", "verify", "nothing.ron"])
        .output()
        .expect("run ai-race");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        err.contains("--player must be 1 to 40 characters of plain text"),
        "{err}"
    );
}

#[test]
fn quitting_offers_to_save_first_and_quits_once_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Saving is off in this app until a store is set, so the month-end autosave does not
    // happen and the month's moves are unsaved when the player quits.
    let mut app = classroom_app(80, 24);
    end_month(&mut app);
    app.set_store(Store::new(dir.path()));
    ch(&mut app, 'q');
    assert_eq!(top_layer(&app), Some("confirm"));
    let text = render(&mut app, 80, 24);
    assert!(text.contains("s save first"), "{text}");
    ch(&mut app, 's');
    assert_eq!(top_layer(&app), Some("save name"));
    for _ in 0..80 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "before lunch");
    press(&mut app, KeyCode::Enter);
    assert!(dir.path().join("before-lunch.ron").is_file());
    assert!(app.quit, "{}", status(&app));
}

#[test]
fn saving_over_another_games_file_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = app_with_store(dir.path());
    end_month(&mut first);
    save_by_keys(&mut first, "shared");
    let before = fs::read_to_string(dir.path().join("shared.ron")).expect("read");

    let mut second = app_with_store(dir.path());
    end_month(&mut second);
    end_month(&mut second);
    save_by_keys(&mut second, "shared");
    assert_eq!(top_layer(&second), Some("confirm"), "{}", status(&second));
    ch(&mut second, 'n');
    let kept = fs::read_to_string(dir.path().join("shared.ron")).expect("read");
    assert_eq!(kept, before, "n keeps the other game's save");
    save_by_keys(&mut second, "shared");
    ch(&mut second, 'y');
    let replaced = fs::read_to_string(dir.path().join("shared.ron")).expect("read");
    assert_ne!(replaced, before);
    // Saving this game again under its own name does not ask.
    end_month(&mut second);
    save_by_keys(&mut second, "shared");
    assert_eq!(top_layer(&second), None, "{}", status(&second));
}

#[test]
fn the_load_screen_opens_a_save_typed_by_its_full_path() {
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let mut app = app_with_store(elsewhere.path());
    end_month(&mut app);
    save_by_keys(&mut app, "from a usb stick");
    let hash = session(&app).game.hash();
    let file = elsewhere.path().join("from-a-usb-stick.ron");
    assert!(file.is_file());

    // A title screen over another, empty saves folder.
    let home = tempfile::tempdir().expect("temp dir");
    let mut title = title_with_store(home.path());
    let text = render(&mut title, 80, 24);
    let load_row = text
        .lines()
        .position(|l| l.contains("Load a saved game"))
        .expect("load item");
    let continue_rows = text
        .lines()
        .take(load_row)
        .filter(|l| l.contains("New game") || l.contains("Continue"))
        .count();
    for _ in 0..continue_rows {
        press(&mut title, KeyCode::Down);
    }
    press(&mut title, KeyCode::Enter);
    let text = render(&mut title, 80, 24);
    assert!(text.contains("Open another file"), "{text}");
    press(&mut title, KeyCode::Enter);
    type_text(&mut title, file.to_str().expect("utf-8 path"));
    let text = render(&mut title, 80, 24);
    assert!(text.contains("Path:"), "{text}");
    press(&mut title, KeyCode::Enter);
    assert!(
        matches!(title.screen, Screen::Game(_)),
        "{}",
        status(&title)
    );
    assert_eq!(session(&title).game.hash(), hash);
}

/// Playtest: at the game's end `s` offered the name of a save made months earlier, and Enter
/// replaced that save. The end of a game now gets a fresh name with its last month.
#[test]
fn the_save_name_at_game_end_is_fresh_not_the_stale_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with_store(dir.path());
    end_month(&mut app);
    save_by_keys(&mut app, "Classroom sprint Jul 2026");
    for _ in 0..40 {
        if session(&app).game.is_over() {
            break;
        }
        end_month(&mut app);
    }
    assert!(session(&app).game.is_over());
    ch(&mut app, 's');
    let offered = match app.layers.last() {
        Some(ai_race::ui::app::Layer::SaveName(n)) => n.text.clone(),
        _ => panic!("no name field"),
    };
    assert_ne!(offered, "Classroom sprint Jul 2026");
    let s = session(&app);
    let last = s.game.state.date_label(s.content());
    assert!(
        offered.contains(&last) && offered.ends_with("final"),
        "{offered}"
    );
}
