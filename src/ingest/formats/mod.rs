//! Articles that arrive as records (JSON Lines, CSV) or with metadata (front matter), and
//! the metadata itself: title, date, outlet, URL, id.
//!
//! Everything here is pure: one JSON line, one CSV row or one text in, one [`Record`] or a
//! [`RecordError`] out, so the folder reader ([`read`]) and a stdin reader can share it.
//! Field names are found by convention ([`Field::conventions`]) unless the user names them
//! (`--field text=body`), because every scraper and archive spells them differently.

pub mod dates;
pub mod front_matter;
pub mod read;
pub mod webpage;

use crate::article::{Article, Encoding};
use chrono::NaiveDate;
use std::cell::OnceCell;
use std::fmt;

/// Metadata an article may carry, kept in its `articles.csv` row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// A title given apart from the text (front matter); records put theirs in the text.
    pub title: Option<String>,
    pub outlet: String,
    pub url: String,
    pub date: Option<NaiveDate>,
    /// A date was given but could not be read; `date` is empty and the run counts it.
    pub date_unparsed: bool,
}

impl Meta {
    /// Sets the date from a written value; an unreadable one is flagged, not guessed.
    pub fn set_date(&mut self, raw: &str) {
        if raw.trim().is_empty() {
            return;
        }
        self.date = dates::parse(raw);
        self.date_unparsed = self.date.is_none();
    }
}

/// The metadata fields broadsheet knows, and the `NAME` of `--field NAME=KEY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id,
    Title,
    Text,
    Date,
    Outlet,
    Url,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Id,
        Field::Title,
        Field::Text,
        Field::Date,
        Field::Outlet,
        Field::Url,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Text => "text",
            Field::Date => "date",
            Field::Outlet => "outlet",
            Field::Url => "url",
        }
    }

    /// Key names that hold this field in common exports (news APIs, Media Cloud, Kaggle
    /// news sets, GDELT crawls, CMS dumps), in order of preference, compared after
    /// [`normalise`] (so `publishedAt`, `published_at` and `Published-At` are one name).
    pub fn conventions(self) -> &'static [&'static str] {
        match self {
            Field::Id => &[
                "id",
                "articleid",
                "storiesid",
                "storyid",
                "docid",
                "documentid",
                "guid",
                "uuid",
                "uid",
            ],
            Field::Title => &["title", "headline", "heading", "hed", "articletitle"],
            Field::Text => &[
                "text",
                "body",
                "content",
                "fulltext",
                "articletext",
                "articlebody",
                "maintext",
                "bodytext",
                "article",
                "story",
                "contents",
            ],
            Field::Date => &[
                "date",
                "published",
                "publishdate",
                "publisheddate",
                "publishedat",
                "publicationdate",
                "datepublished",
                "pubdate",
                "publishedtime",
                "datetime",
                "time",
                "timestamp",
                "createdat",
                "created",
                "seendate",
            ],
            Field::Outlet => &[
                "outlet",
                "source",
                "publisher",
                "publication",
                "sourcename",
                "medianame",
                "media",
                "newspaper",
                "site",
                "sitename",
                "domain",
            ],
            Field::Url => &[
                "url",
                "link",
                "href",
                "permalink",
                "sourceurl",
                "canonicalurl",
            ],
        }
    }

    fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Lower case, letters and digits only: the form field names are compared in.
pub fn normalise(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which key holds each field: conventions, or the user's `--field` choices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    explicit: [Option<String>; 6],
}

impl FieldMap {
    /// Reads one `--field NAME=KEY` choice (`text=body`, `outlet=source.name`).
    pub fn set_from_arg(&mut self, arg: &str) -> Result<(), String> {
        let (name, key) = arg
            .split_once('=')
            .ok_or_else(|| format!("--field {arg}: expected NAME=KEY, as in text=body"))?;
        let field = Field::parse(name.trim()).ok_or_else(|| {
            format!(
                "--field {arg}: unknown field {:?}; known fields: {}",
                name.trim(),
                Field::ALL.map(Field::name).join(", ")
            )
        })?;
        if key.trim().is_empty() {
            return Err(format!("--field {arg}: the key name is empty"));
        }
        self.explicit[field as usize] = Some(key.trim().to_string());
        Ok(())
    }

