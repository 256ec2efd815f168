//! A save is never lost: a process saving in a loop (manual saves and rotating autosaves) is
//! killed at arbitrary moments, and every save it leaves behind is intact and loads.
//!
//! The saving process is this very test binary, started again with an environment variable
//! that turns the ignored `child_saves_in_a_loop` test into the loop.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::save::{self, AUTOSAVES, Playthrough, Store};

const LOOP_DIR: &str = "AI_RACE_TEST_SAVE_LOOP_DIR";

/// Two different games, so a torn write would mix them and fail to verify.
fn games() -> [Playthrough; 2] {
    let content = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
    [(1, Policy::Balanced), (2, Policy::HireOnly)].map(|(seed, policy)| {
        let (_, decisions) = play(&content, seed, policy);
        Playthrough::replay(Arc::clone(&content), seed, &decisions).expect("replays")
    })
}

#[test]
#[ignore = "the child process of a_kill_during_a_save_loop_leaves_every_save_intact"]
fn child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(LOOP_DIR) else {
        return;
    };
    let store = Store::new(dir);
    let texts = games().map(|g| g.to_text().expect("text"));
    for i in 0.. {
        let text = &texts[i % 2];
        store.save_as("my run", text).expect("save");
        store.autosave(text).expect("autosave");
    }
}

fn hashes() -> Vec<String> {
    games().iter().map(|g| g.summary().hash).collect()
}

#[test]
fn a_kill_during_a_save_loop_leaves_every_save_intact() {
    let known = hashes();
    // Different moments in the write cycle: right at the start, and deep into the loop.
    for (round, delay_ms) in [0u64, 3, 7, 20, 45, 110].into_iter().enumerate() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--ignored",
                "--exact",
                // The test's full name in the one test binary (tests/all.rs).
                concat!(module_path!(), "::child_saves_in_a_loop").trim_start_matches("all::"),
                "--test-threads",
                "1",
            ])
            .env(LOOP_DIR, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the saving process");
        let manual = dir.path().join("my-run.ron");
        let started = Instant::now();
        while !manual.exists() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the child never saved"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("kill");
        let _ = child.wait();
        check_folder(dir.path(), &known, round);
    }
}

/// Every save in the folder verifies and is one of the two games written.
fn check_folder(dir: &Path, known: &[String], round: usize) {
    let v = save::load_path(&dir.join("my-run.ron"))
        .unwrap_or_else(|e| panic!("round {round}: the manual save is broken: {e}"));
    assert!(known.contains(&v.summary().hash), "round {round}");
    let listed = Store::new(dir).list();
    assert!(!listed.is_empty());
    // The manual save, and for each of the two games its autosaves and (both games are
    // finished) its final save.
    assert!(
        listed.len() <= 1 + 2 * (AUTOSAVES + 1),
        "round {round}: {listed:?}"
    );
    for l in &listed {
        let info = l
            .verdict
            .as_ref()
            .unwrap_or_else(|e| panic!("round {round}: {} is broken: {e}", l.entry.name));
        assert!(known.contains(&info.summary.hash));
    }
}
