//! Loading is replaying: parse (capped), check the header and the embedded scenario, then
//! rebuild the game from the seed by replaying every decision through the rules and compare
//! with the recorded checkpoints and summary. Nothing in the file is trusted over the replay.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use super::error::{SaveError, sanitize};
use super::format::{
    CONTENT_END, CONTENT_START, Checkpoint, Decision, FORMAT_NAME, FORMAT_VERSION, Parent,
    SaveFile, SaveHead, Summary,
};
use super::migrate;
use super::playthrough::{Playthrough, Refused};
use super::read::{decode_text, read_save_file};
use crate::content;
use crate::game::state::month_name;
use crate::game::{Command, Content, Game};

/// Longest player name kept in a save.
pub const MAX_PLAYER_NAME: usize = 40;
/// Most items of each kind in an embedded scenario (the built-in one has a few dozen).
const MAX_ITEMS: usize = 500;

/// Where the scenario in a save comes from, compared with this game's built-in scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Identical to this game's built-in scenario of the same id and difficulty.
    Builtin,
    /// Has a built-in scenario's id, but differs from it (older assets, or edited).
    ChangedBuiltin,
    /// A teacher's own scenario.
    Custom,
}

/// A save that replays to exactly what it records.
#[derive(Debug, Clone)]
pub struct Verified {
    /// The rebuilt game, ready to continue.
    pub play: Playthrough,
    pub origin: Origin,
}

impl Verified {
    /// The summary of the replayed game (equal to the recorded one).
    pub fn summary(&self) -> Summary {
        self.play.summary()
    }
}

/// Loads and verifies the save at `path`.
pub fn load_path(path: &Path) -> Result<Verified, SaveError> {
    let text = read_save_file(path)?;
    load_text(&text)
}

/// Loads and verifies a save from raw bytes (what a fuzzer feeds).
pub fn load_bytes(bytes: &[u8]) -> Result<Verified, SaveError> {
    let text = decode_text(bytes.to_vec())?;
    load_text(&text)
}

/// Loads and verifies a save from its text.
pub fn load_text(text: &str) -> Result<Verified, SaveError> {
    let save = migrate::upgrade(text)?;
    check_header(
        save.player.as_deref(),
        (&save.scenario, &save.difficulty),
        &save.content,
    )?;
    check_scenario(&save.content, text)?;
    check_lock(&save.content, save.seed)?;
    if let Some(parent) = &save.parent {
        super::fork::check_parent(parent, &save.content)?;
    }
    let origin = origin_of(&save.content);
    let SaveFile {
        player,
        seed,
        summary,
        checkpoints,
        decisions,
        content,
        parent,
        suggested,
        ..
    } = save;
    verify(
        Arc::new(content),
        origin,
        Recorded {
            player,
            seed,
            summary,
            checkpoints,
            decisions,
            parent,
            suggested,
        },
        &mut |_, _| {},
    )
}

/// What a save records besides its scenario.
struct Recorded {
    player: Option<String>,
    seed: u64,
    summary: Summary,
    checkpoints: Vec<Checkpoint>,
    decisions: Vec<Decision>,
    parent: Option<Parent>,
    suggested: Vec<u32>,
}

/// One scenario as saves embed it, parsed and checked once.
struct Parsed {
    /// The scenario's text in the save, compared in full on every hit (the hash only finds
    /// the candidate: two texts with one hash must never share a scenario).
    text: String,
    /// `None` when the text does not parse or fails a check (never kept): such saves take
    /// the full path, which gives the file's exact error.
    checked: Option<(Arc<Content>, Origin, u64)>,
}

/// Scenarios already read from saves, by a hash of their text. A class folder embeds the same
/// scenario in every save: with this, parsing, checking and fingerprinting it is done once per
/// distinct scenario, not once per save. Each save is still verified by replaying its own
/// decisions in the scenario its own file holds, byte for byte.
#[derive(Default)]
pub struct ContentCache {
    seen: Mutex<BTreeMap<u64, Vec<Arc<Parsed>>>>,
}

