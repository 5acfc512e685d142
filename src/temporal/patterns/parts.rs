//! Parts and fuzz in front of another expression: "early 2022" (START),
//! "late last month" (END), "mid-March" (MID), "the end of the year", "the
//! beginning of 1998", "earlier this month", "around March 5" (APPROX),
//! "nearly three years" (LESS_THAN), "more than a decade" (MORE_THAN), "at
//! least the past 18 months" (EQUAL_OR_MORE).
//!
//! A prefix never matches alone: it wraps whatever the families find after
//! it and adds its modifier.

use super::{Cand, Cx, Sem, best_at, best_core};
use crate::temporal::token::{Kw, Lex, Unit};
use crate::temporal::value::{Modifier, TimexType};

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    part(cx, i).or_else(|| fuzz(cx, i))
}

/// Wraps the best match at `j` as a match from `i` with modifier `m`.
fn wrap(
    cx: &Cx,
    i: usize,
    j: usize,
    m: Option<Modifier>,
    pattern: &'static str,
    fuzz: bool,
) -> Option<Cand> {
    let inner = if fuzz {
        best_at(cx, j)
    } else {
        best_core(cx, j)
    }?;
    if inner.a != j {
        return None;
    }
    if !fuzz && !matches!(inner.ty, TimexType::Date | TimexType::Time) {
        return None;
    }
    if let Sem::Raw(_) = inner.sem
        && !fuzz
    {
        return None;
    }
    let mut c = inner;
    c.a = i;
    c.pattern = pattern;
    if m.is_some() {
        c.modifier = m;
    }
    Some(c)
}

fn part(cx: &Cx, i: usize) -> Option<Cand> {
    let (m, j, p): (Option<Modifier>, usize, &'static str) = match cx.lex(i) {
        Lex::Kw(Kw::Early) => {
            let j = if cx.hyphen(i + 1) { i + 2 } else { i + 1 };
            (Some(Modifier::Start), j, "parts.early")
        }
        Lex::Kw(Kw::Late) => {
            let j = if cx.hyphen(i + 1) { i + 2 } else { i + 1 };
            (Some(Modifier::End), j, "parts.late")
        }
        Lex::Kw(Kw::Mid) => {
            let j = if cx.hyphen(i + 1) { i + 2 } else { i + 1 };
            (Some(Modifier::Mid), j, "parts.mid")
        }
        Lex::Kw(Kw::Earlier | Kw::Later) => {
            // "earlier this month" (START), "later this year" (END).
            // TimeML keeps "earlier" in "earlier this month/year" but not in
            // "earlier this week" or "earlier Friday".
            let this_long = cx.kw(i + 1, Kw::This)
                && matches!(
                    cx.unit(i + 2),
                    Some((Unit::Month | Unit::Year | Unit::Quarter, false))
                );
            let that_unit = cx.kw(i + 1, Kw::That) && cx.unit(i + 2).is_some();
            if !(this_long || that_unit) {
                return None;
            }
            let m = if cx.kw(i, Kw::Earlier) {
                Modifier::Start
            } else {
                Modifier::End
            };
            (Some(m), i + 1, "parts.earlier_this")
        }
        Lex::Kw(Kw::The) | Lex::Kw(Kw::End | Kw::Beginning | Kw::Start | Kw::Middle) => {
            return part_of(cx, i);
        }
        _ => return None,
    };
    // "late last month" must not read "late" as an adjective of a noun.
    wrap(cx, i, j, m, p, false)
}

/// "the end of the year", "end of March", "the beginning of 1998", "the
/// middle of next week", "the first half of" is in relative.rs.
fn part_of(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    if cx.kw(j, Kw::The) {
        j += 1;
    }
    let m = match cx.lex(j) {
        Lex::Kw(Kw::End) => Modifier::End,
        Lex::Kw(Kw::Beginning | Kw::Start) => Modifier::Start,
        Lex::Kw(Kw::Middle) => Modifier::Mid,
        _ => return None,
    };
    if !cx.kw(j + 1, Kw::Of) {
        return None;
    }
    let k = j + 2;
    // "the end of the year": the anaphoric year of the reference.
    if cx.kw(k, Kw::The)
        && let Some((u, false)) = cx.unit(k + 1)
        && !matches!(u, Unit::Weekend | Unit::Half)
        && !cx.hyphen(k + 2)
    {
        let sem = Sem::Rel {
            unit: u,
            n: 0,
            base: super::Base::Auto,
            inherit: false,
        };
        let mut c = Cand::date(i, k + 2, sem, "parts.end_of_the_unit");
        c.modifier = Some(m);
        return Some(c);
    }
    wrap(cx, i, k, Some(m), "parts.part_of", false)
}

