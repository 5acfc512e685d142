//! From an article's paragraphs to its dated events: sentences, the dates
//! the tagger finds in them, who did what, quotes and places. Then the
//! events of all articles are assembled into one timeline.
//!
//! Per-article work is a pure function of the article, so a changed article
//! can be redone alone and merged with the cached results of the others.

pub mod actors;
pub mod events;
pub mod furniture;
pub mod headline;
pub mod place;
pub mod quote_marks;
pub mod quotes;
pub mod sentences;

use crate::content::{Article, TimeMention};
use crate::temporal::{Tagger, TimeExpr};
use crate::timeline::{Event, Timeline, curated::curated_events, merge};

/// The events one article yields: its curated front matter events and the
/// events extracted from its text, less those its `exclude` list names.
pub fn article_events(article: &Article, tagger: &Tagger) -> Vec<Event> {
    events_from(article, &tagger.tag(&article.text, article.date))
}

/// Tags the article's text, keeps the expressions in [`Article::times`]
/// (for the article page's `<time>` markup) and returns its events as
/// [`article_events`] does, tagging once.
pub fn tag_article(article: &mut Article, tagger: &Tagger) -> Vec<Event> {
    let exprs = tagger.tag(&article.text, article.date);
    article.times = exprs
        .iter()
        .map(|e| TimeMention {
            start: e.start,
            end: e.end,
            value: e.value.clone(),
        })
        .collect();
    events_from(article, &exprs)
}

fn events_from(article: &Article, exprs: &[TimeExpr]) -> Vec<Event> {
    let mut out = curated_events(article);
    out.extend(
        events::extract(article, exprs)
            .into_iter()
            .filter(|e| !article.exclude.contains(&e.id)),
    );
    out
}

/// Merges every article's events into the site's timeline: the same event
/// told by several articles becomes one, curated events override or join
/// extracted ones, and ids any article excludes are dropped.
pub fn assemble(articles: &[Article], per_article: &[Vec<Event>]) -> Timeline {
    assemble_owned(articles, per_article.to_vec())
}

/// [`assemble`], taking the events instead of copying them: a one-shot
/// build needs no per-article events afterwards, and copying every event of
/// a large archive doubles the memory the merge needs.
pub fn assemble_owned(articles: &[Article], per_article: Vec<Vec<Event>>) -> Timeline {
    let excluded: Vec<&str> = articles
        .iter()
        .flat_map(|a| a.exclude.iter().map(String::as_str))
        .collect();
    let all: Vec<Event> = per_article
        .into_iter()
        .flatten()
        .filter(|e| !excluded.contains(&e.id.as_str()))
        .collect();
    let merged = merge::merge(all)
        .into_iter()
        .filter(|e| !excluded.contains(&e.id.as_str()))
        .collect();
    Timeline::new(merged, Vec::new())
}
