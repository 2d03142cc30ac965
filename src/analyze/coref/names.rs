//! Short name -> full name: "Brevold" or "Jordan said" after "Andrew Brevold" or "Jordan
//! Stewart", and what a mention says of the person behind it (the bare name under a title,
//! the gender), which pronouns and descriptions ask of every candidate.

use super::descriptions::PERSON_NOUNS;
use super::{index_by_last_word, index_by_word, Discourse, Referent};
use crate::analyze::names::{self, EntityType, Gender, Mention};
use crate::analyze::window::in_list;
use std::rc::Rc;

/// What pronoun and short-name resolution need to know about one mention.
pub(super) struct Person {
    pub(super) core: String,
    pub(super) gender: Option<Gender>,
}

impl<'a> Discourse<'a> {
    /// What a mention says of a person (its bare name, its gender if it names one), worked
    /// out once per mention: pronouns and short names ask it of the same mentions again
    /// and again.
    fn person(&self, m: &Mention) -> Rc<Person> {
        if let Some(p) = self.people.borrow().get(&m.span.start) {
            return Rc::clone(p);
        }
        let mut core = names::person_core(&m.canonical).to_string();
        let personal = m.kind == EntityType::Person || core.len() < m.canonical.len();
        if personal && core.split_whitespace().count() > 2 {
            // "Arms Kevin Ashby" (from "Sergeant-at-Arms Kevin Ashby") when the
            // article also names "Kevin Ashby": the shorter full name is the name.
            // Candidates: persons whose name ends with the same word.
            let last = core.split(' ').next_back().unwrap_or_default();
            let candidates = self
                .by_last_word
                .get_or_init(|| index_by_last_word(&self.mentions))
                .get(last)
                .map_or(&[][..], Vec::as_slice);
            let shorter = candidates
                .iter()
                .map(|&i| self.mentions[i as usize])
                .find(|o| {
                    o.kind == EntityType::Person
                        && o.canonical.contains(' ')
                        && o.canonical.len() < core.len()
                        && core.ends_with(o.canonical.as_str())
                        && core[..core.len() - o.canonical.len()].ends_with(' ')
                });
            if let Some(o) = shorter {
                core = o.canonical.clone();
            }
        }
        let g = names::Gazetteer::get();
        let first = name_words(&core)
            .next()
            .and_then(|w| g.given_name_gender(w));
        // "Yuni, a resident of Lampung": a lone unknown word described as a person.
        let described_person = m.kind == EntityType::Org
            && self.text[m.span.end..].starts_with(", a")
            && !core.contains(' ')
            && core.chars().any(char::is_lowercase)
            && self.apposition_names_a_person(m.span.end)
            && g.org(&core).is_none();
        let gender = match m.kind {
            _ if described_person => Some(Gender::Unknown),
            EntityType::Person if m.gender != Gender::Unknown => Some(m.gender),
            // A name of unknown gender with no first name is often no person at all
            // ("American Crime Story", "Homeland Security", "Burnaby RCMP").
            EntityType::Person if first.is_none() && !plausible_name(&core) => None,
            EntityType::Person => Some(first.unwrap_or(Gender::Unknown)),
            // "Commerce Minister Kavita Raghunathan": a title came off, so a person.
            EntityType::Org if core.len() < m.canonical.len() => {
                Some(first.unwrap_or(Gender::Unknown))
            }
            _ => None,
        };
        let p = Rc::new(Person { core, gender });
        self.people.borrow_mut().insert(m.span.start, Rc::clone(&p));
        p
    }

    /// The gender of a mention that plausibly names a person (`None` if it does not):
    /// typed a person, or an organisation whose name is a title or party label before a
    /// person's name ("Conservative Leader Andrew Brevold").
    pub(super) fn person_gender(&self, m: &Mention) -> Option<Gender> {
        self.person(m).gender
    }

    /// Whether the text at byte `at` (a name's end) opens an apposition describing a
    /// person: ", a resident of ...", ", an Ottawa lawyer,".
    fn apposition_names_a_person(&self, at: usize) -> bool {
        let rest = &self.text[at..];
        let Some(rest) = rest
            .strip_prefix(", a ")
            .or_else(|| rest.strip_prefix(", an "))
        else {
            return false;
        };
        name_words(rest.split([',', '.', ';']).next().unwrap_or(""))
            .take(4)
            .any(|w| in_list(PERSON_NOUNS, w))
    }

    /// A name that stands for itself: the words as written, resolved to the canonical
    /// name a speaker is reported under ([`Discourse::canonical`]).
    pub(in crate::analyze) fn of_mention(&self, m: &Mention) -> Referent {
        let (canonical, kind) = self.canonical(m);
        Referent {
            canonical,
            mention: m.span.slice(self.text).to_string(),
            kind: Some(kind),
        }
    }

