//! Pointing a problem found on the resolved content back at the line and column it was
//! written on: in the scenario file when the file wrote it, else in the shared asset it came
//! from.
//!
//! Searching the text for a value (the old way) points at the wrong place as soon as the
//! same word appears earlier, for example in a comment; walking the file's tree does not.

use super::tree::{Node, Pos};
use super::{assets, line_col, reader};

/// What a problem is about.
#[derive(Debug, Clone)]
pub enum Loc<'a> {
    /// A top-level field of the scenario file, such as `months`.
    Scenario(&'static str),
    /// An item of a content list (`labs`, `techs`, `legacy`, `stages`, `deals`, `events`,
    /// `difficulty`), by its id; `nth` counts items with the same id (0 = first); `field`
    /// narrows to one of its fields.
    Item {
        list: &'static str,
        id: &'a str,
        nth: usize,
        field: Option<&'static str>,
    },
    /// Entry `index` of a top-level list of the scenario file (`lab_changes`,
    /// `disabled_events`), or one of its fields.
    Entry {
        list: &'static str,
        index: usize,
        field: Option<&'static str>,
    },
    /// A kind of person in the talent pool, by title.
    Archetype(&'a str),
    /// A field of the talent pool.
    Talent(&'static str),
    /// The first place some text appears (names in the talent pool).
    Text(String),
    /// A field of the balance, by its path under `balance` (`actions.licence_raise_gap`); a
    /// path segment may end in words after a space (`acceptance (each chance)`), which are
    /// not part of the field's name.
    Balance(String),
}

impl<'a> Loc<'a> {
    pub fn item_field(list: &'static str, id: &'a str, field: &'static str) -> Loc<'a> {
        Loc::item_nth(list, id, 0, field)
    }

    pub fn item_nth(list: &'static str, id: &'a str, nth: usize, field: &'static str) -> Loc<'a> {
        Loc::Item {
            list,
            id,
            nth,
            field: Some(field),
        }
    }
}

/// Where a problem is: file name, 1-based line and column (0, 0 when unknown).
pub type Place = (String, usize, usize);

/// Finds places in a scenario file (or any content text) and the shared assets.
pub struct Locator<'a> {
    pub file: &'a str,
    pub text: &'a str,
    /// The file's tree, when it could be read.
    pub tree: Option<&'a Node>,
}

/// The shared asset a content list comes from when the scenario does not replace it.
fn asset_of(list: &str) -> &'static str {
    match list {
        "labs" => "assets/labs.ron",
        "techs" => "assets/techs.ron",
        "legacy" => "assets/legacy.ron",
        "stages" => "assets/pipeline.ron",
        "deals" => "assets/deals.ron",
        "events" => "assets/events.ron",
        "difficulty" => "assets/difficulty.ron",
        _ => "assets/talent.ron",
    }
}

fn asset_tree(name: &str) -> Option<(&'static str, &'static str, Node)> {
    let (n, text) = assets::SHARED.iter().find(|(n, _)| *n == name)?;
    let tree = reader::read(text, super::RECURSION_LIMIT).ok()?;
    Some((n, text, tree))
}

fn place_in(file: &str, node: &Node, field: Option<&str>) -> Place {
    let pos = match field.and_then(|f| node.field(f)) {
        Some(f) => f.value.start,
        None => node.start,
    };
    (file.to_string(), pos.line, pos.col)
}

impl Locator<'_> {
    /// The place of `loc`.
    pub fn find(&self, loc: &Loc) -> Place {
        match loc {
            Loc::Scenario(field) => match self.tree.and_then(|t| t.field(field)) {
                Some(f) => (self.file.to_string(), f.value.start.line, f.value.start.col),
                None => self.search(&format!("{field}:")),
            },
            Loc::Item {
                list,
                id,
                nth,
                field,
            } => {
                let in_file = self
                    .tree
                    .and_then(|t| t.field(list))
                    .map(|f| f.value.unwrap_some())
                    .and_then(|l| l.find_item("id", id, *nth));
                if let Some(node) = in_file {
                    return place_in(self.file, node, *field);
                }
                // Content read from elsewhere (a save) is searched as text; a scenario file's
                // missing lists come from the shared assets.
                if self.tree.is_some()
                    && let Some((name, _, tree)) = asset_tree(asset_of(list))
                    && let Some(node) = tree.find_item("id", id, *nth)
                {
                    return place_in(name, node, *field);
                }
                self.search(&format!("\"{id}\""))
            }
            Loc::Entry { list, index, field } => {
                let entry = self
                    .tree
                    .and_then(|t| t.field(list))
                    .and_then(|f| f.value.items())
                    .and_then(|items| items.get(*index));
                match entry {
                    Some(node) => place_in(self.file, node, *field),
                    None => self.search(&format!("{list}:")),
                }
            }
            Loc::Archetype(title) => {
                if let Some((name, _, tree)) = asset_tree("assets/talent.ron")
                    && let Some(node) = tree
                        .field("archetypes")
                        .and_then(|f| f.value.find_item("title", title, 0))
                {
                    return place_in(name, node, None);
                }
                self.search(&format!("\"{title}\""))
            }
            Loc::Talent(field) => {
                if let Some(f) = self.tree.and_then(|t| t.field(field)) {
                    return (self.file.to_string(), f.value.start.line, f.value.start.col);
                }
                if let Some((name, _, tree)) = asset_tree("assets/talent.ron")
                    && let Some(f) = tree.field(field)
                {
                    return (name.to_string(), f.value.start.line, f.value.start.col);
                }
                self.search(field)
            }
            Loc::Text(needle) => self.search(needle),
            Loc::Balance(path) => self.balance(path),
        }
    }

    /// The place of a balance field: in the file's own `balance:` block (a scenario's, or the
    /// `content` of a save), else in the shared balance a scenario file took.
    fn balance(&self, path: &str) -> Place {
        let walk = |from: &Node| -> Option<Pos> {
            let mut node = from;
            for segment in path.split('.') {
                let name = segment.split(' ').next().unwrap_or(segment);
                node = node.unwrap_some();
                node = &node.field(name)?.value;
            }
            Some(node.start)
        };
        if let Some(tree) = self.tree {
            let own = tree
                .field("balance")
                .or_else(|| tree.field("content").and_then(|c| c.value.field("balance")));
            if let Some(own) = own {
                return match walk(&own.value) {
                    Some(pos) => (self.file.to_string(), pos.line, pos.col),
                    None => (
                        self.file.to_string(),
                        own.value.start.line,
                        own.value.start.col,
                    ),
                };
            }
            if tree.field("content").is_none()
                && let Some((name, _, shared)) = asset_tree("assets/balance.ron")
                && let Some(pos) = walk(&shared)
            {
                return (name.to_string(), pos.line, pos.col);
            }
        }
        (self.file.to_string(), 0, 0)
    }

    /// The first place `needle` appears: in this file, else in a shared asset.
    fn search(&self, needle: &str) -> Place {
        if let Some(at) = self.text.find(needle) {
            let (l, c) = line_col(self.text, at);
            return (self.file.to_string(), l, c);
        }
        for (name, text) in assets::SHARED {
            if let Some(at) = text.find(needle) {
                let (l, c) = line_col(text, at);
                return (name.to_string(), l, c);
            }
        }
        (self.file.to_string(), 0, 0)
    }
}
