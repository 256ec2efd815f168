//! The save file, format version 1: one RON text file a person can read.
//!
//! ```text
//! // AI Race save. ...
//! (
//!     format: "ai-race-save", version: 1, rules: 1, game: "0.1.0",
//!     player: Some("Ada"),
//!     scenario: "race-2025", difficulty: "normal", seed: 42,
//!     summary: (month: 13, date: "Nov 2026", ending: Some("rival-first"), score: 1290,
//!               parts: [("outcome", 800), ...], progress: "71.3", rank: 2,
//!               hash: "a1b2c3d4e5f60718"),
//!     checkpoints: [(0, "..."), (1, "..."), ...],   // state hash at the start of each month
//!     decisions: [
//!         (0, Offer(person: 12, salary: 140)),       // (month, command), in order
//!         (0, EndMonth),
//!     ],
//!     content: ( ... the whole scenario, one item per line ... ),
//! )
//! ```
//!
//! The fields `format` and `version` are read first (see `migrate.rs`) and must keep their
//! names in every future version. Lists are capped while they are parsed, so a hostile file
//! cannot make the loader allocate without bound.

use std::fmt::Write as _;
use std::marker::PhantomData;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::error::SaveError;
use crate::game::{Command, Content};

/// The format name in every save's header.
pub const FORMAT_NAME: &str = "ai-race-save";
/// The format version this game writes. Bump it (and add a migration) when the layout changes.
pub const FORMAT_VERSION: u32 = 1;
/// Most decisions a save may hold (a 39-month campaign makes a few hundred).
pub const MAX_DECISIONS: usize = 20_000;
/// Most checkpoints a save may hold (one per month; scenarios last at most 120 months).
pub const MAX_CHECKPOINTS: usize = 1_000;

/// One player decision: the month it was made in and the command.
pub type Decision = (u16, Command);
/// The canonical state hash (16 hex digits) at the start of a month.
pub type Checkpoint = (u16, String);

/// A save file as written and read (format version 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveFile {
    pub format: String,
    pub version: u32,
    /// `RULES_VERSION` of the game that wrote it: a replay needs the same rules.
    pub rules: u32,
    /// The game version that wrote it, for "needs version X" messages.
    pub game: String,
    /// The player's name, for a teacher's class report.
    #[serde(default)]
    pub player: Option<String>,
    pub scenario: String,
    pub difficulty: String,
    pub seed: u64,
    /// What the state looked like when saved. Never trusted: the replay must reproduce it.
    pub summary: Summary,
    #[serde(deserialize_with = "capped_checkpoints")]
    pub checkpoints: Vec<Checkpoint>,
    #[serde(deserialize_with = "capped_decisions")]
    pub decisions: Vec<Decision>,
    /// The whole scenario, so the file works without the sender's assets.
    pub content: Content,
    /// The game this one was forked from, for a what-if fork (absent in every other save, and
    /// in saves written before forks existed). Never trusted: it only names where to look for
    /// the parent, whose own file must verify before it is compared with this one.
    #[serde(default)]
    pub parent: Option<Parent>,
    /// The decisions made with the suggestion key, as indexes into `decisions` (absent when
    /// there are none, and in saves written before it was recorded). Language-free metadata
    /// that the replay ignores; checked on load (in order, each a real move).
    #[serde(default, deserialize_with = "capped_suggested")]
    pub suggested: Vec<u32>,
}

/// Where a what-if fork came from: the parent game's fingerprint and the month the fork took
/// over (as the game shows months, the first is 1; the parent's decisions made before it are
/// the fork's first decisions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parent {
    /// The parent's game fingerprint (16 hex digits; see `save::game_fingerprint`).
    pub fingerprint: String,
    /// The month the fork starts at, 1 = the first month of the campaign.
    pub month: u16,
    /// How many decisions the parent's game had when it was forked: a later save of the same
    /// game, played on, starts with exactly these, so it is still found as the parent.
    pub decisions: u32,
}

/// A save file with its embedded scenario left unread: what a class report parses when it has
/// read the same scenario in another save already (see `load::ContentCache`). The fields and
/// their checks are those of [`SaveFile`]; `content` must be present and is skipped.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SaveHead {
    pub format: String,
    pub version: u32,
    pub rules: u32,
    /// Only read for messages, which the full path gives.
    #[allow(dead_code)]
    pub game: serde::de::IgnoredAny,
    #[serde(default)]
    pub player: Option<String>,
    pub scenario: String,
    pub difficulty: String,
    pub seed: u64,
    pub summary: Summary,
    #[serde(deserialize_with = "capped_checkpoints")]
    pub checkpoints: Vec<Checkpoint>,
    #[serde(deserialize_with = "capped_decisions")]
    pub decisions: Vec<Decision>,
    /// A what-if fork's parent, as in [`SaveFile`].
    #[serde(default)]
    pub parent: Option<Parent>,
    /// The suggestion key's moves, as in [`SaveFile`].
    #[serde(default, deserialize_with = "capped_suggested")]
    pub suggested: Vec<u32>,
    /// Present, and skipped: the cache reads the scenario from its own span.
    #[allow(dead_code)]
    pub content: serde::de::IgnoredAny,
}

