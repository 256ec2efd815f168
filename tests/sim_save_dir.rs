//! `ai-race sim --save-dir`: reference games a teacher ranks beside the class's, written
//! safely (one file per game, the strategy named as the player, nothing overwritten).

use std::path::Path;
use std::process::Command;

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

fn sim_into(dir: &Path, policy: &str) -> (Option<i32>, String, String) {
    let dir = dir.to_str().expect("utf-8 temp path");
    run(&[
        "sim",
        "--scenario",
        "classroom",
        "--policy",
        policy,
        "--games",
        "2",
        "--save-dir",
        dir,
    ])
}

#[test]
fn reference_games_are_ranked_beside_the_class_under_their_policys_name() {
    let tmp = tempfile::tempdir().expect("temp");
    let class = tmp.path().join("class");
    let (code, _, err) = sim_into(&class, "balanced");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("policy: balanced"), "{err}");
    let (code, _, err) = sim_into(&class, "hoard");
    assert_eq!(code, Some(0), "{err}");
    let mut files: Vec<String> = std::fs::read_dir(&class)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "policy-balanced-001.ron",
            "policy-balanced-002.ron",
            "policy-hoard-001.ron",
            "policy-hoard-002.ron"
        ]
    );
    let (code, report, err) = run(&["report", class.to_str().expect("utf-8")]);
    assert_eq!(code, Some(0), "{err}");
    // The classroom is one world: both policies rank in it, each game once.
    // Reference games sit beside the class, never ranked among it.
    assert!(report.contains("| ref | policy: balanced"), "{report}");
    assert!(report.contains("| ref | policy: hoard"), "{report}");
    assert!(!report.contains("plays exactly like"), "{report}");
}

#[test]
fn save_dir_never_overwrites_and_refuses_before_the_run() {
    let tmp = tempfile::tempdir().expect("temp");
    let dir = tmp.path().join("ref");
    assert_eq!(sim_into(&dir, "balanced").0, Some(0));
    let first = std::fs::read(dir.join("policy-balanced-001.ron")).expect("read");
    std::fs::write(dir.join("policy-balanced-002.ron"), "a student's file").expect("write");
    let (code, out, err) = sim_into(&dir, "balanced");
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("already exist"), "{err}");
    assert!(out.is_empty(), "refused before the run: {out}");
    assert_eq!(
        std::fs::read(dir.join("policy-balanced-001.ron")).expect("read"),
        first
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("policy-balanced-002.ron")).expect("read"),
        "a student's file"
    );
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let (code, _, err) = sim_into(&file, "balanced");
    assert_eq!(code, Some(1));
    assert!(err.contains("not a folder"), "{err}");
}
