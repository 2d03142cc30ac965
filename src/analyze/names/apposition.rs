//! What an apposition says a name is. "Dixon Hall, a non-profit agency that runs
//! shelters": the tagger reads "Dixon Hall" as a person's name, but the words the writer
//! put beside it say it is an organisation. A noun heading such an apposition is surer
//! evidence of the kind than the words of the name, so it retypes every mention of that
//! name in the article.

use super::gazetteer::NameList;
use super::{EntityType, Gazetteer, Gender, Mention};
use crate::text::stopwords::StopWords;

/// Words that end an apposition's noun phrase: what follows them describes the head.
const PHRASE_ENDS: &[&str] = &[
    "that", "which", "who", "whose", "where", "based", "in", "of", "with", "for", "at", "on",
    "from", "to", "and", "or", "run", "founded", "owned", "led",
];

/// The noun heading the apposition after `end` (", a non-profit agency that" -> "agency";
/// ", the company's chief" -> "chief"), if one opens there.
fn apposition_head(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].strip_prefix(", ")?;
    let mut words = rest.split(' ');
    let opener = words.next()?;
    if !matches!(opener, "a" | "an" | "the") {
        return None;
    }
    let mut head = None;
    for w in words.take(6) {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        if bare.is_empty() || PHRASE_ENDS.contains(&bare) {
            break;
        }
        // "Jez San, the man behind the Argonaut games group", "Sidney Taurel, the company
        // says": any other short word means this is no plain noun phrase.
        if StopWords::english().contains(bare) {
            return None;
        }
        // "the company's chief executive": a possessive modifies the head to come.
        if bare.ends_with("'s") || bare.ends_with("’s") {
            head = None;
            if bare.len() != w.len() {
                break;
            }
            continue;
        }
        head = Some(bare);
        if bare.len() != w.len() {
            break;
        }
    }
    head
}

/// The kind an apposition after the mention gives its name, when it names one.
fn kind_from_apposition(g: &Gazetteer, text: &str, m: &Mention) -> Option<EntityType> {
    let head = apposition_head(text, m.span.end)?;
    if head.chars().any(|c| !c.is_lowercase() && c != '-') {
        return None;
    }
    if g.in_list(NameList::OrgHead, head) {
        Some(EntityType::Org)
    } else if g.in_list(NameList::PlaceHead, head) {
        Some(EntityType::Place)
    } else {
        None
    }
}

/// "Moncton, N.B.", "St. Charles, Missouri", "Paris, France": a name followed by a
/// province, a state or a country (abbreviated, or a known place the sentence or a comma
/// ends after) is a town's. Not a first name and a surname ("Ted Cruz, Texas" in a list of
/// senators).
fn is_town(g: &Gazetteer, text: &str, m: &Mention, next: Option<&Mention>) -> bool {
    let Some(rest) = text[m.span.end..].strip_prefix(", ") else {
        return false;
    };
    let written = m.span.slice(text);
    let mut words = written.split(' ');
    let first = words.next().unwrap_or_default();
    if words.next().is_some() && g.first_name_gender(first).is_some() {
        return false;
    }
    let abbreviated = rest
        .split([' ', ',', ')', ';', '\n'])
        .next()
        .is_some_and(|w| g.in_list(NameList::RegionAbbrev, w));
    let place_follows = next.is_some_and(|n| {
        n.kind == EntityType::Place
            && n.span.start == m.span.end + 2
            && g.place(n.span.slice(text)).is_some()
            && text[n.span.end..].starts_with([',', '.', ';', ')', '\n'])
    });
    abbreviated || place_follows
}

/// Retypes the names of persons that an apposition says are organisations or places, with
/// every other mention of the same name in the article.
pub(super) fn retype(text: &str, mentions: &mut [Mention]) {
    let g = Gazetteer::get();
    let mut retyped: Vec<(String, EntityType)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityType::Person || m.canonical.is_empty() {
            continue;
        }
        let town = is_town(g, text, m, mentions.get(i + 1)).then_some(EntityType::Place);
        if let Some(kind) = town.or_else(|| kind_from_apposition(g, text, m)) {
            if !retyped.iter().any(|(c, _)| *c == m.canonical) {
                retyped.push((m.canonical.clone(), kind));
            }
        }
    }
    for (canonical, kind) in retyped {
        for m in mentions
            .iter_mut()
            .filter(|m| m.kind == EntityType::Person && m.canonical == canonical)
        {
            m.kind = kind;
            m.gender = Gender::Unknown;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_of_an_apposition() {
        let text = "Dixon Hall, a non-profit, multi-service agency that provides";
        assert_eq!(apposition_head(text, 10), Some("non-profit"));
        let text = "Sundre, a town in central Alberta";
        assert_eq!(apposition_head(text, 6), Some("town"));
        let text = "Ruiz, a company spokesman, said";
        assert_eq!(apposition_head(text, 4), Some("spokesman"));
        let text = "Ruiz, the company's chief executive, said";
        assert_eq!(apposition_head(text, 4), Some("executive"));
        let text = "San, the man behind the games group, bought";
        assert_eq!(apposition_head(text, 3), None);
        // A clause, not an apposition: "says" is no head.
        let text = "Taurel, the company says the drug is safe";
        assert_eq!(apposition_head(text, 6), None);
        let text = "Ruiz, who runs the company";
        assert_eq!(apposition_head(text, 4), None);
        let text = "Ruiz said";
        assert_eq!(apposition_head(text, 4), None);
    }
}
