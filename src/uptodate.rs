//! Knows when a build has nothing to do: the output folder already holds
//! exactly what the build would write.
//!
//! Builds are deterministic, so the output is a function of its inputs: the
//! dateline executable, the config, every article file (path and content
//! hash), the templates and the static files. After a build, the hash of
//! those inputs is recorded in `.dateline-cache/output` together with a
//! listing of the output (every file's path, size and modification time). A
//! later build with the same input hash whose output still lists the same
//! keeps the output as it is. Anything else, including a file edited or
//! removed in the output, a damaged record or one written for another output
//! folder, means a full build. Like the build cache, the record is never
//! trusted: it is checksummed and any mismatch is a miss.

use crate::cache::CACHE_DIR;
use crate::hash::Hash;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use xxhash_rust::xxh3::xxh3_64;

const RECORD_FILE: &str = "output";
const MAGIC: &[u8; 8] = b"DLOUTPT\0";

/// One output file as the file system describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Listed {
    path: String,
    len: u64,
    modified_ns: u128,
}

/// What a build wrote, and from which inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    inputs: Hash,
    output: PathBuf,
    /// For the summary line of a build that keeps the output.
    pub events: usize,
    pub pages: usize,
    files: Vec<Listed>,
}

fn record_file(site_root: &Path) -> PathBuf {
    site_root.join(CACHE_DIR).join(RECORD_FILE)
}

/// Every file under `dir`, sorted by path; None when it cannot be listed.
fn list(dir: &Path) -> Option<Vec<Listed>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.ok()?;
        if entry.file_type().is_dir() {
            continue;
        }
        let meta = entry.metadata().ok()?;
        let modified_ns = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        out.push(Listed {
            path: entry.path().strip_prefix(dir).ok()?.to_str()?.to_string(),
            len: meta.len(),
            modified_ns,
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Some(out)
}

/// The last build's record, when it is there and intact.
fn read_record(site_root: &Path) -> Option<Record> {
    let data = std::fs::read(record_file(site_root)).ok()?;
    let body = data.strip_prefix(MAGIC.as_slice())?;
    let (body, sum) = body.split_at(body.len().checked_sub(8)?);
    if xxh3_64(body).to_le_bytes() != sum {
        return None;
    }
    rmp_serde::from_slice(body).ok()
}

/// The record of the last build, when it was made from `inputs` into
/// `output` and `output` still holds exactly what that build wrote.
pub fn unchanged(site_root: &Path, inputs: Hash, output: &Path) -> Option<Record> {
    let record = read_record(site_root)?;
    if record.inputs != inputs || record.output != output {
        return None;
    }
    (list(output)? == record.files).then_some(record)
}

/// The files the last recorded build wrote into `output`, when the record
/// is for that folder: an output written before folders carried their own
/// marker is still known to be dateline's.
pub fn recorded_files(
    site_root: &Path,
    output: &Path,
) -> Option<std::collections::HashSet<String>> {
    let record = read_record(site_root)?;
    (record.output == output).then(|| record.files.into_iter().map(|f| f.path).collect())
}

/// Records that `output` now holds what a build made from `inputs` wrote.
pub fn remember(
    site_root: &Path,
    inputs: Hash,
    output: &Path,
    events: usize,
    pages: usize,
) -> std::io::Result<()> {
    let files = list(output).ok_or_else(|| std::io::Error::other("cannot list the output"))?;
    let record = Record {
        inputs,
        output: output.to_path_buf(),
        events,
        pages,
        files,
    };
    let mut data = MAGIC.to_vec();
    data.extend(rmp_serde::to_vec_named(&record).map_err(std::io::Error::other)?);
    let sum = xxh3_64(&data[MAGIC.len()..]);
    data.extend_from_slice(&sum.to_le_bytes());
    crate::cache::replace_file(site_root, RECORD_FILE, &data)
}

/// Forgets the last build's record, so the next build is a full one.
pub fn forget(site_root: &Path) {
    let _ = std::fs::remove_file(record_file(site_root));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_with_output() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("index.html"), "x").unwrap();
        std::fs::write(out.join("a/index.html"), "y").unwrap();
        (dir, out)
    }

    #[test]
    fn the_same_inputs_and_an_untouched_output_are_unchanged() {
        let (dir, out) = site_with_output();
        remember(dir.path(), 7, &out, 3, 2).unwrap();
        let r = unchanged(dir.path(), 7, &out).expect("unchanged");
        assert_eq!((r.events, r.pages), (3, 2));
    }

    #[test]
    fn other_inputs_an_edited_output_or_a_damaged_record_mean_a_build() {
        let (dir, out) = site_with_output();
        remember(dir.path(), 7, &out, 3, 2).unwrap();
        assert!(unchanged(dir.path(), 8, &out).is_none(), "other inputs");
        assert!(
            unchanged(dir.path(), 7, &dir.path().join("elsewhere")).is_none(),
            "another output folder"
        );

        std::fs::write(out.join("a/index.html"), "edited by hand").unwrap();
        assert!(unchanged(dir.path(), 7, &out).is_none(), "an edited file");

        remember(dir.path(), 7, &out, 3, 2).unwrap();
        std::fs::remove_file(out.join("index.html")).unwrap();
        assert!(unchanged(dir.path(), 7, &out).is_none(), "a removed file");

        std::fs::write(out.join("index.html"), "x").unwrap();
        remember(dir.path(), 7, &out, 3, 2).unwrap();
        let path = record_file(dir.path());
        let mut data = std::fs::read(&path).unwrap();
        let middle = data.len() / 2;
        data[middle] ^= 1;
        std::fs::write(&path, &data).unwrap();
        assert!(unchanged(dir.path(), 7, &out).is_none(), "a damaged record");

        remember(dir.path(), 7, &out, 3, 2).unwrap();
        forget(dir.path());
        assert!(unchanged(dir.path(), 7, &out).is_none(), "forgotten");
    }
}
