//! Corpus totals: every per-article result merged.
//!
//! `Corpus` is a monoid (`Default` + [`Corpus::merge`]), so rayon can fold articles into
//! one corpus per thread and reduce those without locks, in any grouping. Anything whose
//! order depends on that grouping (vectors, hash maps) is sorted by the report stage.

use crate::analyze::names::{self, EntityType};
use crate::analyze::quotes::Quote;
use crate::analyze::{ArticleAnalysis, ArticleRow};
use crate::ingest::Skip;
use rustc_hash::FxHashMap;

/// How often a word or phrase occurs, and in how many articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: u64,
    pub articles: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.count += other.count;
        self.articles += other.articles;
    }
}

/// One article's kept words with their counts, for TF-IDF once document frequencies are known.
#[derive(Debug, Clone, PartialEq)]
pub struct DocTerms {
    pub article: String,
    pub terms: Vec<(String, u32)>,
}

#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<ArticleRow>,
    pub skipped: Vec<Skip>,
    pub words: FxHashMap<String, Tally>,
    pub bigrams: FxHashMap<String, Tally>,
    pub doc_terms: Vec<DocTerms>,
    /// Mentions per canonical name (as resolved within each article) and type: the
    /// evidence for merging aliases across articles ([`Corpus::aliases`]).
    pub names: FxHashMap<(String, EntityType), u64>,
    /// Every quotation with the article it came from; sorted (article, start) at report time.
    pub quotes: Vec<(String, Quote)>,
    /// Quotation marks that could not be paired, over all articles.
    pub stray_marks: u64,
    /// Short unattributed quoted terms, over all articles.
    pub quoted_terms: u64,
    /// Every word token read, stop words and numbers included.
    pub tokens: u64,
    pub bytes: u64,
}

impl Corpus {
    /// Folds one article's outcome in (the `fold` step of the parallel pipeline).
    pub fn with(mut self, outcome: Result<ArticleAnalysis, Skip>) -> Corpus {
        match outcome {
            Err(skip) => self.skipped.push(skip),
            Ok(a) => {
                self.tokens += a.words.tokens;
                self.bytes += a.row.bytes;
                for (w, &n) in &a.words.terms {
                    add_count(&mut self.words, w, n);
                }
                for (p, &n) in &a.words.bigrams {
                    add_count(&mut self.bigrams, p, n);
                }
                self.stray_marks += u64::from(a.stray_marks);
                self.quoted_terms += u64::from(a.quoted_terms);
                self.quotes
                    .extend(a.quotes.into_iter().map(|q| (a.row.article.clone(), q)));
                for m in &a.mentions {
                    *self.names.entry((m.canonical.clone(), m.kind)).or_insert(0) += 1;
                }
                let mut terms: Vec<(String, u32)> = a.words.terms.into_iter().collect();
                terms.shrink_to_fit();
                self.doc_terms.push(DocTerms {
                    article: a.row.article.clone(),
                    terms,
                });
                self.articles.push(a.row);
            }
        }
        self
    }

    /// Merges two partial corpora (the `reduce` step). Order of arguments does not matter
    /// to the reports.
    pub fn merge(self, other: Corpus) -> Corpus {
        // Merge the smaller maps into the larger to keep the reduction cheap.
        let (mut big, small) = if self.words.len() >= other.words.len() {
            (self, other)
        } else {
            (other, self)
        };
        big.articles.extend(small.articles);
        big.skipped.extend(small.skipped);
        big.doc_terms.extend(small.doc_terms);
        big.quotes.extend(small.quotes);
        big.stray_marks += small.stray_marks;
        big.quoted_terms += small.quoted_terms;
        big.tokens += small.tokens;
        big.bytes += small.bytes;
        merge_tallies(&mut big.words, small.words);
        merge_tallies(&mut big.bigrams, small.bigrams);
        for (k, n) in small.names {
            *big.names.entry(k).or_insert(0) += n;
        }
        big
    }

    /// Quotations with no speaker found.
    pub fn unattributed(&self) -> usize {
        self.quotes
            .iter()
            .filter(|(_, q)| q.speaker.is_empty())
            .count()
    }

    /// Corpus-level aliases: name as resolved in one article -> the one canonical name
    /// used in every table ("Assad" -> "Bashar Al-Assad" when that full name occurs
    /// somewhere in the corpus). Names missing from the map are already canonical.
    pub fn aliases(&self) -> FxHashMap<String, String> {
        names::corpus_aliases(self.names.iter().map(|((n, k), c)| (n.as_str(), *k, *c)))
    }
}

fn add_count(map: &mut FxHashMap<String, Tally>, key: &str, n: u32) {
    let t = Tally {
        count: u64::from(n),
        articles: 1,
    };
    match map.get_mut(key) {
        Some(existing) => existing.add(t),
        None => {
            map.insert(key.to_string(), t);
        }
    }
}

fn merge_tallies(into: &mut FxHashMap<String, Tally>, from: FxHashMap<String, Tally>) {
    for (k, t) in from {
        into.entry(k).or_default().add(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{self, Options};
    use crate::article::{Article, Encoding};
    use crate::text::stopwords::StopWords;

    fn analysed(id: &str, text: &str) -> ArticleAnalysis {
        let a = Article::new(id.into(), text.into(), Encoding::Utf8);
        analyze::article(
            &a,
            Options {
                stopwords: StopWords::english(),
            },
        )
    }

    #[test]
    fn merge_in_any_grouping_gives_the_same_totals() {
        let items = [
            analysed("a", "Iran and Syria"),
            analysed("b", "Iran again, Iran"),
            analysed("c", "Syria"),
        ];
        let left = Corpus::default().with(Ok(items[0].clone())).merge(
            Corpus::default()
                .with(Ok(items[1].clone()))
                .with(Ok(items[2].clone())),
        );
        let right = Corpus::default()
            .with(Ok(items[2].clone()))
            .with(Ok(items[0].clone()))
            .merge(Corpus::default().with(Ok(items[1].clone())));
        for c in [&left, &right] {
            assert_eq!(
                c.words["iran"],
                Tally {
                    count: 3,
                    articles: 2
                }
            );
            assert_eq!(
                c.words["syria"],
                Tally {
                    count: 2,
                    articles: 2
                }
            );
            assert_eq!(c.articles.len(), 3);
            assert_eq!(c.tokens, 7);
        }
    }
}
