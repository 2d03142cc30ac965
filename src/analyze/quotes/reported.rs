//! Reported speech: what someone said in the writer's words, with no quotation marks
//! ("Lonechild said she started her work with police because ...", "The plan is dead,
//! the minister said", "According to the city, the rink will close").
//!
//! About two in five of the statements the Gender Gap Tracker's annotators count as
//! quoted are of this kind, so a sources count without them misses who is given a voice.
//! Each sentence with no quotation in it is read for one of three shapes: a speaker and a
//! verb that takes a clause ("X said (that) CLAUSE"), a clause with the speaker after it
//! ("CLAUSE, X said"), or "according to X". The speaker is found by the same code as a
//! quotation's ([`Ctx`]), so "she" and "the ministry" resolve alike in both.

use super::attribution::{after_quote, collapse_spaces, is_furniture};
use super::context::{Ctx, Speaker};
use super::tokens::{tokens, Tok};
use super::{Quote, QuoteKind, RawQuote};
use crate::article::Article;
use crate::text::Span;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Verbs that report speech through a clause after them ("said (that) ...", "warned
/// that ..."): not every cue of a quotation does ("asked", "joked", "called" take none).
const CLAUSE_VERBS: &[&str] = &[
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "argue argues argued arguing",
    "warn warns warned warning",
    "claim claims claimed claiming",
    "explain explains explained explaining",
    "note notes noted noting",
    "insist insists insisted insisting",
    "state states stated stating",
    "announce announces announced announcing",
    "confirm confirms confirmed confirming",
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "concede concedes conceded conceding",
    "suggest suggests suggested suggesting",
    "stress stresses stressed stressing",
    "maintain maintains maintained maintaining",
    "complain complains complained complaining",
    "write writes wrote writing",
    "assert asserts asserted asserting",
    "contend contends contended contending",
    "caution cautions cautioned cautioning",
    "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
    "indicate indicates indicated indicating",
    "disclose discloses disclosed disclosing",
    "predict predicts predicted predicting",
    "reveal reveals revealed revealing",
    "recall recalls recalled recalling",
    "testify testifies testified testifying",
    "allege alleges alleged alleging",
    "declare declares declared declaring",
    "reply replies replied replying",
    "respond responds responded responding",
    "remind reminds reminded reminding",
    "assure assures assured assuring",
    "inform informs informed informing",
    "boast boasts boasted boasting",
    "report reports reported",
    "promise promises promised promising",
];

/// Verbs whose object (the one told) comes before the clause: "told reporters he ...".
const TOLD: &[&str] = &[
    "tell",
    "tells",
    "told",
    "telling",
    "remind",
    "reminds",
    "reminded",
    "reminding",
    "assure",
    "assures",
    "assured",
    "assuring",
    "inform",
    "informs",
    "informed",
    "informing",
    "warn",
    "warns",
    "warned",
    "warning",
    "promise",
    "promises",
    "promised",
    "promising",
];

/// Words right before a verb that say it reports nothing said: "did not say", "declined
/// to say", "would never claim".
const NOT_SAID: &[&str] = &["not", "n't", "never", "to", "without", "nor"];

/// Words a reported clause does not open with: an infinitive ("told him to leave"), a
/// preposition ("said of the plan"), or an object that is no clause ("said so").
const NOT_A_CLAUSE: &[&str] = &[
    "to",
    "of",
    "about",
    "for",
    "with",
    "so",
    "nothing",
    "anything",
    "something",
    "goodbye",
    "hello",
    "yes",
    "no",
    "by",
    "from",
    "as",
    "into",
    "onto",
    "upon",
    "against",
    "and",
    "or",
    "but",
    "than",
    "much",
    "little",
    "more",
    "less",
    "otherwise",
    "too",
    "a",
    "an",
    "the",
    "this",
    "these",
    "those",
];

/// Time words and other adjuncts between a verb and its clause: "said Thursday (that)".
const ADJUNCTS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "previously",
    "recently",
    "repeatedly",
    "also",
    "again",
    "publicly",
    "privately",
    "then",
    "now",
    "last",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// Nouns of "in a statement", "on Twitter", "in an interview" between a verb and its clause.
const MEDIA: &[&str] = &[
    "statement",
    "interview",
    "email",
    "e-mail",
    "release",
    "letter",
    "post",
    "tweet",
    "speech",
    "video",
    "message",
    "Twitter",
    "Facebook",
    "court",
    "Parliament",
    "parliament",
    "report",
    "news",
    "conference",
    "filing",
    "testimony",
    "phone",
    "telephone",
    "podcast",
];

fn clause_verbs() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| CLAUSE_VERBS.iter().flat_map(|l| l.split(' ')).collect())
}

