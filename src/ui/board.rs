//! `ai-race class DIR`: the teacher's live board on the terminal. It draws the board's model
//! (`report::board`), whose folder is rescanned once a second on another thread
//! (`report::watch`); it redraws only when a key arrives or the folder changed.

use std::io;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::terminal::{self, Options};
use super::theme::Theme;
use super::widgets::{Series, fit, put, race_chart, wrap};
use crate::report::board::Board;
use crate::report::class::Group;
use crate::report::watch::Watch;

/// How often the folder is listed again: a new save shows within this (plus its replay).
pub const SCAN_EVERY: Duration = Duration::from_secs(1);

/// Rows of the ranking table at the smallest screen; the race chart takes the rest.
const TABLE_MIN_ROWS: u16 = 8;
/// From this width the chart sits beside the table, which then takes the whole height.
const SIDE_BY_SIDE: u16 = 140;
/// The table's width beside the chart.
const TABLE_WIDTH: u16 = 78;
/// Classes up to this size chart every student; bigger ones the best three, the selected
/// student and the class's median and quartiles (forty letters are a blob).
const CHART_EVERY_STUDENT: usize = 8;

/// The board on screen: the model and what the teacher is looking at.
#[derive(Debug)]
pub struct BoardView {
    pub board: Board,
    pub theme: Theme,
    /// The world (group) shown, by index into the report's groups.
    pub world: usize,
    /// The selected row of the table: ranked students first, then the flagged files.
    pub selected: usize,
    pub help: bool,
    pub quit: bool,
    /// The status line: when the folder last changed (the clock is the caller's).
    pub status: String,
}

impl BoardView {
    pub fn new(board: Board, theme: Theme) -> BoardView {
        BoardView {
            board,
            theme,
            world: 0,
            selected: 0,
            help: false,
            quit: false,
            status: String::new(),
        }
    }

    fn group(&self) -> Option<&Group> {
        self.board.report.groups.get(self.world)
    }

    /// Rows in the table: the world's ranked students, then every flagged file.
    fn rows(&self) -> usize {
        self.group().map_or(0, |g| g.entries.len()) + self.board.report.failed.len()
    }

    /// Keeps the selection and the world inside what the folder now holds.
    pub fn clamp(&mut self) {
        let worlds = self.board.report.groups.len();
        self.world = self.world.min(worlds.saturating_sub(1));
        self.selected = self.selected.min(self.rows().saturating_sub(1));
    }

    /// Applies a key; returns whether the screen changes.
    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) -> bool {
        if self.help {
            self.help = false;
            return true;
        }
        match code {
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            KeyCode::Char('c') if modifiers.contains(KeyModifiers::CONTROL) => self.quit = true,
            KeyCode::Char('?') | KeyCode::F(1) => self.help = true,
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.selected += 1,
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::PageDown => self.selected += 10,
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = usize::MAX,
            KeyCode::Left | KeyCode::Char('h') => {
                self.world = self.world.saturating_sub(1);
                self.selected = 0;
            }
            KeyCode::Right | KeyCode::Char('l') => {
                self.world += 1;
                self.selected = 0;
            }
            _ => return false,
        }
        self.clamp();
        true
    }
}

/// How often the interface looks for a finished scan while no key arrives.
const PICK_UP_EVERY: Duration = Duration::from_millis(100);

/// Opens the board on the terminal and runs it until the teacher quits. The folder is scanned
/// (and new saves verified) on another thread, so keys are answered while a scan works.
pub fn run(mut view: BoardView, options: Options) -> io::Result<()> {
    let options = Options {
        mouse: false,
        ..options
    };
    let shown = view.board.shown();
    let watch = Watch::start(std::mem::replace(&mut view.board, shown), SCAN_EVERY)?;
    view.status = "reading the folder…".to_string();
    terminal::with_screen(options, |terminal| {
        let mut dirty = true;
        while !view.quit {
            if let Some(board) = watch.latest() {
                view.board = board;
                view.status = format!("last change seen at {}", clock());
                view.clamp();
                dirty = true;
            }
            if dirty {
                terminal.draw(|frame| {
                    let area = frame.area();
                    render(&view, area, frame.buffer_mut());
                })?;
                dirty = false;
            }
            // Sleeps in the poll until a key, or a moment to pick up a scan's result.
            if event::poll(PICK_UP_EVERY)? {
                match event::read()? {
                    Event::Key(k) if k.kind != KeyEventKind::Release => {
                        dirty |= view.key(k.code, k.modifiers);
                    }
                    Event::Resize(..) => dirty = true,
                    _ => {}
                }
            }
        }
        Ok(())
    })
}

