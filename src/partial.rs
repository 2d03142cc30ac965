//! Partial results: a shard's merged [`Corpus`] on disk, so that shards analysed on many
//! machines merge into exactly the reports one run over all of them writes.
//!
//! The corpus holds counts and per-article rows only; every corpus-level decision (aliases,
//! TF-IDF, NPMI, top-N) is taken by [`crate::report::render`] from the merged corpus. So a
//! partial is the corpus itself, and merging is [`Corpus::merge`] followed by the usual
//! render. Everything `render` reads is stored; only lookup indexes (`entity_ids`) are
//! rebuilt on reading.
//!
//! # Format (version 4)
//!
//! A text header, one `key value` line each, ended by an empty line, then the body:
//!
//! ```text
//! broadsheet partial          <- magic
//! format 4                    <- FORMAT_VERSION: the layout of the body
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
//! Each article is its [`ArticleRecord`] as the spill holds it, in the one record codec
//! ([`crate::record`]). Inside the body every list is sorted (articles by name, each one's
//! words by word and quotes by position) and corpus-level words and entities are stored
//! once, so a shard always gives the same bytes and compresses well. Readers refuse any
//! other magic, format or tool version, naming the file. Change [`FORMAT_VERSION`] with any
//! change to [`Body`] or to the types an [`ArticleRecord`] holds.

use crate::analyze::names::EntityType;
use crate::corpus::{Corpus, Tally, Units};
use crate::ingest::{Skip, SkipReason};
pub use crate::outputs::MAGIC;
use crate::record::ArticleRecord;
use crate::spill::Spill;
use rustc_hash::FxHashMap;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The layout of [`Body`]; bump with any change to it (or to an [`ArticleRecord`]).
pub const FORMAT_VERSION: u32 = 4;
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

/// The body of a partial, version 4 (version 3 stored each article's row, words, quotes and
/// mentions in lists of its own rather than as the article's record; version 2 had no
/// `genders` and no quote `kind`, version 1 no `long_tokens`). Entity types are stored as
/// 0 person, 1 organisation, 2 place; unit triples are (sentences, paragraphs, articles). Long lists of numbers are stored as columns of gaps
/// (one `Vec` per field), which zlib compresses far better than rows.
///
/// `A` holds the articles, all in the same bytes: written, [`Articles`] streams them from
/// the corpus's spill; read, [`Spilled`] streams them into a new one (or a `Vec` holds
/// them, to look at).
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Body<A = Vec<ArticleRecord>> {
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
    pub names: Vec<(String, EntityType, u64)>,
    /// Gender evidence per article-level person's name ([`crate::analyze::names::gender::Votes`]
    /// as an array), sorted by name.
    pub genders: Vec<(String, [u32; 6])>,
    /// Article-level entities with their units, most widespread first (so the ids that
    /// pairs use most are small); ties by name and type.
    pub entities: Vec<(String, EntityType, (u32, u32, u32))>,
    pub pairs: Pairs,
    /// Every article's record, sorted by article, each in its canonical order
    /// ([`ArticleRecord::canonical`]).
    pub articles: A,
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
    let body = to_body(corpus);
    let mut out = format!(
        "{MAGIC}\nformat {FORMAT_VERSION}\ntool {TOOL_VERSION}\nstopwords {stopwords:016x}\narticles {}\nskipped {}\n\n",
        corpus.records.len(),
        body.skipped.len()
    )
    .into_bytes();
    let write_err = |source| PartialError::Write {
        file: "(memory)".into(),
        source,
    };
    let z = flate2::write::ZlibEncoder::new(&mut out, flate2::Compression::new(6));
    // postcard writes a few bytes at a time.
    let buffered = std::io::BufWriter::with_capacity(64 << 10, z);
    let buffered = postcard::to_io(&body, buffered).map_err(|e| {
        body.articles
            .error
            .take()
            .unwrap_or_else(|| being_written(e.to_string()))
    })?;
    buffered
        .into_inner()
        .map_err(|e| write_err(e.into_error()))?
        .finish()
        .map_err(write_err)?;
    Ok(out)
}

