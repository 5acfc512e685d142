//! Testing: a made-up language, tagged "qaa" (ISO 639 leaves qaa to qtz to
//! local use), built into the unit tests only. Its month and weekday names
//! are its own (German's); every other word is English's. Being read
//! through this file and `src/extract/lexicon/qaa.rs` alone, it shows that
//! a language is its two word files.
#![cfg(test)]

use super::Words;

pub(super) static WORDS: Words = Words {
    months: [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    weekdays: [
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
    ],
    ..super::en::WORDS
};
