//! How a reporting verb (a cue) reads in the window around a quote: with a particle
//! ("pointed out"), and who may follow it when inverted. Which words are reporting verbs
//! at all is [`crate::analyze::verbs`], shared with coreference.

use super::lexicon::{MONTHS, WEEKDAYS};
use crate::analyze::verbs::is_cue;
use crate::analyze::window::Tok;

/// Particles that belong to the cue when they follow it ("pointed out", "went on").
const PARTICLES: &[(&str, &str)] = &[
    ("made", "clear"),
    ("make", "clear"),
    ("makes", "clear"),
    ("making", "clear"),
    ("pointed", "out"),
    ("points", "out"),
    ("point", "out"),
    ("went", "on"),
    ("goes", "on"),
    ("summed", "up"),
    ("spelled", "out"),
    ("weighed", "in"),
    ("chimed", "in"),
    ("cried", "out"),
];

/// The cue at token `k`, extended by a particle ("made clear"); `None` if not a cue.
pub(super) fn cue_at(toks: &[Tok], k: usize) -> Option<(String, usize)> {
    let w = toks[k].text;
    if let Some(next) = toks.get(k + 1) {
        if let Some((_, p)) = PARTICLES.iter().find(|(v, p)| *v == w && *p == next.text) {
            return Some((format!("{w} {p}"), k + 2));
        }
    }
    if is_cue(w) {
        return Some((w.to_string(), k + 1));
    }
    None
}

/// Whether token `k` can open a speaker's name after an inverted cue (", said Christine
/// Link", ", said the minister"), rather than an adjunct (", said in a statement",
/// ", said Thursday").
pub(super) fn names_someone(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    matches!(t.text, "the" | "a" | "an")
        || (t.word
            && t.text.starts_with(char::is_uppercase)
            && !WEEKDAYS.contains(&t.text)
            && !MONTHS.contains(&t.text)
            && !matches!(t.text, "Today" | "Yesterday"))
}
