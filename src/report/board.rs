//! The teacher's live board, without the terminal: a class folder scanned again and again,
//! each save verified once per change, and the ranking rebuilt only when something changed.
//!
//! A scan only lists the folder and reads each `.ron` file's size and modification time (a
//! few system calls per file), so a board left open over an idle folder costs next to nothing.
//! A file whose size or time changed is verified again by replay, exactly as `report` does, so
//! forged and broken files are flagged with the same reasons. Polling the listing, rather than
//! asking the system for change notices, works on the network shares classes use, where change
//! notices are often never delivered. The folder is only ever read.
//!
//! Autosaves count here (they are how a game in progress reaches the board), but each game is
//! shown once: of one player's saves of one game, the one furthest into the game (the same
//! rule as `report`, so both rank a folder the same way).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::class::{self, ClassReport, Failed, Loaded};
use crate::game::Content;
use crate::save;

/// What a scan remembers of a file: if either changes, the file is verified again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
}

/// A ranked game's race, for the board's chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Race {
    /// The player's progress at the end of each month played, in tenths of a point.
    pub progress: Vec<i64>,
    /// The campaign's length in months.
    pub months: u16,
}

/// One file as last verified.
#[derive(Debug, Clone)]
struct Seen {
    stamp: Stamp,
    result: Result<Loaded, Failed>,
}

/// The board's state: the folder, what each of its files gave, and the ranking of it all.
#[derive(Debug)]
pub struct Board {
    dir: PathBuf,
    files: BTreeMap<PathBuf, Seen>,
    /// The ranking and the flagged files, as `report` would give them for the newest save of
    /// each game.
    pub report: ClassReport,
    /// Each ranked file's race, by the file as the report names it.
    pub races: BTreeMap<String, Race>,
    /// Why the folder could not be listed at the last scan (it may be back at the next).
    pub problem: Option<String>,
    /// Files verified since the board opened (a file is verified again only when it changes).
    pub verified: usize,
    /// Older saves of a game that is shown by a newer one.
    pub superseded: usize,
    /// Scenario contents by fingerprint: a class's saves embed the same content, kept once.
    contents: BTreeMap<u64, Arc<Content>>,
}

impl Board {
    /// A board over `dir`, empty until the first [`Board::refresh`].
    pub fn new(dir: &Path) -> Board {
        Board {
            dir: dir.to_path_buf(),
            files: BTreeMap::new(),
            report: ClassReport::default(),
            races: BTreeMap::new(),
            problem: None,
            verified: 0,
            superseded: 0,
            contents: BTreeMap::new(),
        }
    }

    /// What the board shows, without the verified games behind it: the copy the interface
    /// draws while the next scan runs on another thread.
    pub fn shown(&self) -> Board {
        Board {
            dir: self.dir.clone(),
            files: BTreeMap::new(),
            report: self.report.clone(),
            races: self.races.clone(),
            problem: self.problem.clone(),
            verified: self.verified,
            superseded: self.superseded,
            contents: BTreeMap::new(),
        }
    }

    /// The folder watched.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Scans the folder; verifies new and changed files, forgets removed ones, and rebuilds
    /// the ranking if anything changed. Returns whether anything did.
    pub fn refresh(&mut self) -> bool {
        let (listed, ignored, problem) = scan(&self.dir);
        let mut changed = problem != self.problem;
        self.problem = problem;
        let before = self.files.len();
        self.files.retain(|path, _| listed.contains_key(path));
        changed |= self.files.len() != before;
        let stale: Vec<PathBuf> = listed
            .iter()
            .filter(|(path, stamp)| self.files.get(*path).is_none_or(|s| s.stamp != **stamp))
            .map(|(path, _)| path.clone())
            .collect();
        if !stale.is_empty() {
            changed = true;
            self.verified += stale.len();
            for (path, mut result) in stale.iter().zip(class::load_all(&stale)) {
                let stamp = listed[path];
                if let Ok(l) = &mut result {
                    let shared = self
                        .contents
                        .entry(l.key.3)
                        .or_insert_with(|| Arc::clone(&l.content));
                    l.content = Arc::clone(shared);
                }
                self.files.insert(path.clone(), Seen { stamp, result });
            }
        }
        if changed {
            self.rebuild(ignored);
        }
        changed
    }

    /// The ranking from the files as last verified, made as `report` makes it: a player's
    /// earlier saves of a game (autosaves included) are superseded by the furthest one and
    /// counted, not listed.
    fn rebuild(&mut self, ignored: usize) {
        let mut failed = Vec::new();
        // Files are named inside the folder: the folder itself is on the board's title.
        let prefix = format!("{}/", save::sanitize(&self.dir.display().to_string(), 120));
        let inside = |s: &str| s.replace(&prefix, "");
        let mut kept: Vec<Loaded> = Vec::new();
        for seen in self.files.values() {
            match &seen.result {
                Err(f) => failed.push(f.clone()),
                Ok(l) => {
                    let mut l = l.clone();
                    l.entry.file = inside(&l.entry.file);
                    kept.push(l);
                }
            }
        }
        self.races = kept
            .iter()
            .map(|l| {
                let race = Race {
                    progress: l.progress.clone(),
                    months: l.content.scenario.months,
                };
                (l.entry.file.clone(), race)
            })
            .collect();
        self.report = class::assemble(kept, failed, ignored, 0);
        let listed = self.report.failed.len();
        self.report.failed.retain(|f| !class::is_superseded(f));
        self.superseded = listed - self.report.failed.len();
        for f in &mut self.report.failed {
            f.file = inside(&f.file);
            f.reason = inside(&f.reason);
        }
    }
}

