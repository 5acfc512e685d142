//! Date labels at an event's true precision: "Fri 7 Feb 2025", "week of 27
//! Jan 2025", "late Jan 2025", "early 2022", "reported 9 Feb 2025".

use super::{Event, EventKind};
use crate::temporal::Timex;
use crate::temporal::{Modifier, Precision};
use chrono::{Datelike, NaiveDate};

pub fn event_label(e: &Event) -> String {
    match e.kind {
        EventKind::Reported => {
            let day = e
                .sources
                .first()
                .map_or(e.date.interval.first, |s| s.published);
            format!("reported {}", day.format("%-d %b %Y"))
        }
        EventKind::Happened => date_label(&e.date),
    }
}

pub fn date_label(d: &Timex) -> String {
    let first = d.interval.first;
    let base = match d.precision {
        Precision::Time | Precision::Day => first.format("%a %-d %b %Y").to_string(),
        Precision::Week => format!("week of {}", first.format("%-d %b %Y")),
        Precision::Month => first.format("%b %Y").to_string(),
        Precision::Quarter => format!("Q{} {}", (first.month() - 1) / 3 + 1, first.year()),
        Precision::Season => format!("{} {}", season_name(first), first.year()),
        Precision::Half if first.month() <= 6 => format!("first half of {}", first.year()),
        Precision::Half => format!("second half of {}", first.year()),
        Precision::Year => first.year().to_string(),
        Precision::Decade => format!("{}s", first.year()),
        Precision::Century => format!("{} century", ordinal(first.year() / 100 + 1)),
    };
    match d.modifier {
        Some(Modifier::Start) => format!("early {base}"),
        Some(Modifier::Mid) => format!("mid-{base}"),
        Some(Modifier::End) => format!("late {base}"),
        Some(Modifier::Approx) => format!("around {base}"),
        Some(
            Modifier::Before | Modifier::LessThan | Modifier::OnOrBefore | Modifier::EqualOrLess,
        ) => format!("before {base}"),
        Some(
            Modifier::After | Modifier::MoreThan | Modifier::OnOrAfter | Modifier::EqualOrMore,
        ) => format!("after {base}"),
        None => base,
    }
}

/// The `datetime` attribute value for a `<time>` element.
pub fn machine_date(d: &Timex) -> String {
    let first = d.interval.first;
    match d.precision {
        Precision::Time | Precision::Day => first.format("%Y-%m-%d").to_string(),
        Precision::Week => format!(
            "{}-W{:02}",
            first.iso_week().year(),
            first.iso_week().week()
        ),
        Precision::Month => first.format("%Y-%m").to_string(),
        _ => first.year().to_string(),
    }
}

fn season_name(first: NaiveDate) -> &'static str {
    match first.month() {
        3..=5 => "spring",
        6..=8 => "summer",
        9..=11 => "autumn",
        _ => "winter",
    }
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(value: &str, modifier: Option<Modifier>) -> String {
        date_label(&Timex::parse(value).unwrap().with_modifier(modifier))
    }

    #[test]
    fn labels_show_the_true_precision() {
        assert_eq!(label("2025-02-07", None), "Fri 7 Feb 2025");
        assert_eq!(label("2025-W05", None), "week of 27 Jan 2025");
        assert_eq!(label("2025-01", Some(Modifier::End)), "late Jan 2025");
        assert_eq!(label("2022", Some(Modifier::Start)), "early 2022");
        assert_eq!(label("2024-Q3", None), "Q3 2024");
        assert_eq!(label("199", None), "1990s");
        assert_eq!(label("19", None), "20th century");
        assert_eq!(label("2025-SU", None), "summer 2025");
    }
}
