//! Versions: reading the header every format keeps, refusing saves from a newer game or from
//! rules this game cannot replay, and bringing older formats up to the current one.
//!
//! How to change the format (the sample saves under `tests/saves/` fail the build otherwise):
//! 1. copy today's `SaveFile` into a module `v1` here, frozen;
//! 2. change `format.rs` and bump `FORMAT_VERSION`;
//! 3. add `impl From<v1::SaveFile> for SaveFile` and an arm `1 => parse::<v1::SaveFile>(..)`
//!    below, so version-1 files are migrated forward on load;
//! 4. keep the committed version-1 samples and add version-2 samples (see `tests/saves/`).

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::error::{SaveError, sanitize};
use super::format::{FORMAT_NAME, FORMAT_VERSION, SaveFile, SaveHead, Summary};
use crate::game::RULES_VERSION;

/// Deepest nesting accepted. The deepest real value (an event's choice effects inside the
/// content) is about 8 levels down; this leaves room without letting a hostile file recurse.
pub const RECURSION_LIMIT: usize = 32;

/// The header fields every version of the format keeps, read before anything else. Other
/// fields are skipped, so a save from a newer game still yields its version.
#[derive(Debug, Deserialize)]
struct Head {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u32,
    #[serde(default)]
    rules: u32,
    #[serde(default)]
    game: String,
}

/// The header and the recorded summary, for a save of older rules whose other fields may
/// have another shape.
#[derive(Debug, Deserialize)]
struct HeadAndSummary {
    summary: Summary,
}

/// Reads a save of any known format version and brings it to the current [`SaveFile`].
pub fn upgrade(text: &str) -> Result<SaveFile, SaveError> {
    upgrade_for(text, RULES_VERSION)
}

/// [`upgrade`] for a game that plays `current` rules (a function of it, so the path a save
/// of older rules takes is tested before the rules change).
pub fn upgrade_for(text: &str, current: u32) -> Result<SaveFile, SaveError> {
    // A current save parses in one pass; only a file that does not is read again for its
    // header, to tell an older or newer format (or another kind of file) from a broken save.
    let full_error = match parse::<SaveFile>(text) {
        Ok(save) => {
            let h = (save.format.as_str(), save.version, save.rules);
            check_versions(h, &save.game, current, || Some(save.summary.clone()))?;
            return Ok(save);
        }
        Err(e) => e,
    };
    let Ok(head) = parse::<Head>(text) else {
        return Err(full_error);
    };
    let summary = || parse::<HeadAndSummary>(text).ok().map(|h| h.summary);
    let h = (head.format.as_str(), head.version, head.rules);
    check_versions(h, &head.game, current, summary)?;
    match head.version {
        // Older versions are parsed with their frozen struct and converted here.
        FORMAT_VERSION => Err(full_error),
        v => Err(SaveError::NotASave(format!("its format version is {v}"))),
    }
}

/// Refuses another kind of file, a newer format, and rules this game (playing `current`
/// rules) cannot replay; `summary` reads the recorded summary, shown for older rules.
fn check_versions(
    (format, version, rules): (&str, u32, u32),
    game: &str,
    current: u32,
    summary: impl FnOnce() -> Option<Summary>,
) -> Result<(), SaveError> {
    if format != FORMAT_NAME {
        return Err(SaveError::NotASave(if format.is_empty() {
            "it has no 'format: \"ai-race-save\"' header".into()
        } else {
            format!("its format is '{}'", sanitize(format, 40))
        }));
    }
    if version > FORMAT_VERSION {
        return Err(SaveError::NeedsVersion {
            needed: newer_than(game),
            why: format!("save format {version}; this game reads formats up to {FORMAT_VERSION}"),
        });
    }
    if version == 0 {
        return Err(SaveError::NotASave("its format version is 0".into()));
    }
    if rules == 0 {
        // Rules are numbered from 1: a 0 is an edit (or a missing field), never a real game.
        return Err(SaveError::NotASave(
            "its rules version is 0; every game's rules are numbered from 1".into(),
        ));
    }
    if rules > current {
        return Err(SaveError::NeedsVersion {
            needed: newer_than(game),
            why: format!("rules version {rules}; this game plays rules version {current}"),
        });
    }
    if rules < current {
        // A replay needs the very rules the game was played with; older rules are not kept,
        // so the save is listed with what it records and the release that can verify it.
        return Err(old_rules(rules, game, current, summary()));
    }
    Ok(())
}