fn being_written(reason: String) -> PartialError {
    PartialError::Damaged {
        file: "(being written)".into(),
        reason,
    }
}

/// A corpus's records as a partial stores them ([`Body::articles`]): read back from its
/// spill one at a time, sorted by article, each in its canonical order, so that writing a
/// partial never holds them all.
pub struct Articles<'c> {
    spill: &'c Spill,
    /// Why writing them stopped, if not for the serialiser (which keeps no message).
    error: Cell<Option<PartialError>>,
}

impl Serialize for Articles<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let fail = |e: PartialError| {
            let message = e.to_string();
            self.error.set(Some(e));
            S::Error::custom(message)
        };
        let read_err = |e: std::io::Error| fail(being_written(e.to_string()));
        let records = self.spill.records().map_err(read_err)?;
        let mut seq = s.serialize_seq(Some(self.spill.len() as usize))?;
        // Records come back sorted by article, so a repeated id is next to its twin.
        let mut last: Option<String> = None;
        for rec in records {
            let rec = rec.map_err(read_err)?.canonical();
            if last.as_ref() == Some(&rec.row.article) {
                return Err(fail(PartialError::DuplicateArticle(rec.row.article)));
            }
            seq.serialize_element(&rec)?;
            last = Some(rec.row.article);
        }
        seq.end()
    }
}

/// Reads a partial; `file` names it in errors.
pub fn decode(bytes: &[u8], file: &str) -> Result<(Header, Corpus), PartialError> {
    let (header, body) = decode_body::<Spilled>(bytes, file)?;
    let corpus = from_body(body).map_err(|reason| damaged(file, reason))?;
    Ok((header, corpus))
}

/// Reads a partial's header and body; `file` names it in errors.
pub fn decode_body<A: DeserializeOwned>(
    bytes: &[u8],
    file: &str,
) -> Result<(Header, Body<A>), PartialError> {
    let (header, rest) = parse_header(bytes, file)?;
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(rest)
        .read_to_end(&mut raw)
        .map_err(|e| damaged(file, e.to_string()))?;
    let body = postcard::from_bytes(&raw).map_err(|e| damaged(file, e.to_string()))?;
    Ok((header, body))
}

/// A partial's articles as they are read ([`Body::articles`]): each record checked and
/// pushed into a spill as it is decoded, so reading a partial never holds them all.
#[derive(Debug, Default)]
pub struct Spilled {
    pub records: Spill,
    /// Quotations, those with no speaker, and pieces of reported speech, over the records.
    pub quotes: u64,
    pub unattributed: u64,
    pub reported: u64,
}

impl<'de> Deserialize<'de> for Spilled {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Spilled, D::Error> {
        struct Records;
        impl<'de> serde::de::Visitor<'de> for Records {
            type Value = Spilled;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("article records")
            }

            fn visit_seq<S: serde::de::SeqAccess<'de>>(
                self,
                mut seq: S,
            ) -> Result<Spilled, S::Error> {
                let mut out = Spilled::default();
                while let Some(rec) = seq.next_element::<ArticleRecord>()? {
                    rec.check().map_err(serde::de::Error::custom)?;
                    let ((quotes, unattributed), reported) =
                        crate::corpus::count_kinds(&rec.quotes);
                    out.quotes += quotes;
                    out.unattributed += unattributed;
                    out.reported += reported;
                    out.records.push(&rec);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(Records)
    }
}

fn damaged(file: &str, reason: String) -> PartialError {
    PartialError::Damaged {
        file: file.to_string(),
        reason,
    }
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
        let read_err = |source| PartialError::Read {
            file: file.clone(),
            source,
        };
        // Only the names, which lead each encoded record.
        for raw in part.records.raw_records().map_err(read_err)? {
            let raw = raw.map_err(read_err)?;
            let article = String::from_utf8_lossy(crate::record::article_of(&raw)).into_owned();
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
            error: crate::ingest::formats::RecordError::Stored(e),
        },
        SkipBody::NotRecords(e) => SkipReason::NotRecords(e),
        SkipBody::Report(e) => SkipReason::Report(e),
        SkipBody::Format(e) => SkipReason::Format(e),
    }
}

