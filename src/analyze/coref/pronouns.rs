//! Pronouns, and the two questions asked of them.
//!
//! The quote stage must name a speaker for every "he said": [`Discourse::pronoun`] and
//! [`Discourse::salient_person`] always make their best guess, ranking the candidates of
//! up to a dozen sentences back by whether they speak and whether their gender (from a
//! title or first name) fits the pronoun. The gender evidence asks the opposite way round:
//! the pronoun's gender is the evidence being gathered, so choosing its antecedent by
//! gender would only vote for what the names already say, and a wrong guess would be
//! counted as fact. [`antecedent`] therefore picks, gender aside, only a person no one else
//! could be, and otherwise says nothing. The two answer different questions and give
//! different answers on purpose.

use super::names::name_words;
use super::{Discourse, Referent};
use crate::analyze::names::{EntityType, Gender, Mention};
use crate::analyze::verbs::is_cue;
use crate::analyze::window::{is_furniture, tokens};
use crate::article::Article;

/// Words that stand for a speaker without naming one: a phrase of one is resolved as a
/// pronoun, never read as a name or a description.
pub(in crate::analyze) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "He", "She", "They", "It", "We", "I", "You",
];

impl<'a> Discourse<'a> {
    /// Whom a speaker's pronoun names ("he", "she", "they", "it"), or no one (an empty
    /// canonical name) when the article offers nobody who fits.
    pub(in crate::analyze) fn pronoun(&self, word: &str, at: usize) -> Referent {
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
                Referent {
                    canonical,
                    mention: word.to_string(),
                    kind: Some(kind),
                }
            }
            None => Referent {
                canonical: String::new(),
                mention: word.to_string(),
                kind: None,
            },
        }
    }

    /// "Tore Lindqvast and Lehla Omansky said ... / "...," they said": two people joined by
    /// "and" in the sentence before byte `at` (or the one before it) are who `they` are.
    fn named_pair(&self, at: usize) -> Option<Referent> {
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
                return Some(Referent {
                    canonical: format!("{a} and {b}"),
                    mention: "they".to_string(),
                    kind: Some(EntityType::Person),
                });
            }
        }
        None
    }

    /// The person `he`/`she` at byte `at` most likely refers to. Going back sentence by
    /// sentence, the nearest sentence with a fitting person decides; within it, someone
    /// who speaks ("Redfeather said") beats the first person of the fitting gender, who
    /// beats the first person of unknown gender. The first name of a sentence is usually
    /// its subject, which is what a later pronoun picks up, where the nearest name often
    /// is not ("Redfeather said she ... after the death of Jordan Lafond. "...," she said.").
    /// Any other `pronoun` (a definite description: "the mayor") takes any gender.
    pub(in crate::analyze) fn salient_person(&self, at: usize, pronoun: &str) -> Option<&Mention> {
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
}

/// Sentences a pronoun looks back over for the person it refers to.
const LOOK_BACK: usize = 3;

/// The one person a pronoun at byte `at` of sentence `si` can refer to, gender aside: the
/// only person named before it in its sentence, else the only person of the nearest
/// sentence before that names anyone; a sentence-opening "He"/"She" also takes up the
/// subject (the first name) of that sentence when it names several. For the gender
/// evidence (`names/gender.rs`), which must not vote on a guess (see the module doc);
/// `people`: the persons it may name, in text order.
pub(in crate::analyze) fn antecedent<'m>(
    a: &Article,
    people: &[&'m Mention],
    si: usize,
    at: usize,
    opens_sentence: bool,
) -> Option<&'m str> {
    let in_sentence = |s: usize| {
        let lo = people.partition_point(|m| m.sentence < s);
        let hi = people.partition_point(|m| m.sentence <= s);
        &people[lo..hi]
    };
    let here: Vec<&Mention> = in_sentence(si)
        .iter()
        .filter(|m| m.span.end <= at)
        .copied()
        .collect();
    if !here.is_empty() {
        return only_one(&here);
    }
    for back in 1..=LOOK_BACK.min(si) {
        let there = in_sentence(si - back);
        if there.is_empty() {
            continue;
        }
        if let Some(name) = only_one(there) {
            return Some(name);
        }
        let s = &a.sentences[si - back];
        let first = there[0];
        let subject = a.text[s.span.start..first.span.start]
            .split_whitespace()
            .count()
            <= 1;
        return (opens_sentence && subject).then_some(first.canonical.as_str());
    }
    None
}

/// The canonical name when every mention names the same person.
fn only_one<'m>(ms: &[&'m Mention]) -> Option<&'m str> {
    let first = ms.first()?.canonical.as_str();
    ms.iter().all(|m| m.canonical == first).then_some(first)
}