/// Reported clauses of fewer words are more often fragments than statements.
const MIN_WORDS: usize = 4;

/// Every piece of reported speech of the article, in text order.
pub(super) fn find(a: &Article, ctx: &Ctx, raw: &[RawQuote]) -> Vec<Quote> {
    let text = &a.text;
    let verbs = clause_verbs();
    let mut out = Vec::new();
    let mut q = 0;
    for s in &a.sentences {
        // A headline reports in headline grammar ("Minister says ..."), with no one named.
        if s.paragraph == 0 && a.paragraphs.len() > 1 {
            continue;
        }
        while q < raw.len() && raw[q].span.end <= s.span.start {
            q += 1;
        }
        // A sentence holding a quotation is the quotation's: its cue is already used.
        if raw.get(q).is_some_and(|r| r.span.start < s.span.end) {
            continue;
        }
        let words = &a.words[s.words.0 as usize..s.words.1 as usize];
        let cheap_check = words.iter().any(|w| {
            let w = w.slice(text);
            verbs.contains(w) || w.eq_ignore_ascii_case("according")
        });
        if !cheap_check || is_furniture(s.span.slice(text)) {
            continue;
        }
        let toks = tokens(text, s.span.start, s.span.end);
        if let Some(found) = in_sentence(ctx, &toks) {
            out.push(found);
        }
    }
    out
}

/// The sentence's tokens without the punctuation that closes it.
fn body<'t, 'a>(toks: &'t [Tok<'a>]) -> &'t [Tok<'a>] {
    let end = toks.iter().rposition(|t| t.word).map_or(0, |i| i + 1);
    &toks[..end]
}

fn words_in(toks: &[Tok]) -> usize {
    toks.iter().filter(|t| t.word).count()
}

/// The one piece of reported speech of a sentence, if it has one.
fn in_sentence(ctx: &Ctx, toks: &[Tok]) -> Option<Quote> {
    let body = body(toks);
    clause_then_speaker(ctx, body)
        .or_else(|| according_to_first(ctx, body))
        .or_else(|| speaker_then_clause(ctx, body))
        .map(|(speaker, cue, span)| Quote {
            span,
            inner: span,
            quote: collapse_spaces(span.slice(ctx.text)),
            speaker: speaker.canonical,
            speaker_mention: speaker.mention,
            speaker_type: speaker.kind,
            cue,
            unclosed: false,
            kind: QuoteKind::Reported,
        })
}

type Reported = (Speaker, String, Span);

/// "CLAUSE, X said.", "CLAUSE, said X, a professor.", "CLAUSE, according to X.": the
/// attribution after a comma ends the sentence or is set off by another comma.
fn clause_then_speaker(ctx: &Ctx, body: &[Tok]) -> Option<Reported> {
    let verbs = clause_verbs();
    for c in (0..body.len()).filter(|&c| body[c].text == ",") {
        if words_in(&body[..c]) < MIN_WORDS {
            continue;
        }
        let rest = &body[c + 1..];
        // The verb within the first few words after the comma.
        let Some(k) = rest
            .iter()
            .take(8)
            .position(|t| verbs.contains(t.text) || t.text.eq_ignore_ascii_case("according"))
        else {
            continue;
        };
        let according = rest[k].text.eq_ignore_ascii_case("according");
        // Words after the verb up to the next comma: the speaker ("said X") or adjuncts
        // ("said Thursday"); a clause there ("police said the man was armed") makes the
        // text before the comma no report.
        let tail = rest[k + 1..].iter().take_while(|t| t.text != ",");
        let tail_words = tail.filter(|t| t.word).count();
        let inverted = k == 0;
        if !according && !inverted && tail_words > 3 {
            continue;
        }
        let Some((speaker, cue)) = after_quote(ctx, rest) else {
            continue;
        };
        let first = body.first()?;
        return Some((speaker, cue, Span::new(first.start, body[c - 1].end)));
    }
    None
}

