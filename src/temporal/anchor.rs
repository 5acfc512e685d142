//! Anchoring: turns each refined match's meaning ([`Sem`]) into a TIMEX3
//! value and a calendar interval, against the article date or the last
//! mentioned date, and records which one it used.
//!
//! This file owns the choices (which Friday, which winter, what "the
//! quarter" refers to); the arithmetic is `calendar.rs` (checked: a date
//! that would leave years 1..=9999 makes the expression unresolvable, never
//! a panic) and the tense of the sentence is `tense.rs`. It does not decide
//! what matches.

use super::Mode;
use super::calendar::{
    add_days, add_months, holiday_date, period, season_interval, shift, unit_precision, ymd,
};
use super::patterns::{Base, Cand, Cx, Dir, Holiday, Sem, YearSpec};
use super::tense::{Tense, tense};
use super::token::Unit;
use super::value::{
    Anchor, DayPart, Interval, Precision, TimeExpr, Timex, TimexKind, TimexType, TimexValue,
};
use chrono::{Datelike, NaiveDate};

/// A resolved calendar value and what it was resolved against.
type Resolved = (Timex, Anchor);

/// Resolution state for one text: the document date and what was last
/// mentioned.
pub struct Resolver<'a> {
    pub cx: &'a Cx<'a>,
    pub dct: NaiveDate,
    pub mode: Mode,
    /// Index in the output and value of the last resolved calendar expression.
    prev: Option<(usize, Timex)>,
    /// The same for the last expression a quarter long or shorter.
    prev_short: Option<(usize, Timex)>,
    /// A duration was mentioned after the last date ("for the nine months,
    /// ... a year earlier"): the last quarter no longer frames the text.
    span_since_prev: bool,
}

