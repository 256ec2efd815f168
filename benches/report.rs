//! The class report over 1,000 and 10,000 saves, Markdown, CSV and HTML included; the goals
//! are under 10 seconds for 1,000 and under 60 for 10,000 on a 2-core machine.
//!
//! The saves are what a big course hands in: a few worlds (the 2025 campaign on four seeds),
//! every save a different game (a random player with its own dice, so no two decision streams
//! are alike and none is flagged as a copy), each under its own player name. Every save embeds
//! the same scenario content, as real saves do.
//!
//! Run with `cargo bench --bench report` (the 10,000-save folder takes a while to make).

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use ai_race::content;
use ai_race::game::policy::{Strategy, play_strategy};
use ai_race::report::ClassReport;
use ai_race::save::Playthrough;
use ai_race::sim::game_seed;

/// Worlds the saves are spread over.
const WORLDS: u64 = 4;

fn main() {
    divan::main();
}

/// Writes `count` saves into a new folder; made once per size for every sample.
fn make_saves(count: u64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
    for i in 0..count {
        let world = game_seed(1, (i % WORLDS) as u32);
        let played = play_strategy(&content, world, 1_000 + i, &Strategy::Random);
        let mut save = Playthrough::replay(Arc::clone(&content), world, &played.decisions)
            .expect("a scripted game replays");
        save.record.player = Some(format!("Student {i} of group {}", i % 37));
        let text = save.to_text().expect("save text");
        std::fs::write(dir.path().join(format!("save-{i:05}.ron")), text).expect("write");
    }
    let path = dir.path().to_path_buf();
    (dir, path)
}

fn saves_1000() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| make_saves(1_000)).1
}

fn saves_10000() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| make_saves(10_000)).1
}

/// The report and all three outputs, as `ai-race report` makes one of them.
fn report(dir: &Path, expected: usize) -> usize {
    let report = ClassReport::build(&[dir.to_path_buf()]);
    let ranked: usize = report.groups.iter().map(|g| g.entries.len()).sum();
    assert_eq!(ranked + report.failed.len(), expected, "every save is read");
    report.to_markdown().len() + report.to_csv().len() + report.to_html().len()
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn report_over_1000_saves(bencher: divan::Bencher) {
    let dir = saves_1000();
    bencher.bench(|| report(dir, 1_000));
}

#[divan::bench(sample_count = 1, sample_size = 1)]
fn report_over_10000_saves(bencher: divan::Bencher) {
    let dir = saves_10000();
    bencher.bench(|| report(dir, 10_000));
}
