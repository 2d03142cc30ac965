//! What someone calls a thing or a person: "He now calls it a rookie mistake",
//! "Authorities described his attempt as a carjacking", "what he calls the UN's taking away
//! of free speech". A journalist reports such a characterisation as the speaker's words, and
//! the Gender Gap Tracker counts it as reported speech; the clause readers of
//! [`super`] miss it, since no clause follows the verb.

use super::{speaking_subject, Reported, DETERMINERS};
use crate::analyze::verbs::verb_forms;
use crate::analyze::window::Tok;
use crate::text::Span;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Verbs whose object is named directly after it ("calls it a mistake").
const NAMING: &[&str] = &["call calls called", "dub dubs dubbed", "branded"];

/// Verbs whose object is named after "as" ("described the plan as a disaster").
const DESCRIBING: &[&str] = &[
    "describe describes described",
    "labelled labeled",
    "characterize characterizes characterized",
    "characterise characterises characterised",
];

/// Objects a naming verb's complement follows.
const OBJECTS: &[&str] = &[
    "it",
    "him",
    "her",
    "them",
    "this",
    "himself",
    "herself",
    "themselves",
    "itself",
];

/// The words that make a verb passive or a compound adjective: "was called", "so-called".
const NOT_ACTIVE: &[&str] = &["is", "was", "were", "are", "be", "been", "being", "so", "-"];

fn naming() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| verb_forms(NAMING))
}

fn describing() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| verb_forms(DESCRIBING))
}

/// Every verb a characterisation hangs on, for the look-up that finds sentences to read.
pub(super) fn verbs() -> impl Iterator<Item = &'static String> {
    naming().iter().chain(describing())
}

/// Where the complement of the verb at `k` starts, if it has one: after the object of
/// "calls it", after "as" of "described ... as", or right after the verb whose object a
/// relative pronoun has taken to the front ("what he calls", "whom he described as").
fn complement_start(body: &[Tok], k: usize) -> Option<usize> {
    let verb = body[k].text;
    let fronted = body[k.saturating_sub(3)..k].iter().any(|t| {
        matches!(
            t.text.to_ascii_lowercase().as_str(),
            "what" | "who" | "whom" | "which"
        )
    });
    if describing().contains(verb) {
        let as_at = body[k + 1..]
            .iter()
            .take(12)
            .take_while(|t| t.text != ",")
            .position(|t| t.text == "as")?;
        // "titled X and described as a ballad": with no object, a participle of the
        // thing described, unless a relative pronoun took the object to the front.
        return (as_at > 0 || fronted).then_some(k + 2 + as_at);
    }
    if !naming().contains(verb) {
        return None;
    }
    if body
        .get(k + 1)
        .is_some_and(|t| OBJECTS.contains(&t.text.to_ascii_lowercase().as_str()))
    {
        return Some(k + 2);
    }
    fronted.then_some(k + 1)
}

/// Where the thing named ends: at the end of the sentence, or where the sentence goes on
/// to another predicate of the speaker ("... as a marketing company and said the move was
/// needed") or to a subordinate clause after a comma ("..., when he was young").
fn complement_end(body: &[Tok], j: usize) -> usize {
    const SUBORDINATORS: &[&str] = &[
        "when", "after", "before", "because", "while", "as", "if", "since", "where",
    ];
    (j + 1..body.len())
        .find(|&i| {
            let next = body.get(i + 1).map_or("", |t| t.text);
            (matches!(body[i].text, "and" | "but")
                && (super::clause_verbs().contains(next)
                    || (next.ends_with("ed") && next.len() > 4)
                    || super::AUXILIARIES.contains(&next)))
                || (body[i].text == "," && SUBORDINATORS.contains(&next))
        })
        .unwrap_or(body.len())
}

/// "X calls it A THING", "X described Y as A THING", "what X calls A THING".
pub(super) fn speaker_then_characterisation(ctx: &super::Ctx, body: &[Tok]) -> Option<Reported> {
    for k in 1..body.len() {
        let verb = body[k].text;
        if !naming().contains(verb) && !describing().contains(verb) {
            continue;
        }
        if NOT_ACTIVE.contains(&body[k - 1].text.to_ascii_lowercase().as_str()) {
            continue;
        }
        let Some(j) = complement_start(body, k).filter(|&j| j < body.len()) else {
            continue;
        };
        let complement = &body[j..complement_end(body, j)];
        // A thing named: a noun phrase of two words or more ("a carjacking"), not a
        // particle ("called it off") or a bare word ("called it quits").
        let opener = complement[0].text.to_ascii_lowercase();
        if !(DETERMINERS.contains(&opener.as_str()) || opener == "one")
            || complement.iter().filter(|t| t.word).count() < 2
        {
            continue;
        }
        let Some(speaker) = speaking_subject(ctx, body, k) else {
            continue;
        };
        let span = Span::new(complement[0].start, complement.last()?.end);
        return Some((speaker, verb.to_string(), span));
    }
    None
}
