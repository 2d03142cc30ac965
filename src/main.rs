//! The `broadsheet` command: parse arguments, run, map the outcome to an exit code.

use clap::Parser;
use std::process::ExitCode;

/// The analysis makes millions of small short-lived allocations (names, folded words, map
/// keys); mimalloc serves them at about a third of the system allocator's cost.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = broadsheet::config::Cli::parse();
    let quiet = cli.quiet();
    let timings = cli.timings();
    let outcome = broadsheet::execute(cli);
    match outcome {
        Ok(summary) => {
            if !quiet {
                eprintln!("broadsheet: {}", summary.line());
            }
            if timings {
                eprintln!("broadsheet: timings: {}", summary.timings_line());
            }
            ExitCode::from(if summary.skipped > 0 { 1 } else { 0 })
        }
        Err(e) => {
            eprintln!("broadsheet: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
