//! Reading record files (JSON Lines, CSV) as a stream of articles, in bounded batches.
//!
//! A record file may be far larger than memory (a 2 GB archive export), so it is never
//! read whole: lines or rows are read one at a time through a buffer, turned into
//! articles ([`super::parse_json_line`], [`super::csv_record`]) and handed on in batches
//! of at most [`BATCH_BYTES`] of text or [`BATCH_RECORDS`] articles. The caller analyses
//! each batch in parallel while the next one is read. A line or row that is not an
//! article becomes a [`Skip`] with its line number; the rest of the file is still read.

use super::{csv_record, parse_json_line, record_name, Field, FieldMap, FileKind, Meta};
use super::{Record, RecordError};
use crate::article::{Article, Encoding};
use crate::ingest::{Skip, SkipReason, Source};
use rustc_hash::FxHashMap;
use std::cell::Cell;
use std::io::{BufRead, BufReader, Read};
use std::rc::Rc;

/// Text held in one batch before it is handed on.
pub const BATCH_BYTES: usize = 8 << 20;
/// Articles held in one batch before it is handed on.
pub const BATCH_RECORDS: usize = 2048;
/// A file whose first this-many records have no text is no article file at all (a
/// previous run's `words.csv`, a config file): one skip for it, not one per line.
const NO_TEXT_PROBE: usize = 100;

/// One unit of work read from a record file.
pub type Unit = Result<Pending, Skip>;

/// A record read and checked, its article not yet built: building it (paragraphs,
/// sentences, words) is analysis work, done on the thread that analyses it, while the one
/// thread reading the file goes on to the next record.
#[derive(Debug)]
pub struct Pending {
    record: Record,
    /// The article's name in the reports.
    name: String,
    encoding: Encoding,
}

impl Pending {
    pub fn into_article(self) -> (Article, Meta) {
        self.record.into_article(self.name, self.encoding)
    }
}

/// Reads a record file and calls `emit` with each batch; `emit` returns false to stop
/// early. A failure of the whole file (unreadable, not records at all) is the `Err`;
/// batches emitted before it stand.
pub fn records(
    source: &Source,
    kind: FileKind,
    fields: &FieldMap,
    max_record: u64,
    emit: &mut dyn FnMut(Vec<Unit>) -> bool,
) -> Result<(), Skip> {
    let file = std::fs::File::open(&source.path).map_err(|e| Skip {
        id: source.id.clone(),
        reason: SkipReason::Unreadable(e.to_string()),
    })?;
    records_from(&source.id, file, kind, fields, max_record, emit)
}

/// [`records`] from any reader (standard input, a pipe), reported under the name `id`:
/// records are named `id#line` or `id#<their id>`.
pub fn records_from(
    id: &str,
    input: impl Read,
    kind: FileKind,
    fields: &FieldMap,
    max_record: u64,
    emit: &mut dyn FnMut(Vec<Unit>) -> bool,
) -> Result<(), Skip> {
    let file_skip = |reason| Skip {
        id: id.to_string(),
        reason,
    };
    let mut reader = BufReader::with_capacity(1 << 20, input);
    let head = reader
        .fill_buf()
        .map_err(|e| file_skip(SkipReason::Unreadable(e.to_string())))?;
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(file_skip(SkipReason::NotRecords(format!(
            "{kind} in UTF-16 is not read; save it as UTF-8"
        ))));
    }
    if let Some(what) = crate::ingest::binary_format(head) {
        return Err(file_skip(SkipReason::Format(what.to_string())));
    }
    let name = id.rsplit('/').next().unwrap_or(id);
    if let Some(what) = crate::ingest::own_report(name, head) {
        return Err(file_skip(SkipReason::Report(what)));
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        reader.consume(3);
    }
    let mut out = Batcher::new(id, emit);
    let result = match kind {
        FileKind::JsonLines => json_lines(&mut reader, fields, max_record, &mut out),
        FileKind::Csv => csv_rows(reader, fields, max_record, &mut out),
        FileKind::Text => Ok(()),
    };
    out.finish(result, fields)
}

/// Collects units into batches, gives records their names, and holds back the first
/// "no text" lines until it is known whether the file has any article at all.
struct Batcher<'s, 'e> {
    id: &'s str,
    emit: &'e mut dyn FnMut(Vec<Unit>) -> bool,
    batch: Vec<Unit>,
    bytes: usize,
    stopped: bool,
    articles: u64,
    records: u64,
    no_text: Vec<Skip>,
    ids: FxHashMap<String, u64>,
}

