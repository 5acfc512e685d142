//! The place a clause states for its event, as the text words it: a
//! preposition of place followed by a capitalised name, chained with a
//! following "in City, State" ("aboard Air Force One", "at Trump National
//! Golf Club in Sterling, Virginia"). Names that are dates, or countries
//! after "war in", are not places. No gazetteer.

use super::lexicon::{self, PerLanguage};
use crate::temporal::token::written_calendar_word;
use regex::Regex;
use std::ops::Range;

static PLACE: PerLanguage<Regex> = PerLanguage::new();

/// A word no place name starts with: a date's or a sentence's.
fn not_a_place(word: &str) -> bool {
    lexicon::words().not_places.contains(&word)
        || written_calendar_word(word, lexicon::current()).is_some()
}

/// The first stated place in `text` (a clause), with its byte range, outside
/// the `avoid` ranges (date expressions).
pub fn place(text: &str, avoid: &[Range<usize>]) -> Option<(String, Range<usize>)> {
    let re = PLACE.get(|w| Regex::new(&(w.place)()).expect("place regex"));
    for c in re.captures_iter(text) {
        let whole = c.get(0).expect("whole match");
        let name = c.name("name").expect("name group");
        let first = name.as_str().split(' ').next().unwrap_or("");
        if not_a_place(first) || not_a_place(first.trim_end_matches(['.', ','])) || first.len() < 2
        {
            continue;
        }
        if avoid
            .iter()
            .any(|r| r.start < name.end() && name.start() < r.end)
        {
            continue;
        }
        let before = text[..whole.start()]
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("");
        if lexicon::words().not_place_after.contains(&before) {
            continue;
        }
        // A trailing region that is really a date ("Virginia, January 18")
        // or a sentence word is dropped by keeping only what follows names.
        let mut end = whole.end();
        for group in ["cregion", "city", "region"] {
            if let Some(g) = c.name(group)
                && g.end() == end
            {
                let w = g.as_str().split(' ').next().unwrap_or("");
                if not_a_place(w) {
                    end = text[..g.start()]
                        .trim_end_matches([',', ' '])
                        .trim_end_matches(&format!(" {}", lexicon::words().place_in))
                        .len();
                }
            }
        }
        let phrase = text[whole.start()..end].trim_end_matches([',', '.', ' ']);
        let end = whole.start() + phrase.len();
        return Some((phrase.to_string(), whole.start()..end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_taken_as_the_text_words_them() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "In an interview aboard Air Force One on Friday, Trump declined.",
                Some("aboard Air Force One"),
            ),
            (
                "Donald Trump watches fireworks at Trump National Golf Club in Sterling, Virginia, on January 18, 2025.",
                Some("at Trump National Golf Club in Sterling, Virginia"),
            ),
            ("The leaders met in Geneva on Tuesday.", Some("in Geneva")),
            ("They spoke about the war in Ukraine.", None),
            ("The vote is set for later in January.", None),
            ("Nothing happened in the end.", None),
        ];
        for (text, want) in cases {
            assert_eq!(place(text, &[]).map(|p| p.0).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn a_date_is_not_a_place() {
        let text = "It opened in May 2024.";
        let may = text.find("May").unwrap();
        let date = Range {
            start: may,
            end: may + 8,
        };
        assert_eq!(place(text, std::slice::from_ref(&date)), None);
    }
}
