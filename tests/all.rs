//! The integration tests, linked into one test binary: each file below is one module, named
//! after the part of the game it checks. One binary links once, where one binary per file
//! linked the whole game some forty times over (most of a cold test build's time).
//!
//! Every `.rs` file in this folder must be listed here; `every_test_file_is_listed` checks.

#[path = "balance_hostile.rs"]
mod balance_hostile;
#[path = "class_board.rs"]
mod class_board;
#[path = "class_fair.rs"]
mod class_fair;
#[path = "class_pages.rs"]
mod class_pages;
#[path = "class_report.rs"]
mod class_report;
#[path = "class_suggested.rs"]
mod class_suggested;
#[path = "classroom_world.rs"]
mod classroom_world;
mod common;
#[path = "debrief.rs"]
mod debrief;
#[path = "debrief_shapley.rs"]
mod debrief_shapley;
#[path = "debrief_truth.rs"]
mod debrief_truth;
#[path = "determinism.rs"]
mod determinism;
#[path = "docs_run.rs"]
mod docs_run;
#[path = "expert.rs"]
mod expert;
#[path = "fork.rs"]
mod fork;
#[path = "ghost.rs"]
mod ghost;
#[path = "hostile_bounded.rs"]
mod hostile_bounded;
#[path = "hostile_numbers.rs"]
mod hostile_numbers;
#[path = "levers_late.rs"]
mod levers_late;
#[path = "plain_lang.rs"]
mod plain_lang;
#[path = "plain_mode.rs"]
mod plain_mode;
#[path = "properties.rs"]
mod properties;
#[path = "random_bytes.rs"]
mod random_bytes;
#[path = "report_cache.rs"]
mod report_cache;
#[path = "report_html.rs"]
mod report_html;
#[path = "rivals_race.rs"]
mod rivals_race;
#[path = "rooms.rs"]
mod rooms;
#[path = "rules_money.rs"]
mod rules_money;
#[path = "save_autosave.rs"]
mod save_autosave;
#[path = "save_hostile.rs"]
mod save_hostile;
#[path = "save_kill.rs"]
mod save_kill;
#[path = "save_memory.rs"]
mod save_memory;
#[path = "save_roundtrip.rs"]
mod save_roundtrip;
#[path = "save_samples.rs"]
mod save_samples;
#[path = "save_write.rs"]
mod save_write;
#[path = "scenario_check.rs"]
mod scenario_check;
#[path = "scenario_injects.rs"]
mod scenario_injects;
#[path = "sim_cli.rs"]
mod sim_cli;
#[path = "sim_policies.rs"]
mod sim_policies;
#[path = "sim_save_dir.rs"]
mod sim_save_dir;
#[path = "speed_against_safety.rs"]
mod speed_against_safety;
#[path = "ui_cli.rs"]
mod ui_cli;
#[path = "ui_keys.rs"]
mod ui_keys;
#[path = "ui_pause.rs"]
mod ui_pause;
#[path = "ui_play.rs"]
mod ui_play;
#[path = "ui_saves.rs"]
mod ui_saves;
#[path = "ui_screens.rs"]
mod ui_screens;
#[path = "ui_space.rs"]
mod ui_space;
#[path = "world_code.rs"]
mod world_code;

/// A test file added to the folder but not listed above would silently never run.
#[test]
fn every_test_file_is_listed() {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let listing = std::fs::read_to_string(here.join("all.rs")).expect("tests/all.rs reads");
    for entry in std::fs::read_dir(&here).expect("tests/ lists") {
        let name = entry
            .expect("an entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if let Some(stem) = name.strip_suffix(".rs")
            && stem != "all"
        {
            assert!(
                listing.contains(&format!("#[path = \"{name}\"]\nmod {stem};")),
                "tests/{name} is not listed in tests/all.rs, so it never runs"
            );
        }
    }
}