/// Why reading stopped early.
enum Stop {
    /// The file is not what its extension says.
    NotRecords(String),
    /// The file is one of broadsheet's own tables (which one).
    Report(String),
    /// Reading failed at a line (I/O error, a row that never ends).
    Failed(u64, String),
}

impl<'s, 'e> Batcher<'s, 'e> {
    fn new(id: &'s str, emit: &'e mut dyn FnMut(Vec<Unit>) -> bool) -> Self {
        Batcher {
            id,
            emit,
            batch: Vec::new(),
            bytes: 0,
            stopped: false,
            articles: 0,
            records: 0,
            no_text: Vec::new(),
            ids: FxHashMap::default(),
        }
    }

    fn bad(&self, line: u64, error: RecordError) -> Skip {
        Skip {
            id: self.id.to_string(),
            reason: SkipReason::BadRecord { line, error },
        }
    }

    /// Takes one line's outcome. Returns false when reading should stop.
    fn push(
        &mut self,
        line: u64,
        outcome: Result<Record, RecordError>,
        encoding: Encoding,
    ) -> Result<bool, Stop> {
        self.records += 1;
        let unit = match outcome {
            Ok(record) => {
                let dup = record.id.as_ref().and_then(|id| match self.ids.get(id) {
                    Some(&first) => Some(RecordError::DuplicateId(id.clone(), first)),
                    None => {
                        self.ids.insert(id.clone(), line);
                        None
                    }
                });
                match dup {
                    Some(e) => Err(self.bad(line, e)),
                    None => {
                        self.articles += 1;
                        if !self.no_text.is_empty() {
                            let held = std::mem::take(&mut self.no_text);
                            self.batch.extend(held.into_iter().map(Err));
                        }
                        let name = record_name(self.id, record.id.as_deref(), line);
                        self.bytes += record.title.len() + record.body.len();
                        Ok(Pending {
                            record,
                            name,
                            encoding,
                        })
                    }
                }
            }
            Err(e @ RecordError::NoText(_)) if self.articles == 0 => {
                let skip = self.bad(line, e);
                self.no_text.push(skip);
                if self.no_text.len() >= NO_TEXT_PROBE {
                    return Err(Stop::NotRecords(format!(
                        "no text in its first {NO_TEXT_PROBE} records"
                    )));
                }
                return Ok(true);
            }
            Err(e) => Err(self.bad(line, e)),
        };
        self.batch.push(unit);
        if self.batch.len() >= BATCH_RECORDS || self.bytes >= BATCH_BYTES {
            self.flush();
        }
        Ok(!self.stopped)
    }

    fn flush(&mut self) {
        if self.batch.is_empty() || self.stopped {
            return;
        }
        self.bytes = 0;
        let batch = std::mem::take(&mut self.batch);
        self.stopped = !(self.emit)(batch);
    }

    fn finish(mut self, result: Result<(), Stop>, fields: &FieldMap) -> Result<(), Skip> {
        let file_skip = |reason| Skip {
            id: self.id.to_string(),
            reason,
        };
        let outcome = match result {
            Ok(()) if self.records == 0 => Err(file_skip(SkipReason::Empty)),
            Ok(()) if self.articles == 0 && !self.no_text.is_empty() => {
                Err(file_skip(SkipReason::NotRecords(format!(
                    "no record has text; looked for {}",
                    fields.text_names()
                ))))
            }
            Ok(()) => Ok(()),
            Err(Stop::Report(what)) => Err(file_skip(SkipReason::Report(what))),
            Err(Stop::NotRecords(why)) => Err(file_skip(SkipReason::NotRecords(format!(
                "{why}; looked for {}",
                fields.text_names()
            )))),
            Err(Stop::Failed(line, why)) => Err(file_skip(SkipReason::Unreadable(format!(
                "stopped at line {line}: {why}"
            )))),
        };
        if outcome.is_err() {
            self.no_text.clear();
        }
        self.flush();
        outcome
    }
}

