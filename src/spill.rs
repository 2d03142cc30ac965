//! Per-article records, kept out of memory until the reports stream them back.
//!
//! Most of what the reports list is per article (its row, its keyword candidates, its
//! mentions and quotes), and it is worth nothing until the whole corpus is read: keywords
//! need document frequencies, mentions need the corpus aliases. Held in memory, these rows
//! made peak memory grow with the corpus. [`Spill`] encodes each article's
//! [`ArticleRecord`] compactly, and once its buffer holds [`FLUSH_BYTES`] sorts it by
//! article and writes it as one sorted run to an anonymous temp file (deleted by the OS
//! when closed, in `TMPDIR`). [`Spill::records`] merges the runs and reads the records
//! back one at a time in report order (by article). Only corpus-level maps stay in memory.
//!
//! A spill is a monoid like the corpus it belongs to: [`Spill::merge`] keeps both sides'
//! runs and joins their buffers, so the parallel fold can spill without locks and in any
//! grouping, and the records read back do not depend on that grouping.
//!
//! Small runs never touch the disk: records stay in the buffer until it is full.

use crate::analyze::names::EntityType;
use crate::analyze::quotes::{Quote, QuoteKind};
use crate::analyze::ArticleRow;
use crate::corpus::EntityKey;
use crate::text::Span;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::sync::Arc;

/// Everything the reports need from one article once the corpus-level tables are known.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    pub row: ArticleRow,
    /// Kept words with their counts in this article, in no particular order: the keyword
    /// candidates, scored once document frequencies are known.
    pub terms: Vec<(compact_str::CompactString, u32)>,
    /// The article's distinct entities as resolved within it; mentions point here, so a
    /// record needs no corpus-wide ids (which differ between fold groupings).
    pub entities: Vec<EntityKey>,
    /// Mentions in text order.
    pub mentions: Vec<MentionRec>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
}

/// One mention kept for `mentions.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRec {
    pub start: usize,
    pub end: usize,
    /// The name as written (the text is gone by report time).
    pub written: String,
    /// Index into [`ArticleRecord::entities`].
    pub entity: u32,
}

/// A buffer is sorted and written out as one run once it holds this many bytes: a few
/// megabytes of memory per fold thread, and few enough runs that merging them back stays
/// cheap (each open run costs one read buffer).
#[cfg(not(test))]
pub const FLUSH_BYTES: usize = 4 << 20;
/// Small in unit tests, so they exercise runs on disk with few records.
#[cfg(test)]
pub const FLUSH_BYTES: usize = 64 << 10;

/// Read buffer per run while merging.
const READ_BUFFER: usize = 32 << 10;

/// Per-article records, spilled to temp files; see the module documentation.
///
/// Write with [`Spill::push`], combine with [`Spill::merge`], read with
/// [`Spill::records`] (any number of times; reading does not consume).
#[derive(Debug, Default)]
pub struct Spill {
    /// Encoded records not yet written, in push order; `index` holds (offset, length).
    buf: Vec<u8>,
    index: Vec<(usize, usize)>,
    /// Sorted runs already on disk.
    runs: Vec<Run>,
    /// The file this spill appends its runs to (created on the first flush).
    file: Option<Arc<File>>,
    file_len: u64,
    len: u64,
    /// The first write error; reported when the records are read, so the fold (which
    /// cannot fail) can go on.
    error: Option<String>,
}

/// `len` bytes of sorted records at `start` in `file`.
#[derive(Debug, Clone)]
struct Run {
    file: Arc<File>,
    start: u64,
    len: u64,
}

impl Spill {
    /// Number of records pushed.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Sorted runs written to disk so far.
    #[cfg(test)]
    pub(crate) fn runs_on_disk(&self) -> usize {
        self.runs.len()
    }

    /// Appends one record.
    pub fn push(&mut self, rec: &ArticleRecord) {
        let at = self.buf.len();
        self.buf.extend_from_slice(&[0; 4]);
        encode(rec, &mut self.buf);
        let n = self.buf.len() - at - 4;
        self.buf[at..at + 4].copy_from_slice(&(n as u32).to_le_bytes());
        self.index.push((at, n + 4));
        self.len += 1;
        if self.buf.len() >= FLUSH_BYTES {
            self.flush();
        }
    }

