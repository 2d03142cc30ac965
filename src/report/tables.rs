//! The CSV tables: rows built from the corpus, sorted into their documented order, and
//! serialised. Column names are a contract (`docs` in the README); add, never rename.

use super::OutputFile;
use crate::analyze::names::EntityType;
use crate::analyze::quotes::{word_count, QuoteKind};
use crate::analyze::ArticleRow;
use crate::corpus::{Corpus, Resolver, Tally};
pub use crate::outputs::{
    ARTICLES_HEADER, BIGRAMS_HEADER, KEYWORDS_HEADER, QUOTES_HEADER, SKIPPED_HEADER,
    SPEAKERS_HEADER, WORDS_HEADER,
};
use crate::record::ArticleRecord;
use rayon::prelude::*;
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
    /// Pieces of reported speech (`quotes` counts quotations).
    pub reported: u64,
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
pub struct KeywordOut<'a> {
    pub article: &'a str,
    pub rank: usize,
    pub word: &'a str,
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
    /// `direct` (a whole quotation), `partial` (quoted words inside reported speech) or
    /// `reported` (reported speech, no quotation marks).
    pub kind: &'static str,
    /// The speaker's gender as in `speakers.csv`; empty unless the speaker is a person.
    pub speaker_gender: &'static str,
    /// `yes` when the paragraph ended before a closing mark.
    pub unclosed: &'static str,
    /// Words in the quote (not a column): counted where rows are built, in parallel,
    /// rather than where the tallies add them up, one article at a time.
    #[serde(skip)]
    pub words: u64,
}

#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct SpeakerOut {
    pub speaker: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Quotations (`direct` and `partial`).
    pub quotes: u64,
    /// Pieces of reported speech.
    pub reported: u64,
    /// Words in the quotations (reported speech is the writer's words, not counted).
    pub quoted_words: u64,
    pub articles: u64,
    /// As in `entities.csv`: empty unless a person.
    pub gender: &'static str,
    pub gender_evidence: &'static str,
}

/// `skipped.csv`: by path, line, reason.
pub fn skipped(corpus: &Corpus) -> Vec<SkippedOut> {
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
    skipped
}

/// `words.csv`: every kept word by count.
pub fn words(corpus: &Corpus) -> Vec<WordOut> {
    let mut v: Vec<(&str, Tally)> = corpus.words.iter().collect();
    sort_by_count(&mut v);
    v.into_iter()
        .map(|(w, t)| WordOut {
            word: w.to_string(),
            count: t.count,
            articles: t.articles,
            per_million: format!("{:.2}", per_million(t.count, corpus.tokens)),
        })
        .collect()
}

/// `bigrams.csv`: phrases seen at least `min` times, by count.
pub fn bigrams(corpus: &Corpus, min: u64) -> Vec<BigramOut> {
    let mut v: Vec<(String, Tally)> = corpus
        .words
        .bigrams()
        .filter(|(_, t)| t.count >= min)
        .map(|([a, b], t)| (format!("{a} {b}"), t))
        .collect();
    sort_by_count(&mut v);
    v.into_iter()
        .map(|(phrase, t)| BigramOut {
            phrase,
            count: t.count,
            articles: t.articles,
        })
        .collect()
}

/// An article's row of `articles.csv`; `reported`: its pieces of reported speech.
pub fn article_out(a: &ArticleRow, reported: u64) -> ArticleOut<'_> {
    ArticleOut {
        article: &a.article,
        title: &a.title,
        bytes: a.bytes,
        words: a.words,
        sentences: a.sentences,
        paragraphs: a.paragraphs,
        quotes: a.quotes,
        mentions: a.mentions,
        encoding: a.encoding.name(),
        outlet: &a.outlet,
        date: a
            .date
            .map(crate::ingest::formats::dates::ymd)
            .unwrap_or_default(),
        url: &a.url,
        reported,
    }
}

