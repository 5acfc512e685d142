//! Dates relative to a reference: "yesterday", "today", "tomorrow", "last
//! week", "this month", "next year", "three years ago", "a week earlier",
//! "the following day", "the day before", "the previous year"; quarters and
//! halves ("the third quarter", "third-quarter", "Q3 2024", "the first half
//! of 1998", "the year-earlier quarter"); seasons ("last summer").

use super::{Base, Cand, Cx, Dir, Qty, Sem, YearSpec};
use crate::temporal::token::{Kind, Kw, Lex, Unit, ordinal_of};
use crate::temporal::value::TimexType;

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    day_word(cx, i)
        .or_else(|| quarter(cx, i))
        .or_else(|| q_code(cx, i))
        .or_else(|| year_earlier(cx, i))
        .or_else(|| season(cx, i))
        .or_else(|| offset(cx, i))
        .or_else(|| deictic(cx, i))
        .or_else(|| unit_before(cx, i))
}

fn rel(unit: Unit, n: i64, base: Base) -> Sem {
    Sem::Rel {
        unit,
        n,
        base,
        inherit: false,
    }
}

/// Skips a possessive "'s" glued to token `j - 1`.
fn skip_possessive(cx: &Cx, j: usize) -> usize {
    if cx.punct(j, b'\'') && cx.tight(j) && cx.s(j + 1) == "s" && cx.tight(j + 1) {
        j + 2
    } else {
        j
    }
}

/// "today", "yesterday", "tomorrow", "the day before yesterday".
fn day_word(cx: &Cx, i: usize) -> Option<Cand> {
    let (n, j) = match cx.lex(i) {
        Lex::Kw(Kw::Today) => (0, i + 1),
        Lex::Kw(Kw::Yesterday) => (-1, i + 1),
        Lex::Kw(Kw::Tomorrow) => (1, i + 1),
        Lex::Kw(Kw::The)
            if cx.unit(i + 1) == Some((Unit::Day, false))
                && cx.kw(i + 2, Kw::Before)
                && cx.kw(i + 3, Kw::Yesterday) =>
        {
            (-2, i + 4)
        }
        Lex::Kw(Kw::The)
            if cx.unit(i + 1) == Some((Unit::Day, false))
                && cx.kw(i + 2, Kw::After)
                && cx.kw(i + 3, Kw::Tomorrow) =>
        {
            (2, i + 4)
        }
        _ => return None,
    };
    Some(Cand::date(
        i,
        j,
        rel(Unit::Day, n, Base::Dct),
        "relative.day_word",
    ))
}

/// An ordinal 1..=4 at `j` ("third", "3rd"), and the index after it.
fn ordinal(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    if let Some(t) = cx.t(j)
        && let Some(n) = ordinal_of(t, cx.text, cx.opts.language)
    {
        return Some((n, j + 1));
    }
    let n = cx.num(j)?;
    if cx.kw(j + 1, Kw::OrdSuffix) && cx.tight(j + 1) {
        return Some((n, j + 2));
    }
    None
}

/// A year qualifier after a quarter: "of 1998", "of this year", "of last
/// year", "1998", "fiscal 1998".
fn year_tail(cx: &Cx, k: usize) -> Option<(YearSpec, usize)> {
    let mut j = k;
    if cx.kw(j, Kw::Of) || cx.punct(j, b',') {
        j += 1;
    }
    if cx.kw(j, Kw::Fiscal) {
        j += 1;
    }
    if cx.digits(j) == 4 {
        let y = cx.num(j)?;
        if (1000..=2999).contains(&y) {
            return Some((YearSpec::Abs(y as i32), j + 1));
        }
    }
    if let Some((y, e)) = super::numeric::spoken_year(cx, j) {
        return Some((YearSpec::Abs(y), e));
    }
    if cx.kw(k, Kw::Of) {
        let mut j = k + 1;
        if cx.kw(j, Kw::The) {
            j += 1;
        }
        let n = match cx.lex(j) {
            Lex::Kw(Kw::This | Kw::Current) => 0,
            Lex::Kw(Kw::Last | Kw::Previous | Kw::Past) => -1,
            Lex::Kw(Kw::Next | Kw::Coming | Kw::Following) => 1,
            _ => return None,
        };
        if cx.kw(j + 1, Kw::Fiscal) {
            j += 1;
        }
        if cx.unit(j + 1) == Some((Unit::Year, false)) {
            return Some((YearSpec::Rel(n, Base::Auto), j + 2));
        }
    }
    None
}

