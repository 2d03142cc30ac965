//! Trains the entity tagger shipped in the binary (`data/entities.model`).
//!
//! Usage:
//!   cargo run --release --example train_entities -- TRAIN.jsonl [--dev DEV.jsonl]...
//!       [--epochs N] [--min-count N] [--out data/entities.model]
//!
//! TRAIN and DEV are JSON Lines of annotated articles as in `../shared/eval`:
//! `{"id", "text", "entities": [{"start", "end", "type"}]}` with UTF-8 byte offsets and
//! CoNLL types (PER, ORG, LOC, MISC). Each article is read exactly as broadsheet reads a
//! text file, so the tagger learns on the tokens it will see. Training is deterministic:
//! the same files give the same model, byte for byte. The dev files are only scored
//! (exact span and type on PER/ORG/LOC, the rule of `score_entities.py`), never trained on.

use broadsheet::analyze::names::features::{self, DocContext, Featurizer};
use broadsheet::analyze::names::model::{self, Example, Model, Trainer, LABELS, O};
use broadsheet::analyze::names::Gazetteer;
use broadsheet::article::{Article, Encoding};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Doc {
    id: String,
    text: String,
    #[serde(default)]
    entities: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

/// A sentence as hashed features, its candidates and gold tags.
struct Hashed {
    offsets: Vec<u32>,
    hashes: Vec<u64>,
    slots: Vec<model::Slot>,
    gold: Vec<u8>,
    /// Byte span of each token, to score predicted spans against the gold.
    spans: Vec<(usize, usize)>,
    doc: usize,
}

fn read(path: &PathBuf) -> Vec<Doc> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect()
}

/// Every sentence of the documents with features and gold tags; also counts gold names the
/// tokens cannot express (a name starting or ending inside a token).
fn hash_docs(g: &Gazetteer, docs: &[Doc]) -> (Vec<Hashed>, usize, usize) {
    let mut out = Vec::new();
    let (mut golds, mut unaligned) = (0, 0);
    let mut f = Featurizer::new(g);
    for (di, d) in docs.iter().enumerate() {
        let a = Article::new(format!("{}.txt", d.id), d.text.clone(), Encoding::Utf8);
        let sents = features::sentences(&a);
        let ctx = DocContext::new(&sents);
        let mut tags: FxHashMap<usize, u8> = FxHashMap::default();
        let starts: FxHashSet<usize> = sents
            .iter()
            .flat_map(|s| s.tokens.iter().map(|t| t.span.start))
            .collect();
        let ends: FxHashSet<usize> = sents
            .iter()
            .flat_map(|s| s.tokens.iter().map(|t| t.span.end))
            .collect();
        for e in &d.entities {
            let Some(b) = model::begin_tag(&e.kind) else {
                continue;
            };
            golds += 1;
            if !(starts.contains(&e.start) && ends.contains(&e.end)) {
                unaligned += 1;
                continue;
            }
            for s in &sents {
                for t in &s.tokens {
                    if t.span.start >= e.start && t.span.end <= e.end {
                        tags.insert(t.span.start, if t.span.start == e.start { b } else { b + 1 });
                    }
                }
            }
        }
        for s in &sents {
            let (mut offsets, mut hashes) = (Vec::new(), Vec::new());
            f.sentence(&a.text, s, &ctx, &mut offsets, &mut hashes);
            let slots: Vec<model::Slot> = s.tokens.iter().map(|t| t.slot()).collect();
            let gold: Vec<u8> = s
                .tokens
                .iter()
                .map(|t| {
                    let tag = tags.get(&t.span.start).copied().unwrap_or(O);
                    match t.slot() {
                        model::OUTSIDE => O,
                        // A name the gaps part: learned as two.
                        model::NO_INSIDE if tag != O && !model::is_begin(tag) => tag - 1,
                        _ => tag,
                    }
                })
                .collect();
            let spans = s.tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
            out.push(Hashed {
                offsets,
                hashes,
                slots,
                gold,
                spans,
                doc: di,
            });
        }
    }
    (out, golds, unaligned)
}

/// Interns hashes to dense ids; a hash not in `ids` is dropped.
fn intern(h: &Hashed, ids: &FxHashMap<u64, u32>) -> Example {
    let mut offsets = vec![0u32];
    let mut feats = Vec::new();
    for i in 0..h.slots.len() {
        for x in &h.hashes[h.offsets[i] as usize..h.offsets[i + 1] as usize] {
            if let Some(&id) = ids.get(x) {
                feats.push(id);
            }
        }
        offsets.push(feats.len() as u32);
    }
    Example {
        offsets,
        feats,
        slots: h.slots.clone(),
        gold: h.gold.clone(),
    }
}

/// Named spans of PER/ORG/LOC as (doc, start byte, end byte, begin tag).
fn named(h: &Hashed, tags: &[u8]) -> Vec<(usize, usize, usize, u8)> {
    model::spans(tags)
        .into_iter()
        .filter(|&(_, _, b)| model::tag_kind(b).is_some())
        .map(|(s, e, b)| (h.doc, h.spans[s].0, h.spans[e].1, b))
        .collect()
}

