//! Names of people, organisations and places: finding them in an article and resolving the
//! different ways one is written to one canonical name.
//!
//! This is the one place where names are recognised. The quote stage asks it who a speaker
//! is ("Khamenei", "he" -> "Ali Khamenei") and the entity stage reports its mentions, so a
//! name resolves the same way in `speakers.csv` and `entities.csv`.
//!
//! Recognition is rules over runs of capitalised words plus the gazetteers in `data/`
//! (compiled in; sources and licences in `data/SOURCES.md`): titles and honorifics
//! introduce a person but are not part of the name, organisation words ("Council",
//! "Ministry") make a run an organisation, place and organisation lists type the rest.

mod apposition;
mod corpus_level;
pub mod features;
mod furniture;
pub mod gazetteer;
pub mod gender;
pub mod model;
mod recognise;
mod resolve;
mod retag;

pub use corpus_level::{
    is_bare_first_name, is_common_word, lowercase_words, may_be_person, owned_counts,
    without_common_opener, LowerCounts, LowercaseWords,
};
pub use furniture::is_page_furniture;
pub use resolve::{corpus_aliases, person_core};

pub use gazetteer::Gazetteer;

use crate::article::Article;
use crate::text::{tokenize, Span};
use rustc_hash::FxHashSet;

/// The kinds of entity the reports distinguish.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum EntityType {
    Person,
    Org,
    Place,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
        }
    }
}

/// Grammatical gender as far as a first name or title tells it; used to match `he`/`she`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// One name as written in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name itself: titles, a leading "the" and a possessive `'s` are outside it.
    pub span: Span,
    pub kind: EntityType,
    /// The name resolved within the article: "Khamenei" -> "Ali Khamenei", "SNSC" ->
    /// "Supreme National Security Council", "U.S." -> "United States".
    pub canonical: String,
    pub gender: Gender,
    /// Index into `Article::sentences`.
    pub sentence: usize,
    /// Index into `Article::paragraphs`.
    pub paragraph: usize,
    /// A lone unknown word at a sentence start, where a capital says nothing: it stays a
    /// name only if the corpus never writes it in lower case ([`entity_key`]).
    pub weak: bool,
}

/// Marks a weak mention's name in corpus tallies, so the report can decide on it once
/// the whole corpus's lower-case evidence is in. Never part of a reported name.
pub const WEAK_MARK: char = '\u{1}';

/// The key an article-level mention is tallied under in the corpus: its canonical name and
/// type, the name prefixed with [`WEAK_MARK`] when the mention is weak.
pub fn entity_key(m: &Mention) -> (String, EntityType) {
    if m.weak {
        let mut k = String::with_capacity(m.canonical.len() + 1);
        k.push(WEAK_MARK);
        k.push_str(&m.canonical);
        (k, m.kind)
    } else {
        (m.canonical.clone(), m.kind)
    }
}

/// Lower-case words allowed inside a name between capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "du", "da", "del", "della", "di", "van", "von", "der", "den", "al", "el",
    "bin", "ibn", "la", "le",
];

/// Gender a title implies, where it implies one.
fn title_gender(title: &str) -> Gender {
    gazetteer::with_lowercase(title.trim_end_matches('.'), title_gender_lower)
}

/// [`title_gender`] of a title in lower case, without its period.
fn title_gender_lower(title: &str) -> Gender {
    match title {
        "mr" | "king" | "prince" | "sir" | "lord" | "father" | "duke" | "earl" | "baron"
        | "emperor" | "sultan" | "sheikh" | "sheik" | "congressman" | "spokesman" | "chairman"
        | "councilman" | "assemblyman" => Gender::Male,
        "mrs" | "ms" | "miss" | "queen" | "princess" | "lady" | "dame" | "sister" | "duchess"
        | "baroness" | "countess" | "empress" | "congresswoman" | "spokeswoman" | "chairwoman"
        | "councilwoman" | "assemblywoman" => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// Finds every name in the article and resolves aliases within it.
pub fn find(article: &Article) -> Vec<Mention> {
    find_with(article, &lowercase_words(article))
}

/// [`find`], given the article's [`lowercase_words`] (which the caller also needs).
pub fn find_with(article: &Article, lowercase_seen: &LowercaseWords<'_>) -> Vec<Mention> {
    let text = &article.text;
    let mut mentions = recognise::mentions(article);
    resolve::in_article(text, &mut mentions, lowercase_seen);
    apposition::retype(text, &mut mentions);
    // A weak one stops being weak if the alias pass found what it refers to, or the article
    // also writes it capitalised where capitals say nothing about sentence starts.
    let mut strong: FxHashSet<&str> =
        FxHashSet::with_capacity_and_hasher(mentions.len(), Default::default());
    strong.extend(
        mentions
            .iter()
            .filter(|m| !m.weak)
            .map(|m| m.span.slice(text)),
    );
    let resolved: Vec<bool> = mentions
        .iter()
        .map(|m| {
            let written = m.span.slice(text);
            m.canonical != written || strong.contains(written)
        })
        .collect();
    for (m, r) in mentions.iter_mut().zip(resolved) {
        if r {
            m.weak = false;
        }
    }
    let last = article.paragraphs.len().saturating_sub(1);
    // Asked only of the paragraphs that name someone, once each: the verdict on any other
    // paragraph would drop nothing.
    let mut page_furniture: Vec<Option<bool>> = vec![None; article.paragraphs.len()];
    mentions.retain(|m| {
        let Some(&p) = article.paragraphs.get(m.paragraph) else {
            return true;
        };
        let i = m.paragraph;
        !*page_furniture[i].get_or_insert_with(|| {
            is_page_furniture(p.slice(text))
                || (i == last && i > 0 && furniture::is_author_bio(p.slice(text)))
        })
    });
    mentions
}

/// White space collapsed to single spaces.
pub fn normalise(name: &str) -> String {
    if is_single_spaced(name) {
        return name.to_string();
    }
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether [`normalise`] would leave the name as it is: words separated by single plain
/// spaces, none at either end.
fn is_single_spaced(name: &str) -> bool {
    // As if a space came before the name: a leading space is then a double one.
    let mut after_space = true;
    for c in name.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || name.is_empty()
}

/// Lower-cased word tokens of a name, for matching "Al-Assad" against "al-Assad".
pub fn name_tokens(name: &str) -> Vec<String> {
    tokenize::words(name)
        .map(|(_, w)| w.to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests;
