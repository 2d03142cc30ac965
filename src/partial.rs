//! Partial results: a shard's merged [`Corpus`] on disk, so that shards analysed on many
//! machines merge into exactly the reports one run over all of them writes.
//!
//! The corpus holds counts and per-article rows only; every corpus-level decision (aliases,
//! TF-IDF, NPMI, top-N) is taken by [`crate::report::render`] from the merged corpus. So a
//! partial is the corpus itself, and merging is [`Corpus::merge`] followed by the usual
//! render. Everything `render` reads is stored; only lookup indexes (`entity_ids`) are
//! rebuilt on reading.
//!
//! # Format (version 3)
//!
//! A text header, one `key value` line each, ended by an empty line, then the body:
//!
//! ```text
//! broadsheet partial          <- magic
//! format 3                    <- FORMAT_VERSION: the layout of the body
//! tool 0.1.0                  <- the broadsheet that wrote it (analyses differ between versions)
//! stopwords 8f3a...           <- FNV-1a of the stop word list (partials must agree to merge)
//! articles 2225               <- informational
//! skipped 0                   <- informational
//!                             <- empty line
//! <zlib(postcard(Body))>
//! ```
//!
//! `head -6 FILE` shows the header. The body is [`Body`] serialised with postcard (varint
//! integers, length-prefixed strings, fields in declaration order) and compressed with
//! zlib (which carries an Adler-32 check, so a truncated or damaged file is refused).
//! Inside it every list is sorted, words are stored once and each article's terms as
//! (gap to the previous word's index, count), so a shard always gives the same bytes and
//! compresses well. Readers refuse any other magic, format or tool version, naming the file.
//! Change [`FORMAT_VERSION`] with any change to [`Body`].

use crate::analyze::names::EntityType;
use crate::analyze::quotes::{Quote, QuoteKind};
use crate::analyze::ArticleRow;
use crate::corpus::{Corpus, Tally, Units};
use crate::ingest::{Skip, SkipReason};
use crate::spill::{ArticleRecord, MentionRec};
use crate::text::Span;
use chrono::Datelike;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub const MAGIC: &str = "broadsheet partial";
/// The layout of [`Body`]; bump with any change to it.
pub const FORMAT_VERSION: u32 = 3;
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The header is small; a file whose first this many bytes hold no end of header is no
/// partial.
const MAX_HEADER: usize = 4096;

#[derive(Debug, thiserror::Error)]
pub enum PartialError {
    #[error("{0}: not a broadsheet partial (it does not start with \"{MAGIC}\")")]
    NotAPartial(String),
    #[error("{0} is a folder; merge reads the partial result files written with --partial (for a folder of them: broadsheet merge {0}/*.part)")]
    Folder(String),
    #[error("{file}: partial format version {found}, but this broadsheet reads version {FORMAT_VERSION}; analyse that shard again with this broadsheet")]
    FormatVersion { file: String, found: String },
    #[error("{file}: made by broadsheet {found}, this is broadsheet {TOOL_VERSION} (analyses differ between versions); analyse that shard again with this broadsheet")]
    ToolVersion { file: String, found: String },
    #[error("{file}: made with other stop words than {first} (--stopwords/--keep-stopwords must be the same for every shard)")]
    StopWords { file: String, first: String },
    #[error("{file}: damaged or truncated partial: {reason}")]
    Damaged { file: String, reason: String },
    // The io error is the source: printed once, after this, in the error's chain.
    #[error("{file}: cannot read")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("cannot write partial {file}")]
    Write {
        file: String,
        source: std::io::Error,
    },
    #[error("article {id} is in both {first} and {second}: shards must not overlap")]
    Overlap {
        id: String,
        first: String,
        second: String,
    },
    #[error("article id {0} occurs twice; ids must be unique to merge partial results")]
    DuplicateArticle(String),
}

/// What the header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub format: u32,
    pub tool: String,
    /// [`crate::text::stopwords::StopWords::fingerprint`], 16 hex digits.
    pub stopwords: String,
}

