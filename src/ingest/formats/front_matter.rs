//! Metadata at the top of a `.txt` or `.md` article, in the block most blog and static-site
//! tools write:
//!
//! ```text
//! ---
//! title: Port Reopens After Strike
//! date: 2019-03-04
//! outlet: Harbour Times
//! url: https://example.org/port
//! ---
//! Port Reopens After Strike
//!
//! The first paragraph ...
//! ```
//!
//! The block is only taken as metadata when it is unmistakable: `---` on the very first
//! line, a closing `---` (or `...`) within [`MAX_LINES`] lines, and nothing between but
//! `key: value` lines, blank lines and `#` comments. Anything else is article text, so an
//! article that happens to open with a rule loses nothing.

use super::{Field, FieldMap, Meta};

/// Longest front-matter block looked for, in lines.
pub const MAX_LINES: usize = 64;

/// The metadata of a text's front-matter block and the byte offset where the article
/// proper starts, or `None` when the text has no such block.
pub fn split(text: &str, fields: &FieldMap) -> Option<(Meta, usize)> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut offset = first.len();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for line in lines.take(MAX_LINES) {
        offset += line.len();
        let l = line.trim();
        if l == "---" || l == "..." {
            return Some((meta_of(&pairs, fields), offset));
        }
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (k, v) = l.split_once(':')?;
        let k = k.trim();
        if k.is_empty() || k.split_whitespace().count() > 3 {
            return None;
        }
        pairs.push((k, unquote(v.trim())));
    }
    None
}

fn meta_of(pairs: &[(&str, &str)], fields: &FieldMap) -> Meta {
    let keys: Vec<&str> = pairs.iter().map(|p| p.0).collect();
    let columns = fields.columns(&keys);
    let value = |f: Field| -> &str { columns[f as usize].map_or("", |i| pairs[i].1) };
    let mut meta = Meta {
        outlet: value(Field::Outlet).to_string(),
        url: value(Field::Url).to_string(),
        title: Some(value(Field::Title).to_string()).filter(|t| !t.is_empty()),
        ..Meta::default()
    };
    meta.set_date(value(Field::Date));
    meta
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_block_gives_metadata_and_where_the_article_starts() {
        let text = "---\ntitle: \"Port: Reopened\"\nDate: March 4, 2019\n# a comment\n\npublisher: Harbour Times\nlink: https://example.org/p\n---\nHeadline\n\nBody.";
        let (meta, at) = split(text, &FieldMap::default()).unwrap();
        assert_eq!(&text[at..], "Headline\n\nBody.");
        assert_eq!(meta.title.as_deref(), Some("Port: Reopened"));
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2019, 3, 4));
        assert_eq!(meta.outlet, "Harbour Times");
        assert_eq!(meta.url, "https://example.org/p");
    }

    #[test]
    fn crlf_and_yaml_end_marker() {
        let text = "---\r\noutlet: Ledger\r\n...\r\nHeadline";
        let (meta, at) = split(text, &FieldMap::default()).unwrap();
        assert_eq!(meta.outlet, "Ledger");
        assert_eq!(&text[at..], "Headline");
    }

    #[test]
    fn user_field_names_apply_here_too() {
        let mut m = FieldMap::default();
        m.set_from_arg("outlet=paper").unwrap();
        let (meta, _) = split("---\npaper: Gazette\nsource: Wire\n---\nT", &m).unwrap();
        assert_eq!(meta.outlet, "Gazette");
    }

    #[test]
    fn anything_less_than_a_clear_block_is_text() {
        let m = FieldMap::default();
        // A rule, then prose.
        assert_eq!(split("---\nThe minister spoke today.\n---\n", &m), None);
        // Never closed.
        assert_eq!(split("---\ntitle: x\nBody", &m), None);
        // Not on the first line.
        assert_eq!(split("Headline\n---\ntitle: x\n---\n", &m), None);
        // A long sentence with a colon is not a key.
        assert_eq!(
            split("---\nThe minister said this to reporters: no\n---\n", &m),
            None
        );
    }
}
