//! timeline.json in TimelineJS3's JSON format: start and end dates at the
//! event's precision, a display_date for fuzzy dates, the citations as HTML
//! in the text, the main actor as the group, and our id as unique_id.
//! TimelineJS inserts the headline, text, group and display_date as HTML,
//! so every one of them is escaped here.

use super::{Export, ExportInput};
use crate::render::escape_html;
use crate::temporal::Precision;
use crate::timeline::label::event_label;
use crate::timeline::{Event, Timeline};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub const EXPORT: Export = Export {
    path: "timeline.json",
    write: |input: &ExportInput<'_>, w| {
        write_timeline_json(
            w,
            input.timeline,
            &input.config.title,
            &input.config.description,
            input.base,
        )
    },
};

#[derive(Serialize)]
struct Doc<'a> {
    title: Slide,
    events: Slides<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scale: Option<&'a str>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TjsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TjsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// TimelineJS date object: year is required; month and day only to the
/// precision known.
#[derive(Serialize)]
struct TjsDate {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

fn tjs_date(d: NaiveDate, precision: Precision) -> TjsDate {
    match precision {
        Precision::Time | Precision::Day | Precision::Week => TjsDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        },
        Precision::Month | Precision::Quarter | Precision::Half | Precision::Season => TjsDate {
            year: d.year(),
            month: Some(d.month()),
            day: None,
        },
        _ => TjsDate {
            year: d.year(),
            month: None,
            day: None,
        },
    }
}

fn slide(e: &Event, base: &str) -> Slide {
    let p = e.date.precision;
    let exact_day = matches!(p, Precision::Day | Precision::Time) && e.date.modifier.is_none();
    let spans = !matches!(
        p,
        Precision::Day | Precision::Time | Precision::Month | Precision::Year
    );
    let mut html = String::new();
    if !e.text.is_empty() && e.text != e.headline {
        html.push_str(&format!("<p>{}</p>", escape_html(&e.text)));
    }
    for q in &e.quotes {
        html.push_str(&format!(
            "<blockquote>“{}”</blockquote>",
            escape_html(&q.text)
        ));
    }
    html.push_str("<ol class=\"sources\">");
    for s in &e.sources {
        let link = format!(
            "{base}articles/{}/{}",
            s.article_slug,
            s.anchor
                .as_ref()
                .map(|a| format!("#{a}"))
                .unwrap_or_default()
        );
        html.push_str(&format!(
            "<li><a href=\"{}\">{}{}</a>, {}</li>",
            escape_html(&link),
            s.outlet
                .as_ref()
                .map(|o| format!("{}: ", escape_html(o)))
                .unwrap_or_default(),
            escape_html(&s.article_title),
            s.published.format("%-d %b %Y")
        ));
    }
    html.push_str("</ol>");
    Slide {
        start_date: Some(tjs_date(e.date.interval.first, p)),
        end_date: spans.then(|| tjs_date(e.date.interval.last, p)),
        display_date: (!exact_day).then(|| escape_html(&event_label(e))),
        text: Text {
            headline: escape_html(&e.headline),
            text: html,
        },
        group: e.actors.first().map(|a| escape_html(a)),
        unique_id: Some(format!("event-{}", e.id)),
    }
}

/// Every event's slide, made as it is serialised rather than all at once.
struct Slides<'a> {
    timeline: &'a Timeline,
    base: &'a str,
}

impl Serialize for Slides<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.timeline.events.iter().map(|e| slide(e, self.base)))
    }
}

/// timeline.json, the TimelineJS document, written to `w` slide by slide.
pub fn write_timeline_json(
    w: &mut dyn std::io::Write,
    timeline: &Timeline,
    site_title: &str,
    description: &str,
    base: &str,
) -> std::io::Result<()> {
    let doc = Doc {
        title: Slide {
            start_date: None,
            end_date: None,
            display_date: None,
            text: Text {
                headline: escape_html(site_title),
                text: escape_html(description),
            },
            group: None,
            unique_id: Some("title".into()),
        },
        events: Slides { timeline, base },
        scale: Some("human"),
    };
    serde_json::to_writer(w, &doc).map_err(std::io::Error::other)
}