struct Score {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Score {
    fn f1(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / self.pred.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    }
}

/// Scores the tagger on sentences; the gold of names the tokens cannot express counts as
/// missed (`unaligned` of them).
fn score(sents: &[Hashed], unaligned: usize, tag: impl Fn(&Hashed, &mut Vec<u8>)) -> Score {
    let mut s = Score {
        tp: 0,
        pred: 0,
        gold: 0,
    };
    let mut tags = Vec::new();
    for h in sents {
        tag(h, &mut tags);
        let gold: FxHashSet<_> = named(h, &h.gold).into_iter().collect();
        let pred = named(h, &tags);
        s.tp += pred.iter().filter(|p| gold.contains(p)).count();
        s.pred += pred.len();
        s.gold += gold.len();
    }
    s.gold += unaligned;
    s
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut train: Option<PathBuf> = None;
    let mut dev: Vec<PathBuf> = Vec::new();
    let mut epochs = 12usize;
    let mut min_count = 2usize;
    let mut out = PathBuf::from("data/entities.model");
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dev" => dev.push(args.next().expect("--dev FILE").into()),
            "--epochs" => epochs = args.next().and_then(|n| n.parse().ok()).expect("--epochs N"),
            "--min-count" => {
                min_count = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--min-count N")
            }
            "--out" => out = args.next().expect("--out FILE").into(),
            _ if train.is_none() => train = Some(a.into()),
            _ => panic!("unexpected argument {a}"),
        }
    }
    let train = train.expect("usage: train_entities TRAIN.jsonl [--dev DEV.jsonl]...");
    let g = Gazetteer::get();
    let started = std::time::Instant::now();
    let (train_sents, golds, unaligned) = hash_docs(g, &read(&train));
    eprintln!(
        "train: {} sentences, {golds} gold names, {unaligned} not on token boundaries",
        train_sents.len()
    );
    // Features seen fewer than `min_count` times are noise to a perceptron and bulk to
    // the file. Ids are given in hash order, so the result does not depend on map order.
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for h in &train_sents {
        for &x in &h.hashes {
            *counts.entry(x).or_insert(0) += 1;
        }
    }
    let mut kept: Vec<u64> = counts
        .iter()
        .filter(|&(_, &c)| c as usize >= min_count)
        .map(|(&h, _)| h)
        .collect();
    kept.sort_unstable();
    let ids: FxHashMap<u64, u32> = kept.iter().enumerate().map(|(i, &h)| (h, i as u32)).collect();
    eprintln!("features: {} kept of {}", kept.len(), counts.len());
    let examples: Vec<Example> = train_sents.iter().map(|h| intern(h, &ids)).collect();
    let devs: Vec<(PathBuf, Vec<Hashed>, usize)> = dev
        .iter()
        .map(|p| {
            let (s, _, u) = hash_docs(g, &read(p));
            (p.clone(), s, u)
        })
        .collect();
    let dev_examples: Vec<Vec<Example>> = devs
        .iter()
        .map(|(_, s, _)| s.iter().map(|h| intern(h, &ids)).collect())
        .collect();

    let mut t = Trainer::new(kept.len());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut scratch = Vec::new();
    for epoch in 1..=epochs {
        // Fisher-Yates with a fixed xorshift: a different order each epoch, the same
        // orders on every run.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let wrong = order
            .iter()
            .filter(|&&i| !t.learn(&examples[i], &mut scratch))
            .count();
        let mut line = format!("epoch {epoch}: {wrong} sentences wrong");
        for ((path, sents, unaligned), exs) in devs.iter().zip(&dev_examples) {
            let by_index: FxHashMap<*const Hashed, &Example> =
                sents.iter().zip(exs).map(|(h, e)| (h as *const _, e)).collect();
            let s = score(sents, *unaligned, |h, out| {
                t.predict(by_index[&(h as *const _)], true, out)
            });
            let (p, r, f) = s.f1();
            let name = path.file_stem().map_or("dev".into(), |n| n.to_string_lossy());
            line += &format!("; {name} P {p:.3} R {r:.3} F1 {f:.3}");
        }
        eprintln!("{line}");
    }
    let bytes = t.to_gzip(&kept).expect("gzip in memory");
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    // Read back and score through the shipped code path, as the binary will.
    let m = Model::from_gzip(&bytes).expect("the model just written reads back");
    eprintln!(
        "wrote {} ({} bytes, {} features, {:.1} s)",
        out.display(),
        bytes.len(),
        m.features(),
        started.elapsed().as_secs_f64()
    );
    for (path, sents, unaligned) in &devs {
        let s = score(sents, *unaligned, |h, out| m.tag(&h.offsets, &h.hashes, &h.slots, out));
        let (p, r, f) = s.f1();
        eprintln!(
            "{}: tagger alone P {p:.3} R {r:.3} F1 {f:.3} ({} of {} gold)",
            path.display(),
            s.tp,
            s.gold
        );
    }
    let _ = LABELS;
}
