//! `gender.csv` and `gender_by_<period>.csv`: how many of the people each outlet names,
//! and of the sources it quotes, are women.
//!
//! People are counted once per article, as the Gender Gap Tracker counts them: a person
//! named in ten articles weighs ten times, as ten stories chose to name her, but a person
//! named ten times in one story weighs once. Each article's counts are made where its rows
//! are built (in parallel, [`Counts::of_article`]) and only summed here, one article at a
//! time, so the tables do not depend on the thread count and need nothing that a partial
//! result does not already carry.

use super::entities::ArticleEntity;
use super::tables::QuoteOut;
use crate::analyze::names::{EntityType, Gender};
use crate::corpus::Resolver;
use crate::ingest::formats::dates::Period;
pub use crate::outputs::{GENDER_BY_PERIOD_HEADER, GENDER_HEADER};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::cmp::Reverse;

/// The `outlet` of the row for the whole corpus.
pub const ALL: &str = "all";

/// A share from fewer women and men than this is marked on the chart: one person more or
/// less moves it by ten points or more.
pub const SMALL_DENOMINATOR: u64 = 10;

/// Outlets drawn one by one on `women_quoted.png`, as many as `speakers_by_outlet.png`
/// shows speakers: past that the bars no longer fit a screen, so the rest are summed.
pub const CHART_OUTLETS: usize = 12;

/// Index of a gender in [`Counts`]' arrays.
const WOMEN: usize = 0;
const MEN: usize = 1;
const UNKNOWN: usize = 2;

fn slot(g: Gender) -> usize {
    match g {
        Gender::Female => WOMEN,
        Gender::Male => MEN,
        Gender::Unknown => UNKNOWN,
    }
}

/// People and sources of some articles, by gender: `[women, men, unknown]`, each person
/// once per article.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub articles: u64,
    pub people: [u64; 3],
    pub sources: [u64; 3],
}

impl Counts {
    /// One article: its corpus-level entities ([`super::entities::mentions_of`]), distinct
    /// already, and its rows of `quotes.csv`, whose person speakers are made distinct
    /// here (a source quoted five times in a story is one source of it).
    pub fn of_article(
        entities: &[ArticleEntity],
        quotes: &[QuoteOut],
        resolve: &Resolver,
    ) -> Counts {
        let mut c = Counts {
            articles: 1,
            ..Counts::default()
        };
        for ((name, kind), _, _) in entities {
            if *kind == EntityType::Person {
                c.people[slot(resolve.gender(name).0)] += 1;
            }
        }
        let person = EntityType::Person.as_str();
        let mut speakers: Vec<(&str, &str)> = quotes
            .iter()
            .filter(|q| q.speaker_type == person && !q.speaker.is_empty())
            .map(|q| (q.speaker.as_str(), q.speaker_gender))
            .collect();
        speakers.sort_unstable();
        speakers.dedup_by(|a, b| a.0 == b.0);
        for (_, g) in speakers {
            // The quote's column says what `Resolver::gender` said of the speaker.
            let i = if g == Gender::Female.as_str() {
                WOMEN
            } else if g == Gender::Male.as_str() {
                MEN
            } else {
                UNKNOWN
            };
            c.sources[i] += 1;
        }
        c
    }

    pub fn add(&mut self, o: &Counts) {
        self.articles += o.articles;
        for i in 0..3 {
            self.people[i] += o.people[i];
            self.sources[i] += o.sources[i];
        }
    }

    pub fn people(&self) -> u64 {
        self.people.iter().sum()
    }

    pub fn sources(&self) -> u64 {
        self.sources.iter().sum()
    }

    /// Women among the people of known gender, and how many those are.
    pub fn women_share_people(&self) -> Share {
        Share::of(self.people)
    }

    pub fn women_share_sources(&self) -> Share {
        Share::of(self.sources)
    }
}

/// Women among the women and men of a count: the unknown are left out, since nothing says
/// which side they would fall on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub women: u64,
    /// Women and men: the denominator.
    pub known: u64,
}

