//! Descriptions: "the mayor", "the company", "a spokesperson". A definite description of
//! a person names someone the article already introduced, by the role it gave them or as
//! its main character; "the company" is the organisation the article is about; any other
//! description is its own best name. The word lists say which head nouns are people,
//! businesses, or things that never speak for a person.

use super::names::{name_words, plausible_name};
use super::{index_by_alnum_word, Discourse, Referent};
use crate::analyze::names::{EntityType, Mention};
use crate::analyze::window::{collapse_spaces, in_list, Tok};
use rustc_hash::FxHashMap;

/// The thing nouns ([`is_thing_noun`]) that are bodies, not documents: "her party said" is no quotation
/// of her.
const ORG_THINGS: &[&str] = &[
    "agency",
    "department",
    "ministry",
    "company",
    "firm",
    "government",
    "office",
    "commission",
    "committee",
    "council",
    "board",
    "group",
    "union",
    "party",
    "campaign",
    "team",
    "organization",
    "organisation",
    "association",
    "university",
    "school",
    "police",
    "court",
    "utility",
    "city",
    "province",
    "state",
    "country",
    "presidency",
    "embassy",
    "service",
];

/// Descriptions that stand for the business or body an article is about ("the company
/// said"): resolved to the organisation the article is about. Not "the bank" or "the
/// union", which are as often a body the article names only in passing ("Bank of England
/// Governor Ingrid Salcedo ... The bank said").
const BUSINESS_NOUNS: &[&str] = &[
    "company",
    "firm",
    "agency",
    "utility",
    "airline",
    "carrier",
    "retailer",
    "automaker",
    "carmaker",
    "insurer",
    "lender",
    "broadcaster",
    "charity",
    "organization",
    "organisation",
    "group",
    "club",
];

/// Head nouns that make a described speaker a person rather than an organisation.
pub(super) const PERSON_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "doctor",
    "doctors",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "director",
    "chief",
    "minister",
    "president",
    "leader",
    "leaders",
    "manager",
    "officer",
    "officers",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "candidate",
    "senator",
    "governor",
    "mayor",
    "secretary",
    "chairman",
    "chairwoman",
    "founder",
    "owner",
    "professor",
    "researcher",
    "researchers",
    "scientist",
    "scientists",
    "economist",
    "economists",
    "member",
    "members",
    "critics",
    "supporters",
    "voters",
    "people",
    "man",
    "woman",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "friend",
    "ceo",
    "executive",
    "executives",
    "staffer",
    "strategist",
    "pollster",
    "coach",
    "judge",
    "prosecutor",
    "prosecutors",
    "police",
    "diplomat",
    "diplomats",
    "activist",
    "activists",
    "student",
    "students",
    "teacher",
    "worker",
    "workers",
    "victim",
    "author",
    "reporter",
    "host",
    "nominee",
    "king",
    "queen",
];

/// Heads of descriptions that name a document, a place or a body not in [`ORG_THINGS`],
/// never a person: "the report said" is not a pronoun for the last person named.
pub(in crate::analyze) const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "statement",
    "memo",
    "post",
    "letter",
    "study",
    "survey",
    "poll",
    "document",
    "documents",
    "filing",
    "website",
    "site",
    "release",
    "email",
    "tweet",
    "article",
    "book",
    "paper",
    "editorial",
    "complaint",
    "lawsuit",
    "ruling",
    "order",
    "bank",
    "network",
    "newspaper",
    "magazine",
    "channel",
    "administration",
    "agreement",
    "plan",
    "bill",
    "law",
    "message",
    "sign",
    "note",
    "video",
    "ad",
    "advertisement",
    "page",
    "account",
    "foundation",
    "institute",
    "center",
    "centre",
    "club",
    "league",
    "network",
    "station",
    "paper",
    "outlet",
    "program",
    "programme",
    "regime",
    "military",
    "army",
    "navy",
    "jury",
    "panel",
    "cabinet",
    "parliament",
    "congress",
    "senate",
    "house",
    "white",
    "kremlin",
    "pentagon",
    "times",
    "post",
    "journal",
    "news",
    "press",
    "media",
    "decision",
    "verdict",
    "announcement",
    "brochure",
    "caption",
    "headline",
    "lyrics",
    "song",
    "slogan",
    "banner",
    "placard",
    "motto",
    "declaration",
    "resolution",
    "communique",
    "transcript",
    "indictment",
    "affidavit",
    "platform",
    "proposal",
    "guidelines",
    "policy",
    "manual",
    "textbook",
    "handbook",
];

