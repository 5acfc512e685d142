//! Durations: "three years" (P3Y), "10 days" (P10D, the "for" stays out),
//! "the past three years", "the first nine months", "the next 14 months",
//! "three-year" / "two-week" used as adjectives, "a decade", "24 hours"
//! (PT24H), halves ("2 1/2 years" -> P2Y6M) and bare plurals ("years" ->
//! PXY). Ages ("6-year-old", "45 years old") are not durations.

use super::{Cand, Cx, Qty};
use crate::temporal::token::{Kind, Kw, Lex, Unit};
use crate::temporal::value::TimexType;

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    let the = cx.kw(j, Kw::The);
    if the {
        j += 1;
    }
    // "the past", "the last", "the next", "the first", "the latest", "the
    // coming", "the previous", "the following", "recent".
    let mut lead = false;
    if matches!(
        cx.lex(j),
        Lex::Kw(
            Kw::Past
                | Kw::Last
                | Kw::Next
                | Kw::Latest
                | Kw::Coming
                | Kw::Previous
                | Kw::Following
                | Kw::Full
                | Kw::Few
        ) | Lex::Ord(1)
    ) && (!cx.kw(j, Kw::Few) || the)
    {
        lead = true;
        j += 1;
    }
    let (q, k) = match cx.qty(j) {
        Some(x) => x,
        None if (lead || the) && cx.unit(j).is_some_and(|(_, p)| p) => (Qty::Vague, j),
        None if !lead && !the && j == i && cx.unit(j).is_some_and(|(_, p)| p) => (Qty::Vague, j),
        None => return None,
    };
    if (lead || the) && j == k && !cx.unit(j).is_some_and(|(_, p)| p) {
        return None;
    }
    // "the few" is fine, "the a" is not.
    if the && !lead && cx.kw(j, Kw::A) {
        return None;
    }
    let mut k = k;
    let mut q = q;
    // "2 1/2 years", "two and a half years"
    let slash_half = cx.num(k) == Some(1)
        && cx.punct(k + 1, b'/')
        && cx.tight(k + 1)
        && cx.num(k + 2) == Some(2)
        && cx.tight(k + 2);
    let and_a_half =
        cx.kw(k, Kw::And) && cx.kw(k + 1, Kw::A) && cx.unit(k + 2) == Some((Unit::Half, false));
    if let (true, Qty::N(n)) = (slash_half || and_a_half, &q) {
        q = Qty::Half(*n);
        k += 3;
    }
    let hyphenated = cx.hyphen(k);
    if hyphenated {
        k += 1;
    }
    // "20 more years"
    if cx.kw(k, Kw::More) {
        k += 1;
    }
    // "eight trading days", "three business days": days of a kind.
    if cx.word_in(k, cx.words().counted_days)
        && cx
            .unit(k + 1)
            .is_some_and(|(u, _)| matches!(u, Unit::Day | Unit::Week))
    {
        k += 1;
    }
    let (unit, plural) = cx.unit(k)?;
    // "three-quarters of the vote" is a fraction.
    if unit == Unit::Half || (unit == Unit::Quarter && plural && hyphenated) {
        return None;
    }
    // "a day-to-day fight", "year-round"; ages ("6-year-old") are not
    // durations in TimeML.
    if cx.hyphen(k + 1) && cx.t(k + 2).is_some_and(|t| t.kind == Kind::Word) {
        let w = cx.s(k + 2).to_ascii_lowercase();
        if w != "long" {
            return None;
        }
    }
    // A singular unit needs a count of one, a hyphen ("three-year") or a
    // noun after it ("a five year plan").
    if let Qty::N(n) = q
        && n != 1
        && !plural
        && !hyphenated
        && cx.t(j).is_some_and(|t| t.kind != Kind::Num)
        && !cx
            .t(k + 1)
            .is_some_and(|t| t.kind == Kind::Word && t.lex == Lex::None)
    {
        return None;
    }
    if matches!(q, Qty::N(1)) && plural {
        return None;
    }
    // A bare plural unit: only "years", "months", "weeks", "days",
    // "decades", "hours", "minutes", not "seconds" (ordinal look-alike).
    // "a second term" is an ordinal; bare "quarters" is a fraction word.
    if (unit == Unit::Second && !plural) || (j == k && matches!(unit, Unit::Second | Unit::Quarter))
    {
        return None;
    }
    // "45 years old" is an age, not a duration.
    if cx.s(k + 1).eq_ignore_ascii_case("old") {
        return None;
    }
    let mut end = k + 1;
    // "a minute and a half", "a year and a half"
    if let Qty::N(n) = q
        && cx.kw(end, Kw::And)
        && cx.kw(end + 1, Kw::A)
        && cx.unit(end + 2) == Some((Unit::Half, false))
    {
        q = Qty::Half(n);
        end += 3;
    }
    // "decades-long"
    if cx.hyphen(end) && cx.s(end + 1) == "long" {
        end += 2;
    }
    // "the three-year war", "the weeks": the article stays out.
    let start = if the && !lead && (hyphenated || j == k) {
        i + 1
    } else {
        i
    };
    let value = value_of(&q, unit)?;
    // "$5 million a year", "four flights a week", "24 hours a day": a rate
    // after an amount recurs (a SET), it is not a stretch of time.
    if cx.kw(i, Kw::A) && i > 0 && end == k + 1 && !plural && is_amount(cx, i - 1) {
        return Some(Cand::raw(i, end, TimexType::Set, value).named("durations.rate"));
    }
    Some(Cand::raw(start, end, TimexType::Duration, value).named("durations.amount"))
}

