//! Aliases: the different ways one name is written, resolved to one canonical name. Within
//! an article a surname stands for the full name before it ("Khamenei" -> "Ali Khamenei"),
//! an acronym for the name it was defined after ("Council (SNSC)"); across the corpus a
//! short name takes the one full name that fits. Both the entity tables and the quote
//! stage's speakers go through here, so a name resolves the same way in both.

use super::gazetteer::{Gazetteer, NameList};
use super::*;
use crate::text::tokenize;
use rustc_hash::{FxHashMap, FxHashSet};

/// A person's full name in an article: where it is first written, its words (lower case),
/// its canonical form, and the gender its first name says.
type FullName = (usize, Vec<String>, String, Gender);

/// Within one article: a surname or partial name takes the full name it refers to; an
/// acronym defined in parentheses takes its expansion; an unknown lone word that matches
/// a person's name becomes that person.
pub(super) fn in_article(
    text: &str,
    mentions: &mut [Mention],
    lowercase_seen: &LowercaseWords<'_>,
) {
    let g = Gazetteer::get();
    retype_long_forms_of_persons(g, mentions);
    nicknames(text, mentions);
    possessive_names(text, mentions);
    let mut full_names: Vec<FullName> = mentions
        .iter()
        .filter(|m| is_full_person_name(m))
        .map(|m| {
            (
                m.span.start,
                name_tokens(&m.canonical),
                m.canonical.clone(),
                m.gender,
            )
        })
        .collect();
    // "Conservative Leader Andrew Brevold", typed an organisation for its descriptive words,
    // still introduces the person "Andrew Brevold" whom a later "Brevold" stands for.
    for m in mentions.iter() {
        if m.kind != EntityType::Org {
            continue;
        }
        let core = person_core(&m.canonical);
        if core.len() == m.canonical.len() {
            continue;
        }
        let toks = name_tokens(core);
        let first = tokenize::words(core)
            .next()
            .and_then(|(_, w)| g.first_name_gender(w));
        if toks.len() >= 2 {
            if let Some(gender) = first {
                full_names.push((m.span.start, toks, core.to_string(), gender));
            }
        }
    }
    full_names.sort_by_key(|f| f.0);
    // Full names, in text order, under each of their shorter endings ("assad",
    // "al-assad" for "bashar al-assad": exactly the names [`contains_tokens`] matches)
    // and under their first token: a long text (a whole archive in one file) would
    // otherwise compare every mention with every full name.
    let mut by_ending: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut by_first_token: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, f) in full_names.iter().enumerate() {
        for from in 1..f.1.len() {
            by_ending.entry(f.1[from..].join(" ")).or_default().push(i);
        }
        if let Some(first) = f.1.first() {
            by_first_token.entry(first.as_str()).or_default().push(i);
        }
    }
    // Organisations and places of several words, by their first word.
    let others: Vec<(String, String, EntityType)> = mentions
        .iter()
        // Organisations only: "United" is no short form of "United States".
        .filter(|m| m.kind == EntityType::Org && !m.canonical.is_empty())
        .filter_map(|m| {
            let toks = name_tokens(m.span.slice(text));
            (toks.len() >= 2).then(|| (toks[0].clone(), m.canonical.clone(), m.kind))
        })
        .collect();
    // The first organisation (in text order) by its first word.
    let mut other_by_first: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, o) in others.iter().enumerate() {
        other_by_first.entry(o.0.as_str()).or_insert(i);
    }
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
    // The one full name of the article that starts with the lower-case word `w` and that
    // `keep` accepts; none when no name or several do.
    let one_starting_with = |w: &str, keep: &dyn Fn(&FullName) -> bool| -> Option<String> {
        let fulls: FxHashSet<&str> = by_first_token
            .get(w)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &full_names[i])
            .filter(|f| keep(f))
            .map(|f| f.2.as_str())
            .collect();
        (fulls.len() == 1).then(|| fulls.into_iter().next().unwrap_or_default().to_string())
    };
    // Per lower-case word written as an organisation: where it first stands alone as one,
    // and whether a longer organisation's name holds it.
    // Needed only where a person is named in full.
    let mut org_uses: FxHashMap<String, (usize, bool)> = FxHashMap::default();
    let orgs = mentions.iter().filter(|_| !by_ending.is_empty());
    for m in orgs.filter(|m| m.kind == EntityType::Org) {
        let toks = name_tokens(m.span.slice(text));
        let alone = toks.len() == 1;
        for t in toks {
            let e = org_uses.entry(t).or_insert((usize::MAX, false));
            if alone {
                e.0 = e.0.min(m.span.start);
            } else {
                e.1 = true;
            }
        }
    }
    for m in mentions.iter_mut() {
        let written = m.span.slice(text);
        let acronym = (!acronyms.is_empty())
            .then(|| acronyms.get(&written.replace('.', "")))
            .flatten();
        if let Some(expansion) = acronym {
            m.kind = EntityType::Org;
            m.canonical = expansion.clone();
            continue;
        }
        // "McCallum's speeches" after "Doug McCallum": the tagger often reads a possessive
        // surname as a company's. A one-word organisation no list knows that is the surname
        // of a person the article named in full before it ever wrote the word as an
        // organisation's, and no longer organisation's name holds ("Ford" before "Bill
        // Ford", "Ford Freestyle"; "20th Century Fox"), is that person.
        if m.kind == EntityType::Org && !written.contains(char::is_whitespace) {
            let key = written.to_lowercase();
            let org_use = org_uses.get(key.as_str());
            // A full name whose first word a list knows as a first name ("Doug McCallum",
            // not "Hall Charlton").
            let introduced = by_ending.get(&key).and_then(|fulls| {
                fulls
                    .iter()
                    .map(|&i| &full_names[i])
                    .filter(|f| {
                        f.1.first()
                            .is_some_and(|w| g.first_name_gender(w).is_some())
                    })
                    .map(|f| f.0)
                    .min()
            });
            let person_first = match (introduced, org_use) {
                (Some(at), Some(&(first_alone, in_longer))) => !in_longer && at < first_alone,
                _ => false,
            };
            if person_first && g.org(written).is_none() && g.org_alias(written).is_none() {
                m.kind = EntityType::Person;
            }
        }
        let could_be_person = m.kind == EntityType::Person || m.canonical.is_empty();
        if !could_be_person {
            continue;
        }
        let toks = name_tokens(if m.canonical.is_empty() {
            written
        } else {
            &m.canonical
        });
        // The nearest full name before this mention (else the first after) that is longer
        // and ends with these tokens: the ones listed under them, in text order. A title
        // that says the gender ("Mrs. Clinton") passes over a full name whose first name
        // says the other ("Bill Clinton").
        let matching: &[usize] = by_ending.get(&toks.join(" ")).map_or(&[], Vec::as_slice);
        let preceding = matching.partition_point(|&i| full_names[i].0 < m.span.start);
        let titled = text[..m.span.start]
            .split_whitespace()
            .next_back()
            .map_or(Gender::Unknown, title_gender);
        let fits = |i: &&usize| {
            let g = full_names[**i].3;
            titled == Gender::Unknown || g == Gender::Unknown || g == titled
        };
        let found = matching[..preceding]
            .iter()
            .rev()
            .find(fits)
            .or_else(|| matching[preceding..].iter().find(fits))
            .map(|&i| &full_names[i]);
        if let Some((_, full_toks, full, gender)) = found {
            m.kind = EntityType::Person;
            m.canonical = full.clone();
            // "Al Qaddumi" of "Fouzia Al Qaddumi": a gender read off a word that is not the
            // full name's first name says nothing.
            if m.gender == Gender::Unknown || toks.first() != full_toks.first() {
                m.gender = *gender;
            }
        } else if m.kind == EntityType::Person
            && !m.canonical.is_empty()
            && !m.canonical.contains(' ')
        {
            // "Xi" after "Xi Jinping", "Mahathir" after "Mahathir Mohamad", "Julia" after
            // "Julia Child": a person named by the first word of the one full name of the
            // article that starts with it (family names come first in some languages, and
            // features call people by their first name).
            if let Some(full) = one_starting_with(&m.canonical.to_lowercase(), &|_| true) {
                m.canonical = full;
            }
        } else if m.canonical.is_empty() {
            // "Real" after "Real Madrid": the short form of a longer name of the article.
            let w = written.to_lowercase();
            // "Zarvan" after "Zarvan Khan": a first name standing for the one person of
            // the article who has it.
            // Only where the lists back the full name as a person's: a known first name,
            // or a known surname at its end ("Passion Oscar" is no person "Passion").
            let backed = |f: &FullName| {
                g.first_name_gender(&w).is_some() || f.1.last().is_some_and(|l| g.is_surname(l))
            };
            if let Some(full) = one_starting_with(&w, &backed) {
                m.kind = EntityType::Person;
                m.canonical = full;
                continue;
            }
            // Not a word the article also writes in lower case ("World" of "World Bank").
            let longer = other_by_first
                .get(w.as_str())
                .filter(|_| !lowercase_seen.contains_key(w.as_str()))
                .map(|&i| (others[i].1.clone(), others[i].2));
            if let Some((canonical, kind)) = longer {
                m.canonical = canonical;
                m.kind = kind;
            } else {
                m.canonical = normalise(written);
            }
        }
    }
    same_name_in_capitals(mentions);
}

