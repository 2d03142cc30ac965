//! Integration tests: the real `broadsheet` binary on small fixtures whose expected values
//! were worked out by hand (the arithmetic is in the comments).

use crate::util::{read_csv, Fixture};

/// Two short articles and a stop list of our own, so every count below can be checked on
/// paper without knowing the built-in list.
fn two_articles() -> Fixture {
    let f = Fixture::new();
    // Tokens: Iran and Syria talks | Iran's leader met Syria's leader. | The leader said
    // Iran would help.  => 4 + 5 + 6 = 15 words, 3 sentences (title + 2), 2 paragraphs.
    // Bytes: 20 + 2 + 33 + 1 + 32 + 1 = 89.
    f.file(
        "a.txt",
        "Iran and Syria talks\n\nIran's leader met Syria's leader. The leader said Iran would help.\n",
    );
    // Tokens: Syria | Syria, Syria and Iraq 2011.  => 1 + 5 = 6 words, 2 sentences.
    // Bytes: 5 + 2 + 27 = 34.
    f.file("sub/b.txt", "Syria\n\nSyria, Syria and Iraq 2011.");
    f.file("stop.txt", "# test list\nand\nthe\nwould\n");
    f
}

#[test]
fn word_tables_match_hand_counts() {
    let f = two_articles();
    let out = f.run(&["in", "--stopwords", "stop.txt", "--min-bigram", "1"]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);

    // 21 tokens in all. syria: title a, Syria's, title b, Syria, Syria = 5 in 2 articles;
    // per million = 5 / 21 * 1e6 = 238095.238...
    let words = read_csv(&f.out("words.csv"));
    assert_eq!(words[0], ["word", "count", "articles", "per_million"]);
    let expected = [
        ["syria", "5", "2", "238095.24"],
        ["iran", "3", "1", "142857.14"],
        ["leader", "3", "1", "142857.14"],
        ["help", "1", "1", "47619.05"],
        ["iraq", "1", "1", "47619.05"],
        ["met", "1", "1", "47619.05"],
        ["said", "1", "1", "47619.05"],
        ["talks", "1", "1", "47619.05"],
    ];
    assert_eq!(words[1..], expected.map(|r| r.map(String::from)));

    // Adjacent kept words in one sentence; "Syria, Syria" is split by the comma and
    // "Iraq 2011" by the number.
    let bigrams = read_csv(&f.out("bigrams.csv"));
    let phrases: Vec<&str> = bigrams[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        phrases,
        [
            "iran leader",
            "leader met",
            "leader said",
            "met syria",
            "said iran",
            "syria leader",
            "syria talks"
        ]
    );
    assert!(bigrams[1..].iter().all(|r| r[1] == "1" && r[2] == "1"));

    // tfidf = count * (ln((1+N)/(1+df)) + 1), N = 2: df 1 -> 1.405465, df 2 -> 1.
    let kw = read_csv(&f.out("keywords.csv"));
    assert_eq!(kw[0], ["article", "rank", "word", "count", "tfidf"]);
    let rows: Vec<String> = kw[1..].iter().map(|r| r.join(",")).collect();
    assert_eq!(
        rows[..4],
        [
            "a.txt,1,iran,3,4.2164",
            "a.txt,2,leader,3,4.2164",
            "a.txt,3,syria,2,2.0000",
            "a.txt,4,help,1,1.4055",
        ]
    );
    assert_eq!(
        rows[rows.len() - 2..],
        ["sub/b.txt,1,syria,3,3.0000", "sub/b.txt,2,iraq,1,1.4055"]
    );

    let articles = read_csv(&f.out("articles.csv"));
    assert_eq!(
        articles[0][..8],
        [
            "article",
            "title",
            "bytes",
            "words",
            "sentences",
            "paragraphs",
            "quotes",
            "mentions"
        ]
    );
    assert_eq!(
        articles[1][..6],
        ["a.txt", "Iran and Syria talks", "89", "15", "3", "2"]
    );
    assert_eq!(
        articles[2][..6],
        ["sub/b.txt", "Syria", "34", "6", "2", "2"]
    );
    assert_eq!(
        read_csv(&f.out("skipped.csv")),
        [["path", "reason", "line"]]
    );
    assert!(
        out.stderr.contains("2 articles read, 0 skipped, 21 words"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_files_are_skipped_with_reasons_and_exit_code_1() {
    let f = Fixture::new();
    f.file("good.txt", "Title\n\nSome words here.");
    f.file("empty.txt", "");
    f.file("blank.md", "  \n\n ");
    f.bytes("binary.txt", b"PK\x03\x04\0\0\0");
    f.bytes("latin1.txt", b"Caf\xe9 prices\n\nA \xa35 rise.");
    f.file("photo.jpg", "not an article");
    f.file(".hidden.txt", "never read");
    f.file(".git/config.txt", "never read");
    let out = f.run(&["in"]);
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);

    let skipped = read_csv(&f.out("skipped.csv"));
    let got: Vec<(&str, &str)> = skipped[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].split(':').next().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("binary.txt", "binary"),
            ("blank.md", "empty"),
            ("empty.txt", "empty"),
            ("photo.jpg", "not an article")
        ]
    );
    let articles = read_csv(&f.out("articles.csv"));
    let names: Vec<(&str, &str)> = articles[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[8].as_str()))
        .collect();
    assert_eq!(
        names,
        [("good.txt", "utf-8"), ("latin1.txt", "windows-1252")]
    );
    // "Café" decoded from Windows-1252, the pound sign is not a word, "5" is a number.
    let words = read_csv(&f.out("words.csv"));
    assert!(words.iter().any(|r| r[0] == "café"));
    assert!(
        out.stderr.contains("2 articles read, 4 skipped"),
        "{}",
        out.stderr
    );
}

