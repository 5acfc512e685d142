//! Every page of a site: the timeline, article pages, actor and tag pages
//! with their indexes, the 404 page, and the exports (listed in
//! `exports::ALL`). Each kind of page is a [`Page`] variant with its path and
//! its template context in one place; pages are rendered in parallel and
//! handed to a sink one by one.

use super::archive::{Archive, ArchivePage, Period, article_span, heading};
use super::context::{
    ArticleView, BriefEvent, EventView, ListedEvent, SiteView, base_prefix, sentence_url, years_of,
};
use super::exports::{self, Export, ExportInput};
use super::overview::overview_svg;
use super::timemarks::{self, TimeMark};
use super::{OutputFile, Renderer, Sink};
use crate::config::Config;
use crate::content::markdown::BlockKind;
use crate::content::{Article, TimeMention};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::keydates;
use crate::progress::{Progress, Stage};
use crate::slug::Slugs;
use crate::temporal::Timex;
use crate::timeline::{Event, Timeline};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// A named group of events: an actor or a tag.
#[derive(Serialize)]
struct GroupView<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    roles: &'a [String],
    count: usize,
}

/// The two kinds of named groups that get a page each and an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    Actors,
    Tags,
}

impl GroupKind {
    pub const ALL: [GroupKind; 2] = [GroupKind::Actors, GroupKind::Tags];

    /// The `kind` templates see: "actor", "tag".
    pub fn singular(self) -> &'static str {
        match self {
            GroupKind::Actors => "actor",
            GroupKind::Tags => "tag",
        }
    }

    /// The folder of its pages: "actors", "tags".
    pub fn folder(self) -> &'static str {
        match self {
            GroupKind::Actors => "actors",
            GroupKind::Tags => "tags",
        }
    }
}

/// One page or export to produce; pages are independent and rendered in
/// parallel.
enum Page {
    /// The timeline.
    Index,
    /// The "Key events" view.
    Key,
    Article(usize),
    /// Page `n` (0 is the first, at `actors/`) of the index of actors or
    /// of tags: the most frequent names, then every name A to Z.
    Groups(GroupKind, usize),
    /// Every actor or tag name with its slug and count, as JSON, for the
    /// index's filter-as-you-type and the search page.
    Names(GroupKind),
    /// One page of an actor's or tag's events: the group, and which page
    /// (0 is the first, at the group's own URL).
    Group(GroupKind, usize, usize),
    /// One page (0 is the first, at `articles/`) of the list of every
    /// article, newest first: the way to every article page that does not
    /// depend on its events, once the front page shows only the key days.
    Articles(usize),
    /// The archive's list of years and months.
    ArchiveIndex,
    /// One page of the archive (an index into [`Archive::pages`]).
    Archive(usize),
    /// The archive search page.
    Search,
    /// One file of the search index (an index into
    /// [`SiteRender::search_files`]).
    SearchIndex(usize),
    NotFound,
    Export(&'static Export),
}

/// Renders the pages `which` selects into memory, in a fixed order (the
/// order [`render_site_each`] would hand them out with one thread): every
/// page for a build; for `dateline serve`, only some article pages
/// (`which.index` covers every page that lists the whole site: the timeline,
/// actor and tag pages, exports).
pub fn render_site(
    renderer: &Renderer,
    config: &Config,
    articles: &[Article],
    times: &[Vec<TimeMention>],
    timeline: &Timeline,
    which: super::Pages<'_>,
) -> Result<Vec<OutputFile>, Diagnostics> {
    struct Memory(std::sync::Mutex<Vec<(usize, OutputFile)>>);
    impl Sink for Memory {
        fn file(&self, index: usize, file: OutputFile) -> anyhow::Result<()> {
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((index, file));
            Ok(())
        }
    }
    let files = Memory(std::sync::Mutex::new(Vec::new()));
    let result = render_site_each(
        renderer, config, articles, times, timeline, which, None, &files,
    );
    match result {
        Ok(_) => {}
        Err(RenderError::Pages(d)) => return Err(d),
        Err(RenderError::Output(e)) => unreachable!("the in-memory sink never fails: {e}"),
    }
    let mut files = files.0.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by_key(|(i, _)| *i);
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

/// Why [`render_site_each`] stopped.
#[derive(Debug)]
pub enum RenderError {
    /// Templates failed on some pages; every such problem is listed.
    Pages(Diagnostics),
    /// The sink failed.
    Output(anyhow::Error),
}

/// Renders every page and export, in parallel, handing each to `sink` with
/// its position in the fixed page order as soon as it is ready, so pages
/// never pile up in memory. Each page is rendered exactly once. Returns the
/// number of HTML pages. The output does not depend on the number of
/// threads or the order in which pages finish.
#[allow(clippy::too_many_arguments)]
pub fn render_site_each(
    renderer: &Renderer,
    config: &Config,
    articles: &[Article],
    times: &[Vec<TimeMention>],
    timeline: &Timeline,
    which: super::Pages<'_>,
    progress: Option<&Progress>,
    sink: &dyn Sink,
) -> Result<usize, RenderError> {
    let site = SiteRender::new(renderer, config, articles, times, timeline, which.index);
    let relative = super::relative::RelativeLinks {
        inner: sink,
        base: &site.base,
    };
    let sink: &dyn Sink = if config.relative_urls {
        &relative
    } else {
        sink
    };
    let pages = site.pages(which);
    let html_pages: Vec<PathBuf> = pages
        .iter()
        .filter(|p| !matches!(p, Page::Export(_) | Page::Names(_) | Page::SearchIndex(_)))
        .map(|p| site.path(p))
        .collect();
    let exports = ExportInput {
        timeline,
        config,
        base: &site.base,
        html_pages: &html_pages,
        event_path: &|e| site.event_path(e),
    };
    if let Some(p) = progress {
        p.start(Stage::Rendering, pages.len());
    }
    // Template problems are collected (all of them, in page order); the
    // first output error stops the rest.
    let outcomes: Vec<Result<(), Result<Diagnostic, anyhow::Error>>> = pages
        .par_iter()
        .enumerate()
        .map(|(i, page)| {
            site.emit(i, page, &exports, sink)?;
            if let Some(p) = progress {
                p.tick();
            }
            Ok(())
        })
        .collect();
    let mut problems = site
        .card_problems
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    for outcome in outcomes {
        match outcome {
            Ok(()) => {}
            Err(Ok(d)) => problems.push(d),
            Err(Err(e)) => return Err(RenderError::Output(e)),
        }
    }
    if !problems.is_empty() {
        return Err(RenderError::Pages(problems.sorted()));
    }
    Ok(html_pages.len())
}

/// The most names a filter menu offers: more makes a menu nobody can use
/// (a big story has thousands of actors); the rest are reached from the
/// actor and tag indexes, or by a link, which adds its name to the menu.
const FILTER_OPTIONS: usize = 200;

/// How many names an actor or tag index lists first, by their number of
/// events.
const TOP_NAMES: usize = 100;

/// How many names one page of an index's full list (A to Z) holds: the
/// list is a few hundred short lines a page whatever the size of the site.
const NAMES_PER_PAGE: usize = 500;

/// The `limit` groups with the most events, most first (ties in name
/// order).
fn by_count<'v, 'a>(views: &'v [GroupView<'a>], limit: usize) -> Vec<&'v GroupView<'a>> {
    let mut order: Vec<usize> = (0..views.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(views[i].count), i));
    order.truncate(limit);
    order.into_iter().map(|i| &views[i]).collect()
}

