//! The class report: every save in a folder verified by replay, ranked by score within its
//! world (scenario, difficulty and seed), with a summary of each group and the files that
//! could not be ranked and why.
//!
//! Saves come from students, so each one is untrusted: reading, parsing and replaying are the
//! save module's (capped, validated), and any failure becomes a line in the report, never a
//! stop. Saves are loaded on every core; the result does not depend on the order they finish.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content;
use crate::game::state::{Ending, Lever};
use crate::game::{Content, Game};
use crate::save::{self, Decision, Origin, Parent, SaveError};

pub(crate) use super::copies::is_superseded;
use super::copies::{self, ScriptMatch};
use super::suggested::{self, Suggested};

/// Most files one report reads (a class is far smaller; a wrong folder should not hang it).
pub const MAX_FILES: usize = 10_000;

/// The levers compared between the top and the bottom of a group, in the order shown.
pub const LEVERS: [Lever; 9] = [
    Lever::Hiring,
    Lever::AdoptTech,
    Lever::Pipeline,
    Lever::Compute,
    Lever::OpenRelease,
    Lever::Safety,
    Lever::Product,
    Lever::Morale,
    Lever::Deal,
];

/// A verified save, ready to rank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file as named on the command line (made safe to print).
    pub file: String,
    /// The player's name from the save, else the file's name.
    pub player: String,
    /// 1 = best; equal scores share a rank. 0 for a reference game, which is shown beside
    /// the class and never ranked among it (see [`Entry::rank_label`]).
    pub rank: usize,
    /// The ending's stable key, or "unfinished".
    pub ending: &'static str,
    /// The month the game is in (1-based), or for a finished game the last month it played.
    pub month: u16,
    /// That month's calendar label.
    pub date: String,
    pub parts: Vec<(&'static str, i64)>,
    pub score: i64,
    /// Decisions per lever, from the game's timeline.
    pub levers: BTreeMap<Lever, u32>,
    /// Overall progress of every lab (the player first, in the scenario's order) at the end
    /// of each month played, thousandths of a point: the class race chart.
    pub race: Vec<Vec<i32>>,
    /// Marks for the teacher: each names the other save it concerns (a copy, a near-copy, a
    /// fork) or the script the game follows. A marked save stays ranked: the teacher decides.
    pub flags: Vec<String>,
    /// A reference game: a shipped script's own game that `sim --save-dir` wrote under the
    /// script's name. Ranked beside the class for comparison, never as a student.
    pub reference: bool,
    /// How the player used the suggestion key, as the save claims it and the replay confirms.
    pub suggested: Suggested,
    /// Chosen by the teacher (`report --highlight NAME`): drawn as a named line on the class
    /// race chart, wherever the student ranks.
    pub highlight: bool,
}

/// A file that was not ranked, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    pub file: String,
    pub reason: String,
}

/// What kind of file a report did not rank: the mark and word beside it, so a harmless
/// duplicate never looks like a forgery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailedKind {
    /// Another copy, or an earlier save, of a game that is ranked: nothing is wrong with it.
    Duplicate,
    /// Changed after it was saved: its replay does not give what the file records.
    Modified,
    /// Anything else: broken, from another version, a script's own game, an edited scenario.
    Refused,
}

impl FailedKind {
    /// "=", "✗" or "!".
    pub fn mark(self) -> &'static str {
        match self {
            FailedKind::Duplicate => "=",
            FailedKind::Modified => "✗",
            FailedKind::Refused => "!",
        }
    }

    /// The mark with its word: "= duplicate", "✗ modified", "! not ranked".
    pub fn label(self) -> &'static str {
        match self {
            FailedKind::Duplicate => "= duplicate",
            FailedKind::Modified => "✗ modified",
            FailedKind::Refused => "! not ranked",
        }
    }
}

/// What the marks of unranked files mean, for a legend under their list.
pub const FAILED_LEGEND: &str = "= duplicate: another copy or an earlier save of a game that \
is ranked, nothing wrong with it. ✗ modified: changed after it was saved (its replay does not \
give what the file records). ! not ranked: for the reason given.";

