//! What the teacher's commands print: the built-in scenarios and scenario checks, the debrief
//! of one game, and the class report over many saves.

pub mod board;
mod chart;
pub mod class;
mod class_out;
mod copies;
pub mod counterfactual;
pub mod debrief;
pub mod fork;
mod fork_html;
pub mod format;
mod html;
mod markdown;
pub mod questions;
pub mod replay;
pub mod scenarios;
pub mod shapley;
pub mod suggested;
mod svg;
pub mod watch;

pub use crate::text::sanitize;
pub use class::ClassReport;
pub use debrief::Debrief;
pub use fork::ForkComparison;
