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

use crate::article::Article;
use crate::text::stopwords::StopWords;
use crate::text::{tokenize, Span};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The kinds of entity the reports distinguish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
}

/// The word lists recognition relies on, parsed once per process.
pub struct Gazetteer {
    first_names: FxHashMap<String, Gender>,
    surnames: FxHashSet<String>,
    /// Lower-cased name -> (canonical, kind from the file).
    places: FxHashMap<String, String>,
    demonyms: FxHashMap<String, String>,
    org_words: FxHashSet<String>,
    orgs: FxHashMap<String, String>,
    /// Titles as token sequences (periods dropped), longest first.
    titles: Vec<Vec<String>>,
}

const FIRST_NAMES: &str = include_str!("../../data/first_names.tsv");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const PLACES: &str = include_str!("../../data/places.tsv");
const DEMONYMS: &str = include_str!("../../data/demonyms.tsv");
const ORG_WORDS: &str = include_str!("../../data/org_words.txt");
const ORGS: &str = include_str!("../../data/orgs.tsv");
const TITLES: &str = include_str!("../../data/titles.txt");

/// Capitalised words that are never names on their own.
const NEVER_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// Lower-case words allowed inside a name between capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "du", "da", "del", "della", "di", "van", "von", "der", "den", "al", "el",
    "bin", "ibn", "la", "le",
];

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load)
    }

    fn load() -> Gazetteer {
        let first_names = data_lines(FIRST_NAMES)
            .filter_map(|l| l.split_once('\t'))
            .map(|(n, g)| {
                let g = match g {
                    "M" => Gender::Male,
                    "F" => Gender::Female,
                    _ => Gender::Unknown,
                };
                (n.to_lowercase(), g)
            })
            .collect();
        let surnames = data_lines(SURNAMES).map(str::to_lowercase).collect();
        let places = data_lines(PLACES)
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?.to_string(), f.next()?.to_string()))
            })
            .collect();
        let demonyms = data_lines(DEMONYMS)
            .filter_map(|l| l.split_once('\t'))
            .map(|(d, c)| (d.to_string(), c.to_string()))
            .collect();
        let org_words = data_lines(ORG_WORDS)
            .map(|w| w.trim_end_matches('.').to_string())
            .collect();
        let orgs = data_lines(ORGS)
            .filter_map(|l| l.split_once('\t'))
            .map(|(n, c)| (n.to_string(), c.to_string()))
            .collect();
        let mut titles: Vec<Vec<String>> = data_lines(TITLES)
            .map(|t| {
                tokenize::words(t)
                    .map(|(_, w)| w.trim_end_matches('.').to_lowercase())
                    .collect()
            })
            .filter(|t: &Vec<String>| !t.is_empty())
            .collect();
        titles.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        titles.dedup();
        Gazetteer {
            first_names,
            surnames,
            places,
            demonyms,
            org_words,
            orgs,
            titles,
        }
    }

    pub fn first_name_gender(&self, word: &str) -> Option<Gender> {
        self.first_names.get(&word.to_lowercase()).copied()
    }

    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(&word.to_lowercase())
    }

    /// Canonical place for a name as written, case included ("U.S." -> "United States").
    pub fn place(&self, name: &str) -> Option<&str> {
        self.places.get(name).map(String::as_str)
    }

    /// Canonical place for a demonym ("Iranian" -> "Iran").
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(word).map(String::as_str)
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    /// Canonical organisation for a name as written, case included ("WHO", not "Who").
    pub fn org(&self, name: &str) -> Option<&str> {
        self.orgs.get(name).map(String::as_str)
    }

    /// Length in tokens of the title that starts `words`, if one does.
    fn title_len(&self, words: &[&str]) -> Option<usize> {
        self.titles.iter().find_map(|t| {
            let matches = t.len() <= words.len()
                && t.iter()
                    .zip(words)
                    .all(|(a, b)| a.as_str() == b.trim_end_matches('.').to_lowercase());
            matches.then_some(t.len())
        })
    }
}

