//! Fixture sites of two or three articles reporting the same and different
//! events: what merges, what stays apart, how disagreeing dates are flagged,
//! how curated events and `exclude` lists act, and that ids are stable.

use crate::extract_common as common;

use dateline::content::Article;
use dateline::extract::{article_events, assemble};
use dateline::temporal::{Tagger, TaggerOptions};
use dateline::timeline::{Event, EventKind, Timeline};
use std::path::Path;

fn fixture(name: &str) -> Vec<Article> {
    common::articles(&Path::new("tests/fixtures").join(name))
}

fn per_article(articles: &[Article]) -> Vec<Vec<Event>> {
    let tagger = Tagger::new(TaggerOptions::default());
    articles
        .iter()
        .map(|a| article_events(a, &tagger))
        .collect()
}

fn timeline(articles: &[Article]) -> Timeline {
    assemble(articles, &per_article(articles), 0.0, Default::default())
}

fn about<'a>(t: &'a Timeline, words: &str) -> Vec<&'a Event> {
    t.events
        .iter()
        .filter(|e| e.text.contains(words) || e.headline.contains(words))
        .collect()
}

#[test]
fn the_same_meeting_in_three_articles_is_one_event_citing_all_three() {
    let t = timeline(&fixture("extract-summit"));
    let meeting = about(&t, "border treaty");
    assert_eq!(meeting.len(), 1, "{:#?}", t.events);
    let m = meeting[0];
    assert_eq!(m.sources.len(), 3, "{:#?}", m.sources);
    assert_eq!(m.merge_reasons.len(), 2, "{:?}", m.merge_reasons);
    assert!(m.actors.contains(&"Ana Ruiz".to_string()), "{:?}", m.actors);
    assert!(
        m.actors.contains(&"Otto Brandt".to_string()),
        "{:?}",
        m.actors
    );
    assert_eq!(m.place.as_deref(), Some("in Geneva"));
    assert!(
        m.quotes
            .iter()
            .any(|q| q.text.starts_with("We made real progress")
                && q.speaker.as_deref() == Some("Ana Ruiz")),
        "the quote after the meeting attaches to it: {:?}",
        m.quotes
    );
}

#[test]
fn sources_a_day_apart_merge_keeping_the_earliest_reports_date_and_are_flagged() {
    let t = timeline(&fixture("extract-summit"));
    let m = about(&t, "border treaty")[0];
    assert_eq!(m.date, "2024-03-05");
    let flag = m.date_disagreement.as_deref().expect("a disagreement flag");
    assert!(flag.contains("2024-03-04"), "{flag}");
}

#[test]
fn distinct_events_on_the_same_day_stay_apart() {
    let t = timeline(&fixture("extract-summit"));
    let same_day: Vec<&str> = t
        .events
        .iter()
        .filter(|e| e.date == "2024-03-05")
        .map(|e| e.headline.as_str())
        .collect();
    assert_eq!(
        same_day.len(),
        3,
        "meeting, tram line, blockade: {same_day:?}"
    );
    assert_eq!(about(&t, "tram line").len(), 1);
    assert_eq!(about(&t, "highway").len(), 1);
}

#[test]
fn a_statement_without_a_date_is_reported_on_the_articles_day() {
    let t = timeline(&fixture("extract-summit"));
    let vidal = about(&t, "Vidal");
    assert_eq!(vidal.len(), 1, "{:#?}", t.events);
    assert_eq!(vidal[0].kind, EventKind::Reported);
    assert_eq!(vidal[0].date, "2024-03-08");
    let actor = t.actors.iter().find(|a| a.name == "Tomas Vidal").unwrap();
    assert_eq!(actor.roles, ["Ministry spokesman"]);
}

#[test]
fn a_curated_event_overrides_the_extracted_one_it_matches() {
    let t = timeline(&fixture("extract-curated"));
    let opening: Vec<&Event> = t.events.iter().filter(|e| e.date == "2024-04-30").collect();
    assert_eq!(opening.len(), 1, "{:#?}", t.events);
    let o = opening[0];
    assert!(o.curated);
    assert_eq!(o.headline, "Mayor Lena Ortiz opens the new harbour");
    assert_eq!(o.place.as_deref(), Some("Port Hallam"));
    assert_eq!(
        o.sources.len(),
        2,
        "the extracted sentence and the front matter"
    );
    assert!(o.merge_reasons.iter().any(|r| r.contains("curated")));
}

#[test]
fn an_exclude_list_suppresses_a_wrong_extraction_by_its_id() {
    let articles = fixture("extract-curated");
    let t = timeline(&articles);
    let wrong = about(&t, "1998");
    assert_eq!(wrong.len(), 1);
    let id = wrong[0].id.clone();

    let src = std::fs::read_to_string(
        "tests/fixtures/extract-curated/content/2024-05-02-harbour-opening.md",
    )
    .unwrap();
    let edited = src.replacen("events:", &format!("exclude: [{id}]\nevents:"), 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("content/2024-05-02-harbour-opening.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, edited).unwrap();
    let t = timeline(&common::articles(dir.path()));
    assert!(about(&t, "1998").is_empty(), "{:#?}", t.events);
    assert_eq!(t.events.len(), 1);
}

#[test]
fn an_unchanged_source_gives_the_same_event_ids() {
    let articles = fixture("extract-summit");
    // The events of each article, without its key-date candidates.
    let ids = |evs: &[Vec<Event>]| -> Vec<Vec<String>> {
        evs.iter()
            .map(|v| {
                v.iter()
                    .filter(|e| !dateline::extract::is_candidate(e))
                    .map(|e| e.id.clone())
                    .collect()
            })
            .collect()
    };
    let first = per_article(&articles);
    assert_eq!(ids(&first), ids(&per_article(&articles)));
    let merged: Vec<String> = timeline(&articles)
        .events
        .into_iter()
        .map(|e| e.id)
        .collect();
    let again: Vec<String> = timeline(&articles)
        .events
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(merged, again);

    // Editing one article leaves the other articles' ids alone.
    let mut edited = articles.clone();
    let last = edited.len() - 1;
    let article = &mut edited[last];
    let mut p = article.paragraphs.last().unwrap().clone();
    p.text = "Ruiz flew home to Madrid on Friday.".into();
    p.offset = article.text.len() + 2;
    article.text.push_str("\n\n");
    article.text.push_str(&p.text);
    article.paragraphs.push(p);
    let after = per_article(&edited);
    assert_eq!(ids(&first)[..last], ids(&after)[..last]);
    let (before_ids, after_ids) = (ids(&first), ids(&after));
    assert_eq!(
        after_ids[last].len(),
        before_ids[last].len() + 1,
        "the edit made an event"
    );
    assert_eq!(
        before_ids[last][..],
        after_ids[last][..before_ids[last].len()]
    );
}
