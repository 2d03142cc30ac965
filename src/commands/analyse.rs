//! `broadsheet INPUT...` (and `--stdin-jsonl`): the analysis, stage by stage.
//!
//! [`run`] reads the input three ways, each ending in one corpus per thread
//! ([`scheduler`]): text files are shared out from a list (`analyse_files`); record
//! files (.jsonl, .csv) and standard input are streams, read on one thread in bounded
//! batches while the pool analyses (`analyse_records`, `analyse_jsonl`). Every article
//! goes through `analyse_article`, where a panic costs that article only. The merged
//! corpus then becomes the reports ([`report::write`]) and/or a partial result
//! ([`partial`]).

use super::{prepare_output, thread_pool};
use crate::config::Config;
use crate::corpus::Corpus;
use crate::ingest::formats::{self, FileKind};
use crate::scheduler::{self, PerThread, Takes};
use crate::summary::{Stages, Summary};
use crate::{analyze, article, ingest, partial, report, stream};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

/// What every thread folds an article's outcome into.
type Outcome = Result<analyze::ArticleAnalysis, ingest::Skip>;

/// Runs the whole batch: discover, analyse in parallel, merge, write the reports and/or
/// the partial result.
pub fn run(config: &Config) -> anyhow::Result<Summary> {
    let started = Instant::now();
    if config.reports {
        prepare_output(&config.inputs, &config.out)?;
    }
    let pool = thread_pool(config.jobs)?;
    let opts = analyze::Options {
        stopwords: &config.stopwords,
    };
    let mut stages = Stages::new();
    let mut written = None;
    let corpus = if config.stdin_jsonl {
        let stdin = std::io::stdin();
        analyse_jsonl(stdin.lock(), config, &pool, opts)?
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
        ..Summary::of(
            &corpus,
            started,
            config.reports.then(|| config.out.clone()),
            config.partial.clone(),
        )
    })
}

/// Folds one article's outcome into a thread's corpus.
fn fold_into(corpus: &mut Corpus, outcome: Outcome) {
    *corpus = std::mem::take(corpus).with(outcome);
}

/// The input files (this shard's, with `--shard`), analysed in parallel and merged: text
/// files shared out from a list, record files (.jsonl, .csv) streamed one after another
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
    let mut corpus = scheduler::fold_slice(
        pool,
        &text_files,
        |corpus, source| {
            fold_into(corpus, analyse_one(source, opts, config));
            progress.inc(1);
        },
        Corpus::merge,
    );
    // One set of per-thread corpora for every record file: a file's articles are folded
    // into the corpora the files before it filled, not into fresh ones merged per file.
    let mut folds = PerThread::new(pool);
    analyse_records(pool, &mut folds, &record_files, opts, config, &progress);
    corpus = corpus.merge(folds.merge(pool, Corpus::merge));
    progress.finish_and_clear();
    corpus.skipped.extend(found.skipped);
    corpus
}

/// Articles from JSON lines on standard input ([`stream`]), a batch at a time: lines are
/// parsed in parallel, then sharded and their ids checked for repeats in line order (so
/// the first of two records with one id is the one kept), then analysed in parallel.
fn analyse_jsonl(
    input: impl BufRead,
    config: &Config,
    pool: &rayon::ThreadPool,
    opts: analyze::Options<'_>,
) -> anyhow::Result<Corpus> {
    let mut corpus = Corpus::default();
    let mut parts = PerThread::new(pool);
    let mut seen = stream::SeenIds::default();
    let mut lines = stream::Lines::new(input);
    loop {
        let batch = lines
            .next_batch()
            .context("reading JSON lines from standard input")?;
        if batch.is_empty() {
            break;
        }
        let parsed: Vec<Result<stream::Record, ingest::Skip>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(n, line)| stream::parse_line(line, *n, &config.fields))
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
            match record.and_then(|r| seen.first(r, *n)) {
                Ok(r) => todo.push(r),
                Err(skip) => corpus.skipped.push(skip),
            }
        }
        drop(batch);
        parts.fold(pool, todo, |corpus, r| {
            fold_into(
                corpus,
                stream::article(r, config.max_file_size)
                    .and_then(|(article, meta)| analyse_article(&article, meta, opts)),
            )
        });
    }
    Ok(corpus.merge(parts.merge(pool, Corpus::merge)))
}

