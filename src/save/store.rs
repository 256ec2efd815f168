//! The saves folder: manual saves under a safe file name, rotating autosaves, a listing for
//! the load screen, and atomic writes so a crash or a kill never leaves a broken save.
//!
//! Every write goes to a temporary file in the same folder, is flushed and synced, renamed
//! over the target and the folder is synced: at any moment the target is either the old file
//! or the new one. Nothing is ever written outside the folder.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use serde::Deserialize;

use super::error::{SaveError, sanitize};
use super::format::Summary;
use super::load::{Origin, load_path};

/// The environment variable that moves the saves folder.
pub const SAVES_DIR_ENV: &str = "AI_RACE_SAVES";
/// The saves folder when nothing else is said.
pub const DEFAULT_SAVES_DIR: &str = "saves";
/// How many autosaves are kept (one per month end, newest first).
pub const AUTOSAVES: usize = 5;
/// Longest file name stem a typed save name becomes.
pub const MAX_SLUG: usize = 40;
/// Most saves listed (the newest first).
pub const MAX_LISTED: usize = 200;

/// The saves folder: the `--saves-dir` flag, else `AI_RACE_SAVES`, else `saves/`.
pub fn saves_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    match std::env::var_os(SAVES_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(DEFAULT_SAVES_DIR),
    }
}

/// A save or folder named on the command line: `given` itself when it exists; else, when it
/// is `saves` or starts with `saves/`, the same name in the saves folder `dir` (where the game
/// writes when the current folder has no `saves` folder of its own). So the paths the guides
/// print, like `saves/ada-lovelace.ron`, work wherever the game keeps its saves.
pub fn resolve_in(dir: &Path, given: &Path) -> PathBuf {
    if given.exists() {
        return given.to_path_buf();
    }
    match given.strip_prefix(DEFAULT_SAVES_DIR) {
        Ok(rest) if dir.join(rest).exists() => dir.join(rest),
        _ => given.to_path_buf(),
    }
}

/// A safe file name stem for a name the player typed: lowercase ASCII letters and digits
/// joined by single dashes, at most [`MAX_SLUG`] long, never empty, never a name Windows
/// reserves and never one of the autosave names.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if out.len() >= MAX_SLUG {
            break;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        return "save".into();
    }
    if is_reserved(&out) {
        out.insert_str(0, "save-");
        out.truncate(MAX_SLUG);
    }
    out
}

/// Device names Windows refuses as file names, and the autosave rotation's own names.
fn is_reserved(stem: &str) -> bool {
    const DEVICES: [&str; 4] = ["con", "prn", "aux", "nul"];
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.chars().all(|c| c.is_ascii_digit()))
    };
    DEVICES.contains(&stem) || numbered("com") || numbered("lpt") || stem.starts_with("autosave")
}

/// A save file in the folder, not yet opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveEntry {
    pub path: PathBuf,
    /// The file name without `.ron` (sanitized for display).
    pub name: String,
    pub modified: SystemTime,
    pub autosave: bool,
}

/// One save in the folder, as the load screen lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub entry: SaveEntry,
    /// What the save holds once verified, or why it does not verify.
    pub verdict: Result<SaveInfo, SaveError>,
}

/// What a verified save holds, without keeping its whole game in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveInfo {
    pub scenario: String,
    pub difficulty: String,
    pub player: Option<String>,
    pub summary: Summary,
    pub months: u16,
    pub origin: Origin,
}

/// The saves folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// The autosave rotation of each game this store has autosaved.
    games: Arc<Mutex<Vec<Rotation>>>,
}

/// One game's autosaves: its own file names, so games (and two copies of the game sharing a
/// folder) never push out or overwrite each other's.
#[derive(Debug, Clone)]
struct Rotation {
    /// Player, scenario and seed, as the save's header records them.
    game: (Option<String>, String, u64),
    /// `autosave-<player>-<scenario>-<id>`: the files are `<prefix>-1.ron` (newest) to `-5`.
    prefix: String,
    /// Decisions in the last autosave: fewer means a new game of the same world.
    decisions: usize,
}

/// What an autosave needs to know of a save's text: whose game it is and whether it ended.
#[derive(Debug, Deserialize)]
struct AutosaveHead {
    #[serde(default)]
    player: Option<String>,
    scenario: String,
    seed: u64,
    summary: Summary,
    decisions: Vec<serde::de::IgnoredAny>,
}

impl Store {
    /// The saves folder at `dir`. Leftovers of writes killed half-way (hidden `.part` files of
    /// processes no longer running) are cleaned up, and a finished one whose save is missing
    /// is put in its place.
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        let store = Store {
            dir: dir.into(),
            games: Arc::default(),
        };
        store.clean_stale_parts();
        store
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where a save with the typed `name` goes.
    pub fn path_for(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{}.ron", slug(name)))
    }

