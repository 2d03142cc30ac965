use super::*;
use crate::article::Encoding;

#[test]
fn normalise_collapses_every_kind_of_white_space() {
    for name in [
        "Ali Khamenei",
        "Ali  Khamenei",
        " Ali Khamenei ",
        "Ali\nKhamenei",
        "Ali\u{a0}Khamenei",
        "Ali \t Khamenei",
        "Ali\u{b}Khamenei",
        "Ali\u{1c}Khamenei",
        "Ali Khamenei ",
        "Ali\u{2003}Khamenei",
        "Ali Khamenei\u{85}",
        "Zürich Ost",
        "Zürich  Ost",
        "",
        " ",
        "  ",
    ] {
        let slow = name.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(normalise(name), slow, "{name:?}");
        assert_eq!(is_single_spaced(name), name == slow, "{name:?}");
    }
}

fn names(text: &str) -> Vec<(String, &'static str, String)> {
    let a = Article::new("t".into(), text.into(), Encoding::Utf8);
    find(&a)
        .into_iter()
        .filter(|m| !m.weak)
        .map(|m| {
            (
                m.span.slice(&a.text).to_string(),
                m.kind.as_str(),
                m.canonical,
            )
        })
        .collect()
}

fn row(w: &str, k: &'static str, c: &str) -> (String, &'static str, String) {
    (w.to_string(), k, c.to_string())
}

#[test]
fn a_short_name_takes_the_nearest_longer_name_before_it_else_the_first_after() {
    let got = names(
        "Court\n\nKendrick spoke first. Tobias Kendrick arrived. Kendrick sat down. \
         Maria Kendrick arrived. Kendrick stood up. Al-Assad wrote to Bashar Al-Assad.",
    );
    let kendricks: Vec<&str> = got
        .iter()
        .filter(|r| r.0 == "Kendrick")
        .map(|r| r.2.as_str())
        .collect();
    // The first has no full name before it, so it takes the first one after.
    assert_eq!(
        kendricks,
        vec!["Tobias Kendrick", "Tobias Kendrick", "Maria Kendrick"]
    );
    // Two tokens ending a three-token name: "Al-Assad" of "Bashar Al-Assad".
    assert!(
        got.contains(&row("Al-Assad", "PERSON", "Bashar Al-Assad")),
        "{got:?}"
    );
}

#[test]
fn a_name_in_capitals_is_the_same_name_written_in_mixed_case() {
    let got = names(
        "Golf round-up\n\nTobias Kendrick led by two shots on Sunday.\n\n\
         PLAYERS TO WATCH\n\nTOBIAS KENDRICK -- After a slow start, Kendrick won twice.",
    );
    let kendricks: Vec<&str> = got
        .iter()
        .filter(|r| r.0.to_lowercase().contains("kendrick"))
        .map(|r| r.2.as_str())
        .collect();
    assert!(kendricks.len() >= 3, "{got:?}");
    assert!(kendricks.iter().all(|&c| c == "Tobias Kendrick"), "{got:?}");
}

#[test]
fn a_gendered_title_passes_over_a_full_name_of_the_other_gender() {
    let got = names(
        "Visit\n\nMargaret Kendrick and Tobias Kendrick arrived on Monday. Mrs. Kendrick \
         spoke first.",
    );
    assert!(
        has(&got, "Kendrick", "PERSON", "Margaret Kendrick"),
        "{got:?}"
    );
}

#[test]
fn titles_are_not_part_of_the_name_and_surnames_resolve() {
    let got = names(
        "Talks\n\nSyrian President Bashar Al-Assad met Ayatollah Ali Khamenei on Monday. \
         Then Assad thanked Khamenei.",
    );
    assert_eq!(
        got,
        vec![
            row("Bashar Al-Assad", "PERSON", "Bashar Al-Assad"),
            row("Ali Khamenei", "PERSON", "Ali Khamenei"),
            row("Assad", "PERSON", "Bashar Al-Assad"),
            row("Khamenei", "PERSON", "Ali Khamenei"),
        ]
    );
}

