//! Plain mode (`ai-race play --plain`) as a player with a screen reader or a script meets it:
//! a whole classroom game piped in from a file reaches its ending and leaves a save that
//! verifies, bad lines get one helpful line and the game goes on, and nothing the game prints
//! is an escape code.
//!
//! `tests/plain/classroom.txt` is the balanced scripted strategy written as plain-mode
//! commands by name. After a rules change, regenerate it with
//! `cargo test --profile ci --test all plain_mode -- --ignored` (it rewrites the file).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output, Stdio};
use std::sync::Arc;

use ai_race::content;
use ai_race::game::Command;
use ai_race::game::policy::{self, Policy};
use ai_race::game::rng::Pcg32;
use ai_race::plain::{self, choices};
use ai_race::save::Store;
use ai_race::ui::Session;

const SCRIPT: &str = "tests/plain/classroom.txt";

fn script_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(SCRIPT)
}

/// Runs `ai-race play --plain ARGS` with `input` on standard input, in a home and saves folder
/// of its own (no settings file of the machine's user is read).
fn plain_binary(home: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Process::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(["play", "--plain"])
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("APPDATA", home.join("config"))
        .env("AI_RACE_SAVES", home.join("saves"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("input written");
    drop(stdin);
    child.wait_with_output().expect("the game ends")
}

fn classroom() -> Session {
    let content = content::load_builtin("classroom", None).expect("classroom loads");
    let seed = content.scenario.seed.expect("the classroom has its seed");
    Session::new(Arc::new(content), seed)
}

/// Plays `input` in-process and returns what was printed and the game.
fn plain_in_process(input: &str) -> (String, Session) {
    let mut out = Vec::new();
    let mut game = plain::Plain::new(classroom(), None, &mut out);
    game.run(input.as_bytes()).expect("plain mode runs");
    let session = game.into_session();
    (String::from_utf8(out).expect("utf-8 output"), session)
}

#[test]
fn a_piped_classroom_game_reaches_its_ending_and_its_save_verifies() {
    let home = tempfile::tempdir().expect("temp dir");
    let script = std::fs::read(script_path()).expect("the classroom script");
    let out = plain_binary(home.path(), &["--scenario", "classroom"], &script);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("== The game is over =="), "{text}");
    let saved = home.path().join("saves").join("classroom-plain.ron");
    assert!(saved.is_file(), "the script's save is written: {text}");
    let verify = Process::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("verify")
        .arg(&saved)
        .env("HOME", home.path())
        .output()
        .expect("verify runs");
    assert!(
        verify.status.success(),
        "{}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
    assert!(
        !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
        "no escape byte in the output"
    );
}

#[test]
fn the_script_is_understood_line_by_line() {
    // Every line of the committed strategy is a command the game knows: none is answered
    // with "Unknown command" (a refusal by the rules is fine: the world may have changed).
    let script = std::fs::read_to_string(script_path()).expect("the classroom script");
    let (text, session) = plain_in_process(&script);
    assert!(!text.contains("Unknown command"), "{text}");
    assert!(session.game.is_over(), "{text}");
}

#[test]
fn bad_lines_get_one_helpful_line_and_the_game_goes_on() {
    let long = "x".repeat(5000);
    let input = format!(
        "fly to the moon\n999\nexplain\nadopt no-such-tech\n1 lots\nsave\n{long}\n\u{1b}[31m\nend\n"
    );
    let saves = tempfile::tempdir().expect("temp dir");
    let mut out = Vec::new();
    let mut game = plain::Plain::new(classroom(), Some(Store::new(saves.path())), &mut out);
    game.run(input.as_bytes()).expect("plain mode runs");
    let session = game.into_session();
    let text = String::from_utf8(out).expect("utf-8 output");
    assert!(text.contains("longer than 1000 characters"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "a typed escape is never echoed: {text}"
    );
    assert!(
        text.contains("Unknown command 'fly to the moon': type list"),
        "{text}"
    );
    assert!(text.contains("There is no choice 999"), "{text}");
    assert!(text.contains("Explain what?"), "{text}");
    assert!(
        text.contains("No choice 'adopt no-such-tech' this month"),
        "{text}"
    );
    assert!(text.contains("'lots' is not an amount"), "{text}");
    assert!(text.contains("Save under which name?"), "{text}");
    // The game went on: `end` still ended the first month.
    assert_eq!(session.game.state.month, 1, "{text}");
    assert!(text.contains("== Month report: "), "{text}");
}

#[test]
fn saving_over_another_games_file_asks_first_as_on_screen() {
    let saves = tempfile::tempdir().expect("temp dir");
    let ada = saves.path().join("ada.ron");
    std::fs::write(&ada, "Ada's game").expect("a classmate's save");
    let mut out = Vec::new();
    let mut game = plain::Plain::new(classroom(), Some(Store::new(saves.path())), &mut out);
    // Asked, answered no: Ada's file stays.
    game.run("save ada\nno\n".as_bytes())
        .expect("plain mode runs");
    assert_eq!(std::fs::read_to_string(&ada).expect("read"), "Ada's game");
    // Asked, and another command instead of an answer: still kept, and the command runs.
    game.run("save ada\nstate\n".as_bytes())
        .expect("plain mode runs");
    assert_eq!(std::fs::read_to_string(&ada).expect("read"), "Ada's game");
    // Asked, answered yes: replaced by this game; then saving again under its own name does
    // not ask.
    game.run("save Ada\nyes\nsave ada\n".as_bytes())
        .expect("plain mode runs");
    drop(game);
    let text = String::from_utf8(out).expect("utf-8 output");
    assert_eq!(
        text.matches("ada.ron exists. Replace it with this game?")
            .count(),
        3,
        "{text}"
    );
    assert_eq!(
        text.matches("Not saved: the other file stays as it was")
            .count(),
        2,
        "{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let kept = lines
        .iter()
        .rposition(|l| l.starts_with("Not saved: the other file stays as it was."))
        .expect("the second refusal");
    assert!(
        lines[kept + 1].starts_with("== "),
        "the command given instead of an answer ran (the state): {text}"
    );
    let saved = std::fs::read_to_string(&ada).expect("read");
    assert!(
        saved.contains("ai-race-save"),
        "replaced by this game: {saved}"
    );
    assert_eq!(text.matches("Saved to ").count(), 2, "{text}");
}

#[test]
fn end_of_input_autosaves_and_exits_cleanly() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = plain_binary(home.path(), &["--scenario", "classroom"], b"morale\n");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("End of input. Autosaved to "), "{text}");
    let saves: Vec<_> = std::fs::read_dir(home.path().join("saves"))
        .expect("saves folder")
        .flatten()
        .collect();
    assert_eq!(saves.len(), 1, "one autosave");
    // And the autosave continues with --load.
    let out = plain_binary(
        home.path(),
        &["--load", saves[0].path().to_str().expect("utf-8 path")],
        b"state\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Nothing new to save."), "{text}");
}

#[test]
fn the_choices_say_their_cost_and_the_rules_verdict() {
    let (text, _) = plain_in_process("");
    // A lever of each kind, with cost and verdict on one line.
    for name in [
        "hire ", "adopt ", "build ", "stage ", "retire ", "lease", "end:",
    ] {
        assert!(
            text.lines().any(|l| l.contains(&format!(". {name}"))),
            "no '{name}' choice in:\n{text}"
        );
    }
    assert!(text.contains("; ok"), "{text}");
    assert!(text.contains("not now: "), "{text}");
    assert!(text.contains("budget: $"), "{text}");
    assert!(text.contains("morale: "), "{text}");
}

#[test]
fn a_number_with_an_amount_makes_an_offer_at_that_share_of_the_ask() {
    let mut s = classroom();
    let list = choices::list(&s);
    let (n, ask) = list
        .iter()
        .enumerate()
        .find_map(|(i, c)| match c.command {
            Command::Offer { salary, .. } if c.refusal.is_none() => Some((i + 1, salary)),
            _ => None,
        })
        .expect("someone to hire");
    let mut out = Vec::new();
    let mut game = plain::Plain::new(s, None, &mut out);
    game.run(format!("{n} 150\n").as_bytes()).expect("runs");
    s = game.into_session();
    let offered = s.record.decisions().iter().find_map(|d| match &d.1 {
        Command::Offer { salary, .. } => Some(*salary),
        _ => None,
    });
    assert_eq!(offered, Some((ask * 150).div_ceil(100)));
}

#[test]
fn the_interface_without_a_terminal_points_to_plain_mode() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = Process::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(["new", "--scenario", "classroom"])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ai-race play --plain"), "{err}");
}

