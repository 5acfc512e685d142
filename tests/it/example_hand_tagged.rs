//! The example site's timeline with the dates tagged by hand: what
//! extraction and merging make of the example articles, whatever the state
//! of the tagger.

use crate::extract_common as common;

use dateline::extract::{assemble, events};
use dateline::timeline::{Timeline, curated::curated_events};
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
    assemble(&articles, &per_article, 0.0, Default::default())
}

#[test]
fn hand_tagged_example_site_holds_every_event_the_issue_names() {
    common::assert_example_timeline(&timeline());
}
