//! The word lists names are recognised with: first names (with the gender a census gives
//! them), surnames, places, demonyms, organisations, organisation words and titles. They are
//! compiled in from `data/` (sources and licences in `data/SOURCES.md`) and parsed once per
//! process. The tagger uses them as features, never as verdicts; the resolver uses them to
//! give a known name its canonical form ("U.S." -> "United States").

use super::Gender;
use crate::text::tokenize;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The word lists recognition relies on, parsed once per process.
pub struct Gazetteer {
    /// Other names of organisations, for canonical names only (not features).
    org_aliases: FxHashMap<String, String>,
    /// Indexed by `NameList as usize`.
    name_words: [FxHashSet<String>; 15],
    /// Every list that knows a word ([`flag`]), keyed by [`super::features::lower_key`]: what
    /// the tagger asks of each token in one look-up, with the hash it already has.
    flags_by_key: FxHashMap<u64, u16>,
    first_names: FxHashMap<String, Gender>,
    surnames: FxHashSet<String>,
    /// Lower-cased name -> (canonical, kind from the file).
    places: FxHashMap<String, String>,
    demonyms: FxHashMap<String, String>,
    org_words: FxHashSet<String>,
    orgs: FxHashMap<String, String>,
    /// Titles as token sequences (periods dropped), longest first.
    titles: Vec<Vec<String>>,
    /// Indexes into `titles` by first word, longest title first: a run is checked against
    /// the few titles that can start it, not all of them.
    titles_by_first: FxHashMap<String, Vec<usize>>,
}

/// Bits of [`Gazetteer::flags`].
pub mod flag {
    pub const FIRST_FEMALE: u16 = 1;
    pub const FIRST_MALE: u16 = 1 << 1;
    pub const FIRST_EITHER: u16 = 1 << 2;
    pub const SURNAME: u16 = 1 << 3;
    pub const PLACE: u16 = 1 << 4;
    pub const ORG: u16 = 1 << 5;
    pub const ORG_WORD: u16 = 1 << 6;
    pub const DEMONYM: u16 = 1 << 7;
    pub const TITLE: u16 = 1 << 8;
    /// The first word of a place or organisation name of several words ("New" of "New
    /// York"): where a search for known names may start.
    pub const HEAD: u16 = 1 << 9;
    pub const FIRST_NAME: u16 = FIRST_FEMALE | FIRST_MALE | FIRST_EITHER;
}

const FIRST_NAMES: &str = include_str!("../../../data/first_names.tsv");
const SURNAMES: &str = include_str!("../../../data/surnames.txt");
const PLACES: &str = include_str!("../../../data/places.tsv");
const DEMONYMS: &str = include_str!("../../../data/demonyms.tsv");
const ORG_WORDS: &str = include_str!("../../../data/org_words.txt");
const ORGS: &str = include_str!("../../../data/orgs.tsv");
const TITLES: &str = include_str!("../../../data/titles.txt");
const NAME_WORDS: &str = include_str!("../../../data/name_words.tsv");
const ORG_ALIASES: &str = include_str!("../../../data/org_aliases.tsv");
const GIVEN_NAMES: &str = include_str!("../../../data/given_names.tsv");

/// The short lists of `data/name_words.tsv` that the recogniser's rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameList {
    /// Lower-case words inside names ("Bank of England", "van der Merwe").
    Particle,
    /// Common nouns written in capitals (TV, CEO).
    Acronym,
    /// News agencies that end a photo caption.
    Agency,
    /// Words of photo credits.
    Credit,
    /// Number words, which names may begin with ("Six Nations").
    Number,
    /// Party labels before a person's name.
    Party,
    /// Weekdays, months, holidays.
    Never,
    /// Last words that make a name a place ("Kits Beach").
    PlaceLast,
    /// First words that make a name a place ("Lake Cowichan").
    PlaceFirst,
    /// Last words of a building's or a site's name ("Beverly Hilton Hotel"): a place.
    FacilityLast,
    /// Last words of an award's, a contest's or a festival's name ("Stanley Cup").
    EventLast,
    /// East Asian family names, written first ("Lu Kang"): no gender from them.
    FamilyFirst,
    /// Nouns heading an apposition that makes a name an organisation's ("a charity").
    OrgHead,
    /// Nouns heading an apposition that makes a name a place's ("a town").
    PlaceHead,
    /// Abbreviated provinces and states after a town's name ("Moncton, N.B.").
    RegionAbbrev,
}

