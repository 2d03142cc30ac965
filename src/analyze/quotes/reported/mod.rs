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

use super::attribution::after_quote;
use super::context::{Ctx, Speaker};
use super::cues::names_someone;
use super::lexicon::{ADVERBS, INTRO_WORDS, MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS};
use super::{Quote, QuoteKind, RawQuote};
use crate::analyze::verbs::verb_forms;
use crate::analyze::window::{collapse_spaces, is_furniture, tokens, Tok};
use crate::article::Article;
use crate::text::Span;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

mod characterise;

/// Verbs that report speech through a clause after them ("said (that) ...", "warned
/// that ..."): not every cue of a quotation does ("asked", "joked", "called" take none).
const CLAUSE_VERBS: &[&str] = &[
    "say says said saying",
    "tell tells told telling",
    "add",
    "argue",
    "warn",
    "claim",
    "explain",
    "note",
    "insist",
    "state",
    "announce",
    "confirm",
    "acknowledge",
    "admit admits admitted admitting",
    "concede",
    "suggest",
    "stress stresses stressed stressing",
    "maintain",
    "complain",
    "write writes wrote writing",
    "assert",
    "contend",
    "caution",
    "emphasize",
    "emphasise",
    "indicate",
    "disclose",
    "predict",
    "reveal",
    "recall",
    "testify testifies testified testifying",
    "allege",
    "declare",
    "reply replies replied replying",
    "respond",
    "remind",
    "assure",
    "inform",
    "boast",
    // "the report", "reports say": only the past tense is the verb often enough.
    "reported reported",
];

/// Verbs as often followed by a thing as by a clause ("announced a plan", "added a goal",
/// "replied 17 seconds later"): what follows must read as a clause ([`reads_as_clause`]).
const THING_OR_CLAUSE: &[&str] = &[
    "announce",
    "confirm",
    "reveal",
    "acknowledge",
    "reported reported",
    "write writes wrote writing",
    "add",
    "indicate",
    "suggest",
    "disclose",
    "predict",
    "declare",
    "boast",
    "reply replies replied replying",
    "respond",
    "recall",
    "stress stresses stressed stressing",
    "maintain",
    "state states",
];

/// Auxiliaries and modals: with a subject pronoun ([`SUBJECT_PRONOUNS`]), the words that
/// make a finite clause.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "shall", "may", "might",
    "must", "has", "have", "had", "does", "did", "do", "won't", "can't", "isn't", "wasn't",
    "aren't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "didn't", "wouldn't",
    "couldn't",
];

const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you", "there"];

/// Whether a lower-case word makes a finite clause.
fn is_finite(w: &str) -> bool {
    AUXILIARIES.contains(&w) || SUBJECT_PRONOUNS.contains(&w)
}

/// Whether the words after a verb read as a clause, not a thing: within the first few
/// words, before any subordinate clause opens, an auxiliary, a subject pronoun, or a
/// past-tense verb.
fn reads_as_clause(clause: &[Tok]) -> bool {
    const SUBORDINATE: &[&str] = &["when", "as", "while", "after", "before", "because", "if"];
    clause
        .iter()
        .filter(|t| t.word)
        .take(8)
        .take_while(|t| !SUBORDINATE.contains(&t.text))
        .any(|t| {
            let w = t.text.to_ascii_lowercase();
            is_finite(&w)
                || w.ends_with("'s")
                || w.ends_with("’s")
                || (w.ends_with("ed") && !w.contains('-') && w.len() > 4)
        })
}

/// A speaker phrase that is no one: an adverb or verb form the subject search stopped
/// at ("have long argued", "are now writing", "resist announcing", "won't say").
fn names_no_one(mention: &str) -> bool {
    let m = mention.trim();
    if m.is_empty() || m.contains("n't") || m.contains("n’t") {
        return true;
    }
    let lower_single = !m.contains(' ') && m.starts_with(char::is_lowercase);
    lower_single
        && (m.ends_with("ly")
            || m.ends_with("ing")
            || ADVERBS.contains(&m)
            || matches!(
                m,
                "now" | "long" | "still" | "also" | "then" | "resist" | "except" | "only"
            ))
}

/// Verbs whose object (the one told) comes before the clause: "told reporters he ...".
const TOLD: &[&str] = &[
    "tell tells told telling",
    "remind",
    "assure",
    "inform",
    "warn",
];

