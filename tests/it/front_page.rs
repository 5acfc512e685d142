//! The front page: the whole timeline for a small site, the key days for a
//! large one (more than 300 events), each linking to its place in the
//! archive; `front_page` overrides the choice (issue 22).

use crate::common::*;

/// An article with `n` curated events, one a day from 1 January 2024.
fn article_with_events(n: usize) -> String {
    let mut text = String::from("---\ntitle: Daily log\ndate: 2025-01-01\nevents:\n");
    for i in 0..n {
        let day =
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(i as u64);
        text.push_str(&format!(
            "  - date: {day}\n    title: Entry {i} of the log\n"
        ));
    }
    text.push_str("---\n\nThe log of the council.\n");
    text
}

fn front(files: &[(&str, &str)]) -> (tempfile::TempDir, String) {
    let s = site(files);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index = read(s.path(), "public/index.html");
    (s, index)
}

fn is_timeline(index: &str) -> bool {
    index.contains("<div id=\"timeline\">")
}

fn is_key_days(index: &str) -> bool {
    index.contains("class=\"key-days\"") || index.contains("No dated days were found")
}

#[test]
fn auto_keeps_the_timeline_up_to_300_events_and_shows_key_days_above() {
    let (_s, small) = front(&[("content/log.md", &article_with_events(300))]);
    assert!(is_timeline(&small) && !is_key_days(&small));
    let (_s, large) = front(&[("content/log.md", &article_with_events(301))]);
    assert!(is_key_days(&large) && !is_timeline(&large), "{large}");
    assert!(
        !large.contains("<article class=\"event"),
        "no cards: {large}"
    );
    assert!(large.contains(r#"href="/archive/">archive of every event</a>"#));
}

#[test]
fn front_page_timeline_and_key_dates_override_the_size_rule() {
    let (_s, index) = front(&[
        ("dateline.yaml", "front_page: timeline\n"),
        ("content/log.md", &article_with_events(301)),
    ]);
    assert!(is_timeline(&index));
    let (s, index) = front(&[
        ("dateline.yaml", "front_page: key_dates\n"),
        ("content/log.md", &article_with_events(3)),
    ]);
    assert!(is_key_days(&index) && !is_timeline(&index));
    // It names the stretch the articles cover, not the events' first and
    // last dates.
    assert!(
        index.contains("published 2025-01-01 to 2025-01-01"),
        "{index}"
    );
    // With no timeline on the front page, every link to an event goes to
    // its card in the archive.
    let article = read(s.path(), "public/articles/log/index.html");
    assert!(
        article.contains(r#"href="/archive/2024/#event-"#),
        "{article}"
    );
    assert!(!article.contains(r#"href="/#event-"#), "{article}");
    let archive = read(s.path(), "public/archive/2024/index.html");
    assert!(
        archive.contains(r#"<a href="/archive/2024/#event-"#),
        "{archive}"
    );
    assert!(read(s.path(), "public/events.csv").contains("/archive/2024/#event-"));
    assert!(read(s.path(), "public/key/index.html").contains("Browse the archive"));
}

#[test]
fn a_key_day_links_to_its_events_in_the_archive() {
    let s = site(&[
        ("dateline.yaml", "front_page: key_dates\n"),
        (
            "content/a.md",
            "---\ntitle: Talks\ndate: 2025-02-09\nsource: Wire\n---\n\nOn Friday, the leaders met in Geneva for talks on the border.\n",
        ),
        (
            "content/b.md",
            "---\ntitle: Talks end\ndate: 2025-02-10\nsource: Post\n---\n\nThe leaders met in Geneva on Friday, February 7, and agreed a ceasefire.\n",
        ),
    ]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index = read(s.path(), "public/index.html");
    assert!(index.contains(r#"<li id="key-2025-02-07">"#), "{index}");
    let day = &index[index.find(r#"<li id="key-2025-02-07">"#).unwrap()..];
    let day = &day[..day.find("</li>\n").map_or(day.len(), |i| i)];
    assert!(day.contains(r#"href="/archive/2025/#event-"#), "{day}");
}

#[test]
fn with_key_days_in_front_an_actor_page_links_to_the_search_filtered_to_it() {
    let s = site(&[
        ("dateline.yaml", "front_page: key_dates\n"),
        (
            "content/a.md",
            "---\ntitle: Talks\ndate: 2025-02-09\nsource: Wire\n---\n\nOn Friday, Vladimir Putin met Donald Trump in Geneva for talks on the border.\n",
        ),
    ]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(s.path(), "public/actors/vladimir-putin/index.html");
    assert!(
        page.contains(r#"href="/search/?actor=vladimir-putin""#),
        "{page}"
    );
    assert!(!page.contains(r#"href="/?actor="#), "{page}");
}

#[test]
fn the_example_site_keeps_its_timeline_on_the_front_page() {
    let out = tempfile::tempdir().unwrap();
    let o = dateline(
        &repo_root(),
        &["build", "--no-cache", "-o", out.path().to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(is_timeline(&index));
    assert_eq!(index.matches("<article class=\"event").count(), 7);
}