impl NameList {
    fn from_name(s: &str) -> Option<NameList> {
        Some(match s {
            "particle" => NameList::Particle,
            "acronym" => NameList::Acronym,
            "agency" => NameList::Agency,
            "credit" => NameList::Credit,
            "number" => NameList::Number,
            "party" => NameList::Party,
            "never" => NameList::Never,
            "place_last" => NameList::PlaceLast,
            "place_first" => NameList::PlaceFirst,
            "facility_last" => NameList::FacilityLast,
            "event_last" => NameList::EventLast,
            "family_first" => NameList::FamilyFirst,
            "org_head" => NameList::OrgHead,
            "place_head" => NameList::PlaceHead,
            "region_abbrev" => NameList::RegionAbbrev,
            _ => return None,
        })
    }
}

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
        let first_names: FxHashMap<String, Gender> = data_lines(FIRST_NAMES)
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
        let surnames: FxHashSet<String> = data_lines(SURNAMES).map(str::to_lowercase).collect();
        let places: FxHashMap<String, String> = data_lines(PLACES)
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?.to_string(), f.next()?.to_string()))
            })
            .collect();
        let demonyms: FxHashMap<String, String> = data_lines(DEMONYMS)
            .filter_map(|l| l.split_once('\t'))
            .map(|(d, c)| (d.to_string(), c.to_string()))
            .collect();
        let org_words: FxHashSet<String> = data_lines(ORG_WORDS)
            .map(|w| w.trim_end_matches('.').to_string())
            .collect();
        let orgs: FxHashMap<String, String> = data_lines(ORGS)
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
        let mut titles_by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, t) in titles.iter().enumerate() {
            titles_by_first.entry(t[0].clone()).or_default().push(i);
        }
        let mut flags_by_key: FxHashMap<u64, u16> = FxHashMap::default();
        let mut mark = |w: &str, f: u16| {
            *flags_by_key
                .entry(super::features::lower_key(w))
                .or_insert(0) |= f
        };
        for (n, g) in &first_names {
            mark(
                n,
                match g {
                    Gender::Female => flag::FIRST_FEMALE,
                    Gender::Male => flag::FIRST_MALE,
                    Gender::Unknown => flag::FIRST_EITHER,
                },
            );
        }
        for n in &surnames {
            mark(n, flag::SURNAME);
        }
        for n in places.keys().filter(|n| !n.contains(' ')) {
            mark(n, flag::PLACE);
        }
        for n in orgs.keys().filter(|n| !n.contains(' ')) {
            mark(n, flag::ORG);
        }
        for n in places.keys().chain(orgs.keys()) {
            if let Some((_, w)) = tokenize::words(n).next() {
                if w.len() < n.len() {
                    mark(w, flag::HEAD);
                }
            }
        }
        for n in &org_words {
            mark(n, flag::ORG_WORD);
        }
        for n in demonyms.keys() {
            mark(n, flag::DEMONYM);
        }
        for t in titles.iter().filter(|t| t.len() == 1) {
            mark(&t[0], flag::TITLE);
        }
        let mut name_words: [FxHashSet<String>; 15] = Default::default();
        for (list, w) in data_lines(NAME_WORDS).filter_map(|l| l.split_once('\t')) {
            if let Some(list) = NameList::from_name(list) {
                name_words[list as usize].insert(w.to_string());
            }
        }
        let org_aliases = data_lines(ORG_ALIASES)
            .filter_map(|l| l.split_once('\t'))
            .map(|(n, c)| (n.to_string(), c.to_string()))
            .collect();
        Gazetteer {
            org_aliases,
            name_words,
            flags_by_key,
            first_names,
            surnames,
            places,
            demonyms,
            org_words,
            orgs,
            titles,
            titles_by_first,
        }
    }

    /// The [`flag`]s of every list that knows the word, case aside.
    pub fn flags(&self, word: &str) -> u16 {
        let key = super::features::lower_key(word.trim_end_matches('.'));
        self.flags_by_key.get(&key).copied().unwrap_or(0)
    }

    /// The canonical name of an organisation written another way ("Tories" -> "Conservative
    /// Party"), from the lists that give canonical names only.
    pub fn org_alias(&self, name: &str) -> Option<&str> {
        self.org_aliases.get(name).map(String::as_str)
    }

    /// Every word of `list` of `data/name_words.tsv`, in no particular order.
    pub fn list(&self, list: NameList) -> impl Iterator<Item = &str> + '_ {
        self.name_words[list as usize].iter().map(String::as_str)
    }

    /// Whether `list` of `data/name_words.tsv` holds the word, as written.
    pub fn in_list(&self, list: NameList, word: &str) -> bool {
        self.name_words[list as usize].contains(word)
    }

    /// [`Gazetteer::flags`] of a word given its [`super::features::lower_key`]; a word
    /// ending in a period ("Gen.") is looked up without it.
    pub fn flags_of_key(&self, key: u64, word: &str) -> u16 {
        if word.ends_with('.') {
            return self.flags(word);
        }
        self.flags_by_key.get(&key).copied().unwrap_or(0)
    }

    pub fn first_name_gender(&self, word: &str) -> Option<Gender> {
        with_lowercase(word, |w| self.first_names.get(w).copied())
    }

    /// The gender a first name says, for the gender inference: the census list and our
    /// supplement first ([`Gazetteer::first_name_gender`]), then the wider Social Security
    /// list (`data/given_names.tsv`), which only the gender inference reads: the tagger's
    /// features stay those it was trained with.
    pub fn given_name_gender(&self, word: &str) -> Option<Gender> {
        static GIVEN: OnceLock<FxHashMap<String, Gender>> = OnceLock::new();
        // "Lu Kang": a family name written first is no woman's "Lu".
        if self.in_list(NameList::FamilyFirst, word) {
            return Some(Gender::Unknown);
        }
        if let Some(g) = self.first_name_gender(word) {
            return Some(g);
        }
        let given = GIVEN.get_or_init(|| {
            data_lines(GIVEN_NAMES)
                .filter_map(|l| l.split_once('\t'))
                .map(|(n, g)| {
                    let g = if g == "F" {
                        Gender::Female
                    } else {
                        Gender::Male
                    };
                    (n.to_string(), g)
                })
                .collect()
        });
        with_lowercase(word, |w| given.get(w).copied())
    }

    pub fn is_surname(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.surnames.contains(w))
    }

    /// Canonical place for a name as written, case included ("U.S." -> "United States").
    pub fn place(&self, name: &str) -> Option<&str> {
        self.places.get(name).map(String::as_str)
    }

    /// Canonical place for a demonym ("Iranian" -> "Iran").
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(word).map(String::as_str)
    }

    /// Whether any list knows the word as (part of) a name or a title.
    pub fn is_known_word(&self, word: &str) -> bool {
        self.is_org_word(word)
            || self.place(word).is_some()
            || self.org(word).is_some()
            || self.first_name_gender(word).is_some()
            || self.is_surname(word)
            || self.title_len(&[word]).is_some()
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    /// Canonical organisation for a name as written, case included ("WHO", not "Who").
    pub fn org(&self, name: &str) -> Option<&str> {
        self.orgs.get(name).map(String::as_str)
    }

    /// Whether the word alone is a title ("Mayor", "Gen."): looked up by its first word, as
    /// a scan of every title cost thousands of instructions per word.
    pub fn is_one_word_title(&self, word: &str) -> bool {
        with_lowercase(word.trim_end_matches('.'), |w| {
            self.titles_by_first
                .get(w)
                .is_some_and(|ts| ts.iter().any(|&i| self.titles[i].len() == 1))
        })
    }

    /// Length in tokens of the title that starts `words`, if one does.
    pub fn title_len(&self, words: &[&str]) -> Option<usize> {
        let first = words.first()?.trim_end_matches('.');
        let candidates = with_lowercase(first, |w| self.titles_by_first.get(w))?;
        candidates.iter().find_map(|&i| {
            let t = &self.titles[i];
            let matches = t.len() <= words.len()
                && t[1..].iter().zip(&words[1..]).all(|(a, b)| {
                    let b = b.trim_end_matches('.');
                    a.chars().eq(b.chars().flat_map(char::to_lowercase))
                });
            matches.then_some(t.len())
        })
    }
}

