//! The bad-input matrix of issue 8 that bad_input.rs does not already cover:
//! odd encodings, huge and deep inputs, unreadable files, symlink loops,
//! hostile templates, unwritable and full outputs, determinism. Every
//! failing case asserts the message and that the previous output and the
//! user's files are untouched.

use crate::common::*;
use std::path::Path;
use std::process::Command;

/// Builds a good site, applies `breakage`, rebuilds; returns (succeeded,
/// stderr) after checking that a failed build left public/ as it was.
fn rebuild_after(breakage: impl FnOnce(&Path)) -> (bool, String, tempfile::TempDir) {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let first = dateline(s.path(), &["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let before = tree(&s.path().join("public"));
    breakage(s.path());
    let out = dateline(s.path(), &["build"]);
    if !out.status.success() {
        assert_eq!(
            tree(&s.path().join("public")),
            before,
            "a failed build changed public/"
        );
    }
    (out.status.success(), stderr(&out), s)
}

fn failing(breakage: impl FnOnce(&Path)) -> String {
    let (ok, err, _s) = rebuild_after(breakage);
    assert!(!ok, "the build should fail");
    err
}

fn article(bytes: &'static [u8]) -> impl FnOnce(&Path) {
    move |root: &Path| write(root, "content/case.md", bytes)
}

#[test]
fn front_matter_only_builds() {
    let (ok, err, _s) = rebuild_after(article(
        b"---\ntitle: Only front matter\ndate: 2025-01-01\n---\n",
    ));
    assert!(ok, "{err}");
}

#[test]
fn tabs_in_yaml_are_reported() {
    insta::assert_snapshot!(failing(article(
        b"---\ntitle: T\ndate: 2025-01-01\ntags:\n\t- a\n---\n"
    )));
}

#[test]
fn duplicate_keys_are_reported() {
    insta::assert_snapshot!(failing(article(
        b"---\ntitle: T\ntitle: U\ndate: 2025-01-01\n---\n"
    )));
}

#[test]
fn title_as_a_list_is_reported() {
    insta::assert_snapshot!(failing(article(
        b"---\ntitle: [a, b]\ndate: 2025-01-01\n---\n"
    )));
}

#[test]
fn date_without_a_year_is_reported() {
    insta::assert_snapshot!(failing(article(b"---\ntitle: T\ndate: March 5\n---\n")));
}

#[test]
fn year_zero_is_reported() {
    insta::assert_snapshot!(failing(article(b"---\ntitle: T\ndate: 0000-03-05\n---\n")));
}

#[test]
fn year_99999_is_reported() {
    insta::assert_snapshot!(failing(article(b"---\ntitle: T\ndate: 99999-03-05\n---\n")));
}

#[test]
fn an_offset_that_does_not_exist_is_reported() {
    insta::assert_snapshot!(failing(article(
        b"---\ntitle: T\ndate: 2025-03-05T10:00:00+25:00\n---\n"
    )));
}

#[test]
fn bom_crlf_and_cr_articles_build() {
    let (ok, err, s) = rebuild_after(|root| {
        write(
            root,
            "content/bom.md",
            b"\xEF\xBB\xBF---\ntitle: Bom\ndate: 2025-01-01\n---\nText.\n",
        );
        write(
            root,
            "content/crlf.md",
            b"---\r\ntitle: Crlf\r\ndate: 2025-01-01\r\n---\r\nText.\r\n",
        );
        write(
            root,
            "content/cr.md",
            b"---\rtitle: Cr\rdate: 2025-01-01\r---\rText.\r",
        );
    });
    assert!(ok, "{err}");
    for slug in ["bom", "crlf", "cr"] {
        assert!(
            read(s.path(), &format!("public/articles/{slug}/index.html"))
                .contains("<p id=\"p-1\">Text.</p>")
        );
    }
}

#[test]
fn invalid_utf8_is_reported_with_its_position() {
    insta::assert_snapshot!(failing(article(
        b"---\ntitle: T\ndate: 2025-01-01\n---\nCaf\xE9 au lait\n"
    )));
}

#[test]
fn a_nul_byte_is_reported() {
    insta::assert_snapshot!(failing(article(
        b"---\ntitle: T\ndate: 2025-01-01\n---\nA\x00B\n"
    )));
}

#[test]
fn a_binary_file_named_md_is_reported() {
    insta::assert_snapshot!(failing(article(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
    )));
}

#[test]
fn a_fifo_named_md_is_reported_not_read() {
    let err = failing(|root| {
        let status = Command::new("mkfifo")
            .arg(root.join("content/pipe.md"))
            .status()
            .unwrap();
        assert!(status.success());
    });
    insta::assert_snapshot!(err);
}

#[test]
fn a_50_mb_article_builds() {
    let (ok, err, s) = rebuild_after(|root| {
        let mut text = b"---\ntitle: Huge\ndate: 2025-02-09\n---\nOfficials met on Friday and again on January 28, 2025.\n\n".to_vec();
        // Filler without dates: the case is about size, not about a
        // million events (merging those is issue 7's scale work).
        let para = b"Officials met again to discuss the plan and its costs in detail.\n\n";
        while text.len() < 50 * 1024 * 1024 {
            text.extend_from_slice(para);
        }
        write(root, "content/huge.md", &text);
    });
    assert!(ok, "{err}");
    assert!(
        s.path()
            .join("public/articles/huge/index.html")
            .metadata()
            .unwrap()
            .len()
            > 50_000_000
    );
}

#[test]
fn ten_thousand_lines_of_one_paragraph_build() {
    let (ok, err, _s) = rebuild_after(|root| {
        let mut text = String::from("---\ntitle: Long\ndate: 2025-02-09\n---\n");
        for i in 0..10_000 {
            text.push_str(&format!("line {i} of one paragraph, said on Friday\n"));
        }
        write(root, "content/long.md", text.as_bytes());
    });
    assert!(ok, "{err}");
}

#[test]
fn a_thousand_levels_of_lists_and_quotes_build() {
    let (ok, err, _s) = rebuild_after(|root| {
        let mut text = String::from("---\ntitle: Deep\ndate: 2025-02-09\n---\n");
        text.push_str(&">".repeat(1000));
        text.push_str(" deep quote on Friday\n\n");
        for i in 0..1000 {
            text.push_str(&" ".repeat(i * 2));
            text.push_str("- item\n");
        }
        write(root, "content/deep.md", text.as_bytes());
    });
    assert!(ok, "{err}");
}

/// Runs the binary as an unprivileged user: root reads every file, so
/// permission cases need someone else (setpriv, from util-linux).
fn dateline_as_nobody(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("setpriv (util-linux) must be installed to run permission tests")
}

fn open_to_everyone(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        let mode = if e.file_type().is_dir() { 0o777 } else { 0o666 };
        std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

#[test]
fn an_unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let s = site(&[
        ("content/good.md", GOOD_ARTICLE),
        ("content/secret.md", GOOD_ARTICLE),
    ]);
    open_to_everyone(s.path());
    std::fs::set_permissions(
        s.path().join("content/secret.md"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let out = dateline_as_nobody(s.path(), &["build"]);
    assert!(!out.status.success());
    insta::assert_snapshot!(stderr(&out));
    assert!(!s.path().join("public").exists());
}

#[test]
fn a_read_only_output_is_reported_and_the_old_output_kept() {
    use std::os::unix::fs::PermissionsExt;
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let out_parent = s.path().join("out");
    std::fs::create_dir(&out_parent).unwrap();
    let output = out_parent.join("public");
    assert!(
        dateline(s.path(), &["build", "--output", output.to_str().unwrap()])
            .status
            .success()
    );
    // A changed article, so the build has something to write (an
    // unchanged site would keep the output without touching it).
    write(
        s.path(),
        "content/later.md",
        b"---\ntitle: Later\ndate: 2025-02-10\n---\nIt happened on Friday.\n",
    );
    open_to_everyone(s.path());
    std::fs::set_permissions(&out_parent, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = tree(&output);
    let out = dateline_as_nobody(s.path(), &["build", "--output", output.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("Permission denied"), "{err}");
    assert_eq!(tree(&output), before);
}

/// A full disk, simulated with a small tmpfs in a private mount namespace.
#[test]
fn a_full_disk_is_reported_and_the_old_output_kept() {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let mut big = String::from("---\ntitle: Big\ndate: 2025-02-09\n---\n");
    while big.len() < 1_000_000 {
        big.push_str("A long paragraph that fills the disk quickly. ");
    }
    write(s.path(), "content/big.md", big.as_bytes());
    let script = format!(
        "set -e; mnt={root}/mnt; mkdir -p $mnt; mount -t tmpfs -o size=600k tmpfs $mnt; \
         rm {root}/content/big.md; {bin} --root {root} build --output $mnt/public; \
         ls $mnt/public > {root}/before.txt; \
         cp {root}/big.md.keep {root}/content/big.md; \
         if {bin} --root {root} build --output $mnt/public 2> {root}/err.txt; then echo unexpected; exit 3; fi; \
         ls $mnt/public > {root}/after.txt; ls -a $mnt > {root}/mnt.txt",
        root = s.path().display(),
        bin = env!("CARGO_BIN_EXE_dateline")
    );
    std::fs::copy(
        s.path().join("content/big.md"),
        s.path().join("big.md.keep"),
    )
    .unwrap();
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", &script])
        .output()
        .expect("unshare (util-linux) is needed to simulate a full disk");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let err = read(s.path(), "err.txt");
    assert!(err.contains("No space left on device"), "{err}");
    assert_eq!(read(s.path(), "before.txt"), read(s.path(), "after.txt"));
    assert!(
        !read(s.path(), "mnt.txt").contains("dateline-"),
        "staging left behind"
    );
}

#[test]
fn a_symlink_loop_is_reported() {
    let err = failing(|root| {
        std::os::unix::fs::symlink(root.join("content/b.md"), root.join("content/a.md")).unwrap();
        std::os::unix::fs::symlink(root.join("content/a.md"), root.join("content/b.md")).unwrap();
    });
    assert!(
        err.contains("content/a.md: error: a broken or looping symlink"),
        "{err}"
    );
    assert!(
        err.contains("content/b.md: error: a broken or looping symlink"),
        "{err}"
    );
}

#[test]
fn a_reserved_slug_is_reported() {
    insta::assert_snapshot!(failing(article(
        b"---\ntitle: T\ndate: 2025-01-01\nslug: actors\n---\n"
    )));
}

#[test]
fn a_backslash_slug_is_reported() {
    insta::assert_snapshot!(failing(article(
        b"---\ntitle: T\ndate: 2025-01-01\nslug: a\\\\b\n---\n"
    )));
}

#[test]
fn a_link_to_a_missing_article_is_reported() {
    insta::assert_snapshot!(failing(article(
        b"---\ntitle: T\ndate: 2025-01-01\n---\nSee [the other](missing.md) and [good](good.md).\n"
    )));
}

#[test]
fn a_link_to_an_existing_article_points_at_its_page() {
    let (ok, err, s) = rebuild_after(article(
        b"---\ntitle: T\ndate: 2025-01-01\n---\nSee [good](good.md#p-1).\n",
    ));
    assert!(ok, "{err}");
    assert!(read(s.path(), "public/articles/case/index.html").contains("href=\"../good/#p-1\""));
}

#[test]
fn an_include_loop_in_templates_is_reported() {
    let err = failing(|root| {
        write(root, "templates/a.html", b"{% include \"b.html\" %}");
        write(root, "templates/b.html", b"{% include \"a.html\" %}");
        write(root, "templates/404.html", b"{% include \"a.html\" %}");
    });
    insta::assert_snapshot!(err);
}

#[test]
fn a_template_extending_a_missing_parent_is_reported() {
    insta::assert_snapshot!(failing(|root| write(
        root,
        "templates/index.html",
        b"{% extends \"layout.html\" %}{% block content %}x{% endblock %}"
    )));
}

#[test]
fn a_user_event_template_with_a_wrong_field_is_reported() {
    insta::assert_snapshot!(failing(|root| write(
        root,
        "templates/event.html",
        b"<p>{{ event.heading }}</p>"
    )));
}

#[test]
fn output_is_the_same_whatever_the_time_zone_and_locale() {
    let s = site(&[
        ("content/good.md", GOOD_ARTICLE),
        (
            "content/dt.md",
            "---\ntitle: DT\ndate: 2025-02-09T23:30:00-05:00\n---\nOn Friday they met.\n",
        ),
    ]);
    let mut trees = Vec::new();
    for (tz, lang) in [
        ("UTC", "C"),
        ("Pacific/Kiritimati", "de_DE.UTF-8"),
        ("America/Adak", "ja_JP.UTF-8"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--root")
            .arg(s.path())
            .arg("build")
            .env("TZ", tz)
            .env("LANG", lang)
            .env("LC_ALL", lang)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        trees.push(tree(&s.path().join("public")));
    }
    assert_eq!(trees[0], trees[1]);
    assert_eq!(trees[0], trees[2]);
}

#[test]
fn hostile_html_and_script_urls_never_reach_the_pages() {
    let hostile = "---\ntitle: \"Hostile <img src=x onerror=alert(1)>\"\ndate: 2025-02-09\ncaption: \"<script>alert('c')</script>\"\n---\n\n<script>alert('body')</script>\n\n<a href=\"javascript:alert(1)\" onclick=\"x()\">raw link</a> and [md link](javascript:alert(2)).\n\n<iframe src=\"https://evil.example\"></iframe>\n";
    let s = site(&[("content/h.md", hostile)]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Escaped text may show these words; what must never appear is a tag,
    // an event-handler attribute inside a tag, or a script URL in a link.
    let handler = regex::Regex::new(r#"<[^>]*\son[a-z]+\s*="#).unwrap();
    let script_url = regex::Regex::new(r#"(?:href|src)\s*=\s*["']?\s*javascript:"#).unwrap();
    for page in ["public/index.html", "public/articles/h/index.html"] {
        let html = read(s.path(), page)
            .to_lowercase()
            .replace("<script src=\"/timeline.js\" defer></script>", "");
        for bad in ["<script", "<iframe", "<img src=x"] {
            assert!(!html.contains(bad), "{page} contains {bad}");
        }
        assert!(
            !handler.is_match(&html),
            "{page} has an event handler attribute"
        );
        assert!(!script_url.is_match(&html), "{page} has a script URL");
    }
}

/// A site with one article, built once into `public/`, and a later article
/// so that the next build has something to write.
fn built_site() -> tempfile::TempDir {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let first = dateline(s.path(), &["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    write(
        s.path(),
        "content/later.md",
        b"---\ntitle: Later\ndate: 2025-02-10\n---\nIt happened on Friday.\n",
    );
    s
}

#[test]
fn an_output_folder_holding_files_dateline_did_not_write_is_refused_untouched() {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let docs = s.path().join("docs");
    write(&docs, "CNAME", b"timeline.example.org\n");
    write(&docs, ".git/HEAD", b"ref: refs/heads/main\n");
    let before = tree(&docs);
    let out = dateline(s.path(), &["build", "--output", docs.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "the output folder {} holds files dateline did not write: `.git/HEAD`, `CNAME`",
            docs.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("--force") && err.contains("force_output: true"),
        "{err}"
    );
    assert_eq!(tree(&docs), before);
}

#[test]
fn force_or_force_output_replaces_a_folder_dateline_did_not_write() {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    write(s.path(), "docs/CNAME", b"timeline.example.org\n");
    let docs = s.path().join("docs");
    let out = dateline(
        s.path(),
        &["build", "--output", docs.to_str().unwrap(), "--force"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!s.path().join("docs/CNAME").exists());
    assert!(s.path().join("docs/index.html").exists());

    write(s.path(), "public/notes.txt", b"mine\n");
    let refused = dateline(s.path(), &["build"]);
    assert!(!refused.status.success());
    write(s.path(), "dateline.yaml", b"force_output: true\n");
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!s.path().join("public/notes.txt").exists());
}

#[test]
fn an_empty_output_folder_is_built_into() {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let docs = s.path().join("docs");
    std::fs::create_dir_all(docs.join("empty")).unwrap();
    let out = dateline(s.path(), &["build", "--output", docs.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(s.path().join("docs/index.html").exists());
}

#[test]
fn a_file_added_to_a_built_output_stops_the_next_build_and_is_kept() {
    let s = built_site();
    write(s.path(), "public/CNAME", b"timeline.example.org\n");
    let before = tree(&s.path().join("public"));
    let out = dateline(s.path(), &["build"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("`CNAME`"), "{}", stderr(&out));
    assert_eq!(tree(&s.path().join("public")), before);
}

#[test]
fn an_output_the_build_record_knows_is_replaced_without_its_marker() {
    // An output written before folders carried a marker.
    let s = built_site();
    std::fs::remove_file(s.path().join("public/.dateline-output")).unwrap();
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(s.path().join("public/articles/later/index.html").exists());
}

#[test]
fn a_symlinked_output_is_built_into_its_target_and_stays_a_symlink() {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let deploy = tempfile::tempdir().unwrap();
    let target = deploy.path().join("site");
    std::fs::create_dir(&target).unwrap();
    std::os::unix::fs::symlink(&target, s.path().join("public")).unwrap();
    for _ in 0..2 {
        let out = dateline(s.path(), &["build"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let meta = std::fs::symlink_metadata(s.path().join("public")).unwrap();
        assert!(meta.file_type().is_symlink(), "public/ was replaced");
        assert!(target.join("index.html").exists());
        write(
            s.path(),
            "content/later.md",
            b"---\ntitle: Later\ndate: 2025-02-10\n---\nIt happened on Friday.\n",
        );
    }
    assert!(target.join("articles/later/index.html").exists());
}

#[test]
fn a_symlinked_output_into_a_deploy_checkout_is_refused_and_left_alone() {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let deploy = tempfile::tempdir().unwrap();
    write(deploy.path(), "CNAME", b"timeline.example.org\n");
    write(deploy.path(), ".git/HEAD", b"ref: refs/heads/main\n");
    std::os::unix::fs::symlink(deploy.path(), s.path().join("public")).unwrap();
    let before = tree(deploy.path());
    let out = dateline(s.path(), &["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("holds files dateline did not write"), "{err}");
    assert!(err.contains("(a symlink to "), "{err}");
    assert_eq!(tree(deploy.path()), before);
    let meta = std::fs::symlink_metadata(s.path().join("public")).unwrap();
    assert!(meta.file_type().is_symlink(), "public/ was replaced");
}

#[test]
fn an_old_output_that_cannot_be_removed_after_the_swap_is_a_warning_not_a_failure() {
    use std::os::unix::fs::PermissionsExt;
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    open_to_everyone(s.path());
    let first = dateline_as_nobody(s.path(), &["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    write(
        s.path(),
        "content/later.md",
        b"---\ntitle: Later\ndate: 2025-02-10\n---\nIt happened on Friday.\n",
    );
    open_to_everyone(&s.path().join("content"));
    // A folder of the old output its owner may not empty.
    let locked = s.path().join("public/articles/good");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = dateline_as_nobody(s.path(), &["build"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(
            "warning: the new site is in place, but the previous output could not be removed from "
        ),
        "{err}"
    );
    assert!(err.contains("Permission denied"), "{err}");
    assert!(s.path().join("public/articles/later/index.html").exists());
}

#[test]
fn a_symlink_in_static_brings_the_file_or_folder_it_points_to_inside_the_site() {
    let s = site(&[
        ("content/good.md", GOOD_ARTICLE),
        ("assets/logo.svg", "<svg/>"),
        ("assets/fonts/a.woff2", "font"),
        ("static/site.css", "p {}"),
    ]);
    std::os::unix::fs::symlink("../assets/logo.svg", s.path().join("static/logo.svg")).unwrap();
    std::os::unix::fs::symlink(s.path().join("assets/fonts"), s.path().join("static/fonts"))
        .unwrap();
    // A link back to static/ itself is not followed round.
    std::os::unix::fs::symlink(s.path().join("static"), s.path().join("static/again")).unwrap();
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read(s.path(), "public/logo.svg"), "<svg/>");
    assert_eq!(read(s.path(), "public/fonts/a.woff2"), "font");
    assert_eq!(read(s.path(), "public/site.css"), "p {}");
    assert!(!s.path().join("public/again").exists());
}

#[test]
fn a_symlink_in_static_leading_out_of_the_site_is_refused_naming_it() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "TOP SECRET").unwrap();
    let target = outside.path().join("secret.txt");
    let err = failing(move |root| {
        std::fs::create_dir_all(root.join("static")).unwrap();
        std::os::unix::fs::symlink(&target, root.join("static/secret.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("static/gone.txt")).unwrap();
    });
    assert!(
        err.contains("static/secret.txt: error: a symlink to ") && err.contains("outside the site"),
        "{err}"
    );
    assert!(
        err.contains("static/gone.txt: error: a broken or looping symlink"),
        "{err}"
    );
}

#[test]
fn a_config_that_is_a_fifo_is_reported_not_read() {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let status = Command::new("mkfifo")
        .arg(s.path().join("dateline.yaml"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--root")
        .arg(s.path())
        .arg("check")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Generous: reading the FIFO would wait for ever.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("check hung on a FIFO named dateline.yaml");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(!status.success());
    assert!(
        err.contains("dateline.yaml: error: not a regular file"),
        "{err}"
    );
}

#[test]
fn escape_sequences_from_an_article_reach_the_terminal_escaped() {
    let err = failing(article(
        b"---\ntitle: T\ndate: \"\\e[2J\\e[31myesterday\"\n---\n",
    ));
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("\\u{1b}[2J\\u{1b}[31myesterday"), "{err}");
}
