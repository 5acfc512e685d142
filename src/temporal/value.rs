//! The time value a tagger produces: its TIMEX3 type, the typed value
//! ([`Timex`]: the calendar interval it covers, its precision and modifier)
//! and where it came from (which pattern matched, what it was anchored to).
//!
//! This file is the one place that reads a TIMEX3 value string
//! ([`Timex::parse`]) and writes one (`Display`). It owns data and
//! conversions; no matching happens here, and the arithmetic is
//! `calendar.rs`.

use super::calendar::{SEASONS, add_days, period, season_interval, season_of, ymd};
use chrono::{Datelike, NaiveDate, Weekday};
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

/// Parts of a day, as TIMEX3 writes them after a date (`2025-02-07TMO`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    const ALL: [DayPart; 4] = [
        DayPart::Morning,
        DayPart::Afternoon,
        DayPart::Evening,
        DayPart::Night,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    fn parse(code: &str) -> Option<DayPart> {
        DayPart::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A TIMEX3 value that names a stretch of the calendar, typed: the days it
/// covers, how finely the text gives them, the modifier narrowing them and
/// the TIMEX3 form that spells them. Read from its value string with
/// [`Timex::parse`], written back with `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timex {
    /// The calendar days the value covers (before the modifier narrows them).
    pub interval: Interval,
    pub precision: Precision,
    pub modifier: Option<Modifier>,
    pub kind: TimexKind,
}

/// Which TIMEX3 form spells a calendar value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexKind {
    /// The whole period of its precision: `2025-01-28`, `2025-W05`,
    /// `2025-01`, `2025-Q1`, `2025-H2`, `2025-SU`, `2022`, `199` (a decade),
    /// `19` (a century).
    Period,
    /// The Saturday and Sunday of an ISO week: `2025-W05-WE`.
    Weekend,
    /// A clock time on its day: `2025-02-07T15:00`.
    Clock { hour: u32, minute: u32 },
    /// A part of its day: `2025-02-07TMO`.
    DayPart(DayPart),
}

impl Timex {
    /// The period of precision `precision` that holds `d`: its day, ISO
    /// week, month, quarter, season, half, year, decade or century.
    pub fn period(d: NaiveDate, precision: Precision) -> Option<Timex> {
        Some(Timex {
            interval: period(d, precision)?,
            precision,
            modifier: None,
            kind: TimexKind::Period,
        })
    }

    /// Season `s` (an index into the TIMEX3 season codes, spring first) of
    /// year `y`; winter `y` runs from December `y - 1`.
    pub fn season(y: i32, s: u32) -> Option<Timex> {
        Timex::period(season_interval(y, s)?.first, Precision::Season)
    }

    /// The weekend (Saturday and Sunday) of the ISO week that holds `d`.
    pub fn weekend(d: NaiveDate) -> Option<Timex> {
        let week = period(d, Precision::Week)?;
        Some(Timex {
            interval: Interval {
                first: add_days(week.first, 5)?,
                last: week.last,
            },
            precision: Precision::Week,
            modifier: None,
            kind: TimexKind::Weekend,
        })
    }

    /// The day `d`, whatever its year.
    pub fn day(d: NaiveDate) -> Timex {
        Timex {
            interval: Interval::day(d),
            precision: Precision::Day,
            modifier: None,
            kind: TimexKind::Period,
        }
    }

    /// The time of day `kind` (a clock time or a part of the day) on `day`.
    pub fn time_on(day: NaiveDate, kind: TimexKind) -> Timex {
        Timex {
            interval: Interval::day(day),
            precision: Precision::Time,
            modifier: None,
            kind,
        }
    }

    pub fn with_modifier(self, modifier: Option<Modifier>) -> Timex {
        Timex { modifier, ..self }
    }

    /// The same TIMEX3 value, whatever the modifiers.
    pub fn same_value(&self, other: &Timex) -> bool {
        self.with_modifier(None) == other.with_modifier(None)
    }

