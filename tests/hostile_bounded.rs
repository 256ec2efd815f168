//! Bounded work for any file: every command that reads a file is run on files of each
//! attacking shape at the size cap (a long `requires` list, thousands of unknown
//! `disabled_events`, thousands of `lab_changes` naming unknown labs, a huge id, an offset that
//! overflows), and must answer quickly, in a few lines, without raw escapes, and with a peak
//! resident size under 64 MiB (measured by the kernel for each child process).
//!
//! Kept in its own test binary with one test: the kernel's figure is the largest child so far,
//! so the commands run one after the other.

#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const LIMIT_KIB: i64 = 64 * 1024;
const SAVE_CAP: usize = 1024 * 1024;
const SCENARIO_CAP: usize = 256 * 1024;

fn sample() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(root.join("tests/saves/v1-rules5/random-classroom.ron"))
        .expect("sample save")
}

/// A list of `n`-ish quoted unknown ids filling about `bytes`.
fn ids(prefix: &str, bytes: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() + 16 < bytes {
        out.push_str(&format!("\"{prefix}{i}\","));
        i += 1;
    }
    out
}

/// A save just under the cap whose embedded scenario has 490 pipeline stages with long ids
/// and a stage requiring thousands of unknown stages: each problem used to list every valid
/// id, gigabytes in all.
fn save_long_requires() -> String {
    let text = sample();
    let mut extra = String::new();
    for i in 0..490 {
        extra.push_str(&format!(
            "(id: \"stage-with-a-long-identifier-number-{i:04}\", name: \"S\", summary: \"s\", \
             cost: 1, months: 1, deploy_pct: 50, review: 0, requires: [], role: None),"
        ));
    }
    let text = text.replacen("      stages: [", &format!("      stages: [{extra}"), 1);
    let room = SAVE_CAP - text.len() - 64;
    text.replacen(
        "requires: []",
        &format!("requires: [{}]", ids("x", room)),
        1,
    )
}

/// A save whose scenario's lab pipeline names thousands of unknown stages.
fn save_unknown_stages() -> String {
    let text = sample();
    let room = SAVE_CAP - text.len() - 64;
    text.replacen("stages: [", &format!("stages: [{}", ids("s", room)), 1)
}

/// A save whose scenario id is a huge text with escapes in it.
fn save_huge_id() -> String {
    let text = sample();
    let room = SAVE_CAP - text.len() - 64;
    let id = "\\u{1b}[2J".repeat(room / 20);
    text.replace("\"classroom\"", &format!("\"{id}\""))
}

fn scenario(body: &str) -> String {
    format!(
        "(\n    id: \"attack\",\n    name: \"Attack\",\n    description: \"a hostile file\",\n    \
         start_year: 2026,\n    start_month: 1,\n    months: 12,\n{body}\n)\n"
    )
}

fn scenario_disabled_events() -> String {
    scenario(&format!(
        "    disabled_events: [{}],",
        ids("e", SCENARIO_CAP - 400)
    ))
}

fn scenario_lab_changes() -> String {
    let mut body = String::from("    lab_changes: [");
    let mut i = 0;
    while body.len() + 32 < SCENARIO_CAP - 400 {
        body.push_str(&format!("(lab: \"nolab{i}\"),"));
        i += 1;
    }
    body.push_str("],");
    scenario(&body)
}

fn scenario_long_requires() -> String {
    scenario(&format!(
        "    stages: [(id: \"a\", name: \"A\", summary: \"s\", cost: 1, months: 1, deploy_pct: 50, \
         review: 0, requires: [{}])],",
        ids("r", SCENARIO_CAP - 600)
    ))
}

fn scenario_overflow() -> String {
    scenario("    progress_offset: 4294967295,")
}

fn scenario_escapes() -> String {
    "\u{1b}[2J\u{1b}]0;owned\u{7}(id: \"\u{1b}[31mx\", name: \"\u{202e}evil\")".to_string()
}

/// Runs the game's binary with `args`, no terminal, and a deadline; returns its exit code and
/// what it printed.
fn run(args: &[&str], saves_dir: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(args)
        .env("AI_RACE_SAVES", saves_dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the game runs");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("{args:?} did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

/// The largest resident size of any child so far, in KiB.
fn children_peak_kib() -> i64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a valid pointer to a rusage struct.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0);
    usage.ru_maxrss
}

#[test]
fn every_command_stays_small_and_quick_on_any_file_at_the_cap() {
    let dir = tempfile::tempdir().expect("temp dir");
    let saves_dir = dir.path().join("saves");
    fs::create_dir(&saves_dir).expect("saves dir");
    let write = |name: &str, text: String| -> PathBuf {
        let path = dir.path().join(name);
        fs::write(&path, text).expect("write");
        path
    };
    let saves = [
        write("long-requires.ron", save_long_requires()),
        write("unknown-stages.ron", save_unknown_stages()),
        write("huge-id.ron", save_huge_id()),
    ];
    let scenarios = [
        write("disabled-events.ron", scenario_disabled_events()),
        write("lab-changes.ron", scenario_lab_changes()),
        write("scenario-requires.ron", scenario_long_requires()),
        write("overflow.ron", scenario_overflow()),
        write("escapes.ron", scenario_escapes()),
    ];
    for s in &saves {
        let len = fs::metadata(s).expect("meta").len() as usize;
        assert!(len <= SAVE_CAP && len > SAVE_CAP * 9 / 10, "{s:?}: {len}");
    }
    // A folder of hostile saves, as a class report meets it.
    let class = dir.path().join("class");
    fs::create_dir(&class).expect("class dir");
    for s in &saves {
        fs::copy(s, class.join(s.file_name().expect("name"))).expect("copy");
    }

    let mut runs: Vec<Vec<String>> = Vec::new();
    for s in &saves {
        let s = s.display().to_string();
        runs.push(vec!["verify".into(), s.clone()]);
        runs.push(vec!["load".into(), s.clone()]);
        runs.push(vec!["debrief".into(), s.clone()]);
        runs.push(vec!["report".into(), s.clone()]);
    }
    runs.push(vec!["report".into(), class.display().to_string()]);
    runs.push(vec![
        "report".into(),
        "--format".into(),
        "csv".into(),
        class.display().to_string(),
    ]);
    runs.push(vec![
        "report".into(),
        "--format".into(),
        "html".into(),
        class.display().to_string(),
    ]);
    runs.push(vec![
        "debrief".into(),
        "--format".into(),
        "html".into(),
        class.display().to_string(),
    ]);
    for s in &scenarios {
        let s = s.display().to_string();
        runs.push(vec!["scenario".into(), "check".into(), s.clone()]);
        runs.push(vec!["new".into(), "--scenario".into(), s.clone()]);
    }

    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let started = Instant::now();
        let (code, out) = run(&args, &saves_dir);
        let peak = children_peak_kib();
        assert!(
            peak < LIMIT_KIB,
            "{args:?}: peak resident size {peak} KiB, over {LIMIT_KIB} KiB"
        );
        assert_ne!(code, Some(101), "{args:?} panicked:\n{out}");
        assert!(code.is_some(), "{args:?} was killed by a signal:\n{out}");
        assert!(
            out.len() < 16 * 1024,
            "{args:?} printed {} bytes; a message should stay short",
            out.len()
        );
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{args:?} printed a raw escape:\n{out}"
        );
        eprintln!(
            "{args:?}: exit {code:?}, {} ms, children peak so far {peak} KiB",
            started.elapsed().as_millis()
        );
    }
}
