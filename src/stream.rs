//! `--stdin-jsonl`: articles as JSON lines, for engines (Spark, Beam, shell pipes) that feed
//! records to a native program's standard input.
//!
//! One JSON object per line, read by the same rules as a `.jsonl` file
//! ([`formats::parse_json_line`]: field names found by convention or set with `--field`;
//! outlet, date and url kept), with two differences that make shards merge exactly:
//!
//! - every record needs an id (the `id` field, a string or an integer), and the id alone is
//!   the `article` column: the same article gets the same name whichever shard, partition
//!   or line it arrives on (a `.jsonl` file names its records `file#id` or `file#line`);
//! - an optional `encoding` (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`)
//!   names the encoding the text was decoded from, for the `encoding` column, so a folder
//!   converted to JSON lines reports as the folder does; it defaults to `utf-8`.
//!
//! With a title, the article is `title + "\n\n" + text`, the layout of an article file;
//! without one, `text` is read exactly like a file's contents (first line the headline).

use crate::article::{Article, Encoding};
use crate::ingest::formats::{self, FieldMap, Meta, RecordError};
use crate::ingest::{Skip, SkipReason};
use rustc_hash::FxHashMap;
use std::io::BufRead;

/// What bad lines are reported under in `skipped.csv` (with their line number) when they
/// have no id of their own.
pub const STDIN_NAME: &str = "<stdin>";

/// Lines read and analysed at a time: enough to keep every core busy, few enough that
/// memory holds one batch of text, not the whole stream.
pub const BATCH: usize = 2048;

/// The stream's non-blank lines, [`BATCH`] at a time, each with its line number (1-based,
/// blank lines counted, as an editor shows them) for `skipped.csv`.
pub struct Lines<R> {
    input: R,
    line_no: u64,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R) -> Lines<R> {
        Lines {
            input,
            line_no: 0,
            buf: Vec::new(),
        }
    }

    /// The next batch of lines, as bytes (checked for UTF-8 in [`parse_line`], on the
    /// threads that parse them); empty at the end of the stream.
    pub fn next_batch(&mut self) -> std::io::Result<Vec<(u64, Vec<u8>)>> {
        let mut batch = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            self.buf.clear();
            if self.input.read_until(b'\n', &mut self.buf)? == 0 {
                break;
            }
            self.line_no += 1;
            if !self.buf.iter().all(u8::is_ascii_whitespace) {
                batch.push((self.line_no, std::mem::take(&mut self.buf)));
            }
        }
        Ok(batch)
    }
}

/// Parses line `line_no` as read from the stream: [`parse_record`], once it is known to be
/// UTF-8.
pub fn parse_line(line: &[u8], line_no: u64, fields: &FieldMap) -> Result<Record, Skip> {
    match std::str::from_utf8(line) {
        Ok(text) => parse_record(text, line_no, fields),
        Err(e) => Err(Skip {
            id: STDIN_NAME.to_string(),
            reason: SkipReason::BadRecord {
                line: line_no,
                error: RecordError::NotUtf8(e.to_string()),
            },
        }),
    }
}

/// The ids seen so far, with the line each was first seen on. Ids must be unique: a
/// repeated id is skipped (the first record kept), since two articles under one name
/// would be indistinguishable in every table.
#[derive(Debug, Default)]
pub struct SeenIds(FxHashMap<String, u64>);

impl SeenIds {
    /// The record, if its id is new; else its skip, naming the line that had it first.
    pub fn first(&mut self, record: Record, line: u64) -> Result<Record, Skip> {
        match self.0.get(&record.id) {
            Some(&first) => Err(Skip {
                reason: SkipReason::BadRecord {
                    line,
                    error: RecordError::DuplicateId(record.id.clone(), first),
                },
                id: record.id,
            }),
            None => {
                self.0.insert(record.id.clone(), line);
                Ok(record)
            }
        }
    }
}

/// One article as read from a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub record: formats::Record,
    pub encoding: Encoding,
}

