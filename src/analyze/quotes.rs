//! Direct quotations and who said them.
//!
//! Two passes over one article. [`pair`] finds quotation marks with `memchr` and pairs them
//! paragraph by paragraph, so a stray mark can never swallow the rest of the article: a
//! quote only runs past its paragraph when the next paragraph re-opens it (the newspaper
//! convention for long quotations). [`attribute`] then looks at the few words around each
//! quote for a reporting verb (the cue lexicon below) and the speaker next to it, resolving
//! names, short names and pronouns through [`names`], the one shared name module.
//!
//! Everything works on small byte windows of the text around each quote, so the cost is
//! proportional to the number of quotes, not to the length of the article.

use super::names::{self, EntityType, Gender, Mention};
use crate::article::{Article, Sentence};
use crate::text::{tokenize, Span};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use std::sync::OnceLock;

/// One direct quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quotation marks included.
    pub span: Span,
    /// The quoted words, marks excluded.
    pub inner: Span,
    /// `inner` as text, white space collapsed: the article text is gone by report time.
    pub quote: String,
    /// Canonical within the article ("Ali Khamenei"); empty when nobody was found.
    pub speaker: String,
    /// The words that named the speaker at this quote ("Khamenei", "he", "the ministry").
    pub speaker_mention: String,
    pub speaker_type: Option<EntityType>,
    /// The reporting verb or phrase ("said", "according to", "quoted ... as saying").
    pub cue: String,
    /// No closing mark before the end of the paragraph.
    pub unclosed: bool,
    pub kind: QuoteKind,
}

/// What kind of speech a row of `quotes.csv` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum QuoteKind {
    /// A whole quotation: a sentence or more in quotation marks.
    #[default]
    Direct,
    /// Quoted words inside the writer's sentence ("called the plan "a disaster"").
    Partial,
    /// Reported speech: what someone said, in the writer's words, no quotation marks.
    Reported,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Reported => "reported",
        }
    }

    /// The code the spill and partial formats store.
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(c: u64) -> Option<QuoteKind> {
        match c {
            0 => Some(QuoteKind::Direct),
            1 => Some(QuoteKind::Partial),
            2 => Some(QuoteKind::Reported),
            _ => None,
        }
    }
}

/// Every quote of an article plus the marks that could not be paired.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes {
    pub quotes: Vec<Quote>,
    /// Closing marks with nothing open, and opening marks never closed.
    pub stray_marks: u32,
    /// Short quoted terms with no speaker, left out of `quotes` ([`is_quoted_term`]).
    pub quoted_terms: u32,
}

/// Finds and attributes every quotation of an article.
pub fn find(a: &Article, mentions: &[Mention]) -> Quotes {
    let (spans, stray_marks) = pair(&a.text, &a.paragraphs);
    let mut quotes = attribute(a, mentions, &spans);
    let before = quotes.len();
    quotes.retain(|q| !is_quoted_term(q));
    Quotes {
        quoted_terms: (before - quotes.len()) as u32,
        quotes,
        stray_marks,
    }
}

/// Words at most in a quoted term.
const TERM_WORDS: usize = 2;

/// A word or two in quotation marks that nobody is said to have said (“sextortion”,
/// “shovel-ready”) is a term held at arm's length, a nickname or a title, not a quotation:
/// it is counted ([`Quotes::quoted_terms`]) but not listed as a quote.
fn is_quoted_term(q: &Quote) -> bool {
    q.speaker.is_empty()
        && q.speaker_mention.is_empty()
        && q.quote.split_whitespace().nth(TERM_WORDS).is_none()
}

// ------------------------------------------------------------------------------- pairing

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkKind {
    /// `"` or `''`: direction only from context.
    Straight,
    /// `“` or `„`.
    Open,
    /// `”`.
    Close,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    kind: MarkKind,
}

/// A paired quotation before attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawQuote {
    pub span: Span,
    pub inner: Span,
    pub unclosed: bool,
}

/// Double quotation marks in `text[span]`: `"`, `“`, `”`, `„` and two apostrophes `''`.
/// Single quotes and apostrophes are never marks: they are too often apostrophes.
fn marks(text: &str, span: Span) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let hay = &bytes[span.start..span.end];
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr::memchr3(b'"', b'\'', 0xE2, &hay[i..]) {
        let at = i + k;
        match hay[at] {
            b'"' => {
                out.push(Mark {
                    at: span.start + at,
                    len: 1,
                    kind: MarkKind::Straight,
                });
                i = at + 1;
            }
            b'\'' => {
                if hay.get(at + 1) == Some(&b'\'') && hay.get(at + 2) != Some(&b'\'') {
                    out.push(Mark {
                        at: span.start + at,
                        len: 2,
                        kind: MarkKind::Straight,
                    });
                    i = at + 2;
                } else {
                    i = at + 1;
                }
            }
            _ => {
                let kind = match (hay.get(at + 1), hay.get(at + 2)) {
                    (Some(0x80), Some(0x9C)) | (Some(0x80), Some(0x9E)) => Some(MarkKind::Open),
                    (Some(0x80), Some(0x9D)) => Some(MarkKind::Close),
                    _ => None,
                };
                if let Some(kind) = kind {
                    out.push(Mark {
                        at: span.start + at,
                        len: 3,
                        kind,
                    });
                }
                i = at + 1;
            }
        }
    }
    out
}

fn char_before(text: &str, at: usize, floor: usize) -> Option<char> {
    text[floor..at].chars().next_back()
}

fn char_after(text: &str, at: usize, ceil: usize) -> Option<char> {
    text[at..ceil].chars().next()
}

/// Whether a straight mark at `m` looks like it opens: after a space or an opening bracket,
/// before a word. `None` when context does not tell.
fn straight_opens(text: &str, m: Mark, para: Span) -> Option<bool> {
    let before = char_before(text, m.at, para.start);
    let after = char_after(text, m.at + m.len, para.end);
    let open_left = before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let close_right = after.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–-".contains(c));
    match (open_left, close_right) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Pairs the marks of every paragraph. Returns the quotes and the number of stray marks.
pub fn pair(text: &str, paragraphs: &[Span]) -> (Vec<RawQuote>, u32) {
    let mut out = Vec::new();
    let mut stray = 0u32;
    // A quote carried over from the previous paragraph: its opening mark's start.
    let mut carried: Option<(usize, usize)> = None;
    for (pi, &para) in paragraphs.iter().enumerate() {
        let ms = marks(text, para);
        let mut open: Option<(usize, usize)> = None; // (mark start, inner start)
        let mut skip_first = false;
        if let Some((start, inner)) = carried.take() {
            match ms.first() {
                // The re-opening mark at the start of this paragraph is part of the quotation.
                Some(m) if m.at == para.start => {
                    open = Some((start, inner));
                    skip_first = true;
                }
                // A paragraph break inside the quotation: its closing mark is here.
                Some(_) => open = Some((start, inner)),
                None => stray += 1,
            }
        }
        for (k, &m) in ms.iter().enumerate() {
            if k == 0 && skip_first {
                continue;
            }
            match open {
                None => {
                    let opens = match m.kind {
                        MarkKind::Open => true,
                        MarkKind::Close => false,
                        MarkKind::Straight => straight_opens(text, m, para) != Some(false),
                    };
                    if opens {
                        open = Some((m.at, m.at + m.len));
                    } else {
                        stray += 1;
                    }
                }
                Some((start, inner)) => {
                    let closes = match m.kind {
                        MarkKind::Close | MarkKind::Straight => true,
                        // “ typed for ”: only when it cannot open the next quote.
                        MarkKind::Open => {
                            let after = char_after(text, m.at + m.len, para.end);
                            after.is_none_or(|c| c.is_whitespace() || ",.;:!?".contains(c))
                        }
                    };
                    if closes {
                        push_quote(&mut out, text, start, inner, m.at, m.at + m.len, false);
                        open = None;
                    } else {
                        stray += 1;
                        open = Some((m.at, m.at + m.len));
                    }
                }
            }
        }
        if let Some((start, inner)) = open {
            let next_reopens = paragraphs.get(pi + 1).is_some_and(|next| {
                marks(text, Span::new(next.start, (next.start + 3).min(next.end)))
                    .first()
                    .is_some_and(|m| m.at == next.start && m.kind != MarkKind::Close)
            });
            // `"... decision-maker ¶ based on ... the veterans," said Nicholson`: a stray
            // paragraph break, when the next paragraph's first mark can only close.
            let next_closes = paragraphs.get(pi + 1).is_some_and(|next| {
                marks(text, *next).first().is_some_and(|m| {
                    m.at > next.start
                        && (m.kind == MarkKind::Close
                            || (m.kind == MarkKind::Straight
                                && straight_opens(text, *m, *next) == Some(false)))
                })
            });
            if next_reopens || next_closes {
                carried = Some((start, inner));
            } else {
                stray += 1;
                push_quote(&mut out, text, start, inner, para.end, para.end, true);
            }
        }
    }
    (out, stray)
}

fn push_quote(
    out: &mut Vec<RawQuote>,
    text: &str,
    start: usize,
    inner_start: usize,
    inner_end: usize,
    end: usize,
    unclosed: bool,
) {
    if text[inner_start..inner_end]
        .chars()
        .any(char::is_alphanumeric)
    {
        out.push(RawQuote {
            span: Span::new(start, end),
            inner: Span::new(inner_start, inner_end),
            unclosed,
        });
    }
}

// ------------------------------------------------------------------------------- cues

/// Reporting verbs, one line per verb: its forms, the first being the base. Regular forms
/// (-s, -ed, -ing) are generated for verbs given alone; irregular ones list every form.
/// A leading `~` marks a verb whose base and -s forms are more often nouns ("the report",
/// "by email"): only its -ed and -ing forms (or the forms listed) are cues.
const CUE_VERBS: &[&str] = &[
    "say says said saying",
    "tell tells told telling",
    "write writes wrote written writing",
    "speak speaks spoke spoken speaking",
    "~tweet",
    "add",
    "notes noted noting",
    "warn",
    "insist",
    "boast",
    "~claim",
    "~state",
    "declare",
    "announce",
    "respond",
    "reply replies replied replying",
    "answer",
    "ask",
    "explain",
    "argue argues argued arguing",
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "concede concedes conceded conceding",
    "suggest",
    "urge urges urged urging",
    "assert",
    "complain",
    "joke jokes joked joking",
    "quip quips quipped quipping",
    "~remark",
    "observe observes observed observing",
    "predict",
    "~promised promising",
    "~vow",
    "~pledged pledging",
    "~stressed stressing",
    "emphasize emphasizes emphasized emphasizing",
    "emphasise emphasises emphasised emphasising",
    "maintain",
    "contend",
    "~counter",
    "caution",
    "confirm",
    "deny denies denied denying",
    "~report",
    "~reveal",
    "disclose discloses disclosed disclosing",
    "testify testifies testified testifying",
    "~shout",
    "yell",
    "scream",
    "~cried crying",
    "~chant",
    "sing sings sang sung singing",
    "~whisper",
    "muse muses mused musing",
    "~wonder",
    "~lament",
    "conclude concludes concluded concluding",
    "proclaim",
    "reiterate reiterates reiterated reiterating",
    "~repeat",
    "affirm",
    "allege alleges alleged alleging",
    "~charged charging",
    "~blast",
    "~recall",
    "continue continues continued continuing",
    "~comment",
    "~post",
    "recount",
    "retort",
    "snap snaps snapped snapping",
    "scoff",
    "~sigh",
    "exclaim",
    "clarify clarifies clarified clarifying",
    "~reason",
    "plead pleads pleaded pled pleading",
    "~demand",
    "advise advises advised advising",
    "agree agrees agreed agreeing",
    "~protest",
    "~object",
    "~tout",
    "declare",
    "~mention",
    "describe describes described describing",
    "recommend",
    "propose proposes proposed proposing",
    "indicate indicates indicated indicating",
    "~signal",
    "~hint",
    "elaborate elaborates elaborated elaborating",
    "brag brags bragged bragging",
    "gush gushes gushed gushing",
    "grumble grumbles grumbled grumbling",
    "fume",
    "seethe seethes seethed seething",
    "~murmur",
    "mutter",
    "reckon",
    "~estimated estimating",
    "~figured figuring",
    "~guessed guessing",
    "~question",
    "inquire inquires inquired inquiring",
    "interject",
    "interrupt",
    "~offer",
    "conclude",
    "read reads",
    "~text",
    "~email",
    "inform",
    "assure assures assured assuring",
    "caution",
    "~teased teasing",
    "chide chides chided chiding",
    "scold",
    "~rail",
    "accuse accuses accused accusing",
    "criticize criticizes criticized criticizing",
    "criticise criticises criticised criticising",
    "~praised praising",
    "~thank",
    "apologize apologizes apologized apologizing",
    "concur concurs concurred concurring",
    "opine opines opined opining",
    "posit",
    "theorize theorizes theorized theorizing",
    "speculate speculates speculated speculating",
    "surmise surmises surmised surmising",
    "acknowledge",
    "recollect",
    "reflect",
    "recite recites recited reciting",
    "announce announces announced announcing",
    "~ruled ruling",
    "write",
    "pen pens penned penning",
    "explain",
    "specify specifies specified specifying",
    "quote",
    "blurt",
    "exclaim",
    "holler",
    "bellow",
    "stammer",
    "stutter",
    "~sob",
    "~gasp",
    "~giggle",
    "~chuckle",
    "~laugh",
    "marvel",
    "~rave",
    "enthuse",
    "intone",
    "drawl",
    "insist",
    "contend",
    "quip",
    "deadpan",
    "acknowledge",
    "confide",
    "confess",
    "divulge",
    "narrate",
    "recount",
    "~vent",
    "underscore",
    "caution",
    "threaten",
    "predict",
    "~forecast",
    "conclude",
    "summarize",
    "summarise",
    "~counsel",
    "instruct",
    "beg",
    "implore",
    "~appeal",
    "~challenge",
    "~dispute",
    "rebut",
    "refute",
    "retort",
    "reply",
    "assert",
    "aver",
    "attest",
    "swear swears swore sworn swearing",
    "vouch",
];

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

fn cue_set() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = FxHashSet::default();
        for line in CUE_VERBS {
            let (nounish, line) = match line.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, *line),
            };
            let forms: Vec<&str> = line.split_whitespace().collect();
            if forms.len() > 1 {
                set.extend(forms.iter().map(|f| f.to_string()));
                continue;
            }
            let base = forms[0];
            if !nounish {
                set.insert(base.to_string());
                set.insert(format!("{base}s"));
            }
            if let Some(stem) = base.strip_suffix('e') {
                set.insert(format!("{base}d"));
                set.insert(format!("{stem}ing"));
            } else {
                set.insert(format!("{base}ed"));
                set.insert(format!("{base}ing"));
            }
        }
        // "quote" alone is the noun far more often than the verb; the quoted-as-saying
        // pattern handles the verb.
        set.remove("quote");
        set.remove("quotes");
        set
    })
}

