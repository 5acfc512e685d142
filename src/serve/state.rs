//! The site as the server keeps it between rebuilds: every article parsed,
//! with its own events, so a change redoes only what it affects. A changed
//! article goes through [`Site::upsert_article`] alone (read, tagged and
//! extracted as a full load would) and is merged with the others' kept
//! events; a template change re-renders without re-reading anything; a
//! static file is copied alone; the config reloads everything.
//!
//! Errors are kept per source (an article, the templates, the config): the
//! last good version of that source stays in use, and the error stays
//! reported until that source is fixed.

use super::snapshot::{self, Snapshot};
use super::watch::Batch;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::progress::{Progress, Stage, StageTime};
use crate::render::{Pages, theme};
use crate::site::{ArticleChanges, Site, SiteOptions};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The error key of a failed whole-site load (config, or the first load).
const LOAD: &str = "(load)";
const TEMPLATES: &str = "templates/";
const RENDER: &str = "(render)";
/// After an article's path, the error key of its links to other articles
/// that broke when those changed.
const LINKS: &str = " (links)";

pub struct State {
    root: PathBuf,
    options: SiteOptions,
    /// The last good site; `None` until one has loaded.
    site: Option<Site>,
    errors: BTreeMap<String, Diagnostics>,
    /// Article pages (by slug) whose sources changed but that have not
    /// rendered yet because rendering failed; `render_all` likewise.
    pending: HashSet<String>,
    render_all: bool,
    /// The index lags the article pages: it is rendered in a second step
    /// (see [`State::render_index`]), since at 10,000 articles it takes
    /// far longer than one article page.
    index_stale: bool,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Outcome {
    /// The snapshot to serve from now on, when anything served changed.
    pub snapshot: Option<Snapshot>,
    /// Pages and files replaced.
    pub files: usize,
    /// The URL paths that changed (`/`, `/articles/a/`), or `*` when every
    /// page may have (a template, a style sheet, the 404 page).
    pub paths: Vec<String>,
    pub articles: usize,
    pub events: usize,
    /// How long each stage of a whole load took (loading, extracting,
    /// merging, rendering), for `serve --timings`; empty otherwise.
    pub timings: Vec<(Stage, StageTime)>,
}

impl State {
    pub fn new(root: &Path, options: SiteOptions) -> State {
        State {
            root: root.to_path_buf(),
            options,
            site: None,
            errors: BTreeMap::new(),
            pending: HashSet::new(),
            render_all: false,
            index_stale: false,
        }
    }

    /// Every current error, sorted, or none.
    pub fn errors(&self) -> Diagnostics {
        let mut all = Diagnostics::default();
        for d in self.errors.values() {
            all.extend(d.clone());
        }
        all.sorted()
    }

    /// Loads the whole site and renders every page into a new snapshot
    /// (the first build, a config change, or recovery from a failed load).
    pub fn load_all(&mut self, current: &Snapshot) -> Outcome {
        let progress = Progress::new();
        let hooks = crate::site::LoadHooks {
            progress: Some(&progress),
            ..Default::default()
        };
        match Site::load_with(&self.root, &self.options, hooks) {
            Ok(site) => {
                // The timeline is merged on first use; merge it here so the
                // stage times tell merging from rendering.
                progress.start(Stage::Merging, 0);
                site.timeline();
                progress.start(Stage::Rendering, 0);
                self.site = Some(site);
                self.errors.clear();
                self.render_all = true;
                self.pending.clear();
                let mut out = self.render(current, Vec::new(), HashSet::new(), true);
                progress.start(Stage::Done, 0);
                out.timings = progress
                    .timings()
                    .into_iter()
                    .filter(|(stage, _)| *stage != Stage::Done)
                    .collect();
                out
            }
            Err(d) => {
                self.errors.clear();
                self.errors.insert(LOAD.into(), d);
                self.index_stale = false;
                let snapshot = if self.site.is_none() && current.files.is_empty() {
                    Some(placeholder(current.generation + 1))
                } else {
                    None
                };
                Outcome {
                    files: snapshot.as_ref().map_or(0, |s| s.files.len()),
                    snapshot,
                    paths: vec!["*".into()],
                    articles: 0,
                    events: 0,
                    timings: Vec::new(),
                }
            }
        }
    }

