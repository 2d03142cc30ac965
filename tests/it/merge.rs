//! Property test: however articles are split into shards, and in whatever order the shards'
//! partial results are merged, the reports are byte for byte those of one run over all
//! articles. Runs at the library level (no processes) on small generated articles.

use broadsheet::analyze::{self, Options};
use broadsheet::article::{Article, Encoding};
use broadsheet::corpus::{Corpus, Window};
use broadsheet::ingest::formats::dates::Period;
use broadsheet::ingest::formats::Meta;
use broadsheet::ingest::{Skip, SkipReason};
use broadsheet::partial;
use broadsheet::report::{self, ReportOptions};
use broadsheet::text::stopwords::StopWords;
use proptest::prelude::*;

/// Pieces of news: invented people, organisations and places under several names, quotes
/// with cues, pronouns, common words that open sentences, paragraph breaks.
const PIECES: &[&str] = &[
    "Amara Okonkwo-Reyes",
    "Okonkwo-Reyes",
    "Callum Vance",
    "Vance",
    "Mr Vance",
    "Tobias Kendrick",
    "Kendrick",
    "the National Energy Regulator",
    "the regulator",
    "Leeds",
    "Felixstowe",
    "Senior Tories",
    "Tories",
    "said",
    "told reporters",
    "according to",
    "\"We will not back down,\"",
    "\u{201c}No deal is better than a bad deal\u{201d}",
    "\"prices\"",
    "He said",
    "She said",
    "talks",
    "Talks",
    "prices rose",
    "energy prices",
    "the minister",
    "dockworkers",
    "on Monday",
    "in 2026",
    ".",
    ",",
    "\n\n",
];

fn article_text() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(PIECES),
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
    )
        .prop_map(|(title, body)| format!("{title} news\n\n{}", body.join(" ")))
}

fn analysed(id: &str, text: &str) -> Result<analyze::ArticleAnalysis, Skip> {
    if text.contains("Felixstowe Felixstowe") {
        // Some articles are skipped, so skipped.csv is merged too.
        return Err(Skip {
            id: id.to_string(),
            reason: SkipReason::Empty,
        });
    }
    let a = Article::new(id.to_string(), text.to_string(), Encoding::Utf8);
    let mut analysis = analyze::article(
        &a,
        Options {
            stopwords: StopWords::english(),
        },
    );
    analysis.row = analysis.row.with_meta(meta_of(text));
    Ok(analysis)
}

/// Metadata that varies with the text, so the outlet and period breakdowns (and an
/// unreadable date) go through the partials too.
fn meta_of(text: &str) -> Meta {
    let n = text.len();
    let mut meta = Meta {
        outlet: ["", "Wire", "Gazette"][n % 3].to_string(),
        url: format!("https://example.org/{n}"),
        ..Meta::default()
    };
    match n % 5 {
        0 => meta.set_date("not a date"),
        1 => {}
        k => meta.set_date(&format!("2026-0{k}-1{}", n % 10)),
    }
    meta
}

fn rendered(corpus: &Corpus, window: Window) -> Vec<(&'static str, Vec<u8>)> {
    let opts = ReportOptions {
        top: 5,
        keywords: 3,
        min_bigram: 2,
        raw_csv: false,
        min_count: 1,
        window,
        period: Period::Week,
        excel: false,
    };
    report::render(corpus, &opts)
        .unwrap()
        .into_iter()
        .map(|f| (f.name, f.bytes))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merged_partials_equal_a_single_run(
        texts in proptest::collection::vec(article_text(), 1..14),
        shard_of in proptest::collection::vec(0usize..4, 14),
        merge_order in Just(vec![0usize, 1, 2, 3]).prop_shuffle(),
        window in proptest::sample::select(vec![Window::Sentence, Window::Paragraph, Window::Article]),
    ) {
        let ids: Vec<String> = (0..texts.len()).map(|i| format!("d{}/a{i}.txt", i % 3)).collect();
        let single = ids
            .iter()
            .zip(&texts)
            .fold(Corpus::default(), |c, (id, t)| c.with(analysed(id, t)));

        // Each shard folds its articles, is written as a partial and read back.
        let mut shards: Vec<Corpus> = (0..4).map(|_| Corpus::default()).collect();
        for (i, (id, t)) in ids.iter().zip(&texts).enumerate() {
            let s = std::mem::take(&mut shards[shard_of[i]]);
            shards[shard_of[i]] = s.with(analysed(id, t));
        }
        let mut merged = Corpus::default();
        for &k in &merge_order {
            let bytes = partial::encode(&shards[k], 1).unwrap();
            let (_, back) = partial::decode(&bytes, "shard").unwrap();
            merged = merged.merge(back);
        }

        let want = rendered(&single, window);
        let got = rendered(&merged, window);
        prop_assert_eq!(want.len(), got.len());
        for ((name, a), (_, b)) in want.iter().zip(&got) {
            prop_assert!(
                a == b,
                "{} differs:\n--- single\n{}\n--- merged\n{}",
                name,
                String::from_utf8_lossy(a),
                String::from_utf8_lossy(b)
            );
        }
    }
}