/// A lower-case reporting verb; capitalised forms are names or sentence starts.
fn is_cue(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase()) && cue_set().contains(word)
}

/// Size of the lexicon, for the docs and a test that keeps it "a few hundred" forms.
pub fn cue_forms() -> usize {
    cue_set().len()
}

// ------------------------------------------------------------------------------- tokens

/// A word or punctuation token of a small window, with absolute byte offsets.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    word: bool,
}

/// Tokens of `text[lo..hi]`: words (letters, digits, inner apostrophes, hyphens and
/// periods) and single punctuation characters; white space dropped.
fn tokens(text: &str, lo: usize, hi: usize) -> Vec<Tok<'_>> {
    let s = &text[lo..hi];
    let b = s.as_bytes();
    // ASCII is decoded by hand: this runs twice per quote and dominates the stage's cost.
    let char_at = |i: usize| -> char {
        if b[i] < 0x80 {
            char::from(b[i])
        } else {
            s[i..].chars().next().unwrap_or(' ')
        }
    };
    let mut out = Vec::with_capacity(b.len() / 5 + 1);
    let mut i = 0;
    while i < b.len() {
        let c = char_at(i);
        let n = c.len_utf8();
        if c.is_whitespace() {
            i += n;
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                start: lo + i,
                end: lo + i + n,
                text: &s[i..i + n],
                word: false,
            });
            i += n;
            continue;
        }
        let start = i;
        i += n;
        while i < b.len() {
            let d = char_at(i);
            let dn = d.len_utf8();
            let inner = matches!(d, '\'' | '’' | '-' | '.')
                && i + dn < b.len()
                && is_word_char(char_at(i + dn));
            if is_word_char(d) || inner {
                i += dn;
            } else {
                break;
            }
        }
        // "Dr." and "J." keep their period: it does not end the speaker's name.
        let word = &s[start..i];
        if b.get(i) == Some(&b'.')
            && (ABBREVIATIONS.contains(&word)
                || (word.len() == 1 && word.starts_with(|c: char| c.is_uppercase())))
        {
            i += 1;
        }
        out.push(Tok {
            start: lo + start,
            end: lo + i,
            text: &s[start..i],
            word: true,
        });
    }
    out
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
    "Sgt", "Rev", "Prof", "No", "Inc", "Co", "Corp", "Ltd", "vs", "Jan", "Feb", "Aug", "Sept",
    "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "D.C",
];

/// Whether token `k` ends a sentence: `.`, `?`, `!` or `;` not after an abbreviation.
fn ends_sentence(toks: &[Tok], k: usize) -> bool {
    match toks[k].text {
        "?" | "!" | ";" => true,
        "." => {
            let abbreviation = k > 0
                && toks[k - 1].word
                && (toks[k - 1].text.chars().count() == 1
                    || ABBREVIATIONS.contains(&toks[k - 1].text));
            // "Mitch McConnell, R-Ky., said": a period before a comma or a lower-case
            // word closes an abbreviation, not a sentence.
            let continues = toks.get(k + 1).is_some_and(|n| {
                matches!(n.text, "," | ")") || n.text.starts_with(char::is_lowercase)
            });
            !abbreviation && !continues
        }
        _ => false,
    }
}

// ------------------------------------------------------------------------------- speakers

/// Words skipped between a speaker and the cue ("Shamkhani also said").
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "previously",
    "once",
    "recently",
    "earlier",
    "further",
    "again",
    "simply",
    "just",
    "only",
    "still",
    "has",
    "had",
    "have",
    "was",
    "is",
    "would",
    "will",
    "had",
    "reportedly",
    "repeatedly",
    "publicly",
    "privately",
    "bluntly",
    "flatly",
    "angrily",
    "quickly",
    "firmly",
    "clearly",
    "openly",
    "often",
    "frequently",
    "initially",
    "finally",
    "ultimately",
    "subsequently",
    "separately",
    "yesterday",
    "today",
    "tonight",
    "last",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
    "himself",
    "herself",
    "themselves",
    "has",
    "did",
    "does",
    "may",
    "might",
    "could",
    "can",
    "should",
    "even",
    "never",
    "already",
    "succinctly",
    "proudly",
    "confidently",
    "famously",
    "once",
    "softly",
    "loudly",
    "emphatically",
    "matter-of-factly",
    "jokingly",
    "tearfully",
    "defiantly",
    "cheerfully",
    "calmly",
    "shortly",
    "immediately",
    "been",
    "being",
    "were",
    "are",
    "be",
];

/// Words that end a common-noun speaker phrase on its left ("the", "that", "and").
const NP_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "and",
    "or",
    "but",
    "as",
    "in",
    "on",
    "at",
    "to",
    "by",
    "with",
    "from",
    "of",
    "for",
    "after",
    "before",
    "when",
    "while",
    "because",
    "if",
    "who",
    "which",
    "where",
    "than",
    "then",
    "about",
    "into",
    "over",
    "under",
    "what",
    "how",
    "why",
    "said",
    "says",
    "not",
    "it",
    "there",
    "been",
    "being",
    "were",
    "are",
    "be",
    "had",
    "has",
    "have",
    "was",
    "is",
    "despite",
    "without",
    "through",
    "against",
    "toward",
    "towards",
    "among",
    "between",
    "since",
    "until",
    "upon",
    "via",
    "per",
    "like",
    "unlike",
    "amid",
    "within",
    "around",
    "across",
    "along",
    "behind",
    "beyond",
    "near",
    "onto",
    "outside",
    "inside",
    "throughout",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "He", "She", "They", "It", "We", "I", "You",
];

/// The thing nouns ([`is_thing_noun`]) that are bodies, not documents: "her party said" is no quotation
/// of her.
const ORG_THINGS: &[&str] = &[
    "agency",
    "department",
    "ministry",
    "company",
    "firm",
    "government",
    "office",
    "commission",
    "committee",
    "council",
    "board",
    "group",
    "union",
    "party",
    "campaign",
    "team",
    "organization",
    "organisation",
    "association",
    "university",
    "school",
    "police",
    "court",
    "utility",
    "city",
    "province",
    "state",
    "country",
    "presidency",
    "embassy",
    "service",
];

/// Head nouns that make a described speaker a person rather than an organisation.
const PERSON_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "doctor",
    "doctors",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "director",
    "chief",
    "minister",
    "president",
    "leader",
    "leaders",
    "manager",
    "officer",
    "officers",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "candidate",
    "senator",
    "governor",
    "mayor",
    "secretary",
    "chairman",
    "chairwoman",
    "founder",
    "owner",
    "professor",
    "researcher",
    "researchers",
    "scientist",
    "scientists",
    "economist",
    "economists",
    "member",
    "members",
    "critics",
    "supporters",
    "voters",
    "people",
    "man",
    "woman",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "friend",
    "ceo",
    "executive",
    "executives",
    "staffer",
    "strategist",
    "pollster",
    "coach",
    "judge",
    "prosecutor",
    "prosecutors",
    "police",
    "diplomat",
    "diplomats",
    "activist",
    "activists",
    "student",
    "students",
    "teacher",
    "worker",
    "workers",
    "victim",
    "author",
    "reporter",
    "host",
    "nominee",
    "king",
    "queen",
];

/// Heads of descriptions that name a document, a place or a body not in [`ORG_THINGS`],
/// never a person: "the report said" is not a pronoun for the last person named.
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "statement",
    "memo",
    "post",
    "letter",
    "study",
    "survey",
    "poll",
    "document",
    "documents",
    "filing",
    "website",
    "site",
    "release",
    "email",
    "tweet",
    "article",
    "book",
    "paper",
    "editorial",
    "complaint",
    "lawsuit",
    "ruling",
    "order",
    "bank",
    "network",
    "newspaper",
    "magazine",
    "channel",
    "administration",
    "agreement",
    "plan",
    "bill",
    "law",
    "message",
    "sign",
    "note",
    "video",
    "ad",
    "advertisement",
    "page",
    "account",
    "foundation",
    "institute",
    "center",
    "centre",
    "club",
    "league",
    "network",
    "station",
    "paper",
    "outlet",
    "program",
    "programme",
    "regime",
    "military",
    "army",
    "navy",
    "jury",
    "panel",
    "cabinet",
    "parliament",
    "congress",
    "senate",
    "house",
    "white",
    "kremlin",
    "pentagon",
    "times",
    "post",
    "journal",
    "news",
    "press",
    "media",
    "decision",
    "verdict",
    "announcement",
    "brochure",
    "caption",
    "headline",
    "lyrics",
    "song",
    "slogan",
    "banner",
    "placard",
    "motto",
    "declaration",
    "resolution",
    "communique",
    "transcript",
    "indictment",
    "affidavit",
    "platform",
    "proposal",
    "guidelines",
    "policy",
    "manual",
    "textbook",
    "handbook",
];

