//! The tagger's language data. Patterns match concepts (a month, a unit, the
//! keyword `Kw::Ago`) and consult named word lists (verbs that look ahead,
//! words that make a weekday a name); this module says which words of a
//! language are which. A language is one file beside this one (`en.rs`),
//! chosen through [`TaggerOptions::language`](super::TaggerOptions), so the
//! matching, refining and anchoring code holds no spelling of its own.
//!
//! The files are found by build.rs, which writes their module declarations,
//! the [`Language`] enum and [`Language::words`] (a language is this file
//! and its extractor twin, `src/extract/lexicon/xx.rs`, and nothing else).
//! `qaa.rs` (a tag ISO 639 leaves to local use) is a made-up language
//! compiled into the unit tests only, to show that a second language is
//! read through its two files alone.

use super::token::{Kw, Lex, Unit};
use super::value::DayPart;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/temporal_languages.rs"));

impl Language {
    /// The language of a BCP 47 tag ("en", "en-GB", "EN_us"), by its primary
    /// subtag; `None` for a language without word lists.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Language::KNOWN
            .iter()
            .position(|known| primary.eq_ignore_ascii_case(known))
            .map(|i| Language::ALL[i])
    }

    /// Every word the lexicon knows, lower-cased, with what it means.
    pub(super) fn lexicon(self) -> &'static WordMap {
        static MAPS: [OnceLock<WordMap>; Language::ALL.len()] =
            [const { OnceLock::new() }; Language::ALL.len()];
        MAPS[self as usize].get_or_init(|| build(self.words()))
    }
}

/// What a language calls each thing the patterns look for. Lists of pairs
/// give each word its value; a word in two lists keeps the meaning of the
/// list named first here (English "second" is a unit, and an ordinal only
/// through [`Words::ordinal_units`]).
#[derive(Debug)]
pub struct Words {
    /// The months in full, January first.
    pub months: [&'static str; 12],
    /// Shortened month names ("Jan", "Sept") with their month.
    pub month_abbreviations: &'static [(&'static str, u32)],
    /// The weekdays in full, Monday first.
    pub weekdays: [&'static str; 7],
    pub units: &'static [(&'static str, Unit)],
    pub plural_units: &'static [(&'static str, Unit)],
    /// Number words with their value ("three", "twenty", "dozen").
    pub cardinals: &'static [(&'static str, u32)],
    /// Ordinal words with their value ("third").
    pub ordinals: &'static [(&'static str, u32)],
    /// Unit words that are also ordinals ("second"): read as units unless a
    /// pattern asks for the ordinal.
    pub ordinal_units: &'static [(&'static str, u32)],
    /// Seasons: 0 spring, 1 summer, 2 fall, 3 winter.
    pub seasons: &'static [(&'static str, u32)],
    pub day_parts: &'static [(&'static str, DayPart)],
    /// Decade words with the decade ("nineties" = 90).
    pub decades: &'static [(&'static str, u32)],
    /// The keywords the patterns match.
    pub keywords: &'static [(&'static str, Kw)],

    // The tense heuristic (tense.rs).
    /// Words that put the sentence ahead on their own ("would", "due").
    pub future_words: &'static [&'static str],
    /// Verbs that look ahead when "to" follows ("plans to meet").
    pub verbs_ahead_before_to: &'static [&'static str],
    /// Forms of the verb of being that look ahead before "to" ("is to
    /// visit").
    pub being_before_to: &'static [&'static str],
    /// Past decisions about what comes next ("decided to admit them in
    /// March"): ahead only when they come before the date.
    pub decided_to: &'static [&'static str],
    /// Past forms that do not end in "-ed".
    pub irregular_past: &'static [&'static str],
    /// Determiners: an "-ed" word after one is an adjective ("the expanded
    /// program").
    pub determiners: &'static [&'static str],
    /// Possessive determiners: "her last day" is her final one, no date.
    pub possessive_determiners: &'static [&'static str],
    /// Adverbs between a determiner and an adjectival "-ed" word ("a still
    /// unnamed buyer").
    pub adjective_adverbs: &'static [&'static str],
    /// Words after which a bare infinitive follows ("to", "an article"):
    /// a word read as a verb before them.
    pub verb_followers: &'static [&'static str],
    /// Forms of the verb of being ("is", "was", "been").
    pub being: &'static [&'static str],
    /// Future auxiliaries before "be" ("will be", "to be").
    pub future_auxiliaries: &'static [&'static str],
    /// Negated future auxiliaries written as a contraction, split by the
    /// tokenizer at the apostrophe: (stem, tail), as "won" + "t" of
    /// "won't", whose stem alone would read as a past verb.
    pub future_contractions: &'static [(&'static str, &'static str)],
    /// Adjectives of something awaited ("Friday's scheduled vote").
    pub awaited: &'static [&'static str],
    /// The word of "ahead of Friday's vote".
    pub ahead: &'static str,
    /// The word of "had been scheduled".
    pub been: &'static str,
    /// The word of "will be held".
    pub be: &'static str,
    /// The word of "as soon as" and "as early as".
    pub as_: &'static str,
    /// The possessive ending after an apostrophe ("Friday's").
    pub possessive: &'static str,

    // Rejections (patterns/reject.rs).
    /// Words after a bare month name that make it a verb or a name ("May
    /// be", "March on").
    pub non_date_followers: &'static [&'static str],
    /// Capitalised words that make the weekday before them a name ("Sunday
    /// Times").
    pub names_after_weekday: &'static [&'static str],
    /// Capitalised words that make the weekday after them a name ("Good
    /// Friday" as a holiday is its own pattern, "Black Friday").
    pub names_before_weekday: &'static [&'static str],
    /// Nouns after a four-digit number that make it a count ("2000
    /// troops").
    pub counted_nouns: &'static [&'static str],

    // Other patterns.
    /// Words before "days" that count working days ("five trading days").
    pub counted_days: &'static [&'static str],
    /// Verbs that "around" completes ("get around"): no approximate date.
    pub phrasal_around: &'static [&'static str],
    /// Words before a date that make it the last day of a period ("the year
    /// ended Sept. 30").
    pub period_end_words: &'static [&'static str],
    /// Time-zone abbreviations after a clock time, as written.
    pub time_zones: &'static [&'static str],
    /// Words after four digits that make them a clock time in any case
    /// ("0900 hrs", "1130 gmt").
    pub clock_words: &'static [&'static str],
    /// The two words of "0900 local time".
    pub local_time: [&'static str; 2],
}

