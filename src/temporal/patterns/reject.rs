//! Look-alikes: words and numbers that read like dates but are not — "May"
//! as a verb, "March" as a noun, "Friday" inside a name, "2025 troops". The
//! families ask these checks before they claim a month, weekday or year;
//! the table of near-misses below is the contract.

use super::Cx;
use crate::temporal::token::{Kind, Kw, Lex};

/// Words after which a bare month name or year is most likely a date.
fn date_preposition(cx: &Cx, i: usize) -> bool {
    if cx.punct(i, b'-') && i > 0 && cx.kw(i - 1, Kw::Mid) {
        return true;
    }
    matches!(
        cx.lex(i),
        Lex::Kw(
            Kw::In
                | Kw::Since
                | Kw::Until
                | Kw::By
                | Kw::During
                | Kw::From
                | Kw::Through
                | Kw::Of
                | Kw::To
                | Kw::Between
                | Kw::And
                | Kw::Before
                | Kw::After
                | Kw::Early
                | Kw::Late
                | Kw::Mid
                | Kw::Last
                | Kw::Next
                | Kw::This
                | Kw::On
                | Kw::Around
                | Kw::Within
                | Kw::Fiscal
                | Kw::For
                | Kw::At
        )
    )
}

/// A month name at token `i` reads as a month (given what surrounds it).
pub fn month_ok(cx: &Cx, i: usize, m: u32, abbr: bool, has_number: bool) -> bool {
    let Some(t) = cx.t(i) else { return false };
    if !t.cap {
        return false;
    }
    // A month name glued to the word before it ("x-May") is a name part.
    if i > 0 && cx.tight(i) && cx.is_word(i - 1) {
        return false;
    }
    if has_number {
        // "May 5", "March 2025": the number settles it, unless it is a
        // modal followed by a verb-like word ("may 5 people").
        return true;
    }
    if abbr {
        // "Jan." alone: only with its dot and after a date word.
        return cx.punct(i + 1, b'.') && i > 0 && date_preposition(cx, i - 1);
    }
    let next_word = cx.s(i + 1).to_ascii_lowercase();
    if cx.words().non_date_followers.contains(&next_word.as_str()) {
        return false;
    }
    match m {
        // "May" and "March" stand alone only after a date word.
        5 | 3 => i > 0 && date_preposition(cx, i - 1) && !cx.kw(i - 1, Kw::To),
        _ => {
            // A sentence-initial month followed by a capitalised word is
            // probably a name ("August Wilson").
            if cx.t(i + 1).is_some_and(|n| n.kind == Kind::Word && n.cap) {
                return i > 0 && date_preposition(cx, i - 1);
            }
            true
        }
    }
}

/// A weekday name at token `i` reads as a day.
pub fn weekday_ok(cx: &Cx, i: usize) -> bool {
    let Some(t) = cx.t(i) else { return false };
    if !t.cap {
        return false;
    }
    if i > 0 && cx.tight(i) && cx.is_word(i - 1) {
        return false;
    }
    let next = cx.s(i + 1).to_ascii_lowercase();
    if cx.t(i + 1).is_some_and(|n| n.cap) && cx.words().names_after_weekday.contains(&next.as_str())
    {
        return false;
    }
    if i > 0 && cx.t(i - 1).is_some_and(|p| p.cap && p.kind == Kind::Word) {
        let prev = cx.s(i - 1).to_ascii_lowercase();
        if cx.words().names_before_weekday.contains(&prev.as_str()) {
            return false;
        }
    }
    true
}

/// Whether the words from token `i` mark the number before them as a clock
/// time: a time zone ("1204 GMT", "0858 BST"), "local time", "hrs".
fn clock_follows(cx: &Cx, i: usize) -> bool {
    let words = cx.words();
    let [local, time] = words.local_time;
    words.time_zones.contains(&cx.s(i))
        || cx.word_in(i, words.clock_words)
        || (cx.s(i).eq_ignore_ascii_case(local) && cx.s(i + 1).eq_ignore_ascii_case(time))
}

