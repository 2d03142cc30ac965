//! The phrase beside a cue that names its speaker: before it ("the lanky professor
//! said"), after it ("said Hugh Hill, a doctor") or opening the clause.

use super::context::{Ctx, Found, Speaker};
use super::lexicon::{
    is_indefinite, opens_sentence_only, ADVERBS, INTRO_WORDS, NP_STOP, PERIODS, PERIOD_DEIXIS,
    TIME_ADVERBS, WEEKDAYS,
};
use crate::analyze::coref::{DOCUMENT_NOUNS, PRONOUNS};
use crate::analyze::names::{EntityType, Mention};
use crate::analyze::verbs::is_cue;
use crate::analyze::window::{collapse_spaces, in_list, Tok};

/// Prepositions of the place a participle phrase sets a speaker in.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "through", "at", "on", "near", "outside", "inside", "across", "along", "around",
    "behind", "into", "from",
];

impl<'a> Ctx<'a> {
    /// Who does the reporting verb at token `k`. A participle ("..., saying", "adding")
    /// belongs to the clause's subject, not to the noun just before it ("Trump unleashed
    /// a series of tweets early Friday saying"), unless a name or pronoun stands there.
    pub(super) fn subject_of_cue(
        &self,
        toks: &[Tok],
        lo: usize,
        k: usize,
        cue: &str,
    ) -> Option<Speaker> {
        if k == 0 || k <= lo {
            return None;
        }
        let participle = cue.ends_with("ing") && !cue.contains(' ');
        if participle {
            let prev = &toks[k - 1];
            let named = PRONOUNS.contains(&prev.text) || self.mention_ending_at(prev).is_some();
            if !named {
                if let Some(s) = self.first_in_clause(toks, lo, k) {
                    return Some(s);
                }
            }
        }
        self.speaker_before(toks, lo, k - 1)
            .filter(|s| !is_no_one(&s.canonical))
    }

