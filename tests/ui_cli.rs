//! `ai-race new` refuses bad input before the interface opens: a clear message, a non-zero exit.

use std::process::Command;

fn new_game(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("new")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_unknown_scenario_names_the_built_in_ones() {
    let (ok, err) = new_game(&["--scenario", "no-such-scenario"]);
    assert!(!ok);
    assert!(err.contains("neither a built-in scenario"), "{err}");
    assert!(err.contains("classroom"), "{err}");
}

#[test]
fn a_locked_scenario_keeps_its_seed_and_difficulty() {
    let (ok, err) = new_game(&["--scenario", "classroom", "--seed", "5"]);
    assert!(!ok);
    assert!(err.contains("locked to seed 20260101"), "{err}");
    let (ok, err) = new_game(&["--scenario", "classroom", "--difficulty", "hard"]);
    assert!(!ok);
    assert!(err.contains("locked to difficulty"), "{err}");
}

#[test]
fn bad_numbers_and_difficulties_are_named() {
    let (ok, err) = new_game(&["--seed", "lots"]);
    assert!(!ok);
    assert!(err.contains("'lots'"), "{err}");
    let (ok, err) = new_game(&["--difficulty", "impossible"]);
    assert!(!ok);
    assert!(err.contains("unknown difficulty 'impossible'"), "{err}");
}

#[test]
fn a_broken_scenario_file_is_reported_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(\n  id: \"x\",\n  name: 12,\n)\n").expect("write");
    let (ok, err) = new_game(&["--scenario", path.to_str().expect("utf-8 path")]);
    assert!(!ok);
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn an_oversized_scenario_file_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    std::fs::write(&path, vec![b' '; 300 * 1024]).expect("write");
    let (ok, err) = new_game(&["--scenario", path.to_str().expect("utf-8 path")]);
    assert!(!ok);
    assert!(
        err.contains("a scenario file may be at most 256 KiB"),
        "{err}"
    );
}

/// A pipe named like a scenario must be refused at once, never read (it could block forever).
#[cfg(unix)]
#[test]
fn a_pipe_given_as_the_scenario_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pipe = dir.path().join("assignment.ron");
    let c_path = std::ffi::CString::new(pipe.to_string_lossy().as_bytes()).expect("path");
    // SAFETY: mkfifo is given a valid, NUL-terminated path.
    let made = unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) };
    assert_eq!(made, 0, "mkfifo failed");
    let (ok, err) = new_game(&["--scenario", &pipe.to_string_lossy()]);
    assert!(!ok);
    assert!(err.contains("not a regular file"), "{err}");
}