#[test]
fn organisations_places_and_possessives() {
    let got = names(
        "T\n\nAli Shamkhani, Secretary of Iran's Supreme National Security Council (SNSC), spoke in Syria. The SNSC agreed.",
    );
    assert!(
        got.contains(&row("Ali Shamkhani", "PERSON", "Ali Shamkhani")),
        "{got:?}"
    );
    assert!(got.contains(&row("Iran", "PLACE", "Iran")), "{got:?}");
    assert!(got.contains(&row(
        "Supreme National Security Council",
        "ORG",
        "Supreme National Security Council"
    )));
    assert!(
        got.contains(&row("SNSC", "ORG", "Supreme National Security Council")),
        "{got:?}"
    );
    assert!(got.contains(&row("Syria", "PLACE", "Syria")));
}

#[test]
fn sentence_initial_words_weekdays_and_demonyms_are_not_names() {
    let got =
        names("T\n\nDuring the meeting on Monday, Iranian leaders spoke. During talks, nothing.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn person_core_drops_leading_descriptions() {
    assert_eq!(
        person_core("Conservative Leader Andrew Brevold"),
        "Andrew Brevold"
    );
    assert_eq!(person_core("Ali Akbar Velayati"), "Ali Akbar Velayati");
    assert_eq!(person_core("Khamenei"), "Khamenei");
    assert_eq!(person_core("Tahmir Ali Khan"), "Tahmir Ali Khan");
    assert_eq!(person_core("Organizer Dwayne Pruitt"), "Dwayne Pruitt");
    assert_eq!(
        person_core("Charles County Prosecuting Attorney Tim Tenbrink"),
        "Tim Tenbrink"
    );
}

#[test]
fn corpus_aliases_merge_short_names_when_unambiguous() {
    let map = corpus_aliases([
        ("Assad", EntityType::Person, 5),
        ("Bashar Al-Assad", EntityType::Person, 2),
        ("Smith", EntityType::Person, 3),
        ("John Smith", EntityType::Person, 1),
        ("Jane Smith", EntityType::Person, 1),
    ]);
    assert_eq!(
        map.get("Assad").map(String::as_str),
        Some("Bashar Al-Assad")
    );
    assert_eq!(map.get("Smith"), None);
}

fn has(got: &[(String, &'static str, String)], w: &str, k: &'static str, c: &str) -> bool {
    got.contains(&row(w, k, c))
}

#[test]
fn dotted_abbreviations_keep_their_final_period() {
    let a = Article::new(
        "t".into(),
        "t\n\nTrade with the U.S. grew, the U.N. said.".into(),
        Encoding::Utf8,
    );
    let ms: Vec<Mention> = find(&a).into_iter().filter(|m| !m.weak).collect();
    let spans: Vec<&str> = ms.iter().map(|m| m.span.slice(&a.text)).collect();
    assert_eq!(spans, ["U.S.", "U.N."], "{ms:?}");
    assert_eq!(ms[0].kind, EntityType::Place);
}

#[test]
fn contractions_with_curly_apostrophes_are_no_names() {
    let a = Article::new(
        "t".into(),
        "t\n\nSo I\u{2019}m told, and I\u{2019}d agree, said Lina Varro.".into(),
        Encoding::Utf8,
    );
    let spans: Vec<String> = find(&a)
        .iter()
        .map(|m| m.span.slice(&a.text).to_string())
        .collect();
    assert_eq!(spans, ["Lina Varro"]);
}

#[test]
#[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
fn unknown_lone_words_are_kept_mid_sentence_and_weak_at_a_start() {
    let a = Article::new(
        "t".into(),
        "t\n\nInvestors bought Zorblax shares. Quillon fell.".into(),
        Encoding::Utf8,
    );
    let ms = find(&a);
    let zorblax = ms
        .iter()
        .find(|m| m.span.slice(&a.text) == "Zorblax")
        .unwrap();
    assert!(!zorblax.weak);
    assert_eq!(zorblax.kind, EntityType::Org);
    let quillon = ms
        .iter()
        .find(|m| m.span.slice(&a.text) == "Quillon")
        .unwrap();
    assert!(quillon.weak, "sentence-initial unknown word");
    assert_eq!(entity_key(quillon).0, "\u{1}Quillon");
    // "Investors" is written in lower case nowhere here, but it is weak, not strong.
    assert!(ms
        .iter()
        .all(|m| m.span.slice(&a.text) != "Investors" || m.weak));
}

#[test]
fn a_weak_word_the_article_also_capitalises_mid_sentence_is_strong() {
    let a = Article::new(
        "t".into(),
        "t\n\nQuillon fell. Analysts watched Quillon closely.".into(),
        Encoding::Utf8,
    );
    let ms = find(&a);
    let quillon: Vec<&Mention> = ms
        .iter()
        .filter(|m| m.span.slice(&a.text) == "Quillon")
        .collect();
    assert_eq!(quillon.len(), 2);
    assert!(quillon.iter().all(|m| !m.weak), "{ms:?}");
}

#[test]
#[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
fn place_words_and_places_inside_longer_names() {
    let got = names("t\n\nTraders on Wall Street watched Air France and Hyde Park.");
    assert!(has(&got, "Wall Street", "PLACE", "Wall Street"), "{got:?}");
    assert!(has(&got, "Air France", "ORG", "Air France"), "{got:?}");
    assert!(has(&got, "Hyde Park", "PLACE", "Hyde Park"), "{got:?}");
}

#[test]
fn demonyms_before_a_name_are_not_part_of_it() {
    let got = names("t\n\nThe winner was Canadian Jane Porter, ahead of the field.");
    assert!(has(&got, "Jane Porter", "PERSON", "Jane Porter"), "{got:?}");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_caption_credit_is_its_own_organisation() {
    let got = names("Leaders meet\nJohn Smith greets Mary Jones Reuters\n\nThey met.");
    assert!(has(&got, "Mary Jones", "PERSON", "Mary Jones"), "{got:?}");
    assert!(has(&got, "Reuters", "ORG", "Reuters"), "{got:?}");
}

#[test]
fn site_footers_name_nothing() {
    let got = names("t\n\nJohn Smith spoke.\n\nJoin our official Telegram channel");
    assert_eq!(got, vec![row("John Smith", "PERSON", "John Smith")]);
}

#[test]
fn adjective_like_words_and_lone_organisation_words_are_not_names() {
    let got = names("t\n\nThe rebels accused the Marxist regime and the Division of lying.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_short_form_takes_the_longer_name_of_the_article() {
    let got = names("t\n\nFans of Atletico Madrid cheered. The coach said Atletico won.");
    assert!(has(&got, "Atletico", "ORG", "Atletico Madrid"), "{got:?}");
}

#[test]
#[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
fn a_surname_takes_the_person_inside_a_titled_organisation_like_name() {
    let got =
        names("t\n\nConservative Leader Andrew Kessel spoke in Ottawa. Later, Kessel spoke again.");
    assert!(has(&got, "Kessel", "PERSON", "Andrew Kessel"), "{got:?}");
}

#[test]
fn a_long_unknown_name_ending_with_a_persons_name_is_that_person() {
    let a = Article::new(
        "t".into(),
        "T\n\nIn 2016, Zubaida Al Kirwan arrived. Al Kirwan recalls the day. She smiled.".into(),
        Encoding::Utf8,
    );
    let ms = find(&a);
    let short = ms
        .iter()
        .find(|m| m.span.slice(&a.text) == "Al Kirwan")
        .unwrap();
    assert_eq!(short.canonical, "Zubaida Al Kirwan");
    assert_eq!(short.kind, EntityType::Person);
    assert_ne!(short.gender, Gender::Male);
}

#[test]
fn capitals_lines_give_only_known_names() {
    let got = names("t\n\nRUGBY - ENGLAND BEAT NEW ZEALAND IN WELLINGTON");
    assert!(has(&got, "ENGLAND", "PLACE", "England"), "{got:?}");
    assert!(has(&got, "NEW ZEALAND", "PLACE", "New Zealand"), "{got:?}");
    assert!(has(&got, "WELLINGTON", "PLACE", "Wellington"), "{got:?}");
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
#[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
fn neighbours_type_an_unknown_lone_word() {
    let got = names("t\n\nFighting broke out in Zarvaka, and Blenkin said so to Quorvex.");
    assert!(has(&got, "Zarvaka", "PLACE", "Zarvaka"), "{got:?}");
    assert!(has(&got, "Blenkin", "PERSON", "Blenkin"), "{got:?}");
    assert!(has(&got, "Quorvex", "ORG", "Quorvex"), "{got:?}");
}

#[test]
fn a_first_name_alone_stands_for_the_one_person_who_has_it() {
    let got = names("t\n\nZarvan Khan won. The crowd cheered Zarvan again.");
    assert!(has(&got, "Zarvan", "PERSON", "Zarvan Khan"), "{got:?}");
}

#[test]
fn a_lone_first_word_takes_the_one_full_name_it_starts() {
    let got = names(
        "Talks\n\nChinese President Xi Jinping met the envoy on Monday. Later, Xi said \
         the talks went well.",
    );
    assert!(has(&got, "Xi", "PERSON", "Xi Jinping"), "{got:?}");
    // Two full names start with it: the lone word stays itself.
    let got = names(
        "Talks\n\nKim Jong Un met Kim Yong Chol on Monday. Later, Kim said the talks \
         went well.",
    );
    assert!(has(&got, "Kim", "PERSON", "Kim"), "{got:?}");
}

#[test]
fn labels_letters_and_month_abbreviations_are_not_names() {
    let got = names("t\n\nAttendance: 15,000.\n\nThe N stands for Sept in the table.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_person_name_does_not_run_on_through_of() {
    let got = names("t\n\nHe picked Gordon Bullock of Scotland and others.");
    assert!(
        has(&got, "Gordon Bullock", "PERSON", "Gordon Bullock"),
        "{got:?}"
    );
    assert!(has(&got, "Scotland", "PLACE", "Scotland"), "{got:?}");
}

#[test]
#[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
fn an_unknown_sentence_opener_before_a_known_name_is_dropped() {
    let got = names("t\n\nInjured Liverpool lost. Six Nations games and TV rights, said Dan.");
    assert!(has(&got, "Liverpool", "PLACE", "Liverpool"), "{got:?}");
    assert!(has(&got, "Dan", "PERSON", "Dan"), "{got:?}");
    assert!(
        got.iter().any(|r| r.0 == "Six Nations" && r.1 == "ORG"),
        "{got:?}"
    );
    assert!(got.iter().all(|r| r.0 != "TV"), "{got:?}");
}

#[test]
fn a_guessed_lone_word_joins_the_one_person_it_names_in_the_corpus() {
    let map = corpus_aliases([
        ("Zarnevik", EntityType::Org, 4),
        ("Jesper Zarnevik", EntityType::Person, 1),
        // A known place is never a guess.
        ("Jordan", EntityType::Place, 3),
        ("Michael Jordan", EntityType::Person, 1),
    ]);
    assert_eq!(
        map.get("Zarnevik").map(String::as_str),
        Some("Jesper Zarnevik")
    );
    assert!(may_be_person("Zarnevik", EntityType::Org));
    assert!(!may_be_person("Jordan", EntityType::Place));
}

#[test]
fn place_nouns_before_of_make_a_place() {
    let got = names("t\n\nTroops took the town of Zarvaka and held it.");
    assert!(has(&got, "Zarvaka", "PLACE", "Zarvaka"), "{got:?}");
}

#[test]
#[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
fn initials_particles_ampersands_and_places_before_titles() {
    let got = names(
        "t\n\nS. Waugh bowled to Ata-ur-Rehman. Shares in Douglas & Lomason fell. \
         U.S. Cardinal Joseph Castellane spoke.",
    );
    assert!(has(&got, "S. Waugh", "PERSON", "S. Waugh"), "{got:?}");
    assert!(
        got.iter()
            .any(|r| r.0 == "Ata-ur-Rehman" && r.1 == "PERSON"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|r| r.0 == "Douglas & Lomason" && r.1 == "ORG"),
        "{got:?}"
    );
    assert!(has(&got, "U.S.", "PLACE", "United States"), "{got:?}");
    assert!(
        has(&got, "Joseph Castellane", "PERSON", "Joseph Castellane"),
        "{got:?}"
    );
}

#[test]
fn two_particles_inside_a_name_and_adverbs_opening_a_sentence() {
    let got = names("t\n\nIronically, Joost van der Merwehoek scored.");
    assert_eq!(
        got,
        vec![row(
            "Joost van der Merwehoek",
            "PERSON",
            "Joost van der Merwehoek"
        )]
    );
}

#[test]
fn and_inside_organisation_names_but_not_between_names() {
    let got = names("t\n\nThe Securities and Exchange Commission met Iran and Syria.");
    assert!(
        got.iter()
            .any(|r| r.0 == "Securities and Exchange Commission" && r.1 == "ORG"),
        "{got:?}"
    );
    assert!(has(&got, "Iran", "PLACE", "Iran"), "{got:?}");
    assert!(has(&got, "Syria", "PLACE", "Syria"), "{got:?}");
}

#[test]
fn a_demonym_opening_an_organisation_name_stays() {
    let got = names("t\n\nThe European Economic Community and German Bundesbank met.");
    assert!(
        got.iter()
            .any(|r| r.0 == "European Economic Community" && r.1 == "ORG"),
        "{got:?}"
    );
    assert!(got.iter().any(|r| r.0 == "Bundesbank"), "{got:?}");
}

#[test]
#[ignore = "the trained entity tagger (issue 19) misses this hand-made case; kept as a target, run with --ignored"]
fn a_title_inside_a_run_separates_an_organisation_from_a_person() {
    let got = names("t\n\nThen Labour MP Gary Dobbs and the Labour MPs voted.");
    assert!(has(&got, "Gary Dobbs", "PERSON", "Gary Dobbs"), "{got:?}");
    assert!(
        got.iter().filter(|r| r.0 == "Labour").count() == 2,
        "{got:?}"
    );
    let got = names("t\n\nThey admired Martin Luther King.");
    assert!(
        has(&got, "Martin Luther King", "PERSON", "Martin Luther King"),
        "{got:?}"
    );
}

#[test]
fn a_nickname_run_into_a_whole_name_is_that_name() {
    let map = corpus_aliases([
        ("Hillary Clinton", EntityType::Person, 60),
        ("Crooked Hillary Clinton", EntityType::Person, 5),
        ("Clinton", EntityType::Person, 40),
        // A first name or an initial in front is part of the name.
        ("Mary Ann Kendrick", EntityType::Person, 2),
        ("Ann Kendrick", EntityType::Person, 9),
        ("L. Tobias Marsh", EntityType::Person, 2),
        ("Tobias Marsh", EntityType::Person, 9),
        // A particle is no first name, whatever the lists say of "Van".
        ("Pieter van Dorsten", EntityType::Person, 2),
        ("Van Dorsten", EntityType::Person, 9),
    ]);
    assert_eq!(
        map.get("Crooked Hillary Clinton").map(String::as_str),
        Some("Hillary Clinton")
    );
    assert_eq!(
        map.get("Clinton").map(String::as_str),
        Some("Hillary Clinton")
    );
    assert_eq!(map.get("Mary Ann Kendrick"), None);
    assert_eq!(map.get("L. Tobias Marsh"), None);
    assert_eq!(map.get("Pieter van Dorsten"), None);
}

#[test]
fn a_common_surname_used_alone_more_than_its_full_name_stays_alone() {
    let map = corpus_aliases([
        // Surname "Kim" alone in several stories, "Erin Kim" in one: other people.
        ("Kim", EntityType::Person, 9),
        ("Erin Kim", EntityType::Person, 3),
        // A rare surname keeps joining its one full name, however often alone.
        ("Velkarov", EntityType::Person, 9),
        ("Anton Velkarov", EntityType::Person, 3),
        // A common surname whose full name is as frequent joins it.
        ("Miller", EntityType::Person, 2),
        ("Dana Miller", EntityType::Person, 2),
    ]);
    assert_eq!(map.get("Kim"), None);
    assert_eq!(
        map.get("Velkarov").map(String::as_str),
        Some("Anton Velkarov")
    );
    assert_eq!(map.get("Miller").map(String::as_str), Some("Dana Miller"));
}

#[test]
fn rare_or_run_on_full_names_claim_no_short_name() {
    let map = corpus_aliases([
        ("Oscar", EntityType::Person, 120),
        ("Strong Oscar", EntityType::Person, 1),
        ("Swank", EntityType::Person, 3),
        ("Aviator for Swank", EntityType::Person, 3),
    ]);
    assert_eq!(map.get("Oscar"), None);
    assert_eq!(map.get("Swank"), None);
    let got = names("t\n\nAn award went to Oscar for Hilary Swank at the Ministry for Europe.");
    assert!(
        has(&got, "Hilary Swank", "PERSON", "Hilary Swank"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|r| r.0 == "Ministry for Europe" && r.1 == "ORG"),
        "{got:?}"
    );
}

#[test]
fn a_short_headline_in_capitals_gives_no_name_the_body_never_capitalises() {
    let got = names("Mayor Resigns\n\nThe mayor of Springfield resigned on Monday.");
    assert!(got.iter().all(|(w, _, _)| w != "Resigns"), "{got:?}");
    // A name the story goes on to use stays a name.
    let got = names("Quill Resigns\n\nAda Quill resigned on Monday. Quill left.");
    assert!(has(&got, "Quill", "PERSON", "Ada Quill"), "{got:?}");
}

#[test]
fn a_title_case_headline_gives_only_names_the_body_confirms() {
    let got = names(
        "Kestrel Data Leak Exposes Files at Orbin Labs\n\n\
         The data leak at Kestrel hit millions of files, Orbin Labs said.",
    );
    let headline: Vec<&str> = got
        .iter()
        .filter(|(w, _, _)| !w.is_empty())
        .map(|(w, _, _)| w.as_str())
        .collect();
    // "Data", "Leak", "Files" are lower-case words of the body; "Exposes" is never
    // capitalised there: none of them is a name or part of one.
    assert_eq!(
        headline,
        ["Kestrel", "Orbin Labs", "Kestrel", "Orbin Labs"],
        "{got:?}"
    );
}

#[test]
fn a_two_word_title_opening_a_run_stays_a_title() {
    let got = names("T\n\nPrime Minister Ada Quill met Finance Minister Tobin Marsh on Friday.");
    assert!(has(&got, "Ada Quill", "PERSON", "Ada Quill"), "{got:?}");
    assert!(has(&got, "Tobin Marsh", "PERSON", "Tobin Marsh"), "{got:?}");
    assert!(
        !got.iter()
            .any(|(w, _, _)| w == "Prime" || w.contains("Finance")),
        "{got:?}"
    );
}

#[test]
fn initials_before_a_surname_make_a_person() {
    let got = names("T\n\nThe economist J. R. Ellis and Q. Pardew disagreed.");
    assert!(has(&got, "J. R. Ellis", "PERSON", "J. R. Ellis"), "{got:?}");
    assert!(has(&got, "Q. Pardew", "PERSON", "Q. Pardew"), "{got:?}");
}

/// Found by fuzzing: a combining mark after "D.C." made the period start the next word,
/// and the abbreviation's period was claimed by both.
#[test]
fn a_combining_mark_after_an_abbreviation_does_not_overlap_words() {
    let got = names("T\n\nIn D.C.\u{1de7} the E. D.C.\u{1de7}.@ now.");
    assert!(got.iter().all(|(w, _, _)| !w.is_empty()), "{got:?}");
}

/// Regression (Gender Gap Tracker): in one long article the tagger read every
/// "McCallum's" as an organisation "McCallum", so "he" found no mayor to refer to. The
/// tagger's verdicts are set by hand here, as that article's context made them.
#[test]
fn a_surname_typed_as_an_organisation_is_the_person_named_before() {
    let text = "Surrey mayor\n\nDoug McCallum responded at one debate. McCallum's last term \
                ended in 2005. Boeing's Phil Boeing spoke. Boeing shares rose.";
    let at = |w: &str, nth: usize| text.match_indices(w).nth(nth).map(|(i, _)| i).unwrap();
    let mention = |start: usize, word: &str, kind: EntityType| Mention {
        span: Span::new(start, start + word.len()),
        kind,
        canonical: word.to_string(),
        gender: Gender::Unknown,
        sentence: 1,
        paragraph: 1,
        weak: false,
    };
    let mut ms = vec![
        mention(at("Doug McCallum", 0), "Doug McCallum", EntityType::Person),
        mention(at("McCallum", 1), "McCallum", EntityType::Org),
        mention(at("Boeing", 0), "Boeing", EntityType::Org),
        mention(at("Phil Boeing", 0), "Phil Boeing", EntityType::Person),
        mention(at("Boeing", 2), "Boeing", EntityType::Org),
    ];
    super::resolve::in_article(text, &mut ms, &Default::default());
    assert_eq!(ms[1].kind, EntityType::Person);
    assert_eq!(ms[1].canonical, "Doug McCallum");
    // A company the lists know stays the company, even after a person of its name.
    assert_eq!(ms[4].kind, EntityType::Org);
    assert_eq!(ms[4].canonical, "Boeing");
    // So does one the article wrote as a company before naming the person ("Ford ...
    // Bill Ford ... Ford"), or inside a longer company name.
    let text = "Carmaker\n\nZorvex made a profit. Bill Zorvex spoke. Zorvex shares rose.";
    let at = |w: &str, nth: usize| text.match_indices(w).nth(nth).map(|(i, _)| i).unwrap();
    let mut ms = vec![
        mention(at("Zorvex", 0), "Zorvex", EntityType::Org),
        mention(at("Bill Zorvex", 0), "Bill Zorvex", EntityType::Person),
        mention(at("Zorvex", 2), "Zorvex", EntityType::Org),
    ];
    super::resolve::in_article(text, &mut ms, &Default::default());
    assert_eq!(ms[2].kind, EntityType::Org);
}

#[test]
fn things_named_after_people_are_no_people() {
    let found = names(
        "T\n\nAt 25, Ana Ruiz was diagnosed with Crohn's disease. Others have Tourette syndrome. \
         The convoy protested Bill C-69 and Bill 21 in Ottawa. Bill Vickers drove to \
         Michael Cohen's law firm. \
         \"Hey, listen,\" he said. \"Oh my God, you did it?\"",
    );
    let people: Vec<&str> = found
        .iter()
        .filter(|n| n.1 == "PERSON")
        .map(|n| n.0.as_str())
        .collect();
    assert_eq!(people, ["Ana Ruiz", "Bill Vickers", "Michael Cohen"]);
}

#[test]
fn a_saint_after_st_names_a_place() {
    let found = names(
        "T\n\nRichard Emery of St. Charles, Missouri, was charged. Gomes works at St. \
         Michael's Hospital in Toronto.",
    );
    assert!(
        found.iter().any(|n| n.0 == "St. Charles" && n.1 == "PLACE"),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|n| n.0.ends_with("Charles") && n.1 == "PERSON"),
        "{found:?}"
    );
    assert!(!found.iter().any(|n| n.0 == "Michael"), "{found:?}");
}

#[test]
fn an_apposition_says_what_a_name_is() {
    let found = names(
        "T\n\nBrooks took part in a project run by Dixon Hall, a non-profit agency that \
         serves Toronto. Dixon Hall says the shelters are full. Sundre, a town in Alberta, \
         lost power. Dana Ruiz, a company spokesman, said so.",
    );
    let kind = |n: &str| found.iter().find(|f| f.0 == n).map(|f| f.1);
    assert_eq!(kind("Dixon Hall"), Some("ORG"), "{found:?}");
    assert!(found
        .iter()
        .filter(|f| f.0 == "Dixon Hall")
        .all(|f| f.1 == "ORG"));
    assert_eq!(kind("Dana Ruiz"), Some("PERSON"), "{found:?}");
}

#[test]
fn a_nickname_in_quotation_marks_is_inside_the_name() {
    let found = names(
        "T\n\nNunes knocked out Cris \"Cyborg\" Justino in the first round. Lead singer \
         Riefian “Ifan” Fajarsyah survived. Justino said little. Cyborg's talent is rare.",
    );
    let people: Vec<(&str, &str)> = found
        .iter()
        .filter(|n| n.1 == "PERSON")
        .map(|n| (n.0.as_str(), n.2.as_str()))
        .collect();
    assert!(
        people.contains(&("Cris \"Cyborg\" Justino", "Cris Justino")),
        "{people:?}"
    );
    assert!(
        people.contains(&("Riefian “Ifan” Fajarsyah", "Riefian Fajarsyah")),
        "{people:?}"
    );
    assert!(people.contains(&("Justino", "Cris Justino")), "{people:?}");
    assert!(people.contains(&("Cyborg", "Cris Justino")), "{people:?}");
    assert_eq!(
        without_nickname_of("Marion \"Suge\" Knight"),
        "Marion Knight"
    );
}

fn without_nickname_of(name: &str) -> String {
    retag::without_nickname(name).unwrap_or_default()
}

#[test]
fn an_opening_word_the_article_capitalises_inside_sentences_stays_in_the_name() {
    let found = names(
        "T\n\nA rally was held in Calgary. In a news release, Rally Canada said the plan is \
         flawed.\n\nRally Canada, the group that organized the event, said more would come. \
         Crooked deals were made. Crooked Hillary Clinton spoke.",
    );
    assert_eq!(
        found.iter().filter(|n| n.0 == "Rally Canada").count(),
        2,
        "{found:?}"
    );
    assert!(found.iter().any(|n| n.0 == "Hillary Clinton"), "{found:?}");
}

#[test]
fn a_name_before_a_province_or_state_is_a_towns() {
    let found = names(
        "T\n\nTrudeau will call byelections for the Outremont, Que., and York-Simcoe, Ont., \
         ridings. Ted Cruz, Texas, and Marco Rubio, Florida, voted no.",
    );
    let kind = |n: &str| found.iter().find(|f| f.0 == n).map(|f| f.1);
    assert_eq!(kind("York-Simcoe"), Some("PLACE"), "{found:?}");
    assert_eq!(kind("Ted Cruz"), Some("PERSON"), "{found:?}");
}

#[test]
fn a_name_that_ends_in_s_keeps_it() {
    let found = names(
        "T\n\nMoody's Investors Service Inc said it cut the rating of Apex Holdings. Moody's \
         said the debt was too high. Apex Holdings's shares fell.",
    );
    let canonical = |w: &str| {
        found
            .iter()
            .filter(|n| n.0 == w)
            .map(|n| n.2.as_str())
            .collect::<Vec<_>>()
    };
    assert!(
        canonical("Moody").iter().all(|c| *c == "Moody's"),
        "{found:?}"
    );
    assert!(!canonical("Moody").is_empty(), "{found:?}");
    assert!(
        canonical("Apex Holdings")
            .iter()
            .all(|c| *c == "Apex Holdings"),
        "{found:?}"
    );
}

#[test]
fn a_weekday_run_onto_a_persons_name_is_no_part_of_it() {
    let found = names(
        "T\n\nPresident Reagan Friday said the talks would go on. Green Party leader \
         Elizabeth May agreed. England coach Mike Friday named his squad.",
    );
    assert!(found.iter().any(|n| n.0 == "Mike Friday"), "{found:?}");
    assert!(found.iter().any(|n| n.0 == "Elizabeth May"), "{found:?}");
    assert!(
        found.iter().any(|n| n.0 == "Reagan" && n.1 == "PERSON"),
        "{found:?}"
    );
    assert!(!found.iter().any(|n| n.0 == "Reagan Friday"), "{found:?}");
}

#[test]
fn a_picture_agency_is_no_person() {
    let found = names(
        "T\n\nThe volcano erupted, in this photo taken by Antara Foto on Sunday. Michael \
         Bloomberg was in New York.",
    );
    assert!(
        found
            .iter()
            .any(|n| n.0 == "Michael Bloomberg" && n.1 == "PERSON"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|n| !(n.0 == "Antara Foto" && n.1 == "PERSON")),
        "{found:?}"
    );
}

#[test]
fn the_words_after_an_honorific_are_a_persons_name() {
    let found = names(
        "T\n\nThe case involves a Chinese citizen, Ms. Meng Wanzhou. Meng was arrested in \
         Vancouver. She was crowned Miss Universe Inc in 1996.",
    );
    assert!(
        found
            .iter()
            .any(|n| n.0 == "Meng Wanzhou" && n.1 == "PERSON"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|n| n.0 == "Wanzhou" && n.1 == "PLACE"),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|n| n.0.starts_with("Universe") && n.1 == "PERSON"),
        "{found:?}"
    );
}