#[test]
fn same_reports_with_one_and_two_threads() {
    let f = Fixture::new();
    let input = concat!(env!("CARGO_MANIFEST_DIR"), "/input");
    let one = f.run(&[input, "--out", "one", "--jobs", "1"]);
    let two = f.run(&[input, "--out", "two", "--jobs", "2"]);
    assert_eq!(
        (one.code, two.code),
        (0, 0),
        "{} {}",
        one.stderr,
        two.stderr
    );
    let names = f.list("one");
    assert!(names.len() >= 6, "{names:?}");
    assert_eq!(names, f.list("two"));
    for name in names {
        let a = std::fs::read(f.path(&format!("one/{name}"))).unwrap();
        let b = std::fs::read(f.path(&format!("two/{name}"))).unwrap();
        assert!(a == b, "{name} differs between --jobs 1 and --jobs 2");
    }
}

#[test]
fn missing_input_is_a_fatal_error_naming_it_and_keeps_old_reports() {
    let f = Fixture::new();
    f.file("out/words.csv", "previous report\n");
    let out = f.run(&["no-such-folder"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no-such-folder"), "{}", out.stderr);
    assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(f.out("words.csv")).unwrap(),
        "previous report\n"
    );
}

#[test]
fn output_that_is_a_file_or_the_input_itself_is_refused() {
    let f = Fixture::new();
    f.file("in/a.txt", "Title\n\nText.");
    f.file("taken", "a file");
    let out = f.run(&["in", "--out", "taken"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("--out taken is a file, not a folder"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(f.path("taken")).unwrap(), b"a file");
    let out = f.run(&["in", "--out", "in"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("input folder"), "{}", out.stderr);
    assert_eq!(f.list("in"), ["a.txt"]);
}

#[test]
fn output_inside_input_is_not_read_back() {
    let f = Fixture::new();
    f.file("in/a.txt", "Title\n\nText.");
    let first = f.run(&["in", "--out", "in/reports"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let second = f.run(&["in", "--out", "in/reports"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let articles = read_csv(&f.path("in/reports/articles.csv"));
    assert_eq!(articles.len(), 2, "only a.txt: {articles:?}");
}

#[test]
fn reports_replace_old_ones_without_leaving_temp_files() {
    let f = Fixture::new();
    f.file("in/a.txt", "Title\n\nText.");
    f.file("out/words.csv", "stale\n");
    let out = f.run(&["in"]);
    assert_eq!(out.code, 0);
    assert!(std::fs::read_to_string(f.out("words.csv"))
        .unwrap()
        .starts_with("word,count"));
    let leftovers: Vec<String> = f
        .list("out")
        .into_iter()
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn keep_stopwords_counts_function_words() {
    let f = Fixture::new();
    f.file("in/a.txt", "The end\n\nThe cat and the dog.");
    let out = f.run(&["in", "--keep-stopwords"]);
    assert_eq!(out.code, 0);
    let words = read_csv(&f.out("words.csv"));
    assert_eq!(words[1][..2], ["the", "3"]);
}

#[test]
fn chart_is_a_png_of_the_documented_size() {
    let f = Fixture::new();
    f.file("in/a.txt", "Title\n\nIran Iran Syria.");
    let out = f.run(&["in", "--top", "2"]);
    assert_eq!(out.code, 0);
    let png = std::fs::read(f.out("top_words.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: width and height, big-endian, at bytes 16..24.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 1200);
}

#[test]
fn help_explains_every_option_with_an_example() {
    let f = Fixture::new();
    let out = f.run(&["--help"]);
    assert_eq!(out.code, 0);
    for opt in [
        "--out",
        "--jobs",
        "--top",
        "--stopwords",
        "--keep-stopwords",
        "--quiet",
        "Examples:",
        "Exit codes",
    ] {
        assert!(out.stdout.contains(opt), "--help lacks {opt}");
    }
}

#[test]
fn quiet_prints_nothing_on_success() {
    let f = Fixture::new();
    f.file("in/a.txt", "Title\n\nText.");
    let out = f.run(&["in", "--quiet"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "");
}

#[test]
fn timings_name_each_stage_after_the_summary() {
    let f = Fixture::new();
    f.file("in/a.txt", "Title\n\nText.");
    let out = f.run(&["in", "--timings", "--partial", "p.bsp"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert!(
        lines[0].starts_with("broadsheet: 1 article read"),
        "{lines:?}"
    );
    let t = lines[1];
    assert!(
        t.starts_with("broadsheet: timings: read and analyse "),
        "{t}"
    );
    let stages: Vec<&str> = ["read and analyse", "partial result", "reports", "total"]
        .into_iter()
        .filter(|s| t.contains(s))
        .collect();
    assert_eq!(stages.len(), 4, "{t}");
    // The reports stage says which part grows with the articles and which does not.
    assert!(
        t.contains("reports ")
            && t.contains("(per-article tables ")
            && t.contains(" with the corpus-level tables ")
            && t.contains("then charts and summary tables "),
        "{t}"
    );
    let merged = f.run(&["merge", "p.bsp", "--out", "m", "--timings", "--quiet"]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    assert!(
        merged
            .stderr
            .starts_with("broadsheet: timings: read partials "),
        "{}",
        merged.stderr
    );
}

/// Two articles whose co-occurrence counts are worked out by hand (paragraph 0 is the
/// headline, which holds no names here).
///
/// a.txt: p1 = [John Smith, Paris] [Mary Jones, Berlin]; p2 = [Mary Jones, Paris]
/// b.txt: p1 = [John Smith, London]; p2 = [Mary Jones, Paris]
/// Units: 7 sentences, 6 paragraphs, 2 articles.
fn entity_articles() -> Fixture {
    let f = Fixture::new();
    f.file(
        "a.txt",
        "a quiet week\n\nJohn Smith flew to Paris. He met Mary Jones in Berlin.\n\n\
         Mary Jones stayed in Paris.",
    );
    f.file(
        "b.txt",
        "another quiet week\n\nJohn Smith is in London.\n\nHe called Mary Jones from Paris.",
    );
    f
}

#[test]
fn cooccurrence_counts_and_npmi_match_hand_counts() {
    let f = entity_articles();
    let out = f.run(&["in", "--min-count", "1", "--quiet"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let entities = read_csv(&f.out("entities.csv"));
    assert_eq!(
        entities,
        vec![
            vec![
                "entity",
                "type",
                "mentions",
                "articles",
                "aliases",
                "gender",
                "gender_evidence"
            ],
            vec![
                "Mary Jones",
                "PERSON",
                "3",
                "2",
                "Mary Jones",
                "female",
                "first name"
            ],
            vec!["Paris", "PLACE", "3", "2", "Paris", "", ""],
            vec![
                "John Smith",
                "PERSON",
                "2",
                "2",
                "John Smith",
                "male",
                "pronoun"
            ],
            vec!["Berlin", "PLACE", "1", "1", "Berlin", "", ""],
            vec!["London", "PLACE", "1", "1", "London", "", ""],
        ]
    );
    // npmi at paragraphs (N = 6): ln(p(a,b) / (p(a) p(b))) / -ln p(a,b).
    // Mary Jones-Paris: 3 of 6 together, each in 3 -> ln(0.5/0.25)/ln 2 = 1.
    // Berlin-John Smith: 1 together, in 1 and 2 -> ln 3 / ln 6 = 0.6131.
    // Berlin-Mary Jones, Berlin-Paris: 1 together, in 1 and 3 -> ln 2 / ln 6 = 0.3869.
    // John Smith-Paris, John Smith-Mary Jones: 1 together, in 2 and 3 -> ln 1 = 0.
    // London-Mary Jones and London-Paris share only the article: no shared paragraph.
    let rows = read_csv(&f.out("cooccurrence.csv"));
    let expected: Vec<Vec<&str>> = vec![
        vec![
            "entity_a",
            "type_a",
            "entity_b",
            "type_b",
            "sentences",
            "paragraphs",
            "articles",
            "npmi",
        ],
        vec![
            "Mary Jones",
            "PERSON",
            "Paris",
            "PLACE",
            "2",
            "3",
            "2",
            "1.0000",
        ],
        vec![
            "Berlin",
            "PLACE",
            "John Smith",
            "PERSON",
            "0",
            "1",
            "1",
            "0.6131",
        ],
        vec![
            "Berlin",
            "PLACE",
            "Mary Jones",
            "PERSON",
            "1",
            "1",
            "1",
            "0.3869",
        ],
        vec!["Berlin", "PLACE", "Paris", "PLACE", "0", "1", "1", "0.3869"],
        vec![
            "John Smith",
            "PERSON",
            "London",
            "PLACE",
            "1",
            "1",
            "1",
            "0.6131",
        ],
        vec![
            "John Smith",
            "PERSON",
            "Mary Jones",
            "PERSON",
            "0",
            "1",
            "2",
            "0.0000",
        ],
        vec![
            "John Smith",
            "PERSON",
            "Paris",
            "PLACE",
            "1",
            "1",
            "2",
            "0.0000",
        ],
    ];
    assert_eq!(rows, expected);

    // The default --min-count 2 keeps only the pair seen in two or more paragraphs;
    // --window article scores on articles (both in both articles: npmi 1).
    let out = f.run(&["in", "--window", "article", "--quiet"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = read_csv(&f.out("cooccurrence.csv"));
    assert!(rows.contains(&vec![
        "Mary Jones".to_string(),
        "PERSON".into(),
        "Paris".into(),
        "PLACE".into(),
        "2".into(),
        "3".into(),
        "2".into(),
        "1.0000".into()
    ]));
    assert!(rows.iter().all(|r| r[6] != "1"), "{rows:?}");

    let mentions = read_csv(&f.out("mentions.csv"));
    assert_eq!(
        mentions[0],
        vec!["article", "start", "end", "mention", "entity", "type"]
    );
    // a.txt: "John Smith" starts after "a quiet week\n\n" (14 bytes).
    assert_eq!(
        mentions[1],
        vec!["a.txt", "14", "24", "John Smith", "John Smith", "PERSON"]
    );
    let articles = read_csv(&f.out("articles.csv"));
    assert_eq!(articles[1][7], "6", "mentions column of a.txt");
}

#[test]
fn gexf_parses_back_with_types_mentions_and_weights() {
    let f = entity_articles();
    f.file(
        "c.txt",
        "rumours\n\nAT&T and \"Smith <Jones>\" met in Paris with Mary Jones.",
    );
    let out = f.run(&["in", "--min-count", "1", "--quiet"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let xml = std::fs::read_to_string(f.out("cooccurrence.gexf")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed GEXF");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "gexf");
    assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
    assert_eq!(root.attribute("version"), Some("1.3"));
    let nodes: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    let label_of = |id: &str| {
        nodes
            .iter()
            .find(|n| n.attribute("id") == Some(id))
            .and_then(|n| n.attribute("label"))
            .unwrap()
            .to_string()
    };
    let attr = |n: &roxmltree::Node, key: &str| {
        n.descendants()
            .find(|a| a.has_tag_name("attvalue") && a.attribute("for") == Some(key))
            .and_then(|a| a.attribute("value"))
            .map(str::to_string)
    };
    let paris = nodes
        .iter()
        .find(|n| n.attribute("label") == Some("Paris"))
        .expect("Paris node");
    assert_eq!(attr(paris, "type").as_deref(), Some("PLACE"));
    assert_eq!(attr(paris, "mentions").as_deref(), Some("4"));
    let edge = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .find(|e| {
            let ends = [
                label_of(e.attribute("source").unwrap()),
                label_of(e.attribute("target").unwrap()),
            ];
            ends.contains(&"Paris".to_string()) && ends.contains(&"Mary Jones".to_string())
        })
        .expect("Mary Jones-Paris edge");
    assert_eq!(edge.attribute("weight"), Some("4"));
    // Every node label survived escaping.
    for n in &nodes {
        assert!(!n.attribute("label").unwrap().is_empty());
    }
}

/// Quotes, byte spans and speakers worked out by hand.
///
/// ```text
/// 0   Water talks                                         (title, 11 bytes + 2 newlines)
/// 13  Mayor Maria Lopez met John Carter on Friday.        (44 bytes + 2)
/// 59  "The dam will hold," Lopez said.                    quote 59..79 (20 bytes, marks in)
/// 93  Carter told reporters that "nothing is certain".    quote 93+27=120..140
/// 143 "We will see," he added.                            quote 143..157
/// ```
/// "Lopez" is the Maria Lopez named before ("Mayor" is a title, not a name); "Carter"
/// likewise; "he" is the last man who spoke, John Carter. "nothing is certain" is quoted
/// inside the writer's sentence (lower case, after "that"): a partial quotation.
#[test]
fn quotes_and_speakers_match_hand_worked_rows() {
    let f = Fixture::new();
    f.file(
        "talks.txt",
        "Water talks\n\nMayor Maria Lopez met John Carter on Friday.\n\n\"The dam will hold,\" Lopez said.\n\nCarter told reporters that \"nothing is certain\".\n\n\"We will see,\" he added.",
    );
    let out = f.run(&["in"]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    assert!(
        out.stderr.contains("3 quotes (0 without speaker"),
        "{}",
        out.stderr
    );
    let quotes = read_csv(&f.out("quotes.csv"));
    let expected = [
        [
            "article",
            "start",
            "end",
            "quote",
            "speaker",
            "speaker_mention",
            "speaker_type",
            "cue",
            "kind",
            "speaker_gender",
            "unclosed",
        ],
        [
            "talks.txt",
            "59",
            "79",
            "The dam will hold,",
            "Maria Lopez",
            "Lopez",
            "PERSON",
            "said",
            "direct",
            "female",
            "",
        ],
        [
            "talks.txt",
            "120",
            "140",
            "nothing is certain",
            "John Carter",
            "Carter",
            "PERSON",
            "told",
            "partial",
            "male",
            "",
        ],
        [
            "talks.txt",
            "143",
            "157",
            "We will see,",
            "John Carter",
            "he",
            "PERSON",
            "added",
            "direct",
            "male",
            "",
        ],
    ];
    assert_eq!(quotes, expected.map(|r| r.map(String::from)));
    // John Carter: 2 quotes, 3 + 3 words; Maria Lopez: 1 quote, 4 words. Quotes desc.
    // Carter is male by "he"; Maria is a female first name and nothing says otherwise.
    let speakers = read_csv(&f.out("speakers.csv"));
    let expected = [
        [
            "speaker",
            "type",
            "quotes",
            "reported",
            "quoted_words",
            "articles",
            "gender",
            "gender_evidence",
        ],
        [
            "John Carter",
            "PERSON",
            "2",
            "0",
            "6",
            "1",
            "male",
            "pronoun",
        ],
        [
            "Maria Lopez",
            "PERSON",
            "1",
            "0",
            "4",
            "1",
            "female",
            "first name",
        ],
    ];
    assert_eq!(speakers, expected.map(|r| r.map(String::from)));
    let png = std::fs::read(f.out("top_speakers.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

/// An article built like the project's seed (headline, caption with a credit, blank-line
/// paragraphs, mixed straight and curly marks, a site footer), with its structures and
/// none of its words; plus a second article naming one speaker by surname only, which the
/// corpus resolves to the full name.
#[test]
fn seed_like_article_attributes_every_quote() {
    let f = Fixture::new();
    f.file(
        "world/summit.txt",
        "Chilean President Gabriel Ortega and Senator Maria Lopez\n\
         Gabriel Ortega and Maria Lopez Reuters\n\n\
         Chilean President Gabriel Ortega on Tuesday met Senator Maria Lopez on his first visit since the floods.\n\n\
         The two leaders \"reviewed the long friendship between the two nations, which has carried both through hard years,\" the Chilean presidency said.\n\n\
         Lopez told Ortega that \"the north will rebuild with or without help\", her website said.\n\n\
         \"The delays that the engineers warned about are a danger that must be stopped,\" Lopez added.\n\n\
         \"Chile will stand beside the people of the north,\" the official news agency quoted Ortega as saying.\n\n\
         Peter Novak, a senior aide to Senator Maria Lopez, made clear that the city would keep its \u{201c}emergency reserves\u{201d} until spring.\n\n\
         Last week, Ana Ruiz, Director of the Northern Water Authority, boasted that her team had \u{201c}finished more than 80 percent\u{201d} of the work.\n\n\
         Ruiz also said that the region will keep working against \u{201c}the slow drought\u{201d}.\n\n\
         Join our official channel",
    );
    f.file(
        "local/update.txt",
        "Update\n\n\"We are nearly done,\" Ruiz said.",
    );
    let out = f.run(&["in"]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let quotes = read_csv(&f.out("quotes.csv"));
    let got: Vec<(&str, &str, &str)> = quotes[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[4].as_str(), r[7].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("local/update.txt", "Ana Ruiz", "said"),
            ("world/summit.txt", "Chilean presidency", "said"),
            ("world/summit.txt", "Maria Lopez", "told"),
            ("world/summit.txt", "Maria Lopez", "added"),
            ("world/summit.txt", "Gabriel Ortega", "quoted ... as saying"),
            ("world/summit.txt", "Peter Novak", "made clear"),
            ("world/summit.txt", "Ana Ruiz", "boasted"),
            ("world/summit.txt", "Ana Ruiz", "said"),
        ]
    );
    let speakers = read_csv(&f.out("speakers.csv"));
    let top: Vec<(&str, &str, &str)> = speakers[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(
        top,
        [
            ("Ana Ruiz", "3", "2"),
            ("Maria Lopez", "2", "1"),
            ("Chilean presidency", "1", "1"),
            ("Gabriel Ortega", "1", "1"),
            ("Peter Novak", "1", "1"),
        ]
    );
}
