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
    Ok(files)
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
fn readable_by_all(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_all(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}
