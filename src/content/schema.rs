//! The fields a teacher writes in a scenario file, checked one by one on the file's tree so
//! that every mistake is reported at once, at its line and column, with what is allowed.
//!
//! Only the teacher's fields are checked this closely (the campaign's shape, the lock, lab
//! changes, disabled events). The advanced lists that replace whole assets (`labs`, `techs`,
//! `events`...) are checked by serde and by `check.rs` on the resolved content.

use std::collections::BTreeMap;

use super::tree::{Field, Node, Value};
use super::{MAX_LISTED, MAX_PROBLEMS, Problem, Problems, echo};

/// Ids the file may refer to.
pub struct Known {
    pub labs: Vec<String>,
    pub events: Vec<String>,
    pub difficulties: Vec<String>,
}

/// What a field holds.
#[derive(Clone, Copy)]
enum Kind {
    /// Text in double quotes, at most this many characters.
    Text(usize),
    /// A whole number in this range.
    Int(i128, i128),
    Bool,
    /// One of the difficulty ids.
    Difficulty,
    /// A list of lab changes.
    LabChanges,
    /// A list of event ids.
    EventIds,
    /// Three whole numbers in parentheses, each in this range.
    Triple(i128, i128),
    /// One of the lab ids.
    LabId,
    /// A whole list replacing a shared asset: checked later.
    Advanced,
    /// A whole block of named fields replacing a shared asset (the balance): checked later.
    AdvancedBlock,
    /// The teacher's injects: each one's fields here, its effects and choices by serde.
    Injects,
    /// When an inject fires: `Month(6)`.
    InjectAt,
    /// What an inject waits for: one of [`INJECT_CONDITIONS`] with a whole number.
    InjectWhen,
    /// A list of month numbers (`pause_at`); their range is checked on the content.
    Months,
}

/// The conditions an inject may wait for (`when:`), as written.
pub const INJECT_CONDITIONS: &[&str] = &[
    "PlayerProgressAtLeast",
    "RivalProgressAtLeast",
    "BudgetBelow",
    "RiskAbove",
];

/// A field: its name, what it holds, whether it may be left out, whether `Some(...)`/`None`
/// are accepted, and what it means (for messages).
struct Spec {
    name: &'static str,
    kind: Kind,
    required: bool,
    optional_value: bool,
    help: &'static str,
}

const fn spec(name: &'static str, kind: Kind, help: &'static str) -> Spec {
    Spec {
        name,
        kind,
        required: false,
        optional_value: false,
        help,
    }
}

const fn required(name: &'static str, kind: Kind, help: &'static str) -> Spec {
    Spec {
        required: true,
        ..spec(name, kind, help)
    }
}

const fn maybe(name: &'static str, kind: Kind, help: &'static str) -> Spec {
    Spec {
        optional_value: true,
        ..spec(name, kind, help)
    }
}

/// Largest start of the race a scenario may give, in points.
pub const MAX_PROGRESS_OFFSET: i128 = 90;

const SCENARIO: &[Spec] = &[
    required(
        "id",
        Kind::Text(40),
        "a short name for the file, like \"week-3\"",
    ),
    required("name", Kind::Text(60), "the title players see"),
    required(
        "description",
        Kind::Text(200),
        "one line about the scenario",
    ),
    required(
        "start_year",
        Kind::Int(2000, 2100),
        "the year of the first turn",
    ),
    required(
        "start_month",
        Kind::Int(1, 12),
        "the month of the first turn, 1 (January) to 12 (December)",
    ),
    required(
        "months",
        Kind::Int(3, 120),
        "how many monthly turns the game lasts",
    ),
    maybe(
        "seed",
        Kind::Int(0, u64::MAX as i128),
        "the world's seed: the same seed gives every student the same world",
    ),
    maybe("difficulty", Kind::Difficulty, "the difficulty level"),
    spec(
        "locked",
        Kind::Bool,
        "true stops players changing the seed, difficulty and length",
    ),
    spec(
        "progress_offset",
        Kind::Int(0, MAX_PROGRESS_OFFSET),
        "points added to every lab's starting progress",
    ),
    maybe(
        "market_size",
        Kind::Int(1, 20),
        "candidates in the talent market each month",
    ),
    maybe(
        "project_months_pct",
        Kind::Int(25, 400),
        "project lengths in percent of the usual: 50 halves them for a short lesson",
    ),
    spec(
        "lab_changes",
        Kind::LabChanges,
        "changes to some labs' starting positions",
    ),
    spec(
        "disabled_events",
        Kind::EventIds,
        "ids of events that never happen",
    ),
    maybe(
        "labs",
        Kind::Advanced,
        "a full list of labs replacing the default ones",
    ),
    maybe("techs", Kind::Advanced, "a full tech catalogue"),
    maybe("legacy", Kind::Advanced, "a full list of legacy systems"),
    maybe("stages", Kind::Advanced, "a full list of pipeline stages"),
    maybe("deals", Kind::Advanced, "a full list of deals"),
    maybe("events", Kind::Advanced, "a full list of events"),
    maybe(
        "balance",
        Kind::AdvancedBlock,
        "every tuning number of the rules (a full copy of assets/balance.ron)",
    ),
    spec(
        "injects",
        Kind::Injects,
        "the teacher's own events, each at a month or when a condition holds",
    ),
    spec(
        "pause_at",
        Kind::Months,
        "months at whose start every student's game stops",
    ),
];

