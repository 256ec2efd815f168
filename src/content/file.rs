//! Reading a scenario file from disk safely, and showing its problems with the line they are on.
//!
//! A scenario file may come from anyone, so reading is careful: only regular files (a pipe or
//! a device could block or never end), at most [`MAX_SCENARIO_BYTES`], and valid UTF-8.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::{ContentError, MAX_SCENARIO_BYTES, Problem, load_scenario_text};
use crate::game::data::Content;

/// Reads a scenario file's text, refusing anything that is not a small text file.
pub fn read_scenario_file(path: &Path) -> Result<String, ContentError> {
    let shown = path.display().to_string();
    let fail = |message: String| ContentError::single(&shown, message);
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot open the file: {e}")))?;
    if !meta.is_file() {
        return Err(fail("this is not a regular file".into()));
    }
    if meta.len() > MAX_SCENARIO_BYTES as u64 {
        return Err(fail(format!(
            "the file is {} KiB; a scenario file may be at most {} KiB",
            meta.len().div_ceil(1024),
            MAX_SCENARIO_BYTES / 1024
        )));
    }
    let file = File::open(path).map_err(|e| fail(format!("cannot open the file: {e}")))?;
    // The file may grow between the size check and the read: never read more than the cap.
    let mut bytes = Vec::new();
    file.take(MAX_SCENARIO_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read the file: {e}")))?;
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
        ContentError {
            problems: vec![Problem {
                file: shown.clone(),
                line,
                col,
                message: "this is not plain text (UTF-8); save the file as plain text".into(),
            }],
        }
    })
}

/// Reads and loads a scenario file (`difficulty` as in [`load_scenario_text`]).
pub fn load_scenario_file(path: &Path, difficulty: Option<&str>) -> Result<Content, ContentError> {
    let text = read_scenario_file(path)?;
    load_scenario_text(&path.display().to_string(), &text, difficulty)
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
                .map(|c| if c == '\t' { ' ' } else { c })
                .filter(|c| !c.is_control())
                .take(100)
                .collect();
            out.push_str(&format!("    {source}\n"));
            out.push_str(&format!(
                "    {}^\n",
                " ".repeat(p.col.saturating_sub(1).min(100))
            ));
        }
    }
    out
}
