//! Bad input: each case builds a good site first, breaks one thing, and
//! asserts the message (snapshot) and that the previous output is untouched.

use crate::common::*;
use std::path::Path;

/// Builds a good site, applies `breakage`, rebuilds, and returns the error
/// text after checking that the build failed and public/ is unchanged.
fn failed_build(breakage: impl FnOnce(&Path)) -> String {
    let s = site(&[("content/good.md", GOOD_ARTICLE)]);
    let first = dateline(s.path(), &["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let before = tree(&s.path().join("public"));
    breakage(s.path());
    let out = dateline(s.path(), &["build"]);
    assert!(!out.status.success(), "the build should fail");
    assert_eq!(
        tree(&s.path().join("public")),
        before,
        "the previous output changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(s.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("dateline-") && n != ".dateline-cache")
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
    stderr(&out)
}

fn with_article(text: &'static str) -> String {
    failed_build(|root| write(root, "content/bad.md", text.as_bytes()))
}

#[test]
fn missing_title_is_reported_with_what_to_add() {
    insta::assert_snapshot!(with_article("---\ndate: 2025-01-01\n---\nBody\n"));
}

#[test]
fn missing_date_is_reported_with_what_to_add() {
    insta::assert_snapshot!(with_article("---\ntitle: T\n---\nBody\n"));
}

#[test]
fn a_word_for_a_date_is_reported_on_its_line() {
    insta::assert_snapshot!(with_article("---\ntitle: T\ndate: yesterday\n---\n"));
}

#[test]
fn an_impossible_date_is_reported() {
    insta::assert_snapshot!(with_article("---\ntitle: T\ndate: 2025-02-30\n---\n"));
}

#[test]
fn unknown_field_is_reported_on_its_line() {
    insta::assert_snapshot!(with_article(
        "---\ntitle: T\ndate: 2025-01-01\nwriter: Jane\n---\n"
    ));
}

#[test]
fn wrong_type_is_reported() {
    insta::assert_snapshot!(with_article(
        "---\ntitle: T\ndate: 2025-01-01\ntags: 5\n---\n"
    ));
}

#[test]
fn yaml_syntax_error_is_reported_with_its_position() {
    insta::assert_snapshot!(with_article(
        "---\ntitle: 'unterminated\ndate: 2025-01-01\n---\n"
    ));
}

#[test]
fn no_front_matter_is_reported() {
    insta::assert_snapshot!(with_article("Just text, no front matter.\n"));
}

#[test]
fn unterminated_front_matter_is_reported() {
    insta::assert_snapshot!(with_article("---\ntitle: T\ndate: 2025-01-01\nBody\n"));
}

#[test]
fn empty_file_is_reported() {
    insta::assert_snapshot!(with_article(""));
}

#[test]
fn bad_curated_event_date_is_reported() {
    insta::assert_snapshot!(with_article(
        "---\ntitle: T\ndate: 2025-01-01\nevents:\n  - date: soon\n    title: X\n---\n"
    ));
}

#[test]
fn duplicate_slugs_name_both_articles() {
    insta::assert_snapshot!(with_article(
        "---\ntitle: T\ndate: 2025-01-01\nslug: good\n---\n"
    ));
}

#[test]
fn slug_with_a_path_is_refused() {
    insta::assert_snapshot!(with_article(
        "---\ntitle: T\ndate: 2025-01-01\nslug: ../../etc\n---\n"
    ));
}

#[test]
fn every_bad_article_is_reported_at_once() {
    let err = failed_build(|root| {
        write(root, "content/a.md", b"---\ntitle: A\n---\n");
        write(root, "content/b.md", b"no front matter\n");
        write(
            root,
            "content/sub/c.md",
            b"---\ntitle: C\ndate: 2025-01-01\ncolour: red\n---\n",
        );
        write(root, "dateline.yaml", b"title: X\nthemes: none\n");
    });
    insta::assert_snapshot!(err);
    assert!(err.ends_with("4 problems found\n"), "{err}");
}

#[test]
fn check_reports_every_problem_too_and_writes_nothing() {
    let s = site(&[
        ("content/a.md", "---\ntitle: A\n---\n"),
        ("content/b.md", "x\n"),
    ]);
    let out = dateline(s.path(), &["check"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("content/a.md") && stderr(&out).contains("content/b.md"));
    assert!(!s.path().join("public").exists());
}

#[test]
fn unknown_config_key_is_reported_with_file_and_line() {
    insta::assert_snapshot!(failed_build(|root| write(
        root,
        "dateline.yaml",
        b"title: X\n\nbase_ulr: /x/\n"
    )));
}

#[test]
fn wrong_config_type_is_reported() {
    insta::assert_snapshot!(failed_build(|root| write(
        root,
        "dateline.yaml",
        b"title:\n  - a\n  - b\n"
    )));
}

#[test]
fn unknown_time_zone_is_reported() {
    insta::assert_snapshot!(failed_build(|root| write(
        root,
        "dateline.yaml",
        b"timezone: Europe/Atlantis\n"
    )));
}

#[test]
fn template_syntax_error_names_the_template_and_line() {
    insta::assert_snapshot!(failed_build(|root| write(
        root,
        "templates/index.html",
        b"<h1>{{ site.title }}</h1>\n{% for x in %}\n"
    )));
}

#[test]
fn template_missing_variable_names_the_template() {
    insta::assert_snapshot!(failed_build(|root| write(
        root,
        "templates/404.html",
        b"<p>{{ nothing.here }}</p>\n"
    )));
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "secret.md",
        b"---\ntitle: S\ndate: 2025-01-01\n---\n",
    );
    let target = outside.path().join("secret.md");
    let err = failed_build(|root| {
        std::os::unix::fs::symlink(&target, root.join("content/linked.md")).unwrap()
    });
    assert!(
        err.contains("content/linked.md: error: a symlink to") && err.contains("outside the site"),
        "{err}"
    );
}

#[test]
fn no_content_folder_is_reported() {
    let s = site(&[("dateline.yaml", "title: X\n")]);
    let out = dateline(s.path(), &["build"]);
    assert!(!out.status.success());
    insta::assert_snapshot!(stderr(&out));
}

/// A build replaces its output folder whole, so an output that is or holds
/// the user's files must be refused before anything is written.
#[test]
fn output_folder_that_would_delete_user_files_is_refused() {
    for output in [".", "content", "templates", "static", "content/out", ".."] {
        let s = site(&[
            ("content/good.md", GOOD_ARTICLE),
            ("templates/404.html", "x"),
            ("static/a.css", "a"),
        ]);
        let before = tree(s.path());
        let out = dateline(
            s.path(),
            &["build", "--output", s.path().join(output).to_str().unwrap()],
        );
        assert!(!out.status.success(), "output {output} was accepted");
        let err = stderr(&out);
        assert!(err.contains("help: choose"), "{output}: {err}");
        assert_eq!(tree(s.path()), before, "output {output}: files changed");
    }
}

#[test]
fn output_dir_in_config_equal_to_content_is_refused() {
    let s = site(&[
        ("content/good.md", GOOD_ARTICLE),
        ("dateline.yaml", "output_dir: content\n"),
    ]);
    let out = dateline(s.path(), &["build"]);
    assert!(!out.status.success());
    assert!(s.path().join("content/good.md").exists());
    assert!(
        stderr(&out).contains("is or contains content/"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_content_folder_that_is_a_symlink_out_of_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "secret.md",
        b"---\ntitle: Secret\ndate: 2025-01-01\n---\nNot for publishing.\n",
    );
    let s = site(&[("dateline.yaml", "title: X\n")]);
    std::os::unix::fs::symlink(outside.path(), s.path().join("content")).unwrap();
    let out = dateline(s.path(), &["build"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("content: error: a symlink to") && err.contains("outside the site"),
        "{err}"
    );
    assert!(!s.path().join("public").exists());
}

#[test]
fn a_wrongly_typed_authors_is_reported_at_its_line_in_plain_words() {
    for (authors, line) in [
        ("authors:\n  name: Jane\n", 6),
        ("authors: 5\n", 5),
        ("authors: [Jane, [Joe]]\n", 5),
    ] {
        let s = site(&[(
            "content/a.md",
            &format!("---\ntitle: T\ndate: 2025-01-01\ntags: [a]\n{authors}---\nBody.\n"),
        )]);
        let out = dateline(s.path(), &["check"]);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(
            err.contains(&format!("content/a.md:{line}:")),
            "{authors}: {err}"
        );
        assert!(
            !err.contains("OneOrMany") && !err.contains("untagged"),
            "{err}"
        );
        assert!(
            err.contains("a name or a list of names") || err.contains("expected a string"),
            "{err}"
        );
    }
}

#[test]
fn a_document_date_in_year_zero_is_refused_by_tag() {
    let s = site(&[("text.txt", "On 5 March we met. Today it is sunny.")]);
    let text = s.path().join("text.txt");
    let out = dateline(
        s.path(),
        &["tag", "--dct", "0000-01-01", text.to_str().unwrap()],
    );
    assert!(!out.status.success(), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("--dct: the document date 0000-01-01 is out of range"),
        "{err}"
    );
    let ok = dateline(
        s.path(),
        &["tag", "--dct", "0001-01-01", text.to_str().unwrap()],
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("0001-03-05"), "{}", stdout(&ok));
}
