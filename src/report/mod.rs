//! What the teacher's commands print: the built-in scenarios and scenario checks, the debrief
//! of one game, and the class report over many saves.

pub mod scenarios;
