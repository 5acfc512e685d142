//! An actor's page is its timeline (issue 21): every event it takes part
//! in, those the timeline leaves out (secondary events) too, in date order,
//! each on one line with every article's report of it and the word that
//! names what happened; the cited sentences underline that word.

use crate::common::*;

const FIRST: &str = "---\ntitle: Visits\ndate: 2025-03-01\n---\n\n\
On January 6, 2025, Russian President Vladimir Putin flew to Minsk for talks on gas prices.\n\n\
Putin announced on February 3, 2025 that Russia would build a port in Hanoi.\n";

const SECOND: &str = "---\ntitle: Minsk trip\ndate: 2025-03-02\nsource: Daily\n---\n\n\
Russian President Vladimir Putin flew to Minsk on January 6, 2025 for talks on gas prices.\n";

#[test]
fn an_actor_page_lists_every_event_with_each_articles_report_on_one_line() {
    let s = site(&[("content/visits.md", FIRST), ("content/trip.md", SECOND)]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(s.path(), "public/actors/vladimir-putin/index.html");
    let lines: Vec<&str> = page
        .lines()
        .filter(|l| l.trim_start().starts_with("<li id=\"event-"))
        .collect();
    // The flight, told by both articles, is one line naming both reports.
    let flight = lines
        .iter()
        .find(|l| l.contains("flew to Minsk"))
        .unwrap_or_else(|| panic!("{page}"));
    assert!(
        flight.contains("/articles/visits/#p-1") && flight.contains("/articles/trip/#p-1"),
        "{flight}"
    );
    assert!(flight.contains("Daily, 2 Mar 2025: “flew”"), "{flight}");
    // The talks are no timeline event, yet Putin's: linked to their
    // sentence, after the flight and before the announcement.
    let at = |w: &str| {
        lines
            .iter()
            .position(|l| l.contains(w))
            .unwrap_or_else(|| panic!("{w}: {page}"))
    };
    assert!(lines[at("talks on gas prices</a>")].contains("href=\"/articles/"));
    assert!(at("flew to Minsk") < at("a port"));
    // The cited sentences underline what happened.
    let article = read(s.path(), "public/articles/visits/index.html");
    assert!(
        article.contains("Putin <mark class=\"trigger\">flew</mark> to Minsk"),
        "{article}"
    );
    let index = read(s.path(), "public/index.html");
    assert!(index.contains("<mark class=\"trigger\">"), "{index}");
}

const CALL: &str = "---\ntitle: The call\ndate: 2025-02-09\n---\n\n\
US President Donald Trump confirmed on Saturday he spoke with Russian President Vladimir Putin about finding a resolution to the war in Ukraine, marking the first known direct conversation between the two since early 2022.\n\n\
On February 3, 2025, Putin stressed negotiations could take place but ruled out engaging with Zelensky.\n";

#[test]
fn an_actor_page_lists_no_mere_mentions_and_no_date_a_comparison_starts_from() {
    let s = site(&[("content/call.md", CALL)]);
    let out = dateline(s.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = read(s.path(), "public/actors/donald-trump/index.html");
    let lines: Vec<&str> = page
        .lines()
        .filter(|l| l.trim_start().starts_with("<li id=\"event-"))
        .collect();
    // "since early 2022" starts the comparison: nothing of the call is
    // dated 2022, and the event nouns and participles of the sentence
    // ("conversation", "marking", "known") are no lines of their own.
    assert!(!page.contains("2022</"), "{page}");
    for junk in [
        "Trump conversation",
        "Trump marking",
        "Trump known",
        "Trump war",
    ] {
        assert!(!page.contains(junk), "{junk}: {page}");
    }
    assert!(lines.iter().any(|l| l.contains("Trump confirms")), "{page}");
    // The second verb of a sentence an event of the page was read from, on
    // that event's date, is that event's line already.
    let putin = read(s.path(), "public/actors/vladimir-putin/index.html");
    let ruled =
        putin.matches("ruled out engaging").count() + putin.matches("rules out engaging").count();
    assert_eq!(ruled, 1, "{putin}");
    // events.json keeps them all, for entity timelines scored by mention.
    let json = read(s.path(), "public/events.json");
    assert!(json.contains("\"mention_only\":true"), "{json}");
}
