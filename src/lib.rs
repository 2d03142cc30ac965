//! broadsheet: batch reports on a folder of news articles.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! ingest    files -> decoded text           (discover, load, decode; bad files -> Skip)
//! formats   .jsonl/.csv/front matter        (records -> articles + metadata, streamed)
//! article   text -> Article                 (title, paragraphs, sentences as byte spans)
//! analyze   Article -> ArticleAnalysis      (pure, per article: words, ...)
//! corpus    ArticleAnalysis* -> Corpus      (Default + merge: one per thread, merged; no locks)
//! spill     per-article rows -> temp files  (out of memory until the reports stream them)
//! report    Corpus -> CSV + PNG files       (sorted, then written atomically)
//! ```
//!
//! [`run`] wires the stages together; `main.rs` only parses arguments and maps the outcome
//! to an exit code.
//!
//! Scaling out: a run may read a [`shard`] of its files or JSON lines from standard input
//! ([`stream`]), and write its corpus as a [`partial`] result instead of reports; [`merge`]
//! turns any number of partials into the reports one run over all of them writes.

pub mod analyze;
pub mod article;
pub mod config;
pub mod corpus;
pub mod formats;
pub mod ingest;
pub mod partial;
pub mod record;
pub mod report;
pub mod shard;
pub mod spill;
pub mod stream;
pub mod text;

use anyhow::Context;
use config::{Cli, Command, Config, MergeConfig};
use corpus::Corpus;
use formats::FileKind;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

/// The exit code of a run whose reports hold no article.
pub const EXIT_NO_ARTICLES: u8 = 3;

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Clone)]
pub struct Summary {
    pub articles: usize,
    pub skipped: usize,
    pub words: u64,
    pub bytes: u64,
    /// Quotations (direct and partial).
    pub quotes: usize,
    /// Pieces of reported speech.
    pub reported: usize,
    /// Quotes kept with an empty speaker.
    pub unattributed: usize,
    /// Quotation marks that could not be paired.
    pub stray_marks: u64,
    /// Short quoted terms with no speaker, not counted as quotes.
    pub quoted_terms: u64,
    /// Articles whose date was given but could not be read.
    pub unparsed_dates: u64,
    /// Tokens too long to be words, left out of the word tables.
    pub long_tokens: u64,
    pub elapsed: Duration,
    /// Wall time of each stage, in run order ([`Summary::timings_line`]).
    pub stages: Vec<(&'static str, Duration)>,
    /// How the reports stage spent its time, when reports were written.
    pub report_parts: Option<report::Written>,
    /// Where reports were written, if they were.
    pub out: Option<PathBuf>,
    /// Where the partial result was written, if it was.
    pub partial: Option<PathBuf>,
}

impl Summary {
    /// The stage times, for `--timings`.
    pub fn timings_line(&self) -> String {
        let stages: Vec<String> = self
            .stages
            .iter()
            .map(|(name, d)| {
                let mut s = format!("{name} {:.2} s", d.as_secs_f64());
                if let (&"reports", Some(w)) = (name, &self.report_parts) {
                    s.push_str(&format!(
                        " (per-article tables {:.2} s with the corpus-level tables {:.2} s \
                         alongside, then charts and summary tables {:.2} s)",
                        w.per_article.as_secs_f64(),
                        w.corpus_tables.as_secs_f64(),
                        w.rest.as_secs_f64()
                    ));
                }
                s
            })
            .collect();
        format!(
            "{}; total {:.2} s",
            stages.join(", "),
            self.elapsed.as_secs_f64()
        )
    }

    /// The process exit code (README "Exit codes"): 3 when reports were written but
    /// hold no article at all, since a set of empty tables is no result; else 1 when
    /// anything was skipped; else 0. A run that writes only a partial result may
    /// legitimately hold no article (a shard of a small corpus), so it is not an error.
    pub fn exit_code(&self) -> u8 {
        if self.articles == 0 && self.out.is_some() {
            EXIT_NO_ARTICLES
        } else if self.skipped > 0 {
            1
        } else {
            0
        }
    }