/// "the third quarter", "third-quarter", "the fourth quarter of 1984", "the
/// 1988 second quarter", "this year's third quarter", "fiscal second-quarter",
/// "the first half of 1998", "first-half".
fn quarter(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    let mut year: Option<YearSpec> = None;
    if cx.kw(j, Kw::The) {
        j += 1;
    }
    // A leading year: "the 1988 second quarter", "this year's", "fiscal".
    if cx.digits(j) == 4 && ordinal(cx, j + 1).is_some() {
        year = Some(YearSpec::Abs(cx.num(j)? as i32));
        j += 1;
    } else if matches!(cx.lex(j), Lex::Kw(Kw::This | Kw::Last | Kw::Next))
        && cx.unit(j + 1) == Some((Unit::Year, false))
        && cx.punct(j + 2, b'\'')
    {
        let n = match cx.lex(j) {
            Lex::Kw(Kw::This) => 0,
            Lex::Kw(Kw::Last) => -1,
            _ => 1,
        };
        year = Some(YearSpec::Rel(n, Base::Auto));
        j = skip_possessive(cx, j + 2);
    }
    if cx.kw(j, Kw::Fiscal) {
        j += 1;
    }
    // "the last half of 1989", "the last quarter of the year": the final
    // one, only with a year after it ("the last quarter" alone is the
    // previous quarter, see deictic).
    let last_of_year = cx.kw(j, Kw::Last)
        && matches!(cx.unit(j + 1), Some((Unit::Quarter | Unit::Half, false)))
        && cx.kw(j + 2, Kw::Of)
        && year_tail(cx, j + 2).is_some();
    let (n, k) = if last_of_year {
        let n = if cx.unit(j + 1) == Some((Unit::Half, false)) {
            2
        } else {
            4
        };
        (n, j + 1)
    } else {
        ordinal(cx, j)?
    };
    let k = if cx.hyphen(k) { k + 1 } else { k };
    let (unit, _) = cx.unit(k)?;
    let (max, is_quarter) = match unit {
        Unit::Quarter => (4, true),
        Unit::Half => (2, false),
        _ => return None,
    };
    if !(1..=max).contains(&n) {
        return None;
    }
    let mut end = k + 1;
    if year.is_none()
        && let Some((y, e)) = year_tail(cx, end)
    {
        year = Some(y);
        end = e;
    }
    let y = year.unwrap_or(YearSpec::Rel(0, Base::Auto));
    // "the third-quarter results": the article belongs to "results".
    let i = if cx.kw(i, Kw::The) && cx.hyphen(k - 1) && j == i + 1 {
        i + 1
    } else {
        i
    };
    let sem = if is_quarter {
        Sem::Quarter { q: n, y }
    } else {
        Sem::Half { h: n, y }
    };
    Some(Cand::date(i, end, sem, "relative.quarter"))
}

/// "Q3 2024", "Q3".
fn q_code(cx: &Cx, i: usize) -> Option<Cand> {
    if cx.s(i) != "Q" || !cx.tight(i + 1) {
        return None;
    }
    let q = cx.num(i + 1)?;
    if !(1..=4).contains(&q) || cx.digits(i + 1) != 1 {
        return None;
    }
    let (y, end) = match cx.num(i + 2) {
        Some(y) if cx.digits(i + 2) == 4 => (YearSpec::Abs(y as i32), i + 3),
        _ => (YearSpec::Rel(0, Base::Auto), i + 2),
    };
    Some(Cand::date(i, end, Sem::Quarter { q, y }, "relative.q_code"))
}