impl Failed {
    /// The kind of this unranked file, from its reason.
    pub fn kind(&self) -> FailedKind {
        if copies::is_superseded(self) || self.reason.contains(", given twice: ranked once") {
            FailedKind::Duplicate
        } else if self.reason.starts_with("modified at month") {
            FailedKind::Modified
        } else {
            FailedKind::Refused
        }
    }
}

/// Saves of one world: the same scenario (and scenario content), difficulty and seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub scenario_id: String,
    pub scenario_name: String,
    pub difficulty: String,
    pub seed: u64,
    /// The first 8 hex digits of the scenario's content fingerprint: saves share a group only
    /// if their scenarios are identical, whatever their names say.
    pub fingerprint: String,
    /// 0 when this world is the only one with its id, difficulty and seed; else 1, 2...
    /// (the scenario's content differs: an edited scenario file).
    pub variant: usize,
    /// The labs' short names, the player's lab first (as in each entry's `race`).
    pub labs: Vec<String>,
    /// The campaign's length in months, and the calendar label of each month.
    pub months: u16,
    pub dates: Vec<String>,
    /// Best first.
    pub entries: Vec<Entry>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClassReport {
    pub groups: Vec<Group>,
    pub failed: Vec<Failed>,
    /// Files in the folders that were not read because they do not end in `.ron`.
    pub ignored: usize,
    /// Autosaves in the folders that were passed over (name them to include them).
    pub autosaves: usize,
    /// Players of verified saves that were not ranked (copies), as reasons quote them: what
    /// [`ClassReport::anonymize`] must hide besides the ranked players.
    pub unranked_players: Vec<String>,
}

/// One loaded save and the world it belongs to.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// The world: scenario id, difficulty id, seed and content fingerprint.
    pub(crate) key: (String, String, u64, u64),
    pub(crate) name: String,
    pub(crate) entry: Entry,
    /// The scenario, shared by every save of the same content (a class holds one or two).
    pub(crate) content: Arc<Content>,
    /// The game's decisions, and one hash per decision (what the copy checks compare).
    pub(crate) moves: Vec<Decision>,
    pub(crate) hashes: Vec<u64>,
    /// The world's seed.
    pub(crate) seed: u64,
    /// The game this one was forked from, as the save records it.
    pub(crate) parent: Option<Parent>,
    /// The player's name as the save gives it (`None` when the save names nobody).
    pub(crate) named: Option<String>,
    /// The player's progress at the end of each month played, in tenths of a point (the
    /// live board's race chart).
    pub(crate) progress: Vec<i64>,
    /// The shipped script whose game this is, or that it follows longest (see
    /// [`copies::script_of`]).
    pub(crate) script: ScriptMatch,
}

/// Scenarios already read, by their text: every save of one scenario shares one copy, parsed,
/// checked and fingerprinted once.
type Contents = save::ContentCache;

/// What a folder or a list of files holds for the report.
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<PathBuf>,
    pub failed: Vec<Failed>,
    /// Files not ending in `.ron`.
    pub ignored: usize,
    /// Autosave files (`autosave-...-N.ron`).
    pub autosaves: usize,
}