    /// Reads a TIMEX3 calendar value (surrounding spaces allowed; months,
    /// days and weeks may have one digit). None for values that name no
    /// stretch of the calendar (durations, sets, references) and for dates
    /// that do not exist. The modifier is TIMEX3's separate `mod`: None here.
    pub fn parse(value: &str) -> Option<Timex> {
        let v = value.trim();
        let (date, time) = match v.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (v, None),
        };
        let parts: Vec<&str> = date.split('-').collect();
        let year_str = parts[0];
        let year = i32::try_from(digits(year_str, 2..=4)?).ok()?;
        let t = match (year_str.len(), &parts[1..], time) {
            (2, [], None) => Timex::period(ymd(year * 100, 1, 1)?, Precision::Century)?,
            (3, [], None) => Timex::period(ymd(year * 10, 1, 1)?, Precision::Decade)?,
            (4, [], None) => Timex::period(ymd(year, 1, 1)?, Precision::Year)?,
            (4, [p], None) => {
                if let Some(s) = SEASONS.iter().position(|code| code == p) {
                    Timex::season(year, u32::try_from(s).ok()?)?
                } else if let Some(w) = p.strip_prefix('W') {
                    Timex::period(iso_week_monday(year, digits(w, 1..=2)?)?, Precision::Week)?
                } else if let Some(q) = p.strip_prefix('Q') {
                    let q = digits(q, 1..=1).filter(|q| (1..=4).contains(q))?;
                    Timex::period(ymd(year, (q - 1) * 3 + 1, 1)?, Precision::Quarter)?
                } else if let Some(h) = p.strip_prefix('H') {
                    let h = digits(h, 1..=1).filter(|h| (1..=2).contains(h))?;
                    Timex::period(ymd(year, (h - 1) * 6 + 1, 1)?, Precision::Half)?
                } else {
                    Timex::period(ymd(year, digits(p, 1..=2)?, 1)?, Precision::Month)?
                }
            }
            (4, [w, we], None) if *we == "WE" => {
                Timex::weekend(iso_week_monday(year, digits(w.strip_prefix('W')?, 1..=2)?)?)?
            }
            (4, [m, d], time) => {
                let day = ymd(year, digits(m, 1..=2)?, digits(d, 1..=2)?)?;
                match time {
                    None => Timex::period(day, Precision::Day)?,
                    Some(t) => Timex::time_on(day, parse_time_of_day(t)?),
                }
            }
            _ => return None,
        };
        Some(t)
    }

    /// The year its value string names: the ISO year of a week, the year a
    /// winter ends in, the first year of a decade or century.
    pub fn value_year(&self) -> i32 {
        let d = self.interval.first;
        match (self.kind, self.precision) {
            (TimexKind::Weekend, _) | (TimexKind::Period, Precision::Week) => d.iso_week().year(),
            (TimexKind::Period, Precision::Season) => season_of(self.interval.last).0,
            _ => d.year(),
        }
    }

    /// The interval narrowed by the modifier: START keeps the first third,
    /// MID the middle third, END the last third.
    pub fn effective_interval(&self) -> Interval {
        let Interval { first, last } = self.interval;
        let days = (last - first).num_days();
        let third = days / 3;
        match self.modifier {
            Some(Modifier::Start) => Interval {
                first,
                last: first + chrono::Duration::days(third),
            },
            Some(Modifier::Mid) => Interval {
                first: first + chrono::Duration::days(third),
                last: last - chrono::Duration::days(third),
            },
            Some(Modifier::End) => Interval {
                first: last - chrono::Duration::days(third),
                last,
            },
            _ => self.interval,
        }
    }
}

/// The Monday of ISO week `week` of ISO year `year`.
fn iso_week_monday(year: i32, week: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
}

/// The number `s` spells with a count of ASCII digits in `len`.
fn digits(s: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `15:00` or a part of the day (`MO`, `AF`, `EV`, `NI`).
fn parse_time_of_day(t: &str) -> Option<TimexKind> {
    if let Some(part) = DayPart::parse(t) {
        return Some(TimexKind::DayPart(part));
    }
    let (h, m) = t.split_once(':')?;
    let (hour, minute) = (digits(h, 2..=2)?, digits(m, 2..=2)?);
    (hour <= 24 && minute <= 59).then_some(TimexKind::Clock { hour, minute })
}

/// The TIMEX3 value string, without the modifier (TIMEX3's `mod` is a
/// separate attribute).
impl fmt::Display for Timex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_some() {
            let mut s = String::new();
            self.write_value(&mut s)?;
            return f.pad(&s);
        }
        self.write_value(f)
    }
}

