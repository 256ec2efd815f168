//! The class report reads each distinct scenario once: saves that embed the same scenario
//! text share one parsed, checked copy, and the result of every load is the one the full
//! loader gives, for genuine, edited and oddly laid out files alike.

use std::sync::Arc;

use ai_race::content;
use ai_race::game::policy::{Policy, play};
use ai_race::save::{self, ContentCache, Playthrough};

/// A finished classroom game's save text, for `player`.
fn save_text(policy: Policy, player: &str) -> String {
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    let seed = content.scenario.seed.expect("locked seed");
    let (_, decisions) = play(&content, seed, policy);
    let mut game = Playthrough::replay(content, seed, &decisions).expect("replays");
    game.record.player = Some(player.to_string());
    game.to_text().expect("text")
}

/// What a load says, to compare two loaders: the summary and player, or the verdict.
fn outcome(result: &Result<save::Verified, save::SaveError>) -> String {
    match result {
        Ok(v) => format!(
            "{:?} {:?} {:?}",
            v.summary(),
            v.play.record.player,
            v.origin
        ),
        Err(e) => e.verdict(),
    }
}

#[test]
fn saves_of_one_scenario_share_one_parsed_copy_and_verify_the_same() {
    let cache = ContentCache::new();
    let a = save_text(Policy::Balanced, "Ada");
    let b = save_text(Policy::HireOnly, "Bo");
    let (va, vb) = (cache.load_text(&a), cache.load_text(&b));
    assert_eq!(outcome(&va), outcome(&save::load_text(&a)));
    assert_eq!(outcome(&vb), outcome(&save::load_text(&b)));
    let (va, vb) = (va.expect("verifies"), vb.expect("verifies"));
    assert!(
        Arc::ptr_eq(&va.play.game.content, &vb.play.game.content),
        "one copy of the scenario for both saves"
    );
    assert_eq!(
        cache.fingerprint(&va.play.game.content),
        content::fingerprint(&va.play.game.content)
    );
}

#[test]
fn an_edited_scenario_is_never_taken_from_the_cache() {
    let cache = ContentCache::new();
    let genuine = save_text(Policy::Balanced, "Ada");
    cache.load_text(&genuine).expect("verifies");
    // The same game with a bigger starting budget in its embedded scenario: another text,
    // so it is parsed and checked on its own, and the verdict is the full loader's.
    let content = content::load_builtin("classroom", None).expect("built-in");
    let budget = content.labs[0].budget;
    let edited = genuine.replacen(
        &format!("budget: {budget}"),
        &format!("budget: {}", budget * 2),
        1,
    );
    assert_ne!(edited, genuine, "the edit applies");
    let cached = cache.load_text(&edited);
    assert_eq!(outcome(&cached), outcome(&save::load_text(&edited)));
    assert!(cached.is_err() || cached.is_ok_and(|v| v.origin != save::Origin::Builtin));
}

#[test]
fn files_not_laid_out_as_the_game_writes_them_get_the_full_loaders_answer() {
    let cache = ContentCache::new();
    let genuine = save_text(Policy::Balanced, "Ada");
    cache.load_text(&genuine).expect("verifies");
    let variants = [
        // Extra text after the scenario, a field added after it, a second scenario field,
        // the player's name edited (the replay must still pass), a truncated file.
        format!("{genuine}// trailing comment\n"),
        genuine.replacen(",\n)\n", ",\n    extra: 1,\n)\n", 1),
        genuine.replacen("    checkpoints:", "    content: (),\n    checkpoints:", 1),
        genuine.replacen("\"Ada\"", "\"Eve\"", 1),
        genuine[..genuine.len() - 10].to_string(),
        genuine.replacen(
            &format!("rules: {}", ai_race::game::RULES_VERSION),
            "rules: 1",
            1,
        ),
    ];
    for (i, text) in variants.iter().enumerate() {
        assert_eq!(
            outcome(&cache.load_text(text)),
            outcome(&save::load_text(text)),
            "variant {i}"
        );
    }
}
