//! The only code that writes: turns the merged [`Corpus`] into report files.
//!
//! Every report is first rendered to bytes in memory ([`render`]); only when all of them
//! exist are they written, all to temp files in the output folder first and then each
//! renamed over the old one ([`write_atomically`]). A run that fails or is interrupted
//! before the renames leaves the previous reports untouched, and no reader ever sees a
//! half-written file.

pub mod breakdowns;
pub mod charts;
pub mod entities;
pub mod html;
pub mod tables;

use crate::corpus::Corpus;
use std::io::Write;
use std::path::Path;

/// Settings that shape the reports but not the analysis.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    /// Bars in each chart.
    pub top: usize,
    /// Keywords listed per article.
    pub keywords: usize,
    /// Phrases seen fewer times than this are left out of `bigrams.csv`.
    pub min_bigram: u64,
    /// Write cell values exactly, even those a spreadsheet would run as a formula.
    pub raw_csv: bool,
    /// Pairs seen together in fewer units of the window than this are left out of
    /// `cooccurrence.csv`, the heatmap and the graph.
    pub min_count: u64,
    /// The unit the association score, the heatmap and the graph use.
    pub window: crate::corpus::Window,
    /// The period of `words_by_<period>.csv` and the words-over-time chart.
    pub period: crate::formats::dates::Period,
    /// Start every CSV with a UTF-8 byte-order mark, for Excel.
    pub excel: bool,
}

/// Reports written only when the articles carry the metadata they break down by. A run
/// without it removes these from the output folder, so no stale breakdown from an earlier
/// run sits beside the new reports.
pub const BREAKDOWN_FILES: &[&str] = &[
    "speakers_by_outlet.csv",
    "speakers_by_outlet.png",
    "words_by_day.csv",
    "words_by_week.csv",
    "words_by_month.csv",
    "words_over_time.png",
];

/// A report file, rendered, waiting to be written.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// Renders every report of the corpus.
pub fn render(corpus: &Corpus, opts: &ReportOptions) -> anyhow::Result<Vec<OutputFile>> {
    let t = tables::Tables::build(corpus, opts);
    let mut files = t.render()?;
    files.push(OutputFile {
        name: "top_words.png",
        bytes: charts::top_words(&t.words, corpus.articles.len(), opts.top)?,
    });
    files.push(OutputFile {
        name: "top_speakers.png",
        bytes: charts::top_speakers(&t.speakers, t.quotes.len(), opts.top)?,
    });
    let e = entities::EntityTables::build(corpus, opts.window, opts.min_count);
    files.push(tables::csv_file(
        "mentions.csv",
        &["article", "start", "end", "mention", "entity", "type"],
        &e.mentions,
    )?);
    files.push(tables::csv_file(
        "entities.csv",
        &["entity", "type", "mentions", "articles", "aliases"],
        &e.entities,
    )?);
    files.push(tables::csv_file(
        "cooccurrence.csv",
        &[
            "entity_a",
            "type_a",
            "entity_b",
            "type_b",
            "sentences",
            "paragraphs",
            "articles",
            "npmi",
        ],
        &e.pairs,
    )?);
    let (labels, counts) = e.heatmap(opts.top.min(30));
    files.push(OutputFile {
        name: "cooccurrence_heatmap.png",
        bytes: charts::cooccurrence_heatmap(
            &labels,
            &counts,
            entities::window_name(opts.window),
            corpus.articles.len(),
        )?,
    });
    files.push(OutputFile {
        name: "cooccurrence.gexf",
        bytes: e.gexf().into_bytes(),
    });
    let by_outlet = breakdowns::speakers_by_outlet(&t.quotes, &t.articles);
    let outlets = distinct(t.articles.iter().map(|a| a.outlet.as_str()));
    if outlets > 0 {
        files.push(tables::csv_file(
            "speakers_by_outlet.csv",
            &[
                "outlet",
                "speaker",
                "type",
                "quotes",
                "quoted_words",
                "articles",
            ],
            &by_outlet,
        )?);
        let (speakers, series, values) =
            breakdowns::speaker_outlet_groups(&by_outlet, opts.top.min(12), 6);
        files.push(OutputFile {
            name: "speakers_by_outlet.png",
            bytes: charts::grouped_bars(
                &format!(
                    "Quotes of the top {} speakers by outlet ({} outlet{})",
                    speakers.len(),
                    outlets,
                    if outlets == 1 { "" } else { "s" }
                ),
                "direct quotations attributed",
                &speakers,
                &series,
                &values,
            )?,
        });
    }
    let dated: Vec<chrono::NaiveDate> = t.articles.iter().filter_map(|a| a.date).collect();
    if !dated.is_empty() {
        let pw = breakdowns::PeriodWords::build(corpus, opts.period);
        files.push(tables::csv_file(
            words_by_name(opts.period),
            &["period", "word", "count", "articles", "per_million"],
            pw.rows(opts.top),
        )?);
        let lines = pw.lines(6);
        files.push(OutputFile {
            name: "words_over_time.png",
            bytes: charts::lines(
                &format!(
                    "Top {} words by {} in {} dated article{}",
                    lines.len(),
                    opts.period.name(),
                    dated.len(),
                    if dated.len() == 1 { "" } else { "s" }
                ),
                "occurrences per million words",
                &pw.periods,
                &lines,
            )?,
        });
    }
    if !opts.raw_csv {
        for f in files.iter_mut().filter(|f| f.name.ends_with(".csv")) {
            f.bytes = neutralise_formulas(&f.bytes)?;
        }
    }
    let facts = facts(corpus, &t, e.entities.len(), outlets, &dated);
    files.push(html::index(&files, &facts)?);
    if opts.excel {
        for f in files.iter_mut().filter(|f| f.name.ends_with(".csv")) {
            f.bytes.splice(0..0, *b"\xEF\xBB\xBF");
        }
    }
    Ok(files)
}

