//! Counts broken down by the articles' metadata: quotes per speaker per outlet, and words
//! per period of time. Built at report time from the tables and the per-article word
//! counts the corpus already holds, so they need no extra state during the analysis.

use super::tables::{QuoteOut, Said};
use crate::analyze::ArticleRow;
use crate::corpus::words::WordTable;
use crate::ingest::formats::dates::Period;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::cmp::Reverse;

#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct SpeakerOutletOut {
    pub outlet: String,
    pub speaker: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub quotes: u64,
    pub reported: u64,
    pub quoted_words: u64,
    pub articles: u64,
}

#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct PeriodWordOut {
    pub period: String,
    pub word: String,
    pub count: u64,
    pub articles: u64,
    /// Per million word tokens of that period's articles, two decimals.
    pub per_million: String,
}

/// `speakers_by_outlet.csv`: quotes per (outlet, speaker) for articles with an outlet,
/// summed one article at a time.
#[derive(Debug, Default)]
pub struct OutletTally {
    by: FxHashMap<(String, String, &'static str), Said>,
    outlets: FxHashSet<String>,
}

impl OutletTally {
    /// One article's outlet (empty: none) and its quotes.
    pub fn add(&mut self, outlet: &str, quotes: &[QuoteOut]) {
        if outlet.is_empty() {
            return;
        }
        if !self.outlets.contains(outlet) {
            self.outlets.insert(outlet.to_string());
        }
        let mut seen: FxHashSet<(&str, &'static str)> = FxHashSet::default();
        for q in quotes
            .iter()
            .filter(|q| super::tables::names_someone(&q.speaker))
        {
            let first = seen.insert((&q.speaker, q.speaker_type));
            let e = self
                .by
                .entry((outlet.to_string(), q.speaker.clone(), q.speaker_type))
                .or_default();
            e.add(Said::of(q, first));
        }
    }

    /// Distinct outlets of the articles.
    pub fn outlets(&self) -> usize {
        self.outlets.len()
    }

    /// The rows by outlet, then quotes desc, ties alphabetical.
    pub fn rows(self) -> Vec<SpeakerOutletOut> {
        let mut rows: Vec<SpeakerOutletOut> = self
            .by
            .into_iter()
            .map(|((o, s, k), said)| SpeakerOutletOut {
                outlet: o,
                speaker: s,
                kind: k,
                quotes: said.quotes,
                reported: said.reported,
                quoted_words: said.words,
                articles: said.articles,
            })
            .collect();
        rows.sort_by(|a, b| {
            (
                &a.outlet,
                Reverse(a.quotes),
                Reverse(a.reported),
                &a.speaker,
                a.kind,
            )
                .cmp(&(
                    &b.outlet,
                    Reverse(b.quotes),
                    Reverse(b.reported),
                    &b.speaker,
                    b.kind,
                ))
        });
        rows
    }
}

/// Word counts per period, for every word of the dated articles.
pub struct PeriodWords<'w> {
    /// Periods with at least one dated article, in time order.
    pub periods: Vec<String>,
    /// Word tokens of each period's articles.
    pub tokens: Vec<u64>,
    /// Articles in each period.
    pub articles: Vec<u64>,
    /// Each period's index in `counts`, by its index in `periods`; and the reverse.
    counted_as: Vec<usize>,
    order: Vec<usize>,
    /// The corpus's words, which name the ids in `counts`.
    words: &'w WordTable,
    /// The builder's tallies as they were summed, [`period_word`] -> (count, articles):
    /// the largest table of a dated run, so it is read where it is, not copied into
    /// another keyed by the periods' order.
    counts: FxHashMap<u64, (u64, u64)>,
}

/// A (period index, word id) key as one integer: the table holds an entry for nearly
/// every word in every period (a million for two years by month of the benchmark's
/// records), and a `(usize, u32)` key takes 16 bytes where this takes 8.
fn period_word(period: usize, word: u32) -> u64 {
    (period as u64) << 32 | u64::from(word)
}

fn split_key(k: u64) -> (usize, u32) {
    ((k >> 32) as usize, k as u32)
}

/// [`PeriodWords`] summed one dated article at a time.
///
/// Words come by their id in the corpus's word table ([`WordTable::id`], looked up while
/// the article's rows are built in parallel): a dated article adds every one of its words
/// here, on the one thread that appends the per-article tables, so this adds integers.
#[derive(Debug)]
pub struct PeriodBuilder {
    period: Period,
    /// Period labels in the order first seen, with their index.
    ids: FxHashMap<String, usize>,
    tokens: Vec<u64>,
    articles: Vec<u64>,
    /// [`period_word`] -> (count, articles).
    counts: FxHashMap<u64, (u64, u64)>,
}

impl PeriodBuilder {
    pub fn new(period: Period) -> PeriodBuilder {
        PeriodBuilder {
            period,
            ids: FxHashMap::default(),
            tokens: Vec::new(),
            articles: Vec::new(),
            counts: FxHashMap::default(),
        }
    }

