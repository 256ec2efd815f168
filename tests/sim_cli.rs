//! `ai-race sim` as a user runs it: good runs print what they promise, bad input gets one
//! line that says what is wrong and what is accepted, and a non-zero exit.

use std::process::Command;

fn sim(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("sim")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn json_output_has_the_promised_keys() {
    let (ok, out, _) = sim(&[
        "--policy", "balanced", "--games", "20", "--seed", "3", "--json",
    ]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    for key in [
        "games",
        "wins",
        "win_rate",
        "median_months",
        "median_win_months",
        "stalled",
        "endings",
        "final_hash",
    ] {
        assert!(v.get(key).is_some(), "missing {key} in {out}");
    }
    assert_eq!(v["games"], 20);
    assert_eq!(v["stalled"], 0);
    assert!(v["endings"].is_object());
    assert_eq!(v["final_hash"].as_str().map(str::len), Some(16));
    // Deterministic: the same run prints the same object.
    let (_, again, _) = sim(&[
        "--policy", "balanced", "--games", "20", "--seed", "3", "--json",
    ]);
    assert_eq!(out, again);
}

#[test]
fn table_output_reads_well() {
    let (ok, out, _) = sim(&[
        "--policy",
        "hoard",
        "--games",
        "5",
        "--scenario",
        "classroom",
    ]);
    assert!(ok);
    assert!(out.contains("win rate"));
    assert!(out.contains("median length"));
    assert!(out.contains("median win"));
    assert!(out.contains("stalled"));
}

#[test]
fn bad_input_gets_one_clear_line() {
    let cases: [(&[&str], &str); 8] = [
        (
            &["--policy", "nope"],
            "unknown policy 'nope'; choose one of: random",
        ),
        (
            &["--policy", "balanced", "--games", "-5"],
            "--games must be a whole number from 1 to 1000000, found '-5'",
        ),
        (&["--policy", "balanced", "--games", "0"], "found '0'"),
        (&["--policy", "balanced", "--games", "abc"], "found 'abc'"),
        (
            &["--policy", "balanced", "--games", "99999999999"],
            "found '99999999999'",
        ),
        (
            &["--policy", "balanced", "--scenario", "nope"],
            "no built-in scenario called 'nope'; available: race-2025",
        ),
        (
            &["--policy", "balanced", "--difficulty", "x"],
            "unknown difficulty 'x'; choose one of: easy, normal, hard, brutal",
        ),
        (
            &["--policy", "balanced", "--seed", "-1"],
            "--seed must be a whole number",
        ),
    ];
    for (args, want) in cases {
        let (ok, _, err) = sim(args);
        assert!(!ok, "{args:?} should fail");
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
    }
}

fn tune(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("tune")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn median_win_months_is_null_when_no_game_is_won() {
    let (ok, out, _) = sim(&["--policy", "hoard", "--games", "6", "--json"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    assert_eq!(v["wins"], 0);
    assert!(v["median_win_months"].is_null(), "{out}");
}

#[test]
fn tune_prints_a_strategy_that_sim_plays_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("best.ron");
    let file = file.to_str().expect("path");
    let args = [
        "--games",
        "4",
        "--budget-evals",
        "5",
        "--restarts",
        "2",
        "--measure-games",
        "8",
        "--seed",
        "7",
        "--out",
        file,
    ];
    let (ok, out, err) = tune(&args);
    assert!(ok, "{err}");
    assert!(out.contains("order:"), "{out}");
    // The same seed finds the same strategy.
    let (_, again, _) = tune(&args);
    let strip = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("# search"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&out), strip(&again));
    // The measured line is what `sim --policy-file` prints for the same seed and games.
    let (ok, played, err) = sim(&[
        "--policy-file",
        file,
        "--games",
        "8",
        "--seed",
        "7",
        "--json",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(played.trim()).expect("one JSON object");
    let rate = format!("{:.1}% won", v["win_rate"].as_f64().expect("rate") * 100.0);
    assert!(out.contains(&rate), "{out} vs {played}");
}

#[test]
fn params_on_the_command_line_play_like_the_named_policy() {
    let run = |args: &[&str]| {
        let (ok, out, err) = sim(args);
        assert!(ok, "{err}");
        let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
        (v["wins"].clone(), v["final_hash"].clone())
    };
    let named = run(&["--policy", "balanced", "--games", "6", "--json"]);
    let params = run(&["--params", "()", "--games", "6", "--json"]);
    assert_eq!(named, params);
    let (ok, _, err) = sim(&["--params", "(order: [Fly])", "--games", "2"]);
    assert!(!ok);
    assert!(err.contains("unknown value 'Fly'"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_locked_scenario_refuses_another_difficulty_and_plays_its_world() {
    let (ok, _, err) = sim(&[
        "--policy",
        "balanced",
        "--scenario",
        "classroom",
        "--difficulty",
        "hard",
    ]);
    assert!(!ok);
    assert!(
        err.contains("locked to difficulty 'normal'") && err.contains("leave out --difficulty"),
        "{err}"
    );
    let (ok, out, _) = sim(&[
        "--policy",
        "balanced",
        "--scenario",
        "classroom",
        "--games",
        "4",
        "--json",
    ]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    assert_eq!(v["world_seed"], 20260101);
    let wins = v["wins"].as_u64().expect("wins");
    assert!(wins == 0 || wins == 4, "one world, one outcome: {out}");
}

#[test]
fn a_scenario_file_can_be_simulated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("my-race.ron");
    let text = ai_race::content::builtin_scenario_text("meta-ahead").expect("built-in");
    std::fs::write(&file, text).expect("write");
    let file = file.to_str().expect("path");
    let (ok, out, err) = sim(&[
        "--policy",
        "balanced",
        "--scenario",
        file,
        "--games",
        "4",
        "--json",
    ]);
    assert!(ok, "{err}");
    let (_, builtin, _) = sim(&[
        "--policy",
        "balanced",
        "--scenario",
        "meta-ahead",
        "--games",
        "4",
        "--json",
    ]);
    let wins = |s: &str| {
        serde_json::from_str::<serde_json::Value>(s.trim()).expect("json")["wins"].clone()
    };
    assert_eq!(wins(&out), wins(&builtin));
}

/// `ai-race report DIR | head` used to end in a panic ("failed printing to stdout: Broken
/// pipe"): output into a pipe whose reader has gone must end quietly, as Unix tools do.
#[cfg(unix)]
#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    // The reader is gone before the program writes a byte, so its first write fails.
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(["completions", "bash"])
        .stdout(writer)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101), "{stderr}");
}
