//! The Markdown-to-text pipeline: every paragraph's offsets must point at its
//! text in the joined article text.
#![no_main]

use dateline::content::markdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for allow in [false, true] {
        let mut r = markdown::render_with(text, 0, 1, markdown::RenderOptions { allow_raw_html: allow });
        let joined = markdown::join(&mut r.paragraphs);
        for p in &r.paragraphs {
            assert_eq!(&joined[p.offset..p.offset + p.text.len()], p.text);
            assert!(p.source_start <= p.source_end && p.source_end <= text.len());
        }
    }
});
