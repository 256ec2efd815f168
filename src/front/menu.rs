//! A menu of choices for one decision: its pros and cons and each option with the rules' verdict.

use crate::game::{Command, Game};

use super::explain::Tone;

/// One option of a menu, with the rules' verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuOption {
    pub label: String,
    pub command: Command,
    /// Why the rules refuse it now, if they do.
    pub refusal: Option<String>,
}

impl MenuOption {
    /// An option checked against the rules now.
    pub fn checked(game: &Game, label: String, command: Command) -> MenuOption {
        let refusal = game.check(&command).err().map(|e| e.to_string());
        MenuOption {
            label,
            command,
            refusal,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    pub title: String,
    pub body: Vec<(String, Tone)>,
    pub options: Vec<MenuOption>,
    pub sel: usize,
}
