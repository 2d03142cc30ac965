//! The CSV tables: rows built from the corpus, sorted into their documented order, and
//! serialised. Column names are a contract (`docs` in the README); add, never rename.

use super::{OutputFile, ReportOptions};
use crate::analyze::names::EntityType;
use crate::analyze::quotes::word_count;
use crate::corpus::{Corpus, Tally};
use rustc_hash::{FxHashMap, FxHashSet};
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
    pub outlet: &'a str,
    /// ISO 8601 (`2019-03-04`); empty when unknown or unreadable.
    pub date: String,
    pub url: &'a str,
}

#[derive(Debug, Serialize)]
pub struct SkippedOut {
    pub path: String,
    pub reason: String,
    /// The line of a record file (JSON Lines, CSV) that was not read; empty for files.
    pub line: Option<u64>,
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

/// Every table, rows in output order.
pub struct Tables<'c> {
    pub articles: Vec<&'c crate::analyze::ArticleRow>,
    pub skipped: Vec<SkippedOut>,
    pub words: Vec<WordOut>,
    pub bigrams: Vec<BigramOut>,
    pub keywords: Vec<KeywordOut>,
    pub quotes: Vec<QuoteOut>,
    pub speakers: Vec<SpeakerOut>,
}

impl<'c> Tables<'c> {
    pub fn build(corpus: &'c Corpus, opts: &ReportOptions) -> Tables<'c> {
        let mut articles: Vec<_> = corpus.articles.iter().collect();
        articles.sort_by(|a, b| a.article.cmp(&b.article));
        let mut skipped: Vec<SkippedOut> = corpus
            .skipped
            .iter()
            .map(|s| SkippedOut {
                path: s.id.clone(),
                reason: s.reason.to_string(),
                line: s.line(),
            })
            .collect();
        skipped.sort_by(|a, b| (&a.path, a.line, &a.reason).cmp(&(&b.path, b.line, &b.reason)));
        let words = by_count(&corpus.words)
            .into_iter()
            .map(|(w, t)| WordOut {
                word: w.to_string(),
                count: t.count,
                articles: t.articles,
                per_million: format!("{:.2}", per_million(t.count, corpus.tokens)),
            })
            .collect();
        let bigrams = by_count(&corpus.bigrams)
            .into_iter()
            .filter(|(_, t)| t.count >= opts.min_bigram)
            .map(|(p, t)| BigramOut {
                phrase: p.to_string(),
                count: t.count,
                articles: t.articles,
            })
            .collect();
        let quotes = quotes(corpus);
        let speakers = speakers(&quotes);
        Tables {
            quotes,
            speakers,
            articles,
            skipped,
            words,
            bigrams,
            keywords: keywords(corpus, opts.keywords),
        }
    }

    pub fn render(&self) -> anyhow::Result<Vec<OutputFile>> {
        let articles = self.articles.iter().map(|a| ArticleOut {
            article: &a.article,
            title: &a.title,
            bytes: a.bytes,
            words: a.words,
            sentences: a.sentences,
            paragraphs: a.paragraphs,
            quotes: a.quotes,
            mentions: a.mentions,
            encoding: a.encoding,
            outlet: &a.outlet,
            date: a
                .date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            url: &a.url,
        });
        Ok(vec![
            csv_file(
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
                    "outlet",
                    "date",
                    "url",
                ],
                articles,
            )?,
            csv_file("skipped.csv", &["path", "reason", "line"], &self.skipped)?,
            csv_file(
                "words.csv",
                &["word", "count", "articles", "per_million"],
                &self.words,
            )?,
            csv_file(
                "bigrams.csv",
                &["phrase", "count", "articles"],
                &self.bigrams,
            )?,
            csv_file(
                "keywords.csv",
                &["article", "rank", "word", "count", "tfidf"],
                &self.keywords,
            )?,
            csv_file(
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
                &self.quotes,
            )?,
            csv_file(
                "speakers.csv",
                &["speaker", "type", "quotes", "quoted_words", "articles"],
                &self.speakers,
            )?,
        ])
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

/// The top `k` words of each article by TF-IDF, ties broken by word; rows by article, rank.
fn keywords(corpus: &Corpus, k: usize) -> Vec<KeywordOut> {
    let n = corpus.articles.len() as u64;
    let mut docs: Vec<_> = corpus.doc_terms.iter().collect();
    docs.sort_by(|a, b| a.article.cmp(&b.article));
    let mut out = Vec::new();
    for doc in docs {
        let mut scored: Vec<(f64, &str, u32)> = doc
            .terms
            .iter()
            .map(|(w, c)| {
                let df = corpus.words.get(w).map_or(1, |t| t.articles);
                (tfidf(*c, n, df), w.as_str(), *c)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        for (rank, (score, word, count)) in scored.into_iter().take(k).enumerate() {
            out.push(KeywordOut {
                article: doc.article.clone(),
                rank: rank + 1,
                word: word.to_string(),
                count,
                tfidf: format!("{score:.4}"),
            });
        }
    }
    out
}

/// Every quotation by article, then start; speakers renamed to their corpus-wide
/// canonical name ("Khamenei" -> "Ali Khamenei" when the full name occurs elsewhere).
fn quotes(corpus: &Corpus) -> Vec<QuoteOut> {
    let resolve = corpus.resolver();
    let mut rows: Vec<QuoteOut> = corpus
        .quotes
        .iter()
        .map(|(article, q)| {
            // The one corpus resolver, as for entities.csv.
            let (speaker, kind) = match q.speaker_type {
                Some(kind) if !q.speaker.is_empty() => {
                    let (name, kind) = resolve.speaker(&q.speaker, kind);
                    (name, Some(kind))
                }
                _ => (q.speaker.clone(), q.speaker_type),
            };
            QuoteOut {
                article: article.clone(),
                start: q.span.start,
                end: q.span.end,
                quote: q.quote.clone(),
                speaker_mention: q.speaker_mention.clone(),
                speaker_type: if speaker.is_empty() {
                    ""
                } else {
                    kind.map_or("", EntityType::as_str)
                },
                speaker,
                cue: q.cue.clone(),
                unclosed: if q.unclosed { "yes" } else { "" },
            }
        })
        .collect();
    rows.sort_by(|a, b| (&a.article, a.start, a.end).cmp(&(&b.article, b.start, b.end)));
    rows
}

/// Quotes, quoted words and articles per canonical speaker and type; by quotes desc, ties
/// alphabetical. Quotes without a speaker are left out (they are counted in the summary).
fn speakers(quotes: &[QuoteOut]) -> Vec<SpeakerOut> {
    let mut by: FxHashMap<(&str, &'static str), (u64, u64, FxHashSet<&str>)> = FxHashMap::default();
    for q in quotes.iter().filter(|q| !q.speaker.is_empty()) {
        let e = by.entry((&q.speaker, q.speaker_type)).or_default();
        e.0 += 1;
        e.1 += word_count(&q.quote);
        e.2.insert(&q.article);
    }
    let mut rows: Vec<SpeakerOut> = by
        .into_iter()
        .map(|((speaker, kind), (n, words, arts))| SpeakerOut {
            speaker: speaker.to_string(),
            kind,
            quotes: n,
            quoted_words: words,
            articles: arts.len() as u64,
        })
        .collect();
    rows.sort_by(|a, b| {
        (Reverse(a.quotes), &a.speaker, a.kind).cmp(&(Reverse(b.quotes), &b.speaker, b.kind))
    });
    rows
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
    fn tfidf_rewards_rare_words() {
        // 10 articles: a word in 1 of them beats one in all 10 at the same count.
        assert!(tfidf(2, 10, 1) > tfidf(2, 10, 10));
        // One article: score is the count.
        assert!((tfidf(3, 1, 1) - 3.0).abs() < 1e-12);
        let expected = 2.0 * ((11.0f64 / 2.0).ln() + 1.0);
        assert!((tfidf(2, 10, 1) - expected).abs() < 1e-12);
    }
}
