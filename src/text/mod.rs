//! Words and text shared by every room of the game: the message catalogues and the language
//! chosen at start, the sanitiser for text that came from a file, ASCII folding, and cutting,
//! padding and wrapping measured in screen columns. It sits below `content`, `save` and
//! `report`, so each of them can use it without importing a room above it.

pub mod ascii;
pub mod catalogue;
pub mod lang;
pub mod sanitize;
pub mod width;

/// The plural ending of an English count: "" for one, "s" otherwise ("1 week", "2 weeks").
pub fn s(n: impl Into<i64>) -> &'static str {
    if n.into() == 1 { "" } else { "s" }
}
