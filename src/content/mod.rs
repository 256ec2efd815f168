//! Loading and checking content: the RON assets embedded in the binary, and scenario files
//! written by teachers.
//!
//! A scenario file is read in stages, so that a teacher sees every mistake at once, each with
//! its line and column: the text is read into a tree that keeps positions (`reader.rs`); the
//! teacher's fields are checked on the tree (`schema.rs`); serde turns it into raw structs;
//! the scenario is resolved against the shared assets and its meaning checked (`check.rs`),
//! each problem pointed back at the item or field it is about (`locate.rs`).

mod assets;
mod check;
pub mod code;
mod file;
mod locate;
pub mod pause;
pub mod reader;
mod scenario;
pub mod schema;
pub mod template;
pub mod tree;

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use serde::de::DeserializeOwned;

pub use assets::{BUILTIN_SCENARIOS, builtin_scenario_text};
pub use file::{load_scenario_file, read_scenario_file, render_problems};
pub use scenario::{LabChange, ScenarioFile};

use crate::game::data::{Content, DifficultyDef};
use crate::text::sanitize::terminal;

/// Largest scenario file accepted, in bytes.
pub const MAX_SCENARIO_BYTES: usize = 256 * 1024;
/// Deepest nesting accepted in RON content.
pub const RECURSION_LIMIT: usize = 32;
/// Most problems kept for one file; the rest are counted. A hostile file can hold hundreds of
/// thousands of mistakes, and a message per mistake would cost gigabytes to build.
pub const MAX_PROBLEMS: usize = 25;
/// Most allowed values named in one message ("a, b, c, d, e, f and 12 more").
pub const MAX_LISTED: usize = 6;
/// Longest value from the file echoed in a message, in characters.
pub const MAX_ECHO: usize = 40;

/// One mistake in a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The file name and the message may quote the file: both are made safe to print here,
        // the one place every problem passes through on its way out.
        let file = terminal(&self.file, 120);
        let message = terminal(&self.message, 600);
        if self.line == 0 {
            write!(f, "{file}: {message}")
        } else {
            write!(
                f,
                "{file} line {}, column {}: {message}",
                self.line, self.col
            )
        }
    }
}

/// Every mistake found in a content file (at least one): the first [`MAX_PROBLEMS`], and how
/// many more there were.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContentError {
    pub problems: Vec<Problem>,
    /// Problems found beyond the ones listed.
    pub more: usize,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        if self.more > 0 {
            write!(
                f,
                "\n... and {} more problems; fix the ones above and check again",
                self.more
            )?;
        }
        Ok(())
    }
}

/// Problems as they are found: the first [`MAX_PROBLEMS`] kept, the rest only counted.
#[derive(Debug, Default)]
pub struct Problems {
    pub list: Vec<Problem>,
    pub more: usize,
}

impl Problems {
    /// Whether another problem will be kept (else it is counted, and the caller need not
    /// build its message or find its place).
    pub fn room(&mut self) -> bool {
        if self.list.len() < MAX_PROBLEMS {
            true
        } else {
            self.more += 1;
            false
        }
    }

    pub fn push(&mut self, p: Problem) {
        if self.room() {
            self.list.push(p);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.more == 0
    }

    /// Adds another collection's problems (kept up to the cap, the rest counted).
    pub fn merge(&mut self, other: ContentError) {
        self.more += other.more;
        for p in other.problems {
            self.push(p);
        }
    }

    pub fn into_error(self) -> ContentError {
        ContentError {
            problems: self.list,
            more: self.more,
        }
    }
}

/// A value from a file, cut and made visible for a message.
pub(crate) fn echo(value: &str) -> String {
    terminal(value, MAX_ECHO)
}

/// Allowed values for a message: a few, then "and N more".
pub(crate) fn listed<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    crate::text::sanitize::few(values, MAX_LISTED)
}

impl std::error::Error for ContentError {}

impl ContentError {
    pub fn single(file: &str, message: impl Into<String>) -> ContentError {
        ContentError::at(Problem {
            file: file.to_string(),
            line: 0,
            col: 0,
            message: message.into(),
        })
    }

    /// An error of one problem.
    pub fn at(problem: Problem) -> ContentError {
        ContentError {
            problems: vec![problem],
            more: 0,
        }
    }
}

