//! The reporting verbs: which words say that someone spoke ("said", "insisted", "told").
//!
//! Kept outside `quotes/` because coreference asks the same question: someone who speaks
//! ("Redfeather said") is whom a later "she" most likely takes up. How the quote stage
//! reads a cue in its window (a particle after it, who may follow an inverted one) stays
//! in `quotes/cues.rs`.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

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
    "bark barks barked barking",
    "~press",
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

fn cue_set() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = verb_forms(CUE_VERBS);
        // "quote" alone is the noun far more often than the verb; the quoted-as-saying
        // pattern handles the verb.
        set.remove("quote");
        set.remove("quotes");
        set
    })
}

/// Every form of the verbs of a list written as [`CUE_VERBS`] is: a line of several words
/// lists them all; a verb alone gets its regular -s, -ed and -ing forms, only the -ed and
/// -ing ones when marked `~`.
pub(super) fn verb_forms(lines: &[&str]) -> FxHashSet<String> {
    let mut set = FxHashSet::default();
    for line in lines {
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
    set
}

/// A lower-case reporting verb; capitalised forms are names or sentence starts.
pub(super) fn is_cue(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase()) && cue_set().contains(word)
}

/// Size of the lexicon, for the docs and a test that keeps it "a few hundred" forms.
pub fn cue_forms() -> usize {
    cue_set().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_lexicon_holds_a_few_hundred_forms() {
        assert!(cue_forms() >= 300, "{}", cue_forms());
        assert!(is_cue("insisted") && is_cue("boasted") && is_cue("says"));
        // Noun-like forms are not cues: "the report", "by email".
        assert!(!is_cue("report") && !is_cue("email") && is_cue("reported"));
    }
}
