//! Times of day: "3 p.m.", "10:35 a.m. EST", "14:30", "noon", "midnight",
//! with an optional day after them ("3 p.m. Friday", "5 p.m. EST, Nov. 6");
//! parts of days ("Friday morning", "yesterday afternoon", "this evening",
//! "last night", "tonight", "overnight").

use super::{Base, Cand, Cx, Sem, month_day, weekdays};
use crate::temporal::token::{Kind, Kw, Lex, Unit};
use crate::temporal::value::{DayPart, TimexType};

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    clock(cx, i).or_else(|| day_part(cx, i))
}

fn time(
    a: usize,
    b: usize,
    day: Option<Sem>,
    hour: Option<u32>,
    minute: Option<u32>,
    part: Option<DayPart>,
    p: &'static str,
) -> Cand {
    let mut c = Cand::date(
        a,
        b,
        Sem::Time {
            day: day.map(Box::new),
            hour,
            minute,
            part,
        },
        p,
    );
    c.ty = TimexType::Time;
    c
}

/// A day-precision expression at `j`: a weekday, "today"/"yesterday"/
/// "tomorrow", or a month-day date.
fn day_at(cx: &Cx, j: usize) -> Option<(Sem, usize)> {
    let n = match cx.lex(j) {
        Lex::Kw(Kw::Today) => Some(0),
        Lex::Kw(Kw::Yesterday) => Some(-1),
        Lex::Kw(Kw::Tomorrow) => Some(1),
        _ => None,
    };
    if let Some(n) = n {
        let sem = Sem::Rel {
            unit: Unit::Day,
            n,
            base: Base::Dct,
            inherit: false,
        };
        return Some((sem, j + 1));
    }
    if let Some(c) = month_day::at(cx, j).or_else(|| weekdays::at(cx, j))
        && matches!(c.sem, Sem::Weekday { .. } | Sem::Cal { d: Some(_), .. })
    {
        return Some((c.sem, c.b));
    }
    None
}

/// "a.m.", "p.m.", "am", "pm" at `j`: returns (is_pm, index after).
fn meridiem(cx: &Cx, j: usize) -> Option<(bool, usize)> {
    let w = cx.s(j).to_ascii_lowercase();
    match w.as_str() {
        "am" | "pm" => Some((w == "pm", j + 1)),
        "a" | "p"
            if cx.punct(j + 1, b'.')
                && cx.tight(j + 1)
                && cx.s(j + 2).eq_ignore_ascii_case("m")
                && cx.tight(j + 2) =>
        {
            let k = if cx.punct(j + 3, b'.') && cx.tight(j + 3) {
                j + 4
            } else {
                j + 3
            };
            Some((w == "p", k))
        }
        _ => None,
    }
}

fn clock(cx: &Cx, i: usize) -> Option<Cand> {
    let (mut h, mut m, mut k);
    match cx.lex(i) {
        Lex::Kw(Kw::Noon) => {
            h = 12;
            m = 0;
            k = i + 1;
        }
        Lex::Kw(Kw::Midnight) => {
            h = 24;
            m = 0;
            k = i + 1;
        }
        _ => {
            h = cx.num(i)?;
            if cx.digits(i) > 2
                || (i > 0
                    && cx.tight(i)
                    && cx.t(i - 1).is_some_and(|t| {
                        t.kind == Kind::Num
                            || t.is_punct(b'.')
                            || t.is_punct(b':')
                            || t.is_punct(b'$')
                    }))
            {
                return None;
            }
            k = i + 1;
            m = 0;
            let mut has_minutes = false;
            if cx.punct(k, b':') && cx.tight(k) && cx.tight(k + 1) && cx.digits(k + 1) == 2 {
                m = cx.num(k + 1)?;
                k += 2;
                has_minutes = true;
            }
            if m > 59 {
                return None;
            }
            if let Some((pm, e)) = meridiem(cx, k) {
                if !(1..=12).contains(&h) {
                    return None;
                }
                if pm && h != 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                k = e;
            } else if cx.s(k).eq_ignore_ascii_case("o")
                && cx.punct(k + 1, b'\'')
                && cx.s(k + 2).eq_ignore_ascii_case("clock")
            {
                if !(1..=12).contains(&h) {
                    return None;
                }
                k += 3;
            } else if !has_minutes
                || h > 23
                || cx.punct(k, b':')
                // "(3:19)" beside a video or a clip is its running time.
                || (i > 0 && cx.punct(i - 1, b'(') && cx.punct(k, b')'))
            {
                return None;
            }
        }
    }
    if cx.words().time_zones.contains(&cx.s(k)) {
        k += 1;
    }
    // An optional day: "Friday", ", Nov. 6", "on Friday", "yesterday".
    let mut j = k;
    if cx.punct(j, b',') || cx.kw(j, Kw::On) {
        j += 1;
    }
    let (day, end) = match day_at(cx, j) {
        Some((s, e)) => (Some(s), e),
        // "Friday at 3 p.m.": the day just before, tagged on its own.
        None if i >= 2 && cx.kw(i - 1, Kw::At) => match day_at(cx, i - 2) {
            Some((s, e)) if e == i - 1 => (Some(s), k),
            _ => (None, k),
        },
        None => (None, k),
    };
    Some(time(i, end, day, Some(h), Some(m), None, "times.clock"))
}

