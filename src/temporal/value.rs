//! The time value a tagger produces: its TIMEX3 type and value string, the
//! calendar interval it covers, its precision and modifier, and where it came
//! from (which pattern matched, what it was anchored to).
//!
//! This file owns only data and small conversions; no matching happens here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// The four TIMEX3 types of TimeML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How fine a resolved date is. Ordered from finest to coarsest, so the more
/// precise of two values is the smaller one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Time,
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Half,
    Year,
    Decade,
    Century,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Time => "time",
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Half => "half",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
        }
    }
}

/// TIMEX3 `mod` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Modifier {
    Start,
    Mid,
    End,
    Approx,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
}

impl Modifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Approx => "APPROX",
            Modifier::LessThan => "LESS_THAN",
            Modifier::MoreThan => "MORE_THAN",
            Modifier::EqualOrLess => "EQUAL_OR_LESS",
            Modifier::EqualOrMore => "EQUAL_OR_MORE",
            Modifier::Before => "BEFORE",
            Modifier::After => "AFTER",
            Modifier::OnOrBefore => "ON_OR_BEFORE",
            Modifier::OnOrAfter => "ON_OR_AFTER",
        }
    }

    /// Parses the TIMEX3 spelling (`START`, `LESS_THAN`, ...).
    pub fn parse(s: &str) -> Option<Modifier> {
        Some(match s {
            "START" => Modifier::Start,
            "MID" => Modifier::Mid,
            "END" => Modifier::End,
            "APPROX" => Modifier::Approx,
            "LESS_THAN" => Modifier::LessThan,
            "MORE_THAN" => Modifier::MoreThan,
            "EQUAL_OR_LESS" => Modifier::EqualOrLess,
            "EQUAL_OR_MORE" => Modifier::EqualOrMore,
            "BEFORE" => Modifier::Before,
            "AFTER" => Modifier::After,
            "ON_OR_BEFORE" => Modifier::OnOrBefore,
            "ON_OR_AFTER" => Modifier::OnOrAfter,
            _ => return None,
        })
    }
}

impl fmt::Display for Modifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A closed range of calendar days, `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Interval {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Interval {
    pub fn day(d: NaiveDate) -> Interval {
        Interval { first: d, last: d }
    }

    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    pub fn contains(&self, other: &Interval) -> bool {
        self.first <= other.first && other.last <= self.last
    }
}

/// What a relative expression was resolved against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Anchor {
    /// Needed no reference: "January 18, 2025".
    Absolute,
    /// The document creation time (the article's publication date).
    DocumentDate { date: NaiveDate },
    /// An earlier expression in the same text, by its index in the output.
    Expression { index: usize, value: String },
}

/// One temporal expression found in a text, resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// UTF-8 byte offsets into the tagged text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// The TIMEX3 value: `2025-02-07`, `2025-W05`, `P3Y`, `PRESENT_REF`, ...
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
    /// The calendar days the value covers, when it names a stretch of the
    /// calendar (not for durations, sets or generic references).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    pub anchor: Anchor,
    /// The name of the pattern that matched, for provenance.
    pub pattern: Cow<'static, str>,
}