    /// The key the user named for a field, if any.
    pub fn explicit(&self, f: Field) -> Option<&str> {
        self.explicit[f as usize].as_deref()
    }

    /// The index of the column (or key) among `keys` that holds `f`: the user's choice
    /// (exact, else ignoring case), else the first convention present.
    pub fn column(&self, f: Field, keys: &[&str]) -> Option<usize> {
        self.column_of(f, keys, &OnceCell::new())
    }

    /// [`FieldMap::column`] of every field, indexed by `Field as usize`. The keys are
    /// normalised once, not once per field: a JSON Lines file or a front-matter block
    /// brings its keys afresh with every record.
    pub fn columns(&self, keys: &[&str]) -> [Option<usize>; 6] {
        let norm = OnceCell::new();
        Field::ALL.map(|f| self.column_of(f, keys, &norm))
    }

    /// `norm` holds the keys normalised, computed on first need.
    fn column_of(&self, f: Field, keys: &[&str], norm: &OnceCell<Vec<String>>) -> Option<usize> {
        if let Some(want) = self.explicit(f) {
            return keys
                .iter()
                .position(|k| *k == want)
                .or_else(|| keys.iter().position(|k| k.eq_ignore_ascii_case(want)));
        }
        let norm = norm.get_or_init(|| keys.iter().map(|k| normalise(k)).collect());
        f.conventions()
            .iter()
            .find_map(|c| norm.iter().position(|n| n == c))
    }

    /// True when the text field was found under `key` only by the weak convention
    /// `article`: many tables (broadsheet's own among them) name an article by a path or
    /// an id in a column called `article`, so that column is read as text only where it
    /// holds text ([`is_article_text`]). A key the user named is always text.
    pub fn weak_text(&self, key: &str) -> bool {
        self.explicit(Field::Text).is_none() && normalise(key) == "article"
    }

    /// What the text field may be called, for messages.
    pub fn text_names(&self) -> String {
        match self.explicit(Field::Text) {
            Some(k) => format!("{k:?} (from --field text={k})"),
            None => format!(
                "{} (or name it with --field text=KEY)",
                Field::Text.conventions().join(", ")
            ),
        }
    }
}

/// Words a value in a column found only as `article` must have to be read as an
/// article's text rather than its name ([`FieldMap::weak_text`]).
pub const MIN_ARTICLE_WORDS: usize = 5;

/// True when `text` is long enough to be an article's text: at least
/// [`MIN_ARTICLE_WORDS`] words. A file name, a path or an id is one "word".
pub fn is_article_text(text: &str) -> bool {
    text.split_whitespace().nth(MIN_ARTICLE_WORDS - 1).is_some()
}

/// One article read from a record: its own id if it has one, title, body and metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: Option<String>,
    pub title: String,
    pub body: String,
    pub meta: Meta,
    /// The `encoding` key: the encoding the text was decoded from before it was written as
    /// JSON (the Spark job sends files this way), so the article's row names it as a run
    /// on the file would. Only `--stdin-jsonl` reads it.
    pub encoding: Option<String>,
}

/// Why a line or row is not an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("not a JSON object")]
    NotAnObject,
    #[error("no text: none of the fields {0} holds any")]
    NoText(String),
    #[error("{0} fields where the header has {1}")]
    Columns(usize, usize),
    #[error("longer than the --max-file-size limit of {0} bytes")]
    TooLong(u64),
    #[error("duplicate id {0:?}, first seen on line {1}")]
    DuplicateId(String, u64),
    #[error("no id: --stdin-jsonl records need an \"id\" (a string or a number)")]
    NoId,
    #[error("unknown encoding {0:?}")]
    UnknownEncoding(String),
    #[error("not UTF-8: {0}")]
    NotUtf8(String),
    /// The message of a skip read back from a partial result.
    #[error("{0}")]
    Stored(String),
}

