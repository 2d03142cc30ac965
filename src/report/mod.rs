//! Turns the merged [`Corpus`] into report files: the tables, charts and page computed
//! here and in the submodules, written by [`files`], the only module that touches the
//! output folder.
//!
//! Every report is first written in full to a temp file in the output folder (the
//! per-article tables streamed from the corpus's spilled records, [`records`]; the others
//! rendered in memory); only when all of them exist is each renamed over the old one
//! ([`write`], [`commit`]). A run that fails or is interrupted before the renames leaves
//! the previous reports untouched, and no reader ever sees a half-written file.

pub mod breakdowns;
pub mod charts;
pub mod csvout;
pub mod entities;
pub mod files;
pub mod gender;
pub mod html;
pub mod records;
pub mod tables;

pub(crate) use files::readable_by_all;
pub use files::{commit, remove_stale, remove_stale_temps, write_atomically, Staged};

use crate::corpus::{self, Corpus};
pub use crate::outputs::{
    ADDED_COLUMNS, BREAKDOWN_FILES, GENERATOR_META, OTHER_REPORT_FILES, SPEAKERS_BY_OUTLET_HEADER,
    TABLE_HEADERS, TABLE_NAMES, WORDS_BY_PERIOD_HEADER,
};
use rayon::prelude::*;
use std::path::Path;
use std::time::{Duration, Instant};

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
    pub period: crate::ingest::formats::dates::Period,
    /// Start every CSV with a UTF-8 byte-order mark, for Excel.
    pub excel: bool,
}

/// A report file, rendered, waiting to be written.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// The byte-order mark `--excel` starts every CSV with.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What [`write`] wrote, and where its time went (for `--timings`).
#[derive(Debug, Clone)]
pub struct Written {
    /// The reports' file names.
    pub files: Vec<&'static str>,
    /// Streaming the per-article tables (articles, keywords, quotes, mentions): time
    /// that grows with the number of articles.
    pub per_article: Duration,
    /// The corpus-level tables built alongside (words, phrases, pairs, graph): time that
    /// grows with the vocabulary and the entities, not the articles.
    pub corpus_tables: Duration,
    /// After both: the charts, the speaker and entity tables, the overview page and the
    /// commit. Also independent of the number of articles.
    pub rest: Duration,
}

