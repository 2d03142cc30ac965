//! The gender of the people an article names, from what the text says about them.
//!
//! Researchers count how often women are named and quoted (the Gender Gap Tracker's
//! question), so a wrong guess costs more than an honest `unknown`. Evidence is gathered per
//! article ([`evidence`]) and summed over the corpus before anything is decided
//! ([`decide`]): an honorific before the name ("Ms Lonechild"), a gendered role noun beside
//! it ("his wife, Ana Ruiz"; "Ruiz, a mother of two"), and pronouns that can refer to no one
//! else. A first name decides only when the text says nothing and the name list is strongly
//! one-sided; evidence that disagrees gives `unknown`.

use super::{EntityType, Gazetteer, Gender, Mention};
use crate::analyze::coref;
use crate::article::Article;
use crate::text::Span;
use rustc_hash::FxHashMap;

/// Evidence about one person, `[female, male]` counts by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Votes {
    pub title: [u32; 2],
    pub role: [u32; 2],
    pub pronoun: [u32; 2],
}

impl Votes {
    pub fn add(&mut self, o: &Votes) {
        for (a, b) in self.as_mut_slices().into_iter().zip(o.as_slices()) {
            a[0] += b[0];
            a[1] += b[1];
        }
    }

    fn as_slices(&self) -> [&[u32; 2]; 3] {
        [&self.title, &self.role, &self.pronoun]
    }

    fn as_mut_slices(&mut self) -> [&mut [u32; 2]; 3] {
        [&mut self.title, &mut self.role, &mut self.pronoun]
    }

    /// The six counts in a fixed order, for the partial file format.
    pub fn to_array(self) -> [u32; 6] {
        [
            self.title[0],
            self.title[1],
            self.role[0],
            self.role[1],
            self.pronoun[0],
            self.pronoun[1],
        ]
    }

    pub fn from_array(a: [u32; 6]) -> Votes {
        Votes {
            title: [a[0], a[1]],
            role: [a[2], a[3]],
            pronoun: [a[4], a[5]],
        }
    }

    fn vote(&mut self, kind: Evidence, g: Gender) {
        let slot = match kind {
            Evidence::Title => &mut self.title,
            Evidence::Role => &mut self.role,
            Evidence::Pronoun | Evidence::FirstName => &mut self.pronoun,
        };
        match g {
            Gender::Female => slot[0] += 1,
            Gender::Male => slot[1] += 1,
            Gender::Unknown => {}
        }
    }
}

/// What a gender was inferred from: the `gender_evidence` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Evidence {
    Title,
    Role,
    Pronoun,
    FirstName,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Title => "title",
            Evidence::Role => "role noun",
            Evidence::Pronoun => "pronoun",
            Evidence::FirstName => "first name",
        }
    }
}

impl Gender {
    /// The other side: female for male and male for female; unknown stays unknown.
    fn other(self) -> Gender {
        match self {
            Gender::Female => Gender::Male,
            Gender::Male => Gender::Female,
            Gender::Unknown => Gender::Unknown,
        }
    }

    /// The value of a `gender` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Unknown => "unknown",
        }
    }
}

/// The share of one kind of evidence a side needs. Pronouns may point elsewhere (a name
/// between them, a person never named) and a surname may gather a relative's honorific,
/// so one stray vote must not flip or erase a person's gender.
const MAJORITY: f64 = 0.8;

/// One kind of evidence's verdict: the side with at least `majority` of its votes, else
/// `Unknown` (split); `None` when there is no evidence of the kind.
fn side(counts: [u32; 2], majority: f64) -> Option<Gender> {
    let [f, m] = counts;
    let total = f + m;
    if total == 0 {
        return None;
    }
    if f64::from(f) >= majority * f64::from(total) {
        Some(Gender::Female)
    } else if f64::from(m) >= majority * f64::from(total) {
        Some(Gender::Male)
    } else {
        Some(Gender::Unknown)
    }
}

