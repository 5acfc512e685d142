//! Finds the quotations in a sentence (curly or straight double quotes) and
//! who said them: the name next to a verb of saying beside the quotation
//! ("…," Putin said; Putin added, "…"), else the sentence's subject.
//!
//! Offsets here are relative to the sentence; this file knows actors only
//! through the mentions it is given.

use super::actors::{ArticleActors, subject_of};
use super::lexicon;
use super::quote_marks::{QuoteSpan, quoted_spans};
use super::sentences::Sentence;
use crate::timeline::Quote;

/// The quotations of a sentence with their speakers, by normalised name.
pub fn quotes(text: &str, s: &Sentence<'_>, actors: &ArticleActors) -> Vec<Quote> {
    let spans = quoted_spans(s.text);
    if spans.is_empty() {
        return Vec::new();
    }
    let subject = subject_of(text, s, actors);
    spans
        .iter()
        .filter_map(|q| {
            let mut inner = s.text[q.inner_start..q.inner_end]
                .trim()
                .trim_end_matches([',', ' '])
                .trim();
            // A single closing stop belongs to the sentence, not the words.
            if inner.ends_with('.') && !inner.ends_with("..") {
                inner = &inner[..inner.len() - 1];
            }
            if inner.is_empty() {
                return None;
            }
            let speaker = speaker_after(s, q, actors)
                .or_else(|| speaker_before(s, q, actors))
                .or(subject.map(|m| m.actor))
                .map(|a| actors.actors[a].name.clone());
            Some(Quote {
                text: inner.to_string(),
                speaker,
            })
        })
        .collect()
}

/// `"…," Putin said` or `"…," said Putin`.
fn speaker_after(s: &Sentence<'_>, q: &QuoteSpan, actors: &ArticleActors) -> Option<usize> {
    let rest = &s.text[q.outer_end..];
    let lead = rest.len() - rest.trim_start_matches([',', ' ']).len();
    let from = s.start + q.outer_end + lead;
    let m = actors
        .in_range(from, s.end)
        .first()
        .filter(|m| m.start <= from + 12)?;
    let before = &s.text[q.outer_end + lead..m.start - s.start];
    let after = s.text[m.end - s.start..].trim_start();
    let verb_after = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| lexicon::words().speech_verbs.contains(&w));
    let verb_before = before
        .split_whitespace()
        .any(|w| lexicon::words().speech_verbs.contains(&w));
    (verb_after || verb_before).then_some(m.actor)
}

/// `Putin added, "…"` or `Trump said: "…"`: the nearest mention before a
/// verb of saying that leads into the quotation.
fn speaker_before(s: &Sentence<'_>, q: &QuoteSpan, actors: &ArticleActors) -> Option<usize> {
    let lead_in = s.text[..q.outer_start].trim_end();
    if !lead_in.ends_with([',', ':']) {
        return None;
    }
    let words = lead_in.trim_end_matches([',', ':']);
    let last = words
        .rsplit(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())?;
    // "..., stating, “…”": the clause's subject speaks; the caller falls
    // back to it.
    if !lexicon::words().speech_verbs.contains(&last) {
        return None;
    }
    actors
        .in_range(s.start, s.start + q.outer_start)
        .iter()
        .rev()
        .find(|m| m.start >= s.start)
        .map(|m| m.actor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actors;
    use crate::extract::sentences::split;

    fn quotes_of(text: &str) -> Vec<Vec<(String, Option<String>)>> {
        let sentences: Vec<Sentence<'_>> = split(text)
            .into_iter()
            .map(|r| Sentence {
                start: r.start,
                end: r.end,
                text: &text[r],
                paragraph: 0,
            })
            .collect();
        let a = actors::find(text, &sentences);
        sentences
            .iter()
            .map(|s| {
                quotes(text, s, &a)
                    .into_iter()
                    .map(|q| (q.text, q.speaker))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_speaker_is_the_name_beside_the_verb_of_saying() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Russian President Vladimir Putin spoke. “If Zelensky wants to take part, I will allocate people,” Putin said.",
                "If Zelensky wants to take part, I will allocate people",
                "Vladimir Putin",
            ),
            (
                "Russian President Vladimir Putin spoke. Putin added, \"Let anyone lead the negotiations.\"",
                "Let anyone lead the negotiations",
                "Vladimir Putin",
            ),
            (
                "US President Donald Trump met Russian President Vladimir Putin. “He wants to see people stop dying,” Trump told the New York Post.",
                "He wants to see people stop dying",
                "Donald Trump",
            ),
            (
                "US President Donald Trump declined to say how often he spoke with Vladimir Putin, stating, \"I better not say,\" when asked.",
                "I better not say",
                "Donald Trump",
            ),
        ];
        for (text, quote, speaker) in cases {
            let all: Vec<_> = quotes_of(text).into_iter().flatten().collect();
            assert_eq!(
                all,
                [(quote.to_string(), Some(speaker.to_string()))],
                "{text}"
            );
        }
    }
}
