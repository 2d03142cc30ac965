//! The fatal errors: each stops the run before anything is written (exit code 2) and names
//! the path at fault, so the user can fix it without reading a backtrace.
//!
//! Kept apart from every stage so that `config` (checking arguments) and `report` (writing
//! files) can both raise them without either depending on the other or on the commands.

use std::path::PathBuf;

/// Fatal errors: the run stops and nothing is written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("input not found: {}", .0.display())]
    InputNotFound(PathBuf),
    #[error("cannot read stop word list {}", path.display())]
    StopWords {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("output folder {} is not writable", path.display())]
    OutputNotWritable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("--out {} is an input folder; reports must go elsewhere", .0.display())]
    OutputIsInput(PathBuf),
    #[error("--out {} is a file, not a folder; name a folder for the reports", .0.display())]
    OutputIsFile(PathBuf),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write report {}", path.display())]
    WriteReport {
        path: PathBuf,
        source: std::io::Error,
    },
}