    /// Why a run with no articles failed, and where to look; `None` when it had some.
    pub fn no_articles_message(&self) -> Option<String> {
        if self.exit_code() != EXIT_NO_ARTICLES {
            return None;
        }
        let out = self.out.as_deref().unwrap_or(Path::new("reports"));
        Some(match self.skipped {
            0 => "no articles read: the input holds no files broadsheet reads (.txt, .md, \
                  .html, .htm, .jsonl, .ndjson, .csv)"
                .to_string(),
            1 => format!(
                "no articles read: the one input file was skipped; {} says why",
                out.join("skipped.csv").display()
            ),
            n => format!(
                "no articles read: all {n} input files were skipped; {} says why",
                out.join("skipped.csv").display()
            ),
        })
    }

    pub fn megabytes_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        self.bytes as f64 / 1e6 / secs
    }

    /// The one line printed at the end of a run.
    pub fn line(&self) -> String {
        let mut written: Vec<String> = Vec::new();
        if let Some(out) = &self.out {
            written.push(format!("reports in {}", out.display()));
            written.push(format!("overview in {}", out.join("index.html").display()));
        }
        match self.partial.as_deref() {
            Some(p) if p == Path::new("-") => written.push("partial result on stdout".into()),
            Some(p) => written.push(format!("partial result in {}", p.display())),
            None => {}
        }
        let dates = match self.unparsed_dates {
            0 => String::new(),
            1 => ", 1 date unreadable (left empty)".to_string(),
            n => format!(", {n} dates unreadable (left empty)"),
        };
        let skipped = match (self.skipped, &self.out) {
            (0, _) => "0 skipped".to_string(),
            (n, Some(out)) => format!("{n} skipped (see {})", out.join("skipped.csv").display()),
            (n, None) => format!("{n} skipped (listed in the partial result)"),
        };
        let too_long = match self.long_tokens {
            0 => String::new(),
            1 => ", 1 token over 50 letters left out of the word tables".to_string(),
            n => format!(", {n} tokens over 50 letters left out of the word tables"),
        };
        format!(
            "{} article{} read, {skipped}, {} words{too_long}, {} quote{} ({} without speaker; {} quoted term{} and {} stray mark{} left out), {} piece{} of reported speech{dates}, {:.2} s, {:.1} MB/s; {}",
            self.articles,
            if self.articles == 1 { "" } else { "s" },
            self.words,
            self.quotes,
            if self.quotes == 1 { "" } else { "s" },
            self.unattributed,
            self.quoted_terms,
            if self.quoted_terms == 1 { "" } else { "s" },
            self.stray_marks,
            if self.stray_marks == 1 { "" } else { "s" },
            self.reported,
            if self.reported == 1 { "" } else { "s" },
            self.elapsed.as_secs_f64(),
            self.megabytes_per_second(),
            written.join(", ")
        )
    }
}

/// Runs what the command line asks: an analysis, or a merge of partial results.
pub fn execute(cli: Cli) -> anyhow::Result<Summary> {
    match cli.command {
        Some(Command::Merge(m)) => merge(&MergeConfig::from_cli(m)),
        None => run(&Config::from_cli(cli)?),
    }
}

/// Runs the whole batch: discover, analyse in parallel, merge, write the reports and/or
/// the partial result.
pub fn run(config: &Config) -> anyhow::Result<Summary> {
    let started = Instant::now();
    if config.reports {
        prepare_output(&config.inputs, &config.out)?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs)
        .build()
        .context("starting worker threads")?;
    let opts = analyze::Options {
        stopwords: &config.stopwords,
    };
    let mut stages = Stages::new();
    let mut written = None;
    let corpus = if config.stdin_jsonl {
        let stdin = std::io::stdin();
        analyse_jsonl(&mut stdin.lock(), config, &pool, opts)?
    } else {
        analyse_files(config, &pool, opts)
    };
    stages.done("read and analyse");
    if let Some(path) = &config.partial {
        write_partial(path, &corpus, config.stopwords.fingerprint())?;
        stages.done("partial result");
    }
    if config.reports {
        // On the run's own threads: `--jobs` bounds the report stage too.
        let w = pool.install(|| report::write(&corpus, &config.report, &config.out))?;
        report::remove_stale(&config.out, &w.files)?;
        stages.done("reports");
        written = Some(w);
    }
    Ok(Summary {
        stages: stages.list,
        report_parts: written,
        ..summary(
            &corpus,
            started,
            config.reports.then(|| config.out.clone()),
            config.partial.clone(),
        )
    })
}

