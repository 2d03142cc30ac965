//! Shares work out to the threads of a `--jobs` pool, each thread folding what it takes
//! into an accumulator of its own, merged once at the end.
//!
//! Generic over the work item and the accumulator so that the rules of sharing can be
//! tested, and reasoned about, apart from articles and corpora: every item is folded
//! exactly once, into whichever thread's accumulator was free, so the result is the same
//! at any thread count whenever the merge does not care which items went where (the
//! corpus is a monoid and the reports sort). No locks are taken per item: the accumulators
//! are per thread, and items are handed out a take at a time.
//!
//! Why not rayon's own `fold`: it splits the work into fixed parts up front. Capped at
//! two parts per thread to bound memory (each part holds corpus-level maps until merged),
//! a thread that finished its parts sat idle while the other worked through its last one
//! (a fifth of the stage on BBC + Reuters at `--jobs 2`). Here threads ask for the next
//! take when they are free, so they finish together however unevenly the work is spread,
//! and each holds one accumulator, the least memory any parallel fold can.

use rayon::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Items a thread takes from a slice at a time ([`fold_slice`]): enough that the shared
/// counter is touched rarely, few enough that threads finish within a few items of each
/// other.
pub const QUEUE_TAKE: usize = 4;

/// Items a thread takes at a time from a stream of batches ([`Takes`]): a lock per take,
/// so more than [`QUEUE_TAKE`]'s atomic counter needs, and still only milliseconds of work.
pub const STREAM_TAKE: usize = 16;

/// One accumulator per thread of a pool, kept across any number of drains (batch after
/// batch of a stream, file after file) and merged once at the end. A fresh set per batch
/// would build every corpus-level map afresh for each batch and merge it into the total:
/// on a JSON Lines file that cost more than reading it.
pub struct PerThread<A> {
    parts: Vec<A>,
}

impl<A: Default + Send> PerThread<A> {
    /// One empty accumulator for each thread of `pool`.
    pub fn new(pool: &rayon::ThreadPool) -> PerThread<A> {
        PerThread {
            parts: (0..pool.current_num_threads().max(1))
                .map(|_| A::default())
                .collect(),
        }
    }

    /// Folds a batch in, its items shared out [`STREAM_TAKE`] at a time ([`Self::drain`]).
    pub fn fold<T: Send>(
        &mut self,
        pool: &rayon::ThreadPool,
        batch: Vec<T>,
        fold: impl Fn(&mut A, T) + Sync,
    ) {
        let (tx, takes) = Takes::channel();
        // The channel has room for one batch, and nothing takes from it yet.
        let _ = tx.send(batch);
        drop(tx);
        self.drain(pool, || takes.next(), fold);
    }

    /// Every thread of the pool folds into its own accumulator the items `next` hands out,
    /// a take at a time, until `next` has none left. A thread that finishes a take asks for
    /// the next, so no thread waits for another to finish a share fixed in advance: cut
    /// into two equal halves, the batches of the records benchmark kept one thread waiting
    /// for the other 17% of the time (3.5 s of 20 s).
    ///
    /// A panic in `fold` reaches the caller once every thread has stopped; an item whose
    /// failure should cost only itself wraps its work in [`contain`].
    pub fn drain<T: Send>(
        &mut self,
        pool: &rayon::ThreadPool,
        next: impl Fn() -> Option<Vec<T>> + Sync,
        fold: impl Fn(&mut A, T) + Sync,
    ) {
        // A slot per thread, locked once by that thread for the whole drain.
        let slots: Vec<Mutex<A>> = std::mem::take(&mut self.parts)
            .into_iter()
            .map(Mutex::new)
            .collect();
        pool.broadcast(|ctx| {
            let Some(slot) = slots.get(ctx.index()) else {
                return;
            };
            let mut acc = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            while let Some(take) = next() {
                for item in take {
                    fold(&mut acc, item);
                }
            }
        });
        self.parts = slots
            .into_iter()
            .map(|slot| {
                slot.into_inner()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
            })
            .collect();
    }

    /// One of the accumulators, for what is no thread's work (a file the reader could not
    /// open); it is merged with the others like any.
    pub fn one(&mut self) -> &mut A {
        &mut self.parts[0]
    }

