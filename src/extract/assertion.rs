//! What a clause's verb group asserts: that something happened or was
//! said (news an editor puts on a timeline), or how things are, what was
//! going on, or what may happen (which an editor leaves off). Read from the
//! clause's trigger ([`super::trigger`]) and the auxiliaries and adverbs
//! right before it, by rules of tense and mood over the language's
//! auxiliaries and word forms ([`super::lexicon`]), no lists of events.

use super::headline::{self, Input, Predicate};
use super::lexicon;
use super::trigger::{self, WORD, adverb, event_noun_at, folded, participle, past_form};
use std::ops::Range;

/// What a clause says of its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assertion {
    /// A past form, a perfect, a past passive, a verb of saying in any
    /// tense but a modal one, a noun of something that happened: news.
    Happened,
    /// A form of "be" or "have" as the verb, a present form, a present
    /// passive ("is expected"), a habit ("usually wilt"): how things are.
    State,
    /// A progressive ("were re-running", "is gathering"): something going
    /// on, told without its start or end.
    Ongoing,
    /// A modal before the verb ("will visit", "could take place"): what
    /// may or will happen, not what did.
    Forecast,
    /// A running total ("more than 9,000 people have been killed", "the
    /// death toll rose to 22"): a count that grows day by day and is
    /// repeated in every article, marking no day of its own.
    Tally,
}

impl Assertion {
    /// Whether an editor would put the clause on a timeline.
    pub fn is_news(self) -> bool {
        self == Assertion::Happened
    }
}

/// What `input`'s clause asserts, given its trigger (see
/// [`trigger::trigger`]); None when it shows neither verb nor event noun.
pub fn of_clause(input: &Input<'_>, trigger: Option<&Range<usize>>) -> Option<Assertion> {
    let verb = trigger?;
    let asserted = match headline::predicate(input) {
        // "..., the EPA said.": a statement.
        Predicate::Trailing { .. } => Assertion::Happened,
        Predicate::From(from) => assertion(input.text, from, verb),
    };
    // "The UN says more than 9,000 people have been killed": saying a
    // total is no more news than the total.
    Some(
        if asserted == Assertion::Happened && tally(&input.text[input.clause.clone()]) {
            Assertion::Tally
        } else {
            asserted
        },
    )
}

/// Whether `clause` gives a running total: a "toll" with a number ("the
/// death toll had risen to 22"); a count as the subject of a perfect ("more than
/// 850 people have been killed", "dozens have died"); or a perfect with a
/// count up to now ("had killed at least 27 civilians since moving in").
/// A count is a grouped or scaled number ("9,000", "2.5 million"), one
/// after an approximator ("at least 61"), one of three digits, or a vague
/// plural ("hundreds"): "Three people have been arrested" is the day's
/// news, not a total.
pub fn tally(clause: &str) -> bool {
    let w = lexicon::words();
    // Most clauses hold no number at all: told without splitting them.
    if !clause.bytes().any(|b| b.is_ascii_digit()) {
        let lower = clause.to_lowercase();
        if !w.vague_counts.iter().any(|v| lower.contains(v)) {
            return false;
        }
    }
    let words: Vec<String> = clause
        .split_whitespace()
        .map(|t| folded(t.trim_matches(|c: char| !c.is_alphanumeric())).into_owned())
        .collect();
    let phrase_before = |i: usize, phrase: &str| {
        let n = phrase.split(' ').count();
        i >= n && words[i - n..i].join(" ") == phrase
    };
    let number = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && t.starts_with(|c: char| c.is_ascii_digit())
    };
    let count_at = |i: usize| {
        let t = words[i].as_str();
        if w.vague_counts.contains(&t) {
            return true;
        }
        if !number(t) {
            return false;
        }
        let digits = t.split('.').next().unwrap_or("");
        t.contains(',')
            || words
                .get(i + 1)
                .is_some_and(|n| w.number_scales.contains(&n.as_str()))
            || w.approximators.iter().any(|a| phrase_before(i, a))
            || digits.len() == 3
    };
    // "have been killed", "have so far contracted".
    const ADVERB_WORDS: usize = 2;
    let perfect_at = |j: usize| {
        w.have_forms.contains(&words[j].as_str())
            && words
                .iter()
                .skip(j + 1)
                .take(ADVERB_WORDS + 1)
                .any(|v| v == "been" || participle(v) || past_form(v))
    };
    let has = |phrase: &str| (0..=words.len()).any(|i| phrase_before(i, phrase));
    if w.tally_nouns.iter().any(|n| has(n)) && words.iter().any(|t| number(t)) {
        return true;
    }
    let counts: Vec<usize> = (0..words.len()).filter(|&i| count_at(i)).collect();
    if counts.is_empty() {
        return false;
    }
    // The count's noun phrase is short: "more than 850 people have".
    const SUBJECT_WORDS: usize = 5;
    if counts
        .iter()
        .any(|&i| (i + 1..words.len().min(i + 1 + SUBJECT_WORDS)).any(perfect_at))
    {
        return true;
    }
    (0..words.len()).any(perfect_at) && w.so_far.iter().any(|p| has(p))
}