/// Keys are distinct, so the order is total and a parallel sort gives the same rows.
/// Entries by count descending, ties alphabetical.
fn sort_by_count<S: AsRef<str> + Send>(v: &mut [(S, Tally)]) {
    v.par_sort_unstable_by(|a, b| {
        (Reverse(a.1.count), a.0.as_ref()).cmp(&(Reverse(b.1.count), b.0.as_ref()))
    });
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

/// [`tfidf`] with the logarithm looked up: it depends only on the document frequency,
/// and the per-article keywords would otherwise take one per word of every article.
pub struct Idf {
    articles: u64,
    /// `ln((1 + N) / (1 + df)) + 1` for the smaller document frequencies.
    by_df: Vec<f64>,
}

impl Idf {
    /// Frequencies up to this are tabled (8 MB at most); rarer-than-that common words are
    /// computed as they come.
    const TABLED: u64 = 1 << 20;

    pub fn new(articles: u64) -> Idf {
        let by_df = (0..=articles.min(Self::TABLED))
            .map(|df| ((1 + articles) as f64 / (1 + df) as f64).ln() + 1.0)
            .collect();
        Idf { articles, by_df }
    }

    /// Exactly [`tfidf`]`(count, articles, df)`.
    pub fn tfidf(&self, count: u32, df: u64) -> f64 {
        match self.by_df.get(df as usize) {
            Some(idf) => f64::from(count) * idf,
            None => tfidf(count, self.articles, df),
        }
    }
}

/// The top `k` words of one article by TF-IDF, ties broken by word; `known` is each
/// term's id and tally in the corpus's word table ([`crate::corpus::WordTable::lookup`]).
pub fn keywords_of<'a>(
    article: &'a str,
    terms: &[(&'a str, u32)],
    known: &[Option<(u32, Tally)>],
    idf: &Idf,
    k: usize,
) -> Vec<KeywordOut<'a>> {
    if k == 0 {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str, u32)> = terms
        .iter()
        .zip(known)
        .map(|(&(w, c), found)| {
            let df = found.map_or(1, |(_, t)| t.articles);
            (idf.tfidf(c, df), w, c)
        })
        .collect();
    // Words are distinct, so the order is total: the top k alone need sorting.
    let by =
        |a: &(f64, &str, u32), b: &(f64, &str, u32)| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1));
    if scored.len() > k {
        scored.select_nth_unstable_by(k - 1, by);
        scored.truncate(k);
    }
    scored.sort_unstable_by(by);
    scored
        .into_iter()
        .enumerate()
        .map(|(rank, (score, word, count))| KeywordOut {
            article,
            rank: rank + 1,
            word,
            count,
            tfidf: four_decimals(score),
        })
        .collect()
}

/// `format!("{x:.4}")`, faster for the scores the keyword table writes: the value times
/// 10,000 rounded to an integer, whenever that rounding is certain (the product's
/// fraction is not within the product's rounding error of one half); the formatter
/// otherwise (ties, huge or non-finite values). A negative value is its magnitude with a
/// minus sign, as the formatter writes it (-0.0 included).
pub fn four_decimals(x: f64) -> String {
    if x.is_sign_negative() && !x.is_nan() {
        return format!("-{}", four_decimals(-x));
    }
    let y = x * 10_000.0;
    // Below 2^43 the product is off by at most 2^-10 from x times 10,000 exactly.
    if x >= 0.0 && y < (1u64 << 43) as f64 {
        let whole = y.floor();
        let frac = y - whole;
        if (frac - 0.5).abs() > 1.0 / 512.0 {
            let m = whole as u64 + u64::from(frac > 0.5);
            let mut out = String::with_capacity(16);
            out.push_str(itoa::Buffer::new().format(m / 10_000));
            out.push('.');
            let f = m % 10_000;
            for d in [1000, 100, 10, 1] {
                out.push(char::from(b'0' + (f / d % 10) as u8));
            }
            return out;
        }
    }
    format!("{x:.4}")
}

/// One article's quotations by start; speakers renamed to their corpus-wide canonical name
/// ("Khamenei" -> "Ali Khamenei" when the full name occurs elsewhere).
pub fn quotes_of(rec: &ArticleRecord, resolve: &Resolver) -> Vec<QuoteOut> {
    let mut rows: Vec<QuoteOut> = rec
        .quotes
        .iter()
        .map(|q| {
            // The one corpus resolver, as for entities.csv.
            // An unnamed description ("a spokesman", "officials", "the report") names no
            // entity, so it has no entity type: a `PERSON` speaker is a named person, as
            // in `speakers.csv`, and the sources of `gender.csv` are named people, as the
            // Gender Gap Tracker counts them.
            let (speaker, kind) = match q.speaker_type {
                Some(kind) if names_someone(&q.speaker) => {
                    let (name, kind) = resolve.speaker(&q.speaker, kind);
                    (name, Some(kind))
                }
                _ => (q.speaker.clone(), None),
            };
            let speaker_gender = match kind {
                Some(EntityType::Person) if !speaker.is_empty() => {
                    resolve.gender(&speaker).0.as_str()
                }
                _ => "",
            };
            QuoteOut {
                article: rec.row.article.clone(),
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
                kind: q.kind.as_str(),
                speaker_gender,
                unclosed: if q.unclosed { "yes" } else { "" },
                words: if q.kind == QuoteKind::Reported {
                    0
                } else {
                    word_count(&q.quote)
                },
            }
        })
        .collect();
    rows.sort_by_key(|a| (a.start, a.end));
    rows
}

/// Whether a speaker is named: an unnamed description ("a spokesman", "the report",
/// "residents") is a different someone in every article, so it is listed in `quotes.csv`
/// but not tallied as one speaker across the corpus.
pub fn names_someone(speaker: &str) -> bool {
    speaker.chars().any(char::is_uppercase)
}

