//! broadsheet: batch reports on a folder of news articles.
//!
//! Data flows one way. The modules in the order an article passes through them, each
//! handing the next one a type:
//!
//! ```text
//! main.rs            parse the command line, run it, print the summary or the error, exit code
//! commands           execute(): analyse (commands::analyse::run) or merge (commands::merge)
//! config             the command line (clap) -> a checked Config / MergeConfig
//! ingest             files -> decoded text (discover, load, decode; bad files -> Skip)
//! ingest::formats    .jsonl/.csv records, front matter, web pages -> article text + metadata
//! stream             --stdin-jsonl: JSON lines -> records (ids unique) -> articles
//! shard              --shard K/N: which files and lines are this run's
//! article            text -> Article (title, paragraphs, sentences as byte spans)
//! scheduler          shares articles out to the --jobs threads, one accumulator each
//! analyze            Article -> ArticleAnalysis (pure, per article: words, names, quotes)
//! corpus             ArticleAnalysis* -> Corpus (Default + merge: one per thread, merged)
//! record             ArticleRecord: one article's rows for the per-article tables, and its codec
//! spill              records -> temp files (out of memory until the reports stream them)
//! report             Corpus -> CSV + PNG + index.html (sorted, then written atomically)
//! partial            Corpus <-> a partial result file, which `merge` turns into reports
//! outputs            the names and header rows of what broadsheet writes (a contract)
//! summary            what a run did: the line printed at the end and the exit code
//! error              the fatal errors (exit code 2)
//! text               tokens, sentences and stop words, for article and analyze
//! ```
//!
//! So a text file reaches `quotes.csv` by `main.rs` -> `commands::execute` ->
//! `commands::analyse::run` -> `ingest::load_with_meta` -> `analyze::article` (quotes found
//! and attributed) -> `corpus::Corpus::with` (its rows spilled) -> `report::write` ->
//! `report::records` (the per-article tables, `quotes.csv` among them).

pub mod analyze;
pub mod article;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod error;
pub mod ingest;
pub mod outputs;
pub mod partial;
pub mod record;
pub mod report;
pub mod scheduler;
pub mod shard;
pub mod spill;
pub mod stream;
pub mod summary;
pub mod text;

// The entry points and their types, where they were before the commands had modules.
pub use commands::analyse::run;
pub use commands::execute;
pub use commands::merge::merge;
pub use error::Error;
pub use summary::{Summary, EXIT_NO_ARTICLES};
