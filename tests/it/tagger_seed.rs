//! The seed article (tests/fixtures/seed-article.txt, a copy of
//! shared/examples/seed-article.txt that the example site was made from,
//! dated 2025-02-09):
//! every date the issue names resolves as stated, and the look-alikes in it
//! do not match.

use chrono::NaiveDate;
use dateline::temporal::{Modifier, Tagger, TimeExpr, TimexType};
use std::path::PathBuf;

fn seed() -> (String, Vec<TimeExpr>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-article.txt");
    let text = std::fs::read_to_string(&path).expect("the vendored seed article");
    let dct = NaiveDate::from_ymd_opt(2025, 2, 9).unwrap();
    let found = Tagger::default().tag(&text, dct);
    (text, found)
}

fn find<'a>(found: &'a [TimeExpr], text: &str) -> Vec<&'a TimeExpr> {
    found.iter().filter(|e| e.text == text).collect()
}

#[test]
fn resolves_both_on_fridays_to_february_7() {
    let (_, found) = seed();
    let fridays = find(&found, "Friday");
    assert_eq!(fridays.len(), 2, "{found:#?}");
    for f in fridays {
        assert_eq!(f.value, "2025-02-07");
        assert_eq!(f.timex_type, TimexType::Date);
    }
}

#[test]
fn resolves_last_week_to_iso_week_5() {
    let (_, found) = seed();
    assert_eq!(find(&found, "last week")[0].value, "2025-W05");
}

#[test]
fn resolves_late_last_month_to_end_of_january() {
    let (_, found) = seed();
    let e = find(&found, "Late last month")[0];
    assert_eq!(e.value, "2025-01");
    assert_eq!(e.value.modifier(), Some(Modifier::End));
}

#[test]
fn resolves_month_day_dates() {
    let (_, found) = seed();
    assert_eq!(find(&found, "January 28")[0].value, "2025-01-28");
    assert_eq!(find(&found, "January 18, 2025")[0].value, "2025-01-18");
}

#[test]
fn resolves_early_2022_with_start_modifier() {
    let (_, found) = seed();
    let e = find(&found, "early 2022")[0];
    assert_eq!(e.value, "2022");
    assert_eq!(e.value.modifier(), Some(Modifier::Start));
}

#[test]
fn reads_nearly_three_year_as_a_duration_less_than_three_years() {
    let (_, found) = seed();
    let e = found
        .iter()
        .find(|e| e.text.contains("three-year"))
        .expect("three-year");
    assert!(
        e.text == "nearly three-year" || e.text == "three-year",
        "{e:?}"
    );
    assert_eq!(e.timex_type, TimexType::Duration);
    assert_eq!(e.value, "P3Y");
    assert_eq!(e.value.modifier(), Some(Modifier::LessThan));
}

#[test]
fn reads_recently_as_past_ref() {
    let (_, found) = seed();
    assert_eq!(find(&found, "recently")[0].value, "PAST_REF");
}

#[test]
fn does_not_tag_may_not_know_or_the_60th() {
    let (text, found) = seed();
    for phrase in ["may not know", "the 60th"] {
        let at = text.find(phrase).unwrap();
        let end = at + phrase.len();
        let hit = found.iter().find(|e| e.start < end && at < e.end);
        assert!(hit.is_none(), "{phrase:?} matched {hit:?}");
    }
}
