//! The per-article tables (`articles.csv`, `keywords.csv`, `quotes.csv`, `mentions.csv`),
//! streamed from the corpus's spilled records ([`crate::spill`]) straight into their temp
//! files, and the corpus-level tallies that need each article's rows (speakers, entities,
//! the breakdowns by outlet and date, people and sources by gender), summed on the way.
//! Memory holds one batch of articles, never every row.
//!
//! Records come back in report order (by article); each batch is turned into rows in
//! parallel and appended in that order, so the bytes do not depend on the thread count.

use super::breakdowns::{OutletTally, PeriodBuilder};
use super::csvout::Csv;
use super::entities::{self, EntityTally};
use super::gender::{self, GenderTally};
use super::html::Preview;
use super::tables::{self, SpeakerTally};
use super::{ReportOptions, Staged};
use crate::analyze::quotes::QuoteKind;
use crate::analyze::ArticleRow;
use crate::corpus::{Corpus, Resolver};
use anyhow::Context;
use rayon::prelude::*;
use std::path::Path;

/// Articles turned into rows at a time...
const BATCH: usize = 512;

/// ...or fewer, once their encoded records hold this many bytes: long articles (a whole
/// archive in one file) have thousands of rows each, and 512 of them would hold a corpus's
/// worth of rows in memory at once. Three batches are in flight ([`stream`]); at 8 MB the
/// 280-file benchmark corpus peaked 50 MB higher than at 4 MB, in the same time.
const BATCH_BYTES: usize = 4 << 20;

/// A table's bytes are written to its temp file in pieces of about this size.
const WRITE_BYTES: usize = 256 << 10;

/// What streaming the records left: the four tables staged, and the tallies.
pub struct Pass {
    pub staged: Vec<Staged>,
    pub previews: Vec<Preview>,
    pub speakers: SpeakerTally,
    pub outlets: OutletTally,
    pub entities: EntityTally,
    pub periods: PeriodBuilder,
    pub gender: GenderTally,
    pub dated: Dated,
    /// Quotations (direct and partial) in `quotes.csv`.
    pub quotes: usize,
    /// Pieces of reported speech in `quotes.csv`.
    pub reported: usize,
    pub unattributed: usize,
}

/// The articles with a date: how many, the first and the last date.
#[derive(Debug, Default, Clone, Copy)]
pub struct Dated {
    pub articles: usize,
    pub first: Option<chrono::NaiveDate>,
    pub last: Option<chrono::NaiveDate>,
}

impl Dated {
    fn add(&mut self, d: chrono::NaiveDate) {
        self.articles += 1;
        self.first = Some(self.first.map_or(d, |f| f.min(d)));
        self.last = Some(self.last.map_or(d, |l| l.max(d)));
    }
}

/// One table being streamed to its temp file.
struct Table {
    staged: Staged,
    pending: Vec<u8>,
    /// The header and the first rows, for the overview page.
    head: Vec<u8>,
    rows: usize,
}

impl Table {
    fn new(
        dir: &Path,
        name: &'static str,
        header: &[&str],
        opts: &ReportOptions,
    ) -> anyhow::Result<Table> {
        let mut c = Csv::new(!opts.raw_csv);
        c.header(header)?;
        let head = c.take()?;
        let mut pending = Vec::with_capacity(WRITE_BYTES + (64 << 10));
        if opts.excel {
            pending.extend_from_slice(super::BOM);
        }
        pending.extend_from_slice(&head);
        Ok(Table {
            staged: Staged::create(dir, name)?,
            pending,
            head,
            rows: 0,
        })
    }

