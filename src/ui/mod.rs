//! The terminal interface: a ratatui front end over the rules.
//!
//! One direction of travel: a terminal event becomes an action through the key table
//! (`keys.rs`), the action updates the app (`app/`), game changes become commands the rules
//! check and apply (`session.rs`), and the view (`view.rs`, `screens/`) only reads the state to
//! draw it. Month reports and "show the math" explanations are plain data built from the
//! rules' events and functions (`report.rs`, `explain/`); styles come from one theme
//! (`theme.rs`) that honours `NO_COLOR`, and a frame can be drawn in plain ASCII
//! (`symbols.rs`) for consoles without Unicode.

pub mod app;
pub mod board;
pub mod dialog;
pub mod keys;
pub mod screens;
pub mod settings;
pub mod symbols;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;

// The front-end model, shared with plain mode, under the names the interface has always used.
pub use crate::front::{explain, forecast, ghost, report, session};

pub use app::App;
pub use session::Session;
pub use terminal::run;
pub use theme::{Palette, Theme, ThemeChoice};
