//! From paths to articles: finding the input files, reading and decoding them.
//!
//! Nothing here aborts a batch: a file that cannot become an article becomes a [`Skip`]
//! with a reason a user can act on, and lands in `skipped.csv`.

pub mod formats;

use crate::article::{Article, Encoding};
use formats::{front_matter, webpage, FieldMap, Meta, RecordError};
use std::fmt;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Extensions read as articles when a folder is walked (files named explicitly are read
/// whatever their extension): one article per `.txt`/`.md` file and per saved web page
/// (`.html`/`.htm`, [`crate::ingest::formats::webpage`]), one per line of a `.jsonl`/`.ndjson`
/// file, one per row of a `.csv` file ([`crate::ingest::formats`]).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "jsonl", "ndjson", "csv"];

/// What a file that is one of broadsheet's own reports is skipped as.
pub const REPORT_REASON: &str = "broadsheet report, not articles";

/// One input file to read, with the name it is reported under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: PathBuf,
    /// The `article` column: path relative to its input folder, `/`-separated.
    pub id: String,
    /// Seen to be a regular file when its folder was listed, so it can be opened before
    /// its type and size are checked (through the open file: one path lookup, not two).
    /// A path named on the command line is checked first, so that a FIFO or a device is
    /// never opened.
    pub regular: bool,
}

/// An input file that was not analysed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub id: String,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    Unreadable(String),
    Empty,
    Binary,
    UnsupportedExtension,
    NotAFile,
    /// Larger than `--max-file-size` (bytes, limit).
    TooLarge(u64, u64),
    /// The analysis of this file panicked; the batch went on without it.
    AnalysisFailed(String),
    /// A line or row of a record file that is not an article; the rest of the file is read.
    BadRecord {
        line: u64,
        error: RecordError,
    },
    /// A `.jsonl` or `.csv` file that holds no articles (no text field, UTF-16).
    NotRecords(String),
    /// One of broadsheet's own reports or partial results (which one), found in the input.
    Report(String),
    /// A binary document or archive format, by its magic bytes ("a PDF document").
    Format(String),
}

impl Skip {
    /// The line of a record file the skip is about (the `line` column of `skipped.csv`).
    pub fn line(&self) -> Option<u64> {
        match self.reason {
            SkipReason::BadRecord { line, .. } => Some(line),
            _ => None,
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Unreadable(e) => write!(f, "unreadable: {e}"),
            SkipReason::Empty => write!(f, "empty: no text"),
            SkipReason::Binary => write!(f, "binary: contains NUL bytes, not text"),
            SkipReason::UnsupportedExtension => write!(
                f,
                "not an article: only .{} files are read from folders",
                ARTICLE_EXTENSIONS.join(", .")
            ),
            SkipReason::NotAFile => write!(f, "not a regular file (device, FIFO or socket)"),
            SkipReason::TooLarge(size, limit) => write!(
                f,
                "too large: {size} bytes, over the --max-file-size limit of {limit} bytes"
            ),
            SkipReason::AnalysisFailed(e) => write!(f, "analysis failed: {e}"),
            SkipReason::BadRecord { error, .. } => write!(f, "bad record: {error}"),
            SkipReason::NotRecords(e) => write!(f, "no articles: {e}"),
            SkipReason::Report(what) => write!(f, "{REPORT_REASON}: {what}"),
            SkipReason::Format(what) => write!(
                f,
                "binary: {what}, not text; save the article as .txt or .html to read it"
            ),
        }
    }
}

/// The result of walking the inputs: files to read, and files already known to be skipped.
#[derive(Debug, Default)]
pub struct Discovered {
    pub sources: Vec<Source>,
    pub skipped: Vec<Skip>,
}