/// Gender a title implies, where it implies one.
fn title_gender(title: &str) -> Gender {
    match title.trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "king" | "prince" | "sir" | "lord" | "father" | "duke" | "earl" | "baron"
        | "emperor" | "sultan" | "sheikh" | "sheik" | "congressman" | "spokesman" | "chairman"
        | "councilman" | "assemblyman" => Gender::Male,
        "mrs" | "ms" | "miss" | "queen" | "princess" | "lady" | "dame" | "sister" | "duchess"
        | "baroness" | "countess" | "empress" | "congresswoman" | "spokeswoman" | "chairwoman"
        | "councilwoman" | "assemblywoman" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// A word token of a sentence, with its absolute byte span.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    span: Span,
    text: &'a str,
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// Strips a possessive `'s` / `’s` from a token, returning the name part.
fn without_possessive(w: &str) -> (&str, bool) {
    for suffix in ["'s", "’s"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (w, false)
}

/// Finds every name in the article and resolves aliases within it.
pub fn find(article: &Article) -> Vec<Mention> {
    let g = Gazetteer::get();
    let stop = StopWords::english();
    let text = &article.text;
    let lowercase_seen = lowercase_words(text);
    let mut mentions = Vec::new();
    for (si, s) in article.sentences.iter().enumerate() {
        let toks: Vec<Tok> = tokenize::words(s.span.slice(text))
            .map(|(at, w)| Tok {
                span: Span::new(s.span.start + at, s.span.start + at + w.len()),
                text: w,
            })
            .collect();
        let all_caps_sentence = toks.len() > 2
            && toks
                .iter()
                .filter(|t| t.text.chars().any(char::is_alphabetic))
                .all(|t| !t.text.chars().any(char::is_lowercase));
        for run in runs(text, &toks) {
            let sentence_initial = run
                .first()
                .is_some_and(|t| t.span.start == toks[0].span.start);
            if let Some(m) = classify(
                g,
                text,
                stop,
                &run,
                sentence_initial,
                all_caps_sentence,
                &lowercase_seen,
            ) {
                mentions.push(Mention {
                    sentence: si,
                    paragraph: s.paragraph,
                    ..m
                });
            }
        }
    }
    resolve_in_article(text, &mut mentions);
    mentions
}

/// Lower-case words of the text: a capitalised word also used in lower case is probably a
/// common word capitalised at a sentence start.
fn lowercase_words(text: &str) -> FxHashSet<&str> {
    tokenize::words(text)
        .map(|(_, w)| w)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect()
}

/// Runs of capitalised tokens joined by spaces, hyphens, initials' periods or connectors.
fn runs<'a>(text: &str, toks: &[Tok<'a>]) -> Vec<Vec<Tok<'a>>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_capitalised(toks[i].text) {
            i += 1;
            continue;
        }
        let mut run = vec![toks[i]];
        let mut j = i;
        while j + 1 < toks.len() {
            let (_, possessive) = without_possessive(toks[j].text);
            if possessive {
                break;
            }
            let gap = &text[toks[j].span.end..toks[j + 1].span.start];
            let next = toks[j + 1].text;
            if is_capitalised(next) && joins(gap, toks[j].text) {
                run.push(toks[j + 1]);
                j += 1;
                continue;
            }
            // "Bank of England", "Bashar al-Assad": a connector between capitals.
            if CONNECTORS.contains(&next)
                && j + 2 < toks.len()
                && is_capitalised(toks[j + 2].text)
                && joins(gap, toks[j].text)
                && joins(&text[toks[j + 1].span.end..toks[j + 2].span.start], next)
            {
                run.push(toks[j + 1]);
                run.push(toks[j + 2]);
                j += 2;
                continue;
            }
            break;
        }
        out.push(run);
        i = j + 1;
    }
    out
}

/// Whether the gap between two tokens keeps them in one name.
fn joins(gap: &str, prev: &str) -> bool {
    match gap {
        " " | "-" | "\u{a0}" => true,
        // "J. R. Ellis", "U.S. President": an initial or a dotted abbreviation.
        ". " => prev.chars().filter(|c| c.is_alphabetic()).count() == 1,
        _ => false,
    }
}

