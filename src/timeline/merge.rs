//! Merges the same event told by several articles into one event that cites
//! every source. Two reports join when their dates are compatible
//! (overlapping intervals; reported statements published within a few days),
//! they come from different articles, and they share actors and words.
//! Distinct events on the same day stay apart. The merged event takes the
//! most precise date and flags sources that disagree. Curated events
//! override the extracted event they match, or stand alone.
//!
//! Every join records why it happened in `merge_reasons`.

use super::{Actor, ActorKind, Event, EventKind};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Reported statements published this many days apart can be the same one.
const REPORTED_DAYS: i64 = 3;

/// Words too common to say two sentences tell the same thing.
const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "about", "from", "as", "that", "this", "these", "those", "it", "its", "he", "she", "they",
    "his", "her", "their", "we", "i", "is", "was", "were", "are", "be", "been", "has", "have",
    "had", "will", "would", "could", "can", "may", "not", "no", "who", "whom", "which", "what",
    "when", "said", "says", "told", "tells", "also", "after", "before", "last", "this", "than",
    "into", "over", "there", "if", "so", "some", "very", "any", "all", "more", "most",
];

/// One event's words for comparison: lowercase, stop words out, cut to a
/// five-letter stem so "watched" and "watches" meet.
fn bag(e: &Event) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let texts = std::iter::once(e.text.as_str())
        .chain(std::iter::once(e.headline.as_str()))
        .chain(e.quotes.iter().map(|q| q.text.as_str()));
    for t in texts {
        for w in t.split(|c: char| !c.is_alphanumeric()) {
            if w.len() < 2 {
                continue;
            }
            let lower = w.to_lowercase();
            if STOP_WORDS.contains(&lower.as_str()) {
                continue;
            }
            out.insert(lower.chars().take(5).collect());
        }
    }
    out
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

/// How the dates of two reports relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateFit {
    /// Overlapping intervals, or reported within a few days.
    Agree,
    /// Day dates a day apart: the same event only if the words say so.
    NearMiss,
}

fn date_fit(a: &Event, b: &Event) -> Option<DateFit> {
    let published = |e: &Event| e.sources.first().map(|s| s.published);
    match (a.kind, b.kind) {
        (EventKind::Reported, EventKind::Reported) => {
            let (pa, pb) = (published(a)?, published(b)?);
            ((pa - pb).num_days().abs() <= REPORTED_DAYS).then_some(DateFit::Agree)
        }
        (EventKind::Happened, EventKind::Happened) => {
            let (ia, ib) = (a.date.effective_interval(), b.date.effective_interval());
            if ia.overlaps(&ib) {
                Some(DateFit::Agree)
            } else if a.date.precision == super::Precision::Day
                && b.date.precision == super::Precision::Day
                && (a.date.interval.first - b.date.interval.first)
                    .num_days()
                    .abs()
                    <= 1
            {
                Some(DateFit::NearMiss)
            } else {
                None
            }
        }
        _ => {
            // A dated report of a statement another article only reports.
            let (happened, reported) = if a.kind == EventKind::Happened {
                (a, b)
            } else {
                (b, a)
            };
            let p = published(reported)?;
            let i = happened.date.effective_interval();
            (i.last <= p && (p - i.last).num_days() <= REPORTED_DAYS).then_some(DateFit::Agree)
        }
    }
}

/// Why `b` may join `a`, or None.
fn join_reason(
    a: &Event,
    a_bag: &BTreeSet<String>,
    b: &Event,
    b_bag: &BTreeSet<String>,
) -> Option<(f32, String)> {
    let fit = date_fit(a, b)?;
    let shared: Vec<&str> = a
        .actors
        .iter()
        .filter(|x| b.actors.contains(x))
        .map(String::as_str)
        .collect();
    let words = jaccard(a_bag, b_bag);
    let enough = match fit {
        DateFit::Agree => (!shared.is_empty() && words >= 0.15) || words >= 0.4,
        DateFit::NearMiss => !shared.is_empty() && words >= 0.3,
    };
    if !enough {
        return None;
    }
    let dates = match fit {
        DateFit::Agree if a.kind == EventKind::Reported || b.kind == EventKind::Reported => {
            format!("reported within {REPORTED_DAYS} days")
        }
        DateFit::Agree => format!("dates overlap ({} and {})", a.date.value, b.date.value),
        DateFit::NearMiss => format!("dates a day apart ({} and {})", a.date.value, b.date.value),
    };
    let actors = if shared.is_empty() {
        "no shared actors".to_string()
    } else {
        format!("shared actors {}", shared.join(", "))
    };
    Some((
        words + 0.1 * shared.len() as f32,
        format!("{dates}; {actors}; word overlap {words:.2}"),
    ))
}

