//! Days of the week: "Friday", "on Friday" (span "Friday"), "last Friday",
//! "next Friday", "this Friday", "Friday's" (span "Friday"), and "the
//! weekend". Which Friday a bare one is comes from the tense of the sentence
//! (anchor.rs).

use super::{Cand, Cx, Dir, Sem, reject};
use crate::temporal::token::{Kw, Lex, Unit};

/// The pattern name of a bare weekday ("on Friday"), which a caller may
/// read again (a live page moves such a weekday to the day after filing).
pub const BARE_WEEKDAY: &str = "weekdays.weekday";

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    weekday(cx, i).or_else(|| weekend(cx, i))
}

fn weekday(cx: &Cx, i: usize) -> Option<Cand> {
    let (dir, j) = match cx.lex(i) {
        Lex::Kw(Kw::Last | Kw::Past | Kw::Previous) => (Dir::Last, i + 1),
        Lex::Kw(Kw::Next | Kw::Coming) => (Dir::Next, i + 1),
        Lex::Kw(Kw::This) => (Dir::This, i + 1),
        _ => (Dir::Auto, i),
    };
    let Lex::Weekday(wd) = cx.lex(j) else {
        return None;
    };
    if !reject::weekday_ok(cx, j) {
        return None;
    }
    // "Friday's meeting": TimeML leaves the possessive out of the span.
    let end = j + 1;
    Some(Cand::date(
        i,
        end,
        Sem::Weekday { wd, dir },
        if dir == Dir::Auto {
            BARE_WEEKDAY
        } else {
            "weekdays.relative_weekday"
        },
    ))
}

/// "the weekend", "this weekend", "last weekend", "next weekend".
fn weekend(cx: &Cx, i: usize) -> Option<Cand> {
    // "this past weekend" is the last one.
    let (n, j) = match cx.lex(i) {
        Lex::Kw(Kw::This) if cx.kw(i + 1, Kw::Past) => (-1, i + 2),
        Lex::Kw(Kw::The | Kw::This) => (0, i + 1),
        Lex::Kw(Kw::Last | Kw::Past) => (-1, i + 1),
        Lex::Kw(Kw::Next | Kw::Coming) => (1, i + 1),
        _ => return None,
    };
    if cx.unit(j) != Some((Unit::Weekend, false)) {
        return None;
    }
    Some(Cand::date(i, j + 1, Sem::Weekend { n }, "weekdays.weekend"))
}

#[cfg(test)]
mod tests {
    use super::super::{check_rejects, check_table};

    #[test]
    fn resolves_friday_to_previous_friday_in_past_tense() {
        check_table(&[
            (
                "Trump spoke with a reporter on Friday aboard",
                "2025-02-09",
                "Friday",
                "2025-02-07",
                "",
            ),
            (
                "The talks ended last Friday.",
                "2025-02-09",
                "last Friday",
                "2025-02-07",
                "",
            ),
            (
                "Officials said Monday that",
                "2025-02-09",
                "Monday",
                "2025-02-03",
                "",
            ),
            (
                "Friday's meeting was long",
                "2025-02-09",
                "Friday",
                "2025-02-07",
                "",
            ),
        ]);
    }

    #[test]
    fn resolves_friday_to_coming_friday_in_future_tense() {
        check_table(&[
            (
                "He will speak Friday.",
                "2025-02-07",
                "Friday",
                "2025-02-07",
                "",
            ),
            (
                "They will meet on Friday.",
                "2025-02-09",
                "Friday",
                "2025-02-14",
                "",
            ),
            (
                "The vote is next Friday.",
                "2025-02-09",
                "next Friday",
                "2025-02-14",
                "",
            ),
            (
                "He is going to visit on Tuesday",
                "2025-02-09",
                "Tuesday",
                "2025-02-11",
                "",
            ),
        ]);
    }