/// "year-earlier", "year-ago", "the year-earlier quarter", "the year-ago
/// period", "the corresponding period last year", "the latest quarter",
/// "the quarter".
fn year_earlier(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    let the = cx.kw(j, Kw::The);
    if the {
        j += 1;
        // "the comparable year-ago quarter"
        if cx.kw(j, Kw::Corresponding)
            || cx.kw(j, Kw::Same)
            || cx.s(j).eq_ignore_ascii_case("comparable")
        {
            j += 1;
        }
    }
    if cx.unit(j) == Some((Unit::Year, false))
        && cx.hyphen(j + 1)
        && matches!(cx.lex(j + 2), Lex::Kw(Kw::Earlier | Kw::Ago))
    {
        let mut end = j + 3;
        let mut k = end;
        if let Lex::Ord(_) = cx.lex(k) {
            k += 1;
        }
        if matches!(
            cx.unit(k),
            Some((Unit::Quarter | Unit::Month | Unit::Year, _))
        ) || cx.kw(k, Kw::Period)
        {
            end = k + 1;
        } else if the {
            return None;
        }
        let sem = if matches!(cx.unit(k), Some((Unit::Quarter, _))) {
            Sem::YearAgoQuarter
        } else {
            Sem::Rel {
                unit: Unit::Year,
                n: -1,
                base: Base::Prev,
                inherit: true,
            }
        };
        return Some(Cand::date(i, end, sem, "relative.year_earlier"));
    }
    if !the {
        return None;
    }
    // "the 1988 quarter", "the 1989 period": a reporting period of a year.
    if cx.digits(j) == 4
        && (cx.unit(j + 1) == Some((Unit::Quarter, false)) || cx.kw(j + 1, Kw::Period))
        && let Some(y) = cx.num(j).and_then(|y| i32::try_from(y).ok())
        && (1000..=2999).contains(&y)
    {
        return Some(Cand::date(
            i,
            j + 2,
            Sem::QuarterIn(y),
            "relative.year_quarter",
        ));
    }
    let latest = cx.kw(j, Kw::Latest);
    if latest || cx.kw(j, Kw::Same) {
        j += 1;
    }
    // "the latest period": the reporting quarter (not "the quarter-to-quarter
    // comparison").
    if (cx.unit(j) == Some((Unit::Quarter, false)) || (latest && cx.kw(j, Kw::Period)))
        && !cx.hyphen(j + 1)
    {
        return Some(Cand::date(
            i,
            j + 1,
            Sem::ThatQuarter,
            "relative.that_quarter",
        ));
    }
    None
}

/// "last summer", "this spring", "the fall of 1998", "summer 2024", "in
/// winter".
fn season(cx: &Cx, i: usize) -> Option<Cand> {
    let (dir, j) = match cx.lex(i) {
        // "this past spring" is the most recent one.
        Lex::Kw(Kw::This) if cx.kw(i + 1, Kw::Past) => (Some(Dir::Prior), i + 2),
        Lex::Kw(Kw::Past) => (Some(Dir::Prior), i + 1),
        Lex::Kw(Kw::Last) => (Some(Dir::Last), i + 1),
        Lex::Kw(Kw::Next | Kw::Coming) => (Some(Dir::Next), i + 1),
        Lex::Kw(Kw::This) => (Some(Dir::This), i + 1),
        Lex::Kw(Kw::The) => (Some(Dir::Auto), i + 1),
        _ => (None, i),
    };
    let Lex::Season(s) = cx.lex(j) else {
        return None;
    };
    let mut end = j + 1;
    let mut year = None;
    if let Some((y, e)) = year_tail(cx, end) {
        year = Some(y);
        end = e;
    }
    if dir.is_none() && year.is_none() {
        // A bare season only after a date preposition ("in winter").
        let prep = j > 0
            && matches!(
                cx.lex(j - 1),
                Lex::Kw(
                    Kw::In | Kw::During | Kw::Since | Kw::Until | Kw::By | Kw::Early | Kw::Late
                )
            );
        if !prep || cx.t(j).is_some_and(|t| t.cap && s == 2) {
            return None;
        }
    }
    if dir == Some(Dir::Auto) && year.is_none() {
        // "the fall" alone is too often a verb's noun ("the fall of the
        // regime"); keep it only before a clear boundary.
        if !cx.t(end).is_none_or(|t| matches!(t.kind, Kind::Punct(_))) {
            return None;
        }
    }
    let sem = Sem::Season {
        s,
        y: year,
        dir: dir.unwrap_or(Dir::Auto),
    };
    Some(Cand::date(i, end, sem, "relative.season"))
}

