//! Watches content/, templates/, static/ and the config file with notify,
//! and turns the raw events into debounced batches: what changed, sorted by
//! the kind of rebuild it needs.

use crate::config::CONFIG_FILE;
use notify::{EventKind, RecursiveMode, Watcher as _};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// The folders watched recursively.
pub const WATCHED: [&str; 3] = ["content", "templates", "static"];

/// Changes seen in one debounce window, as paths relative to the site root.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Batch {
    /// Files or folders under content/.
    pub content: BTreeSet<PathBuf>,
    pub templates: bool,
    /// Files or folders under static/.
    pub statics: BTreeSet<PathBuf>,
    pub config: bool,
    /// The watcher lost events (or a watched folder came or went): reload all.
    pub everything: bool,
    /// When the first event of the batch arrived.
    pub first_seen: Option<Instant>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.content.is_empty()
            && !self.templates
            && self.statics.is_empty()
            && !self.config
            && !self.everything
    }

    /// Files the batch is about, for the terminal.
    pub fn describe(&self) -> String {
        if self.everything {
            return "the site".into();
        }
        let mut parts: Vec<String> = Vec::new();
        if self.config {
            parts.push(CONFIG_FILE.into());
        }
        if self.templates {
            parts.push("templates/".into());
        }
        let articles: Vec<_> = self
            .content
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        if articles.is_empty() && !self.content.is_empty() {
            parts.push("content/".into());
        }
        for p in articles.into_iter().chain(&self.statics) {
            parts.push(p.to_string_lossy().replace('\\', "/"));
        }
        if parts.len() > 4 {
            let n = parts.len() - 3;
            parts.truncate(3);
            parts.push(format!("{n} more"));
        }
        parts.join(", ")
    }

    /// Files a changed path under the root into the batch; ignores paths
    /// outside the watched set and hidden files (editor swap and lock files).
    pub fn add(&mut self, root: &Path, path: &Path) {
        let Ok(rel) = path.strip_prefix(root) else {
            return;
        };
        let mut parts = rel.components();
        let Some(first) = parts.next() else {
            self.everything = true;
            return;
        };
        let first = first.as_os_str().to_string_lossy();
        let rest: Vec<_> = parts.map(|c| c.as_os_str().to_string_lossy()).collect();
        if rest.iter().any(|p| p.starts_with('.') || p.ends_with('~')) {
            return;
        }
        match (first.as_ref(), rest.is_empty()) {
            (CONFIG_FILE, true) => self.config = true,
            (_, true) if WATCHED.contains(&first.as_ref()) => self.everything = true,
            ("content", false) => {
                self.content.insert(rel.to_path_buf());
            }
            ("templates", false) => self.templates = true,
            ("static", false) => {
                self.statics.insert(rel.to_path_buf());
            }
            _ => {}
        }
    }
}

/// A running watcher and the channel of its raw events.
pub struct Watcher {
    root: PathBuf,
    inner: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    /// Changes taken off the channel by [`Watcher::has_pending`]: the
    /// start of the next batch.
    early: Batch,
    watching: BTreeSet<&'static str>,
}

impl Watcher {
    /// Watches `root` (an absolute, canonical path): the three folders
    /// recursively and the root itself, not recursively, for the config file
    /// and for those folders appearing or going.
    pub fn start(root: &Path) -> notify::Result<Watcher> {
        let (tx, events) = channel();
        let inner = notify::recommended_watcher(move |e| {
            let _ = tx.send(e);
        })?;
        let mut w = Watcher {
            root: root.to_path_buf(),
            inner,
            events,
            early: Batch::default(),
            watching: BTreeSet::new(),
        };
        w.inner.watch(root, RecursiveMode::NonRecursive)?;
        w.refresh()?;
        Ok(w)
    }

    /// Starts watching any of the folders that has appeared since.
    pub fn refresh(&mut self) -> notify::Result<()> {
        for dir in WATCHED {
            let path = self.root.join(dir);
            if path.is_dir() {
                if !self.watching.contains(dir) {
                    self.inner.watch(&path, RecursiveMode::Recursive)?;
                    self.watching.insert(dir);
                }
            } else {
                self.watching.remove(dir);
            }
        }
        Ok(())
    }

    /// Blocks for the next change, then gathers the events that follow it
    /// until `quiet` passes without one (or `longest` has passed), so an
    /// editor's write-rename-chmod or a `git checkout` is one rebuild.
    /// `None` when the watcher has stopped.
    pub fn next_batch(&mut self, quiet: Duration, longest: Duration) -> Option<Batch> {
        let mut batch = std::mem::take(&mut self.early);
        while batch.is_empty() {
            let event = self.events.recv().ok()?;
            batch.first_seen = Some(Instant::now());
            self.add_event(&mut batch, event);
        }
        let start = Instant::now();
        loop {
            let left = longest.saturating_sub(start.elapsed());
            if left.is_zero() {
                break;
            }
            match self.events.recv_timeout(quiet.min(left)) {
                Ok(event) => self.add_event(&mut batch, event),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        if batch.everything {
            let _ = self.refresh();
        }
        Some(batch)
    }

    /// Whether a change that needs a rebuild has arrived since the last
    /// batch (events that need none, such as closing a file, are dropped).
    pub fn has_pending(&mut self) -> bool {
        while self.early.is_empty() {
            let Ok(event) = self.events.try_recv() else {
                break;
            };
            let mut early = std::mem::take(&mut self.early);
            early.first_seen = Some(Instant::now());
            self.add_event(&mut early, event);
            self.early = early;
        }
        !self.early.is_empty()
    }

    fn add_event(&self, batch: &mut Batch, event: notify::Result<notify::Event>) {
        let event = match event {
            Ok(e) => e,
            Err(_) => {
                batch.everything = true;
                return;
            }
        };
        if event.need_rescan() {
            batch.everything = true;
            return;
        }
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for p in &event.paths {
            batch.add(&self.root, p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_sorted_by_what_they_need() {
        let root = Path::new("/site");
        let mut b = Batch::default();
        b.add(root, Path::new("/site/content/a.md"));
        b.add(root, Path::new("/site/content/.a.md.swp"));
        b.add(root, Path::new("/site/content/a.md~"));
        b.add(root, Path::new("/site/static/img/logo.svg"));
        b.add(root, Path::new("/site/Cargo.toml"));
        b.add(root, Path::new("/elsewhere/content/b.md"));
        assert_eq!(
            b.content.iter().collect::<Vec<_>>(),
            [Path::new("content/a.md")]
        );
        assert_eq!(
            b.statics.iter().collect::<Vec<_>>(),
            [Path::new("static/img/logo.svg")]
        );
        assert!(!b.templates && !b.config && !b.everything);
        b.add(root, Path::new("/site/templates/base.html"));
        b.add(root, Path::new("/site/dateline.yaml"));
        assert!(b.templates && b.config);
        b.add(root, Path::new("/site/static"));
        assert!(b.everything);
    }
}
