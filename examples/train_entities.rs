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

use broadsheet::analyze::names::features::{self, DocContext, DocLabels, Featurizer};
use broadsheet::analyze::names::model::{self, Example, Tagger, Trainer, O};
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
    /// Each token as written and whether it is a candidate, for the second pass's features.
    words: Vec<String>,
    candidate: Vec<bool>,
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
                        tags.insert(
                            t.span.start,
                            if t.span.start == e.start { b } else { b + 1 },
                        );
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
            let spans = s
                .tokens
                .iter()
                .map(|t| (t.span.start, t.span.end))
                .collect();
            let words = s.tokens.iter().map(|t| t.text.to_string()).collect();
            let candidate = s.tokens.iter().map(|t| t.candidate).collect();
            out.push(Hashed {
                words,
                candidate,
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
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    }
}

/// Scores the tagger on sentences; the gold of names the tokens cannot express counts as
/// missed (`unaligned` of them).
fn score(sents: &[Hashed], unaligned: usize, mut tag: impl FnMut(&Hashed, &mut Vec<u8>)) -> Score {
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

/// The sentences with the second pass's features added, from first-pass tags per sentence
/// (`first[i]` for `sents[i]`), each document's tags pooled as the binary pools them.
fn second_pass(sents: &[Hashed], first: &[Vec<u8>]) -> Vec<Hashed> {
    let mut labels: FxHashMap<usize, DocLabels> = FxHashMap::default();
    for (h, tags) in sents.iter().zip(first) {
        let l = labels.entry(h.doc).or_default();
        for (w, &t) in h.words.iter().zip(tags) {
            l.add(w, t);
        }
    }
    sents
        .iter()
        .map(|h| {
            let l = &labels[&h.doc];
            let mut offsets = vec![0u32];
            let mut hashes = Vec::new();
            for i in 0..h.slots.len() {
                hashes
                    .extend_from_slice(&h.hashes[h.offsets[i] as usize..h.offsets[i + 1] as usize]);
                if h.candidate[i] {
                    l.features(&h.words[i], &mut hashes);
                }
                offsets.push(hashes.len() as u32);
            }
            Hashed {
                offsets,
                hashes,
                slots: h.slots.clone(),
                gold: h.gold.clone(),
                spans: h.spans.clone(),
                words: h.words.clone(),
                candidate: h.candidate.clone(),
                doc: h.doc,
            }
        })
        .collect()
}

/// Feature ids for the hashes seen at least `min_count` times, in hash order (so the
/// result does not depend on map order).
fn feature_ids(sents: &[Hashed], min_count: usize) -> (Vec<u64>, FxHashMap<u64, u32>) {
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for h in sents {
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
    let ids = kept
        .iter()
        .enumerate()
        .map(|(i, &h)| (h, i as u32))
        .collect();
    (kept, ids)
}

/// Trains on the examples whose index `use_it` accepts, `epochs` times over in a fixed
/// pseudo-random order; `report` is called after each epoch.
fn train_on(
    examples: &[Example],
    features: usize,
    epochs: usize,
    use_it: impl Fn(usize) -> bool,
    mut report: impl FnMut(usize, usize, &Trainer),
) -> Trainer {
    let mut t = Trainer::new(features);
    let mut order: Vec<usize> = (0..examples.len()).filter(|&i| use_it(i)).collect();
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
        report(epoch, wrong, &t);
    }
    t
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut train: Option<PathBuf> = None;
    let mut dev: Vec<PathBuf> = Vec::new();
    let mut epochs = 12usize;
    let mut min_count = 2usize;
    let mut folds = 5usize;
    let mut out = PathBuf::from("data/entities.model");
    while let Some(a) = args.next() {
        let mut number = |what: &str| -> usize {
            args.next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{what} N"))
        };
        match a.as_str() {
            "--dev" => dev.push(args.next().expect("--dev FILE").into()),
            "--epochs" => epochs = number("--epochs"),
            "--min-count" => min_count = number("--min-count"),
            "--folds" => folds = number("--folds").max(2),
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
    let devs: Vec<(PathBuf, Vec<Hashed>, usize)> = dev
        .iter()
        .map(|p| {
            let (s, _, u) = hash_docs(g, &read(p));
            (p.clone(), s, u)
        })
        .collect();
    let name = |p: &PathBuf| {
        p.file_stem()
            .map_or("dev".into(), |n| n.to_string_lossy().into_owned())
    };

    // First pass. Its tags on the training text, which the second pass learns from, come
    // from models that did not see that text (k folds by document), so they are as wrong
    // as they will be on new text.
    let (kept1, ids1) = feature_ids(&train_sents, min_count);
    let examples1: Vec<Example> = train_sents.iter().map(|h| intern(h, &ids1)).collect();
    let mut first_tags: Vec<Vec<u8>> = vec![Vec::new(); train_sents.len()];
    for fold in 0..folds {
        let t = train_on(
            &examples1,
            kept1.len(),
            epochs,
            |i| train_sents[i].doc % folds != fold,
            |_, _, _| {},
        );
        for (i, h) in train_sents.iter().enumerate() {
            if h.doc % folds == fold {
                t.predict(&examples1[i], true, &mut first_tags[i]);
            }
        }
        eprintln!("first pass, fold {}/{folds} tagged", fold + 1);
    }
    let t1 = train_on(
        &examples1,
        kept1.len(),
        epochs,
        |_| true,
        |epoch, wrong, _| {
            eprintln!("first pass, epoch {epoch}: {wrong} sentences wrong");
        },
    );
    let model1 = t1.to_bytes(&kept1);

    // Second pass.
    let train2 = second_pass(&train_sents, &first_tags);
    let (kept2, ids2) = feature_ids(&train2, min_count);
    let examples2: Vec<Example> = train2.iter().map(|h| intern(h, &ids2)).collect();
    let devs2: Vec<(String, Vec<Hashed>, Vec<Example>, usize)> = devs
        .iter()
        .map(|(p, sents, u)| {
            let first: Vec<Vec<u8>> = sents
                .iter()
                .map(|h| {
                    let mut tags = Vec::new();
                    t1.predict(&intern(h, &ids1), true, &mut tags);
                    tags
                })
                .collect();
            let s2 = second_pass(sents, &first);
            let ex = s2.iter().map(|h| intern(h, &ids2)).collect();
            (name(p), s2, ex, *u)
        })
        .collect();
    let t2 = train_on(
        &examples2,
        kept2.len(),
        epochs,
        |_| true,
        |epoch, wrong, t| {
            let mut line = format!("second pass, epoch {epoch}: {wrong} sentences wrong");
            for (n, sents, exs, unaligned) in &devs2 {
                let mut k = 0;
                let s = score(sents, *unaligned, |_, out| {
                    t.predict(&exs[k], true, out);
                    k += 1;
                });
                let (p, r, f) = s.f1();
                line += &format!("; {n} P {p:.3} R {r:.3} F1 {f:.3}");
            }
            eprintln!("{line}");
        },
    );
    let model2 = t2.to_bytes(&kept2);
    let bytes = Tagger::pack(&model1, &model2).expect("gzip in memory");
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));

    // Read back and score through the shipped code path, as the binary will.
    let tagger = Tagger::from_gzip(&bytes).expect("the model just written reads back");
    eprintln!(
        "wrote {} ({} bytes; {} + {} features; {:.1} s)",
        out.display(),
        bytes.len(),
        tagger.first.features(),
        tagger.second.features(),
        started.elapsed().as_secs_f64()
    );
    for (path, sents, unaligned) in &devs {
        let first: Vec<Vec<u8>> = sents
            .iter()
            .map(|h| {
                let mut tags = Vec::new();
                tagger.first.tag(&h.offsets, &h.hashes, &h.slots, &mut tags);
                tags
            })
            .collect();
        let s1 = score(sents, *unaligned, |h, out| {
            tagger.first.tag(&h.offsets, &h.hashes, &h.slots, out)
        });
        let s2 = second_pass(sents, &first);
        let s = score(&s2, *unaligned, |h, out| {
            tagger.second.tag(&h.offsets, &h.hashes, &h.slots, out)
        });
        let ((p1, r1, f1), (p, r, f)) = (s1.f1(), s.f1());
        eprintln!(
            "{}: tagger alone, first pass P {p1:.3} R {r1:.3} F1 {f1:.3}; both passes P {p:.3} R {r:.3} F1 {f:.3}",
            path.display()
        );
    }
}