/// Loads and analyses one text file.
fn analyse_one(source: &ingest::Source, opts: analyze::Options<'_>, config: &Config) -> Outcome {
    let (article, meta) = ingest::load_with_meta(source, config.max_file_size, &config.fields)?;
    analyse_article(&article, meta, opts)
}

/// Analyses one article. A panic inside the analysis is a bug, but it costs one article,
/// not the batch: it is caught and the article reported as skipped.
fn analyse_article(
    article: &article::Article,
    meta: formats::Meta,
    opts: analyze::Options<'_>,
) -> Outcome {
    let mut a = contain_panic(&article.id, || analyze::article(article, opts))?;
    a.row = a.row.with_meta(meta);
    Ok(a)
}

/// Runs `work` for the article or file `id`, turning a panic into a skip of it with the
/// panic's message ([`scheduler::contain`]), so `skipped.csv` names what was lost and why.
fn contain_panic<T>(id: &str, work: impl FnOnce() -> T) -> Result<T, ingest::Skip> {
    scheduler::contain(work).map_err(|msg| ingest::Skip {
        id: id.to_string(),
        reason: ingest::SkipReason::AnalysisFailed(msg),
    })
}

/// Streams the record files (JSON Lines, CSV), one after another, through
/// [`analyse_stream`]: one reader for all of them, so the pool does not wait at each
/// file's start for a new reader's first batch. A file that fails (unreadable, not
/// records, a panic while reading it) is a skip, and the next file is read.
fn analyse_records(
    pool: &rayon::ThreadPool,
    folds: &mut PerThread<Corpus>,
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
/// fold them into `folds` a take at a time as they come ([`PerThread::drain`]), so memory
/// holds about three batches of text however long the stream. The corpus does not
/// depend on batch boundaries or order. `read` returns the files it could not read.
fn analyse_stream<F>(
    pool: &rayon::ThreadPool,
    folds: &mut PerThread<Corpus>,
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
            |corpus, unit| {
                fold_into(
                    corpus,
                    unit.and_then(|pending| {
                        let (a, meta) = pending.into_article();
                        analyse_article(&a, meta, opts)
                    }),
                )
            },
        );
        match reader.join() {
            Ok(skips) => skips
                .into_iter()
                .for_each(|skip| folds.one().skipped.push(skip)),
            // Each file's panic is caught where it is read: this is the loop's own.
            Err(_) => folds.one().skipped.push(ingest::Skip {
                id: "record files".to_string(),
                reason: ingest::SkipReason::AnalysisFailed(
                    "reading the record files failed".into(),
                ),
            }),
        }
    })
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
    use crate::scheduler::STREAM_TAKE;

    fn pool(threads: usize) -> rayon::ThreadPool {
        thread_pool(threads).unwrap()
    }

    /// Item `i` as a skip named by it, so the corpus records what was folded.
    fn as_skip(i: usize) -> Outcome {
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
            let mut folds = PerThread::new(&pool);
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
                folded_each_once(&folds.merge(&pool, Corpus::merge), 2 * total + 2),
                "{threads} threads"
            );
        }
    }

    #[test]
    fn repeated_ids_on_standard_input_keep_the_first_record_at_any_thread_count() {
        let mut config = Config::from_cli(
            <crate::config::Cli as clap::Parser>::try_parse_from(["broadsheet", "--stdin-jsonl"])
                .unwrap(),
        )
        .unwrap();
        config.quiet = true;
        let mut input = String::new();
        for i in 0..3 * stream::BATCH {
            // Every id twice: once in its own batch, once in the next (or the same).
            let id = i % (3 * stream::BATCH / 2);
            input.push_str(&format!(
                "{{\"id\":\"a{id}\",\"text\":\"Line {i} said.\"}}\n"
            ));
        }
        for threads in [1, 2, 3] {
            let opts = analyze::Options {
                stopwords: &config.stopwords,
            };
            let corpus = analyse_jsonl(input.as_bytes(), &config, &pool(threads), opts).unwrap();
            assert_eq!(corpus.articles as usize, 3 * stream::BATCH / 2);
            assert_eq!(corpus.skipped.len(), 3 * stream::BATCH / 2);
            assert!(corpus.skipped.iter().all(|s| matches!(
                &s.reason,
                ingest::SkipReason::BadRecord {
                    error: formats::RecordError::DuplicateId(id, first),
                    line,
                } if *id == s.id && *first as usize + 3 * stream::BATCH / 2 == *line as usize
            )));
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
