//! After the tagger: rules that correct one sentence's tags where the words around a
//! name say more than the features the model was trained on. Each rule is small and
//! stated with the case that needed it; [`adjust`] runs them in order.

use super::features::{self, DocContext, Gap, Token};
use super::gazetteer::Gazetteer;
use super::model;
use super::recognise::is_hyphened_description;
use super::EntityType;

/// Corrects a sentence's tags (one per token) after decoding.
pub(super) fn adjust(
    g: &Gazetteer,
    doc: &DocContext,
    text: &str,
    s: &features::TokSentence,
    tags: &mut [u8],
) {
    extend_people(g, doc, s, tags);
    join_saints(text, s, tags);
    join_nicknames(text, s, tags);
    after_honorifics(s, tags);
}

/// "Amara Okonkwo-Reyes": a person's name runs on over a capitalised word the tagger left
/// outside (or took for an "other name", as it does many hyphened words) when no list knows
/// it, the article never writes it in lower case, and it is hyphened to another capitalised
/// word: a double-barrelled surname the tagger has not seen.
fn extend_people(g: &Gazetteer, doc: &DocContext, s: &features::TokSentence, tags: &mut [u8]) {
    let toks = &s.tokens;
    let mut i = 1;
    while i + 1 < toks.len() {
        let person_before = matches!(tags[i - 1], 1 | 2);
        let unknown = |t: &Token| {
            t.candidate
                && t.text.chars().next().is_some_and(char::is_uppercase)
                && g.flags(t.text) == 0
                && !doc.written_lower_key(t.lower)
        };
        let not_a_name = |t: u8| t == model::O || t >= 7;
        // "Moon Jae-in", "Kim Jong-un": a part hyphened onto a person's name is in it.
        if person_before
            && not_a_name(tags[i])
            && toks[i].gap == Gap::Hyphen
            && toks[i].candidate
            && toks[i].text.chars().all(char::is_alphabetic)
            && !is_hyphened_description(&toks[i])
        {
            tags[i] = 2;
            i += 1;
            continue;
        }
        if person_before
            && not_a_name(tags[i])
            && not_a_name(tags[i + 1])
            && toks[i].gap == Gap::Space
            && unknown(&toks[i])
            && toks[i + 1].gap == Gap::Hyphen
            && toks[i + 1]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            tags[i] = 2;
            tags[i + 1] = 2;
            i += 2;
            continue;
        }
        i += 1;
    }
}

/// "St. Charles, Missouri", "St. Michael's Hospital": a saint's name after the abbreviated
/// "St." names a place (or the organisation the tagger saw), never the person. The period
/// is a gap no name runs on over, so the tagger cannot join the two words itself.
fn join_saints(text: &str, s: &features::TokSentence, tags: &mut [u8]) {
    let toks = &s.tokens;
    for i in 0..toks.len().saturating_sub(1) {
        let next = tags[i + 1];
        if !matches!(toks[i].text, "St" | "Ste")
            || !(1..=6).contains(&next)
            || &text[toks[i].span.end..toks[i + 1].span.start] != ". "
        {
            continue;
        }
        let begin = if model::tag_kind(next) == Some(EntityType::Org) {
            3
        } else {
            5
        };
        // The name after "St." as the tagger spans it: its first tag and the inside tags
        // of the same kind that follow.
        let inside = if next % 2 == 1 { next + 1 } else { next };
        tags[i] = begin;
        let mut j = i + 1;
        while j < toks.len() && (j == i + 1 || tags[j] == inside) {
            tags[j] = begin + 1;
            j += 1;
        }
    }
}

/// "Ms. Meng Wanzhou", "Mr Ri Yong Ho": the capitalised words right after an honorific
/// are a person's name, whatever the tagger made of them ("Wanzhou" is also a city).
fn after_honorifics(s: &features::TokSentence, tags: &mut [u8]) {
    let toks = &s.tokens;
    let capital = |t: &Token| t.candidate && t.text.chars().next().is_some_and(char::is_uppercase);
    for i in 0..toks.len().saturating_sub(1) {
        // Not "Miss": "Miss Universe", "Miss Venezuela Organisation".
        if !matches!(toks[i].text, "Mr" | "Mrs" | "Ms") || !capital(&toks[i + 1]) {
            continue;
        }
        let mut end = i + 2;
        while end < toks.len() && end < i + 5 && toks[end].gap.joins() && capital(&toks[end]) {
            end += 1;
        }
        if tags[i + 1..end].iter().all(|&t| matches!(t, 1 | 2)) {
            continue;
        }
        tags[i + 1] = 1;
        for t in &mut tags[i + 2..end] {
            *t = 2;
        }
        // What followed inside the old span is no longer in it: a new name starts there.
        if let Some(next) = tags.get_mut(end) {
            if *next % 2 == 0 && *next != model::O && *next < 7 {
                *next -= 1;
            }
        }
    }
}

/// Cris "Cyborg" Justino, Riefian “Ifan” Fajarsyah: a nickname in quotation marks between
/// a person's first name and surname is inside the one name, which the tagger (for whom a
/// quotation mark ends a name) reads as two or three. Either name tagged a person's, the
/// other a person's or nothing, makes the three words one person's name.
fn join_nicknames(text: &str, s: &features::TokSentence, tags: &mut [u8]) {
    let toks = &s.tokens;
    let capital = |t: &Token| t.text.chars().next().is_some_and(char::is_uppercase);
    let person_or_none = |t: u8| matches!(t, 0..=2 | 7 | 8);
    for i in 0..toks.len().saturating_sub(2) {
        let (first, nick, last) = (&toks[i], &toks[i + 1], &toks[i + 2]);
        let joins = capital(first)
            && capital(nick)
            && capital(last)
            && matches!(&text[first.span.end..nick.span.start], " \"" | " “")
            && matches!(&text[nick.span.end..last.span.start], "\" " | "” ")
            && person_or_none(tags[i])
            && person_or_none(tags[i + 2])
            && (matches!(tags[i], 1 | 2) || matches!(tags[i + 2], 1 | 2));
        if !joins {
            continue;
        }
        if tags[i] != 2 {
            tags[i] = 1;
        }
        tags[i + 1] = 2;
        tags[i + 2] = 2;
    }
}

/// `name` without a nickname in quotation marks inside it: `Cris "Cyborg" Justino` ->
/// "Cris Justino".
pub(super) fn without_nickname(name: &str) -> Option<String> {
    let open = name
        .find([' ', '\u{a0}'])
        .filter(|&i| name[i + 1..].starts_with(['"', '“']))?;
    let after_open = open + 1 + name[open + 1..].chars().next()?.len_utf8();
    let close = after_open + name[after_open..].find(['"', '”'])?;
    let rest = &name[close + name[close..].chars().next()?.len_utf8()..];
    Some(format!("{}{}", &name[..open], rest))
}
