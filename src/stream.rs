//! `--stdin-jsonl`: articles as JSON lines, for engines (Spark, Beam, shell pipes) that feed
//! records to a native program's standard input.
//!
//! One JSON object per line: `id` (string or integer; the `article` column), `text` (the
//! article), and optionally `title` (the headline). Other fields are ignored. With a title,
//! the article is `title + "\n\n" + text`, the layout of an article file, so offsets in the
//! tables index that text; without one, `text` is read exactly like a file's contents
//! (first line the headline). An optional `encoding` (`utf-8`, `utf-8-bom`, `utf-16le`,
//! `utf-16be`, `windows-1252`) names the encoding the text was decoded from, for the
//! `encoding` column, so a folder converted to JSON lines reports as the folder does; it
//! defaults to `utf-8`, the encoding of JSON.

use crate::article::{Article, Encoding};
use crate::ingest::{Skip, SkipReason};
use serde::Deserialize;

/// One article as read from a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub text: String,
    pub encoding: Encoding,
}

#[derive(Deserialize)]
struct Raw {
    id: Option<serde_json::Value>,
    title: Option<String>,
    text: Option<String>,
    encoding: Option<String>,
}

/// A line to a record. The error is the skip to report: under the record's id when it has
/// one, else under `line N`.
pub fn parse_record(line: &str, line_no: usize) -> Result<Record, Skip> {
    let bad = |id: Option<String>, why: String| Skip {
        id: id.unwrap_or_else(|| format!("line {line_no}")),
        reason: SkipReason::BadRecord(format!("line {line_no}: {why}")),
    };
    let raw: Raw = serde_json::from_str(line).map_err(|e| bad(None, e.to_string()))?;
    let id = match raw.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => {
            return Err(bad(
                None,
                "no \"id\" (a non-empty string or a number)".into(),
            ))
        }
    };
    let Some(body) = raw.text else {
        return Err(bad(Some(id), "no \"text\" string".into()));
    };
    let encoding = match raw.encoding.as_deref() {
        None => Encoding::Utf8,
        Some(name) => Encoding::from_name(name)
            .ok_or_else(|| bad(Some(id.clone()), format!("unknown \"encoding\" {name:?}")))?,
    };
    // A headline is one line: line breaks inside it would make the rest a caption.
    let title = raw
        .title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let text = if title.is_empty() {
        body
    } else {
        format!("{title}\n\n{body}")
    };
    Ok(Record { id, text, encoding })
}

/// A record to an article, with the checks a file gets ([`crate::ingest::decode`]): no NUL
/// characters, some visible text, at most `max_bytes`.
pub fn article(r: Record, max_bytes: u64) -> Result<Article, Skip> {
    let skip = |reason| Skip {
        id: r.id.clone(),
        reason,
    };
    if r.text.len() as u64 > max_bytes {
        return Err(skip(SkipReason::TooLarge(r.text.len() as u64, max_bytes)));
    }
    if r.text.contains('\0') {
        return Err(skip(SkipReason::Binary));
    }
    if r.text.trim().is_empty() {
        return Err(skip(SkipReason::Empty));
    }
    Ok(Article::new(r.id, r.text, r.encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_text_make_an_article_file() {
        let r = parse_record(
            r#"{"id":"w/1","title":"Talks\nend","text":"Body.","lang":"en"}"#,
            1,
        )
        .unwrap();
        assert_eq!(r.id, "w/1");
        assert_eq!(r.text, "Talks end\n\nBody.");
        let a = article(r, 100).unwrap();
        assert_eq!(a.title(), "Talks end");
    }

    #[test]
    fn numeric_ids_and_missing_titles() {
        let r = parse_record(r#"{"id":42,"text":"Head\n\nBody."}"#, 1).unwrap();
        assert_eq!((r.id.as_str(), r.text.as_str()), ("42", "Head\n\nBody."));
        assert_eq!(r.encoding, Encoding::Utf8);
    }

    #[test]
    fn the_encoding_a_text_was_decoded_from_is_kept() {
        let r = parse_record(r#"{"id":"a","text":"x","encoding":"windows-1252"}"#, 1).unwrap();
        assert_eq!(r.encoding, Encoding::Windows1252);
        let e = parse_record(r#"{"id":"a","text":"x","encoding":"latin-9"}"#, 4).unwrap_err();
        assert_eq!(
            e.reason.to_string(),
            "not an article record: line 4: unknown \"encoding\" \"latin-9\""
        );
    }

    #[test]
    fn bad_lines_are_skips_named_by_id_or_line() {
        let e = parse_record("{not json", 7).unwrap_err();
        assert_eq!(e.id, "line 7");
        assert!(e
            .reason
            .to_string()
            .starts_with("not an article record: line 7: "));
        let e = parse_record(r#"{"id":"x"}"#, 3).unwrap_err();
        assert_eq!(e.id, "x");
        assert_eq!(
            e.reason.to_string(),
            "not an article record: line 3: no \"text\" string"
        );
        let e = parse_record(r#"{"text":"t"}"#, 2).unwrap_err();
        assert_eq!(e.id, "line 2");
    }

    #[test]
    fn records_get_the_checks_files_get() {
        let rec = |t: &str| Record {
            id: "i".into(),
            text: t.into(),
            encoding: Encoding::Utf8,
        };
        assert_eq!(
            article(rec(" \n"), 100).unwrap_err().reason,
            SkipReason::Empty
        );
        assert_eq!(
            article(rec("a\0b"), 100).unwrap_err().reason,
            SkipReason::Binary
        );
        assert_eq!(
            article(rec("abcdef"), 3).unwrap_err().reason,
            SkipReason::TooLarge(6, 3)
        );
    }
}