    /// Takes in another spill's records.
    pub fn merge(&mut self, mut other: Spill) {
        if self.buf.len() < other.buf.len() {
            std::mem::swap(&mut self.buf, &mut other.buf);
            std::mem::swap(&mut self.index, &mut other.index);
        }
        let base = self.buf.len();
        self.buf.extend_from_slice(&other.buf);
        self.index
            .extend(other.index.iter().map(|&(at, n)| (at + base, n)));
        self.runs.append(&mut other.runs);
        if self.file.is_none() {
            self.file = other.file.take();
            self.file_len = other.file_len;
        }
        self.len += other.len;
        if self.error.is_none() {
            self.error = other.error.take();
        }
        if self.buf.len() >= FLUSH_BYTES {
            self.flush();
        }
    }

    /// Sorts the buffer and writes it out as one run.
    fn flush(&mut self) {
        if let Err(e) = self.try_flush() {
            self.error.get_or_insert_with(|| e.to_string());
        }
        // Dropped either way: after an error the records are lost, and reading says so.
        self.buf = Vec::new();
        self.index = Vec::new();
    }

    fn try_flush(&mut self) -> io::Result<()> {
        let mut sorted = self.index.clone();
        sort_index(&self.buf, &mut sorted);
        let mut out = Vec::with_capacity(self.buf.len());
        for (at, n) in sorted {
            out.extend_from_slice(&self.buf[at..at + n]);
        }
        if self.file.is_none() {
            self.file = Some(Arc::new(tempfile::tempfile()?));
            self.file_len = 0;
        }
        let file = self.file.as_ref().expect("created above");
        // Only this spill appends to its file, so its cursor is at `file_len`.
        (&**file).write_all(&out)?;
        self.runs.push(Run {
            file: Arc::clone(file),
            start: self.file_len,
            len: out.len() as u64,
        });
        self.file_len += out.len() as u64;
        Ok(())
    }

    /// Every record, encoded, by article (ties by their bytes, so the order never depends
    /// on how the records were grouped). Decode with [`decode`].
    pub fn raw_records(&self) -> io::Result<RawRecords<'_>> {
        if let Some(e) = &self.error {
            return Err(io::Error::other(format!("temporary spill file: {e}")));
        }
        let mut sources: Vec<Source<'_>> = self
            .runs
            .iter()
            .map(|r| {
                Source::Disk(BufReader::with_capacity(
                    READ_BUFFER,
                    RunReader { run: r, pos: 0 },
                ))
            })
            .collect();
        let mut in_memory = self.index.clone();
        sort_index(&self.buf, &mut in_memory);
        sources.push(Source::Memory {
            buf: &self.buf,
            index: in_memory.into_iter(),
        });
        let mut heap = BinaryHeap::with_capacity(sources.len());
        for (i, s) in sources.iter_mut().enumerate() {
            if let Some(rec) = s.next_raw()? {
                heap.push(Reverse(Head(rec, i)));
            }
        }
        Ok(RawRecords { sources, heap })
    }

    /// Every record, decoded, by article ([`Spill::raw_records`]).
    pub fn records(&self) -> io::Result<impl Iterator<Item = io::Result<ArticleRecord>> + '_> {
        Ok(self
            .raw_records()?
            .map(|r| r.and_then(|bytes| decode(&bytes))))
    }
}

/// The article name of an encoded record (length prefix included).
fn name_of(rec: &[u8]) -> &[u8] {
    let mut d = Decoder {
        b: &rec[4..],
        at: 0,
    };
    match d.us() {
        Ok(n) => d.b.get(d.at..d.at + n).unwrap_or(&[]),
        Err(_) => &[],
    }
}

/// Report order of two encoded records: by article, ties by bytes.
fn cmp_records(a: &[u8], b: &[u8]) -> Ordering {
    name_of(a).cmp(name_of(b)).then_with(|| a.cmp(b))
}

fn sort_index(buf: &[u8], index: &mut [(usize, usize)]) {
    index.sort_unstable_by(|x, y| cmp_records(&buf[x.0..x.0 + x.1], &buf[y.0..y.0 + y.1]));
}

/// A run being merged: on disk, or the spill's buffer.
enum Source<'s> {
    Disk(BufReader<RunReader<'s>>),
    Memory {
        buf: &'s [u8],
        index: std::vec::IntoIter<(usize, usize)>,
    },
}

impl Source<'_> {
    /// The next encoded record, length prefix included.
    fn next_raw(&mut self) -> io::Result<Option<Vec<u8>>> {
        match self {
            Source::Memory { buf, index } => {
                Ok(index.next().map(|(at, n)| buf[at..at + n].to_vec()))
            }
            Source::Disk(r) => {
                let mut len = [0u8; 4];
                match r.read_exact(&mut len) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
                    Err(e) => return Err(e),
                }
                let n = u32::from_le_bytes(len) as usize;
                let mut rec = vec![0u8; n + 4];
                rec[..4].copy_from_slice(&len);
                r.read_exact(&mut rec[4..])?;
                Ok(Some(rec))
            }
        }
    }
}