/// Parses line `line_no` (1-based) of the stream.
pub fn parse_record(line: &str, line_no: u64, fields: &FieldMap) -> Result<Record, Skip> {
    let bad = |id: Option<String>, error: RecordError| Skip {
        id: id.unwrap_or_else(|| STDIN_NAME.to_string()),
        reason: SkipReason::BadRecord {
            line: line_no,
            error,
        },
    };
    let record = match formats::parse_json_line(line, fields) {
        Ok(r) => r,
        // A record with an id but no text is an empty article, reported as an empty file
        // is, so a folder sent as JSON lines gives the folder's skipped.csv.
        Err(RecordError::NoText(_)) if formats::json_line_id(line, fields).is_some() => {
            return Err(Skip {
                id: formats::json_line_id(line, fields).unwrap_or_default(),
                reason: SkipReason::Empty,
            });
        }
        Err(e) => return Err(bad(None, e)),
    };
    let Some(id) = record.id.clone() else {
        return Err(bad(None, RecordError::NoId));
    };
    let encoding = match record.encoding.as_deref() {
        None => Encoding::Utf8,
        Some(name) => Encoding::from_name(name)
            .ok_or_else(|| bad(Some(id.clone()), RecordError::UnknownEncoding(name.into())))?,
    };
    Ok(Record {
        id,
        record,
        encoding,
    })
}

