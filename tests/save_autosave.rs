//! Autosaves per game: each game its own readable rotation, two copies of the game sharing a
//! folder never overwrite each other, a new game never pushes out the last one's, a finished
//! game gets a final save the class report reads, leftovers of a killed write are cleaned up
//! (or put in place when they hold the newest month), and a file-size limit is a clean error.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ai_race::content;
use ai_race::game::Command;
use ai_race::report::ClassReport;
use ai_race::save::{self, Playthrough, Store};

/// The save text of a race-2025 game on `seed` after `months` months.
fn game_at(seed: u64, months: usize) -> String {
    let content = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
    let mut p = Playthrough::new(content, seed);
    p.record.player = Some("Ada".into());
    for _ in 0..months {
        while p.game.state.pending.is_some() {
            p.apply(&Command::Choose(0)).expect("choose");
        }
        if p.game.is_over() {
            break;
        }
        p.apply(&Command::EndMonth).expect("end month");
    }
    p.to_text().expect("text")
}

fn seeds(paths: &[PathBuf]) -> Vec<u64> {
    paths
        .iter()
        .filter(|p| p.exists())
        .map(|p| save::load_path(p).expect("verifies").play.game.state.seed)
        .collect()
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn two_copies_of_the_game_sharing_a_folder_never_overwrite_each_other() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (one, two) = (Store::new(dir.path()), Store::new(dir.path()));
    for months in 0..3 {
        one.autosave(&game_at(1, months)).expect("autosave");
        two.autosave(&game_at(1, months)).expect("autosave");
    }
    let (a, b) = (one.autosave_paths(), two.autosave_paths());
    assert_ne!(a, b, "each copy has its own rotation");
    assert_eq!(seeds(&a), [1, 1, 1]);
    assert_eq!(seeds(&b), [1, 1, 1]);
    let file = a[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(file.starts_with("autosave-ada-race-2025-"), "{file}");
    assert!(file.ends_with("-1.ron"), "{file}");
}

#[test]
fn a_new_game_does_not_push_out_the_last_games_autosaves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    for months in 0..6 {
        store.autosave(&game_at(1, months)).expect("autosave");
    }
    let first = store.autosave_paths();
    for months in 0..6 {
        store.autosave(&game_at(2, months)).expect("autosave");
    }
    assert_eq!(seeds(&first), [1; 5], "the first game keeps its five");
    assert_eq!(seeds(&store.autosave_paths()), [2; 5]);
    // The same world started again is a new game too.
    store.autosave(&game_at(2, 0)).expect("autosave");
    assert_eq!(seeds(&store.autosave_paths()), [2]);
    assert_eq!(names(dir.path()).len(), 11, "{:?}", names(dir.path()));
}

#[test]
fn a_finished_game_gets_a_final_save_that_the_report_ranks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    store.autosave(&game_at(3, 200)).expect("autosave");
    let finals: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("final-ada-race-2025-"))
        .collect();
    assert_eq!(finals.len(), 1, "{:?}", names(dir.path()));
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    assert_eq!(report.autosaves, 1);
    let ranked: Vec<&str> = report
        .groups
        .iter()
        .flat_map(|g| g.entries.iter().map(|e| e.file.as_str()))
        .collect();
    assert!(
        ranked.iter().any(|f| f.ends_with(&finals[0])),
        "{ranked:?} {:?}",
        report.failed
    );
}

/// The id of a process that has exited.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

#[test]
fn leftovers_of_a_killed_write_are_cleaned_or_put_in_place_at_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let dead = dead_pid();
    // Killed between the rotation and the rename: the newest month sits in a .part.
    let newest = format!(".autosave-ada-race-2025-0000abcd-1.ron.{dead}-0.part");
    fs::write(d.join(&newest), game_at(4, 2)).expect("write");
    // Killed mid-write: half a file.
    let half = format!(".mine.ron.{dead}-1.part");
    fs::write(d.join(&half), "(format: \"ai-ra").expect("write");
    // A write in progress in this (living) process is left alone.
    let live = format!(".other.ron.{}-2.part", std::process::id());
    fs::write(d.join(&live), "in progress").expect("write");

    let _store = Store::new(d);
    let left = names(d);
    assert_eq!(
        left,
        [
            live.clone(),
            "autosave-ada-race-2025-0000abcd-1.ron".to_string()
        ],
        "{left:?}"
    );
    let restored = d.join("autosave-ada-race-2025-0000abcd-1.ron");
    assert_eq!(
        save::load_path(&restored)
            .expect("verifies")
            .summary()
            .month,
        2
    );
}

#[cfg(unix)]
#[test]
fn a_file_size_limit_is_a_clean_error_not_a_kill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("game.ron");
    let script = format!(
        "ulimit -f 4; exec '{}' sim --policy balanced --games 1 --scenario classroom --save '{}'",
        env!("CARGO_BIN_EXE_ai-race"),
        out.display()
    );
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(1),
        "killed? {:?} {stderr}",
        run.status
    );
    assert!(stderr.contains("file size limit"), "{stderr}");
    assert!(!out.exists(), "no partial save is left as the save");
    let parts: Vec<String> = names(dir.path());
    assert!(parts.is_empty(), "{parts:?}");
}