/// A person's gender from the evidence summed over the corpus, and its strongest kind.
/// An honorific or role noun outweighs pronouns (whose antecedent may be misread); an
/// honorific and a role noun that disagree, or pronouns split evenly, give `unknown`.
/// Only when the text says nothing does the first name of `name` count, and only a name
/// the list gives to one gender ([`Gazetteer::first_name_gender`]).
pub fn decide(votes: &Votes, name: &str) -> (Gender, Option<Evidence>) {
    // Over a corpus a stray vote comes in now and then ("Mrs Howard", his wife, merged
    // into "Michael Howard" by the surname): a clear majority decides.
    let title = side(votes.title, MAJORITY);
    let role = side(votes.role, MAJORITY);
    match (title, role) {
        (Some(Gender::Unknown), _) | (_, Some(Gender::Unknown)) => return (Gender::Unknown, None),
        (Some(t), Some(r)) if t != r => return (Gender::Unknown, None),
        (Some(g), _) | (None, Some(g)) if outweighed_by_pronouns(votes, g, 3) => {
            // Overwhelmed, the titles are another person's of the same surname.
            return if outweighed_by_pronouns(votes, g, OVERWHELMED) {
                (g.other(), Some(Evidence::Pronoun))
            } else {
                (Gender::Unknown, None)
            };
        }
        (Some(t), _) => return (t, Some(Evidence::Title)),
        (None, Some(r)) => return (r, Some(Evidence::Role)),
        (None, None) => {}
    }
    let pronouns = side(votes.pronoun, MAJORITY);
    let first = name.split(' ').next().unwrap_or_default();
    // Only a full name's first word is a first name: a lone word may be a surname that is
    // a first name elsewhere ("Lee").
    let by_name = match Gazetteer::get().given_name_gender(first) {
        Some(g @ (Gender::Female | Gender::Male)) if name.contains(' ') => Some(g),
        _ => None,
    };
    let [f, m] = votes.pronoun;
    match (pronouns, by_name) {
        // Pronouns and the name agree, or the name says nothing.
        (Some(g @ (Gender::Female | Gender::Male)), None) => (g, Some(Evidence::Pronoun)),
        (Some(g @ (Gender::Female | Gender::Male)), Some(n)) if g == n => {
            (g, Some(Evidence::Pronoun))
        }
        // A misread antecedent is likelier than a "Michelle" who is a "he": pronouns
        // against a one-sided first name leave the gender unknown.
        (Some(Gender::Female | Gender::Male), Some(_)) => (Gender::Unknown, None),
        (_, None) => (Gender::Unknown, None),
        // Pronouns split between the sides are mostly misread antecedents: the name
        // decides if they lean its way, and they veto it if they lean the other.
        (split, Some(n)) => {
            let leans_against = match n {
                Gender::Female => m > f,
                _ => f > m,
            };
            if split.is_some() && leans_against {
                (Gender::Unknown, None)
            } else {
                (n, Some(Evidence::FirstName))
            }
        }
    }
}

/// How many times the pronouns of the other side must outnumber the titles and role nouns
/// (and at least how many there must be) for the pronouns to decide: "Mrs Reagan" twice in
/// a wire corpus whose "Reagan" is the President, "he" hundreds of times.
const OVERWHELMED: u32 = 10;

/// Whether pronouns say the other gender, clearly and `times` as often as the titles and
/// role nouns say `g` (and at least four times, or `times` for more than three): "Mrs
/// Reagan" twice, merged by the surname into the President's "Reagan", against dozens of
/// "he". Outweighed three times, the evidence conflicts and the gender is not known;
/// overwhelmed ([`OVERWHELMED`]), the titles are another person's.
fn outweighed_by_pronouns(votes: &Votes, g: Gender, times: u32) -> bool {
    let side_of = |counts: [u32; 2]| match g {
        Gender::Female => (counts[0], counts[1]),
        _ => (counts[1], counts[0]),
    };
    let (for_title, _) = side_of(votes.title);
    let (for_role, _) = side_of(votes.role);
    let (with, against) = side_of(votes.pronoun);
    let pronouns_against =
        side(votes.pronoun, MAJORITY).is_some_and(|p| p != g && p != Gender::Unknown);
    pronouns_against && against >= times.max(4) && against >= times * (for_title + for_role + with)
}

