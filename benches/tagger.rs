//! Throughput of the tagger on prose: every NAME.txt of a directory (default:
//! the TempEval-3 training corpus converted with tml_to_text.py into a temp
//! dir), tagged per document with its NAME.dct, on one thread. Prints the
//! median MB/s of several passes, and a `dateline_mb_per_s=` line for scripts.
//!
//!   cargo bench --bench tagger [-- DIR] [--passes N]

use chrono::NaiveDate;
use dateline::temporal::Tagger;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn load(dir: &Path) -> Vec<(String, NaiveDate)> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("reading the corpus directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    docs.sort();
    docs.iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let dct = std::fs::read_to_string(p.with_extension("dct"))
                .ok()
                .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
                .unwrap_or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap());
            (text, dct)
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir: Option<PathBuf> = None;
    let mut passes = 7;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--passes" => passes = it.next().and_then(|s| s.parse().ok()).unwrap_or(7),
            "--bench" => {}
            s if !s.starts_with('-') => dir = Some(PathBuf::from(s)),
            _ => {}
        }
    }
    let _tmp;
    let dir = match dir {
        Some(d) => d,
        None => {
            let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
            let t = tempfile::tempdir().unwrap();
            let out = t.path().join("txt");
            let ok = Command::new("python3")
                .arg(shared.join("tools/tml_to_text.py"))
                .arg(shared.join("corpora/tempeval3-train"))
                .arg(&out)
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false);
            if !ok {
                eprintln!(
                    "skipping: could not convert the corpus under {}",
                    shared.display()
                );
                return;
            }
            _tmp = t;
            out
        }
    };
    let docs = load(&dir);
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let tagger = Tagger::default();
    let mut found = 0;
    for (t, d) in &docs {
        found += tagger.tag(t, *d).len();
    }
    let mut times = Vec::new();
    for _ in 0..passes {
        let start = Instant::now();
        let mut n = 0;
        for (t, d) in &docs {
            n += std::hint::black_box(tagger.tag(std::hint::black_box(t), *d)).len();
        }
        times.push(start.elapsed().as_secs_f64());
        assert_eq!(n, found);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = times[times.len() / 2];
    let mbps = bytes as f64 / 1e6 / median;
    println!(
        "dateline tagger: {} docs, {:.2} MB, {} expressions, median {:.1} ms over {} passes, {:.1} MB/s (one thread)",
        docs.len(),
        bytes as f64 / 1e6,
        found,
        median * 1e3,
        passes,
        mbps
    );
    println!("dateline_mb_per_s={mbps:.2}");
}
