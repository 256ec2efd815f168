//! The starting scenario file `ai-race scenario new NAME` writes: every field a teacher sets,
//! each explained in a comment, with the ids that are allowed listed from the assets so the
//! comments never go stale.

use std::fmt::Write as _;
use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::{assets, reader, schema};

/// Why a starting file could not be written.
#[derive(Debug, Error)]
pub enum TemplateError {
    #[error("a scenario name needs at least one letter or digit, found '{0}'")]
    NoLetters(String),
    #[error("{0} already exists; choose another name or delete that file first")]
    Exists(String),
    #[error("could not write {path}: {reason}")]
    Write { path: String, reason: String },
}

/// A file name made safe: lowercase letters, digits and single dashes, at most 40 characters.
/// `None` when nothing is left.
pub fn slug(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out: String = out.chars().take(40).collect();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        return None;
    }
    // Names some systems refuse as file names.
    const RESERVED: [&str; 6] = ["con", "prn", "aux", "nul", "com1", "lpt1"];
    if RESERVED.contains(&out.as_str()) {
        out.push_str("-scenario");
    }
    Some(out)
}

/// The title as it may appear in double quotes: no control characters, quotes escaped, at
/// most 60 characters.
fn title_text(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !c.is_control()).take(60).collect();
    let clean = clean.trim();
    let clean = if clean.is_empty() {
        "My scenario"
    } else {
        clean
    };
    clean.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A seed that differs between assignments but is the same every time for one name.
fn seed_for(slug: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in slug.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h % 100_000_000
}

fn ids_of(asset: &str) -> Vec<String> {
    let text = assets::SHARED
        .iter()
        .find(|(n, _)| *n == asset)
        .map_or("", |(_, t)| t);
    reader::read(text, super::RECURSION_LIMIT)
        .ok()
        .and_then(|tree| {
            tree.items().map(|items| {
                items
                    .iter()
                    .filter_map(|i| i.field("id").and_then(|f| f.value.as_str()))
                    .map(str::to_string)
                    .collect()
            })
        })
        .unwrap_or_default()
}

/// Writes `ids` as comment lines of quoted ids, comma-separated and wrapped to fit 92 columns.
fn id_lines(out: &mut String, ids: &[String]) {
    let mut line = String::from("    //  ");
    for (i, id) in ids.iter().enumerate() {
        let comma = if i + 1 < ids.len() { "," } else { "" };
        let item = format!(" \"{id}\"{comma}");
        if line.len() + item.len() > 92 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("    //  ");
        }
        line.push_str(&item);
    }
    out.push_str(&line);
    out.push('\n');
}

