//! `build --relative-urls` (or `relative_urls: true`): a site that works
//! opened from disk. Every link and asset of every page resolves to a file
//! in the output, at every depth (issue 22).

use crate::common::*;
use std::path::{Path, PathBuf};

/// The example site's articles in a fresh site with `config`, built with
/// `args`.
fn example_site(config: &str, args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo_root().join("content")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        write(
            dir.path(),
            &format!("content/{name}"),
            &std::fs::read(&path).unwrap(),
        );
    }
    write(dir.path(), "dateline.yaml", config.as_bytes());
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = dateline(dir.path(), &all);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

/// Every `href` and `src` of an HTML page.
fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in [" href=\"", " src=\""] {
        for piece in html.split(attr).skip(1) {
            found.push(piece[..piece.find('"').unwrap()].replace("&amp;", "&"));
        }
    }
    found
}

/// The links of every HTML page under `public` that lead nowhere on disk,
/// as (page, link); and how many links were followed.
fn broken_links(public: &Path) -> (Vec<(PathBuf, String)>, usize) {
    let mut broken = Vec::new();
    let mut followed = 0;
    for entry in walkdir::WalkDir::new(public) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let page = entry.path().strip_prefix(public).unwrap().to_path_buf();
        for link in links(&html) {
            if link.starts_with('#')
                || link.starts_with("data:")
                || link.contains("://")
                || link.starts_with("mailto:")
            {
                continue;
            }
            followed += 1;
            let path = &link[..link.find(['#', '?']).unwrap_or(link.len())];
            let target = entry.path().parent().unwrap().join(path);
            if link.starts_with('/') || !target.is_file() {
                broken.push((page.clone(), link));
            }
        }
    }
    (broken, followed)
}

#[test]
fn every_link_of_a_relative_build_opens_a_file_from_disk_at_every_depth() {
    // One event a page puts actor, tag and archive pages on page/2/ too.
    let s = example_site(
        "title: T\nbase_url: https://example.org/tl/\npaginate_by: 1\n",
        &["--relative-urls"],
    );
    let public = s.path().join("public");
    assert!(
        public
            .join("actors/vladimir-putin/page/2/index.html")
            .is_file()
    );
    let (broken, followed) = broken_links(&public);
    assert!(broken.is_empty(), "links that open nothing: {broken:#?}");
    assert!(followed > 200, "only {followed} links followed");
    let month = read(&public, "archive/2025/02/index.html");
    assert!(month.contains("href=\"../../../style.css\""), "{month}");
    assert!(month.contains("href=\"../../../archive/index.html\""));
    // The feeds still give the published addresses.
    let feed = read(&public, "feed.xml");
    assert!(feed.contains("href=\"https://example.org/tl/"), "{feed}");
    assert!(read(&public, "events.ics").contains("URL:https://example.org/tl/"));
}

#[test]
fn the_config_key_makes_the_same_relative_links_and_without_it_links_stay_absolute() {
    let s = example_site("relative_urls: true\n", &[]);
    let (broken, _) = broken_links(&s.path().join("public"));
    assert!(broken.is_empty(), "{broken:#?}");
    let plain = example_site("base_url: /tl/\n", &[]);
    let index = read(plain.path(), "public/index.html");
    assert!(index.contains("href=\"/tl/style.css\""));
    assert!(!index.contains("index.html\""));
}