/// "three years ago", "a week earlier", "two days later", "a year before",
/// "five months from now", "years ago".
fn offset(cx: &Cx, i: usize) -> Option<Cand> {
    let (q, j) = cx.qty(i).unwrap_or((Qty::Vague, i));
    let j = if cx.hyphen(j) { j + 1 } else { j };
    let (unit, plural) = cx.unit(j)?;
    if j == i && !plural {
        return None;
    }
    if matches!(unit, Unit::Weekend | Unit::Half) {
        return None;
    }
    let mut k = j + 1;
    // "a week or so ago"
    if cx.kw(k, Kw::Or) && cx.kw(k + 1, Kw::So) {
        k += 2;
    }
    let (sign, base, end) = match cx.lex(k) {
        Lex::Kw(Kw::Ago) => (-1, Base::Dct, k + 1),
        Lex::Kw(Kw::Earlier) => (-1, Base::Prev, k + 1),
        Lex::Kw(Kw::Later) => (1, Base::Prev, k + 1),
        Lex::Kw(Kw::From) if cx.kw(k + 1, Kw::Now) => (1, Base::Dct, k + 2),
        Lex::Kw(Kw::Before | Kw::After)
            if cx
                .t(k + 1)
                .is_none_or(|t| matches!(t.kind, Kind::Punct(b'.' | b',' | b';'))) =>
        {
            (if cx.kw(k, Kw::Before) { -1 } else { 1 }, Base::Prev, k + 1)
        }
        _ => return None,
    };
    let n = match q {
        Qty::N(n) => i64::from(n),
        Qty::Dec(_) | Qty::Half(_) | Qty::Vague => {
            let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return Some(Cand::raw(i, end, TimexType::Date, v).named("relative.vague_offset"));
        }
    };
    if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
        let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
        return Some(Cand::raw(i, end, TimexType::Date, v).named("relative.clock_offset"));
    }
    // "a decade ago" names a year, not a decade.
    let (unit2, n2) = match unit {
        Unit::Decade => (Unit::Year, n * 10),
        Unit::Century => (Unit::Year, n * 100),
        u => (u, n),
    };
    // "Thirty years ago (to) this month": the anniversary names the month,
    // not the year nor this month.
    let to = usize::from(cx.kw(end, Kw::To));
    if sign < 0
        && unit2 == Unit::Year
        && cx.kw(end + to, Kw::This)
        && cx.unit(end + to + 1) == Some((Unit::Month, false))
    {
        let sem = Sem::Rel {
            unit: Unit::Month,
            n: -12 * n2,
            base,
            inherit: false,
        };
        return Some(Cand::date(
            i,
            end + to + 2,
            sem,
            "relative.anniversary_month",
        ));
    }
    let sem = Sem::Rel {
        unit: unit2,
        n: sign * n2,
        base,
        inherit: unit == Unit::Year && n == 1 && !plural,
    };
    Some(Cand::date(i, end, sem, "relative.offset"))
}

