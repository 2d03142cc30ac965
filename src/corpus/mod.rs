//! Corpus totals: every per-article result merged.
//!
//! `Corpus` is a monoid (`Default` + [`Corpus::merge`]), so rayon can fold articles into
//! one corpus per thread and reduce those without locks, in any grouping. Anything whose
//! order depends on that grouping (vectors, hash maps) is sorted by the report stage.

use crate::analyze::names::gender::{self, Evidence, Votes};
use crate::analyze::names::{self, EntityType, Gender};
use crate::analyze::quotes::{Quote, QuoteKind};
use crate::analyze::ArticleAnalysis;
use crate::ingest::Skip;
pub use crate::record::EntityKey;
use crate::record::{ArticleRecord, MentionRec};
use crate::spill::Spill;
pub use lowercase::Lowercase;
use rustc_hash::{FxHashMap, FxHashSet};
pub use words::WordTable;

pub mod lowercase;
pub mod words;

/// How often a word or phrase occurs, and in how many articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: u64,
    pub articles: u64,
}

impl Tally {
    pub(crate) fn add(&mut self, other: Tally) {
        self.count += other.count;
        self.articles += other.articles;
    }
}

/// In how many sentences, paragraphs and articles something was seen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
///
/// `u32` fields: a pair table holds one of these per distinct pair, so its size matters
/// more than headroom no corpus needs.
pub struct Units {
    pub sentences: u32,
    pub paragraphs: u32,
    pub articles: u32,
}

impl Units {
    pub fn add(&mut self, o: Units) {
        self.sentences += o.sentences;
        self.paragraphs += o.paragraphs;
        self.articles += o.articles;
    }

    /// The count at one co-occurrence window.
    pub fn at(&self, w: Window) -> u64 {
        u64::from(match w {
            Window::Sentence => self.sentences,
            Window::Paragraph => self.paragraphs,
            Window::Article => self.articles,
        })
    }
}

/// The unit two entities must share to count as seen together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Window {
    Sentence,
    #[default]
    Paragraph,
    Article,
}

#[derive(Debug, Default)]
pub struct Corpus {
    /// Articles read.
    pub articles: u64,
    /// Each article's rows for the per-article tables (articles, keywords, quotes,
    /// mentions, and the breakdowns by outlet and date), spilled out of memory until the
    /// reports stream them back in order: memory for these does not grow with the corpus.
    pub records: Spill,
    pub skipped: Vec<Skip>,
    /// Words and two-word phrases with their tallies: the tables every article's words
    /// are folded into.
    pub words: WordTable,
    /// Mentions per canonical name (as resolved within each article) and type: the
    /// evidence for merging aliases across articles ([`Corpus::aliases`]).
    pub names: FxHashMap<(String, EntityType), u64>,
    /// Article-level entities, interned: `entities[id]` is the key, `entity_ids` the way
    /// back. Pairs are stored by id so each distinct pair costs a few bytes, not two
    /// copies of two names.
    pub entities: Vec<EntityKey>,
    pub entity_ids: FxHashMap<EntityKey, u32>,
    /// Units (sentences, paragraphs, articles) each entity appears in, by id.
    pub entity_units: Vec<Units>,
    /// Units each pair of entities shares, by ids, smaller id first. Built from per-article
    /// pair sets, so memory grows with distinct pairs, not with the corpus.
    pub pairs: FxHashMap<(u32, u32), Units>,
    /// Units in the corpus: the denominators of the co-occurrence probabilities.
    pub units: Units,
    /// Lower-case occurrences of each word form: a capitalised word that is common in lower
    /// case elsewhere is evidence that it is no name ([`names::is_common_word`]).
    pub lowercase: Lowercase,
    /// Evidence of each person's gender, by the person's name as resolved within each
    /// article, summed over articles: decided per corpus-level person by [`Resolver`].
    pub genders: FxHashMap<String, Votes>,
    /// Quotations, over all articles (listed from [`Corpus::records`]).
    pub quotes: u64,
    /// Quotations with no speaker found.
    pub unattributed: u64,
    /// Pieces of reported speech, over all articles (not in `quotes`).
    pub reported: u64,
    /// Quotation marks that could not be paired, over all articles.
    pub stray_marks: u64,
    /// Short unattributed quoted terms, over all articles.
    pub quoted_terms: u64,
    /// Every word token read, stop words and numbers included.
    pub tokens: u64,
    /// Articles whose date was given but could not be read (left empty in the tables).
    pub unparsed_dates: u64,
    /// Tokens longer than [`crate::analyze::words::MAX_WORD_CHARS`], left out of the word
    /// tables.
    pub long_tokens: u64,
    pub bytes: u64,
}