/// Words right before a verb that say it reports nothing said: "did not say", "declined
/// to say", "would never claim".
const NOT_SAID: &[&str] = &[
    "not", "n't", "never", "to", "without", "nor", "was", "were", "been", "be", "being", "is",
    "are", "get", "got",
];

/// Words that open a subordinate clause at a sentence's start.
const SUBORDINATORS: &[&str] = &[
    "though", "although", "while", "whereas", "because", "since", "if", "unless", "when", "after",
    "before", "as",
];

/// Words a reported clause does not open with: an infinitive ("told him to leave"), a
/// preposition ("said of the plan"), or an object that is no clause ("said so").
const NOT_A_CLAUSE: &[&str] = &[
    "since",
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
];

/// Time words and other adjuncts between a verb and its clause: "said Thursday (that)"
/// (with [`WEEKDAYS`]).
const ADJUNCTS: &[&str] = &[
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

/// The forms of the verbs of each list ([`verb_forms`]), made once.
fn clause_verbs() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| verb_forms(CLAUSE_VERBS))
}

fn told() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| verb_forms(TOLD))
}

fn thing_or_clause() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| verb_forms(THING_OR_CLAUSE))
}

/// Quoted words that are a term or a phrase the writer borrows, not a quotation whose
/// cue the sentence spends ("a “middle man”", "“and two belt loops”"): a few words,
/// inside the sentence (a quotation opening it is a quotation, however short).
const SCARE_QUOTE_WORDS: usize = 4;

/// Reported clauses of fewer words are more often fragments than statements.
const MIN_WORDS: usize = 4;

/// Every piece of reported speech of the article, in text order.
pub(super) fn find(a: &Article, ctx: &Ctx, raw: &[RawQuote]) -> Vec<Quote> {
    let text = &a.text;
    let verbs = reporting_words();
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
        // A quotation's words are the quotation's: reported speech in the same sentence
        // must lie clear of them ("Doug Purdy, who lost 16 lbs. "and two belt loops",
        // says the program changed his life").
        // A sentence with a whole quotation is that quotation's: its cue is used.
        let quoted: Vec<Span> = raw[q..]
            .iter()
            .take_while(|r| r.span.start < s.span.end)
            .map(|r| r.span)
            .collect();
        let whole_quotation = quoted.iter().any(|r| {
            r.start <= s.span.start + 3
                || r.slice(text).split_whitespace().count() > SCARE_QUOTE_WORDS
        });
        if whole_quotation {
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
        in_sentence(ctx, &toks, &quoted, &mut out);
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
fn in_sentence(ctx: &Ctx, toks: &[Tok], quoted: &[Span], out: &mut Vec<Quote>) {
    let body = body(toks);
    let Some((speaker, cue, span)) = clause_then_speaker(ctx, body)
        .or_else(|| according_to_first(ctx, body))
        .or_else(|| speaker_then_clause(ctx, body))
        .or_else(|| speaker_then_request(ctx, body))
        .or_else(|| characterise::speaker_then_characterisation(ctx, body))
    else {
        return;
    };
    if quoted
        .iter()
        .any(|r| r.start < span.end && span.start < r.end)
    {
        return;
    }
    // "X argued that CLAUSE, noting CLAUSE": the participle reports a second statement
    // of the same speaker.
    let from = body.partition_point(|t| t.start < span.start);
    let to = body.partition_point(|t| t.end <= span.end);
    let second = (from..to.saturating_sub(1)).find_map(|c| {
        let verb = body.get(c + 1)?.text;
        let participle = body[c].text == "," && reports_again(verb);
        let j = participle
            .then(|| clause_start(body, c + 1))
            .flatten()
            .filter(|&j| j < to && words_in(&body[j..to]) >= MIN_WORDS)?;
        Some((c, verb, j))
    });
    let push = |out: &mut Vec<Quote>, span: Span, cue: String| {
        out.push(Quote {
            span,
            inner: span,
            quote: collapse_spaces(span.slice(ctx.text)),
            speaker: speaker.canonical.clone(),
            speaker_mention: speaker.mention.clone(),
            speaker_type: speaker.kind,
            cue,
            unclosed: false,
            kind: QuoteKind::Reported,
        })
    };
    match second {
        Some((c, verb, j)) if c > from => {
            push(out, Span::new(span.start, body[c - 1].end), cue);
            push(out, Span::new(body[j].start, span.end), verb.to_string());
        }
        _ => {
            push(out, span, cue.clone());
            // "CLAUSE, Lohmar said, adding that CLAUSE": the participle after the cue
            // reports a second statement of the same speaker.
            if let Some((verb, tail)) = participle_after_cue(body, to, &cue) {
                push(out, tail, verb.to_string());
            } else if let Some(tail) = continuation_after_cue(body, to, &cue) {
                push(out, tail, cue);
            }
        }
    }
}

/// A participle that reports a further statement of the same speaker ("noting", "adding";
/// not "telling", whose object comes first).
fn reports_again(verb: &str) -> bool {
    verb.ends_with("ing") && clause_verbs().contains(verb) && !told().contains(verb)
}

/// The clause a participle reports after "CLAUSE, X said," (the clause's tokens end at
/// `to`): ", adding that ...", ", noting ...".
fn participle_after_cue<'a>(body: &[Tok<'a>], to: usize, cue: &str) -> Option<(&'a str, Span)> {
    let k = (to..body.len()).take(8).find(|&i| body[i].text == cue)?;
    if body.get(k + 1)?.text != "," {
        return None;
    }
    let verb = body.get(k + 2)?.text;
    if !reports_again(verb) {
        return None;
    }
    let j = clause_start(body, k + 2).filter(|&j| j < body.len())?;
    (words_in(&body[j..]) >= MIN_WORDS)
        .then(|| (verb, Span::new(body[j].start, body[body.len() - 1].end)))
}

