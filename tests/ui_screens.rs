//! Snapshot tests of every screen at the minimum size (80x24) and a larger one (120x40),
//! rendered through ratatui's TestBackend without colour. Game numbers change while the
//! balance is tuned: regenerate with `INSTA_UPDATE=always cargo test --profile ci --test all ui_screens` and
//! review the diff.

use crate::common;

use ai_race::game::Command;
use ai_race::ui::Theme;
use ai_race::ui::app::App;
use ai_race::ui::session::{Session, Tab};
use common::*;
use crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn shots(name: &str, app: &mut App) {
    for (w, h) in SIZES {
        let text = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
    }
}

/// A classroom game three months in, with a hire, a pipeline stage and an adoption made.
fn played() -> Session {
    let mut s = classroom_session();
    for month in 0..3 {
        if s.game.state.pending.is_some() {
            let _ = s.apply(Command::Choose(0));
        }
        match month {
            0 => {
                let person = s.game.state.market[0];
                let ask = s.game.state.people[person as usize].salary;
                let _ = s.apply(Command::Offer {
                    person,
                    salary: ask,
                });
                let _ = s.apply(Command::Upgrade("auto-eval".into()));
            }
            1 => {
                let id = s.content().techs[0].id.clone();
                let _ = s.apply(Command::Adopt(id));
                let _ = s.apply(Command::SafetyReview);
            }
            _ => {
                let _ = s.apply(Command::LeaseCompute(20));
            }
        }
        if s.game.state.pending.is_some() {
            let _ = s.apply(Command::Choose(0));
        }
        s.apply(Command::EndMonth).expect("month ends");
    }
    // Screens are shown with no event waiting (the event has its own snapshot).
    if s.game.state.pending.is_some() {
        s.apply(Command::Choose(0)).expect("answer");
    }
    s
}

fn played_app() -> App {
    let mut app = App::with_session(Theme::new(false), (80, 24), played());
    app.layers.clear();
    app.status = None;
    app
}

#[test]
fn title_screens() {
    let mut app = App::with_random_seed(Theme::new(false), (80, 24), 1);
    shots("title_menu", &mut app);
    press(&mut app, KeyCode::Enter);
    shots("title_setup", &mut app);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Down);
    shots("title_setup_locked", &mut app);
}

#[test]
fn game_tabs() {
    let mut app = played_app();
    for (tab, name) in [
        (Tab::Dashboard, "dashboard"),
        (Tab::Talent, "talent"),
        (Tab::Tech, "tech"),
        (Tab::Pipeline, "pipeline"),
        (Tab::Compute, "compute"),
        (Tab::Rivals, "rivals"),
    ] {
        go_to(&mut app, tab);
        shots(name, &mut app);
    }
}

#[test]
fn dialogs() {
    let mut app = played_app();
    go_to(&mut app, Tab::Talent);
    press(&mut app, KeyCode::Enter);
    shots("offer", &mut app);
    press(&mut app, KeyCode::Esc);
    go_to(&mut app, Tab::Tech);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    shots("tech_menu", &mut app);
    press(&mut app, KeyCode::Esc);
    go_to(&mut app, Tab::Pipeline);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    shots("pipeline_menu", &mut app);
    press(&mut app, KeyCode::Esc);
    go_to(&mut app, Tab::Compute);
    press(&mut app, KeyCode::Enter);
    shots("data_centre", &mut app);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'n');
    shots("confirm_end_month", &mut app);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'q');
    shots("confirm_quit", &mut app);
}

#[test]
fn help_and_explanations() {
    let mut app = played_app();
    ch(&mut app, '?');
    shots("help", &mut app);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'e');
    shots("explain_budget", &mut app);
    press(&mut app, KeyCode::Esc);
    // Budget, runway, morale, risk and board come first (they can end the game), then
    // weeks, progress and speed.
    for _ in 0..7 {
        press(&mut app, KeyCode::Down);
    }
    ch(&mut app, 'e');
    shots("explain_speed", &mut app);
    press(&mut app, KeyCode::Esc);
    for _ in 0..5 {
        press(&mut app, KeyCode::Up);
    }
    ch(&mut app, 'e');
    shots("explain_morale", &mut app);
}

