//! The only code that writes: turns the merged [`Corpus`] into report files.
//!
//! Every report is first rendered to bytes in memory ([`render`]); only when all of them
//! exist are they written, each to a temp file in the output folder and then renamed over
//! the old one ([`write_atomically`]). A run that fails or is interrupted before that point
//! leaves the previous reports untouched, and no reader ever sees a half-written file.

pub mod charts;
pub mod entities;
pub mod tables;

use crate::corpus::Corpus;
use anyhow::Context;
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;

/// Settings that shape the reports but not the analysis.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    /// Bars in each chart.
    pub top: usize,
    /// Keywords listed per article.
    pub keywords: usize,
    /// Phrases seen fewer times than this are left out of `bigrams.csv`.
    pub min_bigram: u64,
    /// Write cell values exactly, even those a spreadsheet would run as a formula.
    pub raw_csv: bool,
    /// Pairs seen together in fewer units of the window than this are left out of
    /// `cooccurrence.csv`, the heatmap and the graph.
    pub min_count: u64,
    /// The unit the association score, the heatmap and the graph use.
    pub window: crate::corpus::Window,
}

/// A report file, rendered, waiting to be written.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// Writes every report of the corpus into `dir`, atomically: each file goes to a temp
/// file in `dir` as it is rendered, and all are renamed over the old reports only once
/// every one is complete. The per-article tables stream from [`Corpus::records`] in one
/// pass, a row at a time, so neither their rows nor their bytes are ever all in memory.
pub fn write(corpus: &Corpus, opts: &ReportOptions, dir: &Path) -> anyhow::Result<()> {
    let mut staged = Staged::new(dir);
    let raw = opts.raw_csv;
    let mut articles = staged.csv(
        "articles.csv",
        &[
            "article",
            "title",
            "bytes",
            "words",
            "sentences",
            "paragraphs",
            "quotes",
            "mentions",
            "encoding",
        ],
        raw,
    )?;
    let mut keywords = staged.csv(
        "keywords.csv",
        &["article", "rank", "word", "count", "tfidf"],
        raw,
    )?;
    let mut quotes = staged.csv(
        "quotes.csv",
        &[
            "article",
            "start",
            "end",
            "quote",
            "speaker",
            "speaker_mention",
            "speaker_type",
            "cue",
            "unclosed",
        ],
        raw,
    )?;
    let mut mentions = staged.csv(
        "mentions.csv",
        &["article", "start", "end", "mention", "entity", "type"],
        raw,
    )?;
    let aliases = corpus.aliases();
    let resolve = corpus.resolver();
    let resolved = entities::resolve_all(corpus, &resolve);
    // The per-article pass is one stream; the corpus-level tables (sorting the vocabulary
    // and the pairs, drawing the word chart) do not need it and run beside it.
    let (streamed, corpus_level) = rayon::join(
        || -> anyhow::Result<_> {
            let mut speakers = tables::Speakers::default();
            let mut entity_pass = entities::EntityPass::new(corpus, &resolve, &resolved);
            let mut records = corpus
                .records
                .records()
                .context("reading back the per-article records")?;
            // Articles are rendered a batch at a time on every thread, then written and
            // tallied in order: the order-dependent work is small.
            let mut batch = Vec::with_capacity(RENDER_BATCH);
            loop {
                batch.clear();
                // A batch ends at RENDER_BATCH articles or RENDER_BATCH_BYTES of text, so
                // that a corpus of huge files does not render them all at once.
                let mut text = 0;
                while batch.len() < RENDER_BATCH && text < RENDER_BATCH_BYTES {
                    let Some(rec) = records.next() else { break };
                    let rec = rec.context("reading back the per-article records")?;
                    text += rec.row.bytes;
                    batch.push(rec);
                }
                if batch.is_empty() {
                    break;
                }
                let pass = &entity_pass;
                let rendered: Vec<csv::Result<Rendered>> = batch
                    .par_iter()
                    .map(|rec| {
                        let q = tables::quotes(rec, &aliases);
                        let m = pass.mentions(rec);
                        Ok(Rendered {
                            article: tables::csv_rows([&tables::ArticleOut::new(&rec.row)], raw)?,
                            keywords: tables::csv_rows(
                                &tables::keywords(rec, corpus, opts.keywords),
                                raw,
                            )?,
                            quotes_csv: tables::csv_rows(&q, raw)?,
                            mentions_csv: tables::csv_rows(m.iter().map(|(m, _)| m), raw)?,
                            quotes: q,
                            mentions: m,
                        })
                    })
                    .collect();
                for r in rendered {
                    let r = r?;
                    articles.append(&r.article)?;
                    keywords.append(&r.keywords)?;
                    quotes.append(&r.quotes_csv)?;
                    mentions.append(&r.mentions_csv)?;
                    speakers.add(&r.quotes);
                    entity_pass.tally(&r.mentions);
                }
            }
            Ok((
                speakers,
                entity_pass,
                [articles, keywords, quotes, mentions],
            ))
        },
        || -> anyhow::Result<_> {
            let words = tables::words(corpus);
            let mut bigrams = staged.csv("bigrams.csv", &["phrase", "count", "articles"], raw)?;
            bigrams.rows(&tables::bigrams(corpus, opts.min_bigram), raw)?;
            let files = [
                tables::csv_file("skipped.csv", &["path", "reason"], tables::skipped(corpus))?,
                tables::csv_file(
                    "words.csv",
                    &["word", "count", "articles", "per_million"],
                    &words,
                )?,
                OutputFile {
                    name: "top_words.png",
                    bytes: charts::top_words(&words, corpus.articles as usize, opts.top)?,
                },
            ];
            let pairs = entities::pairs(corpus, &resolved, opts.window, opts.min_count);
            Ok((files, bigrams, pairs))
        },
    );
    let (speakers, entity_pass, streams) = streamed?;
    let (corpus_files, bigrams, pairs) = corpus_level?;
    for t in streams {
        staged.finish(t)?;
    }
    staged.finish(bigrams)?;

    let quote_count = speakers.quotes;
    let speakers = speakers.rows();
    let e = entity_pass.finish(pairs, opts.window);
    let (labels, counts) = e.heatmap(opts.top.min(30));
    let articles = corpus.articles as usize;
    // Each file is staged as soon as it is rendered and then dropped: memory holds one
    // rendered file at a time (the graph of a large corpus runs to tens of megabytes).
    for f in corpus_files {
        staged.put(f, raw)?;
    }
    staged.put(
        tables::csv_file(
            "speakers.csv",
            &["speaker", "type", "quotes", "quoted_words", "articles"],
            &speakers,
        )?,
        raw,
    )?;
    staged.put(
        tables::csv_file(
            "entities.csv",
            &["entity", "type", "mentions", "articles", "aliases"],
            &e.entities,
        )?,
        raw,
    )?;
    let mut pairs = staged.csv(
        "cooccurrence.csv",
        &[
            "entity_a",
            "type_a",
            "entity_b",
            "type_b",
            "sentences",
            "paragraphs",
            "articles",
            "npmi",
        ],
        raw,
    )?;
    pairs.rows(&e.pairs, raw)?;
    staged.finish(pairs)?;
    let mut gexf = staged.csv("cooccurrence.gexf", &[], raw)?;
    e.gexf_to(&mut gexf.out).map_err(&gexf.fail)?;
    staged.finish(gexf)?;
    staged.put(
        OutputFile {
            name: "top_speakers.png",
            bytes: charts::top_speakers(&speakers, quote_count, opts.top)?,
        },
        raw,
    )?;
    staged.put(
        OutputFile {
            name: "cooccurrence_heatmap.png",
            bytes: charts::cooccurrence_heatmap(
                &labels,
                &counts,
                entities::window_name(opts.window),
                articles,
            )?,
        },
        raw,
    )?;
    staged.commit()?;
    Ok(())
}

