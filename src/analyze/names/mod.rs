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

pub mod features;
pub mod gazetteer;
pub mod gender;
pub mod model;
mod recognise;
mod resolve;

pub use resolve::{corpus_aliases, person_core};

pub use gazetteer::Gazetteer;

use crate::article::Article;
use crate::text::{tokenize, Span};
use rustc_hash::{FxHashMap, FxHashSet};

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
    // A weak one stops being weak if the alias pass found what it refers to, or the article
    // also writes it capitalised where capitals say nothing about sentence starts.
    let strong: FxHashSet<&str> = mentions
        .iter()
        .filter(|m| !m.weak)
        .map(|m| m.span.slice(text))
        .collect();
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
    let furniture: Vec<bool> = article
        .paragraphs
        .iter()
        .map(|p| is_page_furniture(p.slice(text)))
        .collect();
    if furniture.contains(&true) {
        mentions.retain(|m| !furniture.get(m.paragraph).copied().unwrap_or(false));
    }
    mentions
}

/// Words that open the label of a link to another story ("READ MORE:", "WATCH BELOW:").
const TEASER_WORDS: &[&str] = &[
    "READ", "WATCH", "RELATED", "MORE", "LISTEN", "SEE", "ALSO", "VIDEO", "PHOTOS", "GALLERY",
];

/// A paragraph that is part of the page, not of the story: a teaser linking to another
/// story ("READ MORE: Justin Trudeau says ...", "WATCH BELOW: ..."), a byline ("Adam
/// Stanley, The Canadian Press") or a credit ("With files from Kyle Benning"). The people
/// named there are not named by the article.
pub fn is_page_furniture(par: &str) -> bool {
    let par = par.trim_start_matches(|c: char| c.is_whitespace() || "-–—".contains(c));
    // A teaser's label: one to three words in capitals, the first a link word, a colon.
    // (Not any label: "ISSUER: Marion County Board of Education" is the text's own.)
    if let Some((head, _)) = par.split_once(':') {
        // Four words say "more than three": the rest of a long head is not read.
        let words: Vec<&str> = head.split_whitespace().take(4).collect();
        let caps = |w: &&str| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        if (1..=3).contains(&words.len())
            && words.iter().all(caps)
            && TEASER_WORDS.contains(&words[0])
        {
            return true;
        }
    }
    if par.starts_with("With files from ") {
        return true;
    }
    // "Article Continued Below", "Story continues below advertisement". Only "at most
    // eight words" is asked below, so counting stops at nine: most paragraphs are long.
    let words = par.split_whitespace().take(9).count();
    if words <= 5 && {
        let lower = par.to_lowercase();
        lower.contains("continued below") || lower.contains("continues below")
    } {
        return true;
    }
    // "Name Name, The Canadian Press": a short line, a name, a comma, a news agency.
    if words > 8 {
        return false;
    }
    match par.split_once(", ") {
        Some((_, agency)) if !agency.contains([',', '.']) => {
            let g = Gazetteer::get();
            agency
                .split_whitespace()
                .any(|w| w == "Press" || g.in_list(gazetteer::NameList::Agency, w))
        }
        _ => false,
    }
}

/// Lower-case word forms of an article with their counts, borrowed from its text.
pub type LowercaseWords<'a> = FxHashMap<&'a str, u32>;

/// Lower-case words of the article: a capitalised word also used in lower case is
/// probably a common word capitalised at a sentence start. The counts, summed over the
/// corpus, are the evidence of [`is_common_word`].
pub fn lowercase_words(article: &Article) -> LowercaseWords<'_> {
    // Most of an article's words are lower case; sized so the map does not rehash.
    let mut out =
        LowercaseWords::with_capacity_and_hasher(article.words.len() / 2, Default::default());
    for w in article.all_words() {
        if w.chars().next().is_some_and(char::is_lowercase) {
            *out.entry(w).or_insert(0) += 1;
        }
    }
    out
}

