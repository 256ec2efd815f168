//! Save then load gives back the very same game: for random legal games (scripted or made of
//! random commands, saved at any point), the loaded game has the identical state hash and
//! summary, and a full campaign's save stays well under 64 KiB.

use std::sync::{Arc, OnceLock};

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::game::{Command, Content};
use ai_race::save::{self, Origin, Playthrough};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn builtin(scenario: &str, difficulty: &str) -> Arc<Content> {
    static CACHE: OnceLock<Vec<(String, Arc<Content>)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        let mut all = Vec::new();
        for (id, _) in content::BUILTIN_SCENARIOS {
            for d in ["easy", "normal", "hard", "brutal"] {
                let c = content::load_builtin(id, Some(d)).expect("built-in content");
                all.push((format!("{id}/{d}"), Arc::new(c)));
            }
        }
        all
    });
    let key = format!("{scenario}/{difficulty}");
    Arc::clone(
        &all.iter()
            .find(|(k, _)| *k == key)
            .expect("known content")
            .1,
    )
}

fn assert_round_trip(p: &Playthrough) {
    let text = p.to_text().expect("save text");
    let loaded = save::load_text(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(loaded.play.game.hash(), p.game.hash());
    assert_eq!(loaded.play.game.state, p.game.state);
    assert_eq!(loaded.summary(), p.summary());
    assert_eq!(loaded.play.decisions(), p.decisions());
    assert_eq!(loaded.play.record.player, p.record.player);
    assert_eq!(loaded.origin, Origin::Builtin);
    // Saving the loaded game again gives the same file, byte for byte.
    assert_eq!(loaded.play.to_text().expect("save text"), text);
}

/// A command from three random bytes: any kind, real or unknown ids, any amount.
fn command(c: &Content, op: u8, a: u8, b: u8) -> Command {
    let pick = |ids: Vec<&String>| {
        ids.get(usize::from(a) % (ids.len() + 1))
            .map_or_else(|| "no-such-id".to_string(), |s| (*s).clone())
    };
    match op % 16 {
        0 | 1 => Command::Offer {
            person: u32::from(a),
            salary: u32::from(b) * 2,
        },
        2 => Command::Adopt(pick(c.techs.iter().map(|t| &t.id).collect())),
        3 => Command::Build(pick(c.techs.iter().map(|t| &t.id).collect())),
        4 => Command::AdoptThenBuild(pick(c.techs.iter().map(|t| &t.id).collect())),
        5 => Command::Retire(pick(c.legacy.iter().map(|t| &t.id).collect())),
        6 => Command::Upgrade(pick(c.stages.iter().map(|t| &t.id).collect())),
        7 => Command::BuildDataCentre(u32::from(b)),
        8 => Command::LeaseCompute(u32::from(b)),
        9 => Command::OpenRelease,
        10 => Command::SafetyReview,
        11 => Command::ShipAi,
        12 => Command::Morale,
        13 => Command::Deal(pick(c.deals.iter().map(|t| &t.id).collect())),
        14 => Command::Choose(a % 4),
        _ => Command::EndMonth,
    }
}

const SCENARIOS: [&str; 3] = ["race-2025", "classroom", "meta-ahead"];
const DIFFICULTIES: [&str; 4] = ["easy", "normal", "hard", "brutal"];

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/save_roundtrip.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    /// Scripted games, saved at a random point of the campaign.
    #[test]
    fn scripted_games_saved_anywhere_load_to_the_same_hash(
        seed in any::<u64>(),
        policy in 0..Policy::ALL.len(),
        scenario in 0..SCENARIOS.len(),
        difficulty in 0..DIFFICULTIES.len(),
        cut in 0.0..=1.0f64,
        name in proptest::option::of("[a-zA-Z ]{1,20}"),
    ) {
        let content = builtin(SCENARIOS[scenario], DIFFICULTIES[difficulty]);
        // A locked scenario's games are all on its own seed (others are refused on load).
        let seed = match (content.scenario.locked, content.scenario.seed) {
            (true, Some(fixed)) => fixed,
            _ => seed,
        };
        let (_, decisions) = play(&content, seed, Policy::ALL[policy]);
        let keep = (decisions.len() as f64 * cut) as usize;
        let mut p = Playthrough::replay(content, seed, &decisions[..keep]).expect("replays");
        p.record.player = name;
        assert_round_trip(&p);
    }

    /// Random commands: whatever the rules accept is recorded, the rest refused.
    #[test]
    fn random_command_games_load_to_the_same_hash(
        seed in any::<u64>(),
        moves in proptest::collection::vec(any::<(u8, u8, u8)>(), 0..400),
    ) {
        let content = builtin("race-2025", "normal");
        let mut p = Playthrough::new(Arc::clone(&content), seed);
        for (op, a, b) in moves {
            if p.game.is_over() {
                break;
            }
            let _ = p.apply(&command(&content, op, a, b));
        }
        assert_round_trip(&p);
    }
}

#[test]
fn a_whole_campaign_saves_in_well_under_64_kib() {
    // The longest of a few scripted games of the default campaign, and the bytes each month
    // adds, so the bound holds for a full 39 months even while games end earlier.
    let content = builtin("race-2025", "normal");
    let empty = Playthrough::new(Arc::clone(&content), 1)
        .to_text()
        .expect("text")
        .len();
    let mut worst_per_month = 0;
    let mut longest = (0, 0);
    for policy in Policy::ALL {
        for seed in 0..8 {
            let (_, decisions) = play(&content, seed, policy);
            let p = Playthrough::replay(Arc::clone(&content), seed, &decisions).expect("replays");
            let size = p.to_text().expect("text").len();
            let months = usize::from(p.game.state.month.max(1));
            worst_per_month = worst_per_month.max((size - empty).div_ceil(months));
            longest = longest.max((months, size));
            assert!(
                size < 64 * 1024,
                "{} seed {seed}: {size} bytes",
                policy.name()
            );
        }
    }
    let campaign = usize::from(content.scenario.months);
    let full = empty + worst_per_month * campaign;
    eprintln!(
        "empty save {empty} B, longest game {} months in {} B, worst {worst_per_month} B/month, \
         39 months at that rate {full} B",
        longest.0, longest.1
    );
    assert!(full < 64 * 1024, "a full campaign would take {full} bytes");
}