/// Whether a file name is one of the game's rotating autosaves. A student's saves folder holds
/// several of one game at different months: ranked, they would count one student many times.
fn is_autosave(path: &Path) -> bool {
    // `autosave-N` (older versions) and `autosave-<player>-<scenario>-<id>-N`; a typed save
    // name never starts with "autosave" (see `save::slug`). A finished game's `final-...`
    // save is read.
    path.file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix("autosave-"))
        .and_then(|s| s.rsplit('-').next())
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The files to read: each folder's `.ron` files but autosaves (sorted by name), and each file
/// named; plus the inputs that could not be listed, and what was passed over.
pub fn collect(inputs: &[PathBuf]) -> Collected {
    let mut files = Vec::new();
    let mut failed = Vec::new();
    let mut ignored = 0;
    let mut autosaves = 0;
    for input in inputs {
        let shown = shown(input);
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => match std::fs::read_dir(input) {
                Ok(dir) => {
                    let mut found: Vec<PathBuf> = Vec::new();
                    for entry in dir.flatten() {
                        let path = entry.path();
                        let is_ron = path
                            .extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
                        if is_ron && is_autosave(&path) {
                            autosaves += 1;
                        } else if is_ron {
                            found.push(path);
                        } else {
                            ignored += 1;
                        }
                    }
                    found.sort();
                    files.extend(found);
                }
                Err(e) => failed.push(Failed {
                    file: shown,
                    reason: format!(
                        "cannot list the folder: {}",
                        save::sanitize(&e.to_string(), 120)
                    ),
                }),
            },
            // Files, and anything else: the save loader says what is wrong with it.
            Ok(_) => files.push(input.clone()),
            Err(_) if input.symlink_metadata().is_ok() => files.push(input.clone()),
            Err(e) => failed.push(Failed {
                file: shown,
                reason: format!(
                    "no such file or folder ({})",
                    save::sanitize(&e.to_string(), 80)
                ),
            }),
        }
    }
    let mut seen: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    files.retain(|path| {
        let Ok(real) = std::fs::canonicalize(path) else {
            return true;
        };
        match seen.get(&real) {
            Some(first) => {
                failed.push(Failed {
                    file: shown(path),
                    reason: format!(
                        "the same file as {}, given twice: ranked once",
                        shown(first)
                    ),
                });
                false
            }
            None => {
                seen.insert(real, path.clone());
                true
            }
        }
    });
    if files.len() > MAX_FILES {
        let extra = files.len() - MAX_FILES;
        files.truncate(MAX_FILES);
        failed.push(Failed {
            file: format!("({extra} more files)"),
            reason: format!("a report reads at most {MAX_FILES} files"),
        });
    }
    Collected {
        files,
        failed,
        ignored,
        autosaves,
    }
}

/// A path made safe to print in a report (without a leading "./").
fn shown(path: &Path) -> String {
    let path = path.strip_prefix(".").unwrap_or(path);
    save::sanitize(&path.display().to_string(), 120)
}

impl ClassReport {
    /// The report for files and folders of saves.
    pub fn build(inputs: &[PathBuf]) -> ClassReport {
        build(inputs)
    }
}

/// Builds the report for files and folders.
pub fn build(inputs: &[PathBuf]) -> ClassReport {
    let Collected {
        files,
        mut failed,
        ignored,
        autosaves,
    } = collect(inputs);
    let mut loaded = Vec::new();
    for result in load_all(&files) {
        match result {
            Ok(l) => loaded.push(l),
            Err(f) => failed.push(f),
        }
    }
    assemble(loaded, failed, ignored, autosaves)
}

/// Ranks loaded saves by world (scripted games and earlier saves set aside into `failed`,
/// copies marked).
pub(crate) fn assemble(
    loaded: Vec<Loaded>,
    mut failed: Vec<Failed>,
    ignored: usize,
    autosaves: usize,
) -> ClassReport {
    let mut worlds: BTreeMap<(String, String, u64, u64), Vec<Loaded>> = BTreeMap::new();
    for l in loaded {
        worlds.entry(l.key.clone()).or_default().push(l);
    }
    let mut out: Vec<Group> = Vec::new();
    let mut unranked_players = Vec::new();
    for ((id, difficulty, seed, _), loaded) in worlds {
        let before: Vec<String> = loaded.iter().map(|l| l.entry.player.clone()).collect();
        let mut kept = copies::sort_out(loaded, &mut failed);
        for l in &mut kept {
            if let Some(mark) = claims_mark(&l.entry.suggested) {
                l.entry.flags.push(mark);
            }
        }
        unranked_players.extend(
            before
                .into_iter()
                .filter(|p| !kept.iter().any(|k| k.entry.player == *p)),
        );
        let Some(first) = kept.first() else {
            continue;
        };
        let (name, fingerprint) = (
            first.name.clone(),
            content::fingerprint_short(&first.content),
        );
        let c = &first.content;
        let labs = c.labs.iter().map(|l| l.short.clone()).collect();
        let months = c.scenario.months;
        let dates = (0..months).map(|m| c.date_label(m)).collect();
        out.push(Group {
            scenario_id: id,
            scenario_name: name,
            difficulty,
            seed,
            fingerprint,
            variant: 0,
            labs,
            months,
            dates,
            entries: ranked(kept.into_iter().map(|l| l.entry).collect()),
        });
    }
    // The biggest group first: that is usually the assignment.
    out.sort_by(|a, b| {
        b.entries
            .len()
            .cmp(&a.entries.len())
            .then_with(|| a.scenario_id.cmp(&b.scenario_id))
            .then_with(|| a.seed.cmp(&b.seed))
    });
    for i in 0..out.len() {
        let same = |g: &Group| {
            g.scenario_id == out[i].scenario_id
                && g.difficulty == out[i].difficulty
                && g.seed == out[i].seed
        };
        if out.iter().filter(|g| same(g)).count() > 1 {
            out[i].variant = out[..i].iter().filter(|g| same(g)).count() + 1;
        }
    }
    ClassReport {
        groups: out,
        failed,
        ignored,
        autosaves,
        unranked_players,
    }
}