/// Writes every report of the corpus into `dir` and returns their names.
///
/// Two phases, as [`write_atomically`]: every report is written in full to a temp file in
/// `dir` first (the per-article tables streamed from the corpus's spilled records, the
/// rest rendered in memory), and only when all exist are they renamed over the old ones.
/// Tables that do not depend on each other are built in parallel; the bytes do not
/// depend on how many threads there are.
pub fn write(corpus: &Corpus, opts: &ReportOptions, dir: &Path) -> anyhow::Result<Written> {
    let resolve = corpus.resolver();
    let ((pass, per_article), (level, corpus_tables)) = rayon::join(
        || {
            let started = Instant::now();
            (
                records::stream(corpus, &resolve, opts, dir),
                started.elapsed(),
            )
        },
        || {
            let started = Instant::now();
            (corpus_level(corpus, &resolve, opts, dir), started.elapsed())
        },
    );
    let rest_started = Instant::now();
    let mut pass = pass?;
    let (mut staged, mut previews, words, pairs) = level?;
    staged.append(&mut pass.staged);
    previews.append(&mut pass.previews);
    let neutralise = !opts.raw_csv;

    let speakers = std::mem::take(&mut pass.speakers).rows(&resolve);
    let e = entities::EntityTables {
        entities: std::mem::take(&mut pass.entities).rows(&resolve),
        pairs,
        window: opts.window,
    };
    let outlets = pass.outlets.outlets();
    let by_outlet = std::mem::take(&mut pass.outlets).rows();
    let dated = pass.dated;
    let periods = std::mem::replace(
        &mut pass.periods,
        breakdowns::PeriodBuilder::new(opts.period),
    );
    let genders =
        std::mem::replace(&mut pass.gender, gender::GenderTally::new(opts.period)).finish();

    // Each job renders one report (or none) to bytes; the jobs run in parallel.
    type Job<'a> = Box<dyn FnOnce() -> anyhow::Result<Vec<Rendered>> + Send + 'a>;
    let mut jobs: Vec<Job<'_>> = vec![
        Box::new(|| {
            Ok(vec![Rendered::png(
                "top_words.png",
                charts::top_words(&words, corpus.articles as usize, opts.top)?,
            )])
        }),
        Box::new(|| {
            Ok(vec![Rendered::png(
                "top_speakers.png",
                charts::top_speakers(
                    &speakers,
                    pass.quotes + pass.reported,
                    pass.reported,
                    opts.top,
                )?,
            )])
        }),
        Box::new(|| {
            Ok(vec![Rendered::csv(
                "speakers.csv",
                csvout::table(tables::SPEAKERS_HEADER, &speakers, neutralise)?,
            )])
        }),
        Box::new(|| {
            Ok(vec![Rendered::csv(
                "entities.csv",
                csvout::table(entities::ENTITIES_HEADER, &e.entities, neutralise)?,
            )])
        }),
        Box::new(|| {
            Ok(vec![Rendered::csv(
                "gender.csv",
                csvout::table(
                    gender::GENDER_HEADER,
                    gender::rows(&genders.by_outlet),
                    neutralise,
                )?,
            )])
        }),
        Box::new(|| {
            Ok(vec![Rendered::png(
                "women_quoted.png",
                charts::women_quoted(
                    &gender::chart_groups(&genders.by_outlet, gender::CHART_OUTLETS),
                    &genders.by_period,
                    opts.period.name(),
                    corpus.articles,
                )?,
            )])
        }),
        Box::new(|| {
            let (labels, counts) = e.heatmap(opts.top.min(30));
            Ok(vec![Rendered::png(
                "cooccurrence_heatmap.png",
                charts::cooccurrence_heatmap(
                    &labels,
                    &counts,
                    entities::window_name(opts.window),
                    corpus.articles as usize,
                )?,
            )])
        }),
    ];
    // The graph can be the largest report: written to its temp file in pieces.
    let gexf = || -> anyhow::Result<Staged> {
        let mut s = Staged::create(dir, "cooccurrence.gexf")?;
        e.write_gexf(&mut |b| s.write(b))?;
        Ok(s.finish()?)
    };
    if outlets > 0 {
        jobs.push(Box::new(|| {
            Ok(vec![Rendered::csv(
                "speakers_by_outlet.csv",
                csvout::table(SPEAKERS_BY_OUTLET_HEADER, &by_outlet, neutralise)?,
            )])
        }));
        jobs.push(Box::new(|| {
            let (speakers, series, values) =
                breakdowns::speaker_outlet_groups(&by_outlet, opts.top.min(12), 6);
            Ok(vec![Rendered::png(
                "speakers_by_outlet.png",
                charts::grouped_bars(
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
            )])
        }));
    }
    if dated.articles > 0 {
        jobs.push(Box::new(|| {
            Ok(vec![Rendered::csv(
                gender::by_period_name(opts.period),
                csvout::table(
                    gender::GENDER_BY_PERIOD_HEADER,
                    gender::rows(&genders.by_period),
                    neutralise,
                )?,
            )])
        }));
        jobs.push(Box::new(move || {
            let pw = periods.finish(&corpus.words);
            let lines = pw.lines(6);
            let n = dated.articles;
            let chart = charts::lines(
                &format!(
                    "Top {} words by {} in {} dated article{}",
                    lines.len(),
                    opts.period.name(),
                    n,
                    if n == 1 { "" } else { "s" }
                ),
                "occurrences per million words",
                &pw.periods,
                &pw.articles,
                &lines,
            )?;
            Ok(vec![
                Rendered::csv(
                    words_by_name(opts.period),
                    csvout::table(WORDS_BY_PERIOD_HEADER, pw.rows(opts.top), neutralise)?,
                ),
                Rendered::png("words_over_time.png", chart),
            ])
        }));
    }
    let (rendered, gexf) = rayon::join(
        || {
            jobs.into_par_iter()
                .map(|job| job())
                .collect::<anyhow::Result<Vec<Vec<Rendered>>>>()
        },
        gexf,
    );
    let rendered = rendered?;
    staged.push(gexf?);
    let rendered: Vec<Rendered> = rendered.into_iter().flatten().collect();
    let more: Vec<(Staged, Option<html::Preview>)> = rendered
        .par_iter()
        .map(|r| r.stage(dir, opts.excel))
        .collect::<anyhow::Result<_>>()?;
    for (s, p) in more {
        staged.push(s);
        previews.extend(p);
    }

    let entity_count = e.entities.len();
    let facts = facts(
        corpus,
        pass.quotes,
        pass.unattributed,
        speakers.len(),
        entity_count,
        outlets,
        &dated,
    );
    let mut names: Vec<&'static str> = staged.iter().map(|s| s.name).collect();
    let index = html::index(&names, &previews, &facts)?;
    staged.push(Staged::with_bytes(dir, index.name, &index.bytes)?);
    names.push(index.name);
    commit(dir, staged)?;
    Ok(Written {
        files: names,
        per_article,
        corpus_tables,
        rest: rest_started.elapsed(),
    })
}

