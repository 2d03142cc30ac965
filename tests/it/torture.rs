//! Hostile input: every kind of bad or strange file in one folder, run through the real
//! binary. Each file must end up in exactly one of articles.csv or skipped.csv with the
//! expected outcome, the run must finish, and every CSV must parse.

use crate::util::{read_csv, Fixture};
use std::collections::BTreeMap;

/// Big inputs are smaller in debug builds, which are ~20x slower; the README's test command
/// (`cargo test --release`) runs them at full size.
const BIG: usize = if cfg!(debug_assertions) {
    5_000_000
} else {
    50_000_000
};

fn outcomes(f: &Fixture) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for row in read_csv(&f.out("articles.csv")).into_iter().skip(1) {
        let previous = out.insert(row[0].clone(), format!("read {}", row[8]));
        assert!(previous.is_none(), "{} listed twice", row[0]);
    }
    for row in read_csv(&f.out("skipped.csv")).into_iter().skip(1) {
        let reason = row[1].split(':').next().unwrap().to_string();
        let previous = out.insert(row[0].clone(), format!("skipped {reason}"));
        assert!(previous.is_none(), "{} listed twice", row[0]);
    }
    out
}

#[test]
fn every_file_is_accounted_for_and_nothing_breaks() {
    let f = Fixture::new();
    // Encodings and line ends.
    f.file("enc/utf8.txt", "Title\n\nCafé au lait.");
    f.bytes("enc/utf8-bom.txt", b"\xEF\xBB\xBFTitle\n\nText here.");
    let utf16: Vec<u8> = "Title\n\nText here."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    f.bytes("enc/utf16le.txt", &[&[0xFF, 0xFE][..], &utf16].concat());
    let utf16be: Vec<u8> = "Title\n\nText here."
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    f.bytes("enc/utf16be.txt", &[&[0xFE, 0xFF][..], &utf16be].concat());
    f.bytes(
        "enc/latin1.txt",
        b"Title\n\nA \xA35 rise in caf\xE9 prices.",
    );
    f.file("lines/crlf.txt", "Title\r\n\r\nOne.\r\n\r\nTwo.\r\n");
    f.file("lines/cr.txt", "Title\r\rOne.\r\rTwo.");
    // Not articles.
    f.file("bad/empty.txt", "");
    f.file("bad/blank.txt", " \n\t\n\r\n");
    f.bytes("bad/nul.txt", b"Title\n\nText\0with a NUL");
    f.file("bad/image.png", "not really");
    // Degenerate text.
    f.file("odd/one-line.txt", &"word ".repeat(BIG / 5));
    f.file(
        "odd/long-word.txt",
        &format!("Title\n\n{}", "a".repeat(1_000_000)),
    );
    f.file(
        "odd/quotes.txt",
        &format!(
            "Title\n\n{}",
            "\"He said \u{201c} yes \u{201d} \" no ' ''".repeat(3000)
        ),
    );
    // A whole archive run together in one file: tens of thousands of distinct names.
    let archive: String = (0..BIG / 2_000)
        .map(|i| format!("Mr Qx{i} Zy{i} met Ms Wv{i} of Kl{i} Corp in Paris.\n\n"))
        .collect();
    f.file("odd/archive.txt", &format!("Archive\n\n{archive}"));
    f.file(
        "odd/scripts.txt",
        "Emoji 🎉 test\n\nParty 🎉🎉 time. Cafe\u{301} re\u{301}sume\u{301}. \
         مرحبا بالعالم. שלום עולם. 東京で会議.",
    );
    f.file(
        "odd/html.txt",
        "<html><body>\n\n<p>Prime Minister <b>Jane Doe</b> said \"<i>hello</i>\".</p>\n\n</body></html>",
    );
    f.file(
        "odd/formula.txt",
        "=HYPERLINK(\"http://x\",\"click\")\n\n@SUM(1+1) said \"=1+2\", she said.",
    );
    // Documents that are not text, whatever their name says.
    f.bytes(
        "bin/report.pdf",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< >>",
    );
    f.bytes(
        "bin/letter.docx",
        b"PK\x03\x04\x14\0\x06\0[Content_Types].xmlPK\x03\x04word/document.xml",
    );
    f.bytes("bin/scan.txt", b"%PDF-1.4\n\xFF\xFE binary");
    f.bytes("bin/photo.jpg.txt", b"\xFF\xD8\xFF\xE0\0\x10JFIF");
    // An earlier run's reports and a partial result.
    f.file(
        "old/words.csv",
        "word,count,articles,per_million\nport,3,1,1000.00\n",
    );
    f.file(
        "old/mentions.csv",
        "article,start,end,mention,entity,type\na.txt,0,4,Port,Port,PLACE\n",
    );
    f.file("old/p1.part", "broadsheet partial\nformat 2\n\n");
    // Saved web pages: clean, broken, mis-encoded, and all script.
    f.file(
        "web/page.html",
        "<html><head><title>Rates held</title><script>var x = '=cmd';</script></head>\
         <body><nav><p>Menu</p></nav><p>The bank held rates, Ana Ruiz said.</p></body></html>",
    );
    f.file(
        "web/broken.html",
        "<p>Unclosed <b>tags <div><p>and <i>more</table></p>",
    );
    f.bytes(
        "web/latin1.htm",
        b"<html><body><h1>Caf\xE9 prices</h1><p>A \xA35 rise.</p></body></html>",
    );
    f.file(
        "web/only-script.html",
        "<html><head><script>alert(1)</script></head><body></body></html>",
    );
    // Records whose cells a spreadsheet would run, and a giant title.
    f.file(
        "records/formula.csv",
        "title,text\n\"=cmd|' /C calc'!A0\",\"+SUM(A1) and -x and @y, in text.\"\n",
    );
    f.file(
        "records/formula.jsonl",
        &format!(
            "{{\"title\":\"@import {}\",\"text\":\"-1+2 is the body.\"}}\n",
            "t".repeat(40_000)
        ),
    );
    // Awkward names.
    f.file("names/with, comma.txt", "Title\n\nText.");
    f.file("names/with \"quotes\".txt", "Title\n\nText.");
    f.file("names/with\nnewline.txt", "Title\n\nText.");
    // A deep folder.
    let deep = (0..100)
        .map(|i| format!("d{i}"))
        .collect::<Vec<_>>()
        .join("/");
    f.file(&format!("{deep}/deep.txt"), "Title\n\nDeep text.");

    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        std::fs::create_dir_all(f.path("in/links")).unwrap();
        symlink(f.path("in/links"), f.path("in/links/loop")).unwrap();
        symlink(f.path("in/enc/utf8.txt"), f.path("in/links/alias.txt")).unwrap();
        symlink(f.path("in/nowhere.txt"), f.path("in/links/dangling.txt")).unwrap();
        let fifo = f.path("in/special/fifo.txt");
        std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
    }

    let out = f.run(&["in", "--max-file-size", "100"]);
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    let got = outcomes(&f);
    let expect = |name: &str, outcome: &str| {
        assert_eq!(
            got.get(name).map(String::as_str),
            Some(outcome),
            "{name}; all outcomes: {got:#?}"
        );
    };
    expect("enc/utf8.txt", "read utf-8");
    expect("enc/utf8-bom.txt", "read utf-8-bom");
    expect("enc/utf16le.txt", "read utf-16le");
    expect("enc/utf16be.txt", "read utf-16be");
    expect("enc/latin1.txt", "read windows-1252");
    expect("lines/crlf.txt", "read utf-8");
    expect("lines/cr.txt", "read utf-8");
    expect("bad/empty.txt", "skipped empty");
    expect("bad/blank.txt", "skipped empty");
    expect("bad/nul.txt", "skipped binary");
    expect("bad/image.png", "skipped not an article");
    for name in [
        "one-line",
        "long-word",
        "quotes",
        "scripts",
        "html",
        "formula",
    ] {
        expect(&format!("odd/{name}.txt"), "read utf-8");
    }
    for name in ["report.pdf", "letter.docx", "scan.txt", "photo.jpg.txt"] {
        expect(&format!("bin/{name}"), "skipped binary");
    }
    for name in ["words.csv", "mentions.csv", "p1.part"] {
        expect(
            &format!("old/{name}"),
            "skipped broadsheet report, not articles",
        );
    }
    expect("web/page.html", "read utf-8");
    expect("web/broken.html", "read utf-8");
    expect("web/latin1.htm", "read windows-1252");
    expect("web/only-script.html", "skipped empty");
    expect("records/formula.csv#2", "read utf-8");
    expect("records/formula.jsonl#1", "read utf-8");
    expect("names/with, comma.txt", "read utf-8");
    expect("names/with \"quotes\".txt", "read utf-8");
    expect("names/with\nnewline.txt", "read utf-8");
    expect(&format!("{deep}/deep.txt"), "read utf-8");
    #[cfg(unix)]
    {
        expect("links/alias.txt", "read utf-8");
        expect("links/dangling.txt", "skipped unreadable");
        expect("links/loop", "skipped unreadable");
        expect(
            "special/fifo.txt",
            "skipped not a regular file (device, FIFO or socket)",
        );
    }

    // Paragraphs survive CRLF and lone CR line ends: title + 2 paragraphs.
    let articles = read_csv(&f.out("articles.csv"));
    for name in ["lines/crlf.txt", "lines/cr.txt"] {
        let row = articles.iter().find(|r| r[0] == name).unwrap();
        assert_eq!(row[5], "3", "{name} paragraphs");
    }
    // A spreadsheet would run a title starting with '='; it is neutralised.
    let formula = articles.iter().find(|r| r[0] == "odd/formula.txt").unwrap();
    assert!(formula[1].starts_with("'="), "{:?}", formula[1]);

    // Every file of the folder is accounted for: read (whole, or as records named
    // `file#...`) or skipped.
    for file in files_under(&f.path("in"), "") {
        let by_record = format!("{file}#");
        assert!(
            got.contains_key(&file) || got.keys().any(|k| k.starts_with(&by_record)),
            "{file:?} is neither read nor skipped"
        );
    }

    // Every report parses as CSV with a consistent number of fields, and no cell is
    // longer than a spreadsheet holds or would run as a formula.
    for name in f.list("out") {
        if name.ends_with(".csv") {
            let rows = read_csv(&f.out(&name));
            assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{name}");
            for cell in rows.iter().flatten() {
                assert!(cell.chars().count() <= 32_767, "{name}: a giant cell");
                let runs = cell.starts_with(['=', '+', '@', '\t', '\r'])
                    || (cell.starts_with('-') && cell.parse::<f64>().is_err());
                assert!(!runs, "{name}: a cell a spreadsheet would run: {cell:.80}");
            }
        }
    }
    let titles: Vec<&String> = articles.iter().map(|r| &r[1]).collect();
    // Titles are cut at 300 characters (a formula guard's ' aside).
    assert!(
        titles
            .iter()
            .all(|t| t.trim_start_matches('\'').chars().count() <= 300),
        "a title over 300 characters"
    );
}