/// A mention's name: its canonical form, or the word written for a lone word no list knows,
/// which waits for the alias pass with no canonical form yet.
fn known_as<'m>(text: &'m str, m: &'m Mention) -> &'m str {
    if m.canonical.is_empty() {
        m.span.slice(text)
    } else {
        &m.canonical
    }
}

/// "Moody's said it cut ...", "McDonald's Corp": an organisation whose name ends in "'s"
/// (the recogniser leaves a possessive outside every name) shows it where a verb or an
/// organisation word follows the "'s", which no possessive can have after it. Every
/// mention of the name in the article takes the "'s", and is the organisation's, whatever
/// the tagger made of a surname-like "Moody".
fn possessive_names(text: &str, mentions: &mut [Mention]) {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "has",
        "had",
        "is",
        "was",
        "will",
        "would",
        "rated",
        "rates",
        "downgraded",
        "upgraded",
        "affirmed",
        "lowered",
        "raised",
        "cut",
        "placed",
        "confirmed",
        "reported",
        "announced",
    ];
    const COMPANY: &[&str] = &[
        "Inc",
        "Corp",
        "Corporation",
        "Co",
        "Ltd",
        "PLC",
        "Plc",
        "plc",
        "LLC",
        "Investors",
        "Holdings",
        "Restaurants",
        "Stores",
    ];
    let mut names: Vec<String> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind != EntityType::Place) {
        let after = &text[m.span.end..];
        let Some(rest) = after
            .strip_prefix("'s ")
            .or_else(|| after.strip_prefix("’s "))
        else {
            continue;
        };
        let next = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        // Corporate words only: "Trump's Administration" is a possessive.
        let named = VERBS.contains(&next) || COMPANY.contains(&next);
        let name = known_as(text, m);
        if named && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    if names.is_empty() {
        return;
    }
    for m in mentions.iter_mut().filter(|m| m.kind != EntityType::Place) {
        let name = known_as(text, m);
        if names.iter().any(|n| n == name) {
            m.canonical = format!("{name}'s");
            m.kind = EntityType::Org;
            m.gender = Gender::Unknown;
        }
    }
}