/// Decides whether a run is a name, of what kind, and where it starts once titles and
/// leading function words are taken off.
fn classify(
    g: &Gazetteer,
    text: &str,
    stop: &StopWords,
    run: &[Tok],
    sentence_initial: bool,
    all_caps_sentence: bool,
    lowercase_seen: &FxHashSet<&str>,
) -> Option<Mention> {
    let mut toks: Vec<Tok> = run.to_vec();
    // The possessive belongs outside the name.
    if let Some(last) = toks.last_mut() {
        let (stem, _) = without_possessive(last.text);
        last.span.end = last.span.start + stem.len();
        last.text = stem;
    }
    // Leading function words: "The Syrian presidency", "But Assad".
    while toks.len() > 1 && stop.contains(&toks[0].text.to_lowercase()) {
        toks.remove(0);
    }
    if all_caps_sentence {
        // A headline in capitals: only names the gazetteers know, in either case.
        let whole = written(text, &toks);
        let titled = title_case(&whole);
        let (kind, canonical) = if let Some(p) = g.place(&whole).or(g.place(&titled)) {
            (EntityType::Place, p)
        } else if let Some(o) = g.org(&whole).or(g.org(&titled)) {
            (EntityType::Org, o)
        } else {
            return None;
        };
        return Some(Mention {
            canonical: canonical.to_string(),
            ..mention_of(g, text, &toks, kind, Gender::Unknown)
        });
    }
    let whole = written(text, &toks);
    if g.org(&whole).is_some() {
        return Some(mention_of(g, text, &toks, EntityType::Org, Gender::Unknown));
    }
    let has_org_word = toks.iter().skip(1).any(|t| g.is_org_word(t.text))
        || (toks.len() > 1 && g.is_org_word(toks[0].text));
    if has_org_word {
        return Some(mention_of(g, text, &toks, EntityType::Org, Gender::Unknown));
    }
    // Demonyms and titles before a name: "Syrian President Bashar Al-Assad".
    let mut gender = Gender::Unknown;
    let mut titled = false;
    loop {
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        if let Some(n) = g.title_len(&words) {
            if n < toks.len() {
                let tg = title_gender(words[0]);
                if tg != Gender::Unknown {
                    gender = tg;
                }
                titled = true;
                toks.drain(..n);
                // "Secretary of Iran": the title's complement, not a person.
                if toks.len() > 1 && CONNECTORS.contains(&toks[0].text) {
                    toks.remove(0);
                    titled = false;
                    gender = Gender::Unknown;
                }
                continue;
            }
            // A title on its own ("the President") names nobody by itself.
            return None;
        }
        if toks.len() > 1 && g.demonym(toks[0].text).is_some() {
            let rest: Vec<&str> = toks[1..].iter().map(|t| t.text).collect();
            if g.title_len(&rest).is_some() {
                toks.remove(0);
                continue;
            }
        }
        break;
    }
    let whole = written(text, &toks);
    if !titled && g.place(&whole).is_some() {
        return Some(mention_of(
            g,
            text,
            &toks,
            EntityType::Place,
            Gender::Unknown,
        ));
    }
    let first = toks[0].text;
    if toks.len() == 1 {
        let lower = first.to_lowercase();
        if NEVER_NAMES.contains(&lower.as_str()) || stop.contains(&lower) {
            return None;
        }
        if g.demonym(first).is_some() {
            return None;
        }
        if is_acronym(first) && !titled {
            return Some(mention_of(g, text, &toks, EntityType::Org, Gender::Unknown));
        }
        if titled {
            return Some(mention_of(g, text, &toks, EntityType::Person, gender));
        }
        if sentence_initial && lowercase_seen.contains(lower.as_str()) {
            return None;
        }
        // A lone capitalised word: a person only with evidence; the alias pass may still
        // turn it into one ("Assad" after "Bashar Al-Assad").
        let kind = if g.is_surname(first) {
            EntityType::Person
        } else {
            return Some(Mention {
                kind: EntityType::Org,
                ..unresolved(g, text, &toks)
            });
        };
        return Some(mention_of(g, text, &toks, kind, gender));
    }
    if toks
        .iter()
        .any(|t| NEVER_NAMES.contains(&t.text.to_lowercase().as_str()))
    {
        return None;
    }
    if let Some(fg) = g.first_name_gender(first) {
        if gender == Gender::Unknown {
            gender = fg;
        }
        return Some(mention_of(g, text, &toks, EntityType::Person, gender));
    }
    if titled || toks.len() <= 3 {
        return Some(mention_of(g, text, &toks, EntityType::Person, gender));
    }
    Some(mention_of(g, text, &toks, EntityType::Org, Gender::Unknown))
}

/// A mention the alias pass may retype: marked by a canonical that is still empty.
fn unresolved(g: &Gazetteer, text: &str, toks: &[Tok]) -> Mention {
    Mention {
        canonical: String::new(),
        ..mention_of(g, text, toks, EntityType::Org, Gender::Unknown)
    }
}

