//! One article's record, and the one codec that stores it.
//!
//! An [`ArticleRecord`] is everything the per-article tables need from one article once the
//! corpus-level tables are known: its row, its keyword candidates, its entities, mentions
//! and quotes. The types it holds ([`ArticleRow`], [`Quote`], [`EntityType`], ...) are
//! defined where they are made and derive serde; this module encodes them, with postcard
//! (varint integers, length-prefixed strings, fields in declaration order), for both places
//! records are stored: the [`crate::spill`] (temp files, read back by the same process) and
//! the body of a [`crate::partial`] result.
//!
//! The article name comes first in the encoding ([`ArticleRow::article`] is the row's first
//! field), so [`article_of`] reads it without decoding the rest: the spill sorts by it.

use crate::analyze::names::EntityType;
use crate::analyze::quotes::Quote;
use crate::analyze::ArticleRow;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::io;

/// An entity as resolved within one article: canonical name and type.
pub type EntityKey = (String, EntityType);

/// Everything the reports need from one article once the corpus-level tables are known.
///
/// `W` is how a kept word is held: owned by default, or `&str` borrowed from the encoded
/// bytes ([`decode_parts`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord<W = CompactString> {
    pub row: ArticleRow,
    /// Kept words with their counts in this article, in no particular order: the keyword
    /// candidates, scored once document frequencies are known.
    pub terms: Vec<(W, u32)>,
    /// The article's distinct entities as resolved within it; mentions point here, so a
    /// record needs no corpus-wide ids (which differ between fold groupings).
    pub entities: Vec<EntityKey>,
    /// Mentions in text order.
    pub mentions: Vec<MentionRec>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
}

/// One mention kept for `mentions.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRec {
    pub start: usize,
    pub end: usize,
    /// The name as written (the text is gone by report time).
    pub written: String,
    /// Index into [`ArticleRecord::entities`].
    pub entity: u32,
}

fn corrupt(e: postcard::Error) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("corrupt article record: {e}"),
    )
}

/// Appends the encoding of `rec` to `out`.
pub fn encode<W: Serialize>(rec: &ArticleRecord<W>, out: &mut Vec<u8>) {
    // Writing to a `Vec` cannot fail, and every field has a serde representation.
    postcard::serialize_with_flavor(rec, Append(out)).expect("an article record always encodes");
}

/// postcard's output appended to a `Vec` (a third faster than `postcard::to_extend`, which
/// goes through `Extend`).
struct Append<'a>(&'a mut Vec<u8>);

impl postcard::ser_flavors::Flavor for Append<'_> {
    type Output = ();

    #[inline]
    fn try_push(&mut self, byte: u8) -> postcard::Result<()> {
        self.0.push(byte);
        Ok(())
    }

    #[inline]
    fn try_extend(&mut self, bytes: &[u8]) -> postcard::Result<()> {
        self.0.extend_from_slice(bytes);
        Ok(())
    }

    #[inline]
    fn finalize(self) -> postcard::Result<()> {
        Ok(())
    }
}

/// Reads a `T` that fills `bytes` exactly: left-over bytes are as corrupt as missing ones.
fn exactly<'b, T: Deserialize<'b>>(bytes: &'b [u8]) -> io::Result<T> {
    let (value, rest) = postcard::take_from_bytes(bytes).map_err(corrupt)?;
    if !rest.is_empty() {
        return Err(corrupt(postcard::Error::DeserializeBadEncoding));
    }
    Ok(value)
}

/// Reads one record as [`encode`] wrote it.
pub fn decode(bytes: &[u8]) -> io::Result<ArticleRecord> {
    let rec: ArticleRecord = exactly(bytes)?;
    rec.check()?;
    Ok(rec)
}

/// [`decode`], with the kept words left borrowed from `bytes` (and
/// `ArticleRecord::terms` empty): the report pass scores them and lets them go, and they
/// are most of a record's strings.
pub fn decode_parts(bytes: &[u8]) -> io::Result<(ArticleRecord, Vec<(&str, u32)>)> {
    let rec: ArticleRecord<&str> = exactly(bytes)?;
    rec.check()?;
    let ArticleRecord {
        row,
        terms,
        entities,
        mentions,
        quotes,
    } = rec;
    let rec = ArticleRecord {
        row,
        terms: Vec::new(),
        entities,
        mentions,
        quotes,
    };
    Ok((rec, terms))
}

