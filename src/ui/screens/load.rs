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
    /// A file path being typed (the last row, "open another file", was chosen).
    pub path: Option<String>,
    /// The month being chosen for a what-if fork of the selected save.
    pub fork: Option<ForkPick>,
}

/// The month chooser of a what-if fork: the month (1 = the first) and the latest allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForkPick {
    pub month: u16,
    pub last: u16,
}

impl ForkPick {
    /// The chooser for a verified save: from 1 to the month it is in (or ended in), starting
    /// at that month.
    pub fn of(info: &save::SaveInfo) -> ForkPick {
        let s = &info.summary;
        let last = if s.ending.is_some() {
            s.month.max(1)
        } else {
            s.month.saturating_add(1)
        };
        ForkPick { month: last, last }
    }

    /// One month earlier or later, within 1 to the last.
    pub fn step(&mut self, by: i32) {
        let m = (i32::from(self.month) + by).clamp(1, i32::from(self.last.max(1)));
        self.month = u16::try_from(m).unwrap_or(1);
    }

    /// A digit typed: the month is typed like a number, and a digit that would pass the last
    /// month starts a new number.
    pub fn type_digit(&mut self, d: u32) {
        let grown = u32::from(self.month) * 10 + d;
        let m = if (1..=u32::from(self.last)).contains(&grown) {
            grown
        } else {
            d
        };
        self.month = u16::try_from(m.clamp(1, u32::from(self.last.max(1)))).unwrap_or(1);
    }
}

impl LoadList {
    /// Lists and verifies every save in the folder.
    pub fn read(store: &Store) -> LoadList {
        LoadList {
            saves: store.list(),
            sel: 0,
            folder: save::sanitize(&store.dir().display().to_string(), 50),
            path: None,
            fork: None,
        }
    }

    /// Rows of the list: every save, then "open another file".
    pub fn rows(&self) -> usize {
        self.saves.len() + 1
    }

    /// Whether the selected row is "open another file".
    pub fn on_path_row(&self) -> bool {
        self.sel == self.saves.len()
    }
}

/// Longest path the field takes (characters).
const MAX_PATH: usize = 400;

impl LoadList {
    /// Adds a typed character to the path being typed.
    pub fn type_char(&mut self, c: char) {
        if let Some(p) = &mut self.path
            && !c.is_control()
            && p.chars().count() < MAX_PATH
        {
            p.push(c);
        }
    }
}

/// Opens a save file by its path, anywhere on the disk (checked and replayed like any other).
pub fn open_path(typed: &str) -> Result<(Box<Session>, String), String> {
    let trimmed = typed.trim();
    let path = std::path::Path::new(trimmed);
    let shown = save::sanitize(trimmed, 80);
    if trimmed.is_empty() {
        return Err("type the path of a save file, like /home/ada/saves/week-3.ron".into());
    }
    let entry = SaveEntry {
        path: path.to_path_buf(),
        name: shown,
        modified: std::time::SystemTime::UNIX_EPOCH,
        autosave: true,
    };
    open(&entry)
}

pub fn hints(l: &LoadList) -> Vec<Hint> {
    if l.path.is_some() {
        return vec![
            hint(Action::Choose, "open the file"),
            hint(Action::Erase, "erase"),
            hint(Action::Back, "cancel"),
            hint(Action::Type, "type the path"),
        ];
    }
    if l.fork.is_some() {
        return vec![
            hint(Action::Left, "month"),
            hint(Action::Right, "month"),
            hint(Action::Digit, "type the month"),
            hint(Action::Choose, "fork here"),
            hint(Action::Back, "cancel"),
        ];
    }
    let mut h = vec![
        hint(Action::Up, "move"),
        hint(Action::Down, "move"),
        hint(Action::Choose, "open"),
    ];
    if l.saves.get(l.sel).is_some_and(|s| s.verdict.is_ok()) {
        h.push(hint(Action::Fork, "what-if from a month"));
        h.push(hint(Action::Ghost, "race it as a ghost"));
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

/// A what-if fork of a save at `month`: verified by replay, then its decisions before that
/// month replayed into a new game in the same world.
pub fn fork(entry: &SaveEntry, month: u16) -> Result<(Box<Session>, String), String> {
    let cannot = |why: String| format!("{} cannot be forked: {why}", entry.name);
    let verified = save::load_path(&entry.path).map_err(|e| cannot(player_words(&e)))?;
    let stem = (!entry.autosave).then_some(entry.name.as_str());
    let session = Session::fork_of(&verified, u32::from(month), stem).map_err(cannot)?;
    let message = format!(
        "What if? {} from the start of month {month}: the decisions before it are replayed; \
         now decide otherwise.",
        entry.name
    );
    Ok((Box::new(session), message))
}

/// A new game in the world of a save, raced against it as a ghost.
pub fn ghost(entry: &SaveEntry) -> Result<(Box<Session>, String), String> {
    let cannot = |why: String| format!("{} cannot be raced: {why}", entry.name);
    let verified = save::load_path(&entry.path).map_err(|e| cannot(player_words(&e)))?;
    let session = super::super::ghost::session(&verified).map_err(cannot)?;
    let who = session
        .ghost
        .as_ref()
        .map_or_else(String::new, super::super::ghost::Ghost::label);
    let message = format!("A race against {who}: its progress is the @ line on the chart.");
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
    let path_y = 3 + ROWS.min(l.saves.len()) as u16;
    let path_row = match &l.path {
        Some(p) => format!("▶ Path: {p}▏"),
        None if l.on_path_row() => "▶ Open another file (type its path)".to_string(),
        None => "  Open another file (type its path)".to_string(),
    };
    let path_style = if l.on_path_row() {
        theme.selected()
    } else {
        theme.base()
    };
    // The end of a long path stays visible: it is where the typing happens.
    let shown = if super::super::widgets::cols(&path_row) > w {
        let skip = path_row.chars().count().saturating_sub(w.saturating_sub(1));
        format!("…{}", path_row.chars().skip(skip + 1).collect::<String>())
    } else {
        path_row
    };
    put(Line::styled(fit(&shown, w), path_style), area, path_y, buf);
    if l.saves.is_empty() {
        put(
            Line::styled(
                "No saves here yet: press s during a game, and the game saves itself each month.",
                theme.dim(),
            ),
            area,
            2,
            buf,
        );
        return;
    }
    let first = l.sel.min(l.saves.len() - 1).saturating_sub(ROWS - 1);
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
        Some(Ok(_)) if l.fork.is_some() => {
            let pick = l.fork.unwrap_or(ForkPick { month: 1, last: 1 });
            format!(
                "What if? Replay this save up to the start of month {} of {} and decide \
                 otherwise from there (←/→ or type the month, Enter forks, Esc cancels).",
                pick.month, pick.last
            )
        }
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
    let top = path_y + 2;
    for (i, line) in wrap(&detail, w).iter().take(2).enumerate() {
        put(
            Line::styled(line.as_str(), theme.dim()),
            area,
            top + i as u16,
            buf,
        );
    }
}
