//! The `ai-race` binary: parse the command line, dispatch, map errors to exit codes (0 done,
//! 1 a result that failed, 2 a usage mistake).

mod cli;

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    // A file-size limit (ulimit -f) would kill the game with SIGXFSZ mid-save; ignored, the
    // write fails instead and the player is told, like a full disk.
    #[cfg(unix)]
    // SAFETY: setting a signal to be ignored, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    // Output into a pipe (`ai-race report DIR | head`) ends quietly when the reader stops, as
    // every Unix tool does, instead of a panic on the failed print. A terminal keeps the
    // default of a failed write, so the game itself is never killed by it.
    #[cfg(unix)]
    // SAFETY: a query of standard output and a signal disposition, before any other thread.
    unsafe {
        if libc::isatty(libc::STDOUT_FILENO) == 0 {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
    }
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        // A bad value gets one line naming it and what is accepted; other mistakes (a missing
        // argument, an unknown flag) keep clap's usage text; help and version print as usual.
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::ValueValidation | ErrorKind::InvalidValue
            ) =>
        {
            let text = e.render().to_string();
            // The first paragraph (the value and, for a fixed list, the choices) on one line.
            let first: Vec<&str> = text
                .lines()
                .take_while(|l| !l.is_empty())
                .map(str::trim)
                .collect();
            eprintln!("ai-race: {}", first.join(" ").trim_start_matches("error: "));
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    match cli::run(args) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("ai-race: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
