//! Dates written with a month name: "January 18, 2025", "Jan. 18", "Friday,
//! Oct. 23", "18 January 2025", "the 18th of January", "January 2025",
//! "January of 1998" and a month alone ("in March").

use super::{Base, Cand, Cx, Dir, Sem, YearSpec, reject};
use crate::temporal::token::{Kind, Kw, Lex, Unit};

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    // "last November", "this September", "next May".
    let dir = match cx.lex(i) {
        Lex::Kw(Kw::Last) => Some(Dir::Last),
        Lex::Kw(Kw::This) => Some(Dir::This),
        Lex::Kw(Kw::Next) => Some(Dir::Next),
        _ => None,
    };
    if let Some(dir) = dir {
        let mut c = month_first(cx, i + 1)?;
        if let Sem::Cal { y: None, m, d, .. } = c.sem {
            c.sem = Sem::Cal { y: None, m, d, dir };
            c.a = i;
            c.pattern = "month_day.relative_month";
            return Some(c);
        }
        return None;
    }
    let mut c = core(cx, i)?;
    // "January this year", "June last year".
    if let Sem::Cal {
        y: None,
        m: Some(m),
        d,
        ..
    } = c.sem
    {
        let k = c.b;
        let n = match cx.lex(k) {
            Lex::Kw(Kw::This) => Some(0),
            Lex::Kw(Kw::Last) => Some(-1),
            Lex::Kw(Kw::Next) => Some(1),
            _ => None,
        };
        if let Some(n) = n
            && cx.unit(k + 1) == Some((Unit::Year, false))
        {
            c.sem = Sem::MonthOf {
                m,
                d,
                y: YearSpec::Rel(n, Base::Auto),
            };
            c.b = k + 2;
            c.pattern = "month_day.month_of_relative_year";
        }
    }
    Some(c)
}

fn core(cx: &Cx, i: usize) -> Option<Cand> {
    // An optional weekday in front: "Friday, Oct. 23".
    if let Lex::Weekday(_) = cx.lex(i) {
        if !reject::weekday_ok(cx, i) {
            return None;
        }
        let j = if cx.punct(i + 1, b',') { i + 2 } else { i + 1 };
        let mut c = month_first(cx, j).or_else(|| day_first(cx, j))?;
        if matches!(c.sem, Sem::Cal { d: Some(_), .. }) {
            c.a = i;
            c.pattern = "month_day.weekday_date";
            return Some(c);
        }
        return None;
    }
    month_first(cx, i).or_else(|| day_first(cx, i))
}

/// A day number 1..=31 at `j`, with an optional ordinal suffix. Returns the
/// day and the index after it.
fn day_num(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    let d = cx.num(j)?;
    if !(1..=31).contains(&d) || cx.digits(j) > 2 {
        return None;
    }
    let mut k = j + 1;
    if cx.kw(k, Kw::OrdSuffix) && cx.tight(k) {
        k += 1;
    }
    // "Jan. 5:30" or "5.5" or "5%" are not days.
    if cx.tight(k)
        && cx.t(k).is_some_and(|t| {
            matches!(t.kind, Kind::Punct(b'%' | b'/') | Kind::Word | Kind::Num)
                || ((t.is_punct(b'.') || t.is_punct(b':'))
                    && cx.num(k + 1).is_some()
                    && cx.tight(k + 1))
        })
    {
        return None;
    }
    Some((d, k))
}

/// A year after a date: ", 2025", " 2025", "of 2025".
fn year_after(cx: &Cx, k: usize) -> Option<(i32, usize)> {
    let mut j = k;
    if cx.punct(j, b',') || cx.kw(j, Kw::Of) {
        j += 1;
    }
    if cx.digits(j) == 4 {
        let y = cx.num(j)?;
        if (1000..=2999).contains(&y)
            && !(cx.tight(j + 1)
                && cx
                    .t(j + 1)
                    .is_some_and(|t| t.kind == Kind::Word || t.kind == Kind::Num))
        {
            return Some((y as i32, j + 1));
        }
    }
    if let Some((y, e)) = super::numeric::spoken_year(cx, j) {
        return Some((y, e));
    }
    if cx.punct(j, b'\'') && cx.digits(j + 1) == 2 && cx.tight(j + 1) {
        let v = cx.num(j + 1)? as i32;
        return Some((if v >= 30 { 1900 + v } else { 2000 + v }, j + 2));
    }
    None
}

fn month_at(cx: &Cx, i: usize) -> Option<(u32, bool, usize)> {
    match cx.lex(i) {
        Lex::Month(m, abbr) => Some((m, abbr, cx.skip_dot(i + 1))),
        _ => None,
    }
}

/// "January 18, 2025", "Jan. 18", "January 2025", "January".
fn month_first(cx: &Cx, i: usize) -> Option<Cand> {
    let (m, abbr, j) = month_at(cx, i)?;
    if let Some((d, k)) = day_num(cx, j) {
        if !reject::month_ok(cx, i, m, abbr, true) {
            return None;
        }
        let (y, end) = match year_after(cx, k) {
            Some((y, e)) => (Some(y), e),
            None => (None, k),
        };
        let sem = Sem::Cal {
            y,
            m: Some(m),
            d: Some(d),
            dir: Dir::Auto,
        };
        return Some(Cand::date(i, end, sem, "month_day.month_day"));
    }
    if let Some((y, end)) = year_after(cx, j) {
        if !reject::month_ok(cx, i, m, abbr, true) {
            return None;
        }
        let sem = Sem::Cal {
            y: Some(y),
            m: Some(m),
            d: None,
            dir: Dir::Auto,
        };
        return Some(Cand::date(i, end, sem, "month_day.month_year"));
    }
    if !reject::month_ok(cx, i, m, abbr, false) {
        return None;
    }
    let sem = Sem::Cal {
        y: None,
        m: Some(m),
        d: None,
        dir: Dir::Auto,
    };
    let end = if abbr { j } else { i + 1 };
    Some(Cand::date(i, end, sem, "month_day.month"))
}

