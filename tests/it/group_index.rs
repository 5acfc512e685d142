//! Actor and tag indexes that stay usable at any size (issue 22): the most
//! frequent names first, then every name A to Z a few hundred to a page
//! (readable without JavaScript), every name in `names.json` for the
//! filter-as-you-type, and no menu with more than a few hundred options.

use crate::common::*;

/// One article with `n` curated events, event `i` naming "Person i" and,
/// every third one, "Common Figure"; tagged `story`.
fn many_actors(n: usize) -> String {
    let mut text =
        String::from("---\ntitle: A crowded story\ndate: 2024-06-30\ntags: [story]\nevents:\n");
    for i in 0..n {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 6;
        let extra = if i % 3 == 0 { ", Common Figure" } else { "" };
        text.push_str(&format!(
            "  - date: 2024-{month:02}-{day:02}\n    title: Person {i} spoke to the council\n    actors: [Person {i:04}{extra}]\n"
        ));
    }
    text.push_str("---\n\nThe council heard many people.\n");
    text
}

#[test]
fn a_large_actor_index_lists_the_top_names_then_every_name_a_few_hundred_to_a_page() {
    let s = site(&[("content/crowd.md", &many_actors(650))]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = read(s.path(), "public/actors/index.html");
    let top = &first[first.find("top-names").unwrap()..first.find("all-heading").unwrap()];
    assert_eq!(top.matches("<li>").count(), 100);
    // The most frequent name leads the top list.
    assert!(top.find("Common Figure").unwrap() < top.find("Person 0000").unwrap());
    assert!(first.contains("All 651, A to Z: page 1 of 2"), "{first}");
    let second = read(s.path(), "public/actors/page/2/index.html");
    assert!(second.contains("page 2 of 2"));
    assert!(!second.contains("top-names"));
    // Every name is on exactly one page of the full list.
    let listed = |html: &str| {
        let all = &html[html.find("all-heading").unwrap()..];
        all.matches("<li>").count()
    };
    assert_eq!(listed(&first) + listed(&second), 651);
    assert!(first.contains("rel=\"next\" href=\"/actors/page/2/\""));
    // names.json: every name, most events first.
    let names: Vec<(String, String, usize)> =
        serde_json::from_str(&read(s.path(), "public/actors/names.json")).unwrap();
    assert_eq!(names.len(), 651);
    assert_eq!(
        names[0],
        ("Common Figure".into(), "common-figure".into(), 217)
    );
    // No page offers a menu of more than a few hundred names.
    for entry in walkdir::WalkDir::new(s.path().join("public")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "html") {
            let html = std::fs::read_to_string(entry.path()).unwrap();
            for menu in html.split("<select").skip(1) {
                let options = menu[..menu.find("</select>").unwrap()]
                    .matches("<option")
                    .count();
                assert!(
                    options <= 201,
                    "{}: {options} options",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn a_small_index_is_one_list_without_a_top_section() {
    let s = site(&[("content/a.md", GOOD_ARTICLE)]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = read(s.path(), "public/actors/index.html");
    assert!(!html.contains("top-names"));
    assert!(
        html.contains("<a href=\"/actors/jane-doe/\">Jane Doe</a>"),
        "{html}"
    );
    assert!(!s.path().join("public/actors/page/2").exists());
    assert!(read(s.path(), "public/tags/names.json").contains("\"diplomacy\""));
}
