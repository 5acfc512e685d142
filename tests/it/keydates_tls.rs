//! The key-dates floor on Timeline17 (issues 9 and 24): the cross-validated
//! date F1 of `dateline summarize` over the six development stories.
//! `scripts/eval-tls.py --cv` runs the binary on every task once (writing
//! each day's signal counts beside the summary), checks that its Python
//! ranking gives the binary's days exactly, chooses the constants of the
//! combined score on five stories and runs the binary on the sixth with
//! them. The grid search runs in Python over the counts, so the whole test
//! costs two binary runs per task. Ignored, with the reason, when ../shared
//! is not beside the repository.

use crate::common::repo_root;
use std::process::Command;

/// Cross-validated date F1 over the 15 tasks when this floor was set.
/// Lowered from 0.6004 by issue 20's actor rules (pronouns, prepositions,
/// transcripts), which change the candidates' actors and so their
/// corroboration counts: the in-sample F1 rose (0.6044 → 0.6089, h1n1
/// 0.8079 → 0.8302), but the grid search on five stories now picks other
/// constants for the bpoil and syria folds (CV 0.6118 → 0.5951 and 0.3289
/// → 0.2748). Raised to 0.5887 (in-sample unchanged at 0.6089), measured
/// on 155bdbc after the issue-20 rules of 1a968bc..155bdbc (which of them
/// moved it was not measured apart).
const MEASURED_CV_F1: f64 = 0.5887;
/// About one gold day of a 13-day task in the mean over 15 tasks.
const MARGIN: f64 = 0.005;

#[test]
#[cfg_attr(
    not(shared_corpora),
    ignore = "needs ../shared (the T17 corpus and tools) beside the repository"
)]
fn t17_cross_validated_date_f1_holds() {
    let work = tempfile::tempdir().unwrap();
    let figures = work.path().join("figures.json");
    let out = Command::new("python3")
        .arg(repo_root().join("scripts/eval-tls.py"))
        .arg("--cv")
        .arg("--work")
        .arg(work.path())
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .arg("--json")
        .arg(&figures)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "eval-tls.py --cv failed (a Python ranking that differs from the binary's fails it):\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&figures).unwrap()).unwrap();
    let tasks = result["cv"]["results"].as_array().unwrap().len();
    assert_eq!(tasks, 15, "every development task is held out once");
    let cv = result["cv"]["mean"]["F1"].as_f64().unwrap();
    let in_sample = result["in_sample"]["mean"]["F1"].as_f64().unwrap();
    eprintln!(
        "T17: cross-validated date F1 {cv:.4} (floor {:.4}), in-sample {in_sample:.4}",
        MEASURED_CV_F1 - MARGIN
    );
    assert!(
        cv >= MEASURED_CV_F1 - MARGIN,
        "cross-validated date F1 {cv:.4} fell below {:.4}",
        MEASURED_CV_F1 - MARGIN
    );
}
