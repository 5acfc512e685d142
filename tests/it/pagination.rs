//! Actor and tag pages hold at most `paginate_by` events each, the rest on
//! `page/2/`, `page/3/`, linked both ways (issue 22).

use crate::common::*;

const VISITS: &str = "---\ntitle: Visits\ndate: 2025-03-01\ntags: [diplomacy]\n---\n\n\
On January 6, 2025, Russian President Vladimir Putin flew to Minsk for talks on gas prices.\n\n\
On January 13, 2025, Vladimir Putin signed a trade agreement with Kazakhstan in Astana.\n\n\
Vladimir Putin met Iran's supreme leader in Tehran on January 20, 2025.\n\n\
On January 27, 2025, Putin opened a new rail link to Beijing.\n\n\
Putin announced on February 3, 2025 that Russia would build a port in Hanoi.\n";

#[test]
fn an_actor_with_more_events_than_paginate_by_gets_linked_pages() {
    let s = site(&[
        ("dateline.yaml", "paginate_by: 2\n"),
        ("content/visits.md", VISITS),
    ]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Five timeline events, two a page. (The sentences' other words,
    // "talks", "agreement", "build", are mere mentions, in events.json
    // only: see actor_pages.rs.)
    let first = read(s.path(), "public/actors/vladimir-putin/index.html");
    let second = read(s.path(), "public/actors/vladimir-putin/page/2/index.html");
    let third = read(s.path(), "public/actors/vladimir-putin/page/3/index.html");
    assert!(
        !s.path()
            .join("public/actors/vladimir-putin/page/4")
            .exists()
    );
    let listed = |html: &str| html.matches("<li id=\"event-").count();
    assert_eq!((listed(&first), listed(&second), listed(&third)), (2, 2, 1));
    assert!(first.contains("Minsk") && !first.contains("a port"));
    assert!(third.contains("a port"));
    assert!(
        first.contains(r#"rel="next" href="/actors/vladimir-putin/page/2/""#),
        "{first}"
    );
    assert!(
        second.contains(r#"rel="prev" href="/actors/vladimir-putin/""#),
        "{second}"
    );
    assert!(second.contains(r#"rel="next" href="/actors/vladimir-putin/page/3/""#));
    assert!(!third.contains(r#"rel="next""#));
    assert!(read(s.path(), "public/sitemap.xml").contains("actors/vladimir-putin/page/3/"));
    let tag = read(s.path(), "public/tags/diplomacy/page/2/index.html");
    assert!(tag.contains("supreme leader"), "{tag}");
}

#[test]
fn a_small_group_has_one_page_and_no_pagination() {
    let s = site(&[("content/visits.md", VISITS)]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(s.path(), "public/actors/vladimir-putin/index.html");
    assert!(!page.contains("class=\"pagination\""));
    assert!(!s.path().join("public/actors/vladimir-putin/page").exists());
}

#[test]
fn paginate_by_zero_is_an_error_naming_the_key() {
    let s = site(&[
        ("dateline.yaml", "title: T\npaginate_by: 0\n"),
        ("content/visits.md", VISITS),
    ]);
    let out = dateline(s.path(), &["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("dateline.yaml:2") && err.contains("paginate_by"),
        "{err}"
    );
}
