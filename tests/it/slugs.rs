//! Actor and tag pages under their URL slugs (issue 23 items 3 and 9): names
//! that make the same slug each keep a page, long names get capped slugs,
//! and a slug that cannot be capped is reported by `check`.

use crate::common::*;
use std::path::Path;

/// The folders under `public/<kind>/`, sorted.
fn pages(root: &Path, kind: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root.join("public").join(kind))
        .unwrap()
        .map(Result::unwrap)
        // The index's own files (index.html, names.json) are no page of
        // a name.
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// The group page whose heading names `name`, among `kind`'s pages.
fn page_naming(root: &Path, kind: &str, name: &str) -> Vec<String> {
    pages(root, kind)
        .into_iter()
        .filter(|slug| {
            read(root, &format!("public/{kind}/{slug}/index.html"))
                .contains(&format!("<h1>{name}</h1>"))
        })
        .collect()
}

fn build(root: &Path, output: &str) {
    let output = root.join(output);
    let out = dateline(
        root,
        &["build", "--no-cache", "--output", output.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

const CLASHING_TAGS: &[(&str, &str)] = &[
    (
        "content/cpp.md",
        "---\ntitle: A\ndate: 2025-01-01\ntags: [C++]\nevents:\n  - {date: 2024-12-01, title: One}\n---\n",
    ),
    (
        "content/cs.md",
        "---\ntitle: B\ndate: 2025-01-02\ntags: [C#]\nevents:\n  - {date: 2024-12-02, title: Two}\n---\n",
    ),
    (
        "content/c.md",
        "---\ntitle: C\ndate: 2025-01-03\ntags: [c]\nevents:\n  - {date: 2024-12-03, title: Three}\n  - date: 2024-12-04\n    title: Four\n    actors: [DERAA, Deraa, Bashar Al Assad, Bashar Al-Assad]\n---\n",
    ),
];

#[test]
fn tags_that_make_the_same_slug_each_get_their_own_page() {
    let s = site(CLASHING_TAGS);
    build(s.path(), "public");
    // The name the slug spells most closely keeps it; the others add a hash
    // of their name.
    assert_eq!(page_naming(s.path(), "tags", "c"), ["c"]);
    for name in ["C++", "C#"] {
        let slugs = page_naming(s.path(), "tags", name);
        assert_eq!(slugs.len(), 1, "{name}: {slugs:?}");
        assert!(
            slugs[0].starts_with("c-") && slugs[0].len() == 8,
            "{slugs:?}"
        );
    }
    assert_eq!(pages(s.path(), "tags").len(), 3);
}

#[test]
fn actors_that_make_the_same_slug_each_get_their_own_page() {
    let s = site(CLASHING_TAGS);
    build(s.path(), "public");
    assert_eq!(page_naming(s.path(), "actors", "Deraa"), ["deraa"]);
    assert_eq!(
        page_naming(s.path(), "actors", "Bashar Al-Assad"),
        ["bashar-al-assad"]
    );
    for name in ["DERAA", "Bashar Al Assad"] {
        let slugs = page_naming(s.path(), "actors", name);
        assert_eq!(slugs.len(), 1, "{name}: {slugs:?}");
        assert_ne!(slugs[0], "deraa");
        assert_ne!(slugs[0], "bashar-al-assad");
    }
    assert_eq!(pages(s.path(), "actors").len(), 4);
    // Links and the JSON export use the same slugs as the pages.
    let events = read(s.path(), "public/events.json");
    for slug in pages(s.path(), "actors") {
        assert!(events.contains(&format!("\"slug\":\"{slug}\"")), "{slug}");
        assert!(
            read(s.path(), "public/index.html").contains(&format!("href=\"/actors/{slug}/\"")),
            "{slug}"
        );
    }
}

#[test]
fn a_site_with_clashing_slugs_builds_byte_identical_every_time() {
    let s = site(CLASHING_TAGS);
    build(s.path(), "first");
    let first = tree(&s.path().join("first"));
    for i in 0..4 {
        let out = format!("again-{i}");
        build(s.path(), &out);
        assert!(tree(&s.path().join(&out)) == first, "build {i} differs");
    }
}

#[test]
fn a_very_long_tag_and_actor_build_under_capped_slugs() {
    let long = "Very long name ".repeat(30);
    let long = long.trim();
    let s = site(&[(
        "content/long.md",
        &format!(
            "---\ntitle: Long\ndate: 2025-01-01\ntags: ['{long}', '{long} too']\nevents:\n  - date: 2024-12-01\n    title: One\n    actors: ['{long}']\n---\n"
        ),
    )]);
    let check = dateline(s.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    build(s.path(), "public");
    let tags = pages(s.path(), "tags");
    let actors = pages(s.path(), "actors");
    assert_eq!(tags.len(), 2, "{tags:?}");
    assert_eq!(actors.len(), 1, "{actors:?}");
    for slug in tags.iter().chain(&actors) {
        assert!(slug.len() <= 80, "{slug} is {} long", slug.len());
        assert!(slug.starts_with("very-long-name-very-long-name"), "{slug}");
    }
}

#[test]
fn a_front_matter_slug_too_long_for_a_file_name_is_reported_by_check() {
    let s = site(&[(
        "content/long.md",
        &format!(
            "---\ntitle: Long\ndate: 2025-01-01\nslug: {}\n---\nText.\n",
            "a".repeat(300)
        ),
    )]);
    let out = dateline(s.path(), &["check"]);
    assert!(!out.status.success());
    insta::assert_snapshot!(stderr(&out));
}

#[test]
fn actors_named_in_other_scripts_get_pages_under_transliterated_slugs() {
    let s = site(&[(
        "content/a.md",
        "---\ntitle: Talks\ndate: 2025-02-09\n---\n\nВладимир Путин met Recep Tayyip Erdoğan in Ankara on Friday, officials said.\n\nOn Saturday, Erdoğan told reporters that the talks had gone well.\n",
    )]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let actors = pages(s.path(), "actors");
    assert!(actors.contains(&"vladimir-putin".to_string()), "{actors:?}");
    assert!(actors.contains(&"erdogan".to_string()), "{actors:?}");
    assert!(read(s.path(), "public/actors/vladimir-putin/index.html").contains("Владимир Путин"));
}
