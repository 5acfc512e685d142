//! The command line speaks one dialect: `--json` and `--format json` on
//! every subcommand that prints JSON, `--timings` on every one that loads
//! or tags, `-r` for `--root`.

use crate::common::*;
use std::process::Command;

const ARTICLE: &str =
    "---\ntitle: Talks\ndate: 2025-02-09\n---\n\nEnvoys met in Geneva on Friday, officials said.\n";

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn json_and_format_json_print_the_same_on_every_subcommand() {
    let s = site(&[("content/talks.md", ARTICLE)]);
    let root = s.path().to_str().unwrap();
    let text = s.path().join("content/talks.md");
    let text = text.to_str().unwrap();
    for sub in [
        vec!["extract"],
        vec!["summarize"],
        vec!["tag", "--dct", "2025-02-09", text],
    ] {
        let mut long = vec!["--root", root];
        long.extend(&sub);
        let mut short = long.clone();
        long.extend(["--format", "json"]);
        short.push("--json");
        let (a, b) = (run(&long), run(&short));
        assert!(a.status.success(), "{sub:?}: {}", stderr(&a));
        assert!(b.status.success(), "{sub:?}: {}", stderr(&b));
        assert_eq!(stdout(&a), stdout(&b), "{sub:?}");
        let parsed: serde_json::Value = serde_json::from_str(&stdout(&a))
            .unwrap_or_else(|e| panic!("{sub:?} printed no JSON ({e}): {}", stdout(&a)));
        assert!(!parsed.is_null(), "{sub:?}");
    }
}

#[test]
fn json_and_format_text_together_are_refused() {
    let s = site(&[("content/talks.md", ARTICLE)]);
    let out = dateline(s.path(), &["extract", "--json", "--format", "text"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn timings_is_accepted_by_every_subcommand_that_loads_and_prints_stages() {
    let s = site(&[("content/talks.md", ARTICLE)]);
    let text = s.path().join("content/talks.md");
    let text = text.to_str().unwrap();
    for (args, stage) in [
        (vec!["build", "--timings"], "loading"),
        (vec!["check", "--timings"], "rendering"),
        (vec!["extract", "--timings"], "loading"),
        (vec!["summarize", "--timings"], "summarize"),
        (
            vec!["tag", "--dct", "2025-02-09", text, "--timings"],
            "tagging",
        ),
    ] {
        let out = dateline(s.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(stage), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn r_is_short_for_root() {
    let s = site(&[("content/talks.md", ARTICLE)]);
    let out = run(&["-r", s.path().to_str().unwrap(), "check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 article"), "{}", stdout(&out));
}
