//! What-if forks: a fork at month N is the parent's game at the start of month N exactly, its
//! save verifies on its own and names its parent, and a file no one can trust is never forked.

use std::process::Command as Process;
use std::sync::Arc;

use ai_race::content;
use ai_race::game::hash::hex;
use ai_race::game::policy::{Policy, play};
use ai_race::game::{Command, Content};
use ai_race::save::{self, ForkError, Playthrough, Verified};

/// A balanced game of the 2025 race, finished, as its verified save.
fn parent_text(seed: u64) -> String {
    let content = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
    let (_, decisions) = play(&content, seed, Policy::Balanced);
    let mut p = Playthrough::replay(content, seed, &decisions).expect("a scripted game replays");
    p.record.player = Some("Ada".into());
    p.to_text().expect("the save is written")
}

/// The first seed from 1 whose balanced game Meta wins (the comparison shows a won parent).
fn winning_seed() -> u64 {
    let content = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
    (1..200)
        .find(|&seed| {
            let (state, _) = play(&content, seed, Policy::Balanced);
            matches!(
                state.ending,
                Some(ai_race::game::Ending::PlayerFirst { .. })
            )
        })
        .expect("balanced wins some game of the first 200")
}

fn parent(seed: u64) -> Verified {
    save::load_text(&parent_text(seed)).expect("the parent verifies")
}

#[test]
fn a_fork_at_month_n_reproduces_the_parents_checkpoint_hash_at_n() {
    let parent = parent(7);
    let last = save::last_fork_month(&parent.play);
    assert!(last > 10, "the balanced game lasts: {last}");
    let mut compared = 0;
    for (counter, hash) in parent.play.record.checkpoints() {
        let month = u32::from(*counter) + 1;
        if month > u32::from(last) {
            continue;
        }
        let fork = save::fork(&parent, month).expect("the fork is made");
        assert_eq!(fork.game.state.month, *counter, "month {month}");
        assert_eq!(&hex(fork.game.hash()), hash, "month {month}");
        // The fork's own record agrees with the parent's up to the split.
        let n = usize::from(*counter / save::CHECKPOINT_MONTHS) + 1;
        assert_eq!(
            fork.record.checkpoints(),
            &parent.play.record.checkpoints()[..n]
        );
        compared += 1;
    }
    assert!(compared >= 4, "only {compared} checkpoints compared");
}

#[test]
fn a_forks_save_verifies_alone_and_names_its_parent() {
    let parent = parent(7);
    let mut fork = save::fork(&parent, 5).expect("the fork is made");
    // Decide otherwise: end three months without doing anything.
    for _ in 0..3 {
        if let Some(p) = &fork.game.state.pending {
            let last = u8::try_from(p.options.len() - 1).expect("few options");
            fork.apply(&Command::Choose(last)).expect("an answer");
        }
        fork.apply(&Command::EndMonth).expect("the month ends");
    }
    let text = fork.to_text().expect("the fork's save is written");
    assert!(
        text.contains("parent: Some((fingerprint:\""),
        "{text:.2000}"
    );
    let v = save::load_text(&text).expect("the fork verifies on its own");
    let recorded = v
        .play
        .record
        .parent
        .clone()
        .expect("the parent is recorded");
    assert_eq!(recorded.month, 5);
    assert_eq!(recorded.fingerprint, save::fingerprint_of(&parent.play));
    // `verify` says it is a fork, and of which game.
    let line = save::verified_line(&v);
    assert!(
        line.ends_with(&format!(
            ", a what-if fork from month 5 of game {}",
            recorded.fingerprint
        )),
        "{line}"
    );
    // It holds every decision from the first month: the parent's before month 5, then its own.
    let before = save::decisions_before(parent.play.decisions(), 5);
    assert_eq!(
        &v.play.decisions()[..before],
        &parent.play.decisions()[..before]
    );
    assert_ne!(v.play.decisions(), parent.play.decisions());
}

#[test]
fn the_fingerprint_ignores_the_players_name_and_the_files_layout() {
    let text = parent_text(7);
    let renamed = text.replace("player: Some(\"Ada\")", "player: Some(\"Bo\")");
    let spaced = text.replace("\n        (", "\n  (");
    let a = save::fingerprint_of(&save::load_text(&text).expect("verifies").play);
    let b = save::fingerprint_of(&save::load_text(&renamed).expect("verifies").play);
    let c = save::fingerprint_of(&save::load_text(&spaced).expect("verifies").play);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(a.len(), 16);
    // Another game of the same world is another parent.
    let other = save::fingerprint_of(&parent(8).play);
    assert_ne!(a, other);
}

#[test]
fn a_month_outside_the_parents_game_is_refused_with_the_range() {
    let parent = parent(7);
    let last = save::last_fork_month(&parent.play);
    for asked in [0, u32::from(last) + 1, 70_000, u32::MAX] {
        let e = save::fork(&parent, asked).expect_err("refused");
        assert!(matches!(e, ForkError::Month { .. }), "{e}");
        let m = e.to_string();
        assert!(
            m.contains(&format!("choose a month from 1 to {last}")),
            "{m}"
        );
        assert!(m.contains(&asked.to_string()), "{m}");
    }
    // Month 1 is the same world from the start: no decision kept.
    let fresh = save::fork(&parent, 1).expect("month 1 forks");
    assert!(fresh.decisions().is_empty());
    assert_eq!(
        hex(fresh.game.hash()),
        parent.play.record.checkpoints()[0].1
    );
}