/// "last week", "this month", "next year", "the following day", "the
/// previous year", "the current quarter", "the coming week", "the year".
fn deictic(cx: &Cx, i: usize) -> Option<Cand> {
    let the = cx.kw(i, Kw::The);
    let j = if the { i + 1 } else { i };
    let word = cx.lex(j);
    let mut k = j + 1;
    // "that same day"
    if word == Lex::Kw(Kw::That) && cx.kw(k, Kw::Same) {
        k += 1;
    }
    if cx.kw(k, Kw::Fiscal) {
        k += 1;
    }
    let unit = match cx.unit(k) {
        Some((u, false)) if !matches!(u, Unit::Weekend | Unit::Half) => u,
        _ => {
            // "the year" alone.
            if the && matches!(cx.unit(j), Some((Unit::Year, false))) {
                if cx.punct(j + 1, b'\'') || cx.hyphen(j + 1) {
                    return None;
                }
                // "the year before" / "the year after": see unit_before.
                if matches!(cx.lex(j + 1), Lex::Kw(Kw::Before | Kw::After)) {
                    return None;
                }
                // "the year ended Sept. 30" is a stretch of a year (a fiscal
                // year); otherwise "the year" is the reference's year ("for
                // the year", "earlier in the year").
                if ends_on_date(cx, j + 1) {
                    return Some(
                        Cand::raw(i, j + 1, TimexType::Duration, "P1Y")
                            .named("relative.the_year_span"),
                    );
                }
                return Some(Cand::date(
                    i,
                    j + 1,
                    rel(Unit::Year, 0, Base::Auto),
                    "relative.the_year",
                ));
            }
            return None;
        }
    };
    let end = k + 1;
    // "her last day on the streets", "the envoy's last day": someone's
    // final day, not yesterday.
    let owned = i > 0
        && (cx.word_in(i - 1, cx.words().possessive_determiners)
            || (i > 1 && cx.word_in(i - 1, &[cx.words().possessive]) && cx.apostrophe(i - 2)));
    if owned && word == Lex::Kw(Kw::Last) && unit == Unit::Day {
        return None;
    }
    let (sem, pattern) = match word {
        Lex::Kw(Kw::This | Kw::Current) => (rel(unit, 0, Base::Auto), "relative.this_unit"),
        Lex::Kw(Kw::Last) if !the => (rel(unit, -1, Base::Auto), "relative.last_unit"),
        // "over the past year", "in the last week": TimeML news reads these
        // as the previous calendar unit, like "last year"; "the past decade"
        // stays a stretch of ten years.
        Lex::Kw(Kw::Past | Kw::Last) if !matches!(unit, Unit::Decade | Unit::Century) => {
            (rel(unit, -1, Base::Auto), "relative.the_past_unit")
        }
        Lex::Kw(Kw::Past | Kw::Last) => {
            let v = super::durations::value_of(&Qty::N(1), unit)?;
            return Some(Cand::raw(i, end, TimexType::Duration, v).named("relative.the_past_span"));
        }
        Lex::Kw(Kw::Next) if the && unit == Unit::Day => {
            (rel(unit, 1, Base::Prev), "relative.the_next_day")
        }
        Lex::Kw(Kw::Next | Kw::Coming) => (rel(unit, 1, Base::Auto), "relative.next_unit"),
        Lex::Kw(Kw::Following) if the => (rel(unit, 1, Base::Prev), "relative.following_unit"),
        Lex::Kw(Kw::Previous) if the => (rel(unit, -1, Base::Prev), "relative.previous_unit"),
        Lex::Kw(Kw::Same) if the => (rel(unit, 0, Base::Prev), "relative.same_unit"),
        // "the fiscal year ended Jan. 31" is a stretch of a year.
        Lex::Kw(Kw::Full | Kw::Fiscal) if the && unit == Unit::Year && ends_on_date(cx, end) => {
            return Some(
                Cand::raw(i, end, TimexType::Duration, "P1Y").named("relative.the_year_span"),
            );
        }
        Lex::Kw(Kw::Full | Kw::Fiscal) if the => (rel(unit, 0, Base::Auto), "relative.this_unit"),
        Lex::Kw(Kw::That) if !the => (rel(unit, 0, Base::Prev), "relative.that_unit"),
        _ => return None,
    };
    Some(Cand::date(i, end, sem, pattern))
}

/// "ended Sept. 30", "ending June 30": a year named by its last day.
fn ends_on_date(cx: &Cx, k: usize) -> bool {
    cx.word_in(k, cx.words().period_end_words)
}

