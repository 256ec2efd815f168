//! Hostile save files, as `ai-race verify` meets them: each gets one clear, printable line, a
//! non-zero exit, no panic, and no file written anywhere. The files live in `tests/hostile/`;
//! the huge, deeply nested and special ones (folder, FIFO, symlink, device) are made here.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ai_race::save::{self, SaveError};

/// Each committed hostile file and the line `verify` must print for it (`*` stands for any
/// text; see [`matches`]).
const CASES: &[(&str, &str)] = &[
    ("empty.ron", "not a valid save: the file is empty"),
    (
        "random-bytes.bin",
        "not a valid save: the file is not UTF-8 text",
    ),
    ("random-text.ron", "not a valid save: line 1, column 1:"),
    (
        "not-utf8.ron",
        "not a valid save: the file is not UTF-8 text (bad byte at offset 53)",
    ),
    (
        "byte-order-mark.ron",
        "not a valid save: the file starts with a byte-order mark",
    ),
    (
        "number-too-large.ron",
        "not a valid save: line 9, column 11: this number is too large",
    ),
    (
        "number-negative.ron",
        "not a valid save: line 9, column 12: this number is too large or negative",
    ),
    (
        "number-nan.ron",
        "not a valid save: line 9, column 10: expected a whole number",
    ),
    (
        "number-inf.ron",
        "not a valid save: line 9, column 11: expected a whole number",
    ),
    (
        "version-too-large.ron",
        "not a valid save: line 1, column 35: this number is too large",
    ),
    (
        "escape-in-format.ron",
        "not a valid save: this is not an AI Race save (its format is '\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{1b}[31mai-race-save\\u{9b}\\u{202e}')",
    ),
    (
        "escape-in-value.ron",
        "not a valid save: line 9, column 10: expected a whole number",
    ),
    (
        "escape-in-player.ron",
        "not a valid save: the player name must be at most 40 characters of plain text",
    ),
    (
        "unknown-field.ron",
        "not a valid save: line 6, column 5: unknown field 'cheat_mode'",
    ),
    (
        "missing-field.ron",
        "not a valid save: line 7, column 1: 'SaveFile' is missing the field 'scenario'",
    ),
    ("truncated.ron", "not a valid save: line "),
    (
        "wrong-shape.ron",
        "not a valid save: line 1, column 1: Expected opening `(`",
    ),
    (
        "not-a-save.ron",
        "not a valid save: this is not an AI Race save",
    ),
    (
        "bad-scenario.ron",
        "not a valid save: the scenario inside the save is not valid: line 148, column 9: months must be between 3 and 120",
    ),
    (
        "illegal-decision.ron",
        "not a valid save: decision 1 (month 1, Oct 2025) is refused by the rules: no pipeline stage called \"teleporter\"",
    ),
    (
        "higher-score.ron",
        "modified at month * (* 20*): the save claims a score of 99999, the replay gives",
    ),
    (
        "removed-decision.ron",
        "modified at month * (* 20*): the replayed game ",
    ),
    (
        "other-seed.ron",
        "modified at month 1 (Oct 2025): the game's start differs from the record",
    ),
    (
        "future-version.ron",
        "needs version 0.6.0 or later of the game (save format 2",
    ),
    (
        "future-rules.ron",
        "needs version 0.9.2 or later of the game (rules version 7",
    ),
];

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name)
}

/// Runs `ai-race verify` on `files` from an empty working folder with the saves folder moved
/// into it, and checks that nothing was written there.
fn verify(files: &[&Path]) -> Output {
    let cwd = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("verify")
        .args(files)
        .current_dir(cwd.path())
        .env("AI_RACE_SAVES", cwd.path().join("saves"))
        .output()
        .expect("run ai-race");
    let written: Vec<_> = fs::read_dir(cwd.path()).expect("read").collect();
    assert!(written.is_empty(), "verify wrote {written:?}");
    out
}

/// One line, printable, naming the file, matching `expected`; exit 1; nothing on stderr.
fn assert_refused(path: &Path, out: &Output, expected: &str) {
    let stdout = String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}: {stdout}{stderr}",
        path.display()
    );
    assert!(stderr.is_empty(), "{}: stderr {stderr}", path.display());
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let line = stdout.trim_end_matches('\n');
    assert!(
        !line.chars().any(char::is_control),
        "control character in {line:?}"
    );
    assert!(line.starts_with(&format!("{}: ", path.display())), "{line}");
    assert!(
        matches(line, expected),
        "{line}\n  does not match: {expected}"
    );
}

