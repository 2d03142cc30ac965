use super::*;
use crate::analyze::names;
use crate::article::Encoding;

/// (quoted text, speaker, cue) for every quotation of an article (reported speech has
/// tests of its own, in `reported.rs`).
fn said(text: &str) -> Vec<(String, String, String)> {
    let a = Article::new("t".into(), text.into(), Encoding::Utf8);
    let mentions = names::find(&a);
    find(&a, &mentions)
        .quotes
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Reported)
        .map(|q| (q.quote, q.speaker, q.cue))
        .collect()
}

fn row(quote: &str, speaker: &str, cue: &str) -> (String, String, String) {
    (quote.into(), speaker.into(), cue.into())
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
        "T\n\nThe so-called \"sextortion\" scam spread.\n\n\"Nobody knows where this ends up.\""
            .into(),
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
        text.push_str("Ann Lee met Tom Hart in Leeds. The mayor was away. Bob Stone spoke.\n\n");
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
}

#[test]
fn quoted_words_inside_the_writers_sentence_are_partial() {
    let text = "Water talks\n\nMayor Maria Lopez met John Carter on Friday.\n\n\"The dam will hold,\" Lopez said.\n\nCarter told reporters that \"nothing is certain\".\n\nLopez called the plan \"A Disaster\" on Monday.";
    let a = Article::new("t".into(), text.into(), Encoding::Utf8);
    let mentions = names::find(&a);
    let kinds: Vec<(String, QuoteKind)> = find(&a, &mentions)
        .quotes
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Reported)
        .map(|q| (q.quote, q.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("The dam will hold,".to_string(), QuoteKind::Direct),
            ("nothing is certain".to_string(), QuoteKind::Partial),
            ("A Disaster".to_string(), QuoteKind::Partial),
        ]
    );
}

#[test]
fn the_subject_of_a_clause_joined_by_but_speaks_not_an_adverb() {
    let got = said(
        "Vote\n\nRepresentative Tobias Kendrick backed the senator for years, but now said \
         the rival had “the chance to bring us together.”",
    );
    assert_eq!(
        got,
        vec![row(
            "the chance to bring us together.",
            "Tobias Kendrick",
            "said"
        )]
    );
}

#[test]
fn words_quoted_inside_what_someone_said_are_that_speakers() {
    // Regression (PolNeAR train): the subject of the clause a "said" reports was taken as
    // the speaker of the words quoted in it.
    let got = said(
        "T\n\nSenator Ada Kerrow said she is certain Pell Danvers will continue to be \u{201c}a champion of the valley.\u{201d}",
    );
    assert_eq!(got[0].1, "Ada Kerrow", "{got:?}");
    assert_eq!(got[0].2, "said");
    // A cue that introduces the quote itself keeps its own speaker.
    let got = said("T\n\nAda Kerrow said Pell Danvers warned: \u{201c}We will fight.\u{201d}");
    assert_eq!(got[0].1, "Pell Danvers", "{got:?}");
    // A new clause after the "said" is no part of its report.
    let got = said(
        "T\n\n\u{201c}Is it over?\u{201d} Ada Kerrow said, but as Pell Danvers went on about \u{201c}how the system is rigged,\u{201d} she left.",
    );
    assert_eq!(got[1].1, "Pell Danvers", "{got:?}");
}

#[test]
fn the_company_is_the_organisation_the_article_is_about() {
    // Regression (Gender Gap Tracker reported speech): "the company said" was a speaker
    // called "company"; an organisation named twice beats one named in passing.
    let got = said(
        "T\n\nVeltrano Motors cut 300 jobs on Monday. Veltrano Motors shares fell at the Lisbon Exchange.\n\n\u{201c}This was a hard decision,\u{201d} the company said.",
    );
    assert_eq!(got[0].1, "Veltrano Motors", "{got:?}");
    // With no organisation named, the description stays itself.
    let got = said("T\n\n\u{201c}This was a hard decision,\u{201d} the company said.");
    assert_eq!(got[0].1, "company", "{got:?}");
}