/// Speakers that are things rather than people: documents and bodies.
fn is_thing_noun(word: &str) -> bool {
    in_list(DOCUMENT_NOUNS, word) || in_list(ORG_THINGS, word)
}

/// Whether a name with no known first name still looks like a person's: no word of it is
/// an organisation word, a place, a demonym, an acronym or a common naming word.
fn plausible_name(name: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "Day", "Story", "Street", "Avenue", "Road", "Tours", "Tour", "Park", "Hall", "Island",
        "Bay", "River", "Lake", "Mountain", "Valley", "Bridge", "Station", "Airport", "Square",
        "Security", "Affairs", "Services", "Service", "Week", "Year", "Act", "Bill", "Plan",
        "Program", "Project", "Report", "Show", "News", "Times", "Post", "Press", "Media", "Games",
        "Cup", "League", "Series", "Award", "Awards", "Prize", "More", "Read", "Watch",
    ];
    let g = names::Gazetteer::get();
    name.split_whitespace().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = letters >= 2 && !w.chars().any(char::is_lowercase);
        !(acronym
            || g.is_org_word(w)
            || g.place(w).is_some()
            || g.demonym(w).is_some()
            || NOT_NAMES.contains(&w))
    })
}

fn is_indefinite(word: &str) -> bool {
    in_list(&["a", "an", "another"], word)
}

/// The words of a name ("Bashar Al-Assad" -> Bashar, Al, Assad), without allocating.
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
}

/// A capitalised word that is no name the name module missed but a word capitalised
/// because it opens the sentence: "Instead, ...", "Reading from a prepared text, ...",
/// "Horrified, ...", "Conversely, ...". Only asked of words the name module did not take.
fn opens_sentence_only(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "instead",
        "another",
        "some",
        "several",
        "many",
        "most",
        "meanwhile",
        "however",
        "still",
        "yet",
        "so",
        "then",
        "now",
        "indeed",
        "also",
        "thus",
        "hence",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "otherwise",
        "afterward",
        "afterwards",
        "later",
        "earlier",
        "again",
        "besides",
        "overall",
        "first",
        "second",
        "finally",
        "next",
    ];
    let long = word.len() > 5;
    (long && (word.ends_with("ing") || word.ends_with("ed") || word.ends_with("ly")))
        || in_list(WORDS, word)
}

/// Whether `word` is in `list`, ignoring ASCII case, without allocating.
fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words opening an introductory phrase set off by a comma ("In December, ...").
const INTRO_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "during",
    "last",
    "this",
    "since",
    "as",
    "earlier",
    "later",
    "following",
    "with",
    "without",
    "despite",
    "amid",
    "from",
    "under",
    "over",
    "within",
    "throughout",
    "speaking",
    "asked",
    "for",
];

/// Who spoke, as found at one quote.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Speaker {
    canonical: String,
    mention: String,
    kind: Option<EntityType>,
}

/// What resolving a speaker needs from the article.
struct Ctx<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    /// Mentions outside quotations, in text order: a name inside a quote is not a speaker
    /// and not a pronoun's antecedent.
    mentions: Vec<&'a Mention>,
    /// Per mention (by start byte): its name as a bare person's name, lower-cased tokens of
    /// that name, and the gender if it plausibly names a person. Computed on first use.
    people: RefCell<FxHashMap<usize, Rc<Person>>>,
    /// [`Ctx::speaking_surname`] per sentence span.
    speaking: RefCell<FxHashMap<(usize, usize), Option<&'a Mention>>>,
    /// [`Ctx::canonical`] per mention (by start byte): a pronoun's antecedent is resolved
    /// again for every quote it speaks.
    canonicals: RefCell<FxHashMap<usize, (String, EntityType)>>,
    /// Indexes into `mentions`, in text order, by each word of the mention's canonical
    /// name (ASCII lower-cased, as [`Ctx::full_mention`] compares): a long text (a whole
    /// archive in one file) would otherwise scan every mention for every quote.
    /// Built on first use, as are the two below: most articles never need them.
    by_word: OnceCell<FxHashMap<String, Vec<u32>>>,
    /// The same by alphanumeric runs ("O'Brien" gives "o" and "brien"), as
    /// [`Ctx::described`] compares.
    by_alnum_word: OnceCell<FxHashMap<String, Vec<u32>>>,
    /// Persons named in two or more words, by their last word ([`Ctx::person`]).
    by_last_word: OnceCell<FxHashMap<&'a str, Vec<u32>>>,
}

/// [`Ctx::by_word`] of the mentions.
fn index_by_word(mentions: &[&Mention]) -> FxHashMap<String, Vec<u32>> {
    index_words(mentions, |name| Box::new(name_words(name)))
}

/// [`Ctx::by_alnum_word`] of the mentions.
fn index_by_alnum_word(mentions: &[&Mention]) -> FxHashMap<String, Vec<u32>> {
    index_words(mentions, |name| {
        Box::new(name.split(|c: char| !c.is_alphanumeric()))
    })
}

/// [`Ctx::by_last_word`] of the mentions.
fn index_by_last_word<'a>(mentions: &[&'a Mention]) -> FxHashMap<&'a str, Vec<u32>> {
    let mut out: FxHashMap<&'a str, Vec<u32>> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == EntityType::Person && m.canonical.contains(' ') {
            if let Some(last) = m.canonical.split(' ').next_back() {
                out.entry(last).or_default().push(i as u32);
            }
        }
    }
    out
}

type WordSplit = for<'n> fn(&'n str) -> Box<dyn Iterator<Item = &'n str> + 'n>;

