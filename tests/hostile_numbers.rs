//! No number in a file can crash a command: every number of the balance block of a real save
//! and of a scenario file (and a sample of the rest of their numbers) is set to each extreme of
//! its type, one at a time, and every command that reads such a file is run on the results
//! through the binary. Each must answer (any exit code but Rust's panic code 101) without a
//! panic's text on either stream.
//!
//! Types are not listed here: each number's extremes are found by asking serde which of the
//! integer types' limits it takes, so fields added later are covered unchanged. The commands
//! that take a folder or many files (verify, report, debrief) see every edited file; the
//! commands that take one (load, fork, new --ghost, play --plain --load; new --scenario, sim
//! --scenario, play --plain --scenario) take turns, so each edit meets several of them.

#![cfg(unix)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ai_race::content::reader::read;
use ai_race::content::tree::{Node, Value};
use ai_race::game::Content;

const MAXES: [i128; 7] = [
    u64::MAX as i128,
    i64::MAX as i128,
    u32::MAX as i128,
    i32::MAX as i128,
    u16::MAX as i128,
    i16::MAX as i128,
    u8::MAX as i128,
];
const MINS: [i128; 5] = [
    i64::MIN as i128,
    i32::MIN as i128,
    i16::MIN as i128,
    i8::MIN as i128,
    0,
];

/// Every whole number under `node`, as the byte range of its text.
fn ints(node: &Node, out: &mut Vec<(usize, usize)>) {
    match &node.value {
        Value::Int(_) => out.push((node.start.offset, node.end.offset)),
        Value::Call { args, .. } => args.iter().for_each(|n| ints(n, out)),
        Value::Struct { fields, .. } => fields.iter().for_each(|f| ints(&f.value, out)),
        Value::Tuple(items) | Value::List(items) => items.iter().for_each(|n| ints(n, out)),
        Value::Map(pairs) => pairs.iter().for_each(|(k, v)| {
            ints(k, out);
            ints(v, out);
        }),
        _ => {}
    }
}

fn with_value(text: &str, span: (usize, usize), value: i128) -> String {
    format!("{}{value}{}", &text[..span.0], &text[span.1..])
}

/// The texts with the number at `span` set to the largest and the smallest value its type
/// takes (as `parses` says).
fn extremes(text: &str, span: (usize, usize), parses: impl Fn(&str) -> bool) -> Vec<String> {
    let max = MAXES
        .iter()
        .map(|&v| with_value(text, span, v))
        .find(|t| parses(t));
    let min = MINS
        .iter()
        .map(|&v| with_value(text, span, v))
        .find(|t| parses(t));
    max.into_iter().chain(min).collect()
}

