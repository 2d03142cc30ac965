//! Per-stage cost on a folder of articles, one thread: `cargo run --release --example
//! stage_cost -- DIR`. Prints the best of three timings of the word-frequency stage, the
//! name stage and the quote stage (given the names, which it shares with the entity stage).

use broadsheet::analyze::{names, quotes, words};
use broadsheet::ingest;
use broadsheet::text::stopwords::StopWords;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn best<T>(mut f: impl FnMut() -> T) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: stage_cost DIR"));
    let found = ingest::discover(&[dir], None);
    let articles: Vec<_> = found
        .sources
        .iter()
        .filter_map(|s| ingest::load(s, u64::MAX).ok())
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let stop = StopWords::english();
    let mentions: Vec<_> = articles.iter().map(names::find).collect();
    if std::env::var_os("ONLY_NAMES").is_some() {
        // For profiling: the name stage alone, several times.
        for _ in 0..5 {
            for a in &articles {
                std::hint::black_box(names::find(a));
            }
        }
        return;
    }
    if std::env::var_os("ONLY_QUOTES").is_some() {
        // For profiling: the quote stage alone, many times.
        for _ in 0..20 {
            for (a, m) in articles.iter().zip(&mentions) {
                std::hint::black_box(quotes::find(a, m));
            }
        }
        return;
    }
    let w = best(|| {
        articles
            .iter()
            .map(|a| words::count(a, stop).tokens)
            .sum::<u64>()
    });
    let n = best(|| articles.iter().map(|a| names::find(a).len()).sum::<usize>());
    let q = best(|| {
        articles
            .iter()
            .zip(&mentions)
            .map(|(a, m)| quotes::find(a, m).quotes.len())
            .sum::<usize>()
    });
    let found: usize = articles
        .iter()
        .zip(&mentions)
        .map(|(a, m)| quotes::find(a, m).quotes.len())
        .sum();
    println!(
        "{} articles, {:.1} MB, {} quotes\nwords  {:>8.1} ms\nnames  {:>8.1} ms\nquotes {:>8.1} ms ({:.1}% of words)",
        articles.len(),
        bytes as f64 / 1e6,
        found,
        w.as_secs_f64() * 1e3,
        n.as_secs_f64() * 1e3,
        q.as_secs_f64() * 1e3,
        100.0 * q.as_secs_f64() / w.as_secs_f64()
    );
}