/// The rest of the statement after "CLAUSE, X said," (the clause's tokens end at `to`):
/// "The drugs have few uses, he says, and are meant for short use"; "For some couples it is
/// hard, Rutledge said, for others it brings them closer". Not a participle of its own
/// ("citing", which [`participle_after_cue`] reads when it reports) nor a relative clause.
fn continuation_after_cue(body: &[Tok], to: usize, cue: &str) -> Option<Span> {
    let k = (to..body.len()).take(8).find(|&i| body[i].text == cue)?;
    if body.get(k + 1)?.text != "," {
        return None;
    }
    let rest = &body[k + 2..];
    let first = rest.first()?;
    let opener = first.text.to_ascii_lowercase();
    // What goes on is a statement: a conjunction and a clause ("and are meant ..."), an
    // "especially" that narrows the statement, or a clause with its own subject ("the
    // bank is said to ..."). Not a phrase hanging on the sentence ("from 5% in 2003 to
    // 13% last year", "with sales up 25%") nor the predicate of a subject the
    // attribution interrupted.
    const CONJUNCTIONS: &[&str] = &[
        "and", "but", "or", "yet", "so", "that", "because", "although", "though", "while", "since",
        "as", "for",
    ];
    let subject = SUBJECT_PRONOUNS.contains(&opener.as_str())
        || DETERMINERS.contains(&opener.as_str())
        || first.text.starts_with(char::is_uppercase);
    let goes_on = matches!(opener.as_str(), "especially" | "particularly")
        || ((CONJUNCTIONS.contains(&opener.as_str()) || subject) && reads_as_clause(&rest[1..]));
    (first.word && goes_on && words_in(rest) >= MIN_WORDS)
        .then(|| Span::new(first.start, body[body.len() - 1].end))
}

type Reported = (Speaker, String, Span);

