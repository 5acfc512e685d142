//! The English tense heuristic: whether the sentence around a match looks
//! back or ahead ("was signed Friday", "will meet Friday"), so the resolver
//! can pick the past or the coming weekday, month or season. It reads the
//! tokens near the match and nothing else; it resolves nothing.

use super::patterns::Cx;
use super::token::{Kind, Kw, Lex};

/// Past or future reading of the sentence around a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// "had been scheduled to", "had been due to", "had planned": a plan that
/// lies in the past.
fn after_had(cx: &Cx, i: usize) -> bool {
    let had = |k: usize| k < cx.toks.len() && cx.kw(k, Kw::Had);
    (i >= 1 && had(i - 1))
        || (i >= 2 && had(i - 2) && cx.s(i - 1).eq_ignore_ascii_case(cx.words().been))
}

/// Token `i` is one of `words` and "to" follows it: "plans to", "decided
/// to".
fn word_before_to(cx: &Cx, i: usize, words: &[&str]) -> bool {
    cx.word_in(i, words) && cx.kw(i + 1, Kw::To)
}

/// An "-ed" word used as an adjective says nothing of tense: "an
/// unspecified date in January", "the expanded program", "a still unnamed
/// buyer".
fn participle_adjective(cx: &Cx, i: usize) -> bool {
    let words = cx.words();
    let det = |k: usize| cx.word_in(k, words.determiners);
    (i >= 1 && det(i - 1)) || (i >= 2 && det(i - 2) && cx.word_in(i - 1, words.adjective_adverbs))
}

fn is_sentence_end(cx: &Cx, i: usize) -> bool {
    let Some(t) = cx.t(i) else { return true };
    if t.is_punct(b'.') || t.is_punct(b'!') || t.is_punct(b'?') || t.is_punct(b';') {
        // An abbreviation dot ("Jan.", "p.m.") glued to a short word is not
        // a sentence end.
        if t.is_punct(b'.') && i > 0 && cx.tight(i) {
            let p = &cx.toks[i - 1];
            if p.kind == Kind::Word && (p.len() <= 4 || matches!(p.lex, Lex::Month(..))) {
                return false;
            }
        }
        return true;
    }
    t.newline_before
}

fn signal(cx: &Cx, i: usize) -> Option<Tense> {
    let future = signal_raw(cx, i);
    if future == Some(Tense::Future) && after_had(cx, i) {
        return Some(Tense::Past);
    }
    future
}

fn signal_raw(cx: &Cx, i: usize) -> Option<Tense> {
    let t = cx.t(i)?;
    let words = cx.words();
    // "ahead of Monday's vote"
    if cx.s(i).eq_ignore_ascii_case(words.ahead) && cx.kw(i + 1, Kw::Of) {
        return Some(Tense::Future);
    }
    // "plans to", and "is to resume trading Tuesday": an arrangement still
    // ahead.
    if word_before_to(cx, i, words.verbs_ahead_before_to)
        || word_before_to(cx, i, words.being_before_to)
    {
        return Some(Tense::Future);
    }
    // A plan looks ahead when it is a verb: "plans to meet", "planned a
    // rally for Saturday", "was planned for March". The noun ("vacation
    // plans") and the bare participle ("a service planned for Saturday was
    // canceled") say nothing of tense.
    if t.lex == Lex::Kw(Kw::Plans) {
        let verb =
            cx.word_in(i + 1, words.verb_followers) || (i > 0 && cx.word_in(i - 1, words.being));
        return verb.then_some(Tense::Future);
    }
    // "won't seek a new term in September": the stem is no past tense.
    if words.future_contractions.iter().any(|(stem, tail)| {
        cx.s(i).eq_ignore_ascii_case(stem)
            && cx.apostrophe(i + 1)
            && cx.s(i + 2).eq_ignore_ascii_case(tail)
    }) {
        return Some(Tense::Future);
    }
    match t.lex {
        Lex::Kw(Kw::Will | Kw::Shall | Kw::Going | Kw::Scheduled | Kw::Expected) => {
            return Some(Tense::Future);
        }
        Lex::Kw(Kw::Was | Kw::Were | Kw::Had | Kw::Did | Kw::Said) => return Some(Tense::Past),
        _ if cx.word_in(i, words.future_words) => {
            return Some(Tense::Future);
        }
        // "as soon as Tuesday", "as early as Monday"
        Lex::Kw(Kw::Soon | Kw::Early) if cx.s(i + 1).eq_ignore_ascii_case(words.as_) => {
            return Some(Tense::Future);
        }
        Lex::Kw(Kw::Ago) => return Some(Tense::Past),
        _ => {}
    }
    if t.kind != Kind::Word || t.len() < 4 {
        return None;
    }
    let w = cx.s(i);
    let past = (w.ends_with("ed")
        && t.lex == Lex::None
        && !w.starts_with(char::is_uppercase)
        && !participle_adjective(cx, i))
        || cx.word_in(i, words.irregular_past);
    if past {
        // "will be named", "to be paid": a passive after "will be" or "to
        // be" looks ahead.
        if i > 1
            && cx.s(i - 1).eq_ignore_ascii_case(words.be)
            && cx.word_in(i - 2, words.future_auxiliaries)
        {
            return Some(Tense::Future);
        }
        return Some(Tense::Past);
    }
    None
}

