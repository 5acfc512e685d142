//! A site: its config, articles, timeline and templates, loaded and checked
//! as a whole, then rendered and written atomically into the output folder.

use crate::cache::{self, Cache};
use crate::config::Config;
use crate::content::{self, Article, LoadOptions};
use crate::diagnostics::Diagnostics;
use crate::extract;
use crate::hash::{Hash, content_hash};
use crate::output::{Disk, check_output_location, write_atomically, write_file};
use crate::progress::{Progress, Stage};
use crate::render::pages::RenderError;
use crate::render::{OutputFile, Pages, Renderer, theme};
use crate::temporal::Tagger;
use crate::timeline::{Event, Timeline};
use anyhow::Context as _;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What a build or check is asked to do beyond the config.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    pub drafts: bool,
    /// Overrides the config's `base_url`.
    pub base_url: Option<String>,
}

/// A loaded, validated site, ready to render.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub articles: Vec<Article>,
    /// Each article's own events before merging, index for index with
    /// `articles`; kept so one changed article can be redone alone.
    pub article_events: Vec<Vec<Event>>,
    /// The merged timeline, made on first use: a build whose output is
    /// already up to date never needs it.
    timeline: std::sync::OnceLock<Timeline>,
    renderer: Renderer,
    /// What the build cache gave and what it should be told.
    cache: CacheState,
}

/// How [`Site::load_with`] loads beyond the options.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadHooks<'a> {
    /// Reuse and refresh the build cache in `.dateline-cache/`.
    pub cache: bool,
    /// Counters to bump as articles load and pages render.
    pub progress: Option<&'a Progress>,
}

/// What the build cache did during a load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Articles taken from the cache: not parsed, tagged or extracted.
    pub hits: usize,
    /// Articles parsed and extracted.
    pub misses: usize,
}

#[derive(Default)]
struct CacheState {
    enabled: bool,
    context: Hash,
    /// Index for index with `Site::articles`.
    hashes: Vec<Hash>,
    /// The HTML to cache for articles whose HTML had links resolved.
    unresolved_html: Vec<(usize, String)>,
    stats: CacheStats,
    /// Entries in the cache file that was read.
    entries_read: usize,
}

/// Where and from what a build writes its output (see [`Site::build_with`]).
struct OutputPlan {
    output: PathBuf,
    statics: Vec<OutputFile>,
    /// The inputs hash to record, when the cache is in use.
    inputs: Option<Hash>,
}

/// What a build did, for the summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildReport {
    pub articles: usize,
    pub events: usize,
    pub pages: usize,
    pub output: PathBuf,
    /// The output already held what this build would write, and was kept.
    pub up_to_date: bool,
}

impl Site {
    /// Reads the config, every article and every template, and reports every
    /// problem found in any of them at once.
    pub fn load(root: &Path, options: &SiteOptions) -> Result<Site, Diagnostics> {
        Site::load_with(root, options, LoadHooks::default())
    }

    /// [`Site::load`], optionally through the build cache (unchanged
    /// articles are neither parsed nor extracted again) and reporting
    /// progress.
    pub fn load_with(
        root: &Path,
        options: &SiteOptions,
        hooks: LoadHooks<'_>,
    ) -> Result<Site, Diagnostics> {
        let progress = hooks.progress;
        if let Some(p) = progress {
            p.start(Stage::Loading, 0);
        }
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
        let load_options = LoadOptions {
            drafts: options.drafts,
            allow_raw_html: config.allow_raw_html,
        };
        // Everything that changes what one article file turns into; the
        // drafts switch only filters, so it does not invalidate the cache.
        let context = cache::context_key(&[
            &format!("{:?}", config.tagger),
            &config.timezone,
            &format!(
                "{:?}",
                LoadOptions {
                    drafts: false,
                    ..load_options
                }
            ),
        ]);
        let store = if hooks.cache && problems.is_empty() {
            Cache::open(root, context)
        } else {
            Cache::empty()
        };
        let loaded = match content::load_with(root, config.tz(), load_options, &|path, hash| {
            if let Some(p) = progress {
                p.tick();
            }
            store.get(path, hash).map(|c| (c.events, c.article))
        }) {
            Ok(a) => a,
            Err(e) => {
                problems.extend(e);
                Vec::new()
            }
        };
        let entries_read = store.len();
        drop(store);
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
        let tagger = config.tagger();
        let misses = loaded.iter().filter(|l| l.known.is_none()).count();
        if let Some(p) = progress {
            p.start(Stage::Extracting, misses);
        }
        let mut hashes = Vec::with_capacity(loaded.len());
        let mut unresolved_html = Vec::new();
        let mut articles = Vec::with_capacity(loaded.len());
        let mut known = Vec::with_capacity(loaded.len());
        for (i, l) in loaded.into_iter().enumerate() {
            hashes.push(l.hash);
            if let Some(html) = l.unresolved_html {
                unresolved_html.push((i, html));
            }
            articles.push(l.article);
            known.push(l.known);
        }
        let article_events: Vec<Vec<Event>> = articles
            .par_iter_mut()
            .zip(known)
            .map(|(a, known)| {
                known.unwrap_or_else(|| {
                    let events = extract::tag_article(a, &tagger);
                    if let Some(p) = progress {
                        p.tick();
                    }
                    events
                })
            })
            .collect();
        Ok(Site {
            root: root.to_path_buf(),
            config,
            cache: CacheState {
                enabled: hooks.cache,
                context,
                hashes,
                unresolved_html,
                stats: CacheStats {
                    hits: articles.len() - misses,
                    misses,
                },
                entries_read,
            },
            articles,
            article_events,
            timeline: std::sync::OnceLock::new(),
            renderer,
        })
    }