/// The `limit` groups with the most events, in their original (name) order.
fn most_frequent<'v, 'a>(views: &'v [GroupView<'a>], limit: usize) -> Vec<&'v GroupView<'a>> {
    if views.len() <= limit {
        return views.iter().collect();
    }
    let mut by_count: Vec<usize> = (0..views.len()).collect();
    // Ties go to the first name, so the menu is the same every build.
    by_count.sort_by_key(|&i| (std::cmp::Reverse(views[i].count), i));
    by_count.truncate(limit);
    by_count.sort_unstable();
    by_count.into_iter().map(|i| &views[i]).collect()
}

/// The folder of page `n` (0-based) of a paginated listing: the listing's
/// own for the first, `page/2` for the second, as Zola lays them out.
fn paginated(n: usize) -> PathBuf {
    if n == 0 {
        PathBuf::new()
    } else {
        Path::new("page").join((n + 1).to_string())
    }
}

/// Where one page of a paginated listing sits among the others; the names
/// are Zola's, so a Zola theme's pagination markup carries over.
#[derive(Serialize)]
struct Paginator {
    /// 1-based.
    current_index: usize,
    number_pagers: usize,
    paginate_by: usize,
    /// How many items the listing has on all its pages.
    total_pages_items: usize,
    first: String,
    last: String,
    previous: Option<String>,
    next: Option<String>,
}

impl Paginator {
    /// Page `n` (0-based) of `count` pages of the listing at `url`.
    fn new(url: &str, n: usize, count: usize, per_page: usize, items: usize) -> Paginator {
        let at = |k: usize| {
            if k == 0 {
                url.to_string()
            } else {
                format!("{url}page/{}/", k + 1)
            }
        };
        Paginator {
            current_index: n + 1,
            number_pagers: count,
            paginate_by: per_page,
            total_pages_items: items,
            first: at(0),
            last: at(count - 1),
            previous: n.checked_sub(1).map(at),
            next: (n + 1 < count).then(|| at(n + 1)),
        }
    }
}

/// The actors or the tags of a site, each with its events.
struct GroupSet<'a> {
    /// Each name with its events (indexes into the timeline), by name.
    members: Vec<(&'a str, Vec<usize>)>,
    views: Vec<GroupView<'a>>,
}

/// Everything the pages of one site are rendered from, prepared once.
struct SiteRender<'a> {
    renderer: &'a Renderer,
    config: &'a Config,
    articles: &'a [Article],
    /// Each article's temporal expressions, index for index with
    /// `articles`.
    times: &'a [Vec<TimeMention>],
    timeline: &'a Timeline,
    base: String,
    site: SiteView<'a>,
    actors: GroupSet<'a>,
    tags: GroupSet<'a>,
    /// Each article's events in timeline order, by article slug.
    by_slug: HashMap<&'a str, Vec<&'a Event>>,
    /// The card markers the timeline page is rendered around (see
    /// [`write_with_cards`]); empty when the timeline is not rendered.
    markers: Vec<String>,
    /// The archive's pages; empty when the index pages are not rendered.
    archive: Archive,
    /// The days the articles cover (see [`article_span`]).
    span: Option<(NaiveDate, NaiveDate)>,
    /// Whether the front page shows the key days (`front_page`); then an
    /// event's card is read in the archive, else on the front page.
    front_key: bool,
    /// Each event's archive page, by event id.
    homes: HashMap<&'a str, usize>,
    /// The key days, ranked once for the pages that show them.
    key_days: OnceLock<Vec<KeyDayView>>,
    /// The search index's files, made on first use.
    search_files: OnceLock<Vec<(PathBuf, Vec<u8>)>>,
    card_problems: Mutex<Diagnostics>,
}

