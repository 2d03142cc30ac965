//! Command-line options and the validated [`Config`] a run is made from.

use crate::corpus::Window;
use crate::error::Error;
use crate::ingest::formats::dates::Period;
use crate::ingest::formats::FieldMap;
use crate::report::ReportOptions;
use crate::shard::Shard;
use crate::text::stopwords::StopWords;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Examples:
  broadsheet input                         analyse ./input, write ./reports
  broadsheet news/2024 news/2025 --out out  several folders into one report
  broadsheet input --jobs 1 --top 30       one thread, 30 bars per chart
  broadsheet input --stopwords my-list.txt replace the built-in stop words
  broadsheet input --window sentence --min-count 3
                                           entity pairs seen in 3+ shared sentences
  broadsheet input --shard 2/8 --partial p2.part
                                           analyse one eighth, keep the partial result
  broadsheet merge p*.part --out reports   merge partial results into the reports
  broadsheet --stdin-jsonl --partial - < a.jsonl > a.part
                                           JSON lines in, partial result out
  broadsheet dump.jsonl --field text=body --field date=published_at
                                           name the fields of a JSON Lines export
  broadsheet input --period week --excel   words per week; CSVs that Excel opens as UTF-8

Folders are read recursively (.txt and .md files and saved web pages (.html, .htm), one
article each; .jsonl, .ndjson and .csv files, one article per line or row; hidden files
skipped). Every file, line and row ends up in articles.csv or skipped.csv; broadsheet's own
reports, PDF, Word and other binary files are listed there with the reason. Reports are
replaced atomically at the end of the run; open index.html in the output folder for an
overview.

Exit codes: 0 every file read; 1 some files skipped (see skipped.csv); 2 usage or fatal
error (missing input, output folder not writable); 3 no article read at all (the reports
are written, skipped.csv says why).";