const INJECT: &[Spec] = &[
    required(
        "id",
        Kind::Text(40),
        "a short name for the inject, like \"export-ban\"",
    ),
    spec("at", Kind::InjectAt, "the month it fires at"),
    spec("when", Kind::InjectWhen, "what it waits for"),
    required("title", Kind::Text(60), "the headline students see"),
    required(
        "text",
        Kind::Text(300),
        "what happened, in a sentence or two",
    ),
    spec(
        "effects",
        Kind::Advanced,
        "what it does at once, like [Budget(-500), Morale(-3)]",
    ),
    spec(
        "choices",
        Kind::Advanced,
        "up to four answers, like [(label: \"Lobby\", effects: [Budget(-500)])]",
    ),
];

const LAB_CHANGE: &[Spec] = &[
    required("lab", Kind::LabId, "the id of the lab to change"),
    spec("name", Kind::Text(60), "the lab's full name"),
    spec("short", Kind::Text(10), "the lab's short name for tables"),
    spec(
        "budget",
        Kind::Int(0, 10_000_000),
        "cash at the start, USD millions",
    ),
    spec(
        "monthly_income",
        Kind::Int(0, 1_000_000),
        "money in each month, USD millions",
    ),
    spec(
        "researchers",
        Kind::Int(0, 1_000_000),
        "rank-and-file researchers",
    ),
    spec("compute", Kind::Int(0, 100_000), "thousands of GPUs"),
    spec(
        "deploy_minutes",
        Kind::Int(2, 2_000),
        "minutes from a change to a deployed experiment",
    ),
    spec(
        "tracks",
        Kind::Triple(0, 99),
        "starting progress in reasoning, multimodal, agents, like (40, 30, 35)",
    ),
    spec("morale", Kind::Int(0, 100), "team morale"),
    spec("risk", Kind::Int(0, 100), "safety and security risk"),
    spec("board", Kind::Int(0, 100), "board confidence"),
    spec("review", Kind::Int(0, 100), "strength of safety review"),
    spec(
        "ecosystem",
        Kind::Int(0, 100),
        "developers building on the lab's open models",
    ),
    spec("data", Kind::Int(0, 100), "the data flywheel from users"),
];

/// Whether a line and column fall inside one of the lists that replace a whole asset (which
/// are not checked field by field here).
pub fn in_advanced_list(root: &Node, line: usize, col: usize) -> bool {
    let Some(fields) = root.fields() else {
        return false;
    };
    fields.iter().any(|f| {
        // serde's word on the injects counts too: their effects and choices are checked by it.
        let advanced = SCENARIO.iter().any(|s| {
            s.name == f.name
                && matches!(
                    s.kind,
                    Kind::Advanced | Kind::AdvancedBlock | Kind::Injects | Kind::Months
                )
        });
        let (a, b) = (f.value.start, f.value.end);
        advanced && (a.line, a.col) <= (line, col) && (line, col) <= (b.line, b.col)
    })
}

