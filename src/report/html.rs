//! `index.html`: the page a user opens after a run. One file, no network: inline CSS, a
//! few lines of inline JS (sortable tables, a record of which charts loaded), the charts
//! by relative link to the PNGs beside it, and the top rows of every table with a link to
//! the full CSV. Built from the rendered report files themselves, so the page shows
//! exactly what the files say, and contains nothing that varies between runs (no clock).

use super::escape_markup as esc;
use super::truncate;
use super::OutputFile;
use std::fmt::Write;

/// Rows of each table shown on the page.
pub const PREVIEW_ROWS: usize = 10;

/// What the page shows of a table: its first rows and how many there are. Made here, by
/// the page that reads it, from a table written in full ([`Preview::of`]) or, for the
/// per-article tables streamed to disk, from the rows kept as they were written.
#[derive(Debug, Clone)]
pub struct Preview {
    pub name: &'static str,
    /// The header and at least the first [`PREVIEW_ROWS`] rows (or all), as written (no
    /// byte-order mark).
    pub head: Vec<u8>,
    pub rows: usize,
}

impl Preview {
    /// The preview of a table written in full.
    pub fn of(name: &'static str, bytes: &[u8], rows: usize) -> Preview {
        Preview {
            name,
            head: head_of(bytes, PREVIEW_ROWS),
            rows,
        }
    }
}

/// The header and first `n` rows of CSV bytes, cut at a record boundary.
fn head_of(bytes: &[u8], n: usize) -> Vec<u8> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rec = csv::ByteRecord::new();
    for _ in 0..=n {
        match r.read_byte_record(&mut rec) {
            Ok(true) => {}
            _ => return bytes.to_vec(),
        }
    }
    let end = r.position().byte() as usize;
    bytes[..end.min(bytes.len())].to_vec()
}

