//! What a run did, for the one line printed at its end, `--timings`, and the exit code.
//!
//! Both commands end here: they hand over the merged corpus and the stage times, and
//! `main.rs` prints what this module makes of them. The wording of the line and the
//! meaning of each exit code (README "Exit codes") are decided in one place.

use crate::corpus::Corpus;
use crate::report;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The exit code of a run whose reports hold no article.
pub const EXIT_NO_ARTICLES: u8 = 3;

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Clone)]
pub struct Summary {
    pub articles: usize,
    pub skipped: usize,
    pub words: u64,
    pub bytes: u64,
    /// Quotations (direct and partial).
    pub quotes: usize,
    /// Pieces of reported speech.
    pub reported: usize,
    /// Quotes kept with an empty speaker.
    pub unattributed: usize,
    /// Quotation marks that could not be paired.
    pub stray_marks: u64,
    /// Short quoted terms with no speaker, not counted as quotes.
    pub quoted_terms: u64,
    /// Articles whose date was given but could not be read.
    pub unparsed_dates: u64,
    /// Tokens too long to be words, left out of the word tables.
    pub long_tokens: u64,
    pub elapsed: Duration,
    /// Wall time of each stage, in run order ([`Summary::timings_line`]).
    pub stages: Vec<(&'static str, Duration)>,
    /// How the reports stage spent its time, when reports were written.
    pub report_parts: Option<report::Written>,
    /// Where reports were written, if they were.
    pub out: Option<PathBuf>,
    /// Where the partial result was written, if it was.
    pub partial: Option<PathBuf>,
}

impl Summary {
    /// The stage times, for `--timings`.
    pub fn timings_line(&self) -> String {
        let stages: Vec<String> = self
            .stages
            .iter()
            .map(|(name, d)| {
                let mut s = format!("{name} {:.2} s", d.as_secs_f64());
                if let (&"reports", Some(w)) = (name, &self.report_parts) {
                    s.push_str(&format!(
                        " (per-article tables {:.2} s with the corpus-level tables {:.2} s \
                         alongside, then charts and summary tables {:.2} s)",
                        w.per_article.as_secs_f64(),
                        w.corpus_tables.as_secs_f64(),
                        w.rest.as_secs_f64()
                    ));
                }
                s
            })
            .collect();
        format!(
            "{}; total {:.2} s",
            stages.join(", "),
            self.elapsed.as_secs_f64()
        )
    }

    /// The process exit code (README "Exit codes"): 3 when reports were written but
    /// hold no article at all, since a set of empty tables is no result; else 1 when
    /// anything was skipped; else 0. A run that writes only a partial result may
    /// legitimately hold no article (a shard of a small corpus), so it is not an error.
    pub fn exit_code(&self) -> u8 {
        if self.articles == 0 && self.out.is_some() {
            EXIT_NO_ARTICLES
        } else if self.skipped > 0 {
            1
        } else {
            0
        }
    }

    /// Why a run with no articles failed, and where to look; `None` when it had some.
    pub fn no_articles_message(&self) -> Option<String> {
        if self.exit_code() != EXIT_NO_ARTICLES {
            return None;
        }
        let out = self.out.as_deref().unwrap_or(Path::new("reports"));
        Some(match self.skipped {
            0 => "no articles read: the input holds no files broadsheet reads (.txt, .md, \
                  .html, .htm, .jsonl, .ndjson, .csv)"
                .to_string(),
            1 => format!(
                "no articles read: the one input file was skipped; {} says why",
                out.join("skipped.csv").display()
            ),
            n => format!(
                "no articles read: all {n} input files were skipped; {} says why",
                out.join("skipped.csv").display()
            ),
        })
    }

    pub fn megabytes_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        self.bytes as f64 / 1e6 / secs
    }

    /// The one line printed at the end of a run.
    pub fn line(&self) -> String {
        let mut written: Vec<String> = Vec::new();
        if let Some(out) = &self.out {
            written.push(format!("reports in {}", out.display()));
            written.push(format!("overview in {}", out.join("index.html").display()));
        }
        match self.partial.as_deref() {
            Some(p) if p == Path::new("-") => written.push("partial result on stdout".into()),
            Some(p) => written.push(format!("partial result in {}", p.display())),
            None => {}
        }
        let dates = match self.unparsed_dates {
            0 => String::new(),
            1 => ", 1 date unreadable (left empty)".to_string(),
            n => format!(", {n} dates unreadable (left empty)"),
        };
        let skipped = match (self.skipped, &self.out) {
            (0, _) => "0 skipped".to_string(),
            (n, Some(out)) => format!("{n} skipped (see {})", out.join("skipped.csv").display()),
            (n, None) => format!("{n} skipped (listed in the partial result)"),
        };
        let too_long = match self.long_tokens {
            0 => String::new(),
            1 => ", 1 token over 50 letters left out of the word tables".to_string(),
            n => format!(", {n} tokens over 50 letters left out of the word tables"),
        };
        format!(
            "{} article{} read, {skipped}, {} words{too_long}, {} quote{} ({} without speaker; {} quoted term{} and {} stray mark{} left out), {} piece{} of reported speech{dates}, {:.2} s, {:.1} MB/s; {}",
            self.articles,
            if self.articles == 1 { "" } else { "s" },
            self.words,
            self.quotes,
            if self.quotes == 1 { "" } else { "s" },
            self.unattributed,
            self.quoted_terms,
            if self.quoted_terms == 1 { "" } else { "s" },
            self.stray_marks,
            if self.stray_marks == 1 { "" } else { "s" },
            self.reported,
            if self.reported == 1 { "" } else { "s" },
            self.elapsed.as_secs_f64(),
            self.megabytes_per_second(),
            written.join(", ")
        )
    }
}

/// Stage times for [`Summary::stages`]: each stage runs from the end of the one before.
pub(crate) struct Stages {
    last: Instant,
    pub(crate) list: Vec<(&'static str, Duration)>,
}

impl Stages {
    pub(crate) fn new() -> Stages {
        Stages {
            last: Instant::now(),
            list: Vec::new(),
        }
    }

    pub(crate) fn done(&mut self, name: &'static str) {
        let now = Instant::now();
        self.list.push((name, now - self.last));
        self.last = now;
    }
}

impl Summary {
    /// The counts of a run's merged corpus, with no stage times yet: each command adds
    /// its own.
    pub fn of(
        corpus: &Corpus,
        started: Instant,
        out: Option<PathBuf>,
        partial: Option<PathBuf>,
    ) -> Summary {
        Summary {
            articles: corpus.articles as usize,
            skipped: corpus.skipped.len(),
            words: corpus.tokens,
            bytes: corpus.bytes,
            quotes: corpus.quotes as usize,
            reported: corpus.reported as usize,
            unattributed: corpus.unattributed(),
            stray_marks: corpus.stray_marks,
            quoted_terms: corpus.quoted_terms,
            unparsed_dates: corpus.unparsed_dates,
            long_tokens: corpus.long_tokens,
            elapsed: started.elapsed(),
            stages: Vec::new(),
            report_parts: None,
            out,
            partial,
        }
    }
}