/// The iterator of [`Spill::raw_records`].
pub struct RawRecords<'s> {
    sources: Vec<Source<'s>>,
    heap: BinaryHeap<Reverse<Head>>,
}

/// The next record of source `.1`.
struct Head(Vec<u8>, usize);

impl PartialEq for Head {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Head {}
impl PartialOrd for Head {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Head {
    fn cmp(&self, o: &Self) -> Ordering {
        cmp_records(&self.0, &o.0).then(self.1.cmp(&o.1))
    }
}

impl Iterator for RawRecords<'_> {
    /// One encoded record; see [`decode`].
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        let Reverse(Head(rec, i)) = self.heap.pop()?;
        match self.sources[i].next_raw() {
            Ok(Some(next)) => self.heap.push(Reverse(Head(next, i))),
            Ok(None) => {}
            Err(e) => {
                self.heap.clear();
                return Some(Err(e));
            }
        }
        Some(Ok(rec))
    }
}

/// Reads a run with positioned reads, so any number of readers can share its file.
struct RunReader<'s> {
    run: &'s Run,
    pos: u64,
}

impl Read for RunReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.run.len {
            return Ok(0);
        }
        let want = out.len().min((self.run.len - self.pos) as usize);
        let n = read_at(&self.run.file, &mut out[..want], self.run.start + self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

#[cfg(unix)]
fn read_at(f: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(f, buf, pos)
}

#[cfg(windows)]
fn read_at(f: &File, buf: &mut [u8], pos: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(f, buf, pos)
}

// The encoding: unsigned LEB128 integers, strings as length + UTF-8 bytes, sequences as
// count + items, the article name first (runs are sorted by it). Private to this module
// and only ever read by the process that wrote it.

fn put_u(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_s(out: &mut Vec<u8>, s: &str) {
    put_u(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn kind_code(k: Option<EntityType>) -> u64 {
    match k {
        None => 0,
        Some(EntityType::Person) => 1,
        Some(EntityType::Org) => 2,
        Some(EntityType::Place) => 3,
    }
}

fn encode(rec: &ArticleRecord, out: &mut Vec<u8>) {
    use chrono::Datelike;
    let r = &rec.row;
    put_s(out, &r.article);
    put_s(out, &r.title);
    put_s(out, r.encoding);
    for n in [
        r.bytes,
        r.words,
        r.sentences,
        r.paragraphs,
        r.quotes,
        r.mentions,
    ] {
        put_u(out, n);
    }
    put_s(out, &r.outlet);
    put_s(out, &r.url);
    match r.date {
        None => put_u(out, 0),
        // Zig-zag, so dates before the common era stay small.
        Some(d) => {
            let days = i64::from(d.num_days_from_ce());
            put_u(out, 1 + ((days << 1) ^ (days >> 63)) as u64);
        }
    }
    put_u(out, u64::from(r.date_unparsed));
    put_u(out, rec.terms.len() as u64);
    for (w, n) in &rec.terms {
        put_s(out, w);
        put_u(out, u64::from(*n));
    }
    put_u(out, rec.entities.len() as u64);
    for (name, kind) in &rec.entities {
        put_s(out, name);
        put_u(out, kind_code(Some(*kind)));
    }
    put_u(out, rec.mentions.len() as u64);
    for m in &rec.mentions {
        put_u(out, m.start as u64);
        put_u(out, (m.end - m.start) as u64);
        put_s(out, &m.written);
        put_u(out, u64::from(m.entity));
    }
    put_u(out, rec.quotes.len() as u64);
    for q in &rec.quotes {
        for n in [q.span.start, q.span.end, q.inner.start, q.inner.end] {
            put_u(out, n as u64);
        }
        put_s(out, &q.quote);
        put_s(out, &q.speaker);
        put_s(out, &q.speaker_mention);
        put_u(out, kind_code(q.speaker_type));
        put_s(out, &q.cue);
        put_u(out, u64::from(q.unclosed));
        put_u(out, u64::from(q.kind.code()));
    }
}

struct Decoder<'b> {
    b: &'b [u8],
    at: usize,
}

fn corrupt() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "corrupt spill record")
}

impl<'b> Decoder<'b> {
    fn u(&mut self) -> io::Result<u64> {
        let mut n = 0u64;
        let mut shift = 0;
        loop {
            let byte = *self.b.get(self.at).ok_or_else(corrupt)?;
            self.at += 1;
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
            shift += 7;
            if shift > 63 {
                return Err(corrupt());
            }
        }
    }

    fn us(&mut self) -> io::Result<usize> {
        usize::try_from(self.u()?).map_err(|_| corrupt())
    }

    fn s(&mut self) -> io::Result<String> {
        self.str().map(str::to_string)
    }

    /// A string borrowed from the record's bytes.
    fn str(&mut self) -> io::Result<&'b str> {
        let n = self.us()?;
        let end = self.at.checked_add(n).ok_or_else(corrupt)?;
        let bytes = self.b.get(self.at..end).ok_or_else(corrupt)?;
        self.at = end;
        std::str::from_utf8(bytes).map_err(|_| corrupt())
    }

    fn kind(&mut self) -> io::Result<Option<EntityType>> {
        Ok(match self.u()? {
            0 => None,
            1 => Some(EntityType::Person),
            2 => Some(EntityType::Org),
            3 => Some(EntityType::Place),
            _ => return Err(corrupt()),
        })
    }

    /// A count of items, each at least one byte: more than the bytes left is corrupt (and
    /// would otherwise be a huge allocation).
    fn count(&mut self) -> io::Result<usize> {
        let n = self.us()?;
        if n > self.b.len() - self.at {
            return Err(corrupt());
        }
        Ok(n)
    }
}