/// The text of a starting scenario file for `name` (whose slug is `slug`).
pub fn starting_file(name: &str, slug: &str) -> String {
    let labs = ids_of("assets/labs.ron");
    let events = ids_of("assets/events.ron");
    let difficulties = ids_of("assets/difficulty.ron");
    let quoted = |ids: &[String]| {
        ids.iter()
            .map(|i| format!("\"{i}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut t = String::new();
    let _ = write!(
        t,
        "\
// An AI Race scenario: the world your class plays.
// Check it after every change with:   ai-race scenario check {slug}.ron
//
// Lines that start with // are comments: the game ignores them.
// Text goes in double quotes, numbers go without quotes, and each field ends with a comma.
(
    // A short name for this file: lowercase letters, digits and dashes.
    id: \"{slug}\",
    // The title players see (at most 60 characters).
    name: \"{title}\",
    // One line about the scenario (at most 200 characters).
    description: \"A 12-month race for one lesson: everyone plays the same world.\",

    // When the game starts: the year, and the month from 1 (January) to 12 (December).
    start_year: 2026,
    start_month: 1,
    // How many monthly turns the game lasts, from 3 to 120. About 12 fits a 45-minute lesson.
    months: 12,

    // The world's seed, any whole number: the same seed gives every student the same world
    // (the same candidates, events and rival moves). Delete this line for a different world
    // each game.
    seed: {seed},
    // The difficulty: {difficulties}.
    difficulty: \"normal\",
    // true: players cannot change the seed, difficulty or length. false: they may.
    locked: true,

    // Points (0 to {max_offset}) added to every lab's starting progress, so a short game is
    // decided in time. 40 suits a 12-month game; 0 starts from the 2025 positions.
    progress_offset: 40,
    // Project lengths (pipeline stages, integrations, in-house builds) in percent of the
    // usual, from 25 to 400: 50 halves them, so projects pay off within a short game.
    project_months_pct: 50,

    // Changes to some labs' starting positions. One group in parentheses per lab.
    // Lab ids (the first, \"{player}\", is the player's lab):
{labs}    // Fields you may change (leave out the ones you keep):
    //   name, short (at most 10 characters),
    //   budget and monthly_income (USD millions: 12000 is $12 billion),
    //   researchers, compute (thousands of GPUs), deploy_minutes (2 to 2000),
    //   tracks (progress in reasoning, multimodal, agents, 0 to 99 each, like (40, 30, 35);
    //          taken as written: progress_offset is not added to them),
    //   morale, risk, board, review, ecosystem, data (0 to 100 each).
    // For example: (lab: \"openai\", compute: 700, morale: 50),
    lab_changes: [
        (lab: \"meta\", budget: 12000),
    ],

    // Events that never happen in this scenario, by id, like [\"gpu-shortage\", \"burnout-wave\"].
    // Event ids:
",
        title = title_text(name),
        seed = seed_for(slug),
        difficulties = quoted(&difficulties),
        max_offset = schema::MAX_PROGRESS_OFFSET,
        player = labs.first().map_or("meta", String::as_str),
        labs = {
            let mut l = String::new();
            id_lines(&mut l, &labs);
            l
        },
    );
    id_lines(&mut t, &events);
    t.push_str("    disabled_events: [],\n");
    t.push_str(FACILITATION);
    t
}

/// The end of the starting file: the teacher's injects and pauses, empty, with an example.
const FACILITATION: &str = r#"
    // Your own events (injects), each fired once: at the start of a month (at: Month(6)),
    // or at the end of the first month a condition holds (when: RivalProgressAtLeast(80)).
    // Conditions: PlayerProgressAtLeast(N) and RivalProgressAtLeast(N) (points, 1 to 100),
    // BudgetBelow(N) (USD millions), RiskAbove(N) (0 to 99). Effects are the events' own,
    // like Budget(-500), Compute(-50), Morale(-3), Board(-3), Risk(5), Progress(10).
    // For example:
    //     (
    //         id: "export-ban",
    //         at: Month(6),
    //         title: "Export ban on advanced chips",
    //         text: "The newest GPUs may no longer be sold abroad.",
    //         effects: [Compute(-50)],
    //         choices: [
    //             (label: "Lobby in Washington", effects: [Budget(-500), Board(-3)]),
    //             (label: "Accept it", effects: [Morale(-3)]),
    //         ],
    //     ),
    injects: [],

    // Months (2 to the game's length) at whose start every student's game stops until you
    // give the class the code (ai-race scenario code FILE) or publish a version of this file
    // without that pause. For example: [6, 10].
    pause_at: [],
)
"#;

/// Writes the starting file for `name` into `dir` and returns its path. Never overwrites.
pub fn write_new(dir: &Path, name: &str) -> Result<PathBuf, TemplateError> {
    let slug = slug(name).ok_or_else(|| TemplateError::NoLetters(name.to_string()))?;
    let path = dir.join(format!("{slug}.ron"));
    let shown = format!("{slug}.ron");
    // create_new fails if anything, even a link, is already there: no overwriting.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => TemplateError::Exists(shown.clone()),
            _ => TemplateError::Write {
                path: shown.clone(),
                reason: e.to_string(),
            },
        })?;
    file.write_all(starting_file(name, &slug).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| TemplateError::Write {
            path: shown,
            reason: e.to_string(),
        })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(
            slug("Week 3: Build vs Buy!").as_deref(),
            Some("week-3-build-vs-buy")
        );
        assert_eq!(slug("../../etc/passwd").as_deref(), Some("etc-passwd"));
        assert_eq!(slug("  ").as_deref(), None);
        assert_eq!(slug("CON").as_deref(), Some("con-scenario"));
        assert_eq!(slug(&"a".repeat(100)).map(|s| s.len()), Some(40));
    }

    #[test]
    fn the_inject_example_in_the_starting_file_passes_the_check() {
        let text = starting_file("Week 9", "week-9");
        let example: String = FACILITATION
            .lines()
            .filter_map(|l| l.strip_prefix("    //     "))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(example.contains("at: Month(6)"), "{text}");
        let with = text
            .replace("injects: [],", &format!("injects: [\n{example}],"))
            .replace("pause_at: [],", "pause_at: [6, 10],");
        match crate::content::load_scenario_text("week-9.ron", &with, None) {
            Ok(c) => assert_eq!((c.injects.len(), c.pause_at.len()), (1, 2)),
            Err(e) => panic!("{e}\n{with}"),
        }
    }

    #[test]
    fn the_starting_file_loads() {
        let text = starting_file("Week \"3\" \\ test", "week-3-test");
        if let Err(e) = crate::content::load_scenario_text("week-3-test.ron", &text, None) {
            panic!("{e}\n{text}");
        }
    }
}