/// "around March 5", "nearly three years", "more than a decade", "at least".
fn fuzz(cx: &Cx, i: usize) -> Option<Cand> {
    // "ways to get around Wednesday's ruling": "around" belongs to the verb.
    if cx.kw(i, Kw::Around) && i > 0 && cx.word_in(i - 1, cx.words().phrasal_around) {
        return None;
    }
    let (m, j) = match cx.lex(i) {
        Lex::Kw(Kw::About | Kw::Around | Kw::Roughly | Kw::Approximately) => {
            (Modifier::Approx, i + 1)
        }
        Lex::Kw(Kw::Some) if cx.qty(i + 1).is_some() && !cx.kw(i + 1, Kw::A) => {
            (Modifier::Approx, i + 1)
        }
        Lex::Kw(Kw::Nearly | Kw::Almost) => (Modifier::LessThan, i + 1),
        Lex::Kw(Kw::More) if cx.kw(i + 1, Kw::Than) => (Modifier::MoreThan, i + 2),
        Lex::Kw(Kw::Less) if cx.kw(i + 1, Kw::Than) => (Modifier::LessThan, i + 2),
        Lex::Kw(Kw::At) if cx.kw(i + 1, Kw::Least) => (Modifier::EqualOrMore, i + 2),
        Lex::Kw(Kw::At) if cx.kw(i + 1, Kw::Most) => (Modifier::EqualOrLess, i + 2),
        Lex::Kw(Kw::Up) if cx.kw(i + 1, Kw::To) => (Modifier::EqualOrLess, i + 2),
        _ => return None,
    };
    let mut c = wrap(cx, i, j, Some(m), "parts.fuzz", true)?;
    // TimeML leaves "about" out of the span but keeps "nearly", "more than".
    if cx.kw(i, Kw::About) {
        c.a = j;
    }
    // Dates take APPROX for any fuzz word except before/after-like ones.
    if c.ty != TimexType::Duration && m != Modifier::Approx {
        // "nearly two weeks ago" keeps its date; "almost" on a date is APPROX.
        c.modifier = Some(Modifier::Approx);
    }
    if c.ty == TimexType::Set {
        return None;
    }
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::super::check_table;

    #[test]
    fn resolves_late_last_month_to_end_of_january() {
        check_table(&[
            (
                "Late last month, Putin",
                "2025-02-09",
                "Late last month",
                "2025-01",
                "END",
            ),
            (
                "since early 2022, according",
                "2025-02-09",
                "early 2022",
                "2022",
                "START",
            ),
            (
                "in mid-March the",
                "2025-02-09",
                "mid-March",
                "2025-03",
                "MID",
            ),
            (
                "by the end of the year",
                "2025-02-09",
                "the end of the year",
                "2025",
                "END",
            ),
            (
                "at the beginning of 1998",
                "2025-02-09",
                "the beginning of 1998",
                "1998",
                "START",
            ),
            (
                "earlier this month",
                "2025-02-09",
                "earlier this month",
                "2025-02",
                "START",
            ),
        ]);
    }

    #[test]
    fn marks_fuzzy_amounts_and_dates() {
        check_table(&[
            (
                "around March 5 the",
                "2025-02-09",
                "around March 5",
                "2025-03-05",
                "APPROX",
            ),
            (
                "for nearly three years",
                "2025-02-09",
                "nearly three years",
                "P3Y",
                "LESS_THAN",
            ),
            (
                "the nearly three-year war",
                "2025-02-09",
                "nearly three-year",
                "P3Y",
                "LESS_THAN",
            ),
            (
                "for more than a decade",
                "2025-02-09",
                "more than a decade",
                "P10Y",
                "MORE_THAN",
            ),
            (
                "for at least 18 months",
                "2025-02-09",
                "at least 18 months",
                "P18M",
                "EQUAL_OR_MORE",
            ),
        ]);
    }
}