    /// Saves a save's `text` under the typed `name` (replacing a save of the same name).
    pub fn save_as(&self, name: &str, text: &str) -> Result<PathBuf, SaveError> {
        let target = self.path_for(name);
        write_atomic(&self.dir, &target, text.as_bytes(), || Ok(()))?;
        Ok(target)
    }

    /// The autosave files of the game autosaved last (by this store, else the newest on
    /// disk), newest first.
    pub fn autosave_paths(&self) -> Vec<PathBuf> {
        let last = self
            .games
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .last()
            .map(|r| r.prefix.clone());
        let prefix = last.or_else(|| {
            self.files()
                .into_iter()
                .filter(|e| e.autosave)
                .find_map(|e| {
                    let stem = e.path.file_stem()?.to_str()?.to_string();
                    let (prefix, n) = stem.rsplit_once('-')?;
                    n.parse::<usize>().is_ok().then(|| prefix.to_string())
                })
        });
        let prefix = prefix.unwrap_or_else(|| "autosave".into());
        (1..=AUTOSAVES)
            .map(|n| self.dir.join(format!("{prefix}-{n}.ron")))
            .collect()
    }

    /// The rotation for the game in `text` (a new one for a game not seen before).
    fn rotation_for(&self, head: &AutosaveHead) -> String {
        let game = (head.player.clone(), head.scenario.clone(), head.seed);
        let mut games = self.games.lock().unwrap_or_else(PoisonError::into_inner);
        let decisions = head.decisions.len();
        if let Some(i) = games.iter().position(|r| r.game == game) {
            let r = games.remove(i);
            if decisions >= r.decisions {
                games.push(Rotation { decisions, ..r });
                return games.last().map(|r| r.prefix.clone()).unwrap_or_default();
            }
        }
        // A readable, unique name: who, which scenario, and an id from the seed, this process
        // and the moment the game's first autosave is written.
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id = crate::game::hash::canonical_hash(&(
            head.seed,
            std::process::id(),
            nanos as u64,
            WRITES.fetch_add(1, Ordering::Relaxed),
        ));
        let mut player = slug(head.player.as_deref().unwrap_or("player"));
        player.truncate(20);
        let mut scenario = slug(&head.scenario);
        scenario.truncate(20);
        let prefix = format!(
            "autosave-{}-{}-{:08x}",
            player.trim_end_matches('-'),
            scenario.trim_end_matches('-'),
            id >> 32
        );
        games.push(Rotation {
            game,
            prefix: prefix.clone(),
            decisions,
        });
        prefix
    }

