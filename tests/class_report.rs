//! `ai-race report` as a teacher uses it: a folder of saves ranked by verified score, modified
//! and broken files listed with their reason and never ranked, worlds kept apart, and CSV that
//! a spreadsheet opens.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::game::score::score;
use ai_race::report::ClassReport;
use ai_race::save::Playthrough;

/// Plays a student's game of `policy` (resting in month `rest`, see [`common::own_game`]) on a
/// built-in scenario at its own seed and writes the save as `name.ron`. Returns the score.
fn write_student(
    dir: &Path,
    name: &str,
    scenario: &str,
    (policy, rest): (Policy, u16),
    player: &str,
) -> i64 {
    let content = Arc::new(content::load_builtin(scenario, None).expect("built-in"));
    let seed = content.scenario.seed.unwrap_or(7);
    let (state, decisions) = common::own_game(&content, seed, policy, rest);
    let total = score(&content, &state).total;
    let mut play = Playthrough::replay(content, seed, &decisions).expect("replays");
    play.record.player = Some(player.to_string());
    let text = play.to_text().expect("save text");
    std::fs::write(dir.join(format!("{name}.ron")), text).expect("write save");
    total
}

/// Plays a student's game of `policy` (resting in month 2) on a built-in scenario at its own
/// seed and writes the save as `name.ron`. Returns the game's score.
fn write_save(dir: &Path, name: &str, scenario: &str, policy: Policy, player: &str) -> i64 {
    let content = Arc::new(content::load_builtin(scenario, None).expect("built-in"));
    let seed = content.scenario.seed.unwrap_or(7);
    let (state, decisions) = common::own_game(&content, seed, policy, 5);
    let total = score(&content, &state).total;
    let mut play = Playthrough::replay(content, seed, &decisions).expect("replays");
    play.record.player = Some(player.to_string());
    let text = play.to_text().expect("save text");
    std::fs::write(dir.join(format!("{name}.ron")), text).expect("write save");
    total
}

fn class_folder() -> (tempfile::TempDir, Vec<(String, i64)>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut scores = Vec::new();
    for (i, policy) in [Policy::Balanced, Policy::HireOnly].into_iter().enumerate() {
        for student in 0..3 {
            let name = format!("{}-{student}", policy.name());
            let player = format!("Student {}", i * 3 + student);
            let total = write_student(
                dir.path(),
                &name,
                "classroom",
                (policy, student as u16),
                &player,
            );
            scores.push((player, total));
        }
    }
    (dir, scores)
}

#[test]
fn two_policies_rank_as_their_scores_say() {
    let (dir, scores) = class_folder();
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.groups.len(), 1);
    let group = &report.groups[0];
    assert_eq!(group.scenario_id, "classroom");
    assert_eq!(group.seed, 20_260_101);

    // The classroom world is tight: a student who sits out one month loses it, whatever the
    // strategy, so the two policies' scores are close; the ranking must follow them exactly.
    let ranking: Vec<(&str, usize, i64)> = group
        .entries
        .iter()
        .map(|e| (e.player.as_str(), e.rank, e.score))
        .collect();
    // Best score first, each student's own game.
    let mut expected: Vec<(&str, i64)> = scores.iter().map(|(p, s)| (p.as_str(), *s)).collect();
    expected.sort_by_key(|e| std::cmp::Reverse(e.1));
    // Equal scores share a rank (the next rank skips, as in sport).
    let expected: Vec<(&str, usize, i64)> = expected
        .iter()
        .map(|(p, s)| (*p, 1 + expected.iter().filter(|(_, o)| o > s).count(), *s))
        .collect();
    assert_eq!(ranking, expected);
    let md = report.to_markdown();
    assert!(
        md.contains("6 saves read: 6 verified and ranked, 0 not ranked."),
        "{md}"
    );
    assert!(md.contains("The top quarter used"), "{md}");
}

