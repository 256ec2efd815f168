//! The class report over 1,000 saves; the goal is under 10 seconds on a 2-core machine.
//!
//! The saves are made the way `ai-race sim --save` makes them (the last game of a one-game
//! run with seeds 1 to 1,000: full 2025 campaigns played by the balanced policy), so the
//! benchmark measures what a teacher would wait for. The same measure from the command line:
//!
//! ```text
//! mkdir saves-1000
//! for i in $(seq 1 1000); do
//!     ai-race sim --policy balanced --games 1 --seed $i --save saves-1000/$i.ron
//! done
//! time ai-race report saves-1000 > /dev/null
//! ```
//!
//! Run with `cargo bench --bench report`.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::report::ClassReport;
use ai_race::save::Playthrough;
use ai_race::sim::game_seed;

const SAVES: u64 = 1_000;

fn main() {
    divan::main();
}

/// A folder of 1,000 saves, made once for every sample.
fn saves() -> &'static PathBuf {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let content = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
        for run_seed in 1..=SAVES {
            let seed = game_seed(run_seed, 0);
            let (_, decisions) = play(&content, seed, Policy::Balanced);
            let save = Playthrough::replay(Arc::clone(&content), seed, &decisions)
                .expect("a scripted game replays");
            let text = save.to_text().expect("save text");
            std::fs::write(dir.path().join(format!("{run_seed}.ron")), text).expect("write");
        }
        let path = dir.path().to_path_buf();
        (dir, path)
    })
    .1
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn report_over_1000_saves(bencher: divan::Bencher) {
    let dir = saves();
    bencher.bench(|| {
        let report = ClassReport::build(std::slice::from_ref(dir));
        assert_eq!(
            report.groups.iter().map(|g| g.entries.len()).sum::<usize>(),
            1_000
        );
        report.to_markdown().len() + report.to_csv().len()
    });
}
