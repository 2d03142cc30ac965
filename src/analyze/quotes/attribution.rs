//! The second pass: every quote's windows read for a cue and its speaker, and when
//! there is none, which earlier speaker the quote continues.

use super::context::{Ctx, Found, Speaker};
use super::cues::{cue_at, names_someone};
use super::lexicon::{opens_sentence_only, INTRO_WORDS};
use super::{Quote, QuoteKind, RawQuote, TERM_WORDS};
use crate::analyze::coref::Discourse;
use crate::analyze::names::{EntityType, Mention};
use crate::analyze::verbs::is_cue;
use crate::analyze::window::{collapse_spaces, ends_sentence, in_list, tokens, Tok, ABBREVIATIONS};
use crate::article::Article;

/// `W quoted X as saying`: X and the index after `saying`, when token `k` is `quoted`.
fn quoted_as_saying(ctx: &Ctx, toks: &[Tok], k: usize, hi: usize) -> Option<(Speaker, bool)> {
    if !matches!(toks[k].text, "quoted" | "quotes" | "quoting") {
        return None;
    }
    let limit = (k + 10).min(hi);
    let as_at = (k + 1..limit.saturating_sub(1)).find(|&j| {
        toks[j].text == "as"
            && matches!(
                toks[j + 1].text,
                "saying" | "telling" | "writing" | "stating"
            )
    })?;
    if as_at == k + 1 {
        // "X was quoted as saying": the speaker is the subject.
        return Some((ctx.speaker_before(toks, 0, k.checked_sub(1)?)?, true));
    }
    Some((ctx.speaker_after(toks, k + 1, as_at)?, false))
}

/// Attribution from the words after a quote: `, X said`, `, said X`, `X told Y`,
/// `W quoted X as saying`, `according to X`. Only when the attribution opens the clause
/// (a cue within the first few words), so a later, unrelated verb does not count.
pub(super) fn after_quote(ctx: &Ctx, toks: &[Tok]) -> Option<Found> {
    if let Some(first) = toks.first() {
        // `“...” ― Jorge Falcon`: a signature after a dash.
        if matches!(first.text, "―" | "—" | "–") && toks.len() > 1 {
            if let Some(m) = ctx.mention_ending_at(&toks[1]) {
                return Some((ctx.of_mention(m), first.text.to_string()));
            }
        }
    }
    // `"...", Harry Pelekanos, director of defence studies at ..., said`: a name opening
    // the clause may carry a long description before its cue.
    let named = toks
        .iter()
        .find(|t| t.word)
        .and_then(|t| ctx.mention_ending_at(t))
        .is_some_and(|m| m.kind == EntityType::Person);
    let limit = toks.len().min(if named { 40 } else { 14 });
    for k in 0..limit {
        let t = &toks[k];
        if !t.word {
            if ends_sentence(toks, k) || t.text == ":" {
                return None;
            }
            continue;
        }
        if let Some((s, _)) = quoted_as_saying(ctx, toks, k, toks.len()) {
            return Some((s, "quoted ... as saying".into()));
        }
        if t.text.eq_ignore_ascii_case("according")
            && toks.get(k + 1).is_some_and(|n| n.text == "to")
        {
            let s = ctx.speaker_after(toks, k + 2, toks.len())?;
            return Some((s, "according to".into()));
        }
        if let Some((cue, next)) = cue_at(toks, k) {
            // "said Khamenei", "..., said Christine Link, executive director of ...".
            let inverted = k == 0
                || toks[..k].iter().all(|t| !t.word)
                || (toks[k - 1].text == ","
                    && names_someone(toks, next)
                    // "told The Huffington Post": its object, not its subject, follows.
                    && !matches!(t.text, "told" | "tells" | "informed" | "assured" | "urged"));
            // "..., telling reporters": a participle's object follows it, not its subject.
            let participle = cue.ends_with("ing") && !cue.contains(' ');
            if inverted && !participle {
                if let Some(s) = ctx.speaker_after(toks, next, toks.len()) {
                    return Some((s, cue));
                }
            }
            if k > 0 {
                // A cue inside a relative clause ("Cruz, who has proposed ..., said") has
                // no speaker of its own; the main verb comes later.
                if let Some(s) = ctx.subject_of_cue(toks, 0, k, &cue) {
                    return Some((s, cue));
                }
            }
        }
    }
    None
}

