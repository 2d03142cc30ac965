//! The real binary on four articles in two outlets whose people and sources were counted
//! by hand: `gender.csv`, `gender_by_month.csv` and `women_quoted.png`.

use crate::util::{read_csv, Fixture};

/// Every person is introduced with an honorific that says their gender (Ms, Mrs, Mr), but
/// one, whose title (Dr) says nothing and whose first name the list gives to both (Jamie):
/// so every gender below is certain from the text.
///
/// ```text
/// article  outlet   month    people (women, men, unknown)      sources (women, men, unknown)
/// a.txt    Ledger   2026-03  Ana Ruiz, Lena Ford; Tom Kane     Ana Ruiz; Tom Kane
/// b.txt    Ledger   2026-03  Tom Kane; Jamie Patel (unknown)   Tom Kane; Jamie Patel (unknown)
/// c.txt    Gazette  2026-04  Lena Ford, Joan Hale              Lena Ford
/// d.txt    (none)   (none)   Ravi Shah (man)                   Ravi Shah
/// ```
///
/// Ana Ruiz speaks twice in a.txt and is one source of it; Lena Ford is named in a.txt and
/// c.txt and counts once in each. "A council spokesman" in c.txt is quoted but named by no
/// one: no source, as the Gender Gap Tracker counts them, and no type in `quotes.csv`. The closing quote of a.txt is curly and followed by
/// ", Ana Ruiz": the shape that once made the gender evidence cut a character in two.
fn two_outlets() -> Fixture {
    let f = Fixture::new();
    f.file(
        "a.txt",
        "---\noutlet: Ledger\ndate: 2026-03-02\n---\nBridge talks\n\n\
         Ms Ana Ruiz met Mr Tom Kane and Ms Lena Ford on Monday.\n\n\
         \"We will build it,\" Ruiz said.\n\n\
         \"Not this year,\" Kane said.\n\n\
         \u{201c}We are ready\u{201d}, Ana Ruiz added.\n",
    );
    f.file(
        "b.txt",
        "---\noutlet: Ledger\ndate: 2026-03-20\n---\nPort strike\n\n\
         Mr Tom Kane met Dr Jamie Patel at the port.\n\n\
         \"The strike is over,\" Kane said.\n\n\
         \"The ships sail on Monday,\" Patel said.\n",
    );
    f.file(
        "c.txt",
        "---\noutlet: Gazette\ndate: 2026-04-07\n---\nFlood defences\n\n\
         Ms Lena Ford toured the valley with Mrs Joan Hale.\n\n\
         \"The wall must be higher,\" Ford said.\n\n\
         \"The budget is set,\" a council spokesman said.\n",
    );
    f.file(
        "d.txt",
        "Market day\n\nMr Ravi Shah opened the market.\n\n\"Prices are steady,\" Shah said.\n",
    );
    f
}

fn rows(f: &Fixture, name: &str) -> Vec<String> {
    read_csv(&f.out(name)).iter().map(|r| r.join(",")).collect()
}