    /// Applies one batch of changes to the site and the snapshot `current`.
    pub fn apply(&mut self, batch: &Batch, current: &Snapshot) -> Outcome {
        if batch.everything || batch.config || self.site.is_none() || self.errors.contains_key(LOAD)
        {
            return self.load_all(current);
        }
        let mut statics: Vec<(String, Option<Vec<u8>>)> = Vec::new();
        for rel in &batch.statics {
            self.static_file(rel, &mut statics);
        }
        if batch.templates {
            let site = self.site.as_mut().expect("loaded");
            match site.reload_templates() {
                Ok(()) => {
                    self.errors.remove(TEMPLATES);
                    self.render_all = true;
                }
                Err(d) => {
                    self.errors.insert(TEMPLATES.into(), d);
                }
            }
        }
        let mut changes = ArticleChanges::default();
        let mut content_changed = false;
        for rel in &batch.content {
            content_changed |= self.content_path(rel, &mut changes);
        }
        if content_changed {
            // An article refused over another one (the slug it had taken)
            // may be accepted now, as a full build would: read the refused
            // articles again.
            let refused: Vec<PathBuf> = self
                .errors
                .keys()
                .filter(|k| k.starts_with("content/") && k.ends_with(".md"))
                .map(PathBuf::from)
                .filter(|p| !batch.content.contains(p))
                .collect();
            for rel in refused {
                content_changed |= self.article(&rel, &mut changes);
            }
        }
        for (path, problems) in std::mem::take(&mut changes.link_problems) {
            let key = format!("{path}{LINKS}");
            if problems.is_empty() {
                self.errors.remove(&key);
            } else {
                self.errors.insert(key, problems);
            }
        }
        let ArticleChanges {
            touched, removed, ..
        } = changes;
        if content_changed {
            let site = self.site.as_mut().expect("loaded");
            let old: HashSet<String> = co_sourced(site, &touched);
            site.refresh_timeline();
            let new = co_sourced(site, &touched);
            self.pending.extend(old);
            self.pending.extend(new);
            self.pending.extend(touched);
        }
        self.index_stale |= content_changed;
        self.render(current, statics, removed, false)
    }

    /// Whether the index still shows an older state of the articles.
    pub fn index_stale(&self) -> bool {
        self.index_stale && self.site.is_some()
    }

    /// Renders the index after [`State::apply`] changed articles.
    pub fn render_index(&mut self, current: &Snapshot) -> Outcome {
        self.render(current, Vec::new(), HashSet::new(), true)
    }

