//! Words and text shared by every room of the game: the sanitiser for text that came from a
//! file, and cutting, padding and wrapping measured in screen columns. It sits below `content`, `save` and `report`, so each of them can make a file's text
//! safe to print without importing a room above it.

pub mod ascii;
pub mod sanitize;
pub mod width;