/// Stage times for [`Summary::stages`]: each stage runs from the end of the one before.
struct Stages {
    last: Instant,
    list: Vec<(&'static str, Duration)>,
}

impl Stages {
    fn new() -> Stages {
        Stages {
            last: Instant::now(),
            list: Vec::new(),
        }
    }

    fn done(&mut self, name: &'static str) {
        let now = Instant::now();
        self.list.push((name, now - self.last));
        self.last = now;
    }
}

/// Merges partial results and writes the reports of their union.
pub fn merge(config: &MergeConfig) -> anyhow::Result<Summary> {
    let started = Instant::now();
    prepare_output(&[], &config.out)?;
    let mut stages = Stages::new();
    let corpus = partial::merge_files(&config.partials)?;
    stages.done("read partials");
    let written = report::write(&corpus, &config.report, &config.out)?;
    report::remove_stale(&config.out, &written.files)?;
    stages.done("reports");
    Ok(Summary {
        stages: stages.list,
        report_parts: Some(written),
        ..summary(&corpus, started, Some(config.out.clone()), None)
    })
}

fn summary(
    corpus: &Corpus,
    started: Instant,
    out: Option<PathBuf>,
    partial: Option<PathBuf>,
) -> Summary {
    Summary {
        articles: corpus.articles as usize,
        skipped: corpus.skipped.len(),
        words: corpus.tokens,
        bytes: corpus.bytes,
        quotes: corpus.quotes as usize,
        reported: corpus.reported as usize,
        unattributed: corpus.unattributed(),
        stray_marks: corpus.stray_marks,
        quoted_terms: corpus.quoted_terms,
        unparsed_dates: corpus.unparsed_dates,
        long_tokens: corpus.long_tokens,
        elapsed: started.elapsed(),
        stages: Vec::new(),
        report_parts: None,
        out,
        partial,
    }
}

/// The input files (this shard's, with `--shard`), analysed in parallel and merged: text
/// files in one parallel fold, record files (.jsonl, .csv) streamed one after another
/// ([`analyse_records`]). A record file belongs to one shard as a whole.
fn analyse_files(config: &Config, pool: &rayon::ThreadPool, opts: analyze::Options<'_>) -> Corpus {
    let mut found = ingest::discover(&config.inputs, Some(&config.out));
    if let Some(shard) = config.shard {
        found.sources.retain(|s| shard.contains(&s.id));
        found.skipped.retain(|s| shard.contains(&s.id));
    }
    let progress = progress_bar(found.sources.len() as u64, config.quiet);
    let (record_files, text_files): (Vec<&ingest::Source>, Vec<&ingest::Source>) = found
        .sources
        .iter()
        .partition(|s| FileKind::of(&s.path) != FileKind::Text);
    let mut corpus = fold_queue(pool, &text_files, |source| {
        let outcome = analyse_one(source, opts, config);
        progress.inc(1);
        outcome
    });
    // One set of per-thread corpora for every record file: a file's articles are folded
    // into the corpora the files before it filled, not into fresh ones merged per file.
    let mut folds = Folds::new(pool);
    analyse_records(pool, &mut folds, &record_files, opts, config, &progress);
    corpus = corpus.merge(folds.merge(pool));
    progress.finish_and_clear();
    corpus.skipped.extend(found.skipped);
    corpus
}

/// Folds every item into one corpus per worker thread and merges those at the end.
///
/// Threads take the next few items from a shared counter (an atomic, no lock) until none
/// are left ([`Folds::drain`]), so they finish together however unevenly the work is
/// spread over the list.
/// rayon's own fold splits the list into fixed parts up front instead: capped at two parts
/// per thread to bound memory (each part holds corpus-level maps until merged), a thread
/// that finished its parts sat idle while the other worked through its last one (a fifth
/// of the stage on BBC + Reuters at `--jobs 2`). Here each thread holds one corpus, the
/// least memory any parallel fold can. Which thread gets which item varies from run to
/// run; the reports do not depend on it (the corpus is a monoid and the reports sort).
fn fold_queue<T: Sync>(
    pool: &rayon::ThreadPool,
    items: &[T],
    analyse: impl Fn(&T) -> Result<analyze::ArticleAnalysis, ingest::Skip> + Sync,
) -> Corpus {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let mut folds = Folds::new(pool);
    folds.drain(
        pool,
        || {
            let start = next.fetch_add(QUEUE_TAKE, Ordering::Relaxed);
            let take = items.get(start..(start + QUEUE_TAKE).min(items.len()))?;
            (!take.is_empty()).then(|| take.iter().collect())
        },
        analyse,
    );
    folds.merge(pool)
}

/// Items a thread takes from the queue at a time: enough that the shared counter is
/// touched rarely, few enough that threads finish within a few articles of each other.
const QUEUE_TAKE: usize = 4;

/// Records a thread takes at a time from a stream ([`Folds::drain`]): a lock per take, so
/// more than [`QUEUE_TAKE`]'s atomic counter needs, and still only milliseconds of work.
const STREAM_TAKE: usize = 16;

/// Lines read and analysed at a time from `--stdin-jsonl`: enough to keep every core
/// busy, few enough that memory holds one batch of text, not the whole stream.
const JSONL_BATCH: usize = 2048;

/// Articles from JSON lines ([`stream`]), in batches. Ids must be unique: a repeated id is
/// skipped (the first record kept), since two articles under one name would be
/// indistinguishable in every table.
fn analyse_jsonl(
    input: &mut dyn BufRead,
    config: &Config,
    pool: &rayon::ThreadPool,
    opts: analyze::Options<'_>,
) -> anyhow::Result<Corpus> {
    let mut corpus = Corpus::default();
    let mut parts = Folds::new(pool);
    let mut seen: FxHashMap<String, u64> = FxHashMap::default();
    let mut line_no: u64 = 0;
    let mut buf = Vec::new();
    loop {
        let mut batch: Vec<(u64, Vec<u8>)> = Vec::with_capacity(JSONL_BATCH);
        while batch.len() < JSONL_BATCH {
            buf.clear();
            if input
                .read_until(b'\n', &mut buf)
                .context("reading JSON lines from standard input")?
                == 0
            {
                break;
            }
            line_no += 1;
            if !buf.iter().all(u8::is_ascii_whitespace) {
                batch.push((line_no, std::mem::take(&mut buf)));
            }
        }
        if batch.is_empty() {
            break;
        }
        let parsed: Vec<Result<stream::Record, ingest::Skip>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(n, line)| match std::str::from_utf8(line) {
                    Ok(text) => stream::parse_record(text, *n, &config.fields),
                    Err(e) => Err(ingest::Skip {
                        id: stream::STDIN_NAME.to_string(),
                        reason: ingest::SkipReason::BadRecord {
                            line: *n,
                            error: formats::RecordError::NotUtf8(e.to_string()),
                        },
                    }),
                })
                .collect()
        });
        let mut todo = Vec::with_capacity(parsed.len());
        for (record, (n, _)) in parsed.into_iter().zip(&batch) {
            let id = match &record {
                Ok(r) => &r.id,
                Err(s) => &s.id,
            };
            if config.shard.is_some_and(|s| !s.contains(id)) {
                continue;
            }
            match record {
                Ok(r) => match seen.get(&r.id) {
                    Some(&first) => corpus.skipped.push(ingest::Skip {
                        reason: ingest::SkipReason::BadRecord {
                            line: *n,
                            error: formats::RecordError::DuplicateId(r.id.clone(), first),
                        },
                        id: r.id,
                    }),
                    None => {
                        seen.insert(r.id.clone(), *n);
                        todo.push(r);
                    }
                },
                Err(skip) => corpus.skipped.push(skip),
            }
        }
        drop(batch);
        parts.fold(pool, todo, |r| {
            stream::article(r, config.max_file_size)
                .and_then(|(article, meta)| analyse_article(&article, meta, opts))
        });
    }
    Ok(corpus.merge(parts.merge(pool)))
}