impl Corpus {
    /// Folds one article's outcome in (the `fold` step of the parallel pipeline).
    pub fn with(mut self, outcome: Result<ArticleAnalysis, Skip>) -> Corpus {
        match outcome {
            Err(skip) => self.skipped.push(skip),
            Ok(a) => self.add(a),
        }
        self
    }

    fn add(&mut self, a: ArticleAnalysis) {
        self.articles += 1;
        self.tokens += a.words.tokens;
        self.bytes += a.row.bytes;
        self.unparsed_dates += u64::from(a.row.date_unparsed);
        self.long_tokens += a.words.long_tokens;
        let ids: Vec<u32> = a
            .words
            .terms
            .iter()
            .map(|(w, n)| self.words.add(w, once(*n)))
            .collect();
        for (&(first, second), &n) in &a.words.bigrams {
            let (first, second) = (ids[first as usize], ids[second as usize]);
            self.words.add_bigram(first, second, once(n));
        }
        self.stray_marks += u64::from(a.stray_marks);
        self.quoted_terms += u64::from(a.quoted_terms);
        let (quotes, reported) = count_kinds(&a.quotes);
        self.quotes += quotes.0;
        self.unattributed += quotes.1;
        self.reported += reported;
        self.units.add(Units {
            sentences: a.row.sentences as u32,
            paragraphs: a.row.paragraphs as u32,
            articles: 1,
        });
        let (keys, ents, pairs, mention_keys) = cooccurrences(&a.mentions);
        let mut per_key = vec![0u64; keys.len()];
        for &k in &mention_keys {
            per_key[k] += 1;
        }
        for (k, n) in keys.iter().zip(per_key) {
            match self.names.get_mut(k) {
                Some(c) => *c += n,
                None => {
                    self.names.insert(k.clone(), n);
                }
            }
        }
        let ids: Vec<u32> = keys
            .iter()
            .zip(ents)
            .map(|(k, u)| {
                let id = self.intern(k);
                self.entity_units[id as usize].add(u);
                id
            })
            .collect();
        for ((a, b), u) in pairs {
            self.add_pair(ids[a], ids[b], u);
        }
        self.lowercase.add(a.lowercase);
        for (name, v) in a.genders {
            self.genders.entry(name).or_default().add(&v);
        }
        // Mentions point into the record's own entity list, not at corpus ids, which
        // change when corpora merge.
        let mentions = a
            .mentions
            .iter()
            .zip(a.mention_texts)
            .zip(mention_keys)
            .map(|((m, w), k)| MentionRec {
                start: m.span.start,
                end: m.span.end,
                written: w,
                entity: k as u32,
            })
            .collect();
        self.records.push(&ArticleRecord {
            row: a.row,
            terms: a.words.terms.into_iter().collect(),
            entities: keys,
            mentions,
            quotes: a.quotes,
        });
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
        big.articles += small.articles;
        big.records.merge(small.records);
        big.skipped.extend(small.skipped);
        big.quotes += small.quotes;
        big.unattributed += small.unattributed;
        big.reported += small.reported;
        big.stray_marks += small.stray_marks;
        big.quoted_terms += small.quoted_terms;
        big.tokens += small.tokens;
        big.bytes += small.bytes;
        big.unparsed_dates += small.unparsed_dates;
        big.long_tokens += small.long_tokens;
        big.words.merge(small.words);
        for (k, n) in small.names {
            *big.names.entry(k).or_insert(0) += n;
        }
        let remap: Vec<u32> = small
            .entities
            .into_iter()
            .zip(small.entity_units)
            .map(|(k, u)| {
                let id = big.intern(&k);
                big.entity_units[id as usize].add(u);
                id
            })
            .collect();
        for ((a, b), u) in small.pairs {
            big.add_pair(remap[a as usize], remap[b as usize], u);
        }
        big.lowercase.merge(small.lowercase);
        for (name, v) in small.genders {
            big.genders.entry(name).or_default().add(&v);
        }
        big.units.add(small.units);
        big
    }