/// Whether `line` contains the pieces of `pattern` between its `*`s, in order. Months and
/// scores of the sample game change with balance; the words around them must not.
fn matches(line: &str, pattern: &str) -> bool {
    let mut rest = line;
    for piece in pattern.split('*') {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

#[test]
fn every_hostile_file_gets_one_clear_line_and_a_failing_exit() {
    let listed: Vec<&str> = CASES.iter().map(|(f, _)| *f).collect();
    for entry in fs::read_dir(hostile("")).expect("tests/hostile") {
        let name = entry.expect("entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            listed.contains(&name.as_ref()),
            "{name} has no expected verdict here"
        );
    }
    for (file, expected) in CASES {
        let path = hostile(file);
        assert_refused(&path, &verify(&[&path]), expected);
        assert!(save::load_path(&path).is_err());
    }
}

#[test]
fn many_files_give_one_line_each_and_fail_if_any_fails() {
    let good =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/saves/v1-rules5/balanced-race-2025.ron");
    let bad = hostile("higher-score.ron");
    let out = verify(&[&good, &bad, &good]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        matches(
            lines[0],
            ": verified: Sample player, The 2025 race (Normal), month * of 39"
        ),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains(": modified at month "), "{}", lines[1]);
    let out = verify(&[&good]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_100_mib_file_is_refused_by_its_size_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    // Sparse: the size is real but costs no disk.
    let file = fs::File::create(&path).expect("create");
    file.set_len(100 * 1024 * 1024).expect("set_len");
    drop(file);
    assert_refused(
        &path,
        &verify(&[&path]),
        "not a valid save: the file is larger than 1024 KiB",
    );
    assert_eq!(
        save::load_path(&path).unwrap_err(),
        SaveError::TooLarge { max_kib: 1024 }
    );
}

#[test]
fn nesting_100000_deep_is_refused_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, open, close) in [
        ("parens", "(", ")"),
        ("lists", "[", "]"),
        ("options", "Some(", ")"),
    ] {
        let path = dir.path().join(format!("deep-{name}.ron"));
        let text = format!(
            "(format: \"ai-race-save\", version: 1, rules: 1, game: \"0.1.0\", player: {}{})",
            open.repeat(100_000),
            close.repeat(100_000)
        );
        fs::write(&path, text).expect("write");
        assert_refused(
            &path,
            &verify(&[&path]),
            "not a valid save: line 1, column ",
        );
        // Either the depth limit or the type check stops it; both are one clear line.
        assert!(matches!(
            save::load_path(&path),
            Err(SaveError::Syntax { .. })
        ));
    }
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("looks-like-a-save.ron");
    fs::create_dir(&path).expect("mkdir");
    assert_refused(
        &path,
        &verify(&[&path]),
        "not a valid save: this is a folder, not a save file",
    );
}

#[test]
fn a_missing_file_is_refused() {
    let path = hostile("no-such-file.ron");
    assert_refused(
        &path,
        &verify(&[&path]),
        "not a valid save: cannot read the file: no such file",
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pipe.ron");
    let c_path = std::ffi::CString::new(path.to_str().expect("UTF-8 path")).expect("no NUL");
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
    let made = unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) };
    assert_eq!(made, 0, "mkfifo failed");
    // No writer ever opens the FIFO: a loader that opened it for reading would hang here.
    assert_refused(
        &path,
        &verify(&[&path]),
        "not a valid save: this is a FIFO (named pipe), not a save file",
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_is_refused_even_to_a_good_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("link.ron");
    let good =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/saves/v1-rules5/balanced-race-2025.ron");
    std::os::unix::fs::symlink(&good, &path).expect("symlink");
    assert_refused(
        &path,
        &verify(&[&path]),
        "not a valid save: this is a symbolic link, not a save file",
    );
}

#[cfg(unix)]
#[test]
fn a_device_is_refused() {
    for device in ["/dev/null", "/dev/zero", "/dev/urandom"] {
        let path = Path::new(device);
        assert_refused(
            path,
            &verify(&[path]),
            "not a valid save: this is a device, not a save file",
        );
    }
}

#[test]
fn a_failed_load_says_why_and_exits_non_zero() {
    let path = hostile("higher-score.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("load")
        .arg(&path)
        .output()
        .expect("run ai-race");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        matches(&stderr, "cannot load *: modified at month "),
        "{stderr}"
    );
}

#[test]
fn rules_version_0_is_not_taken_for_the_current_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/saves/v1-rules5/random-classroom.ron");
    let text = std::fs::read_to_string(sample).expect("sample");
    let path = dir.path().join("rules-zero.ron");
    std::fs::write(&path, text.replacen("rules: 5,", "rules: 0,", 1)).expect("write");
    let out = verify(&[&path]);
    assert_refused(&path, &out, "not a valid save: *rules version is 0");
}

#[test]
fn every_command_that_reads_a_save_refuses_each_hostile_file_cleanly() {
    let cwd = tempfile::tempdir().expect("temp dir");
    for (file, _) in CASES {
        let path = hostile(file);
        for args in [
            vec!["load"],
            vec!["debrief"],
            vec!["report"],
            vec!["report", "--format", "csv"],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
                .args(&args)
                .arg(&path)
                .current_dir(cwd.path())
                .env("AI_RACE_SAVES", cwd.path().join("saves"))
                .stdin(std::process::Stdio::null())
                .output()
                .expect("run ai-race");
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            let code = out.status.code();
            assert!(
                code.is_some() && code != Some(101),
                "{args:?} {file}: {text}"
            );
            // A report lists the file as not ranked (and fails: nothing was ranked); the others
            // refuse it.
            if args[0] == "report" {
                assert_eq!(code, Some(1), "{args:?} {file}: {text}");
                assert!(
                    text.contains("0 verified") || args.len() > 1,
                    "{file}: {text}"
                );
            } else {
                assert_ne!(code, Some(0), "{args:?} {file}: {text}");
            }
            let raw = text
                .chars()
                .any(|c| !matches!(c, '\n' | '\r') && ai_race::report::sanitize::is_hidden(c));
            assert!(!raw, "{args:?} {file} printed a hidden character:\n{text}");
        }
    }
}
