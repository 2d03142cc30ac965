//! Finding names in one article: the trained tagger ([`super::model`]) marks spans of
//! tokens as a person, organisation or place; this module turns each span into a
//! [`Mention`] with the name as it should be reported: titles and descriptive labels before
//! a person's name are cut off ("Syrian President Bashar Al-Assad" -> "Bashar Al-Assad") and
//! give the gender where they imply one, a known place or organisation takes its canonical
//! form ("U.S." -> "United States").

use super::features::{self, DocContext, DocLabels, Featurizer, Gap, Token};
use super::gazetteer::{self, Gazetteer, NameList};
use super::model::{self, Tagger};
use super::retag;
use super::{normalise, EntityType, Gender, Mention};
use crate::article::Article;
use crate::text::stopwords::StopWords;
use crate::text::Span;

/// Every name the tagger finds, in text order, before aliases are resolved.
pub fn mentions(article: &Article) -> Vec<Mention> {
    let g = Gazetteer::get();
    let text = article.text.as_str();
    let sentences = features::sentences(article);
    let doc = DocContext::new(&sentences);
    let mut out = Vec::new();
    SCRATCH.with_borrow_mut(|scratch| {
        tag(scratch, text, &sentences, &doc);
        for &(si, at) in &scratch.tagged {
            let s = &sentences[si];
            let tags = &scratch.tags[at..at + s.tokens.len()];
            let spans = model::spans(tags);
            let title_case = s.paragraph == 0 && !s.all_caps && is_title_case(&s.tokens);
            for k in 0..spans.len() {
                span_mentions(g, &doc, text, (s, title_case), &spans, k, &mut out);
            }
        }
    });
    // Text order: the alias pass reads neighbouring mentions.
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// The tagger's buffers, kept from article to article by each thread: an article's
/// features and scores would otherwise be allocated, and grown, afresh every time.
struct Scratch {
    f: Featurizer<'static>,
    offsets: Vec<u32>,
    hashes: Vec<u64>,
    slots: Vec<model::Slot>,
    first_scores: Vec<[f32; model::LABELS]>,
    /// The second pass's scores of every sentence tagged, one after another.
    second_scores: Vec<[f32; model::LABELS]>,
    doc_feats: Vec<u64>,
    /// The final tags of every sentence tagged, one after another, ...
    tags: Vec<u8>,
    /// ... and, for each such sentence, its index and where its tags (and its second
    /// pass's scores) start.
    tagged: Vec<(usize, usize)>,
    sentence_tags: Vec<u8>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch {
        f: Featurizer::new(Gazetteer::get()),
        offsets: Vec::new(),
        hashes: Vec::new(),
        slots: Vec::new(),
        first_scores: Vec::new(),
        second_scores: Vec::new(),
        doc_feats: Vec::new(),
        tags: Vec::new(),
        tagged: Vec::new(),
        sentence_tags: Vec::new(),
    });
}