    /// One article, its words by id: counted only when it has a date.
    pub fn add(&mut self, row: &ArticleRow, terms: &[(u32, u32)]) {
        let Some(date) = row.date else { return };
        let label = self.period.label(date);
        let next = self.ids.len();
        let i = *self.ids.entry(label).or_insert(next);
        if i == self.tokens.len() {
            self.tokens.push(0);
            self.articles.push(0);
        }
        self.tokens[i] += row.words;
        self.articles[i] += 1;
        for &(w, n) in terms {
            let e = self.counts.entry(period_word(i, w)).or_default();
            e.0 += u64::from(n);
            e.1 += 1;
        }
    }

    /// The table, periods in time order; `words` names the ids [`PeriodBuilder::add`]
    /// was given.
    pub fn finish(self, words: &WordTable) -> PeriodWords<'_> {
        let mut periods: Vec<(String, usize)> = self.ids.into_iter().collect();
        periods.sort();
        let counted_as: Vec<usize> = periods.iter().map(|&(_, old)| old).collect();
        let mut order = vec![0; periods.len()];
        for (new, &old) in counted_as.iter().enumerate() {
            order[old] = new;
        }
        PeriodWords {
            tokens: counted_as.iter().map(|&old| self.tokens[old]).collect(),
            articles: counted_as.iter().map(|&old| self.articles[old]).collect(),
            periods: periods.into_iter().map(|(p, _)| p).collect(),
            counted_as,
            order,
            words,
            counts: self.counts,
        }
    }
}

/// The first `k` of `v` in the order `by` (a total order), sorted; the rest dropped
/// unsorted.
fn top_sorted<T>(mut v: Vec<T>, k: usize, by: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    if k == 0 {
        return Vec::new();
    }
    if v.len() > k {
        v.select_nth_unstable_by(k - 1, &by);
        v.truncate(k);
    }
    v.sort_unstable_by(by);
    v
}