/// One corpus per worker thread, folded into batch after batch of a stream and merged
/// once at the end. A fold per batch would build every corpus-level map afresh for each
/// batch of 2,048 articles and merge it into the total: on a JSON Lines file that cost
/// more than reading it.
struct Folds {
    parts: Vec<Corpus>,
}

impl Folds {
    fn new(pool: &rayon::ThreadPool) -> Folds {
        Folds {
            parts: (0..pool.current_num_threads().max(1))
                .map(|_| Corpus::default())
                .collect(),
        }
    }

    /// Folds a batch in, its items shared out a few at a time ([`Folds::drain`]).
    fn fold<T: Send>(
        &mut self,
        pool: &rayon::ThreadPool,
        batch: Vec<T>,
        analyse: impl Fn(T) -> Result<analyze::ArticleAnalysis, ingest::Skip> + Sync,
    ) {
        let (tx, takes) = Takes::channel();
        // The channel has room for one batch, and nothing takes from it yet.
        let _ = tx.send(batch);
        drop(tx);
        self.drain(pool, || takes.next(), analyse);
    }

    /// Every thread of the pool folds into its own corpus the items `next` hands out, a
    /// take at a time, until `next` has none left. A thread that finishes a take asks for
    /// the next, so no thread waits for another to finish a share fixed in advance: cut
    /// into two equal halves, the batches of the records benchmark kept one thread
    /// waiting for the other 17% of the time (3.5 s of 20 s).
    fn drain<T: Send>(
        &mut self,
        pool: &rayon::ThreadPool,
        next: impl Fn() -> Option<Vec<T>> + Sync,
        analyse: impl Fn(T) -> Result<analyze::ArticleAnalysis, ingest::Skip> + Sync,
    ) {
        // A slot per thread, locked once by that thread for the whole drain.
        let slots: Vec<std::sync::Mutex<Corpus>> = std::mem::take(&mut self.parts)
            .into_iter()
            .map(std::sync::Mutex::new)
            .collect();
        pool.broadcast(|ctx| {
            let Some(slot) = slots.get(ctx.index()) else {
                return;
            };
            let mut corpus = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            while let Some(take) = next() {
                for item in take {
                    *corpus = std::mem::take(&mut *corpus).with(analyse(item));
                }
            }
        });
        self.parts = slots
            .into_iter()
            .map(|slot| {
                slot.into_inner()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
            })
            .collect();
    }

