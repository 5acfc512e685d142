//! Page budgets on a generated archive (issue 22): no HTML page over 1 MB
//! or 500 event cards, and the front page under 300 KB.
//!
//! The corpus is 2,000 articles from ../shared/bench/make_corpus.py, not
//! 10,000, to keep the suite's run time down; the budgets hold at 10,000
//! because almost no page grows with the site. The front page of a site this
//! size is the key days, at most 50 of them (`key_dates`); archive, actor
//! and tag pages hold at most `paginate_by` (100) events; an article page
//! holds one article's events; the archive index has a line per month of
//! the span the articles cover; the actor and tag indexes list the 100
//! most frequent names and 500 names a page A to Z (before, the actor
//! index was a line per name: 95 KB at 10,000 generated articles, 143 KB
//! on the 654-article Syria story). (Measured by hand at 10,000 articles:
//! see the commit that added this test.)

use crate::common::*;
use std::process::Command;

const MAX_PAGE: u64 = 1_000_000;
const MAX_CARDS: usize = 500;
const MAX_FRONT: u64 = 300_000;

#[test]
#[cfg_attr(
    not(shared_corpora),
    ignore = "needs ../shared (bench/make_corpus.py) beside the repository"
)]
fn a_2000_article_site_keeps_every_page_within_the_budgets() {
    let dir = tempfile::tempdir().unwrap();
    let made = Command::new("python3")
        .arg(shared().join("bench/make_corpus.py"))
        .args(["--articles", "2000", "--flavor", "plain", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", stderr(&made));
    let out = dateline(dir.path(), &["build", "--no-cache"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let front = std::fs::metadata(public.join("index.html")).unwrap().len();
    assert!(front < MAX_FRONT, "index.html is {front} bytes");
    let mut pages = 0;
    let (mut largest, mut most_cards) = ((0, String::new()), (0, String::new()));
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let name = entry
            .path()
            .strip_prefix(&public)
            .unwrap()
            .display()
            .to_string();
        let cards = html.matches("<article class=\"event").count();
        if html.len() > largest.0 {
            largest = (html.len(), name.clone());
        }
        if cards > most_cards.0 {
            most_cards = (cards, name);
        }
    }
    assert!(pages > 2000, "only {pages} pages");
    assert!(
        largest.0 as u64 <= MAX_PAGE,
        "{} is {} bytes",
        largest.1,
        largest.0
    );
    assert!(
        most_cards.0 <= MAX_CARDS,
        "{} has {} cards",
        most_cards.1,
        most_cards.0
    );
    // The archive holds the events the front page no longer does.
    assert!(public.join("archive/index.html").is_file());
}