    /// The speaker whose phrase ends at token `k` (the cue is at `k + 1`), looking no
    /// further left than token `lo`.
    pub(super) fn speaker_before(&self, toks: &[Tok], lo: usize, k: usize) -> Option<Speaker> {
        let mut k = k as isize;
        while k >= lo as isize {
            let t = &toks[k as usize];
            let adverb = t.text.len() > 4
                && t.text.ends_with("ly")
                && t.text.starts_with(char::is_lowercase);
            // "UFCW Local 832 late Friday said", "Easley first told": time words
            // between the speaker and the cue.
            // Only a small letter makes "early" an adverb: "Rex Early described".
            let time = in_list(WEEKDAYS, t.text)
                || (t.text.starts_with(char::is_lowercase) && in_list(TIME_ADVERBS, t.text));
            if t.word && (adverb || time || in_list(ADVERBS, t.text)) {
                k -= 1;
                continue;
            }
            // "Rempel, who earlier this week called", "the minister last month said".
            if k > lo as isize
                && in_list(PERIODS, t.text)
                && in_list(PERIOD_DEIXIS, toks[k as usize - 1].text)
            {
                k -= 2;
                continue;
            }
            break;
        }
        if k < lo as isize {
            return None;
        }
        let mut k = k as usize;
        if toks[k].text == ")" {
            // "Rep. John Mica (R-Fla.) said": the name is before the parenthesis.
            let open = (lo..k).rev().find(|&j| toks[j].text == "(")?;
            k = open.checked_sub(1).filter(|&j| j >= lo)?;
        }
        let t = &toks[k];
        if !t.word {
            if t.text == "," {
                return self.appositive(toks, lo, k);
            }
            return None;
        }
        if PRONOUNS.contains(&t.text) {
            return Some(self.pronoun(t.text, t.start));
        }
        // "from Mike Lee, who declared ...": the relative pronoun's antecedent speaks.
        if t.text == "who" && k >= lo + 2 && toks[k - 1].text == "," {
            if let Some(m) = self.mention_ending_at(&toks[k - 2]) {
                // "Sen. Marco Rubio of Florida, who": the person, not the place.
                let person_of = (m.kind == EntityType::Place)
                    .then(|| {
                        let of = (lo..k - 2).rev().find(|&j| toks[j].end <= m.span.start)?;
                        (toks[of].text == "of" && of > lo)
                            .then(|| self.mention_ending_at(&toks[of - 1]))
                            .flatten()
                    })
                    .flatten();
                return Some(self.of_mention(person_of.unwrap_or(m)));
            }
        }
        if let Some(m) = self.mention_ending_at(t) {
            return Some(self.of_mention(m));
        }
        if !t.text.chars().next().is_some_and(char::is_alphabetic) {
            // "UFCW Local 832 said": a number ending an organisation's name.
            let org = (k > lo && t.text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| self.mention_ending_at(&toks[k - 1]))
                .flatten()
                .filter(|m| m.kind == EntityType::Org && m.span.end == toks[k - 1].end);
            return org.map(|m| self.of_mention(m));
        }
        let mut j = k;
        while j > lo
            && k - j < 4
            && toks[j - 1].word
            && !in_list(NP_STOP, toks[j - 1].text)
            && !is_cue(toks[j - 1].text)
        {
            j -= 1;
        }
        if t.text == "and" || t.text == "but" {
            // "ProPublica obtained a video ... and said", "Massie backed Paul, but now
            // says": the clause's subject.
            return self.first_in_clause(toks, lo, k);
        }
        if in_list(NP_STOP, t.text) {
            return None;
        }
        // "Protesters marching through the streets chanted", "a man standing in the crowd
        // shouted": the place of a participle phrase is not its subject.
        let mut p = j;
        if p > lo && matches!(toks[p - 1].text, "the" | "a" | "an") {
            p -= 1;
        }
        if p >= lo + 3
            && in_list(PLACE_PREPOSITIONS, toks[p - 1].text)
            && toks[p - 2].word
            && toks[p - 2].text.ends_with("ing")
            && toks[p - 2].text.starts_with(char::is_lowercase)
        {
            if let Some(s) = self.speaker_before(toks, lo, p - 3) {
                return Some(s);
            }
        }
        // "the lanky, bespectacled professor said": adjectives set off by a comma.
        let definite = (j > lo && toks[j - 1].text.eq_ignore_ascii_case("the"))
            || (j >= lo + 3
                && toks[j - 1].text == ","
                && toks[j - 2].word
                && toks[j - 2].text.starts_with(char::is_lowercase)
                && !in_list(NP_STOP, toks[j - 2].text)
                && toks[j - 3].text.eq_ignore_ascii_case("the"));
        // "her statement read", "his letter said": the document speaks for its author.
        if j > lo && in_list(DOCUMENT_NOUNS, toks[k].text) {
            let owner = match toks[j - 1].text.to_ascii_lowercase().as_str() {
                "his" => Some("he"),
                "her" => Some("she"),
                _ => None,
            };
            if let Some(pronoun) = owner {
                let found = self.pronoun(pronoun, toks[j - 1].start);
                if !found.canonical.is_empty() {
                    return Some(Speaker {
                        mention: collapse_spaces(&self.text[toks[j - 1].start..toks[k].end]),
                        ..found
                    });
                }
            }
        }
        // "a spokesperson said": an indefinite speaker keeps its article.
        let j = if j > lo && is_indefinite(toks[j - 1].text) {
            j - 1
        } else {
            j
        };
        Some(self.described(&toks[j..=k], definite))
    }