impl PeriodWords<'_> {
    fn name(&self, w: u32) -> &str {
        self.words.name(w).map_or("", |n| n.as_str())
    }

    fn per_million(&self, period: usize, count: u64) -> f64 {
        match self.tokens[period] {
            0 => 0.0,
            t => count as f64 * 1e6 / t as f64,
        }
    }

    /// `words_by_<period>.csv`: each period's `top` words; by period, then count desc,
    /// ties alphabetical.
    pub fn rows(&self, top: usize) -> Vec<PeriodWordOut> {
        let mut per: Vec<Vec<(&str, u64, u64)>> = vec![Vec::new(); self.periods.len()];
        for (&k, &(n, a)) in &self.counts {
            let (p, w) = split_key(k);
            per[self.order[p]].push((self.name(w), n, a));
        }
        let mut out = Vec::new();
        for (p, words) in per.into_iter().enumerate() {
            // Words are distinct within a period, so the order is total.
            let by = |a: &(&str, u64, u64), b: &(&str, u64, u64)| {
                (Reverse(a.1), a.0).cmp(&(Reverse(b.1), b.0))
            };
            for (w, n, a) in top_sorted(words, top, by) {
                out.push(PeriodWordOut {
                    period: self.periods[p].clone(),
                    word: w.to_string(),
                    count: n,
                    articles: a,
                    per_million: format!("{:.2}", self.per_million(p, n)),
                });
            }
        }
        out
    }

    /// The `k` most frequent words over all dated articles, each with its rate per
    /// million words in every period: the lines of the words-over-time chart.
    pub fn lines(&self, k: usize) -> Vec<(String, Vec<f64>)> {
        let mut total = vec![0u64; self.words.len()];
        for (&k, &(n, _)) in &self.counts {
            let (_, w) = split_key(k);
            total[w as usize] += n;
        }
        let words: Vec<(u32, u64)> = (0..).zip(total).filter(|&(_, n)| n > 0).collect();
        let name = |w: u32| self.name(w);
        let by = |a: &(u32, u64), b: &(u32, u64)| {
            (Reverse(a.1), name(a.0)).cmp(&(Reverse(b.1), name(b.0)))
        };
        top_sorted(words, k, by)
            .into_iter()
            .map(|(w, _)| {
                let ys = (0..self.periods.len())
                    .map(|p| {
                        let key = period_word(self.counted_as[p], w);
                        let n = self.counts.get(&key).map_or(0, |c| c.0);
                        self.per_million(p, n)
                    })
                    .collect();
                (name(w).to_string(), ys)
            })
            .collect()
    }
}