impl<'a> Resolver<'a> {
    pub fn new(cx: &'a Cx<'a>, dct: NaiveDate, mode: Mode) -> Resolver<'a> {
        Resolver {
            cx,
            dct,
            mode,
            prev: None,
            prev_short: None,
            span_since_prev: false,
        }
    }

    fn reference(&self, base: Base) -> (NaiveDate, Anchor, Option<Timex>) {
        let use_prev = match base {
            Base::Dct => false,
            Base::Prev => true,
            Base::Auto => self.mode == Mode::Narrative,
        };
        match (&self.prev, use_prev) {
            (Some(prev), true) => (prev.1.interval.first, anchored_on(prev), Some(prev.1)),
            _ => (self.dct, self.document_date(), None),
        }
    }

    fn document_date(&self) -> Anchor {
        Anchor::DocumentDate { date: self.dct }
    }

    /// Resolves every candidate in order; unresolvable ones are dropped.
    pub fn run(mut self, cands: &[Cand]) -> Vec<TimeExpr> {
        let mut out = Vec::with_capacity(cands.len());
        for c in cands {
            let Some((value, anchor)) = self.resolve(c, &c.sem) else {
                continue;
            };
            let (Some(ta), Some(tb)) = (self.cx.t(c.a), self.cx.t(c.b.saturating_sub(1))) else {
                continue;
            };
            let (start, end) = (ta.start, tb.end);
            if start >= end {
                continue;
            }
            let is_cal = matches!(c.ty, TimexType::Date | TimexType::Time);
            let chained = matches!(anchor, Anchor::Expression { .. });
            if is_cal
                && (!chained || self.mode == Mode::Narrative)
                && let TimexValue::Calendar(t) = value
            {
                self.prev = Some((out.len(), t));
                self.span_since_prev = false;
                if t.precision <= Precision::Quarter {
                    self.prev_short = self.prev;
                }
            }
            if c.ty == TimexType::Duration {
                self.span_since_prev = true;
            }
            out.push(TimeExpr {
                start,
                end,
                text: self.cx.text[start..end].to_string(),
                timex_type: c.ty,
                value,
                anchor,
                pattern: c.pattern.into(),
            });
        }
        out
    }

    fn year_of(&self, y: YearSpec) -> Option<(i32, Anchor)> {
        match y {
            YearSpec::Abs(y) => Some((y, Anchor::Absolute)),
            YearSpec::Rel(n, base) => {
                let (r, a, _) = self.reference(base);
                let y = i64::from(r.year()).checked_add(n)?;
                Some((i32::try_from(y).ok()?, a))
            }
        }
    }

    fn dir_of(&self, c: &Cand, dir: Dir) -> Dir {
        if dir != Dir::Auto {
            return dir;
        }
        match tense(self.cx, c.a, c.b) {
            Tense::Past => Dir::Prior,
            Tense::Future => Dir::Next,
            Tense::Unknown => Dir::Auto,
        }
    }

    /// Resolves a match's meaning to its value, with the candidate's
    /// modifier.
    fn resolve(&self, c: &Cand, sem: &Sem) -> Option<(TimexValue, Anchor)> {
        let (value, anchor) = match sem {
            Sem::Raw(v) => (
                TimexValue::Other {
                    value: v.clone(),
                    modifier: None,
                },
                Anchor::Absolute,
            ),
            _ => {
                let (t, anchor) = self.calendar(c, sem)?;
                (TimexValue::Calendar(t), anchor)
            }
        };
        Some((value.with_modifier(c.modifier), anchor))
    }

    /// Resolves a meaning that names a stretch of the calendar; each kind of
    /// [`Sem`] has its own function.
    fn calendar(&self, c: &Cand, sem: &Sem) -> Option<Resolved> {
        match sem {
            Sem::Raw(_) => None,
            Sem::Cal { y, m, d, dir } => self.cal(c, *y, *m, *d, *dir),
            Sem::MonthOf { m, d, y } => self.month_of(*m, *d, *y),
            Sem::Decade(d) => Some((
                Timex::period(ymd(d.checked_mul(10)?.max(1), 1, 1)?, Precision::Decade)?,
                Anchor::Absolute,
            )),
            Sem::Century(cn) => {
                let first = ymd(cn.checked_mul(100)?.max(1), 1, 1)?;
                Some((Timex::period(first, Precision::Century)?, Anchor::Absolute))
            }
            Sem::Weekday { wd, dir } => self.weekday(c, *wd, *dir),
            Sem::Rel {
                unit,
                n,
                base,
                inherit,
            } => self.relative(*unit, *n, *base, *inherit),
            Sem::Quarter { q, y } => self.quarter(c, *q, *y),
            Sem::ThatQuarter => self.that_quarter(),
            Sem::QuarterIn(y) => self.quarter_in(*y),
            Sem::YearAgoQuarter => self.year_ago_quarter(),
            Sem::Half { h, y } => self.half(*h, *y),
            Sem::Season { s, y, dir } => self.season(c, *s, *y, *dir),
            Sem::Holiday { h, y } => self.holiday(c, *h, *y),
            Sem::Weekend { n } => self.weekend(c, *n),
            Sem::Time {
                day,
                hour,
                minute,
                part,
            } => self.time(c, day.as_deref(), *hour, *minute, *part),
        }
    }

    /// "January this year", "June 3 last year".
    fn month_of(&self, m: u32, d: Option<u32>, y: YearSpec) -> Option<Resolved> {
        let (y, a) = self.year_of(y)?;
        let (date, prec) = match d {
            Some(d) => (ymd(y, m, d)?, Precision::Day),
            None => (ymd(y, m, 1)?, Precision::Month),
        };
        Some((Timex::period(date, prec)?, a))
    }

    /// "Friday", "last Friday", "next Friday".
    fn weekday(&self, c: &Cand, wd: u32, asked: Dir) -> Option<Resolved> {
        let (r, a, _) = self.reference(Base::Auto);
        let dir = match asked {
            Dir::Auto if tense(self.cx, c.a, c.b) == Tense::Future => Dir::Next,
            other => other,
        };
        let mut d = weekday_near(r, wd, dir)?;
        // "will speak Friday" written on a Friday is today.
        if asked == Dir::Auto && dir == Dir::Next && r.weekday().num_days_from_monday() == wd {
            d = r;
        }
        Some((Timex::period(d, Precision::Day)?, a))
    }

    /// "last week", "three years ago", "the following day", "a year
    /// earlier" (a quarter or half when the last date was one).
    fn relative(&self, unit: Unit, n: i64, base: Base, inherit: bool) -> Option<Resolved> {
        let (r, a, prev) = self.reference(base);
        let prev = prev.or_else(|| {
            if inherit {
                self.prev.map(|(_, t)| t)
            } else {
                None
            }
        });
        if inherit
            && !self.span_since_prev
            && let Some(pp) = prev
            && matches!(pp.precision, Precision::Quarter | Precision::Half)
        {
            let d = shift(pp.interval.first, unit, n)?;
            let a = self.prev.as_ref().map_or(a, anchored_on);
            return Some((Timex::period(d, pp.precision)?, a));
        }
        // Nothing finer to inherit: in news "a year earlier" counts
        // from the article date, not from a year already mentioned. "A
        // year later" never does (it would name a year still to come): it
        // counts from the date before it ("in 1984 ... One year later").
        let (r, a) = if inherit && self.mode == Mode::News && (n < 0 || prev.is_none()) {
            let (r, a, _) = self.reference(Base::Dct);
            (r, a)
        } else {
            (r, a)
        };
        let d = shift(r, unit, n)?;
        Some((Timex::period(d, unit_precision(unit))?, a))
    }

    /// "the fourth quarter", "the first quarter of 2024".
    fn quarter(&self, c: &Cand, q: u32, y: YearSpec) -> Option<Resolved> {
        let (mut yy, a) = self.year_of(y)?;
        let m0 = (q.clamp(1, 4) - 1) * 3 + 1;
        // "the fourth quarter" in January is last year's, unless
        // the sentence looks ahead.
        if matches!(y, YearSpec::Rel(0, _))
            && let Some(start) = ymd(yy, m0, 1)
            && start > self.reference(Base::Auto).0
            && tense(self.cx, c.a, c.b) != Tense::Future
        {
            yy -= 1;
        }
        let d = ymd(yy, m0, 1)?;
        Some((Timex::period(d, Precision::Quarter)?, a))
    }

    /// "the quarter": the last mentioned quarter, or the last complete one.
    fn that_quarter(&self) -> Option<Resolved> {
        // "The quarter" of a report is one that has ended: a quarter
        // still ahead ("a fourth-quarter charge") is not what "the
        // latest quarter" reports on.
        if let Some(prev) = &self.prev
            && prev.1.precision == Precision::Quarter
            && prev.1.interval.last < self.dct
        {
            return Some((prev.1, anchored_on(prev)));
        }
        let d = add_months(self.dct, -3)?;
        Some((Timex::period(d, Precision::Quarter)?, self.document_date()))
    }

    /// "the 1988 quarter": the last mentioned quarter's counterpart in `y`.
    fn quarter_in(&self, y: i32) -> Option<Resolved> {
        // The quarter of the last date a quarter long or shorter
        // ("the quarter ended Sept. 30 ... the 1988 period").
        if let Some(prev) = &self.prev_short {
            let d = ymd(y, prev.1.interval.first.month(), 1)?;
            return Some((Timex::period(d, Precision::Quarter)?, anchored_on(prev)));
        }
        Some((
            Timex::period(ymd(y, 1, 1)?, Precision::Year)?,
            Anchor::Absolute,
        ))
    }

    /// "the year-ago quarter".
    fn year_ago_quarter(&self) -> Option<Resolved> {
        let (base, a) = match &self.prev {
            Some(prev) if prev.1.precision <= Precision::Quarter => {
                (prev.1.interval.first, anchored_on(prev))
            }
            _ => (add_months(self.dct, -3)?, self.document_date()),
        };
        let d = shift(base, Unit::Year, -1)?;
        Some((Timex::period(d, Precision::Quarter)?, a))
    }

    /// "the first half of 2024", "the second half".
    fn half(&self, h: u32, y: YearSpec) -> Option<Resolved> {
        let (y, a) = self.year_of(y)?;
        let d = ymd(y, if h == 1 { 1 } else { 7 }, 1)?;
        Some((Timex::period(d, Precision::Half)?, a))
    }

    /// "the winter of 1994", "last summer", "this spring".
    fn season(&self, c: &Cand, s: u32, y: Option<YearSpec>, dir: Dir) -> Option<Resolved> {
        if let Some(y) = y {
            let (y, a) = self.year_of(y)?;
            return Some((Timex::season(y, s)?, a));
        }
        let (r, a, _) = self.reference(Base::Auto);
        let dir = self.dir_of(c, dir);
        let iv = season_near(r, s, dir)?;
        Some((Timex::period(iv.first, Precision::Season)?, a))
    }

    /// "Christmas", "Easter 2024", "Election Day".
    fn holiday(&self, c: &Cand, h: Holiday, y: Option<i32>) -> Option<Resolved> {
        let (d, a) = match y {
            Some(y) => (holiday_date(h, y)?, Anchor::Absolute),
            None => {
                let (r, a, _) = self.reference(Base::Auto);
                let cands: Vec<NaiveDate> = [r.year() - 1, r.year(), r.year() + 1]
                    .into_iter()
                    .filter_map(|yy| holiday_date(h, yy))
                    .collect();
                let d = if tense(self.cx, c.a, c.b) == Tense::Future {
                    cands.iter().find(|x| **x >= r).copied()
                } else {
                    past_leaning(&cands, r)
                }?;
                (d, a)
            }
        };
        Some((Timex::period(d, Precision::Day)?, a))
    }

    /// "the weekend", "last weekend", "next weekend".
    fn weekend(&self, c: &Cand, n: i64) -> Option<Resolved> {
        let (r, a, _) = self.reference(Base::Auto);
        // "the weekend" in a past-tense sentence early in the week is
        // the one just gone.
        let mut n = n;
        if n == 0
            && r.weekday().num_days_from_monday() < 4
            && tense(self.cx, c.a, c.b) != Tense::Future
        {
            n = -1;
        }
        let d = add_days(r, n.checked_mul(7)?)?;
        Some((Timex::weekend(d)?, a))
    }

    /// "3 p.m. Friday", "at 10 p.m.", "Friday morning", "tonight".
    fn time(
        &self,
        c: &Cand,
        day: Option<&Sem>,
        hour: Option<u32>,
        minute: Option<u32>,
        part: Option<DayPart>,
    ) -> Option<Resolved> {
        let (day, a) = match (day, &self.prev) {
            (Some(s), _) => {
                let (t, a) = self.calendar(c, s)?;
                if t.precision != Precision::Day {
                    return None;
                }
                (t.interval.first, a)
            }
            // A bare clock time belongs to the last mentioned day
            // ("On Friday ... at 10 p.m."), else to the article's.
            (None, Some(prev)) if hour.is_some() && prev.1.precision <= Precision::Day => {
                (prev.1.interval.first, anchored_on(prev))
            }
            (None, _) => (self.dct, self.document_date()),
        };
        let kind = match (hour, part) {
            (Some(hour), _) => TimexKind::Clock {
                hour,
                minute: minute.unwrap_or(0),
            },
            (None, Some(part)) => TimexKind::DayPart(part),
            // The patterns give every time an hour or a part of the day.
            (None, None) => return Some((Timex::period(day, Precision::Day)?, a)),
        };
        Some((Timex::time_on(day, kind), a))
    }

    /// A calendar date with any of its parts missing: "January 28", "Jan.
    /// 18, 2025", "March 2014", "2022", "the 5th".
    fn cal(
        &self,
        c: &Cand,
        y: Option<i32>,
        m: Option<u32>,
        d: Option<u32>,
        dir: Dir,
    ) -> Option<Resolved> {
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => Some((
                Timex::period(ymd(y, m, d)?, Precision::Day)?,
                Anchor::Absolute,
            )),
            (Some(y), Some(m), None) => Some((
                Timex::period(ymd(y, m, 1)?, Precision::Month)?,
                Anchor::Absolute,
            )),
            (Some(y), None, _) => Some((
                Timex::period(ymd(y, 1, 1)?, Precision::Year)?,
                Anchor::Absolute,
            )),
            (None, Some(m), day) => {
                let (r, a, _) = self.reference(Base::Auto);
                let explicit = dir != Dir::Auto;
                let tense = tense(self.cx, c.a, c.b);
                // A month and day is read as the nearer such date, leaning to
                // the past (news reports what happened); a month alone is in
                // the reference's year unless the tense moves it.
                // "the quarter ended Oct. 31": a period that has ended closed
                // on or before the reference.
                let ended = c.a > 0 && self.cx.s(c.a - 1).eq_ignore_ascii_case("ended");
                let dir = match (explicit, day.is_some(), tense) {
                    (true, _, _) => dir,
                    (false, true, _) if ended => Dir::Prior,
                    (false, _, Tense::Future) => Dir::Next,
                    (false, true, _) => Dir::Auto,
                    (false, false, Tense::Past) => Dir::Prior,
                    (false, false, Tense::Unknown) => Dir::Auto,
                };
                let prec = if day.is_some() {
                    Precision::Day
                } else {
                    Precision::Month
                };
                let mk = |yy: i32| -> Option<NaiveDate> {
                    match day {
                        Some(dd) => ymd(yy, m, dd),
                        None => ymd(yy, m, 1),
                    }
                };
                let rp = period(r, prec)?.first;
                let ry = r.year();
                let cands: Vec<NaiveDate> =
                    [ry - 1, ry, ry + 1].into_iter().filter_map(&mk).collect();
                let pick = match dir {
                    // "last June" is the most recent June before the
                    // reference's month (in October, this year's), but not
                    // the month just ended, which would be "last month": on
                    // March 1, "last February" is the year before's.
                    Dir::Last => {
                        let just_ended = add_months(rp, -1)?;
                        cands
                            .iter()
                            .rev()
                            .find(|x| **x < rp && !(day.is_none() && **x == just_ended))
                            .copied()
                    }
                    Dir::Next if explicit => cands.iter().find(|x| **x > rp).copied(),
                    // Future tense: the coming one, unless the past one is
                    // much nearer ("on Aug. 7 ... will").
                    Dir::Next => {
                        let past = cands.iter().rev().find(|x| **x < rp).copied();
                        let future = cands.iter().find(|x| **x >= rp).copied();
                        match (past, future) {
                            (Some(p), Some(f))
                                if day.is_some()
                                    && (f - rp).num_days() > 2 * (rp - p).num_days() =>
                            {
                                Some(p)
                            }
                            (p, f) => f.or(p),
                        }
                    }
                    Dir::This => mk(ry),
                    Dir::Prior => cands.iter().rev().find(|x| **x <= rp).copied(),
                    Dir::Auto => past_leaning(&cands, rp),
                }?;
                Some((Timex::period(pick, prec)?, a))
            }
            (None, None, Some(dd)) => {
                let (r, a, _) = self.reference(Base::Auto);
                Some((
                    Timex::period(ymd(r.year(), r.month(), dd)?, Precision::Day)?,
                    a,
                ))
            }
            (None, None, None) => None,
        }
    }
}

