//! The integration tests, one module per theme, built as one test binary (`it`): a binary
//! per theme was a link of the whole library per theme, and most of the test command's
//! build time.
//!
//! Run one theme with a filter on its module path, e.g. `cargo test --release --test it --
//! cli::`. The two tests that need Chromium and LibreOffice (`browser::`, `spreadsheet::`)
//! are `#[ignore]`d; `.ci/run` runs them with `--include-ignored`.
//!
//! Proptest keeps its regression seeds in `tests/proptest-regressions/<module>.txt`: its
//! default place for a source file under a directory holding a `main.rs`.

mod util;

mod browser;
mod charts;
mod cli;
mod first_run;
mod formats;
mod gender;
mod merge;
mod properties;
mod scale;
mod spreadsheet;
mod torture;