/// Whether two places fall inside the same item of one of the file's top-level lists (an
/// inject, say), so serde's word on an item the field checks already faulted is not repeated.
pub fn same_item(root: &Node, a: (usize, usize), b: (usize, usize)) -> bool {
    let inside = |n: &Node, p: (usize, usize)| {
        (n.start.line, n.start.col) <= p && p <= (n.end.line, n.end.col)
    };
    root.fields().unwrap_or(&[]).iter().any(|f| {
        f.value
            .items()
            .unwrap_or(&[])
            .iter()
            .any(|item| inside(item, a) && inside(item, b))
    })
}

/// Every mistake in the teacher's fields of a scenario file (the first few kept).
pub fn validate(file: &str, root: &Node, known: &Known) -> Problems {
    let mut v = Validator {
        file,
        known,
        problems: Problems::default(),
    };
    if root.fields().is_none() {
        v.at(
            root,
            format!(
                "a scenario file is one group in parentheses: ( id: \"...\", name: \"...\", ... ); \
                 found {}",
                root.describe()
            ),
        );
        return v.problems;
    }
    v.fields(root, SCENARIO, "the scenario");
    v.problems
        .list
        .sort_by_key(|p| (p.line, p.col, p.message.clone()));
    v.problems
}

struct Validator<'a> {
    file: &'a str,
    known: &'a Known,
    problems: Problems,
}

/// Whether `value`, as a `Some(...)` or plain value, is a whole number.
fn int_of(node: &Node) -> Option<i128> {
    match node.value {
        Value::Int(n) => Some(n),
        _ => None,
    }
}

/// The number of single-character edits between two words (for "did you mean").
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// " Did you mean 'x'?" when one allowed word is close to what was written.
fn suggestion<'a>(found: &str, allowed: impl Iterator<Item = &'a str>) -> String {
    // The edit distance costs the product of the lengths: a long word is no typo anyway.
    if found.len() > 64 {
        return String::new();
    }
    let found_lower = found.to_lowercase();
    let best = allowed
        .map(|a| (distance(&found_lower, &a.to_lowercase()), a))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, a)) if d <= 2.max(found.len() / 3) && d > 0 => {
            format!(" Did you mean '{}'?", echo(a))
        }
        _ => String::new(),
    }
}

/// A few of the allowed values in double quotes, then "and N more".
fn quoted_list(items: &[String]) -> String {
    let mut out = items
        .iter()
        .take(MAX_LISTED)
        .map(|i| format!("\"{}\"", echo(i)))
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > MAX_LISTED {
        out.push_str(&format!(" and {} more", items.len() - MAX_LISTED));
    }
    out
}