/// Intervals up to this many days are indexed day by day; longer ones by year.
const SHORT_DAYS: i64 = 62;
/// Longer events look at the day index only up to this many days.
const MAX_PROBE_DAYS: i64 = 400;

/// Clusters by the days (short dates, and reported statements by their
/// publication day) or years (long dates) they cover, so each event is
/// compared only with clusters whose dates could fit.
#[derive(Default)]
struct DayIndex {
    by_day: HashMap<NaiveDate, Vec<usize>>,
    by_year: HashMap<i32, Vec<usize>>,
}

impl DayIndex {
    fn span(e: &Event) -> (NaiveDate, NaiveDate) {
        match e.kind {
            EventKind::Reported => {
                let p = e
                    .sources
                    .first()
                    .map_or(e.date.interval.first, |s| s.published);
                (p, p)
            }
            EventKind::Happened => {
                let i = e.date.effective_interval();
                (i.first, i.last)
            }
        }
    }

    fn add(&mut self, e: &Event, cluster: usize) {
        let (first, last) = Self::span(e);
        if (last - first).num_days() < SHORT_DAYS {
            for d in first.iter_days().take_while(|d| *d <= last) {
                self.by_day.entry(d).or_default().push(cluster);
            }
        } else {
            for y in first.year()..=last.year() {
                self.by_year.entry(y).or_default().push(cluster);
            }
        }
    }