/// A mark for a save whose list of suggestion-key moves names moves the suggestion would not
/// have made then (the list was edited, or written by something other than the game).
fn claims_mark(s: &Suggested) -> Option<String> {
    (s.false_claims > 0).then(|| {
        format!(
            "the save says {} move{} came from the suggestion key, but the suggestion at that \
             moment was another move: not counted as suggested (the list was edited)",
            s.false_claims,
            if s.false_claims == 1 { "" } else { "s" }
        )
    })
}

impl ClassReport {
    /// Marks the students called `name` (the player's name or the file's name without
    /// `.ron`, in any case) to be drawn as named lines on the race chart. Call it before
    /// [`ClassReport::anonymize`]. Returns how many were found.
    pub fn highlight(&mut self, name: &str) -> usize {
        let want = name.trim().to_lowercase();
        let mut found = 0;
        for e in self.groups.iter_mut().flat_map(|g| &mut g.entries) {
            let stem = std::path::Path::new(&e.file)
                .file_stem()
                .map(|s| s.to_string_lossy().to_lowercase());
            if !e.reference
                && !want.is_empty()
                && (e.player.to_lowercase() == want || stem.as_deref() == Some(want.as_str()))
            {
                e.highlight = true;
                found += 1;
            }
        }
        found
    }

    /// The report with every student's name replaced for projecting: ranked players become
    /// "Student 1".."Student N" in rank order (group by group, as the report lists them; the
    /// same report gives the same numbers), files are hidden, and names and files quoted in
    /// the reasons of unranked files are replaced too.
    pub fn anonymize(&mut self) {
        let mut names: Vec<(String, String)> = Vec::new();
        let mut n = 0;
        for g in &mut self.groups {
            for e in &mut g.entries {
                if e.reference {
                    // A script's name is no one's: kept, so the class sees what it is.
                    let label = "(file of a reference game)".to_string();
                    names.push((std::mem::replace(&mut e.file, label.clone()), label));
                    continue;
                }
                n += 1;
                let label = format!("Student {n}");
                names.push((
                    std::mem::replace(&mut e.player, label.clone()),
                    label.clone(),
                ));
                names.push((
                    std::mem::replace(&mut e.file, format!("(file of {label})")),
                    format!("(file of {label})"),
                ));
            }
        }
        for (k, f) in self.failed.iter_mut().enumerate() {
            let label = format!("unranked file {}", k + 1);
            names.push((std::mem::replace(&mut f.file, label.clone()), label));
        }
        for (k, p) in self.unranked_players.drain(..).enumerate() {
            names.push((p, format!("unranked player {}", k + 1)));
        }
        // Reasons may quote a long name or file cut short ("the first 40 characters…"): the
        // cut forms are replaced too.
        let cut: Vec<(String, String)> = names
            .iter()
            .filter(|(from, _)| from.chars().count() > CUT)
            .map(|(from, to)| (crate::report::sanitize::terminal(from, CUT), to.clone()))
            .collect();
        names.extend(cut);
        // Longest first, so a name inside another is never half replaced.
        names.retain(|(from, _)| !from.is_empty());
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        for f in &mut self.failed {
            f.reason = replace_each(&f.reason, &names);
        }
        for g in &mut self.groups {
            for e in &mut g.entries {
                for flag in &mut e.flags {
                    *flag = replace_each(flag, &names);
                }
            }
        }
    }
}

