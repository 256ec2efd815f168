//! The `ai-race` binary: parse the command line, dispatch, map errors to exit codes.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A file-size limit (ulimit -f) would kill the game with SIGXFSZ mid-save; ignored, the
    // write fails instead and the player is told, like a full disk.
    #[cfg(unix)]
    // SAFETY: setting a signal to be ignored, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("ai-race: {message}");
            ExitCode::from(2)
        }
    }
}