#[test]
fn a_naming_verb_before_a_quote_reports_its_subject_but_a_named_thing_does_not() {
    // Regression (PolNeAR train): "called" was no cue, so the quote took the last speaker.
    let got = said(
        "T\n\nIn December, Ada Kerrow called the governor \u{201c}the worst pick in a generation.\u{201d} \
         Pell Danvers wrote a book called \u{201c}Women Who Work\u{201d} last year. \
         The minister rejected calls to \u{201c}pause\u{201d} the bill.",
    );
    let of = |q: &str| {
        got.iter()
            .find(|r| r.0.contains(q))
            .map(|r| (r.1.clone(), r.2.clone()))
    };
    assert_eq!(
        of("worst pick"),
        Some(("Ada Kerrow".to_string(), "called".to_string())),
        "{got:?}"
    );
    assert!(
        of("Women Who Work").is_none_or(|(_, cue)| cue != "called"),
        "{got:?}"
    );
    assert!(of("pause").is_none_or(|(_, cue)| cue != "calls"), "{got:?}");
}

#[test]
fn who_after_a_name_speaks_for_that_name() {
    // Regression (PolNeAR train): "from Mike Lee, who declared ..." fell back to the
    // article's earlier speaker.
    let got = said(
        "T\n\nTed Cruz spoke in Iowa on Sunday.\n\nHe won an endorsement from Mike Lee, who declared in the spin room, \u{201c}It is time to unite.\u{201d}",
    );
    assert_eq!(got[0].1, "Mike Lee", "{got:?}");
}

#[test]
fn barked_and_pressed_are_cues() {
    let got = said(
        "T\n\nTed Cruz spoke in Iowa.\n\n\u{201c}Building it? Not negotiable,\u{201d} said Cruz. \u{201c}Would it be negotiable?\u{201d} Sean Hannity pressed.",
    );
    assert_eq!(got[1].1, "Sean Hannity", "{got:?}");
    assert_eq!(got[1].2, "pressed", "{got:?}");
}

#[test]
fn the_place_of_a_participle_phrase_is_not_its_subject() {
    // Regression (PolNeAR dev): "Protesters marching through the streets chanted" gave
    // the quote to "streets".
    let got = said(
        "T\n\nThe curfew began on Sunday.\n\nProtesters marching through the streets chanted \u{201c}What curfew?\u{201d}",
    );
    assert_eq!(got[0].1, "Protesters", "{got:?}");
}

#[test]
fn an_inverted_cue_after_an_opening_phrase_names_the_person_after_it() {
    // Regression (issue 20's example): "asks Policy Options editor Jennifer Ditchburn"
    // gave the quote to "Policy Options".
    let got = said(
        "T\n\nThe Commons sat on Monday.\n\nRather than the current layout, asks Policy Options editor Jennifer Ditchburn, \u{201c}has anyone considered other designs?\u{201d}",
    );
    assert_eq!(got[0].1, "Jennifer Ditchburn", "{got:?}");
    assert_eq!(got[0].2, "asks", "{got:?}");
}

#[test]
fn an_unknown_name_set_off_by_a_persons_role_is_a_person() {
    let a = Article::new(
        "t".into(),
        "T\n\nThe shelter opened on Monday.\n\n\u{201c}We saw a chance to help,\u{201d} says Chetham Lakshman, vice-president, external affairs for Freedom Mobile.".into(),
        Encoding::Utf8,
    );
    let mentions = names::find(&a);
    let got = find(&a, &mentions).quotes;
    assert_eq!(got[0].speaker, "Chetham Lakshman", "{got:?}");
    assert_eq!(got[0].speaker_type, Some(EntityType::Person), "{got:?}");
}

#[test]
fn a_nickname_inside_a_name_is_no_quotation() {
    let quotes = said(
        "T\n\nNunes said she knocked out Cris \"Cyborg\" Justino in the first round. \"I hit \
         hard,\" Nunes said.",
    );
    assert_eq!(quotes, [row("I hit hard,", "Nunes", "said")]);
}