const MERGE_AFTER_HELP: &str = "\
Examples:
  broadsheet input --shard 1/2 --partial p1.part
  broadsheet input --shard 2/2 --partial p2.part
  broadsheet merge p1.part p2.part --out reports   the reports one run over input writes
  broadsheet merge parts/*.part                    every partial in a folder
  broadsheet merge parts/*.part --jobs 4           on four threads (default: every core)

Exit codes: 0 every file of every shard read; 1 some files skipped (see skipped.csv); 2 usage
or fatal error (a file that is not a partial, partials made with different stop words or
broadsheet versions, overlapping shards, output folder not writable); 3 the partials hold no
article at all.";

const USAGE: &str = "broadsheet [OPTIONS] <INPUT>...
       broadsheet [OPTIONS] --stdin-jsonl < ARTICLES.jsonl
       broadsheet merge [OPTIONS] <PARTIAL>...";

/// Word frequencies, quotations and named entities across a folder of news articles,
/// written as CSV tables and PNG charts.
#[derive(Debug, Parser)]
#[command(name = "broadsheet", version, about, after_help = AFTER_HELP, override_usage = USAGE,
          args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Folders or files to analyse (folders are walked recursively); required unless
    /// --stdin-jsonl.
    #[arg(
        value_name = "INPUT",
        required_unless_present = "stdin_jsonl",
        conflicts_with = "stdin_jsonl"
    )]
    pub inputs: Vec<PathBuf>,

    /// Folder the reports are written to; created if missing [default: reports; with
    /// --partial, reports are written only when --out is given].
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Threads to analyse with, at most 1024; 0 means one per CPU core. More threads than
    /// cores only slow a run (1024 threads on 2 cores: 26 s for what 2 do in 0.1 s).
    #[arg(short, long, value_name = "N", default_value_t = 0, value_parser = parse_jobs)]
    pub jobs: usize,

    #[command(flatten)]
    pub report: ReportArgs,

    /// Replace the built-in English stop words with the words in FILE (one per line, lines
    /// starting with # ignored).
    #[arg(long, value_name = "FILE", conflicts_with = "keep_stopwords")]
    pub stopwords: Option<PathBuf>,

    /// Count every word, stop words included.
    #[arg(long)]
    pub keep_stopwords: bool,

    /// Skip files larger than this many megabytes (reported in skipped.csv). For .jsonl
    /// and .csv files, which are streamed, the limit applies to each line or row.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub max_file_size: u64,

    /// Which key or column of .jsonl/.csv records (and front-matter blocks) holds a field,
    /// when the usual names do not find it: NAME is one of id, title, text, date, outlet,
    /// url; KEY is the key as written (a dotted path like source.name for nested JSON).
    /// Repeat for several fields. Applies to --stdin-jsonl too.
    #[arg(long = "field", value_name = "NAME=KEY", value_parser = parse_field)]
    pub fields: Vec<String>,

    /// Write this run's partial result to FILE (- for standard output) for `broadsheet
    /// merge`, instead of the reports (or as well, with --out).
    #[arg(long, value_name = "FILE")]
    pub partial: Option<PathBuf>,

    /// Analyse only shard K of N (1 <= K <= N): the files whose path relative to the input
    /// hashes (FNV-1a) to it. Run K = 1..N with --partial, then merge.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,

    /// Read articles from standard input as JSON lines ({"id", "title", "text"}) instead of
    /// files.
    #[arg(long)]
    pub stdin_jsonl: bool,

    /// Print nothing but errors (no progress bar, no summary line).
    #[arg(short, long)]
    pub quiet: bool,

    /// After the summary, print how long each stage took (reading and analysing, the
    /// partial result, the reports, and within the reports the per-article tables apart from
    /// the rest), to see where a run's time goes.
    #[arg(long)]
    pub timings: bool,
}

/// Subcommands; without one, broadsheet analyses its INPUT arguments.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Merge partial results (written with --partial, in any number and order) and write
    /// the reports one run over all their articles would have written.
    Merge(MergeCli),
}

#[derive(Debug, Args)]
#[command(after_help = MERGE_AFTER_HELP)]
pub struct MergeCli {
    /// Partial result files (written by `broadsheet ... --partial FILE`).
    #[arg(required = true, value_name = "PARTIAL")]
    pub partials: Vec<PathBuf>,

    /// Folder the reports are written to; created if missing.
    #[arg(short, long, value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,

    /// Threads to write the reports with, at most 1024; 0 means one per CPU core. As for
    /// the analysis, more threads than cores only slow a merge.
    #[arg(short, long, value_name = "N", default_value_t = 0, value_parser = parse_jobs)]
    pub jobs: usize,

    #[command(flatten)]
    pub report: ReportArgs,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,

    /// After the summary, print how long reading the partials and writing the reports took.
    #[arg(long)]
    pub timings: bool,
}

/// Options that shape the reports, not the analysis: a merge takes them too.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Bars in each chart.
    #[arg(long, value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u32).range(1..=200))]
    pub top: u32,

    /// Keywords listed per article in keywords.csv.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub keywords: usize,

    /// Leave out of bigrams.csv the phrases seen fewer than N times.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_bigram: u64,

    /// Leave out of cooccurrence.csv, the heatmap and the graph the entity pairs seen
    /// together in fewer than N units of the --window.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_count: u64,

    /// The unit two entities must share to count as seen together in the heatmap, the
    /// graph's edge weights and the npmi column (cooccurrence.csv always lists all three
    /// counts).
    #[arg(long, value_enum, value_name = "UNIT", default_value_t = Window::Paragraph)]
    pub window: Window,

    /// Write CSV cells exactly as found. By default a cell that a spreadsheet would run as
    /// a formula (starting with =, +, -, @, tab or CR, and not a number) gets a leading '.
    #[arg(long)]
    pub raw_csv: bool,

    /// The period words are counted by over time (words_by_<period>.csv and its chart),
    /// for articles with a date.
    #[arg(long, value_enum, value_name = "PERIOD", default_value_t = Period::Month)]
    pub period: Period,

    /// Write CSV files for spreadsheets: a UTF-8 byte-order mark so Excel reads the
    /// encoding right (numbers stay plain, dates ISO 8601).
    #[arg(long)]
    pub excel: bool,
}

impl ReportArgs {
    pub fn options(&self) -> ReportOptions {
        ReportOptions {
            top: self.top as usize,
            keywords: self.keywords,
            min_bigram: self.min_bigram.max(1),
            raw_csv: self.raw_csv,
            min_count: self.min_count.max(1),
            window: self.window,
            period: self.period,
            excel: self.excel,
        }
    }
}

impl Cli {
    pub fn quiet(&self) -> bool {
        match &self.command {
            Some(Command::Merge(m)) => m.quiet,
            None => self.quiet,
        }
    }

    pub fn timings(&self) -> bool {
        match &self.command {
            Some(Command::Merge(m)) => m.timings,
            None => self.timings,
        }
    }
}

/// A run's settings, checked: inputs exist, the stop word list is loaded.
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    /// Where reports go; also left out of the input when it lies inside it (even when no
    /// reports are written, so a shard reads what a single run reads).
    pub out: PathBuf,
    /// Whether to write reports (not when only a partial was asked for).
    pub reports: bool,
    pub partial: Option<PathBuf>,
    pub shard: Option<Shard>,
    pub stdin_jsonl: bool,
    pub jobs: usize,
    pub report: ReportOptions,
    pub stopwords: StopWords,
    /// In bytes.
    pub max_file_size: u64,
    pub quiet: bool,
    /// Where the fields of .jsonl/.csv records and front matter are found.
    pub fields: FieldMap,
}

/// The most threads `--jobs` accepts. Each thread has its own stack and its own share of
/// the corpus; far more threads than cores only costs memory and start-up time (100,000
/// exhausted memory before the first article was read).
pub const MAX_JOBS: usize = 1024;

/// Checks `--jobs` at parse time, so an absurd thread count is a usage error (exit 2).
fn parse_jobs(arg: &str) -> Result<usize, String> {
    let n: usize = arg
        .trim()
        .parse()
        .map_err(|_| format!("{arg:?} is not a whole number"))?;
    if n > MAX_JOBS {
        return Err(format!(
            "{n} threads is more than the limit of {MAX_JOBS}; use 0 for one per CPU core"
        ));
    }
    Ok(n)
}

/// Checks one `--field` at parse time, so a typo is a usage error naming the argument.
fn parse_field(arg: &str) -> Result<String, String> {
    FieldMap::default().set_from_arg(arg)?;
    Ok(arg.to_string())
}

impl Config {
    pub fn from_cli(cli: Cli) -> Result<Config, Error> {
        for input in &cli.inputs {
            if std::fs::metadata(input).is_err() {
                return Err(Error::InputNotFound(input.clone()));
            }
        }
        let stopwords = match (&cli.stopwords, cli.keep_stopwords) {
            (_, true) => StopWords::none(),
            (Some(path), false) => {
                let list = std::fs::read_to_string(path).map_err(|source| Error::StopWords {
                    path: path.clone(),
                    source,
                })?;
                StopWords::parse(&list)
            }
            (None, false) => StopWords::word_tables().clone(),
        };
        let mut fields = FieldMap::default();
        for f in &cli.fields {
            fields.set_from_arg(f).map_err(Error::Usage)?;
        }
        Ok(Config {
            inputs: cli.inputs,
            reports: cli.partial.is_none() || cli.out.is_some(),
            out: cli.out.unwrap_or_else(|| PathBuf::from("reports")),
            partial: cli.partial,
            shard: cli.shard,
            stdin_jsonl: cli.stdin_jsonl,
            jobs: cli.jobs,
            report: cli.report.options(),
            stopwords,
            max_file_size: cli.max_file_size.saturating_mul(1_000_000),
            quiet: cli.quiet,
            fields,
        })
    }
}

/// A merge's settings.
#[derive(Debug, Clone)]
pub struct MergeConfig {
    pub partials: Vec<PathBuf>,
    pub out: PathBuf,
    /// Threads of the pool the reports are written on (0: one per core), as `Config::jobs`.
    pub jobs: usize,
    pub report: ReportOptions,
    pub quiet: bool,
}

impl MergeConfig {
    pub fn from_cli(cli: MergeCli) -> MergeConfig {
        MergeConfig {
            partials: cli.partials,
            out: cli.out,
            jobs: cli.jobs,
            report: cli.report.options(),
            quiet: cli.quiet,
        }
    }
}
