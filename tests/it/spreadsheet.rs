//! The CSV files in a spreadsheet: when LibreOffice is installed (CI installs it), every
//! CSV of an `--excel` run is converted to .xlsx headless and cells are read back, proving
//! the columns split, numbers arrive as numbers, dates as ISO dates, and accented text
//! survives.
//!
//! It needs LibreOffice, so it is `#[ignore]`d with that reason: a plain `cargo test` lists
//! it as ignored (visibly, never a silent pass). `.ci/run` installs LibreOffice and runs it
//! with `--include-ignored`, and there a missing `soffice` fails the test.

use crate::util::Fixture;
use calamine::{open_workbook, Data, Reader, Xlsx};
use std::path::{Path, PathBuf};
use std::process::Command;

fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("soffice"))
        .find(|p| p.is_file())
}

/// The first sheet of a workbook as rows of cells.
fn sheet(path: &Path) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let range = wb
        .worksheet_range_at(0)
        .expect("a sheet")
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    d.to_string()
}

fn is_number(d: &Data) -> bool {
    matches!(d, Data::Int(_) | Data::Float(_))
}

#[test]
#[ignore = "needs LibreOffice (apt-get install libreoffice-calc-nogui); .ci/run runs it with --include-ignored"]
fn every_csv_opens_in_a_spreadsheet_with_split_columns_and_numbers() {
    let bin = soffice().expect(
        "soffice not found (apt-get install libreoffice-calc-nogui): CSV files cannot be checked in a spreadsheet",
    );
    let f = Fixture::new();
    f.file(
        "a.txt",
        "---\ndate: 2019-03-04\noutlet: Ledger\n---\nCafé Prices Rise in Zürich\n\n\"Prices are up, and so is rent,\" said Mara Velde.\n",
    );
    f.file(
        "feed.jsonl",
        "{\"title\":\"Rates Held\",\"text\":\"\\\"Prices are easing,\\\" said Tomas Erlund in Leeds. Prices in Leeds fell.\",\"date\":\"2019-04-02\",\"source\":\"Gazette\"}\n",
    );
    let out = f.run(&["in", "--excel", "--min-bigram", "1"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let csvs: Vec<PathBuf> = f
        .list("out")
        .into_iter()
        .filter(|n| n.ends_with(".csv"))
        .map(|n| f.out(&n))
        .collect();
    assert!(csvs.len() >= 12, "{csvs:?}");

    let xlsx = f.path("xlsx");
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new(bin)
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        // Comma-separated, double quotes, UTF-8 (76), from line 1: the choices of
        // LibreOffice's import dialog, which headless conversion cannot show (its default
        // character set is not UTF-8 whatever the locale, BOM or not).
        .arg("--infilter=CSV:44,34,76,1")
        .args(["--convert-to", "xlsx", "--outdir"])
        .arg(&xlsx)
        .args(&csvs)
        .output()
        .expect("running soffice");
    assert!(status.status.success(), "{status:?}");
    for csv in &csvs {
        let name = csv.file_stem().unwrap().to_string_lossy();
        assert!(
            xlsx.join(format!("{name}.xlsx")).exists(),
            "{name}.xlsx not written: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }

    // articles: 13 columns split; the title keeps its accents (the BOM says UTF-8);
    // counts are numbers; the date column holds 2019-03-04 (as a date or as that text).
    let articles = sheet(&xlsx.join("articles.xlsx"));
    assert_eq!(articles[0].len(), 13, "{:?}", articles[0]);
    assert_eq!(text(&articles[0][0]), "article");
    assert_eq!(text(&articles[0][10]), "date");
    assert_eq!(text(&articles[1][0]), "a.txt");
    assert_eq!(text(&articles[1][1]), "Café Prices Rise in Zürich");
    for (col, cell) in articles[1].iter().enumerate().take(8).skip(2) {
        assert!(is_number(cell), "column {col}: {cell:?}");
    }
    assert_eq!(text(&articles[1][9]), "Ledger");
    match &articles[1][10] {
        // Spreadsheet day 43528 is 2019-03-04 (days since 1899-12-30).
        Data::DateTime(d) => assert_eq!(d.as_f64(), 43528.0),
        other => assert_eq!(text(other), "2019-03-04"),
    }

    // words: "prices" 4 times (title, two quotes, "Prices in Leeds"), a number; the
    // decimal per_million is a number too.
    let words = sheet(&xlsx.join("words.xlsx"));
    assert_eq!(text(&words[0][3]), "per_million");
    assert_eq!(text(&words[1][0]), "prices");
    assert_eq!(words[1][1], Data::Float(4.0));
    assert!(is_number(&words[1][3]), "{:?}", words[1][3]);

    // speakers_by_outlet: one row per outlet, numbers in the count columns.
    let by_outlet = sheet(&xlsx.join("speakers_by_outlet.xlsx"));
    assert_eq!(by_outlet.len(), 3, "{by_outlet:?}");
    assert_eq!(text(&by_outlet[1][0]), "Gazette");
    assert!(is_number(&by_outlet[1][3]));

    // A quote with a comma inside stays one cell.
    let quotes = sheet(&xlsx.join("quotes.xlsx"));
    assert!(quotes
        .iter()
        .any(|r| text(&r[3]) == "Prices are up, and so is rent,"));
}
