//! The real binary on a fixture folder: shard-and-merge and JSON lines on standard input
//! give the reports of a single run, byte for byte; bad partials are refused by name.

use crate::util::Fixture;
use std::path::Path;

const ARTICLES: &[(&str, &str)] = &[
    (
        "world/talks.txt",
        "Leaders Meet in Leeds\n\nAmara Okonkwo-Reyes met Callum Vance in Leeds on Monday.\n\n\
         \"We will not back down,\" Okonkwo-Reyes said. Vance told reporters the talks went well.\n",
    ),
    (
        "world/port.txt",
        "Dockworkers Strike at Felixstowe\n\nDockworkers walked out at Felixstowe, the union said.\n\n\
         \u{201c}No deal is better than a bad deal,\u{201d} said Tobias Kendrick, the union leader.\n",
    ),
    (
        "business/energy.txt",
        "Energy Bills to Rise\n\nThe National Energy Regulator lifted the price cap.\n\n\
         \"We know this is painful news,\" the regulator said. Amara Okonkwo-Reyes called it a blow.\n",
    ),
    (
        "business/rates.txt",
        "Rates Held\n\nThe Bank of England held rates. Callum Vance said prices rose in Leeds.\n",
    ),
    (
        "sport/cup.txt",
        "Leeds Win the Cup\n\nLeeds beat Felixstowe Town. \"A great day,\" Kendrick said.\n",
    ),
    ("notes/empty.txt", "   \n"),
];

fn fixture() -> Fixture {
    let f = Fixture::new();
    for (path, text) in ARTICLES {
        f.file(path, text);
    }
    f.bytes("in/scan.pdf", b"%PDF-1.4");
    f
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs the binary in the fixture folder with exactly these arguments.
fn run(f: &Fixture, args: &[&str], stdin: &[u8]) -> Run {
    let out = assert_cmd::Command::cargo_bin("broadsheet")
        .unwrap()
        .current_dir(f.path(""))
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every file of two report folders is the same, byte for byte.
fn same_reports(a: &Path, b: &Path) {
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(a), names(b));
    // The fixture's reports, gender.csv and women_quoted.png among them.
    assert_eq!(names(a).len(), 17);
    for n in names(a) {
        let (x, y) = (
            std::fs::read(a.join(&n)).unwrap(),
            std::fs::read(b.join(&n)).unwrap(),
        );
        assert!(
            x == y,
            "{n} differs:\n{}\n---\n{}",
            String::from_utf8_lossy(&x),
            String::from_utf8_lossy(&y)
        );
    }
}

fn header_count(partial: &[u8], key: &str) -> usize {
    let text = String::from_utf8_lossy(&partial[..200.min(partial.len())]).into_owned();
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key} ")))
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn shards_merged_in_any_order_give_the_single_run_reports() {
    let f = fixture();
    assert_eq!(run(&f, &["in", "--out", "single", "-q"], b"").code, 1);
    let mut articles = 0;
    let mut skipped = 0;
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let part = format!("p{k}.part");
        let r = run(&f, &["in", "--shard", &shard, "--partial", &part], b"");
        assert!(r.code <= 1, "{}", r.stderr);
        assert!(r.stderr.contains(&format!("partial result in {part}")));
        let bytes = std::fs::read(f.path(&part)).unwrap();
        assert!(bytes.starts_with(b"broadsheet partial\nformat 4\n"));
        articles += header_count(&bytes, "articles");
        skipped += header_count(&bytes, "skipped");
    }
    // Every file is in exactly one shard: 5 articles; the empty file and the PDF skipped.
    assert_eq!((articles, skipped), (5, 2));
    // Partials alone write no reports.
    assert!(!f.path("reports").exists());
    let r = run(
        &f,
        &["merge", "p3.part", "p1.part", "p2.part", "--out", "merged"],
        b"",
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("5 articles read, 2 skipped"),
        "{}",
        r.stderr
    );
    same_reports(&f.path("single"), &f.path("merged"));
}

