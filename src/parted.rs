//! A counting map in cache-sized parts, updated in batches.
//!
//! The corpus tallies (words, phrases, lower-case forms, entity pairs) outgrow the CPU
//! caches early: over BBC + Reuters the phrase map alone holds about a million keys, tens of
//! MB. Every article adds a few hundred keys at scattered places, and in one big map nearly
//! each of those lookups was a cache miss (a sixth of the whole run at `--jobs 1` on the
//! benchmark corpus). Here an update first waits in a small buffer for its part (chosen by
//! hash), and a part's buffer is applied a batch at a time, to a map a sixty-fourth the size
//! that stays in cache while the batch is applied.
//!
//! Updates are only buffered by [`PartedMap::add`]; reading needs the buffers applied first
//! ([`PartedMap::settle`]). A read of an unsettled map panics rather than miss counts.

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;
use std::borrow::Borrow;
use std::hash::{BuildHasher, Hash};

/// A value updates add into.
pub trait Add {
    fn add(&mut self, other: Self);
}

impl Add for u64 {
    fn add(&mut self, other: u64) {
        *self += other;
    }
}

const PART_BITS: u32 = 6;
const PARTS: usize = 1 << PART_BITS;
/// The hash bits that pick a part. `FxHasher` rotates its product left by 26 when it
/// finishes; hashbrown takes a bucket from the low bits of that and a tag from the top
/// seven. Bits 48..54 come from neither, so within a part both keep their full spread.
const PART_SHIFT: u32 = 48;
/// Updates a part buffers before they are applied: enough that applying them is a run of
/// lookups in one cache-sized map, few enough that the buffers of all parts stay small
/// (64 parts x 1024 updates, a few MB per map and thread).
const BATCH: usize = 1024;

#[derive(Debug, Clone)]
pub struct PartedMap<K, V> {
    /// Tables taking the hash computed once per update: it picks the part, then the bucket.
    parts: Vec<HashTable<(K, V)>>,
    pending: Vec<Vec<(u64, K, V)>>,
    /// Updates buffered and not yet applied.
    unsettled: usize,
}

impl<K, V> Default for PartedMap<K, V> {
    fn default() -> Self {
        PartedMap {
            parts: (0..PARTS).map(|_| HashTable::new()).collect(),
            pending: (0..PARTS).map(|_| Vec::new()).collect(),
            unsettled: 0,
        }
    }
}

fn hash<Q: Hash + ?Sized>(key: &Q) -> u64 {
    FxBuildHasher.hash_one(key)
}

fn part_of(hash: u64) -> usize {
    (hash >> PART_SHIFT) as usize & (PARTS - 1)
}

/// Adds into the table's entry for `key` (inserted if new).
fn add_into<K: Hash + Eq, V: Add>(table: &mut HashTable<(K, V)>, h: u64, key: K, value: V) {
    match table.find_mut(h, |(k, _)| *k == key) {
        Some((_, e)) => e.add(value),
        None => {
            table.insert_unique(h, (key, value), |(k, _)| hash(k));
        }
    }
}

impl<K: Hash + Eq, V: Add> PartedMap<K, V> {
    /// Adds `value` to the key's entry (inserted if new), once the part's batch is applied.
    pub fn add(&mut self, key: K, value: V) {
        let h = hash(&key);
        let p = part_of(h);
        let pending = &mut self.pending[p];
        if pending.capacity() == 0 {
            pending.reserve_exact(BATCH);
        }
        pending.push((h, key, value));
        self.unsettled += 1;
        if pending.len() >= BATCH {
            self.apply(p);
        }
    }

    fn apply(&mut self, p: usize) {
        let part = &mut self.parts[p];
        let pending = &mut self.pending[p];
        self.unsettled -= pending.len();
        for (h, k, v) in pending.drain(..) {
            add_into(part, h, k, v);
        }
    }

    /// Applies every buffered update: needed before any read.
    pub fn settle(&mut self) {
        if self.unsettled == 0 {
            return;
        }
        for p in 0..PARTS {
            self.apply(p);
            // A settled map keeps no buffers: most maps are read, not added to, from now.
            self.pending[p] = Vec::new();
        }
    }