/// The figures of the summary box, in display order: (label, value).
pub type Facts = Vec<(&'static str, String)>;

/// Tables in the order a reader wants them, with one line on what each holds. Tables not
/// listed here (none today) are shown after these, in name order.
const TABLES: &[(&str, &str)] = &[
    ("speakers.csv", "Who is quoted most"),
    (
        "speakers_by_outlet.csv",
        "Quotes per speaker in each outlet",
    ),
    ("words.csv", "The most frequent words (stop words removed)"),
    ("words_by_day.csv", "Each day's most frequent words"),
    ("words_by_week.csv", "Each week's most frequent words"),
    ("words_by_month.csv", "Each month's most frequent words"),
    ("bigrams.csv", "Frequent two-word phrases"),
    (
        "entities.csv",
        "People, organisations and places, aliases merged",
    ),
    ("cooccurrence.csv", "Entities seen together"),
    ("quotes.csv", "Every direct quotation"),
    ("articles.csv", "The articles read"),
    ("keywords.csv", "Each article's distinctive words (TF-IDF)"),
    ("mentions.csv", "Every mention of an entity"),
    (
        "skipped.csv",
        "Files, lines and rows not read, with the reason",
    ),
];

/// The tables of the gender section, shown right after its chart and statement rather
/// than among the other tables.
const GENDER_TABLES: &[(&str, &str)] = &[
    (
        "gender.csv",
        "People named and sources quoted by gender, each counted once per article: the whole corpus, then each outlet",
    ),
    ("gender_by_day.csv", "The same for each day"),
    ("gender_by_week.csv", "The same for each week"),
    ("gender_by_month.csv", "The same for each month"),
];

const GENDER_CHART: &str = "women_quoted.png";

/// What the gender columns rest on and what they cannot say, for a reader who will quote
/// the shares: said once, beside them.
const GENDER_STATEMENT: &str = "broadsheet takes a person's gender only \
from what the articles say about them: an honorific before the name (Ms, Mrs, Mr, Sir, Dame \
…), a gendered role noun beside it (\u{201c}his wife, Ana Ruiz\u{201d}, \u{201c}Ruiz, a \
mother of two\u{201d}), or pronouns that can refer to no one else. Only when the text says \
nothing does a first name decide, and only one that the name list (US Census 1990) gives to \
one gender at least 90% of the time. Anything else, including evidence that points both \
ways, is unknown: it never guesses. It cannot see non-binary identities or how anyone \
describes themselves, and it is wrong where an article is. Unknowns are counted in the \
tables but left out of every share, so a share is of the women and men whose gender the \
text gives; the chart shows how many those are, and marks a share of fewer than {small} \
with *. \
People are those an article names, sources those it quotes or reports speaking; each \
counts once per article.";

const CHARTS: &[(&str, &str)] = &[
    ("top_speakers.png", "Top speakers"),
    ("speakers_by_outlet.png", "Top speakers by outlet"),
    ("top_words.png", "Top words"),
    ("words_over_time.png", "Top words over time"),
    ("cooccurrence_heatmap.png", "Entities seen together"),
];

const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#222;background:#f6f6f4}
header{background:#1f3b57;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:24px}header p{margin:4px 0 0;opacity:.85}
main{max-width:1240px;margin:0 auto;padding:12px 24px 40px}
nav{margin:12px 0;display:flex;flex-wrap:wrap;gap:4px 14px}nav a{color:#1f3b57}
section{background:#fff;border:1px solid #ddd;border-radius:6px;margin:18px 0;padding:14px 18px}
h2{font-size:19px;margin:0 0 8px}h3{font-size:16px;margin:0}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
.fact{background:#f0f4f8;border-radius:4px;padding:8px 10px}
.fact b{display:block;font-size:20px}.fact span{font-size:13px;color:#555}
#charts .grid{display:grid;grid-template-columns:1fr;gap:8px 18px}
figure{margin:10px 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{color:#555;font-size:13px}
.table-head{display:flex;justify-content:space-between;align-items:baseline;gap:12px}
.note{color:#666;font-size:13px;margin:2px 0 6px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e4e4e4;padding:4px 8px;text-align:left;vertical-align:top;max-width:420px;overflow-wrap:anywhere}
th{background:#f3f3f3;cursor:pointer;user-select:none;white-space:nowrap}
th[data-dir=asc]::after{content:' \\25B2'}th[data-dir=desc]::after{content:' \\25BC'}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.num,td.date{white-space:nowrap;overflow-wrap:normal}
.missing{color:#a00}
#gender-csv td:first-child{min-width:11em;overflow-wrap:normal}
";

/// Sorts a table when a header is clicked (numbers as numbers), and records on each chart
/// whether it loaded (`data-loaded`), with a count on `<body data-images>`: a broken chart
/// is named on the page instead of showing an empty frame.
const SCRIPT: &str = "
document.querySelectorAll('table.sortable th').forEach(function(th){
  th.addEventListener('click',function(){
    var table=th.closest('table'),body=table.tBodies[0],i=th.cellIndex;
    var dir=th.dataset.dir==='desc'?'asc':'desc';
    table.querySelectorAll('th').forEach(function(h){delete h.dataset.dir;});
    th.dataset.dir=dir;
    var rows=Array.prototype.slice.call(body.rows);
    var num=rows.every(function(r){var t=r.cells[i].textContent;return t===''||!isNaN(Number(t));});
    rows.sort(function(a,b){
      var x=a.cells[i].textContent,y=b.cells[i].textContent;
      var c=num?(Number(x)-Number(y)):x.localeCompare(y);
      return dir==='asc'?c:-c;});
    rows.forEach(function(r){body.appendChild(r);});
  });
});
window.addEventListener('load',function(){
  var imgs=document.querySelectorAll('img'),ok=0;
  imgs.forEach(function(img){
    var loaded=img.complete&&img.naturalWidth>0;
    img.dataset.loaded=loaded?'yes':'no';
    if(loaded){ok++;}else{
      var p=document.createElement('p');p.className='missing';
      p.textContent='Chart missing: '+img.getAttribute('src');img.after(p);}
  });
  document.body.dataset.images=ok+'/'+imgs.length;
});
";

/// Renders the page from the other reports (`names`: every file written; `tables`: the
/// head of each CSV) and the run's figures.
pub fn index(names: &[&str], tables: &[Preview], facts: &Facts) -> anyhow::Result<OutputFile> {
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(super::GENERATOR_META);
    h.push_str("\n<title>broadsheet report</title>\n<style>");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n<body>\n<header><h1>broadsheet report</h1>");
    let _ = write!(
        h,
        "<p>{} &middot; broadsheet {}</p></header>\n<main>\n",
        esc(&headline(facts)),
        env!("CARGO_PKG_VERSION")
    );

    let charts: Vec<(&str, &str)> = CHARTS
        .iter()
        .filter(|(name, _)| names.contains(name))
        .copied()
        .collect();
    let files = tables;
    let mut tables: Vec<(&Preview, &str)> = TABLES
        .iter()
        .filter_map(|(name, note)| files.iter().find(|f| f.name == *name).map(|f| (f, *note)))
        .collect();
    let gender_tables: Vec<(&Preview, &str)> = GENDER_TABLES
        .iter()
        .filter_map(|(name, note)| files.iter().find(|f| f.name == *name).map(|f| (f, *note)))
        .collect();
    let listed = |name: &str| TABLES.iter().chain(GENDER_TABLES).any(|(n, _)| *n == name);
    let mut others: Vec<&Preview> = files.iter().filter(|f| !listed(f.name)).collect();
    others.sort_by_key(|f| f.name);
    tables.extend(others.into_iter().map(|f| (f, "")));

    let gender = names.contains(&GENDER_CHART) || !gender_tables.is_empty();
    h.push_str("<nav><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>");
    if gender {
        h.push_str("<a href=\"#gender\">Women and men</a>");
    }
    for (f, _) in gender_tables.iter().chain(&tables) {
        let _ = write!(h, "<a href=\"#{}\">{}</a>", anchor(f.name), esc(f.name));
    }
    h.push_str("</nav>\n");

    h.push_str("<section id=\"summary\"><h2>Summary</h2><div class=\"facts\">\n");
    for (label, value) in facts {
        let _ = writeln!(
            h,
            "<div class=\"fact\"><b>{}</b><span>{}</span></div>",
            esc(value),
            esc(label)
        );
    }
    h.push_str("</div></section>\n");

    h.push_str("<section id=\"charts\"><h2>Charts</h2><div class=\"grid\">\n");
    for (name, caption) in &charts {
        let _ = writeln!(
            h,
            "<figure><img src=\"{0}\" alt=\"{1}\"><figcaption>{1} &middot; <a href=\"{0}\">{0}</a></figcaption></figure>",
            esc(name),
            esc(caption)
        );
    }
    h.push_str("</div>\n");
    for name in names.iter().filter(|n| n.ends_with(".gexf")) {
        let _ = writeln!(
            h,
            "<p class=\"note\">The co-occurrence network for Gephi: <a href=\"{0}\">{0}</a></p>",
            esc(name)
        );
    }
    h.push_str("</section>\n");

    if gender {
        h.push_str("<section id=\"gender\"><h2>Women and men among people and sources</h2>\n");
        if names.contains(&GENDER_CHART) {
            let _ = writeln!(
                h,
                "<figure><img src=\"{0}\" alt=\"Share of women among sources and people\"><figcaption>Share of women among sources and people &middot; <a href=\"{0}\">{0}</a></figcaption></figure>",
                GENDER_CHART
            );
        }
        let statement =
            GENDER_STATEMENT.replace("{small}", &super::gender::SMALL_DENOMINATOR.to_string());
        let _ = writeln!(h, "<p><b>How gender is read.</b> {}</p>", esc(&statement));
        h.push_str("</section>\n");
    }
    for (f, note) in gender_tables.iter().chain(&tables) {
        table(&mut h, f, note)?;
    }
    h.push_str("</main>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body>\n</html>\n");
    Ok(OutputFile {
        name: "index.html",
        bytes: h.into_bytes(),
    })
}

fn headline(facts: &Facts) -> String {
    let get = |k: &str| {
        facts
            .iter()
            .find(|(l, _)| *l == k)
            .map_or("0", |(_, v)| v.as_str())
    };
    format!(
        "{} articles, {} words, {} quotations",
        get("articles read"),
        get("words"),
        get("quotations")
    )
}

/// One table section: the first [`PREVIEW_ROWS`] rows of the CSV, and a link to it.
fn table(h: &mut String, f: &Preview, note: &str) -> anyhow::Result<()> {
    let bytes = f.head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&f.head);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = reader.records();
    let header = rows.next().transpose()?.unwrap_or_default();
    let mut shown = Vec::new();
    for r in rows.take(PREVIEW_ROWS) {
        shown.push(r?);
    }
    let total = f.rows;
    let partial = total > shown.len();
    let _ = write!(
        h,
        "<section id=\"{}\"><div class=\"table-head\"><h2>{}</h2><a href=\"{}\">{} (all {} row{})</a></div>",
        anchor(f.name),
        esc(f.name),
        esc(f.name),
        esc(f.name),
        total,
        if total == 1 { "" } else { "s" }
    );
    if !note.is_empty() {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(note));
    }
    if total == 0 {
        h.push_str("<p class=\"note\">No rows.</p></section>\n");
        return Ok(());
    }
    h.push_str("<div class=\"scroll\"><table class=\"sortable\"><thead><tr>");
    // The page holds only the first rows: a click sorts those, and says so.
    let sorts = if partial {
        format!(
            " title=\"Sorts the {} rows shown here, not the whole table\"",
            shown.len()
        )
    } else {
        String::new()
    };
    for c in &header {
        let _ = write!(h, "<th{sorts}>{}</th>", esc(c));
    }
    h.push_str("</tr></thead><tbody>\n");
    for r in &shown {
        h.push_str("<tr>");
        for c in r {
            let numeric = !c.is_empty() && c.parse::<f64>().is_ok();
            let class = if numeric {
                " class=\"num\""
            } else if is_date(c) {
                " class=\"date\""
            } else {
                ""
            };
            let _ = write!(h, "<td{class}>{}</td>", esc(&truncate(c, 300)));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></div>");
    if partial {
        let _ = write!(
            h,
            "<p class=\"note\">Showing the first {} of {} rows; a click on a column header sorts \
             these {} only. The full table is in <a href=\"{}\">{}</a>.</p>",
            shown.len(),
            total,
            shown.len(),
            esc(f.name),
            esc(f.name)
        );
    }
    h.push_str("</section>\n");
    Ok(())
}

/// A date or period cell (`2026-03-02`, `2026-03`, `2026-W09`), kept on one line: a
/// table cell may not break it at its hyphens.
fn is_date(c: &str) -> bool {
    let b = c.as_bytes();
    (7..=10).contains(&b.len())
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..]
            .iter()
            .all(|&x| x.is_ascii_digit() || x == b'-' || x == b'W')
}

fn anchor(name: &str) -> String {
    name.replace('.', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &'static str, bytes: &[u8], rows: usize) -> Preview {
        Preview::of(name, bytes, rows)
    }

    #[test]
    fn a_preview_holds_whole_records() {
        let mut bytes = String::from("text,n,maybe,owned\n");
        for i in 0..30 {
            bytes.push_str(&format!("\"two\nlines\",{i},,\n"));
        }
        let p = Preview::of("x.csv", bytes.as_bytes(), 30);
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&p.head[..]);
        assert_eq!(r.records().count(), 11);
        assert!(p.head.ends_with(b"\"two\nlines\",9,,\n"));
        let short = Preview::of("y.csv", b"a\n1\n", 1);
        assert_eq!(short.head, b"a\n1\n");
    }

    #[test]
    fn page_shows_charts_tables_and_escapes_everything() {
        let mut rows = String::from("speaker,type,quotes\n");
        for i in 0..12 {
            rows.push_str(&format!("<b>Speaker {i}</b>,PERSON,{}\n", 20 - i));
        }
        let tables = vec![
            file("speakers.csv", rows.as_bytes(), 12),
            file("skipped.csv", b"\xEF\xBB\xBFpath,reason,line\n", 0),
        ];
        let names = ["speakers.csv", "skipped.csv", "top_words.png"];
        let facts: Facts = vec![("articles read", "3".into()), ("outlets", "A & B".into())];
        let page = String::from_utf8(index(&names, &tables, &facts).unwrap().bytes).unwrap();
        assert!(page.contains("<img src=\"top_words.png\""));
        assert!(!page.contains("top_speakers.png"), "only charts that exist");
        assert!(page.contains("&lt;b&gt;Speaker 0&lt;/b&gt;"));
        assert!(!page.contains("Speaker 10"), "ten rows shown");
        assert!(page.contains(
            "Showing the first 10 of 12 rows; a click on a column header sorts these 10 only"
        ));
        assert!(page.contains(
            "<th title=\"Sorts the 10 rows shown here, not the whole table\">speaker</th>"
        ));
        assert!(page.contains("<a href=\"speakers.csv\">"));
        assert!(page.contains("A &amp; B"));
        assert!(page.contains("<td class=\"num\">20</td>"));
        // The BOM of --excel does not reach the page; an empty table says so.
        assert!(page.contains("<th>path</th>") || page.contains("No rows."));
        assert!(!page.contains('\u{feff}'));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }

    #[test]
    fn the_gender_section_holds_its_chart_statement_and_tables_before_the_others() {
        let tables = vec![
            file("speakers.csv", b"speaker,type\nAnn Lee,PERSON\n", 1),
            file("gender_by_week.csv", b"period,articles\n2026-W10,2\n", 1),
            file("gender.csv", b"outlet,articles\nall,2\n", 1),
        ];
        let names = [
            "speakers.csv",
            "gender.csv",
            "gender_by_week.csv",
            "top_speakers.png",
            "women_quoted.png",
        ];
        let page = String::from_utf8(index(&names, &tables, &vec![]).unwrap().bytes).unwrap();
        let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("{s} missing"));
        let order = [
            "<section id=\"charts\">",
            "<section id=\"gender\">",
            "<img src=\"women_quoted.png\"",
            "How gender is read.",
            "<section id=\"gender-csv\">",
            "<section id=\"gender_by_week-csv\">",
            "<section id=\"speakers-csv\">",
        ];
        for pair in order.windows(2) {
            assert!(at(pair[0]) < at(pair[1]), "{} before {}", pair[0], pair[1]);
        }
        // The chart is shown once, in its section; the statement gives the marked count.
        assert_eq!(page.matches("<img src=\"women_quoted.png\"").count(), 1);
        assert!(page.contains("a share of fewer than 10 with *"));
        assert!(page.contains("<a href=\"#gender\">Women and men</a>"));
        // A page without any of it (an older run's files) has no such section.
        let page =
            String::from_utf8(index(&names[..1], &tables[..1], &vec![]).unwrap().bytes).unwrap();
        assert!(!page.contains("id=\"gender\"") && !page.contains("href=\"#gender\""));
    }

    #[test]
    fn numbers_and_dates_stay_on_one_line_and_charts_take_the_full_width() {
        let tables = vec![file(
            "articles.csv",
            b"article,words,date,period
a.txt,1279,2026-03-02,2026-W09
",
            1,
        )];
        let page =
            String::from_utf8(index(&["top_words.png"], &tables, &vec![]).unwrap().bytes).unwrap();
        assert!(page.contains("<td class=\"num\">1279</td><td class=\"date\">2026-03-02</td><td class=\"date\">2026-W09</td>"));
        assert!(page.contains("td.num,td.date{white-space:nowrap"));
        assert!(page.contains("#charts .grid{display:grid;grid-template-columns:1fr;"));
        // All rows shown: a click sorts the whole table, and no note says otherwise.
        assert!(page.contains("<th>article</th>") && !page.contains("Showing the first"));
        assert!(!is_date("2026") && !is_date("a026-03-02") && is_date("2026-03"));
    }
}
