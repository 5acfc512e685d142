//! Reads a TIMEX3 value string back into the calendar: `2025-01-28`,
//! `2025-W05`, `2025-01`, `2025-Q1`, `2025-SU`, `2022`, `199` (a decade),
//! `19` (a century), `2025-02-07T15:00`. Used for hand-curated events and
//! anywhere a value must become an interval.

use super::calendar::{SEASONS, last_of_month, season_interval, ymd};
use super::value::{Interval, Precision};
use chrono::{Datelike, NaiveDate, Weekday};

/// The interval and precision a TIMEX3 calendar value names, or None for
/// values that name no stretch of the calendar (durations, sets, references).
pub fn parse_value(value: &str) -> Option<(Interval, Precision)> {
    let v = value.trim();
    let (date_part, has_time) = match v.split_once('T') {
        Some((d, _)) => (d, true),
        None => (v, false),
    };
    let parts: Vec<&str> = date_part.split('-').collect();
    let year_str = parts.first()?;
    if !year_str.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match (year_str.len(), parts.len()) {
        (2, 1) => {
            let c: i32 = year_str.parse().ok()?;
            return span(
                ymd(c * 100, 1, 1)?,
                ymd(c * 100 + 99, 12, 31)?,
                Precision::Century,
            );
        }
        (3, 1) => {
            let d: i32 = year_str.parse().ok()?;
            return span(
                ymd(d * 10, 1, 1)?,
                ymd(d * 10 + 9, 12, 31)?,
                Precision::Decade,
            );
        }
        (4, _) => {}
        _ => return None,
    }
    let year: i32 = year_str.parse().ok()?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    match parts.len() {
        1 => span(ymd(year, 1, 1)?, ymd(year, 12, 31)?, Precision::Year),
        2 => {
            let p = parts[1];
            if let Some(s) = SEASONS.iter().position(|code| *code == p) {
                let iv = season_interval(year, u32::try_from(s).ok()?)?;
                span(iv.first, iv.last, Precision::Season)
            } else if let Some(w) = p.strip_prefix('W') {
                let week: u32 = w.parse().ok()?;
                let first = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
                span(first, first + chrono::Duration::days(6), Precision::Week)
            } else if let Some(q) = p.strip_prefix('Q') {
                let q: u32 = q.parse().ok()?;
                if !(1..=4).contains(&q) {
                    return None;
                }
                let first = ymd(year, (q - 1) * 3 + 1, 1)?;
                span(first, last_of_month(year, q * 3)?, Precision::Quarter)
            } else if let Some(h) = p.strip_prefix('H') {
                let h: u32 = h.parse().ok()?;
                if !(1..=2).contains(&h) {
                    return None;
                }
                span(
                    ymd(year, (h - 1) * 6 + 1, 1)?,
                    last_of_month(year, h * 6)?,
                    Precision::Half,
                )
            } else {
                let month: u32 = p.parse().ok()?;
                span(
                    ymd(year, month, 1)?,
                    last_of_month(year, month)?,
                    Precision::Month,
                )
            }
        }
        3 => {
            let month: u32 = parts[1].parse().ok()?;
            let day: u32 = parts[2].parse().ok()?;
            let d = ymd(year, month, day)?;
            span(
                d,
                d,
                if has_time {
                    Precision::Time
                } else {
                    Precision::Day
                },
            )
        }
        _ => None,
    }
}

fn span(first: NaiveDate, last: NaiveDate, p: Precision) -> Option<(Interval, Precision)> {
    (first <= last && first.year() >= 1).then_some((Interval { first, last }, p))
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
            ("2025-W05", "2025-01-27", "2025-02-02", Precision::Week),
            ("2025-01", "2025-01-01", "2025-01-31", Precision::Month),
            ("2024-02", "2024-02-01", "2024-02-29", Precision::Month),
            ("2025-Q3", "2025-07-01", "2025-09-30", Precision::Quarter),
            ("2025-WI", "2024-12-01", "2025-02-28", Precision::Season),
            ("2022", "2022-01-01", "2022-12-31", Precision::Year),
            ("199", "1990-01-01", "1999-12-31", Precision::Decade),
            ("19", "1900-01-01", "1999-12-31", Precision::Century),
            ("9999-12", "9999-12-01", "9999-12-31", Precision::Month),
        ];
        for (value, first, last, precision) in table {
            let (i, p) = parse_value(value).unwrap_or_else(|| panic!("{value}"));
            assert_eq!(
                (i.first, i.last, p),
                (d(first), d(last), precision),
                "{value}"
            );
        }
    }

    /// TimeBank writes "the winter of 1994" (Dec 1993 to Feb 1994) as
    /// `1994-WI`: a winter takes the year of its January.
    #[test]
    fn reads_winter_as_the_winter_ending_in_its_year() {
        let (i, p) = parse_value("2025-WI").unwrap();
        assert_eq!(
            (i.first, i.last, p),
            (d("2024-12-01"), d("2025-02-28"), Precision::Season)
        );
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
            let read = parse_value(&e.value);
            assert_eq!(
                read,
                Some((e.interval.unwrap(), Precision::Season)),
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
            "20251",
            "",
            "2025-02-30",
        ] {
            assert_eq!(parse_value(v), None, "{v}");
        }
    }
}