/// The tags of every sentence that may hold a name, from the two passes, into
/// `scratch.tags` (sentence index and where its tags start in `scratch.tagged`).
fn tag(scratch: &mut Scratch, text: &str, sentences: &[features::TokSentence], doc: &DocContext) {
    let g = Gazetteer::get();
    let tagger = Tagger::get();
    let Scratch {
        f,
        offsets,
        hashes,
        slots,
        first_scores,
        second_scores,
        doc_feats,
        tags,
        tagged,
        sentence_tags,
    } = scratch;
    second_scores.clear();
    tags.clear();
    tagged.clear();
    // First pass: each sentence alone. Each token's features are looked up once, in both
    // models: the second pass's scores are the same features' second-model weights plus
    // those of its few document features ([`DocLabels`]), added in the same order as in
    // training.
    let mut labels = DocLabels::default();
    for (si, s) in sentences.iter().enumerate() {
        if !s.tokens.iter().any(|t| t.candidate) || is_footer(text, &s.tokens) {
            continue;
        }
        f.sentence(text, s, doc, offsets, hashes);
        slots.clear();
        slots.extend(s.tokens.iter().map(|t| t.slot()));
        first_scores.clear();
        first_scores.resize(s.tokens.len(), [0.0; model::LABELS]);
        let at = second_scores.len();
        second_scores.resize(at + s.tokens.len(), [0.0; model::LABELS]);
        let second = &mut second_scores[at..];
        for i in 0..s.tokens.len() {
            if slots[i] != model::OUTSIDE {
                tagger.prefetch(&hashes[offsets[i] as usize..offsets[i + 1] as usize]);
            }
        }
        for i in 0..s.tokens.len() {
            if slots[i] != model::OUTSIDE {
                let feats = &hashes[offsets[i] as usize..offsets[i + 1] as usize];
                tagger.add_both(feats, &mut first_scores[i], &mut second[i]);
            }
        }
        tagger.first.decode(first_scores, slots, sentence_tags);
        for (t, &tag) in s.tokens.iter().zip(sentence_tags.iter()) {
            labels.add_key(t.lower, tag);
        }
        tagged.push((si, at));
    }
    // Second pass: the same scores plus what the first pass said of each word elsewhere.
    tags.resize(second_scores.len(), model::O);
    for &(si, at) in tagged.iter() {
        let s = &sentences[si];
        let n = s.tokens.len();
        let scores = &mut second_scores[at..at + n];
        slots.clear();
        slots.extend(s.tokens.iter().map(|t| t.slot()));
        for (i, t) in s.tokens.iter().enumerate() {
            if t.candidate {
                doc_feats.clear();
                labels.features_key(t.lower, doc_feats);
                tagger.second.add_emissions(doc_feats, &mut scores[i]);
            }
        }
        tagger.second.decode(scores, slots, sentence_tags);
        retag::adjust(g, doc, text, s, sentence_tags);
        tags[at..at + n].copy_from_slice(sentence_tags);
    }
}

/// A news agency's name ([`NameList::Agency`], as listed or in capitals) as the last word of
/// the article.
fn is_sign_off(g: &Gazetteer, text: &str, t: &features::Token) -> bool {
    text[t.span.end..].trim().is_empty()
        && (g.in_list(NameList::Agency, t.text)
            || (t.text.chars().all(|c| c.is_ascii_uppercase())
                && g.in_list(NameList::Agency, &features::title_case(t.text))))
}