/// The article of a record, with the checks a file gets (size limit, NUL bytes, no text).
pub fn article(r: Record, max_bytes: u64) -> Result<(Article, Meta), Skip> {
    let skip = |reason| Skip {
        id: r.id.clone(),
        reason,
    };
    let size = (r.record.title.len() + r.record.body.len()) as u64;
    if size > max_bytes {
        return Err(skip(SkipReason::TooLarge(size, max_bytes)));
    }
    if r.record.body.contains('\0') || r.record.title.contains('\0') {
        return Err(skip(SkipReason::Binary));
    }
    Ok(r.record.into_article(r.id, r.encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str, n: u64) -> Result<Record, Skip> {
        parse_record(line, n, &FieldMap::default())
    }

    #[test]
    fn title_and_text_make_an_article_file() {
        let r = parse(
            r#"{"id":"w/1","title":"Talks\nend","text":"Body.","lang":"en"}"#,
            1,
        )
        .unwrap();
        assert_eq!(r.id, "w/1");
        let (a, meta) = article(r, 100).unwrap();
        assert_eq!(a.text, "Talks end\n\nBody.");
        assert_eq!(a.id, "w/1");
        assert_eq!(a.title(), "Talks end");
        assert_eq!(meta.title.as_deref(), Some("Talks end"));
    }

    #[test]
    fn numeric_ids_missing_titles_and_metadata() {
        let line = r#"{"id":42,"text":"Head\n\nBody.","source":"Wire","date":"2019-03-04"}"#;
        let r = parse(line, 1).unwrap();
        assert_eq!(r.encoding, Encoding::Utf8);
        let (a, meta) = article(r, 100).unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str()), ("42", "Head\n\nBody."));
        assert_eq!(meta.outlet, "Wire");
        assert_eq!(
            meta.date.map(|d| d.to_string()).as_deref(),
            Some("2019-03-04")
        );
    }

    #[test]
    fn the_encoding_a_text_was_decoded_from_is_kept() {
        let r = parse(r#"{"id":"a","text":"x","encoding":"windows-1252"}"#, 1).unwrap();
        assert_eq!(r.encoding, Encoding::Windows1252);
        let e = parse(r#"{"id":"a","text":"x","encoding":"latin-9"}"#, 4).unwrap_err();
        assert_eq!(e.id, "a");
        assert_eq!(e.line(), Some(4));
        assert_eq!(
            e.reason.to_string(),
            "bad record: unknown encoding \"latin-9\""
        );
    }

    #[test]
    fn bad_lines_are_skips_named_by_id_or_stdin_with_their_line() {
        let e = parse("{not json", 7).unwrap_err();
        assert_eq!((e.id.as_str(), e.line()), (STDIN_NAME, Some(7)));
        assert!(e
            .reason
            .to_string()
            .starts_with("bad record: not valid JSON"));
        let e = parse(r#"{"text":"t"}"#, 3).unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(e.reason.to_string().contains("no id"));
        let e = parse(r#"{"title":"t"}"#, 2).unwrap_err();
        assert_eq!((e.id.as_str(), e.line()), (STDIN_NAME, Some(2)));
        assert!(e.reason.to_string().starts_with("bad record: no text"));
    }

    #[test]
    fn records_get_the_checks_files_get() {
        let rec = |t: &str| parse(&serde_json::json!({"id": "i", "text": t}).to_string(), 1);
        assert_eq!(
            article(rec("a\0b").unwrap(), 100).unwrap_err().reason,
            SkipReason::Binary
        );
        assert_eq!(
            article(rec("abcdef").unwrap(), 3).unwrap_err().reason,
            SkipReason::TooLarge(6, 3)
        );
        // Blank text: an empty article under its id, as an empty file is.
        let e = rec(" \n").unwrap_err();
        assert_eq!((e.id.as_str(), &e.reason), ("i", &SkipReason::Empty));
    }

    #[test]
    fn lines_come_in_batches_numbered_as_an_editor_numbers_them() {
        let mut text = String::from("a\n\n  \nb\r\nc");
        for i in 0..BATCH {
            text.push_str(&format!("\n{i}"));
        }
        let mut lines = Lines::new(text.as_bytes());
        let first = lines.next_batch().unwrap();
        assert_eq!(first.len(), BATCH);
        assert_eq!(first[0], (1, b"a\n".to_vec()));
        assert_eq!(
            first[1],
            (4, b"b\r\n".to_vec()),
            "blank lines counted, not kept"
        );
        assert_eq!(first[2], (5, b"c\n".to_vec()));
        let rest = lines.next_batch().unwrap();
        // Three lines of numbers did not fit beside a, b and c; the last has no newline.
        assert_eq!(rest.len(), 3);
        assert_eq!(
            rest[2],
            (BATCH as u64 + 5, (BATCH - 1).to_string().into_bytes())
        );
        assert!(lines.next_batch().unwrap().is_empty());
    }

    #[test]
    fn a_line_that_is_not_utf8_is_a_skip_with_its_line() {
        let fields = FieldMap::default();
        let e = parse_line(b"{\"id\":\"a\",\"text\":\"\xff\"}", 9, &fields).unwrap_err();
        assert_eq!((e.id.as_str(), e.line()), (STDIN_NAME, Some(9)));
        assert!(matches!(
            e.reason,
            SkipReason::BadRecord {
                error: RecordError::NotUtf8(_),
                ..
            }
        ));
        assert_eq!(
            parse_line(br#"{"id":"a","text":"x"}"#, 1, &fields)
                .unwrap()
                .id,
            "a"
        );
    }

    #[test]
    fn a_repeated_id_is_skipped_and_names_the_line_of_the_first() {
        let mut seen = SeenIds::default();
        let rec = |id: &str| parse(&serde_json::json!({"id": id, "text": "t"}).to_string(), 1);
        assert!(seen.first(rec("a").unwrap(), 1).is_ok());
        assert!(seen.first(rec("b").unwrap(), 2).is_ok());
        let e = seen.first(rec("a").unwrap(), 5).unwrap_err();
        assert_eq!((e.id.as_str(), e.line()), ("a", Some(5)));
        assert_eq!(
            e.reason,
            SkipReason::BadRecord {
                line: 5,
                error: RecordError::DuplicateId("a".into(), 1)
            }
        );
        // Still the first line, however often the id comes back.
        let e = seen.first(rec("a").unwrap(), 8).unwrap_err();
        assert!(matches!(
            e.reason,
            SkipReason::BadRecord {
                error: RecordError::DuplicateId(_, 1),
                ..
            }
        ));
    }
}