/// Quotes, quoted words and articles per canonical speaker and type (and, for the
/// breakdown by outlet, per outlet too), summed one article at a time.
#[derive(Debug, Default)]
pub struct SpeakerTally {
    by: FxHashMap<(String, &'static str), Said>,
}

/// What one speaker said: quotations, pieces of reported speech, quoted words, articles.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Said {
    pub quotes: u64,
    pub reported: u64,
    pub words: u64,
    pub articles: u64,
}

impl Said {
    /// One row of `quotes.csv`; `first` if the first of its speaker in the article.
    pub fn of(q: &QuoteOut, first: bool) -> Said {
        let reported = q.kind == QuoteKind::Reported.as_str();
        Said {
            quotes: u64::from(!reported),
            reported: u64::from(reported),
            words: q.words,
            articles: u64::from(first),
        }
    }

    pub fn add(&mut self, o: Said) {
        self.quotes += o.quotes;
        self.reported += o.reported;
        self.words += o.words;
        self.articles += o.articles;
    }
}

impl SpeakerTally {
    /// One article's quotes: each speaker's article count goes up once.
    pub fn add(&mut self, quotes: &[QuoteOut]) {
        let mut seen: FxHashSet<(&str, &'static str)> = FxHashSet::default();
        for q in quotes.iter().filter(|q| names_someone(&q.speaker)) {
            let first = seen.insert((&q.speaker, q.speaker_type));
            let e = match self.by.get_mut(&(q.speaker.clone(), q.speaker_type)) {
                Some(e) => e,
                None => self
                    .by
                    .entry((q.speaker.clone(), q.speaker_type))
                    .or_default(),
            };
            e.add(Said::of(q, first));
        }
    }

    /// `speakers.csv`: by quotes (then reported speech) desc, ties alphabetical. Quotes
    /// without a speaker are left out (they are counted in the summary).
    pub fn rows(self, resolve: &Resolver) -> Vec<SpeakerOut> {
        let mut rows: Vec<SpeakerOut> = self
            .by
            .into_iter()
            .map(|((speaker, kind), said)| {
                let (gender, gender_evidence) = if kind == EntityType::Person.as_str() {
                    let (g, e) = resolve.gender(&speaker);
                    (g.as_str(), e.map_or("", |e| e.as_str()))
                } else {
                    ("", "")
                };
                SpeakerOut {
                    speaker,
                    kind,
                    quotes: said.quotes,
                    reported: said.reported,
                    quoted_words: said.words,
                    articles: said.articles,
                    gender,
                    gender_evidence,
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            (Reverse(a.quotes), Reverse(a.reported), &a.speaker, a.kind).cmp(&(
                Reverse(b.quotes),
                Reverse(b.reported),
                &b.speaker,
                b.kind,
            ))
        });
        rows
    }

    /// The tallied keys with their counts, for the breakdown by outlet.
    pub fn into_inner(self) -> FxHashMap<(String, &'static str), Said> {
        self.by
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
    fn four_decimals_formats_as_the_formatter_does() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut values = vec![
            0.0,
            1.0,
            0.5,
            0.00005,
            0.00015,
            1.00005,
            2.5,
            3.03125,
            9.99995,
            99999.99995,
            123.456_789,
            1e-9,
            1e12,
            1e15,
            -1.0,
            -0.00001,
            -0.0,
            -0.12345,
            -0.99995,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for i in 0..200_000 {
            let r = next();
            // Scores as the table makes them, and arbitrary bit patterns of all sizes.
            let count = (r % 50 + 1) as f64;
            let idf = ((1 + r % 1_000_000) as f64 / (1 + next() % 1000) as f64).ln() + 1.0;
            values.push(count * idf);
            if i % 20 == 0 {
                values.push(f64::from_bits(next() >> 2));
                values.push(f64::from_bits(next()));
            }
            values.push(((next() % 20_001) as f64 - 10_000.0) / 10_000.0);
            values.push((next() % 100_000_000) as f64 / 1e4 + (next() % 3) as f64 * 0.5e-4);
        }
        for x in values {
            assert_eq!(four_decimals(x), format!("{x:.4}"), "{x:e}");
        }
    }

    #[test]
    fn the_idf_table_gives_tfidf_exactly() {
        for articles in [1, 2, 10, 1000, 425_360] {
            let idf = Idf::new(articles);
            for df in [0, 1, 2, 7, articles / 2, articles, articles + 3] {
                for count in [1, 2, 17] {
                    assert_eq!(
                        idf.tfidf(count, df).to_bits(),
                        tfidf(count, articles, df).to_bits(),
                        "{articles} {df} {count}"
                    );
                }
            }
        }
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
