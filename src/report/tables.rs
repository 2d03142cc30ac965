//! The CSV tables: rows built from the corpus, sorted into their documented order, and
//! serialised. Column names are a contract (`docs` in the README); add, never rename.

use super::OutputFile;
use crate::analyze::names::{self, EntityType};
use crate::analyze::quotes::word_count;
use crate::corpus::{Corpus, Tally};
use crate::spill::ArticleRecord;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::cmp::Reverse;

#[derive(Debug, Serialize)]
pub struct ArticleOut<'a> {
    pub article: &'a str,
    pub title: &'a str,
    pub bytes: u64,
    pub words: u64,
    pub sentences: u64,
    pub paragraphs: u64,
    pub quotes: u64,
    pub mentions: u64,
    pub encoding: &'a str,
}

#[derive(Debug, Serialize)]
pub struct SkippedOut {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct WordOut {
    pub word: String,
    pub count: u64,
    pub articles: u64,
    /// Occurrences per million word tokens of the corpus, two decimals.
    pub per_million: String,
}

#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct BigramOut {
    pub phrase: String,
    pub count: u64,
    pub articles: u64,
}

#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct KeywordOut {
    pub article: String,
    pub rank: usize,
    pub word: String,
    pub count: u32,
    /// Four decimals; see [`tfidf`].
    pub tfidf: String,
}

#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct QuoteOut {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub speaker: String,
    pub speaker_mention: String,
    pub speaker_type: &'static str,
    pub cue: String,
    /// `yes` when the paragraph ended before a closing mark.
    pub unclosed: &'static str,
}

#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct SpeakerOut {
    pub speaker: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub quotes: u64,
    pub quoted_words: u64,
    pub articles: u64,
}

/// `skipped.csv`'s rows, by path.
pub fn skipped(corpus: &Corpus) -> Vec<SkippedOut> {
    let mut skipped: Vec<SkippedOut> = corpus
        .skipped
        .iter()
        .map(|s| SkippedOut {
            path: s.id.clone(),
            reason: s.reason.to_string(),
        })
        .collect();
    skipped.sort_by(|a, b| a.path.cmp(&b.path).then(a.reason.cmp(&b.reason)));
    skipped
}

/// `words.csv`'s rows, by count descending.
pub fn words(corpus: &Corpus) -> Vec<WordOut> {
    by_count(&corpus.words)
        .into_iter()
        .map(|(w, t)| WordOut {
            word: w.to_string(),
            count: t.count,
            articles: t.articles,
            per_million: format!("{:.2}", per_million(t.count, corpus.tokens)),
        })
        .collect()
}

/// `bigrams.csv`'s rows (phrases seen at least `min_bigram` times), by count descending.
/// Borrowed: the phrase table of a large corpus runs to millions of rows.
pub fn bigrams(corpus: &Corpus, min_bigram: u64) -> Vec<BigramRow<'_>> {
    let mut v: Vec<BigramRow<'_>> = corpus
        .bigrams
        .iter()
        .filter(|(_, t)| t.count >= min_bigram)
        .map(|(k, t)| BigramRow(k.as_str(), *t))
        .collect();
    v.sort_unstable_by(|a, b| (Reverse(a.1.count), a.0).cmp(&(Reverse(b.1.count), b.0)));
    v
}

/// One row of `bigrams.csv` (columns as [`BigramOut`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BigramRow<'a>(pub &'a str, pub Tally);

impl Row for BigramRow<'_> {
    fn write<W: std::io::Write>(&self, o: &mut CsvStream<W>) -> csv::Result<()> {
        o.text(self.0)?;
        o.num(self.1.count)?;
        o.num(self.1.articles)
    }
}

/// A row of one of the per-article tables, written cell by cell so that rows can be
/// rendered a few articles at a time (on any thread) and streamed to their file.
pub trait Row {
    fn write<W: std::io::Write>(&self, out: &mut CsvStream<W>) -> csv::Result<()>;
}

/// CSV rows written as they are built: RFC 4180 quoting, `\n` line ends, and unless
/// `raw`, every text cell made safe for spreadsheets (the rule of
/// [`super::neutralise_formulas`], applied without re-reading the table).
pub struct CsvStream<W: std::io::Write> {
    w: csv::Writer<W>,
    raw: bool,
}

impl<W: std::io::Write> CsvStream<W> {
    pub fn new(to: W, raw: bool) -> Self {
        let w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .has_headers(false)
            .buffer_capacity(1 << 12)
            .from_writer(to);
        CsvStream { w, raw }
    }

    pub fn header(&mut self, header: &[&str]) -> csv::Result<()> {
        self.w.write_record(header)
    }

    pub fn text(&mut self, s: &str) -> csv::Result<()> {
        if !self.raw && super::could_run_as_formula(s) {
            self.w.write_field(format!("'{s}"))
        } else {
            self.w.write_field(s)
        }
    }

