//! Event extraction over a generated corpus: events per second, and with a
//! truth.jsonl the share of planted date expressions that became correctly
//! dated events.
//!
//!     python3 /work/shared/bench/make_corpus.py --articles 10000 --out /tmp/c10k --truth
//!     cargo bench --bench extract -- /tmp/c10k
//!
//! Timed: tagging and extraction of every article in parallel (as
//! `Site::load` does), then merging. Loading the Markdown is timed apart.

use dateline::content::{self, LoadOptions};
use dateline::extract::{assemble, events};
use dateline::temporal::{Modifier, Tagger, TaggerOptions};
use dateline::timeline::{Event, EventKind};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let root = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/c10k"));
    let t = Instant::now();
    let articles = match content::load(&root, chrono_tz::Tz::UTC, LoadOptions::default()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("cannot load {}: {e}", root.display());
            std::process::exit(1);
        }
    };
    let load = t.elapsed().as_secs_f64();
    let tagger = Tagger::new(TaggerOptions::default());

    let t = Instant::now();
    let tagged: Vec<_> = articles
        .par_iter()
        .map(|a| tagger.tag(&a.text, a.date))
        .collect();
    let tag_secs = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let per_article: Vec<Vec<Event>> = articles
        .par_iter()
        .zip(&tagged)
        .map(|(a, exprs)| events::extract(a, exprs))
        .collect();
    let extract_secs = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let timeline = assemble(&articles, &per_article, 0.0, Default::default());
    let merge_secs = t.elapsed().as_secs_f64();

    let extracted: usize = per_article.iter().map(Vec::len).sum();
    let total = tag_secs + extract_secs + merge_secs;
    println!(
        "{} articles ({:.2}s to load), {} events extracted, {} after merging",
        articles.len(),
        load,
        extracted,
        timeline.events.len()
    );
    println!(
        "tag {tag_secs:.2}s + extract {extract_secs:.2}s + merge {merge_secs:.2}s = {total:.2}s on {} threads",
        rayon::current_num_threads()
    );
    println!(
        "{:.0} events/s (tag + extract + merge); {:.0} events/s (extract alone)",
        extracted as f64 / total,
        extracted as f64 / extract_secs
    );

    let truth = root.join("truth.jsonl");
    if let Ok(text) = std::fs::read_to_string(&truth) {
        let by_path: HashMap<&str, &Vec<Event>> = articles
            .iter()
            .zip(&per_article)
            .map(|(a, e)| (a.path.as_str(), e))
            .collect();
        let (mut planted, mut dated, mut evidenced) = (0usize, 0usize, 0usize);
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("truth.jsonl line");
            let file = v["file"].as_str().unwrap_or_default();
            let Some(evs) = by_path.get(file) else {
                continue;
            };
            let mut used_governing = vec![false; evs.len()];
            for d in v["dates"].as_array().into_iter().flatten() {
                planted += 1;
                let expr = d["expr"].as_str().unwrap_or_default();
                let value = d["value"].as_str().unwrap_or_default();
                let modifier = match d["part"].as_str() {
                    Some("early") => Some(Modifier::Start),
                    Some("mid") => Some(Modifier::Mid),
                    Some("late") => Some(Modifier::End),
                    _ => None,
                };
                let same_words = |t: &str| !t.is_empty() && (expr.contains(t) || t.contains(expr));
                let governs = evs.iter().enumerate().position(|(i, e)| {
                    !used_governing[i]
                        && e.kind == EventKind::Happened
                        && e.date == value
                        && e.date.modifier == modifier
                        && e.sources[0].date_text.as_deref().is_some_and(same_words)
                });
                if let Some(i) = governs {
                    used_governing[i] = true;
                    dated += 1;
                    evidenced += 1;
                    continue;
                }
                let want = match modifier {
                    Some(m) => format!("{value} {m}"),
                    None => value.to_string(),
                };
                if evs.iter().any(|e| {
                    e.sources[0]
                        .evidence
                        .iter()
                        .any(|x| x.value.with_mod().to_string() == want && same_words(&x.text))
                }) {
                    evidenced += 1;
                }
            }
        }
        let pct = |n: usize| 100.0 * n as f64 / planted.max(1) as f64;
        println!(
            "truth: {planted} planted date expressions; {dated} ({:.1}%) became events dated by them with the right value; {evidenced} ({:.1}%) are in an event's date evidence with the right value",
            pct(dated),
            pct(evidenced)
        );
    }
}
