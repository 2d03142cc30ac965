//! Saved web pages (`.html`, `.htm`): the article's headline and paragraphs, without the
//! page around them.
//!
//! A saved news page is mostly not the article: scripts, styles, menus, cookie banners,
//! footers. Read as plain text, its tags become the top words. The page is parsed with
//! `scraper` (html5ever, the parser of Servo, which takes any real-world HTML the way a
//! browser does), and only the text of `<p>` elements outside navigation and page chrome
//! is kept, one paragraph each; inside an `<article>` element when the page has one.

use super::Meta;
use crate::article::{Article, Encoding};
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose text is never the article's: code, page chrome and navigation.
const LEFT_OUT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "svg", "select", "iframe",
];

/// What a web page holds for broadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// An article: its title (if any), paragraphs and metadata.
    Article {
        title: Option<String>,
        paragraphs: Vec<String>,
        meta: Meta,
    },
    /// broadsheet's own `index.html`.
    Report,
}

/// True when text that was not named `.html` reads as an HTML document (a saved page
/// named on the command line without its extension).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .flat_map(char::to_lowercase)
        .collect();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Reads a page. Never fails: a page with no paragraphs gives an article with none, which
/// the caller skips as empty.
pub fn read(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let title_text = first_text(&doc, "title");
    let generator = select(&doc, "meta[name=generator]")
        .any(|m| m.value().attr("content") == Some("broadsheet"));
    if generator || title_text.as_deref() == Some("broadsheet report") {
        return Page::Report;
    }
    let h1 = select(&doc, "h1")
        .filter(|e| !in_chrome(e, true))
        .map(|e| text_of(&e))
        .find(|t| !t.is_empty());
    let in_article: Vec<String> = paragraphs(&doc, "article p");
    let paragraphs = if in_article.is_empty() {
        paragraphs(&doc, "p")
    } else {
        in_article
    };
    let paragraphs = if paragraphs.is_empty() {
        // No <p> at all: the body's visible text as one paragraph.
        select(&doc, "body")
            .next()
            .map(|b| text_of(&b))
            .filter(|t| !t.is_empty())
            .into_iter()
            .collect()
    } else {
        paragraphs
    };
    Page::Article {
        title: h1.or(title_text).filter(|t| !t.is_empty()),
        paragraphs,
        meta: meta(&doc),
    }
}

/// The article a page is read as: the title on the first line, a blank line, then the
/// paragraphs separated by blank lines, as a `.txt` file would hold it, so that offsets
/// index that text. `None` when the page has no text.
pub fn into_article(
    title: Option<String>,
    paragraphs: Vec<String>,
    mut meta: Meta,
    id: String,
    encoding: Encoding,
) -> Option<(Article, Meta)> {
    if paragraphs.is_empty() {
        return None;
    }
    let body = paragraphs.join("\n\n");
    let text = match title {
        Some(t) => {
            let text = format!("{t}\n\n{body}");
            meta.title = Some(t);
            text
        }
        None => body,
    };
    Some((Article::new(id, text, encoding), meta))
}

fn select<'d>(doc: &'d Html, css: &str) -> impl Iterator<Item = ElementRef<'d>> + 'd {
    // The selectors are fixed strings of this module: a failure is a bug caught by tests.
    let sel = Selector::parse(css).expect("a valid selector");
    doc.select(&sel).collect::<Vec<_>>().into_iter()
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    select(doc, css)
        .map(|e| text_of(&e))
        .find(|t| !t.is_empty())
}

fn paragraphs(doc: &Html, css: &str) -> Vec<String> {
    select(doc, css)
        .filter(|p| !in_chrome(p, false))
        .map(|p| text_of(&p))
        .filter(|t| !t.is_empty())
        .collect()
}

