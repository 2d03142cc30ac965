//! What a new user hits first (issue 21), through the real binary: bad usage, a folder that
//! holds an earlier run's reports, giant lines and words, saved web pages, PDF and Word
//! files, an empty folder, noisy top words, and `merge` used the wrong way. Every expected
//! value is worked out by hand from the fixture.

use crate::util::{read_csv, Fixture};

/// The first column of every data row of a report.
fn first_column(f: &Fixture, name: &str) -> Vec<String> {
    read_csv(&f.out(name))
        .into_iter()
        .skip(1)
        .map(|r| r[0].clone())
        .collect()
}

/// (path, reason) of every row of skipped.csv.
fn skipped(f: &Fixture) -> Vec<(String, String)> {
    read_csv(&f.out("skipped.csv"))
        .into_iter()
        .skip(1)
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
}

fn words(f: &Fixture) -> Vec<String> {
    first_column(f, "words.csv")
}

#[test]
fn jobs_above_1024_is_a_usage_error_said_in_the_help() {
    let f = Fixture::new();
    f.file("a.txt", "Title\n\nText.");
    for jobs in ["1025", "100000"] {
        let out = f.run(&["in", "--jobs", jobs]);
        assert_eq!(out.code, 2, "--jobs {jobs}: {}", out.stderr);
        assert!(
            out.stderr.contains("more than the limit of 1024"),
            "{}",
            out.stderr
        );
        assert!(!f.path("out").exists(), "nothing is written");
    }
    assert_eq!(f.run(&["in", "--jobs", "2"]).code, 0);
    let help = f.run(&["--help"]);
    assert!(
        help.stdout.contains("at most 1024"),
        "--help states the bound: {}",
        help.stdout
    );
}