/// Indexes into `mentions` by each word (ASCII lower-cased) of their canonical names.
fn index_words(mentions: &[&Mention], split: WordSplit) -> FxHashMap<String, Vec<u32>> {
    let mut by_word: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        for w in split(&m.canonical) {
            let list = by_word.entry(w.to_ascii_lowercase()).or_default();
            // A word twice in one name lists the mention once.
            if list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    by_word
}

/// What pronoun and short-name resolution need to know about one mention.
struct Person {
    core: String,
    gender: Option<Gender>,
}

impl<'a> Ctx<'a> {
    /// The mention covering token `t` (a name ends there), if any.
    fn mention_ending_at(&self, t: &Tok) -> Option<&'a Mention> {
        let i = self.mentions.partition_point(|m| m.span.end <= t.start);
        self.mentions
            .get(i)
            .copied()
            .filter(|m| m.span.start <= t.start && t.start < m.span.end)
    }

    /// Mentions lying within bytes `from..to`.
    fn within(&self, from: usize, to: usize) -> &[&'a Mention] {
        let lo = self.mentions.partition_point(|m| m.span.start < from);
        let hi = self.mentions.partition_point(|m| m.span.start < to);
        &self.mentions[lo..hi.max(lo)]
    }

    fn person(&self, m: &Mention) -> Rc<Person> {
        if let Some(p) = self.people.borrow().get(&m.span.start) {
            return Rc::clone(p);
        }
        let mut core = names::person_core(&m.canonical).to_string();
        let personal = m.kind == EntityType::Person || core.len() < m.canonical.len();
        if personal && core.split_whitespace().count() > 2 {
            // "Arms Kevin Ashby" (from "Sergeant-at-Arms Kevin Ashby") when the
            // article also names "Kevin Ashby": the shorter full name is the name.
            // Candidates: persons whose name ends with the same word.
            let last = core.split(' ').next_back().unwrap_or_default();
            let candidates = self
                .by_last_word
                .get_or_init(|| index_by_last_word(&self.mentions))
                .get(last)
                .map_or(&[][..], Vec::as_slice);
            let shorter = candidates
                .iter()
                .map(|&i| self.mentions[i as usize])
                .find(|o| {
                    o.kind == EntityType::Person
                        && o.canonical.contains(' ')
                        && o.canonical.len() < core.len()
                        && core.ends_with(o.canonical.as_str())
                        && core[..core.len() - o.canonical.len()].ends_with(' ')
                });
            if let Some(o) = shorter {
                core = o.canonical.clone();
            }
        }
        let g = names::Gazetteer::get();
        let first = name_words(&core)
            .next()
            .and_then(|w| g.first_name_gender(w));
        // "Yuni, a resident of Lampung": a lone unknown word described as a person.
        let described_person = m.kind == EntityType::Org
            && self.text[m.span.end..].starts_with(", a")
            && !core.contains(' ')
            && core.chars().any(char::is_lowercase)
            && self.apposition_names_a_person(m.span.end)
            && g.org(&core).is_none();
        let gender = match m.kind {
            _ if described_person => Some(Gender::Unknown),
            EntityType::Person if m.gender != Gender::Unknown => Some(m.gender),
            // A name of unknown gender with no first name is often no person at all
            // ("American Crime Story", "Homeland Security", "Burnaby RCMP").
            EntityType::Person if first.is_none() && !plausible_name(&core) => None,
            EntityType::Person => Some(first.unwrap_or(Gender::Unknown)),
            // "Commerce Minister Kavita Raghunathan": a title came off, so a person.
            EntityType::Org if core.len() < m.canonical.len() => {
                Some(first.unwrap_or(Gender::Unknown))
            }
            _ => None,
        };
        let p = Rc::new(Person { core, gender });
        self.people.borrow_mut().insert(m.span.start, Rc::clone(&p));
        p
    }

    /// "Tore Lindqvast and Lehla Omansky said ... / "...," they said": two people joined by
    /// "and" in the sentence before byte `at` (or the one before it) are who `they` are.
    fn named_pair(&self, at: usize) -> Option<Speaker> {
        let here = self.sentences.partition_point(|s| s.span.start <= at);
        for s in self.sentences[..here].iter().rev().take(2) {
            let end = s.span.end.min(at);
            let inside = self.within(s.span.start, end);
            let pair = inside.windows(2).find(|w| {
                w[0].kind == EntityType::Person
                    && w[1].kind == EntityType::Person
                    && w[0].span.end <= w[1].span.start
                    && self.text[w[0].span.end..w[1].span.start] == *" and "
            });
            if let Some(w) = pair {
                let (a, _) = self.canonical(w[0]);
                let (b, _) = self.canonical(w[1]);
                return Some(Speaker {
                    canonical: format!("{a} and {b}"),
                    mention: "they".to_string(),
                    kind: Some(EntityType::Person),
                });
            }
        }
        None
    }

    /// Whether the text at byte `at` (a name's end) opens an apposition describing a
    /// person: ", a resident of ...", ", an Ottawa lawyer,".
    fn apposition_names_a_person(&self, at: usize) -> bool {
        let rest = &self.text[at..];
        let Some(rest) = rest
            .strip_prefix(", a ")
            .or_else(|| rest.strip_prefix(", an "))
        else {
            return false;
        };
        name_words(rest.split([',', '.', ';']).next().unwrap_or(""))
            .take(4)
            .any(|w| in_list(PERSON_NOUNS, w))
    }

    fn of_mention(&self, m: &Mention) -> Speaker {
        let (canonical, kind) = self.canonical(m);
        Speaker {
            canonical,
            mention: m.span.slice(self.text).to_string(),
            kind: Some(kind),
        }
    }

    /// A mention's canonical name as a speaker: descriptions before the first name go,
    /// and a lone first name ("Jordan said") takes the full name it was introduced with.
    fn canonical(&self, m: &Mention) -> (String, EntityType) {
        if let Some(found) = self.canonicals.borrow().get(&m.span.start) {
            return found.clone();
        }
        let found = self.canonical_uncached(m);
        self.canonicals
            .borrow_mut()
            .insert(m.span.start, found.clone());
        found
    }

    fn canonical_uncached(&self, m: &Mention) -> (String, EntityType) {
        let p = self.person(m);
        if p.core.split_whitespace().count() > 4 {
            // A title-case headline read as one name ("Trump Got More Votes Than Hillary
            // Clinton"): the words as written are the better name.
            let written = names::normalise(m.span.slice(self.text));
            if written.split_whitespace().count() <= 4 {
                return (written, m.kind);
            }
        }
        if p.core != m.canonical && p.gender.is_some() {
            return (p.core.clone(), EntityType::Person);
        }
        if m.canonical.contains(' ') {
            return (m.canonical.clone(), m.kind);
        }
        if m.kind == EntityType::Place {
            // "Jordan said" after "Jordan Stewart": a lone place name that speaks is the
            // person of the article whose first or last name it is.
            let written = m.span.slice(self.text);
            let speaks =
                !written.contains(' ') && self.followed_by_cue(m.span.end, self.text.len());
            return match speaks
                .then(|| self.full_name(written, m.span.start))
                .flatten()
            {
                Some(full) => (full, EntityType::Person),
                None => (m.canonical.clone(), m.kind),
            };
        }
        match self.full_name(&m.canonical, m.span.start) {
            Some(full) => (full, EntityType::Person),
            None => (m.canonical.clone(), m.kind),
        }
    }

    /// The full name a lone word stands for: the nearest person named before `at` (else
    /// after) whose name starts or ends with it ("Jordan", "Brevold").
    fn full_name(&self, word: &str, at: usize) -> Option<String> {
        let m = self.full_mention(word, at)?;
        Some(self.person(m).core.clone())
    }

    /// The mention holding the full name a lone word stands for ([`Ctx::full_name`]).
    fn full_mention(&self, word: &str, at: usize) -> Option<&'a Mention> {
        // Only mentions whose name contains the word at all.
        let candidates = self
            .by_word
            .get_or_init(|| index_by_word(&self.mentions))
            .get(&word.to_ascii_lowercase())?;
        let full = |m: &&Mention| {
            let p = self.person(m);
            let mut words = name_words(&p.core);
            let first = words.next();
            let last = words.last();
            last.is_some()
                && (first.is_some_and(|t| t.eq_ignore_ascii_case(word))
                    || last.is_some_and(|t| t.eq_ignore_ascii_case(word)))
                && p.gender.is_some()
        };
        let candidate = |&i: &u32| self.mentions[i as usize];
        // Candidates are in text order, so every one that ends by `at` is in the prefix
        // that starts by it: a long text is not scanned from its end for every lookup.
        let starting = candidates.partition_point(|&i| self.mentions[i as usize].span.start <= at);
        let before = candidates[..starting]
            .iter()
            .map(candidate)
            .filter(|m| m.span.end <= at)
            .rfind(full);
        before.or_else(|| candidates.iter().map(candidate).find(full))
    }

    fn pronoun(&self, word: &str, at: usize) -> Speaker {
        let lower = word.to_lowercase();
        let found = match lower.as_str() {
            "he" | "she" => self.salient_person(at, &lower),
            "they" => {
                if let Some(pair) = self.named_pair(at) {
                    return pair;
                }
                None
            }
            // An organisation, or a name typed a person that cannot be one ("BC Hydro");
            // among the last few, one that spoke ("BC Hydro said in a statement") first.
            "it" => {
                let recent: Vec<&'a Mention> = self
                    .mentions
                    .iter()
                    .rev()
                    .filter(|m| m.span.end <= at)
                    .filter(|m| {
                        m.kind == EntityType::Org
                            || (m.kind == EntityType::Person && self.person_gender(m).is_none())
                    })
                    .take(4)
                    .copied()
                    .collect();
                recent
                    .iter()
                    .find(|m| self.followed_by_cue(m.span.end, at))
                    .or(recent.first())
                    .copied()
            }
            _ => None,
        };
        match found {
            Some(m) => {
                let (canonical, kind) = self.canonical(m);
                Speaker {
                    canonical,
                    mention: word.to_string(),
                    kind: Some(kind),
                }
            }
            None => Speaker {
                canonical: String::new(),
                mention: word.to_string(),
                kind: None,
            },
        }
    }

    /// The person `he`/`she` at byte `at` most likely refers to. Going back sentence by
    /// sentence, the nearest sentence with a fitting person decides; within it, someone
    /// who speaks ("Redfeather said") beats the first person of the fitting gender, who
    /// beats the first person of unknown gender. The first name of a sentence is usually
    /// its subject, which is what a later pronoun picks up, where the nearest name often
    /// is not ("Redfeather said she ... after the death of Jordan Lafond. "...," she said.").
    /// Any other `pronoun` (a definite description: "the mayor") takes any gender.
    fn salient_person(&self, at: usize, pronoun: &str) -> Option<&Mention> {
        let want = match pronoun {
            "she" => Gender::Female,
            "he" => Gender::Male,
            _ => Gender::Unknown,
        };
        let here = self.sentences.partition_point(|s| s.span.start <= at);
        // A person of unknown gender may be a misread name ("Christmas Day"): a fitting
        // person a few sentences further back is preferred to it.
        let mut fallback: Option<(usize, &Mention)> = None;
        for (back, s) in self.sentences[..here].iter().rev().take(12).enumerate() {
            if fallback.is_some_and(|(at, _)| back > at + 2) {
                break;
            }
            let end = s.span.end.min(at);
            // Site furniture ("WATCH: ... Trudeau's 'naïve approach' ...: Brevold") names
            // people in passing.
            if end == s.span.end && is_furniture(&self.text[s.span.start..end]) {
                continue;
            }
            // "He said the business, with Martin Legere, ...": a sentence whose subject
            // is the same pronoun refers to the same person; look further back.
            let first_word = self.text[s.span.start..end]
                .split(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())
                .unwrap_or("");
            if want != Gender::Unknown && first_word.eq_ignore_ascii_case(pronoun) {
                continue;
            }
            // "And she felt the co-worker who sold to him ...": the same pronoun before any
            // name of the sentence continues the same person too.
            // (Only where the sentence names someone: otherwise there is nothing to skip.)
            if want != Gender::Unknown {
                if let Some(first) = self.within(s.span.start, end).first() {
                    let lead = &self.text[s.span.start..first.span.start.max(s.span.start)];
                    if lead.len() > pronoun.len()
                        && name_words(lead).any(|w| w.eq_ignore_ascii_case(pronoun))
                    {
                        continue;
                    }
                }
            }
            let mut best: Option<(u8, &Mention)> = None;
            for m in self
                .within(s.span.start, end)
                .iter()
                .filter(|m| m.span.end <= end)
            {
                let Some(gender) = self.person_gender(m) else {
                    continue;
                };
                if want != Gender::Unknown && gender != want && gender != Gender::Unknown {
                    continue;
                }
                if self.names_no_one_here(m) {
                    continue;
                }
                let speaks = self.followed_by_cue(m.span.end, end)
                    || self.after_inverted_cue(s.span.start, m);
                let rank = if speaks {
                    0
                } else if gender == want || want == Gender::Unknown {
                    1
                } else {
                    2
                };
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, m));
                }
            }
            if best.is_none_or(|(r, _)| r > 0) {
                // "Brevold said ..." where the name module kept no mention for "Brevold":
                // the full name it stands for speaks here.
                let speaking = self.speaking_surname(s.span.start, end);
                if let Some(m) = speaking {
                    let fits = self.person_gender(m).is_some_and(|g| {
                        want == Gender::Unknown || g == want || g == Gender::Unknown
                    });
                    if fits {
                        return Some(m);
                    }
                }
            }
            match best {
                Some((2, m)) if fallback.is_none() => fallback = Some((back, m)),
                Some((2, _)) => {}
                Some((_, m)) => return Some(m),
                None => {}
            }
        }
        fallback.map(|(_, m)| m)
    }

    /// A name that is no one a pronoun can take up: a photo credit ("(Lena Park / CBC
    /// News)") or a name modifying a noun after "the" ("the Kinder Morgan pipeline").
    fn names_no_one_here(&self, m: &Mention) -> bool {
        let before = &self.text[..m.span.start];
        let after = &self.text[m.span.end..];
        // Cheap tests first: this runs for every candidate antecedent.
        let modifier = (before.ends_with("the ") || before.ends_with("The "))
            && after
                .strip_prefix(' ')
                .is_some_and(|rest| rest.starts_with(char::is_lowercase));
        if modifier {
            return true;
        }
        let slash_or_bracket = before.trim_end_matches(' ').ends_with(['(', '/'])
            || after.trim_start_matches(' ').starts_with('/');
        if !slash_or_bracket {
            return false;
        }
        // A credit is short: a bounded look either side keeps this cheap in long texts.
        const NEAR: usize = 120;
        let mut from = m.span.start.saturating_sub(NEAR);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (m.span.end + NEAR).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        let before = &self.text[from..m.span.start];
        let after = &self.text[m.span.end..to];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        before[line_start..]
            .rfind(['(', ')'])
            .is_some_and(|i| before[line_start + i..].starts_with('('))
            && after
                .split(['(', ')', '\n'])
                .next()
                .is_some_and(|inside| after[inside.len()..].starts_with(')'))
    }

    /// The full-name mention of a bare surname that reports in `from..to` ("Brevold said"),
    /// remembered per sentence: pronouns in one article look back over the same sentences.
    fn speaking_surname(&self, from: usize, to: usize) -> Option<&'a Mention> {
        if let Some(found) = self.speaking.borrow().get(&(from, to)) {
            return *found;
        }
        let toks = tokens(self.text, from, to);
        let found = toks.windows(2).find_map(|w| {
            let named = w[0].word
                && w[0].text.starts_with(char::is_uppercase)
                && !PRONOUNS.contains(&w[0].text)
                && is_cue(w[1].text)
                && self.mention_ending_at(&w[0]).is_none();
            named
                .then(|| self.full_mention(w[0].text, w[0].start))
                .flatten()
        });
        self.speaking.borrow_mut().insert((from, to), found);
        found
    }

    /// The gender of a mention that plausibly names a person (`None` if it does not):
    /// typed a person, or an organisation whose name is a title or party label before a
    /// person's name ("Conservative Leader Andrew Brevold").
    fn person_gender(&self, m: &Mention) -> Option<Gender> {
        self.person(m).gender
    }

    /// Whether a reporting verb right before the name makes it the speaker of an inverted
    /// clause: "..., adds Al Basha." (the name then ends the clause).
    fn after_inverted_cue(&self, from: usize, m: &Mention) -> bool {
        let before = &self.text[from..m.span.start];
        let lead = before.trim_end_matches(' ');
        if before.len() - lead.len() != 1 {
            return false;
        }
        let word = lead
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let closes = self.text[m.span.end..]
            .trim_start_matches(['\'', '\u{2019}', 's'])
            .starts_with(['.', ',', ';']);
        closes && is_cue(word)
    }

    /// Whether a reporting verb follows byte `at` (a name's end) before `end`.
    fn followed_by_cue(&self, at: usize, end: usize) -> bool {
        let rest = &self.text[at..end];
        let word = rest
            .trim_start_matches(|c: char| !c.is_alphabetic())
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        rest.len() - rest.trim_start().len() <= 1 && is_cue(word)
    }

    /// A described speaker ("the Syrian presidency", "a spokesman"): the phrase itself,
    /// determiner aside, is the most faithful name; guessing which organisation "the
    /// ministry" is goes wrong as often as right.
    ///
    /// A definite description of a person ("the affable proprietor", "the mayor") is
    /// resolved like a pronoun: it names someone the article already introduced.
    fn described(&self, words: &[Tok], definite: bool) -> Speaker {
        let phrase = collapse_spaces(&self.text[words[0].start..words[words.len() - 1].end]);
        let last = &words[words.len() - 1];
        let thing = is_thing_noun(last.text);
        if definite && last.text.starts_with(char::is_lowercase) {
            // "the regulator" after "the National Energy Regulator".
            // Candidates: mentions whose name has the word ([`Ctx::by_alnum_word`]).
            let org = self
                .by_alnum_word
                .get_or_init(|| index_by_alnum_word(&self.mentions))
                .get(&last.text.to_ascii_lowercase())
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|&i| self.mentions[i as usize])
                .rev()
                .find(|m| m.span.end <= words[0].start && m.kind == EntityType::Org);
            if let Some(m) = org {
                return Speaker {
                    canonical: m.canonical.clone(),
                    mention: format!("the {phrase}"),
                    kind: Some(EntityType::Org),
                };
            }
        }
        // A plural ("the streets", "the officials") is no one person.
        let plural = last.text.ends_with('s') && !last.text.ends_with("ss");
        if definite && !thing && !plural && last.text.starts_with(char::is_lowercase) {
            let found = self
                .introduced_as(last.text, words[0].start)
                .or_else(|| self.salient_person(words[0].start, "the"))
                .or_else(|| self.most_named_person(words[0].start));
            if let Some(m) = found {
                let (canonical, kind) = self.canonical(m);
                return Speaker {
                    canonical,
                    mention: format!("the {phrase}"),
                    kind: Some(kind),
                };
            }
        }
        if let [w] = words {
            // A surname the name module left alone ("Brevold said").
            if w.text.starts_with(char::is_uppercase) {
                if let Some(full) = self.full_name(w.text, w.start) {
                    return Speaker {
                        canonical: full,
                        mention: phrase,
                        kind: Some(EntityType::Person),
                    };
                }
            }
        }
        let person = in_list(PERSON_NOUNS, words[words.len() - 1].text);
        Speaker {
            canonical: phrase.clone(),
            mention: phrase,
            kind: Some(if person {
                EntityType::Person
            } else {
                EntityType::Org
            }),
        }
    }

    /// The person the article introduced with the role a definite description names: "the
    /// mayor" after "Mayor Doug McCallum" or "Doug McCallum, the city's mayor", "the
    /// professor" after "Guenther Koberle, a professor at ...". The nearest such person
    /// before byte `at`: the role word among the few words before the name (its title) or
    /// in the apposition after it, up to the next sentence end.
    fn introduced_as(&self, role: &str, at: usize) -> Option<&'a Mention> {
        const BEFORE: usize = 40;
        const AFTER: usize = 80;
        // A substring search first ("ayor" for "Mayor" or "mayor"), words only on a hit.
        let tail = role.get(1..).unwrap_or(role);
        let has_role = |window: &str| {
            window.contains(tail) && name_words(window).any(|w| w.eq_ignore_ascii_case(role))
        };
        // Mentions are in text order: none that starts after `at` can end by it.
        let starting = self.mentions.partition_point(|m| m.span.start <= at);
        // The last occurrence of `tail` ending by some bound, found once and kept while the
        // bounds fall as the search goes back: a mention whose windows hold no occurrence
        // is passed over without building them, so a long text (a whole archive in one
        // file) is searched once per description rather than window by window.
        let mut occurrence: Option<(usize, Option<usize>)> = None;
        let mut last_ending_by = |bound: usize| -> Option<usize> {
            if let Some((b, q)) = occurrence {
                let still = match q {
                    Some(q) => q + tail.len() <= bound && bound <= b,
                    None => bound <= b,
                };
                if still {
                    return q;
                }
            }
            let q = memchr::memmem::rfind(&self.text.as_bytes()[..bound], tail.as_bytes());
            occurrence = Some((bound, q));
            q
        };
        self.mentions[..starting]
            .iter()
            .rev()
            .filter(|m| m.span.end <= at)
            .find(|m| {
                let mut from = m.span.start.saturating_sub(BEFORE);
                while !self.text.is_char_boundary(from) {
                    from += 1;
                }
                let mut to = (m.span.end + AFTER).min(at).min(self.text.len());
                while !self.text.is_char_boundary(to) {
                    to -= 1;
                }
                // Both windows lie in `from..to`; without `tail` there, neither has the role.
                if last_ending_by(to.max(m.span.end)).is_none_or(|q| q < from) {
                    return false;
                }
                let before = &self.text[from..m.span.start];
                // Only the words of the same clause: "..., the mayor said. Doug Smith".
                let before = before
                    .rsplit(['.', ',', ';', ':', '\n', '"', '\u{201c}', '\u{201d}'])
                    .next()
                    .unwrap_or(before);
                let after = &self.text[m.span.end..to.max(m.span.end)];
                // An apposition: ", a professor at ...", ", the city's mayor,".
                let after = after
                    .strip_prefix(", ")
                    .map(|a| {
                        a.split(['.', ';', '\n', '"', '\u{201c}'])
                            .next()
                            .unwrap_or("")
                    })
                    .unwrap_or("");
                // The role test first: it is cheap, the person test is not.
                (has_role(before) || has_role(after)) && self.person_gender(m).is_some()
            })
            .copied()
    }

    /// The person named most often before byte `at` (at least twice): what a definite
    /// description ("the mayor") far from any name most likely refers to, the article's
    /// main character.
    fn most_named_person(&self, at: usize) -> Option<&'a Mention> {
        let mut counts: FxHashMap<&str, (u32, &'a Mention)> = FxHashMap::default();
        for m in self.mentions.iter().filter(|m| m.span.end <= at) {
            if m.kind == EntityType::Person {
                let e = counts.entry(m.canonical.as_str()).or_insert((0, m));
                e.0 += 1;
            }
        }
        let mut ranked: Vec<(u32, &'a Mention)> =
            counts.into_values().filter(|(n, _)| *n >= 2).collect();
        // Ties go to the earlier name: the one the article opened with.
        ranked.sort_by_key(|(n, m)| (std::cmp::Reverse(*n), m.span.start));
        ranked
            .into_iter()
            .map(|(_, m)| m)
            .find(|m| self.person_gender(m).is_some())
    }

    /// Who does the reporting verb at token `k`. A participle ("..., saying", "adding")
    /// belongs to the clause's subject, not to the noun just before it ("Trump unleashed
    /// a series of tweets early Friday saying"), unless a name or pronoun stands there.
    fn subject_of_cue(&self, toks: &[Tok], lo: usize, k: usize, cue: &str) -> Option<Speaker> {
        if k == 0 || k <= lo {
            return None;
        }
        let participle = cue.ends_with("ing") && !cue.contains(' ');
        if participle {
            let prev = &toks[k - 1];
            let named = PRONOUNS.contains(&prev.text) || self.mention_ending_at(prev).is_some();
            if !named {
                if let Some(s) = self.first_in_clause(toks, lo, k) {
                    return Some(s);
                }
            }
        }
        self.speaker_before(toks, lo, k - 1)
    }

    /// The speaker whose phrase ends at token `k` (the cue is at `k + 1`), looking no
    /// further left than token `lo`.
    fn speaker_before(&self, toks: &[Tok], lo: usize, k: usize) -> Option<Speaker> {
        let mut k = k as isize;
        while k >= lo as isize {
            let t = &toks[k as usize];
            let adverb = t.text.len() > 4
                && t.text.ends_with("ly")
                && t.text.starts_with(char::is_lowercase);
            if t.word && (adverb || in_list(ADVERBS, t.text)) {
                k -= 1;
                continue;
            }
            break;
        }
        if k < lo as isize {
            return None;
        }
        let mut k = k as usize;
        if toks[k].text == ")" {
            // "Rep. John Mica (R-Fla.) said": the name is before the parenthesis.
            let open = (lo..k).rev().find(|&j| toks[j].text == "(")?;
            k = open.checked_sub(1).filter(|&j| j >= lo)?;
        }
        let t = &toks[k];
        if !t.word {
            if t.text == "," {
                return self.appositive(toks, lo, k);
            }
            return None;
        }
        if PRONOUNS.contains(&t.text) {
            return Some(self.pronoun(t.text, t.start));
        }
        if let Some(m) = self.mention_ending_at(t) {
            return Some(self.of_mention(m));
        }
        if !t.text.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        let mut j = k;
        while j > lo
            && k - j < 4
            && toks[j - 1].word
            && !in_list(NP_STOP, toks[j - 1].text)
            && !is_cue(toks[j - 1].text)
        {
            j -= 1;
        }
        if t.text == "and" {
            // "ProPublica obtained a video ... and said": the clause's subject.
            return self.first_in_clause(toks, lo, k);
        }
        if in_list(NP_STOP, t.text) {
            return None;
        }
        // "the lanky, bespectacled professor said": adjectives set off by a comma.
        let definite = (j > lo && toks[j - 1].text.eq_ignore_ascii_case("the"))
            || (j >= lo + 3
                && toks[j - 1].text == ","
                && toks[j - 2].word
                && toks[j - 2].text.starts_with(char::is_lowercase)
                && !in_list(NP_STOP, toks[j - 2].text)
                && toks[j - 3].text.eq_ignore_ascii_case("the"));
        // "her statement read", "his letter said": the document speaks for its author.
        if j > lo && in_list(DOCUMENT_NOUNS, toks[k].text) {
            let owner = match toks[j - 1].text.to_ascii_lowercase().as_str() {
                "his" => Some("he"),
                "her" => Some("she"),
                _ => None,
            };
            if let Some(pronoun) = owner {
                let found = self.pronoun(pronoun, toks[j - 1].start);
                if !found.canonical.is_empty() {
                    return Some(Speaker {
                        mention: collapse_spaces(&self.text[toks[j - 1].start..toks[k].end]),
                        ..found
                    });
                }
            }
        }
        // "a spokesperson said": an indefinite speaker keeps its article.
        let j = if j > lo && is_indefinite(toks[j - 1].text) {
            j - 1
        } else {
            j
        };
        Some(self.described(&toks[j..=k], definite))
    }

    /// The subject of `X, description, said` (the comma at `k`): the name just before the
    /// comma when the description is a name in apposition ("Y's agent, Danny Fritz,"),
    /// else the first name of the clause ("Ali Shamkhani, Secretary of ...,").
    fn appositive(&self, toks: &[Tok], lo: usize, k: usize) -> Option<Speaker> {
        if k > lo {
            let prev = &toks[k - 1];
            if let Some(m) = self.mention_ending_at(prev) {
                let opening = (lo..k - 1).rev().find(|&j| toks[j].text == ",");
                let plain = opening.is_some_and(|c| {
                    toks[c + 1..k - 1]
                        .iter()
                        .all(|t| t.start >= m.span.start || !t.text.starts_with(char::is_lowercase))
                });
                if m.kind == EntityType::Person && plain {
                    return Some(self.of_mention(m));
                }
            }
        }
        // "Levine, who has given money to Marco Rubio, said", "Harry Bond, 30, of Raleigh,
        // N.C., said": going back comma by comma, the first person named (or capitalised
        // word) right before a comma opens the description.
        for c in (lo + 1..k).rev().filter(|&c| toks[c].text == ",") {
            let t = &toks[c - 1];
            match self.mention_ending_at(t) {
                Some(m) if m.kind == EntityType::Person => return Some(self.of_mention(m)),
                Some(_) => continue,
                None => {}
            }
            // "a citizen, whose name is redacted, wrote", "Another member of the public,
            // who ...": a described speaker before a relative clause.
            if t.word
                && t.text.starts_with(char::is_lowercase)
                && toks
                    .get(c + 1)
                    .is_some_and(|n| in_list(&["who", "whose"], n.text))
            {
                // The leftmost determiner of the phrase opens it: "Another member of the
                // public".
                let mut j = c - 1;
                let mut opens = c - 1;
                while j > lo && c - j < 7 && toks[j - 1].word && !is_cue(toks[j - 1].text) {
                    j -= 1;
                    if in_list(&["a", "an", "another", "the"], toks[j].text) {
                        opens = j;
                    }
                }
                let j = opens;
                let det = toks[j].text;
                if is_indefinite(det) {
                    return Some(self.described(&toks[j..c], false));
                }
                if det.eq_ignore_ascii_case("the") && j + 1 < c {
                    return Some(self.described(&toks[j + 1..c], true));
                }
            }
            let capital = t.word && t.text.starts_with(char::is_uppercase);
            let opens_description = toks.get(c + 1).is_some_and(|n| {
                in_list(&["who", "a", "an", "the", "whose"], n.text)
                    || !n.word
                    || n.text.starts_with(|c: char| c.is_ascii_digit())
            });
            if capital
                && opens_description
                && !in_list(NP_STOP, t.text)
                && !opens_sentence_only(t.text)
                && (c - 1 == lo || !toks[c - 2].word || toks[c - 2].text == ",")
            {
                return Some(self.described(&toks[c - 1..c], false));
            }
        }
        self.first_in_clause(toks, lo, k)
    }

    /// The first person or organisation named in a sentence, with no cue.
    fn subject(&self, toks: &[Tok]) -> Option<Found> {
        let (mut from, to) = (toks.first()?.start, toks.last()?.end);
        // "At a fundraiser with Barbra Streisand, Clinton called ...": the subject comes
        // after an introductory phrase.
        if in_list(INTRO_WORDS, toks[0].text) {
            if let Some(c) = toks.iter().take(20).position(|t| t.text == ",") {
                if let Some(next) = toks.get(c + 1) {
                    from = next.start;
                }
            }
        }
        let m = self
            .within(from, to)
            .iter()
            .find(|m| m.span.end <= to && m.kind != EntityType::Place)?;
        Some((self.of_mention(m), String::new()))
    }

    /// The first person (else organisation) named in `toks[lo..k]`, or a pronoun opening it.
    fn first_in_clause(&self, toks: &[Tok], lo: usize, k: usize) -> Option<Speaker> {
        let (from, to) = (toks[lo].start, toks[k].end);
        if let Some(t) = toks[lo..k].iter().find(|t| t.word) {
            if PRONOUNS.contains(&t.text) {
                return Some(self.pronoun(t.text, t.start));
            }
        }
        // A possessor is not the subject: "Hillary Clinton's campaign manager Robby Mook".
        let possessor = |m: &Mention| self.text[m.span.end..].starts_with(['\'', '\u{2019}']);
        let inside: Vec<&Mention> = self
            .within(from, to)
            .iter()
            .copied()
            .filter(|m| m.span.end <= to && !possessor(m))
            .collect();
        let named = inside
            .iter()
            .find(|m| m.kind == EntityType::Person)
            .or_else(|| inside.iter().find(|m| m.kind == EntityType::Org))
            .map(|m| self.of_mention(m));
        named.or_else(|| {
            // "Small, who attended the rally, said": a name the name module did not
            // take, opening the clause.
            let first = toks[lo..k].iter().position(|t| t.word)? + lo;
            let t = &toks[first];
            let capital = t.text.starts_with(char::is_uppercase);
            let stop = in_list(NP_STOP, t.text);
            (capital
                && !stop
                && !opens_sentence_only(t.text)
                && toks.get(first + 1).is_some_and(|n| n.text == ","))
            .then(|| self.described(&toks[first..=first], false))
        })
    }

    /// The speaker named right after a cue ("said Hugh Hill, a doctor", "according to the
    /// ministry"), up to the next punctuation or preposition.
    fn speaker_after(&self, toks: &[Tok], k: usize, hi: usize) -> Option<Speaker> {
        let mut end = k;
        while end < hi && toks[end].word {
            if end > k
                && in_list(
                    &[
                        "in", "on", "at", "during", "after", "who", "that", "as", "when",
                    ],
                    toks[end].text,
                )
            {
                break;
            }
            end += 1;
        }
        if end == k {
            return None;
        }
        let first = &toks[k];
        if PRONOUNS.contains(&first.text) {
            return Some(self.pronoun(first.text, first.start));
        }
        let (from, to) = (toks[k].start, toks[end - 1].end);
        let inside = self.within(from, to);
        // A name that only modifies the head of the phrase speaks for no one: "the
        // self-taught Cambridge resident" (a place or organisation before a lower-case
        // noun), "the IFSD's Tahmir Ali Khan" (a possessor before another name).
        let modifier = |i: usize, m: &Mention| {
            let rest = self.text.get(m.span.end..to).unwrap_or("");
            let possessor = rest.starts_with(['\'', '\u{2019}']) && i + 1 < inside.len();
            let before_noun = m.kind != EntityType::Person
                && rest.starts_with(' ')
                && rest[1..].starts_with(|c: char| c.is_lowercase());
            possessor || before_noun
        };
        // "says Campbell's partner, Jason Louth", "said the club's manager, Dana Feld": a
        // description with no person of its own, then a person's name in apposition.
        let own_person = inside.iter().any(|m| {
            m.kind == EntityType::Person
                && !self
                    .text
                    .get(m.span.end..)
                    .is_some_and(|r| r.starts_with(['\'', '\u{2019}']))
        });
        if !own_person && end + 1 < hi && toks[end].text == "," {
            let next = &toks[end + 1];
            let named = self
                .within(next.start, next.end)
                .first()
                .filter(|m| m.span.start == next.start && m.kind == EntityType::Person)
                // "According to ProPublica, Clinton praised": a new clause's subject.
                .filter(|m| {
                    let rest = self.text[m.span.end..].trim_start();
                    !rest.starts_with(|c: char| c.is_alphanumeric())
                });
            if let Some(m) = named {
                return Some(self.of_mention(m));
            }
        }
        let found = inside
            .iter()
            .enumerate()
            .filter(|(i, m)| !modifier(*i, m))
            .map(|(_, m)| m)
            .find(|m| m.kind == EntityType::Person)
            .or_else(|| {
                inside
                    .iter()
                    .enumerate()
                    .find(|(i, m)| !modifier(*i, m))
                    .map(|(_, m)| m)
            });
        if let Some(m) = found {
            return Some(self.of_mention(m));
        }
        let mut start = k;
        while start < end && in_list(NP_STOP, toks[start].text) {
            start += 1;
        }
        // A described speaker ends at its head noun: "the ministry of defence" -> ministry.
        let mut stop = start;
        while stop < end && !in_list(NP_STOP, toks[stop].text) && toks[stop].text != "close" {
            stop += 1;
        }
        let definite = start > k && toks[start - 1].text.eq_ignore_ascii_case("the");
        let mut stop = stop.min(start + 4);
        // "one of the players": a part of a group keeps the group.
        if stop == start + 1
            && in_list(
                &["one", "some", "many", "several", "two", "three", "both"],
                toks[start].text,
            )
            && toks.get(stop).is_some_and(|t| t.text == "of")
        {
            let mut e = stop + 1;
            while e < end && e < stop + 4 && in_list(&["the", "his", "her", "their"], toks[e].text)
            {
                e += 1;
            }
            if e < end && toks[e].word {
                stop = e + 1;
            }
        }
        let start = if start > k && is_indefinite(toks[start - 1].text) {
            start - 1
        } else {
            start
        };
        (stop > start).then(|| self.described(&toks[start..stop], definite))
    }
}

