//! An event's trigger: the word or words of its clause that name what
//! happened, the main verb as the text writes it ("vetoed"; "filed" in "has
//! filed"; "rules out"; "has" in "has a new screen"). It is read from where
//! the headline reads its predicate ([`headline::predicate`]), so the
//! trigger is the word the headline puts in the present tense, found in the
//! sentence itself instead of the rewritten headline.
//!
//! Rules over the language's words and word forms (English's in the
//! examples), no lists of events: auxiliaries, modals, "to" and adverbs
//! are passed over; a past form, a verb of saying, a word right
//! after a modal, or a present form right after the subject is the verb;
//! "has"/"is" not followed by a participle is the verb itself; a particle
//! right after the verb ("off", "out", "down") belongs to it.

use super::headline::{self, Input, Predicate};
use super::lexicon;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// How many words after the predicate's start are searched for its verb.
const SEARCH_WORDS: usize = 12;

/// The trigger of `input`'s clause as a byte range of `input.text`, or None
/// when the clause shows no verb.
pub fn trigger(input: &Input<'_>) -> Option<Range<usize>> {
    let from = match headline::predicate(input) {
        Predicate::Trailing {
            verb, verb_start, ..
        } => return Some(verb_start..verb_start + verb.len()),
        Predicate::From(from) => from,
    };
    let words = words_in(input, from, input.clause.end);
    main_verb(input.text, &words, input.subject.is_some())
        .or_else(|| event_noun(input.text, &words))
}

/// The first event noun among `words`: a lower-case noun of
/// [`Words::event_nouns`](super::lexicon::Words::event_nouns) or ending like a noun of action ("-tion", "-sion",
/// "-ment", "-ance", "-ure" of six letters or more).
fn event_noun(text: &str, words: &[Range<usize>]) -> Option<Range<usize>> {
    words
        .iter()
        .take(SEARCH_WORDS)
        .find(|r| event_noun_at(text, r))
        .cloned()
}

/// Whether the word at `r` is an event noun: one of [`Words::event_nouns`](super::lexicon::Words::event_nouns), or a
/// lower-case noun of action ("-tion", "-sion", "-ment", six letters or
/// more) that names no thing, place or body ([`Words::not_event_nouns`](super::lexicon::Words::not_event_nouns)).
pub(super) fn event_noun_at(text: &str, r: &Range<usize>) -> bool {
    let w = &text[r.clone()];
    if !w.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let stem = (lexicon::words().singular)(w);
    let ending = stem.len() >= 6
        && lexicon::words()
            .event_noun_endings
            .iter()
            .any(|e| stem.ends_with(e))
        && !lexicon::words().not_event_nouns.contains(&stem);
    ending
        || lexicon::words().event_nouns.contains(&w)
        || lexicon::words().event_nouns.contains(&stem)
}