    /// The subject of `X, description, said` (the comma at `k`): the name just before the
    /// comma when the description is a name in apposition ("Y's agent, Danny Fritz,"),
    /// else the first name of the clause ("Ali Shamkhani, Secretary of ...,").
    fn appositive(&self, toks: &[Tok], lo: usize, k: usize) -> Option<Speaker> {
        if k > lo {
            let prev = &toks[k - 1];
            if let Some(m) = self.mention_ending_at(prev) {
                let opening = (lo..k - 1).rev().find(|&j| toks[j].text == ",");
                let plain = opening.is_some_and(|c| {
                    toks[c + 1..k - 1]
                        .iter()
                        .all(|t| t.start >= m.span.start || !t.text.starts_with(char::is_lowercase))
                });
                if m.kind == EntityType::Person && plain {
                    return Some(self.of_mention(m));
                }
            }
        }
        // "Levine, who has given money to Marco Rubio, said", "Harry Bond, 30, of Raleigh,
        // N.C., said": going back comma by comma, the first person named (or capitalised
        // word) right before a comma opens the description.
        for c in (lo + 1..k).rev().filter(|&c| toks[c].text == ",") {
            let t = &toks[c - 1];
            match self.mention_ending_at(t) {
                Some(m) if m.kind == EntityType::Person => return Some(self.of_mention(m)),
                Some(_) => continue,
                None => {}
            }
            // "a citizen, whose name is redacted, wrote", "Another member of the public,
            // who ...": a described speaker before a relative clause.
            if t.word
                && t.text.starts_with(char::is_lowercase)
                && toks
                    .get(c + 1)
                    .is_some_and(|n| in_list(&["who", "whose"], n.text))
            {
                // The leftmost determiner of the phrase opens it: "Another member of the
                // public".
                let mut j = c - 1;
                let mut opens = c - 1;
                while j > lo && c - j < 7 && toks[j - 1].word && !is_cue(toks[j - 1].text) {
                    j -= 1;
                    if in_list(&["a", "an", "another", "the"], toks[j].text) {
                        opens = j;
                    }
                }
                let j = opens;
                let det = toks[j].text;
                if is_indefinite(det) {
                    return Some(self.described(&toks[j..c], false));
                }
                if det.eq_ignore_ascii_case("the") && j + 1 < c {
                    return Some(self.described(&toks[j + 1..c], true));
                }
            }
            let capital = t.word && t.text.starts_with(char::is_uppercase);
            let opens_description = toks.get(c + 1).is_some_and(|n| {
                in_list(&["who", "a", "an", "the", "whose"], n.text)
                    || !n.word
                    || n.text.starts_with(|c: char| c.is_ascii_digit())
            });
            if capital
                && opens_description
                && !in_list(NP_STOP, t.text)
                && !opens_sentence_only(t.text)
                && (c - 1 == lo || !toks[c - 2].word || toks[c - 2].text == ",")
            {
                return Some(self.described(&toks[c - 1..c], false));
            }
        }
        self.first_in_clause(toks, lo, k)
    }

    /// The first person or organisation named in a sentence, with no cue.
    pub(super) fn subject(&self, toks: &[Tok]) -> Option<Found> {
        let (mut from, to) = (toks.first()?.start, toks.last()?.end);
        // "At a fundraiser with Barbra Streisand, Clinton called ...": the subject comes
        // after an introductory phrase.
        if in_list(INTRO_WORDS, toks[0].text) {
            if let Some(c) = toks.iter().take(20).position(|t| t.text == ",") {
                if let Some(next) = toks.get(c + 1) {
                    from = next.start;
                }
            }
        }
        let m = self
            .within(from, to)
            .iter()
            .find(|m| m.span.end <= to && m.kind != EntityType::Place)?;
        Some((self.of_mention(m), String::new()))
    }

    /// The first person (else organisation) named in `toks[lo..k]`, or a pronoun opening it.
    fn first_in_clause(&self, toks: &[Tok], lo: usize, k: usize) -> Option<Speaker> {
        let (from, to) = (toks[lo].start, toks[k].end);
        if let Some(t) = toks[lo..k].iter().find(|t| t.word) {
            if PRONOUNS.contains(&t.text) {
                return Some(self.pronoun(t.text, t.start));
            }
        }
        // A possessor is not the subject: "Hillary Clinton's campaign manager Robby Mook".
        let possessor = |m: &Mention| self.text[m.span.end..].starts_with(['\'', '\u{2019}']);
        let inside: Vec<&Mention> = self
            .within(from, to)
            .iter()
            .copied()
            .filter(|m| m.span.end <= to && !possessor(m))
            .collect();
        let named = inside
            .iter()
            .find(|m| m.kind == EntityType::Person)
            .or_else(|| inside.iter().find(|m| m.kind == EntityType::Org))
            .map(|m| self.of_mention(m));
        named.or_else(|| {
            // "Small, who attended the rally, said": a name the name module did not
            // take, opening the clause.
            let first = toks[lo..k].iter().position(|t| t.word)? + lo;
            let t = &toks[first];
            let capital = t.text.starts_with(char::is_uppercase);
            let stop = in_list(NP_STOP, t.text);
            (capital
                && !stop
                && !opens_sentence_only(t.text)
                && toks.get(first + 1).is_some_and(|n| n.text == ","))
            .then(|| self.described(&toks[first..=first], false))
        })
    }