/// Honorifics and titles of nobility, which say a person's gender.
fn honorific_gender(word: &str) -> Gender {
    match word.trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "earl" | "baron" | "emperor"
        | "sultan" | "sheikh" | "sheik" | "monsieur" | "señor" | "senor" | "herr" => Gender::Male,
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "duchess" | "baroness"
        | "countess" | "empress" | "madame" | "mme" | "señora" | "senora" | "frau" => {
            Gender::Female
        }
        _ => Gender::Unknown,
    }
}

/// Role nouns that say a person's gender ("his wife, Ana", "Ruiz, a mother of two",
/// "spokeswoman Ana Ruiz"). Not "chairman" or "actor", which also name women.
fn role_gender(word: &str) -> Gender {
    match word.to_lowercase().as_str() {
        "woman" | "girl" | "mother" | "mom" | "mum" | "daughter" | "wife" | "sister" | "aunt"
        | "niece" | "grandmother" | "granddaughter" | "widow" | "girlfriend" | "fiancée"
        | "bride" | "actress" | "waitress" | "heiress" | "spokeswoman" | "chairwoman"
        | "businesswoman" | "congresswoman" | "councilwoman" | "assemblywoman" | "sportswoman"
        | "policewoman" | "alderwoman" | "stepmother" | "stepdaughter" | "matriarch" | "nun"
        | "grandma" | "mother-in-law" | "daughter-in-law" | "sister-in-law" => Gender::Female,
        "man" | "boy" | "father" | "dad" | "son" | "husband" | "brother" | "uncle" | "nephew"
        | "grandfather" | "grandson" | "widower" | "boyfriend" | "fiancé" | "groom"
        | "spokesman" | "businessman" | "congressman" | "councilman" | "assemblyman"
        | "sportsman" | "policeman" | "alderman" | "stepfather" | "stepson" | "patriarch"
        | "monk" | "grandpa" | "father-in-law" | "son-in-law" | "brother-in-law" => Gender::Male,
        _ => Gender::Unknown,
    }
}

/// Whether a speaker mention is a gendered pronoun.
pub fn is_pronoun(word: &str) -> bool {
    pronoun_gender(word) != Gender::Unknown
}

