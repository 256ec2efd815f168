//! The terminal around the game: raw mode, the alternate screen and mouse clicks are switched
//! on for the game and always switched off again: on quit, on an error (the guard's `Drop`) and
//! after a panic (the panic hook), so the player's shell is never left broken.
//!
//! Nothing here asks the terminal where its cursor is (a terminal that does not answer would
//! stall the start for seconds): the screen is cleared with a plain escape code instead of
//! ratatui's `Terminal::clear`, which reads the cursor position to restore it.
//!
//! The loop draws, then blocks on the next terminal event: no timer, so no CPU is used while the
//! player thinks.

use std::io::{self, IsTerminal, Write};

use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::app::App;
use super::theme::{Palette, palette_for_background};
use super::view;

/// Mouse reporting for clicks and the wheel only (X10/normal tracking, mode 1000) in SGR
/// encoding (1006). Crossterm's `EnableMouseCapture` also turns on motion tracking (1002,
/// 1003), which stops players from selecting text with the mouse.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// How the terminal is set up for a game.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Report mouse clicks and the wheel.
    pub mouse: bool,
    /// Ask the terminal for its background colour and pick the dark or light palette.
    pub detect_background: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            mouse: true,
            detect_background: false,
        }
    }
}

/// Why the interface cannot start here: standard input or output is not a terminal. The
/// answer is one line, naming what to run instead.
pub fn not_a_terminal() -> Option<String> {
    let which = match (io::stdin().is_terminal(), io::stdout().is_terminal()) {
        (true, true) => return None,
        (false, false) => "standard input and output are not a terminal",
        (false, true) => "standard input is not a terminal",
        (true, false) => "standard output is not a terminal",
    };
    Some(format!(
        "the game needs a terminal, but {which} (a file or a pipe): run ai-race in a terminal \
         window, or play in plain text with ai-race play --plain (one command a line, for a \
         screen reader or a script), or use ai-race sim, verify, report or debrief"
    ))
}

/// Puts the terminal back the way the shell expects it. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = out.write_all(MOUSE_OFF.as_bytes());
    let _ = execute!(out, LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = out.flush();
}

/// Restores the terminal when dropped, whichever way the game loop ends.
struct Guard;