    /// The accumulators merged into one, on the pool's threads.
    pub fn merge(self, pool: &rayon::ThreadPool, merge: impl Fn(A, A) -> A + Send + Sync) -> A {
        pool.install(|| self.parts.into_par_iter().reduce(A::default, merge))
    }
}

/// Folds every item of a slice, each once, into one accumulator per thread, handed out
/// [`QUEUE_TAKE`] at a time from a shared counter (an atomic, no lock), and merges those.
/// Which thread gets which item varies from run to run.
pub fn fold_slice<T: Sync, A: Default + Send>(
    pool: &rayon::ThreadPool,
    items: &[T],
    fold: impl Fn(&mut A, &T) + Sync,
    merge: impl Fn(A, A) -> A + Send + Sync,
) -> A {
    let next = AtomicUsize::new(0);
    let mut parts = PerThread::new(pool);
    parts.drain(
        pool,
        || {
            let start = next.fetch_add(QUEUE_TAKE, Ordering::Relaxed);
            let take = items.get(start..(start + QUEUE_TAKE).min(items.len()))?;
            (!take.is_empty()).then(|| take.iter().collect())
        },
        |acc, item| fold(acc, item),
    );
    parts.merge(pool, merge)
}

/// A stream's batches, handed out [`STREAM_TAKE`] items at a time to whichever thread asks.
/// The channel holds one batch: with the batch being handed out and the one the reader is
/// filling, memory holds three batches besides the takes being worked on, however long the
/// stream and however large its items (a reader bounds its batches in bytes as well as in
/// items, as `formats::read` does).
pub struct Takes<T> {
    queue: Mutex<(std::sync::mpsc::Receiver<Vec<T>>, std::vec::IntoIter<T>)>,
}

impl<T> Takes<T> {
    /// The sending end for the reader, and the takes for [`PerThread::drain`].
    pub fn channel() -> (std::sync::mpsc::SyncSender<Vec<T>>, Takes<T>) {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let queue = Mutex::new((rx, Vec::new().into_iter()));
        (tx, Takes { queue })
    }

    /// The next take: from the batch being handed out, else from the next batch (waiting
    /// for the reader). `None` once the sender is gone and every batch handed out.
    pub fn next(&self) -> Option<Vec<T>> {
        let mut queue = self.queue.lock().ok()?;
        let (batches, current) = &mut *queue;
        loop {
            let take: Vec<T> = current.by_ref().take(STREAM_TAKE).collect();
            if !take.is_empty() {
                return Some(take);
            }
            *current = batches.recv().ok()?.into_iter();
        }
    }
}