fn pronoun_gender(word: &str) -> Gender {
    // Asked of every word of an article: most are passed over on their first letter.
    if !matches!(word.as_bytes().first(), Some(b'h' | b'H' | b's' | b'S')) {
        return Gender::Unknown;
    }
    match word {
        "he" | "He" | "him" | "his" | "His" | "himself" | "HE" | "HIS" => Gender::Male,
        "she" | "She" | "her" | "Her" | "hers" | "herself" | "SHE" | "HER" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The last word before byte `at` on its line, with its start (skipping one space).
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let head = text[..at].strip_suffix(' ')?;
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let w = &head[start..];
    (!w.is_empty()).then_some((start, w))
}

/// Honorific or role noun right before a mention: "Ms Ruiz", "wife Ana Ruiz", "his
/// wife, Ana Ruiz". A role followed by "of" names someone else ("the son of Ana Ruiz"),
/// which cannot happen here: the role must touch the name.
fn before_name(text: &str, m: &Mention) -> Option<(Evidence, Gender)> {
    let head = text[..m.span.start].strip_suffix(' ')?;
    // "his wife, Ana Ruiz,": a role, a comma, the name.
    if let Some(head) = head.strip_suffix(',') {
        let start = head
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let r = role_gender(&head[start..]);
        return (r != Gender::Unknown).then_some((Evidence::Role, r));
    }
    let (_, w) = word_before(text, m.span.start)?;
    let h = honorific_gender(w);
    if h != Gender::Unknown {
        return Some((Evidence::Title, h));
    }
    let r = role_gender(w.trim_end_matches('.'));
    (r != Gender::Unknown).then_some((Evidence::Role, r))
}

/// Words an apposition after a name may open with: "Ruiz, a mother of two", "Ruiz, the
/// company's chairwoman", "Ruiz, his wife".
const APPOSITION_OPENERS: &[&str] = &["a", "an", "the", "his", "her", "their", "its", "our"];

/// A role noun in the apposition right after a mention: "Ana Ruiz, a mother of two,",
/// "Ruiz, 34, the victim's sister,". A possessive role ("the victim's sister's") or a
/// relative clause ("Ruiz, whose son ...") says nothing about the person named.
fn after_name(text: &str, m: &Mention) -> Option<(Evidence, Gender)> {
    let rest = text[m.span.end..].strip_prefix(", ")?;
    let mut segments = rest.split([',', '.', ';', '(', ')', '\n', ':']);
    let mut seg = segments.next()?.trim();
    // An age first: "Ruiz, 34, a nurse"; not "Zoe Kasten, 8; her brother, Jonathan", where
    // the semicolon ends what is said of Zoe.
    if !seg.is_empty() && seg.chars().all(|c| c.is_ascii_digit()) {
        if !rest[seg.len()..].starts_with(',') {
            return None;
        }
        seg = segments.next()?.trim();
    }
    let words: Vec<&str> = seg.split(' ').filter(|w| !w.is_empty()).collect();
    let first = words.first()?;
    if words.len() > 7 {
        return None;
    }
    let opens = APPOSITION_OPENERS.contains(&first.to_lowercase().as_str())
        || first.ends_with("'s")
        || first.ends_with("’s")
        || role_gender(first) != Gender::Unknown;
    if !opens {
        return None;
    }
    words.iter().find_map(|w| {
        let g = role_gender(w);
        (g != Gender::Unknown).then_some((Evidence::Role, g))
    })
}

/// Evidence about each person of one article, keyed by the person's canonical name within
/// the article (in order of first mention). `quoted` are the article's quotations: a name
/// or pronoun inside one belongs to the quoted speaker's story, not the article's.
pub fn evidence(
    a: &Article,
    mentions: &[Mention],
    quoted: &[Span],
    said: &[SaidBy],
) -> Vec<(String, Votes)> {
    let text = &a.text;
    let inside = |at: usize| {
        let i = quoted.partition_point(|q| q.end <= at);
        quoted.get(i).is_some_and(|q| q.start <= at)
    };
    let mut named: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && !m.weak)
        .collect();
    named.sort_by_key(|m| m.span.start);
    // A name inside a quotation is no antecedent of the writer's pronouns, but an honorific
    // or a role noun beside it still says the person's gender ("... a Chinese citizen, Ms.
    // Meng Wanzhou," the statement said).
    let people: Vec<&Mention> = named
        .iter()
        .copied()
        .filter(|m| !inside(m.span.start))
        .collect();
    let mut out = People::default();
    for m in &named {
        let v = out.slot(&m.canonical);
        for (kind, g) in [before_name(text, m), after_name(text, m)]
            .into_iter()
            .flatten()
        {
            v.vote(kind, g);
        }
    }
    // Pronouns: each votes for the one person it can refer to, if there is one.
    for (si, s) in a.sentences.iter().enumerate() {
        for (at, w) in a.words_of(s) {
            let g = pronoun_gender(w);
            if g == Gender::Unknown || inside(at) {
                continue;
            }
            // "..., he said": the quote stage has already decided whom the pronoun names;
            // the nearest name before it is often someone else (the one quoted about).
            if let Some(by) = said.iter().find(|b| b.names_at(text, at, w)) {
                if let Some(name) = by.speaker {
                    out.slot(name).vote(Evidence::Pronoun, g);
                }
                continue;
            }
            let opens_sentence = text[s.span.start..at].trim().is_empty();
            if let Some(name) = coref::antecedent(a, &people, si, at, opens_sentence) {
                out.slot(name).vote(Evidence::Pronoun, g);
            }
        }
    }
    out.votes
}