    /// Every article's events, merged into one timeline.
    pub fn timeline(&self) -> &Timeline {
        self.timeline
            .get_or_init(|| extract::assemble(&self.articles, &self.article_events))
    }

    /// Merges the timeline again after `articles` or `article_events`
    /// changed.
    pub fn refresh_timeline(&mut self) {
        self.timeline = std::sync::OnceLock::new();
        self.timeline();
    }

    /// What the build cache gave during the load.
    pub fn cache_stats(&self) -> CacheStats {
        self.cache.stats
    }

    /// The context hash this site's cache entries are valid under (see
    /// [`cache::context_key`]).
    pub fn cache_context(&self) -> Hash {
        self.cache.context
    }

    /// Writes the build cache when the load used it and anything changed:
    /// every article's parsed form and own events. Returns whether it wrote.
    pub fn save_cache(&self) -> std::io::Result<bool> {
        let c = &self.cache;
        if !c.enabled
            || c.hashes.len() != self.articles.len()
            || (c.stats.misses == 0 && c.entries_read == self.articles.len())
        {
            return Ok(false);
        }
        let unresolved: Vec<(usize, Article)> = c
            .unresolved_html
            .iter()
            .map(|(i, html)| {
                let mut a = self.articles[*i].clone();
                a.html = html.clone();
                (*i, a)
            })
            .collect();
        let entries: Vec<cache::Entry> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| cache::Entry {
                hash: c.hashes[i],
                article: unresolved
                    .iter()
                    .find(|(j, _)| *j == i)
                    .map_or(a, |(_, a)| a),
                events: &self.article_events[i],
            })
            .collect();
        cache::write(&self.root, c.context, &entries)?;
        Ok(true)
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
            self.timeline(),
            which,
        )
    }

    /// Renders and writes the site into `output` (default: the config's
    /// output folder), atomically: into a temporary folder beside it that
    /// replaces the old output only when everything succeeded.
    pub fn build(&self, output: Option<&Path>) -> anyhow::Result<BuildReport> {
        self.build_with(output, None)
    }

    /// [`Site::build`], reporting progress. Pages are rendered and written
    /// in parallel, each as soon as it is ready, so they never pile up in
    /// memory.
    pub fn build_with(
        &self,
        output: Option<&Path>,
        progress: Option<&Progress>,
    ) -> anyhow::Result<BuildReport> {
        match self.kept_output(output, progress)? {
            Ok(report) => Ok(report),
            Err(plan) => self.write_output(plan, progress),
        }
    }

    /// A one-shot build (`dateline build`): [`Site::build_with`], then the
    /// build cache written, except that when the output must be rebuilt the
    /// cache is written first and every article's events are then moved
    /// into the merge rather than copied, which at 10,000 articles saves
    /// most of a gigabyte. Returns the report and the cache write's error,
    /// if any (a cache that cannot be written only slows the next build).
    /// The site is left without its per-article events: build it again with
    /// a freshly loaded one.
    pub fn build_once(
        &mut self,
        output: Option<&Path>,
        progress: Option<&Progress>,
    ) -> anyhow::Result<(BuildReport, Option<std::io::Error>)> {
        match self.kept_output(output, progress)? {
            Ok(report) => Ok((report, self.save_cache().err())),
            Err(plan) => {
                if let Some(p) = progress {
                    p.start(Stage::Caching, 0);
                }
                let cache_error = self.save_cache().err();
                if self.timeline.get().is_none() {
                    if let Some(p) = progress {
                        p.start(Stage::Merging, 0);
                    }
                    let events = std::mem::take(&mut self.article_events);
                    let timeline = extract::assemble_owned(&self.articles, events);
                    let _ = self.timeline.set(timeline);
                    // The per-article events are gone: nothing may write
                    // the cache from this site any more.
                    self.cache.enabled = false;
                }
                let report = self.write_output(plan, progress)?;
                Ok((report, cache_error))
            }
        }
    }

    /// The report of a build that keeps the output as it is, when nothing
    /// it is made from changed; otherwise what a build needs to write it.
    fn kept_output(
        &self,
        output: Option<&Path>,
        progress: Option<&Progress>,
    ) -> anyhow::Result<Result<BuildReport, OutputPlan>> {
        let output = match output {
            Some(o) if o.is_absolute() => o.to_path_buf(),
            Some(o) => std::env::current_dir()?.join(o),
            None => self.config.output_path(&self.root),
        };
        check_output_location(&self.root, &output)?;
        let statics = self.static_files()?;
        let inputs = self
            .cache
            .enabled
            .then(|| self.inputs_hash(&statics, &output));
        if let Some(record) =
            inputs.and_then(|inputs| crate::uptodate::unchanged(&self.root, inputs, &output))
        {
            if let Some(p) = progress {
                p.start(Stage::Done, 0);
            }
            return Ok(Ok(BuildReport {
                articles: self.articles.len(),
                events: record.events,
                pages: record.pages,
                output,
                up_to_date: true,
            }));
        }
        Ok(Err(OutputPlan {
            output,
            statics,
            inputs,
        }))
    }

    /// Merges the timeline if that is not done yet, renders every page and
    /// swaps the new output in.
    fn write_output(
        &self,
        plan: OutputPlan,
        progress: Option<&Progress>,
    ) -> anyhow::Result<BuildReport> {
        let OutputPlan {
            output,
            statics,
            inputs,
        } = plan;
        // A build killed from here on may leave the output changed.
        crate::uptodate::forget(&self.root);
        if self.timeline.get().is_none()
            && let Some(p) = progress
        {
            p.start(Stage::Merging, 0);
        }
        let timeline = self.timeline();
        let page_count = write_atomically(&output, |staging| {
            let pages = crate::render::pages::render_site_each(
                &self.renderer,
                &self.config,
                &self.articles,
                timeline,
                Pages::ALL,
                progress,
                &Disk(staging),
            )
            .map_err(|e| match e {
                RenderError::Pages(d) => anyhow::Error::from(d),
                RenderError::Output(e) => e,
            })?;
            // After the pages, so a static file of the same name wins.
            for f in &statics {
                write_file(staging, f)?;
            }
            Ok(pages)
        })?;
        if let Some(inputs) = inputs {
            // Only lets the next build skip work: failing to record is
            // harmless.
            let _ = crate::uptodate::remember(
                &self.root,
                inputs,
                &output,
                timeline.events.len(),
                page_count,
            );
        }
        if let Some(p) = progress {
            p.start(Stage::Done, 0);
        }
        Ok(BuildReport {
            articles: self.articles.len(),
            events: timeline.events.len(),
            pages: page_count,
            output,
            up_to_date: false,
        })
    }

    /// A hash of everything the output is made from: the executable and
    /// extraction context, the config, every article (path and content
    /// hash), the templates, the static files, and the output folder.
    fn inputs_hash(&self, statics: &[OutputFile], output: &Path) -> Hash {
        let mut text = format!(
            "{:032x}\u{1}{:?}\u{1}{:032x}\u{1}{}",
            self.cache.context,
            self.config,
            self.renderer.fingerprint(),
            output.display()
        );
        for (a, h) in self.articles.iter().zip(&self.cache.hashes) {
            text.push_str(&format!("\u{1}{}\u{2}{h:032x}", a.path));
        }
        for f in statics {
            text.push_str(&format!(
                "\u{1}{}\u{2}{:032x}",
                f.path.display(),
                content_hash(&f.bytes)
            ));
        }
        cache::context_key(&[&text])
    }

    /// The tagger as the config sets it up.
    pub fn tagger(&self) -> Tagger {
        self.config.tagger()
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

/// Checks a site without writing anything: loads and renders it all.
pub fn check(root: &Path, options: &SiteOptions) -> Result<Site, Diagnostics> {
    let site = Site::load(root, options)?;
    site.render()?;
    Ok(site)
}
