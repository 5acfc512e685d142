//! events.ics: the timeline as an iCalendar file (RFC 5545). Every event is
//! an all-day VEVENT spanning its interval (a week or a month becomes a
//! multi-day event), with the sources in its description.

use super::{Export, ExportInput};
use crate::timeline::Timeline;
use crate::timeline::label::event_label;
use chrono::Datelike;

pub const EXPORT: Export = Export {
    path: "events.ics",
    write: |input: &ExportInput<'_>, w| write_events_ics(w, input),
};

/// events.ics, one all-day VEVENT per event, written to `w` event by event,
/// so a large timeline is never held whole in memory.
pub fn write_events_ics(
    w: &mut dyn std::io::Write,
    input: &ExportInput<'_>,
) -> std::io::Result<()> {
    let (timeline, site_title, base): (&Timeline, &str, &str) =
        (input.timeline, &input.config.title, input.base);
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//dateline//timeline//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        format!("X-WR-CALNAME:{}", escape_text(site_title)),
    ];
    for e in &timeline.events {
        let first = e.date.interval.first;
        // DTEND is exclusive for all-day events.
        let end = e
            .date
            .interval
            .last
            .succ_opt()
            .unwrap_or(e.date.interval.last);
        let stamp = e.sources.iter().map(|s| s.published).max().unwrap_or(first);
        let description = format!(
            "{}\n\nDate: {} ({})\n\nSources:\n{}",
            e.text,
            event_label(e),
            e.date,
            super::sources_text(e)
        );
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@dateline", e.id));
        lines.push(format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d")));
        lines.push(format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")));
        if end.year() <= 9999 {
            lines.push(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        } else {
            // An event ending on 31 Dec 9999 ends (exclusively) in a year
            // iCalendar cannot write: give its length instead.
            let days = (e.date.interval.last - first).num_days() + 1;
            lines.push(format!("DURATION:P{days}D"));
        }
        lines.push(format!("SUMMARY:{}", escape_text(&e.headline)));
        lines.push(format!("DESCRIPTION:{}", escape_text(&description)));
        if let Some(p) = &e.place {
            lines.push(format!("LOCATION:{}", escape_text(p)));
        }
        lines.push(format!(
            "URL:{}",
            super::absolute(base, &(input.event_path)(e))
        ));
        lines.push("END:VEVENT".into());
        flush_lines(w, &mut lines)?;
    }
    lines.push("END:VCALENDAR".into());
    flush_lines(w, &mut lines)
}

/// Writes `lines` folded, and empties it.
fn flush_lines(w: &mut dyn std::io::Write, lines: &mut Vec<String>) -> std::io::Result<()> {
    let mut out = String::new();
    for l in lines.drain(..) {
        fold_into(&mut out, &l);
    }
    w.write_all(out.as_bytes())
}

/// TEXT value escaping (RFC 5545 3.3.11).
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets, never inside a UTF-8
/// character, with CRLF line ends (RFC 5545 3.1).
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_on_char_boundaries() {
        let mut out = String::new();
        fold_into(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(
            out.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "é".repeat(60))
        );
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
