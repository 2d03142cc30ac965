//! broadsheet: batch reports on a folder of news articles.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! ingest    files -> decoded text           (discover, load, decode; bad files -> Skip)
//! article   text -> Article                 (title, paragraphs, sentences as byte spans)
//! analyze   Article -> ArticleAnalysis      (pure, per article: words, ...)
//! corpus    ArticleAnalysis* -> Corpus      (Default + merge: rayon fold/reduce, no locks)
//! report    Corpus -> CSV + PNG bytes       (sorted, then written atomically)
//! ```
//!
//! [`run`] wires the stages together; `main.rs` only parses arguments and maps the outcome
//! to an exit code.

pub mod analyze;
pub mod article;
pub mod config;
pub mod corpus;
pub mod ingest;
pub mod report;
pub mod spill;
pub mod text;

use anyhow::Context;
use config::Config;
use corpus::Corpus;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Fatal errors: the run stops and nothing is written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("input not found: {}", .0.display())]
    InputNotFound(PathBuf),
    #[error("cannot read stop word list {}: {source}", path.display())]
    StopWords {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("output folder {} is not writable: {source}", path.display())]
    OutputNotWritable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("--out {} is an input folder; reports must go elsewhere", .0.display())]
    OutputIsInput(PathBuf),
    #[error("cannot write report {}: {source}", path.display())]
    WriteReport {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Clone)]
pub struct Summary {
    pub articles: usize,
    pub skipped: usize,
    pub words: u64,
    pub bytes: u64,
    pub quotes: usize,
    /// Quotes kept with an empty speaker.
    pub unattributed: usize,
    /// Quotation marks that could not be paired.
    pub stray_marks: u64,
    /// Short quoted terms with no speaker, not counted as quotes.
    pub quoted_terms: u64,
    pub elapsed: Duration,
    pub out: PathBuf,
}

impl Summary {
    pub fn megabytes_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        self.bytes as f64 / 1e6 / secs
    }

    /// The one line printed at the end of a run.
    pub fn line(&self) -> String {
        format!(
            "{} article{} read, {} skipped, {} words, {} quote{} ({} without speaker; {} quoted term{} and {} stray mark{} left out), {:.2} s, {:.1} MB/s; reports in {}",
            self.articles,
            if self.articles == 1 { "" } else { "s" },
            self.skipped,
            self.words,
            self.quotes,
            if self.quotes == 1 { "" } else { "s" },
            self.unattributed,
            self.quoted_terms,
            if self.quoted_terms == 1 { "" } else { "s" },
            self.stray_marks,
            if self.stray_marks == 1 { "" } else { "s" },
            self.elapsed.as_secs_f64(),
            self.megabytes_per_second(),
            self.out.display()
        )
    }
}

/// Runs the whole batch: discover, analyse in parallel, merge, write the reports.
pub fn run(config: &Config) -> anyhow::Result<Summary> {
    let started = Instant::now();
    prepare_output(config)?;
    let found = ingest::discover(&config.inputs, Some(&config.out));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs)
        .build()
        .context("starting worker threads")?;
    let progress = progress_bar(found.sources.len() as u64, config.quiet);
    let opts = analyze::Options {
        stopwords: &config.stopwords,
    };
    let mut corpus = pool.install(|| {
        found
            .sources
            .par_iter()
            .enumerate()
            .map(|(order, source)| {
                let mut outcome = analyse_one(source, opts, config.max_file_size);
                if let Ok(a) = &mut outcome {
                    a.order = order as u64;
                }
                progress.inc(1);
                outcome
            })
            .fold(Corpus::default, Corpus::with)
            .reduce(Corpus::default, Corpus::merge)
    });
    progress.finish_and_clear();
    corpus.skipped.extend(found.skipped);
    // The file list is as long as the corpus (some 150 bytes a file); the reports do not
    // need it.
    drop(found.sources);

    pool.install(|| {
        report::write(
            &corpus,
            &report::ReportOptions {
                top: config.top,
                keywords: config.keywords,
                min_bigram: config.min_bigram,
                raw_csv: config.raw_csv,
                min_count: config.min_count,
                window: config.window,
            },
            &config.out,
        )
    })?;
    Ok(Summary {
        articles: corpus.articles as usize,
        skipped: corpus.skipped.len(),
        words: corpus.tokens,
        bytes: corpus.bytes,
        quotes: corpus.quotes as usize,
        unattributed: corpus.unattributed(),
        stray_marks: corpus.stray_marks,
        quoted_terms: corpus.quoted_terms,
        elapsed: started.elapsed(),
        out: config.out.clone(),
    })
}

/// Loads and analyses one file. A panic inside the analysis is a bug, but it costs one
/// file, not the batch: it is caught and the file reported as skipped.
fn analyse_one(
    source: &ingest::Source,
    opts: analyze::Options<'_>,
    max_bytes: u64,
) -> Result<analyze::ArticleAnalysis, ingest::Skip> {
    let article = ingest::load(source, max_bytes)?;
    std::panic::catch_unwind(|| analyze::article(&article, opts)).map_err(|panic| {
        let msg = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        ingest::Skip {
            id: source.id.clone(),
            reason: ingest::SkipReason::AnalysisFailed(msg),
        }
    })
}

/// Creates the output folder and proves it writable before any work is done, so a bad
/// `--out` costs nothing and names the path.
fn prepare_output(config: &Config) -> Result<(), Error> {
    let out = &config.out;
    for input in &config.inputs {
        if same_path(input, out) {
            return Err(Error::OutputIsInput(out.clone()));
        }
    }
    let unwritable = |source| Error::OutputNotWritable {
        path: out.clone(),
        source,
    };
    std::fs::create_dir_all(out).map_err(unwritable)?;
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

fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} articles ({per_sec})",
    ) {
        bar.set_style(style);
    }
    bar
}