    /// The id of an entity key, added if new.
    fn intern(&mut self, k: &EntityKey) -> u32 {
        if let Some(&id) = self.entity_ids.get(k) {
            return id;
        }
        let id = self.entities.len() as u32;
        self.entities.push(k.clone());
        self.entity_ids.insert(k.clone(), id);
        self.entity_units.push(Units::default());
        id
    }

    fn add_pair(&mut self, a: u32, b: u32, u: Units) {
        let key = if a < b { (a, b) } else { (b, a) };
        self.pairs.entry(key).or_default().add(u);
    }

    /// The corpus-level canonicalisation every report uses ([`Resolver`]).
    pub fn resolver(&self) -> Resolver {
        Resolver::new(self)
    }

    /// Quotations with no speaker found.
    pub fn unattributed(&self) -> usize {
        self.unattributed as usize
    }

    /// Corpus-level aliases: name as resolved in one article -> the one canonical name
    /// used in every table ("Assad" -> "Bashar Al-Assad" when that full name occurs
    /// somewhere in the corpus). Names missing from the map are already canonical.
    pub fn aliases(&self) -> FxHashMap<String, String> {
        names::corpus_aliases(
            self.names
                .iter()
                .map(|((n, k), c)| {
                    // Weak names are names like any other once the corpus has kept them.
                    (n.strip_prefix(names::WEAK_MARK).unwrap_or(n), *k, *c)
                })
                // "Senior Tories" is no full name for "Tories" to join.
                .filter(|(n, k, _)| self.without_common_opener(n, *k).is_none()),
        )
    }

    /// The name without a common word run into its start ([`names::without_common_opener`]),
    /// judged by this corpus's lower-case counts.
    /// Only when the corpus names the rest on its own at least twice as often as the whole
    /// ("Tories" vs "Senior Tories"), so "World Cup" does not become "Cup".
    pub fn without_common_opener<'n>(&self, name: &'n str, kind: EntityType) -> Option<&'n str> {
        let first = name.split(' ').next()?.to_lowercase();
        let lowercase = self.lowercase.get(first.as_str()).unwrap_or(0);
        let rest = names::without_common_opener(name, kind, lowercase)?;
        let count = |n: &str| -> u64 {
            [EntityType::Org, EntityType::Place, EntityType::Person]
                .iter()
                .filter_map(|k| self.names.get(&(n.to_string(), *k)))
                .sum()
        };
        (count(rest) >= 2 * count(name).max(1)).then_some(rest)
    }
}

/// Units (sentences, paragraphs, articles) naming more distinct entities than this have
/// their pairs left out. A unit that crowded is not one story but many run together (a
/// whole archive in one file, a file with no paragraph breaks); its pairs would mean
/// nothing and their number grows with the square of its size.
pub const MAX_UNIT_ENTITIES: usize = 250;

