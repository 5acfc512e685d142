//! The entity-timeline floor on SemEval-2015 Task 4 (issue 21): the trial
//! corpus (30 Wikinews articles on Apple, 6 gold timelines) is turned into a
//! site by ../shared/tools/semeval_timeline.py, built, and its events.json
//! turned into one timeline per target entity (through each source's
//! trigger) and scored with the task's temporal-awareness metric. The floor
//! ratchets: raise it when the F1 rises. Ignored, with the reason, when
//! ../shared is not beside the repository.

use crate::common::repo_root;
use std::path::PathBuf;
use std::process::Command;

/// Trial F1 (task anchors, `run` defaults) when this floor was set.
/// Lowered from 30.81 (30.75 on main before) by issue 20's rule that a name
/// after a preposition is never a clause's subject: the trial's gold counts
/// an entity in any role ("Those of us who ... work with Steve have lost a
/// friend" is on Steve Jobs's timeline), and a headline must not make it
/// the doer. 30.32 once a date of a trailing subordinate clause no longer
/// dates the main one; 30.49 once a headline opening on a preposition or
/// a name's relative clause is no statement; 30.65 once a headline too
/// long for its clause may end before a coordinated object ("released a new
/// lineup of laptops | and the 2011 version of its software").
const MEASURED_F1: f64 = 30.65;
/// Room for a relation or two either way.
const MARGIN: f64 = 0.3;

#[test]
#[cfg_attr(
    not(shared_corpora),
    ignore = "needs ../shared (the SemEval-2015 trial corpus and tools) beside the repository"
)]
fn semeval_trial_timelines_hold_the_f1_floor() {
    let shared = std::env::var_os("DATELINE_SHARED")
        .map_or_else(|| repo_root().join("../shared"), PathBuf::from);
    let trial = shared.join("corpora/semeval15-timeline/trial");
    let work = tempfile::tempdir().unwrap();
    let out = Command::new("python3")
        .arg(shared.join("tools/semeval_timeline.py"))
        .arg("run")
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .arg(trial.join("corpus_trackA_CAT"))
        .arg(trial.join("TimeLines_Gold_Standard"))
        .arg(trial.join("list_target_entities_corpus_0.txt"))
        .arg("--keep")
        .arg(work.path().join("run"))
        .output()
        .expect("python3");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "semeval_timeline.py run failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The last line: "F1 <f1> P <p> R <r>".
    let last = stdout.lines().last().unwrap_or_default();
    let fields: Vec<&str> = last.split_whitespace().collect();
    assert_eq!(fields.first(), Some(&"F1"), "unexpected output: {last}");
    let f1: f64 = fields[1].parse().unwrap();
    eprintln!(
        "SemEval-2015 trial: {last} (floor F1 {:.2})",
        MEASURED_F1 - MARGIN
    );
    assert!(
        f1 >= MEASURED_F1 - MARGIN,
        "trial F1 {f1:.2} fell below {:.2}",
        MEASURED_F1 - MARGIN
    );
}