/// The mentions that tagged span `spans[k]` of sentence `s` makes, into `out`: none, one, or
/// a name and the agency credit run on to it. `title_case`: the sentence is a Title Case
/// headline ([`is_title_case`]).
fn span_mentions(
    g: &Gazetteer,
    doc: &DocContext,
    text: &str,
    (s, title_case): (&features::TokSentence, bool),
    spans: &[(usize, usize, u8)],
    k: usize,
    out: &mut Vec<Mention>,
) {
    let (first, last, tag) = spans[k];
    let Some(kind) = model::tag_kind(tag) else {
        return;
    };
    // "... total 55.8 (33.7).        REUTER": a wire's sign-off, its name as the article's
    // last word, is the agency, whatever the tagger made of a capitalised word at the end.
    if first == last && is_sign_off(g, text, &s.tokens[last]) {
        let t = &s.tokens[last];
        out.push(Mention {
            span: t.span,
            kind: EntityType::Org,
            canonical: g
                .org(t.text)
                .or_else(|| g.org_alias(t.text))
                .unwrap_or(t.text)
                .to_string(),
            gender: Gender::Unknown,
            sentence: s.index,
            paragraph: s.paragraph,
            weak: false,
        });
        return;
    }
    // "Senate Minority Leader Harry Reid": a description ending in a title, run up to the
    // person it describes, is no organisation of its own. "Finance Minister Tobin Marsh":
    // the same when the title follows the span.
    let mut after = last + 1;
    while after < s.tokens.len()
        && s.tokens[after].gap.joins()
        && g.is_one_word_title(s.tokens[after].text)
    {
        after += 1;
    }
    let describes_next = kind != EntityType::Person
        && (g.is_one_word_title(s.tokens[last].text) || after > last + 1)
        && spans.get(k + 1).is_some_and(|&(next, _, t)| {
            next == after
                && s.tokens[next].gap.joins()
                && model::tag_kind(t) == Some(EntityType::Person)
        });
    // A photographer's credit ("(Adrian Wyld/Canadian Press)") names no one the article is
    // about.
    let credit =
        kind == EntityType::Person && s.tokens.get(last + 1).is_some_and(|t| t.gap == Gap::Slash);
    if describes_next || credit {
        return;
    }
    let before = first.checked_sub(1).map(|i| s.tokens[i].text);
    let (first, before) = trim_opening(g, doc, &s.tokens, first, last, before);
    // "... Ali Khamenei Reuters": a caption ends in the agency's credit, which runs on from
    // the caption's last name.
    let last = if kind == EntityType::Person
        && last > first + 1
        && g.in_list(NameList::Agency, s.tokens[last].text)
    {
        let t = &s.tokens[last];
        out.push(Mention {
            span: t.span,
            kind: EntityType::Org,
            canonical: t.text.to_string(),
            gender: Gender::Unknown,
            sentence: s.index,
            paragraph: s.paragraph,
            weak: false,
        });
        last - 1
    } else {
        last
    };
    for (first, last) in headline_pieces(doc, s, title_case, first, last) {
        let before = if first > 0 {
            Some(s.tokens[first - 1].text)
        } else {
            before
        };
        let Some(mut mention) = mention(g, text, &s.tokens[first..=last], before, kind, s.all_caps)
        else {
            continue;
        };
        // "Mayor Resigns": in a Title Case headline every word has a capital, so a lone
        // word (a title aside) no list knows and the story never writes with one is no name.
        let written = mention.span.slice(text);
        let headline_capitals =
            title_case || (s.paragraph == 0 && !s.all_caps && every_word_capitalised(&s.tokens));
        if headline_capitals
            && !written.contains(char::is_whitespace)
            && !doc.capitalised_in_body(written)
            && !g.is_known_word(written)
        {
            continue;
        }
        mention.sentence = s.index;
        mention.paragraph = s.paragraph;
        let lone_unknown = first == last
            && mention.canonical == s.tokens[first].text
            && !g.is_known_word(s.tokens[first].text);
        // A lone word opening a sentence, which no list knows: its capital may be the
        // sentence's, so the corpus decides ([`super::is_common_word`]).
        mention.weak = lone_unknown && first == 0 && !s.all_caps;
        // A lone word no list knows may be the short form of a longer name of the article
        // ("Atletico", "Zarvan"): an empty canonical asks the alias pass
        // ([`super::resolve`]) to look.
        if lone_unknown {
            mention.canonical.clear();
        }
        out.push(mention);
    }
}

/// A headline in Title Case ("Data Breach Exposes Records at Brightwire"): its capitals
/// say nothing about names. Short lines only.
fn is_title_case(toks: &[Token]) -> bool {
    let words = toks
        .iter()
        .filter(|t| t.text.chars().any(char::is_alphabetic));
    let (mut n, mut capitalised) = (0usize, 0usize);
    for t in words {
        n += 1;
        capitalised += t.text.chars().next().is_some_and(char::is_uppercase) as usize;
    }
    (4..=40).contains(&n) && capitalised * 10 >= n * 7
}

/// A line of two or more words, each with a capital ("Mayor Resigns"): too short for
/// [`is_title_case`] to call it a headline, but its capitals say as little.
fn every_word_capitalised(toks: &[Token]) -> bool {
    let mut words = toks
        .iter()
        .filter(|t| t.text.chars().any(char::is_alphabetic))
        .peekable();
    words.peek().is_some()
        && toks.len() >= 2
        && words.all(|t| t.text.chars().next().is_some_and(char::is_uppercase))
}

