//! The values templates see. Each page gets `site`, `base` (the base URL
//! ending in `/`) and its own data; the README lists every variable.

use crate::config::Config;
use crate::content::Article;
use crate::timeline::label::{event_label, machine_date};
use crate::timeline::{Event, Timeline};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub language: &'a str,
}

impl<'a> SiteView<'a> {
    pub fn new(config: &'a Config) -> Self {
        SiteView {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            language: &config.language,
        }
    }
}

/// The base URL as a prefix for site paths: always ends in `/`.
pub fn base_prefix(base_url: &str) -> String {
    if base_url.ends_with('/') {
        base_url.to_string()
    } else {
        format!("{base_url}/")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorLink<'a> {
    pub name: &'a str,
    pub slug: &'a str,
}

/// Borrows from the event: a card is made for every event of the site, and
/// tera copies the values into its context anyway.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView<'a> {
    pub number: usize,
    pub outlet: Option<&'a str>,
    pub article_title: &'a str,
    pub article_url: String,
    /// Link to the exact block in our article page.
    pub sentence_url: String,
    pub published: NaiveDate,
    pub published_label: String,
    pub original_url: Option<&'a str>,
    pub sentence: Option<&'a str>,
    pub date_text: Option<&'a str>,
    pub resolution: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView<'a> {
    pub id: &'a str,
    /// Where the event's card is read (its headline links there).
    pub url: String,
    /// How many sources the event has (`sources` may list only some).
    pub source_count: usize,
    /// The first day the event sorts by, `YYYY-MM-DD`.
    pub start: String,
    /// Actor slugs separated by spaces, for `data-actors`.
    pub actor_slugs: String,
    /// Tag slugs separated by spaces, for `data-tags`.
    pub tag_slugs: String,
    pub label: String,
    pub datetime: String,
    pub value: String,
    pub precision: &'static str,
    pub kind: &'static str,
    pub headline: &'a str,
    pub text: &'a str,
    pub actors: Vec<ActorLink<'a>>,
    pub quotes: &'a [crate::timeline::Quote],
    pub place: Option<&'a str>,
    pub sources: Vec<SourceView<'a>>,
    pub curated: bool,
    pub tags: &'a [String],
    pub date_disagreement: Option<&'a str>,
}

impl<'a> EventView<'a> {
    /// The view of `e`, one of `timeline`'s events (which knows the slugs
    /// of its actors' and tags' pages).
    pub fn new(e: &'a Event, timeline: &'a Timeline, base: &str) -> Self {
        Self::with_sources(e, timeline, base, |_| true)
    }

    /// The view with only the sources `keep` accepts (numbered as in the
    /// full list): an article page shows its own reports of an event, which
    /// keeps a story republished by a thousand outlets from putting a
    /// thousand citations on each of a thousand pages.
    pub fn with_sources(
        e: &'a Event,
        timeline: &'a Timeline,
        base: &str,
        keep: impl Fn(&crate::timeline::Source) -> bool,
    ) -> Self {
        let actors: Vec<ActorLink> = e
            .actors
            .iter()
            .map(|a| ActorLink {
                name: a,
                slug: timeline.actor_slugs.get(a),
            })
            .collect();
        EventView {
            source_count: e.sources.len(),
            id: &e.id,
            url: format!("{base}#event-{}", e.id),
            start: e.sort_start().to_string(),
            actor_slugs: actors.iter().map(|a| a.slug).collect::<Vec<_>>().join(" "),
            tag_slugs: e
                .tags
                .iter()
                .map(|t| timeline.tag_slugs.get(t))
                .collect::<Vec<_>>()
                .join(" "),
            label: event_label(e),
            datetime: machine_date(&e.date),
            value: e.date.to_string(),
            precision: e.date.precision.as_str(),
            kind: match e.kind {
                crate::timeline::EventKind::Happened => "happened",
                crate::timeline::EventKind::Reported => "reported",
            },
            headline: &e.headline,
            text: &e.text,
            actors,
            quotes: &e.quotes,
            place: e.place.as_deref(),
            sources: e
                .sources
                .iter()
                .enumerate()
                .filter(|(_, s)| keep(s))
                .map(|(i, s)| {
                    let article_url = format!("{base}articles/{}/", s.article_slug);
                    SourceView {
                        number: i + 1,
                        outlet: s.outlet.as_deref(),
                        article_title: &s.article_title,
                        sentence_url: match &s.anchor {
                            Some(a) => format!("{article_url}#{a}"),
                            None => article_url.clone(),
                        },
                        article_url,
                        published: s.published,
                        published_label: s.published.format("%a %-d %b %Y").to_string(),
                        original_url: s.url.as_deref(),
                        sentence: s.sentence.as_deref(),
                        date_text: s.date_text.as_deref(),
                        resolution: &s.resolution,
                    }
                })
                .collect(),
            curated: e.curated,
            tags: &e.tags,
            date_disagreement: e.date_disagreement.as_deref(),
        }
    }
}