/// Decodes a record as [`Spill::raw_records`] returns it (length prefix included).
pub fn decode(rec: &[u8]) -> io::Result<ArticleRecord> {
    let (mut record, terms) = decode_parts(rec)?;
    record.terms = terms
        .into_iter()
        .map(|(w, n)| (compact_str::CompactString::new(w), n))
        .collect();
    Ok(record)
}

/// [`decode`], with the kept words left borrowed from the record's bytes (and
/// `ArticleRecord::terms` empty): the report pass scores them and lets them go, and they
/// are most of a record's strings.
pub fn decode_parts(rec: &[u8]) -> io::Result<(ArticleRecord, Vec<(&str, u32)>)> {
    let body = rec.get(4..).ok_or_else(corrupt)?;
    let mut d = Decoder { b: body, at: 0 };
    let article = d.s()?;
    let title = d.s()?;
    let enc = d.s()?;
    let encoding = crate::article::Encoding::from_name(&enc)
        .ok_or_else(corrupt)?
        .name();
    let (bytes, words, sentences, paragraphs, quotes, mentions) =
        (d.u()?, d.u()?, d.u()?, d.u()?, d.u()?, d.u()?);
    let outlet = d.s()?;
    let url = d.s()?;
    let date = match d.u()? {
        0 => None,
        z => {
            let z = z - 1;
            let days = ((z >> 1) as i64) ^ -((z & 1) as i64);
            let days = i32::try_from(days).map_err(|_| corrupt())?;
            Some(chrono::NaiveDate::from_num_days_from_ce_opt(days).ok_or_else(corrupt)?)
        }
    };
    let date_unparsed = d.u()? != 0;
    let row = ArticleRow {
        outlet,
        date,
        url,
        date_unparsed,
        article,
        title,
        encoding,
        bytes,
        words,
        sentences,
        paragraphs,
        quotes,
        mentions,
    };
    let n = d.count()?;
    let mut terms = Vec::with_capacity(n);
    for _ in 0..n {
        let w = d.str()?;
        terms.push((w, u32::try_from(d.u()?).map_err(|_| corrupt())?));
    }
    let n = d.count()?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        let name = d.s()?;
        entities.push((name, d.kind()?.ok_or_else(corrupt)?));
    }
    let n = d.count()?;
    let mut mentions = Vec::with_capacity(n);
    for _ in 0..n {
        let start = d.us()?;
        let end = start.checked_add(d.us()?).ok_or_else(corrupt)?;
        let written = d.s()?;
        let entity = u32::try_from(d.u()?).map_err(|_| corrupt())?;
        if entity as usize >= entities.len() {
            return Err(corrupt());
        }
        mentions.push(MentionRec {
            start,
            end,
            written,
            entity,
        });
    }
    let n = d.count()?;
    let mut quotes = Vec::with_capacity(n);
    for _ in 0..n {
        let span = Span::new(d.us()?, d.us()?);
        let inner = Span::new(d.us()?, d.us()?);
        quotes.push(Quote {
            span,
            inner,
            quote: d.s()?,
            speaker: d.s()?,
            speaker_mention: d.s()?,
            speaker_type: d.kind()?,
            cue: d.s()?,
            unclosed: d.u()? != 0,
            kind: QuoteKind::from_code(d.u()?).ok_or_else(corrupt)?,
        });
    }
    if d.at != body.len() {
        return Err(corrupt());
    }
    Ok((
        ArticleRecord {
            row,
            terms: Vec::new(),
            entities,
            mentions,
            quotes,
        },
        terms,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(article: &str) -> ArticleRecord {
        ArticleRecord {
            row: ArticleRow {
                outlet: "Ledger".into(),
                date: chrono::NaiveDate::from_ymd_opt(-44, 3, 15),
                url: "https://example.org/a".into(),
                date_unparsed: true,
                article: article.to_string(),
                title: "Tïtle, \"quoted\"".to_string(),
                encoding: "windows-1252",
                bytes: 1 << 40,
                words: 3,
                sentences: 2,
                paragraphs: 1,
                quotes: 1,
                mentions: 1,
            },
            terms: vec![("iran".into(), 2), ("ñandú".into(), 300)],
            entities: vec![("Ali Khamenei".into(), EntityType::Person)],
            mentions: vec![MentionRec {
                start: 10,
                end: 18,
                written: "Khamenei".into(),
                entity: 0,
            }],
            quotes: vec![Quote {
                span: Span::new(30, 50),
                inner: Span::new(31, 49),
                quote: "We will not yield".into(),
                speaker: "Ali Khamenei".into(),
                speaker_mention: "he".into(),
                speaker_type: Some(EntityType::Person),
                cue: "said".into(),
                unclosed: true,
                kind: QuoteKind::Partial,
            }],
        }
    }

    fn names(s: &Spill) -> Vec<String> {
        s.records()
            .unwrap()
            .map(|r| r.unwrap().row.article)
            .collect()
    }

    #[test]
    fn a_record_survives_encoding() {
        let mut r = record("a/b.txt");
        let mut buf = vec![0; 4];
        encode(&r, &mut buf);
        assert_eq!(decode(&buf).unwrap(), r);
        // Truncated or extended bytes are an error, not a wrong record.
        assert!(decode(&buf[..buf.len() - 1]).is_err());
        buf.push(0);
        assert!(decode(&buf).is_err());
        // A modern date and no date round trip too.
        for date in [chrono::NaiveDate::from_ymd_opt(2019, 3, 4), None] {
            r.row.date = date;
            let mut buf = vec![0; 4];
            encode(&r, &mut buf);
            assert_eq!(decode(&buf).unwrap().row.date, date);
        }
    }

    #[test]
    fn an_empty_spill_reads_back_nothing() {
        let s = Spill::default();
        assert!(s.is_empty());
        assert_eq!(s.records().unwrap().count(), 0);
        let mut m = Spill::default();
        m.merge(Spill::default());
        assert_eq!(m.len(), 0);
        assert_eq!(m.records().unwrap().count(), 0);
    }

    #[test]
    fn merged_spills_read_back_in_order_from_disk_and_memory() {
        // Three spills as fold threads would fill them, out of order, large enough that
        // some runs go to disk and some records stay in memory.
        let mut parts = [Spill::default(), Spill::default(), Spill::default()];
        let n = 30_000u64;
        for i in 0..n {
            // A scrambled order (7919 is prime to n).
            let k = (i * 7919) % n;
            parts[(k % 3) as usize].push(&record(&format!("{k:06}")));
        }
        let [a, b, c] = parts;
        assert!(a.runs.len() + b.runs.len() + c.runs.len() > 1);
        let mut left = Spill::default();
        left.merge(a);
        left.merge(b);
        left.merge(c);
        assert!(!left.buf.is_empty() && !left.runs.is_empty());
        assert_eq!(left.len(), n);
        let want: Vec<String> = (0..n).map(|k| format!("{k:06}")).collect();
        // Reading does not consume: twice, the same.
        assert_eq!(names(&left), want);
        assert_eq!(names(&left), want);
        let full = left.records().unwrap().next().unwrap().unwrap();
        assert_eq!(full, record("000000"));
    }

    #[test]
    fn the_order_does_not_depend_on_the_grouping() {
        let ids = ["c", "a", "b/x", "b.txt", "a"];
        let mut one = Spill::default();
        for id in ids {
            one.push(&record(id));
        }
        let mut x = Spill::default();
        let mut y = Spill::default();
        for (i, id) in ids.iter().enumerate() {
            if i % 2 == 0 { &mut x } else { &mut y }.push(&record(id));
        }
        y.merge(x);
        assert_eq!(names(&one), ["a", "a", "b.txt", "b/x", "c"]);
        assert_eq!(names(&y), names(&one));
    }
}