impl Timex {
    /// Writes the TIMEX3 value string to `f`.
    fn write_value(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let d = self.interval.first;
        let y = d.year();
        let day = |f: &mut dyn fmt::Write| write!(f, "{:04}-{:02}-{:02}", y, d.month(), d.day());
        match self.kind {
            TimexKind::Clock { hour, minute } => {
                day(f)?;
                write!(f, "T{hour:02}:{minute:02}")
            }
            TimexKind::DayPart(part) => {
                day(f)?;
                write!(f, "T{}", part.code())
            }
            TimexKind::Weekend => {
                let w = d.iso_week();
                write!(f, "{:04}-W{:02}-WE", w.year(), w.week())
            }
            TimexKind::Period => match self.precision {
                Precision::Time | Precision::Day => day(f),
                Precision::Week => {
                    let w = d.iso_week();
                    write!(f, "{:04}-W{:02}", w.year(), w.week())
                }
                Precision::Month => write!(f, "{:04}-{:02}", y, d.month()),
                Precision::Quarter => write!(f, "{:04}-Q{}", y, (d.month() - 1) / 3 + 1),
                Precision::Half => write!(f, "{:04}-H{}", y, if d.month() <= 6 { 1 } else { 2 }),
                Precision::Season => {
                    let (sy, s) = season_of(self.interval.last);
                    write!(f, "{:04}-{}", sy, SEASONS[s as usize])
                }
                Precision::Year => write!(f, "{y:04}"),
                Precision::Decade => write!(f, "{:03}", y.div_euclid(10)),
                Precision::Century => write!(f, "{:02}", y.div_euclid(100)),
            },
        }
    }
}

/// A TIMEX3 value as the tagger writes it: a calendar value, or one that
/// names no stretch of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimexValue {
    Calendar(Timex),
    /// A duration (`P3Y`), a set (`XXXX-WXX-1`) or a reference
    /// (`PRESENT_REF`), kept as written, with its modifier.
    Other {
        value: Cow<'static, str>,
        modifier: Option<Modifier>,
    },
}

impl TimexValue {
    /// Reads any TIMEX3 value: typed when it names a stretch of the
    /// calendar, kept as written when not.
    pub fn parse(value: &str, modifier: Option<Modifier>) -> TimexValue {
        match Timex::parse(value) {
            Some(t) => TimexValue::Calendar(t.with_modifier(modifier)),
            None => TimexValue::Other {
                value: Cow::Owned(value.to_string()),
                modifier,
            },
        }
    }

    /// The calendar value, when the value names a stretch of the calendar.
    pub fn calendar(&self) -> Option<&Timex> {
        match self {
            TimexValue::Calendar(t) => Some(t),
            TimexValue::Other { .. } => None,
        }
    }

    pub fn modifier(&self) -> Option<Modifier> {
        match self {
            TimexValue::Calendar(t) => t.modifier,
            TimexValue::Other { modifier, .. } => *modifier,
        }
    }

    pub fn with_modifier(self, modifier: Option<Modifier>) -> TimexValue {
        match self {
            TimexValue::Calendar(t) => TimexValue::Calendar(t.with_modifier(modifier)),
            TimexValue::Other { value, .. } => TimexValue::Other { value, modifier },
        }
    }
}

/// The TIMEX3 value string, without the modifier.
impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimexValue::Calendar(t) => t.fmt(f),
            TimexValue::Other { value, .. } => f.pad(value),
        }
    }
}

/// A value string with its modifier after a space, `2025-01 END`: how
/// evidence and resolution notes write a value. See [`Timex::with_mod`].
pub struct WithMod<'a, T>(&'a T, Option<Modifier>);

impl<T: fmt::Display> fmt::Display for WithMod<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(m) => write!(f, "{} {m}", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

impl Timex {
    /// Displays as the value string and the modifier: `2025-01 END`.
    pub fn with_mod(&self) -> WithMod<'_, Timex> {
        WithMod(self, self.modifier)
    }
}

impl TimexValue {
    /// Displays as the value string and the modifier: `P3Y LESS_THAN`.
    pub fn with_mod(&self) -> WithMod<'_, TimexValue> {
        WithMod(self, self.modifier())
    }
}

/// Whether what is written to it spells `expected`, without allocating.
struct Spells<'a> {
    rest: &'a str,
}

impl fmt::Write for Spells<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.rest = self.rest.strip_prefix(s).ok_or(fmt::Error)?;
        Ok(())
    }
}