/// "CLAUSE, X said.", "CLAUSE, said X, a professor.", "CLAUSE, according to X.": the
/// attribution after a comma ends the sentence or is set off by another comma.
fn clause_then_speaker(ctx: &Ctx, body: &[Tok]) -> Option<Reported> {
    let verbs = clause_verbs();
    for c in (0..body.len()).filter(|&c| body[c].text == ",") {
        let before = words_in(&body[..c]);
        if before == 0 {
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
        // ", said John Smith, a professor": after an inverted verb, a name and no more.
        let inverted = k == 0;
        if !according && tail_words > if inverted { 4 } else { 3 } {
            continue;
        }
        // ", notes on upcoming procedures": an inverted verb is followed by its speaker
        // (", insists 16-year-old Xander Wise" too).
        let aged = rest.get(k + 1).is_some_and(|t| {
            t.text.starts_with(|c: char| c.is_ascii_digit()) && t.text.contains('-')
        });
        if inverted && !according && !names_someone(rest, k + 1) && !aged {
            continue;
        }
        let Some((speaker, cue)) = after_quote(ctx, rest) else {
            continue;
        };
        // "... phone numbers and, in some cases, notes on upcoming procedures, the company
        // said": the attribution must be the verb found, not a later one ("notes" here is
        // part of the clause).
        if !according && !cue.starts_with(rest[k].text) {
            continue;
        }
        let first = body.first()?;
        if before >= MIN_WORDS {
            return Some((speaker, cue, Span::new(first.start, body[c - 1].end)));
        }
        // "Police, Sinclair says, have no policies to ...", "What he discovered, he says,
        // is that ...": an attribution set off inside the sentence reports all of it.
        let Some(close) = rest[k + 1..].iter().position(|t| t.text == ",") else {
            continue;
        };
        let after = &rest[k + close + 2..];
        if !according && words_in(after) >= 2 && before + words_in(after) >= MIN_WORDS {
            let last = after.last().unwrap_or(first);
            return Some((speaker, cue, Span::new(first.start, last.end)));
        }
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

/// Positions of the verbs of `verbs` in `body` that report something said: not "did not
/// say", "declined to say" ([`NOT_SAID`] before them).
fn reporting_verbs<'b>(
    body: &'b [Tok],
    verbs: &'b FxHashSet<String>,
) -> impl Iterator<Item = usize> + 'b {
    (1..body.len()).filter(move |&k| {
        verbs.contains(body[k].text)
            && !NOT_SAID
                .iter()
                .any(|w| body[k - 1].text.eq_ignore_ascii_case(w))
    })
}

/// The subject of the verb at `k`, when it names someone.
fn speaking_subject(ctx: &Ctx, body: &[Tok], k: usize) -> Option<Speaker> {
    ctx.subject_of_cue(body, 0, k, body[k].text)
        .filter(|s| !names_no_one(&s.mention))
}

/// Whether the subject before the verb at `k` follows "than" ("higher than city reports
/// say it is"): within the three words before the verb, none of them a comma.
fn after_than(body: &[Tok], k: usize) -> bool {
    body[k.saturating_sub(4)..k]
        .iter()
        .rev()
        .take_while(|t| t.text != ",")
        .any(|t| t.text.eq_ignore_ascii_case("than"))
}

/// "In a statement announcing the pick, the union called ...": a participle inside an
/// opening phrase that a preposition leads describes the phrase's noun; its "subject" is
/// no speaker and what follows it is the main clause, not a report.
fn in_opening_phrase(body: &[Tok], k: usize) -> bool {
    body[k].text.ends_with("ing")
        && k > 0
        && !body[..k].iter().any(|t| t.text == ",")
        && INTRO_WORDS
            .iter()
            .any(|w| body[0].text.eq_ignore_ascii_case(w))
}

/// "X said (that) CLAUSE", "X told reporters CLAUSE", "..., saying CLAUSE".
fn speaker_then_clause(ctx: &Ctx, body: &[Tok]) -> Option<Reported> {
    for k in reporting_verbs(body, clause_verbs()) {
        let verb = body[k].text;
        let Some(j) = clause_start(body, k).filter(|&j| j < body.len()) else {
            continue;
        };
        let clause = &body[j..];
        let opener = clause[0].text;
        if words_in(clause) < MIN_WORDS
            || !clause[0].word
            || NOT_A_CLAUSE.iter().any(|w| opener.eq_ignore_ascii_case(w))
        {
            continue;
        }
        let after_that = body[j - 1].text == "that";
        if thing_or_clause().contains(verb) && !after_that && !reads_as_clause(clause) {
            continue;
        }
        // "lower than TransLink says they are", "as the minister said it would": a
        // comparison with what someone says, not a report of it.
        if in_opening_phrase(body, k) || after_than(body, k) {
            continue;
        }
        let Some(speaker) = speaking_subject(ctx, body, k) else {
            continue;
        };
        // "Though Justice Dunphy said he was loath to ..., he ordered costs": a report in
        // a subordinate clause ends where the main clause begins.
        let subordinate = SUBORDINATORS
            .iter()
            .any(|w| body[0].text.eq_ignore_ascii_case(w));
        let clause = match clause.iter().position(|t| t.text == ",") {
            Some(c) if subordinate && words_in(&clause[..c]) >= MIN_WORDS => &clause[..c],
            _ => clause,
        };
        let span = Span::new(clause[0].start, clause.last()?.end);
        return Some((speaker, verb.to_string(), span));
    }
    None
}

/// Verbs that report a request or advice made to someone: "urged residents to conserve
/// water", "advised people never to use a generator indoors". Not "asked", which as often
/// reports an invitation or a letter's demand as anything said.
const REQUESTS: &[&str] = &[
    "urge urges urged urging",
    "advise advises advised advising",
    "remind reminds reminded reminding",
    "encourage encourages encouraged encouraging",
    "implore implores implored imploring",
];

/// Every verb a report may hang on ([`CLAUSE_VERBS`] and [`REQUESTS`]): one look-up per
/// word finds the sentences worth reading.
fn reporting_words() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        clause_verbs()
            .union(requests())
            .chain(characterise::verbs())
            .cloned()
            .collect()
    })
}

