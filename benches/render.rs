//! How long one frame of each screen takes to draw into ratatui's TestBackend, at the minimum
//! size (80x24) and a large one (200x50). The goal is under a millisecond per frame.
//!
//! Run with `cargo bench --bench render`.

use std::sync::Arc;

use ai_race::content;
use ai_race::game::Command;
use ai_race::ui::app::App;
use ai_race::ui::{Session, Theme, view};
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const SCREENS: [&str; 16] = [
    "title",
    "new-game",
    "dashboard",
    "talent",
    "tech",
    "pipeline",
    "compute",
    "rivals",
    "offer",
    "tech-menu",
    "explain",
    "help",
    "month-report",
    "event",
    "debrief",
    "too-small",
];

fn press(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::from(code)));
}

/// A classroom game a few months in, with decisions made.
fn played() -> Session {
    let content = content::load_builtin("classroom", None).expect("classroom loads");
    let mut s = Session::new(Arc::new(content), 20260101);
    let person = s.game.state.market[0];
    let ask = s.game.state.people[person as usize].salary;
    let _ = s.apply(Command::Offer {
        person,
        salary: ask,
    });
    let _ = s.apply(Command::Upgrade("auto-eval".into()));
    for _ in 0..2 {
        if s.game.state.pending.is_some() {
            let _ = s.apply(Command::Choose(0));
        }
        let _ = s.apply(Command::EndMonth);
    }
    s
}

fn app_for(screen: &str, size: (u16, u16)) -> App {
    let theme = Theme::new(true);
    if screen == "title" || screen == "new-game" {
        let mut app = App::with_random_seed(theme, size, 1);
        if screen == "new-game" {
            press(&mut app, KeyCode::Enter);
        }
        return app;
    }
    let mut s = played();
    if screen == "debrief" {
        while !s.game.is_over() {
            if s.game.state.pending.is_some() {
                let _ = s.apply(Command::Choose(0));
            }
            let _ = s.apply(Command::EndMonth);
        }
    }
    if screen == "event" {
        let content = content::load_builtin("race-2025", None).expect("loads");
        let content = Arc::new(content);
        for seed in 1..50 {
            s = Session::new(content.clone(), seed);
            while !s.game.is_over() && s.game.state.pending.is_none() {
                let _ = s.apply(Command::EndMonth);
            }
            if s.game.state.pending.is_some() && !s.game.is_over() {
                break;
            }
        }
    }
    let mut app = App::with_session(theme, size, s);
    if screen != "event" {
        app.layers.clear();
    }
    let tabs = |n: usize, app: &mut App| {
        for _ in 0..n {
            press(app, KeyCode::Tab);
        }
    };
    match screen {
        "talent" => tabs(1, &mut app),
        "tech" => tabs(2, &mut app),
        "pipeline" => tabs(3, &mut app),
        "compute" => tabs(4, &mut app),
        "rivals" => tabs(5, &mut app),
        "offer" => {
            tabs(1, &mut app);
            press(&mut app, KeyCode::Enter);
        }
        "tech-menu" => {
            tabs(2, &mut app);
            press(&mut app, KeyCode::Enter);
        }
        "explain" => {
            // Research speed: after budget, runway, morale, risk, board, weeks and progress.
            for _ in 0..7 {
                press(&mut app, KeyCode::Down);
            }
            press(&mut app, KeyCode::Char('e'));
        }
        "help" => press(&mut app, KeyCode::Char('?')),
        "month-report" => {
            press(&mut app, KeyCode::Char('n'));
            press(&mut app, KeyCode::Char('y'));
        }
        _ => {}
    }
    app
}

fn frame(bencher: divan::Bencher, screen: &str, w: u16, h: u16) {
    let (w, h) = if screen == "too-small" {
        (w / 2, h / 2)
    } else {
        (w, h)
    };
    let app = app_for(screen, (w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    bencher.bench_local(|| {
        terminal
            .draw(|f| view::draw(f, &app))
            .expect("drawing into a TestBackend cannot fail");
    });
}

#[divan::bench(args = SCREENS)]
fn at_80x24(bencher: divan::Bencher, screen: &str) {
    frame(bencher, screen, 80, 24);
}

#[divan::bench(args = SCREENS)]
fn at_200x50(bencher: divan::Bencher, screen: &str) {
    frame(bencher, screen, 200, 50);
}