    /// The speaker named right after a cue ("said Hugh Hill, a doctor", "according to the
    /// ministry"), up to the next punctuation or preposition.
    pub(super) fn speaker_after(&self, toks: &[Tok], k: usize, hi: usize) -> Option<Speaker> {
        let mut end = k;
        while end < hi && toks[end].word {
            if end > k
                && in_list(
                    &[
                        "in", "on", "at", "during", "after", "who", "that", "as", "when",
                    ],
                    toks[end].text,
                )
            {
                break;
            }
            end += 1;
        }
        if end == k {
            return None;
        }
        let first = &toks[k];
        if PRONOUNS.contains(&first.text) {
            return Some(self.pronoun(first.text, first.start));
        }
        let (from, to) = (toks[k].start, toks[end - 1].end);
        let inside = self.within(from, to);
        // A name that only modifies the head of the phrase speaks for no one: "the
        // self-taught Cambridge resident" (a place or organisation before a lower-case
        // noun), "the IFSD's Tahmir Ali Khan" (a possessor before another name).
        let modifier = |i: usize, m: &Mention| {
            let rest = self.text.get(m.span.end..to).unwrap_or("");
            let possessor = rest.starts_with(['\'', '\u{2019}']) && i + 1 < inside.len();
            let before_noun = m.kind != EntityType::Person
                && rest.starts_with(' ')
                && rest[1..].starts_with(|c: char| c.is_lowercase());
            possessor || before_noun
        };
        // "says Campbell's partner, Jason Louth", "said the club's manager, Dana Feld": a
        // description with no person of its own, then a person's name in apposition.
        let own_person = inside.iter().any(|m| {
            m.kind == EntityType::Person
                && !self
                    .text
                    .get(m.span.end..)
                    .is_some_and(|r| r.starts_with(['\'', '\u{2019}']))
        });
        if !own_person && end + 1 < hi && toks[end].text == "," {
            let next = &toks[end + 1];
            let named = self
                .within(next.start, next.end)
                .first()
                .filter(|m| m.span.start == next.start && m.kind == EntityType::Person)
                // "According to ProPublica, Clinton praised": a new clause's subject.
                .filter(|m| {
                    let rest = self.text[m.span.end..].trim_start();
                    !rest.starts_with(|c: char| c.is_alphanumeric())
                });
            if let Some(m) = named {
                return Some(self.of_mention(m));
            }
        }
        let found = inside
            .iter()
            .enumerate()
            .filter(|(i, m)| !modifier(*i, m))
            .map(|(_, m)| m)
            .find(|m| m.kind == EntityType::Person)
            .or_else(|| {
                inside
                    .iter()
                    .enumerate()
                    .find(|(i, m)| !modifier(*i, m))
                    .map(|(_, m)| m)
            });
        if let Some(m) = found {
            return Some(self.of_mention(m));
        }
        let mut start = k;
        while start < end && in_list(NP_STOP, toks[start].text) {
            start += 1;
        }
        // A described speaker ends at its head noun: "the ministry of defence" -> ministry.
        let mut stop = start;
        while stop < end && !in_list(NP_STOP, toks[stop].text) && toks[stop].text != "close" {
            stop += 1;
        }
        let definite = start > k && toks[start - 1].text.eq_ignore_ascii_case("the");
        let mut stop = stop.min(start + 4);
        // "one of the players": a part of a group keeps the group.
        if stop == start + 1
            && in_list(
                &["one", "some", "many", "several", "two", "three", "both"],
                toks[start].text,
            )
            && toks.get(stop).is_some_and(|t| t.text == "of")
        {
            let mut e = stop + 1;
            while e < end && e < stop + 4 && in_list(&["the", "his", "her", "their"], toks[e].text)
            {
                e += 1;
            }
            if e < end && toks[e].word {
                stop = e + 1;
            }
        }
        let start = if start > k && is_indefinite(toks[start - 1].text) {
            start - 1
        } else {
            start
        };
        (stop > start).then(|| self.described(&toks[start..stop], definite))
    }
}

/// A subject that names no one: small words only ("always maintained", "all suggest",
/// "them argue", "didn't say"), where the subject search stopped at an adverb, a
/// quantifier or an object. A pronoun resolved to a name has that name as its canonical.
fn is_no_one(canonical: &str) -> bool {
    canonical.contains("n't")
        || canonical.contains("n’t")
        || (!canonical.is_empty()
            && canonical.split(' ').all(|w| {
                w.starts_with(char::is_lowercase)
                    && crate::text::stopwords::StopWords::english().contains(&w.replace('’', "'"))
            }))
}