/// A published release: the commit on the main branch (the repository has no tags) that
/// plays one rules version. docs/RELEASES.md shows the same table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release {
    pub version: &'static str,
    pub rules: u32,
    pub commit: &'static str,
    pub date: &'static str,
}

/// Every release, oldest first: one line a rules version. A new rules version adds the
/// release of the old one here (and in docs/RELEASES.md) when it is bumped.
pub const RELEASES: &[Release] = &[
    Release {
        version: "0.1.0",
        rules: 1,
        commit: "173c06fdbdfa2227b97587cd215ceff5fe6fca1a",
        date: "2026-11-28",
    },
    Release {
        version: "0.2.0",
        rules: 2,
        commit: "3ec6b62cfa04c0f6881544bc683d89b0307ea778",
        date: "2026-11-30",
    },
    Release {
        version: "0.3.0",
        rules: 3,
        commit: "b6dfd80a10820651de7246b7d7f02251bd6a6740",
        date: "2026-11-30",
    },
    Release {
        version: "0.4.0",
        rules: 4,
        commit: "8b4ad9d69ddb002ca09f3252a8e8b73ba93f0dec",
        date: "2026-12-06",
    },
];

/// The release that plays `rules`, if one was published.
pub fn release_of(rules: u32) -> Option<&'static Release> {
    RELEASES.iter().find(|r| r.rules == rules)
}

/// The answer for a save of older rules: not verifiable here, its stored summary shown as
/// unverified, and the release (by its commit) that verifies it.
fn old_rules(rules: u32, game: &str, current: u32, summary: Option<Summary>) -> SaveError {
    let version = version_text(game).map(str::to_string);
    let made = match &version {
        Some(v) => format!("made with rules version {rules} (AI Race {v})"),
        None => format!("made with rules version {rules}"),
    };
    let stored = match &summary {
        Some(s) => format!(
            "; its stored summary, not verified: {}, {}, score {}",
            sanitize(&s.date, 20),
            sanitize(s.ending.as_deref().unwrap_or("in progress"), 30),
            s.score
        ),
        None => String::new(),
    };
    let install = match release_of(rules) {
        Some(r) => format!(
            "to verify it, install release {} (rules version {rules}), commit {} on the main \
             branch (cargo install --locked --rev {} --git and this project's repository)",
            r.version, r.commit, r.commit
        ),
        None => format!(
            "to verify it, install the release of this project that plays rules version {rules}"
        ),
    };
    let text = format!(
        "not verifiable with this version: {made}, and this game plays rules version {current}\
         {stored}; {install}"
    );
    SaveError::OldRules {
        rules,
        version,
        summary: summary.map(Box::new),
        text,
    }
}

/// Parses RON with the save limits, turning errors into located, sanitized messages.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, SaveError> {
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .from_str(text)
        .map_err(|e| SaveError::Syntax {
            line: e.span.start.line,
            col: e.span.start.col,
            message: sanitize(&crate::content::friendly_ron_error(&e.code), 200),
        })
}

/// A save's head with its scenario skipped (see `load::ContentCache`); `None` on any error.
pub(super) fn parse_head(text: &str) -> Option<SaveHead> {
    parse::<SaveHead>(text).ok()
}

/// A scenario as a save embeds it, parsed with the save limits (one level less of nesting:
/// inside a save it sits one level down; one more spare, so a file this refuses at the edge
/// takes the full path and gets its message).
pub(super) fn parse_content(text: &str) -> Result<crate::game::Content, ron::error::SpannedError> {
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT - 2)
        .from_str(text)
}

/// The game version recorded in a save, if it looks like one (it is untrusted text).
fn version_text(game: &str) -> Option<&str> {
    let plausible = !game.is_empty()
        && game.len() <= 24
        && game
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'));
    plausible.then_some(game)
}

/// The version a save from a newer game needs: the one it names when that is newer than this
/// game, else only "newer than" this one (a hand-edited `rules: 4294967295` in a save that
/// says 0.3.0 must not send a player of 0.3.0 to install 0.3.0).
fn newer_than(game: &str) -> String {
    let this = env!("CARGO_PKG_VERSION");
    match version_text(game) {
        Some(v) if numbers(v) > numbers(this) => format!("{v} or later"),
        _ => format!("newer than {this}"),
    }
}