/// The length at which a name quoted in a list of names is cut (see `sanitize::few`).
const CUT: usize = 40;

/// `text` with every occurrence of each `from` replaced by its `to`, in one pass (a label put
/// in is never searched again), trying the pairs in order at each place.
fn replace_each(text: &str, pairs: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while let Some(c) = rest.chars().next() {
        for (from, to) in pairs {
            if let Some(after) = rest.strip_prefix(from.as_str()) {
                out.push_str(to);
                rest = after;
                continue 'scan;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

impl Entry {
    /// The rank as shown: "3", or "ref" for a reference game (never ranked among students).
    pub fn rank_label(&self) -> String {
        if self.reference {
            "ref".to_string()
        } else {
            self.rank.to_string()
        }
    }
}

/// The students' entries of a group: reference games (a shipped script's own game, shown
/// beside the class for comparison) are left out of every statistic of the class.
pub fn students(entries: &[Entry]) -> Vec<Entry> {
    entries.iter().filter(|e| !e.reference).cloned().collect()
}

/// Best score first; then the shorter game, the name and the file, so the order is stable.
/// Ranks count students only: a reference game sits at its score's place in the list with
/// rank 0 and moves no student down.
fn ranked(mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.month.cmp(&b.month))
            .then_with(|| a.player.cmp(&b.player))
            .then_with(|| a.file.cmp(&b.file))
    });
    let scores: Vec<i64> = entries
        .iter()
        .filter(|e| !e.reference)
        .map(|e| e.score)
        .collect();
    for e in &mut entries {
        e.rank = if e.reference {
            0
        } else {
            1 + scores.iter().filter(|s| **s > e.score).count()
        };
    }
    entries
}

/// Loads every file on the machine's cores; results in the files' order.
pub(crate) fn load_all(files: &[PathBuf]) -> Vec<Result<Loaded, Failed>> {
    let contents = Contents::default();
    let contents = &contents;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(files.len().max(1));
    let done: Vec<(usize, Result<Loaded, Failed>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t..files.len())
                        .step_by(threads)
                        .map(|i| (i, load_guarded(&files[i], contents)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut slots: Vec<Option<Result<Loaded, Failed>>> = files.iter().map(|_| None).collect();
    for (i, result) in done {
        slots[i] = Some(result);
    }
    slots
        .into_iter()
        .zip(files)
        .map(|(slot, path)| slot.unwrap_or_else(|| Err(internal_error(path))))
        .collect()
}

/// Loads one file; a panic in the loader (a bug a crafted file found) fails that file only.
fn load_guarded(path: &Path, contents: &Contents) -> Result<Loaded, Failed> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load_one(path, contents)))
        .unwrap_or_else(|_| Err(internal_error(path)))
}

fn internal_error(path: &Path) -> Failed {
    Failed {
        file: shown(path),
        reason: "the game failed while reading this file (please report it)".into(),
    }
}

fn load_one(path: &Path, contents: &Contents) -> Result<Loaded, Failed> {
    let file = shown(path);
    // The shipped scripts follow the replay: none is played again for the copy check.
    let mut watch = copies::ScriptWatch::default();
    let verified = contents
        .load_path_watched(path, &mut |game, decision| watch.see(game, decision))
        .map_err(|e: SaveError| Failed {
            file: file.clone(),
            reason: e.verdict(),
        })?;
    if verified.origin == Origin::ChangedBuiltin {
        return Err(Failed {
            file,
            reason: save::modified_scenario(&verified),
        });
    }
    let game = &verified.play.game;
    let player = match &verified.play.record.player {
        Some(name) if !name.trim().is_empty() => save::sanitize(name.trim(), 40),
        _ => path.file_stem().map_or_else(
            || file.clone(),
            |s| save::sanitize(&s.to_string_lossy(), 40),
        ),
    };
    let content = &game.content;
    let fingerprint = contents.fingerprint(&game.content);
    let key = (
        content.scenario.id.clone(),
        content.difficulty.id.clone(),
        game.state.seed,
        fingerprint,
    );
    // Saves of one scenario text share one copy already; equal scenarios written
    // differently share the group's first copy later.
    let shared = Arc::clone(&game.content);
    let decisions = verified.play.decisions();
    let script = watch.result(decisions.len()).unwrap_or_else(|| {
        copies::script_of(
            content,
            game.state.seed,
            decisions,
            game.state.ending.is_some(),
        )
    });
    let player_index = usize::from(crate::game::state::PLAYER);
    let progress = game
        .state
        .history
        .iter()
        .filter_map(|m| m.progress.get(player_index))
        .map(|p| p.shown_tenths())
        .collect();
    let mut entry = entry_of(game, file, player);
    entry.suggested = suggested::check(
        content,
        game.state.seed,
        decisions,
        &verified.play.record.suggested,
    );
    Ok(Loaded {
        script,
        progress,
        key,
        name: content.scenario.name.clone(),
        entry,
        content: shared,
        hashes: copies::move_hashes(decisions),
        moves: decisions.to_vec(),
        seed: game.state.seed,
        parent: verified.play.record.parent.clone(),
        named: verified
            .play
            .record
            .player
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string),
    })
}

