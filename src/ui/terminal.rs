//! The terminal around the game: raw mode, the alternate screen and mouse capture are switched
//! on for the game and always switched off again: on quit, on an error (the guard's `Drop`) and
//! after a panic (the panic hook), so the player's shell is never left broken.
//!
//! The loop draws, then blocks on the next terminal event: no timer, so no CPU is used while the
//! player thinks.

use std::io::{self, Write};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::app::App;
use super::view;

/// Puts the terminal back the way the shell expects it. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = out.flush();
}

/// Restores the terminal when dropped, whichever way the game loop ends.
struct Guard;

impl Guard {
    fn enter() -> io::Result<Guard> {
        enable_raw_mode()?;
        // From here on a failure must still undo raw mode: the guard exists before the rest.
        let guard = Guard;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores the terminal before the default panic message is printed, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Runs the interface until the player quits.
pub fn run(mut app: App) -> io::Result<()> {
    install_panic_hook();
    let _guard = Guard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    while !app.quit {
        terminal.draw(|frame| view::draw(frame, &app))?;
        // Blocks until a key, a click or a resize: zero CPU while idle.
        let event = crossterm::event::read()?;
        app.handle(event);
    }
    Ok(())
}
