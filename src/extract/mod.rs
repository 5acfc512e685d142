//! From an article's paragraphs to its dated events: sentences, the dates
//! the tagger finds in them, who did what, quotes and places. Then the
//! events of all articles are assembled into one timeline.
//!
//! Per-article work is a pure function of the article, so a changed article
//! can be redone alone and merged with the cached results of the others.

pub mod actors;
pub mod assertion;
pub mod events;
pub mod furniture;
pub mod headline;
pub mod lexicon;
pub mod place;
pub mod quote_marks;
pub mod quotes;
pub mod sentences;
pub mod topic;
pub mod trigger;

use crate::content::{Article, TimeMention};
use crate::temporal::{Language, Tagger, TimeExpr};
use crate::timeline::{Event, Timeline, curated::curated_events, merge};

/// The events one article yields: its curated front matter events and the
/// events extracted from its text, less those its `exclude` list names. The
/// text is read with the [`lexicon`] of the tagger's language.
pub fn article_events(article: &Article, tagger: &Tagger) -> Vec<Event> {
    lexicon::reading(tagger.options().language, || {
        events_from(
            article,
            &tagger.tag(&article.text, article.date),
            &tagger.tag(&article.title, article.date),
        )
    })
}

/// What the per-article stage makes of one article, computed once and
/// cached together: the temporal expressions the tagger found in its text,
/// in text order (for the article page's `<time>` markup and the key
/// dates' sentences), and its events as [`article_events`] gives them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub times: Vec<TimeMention>,
    pub events: Vec<Event>,
}

/// Tags the article's text once and extracts its events (see
/// [`Extracted`]).
pub fn tag_article(article: &Article, tagger: &Tagger) -> Extracted {
    let exprs = tagger.tag(&article.text, article.date);
    let times = exprs
        .iter()
        .map(|e| TimeMention {
            start: e.start,
            end: e.end,
            value: e.value.clone(),
        })
        .collect();
    let events = lexicon::reading(tagger.options().language, || {
        events_from(article, &exprs, &tagger.tag(&article.title, article.date))
    });
    Extracted { times, events }
}

/// An article's events (the body's, with the title's joined to them: see
/// [`events::join_title`]) and, after them, its key-date candidates (see
/// [`events::candidates`]) marked by a confidence of 0, which no timeline
/// event has; [`assemble`] keeps them apart. `title_exprs` are the tagger's
/// expressions in the title.
fn events_from(article: &Article, exprs: &[TimeExpr], title_exprs: &[TimeExpr]) -> Vec<Event> {
    let mut out = curated_events(article);
    let mut body = events::extract(article, exprs);
    events::join_title(&mut body, events::title_events(article, title_exprs));
    out.extend(
        body.into_iter()
            .filter(|e| !article.exclude.contains(&e.id)),
    );
    out.extend(events::candidates(article, exprs).into_iter().map(|mut e| {
        e.confidence = CANDIDATE;
        lean_candidate(&mut e);
        e
    }));
    out.iter_mut().for_each(shrink);
    out
}

/// Gives back what an event's strings and lists hold beyond their length:
/// built by pushing, they keep up to twice that (a source's list of date
/// evidence room for four), and every event of an archive is held until
/// its pages are written.
fn shrink(e: &mut Event) {
    fn tight<T>(v: &mut Vec<T>) {
        if v.capacity() > v.len() {
            v.shrink_to_fit();
        }
    }
    fn tight_str(s: &mut String) {
        if s.capacity() > s.len() {
            s.shrink_to_fit();
        }
    }
    tight_str(&mut e.headline);
    tight_str(&mut e.text);
    tight(&mut e.actors);
    tight(&mut e.quotes);
    tight(&mut e.sources);
    tight(&mut e.tags);
    tight(&mut e.participants);
    for s in &mut e.sources {
        tight_str(&mut s.resolution);
        tight(&mut s.evidence);
        tight(&mut s.context);
        for t in [&mut s.sentence, &mut s.date_text].into_iter().flatten() {
            tight_str(t);
        }
    }
}

