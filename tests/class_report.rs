//! `ai-race report` as a teacher uses it: a folder of saves ranked by verified score, modified
//! and broken files listed with their reason and never ranked, worlds kept apart, and CSV that
//! a spreadsheet opens.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::game::score::score;
use ai_race::report::ClassReport;
use ai_race::save::Playthrough;

/// Plays `policy` on a built-in scenario at its own seed and writes the save as `name.ron`.
/// Returns the game's score.
fn write_save(dir: &Path, name: &str, scenario: &str, policy: Policy, player: &str) -> i64 {
    let content = Arc::new(content::load_builtin(scenario, None).expect("built-in"));
    let seed = content.scenario.seed.unwrap_or(7);
    let (state, decisions) = play(&content, seed, policy);
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
    for (i, policy) in [Policy::Balanced, Policy::Hoard].into_iter().enumerate() {
        for student in 0..3 {
            let name = format!("{}-{student}", policy.name());
            let player = format!("Student {}", i * 3 + student);
            let total = write_save(dir.path(), &name, "classroom", policy, &player);
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

    let balanced = scores[0].1;
    let hoard = scores[3].1;
    assert!(
        balanced > hoard,
        "balanced {balanced} should beat hoard {hoard}"
    );
    let ranking: Vec<(&str, usize, i64)> = group
        .entries
        .iter()
        .map(|e| (e.player.as_str(), e.rank, e.score))
        .collect();
    // One world, so each policy plays the same game: three tied at the top, three at 4th.
    assert_eq!(
        ranking,
        vec![
            ("Student 0", 1, balanced),
            ("Student 1", 1, balanced),
            ("Student 2", 1, balanced),
            ("Student 3", 4, hoard),
            ("Student 4", 4, hoard),
            ("Student 5", 4, hoard),
        ]
    );
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
    let path = dir.path().join("hoard-0.ron");
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
        Some("hoard-0.ron")
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
        Policy::Hoard,
        "=HYPERLINK(\"x\")",
    );
    std::fs::write(dir.path().join("c.ron"), "nope").expect("write");
    let csv = ClassReport::build(&[dir.path().to_path_buf()]).to_csv();
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert_eq!(
        lines[0],
        "rank,player,file,scenario,difficulty,seed,ending,month,date,score,outcome,margin,\
         speed,safety,money,verified,reason"
    );
    assert!(
        lines[1].starts_with("1,\"Doe, \"\"Jane\"\"\","),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("2,\"'=HYPERLINK(\"\"x\"\")\","),
        "{}",
        lines[2]
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