/// Turns one JSON Lines record into a [`Record`]. Values may be strings, numbers (ids,
/// Unix timestamps) or an object with a `name` (NewsAPI's `"source": {"name": ...}`);
/// a user's key may be a dotted path (`source.name`).
pub fn parse_json_line(line: &str, fields: &FieldMap) -> Result<Record, RecordError> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| RecordError::Json(e.to_string()))?;
    let obj = value.as_object().ok_or(RecordError::NotAnObject)?;
    let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    let columns = fields.columns(&keys);
    let get = |f: Field| -> Option<&serde_json::Value> {
        if let Some(path) = fields.explicit(f) {
            if let Some(v) = dotted(obj, path) {
                return Some(v);
            }
        }
        let i = columns[f as usize]?;
        obj.get(keys[i])
    };
    let text = |f: Field| get(f).and_then(json_text).unwrap_or_default();
    let body = text(Field::Text);
    let weak = columns[Field::Text as usize].is_some_and(|i| fields.weak_text(keys[i]));
    if body.trim().is_empty() || (weak && !is_article_text(&body)) {
        return Err(RecordError::NoText(fields.text_names()));
    }
    let mut meta = Meta {
        outlet: one_line(&text(Field::Outlet)),
        url: text(Field::Url).trim().to_string(),
        ..Meta::default()
    };
    match get(Field::Date) {
        Some(serde_json::Value::Number(n)) => {
            meta.date = n.as_f64().and_then(dates::from_timestamp);
            meta.date_unparsed = meta.date.is_none();
        }
        Some(v) => meta.set_date(&json_text(v).unwrap_or_default()),
        None => {}
    }
    let id = Some(one_line(&text(Field::Id))).filter(|s| !s.is_empty());
    let encoding = obj
        .get("encoding")
        .and_then(|v| v.as_str())
        .map(str::to_string);
    Ok(Record {
        id,
        title: one_line(&text(Field::Title)),
        body,
        meta,
        encoding,
    })
}

/// The id of a JSON line that is no article (no text), so the skip can name the record
/// as its article would have been named; `None` when the line has no id either.
pub fn json_line_id(line: &str, fields: &FieldMap) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    let obj = value.as_object()?;
    let v = match fields
        .explicit(Field::Id)
        .and_then(|path| dotted(obj, path))
    {
        Some(v) => v,
        None => {
            let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
            obj.get(keys[fields.column(Field::Id, &keys)?])?
        }
    };
    Some(one_line(&json_text(v)?)).filter(|s| !s.is_empty())
}

/// Turns one CSV row into a [`Record`], given the header's column for each field
/// ([`FieldMap::column`] on the header, found once per file).
pub fn csv_record(
    row: &[&str],
    columns: &[Option<usize>; 6],
    fields: &FieldMap,
) -> Result<Record, RecordError> {
    let cell = |f: Field| -> &str {
        columns[f as usize]
            .and_then(|i| row.get(i))
            .map_or("", |s| s)
    };
    let body = cell(Field::Text);
    if body.trim().is_empty() {
        return Err(RecordError::NoText(fields.text_names()));
    }
    let mut meta = Meta {
        outlet: one_line(cell(Field::Outlet)),
        url: cell(Field::Url).trim().to_string(),
        ..Meta::default()
    };
    meta.set_date(cell(Field::Date));
    let id = Some(one_line(cell(Field::Id))).filter(|s| !s.is_empty());
    Ok(Record {
        id,
        title: one_line(cell(Field::Title)),
        body: body.to_string(),
        meta,
        encoding: None,
    })
}

impl Record {
    /// The article a record is read as: exactly the `.txt` file whose first line is the
    /// title, then a blank line, then the body (or the body alone when there is no
    /// title), so records and files are analysed alike and offsets index that text.
    pub fn into_article(self, id: String, encoding: Encoding) -> (Article, Meta) {
        let Record {
            title,
            body,
            mut meta,
            ..
        } = self;
        let text = if title.is_empty() {
            body
        } else {
            let mut t = String::with_capacity(title.len() + 2 + body.len());
            t.push_str(&title);
            t.push_str("\n\n");
            t.push_str(&body);
            meta.title = Some(title);
            t
        };
        (Article::new(id, text, encoding), meta)
    }
}

/// The `article` name of a record: `file#id` with its own id, else `file#line`.
pub fn record_name(file: &str, id: Option<&str>, line: u64) -> String {
    match id {
        Some(id) => format!("{file}#{id}"),
        None => format!("{file}#{line}"),
    }
}

fn dotted<'v>(
    obj: &'v serde_json::Map<String, serde_json::Value>,
    path: &str,
) -> Option<&'v serde_json::Value> {
    let mut parts = path.split('.');
    let mut v = obj.get(parts.next()?)?;
    for p in parts {
        v = v.as_object()?.get(p)?;
    }
    Some(v)
}