/// The body of a partial, version 3 (version 2 had no `genders` and no quote `kind`,
/// version 1 no `long_tokens`). Entity types are 0 person, 1 organisation, 2 place;
/// unit triples are (sentences, paragraphs, articles). Long lists of numbers are stored as
/// columns of gaps (one `Vec` per field), which zlib compresses far better than rows.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Body {
    pub tokens: u64,
    pub bytes: u64,
    pub stray_marks: u64,
    pub quoted_terms: u64,
    pub unparsed_dates: u64,
    pub long_tokens: u64,
    pub units: (u32, u32, u32),
    /// (word, count, articles), sorted by word; a word's index is its id.
    pub words: Vec<(String, u64, u64)>,
    pub bigrams: Bigrams,
    pub lowercase: Vec<(String, u64)>,
    /// Mentions per article-level name and type: the alias evidence.
    pub names: Vec<(String, u8, u64)>,
    /// Gender evidence per article-level person's name ([`crate::analyze::names::gender::Votes`]
    /// as an array), sorted by name.
    pub genders: Vec<(String, [u32; 6])>,
    /// Article-level entities with their units, most widespread first (so the ids that
    /// pairs and mentions use most are small); ties by name and type.
    pub entities: Vec<(String, u8, (u32, u32, u32))>,
    pub pairs: Pairs,
    /// Rows sorted by `article`; `terms`, `quotes` and `mentions` hold the articles' lists
    /// one after another in this order.
    pub articles: Vec<ArticleBody>,
    pub terms: Terms,
    pub quotes: Vec<QuoteBody>,
    pub mentions: Mentions,
    pub skipped: Vec<(String, SkipBody)>,
}

/// Two-word phrases as word ids, sorted by (first, second). A phrase is two kept words
/// joined by a space, so both are in `words`; `other` keeps any phrase that is not.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Bigrams {
    /// First word's id minus the previous phrase's first word's id.
    pub first_gap: Vec<u32>,
    pub second: Vec<u32>,
    pub count: Vec<u64>,
    pub articles: Vec<u64>,
    pub other: Vec<(String, u64, u64)>,
}

/// Entity pairs, sorted by (a, b) with a < b.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Pairs {
    /// `a` minus the previous pair's `a`.
    pub a_gap: Vec<u32>,
    /// `b` minus the previous pair's `b` when `a` is the same, else minus `a`.
    pub b_gap: Vec<u32>,
    pub sentences: Vec<u32>,
    pub paragraphs: Vec<u32>,
    pub articles: Vec<u32>,
}

/// Each article's kept words and counts (the TF-IDF input), by word id.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Terms {
    /// Word id minus the article's previous word id (the first: minus 0).
    pub word_gap: Vec<u32>,
    pub count: Vec<u32>,
}

/// Each article's mentions in text order.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Mentions {
    /// Start minus the article's previous mention's start (the first: minus 0).
    pub start_gap: Vec<i64>,
    pub len: Vec<u64>,
    pub entity: Vec<u32>,
    /// `None` when written exactly as the entity's name.
    pub written: Vec<Option<String>>,
}