/// People and sources by gender come from the records and the corpus-wide gender evidence,
/// which a partial carries: two shards merged give the gender tables and chart of one run,
/// byte for byte, even where one person's evidence is split between the shards: Jordan
/// Ford is a woman by "Ms" in one shard only, and the other names her without a title by a
/// first name that the name list gives to both.
#[test]
fn merged_shards_give_the_gender_tables_of_a_single_run() {
    let articles = [
        (
            "a.txt",
            "Ledger",
            "2026-03-02",
            "Bridge talks\n\nMs Ana Ruiz met Mr Tom Kane and Ms Jordan Ford.\n\n\
             \"We will build it,\" Ruiz said. \"Not this year,\" Kane said.",
        ),
        (
            "b.txt",
            "Gazette",
            "2026-03-20",
            "Flood defences\n\nJordan Ford toured the valley with Mrs Joan Hale.\n\n\
             \"The wall must be higher,\" Ford said.",
        ),
        (
            "c.txt",
            "Ledger",
            "2026-04-07",
            "Port strike\n\nMr Tom Kane met Dr Jamie Patel.\n\n\
             \"The ships sail on Monday,\" Patel said.",
        ),
    ];
    let analysed = |(id, outlet, date, text): &(&str, &str, &str, &str)| {
        let a = Article::new(id.to_string(), text.to_string(), Encoding::Utf8);
        let mut analysis = analyze::article(
            &a,
            Options {
                stopwords: StopWords::english(),
            },
        );
        let mut meta = Meta {
            outlet: outlet.to_string(),
            ..Meta::default()
        };
        meta.set_date(date);
        analysis.row = analysis.row.with_meta(meta);
        Ok(analysis)
    };
    let single = articles
        .iter()
        .fold(Corpus::default(), |c, a| c.with(analysed(a)));
    let shard = |range: std::ops::Range<usize>| {
        let c = articles[range]
            .iter()
            .fold(Corpus::default(), |c, a| c.with(analysed(a)));
        partial::decode(&partial::encode(&c, 1).unwrap(), "shard")
            .unwrap()
            .1
    };
    let merged = shard(1..3).merge(shard(0..1));
    let want = rendered(&single, Window::Paragraph);
    let got = rendered(&merged, Window::Paragraph);
    for name in ["gender.csv", "gender_by_week.csv", "women_quoted.png"] {
        let file = |files: &[(&'static str, Vec<u8>)]| {
            files
                .iter()
                .find(|f| f.0 == name)
                .unwrap_or_else(|| panic!("{name} not written"))
                .1
                .clone()
        };
        assert!(file(&want) == file(&got), "{name} differs");
    }
    let table = want.iter().find(|f| f.0 == "gender.csv").unwrap();
    let text = String::from_utf8_lossy(&table.1);
    // all: people a: Ana Ruiz, Jordan Ford, Tom Kane; b: Jordan Ford, Joan Hale; c: Tom Kane,
    // Jamie Patel = 4 women, 2 men, 1 unknown (4/6). Sources a: Ruiz, Kane; b: Ford; c:
    // Patel = 2 women, 1 man, 1 unknown (2/3).
    assert!(
        text.lines().nth(1) == Some("all,3,7,4,2,1,4,2,1,1,0.667,0.667"),
        "{text}"
    );
}