    /// A file that could not be read (or not to its end).
    fn skip(&mut self, skip: ingest::Skip) {
        self.parts[0].skipped.push(skip);
    }

    fn merge(self, pool: &rayon::ThreadPool) -> Corpus {
        pool.install(|| {
            self.parts
                .into_par_iter()
                .reduce(Corpus::default, Corpus::merge)
        })
    }
}

/// A stream's batches, handed out [`STREAM_TAKE`] items at a time to whichever thread asks.
/// The channel holds one batch: with the batch being handed out and the one the reader is
/// filling, memory holds three batches besides the takes being analysed, however long the
/// stream and however large its records (a batch is bounded in bytes as well as in
/// records, [`formats::read`]).
struct Takes<T> {
    queue: std::sync::Mutex<(std::sync::mpsc::Receiver<Vec<T>>, std::vec::IntoIter<T>)>,
}

impl<T> Takes<T> {
    fn channel() -> (std::sync::mpsc::SyncSender<Vec<T>>, Takes<T>) {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let queue = std::sync::Mutex::new((rx, Vec::new().into_iter()));
        (tx, Takes { queue })
    }

    /// The next take: from the batch being handed out, else from the next batch (waiting
    /// for the reader). `None` once the sender is gone and every batch handed out.
    fn next(&self) -> Option<Vec<T>> {
        let mut queue = self.queue.lock().ok()?;
        let (batches, current) = &mut *queue;
        loop {
            let take: Vec<T> = current.by_ref().take(STREAM_TAKE).collect();
            if !take.is_empty() {
                return Some(take);
            }
            *current = batches.recv().ok()?.into_iter();
        }
    }
}

