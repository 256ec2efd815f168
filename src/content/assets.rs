//! The assets embedded in the binary, so the game runs from anywhere.

pub const LABS: &str = include_str!("../../assets/labs.ron");
pub const TALENT: &str = include_str!("../../assets/talent.ron");
pub const TECHS: &str = include_str!("../../assets/techs.ron");
pub const LEGACY: &str = include_str!("../../assets/legacy.ron");
pub const PIPELINE: &str = include_str!("../../assets/pipeline.ron");
pub const DEALS: &str = include_str!("../../assets/deals.ron");
pub const EVENTS: &str = include_str!("../../assets/events.ron");
pub const DIFFICULTY: &str = include_str!("../../assets/difficulty.ron");
pub const BALANCE: &str = include_str!("../../assets/balance.ron");

/// The built-in scenarios: id and file text.
pub const BUILTIN_SCENARIOS: &[(&str, &str)] = &[
    (
        "race-2025",
        include_str!("../../assets/scenarios/race-2025.ron"),
    ),
    (
        "classroom",
        include_str!("../../assets/scenarios/classroom.ron"),
    ),
    (
        "meta-ahead",
        include_str!("../../assets/scenarios/meta-ahead.ron"),
    ),
];

pub fn builtin_scenario_text(id: &str) -> Option<&'static str> {
    BUILTIN_SCENARIOS
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, t)| *t)
}

/// Each shared asset with its file name, for checks and error messages.
pub const SHARED: &[(&str, &str)] = &[
    ("assets/labs.ron", LABS),
    ("assets/talent.ron", TALENT),
    ("assets/techs.ron", TECHS),
    ("assets/legacy.ron", LEGACY),
    ("assets/pipeline.ron", PIPELINE),
    ("assets/deals.ron", DEALS),
    ("assets/events.ron", EVENTS),
    ("assets/difficulty.ron", DIFFICULTY),
    ("assets/balance.ron", BALANCE),
];
