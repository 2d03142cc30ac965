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

/// Retypes the names of persons that an apposition says are organisations or places, with
/// every other mention of the same name in the article.
pub(super) fn retype(text: &str, mentions: &mut [Mention]) {
    let g = Gazetteer::get();
    let mut retyped: Vec<(String, EntityType)> = Vec::new();
    for m in mentions.iter() {
        if m.kind != EntityType::Person || m.canonical.is_empty() {
            continue;
        }
        if let Some(kind) = kind_from_apposition(g, text, m) {
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