/// "18 January 2025", "the 18th of January".
fn day_first(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    if cx.kw(j, Kw::The) {
        j += 1;
    }
    let d = cx.num(j)?;
    if !(1..=31).contains(&d) || cx.digits(j) > 2 {
        return None;
    }
    let mut k = j + 1;
    if cx.kw(k, Kw::OrdSuffix) && cx.tight(k) {
        k += 1;
    }
    if cx.kw(k, Kw::Of) {
        k += 1;
    }
    let (m, abbr, after) = month_at(cx, k)?;
    if !reject::month_ok(cx, k, m, abbr, true) {
        return None;
    }
    let (y, end) = match year_after(cx, after) {
        Some((y, e)) => (Some(y), e),
        None => (None, if abbr { after } else { k + 1 }),
    };
    let sem = Sem::Cal {
        y,
        m: Some(m),
        d: Some(d),
        dir: Dir::Auto,
    };
    Some(Cand::date(i, end, sem, "month_day.day_month"))
}

#[cfg(test)]
mod tests {
    use super::super::{check_rejects, check_table};

    #[test]
    fn resolves_month_name_dates() {
        check_table(&[
            (
                "It will close at the end of November.",
                "1989-11-02",
                "the end of November",
                "1989-11",
                "END",
            ),
            (
                "on January 18, 2025, ahead",
                "2025-02-09",
                "January 18, 2025",
                "2025-01-18",
                "",
            ),
            (
                "Putin stressed on January 28 that",
                "2025-02-09",
                "January 28",
                "2025-01-28",
                "",
            ),
            ("on Jan. 18 the", "2025-02-09", "Jan. 18", "2025-01-18", ""),
            (
                "on 18 January 2025 the",
                "2025-02-09",
                "18 January 2025",
                "2025-01-18",
                "",
            ),
            (
                "on the 18th of January it",
                "2025-02-09",
                "the 18th of January",
                "2025-01-18",
                "",
            ),
            (
                "in January 2025 the",
                "2025-02-09",
                "January 2025",
                "2025-01",
                "",
            ),
            (
                "Friday, Oct. 23 was",
                "1998-10-25",
                "Friday, Oct. 23",
                "1998-10-23",
                "",
            ),
            (
                "it will happen in March.",
                "2025-02-09",
                "March",
                "2025-03",
                "",
            ),
            (
                "it will happen in December.",
                "2025-02-09",
                "December",
                "2025-12",
                "",
            ),
            (
                "it happened in December.",
                "2025-02-09",
                "December",
                "2024-12",
                "",
            ),
            (
                "on Saturday, April 25: The",
                "1998-04-24",
                "Saturday, April 25",
                "1998-04-25",
                "",
            ),
            (
                "in January nineteen ninety-seven",
                "1998-04-24",
                "January nineteen ninety-seven",
                "1997-01",
                "",
            ),
            (
                "Sept. 30, 1989",
                "1989-10-26",
                "Sept. 30, 1989",
                "1989-09-30",
                "",
            ),
            ("by May 5 they", "2025-02-09", "May 5", "2025-05-05", ""),
            (
                "It rose last November.",
                "1998-03-01",
                "last November",
                "1997-11",
                "",
            ),
            (
                "Holders approved the plan last April.",
                "1989-10-27",
                "last April",
                "1989-04",
                "",
            ),
            (
                "Two helicopters crashed last February.",
                "1998-03-01",
                "last February",
                "1997-02",
                "",
            ),
            (
                "It will open next May.",
                "1998-03-01",
                "next May",
                "1998-05",
                "",
            ),
            (
                "It rose in June last year.",
                "1998-03-01",
                "June last year",
                "1997-06",
                "",
            ),
        ]);
    }

    #[test]
    fn reads_months_by_tense_deadlines_and_period_ends() {
        check_table(&[
            (
                "Her flats, worth a fortune in October, are worth half that.",
                "1998-01-08",
                "October",
                "1997-10",
                "",
            ),
            (
                "In the fiscal year ended Jan. 31, sales rose.",
                "1989-10-31",
                "Jan. 31",
                "1989-01-31",
                "",
            ),
            (
                "The talks are supposed to conclude by May.",
                "1998-03-22",
                "May",
                "1998-05",
                "",
            ),
            (
                "Sales were flat this year through August.",
                "1989-10-27",
                "August",
                "1989-08",
                "",
            ),
            (
                "The shuttle flies a mission in December.",
                "1998-03-04",
                "December",
                "1997-12",
                "",
            ),
            (
                "NATO has decided to admit Poland in early March.",
                "1999-02-10",
                "early March",
                "1999-03",
                "START",
            ),
            (
                "In March, the board decided to sell the unit.",
                "1999-02-10",
                "March",
                "1998-03",
                "",
            ),
            // "unspecified" after "a still" is an adjective, not a past verb.
            (
                "The split would be paid on a still unspecified date in January.",
                "1989-10-26",
                "January",
                "1990-01",
                "",
            ),
        ]);
    }

    #[test]
    fn does_not_read_modal_may_or_verb_march_as_months() {
        check_rejects(&[
            ("They may not agree.", "may"),
            ("Workers will march to the square.", "march"),
            ("May the best team win.", "May"),
        ]);
    }
}
