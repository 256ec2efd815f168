//! A debrief a class can trust: what each lever was worth comes from replaying the same world
//! without it, the lab the player started with is credited to no one, the starting figures
//! are the true start's, and months are numbered one way.

use crate::common;

use std::sync::Arc;
use std::time::Instant;

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::game::{Command, Game};
use ai_race::report::Debrief;
use ai_race::report::counterfactual::{Credit, replay};
use ai_race::report::format::{month_of, tenths};

fn scripted(scenario: &str, policy: Policy, seed: u64) -> (Game, Vec<(u16, Command)>) {
    let content = Arc::new(content::load_builtin(scenario, None).expect("built-in scenario"));
    let (state, decisions) = play(&content, seed, policy);
    (Game { content, state }, decisions)
}

#[test]
fn starting_position_plus_contributions_plus_interaction_is_the_actual_result() {
    let policies = [
        Policy::Balanced,
        Policy::HireOnly,
        Policy::AdoptOnly,
        Policy::PipelineOnly,
        Policy::BalancedNoHire,
        Policy::Random,
    ];
    for scenario in ["classroom", "race-2025"] {
        for policy in policies {
            let (game, decisions) = scripted(scenario, policy, 3);
            let credit = Credit::of_game(&game, &decisions);
            let actual = i64::from(game.state.player().progress().0);
            assert!(credit.faithful, "{scenario} {policy:?}");
            let sum = i64::from(credit.baseline.progress.0)
                + credit.levers.iter().map(|l| l.contribution).sum::<i64>()
                + credit.interaction;
            assert_eq!(sum, actual, "{scenario} {policy:?}: {credit:?}");
            // The shown lines add up to the shown result too.
            let shown: i64 = credit.rows().iter().map(|r| r.shown_tenths).sum();
            assert_eq!(
                tenths(shown),
                game.state.player().progress().display(),
                "{scenario} {policy:?}"
            );
            // Each lever's contribution is actual minus the replay without it.
            for l in &credit.levers {
                assert_eq!(
                    l.contribution,
                    actual - i64::from(l.without.progress.0),
                    "{}",
                    l.name
                );
            }
        }
    }
}

#[test]
fn a_lever_never_touched_is_worth_nothing() {
    // The old debrief said "compute +2.6 points" to a player who never touched compute: the
    // starting lab's GPUs were credited to the player.
    let (game, decisions) = scripted("classroom", Policy::HireOnly, 20260101);
    let credit = Credit::of_game(&game, &decisions);
    for name in ["compute", "pipeline", "adopted tech"] {
        let l = credit.levers.iter().find(|l| l.name == name).expect(name);
        assert_eq!(l.decisions, 0, "{name}");
        assert_eq!(l.contribution, 0, "{name}");
    }
    let hiring = credit.levers.iter().find(|l| l.name == "hiring").unwrap();
    assert!(hiring.decisions > 0);
    let md = Debrief::from_game(&game, &decisions).to_markdown();
    assert!(
        md.contains("| compute (0 decisions) | +0.0 | no such decisions |"),
        "{md}"
    );
    assert!(
        md.contains("| The starting position (no decisions) |"),
        "{md}"
    );
    assert!(md.contains("Share of research speed by cause"), "{md}");
}

#[test]
fn the_classroom_debrief_starts_from_the_true_start() {
    // "6h 00m to 7 min (65 to 355 experiments)": 6h is 25 experiments a month, and risk
    // "went from 34" where it started at 25.
    let (game, decisions) = scripted("classroom", Policy::Balanced, 20260101);
    let d = Debrief::from_game(&game, &decisions);
    let start = ai_race::game::init::new_game(&game.content, game.state.seed);
    assert_eq!(d.deploy_minutes.0, start.player().deploy_minutes);
    assert_eq!(
        d.experiments.0,
        ai_race::game::research::lab_experiments(&game.content.balance.research, start.player())
    );
    assert_eq!(d.safety.risk_start, start.player().risk);
    let md = d.to_markdown();
    assert!(md.contains("Deploys went from 6h 00m at the start"), "{md}");
    let at_start = format!("({} to ", d.experiments.0);
    assert!(md.contains(&at_start), "{md}");
    assert!(
        md.contains(&format!(
            "Risk went from {} at the start",
            start.player().risk
        )),
        "{md}"
    );
}

#[test]
fn months_are_numbered_one_way() {
    let classroom = content::load_builtin("classroom", None).expect("classroom");
    let race = content::load_builtin("race-2025", None).expect("race");
    // A race won in Dec 2027 is month 27, never "Jan 2028, month 28".
    assert_eq!(month_of(&race, 27, true), "month 27 of 39 (Dec 2027)");
    assert_eq!(month_of(&race, 0, false), "month 1 of 39 (Oct 2025)");
    // The classroom game saved at the start of Nov 2026 is in month 11 everywhere.
    assert_eq!(month_of(&classroom, 10, false), "month 11 of 12 (Nov 2026)");
    assert_eq!(month_of(&classroom, 12, true), "month 12 of 12 (Dec 2026)");
    let (game, decisions) = scripted("classroom", Policy::Balanced, 20260101);
    let d = Debrief::from_game(&game, &decisions);
    // The month the game ended in, counted from 1, with its own calendar month.
    let last = month_of(&game.content, game.state.month, true);
    // A finished game has completed `month` months: the last one played is month `month`,
    // whose calendar month is the counter's one before.
    let played = game.state.month.saturating_sub(1);
    assert!(last.ends_with(&format!("({})", game.content.date_label(played))));
    assert!(d.ending.contains(&last), "{} / {last}", d.ending);
}

