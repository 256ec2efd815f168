//! A RON document as a tree of values that remember where they were written.
//!
//! serde's RON reader stops at the first mistake and forgets positions once a value is read.
//! A teacher fixing a scenario file wants every mistake at once, each with its line and
//! column, so scenario files are first read into this tree (see `reader.rs`), checked field
//! by field (see `schema.rs`), and only then handed to serde. The tree is also how problems
//! found later, on the resolved content, are pointed back to the exact spot in the file.

/// A place in the text: 1-based line and column (in characters), and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
    pub offset: usize,
}

/// One value and where it starts and ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub start: Pos,
    pub end: Pos,
}

/// The kinds of RON values a content file uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text in double quotes (escapes resolved).
    Str(String),
    /// A whole number, possibly negative.
    Int(i128),
    /// A number with a decimal point or exponent, as written.
    Float(String),
    Bool(bool),
    Char(char),
    /// `()`.
    Unit,
    /// A bare word: an enum variant such as `Risk`, or `None`.
    Ident(String),
    /// A word followed by values in parentheses: `Some(3)`, `Budget(-300)`.
    Call {
        name: String,
        args: Vec<Node>,
    },
    /// Named fields in parentheses, optionally after a name: `(lab: "meta", morale: 60)`.
    Struct {
        name: Option<String>,
        fields: Vec<Field>,
    },
    /// Values in parentheses without names: `(48, 44, 44)`.
    Tuple(Vec<Node>),
    /// Values in square brackets.
    List(Vec<Node>),
    /// `{ key: value }` pairs.
    Map(Vec<(Node, Node)>),
}

/// A named field of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    /// Where the field's name is written.
    pub name_pos: Pos,
    pub value: Node,
}

impl Node {
    /// The fields, when this is a struct.
    pub fn fields(&self) -> Option<&[Field]> {
        match &self.value {
            Value::Struct { fields, .. } => Some(fields),
            _ => None,
        }
    }

    /// The first field called `name`, when this is a struct.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields()?.iter().find(|f| f.name == name)
    }

    /// The items, when this is a list.
    pub fn items(&self) -> Option<&[Node]> {
        match &self.value {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// The text, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// `Some(x)` unwrapped to `x`; any other value as it is (RON's implicit `Some`).
    pub fn unwrap_some(&self) -> &Node {
        match &self.value {
            Value::Call { name, args } if name == "Some" && args.len() == 1 => &args[0],
            _ => self,
        }
    }

    /// Whether this is `None`.
    pub fn is_none(&self) -> bool {
        matches!(&self.value, Value::Ident(n) if n == "None")
    }

    /// The `nth` item (0 = first) of this list whose field `key` is the text `id`.
    pub fn find_item(&self, key: &str, id: &str, nth: usize) -> Option<&Node> {
        self.items()?
            .iter()
            .filter(|item| item.field(key).and_then(|f| f.value.as_str()) == Some(id))
            .nth(nth)
    }

    /// How a teacher would describe what is written here, for "found ..." in messages.
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Str(s) => format!("the text \"{}\"", shorten(s)),
            Value::Int(n) => format!("the number {n}"),
            Value::Float(f) => format!("the number {f}"),
            Value::Bool(b) => format!("{b}"),
            Value::Char(c) => format!("the character '{}'", shorten(&c.to_string())),
            Value::Unit => "()".into(),
            Value::Ident(w) => format!("the word {}", shorten(w)),
            Value::Call { name, .. } => format!("{}(...)", shorten(name)),
            Value::Struct { .. } => "a group of fields in parentheses".into(),
            Value::Tuple(items) => format!("{} values in parentheses", items.len()),
            Value::List(_) => "a list in square brackets".into(),
            Value::Map(_) => "a map in curly braces".into(),
        }
    }
}

/// A value from the file for a message: cut, with hidden characters shown visibly.
fn shorten(s: &str) -> String {
    crate::text::sanitize::terminal(s, 40)
}