/// A report rendered in memory; `rows` for a table.
struct Rendered {
    name: &'static str,
    bytes: Vec<u8>,
    rows: Option<usize>,
}

impl Rendered {
    fn png(name: &'static str, bytes: Vec<u8>) -> Rendered {
        Rendered {
            name,
            bytes,
            rows: None,
        }
    }

    fn csv(name: &'static str, (bytes, rows): (Vec<u8>, usize)) -> Rendered {
        Rendered {
            name,
            bytes,
            rows: Some(rows),
        }
    }

    /// Written to its temp file, with the preview of a table.
    fn stage(&self, dir: &Path, excel: bool) -> anyhow::Result<(Staged, Option<html::Preview>)> {
        let mut s = Staged::create(dir, self.name)?;
        let preview = match self.rows {
            Some(rows) => {
                if excel {
                    s.write(BOM)?;
                }
                Some(html::Preview::of(self.name, &self.bytes, rows))
            }
            None => None,
        };
        s.write(&self.bytes)?;
        Ok((s.finish()?, preview))
    }
}

/// The reports that need no per-article rows: words, bigrams, skipped, co-occurrence.
#[allow(clippy::type_complexity)]
fn corpus_level(
    corpus: &Corpus,
    resolve: &corpus::Resolver,
    opts: &ReportOptions,
    dir: &Path,
) -> anyhow::Result<(
    Vec<Staged>,
    Vec<html::Preview>,
    Vec<tables::WordOut>,
    Vec<entities::PairOut>,
)> {
    let neutralise = !opts.raw_csv;
    let ((words, bigrams), (skipped, pairs)) = rayon::join(
        || {
            rayon::join(
                || tables::words(corpus),
                || tables::bigrams(corpus, opts.min_bigram),
            )
        },
        || {
            rayon::join(
                || tables::skipped(corpus),
                || entities::pairs(corpus, resolve, opts.window, opts.min_count),
            )
        },
    );
    let tables: Vec<anyhow::Result<Rendered>> = vec![
        csvout::table(tables::WORDS_HEADER, &words, neutralise)
            .map(|t| Rendered::csv("words.csv", t)),
        csvout::table(tables::BIGRAMS_HEADER, &bigrams, neutralise)
            .map(|t| Rendered::csv("bigrams.csv", t)),
        csvout::table(tables::SKIPPED_HEADER, &skipped, neutralise)
            .map(|t| Rendered::csv("skipped.csv", t)),
        csvout::table(entities::PAIRS_HEADER, &pairs, neutralise)
            .map(|t| Rendered::csv("cooccurrence.csv", t)),
    ];
    let mut staged = Vec::new();
    let mut previews = Vec::new();
    for t in tables {
        let (s, p) = t?.stage(dir, opts.excel)?;
        staged.push(s);
        previews.extend(p);
    }
    Ok((staged, previews, words, pairs))
}

/// Renders every report of the corpus into memory, by name: [`write`] into a temp folder,
/// read back (for tests and benches that compare reports).
pub fn render(corpus: &Corpus, opts: &ReportOptions) -> anyhow::Result<Vec<OutputFile>> {
    let dir = tempfile::tempdir()?;
    let mut names = write(corpus, opts, dir.path())?.files;
    names.sort_unstable();
    names
        .into_iter()
        .map(|name| {
            Ok(OutputFile {
                name,
                bytes: std::fs::read(dir.path().join(name))?,
            })
        })
        .collect()
}

/// The name of the words-over-time table for a period.
pub fn words_by_name(period: crate::ingest::formats::dates::Period) -> &'static str {
    use crate::ingest::formats::dates::Period;
    match period {
        Period::Day => "words_by_day.csv",
        Period::Week => "words_by_week.csv",
        Period::Month => "words_by_month.csv",
    }
}