/// The parts of a span in a Title Case headline that can be names: it is cut at every word
/// the article also writes in lower case ("Kestrel Data Leak" gives "Kestrel" when the body
/// speaks of a "data leak"). Elsewhere the span is whole.
fn headline_pieces(
    doc: &DocContext,
    s: &features::TokSentence,
    title_case: bool,
    first: usize,
    last: usize,
) -> Vec<(usize, usize)> {
    if !title_case {
        return vec![(first, last)];
    }
    let mut out = Vec::new();
    let mut start = None;
    for i in first..=last {
        if doc.written_lower_key(s.tokens[i].lower) {
            if let Some(b) = start.take() {
                out.push((b, i - 1));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(b) = start {
        out.push((b, last));
    }
    out
}

/// Where a name really starts: function words ("When PolitiFact", "Both Green") and, at a
/// sentence's start, a word the article also writes in lower case ("Crooked Hillary
/// Clinton") are no part of it. Returns the first token and the word before it.
fn trim_opening<'a>(
    g: &Gazetteer,
    doc: &DocContext,
    toks: &[Token<'a>],
    mut first: usize,
    last: usize,
    mut before: Option<&'a str>,
) -> (usize, Option<&'a str>) {
    let stop = StopWords::english();
    let sentence_start = first == 0 || !toks[first].gap.joins();
    // "Later the Conservatives", "Then a Labour MP": a sentence's opening word and an
    // article after it are no part of the name that follows.
    if sentence_start && first + 2 <= last && matches!(toks[first + 1].text, "the" | "a" | "an") {
        before = Some(toks[first + 1].text);
        first += 2;
    }
    while first < last {
        let w = toks[first].text;
        // Number words stay: "Six Nations", "Three Gorges".
        let is_function_word = |lower: &str| {
            stop.contains(lower) && w.chars().count() > 1 && !g.in_list(NameList::Number, lower)
        };
        // An ASCII word has no curly apostrophe to straighten: lowered on the stack.
        let function_word = if w.is_ascii() {
            gazetteer::with_lowercase(w, is_function_word)
        } else {
            is_function_word(&w.to_lowercase().replace('’', "'"))
        };
        // Not when the article also capitalises the word inside a sentence: "Rally Canada,
        // the group that organized the event, said" after "In a release, Rally Canada said".
        // A letter stays an opener: "A" of "A Persico" in a team list is an initial at best.
        let common_opener = sentence_start
            && doc.written_lower_key(toks[first].lower)
            && (w.len() == 1 || !doc.capitalised_inside_key(toks[first].lower))
            && !g.is_known_word(w)
            && w.chars().skip(1).all(char::is_lowercase);
        if !(function_word || common_opener) {
            break;
        }
        before = Some(w);
        first += 1;
    }
    (first, before)
}

/// The mention a tagged span makes, or none when nothing of a name is left once titles are
/// cut off.
fn mention(
    g: &Gazetteer,
    text: &str,
    toks: &[Token],
    before: Option<&str>,
    kind: EntityType,
    all_caps: bool,
) -> Option<Mention> {
    let mut toks = toks;
    // "Oscar-winning", "London-based", "Oscar-winner Andrea Arnold": a hyphened
    // description is no name, nor part of the name after it.
    if let Some(k) = toks.iter().rposition(is_hyphened_description) {
        if k + 1 == toks.len() {
            return None;
        }
        toks = &toks[k + 1..];
    }
    // "NL MVP Christian Yelich": capitals run into the front of a first name and another
    // word describe the person that follows them.
    let caps = |t: &Token| {
        (2..=5).contains(&t.text.len()) && t.text.bytes().all(|b| b.is_ascii_uppercase())
    };
    let mut kind = kind;
    // Not initials ("JP Morgan Chase", "CB Richard Ellis"): the word before the first name
    // is a known acronym or three letters at least.
    if toks.len() >= 3 {
        if let Some(i) = toks.iter().position(|t| !caps(t)) {
            let rest = &toks[i..];
            let described = i >= 1
                && (toks[i - 1].text.len() >= 3 || g.in_list(NameList::Acronym, toks[i - 1].text))
                && (rest.len() == 2
                    || (rest.len() == 3 && g.first_name_gender(rest[1].text).is_some()))
                && g.first_name_gender(rest[0].text).is_some()
                && !rest.iter().any(|t| g.is_org_word(t.text));
            if described {
                toks = rest;
                kind = EntityType::Person;
            }
        }
    }
    // "Kits Beach", "Fraser Highway", "Lake Cowichan": a name that ends or starts with a
    // place word is a place, whatever its words looked like to the tagger.
    // Not "Hugh Hill": a known first name before a known surname is a person's name.
    // The same holds for the last words of buildings ("Beverly Hilton Hotel": a place), of
    // organisations ("Robert Bosch GmbH", when the word is no one's name and the two words
    // are not a first name and another: "Jim Courier"), and of awards
    // and contests ("Carol Burnett Award", "Stanley Cup": no person, not reported).
    let (first, last) = (toks[0].text, toks[toks.len() - 1].text);
    // "Jasper National Park" is no "Jasper ... Park": every word between a first name
    // and a surname must be a name or an initial too.
    let personal = toks.len() >= 2
        && g.first_name_gender(first).is_some()
        && g.is_surname(last)
        && toks[1..toks.len() - 1].iter().all(|t| {
            g.first_name_gender(t.text).is_some()
                || t.text.trim_end_matches('.').chars().count() == 1
        });
    let kind = if kind == EntityType::Person && toks.len() >= 2 && !personal {
        if g.in_list(NameList::EventLast, last) {
            return None;
        }
        if g.in_list(NameList::PlaceLast, last)
            || g.in_list(NameList::PlaceFirst, first)
            || g.in_list(NameList::FacilityLast, last)
        {
            EntityType::Place
        } else if g.in_list(NameList::Credit, last)
            && !g.in_list(NameList::Agency, last)
            && g.first_name_gender(first).is_none()
        {
            // "photo taken by Antara Foto", "Canadian Press": a picture agency. Not "Michael
            // Bloomberg", whose surname is an agency's name, nor "Bill Press".
            EntityType::Org
        } else if g.is_org_word(last)
            && !g.is_surname(last)
            && g.first_name_gender(last).is_none()
            && (toks.len() >= 3 || g.first_name_gender(first).is_none())
        {
            EntityType::Org
        } else {
            kind
        }
    } else {
        kind
    };
    let mut gender = before.map_or(Gender::Unknown, super::title_gender);
    if kind == EntityType::Person {
        // Titles, demonyms and party labels describe the person and are no part of the
        // name: "President", "Syrian", "Tory". `all_words` ends as `toks` does, so its
        // last `toks.len()` are the words of what is left.
        let all_words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        loop {
            let words = &all_words[all_words.len() - toks.len()..];
            if let Some(n) = g.title_len(words).filter(|&n| n < toks.len()) {
                let tg = super::title_gender(words[0]);
                if tg != Gender::Unknown {
                    gender = tg;
                }
                toks = &toks[n..];
                continue;
            }
            if toks.len() > 1 && is_label(g, toks[0].text) {
                toks = &toks[1..];
                continue;
            }
            break;
        }
        if toks.len() == 1 && g.title_len(&[toks[0].text]).is_some() {
            return None;
        }
        // "Reagan Friday", "Trudeau Monday": a weekday run onto a person's name ("Reagan
        // Friday said") is no part of it. Not a month: "Elizabeth May". Nor after a first
        // name that is no surname: "Mike Friday" is the coach's name.
        let first_name_only =
            |t: &Token| g.first_name_gender(t.text).is_some() && !g.is_surname(t.text);
        while toks.len() > 1
            && crate::text::WEEKDAYS.contains(&toks[toks.len() - 1].text)
            && !(toks.len() == 2 && first_name_only(&toks[0]))
        {
            toks = &toks[..toks.len() - 1];
        }
        // "Getty Images Kevin Vickers": a photo credit run into the caption it ends.
        if let Some(at) = toks
            .iter()
            .rposition(|t| g.in_list(NameList::Credit, t.text))
        {
            if toks.len() - at > 2 {
                toks = &toks[at + 1..];
            }
        }
        if gender == Gender::Unknown {
            if let Some(fg) = g.first_name_gender(toks[0].text) {
                gender = fg;
            }
        }
    } else {
        gender = Gender::Unknown;
    }
    let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
    if kind == EntityType::Person && names_a_thing(text, span) {
        return None;
    }
    let written = normalise(span.slice(text));
    // "TV", "PC", "CEO": things and roles written in capitals, not names; "I’d": a
    // contraction; "N": a letter; "Division": an organisation word alone.
    let flags = g.flags(&written);
    if written.chars().count() == 1
        || (toks.len() == 1
            && flags & gazetteer::flag::ORG_WORD != 0
            && flags & (gazetteer::flag::ORG | gazetteer::flag::PLACE) == 0
            && written.chars().skip(1).any(char::is_lowercase))
        || g.in_list(NameList::Acronym, &written)
        || (toks.len() == 1 && in_never_list(g, &written))
        || (written.contains(['\'', '’'])
            && StopWords::english().contains(&written.to_lowercase().replace('’', "'")))
    {
        return None;
    }
    // "US", "UK", "UAE": a country's abbreviation is the place, whatever its neighbours
    // made the tagger think (a government, a team).
    let kind = if kind == EntityType::Org
        && g.org(&written).is_none()
        && g.place(&written).is_some()
        && written.chars().all(|c| c.is_ascii_uppercase() || c == '.')
    {
        EntityType::Place
    } else {
        kind
    };
    let known = |name: &str| match kind {
        EntityType::Place => g.place(name).or_else(|| g.org(name)).map(str::to_string),
        EntityType::Org => g
            .org(name)
            .or_else(|| g.org_alias(name))
            .map(str::to_string),
        EntityType::Person => None,
    };
    let written = match kind {
        EntityType::Person if written.contains(['"', '“']) => {
            retag::without_nickname(&written).unwrap_or(written)
        }
        _ => written,
    };
    let canonical = known(&written)
        .or_else(|| {
            all_caps
                .then(|| known(&title_case_words(&written)))
                .flatten()
        })
        .unwrap_or_else(|| {
            if all_caps {
                title_case_words(&written)
            } else {
                written
            }
        });
    Some(Mention {
        span,
        kind,
        canonical,
        gender,
        sentence: 0,
        paragraph: 0,
        weak: false,
    })
}

/// A person's name standing for something named after a person, as the words after it
/// say: "Crohn's disease", "Tourette syndrome", "Bell's palsy"; or "Bill" numbered as a
/// bill is ("Bill C-69", "Bill 21").
fn names_a_thing(text: &str, span: Span) -> bool {
    // Not "law": "Cohen's law firm" is a person's.
    const EPONYMS: &[&str] = &["disease", "syndrome", "disorder", "palsy"];
    let after = &text[span.end..];
    let word_after = |prefix: &str| -> &str {
        after
            .strip_prefix(prefix)
            .and_then(|r| r.split(|c: char| !c.is_alphanumeric() && c != '-').next())
            .unwrap_or("")
    };
    // Without the possessive, a disease or a syndrome only: "Smith disorder" is rare.
    if ["'s ", "’s "]
        .iter()
        .any(|p| EPONYMS.contains(&word_after(p)))
        || EPONYMS[..3].contains(&word_after(" "))
    {
        return true;
    }
    let next = word_after(" ");
    span.slice(text) == "Bill" && after.starts_with(' ') && is_bill_number(next)
}

/// "C-69", "21", "S-3": the number of a bill.
fn is_bill_number(w: &str) -> bool {
    let digits = w
        .strip_prefix(|c: char| c.is_ascii_uppercase())
        .and_then(|r| r.strip_prefix('-'))
        .unwrap_or(w);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The lower-case second half of a hyphened description: "-winning", "-based", "-born".
pub(super) fn is_hyphened_description(t: &Token) -> bool {
    const ENDINGS: &[&str] = &["ing", "ed", "er", "ers", "born", "based", "led", "run"];
    t.gap == Gap::Hyphen
        && t.text.chars().count() >= 3
        && t.text.chars().all(char::is_lowercase)
        && ENDINGS.iter().any(|e| t.text.ends_with(e))
}

/// A word that labels a person rather than naming them: a demonym ("Russian Marat Safin")
/// or a party label ("Tory Liam Fox").
fn is_label(g: &Gazetteer, w: &str) -> bool {
    g.demonym(w).is_some() || g.in_list(NameList::Party, w)
}

/// Whether the [`title_case_words`] form of a name is in the list of words never taken for
/// a name. Most names are in that form already, and are looked up as they are, without
/// building a copy.
fn in_never_list(g: &Gazetteer, name: &str) -> bool {
    if name.is_ascii() && is_ascii_title_cased(name) {
        g.in_list(NameList::Never, name)
    } else {
        g.in_list(NameList::Never, &title_case_words(name))
    }
}

/// Whether [`title_case_words`] leaves an ASCII name as it is: a capital (or no letter)
/// where it starts a word, no capital elsewhere.
fn is_ascii_title_cased(name: &str) -> bool {
    let mut start = true;
    for b in name.bytes() {
        let changed = if start {
            b.is_ascii_lowercase()
        } else {
            b.is_ascii_uppercase()
        };
        if changed {
            return false;
        }
        start = b == b' ' || (!b.is_ascii_alphanumeric() && b != b'\'');
    }
    true
}

/// "NEW YORK" -> "New York": the usual form of a name written in capitals.
fn title_case_words(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = !c.is_alphanumeric() && c != '\'';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Page furniture at an article's end ("Follow us on ...", "Sign up for our newsletter"):
/// its capitalised words are no names.
fn is_footer(text: &str, toks: &[Token]) -> bool {
    const VERBS: &[&str] = &[
        "Join",
        "Follow",
        "Subscribe",
        "Like",
        "Download",
        "Sign",
        "Click",
        "Get",
        "Share",
        "Contact",
        "Listen",
        "Watch",
        "Read",
    ];
    const READER: &[&str] = &["our", "us", "here", "newsletter", "more"];
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return false;
    };
    toks.len() <= 14
        && VERBS.contains(&first.text)
        && toks.iter().any(|t| READER.contains(&t.text))
        && !text[first.span.start..last.span.end].contains(['"', '“', '”'])
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::article::Encoding;

    fn found(text: &str) -> Vec<(String, EntityType)> {
        let a = Article::new("t.txt".into(), text.into(), Encoding::Utf8);
        let ms = mentions(&a);
        assert!(ms.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        ms.iter()
            .map(|m| (m.span.slice(&a.text).to_string(), m.kind))
            .collect()
    }

    /// The seed article's caption: the agency's credit runs on from the last name.
    #[test]
    fn an_agency_credit_ending_a_caption_is_its_own_organisation() {
        let got = found("Bashar Al-Assad and Ayatollah Ali Khamenei Reuters\n\nThey met.");
        assert!(
            got.contains(&("Ali Khamenei".into(), EntityType::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Reuters".into(), EntityType::Org)),
            "{got:?}"
        );
    }

    /// Regression (Reuters-21578): the wire's sign-off was `REUTER,PERSON`, the corpus's
    /// second most mentioned entity.
    #[test]
    fn a_wire_sign_off_ending_the_article_is_the_agency() {
        let got = found(
            "Soybean exports\n\nSoybean oil prev 3.7, Feb 21.1, Mar nil, total 55.8 \
             (33.7).        REUTER",
        );
        assert!(got.contains(&("REUTER".into(), EntityType::Org)), "{got:?}");
        let a = Article::new(
            "t.txt".into(),
            "T\n\nPrices fell. REUTER".into(),
            Encoding::Utf8,
        );
        let ms = mentions(&a);
        assert_eq!(ms.last().map(|m| m.canonical.as_str()), Some("Reuters"));
        // Not where the name is no sign-off: mid-text it is the tagger's to type.
        let got = found("T\n\nMichael Bloomberg spoke. Bloomberg said he would run.");
        assert!(
            !got.contains(&("Bloomberg".into(), EntityType::Org)),
            "{got:?}"
        );
    }

    /// Regression (Gender Gap Tracker): "On Christmas Day, he plans ..." gave a person
    /// "Christmas Day", whom the next "he" then took for its antecedent.
    #[test]
    fn holidays_are_no_people_but_a_person_named_day_is() {
        let got = found("T\n\nOn Christmas Day, he plans to invite five friends over.");
        assert!(got.iter().all(|(_, k)| *k != EntityType::Person), "{got:?}");
        let got = found("T\n\nThe singer Doris Day sang on Monday.");
        assert!(
            got.contains(&("Doris Day".into(), EntityType::Person)),
            "{got:?}"
        );
    }

    #[test]
    fn a_double_barrelled_surname_stays_with_its_first_name() {
        let got =
            found("T\n\nPrime Minister Amara Okonkwo-Reyes urged both sides to return to talks.");
        assert_eq!(
            got,
            [("Amara Okonkwo-Reyes".to_string(), EntityType::Person)]
        );
    }

    #[test]
    fn hyphened_descriptions_are_no_names() {
        let got =
            found("T\n\nThe Oscar-winning film starred Oscar-winner Andrea Arnold on Monday.");
        let people: Vec<&str> = got
            .iter()
            .filter(|(_, k)| *k == EntityType::Person)
            .map(|(w, _)| w.as_str())
            .collect();
        assert_eq!(people, ["Andrea Arnold"], "{got:?}");
    }

    #[test]
    fn a_partys_short_names_take_its_canonical_name() {
        let a = Article::new(
            "t.txt".into(),
            "T\n\nThe Tories clashed with Labour on Monday. Later the Conservatives blamed Labour."
                .into(),
            Encoding::Utf8,
        );
        let canonical: Vec<String> = mentions(&a)
            .into_iter()
            .filter(|m| m.kind == EntityType::Org)
            .map(|m| m.canonical)
            .collect();
        assert!(!canonical.is_empty());
        for c in &canonical {
            assert!(
                c == "Conservative Party" || c == "Labour Party",
                "{canonical:?}"
            );
        }
    }

    #[test]
    fn place_words_make_a_place_and_hyphened_parts_stay_with_a_person() {
        let got = found(
            "T\n\nCrowds gathered at Kits Beach and on Fraser Highway. South Korea's Moon Jae-in met officials.",
        );
        assert!(
            got.contains(&("Kits Beach".into(), EntityType::Place)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Fraser Highway".into(), EntityType::Place)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Moon Jae-in".into(), EntityType::Person)),
            "{got:?}"
        );
    }

    #[test]
    fn buildings_awards_and_firms_are_no_people_but_named_people_stay() {
        // Regression: on Gender Gap Tracker news "Beverly Hilton Hotel" was a woman and
        // "Carol Burnett Award" a person, from their first words.
        let got = found(
            "T\n\nShe stayed at the Beverly Hilton Hotel before the Carol Burnett Award. \
             Robert Bosch GmbH hired Jim Courier and Charlotte Church. \
             They drove from Jasper National Park to Charles County.",
        );
        let person = |w: &str| got.contains(&(w.into(), EntityType::Person));
        assert!(!person("Beverly Hilton Hotel"), "{got:?}");
        assert!(!got.iter().any(|(w, _)| w.contains("Award")), "{got:?}");
        assert!(!person("Robert Bosch GmbH"), "{got:?}");
        assert!(
            person("Jim Courier") && person("Charlotte Church"),
            "{got:?}"
        );
        assert!(!person("Jasper National Park"), "{got:?}");
        assert!(!person("Charles County"), "{got:?}");
    }

    #[test]
    fn capitals_before_a_name_describe_the_person_but_initials_are_part_of_a_firm() {
        let got = found(
            "T\n\nFans cheered NL MVP Christian Yelich and DJ John Peel on Monday. \
             JP Morgan Chase bought shares.",
        );
        let person = |w: &str| got.contains(&(w.into(), EntityType::Person));
        assert!(person("Christian Yelich") && person("John Peel"), "{got:?}");
        assert!(!person("Morgan Chase"), "{got:?}");
    }

    #[test]
    fn a_photographers_credit_names_no_one() {
        let got =
            found("T\n\nMinister Seamus O'Regan spoke on Monday. (Adrian Wyld/Canadian Press)");
        assert!(!got.iter().any(|(w, _)| w.contains("Wyld")), "{got:?}");
    }

    #[test]
    fn common_acronyms_and_contractions_are_no_names() {
        let got = found("T\n\nI’d say the TV and the PC sold well in the US, Lina Varro said.");
        let names: Vec<&str> = got.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(names, ["US", "Lina Varro"]);
    }

    #[test]
    fn a_name_is_title_cased_exactly_when_title_casing_leaves_it() {
        for w in [
            "Smith", "SMITH", "smith", "O'Neill", "O'NEILL", "Al-Assad", "al-Assad", "U.S.",
            "McDonald", "New York", "New york", "1860", "3M", "x", "A.b",
        ] {
            assert_eq!(is_ascii_title_cased(w), title_case_words(w) == w, "{w}");
        }
    }

    #[test]
    fn words_in_capitals_are_title_cased() {
        assert_eq!(title_case_words("NEW YORK"), "New York");
        assert_eq!(title_case_words("O'NEILL"), "O'neill");
        assert_eq!(title_case_words("AL-ASSAD"), "Al-Assad");
    }
}
