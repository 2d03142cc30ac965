//! The entity tagger: a first-order sequence model over a sentence's tokens (BIO tags for
//! person, organisation, place and "other name"), trained as an averaged structured
//! perceptron and decoded with Viterbi.
//!
//! Why this model: it learns from the annotated Reuters text what hand-written rules kept
//! getting wrong (clubs named after towns, names no list knows, lines in capitals), it is
//! small enough to ship inside the binary, and decoding costs a few hash look-ups per
//! capitalised token. The weights are trained by `cargo run --release --example
//! train_entities` and committed as `data/entities.model`; see `data/SOURCES.md`.
//!
//! "Other name" (nationalities, events, works, awards) is learned so that "World Cup" and
//! "Oscar" are told apart from people and organisations; it is never reported.

use super::EntityType;
use std::io::Read;
use std::sync::OnceLock;

/// Tags: outside, then begin/inside for each kind.
pub const LABELS: usize = 9;
pub const O: u8 = 0;

/// The kind a tag names, `None` for outside and for "other name".
pub fn tag_kind(tag: u8) -> Option<EntityType> {
    match tag {
        1 | 2 => Some(EntityType::Person),
        3 | 4 => Some(EntityType::Org),
        5 | 6 => Some(EntityType::Place),
        _ => None,
    }
}

/// The begin tag of a gold type as written in annotations (PER, ORG, LOC, MISC).
pub fn begin_tag(kind: &str) -> Option<u8> {
    match kind {
        "PER" => Some(1),
        "ORG" => Some(3),
        "LOC" => Some(5),
        "MISC" => Some(7),
        _ => None,
    }
}

pub fn is_begin(tag: u8) -> bool {
    tag % 2 == 1
}

/// Whether `tag` may follow `prev` (`None` at a sentence start): an inside tag continues a
/// name of its own kind.
#[inline]
fn allowed(prev: Option<u8>, tag: u8) -> bool {
    if tag == O || is_begin(tag) {
        return true;
    }
    matches!(prev, Some(p) if p != O && p.div_ceil(2) == tag.div_ceil(2))
}

/// What a token may be tagged: [`OUTSIDE`] only (no candidate), [`NO_INSIDE`] (outside, or
/// the start of a name, when punctuation parts it from the token before), or [`ANY`].
pub type Slot = u8;
pub const OUTSIDE: Slot = 0;
pub const NO_INSIDE: Slot = 1;
pub const ANY: Slot = 2;

fn slot_allows(slot: Slot, tag: u8) -> bool {
    match slot {
        OUTSIDE => tag == O,
        NO_INSIDE => tag == O || is_begin(tag),
        _ => true,
    }
}

/// Named spans of a tag sequence, as `(first, last, begin tag)` token indexes.
pub fn spans(tags: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, &t) in tags.iter().enumerate() {
        // Most tokens are outside every name, with none open: nothing to close or start.
        if t == O && open.is_none() {
            continue;
        }
        let continues = t != O && !is_begin(t) && open.is_some_and(|(_, b)| b + 1 == t);
        if continues {
            continue;
        }
        if let Some((s, b)) = open.take() {
            out.push((s, i - 1, b));
        }
        if t != O {
            // An inside tag with nothing to continue starts a name of its kind.
            open = Some((i, if is_begin(t) { t } else { t - 1 }));
        }
    }
    if let Some((s, b)) = open {
        out.push((s, tags.len() - 1, b));
    }
    out
}

/// Feature hash -> weight row, open addressing with linear probing. The hashes are FNV
/// outputs, already well mixed, so they index the table directly: one probe, most often,
/// with no hashing of its own (this look-up is most of the tagger's cost).
struct Index {
    /// (feature hash, row): side by side, so a probe reads one cache line.
    slots: Vec<(u64, u32)>,
    mask: usize,
    len: usize,
}

/// Marks an empty slot; a feature whose hash is 0 is stored as 1.
const EMPTY: u64 = 0;

impl Index {
    fn with_capacity(n: usize) -> Index {
        let size = (n * 2).next_power_of_two().max(16);
        Index {
            slots: vec![(EMPTY, 0); size],
            mask: size - 1,
            len: 0,
        }
    }