/// The figures of the page's summary: only counts from the corpus (no times, no paths),
/// so the page is as reproducible as the tables.
fn facts(
    corpus: &Corpus,
    quotes: usize,
    unattributed: usize,
    speakers: usize,
    entities: usize,
    outlets: usize,
    dated: &records::Dated,
) -> html::Facts {
    let mut f: html::Facts = vec![
        ("articles read", corpus.articles.to_string()),
        (
            "files, lines or rows skipped",
            corpus.skipped.len().to_string(),
        ),
        ("words", corpus.tokens.to_string()),
        ("quotations", quotes.to_string()),
        ("quotations without speaker", unattributed.to_string()),
        ("pieces of reported speech", corpus.reported.to_string()),
        ("speakers", speakers.to_string()),
        ("entities", entities.to_string()),
        ("quoted terms left out", corpus.quoted_terms.to_string()),
        ("stray quotation marks", corpus.stray_marks.to_string()),
        ("outlets", outlets.to_string()),
        ("articles with a date", dated.articles.to_string()),
    ];
    if let (Some(first), Some(last)) = (dated.first, dated.last) {
        f.push(("first date", first.format("%Y-%m-%d").to_string()));
        f.push(("last date", last.format("%Y-%m-%d").to_string()));
    }
    f.push((
        "dates unreadable (left empty)",
        corpus.unparsed_dates.to_string(),
    ));
    f
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

pub(crate) fn could_run_as_formula(field: &str) -> bool {
    // Every cell is checked: the first byte first, as a match rather than a char pattern.
    let opens = field
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
    opens && field.trim().parse::<f64>().is_err()
}

/// `s` cut to at most `max_chars` characters, an ellipsis marking the cut: for chart
/// labels, graph node labels and the cells of the overview page, which must stay readable
/// however long a name or quote is (the CSV files keep it whole).
pub(crate) fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max_chars - 1).collect();
        t.push('…');
        t
    }
}

/// Text made safe for attribute values and content of both the XML graph (`graph.gexf`)
/// and `index.html`; characters XML 1.0 forbids (which HTML forbids too) are dropped.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Small report settings for unit tests (five bars, three keywords, every phrase and pair).
#[cfg(test)]
pub(crate) fn small_options() -> ReportOptions {
    ReportOptions {
        top: 5,
        keywords: 3,
        min_bigram: 1,
        raw_csv: false,
        min_count: 1,
        window: crate::corpus::Window::Paragraph,
        period: crate::ingest::formats::dates::Period::Week,
        excel: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("éééé", 4), "éééé");
    }

    #[test]
    fn markup_escaping() {
        assert_eq!(
            escape_markup("AT&T <\"Bell\"> 'x'\u{1}"),
            "AT&amp;T &lt;&quot;Bell&quot;&gt; &apos;x&apos;"
        );
    }

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
    fn reports_written_twice_are_the_same_bytes() {
        use crate::analyze::{self, Options};
        use crate::article::{Article, Encoding};
        let texts = [
            (
                "b.txt",
                "Talks\n\n\"We will not sign,\" Oskar Venhaalo said in Tehran.\n",
            ),
            (
                "a.txt",
                "=Formula headline\n\nVenhaalo met Ali Khamenei in Tehran.\n",
            ),
        ];
        let corpus = texts.iter().fold(Corpus::default(), |c, (id, t)| {
            let a = Article::new(id.to_string(), t.to_string(), Encoding::Utf8);
            c.with(Ok(analyze::article(
                &a,
                Options {
                    stopwords: crate::text::stopwords::StopWords::english(),
                },
            )))
        });
        let opts = ReportOptions {
            excel: true,
            ..small_options()
        };
        let one = render(&corpus, &opts).unwrap();
        let two = render(&corpus, &opts).unwrap();
        assert_eq!(
            one.iter().map(|f| (f.name, &f.bytes)).collect::<Vec<_>>(),
            two.iter().map(|f| (f.name, &f.bytes)).collect::<Vec<_>>()
        );
        let articles = one.iter().find(|f| f.name == "articles.csv").unwrap();
        let text = String::from_utf8_lossy(&articles.bytes);
        // BOM, header, then the articles by name, the formula neutralised.
        assert!(text.starts_with("\u{feff}article,title,"), "{text}");
        let a = text.find("\na.txt,'=Formula headline,").unwrap();
        assert!(a < text.find("\nb.txt,").unwrap());
    }

    #[test]
    fn quoting_survives_the_rewrite() {
        let raw = b"q\n\"a, \"\"b\"\"\nc\"\n";
        assert_eq!(neutralise_formulas(raw).unwrap(), raw.to_vec());
    }
}