fn entry_of(game: &Game, file: String, player: String) -> Entry {
    let state = &game.state;
    let score = game.score();
    let mut levers = BTreeMap::new();
    for t in &state.timeline {
        *levers.entry(t.lever).or_insert(0) += 1;
    }
    // One numbering everywhere: the month the game is in, or the last month it played.
    let month =
        super::format::month_number(state.month, state.is_over(), game.content.scenario.months);
    Entry {
        file,
        player,
        rank: 0,
        ending: state.ending.as_ref().map_or("unfinished", Ending::key),
        month,
        date: game.content.date_label(month - 1),
        parts: score.parts().to_vec(),
        score: score.total,
        levers,
        race: (0..game.content.labs.len())
            .map(|i| {
                state
                    .history
                    .iter()
                    .map(|h| h.progress.get(i).map_or(0, |p| p.0))
                    .collect()
            })
            .collect(),
        flags: Vec::new(),
        reference: false,
        suggested: Suggested::default(),
        highlight: false,
    }
}

/// Score statistics of a group: lowest, lower quartile, median, upper quartile, highest, mean.
/// Reference games are left out.
pub fn score_stats(entries: &[Entry]) -> Option<([i64; 5], i64)> {
    let mut scores: Vec<i64> = entries
        .iter()
        .filter(|e| !e.reference)
        .map(|e| e.score)
        .collect();
    if scores.is_empty() {
        return None;
    }
    scores.sort_unstable();
    let n = scores.len();
    // Nearest-rank quantiles: simple to explain and always a real score.
    let at = |pct: usize| scores[((pct * n).div_ceil(100)).clamp(1, n) - 1];
    let mean = scores.iter().sum::<i64>() / n as i64;
    Some(([scores[0], at(25), at(50), at(75), scores[n - 1]], mean))
}

/// How often each ending happened among students: (key, count), in the order of
/// `Ending::KEYS`.
pub fn ending_counts(entries: &[Entry]) -> Vec<(&'static str, usize)> {
    Ending::KEYS
        .iter()
        .copied()
        .chain(["unfinished"])
        .map(|k| {
            let n = entries
                .iter()
                .filter(|e| !e.reference && e.ending == k)
                .count();
            (k, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// Mean decisions per game for each lever, in tenths, in the top and the bottom quarter of a
/// ranked group's students; `None` when there are too few to have distinct quarters.
pub fn lever_quarters(entries: &[Entry]) -> Option<Vec<(Lever, u32, u32)>> {
    let entries = &students(entries)[..];
    let n = entries.len();
    if n < 4 {
        return None;
    }
    let q = n / 4;
    let mean = |part: &[Entry], lever: Lever| -> u32 {
        let sum: u32 = part
            .iter()
            .map(|e| e.levers.get(&lever).copied().unwrap_or(0))
            .sum();
        sum * 10 / part.len() as u32
    };
    let (top, bottom) = (&entries[..q], &entries[n - q..]);
    Some(
        LEVERS
            .iter()
            .map(|&l| (l, mean(top, l), mean(bottom, l)))
            .collect(),
    )
}