/// A JSON value as text: strings as they are, numbers written out, an object by its
/// `name` (or `title`, `id`), a list of strings joined with "; ".
fn json_text(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["name", "title", "id"]
            .iter()
            .find_map(|k| o.get(*k).and_then(json_text)),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(json_text).collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        Value::Null | Value::Bool(_) => None,
    }
}

/// Line breaks and runs of white space become one space: titles, outlets and ids are
/// single cells and single lines.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The kinds of input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// One article per file (`.txt`, `.md`, and any file named on the command line).
    Text,
    /// One article per line (`.jsonl`, `.ndjson`).
    JsonLines,
    /// One article per row under a header (`.csv`).
    Csv,
}

impl FileKind {
    pub fn of(path: &std::path::Path) -> FileKind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("jsonl" | "ndjson") => FileKind::JsonLines,
            Some("csv") => FileKind::Csv,
            _ => FileKind::Text,
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Text => "text",
            FileKind::JsonLines => "JSON Lines",
            FileKind::Csv => "CSV",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn conventional_names_are_found_in_any_spelling() {
        let line = r#"{"headline":"Port reopens","content":"Ships moved.","publishedAt":"2019-03-04T10:00:00Z","source":{"id":null,"name":"Harbour Times"},"link":"https://example.org/a","stories_id":412}"#;
        let r = parse_json_line(line, &FieldMap::default()).unwrap();
        assert_eq!(r.title, "Port reopens");
        assert_eq!(r.body, "Ships moved.");
        assert_eq!(r.meta.date, ymd(2019, 3, 4));
        assert_eq!(r.meta.outlet, "Harbour Times");
        assert_eq!(r.meta.url, "https://example.org/a");
        assert_eq!(r.id.as_deref(), Some("412"));
    }