/// One article's row, and how many of the shared lists' entries are its.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct ArticleBody {
    pub article: String,
    pub title: String,
    pub encoding: String,
    pub bytes: u64,
    pub words: u64,
    pub sentences: u64,
    pub paragraphs: u64,
    pub quotes: u64,
    pub mentions: u64,
    pub outlet: String,
    /// Days since 0001-01-01 (chrono's `num_days_from_ce`).
    pub date: Option<i32>,
    pub url: String,
    pub date_unparsed: bool,
    pub n_terms: u32,
    pub n_quotes: u32,
    pub n_mentions: u32,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct QuoteBody {
    pub span: (u64, u64),
    pub inner: (u64, u64),
    pub quote: String,
    pub speaker: String,
    pub speaker_mention: String,
    pub speaker_type: Option<u8>,
    pub cue: String,
    pub unclosed: bool,
    /// [`QuoteKind::code`].
    pub kind: u8,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub enum SkipBody {
    Unreadable(String),
    Empty,
    Binary,
    UnsupportedExtension,
    NotAFile,
    TooLarge(u64, u64),
    AnalysisFailed(String),
    /// Line, and the reason as written in `skipped.csv`.
    BadRecord(u64, String),
    NotRecords(String),
    Report(String),
    Format(String),
}

/// Writes `corpus` as a partial: header, then the compressed body.
pub fn encode(corpus: &Corpus, stopwords: u64) -> Result<Vec<u8>, PartialError> {
    let body = to_body(corpus)?;
    let mut out = format!(
        "{MAGIC}\nformat {FORMAT_VERSION}\ntool {TOOL_VERSION}\nstopwords {stopwords:016x}\narticles {}\nskipped {}\n\n",
        body.articles.len(),
        body.skipped.len()
    )
    .into_bytes();
    let raw = postcard::to_stdvec(&body).map_err(|e| PartialError::Damaged {
        file: "(being written)".into(),
        reason: e.to_string(),
    })?;
    let mut z = flate2::write::ZlibEncoder::new(&mut out, flate2::Compression::new(6));
    z.write_all(&raw)
        .and_then(|_| z.finish().map(|_| ()))
        .map_err(|source| PartialError::Write {
            file: "(memory)".into(),
            source,
        })?;
    Ok(out)
}

/// Reads a partial; `file` names it in errors.
pub fn decode(bytes: &[u8], file: &str) -> Result<(Header, Corpus), PartialError> {
    let (header, rest) = parse_header(bytes, file)?;
    let damaged = |reason: String| PartialError::Damaged {
        file: file.to_string(),
        reason,
    };
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(rest)
        .read_to_end(&mut raw)
        .map_err(|e| damaged(e.to_string()))?;
    let body: Body = postcard::from_bytes(&raw).map_err(|e| damaged(e.to_string()))?;
    let corpus = from_body(body).map_err(damaged)?;
    Ok((header, corpus))
}

/// Checks magic and versions; returns the header and the bytes after it.
pub fn parse_header<'b>(bytes: &'b [u8], file: &str) -> Result<(Header, &'b [u8]), PartialError> {
    let not_partial = || PartialError::NotAPartial(file.to_string());
    if !bytes.starts_with(format!("{MAGIC}\n").as_bytes()) {
        return Err(not_partial());
    }
    let window = &bytes[..bytes.len().min(MAX_HEADER)];
    let end = window
        .windows(2)
        .position(|w| w == b"\n\n")
        .ok_or_else(not_partial)?;
    let text = std::str::from_utf8(&bytes[..end]).map_err(|_| not_partial())?;
    let mut fields: FxHashMap<&str, &str> = FxHashMap::default();
    for line in text.lines().skip(1) {
        let (k, v) = line.split_once(' ').unwrap_or((line, ""));
        fields.insert(k, v);
    }
    let get = |k: &str| fields.get(k).map(|v| v.to_string()).unwrap_or_default();
    let format = get("format");
    if format != FORMAT_VERSION.to_string() {
        return Err(PartialError::FormatVersion {
            file: file.to_string(),
            found: if format.is_empty() {
                "(none)".into()
            } else {
                format
            },
        });
    }
    let tool = get("tool");
    if tool != TOOL_VERSION {
        return Err(PartialError::ToolVersion {
            file: file.to_string(),
            found: tool,
        });
    }
    Ok((
        Header {
            format: FORMAT_VERSION,
            tool,
            stopwords: get("stopwords"),
        },
        &bytes[end + 2..],
    ))
}

/// Reads a partial file.
pub fn read(path: &Path) -> Result<(Header, Corpus), PartialError> {
    let file = path.display().to_string();
    if path.is_dir() {
        return Err(PartialError::Folder(file));
    }
    let bytes = std::fs::read(path).map_err(|source| PartialError::Read {
        file: file.clone(),
        source,
    })?;
    decode(&bytes, &file)
}

/// Reads and merges partial files, in any order. Refuses partials made with different stop
/// words or holding the same article (overlapping shards would count it twice).
pub fn merge_files(paths: &[PathBuf]) -> Result<Corpus, PartialError> {
    let mut corpus = Corpus::default();
    let mut first: Option<(String, String)> = None;
    let mut owner: FxHashMap<String, usize> = FxHashMap::default();
    for (i, path) in paths.iter().enumerate() {
        let (header, part) = read(path)?;
        let file = path.display().to_string();
        match &first {
            None => first = Some((file.clone(), header.stopwords.clone())),
            Some((first_file, words)) if *words != header.stopwords => {
                return Err(PartialError::StopWords {
                    file,
                    first: first_file.clone(),
                });
            }
            Some(_) => {}
        }
        let records = part
            .records
            .records()
            .map_err(|source| PartialError::Read {
                file: file.clone(),
                source,
            })?;
        for rec in records {
            let article = rec
                .map_err(|source| PartialError::Read {
                    file: file.clone(),
                    source,
                })?
                .row
                .article;
            if let Some(&j) = owner.get(&article) {
                return Err(PartialError::Overlap {
                    id: article,
                    first: paths[j].display().to_string(),
                    second: file,
                });
            }
            owner.insert(article, i);
        }
        corpus = corpus.merge(part);
    }
    Ok(corpus)
}

fn kind_code(k: EntityType) -> u8 {
    match k {
        EntityType::Person => 0,
        EntityType::Org => 1,
        EntityType::Place => 2,
    }
}