/// Every input file under `inputs`, in a deterministic order (sorted by reported name).
///
/// Folders are walked recursively, following symbolic links (loops are reported, not
/// followed); hidden files and folders (name starting with `.`) and the folder `exclude`
/// (the output folder, when it lies inside an input) are left out.
pub fn discover(inputs: &[PathBuf], exclude: Option<&Path>) -> Discovered {
    let mut found = Discovered::default();
    let several = inputs.len() > 1;
    for input in inputs {
        if input.is_file() || !input.is_dir() {
            let id = if several {
                slashed(input)
            } else {
                input
                    .file_name()
                    .map(escaped)
                    .unwrap_or_else(|| slashed(input))
            };
            found.sources.push(Source {
                path: input.clone(),
                id,
                regular: false,
            });
            continue;
        }
        let walker = WalkDir::new(input)
            .follow_links(true)
            // By file name, as `sort_by_file_name` sorts, without parsing two paths into
            // components per comparison (a tenth of a million comparisons for 20,000 files):
            // siblings share their folder's path, so their whole paths compare as their
            // names do.
            .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
            .into_iter()
            .filter_entry(|e| {
                // Only a folder can be the output folder: files skip the two
                // `canonicalize` calls (2% of a run on many small files).
                e.depth() == 0
                    || !(is_hidden(e.file_name())
                        || (e.file_type().is_dir()
                            && exclude.is_some_and(|x| same_file(e.path(), x))))
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = err.path().unwrap_or(input).to_path_buf();
                    found.skipped.push(Skip {
                        id: report_id(input, &path, several),
                        reason: SkipReason::Unreadable(walk_error_message(&err)),
                    });
                    continue;
                }
            };
            let ft = entry.file_type();
            if ft.is_dir() {
                continue;
            }
            let id = report_id(input, entry.path(), several);
            if !ft.is_file() {
                found.skipped.push(Skip {
                    id,
                    reason: SkipReason::NotAFile,
                });
            } else if !has_article_extension(entry.path()) {
                found.skipped.push(Skip {
                    id,
                    reason: not_article_reason(entry.path()),
                });
            } else {
                found.sources.push(Source {
                    path: entry.into_path(),
                    id,
                    regular: true,
                });
            }
        }
    }
    found.sources.sort_by(|a, b| a.id.cmp(&b.id));
    found.skipped.sort_by(|a, b| a.id.cmp(&b.id));
    found
}

/// Why a file of a folder that is not read was left out: one of broadsheet's own reports
/// (by its exact name and content), a binary format named by its magic bytes, or just an
/// extension broadsheet does not read. Only the file's first bytes are read.
fn not_article_reason(path: &Path) -> SkipReason {
    let mut head = [0u8; 4096];
    let n = std::fs::File::open(path)
        .and_then(|mut f| read_up_to(&mut f, &mut head))
        .unwrap_or(0);
    let head = &head[..n];
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if let Some(what) = own_report(name, head) {
        return SkipReason::Report(what);
    }
    match binary_format(head) {
        Some(what) => SkipReason::Format(what.to_string()),
        None => SkipReason::UnsupportedExtension,
    }
}

