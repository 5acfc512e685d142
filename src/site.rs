//! A site: its config, articles, timeline and templates, loaded and checked
//! as a whole, then rendered and written atomically into the output folder.

use crate::config::Config;
use crate::content::{self, Article, LoadOptions};
use crate::diagnostics::Diagnostics;
use crate::extract;
use crate::render::{OutputFile, Renderer, theme};
use crate::temporal::{Tagger, TaggerOptions};
use crate::timeline::{Event, Timeline};
use anyhow::{Context as _, bail};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::time::Instant;

/// What a build or check is asked to do beyond the config.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    pub drafts: bool,
    /// Overrides the config's `base_url`.
    pub base_url: Option<String>,
}

/// Which pages [`Site::render_pages`] renders: [`Site::render`] asks for
/// all of them, `dateline serve` for only those a change affects.
#[derive(Debug, Clone, Copy)]
pub struct Pages<'a> {
    pub index: bool,
    pub not_found: bool,
    /// The slugs of the article pages to render; `None` for every one.
    pub articles: Option<&'a HashSet<String>>,
}

impl Pages<'_> {
    pub const ALL: Pages<'static> = Pages {
        index: true,
        not_found: true,
        articles: None,
    };
}

/// A loaded, validated site, ready to render.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub articles: Vec<Article>,
    /// Each article's own events before merging, index for index with
    /// `articles`; kept so one changed article can be redone alone.
    pub article_events: Vec<Vec<Event>>,
    pub timeline: Timeline,
    renderer: Renderer,
}

/// What a build did, for the summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildReport {
    pub articles: usize,
    pub events: usize,
    pub pages: usize,
    pub seconds: f64,
    pub output: PathBuf,
}

impl Site {
    /// Reads the config, every article and every template, and reports every
    /// problem found in any of them at once.
    pub fn load(root: &Path, options: &SiteOptions) -> Result<Site, Diagnostics> {
        let mut problems = Diagnostics::default();
        let mut config = match Config::load(root) {
            Ok(c) => c,
            Err(e) => {
                problems.extend(e);
                Config::default()
            }
        };
        if let Some(base) = &options.base_url {
            config.base_url = base.clone();
        }
        let articles = match content::load(
            root,
            config.tz(),
            LoadOptions {
                drafts: options.drafts,
                allow_raw_html: config.allow_raw_html,
            },
        ) {
            Ok(a) => a,
            Err(e) => {
                problems.extend(e);
                Vec::new()
            }
        };
        let renderer = match Renderer::new(root) {
            Ok(r) => Some(r),
            Err(e) => {
                problems.extend(e);
                None
            }
        };
        let (Some(renderer), true) = (renderer, problems.is_empty()) else {
            return Err(problems.sorted());
        };
        let tagger = tagger_for(&config);
        let article_events: Vec<Vec<Event>> = articles
            .par_iter()
            .map(|a| extract::article_events(a, &tagger))
            .collect();
        let timeline = extract::assemble(&articles, &article_events);
        Ok(Site {
            root: root.to_path_buf(),
            config,
            articles,
            article_events,
            timeline,
            renderer,
        })
    }

    /// Renders every page and export into memory.
    pub fn render(&self) -> Result<Vec<OutputFile>, Diagnostics> {
        self.render_pages(Pages::ALL)
    }

    /// Renders the selected pages into memory.
    pub fn render_pages(&self, which: Pages<'_>) -> Result<Vec<OutputFile>, Diagnostics> {
        crate::render::pages::render_site(
            &self.renderer,
            &self.config,
            &self.articles,
            &self.timeline,
            which,
        )
    }

    /// Renders and writes the site into `output` (default: the config's
    /// output folder), atomically: into a temporary folder beside it that
    /// replaces the old output only when everything succeeded.
    pub fn build(&self, output: Option<&Path>) -> anyhow::Result<BuildReport> {
        let started = Instant::now();
        let output = match output {
            Some(o) if o.is_absolute() => o.to_path_buf(),
            Some(o) => std::env::current_dir()?.join(o),
            None => self.config.output_path(&self.root),
        };
        check_output_location(&self.root, &output)?;
        let pages = self.render()?;
        let page_count = pages
            .iter()
            .filter(|f| f.path.extension().is_some_and(|e| e == "html"))
            .count();
        let mut files = pages;
        files.extend(self.static_files()?);
        write_atomically(&output, &files)?;
        Ok(BuildReport {
            articles: self.articles.len(),
            events: self.timeline.events.len(),
            pages: page_count,
            seconds: started.elapsed().as_secs_f64(),
            output,
        })
    }

    /// The tagger as the config sets it up.
    pub fn tagger(&self) -> Tagger {
        tagger_for(&self.config)
    }

    /// Re-reads the templates; on error the previous ones stay in use.
    pub fn reload_templates(&mut self) -> Result<(), Diagnostics> {
        self.renderer = Renderer::new(&self.root)?;
        Ok(())
    }

    /// The built-in static files, then the site's static/ folder over them.
    pub fn static_files(&self) -> anyhow::Result<Vec<OutputFile>> {
        let mut files: Vec<OutputFile> = theme::STATIC
            .iter()
            .map(|(name, bytes)| OutputFile {
                path: PathBuf::from(name),
                bytes: bytes.to_vec(),
            })
            .collect();
        let dir = self.root.join("static");
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir)
                .follow_links(false)
                .sort_by_file_name()
            {
                let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                let bytes = std::fs::read(entry.path())
                    .with_context(|| format!("reading static file {}", entry.path().display()))?;
                files.retain(|f| f.path != rel);
                files.push(OutputFile { path: rel, bytes });
            }
        }
        Ok(files)
    }
}

fn tagger_for(config: &Config) -> Tagger {
    Tagger::new(TaggerOptions {
        mode: config.tagger.mode,
        date_order: config.tagger.date_order,
    })
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

/// Writes `files` into a fresh temporary folder beside `output`, then swaps
/// it in. On any failure the temporary folder is removed and `output` is
/// left exactly as it was.
fn write_atomically(output: &Path, files: &[OutputFile]) -> anyhow::Result<()> {
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
    let result = (|| -> anyhow::Result<()> {
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir(&staging).with_context(|| format!("creating {}", staging.display()))?;
        for f in files {
            if f.path
                .components()
                .any(|c| !matches!(c, Component::Normal(_)))
            {
                bail!(
                    "refusing to write outside the output folder: {}",
                    f.path.display()
                );
            }
            let target = staging.join(&f.path);
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            std::fs::write(&target, &f.bytes)
                .with_context(|| format!("writing {}", target.display()))?;
        }
        swap_in(&staging, output, parent, &name)
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn swap_in(staging: &Path, output: &Path, parent: &Path, name: &str) -> anyhow::Result<()> {
    if !output.exists() {
        return std::fs::rename(staging, output)
            .with_context(|| format!("moving the new site into {}", output.display()));
    }
    // One atomic step where the platform has it: exchange the two folders,
    // so a build killed at any moment leaves the old or the new output whole.
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, staging, CWD, output, RenameFlags::EXCHANGE).is_ok() {
            // `staging` now holds the previous output.
            return std::fs::remove_dir_all(staging).with_context(|| {
                format!("removing the previous output, now at {}", staging.display())
            });
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
    std::fs::remove_dir_all(&old)
        .with_context(|| format!("removing the previous output {}", old.display()))
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

/// Checks a site without writing anything: loads and renders it all.
pub fn check(root: &Path, options: &SiteOptions) -> Result<Site, Diagnostics> {
    let site = Site::load(root, options)?;
    site.render()?;
    Ok(site)
}
