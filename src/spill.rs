//! Per-article records, kept out of memory until the reports stream them back.
//!
//! Most of what the reports list is per article (its row, its keyword candidates, its
//! mentions and quotes), and it is worth nothing until the whole corpus is read: keywords
//! need document frequencies, mentions need the corpus aliases. Held in memory, these rows
//! made peak memory grow with the corpus. [`Spill`] encodes each article's
//! [`ArticleRecord`] with the record codec ([`crate::record`], which the partial format
//! shares), length-prefixed, and once its buffer holds [`FLUSH_BYTES`] sorts it by
//! article and writes it as one sorted run to an anonymous temp file (deleted by the OS
//! when closed, in `TMPDIR`). [`Spill::records`] merges the runs and reads the records
//! back one at a time in report order (by article). Only corpus-level maps stay in memory.
//!
//! A spill is a monoid like the corpus it belongs to: [`Spill::merge`] keeps both sides'
//! runs and joins their buffers, so the parallel fold can spill without locks and in any
//! grouping, and the records read back do not depend on that grouping.
//!
//! Small runs never touch the disk: records stay in the buffer until it is full.

use crate::record::{self, ArticleRecord};
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::sync::Arc;

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

/// Write buffer while flushing a run.
const WRITE_BUFFER: usize = 256 << 10;

/// Per-article records, spilled to temp files; see the module documentation.
///
/// Write with [`Spill::push`], combine with [`Spill::merge`], read with
/// [`Spill::records`] (any number of times; reading does not consume).
#[derive(Debug, Default)]
pub struct Spill {
    /// Encoded records not yet written, in push order, each after its length (4 bytes,
    /// little-endian); `index` holds (offset, length) of each, length prefix included.
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
        record::encode(rec, &mut self.buf);
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
        // Emptied either way: after an error the records are lost, and reading says so.
        // The buffer keeps its capacity: it fills to the same size again, and growing it
        // back from nothing copies it over and over.
        self.buf.clear();
        self.index.clear();
    }

    fn try_flush(&mut self) -> io::Result<()> {
        sort_index(&self.buf, &mut self.index);
        if self.file.is_none() {
            self.file = Some(Arc::new(tempfile::tempfile()?));
            self.file_len = 0;
        }
        let file = self.file.as_ref().expect("created above");
        // Only this spill appends to its file, so its cursor is at `file_len`. Records go
        // out through a small buffer rather than a sorted copy of the whole run.
        let mut out = io::BufWriter::with_capacity(WRITE_BUFFER, &**file);
        let mut len = 0;
        for &(at, n) in &self.index {
            out.write_all(&self.buf[at..at + n])?;
            len += n as u64;
        }
        out.flush()?;
        self.runs.push(Run {
            file: Arc::clone(file),
            start: self.file_len,
            len,
        });
        self.file_len += len;
        Ok(())
    }

    /// Every record, encoded, by article (ties by their bytes, so the order never depends
    /// on how the records were grouped). Decode with [`record::decode`].
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
            .map(|r| r.and_then(|bytes| record::decode(&bytes))))
    }
}

/// Report order of two encoded records: by article, ties by bytes.
fn cmp_records(a: &[u8], b: &[u8]) -> Ordering {
    record::article_of(a)
        .cmp(record::article_of(b))
        .then_with(|| a.cmp(b))
}

/// Sorts `index` (of length-prefixed records in `buf`) into report order.
fn sort_index(buf: &[u8], index: &mut [(usize, usize)]) {
    let rec = |&(at, n): &(usize, usize)| &buf[at + 4..at + n];
    index.sort_unstable_by(|x, y| cmp_records(rec(x), rec(y)));
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
    /// The next encoded record, without its length prefix.
    fn next_raw(&mut self) -> io::Result<Option<Vec<u8>>> {
        match self {
            Source::Memory { buf, index } => {
                Ok(index.next().map(|(at, n)| buf[at + 4..at + n].to_vec()))
            }
            Source::Disk(r) => {
                let mut len = [0u8; 4];
                match r.read_exact(&mut len) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
                    Err(e) => return Err(e),
                }
                let mut rec = vec![0u8; u32::from_le_bytes(len) as usize];
                r.read_exact(&mut rec)?;
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
    /// One encoded record; see [`record::decode`].
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::record;

    fn names(s: &Spill) -> Vec<String> {
        s.records()
            .unwrap()
            .map(|r| r.unwrap().row.article)
            .collect()
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
        // Spills as fold threads would fill them, out of order: three large enough that
        // runs go to disk, and one of a few records that stay in memory.
        let mut parts = [
            Spill::default(),
            Spill::default(),
            Spill::default(),
            Spill::default(),
        ];
        let n = 30_000u64;
        for i in 0..n {
            // A scrambled order (7919 is prime to n).
            let k = (i * 7919) % n;
            let part = if k % 1000 == 7 { 3 } else { k % 3 };
            parts[part as usize].push(&record(&format!("{k:06}")));
        }
        let [a, b, c, d] = parts;
        assert!(a.runs.len() + b.runs.len() + c.runs.len() > 1);
        assert!(d.runs.is_empty());
        let mut left = Spill::default();
        left.merge(a);
        left.merge(b);
        left.merge(c);
        // Whatever the size of a record, so wherever the last flush fell: the rest to disk,
        // and the few records of `d` in memory.
        left.flush();
        left.merge(d);
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
