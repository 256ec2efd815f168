//! Property tests: no sequence of commands, legal or not, makes the rules panic or pushes a
//! number out of its documented range.

use std::sync::Arc;

use proptest::prelude::*;

use ai_race::content;
use ai_race::game::units::Progress;
use ai_race::game::{Command, Content, Game};

fn content() -> Arc<Content> {
    Arc::new(content::load_builtin("race-2025", Some("hard")).expect("built-in scenario"))
}

/// Turns three arbitrary numbers into a command, with ids drawn from the content.
fn command(c: &Content, g: &Game, kind: u8, a: u16, b: u32) -> Command {
    let pick = |ids: Vec<&String>| ids[usize::from(a) % ids.len().max(1)].clone();
    match kind % 16 {
        0 => {
            let market = &g.state.market;
            let person = if market.is_empty() {
                u32::from(a)
            } else {
                market[usize::from(a) % market.len()]
            };
            Command::Offer {
                person,
                salary: b % 700,
            }
        }
        1 => Command::Adopt(pick(c.techs.iter().map(|t| &t.id).collect())),
        2 => Command::Build(pick(c.techs.iter().map(|t| &t.id).collect())),
        3 => Command::AdoptThenBuild(pick(c.techs.iter().map(|t| &t.id).collect())),
        4 => Command::Retire(pick(c.legacy.iter().map(|t| &t.id).collect())),
        5 => Command::Upgrade(pick(c.stages.iter().map(|t| &t.id).collect())),
        6 => Command::BuildDataCentre(b % 500),
        7 => Command::LeaseCompute(b % 250),
        8 => Command::OpenRelease,
        9 => Command::SafetyReview,
        10 => Command::ShipAi,
        11 => Command::Morale,
        12 => Command::Deal(pick(c.deals.iter().map(|t| &t.id).collect())),
        13 => Command::Choose((b % 4) as u8),
        14 => Command::RaiseLicence(pick(c.techs.iter().map(|t| &t.id).collect())),
        _ => Command::EndMonth,
    }
}

fn assert_in_range(g: &Game) {
    for (i, l) in g.state.labs.iter().enumerate() {
        for (name, v) in [
            ("morale", l.morale),
            ("risk", l.risk),
            ("board", l.board),
            ("review", l.review),
            ("ecosystem", l.ecosystem),
            ("data", l.data),
        ] {
            assert!((0..=100).contains(&v), "lab {i} {name} = {v}");
        }
        for t in l.tracks {
            assert!((0..=Progress::MAX.0).contains(&t.0), "lab {i} track {t:?}");
        }
        assert!(l.progress() <= Progress::MAX);
        // Money: never more than the whole starting budget plus every month's income, and a
        // debt never deeper than a few months of costs (the board freezes the budget first).
        assert!(l.budget < 10_000_000, "lab {i} budget {}", l.budget);
        assert!(l.budget > -200_000, "lab {i} budget {}", l.budget);
        assert!(l.weeks <= 6);
        assert!(l.deploy_minutes >= 2);
    }
    assert!(g.state.month <= g.content.scenario.months);
    let score = g.score();
    assert_eq!(
        score.total,
        score.parts().iter().map(|(_, v)| v).sum::<i64>()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_command_sequence_keeps_numbers_in_range(
        seed in any::<u64>(),
        moves in proptest::collection::vec((any::<u8>(), any::<u16>(), any::<u32>()), 1..400),
    ) {
        let content = content();
        let mut g = Game::new(Arc::clone(&content), seed);
        for (kind, a, b) in moves {
            let cmd = command(&content, &g, kind, a, b);
            let before = g.state.clone();
            let checked = g.check(&cmd);
            let applied = g.apply(&cmd);
            // check and apply agree, and a refused command changes nothing.
            prop_assert_eq!(checked.is_ok(), applied.is_ok());
            if applied.is_err() {
                prop_assert!(g.state == before, "a refused {:?} changed the state", cmd);
            }
            assert_in_range(&g);
            if g.is_over() {
                break;
            }
        }
    }
}
