//! The only code that writes: turns the merged [`Corpus`] into report files.
//!
//! Every report is first rendered to bytes in memory ([`render`]); only when all of them
//! exist are they written, each to a temp file in the output folder and then renamed over
//! the old one ([`write_atomically`]). A run that fails or is interrupted before that point
//! leaves the previous reports untouched, and no reader ever sees a half-written file.

pub mod charts;
pub mod entities;
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
}

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
    if !opts.raw_csv {
        for f in files.iter_mut().filter(|f| f.name.ends_with(".csv")) {
            f.bytes = neutralise_formulas(&f.bytes)?;
        }
    }
    Ok(files)
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

/// Writes `files` into `dir`, each through a temp file and a rename.
pub fn write_atomically(dir: &Path, files: &[OutputFile]) -> Result<(), crate::Error> {
    for f in files {
        let target = dir.join(f.name);
        let fail = |source: std::io::Error| crate::Error::WriteReport {
            path: target.clone(),
            source,
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(".broadsheet-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(fail)?;
        tmp.write_all(&f.bytes).map_err(fail)?;
        readable_by_all(tmp.as_file()).map_err(fail)?;
        tmp.as_file().sync_all().map_err(fail)?;
        tmp.persist(&target).map_err(|e| fail(e.error))?;
    }
    Ok(())
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
    fn quoting_survives_the_rewrite() {
        let raw = b"q\n\"a, \"\"b\"\"\nc\"\n";
        assert_eq!(neutralise_formulas(raw).unwrap(), raw.to_vec());
    }
}
