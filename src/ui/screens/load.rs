//! The load screen, reached from the title: every save in the folder, newest first, with its
//! scenario, month, score and whether it verifies by replay. Opening one rebuilds the game by
//! replaying it; a save that cannot be opened says why in a player's words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::save::{self, Listed, SaveEntry, SaveError, Store};

use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{fit, put, wrap};

/// Rows of the list shown at once.
const ROWS: usize = 8;

/// The list of saves and the selected one.
#[derive(Debug, Clone, Default)]
pub struct LoadList {
    pub saves: Vec<Listed>,
    pub sel: usize,
    /// The folder, as shown to the player.
    pub folder: String,
}

impl LoadList {
    /// Lists and verifies every save in the folder.
    pub fn read(store: &Store) -> LoadList {
        LoadList {
            saves: store.list(),
            sel: 0,
            folder: save::sanitize(&store.dir().display().to_string(), 50),
        }
    }
}

pub fn hints(l: &LoadList) -> Vec<Hint> {
    let mut h = Vec::new();
    if !l.saves.is_empty() {
        h.push(hint(Action::Up, "move"));
        h.push(hint(Action::Down, "move"));
        h.push(hint(Action::Choose, "open"));
    }
    h.push(hint(Action::Back, "back"));
    h.push(hint(Action::Help, "help"));
    h.push(hint(Action::Quit, "quit"));
    h
}

/// Opens a save: verified by replay, then played again into a session.
pub fn open(entry: &SaveEntry) -> Result<(Box<Session>, String), String> {
    let cannot = |why: String| format!("{} cannot be opened: {why}", entry.name);
    let verified = save::load_path(&entry.path).map_err(|e| cannot(player_words(&e)))?;
    let mut session = Session::from_save(&verified.play).map_err(cannot)?;
    session.save_name = (!entry.autosave).then(|| entry.name.clone());
    let s = verified.summary();
    let message = format!(
        "Loaded {}: {} ({}), score so far {}.",
        entry.name,
        s.date,
        s.ending.as_deref().unwrap_or("in progress"),
        s.score
    );
    Ok((Box::new(session), message))
}

/// Why a save cannot be opened, for a player rather than a programmer.
pub fn player_words(e: &SaveError) -> String {
    match e {
        SaveError::Modified { month, date, .. } => format!(
            "it was changed after it was saved (the game no longer matches from month {month}, {date})"
        ),
        SaveError::NeedsVersion { needed, .. } => {
            format!("it needs version {needed} of AI Race")
        }
        SaveError::IllegalDecision { .. } => {
            "it holds a move the rules do not allow, so it was edited or damaged".to_string()
        }
        SaveError::Syntax { line, col, .. } => {
            format!("it is damaged (line {line}, column {col} cannot be read)")
        }
        other => other.to_string(),
    }
}

pub fn render(l: &LoadList, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    put(
        Line::styled(
            fit(&format!("Saved games in {} (newest first)", l.folder), w),
            theme.title(),
        ),
        area,
        0,
        buf,
    );
    if l.saves.is_empty() {
        put(
            Line::styled(
                "No saves yet: press s during a game, and the game saves itself each month.",
                theme.dim(),
            ),
            area,
            2,
            buf,
        );
        return;
    }
    let first = l.sel.saturating_sub(ROWS - 1);
    for (row, (i, listed)) in l
        .saves
        .iter()
        .enumerate()
        .skip(first)
        .take(ROWS)
        .enumerate()
    {
        let selected = i == l.sel;
        let mark = if selected { "▶ " } else { "  " };
        let (text, style) = match &listed.verdict {
            Ok(info) => {
                let s = &info.summary;
                // The month played, as the detail line and every report name it.
                let date = if s.ending.is_some() && s.month > 0 {
                    crate::report::format::label_before(&s.date)
                } else {
                    s.date.clone()
                };
                (
                    format!(
                        "{mark}{} {} {} {:>6}  ✓ verified",
                        fit(&listed.entry.name, 20),
                        fit(&info.scenario, 18),
                        fit(&date, 8),
                        s.score
                    ),
                    if selected {
                        theme.selected()
                    } else {
                        theme.base()
                    },
                )
            }
            Err(_) => (
                format!(
                    "{mark}{} {}  ✗ cannot be opened",
                    fit(&listed.entry.name, 20),
                    fit("", 33)
                ),
                if selected {
                    theme.selected()
                } else {
                    theme.bad()
                },
            ),
        };
        put(
            Line::styled(fit(&text, w), style),
            area,
            2 + row as u16,
            buf,
        );
    }
    let detail = match l.saves.get(l.sel).map(|s| &s.verdict) {
        Some(Ok(info)) => {
            let s = &info.summary;
            let player = info
                .player
                .as_deref()
                .map(|p| format!("{p} · "))
                .unwrap_or_default();
            format!(
                "{player}{} · {} · {} · rank {} · verified by replay",
                info.difficulty,
                crate::report::format::month_of_summary(
                    s.month,
                    &s.date,
                    s.ending.is_some(),
                    info.months
                ),
                s.ending.as_deref().unwrap_or("in progress"),
                s.rank
            )
        }
        Some(Err(e)) => format!("Cannot be opened: {}", player_words(e)),
        None => String::new(),
    };
    let top = 3 + ROWS.min(l.saves.len()) as u16;
    for (i, line) in wrap(&detail, w).iter().take(2).enumerate() {
        put(
            Line::styled(line.as_str(), theme.dim()),
            area,
            top + i as u16,
            buf,
        );
    }
}