/// "Cyborg's talent", after Cris "Cyborg" Justino: a lone name that is the nickname a
/// person's name holds in quotation marks is that person.
fn nicknames(text: &str, mentions: &mut [Mention]) {
    let mut nicks: Vec<(&str, String)> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Person) {
        let written = m.span.slice(text);
        let Some(open) = written.find(['"', '“']) else {
            continue;
        };
        let inner = &written[open + written[open..].chars().next().map_or(1, char::len_utf8)..];
        if let Some(close) = inner.find(['"', '”']) {
            nicks.push((&inner[..close], m.canonical.clone()));
        }
    }
    if nicks.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let written = m.span.slice(text);
        if let Some((_, canonical)) = nicks.iter().find(|(n, _)| *n == written) {
            m.kind = EntityType::Person;
            m.canonical = canonical.clone();
        }
    }
}

/// A name of several words written in capitals ("MACKENZIE HUGHES", in a headline or a
/// caption) is the name the article writes in mixed case, and takes its canonical form and
/// type: the type tagged in running text is the surer. Single words are left alone: "NATO"
/// is no capitalised "Nato".
fn same_name_in_capitals(mentions: &mut [Mention]) {
    let in_capitals = |c: &str| c.contains(' ') && !c.chars().any(char::is_lowercase);
    if !mentions.iter().any(|m| in_capitals(&m.canonical)) {
        return;
    }
    let mut in_case: FxHashMap<String, (String, EntityType)> = FxHashMap::default();
    for m in mentions.iter() {
        if m.canonical.contains(' ') && m.canonical.chars().any(char::is_lowercase) {
            in_case
                .entry(m.canonical.to_lowercase())
                .or_insert_with(|| (m.canonical.clone(), m.kind));
        }
    }
    for m in mentions.iter_mut() {
        if in_capitals(&m.canonical) {
            if let Some((canonical, kind)) = in_case.get(&m.canonical.to_lowercase()) {
                m.canonical = canonical.clone();
                m.kind = *kind;
            }
        }
    }
}