/// One article's entities (sorted keys with the number of its sentences, paragraphs and
/// articles each is seen in), entity pairs by index into those keys, and each mention's
/// index into them.
#[allow(clippy::type_complexity)]
fn cooccurrences(
    mentions: &[names::Mention],
) -> (
    Vec<EntityKey>,
    Vec<Units>,
    FxHashMap<(usize, usize), Units>,
    Vec<usize>,
) {
    // Distinct entities first, by reference: a key is built once per entity, not per
    // mention.
    let mut first_of: FxHashMap<(&str, bool, EntityType), usize> =
        FxHashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    let mut distinct: Vec<usize> = Vec::new();
    let local: Vec<usize> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            *first_of
                .entry((m.canonical.as_str(), m.weak, m.kind))
                .or_insert_with(|| {
                    distinct.push(i);
                    distinct.len() - 1
                })
        })
        .collect();
    let mut keyed: Vec<(EntityKey, usize)> = distinct
        .iter()
        .enumerate()
        .map(|(d, &i)| (names::entity_key(&mentions[i]), d))
        .collect();
    keyed.sort_unstable();
    // Sorted and deduplicated keys (two distinct mentions make one key only if a name
    // began with the weak mark, but the ids must not depend on that).
    let mut rank = vec![0; keyed.len()];
    let mut keys: Vec<EntityKey> = Vec::with_capacity(keyed.len());
    for (k, d) in keyed {
        if keys.last() != Some(&k) {
            keys.push(k);
        }
        rank[d] = keys.len() - 1;
    }
    let mention_ids: Vec<usize> = local.iter().map(|&d| rank[d]).collect();
    // Entity ids per sentence and per paragraph.
    let mut by_sentence: Vec<(usize, usize)> = mentions
        .iter()
        .zip(&mention_ids)
        .map(|(m, &id)| (m.sentence, id))
        .collect();
    let mut by_paragraph: Vec<(usize, usize)> = mentions
        .iter()
        .zip(&mention_ids)
        .map(|(m, &id)| (m.paragraph, id))
        .collect();
    let n = keys.len();
    let mut ent = vec![Units::default(); n];
    // Every pair of the article's entities shares the article (unless the article is too
    // crowded to pair at all), so this is the number of entries: sized once, never rehashed.
    let pairs = if n > MAX_UNIT_ENTITIES {
        0
    } else {
        n * n.saturating_sub(1) / 2
    };
    let mut pair: FxHashMap<(usize, usize), Units> =
        FxHashMap::with_capacity_and_hasher(pairs, Default::default());
    let mut tally = |groups: &mut Vec<(usize, usize)>, bump: fn(&mut Units)| {
        groups.sort_unstable();
        groups.dedup();
        for g in groups.chunk_by(|a, b| a.0 == b.0) {
            let crowded = g.len() > MAX_UNIT_ENTITIES;
            for (i, a) in g.iter().enumerate() {
                bump(&mut ent[a.1]);
                if crowded {
                    continue;
                }
                for b in &g[i + 1..] {
                    bump(pair.entry((a.1, b.1)).or_default());
                }
            }
        }
    };
    tally(&mut by_sentence, |u| u.sentences += 1);
    tally(&mut by_paragraph, |u| u.paragraphs += 1);
    let mut all: Vec<(usize, usize)> = (0..n).map(|i| (0, i)).collect();
    tally(&mut all, |u| u.articles += 1);
    (keys, ent, pair, mention_ids)
}

/// The one corpus-level canonicalisation, used by every table that names entities
/// (`entities.csv`, `mentions.csv`, co-occurrence and, through [`Resolver::canonical`],
/// the quote stage's speakers): maps an article-level name and type to the corpus-level
/// entity, or to nothing when the corpus says it is no name.
pub struct Resolver {
    map: ByKind<Option<EntityKey>>,
    aliases: FxHashMap<String, String>,
    cut: ByKind<String>,
    /// Gender evidence per corpus-level person: every article-level name that resolves
    /// to the person adds its votes ([`Resolver::gender`]).
    genders: FxHashMap<String, Votes>,
}