/// Speakers that are things rather than people: documents and bodies.
fn is_thing_noun(word: &str) -> bool {
    in_list(DOCUMENT_NOUNS, word) || in_list(ORG_THINGS, word)
}

impl<'a> Discourse<'a> {
    /// A described speaker ("the Syrian presidency", "a spokesman"): the phrase itself,
    /// determiner aside, is the most faithful name; guessing which organisation "the
    /// ministry" is goes wrong as often as right. A bare business noun ("the company",
    /// "the utility") is the exception: it stands for the organisation the article is
    /// about, as readers take it (on the Gender Gap Tracker's reported speech, speaker
    /// accuracy 0.806 -> 0.818).
    ///
    /// A definite description of a person ("the affable proprietor", "the mayor") is
    /// resolved like a pronoun: it names someone the article already introduced.
    pub(in crate::analyze) fn described(&self, words: &[Tok], definite: bool) -> Referent {
        let phrase = collapse_spaces(&self.text[words[0].start..words[words.len() - 1].end]);
        let last = &words[words.len() - 1];
        let thing = is_thing_noun(last.text);
        if definite && last.text.starts_with(char::is_lowercase) {
            // "the regulator" after "the National Energy Regulator".
            // Candidates: mentions whose name has the word ([`Discourse::by_alnum_word`]).
            let org = self
                .by_alnum_word
                .get_or_init(|| index_by_alnum_word(&self.mentions))
                .get(&last.text.to_ascii_lowercase())
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|&i| self.mentions[i as usize])
                .rev()
                .find(|m| m.span.end <= words[0].start && m.kind == EntityType::Org);
            if let Some(m) = org {
                return Referent {
                    canonical: m.canonical.clone(),
                    mention: format!("the {phrase}"),
                    kind: Some(EntityType::Org),
                };
            }
            if let [w] = words {
                if in_list(BUSINESS_NOUNS, w.text) {
                    if let Some(m) = self.business_before(words[0].start) {
                        return Referent {
                            canonical: m.canonical.clone(),
                            mention: format!("the {phrase}"),
                            kind: Some(EntityType::Org),
                        };
                    }
                }
            }
        }
        // A plural ("the streets", "the officials") is no one person.
        let plural = last.text.ends_with('s') && !last.text.ends_with("ss");
        if definite && !thing && !plural && last.text.starts_with(char::is_lowercase) {
            let found = self
                .introduced_as(last.text, words[0].start)
                .or_else(|| self.salient_person(words[0].start, "the"))
                .or_else(|| self.most_named_person(words[0].start));
            if let Some(m) = found {
                let (canonical, kind) = self.canonical(m);
                return Referent {
                    canonical,
                    mention: format!("the {phrase}"),
                    kind: Some(kind),
                };
            }
        }
        if let [w] = words {
            // A surname the name module left alone ("Brevold said").
            if w.text.starts_with(char::is_uppercase) {
                if let Some(full) = self.full_name(w.text, w.start) {
                    return Referent {
                        canonical: full,
                        mention: phrase,
                        kind: Some(EntityType::Person),
                    };
                }
            }
        }
        // "says Chetham Lakshman, vice-president, external affairs": a capitalised name no
        // list knows, set off by a person's role, is a person's.
        let role_after = || {
            let rest = self.text[last.end..].strip_prefix(", ").unwrap_or("");
            let role = rest
                .split([' ', ','])
                .find(|w| !matches!(*w, "" | "a" | "an" | "the" | "its" | "his" | "her"))
                .unwrap_or("");
            let head = role.rsplit('-').next().unwrap_or(role);
            in_list(PERSON_NOUNS, &head.to_lowercase())
        };
        let capitalised = words.len() >= 2
            && words.iter().all(|w| w.text.starts_with(char::is_uppercase))
            && plausible_name(&phrase);
        let person =
            in_list(PERSON_NOUNS, words[words.len() - 1].text) || (capitalised && role_after());
        Referent {
            canonical: phrase.clone(),
            mention: phrase,
            kind: Some(if person {
                EntityType::Person
            } else {
                EntityType::Org
            }),
        }
    }

    /// The organisation "the company" stands for: the nearest named at least twice before
    /// byte `at` (the article's subject, not a passing name), else the nearest named once.
    fn business_before(&self, at: usize) -> Option<&'a Mention> {
        self.named_before(at, EntityType::Org)
            .into_iter()
            .max_by_key(|&(n, _, last)| (n.min(2), last.span.start))
            .map(|(_, _, last)| last)
    }

    /// Each name of `kind` mentioned before byte `at`: how often, its first and its last
    /// mention.
    fn named_before(&self, at: usize, kind: EntityType) -> Vec<(u32, &'a Mention, &'a Mention)> {
        let mut counts: FxHashMap<&str, (u32, &'a Mention, &'a Mention)> = FxHashMap::default();
        for m in self
            .mentions
            .iter()
            .filter(|m| m.span.end <= at && m.kind == kind)
        {
            let e = counts.entry(m.canonical.as_str()).or_insert((0, m, m));
            e.0 += 1;
            e.2 = m;
        }
        counts.into_values().collect()
    }

    /// The person the article introduced with the role a definite description names: "the
    /// mayor" after "Mayor Doug McCallum" or "Doug McCallum, the city's mayor", "the
    /// professor" after "Guenther Koberle, a professor at ...". The nearest such person
    /// before byte `at`: the role word among the few words before the name (its title) or
    /// in the apposition after it, up to the next sentence end.
    fn introduced_as(&self, role: &str, at: usize) -> Option<&'a Mention> {
        const BEFORE: usize = 40;
        const AFTER: usize = 80;
        // A substring search first ("ayor" for "Mayor" or "mayor"), words only on a hit.
        let tail = role.get(1..).unwrap_or(role);
        let has_role = |window: &str| {
            window.contains(tail) && name_words(window).any(|w| w.eq_ignore_ascii_case(role))
        };
        // Mentions are in text order: none that starts after `at` can end by it.
        let starting = self.mentions.partition_point(|m| m.span.start <= at);
        // The last occurrence of `tail` ending by some bound, found once and kept while the
        // bounds fall as the search goes back: a mention whose windows hold no occurrence
        // is passed over without building them, so a long text (a whole archive in one
        // file) is searched once per description rather than window by window.
        let mut occurrence: Option<(usize, Option<usize>)> = None;
        let mut last_ending_by = |bound: usize| -> Option<usize> {
            if let Some((b, q)) = occurrence {
                let still = match q {
                    Some(q) => q + tail.len() <= bound && bound <= b,
                    None => bound <= b,
                };
                if still {
                    return q;
                }
            }
            let q = memchr::memmem::rfind(&self.text.as_bytes()[..bound], tail.as_bytes());
            occurrence = Some((bound, q));
            q
        };
        self.mentions[..starting]
            .iter()
            .rev()
            .filter(|m| m.span.end <= at)
            .find(|m| {
                let mut from = m.span.start.saturating_sub(BEFORE);
                while !self.text.is_char_boundary(from) {
                    from += 1;
                }
                let mut to = (m.span.end + AFTER).min(at).min(self.text.len());
                while !self.text.is_char_boundary(to) {
                    to -= 1;
                }
                // Both windows lie in `from..to`; without `tail` there, neither has the role.
                if last_ending_by(to.max(m.span.end)).is_none_or(|q| q < from) {
                    return false;
                }
                let before = &self.text[from..m.span.start];
                // Only the words of the same clause: "..., the mayor said. Doug Smith".
                let before = before
                    .rsplit(['.', ',', ';', ':', '\n', '"', '\u{201c}', '\u{201d}'])
                    .next()
                    .unwrap_or(before);
                let after = &self.text[m.span.end..to.max(m.span.end)];
                // An apposition: ", a professor at ...", ", the city's mayor,".
                let after = after
                    .strip_prefix(", ")
                    .map(|a| {
                        a.split(['.', ';', '\n', '"', '\u{201c}'])
                            .next()
                            .unwrap_or("")
                    })
                    .unwrap_or("");
                // The role test first: it is cheap, the person test is not.
                (has_role(before) || has_role(after)) && self.person_gender(m).is_some()
            })
            .copied()
    }

    /// The person named most often before byte `at` (at least twice): what a definite
    /// description ("the mayor") far from any name most likely refers to, the article's
    /// main character.
    fn most_named_person(&self, at: usize) -> Option<&'a Mention> {
        let mut ranked: Vec<(u32, &'a Mention)> = self
            .named_before(at, EntityType::Person)
            .into_iter()
            .filter(|&(n, _, _)| n >= 2)
            .map(|(n, first, _)| (n, first))
            .collect();
        // Ties go to the earlier name: the one the article opened with.
        ranked.sort_by_key(|(n, m)| (std::cmp::Reverse(*n), m.span.start));
        ranked
            .into_iter()
            .map(|(_, m)| m)
            .find(|m| self.person_gender(m).is_some())
    }
}
