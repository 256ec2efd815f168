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
use super::format::{FORMAT_NAME, FORMAT_VERSION, SaveFile};
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

/// Reads a save of any known format version and brings it to the current [`SaveFile`].
pub fn upgrade(text: &str) -> Result<SaveFile, SaveError> {
    // A current save parses in one pass; only a file that does not is read again for its
    // header, to tell an older or newer format (or another kind of file) from a broken save.
    let full_error = match parse::<SaveFile>(text) {
        Ok(save) => {
            check_versions(&save.format, save.version, save.rules, &save.game)?;
            return Ok(save);
        }
        Err(e) => e,
    };
    let Ok(head) = parse::<Head>(text) else {
        return Err(full_error);
    };
    check_versions(&head.format, head.version, head.rules, &head.game)?;
    match head.version {
        // Older versions are parsed with their frozen struct and converted here.
        FORMAT_VERSION => Err(full_error),
        v => Err(SaveError::NotASave(format!("its format version is {v}"))),
    }
}

/// Refuses another kind of file, a newer format, and rules this game cannot replay.
fn check_versions(format: &str, version: u32, rules: u32, game: &str) -> Result<(), SaveError> {
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
    if rules > RULES_VERSION {
        return Err(SaveError::NeedsVersion {
            needed: newer_than(game),
            why: format!("rules version {rules}; this game plays rules version {RULES_VERSION}"),
        });
    }
    if rules < RULES_VERSION {
        // A replay needs the very rules the game was played with; older rules are not kept.
        return Err(SaveError::NeedsVersion {
            needed: exactly(game),
            why: format!(
                "played with rules version {rules}; this game plays rules version \
                 {RULES_VERSION} and cannot replay it"
            ),
        });
    }
    Ok(())
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

/// The game version recorded in a save, if it looks like one (it is untrusted text).
fn version_text(game: &str) -> Option<&str> {
    let plausible = !game.is_empty()
        && game.len() <= 24
        && game
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'));
    plausible.then_some(game)
}

fn newer_than(game: &str) -> String {
    match version_text(game) {
        Some(v) => format!("{v} or later"),
        None => format!("newer than {}", env!("CARGO_PKG_VERSION")),
    }
}

fn exactly(game: &str) -> String {
    match version_text(game) {
        Some(v) => v.to_string(),
        None => format!("older than {}", env!("CARGO_PKG_VERSION")),
    }
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
    fn another_format_is_not_a_save() {
        let e = upgrade(r#"(id: "race-2025", name: "x")"#).unwrap_err();
        assert!(matches!(e, SaveError::NotASave(_)), "{e}");
    }
}
