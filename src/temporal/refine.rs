//! Refining: ordered passes over the raw matches before anchoring. Each pass
//! is one small function in [`PASSES`]; the order is the contract.
//!
//! 1. `drop_overlaps`: keep the earlier-starting, then longer, match.
//! 2. `split_ranges`: "Jan. 5-9" and "from Jan. 5 to 9" also yield the
//!    second day, in the first one's month.
//! 3. `reject_false_hits`: drop matches whose context shows they are not
//!    times: titles with capitalised units ("60 Minutes", "This Week"),
//!    "the past tense".
//!
//! Neighbours that form one expression ("Friday, Oct. 23", "3 p.m. Friday",
//! "Friday morning", "early last month") are joined by the family that owns
//! the combination, because the scan keeps the longest match; refining only
//! handles what spans several matches.
//!
//! Refining never resolves dates (anchor.rs) and never matches new words
//! beyond what a pass names.

use super::patterns::{Cand, Cx, Sem};
use super::token::{Kind, Kw, Lex};

type Pass = fn(&Cx, Vec<Cand>) -> Vec<Cand>;

/// The passes, in order.
pub const PASSES: &[(&str, Pass)] = &[
    ("drop_overlaps", drop_overlaps),
    ("split_ranges", split_ranges),
    ("reject_false_hits", reject_false_hits),
];

pub fn run(cx: &Cx, mut cands: Vec<Cand>) -> Vec<Cand> {
    for (_, pass) in PASSES {
        cands = pass(cx, cands);
    }
    cands
}

fn drop_overlaps(_: &Cx, mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|x, y| x.a.cmp(&y.a).then(y.b.cmp(&x.b)));
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if out.last().is_some_and(|p| c.a < p.b) {
            continue;
        }
        out.push(c);
    }
    out
}

fn split_ranges(cx: &Cx, cands: Vec<Cand>) -> Vec<Cand> {
    let mut out = Vec::with_capacity(cands.len());
    let mut taken_until = 0;
    for (idx, c) in cands.iter().enumerate() {
        out.push(c.clone());
        taken_until = taken_until.max(c.b);
        let Sem::Cal {
            y,
            m: Some(m),
            d: Some(_),
            dir,
        } = c.sem
        else {
            continue;
        };
        let j = c.b;
        let dash = cx.punct(j, b'-') && cx.tight(j + 1);
        let to =
            cx.kw(j, Kw::To) || cx.kw(j, Kw::Through) || cx.kw(j, Kw::Until) || cx.kw(j, Kw::And);
        if !(dash || to) {
            continue;
        }
        let Some(d2) = cx.num(j + 1) else { continue };
        if !(1..=31).contains(&d2) || cx.digits(j + 1) > 2 {
            continue;
        }
        if cx.tight(j + 2)
            && cx
                .t(j + 2)
                .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Num | Kind::Punct(b':')))
        {
            continue;
        }
        if cands.get(idx + 1).is_some_and(|n| n.a <= j + 1) {
            continue;
        }
        let mut e = c.clone();
        e.a = j + 1;
        e.b = j + 2;
        e.modifier = None;
        e.sem = Sem::Cal {
            y,
            m: Some(m),
            d: Some(d2),
            dir,
        };
        e.pattern = "refine.range_end";
        out.push(e);
    }
    out
}

fn reject_false_hits(cx: &Cx, cands: Vec<Cand>) -> Vec<Cand> {
    cands
        .into_iter()
        .filter(|c| {
            // "60 Minutes", "This Week" (with David Brinkley): a capitalised
            // unit word inside a match is a title or a name.
            if !c.pattern.starts_with("holidays.")
                && (c.a + 1..c.b).any(|k| {
                    matches!(cx.lex(k), Lex::Unit(..))
                        && cx.t(k).is_some_and(|t| t.cap && !t.all_caps)
                })
            {
                return false;
            }
            // "the past tense", "the past participle"
            if c.pattern == "generic.the_past" {
                let w = cx.s(c.b).to_ascii_lowercase();
                if w == "tense" || w == "participle" {
                    return false;
                }
            }
            true
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::patterns::check_table;

    #[test]
    fn splits_day_ranges_into_both_days() {
        check_table(&[
            (
                "from Jan. 5 to Jan. 9 the",
                "2025-02-09",
                "Jan. 9",
                "2025-01-09",
                "",
            ),
            ("held Jan. 5-9 in", "2025-02-09", "9", "2025-01-09", ""),
            ("held Jan. 5-9 in", "2025-02-09", "Jan. 5", "2025-01-05", ""),
            ("between 2019 and 2021", "2025-02-09", "2019", "2019", ""),
        ]);
    }
}
