//! events.csv: one row per event, for spreadsheets. Cells that a spreadsheet
//! would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) are
//! prefixed with `'` so opening the file never executes anything.

use super::{Export, ExportInput};
use crate::timeline::label::event_label;
use crate::timeline::{EventKind, Timeline};

pub const EXPORT: Export = Export {
    path: "events.csv",
    write: |input: &ExportInput<'_>, w| write_events_csv(w, input),
};

/// events.csv, one row per event, written to `out` row by row.
pub fn write_events_csv(
    out: &mut dyn std::io::Write,
    input: &ExportInput<'_>,
) -> std::io::Result<()> {
    let (timeline, base): (&Timeline, &str) = (input.timeline, input.base);
    let mut w = ::csv::Writer::from_writer(out);
    let header = [
        "id",
        "date_label",
        "value",
        "mod",
        "precision",
        "first_day",
        "last_day",
        "kind",
        "headline",
        "text",
        "actors",
        "place",
        "quotes",
        "sources",
        "url",
    ];
    w.write_record(header)?;
    for e in &timeline.events {
        let row = [
            e.id.clone(),
            event_label(e),
            e.date.to_string(),
            e.date
                .modifier
                .map(|m| m.as_str().to_string())
                .unwrap_or_default(),
            e.date.precision.as_str().to_string(),
            e.date.interval.first.to_string(),
            e.date.interval.last.to_string(),
            match e.kind {
                EventKind::Happened => "happened".into(),
                EventKind::Reported => "reported".into(),
            },
            e.headline.clone(),
            e.text.clone(),
            e.actors.join("; "),
            e.place.clone().unwrap_or_default(),
            e.quotes
                .iter()
                .map(|q| q.text.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
            super::sources_text(e).replace('\n', " "),
            super::absolute(base, &(input.event_path)(e)),
        ];
        w.write_record(row.iter().map(|c| neutralise(c)))?;
    }
    w.flush()
}

/// Defuses CSV formula injection (OWASP's rule).
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Putin said"), "Putin said");
    }
}
