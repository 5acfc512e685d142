//! Calendar arithmetic, all of it checked: a date that would leave years
//! 1..=9999 gives None, never a panic. Days of months, periods of each
//! precision, the seasons, shifts by a unit and named holidays. No text,
//! no TIMEX3 spelling: the resolver and the TIMEX3 value use these.

use super::patterns::Holiday;
use super::token::Unit;
use super::value::{Interval, Precision};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The date, when it exists and its year is in 1..=9999.
pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The last day of month `m` of year `y`.
pub fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    if ny > 9999 {
        return ymd(y, 12, 31);
    }
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// `d` moved by `n` days.
pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let r = if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }?;
    (1..=9999).contains(&r.year()).then_some(r)
}

/// `d` moved by `n` months, to the month's last day when it is shorter.
pub fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let k = u32::try_from(n.unsigned_abs()).ok()?;
    let r = if n >= 0 {
        d.checked_add_months(Months::new(k))
    } else {
        d.checked_sub_months(Months::new(k))
    }?;
    (1..=9999).contains(&r.year()).then_some(r)
}

/// Shifts `d` by `n` units.
pub fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => add_days(d, n),
        Unit::Week | Unit::Weekend => add_days(d, n.checked_mul(7)?),
        Unit::Fortnight => add_days(d, n.checked_mul(14)?),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, n.checked_mul(3)?),
        Unit::Half => add_months(d, n.checked_mul(6)?),
        Unit::Year => add_months(d, n.checked_mul(12)?),
        Unit::Decade => add_months(d, n.checked_mul(120)?),
        Unit::Century => add_months(d, n.checked_mul(1200)?),
    }
}

/// The precision a unit names.
pub fn unit_precision(unit: Unit) -> Precision {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Precision::Day,
        Unit::Week | Unit::Weekend | Unit::Fortnight => Precision::Week,
        Unit::Month => Precision::Month,
        Unit::Quarter => Precision::Quarter,
        Unit::Half => Precision::Half,
        Unit::Year => Precision::Year,
        Unit::Decade => Precision::Decade,
        Unit::Century => Precision::Century,
    }
}

/// The period of precision `p` that contains `d`.
pub fn period(d: NaiveDate, p: Precision) -> Option<Interval> {
    let y = d.year();
    let (first, last) = match p {
        Precision::Time | Precision::Day => (d, d),
        Precision::Week => {
            let back = i64::from(d.weekday().num_days_from_monday());
            let f = add_days(d, -back)?;
            (f, add_days(f, 6)?)
        }
        Precision::Month => (ymd(y, d.month(), 1)?, last_of_month(y, d.month())?),
        Precision::Quarter => {
            let q0 = (d.month() - 1) / 3 * 3 + 1;
            (ymd(y, q0, 1)?, last_of_month(y, q0 + 2)?)
        }
        Precision::Half => {
            let h0 = if d.month() <= 6 { 1 } else { 7 };
            (ymd(y, h0, 1)?, last_of_month(y, h0 + 5)?)
        }
        Precision::Season => {
            let (yy, s) = season_of(d);
            return season_interval(yy, s);
        }
        Precision::Year => (ymd(y, 1, 1)?, ymd(y, 12, 31)?),
        Precision::Decade => {
            let f = y.div_euclid(10) * 10;
            (ymd(f.max(1), 1, 1)?, ymd(f + 9, 12, 31)?)
        }
        Precision::Century => {
            let f = y.div_euclid(100) * 100;
            (ymd(f.max(1), 1, 1)?, ymd(f + 99, 12, 31)?)
        }
    };
    Some(Interval { first, last })
}

/// The TIMEX3 codes of the seasons, spring first: season `s` is `SEASONS[s]`.
pub const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// Season `s` of year `y`: winter `y` runs from December `y - 1`.
pub fn season_interval(y: i32, s: u32) -> Option<Interval> {
    let (first, last) = match s {
        0 => (ymd(y, 3, 1)?, ymd(y, 5, 31)?),
        1 => (ymd(y, 6, 1)?, ymd(y, 8, 31)?),
        2 => (ymd(y, 9, 1)?, ymd(y, 11, 30)?),
        _ => (ymd(y - 1, 12, 1)?, last_of_month(y, 2)?),
    };
    Some(Interval { first, last })
}

/// The season holding `d`, as (its year, its index in [`SEASONS`]).
pub fn season_of(d: NaiveDate) -> (i32, u32) {
    match d.month() {
        3..=5 => (d.year(), 0),
        6..=8 => (d.year(), 1),
        9..=11 => (d.year(), 2),
        12 => (d.year() + 1, 3),
        _ => (d.year(), 3),
    }
}

/// The date of holiday `h` in year `y`.
pub fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => ymd(y, m, d),
        Holiday::NthWeekday { m, wd, n } => {
            let wd = Weekday::try_from(u8::try_from(wd).ok()?).ok()?;
            if n >= 4 {
                let last = last_of_month(y, m)?;
                let back = (i64::from(last.weekday().num_days_from_monday())
                    - i64::from(wd.num_days_from_monday()))
                .rem_euclid(7);
                add_days(last, -back)
            } else {
                NaiveDate::from_weekday_of_month_opt(y, m, wd, u8::try_from(n + 1).ok()?)
            }
        }
        Holiday::ElectionDay => {
            let monday = NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1)?;
            add_days(monday, 1)
        }
        Holiday::Easter => {
            // Anonymous Gregorian computus.
            let a = y % 19;
            let b = y / 100;
            let c = y % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn shifts_refuse_to_leave_years_one_to_9999() {
        assert_eq!(shift(d("9999-12-31"), Unit::Day, 1), None);
        assert_eq!(shift(d("0001-01-01"), Unit::Year, -1), None);
        assert_eq!(
            shift(d("2025-01-31"), Unit::Month, 1),
            Some(d("2025-02-28"))
        );
    }

    #[test]
    fn computes_movable_holidays() {
        assert_eq!(holiday_date(Holiday::Easter, 2025), Some(d("2025-04-20")));
        assert_eq!(
            holiday_date(Holiday::ElectionDay, 1998),
            Some(d("1998-11-03"))
        );
        assert_eq!(
            holiday_date(Holiday::ElectionDay, 2024),
            Some(d("2024-11-05"))
        );
        let thanksgiving = Holiday::NthWeekday { m: 11, wd: 3, n: 3 };
        assert_eq!(holiday_date(thanksgiving, 2025), Some(d("2025-11-27")));
        let memorial = Holiday::NthWeekday { m: 5, wd: 0, n: 4 };
        assert_eq!(holiday_date(memorial, 2025), Some(d("2025-05-26")));
    }
}
