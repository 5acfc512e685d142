//! The event-quality floors on whole real stories (issue 20): each Timeline17
//! development story is turned into a site (../shared/tools/t17_to_content.py),
//! built, and its events.json audited by ../shared/tools/event_audit.py (the
//! share of events with a mechanical sign of junk: clock times as years,
//! wire stamps, forecasts years ahead, fragment headlines, furniture repeated
//! across articles) and scored by scripts/event-recall.py (the share of the
//! journalists' gold days that keep an event). Ignored, with the reason,
//! when ../shared is not beside the repository.

use crate::common::{dateline, repo_root, stderr};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

/// Per story: its raw T17 folders (by prefix), the audit's junk share when
/// this floor was set (Finan's fell from 0.0018 to 0.0003 when its reader
/// comments stopped giving events), and the gold-day recall of main before issue 20's
/// changes (at 90b2d92), which may fall by at most [`RECALL_FALL`].
const STORIES: &[(&str, &str, f64, f64)] = &[
    ("bpoil", "bpoil_", 0.0015, 0.9746),
    ("egypt", "EgyptianProtest_", 0.0015, 1.0),
    ("finan", "Finan_", 0.0003, 0.8462),
    ("h1n1", "H1N1_", 0.0006, 0.9048),
    ("mj", "MJ_", 0.0002, 0.9737),
    ("syria", "SyrianCrisis_", 0.0010, 0.9186),
];
/// Room for a handful of events either way on a story of thousands.
const JUNK_MARGIN: f64 = 0.002;
/// The share of the baseline recall a story may lose (issue 20: 5%).
const RECALL_FALL: f64 = 0.05;
/// The most pairs of split names (the audit's `split_names`: among a
/// story's 100 most named actors, one name a proper part of another,
/// "Assad" / "Bashar Assad") over the six stories; it ratchets down (issue
/// 20 asks for 90% fewer than the 54 of 4287b82; 15 after the split-name
/// fixes, 12 since bodies fold by their one-word names and company forms;
/// 13 since an acronym no longer folds into a kind of body: 12 counted
/// "UN" shown as "UN Office", a wrong fold that hid the pair "UN" / "UN
/// Security Council", which the audit counts though they are two bodies;
/// 17 since names ending in a kind of body are bodies: "Arab League" was
/// read as a person, so the junk lone word "Arab" folded into it, and a
/// "he" could stand for it; its pairs "Arab" / "Arab League" and "Arab" /
/// "Arab Gulf" now show, and other bodies and people enter the top 100 as
/// wrong actors leave it: "UN Human Rights Council", "Free Syrian Army" /
/// "Syrian Army", "Federal Reserve Bank", "Gulf Coast", "Other Cairo";
/// 18 when the BOP maker "Cameron International" entered it beside David
/// and James Cameron as headlines that are no statements left; 19 when
/// shouted words and datelines stopped being actors (all-capital actors 323
/// -> 233) and the wrong "UN Activists", a BBC heading run into its first
/// sentence, entered Syria's top 100 beside "UN"; 18 since reader comments
/// and roundups' paragraphs on other stories give no events: bpoil 5 -> 4;
/// 17 since "Secretary of State Hillary Clinton" names Hillary Clinton, not
/// "State Hillary": Syria 9 -> 8; 14 since "Other", "More" and "Oh" open no
/// name: "Other Cairo", "Oh Obama" gone, egypt 2 -> 1, finan 3 -> 1; 13
/// since a blog comment's "At 13:44 ..., NAME wrote:" opens the comments:
/// bpoil 4 -> 3).
const SPLIT_NAMES_CEILING: u64 = 13;

fn python(args: &[OsString]) -> std::process::Output {
    let out = Command::new("python3")
        .args(args)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "python3 {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
#[cfg_attr(
    not(shared_corpora),
    ignore = "needs ../shared (the T17 corpus and tools) beside the repository"
)]
fn t17_stories_hold_the_event_audit_and_recall_floors() {
    // $DATELINE_SHARED, as the scripts read it, or ../shared.
    let shared = std::env::var_os("DATELINE_SHARED")
        .map_or_else(|| repo_root().join("../shared"), PathBuf::from);
    let raw = shared.join("corpora/tls/t17/raw");
    let gold = shared.join("corpora/tls/t17/gold");
    let work = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut split_names = 0;
    for &(story, prefix, junk_floor, baseline_recall) in STORIES {
        let recall_floor = baseline_recall * (1.0 - RECALL_FALL);
        let site = work.path().join(story);
        let mut dirs: Vec<_> = std::fs::read_dir(&raw)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
            })
            .collect();
        dirs.sort();
        let mut args: Vec<OsString> = vec![shared.join("tools/t17_to_content.py").into()];
        args.extend(dirs.iter().map(|d| d.clone().into_os_string()));
        args.extend([
            "--gold-root".into(),
            gold.clone().into(),
            "--out".into(),
            site.clone().into(),
        ]);
        python(&args);
        let built = dateline(&site, &["build", "--no-cache"]);
        assert!(built.status.success(), "{story}: {}", stderr(&built));
        let events = site.join("public/events.json");
        let audit_json = work.path().join(format!("{story}.audit.json"));
        python(&[
            shared.join("tools/event_audit.py").into(),
            events.clone().into(),
            "--json".into(),
            audit_json.clone().into(),
        ]);
        let audit: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&audit_json).unwrap()).unwrap();
        let recall_json = work.path().join(format!("{story}.recall.json"));
        let recall_out = python(&[
            repo_root().join("scripts/event-recall.py").into(),
            format!("{story}={}", events.display()).into(),
            "--json".into(),
            recall_json.clone().into(),
        ]);
        let recall: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&recall_json).unwrap()).unwrap();
        let junk = audit["junk_rate"].as_f64().unwrap();
        let outlets = audit["outlet_actors"].as_array().unwrap().len();
        split_names += audit["split_names"].as_u64().unwrap();
        let r = recall["stories"][story]["recall"].as_f64().unwrap();
        eprintln!(
            "{story}: junk {junk:.4} (floor {:.4}), outlet actors {outlets}, recall {r:.4} (floor {:.4}); {}",
            junk_floor + JUNK_MARGIN,
            recall_floor,
            String::from_utf8_lossy(&recall_out.stdout).trim()
        );
        if junk > junk_floor + JUNK_MARGIN {
            failures.push(format!(
                "{story}: audit junk share {junk:.4} over {:.4}",
                junk_floor + JUNK_MARGIN
            ));
        }
        if outlets > 0 {
            failures.push(format!(
                "{story}: outlets as actors: {}",
                audit["outlet_actors"]
            ));
        }
        if r < recall_floor {
            failures.push(format!(
                "{story}: gold-day recall {r:.4} under {recall_floor:.4}"
            ));
        }
    }
    if split_names > SPLIT_NAMES_CEILING {
        failures.push(format!(
            "split names over the six stories: {split_names}, ceiling {SPLIT_NAMES_CEILING}"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
