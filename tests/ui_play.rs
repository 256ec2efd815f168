//! The interface driven like a player: a whole classroom campaign by keys to its debrief,
//! thousands of random keys that must never panic, and tiny terminals.

use crate::common;

use ai_race::game::rng::Pcg32;
use ai_race::ui::Theme;
use ai_race::ui::app::{App, Screen};
use ai_race::ui::session::Tab;
use common::*;
use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

#[test]
fn a_whole_classroom_campaign_by_keys_reaches_the_debrief() {
    let mut app = App::with_random_seed(Theme::new(true), (80, 24), 5);
    // Title: New game, pick the classroom scenario, start.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Right);
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(session(&app).content().scenario.id, "classroom");
    assert_eq!(session(&app).game.state.seed, 20260101);
    let months = session(&app).content().scenario.months;
    let mut ended = 0;
    while !session(&app).game.is_over() {
        assert!(ended <= months, "the campaign did not end");
        let month = session(&app).game.state.month;
        match month % 3 {
            // Hire at the ask.
            0 => {
                go_to(&mut app, Tab::Talent);
                press(&mut app, KeyCode::Enter);
                assert_eq!(top_layer(&app), Some("amount"));
                press(&mut app, KeyCode::Enter);
            }
            // Start the first pipeline stage the rules allow.
            1 => {
                go_to(&mut app, Tab::Pipeline);
                for _ in 0..6 {
                    press(&mut app, KeyCode::Enter);
                    if top_layer(&app) == Some("menu") {
                        press(&mut app, KeyCode::Enter);
                    }
                    if top_layer(&app) == Some("menu") {
                        press(&mut app, KeyCode::Esc);
                        press(&mut app, KeyCode::Down);
                    } else {
                        break;
                    }
                }
            }
            // Adopt the selected tech.
            _ => {
                go_to(&mut app, Tab::Tech);
                press(&mut app, KeyCode::Down);
                press(&mut app, KeyCode::Enter);
                press(&mut app, KeyCode::Enter);
                settle(&mut app);
            }
        }
        settle(&mut app);
        go_to(&mut app, Tab::Dashboard);
        let _ = render(&mut app, 80, 24);
        end_month(&mut app);
        ended += 1;
    }
    assert_eq!(tab(&app), Some(Tab::Debrief));
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Score"), "{screen}");
    assert!(screen.contains("Your key decisions"), "{screen}");
    assert!(!session(&app).game.state.timeline.is_empty());
    // Enter on the debrief goes back to the title for a new game.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Title(_)));
}

#[test]
fn five_thousand_random_keys_never_panic() {
    let keys = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Char('h'),
        KeyCode::Char('j'),
        KeyCode::Char('k'),
        KeyCode::Char('l'),
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Char('?'),
        KeyCode::Char('n'),
        KeyCode::Char('y'),
        KeyCode::Char('y'),
        KeyCode::Char('e'),
        KeyCode::Char('q'),
        KeyCode::Char('3'),
        KeyCode::Char('0'),
        KeyCode::Backspace,
        KeyCode::Char('x'),
        KeyCode::F(1),
        KeyCode::PageDown,
    ];
    let sizes = [(80, 24), (120, 40), (200, 50), (20, 5), (1, 1), (79, 23)];
    let mut rng = Pcg32::new(2026, 7);
    let mut app = App::with_random_seed(Theme::new(true), (80, 24), 11);
    let mut size = (80u16, 24u16);
    let mut quits = 0;
    for i in 0..5_000 {
        let roll = rng.below(100);
        if roll < 3 {
            size = sizes[rng.below(sizes.len() as u32) as usize];
            app.handle(Event::Resize(size.0, size.1));
        } else if roll < 8 {
            let x = rng.below(u32::from(size.0)) as u16;
            let y = rng.below(u32::from(size.1)) as u16;
            app.handle(Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: x,
                row: y,
                modifiers: KeyModifiers::NONE,
            }));
        } else {
            press(&mut app, keys[rng.below(keys.len() as u32) as usize]);
        }
        if i % 5 == 0 {
            let _ = render(&mut app, size.0, size.1);
        }
        if app.quit {
            quits += 1;
            app = App::with_random_seed(Theme::new(quits % 2 == 0), size, 11 + quits);
        }
    }
}

#[test]
fn tiny_terminals_do_not_panic_on_any_screen() {
    let mut app = classroom_app(80, 24);
    for tab in Tab::PLAYING {
        go_to(&mut app, tab);
        for (w, h) in [(20, 5), (1, 1), (0, 0), (80, 24)] {
            let text = render(&mut app, w, h);
            if w >= 20 {
                assert!(!text.is_empty());
            }
        }
    }
    let text = render(&mut app, 20, 5);
    assert!(text.contains("enlarge"), "{text}");
    // Keys are ignored while too small (except q), and the game recovers on resize.
    ch(&mut app, 'n');
    let text = render(&mut app, 80, 24);
    assert!(
        text.contains("Dashboard") || text.contains("Rivals"),
        "{text}"
    );
}