/// A speaker with the cue that introduced it.
type Found = (Speaker, String);

/// The cue at token `k`, extended by a particle ("made clear"); `None` if not a cue.
fn cue_at(toks: &[Tok], k: usize) -> Option<(String, usize)> {
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

/// Whether token `k` can open a speaker's name after an inverted cue (", said Christine
/// Link", ", said the minister"), rather than an adjunct (", said in a statement",
/// ", said Thursday").
fn names_someone(toks: &[Tok], k: usize) -> bool {
    const DATES: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Today",
        "Yesterday",
    ];
    let Some(t) = toks.get(k) else {
        return false;
    };
    matches!(t.text, "the" | "a" | "an")
        || (t.word && t.text.starts_with(char::is_uppercase) && !DATES.contains(&t.text))
}

/// Attribution from the words after a quote: `, X said`, `, said X`, `X told Y`,
/// `W quoted X as saying`, `according to X`. Only when the attribution opens the clause
/// (a cue within the first few words), so a later, unrelated verb does not count.
fn after_quote(ctx: &Ctx, toks: &[Tok]) -> Option<Found> {
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
fn before_quote(ctx: &Ctx, toks: &[Tok]) -> Option<(Found, bool)> {
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
        if let Some((cue, next)) = cue_at(toks, k) {
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
            let opens_clause = toks[..k].iter().all(|t| !t.word);
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
                return Some(((s, cue), near));
            }
        }
    }
    None
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
pub fn attribute(a: &Article, mentions: &[Mention], raw: &[RawQuote]) -> Vec<Quote> {
    if raw.is_empty() {
        return Vec::new();
    }
    let text = &a.text;
    let mut outside: Vec<&Mention> = outside_quotes(mentions, raw)
        // Headlines name people in passing; they are not where a speaker is introduced.
        .filter(|m| m.paragraph > 0 || a.paragraphs.len() == 1)
        // "Instead, ...", "Citing a poll, ...": a sentence's first word taken for a name.
        .filter(|m| !(m.weak && opens_sentence_only(m.span.slice(text))))
        .collect();
    outside.sort_by_key(|m| m.span.start);
    let ctx = Ctx {
        text,
        sentences: &a.sentences,
        by_word: OnceCell::new(),
        by_alnum_word: OnceCell::new(),
        by_last_word: OnceCell::new(),
        mentions: outside,
        people: RefCell::default(),
        speaking: RefCell::default(),
        canonicals: RefCell::default(),
    };
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
        let label = label_speaker(&ctx, before);
        let pre = before_quote(&ctx, before);
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
                    after_quote(&ctx, &after)
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
            reporting_subject(&ctx, &prev[start..last])
        });
        let opens_para = before_all.iter().all(|t| !t.word) && prev_in_para.is_none();
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
                    if let Some((f, _)) = before_quote(&ctx, &toks[from..]) {
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
                        reporting_subject(&ctx, &tokens(text, prev_para.start, end))
                    }
                }
            })
            .or_else(|| {
                // A quote with nothing around it, shortly after another speaker's quote,
                // is most often that speaker going on.
                let prev = out.last()?;
                let sentence = q
                    .inner
                    .slice(text)
                    .split_whitespace()
                    .nth(TERM_WORDS + 2)
                    .is_some();
                (sentence && pi <= para_of(prev.span.end) + 2)
                    .then(|| carried(prev))
                    .flatten()
            })
            .or_else(|| {
                // A whole sentence quoted with no cue and no quote before it to continue
                // ("At 25, Hadley was diagnosed ... / "My condition is getting worse."):
                // the person the passage is about, as a pronoun would find them.
                let sentence = q
                    .inner
                    .slice(text)
                    .split_whitespace()
                    .nth(TERM_WORDS + 2)
                    .is_some();
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
            kind: QuoteKind::Direct,
        });
    }
    out
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

