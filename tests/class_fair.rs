//! The class report is fair both ways: copies, near-copies, forks and a student's earlier save
//! are caught, each mark names the other save, and the honest save is never taken out of the
//! ranking by someone else's copy. Every case is made from real games, edited as a student
//! would.

use crate::common;

use std::path::Path;
use std::sync::Arc;

use ai_race::content;
use ai_race::game::command::Command;
use ai_race::game::policy::{Params, Policy, Strategy, play, play_strategy};
use ai_race::report::ClassReport;
use ai_race::report::class::Entry;
use ai_race::save::{self, Playthrough};

type Decisions = Vec<(u16, Command)>;

fn classroom() -> (Arc<ai_race::game::Content>, u64) {
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    let seed = content.scenario.seed.expect("seed");
    (content, seed)
}

/// Writes the game of `decisions` as `name.ron`, played by `player`.
fn write(dir: &Path, name: &str, decisions: &[(u16, Command)], player: &str) {
    let (content, seed) = classroom();
    let mut play = Playthrough::replay(content, seed, decisions).expect("replays");
    play.record.player = Some(player.to_string());
    std::fs::write(
        dir.join(format!("{name}.ron")),
        play.to_text().expect("text"),
    )
    .expect("write");
}

/// A student's own game of `policy`, resting in month `rest`.
fn own(policy: Policy, rest: u16) -> Decisions {
    let (content, seed) = classroom();
    common::own_game(&content, seed, policy, rest).1
}

/// The same game with the offer at position `nth` among the offers raised by $1M (replayed, so
/// the save verifies: what a student who edits a classmate's decisions gets).
fn one_salary_more(decisions: &[(u16, Command)], nth: usize) -> Decisions {
    let mut out = decisions.to_vec();
    let (_, cmd) = out
        .iter_mut()
        .filter(|(_, c)| matches!(c, Command::Offer { .. }))
        .nth(nth)
        .expect("the game makes offers");
    if let Command::Offer { salary, .. } = cmd {
        *salary += 1;
    }
    out
}

fn entry<'a>(report: &'a ClassReport, file: &str) -> &'a Entry {
    report
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .find(|e| e.file.ends_with(file))
        .unwrap_or_else(|| panic!("{file} is not ranked: {:?}", report.failed))
}

fn marked(report: &ClassReport, file: &str, words: &str, other: &str) {
    let e = entry(report, file);
    assert!(
        e.flags
            .iter()
            .any(|f| f.contains(words) && f.contains(other)),
        "{file}: no mark with '{words}' naming '{other}': {:?}",
        e.flags
    );
}

#[test]
fn a_classmates_game_with_one_salary_raised_is_marked_on_both_and_both_stay_ranked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let alice = own(Policy::Balanced, 3);
    let offers = alice
        .iter()
        .filter(|(_, c)| matches!(c, Command::Offer { .. }))
        .count();
    write(d, "alice", &alice, "Alice");
    write(d, "bob", &one_salary_more(&alice, offers / 2), "Bob");
    write(d, "carol", &own(Policy::HireOnly, 2), "Carol");
    let report = ClassReport::build(&[d.to_path_buf()]);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.groups[0].entries.len(), 3);
    marked(&report, "alice.ron", "nearly the same decisions", "Bob (");
    marked(&report, "bob.ron", "nearly the same decisions", "Alice (");
    marked(&report, "bob.ron", "1 decision changed", "Alice (");
    assert!(entry(&report, "carol.ron").flags.is_empty());
}

#[test]
fn honest_classmates_are_not_marked() {
    // Students who follow the same plan but rest in different months play different games.
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    for (i, policy) in [Policy::Balanced, Policy::HireOnly].into_iter().enumerate() {
        for rest in 0..3u16 {
            let name = format!("{}-{rest}", policy.name());
            write(d, &name, &own(policy, rest), &format!("Student {i}{rest}"));
        }
    }
    let report = ClassReport::build(&[d.to_path_buf()]);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    for e in &report.groups[0].entries {
        assert!(e.flags.is_empty(), "{}: {:?}", e.file, e.flags);
    }
}

#[test]
fn an_earlier_save_beside_the_final_one_is_superseded_and_the_final_ranked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let game = own(Policy::Balanced, 2);
    let month_6: Decisions = game.iter().filter(|(m, _)| *m < 5).cloned().collect();
    write(d, "ada-june", &month_6, "Ada");
    write(d, "ada-final", &game, "Ada");
    write(d, "bea", &own(Policy::HireOnly, 1), "Bea");
    let report = ClassReport::build(&[d.to_path_buf()]);
    let ranked: Vec<&str> = report.groups[0]
        .entries
        .iter()
        .map(|e| e.player.as_str())
        .collect();
    assert_eq!(report.groups[0].entries.len(), 2, "{ranked:?}");
    assert!(entry(&report, "ada-final.ron").flags.is_empty());
    let why = &report
        .failed
        .iter()
        .find(|f| f.file.ends_with("ada-june.ron"))
        .expect("the earlier save is listed")
        .reason;
    assert!(
        why.contains("superseded") && why.contains("ada-final.ron"),
        "{why}"
    );
}

