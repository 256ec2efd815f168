//! Why a save could not be read, verified or written, in words a player can act on.
//!
//! A save is untrusted input: any text taken from a file (or a file name) passes through
//! [`sanitize`] before it reaches a message, so a crafted file can never drive the terminal
//! with escape sequences or split a one-line answer into several lines.

use thiserror::Error;

use super::format::Summary;

/// Everything that can go wrong with a save. Each message is one line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    /// The file could not be opened or read (missing, no permission, ...).
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    /// A directory, FIFO, device or symbolic link was given instead of a save file.
    #[error("this is a {0}, not a save file")]
    NotAFile(&'static str),
    #[error("the file is larger than {max_kib} KiB, far more than any save")]
    TooLarge { max_kib: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text (bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error(
        "the file starts with a byte-order mark; save it again as UTF-8 without BOM \
         (or let the game write it)"
    )]
    ByteOrderMark,
    /// A syntax or type error, located in the file.
    #[error("line {line}, column {col}: {message}")]
    Syntax {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("this is not an AI Race save ({0})")]
    NotASave(String),
    /// A save from a newer game, or from rules this game cannot replay.
    #[error("needs version {needed} of the game ({why})")]
    NeedsVersion { needed: String, why: String },
    /// A save made with older rules than this game plays: it cannot be replayed here, but it is
    /// never lost. `text` names the rules, shows the stored (unverified) summary and the
    /// release that can verify it.
    #[error("{text}")]
    OldRules {
        rules: u32,
        /// The game version recorded in the save, if it looks like one.
        version: Option<String>,
        /// The summary the save records, unverified (boxed: errors stay small).
        summary: Option<Box<Summary>>,
        text: String,
    },
    /// The scenario embedded in the save does not pass the content checks.
    #[error("the scenario inside the save is not valid: {0}")]
    BadScenario(String),
    /// A value that parses but makes no sense (a malformed hash, a mismatched id, ...).
    #[error("{0}")]
    Invalid(String),
    /// A recorded decision that the rules refuse on replay. `number` counts decisions from 1;
    /// `month` is the month as the game shows it (1 = the first month of the campaign).
    #[error("decision {number} (month {month}, {date}) is refused by the rules: {reason}")]
    IllegalDecision {
        number: usize,
        month: u16,
        date: String,
        reason: String,
    },
    /// The replay does not reach the recorded checkpoints or final state. `month` is the
    /// month as the game shows it (1 = the first month of the campaign).
    #[error("modified at month {month} ({date}): {what}")]
    Modified {
        month: u16,
        date: String,
        what: String,
    },
    /// Writing a save failed; the previous file, if any, is intact.
    #[error("could not write the save: {0}")]
    Write(String),
}

impl SaveError {
    /// The one-line verdict `ai-race verify` prints for a file that is not verified.
    pub fn verdict(&self) -> String {
        match self {
            SaveError::Modified { .. }
            | SaveError::NeedsVersion { .. }
            | SaveError::OldRules { .. } => self.to_string(),
            other => format!("not a valid save: {other}"),
        }
    }

    pub(crate) fn io(e: &std::io::Error) -> SaveError {
        SaveError::Unreadable(sanitize(&io_reason(e), 120))
    }

    pub(crate) fn write(e: &std::io::Error) -> SaveError {
        SaveError::Write(sanitize(&io_reason(e), 120))
    }
}

/// An I/O error in plain words (the OS text without its "(os error N)" suffix).
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file".into(),
        K::PermissionDenied => "permission denied".into(),
        K::StorageFull => "the disk is full".into(),
        K::FileTooLarge => "the file size limit was reached (as with a full disk)".into(),
        K::ReadOnlyFilesystem => "the folder is read-only".into(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_string(),
                None => text,
            }
        }
    }
}

/// Makes untrusted text safe to print on one terminal line: control characters (escape
/// sequences, newlines, C1 controls), bidirectional overrides and zero-width characters are
/// shown as `\u{..}`, and the text is cut to `max` characters. The one sanitiser for every
/// output lives in `text::sanitize`; this is its terminal form.
pub fn sanitize(text: &str, max: usize) -> String {
    crate::text::sanitize::terminal(text, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        let s = sanitize("a\u{1b}[31mred\u{7}\nnext\u{9b}2J\u{202e}evil", 100);
        assert_eq!(s, "a\\u{1b}[31mred\\u{7}\\u{a}next\\u{9b}2J\\u{202e}evil");
        assert!(!s.chars().any(crate::text::sanitize::is_hidden));
    }

    #[test]
    fn long_text_is_cut() {
        assert_eq!(sanitize("abcdef", 3), "abc…");
        assert_eq!(sanitize("abc", 3), "abc");
    }

    #[test]
    fn verdicts_name_the_three_kinds_of_failure() {
        let m = SaveError::Modified {
            month: 4,
            date: "Feb 2026".into(),
            what: "the state differs from the checkpoint".into(),
        };
        assert!(m.verdict().starts_with("modified at month 4"));
        let v = SaveError::NeedsVersion {
            needed: "0.3.0 or later".into(),
            why: "save format 2".into(),
        };
        assert!(v.verdict().starts_with("needs version 0.3.0"));
        assert!(SaveError::Empty.verdict().starts_with("not a valid save: "));
    }
}
