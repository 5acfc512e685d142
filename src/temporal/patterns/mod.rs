//! Matching: the pattern families and the scan that runs them over the token
//! stream. A family looks at the tokens from one position and returns at most
//! one [`Cand`]: which tokens, what they mean ([`Sem`], still unresolved) and
//! the pattern's name. The scan keeps the longest match at each position.
//!
//! Nothing here resolves a date against a reference: that is `anchor.rs`.
//! Passes across several matches (overlaps, ranges, false hits) are
//! `refine.rs`.

pub mod durations;
pub mod generic;
pub mod holidays;
pub mod month_day;
pub mod numeric;
pub mod parts;
pub mod reject;
pub mod relative;
pub mod sets;
pub mod times;
pub mod weekdays;

use super::TaggerOptions;
use super::lexicon::Words;
use super::token::{Kind, Kw, Lex, Tok, Unit};
use super::value::{DayPart, Modifier, TimexType};
use std::borrow::Cow;

/// Which reference a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The document date ("yesterday", "two days ago").
    Dct,
    /// The last mentioned date ("the following day", "a year earlier").
    Prev,
    /// Decided by the tagger's [`super::Mode`] ("last week", "next year").
    Auto,
}

/// A year that may be given, relative, or the reference's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    Abs(i32),
    /// The reference year plus an offset ("last summer" is -1 when needed).
    Rel(i64, Base),
}

/// Direction for a weekday or a month without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// From the tense of the sentence.
    Auto,
    /// Strictly before the reference ("last Friday").
    Last,
    /// Strictly after the reference ("next Friday").
    Next,
    /// In the reference's own week ("this Friday").
    This,
    /// On or before the reference (a past-tense sentence).
    Prior,
}

/// The unresolved meaning of a match.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A calendar date with any of its parts missing; a missing year is
    /// taken from the reference (and the tense).
    Cal {
        y: Option<i32>,
        m: Option<u32>,
        d: Option<u32>,
        dir: Dir,
    },
    /// A month (and day) of a year given relative to the reference:
    /// "January this year", "June last year".
    MonthOf { m: u32, d: Option<u32>, y: YearSpec },
    /// The decade starting at `d * 10` ("the 1990s" -> 199).
    Decade(i32),
    /// The century starting at `c * 100` ("the 20th century" -> 19).
    Century(i32),
    /// A day of the week, 0 = Monday.
    Weekday { wd: u32, dir: Dir },
    /// `n` units away from the reference, at the unit's precision
    /// ("last week", "three years ago", "the following day", "this month").
    /// `inherit`: when the last mentioned date is a quarter or half, shift it
    /// instead ("a year earlier" after "the third quarter" is a quarter).
    Rel {
        unit: Unit,
        n: i64,
        base: Base,
        inherit: bool,
    },
    /// Quarter 1..=4 of a year.
    Quarter { q: u32, y: YearSpec },
    /// The last mentioned quarter, or the last complete one ("the quarter").
    ThatQuarter,
    /// The last mentioned quarter's counterpart in year `y` ("the 1988
    /// quarter", "the 1989 period"); year `y` itself when no quarter was
    /// mentioned.
    QuarterIn(i32),
    /// The quarter a year before the last mentioned one ("the year-ago
    /// quarter").
    YearAgoQuarter,
    /// Half 1..=2 of a year.
    Half { h: u32, y: YearSpec },
    /// Season 0 spring .. 3 winter; `dir` as for weekdays.
    Season {
        s: u32,
        y: Option<YearSpec>,
        dir: Dir,
    },
    /// A named day of a year.
    Holiday { h: Holiday, y: Option<i32> },
    /// A clock time or a part of a day on a day (`None`: the reference day).
    Time {
        day: Option<Box<Sem>>,
        hour: Option<u32>,
        minute: Option<u32>,
        part: Option<DayPart>,
    },
    /// The weekend of the reference week, or `n` weeks away.
    Weekend { n: i64 },
    /// A value that needs no reference: durations, sets, generic references.
    Raw(Cow<'static, str>),
}

/// Named days with fixed or computed dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Fixed(u32, u32),
    /// The `n`th (0-based; 4 = last) weekday `wd` of month `m`.
    NthWeekday {
        m: u32,
        wd: u32,
        n: u32,
    },
    Easter,
    /// US Election Day: the Tuesday after the first Monday of November.
    ElectionDay,
}

/// One match: tokens `a..b`, its meaning, type and modifier, and its pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Cand {
    pub a: usize,
    pub b: usize,
    pub sem: Sem,
    pub ty: TimexType,
    pub modifier: Option<Modifier>,
    pub pattern: &'static str,
}

impl Cand {
    pub fn date(a: usize, b: usize, sem: Sem, pattern: &'static str) -> Cand {
        Cand {
            a,
            b,
            sem,
            ty: TimexType::Date,
            modifier: None,
            pattern,
        }
    }
    pub fn raw(a: usize, b: usize, ty: TimexType, value: impl Into<Cow<'static, str>>) -> Cand {
        Cand {
            a,
            b,
            sem: Sem::Raw(value.into()),
            ty,
            modifier: None,
            pattern: "",
        }
    }
    pub fn named(mut self, p: &'static str) -> Cand {
        self.pattern = p;
        self
    }
}