/// The leading numbers of a version, for comparing: "0.10.1-beta" is [0, 10, 1].
fn numbers(version: &str) -> Vec<u64> {
    version
        .split(['-', '+'])
        .next()
        .unwrap_or("")
        .split('.')
        .map(|n| n.parse().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_future_format_names_the_version_needed() {
        let text = r#"(format: "ai-race-save", version: 7, rules: 1, game: "3.1.0",
            something_new: [1, 2, (x: 3)])"#;
        let e = upgrade(text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "needs version 3.1.0 or later of the game (save format 7; this game reads formats up to 1)"
        );
    }

    #[test]
    fn rules_from_the_future_in_a_save_naming_this_version_claim_no_version() {
        let this = env!("CARGO_PKG_VERSION");
        let text =
            format!(r#"(format: "ai-race-save", version: 1, rules: 4294967295, game: "{this}")"#);
        let e = upgrade(&text).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!("needs version newer than {this} of the game")),
            "{e}"
        );
        let older = r#"(format: "ai-race-save", version: 1, rules: 4294967295, game: "0.0.9")"#;
        let e = upgrade(older).unwrap_err().to_string();
        assert!(e.contains(&format!("newer than {this}")), "{e}");
    }

    #[test]
    fn the_releases_table_matches_docs_releases() {
        let doc = include_str!("../../docs/RELEASES.md");
        for r in RELEASES {
            let row = format!(
                "| {} | {} | {} | {} |",
                r.version, r.rules, r.commit, r.date
            );
            assert!(doc.contains(&row), "docs/RELEASES.md lacks {row}");
        }
        let rows = doc
            .lines()
            .filter(|l| l.starts_with("| 0") || l.starts_with("| 1"))
            .count();
        assert_eq!(rows, RELEASES.len(), "one row a release");
        for old in 1..crate::game::RULES_VERSION {
            assert!(release_of(old).is_some(), "rules {old} names its release");
        }
    }

    #[test]
    fn unknown_rules_name_the_version_needed() {
        let text = r#"(format: "ai-race-save", version: 1, rules: 99, game: "2.0.0")"#;
        let e = upgrade(text).unwrap_err();
        assert!(
            e.to_string().starts_with("needs version 2.0.0 or later"),
            "{e}"
        );
    }

    #[test]
    fn a_hostile_version_string_is_not_echoed() {
        let text = "(format: \"ai-race-save\", version: 9, game: \"\u{1b}[2J\")";
        let e = upgrade(text).unwrap_err().to_string();
        assert!(!e.contains('\u{1b}'), "{e}");
        assert!(e.contains("newer than"), "{e}");
    }

    #[test]
    fn deep_nesting_stops_at_the_recursion_limit() {
        let deep = format!(
            "(format: \"ai-race-save\", version: 1, extra: {}{})",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let e = parse::<Head>(&deep).unwrap_err();
        assert!(e.to_string().contains("nested too deeply"), "{e}");
        assert!(upgrade(&deep).is_err());
    }

    #[test]
    fn rules_1_samples_under_rules_2_are_listed_with_their_summary_and_the_release_to_verify() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/saves/v1-rules1");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name == "EXPECTED.ron" || !name.ends_with(".ron") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Only the summary: a rules-1 save's embedded content predates rules 2's fields.
            #[derive(serde::Deserialize)]
            struct JustSummary {
                summary: super::super::format::Summary,
            }
            let recorded = parse::<JustSummary>(&text).unwrap().summary;
            let e = upgrade_for(&text, 2).unwrap_err();
            let SaveError::OldRules {
                rules,
                version,
                summary,
                ..
            } = &e
            else {
                panic!("{name}: {e:?}");
            };
            assert_eq!((*rules, version.as_deref()), (1, Some("0.1.0")), "{name}");
            assert_eq!(summary.as_deref(), Some(&recorded), "{name}");
            let shown = e.verdict();
            assert!(
                shown.starts_with("not verifiable with this version"),
                "{shown}"
            );
            assert!(
                shown.contains(&format!("score {}", recorded.score)),
                "{shown}"
            );
            assert!(shown.contains("not verified"), "{shown}");
            assert!(
                shown.contains("install release 0.1.0 (rules version 1)"),
                "{shown}"
            );
            assert!(
                shown.contains("--rev 173c06fdbdfa2227b97587cd215ceff5fe6fca1a"),
                "{shown}"
            );
            assert!(!shown.contains("tag"), "no tag exists: {shown}");
            assert!(!shown.contains('<'), "no placeholder: {shown}");
            seen += 1;
        }
        assert!(
            seen >= 4,
            "the rules-1 samples are kept in tests/saves/v1-rules1"
        );
    }

    #[test]
    fn another_format_is_not_a_save() {
        let e = upgrade(r#"(id: "race-2025", name: "x")"#).unwrap_err();
        assert!(matches!(e, SaveError::NotASave(_)), "{e}");
    }
}
