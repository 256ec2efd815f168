//! The one key table. Every key the game understands is listed here once, with the action it
//! stands for. Each screen says which actions it accepts right now (a list of [`Hint`]s); that
//! same list draws the footer, fills the help screen and filters the keys, so a key shown is
//! always a key that works.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What a key asks for, whatever the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    NextTab,
    PrevTab,
    Choose,
    Back,
    Help,
    EndMonth,
    Explain,
    Quit,
    Yes,
    No,
    /// A digit typed into an amount or seed field.
    Digit,
    Erase,
    /// Save the game under a name.
    Save,
    /// Open the last month report again.
    LastReport,
    /// Any character typed into a text field (a save's name); text fields take keys first.
    Type,
    /// On the load screen: fork the selected save at a month (a what-if).
    Fork,
    /// On the load screen: race the selected save's player as a ghost in its world.
    Ghost,
    /// A number key outside amount fields: jump straight to that screen.
    Jump,
    /// Do the selected row's main move now at its usual amount, without the dialog.
    DoIt,
    /// Repeat last month's plan (shown first, confirmed with one key).
    Repeat,
    /// Read every news line still kept, newest first, in a scrolling panel.
    AllNews,
}

/// One line of the key table.
pub struct KeyDef {
    pub action: Action,
    /// How the keys are written in hints.
    pub label: &'static str,
    /// What the action does in general (the help screen's key list).
    pub what: &'static str,
}

/// Every action with its keys, in the order the help screen lists them.
pub const TABLE: &[KeyDef] = &[
    KeyDef {
        action: Action::Up,
        label: "↑/k",
        what: "move up",
    },
    KeyDef {
        action: Action::Down,
        label: "↓/j",
        what: "move down",
    },
    KeyDef {
        action: Action::Left,
        label: "←/h",
        what: "previous value (amounts, settings)",
    },
    KeyDef {
        action: Action::Right,
        label: "→/l",
        what: "next value (amounts, settings)",
    },
    KeyDef {
        action: Action::NextTab,
        label: "Tab",
        what: "next screen",
    },
    KeyDef {
        action: Action::PrevTab,
        label: "S-Tab",
        what: "previous screen",
    },
    KeyDef {
        action: Action::Choose,
        label: "Enter",
        what: "choose the selected item",
    },
    KeyDef {
        action: Action::Back,
        label: "Esc",
        what: "go back / close",
    },
    KeyDef {
        action: Action::Help,
        label: "?",
        what: "help (from any screen)",
    },
    KeyDef {
        action: Action::EndMonth,
        label: "n",
        what: "end the month (asks first if weeks are left)",
    },
    KeyDef {
        action: Action::Explain,
        label: "e",
        what: "explain the selected figure: what it is made of and why it moved",
    },
    KeyDef {
        action: Action::Quit,
        label: "q",
        what: "quit (asks first); Ctrl-C quits at once, autosaving first",
    },
    KeyDef {
        action: Action::Yes,
        label: "y",
        what: "yes, in a question",
    },
    KeyDef {
        action: Action::No,
        label: "n",
        what: "no, in a question",
    },
    KeyDef {
        action: Action::Digit,
        label: "0-9",
        what: "type an amount or a seed",
    },
    KeyDef {
        action: Action::Erase,
        label: "Bksp",
        what: "erase a digit or letter",
    },
    KeyDef {
        action: Action::Save,
        label: "s",
        what: "save the game under a name (the game also saves itself each month)",
    },
    KeyDef {
        action: Action::LastReport,
        label: "r",
        what: "open the last month report again",
    },
    KeyDef {
        action: Action::AllNews,
        label: "w",
        what: "read all the news kept so far, newest first (↑↓ scroll)",
    },
    KeyDef {
        action: Action::Type,
        label: "a-z",
        what: "type a name",
    },
    KeyDef {
        action: Action::Fork,
        label: "f",
        what: "what-if: replay a save up to a month you choose and decide otherwise (load screen)",
    },
    KeyDef {
        action: Action::Ghost,
        label: "g",
        what: "race a save's player as a ghost in the same world (load screen)",
    },
    KeyDef {
        action: Action::Jump,
        label: "1-6",
        what: "jump to a screen: 1 dashboard, 2 talent, 3 tech, 4 pipeline, 5 compute & deals, 6 rivals (7 debrief once the game is over)",
    },
    KeyDef {
        action: Action::DoIt,
        label: "d",
        what: "do it now, no dialog: offer at your last offer level, adopt, retire, start the stage, build or lease at your last size; on the dashboard, the suggested next move",
    },
    KeyDef {
        action: Action::Repeat,
        label: "p",
        what: "repeat last month's plan where the rules allow it: lists each move (or why it is refused), y makes them",
    },
];