#[test]
fn json_lines_on_stdin_give_the_reports_of_the_same_files() {
    let f = fixture();
    let articles: Vec<&(&str, &str)> = ARTICLES
        .iter()
        .filter(|a| a.0 != "notes/empty.txt")
        .collect();
    for (path, text) in &articles {
        f.file(&format!("in/only/{path}"), text);
    }
    assert_eq!(run(&f, &["in/only", "--out", "single", "-q"], b"").code, 0);
    // Title given apart from the text for some records, as part of it for others.
    let mut jsonl = String::new();
    for (i, (path, text)) in articles.iter().enumerate() {
        let record = if i % 2 == 0 {
            let (title, body) = text.split_once("\n\n").unwrap();
            serde_json::json!({"id": path, "title": title, "text": body, "lang": "en"})
        } else {
            serde_json::json!({"id": path, "text": text})
        };
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
    }
    // Through a partial on stdout, in two shards.
    for k in 1..=2 {
        let shard = format!("{k}/2");
        let r = run(
            &f,
            &["--stdin-jsonl", "--shard", &shard, "--partial", "-"],
            jsonl.as_bytes(),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        std::fs::write(f.path(&format!("j{k}.part")), &r.stdout).unwrap();
    }
    let r = run(
        &f,
        &["merge", "j2.part", "j1.part", "--out", "merged", "-q"],
        b"",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    same_reports(&f.path("single"), &f.path("merged"));
    // And straight to reports.
    let r = run(
        &f,
        &["--stdin-jsonl", "--out", "direct", "-q"],
        jsonl.as_bytes(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    same_reports(&f.path("single"), &f.path("direct"));
}

#[test]
fn bad_json_lines_and_repeated_ids_are_skipped_with_a_reason() {
    let f = Fixture::new();
    let input = "{\"id\":\"a\",\"title\":\"Talks\",\"text\":\"Vance spoke.\"}\n\
                 not json\n\
                 \n\
                 {\"id\":\"a\",\"text\":\"Again\\n\\nSame id.\"}\n\
                 {\"id\":7,\"text\":\"\"}\n";
    let r = run(
        &f,
        &["--stdin-jsonl", "--out", "out", "-q"],
        input.as_bytes(),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let skipped = std::fs::read_to_string(f.out("skipped.csv")).unwrap();
    let lines: Vec<&str> = skipped.lines().collect();
    assert_eq!(lines[0], "path,reason,line");
    assert_eq!(lines[1], "7,empty: no text,");
    assert!(
        lines[2].starts_with("<stdin>,bad record: not valid JSON: ") && lines[2].ends_with(",2"),
        "{skipped}"
    );
    assert_eq!(
        lines[3],
        "a,\"bad record: duplicate id \"\"a\"\", first seen on line 1\",4"
    );
    assert_eq!(lines.len(), 4, "{skipped}");
    let articles = std::fs::read_to_string(f.out("articles.csv")).unwrap();
    assert!(articles.contains("\na,Talks,"), "{articles}");
}

#[test]
fn merge_refuses_what_it_cannot_merge_and_names_the_file() {
    let f = fixture();
    assert!(run(&f, &["in", "--partial", "all.part"], b"").code <= 1);
    f.file("notes.txt", "hello\n");
    let r = run(
        &f,
        &["merge", "all.part", "in/notes.txt", "--out", "m"],
        b"",
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("in/notes.txt: not a broadsheet partial"),
        "{}",
        r.stderr
    );
    // The same articles twice.
    let r = run(&f, &["merge", "all.part", "all.part", "--out", "m"], b"");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is in both all.part and all.part"),
        "{}",
        r.stderr
    );
    // Another format or tool version.
    let bytes = std::fs::read(f.path("all.part")).unwrap();
    let mut v1 = b"broadsheet partial\nformat 1\n".to_vec();
    v1.extend_from_slice(&bytes[b"broadsheet partial\nformat 4\n".len()..]);
    std::fs::write(f.path("v1.part"), v1).unwrap();
    let r = run(&f, &["merge", "v1.part", "--out", "m"], b"");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("v1.part: partial format version 1, but this broadsheet reads version 4"),
        "{}",
        r.stderr
    );
    // Other stop words.
    assert!(
        run(
            &f,
            &[
                "in",
                "--keep-stopwords",
                "--shard",
                "1/2",
                "--partial",
                "k.part"
            ],
            b""
        )
        .code
            <= 1
    );
    let r = run(&f, &["merge", "all.part", "k.part", "--out", "m"], b"");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("k.part: made with other stop words than all.part"),
        "{}",
        r.stderr
    );
    assert!(!f.path("m/words.csv").exists());
}

#[test]
fn partial_and_reports_together_and_bad_shards() {
    let f = fixture();
    let r = run(
        &f,
        &["in", "--partial", "p.part", "--out", "both", "-q"],
        b"",
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(f.path("p.part").exists() && f.path("both/words.csv").exists());
    let r = run(&f, &["in", "--shard", "4/3", "--partial", "x.part"], b"");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("'4/3' is not K/N"), "{}", r.stderr);
    let r = run(&f, &["merge", "--out", "m"], b"");
    assert_eq!(r.code, 2);
}

#[test]
fn merge_writes_the_same_reports_at_any_jobs_and_refuses_too_many_threads() {
    let f = fixture();
    assert_eq!(run(&f, &["in", "--out", "single", "-q"], b"").code, 1);
    for k in 1..=2 {
        let (shard, part) = (format!("{k}/2"), format!("p{k}.part"));
        let r = run(
            &f,
            &["in", "--shard", &shard, "--partial", &part, "-q"],
            b"",
        );
        assert!(r.code <= 1, "{}", r.stderr);
    }
    for jobs in ["1", "2", "3"] {
        let out = format!("merged-{jobs}");
        let r = run(
            &f,
            &[
                "merge", "p2.part", "p1.part", "--out", &out, "--jobs", jobs, "-q",
            ],
            b"",
        );
        // The empty file and the PDF were skipped by the shards: exit code 1, as for a run.
        assert_eq!(r.code, 1, "--jobs {jobs}: {}", r.stderr);
        same_reports(&f.path("single"), &f.path(&out));
    }
    // The analysis's limit, as a usage error before anything is written.
    let r = run(
        &f,
        &["merge", "p1.part", "--out", "m", "--jobs", "1025"],
        b"",
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("limit of 1024"), "{}", r.stderr);
    assert!(!f.path("m").exists());
}