fn mention_of(
    g: &Gazetteer,
    text: &str,
    toks: &[Tok],
    kind: EntityType,
    gender: Gender,
) -> Mention {
    let whole = written(text, toks);
    let canonical = match kind {
        EntityType::Place => g.place(&whole).map(str::to_string),
        EntityType::Org => g.org(&whole).map(str::to_string),
        EntityType::Person => None,
    }
    .unwrap_or(whole);
    Mention {
        span: Span::new(toks[0].span.start, toks[toks.len() - 1].span.end),
        kind,
        canonical,
        gender,
        sentence: 0,
        paragraph: 0,
    }
}

/// The name the tokens cover, as written, white space collapsed.
fn written(text: &str, toks: &[Tok]) -> String {
    normalise(&text[toks[0].span.start..toks[toks.len() - 1].span.end])
}

/// Within one article: a surname or partial name takes the full name it refers to; an
/// acronym defined in parentheses takes its expansion; an unknown lone word that matches
/// a person's name becomes that person.
fn resolve_in_article(text: &str, mentions: &mut Vec<Mention>) {
    let full_names: Vec<(usize, Vec<String>, String, Gender)> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && name_tokens(&m.canonical).len() >= 2)
        .map(|m| {
            (
                m.span.start,
                name_tokens(&m.canonical),
                m.canonical.clone(),
                m.gender,
            )
        })
        .collect();
    // Acronyms defined in parentheses right after an organisation: "Council (SNSC)".
    let mut acronyms: FxHashMap<String, String> = FxHashMap::default();
    for w in mentions.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let between = &text[a.span.end..b.span.start];
        if a.kind == EntityType::Org
            && between.trim() == "("
            && is_acronym(b.span.slice(text))
            && initials_match(&a.canonical, b.span.slice(text))
        {
            acronyms.insert(b.span.slice(text).replace('.', ""), a.canonical.clone());
        }
    }
    for m in mentions.iter_mut() {
        let written = m.span.slice(text);
        if let Some(expansion) = acronyms.get(&written.replace('.', "")) {
            m.kind = EntityType::Org;
            m.canonical = expansion.clone();
            continue;
        }
        let toks = name_tokens(if m.canonical.is_empty() {
            written
        } else {
            &m.canonical
        });
        let could_be_person = m.kind == EntityType::Person || m.canonical.is_empty();
        if !could_be_person {
            continue;
        }
        // The nearest full name before this mention (else the first after) that ends with
        // or contains these tokens.
        let matching = |(_, full, _, _): &&(usize, Vec<String>, String, Gender)| {
            full.len() > toks.len() && contains_tokens(full, &toks)
        };
        let before = full_names
            .iter()
            .filter(|f| f.0 < m.span.start)
            .rfind(matching);
        let found = before.or_else(|| full_names.iter().find(matching));
        if let Some((_, _, full, gender)) = found {
            m.kind = EntityType::Person;
            m.canonical = full.clone();
            if m.gender == Gender::Unknown {
                m.gender = *gender;
            }
        } else if m.canonical.is_empty() {
            m.canonical = normalise(written);
        }
    }
    // Lone unknown words with no person behind them stay out: too often a common word.
    mentions.retain(|m| {
        !(m.kind == EntityType::Org
            && m.canonical == normalise(m.span.slice(text))
            && is_lone_unknown(m, text))
    });
}

fn is_lone_unknown(m: &Mention, text: &str) -> bool {
    let written = m.span.slice(text);
    let g = Gazetteer::get();
    name_tokens(written).len() == 1
        && !is_acronym(written)
        && g.org(written).is_none()
        && !g.is_org_word(written)
}

fn initials_match(expansion: &str, acronym: &str) -> bool {
    let initials: String = expansion
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    let acr: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    initials == acr
}