    pub fn num(&mut self, n: u64) -> csv::Result<()> {
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        let mut n = n;
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.w.write_field(&buf[at..])
    }

    pub fn row(&mut self, r: &impl Row) -> csv::Result<()> {
        r.write(self)?;
        self.w.write_record(std::iter::empty::<&[u8]>())
    }

    pub fn into_inner(self) -> std::io::Result<W> {
        self.w.into_inner().map_err(|e| e.into_error())
    }
}

/// Rows rendered to CSV bytes (no header).
pub fn csv_rows<'r, R: Row + 'r>(
    rows: impl IntoIterator<Item = &'r R>,
    raw: bool,
) -> csv::Result<Vec<u8>> {
    let mut out = CsvStream::new(Vec::new(), raw);
    for r in rows {
        out.row(r)?;
    }
    Ok(out.into_inner()?)
}

impl Row for ArticleOut<'_> {
    fn write<W: std::io::Write>(&self, o: &mut CsvStream<W>) -> csv::Result<()> {
        o.text(self.article)?;
        o.text(self.title)?;
        for n in [
            self.bytes,
            self.words,
            self.sentences,
            self.paragraphs,
            self.quotes,
            self.mentions,
        ] {
            o.num(n)?;
        }
        o.text(self.encoding)
    }
}

impl<'a> ArticleOut<'a> {
    pub fn new(a: &'a crate::analyze::ArticleRow) -> Self {
        ArticleOut {
            article: &a.article,
            title: &a.title,
            bytes: a.bytes,
            words: a.words,
            sentences: a.sentences,
            paragraphs: a.paragraphs,
            quotes: a.quotes,
            mentions: a.mentions,
            encoding: a.encoding,
        }
    }
}

impl Row for KeywordOut {
    fn write<W: std::io::Write>(&self, o: &mut CsvStream<W>) -> csv::Result<()> {
        o.text(&self.article)?;
        o.num(self.rank as u64)?;
        o.text(&self.word)?;
        o.num(u64::from(self.count))?;
        o.text(&self.tfidf)
    }
}

impl Row for QuoteOut {
    fn write<W: std::io::Write>(&self, o: &mut CsvStream<W>) -> csv::Result<()> {
        o.text(&self.article)?;
        o.num(self.start as u64)?;
        o.num(self.end as u64)?;
        o.text(&self.quote)?;
        o.text(&self.speaker)?;
        o.text(&self.speaker_mention)?;
        o.text(self.speaker_type)?;
        o.text(&self.cue)?;
        o.text(self.unclosed)
    }
}

/// Entries by count descending, ties alphabetical.
fn by_count(map: &rustc_hash::FxHashMap<String, Tally>) -> Vec<(&str, Tally)> {
    let mut v: Vec<(&str, Tally)> = map.iter().map(|(k, t)| (k.as_str(), *t)).collect();
    v.sort_unstable_by(|a, b| (Reverse(a.1.count), a.0).cmp(&(Reverse(b.1.count), b.0)));
    v
}

fn per_million(count: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 * 1e6 / total as f64
    }
}

/// TF-IDF of a word in an article: `count × (ln((1 + N) / (1 + df)) + 1)`, with N the
/// articles in the corpus and df the articles containing the word (the smoothed form, so a
/// one-article corpus still ranks its words by count instead of scoring them all zero).
pub fn tfidf(count: u32, articles: u64, df: u64) -> f64 {
    f64::from(count) * (((1 + articles) as f64 / (1 + df) as f64).ln() + 1.0)
}

/// The top `k` words of one article by TF-IDF, ties broken by word, in rank order.
pub fn keywords(rec: &ArticleRecord, corpus: &Corpus, k: usize) -> Vec<KeywordOut> {
    let n = corpus.articles;
    let mut scored: Vec<(f64, &str, u32)> = rec
        .terms
        .iter()
        .map(|(w, c)| {
            let df = corpus.words.get(w).map_or(1, |t| t.articles);
            (tfidf(*c, n, df), w.as_str(), *c)
        })
        .collect();
    let by_score =
        |a: &(f64, &str, u32), b: &(f64, &str, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(b.1));
    // Only the top k need sorting.
    if scored.len() > k && k > 0 {
        scored.select_nth_unstable_by(k - 1, by_score);
        scored.truncate(k);
    }
    scored.sort_by(by_score);
    scored
        .into_iter()
        .take(k)
        .enumerate()
        .map(|(rank, (score, word, count))| KeywordOut {
            article: rec.row.article.clone(),
            rank: rank + 1,
            word: word.to_string(),
            count,
            tfidf: format!("{score:.4}"),
        })
        .collect()
}