/// Most distinct scenarios a cache keeps (a class holds one or two; hostile files could each
/// hold another, up to the save size limit).
const MAX_CACHED: usize = 8;

impl ContentCache {
    /// An empty cache.
    pub fn new() -> ContentCache {
        ContentCache::default()
    }

    /// Loads and verifies the save at `path`, reusing scenarios read before.
    pub fn load_path(&self, path: &Path) -> Result<Verified, SaveError> {
        let text = read_save_file(path)?;
        self.load_text(&text)
    }

    /// [`load_text`], reusing scenarios read before: the same result for every file that
    /// [`SaveFile::to_text`] wrote; anything else takes the full path.
    pub fn load_text(&self, text: &str) -> Result<Verified, SaveError> {
        self.load_text_watched(text, &mut |_, _| {})
    }

    /// [`ContentCache::load_path`], showing `watch` each decision of the replay as
    /// [`Playthrough::replay_watched`] does. Only a file laid out as the game writes it is
    /// watched: `watch` may see fewer decisions than the save has, or none.
    pub fn load_path_watched(
        &self,
        path: &Path,
        watch: &mut dyn FnMut(&Game, &Command),
    ) -> Result<Verified, SaveError> {
        let text = read_save_file(path)?;
        self.load_text_watched(&text, watch)
    }

    fn load_text_watched(
        &self,
        text: &str,
        watch: &mut dyn FnMut(&Game, &Command),
    ) -> Result<Verified, SaveError> {
        match self.fast(text, watch) {
            Some(result) => result,
            None => load_text(text),
        }
    }

    /// The fingerprint of a scenario this cache returned (computed for any other).
    pub fn fingerprint(&self, content: &Arc<Content>) -> u64 {
        let seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        seen.values()
            .flatten()
            .filter_map(|p| p.checked.as_ref())
            .find(|(c, _, _)| Arc::ptr_eq(c, content))
            .map(|(_, _, f)| *f)
            .unwrap_or_else(|| content::fingerprint(content))
    }

    /// The save verified with a cached scenario; `None` when the file is not laid out as the
    /// game writes it, or anything about it would need the full path's message.
    fn fast(
        &self,
        text: &str,
        watch: &mut dyn FnMut(&Game, &Command),
    ) -> Option<Result<Verified, SaveError>> {
        let start = text.rfind(CONTENT_START)?;
        let body =
            text.get(start + CONTENT_START.len()..text.len().checked_sub(CONTENT_END.len())?)?;
        if !text.ends_with(CONTENT_END) {
            return None;
        }
        let parsed = self.parsed(body);
        let (content, origin, _) = parsed.checked.as_ref()?;
        // The rest of the file, with an empty value where the scenario was.
        let mut head = String::with_capacity(start + 32);
        head.push_str(&text[..start]);
        head.push_str(CONTENT_START);
        head.push_str("()");
        head.push_str(CONTENT_END);
        let save: SaveHead = migrate::parse_head(&head)?;
        if save.format != FORMAT_NAME
            || save.version != FORMAT_VERSION
            || save.rules != crate::game::RULES_VERSION
        {
            return None;
        }
        if check_header(
            save.player.as_deref(),
            (&save.scenario, &save.difficulty),
            content,
        )
        .is_err()
            || check_lock(content, save.seed).is_err()
            || save
                .parent
                .as_ref()
                .is_some_and(|p| super::fork::check_parent(p, content).is_err())
        {
            return None;
        }
        Some(verify(
            Arc::clone(content),
            *origin,
            Recorded {
                player: save.player,
                seed: save.seed,
                summary: save.summary,
                checkpoints: save.checkpoints,
                decisions: save.decisions,
                parent: save.parent,
                suggested: save.suggested,
            },
            watch,
        ))
    }