#[test]
fn other_worlds_are_ranked_apart() {
    let (dir, _) = class_folder();
    write_save(
        dir.path(),
        "other",
        "meta-ahead",
        Policy::Balanced,
        "Visitor",
    );
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    assert_eq!(report.groups.len(), 2);
    assert_eq!(report.groups[0].entries.len(), 6);
    assert_eq!(report.groups[1].scenario_id, "meta-ahead");
    assert_eq!(report.groups[1].entries[0].rank, 1);
    assert!(report.to_markdown().contains("2 different worlds"));
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("save");
    assert!(text.contains(from), "'{from}' not in the save");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn a_modified_save_is_flagged_and_not_ranked() {
    let (dir, scores) = class_folder();
    let path = dir.path().join("hire-only-0.ron");
    // Claim a better score than the game earned.
    let earned = scores[3].1;
    edit(&path, &format!("score:{earned},"), "score:9999,");
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    assert_eq!(report.groups[0].entries.len(), 5);
    assert!(
        report.groups[0]
            .entries
            .iter()
            .all(|e| e.player != "Student 3")
    );
    assert_eq!(report.failed.len(), 1, "{:?}", report.failed);
    assert_eq!(
        report.failed[0].file.rsplit('/').next(),
        Some("hire-only-0.ron")
    );
    assert!(
        report.failed[0].reason.starts_with("modified at month"),
        "{}",
        report.failed[0].reason
    );
}

#[test]
fn broken_files_are_listed_with_their_reason() {
    let (dir, _) = class_folder();
    let d = dir.path();
    std::fs::write(d.join("garbage.ron"), "this is not a save").expect("write");
    std::fs::write(d.join("empty.ron"), "").expect("write");
    std::fs::write(d.join("binary.ron"), [0xff, 0xfe, 0x00, 0x41]).expect("write");
    std::fs::create_dir(d.join("folder.ron")).expect("dir");
    std::fs::write(d.join("notes.txt"), "ignored").expect("write");
    std::fs::copy(d.join("balanced-0.ron"), d.join("autosave-1.ron")).expect("copy");
    let report = ClassReport::build(&[d.to_path_buf(), PathBuf::from("/no/such/folder")]);
    assert_eq!(report.groups[0].entries.len(), 6);
    assert_eq!(report.ignored, 1);
    assert_eq!(
        report.autosaves, 1,
        "an autosave would rank a student twice"
    );
    let reasons: Vec<(String, String)> = report
        .failed
        .iter()
        .map(|f| {
            let name = f.file.rsplit('/').next().unwrap_or("").to_string();
            (name, f.reason.clone())
        })
        .collect();
    let reason_of = |name: &str| {
        reasons
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{name} not listed: {reasons:?}"))
    };
    assert!(reason_of("binary.ron").contains("not UTF-8"));
    assert!(reason_of("empty.ron").contains("empty"));
    assert!(reason_of("folder.ron").contains("not a save file"));
    assert!(reason_of("garbage.ron").starts_with("not a valid save"));
    assert!(reason_of("folder").contains("no such file or folder"));
    let md = report.to_markdown();
    assert!(md.contains("## Not ranked"), "{md}");
}

#[test]
fn csv_has_a_header_one_row_per_save_and_rfc_4180_quoting() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_save(
        dir.path(),
        "a",
        "classroom",
        Policy::Balanced,
        "Doe, \"Jane\"",
    );
    write_save(
        dir.path(),
        "b",
        "classroom",
        Policy::HireOnly,
        "=HYPERLINK(\"x\")",
    );
    std::fs::write(dir.path().join("c.ron"), "nope").expect("write");
    let csv = ClassReport::build(&[dir.path().to_path_buf()]).to_csv();
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert_eq!(
        lines[0],
        "rank,player,file,scenario,difficulty,seed,fingerprint,ending,month,date,score,outcome,margin,\
         speed,safety,money,verified,reason,flags,world,moves,suggested"
    );
    // Ranked 1 and 2 in the order of their scores; quoted as RFC 4180 says, and the formula
    // defused with a leading apostrophe.
    let (first, second) = if lines[1].contains("Jane") {
        (lines[1], lines[2])
    } else {
        (lines[2], lines[1])
    };
    assert!(first.contains("\"Doe, \"\"Jane\"\"\","), "{first}");
    assert!(second.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{second}");
    assert!(
        lines[1].starts_with("1,") && lines[2].starts_with("2,"),
        "{csv}"
    );
    assert!(lines[3].starts_with(",,"), "{}", lines[3]);
    assert!(lines[3].contains(",no,\"not a valid save"), "{}", lines[3]);
    assert!(csv.ends_with("\r\n"));
    assert!(!csv.contains("\n\n"));
}

#[test]
fn the_commands_write_reports_and_debriefs() {
    let (dir, _) = class_folder();
    let bin = env!("CARGO_BIN_EXE_ai-race");
    let run = |args: &[&str]| {
        let out = Command::new(bin)
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("run");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.status.code(),
        )
    };
    let (md, code) = run(&["report", "."]);
    assert_eq!(code, Some(0));
    assert!(md.starts_with("# Class report"), "{md}");
    let (_, code) = run(&["report", ".", "--format", "csv", "--out", "class.csv"]);
    assert_eq!(code, Some(0));
    let csv = std::fs::read_to_string(dir.path().join("class.csv")).expect("class.csv");
    assert_eq!(csv.split_terminator("\r\n").count(), 7);
    let (_, code) = run(&["report", ".", "--format", "xls"]);
    assert_eq!(code, Some(2));
    let (_, code) = run(&["report", ".", "--out", "balanced-0.ron"]);
    assert_eq!(code, Some(2), "a report must never overwrite a save");

    let (debrief, code) = run(&["debrief", "balanced-0.ron"]);
    assert_eq!(code, Some(0));
    assert!(
        debrief.starts_with("# Debrief: Classroom sprint"),
        "{debrief}"
    );
    assert!(debrief.contains("## Questions for discussion"));
    let (_, code) = run(&["debrief", "balanced-0.ron", "--out", "ada.md"]);
    assert_eq!(code, Some(0));
    assert!(dir.path().join("ada.md").is_file());
    let (_, code) = run(&["debrief", "missing.ron"]);
    assert_eq!(code, Some(1));
}