/// Writes the partial result to a file (through a temp file and a rename, like the reports)
/// or, for `-`, to standard output.
fn write_partial(path: &Path, corpus: &Corpus, stopwords: u64) -> anyhow::Result<()> {
    let bytes = partial::encode(corpus, stopwords)?;
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        out.write_all(&bytes)
            .and_then(|_| out.flush())
            .context("writing the partial result to standard output")?;
        return Ok(());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let fail = || format!("cannot write partial result {}", path.display());
    let mut tmp = tempfile::Builder::new()
        .prefix(".broadsheet-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(fail)?;
    tmp.write_all(&bytes).with_context(fail)?;
    report::readable_by_all(tmp.as_file()).with_context(fail)?;
    tmp.persist(path).map_err(|e| e.error).with_context(fail)?;
    Ok(())
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
    let mut a = contain_panic(&article.id, || analyze::article(article, opts))?;
    a.row = a.row.with_meta(meta);
    Ok(a)
}

/// Runs `work` for the article `id`, turning a panic into a skip of that article with the
/// panic's message, so one bad article costs itself, never the batch.
fn contain_panic<T>(id: &str, work: impl FnOnce() -> T) -> Result<T, ingest::Skip> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|panic| {
        let msg = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        ingest::Skip {
            id: id.to_string(),
            reason: ingest::SkipReason::AnalysisFailed(msg),
        }
    })
}

/// Streams the record files (JSON Lines, CSV), one after another, through
/// [`analyse_stream`]: one reader for all of them, so the pool does not wait at each
/// file's start for a new reader's first batch. A file that fails (unreadable, not
/// records, a panic while reading it) is a skip, and the next file is read.
fn analyse_records(
    pool: &rayon::ThreadPool,
    folds: &mut Folds,
    sources: &[&ingest::Source],
    opts: analyze::Options<'_>,
    config: &Config,
    progress: &ProgressBar,
) {
    if sources.is_empty() {
        return;
    }
    analyse_stream(pool, folds, opts, |emit| {
        let mut skips = Vec::new();
        for source in sources {
            let kind = FileKind::of(&source.path);
            let read = contain_panic(&source.id, || {
                formats::read::records(source, kind, &config.fields, config.max_file_size, emit)
            });
            if let Err(skip) = read.and_then(|file| file) {
                skips.push(skip);
            }
            progress.inc(1);
        }
        skips
    })
}

/// Analyses a stream of record batches: `read` runs on its own thread, reading bounded
/// batches ([`formats::read`]) and handing them on ([`Takes`]), and the pool's threads
/// fold them into `folds` a take at a time as they come ([`Folds::drain`]), so memory
/// holds about three batches of text however long the stream. The corpus does not
/// depend on batch boundaries or order. `read` returns the files it could not read.
fn analyse_stream<F>(
    pool: &rayon::ThreadPool,
    folds: &mut Folds,
    opts: analyze::Options<'_>,
    read: F,
) where
    F: FnOnce(&mut dyn FnMut(Vec<formats::read::Unit>) -> bool) -> Vec<ingest::Skip> + Send,
{
    std::thread::scope(|scope| {
        let (tx, takes) = Takes::channel();
        let reader = scope.spawn(move || read(&mut |batch| tx.send(batch).is_ok()));
        folds.drain(
            pool,
            || takes.next(),
            |unit| {
                unit.and_then(|pending| {
                    let (a, meta) = pending.into_article();
                    analyse_article(&a, meta, opts)
                })
            },
        );
        match reader.join() {
            Ok(skips) => skips.into_iter().for_each(|skip| folds.skip(skip)),
            // Each file's panic is caught where it is read: this is the loop's own.
            Err(_) => folds.skip(ingest::Skip {
                id: "record files".to_string(),
                reason: ingest::SkipReason::AnalysisFailed(
                    "reading the record files failed".into(),
                ),
            }),
        }
    })
}