/// "the day before", "the week after", "the year before" (with nothing
/// after that would make "before" a preposition).
fn unit_before(cx: &Cx, i: usize) -> Option<Cand> {
    if !cx.kw(i, Kw::The) {
        return None;
    }
    let (unit, plural) = cx.unit(i + 1)?;
    if plural || matches!(unit, Unit::Weekend | Unit::Half) {
        return None;
    }
    let n = match cx.lex(i + 2) {
        Lex::Kw(Kw::Before) => -1,
        Lex::Kw(Kw::After) => 1,
        _ => return None,
    };
    if !cx
        .t(i + 3)
        .is_none_or(|t| matches!(t.kind, Kind::Punct(b'.' | b',' | b';' | b'"')))
    {
        return None;
    }
    Some(Cand::date(
        i,
        i + 3,
        rel(unit, n, Base::Prev),
        "relative.unit_before",
    ))
}

#[cfg(test)]
mod tests {
    use super::super::check_table;

    #[test]
    fn resolves_relative_days() {
        check_table(&[
            (
                "On March 3 he left. Later that day she came.",
                "2025-04-01",
                "Later that day",
                "2025-03-03",
                "END",
            ),
            (
                "On March 3 he left, and that same day she came.",
                "2025-04-01",
                "that same day",
                "2025-03-03",
                "",
            ),
            (
                "Sales for the full year rose.",
                "1989-10-26",
                "the full year",
                "1989",
                "",
            ),
            (
                "He left yesterday.",
                "2025-02-09",
                "yesterday",
                "2025-02-08",
                "",
            ),
            ("He leaves today.", "2025-02-09", "today", "2025-02-09", ""),
            (
                "He leaves tomorrow.",
                "2025-02-09",
                "tomorrow",
                "2025-02-10",
                "",
            ),
            (
                "It fell two days ago.",
                "2025-02-09",
                "two days ago",
                "2025-02-07",
                "",
            ),
            (
                "Thirty years ago to this month, Assad ordered the army into Hama.",
                "2012-02-09",
                "Thirty years ago to this month",
                "1982-02",
                "",
            ),
            (
                "Ten years ago this month the bank failed.",
                "2018-09-15",
                "Ten years ago this month",
                "2008-09",
                "",
            ),
            (
                "On March 3 he left. A week earlier, she came.",
                "2025-04-01",
                "A week earlier",
                "2025-W09",
                "",
            ),
            (
                "On March 3 he left. The following day she came.",
                "2025-04-01",
                "The following day",
                "2025-03-04",
                "",
            ),
            (
                "On March 3 he left; she had come the day before.",
                "2025-04-01",
                "the day before",
                "2025-03-02",
                "",
            ),
        ]);
    }

    #[test]
    fn resolves_relative_weeks_months_quarters_years() {
        check_table(&[
            (
                "described the conflict last week",
                "2025-02-09",
                "last week",
                "2025-W05",
                "",
            ),
            (
                "later this month",
                "2025-02-09",
                "later this month",
                "2025-02",
                "END",
            ),
            ("It opens next year.", "2025-02-09", "next year", "2026", ""),
            (
                "It closed three years ago.",
                "2025-02-09",
                "three years ago",
                "2022",
                "",
            ),
            (
                "profit in the third quarter rose",
                "1989-10-26",
                "the third quarter",
                "1989-Q3",
                "",
            ),
            (
                "third-quarter profit rose",
                "1989-10-26",
                "third-quarter",
                "1989-Q3",
                "",
            ),
            (
                "revenue in Q3 2024 rose",
                "2025-02-09",
                "Q3 2024",
                "2024-Q3",
                "",
            ),
            (
                "the fourth quarter of 1984",
                "1989-10-26",
                "the fourth quarter of 1984",
                "1984-Q4",
                "",
            ),
            (
                "It snowed last winter.",
                "2025-06-09",
                "last winter",
                "2025-WI",
                "",
            ),
            (
                "Sales rose this past spring.",
                "1989-10-26",
                "this past spring",
                "1989-SP",
                "",
            ),
            (
                "It was hot last summer.",
                "2025-02-09",
                "last summer",
                "2024-SU",
                "",
            ),
            (
                "earnings for the last half of 1989 will fall",
                "1989-10-26",
                "the last half of 1989",
                "1989-H2",
                "",
            ),
            (
                "in the first half of 1998",
                "1999-02-09",
                "the first half of 1998",
                "1998-H1",
                "",
            ),
        ]);
    }

