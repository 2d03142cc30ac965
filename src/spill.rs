//! Per-article records, kept out of memory until the reports stream them back.
//!
//! Most of what the reports list is per article (its row, its keyword candidates, its
//! mentions and quotes), and it is worth nothing until the whole corpus is read: keywords
//! need document frequencies, mentions need the corpus aliases. Held in memory, these rows
//! made peak memory grow with the corpus (450 MB for 21 MB of text).
//! [`Spill`] writes each article's [`ArticleRecord`] in a compact binary encoding to
//! anonymous temp files (deleted by the OS when closed, in `TMPDIR`), and [`Spill::records`]
//! reads them back one at a time in report order. Only corpus-level maps stay in memory.
//!
//! A spill is a monoid like the corpus it belongs to: [`Spill::merge`] keeps both sides'
//! segments (each a run of records in ascending report order) and the reader merges the
//! segments, so the parallel fold can spill without locks and in any grouping.
//!
//! Small runs never touch the disk: a segment's records stay in its buffer until it holds
//! [`FLUSH_BYTES`].

use crate::analyze::names::EntityType;
use crate::analyze::quotes::Quote;
use crate::analyze::ArticleRow;
use crate::corpus::EntityKey;
use crate::text::Span;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};

/// Everything the reports need from one article once the corpus-level tables are known.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    /// Where the article comes in the reports (its position in the sorted input list);
    /// records with equal `order` come by article name.
    pub order: u64,
    pub row: ArticleRow,
    /// Kept words with their counts in this article, in no particular order: the keyword
    /// candidates, scored once document frequencies are known.
    pub terms: Vec<(String, u32)>,
    /// The article's distinct entities as resolved within it (sorted); mentions point here.
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

/// A segment's buffer is written to its file once it holds this many bytes.
pub const FLUSH_BYTES: usize = 1 << 20;

/// When spills merge, segment buffers at least this large are written out.
const MERGE_FLUSH_BYTES: usize = 1 << 16;

/// Per-article records, spilled to temp files; see the module documentation.
///
/// Write with [`Spill::push`], combine with [`Spill::merge`], read with
/// [`Spill::records`] (any number of times; reading does not consume).
#[derive(Debug, Default)]
pub struct Spill {
    segments: Vec<Segment>,
    len: u64,
    /// The first write error; reported when the records are read, so the fold (which
    /// cannot fail) can go on.
    error: Option<String>,
}

/// Records in ascending (order, article) order: a file holding the first `written`
/// bytes, then `buf`.
#[derive(Debug, Default)]
struct Segment {
    file: Option<File>,
    written: u64,
    buf: Vec<u8>,
    last: Option<(u64, String)>,
}

impl Spill {
    /// Number of records pushed.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends one record. A record that does not come after the last one pushed starts a
    /// new segment, so the reader's merge still returns every record in order.
    pub fn push(&mut self, rec: &ArticleRecord) {
        let key = (rec.order, rec.row.article.as_str());
        let continues = self
            .segments
            .last()
            .and_then(|s| s.last.as_ref())
            .is_some_and(|(o, a)| (*o, a.as_str()) <= key);
        if !continues {
            self.segments.push(Segment::default());
        }
        let seg = self
            .segments
            .last_mut()
            .expect("a segment was just ensured");
        let at = seg.buf.len();
        seg.buf.extend_from_slice(&[0; 4]);
        encode(rec, &mut seg.buf);
        let n = (seg.buf.len() - at - 4) as u32;
        seg.buf[at..at + 4].copy_from_slice(&n.to_le_bytes());
        match &mut seg.last {
            Some((o, a)) => {
                *o = rec.order;
                a.clear();
                a.push_str(&rec.row.article);
            }
            None => seg.last = Some((rec.order, rec.row.article.clone())),
        }
        self.len += 1;
        if seg.buf.len() >= FLUSH_BYTES {
            if let Err(e) = seg.flush() {
                self.error.get_or_insert_with(|| e.to_string());
            }
        }
    }

    /// Takes in another spill's records.
    pub fn merge(&mut self, other: Spill) {
        self.segments.extend(other.segments);
        // A fold leaves one part-filled buffer per segment; written out here, the buffers
        // left in memory stay small however many segments the fold made.
        for seg in &mut self.segments {
            if seg.buf.len() >= MERGE_FLUSH_BYTES {
                if let Err(e) = seg.flush() {
                    self.error.get_or_insert_with(|| e.to_string());
                }
            }
            // A flushed buffer keeps its capacity (over FLUSH_BYTES): released here, since
            // a merged segment rarely grows again, or the fold's many segments would each
            // hold a megabyte.
            seg.buf.shrink_to_fit();
        }
        self.len += other.len;
        if self.error.is_none() {
            self.error = other.error;
        }
    }

    /// Every record, ordered by (`order`, article), read back one at a time.
    pub fn records(&self) -> io::Result<Records<'_>> {
        if let Some(e) = &self.error {
            return Err(io::Error::other(format!("temporary spill file: {e}")));
        }
        let mut readers = Vec::with_capacity(self.segments.len());
        let mut heap = BinaryHeap::with_capacity(self.segments.len());
        for (i, seg) in self.segments.iter().enumerate() {
            let mut r = BufReader::with_capacity(1 << 16, SegmentReader { seg, pos: 0 });
            if let Some(rec) = read_record(&mut r)? {
                heap.push(Reverse(Head(rec, i)));
            }
            readers.push(r);
        }
        Ok(Records { readers, heap })
    }
}

impl Segment {
    fn flush(&mut self) -> io::Result<()> {
        if self.file.is_none() {
            self.file = Some(tempfile::tempfile()?);
        }
        let file = self.file.as_mut().expect("created above");
        file.write_all(&self.buf)?;
        self.written += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }
}