/// What the clause whose verb (the trigger, a range of `text`) starts its
/// predicate at `from` asserts.
pub fn assertion(text: &str, from: usize, verb: &Range<usize>) -> Assertion {
    let v = folded(text[verb.clone()].split(' ').next().unwrap_or("")).into_owned();
    // The auxiliaries and adverbs right before the verb, nearest last.
    let before: Vec<String> = WORD
        .find_iter(&text[from.min(verb.start)..verb.start])
        .map(|m| folded(m.as_str()).into_owned())
        .collect();
    let mut chain: Vec<&str> = Vec::new();
    for w in before.iter().rev() {
        let w = w.as_str();
        if lexicon::words().be_have.contains(&w)
            || lexicon::words().modals.contains(&w)
            || adverb(w)
            || lexicon::words().adverbs.contains(&w)
        {
            chain.push(w);
        } else if w == lexicon::words().negation_clitic {
            continue;
        } else {
            break;
        }
    }
    chain.reverse();
    let after = WORD
        .find(&text[verb.end..])
        .map(|m| m.as_str().to_lowercase())
        .unwrap_or_default();
    if chain
        .iter()
        .chain([&after.as_str()])
        .any(|w| lexicon::words().habitual.contains(w))
    {
        return Assertion::State;
    }
    if chain
        .iter()
        .any(|w| lexicon::words().forecast_modals.contains(w))
    {
        return Assertion::Forecast;
    }
    if trigger::saying(text, verb) {
        return Assertion::Happened;
    }
    // "hoped to continue", "is going to release", "plans to": an
    // intention tells what may happen.
    if after == lexicon::words().infinitive_marker
        && lexicon::words().intending.iter().any(|i| v.starts_with(i))
    {
        return Assertion::Forecast;
    }
    // "has not been charged", "have never met": a negated perfect tells
    // that nothing has happened up to now, a state. ("did not attend" is
    // the day's news that someone stayed away.)
    let negated = before.iter().any(|w| {
        lexicon::words().negations.contains(&w.as_str())
            || w.ends_with(lexicon::words().negation_clitic)
    });
    if negated
        && chain.iter().any(|w| {
            lexicon::words().have_forms.iter().any(|h| {
                w.strip_suffix(lexicon::words().negation_clitic)
                    .unwrap_or(w)
                    == *h
            })
        })
    {
        return Assertion::State;
    }
    if chain.iter().any(|w| lexicon::words().did_forms.contains(w)) {
        return Assertion::Happened;
    }
    if chain.iter().any(|w| lexicon::words().do_forms.contains(w)) {
        return Assertion::State;
    }
    // The form of "be" or "have" nearest the verb decides its tense.
    let aux = chain
        .iter()
        .rev()
        .find(|w| lexicon::words().be_have.contains(*w))
        .copied();
    if lexicon::words().being_verbs.contains(&v.as_str())
        || (lexicon::words().have_forms.contains(&v.as_str()) && aux.is_none())
    {
        return Assertion::State;
    }
    if (lexicon::words().gerund)(&v) {
        return match aux {
            Some(_) => Assertion::Ongoing,
            // A participle clause ("..., marking the first ...") shares
            // the sentence's event.
            None => Assertion::Happened,
        };
    }
    if past_form(&v) || (aux.is_some() && participle(&v)) {
        // "is expected", "are believed": a present passive is a state.
        return match aux {
            Some(a) if lexicon::words().present_be.contains(&a) => Assertion::State,
            _ => Assertion::Happened,
        };
    }
    if aux.is_none() && event_noun_at(text, verb) {
        return Assertion::Happened;
    }
    Assertion::State
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The assertion of `sentence` whose verb is the first occurrence of
    /// `verb`, its predicate read from the sentence's start.
    fn of(sentence: &str, verb: &str) -> Assertion {
        let at = sentence.find(verb).expect("verb in sentence");
        assertion(sentence, 0, &(at..at + verb.len()))
    }

    #[test]
    fn past_forms_perfects_and_past_passives_tell_what_happened() {
        for (sentence, verb) in [
            ("Russia vetoed the resolution", "vetoed"),
            ("Syria responded by dismissing him", "responded"),
            ("Rebels took the town", "took"),
            ("Israel has said it would not apologise", "said"),
            ("BP has filed a lawsuit", "filed"),
            ("Six protesters were released", "released"),
            ("He had already left the country", "left"),
            ("The envoy did not attend", "attend"),
            ("The ministry says the talks failed", "says"),
            ("the protests, marking the first", "marking"),
        ] {
            assert_eq!(of(sentence, verb), Assertion::Happened, "{sentence}");
        }
    }

    #[test]
    fn states_present_forms_and_habits_are_no_events() {
        for (sentence, verb) in [
            ("The government does not control Hama", "control"),
            ("Assange has not been charged with a crime", "charged"),
            ("The victims haven't been paid", "paid"),
            ("The two leaders have never met", "met"),
            ("Prices remain largely unchanged", "remain"),
            ("Syria's stability was crucial", "was"),
            ("The resolution expresses an intention", "expresses"),
            ("Gas prices usually wilt in summer", "wilt"),
            ("The company has a new chief", "has"),
            ("The region has been calm", "been"),
        ] {
            assert_eq!(of(sentence, verb), Assertion::State, "{sentence}");
        }
    }

    #[test]
    fn running_totals_are_tallies() {
        for clause in [
            "The UN says more than 9,000 people have been killed in the uprising",
            "Hundreds of people have been killed in a crackdown in recent weeks",
            "Human Rights Watch has said at least 61 people have died in Deraa",
            "The United Nations says 2,000 civilians have been killed",
            "human rights group Sawasiah says at least 1,100 civilians have been killed",
            "By mid-May, the death toll had reached 1,000",
            "Amnesty International put the death toll in and around Deraa at 55 at least",
            "the army had killed at least 27 civilians since moving into Tel Kelakh",
            "BP has spent $3.5 billion on the response so far",
            "850 people have been killed and thousands arrested",
            "The WHO says 1,490 people around the world have so far contracted the virus",
        ] {
            assert!(tally(clause), "{clause}");
        }
    }

    #[test]
    fn a_days_count_or_a_year_is_no_tally() {
        for clause in [
            "Three people have been arrested",
            "Syrian forces have killed 13 protesters",
            "Security forces killed at least 70 protesters on Friday",
            "Police have arrested more than 100 protesters",
            "The company has been fined since 2009",
            "He has ruled Egypt since 1981",
            "Russia vetoed the resolution",
            "Russia has vetoed 3 resolutions",
        ] {
            assert!(!tally(clause), "{clause}");
        }
    }

    #[test]
    fn progressives_tell_what_was_going_on() {
        assert_eq!(
            of("Economists were re-running computer models", "re-running"),
            Assertion::Ongoing
        );
        assert_eq!(
            of("Protesters are gathering in the square", "gathering"),
            Assertion::Ongoing
        );
    }

    #[test]
    fn a_modal_makes_a_forecast_even_of_saying() {
        for (sentence, verb) in [
            ("He will visit China next week", "visit"),
            ("Talks could take place", "take"),
            ("The minister would say nothing more", "say"),
            ("The Coast Guard hoped to continue skimming oil", "hoped"),
            ("BP is going to release its report", "going"),
            ("Growth is expected to slow", "expected"),
        ] {
            assert_eq!(of(sentence, verb), Assertion::Forecast, "{sentence}");
        }
    }
}