/// An event in a listing (the timeline, an actor or tag page): its card,
/// `event.html` rendered once for the whole site, to embed as it is.
#[derive(Debug, Clone, Serialize)]
pub struct ListedEvent<'a> {
    pub id: &'a str,
    pub headline: &'a str,
    pub html: &'a str,
}

impl<'a> ListedEvent<'a> {
    pub fn new(e: &'a Event, html: &'a str) -> Self {
        ListedEvent {
            id: &e.id,
            headline: &e.headline,
            html,
        }
    }
}

/// An event in a compact listing (actor and tag pages): one line, its date
/// and headline linking to its card on the timeline. A site's busiest actors
/// and tags share most events, so full cards there would repeat the timeline
/// several times over (at 10,000 articles, gigabytes of tag pages).
#[derive(Debug, Clone, Serialize)]
pub struct BriefEvent<'a> {
    pub id: &'a str,
    /// The event's card on the timeline.
    pub url: String,
    pub label: String,
    pub datetime: String,
    pub precision: &'static str,
    pub headline: &'a str,
    pub place: Option<&'a str>,
    pub source_count: usize,
}

impl<'a> BriefEvent<'a> {
    /// The line of `e`, linking to its card at `url`.
    pub fn new(e: &'a Event, url: String) -> Self {
        BriefEvent {
            id: &e.id,
            url,
            label: event_label(e),
            datetime: machine_date(&e.date),
            precision: e.date.precision.as_str(),
            headline: &e.headline,
            place: e.place.as_deref(),
            source_count: e.sources.len(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthView<T> {
    /// `2025-01`, also the anchor id of the month's heading.
    pub key: String,
    pub name: String,
    pub events: Vec<T>,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearView<T> {
    pub year: i32,
    pub months: Vec<MonthView<T>>,
}

/// The timeline by year and month; `cards[i]` stands for the card of
/// `timeline.events[i]` (the card itself, or a marker the page writer
/// replaces with it).
pub fn years<'a>(timeline: &'a Timeline, cards: &'a [String]) -> Vec<YearView<ListedEvent<'a>>> {
    timeline
        .by_month()
        .into_iter()
        .map(|(year, months)| YearView {
            year,
            months: months
                .into_iter()
                .map(|(month, events)| MonthView {
                    key: format!("{year:04}-{month:02}"),
                    name: NaiveDate::from_ymd_opt(year, month, 1)
                        .map(|d| d.format("%B %Y").to_string())
                        .unwrap_or_default(),
                    events: events
                        .into_iter()
                        .map(|i| ListedEvent::new(&timeline.events[i], &cards[i]))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// Some events of the timeline (indexes into `timeline.events`, in
/// timeline order) by year and month as [`years`] gives them all, each
/// made into a listing item by `item`: for actor and tag pages, which share
/// the timeline's heading outline.
pub fn years_of<'a, T>(
    timeline: &'a Timeline,
    events: &[usize],
    item: impl Fn(usize, &'a Event) -> T,
) -> Vec<YearView<T>> {
    let mut out: Vec<YearView<T>> = Vec::new();
    for &i in events {
        let e = &timeline.events[i];
        let start = e.sort_start();
        let (year, month) = (start.year(), start.month());
        if out.last().is_none_or(|y| y.year != year) {
            out.push(YearView {
                year,
                months: Vec::new(),
            });
        }
        let months = &mut out.last_mut().expect("just pushed").months;
        let key = format!("{year:04}-{month:02}");
        if months.last().is_none_or(|m| m.key != key) {
            months.push(MonthView {
                key,
                name: start.format("%B %Y").to_string(),
                events: Vec::new(),
            });
        }
        months
            .last_mut()
            .expect("just pushed")
            .events
            .push(item(i, e));
    }
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleView<'a> {
    pub slug: &'a str,
    pub url: String,
    pub title: &'a str,
    pub subtitle: Option<&'a str>,
    pub date: NaiveDate,
    pub date_label: String,
    pub source: Option<&'a str>,
    pub original_url: Option<&'a str>,
    pub authors: &'a [String],
    pub tags: &'a [String],
    pub summary: Option<&'a str>,
    pub image: Option<&'a str>,
    pub caption: Option<&'a str>,
    /// The caption as HTML, its dates marked up as in `html`; set on the
    /// article's own page only.
    pub caption_html: Option<&'a str>,
    pub example: bool,
    pub html: &'a str,
}

impl<'a> ArticleView<'a> {
    pub fn new(a: &'a Article, base: &str) -> Self {
        ArticleView {
            slug: &a.slug,
            url: format!("{base}articles/{}/", a.slug),
            title: &a.title,
            subtitle: a.subtitle.as_deref(),
            date: a.date,
            date_label: a.date.format("%a %-d %b %Y").to_string(),
            source: a.source.as_deref(),
            original_url: a.url.as_deref(),
            authors: &a.authors,
            tags: &a.tags,
            summary: a.summary.as_deref(),
            image: a.image.as_deref(),
            caption: a.caption.as_deref(),
            caption_html: None,
            example: a.example,
            html: &a.html,
        }
    }
}