/// The time of day (UTC), for the status line.
fn clock() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        % 86_400;
    format!(
        "{:02}:{:02}:{:02} UTC",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Draws the whole board.
pub fn render(view: &BoardView, area: Rect, buf: &mut Buffer) {
    let theme = &view.theme;
    buf.set_style(area, theme.base());
    if area.width < 20 || area.height < 8 {
        put(Line::from("Enlarge the window."), area, 0, buf);
        return;
    }
    let report = &view.board.report;
    let ranked: usize = report.groups.iter().map(|g| g.entries.len()).sum();
    let marked = report
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .filter(|e| !e.flags.is_empty())
        .count();
    let mut counts = format!("{ranked} ranked · {} flagged", report.failed.len());
    if marked > 0 {
        // Ranked saves marked for the teacher to check (a copy, a near-copy, a fork).
        counts.push_str(&format!(" · {marked} ⚠ to check"));
    }
    let dir = crate::save::sanitize(&view.board.dir().display().to_string(), 60);
    let title = format!("AI Race · class board · {dir}");
    let w = usize::from(area.width);
    let head = fit(&title, w.saturating_sub(counts.chars().count() + 1));
    put(
        Line::from(vec![
            Span::styled(head, theme.title()),
            Span::raw(" "),
            Span::styled(counts, theme.dim()),
        ]),
        area,
        0,
        buf,
    );
    put(world_line(view), area, 1, buf);
    let body_h = area.height.saturating_sub(4);
    if area.width >= SIDE_BY_SIDE {
        // A wide screen: the table takes the whole height (forty rows at 160x45), the chart
        // sits beside it.
        let table_w = TABLE_WIDTH.min(area.width / 2);
        let table = Rect {
            x: area.x,
            y: area.y + 2,
            width: table_w,
            height: body_h,
        };
        draw_table(view, table, buf);
        let chart = Rect {
            x: area.x + table_w + 1,
            y: area.y + 2,
            width: area.width - table_w - 1,
            height: body_h,
        };
        draw_chart(view, chart, buf);
    } else {
        let chart_h = if body_h >= TABLE_MIN_ROWS + 8 {
            body_h - TABLE_MIN_ROWS.max(body_h / 2)
        } else {
            0
        };
        let table = Rect {
            x: area.x,
            y: area.y + 2,
            width: area.width,
            height: body_h - chart_h,
        };
        draw_table(view, table, buf);
        if chart_h > 0 {
            let chart = Rect {
                x: area.x,
                y: table.y + table.height,
                width: area.width,
                height: chart_h,
            };
            draw_chart(view, chart, buf);
        }
    }
    let status = match &view.board.problem {
        Some(p) => Line::from(Span::styled(fit(p, w), theme.bad())),
        None => Line::from(Span::styled(
            fit(
                &format!(
                    "Watching every {} s, read only · {} saves verified · {} older saves · {}",
                    SCAN_EVERY.as_secs(),
                    view.board.verified,
                    view.board.superseded,
                    view.status
                ),
                w,
            ),
            theme.dim(),
        )),
    };
    put(status, area, area.height - 2, buf);
    let keys = [
        ("q", "quit"),
        ("↑↓", "scroll"),
        ("PgUp PgDn", "page"),
        ("Home End", "first, last"),
        ("←→", "world"),
        ("?", "help"),
    ];
    let footer: Vec<Span> = keys
        .iter()
        .flat_map(|(k, what)| {
            [
                Span::styled(*k, theme.key()),
                Span::styled(format!(" {what}  "), theme.dim()),
            ]
        })
        .collect();
    put(Line::from(footer), area, area.height - 1, buf);
    if view.help {
        draw_help(theme, area, buf);
    }
    if theme.ascii {
        super::symbols::to_ascii(buf);
    }
}

/// The world shown: scenario, difficulty, seed, fingerprint, and which of how many.
fn world_line(view: &BoardView) -> Line<'static> {
    let theme = &view.theme;
    let groups = &view.board.report.groups;
    let Some(g) = view.group() else {
        let text = if view.board.report.failed.is_empty() {
            "No saves yet: the board fills in as students save (autosaves count)."
        } else {
            "No save can be ranked yet."
        };
        return Line::from(Span::styled(text, theme.dim()));
    };
    let variant = if g.variant > 0 {
        format!(" (variant {})", g.variant)
    } else {
        String::new()
    };
    Line::from(vec![
        Span::styled(
            format!("World {}/{}: ", view.world + 1, groups.len()),
            theme.dim(),
        ),
        Span::styled(
            format!("{}{variant}, {}", g.scenario_name, g.difficulty),
            theme.title(),
        ),
        Span::styled(" · code ", theme.dim()),
        Span::styled(g.code(), theme.key()),
        Span::styled(format!(" · seed {}", g.seed), theme.dim()),
    ])
}