/// Empties what no reader of a key-date candidate looks at. The merge
/// reads its id, date, kind, words (text, headline, quotes), actors, the
/// names and kinds of its participants, and of each source the article's
/// slug and path, the publication date, where the sentence starts and
/// whether it is the title's; the ranking then reads the merged
/// candidates' dates, kinds and article slugs. Candidates are more than
/// half of an archive's extracted events, and the rest of each (its
/// article's outlet and URL, the sentence again, the date's resolution and
/// evidence, tags, roles) was most of the memory a large build needed.
fn lean_candidate(e: &mut Event) {
    e.tags = Vec::new();
    e.place = None;
    for p in &mut e.participants {
        p.slug = String::new();
        p.roles = Vec::new();
    }
    for q in &mut e.quotes {
        q.speaker = None;
    }
    for s in &mut e.sources {
        if s.anchor.as_deref() != Some(events::TITLE_ANCHOR) {
            s.anchor = None;
        }
        s.outlet = None;
        s.url = None;
        s.sentence = None;
        s.sentence_end = None;
        s.date_text = None;
        s.resolution = String::new();
        s.evidence = Vec::new();
        s.context = Vec::new();
        s.trigger = None;
    }
}

/// The confidence that marks a key-date candidate among an article's
/// events; extracted events have at least 0.1, curated ones 1.
const CANDIDATE: f32 = 0.0;

/// Whether `e` is a key-date candidate rather than an event.
pub fn is_candidate(e: &Event) -> bool {
    !e.curated && e.confidence <= CANDIDATE
}

/// Merges every article's events into the site's timeline: the same event
/// told by several articles becomes one, curated events override or join
/// extracted ones, and ids any article excludes are dropped.
///
/// Events below `min_confidence` are left off the timeline after merging
/// (a merge raises the confidence of what several articles report). Names
/// and story words are read with the [`lexicon`] of `language`.
pub fn assemble(
    articles: &[Article],
    per_article: &[Vec<Event>],
    min_confidence: f32,
    language: Language,
) -> Timeline {
    assemble_owned(articles, per_article.to_vec(), min_confidence, language)
}

/// [`assemble`], taking the events instead of copying them: a one-shot
/// build needs no per-article events afterwards, and copying every event of
/// a large archive doubles the memory the merge needs.
pub fn assemble_owned(
    articles: &[Article],
    per_article: Vec<Vec<Event>>,
    min_confidence: f32,
    language: Language,
) -> Timeline {
    lexicon::reading(language, || {
        assemble_with(articles, per_article, min_confidence)
    })
}

/// [`assemble_owned`], in the language being read.
fn assemble_with(
    articles: &[Article],
    per_article: Vec<Vec<Event>>,
    min_confidence: f32,
) -> Timeline {
    let excluded = excluded_ids(articles);
    // Sized before they are filled, and the secondary events taken out in
    // place: vectors grown by doubling, or partitioned into new ones, held
    // up to three copies of every event's fields at once.
    let count = |pick: fn(&Event) -> bool| per_article.iter().flatten().filter(|e| pick(e)).count();
    let n_candidates = count(is_candidate);
    let mut candidates = Vec::with_capacity(n_candidates);
    let mut all = Vec::with_capacity(count(|_| true) - n_candidates);
    for e in per_article
        .into_iter()
        .flatten()
        .filter(|e| !excluded.contains(&e.id.as_str()))
    {
        if is_candidate(&e) {
            candidates.push(e);
        } else {
            all.push(e);
        }
    }
    let secondary: Vec<Event> = all.extract_if(.., |e| e.secondary).collect();
    // Events of an article, or of a roundup's paragraph, about another
    // story stay off this one's timeline (their article's page still shows
    // the text).
    let story = topic::Story::of(articles);
    if !story.covers_all() {
        all.retain(|e| {
            e.curated
                || e.sources
                    .first()
                    .is_none_or(|s| story.covers(&s.article_path, s.sentence_start))
        });
    }
    // Names are unified over both, so an actor's secondary events carry the
    // name its timeline events do.
    let mut all = fold_repeated(all, false);
    let mut secondary = fold_repeated(secondary, true);
    crate::timeline::aliases::unify_also(&mut all, &mut secondary);
    // The timeline's events and the key-date candidates are merged apart,
    // so both merges (each sequential at heart) run at once, each in the
    // language read here whichever thread it runs on.
    let language = lexicon::current();
    let (merged, candidates) = rayon::join(
        || lexicon::reading(language, || merge::merge(all)),
        || lexicon::reading(language, || merge::merge(candidates)),
    );
    let merged = merged
        .into_iter()
        .filter(|e| !excluded.contains(&e.id.as_str()))
        .filter(|e| e.curated || e.confidence >= min_confidence)
        .collect();
    let mut timeline = Timeline::new(merged, Vec::new());
    timeline.candidates = candidates;
    let mut secondary: Vec<Event> = secondary
        .into_iter()
        .filter(|e| e.confidence >= min_confidence)
        .collect();
    secondary.sort_by(|a, b| (a.sort_start(), &a.id).cmp(&(b.sort_start(), &b.id)));
    timeline.secondary = secondary;
    timeline
}

