//! Writing a build's output folder safely: where it may be (never over the
//! site's own files), each file kept inside it, and the whole folder
//! replaced in one step, so a build that fails or is killed leaves the old
//! output or the new one, never a mix; and only a folder that is empty or
//! that dateline wrote itself is replaced, as a marker file in it records.
//! Knows nothing of pages or articles.

use crate::render::{OutputFile, Sink};
use anyhow::{Context as _, bail};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// The file in every output folder that lists what the build wrote there:
/// a later build replaces the folder only when it holds nothing else.
pub const MARKER_FILE: &str = ".dateline-output";

/// The marker's content.
#[derive(serde::Serialize, serde::Deserialize)]
struct Marker {
    /// Says what the file is to someone who opens it.
    about: String,
    /// Every file the build wrote, relative to the folder, `/`-separated.
    files: Vec<String>,
}

/// Lexically normalises a path (no file system access): drops `.` and
/// resolves `..` against earlier components.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Canonical form of a path that may not exist yet: its deepest existing
/// ancestor canonicalised, the rest appended.
fn canonical_lenient(p: &Path) -> PathBuf {
    let p = normalize(p);
    let mut existing = p.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = existing.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return p,
        }
    }
}

/// Refuses an output folder that is, or contains, the site root, content/,
/// templates/ or static/, or sits inside content/, templates/ or static/:
/// a build replaces its output folder whole and must never delete user files.
pub fn check_output_location(root: &Path, output: &Path) -> anyhow::Result<()> {
    let root = canonical_lenient(root);
    let out = canonical_lenient(output);
    let protected = [
        ("the site root", root.clone()),
        ("content/", root.join("content")),
        ("templates/", root.join("templates")),
        ("static/", root.join("static")),
    ];
    for (name, path) in &protected {
        if out == *path || path.starts_with(&out) {
            bail!(
                "the output folder {} is or contains {name} ({}); a build replaces its output folder, so it would delete your files\n  help: choose another output folder, e.g. `public` (set `output_dir` in dateline.yaml or pass --output)",
                output.display(),
                path.display()
            );
        }
        if *name != "the site root" && out.starts_with(path) {
            bail!(
                "the output folder {} is inside {name}; built pages would be mixed with your files\n  help: choose an output folder outside content/, templates/ and static/, e.g. `public`",
                output.display()
            );
        }
    }
    if out.exists() && !out.is_dir() {
        bail!(
            "the output path {} exists and is not a folder\n  help: remove it or choose another output folder",
            output.display()
        );
    }
    Ok(())
}

/// Where a build writes `output`: the folder a symlink at `output` points
/// to, so that the swap replaces that folder and leaves the symlink a
/// symlink; `output` itself otherwise.
pub fn real_output(output: &Path) -> anyhow::Result<PathBuf> {
    match std::fs::symlink_metadata(output) {
        Ok(meta) if meta.file_type().is_symlink() => output.canonicalize().with_context(|| {
            format!(
                "the output folder {} is a symlink to a folder that does not exist\n  help: create the folder it points to, or choose another output folder",
                output.display()
            )
        }),
        _ => Ok(output.to_path_buf()),
    }
}

/// Every file (anything but a folder; symlinks are not followed) under
/// `dir`, relative and `/`-separated, the marker left out.
fn files_under(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if rel != MARKER_FILE {
            out.push(rel);
        }
    }
    Ok(out)
}

/// Records in `dir` every file written there, so the next build knows the
/// folder is its own to replace. Call once `dir` holds the whole output.
pub fn mark_as_written(dir: &Path) -> anyhow::Result<()> {
    let marker = Marker {
        about: "Written by dateline: the files it wrote into this folder. A build replaces the folder whole only when it holds nothing else.".into(),
        files: files_under(dir)?,
    };
    let path = dir.join(MARKER_FILE);
    let text = serde_json::to_vec_pretty(&marker)?;
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
}

/// Refuses to replace `output` (where the build writes; `shown` is how the
/// user named it) when it holds a file that neither its marker nor
/// `also_written` (what an earlier record says dateline wrote there) lists:
/// replacing the folder would delete it. A missing or empty folder is fine.
pub fn check_output_is_ours(
    output: &Path,
    shown: &Path,
    also_written: Option<&HashSet<String>>,
) -> anyhow::Result<()> {
    if !output.is_dir() {
        return Ok(());
    }
    let marked: HashSet<String> = std::fs::read(output.join(MARKER_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Marker>(&bytes).ok())
        .map(|m| m.files.into_iter().collect())
        .unwrap_or_default();
    let foreign: Vec<String> = files_under(output)?
        .into_iter()
        .filter(|f| !marked.contains(f) && !also_written.is_some_and(|w| w.contains(f)))
        .collect();
    if foreign.is_empty() {
        return Ok(());
    }
    let mut named = foreign
        .iter()
        .take(3)
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if foreign.len() > 3 {
        named.push_str(&format!(" and {} more", foreign.len() - 3));
    }
    let target = if output == shown {
        String::new()
    } else {
        format!(" (a symlink to {})", output.display())
    };
    bail!(
        "the output folder {}{target} holds files dateline did not write: {named}; a build replaces its output folder whole, so it would delete them\n  help: choose an empty or new output folder, or pass --force (or set `force_output: true` in dateline.yaml) to replace the folder and everything in it",
        shown.display()
    )
}

/// Writes rendered files into a folder; large exports stream through a
/// buffer instead of being held whole.
pub struct Disk<'a>(pub &'a Path);