/// A verified save whose player, scenario and difficulty names carry HTML, terminal escapes,
/// a right-to-left override and zero-width spaces.
fn hostile_names_save(dir: &Path) -> PathBuf {
    let mut c = content::load_builtin("classroom", None).expect("built-in");
    c.scenario.id = "x<script>alert(1)</script>".into();
    c.scenario.name = "<script>alert(1)</script>\u{202e}gnp.exe\u{200b}".into();
    c.difficulty.id = "nor\u{1b}[31mmal".into();
    c.difficulty.name = "Hard\u{1b}]0;owned\u{7}|x".into();
    c.scenario.locked = false;
    let content = Arc::new(c);
    let seed = 5;
    let (_, decisions) = common::own_game(&content, seed, Policy::Balanced, 2);
    let mut play = Playthrough::replay(content, seed, &decisions).expect("replays");
    play.record.player = Some("<img src=x onerror=alert(1)>\u{200b}\u{202e}=1+1".into());
    let path = dir.join("hostile-names.ron");
    std::fs::write(&path, play.to_text().expect("text")).expect("write");
    path
}

fn assert_no_raw_hidden(what: &str, out: &str) {
    for c in ['\u{1b}', '\u{7}', '\u{202e}', '\u{200b}'] {
        assert!(!out.contains(c), "{what} printed {c:?} raw:\n{out}");
    }
}

#[test]
fn hostile_names_are_shown_visibly_and_escaped_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = hostile_names_save(dir.path());
    let bin = env!("CARGO_BIN_EXE_ai-race");
    let run = |args: &[&str]| {
        let out = Command::new(bin).args(args).output().expect("runs");
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let file = path.to_str().expect("utf-8 path");
    let verify = run(&["verify", file]);
    assert_no_raw_hidden("verify", &verify);
    assert!(verify.contains("\\u{202e}"), "{verify}");

    let md = run(&["report", file]);
    assert_no_raw_hidden("report (md)", &md);
    assert!(!md.contains("<img") && !md.contains("<script"), "{md}");
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;"), "{md}");
    assert!(md.contains("u{200b}") && md.contains("u{202e}"), "{md}");

    let csv = run(&["report", "--format", "csv", file]);
    assert_no_raw_hidden("report (csv)", &csv);
    assert!(csv.contains("\\u{1b}[31m"), "{csv}");

    let debrief = run(&["debrief", file]);
    assert_no_raw_hidden("debrief", &debrief);
    assert!(!debrief.contains("<script"), "{debrief}");
}

#[test]
fn a_formula_in_a_player_name_stays_text_in_the_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_save(
        dir.path(),
        "f",
        "classroom",
        Policy::Balanced,
        "=HYPERLINK(\"x\")",
    );
    let csv = ClassReport::build(&[dir.path().to_path_buf()]).to_csv();
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
}

