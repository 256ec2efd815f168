//! Nothing important cut at 80 columns: refusal reasons in the status line and in a menu wrap
//! instead of ending in "…", and legacy rows say a word or two with the whole reason below.

use crate::common;

use ai_race::ui::screens::tech;
use ai_race::ui::session::Tab;
use common::*;
use crossterm::event::KeyCode;

/// The rows of the screen joined into one line of words, so wrapped text reads whole.
fn words(screen: &str) -> String {
    screen
        .lines()
        .flat_map(|l| l.split(|c: char| c == '│' || c.is_whitespace()))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn legacy_row(app: &ai_race::ui::app::App) -> usize {
    tech::rows(session(app))
        .iter()
        .position(|r| matches!(r, tech::Row::Legacy(_)))
        .expect("the player runs legacy systems")
}

/// Playtest: "✗ not enough weeks left: this needs…" — the status line cut the reason.
#[test]
fn a_long_refusal_in_the_status_line_wraps_instead_of_being_cut() {
    let mut app = classroom_app(80, 24);
    go_to(&mut app, Tab::Tech);
    for _ in 0..legacy_row(&app) {
        press(&mut app, KeyCode::Down);
    }
    ch(&mut app, 'd');
    let status = app.status.clone().expect("a refusal").text;
    assert!(status.starts_with('✗') && status.len() > 80, "{status}");
    let screen = render(&mut app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let bottom = lines[lines.len() - 4..lines.len() - 1].join(" ");
    assert!(!bottom.contains('…'), "{screen}");
    let said = status.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words(&screen).contains(&said), "{said}\n{screen}");
    insta::assert_snapshot!("refusal_status_80x24", screen);
    insta::assert_snapshot!("refusal_status_160x50", render(&mut app, 160, 50));
}

/// Playtest: "one adoption a…" — a refused option's reason was cut in the menu.
#[test]
fn a_refused_option_in_a_menu_shows_its_whole_reason() {
    let mut app = classroom_app(80, 24);
    go_to(&mut app, Tab::Tech);
    ch(&mut app, 'd');
    assert_eq!(
        session(&app).record.decisions().len(),
        1,
        "{:?}",
        app.status
    );
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(top_layer(&app), Some("menu"));
    let screen = render(&mut app, 80, 24);
    let refusal = match app.layers.last() {
        Some(ai_race::ui::app::Layer::Menu(m)) => m.options[0]
            .refusal
            .clone()
            .expect("one adoption at a time"),
        _ => unreachable!(),
    };
    let said = refusal.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words(&screen).contains(&said), "{said}\n{screen}");
    insta::assert_snapshot!("refused_menu_80x24", screen);
    insta::assert_snapshot!("refused_menu_160x50", render(&mut app, 160, 50));
}

/// Playtest: legacy rows ended "running; adopt or bu…" at 80, 100 and 160 columns.
#[test]
fn legacy_rows_are_not_cut_at_any_width() {
    let mut app = classroom_app(80, 24);
    go_to(&mut app, Tab::Tech);
    for (w, h) in [(80, 24), (100, 30), (160, 50)] {
        let screen = render(&mut app, w, h);
        for line in screen.lines().filter(|l| l.contains('⚙')) {
            assert!(!line.contains('…'), "{w}x{h}: {line}");
        }
    }
}
