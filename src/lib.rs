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
pub mod formats;
pub mod ingest;
pub mod report;
pub mod text;

use anyhow::Context;
use config::Config;
use corpus::Corpus;
use formats::FileKind;
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
    #[error("{0}")]
    Usage(String),
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
    /// Articles whose date was given but could not be read.
    pub unparsed_dates: u64,
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
        let dates = match self.unparsed_dates {
            0 => String::new(),
            1 => ", 1 date unreadable (left empty)".to_string(),
            n => format!(", {n} dates unreadable (left empty)"),
        };
        format!(
            "{} article{} read, {} skipped, {} words, {} quote{} ({} without speaker; {} quoted term{} and {} stray mark{} left out){dates}, {:.2} s, {:.1} MB/s; reports in {}, overview in {}",
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
            self.out.display(),
            self.out.join("index.html").display()
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
    let (record_files, text_files): (Vec<&ingest::Source>, Vec<&ingest::Source>) = found
        .sources
        .iter()
        .partition(|s| FileKind::of(&s.path) != FileKind::Text);
    let mut corpus = pool.install(|| {
        text_files
            .par_iter()
            .map(|source| {
                let outcome = analyse_one(source, opts, config);
                progress.inc(1);
                outcome
            })
            .fold(Corpus::default, Corpus::with)
            .reduce(Corpus::default, Corpus::merge)
    });
    for source in record_files {
        corpus = corpus.merge(analyse_records(&pool, source, opts, config));
        progress.inc(1);
    }
    progress.finish_and_clear();
    corpus.skipped.extend(found.skipped);

    let summary = Summary {
        articles: corpus.articles.len(),
        skipped: corpus.skipped.len(),
        words: corpus.tokens,
        bytes: corpus.bytes,
        quotes: corpus.quotes.len(),
        unattributed: corpus.unattributed(),
        stray_marks: corpus.stray_marks,
        quoted_terms: corpus.quoted_terms,
        unparsed_dates: corpus.unparsed_dates,
        elapsed: started.elapsed(),
        out: config.out.clone(),
    };
    let files = report::render(
        &corpus,
        &report::ReportOptions {
            top: config.top,
            keywords: config.keywords,
            min_bigram: config.min_bigram,
            raw_csv: config.raw_csv,
            min_count: config.min_count,
            window: config.window,
            period: config.period,
            excel: config.excel,
        },
    )?;
    report::write_atomically(&config.out, &files)?;
    report::remove_stale(&config.out, &files)?;
    Ok(Summary {
        elapsed: started.elapsed(),
        ..summary
    })
}

/// Loads and analyses one text file.
fn analyse_one(
    source: &ingest::Source,
    opts: analyze::Options<'_>,
    config: &Config,
) -> Result<analyze::ArticleAnalysis, ingest::Skip> {
    let (article, meta) = ingest::load_with_meta(source, config.max_file_size, &config.fields)?;
    analyse_article(&article, meta, opts)
}

/// Analyses one article. A panic inside the analysis is a bug, but it costs one article,
/// not the batch: it is caught and the article reported as skipped.
fn analyse_article(
    article: &article::Article,
    meta: formats::Meta,
    opts: analyze::Options<'_>,
) -> Result<analyze::ArticleAnalysis, ingest::Skip> {
    match std::panic::catch_unwind(|| analyze::article(article, opts)) {
        Ok(mut a) => {
            a.row = a.row.with_meta(meta);
            Ok(a)
        }
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            Err(ingest::Skip {
                id: article.id.clone(),
                reason: ingest::SkipReason::AnalysisFailed(msg),
            })
        }
    }
}

/// Streams one record file (JSON Lines, CSV) through [`analyse_stream`].
fn analyse_records(
    pool: &rayon::ThreadPool,
    source: &ingest::Source,
    opts: analyze::Options<'_>,
    config: &Config,
) -> Corpus {
    let kind = FileKind::of(&source.path);
    analyse_stream(pool, opts, &source.id, |emit| {
        formats::read::records(source, kind, &config.fields, config.max_file_size, emit)
    })
}

/// Analyses a stream of record batches: `read` runs on its own thread, reading bounded
/// batches ([`formats::read`]) while the pool analyses the previous batch, so memory holds
/// at most a few batches of text however long the stream. Each batch is folded like the
/// text files and merged in; the corpus does not depend on batch boundaries or order.
/// `read` is [`formats::read::records`] for a file, or [`formats::read::records_from`] for
/// any other reader (standard input); `name` is what a failed reader is reported as.
pub fn analyse_stream<F>(
    pool: &rayon::ThreadPool,
    opts: analyze::Options<'_>,
    name: &str,
    read: F,
) -> Corpus
where
    F: FnOnce(&mut dyn FnMut(Vec<formats::read::Unit>) -> bool) -> Result<(), ingest::Skip> + Send,
{
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<formats::read::Unit>>(1);
        let reader = scope.spawn(move || read(&mut |batch| tx.send(batch).is_ok()));
        let mut corpus = Corpus::default();
        for batch in rx {
            let part = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|unit| unit.and_then(|(a, meta)| analyse_article(&a, meta, opts)))
                    .fold(Corpus::default, Corpus::with)
                    .reduce(Corpus::default, Corpus::merge)
            });
            corpus = corpus.merge(part);
        }
        match reader.join() {
            Ok(Ok(())) => {}
            Ok(Err(skip)) => corpus.skipped.push(skip),
            Err(_) => corpus.skipped.push(ingest::Skip {
                id: name.to_string(),
                reason: ingest::SkipReason::AnalysisFailed("reading the records failed".into()),
            }),
        }
        corpus
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
