//! Per-stage benchmarks on the sample articles in `input/` (committed, so the benches run
//! from a clean clone), so a slowdown can be traced to its stage:
//! `cargo bench --bench stages [-- FILTER]`.
//!
//! Each stage is measured on all the articles at once, with the earlier stages' results
//! prepared outside the timed loop; throughput is reported in bytes of article text.

use broadsheet::analyze::{self, names, quotes, words, Options};
use broadsheet::article::Article;
use broadsheet::corpus::{Corpus, Window};
use broadsheet::ingest;
use broadsheet::ingest::formats::{dates::Period, FileKind};
use broadsheet::report::{self, ReportOptions};
use broadsheet::text::{sentences, stopwords::StopWords, tokenize};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

fn articles() -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("input");
    let found = ingest::discover(&[dir], None);
    let articles: Vec<Article> = found
        .sources
        .iter()
        .filter(|s| FileKind::of(&s.path) == FileKind::Text)
        .filter_map(|s| ingest::load(s, u64::MAX).ok())
        .collect();
    assert!(!articles.is_empty(), "input/ holds the bench articles");
    articles
}

fn opts() -> Options<'static> {
    Options {
        stopwords: StopWords::english(),
    }
}

fn corpus(articles: &[Article]) -> Corpus {
    articles
        .iter()
        .map(|a| analyze::article(a, opts()))
        .fold(Corpus::default(), |c, a| c.with(Ok(a)))
}

fn stages(c: &mut Criterion) {
    let articles = articles();
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    let mentions: Vec<_> = articles.iter().map(names::find).collect();
    let analysed: Vec<_> = articles
        .iter()
        .map(|a| analyze::article(a, opts()))
        .collect();
    let full = corpus(&articles);
    let out = tempfile::tempdir().expect("a temp folder for the reports");
    let report_opts = ReportOptions {
        top: 20,
        keywords: 10,
        min_bigram: 2,
        raw_csv: false,
        min_count: 2,
        window: Window::Paragraph,
        period: Period::Month,
        excel: false,
    };

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for a in &articles {
                for (_, w) in tokenize::words(&a.text) {
                    n += tokenize::fold(w).map_or(0, |f| f.len());
                }
            }
            n
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            articles
                .iter()
                .flat_map(|a| {
                    a.paragraphs
                        .iter()
                        .map(|p| sentences::split(&a.text, *p).len())
                })
                .sum::<usize>()
        })
    });
    g.bench_function("article_structure", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| {
                    Article::new(a.id.clone(), a.text.clone(), a.encoding)
                        .sentences
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("words", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| words::count(a, StopWords::english()).tokens)
                .sum::<u64>()
        })
    });
    g.bench_function("names", |b| {
        b.iter(|| articles.iter().map(|a| names::find(a).len()).sum::<usize>())
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&mentions)
                .map(|(a, m)| quotes::find(a, m).quotes.len())
                .sum::<usize>()
        })
    });
    g.bench_function("analyse_article", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| analyze::article(a, opts()).mentions.len())
                .sum::<usize>()
        })
    });
    // The fold: corpus totals, entity interning and co-occurrence pairs.
    g.bench_function("cooccurrence_fold", |b| {
        b.iter_batched(
            || analysed.clone(),
            |batch| {
                batch
                    .into_iter()
                    .fold(Corpus::default(), |c, a| c.with(Ok(a)))
                    .pairs
                    .len()
            },
            criterion::BatchSize::SmallInput,
        )
    });
    g.bench_function("entity_tables", |b| {
        b.iter(|| {
            report::entities::EntityTables::build(&full, Window::Paragraph, 2)
                .expect("entity tables")
                .entities
                .len()
        })
    });
    g.finish();

    // Writing every report (CSV, PNG charts, GEXF) is dominated by drawing the charts,
    // whatever the corpus size.
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    g.bench_function("write_reports", |b| {
        b.iter(|| {
            let files = report::render(black_box(&full), &report_opts).expect("reports rendered");
            report::write_atomically(out.path(), &files).expect("reports written")
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