fn read_up_to(f: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match std::io::Read::read(f, &mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Which of broadsheet's own outputs a non-CSV file is, by its exact file name and content
/// (a chart is a PNG named as broadsheet names its charts; the graph a GEXF file by
/// that name) or, for a partial result, by its first line.
pub fn own_report(name: &str, head: &[u8]) -> Option<String> {
    if head.starts_with(format!("{}\n", crate::outputs::MAGIC).as_bytes()) {
        return Some(format!(
            "{name} is a partial result (merge it with broadsheet merge)"
        ));
    }
    let named = crate::outputs::OTHER_REPORT_FILES.contains(&name);
    let fits = match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("png") => head.starts_with(b"\x89PNG"),
        Some("gexf") => memchr::memmem::find(head, b"<gexf").is_some(),
        _ => false,
    };
    (named && fits).then(|| format!("{name} is a chart or graph of an earlier run"))
}

/// The binary document, image or archive format `head` (a file's first bytes) starts
/// with, for a skip reason a user can act on ("a PDF document" rather than "NUL bytes").
pub fn binary_format(head: &[u8]) -> Option<&'static str> {
    let zip_holds = |part: &[u8]| memchr::memmem::find(head, part).is_some();
    Some(match head {
        [b'%', b'P', b'D', b'F', ..] => "a PDF document",
        [b'P', b'K', 3, 4, ..] if zip_holds(b"word/") => "a Word document (.docx)",
        [b'P', b'K', 3, 4, ..] if zip_holds(b"xl/") => "an Excel workbook (.xlsx)",
        [b'P', b'K', 3, 4, ..] if zip_holds(b"ppt/") => "a PowerPoint file (.pptx)",
        [b'P', b'K', 3, 4, ..] if zip_holds(b"opendocument.text") => "an OpenDocument text (.odt)",
        [b'P', b'K', 3, 4, ..] if zip_holds(b"application/epub") => "an EPUB book",
        [b'P', b'K', 3, 4, ..] => "a ZIP archive (or an Office file)",
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => {
            "an old Office document (.doc, .xls)"
        }
        [b'{', b'\\', b'r', b't', b'f', ..] => "an RTF document",
        [0x89, b'P', b'N', b'G', ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [b'G', b'I', b'F', b'8', ..] => "a GIF image",
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => "a WebP image",
        [0x1F, 0x8B, ..] => "a gzip archive",
        [b'B', b'Z', b'h', ..] => "a bzip2 archive",
        [0xFD, b'7', b'z', b'X', b'Z', 0, ..] => "an xz archive",
        [b'7', b'z', 0xBC, 0xAF, ..] => "a 7-Zip archive",
        [b'R', b'a', b'r', b'!', ..] => "a RAR archive",
        [0x7F, b'E', b'L', b'F', ..] => "a program (ELF)",
        [b'S', b'Q', b'L', b'i', b't', b'e', b' ', b'f', ..] => "an SQLite database",
        _ if head.len() > 262 && &head[257..262] == b"ustar" => "a tar archive",
        _ => return None,
    })
}

fn walk_error_message(err: &walkdir::Error) -> String {
    if err.loop_ancestor().is_some() {
        "symbolic link loop, not followed".to_string()
    } else if let Some(io) = err.io_error() {
        io.to_string()
    } else {
        err.to_string()
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn is_html_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The name a file is reported under: relative to its input folder, or, when several
/// inputs were given, prefixed with that input as written so names stay unique.
fn report_id(input: &Path, path: &Path, several: bool) -> String {
    if several {
        return slashed(path);
    }
    match path.strip_prefix(input) {
        Ok(rel) if !rel.as_os_str().is_empty() => slashed(rel),
        _ => slashed(path),
    }
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| escaped(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
        .replace("//", "/")
}

/// A file name as text. Bytes that are not UTF-8 (possible on Unix) are written as `\xNN`,
/// so two different names never collapse into one replacement character.
fn escaped(name: &std::ffi::OsStr) -> String {
    if let Some(s) = name.to_str() {
        return s.to_string();
    }
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// Reads and decodes one file into an [`Article`]; files over `max_bytes` are not read.
pub fn load(source: &Source, max_bytes: u64) -> Result<Article, Skip> {
    load_with_meta(source, max_bytes, &FieldMap::default()).map(|(a, _)| a)
}

/// [`load`], with the metadata of a front-matter block ([`front_matter`]), which is taken
/// off the text: the article, and its offsets, start after the block.
pub fn load_with_meta(
    source: &Source,
    max_bytes: u64,
    fields: &FieldMap,
) -> Result<(Article, Meta), Skip> {
    let skip = |reason| Skip {
        id: source.id.clone(),
        reason,
    };
    let bytes = read_checked(source, max_bytes).map_err(skip)?;
    let name = source
        .path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    if let Some(what) = own_report(name, &bytes[..bytes.len().min(4096)]) {
        return Err(skip(SkipReason::Report(what)));
    }
    if let Some(what) = binary_format(&bytes) {
        return Err(skip(SkipReason::Format(what.to_string())));
    }
    let (mut text, encoding) = decode(&bytes).map_err(skip)?;
    if is_html_name(&source.path) || webpage::looks_like_html(&text) {
        return match webpage::read(&text) {
            webpage::Page::Report => Err(skip(SkipReason::Report(format!(
                "{name} is the overview page of an earlier run"
            )))),
            webpage::Page::Article {
                title,
                paragraphs,
                meta,
            } => webpage::into_article(title, paragraphs, meta, source.id.clone(), encoding)
                .ok_or_else(|| skip(SkipReason::Empty)),
        };
    }
    let meta = match front_matter::split(&text, fields) {
        Some((meta, body)) => {
            text.drain(..body);
            if text.trim().is_empty() {
                return Err(skip(SkipReason::Empty));
            }
            meta
        }
        None => Meta::default(),
    };
    Ok((Article::new(source.id.clone(), text, encoding), meta))
}

/// The file's bytes, once it is known to be a regular file of at most `max_bytes`.
///
/// A file listed from a folder is opened first and checked through the open file: one
/// `statx` per file instead of two (on many small files the path lookups were 2% of a run).
fn read_checked(source: &Source, max_bytes: u64) -> Result<Vec<u8>, SkipReason> {
    let unreadable = |e: std::io::Error| SkipReason::Unreadable(e.to_string());
    let check = |meta: &std::fs::Metadata| {
        if !meta.is_file() {
            return Err(if meta.is_dir() {
                SkipReason::Unreadable("is a folder".to_string())
            } else {
                SkipReason::NotAFile
            });
        }
        if meta.len() > max_bytes {
            return Err(SkipReason::TooLarge(meta.len(), max_bytes));
        }
        Ok(())
    };
    if source.regular {
        let mut file = std::fs::File::open(&source.path).map_err(unreadable)?;
        let meta = file.metadata().map_err(unreadable)?;
        check(&meta)?;
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        // Through `take`: `File`'s own `read_to_end` asks for the size again (one more
        // `statx` and an `lseek` per file) to size a buffer this one already has.
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, u64::MAX), &mut bytes)
            .map_err(unreadable)?;
        Ok(bytes)
    } else {
        check(&std::fs::metadata(&source.path).map_err(unreadable)?)?;
        std::fs::read(&source.path).map_err(unreadable)
    }
}

/// Bytes to text: UTF-16 with a BOM, UTF-8 (a BOM removed), else Windows-1252.
/// NUL bytes in a file without a UTF-16 BOM mean it is not text; so does a file with no
/// visible characters.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), SkipReason> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let (t, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        (t.into_owned(), Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let (t, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        (t.into_owned(), Encoding::Utf16Be)
    } else {
        if memchr_nul(bytes) {
            return Err(SkipReason::Binary);
        }
        match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            Some(rest) => match std::str::from_utf8(rest) {
                Ok(t) => (t.to_string(), Encoding::Utf8Bom),
                Err(_) => windows_1252(rest),
            },
            None => match std::str::from_utf8(bytes) {
                Ok(t) => (t.to_string(), Encoding::Utf8),
                Err(_) => windows_1252(bytes),
            },
        }
    };
    if memchr_nul(text.as_bytes()) {
        return Err(SkipReason::Binary);
    }
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    Ok((text, encoding))
}