/// Calls `f` with the word in lower case, without allocating for the usual short ASCII word.
pub fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 64];
    if word.len() <= buf.len() {
        // Copied and lowered in one pass, which also tells whether the word is ASCII
        // (a copy of a length known only at run time is otherwise a call to `memcpy`).
        let b = &mut buf[..word.len()];
        let mut high = 0u8;
        for (d, &c) in b.iter_mut().zip(word.as_bytes()) {
            high |= c;
            *d = c.to_ascii_lowercase();
        }
        if high < 0x80 {
            // SAFETY: every byte is ASCII (`high` has no top bit), and ASCII is UTF-8. The
            // check `from_utf8` would repeat was a tenth of these look-ups' cost.
            return f(unsafe { std::str::from_utf8_unchecked(b) });
        }
    }
    f(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_lowercase_gives_the_lower_case_word() {
        let long = "ABC".repeat(30);
        for w in [
            "",
            "A",
            "McDonald",
            "U.S.",
            "Zürich",
            "ÉCOLE",
            "İstanbul",
            &long,
        ] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w}");
        }
    }

    /// The recogniser looks a word up as a particle only if it starts with a small ASCII
    /// letter (`mark_candidates` in `features/sentences.rs`).
    #[test]
    fn every_particle_starts_with_a_small_ascii_letter() {
        let g = Gazetteer::get();
        let particles = &g.name_words[NameList::Particle as usize];
        assert!(!particles.is_empty());
        for w in particles {
            assert!(w.as_bytes()[0].is_ascii_lowercase(), "{w}");
        }
    }

    fn title_case(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| {
                f.to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn one_word_titles_are_the_titles_of_one_word() {
        let g = Gazetteer::get();
        let scan = |w: &str| {
            let lower = w.trim_end_matches('.').to_lowercase();
            g.titles.iter().any(|t| t.len() == 1 && t[0] == lower)
        };
        let mut words: Vec<String> = g.titles.iter().flatten().cloned().collect();
        words.extend(
            [
                "Mayor",
                "Gen.",
                "GENERAL",
                "Prime",
                "Andrew",
                "",
                ".",
                "Président",
            ]
            .map(String::from),
        );
        let titles_of_one = words.iter().filter(|w| scan(w)).count();
        assert!(titles_of_one > 10 && titles_of_one < words.len());
        for w in &words {
            assert_eq!(g.is_one_word_title(w), scan(w), "{w}");
            let capitalised = title_case(w);
            assert_eq!(
                g.is_one_word_title(&capitalised),
                scan(&capitalised),
                "{capitalised}"
            );
        }
    }
}
