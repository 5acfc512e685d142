//! Testing: the extractor's words of the made-up test language "qaa" (see
//! `src/temporal/lexicon/qaa.rs`). Its titles shortened before a name and
//! the present it gives a past verb are its own (German's "Hr." and "Fr.",
//! "sagte" → "sagt"); every other word and form is English's.
#![cfg(test)]

use super::Words;

pub(super) static WORDS: Words = Words {
    abbreviated_titles: &["hr", "fr", "dr"],
    regular_present,
    ..super::en::WORDS
};

/// A weak verb's past loses its "-te" in the present: "sagte" → "sagt".
fn regular_present(verb: &str) -> Option<String> {
    verb.strip_suffix("te").map(|stem| format!("{stem}t"))
}