impl Guard {
    fn enter(options: Options) -> io::Result<Guard> {
        enable_raw_mode()?;
        // From here on a failure must still undo raw mode: the guard exists before the rest.
        let guard = Guard;
        let mut out = io::stdout();
        execute!(out, EnterAlternateScreen, Clear(ClearType::All))?;
        if options.mouse {
            out.write_all(MOUSE_ON.as_bytes())?;
            out.flush()?;
        }
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
pub fn run(mut app: App, options: Options) -> io::Result<()> {
    if let Some(why) = not_a_terminal() {
        return Err(io::Error::other(why));
    }
    install_panic_hook();
    let guard = Guard::enter(options)?;
    if options.detect_background {
        app.theme.palette = background::query()
            .map(palette_for_background)
            .unwrap_or(Palette::Terminal);
    }
    // `Terminal::new` with the full-screen viewport only asks for the size; its buffers start
    // blank, matching the screen cleared above.
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    // Month ends autosave on their own thread (written at once if it cannot start).
    app.writer = crate::save::Writer::start().ok();
    let played = play(&mut terminal, &mut app);
    // Quitting waits for an autosave being written; a failure is told once the screen is back.
    let failed = app.finish_writes();
    drop(guard);
    for e in failed {
        eprintln!("✗ Autosave failed: {e}");
    }
    played
}

fn play(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>, app: &mut App) -> io::Result<()> {
    while !app.quit {
        app.collect_writes();
        terminal.draw(|frame| view::draw(frame, app))?;
        let writing = app.writer.as_ref().is_some_and(crate::save::Writer::busy);
        // While an autosave is written, look again soon to tell if it failed; otherwise block
        // until a key, a click or a resize: zero CPU while idle.
        if writing && !crossterm::event::poll(WRITE_CHECK_EVERY)? {
            continue;
        }
        let event = crossterm::event::read()?;
        app.handle(event);
    }
    Ok(())
}

/// How often the screen looks for the outcome of an autosave being written.
const WRITE_CHECK_EVERY: std::time::Duration = std::time::Duration::from_millis(50);

/// Runs another full-screen view (the class board) with the game's terminal setup: the same
/// checks, raw mode and alternate screen, and the same restore on every way out.
pub fn with_screen<T>(
    options: Options,
    body: impl FnOnce(&mut Terminal<CrosstermBackend<io::Stdout>>) -> io::Result<T>,
) -> io::Result<T> {
    if let Some(why) = not_a_terminal() {
        return Err(io::Error::other(why));
    }
    install_panic_hook();
    let _guard = Guard::enter(options)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    body(&mut terminal)
}

/// Asking the terminal for its background colour (OSC 11), for `--theme auto`.
mod background {
    /// The background as RGB, or `None` if the terminal did not say within a short wait.
    #[cfg(unix)]
    pub fn query() -> Option<(u8, u8, u8)> {
        use std::io::Write;
        use std::time::{Duration, Instant};
        // The colour query, then "who are you" (DA1), which every terminal answers: when the
        // DA1 answer comes first the terminal does not know OSC 11 and we stop waiting at once.
        let mut out = std::io::stdout();
        out.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
        out.flush().ok()?;
        let deadline = Instant::now() + Duration::from_millis(200);
        let mut got = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || !readable(left) {
                break;
            }
            let mut chunk = [0u8; 256];
            // SAFETY: reading into a local buffer of the length given, from standard input.
            let n = unsafe { libc::read(0, chunk.as_mut_ptr().cast(), chunk.len()) };
            if n <= 0 {
                break;
            }
            got.extend_from_slice(&chunk[..n as usize]);
            if da1_done(&got) {
                break;
            }
        }
        parse_osc11(&got)
    }

    #[cfg(not(unix))]
    pub fn query() -> Option<(u8, u8, u8)> {
        None
    }

    /// Whether standard input has bytes to read within `wait`.
    #[cfg(unix)]
    fn readable(wait: std::time::Duration) -> bool {
        let mut fd = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX).max(1);
        // SAFETY: one valid pollfd for the call's duration.
        unsafe { libc::poll(&mut fd, 1, ms) > 0 }
    }

    /// Whether the bytes end with the terminal's DA1 answer (`ESC [ ? ... c`).
    fn da1_done(bytes: &[u8]) -> bool {
        let Some(start) = bytes.windows(3).rposition(|w| w == b"\x1b[?") else {
            return false;
        };
        bytes[start..].contains(&b'c')
    }

    /// The colour in an OSC 11 answer: `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` (1 to 4 hex digits a
    /// channel), ended by BEL or ST.
    pub fn parse_osc11(bytes: &[u8]) -> Option<(u8, u8, u8)> {
        let text = String::from_utf8_lossy(bytes);
        let at = text.find("]11;rgb:")?;
        let rest = &text[at + 8..];
        let end = rest
            .find(|c: char| !(c.is_ascii_hexdigit() || c == '/'))
            .unwrap_or(rest.len());
        let mut parts = rest[..end].split('/').map(|h| {
            let v = u32::from_str_radix(h, 16).ok()?;
            let max = (1u32 << (4 * h.len().clamp(1, 4))) - 1;
            u8::try_from(v * 255 / max).ok()
        });
        Some((parts.next()??, parts.next()??, parts.next()??))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn an_osc11_answer_gives_the_background() {
            let answer = b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c";
            assert_eq!(parse_osc11(answer), Some((255, 255, 255)));
            assert!(da1_done(answer));
            assert_eq!(
                parse_osc11(b"\x1b]11;rgb:28/2c/34\x07"),
                Some((0x28, 0x2c, 0x34))
            );
            assert_eq!(parse_osc11(b"\x1b[?1;2c"), None);
            assert!(!da1_done(b"\x1b]11;rgb:0/0/0"));
        }
    }
}