/// "Fouzia Al Qaddumi" (three unknown words, so typed an organisation) when the article
/// also names the person "Al Qaddumi": a longer name ending with a person's two-or-more-word
/// name, with no organisation word and no known place or organisation, is that person's
/// full name.
fn retype_long_forms_of_persons(g: &Gazetteer, mentions: &mut [Mention]) {
    if !mentions.iter().any(is_full_person_name) {
        return;
    }
    // Built at the first organisation that could be a person's long form: most articles
    // have none.
    let mut persons: Option<FxHashSet<Vec<String>>> = None;
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.kind != EntityType::Org || g.org(&m.canonical).is_some() {
            continue;
        }
        let words: Vec<&str> = tokenize::words(&m.canonical).map(|(_, w)| w).collect();
        if words.len() < 3
            || words
                .iter()
                .any(|w| g.is_org_word(w) || g.place(w).is_some() || !is_capitalised(w))
        {
            continue;
        }
        let toks = name_tokens(&m.canonical);
        let gender = g.first_name_gender(words[0]).unwrap_or(Gender::Unknown);
        let persons = persons.get_or_insert_with(|| {
            mentions
                .iter()
                .filter(|m| is_full_person_name(m))
                .map(|m| name_tokens(&m.canonical))
                .collect()
        });
        // A person's name that is a shorter ending of this one: looked up by each ending
        // rather than compared with every person of a long text.
        if (1..=toks.len()).any(|from| persons.contains(&toks[from..])) {
            mentions[i].kind = EntityType::Person;
            mentions[i].gender = gender;
        }
    }
}

