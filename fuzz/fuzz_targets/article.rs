//! Front matter splitting and parsing, and the whole article loader, on
//! arbitrary bytes: never a panic, only articles or diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let _ = dateline::content::parse_article(data, Path::new("content/fuzz.md"), chrono_tz::Tz::UTC);
});