    #[test]
    fn reads_plans_deadlines_and_passives_as_looking_ahead() {
        check_table(&[
            // 2025-02-09 is a Sunday.
            (
                "Talks are set to resume Monday in Belfast.",
                "2025-02-09",
                "Monday",
                "2025-02-10",
                "",
            ),
            (
                "Officials said they did not plan to act on Thursday.",
                "2025-02-09",
                "Thursday",
                "2025-02-13",
                "",
            ),
            (
                "The agency postponed the action until Tuesday.",
                "2025-02-09",
                "Tuesday",
                "2025-02-11",
                "",
            ),
            (
                "Traders squared positions ahead of the weekend.",
                "2025-02-05",
                "the weekend",
                "2025-W06-WE",
                "",
            ),
            (
                "He said the order will be signed Wednesday.",
                "2025-02-09",
                "Wednesday",
                "2025-02-12",
                "",
            ),
            (
                "The stock is to resume trading in Paris Tuesday.",
                "2025-02-09",
                "Tuesday",
                "2025-02-11",
                "",
            ),
        ]);
    }

    #[test]
    fn reads_a_plan_that_had_been_made_as_past() {
        check_table(&[
            (
                "The offer had been scheduled to expire Friday.",
                "2025-02-10",
                "Friday",
                "2025-02-07",
                "",
            ),
            (
                "Until Thursday, they had not named him.",
                "2025-02-09",
                "Thursday",
                "2025-02-06",
                "",
            ),
            (
                "The family could not be located Wednesday.",
                "2025-02-09",
                "Wednesday",
                "2025-02-05",
                "",
            ),
        ]);
    }

    #[test]
    fn reads_plan_as_ahead_only_when_it_is_a_verb() {
        // 2025-02-09 is a Sunday.
        check_table(&[
            (
                "Protesters planned a large rally on Saturday.",
                "2025-02-14",
                "Saturday",
                "2025-02-15",
                "",
            ),
            (
                "The accession was planned for Tuesday.",
                "2025-02-09",
                "Tuesday",
                "2025-02-11",
                "",
            ),
            (
                "A memorial planned at the university for Saturday was canceled.",
                "2025-02-09",
                "Saturday",
                "2025-02-08",
                "",
            ),
            (
                "On Friday, when she set aside vacation plans, the ministry spoke.",
                "2025-02-09",
                "Friday",
                "2025-02-07",
                "",
            ),
        ]);
    }

    #[test]
    fn reads_a_possessive_weekday_as_past_unless_awaited() {
        // 2025-02-09 is a Sunday.
        check_table(&[
            (
                "Lawyers will challenge Tuesday's decision.",
                "2025-02-09",
                "Tuesday",
                "2025-02-04",
                "",
            ),
            (
                "Markets steadied ahead of Tuesday's vote.",
                "2025-02-09",
                "Tuesday",
                "2025-02-11",
                "",
            ),
            (
                "Tuesday's scheduled talks were moved.",
                "2025-02-09",
                "Tuesday",
                "2025-02-11",
                "",
            ),
            (
                "They would look for ways to get around Wednesday's ruling.",
                "2025-02-09",
                "Wednesday",
                "2025-02-05",
                "",
            ),
        ]);
    }

    #[test]
    fn resolves_weekends_to_week_values() {
        check_table(&[
            (
                "This past weekend, protesters gathered.",
                "2025-02-09",
                "This past weekend",
                "2025-W05-WE",
                "",
            ),
            (
                "Rain will fall over the weekend.",
                "2025-02-05",
                "the weekend",
                "2025-W06-WE",
                "",
            ),
            (
                "It rained over the weekend.",
                "2025-02-04",
                "the weekend",
                "2025-W05-WE",
                "",
            ),
        ]);
    }

    #[test]
    fn does_not_tag_weekdays_inside_names() {
        check_rejects(&[
            ("according to the Sunday Times report", "Sunday"),
            ("the Good Friday Agreement", "Friday"),
            ("Robinson Crusoe met his man friday", "friday"),
        ]);
    }
}