/// A person named by at least two words ("Bashar Al-Assad"): what a shorter mention can
/// stand for, and what a longer organisation-typed name can end with. Counts the words
/// without building [`name_tokens`].
fn is_full_person_name(m: &Mention) -> bool {
    m.kind == EntityType::Person && tokenize::words(&m.canonical).nth(1).is_some()
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
        // "Aviator for Oscar" is a run of words, not a full name to join.
        .filter(|(n, _, _)| !n.split(' ').any(|w| matches!(w, "of" | "for" | "and")))
        .map(|(n, _, c)| (*n, name_tokens(n), *c))
        .collect();
    // A lone word typed only by default or by its neighbours ("Parnevik" in a results
    // table) is a person when the corpus knows exactly one person whose name ends with it.
    let guessed: Vec<(&str, Vec<String>, u64)> = names
        .iter()
        .filter(|(n, k, _)| *k != EntityType::Person && may_be_person(n, *k))
        .map(|(n, _, c)| (*n, name_tokens(n), *c))
        .collect();
    // A full name that ends with a short one shares its last word: look only there, so
    // the pass stays linear in the number of names.
    let mut by_last: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, (_, toks, _)) in persons.iter().enumerate() {
        if let Some(last) = toks.last() {
            by_last.entry(last.as_str()).or_default().push(i);
        }
    }
    let g = Gazetteer::get();
    let mut out = FxHashMap::default();
    // People by their words; of names written differently with the same words ("HIllary
    // Clinton"), the most frequent (then the first by name: no grouping of the fold
    // changes the choice).
    let mut by_tokens: FxHashMap<&[String], (&str, u64)> = FxHashMap::default();
    for (n, t, c) in &persons {
        let e = by_tokens.entry(t.as_slice()).or_insert((n, *c));
        if (*c, std::cmp::Reverse(*n)) > (e.1, std::cmp::Reverse(e.0)) {
            *e = (n, *c);
        }
    }
    // "Crooked Hillary Clinton", "Tories Ken Clarke": words run into the front of a whole
    // name (a first name and a surname) that the corpus names on its own at least as
    // often are a nickname or a label, and the name is that whole name. A first name or an
    // initial in front ("Mary Ann Smith", "L. William Seidman") is part of the name.
    for (name, toks, count) in &persons {
        if toks.len() < 3 || g.first_name_gender(&toks[0]).is_some() || toks[0].chars().count() == 1
        {
            continue;
        }
        let whole = (1..toks.len() - 1)
            .map(|k| &toks[k..])
            .filter(|rest| is_first_and_last_name(g, rest))
            .find_map(|rest| by_tokens.get(rest).filter(|(_, c)| c >= count))
            // Written as the tail of the longer name: "Frits van Horick" is no nickname
            // run into a "Van Horick".
            .filter(|(whole, _)| name.ends_with(&format!(" {whole}")));
        if let Some((whole, _)) = whole {
            out.insert(name.to_string(), whole.to_string());
        }
    }
    // Fixed before the pass below adds to `out`, so no order of names changes a choice.
    let nicknamed: FxHashSet<String> = out.keys().cloned().collect();
    // The map is keyed by name alone, so a name's weight is over all its types.
    let mut total: FxHashMap<&str, u64> = FxHashMap::default();
    for (n, _, c) in &names {
        *total.entry(n).or_insert(0) += c;
    }
    for (name, toks, _) in persons.iter().chain(&guessed) {
        if nicknamed.contains(*name) {
            continue;
        }
        let count = total.get(name).copied().unwrap_or(0);
        let Some(last) = toks.last() else { continue };
        let mut candidates: Vec<&(&str, Vec<String>, u64)> = by_last
            .get(last.as_str())
            .into_iter()
            .flatten()
            .map(|&i| &persons[i])
            .filter(|(_, full, _)| full.len() > toks.len() && contains_tokens(full, toks))
            // A nickname run into a name ("Crooked Hillary Clinton", aliased above) is no
            // full name for a shorter one to join.
            .filter(|(full, _, _)| !nicknamed.contains(*full))
            // A full name seen once cannot claim a short one seen a hundred times ("Oscar"
            // is no alias of a stray "Strong Oscar").
            .filter(|(_, _, full_count)| full_count * 20 >= count)
            // A common surname or first name used alone more often than with the one full
            // name the corpus knows (a "Kim" in several stories, an "Erin Kim" in one) is
            // as likely someone else: only a name of its own article can claim it.
            .filter(|(_, _, full_count)| {
                *full_count >= count
                    || !(toks.len() == 1
                        && (g.is_surname(&toks[0]) || g.first_name_gender(&toks[0]).is_some()))
            })
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

/// A name of two or more words opening with a known first name ("Hillary Clinton"): a
/// whole name, which words run into its front do not change.
fn is_first_and_last_name(g: &Gazetteer, toks: &[String]) -> bool {
    toks.len() >= 2 && g.first_name_gender(&toks[0]).is_some()
}

/// A person's name without descriptive words left in front of it ("Conservative Leader
/// Andrew Brevold" -> "Andrew Brevold"): cut before a known first name when every word before
/// it is a title, an organisation word, a demonym, a place or a party label. Added for the
/// quote stage, whose speakers must be bare names.
pub fn person_core(name: &str) -> &str {
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
    let is_title = |w: &str| ROLES.contains(&w) || g.is_one_word_title(w);
    // "Charles County Prosecuting Attorney Tim Tenbrink": a title inside the name ends the
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
            || g.in_list(NameList::Party, w)
            || w == "Independent"
            || is_acronym(w)
    };
    if words[..first].iter().all(|(_, w)| descriptive(w)) {
        &name[words[first].0..]
    } else {
        name
    }
}