fn kind_of(code: u8) -> Result<EntityType, String> {
    match code {
        0 => Ok(EntityType::Person),
        1 => Ok(EntityType::Org),
        2 => Ok(EntityType::Place),
        n => Err(format!("unknown entity type {n}")),
    }
}

fn units_body(u: Units) -> (u32, u32, u32) {
    (u.sentences, u.paragraphs, u.articles)
}

fn units_of(t: (u32, u32, u32)) -> Units {
    Units {
        sentences: t.0,
        paragraphs: t.1,
        articles: t.2,
    }
}

fn encoding_of(name: &str) -> Result<&'static str, String> {
    crate::article::Encoding::from_name(name)
        .map(crate::article::Encoding::name)
        .ok_or_else(|| format!("unknown encoding {name:?}"))
}

fn sorted_tallies<'a>(tallies: impl Iterator<Item = (&'a str, Tally)>) -> Vec<(String, u64, u64)> {
    let mut v: Vec<_> = tallies
        .map(|(k, t)| (k.to_string(), t.count, t.articles))
        .collect();
    v.sort_unstable();
    v
}

fn skip_body(r: &SkipReason) -> SkipBody {
    match r {
        SkipReason::Unreadable(e) => SkipBody::Unreadable(e.clone()),
        SkipReason::Empty => SkipBody::Empty,
        SkipReason::Binary => SkipBody::Binary,
        SkipReason::UnsupportedExtension => SkipBody::UnsupportedExtension,
        SkipReason::NotAFile => SkipBody::NotAFile,
        SkipReason::TooLarge(a, b) => SkipBody::TooLarge(*a, *b),
        SkipReason::AnalysisFailed(e) => SkipBody::AnalysisFailed(e.clone()),
        SkipReason::BadRecord { line, error } => SkipBody::BadRecord(*line, error.to_string()),
        SkipReason::NotRecords(e) => SkipBody::NotRecords(e.clone()),
        SkipReason::Report(e) => SkipBody::Report(e.clone()),
        SkipReason::Format(e) => SkipBody::Format(e.clone()),
    }
}

fn skip_reason(b: SkipBody) -> SkipReason {
    match b {
        SkipBody::Unreadable(e) => SkipReason::Unreadable(e),
        SkipBody::Empty => SkipReason::Empty,
        SkipBody::Binary => SkipReason::Binary,
        SkipBody::UnsupportedExtension => SkipReason::UnsupportedExtension,
        SkipBody::NotAFile => SkipReason::NotAFile,
        SkipBody::TooLarge(a, b) => SkipReason::TooLarge(a, b),
        SkipBody::AnalysisFailed(e) => SkipReason::AnalysisFailed(e),
        SkipBody::BadRecord(line, e) => SkipReason::BadRecord {
            line,
            error: crate::formats::RecordError::Stored(e),
        },
        SkipBody::NotRecords(e) => SkipReason::NotRecords(e),
        SkipBody::Report(e) => SkipReason::Report(e),
        SkipBody::Format(e) => SkipReason::Format(e),
    }
}