/// The name of the words-over-time table for a period.
pub fn words_by_name(period: crate::formats::dates::Period) -> &'static str {
    use crate::formats::dates::Period;
    match period {
        Period::Day => "words_by_day.csv",
        Period::Week => "words_by_week.csv",
        Period::Month => "words_by_month.csv",
    }
}

fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> usize {
    let mut v: Vec<&str> = values.filter(|s| !s.is_empty()).collect();
    v.sort_unstable();
    v.dedup();
    v.len()
}

/// The figures of the page's summary: only counts from the corpus (no times, no paths),
/// so the page is as reproducible as the tables.
fn facts(
    corpus: &Corpus,
    t: &tables::Tables<'_>,
    entities: usize,
    outlets: usize,
    dated: &[chrono::NaiveDate],
) -> html::Facts {
    let unattributed = t.quotes.iter().filter(|q| q.speaker.is_empty()).count();
    let mut f: html::Facts = vec![
        ("articles read", corpus.articles.len().to_string()),
        (
            "files, lines or rows skipped",
            corpus.skipped.len().to_string(),
        ),
        ("words", corpus.tokens.to_string()),
        ("quotations", t.quotes.len().to_string()),
        ("quotations without speaker", unattributed.to_string()),
        ("speakers", t.speakers.len().to_string()),
        ("entities", entities.to_string()),
        ("quoted terms left out", corpus.quoted_terms.to_string()),
        ("stray quotation marks", corpus.stray_marks.to_string()),
        ("outlets", outlets.to_string()),
        ("articles with a date", dated.len().to_string()),
    ];
    if let (Some(first), Some(last)) = (dated.iter().min(), dated.iter().max()) {
        f.push(("first date", first.format("%Y-%m-%d").to_string()));
        f.push(("last date", last.format("%Y-%m-%d").to_string()));
    }
    f.push((
        "dates unreadable (left empty)",
        corpus.unparsed_dates.to_string(),
    ));
    f
}

/// Removes the breakdown reports this run did not write ([`BREAKDOWN_FILES`]).
pub fn remove_stale(dir: &Path, files: &[OutputFile]) -> Result<(), crate::Error> {
    for name in BREAKDOWN_FILES {
        if files.iter().any(|f| f.name == *name) {
            continue;
        }
        let path = dir.join(name);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(crate::Error::WriteReport { path, source: e });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Makes a CSV safe to open in a spreadsheet (the OWASP rule for CSV injection): a cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a number,
/// gets a leading `'`, so "=HYPERLINK(...)" quoted in an article is shown, not run.
/// Numbers such as a negative NPMI stay numbers.
pub fn neutralise_formulas(csv_bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_bytes);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .from_writer(Vec::with_capacity(csv_bytes.len()));
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record)? {
        for field in &record {
            if could_run_as_formula(field) {
                writer.write_field(format!("'{field}"))?;
            } else {
                writer.write_field(field)?;
            }
        }
        writer.write_record(std::iter::empty::<&[u8]>())?;
    }
    Ok(writer.into_inner()?)
}