    /// The scenario of this text, parsed and checked now or earlier.
    fn parsed(&self, body: &str) -> Arc<Parsed> {
        let key = {
            let mut h = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(body, &mut h);
            std::hash::Hasher::finish(&h)
        };
        {
            let seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(p) = seen
                .get(&key)
                .and_then(|v| v.iter().find(|p| p.text == body))
            {
                return Arc::clone(p);
            }
        }
        // Parsed outside the lock: two threads may both parse a new scenario; one copy stays.
        let checked = migrate::parse_content(body).ok().and_then(|c| {
            check_scenario(&c, "").ok()?;
            let origin = origin_of(&c);
            let fingerprint = content::fingerprint(&c);
            Some((Arc::new(c), origin, fingerprint))
        });
        let parsed = Arc::new(Parsed {
            text: body.to_string(),
            checked,
        });
        // Only scenarios that passed are kept: a folder of broken ones must not fill memory
        // (they take the full path, which says what is wrong with each).
        if parsed.checked.is_none() {
            return parsed;
        }
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        let count: usize = seen.values().map(Vec::len).sum();
        let same = seen.entry(key).or_default();
        if let Some(p) = same.iter().find(|p| p.text == body) {
            return Arc::clone(p);
        }
        if count < MAX_CACHED {
            same.push(Arc::clone(&parsed));
        }
        parsed
    }
}

/// Replays the recorded decisions in `content` and compares the result with the record.
fn verify(
    content: Arc<Content>,
    origin: Origin,
    rec: Recorded,
    watch: &mut dyn FnMut(&Game, &Command),
) -> Result<Verified, SaveError> {
    let Recorded {
        player,
        seed,
        summary,
        checkpoints,
        decisions,
        parent,
        suggested,
    } = rec;
    let replayed = Playthrough::replay_watched(Arc::clone(&content), seed, &decisions, watch);
    let (mut play, refused) = match replayed {
        Ok(play) => (play, None),
        Err((play, refused)) => (*play, Some(refused)),
    };
    // An edit shows first where the replay parts from the record; report that, even when a
    // later decision is also refused because of it.
    let complete = refused.is_none();
    if let Some((from, by)) = divergence(&checkpoints, play.record.checkpoints(), complete) {
        return Err(modified(&content, from, &parted(&content, by)));
    }
    if let Some(refused) = refused {
        let month = play.game.state.month;
        return Err(match refused {
            Refused::WrongMonth { index, .. } => modified(
                &content,
                month,
                &format!(
                    "decision {} is marked with another month than the game is in",
                    index + 1
                ),
            ),
            Refused::Rules { index, error } => SaveError::IllegalDecision {
                number: index + 1,
                month: turn(&content, month),
                date: shown_date(&content, month),
                reason: sanitize(&error.to_string(), 160),
            },
        });
    }
    let replayed = play.summary();
    if summary.hash != replayed.hash {
        // The decisions since the last checkpoint were changed.
        let from = play.record.checkpoints().last().map_or(0, |c| c.0);
        let what = format!(
            "the replayed game does not reach the recorded state of month {}",
            turn(&content, replayed.month)
        );
        return Err(modified(&content, from, &what));
    }
    if let Some(what) = summary_difference(&summary, &replayed) {
        return Err(modified(&content, replayed.month, &what));
    }
    check_suggested(&suggested, &decisions)?;
    play.record.player = player;
    play.record.parent = parent;
    play.record.suggested = suggested;
    Ok(Verified { play, origin })
}

/// The suggestion key's list must name the player's own moves, each once, in order: an index
/// past the decisions, out of order, or on a month's end or an event's answer (which the key
/// never makes) is refused with what is wrong, never trusted or indexed blindly.
fn check_suggested(suggested: &[u32], decisions: &[Decision]) -> Result<(), SaveError> {
    let mut last: Option<u32> = None;
    for &i in suggested {
        let what = if last.is_some_and(|l| i <= l) {
            Some(format!(
                "the list of suggested moves is not in order (decision {} after {})",
                u64::from(i) + 1,
                last.map_or(0, |l| u64::from(l) + 1)
            ))
        } else {
            match decisions.get(i as usize) {
                None => Some(format!(
                    "the list of suggested moves names decision {}, but the game has {}",
                    u64::from(i) + 1,
                    decisions.len()
                )),
                Some((_, crate::game::Command::EndMonth | crate::game::Command::Choose(_))) => {
                    Some(format!(
                        "the list of suggested moves names decision {}, which the suggestion key \
                         never makes (a month's end or an event's answer)",
                        u64::from(i) + 1
                    ))
                }
                Some(_) => None,
            }
        };
        if let Some(what) = what {
            return Err(SaveError::Invalid(what));
        }
        last = Some(i);
    }
    Ok(())
}

