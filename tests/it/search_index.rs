//! The archive search's static index (issue 22): small files under
//! search/ that a query loads piece by piece, built from the timeline.

use crate::common::*;
use serde_json::Value;

fn json(root: &std::path::Path, rel: &str) -> Value {
    serde_json::from_str(&read(root, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Event numbers from the gaps a shard stores them as.
fn ids(gaps: &Value) -> Vec<u64> {
    let mut last = 0;
    gaps.as_array()
        .unwrap()
        .iter()
        .map(|g| {
            last += g.as_u64().unwrap();
            last
        })
        .collect()
}

#[test]
fn a_word_an_actor_and_a_tag_each_lead_to_their_events_in_one_shard() {
    let s = site(&[
        ("content/a.md", GOOD_ARTICLE),
        (
            "content/report.md",
            concat!(
                "---\ntitle: Council report\ndate: 2025-03-01\nevents:\n",
                "  - date: 2025-01-05\n    title: The council met on the budget\n    actors: [Jane Doe]\n",
                "  - date: 2025-02-20\n    title: The mayor resigned in Geneva\n",
                "---\n\nThe council published its report.\n",
            ),
        ),
    ]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let root = s.path().join("public");
    let meta = json(&root, "search/meta.json");
    assert_eq!(meta["count"], 3);
    assert_eq!(
        meta["days"],
        serde_json::json!([["2025-01-05", "2025-02-20"]])
    );
    // Events in timeline order: the budget (0), Geneva envoys (1), mayor (2).
    let docs = json(&root, "search/docs/0.json");
    let headlines: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d[2].as_str().unwrap())
        .collect();
    assert_eq!(
        headlines,
        [
            "The council met on the budget",
            "Envoys meet in Geneva",
            "The mayor resigned in Geneva"
        ]
    );
    // Each document's path leads to its card.
    let path = docs[1][0].as_str().unwrap();
    let (page, id) = path.split_once('#').unwrap();
    assert!(read(&root, &format!("{page}index.html")).contains(&format!("id=\"{id}\"")));
    assert_eq!(ids(&json(&root, "search/w/ge.json")["geneva"]), [1, 2]);
    assert_eq!(ids(&json(&root, "search/w/bu.json")["budget"]), [0]);
    assert_eq!(ids(&json(&root, "search/a/ja.json")["jane-doe"]), [0, 1]);
    assert_eq!(ids(&json(&root, "search/t/di.json")["diplomacy"]), [1]);
    // The search page is linked from every page's menu.
    let search = read(&root, "search/index.html");
    assert!(search.contains("<form id=\"search\""));
    assert!(read(&root, "index.html").contains("<a href=\"/search/\">Search</a>"));
}