    /// Adds every entry of `other` into this map; the result is settled. Parts merge in
    /// parallel (they hold different keys).
    pub fn merge(&mut self, mut other: PartedMap<K, V>)
    where
        K: Send,
        V: Send,
    {
        self.settle();
        other.settle();
        let pairs = self.parts.par_iter_mut().zip(other.parts.into_par_iter());
        pairs.for_each(|(mine, theirs)| {
            // The smaller part into the larger.
            let (mut into, from) = if mine.len() >= theirs.len() {
                (std::mem::take(mine), theirs)
            } else {
                (theirs, std::mem::take(mine))
            };
            for (k, v) in from {
                add_into(&mut into, hash(&k), k, v);
            }
            *mine = into;
        });
    }

    fn settled(&self) -> &[HashTable<(K, V)>] {
        assert_eq!(
            self.unsettled, 0,
            "a PartedMap read before its buffered updates were applied (settle)"
        );
        &self.parts
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let h = hash(key);
        self.settled()[part_of(h)]
            .find(h, |(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.settled().iter().map(HashTable::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entries in no particular order (callers sort).
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.settled()
            .iter()
            .flat_map(|p| p.iter().map(|(k, v)| (k, v)))
    }
}

impl<K, V, Q> std::ops::Index<&Q> for PartedMap<K, V>
where
    K: Hash + Eq + Borrow<Q>,
    V: Add,
    Q: Hash + Eq + ?Sized,
{
    type Output = V;

    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("key in the map")
    }
}

impl<K: Hash + Eq, V: Add> IntoIterator for PartedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<HashTable<(K, V)>>>;

    fn into_iter(mut self) -> Self::IntoIter {
        self.settle();
        self.parts.into_iter().flatten()
    }
}

impl<K: Hash + Eq, V: Add> FromIterator<(K, V)> for PartedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = PartedMap::default();
        for (k, v) in iter {
            m.add(k, v);
        }
        m.settle();
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    fn sorted(m: &PartedMap<u32, u64>) -> Vec<(u32, u64)> {
        let mut v: Vec<(u32, u64)> = m.iter().map(|(k, v)| (*k, *v)).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn counts_match_a_plain_map_across_batches_and_merges() {
        // Enough updates that every part applies several batches; keys repeat.
        let updates: Vec<(u32, u64)> = (0..300_000u32).map(|i| (i * 7919 % 50_000, 1)).collect();
        let mut plain: FxHashMap<u32, u64> = FxHashMap::default();
        for &(k, v) in &updates {
            *plain.entry(k).or_default() += v;
        }
        let mut want: Vec<(u32, u64)> = plain.into_iter().collect();
        want.sort_unstable();

        let mut whole = PartedMap::default();
        for &(k, v) in &updates {
            whole.add(k, v);
        }
        whole.settle();
        assert_eq!(sorted(&whole), want);
        assert_eq!(whole.len(), want.len());
        assert_eq!(whole.get(&7919), Some(&6));

        let (left, right) = updates.split_at(123_457);
        let mut a: PartedMap<u32, u64> = PartedMap::default();
        let mut b: PartedMap<u32, u64> = PartedMap::default();
        left.iter().for_each(|&(k, v)| a.add(k, v));
        right.iter().for_each(|&(k, v)| b.add(k, v));
        // Merged unsettled, either way round.
        let (mut ab, mut ba) = (a.clone(), b.clone());
        ab.merge(b);
        ba.merge(a);
        assert_eq!(sorted(&ab), want);
        assert_eq!(sorted(&ba), want);
    }

    #[test]
    #[should_panic(expected = "settle")]
    fn reading_before_settling_panics() {
        let mut m: PartedMap<u32, u64> = PartedMap::default();
        m.add(1, 1);
        let _ = m.get(&1);
    }

    #[test]
    fn string_keys_are_found_by_str() {
        let mut m: PartedMap<compact_str::CompactString, u64> = PartedMap::default();
        m.add("iran".into(), 2);
        m.add("iran".into(), 3);
        m.settle();
        assert_eq!(m.get("iran"), Some(&5));
        assert_eq!(m.get("syria"), None);
    }
}