/// One JSON object per line; blank lines are passed over.
fn json_lines(
    reader: &mut impl BufRead,
    fields: &FieldMap,
    max_record: u64,
    out: &mut Batcher,
) -> Result<(), Stop> {
    let limit = usize::try_from(max_record).unwrap_or(usize::MAX);
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        line_no += 1;
        let too_long = match read_line_bounded(reader, &mut buf, limit) {
            Ok(None) => return Ok(()),
            Ok(Some(too_long)) => too_long,
            Err(e) => return Err(Stop::Failed(line_no, e.to_string())),
        };
        if too_long {
            out.push(
                line_no,
                Err(RecordError::TooLong(max_record)),
                Encoding::Utf8,
            )?;
            continue;
        }
        let (text, encoding) = text_of(&buf);
        if text.trim().is_empty() {
            continue;
        }
        if !out.push(line_no, parse_json_line(&text, fields), encoding)? {
            return Ok(());
        }
    }
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `limit` bytes.
/// `None` at the end of input; `Some(true)` when the line was longer than `limit` (the
/// rest of it is read past, not kept).
fn read_line_bounded(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<bool>> {
    let mut read_any = false;
    let mut too_long = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(read_any.then_some(too_long));
        }
        read_any = true;
        let (piece, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], i + 1),
            None => (available, available.len()),
        };
        if !too_long {
            if buf.len() + piece.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(piece);
            }
        }
        let found_end = done > piece.len();
        reader.consume(done);
        if found_end {
            return Ok(Some(too_long));
        }
    }
}

/// A line's bytes as text: UTF-8, else Windows-1252 (as for text files).
fn text_of(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Encoding) {
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.into(), Encoding::Utf8),
        Err(_) => {
            let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (t, Encoding::Windows1252)
        }
    }
}

/// Counts the bytes read since the last reset, and fails the read once they pass a
/// limit: the csv reader holds a whole row in memory, and a row with an unclosed quote
/// runs to the end of the file.
struct Capped<R> {
    inner: R,
    since_row: Rc<Cell<u64>>,
    limit: u64,
    /// The limit as the user set it, for the message.
    shown: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.since_row.get() > self.limit {
            return Err(std::io::Error::other(format!(
                "a row longer than the --max-file-size limit of {} bytes (an unclosed quote?)",
                self.shown
            )));
        }
        let n = self.inner.read(buf)?;
        self.since_row.set(self.since_row.get() + n as u64);
        Ok(n)
    }
}

/// The field separator: comma, unless the header line has more semicolons or tabs (as
/// spreadsheets in many locales write).
fn sniff_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let count = |c: u8| line.iter().filter(|&&b| b == c).count();
    let (commas, semis, tabs) = (count(b','), count(b';'), count(b'\t'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// One article per row under a header row.
fn csv_rows<R: Read>(
    mut reader: BufReader<R>,
    fields: &FieldMap,
    max_record: u64,
    out: &mut Batcher,
) -> Result<(), Stop> {
    let delimiter = sniff_delimiter(reader.fill_buf().unwrap_or_default());
    let since_row = Rc::new(Cell::new(0u64));
    // The csv reader reads ahead in blocks; allow for one block past the limit.
    let capped = Capped {
        inner: reader,
        since_row: since_row.clone(),
        limit: max_record.saturating_add(1 << 20),
        shown: max_record,
    };
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(capped);
    let mut row = csv::ByteRecord::new();
    let mut header: Option<(Vec<String>, [Option<usize>; 6])> = None;
    loop {
        since_row.set(0);
        let more = match csv.read_byte_record(&mut row) {
            Ok(more) => more,
            Err(e) => {
                // An I/O error carries no position; the reader's is where the row began.
                let line = e.position().unwrap_or(csv.position()).line();
                return Err(Stop::Failed(line, csv_error_message(&e)));
            }
        };
        if !more {
            return Ok(());
        }
        let line = row.position().map_or(0, |p| p.line());
        let cells: Vec<std::borrow::Cow<'_, str>> = row.iter().map(|c| text_of(c).0).collect();
        let encoding = if row.iter().all(|c| std::str::from_utf8(c).is_ok()) {
            Encoding::Utf8
        } else {
            Encoding::Windows1252
        };
        let cells: Vec<&str> = cells.iter().map(|c| c.as_ref()).collect();
        let Some((names, columns)) = &header else {
            let names: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
            let keys: Vec<&str> = names.iter().map(String::as_str).collect();
            if let Some(table) = report_table(&keys) {
                return Err(Stop::Report(format!(
                    "its header row is that of {table} of an earlier run"
                )));
            }
            let columns = fields.columns(&keys);
            if columns[Field::Text as usize].is_none() {
                return Err(Stop::NotRecords(format!(
                    "the header row ({}) has no text column",
                    truncate_list(&keys)
                )));
            }
            header = Some((names, columns));
            continue;
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let outcome = if cells.len() != names.len() {
            Err(RecordError::Columns(cells.len(), names.len()))
        } else if row.as_slice().len() as u64 > max_record {
            Err(RecordError::TooLong(max_record))
        } else {
            let weak = columns[Field::Text as usize].is_some_and(|i| fields.weak_text(&names[i]));
            match csv_record(&cells, columns, fields) {
                Ok(r) if weak && !super::is_article_text(&r.body) => {
                    Err(RecordError::NoText(fields.text_names()))
                }
                outcome => outcome,
            }
        };
        if !out.push(line, outcome, encoding)? {
            return Ok(());
        }
    }
}

/// Which of broadsheet's tables has this header row, if any: this version's, or an
/// earlier version's (the same columns without some added since,
/// [`crate::outputs::ADDED_COLUMNS`]), so last month's reports are not read as articles.
fn report_table(header: &[&str]) -> Option<&'static str> {
    let i = crate::outputs::TABLE_HEADERS
        .iter()
        .position(|h| same_table(h, header))?;
    Some(crate::outputs::TABLE_NAMES[i])
}

/// Whether `header` is `current` with none, some or all of the added columns left out.
fn same_table(current: &[&str], header: &[&str]) -> bool {
    let added = crate::outputs::ADDED_COLUMNS;
    current
        .iter()
        .filter(|c| !added.contains(c) || header.contains(c))
        .eq(header.iter())
}

fn csv_error_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => e.to_string(),
    }
}