/// The reason `report` gives for not ranking the file whose name ends in `name`.
fn reason_for(report: &ClassReport, name: &str) -> String {
    report
        .failed
        .iter()
        .find(|f| f.file.ends_with(name))
        .map(|f| f.reason.clone())
        .unwrap_or_else(|| panic!("{name} is ranked: {:?}", report.groups))
}

/// The ranked entry whose file ends in `name`.
fn entry_for<'a>(report: &'a ClassReport, name: &str) -> &'a ai_race::report::class::Entry {
    report
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .find(|e| e.file.ends_with(name))
        .unwrap_or_else(|| panic!("{name} is not ranked: {:?}", report.failed))
}

#[test]
fn a_copy_with_only_the_player_name_changed_marks_both_and_unranks_neither() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write_student(d, "alice", "classroom", (Policy::Balanced, 3), "Alice");
    let text = std::fs::read_to_string(d.join("alice.ron")).expect("save");
    std::fs::write(d.join("bob.ron"), text.replace("\"Alice\"", "\"Bob\"")).expect("write");
    write_student(d, "carol", "classroom", (Policy::HireOnly, 2), "Carol");
    let report = ClassReport::build(&[d.to_path_buf()]);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.groups.len(), 1);
    assert_eq!(report.groups[0].entries.len(), 3, "the teacher decides");
    for (name, other) in [("alice.ron", "bob.ron)"), ("bob.ron", "alice.ron)")] {
        let e = entry_for(&report, name);
        assert_eq!(e.flags.len(), 1, "{:?}", e.flags);
        assert!(e.flags[0].contains("identical decisions"), "{:?}", e.flags);
        assert!(e.flags[0].contains(other), "{:?}", e.flags);
    }
    assert!(entry_for(&report, "carol.ron").flags.is_empty());
    let md = report.to_markdown();
    assert!(md.contains("To check: 2 ranked saves marked"), "{md}");
    assert!(report.to_csv().contains("identical decisions"));
    assert!(report.to_html().contains("To check: 2 ranked saves marked"));
}

#[test]
fn the_same_file_given_twice_is_ranked_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_student(dir.path(), "a", "classroom", (Policy::Balanced, 3), "Alice");
    let file = dir.path().join("a.ron");
    let report = ClassReport::build(&[file.clone(), file, dir.path().to_path_buf()]);
    assert_eq!(report.groups[0].entries.len(), 1, "{:?}", report.groups);
    assert!(reason_for(&report, "a.ron").contains("given twice: ranked once"));
}

#[test]
fn a_game_identical_to_a_shipped_script_is_named_and_not_ranked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    let seed = content.scenario.seed.expect("seed");
    let (_, decisions) = play(&content, seed, Policy::Balanced);
    let mut game = Playthrough::replay(content, seed, &decisions).expect("replays");
    game.record.player = Some("Mallory".into());
    std::fs::write(dir.path().join("m.ron"), game.to_text().expect("text")).expect("write");
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    let why = reason_for(&report, "m.ron");
    assert!(
        why.contains("plays exactly like the `balanced` script"),
        "{why}"
    );
    assert!(report.groups.is_empty());
}

/// Writes a verified save of a game on `content` (claiming whatever it claims).
fn write_on(dir: &Path, name: &str, content: ai_race::game::Content, seed: u64) -> PathBuf {
    let content = Arc::new(content);
    let (_, decisions) = common::own_game(&content, seed, Policy::Balanced, 2);
    let game = Playthrough::replay(content, seed, &decisions).expect("replays");
    let path = dir.join(name);
    std::fs::write(&path, game.to_text().expect("text")).expect("write");
    path
}