fn could_run_as_formula(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@', '\t', '\r']) && field.trim().parse::<f64>().is_err()
}

/// Prefix and suffix of the temp files reports are staged in; a run killed before its
/// renames leaves such files behind, and the next run removes them ([`remove_stale_temps`]).
const TEMP_PREFIX: &str = ".broadsheet-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `files` into `dir` in two phases, so that a failure or an interruption never
/// leaves a mix of old and new reports behind a half-written one:
///
/// 1. every report is written in full to its own temp file in `dir` and synced to disk;
///    any error here (a full disk, a file size limit) drops the temp files and returns,
///    with every previous report untouched;
/// 2. only then is each temp file renamed over its report (a rename within one folder is
///    atomic), and the folder itself synced so the renames survive a crash.
pub fn write_atomically(dir: &Path, files: &[OutputFile]) -> Result<(), crate::Error> {
    let mut staged = Vec::with_capacity(files.len());
    for f in files {
        let target = dir.join(f.name);
        let fail = |e: std::io::Error| crate::Error::WriteReport {
            path: target.clone(),
            source: without_temp_path(e),
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir)
            .map_err(fail)?;
        // Through the `File`: `NamedTempFile`'s own writer adds the temp path to errors.
        tmp.as_file_mut().write_all(&f.bytes).map_err(fail)?;
        readable_by_all(tmp.as_file()).map_err(fail)?;
        tmp.as_file().sync_all().map_err(fail)?;
        staged.push((tmp, target));
    }
    for (tmp, target) in staged {
        tmp.persist(&target)
            .map_err(|e| crate::Error::WriteReport {
                path: target.clone(),
                source: without_temp_path(e.error),
            })?;
    }
    sync_dir(dir);
    Ok(())
}

/// The system's reason for a failed write, without the temp file's name that `tempfile`
/// adds: the message names the report, and the temp file is gone by the time it is read.
fn without_temp_path(e: std::io::Error) -> std::io::Error {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => e,
    }
}

/// Removes temp files that a killed run left in the output folder. Only names of the
/// exact shape this module creates are touched; anything else in the folder is the user's.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_ours = name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
        if is_ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes the renames durable. Best effort: some file systems refuse to sync a folder, and
/// the reports are complete either way.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Temp files are created private (0600); reports are ordinary files (0644 on Unix).
#[cfg(unix)]
pub(crate) fn readable_by_all(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub(crate) fn readable_by_all(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_but_numbers_and_text_kept() {
        let raw = b"a,b,c\n=SUM(A1),-0.25,@home\n\"-- note\",+44,plain\n\"\ttab\",x,=\n";
        let safe = String::from_utf8(neutralise_formulas(raw).unwrap()).unwrap();
        assert_eq!(
            safe,
            "a,b,c\n'=SUM(A1),-0.25,'@home\n'-- note,+44,plain\n'\ttab,x,'=\n"
        );
    }

    #[test]
    fn reports_replace_old_ones_and_leave_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "old").unwrap();
        std::fs::write(dir.path().join(".broadsheet-x1.tmp"), "stale").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        remove_stale_temps(dir.path());
        let files = [
            OutputFile {
                name: "a.csv",
                bytes: b"new".to_vec(),
            },
            OutputFile {
                name: "b.png",
                bytes: vec![1, 2, 3],
            },
        ];
        write_atomically(dir.path(), &files).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["a.csv", "b.png", "notes.txt"]);
        assert_eq!(std::fs::read(dir.path().join("a.csv")).unwrap(), b"new");
    }

    #[test]
    fn quoting_survives_the_rewrite() {
        let raw = b"q\n\"a, \"\"b\"\"\nc\"\n";
        assert_eq!(neutralise_formulas(raw).unwrap(), raw.to_vec());
    }
}
