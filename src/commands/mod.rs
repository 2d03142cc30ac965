//! The two things broadsheet can be asked to do, one module each: [`analyse`] a corpus
//! (the default command) or [`merge`] partial results. Each wires the stages together in
//! order and returns a [`Summary`]; neither holds analysis or report logic of its own.
//!
//! What both need before they start lives here: the `--jobs` thread pool, which bounds
//! every parallel stage of either command, and a checked output folder, so a bad `--out`
//! fails before any work is done.

pub mod analyse;
pub mod merge;

use crate::config::{Cli, Command, Config, MergeConfig};
use crate::error::Error;
use crate::summary::Summary;
use anyhow::Context;
use std::path::{Path, PathBuf};

/// Runs what the command line asks: an analysis, or a merge of partial results.
pub fn execute(cli: Cli) -> anyhow::Result<Summary> {
    match cli.command {
        Some(Command::Merge(m)) => merge::merge(&MergeConfig::from_cli(m)),
        None => analyse::run(&Config::from_cli(cli)?),
    }
}

/// The pool every parallel stage of a command runs on: `jobs` threads, or one per core
/// for 0. Reports are written with `pool.install`, so `--jobs` bounds them too; rayon's
/// global pool would take every core whatever the user asked.
pub(crate) fn thread_pool(jobs: usize) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .context("starting worker threads")
}

/// Creates the output folder and proves it writable before any work is done, so a bad
/// `--out` costs nothing and names the path.
pub(crate) fn prepare_output(inputs: &[PathBuf], out: &Path) -> Result<(), Error> {
    for input in inputs {
        if same_path(input, out) {
            return Err(Error::OutputIsInput(out.to_path_buf()));
        }
    }
    if out.exists() && !out.is_dir() {
        return Err(Error::OutputIsFile(out.to_path_buf()));
    }
    let unwritable = |source| Error::OutputNotWritable {
        path: out.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(out).map_err(unwritable)?;
    crate::report::remove_stale_temps(out);
    tempfile::Builder::new()
        .prefix(".broadsheet-probe")
        .tempfile_in(out)
        .map_err(unwritable)?;
    Ok(())
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_has_the_threads_asked_for() {
        assert_eq!(thread_pool(1).unwrap().current_num_threads(), 1);
        assert_eq!(thread_pool(3).unwrap().current_num_threads(), 3);
    }
}
