//! Scores the tagger on the TempEval-3 training corpus (TimeBank + AQUAINT)
//! with the shared scorer and fails below the scores already reached. Raise
//! the thresholds whenever the tagger improves.
//!
//! Needs python3 and ../shared (ignored, with the reason, when ../shared is absent).

use crate::common::shared;
use chrono::NaiveDate;
use dateline::temporal::Tagger;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Measured value/strict/relaxed F1 minus ~0.3 points.
const MIN_VALUE_F1: f64 = 80.7;
const MIN_STRICT_F1: f64 = 87.8;
const MIN_RELAXED_F1: f64 = 93.9;

fn tag_dir(txt: &Path, out: &Path) {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(txt)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    docs.sort();
    let tagger = Tagger::default();
    docs.par_iter().for_each(|p| {
        let text = std::fs::read_to_string(p).unwrap();
        let dct = std::fs::read_to_string(p.with_extension("dct")).unwrap();
        let dct = NaiveDate::parse_from_str(dct.trim(), "%Y-%m-%d").unwrap();
        let found = tagger.tag(&text, dct);
        let stem = p.file_stem().unwrap().to_string_lossy();
        let json = serde_json::to_string(&found).unwrap();
        std::fs::write(out.join(format!("{stem}.json")), json).unwrap();
    });
}

#[test]
#[cfg_attr(
    not(shared_corpora),
    ignore = "needs ../shared (the TempEval-3 corpus and scorer) beside the repository"
)]
fn scores_at_least_the_recorded_f1_on_tempeval3_train() {
    let shared = shared();
    let gold = shared.join("corpora/tempeval3-train");
    let tools = shared.join("tools");
    let tmp = tempfile::tempdir().unwrap();
    let txt = tmp.path().join("txt");
    let sys = tmp.path().join("sys");
    std::fs::create_dir_all(&sys).unwrap();
    let st = Command::new("python3")
        .arg(tools.join("tml_to_text.py"))
        .arg(&gold)
        .arg(&txt)
        .output()
        .expect("python3 runs");
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    tag_dir(&txt, &sys);
    let report = tmp.path().join("score.json");
    let out = Command::new("python3")
        .arg(tools.join("timex_score.py"))
        .arg(&gold)
        .arg(&sys)
        .arg("--json")
        .arg(&report)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{}", String::from_utf8_lossy(&out.stdout));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let value = v["value_F1"].as_f64().unwrap() * 100.0;
    let strict = v["strict"]["F1"].as_f64().unwrap() * 100.0;
    let relaxed = v["relaxed"]["F1"].as_f64().unwrap() * 100.0;
    assert!(
        value >= MIN_VALUE_F1,
        "value F1 {value:.2} < {MIN_VALUE_F1}"
    );
    assert!(
        strict >= MIN_STRICT_F1,
        "strict F1 {strict:.2} < {MIN_STRICT_F1}"
    );
    assert!(
        relaxed >= MIN_RELAXED_F1,
        "relaxed F1 {relaxed:.2} < {MIN_RELAXED_F1}"
    );
    assert!(
        v["problems"].as_object().unwrap().is_empty(),
        "scorer problems: {}",
        v["problems"]
    );
}