/// A map keyed by name and type, held as one map per type so a lookup by `&str` needs no
/// owned key (the report pass looks up every article's entities).
struct ByKind<V>([FxHashMap<String, V>; 3]);

impl<V> Default for ByKind<V> {
    fn default() -> Self {
        ByKind(Default::default())
    }
}

impl<V> ByKind<V> {
    fn slot(kind: EntityType) -> usize {
        match kind {
            EntityType::Person => 0,
            EntityType::Org => 1,
            EntityType::Place => 2,
        }
    }

    fn get(&self, name: &str, kind: EntityType) -> Option<&V> {
        self.0[Self::slot(kind)].get(name)
    }

    fn insert(&mut self, name: String, kind: EntityType, v: V) {
        self.0[Self::slot(kind)].insert(name, v);
    }
}

/// The corpus aliases lead to people's names only.
fn resolve_alias(aliases: &FxHashMap<String, String>, name: &str, kind: EntityType) -> EntityKey {
    match aliases.get(name) {
        Some(full) if names::may_be_person(name, kind) => (full.clone(), EntityType::Person),
        _ => (name.to_string(), kind),
    }
}

impl Resolver {
    fn new(corpus: &Corpus) -> Resolver {
        let aliases = corpus.aliases();
        let mut map = ByKind::default();
        let mut cut = ByKind::default();
        // One name, one type across the corpus: "Yukos" tagged a person in a few articles
        // and an organisation in most is the organisation everywhere. Ties keep each
        // article's type.
        let mut by_name: FxHashMap<&str, [u64; 3]> = FxHashMap::default();
        for ((key, kind), &count) in &corpus.names {
            let name = key.strip_prefix(names::WEAK_MARK).unwrap_or(key);
            by_name.entry(name).or_default()[*kind as usize] += count;
        }
        // First words of the corpus's people named in two or more words.
        let person_first_words: FxHashSet<&str> = corpus
            .names
            .keys()
            .filter(|(_, k)| *k == EntityType::Person)
            .filter_map(|(n, _)| {
                let n = n.strip_prefix(names::WEAK_MARK).unwrap_or(n);
                n.split_once(' ').map(|(first, _)| first)
            })
            .collect();
        let voted = |name: &str, kind: EntityType| -> EntityType {
            let Some(counts) = by_name.get(name) else {
                return kind;
            };
            let best = [EntityType::Person, EntityType::Org, EntityType::Place]
                .into_iter()
                .max_by_key(|k| (counts[*k as usize], *k == kind))
                .unwrap_or(kind);
            if counts[best as usize] > counts[kind as usize] {
                best
            } else {
                kind
            }
        };
        for ((key, kind), &count) in &corpus.names {
            let (name, weak) = match key.strip_prefix(names::WEAK_MARK) {
                Some(rest) => (rest, true),
                None => (key.as_str(), false),
            };
            let lower = name.to_lowercase();
            let lowercase = corpus.lowercase.get(lower.as_str()).unwrap_or(0);
            let common = if weak {
                lowercase > 0
            } else {
                names::is_common_word(name, *kind, count, lowercase)
            } || (*kind == EntityType::Person
                && names::is_bare_first_name(name, count, &person_first_words));
            let target = if common {
                None
            } else if let Some(rest) = corpus.without_common_opener(name, *kind) {
                // The rest takes the type the corpus mostly gives it.
                let rest_kind = [EntityType::Org, EntityType::Place, EntityType::Person]
                    .into_iter()
                    .max_by_key(|k| corpus.names.get(&(rest.to_string(), *k)).copied())
                    .filter(|k| corpus.names.contains_key(&(rest.to_string(), *k)))
                    .unwrap_or(*kind);
                cut.insert(key.clone(), *kind, rest.to_string());
                Some(resolve_alias(&aliases, rest, rest_kind))
            } else {
                Some(resolve_alias(&aliases, name, voted(name, *kind)))
            };
            map.insert(key.clone(), *kind, target);
        }
        let mut r = Resolver {
            map,
            aliases,
            cut,
            genders: FxHashMap::default(),
        };
        let mut genders: FxHashMap<String, Votes> = FxHashMap::default();
        for (name, v) in &corpus.genders {
            let (to, kind) = r.speaker(name, EntityType::Person);
            if kind == EntityType::Person {
                genders.entry(to).or_default().add(v);
            }
        }
        r.genders = genders;
        r
    }

