//! All-numeric dates and year-like numbers: "2025-01-18", "1/18/2025" (order
//! from [`DateOrder`]), bare years "2025", "fiscal 2025", two-digit "'98",
//! decades "1990s" / "the '90s" / "the nineties", centuries "the 20th
//! century", and a bare day "the 18th".

use super::{Cand, Cx, Sem, reject};
use crate::temporal::DateOrder;
use crate::temporal::patterns::Dir;
use crate::temporal::token::{Kind, Kw, Lex, Unit};

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    iso(cx, i)
        .or_else(|| slashed(cx, i))
        .or_else(|| decade(cx, i))
        .or_else(|| century(cx, i))
        .or_else(|| fiscal(cx, i))
        .or_else(|| year(cx, i))
        .or_else(|| spoken(cx, i))
        .or_else(|| short_year(cx, i))
        .or_else(|| bare_day(cx, i))
}

fn valid_md(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// "2025-01-18"
fn iso(cx: &Cx, i: usize) -> Option<Cand> {
    if cx.digits(i) != 4 || !cx.punct(i + 1, b'-') || !cx.tight(i + 1) || !cx.tight(i + 2) {
        return None;
    }
    let (y, m) = (cx.num(i)?, cx.num(i + 2)?);
    if !cx.punct(i + 3, b'-') || !cx.tight(i + 3) || !cx.tight(i + 4) || cx.digits(i + 2) != 2 {
        return None;
    }
    let d = cx.num(i + 4)?;
    if cx.digits(i + 4) != 2 || !valid_md(m, d) {
        return None;
    }
    let sem = Sem::Cal {
        y: Some(y as i32),
        m: Some(m),
        d: Some(d),
        dir: Dir::Auto,
    };
    Some(Cand::date(i, i + 5, sem, "numeric.iso"))
}

/// "1/18/2025", "18/1/25" (per DateOrder), also with dots or dashes when a
/// four-digit year ends it.
fn slashed(cx: &Cx, i: usize) -> Option<Cand> {
    let a = cx.num(i)?;
    let sep = cx.t(i + 1)?;
    let c = match sep.kind {
        Kind::Punct(c @ (b'/' | b'.' | b'-')) => c,
        _ => return None,
    };
    if !cx.tight(i + 1) || !cx.tight(i + 2) || !cx.punct(i + 3, c) || !cx.tight(i + 3) {
        return None;
    }
    if !cx.tight(i + 4) || cx.digits(i) > 2 || cx.digits(i + 2) > 2 {
        return None;
    }
    let b = cx.num(i + 2)?;
    let yd = cx.digits(i + 4);
    let y = cx.num(i + 4)?;
    let y = match yd {
        4 => y,
        2 if c == b'/' => {
            if y < 50 {
                2000 + y
            } else {
                1900 + y
            }
        }
        _ => return None,
    };
    // A glued digit or slash after it is something else (a ratio, a code).
    if cx.tight(i + 5)
        && cx
            .t(i + 5)
            .is_some_and(|t| t.kind == Kind::Num || t.is_punct(b'/') || t.kind == Kind::Word)
    {
        return None;
    }
    let (m, d) = match cx.opts.date_order {
        DateOrder::MonthDay => (a, b),
        DateOrder::DayMonth => (b, a),
    };
    if !valid_md(m, d) {
        return None;
    }
    let sem = Sem::Cal {
        y: Some(y as i32),
        m: Some(m),
        d: Some(d),
        dir: Dir::Auto,
    };
    Some(Cand::date(i, i + 5, sem, "numeric.slashed"))
}

/// "1990s", "'90s", "nineties", "1800s" (a century).
fn decade(cx: &Cx, i: usize) -> Option<Cand> {
    let the = usize::from(cx.kw(i, Kw::The));
    if let Lex::DecadeWord(n) = cx.lex(i + the) {
        return Some(Cand::date(
            i,
            i + the + 1,
            Sem::Decade(190 + n as i32 / 10),
            "numeric.decade_word",
        ));
    }
    let (start, n, num_i) = if cx.punct(i, b'\'') && cx.digits(i + 1) == 2 && cx.tight(i + 1) {
        let v = cx.num(i + 1)?;
        (i, if v >= 30 { 1900 + v } else { 2000 + v }, i + 1)
    } else if cx.digits(i) == 4 {
        (i, cx.num(i)?, i)
    } else {
        return None;
    };
    let plain_s = cx.tight(num_i + 1) && cx.s(num_i + 1) == "s";
    let quote_s = cx.s(num_i + 1) == "'" && cx.s(num_i + 2) == "s";
    if !plain_s && !quote_s {
        return None;
    }
    let end = if cx.s(num_i + 1) == "s" {
        num_i + 2
    } else {
        num_i + 3
    };
    if n % 10 != 0 || !(1000..=2090).contains(&n) {
        return None;
    }
    let sem = if n % 100 == 0 && n < 2000 {
        Sem::Century(n as i32 / 100)
    } else {
        Sem::Decade(n as i32 / 10)
    };
    Some(Cand::date(start, end, sem, "numeric.decade"))
}

/// "the 20th century", "the nineteenth century".
fn century(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    if cx.kw(j, Kw::The) {
        j += 1;
    }
    let (n, k) = if let Some(n) = cx.num(j) {
        if !(cx.kw(j + 1, Kw::OrdSuffix) && cx.tight(j + 1)) {
            return None;
        }
        (n, j + 2)
    } else if let Lex::Ord(n) = cx.lex(j) {
        (n, j + 1)
    } else {
        return None;
    };
    if !matches!(cx.unit(k), Some((Unit::Century, false))) || !(1..=99).contains(&n) {
        return None;
    }
    Some(Cand::date(
        i,
        k + 1,
        Sem::Century(n as i32 - 1),
        "numeric.century",
    ))
}

/// "fiscal 2025", "fiscal year 1998", "FY2025".
fn fiscal(cx: &Cx, i: usize) -> Option<Cand> {
    let mut j = i;
    if cx.kw(j, Kw::Fiscal) {
        j += 1;
        if matches!(cx.unit(j), Some((Unit::Year, false))) {
            j += 1;
        }
    } else if cx.s(i) == "FY" && cx.tight(i + 1) {
        j += 1;
    } else {
        return None;
    }
    let y = match cx.digits(j) {
        4 => cx.num(j)? as i32,
        2 => {
            let v = cx.num(j)? as i32;
            if v >= 50 { 1900 + v } else { 2000 + v }
        }
        _ => return None,
    };
    let sem = Sem::Cal {
        y: Some(y),
        m: None,
        d: None,
        dir: Dir::Auto,
    };
    Some(Cand::date(i, j + 1, sem, "numeric.fiscal_year"))
}

/// A bare four-digit year that passes the look-alike checks.
fn year(cx: &Cx, i: usize) -> Option<Cand> {
    if !reject::year_ok(cx, i) {
        return None;
    }
    let sem = Sem::Cal {
        y: Some(cx.num(i)? as i32),
        m: None,
        d: None,
        dir: Dir::Auto,
    };
    Some(Cand::date(i, i + 1, sem, "numeric.year"))
}

/// A year said in words: "nineteen ninety-six", "nineteen eighty", "two
/// thousand", "two thousand and one", optionally after "the year".
pub fn spoken_year(cx: &Cx, i: usize) -> Option<(i32, usize)> {
    let Lex::Card(first) = cx.lex(i) else {
        return None;
    };
    match first {
        10..=19 => {
            let (rest, k) = match cx.qty(i + 1) {
                Some((super::Qty::N(n), k))
                    if (10..=99).contains(&n) && cx.num(i + 1).is_none() =>
                {
                    (n, k)
                }
                _ => return None,
            };
            Some((first as i32 * 100 + rest as i32, k))
        }
        2 if cx.kw(i + 1, Kw::Thousand) => {
            let mut k = i + 2;
            if cx.kw(k, Kw::And) {
                k += 1;
            }
            match cx.qty(k) {
                Some((super::Qty::N(n), e))
                    if (1..=99).contains(&n) && cx.num(k).is_none() && !cx.kw(k, Kw::A) =>
                {
                    Some((2000 + n as i32, e))
                }
                _ => Some((2000, i + 2)),
            }
        }
        _ => None,
    }
}

fn spoken(cx: &Cx, i: usize) -> Option<Cand> {
    let (a, j) = if cx.kw(i, Kw::The) && cx.unit(i + 1) == Some((Unit::Year, false)) {
        (i, i + 2)
    } else {
        (i, i)
    };
    let (y, end) = spoken_year(cx, j)?;
    // "two thousand" alone is a number unless "the year" says otherwise.
    if y == 2000 && a == j {
        return None;
    }
    let sem = Sem::Cal {
        y: Some(y),
        m: None,
        d: None,
        dir: Dir::Auto,
    };
    Some(Cand::date(a, end, sem, "numeric.spoken_year"))
}

/// "in '98"
fn short_year(cx: &Cx, i: usize) -> Option<Cand> {
    if !cx.punct(i, b'\'') || cx.digits(i + 1) != 2 || !cx.tight(i + 1) || i == 0 {
        return None;
    }
    if !matches!(
        cx.lex(i - 1),
        Lex::Kw(Kw::In | Kw::Since | Kw::Of | Kw::Until)
    ) {
        return None;
    }
    if cx.tight(i + 2)
        && cx
            .t(i + 2)
            .is_some_and(|t| t.kind != Kind::Punct(b'.') && t.kind != Kind::Punct(b','))
    {
        return None;
    }
    let v = cx.num(i + 1)? as i32;
    let sem = Sem::Cal {
        y: Some(if v >= 30 { 1900 + v } else { 2000 + v }),
        m: None,
        d: None,
        dir: Dir::Auto,
    };
    Some(Cand::date(i, i + 2, sem, "numeric.short_year"))
}

/// "the 18th" (a day of the reference month), only where nothing follows
/// that would make it a ranking ("the 18th hole").
fn bare_day(cx: &Cx, i: usize) -> Option<Cand> {
    if !cx.kw(i, Kw::The) {
        return None;
    }
    let d = cx.num(i + 1)?;
    if !(1..=31).contains(&d) || !cx.kw(i + 2, Kw::OrdSuffix) || !cx.tight(i + 2) {
        return None;
    }
    let suffix = cx.s(i + 2).to_ascii_lowercase();
    let want = match d % 10 {
        1 if d != 11 => "st",
        2 if d != 12 => "nd",
        3 if d != 13 => "rd",
        _ => "th",
    };
    if suffix != want {
        return None;
    }
    match cx.t(i + 3) {
        None => {}
        Some(t) if matches!(t.kind, Kind::Punct(b'.' | b',' | b';' | b')')) => {}
        Some(t)
            if t.kind == Kind::Word
                && matches!(t.lex, Lex::Kw(Kw::And | Kw::At | Kw::In | Kw::To)) => {}
        _ => return None,
    }
    let sem = Sem::Cal {
        y: None,
        m: None,
        d: Some(d),
        dir: Dir::Auto,
    };
    Some(Cand::date(i, i + 3, sem, "numeric.bare_day"))
}

#[cfg(test)]
mod tests {
    use super::super::check_table;

    #[test]
    fn resolves_numeric_dates_and_years() {
        check_table(&[
            (
                "on 2025-01-18.",
                "2025-02-09",
                "2025-01-18",
                "2025-01-18",
                "",
            ),
            (
                "filed 1/18/2025 in court",
                "2025-02-09",
                "1/18/2025",
                "2025-01-18",
                "",
            ),
            (
                "filed 1/18/98 in court",
                "2025-02-09",
                "1/18/98",
                "1998-01-18",
                "",
            ),
            (
                "In 2014 Russia annexed Crimea.",
                "2025-02-09",
                "2014",
                "2014",
                "",
            ),
            ("in the 1990s", "2025-02-09", "1990s", "199", ""),
            ("during the '90s", "2025-02-09", "'90s", "199", ""),
            ("in the nineties", "2025-02-09", "the nineties", "199", ""),
            (
                "in the 20th century",
                "2025-02-09",
                "the 20th century",
                "19",
                "",
            ),
            ("in fiscal 2025", "2025-02-09", "fiscal 2025", "2025", ""),
            (
                "the deal was signed on the 18th.",
                "2025-02-09",
                "the 18th",
                "2025-02-18",
                "",
            ),
            ("between 2019 and 2021", "2025-02-09", "2021", "2021", ""),
            (
                "in nineteen ninety-six",
                "2025-02-09",
                "nineteen ninety-six",
                "1996",
                "",
            ),
            (
                "by the year two thousand",
                "1998-02-09",
                "the year two thousand",
                "2000",
                "",
            ),
        ]);
    }

    #[test]
    fn reads_day_first_numeric_dates_when_configured() {
        use crate::temporal::{DateOrder, Tagger, TaggerOptions};
        let t = Tagger::new(TaggerOptions {
            date_order: DateOrder::DayMonth,
            ..TaggerOptions::default()
        });
        let d = chrono::NaiveDate::from_ymd_opt(2025, 2, 9).unwrap();
        let got = t.tag("filed 18/1/2025 here", d);
        assert_eq!(got[0].value, "2025-01-18");
    }
}