#[test]
fn ascii_asked_for_gives_only_ascii() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = plain_binary(
        home.path(),
        &["--ascii", "--scenario", "classroom"],
        b"explain budget\nexplain 1\nend\nlist all\n",
    );
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.stdout.is_ascii(), "{text}");
    assert!(text.contains("income>=cost"), "{text}");
}

#[test]
fn every_choice_can_be_explained() {
    let (text, _) = plain_in_process(
        &(1..=120)
            .map(|n| format!("explain {n}\n"))
            .collect::<String>(),
    );
    // Explain before any list refers to the list printed at the start.
    assert!(text.contains("1. Hire "), "{text}");
    assert!(text.contains("Chance they accept"), "{text}");
    assert!(text.contains("Adopt: +"), "{text}");
    assert!(text.contains("Deploy time "), "{text}");
    assert!(text.contains("The rules allow it now."), "{text}");
    assert!(text.contains("Not now: "), "{text}");
    assert!(
        !text.contains("Enter"),
        "no key of the interface is named: {text}"
    );
}

#[test]
fn a_long_run_of_random_lines_never_stops_the_game() {
    // Numbers with and without amounts, names, explanations and month ends in a made-up
    // order, on the full campaign: every line gets an answer and the game is still playable.
    let content = content::load_builtin("race-2025", None).expect("race-2025 loads");
    let session = Session::new(Arc::new(content), 7);
    let mut rng = Pcg32::new(7, 1);
    let words = [
        "end",
        "list",
        "list all",
        "state",
        "explain 3",
        "explain risk",
        "safety",
        "morale",
        "lease 5000",
        "hire nobody",
        "answer 1",
        "answer 9",
        "help",
        "",
        "# note",
        "1 0",
    ];
    let mut input = String::new();
    for _ in 0..1500 {
        let line = match rng.below(3) {
            0 => words[rng.below(words.len() as u32) as usize].to_string(),
            1 => format!("{}", rng.below(90)),
            _ => format!("{} {}", rng.below(90), rng.below(400)),
        };
        input.push_str(&line);
        input.push('\n');
    }
    let mut out = Vec::new();
    let mut game = plain::Plain::new(session, None, &mut out);
    game.run(input.as_bytes()).expect("plain mode runs");
    let session = game.into_session();
    let text = String::from_utf8(out).expect("utf-8 output");
    assert!(session.game.state.month > 3, "months were ended: {text}");
    assert!(!text.as_bytes().contains(&0x1b));
}