/// Report files written to temp files in the output folder, waiting to be renamed into
/// place together. Dropped without [`Staged::commit`], the temp files are deleted.
struct Staged<'d> {
    dir: &'d Path,
    files: Vec<(&'static str, tempfile::NamedTempFile)>,
}

/// Articles rendered at once by the report stream.
const RENDER_BATCH: usize = 256;
/// Article text (in bytes) rendered at once at most, give or take one article.
const RENDER_BATCH_BYTES: u64 = 1 << 20;

/// One article's rows, rendered.
struct Rendered {
    article: Vec<u8>,
    keywords: Vec<u8>,
    quotes_csv: Vec<u8>,
    mentions_csv: Vec<u8>,
    quotes: Vec<tables::QuoteOut>,
    mentions: Vec<(entities::MentionOut, u32)>,
}

/// A streamed CSV table and the temp file it goes to.
struct StagedCsv {
    name: &'static str,
    file: tempfile::NamedTempFile,
    out: std::io::BufWriter<std::fs::File>,
    fail: Box<dyn Fn(std::io::Error) -> crate::Error + Send>,
}

impl StagedCsv {
    fn append(&mut self, bytes: &[u8]) -> Result<(), crate::Error> {
        self.out.write_all(bytes).map_err(&self.fail)
    }

    /// Renders and appends rows a few thousand at a time.
    fn rows<R: tables::Row>(&mut self, rows: &[R], raw: bool) -> anyhow::Result<()> {
        for chunk in rows.chunks(4096) {
            self.append(&tables::csv_rows(chunk, raw)?)?;
        }
        Ok(())
    }
}

