//! How fast whole headless games run: one full default campaign per policy, and a batch of
//! games on every core as `ai-race sim` plays them.

use std::sync::Arc;

use ai_race::content;
use ai_race::game::Content;
use ai_race::game::policy::{Policy, play};
use ai_race::sim;

fn main() {
    divan::main();
}

fn content() -> Arc<Content> {
    Arc::new(content::load_builtin("race-2025", Some("normal")).expect("built-in scenario"))
}

/// One whole default campaign (39 months or until someone wins).
#[divan::bench(args = ["balanced", "random", "hoard"])]
fn full_game(bencher: divan::Bencher, policy: &str) {
    let content = content();
    let policy = Policy::from_name(policy).expect("policy");
    let mut seed = 0u64;
    bencher.bench_local(|| {
        seed += 1;
        play(&content, seed, policy)
    });
}

/// 1,000 balanced games on every core (10,000 take ten times as long).
#[divan::bench(sample_count = 5)]
fn thousand_balanced_games() -> sim::SimSummary {
    sim::run(&content(), Policy::Balanced, 1_000, 1)
}
