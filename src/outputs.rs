//! The names and header rows of every file broadsheet writes. They are a contract (the
//! README documents them: add columns, never rename), and the readers check them to skip
//! broadsheet's own reports and partials found in an input folder. A leaf module: the
//! readers (`ingest`, `formats`) and the writers (`report`, `partial`) both import it, and
//! neither imports the other for it.

pub const ARTICLES_HEADER: &[&str] = &[
    "article",
    "title",
    "bytes",
    "words",
    "sentences",
    "paragraphs",
    "quotes",
    "mentions",
    "encoding",
    "outlet",
    "date",
    "url",
    "reported",
];

pub const SKIPPED_HEADER: &[&str] = &["path", "reason", "line"];

pub const WORDS_HEADER: &[&str] = &["word", "count", "articles", "per_million"];

pub const BIGRAMS_HEADER: &[&str] = &["phrase", "count", "articles"];

pub const KEYWORDS_HEADER: &[&str] = &["article", "rank", "word", "count", "tfidf"];

pub const QUOTES_HEADER: &[&str] = &[
    "article",
    "start",
    "end",
    "quote",
    "speaker",
    "speaker_mention",
    "speaker_type",
    "cue",
    "kind",
    "speaker_gender",
    "unclosed",
];

pub const SPEAKERS_HEADER: &[&str] = &[
    "speaker",
    "type",
    "quotes",
    "reported",
    "quoted_words",
    "articles",
    "gender",
    "gender_evidence",
];

pub const MENTIONS_HEADER: &[&str] = &["article", "start", "end", "mention", "entity", "type"];

pub const ENTITIES_HEADER: &[&str] = &[
    "entity",
    "type",
    "mentions",
    "articles",
    "aliases",
    "gender",
    "gender_evidence",
];

pub const PAIRS_HEADER: &[&str] = &[
    "entity_a",
    "type_a",
    "entity_b",
    "type_b",
    "sentences",
    "paragraphs",
    "articles",
    "npmi",
];

pub const GENDER_HEADER: &[&str] = &[
    "outlet",
    "articles",
    "people",
    "people_women",
    "people_men",
    "people_unknown",
    "sources",
    "sources_women",
    "sources_men",
    "sources_unknown",
    "women_share_people",
    "women_share_sources",
];

/// The header of `gender_by_<period>.csv`: [`GENDER_HEADER`] with `period` first.
pub const GENDER_BY_PERIOD_HEADER: &[&str] = &[
    "period",
    "articles",
    "people",
    "people_women",
    "people_men",
    "people_unknown",
    "sources",
    "sources_women",
    "sources_men",
    "sources_unknown",
    "women_share_people",
    "women_share_sources",
];

/// Reports written only when the articles carry the metadata they break down by. A run
/// without it removes these from the output folder, so no stale breakdown from an earlier
/// run sits beside the new reports.
pub const BREAKDOWN_FILES: &[&str] = &[
    "speakers_by_outlet.csv",
    "speakers_by_outlet.png",
    "words_by_day.csv",
    "words_by_week.csv",
    "words_by_month.csv",
    "words_over_time.png",
    "gender_by_day.csv",
    "gender_by_week.csv",
    "gender_by_month.csv",
];

/// The header row of `words_by_<period>.csv`.
pub const WORDS_BY_PERIOD_HEADER: &[&str] = &["period", "word", "count", "articles", "per_million"];

/// The header rows of every CSV table broadsheet writes. An input CSV file with one of
/// these exact header rows is an earlier run's report (or part of one), not articles:
/// several of them have an `article` column, which would otherwise be read as text.
pub const TABLE_HEADERS: &[&[&str]] = &[
    ARTICLES_HEADER,
    SKIPPED_HEADER,
    WORDS_HEADER,
    BIGRAMS_HEADER,
    KEYWORDS_HEADER,
    QUOTES_HEADER,
    SPEAKERS_HEADER,
    MENTIONS_HEADER,
    ENTITIES_HEADER,
    PAIRS_HEADER,
    SPEAKERS_BY_OUTLET_HEADER,
    WORDS_BY_PERIOD_HEADER,
    GENDER_HEADER,
    GENDER_BY_PERIOD_HEADER,
];

/// Columns added to the tables since their first version: a header row without some of
/// them is still broadsheet's, written by an earlier version ([`TABLE_HEADERS`]).
pub const ADDED_COLUMNS: &[&str] = &[
    "reported",
    "kind",
    "speaker_gender",
    "gender",
    "gender_evidence",
];

/// The file names of [`TABLE_HEADERS`], in the same order.
pub const TABLE_NAMES: &[&str] = &[
    "articles.csv",
    "skipped.csv",
    "words.csv",
    "bigrams.csv",
    "keywords.csv",
    "quotes.csv",
    "speakers.csv",
    "mentions.csv",
    "entities.csv",
    "cooccurrence.csv",
    "speakers_by_outlet.csv",
    "words_by_<period>.csv",
    "gender.csv",
    "gender_by_<period>.csv",
];

/// The names of the reports that are not CSV tables: recognised by name (with the right
/// content, checked by the caller) when an input folder holds an earlier run's reports.
pub const OTHER_REPORT_FILES: &[&str] = &[
    "index.html",
    "cooccurrence.gexf",
    "cooccurrence_heatmap.png",
    "speakers_by_outlet.png",
    "top_speakers.png",
    "top_words.png",
    "women_quoted.png",
    "words_over_time.png",
];

/// The mark in `index.html` that says broadsheet wrote it.
pub const GENERATOR_META: &str = "<meta name=\"generator\" content=\"broadsheet\">";

pub const SPEAKERS_BY_OUTLET_HEADER: &[&str] = &[
    "outlet",
    "speaker",
    "type",
    "quotes",
    "reported",
    "quoted_words",
    "articles",
];

/// The first line of a partial result file.
pub const MAGIC: &str = "broadsheet partial";