#[test]
fn a_parent_on_an_edited_built_in_scenario_is_not_forked() {
    let content = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
    let mut edited = Content::clone(&content);
    edited.difficulty.budget_pct += 50;
    let p = Playthrough::new(Arc::new(edited), 3);
    let v = save::load_text(&p.to_text().expect("written")).expect("it replays");
    let e = save::fork(&v, 1).expect_err("refused");
    assert!(e.to_string().contains("modified scenario"), "{e}");
    assert!(e.to_string().contains("only a save that verifies"), "{e}");
}

#[test]
fn a_hostile_parent_field_is_refused_with_the_reason() {
    let parent = parent(7);
    let fork = save::fork(&parent, 4).expect("forked");
    let text = fork.to_text().expect("written");
    let good = save::fingerprint_of(&parent.play);
    let month = "month:4,";
    // A huge month, a month past the campaign, and a month of zero.
    for bad in ["month:65535,", "month:40,", "month:0,"] {
        let e = save::load_text(&text.replace(month, bad)).expect_err("refused");
        assert!(
            e.to_string()
                .contains("the month it was forked at must be from 1 to 39"),
            "{e}"
        );
    }
    let e = save::load_text(&text.replace(month, "month:99999999999,")).expect_err("refused");
    assert!(matches!(e, save::SaveError::Syntax { .. }), "{e}");
    // Garbage fingerprints: wrong length, not hex, a terminal escape.
    for bad in ["", "0123", "zzzzzzzzzzzzzzzz", "\\u{1b}[2J0123456789ab"] {
        let hostile = text.replace(&good, bad);
        let e = save::load_text(&hostile).expect_err("refused");
        let m = e.to_string();
        assert!(m.contains("16 hex digits"), "{m}");
        assert!(!m.contains('\u{1b}'), "{m:?}");
    }
    // An unknown field inside `parent` is refused like anywhere else in a save.
    let extra = text.replace(month, "month:4,trusted:true,");
    assert!(save::load_text(&extra).is_err());
    // A decision count no game has.
    let count = format!("decisions:{}))", parent.play.decisions().len());
    assert!(text.contains(&count), "{text:.3000}");
    let e = save::load_text(&text.replace(&count, "decisions:4294967295))")).expect_err("refused");
    assert!(e.to_string().contains("at most 20000"), "{e}");
}

#[test]
fn a_save_without_a_parent_is_written_as_before() {
    let text = parent_text(7);
    assert!(
        !text.contains("parent"),
        "no parent field in an ordinary save"
    );
}

