//! events.json: the event records with their provenance, as the schema in
//! docs/events.schema.json describes; `dateline extract --json` prints the
//! same document.

use super::{Export, ExportInput};
use crate::timeline::Timeline;
use serde::Serialize;

pub const EXPORT: Export = Export {
    path: "events.json",
    write: |input: &ExportInput<'_>, w| write_events_json(w, input.timeline),
};

/// The whole document in memory.
pub fn events_json(timeline: &Timeline) -> Vec<u8> {
    let mut out = Vec::new();
    write_events_json(&mut out, timeline).expect("writing to memory");
    out
}

/// [`events_json`] written to `w` as it is serialised: compact, with each
/// event and each actor on a line of its own, so the file stays a third of
/// its pretty-printed size while `grep` and line diffs still show one event
/// per hit.
pub fn write_events_json(w: &mut dyn std::io::Write, timeline: &Timeline) -> std::io::Result<()> {
    fn list<T: Serialize>(
        w: &mut dyn std::io::Write,
        name: &str,
        items: &[T],
    ) -> std::io::Result<()> {
        write!(w, "\"{name}\":[")?;
        for (i, item) in items.iter().enumerate() {
            w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut *w, item).map_err(std::io::Error::other)?;
        }
        w.write_all(if items.is_empty() { b"]" } else { b"\n]" })
    }
    w.write_all(b"{\"version\":1,")?;
    // The timeline's events, then the secondary ones (flagged "secondary").
    let events: Vec<&crate::timeline::Event> =
        timeline.events.iter().chain(&timeline.secondary).collect();
    list(w, "events", &events)?;
    w.write_all(b",")?;
    list(w, "actors", &timeline.actors)?;
    w.write_all(b"}\n")
}