/// "NEW YORK" -> "New York".
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// White space collapsed to single spaces.
pub fn normalise(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-cased word tokens of a name, for matching "Al-Assad" against "al-Assad".
pub fn name_tokens(name: &str) -> Vec<String> {
    tokenize::words(name)
        .map(|(_, w)| w.to_lowercase())
        .collect()
}

/// Whether `part` occurs in `full` as a contiguous run ending at its last token, or as
/// its last token(s): "Assad" in "Bashar Al-Assad", "Al-Assad" too, but not "Bashar".
fn contains_tokens(full: &[String], part: &[String]) -> bool {
    !part.is_empty() && full.ends_with(part)
}

/// Corpus-level merging: a person written with fewer tokens in one article ("Assad") and
/// with a full name elsewhere ("Bashar Al-Assad") becomes that full name, when exactly one
/// known full name fits. Input: canonical names per type with their mention counts.
pub fn corpus_aliases<'a>(
    names: impl IntoIterator<Item = (&'a str, EntityType, u64)>,
) -> FxHashMap<String, String> {
    let names: Vec<(&str, EntityType, u64)> = names.into_iter().collect();
    let persons: Vec<(&str, Vec<String>, u64)> = names
        .iter()
        .filter(|(_, k, _)| *k == EntityType::Person)
        .map(|(n, _, c)| (*n, name_tokens(n), *c))
        .collect();
    let mut out = FxHashMap::default();
    for (name, toks, _) in &persons {
        let mut candidates: Vec<&(&str, Vec<String>, u64)> = persons
            .iter()
            .filter(|(_, full, _)| full.len() > toks.len() && contains_tokens(full, toks))
            .collect();
        // Prefer the longest full names; several different ones leave the name alone.
        candidates.sort_by(|a, b| {
            b.1.len()
                .cmp(&a.1.len())
                .then(b.2.cmp(&a.2))
                .then(a.0.cmp(b.0))
        });
        let distinct: FxHashSet<&str> = candidates
            .iter()
            .filter(|c| c.1.len() == candidates[0].1.len())
            .map(|c| c.0)
            .collect();
        if distinct.len() == 1 {
            out.insert(name.to_string(), candidates[0].0.to_string());
        }
    }
    out
}

/// The person a pronoun refers to: the nearest person mentioned before byte `at` whose
/// gender fits.
pub fn antecedent<'m>(mentions: &'m [Mention], at: usize, pronoun: &str) -> Option<&'m Mention> {
    let want = match pronoun.to_lowercase().as_str() {
        "he" | "him" | "his" => Gender::Male,
        "she" | "her" | "hers" => Gender::Female,
        _ => Gender::Unknown,
    };
    let before = mentions.iter().rev().filter(|m| m.span.end <= at);
    let persons: Vec<&Mention> = before.filter(|m| m.kind == EntityType::Person).collect();
    persons
        .iter()
        .find(|m| m.gender == want)
        .or_else(|| persons.iter().find(|m| m.gender == Gender::Unknown))
        .copied()
}

