//! Fuzzes the replay: arbitrary decisions (any command, any id, any amount) in an otherwise
//! valid save of the default scenario. Whatever the rules accept is replayed, so a panic in
//! the rules on a strange but legal sequence shows up here.
#![no_main]

use std::sync::{Arc, OnceLock};

use ai_race::content;
use ai_race::game::{Command, Content};
use ai_race::save::Playthrough;
use libfuzzer_sys::fuzz_target;

fn content() -> &'static Arc<Content> {
    static CONTENT: OnceLock<Arc<Content>> = OnceLock::new();
    CONTENT.get_or_init(|| Arc::new(content::load_builtin("race-2025", None).expect("built-in")))
}

fn id(list: &[String], pick: u8) -> String {
    // Mostly real ids, sometimes an unknown one.
    list.get(usize::from(pick) % (list.len() + 1))
        .cloned()
        .unwrap_or_else(|| "no-such-id".into())
}

fn command(c: &Content, op: u8, a: u8, b: u8) -> Command {
    let techs: Vec<String> = c.techs.iter().map(|t| t.id.clone()).collect();
    let legacy: Vec<String> = c.legacy.iter().map(|t| t.id.clone()).collect();
    let stages: Vec<String> = c.stages.iter().map(|t| t.id.clone()).collect();
    let deals: Vec<String> = c.deals.iter().map(|t| t.id.clone()).collect();
    let amount = u32::from(a) * 8 + u32::from(b);
    match op % 17 {
        0 => Command::Offer {
            person: u32::from(a),
            salary: u32::from(b) * 4,
        },
        1 => Command::Adopt(id(&techs, a)),
        2 => Command::Build(id(&techs, a)),
        3 => Command::AdoptThenBuild(id(&techs, a)),
        4 => Command::Retire(id(&legacy, a)),
        5 => Command::Upgrade(id(&stages, a)),
        6 => Command::BuildDataCentre(amount),
        7 => Command::LeaseCompute(amount),
        8 => Command::OpenRelease,
        9 => Command::SafetyReview,
        10 => Command::ShipAi,
        11 => Command::Morale,
        12 => Command::Deal(id(&deals, a)),
        13 => Command::Choose(a % 6),
        14 => Command::RaiseLicence(id(&techs, a)),
        _ => Command::EndMonth,
    }
}

fuzz_target!(|data: &[u8]| {
    let c = content();
    let seed = data.iter().take(8).fold(0u64, |s, b| s << 8 | u64::from(*b));
    let mut play = Playthrough::new(Arc::clone(c), seed);
    for chunk in data.get(8..).unwrap_or_default().chunks_exact(3) {
        if play.game.is_over() {
            break;
        }
        let cmd = command(c, chunk[0], chunk[1], chunk[2]);
        let _ = play.apply(&cmd);
    }
    // What was played must save and load back to the same state.
    let text = play.to_text().expect("a played game saves");
    let loaded = ai_race::save::load_text(&text).expect("a played game loads");
    assert_eq!(loaded.play.game.hash(), play.game.hash());
});