/// "Anchored on" the earlier expression `prev` (its index in the output and
/// its value).
fn anchored_on(prev: &(usize, Timex)) -> Anchor {
    Anchor::Expression {
        index: prev.0,
        value: prev.1,
    }
}

/// The candidate before or after `r`, preferring the past one unless the
/// future one is less than half as far.
fn past_leaning(cands: &[NaiveDate], r: NaiveDate) -> Option<NaiveDate> {
    let past = cands.iter().rev().find(|x| **x <= r).copied();
    let future = cands.iter().find(|x| **x > r).copied();
    match (past, future) {
        (Some(p), Some(f)) => {
            if (f - r).num_days() * 2 < (r - p).num_days() {
                Some(f)
            } else {
                Some(p)
            }
        }
        (p, f) => p.or(f),
    }
}

fn weekday_near(r: NaiveDate, wd: u32, dir: Dir) -> Option<NaiveDate> {
    let cur = i64::from(r.weekday().num_days_from_monday());
    let wd = i64::from(wd);
    let back = (cur - wd).rem_euclid(7);
    let fwd = (wd - cur).rem_euclid(7);
    match dir {
        // News default: the most recent such day, today included.
        Dir::Auto | Dir::Prior => add_days(r, -back),
        Dir::Last => add_days(r, -if back == 0 { 7 } else { back }),
        Dir::Next => add_days(r, if fwd == 0 { 7 } else { fwd }),
        Dir::This => add_days(r, wd - cur),
    }
}