/// The spans of every number in `balance` and every `stride`-th of the other numbers in
/// `within`.
fn chosen(within: &Node, balance: &Node, stride: usize) -> Vec<(usize, usize)> {
    let mut all = Vec::new();
    ints(within, &mut all);
    let mut of_balance = Vec::new();
    ints(balance, &mut of_balance);
    let mut picked: Vec<(usize, usize)> = all
        .into_iter()
        .filter(|s| !of_balance.contains(s))
        .step_by(stride)
        .collect();
    picked.extend(of_balance);
    picked
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in a home of its own with `input` on standard input and a deadline; returns
/// what it printed. Fails the test on a panic, a 101 exit or a hang.
fn run(home: &Path, args: &[&str], input: &[u8], what: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("AI_RACE_SAVES", home.join("saves"))
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // A command that exits before reading its input closes the pipe: not a failure.
    let _ = stdin.write_all(input);
    drop(stdin);
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("{what}: {args:?} did not answer within two minutes");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let out = child.wait_with_output().expect("output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(
        out.status.code(),
        Some(101),
        "{what}: {args:?} panicked: {text}"
    );
    assert!(
        !text.contains("panicked"),
        "{what}: {args:?} printed a panic: {text}"
    );
}

fn paths(files: &[PathBuf]) -> Vec<&str> {
    files
        .iter()
        .map(|p| p.to_str().expect("utf-8 temp path"))
        .collect()
}

#[test]
fn every_number_of_a_save_at_its_types_extremes_through_every_command() {
    let text = fs::read_to_string(root().join("tests/saves/v1-rules3/random-classroom.ron"))
        .expect("the sample save");
    let tree = read(&text, 32).expect("the save reads");
    let content = &tree.field("content").expect("content").value;
    let balance = &content.field("balance").expect("balance").value;
    let span = (content.start.offset, content.end.offset);
    let parses = |t: &str| {
        // Only the content changes: parse its block, not the whole save.
        let end = t.len() - (text.len() - span.1);
        ron::Options::default()
            .with_recursion_limit(64)
            .from_str::<Content>(&t[span.0..end])
            .is_ok()
    };
    let spans = chosen(content, balance, 25);
    let home = tempfile::tempdir().expect("temp dir");
    // The edits go to one folder for verify and the single-file commands. A debrief or a
    // report replays far more per save (each lever left out, each scripted strategy), so
    // their folders take an evenly spread share of the edits, different for each.
    let names = ["class", "report", "debrief"];
    let dirs = names.map(|n| home.path().join(n));
    for d in &dirs {
        fs::create_dir_all(d).expect("folder");
    }
    let mut files = Vec::new();
    for (i, s) in spans.iter().enumerate() {
        for (j, edited) in extremes(&text, *s, parses).into_iter().enumerate() {
            let name = format!("edit-{i:03}-{j}.ron");
            let k = files.len();
            if k % 8 == 0 {
                fs::write(dirs[1].join(&name), &edited).expect("write");
            }
            if k % 16 == 5 {
                fs::write(dirs[2].join(&name), &edited).expect("write");
            }
            let path = dirs[0].join(name);
            fs::write(&path, edited).expect("write");
            files.push(path);
        }
    }
    assert!(files.len() > 250, "{} edited saves", files.len());
    let h = home.path();
    let [all, some, few] = dirs.each_ref().map(|d| d.to_str().expect("utf-8"));
    for chunk in files.chunks(100) {
        let mut args = vec!["verify"];
        args.extend(paths(chunk));
        run(h, &args, b"", "verify");
    }
    run(h, &["report", some, "--format", "html"], b"", "report");
    run(h, &["debrief", few], b"", "debrief");
    run(h, &["class", all], b"", "class");
    // The teacher's board reads a folder in-process too (the binary needs a terminal).
    let mut board = ai_race::report::board::Board::new(&dirs[1]);
    board.refresh();
    for (k, f) in paths(&files).into_iter().enumerate() {
        match k % 4 {
            0 => run(h, &["load", f], b"", "load"),
            1 => run(h, &["fork", "--month", "2", f], b"", "fork"),
            2 => run(h, &["new", "--ghost", f], b"", "new --ghost"),
            _ => run(
                h,
                &["play", "--plain", "--load", f],
                b"state\nquit\n",
                "plain",
            ),
        }
    }
}

#[test]
fn every_number_of_a_scenario_at_its_types_extremes_through_every_command() {
    let classroom =
        fs::read_to_string(root().join("assets/scenarios/classroom.ron")).expect("classroom");
    let balance = fs::read_to_string(root().join("assets/balance.ron")).expect("balance");
    let end = classroom.rfind(')').expect("the scenario ends");
    let text = format!(
        "{}    balance: {},\n)\n",
        &classroom[..end].replace("id: \"classroom\"", "id: \"hostile-classroom\""),
        balance.trim()
    );
    let tree = read(&text, 32).expect("the scenario reads");
    let own = &tree.field("balance").expect("balance").value;
    let parses =
        |t: &str| ai_race::content::parse::<ai_race::content::ScenarioFile>("s", t).is_ok();
    assert!(parses(&text));
    let spans = chosen(&tree, own, 1);
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let mut files = Vec::new();
    for (i, s) in spans.iter().enumerate() {
        for (j, edited) in extremes(&text, *s, parses).into_iter().enumerate() {
            let path = h.join(format!("scenario-{i:03}-{j}.ron"));
            fs::write(&path, edited).expect("write");
            files.push(path);
        }
    }
    assert!(files.len() > 250, "{} edited scenarios", files.len());
    for (k, f) in paths(&files).into_iter().enumerate() {
        run(h, &["scenario", "check", f], b"", "scenario check");
        match k % 3 {
            0 => run(h, &["new", "--scenario", f], b"", "new --scenario"),
            1 => run(
                h,
                &["sim", "--scenario", f, "--games", "2"],
                b"",
                "sim --scenario",
            ),
            _ => run(
                h,
                &["play", "--plain", "--scenario", f],
                b"end\nquit\n",
                "play --plain --scenario",
            ),
        }
    }
}