/// Every file under `dir` (symbolic links and special files included, not followed), as
/// a path relative to the input folder.
fn files_under(dir: &std::path::Path, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            out.extend(files_under(&entry.path(), &format!("{name}/")));
        } else {
            out.push(name);
        }
    }
    out
}

#[test]
fn files_over_the_size_limit_are_skipped_with_that_reason() {
    let f = Fixture::new();
    f.file("small.txt", "Title\n\nText.");
    f.file(
        "large.txt",
        &format!("Title\n\n{}", "word ".repeat(400_000)),
    );
    let out = f.run(&["in", "--max-file-size", "1"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let skipped = read_csv(&f.out("skipped.csv"));
    assert_eq!(skipped.len(), 2);
    assert_eq!(skipped[1][0], "large.txt");
    assert!(
        skipped[1][1].starts_with("too large: 2000007 bytes"),
        "{:?}",
        skipped[1]
    );
}

#[test]
fn raw_csv_keeps_cells_exactly() {
    let f = Fixture::new();
    f.file("a.txt", "=1+2 headline\n\nText.");
    assert_eq!(f.run(&["in", "--raw-csv"]).code, 0);
    let articles = read_csv(&f.out("articles.csv"));
    assert_eq!(articles[1][1], "=1+2 headline");
}

/// Every report file in the fixture's `out/`, by name, with its bytes.
fn snapshot(f: &Fixture) -> BTreeMap<String, Vec<u8>> {
    f.list("out")
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(f.out(&name)).unwrap();
            (name, bytes)
        })
        .collect()
}