/// The RON options content is read with: `Some(...)` may be left out, nesting is limited.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses RON text into `T`, turning a syntax or type error into a located [`Problem`].
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, ContentError> {
    ron_options().from_str(text).map_err(|e| {
        ContentError::at(Problem {
            file: file.to_string(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: friendly_ron_error(&e.code),
        })
    })
}

/// Rewords ron's errors for people who are not programmers.
pub(crate) fn friendly_ron_error(e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        E::ExpectedInteger => "expected a whole number here".into(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "expected text in double quotes here, like \"my-scenario\"".into()
        }
        E::MissingStructField { field, outer } => match outer {
            Some(o) => format!("'{}' is missing the field '{}'", echo(o), echo(field)),
            None => format!("the field '{}' is missing", echo(field)),
        },
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field '{}'; allowed fields are: {}",
            echo(found),
            expected.join(", ")
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown value '{}'; allowed values are: {}",
            echo(found),
            expected.join(", ")
        ),
        E::DuplicateStructField { field, .. } => {
            format!("the field '{}' is given twice", echo(field))
        }
        E::ExceededRecursionLimit => "the file is nested too deeply".into(),
        E::Eof => "the file ends too early: a bracket or parenthesis is not closed".into(),
        E::InvalidValueForType { expected, found } => {
            format!("expected {expected}, found {found}")
        }
        E::IntegerOutOfBounds => "this number is too large or negative where it may not be".into(),
        other => terminal(&other.to_string(), 200),
    }
}

/// The difficulty levels shipped with the game.
pub fn difficulties() -> Vec<DifficultyDef> {
    // The embedded assets are checked by the test suite; a failure here is a build defect.
    parse("assets/difficulty.ron", assets::DIFFICULTY).unwrap_or_default()
}

/// Ids of the difficulty levels, for messages.
pub fn difficulty_ids() -> String {
    difficulties()
        .iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Builds the content of a built-in scenario at a difficulty (`None`: the scenario's own, or
/// normal).
pub fn load_builtin(scenario: &str, difficulty: Option<&str>) -> Result<Content, ContentError> {
    builtin(scenario, difficulty).map(|c| (*c).clone())
}

/// Built-in scenarios already built, by id and the difficulty asked for: each is parsed once
/// per run and shared by the game, its world code and the checks of saves against it (a
/// built-in scenario's text is most of what starting a game reads).
static BUILTINS: Mutex<Vec<Built>> = Mutex::new(Vec::new());

/// A built-in scenario's id, the difficulty asked for, and its content.
type Built = (String, Option<String>, Arc<Content>);

/// The built-in scenario `scenario` at `difficulty` (its default when `None`), as
/// [`load_builtin`] builds it, shared: built once per run.
pub fn builtin(scenario: &str, difficulty: Option<&str>) -> Result<Arc<Content>, ContentError> {
    // Held while building: a second thread asking for the same scenario waits for the first
    // copy instead of parsing its own.
    let mut cache = BUILTINS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, _, c)) = cache
        .iter()
        .find(|(s, d, _)| s == scenario && d.as_deref() == difficulty)
    {
        return Ok(Arc::clone(c));
    }
    let built = Arc::new(parse_builtin(scenario, difficulty)?);
    // Asked without a difficulty, it is also the scenario at the difficulty it resolved to
    // (a new game asks without one; its world code and saves name the difficulty).
    let resolved = Some(built.difficulty.id.clone());
    for asked in [difficulty.map(str::to_string), resolved] {
        if !cache.iter().any(|(s, d, _)| s == scenario && *d == asked) {
            cache.push((scenario.to_string(), asked, Arc::clone(&built)));
        }
    }
    Ok(built)
}

fn parse_builtin(scenario: &str, difficulty: Option<&str>) -> Result<Content, ContentError> {
    let Some(text) = builtin_scenario_text(scenario) else {
        let known = BUILTIN_SCENARIOS
            .iter()
            .map(|(id, _)| *id)
            .collect::<Vec<_>>()
            .join(", ");
        return Err(ContentError::single(
            "scenario",
            format!("no built-in scenario called '{scenario}'; available: {known}"),
        ));
    };
    let file = format!("assets/scenarios/{scenario}.ron");
    // The built-in texts pass every field check (the test suite holds them to it), so a game
    // starts without walking the text a second time for them; a mistake (an unknown
    // difficulty) takes the full path, which words and places it.
    let raw: Option<ScenarioFile> = parse(&file, text).ok();
    let locator = locate::Locator {
        file: &file,
        text,
        tree: None,
    };
    match raw.map(|raw| scenario::resolve(&locator, raw, difficulty)) {
        Some(Ok(content)) => Ok(content),
        _ => load_scenario_text(&file, text, difficulty),
    }
}