/// Token `i` ends an amount: a number, "million", or a plural noun.
fn is_amount(cx: &Cx, i: usize) -> bool {
    let Some(t) = cx.t(i) else { return false };
    if t.kind == Kind::Num {
        return true;
    }
    if t.kind != Kind::Word || t.cap {
        return false;
    }
    let w = cx.s(i).to_ascii_lowercase();
    if matches!(
        w.as_str(),
        "million" | "billion" | "thousand" | "hundred" | "percent" | "times"
    ) {
        return true;
    }
    matches!(t.lex, Lex::None | Lex::Unit(_, true))
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
}

/// P3Y, P18M, P20Y for two decades, PT24H, PXY, P9M for three quarters.
pub fn value_of(q: &Qty, unit: Unit) -> Option<String> {
    if let Qty::Half(n) = q {
        return Some(match unit {
            Unit::Year => format!("P{n}Y6M"),
            Unit::Month => format!("P{n}M15D"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Decade => format!("P{}Y", n * 10 + 5),
            _ => format!("P{n}.5{}", duration_code(unit)?),
        });
    }
    let n = q.as_value();
    Some(match unit {
        Unit::Hour => format!("PT{n}H"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Second => format!("PT{n}S"),
        Unit::Weekend => "P2D".to_string(),
        Unit::Fortnight => match q {
            Qty::N(k) => format!("P{}W", k * 2),
            _ => "PXW".to_string(),
        },
        Unit::Quarter => match q {
            Qty::N(1) => "P1Q".to_string(),
            Qty::N(k) => format!("P{}M", k * 3),
            _ => "PXQ".to_string(),
        },
        Unit::Half => match q {
            Qty::N(k) => format!("P{}M", k * 6),
            _ => "PXM".to_string(),
        },
        // ISO 8601 has no decade: "two decades" is P20Y, as most of the
        // TimeML corpora write it, and "decades" PXY.
        Unit::Decade => match q {
            Qty::N(k) => format!("P{}Y", k * 10),
            // "1.5 decades": P15Y.
            Qty::Dec(x) => match x.parse::<f64>() {
                Ok(x) => format!("P{}Y", x * 10.0),
                Err(_) => "PXY".to_string(),
            },
            _ => "PXY".to_string(),
        },
        u => format!("P{n}{}", duration_code(u)?),
    })
}

/// The TIMEX3 duration letter of a calendar unit, for the values
/// [`value_of`] has no arm of its own for (clock units and decades are
/// written out there).
fn duration_code(unit: Unit) -> Option<&'static str> {
    Some(match unit {
        Unit::Day => "D",
        Unit::Week => "W",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Year => "Y",
        Unit::Century => "C",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{check_rejects, check_table};

    #[test]
    fn measures_durations() {
        check_table(&[
            (
                "to save $500 million a year",
                "2025-02-09",
                "a year",
                "P1Y",
                "",
            ),
            ("a five year plan", "2025-02-09", "five year", "P5Y", ""),
            ("for 2 1/2 years", "2025-02-09", "2 1/2 years", "P2Y6M", ""),
            (
                "for a minute and a half",
                "2025-02-09",
                "a minute and a half",
                "PT1M30S",
                "",
            ),
            (
                "for two and a half hours",
                "2025-02-09",
                "two and a half hours",
                "PT2H30M",
                "",
            ),
            ("fought for 10 days", "2025-02-09", "10 days", "P10D", ""),
            ("a two-week trip", "2025-02-09", "two-week", "P2W", ""),
            (
                "over the past three years",
                "2025-02-09",
                "the past three years",
                "P3Y",
                "",
            ),
            (
                "in the first nine months",
                "1989-10-26",
                "the first nine months",
                "P9M",
                "",
            ),
            ("for 24 hours", "2025-02-09", "24 hours", "PT24H", ""),
            ("it took years to", "2025-02-09", "years", "PXY", ""),
            (
                "a decades-long feud",
                "2025-02-09",
                "decades-long",
                "PXY",
                "",
            ),
            ("for a decade", "2025-02-09", "a decade", "P10Y", ""),
            ("for 1.5 decades", "2025-02-09", "1.5 decades", "P15Y", ""),
            (
                "Eight trading days later, prices fell.",
                "2025-02-09",
                "Eight trading days",
                "P8D",
                "",
            ),
            (
                "over the next couple of years",
                "2025-02-09",
                "the next couple of years",
                "P2Y",
                "",
            ),
            (
                "the next few years",
                "2025-02-09",
                "the next few years",
                "PXY",
                "",
            ),
            (
                "in the past decade",
                "2025-02-09",
                "the past decade",
                "P10Y",
                "",
            ),
        ]);
    }

    #[test]
    fn does_not_read_compound_nouns_as_durations() {
        check_rejects(&[
            ("a day-to-day struggle", "day"),
            ("a year-round resort", "year"),
            ("the 6-year-old boy", "year"),
            ("He was 45 years old.", "years"),
        ]);
    }
}
