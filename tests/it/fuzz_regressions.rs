//! Replays every input kept under fuzz/regressions/<target>/ (crashes the
//! fuzzers found, and seeds) through the same checks as the fuzz targets, so
//! CI guards against regressions without a sanitizer build.

use chrono::NaiveDate;
use dateline::content::markdown;
use dateline::temporal::{DateOrder, Mode, Tagger, TaggerOptions};
use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs for {target}");
    out
}

#[test]
fn article_regressions_load_or_report() {
    for (_, data) in inputs("article") {
        let _ = dateline::content::parse_article(
            &data,
            Path::new("content/fuzz.md"),
            chrono_tz::Tz::UTC,
        );
    }
}

#[test]
fn markdown_regressions_keep_offsets_consistent() {
    for (path, data) in inputs("markdown") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        for allow in [false, true] {
            let mut r = markdown::render_with(
                text,
                0,
                1,
                markdown::RenderOptions {
                    allow_raw_html: allow,
                },
            );
            let joined = markdown::join(&mut r.paragraphs);
            for p in &r.paragraphs {
                assert_eq!(
                    &joined[p.offset..p.offset + p.text.len()],
                    p.text,
                    "{}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn tagger_regressions_give_spans_inside_the_text() {
    for (path, data) in inputs("tagger") {
        if data.len() < 4 {
            continue;
        }
        let days = u32::from_le_bytes([data[0], data[1], data[2], 0]) % 3_652_059;
        let reference = NaiveDate::from_num_days_from_ce_opt(days as i32 + 1).unwrap();
        let Ok(text) = std::str::from_utf8(&data[4..]) else {
            continue;
        };
        for mode in [Mode::News, Mode::Narrative] {
            for date_order in [DateOrder::MonthDay, DateOrder::DayMonth] {
                for e in Tagger::new(TaggerOptions {
                    mode,
                    date_order,
                    ..Default::default()
                })
                .tag(text, reference)
                {
                    assert!(e.start < e.end && e.end <= text.len(), "{}", path.display());
                    assert_eq!(&text[e.start..e.end], e.text, "{}", path.display());
                }
            }
        }
    }
}

#[test]
fn extractor_regressions_give_sources_inside_the_text() {
    let tagger = Tagger::new(TaggerOptions::default());
    for (path, data) in inputs("extractor") {
        let body = String::from_utf8_lossy(&data);
        let text = format!("---\ntitle: Fuzz\ndate: 2025-02-09\n---\n{body}");
        let Ok(article) = dateline::content::parse_article(
            text.as_bytes(),
            Path::new("content/f.md"),
            chrono_tz::Tz::UTC,
        ) else {
            continue;
        };
        for e in dateline::extract::article_events(&article, &tagger) {
            for s in &e.sources {
                if let (Some(a), Some(b)) = (s.sentence_start, s.sentence_end) {
                    assert!(a <= b && b <= article.text.len(), "{}", path.display());
                }
            }
        }
    }
}
