//! Saves: the file format and its versions, loading (capped, validated, verified by replay),
//! and the saves folder (atomic writes, rotating autosaves).
//!
//! A save holds the scenario, the seed and every player decision; loading replays them
//! through the rules and compares the result with the checkpoints and summary the file
//! records. A save from someone else is untrusted input: see `read.rs` for the limits.

mod error;
mod fork;
mod format;
mod load;
mod migrate;
mod playthrough;
mod read;
mod store;
mod verdict;
mod writer;

pub use error::{SaveError, sanitize};
pub use fork::{
    ForkError, MAX_FILES_SEARCHED, check_month, decisions_before, file_fingerprint, find_parent,
    fingerprint_of, fork, game_fingerprint, is_parent, is_parent_of, last_fork_month,
};
pub use format::{
    Checkpoint, Decision, FORMAT_NAME, FORMAT_VERSION, MAX_CHECKPOINTS, MAX_DECISIONS, Parent,
    SaveFile, Summary,
};
pub use load::{
    ContentCache, MAX_PLAYER_NAME, Origin, Verified, builtin_fingerprint, date_of, load_bytes,
    load_path, load_text, turn,
};
pub use migrate::{RECURSION_LIMIT, upgrade, upgrade_for};
pub use playthrough::{CHECKPOINT_MONTHS, Playthrough, Record, Refused, summarise};
pub use read::{MAX_SAVE_BYTES, decode_text, read_save_file};
pub use store::{
    AUTOSAVES, DEFAULT_SAVES_DIR, Listed, MAX_LISTED, MAX_SLUG, SAVES_DIR_ENV, SaveEntry, SaveInfo,
    Store, resolve_in, saves_dir, slug, write_file, write_text_file,
};
pub use verdict::{file_line, is_genuine, modified_scenario, verified_line};
pub use writer::{Writer, Written};