/// A quotation or reported clause whose speaker the quote stage found as a pronoun: the
/// quote's span, that pronoun, and the person it was resolved to (`None` when it was
/// resolved to no person).
pub struct SaidBy<'q> {
    pub quote: Span,
    pub mention: &'q str,
    pub speaker: Option<&'q str>,
}

/// How far (bytes) from its quotation a speaker's pronoun may stand: "..." he said, or
/// he said: "...", with a cue phrase between.
const SAID_REACH: usize = 40;

impl SaidBy<'_> {
    /// Whether the pronoun `word` at byte `at` is this quotation's speaker.
    fn names_at(&self, text: &str, at: usize, word: &str) -> bool {
        if !self.mention.eq_ignore_ascii_case(word) {
            return false;
        }
        let near = |a: usize, b: usize| {
            b.saturating_sub(a) <= SAID_REACH
                && text.get(a..b).is_some_and(|gap| !gap.contains('\n'))
        };
        (at >= self.quote.end && near(self.quote.end, at))
            || (at < self.quote.start && near(at, self.quote.start))
    }
}

/// Votes by person in order of first mention, with an index by name: a long text (an
/// archive in one file) names thousands of people.
#[derive(Default)]
struct People {
    votes: Vec<(String, Votes)>,
    index: FxHashMap<String, usize>,
}