/// Every verb of `input`'s clause after where its predicate starts, the
/// trigger first: coordinated verbs ("won the order and delivered"), verbs
/// of participle and relative clauses ("..., saying", "which sells").
pub fn all(input: &Input<'_>) -> Vec<Range<usize>> {
    let text = input.text;
    let (first, from) = match headline::predicate(input) {
        Predicate::Trailing {
            verb, verb_start, ..
        } => (
            Some(verb_start..verb_start + verb.len()),
            input.clause.start,
        ),
        Predicate::From(from) => (None, from),
    };
    let mut out: Vec<Range<usize>> = first.into_iter().collect();
    let push = |out: &mut Vec<Range<usize>>, r: Range<usize>| {
        if !out.iter().any(|o| o.start < r.end && r.start < o.end) {
            out.push(r);
        }
    };
    // "..., saying ...": a clause that opens with a participle is
    // triggered by it, whoever its subject.
    if let Some(r) = words_in(input, input.clause.start, input.clause.end).first()
        && ing_verb(&text[r.clone()])
        && text[r.clone()].starts_with(|c: char| c.is_lowercase())
    {
        push(&mut out, r.clone());
    }
    // "While introducing the phone, ..., Jobs started": a participle after
    // a subordinating word before the subject is the subject's too.
    if let Some(s) = input.subject
        && s.start > input.clause.start
    {
        let before = words_in(input, input.clause.start, s.start);
        for j in 1..before.len() {
            let w = text[before[j].clone()].to_lowercase();
            let prev = text[before[j - 1].clone()].to_lowercase();
            if ing_verb(&w) && lexicon::words().subordinators.contains(&prev.as_str()) {
                push(&mut out, before[j].clone());
            }
        }
    }
    // "“We think it’s the future,” said Jobs": a verb of saying right
    // before a subject named after the quotation is the subject's.
    if let Some(s) = input.subject
        && s.start > input.clause.start
        && let Some(last) = words_in(input, input.clause.start, s.start).last()
        && saying(text, last)
        && text[last.end..s.start].trim().is_empty()
    {
        push(&mut out, last.clone());
    }
    // "In his keynote Wednesday, Jobs announced", "During his speech he
    // stated": an event noun after a possessive before the subject is the
    // subject's event too.
    if let Some(s) = input.subject
        && s.start > input.clause.start
    {
        let before = words_in(input, input.clause.start, s.start);
        for j in 1..before.len() {
            let owned = (j.saturating_sub(3)..j).any(|i| {
                lexicon::words()
                    .possessives
                    .contains(&text[before[i].clone()].to_lowercase().as_str())
            });
            if owned && event_noun_at(text, &before[j]) {
                push(&mut out, before[j].clone());
            }
        }
    }
    let words = words_in(input, from, input.clause.end);
    let lower: Vec<String> = words
        .iter()
        .map(|r| text[r.clone()].to_lowercase())
        .collect();
    // A participle starts a verb phrase of its own after a comma or a
    // subordinating word ("..., saying", "by walking"), not inside a noun
    // phrase ("chief operating officer").
    let participle_at = |k: usize| {
        ing_verb(&lower[k])
            && k > 0
            && (text[words[k - 1].end..words[k].start].contains(',')
                || lexicon::words()
                    .subordinators
                    .contains(&lower[k - 1].as_str()))
    };
    let mut k = 0;
    let mut has_subject = input.subject.is_some();
    // The words (indexes) of what was said, after a verb of saying.
    let mut said_words: Vec<Range<usize>> = Vec::new();
    while k < words.len() {
        let Some(r) = main_verb(text, &words[k..], has_subject) else {
            break;
        };
        push(&mut out, r.clone());
        k = words.partition_point(|w| w.start < r.end);
        has_subject = false;
        // "said that ...", "stated: “...”": the verbs after a verb of
        // saying are what was said, not what the subject did; the
        // subject's own verbs resume after ", but" or ", saying".
        let said = saying(text, &r);
        let rest = text[r.end..input.clause.end].trim_start();
        let but = lexicon::words().contrast_conjunction;
        if said
            && (rest.starts_with(['“', '"', ':', ','])
                || rest
                    .strip_prefix(lexicon::words().complementizer)
                    .is_some_and(|r| r.starts_with(' ')))
        {
            let resume = (k..words.len()).find(|&j| {
                j > 0
                    && text[words[j - 1].end..words[j].start].contains(',')
                    && (lower[j] == but || participle_at(j))
            });
            let upto = resume.unwrap_or(words.len());
            said_words.push(k..upto);
            match resume {
                Some(j) if lower[j] == but => {
                    k = j + 1;
                    has_subject = true;
                }
                Some(j) => k = j,
                None => break,
            }
            continue;
        }
        // The next verb is searched after this one, as the predicate of
        // the same subject once a conjunction or a relative word comes.
        while k < words.len() {
            let w = lower[k].as_str();
            if lexicon::words().predicate_joiners.contains(&w) {
                has_subject = true;
                k += 1;
                break;
            }
            let past_like = past_form(w) || lexicon::words().speech_verbs.contains(&w);
            if past_like
                || participle_at(k)
                || lexicon::words().modals.contains(&w)
                || lexicon::words().be_have.contains(&w)
            {
                break;
            }
            k += 1;
        }
    }
    // Nouns that name what happened: "filed a lawsuit", "his decision".
    for (j, r) in words.iter().enumerate() {
        if event_noun_at(text, r)
            && !(j > 0 && lower[j - 1] == lexicon::words().infinitive_marker)
            && !said_words.iter().any(|w| w.contains(&j))
        {
            push(&mut out, r.clone());
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Whether the verb at `verb` (a range of `text`) is one of saying: "said",
/// "told", "saying", "adding".
pub fn saying(text: &str, verb: &Range<usize>) -> bool {
    let w = text[verb.clone()].to_lowercase();
    lexicon::words().speech_verbs.contains(&w.as_str())
        || lexicon::words().saying_participles.contains(&w.as_str())
}

/// Whether `w` is a present participle or gerund ("saying", "walking"):
/// more than four letters ending in "ing", not a preposition of that form
/// ([`Words::ing_prepositions`](super::lexicon::Words::ing_prepositions)).
pub fn ing_verb(w: &str) -> bool {
    (lexicon::words().gerund)(w)
        && !lexicon::words()
            .ing_prepositions
            .contains(&w.to_lowercase().as_str())
}

/// Whether the clause's verb `verb` (a range of `text`) reports the present:
/// a present form ("sells", "has", "is") rather than a past one.
pub fn present(text: &str, verb: &Range<usize>) -> bool {
    let w = text[verb.clone()].to_lowercase();
    let first = w.split(' ').next().unwrap_or("");
    !past_form(first)
        && !lexicon::words().past_of_be_have.contains(&first)
        && ((lexicon::words().inflected_ending)(first)
            || lexicon::words().present_without_s.contains(&first))
}

/// Whether `text[from..to]` holds a verb (a past form, a participle, a verb
/// of saying, a form of "be" or "have", a modal): a name after it is no
/// subject.
pub fn verb_between(text: &str, from: usize, to: usize) -> bool {
    WORD.find_iter(&text[from..to]).any(|m| {
        let w = m.as_str().to_lowercase();
        let w = w.as_str();
        past_form(w)
            || lexicon::words().speech_verbs.contains(&w)
            || lexicon::words().be_have.contains(&w)
            || lexicon::words().modals.contains(&w)
            || ing_verb(w)
    })
}

/// Whether the verb `verb` (a range of `text`) is a form of "be": a copula
/// names no event of its own.
pub fn copula(text: &str, verb: &Range<usize>) -> bool {
    lexicon::words()
        .be_forms
        .contains(&text[verb.clone()].to_lowercase().as_str())
}

pub(super) static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*").expect("word regex"));

/// The words of `from..to`, less those inside a removed span (a date, the
/// place) or a quotation.
///
/// A word is what [`WORD`] matches: a letter or digit, then letters, digits,
/// apostrophes and hyphens. It is scanned by hand here because this runs
/// for every clause and verb, where the regex engine's cost per match was a
/// twelfth of a build's extraction.
fn words_in(input: &Input<'_>, from: usize, to: usize) -> Vec<Range<usize>> {
    let inside =
        |spans: &[Range<usize>], at: usize| spans.iter().any(|r| r.start <= at && at < r.end);
    let starts = |c: char| c.is_alphabetic() || c.is_numeric();
    let mut out = Vec::new();
    let mut chars = input.text[from..to].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !starts(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !(starts(d) || matches!(d, '\'' | '’' | '-')) {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        let r = from + i..from + end;
        if !inside(input.remove, r.start) && !inside(input.quotes, r.start) {
            out.push(r);
        }
    }
    out
}

/// A past form, in the language being read ("filed", "ran").
pub(super) fn past_form(w: &str) -> bool {
    (lexicon::words().past_form)(w)
}

/// A form that follows "has" or "is" as an auxiliary: a participle.
pub(super) fn participle(w: &str) -> bool {
    (lexicon::words().participle)(w)
}

/// An adverb, listed or by its form ("quickly").
pub(super) fn adverb(w: &str) -> bool {
    lexicon::words().adverbs.contains(&w) || (lexicon::words().adverb_form)(w)
}

/// The main verb among `words` (byte ranges of `text`), with a particle
/// right after it.
fn main_verb(text: &str, words: &[Range<usize>], has_subject: bool) -> Option<Range<usize>> {
    let lower: Vec<Cow<'_, str>> = words
        .iter()
        .take(SEARCH_WORDS)
        .map(|r| folded(&text[r.clone()]))
        .collect();
    let mut after_modal = false;
    // Right after a form of "be" or "have" used as an auxiliary: "has been
    // fighting" is triggered by its participle.
    let mut after_aux = false;
    let mut first_predicate_word = true;
    for (k, w) in lower.iter().enumerate() {
        let w = w.as_ref();
        if lexicon::words().modals.contains(&w) {
            after_modal = true;
            continue;
        }
        // "to the", "due to a": "to" before a function word is a
        // preposition, not the mark of an infinitive.
        if after_modal
            && (lexicon::words().function_words.contains(&w)
                || w.chars().any(|c| c.is_ascii_digit()))
        {
            after_modal = false;
            first_predicate_word = false;
            continue;
        }
        if adverb(w) {
            continue;
        }
        if lexicon::words().be_have.contains(&w) {
            // An auxiliary when a participle follows (adverbs passed
            // over); otherwise the verb itself: "has a new screen".
            let next = lower[k + 1..].iter().find(|x| !adverb(x));
            match next {
                Some(n) if participle(n) || lexicon::words().be_have.contains(&n.as_ref()) => {
                    after_modal = false;
                    after_aux = true;
                    first_predicate_word = false;
                    continue;
                }
                _ if lexicon::words().be_infinitive_forms.contains(&w) => {
                    after_modal = false;
                    after_aux = true;
                    first_predicate_word = false;
                    continue;
                }
                _ => return Some(with_particle(text, words, k)),
            }
        }
        let original = &text[words[k].clone()];
        // A participle clause: "..., marking the first ..." is triggered
        // by its participle.
        if (!has_subject && k == 0 || after_aux) && ing_verb(w) {
            return Some(with_particle(text, words, k));
        }
        let lowercase = original.starts_with(|c: char| c.is_lowercase());
        let present = has_subject
            && first_predicate_word
            && lowercase
            && (lexicon::words().present_form)(w)
            && !lexicon::words().not_verbs.contains(&w);
        // "the long-awaited settlement": a participle after a determiner
        // is an adjective.
        // So is one after a degree word ("a very anticipated
        // announcement", "the most advanced system"). The word before may
        // lie before `words` (the verb before it ended the last search).
        let before = if k > 0 {
            Some(lower[k - 1].clone())
        } else {
            word_before(text, words[k].start).map(Cow::Owned)
        };
        let attributive = before
            .as_deref()
            .is_some_and(|b| lexicon::words().attributive_markers.contains(&b));
        if lowercase
            && !attributive
            && (after_modal
                || past_form(w)
                || lexicon::words().speech_verbs.contains(&w)
                || present)
        {
            return Some(
                light_verb_object(text, words, k).unwrap_or_else(|| with_particle(text, words, k)),
            );
        }
        after_modal = false;
        after_aux = false;
        first_predicate_word = false;
    }
    None
}

/// `word` lower-cased with its curly apostrophes straight, borrowed when it
/// is so already (most words are: this runs for every word a verb is
/// looked for in).
pub(super) fn folded(word: &str) -> Cow<'_, str> {
    if word.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(word.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    }
}

/// The word right before `at` in `text`, lower-cased, when only spaces
/// separate them.
fn word_before(text: &str, at: usize) -> Option<String> {
    let head = &text[..at];
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-' || *c == '\'')
        .last()
        .map(|(i, _)| i)?;
    Some(trimmed[start..].to_lowercase())
}

/// When word `k` is a light verb before a determiner, the noun its object
/// phrase ends in (before a preposition or a punctuation mark, within five
/// words): the event the clause names.
fn light_verb_object(text: &str, words: &[Range<usize>], k: usize) -> Option<Range<usize>> {
    let lower = |j: usize| text[words[j].clone()].to_lowercase();
    if !lexicon::words().light_verbs.contains(&lower(k).as_str()) {
        return None;
    }
    let det = words.get(k + 1).map(|_| lower(k + 1))?;
    if !lexicon::words().determiners.contains(&det.as_str()) {
        return None;
    }
    let mut head = None;
    for j in k + 2..(k + 7).min(words.len()) {
        let gap = &text[words[j - 1].end..words[j].start];
        let w = lower(j);
        if gap.trim() != "" || lexicon::words().stops_noun_phrase.contains(&w.as_str()) {
            break;
        }
        head = Some(j);
    }
    let j = head?;
    text[words[j].clone()]
        .chars()
        .all(char::is_lowercase)
        .then(|| words[j].clone())
}

/// Word `k`'s range, extended over a particle that follows it directly.
fn with_particle(text: &str, words: &[Range<usize>], k: usize) -> Range<usize> {
    let r = words[k].clone();
    if let Some(next) = words.get(k + 1)
        && &text[r.end..next.start] == " "
        && lexicon::words().particles.contains(&&text[next.clone()])
    {
        return r.start..next.end;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actors::{ArticleActors, Mention, MentionKind};
    use crate::timeline::{Actor, ActorKind};

    /// The trigger's words in `text` read as one clause whose subject is
    /// the first occurrence of `subject` ("" for none).
    fn trigger_of(text: &str, subject: &str) -> Option<String> {
        let mut actors = ArticleActors::default();
        if !subject.is_empty() {
            let start = text.find(subject).unwrap();
            actors.actors.push(Actor {
                name: subject.into(),
                slug: "s".into(),
                roles: Vec::new(),
                kind: ActorKind::Organisation,
            });
            actors.mentions.push(Mention {
                start,
                end: start + subject.len(),
                actor: 0,
                kind: MentionKind::Name,
            });
        }
        let quotes: Vec<Range<usize>> = super::super::quote_marks::quoted_spans(text)
            .iter()
            .map(|q| q.outer_start..q.outer_end)
            .collect();
        trigger(&Input {
            text,
            clause: 0..text.len(),
            subject: actors.mentions.first().copied(),
            remove: &[],
            quotes: &quotes,
            actors: &actors,
        })
        .map(|r| text[r].to_string())
    }

    #[test]
    fn the_trigger_is_the_main_verb_after_the_subject() {
        let cases = [
            (
                "Apple Corps has filed a lawsuit against Apple.",
                "Apple Corps",
                "filed",
            ),
            ("Russia vetoed the resolution.", "Russia", "vetoed"),
            (
                "The company will not appeal the ruling.",
                "The company",
                "appeal",
            ),
            (
                "Apple Corps was founded by the Beatles.",
                "Apple Corps",
                "founded",
            ),
            (
                "The iPhone 4 has a new stainless steel frame.",
                "The iPhone 4",
                "has",
            ),
            (
                "The store sells digital music tracks.",
                "The store",
                "sells",
            ),
            ("Apple Corps lost its court case.", "Apple Corps", "lost"),
            (
                "Jobs, who founded the company, resigned.",
                "Jobs",
                "resigned",
            ),
            ("Jobs also took off the cover.", "Jobs", "took off"),
            (
                "Jobs has been fighting cancer for years.",
                "Jobs",
                "fighting",
            ),
            (
                "Jobs unveiled the phone, the biggest leap.",
                "Jobs",
                "unveiled",
            ),
        ];
        for (text, subject, want) in cases {
            assert_eq!(trigger_of(text, subject).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_light_verb_is_triggered_by_the_noun_it_carries() {
        let cases = [
            (
                "Jobs gave the opening keynote to the conference.",
                "keynote",
            ),
            ("He made an appearance in March.", "appearance"),
            ("Jobs made the decision to proceed.", "decision"),
        ];
        for (text, want) in cases {
            let subject = text.split(' ').next().unwrap();
            assert_eq!(trigger_of(text, subject).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_clause_without_a_verb_is_triggered_by_its_event_noun() {
        assert_eq!(
            trigger_of(
                "Apple and the long-awaited settlement of the dispute",
                "Apple"
            )
            .as_deref(),
            Some("settlement")
        );
    }

    #[test]
    fn the_verbs_of_what_was_said_are_not_the_speakers() {
        assert_eq!(
            all_of(
                "Jobs said that anyone who purchased a phone will receive a case.",
                "Jobs"
            ),
            ["said"]
        );
    }

    #[test]
    fn a_speaker_named_last_is_triggered_by_the_verb_of_saying() {
        let text = "More than 40 people were killed in the city, the Observatory said.";
        assert_eq!(trigger_of(text, "Observatory").as_deref(), Some("said"));
    }

    #[test]
    fn a_clause_without_a_subject_is_searched_from_its_start() {
        assert_eq!(
            trigger_of("Pre-orders of the recently announced phone began.", "").as_deref(),
            Some("announced")
        );
    }

    #[test]
    fn a_participle_clause_is_triggered_by_its_participle() {
        assert_eq!(
            trigger_of("marking the first known conversation", "").as_deref(),
            Some("marking")
        );
    }

    #[test]
    fn a_verb_of_saying_before_a_speaker_after_the_quotation_is_the_speakers() {
        let text = "“We think it’s the future of notebooks,” said Jobs.";
        let start = text.find("Jobs").unwrap();
        let actors = ArticleActors {
            actors: vec![Actor {
                name: "Jobs".into(),
                slug: "s".into(),
                roles: Vec::new(),
                kind: ActorKind::Person,
            }],
            mentions: vec![Mention {
                start,
                end: start + 4,
                actor: 0,
                kind: MentionKind::Name,
            }],
            secondary_mentions: Vec::new(),
            body_mentions: Vec::new(),
        };
        let quotes: Vec<Range<usize>> = super::super::quote_marks::quoted_spans(text)
            .iter()
            .map(|q| q.outer_start..q.outer_end)
            .collect();
        let verbs: Vec<&str> = all(&Input {
            text,
            clause: 0..text.len(),
            subject: Some(actors.mentions[0]),
            remove: &[],
            quotes: &quotes,
            actors: &actors,
        })
        .into_iter()
        .map(|r| &text[r])
        .collect();
        assert_eq!(verbs, ["said"]);
    }

    #[test]
    fn a_preposition_in_ing_opens_no_clause() {
        assert_eq!(
            all_of(
                "In 1996, following the purchase of NeXT, Jobs returned to Apple.",
                "Jobs"
            ),
            ["returned"]
        );
        assert!(!ing_verb("following") && !ing_verb("Including") && ing_verb("saying"));
    }

    #[test]
    fn a_participle_after_a_degree_word_or_an_article_is_an_adjective() {
        assert_eq!(
            all_of(
                "Jobs called it the most advanced system and announced an updated laptop.",
                "Jobs"
            ),
            ["called", "announced"]
        );
        assert_eq!(
            all_of("Jobs moved on to a very anticipated announcement.", "Jobs"),
            ["moved", "announcement"]
        );
    }

    #[test]
    fn an_adverb_after_a_modal_is_no_verb() {
        assert_eq!(
            all_of("Apple will forever change the industry.", "Apple"),
            ["change"]
        );
    }

    fn all_of(text: &str, subject: &str) -> Vec<String> {
        let start = text.find(subject).unwrap();
        let actors = ArticleActors {
            actors: vec![Actor {
                name: subject.into(),
                slug: "s".into(),
                roles: Vec::new(),
                kind: ActorKind::Organisation,
            }],
            mentions: vec![Mention {
                start,
                end: start + subject.len(),
                actor: 0,
                kind: MentionKind::Name,
            }],
            secondary_mentions: Vec::new(),
            body_mentions: Vec::new(),
        };
        all(&Input {
            text,
            clause: 0..text.len(),
            subject: Some(actors.mentions[0]),
            remove: &[],
            quotes: &[],
            actors: &actors,
        })
        .into_iter()
        .map(|r| text[r].to_string())
        .collect()
    }

    #[test]
    fn every_verb_of_a_clause_is_found_in_order() {
        assert_eq!(
            all_of(
                "Airbus won the order and delivered the first A380, saying it was proud.",
                "Airbus"
            ),
            ["won", "order", "delivered", "saying", "was"]
        );
        assert_eq!(
            all_of(
                "Jobs acknowledged that users were experiencing issues, but dismissed the reports, saying that problems plague all phones.",
                "Jobs"
            ),
            ["acknowledged", "dismissed", "saying"]
        );
        assert_eq!(
            all_of(
                "While introducing the phone, Jobs started by hinting at it.",
                "Jobs"
            ),
            ["introducing", "started", "hinting"]
        );
        assert_eq!(
            all_of(
                "The store currently sells music and has begun to sell films.",
                "The store"
            ),
            ["sells", "begun", "sell"]
        );
    }

    #[test]
    fn a_present_form_reports_the_present() {
        let text = "sells was has filed";
        assert!(present(text, &(0..5)));
        assert!(!present(text, &(6..9)));
        assert!(present(text, &(10..13)));
        assert!(!present(text, &(14..19)));
    }

    #[test]
    fn words_in_a_quotation_are_no_trigger() {
        assert_eq!(
            trigger_of("Jobs “launched the phone” today", "Jobs").as_deref(),
            None
        );
    }

    #[test]
    fn the_word_scanner_reads_the_words_the_word_pattern_reads() {
        let actors = ArticleActors::default();
        for text in [
            "Jobs’s Apple, co-founded in 1976, didn't sell 3.5m iPods -- it said.",
            "Erdoğan met Müller in Zürich; Владимир Путин left at 10:30.",
            "-dash- 'quoted' ’curly’ x-ray 9-11 ²³ end",
        ] {
            let input = Input {
                text,
                clause: 0..text.len(),
                subject: None,
                remove: &[],
                quotes: &[],
                actors: &actors,
            };
            let by_pattern: Vec<Range<usize>> =
                WORD.find_iter(text).map(|m| m.start()..m.end()).collect();
            assert_eq!(words_in(&input, 0, text.len()), by_pattern, "{text}");
        }
    }
}
