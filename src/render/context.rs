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
    /// `text` cut around the words that name what happened (the trigger
    /// of the source whose sentence it is), for the card to underline:
    /// `trigger` is empty when no source records one in `text`.
    pub text_before: &'a str,
    pub trigger: &'a str,
    pub text_after: &'a str,
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
        let trigger = trigger_in_text(e).unwrap_or(e.text.len()..e.text.len());
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
            text_before: &e.text[..trigger.start],
            trigger: &e.text[trigger.clone()],
            text_after: &e.text[trigger.end..],
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

/// Where in `e.text` the words that name what happened are: the trigger
/// of the first source whose sentence is that text.
pub fn trigger_in_text(e: &Event) -> Option<std::ops::Range<usize>> {
    e.sources.iter().find_map(|s| {
        let t = s.trigger.as_ref()?;
        if s.sentence.as_deref() != Some(e.text.as_str()) {
            return None;
        }
        let at = t.start.checked_sub(s.sentence_start?)?;
        let r = at..at + t.text.len();
        (!t.text.is_empty() && e.text.get(r.clone()) == Some(t.text.as_str())).then_some(r)
    })
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
/// and headline linking to its card on the timeline, then its reports, one
/// per article. A site's busiest actors and tags share most events, so full
/// cards there would repeat the timeline several times over (at 10,000
/// articles, gigabytes of tag pages).
#[derive(Debug, Clone, Serialize)]
pub struct BriefEvent<'a> {
    pub id: &'a str,
    /// The event's card on the timeline, or for a secondary event (which
    /// has no card) its sentence in the article.
    pub url: String,
    pub label: String,
    pub datetime: String,
    pub precision: &'static str,
    pub headline: &'a str,
    pub place: Option<&'a str>,
    pub source_count: usize,
    /// Whether the event is one the timeline leaves out (see
    /// [`Event::secondary`](crate::timeline::Event::secondary)).
    pub secondary: bool,
    /// Its first [`BRIEF_REPORTS`] reports, in source order.
    pub reports: Vec<ReportView<'a>>,
    /// How many more reports it has.
    pub more_reports: usize,
}

/// How many reports of one event a compact listing names.
pub const BRIEF_REPORTS: usize = 8;

/// One article's report of an event in a compact listing: where the
/// sentence is, and the word that names what happened.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView<'a> {
    pub url: String,
    pub outlet: Option<&'a str>,
    pub article_title: &'a str,
    pub published_label: String,
    pub trigger: Option<&'a str>,
}

impl<'a> BriefEvent<'a> {
    /// The line of `e`, linking to its card at `url`.
    pub fn new(e: &'a Event, url: String, base: &str) -> Self {
        let reports = e
            .sources
            .iter()
            .take(BRIEF_REPORTS)
            .map(|s| ReportView {
                url: sentence_url(base, s),
                outlet: s.outlet.as_deref(),
                article_title: &s.article_title,
                published_label: s.published.format("%-d %b %Y").to_string(),
                trigger: s.trigger.as_ref().map(|t| t.text.as_str()),
            })
            .collect();
        BriefEvent {
            id: &e.id,
            url,
            label: event_label(e),
            datetime: machine_date(&e.date),
            precision: e.date.precision.as_str(),
            headline: &e.headline,
            place: e.place.as_deref(),
            source_count: e.sources.len(),
            secondary: e.secondary,
            reports,
            more_reports: e.sources.len().saturating_sub(BRIEF_REPORTS),
        }
    }
}

/// The link to source `s`'s sentence on its article's page.
pub fn sentence_url(base: &str, s: &crate::timeline::Source) -> String {
    let article_url = format!("{base}articles/{}/", s.article_slug);
    match &s.anchor {
        Some(a) => format!("{article_url}#{a}"),
        None => article_url,
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

/// Some events (indexes that `event` looks up, in timeline order) by year
/// and month as [`years`] gives them all, each made into a listing item by
/// `item`: for actor and tag pages, which share the timeline's heading
/// outline.
pub fn years_of<'a, T>(
    event: impl Fn(usize) -> &'a Event,
    events: &[usize],
    item: impl Fn(usize, &'a Event) -> T,
) -> Vec<YearView<T>> {
    let mut out: Vec<YearView<T>> = Vec::new();
    for &i in events {
        let e = event(i);
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
