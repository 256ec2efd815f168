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

/// Runs the game with standard input and output as given; returns the exit code, what was
/// written to standard output and error, and how long it took.
fn play_without_terminal(
    stdin: std::process::Stdio,
    stdout: std::process::Stdio,
    args: &[&str],
) -> (Option<i32>, String, std::time::Duration) {
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(args)
        .stdin(stdin)
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn playing_from_a_pipe_or_into_a_file_says_what_to_run_instead_at_once() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().expect("temp dir");
    let file = std::fs::File::create(dir.path().join("out.txt")).expect("file");
    let cases = [
        (Stdio::null(), Stdio::piped(), vec![]),
        (Stdio::null(), Stdio::from(file), vec!["new"]),
        (
            Stdio::null(),
            Stdio::null(),
            vec!["new", "--scenario", "classroom"],
        ),
    ];
    for (stdin, stdout, args) in cases {
        let (code, err, took) = play_without_terminal(stdin, stdout, &args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("not a terminal"), "{err}");
        assert!(
            err.contains("ai-race sim, verify, report or debrief"),
            "{err}"
        );
        // Generous for a loaded test machine; the promise is 100 ms on an idle one.
        assert!(took.as_millis() < 1000, "{args:?} took {took:?}");
    }
    // Nothing, not even an escape code, was written into the file.
    let written = std::fs::read(dir.path().join("out.txt")).expect("read");
    assert!(written.is_empty(), "{written:?}");
}

#[test]
fn version_names_the_rules_and_the_save_format() {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("--version")
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("rules "), "{text}");
    assert!(text.contains("save format "), "{text}");
}

#[test]
fn a_report_that_ranks_nothing_fails_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(["report", "nodir"])
        .current_dir(dir.path())
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing ranked in nodir"), "{err}");
}

#[test]
fn no_color_and_the_look_flags_are_accepted_by_every_subcommand() {
    for args in [
        &["load", "--no-color", "--ascii", "missing.ron"][..],
        &["verify", "--no-color", "--theme", "light", "missing.ron"][..],
        &["scenario", "list", "--no-mouse", "--no-color"][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("the binary runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("unexpected argument"), "{args:?}: {err}");
    }
}

#[test]
fn shell_completions_and_the_man_page_are_printed() {
    for (args, want) in [
        (&["completions", "bash"][..], "ai-race"),
        (&["man"][..], ".TH ai-race 1"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
            .args(args)
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(want),
            "{args:?}"
        );
    }
}
