//! The suggestion key in saves and in the class report: which moves came from `d` is recorded
//! in the save (metadata the replay does not use), checked on load and in the report, and a
//! student who played with `d` is shown with their share of suggested moves instead of being
//! refused as a scripted game. A list edited to claim moves the suggestion never made is marked
//! and not counted; a hostile list is refused with a clear error, never a panic.

use std::path::Path;

use ai_race::game::Command;
use ai_race::game::policy::{Policy, next_command};
use ai_race::game::rng::Pcg32;
use ai_race::report::ClassReport;
use ai_race::report::class::Entry;
use ai_race::save;
use ai_race::ui::Session;
use ai_race::ui::screens::dashboard::suggestion;

use crate::common;

/// A classroom game in which every move is the suggestion key's (`d`) until month `own_from`
/// (1-based); from then on the player's own moves are the `policy` script's. Events are
/// answered as the balanced script answers them; a month ends when nothing more is suggested.
fn play(name: &str, own_from: u16, policy: Policy) -> Session {
    let mut s = common::classroom_session();
    s.record.player = Some(name.to_string());
    let mut rng = Pcg32::new(1, 2);
    for _ in 0..2_000 {
        if s.game.is_over() {
            break;
        }
        let st = &s.game.state;
        let done = s.record.moves_in(st.month);
        if st.month + 1 >= own_from {
            let c = next_command(&policy.strategy(), s.content(), st, &mut rng, &done);
            if s.apply(c).is_err() {
                s.apply(Command::EndMonth).expect("end the month");
            }
            continue;
        }
        if st.pending.is_some() {
            let c = next_command(
                &Policy::Balanced.strategy(),
                s.content(),
                st,
                &mut rng,
                &done,
            );
            s.apply(c).expect("answer");
            continue;
        }
        match suggestion(&s) {
            Some(c) => {
                s.apply_as(c, true).expect("the suggestion is allowed");
            }
            None => {
                s.apply(Command::EndMonth).expect("end the month");
            }
        }
    }
    assert!(s.game.is_over());
    s
}

fn write(dir: &Path, file: &str, s: &Session) -> String {
    let text = s.record.to_text(&s.game).expect("text");
    std::fs::write(dir.join(file), &text).expect("write");
    text
}

fn entry<'a>(r: &'a ClassReport, file: &str) -> &'a Entry {
    r.groups
        .iter()
        .flat_map(|g| &g.entries)
        .find(|e| e.file.ends_with(file))
        .unwrap_or_else(|| panic!("{file} is not ranked: {:?}", r.failed))
}

#[test]
fn the_suggested_moves_survive_a_save_and_a_load_and_a_fork() {
    let s = play("Ada", 5, Policy::HireOnly);
    let claimed = s.record.suggested.clone();
    assert!(!claimed.is_empty(), "the first four months used d");
    let text = s.record.to_text(&s.game).expect("text");
    assert!(
        text.contains("\n    suggested: ["),
        "written as its own field"
    );
    let loaded = save::load_text(&text).expect("verifies");
    assert_eq!(loaded.play.record.suggested, claimed);
    // A fork keeps the marks of the moves it keeps, and only those.
    let fork = save::fork(&loaded, 3).expect("fork");
    let kept = fork.decisions().len() as u32;
    assert!(!fork.record.suggested.is_empty());
    assert!(fork.record.suggested.iter().all(|&i| i < kept));
    // A game without the key writes no such field (older versions still open it).
    let plain = common::classroom_session();
    let text = plain.record.to_text(&plain.game).expect("text");
    assert!(!text.contains("suggested"));
}

#[test]
fn a_game_played_with_d_is_ranked_with_its_share_not_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    let all_d = play("Dee", 99, Policy::Balanced);
    write(d, "dee.ron", &all_d);
    write(d, "half.ron", &play("Hal", 6, Policy::HireOnly));
    write(d, "own.ron", &play("Olga", 1, Policy::Random));
    let report = ClassReport::build(&[d.to_path_buf()]);
    assert!(
        !report
            .failed
            .iter()
            .any(|f| f.file.ends_with("dee.ron") || f.file.ends_with("half.ron")),
        "{:?}",
        report.failed
    );
    let dee = entry(&report, "dee.ron");
    assert!(dee.suggested.all(), "{:?}", dee.suggested);
    assert_eq!(dee.suggested.percent(), 100);
    assert_eq!(dee.suggested.false_claims, 0);
    let hal = entry(&report, "half.ron");
    assert!(hal.suggested.confirmed > 0 && !hal.suggested.all());
    let olga = entry(&report, "own.ron");
    assert_eq!(olga.suggested.confirmed, 0);
    assert_eq!(olga.suggested.shown(), "none");
    let md = report.to_markdown();
    assert!(md.contains("| Suggested |"), "{md}");
    assert!(
        md.contains(&format!("100% ({0} of {0})", dee.suggested.moves)),
        "{md}"
    );
    let csv = report.to_csv();
    assert!(
        csv.lines()
            .next()
            .expect("header")
            .ends_with(",moves,suggested")
    );
    assert!(report.to_html().contains("<th class=\"n\">Suggested</th>"));
    // The whole game the suggestion's is said in words, not hidden.
    if report.failed.is_empty() && dee.flags.iter().any(|f| f.contains("suggestion key")) {
        assert!(md.contains("every move made with the suggestion key"));
    }
}