fn verify_line(path: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("verify")
        .arg(path)
        .output()
        .expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn an_edited_builtin_scenario_is_a_modified_scenario_never_ranked_with_the_builtin() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_student(
        dir.path(),
        "honest",
        "classroom",
        (Policy::Balanced, 3),
        "Honest",
    );
    let mut richer = content::load_builtin("classroom", None).expect("built-in");
    richer.labs[0].budget += 50_000;
    let seed = richer.scenario.seed.expect("seed");
    let path = write_on(dir.path(), "richer.ron", richer, seed);
    let mut longer = content::load_builtin("classroom", None).expect("built-in");
    longer.scenario.months = 120;
    write_on(dir.path(), "longer.ron", longer, seed);

    let (ok, line) = verify_line(&path);
    assert!(!ok, "{line}");
    assert!(line.contains("modified scenario"), "{line}");
    assert!(line.contains("fingerprint"), "{line}");

    // Its debrief says so in its title, never passing for the built-in's.
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("debrief")
        .arg(&path)
        .output()
        .expect("runs");
    let debrief = String::from_utf8_lossy(&out.stdout);
    let title = debrief.lines().next().unwrap_or("");
    assert!(
        title.contains("Classroom sprint (edited copy, not the built-in scenario)"),
        "{title}"
    );

    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    for name in ["richer.ron", "longer.ron"] {
        let why = reason_for(&report, name);
        assert!(why.starts_with("modified scenario"), "{why}");
    }
    assert_eq!(report.groups.len(), 1);
    assert_eq!(report.groups[0].entries.len(), 1);
    let fp = &report.groups[0].fingerprint;
    assert_eq!(fp.len(), 8);
    assert!(report.to_markdown().contains(&format!("fingerprint {fp}")));
    assert!(report.to_csv().contains(&format!(",{fp},")));
}

#[test]
fn a_relabelled_difficulty_does_not_move_a_save_into_another_group() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut c = content::load_builtin("race-2025", Some("normal")).expect("built-in");
    c.difficulty.id = "hard".into();
    c.difficulty.name = "Hard".into();
    write_on(dir.path(), "relabelled.ron", c, 42);
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    assert!(report.groups.is_empty(), "{:?}", report.groups);
    assert!(reason_for(&report, "relabelled.ron").starts_with("modified scenario"));
}

#[test]
fn a_locked_scenario_played_on_another_seed_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = content::load_builtin("classroom", None).expect("built-in");
    assert!(c.scenario.locked);
    let fixed = c.scenario.seed.expect("seed");
    let path = write_on(dir.path(), "other-seed.ron", c, fixed + 1);
    let (ok, line) = verify_line(&path);
    assert!(!ok, "{line}");
    assert!(line.contains(&format!("locked to seed {fixed}")), "{line}");
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    assert!(report.groups.is_empty());

    // `sim --save` on a locked scenario saves a game of its world.
    let out_path = dir.path().join("sim.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args([
            "sim", "--policy", "balanced", "--games", "1", "--seed", "99",
        ])
        .args(["--scenario", "classroom", "--save"])
        .arg(&out_path)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let (ok, line) = verify_line(&out_path);
    assert!(ok, "{line}");
}

#[test]
fn a_harmless_duplicate_is_marked_apart_from_a_forgery_in_every_format() {
    use ai_race::report::class::FailedKind;
    let (dir, scores) = class_folder();
    let d = dir.path();
    // A forgery: a better score than the game earned.
    let earned = scores[3].1;
    edit(
        &d.join("hire-only-0.ron"),
        &format!("score:{earned},"),
        "score:9999,",
    );
    std::fs::write(d.join("garbage.ron"), "this is not a save").expect("write");
    // A harmless duplicate: one save named twice.
    let first = std::fs::read_dir(d)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .find(|p| !p.ends_with("hire-only-0.ron") && !p.ends_with("garbage.ron"))
        .expect("a save");
    let report = ClassReport::build(&[d.to_path_buf(), first]);
    let kinds: Vec<FailedKind> = report.failed.iter().map(|f| f.kind()).collect();
    for want in [
        FailedKind::Modified,
        FailedKind::Duplicate,
        FailedKind::Refused,
    ] {
        assert!(kinds.contains(&want), "{want:?} in {:?}", report.failed);
    }
    let md = report.to_markdown();
    for mark in ["| = duplicate |", "| ✗ modified |", "| ! not ranked |"] {
        assert!(md.contains(mark), "{mark}:\n{md}");
    }
    let html = report.to_html();
    assert!(html.contains("<tr class=\"dup\"><td class=\"kind\">= duplicate</td>"));
    assert!(html.contains("<tr class=\"bad\"><td class=\"kind\">✗ modified</td>"));
    // The duplicate's row carries no warning sign: only marked, ranked saves do.
    let dup = &html[html.find("<tr class=\"dup\"").expect("row")..];
    assert!(!dup[..dup.find("</tr>").expect("end")].contains("flag"));
}