/// A corpus whose `words.csv` is large (thousands of distinct words), so a write limit
/// well above the smallest reports still stops the run partway through writing.
fn many_words(f: &Fixture, seed: &str) {
    let words: Vec<String> = (0..6000).map(|i| format!("{seed}word{i}")).collect();
    f.file("many.txt", &format!("Many words\n\n{}.", words.join(" ")));
}

#[cfg(unix)]
#[test]
fn a_failed_write_is_an_error_and_the_previous_reports_stay_whole() {
    let f = Fixture::new();
    f.file("a.txt", "First\n\nThe council met on Monday.");
    assert_eq!(f.run(&["in"]).code, 0);
    let before = snapshot(&f);

    // The next run has much more to write, under a 64 KB file size limit (as on a full
    // disk, writes fail with an error part way through the reports).
    many_words(&f, "x");
    let bin = assert_cmd::cargo::cargo_bin("broadsheet");
    let out = std::process::Command::new("bash")
        .current_dir(f.path(""))
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 64; exec \"$0\" in --out out --quiet")
        .arg(&bin)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("cannot write report") && stderr.contains("out/"),
        "the message names the report: {stderr}"
    );
    assert_eq!(
        snapshot(&f),
        before,
        "previous reports changed or temp files left"
    );
}

#[cfg(unix)]
#[test]
fn a_killed_run_leaves_the_previous_reports_and_the_next_run_tidies_up() {
    let f = Fixture::new();
    f.file("a.txt", "First\n\nThe council met on Monday.");
    assert_eq!(f.run(&["in"]).code, 0);
    let before = snapshot(&f);

    // Enough text that the run is still going when it is killed.
    let para = "Mayor Ann Quill said \"the river is rising\" as the Quill Trust met. ";
    for i in 0..40 {
        f.file(
            &format!("big{i}.txt"),
            &format!("Big\n\n{}", para.repeat(20_000)),
        );
    }
    // A temp file left by an earlier killed run: the next run removes it.
    f.file("out/.broadsheet-AbC123.tmp", "half a report");
    let before_with_stale = snapshot(&f);
    // TERM for an interruption the program could see, KILL for one it cannot. (Not INT:
    // a test suite started in the background by a non-interactive shell inherits SIGINT
    // ignored, and the run then finishes instead of stopping.)
    for signal in ["TERM", "KILL"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("broadsheet"))
            .current_dir(f.path(""))
            .args(["in", "--out", "out", "--quiet", "--jobs", "1"])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        let finished = child.try_wait().unwrap();
        assert!(
            finished.is_none(),
            "the run ended before it could be killed"
        );
        let killed = std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert!(!status.success(), "{signal}: {status:?}");
        let after = snapshot(&f);
        // The stale temp file may already be gone (the run removes it first); every
        // report is byte for byte the previous one.
        let reports = |s: &BTreeMap<String, Vec<u8>>| {
            s.iter()
                .filter(|(n, _)| !n.starts_with(".broadsheet-"))
                .map(|(n, b)| (n.clone(), b.clone()))
                .collect::<BTreeMap<_, _>>()
        };
        assert_eq!(reports(&after), reports(&before), "{signal}");
    }
    assert_ne!(before_with_stale, before);
    // A complete run afterwards: no temp files of any run are left.
    for i in 0..40 {
        std::fs::remove_file(f.path(&format!("in/big{i}.txt"))).unwrap();
    }
    assert_eq!(f.run(&["in"]).code, 0);
    assert_eq!(snapshot(&f), before);
}