#[test]
fn a_fork_of_a_classmates_game_is_marked_on_both_by_its_parent() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "alice", &own(Policy::Balanced, 3), "Alice");
    write(d, "carol", &own(Policy::HireOnly, 2), "Carol");
    let parent = save::load_path(&d.join("alice.ron")).expect("verifies");
    let mut fork = save::fork(&parent, 8).expect("forks");
    fork.record.player = Some("Bob".into());
    std::fs::write(d.join("bob.ron"), fork.to_text().expect("text")).expect("write");
    let report = ClassReport::build(&[d.to_path_buf()]);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.groups[0].entries.len(), 3);
    marked(&report, "bob.ron", "a fork", "Alice (");
    marked(&report, "alice.ron", "is a fork of this game", "Bob (");
    assert!(entry(&report, "carol.ron").flags.is_empty());
}

#[test]
fn a_scripts_game_with_one_offer_changed_is_marked_with_the_script() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let (content, seed) = classroom();
    let (_, script) = play(&content, seed, Policy::Balanced);
    let offers = script
        .iter()
        .filter(|(_, c)| matches!(c, Command::Offer { .. }))
        .count();
    write(
        d,
        "mallory",
        &one_salary_more(&script, offers - 1),
        "Mallory",
    );
    write(d, "carol", &own(Policy::HireOnly, 2), "Carol");
    let report = ClassReport::build(&[d.to_path_buf()]);
    marked(&report, "mallory.ron", "follows the `balanced` script", "");
    assert!(entry(&report, "carol.ron").flags.is_empty());
}

#[test]
fn anonymizing_hides_every_name_and_file_and_keeps_reference_games_as_they_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let long = "wilhelmina-alexandra-von-hohenzollern-sigmaringen-the-third";
    let game = own(Policy::Balanced, 2);
    let early: Decisions = game.iter().filter(|(m, _)| *m < 4).cloned().collect();
    write(
        d,
        &format!("{long}-early"),
        &early,
        "Wilhelmina Alexandra von Hohenzollern",
    );
    write(d, long, &game, "Wilhelmina Alexandra von Hohenzollern");
    write(d, "carol-smith", &own(Policy::HireOnly, 2), "Carol Smith");
    // A reference game handed in under a student's file name.
    let (content, seed) = classroom();
    let (_, script) = play(&content, seed, Policy::Balanced);
    write(
        d,
        "zoe-jones",
        &script,
        &ai_race::sim::player_of("balanced"),
    );
    let mut report = ClassReport::build(&[d.to_path_buf()]);
    assert!(
        report
            .failed
            .iter()
            .any(|f| f.reason.contains("superseded")),
        "{:?}",
        report.failed
    );
    report.anonymize();
    let players: Vec<&str> = report.groups[0]
        .entries
        .iter()
        .map(|e| e.player.as_str())
        .collect();
    assert!(players.contains(&"policy: balanced"), "{players:?}");
    assert!(players.contains(&"Student 1") && players.contains(&"Student 2"));
    assert!(!players.contains(&"Student 3"), "{players:?}");
    for (what, out) in [
        ("md", report.to_markdown()),
        ("csv", report.to_csv()),
        ("html", report.to_html()),
    ] {
        for secret in [
            "wilhelmina",
            "Wilhelmina",
            "hohenzollern",
            "carol",
            "Carol",
            "zoe",
        ] {
            assert!(!out.contains(secret), "{what} leaks '{secret}':\n{out}");
        }
        assert!(out.contains("policy: balanced (reference game)"), "{what}");
    }
}

#[test]
fn an_edited_copy_of_the_teachers_scenario_is_its_own_world_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut teachers = content::load_builtin("classroom", None).expect("built-in");
    teachers.scenario.id = "our-lesson".into();
    teachers.scenario.name = "Our lesson".into();
    let mut edited = teachers.clone();
    edited.labs[0].budget += 50_000;
    let seed = teachers.scenario.seed.expect("seed");
    for (name, c, rest) in [
        ("ann", &teachers, 1u16),
        ("ben", &teachers, 2),
        ("cat", &edited, 3),
    ] {
        let content = Arc::new(c.clone());
        let (_, decisions) = common::own_game(&content, seed, Policy::Balanced, rest);
        let mut play = Playthrough::replay(content, seed, &decisions).expect("replays");
        play.record.player = Some(name.to_string());
        std::fs::write(d.join(format!("{name}.ron")), play.to_text().expect("text"))
            .expect("write");
    }
    let report = ClassReport::build(&[d.to_path_buf()]);
    assert_eq!(report.groups.len(), 2, "{:?}", report.failed);
    let csv = report.to_csv();
    let header: Vec<&str> = csv.lines().next().expect("header").split(',').collect();
    let col = header
        .iter()
        .position(|h| h.trim() == "world")
        .expect("world");
    let world_of = |player: &str| {
        csv.lines()
            .find(|l| l.split(',').nth(1) == Some(player))
            .and_then(|l| l.split(',').nth(col).map(|w| w.trim().to_string()))
            .unwrap_or_else(|| panic!("{player} not in {csv}"))
    };
    assert_eq!(world_of("ann"), world_of("ben"));
    assert_ne!(world_of("ann"), world_of("cat"));
    assert!(world_of("cat").contains("version"), "{csv}");
    let md = report.to_markdown();
    assert!(md.contains("version 2 of this scenario") || md.contains("version 1 of this scenario"));
}