/// True when the element sits inside page chrome ([`LEFT_OUT`]); with `allow_header`, a
/// `<header>` does not count (a headline often sits in the article's own `<header>`).
fn in_chrome(e: &ElementRef, allow_header: bool) -> bool {
    e.ancestors().any(|n| {
        n.value().as_element().is_some_and(|el| {
            let name = el.name();
            LEFT_OUT.contains(&name) && !(allow_header && name == "header")
        })
    })
}

/// The element's visible text on one line: text nodes outside scripts and chrome, with
/// `<br>` and runs of white space as one space.
fn text_of(e: &ElementRef) -> String {
    let mut out = String::new();
    for node in e.descendants() {
        match node.value() {
            Node::Text(t) => {
                let hidden = node.ancestors().take_while(|a| a.id() != e.id()).any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|el| LEFT_OUT.contains(&el.name()))
                });
                if !hidden {
                    out.push_str(t);
                }
            }
            Node::Element(el) if el.name() == "br" => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Date, outlet and URL from the page's metadata (Open Graph, schema.org, canonical link).
fn meta(doc: &Html) -> Meta {
    let attr = |css: &str, name: &str| -> String {
        select(doc, css)
            .filter_map(|e| e.value().attr(name).map(str::trim).map(str::to_string))
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    };
    let mut meta = Meta {
        outlet: attr("meta[property=\"og:site_name\"]", "content"),
        url: attr("link[rel=canonical]", "href"),
        ..Meta::default()
    };
    if meta.url.is_empty() {
        meta.url = attr("meta[property=\"og:url\"]", "content");
    }
    let mut date = attr("meta[property=\"article:published_time\"]", "content");
    for (css, name) in [
        ("meta[itemprop=datePublished]", "content"),
        ("meta[name=date]", "content"),
        ("time[datetime]", "datetime"),
    ] {
        if date.is_empty() {
            date = attr(css, name);
        }
    }
    meta.set_date(&date);
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Port reopens - Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2026-03-04T10:00:00Z">
<link rel="canonical" href="https://example.org/port">
<style>p { color: red }</style><script>var tracking = "words";</script></head>
<body><nav><p>Home</p><p>World</p></nav>
<header><h1>Port reopens after strike</h1></header>
<p>Ships moved again on <b>Monday</b>.<br>Trade resumed.</p>
<p>  </p>
<aside><p>Related: other news</p></aside>
<p>Dockers   returned.<script>ignored()</script></p>
<footer><p>Copyright</p></footer></body></html>"#;

    #[test]
    fn a_page_gives_its_headline_and_paragraphs_only() {
        let Page::Article {
            title,
            paragraphs,
            meta,
        } = read(PAGE)
        else {
            panic!("not an article");
        };
        assert_eq!(title.as_deref(), Some("Port reopens after strike"));
        assert_eq!(
            paragraphs,
            [
                "Ships moved again on Monday. Trade resumed.",
                "Dockers returned."
            ]
        );
        assert_eq!(meta.outlet, "Harbour Times");
        assert_eq!(meta.url, "https://example.org/port");
        assert_eq!(meta.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 4));
    }

    #[test]
    fn the_title_element_when_there_is_no_h1_and_article_paragraphs_first() {
        let page = "<html><head><title> Rates held </title></head><body>\
                    <p>Subscribe now</p><article><p>The bank held.</p></article></body></html>";
        let Page::Article {
            title, paragraphs, ..
        } = read(page)
        else {
            panic!("not an article");
        };
        assert_eq!(title.as_deref(), Some("Rates held"));
        assert_eq!(paragraphs, ["The bank held."]);
    }

    #[test]
    fn broadsheets_own_overview_is_a_report() {
        let page = "<!DOCTYPE html><html><head><meta name=\"generator\" content=\"broadsheet\">\
                    <title>broadsheet report</title></head><body><p>x</p></body></html>";
        assert_eq!(read(page), Page::Report);
    }

    #[test]
    fn html_is_recognised_by_its_start() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE HTML>\n<html>"));
        assert!(looks_like_html("<html lang=en>"));
        assert!(!looks_like_html("Title\n\n<p>Body</p>"));
    }
}