/// Builds the content of a scenario file's text (a teacher's file or a built-in one).
/// On failure the error lists every mistake found, in the order they appear in the file.
pub fn load_scenario_text(
    file: &str,
    text: &str,
    difficulty: Option<&str>,
) -> Result<Content, ContentError> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(ContentError::single(
            file,
            format!(
                "the file is {} KiB; a scenario file may be at most {} KiB",
                text.len().div_ceil(1024),
                MAX_SCENARIO_BYTES / 1024
            ),
        ));
    }
    let tree = reader::read(text, RECURSION_LIMIT).map_err(|e| {
        ContentError::at(Problem {
            file: file.to_string(),
            line: e.pos.line,
            col: e.pos.col,
            message: e.message,
        })
    })?;
    let mut problems = schema::validate(file, &tree, &known_ids(&tree));
    let raw: ScenarioFile = match parse(file, text) {
        Ok(raw) => raw,
        Err(e) => {
            // serde stops at its first mistake, which the field checks above have usually
            // reported already in plainer words. Only the lists that replace whole assets are
            // not checked field by field, so a mistake there is new.
            if problems.is_empty() {
                return Err(e);
            }
            for p in e.problems {
                let seen = problems.list.iter().any(|q| {
                    q.line == p.line || schema::same_item(&tree, (q.line, q.col), (p.line, p.col))
                });
                if !seen && schema::in_advanced_list(&tree, p.line, p.col) {
                    problems.push(p);
                }
            }
            return Err(problems.into_error());
        }
    };
    let locator = locate::Locator {
        file,
        text,
        tree: Some(&tree),
    };
    // Resolving computes with the file's numbers even when the field checks found some out of
    // range: it must saturate, never overflow (see `scenario::resolve`).
    match scenario::resolve(&locator, raw, difficulty) {
        Ok(content) if problems.is_empty() => Ok(content),
        Ok(_) => Err(problems.into_error()),
        Err(e) => Err(add_new(problems, e)),
    }
}

/// Loads a teacher's scenario file: as [`load_scenario_text`], and a file that takes a
/// built-in scenario's id must hold exactly that scenario. Otherwise a game played on an
/// edited copy (a bigger budget, a longer campaign) would pass for the built-in one.
pub fn load_scenario_file_text(
    file: &str,
    text: &str,
    difficulty: Option<&str>,
) -> Result<Content, ContentError> {
    let content = load_scenario_text(file, text, difficulty)?;
    let id = &content.scenario.id;
    if builtin_scenario_text(id).is_none() {
        return Ok(content);
    }
    let same = builtin(id, Some(&content.difficulty.id)).is_ok_and(|b| *b == content);
    if same {
        return Ok(content);
    }
    let (line, col) = reader::read(text, RECURSION_LIMIT)
        .ok()
        .and_then(|t| {
            t.field("id")
                .map(|f| (f.value.start.line, f.value.start.col))
        })
        .unwrap_or((0, 0));
    Err(ContentError::at(Problem {
        file: file.to_string(),
        line,
        col,
        message: format!(
            "the id '{}' belongs to a built-in scenario, and this file differs from it; give \
             your scenario its own id, like \"{}-week-3\" (saves of an edited built-in are \
             reported as a modified scenario and never ranked with it)",
            echo(id),
            echo(id)
        ),
    }))
}

/// The identity of a scenario's content: a stable hash of its canonical encoding (every lab,
/// tech, event, inject and difficulty number, not only the names). Two saves share a world
/// only if their scenarios share a fingerprint.
///
/// The teacher's pauses are left out: they pace the class and change nothing in the world, so
/// a new version of a file that only moves a pause keeps the class's saves in one world.
pub fn fingerprint(content: &Content) -> u64 {
    if content.pause_at.is_empty() {
        return crate::game::hash::canonical_hash(content);
    }
    let mut world = content.clone();
    world.pause_at.clear();
    crate::game::hash::canonical_hash(&world)
}