    fn slot(&self, key: u64) -> usize {
        ((key ^ (key >> 29)) as usize) & self.mask
    }

    fn insert(&mut self, key: u64, row: u32) {
        let key = key.max(1);
        let mut i = self.slot(key);
        while self.slots[i].0 != EMPTY && self.slots[i].0 != key {
            i = (i + 1) & self.mask;
        }
        if self.slots[i].0 == EMPTY {
            self.len += 1;
        }
        self.slots[i] = (key, row);
    }

    #[inline]
    fn get(&self, key: u64) -> Option<u32> {
        let key = key.max(1);
        let mut i = self.slot(key);
        loop {
            let (k, row) = self.slots[i];
            if k == key {
                return Some(row);
            }
            if k == EMPTY {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Trained weights: for each feature hash, one weight per tag; and tag-to-tag weights.
pub struct Model {
    index: Index,
    /// The weights as stored, and the factor that turns them into scores.
    quantised: Vec<[i16; LABELS]>,
    scale: f32,
    /// `trans[prev][tag]`, with row `LABELS` for the sentence start.
    trans: [[f32; LABELS]; LABELS + 1],
}

const MAGIC: &[u8; 8] = b"BSNER\x00\x00\x01";

/// The shipped models: `data/entities.model`, gzip-compressed, compiled into the binary.
static SHIPPED: &[u8] = include_bytes!("../../../data/entities.model");

/// The two passes over an article: the first tags each sentence alone; the second sees, as
/// features, how the first tagged the same words elsewhere in the article
/// ([`super::features::DocLabels`]), so a name keeps one type throughout.
pub struct Tagger {
    pub first: Model,
    pub second: Model,
    /// Both models' weights under one index, for the binary's hot path: one probe per
    /// feature gives both passes' weights, in one cache line.
    joint: Joint,
}

/// Both models' weights of a feature, quantised as in the file: the first model's nine,
/// then the second's.
type JointRow = [i16; 2 * LABELS];

/// A feature's hash beside both models' weights, so a probe that finds the feature has
/// its weights in the same cache line (or the next, fetched with it): one memory access
/// per feature instead of two, which is most of what tagging costs.
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct JointSlot {
    key: u64,
    w: JointRow,
}

/// Feature hash -> both models' weights, open addressing with linear probing over
/// [`JointSlot`]s (the same probe sequence as [`Index`]).
struct Joint {
    slots: Vec<JointSlot>,
    mask: usize,
    scales: [f32; 2],
}

impl Joint {
    fn new(first: &Model, second: &Model) -> Joint {
        let mut index = Index::with_capacity(first.index.len + second.index.len);
        let mut rows: Vec<(u64, JointRow)> = Vec::new();
        for (m, part) in [(first, 0), (second, 1)] {
            for &(key, row) in &m.index.slots {
                if key == EMPTY {
                    continue;
                }
                let at = match index.get(key) {
                    Some(at) => at as usize,
                    None => {
                        index.insert(key, rows.len() as u32);
                        rows.push((key, [0; 2 * LABELS]));
                        rows.len() - 1
                    }
                };
                rows[at].1[part * LABELS..][..LABELS].copy_from_slice(&m.quantised[row as usize]);
            }
        }
        let size = (rows.len() * 2).next_power_of_two().max(16);
        let mut joint = Joint {
            slots: vec![
                JointSlot {
                    key: EMPTY,
                    w: [0; 2 * LABELS]
                };
                size
            ],
            mask: size - 1,
            scales: [first.scale, second.scale],
        };
        for (key, w) in rows {
            let mut i = joint.home(key);
            while joint.slots[i].key != EMPTY {
                i = (i + 1) & joint.mask;
            }
            joint.slots[i] = JointSlot { key, w };
        }
        joint
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        ((key ^ (key >> 29)) as usize) & self.mask
    }

    #[inline]
    fn get(&self, key: u64) -> Option<&JointRow> {
        let key = key.max(1);
        let mut i = self.home(key);
        loop {
            let s = &self.slots[i];
            if s.key == key {
                return Some(&s.w);
            }
            if s.key == EMPTY {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Asks the CPU to start fetching a feature's slot, so that the look-ups of a
    /// sentence's features overlap instead of waiting on memory one after another.
    #[inline]
    fn prefetch(&self, key: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            let at = self.home(key.max(1));
            let p = self.slots.as_ptr().wrapping_add(at) as *const i8;
            // SAFETY: `at` is masked into the table; prefetching has no effect on memory
            // and cannot fault.
            unsafe {
                use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                _mm_prefetch(p, _MM_HINT_T0);
                _mm_prefetch(p.wrapping_add(47), _MM_HINT_T0);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }
}

impl Tagger {
    /// Adds the features' weights to both passes' scores, in the features' order (so the
    /// sums are those of [`Model::add_emissions`], bit for bit).
    #[inline]
    pub fn add_both(&self, feats: &[u64], first: &mut [f32; LABELS], second: &mut [f32; LABELS]) {
        let [s1, s2] = self.joint.scales;
        // Summed in local copies, which stay in registers from feature to feature; the
        // same additions in the same order as into the arrays themselves.
        let (mut a, mut b) = (*first, *second);
        for &h in feats {
            if let Some(w) = self.joint.get(h) {
                for t in 0..LABELS {
                    a[t] += w[t] as f32 * s1;
                    b[t] += w[LABELS + t] as f32 * s2;
                }
            }
        }
        (*first, *second) = (a, b);
    }

    /// Starts fetching the weights of these features (see [`Joint::prefetch`]).
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        for &h in feats {
            self.joint.prefetch(h);
        }
    }
}

impl Tagger {
    pub fn get() -> &'static Tagger {
        static T: OnceLock<Tagger> = OnceLock::new();
        T.get_or_init(|| {
            Tagger::from_gzip(SHIPPED).unwrap_or_else(|_| {
                let (first, second) = (Model::empty(), Model::empty());
                let joint = Joint::new(&first, &second);
                Tagger {
                    first,
                    second,
                    joint,
                }
            })
        })
    }

    pub fn from_gzip(bytes: &[u8]) -> std::io::Result<Tagger> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut raw)?;
        let bad = || std::io::Error::new(std::io::ErrorKind::InvalidData, "not a tagger file");
        let mut r = Reader { b: &raw, at: 0 };
        let mut part = || -> std::io::Result<Model> {
            let n = u32::from_le_bytes(r.array().ok_or_else(bad)?) as usize;
            Model::from_bytes(r.take(n).ok_or_else(bad)?)
        };
        let first = part()?;
        let second = part()?;
        let joint = Joint::new(&first, &second);
        Ok(Tagger {
            first,
            second,
            joint,
        })
    }

    /// The two models' bytes ([`Trainer::to_bytes`]) as one gzip file.
    pub fn pack(first: &[u8], second: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut raw = Vec::with_capacity(first.len() + second.len() + 8);
        for part in [first, second] {
            raw.extend_from_slice(&(part.len() as u32).to_le_bytes());
            raw.extend_from_slice(part);
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, &raw)?;
        gz.finish()
    }
}

impl Model {
    /// A model that tags nothing: what an empty or unreadable weights file gives, so the
    /// project builds and its trainer runs before any model exists.
    pub fn empty() -> Model {
        Model {
            index: Index::with_capacity(0),
            quantised: Vec::new(),
            scale: 1.0,
            trans: [[0.0; LABELS]; LABELS + 1],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.index.len == 0
    }

    pub fn features(&self) -> usize {
        self.index.len
    }

    /// Adds the weights of the given features to `out`, in their order (so a sum built in
    /// two calls equals the sum over both lists in one).
    #[inline]
    pub fn add_emissions(&self, feats: &[u64], out: &mut [f32; LABELS]) {
        for &h in feats {
            if let Some(row) = self.index.get(h) {
                for (o, &w) in out.iter_mut().zip(&self.quantised[row as usize]) {
                    *o += w as f32 * self.scale;
                }
            }
        }
    }

    /// The best tags of a sentence from its tokens' emission scores and slots.
    pub fn decode(&self, emissions: &[[f32; LABELS]], slots: &[Slot], out: &mut Vec<u8>) {
        viterbi(emissions, slots, &self.trans, out);
    }

    /// The best tags for a sentence, given each token's features (`offsets` as from
    /// [`super::features::Featurizer::sentence`]) and which tokens are candidates.
    pub fn tag(&self, offsets: &[u32], feats: &[u64], slots: &[Slot], out: &mut Vec<u8>) {
        let n = slots.len();
        out.clear();
        if self.is_empty() || slots.iter().all(|&c| c == OUTSIDE) {
            out.resize(n, O);
            return;
        }
        let mut emissions = vec![[0.0f32; LABELS]; n];
        for i in 0..n {
            if slots[i] != OUTSIDE {
                let f = &feats[offsets[i] as usize..offsets[i + 1] as usize];
                self.add_emissions(f, &mut emissions[i]);
            }
        }
        viterbi(&emissions, slots, &self.trans, out);
    }

    pub fn from_bytes(b: &[u8]) -> std::io::Result<Model> {
        let bad = || std::io::Error::new(std::io::ErrorKind::InvalidData, "not an entity model");
        let mut r = Reader { b, at: 0 };
        if r.take(8).ok_or_else(bad)? != MAGIC {
            return Err(bad());
        }
        let scale = f32::from_le_bytes(r.array().ok_or_else(bad)?);
        let mut trans = [[0.0; LABELS]; LABELS + 1];
        for row in trans.iter_mut() {
            for t in row.iter_mut() {
                *t = f32::from_le_bytes(r.array().ok_or_else(bad)?);
            }
        }
        let n = u32::from_le_bytes(r.array().ok_or_else(bad)?) as usize;
        let mut index = Index::with_capacity(n);
        for row in 0..n {
            index.insert(u64::from_le_bytes(r.array().ok_or_else(bad)?), row as u32);
        }
        let mut quantised = Vec::with_capacity(n);
        for _ in 0..n {
            let mut q = [0i16; LABELS];
            for v in q.iter_mut() {
                *v = i16::from_le_bytes(r.array().ok_or_else(bad)?);
            }
            quantised.push(q);
        }
        Ok(Model {
            index,
            quantised,
            scale,
            trans,
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.at..self.at + n)?;
        self.at += n;
        Some(s)
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }
}

/// Best tag sequence under emission and transition scores, each token's tag allowed by its
/// slot. A token that can only be outside parts the sentence into stretches that are
/// decoded one by one (exactly: each stretch starts after an outside tag, or at the
/// sentence's start, and ends before one, or at its end), so the cost follows the few
/// candidate tokens, not the sentence's length.
fn viterbi(
    emissions: &[[f32; LABELS]],
    slots: &[Slot],
    trans: &[[f32; LABELS]; LABELS + 1],
    out: &mut Vec<u8>,
) {
    let n = emissions.len();
    out.clear();
    out.resize(n, O);
    let mut i = 0;
    while i < n {
        if slots[i] == OUTSIDE {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && slots[i] != OUTSIDE {
            i += 1;
        }
        let from = if start == 0 { LABELS } else { O as usize };
        let to_outside = (i < n).then_some(O as usize);
        stretch(
            &emissions[start..i],
            &slots[start..i],
            trans,
            from,
            to_outside,
            &mut out[start..i],
        );
    }
}

/// `ALLOWED_AFTER[p][t]`: whether tag `t` may follow tag `p` ([`allowed`]): any tag may
/// precede outside or a begin tag; an inside tag `t` may follow only its begin tag and
/// itself.
const ALLOWED_AFTER: [[bool; LABELS]; LABELS] = {
    let mut a = [[false; LABELS]; LABELS];
    let mut p = 0;
    while p < LABELS {
        let mut t = 0;
        while t < LABELS {
            a[p][t] = t == O as usize
                || t % 2 == 1
                || (p != O as usize && p.div_ceil(2) == t.div_ceil(2));
            t += 1;
        }
        p += 1;
    }
    a
};

/// Viterbi over one stretch of candidate tokens: `from` is the row of the tag before it
/// (the sentence start, or outside), `to` the tag after it, if any.
fn stretch(
    emissions: &[[f32; LABELS]],
    slots: &[Slot],
    trans: &[[f32; LABELS]; LABELS + 1],
    from: usize,
    to: Option<usize>,
    out: &mut [u8],
) {
    const NEG: f32 = f32::NEG_INFINITY;
    let n = emissions.len();
    let prev_tag = (from != LABELS).then_some(from as u8);
    let mut score = [NEG; LABELS];
    // Back pointers: on the stack for the usual stretch of a few tokens.
    let mut short = [[0u8; LABELS]; 16];
    let mut long = Vec::new();
    let back: &mut [[u8; LABELS]] = if n <= short.len() {
        &mut short[..n]
    } else {
        long.resize(n, [0u8; LABELS]);
        &mut long
    };
    for t in 0..LABELS as u8 {
        if slot_allows(slots[0], t) && allowed(prev_tag, t) {
            score[t as usize] = emissions[0][t as usize] + trans[from][t as usize];
        }
    }
    for i in 1..n {
        // For each tag, the best tag before it: the tags before are taken in rising
        // order, and a later one must score higher to win. A pair `allowed` rules out is
        // left out by a constant table, so the loops unroll into straight-line code with
        // no branch to mispredict. A tag ruled out so far scores minus infinity, which
        // plus a (finite) weight stays minus infinity and beats nothing.
        let mut best = [NEG; LABELS];
        let mut ptr = [0u8; LABELS];
        for p in 0..LABELS {
            for t in 0..LABELS {
                if ALLOWED_AFTER[p][t] {
                    let s = score[p] + trans[p][t];
                    if s > best[t] {
                        best[t] = s;
                        ptr[t] = p as u8;
                    }
                }
            }
        }
        for t in 0..LABELS {
            if slot_allows(slots[i], t as u8) {
                score[t] = best[t] + emissions[i][t];
            } else {
                score[t] = NEG;
                ptr[t] = 0;
            }
        }
        back[i] = ptr;
    }
    let mut last = 0u8;
    let mut best = NEG;
    for t in 0..LABELS as u8 {
        let s = score[t as usize] + to.map_or(0.0, |o| trans[t as usize][o]);
        if score[t as usize] > NEG && s > best {
            best = s;
            last = t;
        }
    }
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
}

/// One training sentence: features interned to dense ids, candidates, gold tags.
pub struct Example {
    pub offsets: Vec<u32>,
    pub feats: Vec<u32>,
    pub slots: Vec<Slot>,
    pub gold: Vec<u8>,
}

/// Averaged structured perceptron over interned features (Collins 2002), with the usual
/// lazy averaging: `avg = w - u / c`.
pub struct Trainer {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: [[f32; LABELS]; LABELS + 1],
    tu: [[f32; LABELS]; LABELS + 1],
    c: f32,
}

impl Trainer {
    pub fn new(features: usize) -> Trainer {
        Trainer {
            w: vec![0.0; features * LABELS],
            u: vec![0.0; features * LABELS],
            tw: [[0.0; LABELS]; LABELS + 1],
            tu: [[0.0; LABELS]; LABELS + 1],
            c: 1.0,
        }
    }

    fn emissions(&self, ex: &Example, avg: bool) -> Vec<[f32; LABELS]> {
        let n = ex.slots.len();
        let mut em = vec![[0.0f32; LABELS]; n];
        for (i, e) in em.iter_mut().enumerate() {
            if ex.slots[i] == OUTSIDE {
                continue;
            }
            for &f in &ex.feats[ex.offsets[i] as usize..ex.offsets[i + 1] as usize] {
                let base = f as usize * LABELS;
                let (w, u) = (&self.w[base..][..LABELS], &self.u[base..][..LABELS]);
                for ((e, w), u) in e.iter_mut().zip(w).zip(u) {
                    *e += if avg { w - u / self.c } else { *w };
                }
            }
        }
        em
    }

    pub fn predict(&self, ex: &Example, avg: bool, out: &mut Vec<u8>) {
        let em = self.emissions(ex, avg);
        let trans = if avg { self.averaged_trans() } else { self.tw };
        viterbi(&em, &ex.slots, &trans, out);
    }

    fn averaged_trans(&self) -> [[f32; LABELS]; LABELS + 1] {
        let mut t = self.tw;
        for (row, urow) in t.iter_mut().zip(&self.tu) {
            for (v, u) in row.iter_mut().zip(urow) {
                *v -= u / self.c;
            }
        }
        t
    }

    /// One perceptron step on one sentence; returns whether it was tagged right.
    pub fn learn(&mut self, ex: &Example, scratch: &mut Vec<u8>) -> bool {
        self.predict(ex, false, scratch);
        let right = *scratch == ex.gold;
        if !right {
            let c = self.c;
            for i in 0..ex.gold.len() {
                let (g, p) = (ex.gold[i] as usize, scratch[i] as usize);
                let (gp, pp) = if i == 0 {
                    (LABELS, LABELS)
                } else {
                    (ex.gold[i - 1] as usize, scratch[i - 1] as usize)
                };
                if g != p || gp != pp {
                    self.tw[gp][g] += 1.0;
                    self.tu[gp][g] += c;
                    self.tw[pp][p] -= 1.0;
                    self.tu[pp][p] -= c;
                }
                if g != p {
                    for &f in &ex.feats[ex.offsets[i] as usize..ex.offsets[i + 1] as usize] {
                        let base = f as usize * LABELS;
                        self.w[base + g] += 1.0;
                        self.u[base + g] += c;
                        self.w[base + p] -= 1.0;
                        self.u[base + p] -= c;
                    }
                }
            }
        }
        self.c += 1.0;
        right
    }

    /// The averaged weights as a model's bytes, keeping only features whose weights
    /// survive quantisation; `hashes[id]` is the hash of interned feature `id`.
    pub fn to_bytes(&self, hashes: &[u64]) -> Vec<u8> {
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.c)
            .collect();
        let max = avg.iter().fold(0.0f32, |m, v| m.max(v.abs())).max(1e-6);
        let scale = max / i16::MAX as f32;
        let mut rows: Vec<(u64, [i16; LABELS])> = Vec::new();
        for (id, &h) in hashes.iter().enumerate() {
            let mut q = [0i16; LABELS];
            for t in 0..LABELS {
                q[t] = (avg[id * LABELS + t] / scale).round() as i16;
            }
            if q.iter().any(|&v| v != 0) {
                rows.push((h, q));
            }
        }
        rows.sort_by_key(|r| r.0);
        let mut raw = Vec::with_capacity(rows.len() * (8 + 2 * LABELS) + 512);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&scale.to_le_bytes());
        for row in self.averaged_trans() {
            for t in row {
                raw.extend_from_slice(&t.to_le_bytes());
            }
        }
        raw.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (h, _) in &rows {
            raw.extend_from_slice(&h.to_le_bytes());
        }
        for (_, q) in &rows {
            for v in q {
                raw.extend_from_slice(&v.to_le_bytes());
            }
        }
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_bio_and_repair_a_stray_inside_tag() {
        // O B-PER I-PER O I-ORG B-LOC B-LOC
        let tags = [0, 1, 2, 0, 4, 5, 5];
        assert_eq!(spans(&tags), [(1, 2, 1), (4, 4, 3), (5, 5, 5), (6, 6, 5)]);
    }

    #[test]
    fn the_table_of_tags_that_may_follow_is_allowed() {
        for p in 0..LABELS as u8 {
            for t in 0..LABELS as u8 {
                assert_eq!(
                    ALLOWED_AFTER[p as usize][t as usize],
                    allowed(Some(p), t),
                    "{p} {t}"
                );
            }
        }
    }

    /// Viterbi as first written: for each tag, each tag allowed before it in rising order,
    /// ruled-out tags skipped. The decoder must give the same tags, ties included.
    fn reference_viterbi(
        em: &[[f32; LABELS]],
        slots: &[Slot],
        trans: &[[f32; LABELS]; LABELS + 1],
    ) -> Vec<u8> {
        const NEG: f32 = f32::NEG_INFINITY;
        let n = em.len();
        let mut score = [NEG; LABELS];
        let mut back = vec![[0u8; LABELS]; n];
        for t in 0..LABELS as u8 {
            if slot_allows(slots[0], t) && allowed(None, t) {
                score[t as usize] = em[0][t as usize] + trans[LABELS][t as usize];
            }
        }
        for i in 1..n {
            let mut next = [NEG; LABELS];
            for t in 0..LABELS as u8 {
                if !slot_allows(slots[i], t) {
                    continue;
                }
                let (mut best, mut arg) = (NEG, 0u8);
                for p in 0..LABELS as u8 {
                    let s = score[p as usize];
                    if s == NEG || !allowed(Some(p), t) {
                        continue;
                    }
                    let s = s + trans[p as usize][t as usize];
                    if s > best {
                        (best, arg) = (s, p);
                    }
                }
                if best > NEG {
                    next[t as usize] = best + em[i][t as usize];
                    back[i][t as usize] = arg;
                }
            }
            score = next;
        }
        let (mut last, mut best) = (0u8, NEG);
        for t in 0..LABELS as u8 {
            if score[t as usize] > NEG && score[t as usize] > best {
                (best, last) = (score[t as usize], t);
            }
        }
        let mut out = vec![last; n];
        for i in (1..n).rev() {
            out[i - 1] = back[i][out[i] as usize];
        }
        out
    }

    #[test]
    fn the_decoder_gives_the_tags_of_the_reference_ties_included() {
        // Small integer scores, so that ties are common.
        let mut seed = 12345u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for _ in 0..3000 {
            let n = 1 + next(20) as usize;
            let mut trans = [[0.0f32; LABELS]; LABELS + 1];
            for row in trans.iter_mut() {
                for v in row.iter_mut() {
                    *v = next(5) as f32 - 2.0;
                }
            }
            let em: Vec<[f32; LABELS]> = (0..n)
                .map(|_| std::array::from_fn(|_| next(5) as f32 - 2.0))
                .collect();
            let slots: Vec<Slot> = (0..n)
                .map(|i| [ANY, NO_INSIDE][usize::from(i > 0 && next(4) == 0)])
                .collect();
            let mut out = Vec::new();
            viterbi(&em, &slots, &trans, &mut out);
            assert_eq!(
                out,
                reference_viterbi(&em, &slots, &trans),
                "{em:?} {slots:?}"
            );
        }
    }

    #[test]
    fn viterbi_never_continues_a_name_of_another_kind() {
        let mut em = vec![[0.0; LABELS]; 2];
        em[0][1] = 5.0; // B-PER
        em[0][3] = -100.0; // B-ORG: ruled out
        em[1][4] = 9.0; // I-ORG: not allowed after B-PER
        em[1][2] = 1.0; // I-PER
        let mut out = Vec::new();
        viterbi(&em, &[ANY, ANY], &[[0.0; LABELS]; LABELS + 1], &mut out);
        assert_eq!(out, [1, 2]);
    }

    #[test]
    fn a_name_does_not_run_on_across_punctuation() {
        let mut em = vec![[0.0; LABELS]; 2];
        em[0][1] = 5.0;
        em[1][2] = 9.0; // I-PER, but the slot says a comma parts the two tokens
        let mut out = Vec::new();
        viterbi(
            &em,
            &[ANY, NO_INSIDE],
            &[[0.0; LABELS]; LABELS + 1],
            &mut out,
        );
        assert_eq!(out, [1, 0]);
    }

    #[test]
    fn a_token_that_is_no_candidate_is_outside() {
        let mut em = vec![[0.0; LABELS]; 2];
        em[1][1] = 9.0;
        let mut out = Vec::new();
        viterbi(&em, &[ANY, OUTSIDE], &[[0.0; LABELS]; LABELS + 1], &mut out);
        assert_eq!(out[1], O);
    }

    #[test]
    fn a_trained_model_survives_its_file_format() {
        // Two features; feature 0 means B-PER, feature 1 means O.
        let ex = Example {
            offsets: vec![0, 1, 2],
            feats: vec![0, 1],
            slots: vec![ANY, ANY],
            gold: vec![1, 0],
        };
        let mut t = Trainer::new(2);
        let mut scratch = Vec::new();
        for _ in 0..5 {
            t.learn(&ex, &mut scratch);
        }
        let bytes = t.to_bytes(&[11, 22]);
        let tagger = Tagger::from_gzip(&Tagger::pack(&bytes, &bytes).unwrap()).unwrap();
        let mut out = Vec::new();
        for m in [&tagger.first, &tagger.second] {
            m.tag(&[0, 1, 2], &[11, 22], &[ANY, ANY], &mut out);
            assert_eq!(out, [1, 0]);
        }
        assert!(Tagger::from_gzip(b"junk").is_err());
    }
}
