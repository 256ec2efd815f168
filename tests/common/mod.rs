//! Helpers for driving the interface in tests: key presses, rendering into a TestBackend.

#![allow(dead_code)]

use std::sync::Arc;

use ai_race::content;
use ai_race::game::policy::{Policy, next_command};
use ai_race::game::rng::Pcg32;
use ai_race::game::{Command, Content, GameState, PLAYER, rules};
use ai_race::ui::app::{App, Layer, Screen};
use ai_race::ui::session::Tab;
use ai_race::ui::widgets::buffer_text;
use ai_race::ui::{Session, Theme, view};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The classroom scenario's game, as `ai-race new --scenario classroom` starts it.
pub fn classroom_session() -> Session {
    let content = content::load_builtin("classroom", None).expect("classroom loads");
    let seed = content.scenario.seed.expect("classroom fixes its seed");
    Session::new(Arc::new(content), seed)
}

pub fn classroom_app(w: u16, h: u16) -> App {
    App::with_session(Theme::new(false), (w, h), classroom_session())
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::from(code)));
}

pub fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

pub fn ctrl_c(app: &mut App) {
    app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
}

/// Renders the app at `w` x `h` through ratatui's TestBackend and returns the text.
pub fn render(app: &mut App, w: u16, h: u16) -> String {
    app.handle(Event::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| view::draw(f, app))
        .expect("draw never fails on a TestBackend");
    buffer_text(terminal.backend().buffer())
}

pub fn session(app: &App) -> &Session {
    match &app.screen {
        Screen::Game(s) => s,
        Screen::Title(_) => panic!("no game on"),
    }
}

pub fn tab(app: &App) -> Option<Tab> {
    app.tab()
}

pub fn top_layer(app: &App) -> Option<&'static str> {
    app.layers.last().map(|l| match l {
        Layer::Help { .. } => "help",
        Layer::Confirm(_) => "confirm",
        Layer::Menu(_) => "menu",
        Layer::Amount(_) => "amount",
        Layer::Explain { .. } => "explain",
        Layer::Report { .. } => "report",
        Layer::Event { .. } => "event",
        Layer::SaveName(_) => "save name",
        Layer::Pause(_) => "pause",
        Layer::Plan(_) => "plan",
    })
}

/// Goes to a tab with Tab presses.
pub fn go_to(app: &mut App, want: Tab) {
    for _ in 0..10 {
        if tab(app) == Some(want) {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("could not reach {want:?}");
}

/// Closes the report and answers any waiting event with its first option.
pub fn settle(app: &mut App) {
    for _ in 0..10 {
        match top_layer(app) {
            Some("report") => press(app, KeyCode::Enter),
            // An event needs a deliberate pick: ↓ selects the first option, Enter answers.
            Some("event") => {
                press(app, KeyCode::Down);
                press(app, KeyCode::Enter);
            }
            // Only the teacher's code or new file closes a pause.
            Some("pause") | None => return,
            Some(_) => press(app, KeyCode::Esc),
        }
    }
}

/// Ends the month by keys (n, then y if weeks are left), then settles.
pub fn end_month(app: &mut App) {
    ch(app, 'n');
    if top_layer(app) == Some("confirm") {
        ch(app, 'y');
    }
    settle(app);
}

/// A student's own game: `policy`'s moves, except that in month `rest` (counted from 0) the
/// student ends the month at once. The class report names a game identical to a shipped
/// script's and does not rank it, so tests that need a ranked game play one of these.
pub fn own_game(
    content: &Content,
    seed: u64,
    policy: Policy,
    rest: u16,
) -> (GameState, Vec<(u16, Command)>) {
    let strategy = policy.strategy();
    let mut state = ai_race::game::init::new_game(content, seed);
    let mut rng = Pcg32::new(seed, 0x90_11C7);
    let mut decisions: Vec<(u16, Command)> = Vec::new();
    while !state.is_over() && decisions.len() < 10_000 {
        let month = state.month;
        let this_month: Vec<Command> = decisions
            .iter()
            .filter(|(m, c)| *m == month && *c != Command::EndMonth)
            .map(|(_, c)| c.clone())
            .collect();
        let mut cmd = next_command(&strategy, content, &state, &mut rng, &this_month);
        if month == rest && state.pending.is_none() {
            cmd = Command::EndMonth;
        }
        if rules::apply_quiet(content, &mut state, PLAYER, &cmd).is_ok() {
            decisions.push((month, cmd));
        } else if rules::apply_quiet(content, &mut state, PLAYER, &Command::EndMonth).is_ok() {
            decisions.push((month, Command::EndMonth));
        } else {
            break;
        }
    }
    (state, decisions)
}