/// The counts with owned keys, kept after the article's text is dropped: one allocation
/// per distinct long word, not per token. A list, not a map: the corpus only folds it
/// into its own map, so hashing every word into a new table here would be wasted.
pub fn owned_counts(words: &LowercaseWords<'_>) -> Vec<(compact_str::CompactString, u32)> {
    words
        .iter()
        .map(|(w, &n)| (compact_str::CompactString::new(w), n))
        .collect()
}

/// Whether a one-word name is more likely a common word: across the corpus it is written
/// in lower case at least as often as it was taken for a name ("NOTE", "Will"). Names the
/// gazetteers know ("Turkey", "WHO") are kept whatever the corpus says, since there the
/// list is better evidence than the counts.
pub fn is_common_word(name: &str, kind: EntityType, mentions: u64, lowercase: u64) -> bool {
    let g = Gazetteer::get();
    if name.contains(|c: char| c.is_whitespace()) {
        return false;
    }
    let known = match kind {
        EntityType::Place => g.place(name).is_some(),
        EntityType::Org => g.org(name).is_some(),
        EntityType::Person => false,
    };
    // A word in capitals ("NOTE", "IT") needs twice the evidence: real acronyms are
    // almost never written in lower case, but a few collide with rare words.
    let needed = if is_acronym(name) {
        2 * mentions.max(1)
    } else {
        mentions.max(1)
    };
    !known && lowercase >= needed
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

/// "Senior Tories", "Vote Tory", "Study of Labour": a two-or-more-word person's name whose
/// first word no list knows and that the corpus writes in lower case is a sentence's first
/// word run into a name. Returns the name without it (and without a connector after it).
/// `lowercase_of_first`: the corpus's lower-case count of the first word.
pub fn without_common_opener(
    name: &str,
    kind: EntityType,
    lowercase_of_first: u64,
) -> Option<&str> {
    if kind != EntityType::Person || lowercase_of_first == 0 {
        return None;
    }
    let (first, rest) = name.split_once(' ')?;
    let g = Gazetteer::get();
    if g.is_known_word(first) || is_acronym(first) || !is_capitalised(first) {
        return None;
    }
    let mut rest = rest;
    while let Some((w, tail)) = rest.split_once(' ') {
        if !CONNECTORS.contains(&w) {
            break;
        }
        rest = tail;
    }
    (!rest.is_empty() && is_capitalised(rest)).then_some(rest)
}

/// "Oscar" in fifty articles and never as the first name of anyone the corpus names in
/// full: news introduces a person by full name, so a bare first name that often, never
/// resolved, names a thing (an award, a holiday), not a person. `first_words` holds the
/// first words of the corpus's people of two or more words.
pub fn is_bare_first_name(name: &str, mentions: u64, first_words: &FxHashSet<&str>) -> bool {
    let g = Gazetteer::get();
    mentions >= 5
        && !name.contains(' ')
        && g.first_name_gender(name).is_some()
        && !g.is_surname(name)
        && !first_words.contains(name)
}

/// Whether a name may be merged into a person's name across the corpus: people, and lone
/// words whose type was only guessed (no gazetteer place or organisation, no acronym).
pub fn may_be_person(name: &str, kind: EntityType) -> bool {
    if kind == EntityType::Person {
        return true;
    }
    let g = Gazetteer::get();
    !name.contains(char::is_whitespace)
        && !name.starts_with(WEAK_MARK)
        && !is_acronym(name)
        && g.place(name).is_none()
        && g.org(name).is_none()
}

#[cfg(test)]
mod furniture_tests {
    use super::is_page_furniture;

    #[test]
    fn teasers_bylines_and_credits_are_page_furniture() {
        for p in [
            "READ MORE: Justin Trudeau says the world is disturbed",
            "WATCH BELOW: Jason Nixon fires back at accusations",
            "Adam Stanley, The Canadian Press",
            "Greg Beacham, The Associated Press",
            "– With files from Kyle Benning, Michael King and Slav Kornik",
            "Article Continued Below",
            "Story continues below advertisement",
        ] {
            assert!(is_page_furniture(p), "{p}");
        }
    }

    #[test]
    fn labels_and_sentences_are_the_story() {
        for p in [
            "ISSUER: Marion County Board of Education ST: WV",
            "COMMENT: Not only did Aegon surprise with earnings",
            "Maria Lopez, the mayor, said the Press Council would meet.",
            "Lohmar said the investigation continued below ground for hours.",
            "WASHINGTON — Nancy Pelosi often quotes Abraham Lincoln.",
        ] {
            assert!(!is_page_furniture(p), "{p}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Encoding;

    #[test]
    fn normalise_collapses_every_kind_of_white_space() {
        for name in [
            "Ali Khamenei",
            "Ali  Khamenei",
            " Ali Khamenei ",
            "Ali\nKhamenei",
            "Ali\u{a0}Khamenei",
            "Ali \t Khamenei",
            "Ali\u{b}Khamenei",
            "Ali\u{1c}Khamenei",
            "Ali Khamenei ",
            "Ali\u{2003}Khamenei",
            "Ali Khamenei\u{85}",
            "Zürich Ost",
            "Zürich  Ost",
            "",
            " ",
            "  ",
        ] {
            let slow = name.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(normalise(name), slow, "{name:?}");
            assert_eq!(is_single_spaced(name), name == slow, "{name:?}");
        }
    }

    fn names(text: &str) -> Vec<(String, &'static str, String)> {
        let a = Article::new("t".into(), text.into(), Encoding::Utf8);
        find(&a)
            .into_iter()
            .filter(|m| !m.weak)
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
    fn a_short_name_takes_the_nearest_longer_name_before_it_else_the_first_after() {
        let got = names(
            "Court\n\nKendrick spoke first. Tobias Kendrick arrived. Kendrick sat down. \
             Maria Kendrick arrived. Kendrick stood up. Al-Assad wrote to Bashar Al-Assad.",
        );
        let kendricks: Vec<&str> = got
            .iter()
            .filter(|r| r.0 == "Kendrick")
            .map(|r| r.2.as_str())
            .collect();
        // The first has no full name before it, so it takes the first one after.
        assert_eq!(
            kendricks,
            vec!["Tobias Kendrick", "Tobias Kendrick", "Maria Kendrick"]
        );
        // Two tokens ending a three-token name: "Al-Assad" of "Bashar Al-Assad".
        assert!(
            got.contains(&row("Al-Assad", "PERSON", "Bashar Al-Assad")),
            "{got:?}"
        );
    }

    #[test]
    fn a_name_in_capitals_is_the_same_name_written_in_mixed_case() {
        let got = names(
            "Golf round-up\n\nTobias Kendrick led by two shots on Sunday.\n\n\
             PLAYERS TO WATCH\n\nTOBIAS KENDRICK -- After a slow start, Kendrick won twice.",
        );
        let kendricks: Vec<&str> = got
            .iter()
            .filter(|r| r.0.to_lowercase().contains("kendrick"))
            .map(|r| r.2.as_str())
            .collect();
        assert!(kendricks.len() >= 3, "{got:?}");
        assert!(kendricks.iter().all(|&c| c == "Tobias Kendrick"), "{got:?}");
    }

    #[test]
    fn a_gendered_title_passes_over_a_full_name_of_the_other_gender() {
        let got = names(
            "Visit\n\nMargaret Kendrick and Tobias Kendrick arrived on Monday. Mrs. Kendrick \
             spoke first.",
        );
        assert!(
            has(&got, "Kendrick", "PERSON", "Margaret Kendrick"),
            "{got:?}"
        );
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
    fn person_core_drops_leading_descriptions() {
        assert_eq!(
            person_core("Conservative Leader Andrew Brevold"),
            "Andrew Brevold"
        );
        assert_eq!(person_core("Ali Akbar Velayati"), "Ali Akbar Velayati");
        assert_eq!(person_core("Khamenei"), "Khamenei");
        assert_eq!(person_core("Tahmir Ali Khan"), "Tahmir Ali Khan");
        assert_eq!(person_core("Organizer Dwayne Pruitt"), "Dwayne Pruitt");
        assert_eq!(
            person_core("Charles County Prosecuting Attorney Tim Tenbrink"),
            "Tim Tenbrink"
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

    fn has(got: &[(String, &'static str, String)], w: &str, k: &'static str, c: &str) -> bool {
        got.contains(&row(w, k, c))
    }

    #[test]
    fn dotted_abbreviations_keep_their_final_period() {
        let a = Article::new(
            "t".into(),
            "t\n\nTrade with the U.S. grew, the U.N. said.".into(),
            Encoding::Utf8,
        );
        let ms: Vec<Mention> = find(&a).into_iter().filter(|m| !m.weak).collect();
        let spans: Vec<&str> = ms.iter().map(|m| m.span.slice(&a.text)).collect();
        assert_eq!(spans, ["U.S.", "U.N."], "{ms:?}");
        assert_eq!(ms[0].kind, EntityType::Place);
    }

    #[test]
    fn contractions_with_curly_apostrophes_are_no_names() {
        let a = Article::new(
            "t".into(),
            "t\n\nSo I\u{2019}m told, and I\u{2019}d agree, said Lina Varro.".into(),
            Encoding::Utf8,
        );
        let spans: Vec<String> = find(&a)
            .iter()
            .map(|m| m.span.slice(&a.text).to_string())
            .collect();
        assert_eq!(spans, ["Lina Varro"]);
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn unknown_lone_words_are_kept_mid_sentence_and_weak_at_a_start() {
        let a = Article::new(
            "t".into(),
            "t\n\nInvestors bought Zorblax shares. Quillon fell.".into(),
            Encoding::Utf8,
        );
        let ms = find(&a);
        let zorblax = ms
            .iter()
            .find(|m| m.span.slice(&a.text) == "Zorblax")
            .unwrap();
        assert!(!zorblax.weak);
        assert_eq!(zorblax.kind, EntityType::Org);
        let quillon = ms
            .iter()
            .find(|m| m.span.slice(&a.text) == "Quillon")
            .unwrap();
        assert!(quillon.weak, "sentence-initial unknown word");
        assert_eq!(entity_key(quillon).0, "\u{1}Quillon");
        // "Investors" is written in lower case nowhere here, but it is weak, not strong.
        assert!(ms
            .iter()
            .all(|m| m.span.slice(&a.text) != "Investors" || m.weak));
    }

    #[test]
    fn a_weak_word_the_article_also_capitalises_mid_sentence_is_strong() {
        let a = Article::new(
            "t".into(),
            "t\n\nQuillon fell. Analysts watched Quillon closely.".into(),
            Encoding::Utf8,
        );
        let ms = find(&a);
        let quillon: Vec<&Mention> = ms
            .iter()
            .filter(|m| m.span.slice(&a.text) == "Quillon")
            .collect();
        assert_eq!(quillon.len(), 2);
        assert!(quillon.iter().all(|m| !m.weak), "{ms:?}");
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn place_words_and_places_inside_longer_names() {
        let got = names("t\n\nTraders on Wall Street watched Air France and Hyde Park.");
        assert!(has(&got, "Wall Street", "PLACE", "Wall Street"), "{got:?}");
        assert!(has(&got, "Air France", "ORG", "Air France"), "{got:?}");
        assert!(has(&got, "Hyde Park", "PLACE", "Hyde Park"), "{got:?}");
    }

    #[test]
    fn demonyms_before_a_name_are_not_part_of_it() {
        let got = names("t\n\nThe winner was Canadian Jane Porter, ahead of the field.");
        assert!(has(&got, "Jane Porter", "PERSON", "Jane Porter"), "{got:?}");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_caption_credit_is_its_own_organisation() {
        let got = names("Leaders meet\nJohn Smith greets Mary Jones Reuters\n\nThey met.");
        assert!(has(&got, "Mary Jones", "PERSON", "Mary Jones"), "{got:?}");
        assert!(has(&got, "Reuters", "ORG", "Reuters"), "{got:?}");
    }

    #[test]
    fn site_footers_name_nothing() {
        let got = names("t\n\nJohn Smith spoke.\n\nJoin our official Telegram channel");
        assert_eq!(got, vec![row("John Smith", "PERSON", "John Smith")]);
    }

    #[test]
    fn adjective_like_words_and_lone_organisation_words_are_not_names() {
        let got = names("t\n\nThe rebels accused the Marxist regime and the Division of lying.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_short_form_takes_the_longer_name_of_the_article() {
        let got = names("t\n\nFans of Atletico Madrid cheered. The coach said Atletico won.");
        assert!(has(&got, "Atletico", "ORG", "Atletico Madrid"), "{got:?}");
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn a_surname_takes_the_person_inside_a_titled_organisation_like_name() {
        let got = names(
            "t\n\nConservative Leader Andrew Kessel spoke in Ottawa. Later, Kessel spoke again.",
        );
        assert!(has(&got, "Kessel", "PERSON", "Andrew Kessel"), "{got:?}");
    }

    #[test]
    fn a_long_unknown_name_ending_with_a_persons_name_is_that_person() {
        let a = Article::new(
            "t".into(),
            "T\n\nIn 2016, Zubaida Al Kirwan arrived. Al Kirwan recalls the day. She smiled."
                .into(),
            Encoding::Utf8,
        );
        let ms = find(&a);
        let short = ms
            .iter()
            .find(|m| m.span.slice(&a.text) == "Al Kirwan")
            .unwrap();
        assert_eq!(short.canonical, "Zubaida Al Kirwan");
        assert_eq!(short.kind, EntityType::Person);
        assert_ne!(short.gender, Gender::Male);
    }

    #[test]
    fn common_words_lose_to_the_corpus_lower_case_evidence() {
        assert!(is_common_word("Will", EntityType::Person, 3, 40));
        assert!(!is_common_word("Zorblax", EntityType::Org, 3, 0));
        // Gazetteer names stand whatever the counts; acronyms need strong evidence.
        assert!(!is_common_word("Turkey", EntityType::Place, 1, 5));
        assert!(!is_common_word("NATO", EntityType::Org, 3, 0));
        assert!(is_common_word("NOTE", EntityType::Org, 3, 40));
        assert!(!is_common_word("WHO", EntityType::Org, 3, 400));
    }

    #[test]
    fn capitals_lines_give_only_known_names() {
        let got = names("t\n\nRUGBY - ENGLAND BEAT NEW ZEALAND IN WELLINGTON");
        assert!(has(&got, "ENGLAND", "PLACE", "England"), "{got:?}");
        assert!(has(&got, "NEW ZEALAND", "PLACE", "New Zealand"), "{got:?}");
        assert!(has(&got, "WELLINGTON", "PLACE", "Wellington"), "{got:?}");
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn neighbours_type_an_unknown_lone_word() {
        let got = names("t\n\nFighting broke out in Zarvaka, and Blenkin said so to Quorvex.");
        assert!(has(&got, "Zarvaka", "PLACE", "Zarvaka"), "{got:?}");
        assert!(has(&got, "Blenkin", "PERSON", "Blenkin"), "{got:?}");
        assert!(has(&got, "Quorvex", "ORG", "Quorvex"), "{got:?}");
    }

    #[test]
    fn a_first_name_alone_stands_for_the_one_person_who_has_it() {
        let got = names("t\n\nZarvan Khan won. The crowd cheered Zarvan again.");
        assert!(has(&got, "Zarvan", "PERSON", "Zarvan Khan"), "{got:?}");
    }

    #[test]
    fn a_lone_first_word_takes_the_one_full_name_it_starts() {
        let got = names(
            "Talks\n\nChinese President Xi Jinping met the envoy on Monday. Later, Xi said \
             the talks went well.",
        );
        assert!(has(&got, "Xi", "PERSON", "Xi Jinping"), "{got:?}");
        // Two full names start with it: the lone word stays itself.
        let got = names(
            "Talks\n\nKim Jong Un met Kim Yong Chol on Monday. Later, Kim said the talks \
             went well.",
        );
        assert!(has(&got, "Kim", "PERSON", "Kim"), "{got:?}");
    }

    #[test]
    fn labels_letters_and_month_abbreviations_are_not_names() {
        let got = names("t\n\nAttendance: 15,000.\n\nThe N stands for Sept in the table.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_person_name_does_not_run_on_through_of() {
        let got = names("t\n\nHe picked Gordon Bullock of Scotland and others.");
        assert!(
            has(&got, "Gordon Bullock", "PERSON", "Gordon Bullock"),
            "{got:?}"
        );
        assert!(has(&got, "Scotland", "PLACE", "Scotland"), "{got:?}");
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn an_unknown_sentence_opener_before_a_known_name_is_dropped() {
        let got = names("t\n\nInjured Liverpool lost. Six Nations games and TV rights, said Dan.");
        assert!(has(&got, "Liverpool", "PLACE", "Liverpool"), "{got:?}");
        assert!(has(&got, "Dan", "PERSON", "Dan"), "{got:?}");
        assert!(
            got.iter().any(|r| r.0 == "Six Nations" && r.1 == "ORG"),
            "{got:?}"
        );
        assert!(got.iter().all(|r| r.0 != "TV"), "{got:?}");
    }

    #[test]
    fn a_guessed_lone_word_joins_the_one_person_it_names_in_the_corpus() {
        let map = corpus_aliases([
            ("Zarnevik", EntityType::Org, 4),
            ("Jesper Zarnevik", EntityType::Person, 1),
            // A known place is never a guess.
            ("Jordan", EntityType::Place, 3),
            ("Michael Jordan", EntityType::Person, 1),
        ]);
        assert_eq!(
            map.get("Zarnevik").map(String::as_str),
            Some("Jesper Zarnevik")
        );
        assert!(may_be_person("Zarnevik", EntityType::Org));
        assert!(!may_be_person("Jordan", EntityType::Place));
    }

    #[test]
    fn place_nouns_before_of_make_a_place() {
        let got = names("t\n\nTroops took the town of Zarvaka and held it.");
        assert!(has(&got, "Zarvaka", "PLACE", "Zarvaka"), "{got:?}");
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn initials_particles_ampersands_and_places_before_titles() {
        let got = names(
            "t\n\nS. Waugh bowled to Ata-ur-Rehman. Shares in Douglas & Lomason fell. \
             U.S. Cardinal Joseph Castellane spoke.",
        );
        assert!(has(&got, "S. Waugh", "PERSON", "S. Waugh"), "{got:?}");
        assert!(
            got.iter()
                .any(|r| r.0 == "Ata-ur-Rehman" && r.1 == "PERSON"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|r| r.0 == "Douglas & Lomason" && r.1 == "ORG"),
            "{got:?}"
        );
        assert!(has(&got, "U.S.", "PLACE", "United States"), "{got:?}");
        assert!(
            has(&got, "Joseph Castellane", "PERSON", "Joseph Castellane"),
            "{got:?}"
        );
    }

    #[test]
    fn two_particles_inside_a_name_and_adverbs_opening_a_sentence() {
        let got = names("t\n\nIronically, Joost van der Merwehoek scored.");
        assert_eq!(
            got,
            vec![row(
                "Joost van der Merwehoek",
                "PERSON",
                "Joost van der Merwehoek"
            )]
        );
    }

    #[test]
    fn and_inside_organisation_names_but_not_between_names() {
        let got = names("t\n\nThe Securities and Exchange Commission met Iran and Syria.");
        assert!(
            got.iter()
                .any(|r| r.0 == "Securities and Exchange Commission" && r.1 == "ORG"),
            "{got:?}"
        );
        assert!(has(&got, "Iran", "PLACE", "Iran"), "{got:?}");
        assert!(has(&got, "Syria", "PLACE", "Syria"), "{got:?}");
    }

    #[test]
    fn a_demonym_opening_an_organisation_name_stays() {
        let got = names("t\n\nThe European Economic Community and German Bundesbank met.");
        assert!(
            got.iter()
                .any(|r| r.0 == "European Economic Community" && r.1 == "ORG"),
            "{got:?}"
        );
        assert!(got.iter().any(|r| r.0 == "Bundesbank"), "{got:?}");
    }

    #[test]
    fn a_common_word_run_into_a_name_is_cut_off_at_corpus_level() {
        assert_eq!(
            without_common_opener("Senior Tories", EntityType::Person, 12),
            Some("Tories")
        );
        assert_eq!(
            without_common_opener("Study of Labour", EntityType::Person, 3),
            Some("Labour")
        );
        // Never written in lower case, a known first name, or not a person: kept.
        assert_eq!(
            without_common_opener("Jesper Zarnevik", EntityType::Person, 0),
            None
        );
        assert_eq!(
            without_common_opener("Bill Gates", EntityType::Person, 50),
            None
        );
        assert_eq!(
            without_common_opener("Wall Street", EntityType::Place, 50),
            None
        );
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn a_title_inside_a_run_separates_an_organisation_from_a_person() {
        let got = names("t\n\nThen Labour MP Gary Dobbs and the Labour MPs voted.");
        assert!(has(&got, "Gary Dobbs", "PERSON", "Gary Dobbs"), "{got:?}");
        assert!(
            got.iter().filter(|r| r.0 == "Labour").count() == 2,
            "{got:?}"
        );
        let got = names("t\n\nThey admired Martin Luther King.");
        assert!(
            has(&got, "Martin Luther King", "PERSON", "Martin Luther King"),
            "{got:?}"
        );
    }

    #[test]
    fn a_nickname_run_into_a_whole_name_is_that_name() {
        let map = corpus_aliases([
            ("Hillary Clinton", EntityType::Person, 60),
            ("Crooked Hillary Clinton", EntityType::Person, 5),
            ("Clinton", EntityType::Person, 40),
            // A first name or an initial in front is part of the name.
            ("Mary Ann Kendrick", EntityType::Person, 2),
            ("Ann Kendrick", EntityType::Person, 9),
            ("L. Tobias Marsh", EntityType::Person, 2),
            ("Tobias Marsh", EntityType::Person, 9),
            // A particle is no first name, whatever the lists say of "Van".
            ("Pieter van Dorsten", EntityType::Person, 2),
            ("Van Dorsten", EntityType::Person, 9),
        ]);
        assert_eq!(
            map.get("Crooked Hillary Clinton").map(String::as_str),
            Some("Hillary Clinton")
        );
        assert_eq!(
            map.get("Clinton").map(String::as_str),
            Some("Hillary Clinton")
        );
        assert_eq!(map.get("Mary Ann Kendrick"), None);
        assert_eq!(map.get("L. Tobias Marsh"), None);
        assert_eq!(map.get("Pieter van Dorsten"), None);
    }

    #[test]
    fn a_common_surname_used_alone_more_than_its_full_name_stays_alone() {
        let map = corpus_aliases([
            // Surname "Kim" alone in several stories, "Erin Kim" in one: other people.
            ("Kim", EntityType::Person, 9),
            ("Erin Kim", EntityType::Person, 3),
            // A rare surname keeps joining its one full name, however often alone.
            ("Velkarov", EntityType::Person, 9),
            ("Anton Velkarov", EntityType::Person, 3),
            // A common surname whose full name is as frequent joins it.
            ("Miller", EntityType::Person, 2),
            ("Dana Miller", EntityType::Person, 2),
        ]);
        assert_eq!(map.get("Kim"), None);
        assert_eq!(
            map.get("Velkarov").map(String::as_str),
            Some("Anton Velkarov")
        );
        assert_eq!(map.get("Miller").map(String::as_str), Some("Dana Miller"));
    }

    #[test]
    fn rare_or_run_on_full_names_claim_no_short_name() {
        let map = corpus_aliases([
            ("Oscar", EntityType::Person, 120),
            ("Strong Oscar", EntityType::Person, 1),
            ("Swank", EntityType::Person, 3),
            ("Aviator for Swank", EntityType::Person, 3),
        ]);
        assert_eq!(map.get("Oscar"), None);
        assert_eq!(map.get("Swank"), None);
        let got = names("t\n\nAn award went to Oscar for Hilary Swank at the Ministry for Europe.");
        assert!(
            has(&got, "Hilary Swank", "PERSON", "Hilary Swank"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|r| r.0 == "Ministry for Europe" && r.1 == "ORG"),
            "{got:?}"
        );
    }

    #[test]
    fn a_short_headline_in_capitals_gives_no_name_the_body_never_capitalises() {
        let got = names("Mayor Resigns\n\nThe mayor of Springfield resigned on Monday.");
        assert!(got.iter().all(|(w, _, _)| w != "Resigns"), "{got:?}");
        // A name the story goes on to use stays a name.
        let got = names("Quill Resigns\n\nAda Quill resigned on Monday. Quill left.");
        assert!(has(&got, "Quill", "PERSON", "Ada Quill"), "{got:?}");
    }

    #[test]
    fn a_title_case_headline_gives_only_names_the_body_confirms() {
        let got = names(
            "Kestrel Data Leak Exposes Files at Orbin Labs\n\n\
             The data leak at Kestrel hit millions of files, Orbin Labs said.",
        );
        let headline: Vec<&str> = got
            .iter()
            .filter(|(w, _, _)| !w.is_empty())
            .map(|(w, _, _)| w.as_str())
            .collect();
        // "Data", "Leak", "Files" are lower-case words of the body; "Exposes" is never
        // capitalised there: none of them is a name or part of one.
        assert_eq!(
            headline,
            ["Kestrel", "Orbin Labs", "Kestrel", "Orbin Labs"],
            "{got:?}"
        );
    }

    #[test]
    fn a_two_word_title_opening_a_run_stays_a_title() {
        let got =
            names("T\n\nPrime Minister Ada Quill met Finance Minister Tobin Marsh on Friday.");
        assert!(has(&got, "Ada Quill", "PERSON", "Ada Quill"), "{got:?}");
        assert!(has(&got, "Tobin Marsh", "PERSON", "Tobin Marsh"), "{got:?}");
        assert!(
            !got.iter()
                .any(|(w, _, _)| w == "Prime" || w.contains("Finance")),
            "{got:?}"
        );
    }

    #[test]
    fn initials_before_a_surname_make_a_person() {
        let got = names("T\n\nThe economist J. R. Ellis and Q. Pardew disagreed.");
        assert!(has(&got, "J. R. Ellis", "PERSON", "J. R. Ellis"), "{got:?}");
        assert!(has(&got, "Q. Pardew", "PERSON", "Q. Pardew"), "{got:?}");
    }

    /// Found by fuzzing: a combining mark after "D.C." made the period start the next word,
    /// and the abbreviation's period was claimed by both.
    #[test]
    fn a_combining_mark_after_an_abbreviation_does_not_overlap_words() {
        let got = names("T\n\nIn D.C.\u{1de7} the E. D.C.\u{1de7}.@ now.");
        assert!(got.iter().all(|(w, _, _)| !w.is_empty()), "{got:?}");
    }
}