/// The corpus in its stored form: sorted, words and entities by id.
pub fn to_body(c: &Corpus) -> Result<Body, PartialError> {
    let words = sorted_tallies(c.words.iter());
    let word_id: FxHashMap<&str, u32> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.0.as_str(), i as u32))
        .collect();

    let mut bigram_ids: Vec<(u32, u32, u64, u64)> = Vec::with_capacity(c.words.bigram_count());
    for ([a, b], t) in c.words.bigrams() {
        bigram_ids.push((word_id[a], word_id[b], t.count, t.articles));
    }
    // Every phrase's words are in the word list, so `other` (phrases stored as text, which
    // reading still accepts) stays empty.
    let mut bigrams = Bigrams::default();
    bigram_ids.sort_unstable();
    let mut prev = 0;
    for (a, b, count, articles) in bigram_ids {
        bigrams.first_gap.push(a - prev);
        prev = a;
        bigrams.second.push(b);
        bigrams.count.push(count);
        bigrams.articles.push(articles);
    }

    let mut order: Vec<u32> = (0..c.entities.len() as u32).collect();
    order.sort_by(|a, b| {
        let key = |i: &u32| {
            let i = *i as usize;
            (
                std::cmp::Reverse(c.entity_units[i].articles),
                &c.entities[i],
            )
        };
        key(a).cmp(&key(b))
    });
    let mut new_id = vec![0u32; order.len()];
    for (new, old) in order.iter().enumerate() {
        new_id[*old as usize] = new as u32;
    }
    let entities = order
        .iter()
        .map(|&old| {
            let (name, kind) = &c.entities[old as usize];
            (
                name.clone(),
                kind_code(*kind),
                units_body(c.entity_units[old as usize]),
            )
        })
        .collect();
    let mut pair_list: Vec<(u32, u32, Units)> = c
        .pairs
        .iter()
        .map(|((a, b), u)| {
            let (a, b) = (new_id[*a as usize], new_id[*b as usize]);
            (a.min(b), a.max(b), *u)
        })
        .collect();
    pair_list.sort_unstable_by_key(|p| (p.0, p.1));
    let mut pairs = Pairs::default();
    let (mut prev_a, mut prev_b) = (0, 0);
    for (a, b, u) in pair_list {
        pairs.a_gap.push(a - prev_a);
        pairs.b_gap.push(if a == prev_a && !pairs.b_gap.is_empty() {
            b - prev_b
        } else {
            b - a
        });
        (prev_a, prev_b) = (a, b);
        pairs.sentences.push(u.sentences);
        pairs.paragraphs.push(u.paragraphs);
        pairs.articles.push(u.articles);
    }

    // Records come back sorted by article, so a repeated id is next to its twin.
    let write_err = |e: std::io::Error| PartialError::Damaged {
        file: "(being written)".into(),
        reason: e.to_string(),
    };
    let mut articles: Vec<ArticleBody> = Vec::with_capacity(c.articles as usize);
    let mut terms = Terms::default();
    let mut quotes = Vec::with_capacity(c.quotes as usize);
    let mut mentions = Mentions::default();
    for rec in c.records.records().map_err(write_err)? {
        let rec = rec.map_err(write_err)?;
        let r = &rec.row;
        if articles.last().is_some_and(|a| a.article == r.article) {
            return Err(PartialError::DuplicateArticle(r.article.clone()));
        }
        let mut ids: Vec<(u32, u32)> = rec
            .terms
            .iter()
            .filter_map(|(w, n)| word_id.get(w.as_str()).map(|&id| (id, *n)))
            .collect();
        ids.sort_unstable();
        let mut prev = 0;
        for &(id, n) in &ids {
            terms.word_gap.push(id - prev);
            prev = id;
            terms.count.push(n);
        }
        let mut doc_quotes: Vec<&Quote> = rec.quotes.iter().collect();
        doc_quotes.sort_by_key(|q| (q.span.start, q.span.end, q.inner.start, q.inner.end));
        for q in &doc_quotes {
            quotes.push(QuoteBody {
                span: (q.span.start as u64, q.span.end as u64),
                inner: (q.inner.start as u64, q.inner.end as u64),
                quote: q.quote.clone(),
                speaker: q.speaker.clone(),
                speaker_mention: q.speaker_mention.clone(),
                speaker_type: q.speaker_type.map(kind_code),
                cue: q.cue.clone(),
                unclosed: q.unclosed,
                kind: q.kind.code(),
            });
        }
        let mut prev = 0i64;
        for m in &rec.mentions {
            let key = &rec.entities[m.entity as usize];
            let id = *c.entity_ids.get(key).ok_or_else(|| PartialError::Damaged {
                file: "(being written)".into(),
                reason: format!("{}: entity {} not in the corpus", r.article, key.0),
            })?;
            mentions.start_gap.push(m.start as i64 - prev);
            prev = m.start as i64;
            mentions.len.push((m.end - m.start) as u64);
            mentions.entity.push(new_id[id as usize]);
            mentions
                .written
                .push((m.written != key.0).then(|| m.written.clone()));
        }
        articles.push(ArticleBody {
            article: r.article.clone(),
            title: r.title.clone(),
            encoding: r.encoding.to_string(),
            bytes: r.bytes,
            words: r.words,
            sentences: r.sentences,
            paragraphs: r.paragraphs,
            quotes: r.quotes,
            mentions: r.mentions,
            outlet: r.outlet.clone(),
            date: r.date.map(|d| d.num_days_from_ce()),
            url: r.url.clone(),
            date_unparsed: r.date_unparsed,
            n_terms: ids.len() as u32,
            n_quotes: doc_quotes.len() as u32,
            n_mentions: rec.mentions.len() as u32,
        });
    }

    let mut skipped: Vec<(String, SkipBody)> = c
        .skipped
        .iter()
        .map(|s| (s.id.clone(), skip_body(&s.reason)))
        .collect();
    skipped.sort_by_cached_key(|s| (s.0.clone(), format!("{:?}", s.1)));
    let mut names: Vec<(String, u8, u64)> = c
        .names
        .iter()
        .map(|((n, k), c)| (n.clone(), kind_code(*k), *c))
        .collect();
    names.sort_unstable();
    let mut genders: Vec<(String, [u32; 6])> = c
        .genders
        .iter()
        .map(|(n, v)| (n.clone(), v.to_array()))
        .collect();
    genders.sort_unstable();
    let mut lowercase: Vec<(String, u64)> = c
        .lowercase
        .iter()
        .map(|(k, n)| (k.to_string(), *n))
        .collect();
    lowercase.sort_unstable();
    Ok(Body {
        tokens: c.tokens,
        bytes: c.bytes,
        stray_marks: c.stray_marks,
        quoted_terms: c.quoted_terms,
        unparsed_dates: c.unparsed_dates,
        long_tokens: c.long_tokens,
        units: units_body(c.units),
        words,
        bigrams,
        lowercase,
        names,
        genders,
        entities,
        pairs,
        articles,
        terms,
        quotes,
        mentions,
        skipped,
    })
}

