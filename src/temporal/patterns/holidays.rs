//! Named days with fixed or computed dates: "Christmas", "Christmas Eve",
//! "New Year's Day", "New Year's Eve", "Independence Day", "Thanksgiving",
//! "Easter", "Valentine's Day", "Halloween", "Memorial Day", "Labor Day",
//! "Veterans Day", "Election Day", optionally with a year ("Christmas 2024").

use super::{Cand, Cx, Holiday, Sem};
use crate::temporal::token::{Kw, Lex, Unit};

fn day_word(cx: &Cx, j: usize) -> bool {
    cx.unit(j) == Some((Unit::Day, false)) && cx.t(j).is_some_and(|t| t.cap)
}

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    if !cx.t(i).is_some_and(|t| t.cap) {
        return None;
    }
    let (h, end) = match cx.lex(i) {
        Lex::Kw(Kw::Christmas) => {
            if cx.kw(i + 1, Kw::Eve) {
                (Holiday::Fixed(12, 24), i + 2)
            } else if day_word(cx, i + 1) {
                (Holiday::Fixed(12, 25), i + 2)
            } else {
                (Holiday::Fixed(12, 25), i + 1)
            }
        }
        Lex::Kw(Kw::New) => {
            // New Year's Day / Eve
            if !cx.s(i + 1).eq_ignore_ascii_case("year") {
                return None;
            }
            let mut k = i + 2;
            if cx.punct(k, b'\'') && cx.s(k + 1) == "s" {
                k += 2;
            }
            if cx.kw(k, Kw::Eve) {
                (Holiday::Fixed(12, 31), k + 1)
            } else if day_word(cx, k) {
                (Holiday::Fixed(1, 1), k + 1)
            } else {
                return None;
            }
        }
        Lex::Kw(Kw::Independence) if day_word(cx, i + 1) => (Holiday::Fixed(7, 4), i + 2),
        Lex::Kw(Kw::Thanksgiving) => {
            let h = Holiday::NthWeekday { m: 11, wd: 3, n: 3 };
            if day_word(cx, i + 1) {
                (h, i + 2)
            } else {
                (h, i + 1)
            }
        }
        Lex::Kw(Kw::Easter) => {
            if cx.s(i + 1) == "Sunday" {
                (Holiday::Easter, i + 2)
            } else {
                (Holiday::Easter, i + 1)
            }
        }
        Lex::Kw(Kw::Valentine) => {
            let k = if cx.punct(i + 1, b'\'') && cx.s(i + 2) == "s" {
                i + 3
            } else {
                i + 1
            };
            if !day_word(cx, k) {
                return None;
            }
            (Holiday::Fixed(2, 14), k + 1)
        }
        Lex::Kw(Kw::Halloween) => (Holiday::Fixed(10, 31), i + 1),
        Lex::Kw(Kw::Election) if day_word(cx, i + 1) => (Holiday::ElectionDay, i + 2),
        Lex::Kw(Kw::Memorial) if day_word(cx, i + 1) => {
            (Holiday::NthWeekday { m: 5, wd: 0, n: 4 }, i + 2)
        }
        Lex::Kw(Kw::Labor) if day_word(cx, i + 1) => {
            (Holiday::NthWeekday { m: 9, wd: 0, n: 0 }, i + 2)
        }
        Lex::Kw(Kw::Veterans) if day_word(cx, i + 1) => (Holiday::Fixed(11, 11), i + 2),
        _ => return None,
    };
    let (y, end) = match cx.num(end) {
        Some(y) if cx.digits(end) == 4 => (Some(y as i32), end + 1),
        _ => (None, end),
    };
    Some(Cand::date(
        i,
        end,
        Sem::Holiday { h, y },
        "holidays.named_day",
    ))
}

#[cfg(test)]
mod tests {
    use super::super::check_table;

    #[test]
    fn resolves_named_days() {
        check_table(&[
            (
                "on New Year's Day the",
                "2025-02-09",
                "New Year's Day",
                "2025-01-01",
                "",
            ),
            (
                "at Christmas 2024 they",
                "2025-02-09",
                "Christmas 2024",
                "2024-12-25",
                "",
            ),
            (
                "We will march on Independence Day",
                "2025-02-09",
                "Independence Day",
                "2025-07-04",
                "",
            ),
            (
                "They met on Thanksgiving Day",
                "2025-02-09",
                "Thanksgiving Day",
                "2024-11-28",
                "",
            ),
        ]);
    }
}
