//! Per-article analysis: pure functions of one [`Article`], no I/O and no shared state, so
//! articles can be analysed in any order on any thread and the results merged afterwards.

mod coref;
pub mod names;
pub mod quotes;
mod verbs;
mod window;
pub mod words;

use crate::article::Article;
use crate::text::stopwords::StopWords;

/// Settings the analyses need, fixed for a whole run.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub stopwords: &'a StopWords,
}

/// Everything the reports need from one article; the article's text is dropped after this.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleAnalysis {
    pub row: ArticleRow,
    pub words: words::WordCounts,
    /// Every name found, resolved within the article ([`names::find`]).
    pub mentions: Vec<names::Mention>,
    /// Each mention as written (`mentions[i]`'s span of the text, which is dropped).
    pub mention_texts: Vec<String>,
    /// Lower-case word forms and their counts, the corpus-wide evidence against a
    /// capitalised word being a name ([`names::lowercase_words`]).
    pub lowercase: names::LowerCounts,
    /// What the text says about each person's gender, by the person's canonical name
    /// within the article ([`names::gender::evidence`]); decided once the corpus is in.
    pub genders: Vec<(String, names::gender::Votes)>,
    /// Direct quotations with their speakers, in text order ([`quotes::find`]).
    pub quotes: Vec<quotes::Quote>,
    /// Quotation marks that could not be paired.
    pub stray_marks: u32,
    /// Short unattributed quoted terms, not counted as quotes.
    pub quoted_terms: u32,
}

/// One row of `articles.csv`.
///
/// `article` is the first field: the record codec ([`crate::record`]) writes fields in
/// declaration order, and the spill sorts encoded records by the name at their start.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleRow {
    pub article: String,
    /// Metadata from a record's fields or a front-matter block (empty for a plain text);
    /// set after the analysis by [`ArticleRow::with_meta`].
    pub outlet: String,
    #[serde(with = "crate::ingest::formats::dates::date_days")]
    pub date: Option<chrono::NaiveDate>,
    pub url: String,
    /// A date was given but could not be read.
    pub date_unparsed: bool,
    pub title: String,
    pub encoding: crate::article::Encoding,
    pub bytes: u64,
    pub words: u64,
    pub sentences: u64,
    pub paragraphs: u64,
    pub quotes: u64,
    pub mentions: u64,
}

impl ArticleRow {
    /// The row with the article's metadata; a title given apart from the text replaces
    /// the text's first line.
    pub fn with_meta(mut self, meta: crate::ingest::formats::Meta) -> ArticleRow {
        if let Some(t) = meta.title {
            self.title = capped_title(&t);
        }
        self.outlet = meta.outlet;
        self.url = meta.url;
        self.date = meta.date;
        self.date_unparsed = meta.date_unparsed;
        self
    }
}

/// Characters of a title kept in `articles.csv`. A headline is rarely over 150; a file
/// whose "first line" is a whole article run together would otherwise fill a cell with
/// megabytes.
pub const MAX_TITLE_CHARS: usize = 300;

/// The title cut to [`MAX_TITLE_CHARS`] characters, the last of them an ellipsis when cut.
pub fn capped_title(title: &str) -> String {
    match title.char_indices().nth(MAX_TITLE_CHARS - 1) {
        Some((cut, _)) if title[cut..].chars().nth(1).is_some() => {
            format!("{}…", title[..cut].trim_end())
        }
        _ => title.to_string(),
    }
}

/// Runs every analysis on one article.
pub fn article(a: &Article, opts: Options<'_>) -> ArticleAnalysis {
    let words = words::count(a, opts.stopwords);
    // Names are found once and shared by every stage that needs them.
    let lowercase = names::lowercase_words(a);
    let mentions = names::find_with(a, &lowercase);
    let found = quotes::find(a, &mentions);
    // Reported clauses are kept out of the gender evidence like quotations: tried both
    // ways on gender-dev, reading their names and pronouns cost two people's gender (a
    // "She" after "..., Lohmar said." taken up by the speaker, not the clause's subject).
    let quoted: Vec<crate::text::Span> = found.quotes.iter().map(|q| q.span).collect();
    let said: Vec<names::gender::SaidBy> = found
        .quotes
        .iter()
        .filter(|q| names::gender::is_pronoun(&q.speaker_mention))
        .map(|q| names::gender::SaidBy {
            quote: q.span,
            mention: &q.speaker_mention,
            speaker: (q.speaker_type == Some(names::EntityType::Person) && !q.speaker.is_empty())
                .then_some(q.speaker.as_str()),
        })
        .collect();
    let genders = names::gender::evidence(a, &mentions, &quoted, &said);
    let row = ArticleRow {
        outlet: String::new(),
        date: None,
        url: String::new(),
        date_unparsed: false,
        article: a.id.clone(),
        title: capped_title(a.title()),
        encoding: a.encoding,
        bytes: a.text.len() as u64,
        words: words.tokens,
        sentences: a.sentences.len() as u64,
        paragraphs: a.paragraphs.len() as u64,
        // Quotations; pieces of reported speech are counted from the record's rows.
        quotes: found
            .quotes
            .iter()
            .filter(|q| q.kind != quotes::QuoteKind::Reported)
            .count() as u64,
        // Weak mentions wait for the corpus's verdict; most are dropped, so they are not
        // counted here.
        mentions: mentions.iter().filter(|m| !m.weak).count() as u64,
    };
    let mention_texts = mentions
        .iter()
        .map(|m| m.span.slice(&a.text).to_string())
        .collect();
    ArticleAnalysis {
        row,
        words,
        mentions,
        mention_texts,
        lowercase: names::owned_counts(&lowercase),
        genders,
        quotes: found.quotes,
        stray_marks: found.stray_marks,
        quoted_terms: found.quoted_terms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_are_cut_with_an_ellipsis() {
        assert_eq!(capped_title("Short"), "Short");
        let exact = "é".repeat(MAX_TITLE_CHARS);
        assert_eq!(capped_title(&exact), exact);
        let cut = capped_title(&"é".repeat(MAX_TITLE_CHARS + 1));
        assert_eq!(cut.chars().count(), MAX_TITLE_CHARS);
        assert!(cut.ends_with("é…"));
    }
}