/// Attribution from the words before a quote in its sentence: `X said:`, `X told Y that`,
/// `according to X,`, `X made clear that ... its "partial quote"`. The cue nearest the
/// quote wins; `near` says whether it is close enough to introduce the quote directly.
pub(super) fn before_quote(ctx: &Ctx, toks: &[Tok]) -> Option<(Found, bool)> {
    // "According to ProPublica, Clinton praised her "wonderful ..."": the source
    // attributes the whole sentence.
    let according = (0..toks.len().saturating_sub(1))
        .find(|&k| toks[k].text.eq_ignore_ascii_case("according") && toks[k + 1].text == "to");
    if let Some(k) = according {
        if let Some(s) = ctx.speaker_after(toks, k + 2, toks.len()) {
            return Some(((s, "according to".into()), toks.len() - k <= 8));
        }
    }
    for k in (0..toks.len()).rev() {
        let t = &toks[k];
        if !t.word {
            continue;
        }
        let near = toks.len() - k <= 8;
        if t.text.eq_ignore_ascii_case("according")
            && toks.get(k + 1).is_some_and(|n| n.text == "to")
        {
            let s = ctx.speaker_after(toks, k + 2, toks.len())?;
            return Some(((s, "according to".into()), near));
        }
        if let Some((s, _)) = quoted_as_saying(ctx, toks, k, toks.len()) {
            return Some(((s, "quoted ... as saying".into()), near));
        }
        if let Some((cue, next)) = cue_at(toks, k).or_else(|| naming_verb(toks, k)) {
            // "In a statement announcing the pick, the Association ... called": a cue
            // inside an introductory phrase does not report the sentence.
            // A comma right before the quote only introduces it ("When ..., Lund
            // boasted, "...""): the phrase must close before words that follow it.
            let in_intro = toks.first().is_some_and(|f| in_list(INTRO_WORDS, f.text))
                && (k..toks.len())
                    .any(|j| toks[j].text == "," && toks[j + 1..].iter().any(|t| t.word))
                && !toks[..k].iter().any(|t| t.text == ",");
            if in_intro {
                continue;
            }
            // "Rather than the current layout, asks Policy Options editor Jennifer
            // Ditchburn, "..."": a present-tense cue after a comma, its speaker after it,
            // is inverted as at a clause's start.
            let inverted = k >= 1
                && toks[k - 1].text == ","
                && cue.ends_with('s')
                && !told_like(&cue)
                && names_someone(toks, next)
                && toks[next..].iter().any(|t| t.text == ",");
            let opens_clause = toks[..k].iter().all(|t| !t.word) || inverted;
            // "..., telling reporters that ...": a participle's subject is before it, never
            // after (that is its object).
            let participle = cue.ends_with("ing") && !cue.contains(' ');
            let s = if opens_clause && participle {
                None
            } else if opens_clause {
                // "Said the minister: ..."
                ctx.speaker_after(toks, next, toks.len())
            } else {
                ctx.subject_of_cue(toks, 0, k, &cue)
            };
            // A cue with no speaker beside it ("who complains", "by saying") is part of
            // a clause; an earlier cue may still name the speaker.
            if let Some(s) = s {
                if !opens_clause {
                    if let Some(outer) = outer_report(ctx, toks, k, &cue) {
                        return Some((outer, near));
                    }
                }
                return Some(((s, cue), near));
            }
        }
    }
    None
}

