//! The speed floor for the benchmark: read every file, tokenize with broadsheet's own
//! tokenizer and folding, count words in a hash map, nothing else. broadsheet's full
//! analysis is measured against this (`bench/run.sh`).
//!
//! Usage: `cargo run --release --example floor -- DIR [JOBS]`

use broadsheet::text::tokenize;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::PathBuf;

/// The same allocator as broadsheet, so the ratio measures the analysis, not malloc.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: floor DIR [JOBS]"));
    let jobs: usize = args
        .next()
        .map_or(0, |j| j.parse().expect("JOBS is a number"));
    let started = std::time::Instant::now();
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .expect("thread pool");
    let (counts, bytes) = pool.install(|| {
        paths
            .par_iter()
            .fold(
                || (FxHashMap::<String, u64>::default(), 0u64),
                |(mut map, mut bytes), path| {
                    if let Ok(raw) = std::fs::read(path) {
                        bytes += raw.len() as u64;
                        let text = String::from_utf8_lossy(&raw);
                        for (_, token) in tokenize::words(&text) {
                            if let Some(word) = tokenize::fold(token) {
                                match map.get_mut(word.as_ref()) {
                                    Some(n) => *n += 1,
                                    None => {
                                        map.insert(word.into_owned(), 1);
                                    }
                                }
                            }
                        }
                    }
                    (map, bytes)
                },
            )
            .reduce(
                || (FxHashMap::default(), 0),
                |(mut a, ab), (b, bb)| {
                    for (k, v) in b {
                        *a.entry(k).or_insert(0) += v;
                    }
                    (a, ab + bb)
                },
            )
    });
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "floor: {} files, {} distinct words, {:.1} MB in {:.2} s, {:.1} MB/s",
        paths.len(),
        counts.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