/// Creates the output folder and proves it writable before any work is done, so a bad
/// `--out` costs nothing and names the path.
fn prepare_output(inputs: &[PathBuf], out: &Path) -> Result<(), Error> {
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
    report::remove_stale_temps(out);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    /// Item `i` folded as a skip named by it, so the corpus records what was folded.
    fn as_skip(i: usize) -> Result<analyze::ArticleAnalysis, ingest::Skip> {
        Err(ingest::Skip {
            id: format!("{i:04}"),
            reason: ingest::SkipReason::Empty,
        })
    }

    /// Whether the corpus folded items `0..n`, each once.
    fn folded_each_once(corpus: &Corpus, n: usize) -> bool {
        let mut ids: Vec<String> = corpus.skipped.iter().map(|s| s.id.clone()).collect();
        ids.sort();
        ids == (0..n).map(|i| format!("{i:04}")).collect::<Vec<_>>()
    }

    #[test]
    fn batches_fold_every_item_once_at_any_thread_count() {
        // Batches shorter than, equal to and longer than the thread count, and empty ones.
        for threads in [1, 2, 3, 8] {
            let pool = pool(threads);
            let mut folds = Folds::new(&pool);
            let mut next = 0;
            for n in [0, 1, 2, 3, 7, 8, 9, 0, 41] {
                folds.fold(&pool, (next..next + n).collect(), as_skip);
                next += n;
            }
            assert!(
                folded_each_once(&folds.merge(&pool), next),
                "{threads} threads"
            );
        }
    }

    #[test]
    fn a_stream_folds_every_unit_once_and_its_readers_skips_at_any_thread_count() {
        let opts = analyze::Options {
            stopwords: crate::text::stopwords::StopWords::english(),
        };
        // Batches shorter than, equal to and longer than a take, and empty ones.
        let sizes = [
            0,
            1,
            STREAM_TAKE - 1,
            STREAM_TAKE,
            STREAM_TAKE + 1,
            0,
            7 * STREAM_TAKE + 3,
        ];
        let total: usize = sizes.iter().sum();
        for threads in [1, 2, 3, 8] {
            let pool = pool(threads);
            let mut folds = Folds::new(&pool);
            // Two streams into the same corpora.
            for stream in 0..2 {
                analyse_stream(&pool, &mut folds, opts, |emit| {
                    let mut next = stream * total;
                    for n in sizes {
                        let batch = (next..next + n).map(|i| as_skip(i).map(|_| unreachable!()));
                        next += n;
                        assert!(emit(batch.collect()), "the pool stopped reading");
                    }
                    // A file the reader could not read, after everything it read.
                    vec![as_skip(2 * total + stream).unwrap_err()]
                });
            }
            assert!(
                folded_each_once(&folds.merge(&pool), 2 * total + 2),
                "{threads} threads"
            );
        }
    }

    #[test]
    fn a_stream_holds_one_batch_beside_the_one_handed_out() {
        let (tx, takes) = Takes::channel();
        let batch = |from: usize| (from..from + STREAM_TAKE + 1).collect::<Vec<usize>>();
        tx.try_send(batch(0)).unwrap();
        // Nothing taken yet: no room for a second batch, however small.
        assert!(tx.try_send(vec![99]).is_err());
        assert_eq!(takes.next(), Some((0..STREAM_TAKE).collect()));
        // The first batch is being handed out: room for one more, not two.
        tx.try_send(batch(100)).unwrap();
        assert!(tx.try_send(vec![99]).is_err());
        assert_eq!(takes.next(), Some(vec![STREAM_TAKE]));
        assert_eq!(takes.next(), Some((100..100 + STREAM_TAKE).collect()));
        assert_eq!(takes.next(), Some(vec![100 + STREAM_TAKE]));
        drop(tx);
        assert_eq!(takes.next(), None);
    }

    #[test]
    fn the_work_queue_folds_every_item_once_at_any_thread_count() {
        // Item counts around multiples of the take, so the last take is full, partial or
        // empty.
        for threads in [1, 2, 3, 8] {
            let pool = pool(threads);
            for n in [
                0,
                1,
                QUEUE_TAKE - 1,
                QUEUE_TAKE,
                QUEUE_TAKE + 1,
                10 * QUEUE_TAKE + 3,
            ] {
                let items: Vec<usize> = (0..n).collect();
                let corpus = fold_queue(&pool, &items, |&i| as_skip(i));
                assert!(folded_each_once(&corpus, n), "{threads} threads, {n} items");
            }
        }
    }

    #[test]
    fn a_panic_in_one_article_becomes_its_skip_with_the_message() {
        let skip = contain_panic("world/a.txt", || -> u32 {
            panic!("span {} out of range", 7)
        })
        .unwrap_err();
        assert_eq!(skip.id, "world/a.txt");
        assert_eq!(
            skip.reason.to_string(),
            "analysis failed: span 7 out of range"
        );
        assert_eq!(contain_panic("b.txt", || 5), Ok(5));
    }
}
