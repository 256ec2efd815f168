//! The floor the game's start-up is measured against: the least a ratatui and crossterm
//! program does to show one frame (raw mode, the alternate screen, one bordered paragraph),
//! then it waits for a key and restores the terminal. `benches/first_frame.py` times the
//! moment its first frame reaches the terminal beside the game's, and the memory it uses then.
//!
//! Run with `cargo run --release --example floor`.

use std::io;

use crossterm::event::{self, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::widgets::{Block, Borders, Paragraph};

fn main() -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
    terminal.draw(|frame| {
        let text = Paragraph::new(" AI RACE  the floor: one frame, then any key quits")
            .block(Block::default().borders(Borders::ALL));
        frame.render_widget(text, frame.area());
    })?;
    loop {
        if let Event::Key(k) = event::read()?
            && k.kind != KeyEventKind::Release
        {
            break;
        }
    }
    disable_raw_mode()?;
    execute!(terminal.backend_mut(), LeaveAlternateScreen)?;
    Ok(())
}