/// A four-digit number at token `i` reads as a year.
pub fn year_ok(cx: &Cx, i: usize) -> bool {
    let Some(t) = cx.t(i) else { return false };
    if t.kind != Kind::Num || t.len() != 4 {
        return false;
    }
    let n = t.num;
    if !(1000..=2099).contains(&n) {
        return false;
    }
    // Part of a bigger number, a price, a decimal, a code or a time.
    if i > 0 && cx.tight(i) {
        let p = &cx.toks[i - 1];
        if p.kind == Kind::Num
            || p.is_punct(b'$')
            || p.is_punct(b'#')
            || p.is_punct(b'.')
            || p.is_punct(b',')
            || p.is_punct(b':')
            || p.is_punct(b'/')
            || p.kind == Kind::Word
            || p.kind == Kind::Other
        {
            return false;
        }
    }
    // "555-1234": a hyphenated number group that is not a year range.
    if i >= 2
        && cx.tight(i)
        && cx.punct(i - 1, b'-')
        && cx.tight(i - 1)
        && cx.digits(i - 2) > 0
        && cx.digits(i - 2) != 4
    {
        return false;
    }
    if cx.tight(i + 1)
        && let Some(nt) = cx.t(i + 1)
        && (nt.kind == Kind::Word
            || nt.is_punct(b'%')
            || ((nt.is_punct(b'.') || nt.is_punct(b',') || nt.is_punct(b':'))
                && cx.tight(i + 2)
                && cx.num(i + 2).is_some())
            || (nt.is_punct(b'/') && cx.num(i + 2).is_some()))
    {
        return false;
    }
    if clock_follows(cx, i + 1) {
        return false;
    }
    // "at 1158 (0858 GMT)": four digits that read as a clock after "at"
    // and as no year of modern news are a time of day.
    if n < 1800 && n % 100 < 60 && i > 0 && cx.kw(i - 1, Kw::At) {
        return false;
    }
    let prep = i > 0 && date_preposition(cx, i - 1);
    if n < 1800 && !prep {
        return false;
    }
    if let Some(nt) = cx.t(i + 1)
        && nt.kind == Kind::Word
        && !nt.cap
    {
        let w = cx.s(i + 1).to_ascii_lowercase();
        if cx.words().counted_nouns.contains(&w.as_str()) {
            return false;
        }
        // "2025 troops": a plural noun straight after the number, with no
        // date word before it.
        if !prep
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && nt.lex == Lex::None
            && !(i > 0 && (cx.kw(i - 1, Kw::The) || cx.punct(i - 1, b'\'')))
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::check_rejects;

    #[test]
    fn rejects_near_misses() {
        check_rejects(&[
            ("I personally may not know something.", "may"),
            ("May I come in?", "May"),
            ("He appeared on 60 Minutes last night.", "60 Minutes"),
            ("She told ABC's This Week that", "This Week"),
            ("He won a second term.", "second"),
            ("the present government fell", "present"),
            ("prices fall as the fall of the regime nears", "fall"),
            ("They will March on the capital.", "March"),
            ("The March to the sea was long.", "March"),
            ("He read the Sunday Times every week.", "Sunday"),
            ("Good Friday agreement", "Friday"),
            ("The US sent 2025 troops to the region.", "2025"),
            ("He won the second race.", "second"),
            ("She was ranked fifth in the world.", "fifth"),
            ("ahead of the 60th Presidential Inauguration", "60th"),
            ("a day-to-day struggle", "day"),
            ("It costs $2000 now.", "2000"),
            ("Population: 1,998 people.", "998"),
            ("Call 555-1234.", "1234"),
            ("The score was 3.1999 points.", "1999"),
            ("Heat 2 cups of water.", "2"),
            ("August Wilson wrote plays.", "August"),
            ("They were up 1.8 percent at 1204 GMT.", "1204"),
            ("Broadcast on Saturdays at 1130 BST on Radio 4.", "1130"),
            ("The oil had been stopped at 1425 local time.", "1425"),
            (
                "It lost radio contact with the jet at 1158 (0858 GMT).",
                "1158",
            ),
            ("The convoy left at 0900 local time.", "0900"),
            ("Shares fell 2 percent by 2030 GMT.", "2030"),
        ]);
    }
}