    /// Autosaves a save's `text` in its game's own rotation: the new save becomes
    /// `<prefix>-1.ron` and the older ones move down, the oldest of [`AUTOSAVES`] dropped. The
    /// new file is fully written before anything moves. A game that has ended also gets a
    /// final save under a name the class report reads (`final-<player>-<scenario>-<id>.ron`).
    pub fn autosave(&self, text: &str) -> Result<PathBuf, SaveError> {
        let head: AutosaveHead = ron::Options::default()
            .with_recursion_limit(super::RECURSION_LIMIT)
            .from_str(text)
            .map_err(|e| {
                SaveError::Write(format!("the game could not be read back: {}", e.code))
            })?;
        let prefix = self.rotation_for(&head);
        let paths: Vec<PathBuf> = (1..=AUTOSAVES)
            .map(|n| self.dir.join(format!("{prefix}-{n}.ron")))
            .collect();
        let rotate = || {
            for i in (1..paths.len()).rev() {
                match fs::rename(&paths[i - 1], &paths[i]) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(SaveError::write(&e));
                    }
                    _ => {}
                }
            }
            Ok(())
        };
        write_atomic(&self.dir, &paths[0], text.as_bytes(), rotate)?;
        if head.summary.ending.is_some() {
            let name = prefix.replacen("autosave-", "final-", 1);
            let target = self.dir.join(format!("{name}.ron"));
            write_atomic(&self.dir, &target, text.as_bytes(), || Ok(()))?;
        }
        Ok(paths[0].clone())
    }

    /// Removes the hidden `.part` files of writes whose process is gone (a kill or a power cut
    /// mid-write). One whose save is missing (killed between the rotation and the rename) and
    /// that verifies is put in its place instead: it is the newest month.
    fn clean_stale_parts(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            let Some((target, pid)) = part_of(name) else {
                continue;
            };
            if pid == std::process::id() || process_alive(pid) {
                continue;
            }
            let part = entry.path();
            let target = self.dir.join(target);
            let restore = !target.exists()
                && entry.file_type().is_ok_and(|t| t.is_file())
                && load_path(&part).is_ok();
            if !(restore && fs::rename(&part, &target).is_ok()) {
                let _ = fs::remove_file(&part);
            }
        }
    }

    /// The save files in the folder, newest first, without opening them (cheap: for the
    /// title screen's "continue" and for warning before a name is reused).
    pub fn files(&self) -> Vec<SaveEntry> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(stem) = file_name.to_str().and_then(|n| n.strip_suffix(".ron")) else {
                continue;
            };
            // Temporary files of a write in progress start with a dot.
            if stem.is_empty() || stem.starts_with('.') {
                continue;
            }
            // Not followed: a symlink or a folder named like a save is not a save.
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            if !meta.file_type().is_file() {
                continue;
            }
            found.push(SaveEntry {
                path: entry.path(),
                name: sanitize(stem, 60),
                modified: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                autosave: stem.starts_with("autosave-"),
            });
        }
        found.sort_by(|a, b| {
            b.modified
                .cmp(&a.modified)
                .then_with(|| a.name.cmp(&b.name))
        });
        found.truncate(MAX_LISTED);
        found
    }

    /// Every save in the folder, newest first, each verified by replay.
    pub fn list(&self) -> Vec<Listed> {
        self.files()
            .into_iter()
            .map(|entry| {
                let verdict = load_path(&entry.path).map(|v| SaveInfo {
                    scenario: v.play.game.content.scenario.name.clone(),
                    difficulty: v.play.game.content.difficulty.name.clone(),
                    player: v.play.record.player.clone(),
                    summary: v.summary(),
                    months: v.play.game.content.scenario.months,
                    origin: v.origin,
                });
                Listed { entry, verdict }
            })
            .collect()
    }

    /// The most recently written save, to continue from the title screen. It is checked
    /// when opened, not here, so the title screen appears at once.
    pub fn latest(&self) -> Option<SaveEntry> {
        self.files().into_iter().next()
    }
}

/// Writes a save to an explicit path (for `ai-race sim --save FILE`), atomically.
pub fn write_file(path: &Path, text: &str) -> Result<(), SaveError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.file_name().is_none() {
        return Err(SaveError::Write("the path names no file".into()));
    }
    write_atomic(&dir, path, text.as_bytes(), || Ok(()))
}

/// Writes a file that is not a save (a report, a debrief, the settings) as atomically as a
/// save; a refusal says what could not be written: "could not write the report: ...".
pub fn write_text_file(path: &Path, text: &str, what: &str) -> Result<(), String> {
    write_file(path, text).map_err(|e| match e {
        SaveError::Write(why) => format!("could not write the {what}: {why}"),
        other => other.to_string(),
    })
}

/// The target file name and the writer's process id of a temporary file
/// `.<target>.<pid>-<n>.part`.
fn part_of(name: &str) -> Option<(&str, u32)> {
    let inner = name.strip_prefix('.')?.strip_suffix(".part")?;
    let (target, tail) = inner.rsplit_once('.')?;
    let (pid, n) = tail.split_once('-')?;
    n.parse::<u32>().ok()?;
    Some((target, pid.parse().ok()?))
}

/// Whether a process is still running (a live writer's `.part` file is left alone).
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    // Without a cheap check, a leftover is kept rather than risk another copy's write.
    true
}

/// Tells apart the temporary files of concurrent writes in one process.
static WRITES: AtomicU32 = AtomicU32::new(0);