#[test]
fn ctrl_c_quits_at_once_and_q_asks_first() {
    let mut app = classroom_app(80, 24);
    ch(&mut app, 'q');
    assert_eq!(top_layer(&app), Some("confirm"));
    ch(&mut app, 'n');
    assert!(!app.quit);
    ch(&mut app, 'q');
    ch(&mut app, 'y');
    assert!(app.quit);
    let mut app = classroom_app(80, 24);
    press(&mut app, KeyCode::Tab);
    ctrl_c(&mut app);
    assert!(app.quit);
}

#[test]
fn ending_a_month_with_weeks_left_asks_and_no_keeps_the_month() {
    let mut app = classroom_app(80, 24);
    ch(&mut app, 'n');
    assert_eq!(top_layer(&app), Some("confirm"));
    ch(&mut app, 'n');
    assert_eq!(session(&app).game.state.month, 0);
    ch(&mut app, 'n');
    ch(&mut app, 'y');
    assert_eq!(session(&app).game.state.month, 1);
    assert_eq!(top_layer(&app), Some("report"));
}

#[test]
fn a_refusal_is_shown_in_words() {
    let mut app = classroom_app(80, 24);
    go_to(&mut app, Tab::Tech);
    // The first legacy row: retiring it needs a replacement first.
    let rows = ai_race::ui::screens::tech::rows(session(&app));
    let legacy = rows
        .iter()
        .position(|r| matches!(r, ai_race::ui::screens::tech::Row::Legacy(_)))
        .expect("the player runs legacy systems");
    for _ in 0..legacy {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(top_layer(&app), Some("menu"));
    press(&mut app, KeyCode::Enter);
    let status = app.status.clone().expect("a refusal is shown");
    assert!(status.text.contains("nothing replaces"), "{}", status.text);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("nothing replaces"), "{screen}");
}

#[test]
fn a_key_that_does_nothing_here_says_so() {
    let mut app = classroom_app(80, 24);
    ch(&mut app, 'y');
    let status = app.status.clone().expect("a hint is shown");
    assert!(status.text.contains("does nothing here"));
}

#[test]
fn every_hinted_key_is_accepted_and_clicks_select_rows() {
    let mut app = classroom_app(80, 24);
    go_to(&mut app, Tab::Talent);
    // The first candidate row sits under the panel border and the header.
    app.handle(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 5,
        row: 2 + 1 + 1 + 2,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(session(&app).talent_sel, 2);
    // A click on the tab row switches screens.
    app.handle(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 4,
        row: 1,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(tab(&app), Some(Tab::Dashboard));
}

#[test]
fn r_reopens_the_last_month_report() {
    let mut app = classroom_app(80, 24);
    ch(&mut app, 'r');
    assert_eq!(
        top_layer(&app),
        None,
        "no report before the first month ends"
    );
    end_month(&mut app);
    assert_eq!(top_layer(&app), None);
    ch(&mut app, 'r');
    assert_eq!(top_layer(&app), Some("report"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(top_layer(&app), None);
}

#[test]
fn the_debrief_explains_the_score_and_the_header_shows_the_last_month_played() {
    let mut app = classroom_app(80, 24);
    for _ in 0..40 {
        if session(&app).game.is_over() {
            break;
        }
        end_month(&mut app);
    }
    assert!(session(&app).game.is_over());
    settle(&mut app);
    assert_eq!(tab(&app), Some(Tab::Debrief));
    let played = session(&app).game.state.month;
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains(&format!("month {played}/")),
        "the header counts the last month played ({played}):\n{screen}"
    );
    ch(&mut app, 'e');
    assert_eq!(top_layer(&app), Some("explain"));
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("outcome"), "{screen}");
}

/// The News panel shows only what fits; `w` opens every news line kept, newest month first,
/// and the oldest month's news is there after scrolling.
#[test]
fn w_reads_all_the_news_the_panel_has_no_room_for() {
    let mut app = classroom_app(80, 24);
    for _ in 0..4 {
        end_month(&mut app);
        settle(&mut app);
    }
    let s = session(&app);
    let kept = s.game.state.news.len();
    assert!(
        kept > 10,
        "four months make more news than the panel shows ({kept})"
    );
    let oldest = s.game.state.news[0].text(s.content(), &s.game.state);
    let panel = render(&mut app, 80, 24);
    ch(&mut app, 'w');
    assert_eq!(top_layer(&app), Some("explain"));
    let first = render(&mut app, 80, 24);
    assert!(first.contains("All the news"), "{first}");
    assert_ne!(first, panel);
    // Scroll to the end: the first month's news is there.
    for _ in 0..200 {
        press(&mut app, KeyCode::Down);
    }
    let last = render(&mut app, 80, 24);
    let words: Vec<&str> = oldest.split_whitespace().take(3).collect();
    assert!(last.contains(&words.join(" ")), "{oldest:?} not in\n{last}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(top_layer(&app), None);
}