/// "Hillary Clinton called the Republican frontrunner "ISIS' best recruiter"", "what aide
/// Kevin Phillips called "the beginning of a new era"": a naming verb whose object, if
/// any, runs straight into the quote names what the subject said. Not "called for" or
/// "called on", not "so-called", and not the passive ("has been called"), whose speaker
/// is not its subject.
fn naming_verb(toks: &[Tok], k: usize) -> Option<(String, usize)> {
    let w = toks[k].text;
    if !matches!(
        w,
        "call" | "calls" | "called" | "calling" | "dubbed" | "branded"
    ) {
        return None;
    }
    let object = &toks[k + 1..];
    let runs_into_quote = object.len() <= 6 && object.iter().all(|t| t.word);
    let particle = object.first().is_some_and(|t| {
        matches!(
            t.text,
            "for" | "on" | "off" | "up" | "in" | "out" | "back" | "to" | "upon"
        )
    }) && object.len() > 1;
    let before = k.checked_sub(1).map(|j| toks[j].text);
    let passive_or_fixed = before.is_some_and(|b| {
        matches!(
            b,
            "so" | "-" | "was" | "were" | "been" | "be" | "is" | "are" | "being" | "often"
        )
    });
    // "a book called "Women Who Work"" names a thing: with no object between verb and
    // quote, only "what/which ... called" or a name or pronoun right before it reports.
    let relative = toks[k.saturating_sub(4)..k]
        .iter()
        .any(|t| matches!(t.text, "what" | "which" | "whom" | "who"));
    let named_subject = before.is_some_and(|b| {
        (b.starts_with(char::is_uppercase) && !b.ends_with("ly"))
            || matches!(b, "he" | "she" | "they" | "we" | "i")
    });
    let names_a_thing = object.is_empty() && !relative && !named_subject;
    // "rejected calls to "pause"": "call" and "calls" are nouns as often as verbs.
    let noun = matches!(w, "call" | "calls") && !named_subject && !relative;
    let to = object.first().is_some_and(|t| t.text == "to");
    (runs_into_quote && !particle && !passive_or_fixed && !names_a_thing && !noun && !to)
        .then(|| (w.to_string(), k + 1))
}

/// Cues whose object, not their subject, follows them ("tells The Huffington Post").
fn told_like(cue: &str) -> bool {
    matches!(
        cue,
        "tells" | "informs" | "assures" | "urges" | "reminds" | "warns"
    )
}

/// Verbs that report speech outright: a clause after one is what was said.
const SPEECH_VERBS: &[&str] = &["said", "says", "say", "told", "tells", "tell"];

/// Conjunctions that open a clause of their own after a comma.
const CLAUSE_LINKS: &[&str] = &[
    "but", "and", "as", "while", "though", "although", "when", "because", "whereas", "yet",
];

/// "Cruz said he's certain Rubio will continue to be "a champion ..."": when the cue
/// nearest the quote (`cue`, at `k`) is no speech verb itself and sits in the clause an
/// earlier "said" or "told" reports, the quoted words are that speaker's report. Not when
/// the inner cue introduces the quote itself ("Smith said Jones warned: "..."").
fn outer_report(ctx: &Ctx, toks: &[Tok], k: usize, cue: &str) -> Option<Found> {
    if in_list(SPEECH_VERBS, cue) || cue.ends_with("ing") {
        return None;
    }
    let introduces = toks[k + 1..]
        .iter()
        .find(|t| t.word || matches!(t.text, ":" | ","))
        .is_none_or(|t| !t.word);
    if introduces {
        return None;
    }
    let j = (1..k)
        .rev()
        .find(|&j| in_list(SPEECH_VERBS, toks[j].text))?;
    // "..." she said, but as Trump went on about "...": a new clause, not the report.
    let new_clause = toks[j + 1..k]
        .windows(2)
        .any(|w| w[0].text == "," && in_list(CLAUSE_LINKS, w[1].text));
    if new_clause {
        return None;
    }
    let outer = ctx.subject_of_cue(toks, 0, j, toks[j].text)?;
    Some((outer, toks[j].text.to_string()))
}

/// The speaker of a quote introduced by a name and a colon alone, as transcripts and
/// round-ups do ("Clinton: "...". Bush: "..."", "Pollsters agree - Carl Bialik: "...""):
/// one to four capitalised words opening the clause (or following a dash), no verb.
fn label_speaker(ctx: &Ctx, toks: &[Tok]) -> Option<Found> {
    let n = toks.len();
    if n < 2 || toks[n - 1].text != ":" || !toks[n - 2].word {
        return None;
    }
    let k = n - 2;
    let capital = |t: &Tok| t.word && t.text.starts_with(char::is_uppercase);
    if !capital(&toks[k]) {
        return None;
    }
    let mut j = k;
    while j > 0 && k - j < 3 && capital(&toks[j - 1]) {
        j -= 1;
    }
    if j > 0 && !matches!(toks[j - 1].text, "-" | "\u{2014}" | "\u{2013}" | "\u{2015}") {
        return None;
    }
    if let Some(m) = ctx.mention_ending_at(&toks[k]) {
        if m.kind == EntityType::Place || m.span.start < toks[j].start {
            return None;
        }
        return Some((ctx.of_mention(m), String::new()));
    }
    // A surname the name module left alone, standing for a full name of the article.
    let full = (j == k).then(|| ctx.full_name(toks[k].text, toks[k].start))??;
    Some((
        Speaker {
            canonical: full,
            mention: toks[k].text.to_string(),
            kind: Some(EntityType::Person),
        },
        String::new(),
    ))
}

