//! Reading a scenario file from disk safely, and showing its problems with the line they are on.
//!
//! A scenario file may come from anyone, so reading is careful: only regular files (a pipe or
//! a device could block or never end), at most [`MAX_SCENARIO_BYTES`], and valid UTF-8.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::{ContentError, MAX_SCENARIO_BYTES, Problem};
use crate::game::data::Content;

/// Reads a scenario file's text, refusing anything that is not a small text file.
///
/// The file is opened once, without blocking (a FIFO would otherwise wait for a writer), and
/// the opened handle is what is checked: a path swapped for a FIFO or a device between a check
/// and an open cannot slip through, because there is no separate check.
pub fn read_scenario_file(path: &Path) -> Result<String, ContentError> {
    let shown = path.display().to_string();
    let fail = |message: String| ContentError::single(&shown, message);
    let file = open_nonblocking(path)
        .map_err(|e| fail(format!("cannot open the file: {}", reason(&e))))?;
    let meta = file
        .metadata()
        .map_err(|e| fail(format!("cannot open the file: {}", reason(&e))))?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "a pipe, device or other special file"
        };
        return Err(fail(format!(
            "this is {what}, not a regular file; give the path of a .ron scenario file"
        )));
    }
    if meta.len() > MAX_SCENARIO_BYTES as u64 {
        return Err(fail(format!(
            "the file is {} KiB; a scenario file may be at most {} KiB",
            meta.len().div_ceil(1024),
            MAX_SCENARIO_BYTES / 1024
        )));
    }
    // The file may grow between the size check and the read: never read more than the cap.
    let mut bytes = Vec::new();
    file.take(MAX_SCENARIO_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read the file: {}", reason(&e))))?;
    if bytes.len() > MAX_SCENARIO_BYTES {
        return Err(fail(format!(
            "the file is larger than {} KiB",
            MAX_SCENARIO_BYTES / 1024
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let (line, col) = super::line_col(&before, before.len());
        ContentError::at(Problem {
            file: shown.clone(),
            line,
            col,
            message: "this is not plain text (UTF-8); save the file as plain text".into(),
        })
    })
}

/// An I/O error in a few plain words (the OS text, made safe to print).
fn reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or_default();
    crate::text::sanitize::terminal(text, 120)
}

/// Opens for reading without blocking on a FIFO. The handle is used only once it is known to
/// be a regular file, for which the non-blocking mode changes nothing.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Reads and loads a scenario file (`difficulty` as in [`load_scenario_text`]).
pub fn load_scenario_file(path: &Path, difficulty: Option<&str>) -> Result<Content, ContentError> {
    let text = read_scenario_file(path)?;
    super::load_scenario_file_text(&path.display().to_string(), &text, difficulty)
}

/// Every problem on its own line; those in `file` followed by the line they are on and a
/// caret under the column, the way a teacher can find them in an editor.
pub fn render_problems(error: &ContentError, file: &str, text: &str) -> String {
    let mut out = String::new();
    for p in &error.problems {
        out.push_str(&p.to_string());
        out.push('\n');
        if p.file != file || p.line == 0 {
            continue;
        }
        if let Some(source) = text.lines().nth(p.line - 1) {
            let source: String = source
                .chars()
                .take(100)
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let source = crate::text::sanitize::terminal(&source, 100);
            out.push_str(&format!("    {source}\n"));
            out.push_str(&format!(
                "    {}^\n",
                " ".repeat(p.col.saturating_sub(1).min(100))
            ));
        }
    }
    out
}
