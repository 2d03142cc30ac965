//! Publication dates as news data writes them, and the periods they are grouped by.
//!
//! Only the calendar date is kept, as written: `2019-03-04T23:30:00-05:00` is 4 March,
//! not 5 March in UTC, because the outlet's own day is what a reader of the article saw.
//! Day-first and month-first numeric forms (`03/04/2019`) are ambiguous and left unparsed
//! rather than guessed.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};

/// Forms with a time of day and no offset.
const NAIVE_DATETIME: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y%m%dT%H%M%S",
    "%Y%m%d%H%M%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%B %d, %Y %H:%M",
    "%B %d, %Y, %H:%M",
    "%d %B %Y %H:%M",
];

/// Forms with an offset (`+01:00`, `+0100`, `Z` is handled by RFC 3339 and below).
const OFFSET_DATETIME: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%dT%H:%M%z",
];

/// Date-only forms. chrono's `%B` accepts full and abbreviated month names alike.
const DATE: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%A, %B %d, %Y",
    "%A %B %d, %Y",
    "%A, %d %B %Y",
    "%A %d %B %Y",
];

/// The calendar date of a date or timestamp in the usual forms: ISO 8601 / RFC 3339
/// (`2019-03-04`, `2019-03-04T10:00:00Z`, `2019-03-04T10:00:00+01:00`), RFC 2822
/// (`Mon, 04 Mar 2019 10:00:00 +0000`), `2019-03-04 10:00:00`, `March 4, 2019`,
/// `4 March 2019`, `Mar. 4, 2019`, compact `20190304` and `20190304T100000Z` (GDELT).
pub fn parse(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    iso_date(s).or_else(|| parse_forms(s))
}

/// A plain `2019-03-04`, the form front matter and most exports write, read without
/// trying every form: [`parse_forms`] reaches `%Y-%m-%d` only after some twenty failed
/// attempts, thousands of instructions per article. `None` when `s` is anything else
/// (an invalid date included), which [`parse_forms`] then decides.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// [`parse`] by trying every form in turn.
fn parse_forms(s: &str) -> Option<NaiveDate> {
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    // A trailing `Z` or ` UTC`/` GMT` is an offset of zero; the date part is as written.
    let s = ["Z", "z", " UTC", " GMT"]
        .iter()
        .find_map(|z| s.strip_suffix(z))
        .unwrap_or(s);
    // "Mar. 4, 2019", "4th March 2019": drop the abbreviation dot and ordinal suffixes.
    let cleaned = clean_words(s);
    let s = cleaned.as_str();
    for f in OFFSET_DATETIME {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.date_naive());
        }
    }
    for f in NAIVE_DATETIME {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.date());
        }
    }
    for f in DATE {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d);
        }
    }
    None
}

/// A Unix timestamp from a JSON number: seconds, or milliseconds when too large to be
/// seconds of any plausible year (JavaScript's `Date.now()` style).
pub fn from_timestamp(n: f64) -> Option<NaiveDate> {
    if !n.is_finite() {
        return None;
    }
    let secs = if n.abs() >= 1e11 { n / 1000.0 } else { n };
    DateTime::from_timestamp(secs.floor() as i64, 0).map(|d| d.date_naive())
}

fn clean_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let w = word.strip_suffix('.').unwrap_or(word);
        // "4th," -> "4,"; "March." -> "March".
        let (core, tail) = match w.strip_suffix(',') {
            Some(c) => (c, ","),
            None => (w, ""),
        };
        let core = core.strip_suffix('.').unwrap_or(core);
        let digits = core.trim_end_matches(char::is_alphabetic);
        let ordinal = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && ["st", "nd", "rd", "th"].contains(&&core[digits.len()..]);
        out.push_str(if ordinal { digits } else { core });
        out.push_str(tail);
    }
    out
}

/// How dates are grouped in `words_by_<period>.csv` and the words-over-time chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Period {
    Day,
    /// ISO 8601 weeks (Monday first), labelled `2019-W10`.
    Week,
    #[default]
    Month,
}

impl Period {
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// The period a date falls in, as a label that sorts in time order.
    pub fn label(self, d: NaiveDate) -> String {
        match self {
            Period::Day => ymd(d),
            Period::Week => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Period::Month => {
                // The day's label less its "-DD".
                let mut label = ymd(d);
                label.truncate(label.len() - 3);
                label
            }
        }
    }
}