/// The folder's `.ron` files with their stamps (at most `class::MAX_FILES`), how many other
/// files it holds, and why it could not be listed.
fn scan(dir: &Path) -> (BTreeMap<PathBuf, Stamp>, usize, Option<String>) {
    let mut files = BTreeMap::new();
    let mut ignored = 0;
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let why = format!(
                "cannot list {}: {}",
                save::sanitize(&dir.display().to_string(), 80),
                save::sanitize(&e.to_string(), 80)
            );
            return (files, 0, Some(why));
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_ron = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        // Hidden files are the game's own half-written saves (`.name.ron.pid-n.part`).
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !is_ron || hidden {
            ignored += usize::from(!hidden);
            continue;
        }
        if files.len() >= class::MAX_FILES {
            ignored += 1;
            continue;
        }
        // The size and time of what the name points at; a file that vanished since the
        // listing is left for the next scan.
        if let Ok(meta) = std::fs::metadata(&path) {
            let stamp = Stamp {
                len: meta.len(),
                modified: meta.modified().ok(),
            };
            files.insert(path, stamp);
        }
    }
    (files, ignored, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::policy::{self, Policy};
    use crate::save::Playthrough;

    fn content() -> Arc<Content> {
        Arc::new(crate::content::load_builtin("race-2025", Some("normal")).expect("built-in"))
    }

    /// A save of `player`'s game on `seed`, `months` months in: the random strategy with dice
    /// of its own (so no shipped script plays it).
    fn save_text(player: &str, seed: u64, months: u16, policy: Policy) -> String {
        let content = content();
        let played = policy::play_strategy(&content, seed, seed + 99, &policy.strategy());
        let mut play = Playthrough::new(content, seed);
        for (month, command) in played.decisions {
            if month >= months {
                break;
            }
            play.apply(&command).expect("the script's own move");
        }
        assert_eq!(play.game.state.month, months);
        play.record.player = Some(player.to_string());
        play.to_text().expect("text")
    }

    fn names(board: &Board) -> Vec<String> {
        board
            .report
            .groups
            .iter()
            .flat_map(|g| g.entries.iter().map(|e| e.player.clone()))
            .collect()
    }

    #[test]
    fn a_new_save_reaches_the_board_and_an_idle_scan_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp");
        let mut board = Board::new(dir.path());
        board.refresh();
        assert!(names(&board).is_empty());
        std::fs::write(
            dir.path().join("ada.ron"),
            save_text("Ada", 7, 3, Policy::Random),
        )
        .expect("write");
        assert!(board.refresh(), "a new file is a change");
        assert_eq!(names(&board), ["Ada"]);
        let verified = board.verified;
        assert!(!board.refresh(), "nothing changed");
        assert_eq!(
            board.verified, verified,
            "an unchanged file is not verified again"
        );
    }

    #[test]
    fn a_changed_save_moves_the_student_on_and_a_removed_one_leaves() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("ada.ron");
        std::fs::write(&path, save_text("Ada", 7, 2, Policy::Random)).expect("write");
        let mut board = Board::new(dir.path());
        board.refresh();
        assert_eq!(board.report.groups[0].entries[0].month, 3);
        std::fs::write(&path, save_text("Ada", 7, 6, Policy::Random)).expect("write");
        assert!(board.refresh());
        assert_eq!(
            board.report.groups[0].entries[0].month, 7,
            "the student's new month"
        );
        std::fs::remove_file(&path).expect("remove");
        assert!(board.refresh());
        assert!(
            board.report.groups.is_empty(),
            "a removed save leaves the board"
        );
    }

    #[test]
    fn a_forged_save_is_flagged_not_ranked() {
        let dir = tempfile::tempdir().expect("temp");
        let text = save_text("Ada", 7, 4, Policy::Random);
        let forged = text.replacen("score:", "score:9", 1);
        assert_ne!(text, forged);
        std::fs::write(dir.path().join("bob.ron"), forged).expect("write");
        let mut board = Board::new(dir.path());
        board.refresh();
        assert!(names(&board).is_empty(), "the forged save is not ranked");
        assert_eq!(board.report.failed.len(), 1);
        assert_eq!(board.report.failed[0].file, "bob.ron");
    }

    #[test]
    fn a_games_autosaves_show_once_at_its_newest_month() {
        let dir = tempfile::tempdir().expect("temp");
        for (n, months) in [(1, 5), (2, 4), (3, 3)] {
            let name = format!("autosave-ada-race-2025-0badcafe-{n}.ron");
            std::fs::write(
                dir.path().join(name),
                save_text("Ada", 7, months, Policy::Random),
            )
            .expect("write");
        }
        let mut board = Board::new(dir.path());
        board.refresh();
        assert_eq!(names(&board), ["Ada"]);
        assert_eq!(board.report.groups[0].entries[0].month, 6);
        assert_eq!(board.superseded, 2);
        assert!(board.report.failed.is_empty(), "{:?}", board.report.failed);
    }

    #[test]
    fn a_folder_that_disappears_is_named_and_the_board_recovers() {
        let dir = tempfile::tempdir().expect("temp");
        let gone = dir.path().join("class");
        let mut board = Board::new(&gone);
        board.refresh();
        assert!(
            board
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("cannot list"))
        );
        std::fs::create_dir(&gone).expect("mkdir");
        assert!(board.refresh());
        assert!(board.problem.is_none());
    }
}