/// The article name of an encoded record, as bytes (empty if it cannot be read).
pub fn article_of(bytes: &[u8]) -> &[u8] {
    match postcard::take_from_bytes::<&[u8]>(bytes) {
        Ok((name, _)) => name,
        Err(_) => &[],
    }
}

impl<W> ArticleRecord<W> {
    /// What the types cannot say: mentions point into `entities`, spans run forwards.
    pub(crate) fn check(&self) -> io::Result<()> {
        let bad = |what: &str| {
            Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("corrupt article record: {what}"),
            ))
        };
        for m in &self.mentions {
            if m.entity as usize >= self.entities.len() {
                return bad("mention of an entity out of range");
            }
            if m.start > m.end {
                return bad("mention runs backwards");
            }
        }
        for q in &self.quotes {
            if q.span.start > q.span.end || q.inner.start > q.inner.end {
                return bad("quote runs backwards");
            }
        }
        Ok(())
    }
}

impl ArticleRecord {
    /// The record in its one canonical order, so that an article stores as the same bytes
    /// however it was analysed: kept words sorted by word, quotes by position (both stable
    /// for the reports, which order rows themselves).
    pub fn canonical(mut self) -> ArticleRecord {
        self.terms.sort_unstable();
        self.quotes
            .sort_by_key(|q| (q.span.start, q.span.end, q.inner.start, q.inner.end));
        self
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analyze::quotes::QuoteKind;
    use crate::article::Encoding;
    use crate::text::Span;

    pub(crate) fn record(article: &str) -> ArticleRecord {
        ArticleRecord {
            row: ArticleRow {
                outlet: "Ledger".into(),
                date: chrono::NaiveDate::from_ymd_opt(-44, 3, 15),
                url: "https://example.org/a".into(),
                date_unparsed: true,
                article: article.to_string(),
                title: "Tïtle, \"quoted\"".to_string(),
                encoding: Encoding::Windows1252,
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

    fn encoded(r: &ArticleRecord) -> Vec<u8> {
        let mut buf = Vec::new();
        encode(r, &mut buf);
        buf
    }

    #[test]
    fn a_record_survives_encoding() {
        let mut r = record("a/b.txt");
        let mut buf = encoded(&r);
        assert_eq!(decode(&buf).unwrap(), r);
        // Truncated or extended bytes are an error, not a wrong record.
        assert!(decode(&buf[..buf.len() - 1]).is_err());
        buf.push(0);
        assert!(decode(&buf).is_err());
        // A modern date and no date round trip too.
        for date in [chrono::NaiveDate::from_ymd_opt(2019, 3, 4), None] {
            r.row.date = date;
            assert_eq!(decode(&encoded(&r)).unwrap().row.date, date);
        }
    }

    #[test]
    fn the_words_can_stay_borrowed_and_the_name_comes_first() {
        let r = record("a/b.txt");
        let buf = encoded(&r);
        let (rest, terms) = decode_parts(&buf).unwrap();
        assert_eq!(terms, [("iran", 2), ("ñandú", 300)]);
        assert!(rest.terms.is_empty());
        assert_eq!(
            ArticleRecord {
                terms: r.terms.clone(),
                ..rest
            },
            r
        );
        // The spill sorts by this.
        assert_eq!(article_of(&buf), b"a/b.txt");
        assert_eq!(article_of(&[]), b"");
    }

    #[test]
    fn the_canonical_order_sorts_words_and_quotes() {
        let mut r = record("a");
        r.terms.reverse();
        let mut later = r.quotes[0].clone();
        later.span = Span::new(60, 70);
        r.quotes.insert(0, later);
        let c = r.clone().canonical();
        assert_eq!(c.terms, record("a").terms);
        assert_eq!(c.quotes, [r.quotes[1].clone(), r.quotes[0].clone()]);
    }

    #[test]
    fn inconsistent_records_are_refused() {
        let mut r = record("a");
        r.mentions[0].entity = 1;
        assert!(decode(&encoded(&r)).is_err());
        let mut r = record("a");
        r.quotes[0].inner = Span { start: 5, end: 4 };
        assert!(decode_parts(&encoded(&r)).is_err());
    }
}
