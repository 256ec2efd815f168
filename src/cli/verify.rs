//! `ai-race verify`: replay saves and say which verify.

use std::path::PathBuf;
use std::process::ExitCode;

use ai_race::save;

/// `ai-race verify`: one line per file; exit 1 if any is not verified.
pub(super) fn verify_command(files: &[PathBuf]) -> ExitCode {
    let mut all_verified = true;
    for file in files {
        let result = save::load_path(file);
        all_verified &= result.as_ref().is_ok_and(save::is_genuine);
        println!("{}", save::file_line(file, &result));
    }
    if all_verified {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