    /// Re-reads one path under content/: an article, or a folder of them.
    /// Returns whether the site's articles changed.
    fn content_path(&mut self, rel: &Path, changes: &mut ArticleChanges) -> bool {
        let abs = self.root.join(rel);
        let key = rel.to_string_lossy().replace('\\', "/");
        if abs.is_dir() {
            let mut changed = false;
            for entry in walkdir::WalkDir::new(&abs)
                .follow_links(false)
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                })
                .filter_map(Result::ok)
            {
                if entry.path().extension().is_some_and(|x| x == "md") {
                    let rel = entry
                        .path()
                        .strip_prefix(&self.root)
                        .unwrap_or(entry.path());
                    changed |= self.article(rel, changes);
                }
            }
            return changed;
        }
        if rel.extension().is_some_and(|x| x == "md") {
            return self.article(rel, changes);
        }
        // A folder that has gone: drop the articles that were in it.
        if !abs.exists() {
            let prefix = format!("{key}/");
            let site = self.site.as_mut().expect("loaded");
            let gone: Vec<String> = site
                .articles()
                .iter()
                .filter(|a| a.path.starts_with(&prefix))
                .map(|a| a.path.clone())
                .collect();
            self.errors.retain(|k, _| !k.starts_with(&prefix));
            for path in &gone {
                site.remove_article(path, changes);
            }
            return !gone.is_empty();
        }
        false
    }

    /// Re-reads one article file into the site.
    fn article(&mut self, rel: &Path, changes: &mut ArticleChanges) -> bool {
        let key = rel.to_string_lossy().replace('\\', "/");
        let abs = self.root.join(rel);
        let site = self.site.as_mut().expect("loaded");
        let bytes = match read_inside(&self.root, &abs) {
            Ok(Some(b)) => b,
            Ok(None) => {
                self.errors.remove(&key);
                return site.remove_article(&key, changes);
            }
            Err(message) => {
                self.errors
                    .insert(key.clone(), Diagnostic::whole_file(&key, message).into());
                return false;
            }
        };
        match site.upsert_article(&key, &bytes, changes) {
            Ok(changed) => {
                self.errors.remove(&key);
                changed
            }
            Err(d) => {
                self.errors.insert(key, d);
                false
            }
        }
    }

    /// Reads one file under static/ (or notes that it has gone: then a
    /// built-in file of the same name, if any, shows through again).
    fn static_file(&mut self, rel: &Path, out: &mut Vec<(String, Option<Vec<u8>>)>) {
        let abs = self.root.join(rel);
        let Ok(inside) = rel.strip_prefix("static") else {
            return;
        };
        let Some(key) = snapshot::key(inside) else {
            return;
        };
        let err_key = rel.to_string_lossy().replace('\\', "/");
        if abs.is_dir() {
            for entry in walkdir::WalkDir::new(&abs)
                .follow_links(false)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.depth() > 0)
            {
                let rel = entry
                    .path()
                    .strip_prefix(&self.root)
                    .unwrap_or(entry.path());
                self.static_file(rel, out);
            }
            return;
        }
        let meta = std::fs::symlink_metadata(&abs);
        let site_root = self
            .root
            .canonicalize()
            .unwrap_or_else(|_| self.root.clone());
        let link = meta
            .as_ref()
            .is_ok_and(|m| m.file_type().is_symlink())
            .then(|| crate::site::static_link(&site_root, &abs, rel));
        match (meta, link) {
            // As `build` does: a symlink brings what it points to inside
            // the site, and is refused otherwise.
            (_, Some(Err(d))) => {
                self.errors.insert(err_key, d.into());
            }
            (_, Some(Ok(crate::site::LinkTarget::Folder(_)))) => {
                self.errors.remove(&err_key);
                self.render_all = true;
            }
            (_, Some(Ok(crate::site::LinkTarget::File(target)))) => {
                self.read_static(&target, key, err_key, out);
            }
            (Ok(m), None) if m.file_type().is_file() => self.read_static(&abs, key, err_key, out),
            (Ok(_), None) => {}
            (Err(_), _) => {
                self.errors.remove(&err_key);
                let builtin = theme::STATIC
                    .iter()
                    .find(|(name, _)| *name == key)
                    .map(|(_, b)| b.to_vec());
                out.push((key, builtin));
            }
        }
    }

    /// Reads the static file at `path` (`err_key` is its site path, for
    /// messages) into `out` under `key`, or records why it cannot be read.
    fn read_static(
        &mut self,
        path: &Path,
        key: String,
        err_key: String,
        out: &mut Vec<(String, Option<Vec<u8>>)>,
    ) {
        match std::fs::read(path) {
            Ok(bytes) => {
                self.errors.remove(&err_key);
                out.push((key, Some(bytes)));
            }
            Err(e) => {
                let problem = Diagnostic::whole_file(&err_key, format!("cannot read: {e}"));
                self.errors.insert(err_key, problem.into());
            }
        }
    }

    /// Renders what is pending into a new snapshot made from `current`.
    fn render(
        &mut self,
        current: &Snapshot,
        statics: Vec<(String, Option<Vec<u8>>)>,
        removed: HashSet<String>,
        index: bool,
    ) -> Outcome {
        let site = self.site.as_ref().expect("loaded");
        let (articles, events) = (site.articles().len(), site.timeline().events.len());
        let mut next = if self.render_all {
            Snapshot::default()
        } else {
            current.clone()
        };
        next.generation = current.generation + 1;
        let mut files = 0;
        let mut changed_keys: Vec<String> = Vec::new();
        if self.render_all {
            changed_keys.push("*".into());
            match site.static_files_checked() {
                Ok((all, refused)) => {
                    self.errors.remove("static/");
                    for f in all {
                        if let Some(k) = snapshot::key(&f.path) {
                            next.insert(k, f.bytes);
                        }
                    }
                    for (path, d) in refused {
                        self.errors.insert(path, d.into());
                    }
                }
                Err(e) => {
                    self.errors.insert(
                        "static/".into(),
                        Diagnostic::whole_file("static", format!("{e:#}")).into(),
                    );
                    // Keep the static files being served.
                    for (k, v) in &current.files {
                        if !k.ends_with(".html") {
                            next.files.insert(k.clone(), v.clone());
                        }
                    }
                }
            }
        }
        for (k, bytes) in statics {
            files += 1;
            changed_keys.push(k.clone());
            match bytes {
                Some(b) => next.insert(k, b),
                None => {
                    next.remove(&k);
                }
            }
        }
        for slug in &removed {
            let k = format!("articles/{slug}/index.html");
            next.remove(&k);
            changed_keys.push(k);
        }
        let rendering_index = index || self.render_all;
        let which = Pages {
            index: rendering_index,
            not_found: self.render_all,
            articles: if self.render_all {
                None
            } else {
                Some(&self.pending)
            },
        };
        let wants_pages = which.index || which.not_found || !self.pending.is_empty();
        if wants_pages {
            match site.render_pages(which) {
                Ok(pages) => {
                    self.errors.remove(RENDER);
                    for page in pages {
                        if let Some(k) = snapshot::key(&page.path) {
                            files += 1;
                            changed_keys.push(k.clone());
                            next.insert(k, page.bytes);
                        }
                    }
                    self.pending.clear();
                    self.render_all = false;
                    if rendering_index {
                        self.index_stale = false;
                    }
                }
                Err(d) => {
                    self.errors.insert(RENDER.into(), d);
                    if self.render_all {
                        // Nothing rendered: keep serving the previous site.
                        return Outcome {
                            snapshot: None,
                            files: 0,
                            paths: Vec::new(),
                            articles,
                            events,
                            timings: Vec::new(),
                        };
                    }
                }
            }
        }
        Outcome {
            snapshot: (files > 0 || !removed.is_empty()).then_some(next),
            files,
            paths: url_paths(&changed_keys),
            articles,
            events,
            timings: Vec::new(),
        }
    }
}

