//! The `broadsheet` command: parse arguments, run, print the summary or the error, exit
//! with the code the README documents. Everything else is in the library
//! (`broadsheet::commands`).

mod allocator;

use clap::Parser;
use std::process::ExitCode;

/// The analysis makes millions of small short-lived allocations (names, folded words, map
/// keys); mimalloc serves them at about a third of the system allocator's cost.
#[global_allocator]
static ALLOC: allocator::Allocator = allocator::Allocator;

fn main() -> ExitCode {
    let cli = broadsheet::config::Cli::parse();
    let quiet = cli.quiet();
    let timings = cli.timings();
    let outcome = broadsheet::commands::execute(cli);
    match outcome {
        Ok(summary) => {
            if !quiet {
                eprintln!("broadsheet: {}", summary.line());
            }
            if timings {
                eprintln!("broadsheet: timings: {}", summary.timings_line());
            }
            if let Some(message) = summary.no_articles_message() {
                eprintln!("broadsheet: error: {message}");
            }
            ExitCode::from(summary.exit_code())
        }
        Err(e) => {
            eprintln!("broadsheet: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
