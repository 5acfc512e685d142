//! Generic references: PRESENT_REF ("now", "currently", "current", "at
//! present", "nowadays", "these days"), PAST_REF ("recently", "lately", "the
//! past", "recent years"), FUTURE_REF ("the future", "the near future").
//!
//! Bare "soon", "future" ("future plans") and "recent" are deliberately left
//! out: TimeML-annotated news tags them less often than not.

use super::{Cand, Cx};
use crate::temporal::token::{Kind, Kw, Lex, Unit};
use crate::temporal::value::TimexType;

pub fn at(cx: &Cx, i: usize) -> Option<Cand> {
    let r = |a, b, v: &'static str, p| Some(Cand::raw(a, b, TimexType::Date, v).named(p));
    match cx.lex(i) {
        Lex::Kw(Kw::Now | Kw::Currently | Kw::Nowadays) => {
            r(i, i + 1, "PRESENT_REF", "generic.present")
        }
        Lex::Kw(Kw::These) if cx.unit(i + 1) == Some((Unit::Day, true)) => {
            r(i, i + 2, "PRESENT_REF", "generic.present")
        }
        Lex::Kw(Kw::Current) => {
            // "current account", "electric current": only as a time word
            // before a noun or as a predicate.
            if cx.t(i + 1).is_some_and(|t| t.kind == Kind::Word)
                || cx.kw(i.wrapping_sub(1), Kw::The)
            {
                r(i, i + 1, "PRESENT_REF", "generic.present")
            } else {
                None
            }
        }
        // "at present", "the present" (not "the present government").
        Lex::Kw(Kw::Present)
            if i > 0 && (cx.kw(i - 1, Kw::At) || cx.kw(i - 1, Kw::The)) && !cx.is_word(i + 1) =>
        {
            let a = if cx.kw(i - 1, Kw::The) { i - 1 } else { i };
            r(a, i + 1, "PRESENT_REF", "generic.present")
        }
        Lex::Kw(Kw::Recently | Kw::Lately) => r(i, i + 1, "PAST_REF", "generic.past"),
        Lex::Kw(Kw::Recent) => {
            if matches!(cx.unit(i + 1), Some((_, true))) {
                return r(i, i + 2, "PAST_REF", "generic.recent_units");
            }
            None
        }
        // Bare "soon" and "future" (as in "future plans") are mostly left
        // untagged in TimeML news; "the future" is tagged below.
        Lex::Kw(Kw::The) => {
            let j = i + 1;
            match cx.lex(j) {
                Lex::Kw(Kw::Past)
                    if !matches!(cx.lex(j + 1), Lex::Unit(..) | Lex::Card(_))
                        && cx.qty(j + 1).is_none() =>
                {
                    r(i, j + 1, "PAST_REF", "generic.the_past")
                }
                Lex::Kw(Kw::Future) => r(i, j + 1, "FUTURE_REF", "generic.the_future"),
                Lex::Kw(Kw::Near) if cx.kw(j + 1, Kw::Future) => {
                    r(i, j + 2, "FUTURE_REF", "generic.the_future")
                }
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_table;

    #[test]
    fn tags_generic_references() {
        check_table(&[
            (
                "these days people",
                "2025-02-09",
                "these days",
                "PRESENT_REF",
                "",
            ),
            (
                "he is now president",
                "2025-02-09",
                "now",
                "PRESENT_REF",
                "",
            ),
            (
                "he recently spoke",
                "2025-02-09",
                "recently",
                "PAST_REF",
                "",
            ),
            (
                "in the future we",
                "2025-02-09",
                "the future",
                "FUTURE_REF",
                "",
            ),
            (
                "in the near future",
                "2025-02-09",
                "the near future",
                "FUTURE_REF",
                "",
            ),
            (
                "is currently working",
                "2025-02-09",
                "currently",
                "PRESENT_REF",
                "",
            ),
            (
                "in recent years",
                "2025-02-09",
                "recent years",
                "PAST_REF",
                "",
            ),
        ]);
    }
}