/// The first 8 hex digits of the [`fingerprint`], as reports show it.
pub fn fingerprint_short(content: &Content) -> String {
    let mut hex = crate::game::hash::hex(fingerprint(content));
    hex.truncate(8);
    hex
}

/// Adds the problems on lines that no problem points at yet (the same mistake is often found
/// both by the field checks and by the checks of meaning), then orders them by place.
fn add_new(mut problems: Problems, more: ContentError) -> ContentError {
    let seen: std::collections::BTreeSet<(String, usize)> = problems
        .list
        .iter()
        .map(|p| (p.file.clone(), p.line))
        .collect();
    problems.more += more.more;
    for p in more.problems {
        if !seen.contains(&(p.file.clone(), p.line)) {
            problems.push(p);
        }
    }
    let mut e = problems.into_error();
    let file = e
        .problems
        .first()
        .map(|p| p.file.clone())
        .unwrap_or_default();
    e.problems
        .sort_by_key(|p| (p.file != file, p.file.clone(), p.line, p.col));
    e
}

/// The lab, event and difficulty ids a scenario file may name: its own lists when it
/// replaces them, else the shared assets'.
fn known_ids(tree: &tree::Node) -> schema::Known {
    let ids = |list: &str, asset: &str| -> Vec<String> {
        let own = tree
            .field(list)
            .map(|f| f.value.unwrap_some())
            .filter(|v| v.items().is_some());
        let shared = assets::SHARED
            .iter()
            .find(|(n, _)| *n == asset)
            .and_then(|(_, t)| reader::read(t, RECURSION_LIMIT).ok());
        let source = match (own, &shared) {
            (Some(v), _) => Some(v),
            (None, Some(s)) => Some(s),
            (None, None) => None,
        };
        source
            .and_then(|s| s.items())
            .unwrap_or(&[])
            .iter()
            .filter_map(|item| item.field("id").and_then(|f| f.value.as_str()))
            .fold(Vec::new(), |mut ids: Vec<String>, id| {
                if !ids.iter().any(|i| i == id) {
                    ids.push(id.to_string());
                }
                ids
            })
    };
    schema::Known {
        labs: ids("labs", "assets/labs.ron"),
        events: ids("events", "assets/events.ron"),
        difficulties: difficulties().into_iter().map(|d| d.id).collect(),
    }
}

/// Checks an already-built content (for example one embedded in a save); `text` is the file
/// it came from, searched for the values named in problems.
pub fn check_content(file: &str, text: &str, content: &Content) -> Result<(), ContentError> {
    let tree = reader::read(text, RECURSION_LIMIT).ok();
    let locator = locate::Locator {
        file,
        text,
        tree: tree.as_ref(),
    };
    let problems = check::check(&locator, content);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.into_error())
    }
}

/// 1-based line and column of the first occurrence of `needle` in `text` (0, 0 if absent).
pub fn locate(text: &str, needle: &str) -> (usize, usize) {
    match text.find(needle) {
        Some(at) => line_col(text, at),
        None => (0, 0),
    }
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod builtin_tests {
    use super::*;

    /// The built-in scenarios are built without the field checks: they must pass them, and
    /// give the same content as the full path, at every difficulty.
    #[test]
    fn built_in_scenarios_pass_the_field_checks_and_build_the_same() {
        let mut levels: Vec<Option<String>> = vec![None];
        levels.extend(difficulties().into_iter().map(|d| Some(d.id)));
        for (id, _) in BUILTIN_SCENARIOS {
            let text = builtin_scenario_text(id).expect("built-in");
            let file = format!("assets/scenarios/{id}.ron");
            for level in &levels {
                let full = load_scenario_text(&file, text, level.as_deref());
                let quick = parse_builtin(id, level.as_deref());
                match (full, quick) {
                    (Ok(a), Ok(b)) => assert!(a == b, "{id} at {level:?}"),
                    (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                    (a, b) => panic!("{id} at {level:?}: {:?} / {:?}", a.is_ok(), b.is_ok()),
                }
            }
        }
        assert!(parse_builtin("race-2025", Some("no-such-level")).is_err());
    }
}