impl Validator<'_> {
    /// Whether the next problem will be kept; counts it if not (its message is then not
    /// built at all: with a long list of allowed values that is the costly part).
    fn room(&mut self) -> bool {
        self.problems.room()
    }

    fn at(&mut self, node: &Node, message: String) {
        if !self.room() {
            return;
        }
        self.problems.list.push(Problem {
            file: self.file.to_string(),
            line: node.start.line,
            col: node.start.col,
            message,
        });
    }

    fn at_field_name(&mut self, field: &Field, message: String) {
        if !self.room() {
            return;
        }
        self.problems.list.push(Problem {
            file: self.file.to_string(),
            line: field.name_pos.line,
            col: field.name_pos.col,
            message,
        });
    }

    /// Checks a struct's fields against `specs`: unknown, repeated, missing, then each value.
    fn fields(&mut self, node: &Node, specs: &[Spec], owner: &str) {
        let Some(fields) = node.fields() else {
            return;
        };
        let names: Vec<&str> = specs.iter().map(|s| s.name).collect();
        // Where each name was first given (a map: a group can hold thousands of fields).
        let mut first_at: BTreeMap<&str, usize> = BTreeMap::new();
        for f in fields {
            if let Some(line) = first_at.get(f.name.as_str()) {
                let message = format!(
                    "'{}' is given twice (first at line {line}); keep one",
                    echo(&f.name)
                );
                self.at_field_name(f, message);
                continue;
            }
            first_at.insert(&f.name, f.name_pos.line);
            match specs.iter().find(|s| s.name == f.name) {
                Some(spec) => self.value(f, spec),
                None => {
                    let hint = suggestion(&f.name, names.iter().copied());
                    let message = format!(
                        "unknown field '{}' in {owner}.{hint} Allowed fields are: {}",
                        echo(&f.name),
                        names.join(", ")
                    );
                    self.at_field_name(f, message);
                }
            }
        }
        for spec in specs.iter().filter(|s| s.required) {
            if !fields.iter().any(|f| f.name == spec.name) {
                let message = format!(
                    "{owner} is missing the field '{}': {} ({})",
                    spec.name,
                    spec.help,
                    allowed(spec.kind, self.known)
                );
                self.at(node, message);
            }
        }
    }

    fn value(&mut self, field: &Field, spec: &Spec) {
        let raw = &field.value;
        if spec.optional_value && raw.is_none() {
            return;
        }
        let node = if spec.optional_value {
            raw.unwrap_some()
        } else {
            raw
        };
        let name = spec.name;
        let known = self.known;
        let expected = allowed(spec.kind, known);
        let wrong = |found: &Node| {
            let mut m = format!("'{name}' must be {expected}; found {}", found.describe());
            match &found.value {
                Value::Str(s) if s.trim().parse::<i128>().is_ok() => {
                    m.push_str(" (remove the double quotes around the number)");
                }
                Value::Ident(w)
                    if matches!(spec.kind, Kind::Text(_) | Kind::Difficulty | Kind::LabId) =>
                {
                    m.push_str(&format!(" (text needs double quotes: \"{}\")", echo(w)));
                }
                _ => {}
            }
            m
        };
        match spec.kind {
            Kind::Text(max) => match node.as_str() {
                Some(s) if s.trim().is_empty() => {
                    self.at(node, format!("'{name}' must not be empty: {}", spec.help));
                }
                Some(s) if s.chars().count() > max => self.at(
                    node,
                    format!(
                        "'{name}' must be at most {max} characters, found {}",
                        s.chars().count()
                    ),
                ),
                Some(s) if s.chars().any(char::is_control) => self.at(
                    node,
                    format!("'{name}' must not contain line breaks or control characters"),
                ),
                Some(_) => {}
                None => self.at(node, wrong(node)),
            },
            Kind::Int(min, max) => match int_of(node) {
                Some(n) if n < min || n > max => {
                    let help = spec.help;
                    self.at(
                        node,
                        format!("'{name}' must be {expected} ({help}); found {n}"),
                    );
                }
                Some(_) => {}
                None => self.at(node, wrong(node)),
            },
            Kind::Triple(min, max) => match &node.value {
                Value::Tuple(items) if items.len() == 3 => {
                    for item in items {
                        match int_of(item) {
                            Some(n) if (min..=max).contains(&n) => {}
                            _ => self.at(
                                item,
                                format!(
                                    "each of the three '{name}' values must be a whole number \
                                     from {min} to {max}; found {}",
                                    item.describe()
                                ),
                            ),
                        }
                    }
                }
                _ => self.at(node, wrong(node)),
            },
            Kind::Bool => {
                if !matches!(node.value, Value::Bool(_)) {
                    self.at(node, wrong(node));
                }
            }
            Kind::Difficulty => self.one_of(node, name, &known.difficulties, &wrong),
            Kind::LabId => self.one_of(node, name, &known.labs, &wrong),
            Kind::EventIds => match node.items() {
                Some(items) => {
                    let events = &known.events;
                    let event_set: std::collections::BTreeSet<&str> =
                        events.iter().map(String::as_str).collect();
                    for item in items {
                        if item.as_str().is_some_and(|s| event_set.contains(s)) {
                            continue;
                        }
                        self.one_of(item, "the event", events, &|found: &Node| {
                            format!(
                                "each disabled event must be an event id in double quotes; \
                                 found {}. Event ids are: {}",
                                found.describe(),
                                quoted_list(events)
                            )
                        });
                    }
                }
                None => self.at(node, wrong(node)),
            },
            Kind::LabChanges => match node.items() {
                Some(items) => {
                    for item in items {
                        let is_change = match &item.value {
                            Value::Struct { name, .. } => {
                                name.as_deref().is_none_or(|n| n == "LabChange")
                            }
                            _ => false,
                        };
                        if is_change {
                            self.fields(item, LAB_CHANGE, "a lab change");
                        } else {
                            self.at(
                                item,
                                format!(
                                    "each lab change is a group in parentheses, like \
                                     (lab: \"meta\", budget: 12000); found {}",
                                    item.describe()
                                ),
                            );
                        }
                    }
                }
                None => self.at(node, wrong(node)),
            },
            Kind::Advanced => {
                if node.items().is_none() {
                    self.at(node, wrong(node));
                }
            }
            Kind::AdvancedBlock => {
                if node.fields().is_none() {
                    self.at(node, wrong(node));
                }
            }
            Kind::Injects => match node.items() {
                Some(items) => {
                    for item in items {
                        if matches!(&item.value, Value::Struct { name, .. }
                            if name.as_deref().is_none_or(|n| n == "InjectFile"))
                        {
                            self.fields(item, INJECT, "an inject");
                        } else {
                            self.at(
                                item,
                                format!(
                                    "each inject is a group in parentheses, like (id: \
                                     \"export-ban\", at: Month(6), title: \"...\", text: \
                                     \"...\"); found {}",
                                    item.describe()
                                ),
                            );
                        }
                    }
                }
                None => self.at(node, wrong(node)),
            },
            Kind::InjectAt => match &node.value {
                Value::Call { name, args }
                    if name == "Month" && args.len() == 1 && int_of(&args[0]).is_some() => {}
                _ => self.at(node, wrong(node)),
            },
            Kind::InjectWhen => match &node.value {
                Value::Call { name, args }
                    if INJECT_CONDITIONS.contains(&name.as_str())
                        && args.len() == 1
                        && int_of(&args[0]).is_some() => {}
                Value::Call { name, .. } | Value::Ident(name)
                    if !INJECT_CONDITIONS.contains(&name.as_str()) =>
                {
                    let hint = suggestion(name, INJECT_CONDITIONS.iter().copied());
                    let message = format!(
                        "'when' names an unknown condition '{}'.{hint} Allowed: {expected}",
                        echo(name)
                    );
                    self.at(node, message);
                }
                _ => self.at(node, wrong(node)),
            },
            Kind::Months => match node.items() {
                Some(items) => {
                    for item in items {
                        if int_of(item).is_none() {
                            let message = format!(
                                "each pause is a month number, like 6; found {}",
                                item.describe()
                            );
                            self.at(item, message);
                        }
                    }
                }
                None => self.at(node, wrong(node)),
            },
        }
    }

    /// A text that must be one of `ids`.
    fn one_of(&mut self, node: &Node, what: &str, ids: &[String], wrong: &dyn Fn(&Node) -> String) {
        match node.as_str() {
            Some(s) if ids.iter().any(|i| i == s) => {}
            Some(_) if self.problems.list.len() >= MAX_PROBLEMS => self.problems.more += 1,
            Some(s) => {
                let hint = suggestion(s, ids.iter().map(String::as_str));
                let message = format!(
                    "{what} '{}' is not known.{hint} Allowed: {}",
                    echo(s),
                    quoted_list(ids)
                );
                self.at(node, message);
            }
            None => self.at(node, wrong(node)),
        }
    }
}