/// Writes `bytes` to `target` inside `dir` atomically: a temporary file in `dir` is written,
/// flushed and synced, then `before_rename` runs (the autosave rotation), then the file is
/// renamed over `target` and `dir` is synced so the rename itself survives a power cut.
fn write_atomic(
    dir: &Path,
    target: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> Result<(), SaveError>,
) -> Result<(), SaveError> {
    if let Ok(meta) = fs::metadata(dir)
        && !meta.is_dir()
    {
        return Err(SaveError::Write(format!(
            "'{}' is a file, not a folder; move it away or choose another folder",
            sanitize(&dir.display().to_string(), 120)
        )));
    }
    fs::create_dir_all(dir).map_err(|e| SaveError::write(&e))?;
    check_target(target)?;
    let stem = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("save");
    let temp = dir.join(format!(
        ".{stem}.{}-{}.part",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    let result = write_synced(&temp, bytes)
        .and_then(|()| before_rename())
        .and_then(|()| fs::rename(&temp, target).map_err(|e| SaveError::write(&e)))
        .and_then(|()| sync_dir(dir));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Refuses to replace anything but a regular file: a rename over a symlink, a device (such as
/// /dev/null, when run as root), a FIFO or a folder would destroy it. The target is opened
/// once, without following a symlink and without blocking, and the opened handle is checked.
fn check_target(target: &Path) -> Result<(), SaveError> {
    let refuse = |kind: &str| {
        SaveError::Write(format!(
            "'{}' is {kind}; give the path of a regular file to write (or - for the screen)",
            sanitize(&target.display().to_string(), 120)
        ))
    };
    let file = match open_no_follow(target) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(refuse("a symbolic link")),
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::EISDIR) => return Err(refuse("a folder")),
        Err(e) => return Err(SaveError::write(&e)),
    };
    let meta = file.metadata().map_err(|e| SaveError::write(&e))?;
    if meta.is_dir() {
        Err(refuse("a folder"))
    } else if !meta.is_file() {
        Err(refuse(
            "a device, pipe or other special file, not a regular file",
        ))
    } else {
        Ok(())
    }
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other("a symbolic link"));
    }
    File::open(path)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| SaveError::write(&e))?;
    file.write_all(bytes).map_err(|e| SaveError::write(&e))?;
    file.flush().map_err(|e| SaveError::write(&e))?;
    file.sync_all().map_err(|e| SaveError::write(&e))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<(), SaveError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| SaveError::write(&e))
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<(), SaveError> {
    // Windows has no way to sync a directory; its renames are journaled by NTFS.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::save::Playthrough;

    #[test]
    fn typed_names_become_safe_file_names() {
        assert_eq!(slug("My Great Run!"), "my-great-run");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("..."), "save");
        assert_eq!(slug(""), "save");
        assert_eq!(slug("C:\\Windows\\x"), "c-windows-x");
        assert_eq!(slug("CON"), "save-con");
        assert_eq!(slug("lpt1"), "save-lpt1");
        assert_eq!(slug("autosave-1"), "save-autosave-1");
        assert_eq!(slug("Zoë’s  run\u{1b}[31m"), "zo-s-run-31m");
        let long = slug(&"a".repeat(500));
        assert_eq!(long.len(), MAX_SLUG);
    }

    fn game_at(months: usize) -> String {
        use crate::game::Command;
        let content = std::sync::Arc::new(crate::content::load_builtin("race-2025", None).unwrap());
        let mut p = Playthrough::new(content, 5);
        for _ in 0..months {
            while p.game.state.pending.is_some() {
                p.apply(&Command::Choose(0)).unwrap();
            }
            p.apply(&Command::EndMonth).unwrap();
        }
        p.to_text().unwrap()
    }

    #[test]
    fn autosaves_rotate_keeping_the_last_five_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("created/on/first/save"));
        for months in 0..8 {
            store.autosave(&game_at(months)).unwrap();
        }
        let months: Vec<u16> = store
            .autosave_paths()
            .iter()
            .map(|p| super::load_path(p).unwrap().summary().month)
            .collect();
        assert_eq!(months, [7, 6, 5, 4, 3]);
        let files = fs::read_dir(store.dir()).unwrap().count();
        assert_eq!(files, AUTOSAVES, "no temporary file is left behind");
    }

    #[test]
    fn a_typed_name_saves_inside_the_folder_and_is_listed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("saves"));
        let path = store.save_as("../../Outside?", &game_at(2)).unwrap();
        assert_eq!(path, dir.path().join("saves/outside.ron"));
        // A leftover of a killed write and a stray folder are not listed.
        fs::write(store.dir().join(".outside.ron.1-1.part"), "half").unwrap();
        fs::create_dir(store.dir().join("folder.ron")).unwrap();
        let listed = store.list();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].entry.name, "outside");
        let info = listed[0].verdict.as_ref().unwrap();
        assert_eq!((info.summary.month, info.origin), (2, Origin::Builtin));
        assert_eq!(store.latest().map(|l| l.path), Some(path));
    }

    #[test]
    fn a_guide_path_under_saves_finds_the_saves_folder() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("data/saves"));
        let path = store.save_as("Ada Lovelace", &game_at(1)).unwrap();
        let given = Path::new("saves/ada-lovelace.ron");
        assert_eq!(resolve_in(store.dir(), given), path);
        // A name not there, or not under saves/, stays as given (its error names it).
        let missing = Path::new("saves/nobody.ron");
        assert_eq!(resolve_in(store.dir(), missing), missing);
        assert_eq!(
            resolve_in(store.dir(), Path::new("ada-lovelace.ron")),
            Path::new("ada-lovelace.ron")
        );
    }

    #[test]
    fn the_flag_wins_over_the_default() {
        assert_eq!(saves_dir(Some(Path::new("x/y"))), PathBuf::from("x/y"));
    }
}
