//! Who a speaker's phrase names: a pronoun, a bare surname or a description ("the
//! mayor") taken back to someone the article introduced.

use super::context::{
    index_by_alnum_word, index_by_last_word, index_by_word, Ctx, Person, Speaker,
};
use super::lexicon::{
    is_thing_noun, name_words, plausible_name, BUSINESS_NOUNS, PERSON_NOUNS, PRONOUNS,
};
use crate::analyze::names::{self, EntityType, Gender, Mention};
use crate::analyze::verbs::is_cue;
use crate::analyze::window::{collapse_spaces, in_list, is_furniture, tokens, Tok};
use rustc_hash::FxHashMap;
use std::rc::Rc;

impl<'a> Ctx<'a> {
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

    /// "Tore Lindqvast and Lehla Omansky said ... / "...," they said": two people joined by
    /// "and" in the sentence before byte `at` (or the one before it) are who `they` are.
    fn named_pair(&self, at: usize) -> Option<Speaker> {
        let here = self.sentences.partition_point(|s| s.span.start <= at);
        for s in self.sentences[..here].iter().rev().take(2) {
            let end = s.span.end.min(at);
            let inside = self.within(s.span.start, end);
            let pair = inside.windows(2).find(|w| {
                w[0].kind == EntityType::Person
                    && w[1].kind == EntityType::Person
                    && w[0].span.end <= w[1].span.start
                    && self.text[w[0].span.end..w[1].span.start] == *" and "
            });
            if let Some(w) = pair {
                let (a, _) = self.canonical(w[0]);
                let (b, _) = self.canonical(w[1]);
                return Some(Speaker {
                    canonical: format!("{a} and {b}"),
                    mention: "they".to_string(),
                    kind: Some(EntityType::Person),
                });
            }
        }
        None
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

    pub(super) fn of_mention(&self, m: &Mention) -> Speaker {
        let (canonical, kind) = self.canonical(m);
        Speaker {
            canonical,
            mention: m.span.slice(self.text).to_string(),
            kind: Some(kind),
        }
    }

    /// A mention's canonical name as a speaker: descriptions before the first name go,
    /// and a lone first name ("Jordan said") takes the full name it was introduced with.
    fn canonical(&self, m: &Mention) -> (String, EntityType) {
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
    pub(super) fn full_name(&self, word: &str, at: usize) -> Option<String> {
        let m = self.full_mention(word, at)?;
        Some(self.person(m).core.clone())
    }

    /// The mention holding the full name a lone word stands for ([`Ctx::full_name`]).
    fn full_mention(&self, word: &str, at: usize) -> Option<&'a Mention> {
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

    pub(super) fn pronoun(&self, word: &str, at: usize) -> Speaker {
        let lower = word.to_lowercase();
        let found = match lower.as_str() {
            "he" | "she" => self.salient_person(at, &lower),
            "they" => {
                if let Some(pair) = self.named_pair(at) {
                    return pair;
                }
                None
            }
            // An organisation, or a name typed a person that cannot be one ("BC Hydro");
            // among the last few, one that spoke ("BC Hydro said in a statement") first.
            "it" => {
                let recent: Vec<&'a Mention> = self
                    .mentions
                    .iter()
                    .rev()
                    .filter(|m| m.span.end <= at)
                    .filter(|m| {
                        m.kind == EntityType::Org
                            || (m.kind == EntityType::Person && self.person_gender(m).is_none())
                    })
                    .take(4)
                    .copied()
                    .collect();
                recent
                    .iter()
                    .find(|m| self.followed_by_cue(m.span.end, at))
                    .or(recent.first())
                    .copied()
            }
            _ => None,
        };
        match found {
            Some(m) => {
                let (canonical, kind) = self.canonical(m);
                Speaker {
                    canonical,
                    mention: word.to_string(),
                    kind: Some(kind),
                }
            }
            None => Speaker {
                canonical: String::new(),
                mention: word.to_string(),
                kind: None,
            },
        }
    }

    /// The person `he`/`she` at byte `at` most likely refers to. Going back sentence by
    /// sentence, the nearest sentence with a fitting person decides; within it, someone
    /// who speaks ("Redfeather said") beats the first person of the fitting gender, who
    /// beats the first person of unknown gender. The first name of a sentence is usually
    /// its subject, which is what a later pronoun picks up, where the nearest name often
    /// is not ("Redfeather said she ... after the death of Jordan Lafond. "...," she said.").
    /// Any other `pronoun` (a definite description: "the mayor") takes any gender.
    pub(super) fn salient_person(&self, at: usize, pronoun: &str) -> Option<&Mention> {
        let want = match pronoun {
            "she" => Gender::Female,
            "he" => Gender::Male,
            _ => Gender::Unknown,
        };
        let here = self.sentences.partition_point(|s| s.span.start <= at);
        // A person of unknown gender may be a misread name ("Christmas Day"): a fitting
        // person a few sentences further back is preferred to it.
        let mut fallback: Option<(usize, &Mention)> = None;
        for (back, s) in self.sentences[..here].iter().rev().take(12).enumerate() {
            if fallback.is_some_and(|(at, _)| back > at + 2) {
                break;
            }
            let end = s.span.end.min(at);
            // Site furniture ("WATCH: ... Trudeau's 'naïve approach' ...: Brevold") names
            // people in passing.
            if end == s.span.end && is_furniture(&self.text[s.span.start..end]) {
                continue;
            }
            // "He said the business, with Martin Legere, ...": a sentence whose subject
            // is the same pronoun refers to the same person; look further back.
            let first_word = self.text[s.span.start..end]
                .split(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())
                .unwrap_or("");
            if want != Gender::Unknown && first_word.eq_ignore_ascii_case(pronoun) {
                continue;
            }
            // "And she felt the co-worker who sold to him ...": the same pronoun before any
            // name of the sentence continues the same person too.
            // (Only where the sentence names someone: otherwise there is nothing to skip.)
            if want != Gender::Unknown {
                if let Some(first) = self.within(s.span.start, end).first() {
                    let lead = &self.text[s.span.start..first.span.start.max(s.span.start)];
                    if lead.len() > pronoun.len()
                        && name_words(lead).any(|w| w.eq_ignore_ascii_case(pronoun))
                    {
                        continue;
                    }
                }
            }
            let mut best: Option<(u8, &Mention)> = None;
            for m in self
                .within(s.span.start, end)
                .iter()
                .filter(|m| m.span.end <= end)
            {
                let Some(gender) = self.person_gender(m) else {
                    continue;
                };
                if want != Gender::Unknown && gender != want && gender != Gender::Unknown {
                    continue;
                }
                if self.names_no_one_here(m) {
                    continue;
                }
                let speaks = self.followed_by_cue(m.span.end, end)
                    || self.after_inverted_cue(s.span.start, m);
                let rank = if speaks {
                    0
                } else if gender == want || want == Gender::Unknown {
                    1
                } else {
                    2
                };
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, m));
                }
            }
            if best.is_none_or(|(r, _)| r > 0) {
                // "Brevold said ..." where the name module kept no mention for "Brevold":
                // the full name it stands for speaks here.
                let speaking = self.speaking_surname(s.span.start, end);
                if let Some(m) = speaking {
                    let fits = self.person_gender(m).is_some_and(|g| {
                        want == Gender::Unknown || g == want || g == Gender::Unknown
                    });
                    if fits {
                        return Some(m);
                    }
                }
            }
            match best {
                Some((2, m)) if fallback.is_none() => fallback = Some((back, m)),
                Some((2, _)) => {}
                Some((_, m)) => return Some(m),
                None => {}
            }
        }
        fallback.map(|(_, m)| m)
    }

    /// A name that is no one a pronoun can take up: a photo credit ("(Lena Park / CBC
    /// News)") or a name modifying a noun after "the" ("the Kinder Morgan pipeline").
    fn names_no_one_here(&self, m: &Mention) -> bool {
        let before = &self.text[..m.span.start];
        let after = &self.text[m.span.end..];
        // Cheap tests first: this runs for every candidate antecedent.
        let modifier = (before.ends_with("the ") || before.ends_with("The "))
            && after
                .strip_prefix(' ')
                .is_some_and(|rest| rest.starts_with(char::is_lowercase));
        if modifier {
            return true;
        }
        let slash_or_bracket = before.trim_end_matches(' ').ends_with(['(', '/'])
            || after.trim_start_matches(' ').starts_with('/');
        if !slash_or_bracket {
            return false;
        }
        // A credit is short: a bounded look either side keeps this cheap in long texts.
        const NEAR: usize = 120;
        let mut from = m.span.start.saturating_sub(NEAR);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (m.span.end + NEAR).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        let before = &self.text[from..m.span.start];
        let after = &self.text[m.span.end..to];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        before[line_start..]
            .rfind(['(', ')'])
            .is_some_and(|i| before[line_start + i..].starts_with('('))
            && after
                .split(['(', ')', '\n'])
                .next()
                .is_some_and(|inside| after[inside.len()..].starts_with(')'))
    }

    /// The full-name mention of a bare surname that reports in `from..to` ("Brevold said"),
    /// remembered per sentence: pronouns in one article look back over the same sentences.
    fn speaking_surname(&self, from: usize, to: usize) -> Option<&'a Mention> {
        if let Some(found) = self.speaking.borrow().get(&(from, to)) {
            return *found;
        }
        let toks = tokens(self.text, from, to);
        let found = toks.windows(2).find_map(|w| {
            let named = w[0].word
                && w[0].text.starts_with(char::is_uppercase)
                && !PRONOUNS.contains(&w[0].text)
                && is_cue(w[1].text)
                && self.mention_ending_at(&w[0]).is_none();
            named
                .then(|| self.full_mention(w[0].text, w[0].start))
                .flatten()
        });
        self.speaking.borrow_mut().insert((from, to), found);
        found
    }

    /// The gender of a mention that plausibly names a person (`None` if it does not):
    /// typed a person, or an organisation whose name is a title or party label before a
    /// person's name ("Conservative Leader Andrew Brevold").
    fn person_gender(&self, m: &Mention) -> Option<Gender> {
        self.person(m).gender
    }

    /// Whether a reporting verb right before the name makes it the speaker of an inverted
    /// clause: "..., adds Al Basha." (the name then ends the clause).
    fn after_inverted_cue(&self, from: usize, m: &Mention) -> bool {
        let before = &self.text[from..m.span.start];
        let lead = before.trim_end_matches(' ');
        if before.len() - lead.len() != 1 {
            return false;
        }
        let word = lead
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let closes = self.text[m.span.end..]
            .trim_start_matches(['\'', '\u{2019}', 's'])
            .starts_with(['.', ',', ';']);
        closes && is_cue(word)
    }

    /// Whether a reporting verb follows byte `at` (a name's end) before `end`.
    fn followed_by_cue(&self, at: usize, end: usize) -> bool {
        let rest = &self.text[at..end];
        let word = rest
            .trim_start_matches(|c: char| !c.is_alphabetic())
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        rest.len() - rest.trim_start().len() <= 1 && is_cue(word)
    }

    /// A described speaker ("the Syrian presidency", "a spokesman"): the phrase itself,
    /// determiner aside, is the most faithful name; guessing which organisation "the
    /// ministry" is goes wrong as often as right. A bare business noun ("the company",
    /// "the utility") is the exception: it stands for the organisation the article is
    /// about, as readers take it (on the Gender Gap Tracker's reported speech, speaker
    /// accuracy 0.806 -> 0.818).
    ///
    /// A definite description of a person ("the affable proprietor", "the mayor") is
    /// resolved like a pronoun: it names someone the article already introduced.
    pub(super) fn described(&self, words: &[Tok], definite: bool) -> Speaker {
        let phrase = collapse_spaces(&self.text[words[0].start..words[words.len() - 1].end]);
        let last = &words[words.len() - 1];
        let thing = is_thing_noun(last.text);
        if definite && last.text.starts_with(char::is_lowercase) {
            // "the regulator" after "the National Energy Regulator".
            // Candidates: mentions whose name has the word ([`Ctx::by_alnum_word`]).
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
                return Speaker {
                    canonical: m.canonical.clone(),
                    mention: format!("the {phrase}"),
                    kind: Some(EntityType::Org),
                };
            }
            if let [w] = words {
                if in_list(BUSINESS_NOUNS, w.text) {
                    if let Some(m) = self.business_before(words[0].start) {
                        return Speaker {
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
                return Speaker {
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
                    return Speaker {
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
        Speaker {
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