#[test]
fn month_report_and_event() {
    let mut app = played_app();
    ch(&mut app, 'n');
    ch(&mut app, 'y');
    shots("month_report", &mut app);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    shots("month_report_morale", &mut app);
    ch(&mut app, 'e');
    shots("month_report_explain", &mut app);
}

#[test]
fn event_choice() {
    // The first world (by seed) of the default campaign where an event asks for a choice.
    let content =
        std::sync::Arc::new(ai_race::content::load_builtin("race-2025", None).expect("loads"));
    for seed in 1..50u64 {
        let mut s = Session::new(content.clone(), seed);
        while !s.game.is_over() && s.game.state.pending.is_none() {
            s.apply(Command::EndMonth).expect("month ends");
        }
        if s.game.is_over() {
            continue;
        }
        let mut app = App::with_session(Theme::new(false), (80, 24), s);
        app.status = None;
        assert_eq!(top_layer(&app), Some("event"));
        shots("event", &mut app);
        // A reflex Enter (the key that closed the report), a digit, y or n answers nothing.
        press(&mut app, KeyCode::Enter);
        ch(&mut app, '1');
        ch(&mut app, 'y');
        ch(&mut app, 'n');
        assert!(session(&app).game.state.pending.is_some());
        assert_eq!(top_layer(&app), Some("event"));
        // A deliberate pick with ↓ and then Enter goes to the rules and the event closes.
        press(&mut app, KeyCode::Down);
        shots("event_picked", &mut app);
        press(&mut app, KeyCode::Enter);
        assert!(session(&app).game.state.pending.is_none());
        return;
    }
    panic!("no seed brought an event with choices");
}

#[test]
fn debrief() {
    let mut s = played();
    while !s.game.is_over() {
        if s.game.state.pending.is_some() {
            s.apply(Command::Choose(0)).expect("answer");
        }
        s.apply(Command::EndMonth).expect("month ends");
    }
    let mut app = App::with_session(Theme::new(false), (80, 24), s);
    app.layers.clear();
    app.status = None;
    shots("debrief", &mut app);
}

#[test]
fn too_small() {
    let mut app = played_app();
    let text = render(&mut app, 79, 23);
    insta::assert_snapshot!("too_small_79x23", text);
}

/// A lab renamed in Chinese (two screen columns a character) keeps every column of the race
/// table in line: the progress figures end in the same column on every row.
#[test]
fn a_cjk_lab_name_keeps_the_race_table_aligned() {
    use std::sync::Arc;
    let mut content = ai_race::content::load_builtin("classroom", None).expect("classroom");
    let seed = content.scenario.seed.expect("fixed seed");
    let deepseek = content
        .labs
        .iter()
        .position(|l| l.short == "DeepSeek")
        .expect("DeepSeek is in the classroom scenario");
    content.labs[deepseek].short = "深度求索".into();
    content.labs[deepseek].name = "深度求索人工智能".into();
    let session = Session::new(Arc::new(content), seed);
    let mut app = App::with_session(Theme::new(false), (80, 24), session);
    let text = render(&mut app, 80, 24);
    insta::assert_snapshot!("dashboard_cjk_80x24", text);
    let rows: Vec<&str> = text.lines().collect();
    let header = rows
        .iter()
        .find(|l| l.contains("now /month"))
        .expect("race table header");
    let col = |line: &str, needle: &str| {
        let at = line.find(needle).expect("needle in line");
        unicode_width::UnicodeWidthStr::width(&line[..at + needle.len()])
    };
    let now_end = col(header, "now");
    let lab_rows: Vec<&&str> = rows
        .iter()
        .filter(|l| l.contains('█') || l.contains('░'))
        .take(6)
        .collect();
    assert!(lab_rows.iter().any(|l| l.contains("深度求索")), "{text}");
    for row in lab_rows {
        // The progress figure ("67.8", or a rival's estimate "68±3") ends under the end of
        // "now".
        let upto: String = row
            .chars()
            .scan(0usize, |w, c| {
                *w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                (*w <= now_end).then_some(c)
            })
            .collect();
        let figure = upto.trim_end_matches(|c: char| c.is_ascii_digit());
        assert!(
            (figure.ends_with('.') || figure.ends_with('±'))
                && upto.ends_with(|c: char| c.is_ascii_digit()),
            "misaligned row: {row}\n{text}"
        );
    }
}