/// The corpus again, with its lookup indexes rebuilt. Errors say what is inconsistent.
pub fn from_body(b: Body) -> Result<Corpus, String> {
    let mut c = Corpus {
        tokens: b.tokens,
        bytes: b.bytes,
        stray_marks: b.stray_marks,
        quoted_terms: b.quoted_terms,
        unparsed_dates: b.unparsed_dates,
        long_tokens: b.long_tokens,
        units: units_of(b.units),
        ..Corpus::default()
    };
    // Ids in the stored form are positions in the sorted word list; `ids` maps them to
    // the table's.
    let ids: Vec<u32> = b
        .words
        .iter()
        .map(|(k, count, articles)| {
            let t = Tally {
                count: *count,
                articles: *articles,
            };
            c.words.add(k, t)
        })
        .collect();
    let id = |stored: u32| {
        ids.get(stored as usize)
            .copied()
            .ok_or_else(|| format!("word id {stored} of {}", ids.len()))
    };
    let g = &b.bigrams;
    let n = g.first_gap.len();
    if [g.second.len(), g.count.len(), g.articles.len()] != [n; 3] {
        return Err("bigram columns of different lengths".into());
    }
    let mut first = 0u32;
    for i in 0..n {
        first = first
            .checked_add(g.first_gap[i])
            .ok_or("bigram id overflow")?;
        let t = Tally {
            count: g.count[i],
            articles: g.articles[i],
        };
        c.words.add_bigram(id(first)?, id(g.second[i])?, t);
    }
    for (k, count, articles) in b.bigrams.other {
        let ids = k
            .split_once(' ')
            .and_then(|(a, b)| Some((c.words.id(a)?, c.words.id(b)?)));
        let (a, b) = ids.ok_or_else(|| format!("phrase {k:?} of words not in the word list"))?;
        c.words.add_bigram(a, b, Tally { count, articles });
    }
    c.lowercase = b
        .lowercase
        .into_iter()
        .map(|(k, n)| (k.into(), n))
        .collect();
    for (n, k, count) in b.names {
        c.names.insert((n, kind_of(k)?), count);
    }
    c.genders = b
        .genders
        .into_iter()
        .map(|(n, v)| (n, crate::analyze::names::gender::Votes::from_array(v)))
        .collect();
    for (name, k, u) in b.entities {
        let key = (name, kind_of(k)?);
        c.entity_ids.insert(key.clone(), c.entities.len() as u32);
        c.entities.push(key);
        c.entity_units.push(units_of(u));
    }
    let n_entities = c.entities.len() as u32;
    let p = &b.pairs;
    let n = p.a_gap.len();
    if [
        p.b_gap.len(),
        p.sentences.len(),
        p.paragraphs.len(),
        p.articles.len(),
    ] != [n; 4]
    {
        return Err("pair columns of different lengths".into());
    }
    let (mut a, mut bb) = (0u32, 0u32);
    for i in 0..n {
        let next_a = a.checked_add(p.a_gap[i]).ok_or("pair id overflow")?;
        let base = if i > 0 && p.a_gap[i] == 0 { bb } else { next_a };
        a = next_a;
        bb = base.checked_add(p.b_gap[i]).ok_or("pair id overflow")?;
        if bb >= n_entities {
            return Err(format!("pair ({a}, {bb}) of {n_entities} entities"));
        }
        let u = Units {
            sentences: p.sentences[i],
            paragraphs: p.paragraphs[i],
            articles: p.articles[i],
        };
        c.pairs.insert((a, bb), u);
    }

    let words = &c.words;
    let word = |stored: u32| {
        id(stored).map(|i| {
            words
                .name(i)
                .expect("ids come from this table's own additions")
        })
    };
    let t = &b.terms;
    let Mentions {
        start_gap,
        len,
        entity,
        written,
    } = b.mentions;
    if t.count.len() != t.word_gap.len()
        || [len.len(), entity.len(), written.len()] != [start_gap.len(); 3]
    {
        return Err("term or mention columns of different lengths".into());
    }
    let (mut at_term, mut at_mention) = (0usize, 0usize);
    let mut quotes = b.quotes.into_iter();
    let mut written = written.into_iter();
    for a in b.articles {
        let ends = |at: usize, n: u32, len: usize| {
            let end = at + n as usize;
            if end > len {
                Err(format!("{}: lists end early", a.article))
            } else {
                Ok(end)
            }
        };
        let end = ends(at_term, a.n_terms, t.count.len())?;
        let mut id = 0u32;
        let mut terms = Vec::with_capacity(a.n_terms as usize);
        for i in at_term..end {
            id = id.checked_add(t.word_gap[i]).ok_or("word id overflow")?;
            terms.push((word(id)?.clone(), t.count[i]));
        }
        at_term = end;
        let mut doc_quotes = Vec::with_capacity(a.n_quotes as usize);
        for _ in 0..a.n_quotes {
            let q = quotes.next().ok_or("quote list ends early")?;
            doc_quotes.push(Quote {
                span: span(q.span)?,
                inner: span(q.inner)?,
                quote: q.quote,
                speaker: q.speaker,
                speaker_mention: q.speaker_mention,
                speaker_type: q.speaker_type.map(kind_of).transpose()?,
                cue: q.cue,
                unclosed: q.unclosed,
                kind: QuoteKind::from_code(u64::from(q.kind))
                    .ok_or_else(|| format!("quote kind {}", q.kind))?,
            });
        }
        let end = ends(at_mention, a.n_mentions, len.len())?;
        let mut start = 0i64;
        // The record's own entity list: the distinct entities its mentions name.
        let mut ids: Vec<u32> = entity[at_mention..end].to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut keys = Vec::with_capacity(ids.len());
        for &id in &ids {
            let key = c
                .entities
                .get(id as usize)
                .ok_or_else(|| format!("{}: entity {id} out of range", a.article))?;
            keys.push(key.clone());
        }
        let mut mentions = Vec::with_capacity(a.n_mentions as usize);
        for i in at_mention..end {
            start += start_gap[i];
            let local = ids.binary_search(&entity[i]).unwrap_or(0);
            let s = usize::try_from(start).map_err(|_| "negative mention start")?;
            mentions.push(MentionRec {
                start: s,
                end: s + len[i] as usize,
                written: written
                    .next()
                    .flatten()
                    .unwrap_or_else(|| keys[local].0.clone()),
                entity: local as u32,
            });
        }
        at_mention = end;
        c.articles += 1;
        let (quotes, reported) = crate::corpus::count_kinds(&doc_quotes);
        c.quotes += quotes.0;
        c.unattributed += quotes.1;
        c.reported += reported;
        c.records.push(&ArticleRecord {
            row: ArticleRow {
                encoding: encoding_of(&a.encoding)?,
                article: a.article,
                title: a.title,
                bytes: a.bytes,
                words: a.words,
                sentences: a.sentences,
                paragraphs: a.paragraphs,
                quotes: a.quotes,
                mentions: a.mentions,
                outlet: a.outlet,
                date: match a.date {
                    Some(days) => Some(
                        chrono::NaiveDate::from_num_days_from_ce_opt(days)
                            .ok_or_else(|| format!("date {days} out of range"))?,
                    ),
                    None => None,
                },
                url: a.url,
                date_unparsed: a.date_unparsed,
            },
            terms,
            entities: keys,
            mentions,
            quotes: doc_quotes,
        });
    }
    c.skipped = b
        .skipped
        .into_iter()
        .map(|(id, r)| Skip {
            id,
            reason: skip_reason(r),
        })
        .collect();
    Ok(c)
}