impl Share {
    fn of(counts: [u64; 3]) -> Share {
        Share {
            women: counts[WOMEN],
            known: counts[WOMEN] + counts[MEN],
        }
    }

    /// `None` when no one is of known gender.
    pub fn value(self) -> Option<f64> {
        (self.known > 0).then(|| self.women as f64 / self.known as f64)
    }

    /// The table's cell: three decimals, empty without a denominator.
    pub fn cell(self) -> String {
        self.value().map_or(String::new(), |v| format!("{v:.3}"))
    }

    pub fn is_small(self) -> bool {
        self.known < SMALL_DENOMINATOR
    }
}

/// A row of `gender.csv` (`group` is the outlet) or `gender_by_<period>.csv` (the period):
/// one struct for both, since a table's header is written apart from its rows.
#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct GenderOut {
    pub group: String,
    pub articles: u64,
    pub people: u64,
    pub people_women: u64,
    pub people_men: u64,
    pub people_unknown: u64,
    pub sources: u64,
    pub sources_women: u64,
    pub sources_men: u64,
    pub sources_unknown: u64,
    pub women_share_people: String,
    pub women_share_sources: String,
}

impl GenderOut {
    pub fn of(group: &str, c: &Counts) -> GenderOut {
        GenderOut {
            group: group.to_string(),
            articles: c.articles,
            people: c.people(),
            people_women: c.people[WOMEN],
            people_men: c.people[MEN],
            people_unknown: c.people[UNKNOWN],
            sources: c.sources(),
            sources_women: c.sources[WOMEN],
            sources_men: c.sources[MEN],
            sources_unknown: c.sources[UNKNOWN],
            women_share_people: c.women_share_people().cell(),
            women_share_sources: c.women_share_sources().cell(),
        }
    }
}

/// [`Counts`] summed over the corpus, each outlet and each period.
#[derive(Debug)]
pub struct GenderTally {
    period: Period,
    all: Counts,
    outlets: FxHashMap<String, Counts>,
    periods: FxHashMap<String, Counts>,
}

/// What [`GenderTally::finish`] gives: groups with their counts, in the tables' order.
#[derive(Debug, Clone, PartialEq)]
pub struct GenderTables {
    /// The corpus ([`ALL`]) first, then each outlet by name.
    pub by_outlet: Vec<(String, Counts)>,
    /// Each period with a dated article, in time order.
    pub by_period: Vec<(String, Counts)>,
}

impl GenderTally {
    pub fn new(period: Period) -> GenderTally {
        GenderTally {
            period,
            all: Counts::default(),
            outlets: FxHashMap::default(),
            periods: FxHashMap::default(),
        }
    }

    /// One article's counts, under its outlet (empty: none) and its date's period.
    pub fn add(&mut self, outlet: &str, date: Option<chrono::NaiveDate>, c: &Counts) {
        self.all.add(c);
        if !outlet.is_empty() {
            match self.outlets.get_mut(outlet) {
                Some(o) => o.add(c),
                None => {
                    self.outlets.insert(outlet.to_string(), *c);
                }
            }
        }
        if let Some(d) = date {
            self.periods.entry(self.period.label(d)).or_default().add(c);
        }
    }

    pub fn finish(self) -> GenderTables {
        let mut outlets: Vec<(String, Counts)> = self.outlets.into_iter().collect();
        outlets.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut by_outlet = vec![(ALL.to_string(), self.all)];
        by_outlet.extend(outlets);
        // Period labels sort in time order.
        let mut by_period: Vec<(String, Counts)> = self.periods.into_iter().collect();
        by_period.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        GenderTables {
            by_outlet,
            by_period,
        }
    }
}

/// The rows of either table, in the order given.
pub fn rows(groups: &[(String, Counts)]) -> Vec<GenderOut> {
    groups.iter().map(|(g, c)| GenderOut::of(g, c)).collect()
}