fn requests() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| verb_forms(REQUESTS))
}

/// "X urged residents to conserve water", "It advised people never to use ...": the
/// infinitive after the one addressed (a pronoun, a name, or a noun phrase of up to four
/// words) is what X asked for.
fn speaker_then_request(ctx: &Ctx, body: &[Tok]) -> Option<Reported> {
    for k in reporting_verbs(body, requests()) {
        // The one addressed: words only, at least one, at most four, up to "to".
        let Some(to) = body[k + 1..]
            .iter()
            .take(6)
            .position(|t| t.text == "to" || !t.word)
            .map(|p| k + 1 + p)
            .filter(|&p| body[p].text == "to")
        else {
            continue;
        };
        let mut from = to;
        if matches!(body[to - 1].text, "not" | "never") {
            from -= 1;
        }
        if from == k + 1 || words_in(&body[k + 1..from]) > 4 {
            continue;
        }
        let clause = &body[from..];
        if words_in(clause) < MIN_WORDS {
            continue;
        }
        let Some(speaker) = speaking_subject(ctx, body, k) else {
            continue;
        };
        let span = Span::new(clause[0].start, clause.last()?.end);
        return Some((speaker, body[k].text.to_string(), span));
    }
    None
}

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "some",
    "many", "most", "all", "every", "no",
];

/// Nouns of a time phrase after a determiner ("a week later", "this morning").
const TIME_NOUNS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "time",
    "moment",
];

/// Where the clause reported by the verb at `k` starts: after "that" if it comes within
/// a few words, else after the one told ("told reporters") and any adjunct ("on
/// Thursday", "in a statement").
fn clause_start(body: &[Tok], k: usize) -> Option<usize> {
    let mut j = k + 1;
    // "pointed out", "went on to say": particles were handled by the cue lexicon for
    // quotations; here "out" simply opens no clause.
    // A "that" after a finite verb belongs to the clause ("said the agreement is bad for
    // groups that support ..."), not to the reporting verb.
    // Nor does a "that" after a noun phrase opening right after a verb that takes no object
    // ("said the UN agreement deals with groups that ..."): that phrase is the subject of
    // a clause with no "that" of its own.
    // "said a week later that ...": a time is an adjunct, not a subject.
    let subject_first = !told().contains(body[k].text)
        && body
            .get(j)
            .is_some_and(|t| DETERMINERS.contains(&t.text.to_ascii_lowercase().as_str()))
        && !body
            .get(j + 1)
            .is_some_and(|t| TIME_NOUNS.contains(&t.text));
    let near = body[j..]
        .iter()
        .take(9)
        .take_while(|t| t.text != "," && !is_finite(&t.text.to_ascii_lowercase()));
    if let Some(t) = near
        .clone()
        .position(|t| t.text == "that")
        .filter(|_| !subject_first)
    {
        return Some(j + t + 1);
    }
    let is = |i: usize, list: &[&str]| body.get(i).is_some_and(|t| list.contains(&t.text));
    if told().contains(body[k].text) {
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
        if is(j, ADJUNCTS) || is(j, WEEKDAYS) {
            j += 1;
        } else if is(j, &["in", "on"])
            && body
                .get(j + 1)
                .map(|t| t.text.trim_end_matches('.'))
                .is_some_and(|m| MONTHS.contains(&m) || MONTH_ABBREVIATIONS.contains(&m))
        {
            // "stated in July", "said on Dec. 13".
            j += 2;
            while body
                .get(j)
                .is_some_and(|t| t.text == "." || t.text.bytes().all(|b| b.is_ascii_digit()))
            {
                j += 1;
            }
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

#[cfg(test)]
mod tests;