/// How [`SaveFile::to_text`] introduces the embedded scenario, and what follows it: the
/// scenario is the file's last field, so its text is the span between the two.
pub(super) const CONTENT_START: &str = "\n    content: ";
pub(super) const CONTENT_END: &str = ",\n)\n";

/// A summary of the saved state, for listings and class reports (after verification).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// The game's month counter (0 in the first month).
    pub month: u16,
    /// The calendar month, "Nov 2026".
    pub date: String,
    /// The ending's key ("careful-win", ...) once the game is over.
    pub ending: Option<String>,
    pub score: i64,
    /// The score's parts by name; kept as a list so a new part does not change the layout.
    pub parts: Vec<(String, i64)>,
    /// The player's overall progress in points, "71.3".
    pub progress: String,
    /// The player's rank in the race, 1 = leading.
    pub rank: u8,
    /// The canonical state hash, 16 hex digits.
    pub hash: String,
}

/// The comment at the top of every save.
const PREAMBLE: &str = "\
// AI Race save. Loading replays the decisions below from the seed through the rules;
// a file whose replay does not match its checkpoints is reported as modified.
";

impl SaveFile {
    /// The save as text: header and summary first, one decision per line, the embedded
    /// scenario last with one item per line.
    pub fn to_text(&self) -> Result<String, SaveError> {
        let mut out = String::with_capacity(32 * 1024);
        out.push_str(PREAMBLE);
        out.push_str("(\n");
        field(&mut out, "format", &self.format)?;
        field(&mut out, "version", &self.version)?;
        field(&mut out, "rules", &self.rules)?;
        field(&mut out, "game", &self.game)?;
        field(&mut out, "player", &self.player)?;
        field(&mut out, "scenario", &self.scenario)?;
        field(&mut out, "difficulty", &self.difficulty)?;
        field(&mut out, "seed", &self.seed)?;
        field(&mut out, "summary", &self.summary)?;
        out.push_str("    checkpoints: [");
        for (i, c) in self.checkpoints.iter().enumerate() {
            // Four to a line keeps the list short and still easy to scan.
            out.push_str(if i % 4 == 0 { "\n        " } else { " " });
            out.push_str(&ron_text(c)?);
            out.push(',');
        }
        out.push_str("\n    ],\n    decisions: [\n");
        for d in &self.decisions {
            let _ = writeln!(out, "        {},", ron_text(d)?);
        }
        out.push_str("    ],\n");
        // Written only for a fork, so every other save reads as it always has (older versions
        // of the game, which refuse unknown fields, still open it).
        if self.parent.is_some() {
            field(&mut out, "parent", &self.parent)?;
        }
        // Likewise only when the suggestion key was used.
        if !self.suggested.is_empty() {
            field(&mut out, "suggested", &self.suggested)?;
        }
        out.push_str("    content: ");
        let config = ron::ser::PrettyConfig::new()
            .depth_limit(2)
            .indentor("  ")
            .new_line("\n    ");
        let content = ron::ser::to_string_pretty(&self.content, config).map_err(write_error)?;
        out.push_str(&content);
        out.push_str(",\n)\n");
        Ok(out)
    }
}

fn field<T: Serialize>(out: &mut String, name: &str, value: &T) -> Result<(), SaveError> {
    let _ = writeln!(out, "    {name}: {},", ron_text(value)?);
    Ok(())
}

/// One value as compact RON.
fn ron_text<T: Serialize>(value: &T) -> Result<String, SaveError> {
    ron::to_string(value).map_err(write_error)
}

fn write_error(e: ron::Error) -> SaveError {
    SaveError::Write(format!("the game state could not be written as text ({e})"))
}

fn capped_decisions<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Decision>, D::Error> {
    d.deserialize_seq(Capped::<Decision>::new(MAX_DECISIONS, "decisions"))
}

fn capped_suggested<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
    d.deserialize_seq(Capped::<u32>::new(MAX_DECISIONS, "suggested moves"))
}

fn capped_checkpoints<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Checkpoint>, D::Error> {
    d.deserialize_seq(Capped::<Checkpoint>::new(MAX_CHECKPOINTS, "checkpoints"))
}

/// A list that refuses more than `max` items while it is being parsed.
struct Capped<T> {
    max: usize,
    what: &'static str,
    item: PhantomData<T>,
}

impl<T> Capped<T> {
    fn new(max: usize, what: &'static str) -> Self {
        Capped {
            max,
            what,
            item: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Capped<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a list of at most {} {}", self.max, self.what)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // The size hint comes from the file: trust it only up to a small bound.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
        while let Some(item) = seq.next_element()? {
            if items.len() == self.max {
                return Err(serde::de::Error::custom(format!(
                    "more than {} {}: no real game has that many",
                    self.max, self.what
                )));
            }
            items.push(item);
        }
        Ok(items)
    }
}