/// The name of the table by period: it follows `--period`, as `words_by_<period>.csv` does.
pub fn by_period_name(period: Period) -> &'static str {
    match period {
        Period::Day => "gender_by_day.csv",
        Period::Week => "gender_by_week.csv",
        Period::Month => "gender_by_month.csv",
    }
}

/// The bars of the chart by outlet: the corpus, then the `top` outlets with the most
/// sources (ties by name), then the rest summed as one group, so that a folder of a
/// hundred outlets still gives a chart that can be read.
pub fn chart_groups(by_outlet: &[(String, Counts)], top: usize) -> Vec<(String, Counts)> {
    let Some((all, outlets)) = by_outlet.split_first() else {
        return Vec::new();
    };
    let mut ranked: Vec<&(String, Counts)> = outlets.iter().collect();
    ranked.sort_by(|a, b| (Reverse(a.1.sources()), &a.0).cmp(&(Reverse(b.1.sources()), &b.0)));
    let mut groups = vec![all.clone()];
    groups.extend(ranked.iter().take(top).map(|g| (*g).clone()));
    let rest = ranked.get(top..).unwrap_or_default();
    if !rest.is_empty() {
        let mut other = Counts::default();
        for (_, c) in rest {
            other.add(c);
        }
        groups.push((format!("{} other outlets", rest.len()), other));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_headers_differ_only_in_the_first_column() {
        assert_eq!(GENDER_HEADER[0], "outlet");
        assert_eq!(GENDER_BY_PERIOD_HEADER[0], "period");
        assert_eq!(GENDER_HEADER[1..], GENDER_BY_PERIOD_HEADER[1..]);
    }

    fn counts(articles: u64, people: [u64; 3], sources: [u64; 3]) -> Counts {
        Counts {
            articles,
            people,
            sources,
        }
    }

    #[test]
    fn articles_are_summed_by_outlet_and_period_with_shares_of_known_gender() {
        let date = |s: &str| crate::ingest::formats::dates::parse(s);
        let mut t = GenderTally::new(Period::Month);
        // Ledger: 2 articles; Gazette: 1; one with no outlet; one undated.
        t.add(
            "Ledger",
            date("2026-03-02"),
            &counts(1, [1, 2, 0], [1, 1, 0]),
        );
        t.add(
            "Ledger",
            date("2026-04-09"),
            &counts(1, [2, 0, 1], [1, 0, 1]),
        );
        t.add(
            "Gazette",
            date("2026-03-20"),
            &counts(1, [0, 3, 0], [0, 0, 0]),
        );
        t.add("", None, &counts(1, [0, 0, 2], [0, 0, 1]));
        let tables = t.finish();
        let lines = |r: Vec<GenderOut>| -> Vec<String> {
            r.into_iter()
                .map(|r| {
                    format!(
                        "{},{},{},{},{},{},{},{},{},{},{},{}",
                        r.group,
                        r.articles,
                        r.people,
                        r.people_women,
                        r.people_men,
                        r.people_unknown,
                        r.sources,
                        r.sources_women,
                        r.sources_men,
                        r.sources_unknown,
                        r.women_share_people,
                        r.women_share_sources
                    )
                })
                .collect()
        };
        // all: people women 1+2+0+0 = 3, men 2+0+3+0 = 5, unknown 0+1+0+2 = 3 -> 3/8;
        // sources women 2, men 1, unknown 2 -> 2/3.
        // Gazette: no women of 3 men -> 0.000; no sources -> empty share.
        // Ledger: people 1+2 women, 2+0 men, 0+1 unknown -> 3/5 = 0.600; sources 1+1
        // women, 1+0 men, 0+1 unknown -> 2/3 = 0.667.
        assert_eq!(
            lines(rows(&tables.by_outlet)),
            [
                "all,4,11,3,5,3,5,2,1,2,0.375,0.667",
                "Gazette,1,3,0,3,0,0,0,0,0,0.000,",
                "Ledger,2,6,3,2,1,4,2,1,1,0.600,0.667",
            ]
        );
        // March: the first Ledger article and the Gazette's; April: the second Ledger's.
        assert_eq!(
            lines(rows(&tables.by_period)),
            [
                "2026-03,2,6,1,5,0,2,1,1,0,0.167,0.500",
                "2026-04,1,3,2,0,1,2,1,0,1,1.000,1.000",
            ]
        );
    }

    #[test]
    fn shares_leave_the_unknown_out_and_small_ones_are_marked() {
        let c = counts(1, [0, 0, 4], [1, 2, 9]);
        assert_eq!(c.women_share_people().value(), None);
        assert_eq!(c.women_share_people().cell(), "");
        assert_eq!(c.women_share_sources().cell(), "0.333");
        assert!(c.women_share_sources().is_small());
        assert!(!counts(1, [5, 5, 0], [0; 3]).women_share_people().is_small());
    }

    #[test]
    fn a_chart_shows_the_corpus_and_the_outlets_with_most_sources_and_sums_the_rest() {
        let o = |name: &str, sources: u64| (name.to_string(), counts(1, [0; 3], [sources, 0, 0]));
        let table = [
            o(ALL, 10),
            o("A", 1),
            o("B", 4),
            o("C", 4),
            o("D", 0),
            o("E", 1),
        ];
        let groups = chart_groups(&table, 2);
        let names: Vec<&str> = groups.iter().map(|g| g.0.as_str()).collect();
        // B and C tie at 4 (by name); A, E and D are summed: 1 + 1 + 0 sources, 3 articles.
        assert_eq!(names, ["all", "B", "C", "3 other outlets"]);
        assert_eq!(groups[3].1, counts(3, [0; 3], [2, 0, 0]));
        assert_eq!(chart_groups(&table, 12).len(), 6);
        assert!(chart_groups(&[], 12).is_empty());
    }

    #[test]
    fn an_article_counts_each_person_once_and_each_person_speaker_once() {
        use crate::analyze::{self, Options};
        use crate::article::{Article, Encoding};
        use crate::corpus::Corpus;
        // Ms Ruiz speaks twice and is named three times; Mr Kane speaks once; the council
        // speaks but is not a person; a quote with no speaker counts for no one.
        let text = "Council vote\n\nMs Ana Ruiz met Mr Tom Kane on Monday.\n\n\
                    \"We will build it,\" Ruiz said. \"Soon,\" Ruiz added.\n\n\
                    \"Not yet,\" Kane said. \"Wait,\" the Leeds City Council said.";
        let a = Article::new("a.txt".into(), text.into(), Encoding::Utf8);
        let stopwords = crate::text::stopwords::StopWords::english();
        let corpus = Corpus::default().with(Ok(analyze::article(&a, Options { stopwords })));
        let resolve = corpus.resolver();
        let raw = corpus
            .records
            .raw_records()
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let (rec, _) = crate::record::decode_parts(&raw).unwrap();
        let mut quotes = super::super::tables::quotes_of(&rec, &resolve);
        let mut nobody = quotes[0].clone();
        nobody.speaker = String::new();
        nobody.speaker_type = "";
        nobody.speaker_gender = "";
        quotes.push(nobody);
        let (_, entities) = super::super::entities::mentions_of(&rec, &resolve);
        let speakers: Vec<(&str, &str)> = quotes
            .iter()
            .map(|q| (q.speaker.as_str(), q.speaker_type))
            .collect();
        assert_eq!(
            speakers,
            [
                ("Ana Ruiz", "PERSON"),
                ("Ana Ruiz", "PERSON"),
                ("Tom Kane", "PERSON"),
                ("Leeds City Council", "ORG"),
                ("", ""),
            ]
        );
        // People: Ana Ruiz (woman), Tom Kane (man); Leeds City Council is not one.
        assert_eq!(
            Counts::of_article(&entities, &quotes, &resolve),
            counts(1, [1, 1, 0], [1, 1, 0])
        );
    }
}
