//! Save benchmarks: verifying a whole default campaign by replay (target: under 10 ms),
//! writing a save's text, loading from disk, and an atomic autosave.
//!
//! `cargo bench --bench save`

use std::hint::black_box;
use std::sync::{Arc, OnceLock};

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::save::{self, Playthrough, Store};

fn main() {
    let (p, _) = campaign();
    eprintln!(
        "campaign: {} months, {} decisions, save of {} bytes",
        p.game.state.month,
        p.decisions().len(),
        p.to_text().map_or(0, |t| t.len())
    );
    divan::main();
}

/// The longest of the first 32 balanced games of the default campaign (scenario and
/// difficulty as a new player gets them), and its save text.
fn campaign() -> &'static (Playthrough, String) {
    static CAMPAIGN: OnceLock<(Playthrough, String)> = OnceLock::new();
    CAMPAIGN.get_or_init(|| {
        let content = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
        let (seed, decisions) = (0..32)
            .map(|seed| (seed, play(&content, seed, Policy::Balanced)))
            .max_by_key(|(_, (state, _))| state.month)
            .map(|(seed, (_, decisions))| (seed, decisions))
            .expect("some games");
        let p = Playthrough::replay(content, seed, &decisions).expect("replays");
        let text = p.to_text().expect("text");
        (p, text)
    })
}

/// Parse, check the scenario, replay every decision and compare every checkpoint.
#[divan::bench]
fn verify_full_campaign(bencher: divan::Bencher) {
    let (_, text) = campaign();
    bencher.bench(|| save::load_text(black_box(text)).expect("verifies"));
}

#[divan::bench]
fn save_text(bencher: divan::Bencher) {
    let (p, _) = campaign();
    bencher.bench(|| black_box(p).to_text().expect("text"));
}

#[divan::bench]
fn load_from_disk(bencher: divan::Bencher) {
    let (_, text) = campaign();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("campaign.ron");
    std::fs::write(&path, text).expect("write");
    bencher.bench(|| save::load_path(black_box(&path)).expect("verifies"));
}

/// Write, sync, rotate, rename and sync the folder: bound by the disk, not the game.
#[divan::bench(sample_count = 20)]
fn autosave_atomic(bencher: divan::Bencher) {
    let (p, _) = campaign();
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    bencher.bench(|| {
        let text = black_box(p).to_text().expect("text");
        store.autosave(&text).expect("autosave")
    });
}