/// An action a screen accepts now, and what it does there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub action: Action,
    pub what: &'static str,
}

pub const fn hint(action: Action, what: &'static str) -> Hint {
    Hint { action, what }
}

/// How the keys of an action are written.
pub fn label(action: Action) -> &'static str {
    TABLE
        .iter()
        .find(|d| d.action == action)
        .map_or("", |d| d.label)
}

/// What a key press may mean, most specific first: `n` is "no" inside a question and "end the
/// month" elsewhere; the first one the screen accepts wins.
pub fn candidates(key: &KeyEvent) -> &'static [Action] {
    if key.kind == KeyEventKind::Release {
        return &[];
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return &[];
    }
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => &[Action::Up],
        KeyCode::Down | KeyCode::Char('j') => &[Action::Down],
        KeyCode::Left | KeyCode::Char('h') => &[Action::Left],
        KeyCode::Right | KeyCode::Char('l') => &[Action::Right],
        KeyCode::Tab => &[Action::NextTab],
        KeyCode::BackTab => &[Action::PrevTab],
        KeyCode::Enter => &[Action::Choose],
        KeyCode::Esc => &[Action::Back],
        KeyCode::Char('?') | KeyCode::F(1) => &[Action::Help],
        KeyCode::Char('n') | KeyCode::Char('N') => &[Action::No, Action::EndMonth],
        KeyCode::Char('e') => &[Action::Explain],
        KeyCode::Char('q') => &[Action::Quit],
        KeyCode::Char('s') => &[Action::Save],
        KeyCode::Char('r') => &[Action::LastReport],
        KeyCode::Char('w') => &[Action::AllNews],
        KeyCode::Char('f') => &[Action::Fork],
        KeyCode::Char('g') => &[Action::Ghost],
        KeyCode::Char('d') => &[Action::DoIt],
        KeyCode::Char('p') => &[Action::Repeat],
        KeyCode::Char('y') | KeyCode::Char('Y') => &[Action::Yes],
        // A digit is typed into an amount or a seed where one is open, else it jumps screens.
        KeyCode::Char(c) if c.is_ascii_digit() => &[Action::Digit, Action::Jump],
        KeyCode::Backspace | KeyCode::Delete => &[Action::Erase],
        _ => &[],
    }
}

/// Whether the key is Ctrl-C, which always quits at once.
pub fn is_interrupt(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C'))
}

/// The first action of the key that the screen accepts.
pub fn resolve(key: &KeyEvent, accepted: &[Hint]) -> Option<Action> {
    candidates(key)
        .iter()
        .copied()
        .find(|a| accepted.iter().any(|h| h.action == *a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_row_in_the_table() {
        for d in TABLE {
            assert_eq!(TABLE.iter().filter(|x| x.action == d.action).count(), 1);
            assert!(!d.label.is_empty());
        }
    }

    #[test]
    fn n_means_no_in_a_question_and_end_month_elsewhere() {
        let n = KeyEvent::from(KeyCode::Char('n'));
        let question = [hint(Action::Yes, "yes"), hint(Action::No, "no")];
        let dashboard = [hint(Action::EndMonth, "end month")];
        assert_eq!(resolve(&n, &question), Some(Action::No));
        assert_eq!(resolve(&n, &dashboard), Some(Action::EndMonth));
        assert_eq!(resolve(&n, &[]), None);
    }

    #[test]
    fn a_digit_types_into_an_amount_and_jumps_screens_elsewhere() {
        let three = KeyEvent::from(KeyCode::Char('3'));
        let amount = [hint(Action::Digit, "type"), hint(Action::Choose, "confirm")];
        let screen = [hint(Action::Jump, "screen by number")];
        assert_eq!(resolve(&three, &amount), Some(Action::Digit));
        assert_eq!(resolve(&three, &screen), Some(Action::Jump));
    }
}
