//! The site pipeline end to end: fixture sites built by the binary, pages
//! asserted whole (insta) and in parts, and the example site's links checked.

use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn builds_a_site_without_config_templates_or_static_using_the_embedded_theme() {
    let s = site(&[("content/talks.md", GOOD_ARTICLE)]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Built 1 article, 1 event, 12 pages in "),
        "{}",
        stdout(&out)
    );
    for page in [
        "public/index.html",
        "public/articles/talks/index.html",
        "public/404.html",
        "public/style.css",
    ] {
        assert!(s.path().join(page).is_file(), "missing {page}");
    }
}

#[test]
fn timeline_and_article_pages_render_whole() {
    let s = site(&[
        (
            "dateline.yaml",
            "title: Test timeline\ndescription: A fixture\n",
        ),
        ("content/talks.md", GOOD_ARTICLE),
        (
            "content/older.md",
            "---\ntitle: Early report\ndate: 2024-12-01\nevents:\n  - date: 2024-11\n    mod: END\n    title: Late November talks\n---\nText.\n",
        ),
    ]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    insta::assert_snapshot!("fixture_index", read(s.path(), "public/index.html"));
    insta::assert_snapshot!(
        "fixture_article",
        read(s.path(), "public/articles/talks/index.html")
    );
}

#[test]
fn events_are_in_date_order_grouped_by_year_and_month() {
    let s = site(&[
        (
            "content/b.md",
            "---\ntitle: B\ndate: 2025-03-01\nevents:\n  - {date: 2025-02-07, title: Second}\n  - {date: 2024-05, title: First}\n---\n",
        ),
        (
            "content/a.md",
            "---\ntitle: A\ndate: 2025-03-01\nevents:\n  - {date: 2025-02-20, title: Third}\n---\n",
        ),
    ]);
    assert!(dateline(s.path(), &["build"]).status.success());
    let html = read(s.path(), "public/index.html");
    let pos = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    assert!(pos(">First<") < pos(">Second<") && pos(">Second<") < pos(">Third<"));
    assert!(
        pos("id=\"y-2024\"") < pos("id=\"m-2024-05\"")
            && pos("id=\"m-2024-05\"") < pos("id=\"y-2025\"")
    );
}

#[test]
fn a_site_template_overrides_the_built_in_one() {
    let s = site(&[
        ("content/talks.md", GOOD_ARTICLE),
        ("templates/404.html", "custom 404 for {{ site.title }}"),
    ]);
    assert!(dateline(s.path(), &["build"]).status.success());
    assert_eq!(read(s.path(), "public/404.html"), "custom 404 for Timeline");
}

#[test]
fn static_files_are_copied_verbatim() {
    let s = site(&[("content/talks.md", GOOD_ARTICLE)]);
    write(s.path(), "static/img/logo.bin", &[0, 159, 146, 150]);
    assert!(dateline(s.path(), &["build"]).status.success());
    assert_eq!(
        std::fs::read(s.path().join("public/img/logo.bin")).unwrap(),
        vec![0, 159, 146, 150]
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let draft = "---\ntitle: Draft\ndate: 2025-01-01\ndraft: true\n---\n";
    let s = site(&[
        ("content/talks.md", GOOD_ARTICLE),
        ("content/draft.md", draft),
    ]);
    assert!(dateline(s.path(), &["build"]).status.success());
    assert!(!s.path().join("public/articles/draft").exists());
    assert!(dateline(s.path(), &["build", "--drafts"]).status.success());
    assert!(s.path().join("public/articles/draft/index.html").exists());
}

#[test]
fn base_url_prefixes_every_internal_link() {
    let s = site(&[("content/talks.md", GOOD_ARTICLE)]);
    assert!(
        dateline(s.path(), &["build", "--base-url", "https://example.org/tl"])
            .status
            .success()
    );
    let html = read(s.path(), "public/index.html");
    assert!(html.contains("href=\"https://example.org/tl/style.css\""));
    assert!(html.contains("href=\"https://example.org/tl/articles/talks/\""));
}

#[test]
fn output_option_writes_elsewhere() {
    let s = site(&[("content/talks.md", GOOD_ARTICLE)]);
    let out_dir = s.path().join("elsewhere/site");
    let out = dateline(s.path(), &["build", "--output", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out_dir.join("index.html").is_file());
    assert!(!s.path().join("public").exists());
}

#[test]
fn check_validates_without_writing() {
    let s = site(&[("content/talks.md", GOOD_ARTICLE)]);
    let out = dateline(s.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("no problems found"));
    assert!(!s.path().join("public").exists());
}

/// Every `href` and `src` in the built example that points into the site
/// must name a file that exists.
#[test]
fn every_internal_link_and_asset_in_the_example_site_resolves() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = dateline(
        &repo_root(),
        &["build", "--output", out_dir.path().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let files = tree(out_dir.path());
    assert!(files.len() >= 7, "too few files: {}", files.len());
    let link = regex::Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap();
    let ids = regex::Regex::new(r#"\sid="([^"]+)""#).unwrap();
    let mut checked = 0;
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
    {
        let html = String::from_utf8_lossy(bytes);
        for cap in link.captures_iter(&html) {
            let target = &cap[1];
            if target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with("mailto:")
                || target.starts_with("data:")
            {
                continue;
            }
            let (file_part, fragment) = target.split_once('#').unwrap_or((target, ""));
            // A query (`/?actor=…`) selects a view of the page it names.
            let file_part = file_part.split_once('?').map_or(file_part, |(f, _)| f);
            let resolved = if file_part.is_empty() {
                path.clone()
            } else {
                let rel = file_part
                    .strip_prefix('/')
                    .unwrap_or_else(|| panic!("{}: relative link {target}", path.display()));
                let p = Path::new(rel);
                if rel.is_empty() || rel.ends_with('/') {
                    p.join("index.html")
                } else {
                    p.to_path_buf()
                }
            };
            let target_file = out_dir.path().join(&resolved);
            assert!(
                target_file.is_file(),
                "{}: link {target} -> {} missing",
                path.display(),
                resolved.display()
            );
            if !fragment.is_empty() && resolved.extension().is_some_and(|e| e == "html") {
                let text = std::fs::read_to_string(&target_file).unwrap();
                let anchors: BTreeSet<_> =
                    ids.captures_iter(&text).map(|c| c[1].to_string()).collect();
                assert!(
                    anchors.contains(fragment),
                    "{}: link {target}: no id {fragment}",
                    path.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} links checked");
}

#[test]
fn the_example_site_shows_the_seed_articles_events() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = dateline(
        &repo_root(),
        &["build", "--output", out_dir.path().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(out_dir.path().join("index.html")).unwrap();
    for label in ["Sat 18 Jan 2025", "Tue 28 Jan 2025", "Fri 7 Feb 2025"] {
        assert!(html.contains(label), "missing {label}");
    }
}

/// Issue 5: the article page marks every date the tagger found as
/// `<time datetime>` at its own precision, and links those that made an
/// event to the event on the timeline.
#[test]
fn the_example_article_marks_its_dates_and_links_them_to_their_events() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = dateline(
        &repo_root(),
        &["build", "--output", out_dir.path().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(
        out_dir
            .path()
            .join("articles/2025-02-09-trump-says-he-has-spoken-to-putin/index.html"),
    )
    .unwrap();
    let index = std::fs::read_to_string(out_dir.path().join("index.html")).unwrap();
    let body = &page[page.find("article-body").unwrap()..page.find("article-events").unwrap()];
    let linked = regex::Regex::new(
        r#"<a class="event-link" href="/#event-([0-9a-f]+)"><time datetime="([^"]+)">([^<]+)</time></a>"#,
    )
    .unwrap();
    let links: Vec<(String, String, String)> = linked
        .captures_iter(body)
        .map(|c| (c[1].to_string(), c[2].to_string(), c[3].to_string()))
        .collect();
    let find = |words: &str| links.iter().find(|(_, _, w)| w == words);
    for (words, datetime) in [
        ("January 28", "2025-01-28"),
        ("Friday", "2025-02-07"),
        ("last week", "2025-W05"),
    ] {
        let (id, dt, _) = find(words).unwrap_or_else(|| panic!("{words} not linked: {links:?}"));
        assert_eq!(dt, datetime, "{words}");
        let card = format!(r#"id="event-{id}""#);
        assert!(index.contains(&card), "{words}: no {card} on the timeline");
    }
    // The photo caption's date, which the fireworks event also came from.
    let caption = &page[page.find("<figcaption>").unwrap()..page.find("</figcaption>").unwrap()];
    let (id, dt, _) = linked
        .captures_iter(caption)
        .map(|c| (c[1].to_string(), c[2].to_string(), c[3].to_string()))
        .find(|(_, _, w)| w == "January 18, 2025")
        .unwrap_or_else(|| panic!("caption date not linked: {caption}"));
    assert_eq!(dt, "2025-01-18");
    assert!(index.contains(&format!(r#"id="event-{id}""#)));
    // A date that made no event of its own is marked but not linked: a
    // comparison's start ("since early 2022") dates nothing.
    assert!(
        body.contains(r#"<time datetime="2022">early 2022</time>"#),
        "{body}"
    );
    assert!(
        body.contains(r#"<time datetime="2025-01">Late last month</time>, Putin"#),
        "{body}"
    );
}

/// axe-core's heading-order: actor and tag pages share the timeline's
/// outline (h1, year h2, month h3, event h4), so the embedded event cards
/// skip no level on either.
#[test]
fn listings_do_not_skip_heading_levels() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = dateline(
        &repo_root(),
        &["build", "--output", out_dir.path().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let heading = regex::Regex::new(r"<h([1-6])[\s>]").unwrap();
    let mut pages = 0;
    for (path, bytes) in tree(out_dir.path())
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
    {
        let html = String::from_utf8_lossy(bytes);
        let mut last = 0;
        for c in heading.captures_iter(&html) {
            let level: u32 = c[1].parse().unwrap();
            assert!(
                level <= last + 1,
                "{}: h{level} after h{last}",
                path.display()
            );
            last = level;
        }
        pages += 1;
    }
    assert!(pages > 10, "only {pages} pages");
    let actor = tree(out_dir.path())
        .into_iter()
        .find(|(p, _)| p.starts_with("actors") && p.components().count() == 3)
        .expect("an actor page");
    let html = String::from_utf8_lossy(&actor.1);
    assert!(html.contains("<h2 id=\"y-2025\">2025</h2>"), "{html}");
    // One line per event, linking to its card on the timeline.
    let brief = regex::Regex::new(r#"<ol class="brief-list">\s*<li id="event-([0-9a-f]+)"><time datetime="[^"]+" class="event-date precision-\w+">[^<]+</time> <a href="/#event-([0-9a-f]+)">"#).unwrap();
    let c = brief
        .captures(&html)
        .unwrap_or_else(|| panic!("no brief event line: {html}"));
    assert_eq!(&c[1], &c[2], "{html}");
    assert!(
        !html.contains("<article class=\"event"),
        "actor pages list no cards: {html}"
    );
}

#[test]
fn the_key_events_page_lists_the_most_named_days_and_links_them_into_the_timeline() {
    let article = |source: &str, date: &str, body: &str| {
        format!("---\ntitle: {source} report\ndate: {date}\nsource: {source}\n---\n\n{body}\n")
    };
    let storm = article(
        "Wire",
        "2025-03-04",
        "The storm hit the coast on March 3, 2025, and flooded the port.",
    );
    let reopened = article(
        "Herald",
        "2025-03-12",
        "The port reopened on Monday, a week after the storm hit the coast on March 3, 2025.",
    );
    let council = article(
        "Wire",
        "2025-03-14",
        "The council met on Thursday to discuss the budget.",
    );
    let s = site(&[
        ("dateline.yaml", "title: Test timeline\nkey_dates: 2\n"),
        ("content/storm.md", &storm),
        ("content/reopened.md", &reopened),
        ("content/council.md", &council),
    ]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let key = read(s.path(), "public/key/index.html");
    assert_eq!(key.matches("<li id=\"key-").count(), 2, "key_dates: 2");
    let storm_day = key
        .find("<li id=\"key-2025-03-03\">")
        .expect("the day both articles name is a key day");
    assert!(
        key[storm_day..].contains("named in 2 articles from 2 outlets (1 looking back)"),
        "{key}"
    );
    let timeline = read(s.path(), "public/index.html");
    let links: Vec<&str> = key
        .split("href=\"/#event-")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(!links.is_empty(), "{key}");
    for id in links {
        assert!(
            timeline.contains(&format!("id=\"event-{id}\"")),
            "event-{id} is not on the timeline"
        );
    }
    assert!(
        timeline.contains("href=\"/key/\""),
        "the timeline links to it"
    );
    insta::assert_snapshot!("fixture_key", key);
}
