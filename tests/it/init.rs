//! `dateline init`: a new site that builds, and no user file lost.

use crate::common::*;
use std::process::Command;

fn init(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("init")
        .arg(dir)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn init_scaffolds_a_site_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("newsite");
    let out = init(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    for f in [
        "dateline.yaml",
        "content/example.md",
        "templates/index.html",
        "templates/base.html",
        "static/style.css",
    ] {
        assert!(dir.join(f).is_file(), "missing {f}");
    }
    let build = dateline(&dir, &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(read(&dir, "public/index.html").contains("Council votes for the bridge"));
}

#[test]
fn init_refuses_a_non_empty_folder_and_touches_nothing() {
    let s = site(&[("notes.txt", "mine")]);
    let out = init(s.path(), &[]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("is not empty"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"));
    assert_eq!(tree(s.path()).len(), 1);
}

#[test]
fn init_force_adds_the_scaffold_and_keeps_unrelated_files() {
    let s = site(&[("notes.txt", "mine")]);
    let out = init(s.path(), &["--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read(s.path(), "notes.txt"), "mine");
    assert!(s.path().join("dateline.yaml").is_file());
}

#[test]
fn init_without_a_folder_creates_the_site_in_root() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("here");
    let out = dateline(&root, &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(root.join("dateline.yaml").is_file());
}

#[test]
fn init_puts_a_relative_folder_under_root() {
    let tmp = tempfile::tempdir().unwrap();
    let out = dateline(tmp.path(), &["init", "news"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(tmp.path().join("news/dateline.yaml").is_file());
}