    /// A mention's canonical name as a speaker: descriptions before the first name go,
    /// and a lone first name ("Jordan said") takes the full name it was introduced with.
    pub(super) fn canonical(&self, m: &Mention) -> (String, EntityType) {
        if let Some(found) = self.canonicals.borrow().get(&m.span.start) {
            return found.clone();
        }
        let found = self.canonical_uncached(m);
        self.canonicals
            .borrow_mut()
            .insert(m.span.start, found.clone());
        found
    }

    fn canonical_uncached(&self, m: &Mention) -> (String, EntityType) {
        let p = self.person(m);
        if p.core.split_whitespace().count() > 4 {
            // A title-case headline read as one name ("Trump Got More Votes Than Hillary
            // Clinton"): the words as written are the better name.
            let written = names::normalise(m.span.slice(self.text));
            if written.split_whitespace().count() <= 4 {
                return (written, m.kind);
            }
        }
        if p.core != m.canonical && p.gender.is_some() {
            return (p.core.clone(), EntityType::Person);
        }
        if m.canonical.contains(' ') {
            return (m.canonical.clone(), m.kind);
        }
        if m.kind == EntityType::Place {
            // "Jordan said" after "Jordan Stewart": a lone place name that speaks is the
            // person of the article whose first or last name it is.
            let written = m.span.slice(self.text);
            let speaks =
                !written.contains(' ') && self.followed_by_cue(m.span.end, self.text.len());
            return match speaks
                .then(|| self.full_name(written, m.span.start))
                .flatten()
            {
                Some(full) => (full, EntityType::Person),
                None => (m.canonical.clone(), m.kind),
            };
        }
        match self.full_name(&m.canonical, m.span.start) {
            Some(full) => (full, EntityType::Person),
            None => (m.canonical.clone(), m.kind),
        }
    }

    /// The full name a lone word stands for: the nearest person named before `at` (else
    /// after) whose name starts or ends with it ("Jordan", "Brevold").
    pub(in crate::analyze) fn full_name(&self, word: &str, at: usize) -> Option<String> {
        let m = self.full_mention(word, at)?;
        Some(self.person(m).core.clone())
    }

    /// The mention holding the full name a lone word stands for ([`Discourse::full_name`]).
    pub(super) fn full_mention(&self, word: &str, at: usize) -> Option<&'a Mention> {
        // Only mentions whose name contains the word at all.
        let candidates = self
            .by_word
            .get_or_init(|| index_by_word(&self.mentions))
            .get(&word.to_ascii_lowercase())?;
        let full = |m: &&Mention| {
            let p = self.person(m);
            let mut words = name_words(&p.core);
            let first = words.next();
            let last = words.last();
            last.is_some()
                && (first.is_some_and(|t| t.eq_ignore_ascii_case(word))
                    || last.is_some_and(|t| t.eq_ignore_ascii_case(word)))
                && p.gender.is_some()
        };
        let candidate = |&i: &u32| self.mentions[i as usize];
        // Candidates are in text order, so every one that ends by `at` is in the prefix
        // that starts by it: a long text is not scanned from its end for every lookup.
        let starting = candidates.partition_point(|&i| self.mentions[i as usize].span.start <= at);
        let before = candidates[..starting]
            .iter()
            .map(candidate)
            .filter(|m| m.span.end <= at)
            .rfind(full);
        before.or_else(|| candidates.iter().map(candidate).find(full))
    }
}

/// Whether a name with no known first name still looks like a person's: no word of it is
/// an organisation word, a place, a demonym, an acronym or a common naming word.
pub(super) fn plausible_name(name: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "Day", "Story", "Street", "Avenue", "Road", "Tours", "Tour", "Park", "Hall", "Island",
        "Bay", "River", "Lake", "Mountain", "Valley", "Bridge", "Station", "Airport", "Square",
        "Security", "Affairs", "Services", "Service", "Week", "Year", "Act", "Bill", "Plan",
        "Program", "Project", "Report", "Show", "News", "Times", "Post", "Press", "Media", "Games",
        "Cup", "League", "Series", "Award", "Awards", "Prize", "More", "Read", "Watch",
    ];
    let g = names::Gazetteer::get();
    name.split_whitespace().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = letters >= 2 && !w.chars().any(char::is_lowercase);
        !(acronym
            || g.is_org_word(w)
            || g.place(w).is_some()
            || g.demonym(w).is_some()
            || NOT_NAMES.contains(&w))
    })
}

/// The words of a name ("Bashar Al-Assad" -> Bashar, Al, Assad), without allocating.
pub(super) fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_of_place_or_organisation_words_is_no_plausible_persons_name() {
        assert!(!plausible_name("Harbour Security Centre") && plausible_name("Redfeather"));
    }
}