/// A person's name without descriptive words left in front of it ("Conservative Leader
/// Andrew Scheer" -> "Andrew Scheer"): cut before a known first name when every word before
/// it is a title, an organisation word, a demonym, a place or a party label. Added for the
/// quote stage, whose speakers must be bare names.
pub fn person_core(name: &str) -> &str {
    const PARTY: &[&str] = &[
        "Republican",
        "Democrat",
        "Democratic",
        "Conservative",
        "Liberal",
        "Labour",
        "Labor",
        "Tory",
        "Green",
        "NDP",
        "GOP",
        "Independent",
        "Socialist",
    ];
    /// Capitalised role words that precede names in news but are not in `titles.txt`.
    const ROLES: &[&str] = &[
        "Leader",
        "Attorney",
        "Critic",
        "Organizer",
        "Organiser",
        "Director",
        "Manager",
        "Founder",
        "Chief",
        "Officer",
        "Commissioner",
        "Councillor",
        "Councilor",
        "Candidate",
        "Advocate",
        "Producer",
        "Editor",
        "Premier",
        "Minister",
        "Secretary",
        "Spokesperson",
        "Spokeswoman",
        "Analyst",
        "Economist",
        "Professor",
        "Researcher",
        "Author",
        "Lawyer",
        "Chair",
        "Chairwoman",
        "Owner",
        "Executive",
        "Member",
        "Deputy",
        "Trustee",
        "Constable",
        "Superintendent",
        "Inspector",
        "Sergeant",
        "Strategist",
        "Activist",
        "Pollster",
    ];
    let g = Gazetteer::get();
    let words: Vec<(usize, &str)> = tokenize::words(name).collect();
    if words.len() < 3 {
        return name;
    }
    let is_title = |w: &str| {
        let lower = w.trim_end_matches('.').to_lowercase();
        ROLES.contains(&w) || g.titles.iter().any(|t| t.len() == 1 && t[0] == lower)
    };
    // "Charles County Prosecuting Attorney Tim Lohmar": a title inside the name ends the
    // description.
    if let Some(t) = (0..words.len() - 2).rev().find(|&i| is_title(words[i].1)) {
        return &name[words[t + 1].0..];
    }
    if g.first_name_gender(words[0].1).is_some() {
        return name;
    }
    let Some(first) = (1..words.len() - 1).find(|&i| g.first_name_gender(words[i].1).is_some())
    else {
        return name;
    };
    let descriptive = |w: &str| {
        is_title(w)
            || g.is_org_word(w)
            || g.demonym(w).is_some()
            || g.place(w).is_some()
            || PARTY.contains(&w)
            || is_acronym(w)
    };
    if words[..first].iter().all(|(_, w)| descriptive(w)) {
        &name[words[first].0..]
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Encoding;

    fn names(text: &str) -> Vec<(String, &'static str, String)> {
        let a = Article::new("t".into(), text.into(), Encoding::Utf8);
        find(&a)
            .into_iter()
            .map(|m| {
                (
                    m.span.slice(&a.text).to_string(),
                    m.kind.as_str(),
                    m.canonical,
                )
            })
            .collect()
    }

    fn row(w: &str, k: &'static str, c: &str) -> (String, &'static str, String) {
        (w.to_string(), k, c.to_string())
    }

    #[test]
    fn titles_are_not_part_of_the_name_and_surnames_resolve() {
        let got = names(
            "Talks\n\nSyrian President Bashar Al-Assad met Ayatollah Ali Khamenei on Monday. \
             Then Assad thanked Khamenei.",
        );
        assert_eq!(
            got,
            vec![
                row("Bashar Al-Assad", "PERSON", "Bashar Al-Assad"),
                row("Ali Khamenei", "PERSON", "Ali Khamenei"),
                row("Assad", "PERSON", "Bashar Al-Assad"),
                row("Khamenei", "PERSON", "Ali Khamenei"),
            ]
        );
    }

    #[test]
    fn organisations_places_and_possessives() {
        let got = names(
            "T\n\nAli Shamkhani, Secretary of Iran's Supreme National Security Council (SNSC), spoke in Syria. The SNSC agreed.",
        );
        assert!(
            got.contains(&row("Ali Shamkhani", "PERSON", "Ali Shamkhani")),
            "{got:?}"
        );
        assert!(got.contains(&row("Iran", "PLACE", "Iran")), "{got:?}");
        assert!(got.contains(&row(
            "Supreme National Security Council",
            "ORG",
            "Supreme National Security Council"
        )));
        assert!(
            got.contains(&row("SNSC", "ORG", "Supreme National Security Council")),
            "{got:?}"
        );
        assert!(got.contains(&row("Syria", "PLACE", "Syria")));
    }

    #[test]
    fn sentence_initial_words_weekdays_and_demonyms_are_not_names() {
        let got = names(
            "T\n\nDuring the meeting on Monday, Iranian leaders spoke. During talks, nothing.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn pronouns_find_the_nearest_fitting_person() {
        let a = Article::new(
            "t".into(),
            "T\n\nMary Jones met John Smith. She spoke, then he did.".into(),
            Encoding::Utf8,
        );
        let ms = find(&a);
        let she = a.text.find("She").unwrap();
        let he = a.text.find("he did").unwrap();
        assert_eq!(antecedent(&ms, she, "she").unwrap().canonical, "Mary Jones");
        assert_eq!(antecedent(&ms, he, "he").unwrap().canonical, "John Smith");
    }

    #[test]
    fn person_core_drops_leading_descriptions() {
        assert_eq!(
            person_core("Conservative Leader Andrew Scheer"),
            "Andrew Scheer"
        );
        assert_eq!(person_core("Ali Akbar Velayati"), "Ali Akbar Velayati");
        assert_eq!(person_core("Khamenei"), "Khamenei");
        assert_eq!(person_core("Azfar Ali Khan"), "Azfar Ali Khan");
        assert_eq!(person_core("Organizer Dwayne Croteau"), "Dwayne Croteau");
        assert_eq!(
            person_core("Charles County Prosecuting Attorney Tim Lohmar"),
            "Tim Lohmar"
        );
    }

    #[test]
    fn corpus_aliases_merge_short_names_when_unambiguous() {
        let map = corpus_aliases([
            ("Assad", EntityType::Person, 5),
            ("Bashar Al-Assad", EntityType::Person, 2),
            ("Smith", EntityType::Person, 3),
            ("John Smith", EntityType::Person, 1),
            ("Jane Smith", EntityType::Person, 1),
        ]);
        assert_eq!(
            map.get("Assad").map(String::as_str),
            Some("Bashar Al-Assad")
        );
        assert_eq!(map.get("Smith"), None);
    }
}