fn fork_cli(args: &[&str]) -> (Option<i32>, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("fork")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_fork_command_refuses_a_forged_save_and_a_bad_month() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = parent_text(7);
    let good = dir.path().join("ada.ron");
    std::fs::write(&good, &text).expect("write");
    // A forged score: the file no longer verifies, so it is never forked.
    let forged = dir.path().join("forged.ron");
    let v = save::load_text(&text).expect("verifies");
    let score = format!("score:{},", v.summary().score);
    assert!(text.contains(&score));
    std::fs::write(&forged, text.replacen(&score, "score:99999,", 1)).expect("write");
    let (code, err) = fork_cli(&[forged.to_str().expect("utf-8"), "--month", "3"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("cannot fork"), "{err}");
    assert!(
        err.contains("only a save that verifies can be forked"),
        "{err}"
    );
    // A month outside the game names the range.
    let (code, err) = fork_cli(&[good.to_str().expect("utf-8"), "--month", "0"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("choose a month from 1 to"), "{err}");
    // A good save and month get as far as the terminal (none in a test).
    let (code, err) = fork_cli(&[good.to_str().expect("utf-8"), "--month", "3"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("terminal"), "{err}");
}

/// A fork of `parent` at `month` that only ends months (answering every question with its
/// last option) until the game is over: a clearly different timeline.
fn idle_fork(parent: &Verified, month: u32) -> Playthrough {
    let mut fork = save::fork(parent, month).expect("the fork is made");
    fork.record.player = Some("Bo".into());
    while !fork.game.is_over() {
        if let Some(p) = &fork.game.state.pending {
            let last = u8::try_from(p.options.len() - 1).expect("few options");
            fork.apply(&Command::Choose(last)).expect("an answer");
        }
        fork.apply(&Command::EndMonth).expect("the month ends");
    }
    fork
}

#[test]
fn a_fork_keeps_its_players_name() {
    let parent = parent(winning_seed());
    let named = parent.play.record.player.clone();
    assert!(named.is_some(), "the parent names its player");
    let fork = save::fork(&parent, 3).expect("the fork is made");
    assert_eq!(fork.record.player, named);
    let text = fork.to_text().expect("written");
    let back = save::load_text(&text).expect("verifies");
    assert_eq!(back.play.record.player, named);
}

fn debrief_cli(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("debrief")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_forks_debrief_compares_the_two_timelines_when_the_parent_is_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let parent_path = dir.path().join("ada.ron");
    let won = winning_seed();
    std::fs::write(&parent_path, parent_text(won)).expect("write");
    let parent = save::load_path(&parent_path).expect("verifies");
    let fork = idle_fork(&parent, 5);
    let fork_path = dir.path().join("bo-what-if.ron");
    std::fs::write(&fork_path, fork.to_text().expect("written")).expect("write");
    // Another game of the same world beside them is not taken for the parent.
    std::fs::write(dir.path().join("other.ron"), parent_text(won + 1)).expect("write");

    let (code, md, err) = debrief_cli(&[fork_path.to_str().expect("utf-8")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("ada.ron"), "{err}");
    assert!(
        md.contains("## What if: this game beside its parent"),
        "{md}"
    );
    assert!(
        md.contains("forked from Ada's game at the start of month 5 (Feb 2026)"),
        "{md}"
    );
    assert!(md.contains("| Player | Ada | Bo |"), "{md}");
    assert!(
        md.contains("### Decisions and events that differ after the split"),
        "{md}"
    );
    assert!(md.contains("| 5 (Feb 2026) |"), "{md}");
    // The score line names the difference the what-if made.
    let scores = (parent.summary().score, fork.summary().score);
    assert!(
        md.contains(&format!("| Score | {} | {} |", scores.0, scores.1)),
        "{md}"
    );
    assert!(md.contains("### The race from the split"), "{md}");
    // The parent won in its last month: first, even if a rival reached 100 that month too.
    // (The idle fork may have ended earlier or in the same month; only the parent's cell counts.)
    let won = format!(
        "| {} ({}) | 100.0, 1st |",
        parent.summary().month,
        parent
            .play
            .game
            .content
            .date_label(parent.summary().month - 1)
    );
    assert!(md.contains(&won), "{md}");

    // The HTML debrief, to project or print, has the same comparison on a page of its own.
    let (code, html, err) = debrief_cli(&[fork_path.to_str().expect("utf-8"), "--format", "html"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        html.contains("<section class=\"page\"><h2>What if: this game beside its parent</h2>"),
        "{html}"
    );
    assert!(
        html.contains("forked from Ada&#39;s game at the start of month 5 (Feb 2026)"),
        "{html}"
    );
    assert!(
        html.contains("<tr><th>Player</th><td>Ada</td><td>Bo</td></tr>"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<tr><th>Score</th><td>{}</td><td>{}</td></tr>",
            scores.0, scores.1
        )),
        "{html}"
    );
    assert!(html.trim_end().ends_with("</html>"), "{html}");

    // Given explicitly, the same comparison; given the wrong game, a clear refusal.
    let (code, md2, err) = debrief_cli(&[
        fork_path.to_str().expect("utf-8"),
        "--parent",
        parent_path.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(md, md2);
    let other = dir.path().join("other.ron");
    let (code, _, err) = debrief_cli(&[
        fork_path.to_str().expect("utf-8"),
        "--parent",
        other.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("is not the parent of"), "{err}");
    // A parent that no longer verifies is never compared.
    let forged = dir.path().join("forged.ron");
    std::fs::write(&forged, parent_text(7).replacen("rank:", "rank:9,x:", 1)).expect("write");
    let (code, _, err) = debrief_cli(&[
        fork_path.to_str().expect("utf-8"),
        "--parent",
        forged.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("cannot compare with"), "{err}");

    // Without the parent beside it, the debrief says what is missing.
    std::fs::remove_file(&parent_path).expect("remove");
    let (code, md, err) = debrief_cli(&[fork_path.to_str().expect("utf-8")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        md.contains("neither that save nor a later save of the same game is in its folder"),
        "{md}"
    );
}

#[test]
fn a_fork_of_an_autosave_finds_its_parents_game_played_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let full = parent(7);
    // The parent as an autosave of month 12: its decisions before month 12.
    let before = save::decisions_before(full.play.decisions(), 12);
    let content = Arc::clone(&full.play.game.content);
    let mut early = Playthrough::replay(
        content,
        full.play.record.seed(),
        &full.play.decisions()[..before],
    )
    .expect("replays");
    early.record.player = Some("Ada".into());
    let early = save::load_text(&early.to_text().expect("written")).expect("verifies");
    let fork = idle_fork(&early, 6);
    let fork_path = dir.path().join("bo.ron");
    std::fs::write(&fork_path, fork.to_text().expect("written")).expect("write");
    // Only the finished game is in the folder: the autosave was rotated away.
    std::fs::write(dir.path().join("ada-final.ron"), parent_text(7)).expect("write");
    let (code, md, err) = debrief_cli(&[fork_path.to_str().expect("utf-8")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("ada-final.ron"), "{err}");
    assert!(
        md.contains("forked from Ada's game at the start of month 6"),
        "{md}"
    );
    assert!(
        md.contains(&format!("| Score | {} |", full.summary().score)),
        "{md}"
    );
}
