//! Helpers shared by the integration tests: load a site's articles and tag
//! dates by hand, so extraction can be tested without the tagger.

#![allow(dead_code)]

use dateline::content::{self, Article, LoadOptions};
use dateline::temporal::timex_value::parse_value;
use dateline::temporal::{Anchor, Modifier, TimeExpr, TimexType};
use std::borrow::Cow;
use std::path::Path;

/// Loads every article under `root/content`.
pub fn articles(root: &Path) -> Vec<Article> {
    content::load(root, chrono_tz::Tz::UTC, LoadOptions::default()).expect("articles load")
}

/// A date expression for the first occurrence of `phrase` in `text`, with
/// the TIMEX3 value (and modifier after a space: "2025-01 END").
pub fn expr(text: &str, phrase: &str, value: &str, pattern: &'static str) -> TimeExpr {
    let start = text
        .find(phrase)
        .unwrap_or_else(|| panic!("`{phrase}` is not in the text"));
    let (value, modifier) = match value.split_once(' ') {
        Some((v, m)) => (v, Modifier::parse(m)),
        None => (value, None),
    };
    let (interval, precision) = parse_value(value).expect("a TIMEX3 value");
    TimeExpr {
        start,
        end: start + phrase.len(),
        text: phrase.to_string(),
        timex_type: TimexType::Date,
        value: value.to_string(),
        modifier,
        interval: Some(interval),
        precision: Some(precision),
        anchor: if pattern.contains("absolute") {
            Anchor::Absolute
        } else {
            Anchor::DocumentDate {
                date: chrono::NaiveDate::from_ymd_opt(2025, 2, 9).unwrap(),
            }
        },
        pattern: Cow::Borrowed(pattern),
    }
}

/// Tags `article` with the given (phrase, value, pattern) triples, in text order.
pub fn hand_tag(article: &Article, dates: &[(&str, &str, &'static str)]) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = dates
        .iter()
        .map(|(p, v, pat)| expr(&article.text, p, v, pat))
        .collect();
    out.sort_by_key(|e| e.start);
    out
}

/// The dates the tagger should find in the example site, by file name.
pub fn example_dates(path: &str) -> Vec<(&'static str, &'static str, &'static str)> {
    match path.rsplit('/').next().unwrap_or(path) {
        "2025-01-19-fireworks-at-trump-national.md" => vec![
            ("on Saturday", "2025-01-18", "weekday"),
            ("Monday", "2025-01-20", "weekday"),
        ],
        "2025-01-29-putin-rules-out-talks-with-zelensky.md" => {
            vec![("on Tuesday", "2025-01-28", "weekday")]
        }
        "2025-02-08-trump-air-force-one-interview.md" => {
            vec![("on Friday", "2025-02-07", "weekday")]
        }
        "2025-02-09-trump-says-he-has-spoken-to-putin.md" => vec![
            (
                "on January 18, 2025",
                "2025-01-18",
                "month-day-year absolute",
            ),
            ("early 2022", "2022 START", "part of year absolute"),
            ("last week", "2025-W05", "relative week"),
            ("on Friday", "2025-02-07", "weekday"),
            ("Late last month", "2025-01 END", "part of relative month"),
            ("on January 28", "2025-01-28", "month-day"),
        ],
        _ => Vec::new(),
    }
}
