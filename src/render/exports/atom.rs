//! feed.xml: an Atom feed of events, newest first, each linking to its
//! permalink on the timeline. Characters XML forbids are dropped.

use super::{Export, ExportInput};
use crate::timeline::Timeline;
use crate::timeline::label::event_label;
use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::{NaiveDate, TimeZone, Utc};

pub const EXPORT: Export = Export {
    path: "feed.xml",
    write: |input: &ExportInput<'_>, w| w.write_all(&feed_xml(input)),
};

const MAX_ENTRIES: usize = 100;

fn at_midnight(d: NaiveDate) -> FixedDateTime {
    Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
        .fixed_offset()
}

pub fn feed_xml(input: &ExportInput<'_>) -> Vec<u8> {
    let (timeline, site_title, base): (&Timeline, &str, &str) =
        (input.timeline, &input.config.title, input.base);
    let mut events: Vec<_> = timeline.events.iter().collect();
    events.reverse();
    let updated = timeline
        .events
        .iter()
        .flat_map(|e| e.sources.iter().map(|s| s.published))
        .max()
        .unwrap_or_default();
    let entries: Vec<Entry> = events
        .into_iter()
        .take(MAX_ENTRIES)
        .map(|e| {
            let published = e
                .sources
                .iter()
                .map(|s| s.published)
                .min()
                .unwrap_or(e.date.interval.first);
            let link = super::absolute(base, &(input.event_path)(e));
            let mut body = format!("{}: {}", event_label(e), e.text);
            body.push_str("\n\nSources:\n");
            body.push_str(&super::sources_text(e));
            Entry {
                id: format!("urn:dateline:event:{}", e.id),
                title: Text::plain(format!("{}: {}", event_label(e), e.headline)),
                updated: at_midnight(published),
                published: Some(at_midnight(published)),
                links: vec![Link {
                    href: link,
                    rel: "alternate".into(),
                    ..Default::default()
                }],
                content: Some(Content {
                    value: Some(body),
                    content_type: Some("text".into()),
                    ..Default::default()
                }),
                authors: e
                    .sources
                    .iter()
                    .filter_map(|s| s.outlet.clone())
                    .map(|name| Person {
                        name: name.to_string(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }
        })
        .collect();
    let feed = Feed {
        id: super::absolute(base, ""),
        title: Text::plain(site_title.to_string()),
        updated: at_midnight(updated),
        links: vec![
            Link {
                href: super::absolute(base, ""),
                rel: "alternate".into(),
                ..Default::default()
            },
            Link {
                href: super::absolute(base, "feed.xml"),
                rel: "self".into(),
                ..Default::default()
            },
        ],
        generator: Some(atom_syndication::Generator {
            value: "dateline".into(),
            ..Default::default()
        }),
        entries,
        ..Default::default()
    };
    super::xml_chars(feed.to_string()).into_bytes()
}