/// `d.format("%Y-%m-%d")`, without the formatter's parsing of its pattern for the years
/// it pads to four digits alike (chrono writes a sign before years past 9999).
pub fn ymd(d: NaiveDate) -> String {
    match d.year() {
        0..=9999 => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        _ => d.format("%Y-%m-%d").to_string(),
    }
}

/// `Option<NaiveDate>` as days since 0001-01-01 (chrono's `num_days_from_ce`): a varint of
/// two or three bytes rather than a ten-byte string.
pub mod date_days {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        d.map(|d| d.num_days_from_ce()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<i32>::deserialize(d)? {
            None => Ok(None),
            Some(days) => NaiveDate::from_num_days_from_ce_opt(days)
                .map(Some)
                .ok_or_else(|| D::Error::custom(format!("date {days} out of range"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd_opt(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn the_usual_forms_parse_to_the_date_as_written() {
        for s in [
            "2019-03-04",
            "2019-03-04T10:00:00Z",
            "2019-03-04T10:00:00.123Z",
            "2019-03-04T23:30:00-05:00",
            "2019-03-04T10:00:00+0100",
            "2019-03-04T10:00:00",
            "2019-03-04 10:00:00",
            "2019-03-04 10:00",
            "2019-03-04 10:00:00 UTC",
            "Mon, 04 Mar 2019 10:00:00 +0000",
            "Mon, 4 Mar 2019 10:00:00 GMT",
            "March 4, 2019",
            "Mar 4, 2019",
            "Mar. 4, 2019",
            "March 4th, 2019",
            "4 March 2019",
            "4th March 2019",
            "Monday, March 4, 2019",
            "2019/03/04",
            "20190304",
            "20190304T100000Z",
            "  2019-03-04\n",
        ] {
            assert_eq!(parse(s), ymd_opt(2019, 3, 4), "{s:?}");
        }
    }

    #[test]
    fn ambiguous_and_broken_dates_are_not_guessed() {
        for s in [
            "",
            "03/04/2019",
            "yesterday",
            "2019-13-01",
            "2019-02-30",
            "March 2019x",
            "4 Marchember 2019",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn the_plain_date_shortcut_agrees_with_trying_every_form() {
        let mut tried = 0;
        for y in ["0000", "0001", "0999", "1985", "2019", "2020", "9999"] {
            for m in 0..=13 {
                for d in 0..=32 {
                    let s = format!("{y}-{m:02}-{d:02}");
                    assert_eq!(
                        iso_date(&s).or_else(|| parse_forms(&s)),
                        parse_forms(&s),
                        "{s}"
                    );
                    tried += usize::from(iso_date(&s).is_some());
                }
            }
        }
        // Valid dates only: 12 months of 7 years, 29 Februaries in 0000 and 2020 only.
        assert_eq!(tried, 7 * 365 + 2);
        for s in [
            "2019-3-04",
            "2019-03-4x",
            "+201-03-04",
            "2019/03/04",
            "２019-03-04",
            "2019-03-04 ",
        ] {
            assert_eq!(iso_date(s), None, "{s}");
        }
    }

    #[test]
    fn dates_and_periods_are_written_as_the_formatter_writes_them() {
        for (y, m, d) in [
            (1, 1, 1),
            (999, 12, 31),
            (2019, 3, 4),
            (9999, 12, 31),
            (10000, 1, 2),
            (-5, 6, 7),
        ] {
            let date = ymd_opt(y, m, d).unwrap();
            assert_eq!(ymd(date), date.format("%Y-%m-%d").to_string());
            assert_eq!(Period::Day.label(date), date.format("%Y-%m-%d").to_string());
            assert_eq!(Period::Month.label(date), date.format("%Y-%m").to_string());
        }
    }

    #[test]
    fn timestamps_in_seconds_or_milliseconds() {
        assert_eq!(from_timestamp(1_551_693_600.0), ymd_opt(2019, 3, 4));
        assert_eq!(from_timestamp(1_551_693_600_000.0), ymd_opt(2019, 3, 4));
        assert_eq!(from_timestamp(f64::NAN), None);
    }

    #[test]
    fn periods_label_in_time_order() {
        let d = ymd_opt(2019, 3, 4).unwrap();
        assert_eq!(Period::Day.label(d), "2019-03-04");
        assert_eq!(Period::Week.label(d), "2019-W10");
        assert_eq!(Period::Month.label(d), "2019-03");
        // 30 Dec 2019 is in week 1 of ISO year 2020.
        assert_eq!(
            Period::Week.label(ymd_opt(2019, 12, 30).unwrap()),
            "2020-W01"
        );
    }
}