/// The key-date candidates of every article, merged as [`assemble`] merges
/// them into [`Timeline::candidates`], without merging the timeline's
/// events; the others are dropped as they are passed over. Words are read
/// with the [`lexicon`] of `language`.
pub fn merge_candidates(
    articles: &[Article],
    per_article: Vec<Vec<Event>>,
    language: Language,
) -> Vec<Event> {
    let excluded = excluded_ids(articles);
    let events = per_article
        .into_iter()
        .flat_map(|events| {
            events
                .into_iter()
                .filter(|e| is_candidate(e) && !excluded.contains(&e.id.as_str()))
                .collect::<Vec<_>>()
        })
        .collect();
    lexicon::reading(language, || merge::merge(events))
}

/// The event ids that some article's `exclude` list names.
fn excluded_ids(articles: &[Article]) -> Vec<&str> {
    articles
        .iter()
        .flat_map(|a| a.exclude.iter().map(String::as_str))
        .collect()
}

/// How many articles must carry a sentence word for word before it counts
/// as repeated.
const REPEATED_ARTICLES: usize = 3;

/// A sentence that [`REPEATED_ARTICLES`] or more articles carry word for
/// word is a wire paragraph reused as background or page furniture (a
/// promotion, a standing caption). When every copy gives the same date and
/// says it happened, the copies are one event citing every article;
/// otherwise (a promotion dated by each page it sits on, a sentence whose
/// clauses give several dates) none is an event. With `drop_all` (secondary
/// events) no copy is kept at all: the sentence's event, if any, is the
/// timeline's.
fn fold_repeated(events: Vec<Event>, drop_all: bool) -> Vec<Event> {
    use std::collections::{HashMap, HashSet};
    let key = |e: &Event| -> Option<String> {
        if e.curated {
            return None;
        }
        let s = e.sources.first()?.sentence.as_deref()?;
        Some(
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        )
    };
    let mut articles: HashMap<String, HashSet<&str>> = HashMap::new();
    for e in &events {
        if let Some(k) = key(e) {
            articles
                .entry(k)
                .or_default()
                .insert(&*e.sources[0].article_slug);
        }
    }
    let repeated: HashSet<String> = articles
        .into_iter()
        .filter(|(_, a)| a.len() >= REPEATED_ARTICLES)
        .map(|(k, _)| k)
        .collect();
    if repeated.is_empty() {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut copies: HashMap<String, Vec<Event>> = HashMap::new();
    for e in events {
        match key(&e).filter(|k| repeated.contains(k)) {
            Some(k) => copies.entry(k).or_default().push(e),
            None => out.push(e),
        }
    }
    if drop_all {
        return out;
    }
    let mut groups: Vec<Vec<Event>> = copies.into_values().collect();
    groups.sort_by(|a, b| a[0].id.cmp(&b[0].id));
    for group in groups {
        let first = &group[0];
        let one_event = group
            .iter()
            .all(|e| e.date == first.date && e.kind == crate::timeline::EventKind::Happened);
        if !one_event {
            continue;
        }
        let n = group.len();
        let mut group = group.into_iter();
        let mut kept = group.next().expect("a group has copies");
        for e in group {
            merge::absorb(&mut kept, e);
        }
        kept.merge_reasons.push(format!(
            "the same sentence in {n} articles, with the same date"
        ));
        out.push(kept);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &str) -> Article {
        let text = format!("---\ntitle: \"{title}\"\ndate: 2010-06-08\n---\n{body}\n");
        crate::content::parse_article(
            text.as_bytes(),
            std::path::Path::new("content/a.md"),
            chrono_tz::Tz::UTC,
        )
        .unwrap()
    }

    /// The events of `a` with a source in its title, and those sources.
    fn title_sources(events: &[Event]) -> Vec<(&Event, &crate::timeline::Source)> {
        events
            .iter()
            .flat_map(|e| {
                e.sources
                    .iter()
                    .filter(|s| s.anchor.as_deref() == Some(events::TITLE_ANCHOR))
                    .map(move |s| (e, s))
            })
            .collect()
    }

    #[test]
    fn title_reports_an_event_dated_by_the_article() {
        let a = article(
            "General Motors sues Ford Motor over design",
            "Lawyers for General Motors and Ford Motor met in Detroit.",
        );
        let evs = article_events(&a, &Tagger::default());
        let found = title_sources(&evs);
        let (e, s) = found
            .iter()
            .find(|(_, s)| s.trigger.as_ref().is_some_and(|t| t.text == "sues"))
            .unwrap_or_else(|| panic!("{evs:#?}"));
        // The trigger indexes the title, as the sentence does.
        let t = s.trigger.as_ref().unwrap();
        assert_eq!(s.sentence.as_deref(), Some(a.title.as_str()));
        assert_eq!(&a.title[t.start..t.end], "sues");
        assert_eq!(e.date, "2010-06-08");
        assert_eq!(e.actors.first().map(String::as_str), Some("General Motors"));
        // No body event tells it: it is kept off the timeline.
        assert!(e.secondary);
    }

    #[test]
    fn a_title_that_gives_a_date_dates_its_event() {
        let a = article(
            "Steve Jobs unveils iPhone 4 on Monday",
            "Pre-orders for the iPhone 4 have swamped the servers, Steve Jobs said.",
        );
        let evs = article_events(&a, &Tagger::default());
        let found = title_sources(&evs);
        assert!(
            found.iter().any(|(e, _)| e.date == "2010-06-07"),
            "{evs:#?}"
        );
    }

    /// (title, body, the title's trigger): a headline that tells the body's
    /// event, in another tense, is one more report of it, not a new event.
    #[test]
    fn a_title_event_the_body_tells_joins_it_as_one_more_report() {
        let cases = [
            (
                "Steve Jobs unveils iPhone 4",
                "On Monday, Steve Jobs unveiled the iPhone 4 in San Francisco.",
                "unveils",
            ),
            (
                "Apple Corps loses court case against Apple Computer",
                "Apple Corps lost its court case against Apple Computer on Monday.",
                "loses",
            ),
        ];
        for (title, body, word) in cases {
            let a = article(title, body);
            let evs = article_events(&a, &Tagger::default());
            // One title source: the event noun of the verb's clause
            // ("case") is no second event.
            let found = title_sources(&evs);
            assert_eq!(found.len(), 1, "{title}: {evs:#?}");
            let (e, s) = found[0];
            assert_eq!(s.trigger.as_ref().map(|t| t.text.as_str()), Some(word));
            assert!(!e.secondary, "{title}: joins the body's timeline event");
            assert_eq!(e.sources.len(), 2, "{title}");
            assert_ne!(
                e.sources[0].anchor.as_deref(),
                Some(events::TITLE_ANCHOR),
                "{title}: the body's report first"
            );
            assert_eq!(e.date, "2010-06-07", "{title}: the body's date");
            assert!(
                e.merge_reasons.iter().any(|r| r.contains("title")),
                "{title}: {:?}",
                e.merge_reasons
            );
        }
    }

    #[test]
    fn a_title_in_title_case_gives_no_events() {
        let a = article(
            "General Motors Sues Ford Motor Over Design",
            "Lawyers for General Motors and Ford Motor met in Detroit.",
        );
        let evs = article_events(&a, &Tagger::default());
        assert!(title_sources(&evs).is_empty(), "{evs:#?}");
    }

    #[test]
    fn a_title_verb_whose_doer_is_in_another_clause_is_no_event() {
        let a = article(
            "Steve Jobs releases iPhone SDK, announces upcoming update",
            "The iPhone SDK was released by Steve Jobs on Thursday.",
        );
        let evs = article_events(&a, &Tagger::default());
        assert!(
            !title_sources(&evs)
                .iter()
                .any(|(e, _)| e.actors.first().is_some_and(|x| x == "iPhone SDK")),
            "{evs:#?}"
        );
    }
}
