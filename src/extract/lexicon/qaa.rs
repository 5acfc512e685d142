//! Testing: the extractor's words of the made-up test language "qaa" (see
//! `src/temporal/lexicon/qaa.rs`). Its titles shortened before a name are
//! its own (German's "Hr." and "Fr."); every other word is English's.
#![cfg(test)]

use super::Words;

pub(super) static WORDS: Words = Words {
    abbreviated_titles: &["hr", "fr", "dr"],
    ..super::en::WORDS
};