fn windows_1252(bytes: &[u8]) -> (String, Encoding) {
    let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    (t.into_owned(), Encoding::Windows1252)
}

/// Whether `bytes` hold a NUL: by `memchr`, several times faster than the slice search
/// over every byte of every file. (A NUL character's UTF-8 is the one byte 0.)
fn memchr_nul(bytes: &[u8]) -> bool {
    memchr::memchr(0, bytes).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_checked_the_same_whether_listed_from_a_folder_or_named() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "Title\n\nBody.").unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        for regular in [true, false] {
            let source = |path: &Path| Source {
                path: path.to_path_buf(),
                id: "x".into(),
                regular,
            };
            assert_eq!(
                read_checked(&source(&small), 100).unwrap(),
                b"Title\n\nBody.".to_vec()
            );
            // Over the limit: refused by size, not read.
            assert_eq!(
                read_checked(&source(&small), 5),
                Err(SkipReason::TooLarge(12, 5))
            );
            // A folder where a file was listed (swapped since): no bytes, a reason. (On
            // Unix a folder opens, and its handle says what it is.)
            let folder = read_checked(&source(&sub), 100);
            assert!(
                matches!(folder, Err(SkipReason::Unreadable(_))),
                "{folder:?}"
            );
            #[cfg(unix)]
            assert_eq!(folder, Err(SkipReason::Unreadable("is a folder".into())));
            assert!(matches!(
                read_checked(&source(&dir.path().join("gone.txt")), 100),
                Err(SkipReason::Unreadable(_))
            ));
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode(b"caf\xC3\xA9").unwrap(),
            ("café".to_string(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap(),
            ("café".to_string(), Encoding::Utf8Bom)
        );
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        // 0xA3 is the pound sign in Latin-1 and Windows-1252; 0x93/0x94 are curly quotes.
        assert_eq!(
            decode(b"\xA35m \x93deal\x94").unwrap(),
            ("£5m “deal”".to_string(), Encoding::Windows1252)
        );
    }

    #[test]
    fn utf16_with_bom() {
        assert_eq!(
            decode(b"\xFF\xFEh\0i\0").unwrap(),
            ("hi".to_string(), Encoding::Utf16Le)
        );
        assert_eq!(
            decode(b"\xFE\xFF\0h\0i").unwrap(),
            ("hi".to_string(), Encoding::Utf16Be)
        );
    }

    #[test]
    fn nul_bytes_are_binary_and_blank_is_empty() {
        assert_eq!(decode(b"PK\x03\x04\0\0"), Err(SkipReason::Binary));
        assert_eq!(decode(b""), Err(SkipReason::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(SkipReason::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(SkipReason::Empty));
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_are_escaped_not_lost() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xE9 \xFF.txt");
        assert_eq!(escaped(name), "caf\\xE9 \\xFF.txt");
    }

    #[test]
    fn report_ids_are_relative_and_slashed() {
        let input = Path::new("corpus");
        assert_eq!(
            report_id(input, Path::new("corpus/world/a.txt"), false),
            "world/a.txt"
        );
        assert_eq!(
            report_id(input, Path::new("corpus/world/a.txt"), true),
            "corpus/world/a.txt"
        );
    }
}