/// Reads the tense of the clause around tokens `a..b`: the nearest tense
/// signal before the match within its sentence, else the nearest after it.
pub fn tense(cx: &Cx, a: usize, b: usize) -> Tense {
    // "postponed until Tuesday", "extended the deadline until Friday": a
    // deadline lies ahead whatever the verb's tense.
    // A fronted "Until Thursday, they had not ..." describes the past.
    let words = cx.words();
    let lower_kw = |k: usize, kw: Kw| cx.kw(k, kw) && cx.t(k).is_some_and(|t| !t.cap);
    if a > 0 && lower_kw(a - 1, Kw::Until) {
        return Tense::Future;
    }
    // "Friday's ruling" names something that has happened, whatever the
    // clause goes on to say ("will challenge Friday's ruling"), unless it is
    // awaited: "ahead of Friday's vote", "Friday's scheduled talks". "Before
    // Friday's purchases" may look either way, so it keeps the default.
    if cx.punct(b, b'\'') && cx.s(b + 1).eq_ignore_ascii_case(words.possessive) {
        let awaited = (a > 0 && cx.kw(a - 1, Kw::Until))
            || (a > 1 && cx.kw(a - 1, Kw::Of) && cx.s(a - 2).eq_ignore_ascii_case(words.ahead))
            || cx.word_in(b + 2, words.awaited);
        return if awaited { Tense::Future } else { Tense::Past };
    }
    // A deadline "by February", "through January" looks ahead when it
    // belongs to an infinitive ("supposed to conclude by May", "a program to
    // pay down debt by February"), not to a finite past verb ("had filed
    // reports by Wednesday", "sales through August").
    let deadline =
        a > 0 && (lower_kw(a - 1, Kw::By) || lower_kw(a - 1, Kw::Through)) && !cx.punct(b, b'\'');
    let mut i = a;
    let mut steps = 0;
    while i > 0 && steps < 12 {
        if cx.toks[i].newline_before {
            break;
        }
        i -= 1;
        steps += 1;
        if is_sentence_end(cx, i) {
            break;
        }
        if deadline && lower_kw(i, Kw::To) {
            return Tense::Future;
        }
        if word_before_to(cx, i, words.decided_to) {
            return Tense::Future;
        }
        if let Some(t) = signal(cx, i) {
            return t;
        }
    }
    let mut j = b;
    while j < cx.toks.len() && j < b + 10 {
        if j > b && cx.toks[j].newline_before {
            break;
        }
        if is_sentence_end(cx, j) {
            break;
        }
        if let Some(t) = signal(cx, j) {
            return t;
        }
        j += 1;
    }
    Tense::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::{TaggerOptions, token};

    /// The tense around the first "Friday" of `text`.
    fn tense_at_friday(text: &str) -> Tense {
        let toks = token::tokenize(text, Default::default());
        let cx = Cx::new(text, &toks, TaggerOptions::default());
        let i = (0..toks.len())
            .find(|&i| cx.s(i) == "Friday")
            .expect("a Friday");
        tense(&cx, i, i + 1)
    }

    #[test]
    fn reads_the_tense_of_the_clause_around_a_date() {
        for (text, want) in [
            ("The talks will resume Friday.", Tense::Future),
            ("Officials signed the deal Friday.", Tense::Past),
            ("They plan to meet Friday.", Tense::Future),
            ("The deal had been scheduled for Friday.", Tense::Past),
            ("Lawyers will challenge Friday's ruling.", Tense::Past),
            ("Markets rose ahead of Friday's vote.", Tense::Future),
            ("Talks were postponed until Friday.", Tense::Future),
            ("On Friday, the council voted.", Tense::Past),
            ("He said he won't seek a new term Friday.", Tense::Future),
            ("He said he won’t seek a new term Friday.", Tense::Future),
            ("Friday.", Tense::Unknown),
        ] {
            assert_eq!(tense_at_friday(text), want, "{text}");
        }
    }
}