    fn push(&mut self, bytes: &[u8], rows: usize) -> anyhow::Result<()> {
        if self.rows < super::html::PREVIEW_ROWS {
            self.head.extend_from_slice(bytes);
        }
        self.rows += rows;
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= WRITE_BYTES {
            self.staged.write(&self.pending)?;
            self.pending.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<(Staged, Preview)> {
        self.staged.write(&self.pending)?;
        let name = self.staged.name;
        Ok((
            self.staged.finish()?,
            Preview {
                name,
                head: self.head,
                rows: self.rows,
            },
        ))
    }
}

/// The next records: at most `count` of them, and no more once they hold `bytes` bytes
/// (a record is never split, so one larger than `bytes` makes a batch of its own).
fn next_batch(
    records: &mut impl Iterator<Item = std::io::Result<Vec<u8>>>,
    count: usize,
    bytes: usize,
) -> std::io::Result<Vec<Vec<u8>>> {
    let mut batch = Vec::new();
    let mut held = 0;
    while batch.len() < count && held < bytes {
        let Some(raw) = records.next() else { break };
        let raw = raw?;
        held += raw.len();
        batch.push(raw);
    }
    Ok(batch)
}

/// One article's rows and tallies, built in parallel with the rest of its batch.
struct Rows {
    articles: Vec<u8>,
    keywords: (Vec<u8>, usize),
    quotes: (Vec<u8>, usize),
    mentions: (Vec<u8>, usize),
    quote_rows: Vec<tables::QuoteOut>,
    entities: Vec<entities::ArticleEntity>,
    gender: gender::Counts,
    row: ArticleRow,
    /// The article's words by their id in the corpus's word table, kept only when it has
    /// a date (for the words by period).
    terms: Vec<(u32, u32)>,
}

/// A table's rows for one article as CSV bytes, and how many rows they are.
type RowBytes = (Vec<u8>, usize);

/// A record at least this large (a long article: thousands of mentions) has its tables'
/// rows built in parallel with each other: a batch of such records holds only a few, too
/// few to keep every thread busy one record each.
const SPLIT_BYTES: usize = 256 << 10;

/// One article's rows; `split` builds its tables' rows in parallel with each other (the
/// bytes are the same either way).
fn rows_of(
    raw: &[u8],
    corpus: &Corpus,
    resolve: &Resolver,
    idf: &tables::Idf,
    opts: &ReportOptions,
    split: bool,
) -> anyhow::Result<Rows> {
    let (rec, terms) = crate::record::decode_parts(raw)?;
    let neutralise = !opts.raw_csv;
    let dated = rec.row.date.is_some();
    // One lookup per word serves both its keyword score and its id for the words by period.
    let known: Vec<_> = if dated || opts.keywords > 0 {
        terms.iter().map(|&(w, _)| corpus.words.lookup(w)).collect()
    } else {
        Vec::new()
    };
    let keyword_rows = |c: &mut Csv| -> anyhow::Result<RowBytes> {
        let kw = tables::keywords_of(&rec.row.article, &terms, &known, idf, opts.keywords);
        for r in &kw {
            c.row(r)?;
        }
        Ok((c.take()?, kw.len()))
    };
    let quote_rows = |c: &mut Csv| -> anyhow::Result<(Vec<u8>, Vec<tables::QuoteOut>)> {
        let rows = tables::quotes_of(&rec, resolve);
        for r in &rows {
            c.row(r)?;
        }
        Ok((c.take()?, rows))
    };
    let mention_rows = |c: &mut Csv| -> anyhow::Result<(RowBytes, Vec<entities::ArticleEntity>)> {
        let (rows, entities) = entities::mentions_of(&rec, resolve);
        for r in &rows {
            c.row(r)?;
        }
        Ok(((c.take()?, rows.len()), entities))
    };
    // One writer for the four tables' rows, emptied after each; three for a large record.
    let mut c = Csv::new(neutralise);
    let reported = rec
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Reported)
        .count() as u64;
    c.row(&tables::article_out(&rec.row, reported))?;
    let articles = c.take()?;
    let (keywords, (quotes, mentions)) = if split {
        rayon::join(
            || keyword_rows(&mut c),
            || {
                rayon::join(
                    || quote_rows(&mut Csv::new(neutralise)),
                    || mention_rows(&mut Csv::new(neutralise)),
                )
            },
        )
    } else {
        let k = keyword_rows(&mut c);
        (k, (quote_rows(&mut c), mention_rows(&mut c)))
    };
    let (keywords, (quotes, quote_rows), (mentions, entities)) = (keywords?, quotes?, mentions?);
    let gender = gender::Counts::of_article(&entities, &quote_rows, resolve);
    let terms = if dated {
        // Every word of an article is in the corpus's table, which the fold built from them.
        terms
            .iter()
            .zip(&known)
            .filter_map(|(&(_, n), found)| Some((found.as_ref()?.0, n)))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Rows {
        articles,
        keywords,
        quotes: (quotes, quote_rows.len()),
        mentions,
        quote_rows,
        entities,
        gender,
        row: rec.row,
        terms,
    })
}

/// The four tables being written and the tallies being summed: where each batch's rows go.
struct Sinks {
    articles: Table,
    keywords: Table,
    quotes: Table,
    mentions: Table,
    pass: Pass,
}

impl Sinks {
    /// Appends a batch's rows in order and adds them to the tallies.
    fn consume(&mut self, rows: Vec<Rows>) -> anyhow::Result<()> {
        let pass = &mut self.pass;
        for r in rows {
            self.articles.push(&r.articles, 1)?;
            self.keywords.push(&r.keywords.0, r.keywords.1)?;
            self.quotes.push(&r.quotes.0, r.quotes.1)?;
            self.mentions.push(&r.mentions.0, r.mentions.1)?;
            let reported = QuoteKind::Reported.as_str();
            for q in &r.quote_rows {
                if q.kind == reported {
                    pass.reported += 1;
                } else {
                    pass.quotes += 1;
                    pass.unattributed += usize::from(q.speaker.is_empty());
                }
            }
            pass.speakers.add(&r.quote_rows);
            pass.outlets.add(&r.row.outlet, &r.quote_rows);
            pass.entities.add(r.entities);
            pass.gender.add(&r.row.outlet, r.row.date, &r.gender);
            if let Some(d) = r.row.date {
                pass.dated.add(d);
            }
            pass.periods.add(&r.row, &r.terms);
        }
        Ok(())
    }
}

/// Streams every record once: writes the four per-article tables to temp files in `dir`
/// and sums the tallies.
///
/// A three-step pipeline over batches: while one batch is read back from the spill, the
/// one before it becomes rows (in parallel) and the one before that is appended to the
/// tables. Appending is sequential (the order of the bytes is fixed), so overlapping it
/// with the rest keeps it off the critical path when there are threads to spare.
pub fn stream(
    corpus: &Corpus,
    resolve: &Resolver,
    opts: &ReportOptions,
    dir: &Path,
) -> anyhow::Result<Pass> {
    let mut sinks = Sinks {
        articles: Table::new(dir, "articles.csv", tables::ARTICLES_HEADER, opts)?,
        keywords: Table::new(dir, "keywords.csv", tables::KEYWORDS_HEADER, opts)?,
        quotes: Table::new(dir, "quotes.csv", tables::QUOTES_HEADER, opts)?,
        mentions: Table::new(dir, "mentions.csv", entities::MENTIONS_HEADER, opts)?,
        pass: Pass {
            staged: Vec::new(),
            previews: Vec::new(),
            speakers: SpeakerTally::default(),
            outlets: OutletTally::default(),
            entities: EntityTally::default(),
            periods: PeriodBuilder::new(opts.period),
            gender: GenderTally::new(opts.period),
            dated: Dated::default(),
            quotes: 0,
            reported: 0,
            unattributed: 0,
        },
    };
    let spilled = "reading back the articles' rows from their temporary files (in TMPDIR)";
    let mut records = corpus.records.raw_records().context(spilled)?;
    let read = |records: &mut crate::spill::RawRecords<'_>| next_batch(records, BATCH, BATCH_BYTES);
    let idf = tables::Idf::new(corpus.articles);
    let mut batch = read(&mut records)?;
    let mut rows: Vec<Rows> = Vec::new();
    while !batch.is_empty() || !rows.is_empty() {
        let done = std::mem::take(&mut rows);
        let (next, (made, consumed)) = rayon::join(
            || {
                if batch.is_empty() {
                    Ok(Vec::new())
                } else {
                    read(&mut records)
                }
            },
            || {
                rayon::join(
                    || {
                        batch
                            .par_iter()
                            .map(|raw| {
                                rows_of(raw, corpus, resolve, &idf, opts, raw.len() >= SPLIT_BYTES)
                            })
                            .collect::<anyhow::Result<Vec<Rows>>>()
                    },
                    || sinks.consume(done),
                )
            },
        );
        consumed?;
        rows = made?;
        batch = next.context(spilled)?;
    }
    let Sinks {
        articles,
        keywords,
        quotes,
        mentions,
        mut pass,
    } = sinks;
    for t in [articles, keywords, quotes, mentions] {
        let (staged, preview) = t.finish()?;
        pass.staged.push(staged);
        pass.previews.push(preview);
    }
    Ok(pass)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(records: &[usize], count: usize, bytes: usize) -> Vec<Vec<usize>> {
        let mut it = records.iter().map(|&n| Ok(vec![0u8; n]));
        let mut out = Vec::new();
        loop {
            let batch = next_batch(&mut it, count, bytes).unwrap();
            if batch.is_empty() {
                return out;
            }
            out.push(batch.iter().map(Vec::len).collect());
        }
    }

    #[test]
    fn batches_stop_at_a_count_or_a_size_whichever_comes_first() {
        // Small records: the count limits.
        assert_eq!(
            sizes(&[1; 5], 2, 100),
            vec![vec![1, 1], vec![1, 1], vec![1]]
        );
        // Long articles: the size limits, and a record larger than the limit is a batch alone.
        assert_eq!(
            sizes(&[40, 70, 200, 10, 10], 512, 100),
            vec![vec![40, 70], vec![200], vec![10, 10]]
        );
        assert!(sizes(&[], 512, 100).is_empty());
    }

    #[test]
    fn a_record_split_across_threads_gives_the_same_rows() {
        use crate::analyze::{self, Options};
        use crate::article::{Article, Encoding};
        let text = "Iran deal\n\n\"We will not bow,\" said Ali Khamenei in Tehran. \
                    Khamenei met Bashar al-Assad of Syria.\n\n\"It holds,\" he said. \
                    The United Nations and the IAEA agreed.";
        let a = Article::new("a.txt".into(), text.into(), Encoding::Utf8);
        let stopwords = crate::text::stopwords::StopWords::english();
        let corpus = Corpus::default().with(Ok(analyze::article(&a, Options { stopwords })));
        let resolve = corpus.resolver();
        let idf = tables::Idf::new(corpus.articles);
        let opts = super::super::small_options();
        let raw = corpus
            .records
            .raw_records()
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let bytes = |r: Rows| (r.articles, r.keywords, r.quotes, r.mentions, r.quote_rows);
        let whole = rows_of(&raw, &corpus, &resolve, &idf, &opts, false).unwrap();
        let split = rows_of(&raw, &corpus, &resolve, &idf, &opts, true).unwrap();
        assert_eq!(whole.entities.len(), split.entities.len());
        let (whole, split) = (bytes(whole), bytes(split));
        // Every table has rows, so the comparison covers each writer.
        assert!(
            whole.1 .1 > 0 && whole.2 .1 > 0 && whole.3 .1 > 0,
            "{whole:?}"
        );
        assert_eq!(whole, split);
    }
}