/// What a kind of field accepts, in words.
fn allowed(kind: Kind, known: &Known) -> String {
    match kind {
        Kind::Text(max) => format!("text in double quotes, at most {max} characters"),
        Kind::Int(min, max) => format!("a whole number from {min} to {max}"),
        Kind::Bool => "true or false".into(),
        Kind::Difficulty => format!("one of {}", quoted_list(&known.difficulties)),
        Kind::LabId => format!("one of the lab ids {}", quoted_list(&known.labs)),
        Kind::LabChanges => {
            "a list in square brackets of lab changes, like [(lab: \"meta\", budget: 12000)]".into()
        }
        Kind::EventIds => "a list in square brackets of event ids, like [\"gpu-shortage\"]".into(),
        Kind::Triple(min, max) => {
            format!("three whole numbers from {min} to {max} in parentheses, like (40, 30, 35)")
        }
        Kind::Advanced => "a list in square brackets, or None".into(),
        Kind::AdvancedBlock => {
            "named fields in parentheses, like (research: (...), ...), or None".into()
        }
        Kind::Injects => "a list in square brackets of injects, like [(id: \"export-ban\", \
                          at: Month(6), title: \"...\", text: \"...\")]"
            .into(),
        Kind::InjectAt => "a month written like Month(6) (1 = the first turn)".into(),
        Kind::InjectWhen => "PlayerProgressAtLeast(60), RivalProgressAtLeast(80), \
                             BudgetBelow(2000) or RiskAbove(60)"
            .into(),
        Kind::Months => "a list in square brackets of month numbers, like [6, 10]".into(),
    }
}
