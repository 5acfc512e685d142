//! Helpers shared by the integration tests: throwaway sites and running the
//! built binary on them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A site in a temporary folder, made from (path, content) pairs.
pub fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        write(dir.path(), path, text.as_bytes());
    }
    dir
}

pub fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

pub fn dateline(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
}

/// Every file under `dir` with its bytes, sorted, for before/after checks.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

pub const GOOD_ARTICLE: &str = "---\ntitle: Talks resume\ndate: 2025-02-09\nsource: The Example Post\ntags: [diplomacy]\nevents:\n  - date: 2025-02-07\n    title: Envoys meet in Geneva\n    actors: [Jane Doe]\n    place: Geneva\n---\n\nEnvoys met in Geneva.\n";

/// The repository root, which is also the example site.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared corpora and tools beside the repository (`../shared`). Tests
/// that call this are marked
/// `#[cfg_attr(not(shared_corpora), ignore = "needs ../shared")]`, so it is
/// only reached when build.rs found the folder.
pub fn shared() -> PathBuf {
    repo_root().join("../shared")
}
