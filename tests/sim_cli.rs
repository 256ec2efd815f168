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
        "endings",
        "final_hash",
    ] {
        assert!(v.get(key).is_some(), "missing {key} in {out}");
    }
    assert_eq!(v["games"], 20);
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