/// With the ASCII set, every screen is drawn with ASCII only (a Linux console shows it right).
#[test]
fn the_ascii_set_draws_only_ascii() {
    let theme = ai_race::ui::Theme::with_palette(ai_race::ui::Palette::Mono, true);
    let mut app = App::with_session(theme, (80, 24), played());
    for tab in 0..7 {
        let text = render(&mut app, 80, 24);
        assert!(text.is_ascii(), "tab {tab}:\n{text}");
        press(&mut app, KeyCode::Tab);
    }
    ch(&mut app, '?');
    assert!(render(&mut app, 120, 40).is_ascii());
}

/// A rival within 8 points of 100 turns the race table's title into an emergency that names
/// it, even at the smallest size.
#[test]
fn a_rival_near_the_finish_is_an_emergency() {
    let mut s = classroom_session();
    let openai = s
        .content()
        .labs
        .iter()
        .position(|l| l.short == "OpenAI")
        .expect("OpenAI races");
    let calm = {
        let mut app = App::with_session(Theme::new(false), (80, 24), classroom_session());
        render(&mut app, 80, 24)
    };
    assert!(!calm.contains("EMERGENCY"), "{calm}");
    for t in &mut s.game.state.labs[openai].tracks {
        t.0 = 95_000;
    }
    // What the player sees of it: an estimate without error.
    s.game.state.intel[openai].error = 0;
    let mut app = App::with_session(Theme::new(false), (80, 24), s);
    let text = render(&mut app, 80, 24);
    assert!(text.contains("EMERGENCY: OpenAI is 5.0 from 100"), "{text}");
    assert!(text.contains("! OpenAI"), "{text}");
    // The large screen shows the same alarm.
    let mut big = classroom_session();
    for t in &mut big.game.state.labs[openai].tracks {
        t.0 = 95_000;
    }
    big.game.state.intel[openai].error = 0;
    let mut app = App::with_session(Theme::new(false), (160, 50), big);
    let text = render(&mut app, 160, 50);
    assert!(text.contains("EMERGENCY: OpenAI is 5.0 from 100"), "{text}");
    assert!(text.contains("! OpenAI"), "{text}");
}

/// At 160x50 the talent list runs the full height beside the candidate and staff panels, and
/// a menu grows past 76 columns.
#[test]
fn a_big_terminal_gives_lists_and_dialogs_room() {
    let mut app = played_app();
    go_to(&mut app, Tab::Talent);
    let text = render(&mut app, 160, 50);
    insta::assert_snapshot!("talent_160x50", text);
    let list_rows = text
        .lines()
        .filter(|l| l.starts_with("│") && l.contains("││"))
        .count();
    assert!(list_rows > 40, "{text}");
    go_to(&mut app, Tab::Tech);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("tech_menu_160x50", render(&mut app, 160, 50));
    let body = ratatui::layout::Rect::new(0, 2, 160, 46);
    assert_eq!(ai_race::ui::widgets::dialog_width(body), 96);
    let small = ratatui::layout::Rect::new(0, 2, 80, 20);
    assert_eq!(ai_race::ui::widgets::dialog_width(small), 76);
}

#[test]
fn the_tech_list_leaves_out_techs_that_arrive_after_the_campaign() {
    let s = common::classroom_session();
    let c = s.content();
    let late: Vec<&str> = c
        .techs
        .iter()
        .filter(|t| t.available_from >= c.scenario.months)
        .map(|t| t.name.as_str())
        .collect();
    assert!(
        !late.is_empty(),
        "the classroom is shorter than the catalogue"
    );
    let rows = ai_race::ui::screens::tech::rows(&s);
    for row in &rows {
        if let ai_race::ui::screens::tech::Row::Tech(i) = row {
            assert!(
                c.techs[*i].available_from < c.scenario.months,
                "{}",
                c.techs[*i].name
            );
        }
    }
    let mut app = common::classroom_app(160, 50);
    common::go_to(&mut app, ai_race::ui::session::Tab::Tech);
    let screen = common::render(&mut app, 160, 50);
    for name in late {
        assert!(!screen.contains(name), "{name} is listed:\n{screen}");
    }
}