/// Whether `value` displays as `expected`.
fn spells(value: &impl fmt::Display, expected: &str) -> bool {
    let mut w = Spells { rest: expected };
    fmt::Write::write_fmt(&mut w, format_args!("{value}")).is_ok() && w.rest.is_empty()
}

/// Compares the TIMEX3 value string, not the modifier: `t == "2025-01"`.
impl PartialEq<&str> for Timex {
    fn eq(&self, other: &&str) -> bool {
        spells(self, other)
    }
}

/// Compares the TIMEX3 value string, not the modifier: `v == "P3Y"`.
impl PartialEq<&str> for TimexValue {
    fn eq(&self, other: &&str) -> bool {
        spells(self, other)
    }
}

/// A [`Timex`] in JSON (an event's `date`): the value string, `mod`, the
/// precision and the interval.
#[derive(Serialize, Deserialize)]
struct TimexJson {
    value: String,
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    modifier: Option<Modifier>,
    precision: Precision,
    interval: Interval,
}

impl Serialize for Timex {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TimexJson {
            value: self.to_string(),
            modifier: self.modifier,
            precision: self.precision,
            interval: self.interval,
        }
        .serialize(serializer)
    }
}

/// Reads the value string; the precision and interval follow from it.
impl<'de> Deserialize<'de> for Timex {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let json = TimexJson::deserialize(deserializer)?;
        let t = Timex::parse(&json.value)
            .ok_or_else(|| D::Error::custom(format!("not a TIMEX3 date: {}", json.value)))?;
        Ok(t.with_modifier(json.modifier))
    }
}

/// A [`TimexValue`] in JSON, as the fields of the expression that holds
/// it: the value string, `mod`, and for calendar values the interval and
/// precision.
#[derive(Serialize, Deserialize)]
struct TimexValueJson {
    value: String,
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    modifier: Option<Modifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    interval: Option<Interval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    precision: Option<Precision>,
}

impl Serialize for TimexValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let calendar = self.calendar();
        TimexValueJson {
            value: self.to_string(),
            modifier: self.modifier(),
            interval: calendar.map(|t| t.interval),
            precision: calendar.map(|t| t.precision),
        }
        .serialize(serializer)
    }
}

/// Reads the value string; the interval and precision follow from it.
impl<'de> Deserialize<'de> for TimexValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = TimexValueJson::deserialize(deserializer)?;
        Ok(TimexValue::parse(&json.value, json.modifier))
    }
}

/// (De)serializes a [`Timex`] as its value string and its modifier after a
/// space: `"2025-01 END"`.
pub mod as_value_and_modifier {
    use super::{Modifier, Timex};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(t: &Timex, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&t.with_mod())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timex, D::Error> {
        let s = String::deserialize(deserializer)?;
        let (value, modifier) = match s.split_once(' ') {
            Some((v, m)) => (
                v,
                Some(Modifier::parse(m).ok_or_else(|| D::Error::custom(m))?),
            ),
            None => (s.as_str(), None),
        };
        let t = Timex::parse(value)
            .ok_or_else(|| D::Error::custom(format!("not a TIMEX3 date: {value}")))?;
        Ok(t.with_modifier(modifier))
    }
}