/// "According to X, CLAUSE."
fn according_to_first(ctx: &Ctx, body: &[Tok]) -> Option<Reported> {
    let k = body
        .iter()
        .take(3)
        .position(|t| t.text.eq_ignore_ascii_case("according"))?;
    if body.get(k + 1)?.text != "to" {
        return None;
    }
    let comma = k + 2 + body[k + 2..].iter().position(|t| t.text == ",")?;
    let clause = &body[comma + 1..];
    if words_in(clause) < MIN_WORDS {
        return None;
    }
    let speaker = ctx.speaker_after(body, k + 2, comma)?;
    Some((
        speaker,
        "according to".into(),
        Span::new(clause.first()?.start, clause.last()?.end),
    ))
}

/// "X said (that) CLAUSE", "X told reporters CLAUSE", "..., saying CLAUSE".
fn speaker_then_clause(ctx: &Ctx, body: &[Tok]) -> Option<Reported> {
    let verbs = clause_verbs();
    for k in 1..body.len() {
        let verb = body[k].text;
        if !verbs.contains(verb) {
            continue;
        }
        let prev = body[k - 1].text;
        if NOT_SAID.iter().any(|w| prev.eq_ignore_ascii_case(w)) {
            continue;
        }
        let Some(j) = clause_start(body, k).filter(|&j| j < body.len()) else {
            continue;
        };
        let clause = &body[j..];
        let opener = clause[0].text;
        if words_in(clause) < MIN_WORDS
            || !clause[0].word
            || NOT_A_CLAUSE
                .iter()
                .any(|w| opener.eq_ignore_ascii_case(w) && opener != "A")
        {
            continue;
        }
        let Some(speaker) = ctx.subject_of_cue(body, 0, k, verb) else {
            continue;
        };
        if speaker.mention.is_empty() {
            continue;
        }
        let span = Span::new(clause[0].start, clause.last()?.end);
        return Some((speaker, verb.to_string(), span));
    }
    None
}

/// Where the clause reported by the verb at `k` starts: after "that" if it comes within
/// a few words, else after the one told ("told reporters") and any adjunct ("on
/// Thursday", "in a statement").
fn clause_start(body: &[Tok], k: usize) -> Option<usize> {
    let mut j = k + 1;
    // "pointed out", "went on to say": particles were handled by the cue lexicon for
    // quotations; here "out" simply opens no clause.
    let near = body[j..].iter().take(9).take_while(|t| t.text != ",");
    if let Some(t) = near.clone().position(|t| t.text == "that") {
        return Some(j + t + 1);
    }
    let is = |i: usize, list: &[&str]| body.get(i).is_some_and(|t| list.contains(&t.text));
    if TOLD.contains(&body[k].text) {
        // The one told: a name, a pronoun, or a short noun phrase.
        let t = body.get(j)?;
        if matches!(
            t.text,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
        ) {
            j += 1;
        }
        let capital = |i: usize| {
            body.get(i)
                .is_some_and(|t| t.word && t.text.starts_with(char::is_uppercase))
        };
        if capital(j) {
            while capital(j) {
                j += 1;
            }
        } else {
            j += 1;
        }
    }
    loop {
        if is(j, ADJUNCTS) {
            j += 1;
        } else if is(j, &["in", "on", "at", "during", "via", "through"]) {
            // "in a statement", "on Twitter", "in an interview with CBC".
            let mut i = j + 1;
            if is(i, &["a", "an", "the", "his", "her", "their", "its"]) {
                i += 1;
            }
            while body.get(i).is_some_and(|t| t.word) && !is(i, MEDIA) && i < j + 4 {
                i += 1;
            }
            if !is(i, MEDIA) {
                return None;
            }
            j = i + 1;
            // "... with CBC News"
            if is(j, &["with", "to"]) {
                j += 1;
                while body
                    .get(j)
                    .is_some_and(|t| t.word && t.text.starts_with(char::is_uppercase))
                {
                    j += 1;
                }
            }
        } else if is(j, &[","]) && j > k + 1 {
            j += 1;
        } else {
            break;
        }
    }
    (j < body.len()).then_some(j)
}