/// The grouped bars of quotes per top speaker per outlet: the `speakers` most-quoted
/// speakers (over articles with an outlet), and for each the quotes in each of the
/// `outlets` busiest outlets; the other outlets are summed as "other outlets".
pub fn speaker_outlet_groups(
    rows: &[SpeakerOutletOut],
    speakers: usize,
    outlets: usize,
) -> (Vec<String>, Vec<String>, Vec<Vec<u64>>) {
    let mut by_speaker: FxHashMap<&str, u64> = FxHashMap::default();
    let mut by_outlet: FxHashMap<&str, u64> = FxHashMap::default();
    for r in rows {
        *by_speaker.entry(&r.speaker).or_default() += r.quotes;
        *by_outlet.entry(&r.outlet).or_default() += r.quotes;
    }
    let ranked = |m: FxHashMap<&str, u64>| {
        let mut v: Vec<(&str, u64)> = m.into_iter().collect();
        v.sort_unstable_by(|a, b| (Reverse(a.1), a.0).cmp(&(Reverse(b.1), b.0)));
        v.into_iter()
            .map(|(k, _)| k.to_string())
            .collect::<Vec<_>>()
    };
    let top_speakers: Vec<String> = ranked(by_speaker).into_iter().take(speakers).collect();
    let all_outlets = ranked(by_outlet);
    let mut series: Vec<String> = all_outlets.iter().take(outlets).cloned().collect();
    let other = all_outlets.len() > outlets;
    if other {
        series.push("other outlets".to_string());
    }
    let mut values = vec![vec![0u64; series.len()]; top_speakers.len()];
    for r in rows {
        let Some(s) = top_speakers.iter().position(|x| *x == r.speaker) else {
            continue;
        };
        let o = series[..outlets.min(series.len())]
            .iter()
            .position(|x| *x == r.outlet)
            .unwrap_or(series.len() - 1);
        values[s][o] += r.quotes;
    }
    (top_speakers, series, values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::quotes::word_count;

    fn q(article: &str, speaker: &str, quote: &str) -> QuoteOut {
        QuoteOut {
            article: article.into(),
            start: 0,
            end: 1,
            quote: quote.into(),
            speaker: speaker.into(),
            speaker_mention: speaker.into(),
            speaker_type: "PERSON",
            cue: "said".into(),
            kind: "direct",
            speaker_gender: "",
            unclosed: "",
            words: word_count(quote),
        }
    }

    fn row(article: &str, outlet: &str) -> ArticleRow {
        ArticleRow {
            outlet: outlet.into(),
            date: None,
            url: String::new(),
            date_unparsed: false,
            article: article.into(),
            title: String::new(),
            encoding: crate::article::Encoding::Utf8,
            bytes: 0,
            words: 0,
            sentences: 0,
            paragraphs: 0,
            quotes: 0,
            mentions: 0,
        }
    }

    #[test]
    fn words_are_counted_by_period_and_ranked() {
        let dated = |date: &str, words: u64| ArticleRow {
            date: crate::ingest::formats::dates::parse(date),
            words,
            ..row("a", "")
        };
        let mut words = WordTable::default();
        let mut terms = |t: &[(&str, u32)]| -> Vec<(u32, u32)> {
            let one = crate::corpus::Tally {
                count: 1,
                articles: 1,
            };
            t.iter().map(|&(w, n)| (words.add(w, one), n)).collect()
        };
        let mut b = PeriodBuilder::new(Period::Month);
        b.add(
            &dated("2019-03-04", 10),
            &terms(&[("iran", 3), ("deal", 1)]),
        );
        b.add(&dated("2019-01-02", 4), &terms(&[("zeta", 2), ("deal", 2)]));
        b.add(&dated("2019-03-20", 5), &terms(&[("iran", 1)]));
        b.add(&row("undated", ""), &terms(&[("iran", 100)]));
        let pw = b.finish(&words);
        assert_eq!(pw.periods, ["2019-01", "2019-03"]);
        assert_eq!(
            (pw.tokens.clone(), pw.articles.clone()),
            (vec![4, 15], vec![1, 2])
        );
        let rows: Vec<_> = pw
            .rows(1)
            .into_iter()
            .map(|r| (r.period, r.word, r.count, r.articles, r.per_million))
            .collect();
        // January's tie (2 and 2) goes to the word first in the alphabet.
        assert_eq!(
            rows,
            [
                ("2019-01".into(), "deal".into(), 2, 1, "500000.00".into()),
                ("2019-03".into(), "iran".into(), 4, 2, "266666.67".into()),
            ]
        );
        assert_eq!(pw.rows(10).len(), 2 + 2);
        assert!(pw.rows(0).is_empty());
        // Totals: iran 4, deal 3, zeta 2.
        let lines = pw.lines(2);
        assert_eq!(
            lines,
            [
                ("iran".to_string(), vec![0.0, 4e6 / 15.0]),
                ("deal".to_string(), vec![500_000.0, 1e6 / 15.0]),
            ]
        );
        assert_eq!(pw.lines(5).len(), 3);
    }

    #[test]
    fn quotes_are_counted_per_outlet_and_speaker() {
        let rows = [
            row("a", "Ledger"),
            row("b", "Ledger"),
            row("c", "Gazette"),
            row("d", ""),
        ];
        let quotes = [
            q("a", "Ann Lee", "one two"),
            q("b", "Ann Lee", "three"),
            q("b", "Bo Kim", "four"),
            q("c", "Ann Lee", "five six seven"),
            q("d", "Ann Lee", "no outlet, left out"),
            q("a", "", "no speaker, left out"),
        ];
        let tally = || {
            let mut t = OutletTally::default();
            for r in &rows {
                let mine: Vec<QuoteOut> = quotes
                    .iter()
                    .filter(|q| q.article == r.article)
                    .cloned()
                    .collect();
                t.add(&r.outlet, &mine);
            }
            t
        };
        assert_eq!(tally().outlets(), 2);
        let got: Vec<(String, String, u64, u64, u64)> = tally()
            .rows()
            .into_iter()
            .map(|r| (r.outlet, r.speaker, r.quotes, r.quoted_words, r.articles))
            .collect();
        let s = String::from;
        assert_eq!(
            got,
            [
                (s("Gazette"), s("Ann Lee"), 1, 3, 1),
                (s("Ledger"), s("Ann Lee"), 2, 3, 2),
                (s("Ledger"), s("Bo Kim"), 1, 1, 1),
            ]
        );
        let (speakers, series, values) = speaker_outlet_groups(&tally().rows(), 5, 1);
        assert_eq!(speakers, ["Ann Lee", "Bo Kim"]);
        assert_eq!(series, ["Ledger", "other outlets"]);
        assert_eq!(values, [vec![2, 1], vec![1, 0]]);
    }
}