/// An earlier run's reports, written out by hand with their exact header rows.
fn old_reports(f: &Fixture, dir: &str) {
    let put = |name: &str, text: &str| f.file(&format!("{dir}/{name}"), text);
    put(
        "articles.csv",
        "article,title,bytes,words,sentences,paragraphs,quotes,mentions,encoding,outlet,date,url\n\
         a.txt,Port reopens,40,6,2,2,0,0,utf-8,,,\n",
    );
    put(
        "keywords.csv",
        "article,rank,word,count,tfidf\na.txt,1,port,1,1.0000\n",
    );
    put(
        "mentions.csv",
        "article,start,end,mention,entity,type\na.txt,0,4,Port,Port,PLACE\n",
    );
    put(
        "quotes.csv",
        "article,start,end,quote,speaker,speaker_mention,speaker_type,cue,kind,speaker_gender,unclosed\n",
    );
    put(
        "words_by_month.csv",
        "period,word,count,articles,per_million\n2026-03,port,1,1,1000.00\n",
    );
    put("skipped.csv", "path,reason,line\n");
    put(
        "index.html",
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"broadsheet\">\n<title>broadsheet report</title>\n\
         </head><body><p>18 articles</p></body></html>\n",
    );
    f.bytes(
        &format!("in/{dir}/top_words.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    );
    put(
        "shard.part",
        "broadsheet partial\nformat 2\ntool 0.1.0\n\n(compressed body)",
    );
}

#[test]
fn a_folder_of_old_reports_is_skipped_as_reports_not_read_as_articles() {
    let f = Fixture::new();
    f.file(
        "news/a.txt",
        "Port reopens\n\nShips moved again on Monday after the strike.",
    );
    old_reports(&f, "old-reports");
    // A table of the user's with an `article` column of file names is not text either;
    // one whose `article` column holds text is read.
    f.file("news/scores.csv", "article,score\na.txt,3\nb.txt,4\n");
    f.file(
        "news/export.csv",
        "id,article\n7,\"Ships moved again on Monday, the harbour master said.\"\n",
    );
    let out = f.run(&["in"]);
    assert_eq!(out.code, 1, "skips give exit 1: {}", out.stderr);
    assert_eq!(
        first_column(&f, "articles.csv"),
        ["news/a.txt", "news/export.csv#7"]
    );
    let skips = skipped(&f);
    let names: Vec<&str> = skips.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        names,
        [
            "news/scores.csv",
            "old-reports/articles.csv",
            "old-reports/index.html",
            "old-reports/keywords.csv",
            "old-reports/mentions.csv",
            "old-reports/quotes.csv",
            "old-reports/shard.part",
            "old-reports/skipped.csv",
            "old-reports/top_words.png",
            "old-reports/words_by_month.csv",
        ]
    );
    for (path, reason) in &skips[1..] {
        assert!(
            reason.starts_with("broadsheet report, not articles"),
            "{path}: {reason}"
        );
    }
    assert!(skips[0].1.starts_with("no articles"), "{:?}", skips[0]);
    // Nothing of the reports reached the word tables.
    assert!(
        !words(&f).iter().any(|w| w.contains("txt")),
        "{:?}",
        words(&f)
    );

    // Named directly, a report is skipped the same way; with nothing else, exit 3.
    let out = f.run(&["in/old-reports/keywords.csv"]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert_eq!(skipped(&f).len(), 1);
    assert!(skipped(&f)[0]
        .1
        .starts_with("broadsheet report, not articles"));
}

#[test]
fn giant_lines_and_words_never_make_giant_cells() {
    let f = Fixture::new();
    // A first line of 100,000 characters: the title is cut to 300 with an ellipsis.
    let line = "Headline ".repeat(100_000 / 9 + 1);
    let sixty = "b".repeat(60);
    let million = "c".repeat(1_000_000);
    // A quotation of about 45,000 characters: a quotes.csv cell over the spreadsheet
    // limit if not cut.
    let quote = "every word of it ".repeat(2700);
    f.file(
        "giant.txt",
        &format!(
            "{line}\n\nThe port {sixty} reopened {million} today.\n\n\
             \"{quote}\" said Mara Velde, the harbour master."
        ),
    );
    let out = f.run(&["in"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let articles = read_csv(&f.out("articles.csv"));
    let title = &articles[1][1];
    assert_eq!(title.chars().count(), 300);
    assert!(title.starts_with("Headline Headline") && title.ends_with('…'));
    // The 60- and million-letter tokens are no words; counted in the summary.
    let w = words(&f);
    assert!(w.contains(&"port".to_string()) && w.contains(&"reopened".to_string()));
    assert!(
        w.iter().all(|w| w.chars().count() <= 50),
        "a long token listed"
    );
    let kw = read_csv(&f.out("keywords.csv"));
    assert!(kw.iter().all(|r| r[2].chars().count() <= 50));
    assert!(
        out.stderr
            .contains("2 tokens over 50 letters left out of the word tables"),
        "{}",
        out.stderr
    );
    // No cell of any table over 32,767 characters.
    for name in f.list("out") {
        if name.ends_with(".csv") {
            for row in read_csv(&f.out(&name)) {
                for cell in row {
                    assert!(cell.chars().count() <= 32_767, "{name}: a giant cell");
                }
            }
        }
    }
}

const PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Port reopens | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2026-03-04T08:00:00Z">
<style>.menu { display: flex }</style>
<script>window.analytics = { track: function () {} };</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul><p>Subscribe</p></nav>
<header><h1>Port reopens after strike</h1></header>
<article>
<p>Ships moved again at the harbour on Monday.</p>
<p>Dockers returned to work.</p>
</article>
<footer><p>Copyright Harbour Times</p></footer>
</body></html>"#;

#[test]
fn saved_web_pages_are_read_as_their_article() {
    let f = Fixture::new();
    f.file("pages/port.html", PAGE);
    f.file("pages/copy.htm", PAGE);
    let out = f.run(&["in"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let articles = read_csv(&f.out("articles.csv"));
    assert_eq!(articles.len(), 3);
    for row in &articles[1..] {
        // article,title,bytes,words,sentences,paragraphs,...,outlet,date,url
        assert_eq!(row[1], "Port reopens after strike", "{row:?}");
        // "Port reopens after strike\n\nShips moved ... Monday.\n\nDockers returned to work."
        assert_eq!(row[5], "3", "title and two paragraphs");
        // Port reopens after strike (4) + Ships moved again at the harbour on Monday (8)
        // + Dockers returned to work (4).
        assert_eq!(row[3], "16");
        assert_eq!(
            (row[9].as_str(), row[10].as_str()),
            ("Harbour Times", "2026-03-04")
        );
    }
    let w = words(&f);
    for noise in [
        "html",
        "script",
        "analytics",
        "menu",
        "subscribe",
        "copyright",
        "home",
    ] {
        assert!(!w.contains(&noise.to_string()), "{noise} in {w:?}");
    }
    for word in ["port", "ships", "harbour", "dockers"] {
        assert!(w.contains(&word.to_string()), "{word} missing from {w:?}");
    }
    // Named directly, whatever its extension.
    f.file("saved-page", PAGE);
    assert_eq!(f.run(&["in/saved-page"]).code, 0);
    assert_eq!(
        read_csv(&f.out("articles.csv"))[1][1],
        "Port reopens after strike"
    );
}

fn docx_bytes() -> Vec<u8> {
    let mut b = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0".to_vec();
    b.extend_from_slice(b"[Content_Types].xml PK\x03\x04 word/document.xml");
    b
}

#[test]
fn pdf_and_word_files_are_skipped_naming_the_format() {
    let f = Fixture::new();
    f.file("a.txt", "Title\n\nText here.");
    f.bytes("in/report.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    f.bytes("in/letter.docx", &docx_bytes());
    // Disguised as text: the content decides.
    f.bytes("in/scan.txt", b"%PDF-1.4\n");
    let out = f.run(&["in"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        skipped(&f),
        [
            (
                "letter.docx".to_string(),
                "binary: a Word document (.docx), not text; save the article as .txt or .html to read it".to_string()
            ),
            (
                "report.pdf".to_string(),
                "binary: a PDF document, not text; save the article as .txt or .html to read it".to_string()
            ),
            (
                "scan.txt".to_string(),
                "binary: a PDF document, not text; save the article as .txt or .html to read it".to_string()
            ),
        ]
    );
    // Named on the command line: the same reasons.
    let out = f.run(&["in/report.pdf", "in/letter.docx"]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    let skips = skipped(&f);
    assert_eq!(skips[0].0, "in/letter.docx");
    assert!(
        skips[0].1.starts_with("binary: a Word document"),
        "{skips:?}"
    );
    assert_eq!(skips[1].0, "in/report.pdf");
    assert!(
        skips[1].1.starts_with("binary: a PDF document"),
        "{skips:?}"
    );
}

#[test]
fn zero_articles_is_an_error_with_a_message() {
    let f = Fixture::new();
    std::fs::create_dir_all(f.path("in")).unwrap();
    let out = f.run(&["in"]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("broadsheet: error: no articles read"),
        "{}",
        out.stderr
    );
    // Only unreadable files: the message points at skipped.csv.
    f.file("empty.txt", "");
    let out = f.run(&["in"]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("the one input file was skipped; out/skipped.csv says why"),
        "{}",
        out.stderr
    );
    let help = f.run(&["--help"]);
    assert!(
        help.stdout.contains("3 no article read at all"),
        "{}",
        help.stdout
    );
}

#[test]
fn a_partial_only_run_with_no_articles_is_not_an_error() {
    // A shard of a small corpus may hold nothing: its partial is still a valid result.
    let f = Fixture::new();
    std::fs::create_dir_all(f.path("in")).unwrap();
    let out = f.run(&["in", "--partial", "p.part", "--out", "ignored-not-used"]);
    // --out with --partial writes reports too, so this one is an error...
    assert_eq!(out.code, 3, "{}", out.stderr);
    let mut cmd = assert_cmd::Command::cargo_bin("broadsheet").unwrap();
    let out = cmd
        .current_dir(f.path(""))
        .args(["in", "--partial", "p.part"])
        .output()
        .unwrap();
    // ...and without --out it is not.
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_summary_names_skipped_csv_when_files_are_skipped() {
    let f = Fixture::new();
    f.file("a.txt", "Title\n\nText here.");
    f.file("b.txt", "");
    let out = f.run(&["in"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("1 article read, 1 skipped (see out/skipped.csv),"),
        "{}",
        out.stderr
    );
    f.file("b.txt", "Title\n\nMore text.");
    let out = f.run(&["in"]);
    assert!(
        out.stderr.contains("2 articles read, 0 skipped,"),
        "{}",
        out.stderr
    );
}

#[test]
fn honorifics_and_reporting_words_are_left_out_and_hyphenated_names_are_one_word() {
    let f = Fixture::new();
    f.file(
        "a.txt",
        "Port talks\n\nMr Okonkwo-Reyes told reporters the port would reopen, according to \
         a statement. Dr Lee said the port was ready, Mrs Hale added.",
    );
    assert_eq!(f.run(&["in"]).code, 0);
    let mut w = words(&f);
    w.sort();
    // port (3), talks, okonkwo-reyes, reporters, reopen, ready, lee, hale; "the", "would",
    // "to", "a", "was" are stop words. 24 tokens: 2 in the title, 12 and 10 in the
    // sentences (Okonkwo-Reyes one of them), so port is 3 / 24 = 125,000 per million.
    assert_eq!(
        w,
        [
            "hale",
            "lee",
            "okonkwo-reyes",
            "port",
            "ready",
            "reopen",
            "reporters",
            "talks"
        ]
    );
    assert_eq!(
        read_csv(&f.out("words.csv"))[1],
        ["port", "3", "1", "125000.00"]
    );
    // --keep-stopwords keeps every word.
    assert_eq!(f.run(&["in", "--keep-stopwords"]).code, 0);
    let w = words(&f);
    for kept in [
        "mr",
        "told",
        "according",
        "statement",
        "dr",
        "said",
        "mrs",
        "added",
    ] {
        assert!(w.contains(&kept.to_string()), "{kept} missing: {w:?}");
    }
    assert!(!w.contains(&"okonkwo".to_string()));
}

#[test]
fn merge_on_a_folder_says_so_once_and_its_help_has_examples_and_exit_codes() {
    let f = Fixture::new();
    f.file("a.txt", "Title\n\nText.");
    let mut cmd = assert_cmd::Command::cargo_bin("broadsheet").unwrap();
    let out = cmd
        .current_dir(f.path(""))
        .args(["merge", "in", "--out", "out"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr.trim_end(),
        "broadsheet: error: in is a folder; merge reads the partial result files written \
         with --partial (for a folder of them: broadsheet merge in/*.part)"
    );
    let mut cmd = assert_cmd::Command::cargo_bin("broadsheet").unwrap();
    let out = cmd
        .current_dir(f.path(""))
        .args(["merge", "missing.part"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("No such file").count(),
        1,
        "the cause once: {stderr}"
    );

    let help = f.run(&["merge", "--help"]);
    assert!(help
        .stdout
        .contains("Examples:\n  broadsheet input --shard 1/2"));
    assert!(help.stdout.contains("Exit codes: 0"));
    // Without arguments, the usage shows what is required.
    let mut cmd = assert_cmd::Command::cargo_bin("broadsheet").unwrap();
    let out = cmd.current_dir(f.path("")).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("Usage: broadsheet [OPTIONS] <INPUT>...") && !stderr.contains("[INPUT]"),
        "{stderr}"
    );
}
