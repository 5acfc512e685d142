//! The list of every article at `articles/`, newest first, paginated by
//! `paginate_by`: every article page is reachable from it whatever the front
//! page shows, and whether or not the article has events (issue 22).

use crate::common::*;

fn article(i: usize) -> String {
    format!(
        "---\ntitle: Report {i}\ndate: 2025-01-{:02}\n---\n\nNothing dated here.\n",
        i + 1
    )
}

#[test]
fn every_article_is_listed_newest_first_on_pages_of_paginate_by() {
    let texts: Vec<(String, String)> = (0..5)
        .map(|i| (format!("content/report-{i}.md"), article(i)))
        .collect();
    let mut files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    files.push(("dateline.yaml", "paginate_by: 2\nfront_page: key_dates\n"));
    let s = site(&files);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = [
        read(s.path(), "public/articles/index.html"),
        read(s.path(), "public/articles/page/2/index.html"),
        read(s.path(), "public/articles/page/3/index.html"),
    ];
    assert!(!s.path().join("public/articles/page/4").exists());
    let listed: Vec<usize> = pages
        .iter()
        .flat_map(|p| {
            p.match_indices("\">Report ")
                .map(|(at, m)| p[at + m.len()..].chars().next().unwrap())
                .map(|c| c.to_digit(10).unwrap() as usize)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(listed, vec![4, 3, 2, 1, 0], "newest first, each once");
    for i in 0..5 {
        let html = pages.concat();
        assert!(
            html.contains(&format!("href=\"/articles/report-{i}/\"")),
            "{html}"
        );
    }
    assert!(pages[0].contains(r#"rel="next" href="/articles/page/2/""#));
    assert!(pages[1].contains(r#"rel="prev" href="/articles/""#));
    assert!(pages[2].contains(r#"rel="prev" href="/articles/page/2/""#));
    let index = read(s.path(), "public/index.html");
    assert!(
        index.contains(r#"href="/articles/">Articles</a>"#),
        "{index}"
    );
}