/// A quantity as written: a number, a fraction, or vague ("several").
#[derive(Debug, Clone, PartialEq)]
pub enum Qty {
    N(u32),
    Dec(String),
    /// `n` and a half ("2 1/2", "two and a half").
    Half(u32),
    Vague,
}

impl Qty {
    pub fn as_value(&self) -> String {
        match self {
            Qty::N(n) => n.to_string(),
            Qty::Dec(s) => s.clone(),
            Qty::Half(n) => format!("{n}.5"),
            Qty::Vague => "X".to_string(),
        }
    }
}

/// The text and its tokens, with small helpers every family uses.
pub struct Cx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub opts: TaggerOptions,
}

impl<'a> Cx<'a> {
    pub fn new(text: &'a str, toks: &'a [Tok], opts: TaggerOptions) -> Cx<'a> {
        Cx { text, toks, opts }
    }
    /// The word lists of the text's language.
    pub fn words(&self) -> &'static Words {
        self.opts.language.words()
    }
    pub fn t(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
    pub fn s(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }
    pub fn kw(&self, i: usize, k: Kw) -> bool {
        self.toks.get(i).and_then(|t| t.kw()) == Some(k)
    }
    pub fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::None, |t| t.lex)
    }
    /// Whether token `i` is an apostrophe, straight or curly.
    pub fn apostrophe(&self, i: usize) -> bool {
        self.punct(i, b'\'') || self.s(i) == "\u{2019}"
    }
    pub fn punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }
    pub fn num(&self, i: usize) -> Option<u32> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Num && t.num != u32::MAX)
            .map(|t| t.num)
    }
    pub fn digits(&self, i: usize) -> usize {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Num)
            .map_or(0, |t| t.len())
    }
    /// Token `i` follows token `i - 1` with no space between.
    pub fn tight(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.space_before)
    }
    /// Token `i` is one of `words`, in any case.
    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        let w = self.s(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
    pub fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit(u, p) => Some((u, p)),
            _ => None,
        }
    }
    /// A hyphen (or en dash) glued to both neighbours: "three-year".
    pub fn hyphen(&self, i: usize) -> bool {
        self.punct(i, b'-') && self.tight(i) && self.tight(i + 1)
    }
    /// Skips an abbreviation dot glued to token `i - 1`.
    pub fn skip_dot(&self, i: usize) -> usize {
        if self.punct(i, b'.') && self.tight(i) {
            i + 1
        } else {
            i
        }
    }

    /// Reads a quantity at `i`: "three", "twenty-four", "twenty four", "10",
    /// "1.5", "a", "an", "a few", "several", "(a) couple of". Returns the
    /// quantity and the index after it.
    pub fn qty(&self, i: usize) -> Option<(Qty, usize)> {
        let t = self.t(i)?;
        match t.lex {
            Lex::Card(n) => {
                if n >= 20 && n % 10 == 0 && n <= 90 {
                    let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
                    if let Lex::Card(u) = self.lex(j)
                        && (1..=9).contains(&u)
                    {
                        return Some((Qty::N(n + u), j + 1));
                    }
                }
                if self.kw(i + 1, Kw::Hundred) {
                    return Some((Qty::N(n * 100), i + 2));
                }
                Some((Qty::N(n), i + 1))
            }
            Lex::Kw(Kw::A) => {
                if self.kw(i + 1, Kw::Few) || self.kw(i + 1, Kw::Many) {
                    return Some((Qty::Vague, i + 2));
                }
                if self.kw(i + 1, Kw::Couple) {
                    let j = if self.kw(i + 2, Kw::Of) { i + 3 } else { i + 2 };
                    return Some((Qty::N(2), j));
                }
                if self.kw(i + 1, Kw::Hundred) {
                    return Some((Qty::N(100), i + 2));
                }
                Some((Qty::N(1), i + 1))
            }
            Lex::Kw(Kw::Several | Kw::Few | Kw::Many) => Some((Qty::Vague, i + 1)),
            // "the next couple of years" (without "a").
            Lex::Kw(Kw::Couple) if self.kw(i + 1, Kw::Of) => Some((Qty::N(2), i + 2)),
            _ if t.kind == Kind::Num => {
                if t.num == u32::MAX || t.len() > 5 {
                    return None;
                }
                // "the 1988 quarter": a year, not 1,988 quarters.
                if t.len() == 4 && (1800..=2099).contains(&t.num) {
                    return None;
                }
                // A digit group with a comma ("1,000") or a preceding digit
                // group is not a small count.
                if self.punct(i + 1, b',') && self.tight(i + 1) && self.num(i + 2).is_some() {
                    return None;
                }
                if self.punct(i + 1, b'.')
                    && self.tight(i + 1)
                    && self.tight(i + 2)
                    && let Some(f) = self.t(i + 2).filter(|t| t.kind == Kind::Num)
                {
                    let v = format!("{}.{}", t.num, &self.text[f.start..f.end]);
                    return Some((Qty::Dec(v), i + 3));
                }
                Some((Qty::N(t.num), i + 1))
            }
            _ => None,
        }
    }
}