    /// The gender of a corpus-level person and what it rests on: the text's evidence
    /// from every article, else a one-sided first name ([`gender::decide`]).
    pub fn gender(&self, person: &str) -> (Gender, Option<Evidence>) {
        let none = Votes::default();
        gender::decide(self.genders.get(person).unwrap_or(&none), person)
    }

    /// Whether mentions of this article-level key lose their first word ("Senior Tories"
    /// is written in the text, "Tories" is the name): their span starts later.
    /// Returns the name as written without that word.
    pub fn cut_opener(&self, name: &str, kind: EntityType) -> Option<&str> {
        self.cut.get(name, kind).map(String::as_str)
    }

    /// Resolves an article-level key as tallied in the corpus ([`names::entity_key`]).
    pub fn get(&self, name: &str, kind: EntityType) -> Option<&EntityKey> {
        self.map.get(name, kind).and_then(Option::as_ref)
    }

    /// The corpus-level name and type for a mention's canonical name and type, for callers
    /// outside the entity tables (the quote stage's speakers). A name the corpus never
    /// tallied is still mapped through the person aliases; `None` means the corpus found
    /// it to be a common word.
    pub fn canonical(&self, m: &names::Mention) -> Option<EntityKey> {
        let key = names::entity_key(m);
        if let Some(found) = self.map.get(&key.0, key.1) {
            return found.clone();
        }
        Some(resolve_alias(&self.aliases, &m.canonical, m.kind))
    }

    /// The corpus-level name and type of a quote's speaker (its article-level canonical
    /// name and type), so `speakers.csv` and `entities.csv` name one person alike. A
    /// speaker the entity tables would drop as a common word still spoke: it keeps its
    /// own name. A person's name loses titles the article-level name may still carry.
    pub fn speaker(&self, name: &str, kind: EntityType) -> EntityKey {
        let (name, kind) = match self.map.get(name, kind) {
            Some(Some(found)) => found.clone(),
            Some(None) => (name.to_string(), kind),
            None => resolve_alias(&self.aliases, name, kind),
        };
        if kind == EntityType::Person {
            (names::person_core(&name).to_string(), kind)
        } else {
            (name, kind)
        }
    }
}

/// Quotations and those without a speaker, and pieces of reported speech, of one
/// article's rows.
pub(crate) fn count_kinds(rows: &[Quote]) -> ((u64, u64), u64) {
    let mut out = ((0, 0), 0);
    for q in rows {
        if q.kind == QuoteKind::Reported {
            out.1 += 1;
        } else {
            out.0 .0 += 1;
            out.0 .1 += u64::from(q.speaker.is_empty());
        }
    }
    out
}