#[test]
fn the_board_and_the_report_rank_a_folder_the_same_way() {
    // Two students who both typed "Sam", a third student's earlier save beside her final one,
    // and a copy: the board used to keep one save per name.
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    write(d, "sam-a", &own(Policy::Balanced, 1), "Sam");
    write(d, "sam-b", &own(Policy::HireOnly, 2), "Sam");
    let game = own(Policy::HireOnly, 0);
    let early: Decisions = game.iter().filter(|(m, _)| *m < 3).cloned().collect();
    write(d, "ada-early", &early, "Ada");
    write(d, "ada", &game, "Ada");
    write(d, "bob", &game, "Bob");
    let report = ClassReport::build(&[d.to_path_buf()]);
    let mut board = ai_race::report::board::Board::new(d);
    board.refresh();
    let ranked = |r: &ClassReport| -> Vec<(usize, String, String, usize)> {
        r.groups
            .iter()
            .flat_map(|g| &g.entries)
            .map(|e| {
                let file = Path::new(&e.file)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (e.rank, e.player.clone(), file, e.flags.len())
            })
            .collect()
    };
    assert_eq!(ranked(&report).len(), 4, "{:?}", ranked(&report));
    assert_eq!(ranked(&board.report), ranked(&report));
    assert_eq!(
        board.superseded,
        1,
        "{:?} {:?}",
        ranked(&report),
        report.failed
    );
    assert!(board.report.failed.is_empty(), "{:?}", board.report.failed);
}

#[test]
fn the_board_shows_a_marked_pair_with_both_still_ranked() {
    use ai_race::ui::Theme;
    use ai_race::ui::board::{BoardView, render};
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let game = own(Policy::Balanced, 3);
    write(d, "alice", &game, "Alice");
    write(d, "bob", &game, "Bob");
    write(d, "carol", &own(Policy::HireOnly, 2), "Carol");
    let mut view = BoardView::new(ai_race::report::board::Board::new(d), Theme::new(false));
    view.board.refresh();
    let area = ratatui::layout::Rect::new(0, 0, 100, 30);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    render(&view, area, &mut buf);
    let text = ai_race::ui::widgets::buffer_text(&buf);
    assert!(
        text.contains("3 ranked · 0 flagged · 2 ⚠ to check"),
        "{text}"
    );
    assert!(text.contains("⚠ Alice") && text.contains("⚠ Bob"), "{text}");
    assert!(!text.contains("⚠ Carol"), "{text}");
}

#[test]
fn a_script_run_with_one_setting_changed_is_marked_with_the_script() {
    // `sim --params` with the balanced script's `compute_split` one higher: a bot's game under a
    // student's name, which parts from the script early but stays a decision away from it.
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let (content, seed) = classroom();
    let (_, script) = play(&content, seed, Policy::Balanced);
    // The first one-setting change that plays a different game in this world yet stays close
    // to the script's (a long shared beginning, or few decisions changed): which one does
    // depends on the rules' numbers. Either way the mark names the script and the setting.
    let close = |variant: &Decisions| {
        let n = script.len().max(variant.len());
        let prefix = variant
            .iter()
            .zip(&script)
            .take_while(|(a, b)| a == b)
            .count();
        let differ = variant.iter().zip(&script).filter(|(a, b)| a != b).count();
        let same_length = variant.len() == script.len();
        *variant != script && (prefix * 4 >= n * 3 || (same_length && differ * 25 <= n))
    };
    let variant = [
        |p: &mut Params| p.compute_split += 1,
        |p: &mut Params| p.lease_k += 1,
        |p: &mut Params| p.compute_split += 2,
        |p: &mut Params| p.lease_k += 2,
        |p: &mut Params| p.lease_k += 5,
        |p: &mut Params| p.morale_floor += 1,
        |p: &mut Params| p.data_centre_max_k -= 1,
        |p: &mut Params| p.data_centre_max_k -= 10,
        |p: &mut Params| p.lease_k += 10,
        |p: &mut Params| p.morale_floor += 5,
    ]
    .into_iter()
    .map(|change| {
        let mut params = Policy::Balanced.params().expect("balanced has settings");
        change(&mut params);
        play_strategy(&content, seed, seed, &Strategy::Priority(params)).decisions
    })
    .find(close)
    .expect("one of the settings changes the game");
    write(d, "eve", &variant, "Eve");
    write(d, "carol", &own(Policy::HireOnly, 2), "Carol");
    let report = ClassReport::build(&[d.to_path_buf()]);
    marked(
        &report,
        "eve.ron",
        "the `balanced` script",
        "run with a setting changed",
    );
    assert!(entry(&report, "carol.ron").flags.is_empty());
}