type Family = fn(&Cx, usize) -> Option<Cand>;

/// Every family, in priority order (earlier wins a tie on length).
pub const FAMILIES: &[(&str, Family)] = &[
    ("numeric", numeric::at),
    ("month_day", month_day::at),
    ("times", times::at),
    ("weekdays", weekdays::at),
    ("holidays", holidays::at),
    ("relative", relative::at),
    ("durations", durations::at),
    ("sets", sets::at),
    ("generic", generic::at),
];

/// Whether any family could start at token `t` (a cheap filter).
fn trigger(t: &Tok) -> bool {
    // Function words that only ever appear inside or around an expression
    // never start one; skipping them keeps the scan fast.
    if let Lex::Kw(
        Kw::Of
        | Kw::To
        | Kw::And
        | Kw::In
        | Kw::On
        | Kw::For
        | Kw::Was
        | Kw::Were
        | Kw::Had
        | Kw::Did
        | Kw::Has
        | Kw::Said
        | Kw::Will
        | Kw::Shall
        | Kw::Going
        | Kw::Expected
        | Kw::Scheduled
        | Kw::Plans
        | Kw::Since
        | Kw::Until
        | Kw::By
        | Kw::During
        | Kw::Within
        | Kw::From
        | Kw::Through
        | Kw::Between
        | Kw::Than
        | Kw::Or
        | Kw::So
        | Kw::OrdSuffix
        | Kw::Least
        | Kw::Most
        | Kw::Before
        | Kw::After
        | Kw::Ago,
    ) = t.lex
    {
        return false;
    }
    t.kind == Kind::Num
        || t.lex != Lex::None
        || t.is_punct(b'\'')
        || (t.kind == Kind::Word && t.cap && t.len() <= 2)
}

/// The longest candidate of any family starting at `i` (not counting
/// prefixes such as "early" or "nearly").
pub fn best_core(cx: &Cx, i: usize) -> Option<Cand> {
    let mut best: Option<Cand> = None;
    for (_, f) in FAMILIES {
        if let Some(c) = f(cx, i)
            && c.b > c.a
            && best.as_ref().is_none_or(|b| c.b > b.b)
        {
            best = Some(c);
        }
    }
    best
}

/// The longest candidate starting at `i`, prefixes included.
pub fn best_at(cx: &Cx, i: usize) -> Option<Cand> {
    let core = best_core(cx, i);
    match parts::at(cx, i) {
        Some(p) if core.as_ref().is_none_or(|c| p.b > c.b) => Some(p),
        _ => core,
    }
}

/// Scans the whole token stream, left to right, keeping the longest match at
/// each position and continuing after it.
pub fn scan(cx: &Cx) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.toks.len() {
        if trigger(&cx.toks[i])
            && let Some(c) = best_at(cx, i)
        {
            i = c.b;
            out.push(c);
            continue;
        }
        i += 1;
    }
    out
}

/// Table-test helper shared by the family tests: tags `text` against
/// `reference` with default options and returns (text, value, mod) triples.
#[cfg(test)]
pub(crate) fn tag_triples(text: &str, reference: &str) -> Vec<(String, String, Option<String>)> {
    let d = chrono::NaiveDate::parse_from_str(reference, "%Y-%m-%d").unwrap();
    super::Tagger::default()
        .tag(text, d)
        .into_iter()
        .map(|e| {
            let modifier = e.value.modifier().map(|m| m.as_str().to_string());
            (e.text, e.value.to_string(), modifier)
        })
        .collect()
}

/// Asserts that each phrase tags exactly one expression with the given text,
/// value and modifier.
#[cfg(test)]
pub(crate) fn check_table(rows: &[(&str, &str, &str, &str, &str)]) {
    let mut failures = Vec::new();
    for (phrase, reference, span, value, modifier) in rows {
        let got = tag_triples(phrase, reference);
        let want_mod = if modifier.is_empty() {
            None
        } else {
            Some(modifier.to_string())
        };
        let ok = got
            .iter()
            .any(|(t, v, m)| t == span && v == value && *m == want_mod);
        if !ok {
            failures.push(format!(
                "{phrase:?} @ {reference}: want {span:?} {value} {modifier}, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Asserts that none of the phrases tags anything overlapping `span`.
#[cfg(test)]
pub(crate) fn check_rejects(rows: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (phrase, span) in rows {
        let got = tag_triples(phrase, "2025-02-09");
        if got
            .iter()
            .any(|(t, _, _)| t.contains(span) || span.contains(t.as_str()))
        {
            failures.push(format!(
                "{phrase:?}: {span:?} should not match, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
