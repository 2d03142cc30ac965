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
use crate::formats::{self, FieldMap, Meta, RecordError};
use crate::ingest::{Skip, SkipReason};

/// What bad lines are reported under in `skipped.csv` (with their line number) when they
/// have no id of their own.
pub const STDIN_NAME: &str = "<stdin>";

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
}
