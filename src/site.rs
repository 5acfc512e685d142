//! A site: its config, articles, timeline and templates, loaded and checked
//! as a whole, then rendered and written atomically into the output folder.

use crate::cache::{self, Cache};
use crate::config::Config;
use crate::content::{self, Article, LoadOptions, TimeMention};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract;
use crate::hash::{Hash, content_hash};
use crate::output::{
    Disk, check_output_is_ours, check_output_location, mark_as_written, real_output,
    write_atomically, write_file,
};
use crate::progress::{Progress, Stage};
use crate::render::pages::RenderError;
use crate::render::{OutputFile, Pages, Renderer, theme};
use crate::temporal::Tagger;
use crate::timeline::{Event, Timeline};
use anyhow::Context as _;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// What a build or check is asked to do beyond the config.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    pub drafts: bool,
    /// Overrides the config's `base_url`.
    pub base_url: Option<String>,
    /// Overrides the config's `relative_urls` (`build --relative-urls`;
    /// `serve` always links absolutely, to itself).
    pub relative_urls: Option<bool>,
    /// Replace the output folder even when it holds files dateline did not
    /// write (`--force`; the config's `force_output` does the same).
    pub force_output: bool,
}

/// A loaded, validated site, ready to render. Its articles change only
/// through [`Site::upsert_article`] and [`Site::remove_article`], which
/// take each article through the steps a full load does.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    /// Sorted by path.
    articles: Vec<Article>,
    /// Each article's own events before merging, index for index with
    /// `articles`; kept so one changed article can be redone alone.
    /// Each article's temporal expressions, index for index with
    /// `articles` (see [`extract::Extracted`]).
    article_times: Vec<Vec<TimeMention>>,
    article_events: Vec<Vec<Event>>,
    /// What is kept of each article's file, index for index with `articles`.
    files: Vec<ArticleFile>,
    /// How articles are read: the same for a full load and for one article.
    load_options: LoadOptions,
    /// The merged timeline, made on first use: a build whose output is
    /// already up to date never needs it.
    timeline: std::sync::OnceLock<Timeline>,
    renderer: Renderer,
    /// What the build cache gave and what it should be told.
    cache: CacheState,
    /// `--force`: the output folder may be replaced whatever it holds.
    force_output: bool,
}

/// How [`Site::load_with`] loads beyond the options.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadHooks<'a> {
    /// Reuse and refresh the build cache in `.dateline-cache/`.
    pub cache: bool,
    /// Counters to bump as articles load and pages render.
    pub progress: Option<&'a Progress>,
    /// Load only what the key-dates ranking reads, for `summarize`: each
    /// article's key-date candidates (its other events are dropped as soon
    /// as it is read) and no article HTML (see [`LoadOptions::skip_html`]).
    /// Such a site has no timeline of its own and never writes the cache.
    pub key_dates_only: bool,
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
    stats: CacheStats,
    /// Entries in the cache file that was read.
    entries_read: usize,
    /// Articles were added, changed or removed since the load.
    edited: bool,
}

/// What the site keeps of an article's file beside the article.
struct ArticleFile {
    /// The hash of its bytes, which the build cache is keyed on.
    hash: Hash,
    /// Its HTML before links to other articles were resolved, when it has
    /// such links: what the cache keeps (another article's slug may change
    /// while this file does not), and what they are resolved from again.
    raw_html: Option<String>,
}

/// What changes to a site's articles did, gathered over one or more calls
/// of [`Site::upsert_article`] and [`Site::remove_article`], so that only
/// the pages they affect are rendered again.
#[derive(Debug, Default)]
pub struct ArticleChanges {
    /// The slugs of the article pages to render again: articles changed,
    /// added or removed, and those whose links now lead elsewhere.
    pub touched: HashSet<String>,
    /// The slugs of the article pages that are gone.
    pub removed: HashSet<String>,
    /// By path, the articles whose links to other articles were checked
    /// again, with what is now wrong with them (nothing, once they resolve).
    pub link_problems: BTreeMap<String, Diagnostics>,
}