fn truncate_list(keys: &[&str]) -> String {
    let mut s = keys.iter().take(8).copied().collect::<Vec<_>>().join(", ");
    if keys.len() > 8 {
        s.push_str(", ...");
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_earlier_versions_report_header_is_a_report() {
        use super::report_table;
        let old_quotes = [
            "article",
            "start",
            "end",
            "quote",
            "speaker",
            "speaker_mention",
            "speaker_type",
            "cue",
            "unclosed",
        ];
        assert_eq!(report_table(&old_quotes), Some("quotes.csv"));
        let now = crate::outputs::QUOTES_HEADER;
        assert_eq!(report_table(now), Some("quotes.csv"));
        // Not any subset: a column that was always there cannot be missing.
        assert_eq!(report_table(&old_quotes[1..]), None);
        assert_eq!(report_table(&["article", "title"]), None);
    }

    use super::*;

    #[test]
    fn bounded_lines_never_keep_more_than_the_limit() {
        let mut r = BufReader::with_capacity(4, &b"short\nmuch too long a line\r\nok"[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), Some(false));
        assert_eq!(buf, b"short");
        buf.clear();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), Some(true));
        assert!(buf.is_empty());
        buf.clear();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), Some(false));
        assert_eq!(buf, b"ok");
        buf.clear();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 8).unwrap(), None);
    }

    #[test]
    fn any_reader_streams_in_batches_of_bounded_size() {
        let mut input = String::new();
        for i in 0..(BATCH_RECORDS + 10) {
            input.push_str(&format!("{{\"text\":\"Line {i}.\"}}\n"));
        }
        input.push_str("not json\n");
        let mut sizes = Vec::new();
        let mut names = Vec::new();
        let mut skips = Vec::new();
        records_from(
            "stdin",
            input.as_bytes(),
            FileKind::JsonLines,
            &FieldMap::default(),
            u64::MAX,
            &mut |batch| {
                sizes.push(batch.len());
                for u in batch {
                    match u {
                        Ok(p) => names.push(p.into_article().0.id),
                        Err(s) => skips.push((s.line(), s.id)),
                    }
                }
                true
            },
        )
        .unwrap();
        assert_eq!(sizes, [BATCH_RECORDS, 11]);
        assert_eq!(names[0], "stdin#1");
        assert_eq!(names.len(), BATCH_RECORDS + 10);
        assert_eq!(
            skips,
            [(Some(BATCH_RECORDS as u64 + 11), "stdin".to_string())]
        );
    }

    #[test]
    fn delimiters_are_sniffed_from_the_header() {
        assert_eq!(sniff_delimiter(b"title,text\na;b;c;d"), b',');
        assert_eq!(sniff_delimiter(b"title;text;date\n"), b';');
        assert_eq!(sniff_delimiter(b"title\ttext\n"), b'\t');
    }

    #[test]
    fn lines_that_are_not_utf8_are_read_as_windows_1252() {
        assert_eq!(text_of(b"caf\xe9\r").0, "café");
        assert_eq!(text_of(b"caf\xe9").1, Encoding::Windows1252);
        assert_eq!(text_of("café".as_bytes()).1, Encoding::Utf8);
    }
}