/// `n` occurrences in one article.
fn once(n: u32) -> Tally {
    Tally {
        count: u64::from(n),
        articles: 1,
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
            assert_eq!(c.articles, 3);
            assert_eq!(c.records.len(), 3);
            assert_eq!(c.tokens, 7);
        }
        // Entity ids differ between groupings; what they name must not.
        let named = |c: &Corpus| {
            // Records come back by article whatever the grouping.
            c.records
                .records()
                .unwrap()
                .flat_map(|d| {
                    let d = d.unwrap();
                    d.mentions
                        .iter()
                        .map(|m| {
                            (
                                d.row.article.clone(),
                                m.start,
                                d.entities[m.entity as usize].0.clone(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<(String, usize, String)>>()
        };
        assert_eq!(named(&left), named(&right));
        assert!(named(&left).contains(&("c".to_string(), 0, "Syria".to_string())));
        let pair_names = |c: &Corpus| {
            let mut v: Vec<(String, String, Units)> = c
                .pairs
                .iter()
                .map(|((a, b), u)| {
                    let (a, b) = (&c.entities[*a as usize].0, &c.entities[*b as usize].0);
                    let (a, b) = if a < b { (a, b) } else { (b, a) };
                    (a.clone(), b.clone(), *u)
                })
                .collect();
            v.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
            v
        };
        assert_eq!(pair_names(&left), pair_names(&right));
    }

    #[test]
    fn one_resolver_for_every_table_and_the_quote_stage() {
        let c = Corpus::default()
            .with(Ok(analysed(
                "a",
                "t\n\nSyrian President Bashar Al-Assad spoke.",
            )))
            .with(Ok(analysed("b", "t\n\nAssad said so. Talks went on.")))
            .with(Ok(analysed("c", "t\n\nThe talks failed.")));
        let r = c.resolver();
        let b = analysed("b", "t\n\nAssad said so. Talks went on.");
        let assad = b.mentions.iter().find(|m| m.canonical == "Assad").unwrap();
        assert_eq!(
            r.canonical(assad),
            Some(("Bashar Al-Assad".to_string(), EntityType::Person))
        );
        // "Talks" opens a sentence, and the corpus writes "talks": no name.
        for talks in b.mentions.iter().filter(|m| m.canonical == "Talks") {
            assert_eq!(r.canonical(talks), None);
        }
    }

    #[test]
    fn a_quote_speaker_and_an_entity_resolve_to_one_name_across_articles() {
        let a_text = "t\n\nTrade Minister Oskar Venhaalo met the board.";
        let b_text = "t\n\n\"We will not sign,\" Venhaalo said on Monday.";
        let c = Corpus::default()
            .with(Ok(analysed("a", a_text)))
            .with(Ok(analysed("b", b_text)));
        let r = c.resolver();
        let b = analysed("b", b_text);
        let q = &b.quotes[0];
        assert_eq!(q.speaker, "Venhaalo");
        let kind = q.speaker_type.unwrap();
        let as_speaker = r.speaker(&q.speaker, kind);
        let mention = b
            .mentions
            .iter()
            .find(|m| m.canonical == "Venhaalo")
            .unwrap();
        let as_entity = r.canonical(mention).unwrap();
        assert_eq!(as_speaker, as_entity);
        assert_eq!(
            as_speaker,
            ("Oskar Venhaalo".to_string(), EntityType::Person)
        );
    }

    fn person(name: String, sentence: usize, paragraph: usize) -> names::Mention {
        names::Mention {
            span: crate::text::Span::new(0, 1),
            kind: EntityType::Person,
            canonical: name,
            gender: names::Gender::Unknown,
            sentence,
            paragraph,
            weak: false,
        }
    }

    #[test]
    fn crowded_units_count_their_entities_but_not_their_pairs() {
        // Paragraph 0: 300 distinct people, one per sentence (too many for pairs).
        // Paragraph 1: two people in one sentence.
        let mut mentions: Vec<names::Mention> = (0..300)
            .map(|i| person(format!("Person {i:03}"), i, 0))
            .collect();
        mentions.push(person("Ann Lee".into(), 300, 1));
        mentions.push(person("Bo Kim".into(), 300, 1));
        let (keys, ents, pairs, _) = cooccurrences(&mentions);
        assert_eq!(keys.len(), 302);
        assert!(ents.iter().all(|u| u.articles == 1 && u.paragraphs == 1));
        // Only Ann Lee + Bo Kim: their sentence and paragraph; the article (302 entities)
        // is crowded too.
        assert_eq!(pairs.len(), 1);
        let only = pairs.values().next().unwrap();
        assert_eq!((only.sentences, only.paragraphs, only.articles), (1, 1, 0));
    }
}