/// One article's quotations by start; speakers renamed to their corpus-wide canonical
/// name ("Khamenei" -> "Ali Khamenei" when the full name occurs elsewhere).
pub fn quotes(rec: &ArticleRecord, aliases: &FxHashMap<String, String>) -> Vec<QuoteOut> {
    let mut rows: Vec<QuoteOut> = rec
        .quotes
        .iter()
        .map(|q| {
            let speaker = match q.speaker_type {
                Some(EntityType::Person) => {
                    // A surname takes the full name known elsewhere in the corpus; a full
                    // name stays (a longer one is as likely a misread title: "Arms Kevin
                    // Vickers"), and so does a title-case headline read as one long name.
                    let alias = aliases
                        .get(&q.speaker)
                        .filter(|_| !q.speaker.contains(' '))
                        .filter(|a| names::person_core(a).split_whitespace().count() <= 4);
                    names::person_core(alias.unwrap_or(&q.speaker))
                }
                _ => &q.speaker,
            };
            QuoteOut {
                article: rec.row.article.clone(),
                start: q.span.start,
                end: q.span.end,
                quote: q.quote.clone(),
                speaker: speaker.to_string(),
                speaker_mention: q.speaker_mention.clone(),
                speaker_type: if q.speaker.is_empty() {
                    ""
                } else {
                    q.speaker_type.map_or("", EntityType::as_str)
                },
                cue: q.cue.clone(),
                unclosed: if q.unclosed { "yes" } else { "" },
            }
        })
        .collect();
    rows.sort_by_key(|a| (a.start, a.end));
    rows
}

/// Quotes, quoted words and articles per canonical speaker and type, tallied from the
/// quote rows as they stream by in article order.
#[derive(Debug, Default)]
pub struct Speakers {
    by: FxHashMap<(String, &'static str), SpeakerTally>,
    /// Quotes seen.
    pub quotes: usize,
    /// Counts the articles seen, so each speaker counts an article once.
    article: u64,
    last_article: String,
}

#[derive(Debug, Default)]
struct SpeakerTally {
    quotes: u64,
    words: u64,
    articles: u64,
    last_article: u64,
}

impl Speakers {
    /// Tallies one article's quote rows.
    pub fn add(&mut self, quotes: &[QuoteOut]) {
        for q in quotes {
            self.quotes += 1;
            if q.article != self.last_article || self.article == 0 {
                self.article += 1;
                self.last_article.clone_from(&q.article);
            }
            if q.speaker.is_empty() {
                continue;
            }
            let key = (q.speaker.clone(), q.speaker_type);
            let e = self.by.entry(key).or_default();
            e.quotes += 1;
            e.words += word_count(&q.quote);
            if e.last_article != self.article {
                e.last_article = self.article;
                e.articles += 1;
            }
        }
    }

    /// `speakers.csv`'s rows: by quotes desc, ties alphabetical. Quotes without a speaker
    /// are left out (they are counted in the summary).
    pub fn rows(self) -> Vec<SpeakerOut> {
        let mut rows: Vec<SpeakerOut> = self
            .by
            .into_iter()
            .map(|((speaker, kind), t)| SpeakerOut {
                speaker,
                kind,
                quotes: t.quotes,
                quoted_words: t.words,
                articles: t.articles,
            })
            .collect();
        rows.sort_by(|a, b| {
            (Reverse(a.quotes), &a.speaker, a.kind).cmp(&(Reverse(b.quotes), &b.speaker, b.kind))
        });
        rows
    }
}

/// One CSV file: header row, RFC 4180 quoting, `\n` line ends. The header is written
/// explicitly (not derived from the first row) so that a table with no rows still has one.
pub fn csv_file<T: Serialize>(
    name: &'static str,
    header: &[&str],
    rows: impl IntoIterator<Item = T>,
) -> anyhow::Result<OutputFile> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .has_headers(false)
        .from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.serialize(row)?;
    }
    Ok(OutputFile {
        name,
        bytes: w.into_inner()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_rows_are_neutralised_as_the_whole_table_would_be() {
        let q = QuoteOut {
            article: "=a.txt".into(),
            start: 3,
            end: 40,
            quote: "-- no, \"never\",\n he said".into(),
            speaker: "@someone".into(),
            speaker_mention: "-0.5".into(),
            speaker_type: "PERSON",
            cue: "+said".into(),
            unclosed: "yes",
        };
        let header = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        let serde = csv_file("q.csv", &header, [&q]).unwrap().bytes;
        let body = &serde["a,b,c,d,e,f,g,h,i\n".len()..];
        assert_eq!(csv_rows([&q], true).unwrap(), body);
        assert_eq!(
            csv_rows([&q], false).unwrap(),
            super::super::neutralise_formulas(body).unwrap()
        );
    }

    #[test]
    fn tfidf_rewards_rare_words() {
        // 10 articles: a word in 1 of them beats one in all 10 at the same count.
        assert!(tfidf(2, 10, 1) > tfidf(2, 10, 10));
        // One article: score is the count.
        assert!((tfidf(3, 1, 1) - 3.0).abs() < 1e-12);
        let expected = 2.0 * ((11.0f64 / 2.0).ln() + 1.0);
        assert!((tfidf(2, 10, 1) - expected).abs() < 1e-12);
    }
}
