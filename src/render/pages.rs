//! Every page of a site, rendered in memory: the timeline, article pages,
//! actor and tag pages with their indexes, the 404 page, and the exports.

use super::context::{ArticleView, EventView, SiteView, base_prefix, years};
use super::exports;
use super::overview::overview_svg;
use super::{OutputFile, Renderer};
use crate::config::Config;
use crate::content::{Article, slugify};
use crate::diagnostics::Diagnostics;
use crate::keydates;
use crate::timeline::{Event, Timeline};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A named group of events: an actor or a tag.
#[derive(Serialize)]
struct GroupView<'a> {
    name: &'a str,
    slug: String,
    url: String,
    roles: &'a [String],
    count: usize,
}

struct Pages<'r> {
    renderer: &'r Renderer,
    files: Vec<OutputFile>,
    problems: Diagnostics,
}

impl Pages<'_> {
    fn page(&mut self, template: &str, path: PathBuf, ctx: &tera::Context) {
        match self.renderer.render(template, ctx) {
            Ok(html) => self.files.push(OutputFile {
                path,
                bytes: html.into_bytes(),
            }),
            Err(d) => self.problems.push(d),
        }
    }
}

/// Renders the pages `which` selects: every page for a build; for
/// `dateline serve`, only article pages (`which.index` covers every page
/// that lists the whole site: the timeline, actor and tag pages, exports).
pub fn render_site(
    renderer: &Renderer,
    config: &Config,
    articles: &[Article],
    timeline: &Timeline,
    which: crate::site::Pages<'_>,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let base = base_prefix(&config.base_url);
    let site = SiteView::new(config);
    let mut pages = Pages {
        renderer,
        files: Vec::new(),
        problems: Diagnostics::default(),
    };
    let common = |ctx: &mut tera::Context| {
        ctx.insert("site", &site);
        ctx.insert("base", &base);
    };

    let actor_groups = groups(&timeline.events, |e| e.actors.clone());
    let tag_groups = groups(&timeline.events, |e| e.tags.clone());
    let actor_views: Vec<GroupView> = actor_groups
        .iter()
        .map(|(name, events)| GroupView {
            name,
            slug: slugify(name),
            url: format!("{base}actors/{}/", slugify(name)),
            roles: timeline
                .actors
                .iter()
                .find(|a| &a.name == name)
                .map_or(&[][..], |a| &a.roles),
            count: events.len(),
        })
        .collect();
    let tag_views: Vec<GroupView> = tag_groups
        .iter()
        .map(|(name, events)| GroupView {
            name,
            slug: slugify(name),
            url: format!("{base}tags/{}/", slugify(name)),
            roles: &[],
            count: events.len(),
        })
        .collect();

    if which.index {
        let article_views: Vec<ArticleView> = articles
            .iter()
            .map(|a| ArticleView::new(a, &base))
            .collect();
        let mut ctx = tera::Context::new();
        common(&mut ctx);
        ctx.insert("years", &years(timeline, &base));
        ctx.insert("event_count", &timeline.events.len());
        ctx.insert("article_count", &articles.len());
        ctx.insert("articles", &article_views);
        ctx.insert("actors", &actor_views);
        ctx.insert("tags", &tag_views);
        ctx.insert("overview_svg", &overview_svg(timeline).unwrap_or_default());
        ctx.insert("latest_id", &timeline.events.last().map(|e| e.id.as_str()));
        ctx.insert(
            "first_day",
            &timeline.events.first().map(|e| e.sort_start().to_string()),
        );
        ctx.insert(
            "last_day",
            &timeline.events.last().map(|e| e.sort_start().to_string()),
        );
        pages.page("index.html", PathBuf::from("index.html"), &ctx);
    }

    for article in articles {
        if which
            .articles
            .is_some_and(|only| !only.contains(&article.slug))
        {
            continue;
        }
        let view = &ArticleView::new(article, &base);
        let events: Vec<EventView> = timeline
            .events
            .iter()
            .filter(|e| e.sources.iter().any(|s| s.article_slug == article.slug))
            .map(|e| EventView::new(e, &base))
            .collect();
        let mut ctx = tera::Context::new();
        common(&mut ctx);
        ctx.insert("article", view);
        ctx.insert("events", &events);
        pages.page(
            "article.html",
            Path::new("articles").join(&article.slug).join("index.html"),
            &ctx,
        );
    }

    let groups_pages = if which.index {
        vec![
            ("actor", "actors", &actor_groups, &actor_views),
            ("tag", "tags", &tag_groups, &tag_views),
        ]
    } else {
        Vec::new()
    };
    for (kind, dir, list, views) in groups_pages {
        let mut ctx = tera::Context::new();
        common(&mut ctx);
        ctx.insert("kind", kind);
        ctx.insert("groups", views);
        pages.page("groups.html", Path::new(dir).join("index.html"), &ctx);
        for ((_, events), view) in list.iter().zip(views.iter()) {
            let events: Vec<EventView> = events.iter().map(|e| EventView::new(e, &base)).collect();
            let mut ctx = tera::Context::new();
            common(&mut ctx);
            ctx.insert("kind", kind);
            ctx.insert("group", view);
            ctx.insert("events", &events);
            pages.page(
                "group.html",
                Path::new(dir).join(&view.slug).join("index.html"),
                &ctx,
            );
        }
    }

    if which.not_found {
        let mut ctx = tera::Context::new();
        common(&mut ctx);
        pages.page("404.html", PathBuf::from("404.html"), &ctx);
    }

    let mut ctx = tera::Context::new();
    common(&mut ctx);
    ctx.insert("days", &key_days(config, articles, timeline, &base));
    pages.page("key.html", Path::new("key").join("index.html"), &ctx);

    let Pages {
        mut files,
        problems,
        ..
    } = pages;
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    if !which.index {
        return Ok(files);
    }
    // The sitemap lists every page, rendered this time or not.
    let mut listed: Vec<OutputFile> = Vec::new();
    if which.articles.is_some() {
        listed.extend(articles.iter().map(|a| OutputFile {
            path: Path::new("articles").join(&a.slug).join("index.html"),
            bytes: Vec::new(),
        }));
    }
    let sitemap = if listed.is_empty() {
        exports::sitemap::sitemap_xml(&files, &base)
    } else {
        listed.extend(files.iter().map(|f| OutputFile {
            path: f.path.clone(),
            bytes: Vec::new(),
        }));
        listed.sort_by(|a, b| a.path.cmp(&b.path));
        listed.dedup_by(|a, b| a.path == b.path);
        exports::sitemap::sitemap_xml(&listed, &base)
    };
    let export = |name: &str, bytes: Vec<u8>| OutputFile {
        path: PathBuf::from(name),
        bytes,
    };
    files.push(export("sitemap.xml", sitemap));
    files.push(export("robots.txt", exports::sitemap::robots_txt(&base)));
    files.push(export("events.json", events_json(timeline)));
    files.push(export(
        "timeline.json",
        exports::timelinejs::timeline_json(timeline, &config.title, &config.description, &base),
    ));
    files.push(export(
        "events.csv",
        exports::csv::events_csv(timeline, &base),
    ));
    files.push(export(
        "events.ics",
        exports::ics::events_ics(timeline, &config.title, &base),
    ));
    files.push(export(
        "feed.xml",
        exports::atom::feed_xml(timeline, &config.title, &base),
    ));
    Ok(files)
}

