//! The event extractor on any article the loader accepts: never a panic, and
//! every source sentence range lies inside the article text.
#![no_main]

use dateline::temporal::{Tagger, TaggerOptions};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|body: &str| {
    let text = format!("---\ntitle: Fuzz\ndate: 2025-02-09\n---\n{body}");
    let Ok(article) = dateline::content::parse_article(text.as_bytes(), Path::new("content/f.md"), chrono_tz::Tz::UTC) else {
        return;
    };
    let tagger = Tagger::new(TaggerOptions::default());
    for e in dateline::extract::article_events(&article, &tagger) {
        for s in &e.sources {
            if let (Some(a), Some(b)) = (s.sentence_start, s.sentence_end) {
                assert!(a <= b && b <= article.text.len());
            }
        }
    }
});