#[derive(Default)]
pub(super) struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Lower-cased word to meaning.
pub(super) type WordMap = HashMap<&'static [u8], Lex, BuildHasherDefault<FnvHasher>>;

fn build(w: &'static Words) -> WordMap {
    let mut m: WordMap = HashMap::default();
    // The first list to name a word gives its meaning.
    let mut put = |word: &'static str, l: Lex| {
        m.entry(word.as_bytes()).or_insert(l);
    };
    for (i, word) in w.months.iter().enumerate() {
        put(word, Lex::Month(i as u32 + 1, false));
    }
    for &(word, n) in w.month_abbreviations {
        put(word, Lex::Month(n, true));
    }
    for (i, word) in w.weekdays.iter().enumerate() {
        put(word, Lex::Weekday(i as u32));
    }
    for &(word, u) in w.units {
        put(word, Lex::Unit(u, false));
    }
    for &(word, u) in w.plural_units {
        put(word, Lex::Unit(u, true));
    }
    for &(word, n) in w.cardinals {
        put(word, Lex::Card(n));
    }
    for &(word, n) in w.ordinals {
        put(word, Lex::Ord(n));
    }
    for &(word, s) in w.seasons {
        put(word, Lex::Season(s));
    }
    for &(word, p) in w.day_parts {
        put(word, Lex::DayPart(p));
    }
    for &(word, n) in w.decades {
        put(word, Lex::DecadeWord(n));
    }
    for &(word, k) in w.keywords {
        put(word, Lex::Kw(k));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_the_primary_subtag() {
        for (tag, lang) in [
            ("en", Some(Language::English)),
            ("en-GB", Some(Language::English)),
            ("EN_us", Some(Language::English)),
            ("de", None),
            ("", None),
        ] {
            assert_eq!(Language::from_tag(tag), lang, "{tag}");
        }
    }

    #[test]
    fn every_lexicon_word_is_lower_case_since_lookups_lower_case_the_text() {
        for &lang in Language::ALL {
            for word in lang.lexicon().keys() {
                let w = std::str::from_utf8(word).unwrap();
                assert_eq!(w, w.to_lowercase(), "{w}");
            }
        }
    }

    #[test]
    fn a_language_is_read_through_its_word_files_alone() {
        // The test language (qaa.rs) spells March "März"; English does not.
        use crate::temporal::{Tagger, TaggerOptions};
        let text = "The vote was held on März 3, 2021.";
        let reference = chrono::NaiveDate::from_ymd_opt(2021, 3, 10).unwrap();
        let values = |language| -> Vec<String> {
            Tagger::new(TaggerOptions {
                language,
                ..TaggerOptions::default()
            })
            .tag(text, reference)
            .iter()
            .map(|t| t.value.to_string())
            .collect()
        };
        assert_eq!(Language::from_tag("qaa-x-test"), Some(Language::Testing));
        assert!(values(Language::Testing).contains(&"2021-03-03".to_string()));
        assert!(!values(Language::English).contains(&"2021-03-03".to_string()));
    }

    #[test]
    fn a_word_in_two_lists_keeps_the_first_meaning() {
        let lex = Language::English.lexicon();
        assert_eq!(lex[&b"second"[..]], Lex::Unit(Unit::Second, false));
        assert_eq!(lex[&b"may"[..]], Lex::Month(5, false));
    }
}