/// One day of the "Key events" view.
#[derive(Serialize)]
struct KeyDayView {
    date: String,
    label: String,
    /// The first timeline event dated that day, when there is one.
    timeline_url: Option<String>,
    sentences: Vec<KeySentenceView>,
}

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
    timeline: &Timeline,
    base: &str,
) -> Vec<KeyDayView> {
    let tagger = crate::temporal::Tagger::new(crate::temporal::TaggerOptions {
        mode: config.tagger.mode,
        date_order: config.tagger.date_order,
    });
    let options = keydates::Options {
        dates: config
            .key_dates
            .unwrap_or_else(|| keydates::default_dates(articles.len())),
        ..keydates::Options::default()
    };
    keydates::summarize(articles, &timeline.events, &tagger, &options)
        .into_iter()
        .map(|k| KeyDayView {
            date: k.date.to_string(),
            label: k.date.format("%A %-d %B %Y").to_string(),
            timeline_url: timeline
                .events
                .iter()
                .find(|e| e.sort_start() == k.date)
                .map(|e| format!("{base}#event-{}", e.id)),
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

/// Events grouped by a name they carry (actor or tag), sorted by name, each
/// group in timeline order. Names that slugify to nothing are left out.
fn groups(events: &[Event], names: impl Fn(&Event) -> Vec<String>) -> Vec<(String, Vec<&Event>)> {
    let mut map: BTreeMap<String, Vec<&Event>> = BTreeMap::new();
    for e in events {
        for n in names(e) {
            if !slugify(&n).is_empty() {
                map.entry(n).or_default().push(e);
            }
        }
    }
    map.into_iter().collect()
}

/// events.json: the event records with their provenance, as the schema in
/// docs/events.schema.json describes.
fn events_json(timeline: &Timeline) -> Vec<u8> {
    #[derive(Serialize)]
    struct Doc<'a> {
        version: u32,
        events: &'a [Event],
        actors: &'a [crate::timeline::Actor],
    }
    serde_json::to_vec_pretty(&Doc {
        version: 1,
        events: &timeline.events,
        actors: &timeline.actors,
    })
    .unwrap_or_default()
}