/// The ranking of the world shown, then the flagged files, scrolled to the selection.
fn draw_table(view: &BoardView, area: Rect, buf: &mut Buffer) {
    let theme = &view.theme;
    let w = usize::from(area.width);
    // rank 3, player, month, score 7, ending
    let name_w = w.saturating_sub(3 + 1 + 11 + 1 + 7 + 2 + 22).clamp(8, 30);
    let header = format!(
        "{:>3} {} {} {:>7}  {}",
        "#",
        fit("player", name_w),
        fit("month", 11),
        "score",
        "ending"
    );
    put(
        Line::from(Span::styled(fit(&header, w), theme.dim())),
        area,
        0,
        buf,
    );
    let entries = view.group().map_or(&[][..], |g| &g.entries[..]);
    let total = entries.len() + view.board.report.failed.len();
    let failed = &view.board.report.failed;
    // A selected flagged file's whole reason (or a marked save's first mark), under the list:
    // its row is cut to the width.
    let marked = entries
        .get(view.selected)
        .and_then(|e| e.flags.first().map(|f| format!("{}: {f}", e.file)));
    let detail: Vec<String> = view
        .selected
        .checked_sub(entries.len())
        .and_then(|i| failed.get(i))
        .map(|f| format!("{}: {}", f.file, f.reason))
        .or(marked)
        .map(|text| wrap(&text, w.saturating_sub(4)))
        .unwrap_or_default()
        .into_iter()
        .take(usize::from(area.height.saturating_sub(3)).min(3))
        .collect();
    let visible = usize::from(area.height.saturating_sub(1)).saturating_sub(detail.len());
    if visible == 0 {
        return;
    }
    for (i, line) in detail.iter().enumerate() {
        let y = area.height - (detail.len() - i) as u16;
        put(
            Line::from(Span::styled(format!("    {line}"), theme.bad())),
            area,
            y,
            buf,
        );
    }
    let top = view.selected.saturating_sub(visible - 1);
    if total > visible {
        // Not every row fits: say which are shown, at the header's right end.
        let at = format!(
            " rows {}-{} of {total} ",
            top + 1,
            (top + visible).min(total)
        );
        let x = w.saturating_sub(at.chars().count());
        buf.set_string(area.x + x as u16, area.y, at, theme.key());
    }
    for row in 0..visible {
        let i = top + row;
        let line = if let Some(e) = entries.get(i) {
            let text = format!(
                "{:>3} {} {} {:>7}  {}",
                e.rank_label(),
                fit(
                    &if e.flags.is_empty() {
                        e.player.clone()
                    } else {
                        format!("⚠ {}", e.player)
                    },
                    name_w
                ),
                fit(&format!("{:>2} {}", e.month, e.date), 11),
                e.score,
                e.ending
            );
            let style = if e.rank == 1 && !e.reference {
                theme.good()
            } else {
                Style::new()
            };
            Line::from(Span::styled(fit(&text, w), style))
        } else if let Some(f) = failed.get(i - entries.len()) {
            // A duplicate is harmless: its own mark, and not in the colour of a forgery.
            let kind = f.kind();
            let text = format!("  {} {}: {}", kind.mark(), f.file, f.reason);
            let style = if kind == crate::report::class::FailedKind::Duplicate {
                theme.dim()
            } else {
                theme.bad()
            };
            Line::from(Span::styled(fit(&text, w), style))
        } else {
            break;
        };
        let line = if i == view.selected {
            line.patch_style(theme.selected())
        } else {
            line
        };
        put(line, area, 1 + row as u16, buf);
    }
}

