//! Every page of a site: the timeline, article pages, actor and tag pages
//! with their indexes, the 404 page, and the exports. Pages are independent
//! jobs rendered in parallel and handed to a sink one by one.

use super::context::{ArticleView, BriefEvent, EventView, SiteView, base_prefix, years, years_of};
use super::exports;
use super::overview::overview_svg;
use super::timemarks::{self, TimeMark};
use super::{OutputFile, Renderer, Sink};
use crate::config::Config;
use crate::content::Article;
use crate::content::markdown::BlockKind;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::keydates;
use crate::progress::{Progress, Stage};
use crate::slug::Slugs;
use crate::timeline::{Event, Timeline};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A named group of events: an actor or a tag.
#[derive(Serialize)]
struct GroupView<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    roles: &'a [String],
    count: usize,
}

/// One page or export to produce; jobs are independent and run in parallel.
enum Job {
    Index,
    /// The "Key events" view.
    Key,
    Article(usize),
    /// The index of actors (0) or tags (1).
    Groups(usize),
    /// One actor's (0) or tag's (1) page.
    Group(usize, usize),
    NotFound,
    Sitemap,
    Robots,
    EventsJson,
    TimelineJson,
    EventsCsv,
    EventsIcs,
    Feed,
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
    let result = render_site_each(renderer, config, articles, timeline, which, None, &files);
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
pub fn render_site_each(
    renderer: &Renderer,
    config: &Config,
    articles: &[Article],
    timeline: &Timeline,
    which: super::Pages<'_>,
    progress: Option<&Progress>,
    sink: &dyn Sink,
) -> Result<usize, RenderError> {
    let base = base_prefix(&config.base_url);
    let site = SiteView::new(config);
    let common = |ctx: &mut tera::Context| {
        ctx.insert("site", &site);
        ctx.insert("base", &base);
    };

    let actor_groups = groups(&timeline.events, &timeline.actor_slugs, |e| &e.actors);
    let tag_groups = groups(&timeline.events, &timeline.tag_slugs, |e| &e.tags);
    let actor_roles: BTreeMap<&str, &[String]> = timeline
        .actors
        .iter()
        .rev() // the first actor of a name wins, as a search would find it
        .map(|a| (a.name.as_str(), a.roles.as_slice()))
        .collect();
    let actor_views: Vec<GroupView> = actor_groups
        .iter()
        .map(|(name, events)| GroupView {
            name,
            slug: timeline.actor_slugs.get(name),
            url: format!("{base}actors/{}/", timeline.actor_slugs.get(name)),
            roles: actor_roles.get(name).copied().unwrap_or(&[]),
            count: events.len(),
        })
        .collect();
    let tag_views: Vec<GroupView> = tag_groups
        .iter()
        .map(|(name, events)| GroupView {
            name,
            slug: timeline.tag_slugs.get(name),
            url: format!("{base}tags/{}/", timeline.tag_slugs.get(name)),
            roles: &[],
            count: events.len(),
        })
        .collect();
    let kinds = [
        ("actor", "actors", &actor_groups, &actor_views),
        ("tag", "tags", &tag_groups, &tag_views),
    ];

    // Each article's events in timeline order, found in one pass over the
    // timeline instead of one pass per article.
    let mut by_slug: HashMap<&str, Vec<&Event>> = HashMap::with_capacity(articles.len());
    for e in &timeline.events {
        for s in &e.sources {
            let list = by_slug.entry(s.article_slug.as_str()).or_default();
            if !list.last().is_some_and(|last| std::ptr::eq(*last, e)) {
                list.push(e);
            }
        }
    }

    let mut jobs = Vec::new();
    if which.index {
        jobs.push(Job::Index);
        jobs.push(Job::Key);
    }
    jobs.extend(
        (0..articles.len())
            .filter(|&i| {
                which
                    .articles
                    .is_none_or(|only| only.contains(&articles[i].slug))
            })
            .map(Job::Article),
    );
    if which.index {
        for (k, (_, _, list, _)) in kinds.iter().enumerate() {
            jobs.push(Job::Groups(k));
            jobs.extend((0..list.len()).map(|i| Job::Group(k, i)));
        }
    }
    if which.not_found {
        jobs.push(Job::NotFound);
    }
    let html_pages = jobs.len();
    if which.index {
        jobs.extend([
            Job::Sitemap,
            Job::Robots,
            Job::EventsJson,
            Job::TimelineJson,
            Job::EventsCsv,
            Job::EventsIcs,
            Job::Feed,
        ]);
    }
    let page_path = |job: &Job| -> PathBuf {
        match job {
            Job::Index => PathBuf::from("index.html"),
            Job::Key => Path::new("key").join("index.html"),
            Job::Article(i) => Path::new("articles")
                .join(&articles[*i].slug)
                .join("index.html"),
            Job::Groups(k) => Path::new(kinds[*k].1).join("index.html"),
            Job::Group(k, i) => Path::new(kinds[*k].1)
                .join(kinds[*k].3[*i].slug)
                .join("index.html"),
            _ => PathBuf::from("404.html"),
        }
    };
    if let Some(p) = progress {
        p.start(Stage::Rendering, jobs.len());
    }

    // Each event's card (event.html) is rendered once, for the timeline.
    // The timeline page is rendered around a short marker per card and the
    // cards are put in while it is written out, a few thousand at a time:
    // at 10,000 articles the cards alone are hundreds of megabytes, which
    // neither the template context nor the page need to hold at once.
    let card_problems = std::sync::Mutex::new(Diagnostics::default());
    let card = |i: usize| -> String {
        let Some(event) = timeline.events.get(i) else {
            return card_marker(i);
        };
        let mut ctx = tera::Context::new();
        common(&mut ctx);
        ctx.insert("event", &EventView::new(event, timeline, &base));
        renderer.render("event.html", &ctx).unwrap_or_else(|d| {
            // A broken event.html breaks every card alike: reported once
            // (problems are deduplicated), and the pages still render so
            // their own problems are reported too.
            card_problems
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(d);
            String::new()
        })
    };
    let markers: Vec<String> = if which.index {
        (0..timeline.events.len()).map(card_marker).collect()
    } else {
        Vec::new()
    };

    let render_job = |job: &Job| -> Result<OutputFile, Diagnostic> {
        let page = |template: &str, ctx: &tera::Context| {
            renderer.render(template, ctx).map(|html| OutputFile {
                path: page_path(job),
                bytes: html.into_bytes(),
            })
        };
        let export = |name: &str, bytes: Vec<u8>| {
            Ok(OutputFile {
                path: PathBuf::from(name),
                bytes,
            })
        };
        let mut ctx = tera::Context::new();
        match job {
            Job::Index => {
                let article_views: Vec<ArticleView> = articles
                    .iter()
                    .map(|a| ArticleView::new(a, &base))
                    .collect();
                common(&mut ctx);
                ctx.insert("years", &years(timeline, &markers));
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
                page("index.html", &ctx)
            }
            Job::Article(i) => {
                let article = &articles[*i];
                let events: Vec<EventView> = by_slug
                    .get(article.slug.as_str())
                    .map(|list| {
                        list.iter()
                            .map(|e| {
                                EventView::with_sources(e, timeline, &base, |s| {
                                    s.article_slug == article.slug
                                })
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let marks = time_marks(
                    article,
                    by_slug
                        .get(article.slug.as_str())
                        .map_or(&[], Vec::as_slice),
                    &base,
                );
                let html = timemarks::mark_times(&article.html, &article.paragraphs, &marks);
                let caption_html = article
                    .paragraphs
                    .first()
                    .filter(|p| p.kind == BlockKind::Caption)
                    .map(|p| timemarks::mark_caption(p, &marks));
                let mut view = ArticleView::new(article, &base);
                view.html = &html;
                view.caption_html = caption_html.as_deref();
                common(&mut ctx);
                ctx.insert("article", &view);
                ctx.insert("events", &events);
                page("article.html", &ctx)
            }
            Job::Groups(k) => {
                let (kind, _, _, views) = kinds[*k];
                common(&mut ctx);
                ctx.insert("kind", kind);
                ctx.insert("groups", views);
                page("groups.html", &ctx)
            }
            Job::Group(k, i) => {
                let (kind, _, list, views) = kinds[*k];
                common(&mut ctx);
                ctx.insert("kind", kind);
                ctx.insert("group", &views[*i]);
                ctx.insert(
                    "years",
                    &years_of(timeline, &list[*i].1, |e| BriefEvent::new(e, &base)),
                );
                page("group.html", &ctx)
            }
            Job::Key => {
                common(&mut ctx);
                ctx.insert("days", &key_days(config, articles, timeline, &base));
                page("key.html", &ctx)
            }
            Job::NotFound => {
                common(&mut ctx);
                page("404.html", &ctx)
            }
            Job::Sitemap => {
                let paths: Vec<PathBuf> = jobs[..html_pages].iter().map(page_path).collect();
                export(
                    "sitemap.xml",
                    exports::sitemap::sitemap_xml_paths(&paths, &base),
                )
            }
            Job::Robots => export("robots.txt", exports::sitemap::robots_txt(&base)),
            Job::EventsJson | Job::TimelineJson | Job::EventsCsv | Job::EventsIcs => {
                unreachable!("streamed exports are written by write_export")
            }
            Job::Feed => export(
                "feed.xml",
                exports::atom::feed_xml(timeline, &config.title, &base),
            ),
        }
    };

    // The big exports (a few hundred megabytes at 10,000 articles) are
    // written straight to the sink rather than built in memory first.
    let streamed = |job: &Job| -> Option<&'static str> {
        match job {
            Job::EventsJson => Some("events.json"),
            Job::TimelineJson => Some("timeline.json"),
            Job::EventsCsv => Some("events.csv"),
            Job::EventsIcs => Some("events.ics"),
            _ => None,
        }
    };
    let write_export = |job: &Job, w: &mut dyn std::io::Write| -> std::io::Result<()> {
        match job {
            Job::EventsJson => write_events_json(w, timeline),
            Job::TimelineJson => exports::timelinejs::write_timeline_json(
                w,
                timeline,
                &config.title,
                &config.description,
                &base,
            ),
            Job::EventsCsv => exports::csv::write_events_csv(w, timeline, &base),
            Job::EventsIcs => exports::ics::write_events_ics(w, timeline, &config.title, &base),
            _ => unreachable!("only the jobs `streamed` names are written here"),
        }
    };

    // Template problems are collected (all of them, in page order); the
    // first output error stops the rest.
    let outcomes: Vec<Result<(), Result<Diagnostic, anyhow::Error>>> = jobs
        .par_iter()
        .enumerate()
        .map(|(i, job)| {
            match streamed(job) {
                Some(path) => sink
                    .stream(i, Path::new(path), &|w| write_export(job, w))
                    .map_err(Err)?,
                None if matches!(job, Job::Index) => {
                    let page = render_job(job).map_err(Ok)?;
                    let page = String::from_utf8(page.bytes).expect("tera renders UTF-8");
                    sink.stream(i, &page_path(job), &|w| write_with_cards(w, &page, &card))
                        .map_err(Err)?;
                }
                None => {
                    let file = render_job(job).map_err(Ok)?;
                    sink.file(i, file).map_err(Err)?;
                }
            }
            if let Some(p) = progress {
                p.tick();
            }
            Ok(())
        })
        .collect();
    let mut problems = card_problems
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
    Ok(html_pages)
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
/// HTML `datetime`, and a link to the timeline event it produced, if any.
/// An event's source names the sentence and the words its date came from
/// (`date_text`); the first expression in that sentence with those words,
/// not yet linked, is the one.
fn time_marks(article: &Article, events: &[&Event], base: &str) -> Vec<TimeMark> {
    let times = &article.times;
    let mut marks: Vec<TimeMark> = times
        .iter()
        .map(|t| TimeMark {
            start: t.start,
            end: t.end,
            datetime: timemarks::html_datetime(&t.value),
            href: None,
        })
        .collect();
    for e in events {
        for s in e.sources.iter().filter(|s| s.article_slug == article.slug) {
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
                marks[i].href = Some(format!("{base}#event-{}", e.id));
            }
        }
    }
    marks
}

/// Events grouped by a name they carry (actor or tag), sorted by name, each
/// group in timeline order, as indexes into `events`. Names without a slug
/// in `slugs` are left out.
fn groups<'a>(
    events: &'a [Event],
    slugs: &Slugs,
    names: impl Fn(&'a Event) -> &'a [String],
) -> Vec<(&'a str, Vec<usize>)> {
    let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        for n in names(e) {
            if !slugs.get(n).is_empty() {
                map.entry(n.as_str()).or_default().push(i);
            }
        }
    }
    map.into_iter().collect()
}

/// events.json: the event records with their provenance, as the schema in
/// docs/events.schema.json describes.
pub fn events_json(timeline: &Timeline) -> Vec<u8> {
    let mut out = Vec::new();
    write_events_json(&mut out, timeline).expect("writing to memory");
    out
}

/// [`events_json`] written to `w` as it is serialised: compact, with each
/// event and each actor on a line of its own, so the file stays a third of
/// its pretty-printed size while `grep` and line diffs still show one event
/// per hit.
pub fn write_events_json(w: &mut dyn std::io::Write, timeline: &Timeline) -> std::io::Result<()> {
    fn list<T: Serialize>(
        w: &mut dyn std::io::Write,
        name: &str,
        items: &[T],
    ) -> std::io::Result<()> {
        write!(w, "\"{name}\":[")?;
        for (i, item) in items.iter().enumerate() {
            w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut *w, item).map_err(std::io::Error::other)?;
        }
        w.write_all(if items.is_empty() { b"]" } else { b"\n]" })
    }
    w.write_all(b"{\"version\":1,")?;
    list(w, "events", &timeline.events)?;
    w.write_all(b",")?;
    list(w, "actors", &timeline.actors)?;
    w.write_all(b"}\n")
}

/// One day of the "Key events" view.
#[derive(Serialize)]
struct KeyDayView {
    date: String,
    label: String,
    /// The first timeline event dated that day, when there is one.
    timeline_url: Option<String>,
    /// Why the day is here: its rank and the counts that weigh most.
    rank: usize,
    articles: usize,
    outlets: usize,
    after: usize,
    published: usize,
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
    let tagger = config.tagger();
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