/// The corpus in its stored form: sorted, words and entities by id, the articles streamed
/// as it is written.
pub fn to_body(c: &Corpus) -> Body<Articles<'_>> {
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
                *kind,
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

    let mut skipped: Vec<(String, SkipBody)> = c
        .skipped
        .iter()
        .map(|s| (s.id.clone(), skip_body(&s.reason)))
        .collect();
    skipped.sort_by_cached_key(|s| (s.0.clone(), format!("{:?}", s.1)));
    let mut names: Vec<(String, EntityType, u64)> = c
        .names
        .iter()
        .map(|((n, k), c)| (n.clone(), *k, *c))
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
        .map(|(k, n)| (k.to_string(), n))
        .collect();
    lowercase.sort_unstable();
    Body {
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
        articles: Articles {
            spill: &c.records,
            error: Cell::new(None),
        },
        skipped,
    }
}

/// The corpus again, with its lookup indexes rebuilt. Errors say what is inconsistent.
pub fn from_body(b: Body<Spilled>) -> Result<Corpus, String> {
    let mut c = Corpus {
        articles: b.articles.records.len(),
        records: b.articles.records,
        quotes: b.articles.quotes,
        unattributed: b.articles.unattributed,
        reported: b.articles.reported,
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
    for (k, n) in b.lowercase {
        c.lowercase.add_word(&k, n);
    }
    for (n, k, count) in b.names {
        c.names.insert((n, k), count);
    }
    c.genders = b
        .genders
        .into_iter()
        .map(|(n, v)| (n, crate::analyze::names::gender::Votes::from_array(v)))
        .collect();
    for (name, k, u) in b.entities {
        let key = (name, k);
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
        let again = encode(&back, 7).unwrap();
        assert_eq!(again, bytes);
        let body: Body = decode_body(&bytes, "p").unwrap().1;
        assert_eq!(body.articles.len(), 2);
        // The records as the corpus spilled them, in their canonical order.
        let records: Vec<ArticleRecord> = c
            .records
            .records()
            .unwrap()
            .map(|r| r.unwrap().canonical())
            .collect();
        assert_eq!(body.articles, records);
    }

    #[test]
    fn phrases_stored_as_text_are_read_by_their_words() {
        let fresh = || {
            decode_body::<Spilled>(&encode(&corpus(), 7).unwrap(), "p")
                .unwrap()
                .1
        };
        let mut body = fresh();
        let tehran = body.words.iter().find(|w| w.0 == "tehran").unwrap().1;
        assert_eq!(tehran, 2);
        body.bigrams.other.push(("tehran talks".into(), 4, 3));
        let c = from_body(body).unwrap();
        let t = c.words.bigram("tehran", "talks").unwrap();
        assert_eq!((t.count, t.articles), (4, 3));
        // A phrase of a word the corpus never counted cannot be stored.
        let mut body = fresh();
        body.bigrams.other.push(("tehran zzz".into(), 1, 1));
        assert!(from_body(body).unwrap_err().contains("tehran zzz"));
    }

    #[test]
    fn wrong_magic_version_and_damage_are_refused_naming_the_file() {
        let bytes = encode(&corpus(), 7).unwrap();
        let err = decode(b"hello", "x.part").unwrap_err().to_string();
        assert!(err.starts_with("x.part: not a broadsheet partial"), "{err}");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let v9 = text.replacen("format 4\n", "format 9\n", 1);
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
        let body: Body = decode_body(&bytes, "p").unwrap().1;
        assert_eq!(body.articles.len(), 600);
        assert!(body
            .articles
            .windows(2)
            .all(|w| w[0].row.article < w[1].row.article));
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