impl<'d> Staged<'d> {
    fn new(dir: &'d Path) -> Self {
        Staged {
            dir,
            files: Vec::new(),
        }
    }

    fn fail(&self, name: &str) -> impl Fn(std::io::Error) -> crate::Error + Send + 'static {
        let path = self.dir.join(name);
        move |source| crate::Error::WriteReport {
            path: path.clone(),
            source,
        }
    }

    fn temp(&self, name: &str) -> Result<tempfile::NamedTempFile, crate::Error> {
        tempfile::Builder::new()
            .prefix(".broadsheet-")
            .suffix(".tmp")
            .tempfile_in(self.dir)
            .map_err(self.fail(name))
    }

    fn csv(
        &self,
        name: &'static str,
        header: &[&str],
        raw: bool,
    ) -> Result<StagedCsv, crate::Error> {
        let file = self.temp(name)?;
        let to = file.reopen().map_err(self.fail(name))?;
        // An empty header is no header (the graph is not a table).
        let mut head = tables::CsvStream::new(Vec::new(), raw);
        if !header.is_empty() {
            head.header(header).map_err(|e| self.fail(name)(e.into()))?;
        }
        let head = head.into_inner().map_err(self.fail(name))?;
        let mut t = StagedCsv {
            name,
            file,
            out: std::io::BufWriter::with_capacity(1 << 16, to),
            fail: Box::new(self.fail(name)),
        };
        t.append(&head)?;
        Ok(t)
    }

    fn finish(&mut self, mut t: StagedCsv) -> Result<(), crate::Error> {
        t.out.flush().map_err(&t.fail)?;
        self.files.push((t.name, t.file));
        Ok(())
    }

    /// Stages a rendered file (a CSV table made safe for spreadsheets unless `raw`).
    fn put(&mut self, mut f: OutputFile, raw: bool) -> anyhow::Result<()> {
        if !raw && f.name.ends_with(".csv") {
            f.bytes = neutralise_formulas(&f.bytes)?;
        }
        self.bytes(&f)?;
        Ok(())
    }

    fn bytes(&mut self, f: &OutputFile) -> Result<(), crate::Error> {
        let mut tmp = self.temp(f.name)?;
        tmp.write_all(&f.bytes).map_err(self.fail(f.name))?;
        self.files.push((f.name, tmp));
        Ok(())
    }

    /// Renames every file into place (after making each readable and durable).
    fn commit(self) -> Result<(), crate::Error> {
        for (name, tmp) in &self.files {
            let fail = self.fail(name);
            readable_by_all(tmp.as_file()).map_err(&fail)?;
            tmp.as_file().sync_all().map_err(&fail)?;
        }
        for (name, tmp) in self.files {
            let target = self.dir.join(name);
            tmp.persist(&target)
                .map_err(|e| crate::Error::WriteReport {
                    path: target.clone(),
                    source: e.error,
                })?;
        }
        Ok(())
    }
}

/// Makes a CSV safe to open in a spreadsheet (the OWASP rule for CSV injection): a cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a number,
/// gets a leading `'`, so "=HYPERLINK(...)" quoted in an article is shown, not run.
/// Numbers such as a negative NPMI stay numbers.
pub fn neutralise_formulas(csv_bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_bytes);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(Vec::with_capacity(csv_bytes.len()));
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record)? {
        for field in &record {
            if could_run_as_formula(field) {
                writer.write_field(format!("'{field}"))?;
            } else {
                writer.write_field(field)?;
            }
        }
        writer.write_record(std::iter::empty::<&[u8]>())?;
    }
    Ok(writer.into_inner()?)
}

pub(crate) fn could_run_as_formula(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@', '\t', '\r']) && field.trim().parse::<f64>().is_err()
}

/// Temp files are created private (0600); reports are ordinary files (0644 on Unix).
#[cfg(unix)]
fn readable_by_all(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_all(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_but_numbers_and_text_kept() {
        let raw = b"a,b,c\n=SUM(A1),-0.25,@home\n\"-- note\",+44,plain\n\"\ttab\",x,=\n";
        let safe = String::from_utf8(neutralise_formulas(raw).unwrap()).unwrap();
        assert_eq!(
            safe,
            "a,b,c\n'=SUM(A1),-0.25,'@home\n'-- note,+44,plain\n'\ttab,x,'=\n"
        );
    }

    #[test]
    fn quoting_survives_the_rewrite() {
        let raw = b"q\n\"a, \"\"b\"\"\nc\"\n";
        assert_eq!(neutralise_formulas(raw).unwrap(), raw.to_vec());
    }
}