/// Where and from what a build writes its output (see [`Site::build_with`]).
struct OutputPlan {
    /// The output folder as the user named it.
    output: PathBuf,
    /// Where the build writes it: the folder a symlinked output points to.
    real: PathBuf,
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
    /// What went wrong without failing the build, for the caller to show.
    pub warnings: Vec<String>,
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
        if let Some(relative) = options.relative_urls {
            config.relative_urls = relative;
        }
        let load_options = LoadOptions {
            drafts: options.drafts,
            allow_raw_html: config.allow_raw_html,
            skip_html: false,
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
        let read_options = LoadOptions {
            skip_html: hooks.key_dates_only,
            ..load_options
        };
        let loaded = match content::load_with(root, config.tz(), read_options, &|path, hash| {
            if let Some(p) = progress {
                p.tick();
            }
            store.get(path, hash).map(|mut c| {
                if hooks.key_dates_only {
                    c.extracted.events.retain(extract::is_candidate);
                }
                (c.extracted, c.article)
            })
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
        let mut files = Vec::with_capacity(loaded.len());
        let mut articles = Vec::with_capacity(loaded.len());
        let mut known = Vec::with_capacity(loaded.len());
        for l in loaded {
            files.push(ArticleFile {
                hash: l.hash,
                raw_html: l.unresolved_html,
            });
            articles.push(l.article);
            known.push(l.known);
        }
        let extracted: Vec<extract::Extracted> = articles
            .par_iter()
            .zip(known)
            .map(|(a, known)| {
                known.unwrap_or_else(|| {
                    let mut x = extract::tag_article(a, &tagger);
                    if hooks.key_dates_only {
                        x.events.retain(extract::is_candidate);
                    }
                    if let Some(p) = progress {
                        p.tick();
                    }
                    x
                })
            })
            .collect();
        let (article_times, article_events): (Vec<_>, Vec<_>) =
            extracted.into_iter().map(|x| (x.times, x.events)).unzip();
        Ok(Site {
            root: root.to_path_buf(),
            config,
            cache: CacheState {
                enabled: hooks.cache && !hooks.key_dates_only,
                context,
                stats: CacheStats {
                    hits: articles.len() - misses,
                    misses,
                },
                entries_read,
                edited: false,
            },
            articles,
            article_times,
            article_events,
            files,
            load_options,
            timeline: std::sync::OnceLock::new(),
            renderer,
            force_output: options.force_output,
        })
    }

    /// The articles, sorted by path.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Each article's own events before merging, index for index with
    /// [`Site::articles`].
    pub fn article_events(&self) -> &[Vec<Event>] {
        &self.article_events
    }

    /// Each article's temporal expressions in text order, index for index
    /// with [`Site::articles`].
    pub fn article_times(&self) -> &[Vec<TimeMention>] {
        &self.article_times
    }

    /// Reads the article file at `path` (from the site root, with `/`
    /// separators) into the site, through the steps a full load takes for
    /// each: parsed with the site's options, left out if it is a draft and
    /// drafts are not built, refused if another article has its slug or one
    /// of its links leads to no article, then tagged and extracted. Others'
    /// links to it are resolved again when it is new or its slug changed.
    /// Returns whether the site's articles changed. On error the site is
    /// unchanged. The timeline stays as last merged until
    /// [`Site::refresh_timeline`].
    pub fn upsert_article(
        &mut self,
        path: &str,
        bytes: &[u8],
        changes: &mut ArticleChanges,
    ) -> Result<bool, Diagnostics> {
        let mut article = content::parse_article_with(
            bytes,
            Path::new(path),
            self.config.tz(),
            content::render_options(self.load_options),
        )?;
        if article.draft && !self.load_options.drafts {
            return Ok(self.remove_article(path, changes));
        }
        if let Some(other) = self
            .articles
            .iter()
            .find(|a| a.slug == article.slug && a.path != path)
        {
            let mut paths = [path, other.path.as_str()];
            paths.sort();
            return Err(content::slug_clash(path, &article.slug, &paths).into());
        }
        let raw_html = (!article.article_links.is_empty()).then(|| article.html.clone());
        if let Some(raw) = &raw_html {
            article.html = content::resolved_html(&article, raw, |p| {
                if p == path {
                    Some(article.slug.as_str())
                } else {
                    self.slug_at(p)
                }
            })?;
        }
        let extract::Extracted { times, events } =
            extract::tag_article(&article, &self.config.tagger());
        let file = ArticleFile {
            hash: content_hash(bytes),
            raw_html,
        };
        changes.touched.insert(article.slug.clone());
        changes.removed.remove(&article.slug);
        changes
            .link_problems
            .insert(path.to_string(), Diagnostics::default());
        let moved = match self.index_of(path) {
            Ok(i) => {
                let old = std::mem::replace(&mut self.articles[i], article);
                self.article_times[i] = times;
                self.article_events[i] = events;
                self.files[i] = file;
                let moved = old.slug != self.articles[i].slug;
                if moved {
                    changes.touched.insert(old.slug.clone());
                    changes.removed.insert(old.slug);
                }
                moved
            }
            Err(i) => {
                self.articles.insert(i, article);
                self.article_times.insert(i, times);
                self.article_events.insert(i, events);
                self.files.insert(i, file);
                true
            }
        };
        self.cache.edited = true;
        if moved {
            self.relink(path, changes);
        }
        Ok(true)
    }

    /// Takes the article at `path` out of the site, if it is there, and
    /// checks again the links of the articles that lead to it. Returns
    /// whether it was there. The timeline stays as last merged until
    /// [`Site::refresh_timeline`].
    pub fn remove_article(&mut self, path: &str, changes: &mut ArticleChanges) -> bool {
        let Ok(i) = self.index_of(path) else {
            return false;
        };
        let old = self.articles.remove(i);
        self.article_times.remove(i);
        self.article_events.remove(i);
        self.files.remove(i);
        self.cache.edited = true;
        changes.touched.insert(old.slug.clone());
        changes.removed.insert(old.slug);
        changes
            .link_problems
            .insert(path.to_string(), Diagnostics::default());
        self.relink(path, changes);
        true
    }

    /// Resolves again the links of every other article that links to
    /// `path`, whose article came, went or changed its slug. One whose links
    /// all resolve gets the new HTML (and its page is rendered again); one
    /// with a link that leads nowhere now keeps its HTML, and the problem is
    /// reported until it resolves.
    fn relink(&mut self, path: &str, changes: &mut ArticleChanges) {
        for i in 0..self.articles.len() {
            let a = &self.articles[i];
            let Some(raw) = &self.files[i].raw_html else {
                continue;
            };
            if a.path == path
                || !a
                    .article_links
                    .iter()
                    .any(|l| content::link_path(&a.path, &l.target) == path)
            {
                continue;
            }
            let resolved = content::resolved_html(a, raw, |p| self.slug_at(p));
            let problems = match resolved {
                Ok(html) => {
                    if html != self.articles[i].html {
                        changes.touched.insert(self.articles[i].slug.clone());
                        self.articles[i].html = html;
                    }
                    Diagnostics::default()
                }
                Err(d) => d,
            };
            changes
                .link_problems
                .insert(self.articles[i].path.clone(), problems);
        }
    }

    /// Where the article at `path` is in `articles`, or would go.
    fn index_of(&self, path: &str) -> Result<usize, usize> {
        self.articles
            .binary_search_by(|a| a.path.as_str().cmp(path))
    }

    /// The slug of the article at `path`, if there is one.
    fn slug_at(&self, path: &str) -> Option<&str> {
        self.index_of(path)
            .ok()
            .map(|i| self.articles[i].slug.as_str())
    }

    /// Every article's events, merged into one timeline.
    pub fn timeline(&self) -> &Timeline {
        self.timeline.get_or_init(|| {
            extract::assemble(
                &self.articles,
                &self.article_events,
                self.config.min_confidence,
                self.config.tagger_language(),
            )
        })
    }

    /// Every article's key-date candidates, merged as for the timeline's
    /// [`Timeline::candidates`] but without merging the timeline's events
    /// (the key-dates ranking needs nothing else of it, and merging them
    /// took half of `summarize`'s time). For a one-shot command: the
    /// per-article events are moved into the merge, and the others freed,
    /// rather than copied. The site is left without its per-article
    /// events and its timeline: load it again to build.
    pub fn take_key_date_candidates(&mut self) -> Vec<Event> {
        if let Some(t) = self.timeline.take() {
            return t.candidates;
        }
        let events = std::mem::take(&mut self.article_events);
        // Nothing may write the cache from this site any more.
        self.cache.enabled = false;
        extract::merge_candidates(&self.articles, events, self.config.tagger_language())
    }

    /// Merges the timeline again after articles changed.
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
        if !c.enabled || (c.stats.misses == 0 && !c.edited && c.entries_read == self.articles.len())
        {
            return Ok(false);
        }
        // Articles whose links were resolved are cached as they were before.
        let unresolved: Vec<Option<Article>> = self
            .articles
            .iter()
            .zip(&self.files)
            .map(|(a, f)| {
                f.raw_html.as_ref().map(|html| Article {
                    html: html.clone(),
                    ..a.clone()
                })
            })
            .collect();
        let entries: Vec<cache::Entry> = self
            .articles
            .iter()
            .zip(&self.files)
            .zip(&unresolved)
            .zip(&self.article_times)
            .zip(&self.article_events)
            .map(|((((a, f), u), times), events)| cache::Entry {
                hash: f.hash,
                article: u.as_ref().unwrap_or(a),
                times,
                events,
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
            &self.article_times,
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
                    let timeline = extract::assemble_owned(
                        &self.articles,
                        events,
                        self.config.min_confidence,
                        self.config.tagger_language(),
                    );
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
        let real = real_output(&output)?;
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
                warnings: Vec::new(),
            }));
        }
        Ok(Err(OutputPlan {
            output,
            real,
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
            real,
            statics,
            inputs,
        } = plan;
        if !(self.force_output || self.config.force_output) {
            let recorded = crate::uptodate::recorded_files(&self.root, &output);
            check_output_is_ours(&real, &output, recorded.as_ref())?;
        }
        // A build killed from here on may leave the output changed.
        crate::uptodate::forget(&self.root);
        if self.timeline.get().is_none()
            && let Some(p) = progress
        {
            p.start(Stage::Merging, 0);
        }
        let timeline = self.timeline();
        let written = write_atomically(&real, |staging| {
            let pages = crate::render::pages::render_site_each(
                &self.renderer,
                &self.config,
                &self.articles,
                &self.article_times,
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
            mark_as_written(staging)?;
            Ok(pages)
        })?;
        let page_count = written.value;
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
            warnings: written.leftover.into_iter().collect(),
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
        for (a, f) in self.articles.iter().zip(&self.files) {
            text.push_str(&format!("\u{1}{}\u{2}{:032x}", a.path, f.hash));
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

    /// The built-in static files, then the site's static/ folder over them;
    /// a symlink in static/ that leads out of the site, or nowhere, is an
    /// error naming it.
    pub fn static_files(&self) -> anyhow::Result<Vec<OutputFile>> {
        let (files, refused) = self.static_files_checked()?;
        if refused.is_empty() {
            Ok(files)
        } else {
            Err(Diagnostics(refused.into_iter().map(|(_, d)| d).collect()).into())
        }
    }

    /// The built-in static files, then the site's static/ folder over them,
    /// and apart, keyed by path (`static/x`), the files of static/ refused:
    /// a symlink brings what it points to when that is inside the site (a
    /// file, or a folder's files), and is refused otherwise.
    pub fn static_files_checked(&self) -> anyhow::Result<(Vec<OutputFile>, RefusedStatics)> {
        let mut files: Vec<OutputFile> = theme::STATIC
            .iter()
            .map(|(name, bytes)| OutputFile {
                path: PathBuf::from(name),
                bytes: bytes.to_vec(),
            })
            .collect();
        let mut refused = Vec::new();
        let dir = self.root.join("static");
        if !dir.is_dir() {
            return Ok((files, refused));
        }
        let site_root = self
            .root
            .canonicalize()
            .unwrap_or_else(|_| self.root.clone());
        // Folders to copy, as (where they are, where their files go); a
        // folder reached twice through symlinks is copied once.
        let mut folders = vec![(dir.clone(), PathBuf::new())];
        let mut seen: HashSet<PathBuf> = dir.canonicalize().into_iter().collect();
        while let Some((folder, under)) = folders.pop() {
            for entry in walkdir::WalkDir::new(&folder)
                .follow_links(false)
                .sort_by_file_name()
            {
                let entry = entry.with_context(|| format!("reading {}", folder.display()))?;
                let rel = under.join(entry.path().strip_prefix(&folder).unwrap_or(entry.path()));
                let source = if entry.file_type().is_file() {
                    entry.path().to_path_buf()
                } else if entry.file_type().is_symlink() {
                    let shown = Path::new("static").join(&rel);
                    match static_link(&site_root, entry.path(), &shown) {
                        Ok(LinkTarget::File(target)) => target,
                        Ok(LinkTarget::Folder(target)) => {
                            if seen.insert(target.clone()) {
                                folders.push((target, rel));
                            }
                            continue;
                        }
                        Err(d) => {
                            refused.push((shown.to_string_lossy().replace('\\', "/"), d));
                            continue;
                        }
                    }
                } else {
                    continue;
                };
                let bytes = std::fs::read(&source)
                    .with_context(|| format!("reading static file {}", source.display()))?;
                files.retain(|f| f.path != rel);
                files.push(OutputFile { path: rel, bytes });
            }
        }
        Ok((files, refused))
    }
}

/// The files of static/ refused, by path (`static/x`), each with why.
pub type RefusedStatics = Vec<(String, Diagnostic)>;

/// What a symlink in static/ leads to.
pub enum LinkTarget {
    File(PathBuf),
    Folder(PathBuf),
}

/// Where the symlink `link` in static/ (`shown`, relative to the site
/// root, names it in messages) leads, canonical; refused when that is
/// outside `site_root` (canonical) or nowhere.
pub fn static_link(site_root: &Path, link: &Path, shown: &Path) -> Result<LinkTarget, Diagnostic> {
    let target = link.canonicalize().map_err(|e| {
        Diagnostic::whole_file(shown, format!("a broken or looping symlink: {e}"))
            .with_help("point the link at a file inside the site, or remove it")
    })?;
    if !target.starts_with(site_root) {
        return Err(Diagnostic::whole_file(
            shown,
            format!("a symlink to {}, outside the site", target.display()),
        )
        .with_help("copy the file into static/, or remove the link: a build never publishes files from outside the site"));
    }
    Ok(if target.is_dir() {
        LinkTarget::Folder(target)
    } else {
        LinkTarget::File(target)
    })
}

/// Checks a site without writing anything: loads and renders it all.
pub fn check(root: &Path, options: &SiteOptions) -> Result<Site, Diagnostics> {
    check_with(root, options, None)
}

/// [`check`], reporting each stage to `progress` (for `--timings`).
pub fn check_with(
    root: &Path,
    options: &SiteOptions,
    progress: Option<&Progress>,
) -> Result<Site, Diagnostics> {
    let site = Site::load_with(
        root,
        options,
        LoadHooks {
            cache: false,
            progress,
            ..Default::default()
        },
    )?;
    if let Some(p) = progress {
        p.start(Stage::Rendering, 0);
    }
    site.render()?;
    if let Some(p) = progress {
        p.start(Stage::Done, 0);
    }
    Ok(site)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINKING: &str = "---\ntitle: Talks\ndate: 2025-02-09\n---\n\nEnvoys met on Friday <span data-k=\"1\">in Geneva</span>. See [the truce](b.md).\n";
    const TARGET: &str = "---\ntitle: Truce\ndate: 2025-02-10\n---\n\nThe truce held on Monday.\n";

    /// A site that allows raw HTML, with `a.md` linking to `b.md`.
    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("dateline.yaml"), "allow_raw_html: true\n").unwrap();
        std::fs::write(dir.path().join("content/a.md"), LINKING).unwrap();
        std::fs::write(dir.path().join("content/b.md"), TARGET).unwrap();
        dir
    }

    fn load(root: &Path) -> Site {
        Site::load(root, &SiteOptions::default()).unwrap()
    }

    #[test]
    fn a_key_dates_only_load_gives_the_same_candidates_without_html_or_a_cache_write() {
        let dir = site();
        let cached = LoadHooks {
            cache: true,
            ..Default::default()
        };
        let full = Site::load_with(dir.path(), &SiteOptions::default(), cached).unwrap();
        assert!(full.save_cache().unwrap());
        // One article changed since: a miss the light load extracts anew.
        std::fs::write(
            dir.path().join("content/b.md"),
            TARGET.replace("Monday", "Tuesday"),
        )
        .unwrap();
        let mut light = Site::load_with(
            dir.path(),
            &SiteOptions::default(),
            LoadHooks {
                key_dates_only: true,
                ..cached
            },
        )
        .unwrap();
        assert_eq!(light.cache_stats().hits, 1);
        assert_eq!(light.cache_stats().misses, 1);
        let a = &light.articles()[0];
        assert!(a.html.is_empty(), "a cached article's HTML is not rendered");
        assert!(
            light
                .article_events()
                .iter()
                .flatten()
                .all(extract::is_candidate)
        );
        assert!(
            !light.save_cache().unwrap(),
            "a site missing its events never writes the cache"
        );
        let mut fresh = load(dir.path());
        assert_eq!(
            light.take_key_date_candidates(),
            fresh.take_key_date_candidates()
        );
    }

    /// Writes `path` under `root` and upserts it into `site`.
    fn save(site: &mut Site, path: &str, text: &str) -> Result<ArticleChanges, Diagnostics> {
        std::fs::write(site.root.join(path), text).unwrap();
        let mut changes = ArticleChanges::default();
        site.upsert_article(path, text.as_bytes(), &mut changes)?;
        Ok(changes)
    }

    #[test]
    fn an_upserted_article_is_what_a_full_load_makes_of_it() {
        let dir = site();
        let mut site = load(dir.path());
        let edited = LINKING.replace("Envoys met", "Envoys met again");
        save(&mut site, "content/a.md", &edited).unwrap();
        save(&mut site, "content/c.md", &TARGET.replace("Truce", "Third")).unwrap();
        let fresh = load(dir.path());
        assert_eq!(site.articles(), fresh.articles());
        assert_eq!(site.article_events(), fresh.article_events());
        let a = &site.articles()[0];
        assert!(
            a.html.contains("data-k=\"1\""),
            "raw HTML allowed: {}",
            a.html
        );
        assert!(a.html.contains("href=\"../b/\""), "{}", a.html);
        assert!(!site.article_times()[0].is_empty(), "tagged");
    }

    #[test]
    fn links_to_an_article_that_goes_are_reported_until_it_comes_back() {
        let dir = site();
        let mut site = load(dir.path());
        let mut changes = ArticleChanges::default();
        assert!(site.remove_article("content/b.md", &mut changes));
        let problems = &changes.link_problems["content/a.md"];
        assert!(
            problems.to_string().contains("links to `b.md`"),
            "{problems}"
        );
        assert!(site.articles()[0].html.contains("href=\"../b/\""), "kept");
        assert!(changes.removed.contains("b"));

        // Back under another slug: the link leads to its new page.
        let moved = TARGET.replace("title: Truce", "title: Truce\nslug: truce");
        let changes = save(&mut site, "content/b.md", &moved).unwrap();
        assert!(changes.link_problems["content/a.md"].is_empty());
        assert!(changes.touched.contains("a"), "{changes:?}");
        assert!(site.articles()[0].html.contains("href=\"../truce/\""));
        assert_eq!(site.articles(), load(dir.path()).articles());
    }

    #[test]
    fn an_article_with_a_broken_link_or_a_taken_slug_is_refused_and_a_draft_leaves() {
        let dir = site();
        let mut site = load(dir.path());
        let before = site.articles().to_vec();
        let broken = LINKING.replace("b.md", "gone.md");
        let e = save(&mut site, "content/a.md", &broken).unwrap_err();
        assert!(e.to_string().contains("links to `gone.md`"), "{e}");
        let taken = TARGET.replace("title: Truce", "title: Other\nslug: a");
        let e = save(&mut site, "content/c.md", &taken).unwrap_err();
        assert!(
            e.to_string()
                .contains("the slug `a` is used by 2 articles: content/a.md, content/c.md"),
            "{e}"
        );
        assert_eq!(site.articles(), before, "refused changes change nothing");

        let draft = TARGET.replace("title: Truce", "title: Truce\ndraft: true");
        let changes = save(&mut site, "content/b.md", &draft).unwrap();
        assert!(changes.removed.contains("b"));
        assert_eq!(site.articles().len(), 1);
    }
}
