//! Page furniture: the paragraphs of a web page that are no part of the story (teasers,
//! bylines, credits). The people they name are not named by the article, so their mentions
//! are dropped ([`super::find_with`]).

use super::gazetteer::{self, Gazetteer};

/// Words that open the label of a link to another story ("READ MORE:", "WATCH BELOW:").
const TEASER_WORDS: &[&str] = &[
    "READ", "WATCH", "RELATED", "MORE", "LISTEN", "SEE", "ALSO", "VIDEO", "PHOTOS", "GALLERY",
];

/// A paragraph that is part of the page, not of the story: a teaser linking to another
/// story ("READ MORE: Justin Trudeau says ...", "WATCH BELOW: ..."), a byline ("Adam
/// Stanley, The Canadian Press") or a credit ("With files from Kyle Benning"). The people
/// named there are not named by the article.
pub fn is_page_furniture(par: &str) -> bool {
    let par = par.trim_start_matches(|c: char| c.is_whitespace() || "-–—".contains(c));
    // A teaser's label: one to three words in capitals, the first a link word, a colon.
    // (Not any label: "ISSUER: Marion County Board of Education" is the text's own.)
    if let Some((head, _)) = par.split_once(':') {
        // Four words say "more than three": the rest of a long head is not read.
        let words: Vec<&str> = head.split_whitespace().take(4).collect();
        let caps = |w: &&str| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        if (1..=3).contains(&words.len())
            && words.iter().all(caps)
            && TEASER_WORDS.contains(&words[0])
        {
            return true;
        }
    }
    if par.starts_with("With files from ") {
        return true;
    }
    // "Article Continued Below", "Story continues below advertisement". Only "at most
    // eight words" is asked below, so counting stops at nine: most paragraphs are long.
    let words = par.split_whitespace().take(9).count();
    if words <= 5 && {
        let lower = par.to_lowercase();
        lower.contains("continued below") || lower.contains("continues below")
    } {
        return true;
    }
    // "Name Name, The Canadian Press": a short line, a name, a comma, a news agency.
    if words > 8 {
        return false;
    }
    match par.split_once(", ") {
        Some((_, agency)) if !agency.contains([',', '.']) => {
            let g = Gazetteer::get();
            agency
                .split_whitespace()
                .any(|w| w == "Press" || g.in_list(gazetteer::NameList::Agency, w))
        }
        _ => false,
    }
}

/// Words of a writer's trade, one of which an author's note names.
const WRITERS: &[&str] = &[
    "reporter",
    "journalist",
    "writer",
    "columnist",
    "editor",
    "correspondent",
    "contributor",
    "producer",
    "freelancer",
    "freelance",
    "writes",
    "blogger",
];

/// The note on the author that closes a story ("Laurie Monsebraaten is a Toronto-based
/// reporter covering social justice", "Karon Liu is the Star's food writer"): a short
/// paragraph opening with a name of two or three capitalised words and "is a/an/the",
/// naming a writer's trade. The author is not among the people the story is about.
pub fn is_author_bio(par: &str) -> bool {
    let words: Vec<&str> = par.split_whitespace().take(41).collect();
    if words.len() > 40 {
        return false;
    }
    let Some(is) = words.iter().position(|w| *w == "is") else {
        return false;
    };
    let name = &words[..is];
    (2..=3).contains(&name.len())
        && name
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && words
            .get(is + 1)
            .is_some_and(|w| matches!(*w, "a" | "an" | "the"))
        && words[is + 1..].iter().any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            WRITERS.contains(&w.as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::{is_author_bio, is_page_furniture};

    #[test]
    fn a_note_on_the_author_is_one_but_a_sentence_about_a_person_is_not() {
        for p in [
            "Laurie Monsebraaten is a Toronto-based reporter covering social justice issues.",
            "Karon Liu is the Star's food writer and is based in Toronto.",
            "Adrienne Tanner is a Vancouver journalist who writes about civic affairs.",
        ] {
            assert!(is_author_bio(p), "{p}");
        }
        for p in [
            "Anna Pippus is a lawyer specializing in farmed animal and plant-based food law.",
            "Maria Lopez is a nurse who wrote to the council about the closures.",
            "Lopez is a reporter's dream, her colleagues say.",
            "The writer is a regular contributor to the paper.",
        ] {
            assert!(!is_author_bio(p), "{p}");
        }
    }

    #[test]
    fn teasers_bylines_and_credits_are_page_furniture() {
        for p in [
            "READ MORE: Justin Trudeau says the world is disturbed",
            "WATCH BELOW: Jason Nixon fires back at accusations",
            "Adam Stanley, The Canadian Press",
            "Greg Beacham, The Associated Press",
            "– With files from Kyle Benning, Michael King and Slav Kornik",
            "Article Continued Below",
            "Story continues below advertisement",
        ] {
            assert!(is_page_furniture(p), "{p}");
        }
    }

    #[test]
    fn labels_and_sentences_are_the_story() {
        for p in [
            "ISSUER: Marion County Board of Education ST: WV",
            "COMMENT: Not only did Aegon surprise with earnings",
            "Maria Lopez, the mayor, said the Press Council would meet.",
            "Lohmar said the investigation continued below ground for hours.",
            "WASHINGTON — Nancy Pelosi often quotes Abraham Lincoln.",
        ] {
            assert!(!is_page_furniture(p), "{p}");
        }
    }
}