impl<'a> SiteRender<'a> {
    fn new(
        renderer: &'a Renderer,
        config: &'a Config,
        articles: &'a [Article],
        times: &'a [Vec<TimeMention>],
        timeline: &'a Timeline,
        with_index: bool,
    ) -> Self {
        let base = base_prefix(&config.base_url);
        let actor_roles: BTreeMap<&str, &[String]> = timeline
            .actors
            .iter()
            .rev() // the first actor of a name wins, as a search would find it
            .map(|a| (a.name.as_str(), a.roles.as_slice()))
            .collect();
        let group_set = |kind: GroupKind| -> GroupSet<'a> {
            let slugs = match kind {
                GroupKind::Actors => &timeline.actor_slugs,
                GroupKind::Tags => &timeline.tag_slugs,
            };
            // An actor's page is its own timeline: its secondary events
            // too (see [`SiteRender::listed`]), among the others by date.
            let secondary: &[Event] = match kind {
                GroupKind::Actors => &timeline.secondary,
                GroupKind::Tags => &[],
            };
            let n = timeline.events.len();
            let mut members = groups(
                timeline.events.iter().chain(secondary),
                slugs,
                |e| match kind {
                    GroupKind::Actors => &e.actors,
                    GroupKind::Tags => &e.tags,
                },
            );
            for (_, list) in &mut members {
                let event = |i: usize| match i.checked_sub(n) {
                    Some(j) => &secondary[j],
                    None => &timeline.events[i],
                };
                // The page lists a secondary event that states something
                // the reader does not already have: not a mere mention
                // (see [`Event::mention_only`]), nor another verb of a
                // sentence one of the page's events was read from, on that
                // event's date ("Putin rules out engaging with Zelensky"
                // under "Putin stresses ... but ruled out engaging with
                // Zelensky").
                let read_from: HashSet<(&str, Option<usize>, &Timex)> = list
                    .iter()
                    .filter(|&&i| i < n)
                    .flat_map(|&i| {
                        let e = &timeline.events[i];
                        e.sources
                            .iter()
                            .map(move |s| (&*s.article_slug, s.sentence_start, &e.date))
                    })
                    .collect();
                list.retain(|&i| {
                    let e = event(i);
                    i < n
                        || (!e.mention_only
                            && !e.sources.iter().any(|s| {
                                read_from.contains(&(&*s.article_slug, s.sentence_start, &e.date))
                            }))
                });
                // Same day: the timeline's events in its order, then the
                // others as their articles tell them.
                list.sort_by_cached_key(|&i| {
                    let e = event(i);
                    let told = e.sources.first().filter(|_| i >= n).map(|s| {
                        let at = s.trigger.as_ref().map(|t| t.start).or(s.sentence_start);
                        (s.published, s.article_slug.clone(), at)
                    });
                    (e.sort_start(), i >= n, told, i)
                });
            }
            let views = members
                .iter()
                .map(|(name, events)| GroupView {
                    name,
                    slug: slugs.get(name),
                    url: format!("{base}{}/{}/", kind.folder(), slugs.get(name)),
                    roles: match kind {
                        GroupKind::Actors => actor_roles.get(name).copied().unwrap_or(&[]),
                        GroupKind::Tags => &[],
                    },
                    count: events.len(),
                })
                .collect();
            GroupSet { members, views }
        };
        let (actors, tags) = (group_set(GroupKind::Actors), group_set(GroupKind::Tags));
        // Found in one pass over the timeline instead of one per article.
        let mut by_slug: HashMap<&str, Vec<&Event>> = HashMap::with_capacity(articles.len());
        for e in &timeline.events {
            for s in &e.sources {
                let list = by_slug.entry(&*s.article_slug).or_default();
                if !list.last().is_some_and(|last| std::ptr::eq(*last, e)) {
                    list.push(e);
                }
            }
        }
        let markers = if with_index {
            (0..timeline.events.len()).map(card_marker).collect()
        } else {
            Vec::new()
        };
        // Article pages link to events in the archive too, so it is laid
        // out even when only they are rendered.
        let span = article_span(articles.iter().map(|a| a.date));
        let archive = Archive::new(timeline, config.paginate_by, span);
        let homes = timeline
            .events
            .iter()
            .zip(&archive.home)
            .map(|(e, &page)| (e.id.as_str(), page))
            .collect();
        SiteRender {
            renderer,
            config,
            articles,
            times,
            timeline,
            site: SiteView::new(config),
            base,
            actors,
            tags,
            by_slug,
            markers,
            archive,
            span,
            front_key: config.front_page.key_dates(timeline.events.len()),
            homes,
            key_days: OnceLock::new(),
            search_files: OnceLock::new(),
            card_problems: Mutex::new(Diagnostics::default()),
        }
    }

    /// Where an event's card is read, relative to the site: on the front
    /// page when it is the timeline, else on the event's archive page.
    fn event_path(&self, e: &Event) -> String {
        match self.homes.get(e.id.as_str()) {
            Some(&page) if self.front_key => {
                format!("{}#event-{}", self.archive.pages[page].folder(), e.id)
            }
            _ => format!("#event-{}", e.id),
        }
    }

    /// Event `i` of an actor's or tag's list: the timeline's events, then
    /// its secondary ones.
    fn listed(&self, i: usize) -> &'a Event {
        let n = self.timeline.events.len();
        match i.checked_sub(n) {
            Some(j) => &self.timeline.secondary[j],
            None => &self.timeline.events[i],
        }
    }

    fn event_url(&self, e: &Event) -> String {
        format!("{}{}", self.base, self.event_path(e))
    }

    /// Renders page `i` of the fixed page order (`page`) and hands it to
    /// `sink`: an export streamed, a page with cards streamed around them,
    /// any other page whole. A template problem is `Err(Ok(_))`, an output
    /// error `Err(Err(_))`.
    fn emit(
        &self,
        i: usize,
        page: &Page,
        exports: &ExportInput<'_>,
        sink: &dyn Sink,
    ) -> Result<(), Result<Diagnostic, anyhow::Error>> {
        match page {
            // The exports (a few hundred megabytes at 10,000 articles)
            // go straight to the sink rather than being built in memory.
            Page::Export(export) => sink
                .stream(i, Path::new(export.path), &|w| (export.write)(exports, w))
                .map_err(Err)?,
            Page::Names(kind) => sink
                .file(
                    i,
                    OutputFile {
                        path: self.path(page),
                        bytes: self.names_json(*kind),
                    },
                )
                .map_err(Err)?,
            Page::SearchIndex(k) => {
                let (path, bytes) = &self.search_files()[*k];
                sink.file(
                    i,
                    OutputFile {
                        path: path.clone(),
                        bytes: bytes.clone(),
                    },
                )
                .map_err(Err)?
            }
            Page::Index | Page::Archive(_) => {
                let html = self.render(page).map_err(Ok)?;
                let html = String::from_utf8(html.bytes).expect("tera renders UTF-8");
                sink.stream(i, &self.path(page), &|w| {
                    write_with_cards(w, &html, &|e| self.card(e))
                })
                .map_err(Err)?;
            }
            _ => {
                let file = self.render(page).map_err(Ok)?;
                sink.file(i, file).map_err(Err)?;
            }
        }
        Ok(())
    }

    /// The key days, ranked on first use.
    fn key_days(&self) -> &[KeyDayView] {
        self.key_days.get_or_init(|| {
            key_days(
                self.config,
                self.articles,
                self.times,
                self.timeline,
                &|e| self.event_url(e),
                &|d| self.archive_url_of(d),
            )
        })
    }

    /// The archive page holding day `d`'s month (a year page when the year
    /// is not split by month), with the month's anchor.
    fn archive_url_of(&self, d: NaiveDate) -> Option<String> {
        let (page, anchor) = self.archive.page_of(d.year(), d.month())?;
        Some(format!(
            "{}{}{}",
            self.base,
            self.archive.pages[page].folder(),
            anchor
        ))
    }

    /// The files of the search index (see [`super::search`]).
    fn search_files(&self) -> &[(PathBuf, Vec<u8>)] {
        self.search_files
            .get_or_init(|| super::search::index_files(self.timeline, &|e| self.event_path(e)))
    }

    fn group_set(&self, kind: GroupKind) -> &GroupSet<'a> {
        match kind {
            GroupKind::Actors => &self.actors,
            GroupKind::Tags => &self.tags,
        }
    }

    /// The pages `which` selects, in the fixed page order: the timeline
    /// and key events, articles, actors and tags, 404, then the exports.
    fn pages(&self, which: super::Pages<'_>) -> Vec<Page> {
        let mut pages = Vec::new();
        if which.index {
            pages.extend([Page::Index, Page::Key]);
        }
        pages.extend(
            (0..self.articles.len())
                .filter(|&i| {
                    which
                        .articles
                        .is_none_or(|only| only.contains(&self.articles[i].slug))
                })
                .map(Page::Article),
        );
        if which.index {
            for kind in GroupKind::ALL {
                let names = self.group_set(kind).views.len();
                let count = names.div_ceil(NAMES_PER_PAGE).max(1);
                pages.extend((0..count).map(|n| Page::Groups(kind, n)));
                pages.push(Page::Names(kind));
                for (i, (_, events)) in self.group_set(kind).members.iter().enumerate() {
                    let count = self.page_count(events.len());
                    pages.extend((0..count).map(|n| Page::Group(kind, i, n)));
                }
            }
            let count = self.page_count(self.articles.len());
            pages.extend((0..count).map(Page::Articles));
            pages.push(Page::ArchiveIndex);
            pages.extend((0..self.archive.pages.len()).map(Page::Archive));
            pages.push(Page::Search);
            pages.extend((0..self.search_files().len()).map(Page::SearchIndex));
        }
        if which.not_found {
            pages.push(Page::NotFound);
        }
        if which.index {
            pages.extend(exports::ALL.iter().map(Page::Export));
        }
        pages
    }

    /// How many events one page of an actor or a tag lists.
    fn per_page(&self) -> usize {
        self.config.paginate_by.max(1)
    }

    /// How many pages a group of `events` events takes (one when empty).
    fn page_count(&self, events: usize) -> usize {
        events.div_ceil(self.per_page()).max(1)
    }

    /// Where a page goes, relative to the output folder.
    fn path(&self, page: &Page) -> PathBuf {
        match page {
            Page::Index => PathBuf::from("index.html"),
            Page::Key => Path::new("key").join("index.html"),
            Page::Article(i) => Path::new("articles")
                .join(&self.articles[*i].slug)
                .join("index.html"),
            Page::Groups(kind, n) => Path::new(kind.folder())
                .join(paginated(*n))
                .join("index.html"),
            Page::Names(kind) => Path::new(kind.folder()).join("names.json"),
            Page::Group(kind, i, n) => Path::new(kind.folder())
                .join(self.group_set(*kind).views[*i].slug)
                .join(paginated(*n))
                .join("index.html"),
            Page::Articles(n) => Path::new("articles").join(paginated(*n)).join("index.html"),
            Page::ArchiveIndex => Path::new("archive").join("index.html"),
            Page::Archive(i) => self.archive.pages[*i].path(),
            Page::Search => Path::new("search").join("index.html"),
            Page::SearchIndex(k) => self.search_files()[*k].0.clone(),
            Page::NotFound => PathBuf::from("404.html"),
            Page::Export(export) => PathBuf::from(export.path),
        }
    }

    /// A template context with what every page gets: `site` and `base`.
    fn context(&self) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &self.site);
        ctx.insert("base", &self.base);
        ctx
    }

    /// Renders an HTML page (the timeline with its card markers).
    fn render(&self, page: &Page) -> Result<OutputFile, Diagnostic> {
        let (template, ctx) = match page {
            Page::Index if self.front_key => ("key.html", self.key_context(true)),
            Page::Index => ("index.html", self.index_context()),
            Page::Key => ("key.html", self.key_context(false)),
            Page::Article(i) => ("article.html", self.article_context(&self.articles[*i])),
            Page::Groups(kind, n) => ("groups.html", self.groups_context(*kind, *n)),
            Page::Group(kind, i, n) => {
                let set = self.group_set(*kind);
                let view = &set.views[*i];
                let events = &set.members[*i].1;
                let per_page = self.per_page();
                let shown = events.chunks(per_page).nth(*n).unwrap_or_default();
                let mut ctx = self.context();
                ctx.insert("kind", kind.singular());
                ctx.insert("group", view);
                ctx.insert(
                    "paginator",
                    &Paginator::new(
                        &view.url,
                        *n,
                        self.page_count(events.len()),
                        per_page,
                        events.len(),
                    ),
                );
                let years = years_of(
                    |i| self.listed(i),
                    shown,
                    |_, e| {
                        let url = match (e.secondary, e.sources.first()) {
                            (true, Some(s)) => sentence_url(&self.base, s),
                            _ => self.event_url(e),
                        };
                        BriefEvent::new(e, url, &self.base)
                    },
                );
                ctx.insert("years", &years);
                // Without the timeline on the front page, its filter has
                // nowhere to show the group's events; the search does.
                ctx.insert("front_is_key", &self.front_key);
                ("group.html", ctx)
            }
            Page::Articles(n) => ("articles.html", self.articles_context(*n)),
            Page::ArchiveIndex => ("archive_index.html", self.archive_index_context()),
            Page::Archive(i) => ("archive.html", self.archive_context(*i)),
            Page::Search => {
                let mut ctx = self.context();
                let events = &self.timeline.events;
                ctx.insert("event_count", &events.len());
                ctx.insert(
                    "first_day",
                    &events.first().map(|e| e.sort_start().to_string()),
                );
                ctx.insert(
                    "last_day",
                    &events.last().map(|e| e.sort_start().to_string()),
                );
                ("search.html", ctx)
            }
            Page::NotFound => ("404.html", self.context()),
            Page::Export(_) | Page::Names(_) | Page::SearchIndex(_) => {
                unreachable!("exports and name lists are written, not rendered")
            }
        };
        self.renderer.render(template, &ctx).map(|html| OutputFile {
            path: self.path(page),
            bytes: html.into_bytes(),
        })
    }

    /// Page `n` of the index of actors or tags: on the first, the
    /// [`TOP_NAMES`] with the most events (when there are more names than
    /// that); on every page, [`NAMES_PER_PAGE`] of all the names A to Z.
    fn groups_context(&self, kind: GroupKind, n: usize) -> tera::Context {
        let views = &self.group_set(kind).views;
        let count = views.len().div_ceil(NAMES_PER_PAGE).max(1);
        let start = (n * NAMES_PER_PAGE).min(views.len());
        let end = (start + NAMES_PER_PAGE).min(views.len());
        let top = if n == 0 && views.len() > TOP_NAMES {
            by_count(views, TOP_NAMES)
        } else {
            Vec::new()
        };
        let url = format!("{}{}/", self.base, kind.folder());
        let mut ctx = self.context();
        ctx.insert("kind", kind.singular());
        ctx.insert("groups", &views[start..end]);
        ctx.insert("top", &top);
        ctx.insert("group_count", &views.len());
        ctx.insert("names_url", &format!("{url}names.json"));
        ctx.insert(
            "paginator",
            &Paginator::new(&url, n, count, NAMES_PER_PAGE, views.len()),
        );
        ctx
    }

    /// Every name of `kind` as JSON, `[[name, slug, events], ...]`, most
    /// events first.
    fn names_json(&self, kind: GroupKind) -> Vec<u8> {
        let views = &self.group_set(kind).views;
        let list: Vec<(&str, &str, usize)> = by_count(views, views.len())
            .into_iter()
            .map(|v| (v.name, v.slug, v.count))
            .collect();
        serde_json::to_vec(&list).expect("plain data")
    }

    /// The key days, on their own page or as the front page (`front`),
    /// which adds the overview strip and the site's counts.
    fn key_context(&self, front: bool) -> tera::Context {
        let mut ctx = self.context();
        ctx.insert("days", self.key_days());
        ctx.insert("front", &front);
        ctx.insert("front_is_key", &self.front_key);
        ctx.insert("event_count", &self.timeline.events.len());
        ctx.insert("article_count", &self.articles.len());
        let (first, last) = (self.timeline.events.first(), self.timeline.events.last());
        ctx.insert("first_day", &first.map(|e| e.sort_start().to_string()));
        ctx.insert("last_day", &last.map(|e| e.sort_start().to_string()));
        // The front page names the stretch the articles cover, which a few
        // stray event dates (a 12th century) would not tell.
        let dates = || self.articles.iter().map(|a| a.date);
        ctx.insert("first_article", &dates().min().map(|d| d.to_string()));
        ctx.insert("last_article", &dates().max().map(|d| d.to_string()));
        if front {
            let svg = overview_svg(self.timeline, self.span, &|y, m| {
                let d = NaiveDate::from_ymd_opt(y, m.unwrap_or(1), 1)?;
                match m {
                    Some(_) => self.archive_url_of(d),
                    None => self
                        .archive
                        .years
                        .iter()
                        .find(|a| a.year == y)
                        .map(|a| self.archive_url(&self.archive.pages[a.page])),
                }
            });
            ctx.insert("overview_svg", &svg.unwrap_or_default());
        }
        ctx
    }

    fn index_context(&self) -> tera::Context {
        let (timeline, articles) = (self.timeline, self.articles);
        let article_views: Vec<ArticleView> = articles
            .iter()
            .map(|a| ArticleView::new(a, &self.base))
            .collect();
        let mut ctx = self.context();
        // Events far outside the span the articles cover are listed apart,
        // before and after the years.
        let (mut before, mut inside, mut after) = (Vec::new(), Vec::new(), Vec::new());
        for (i, e) in timeline.events.iter().enumerate() {
            let day = e.sort_start();
            match self.span {
                Some((start, _)) if day < start => before.push(i),
                Some((_, end)) if day > end => after.push(i),
                _ => inside.push(i),
            }
        }
        let listed = |i: usize, e| ListedEvent::new(e, &self.markers[i]);
        let event = |i: usize| &timeline.events[i];
        ctx.insert("years", &years_of(event, &inside, listed));
        ctx.insert("background", &years_of(event, &before, listed));
        ctx.insert("later", &years_of(event, &after, listed));
        ctx.insert("event_count", &timeline.events.len());
        ctx.insert("article_count", &articles.len());
        ctx.insert("articles", &article_views);
        ctx.insert("actors", &self.actors.views);
        ctx.insert("tags", &self.tags.views);
        ctx.insert(
            "filter_actors",
            &most_frequent(&self.actors.views, FILTER_OPTIONS),
        );
        ctx.insert(
            "filter_tags",
            &most_frequent(&self.tags.views, FILTER_OPTIONS),
        );
        let svg = overview_svg(timeline, self.span, &|y, m| {
            Some(match m {
                Some(m) => format!("#m-{y:04}-{m:02}"),
                None => format!("#y-{y}"),
            })
        });
        ctx.insert("overview_svg", &svg.unwrap_or_default());
        ctx.insert("latest_id", &timeline.events.last().map(|e| e.id.as_str()));
        ctx.insert(
            "first_day",
            &timeline.events.first().map(|e| e.sort_start().to_string()),
        );
        ctx.insert(
            "last_day",
            &timeline.events.last().map(|e| e.sort_start().to_string()),
        );
        ctx
    }

    /// The URL of an archive page.
    fn archive_url(&self, page: &ArchivePage) -> String {
        format!("{}{}", self.base, page.folder())
    }

    /// Page `n` of the list of every article, newest first.
    fn articles_context(&self, n: usize) -> tera::Context {
        let mut order: Vec<&Article> = self.articles.iter().collect();
        order.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        let per_page = self.per_page();
        let shown: Vec<ArticleView> = order
            .chunks(per_page)
            .nth(n)
            .unwrap_or_default()
            .iter()
            .map(|a| ArticleView::new(a, &self.base))
            .collect();
        let mut ctx = self.context();
        ctx.insert("articles", &shown);
        ctx.insert("article_count", &self.articles.len());
        ctx.insert(
            "paginator",
            &Paginator::new(
                &format!("{}articles/", self.base),
                n,
                self.page_count(self.articles.len()),
                per_page,
                self.articles.len(),
            ),
        );
        ctx
    }

    fn archive_index_context(&self) -> tera::Context {
        let pages = &self.archive.pages;
        let years: Vec<ArchiveYearView> = self
            .archive
            .years
            .iter()
            .map(|y| ArchiveYearView {
                year: y.year,
                url: self.archive_url(&pages[y.page]),
                count: y.count,
                months: y
                    .months
                    .iter()
                    .map(|&(m, count, page)| ArchiveLink {
                        name: Period::Month(y.year, m).name(),
                        url: self.archive_url(&pages[page]),
                        count,
                    })
                    .collect(),
            })
            .collect();
        let part = |first: Option<usize>| {
            first.map(|p| ArchiveLink {
                name: pages[p].period.name(),
                url: self.archive_url(&pages[p]),
                count: pages
                    .iter()
                    .filter(|q| q.period == pages[p].period)
                    .map(|q| q.events.len())
                    .sum(),
            })
        };
        let mut ctx = self.context();
        ctx.insert("years", &years);
        ctx.insert("background", &part(self.archive.background));
        ctx.insert("later", &part(self.archive.later));
        ctx.insert(
            "span",
            &self.span.map(|(a, b)| (a.to_string(), b.to_string())),
        );
        ctx.insert("event_count", &self.timeline.events.len());
        ctx
    }

    fn archive_context(&self, i: usize) -> tera::Context {
        let pages = &self.archive.pages;
        let page = &pages[i];
        let link = |p: &ArchivePage| ArchiveLink {
            name: p.title(),
            url: self.archive_url(p),
            count: p.events.len(),
        };
        let mut sections: Vec<ArchiveSection> = Vec::new();
        for &e in &page.events {
            let event = &self.timeline.events[e];
            let h = heading(event);
            if sections.last().is_none_or(|s| s.id != h.id) {
                sections.push(ArchiveSection {
                    id: h.id,
                    label: h.label,
                    events: Vec::new(),
                });
            }
            let section = sections.last_mut().expect("just pushed");
            section
                .events
                .push(ListedEvent::new(event, &self.markers[e]));
        }
        let year = page.period.year();
        let year_page = year.and_then(|year| self.archive.years.iter().find(|y| y.year == year));
        // A year page of a split year lists its months.
        let months: Vec<ArchiveLink> = match (page.period, year_page) {
            (Period::Year(year), Some(y)) if page.n == 0 => y
                .months
                .iter()
                .map(|&(m, count, p)| ArchiveLink {
                    name: Period::Month(year, m).name(),
                    url: self.archive_url(&pages[p]),
                    count,
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut ctx = self.context();
        ctx.insert("title", &page.title());
        ctx.insert("period", &page.period.name());
        ctx.insert("year", &year);
        // The heading above the page's sections: its year, or "Background".
        ctx.insert(
            "group",
            &year.map_or_else(|| page.period.name(), |y| y.to_string()),
        );
        ctx.insert(
            "year_url",
            &year_page.map(|y| self.archive_url(&pages[y.page])),
        );
        ctx.insert("is_year", &matches!(page.period, Period::Year(_)));
        ctx.insert("months", &months);
        ctx.insert("sections", &sections);
        ctx.insert("count", &page.events.len());
        ctx.insert("previous", &i.checked_sub(1).map(|p| link(&pages[p])));
        ctx.insert("next", &pages.get(i + 1).map(link));
        ctx
    }

    fn article_context(&self, article: &Article) -> tera::Context {
        let own = self
            .by_slug
            .get(article.slug.as_str())
            .map_or(&[][..], Vec::as_slice);
        let events: Vec<EventView> = own
            .iter()
            .map(|e| {
                let mut view = EventView::with_sources(e, self.timeline, &self.base, |s| {
                    *s.article_slug == *article.slug
                });
                view.url = self.event_url(e);
                view
            })
            .collect();
        // The pages sort the articles by path, as the site does.
        let times = self
            .articles
            .binary_search_by(|a| a.path.cmp(&article.path))
            .ok()
            .and_then(|i| self.times.get(i))
            .map_or(&[][..], Vec::as_slice);
        let marks = time_marks(article, times, own, &|e| self.event_url(e));
        let html = timemarks::mark_times(&article.html, &article.paragraphs, &marks);
        let caption_html = article
            .paragraphs
            .first()
            .filter(|p| p.kind == BlockKind::Caption)
            .map(|p| timemarks::mark_caption(p, &marks));
        let mut view = ArticleView::new(article, &self.base);
        view.html = &html;
        view.caption_html = caption_html.as_deref();
        let mut ctx = self.context();
        ctx.insert("article", &view);
        ctx.insert("events", &events);
        ctx
    }

    /// Event `i`'s card (event.html), rendered once, for the timeline. The
    /// timeline page is rendered around a short marker per card and the
    /// cards are put in while it is written out, a few thousand at a time:
    /// at 10,000 articles the cards alone are hundreds of megabytes, which
    /// neither the template context nor the page need to hold at once.
    fn card(&self, i: usize) -> String {
        let Some(event) = self.timeline.events.get(i) else {
            return card_marker(i);
        };
        let mut view = EventView::new(event, self.timeline, &self.base);
        view.url = self.event_url(event);
        if self.renderer.builtin_card() {
            // The built-in card, written without tera's value tree: the
            // same bytes (checked by a test in render::card).
            let mut out = String::with_capacity(2048);
            super::card::write_card(&mut out, &view, &self.base);
            return out;
        }
        let mut ctx = self.context();
        ctx.insert("event", &view);
        self.renderer
            .render("event.html", &ctx)
            .unwrap_or_else(|d| {
                // A broken event.html breaks every card alike: reported once
                // (problems are deduplicated), and the pages still render so
                // their own problems are reported too.
                self.card_problems
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(d);
                String::new()
            })
    }
}

/// Where the timeline page embeds the card of event `i`; see
/// [`write_with_cards`]. An HTML comment, so a template that escapes it
/// shows it rather than breaking the page.
fn card_marker(i: usize) -> String {
    format!("{CARD_MARKER}{i}-->")
}

const CARD_MARKER: &str = "<!--dateline-card:";

/// How many cards are rendered (in parallel) before being written.
const CARD_CHUNK: usize = 2048;

/// Writes `page` to `w` with each [`card_marker`] replaced by that event's
/// card, rendered by `card` a chunk at a time on every core.
fn write_with_cards(
    w: &mut dyn std::io::Write,
    page: &str,
    card: &(dyn Fn(usize) -> String + Sync),
) -> std::io::Result<()> {
    // (start of marker, end of marker, event index)
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (at, _) in page.match_indices(CARD_MARKER) {
        let rest = &page[at + CARD_MARKER.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if let (Ok(i), true) = (rest[..digits].parse(), rest[digits..].starts_with("-->")) {
            found.push((at, at + CARD_MARKER.len() + digits + 3, i));
        }
    }
    let mut written = 0;
    for chunk in found.chunks(CARD_CHUNK) {
        let cards: Vec<String> = chunk.par_iter().map(|&(_, _, i)| card(i)).collect();
        for (&(start, end, _), html) in chunk.iter().zip(cards) {
            w.write_all(&page.as_bytes()[written..start])?;
            w.write_all(html.as_bytes())?;
            written = end;
        }
    }
    w.write_all(&page.as_bytes()[written..])
}

/// The article's temporal expressions to mark up in its page: each with its
/// HTML `datetime`, and a link to the timeline event it produced, if any;
/// and the trigger of each of its events' sentences, to underline.
/// An event's source names the sentence and the words its date came from
/// (`date_text`); the first expression in that sentence with those words,
/// not yet linked, is the one.
/// Whether source `s` cites its article's title (see
/// [`crate::extract::events::TITLE_ANCHOR`]).
fn in_title(s: &crate::timeline::Source) -> bool {
    s.anchor.as_deref() == Some(crate::extract::events::TITLE_ANCHOR)
}

fn time_marks(
    article: &Article,
    times: &[TimeMention],
    events: &[&Event],
    url: &dyn Fn(&Event) -> String,
) -> Vec<TimeMark> {
    let mut marks: Vec<TimeMark> = times
        .iter()
        .map(|t| TimeMark {
            start: t.start,
            end: t.end,
            datetime: timemarks::html_datetime(&t.value),
            href: None,
            trigger: false,
        })
        .collect();
    for e in events {
        // A source in the title indexes the title, not the text.
        for s in e
            .sources
            .iter()
            .filter(|s| *s.article_slug == *article.slug && !in_title(s))
        {
            let (Some(start), Some(end), Some(words)) =
                (s.sentence_start, s.sentence_end, s.date_text.as_deref())
            else {
                continue;
            };
            let from = times.partition_point(|t| t.start < start);
            let found = (from..times.len())
                .take_while(|&i| times[i].end <= end)
                .find(|&i| {
                    marks[i].href.is_none()
                        && article.text.get(times[i].start..times[i].end) == Some(words)
                });
            if let Some(i) = found {
                marks[i].href = Some(url(e));
            }
        }
    }
    // The words of each cited sentence that name what happened.
    let triggers: Vec<TimeMark> = events
        .iter()
        .flat_map(|e| &e.sources)
        .filter(|s| *s.article_slug == *article.slug && !in_title(s))
        .filter_map(|s| s.trigger.as_ref())
        .filter(|t| article.text.get(t.start..t.end) == Some(t.text.as_str()))
        .map(|t| TimeMark {
            start: t.start,
            end: t.end,
            datetime: None,
            href: None,
            trigger: true,
        })
        .collect();
    marks.extend(triggers);
    marks.sort_by_key(|m| m.start);
    marks
}

/// Events grouped by a name they carry (actor or tag), sorted by name, each
/// group in the order of `events`, as indexes into it. Names without a slug
/// in `slugs` are left out.
fn groups<'a>(
    events: impl Iterator<Item = &'a Event>,
    slugs: &Slugs,
    names: impl Fn(&'a Event) -> &'a [String],
) -> Vec<(&'a str, Vec<usize>)> {
    let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.enumerate() {
        for n in names(e) {
            if !slugs.get(n).is_empty() {
                map.entry(n.as_str()).or_default().push(i);
            }
        }
    }
    map.into_iter().collect()
}

/// A link to an archive page.
#[derive(Serialize)]
struct ArchiveLink {
    name: String,
    url: String,
    count: usize,
}

/// A year in the archive's index.
#[derive(Serialize)]
struct ArchiveYearView {
    year: i32,
    url: String,
    count: usize,
    /// The year's months, when it has a page per month.
    months: Vec<ArchiveLink>,
}

/// The events of an archive page under one heading.
#[derive(Serialize)]
struct ArchiveSection<'a> {
    id: String,
    label: String,
    events: Vec<ListedEvent<'a>>,
}

/// One day of the "Key events" view.
#[derive(Serialize)]
struct KeyDayView {
    date: String,
    label: String,
    /// Where the day is in the archive: its first event's card, or its
    /// month's heading when no event is dated that day.
    timeline_url: Option<String>,
    /// The day's events with the most sources, at most [`KEY_DAY_EVENTS`].
    events: Vec<KeyEventView>,
    /// Why the day is here: its rank and the counts that weigh most.
    rank: usize,
    articles: usize,
    outlets: usize,
    after: usize,
    published: usize,
    sentences: Vec<KeySentenceView>,
}

/// An event of a key day: its headline linking to its card.
#[derive(Serialize)]
struct KeyEventView {
    headline: String,
    url: String,
    label: String,
    source_count: usize,
}

/// How many of its events a key day shows.
const KEY_DAY_EVENTS: usize = 3;

#[derive(Serialize)]
struct KeySentenceView {
    text: String,
    title: String,
    outlet: Option<String>,
    url: String,
}

/// The key days (issue 9): as many as the config's `key_dates`, or a number
/// that suits the size of the site.
fn key_days(
    config: &Config,
    articles: &[Article],
    times: &[Vec<TimeMention>],
    timeline: &Timeline,
    event_url: &dyn Fn(&Event) -> String,
    month_url: &dyn Fn(NaiveDate) -> Option<String>,
) -> Vec<KeyDayView> {
    let base = &base_prefix(&config.base_url);
    let options = keydates::Options {
        dates: config
            .key_dates
            .unwrap_or_else(|| keydates::default_dates(articles.len())),
        language: config.tagger_language(),
        ..keydates::Options::default()
    };
    keydates::summarize(articles, times, &timeline.candidates, &options)
        .into_iter()
        .map(|k| {
            let from = timeline.events.partition_point(|e| e.sort_start() < k.date);
            let day: Vec<&Event> = timeline.events[from..]
                .iter()
                .take_while(|e| e.sort_start() == k.date)
                .collect();
            let mut best = day.clone();
            // The most reported first; ties keep timeline order.
            best.sort_by_key(|e| std::cmp::Reverse(e.sources.len()));
            best.truncate(KEY_DAY_EVENTS);
            (k, day.first().map(|e| event_url(e)), best)
        })
        .map(|(k, first, best)| KeyDayView {
            date: k.date.to_string(),
            label: k.date.format("%A %-d %B %Y").to_string(),
            timeline_url: first.or_else(|| month_url(k.date)),
            events: best
                .into_iter()
                .map(|e| KeyEventView {
                    headline: e.headline.clone(),
                    url: event_url(e),
                    label: crate::timeline::label::event_label(e),
                    source_count: e.sources.len(),
                })
                .collect(),
            rank: k.rank,
            articles: k.stats.articles as usize,
            outlets: k.stats.outlets as usize,
            after: k.stats.after as usize,
            published: k.stats.published as usize,
            sentences: k
                .sentences
                .into_iter()
                .map(|s| KeySentenceView {
                    url: match &s.anchor {
                        Some(a) => format!("{base}articles/{}/#{a}", s.article_slug),
                        None => format!("{base}articles/{}/", s.article_slug),
                    },
                    text: s.text,
                    title: s.article_title,
                    outlet: s.outlet,
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_cards(page: &str) -> String {
        let mut out = Vec::new();
        let card = |i: usize| format!("<article>{i}</article>");
        write_with_cards(&mut out, page, &card).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn each_card_marker_becomes_its_card_in_place() {
        let page = format!(
            "<ol><li>{}</li><li>{}</li></ol>",
            card_marker(1),
            card_marker(0)
        );
        assert_eq!(
            with_cards(&page),
            "<ol><li><article>1</article></li><li><article>0</article></li></ol>"
        );
    }

    #[test]
    fn a_page_with_more_cards_than_a_chunk_keeps_their_order() {
        let n = CARD_CHUNK * 2 + 5;
        let page: String = (0..n).map(|i| format!("[{}]", card_marker(i))).collect();
        let want: String = (0..n)
            .map(|i| format!("[<article>{i}</article>]"))
            .collect();
        assert_eq!(with_cards(&page), want);
    }

    #[test]
    fn text_that_only_looks_like_a_marker_is_left_alone() {
        let page = "<!--dateline-card:--> <!--dateline-card:12 --> <!--dateline-card:x-->";
        assert_eq!(with_cards(page), page);
    }
}

#[cfg(test)]
mod paging_tests {
    use super::*;

    fn view(name: &'static str, count: usize) -> GroupView<'static> {
        GroupView {
            name,
            slug: name,
            url: format!("/actors/{name}/"),
            roles: &[],
            count,
        }
    }

    #[test]
    fn a_filter_menu_keeps_the_most_frequent_names_in_name_order() {
        let views = [view("a", 1), view("b", 5), view("c", 3), view("d", 5)];
        let names: Vec<&str> = most_frequent(&views, 2).iter().map(|v| v.name).collect();
        assert_eq!(names, ["b", "d"]);
        assert_eq!(most_frequent(&views, 10).len(), 4);
    }

    #[test]
    fn a_paginator_links_its_neighbours_and_both_ends() {
        let middle = Paginator::new("/actors/x/", 1, 3, 100, 250);
        assert_eq!(middle.current_index, 2);
        assert_eq!(middle.previous.as_deref(), Some("/actors/x/"));
        assert_eq!(middle.next.as_deref(), Some("/actors/x/page/3/"));
        assert_eq!(middle.last, "/actors/x/page/3/");
        let only = Paginator::new("/actors/x/", 0, 1, 100, 7);
        assert_eq!((only.previous, only.next), (None, None));
        assert_eq!(paginated(0), PathBuf::new());
        assert_eq!(paginated(2), Path::new("page").join("3"));
    }
}