/// Start of the sentence holding byte `at`, no further back than `floor`.
fn sentence_start(toks: &[Tok]) -> usize {
    (0..toks.len())
        .rev()
        .find(|&k| ends_sentence(toks, k))
        .map_or(0, |k| k + 1)
}

/// Attributes every quote: the cue and speaker around it, else the speaker carried over
/// from the previous quote of the same paragraph or, for a paragraph that opens with a
/// quote, from the previous paragraph.
/// Reported speech ([`super::reported`]) follows, its speakers found the same way.
pub fn attribute(a: &Article, mentions: &[Mention], raw: &[RawQuote]) -> Vec<Quote> {
    let text = &a.text;
    let mut outside: Vec<&Mention> = outside_quotes(mentions, raw)
        // Headlines name people in passing; they are not where a speaker is introduced.
        .filter(|m| m.paragraph > 0 || a.paragraphs.len() == 1)
        // "Instead, ...", "Citing a poll, ...": a sentence's first word taken for a name.
        .filter(|m| !(m.weak && opens_sentence_only(m.span.slice(text))))
        .collect();
    outside.sort_by_key(|m| m.span.start);
    let ctx = Ctx::new(Discourse::new(text, &a.sentences, outside));
    let mut out = quotations(a, &ctx, raw);
    out.extend(super::reported::find(a, &ctx, raw));
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

/// [`attribute`] for the quotations.
fn quotations(a: &Article, ctx: &Ctx, raw: &[RawQuote]) -> Vec<Quote> {
    let text = &a.text;
    let para_of = |at: usize| a.paragraphs.partition_point(|p| p.end < at);
    let mut out: Vec<Quote> = Vec::with_capacity(raw.len());
    for (i, q) in raw.iter().enumerate() {
        let pi = para_of(q.span.start).min(a.paragraphs.len().saturating_sub(1));
        let pe = para_of(q.span.end.saturating_sub(1)).min(a.paragraphs.len().saturating_sub(1));
        let para = a.paragraphs.get(pi).copied().unwrap_or_default();
        let para_end = a.paragraphs.get(pe).copied().unwrap_or_default();
        let prev_in_para = i
            .checked_sub(1)
            .map(|j| raw[j])
            .filter(|p| p.span.end > para.start);
        let next_in_para = raw
            .get(i + 1)
            .map(|n| n.span.start)
            .filter(|&s| s < para_end.end);

        let lo = prev_in_para.map_or(para.start, |p| p.span.end);
        let before_all = tokens(text, window_start(text, lo, q.span.start), q.span.start);
        let before = &before_all[sentence_start(&before_all)..];
        let hi = next_in_para.unwrap_or(para_end.end);
        let after = tokens(text, q.span.end, window_end(text, q.span.end, hi));

        // "Clinton: "Our goal is ..."": a name as a label before the quote.
        let label = label_speaker(ctx, before);
        let pre = before_quote(ctx, before);
        // A quote that ends its own sentence (`."`) followed by a capital starts a new
        // sentence: what follows is no attribution unless it is only `X said.`.
        let closed = q.inner.slice(text).trim_end().ends_with('.')
            && after
                .first()
                .is_some_and(|t| t.word && t.text.starts_with(char::is_uppercase))
            && after
                .iter()
                .position(|t| t.text == ".")
                .is_none_or(|p| p > 4);
        let found = match pre {
            _ if label.is_some() => label,
            Some((f, true)) => Some(f),
            other => {
                let post = if closed {
                    None
                } else {
                    after_quote(ctx, &after)
                };
                post.or(other.map(|(f, _)| f))
            }
        };
        // `Bystrom agreed. "Mainstream Republicans are ..."`: a quote opening a sentence
        // after a reporting sentence of the same paragraph.
        let found = found.or_else(|| {
            if prev_in_para.is_some() || !before.iter().all(|t| !t.word) || q.span.start <= lo {
                return None;
            }
            let end = before.first().map_or(q.span.start, |t| t.start);
            let mut from = lo.max(end.saturating_sub(WINDOW_BEFORE));
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let prev = tokens(text, from, end);
            let last = prev.len().checked_sub(1)?;
            let start = sentence_start(&prev[..last]);
            reporting_subject(ctx, &prev[start..last])
        });
        let opens_para = before_all.iter().all(|t| !t.word) && prev_in_para.is_none();
        // A whole sentence quoted, not a term.
        let sentence = q
            .inner
            .slice(text)
            .split_whitespace()
            .nth(TERM_WORDS + 2)
            .is_some();
        let found = found
            // A second partial quote of the same sentence with no cue of its own ("Lund
            // said Varga was "a lightweight" while Okafor is "a basket case""): the one
            // who said the first, not the subject of its own clause.
            .or_else(|| {
                prev_in_para.filter(|p| same_sentence(text, p, q))?;
                carried(out.last()?)
            })
            // A partial quote in a sentence with no cue: its subject ("Cruz called Trump
            // a "liar"").
            .or_else(|| ctx.subject(before))
            .or_else(|| {
                // Split quotes and partial quotes later in the same paragraph.
                let prev = out.last().filter(|_| prev_in_para.is_some())?;
                carried(prev)
            })
            .or_else(|| {
                if !opens_para || pi == 0 {
                    return None;
                }
                // "Brackwell continued:" closing the previous paragraph.
                let prev_para = a.paragraphs[pi - 1];
                if text[prev_para.start..prev_para.end].ends_with(':') {
                    let toks = tokens(text, prev_para.start, prev_para.end - 1);
                    let from = sentence_start(&toks);
                    if let Some((f, _)) = before_quote(ctx, &toks[from..]) {
                        return Some(f);
                    }
                }
                // A paragraph that is only a quote continues the previous speaker: the one
                // quoted in the previous paragraph, else the one reported there ("Carter
                // said that ...").
                match out.last().filter(|p| para_of(p.span.end) + 1 == pi) {
                    Some(prev) => carried(prev),
                    None => {
                        let end = window_end(text, prev_para.start, prev_para.end);
                        reporting_subject(ctx, &tokens(text, prev_para.start, end))
                    }
                }
            })
            .or_else(|| {
                // A quote with nothing around it, shortly after another speaker's quote,
                // is most often that speaker going on.
                let prev = out.last()?;
                (sentence && pi <= para_of(prev.span.end) + 2)
                    .then(|| carried(prev))
                    .flatten()
            })
            .or_else(|| {
                // A whole sentence quoted with no cue and no quote before it to continue
                // ("At 25, Hadley was diagnosed ... / "My condition is getting worse."):
                // the person the passage is about, as a pronoun would find them.
                if !sentence {
                    return None;
                }
                let m = ctx.salient_person(q.span.start, "the")?;
                Some((ctx.of_mention(m), String::new()))
            });
        let (speaker, cue) = found.unwrap_or((
            Speaker {
                canonical: String::new(),
                mention: String::new(),
                kind: None,
            },
            String::new(),
        ));
        out.push(Quote {
            span: q.span,
            inner: q.inner,
            quote: collapse_spaces(q.inner.slice(text)),
            speaker: speaker.canonical,
            speaker_mention: speaker.mention,
            speaker_type: speaker.kind,
            cue,
            unclosed: q.unclosed,
            kind: if is_partial(text, q, before) {
                QuoteKind::Partial
            } else {
                QuoteKind::Direct
            },
        });
    }
    out
}

/// Quoted words inside the writer's own sentence ("Carter told reporters that "nothing is
/// certain"", "called the plan "a disaster""), not a whole quotation: the quote opens in
/// lower case, or a word other than a reporting verb leads into it.
fn is_partial(text: &str, q: &RawQuote, before: &[Tok]) -> bool {
    let inner = q.inner.slice(text).trim_start();
    if inner.starts_with(char::is_lowercase) {
        return true;
    }
    match before.last() {
        Some(t) if t.word => !is_cue(t.text) && !t.text.eq_ignore_ascii_case("that"),
        _ => false,
    }
}

/// Whether quote `q` goes on the sentence that quote `prev` is in: no sentence ends
/// between them, and `prev` does not end one itself before a capital.
fn same_sentence(text: &str, prev: &RawQuote, q: &RawQuote) -> bool {
    if q.span.start < prev.span.end || q.span.start - prev.span.end > WINDOW_BEFORE {
        return false;
    }
    let gap = &text[prev.span.end..q.span.start];
    let b = text.as_bytes();
    let ends_inside = gap
        .bytes()
        .enumerate()
        .any(|(k, c)| matches!(c, b'.' | b'?' | b'!') && is_sentence_end(b, prev.span.end + k));
    let starts_lower = gap
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(char::is_lowercase);
    let prev_ends = prev.inner.slice(text).trim_end().ends_with(['.', '?', '!']);
    !ends_inside && (!prev_ends || starts_lower)
}

/// The speaker of the first reporting verb in a paragraph with no quotation.
fn reporting_subject(ctx: &Ctx, toks: &[Tok]) -> Option<Found> {
    let mut lo = 0;
    for k in 0..toks.len() {
        if ends_sentence(toks, k) {
            lo = k + 1;
            continue;
        }
        if k > lo && toks[k].word {
            if let Some((cue, _)) = cue_at(toks, k) {
                if let Some(s) = ctx.subject_of_cue(toks, lo, k, &cue) {
                    return Some((s, cue));
                }
            }
        }
    }
    None
}

/// Bytes of context read on either side of a quote: an attribution is never further
/// away, and long paragraphs must not make every quote cost their whole length.
const WINDOW_BEFORE: usize = 300;
const WINDOW_AFTER: usize = 250;

/// Start of the context window before byte `at`, no earlier than `lo`, on a char boundary:
/// just after the last sentence end found with `memrchr`, so only the quote's own sentence
/// is tokenised.
fn window_start(text: &str, lo: usize, at: usize) -> usize {
    let mut from = lo.max(at.saturating_sub(WINDOW_BEFORE));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let b = text.as_bytes();
    let mut end = at;
    while let Some(k) = memchr::memrchr3(b'.', b'?', b'!', &b[from..end]) {
        let p = from + k;
        if is_sentence_end(b, p) {
            return p + 1;
        }
        end = p;
    }
    from
}

/// End of the context window after byte `at`, no later than `hi`, on a char boundary:
/// just after the first sentence end.
fn window_end(text: &str, at: usize, hi: usize) -> usize {
    let mut to = hi.min(at + WINDOW_AFTER);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let b = text.as_bytes();
    let mut from = at;
    while let Some(k) = memchr::memchr3(b'.', b'?', b'!', &b[from..to]) {
        let p = from + k;
        if is_sentence_end(b, p) {
            return p + 1;
        }
        from = p + 1;
    }
    to
}

/// A cheap byte-level test that the terminator at `p` ends a sentence: white space and a
/// capital (or a quotation mark) follow, and it does not close an initial or a common
/// abbreviation. [`ends_sentence`] decides on tokens; this only bounds the window, so it
/// errs on the side of a longer window.
fn is_sentence_end(b: &[u8], p: usize) -> bool {
    let next_space = b.get(p + 1).is_some_and(|c| c.is_ascii_whitespace());
    let next_capital = b
        .get(p + 2)
        .is_some_and(|c| c.is_ascii_uppercase() || *c == b'"' || *c >= 0x80);
    if !(next_space && next_capital) {
        return false;
    }
    if b[p] != b'.' {
        return true;
    }
    let word_start = b[..p]
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let word = &b[word_start..p];
    let short = word.len() <= 1;
    let abbreviation = ABBREVIATIONS.iter().any(|a| a.as_bytes() == word);
    !(short || abbreviation)
}

/// Mentions not inside a quotation, in text order; both lists are in text order, so one
/// walk through them suffices.
fn outside_quotes<'m>(
    mentions: &'m [Mention],
    raw: &'m [RawQuote],
) -> impl Iterator<Item = &'m Mention> + 'm {
    let mut q = 0;
    mentions.iter().filter(move |m| {
        while q < raw.len() && raw[q].inner.end <= m.span.start {
            q += 1;
        }
        !raw.get(q).is_some_and(|r| r.inner.contains(m.span))
    })
}

fn carried(prev: &Quote) -> Option<Found> {
    if prev.speaker.is_empty() {
        return None;
    }
    Some((
        Speaker {
            canonical: prev.speaker.clone(),
            mention: prev.speaker_mention.clone(),
            kind: prev.speaker_type,
        },
        prev.cue.clone(),
    ))
}
