//! Events written by hand in an article's front matter (`events:`). They join
//! the timeline beside extracted ones, with the article as their source.

use super::{CitedArticle, Event, EventKind, Quote, Source, stable_id};
use crate::content::Article;
use crate::temporal::Modifier;
use crate::temporal::Timex;

/// The article's curated events. Dates were validated when the article was
/// loaded, so an unreadable one here is skipped rather than reported twice.
pub fn curated_events(article: &Article) -> Vec<Event> {
    let cited = CitedArticle::of(article);
    article
        .curated_events
        .iter()
        .enumerate()
        .filter_map(|(i, ce)| {
            let modifier = ce.modifier.as_deref().and_then(Modifier::parse);
            let date = Timex::parse(&ce.date)?.with_modifier(modifier);
            let index = i.to_string();
            Some(Event {
                id: stable_id(&["curated", &article.path, &index, &ce.date, &ce.title]),
                date,
                kind: EventKind::Happened,
                headline: ce.title.clone(),
                text: ce.text.clone().unwrap_or_default(),
                actors: ce.actors.clone(),
                quotes: ce
                    .quote
                    .iter()
                    .map(|q| Quote {
                        text: q.clone(),
                        speaker: ce.actors.first().cloned(),
                    })
                    .collect(),
                place: ce.place.clone(),
                sources: vec![Source {
                    article_slug: cited.slug.clone(),
                    article_path: cited.path.clone(),
                    article_title: cited.title.clone(),
                    outlet: cited.outlet.clone(),
                    published: article.date,
                    url: cited.url.clone(),
                    sentence_start: None,
                    sentence_end: None,
                    sentence: None,
                    anchor: None,
                    date_text: None,
                    resolution: format!("curated in the front matter of {}", article.path),
                    evidence: Vec::new(),
                    context: Vec::new(),
                    trigger: None,
                }],
                confidence: 1.0,
                curated: true,
                date_disagreement: None,
                tags: article.tags.clone(),
                participants: Vec::new(),
                merge_reasons: Vec::new(),
                secondary: false,
                mention_only: false,
            })
        })
        .collect()
}
