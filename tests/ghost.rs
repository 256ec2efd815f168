//! The ghost race: a friend's verified save becomes a challenge in the same world, with the
//! friend's progress on the chart, the lead or lag on the dashboard, and who won at the end.
//! Also the load screen's keys for a ghost race and a what-if fork.

use crate::common;

use std::process::Command as Process;
use std::sync::Arc;

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::save::{self, Playthrough, Store, Verified};
use ai_race::ui::ghost::{self, GHOST_MARKER};
use ai_race::ui::{App, Theme};
use common::{ch, end_month, press, render, session};
use crossterm::event::KeyCode;

/// Ada's balanced game of the classroom, as her save's text.
fn ada_text() -> String {
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    let seed = content.scenario.seed.expect("classroom fixes its seed");
    let (_, decisions) = play(&content, seed, Policy::Balanced);
    let mut p = Playthrough::replay(content, seed, &decisions).expect("replays");
    p.record.player = Some("Ada".into());
    p.to_text().expect("written")
}

fn ada() -> Verified {
    save::load_text(&ada_text()).expect("verifies")
}

#[test]
fn a_ghost_race_plays_the_ghosts_world_and_its_replayed_progress() {
    let v = ada();
    let s = ghost::session(&v).expect("a ghost race");
    assert_eq!(s.game.state.seed, v.play.game.state.seed);
    assert_eq!(*s.game.content, *v.play.game.content);
    assert_eq!(s.game.state.month, 0);
    let g = s.ghost.as_ref().expect("the ghost is on");
    assert_eq!(g.name, "Ada");
    // One point for the start and one per month Ada played, from the replay's records.
    let history = &v.play.game.state.history;
    assert_eq!(g.progress.len(), history.len() + 1);
    assert_eq!(
        g.progress[1..],
        history.iter().map(|r| r.progress[0]).collect::<Vec<_>>()[..]
    );
    assert_eq!(g.score, v.summary().score);
    assert_eq!(
        ghost::dashboard_line(&s).as_deref(),
        Some("you are level with Ada's game")
    );
}

#[test]
fn playing_the_ghosts_own_moves_stays_level_and_ends_in_a_draw() {
    let v = ada();
    let mut s = ghost::session(&v).expect("a ghost race");
    for (_, command) in v.play.decisions() {
        s.apply(command.clone()).expect("the ghost's own move");
        assert_eq!(
            ghost::dashboard_line(&s).as_deref(),
            Some("you are level with Ada's game")
        );
    }
    assert!(s.game.is_over());
    let g = s.ghost.as_ref().expect("the ghost is on");
    let score = v.summary().score;
    assert_eq!(
        g.result(&s.game),
        format!("A draw with Ada's game: both scored {score}.")
    );
}

#[test]
fn the_ghost_is_on_the_chart_and_its_lead_on_the_dashboard() {
    let v = ada();
    let s = ghost::session(&v).expect("a ghost race");
    let mut app = App::with_session(Theme::new(false), (120, 45), s);
    // Two months of doing nothing: Ada, who played, is ahead.
    end_month(&mut app);
    end_month(&mut app);
    let screen = render(&mut app, 120, 45);
    assert!(
        screen.contains(&format!("{GHOST_MARKER} ghost: Ada")),
        "{screen}"
    );
    let line = ghost::dashboard_line(session(&app)).expect("a ghost race");
    assert!(line.contains("Ada's game"), "{line}");
    assert!(screen.contains(&line), "{screen}");
}

#[test]
fn a_forged_ghost_is_never_raced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = ada_text();
    let score = format!("score:{},", ada().summary().score);
    let forged = dir.path().join("forged.ron");
    std::fs::write(&forged, text.replacen(&score, "score:99999,", 1)).expect("write");
    let out = Process::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(["new", "--ghost", forged.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("only a save that verifies can be raced"),
        "{err}"
    );
    // The ghost's world is the save's: another seed or scenario is a usage mistake.
    let out = Process::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(["new", "--ghost", "x.ron", "--seed", "3"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

/// The title screen's load list over a folder holding Ada's save.
fn load_screen(dir: &std::path::Path) -> App {
    std::fs::write(dir.join("ada.ron"), ada_text()).expect("write");
    let mut app = App::new(Theme::new(false), (100, 30));
    app.set_store(Store::new(dir.to_path_buf()));
    // Continue, New game, Load.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    app
}

#[test]
fn the_load_screen_races_a_save_as_a_ghost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = load_screen(dir.path());
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("g race it as a ghost"), "{screen}");
    ch(&mut app, 'g');
    let s = session(&app);
    assert_eq!(s.ghost.as_ref().map(|g| g.name.as_str()), Some("Ada"));
    assert_eq!(s.game.state.month, 0);
}

#[test]
fn the_load_screen_forks_a_save_at_the_month_chosen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = load_screen(dir.path());
    let v = ada();
    ch(&mut app, 'f');
    let screen = render(&mut app, 100, 30);
    let last = save::last_fork_month(&v.play);
    assert!(
        screen.contains(&format!("start of month {last} of {last}")),
        "{screen}"
    );
    // Type month 4, then one back with ←: month 3.
    ch(&mut app, '4');
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    let s = session(&app);
    assert_eq!(s.game.state.month, 2);
    let parent = s.record.parent.as_ref().expect("the fork names its parent");
    assert_eq!(parent.month, 3);
    assert_eq!(parent.fingerprint, save::fingerprint_of(&v.play));
    assert_eq!(s.save_name.as_deref(), Some("ada what-if from month 3"));
}

#[test]
fn a_loaded_game_races_its_ghost_again_but_only_in_the_same_world() {
    let v = ada();
    // Bo's game of the same world, three months in, saved and loaded again.
    let mut bo = ghost::session(&v).expect("a ghost race");
    for _ in 0..3 {
        if let Some(p) = &bo.game.state.pending {
            let last = u8::try_from(p.options.len() - 1).expect("few options");
            bo.apply(ai_race::game::Command::Choose(last))
                .expect("answer");
        }
        bo.apply(ai_race::game::Command::EndMonth)
            .expect("month ends");
    }
    let text = bo.save_text().expect("written");
    let loaded = save::load_text(&text).expect("verifies");
    let mut s = ai_race::ui::Session::from_save(&loaded.play).expect("loads");
    assert!(s.ghost.is_none(), "a save does not carry its ghost");
    ghost::attach(&mut s, &v).expect("the same world");
    assert_eq!(
        ghost::dashboard_line(&s),
        ghost::dashboard_line(&bo),
        "the race goes on where it was"
    );
    // A game of another world is not a ghost for this one.
    let content = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
    let other = Playthrough::new(content, 5);
    let other = save::load_text(&other.to_text().expect("written")).expect("verifies");
    let e = ghost::attach(&mut s, &other).expect_err("refused");
    assert!(e.contains("another world"), "{e}");
}
