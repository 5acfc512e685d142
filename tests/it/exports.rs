//! Every export of the example site parses with a real parser and agrees
//! with the pages: events.json against its documented schema, the iCalendar
//! file, the Atom feed, TimelineJS JSON, CSV and the sitemap.

use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

fn built_example() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = dateline(
        &repo_root(),
        &[
            "build",
            "--base-url",
            "https://example.org/tl/",
            "--output",
            out.path().to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

/// The ids of the timeline's events in events.json: secondary events (an
/// actor's further events, flagged "secondary") are on no timeline page.
fn event_ids(dir: &Path) -> BTreeSet<String> {
    let v: serde_json::Value = serde_json::from_str(&read(dir, "events.json")).unwrap();
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["secondary"].as_bool() != Some(true))
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn events_json_matches_the_documented_schema() {
    let out = built_example();
    let schema: serde_json::Value =
        serde_json::from_str(&read(&repo_root(), "docs/events.schema.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&read(out.path(), "events.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!doc["events"].as_array().unwrap().is_empty());
}

#[test]
fn every_event_id_is_an_anchor_on_the_timeline() {
    let out = built_example();
    let html = read(out.path(), "index.html");
    for id in event_ids(out.path()) {
        assert!(
            html.contains(&format!("id=\"event-{id}\"")),
            "no anchor for {id}"
        );
    }
}

#[test]
fn events_ics_parses_as_icalendar_with_all_day_events() {
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
    let out = built_example();
    let text = read(out.path(), "events.ics");
    assert!(text.lines().all(|l| l.len() <= 75), "unfolded line");
    assert!(text.contains("\r\n"), "iCalendar lines end in CRLF");
    let cal: Calendar = text.parse().unwrap();
    let events: Vec<_> = cal
        .components
        .iter()
        .filter_map(|c| {
            if let CalendarComponent::Event(e) = c {
                Some(e)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(events.len(), event_ids(out.path()).len());
    for e in events {
        assert!(
            matches!(e.get_start(), Some(DatePerhapsTime::Date(_))),
            "not all-day: {:?}",
            e.get_summary()
        );
        let (Some(DatePerhapsTime::Date(s)), Some(DatePerhapsTime::Date(end))) =
            (e.get_start(), e.get_end())
        else {
            panic!("dates")
        };
        assert!(end > s, "DTEND must be after DTSTART");
        assert!(e.get_uid().unwrap().ends_with("@dateline"));
        assert!(e.get_description().unwrap().contains("Sources:"));
    }
}

#[test]
fn feed_xml_parses_as_atom_newest_first() {
    let out = built_example();
    let feed: atom_syndication::Feed = read(out.path(), "feed.xml").parse().unwrap();
    assert_eq!(feed.entries.len(), event_ids(out.path()).len());
    let links: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.links[0].href.as_str())
        .collect();
    assert!(
        links
            .iter()
            .all(|l| l.starts_with("https://example.org/tl/#event-")),
        "{links:?}"
    );
    // Newest first: the first entry is the timeline's last event.
    let html = read(out.path(), "index.html");
    let last_anchor = links[0].rsplit('#').next().unwrap();
    let first_anchor = links.last().unwrap().rsplit('#').next().unwrap();
    let pos = |anchor: &str| html.find(&format!("id=\"{anchor}\"")).unwrap();
    assert!(pos(first_anchor) < pos(last_anchor));
}

#[test]
fn timeline_json_is_loadable_by_timelinejs() {
    let out = built_example();
    let v: serde_json::Value = serde_json::from_str(&read(out.path(), "timeline.json")).unwrap();
    let ids = event_ids(out.path());
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), ids.len());
    for e in events {
        assert!(e["start_date"]["year"].is_i64(), "{e}");
        assert!(e["text"]["headline"].is_string());
        let uid = e["unique_id"].as_str().unwrap();
        assert!(ids.contains(uid.strip_prefix("event-").unwrap()), "{uid}");
    }
    assert!(v["title"]["text"]["headline"].is_string());
}

#[test]
fn events_csv_has_one_row_per_event() {
    let out = built_example();
    let mut r = csv::Reader::from_path(out.path().join("events.csv")).unwrap();
    assert_eq!(r.headers().unwrap().get(0), Some("id"));
    let ids: BTreeSet<String> = r.records().map(|rec| rec.unwrap()[0].to_string()).collect();
    assert_eq!(ids, event_ids(out.path()));
}

#[test]
fn every_sitemap_url_exists_in_the_output() {
    let out = built_example();
    let xml = read(out.path(), "sitemap.xml");
    let locs: Vec<&str> = xml
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .collect();
    assert!(locs.len() >= 5);
    for loc in locs {
        let rel = loc
            .strip_prefix("https://example.org/tl/")
            .unwrap_or_else(|| panic!("{loc}"));
        let file = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        assert!(
            out.path().join(&file).is_file(),
            "sitemap url {loc} has no file {file}"
        );
    }
    assert!(read(out.path(), "robots.txt").contains("Sitemap: https://example.org/tl/sitemap.xml"));
}

#[test]
fn hostile_text_is_escaped_in_pages_and_exports() {
    let evil = "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2025-02-09\nevents:\n  - date: 2025-02-07\n    title: \"=HYPERLINK(\\\"http://evil\\\") <img src=x onerror=alert(1)>\"\n    actors: [\"<b>Bad</b>\"]\n    quote: \"</blockquote><script>x()</script>\"\n---\nBody\n";
    let s = site(&[("content/evil.md", evil)]);
    let o = dateline(s.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for page in [
        "public/index.html",
        "public/articles/evil/index.html",
        "public/feed.xml",
        "public/timeline.json",
    ] {
        let text = read(s.path(), page);
        assert!(
            !text.contains("<script>") && !text.contains("<img src=x"),
            "{page} has raw markup"
        );
    }
    let csv = read(s.path(), "public/events.csv");
    assert!(
        !csv.contains(",=HYPERLINK")
            && !csv.contains("\n=HYPERLINK")
            && !csv.contains("\"=HYPERLINK"),
        "{csv}"
    );
}

/// Every string of a JSON document, with where it is.
fn json_strings(v: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((at.to_string(), s.clone())),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                json_strings(x, &format!("{at}[{i}]"), out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                json_strings(x, &format!("{at}.{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn a_script_in_every_name_like_field_never_reaches_an_export_as_markup() {
    const S: &str = "<script>alert(1)</script>";
    let article = format!(
        "---\ntitle: \"T {S}\"\nsubtitle: \"Sub {S}\"\ndate: 2025-02-09\nsource: \"Outlet {S}\"\nauthors: [\"Author {S}\"]\ntags: [\"Tag {S}\"]\ncaption: \"Caption {S}\"\nevents:\n  - date: 2025-01\n    mod: END\n    title: \"Event {S}\"\n    text: \"Text {S}\"\n    actors: [\"Actor {S}\", \"Other {S}\"]\n    place: \"Place {S}\"\n    quote: \"Quote {S}\"\n  - date: 2025-02-07\n    title: \"Day {S}\"\n    actors: [\"Second {S}\"]\n---\nBody.\n"
    );
    let s = site(&[
        ("content/evil.md", article.as_str()),
        (
            "dateline.yaml",
            &format!("title: \"Site {S}\"\ndescription: \"About {S}\"\n"),
        ),
    ]);
    let o = dateline(s.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = s.path().join("public");

    // TimelineJS inserts every string it shows as HTML: none may hold a tag.
    let v: serde_json::Value = serde_json::from_str(&read(&out, "timeline.json")).unwrap();
    let mut strings = Vec::new();
    json_strings(&v, "", &mut strings);
    let groups: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["group"].as_str())
        .collect();
    assert_eq!(groups.len(), 2, "each event is grouped by its first actor");
    for (at, text) in &strings {
        assert!(!text.contains("<script"), "timeline.json{at} holds {text}");
    }
    let shown: String = strings.iter().map(|(_, t)| t.as_str()).collect();
    for name in ["Actor", "Second", "Event", "Outlet", "T", "Site", "About"] {
        assert!(
            shown.contains(&format!("{name} &lt;script&gt;alert(1)&lt;/script&gt;")),
            "timeline.json lost the escaped {name}"
        );
    }

    // The XML exports and every page escape it.
    let mut pages: Vec<String> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "html" || x == "xml")
        })
        .map(|e| e.path().strip_prefix(&out).unwrap().display().to_string())
        .collect();
    pages.sort();
    assert!(pages.iter().any(|p| p.starts_with("actors/")), "{pages:?}");
    assert!(pages.iter().any(|p| p.starts_with("tags/")), "{pages:?}");
    for page in &pages {
        // The theme's own scripts are the only ones a page may load.
        let mut text = read(&out, page);
        for script in ["timeline.js", "names.js", "search.js"] {
            text = text.replace(&format!("<script src=\"/{script}\" defer></script>"), "");
        }
        assert!(!text.contains("<script"), "{page} holds a script tag");
    }

    // The plain-text and data exports keep the names as written: no reader
    // takes them as markup.
    for data in ["events.json", "events.csv"] {
        let text = read(&out, data);
        for name in ["Actor", "Second", "Event"] {
            assert!(text.contains(&format!("{name} {S}")), "{data} lost {name}");
        }
    }
    let ics = read(&out, "events.ics").replace("\r\n ", "");
    assert!(ics.contains(&format!("SUMMARY:Event {S}")), "{ics}");
}

#[test]
fn an_ansi_colour_code_in_an_article_leaves_every_xml_export_valid() {
    // Raw in the Markdown; YAML, which refuses raw control characters,
    // takes them as escapes.
    const RED: &str = "\u{1b}[31mred\u{1b}[0m";
    const YAML_RED: &str = "\\e[31mred\\e[0m\\a";
    let article = format!(
        "---\ntitle: \"Alarm {YAML_RED}\"\ndate: 2025-02-09\nsource: \"Wire {YAML_RED}\"\nevents:\n  - date: 2025-02-07\n    title: \"Event {YAML_RED}\"\n    actors: [\"Actor {YAML_RED}\"]\n---\nOn Friday the sirens {RED} sounded.\n"
    );
    let s = site(&[
        ("content/ansi.md", article.as_str()),
        ("dateline.yaml", &format!("title: \"Site {YAML_RED}\"\n")),
    ]);
    let o = dateline(s.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = s.path().join("public");
    let mut xml_files = 0;
    for e in walkdir::WalkDir::new(&out) {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "xml") {
            continue;
        }
        xml_files += 1;
        let text = std::fs::read_to_string(e.path()).unwrap();
        if let Err(err) = roxmltree::Document::parse(&text) {
            panic!("{} is not XML: {err}", e.path().display());
        }
    }
    assert_eq!(xml_files, 2, "feed.xml and sitemap.xml");
    let feed = read(&out, "feed.xml");
    assert!(feed.contains("Event [31mred[0m"), "{feed}");
}

#[test]
fn an_event_ending_on_the_last_day_of_9999_has_a_valid_ics_end() {
    let s = site(&[(
        "content/far.md",
        "---\ntitle: Far\ndate: 2025-02-09\nevents:\n  - date: 9999\n    title: The last year\n---\nBody.\n",
    )]);
    let o = dateline(s.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ics = read(s.path(), "public/events.ics");
    let dates = regex::Regex::new(r"(?m)^(?:DTSTART|DTEND);VALUE=DATE:(\d+)\r$").unwrap();
    for d in dates.captures_iter(&ics) {
        assert_eq!(d[1].len(), 8, "{ics}");
    }
    assert!(
        ics.contains("DTSTART;VALUE=DATE:99990101\r\nDURATION:P365D\r\n"),
        "{ics}"
    );
    let parsed: icalendar::Calendar = ics.parse().unwrap();
    assert!(!parsed.components.is_empty());
}