    #[test]
    fn a_year_later_counts_from_the_date_before_it() {
        check_table(&[
            (
                "In 1984 the Macintosh was released. One year later he was fired.",
                "2011-10-06",
                "One year later",
                "1985",
                "",
            ),
            (
                "Profit rose 5% from a year earlier.",
                "2011-10-06",
                "a year earlier",
                "2010",
                "",
            ),
        ]);
    }

    #[test]
    fn reads_the_year_as_the_reference_year_unless_it_ends_on_a_date() {
        check_table(&[
            (
                "For the year, volume was flat.",
                "1989-11-02",
                "the year",
                "1989",
                "",
            ),
            (
                "It was delayed earlier in the year by rains.",
                "1989-10-26",
                "the year",
                "1989",
                "",
            ),
            (
                "Revenue for the year ended March 31 rose.",
                "1989-11-01",
                "the year",
                "P1Y",
                "",
            ),
            (
                "In the fiscal year ended Jan. 31, sales rose.",
                "1989-10-31",
                "the fiscal year",
                "P1Y",
                "",
            ),
            (
                "Profit should rise throughout the fiscal year.",
                "1989-10-26",
                "the fiscal year",
                "1989",
                "",
            ),
        ]);
    }

    #[test]
    fn reads_the_past_year_as_the_previous_year() {
        check_table(&[
            (
                "Hate groups grew over the past year.",
                "1998-03-03",
                "the past year",
                "1997",
                "",
            ),
            (
                "It was investigated in the past year.",
                "1989-10-30",
                "the past year",
                "1988",
                "",
            ),
        ]);
    }

    #[test]
    fn reads_the_year_quarter_as_the_last_quarter_in_that_year() {
        check_table(&[
            (
                "Net rose in the third quarter. In the 1988 quarter, it fell.",
                "1989-10-26",
                "the 1988 quarter",
                "1988-Q3",
                "",
            ),
            (
                "Sales rose in the quarter ended Sept. 30. In the 1988 period, it lost money.",
                "1989-10-26",
                "the 1988 period",
                "1988-Q3",
                "",
            ),
            (
                "Costs were high in the 1988 period.",
                "1989-10-26",
                "the 1988 period",
                "1988",
                "",
            ),
        ]);
    }

    #[test]
    fn does_not_read_a_quarter_to_quarter_comparison_as_a_quarter() {
        super::super::check_rejects(&[("The quarter-to-quarter gain was small.", "The quarter")]);
    }

    #[test]
    fn someones_last_day_is_no_date() {
        super::super::check_rejects(&[
            (
                "She thought Friday would be her last day on the streets.",
                "last day",
            ),
            ("It was the envoy's last day in Damascus.", "last day"),
            (
                "It was the envoy\u{2019}s last day in Damascus.",
                "last day",
            ),
        ]);
    }

    #[test]
    fn reads_the_latest_quarter_as_one_that_has_ended() {
        check_table(&[
            (
                "It will take a fourth-quarter charge. Earnings fell in the latest quarter.",
                "1989-11-02",
                "the latest quarter",
                "1989-Q3",
                "",
            ),
            (
                "Sales rose in the third quarter. Earnings fell in the latest quarter.",
                "1989-11-02",
                "the latest quarter",
                "1989-Q3",
                "",
            ),
        ]);
    }

    #[test]
    fn keeps_the_quarter_of_the_last_date_for_a_year_earlier() {
        check_table(&[
            (
                "Net rose in the latest period.",
                "1989-10-26",
                "the latest period",
                "1989-Q3",
                "",
            ),
            (
                "Profit on Sept. 30 rose from the year-ago quarter.",
                "1989-10-26",
                "the year-ago quarter",
                "1988-Q3",
                "",
            ),
            (
                "Profit in the third quarter rose 5% from a year earlier.",
                "1989-10-26",
                "a year earlier",
                "1988-Q3",
                "",
            ),
            (
                "Profit in the third quarter rose. For the nine months, net rose 9% from a year earlier.",
                "1989-10-26",
                "a year earlier",
                "1988",
                "",
            ),
        ]);
    }
}