/// Runs one item's work, turning a panic into its message, so that a bug triggered by one
/// item costs that item, not the thread's accumulator or the whole run. Only the work is
/// wrapped, never the fold into the accumulator: a panic half-way through a fold would
/// leave the accumulator half-updated.
pub fn contain<R>(work: impl FnOnce() -> R) -> Result<R, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    /// What a test folds into: the items seen, in the order this thread saw them.
    type Seen = Vec<usize>;

    fn push(acc: &mut Seen, i: usize) {
        acc.push(i);
    }

    fn concat(mut a: Seen, b: Seen) -> Seen {
        a.extend(b);
        a
    }

    /// Whether `seen` holds each of `0..n` once.
    fn each_once(mut seen: Seen, n: usize) -> bool {
        seen.sort_unstable();
        seen == (0..n).collect::<Vec<_>>()
    }

    const THREADS: [usize; 4] = [1, 2, 3, 8];

    #[test]
    fn a_slice_is_folded_item_by_item_once_at_any_thread_count() {
        // Item counts around multiples of the take, so the last take is full, partial or
        // empty.
        for threads in THREADS {
            let pool = pool(threads);
            for n in [
                0,
                1,
                QUEUE_TAKE - 1,
                QUEUE_TAKE,
                QUEUE_TAKE + 1,
                10 * QUEUE_TAKE + 3,
            ] {
                let items: Vec<usize> = (0..n).collect();
                let seen = fold_slice(&pool, &items, |acc, &i| push(acc, i), concat);
                assert!(each_once(seen, n), "{threads} threads, {n} items");
            }
        }
    }

    #[test]
    fn batches_are_folded_item_by_item_once_at_any_thread_count() {
        // Batches shorter than, equal to and longer than the thread count and the take, and
        // empty ones, all into the same accumulators.
        for threads in THREADS {
            let pool = pool(threads);
            let mut parts = PerThread::new(&pool);
            let mut next = 0;
            for n in [0, 1, 2, 3, 7, 8, 9, 0, STREAM_TAKE, 41] {
                parts.fold(&pool, (next..next + n).collect(), push);
                next += n;
            }
            parts.one().push(next);
            assert!(
                each_once(parts.merge(&pool, concat), next + 1),
                "{threads} threads"
            );
        }
    }

    #[test]
    fn the_result_does_not_depend_on_the_thread_count() {
        // An order-blind merge (a sum and a sorted list) gives the same at any thread
        // count, though which thread folded which item differs.
        #[derive(Default, PartialEq, Debug)]
        struct Acc {
            sum: u64,
            squares: Vec<u64>,
        }
        let merge = |mut a: Acc, b: Acc| {
            a.sum += b.sum;
            a.squares.extend(b.squares);
            a.squares.sort_unstable();
            a
        };
        let items: Vec<u64> = (0..1000).collect();
        let results: Vec<Acc> = THREADS
            .iter()
            .map(|&threads| {
                fold_slice(
                    &pool(threads),
                    &items,
                    |acc: &mut Acc, &i| {
                        acc.sum += i;
                        acc.squares.push(i * i);
                    },
                    merge,
                )
            })
            .collect();
        assert_eq!(results[0].sum, 999 * 1000 / 2);
        assert!(results.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn a_panic_in_one_item_costs_that_item_only() {
        // Item 13 panics in its work: contained, it is folded as its failure, every other
        // item as its result, and the thread goes on with the next item.
        for threads in THREADS {
            let pool = pool(threads);
            let items: Vec<usize> = (0..50).collect();
            let (done, failed) = fold_slice(
                &pool,
                &items,
                |acc: &mut (Seen, Vec<String>), &i| match contain(|| {
                    assert!(i != 13, "item {i} is bad");
                    i
                }) {
                    Ok(i) => acc.0.push(i),
                    Err(message) => acc.1.push(message),
                },
                |mut a, b| {
                    a.0.extend(b.0);
                    a.1.extend(b.1);
                    a
                },
            );
            assert!(each_once(done.into_iter().chain([13]).collect(), 50));
            assert_eq!(failed, ["item 13 is bad"], "{threads} threads");
        }
        assert_eq!(contain(|| 5), Ok(5));
        let boxed = contain(|| std::panic::panic_any(7u8)).unwrap_err();
        assert_eq!(boxed, "panic", "a payload that is no message");
    }

    #[test]
    fn a_panic_outside_contain_reaches_the_caller_and_the_pool_goes_on() {
        // Not swallowed by a worker thread: the caller sees it (and the run stops there, as
        // any bug outside an item's work stops it).
        let pool = pool(2);
        let failed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut parts: PerThread<Seen> = PerThread::new(&pool);
            parts.fold(&pool, (0..40).collect(), |acc, i| {
                assert!(i != 5, "uncontained");
                acc.push(i)
            })
        }));
        assert!(failed.is_err());
        let mut parts = PerThread::new(&pool);
        parts.fold(&pool, (0..40).collect(), push);
        assert!(each_once(parts.merge(&pool, concat), 40));
    }

    #[test]
    fn a_stream_holds_one_batch_beside_the_one_handed_out() {
        let (tx, takes) = Takes::channel();
        let batch = |from: usize| (from..from + STREAM_TAKE + 1).collect::<Vec<usize>>();
        tx.try_send(batch(0)).unwrap();
        // Nothing taken yet: no room for a second batch, however small.
        assert!(tx.try_send(vec![99]).is_err());
        assert_eq!(takes.next(), Some((0..STREAM_TAKE).collect()));
        // The first batch is being handed out: room for one more, not two.
        tx.try_send(batch(100)).unwrap();
        assert!(tx.try_send(vec![99]).is_err());
        assert_eq!(takes.next(), Some(vec![STREAM_TAKE]));
        assert_eq!(takes.next(), Some((100..100 + STREAM_TAKE).collect()));
        assert_eq!(takes.next(), Some(vec![100 + STREAM_TAKE]));
        drop(tx);
        assert_eq!(takes.next(), None);
    }
}
