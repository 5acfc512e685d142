//! Sets (recurring times): "every Monday" (XXXX-WXX-1), "each year" (P1Y),
//! "every three months" (P3M), "each July" (XXXX-07), "every morning",
//! "daily", "weekly", "monthly", "annually", "per day".

use super::durations::value_of;
use super::{Cand, Cx, Qty};
use crate::temporal::token::{Kw, Lex, Unit};
use crate::temporal::value::TimexType;

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    let set = |a, b, v: String, p| Some(Cand::raw(a, b, TimexType::Set, v).named(p));
    match cx.lex(i) {
        Lex::Kw(Kw::Daily) => set(i, i + 1, "P1D".into(), "sets.adverb"),
        Lex::Kw(Kw::Weekly) => set(i, i + 1, "P1W".into(), "sets.adverb"),
        Lex::Kw(Kw::Monthly) => set(i, i + 1, "P1M".into(), "sets.adverb"),
        Lex::Kw(Kw::Yearly | Kw::Annually) => set(i, i + 1, "P1Y".into(), "sets.adverb"),
        Lex::Kw(Kw::Every | Kw::Each | Kw::Per) => {
            let j = i + 1;
            if let Lex::Weekday(wd) = cx.lex(j) {
                let mut end = j + 1;
                if let Lex::DayPart(p) = cx.lex(end) {
                    end += 1;
                    return set(
                        i,
                        end,
                        format!("XXXX-WXX-{}T{}", wd + 1, p.code()),
                        "sets.every_weekday",
                    );
                }
                return set(i, end, format!("XXXX-WXX-{}", wd + 1), "sets.every_weekday");
            }
            if let Lex::Month(m, _) = cx.lex(j)
                && cx.t(j).is_some_and(|t| t.cap)
            {
                let end = cx.skip_dot(j + 1);
                return set(i, end, format!("XXXX-{m:02}"), "sets.every_month_name");
            }
            if let Lex::DayPart(p) = cx.lex(j) {
                return set(
                    i,
                    j + 1,
                    format!("XXXX-XX-XXT{}", p.code()),
                    "sets.every_daypart",
                );
            }
            let (q, k) = match cx.qty(j) {
                Some((q, k)) if !cx.kw(j, Kw::A) => (q, k),
                _ => (Qty::N(1), j),
            };
            let k = if cx.s(k).eq_ignore_ascii_case("other") {
                k + 1
            } else {
                k
            };
            let (unit, _) = cx.unit(k)?;
            if unit == Unit::Weekend {
                return set(i, k + 1, "XXXX-WXX-WE".into(), "sets.every_unit");
            }
            let v = value_of(&q, unit)?;
            set(i, k + 1, v, "sets.every_unit")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_table;

    #[test]
    fn recognises_recurring_times() {
        check_table(&[
            (
                "they meet every Monday",
                "2025-02-09",
                "every Monday",
                "XXXX-WXX-1",
                "",
            ),
            ("it is paid annually", "2025-02-09", "annually", "P1Y", ""),
            ("each year the", "2025-02-09", "each year", "P1Y", ""),
            (
                "every three months",
                "2025-02-09",
                "every three months",
                "P3M",
                "",
            ),
            ("the daily paper", "2025-02-09", "daily", "P1D", ""),
            (
                "each July the town",
                "2025-02-09",
                "each July",
                "XXXX-07",
                "",
            ),
        ]);
    }
}