    #[test]
    fn a_column_named_article_is_text_only_when_it_holds_text() {
        let m = FieldMap::default();
        // A file name in an `article` column (as in broadsheet's own tables) is no text.
        assert!(matches!(
            parse_json_line(r#"{"article":"2026-03-02-energy-prices.txt","rank":1}"#, &m),
            Err(RecordError::NoText(_))
        ));
        let r = parse_json_line(r#"{"article":"Ships moved again on Monday morning."}"#, &m);
        assert_eq!(r.unwrap().body, "Ships moved again on Monday morning.");
        // Named by the user, any value is text.
        let mut named = FieldMap::default();
        named.set_from_arg("text=article").unwrap();
        assert!(parse_json_line(r#"{"article":"a.txt"}"#, &named).is_ok());
        assert!(is_article_text("one two three four five"));
        assert!(!is_article_text("one two three four"));
    }

    #[test]
    fn a_preferred_name_wins_over_a_later_one() {
        // "text" is preferred to "article".
        let r = parse_json_line(
            r#"{"article":"second","text":"first"}"#,
            &FieldMap::default(),
        )
        .unwrap();
        assert_eq!(r.body, "first");
    }

    #[test]
    fn user_fields_override_conventions_and_may_be_paths() {
        let mut m = FieldMap::default();
        m.set_from_arg("text=summary").unwrap();
        m.set_from_arg("outlet=meta.paper").unwrap();
        m.set_from_arg("date=when").unwrap();
        let r = parse_json_line(
            r#"{"text":"not this","summary":"This one.","meta":{"paper":"Gazette"},"when":1551693600}"#,
            &m,
        )
        .unwrap();
        assert_eq!(r.body, "This one.");
        assert_eq!(r.meta.outlet, "Gazette");
        assert_eq!(r.meta.date, ymd(2019, 3, 4));
    }

    #[test]
    fn all_columns_at_once_are_each_fields_column() {
        let keys = [
            "Headline",
            "body",
            "Text",
            "published_at",
            "Source",
            "when",
            "URL",
        ];
        let mut chosen = FieldMap::default();
        chosen.set_from_arg("date=WHEN").unwrap();
        chosen.set_from_arg("outlet=nowhere").unwrap();
        for m in [FieldMap::default(), chosen] {
            let all = m.columns(&keys);
            for f in Field::ALL {
                assert_eq!(all[f as usize], m.column(f, &keys), "{f:?}");
            }
        }
        assert_eq!(
            FieldMap::default().columns(&keys)[Field::Text as usize],
            Some(2)
        );
        assert_eq!(FieldMap::default().columns(&[]), [None; 6]);
    }

    #[test]
    fn bad_field_arguments_say_what_is_expected() {
        let mut m = FieldMap::default();
        assert!(m.set_from_arg("body").unwrap_err().contains("NAME=KEY"));
        assert!(m
            .set_from_arg("txt=body")
            .unwrap_err()
            .contains("known fields"));
        assert!(m.set_from_arg("text=").is_err());
    }

    #[test]
    fn bad_lines_are_errors_not_panics() {
        let m = FieldMap::default();
        assert!(matches!(
            parse_json_line("{\"text\": \"unterminated", &m),
            Err(RecordError::Json(_))
        ));
        assert_eq!(parse_json_line("[1, 2]", &m), Err(RecordError::NotAnObject));
        assert!(matches!(
            parse_json_line(r#"{"title":"No body","text":"  "}"#, &m),
            Err(RecordError::NoText(_))
        ));
    }

    #[test]
    fn unreadable_dates_are_flagged_and_left_empty() {
        let r =
            parse_json_line(r#"{"text":"x","date":"03/04/2019"}"#, &FieldMap::default()).unwrap();
        assert_eq!((r.meta.date, r.meta.date_unparsed), (None, true));
        let r = parse_json_line(r#"{"text":"x","date":""}"#, &FieldMap::default()).unwrap();
        assert_eq!((r.meta.date, r.meta.date_unparsed), (None, false));
    }

    #[test]
    fn csv_rows_use_the_header_columns() {
        let header = ["Headline", "Body", "Published", "Publisher", "URL"];
        let m = FieldMap::default();
        let cols = Field::ALL.map(|f| m.column(f, &header));
        let r = csv_record(
            &[
                "Rates held",
                "The bank held.",
                "March 4, 2019",
                "Ledger",
                " u ",
            ],
            &cols,
            &m,
        )
        .unwrap();
        assert_eq!(r.title, "Rates held");
        assert_eq!(r.body, "The bank held.");
        assert_eq!(r.meta.date, ymd(2019, 3, 4));
        assert_eq!(r.meta.outlet, "Ledger");
        assert_eq!(r.meta.url, "u");
        assert_eq!(r.id, None);
        // A short row has no text.
        assert!(matches!(
            csv_record(&["Only a title"], &cols, &m),
            Err(RecordError::NoText(_))
        ));
    }

    #[test]
    fn a_record_reads_like_a_text_file_with_its_title_on_line_one() {
        let r = Record {
            id: None,
            title: "Port reopens".into(),
            body: "Ships moved.\n\nTrade resumed.".into(),
            meta: Meta::default(),
            encoding: None,
        };
        let (a, meta) = r.into_article("a.jsonl#1".into(), Encoding::Utf8);
        assert_eq!(a.text, "Port reopens\n\nShips moved.\n\nTrade resumed.");
        assert_eq!(a.title(), "Port reopens");
        assert_eq!(a.paragraphs.len(), 3);
        assert_eq!(meta.title.as_deref(), Some("Port reopens"));
        assert_eq!(record_name("a.jsonl", None, 7), "a.jsonl#7");
        assert_eq!(record_name("a.jsonl", Some("x9"), 7), "a.jsonl#x9");
    }

    #[test]
    fn titles_and_outlets_are_one_line() {
        let r = parse_json_line(
            r#"{"title":"Two\nlines","text":"b","source":"  The\tTimes "}"#,
            &FieldMap::default(),
        )
        .unwrap();
        assert_eq!(r.title, "Two lines");
        assert_eq!(r.meta.outlet, "The Times");
    }

    #[test]
    fn file_kinds_by_extension() {
        use std::path::Path;
        assert_eq!(FileKind::of(Path::new("a.JSONL")), FileKind::JsonLines);
        assert_eq!(FileKind::of(Path::new("a.ndjson")), FileKind::JsonLines);
        assert_eq!(FileKind::of(Path::new("a.csv")), FileKind::Csv);
        assert_eq!(FileKind::of(Path::new("a.txt")), FileKind::Text);
        assert_eq!(FileKind::of(Path::new("README")), FileKind::Text);
    }
}
