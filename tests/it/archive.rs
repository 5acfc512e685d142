//! The archive: every event on pages by time (a page per year, or per month
//! in a busy year, each continued on `page/2/` past `paginate_by`), linked
//! in reading order, with a year index; events dated only to a year, a
//! quarter or a season sit under that period's heading (issue 22).

use crate::common::*;

/// Curated events: two in January 2024, one in February, one dated only to
/// 2024, one to its second quarter, and one in 2023.
const REPORT: &str = concat!(
    "---\ntitle: Council report\ndate: 2024-03-01\nevents:\n",
    "  - date: 2024-01-05\n    title: The council met on the budget\n",
    "  - date: 2024-01-20\n    title: The mayor resigned\n",
    "  - date: 2024-02-03\n    title: A new mayor was elected\n",
    "  - date: 2024\n    title: The year of the new bridge\n",
    "  - date: 2024-Q2\n    title: Roadworks in the second quarter\n",
    "  - date: 2023-06-01\n    title: The old bridge closed\n",
    "---\n\nThe council published its report.\n",
);

fn build(files: &[(&str, &str)]) -> tempfile::TempDir {
    let s = site(files);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    s
}

/// The headings of an archive page, in order.
fn headings(html: &str) -> Vec<String> {
    html.split("<h3 class=\"month-heading\"")
        .skip(1)
        .map(|h| h[h.find('>').unwrap() + 1..h.find("</h3>").unwrap()].to_string())
        .collect()
}

#[test]
fn a_quiet_year_is_one_archive_page_with_coarse_dates_under_their_own_headings() {
    let s = build(&[("content/report.md", REPORT)]);
    let year = read(s.path(), "public/archive/2024/index.html");
    assert_eq!(
        headings(&year),
        [
            "2024, no closer date",
            "January 2024",
            "February 2024",
            "Q2 2024"
        ]
    );
    let january = year.find("January 2024").unwrap();
    assert!(year.find("The year of the new bridge").unwrap() < january);
    assert!(!s.path().join("public/archive/2024/01").exists());
    assert!(read(s.path(), "public/archive/2023/index.html").contains("The old bridge closed"));
}

#[test]
fn a_busy_year_gets_a_page_per_month_and_keeps_its_coarse_events_on_the_year_page() {
    let s = build(&[
        ("dateline.yaml", "paginate_by: 2\n"),
        ("content/report.md", REPORT),
    ]);
    let year = read(s.path(), "public/archive/2024/index.html");
    let january = read(s.path(), "public/archive/2024/01/index.html");
    let february = read(s.path(), "public/archive/2024/02/index.html");
    assert_eq!(headings(&year), ["2024, no closer date", "Q2 2024"]);
    assert!(
        year.contains(r#"<a href="/archive/2024/01/">January 2024</a>"#),
        "{year}"
    );
    assert!(january.contains("The mayor resigned") && !january.contains("new bridge"));
    assert!(february.contains("A new mayor was elected"));
    // Reading order: 2023, 2024, January, February.
    assert!(
        year.contains(r#"rel="prev" href="/archive/2023/""#),
        "{year}"
    );
    assert!(year.contains(r#"rel="next" href="/archive/2024/01/""#));
    assert!(january.contains(r#"rel="next" href="/archive/2024/02/""#));
    assert!(!february.contains(r#"rel="next""#));
    let index = read(s.path(), "public/archive/index.html");
    for link in ["/archive/2023/", "/archive/2024/", "/archive/2024/02/"] {
        assert!(
            index.contains(&format!("href=\"{link}\"")),
            "{link}: {index}"
        );
    }
    assert!(read(s.path(), "public/sitemap.xml").contains("archive/2024/02/"));
}

#[test]
fn a_month_with_more_events_than_paginate_by_continues_on_page_2() {
    let s = build(&[
        ("dateline.yaml", "paginate_by: 1\n"),
        ("content/report.md", REPORT),
    ]);
    let first = read(s.path(), "public/archive/2024/01/index.html");
    let second = read(s.path(), "public/archive/2024/01/page/2/index.html");
    assert!(first.contains("The council met") && !first.contains("The mayor resigned"));
    assert!(second.contains("The mayor resigned"));
    assert!(first.contains(r#"rel="next" href="/archive/2024/01/page/2/""#));
    assert!(second.contains("January 2024, page 2 of 2"));
    assert!(second.contains(r#"rel="next" href="/archive/2024/02/""#));
}

#[test]
fn every_event_of_the_example_site_is_in_the_archive_once() {
    let out = tempfile::tempdir().unwrap();
    let o = dateline(
        &repo_root(),
        &["build", "--no-cache", "-o", out.path().to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let cards = |html: &str| html.matches("<article class=\"event").count();
    let archived: usize = walkdir::WalkDir::new(out.path().join("archive"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .map(|e| cards(&std::fs::read_to_string(e.path()).unwrap()))
        .sum();
    assert_eq!(archived, cards(&index));
    assert!(archived > 0);
}

/// An article of March 2024 about a bridge built in 1150, rebuilt in 2023
/// and to be replaced in 2031.
const BRIDGE: &str = concat!(
    "---\ntitle: The old bridge\ndate: 2024-03-01\nevents:\n",
    "  - date: 1150\n    title: Monks built the first bridge\n",
    "  - date: 2023-06-01\n    title: The old bridge closed\n",
    "  - date: 2024-02-03\n    title: The council chose a design\n",
    "  - date: 2031\n    title: The new bridge is due to open\n",
    "---\n\nThe council published its report.\n",
);

#[test]
fn events_far_outside_the_articles_span_are_background_not_on_the_axis() {
    let s = build(&[("content/bridge.md", BRIDGE)]);
    let index = read(s.path(), "public/index.html");
    let svg = &index[index.find("<svg").unwrap()..index.find("</svg>").unwrap()];
    assert!(!svg.contains("1150") && !svg.contains("2031"), "{svg}");
    assert!(svg.contains("2023") && svg.contains("2024"), "{svg}");
    let background = index
        .find(r#"<h2 id="background">Background</h2>"#)
        .unwrap();
    let monks = index.find("Monks built the first bridge").unwrap();
    let first_year = index.find(r#"<h2 id="y-2023">"#).unwrap();
    assert!(background < monks && monks < first_year);
    let later = index.find(r#"<h2 id="later">Later</h2>"#).unwrap();
    assert!(later < index.find("The new bridge is due to open").unwrap());
    assert!(!s.path().join("public/archive/1150").exists());
    assert!(
        read(s.path(), "public/archive/background/index.html")
            .contains("Monks built the first bridge")
    );
    assert!(read(s.path(), "public/archive/later/index.html").contains("The new bridge is due"));
    let archive = read(s.path(), "public/archive/index.html");
    assert!(
        archive.contains(r#"<a href="/archive/background/">Background</a>"#),
        "{archive}"
    );
    // The year before the first article is the story's, not background.
    assert!(read(s.path(), "public/archive/2023/index.html").contains("The old bridge closed"));
}