impl Sink for Disk<'_> {
    fn file(&self, _: usize, file: OutputFile) -> anyhow::Result<()> {
        write_file(self.0, &file)
    }

    fn stream(
        &self,
        _: usize,
        path: &Path,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        let target = checked_target(self.0, path)?;
        let file = std::fs::File::create(&target)
            .with_context(|| format!("writing {}", target.display()))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut w)
            .and_then(|()| std::io::Write::flush(&mut w))
            .with_context(|| format!("writing {}", target.display()))
    }
}

/// `dir/path`, refusing paths that leave `dir`, with its parent folders made.
pub fn checked_target(dir: &Path, path: &Path) -> anyhow::Result<PathBuf> {
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        bail!(
            "refusing to write outside the output folder: {}",
            path.display()
        );
    }
    let target = dir.join(path);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    Ok(target)
}

/// Writes one file under `dir`, refusing paths that would leave it.
pub fn write_file(dir: &Path, f: &OutputFile) -> anyhow::Result<()> {
    let target = checked_target(dir, &f.path)?;
    std::fs::write(&target, &f.bytes).with_context(|| format!("writing {}", target.display()))
}

/// What [`write_atomically`] did: `fill`'s value, and a warning when the
/// new output is in place but the previous one could not be removed.
pub struct Written<T> {
    pub value: T,
    pub leftover: Option<String>,
}

/// Lets `fill` write the new site into a fresh temporary folder beside
/// `output`, then swaps it in. On any failure the temporary folder is
/// removed and `output` is left exactly as it was. Once the new output is
/// in place the build has succeeded: failing to remove the previous one
/// only leaves a folder behind, and is returned as a warning.
pub fn write_atomically<T>(
    output: &Path,
    fill: impl FnOnce(&Path) -> anyhow::Result<T>,
) -> anyhow::Result<Written<T>> {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    remove_stale_staging(parent, &name);
    let staging = parent.join(format!(".{name}.dateline-new-{}", std::process::id()));
    let result = (|| -> anyhow::Result<Written<T>> {
        if staging.exists() {
            remove_tree(&staging)?;
        }
        std::fs::create_dir(&staging).with_context(|| format!("creating {}", staging.display()))?;
        let value = fill(&staging)?;
        let leftover = swap_in(&staging, output, parent, &name)?;
        Ok(Written { value, leftover })
    })();
    if result.is_err() {
        let _ = remove_tree(&staging);
    }
    result
}

/// `remove_dir_all`, with the entries of each folder removed in parallel:
/// the previous output of a large site has tens of thousands of folders.
/// Symlinks are removed, never followed.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|e| {
        if e.file_type()?.is_dir() {
            remove_tree(&e.path())
        } else {
            std::fs::remove_file(e.path())
        }
    })?;
    std::fs::remove_dir(dir)
}

/// The warning for a previous output that could not be removed once the
/// new one was in place.
fn leftover(old: &Path, removed: std::io::Result<()>) -> Option<String> {
    removed.err().map(|e| {
        format!(
            "the new site is in place, but the previous output could not be removed from {}: {e}\n  help: delete that folder (the next build tries again)",
            old.display()
        )
    })
}

/// Puts `staging` where `output` is; returns the warning of a previous
/// output that could not be removed.
fn swap_in(
    staging: &Path,
    output: &Path,
    parent: &Path,
    name: &str,
) -> anyhow::Result<Option<String>> {
    if !output.exists() {
        std::fs::rename(staging, output)
            .with_context(|| format!("moving the new site into {}", output.display()))?;
        return Ok(None);
    }
    // One atomic step where the platform has it: exchange the two folders,
    // so a build killed at any moment leaves the old or the new output whole.
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, staging, CWD, output, RenameFlags::EXCHANGE).is_ok() {
            // `staging` now holds the previous output.
            return Ok(leftover(staging, remove_tree(staging)));
        }
    }
    // Fallback (file systems without exchange): two renames, restoring the
    // old output if the second fails.
    let old = parent.join(format!(".{name}.dateline-old-{}", std::process::id()));
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    std::fs::rename(output, &old)
        .with_context(|| format!("moving the previous {} aside", output.display()))?;
    if let Err(e) = std::fs::rename(staging, output) {
        let _ = std::fs::rename(&old, output);
        return Err(e).with_context(|| format!("moving the new site into {}", output.display()));
    }
    Ok(leftover(&old, remove_tree(&old)))
}

