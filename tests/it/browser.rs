//! The overview page in a real browser: the page of a mixed run is loaded in headless
//! Chromium, every chart must load, and a screenshot is taken for a person to look at.
//!
//! It needs Chromium, so it is `#[ignore]`d with that reason: a plain `cargo test` lists it
//! as ignored (visibly, never a silent pass). `.ci/run` installs Chromium and runs it with
//! `--include-ignored`, and there a missing Chromium fails the test.

use crate::util::Fixture;
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let fixed = Path::new("/usr/bin/chromium");
    if fixed.exists() {
        return Some(fixed.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// Flags that run here: no sandbox (CI runs as root), nothing fetched from the network,
/// a fresh profile each time.
fn headless(bin: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
#[ignore = "needs Chromium (apt-get install chromium); .ci/run runs it with --include-ignored"]
fn index_page_loads_every_chart_in_chromium() {
    let bin = chromium().expect(
        "chromium not found (apt-get install chromium): index.html cannot be checked in a browser",
    );
    let f = Fixture::new();
    f.file(
        "a.txt",
        "---\ndate: 2019-03-04\noutlet: Ledger\n---\nPort Reopens\n\n\"We are back,\" said Mara Velde.\n",
    );
    f.file(
        "feed.jsonl",
        "{\"title\":\"Rates Held\",\"text\":\"\\\"Prices are easing,\\\" said Tomas Erlund in Leeds.\",\"date\":\"2019-04-02\",\"source\":\"Gazette\"}\n",
    );
    let out = f.run(&["in"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = f.out("index.html");
    let url = format!("file://{}", page.canonicalize().unwrap().display());

    let profile = tempfile::tempdir().unwrap();
    let dom = headless(&bin, profile.path())
        .args(["--virtual-time-budget=10000", "--dump-dom"])
        .arg(&url)
        .output()
        .expect("running chromium");
    let dom = String::from_utf8_lossy(&dom.stdout);
    // The page's own script writes data-images="loaded/total" once everything has loaded.
    // Five in the charts section, and women_quoted.png in the gender section.
    let charts = 6;
    assert!(
        dom.contains(&format!("data-images=\"{charts}/{charts}\"")),
        "not every chart loaded: {}",
        dom.lines()
            .find(|l| l.contains("<body"))
            .unwrap_or("no <body>")
    );
    assert_eq!(dom.matches("data-loaded=\"yes\"").count(), charts);
    assert!(!dom.contains("<p class=\"missing\">"));
    // The tables are there, with the script that sorts them.
    assert!(dom.contains("<th>speaker</th>") && dom.contains("table.sortable"));

    let shot_dir = std::env::var_os("BROADSHEET_SCREENSHOT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("broadsheet-browser-test"));
    std::fs::create_dir_all(&shot_dir).unwrap();
    let shot = shot_dir.join("index.png");
    let _ = std::fs::remove_file(&shot);
    let profile = tempfile::tempdir().unwrap();
    let status = headless(&bin, profile.path())
        .args(["--virtual-time-budget=10000", "--window-size=1280,2000"])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .expect("running chromium");
    assert!(status.status.success(), "{status:?}");
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    eprintln!("screenshot of index.html: {}", shot.display());
}