/// The URL paths pages are at for changed snapshot keys: `*` when a change
/// can show on any page (anything but an HTML page, or the 404 page).
fn url_paths(keys: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for k in keys {
        if k == "*" || k == "404.html" || !k.ends_with(".html") {
            return vec!["*".into()];
        }
        let folder = k.strip_suffix("index.html").unwrap_or(k);
        out.push(format!("/{folder}"));
    }
    out.sort();
    out.dedup();
    out
}

/// The slugs of every article that shares an event with one of `slugs`.
fn co_sourced(site: &Site, slugs: &HashSet<String>) -> HashSet<String> {
    let mut out = HashSet::new();
    for e in &site.timeline().events {
        if e.sources.len() > 1 && e.sources.iter().any(|s| slugs.contains(&*s.article_slug)) {
            out.extend(e.sources.iter().map(|s| s.article_slug.to_string()));
        }
    }
    out
}

/// The bytes of a file under the root; `None` when it is gone. A symlink is
/// followed only when it stays inside the site, as `build` does.
fn read_inside(root: &Path, abs: &Path) -> Result<Option<Vec<u8>>, String> {
    let meta = match std::fs::symlink_metadata(abs) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read the file: {e}")),
    };
    if meta.file_type().is_symlink() {
        match abs.canonicalize() {
            Ok(target) if !target.starts_with(root) => {
                return Err(format!(
                    "a symlink to {}, outside the site",
                    target.display()
                ));
            }
            Ok(target) if !target.is_file() => return Ok(None),
            Ok(_) => {}
            Err(e) => return Err(format!("a broken or looping symlink: {e}")),
        }
    } else if !meta.is_file() {
        return Ok(None);
    }
    match std::fs::read(abs) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read the file: {e}")),
    }
}

/// What is served before the site has ever loaded: a page that says so (the
/// overlay shows the errors), and the theme's static files.
fn placeholder(generation: u64) -> Snapshot {
    let mut s = Snapshot {
        generation,
        ..Snapshot::default()
    };
    let page = b"<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>dateline: the site has errors</title></head>\n<body>\n<h1>The site could not be built</h1>\n<p>Fix the errors listed below (and in the terminal); this page reloads by itself.</p>\n</body>\n</html>\n";
    s.insert("index.html".into(), page.to_vec());
    s.insert("404.html".into(), page.to_vec());
    for (name, bytes) in theme::STATIC {
        s.insert(name.to_string(), bytes.to_vec());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_load_times_each_stage_for_serve_timings() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        std::fs::write(
            dir.path().join("content/a.md"),
            "---\ntitle: A\ndate: 2025-02-09\n---\n\nOn Friday, the council voted to close the bridge.\n",
        )
        .unwrap();
        let mut state = State::new(dir.path(), SiteOptions::default());
        let out = state.load_all(&Snapshot::default());
        assert_eq!(out.articles, 1);
        let stages: Vec<Stage> = out.timings.iter().map(|(s, _)| *s).collect();
        for stage in [
            Stage::Loading,
            Stage::Extracting,
            Stage::Merging,
            Stage::Rendering,
        ] {
            assert!(stages.contains(&stage), "{stage:?} missing from {stages:?}");
        }
        assert!(!stages.contains(&Stage::Done));
    }

    #[test]
    fn changed_keys_become_the_urls_pages_are_at() {
        let keys = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            url_paths(&keys(&["articles/a/index.html", "index.html"])),
            ["/", "/articles/a/"]
        );
        assert_eq!(url_paths(&keys(&["index.html", "style.css"])), ["*"]);
        assert_eq!(url_paths(&keys(&["404.html"])), ["*"]);
    }
}