/// Where the replay parts from the record: the month of the last matching checkpoint (the edit
/// was made in that month or later) and the month whose checkpoint first differs.
fn divergence(saved: &[Checkpoint], replayed: &[Checkpoint], complete: bool) -> Option<(u16, u16)> {
    let mut from = 0;
    for (s, r) in saved.iter().zip(replayed) {
        if s != r {
            return Some((from, r.0));
        }
        from = r.0;
    }
    if let Some(missing) = replayed.get(saved.len()) {
        // Checkpoints were removed from the record.
        return Some((from, missing.0));
    }
    if complete && saved.len() > replayed.len() {
        // Checkpoints for months the game never reached.
        return Some((from, saved.get(replayed.len()).map_or(from, |c| c.0)));
    }
    None
}

fn parted(content: &Content, by: u16) -> String {
    if by == 0 {
        "the game's start differs from the record: the seed or the scenario was changed".into()
    } else {
        format!(
            "the replayed game no longer matches the record by month {}",
            turn(content, by)
        )
    }
}

/// What the recorded summary claims that the replay does not give, in a player's words: the
/// first field whose shown values differ (never "claims 39, the replay gives 39").
fn summary_difference(saved: &Summary, replayed: &Summary) -> Option<String> {
    if saved == replayed {
        return None;
    }
    let parts = |s: &Summary| {
        s.parts
            .iter()
            .map(|(n, v)| format!("{n} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ending = |s: &Summary| s.ending.clone().unwrap_or_else(|| "none".into());
    let fields: [(&str, String, String); 8] = [
        (
            "a score of",
            saved.score.to_string(),
            replayed.score.to_string(),
        ),
        ("the score parts", parts(saved), parts(replayed)),
        ("the ending", ending(saved), ending(replayed)),
        (
            "month counter",
            saved.month.to_string(),
            replayed.month.to_string(),
        ),
        ("the date", saved.date.clone(), replayed.date.clone()),
        (
            "progress",
            saved.progress.clone(),
            replayed.progress.clone(),
        ),
        ("rank", saved.rank.to_string(), replayed.rank.to_string()),
        ("the state hash", saved.hash.clone(), replayed.hash.clone()),
    ];
    Some(match fields.into_iter().find(|(_, s, r)| s != r) {
        Some((what, s, r)) => format!(
            "the save claims {what} {}, the replay gives {}",
            sanitize(&s, 80),
            sanitize(&r, 80)
        ),
        None => "the recorded summary differs from the replay".into(),
    })
}

/// The month as the game shows it for the game's month counter `month`: the first month is 1,
/// and a game ended by the deadline stays on the last.
pub fn turn(content: &Content, month: u16) -> u16 {
    month.saturating_add(1).min(content.scenario.months.max(1))
}

/// An edit found from the game's month counter `month` on.
fn modified(content: &Content, month: u16, what: &str) -> SaveError {
    SaveError::Modified {
        month: turn(content, month),
        date: shown_date(content, month),
        what: what.to_string(),
    }
}

/// The calendar month of [`turn`]: a finished game's counter has moved one past its last
/// month, which is the one shown (a 39-month game ends in its month 39, not the month after).
fn shown_date(content: &Content, month: u16) -> String {
    date_of(content, turn(content, month).saturating_sub(1))
}

/// "Mar 2026" for the game's month counter `month`.
pub fn date_of(content: &Content, month: u16) -> String {
    let zero_based = u32::from(content.scenario.start_month.saturating_sub(1)) + u32::from(month);
    let year = u32::from(content.scenario.start_year) + zero_based / 12;
    format!("{} {}", month_name((zero_based % 12 + 1) as u8), year)
}

/// Checks the header against itself and the embedded scenario.
fn check_header(
    player: Option<&str>,
    (scenario, difficulty): (&str, &str),
    c: &Content,
) -> Result<(), SaveError> {
    if let Some(name) = player
        && (name.chars().count() > MAX_PLAYER_NAME || name.chars().any(char::is_control))
    {
        return Err(SaveError::Invalid(format!(
            "the player name must be at most {MAX_PLAYER_NAME} characters of plain text"
        )));
    }
    for (what, header, inside) in [
        ("scenario", scenario, c.scenario.id.as_str()),
        ("difficulty", difficulty, c.difficulty.id.as_str()),
    ] {
        if header != inside {
            return Err(SaveError::Invalid(format!(
                "the header names the {what} '{}' but the save holds '{}'",
                sanitize(header, 40),
                sanitize(inside, 40)
            )));
        }
    }
    Ok(())
}

/// A locked scenario fixes the world: a save of it played on another seed or difficulty is a
/// game of another world (a student could scan seeds for an easy one), never one of this.
fn check_lock(content: &Content, seed: u64) -> Result<(), SaveError> {
    let s = &content.scenario;
    if !s.locked {
        return Ok(());
    }
    let id = sanitize(&s.id, 40);
    if let Some(fixed) = s.seed
        && fixed != seed
    {
        return Err(SaveError::Invalid(format!(
            "the scenario '{id}' is locked to seed {fixed}, but this game was played on seed {}; \
             it is not a game of that scenario",
            seed
        )));
    }
    if let Some(fixed) = &s.difficulty
        && *fixed != content.difficulty.id
    {
        return Err(SaveError::Invalid(format!(
            "the scenario '{id}' is locked to difficulty '{}', but this game was played on '{}'; \
             it is not a game of that scenario",
            sanitize(fixed, 20),
            sanitize(&content.difficulty.id, 20)
        )));
    }
    Ok(())
}

/// The embedded scenario passes the same checks as a teacher's scenario file. `text` is the
/// save's text, read again only when a problem is found to say on which line it is ("" to
/// skip that).
fn check_scenario(c: &Content, text: &str) -> Result<(), SaveError> {
    let counts = [
        ("labs", c.labs.len()),
        ("techs", c.techs.len()),
        ("legacy systems", c.legacy.len()),
        ("pipeline stages", c.stages.len()),
        ("deals", c.deals.len()),
        ("events", c.events.len()),
        ("injects", c.injects.len()),
        ("pauses", c.pause_at.len()),
        ("archetypes", c.talent.archetypes.len()),
        ("first names", c.talent.first_names.len()),
        ("last names", c.talent.last_names.len()),
    ];
    for (what, n) in counts {
        if n > MAX_ITEMS {
            return Err(SaveError::BadScenario(format!(
                "it has {n} {what}; at most {MAX_ITEMS} are allowed"
            )));
        }
    }
    for lab in &c.labs {
        if lab.legacy.len() > MAX_ITEMS || lab.stages.len() > MAX_ITEMS {
            return Err(SaveError::BadScenario(
                "a lab lists too many legacy systems or stages".into(),
            ));
        }
    }
    for e in &c.events {
        if e.conditions.len() > MAX_ITEMS {
            return Err(SaveError::BadScenario(
                "an event has too many conditions".into(),
            ));
        }
    }
    // Located against no text first: the checker would otherwise read the whole save into a
    // tree for every sound save. Only a save with a problem is read again to place it.
    content::check_content("save", "", c).map_err(|e| {
        let e = if text.is_empty() {
            e
        } else {
            content::check_content("save", text, c).err().unwrap_or(e)
        };
        let first = e.problems.first().map_or_else(String::new, |p| {
            let message = sanitize(&p.message, 160);
            if p.line > 0 && p.file == "save" {
                format!("line {}, column {}: {message}", p.line, p.col)
            } else {
                message
            }
        });
        let more = e.problems.len().saturating_sub(1) + e.more;
        SaveError::BadScenario(if more == 0 {
            first
        } else {
            format!("{first} (and {more} more problems)")
        })
    })
}

/// Built-in contents already built, by scenario and difficulty: building one parses every
/// asset, which would otherwise dominate verifying a whole class's saves.
/// The fingerprint of this game's built-in scenario `id` at `difficulty`, if there is one.
pub fn builtin_fingerprint(id: &str, difficulty: &str) -> Option<String> {
    builtin(id, difficulty).map(|b| content::fingerprint_short(&b))
}

fn builtin(id: &str, difficulty: &str) -> Option<Arc<Content>> {
    content::builtin_scenario_text(id)?;
    content::builtin(id, Some(difficulty)).ok()
}

fn origin_of(c: &Content) -> Origin {
    if content::builtin_scenario_text(&c.scenario.id).is_none() {
        return Origin::Custom;
    }
    // The difficulty is compared by its content, not its label: a save relabelled "hard"
    // that holds the normal numbers differs from the built-in hard level.
    match builtin(&c.scenario.id, &c.difficulty.id) {
        Some(b) if *b == *c => Origin::Builtin,
        _ => Origin::ChangedBuiltin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(list: &[(u16, &str)]) -> Vec<Checkpoint> {
        list.iter().map(|(m, h)| (*m, (*h).to_string())).collect()
    }

    #[test]
    fn divergence_names_the_window_where_the_replay_parts() {
        let replayed = cps(&[(0, "a"), (3, "b"), (6, "c")]);
        assert_eq!(divergence(&replayed, &replayed, true), None);
        // Differs at month 6: the edit was made from month 3 on.
        let saved = cps(&[(0, "a"), (3, "b"), (6, "x")]);
        assert_eq!(divergence(&saved, &replayed, true), Some((3, 6)));
        // The very start differs: seed or scenario.
        let saved = cps(&[(0, "x"), (3, "b"), (6, "c")]);
        assert_eq!(divergence(&saved, &replayed, true), Some((0, 0)));
        // A checkpoint removed, or one for a month never reached.
        assert_eq!(divergence(&replayed[..2], &replayed, true), Some((3, 6)));
        let saved = cps(&[(0, "a"), (3, "b"), (6, "c"), (9, "d")]);
        assert_eq!(divergence(&saved, &replayed, true), Some((6, 9)));
        // A replay stopped early by a refused decision compares only what it reached.
        assert_eq!(divergence(&saved, &replayed, false), None);
    }

    #[test]
    fn a_finished_game_is_modified_in_its_last_month_not_the_one_after() {
        let c = content::load_builtin("race-2025", None).unwrap();
        let months = c.scenario.months;
        let e = modified(&c, months, "x");
        assert_eq!(
            e.to_string(),
            format!("modified at month {months} (Dec 2028): x")
        );
    }

    #[test]
    fn a_summary_difference_never_names_two_equal_values() {
        let replayed = Summary {
            month: 39,
            date: "Dec 2028".into(),
            ending: Some("careful-win".into()),
            score: 1546,
            parts: vec![("outcome".into(), 800), ("margin".into(), 746)],
            progress: "99.0".into(),
            rank: 1,
            hash: "0123456789abcdef".into(),
        };
        let mut saved = replayed.clone();
        saved.parts[1].1 = 700;
        let m = summary_difference(&saved, &replayed).unwrap();
        assert_eq!(
            m,
            "the save claims the score parts outcome 800, margin 700, the replay gives outcome \
             800, margin 746"
        );
        let mut saved = replayed.clone();
        saved.date = "Jan 2029".into();
        let m = summary_difference(&saved, &replayed).unwrap();
        assert_eq!(
            m,
            "the save claims the date Jan 2029, the replay gives Dec 2028"
        );
    }

    #[test]
    fn dates_follow_the_scenario_calendar() {
        let c = content::load_builtin("race-2025", None).unwrap();
        assert_eq!(date_of(&c, 0), "Oct 2025");
        assert_eq!(date_of(&c, 3), "Jan 2026");
        assert_eq!(date_of(&c, 38), "Dec 2028");
    }
}
