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
mod file;
mod locate;
pub mod reader;
mod scenario;
pub mod schema;
pub mod template;
pub mod tree;

use std::fmt;

use serde::de::DeserializeOwned;

pub use assets::{BUILTIN_SCENARIOS, builtin_scenario_text};
pub use file::{load_scenario_file, read_scenario_file, render_problems};
pub use scenario::{LabChange, ScenarioFile};

use crate::game::data::{Content, DifficultyDef};

/// Largest scenario file accepted, in bytes.
pub const MAX_SCENARIO_BYTES: usize = 256 * 1024;
/// Deepest nesting accepted in RON content.
pub const RECURSION_LIMIT: usize = 32;

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
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{} line {}, column {}: {}",
                self.file, self.line, self.col, self.message
            )
        }
    }
}

/// Every mistake found in a content file (at least one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}

impl ContentError {
    pub fn single(file: &str, message: impl Into<String>) -> ContentError {
        ContentError {
            problems: vec![Problem {
                file: file.to_string(),
                line: 0,
                col: 0,
                message: message.into(),
            }],
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
    ron_options().from_str(text).map_err(|e| ContentError {
        problems: vec![Problem {
            file: file.to_string(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: friendly_ron_error(&e.code),
        }],
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
            Some(o) => format!("'{o}' is missing the field '{field}'"),
            None => format!("the field '{field}' is missing"),
        },
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field '{found}'; allowed fields are: {}",
            expected.join(", ")
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown value '{found}'; allowed values are: {}",
            expected.join(", ")
        ),
        E::DuplicateStructField { field, .. } => format!("the field '{field}' is given twice"),
        E::ExceededRecursionLimit => "the file is nested too deeply".into(),
        E::Eof => "the file ends too early: a bracket or parenthesis is not closed".into(),
        E::InvalidValueForType { expected, found } => {
            format!("expected {expected}, found {found}")
        }
        E::IntegerOutOfBounds => "this number is too large or negative where it may not be".into(),
        other => other.to_string(),
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
    load_scenario_text(
        &format!("assets/scenarios/{scenario}.ron"),
        text,
        difficulty,
    )
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
    let tree = reader::read(text, RECURSION_LIMIT).map_err(|e| ContentError {
        problems: vec![Problem {
            file: file.to_string(),
            line: e.pos.line,
            col: e.pos.col,
            message: e.message,
        }],
    })?;
    let mut problems = schema::validate(file, &tree, &known_ids(&tree));
    let raw: ScenarioFile = match parse(file, text) {
        Ok(raw) => raw,
        Err(e) => {
            // serde stops at its first mistake, which the field checks above have usually
            // reported already in plainer words. Only the lists that replace whole assets are
            // not checked field by field, so a mistake there is new.
            if problems.is_empty() {
                problems = e.problems;
            } else {
                let inside = e
                    .problems
                    .into_iter()
                    .filter(|p| schema::in_advanced_list(&tree, p.line, p.col));
                problems.extend(inside);
            }
            return Err(ContentError { problems });
        }
    };
    let locator = locate::Locator {
        file,
        text,
        tree: Some(&tree),
    };
    match scenario::resolve(&locator, raw, difficulty) {
        Ok(content) if problems.is_empty() => Ok(content),
        Ok(_) => Err(ContentError { problems }),
        Err(e) => {
            add_new(&mut problems, e.problems);
            Err(ContentError { problems })
        }
    }
}

/// Adds the problems on lines that no problem points at yet (the same mistake is often found
/// both by the field checks and by the checks of meaning), then orders them by place.
fn add_new(problems: &mut Vec<Problem>, more: Vec<Problem>) {
    let seen: Vec<(String, usize)> = problems.iter().map(|p| (p.file.clone(), p.line)).collect();
    problems.extend(
        more.into_iter()
            .filter(|p| !seen.iter().any(|(f, l)| *f == p.file && *l == p.line)),
    );
    let file = problems.first().map(|p| p.file.clone()).unwrap_or_default();
    problems.sort_by_key(|p| (p.file != file, p.file.clone(), p.line, p.col));
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
        Err(ContentError { problems })
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
