//! Machine-readable exports of the timeline, all from the same event records
//! and ids as the pages: events.json, TimelineJS JSON, CSV, iCalendar, Atom,
//! and the sitemap and robots.txt. One file per export, each defining an
//! [`Export`]; [`ALL`] lists them in the order they are written. Adding an
//! export is a file here and a line in [`ALL`].

pub mod atom;
pub mod csv;
pub mod events_json;
pub mod ics;
pub mod robots;
pub mod sitemap;
pub mod timelinejs;

use crate::config::Config;
use crate::timeline::Timeline;
use std::io::{self, Write};
use std::path::PathBuf;

/// What every export is made from.
pub struct ExportInput<'a> {
    pub timeline: &'a Timeline,
    pub config: &'a Config,
    /// The base URL prefix, ending in `/`.
    pub base: &'a str,
    /// The site's HTML pages, relative to the output folder.
    pub html_pages: &'a [PathBuf],
    /// Where an event's card is read, relative to the site
    /// (`#event-<id>` on a timeline front page, else its archive page).
    pub event_path: &'a (dyn Fn(&crate::timeline::Event) -> String + Sync),
}

/// One exported file: its path in the output and how it is written. Exports
/// are written piece by piece, as the big ones run to hundreds of megabytes
/// at 10,000 articles.
pub struct Export {
    pub path: &'static str,
    pub write: fn(&ExportInput<'_>, &mut dyn Write) -> io::Result<()>,
}

/// Every export, in the order a build writes them.
pub const ALL: &[Export] = &[
    sitemap::EXPORT,
    robots::EXPORT,
    events_json::EXPORT,
    timelinejs::EXPORT,
    csv::EXPORT,
    ics::EXPORT,
    atom::EXPORT,
];

/// An absolute URL for a site path when the base URL is absolute; otherwise
/// the base-prefixed path (feeds and sitemaps want absolute URLs, so the
/// README tells users to set `base_url` before publishing).
pub fn absolute(base: &str, path: &str) -> String {
    format!("{base}{}", path.trim_start_matches('/'))
}

/// Plain-text summary of an event's sources, used by several formats.
pub fn sources_text(e: &crate::timeline::Event) -> String {
    e.sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut line = format!("[{}] ", i + 1);
            if let Some(o) = &s.outlet {
                line.push_str(o);
                line.push_str(": ");
            }
            line.push_str(&s.article_title);
            line.push_str(&format!(", {}", s.published.format("%-d %b %Y")));
            if let Some(u) = &s.url {
                line.push_str(&format!(" <{u}>"));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `xml` without the characters XML 1.0 forbids: the C0 control characters
/// other than tab, line feed and carriage return (an ANSI colour code pasted
/// into an article brings ESC), and U+FFFE and U+FFFF. One of them makes a
/// whole feed unreadable, and none can be escaped, so they are dropped.
pub fn xml_chars(xml: String) -> String {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
    };
    if xml.chars().all(allowed) {
        xml
    } else {
        xml.chars().filter(|&c| allowed(c)).collect()
    }
}