fn span((start, end): (u64, u64)) -> Result<Span, String> {
    if start > end {
        return Err(format!("span {start}..{end} runs backwards"));
    }
    Ok(Span {
        start: start as usize,
        end: end as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{self, Options};
    use crate::article::{Article, Encoding};
    use crate::text::stopwords::StopWords;

    fn corpus() -> Corpus {
        let texts = [
            ("a.txt", "Talks in Tehran\n\nSyrian President Bashar Al-Assad met Ali Khamenei in Tehran. \"We stand together,\" Assad said.\n"),
            ("b.txt", "Oil\n\nAssad spoke. The talks went on in Damascus, said the Foreign Ministry.\n"),
        ];
        texts.iter().fold(Corpus::default(), |c, (id, t)| {
            let a = Article::new(id.to_string(), t.to_string(), Encoding::Utf8);
            c.with(Ok(analyze::article(
                &a,
                Options {
                    stopwords: StopWords::english(),
                },
            )))
        })
    }

    #[test]
    fn a_partial_round_trips_to_the_same_body_and_bytes() {
        let c = corpus();
        let bytes = encode(&c, 7).unwrap();
        let (header, back) = decode(&bytes, "p").unwrap();
        assert_eq!(header.stopwords, "0000000000000007");
        assert_eq!(to_body(&back).unwrap(), to_body(&c).unwrap());
        assert_eq!(encode(&back, 7).unwrap(), bytes);
    }

    #[test]
    fn phrases_stored_as_text_are_read_by_their_words() {
        let mut body = to_body(&corpus()).unwrap();
        let tehran = body.words.iter().find(|w| w.0 == "tehran").unwrap().1;
        assert_eq!(tehran, 2);
        body.bigrams.other.push(("tehran talks".into(), 4, 3));
        let c = from_body(body).unwrap();
        let t = c.words.bigram("tehran", "talks").unwrap();
        assert_eq!((t.count, t.articles), (4, 3));
        // A phrase of a word the corpus never counted cannot be stored.
        let mut body = to_body(&corpus()).unwrap();
        body.bigrams.other.push(("tehran zzz".into(), 1, 1));
        assert!(from_body(body).unwrap_err().contains("tehran zzz"));
    }

    #[test]
    fn wrong_magic_version_and_damage_are_refused_naming_the_file() {
        let bytes = encode(&corpus(), 7).unwrap();
        let err = decode(b"hello", "x.part").unwrap_err().to_string();
        assert!(err.starts_with("x.part: not a broadsheet partial"), "{err}");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let v9 = text.replacen("format 3\n", "format 9\n", 1);
        let err = decode(v9.as_bytes(), "x.part").unwrap_err().to_string();
        assert!(err.contains("x.part: partial format version 9"), "{err}");
        let old = String::from_utf8_lossy(&bytes).replacen(
            &format!("tool {TOOL_VERSION}\n"),
            "tool 0.0.1\n",
            1,
        );
        let err = decode(old.as_bytes(), "x.part").unwrap_err().to_string();
        assert!(err.contains("made by broadsheet 0.0.1"), "{err}");
        let err = decode(&bytes[..bytes.len() - 10], "x.part")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("x.part: damaged or truncated"), "{err}");
    }

    #[test]
    fn a_corpus_spilled_to_disk_is_stored_whole() {
        let text = |i: usize| {
            format!(
                "Story {i}\n\nSyrian President Bashar Al-Assad met Ali Khamenei in Tehran on day {i}. \
                 \"We stand together,\" Assad said. Talks on oil went on in Damascus.\n"
            )
        };
        // Folded in two halves, out of name order, as threads would.
        let half = |range: std::ops::Range<usize>| {
            range.rev().fold(Corpus::default(), |c, i| {
                let a = Article::new(format!("d/{i:04}.txt"), text(i), Encoding::Utf8);
                c.with(Ok(analyze::article(
                    &a,
                    Options {
                        stopwords: StopWords::english(),
                    },
                )))
            })
        };
        let c = half(0..300).merge(half(300..600));
        assert!(c.records.runs_on_disk() > 0, "the test must spill to disk");
        let bytes = encode(&c, 7).unwrap();
        let (_, back) = decode(&bytes, "p").unwrap();
        assert_eq!(back.articles, 600);
        assert_eq!(back.records.len(), 600);
        assert_eq!(back.quotes, c.quotes);
        let body = to_body(&back).unwrap();
        assert_eq!(body, to_body(&c).unwrap());
        assert_eq!(body.articles.len(), 600);
        assert!(body
            .articles
            .windows(2)
            .all(|w| w[0].article < w[1].article));
        assert_eq!(encode(&back, 7).unwrap(), bytes);
    }

    #[test]
    fn duplicate_article_ids_cannot_be_stored() {
        let c = corpus().merge(corpus());
        assert!(matches!(
            encode(&c, 0),
            Err(PartialError::DuplicateArticle(id)) if id == "a.txt"
        ));
    }
}