impl People {
    fn slot(&mut self, name: &str) -> &mut Votes {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.votes.push((name.to_string(), Votes::default()));
                self.index.insert(name.to_string(), self.votes.len() - 1);
                self.votes.len() - 1
            }
        };
        &mut self.votes[i].1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn votes_of(text: &str) -> Vec<(String, Votes)> {
        let a = Article::new("t.txt".into(), text.into(), crate::article::Encoding::Utf8);
        let ms = super::super::find(&a);
        evidence(&a, &ms, &[], &[])
    }

    fn decided(text: &str, name: &str) -> (Gender, Option<Evidence>) {
        let v = votes_of(text)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("{name} not found in {:?}", votes_of(text)));
        decide(&v, name)
    }

    #[test]
    fn an_honorific_says_the_gender() {
        let t = "Headline\n\nMs Darian Lonechild spoke on Monday. Lonechild left early.";
        assert_eq!(
            decided(t, "Darian Lonechild"),
            (Gender::Female, Some(Evidence::Title))
        );
    }

    #[test]
    fn a_role_noun_beside_the_name_says_the_gender() {
        let t = "Headline\n\nThe mayor met Amara Bekele, a mother of two, on Monday.";
        assert_eq!(
            decided(t, "Amara Bekele"),
            (Gender::Female, Some(Evidence::Role))
        );
        let t = "Headline\n\nPolice spoke to her husband, Amara Bekele, on Monday.";
        assert_eq!(
            decided(t, "Amara Bekele"),
            (Gender::Male, Some(Evidence::Role))
        );
    }

    #[test]
    fn a_role_after_an_age_and_a_semicolon_is_the_next_persons() {
        // Regression (Gender Gap Tracker): "Zoe Kasten, 8; her brother, Jonathan Kasten"
        // made Zoe a man.
        let t = "Headline\n\nThe victims were Amara Bekele, 8; her brother, Tomas Bekele, 10.";
        assert_ne!(decided(t, "Amara Bekele").0, Gender::Male);
        let t = "Headline\n\nThe victims were Amara Bekele, 34, a mother of two.";
        assert_eq!(
            decided(t, "Amara Bekele"),
            (Gender::Female, Some(Evidence::Role))
        );
    }

    #[test]
    fn the_son_of_someone_is_not_evidence_about_them() {
        let t = "Headline\n\nThe meeting heard from the son of Margaret Okafor on Monday.";
        assert_eq!(
            decided(t, "Margaret Okafor"),
            (Gender::Female, Some(Evidence::FirstName))
        );
    }

    #[test]
    fn a_first_name_the_census_lacks_is_read_from_the_social_security_list() {
        // Neither name is in the 1990 census list; both are one-sided in the SSA counts.
        let g = Gazetteer::get();
        assert_eq!(g.first_name_gender("Jaxon"), None);
        let t = "Headline\n\nJaxon Okafor and Nevaeh Ruiz met on Monday.";
        assert_eq!(
            decided(t, "Jaxon Okafor"),
            (Gender::Male, Some(Evidence::FirstName))
        );
        assert_eq!(
            decided(t, "Nevaeh Ruiz"),
            (Gender::Female, Some(Evidence::FirstName))
        );
        // The look-up is case-blind.
        assert_eq!(g.given_name_gender("jaxon"), Some(Gender::Male));
    }

    #[test]
    fn a_comma_after_a_multibyte_character_is_no_panic() {
        let t = "Headline\n\nThe winner — “Margaret Okafor” —, Margaret Okafor and Ms. Ana Ruiz.";
        votes_of(t);
        let t =
            "Headline\n\nIt was the mayor’s, Margaret Okafor said.\u{a0}, Margaret Okafor left.";
        votes_of(t);
    }

    #[test]
    fn pronouns_with_one_possible_antecedent_decide() {
        let t = "Headline\n\nAmara Bekele runs the clinic. She opened it in 2004 and her \
                 patients come from far away.";
        assert_eq!(
            decided(t, "Amara Bekele"),
            (Gender::Female, Some(Evidence::Pronoun))
        );
    }

    #[test]
    fn a_pronoun_between_two_people_says_nothing() {
        // Neither first name is in a name list, so only the pronoun could decide.
        let t = "Headline\n\nTendai Bekele met Robin Okafor on Monday, and he left.";
        assert_eq!(decided(t, "Tendai Bekele"), (Gender::Unknown, None));
        assert_eq!(decided(t, "Robin Okafor"), (Gender::Unknown, None));
    }

    #[test]
    fn a_first_name_decides_only_when_the_text_is_silent() {
        let t = "Headline\n\nMargaret Okafor was at the meeting on Monday.";
        assert_eq!(
            decided(t, "Margaret Okafor"),
            (Gender::Female, Some(Evidence::FirstName))
        );
        // The text outweighs the name list.
        let t = "Headline\n\nMr Margaret Okafor was at the meeting on Monday.";
        assert_eq!(
            decided(t, "Margaret Okafor"),
            (Gender::Male, Some(Evidence::Title))
        );
    }

    #[test]
    fn a_few_titles_against_many_pronouns_give_unknown() {
        // "Mrs Reagan" twice, merged into the President's "Reagan", who is "he" forty times.
        // title f, m; role f, m; pronouns f, m
        let votes = Votes::from_array([2, 0, 0, 0, 1, 12]);
        assert_eq!(decide(&votes, "Reagan"), (Gender::Unknown, None));
        // Overwhelmed ten times over, the titles are another person's: a wire corpus's
        // "Reagan" is the President.
        let votes = Votes::from_array([2, 0, 0, 0, 1, 40]);
        assert_eq!(
            decide(&votes, "Reagan"),
            (Gender::Male, Some(Evidence::Pronoun))
        );
        // A title with a pronoun or two misread the other way still decides.
        // title f, m; role f, m; pronouns f, m
        let votes = Votes::from_array([3, 0, 0, 0, 6, 2]);
        assert_eq!(
            decide(&votes, "Jane Kerr"),
            (Gender::Female, Some(Evidence::Title))
        );
        // title f, m; role f, m; pronouns f, m
        let votes = Votes::from_array([0, 2, 0, 0, 3, 0]);
        assert_eq!(
            decide(&votes, "Hugh Kerr"),
            (Gender::Male, Some(Evidence::Title))
        );
    }

    #[test]
    fn an_east_asian_family_name_written_first_says_no_gender() {
        // Regression (Gender Gap Tracker): "Lu" is a woman's name in the census list.
        let t = "Headline\n\nForeign Ministry spokesperson Lu Kang gave no details.";
        assert_eq!(decided(t, "Lu Kang"), (Gender::Unknown, None));
        assert_eq!(
            Gazetteer::get().given_name_gender("Lu"),
            Some(Gender::Unknown)
        );
    }

    #[test]
    fn conflicting_evidence_gives_unknown() {
        let v = Votes {
            title: [1, 1],
            ..Votes::default()
        };
        assert_eq!(decide(&v, "Robin Okafor"), (Gender::Unknown, None));
        // Pronouns split evenly are noise: the first name decides, unless they lean the
        // other way.
        let v = Votes {
            pronoun: [3, 3],
            ..Votes::default()
        };
        assert_eq!(
            decide(&v, "Margaret Okafor"),
            (Gender::Female, Some(Evidence::FirstName))
        );
        let v = Votes {
            pronoun: [2, 3],
            ..Votes::default()
        };
        assert_eq!(decide(&v, "Margaret Okafor"), (Gender::Unknown, None));
        assert_eq!(decide(&v, "Robin Okafor"), (Gender::Unknown, None));
    }

    #[test]
    fn a_pronoun_the_quote_stage_resolved_votes_for_that_speaker() {
        // The nearest name before "he" is Nevaeh Ruiz's; the quote stage, which knows
        // the first name is a woman's, gives the quotation to Liam Okafor.
        let t = "Headline\n\nLiam Okafor spoke to the council on Monday.\n\nMP Nevaeh Ruiz \
                 called the plan a farce on Twitter.\n\n“We will win this vote,” he said.";
        let a = Article::new("t.txt".into(), t.into(), crate::article::Encoding::Utf8);
        let ms = super::super::find(&a);
        let found = crate::analyze::quotes::find(&a, &ms);
        let q = &found.quotes[0];
        assert_eq!(
            (q.speaker.as_str(), q.speaker_mention.as_str()),
            ("Liam Okafor", "he")
        );
        let said = [SaidBy {
            quote: q.span,
            mention: &q.speaker_mention,
            speaker: Some(&q.speaker),
        }];
        let spans = [q.span];
        let votes = evidence(&a, &ms, &spans, &said);
        let of = |name: &str| votes.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(of("Liam Okafor").pronoun, [0, 1]);
        assert_eq!(of("Nevaeh Ruiz").pronoun, [0, 0]);
        // Without the quote stage's answer, the pronoun goes to the nearest name.
        let blind = evidence(&a, &ms, &spans, &[]);
        let of = |name: &str| blind.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(of("Nevaeh Ruiz").pronoun, [0, 1]);
    }

    #[test]
    fn pronouns_inside_a_quotation_are_not_evidence() {
        let text = "Headline\n\nAmara Bekele spoke. \"She was right,\" the mayor said.";
        let a = Article::new("t.txt".into(), text.into(), crate::article::Encoding::Utf8);
        let ms = super::super::find(&a);
        let open = text.find('"').unwrap();
        let close = text.rfind('"').unwrap() + 1;
        let v = evidence(&a, &ms, &[Span::new(open, close)], &[]);
        assert!(v.iter().all(|(_, v)| v.pronoun == [0, 0]), "{v:?}");
    }

    #[test]
    fn pronouns_against_a_one_sided_first_name_leave_it_unknown() {
        let v = Votes {
            pronoun: [0, 3],
            ..Votes::default()
        };
        assert_eq!(decide(&v, "Margaret Okafor"), (Gender::Unknown, None));
        assert_eq!(
            decide(&v, "Robin Okafor"),
            (Gender::Male, Some(Evidence::Pronoun))
        );
        let v = Votes {
            pronoun: [3, 0],
            ..Votes::default()
        };
        assert_eq!(
            decide(&v, "Margaret Okafor"),
            (Gender::Female, Some(Evidence::Pronoun))
        );
    }

    #[test]
    fn votes_add_up_and_survive_the_array_form() {
        let mut a = Votes {
            title: [1, 0],
            role: [0, 2],
            pronoun: [3, 4],
        };
        a.add(&Votes::from_array(a.to_array()));
        assert_eq!(a.to_array(), [2, 0, 0, 4, 6, 8]);
    }
}