/// The race in the world shown: for a small class every student's progress by month, the
/// selected student first so their letter is never hidden; for a bigger one the selected
/// student, the best three and the class's median and quartiles, so the chart and its legend
/// stay readable with forty students. Reference games are never counted in the class's lines.
fn draw_chart(view: &BoardView, area: Rect, buf: &mut Buffer) {
    let Some(g) = view.group() else {
        return;
    };
    let theme = &view.theme;
    let races = &view.board.races;
    let months = g
        .entries
        .iter()
        .filter_map(|e| races.get(&e.file))
        .map(|r| usize::from(r.months))
        .max()
        .unwrap_or(1);
    let points = |i: usize| -> Vec<(usize, i32)> {
        races.get(&g.entries[i].file).map_or_else(Vec::new, |r| {
            r.progress
                .iter()
                .enumerate()
                .map(|(m, p)| (m + 1, i32::try_from(p * 100).unwrap_or(i32::MAX)))
                .collect()
        })
    };
    let name = |i: usize| crate::save::sanitize(&g.entries[i].player, 12);
    // Beside forty students the legend holds six names: each a little shorter.
    let short = |i: usize| {
        let name = crate::save::sanitize(&g.entries[i].player, 40);
        fit(&name, 10).trim_end().to_string()
    };
    let selected = (view.selected < g.entries.len()).then_some(view.selected);
    let students: Vec<usize> = (0..g.entries.len())
        .filter(|&i| !g.entries[i].reference)
        .collect();
    let series: Vec<Series> = if students.len() <= CHART_EVERY_STUDENT {
        let marker = |i: usize| -> char {
            let symbols = "123456789ABCDEFGHJKMNPQRSTVWXYZ";
            symbols.chars().nth(i).unwrap_or('+')
        };
        let mut order: Vec<usize> = (0..g.entries.len()).collect();
        if let Some(s) = selected {
            order.retain(|&i| i != s);
            order.insert(0, s);
        }
        order
            .into_iter()
            .map(|i| Series {
                marker: marker(i),
                name: name(i),
                style: if Some(i) == selected {
                    theme.player()
                } else {
                    theme.lab(1 + i % 5)
                },
                points: points(i),
            })
            .collect()
    } else {
        let mut out = Vec::new();
        if let Some(i) = selected {
            out.push(Series {
                marker: '*',
                name: short(i),
                style: theme.player(),
                points: points(i),
            });
        }
        for (k, &i) in students.iter().take(3).enumerate() {
            if Some(i) != selected {
                out.push(Series {
                    marker: char::from(b'1' + k as u8),
                    name: short(i),
                    style: theme.lab(1 + k),
                    points: points(i),
                });
            }
        }
        let class: Vec<&[i64]> = students
            .iter()
            .filter_map(|&i| races.get(&g.entries[i].file))
            .map(|r| &r.progress[..])
            .collect();
        for (marker, what, pct) in [('M', "median", 50), ('^', "75%", 75), ('v', "25%", 25)] {
            let points = (0..months)
                .map_while(|m| quantile(&class, m, pct))
                .enumerate()
                .map(|(m, p)| (m + 1, i32::try_from(p * 100).unwrap_or(i32::MAX)))
                .collect();
            out.push(Series {
                marker,
                name: what.to_string(),
                style: if pct == 50 {
                    theme.title()
                } else {
                    theme.dim()
                },
                points,
            });
        }
        out
    };
    race_chart(
        &series,
        months,
        ("month 1", &format!("month {months}")),
        &[],
        theme,
        area,
        buf,
    );
}

/// The `pct` quantile (nearest rank) of the class's progress at month index `m`, over the
/// games that lasted that long; `None` when fewer than a quarter of them did.
fn quantile(class: &[&[i64]], m: usize, pct: usize) -> Option<i64> {
    let mut values: Vec<i64> = class.iter().filter_map(|p| p.get(m).copied()).collect();
    if values.is_empty() || values.len() * 4 < class.len() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(values[((pct * n).div_ceil(100)).clamp(1, n) - 1])
}

/// The keys and what the board shows.
fn draw_help(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = area.width.min(70);
    let h = area.height.min(20);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(r, buf);
    let text = vec![
        Line::from(Span::styled("The class board", theme.title())),
        Line::from(
            "Every save in the folder, verified by replay like `ai-race report`, ranked \
             within its world. Autosaves count: each game shows once, at its newest month.",
        ),
        Line::from(
            "Files not ranked, with why: ✗ modified after saving (forged), ! broken or \
             scripted, = a duplicate of a ranked game (harmless).",
        ),
        Line::from(
            "The chart: each student's progress by month (a class of more than eight: the \
             best three, the selected student *, the class median M, and ^ v the progress \
             that 75% and 25% of the class reached).",
        ),
        Line::from(""),
        Line::from("↑ ↓  PgUp PgDn  Home End  select a student or a flagged file"),
        Line::from("← →  the next world (scenario, difficulty and seed)"),
        Line::from("q    quit              ?  this help"),
        Line::from(""),
        Line::from(Span::styled(
            "The folder is read every second and never written to.",
            theme.dim(),
        )),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border())
                .title(" help · any key closes "),
        )
        .style(theme.base())
        .render(r, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_scroll_within_the_rows_and_q_quits() {
        let dir = tempfile::tempdir().expect("temp");
        let mut view = BoardView::new(Board::new(dir.path()), Theme::new(false));
        view.board.refresh();
        assert!(view.key(KeyCode::Down, KeyModifiers::NONE));
        assert_eq!(view.selected, 0, "nothing to scroll to in an empty folder");
        view.key(KeyCode::Char('?'), KeyModifiers::NONE);
        assert!(view.help);
        view.key(KeyCode::Char('x'), KeyModifiers::NONE);
        assert!(!view.help, "any key closes the help");
        view.key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(view.quit);
    }
}