fn day_part(cx: &Cx, i: usize) -> Option<Cand> {
    match cx.lex(i) {
        Lex::Kw(Kw::Tonight) => {
            return Some(time(
                i,
                i + 1,
                None,
                None,
                None,
                Some(DayPart::Night),
                "times.tonight",
            ));
        }
        Lex::Kw(Kw::Overnight) => {
            return Some(time(
                i,
                i + 1,
                None,
                None,
                None,
                Some(DayPart::Night),
                "times.tonight",
            ));
        }
        Lex::Kw(Kw::This) => {
            if let Lex::DayPart(p) = cx.lex(i + 1) {
                return Some(time(i, i + 2, None, None, None, Some(p), "times.this_part"));
            }
            return None;
        }
        Lex::Kw(Kw::Last) => {
            if let Lex::DayPart(p) = cx.lex(i + 1)
                && matches!(cx.s(i + 1), "night" | "evening")
            {
                let day = Sem::Rel {
                    unit: Unit::Day,
                    n: -1,
                    base: Base::Dct,
                    inherit: false,
                };
                return Some(time(
                    i,
                    i + 2,
                    Some(day),
                    None,
                    None,
                    Some(p),
                    "times.last_night",
                ));
            }
            return None;
        }
        _ => {}
    }
    let (day, j) = day_at(cx, i)?;
    let Lex::DayPart(p) = cx.lex(j) else {
        return None;
    };
    // TimeML news mostly types "Friday morning" as a DATE.
    let mut c = time(i, j + 1, Some(day), None, None, Some(p), "times.day_part");
    c.ty = TimexType::Date;
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::super::{check_rejects, check_table};

    #[test]
    fn a_running_time_in_brackets_is_no_clock_time() {
        check_rejects(&[
            ("Mourners were shot at the funeral (3:19).", "3:19"),
            ("Watch the video (1:02) of the rally.", "1:02"),
        ]);
        check_table(&[(
            "The talks began (at 3:19 p.m.) in Geneva.",
            "2025-02-09",
            "3:19 p.m.",
            "2025-02-09T15:19",
            "",
        )]);
    }

    #[test]
    fn resolves_clock_times_and_day_parts() {
        check_table(&[
            (
                "On Friday the plant shut. At 10 p.m. crews left.",
                "2025-02-09",
                "10 p.m.",
                "2025-02-07T22:00",
                "",
            ),
            (
                "at 3 p.m. Friday the",
                "2025-02-09",
                "3 p.m. Friday",
                "2025-02-07T15:00",
                "",
            ),
            (
                "at 10:35 a.m. the",
                "1998-08-07",
                "10:35 a.m.",
                "1998-08-07T10:35",
                "",
            ),
            ("at noon the", "2025-02-09", "noon", "2025-02-09T12:00", ""),
            (
                "He left on Friday at 3 p.m. and",
                "2025-02-09",
                "3 p.m.",
                "2025-02-07T15:00",
                "",
            ),
            (
                "on Friday morning the",
                "2025-02-09",
                "Friday morning",
                "2025-02-07TMO",
                "",
            ),
            (
                "It rained last night.",
                "2025-02-09",
                "last night",
                "2025-02-08TNI",
                "",
            ),
            (
                "He speaks tonight.",
                "2025-02-09",
                "tonight",
                "2025-02-09TNI",
                "",
            ),
            (
                "yesterday afternoon",
                "2025-02-09",
                "yesterday afternoon",
                "2025-02-08TAF",
                "",
            ),
        ]);
    }
}
