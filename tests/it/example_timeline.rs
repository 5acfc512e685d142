//! The example site's whole extracted timeline, end to end with the real
//! tagger: the events issue 4 names, and a snapshot of everything.

use crate::extract_common as common;

use dateline::{Site, SiteOptions};
use std::path::Path;

#[test]
fn example_site_timeline_holds_the_seed_events_merged_across_articles() {
    let site = Site::load(Path::new("."), &SiteOptions::default()).expect("the example site loads");
    common::assert_example_timeline(site.timeline());
    insta::assert_yaml_snapshot!("example_timeline", site.timeline());
}
