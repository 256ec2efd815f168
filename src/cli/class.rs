//! `ai-race class`: the live class board.

use std::path::Path;
use std::process::ExitCode;

use ai_race::save;
use ai_race::ui;

use super::{Failure, need_terminal};

/// `ai-race class DIR`: the live board, on a terminal only.
pub(super) fn class_command(
    dir: &Path,
    (theme, options): (ui::Theme, ui::terminal::Options),
) -> Result<ExitCode, Failure> {
    need_terminal()?;
    if !dir.is_dir() {
        return Err(Failure::usage(format!(
            "'{}' is not a folder; give the class's shared saves folder",
            save::sanitize(&dir.display().to_string(), 120)
        )));
    }
    let view = ui::board::BoardView::new(ai_race::report::board::Board::new(dir), theme);
    ui::board::run(view, options).map_err(|e| format!("the class board stopped: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