    fn candidates(&self, e: &Event) -> Vec<usize> {
        let (first, last) = Self::span(e);
        let days = Duration::days(REPORTED_DAYS);
        let (from, to) = match e.kind {
            EventKind::Reported => (first - days, last + days),
            EventKind::Happened => (first - Duration::days(1), last + days),
        };
        let mut out = Vec::new();
        if (to - from).num_days() <= MAX_PROBE_DAYS {
            for d in from.iter_days().take_while(|d| *d <= to) {
                if let Some(v) = self.by_day.get(&d) {
                    out.extend_from_slice(v);
                }
            }
        }
        for y in from.year()..=to.year() {
            if let Some(v) = self.by_year.get(&y) {
                out.extend_from_slice(v);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A merged event being built, with the articles it already cites.
struct Cluster {
    event: Event,
    bag: BTreeSet<String>,
    articles: BTreeSet<String>,
    /// Date values its sources gave, with the source slug.
    dates: Vec<(String, String)>,
}

/// Merges events across articles; see the module comment.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let (curated, mut extracted): (Vec<Event>, Vec<Event>) =
        events.into_iter().partition(|e| e.curated);
    unify_names(&mut extracted);
    // The most precise, earliest-published reports seed the clusters.
    extracted.sort_by(|a, b| {
        let key = |e: &Event| {
            (
                e.kind == EventKind::Reported,
                e.date.precision,
                e.date.interval.days(),
                e.sources
                    .first()
                    .map(|s| (s.published, s.article_path.clone(), s.sentence_start)),
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = DayIndex::default();
    for e in extracted {
        let b = bag(&e);
        let slug = e
            .sources
            .first()
            .map(|s| s.article_slug.clone())
            .unwrap_or_default();
        let best = index
            .candidates(&e)
            .into_iter()
            .filter(|&i| !clusters[i].articles.contains(&slug))
            .filter_map(|i| {
                join_reason(&clusters[i].event, &clusters[i].bag, &e, &b).map(|(s, r)| (i, s, r))
            })
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        match best {
            Some((i, _, reason)) => {
                let c = &mut clusters[i];
                c.dates.push((e.date.value.clone(), slug.clone()));
                c.articles.insert(slug.clone());
                c.event
                    .merge_reasons
                    .push(format!("joined the report in {slug}: {reason}"));
                c.bag.extend(b);
                let was_reported = c.event.kind == EventKind::Reported;
                absorb(&mut c.event, e);
                if was_reported && c.event.kind == EventKind::Happened {
                    index.add(&c.event, i);
                }
            }
            None => {
                let mut articles = BTreeSet::new();
                articles.insert(slug.clone());
                index.add(&e, clusters.len());
                clusters.push(Cluster {
                    dates: vec![(e.date.value.clone(), slug)],
                    event: e,
                    bag: b,
                    articles,
                });
            }
        }
    }
    for c in &mut clusters {
        flag_disagreement(c);
        let n = c.event.sources.len();
        if n > 1 {
            c.event.confidence = (c.event.confidence + 0.05 * (n - 1) as f32).min(1.0);
        }
    }
    let mut out: Vec<Event> = clusters.into_iter().map(|c| c.event).collect();
    for cur in curated {
        join_curated(&mut out, cur);
    }
    out
}

/// Adds `e`'s sources, actors, quotes and tags to `into`; `into` keeps its
/// date and id, and takes the fuller of the two headlines.
fn absorb(into: &mut Event, e: Event) {
    if into.kind == EventKind::Reported && e.kind == EventKind::Happened {
        into.kind = EventKind::Happened;
        into.date = e.date.clone();
    }
    if e.headline.split_whitespace().count() > into.headline.split_whitespace().count() {
        into.headline = e.headline.clone();
    }
    for a in e.actors {
        if !into.actors.contains(&a) {
            into.actors.push(a);
        }
    }
    for p in e.participants {
        match into.participants.iter_mut().find(|x| x.name == p.name) {
            Some(known) => {
                for r in p.roles {
                    if !known.roles.contains(&r) {
                        known.roles.push(r);
                    }
                }
            }
            None => into.participants.push(p),
        }
    }
    for q in e.quotes {
        add_quote(&mut into.quotes, q);
    }
    if into.place.is_none() {
        into.place = e.place;
    }
    for t in e.tags {
        if !into.tags.contains(&t) {
            into.tags.push(t);
        }
    }
    into.sources.extend(e.sources);
    into.sources.sort_by(|a, b| {
        (a.published, &a.article_path, a.sentence_start).cmp(&(
            b.published,
            &b.article_path,
            b.sentence_start,
        ))
    });
    into.confidence = into.confidence.max(e.confidence);
}

/// Adds a quotation unless the same words are there already, ignoring
/// case, punctuation and bracketed insertions ("He (Putin) wants").
pub fn add_quote(quotes: &mut Vec<super::Quote>, q: super::Quote) {
    let key = |t: &str| {
        let mut out = String::with_capacity(t.len());
        let mut depth = 0;
        for c in t.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                c if depth == 0 && c.is_alphanumeric() => out.extend(c.to_lowercase()),
                _ => {}
            }
        }
        out
    };
    let k = key(&q.text);
    if !quotes.iter().any(|x| key(&x.text) == k) {
        quotes.push(q);
    }
}

/// Notes the sources whose date differs from the merged one and does not
/// contain it.
fn flag_disagreement(c: &mut Cluster) {
    let kept = &c.event.date;
    let mut others = Vec::new();
    for (value, slug) in &c.dates {
        if value == &kept.value {
            continue;
        }
        let contains = crate::temporal::timex_value::parse_value(value)
            .is_some_and(|(i, _)| i.contains(&kept.interval));
        if !contains && c.event.kind == EventKind::Happened {
            others.push(format!("{slug} dates it {value}"));
        }
    }
    if !others.is_empty() {
        c.event.date_disagreement = Some(format!(
            "sources disagree: kept {} (the most precise); {}",
            kept.value,
            others.join("; ")
        ));
    }
}

/// A curated event overrides the extracted event it matches (dates overlap,
/// and a shared actor or shared words), or joins the timeline alone.
fn join_curated(out: &mut Vec<Event>, cur: Event) {
    let cb = bag(&cur);
    let slug = cur
        .sources
        .first()
        .map(|s| s.article_slug.clone())
        .unwrap_or_default();
    let best = out
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.curated)
        .filter(|(_, e)| {
            e.date
                .effective_interval()
                .overlaps(&cur.date.effective_interval())
        })
        .filter_map(|(i, e)| {
            let words = jaccard(&bag(e), &cb);
            let shared = e
                .actors
                .iter()
                .filter(|a| cur.actors.iter().any(|c| same_actor(c, a)))
                .count();
            let from_same_article = e.sources.iter().any(|s| s.article_slug == slug);
            ((shared > 0 && words >= 0.1) || words >= 0.3).then_some((
                i,
                words + 0.1 * shared as f32 + if from_same_article { 0.5 } else { 0.0 },
            ))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let Some((i, _)) = best else {
        out.push(cur);
        return;
    };
    let e = &mut out[i];
    e.merge_reasons.push(format!(
        "curated event in {slug} overrides the extracted one: dates overlap ({} and {})",
        cur.date.value, e.date.value
    ));
    e.date = cur.date;
    e.headline = cur.headline;
    if !cur.text.is_empty() {
        e.text = cur.text;
    }
    if cur.place.is_some() {
        e.place = cur.place;
    }
    for a in cur.actors.into_iter().rev() {
        if let Some(p) = e.actors.iter().position(|x| same_actor(&a, x)) {
            let known = e.actors.remove(p);
            e.actors.insert(0, known);
        } else {
            e.actors.insert(0, a);
        }
    }
    for q in cur.quotes {
        add_quote(&mut e.quotes, q);
    }
    e.sources.extend(cur.sources);
    e.curated = true;
    e.confidence = 1.0;
    e.date_disagreement = None;
}

/// "Trump" and "Donald Trump" are one actor.
fn same_actor(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))
}

/// Articles that only ever say "Trump" name the same actor as those that say
/// "Donald Trump": a one-word person name becomes the one full name that
/// ends with it, when there is exactly one.
fn unify_names(events: &mut [Event]) {
    let mut full: HashMap<String, BTreeSet<String>> = HashMap::new();
    for e in events.iter() {
        for p in e
            .participants
            .iter()
            .filter(|p| p.kind == ActorKind::Person)
        {
            if let Some((_, last)) = p.name.rsplit_once(' ') {
                full.entry(last.to_string())
                    .or_default()
                    .insert(p.name.clone());
            }
        }
    }
    let rename: BTreeMap<String, String> = full
        .into_iter()
        .filter(|(_, names)| names.len() == 1)
        .filter_map(|(last, names)| names.into_iter().next().map(|n| (last, n)))
        .collect();
    if rename.is_empty() {
        return;
    }
    let fix = |name: &mut String| {
        if let Some(n) = rename.get(name.as_str()) {
            *name = n.clone();
        }
    };
    for e in events.iter_mut() {
        e.actors.iter_mut().for_each(fix);
        let mut seen = BTreeSet::new();
        e.actors.retain(|a| seen.insert(a.clone()));
        for p in &mut e.participants {
            fix(&mut p.name);
            p.slug = crate::content::slugify(&p.name);
        }
        dedup_participants(&mut e.participants);
        for q in &mut e.quotes {
            if let Some(s) = &mut q.speaker {
                fix(s);
            }
        }
    }
}

fn dedup_participants(ps: &mut Vec<Actor>) {
    let mut seen: Vec<Actor> = Vec::with_capacity(ps.len());
    for p in ps.drain(..) {
        match seen.iter_mut().find(|x| x.name == p.name) {
            Some(k) => {
                for r in p.roles {
                    if !k.roles.contains(&r) {
                        k.roles.push(r);
                    }
                }
            }
            None => seen.push(p),
        }
    }
    *ps = seen;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::timex_value::parse_value;
    use crate::timeline::{EventDate, Quote, Source};
    use chrono::NaiveDate;

    fn ev(slug: &str, published: &str, value: &str, actors: &[&str], text: &str) -> Event {
        let (interval, precision) = parse_value(value).unwrap();
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
        Event {
            id: format!("{slug}-{value}"),
            date: EventDate {
                value: value.into(),
                modifier: None,
                precision,
                interval,
            },
            kind: EventKind::Happened,
            headline: text.split(',').next().unwrap().into(),
            text: text.into(),
            actors: actors.iter().map(|a| a.to_string()).collect(),
            quotes: Vec::new(),
            place: None,
            sources: vec![Source {
                article_slug: slug.into(),
                article_path: format!("content/{slug}.md"),
                article_title: slug.into(),
                outlet: None,
                published,
                url: None,
                sentence_start: Some(0),
                sentence_end: Some(text.len()),
                sentence: Some(text.into()),
                anchor: Some("p-1".into()),
                date_text: None,
                resolution: String::new(),
                evidence: Vec::new(),
                context: Vec::new(),
            }],
            confidence: 0.9,
            curated: false,
            date_disagreement: None,
            tags: Vec::new(),
            participants: actors
                .iter()
                .map(|a| Actor {
                    name: a.to_string(),
                    slug: crate::content::slugify(a),
                    roles: Vec::new(),
                    kind: ActorKind::Person,
                })
                .collect(),
            merge_reasons: Vec::new(),
        }
    }

    fn reported(mut e: Event) -> Event {
        e.kind = EventKind::Reported;
        e
    }

    #[test]
    fn merges_the_same_event_told_in_different_words() {
        let cases: &[(&str, &str)] = &[
            (
                "Putin said on Tuesday that negotiations with Ukraine could take place",
                "Putin stressed on January 28 that negotiations with Ukraine could take place",
            ),
            (
                "Donald Trump watched fireworks at Trump National Golf Club on Saturday",
                "Donald Trump watches fireworks at Trump National Golf Club, ahead of the inauguration",
            ),
            (
                "Trump told a New York Post reporter aboard Air Force One that he has spoken with Putin",
                "In an interview aboard Air Force One, Trump declined to say how often he had spoken with Putin, the New York Post said",
            ),
        ];
        for (a, b) in cases {
            let out = merge(vec![
                ev(
                    "a",
                    "2025-01-29",
                    "2025-01-28",
                    &["Donald Trump", "Vladimir Putin"],
                    a,
                ),
                ev(
                    "b",
                    "2025-02-09",
                    "2025-01-28",
                    &["Donald Trump", "Vladimir Putin"],
                    b,
                ),
            ]);
            assert_eq!(out.len(), 1, "{a} / {b}");
            assert_eq!(out[0].sources.len(), 2);
            assert_eq!(out[0].merge_reasons.len(), 1);
        }
    }

    #[test]
    fn distinct_events_on_the_same_day_stay_apart() {
        let cases: &[(&str, &str)] = &[
            (
                "Putin met Zelensky in Geneva to discuss a ceasefire",
                "Putin signed a decree raising pensions for veterans",
            ),
            (
                "The council approved a new tram line",
                "Farmers blocked the main highway to protest fuel prices",
            ),
        ];
        for (a, b) in cases {
            let out = merge(vec![
                ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], a),
                ev("b", "2025-01-30", "2025-01-28", &["Vladimir Putin"], b),
            ]);
            assert_eq!(out.len(), 2, "{a} / {b}");
        }
    }

    #[test]
    fn two_events_of_one_article_never_merge() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let mut second = ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text);
        second.id = "other".into();
        let out = merge(vec![
            ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text),
            second,
        ]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn keeps_the_most_precise_date_without_a_flag_when_the_coarser_contains_it() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let out = merge(vec![
            ev("a", "2025-02-20", "2025-01", &["Vladimir Putin"], text),
            ev("b", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].date.value, "2025-01-28");
        assert_eq!(out[0].date_disagreement, None);
    }

    #[test]
    fn flags_sources_a_day_apart() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let out = merge(vec![
            ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text),
            ev("b", "2025-01-30", "2025-01-27", &["Vladimir Putin"], text),
        ]);
        assert_eq!(out.len(), 1);
        let flag = out[0].date_disagreement.as_deref().unwrap();
        assert!(flag.contains("b dates it 2025-01-27"), "{flag}");
    }

    #[test]
    fn reported_statements_days_apart_merge_under_the_earliest_report() {
        let text = "Kremlin spokesperson Dmitry Peskov told TASS he could neither confirm nor deny the report";
        let out = merge(vec![
            reported(ev(
                "late",
                "2025-02-10",
                "2025-02-10",
                &["Dmitry Peskov"],
                text,
            )),
            reported(ev(
                "early",
                "2025-02-09",
                "2025-02-09",
                &["Dmitry Peskov"],
                text,
            )),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].date.value, "2025-02-09");
        assert_eq!(out[0].sources[0].article_slug, "early");
        assert_eq!(out[0].date_disagreement, None);
    }

    #[test]
    fn a_one_word_name_is_the_full_name_that_ends_with_it() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let mut a = ev("a", "2025-01-29", "2025-01-28", &["Putin"], text);
        a.quotes.push(Quote {
            text: "We will see".into(),
            speaker: Some("Putin".into()),
        });
        let b = ev("b", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text);
        let out = merge(vec![a, b]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].actors, ["Vladimir Putin"]);
        assert_eq!(out[0].quotes[0].speaker.as_deref(), Some("Vladimir Putin"));
    }

    #[test]
    fn a_curated_event_overrides_a_matching_extraction_or_stands_alone() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let mut cur = ev(
            "a",
            "2025-01-29",
            "2025-01-28",
            &["Vladimir Putin"],
            "Putin meets Zelensky",
        );
        cur.curated = true;
        cur.headline = "Putin and Zelensky meet in Geneva".into();
        let mut lone = ev(
            "a",
            "2025-01-29",
            "2024-06-01",
            &["Nobody"],
            "Something else entirely",
        );
        lone.curated = true;
        let out = merge(vec![
            ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text),
            cur,
            lone,
        ]);
        assert_eq!(out.len(), 2);
        let met = out.iter().find(|e| e.date.value == "2025-01-28").unwrap();
        assert!(met.curated);
        assert_eq!(met.headline, "Putin and Zelensky meet in Geneva");
        assert_eq!(met.sources.len(), 2);
    }

    #[test]
    fn quotes_are_the_same_whatever_their_brackets_and_stops() {
        let mut qs = vec![Quote {
            text: "He (Putin) wants to see people stop dying".into(),
            speaker: None,
        }];
        add_quote(
            &mut qs,
            Quote {
                text: "He wants to see people stop dying.".into(),
                speaker: None,
            },
        );
        assert_eq!(qs.len(), 1);
    }
}