/// Removes staging folders that interrupted builds left beside the output,
/// skipping any that belong to a build still running.
fn remove_stale_staging(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefix = format!(".{name}.dateline-");
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.rsplit('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|p| p == std::process::id() || process_alive(p));
        if !alive {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Without a cheap check, keep the folder: leaking is safer than
        // deleting a running build's output.
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut out: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        out.sort();
        out
    }

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: PathBuf::from(path),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn the_new_output_replaces_the_old_whole_and_no_staging_folder_stays() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        std::fs::create_dir_all(output.join("old")).unwrap();
        std::fs::write(output.join("old/index.html"), "old").unwrap();
        let pages = write_atomically(&output, |staging| {
            write_file(staging, &file("articles/a/index.html", "new"))?;
            Ok(1)
        })
        .unwrap()
        .value;
        assert_eq!(pages, 1);
        assert_eq!(names(&output), ["articles"]);
        assert_eq!(
            std::fs::read_to_string(output.join("articles/a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn a_missing_output_folder_is_made() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("deep/public");
        write_atomically(&output, |staging| write_file(staging, &file("a.txt", "a"))).unwrap();
        assert_eq!(names(&output), ["a.txt"]);
        assert_eq!(names(&dir.path().join("deep")), ["public"]);
    }

    #[test]
    fn a_failed_build_leaves_the_old_output_exactly_and_no_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        std::fs::create_dir(&output).unwrap();
        std::fs::write(output.join("index.html"), "old").unwrap();
        let result: anyhow::Result<Written<()>> = write_atomically(&output, |staging| {
            write_file(staging, &file("index.html", "half"))?;
            bail!("a template failed")
        });
        assert!(result.is_err());
        assert_eq!(names(&output), ["index.html"]);
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "old"
        );
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn files_are_never_written_outside_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        for bad in [
            "../escape.html",
            "/etc/passwd",
            "a/../../b.html",
            "./a.html",
        ] {
            assert!(
                checked_target(dir.path(), Path::new(bad)).is_err(),
                "{bad} was allowed"
            );
        }
        let target = checked_target(dir.path(), Path::new("tags/x/index.html")).unwrap();
        assert_eq!(target, dir.path().join("tags/x/index.html"));
        assert!(
            dir.path().join("tags/x").is_dir(),
            "parent folders are made"
        );
    }

    #[test]
    fn a_streamed_file_is_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        Disk(dir.path())
            .stream(0, Path::new("data/events.json"), &|w| {
                w.write_all(b"{\"events\":")?;
                w.write_all(b"[]}")
            })
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("data/events.json")).unwrap(),
            "{\"events\":[]}"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn staging_folders_of_dead_builds_are_removed_and_a_running_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let ours = format!(".public.dateline-new-{}", std::process::id());
        // No process has an id this large (the kernel's limit is 2^22).
        let dead = ".public.dateline-new-4000000000";
        let unnamed = ".public.dateline-old-x";
        for name in [ours.as_str(), dead, unnamed, ".other", "public"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        remove_stale_staging(dir.path(), "public");
        let mut want = vec![".other".to_string(), ours, "public".to_string()];
        want.sort();
        assert_eq!(names(dir.path()), want);
    }

    #[cfg(unix)]
    #[test]
    fn removing_a_tree_deletes_a_symlink_not_what_it_points_at() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("keep.txt"), "mine").unwrap();
        let tree = dir.path().join("old");
        std::fs::create_dir_all(tree.join("a/b")).unwrap();
        std::fs::write(tree.join("a/b/page.html"), "x").unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), tree.join("a/link")).unwrap();
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert!(elsewhere.path().join("keep.txt").exists());
    }

    #[test]
    fn the_output_may_not_be_or_hold_the_sites_own_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["content", "templates", "static"] {
            std::fs::create_dir(root.join(folder)).unwrap();
        }
        for bad in [".", "content", "static/out", "templates/x/y"] {
            assert!(
                check_output_location(root, &root.join(bad)).is_err(),
                "{bad} was allowed"
            );
        }
        assert!(check_output_location(root, &root.join("content/../..")).is_err());
        assert!(check_output_location(root, &root.join("public")).is_ok());
        assert!(check_output_location(root, &root.join("build/site")).is_ok());
        std::fs::write(root.join("a-file"), "x").unwrap();
        assert!(check_output_location(root, &root.join("a-file")).is_err());
    }
}
