//! Old saves keep loading: every committed sample under `tests/saves/v<format>-rules<rules>/`
//! must replay to the hash and score recorded in its `EXPECTED.ron`, and samples of older rules
//! are kept to prove they are never silently lost. A change to the rules or the format that
//! would silently break players' saves fails here instead.
//!
//! After a deliberate change to the rules (bump `RULES_VERSION`) or the format (bump
//! `FORMAT_VERSION` and add a migration), regenerate the samples of the current version, and
//! the hostile files derived from them, with:
//!
//! ```text
//! cargo test --profile ci --test all -- --ignored regenerate_samples
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ai_race::content;
use ai_race::game::RULES_VERSION;
use ai_race::game::policy::{Policy, play};
use ai_race::save::{self, FORMAT_VERSION, Playthrough, SaveError};
use serde::{Deserialize, Serialize};

/// What a sample must replay to.
#[derive(Debug, Serialize, Deserialize)]
struct Expected {
    file: String,
    rules: u32,
    month: u16,
    score: i64,
    hash: String,
}

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/saves")
}

#[test]
fn sample_saves_of_every_format_version_replay_to_their_recorded_hash_and_score() {
    let mut current = 0;
    let mut versions: Vec<PathBuf> = fs::read_dir(samples_dir())
        .expect("tests/saves exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.is_dir())
        .collect();
    versions.sort();
    assert!(!versions.is_empty(), "no sample saves under tests/saves");
    for dir in versions {
        let expected: Vec<Expected> = ron::from_str(
            &fs::read_to_string(dir.join("EXPECTED.ron")).expect("EXPECTED.ron in each version"),
        )
        .expect("EXPECTED.ron parses");
        assert!(!expected.is_empty(), "{} has no samples", dir.display());
        for e in expected {
            let path = dir.join(&e.file);
            let result = save::load_path(&path);
            if e.rules < RULES_VERSION {
                // Rules changed on purpose: an old save must say which game replays it.
                assert!(
                    matches!(result, Err(SaveError::OldRules { .. })),
                    "{}: {result:?}",
                    path.display()
                );
                continue;
            }
            current += 1;
            let v = result.unwrap_or_else(|err| {
                panic!(
                    "{} no longer loads: {err}\nIf the rules changed on purpose, bump RULES_VERSION \
                     and regenerate the samples (see this file's header).",
                    path.display()
                )
            });
            let s = v.summary();
            assert_eq!(
                (s.month, s.score, s.hash.as_str()),
                (e.month, e.score, e.hash.as_str()),
                "{} replays differently: the rules changed without a RULES_VERSION bump?",
                path.display()
            );
        }
    }
    assert!(
        current > 0,
        "no sample saves for rules version {RULES_VERSION}: regenerate them (see this file's header)"
    );
}

/// The sample games: (file, scenario, difficulty, policy, seed, decisions kept, player).
/// `None` keeps the whole game; a number cuts it mid-campaign, as a player saving does.
type Sample = (
    &'static str,
    &'static str,
    &'static str,
    Policy,
    u64,
    Option<usize>,
    Option<&'static str>,
);

const SAMPLES: [Sample; 4] = [
    (
        "balanced-race-2025.ron",
        "race-2025",
        "normal",
        Policy::Balanced,
        1,
        None,
        Some("Sample player"),
    ),
    (
        "random-classroom.ron",
        "classroom",
        "normal",
        Policy::Random,
        20_260_101,
        None,
        None,
    ),
    (
        "hire-only-meta-ahead-hard.ron",
        "meta-ahead",
        "hard",
        Policy::HireOnly,
        7,
        None,
        None,
    ),
    (
        "balanced-race-2025-mid-game.ron",
        "race-2025",
        "easy",
        Policy::Balanced,
        3,
        Some(23),
        Some("Ada"),
    ),
];

fn sample_playthrough(s: &Sample) -> Playthrough {
    let (_, scenario, difficulty, policy, seed, keep, player) = *s;
    let content = Arc::new(content::load_builtin(scenario, Some(difficulty)).expect("built-in"));
    let (_, mut decisions) = play(&content, seed, policy);
    if let Some(keep) = keep {
        decisions.truncate(keep);
    }
    let mut p = Playthrough::replay(content, seed, &decisions).expect("a scripted game replays");
    p.record.player = player.map(str::to_string);
    p
}

/// Writes the samples of the current format version and the hostile files derived from the
/// balanced sample. Run it only after a deliberate rules or format change.
#[test]
#[ignore = "rewrites tests/saves and tests/hostile; run by hand after a rules or format change"]
fn regenerate_samples() {
    let dir = samples_dir().join(format!("v{FORMAT_VERSION}-rules{RULES_VERSION}"));
    fs::create_dir_all(&dir).expect("create the version folder");
    let mut expected = Vec::new();
    for s in &SAMPLES {
        let p = sample_playthrough(s);
        let summary = p.summary();
        fs::write(dir.join(s.0), p.to_text().expect("save text")).expect("write sample");
        expected.push(Expected {
            file: s.0.to_string(),
            rules: RULES_VERSION,
            month: summary.month,
            score: summary.score,
            hash: summary.hash,
        });
    }
    let pretty = ron::ser::PrettyConfig::new();
    fs::write(
        dir.join("EXPECTED.ron"),
        ron::ser::to_string_pretty(&expected, pretty).expect("expected list") + "\n",
    )
    .expect("write EXPECTED.ron");
    write_derived_hostile_files(&sample_playthrough(&SAMPLES[0]));
}

/// Hostile files made by editing a real save, so they test the replay rather than the parser.
fn write_derived_hostile_files(p: &Playthrough) {
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let text = p.to_text().expect("save text");
    let write = |name: &str, body: &[u8]| fs::write(hostile.join(name), body).expect("write");
    let summary = p.summary();

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    write("byte-order-mark.ron", &bom);

    write("truncated.ron", &text.as_bytes()[..text.len() / 2]);

    let score = format!("score:{},", summary.score);
    assert!(text.contains(&score));
    write(
        "higher-score.ron",
        text.replacen(&score, "score:99999,", 1).as_bytes(),
    );

    // The first upgrade of the first month, pointed at a stage that does not exist.
    let first = &p.decisions()[0];
    let line = format!("        {},", ron::to_string(first).expect("decision"));
    assert!(text.contains(&line), "{line}");
    write(
        "illegal-decision.ron",
        text.replacen(&line, "        (0,Upgrade(\"teleporter\")),", 1)
            .as_bytes(),
    );

    // A legal change at the very end: the final month's last move (not an event's answer,
    // which the next move would need) is dropped.
    let last_month = summary.month.saturating_sub(1);
    let cut = p
        .decisions()
        .iter()
        .rposition(|(m, c)| {
            *m == last_month
                && !matches!(
                    c,
                    ai_race::game::Command::EndMonth | ai_race::game::Command::Choose(_)
                )
        })
        .expect("a move in the last month");
    let line = format!(
        "        {},\n",
        ron::to_string(&p.decisions()[cut]).expect("decision")
    );
    assert!(text.contains(&line), "{line}");
    write(
        "removed-decision.ron",
        text.replacen(&line, "", 1).as_bytes(),
    );

    let months = format!("months: {},", p.game.content.scenario.months);
    assert!(text.contains(&months));
    write(
        "bad-scenario.ron",
        text.replacen(&months, "months: 60000,", 1).as_bytes(),
    );

    let player = "player: Some(\"Sample player\"),";
    assert!(text.contains(player));
    write(
        "escape-in-player.ron",
        text.replacen(player, "player: Some(\"\u{1b}[2J\u{1b}]0;owned\u{7}\"),", 1)
            .as_bytes(),
    );

    let seed = format!("    seed: {},", p.record.seed());
    write(
        "other-seed.ron",
        text.replacen(&seed, "    seed: 424242,", 1).as_bytes(),
    );
}