#[test]
fn a_list_edited_to_claim_other_moves_is_marked_and_not_counted() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    let mut s = play("Mallory", 1, Policy::Random);
    // Claim every move of the first months: none of them was the suggestion.
    let moves: Vec<u32> = s
        .record
        .decisions()
        .iter()
        .enumerate()
        .filter(|(_, (m, c))| *m < 3 && !matches!(c, Command::EndMonth | Command::Choose(_)))
        .map(|(i, _)| i as u32)
        .collect();
    assert!(moves.len() >= 3);
    s.record.suggested = moves.clone();
    write(d, "mallory.ron", &s);
    write(d, "olga.ron", &play("Olga", 1, Policy::HireOnly));
    let report = ClassReport::build(&[d.to_path_buf()]);
    let e = entry(&report, "mallory.ron");
    // Moves that happen to equal the suggestion count; the others are false claims.
    assert_eq!(
        e.suggested.confirmed + e.suggested.false_claims,
        moves.len() as u32
    );
    assert!(e.suggested.false_claims > 0, "{:?}", e.suggested);
    assert!(
        e.flags
            .iter()
            .any(|f| f.contains("suggestion at that moment was another move")),
        "{:?}",
        e.flags
    );
}

#[test]
fn a_hostile_list_is_refused_with_a_clear_error() {
    let s = play("Eve", 4, Policy::HireOnly);
    let text = s.record.to_text(&s.game).expect("text");
    let list = |l: &str| {
        let start = text.find("\n    suggested: [").expect("field") + 1;
        let end = start + text[start..].find('\n').expect("line");
        format!("{}    suggested: [{l}],{}", &text[..start], &text[end..])
    };
    let n = s.record.decisions().len();
    let end_month = s
        .record
        .decisions()
        .iter()
        .position(|(_, c)| *c == Command::EndMonth)
        .expect("a month ended");
    let (a, b) = (s.record.suggested[0], s.record.suggested[1]);
    for (hostile, words) in [
        (format!("{n}"), "but the game has"),
        ("4294967295".to_string(), "but the game has"),
        (format!("{b}, {a}"), "not in order"),
        (format!("{a}, {a}"), "not in order"),
        (format!("{end_month}"), "never makes"),
        ("-1".to_string(), ""),
        ("99999999999".to_string(), ""),
    ] {
        let err = save::load_text(&list(&hostile))
            .err()
            .unwrap_or_else(|| panic!("{hostile}: accepted"));
        assert!(
            err.to_string().contains(words),
            "{hostile}: {}",
            err.verdict()
        );
    }
    // A list longer than any game is cut off while it is read, not allocated.
    let long = vec!["0"; save::MAX_DECISIONS + 1].join(",");
    let err = save::load_text(&list(&long)).expect_err("too long");
    assert!(err.to_string().contains("suggested moves"), "{err}");
}

#[test]
fn plain_mode_shows_the_suggestion_and_d_records_it() {
    let mut out: Vec<u8> = Vec::new();
    let session = common::classroom_session();
    let expected = suggestion(&session).expect("the first month has a suggestion");
    let mut game = ai_race::plain::Plain::new(session, None, &mut out);
    game.command_line("suggest").expect("write");
    game.command_line("d").expect("write");
    let s = game.into_session();
    assert_eq!(s.record.decisions().len(), 1);
    assert_eq!(s.record.decisions()[0].1, expected);
    assert_eq!(s.record.suggested, [0], "the move is recorded as the key's");
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("Suggested: "), "{text}");
    assert!(text.contains("Type d to do it"), "{text}");
    assert!(text.contains("Done: "), "{text}");
}
