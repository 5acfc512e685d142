//! The example site's timeline with the dates tagged by hand: what
//! extraction and merging make of the example articles, whatever the state
//! of the tagger.

mod common;

use dateline::extract::{assemble, events};
use dateline::timeline::{EventKind, Timeline, curated::curated_events};
use std::path::Path;

fn timeline() -> Timeline {
    let articles = common::articles(Path::new("."));
    let per_article: Vec<_> = articles
        .iter()
        .map(|a| {
            let exprs = common::hand_tag(a, &common::example_dates(&a.path));
            let mut evs = curated_events(a);
            evs.extend(events::extract(a, &exprs));
            evs
        })
        .collect();
    assemble(&articles, &per_article)
}

#[test]
fn debug_print() {
    let t = timeline();
    for e in &t.events {
        eprintln!(
            "{} {:?} {:?} [{}] {:?} place={:?} curated={} srcs={} q={:?}\n   reasons={:?}",
            e.date.value,
            e.kind,
            e.headline,
            e.actors.join(", "),
            e.date.modifier,
            e.place,
            e.curated,
            e.sources.len(),
            e.quotes
                .iter()
                .map(|q| (&q.text, &q.speaker))
                .collect::<Vec<_>>(),
            e.merge_reasons
        );
    }
    for a in &t.actors {
        eprintln!("{} {:?} {:?}", a.name, a.kind, a.roles);
    }
    let _ = EventKind::Happened;
}