/// A line that is no prose: short, with no closing punctuation and no quotation mark
/// ("Story continues below advertisement", "READ MORE: ...", "WATCH: ...").
fn is_furniture(line: &str) -> bool {
    let t = line.trim_end();
    t.len() <= 160
        && !t.ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
        && !t.contains(['"', '\u{201c}', '\u{201d}'])
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

/// White space runs collapsed to one space and trimmed, in one allocation.
fn collapse_spaces(s: &str) -> String {
    let plain = !s.contains(['\n', '\r', '\t', '\u{a0}']) && !s.contains("  ");
    if plain && s.trim() == s {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
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

/// Words in a quotation, for `speakers.csv`.
pub fn word_count(quote: &str) -> u64 {
    tokenize::words(quote).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Encoding;

    /// (quoted text, speaker, cue) for every quote of an article.
    fn said(text: &str) -> Vec<(String, String, String)> {
        let a = Article::new("t".into(), text.into(), Encoding::Utf8);
        let mentions = names::find(&a);
        find(&a, &mentions)
            .quotes
            .into_iter()
            .map(|q| (q.quote, q.speaker, q.cue))
            .collect()
    }

    fn row(quote: &str, speaker: &str, cue: &str) -> (String, String, String) {
        (quote.into(), speaker.into(), cue.into())
    }

    #[test]
    fn word_index_lists_each_mention_once_under_ascii_folded_words() {
        let a = Article::new(
            "t".into(),
            "T\n\nTobias Kendrick met Kendrick Kendrick and ÉMILE Zola.".into(),
            Encoding::Utf8,
        );
        let mentions = names::find(&a);
        let refs: Vec<&Mention> = mentions.iter().collect();
        let index = index_by_word(&refs);
        for (i, m) in refs.iter().enumerate() {
            for w in name_words(&m.canonical) {
                let list = &index[&w.to_ascii_lowercase()];
                assert_eq!(list.iter().filter(|&&j| j as usize == i).count(), 1, "{w}");
                assert!(list.windows(2).all(|p| p[0] < p[1]), "text order");
            }
        }
        // Only ASCII letters fold, as `eq_ignore_ascii_case` compares.
        assert!(!index.contains_key("émile"));
    }

    #[test]
    fn a_surname_takes_the_nearest_full_name_before_it_in_a_long_text() {
        // Two people share the surname; each later "Kendrick" quote belongs to the full
        // name closest before it, however many other names lie between.
        let mut text = String::from("Archive\n\nTobias Kendrick arrived.\n\n");
        for i in 0..300 {
            text.push_str(&format!("Person{i} Name{i} and Place{i} met.\n\n"));
        }
        text.push_str("\"We will go,\" Kendrick said.\n\nMaria Kendrick arrived.\n\n");
        text.push_str("\"We will stay,\" Kendrick said.\n");
        let got = said(&text);
        assert_eq!(
            got,
            vec![
                row("We will go,", "Tobias Kendrick", "said"),
                row("We will stay,", "Maria Kendrick", "said")
            ]
        );
    }

    fn spans(text: &str) -> (Vec<&str>, u32) {
        let a = Article::new("t".into(), text.into(), Encoding::Utf8);
        let (raw, stray) = pair(&a.text, &a.paragraphs);
        let out = raw
            .iter()
            .map(|q| &text[q.span.start..q.span.end])
            .collect();
        (out, stray)
    }

    #[test]
    fn straight_and_curly_marks_pair_and_apostrophes_do_not() {
        let (got, stray) = spans(
            "T\n\nHe said \"it's fine\" and \u{201c}Mary\u{2019}s plan isn't 'final' yet\u{201d} today.",
        );
        assert_eq!(
            got,
            [
                "\"it's fine\"",
                "\u{201c}Mary\u{2019}s plan isn't 'final' yet\u{201d}"
            ]
        );
        assert_eq!(stray, 0);
    }

    #[test]
    fn single_quotes_nest_inside_double_and_two_apostrophes_quote() {
        let (got, _) =
            spans("T\n\n\"They told me 'no way' twice,\" she said. ''We will win,'' he said.");
        assert_eq!(
            got,
            ["\"They told me 'no way' twice,\"", "''We will win,''"]
        );
    }

    #[test]
    fn a_quote_runs_over_paragraphs_only_when_the_next_one_reopens_it() {
        let text = "T\n\n\"First part of a long statement.\n\n\"Second part,\" she said.\n\nA \"stray mark here.\n\nNext paragraph is clean.";
        let (got, stray) = spans(text);
        assert_eq!(
            got,
            [
                "\"First part of a long statement.\n\n\"Second part,\"",
                "\"stray mark here.",
            ]
        );
        // The unclosed mark is reported and stops at its paragraph.
        assert_eq!(stray, 1);
    }

    #[test]
    fn a_paragraph_break_inside_a_quote_keeps_one_quote_and_its_speaker() {
        let got = said(
            "T\n\nMaria Lopez wrote to her staff.\n\n\"First we fix the roof,\n\nthen we fix the windows,\" said Lopez.\n\n\"One,\n\n\"two,\" she said.",
        );
        assert_eq!(
            got,
            [
                row(
                    "First we fix the roof, then we fix the windows,",
                    "Maria Lopez",
                    "said"
                ),
                row("One, \"two,", "Maria Lopez", "said"),
            ]
        );
    }

    #[test]
    fn stray_closing_marks_are_counted_and_never_panic() {
        let (got, stray) =
            spans("T\n\nNothing\u{201d} open here. \u{201d}\u{201d}\"\n\n\u{201c}\n\n''");
        assert!(got.is_empty(), "{got:?}");
        assert!(stray >= 3, "{stray}");
        for text in [
            "\"",
            "\u{201c}",
            "''",
            "T\n\n\"\u{201d}",
            "T\n\na\"b\"c\"",
            "",
        ] {
            let _ = said(text);
        }
    }

    #[test]
    fn speaker_after_the_quote_with_the_cue_on_either_side() {
        let got = said(
            "T\n\nMaria Lopez met John Carter on Friday.\n\n\"The water is safe,\" Lopez said.\n\n\"We disagree,\" said John Carter.\n\n\"Prices will rise next year,\" the ministry said.",
        );
        assert_eq!(
            got,
            [
                row("The water is safe,", "Maria Lopez", "said"),
                row("We disagree,", "John Carter", "said"),
                row("Prices will rise next year,", "ministry", "said"),
            ]
        );
    }

    #[test]
    fn speaker_before_the_quote_told_colon_and_according_to() {
        let got = said(
            "T\n\nMaria Lopez told reporters that \"the dam will hold\", her office said.\n\nJohn Carter wrote: \"I never saw the report.\"\n\nThe plan \"has no money behind it,\" according to Peter Novak.",
        );
        assert_eq!(
            got,
            [
                row("the dam will hold", "Maria Lopez", "told"),
                row("I never saw the report.", "John Carter", "wrote"),
                row("has no money behind it,", "Peter Novak", "according to"),
            ]
        );
    }

    #[test]
    fn quoted_as_saying_names_the_speaker_not_the_reporter() {
        let got = said(
            "T\n\nPeter Novak visited Maria Lopez.\n\n\"We are ready,\" the official website quoted Novak as saying.\n\n\"Nothing changes,\" Lopez was quoted as saying.",
        );
        assert_eq!(
            got,
            [
                row("We are ready,", "Peter Novak", "quoted ... as saying"),
                row("Nothing changes,", "Maria Lopez", "quoted ... as saying"),
            ]
        );
    }

    #[test]
    fn long_descriptions_between_speaker_and_cue() {
        let got = said(
            "T\n\nThis week, Maria Lopez, Director of the Northern Water Authority, boasted that the city had \u{201c}finished the work\u{201d} early.\n\nHugh Hill, a doctor, said: \"Nobody was hurt.\"",
        );
        assert_eq!(
            got,
            [
                row("finished the work", "Maria Lopez", "boasted"),
                row("Nobody was hurt.", "Hugh Hill", "said"),
            ]
        );
    }

    #[test]
    fn split_quotes_pronouns_and_short_names_resolve_to_full_names() {
        let got = said(
            "T\n\nPrime Minister Jonathan Weller spoke on Monday.\n\n\"We will not wait,\" he said, \"and we will not apologise.\"\n\n\"The budget is balanced,\" Weller added.",
        );
        assert_eq!(
            got,
            [
                row("We will not wait,", "Jonathan Weller", "said"),
                row("and we will not apologise.", "Jonathan Weller", "said"),
                row("The budget is balanced,", "Jonathan Weller", "added"),
            ]
        );
    }

    #[test]
    fn organisations_speak_and_partial_quotes_belong_to_the_reporting_subject() {
        let got = said(
            "T\n\nThe leaders \"agreed on everything that matters,\" the Chilean presidency said.\n\nMaria Lopez made clear last week that the city would keep its \u{201c}emergency reserves\u{201d} until spring.",
        );
        assert_eq!(
            got,
            [
                row(
                    "agreed on everything that matters,",
                    "Chilean presidency",
                    "said"
                ),
                row("emergency reserves", "Maria Lopez", "made clear"),
            ]
        );
        let a = Article::new(
            "t".into(),
            "T\n\n\"Done,\" the Chilean presidency said.".into(),
            Encoding::Utf8,
        );
        let q = &find(&a, &names::find(&a)).quotes[0];
        assert_eq!(q.speaker_type, Some(EntityType::Org));
    }

    #[test]
    fn later_partial_quotes_of_a_sentence_keep_its_speaker() {
        let got = said(
            "T\n\nMarta Lund, in Dayton, said Tuesday that Piet Varga was \u{201c}a total lightweight\u{201d} while Omar Okafor is \u{201c}a basket case\u{201d} and \u{201c}a liar.\u{201d} Omar Okafor called the remarks \u{201c}sad.\u{201d}",
        );
        let speakers: Vec<&str> = got.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(
            speakers,
            ["Marta Lund", "Marta Lund", "Marta Lund", "Omar Okafor"]
        );
    }

    #[test]
    fn a_sentence_opening_word_is_no_speaker() {
        let got = said(
            "T\n\nMira Tolland said the plan had failed. Instead, \u{201c}the city must start over from the beginning.\u{201d}",
        );
        assert_eq!(got[0].1, "Mira Tolland");
    }

    #[test]
    fn a_participle_cue_after_a_quote_names_its_object_not_its_speaker() {
        let got = said(
            "T\n\nKora Benedek hailed the vote as \u{201c}fantastic,\u{201d} telling reporters during a visit to Leeds that the result was \u{201c}a great thing.\u{201d}",
        );
        let speakers: Vec<&str> = got.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(speakers, ["Kora Benedek", "Kora Benedek"]);
    }

    #[test]
    fn a_cue_before_the_quote_ends_an_introductory_clause() {
        let got = said(
            "T\n\nWhen Ilse Moravec noted that Dario Penk paid no tax, Dario Penk boasted, \u{201c}That makes me smart.\u{201d}",
        );
        assert_eq!(got[0].1, "Dario Penk");
        assert_eq!(got[0].2, "boasted");
    }

    #[test]
    fn photo_credits_and_names_modifying_a_noun_are_no_antecedents() {
        let got = said(
            "T\n\nNora Quist leads the youth council. The council said it opposed the Maria Brook pipeline.\n\n\"We understand this land,\" she said.",
        );
        assert_eq!(got[0].1, "Nora Quist");
        let got = said(
            "T\n\nNora Quist spoke to the shelter residents.\n\nThe city set up tents for them. (Lena Marsh / CBC News)\n\n\"We just need to remember them,\" she added.",
        );
        assert_eq!(got[0].1, "Nora Quist");
    }

    #[test]
    fn a_name_and_a_colon_before_a_quote_label_its_speaker() {
        let got = said(
            "T\n\nSenator Ada Brun and Governor Teo Malik reject the plan, while Ivo Stenk said it \"must pass.\"\n\nBrun: \"Our goal is to defeat it.\" Malik: \"The mission is to stop it.\"\n\nPollsters agree - Rhea Lorne: \u{201c}The turnout surprised everyone.\u{201d}\n\nStenk told Channel Nine: \u{201c}It will pass anyway.\u{201d}",
        );
        let speakers: Vec<&str> = got.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(
            speakers,
            [
                "Ivo Stenk",
                "Ada Brun",
                "Teo Malik",
                "Rhea Lorne",
                "Ivo Stenk"
            ]
        );
    }

    #[test]
    fn a_name_in_apposition_to_a_description_speaks() {
        let got = said(
            "T\n\nAndre Campbell runs the press.\n\n\u{201c}Most places print more,\u{201d} says Campbell\u{2019}s partner, Jason Louthe. \u{201c}We print one.\u{201d}\n\nAccording to the Daily Ledger, Andre Campbell said the shop was \u{201c}a labour of love.\u{201d}",
        );
        let speakers: Vec<&str> = got.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(speakers, ["Jason Louthe", "Jason Louthe", "Daily Ledger"]);
    }

    #[test]
    fn a_quote_only_paragraph_continues_the_previous_speaker() {
        let got = said(
            "T\n\n\"The first thing is trust,\" said Maria Lopez.\n\n\"The second thing is money. Without it nothing moves.\"\n\nJohn Carter said the talks would resume.\n\n\"We expect a deal by June.\"",
        );
        assert_eq!(
            got,
            [
                row("The first thing is trust,", "Maria Lopez", "said"),
                row(
                    "The second thing is money. Without it nothing moves.",
                    "Maria Lopez",
                    "said"
                ),
                row("We expect a deal by June.", "John Carter", "said"),
            ]
        );
    }

    #[test]
    fn a_bare_quote_soon_after_a_speaker_continues_that_speaker() {
        let got = said(
            "T\n\n\"We were ready,\" said Maria Lopez.\n\nThe storm came early. \"Nobody expected the river to rise so fast.\"",
        );
        assert_eq!(
            got,
            [
                row("We were ready,", "Maria Lopez", "said"),
                row(
                    "Nobody expected the river to rise so fast.",
                    "Maria Lopez",
                    "said"
                ),
            ]
        );
    }

    #[test]
    fn quoted_terms_are_counted_not_listed_and_unattributed_quotes_are_kept() {
        let a = Article::new(
            "t".into(),
            "T\n\nThe so-called \"sextortion\" scam spread.\n\n\"Nobody knows where this ends up.\"".into(),
            Encoding::Utf8,
        );
        let found = find(&a, &names::find(&a));
        assert_eq!(found.quoted_terms, 1);
        assert_eq!(found.quotes.len(), 1);
        assert_eq!(found.quotes[0].speaker, "");
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn names_modifying_the_phrase_after_the_cue_do_not_speak() {
        let got = said(
            "T\n\nMaria Lopez draws comics at home.\n\n\"It takes months,\" says the self-taught Kitchener resident, who sold 40 copies.\n\n\"Roads matter,\" said the CFIB's Tahmir Ali Khan.",
        );
        assert_eq!(
            got,
            [
                row("It takes months,", "Maria Lopez", "says"),
                row("Roads matter,", "Tahmir Ali Khan", "said"),
            ]
        );
    }

    #[test]
    fn definite_descriptions_and_documents_find_the_person_behind_them() {
        let got = said(
            "T\n\nDoug Marsh, the town's mayor, met John Platt on Monday. Marsh said little.\n\nPlatt left early.\n\n\"We need a new arena,\" the mayor told reporters.\n\nGuenther Schall, a professor at the institute, spoke next. He was brief.\n\n\"No carmaker makes money here,\" the lanky, bespectacled professor said.\n\nEnvironment Minister Karen Holt cancelled the sessions.\n\n\"I have heard worrying stories,\" her statement read.",
        );
        assert_eq!(
            got,
            [
                row("We need a new arena,", "Doug Marsh", "told"),
                row("No carmaker makes money here,", "Guenther Schall", "said"),
                row("I have heard worrying stories,", "Karen Holt", "read"),
            ]
        );
    }

    /// A long text (an archive in one file): the role is found far back, past many names
    /// and past a sentence that has the word but not as anyone's role.
    #[test]
    fn a_definite_description_finds_its_role_far_back_in_a_long_text() {
        let mut text = String::from("T\n\nDoug Smith, the city's mayor, opened the rink.\n\n");
        for _ in 0..200 {
            text.push_str(
                "Ann Lee met Tom Hart in Leeds. The mayor was away. Bob Stone spoke.\n\n",
            );
        }
        text.push_str("\"We will build it,\" the mayor said.");
        let got = said(&text);
        assert_eq!(
            got.last(),
            Some(&row("We will build it,", "Doug Smith", "said"))
        );
    }

    /// A second far description counts the names seen since the first one.
    #[test]
    fn a_later_far_description_counts_the_names_since_the_first() {
        let filler = "The budget grew. Costs rose. Fees rose. Taxes rose. Rents rose.\n\nThe plan changed twice. Work stopped. It rained. It snowed.\n\nThe roof leaked. The ice melted. The lights failed.\n\n";
        let text = format!(
            "T\n\nDoug Marsh opened the rink. Marsh spoke to the council.\n\n{filler}\"We need a new arena,\" the mayor told reporters.\n\nKaren Holt came. Holt stayed. Holt spoke.\n\n{filler}\"We need a pool,\" the official said."
        );
        let got = said(&text);
        assert_eq!(
            got,
            [
                row("We need a new arena,", "Doug Marsh", "told"),
                row("We need a pool,", "Karen Holt", "said"),
            ]
        );
    }

    #[test]
    fn a_far_definite_description_is_the_most_named_person() {
        let got = said(
            "T\n\nDoug Marsh opened the rink. Marsh spoke to the council.\n\nThe budget grew. Costs rose. Fees rose. Taxes rose. Rents rose.\n\nThe plan changed twice. Work stopped. Work resumed. It rained. It snowed.\n\nThe roof leaked. The ice melted. The lights failed. The doors stuck.\n\n\"We need a new arena,\" the mayor told reporters.",
        );
        assert_eq!(got, [row("We need a new arena,", "Doug Marsh", "told")]);
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn it_takes_the_organisation_that_spoke_and_described_lone_names_are_people() {
        let got = said(
            "T\n\nKT Hydro said in a statement that 6,000 customers lost power near Tolmie, B.C. on Friday.\n\n\"Crews are out,\" it said.\n\nWinarti, a resident of Lampung, was at home when the water came.\n\n\"I heard a rumbling sound,\" she said.",
        );
        assert_eq!(
            got,
            [
                row("Crews are out,", "KT Hydro", "said"),
                row("I heard a rumbling sound,", "Winarti", "said"),
            ]
        );
    }

    #[test]
    fn a_sentence_led_by_the_same_pronoun_continues_its_person() {
        let got = said(
            "T\n\nWendy Hale lost her son in 2015.\n\nAnd she felt the man who sold pills to Kody Ross should pay.\n\n\"That's why I fought,\" she says.",
        );
        assert_eq!(got, [row("That's why I fought,", "Wendy Hale", "says")]);
    }

    #[test]
    fn a_lone_place_name_that_speaks_is_the_person_it_names() {
        let got = said(
            "T\n\nThe captain of the team, Jordan Stewart, visited the coach.\n\n\"He is a great coach,\" Jordan said.",
        );
        assert_eq!(got, [row("He is a great coach,", "Jordan Stewart", "said")]);
    }

    #[test]
    fn a_name_after_an_inverted_cue_is_the_one_who_speaks() {
        let got = said(
            "T\n\nIn Halifax, Zarifa Qutbani waits with her daughter Judy for the fees.\n\nTheir daughter Judy studies English every night.\n\nSomehow, the family will find a way, adds Qutbani. \"We can borrow the money,\" she says.",
        );
        assert_eq!(
            got,
            [row("We can borrow the money,", "Zarifa Qutbani", "says")]
        );
    }

    #[test]
    fn a_quoted_sentence_with_no_cue_belongs_to_the_person_the_passage_is_about() {
        let got = said(
            "T\n\nAt 25 years old, Stephen Hadley was diagnosed with a bowel disease.\n\n\"My condition is getting worse but I don't feel too bad.\"",
        );
        assert_eq!(
            got,
            [row(
                "My condition is getting worse but I don't feel too bad.",
                "Stephen Hadley",
                ""
            )]
        );
    }

    #[test]
    fn a_described_speaker_before_a_relative_clause_speaks() {
        let got = said(
            "T\n\nMinister Paul Ortiz faced anger over the payments.\n\n\"This is an outrage,\" a citizen, whose name is redacted, wrote on Aug. 29.\n\nAnother member of the public, whose name is redacted, wrote: \"The family deserves better.\"",
        );
        assert_eq!(
            got,
            [
                row("This is an outrage,", "a citizen", "wrote"),
                row(
                    "The family deserves better.",
                    "Another member of the public",
                    "wrote"
                ),
            ]
        );
    }

    #[test]
    #[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
    fn they_after_two_named_people_and_one_of_a_group() {
        let got = said(
            "T\n\nIn a statement, the owners Tore Lindqvist and Maria Abreu said they respected the vote.\n\n\"Our priority is a respectful workplace,\" they said.\n\n\"Coach really needs a kidney,\" says one of the players.",
        );
        assert_eq!(
            got,
            [
                row(
                    "Our priority is a respectful workplace,",
                    "Tore Lindqvist and Maria Abreu",
                    "said"
                ),
                row("Coach really needs a kidney,", "one of the players", "says"),
            ]
        );
    }

    #[test]
    fn descriptions_resolve_to_what_the_article_named() {
        let got = said(
            "T\n\nThe National Water Regulator raised prices on Monday.\n\n\"This was unavoidable,\" the regulator said.\n\n\"Bills will fall next year,\" a spokesperson said.\n\nMaria Lopez opened the new Harbour Security Centre.\n\n\"It is a fine building,\" the senator said.",
        );
        assert_eq!(
            got,
            [
                row("This was unavoidable,", "National Water Regulator", "said"),
                row("Bills will fall next year,", "a spokesperson", "said"),
                row("It is a fine building,", "Maria Lopez", "said"),
            ]
        );
        assert!(!plausible_name("Harbour Security Centre") && plausible_name("Redfeather"));
    }

    #[test]
    fn the_cue_lexicon_holds_a_few_hundred_forms() {
        assert!(cue_forms() >= 300, "{}", cue_forms());
        assert!(is_cue("insisted") && is_cue("boasted") && is_cue("says"));
        // Noun-like forms are not cues: "the report", "by email".
        assert!(!is_cue("report") && !is_cue("email") && is_cue("reported"));
    }
}