/// The script a player could type: the balanced strategy's moves, each written by the name
/// plain mode shows.
fn balanced_script() -> String {
    let mut s = classroom();
    let strategy = Policy::Balanced.strategy();
    let mut rng = Pcg32::new(1, 0x90_11C7);
    let mut this_month: Vec<Command> = Vec::new();
    let mut lines = vec![
        "# The classroom sprint played with the game's balanced strategy, in plain mode."
            .to_string(),
        "# Each line is one command; ai-race play --plain --scenario classroom < this file"
            .to_string(),
    ];
    let mut month = u16::MAX;
    while !s.game.is_over() {
        if s.game.state.month != month {
            month = s.game.state.month;
            this_month.clear();
            lines.push(format!("# {}", s.game.state.date_label(s.content())));
        }
        let st = &s.game.state;
        let cmd = policy::next_command(&strategy, s.content(), st, &mut rng, &this_month);
        let list = choices::list(&s);
        let line = match &cmd {
            Command::EndMonth => "end".to_string(),
            Command::Choose(i) => format!("answer {}", i + 1),
            Command::Offer { person, salary } => {
                let c = list
                    .iter()
                    .find(|c| matches!(c.command, Command::Offer { person: p, .. } if p == *person))
                    .expect("the candidate is listed");
                let ask = st.people[*person as usize].salary;
                format!(
                    "{} {}",
                    c.name,
                    (u64::from(*salary) * 100).div_ceil(u64::from(ask))
                )
            }
            Command::BuildDataCentre(k) => format!("datacentre {k}"),
            Command::LeaseCompute(k) => format!("lease {k}"),
            other => list
                .iter()
                .find(|c| &c.command == other)
                .expect("every move has a name")
                .name
                .clone(),
        };
        // Play the line as plain mode reads it, so the script and the game stay in step.
        let mut out = Vec::new();
        let mut game = plain::Plain::new(s, None, &mut out);
        game.command_line(&line).expect("runs");
        s = game.into_session();
        let text = String::from_utf8(out).expect("utf-8");
        assert!(!text.contains("Unknown command"), "{line}: {text}");
        if cmd != Command::EndMonth {
            this_month.push(cmd);
        }
        lines.push(line);
        assert!(lines.len() < 2000, "the strategy keeps ending months");
    }
    lines.push("save classroom-plain".into());
    lines.join("\n") + "\n"
}

#[test]
#[ignore = "rewrites tests/plain/classroom.txt; run after a rules change"]
fn write_the_classroom_script() {
    std::fs::write(script_path(), balanced_script()).expect("script written");
}