#[test]
fn the_debrief_of_a_full_campaign_is_fast() {
    let (game, decisions) = scripted("race-2025", Policy::Balanced, 7);
    // The best of a few runs: the machine may be busy with other work.
    let best = |f: &dyn Fn()| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let one = best(&|| {
        let _ = replay(&game.content, game.state.seed, &decisions, |_| true, true);
    });
    let took = best(&|| {
        assert!(Credit::of_game(&game, &decisions).faithful);
    });
    let whole = best(&|| {
        let _ = Debrief::from_game(&game, &decisions);
    });
    eprintln!(
        "a {}-month campaign, {} decisions: one replay {one:?}; the credit (7 replays) \
         {took:?}; the whole debrief {whole:?}",
        game.state.month,
        decisions.len(),
    );
    // Generous for a debug build on a busy machine; release is far below.
    assert!(took.as_secs() < 5, "{took:?}");
}

#[test]
fn a_save_is_in_the_same_month_in_the_class_report_and_the_load_list() {
    // One game, three month numbers: the load list said "month 11 of 12", `report` "10 Oct
    // 2026". A game saved at the start of Nov 2026 is in month 11 (Nov 2026) everywhere.
    let content = Arc::new(content::load_builtin("classroom", None).expect("classroom"));
    let seed = content.scenario.seed.unwrap_or(1);
    let (end, decisions) = common::own_game(&content, seed, Policy::Balanced, 0);
    assert!(end.month >= 9, "the game lasts past September");
    let dir = tempfile::tempdir().expect("temp dir");
    let cut: Vec<(u16, Command)> = decisions.iter().filter(|(m, _)| *m < 8).cloned().collect();
    for (name, list) in [("mid", &cut), ("done", &decisions)] {
        let played =
            ai_race::save::Playthrough::replay(Arc::clone(&content), seed, list).expect("replays");
        let text = played.to_text().expect("save text");
        std::fs::write(dir.path().join(format!("{name}.ron")), text).expect("write");
    }
    let report = ai_race::report::ClassReport::build(&[dir.path().to_path_buf()]);
    let entries: Vec<_> = report.groups.iter().flat_map(|g| &g.entries).collect();
    let mid = entries
        .iter()
        .find(|e| e.file.ends_with("mid.ron"))
        .unwrap_or_else(|| panic!("mid is not ranked: {:?}", report.failed));
    let done = entries
        .iter()
        .find(|e| e.file.ends_with("done.ron"))
        .expect("done");
    assert_eq!((mid.month, mid.date.as_str()), (9, "Sep 2026"));
    // A finished game is in the last month it played.
    let last = end.month;
    assert_eq!(
        (done.month, done.date.as_str()),
        (last, content.date_label(last.saturating_sub(1)).as_str())
    );
    // The load list reads the month from the save's summary.
    let summary = |list: &[(u16, Command)]| {
        ai_race::save::Playthrough::replay(Arc::clone(&content), seed, list)
            .expect("replays")
            .summary()
    };
    let s = summary(&cut);
    assert_eq!(
        ai_race::report::format::month_of_summary(s.month, &s.date, s.ending.is_some(), 12),
        "month 9 of 12 (Sep 2026)"
    );
    let s = summary(&decisions);
    assert_eq!(
        ai_race::report::format::month_of_summary(s.month, &s.date, s.ending.is_some(), 12),
        month_of(&content, end.month, true)
    );
}

#[test]
fn a_lever_credit_reads_the_same_in_the_table_and_the_questions() {
    // Pipeline credit was 4.2 on one line, 4.3 on the next and in the CLI debrief.
    let mut checked = 0;
    for seed in 1..=6 {
        for policy in [Policy::Balanced, Policy::PipelineOnly, Policy::HireOnly] {
            let (game, decisions) = scripted("classroom", policy, seed);
            let d = Debrief::from_game(&game, &decisions);
            let Some(credit) = &d.credit else { continue };
            let md = d.to_markdown();
            for (name, words) in [
                ("pipeline", "your pipeline upgrades were worth "),
                ("hiring", "replaying the game without them leaves you "),
            ] {
                let Some(q) = d.questions.iter().find(|q| q.text.contains(words)) else {
                    continue;
                };
                let shown = credit.shown(name).expect(name);
                let quoted = format!("{words}{} points", tenths(shown.abs()));
                assert!(q.text.contains(&quoted), "{} / {quoted}", q.text);
                let row = format!("| {} |", ai_race::report::format::signed_tenths(shown));
                assert!(md.contains(&row), "{row}");
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no question quoted a lever's credit");
}