#[test]
fn people_and_sources_by_outlet_and_month_match_hand_counts() {
    let f = two_outlets();
    let out = f.run(&["in", "--quiet"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // all: people (a: 2 women 1 man; b: 1 man 1 unknown; c: 2 women; d: 1 man) = 4 women,
    // 3 men, 1 unknown: 4/7 = 0.571. Sources (a: 1 woman 1 man; b: 1 man 1 unknown; c: 1
    // woman; d: 1 man) = 2 women, 3 men, 1 unknown: 2/5 = 0.400.
    // Gazette = c: 2/2 and 1/1. Ledger = a + b: people 2 women, 2 men, 1 unknown (2/4);
    // sources 1 woman, 2 men, 1 unknown (1/3). d has no outlet: only in `all`.
    assert_eq!(
        rows(&f, "gender.csv"),
        [
            "outlet,articles,people,people_women,people_men,people_unknown,sources,\
             sources_women,sources_men,sources_unknown,women_share_people,women_share_sources",
            "all,4,8,4,3,1,6,2,3,1,0.571,0.400",
            "Gazette,1,2,2,0,0,1,1,0,0,1.000,1.000",
            "Ledger,2,5,2,2,1,4,1,2,1,0.500,0.333",
        ]
    );
    // March = a + b (the Ledger's two), April = c; d is undated.
    assert_eq!(
        rows(&f, "gender_by_month.csv"),
        [
            "period,articles,people,people_women,people_men,people_unknown,sources,\
             sources_women,sources_men,sources_unknown,women_share_people,women_share_sources",
            "2026-03,2,5,2,2,1,4,1,2,1,0.500,0.333",
            "2026-04,1,2,2,0,0,1,1,0,0,1.000,1.000",
        ]
    );
    // The same people as entities.csv and speakers.csv give them.
    let entities = read_csv(&f.out("entities.csv"));
    let unknown: Vec<&str> = entities
        .iter()
        .filter(|r| r[1] == "PERSON" && r[5] == "unknown")
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(unknown, ["Jamie Patel"]);

    let unnamed: Vec<String> = read_csv(&f.out("quotes.csv"))
        .iter()
        .filter(|r| r[0] == "c.txt" && r[3] == "The budget is set,")
        .map(|r| format!("{}|{}|{}", r[4], r[6], r[9]))
        .collect();
    assert_eq!(unnamed, ["a council spokesman||"]);

    let page = std::fs::read_to_string(f.out("index.html")).unwrap();
    assert!(page.contains("<section id=\"gender\">"));
    assert!(page.contains("<img src=\"women_quoted.png\""));
    assert!(page.contains("How gender is read."));
    assert!(page.contains("<a href=\"gender.csv\">gender.csv (all 3 rows)</a>"));
    assert!(page.contains("<a href=\"gender_by_month.csv\">"));
}

#[test]
fn a_run_without_dates_drops_the_table_by_period_but_keeps_gender_csv() {
    let f = two_outlets();
    assert_eq!(f.run(&["in", "--quiet", "--period", "week"]).code, 0);
    assert!(f.out("gender_by_week.csv").exists());
    // 2 March 2026 is in ISO week 10, 20 March in week 12, 7 April in week 15.
    let weeks: Vec<String> = read_csv(&f.out("gender_by_week.csv"))[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(weeks, ["2026-W10", "2026-W12", "2026-W15"]);

    let g = Fixture::new();
    g.file("plain.txt", "Title\n\nNo one is named here.");
    let out_dir = f.path("out");
    let out = g.run(&["in", "--out", out_dir.to_str().unwrap(), "--quiet"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        !out_dir.join("gender_by_week.csv").exists(),
        "stale table removed"
    );
    let gender = read_csv(&out_dir.join("gender.csv"));
    assert_eq!(gender.len(), 2, "{gender:?}");
    assert_eq!(gender[1].join(","), "all,1,0,0,0,0,0,0,0,0,,");
    // The chart is written all the same, saying there is nothing to show.
    let png = image::load_from_memory(&std::fs::read(out_dir.join("women_quoted.png")).unwrap())
        .unwrap()
        .to_rgb8();
    assert_eq!((png.width(), png.height()), (1200, 400));
}

#[test]
fn the_chart_decodes_at_its_size_and_draws_both_shares() {
    let f = two_outlets();
    let out = f.run(&["in", "--quiet"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let png = image::load_from_memory(&std::fs::read(f.out("women_quoted.png")).unwrap())
        .expect("women_quoted.png decodes")
        .to_rgb8();
    // 130 header + (110 + 58 for each of 3 groups: all, Gazette, Ledger) + 440 for the
    // months + 44 for the note on small counts.
    assert_eq!(
        (png.width(), png.height()),
        (1200, 130 + 110 + 58 * 3 + 440 + 44)
    );
    let count = |rgb: [u8; 3]| png.pixels().filter(|p| p.0 == rgb).count();
    let white = count([255, 255, 255]);
    let total = (png.width() * png.height()) as usize;
    assert!(white < total * 97 / 100, "nearly blank: {white} of {total}");
    // Both colours are drawn, each as bars of some size: sources blue, people orange.
    assert!(count([46, 110, 168]) > 2000, "no sources bars");
    assert!(count([242, 142, 43]) > 2000, "no people bars");
}