/// The iterator of [`Spill::records`].
pub struct Records<'s> {
    readers: Vec<BufReader<SegmentReader<'s>>>,
    heap: BinaryHeap<Reverse<Head>>,
}

/// The next record of segment `.1`, ordered by the record's key.
struct Head(ArticleRecord, usize);

impl Head {
    fn key(&self) -> (u64, &str, usize) {
        (self.0.order, &self.0.row.article, self.1)
    }
}

impl PartialEq for Head {
    fn eq(&self, o: &Self) -> bool {
        self.key() == o.key()
    }
}
impl Eq for Head {}
impl PartialOrd for Head {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Head {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.key().cmp(&o.key())
    }
}

impl Iterator for Records<'_> {
    type Item = io::Result<ArticleRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        let Reverse(Head(rec, i)) = self.heap.pop()?;
        match read_record(&mut self.readers[i]) {
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

/// Reads a segment's file part with positioned reads (so any number of readers can share
/// it), then its buffer.
struct SegmentReader<'s> {
    seg: &'s Segment,
    pos: u64,
}

impl Read for SegmentReader<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = if self.pos < self.seg.written {
            let file = self.seg.file.as_ref().expect("written bytes have a file");
            let want = out.len().min((self.seg.written - self.pos) as usize);
            read_at(file, &mut out[..want], self.pos)?
        } else {
            let at = (self.pos - self.seg.written) as usize;
            let rest = &self.seg.buf[at.min(self.seg.buf.len())..];
            let n = rest.len().min(out.len());
            out[..n].copy_from_slice(&rest[..n]);
            n
        };
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

fn read_record(r: &mut impl Read) -> io::Result<Option<ArticleRecord>> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let mut body = vec![0u8; u32::from_le_bytes(len) as usize];
    r.read_exact(&mut body)?;
    decode(&body).map(Some)
}

// The encoding: unsigned LEB128 integers, strings as length + UTF-8 bytes, sequences as
// count + items. Private to this module and only ever read by the binary that wrote it.

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

/// The encodings `ArticleRow::encoding` can name (`Encoding::name`).
const ENCODINGS: [&str; 5] = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"];

fn encode(rec: &ArticleRecord, out: &mut Vec<u8>) {
    put_u(out, rec.order);
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
    }
}

struct Decoder<'b> {
    b: &'b [u8],
    at: usize,
}

fn corrupt() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "corrupt spill record")
}

impl Decoder<'_> {
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
        let n = self.us()?;
        let bytes = self.b.get(self.at..self.at + n).ok_or_else(corrupt)?;
        self.at += n;
        String::from_utf8(bytes.to_vec()).map_err(|_| corrupt())
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

fn decode(b: &[u8]) -> io::Result<ArticleRecord> {
    let mut d = Decoder { b, at: 0 };
    let order = d.u()?;
    let article = d.s()?;
    let title = d.s()?;
    let enc = d.s()?;
    let encoding = ENCODINGS
        .iter()
        .find(|e| **e == enc)
        .copied()
        .ok_or_else(corrupt)?;
    let row = ArticleRow {
        article,
        title,
        encoding,
        bytes: d.u()?,
        words: d.u()?,
        sentences: d.u()?,
        paragraphs: d.u()?,
        quotes: d.u()?,
        mentions: d.u()?,
    };
    let n = d.count()?;
    let mut terms = Vec::with_capacity(n);
    for _ in 0..n {
        let w = d.s()?;
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
        let end = start + d.us()?;
        let written = d.s()?;
        let entity = u32::try_from(d.u()?).map_err(|_| corrupt())?;
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
        });
    }
    if d.at != b.len() {
        return Err(corrupt());
    }
    Ok(ArticleRecord {
        order,
        row,
        terms,
        entities,
        mentions,
        quotes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(order: u64, article: &str) -> ArticleRecord {
        ArticleRecord {
            order,
            row: ArticleRow {
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
            }],
        }
    }

    #[test]
    fn a_record_survives_encoding() {
        let r = record(7, "a/b.txt");
        let mut buf = Vec::new();
        encode(&r, &mut buf);
        assert_eq!(decode(&buf).unwrap(), r);
        // Truncated or extended bytes are an error, not a wrong record.
        assert!(decode(&buf[..buf.len() - 1]).is_err());
        buf.push(0);
        assert!(decode(&buf).is_err());
    }

    #[test]
    fn merged_spills_read_back_in_order_from_disk_and_memory() {
        // Two spills as two fold threads would fill them, one large enough to go to disk.
        let mut a = Spill::default();
        let mut b = Spill::default();
        for i in 0..15000u64 {
            let r = record(i, &format!("{i:05}"));
            if i % 3 == 0 {
                a.push(&r);
            } else {
                b.push(&r);
            }
        }
        assert!(a.segments.iter().chain(&b.segments).any(|s| s.written > 0));
        b.merge(a);
        assert_eq!(b.len(), 15000);
        for _ in 0..2 {
            let orders: Vec<u64> = b.records().unwrap().map(|r| r.unwrap().order).collect();
            assert_eq!(orders, (0..15000).collect::<Vec<_>>());
        }
    }

    #[test]
    fn records_pushed_out_of_order_come_back_sorted() {
        let mut s = Spill::default();
        for (o, a) in [(0, "c"), (0, "a"), (0, "b"), (1, "a")] {
            s.push(&record(o, a));
        }
        let got: Vec<String> = s
            .records()
            .unwrap()
            .map(|r| r.unwrap().row.article)
            .collect();
        assert_eq!(got, ["a", "b", "c", "a"]);
    }
}
