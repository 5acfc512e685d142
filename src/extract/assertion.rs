//! What a clause's verb group asserts: that something happened or was
//! said (news an editor puts on a timeline), or how things are, what was
//! going on, or what may happen (which an editor leaves off). Read from the
//! clause's trigger ([`super::trigger`]) and the auxiliaries and adverbs
//! right before it, by rules of tense and mood over the language's
//! auxiliaries and word forms ([`super::lexicon`]), no lists of events.

use super::headline::{self, Input, Predicate};
use super::lexicon;
use super::trigger::{self, WORD, adverb, event_noun_at, participle, past_form};
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
    Some(match headline::predicate(input) {
        // "..., the EPA said.": a statement.
        Predicate::Trailing { .. } => Assertion::Happened,
        Predicate::From(from) => assertion(input.text, from, verb),
    })
}

/// What the clause whose verb (the trigger, a range of `text`) starts its
/// predicate at `from` asserts.
pub fn assertion(text: &str, from: usize, verb: &Range<usize>) -> Assertion {
    let v = text[verb.clone()]
        .split(' ')
        .next()
        .unwrap_or("")
        .to_lowercase()
        .replace('’', "'");
    // The auxiliaries and adverbs right before the verb, nearest last.
    let before: Vec<String> = WORD
        .find_iter(&text[from.min(verb.start)..verb.start])
        .map(|m| m.as_str().to_lowercase().replace('’', "'"))
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
