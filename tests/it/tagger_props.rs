//! Properties of the tagger over arbitrary input: it never panics, and every
//! span lies on char boundaries inside the text with `text` equal to the
//! bytes it covers.

use chrono::NaiveDate;
use dateline::temporal::{DateOrder, Mode, Tagger, TaggerOptions};
use proptest::prelude::*;

fn date(days: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Days::new(days as u64)
}

/// Text that is mostly date-like words, so the patterns are really exercised.
fn datey_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "on",
        "Friday",
        "last",
        "week",
        "the",
        "18th",
        "January",
        "18,",
        "2025",
        "9999",
        "0001",
        "early",
        "late",
        "mid-",
        "March",
        "May",
        "ago",
        "three",
        "years",
        "a",
        "year",
        "earlier",
        "Q3",
        "1/18/2025",
        "2025-01-18",
        "'90s",
        "1990s",
        "3",
        "p.m.",
        "noon",
        "next",
        "nearly",
        "-",
        "5-9",
        "from",
        "to",
        "between",
        "and",
        "every",
        "Monday",
        "Christmas",
        "the end of",
        "quarter",
        "third",
        "fiscal",
        "é",
        "—",
        "\n",
        ".",
        "tonight",
        "following",
        "day",
        "before",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

fn check(text: &str, days: i32, narrative: bool, day_month: bool) -> Result<(), TestCaseError> {
    let t = Tagger::new(TaggerOptions {
        mode: if narrative {
            Mode::Narrative
        } else {
            Mode::News
        },
        date_order: if day_month {
            DateOrder::DayMonth
        } else {
            DateOrder::MonthDay
        },
        ..Default::default()
    });
    for e in t.tag(text, date(days)) {
        prop_assert!(e.start < e.end, "{e:?}");
        prop_assert!(e.end <= text.len(), "{e:?}");
        prop_assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "{e:?}"
        );
        prop_assert_eq!(&e.text, &text[e.start..e.end]);
    }
    Ok(())
}

// Days from 0001-01-01 to 9999-12-31.
const MAX_DAYS: i32 = 3_652_058;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_and_spans_are_valid_on_any_text(
        text in any::<String>(),
        days in 0..=MAX_DAYS,
        narrative: bool,
        day_month: bool,
    ) {
        check(&text, days, narrative, day_month)?;
    }

    #[test]
    fn never_panics_and_spans_are_valid_on_date_like_text(
        text in datey_text(),
        days in prop_oneof![0..=400i32, (MAX_DAYS - 400)..=MAX_DAYS, 0..=MAX_DAYS],
        narrative: bool,
        day_month: bool,
    ) {
        check(&text, days, narrative, day_month)?;
    }
}
