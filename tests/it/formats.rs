//! Integration tests for record inputs (JSON Lines, CSV), front matter, the metadata
//! breakdowns, index.html and --excel: the real binary on a mixed folder whose expected
//! rows were worked out by hand (the arithmetic is in the comments).

use crate::util::{read_csv, Fixture};

/// A mixed folder: one .txt with front matter, a .jsonl with good and bad lines, a .csv
/// with a good and a short row, and a .csv that holds no articles at all.
fn mixed() -> Fixture {
    let f = Fixture::new();
    // Words: Port Reopens | We are back said Mara Velde = 2 + 6 = 8.
    f.file(
        "a.txt",
        "---\ndate: 2019-03-04\noutlet: Ledger\nurl: https://example.org/a\n---\nPort Reopens\n\n\"We are back,\" said Mara Velde.\n",
    );
    f.file(
        "feed.jsonl",
        concat!(
            // Line 1. Words: Rates Held | Prices are easing said Tomas Erlund = 2 + 6 = 8.
            r#"{"id":"n1","title":"Rates Held","text":"\"Prices are easing,\" said Tomas Erlund.","published":"March 11, 2019","source":"Gazette","link":"https://example.org/n1"}"#,
            "\n",
            // Line 2: cut off.
            r#"{"title":"Broken"#,
            "\n",
            // Line 3: blank, passed over.
            "\n",
            // Line 4: no id, so named by its line; the date cannot be read.
            r#"{"title":"Undated","body":"Mara Velde said nothing.","date":"sometime","outlet":"Ledger"}"#,
            "\n",
            // Line 5: no text.
            r#"{"title":"No text"}"#,
            "\n",
            // Line 6: the id of line 1 again.
            r#"{"id":"n1","text":"Again."}"#,
            "\n",
        ),
    );
    // Row on line 2. Words: Port Strike Ends | It is over said Mara Velde = 3 + 6 = 9.
    // Line 3: two fields under a four-column header.
    f.file(
        "desk.csv",
        "headline,content,date,publisher\nPort Strike Ends,\"\"\"It is over,\"\" said Mara Velde.\",2019-04-02 10:00:00,Gazette\nShort row,only\n",
    );
    f.file("notes.csv", "word,count\nport,2\n");
    f.file("stop.txt", "are\nis\nit\nwe\nsaid\n");
    f
}

