//! A build killed at any moment (SIGKILL or SIGINT) leaves either the old or
//! the new public/, never a mix: checked by killing builds of the
//! benchmark corpus (1,000 articles by default, DATELINE_KILL_TEST_ARTICLES
//! for more; a 10,000-article build currently takes minutes) at
//! pseudo-random moments, 20 times.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// File path -> 64-bit FNV hash of its bytes, for cheap tree comparison.
fn fingerprint(dir: &Path) -> BTreeMap<String, u64> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in bytes {
                h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                h,
            )
        })
        .collect()
}

#[test]
#[cfg_attr(
    not(shared_corpora),
    ignore = "needs ../shared (bench/make_corpus.py) beside the repository"
)]
fn killed_builds_leave_the_old_or_the_new_output_whole() {
    let make_corpus = shared().join("bench/make_corpus.py");
    let articles = std::env::var("DATELINE_KILL_TEST_ARTICLES").unwrap_or_else(|_| "1000".into());
    let site = tempfile::tempdir().unwrap();
    let status = Command::new("python3")
        .arg(&make_corpus)
        .args(["--articles", &articles, "--out"])
        .arg(site.path())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());

    // The old site, and the new one the interrupted builds are making.
    let started = Instant::now();
    let out = dateline(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let build_time = started.elapsed();
    let old = fingerprint(&site.path().join("public"));
    write(
        site.path(),
        "content/zz-new.md",
        b"---\ntitle: A new article\ndate: 2025-03-01\n---\nIt happened on Friday.\n",
    );
    let expected_dir = tempfile::tempdir().unwrap();
    let expected_out = expected_dir.path().join("public");
    let out = dateline(
        site.path(),
        &["build", "--output", expected_out.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let new = fingerprint(&expected_out);
    assert_ne!(old, new);

    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let (mut saw_old, mut saw_new) = (0, 0);
    for round in 0..20 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let fraction = (seed >> 33) as f64 / (1u64 << 31) as f64;
        let delay = build_time.mul_f64(fraction * 1.1);
        // Once a round has finished, the next build would find the output
        // up to date and do nothing; every round must be a real build.
        dateline::uptodate::forget(site.path());
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--root")
            .arg(site.path())
            .arg("build")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if round % 2 == 0 {
            let _ = child.kill();
        } else {
            let _ = Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status();
        }
        let _ = child.wait();
        let now = fingerprint(&site.path().join("public"));
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
        } else {
            panic!(
                "round {round} (killed after {delay:?}): public/ is neither the old nor the new site"
            );
        }
    }
    eprintln!("20 interrupted builds: {saw_old} left the old site, {saw_new} the new one");
    // The next build cleans up whatever the killed ones left.
    let out = dateline(site.path(), &["build"]);
    assert!(out.status.success());
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("dateline-") && n != ".dateline-cache")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(fingerprint(&site.path().join("public")), new);
}
