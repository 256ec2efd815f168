//! The `ai-race` binary: parse the command line, dispatch, map errors to exit codes.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("ai-race: {message}");
            ExitCode::from(2)
        }
    }
}