fn season_near(r: NaiveDate, s: u32, dir: Dir) -> Option<Interval> {
    let y = r.year();
    let cands: Vec<Interval> = [y - 1, y, y + 1, y + 2]
        .into_iter()
        .filter_map(|yy| season_interval(yy, s))
        .collect();
    match dir {
        // "last spring" is last year's spring; "last winter" the one before
        // the reference's spring.
        Dir::Last if s != 3 => cands.iter().find(|iv| iv.first.year() == y - 1).copied(),
        Dir::Last => cands.iter().rev().find(|iv| iv.last < r).copied(),
        Dir::Next => cands.iter().find(|iv| iv.first > r).copied(),
        Dir::Prior => cands.iter().rev().find(|iv| iv.first <= r).copied(),
        Dir::This | Dir::Auto => cands
            .iter()
            .find(|iv| iv.first <= r && r <= iv.last)
            .or_else(|| {
                cands
                    .iter()
                    .find(|iv| iv.first.year() == y || iv.last.year() == y)
            })
            .copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn tag(text: &str, mode: Mode) -> Vec<(String, String)> {
        let t = crate::temporal::Tagger::new(crate::temporal::TaggerOptions {
            mode,
            ..Default::default()
        });
        t.tag(text, d("2025-02-09"))
            .into_iter()
            .map(|e| (e.text, e.value.to_string()))
            .collect()
    }

    #[test]
    fn resolves_against_the_last_mentioned_date_in_narrative_mode() {
        let text = "In March 2014 Russia annexed Crimea. The next month, fighting began. \
                    Two years later, talks stalled.";
        let got = tag(text, Mode::Narrative);
        assert!(
            got.contains(&("The next month".into(), "2014-04".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("Two years later".into(), "2016".into())),
            "{got:?}"
        );
    }

    #[test]
    fn resolves_against_the_article_date_in_news_mode_except_anaphora() {
        let text = "In March 2014 Russia annexed Crimea. Talks open next month. \
                    On Jan. 5 they met; the following day they split.";
        let got = tag(text, Mode::News);
        assert!(
            got.contains(&("next month".into(), "2025-03".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("the following day".into(), "2025-01-06".into())),
            "{got:?}"
        );
    }

    #[test]
    fn records_what_each_expression_was_anchored_to() {
        let t = crate::temporal::Tagger::default();
        let got = t.tag(
            "On Jan. 5 they met; the following day they split.",
            d("2025-02-09"),
        );
        assert_eq!(
            got[0].anchor,
            Anchor::DocumentDate {
                date: d("2025-02-09")
            }
        );
        assert_eq!(
            got[1].anchor,
            Anchor::Expression {
                index: 0,
                value: Timex::parse("2025-01-05").unwrap()
            }
        );
        assert_eq!(got[1].pattern, "relative.following_unit");
    }

    #[test]
    fn finds_weekdays_before_and_after_a_date() {
        let sun = d("2025-02-09");
        assert_eq!(weekday_near(sun, 4, Dir::Auto), Some(d("2025-02-07")));
        assert_eq!(weekday_near(sun, 4, Dir::Next), Some(d("2025-02-14")));
        assert_eq!(
            weekday_near(d("2025-02-07"), 4, Dir::Last),
            Some(d("2025-01-31"))
        );
    }
}