/// (De)serializes a [`Timex`] as its bare value string, for fields that
/// name an earlier value (`"value": "2025-01-05"`).
pub mod as_value_string {
    use super::Timex;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(t: &Timex, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(t)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timex, D::Error> {
        let s = String::deserialize(deserializer)?;
        Timex::parse(&s).ok_or_else(|| D::Error::custom(format!("not a TIMEX3 date: {s}")))
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
    Expression {
        index: usize,
        #[serde(with = "as_value_string")]
        value: Timex,
    },
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
    /// The value and its modifier: `2025-02-07`, `2025-W05`, `P3Y`,
    /// `PRESENT_REF`, ... In JSON, the fields `value`, `mod`, and for
    /// calendar values `interval` and `precision`.
    #[serde(flatten)]
    pub value: TimexValue,
    pub anchor: Anchor,
    /// The name of the pattern that matched, for provenance.
    pub pattern: Cow<'static, str>,
}

impl TimeExpr {
    /// The calendar value, when the expression names a stretch of the
    /// calendar.
    pub fn timex(&self) -> Option<&Timex> {
        self.value.calendar()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn reads_each_calendar_value_form() {
        let table = [
            ("2025-01-28", "2025-01-28", "2025-01-28", Precision::Day),
            (
                "2025-02-07T15:00",
                "2025-02-07",
                "2025-02-07",
                Precision::Time,
            ),
            ("2025-02-07TMO", "2025-02-07", "2025-02-07", Precision::Time),
            ("2025-W05", "2025-01-27", "2025-02-02", Precision::Week),
            ("2025-W05-WE", "2025-02-01", "2025-02-02", Precision::Week),
            ("2025-01", "2025-01-01", "2025-01-31", Precision::Month),
            ("2024-02", "2024-02-01", "2024-02-29", Precision::Month),
            ("2025-Q3", "2025-07-01", "2025-09-30", Precision::Quarter),
            ("2025-H2", "2025-07-01", "2025-12-31", Precision::Half),
            ("2025-SU", "2025-06-01", "2025-08-31", Precision::Season),
            ("2025-WI", "2024-12-01", "2025-02-28", Precision::Season),
            ("2022", "2022-01-01", "2022-12-31", Precision::Year),
            ("199", "1990-01-01", "1999-12-31", Precision::Decade),
            ("19", "1900-01-01", "1999-12-31", Precision::Century),
            ("9999-12", "9999-12-01", "9999-12-31", Precision::Month),
        ];
        for (value, first, last, precision) in table {
            let t = Timex::parse(value).unwrap_or_else(|| panic!("{value}"));
            assert_eq!(
                (t.interval.first, t.interval.last, t.precision),
                (d(first), d(last), precision),
                "{value}"
            );
            assert_eq!(t.to_string(), value, "writes back {value}");
        }
    }

    /// TimeBank writes "the winter of 1994" (Dec 1993 to Feb 1994) as
    /// `1994-WI`: a winter takes the year of its January.
    #[test]
    fn reads_winter_as_the_winter_ending_in_its_year() {
        let t = Timex::parse("2025-WI").unwrap();
        assert_eq!(
            (t.interval.first, t.interval.last, t.precision),
            (d("2024-12-01"), d("2025-02-28"), Precision::Season)
        );
    }

    #[test]
    fn writes_each_precision_of_the_period_holding_a_day() {
        let day = d("2025-02-07");
        let cases = [
            (Precision::Day, "2025-02-07"),
            (Precision::Week, "2025-W06"),
            (Precision::Month, "2025-02"),
            (Precision::Quarter, "2025-Q1"),
            (Precision::Season, "2025-WI"),
            (Precision::Half, "2025-H1"),
            (Precision::Year, "2025"),
            (Precision::Decade, "202"),
            (Precision::Century, "20"),
        ];
        for (p, want) in cases {
            assert_eq!(Timex::period(day, p).unwrap().to_string(), want, "{p:?}");
        }
    }

    #[test]
    fn reads_back_the_days_of_every_season_the_tagger_writes() {
        let tagger = crate::temporal::Tagger::default();
        for (text, dct) in [
            ("It snowed last winter.", "2025-06-09"),
            ("It will snow this winter.", "2024-12-15"),
            ("It snowed in the winter of 1994.", "1998-02-23"),
            ("The plant closes next winter.", "2025-02-09"),
            ("Sales rose last spring.", "2025-02-09"),
            ("It was hot last summer.", "2025-02-09"),
            ("Leaves fell last fall.", "2025-02-09"),
        ] {
            let exprs = tagger.tag(text, d(dct));
            let e = exprs.first().unwrap_or_else(|| panic!("{text}"));
            let read = Timex::parse(&e.value.to_string());
            assert_eq!(
                read.map(|t| (t.interval, t.precision)),
                e.timex().map(|t| (t.interval, Precision::Season)),
                "{text} -> {}",
                e.value
            );
        }
    }

    #[test]
    fn non_calendar_values_are_none() {
        for v in [
            "P3Y",
            "PRESENT_REF",
            "XXXX-WXX-1",
            "2025-13",
            "0000",
            "00",
            "20251",
            "",
            "2025-02-30",
            "2025-Q5",
            "2025-+1",
            "2025-02-07T25:00",
        ] {
            assert_eq!(Timex::parse(v), None, "{v}");
        }
    }

    #[test]
    fn other_values_are_kept_as_written() {
        let v = TimexValue::parse("P3Y", Some(Modifier::MoreThan));
        assert_eq!(v.to_string(), "P3Y");
        assert_eq!(v.calendar(), None);
        assert_eq!(v.modifier(), Some(Modifier::MoreThan));
    }
}