#[test]
fn a_mixed_folder_gives_one_report_with_metadata() {
    let f = mixed();
    let out = f.run(&["in", "--stopwords", "stop.txt", "--top", "3"]);
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);

    let articles = read_csv(&f.out("articles.csv"));
    assert_eq!(
        articles[0][8..],
        ["encoding", "outlet", "date", "url", "reported"].map(String::from)
    );
    let rows: Vec<Vec<&str>> = articles[1..]
        .iter()
        .map(|r| {
            [0, 1, 3, 6, 9, 10, 11]
                .iter()
                .map(|&i| r[i].as_str())
                .collect()
        })
        .collect();
    assert_eq!(
        rows,
        [
            // article, title, words, quotes, outlet, date, url
            vec![
                "a.txt",
                "Port Reopens",
                "8",
                "1",
                "Ledger",
                "2019-03-04",
                "https://example.org/a"
            ],
            vec![
                "desk.csv#2",
                "Port Strike Ends",
                "9",
                "1",
                "Gazette",
                "2019-04-02",
                ""
            ],
            vec!["feed.jsonl#4", "Undated", "5", "0", "Ledger", "", ""],
            vec![
                "feed.jsonl#n1",
                "Rates Held",
                "8",
                "1",
                "Gazette",
                "2019-03-11",
                "https://example.org/n1"
            ],
        ]
    );

    let skipped = read_csv(&f.out("skipped.csv"));
    assert_eq!(skipped[0], ["path", "reason", "line"]);
    let got: Vec<(&str, &str, &str)> = skipped[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(got.len(), 5, "{got:?}");
    assert_eq!(
        got[0],
        (
            "desk.csv",
            "bad record: 2 fields where the header has 4",
            "3"
        )
    );
    assert_eq!((got[1].0, got[1].2), ("feed.jsonl", "2"));
    assert!(
        got[1].1.starts_with("bad record: not valid JSON"),
        "{got:?}"
    );
    assert_eq!((got[2].0, got[2].2), ("feed.jsonl", "5"));
    assert!(got[2].1.starts_with("bad record: no text"), "{got:?}");
    assert_eq!(
        got[3],
        (
            "feed.jsonl",
            "bad record: duplicate id \"n1\", first seen on line 1",
            "6"
        )
    );
    assert_eq!((got[4].0, got[4].2), ("notes.csv", ""));
    assert!(
        got[4]
            .1
            .contains("header row (word, count) has no text column"),
        "{got:?}"
    );

    // Each quote is three words ("We are back,"); feed.jsonl#4 has no quote.
    let by_outlet = read_csv(&f.out("speakers_by_outlet.csv"));
    assert_eq!(
        by_outlet,
        [
            [
                "outlet",
                "speaker",
                "type",
                "quotes",
                "reported",
                "quoted_words",
                "articles"
            ],
            ["Gazette", "Mara Velde", "PERSON", "1", "0", "3", "1"],
            ["Gazette", "Tomas Erlund", "PERSON", "1", "0", "3", "1"],
            ["Ledger", "Mara Velde", "PERSON", "1", "0", "3", "1"],
        ]
        .map(|r| r.map(String::from))
    );

    // 2019-03: a.txt + feed#n1 = 16 tokens; each kept word once: 1e6 / 16 = 62500.
    // 2019-04: desk#2 = 9 tokens: 1e6 / 9 = 111111.11. The undated article is left out.
    // Top 3 per period, ties alphabetical.
    let by_month = read_csv(&f.out("words_by_month.csv"));
    assert_eq!(
        by_month,
        [
            ["period", "word", "count", "articles", "per_million"],
            ["2019-03", "back", "1", "1", "62500.00"],
            ["2019-03", "easing", "1", "1", "62500.00"],
            ["2019-03", "erlund", "1", "1", "62500.00"],
            ["2019-04", "ends", "1", "1", "111111.11"],
            ["2019-04", "mara", "1", "1", "111111.11"],
            ["2019-04", "over", "1", "1", "111111.11"],
        ]
        .map(|r| r.map(String::from))
    );
    for chart in ["speakers_by_outlet.png", "words_over_time.png"] {
        let png = std::fs::read(f.out(chart)).unwrap();
        assert_eq!(&png[1..4], b"PNG", "{chart}");
    }

    assert!(
        out.stderr
            .contains("4 articles read, 5 skipped (see out/skipped.csv), 30 words, 3 quotes"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("1 date unreadable (left empty)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("overview in out/index.html"),
        "{}",
        out.stderr
    );

    let page = std::fs::read_to_string(f.out("index.html")).unwrap();
    for linked in [
        "speakers_by_outlet.png",
        "words_over_time.png",
        "top_words.png",
        "words_by_month.csv",
        "skipped.csv",
    ] {
        assert!(page.contains(&format!("href=\"{linked}\"")), "{linked}");
    }
    assert!(page.contains("<b>1</b><span>dates unreadable (left empty)</span>"));
}

#[test]
fn week_and_day_periods_rename_the_table_and_drop_the_old_one() {
    let f = mixed();
    assert_eq!(f.run(&["in", "--top", "1"]).code, 1);
    assert!(f.out("words_by_month.csv").exists());
    let out = f.run(&["in", "--top", "1", "--period", "week"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!f.out("words_by_month.csv").exists(), "stale table removed");
    // 4 March 2019 is a Monday in ISO week 10; 11 March week 11; 2 April week 14.
    let periods: Vec<String> = read_csv(&f.out("words_by_week.csv"))[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(periods, ["2019-W10", "2019-W11", "2019-W14"]);
    f.run(&["in", "--top", "1", "--period", "day"]);
    let periods: Vec<String> = read_csv(&f.out("words_by_day.csv"))[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(periods, ["2019-03-04", "2019-03-11", "2019-04-02"]);
}

#[test]
fn without_metadata_there_are_no_breakdowns() {
    let f = mixed();
    f.run(&["in"]);
    assert!(f.out("speakers_by_outlet.csv").exists());
    let g = Fixture::new();
    g.file("plain.txt", "Title\n\n\"Fine,\" said Mara Velde.");
    // Reuse the first fixture's output folder: breakdowns from that run must go.
    let out_dir = f.path("out");
    let out = g.run(&["in", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for gone in [
        "speakers_by_outlet.csv",
        "speakers_by_outlet.png",
        "words_by_month.csv",
        "words_over_time.png",
    ] {
        assert!(!out_dir.join(gone).exists(), "{gone}");
    }
    let page = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(!page.contains("speakers_by_outlet"));
    assert!(page.contains("top_speakers.png"));
}

#[test]
fn field_options_name_unusual_keys() {
    let f = Fixture::new();
    f.file(
        "odd.jsonl",
        concat!(
            r#"{"hed":"Odd Keys","copy":"Words here.","when":1551693600,"paper":{"name":"Courier"},"text":"not the body"}"#,
            "\n"
        ),
    );
    let out = f.run(&[
        "in",
        "--field",
        "text=copy",
        "--field",
        "outlet=paper.name",
        "--field",
        "date=when",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let articles = read_csv(&f.out("articles.csv"));
    // Odd Keys | Words here = 4 words; 1551693600 is 2019-03-04 10:00 UTC.
    assert_eq!(
        [
            &articles[1][0],
            &articles[1][1],
            &articles[1][3],
            &articles[1][9],
            &articles[1][10]
        ],
        ["odd.jsonl#1", "Odd Keys", "4", "Courier", "2019-03-04"]
    );
    let bad = f.run(&["in", "--field", "body=copy"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("known fields"), "{}", bad.stderr);
}

#[test]
fn records_stream_past_the_file_size_limit_and_output_matches_at_any_jobs() {
    let f = Fixture::new();
    // 2,500 records (more than one batch of 2,048) of about 600 bytes: 1.5 MB in all,
    // over a 1 MB --max-file-size, which for record files limits each line instead.
    let mut jsonl = String::new();
    for i in 0..2500 {
        let filler = "The council met again and the talks went on. ".repeat(12);
        jsonl.push_str(&format!(
            "{{\"title\":\"Item {i}\",\"text\":\"\\\"Line {i} is here,\\\" said Mara Velde in Leeds. {filler}\",\"date\":\"2019-03-{:02}\",\"source\":\"Outlet {}\"}}\n",
            i % 28 + 1,
            i % 3
        ));
    }
    // One line of 1.2 MB: over the limit, skipped on its own.
    jsonl.push_str(&format!("{{\"text\":\"{}\"}}\n", "x ".repeat(600_000)));
    f.file("big.jsonl", &jsonl);
    let one = f.run(&["in", "--out", "out1", "--jobs", "1", "--max-file-size", "1"]);
    let two = f.run(&["in", "--out", "out2", "--jobs", "2", "--max-file-size", "1"]);
    let three = f.run(&["in", "--out", "out3", "--jobs", "3", "--max-file-size", "1"]);
    assert_eq!(three.code, 1, "{}", three.stderr);
    assert_eq!(one.code, 1, "{}", one.stderr);
    assert_eq!(two.code, 1, "{}", two.stderr);
    assert!(
        one.stderr.contains("2500 articles read, 1 skipped"),
        "{}",
        one.stderr
    );
    let skipped = read_csv(&f.path("out1/skipped.csv"));
    assert_eq!(skipped[1][2], "2501");
    assert!(skipped[1][1].contains("longer than the --max-file-size limit"));
    let names = f.list("out1");
    assert_eq!(names, f.list("out2"));
    assert!(names.contains(&"words_by_month.csv".to_string()));
    for name in names {
        let a = std::fs::read(f.path("out1").join(&name)).unwrap();
        for other in ["out2", "out3"] {
            let b = std::fs::read(f.path(other).join(&name)).unwrap();
            assert!(a == b, "{name} differs between --jobs 1 and {other}");
        }
    }
}

#[test]
fn excel_adds_a_byte_order_mark_to_every_csv_and_nothing_else() {
    let f = mixed();
    f.run(&["in", "--out", "plain"]);
    f.run(&["in", "--out", "xl", "--excel"]);
    let names = f.list("xl");
    assert!(names.iter().filter(|n| n.ends_with(".csv")).count() >= 11);
    for name in names {
        let plain = std::fs::read(f.path("plain").join(&name)).unwrap();
        let xl = std::fs::read(f.path("xl").join(&name)).unwrap();
        if name.ends_with(".csv") {
            assert_eq!(&xl[..3], b"\xEF\xBB\xBF", "{name}");
            assert_eq!(xl[3..], plain[..], "{name}");
        } else {
            assert_eq!(xl, plain, "{name}");
        }
    }
}

#[test]
fn a_record_file_of_the_wrong_kind_is_one_skip_not_one_per_line() {
    let f = Fixture::new();
    let mut lines = String::new();
    for i in 0..500 {
        lines.push_str(&format!("{{\"word\":\"w{i}\",\"count\":{i}}}\n"));
    }
    f.file("counts.jsonl", &lines);
    f.file("ok.txt", "Title\n\nBody.");
    let out = f.run(&["in"]);
    assert_eq!(out.code, 1);
    let skipped = read_csv(&f.out("skipped.csv"));
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(skipped[1][0], "counts.jsonl");
    assert!(skipped[1][1].starts_with("no articles: no text in its first 100 records"));
}

#[test]
fn record_files_in_awkward_shapes() {
    let f = Fixture::new();
    f.bytes(
        "crlf.jsonl",
        b"{\"title\":\"T1\",\"text\":\"Body one.\"}\r\n{\"title\":\"T2\",\"text\":\"Body two.\"}\r\n",
    );
    // BOM, semicolons, a semicolon inside a quoted cell.
    f.file(
        "semi.csv",
        "\u{feff}title;text;date\nCafé;\"Body; with semicolon.\";4 March 2019\n",
    );
    f.bytes(
        "latin.jsonl",
        b"{\"title\":\"Caf\xe9\",\"text\":\"A \xa35 rise.\"}\n",
    );
    f.bytes("u16.jsonl", b"\xFF\xFE{\0}\0\n\0");
    f.file("empty.jsonl", "\n\n");
    // Row 3 opens a quote that never closes: 3.5 MB, over the 1 MB limit plus the reader's
    // look-ahead, so the file stops there; row 2 stands.
    let mut unclosed = String::from("title,text\nA,ok\nB,\"never closed ");
    unclosed.push_str(&"word ".repeat(700_000));
    f.file("unclosed.csv", &unclosed);
    let out = f.run(&["in", "--max-file-size", "1"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let articles: Vec<Vec<String>> = read_csv(&f.out("articles.csv"))[1..]
        .iter()
        .map(|r| {
            vec![
                r[0].clone(),
                r[1].clone(),
                r[3].clone(),
                r[8].clone(),
                r[10].clone(),
            ]
        })
        .collect();
    let s = |v: [&str; 5]| v.map(String::from).to_vec();
    assert_eq!(
        articles,
        [
            s(["crlf.jsonl#1", "T1", "3", "utf-8", ""]),
            s(["crlf.jsonl#2", "T2", "3", "utf-8", ""]),
            s(["latin.jsonl#1", "Café", "4", "windows-1252", ""]),
            s(["semi.csv#2", "Café", "4", "utf-8", "2019-03-04"]),
            s(["unclosed.csv#2", "A", "2", "utf-8", ""]),
        ]
    );
    let skipped = read_csv(&f.out("skipped.csv"));
    let got: Vec<[&str; 3]> = skipped[1..]
        .iter()
        .map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str()])
        .collect();
    assert_eq!(
        got,
        [
            ["empty.jsonl", "empty: no text", ""],
            ["u16.jsonl", "no articles: JSON Lines in UTF-16 is not read; save it as UTF-8", ""],
            ["unclosed.csv", "unreadable: stopped at line 3: a row longer than the --max-file-size limit of 1000000 bytes (an unclosed quote?)", ""],
        ]
    );
}
