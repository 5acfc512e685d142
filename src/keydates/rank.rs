//! Ranks the days of a collection by importance from a few counted signals.
//!
//! Each signal is a count per day; the score of a day is a weighted sum of
//! `ln(1 + count)` over the signals. Logs keep one very loud day from
//! drowning the others and make the weights comparable across collections of
//! any size, so the same weights serve a 100-article site and a 5,000-article
//! one. The best days are then picked one at a time, each pick lowering the
//! days left within two days of it, so that one loud week does not fill the
//! summary.
//! References after the fact are weighed against the coverage that could
//! have made them ([`AFTER_OPPORTUNITY`]), so the last weeks of a
//! collection are not passed over for having no later coverage yet.
//! The ablation (`--signal NAME`) scores a day by one signal alone.

use super::sentences::Sentence;
use crate::content::Article;
use crate::temporal::Precision;
use crate::timeline::{Event, EventKind};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many days after a day a reference to it counts as "after the fact".
pub const AFTER_DAYS: u64 = 2;

/// The first publication day whose articles look back on `day` after the
/// fact; `None` when that is past the calendar's end.
fn looking_back_from(day: NaiveDate) -> Option<NaiveDate> {
    day.checked_add_days(Days::new(AFTER_DAYS))
}

/// How much the on-topic coverage published after a day discounts its
/// after-the-fact references: the [`Signal::After`] evidence is
/// `ln(1 + after) - AFTER_OPPORTUNITY * ln(1 + later on-topic articles)`,
/// never below zero. A day early in a story has months of coverage that
/// may look back on it; a day in its last weeks has next to none, so raw
/// counts pass over recent events. On the T17 development tasks date F1
/// rises from 0.5945 to 0.6044 (5 tasks up, none down) and alignment
/// ROUGE-1 from 0.1200 to 0.1226; 0.1 to 0.3 all give 0.591-0.604 and
/// ROUGE-1 0.121-0.123. Most of the days it gains lie in the last tenth
/// of their span.
pub const AFTER_OPPORTUNITY: f64 = 0.2;

/// One evidence count per day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// Articles published that day.
    Published,
    /// On-topic articles (see [`Signal::OnTopic`]) published that day.
    PublishedOnTopic,
    /// Sentences naming the day (day precision, relative dates resolved).
    Mentions,
    /// Distinct articles naming the day.
    Articles,
    /// Distinct outlets (front matter `source`) naming the day; an article
    /// without a source adds none.
    Outlets,
    /// Distinct articles naming the day, published at least
    /// [`AFTER_DAYS`] days after it: coverage looking back.
    After,
    /// Week and month references spread over their days (a mention of a
    /// 30-day month gives each day 1/30).
    Spread,
    /// Sources of the merged timeline events dated that day.
    Events,
    /// Distinct actors of the timeline events dated that day.
    Actors,
    /// Distinct on-topic articles naming the day: those whose opening
    /// sentences contain one of the keywords (every article when there are
    /// none). A collection gathered by a search holds articles that only
    /// touch the story; their dates say less about it.
    OnTopic,
    /// Timeline events dated that day that at least two articles report:
    /// the merge found the same thing told independently.
    Corroborated,
}

impl Signal {
    pub const ALL: [Signal; 11] = [
        Signal::Published,
        Signal::PublishedOnTopic,
        Signal::Mentions,
        Signal::Articles,
        Signal::Outlets,
        Signal::After,
        Signal::Spread,
        Signal::Events,
        Signal::Actors,
        Signal::OnTopic,
        Signal::Corroborated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Signal::Published => "published",
            Signal::PublishedOnTopic => "published_on_topic",
            Signal::Mentions => "mentions",
            Signal::Articles => "articles",
            Signal::Outlets => "outlets",
            Signal::After => "after",
            Signal::Spread => "spread",
            Signal::Events => "events",
            Signal::Actors => "actors",
            Signal::OnTopic => "on_topic",
            Signal::Corroborated => "corroborated",
        }
    }

    pub fn parse(s: &str) -> Option<Signal> {
        Signal::ALL.into_iter().find(|x| x.name() == s)
    }

    /// The default weight of the signal in the combined score.
    ///
    /// Chosen on the T17 development tasks (`scripts/eval-tls.py
    /// --ablation` shows each alone), kept to round values, and kept only
    /// where every topic gained or held: the article count is split between
    /// all articles and on-topic ones (mj 0.316 -> 0.395, finan 0.662 ->
    /// 0.677, no topic lower), and corroborated events add what the merge
    /// knows (syria 0.291 -> 0.306). The publication count is split the
    /// same way (syria-2 0.406 -> 0.438, syria-3 0.176 -> 0.206, no task
    /// lower). Events and actors alone follow the article count so closely
    /// that adding them lowered the combined F1.
    pub fn weight(self) -> f64 {
        match self {
            Signal::Published => 0.25,
            Signal::PublishedOnTopic => 0.25,
            Signal::Mentions => 0.0,
            Signal::Articles => 1.0,
            Signal::Outlets => 0.0,
            Signal::After => 1.0,
            Signal::Spread => 0.5,
            Signal::Events => 0.0,
            Signal::Actors => 0.0,
            Signal::OnTopic => 1.0,
            Signal::Corroborated => 1.0,
        }
    }
}

/// The signal counts of one day.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DayStats {
    pub published: f64,
    pub published_on_topic: f64,
    pub mentions: f64,
    pub articles: f64,
    pub outlets: f64,
    pub after: f64,
    pub spread: f64,
    pub events: f64,
    pub actors: f64,
    pub on_topic: f64,
    pub corroborated: f64,
    /// Not a signal: on-topic articles published at least [`AFTER_DAYS`]
    /// days after the day, the coverage that could look back on it.
    pub later_on_topic: f64,
}

impl DayStats {
    pub fn get(&self, s: Signal) -> f64 {
        match s {
            Signal::Published => self.published,
            Signal::PublishedOnTopic => self.published_on_topic,
            Signal::Mentions => self.mentions,
            Signal::Articles => self.articles,
            Signal::Outlets => self.outlets,
            Signal::After => self.after,
            Signal::Spread => self.spread,
            Signal::Events => self.events,
            Signal::Actors => self.actors,
            Signal::OnTopic => self.on_topic,
            Signal::Corroborated => self.corroborated,
        }
    }
}

/// Counts every signal for every day in `from..=to`. `keywords` are
/// lower-case; an article is on topic when one of its first
/// [`LEAD_SENTENCES`](super::LEAD_SENTENCES) sentences contains one.
pub fn day_stats<A: Borrow<Article>>(
    articles: &[A],
    sentences: &[Sentence],
    events: &[Event],
    keywords: &[String],
    from: NaiveDate,
    to: NaiveDate,
) -> BTreeMap<NaiveDate, DayStats> {
    // With no keywords every article is on topic and the loop finds nothing
    // to do.
    let mut on_topic = vec![keywords.is_empty(); articles.len()];
    for s in sentences
        .iter()
        .filter(|s| s.position < super::LEAD_SENTENCES)
    {
        if !on_topic[s.article] {
            on_topic[s.article] = super::has_keyword(&s.text, keywords);
        }
    }
    let mut stats: BTreeMap<NaiveDate, DayStats> = BTreeMap::new();
    let in_range = |d: NaiveDate| from <= d && d <= to;
    for (a, topical) in articles.iter().map(A::borrow).zip(&on_topic) {
        if in_range(a.date) {
            let st = stats.entry(a.date).or_default();
            st.published += 1.0;
            if *topical {
                st.published_on_topic += 1.0;
            }
        }
    }
    let mut refs: BTreeMap<NaiveDate, BTreeSet<usize>> = BTreeMap::new();
    for s in sentences {
        for &d in s.days.iter().filter(|d| in_range(**d)) {
            stats.entry(d).or_default().mentions += 1.0;
            refs.entry(d).or_default().insert(s.article);
        }
        for span in &s.spans {
            let weight = 1.0 / span.days() as f64;
            let mut d = span.first.max(from);
            while d <= span.last.min(to) {
                stats.entry(d).or_default().spread += weight;
                d = d.succ_opt().unwrap_or(d);
                if d == NaiveDate::MAX {
                    break;
                }
            }
        }
    }
    for (d, arts) in refs {
        let st = stats.entry(d).or_default();
        st.articles = arts.len() as f64;
        let outlets: BTreeSet<&str> = arts
            .iter()
            .filter_map(|&i| articles[i].borrow().source.as_deref())
            .collect();
        st.outlets = outlets.len() as f64;
        st.on_topic = arts.iter().filter(|&&i| on_topic[i]).count() as f64;
        let first = looking_back_from(d);
        st.after = arts
            .iter()
            .filter(|&&i| first.is_some_and(|f| articles[i].borrow().date >= f))
            .count() as f64;
    }
    let mut actors: BTreeMap<NaiveDate, BTreeSet<&str>> = BTreeMap::new();
    for e in events {
        if e.kind != EventKind::Happened || e.date.precision > Precision::Day {
            continue;
        }
        let d = e.date.interval.first;
        if !in_range(d) {
            continue;
        }
        let st = stats.entry(d).or_default();
        st.events += e.sources.len() as f64;
        let first_article = e.sources.first().map(|s| &s.article_slug);
        if e.sources
            .iter()
            .any(|s| Some(&s.article_slug) != first_article)
        {
            st.corroborated += 1.0;
        }
        actors
            .entry(d)
            .or_default()
            .extend(e.actors.iter().map(String::as_str));
    }
    for (d, names) in actors {
        stats.entry(d).or_default().actors = names.len() as f64;
    }
    // Sorted, so that the coverage after any day is a suffix found by a
    // binary search rather than a scan per day.
    let mut on_topic_dates: Vec<NaiveDate> = articles
        .iter()
        .map(A::borrow)
        .zip(&on_topic)
        .filter(|(a, topical)| **topical && in_range(a.date))
        .map(|(a, _)| a.date)
        .collect();
    on_topic_dates.sort_unstable();
    for (d, st) in stats.iter_mut() {
        let Some(first) = looking_back_from(*d) else {
            continue;
        };
        let before = on_topic_dates.partition_point(|p| *p < first);
        st.later_on_topic = (on_topic_dates.len() - before) as f64;
    }
    stats
}

/// How days are scored.
#[derive(Debug, Clone, PartialEq)]
pub enum Scoring {
    /// The weighted sum of `ln(1 + count)` with [`Signal::weight`], the
    /// after-the-fact count discounted by [`AFTER_OPPORTUNITY`].
    Combined,
    /// One signal alone (ablation).
    Only(Signal),
}

/// The score of a day's counts.
pub fn score(st: &DayStats, scoring: &Scoring) -> f64 {
    match scoring {
        Scoring::Combined => Signal::ALL
            .iter()
            .map(|&s| s.weight() * evidence(st, s))
            .sum(),
        Scoring::Only(s) => st.get(*s),
    }
}

/// The log-scale evidence of one signal in the combined score;
/// [`Signal::After`] is discounted by the coverage that could give it
/// ([`AFTER_OPPORTUNITY`]).
fn evidence(st: &DayStats, s: Signal) -> f64 {
    let e = st.get(s).ln_1p();
    match s {
        Signal::After => (e - AFTER_OPPORTUNITY * st.later_on_topic.ln_1p()).max(0.0),
        _ => e,
    }
}

/// How much each day already chosen within [`NEAR_DAYS`] of a day lowers
/// its combined score, as `NEAR_REDUNDANCY * ln(1 + chosen)`. A story's
/// coverage crowds into its loudest stretches, and every day of such a
/// stretch gathers references; an editor's timeline spreads over the story
/// instead.
pub const NEAR_REDUNDANCY: f64 = 0.5;
/// How many days on either side of a chosen day its pick lowers. On the
/// T17 development tasks a window of ±2 days lifts date F1 to 0.594, where
/// the ISO week (a window with a Monday edge, so that Sunday and Monday
/// never count against each other) gave 0.589; ±1 gives 0.588 and ±3
/// 0.586, and at ±2 any redundancy from 0.25 to 0.6 gives 0.593-0.594.
/// Re-checked with [`AFTER_OPPORTUNITY`]: ±1 gives 0.596, ±2 0.604, ±3
/// 0.587, and at ±2 a redundancy of 0.25-0.6 gives 0.598-0.604.
pub const NEAR_DAYS: u64 = 2;

/// The `n` days to keep, best first: by score, each pick lowering the
/// combined score of the days left near it ([`NEAR_REDUNDANCY`]); one
/// signal alone (ablation) is ranked as it is. Ties go to the earlier day.
/// Days scoring zero are never chosen.
pub fn top_days(
    stats: &BTreeMap<NaiveDate, DayStats>,
    scoring: &Scoring,
    n: usize,
) -> Vec<(NaiveDate, f64)> {
    let mut left: Vec<(NaiveDate, f64)> = stats
        .iter()
        .map(|(d, st)| (*d, score(st, scoring)))
        .filter(|(_, s)| *s > 0.0)
        .collect();
    let penalty = match scoring {
        Scoring::Combined => NEAR_REDUNDANCY,
        Scoring::Only(_) => 0.0,
    };
    // How many chosen days lie within NEAR_DAYS of each day.
    let mut near: HashMap<NaiveDate, f64> = HashMap::new();
    let adjusted = |(d, s): &(NaiveDate, f64), near: &HashMap<NaiveDate, f64>| {
        s - penalty * near.get(d).copied().unwrap_or(0.0).ln_1p()
    };
    let mut chosen = Vec::with_capacity(n.min(left.len()));
    while chosen.len() < n {
        let Some(best) = (0..left.len()).max_by(|&a, &b| {
            adjusted(&left[a], &near)
                .total_cmp(&adjusted(&left[b], &near))
                .then(left[b].0.cmp(&left[a].0))
        }) else {
            break;
        };
        let day = left.remove(best);
        let first = day
            .0
            .checked_sub_days(Days::new(NEAR_DAYS))
            .unwrap_or(day.0);
        let last = day
            .0
            .checked_add_days(Days::new(NEAR_DAYS))
            .unwrap_or(day.0);
        for d in first.iter_days().take_while(|d| *d <= last) {
            *near.entry(d).or_default() += 1.0;
        }
        chosen.push(day);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keydates::tests::{article, day};
    use crate::temporal::{Tagger, TaggerOptions};

    #[test]
    fn only_articles_that_open_on_the_topic_count_as_on_topic() {
        let articles = [
            article(
                "spill",
                "2010-05-10",
                "The oil spill grew again. Engineers met on May 3, 2010.",
            ),
            article(
                "football",
                "2010-05-11",
                "The final drew a record crowd. The oil price held on May 3, 2010.",
            ),
        ];
        let sentences = super::super::sentences::split_and_tag(
            &articles,
            &Tagger::new(TaggerOptions::default()),
        );
        let keywords = ["spill".to_string()];
        let stats = day_stats(
            &articles,
            &sentences,
            &[],
            &keywords,
            day("2010-05-01"),
            day("2010-05-31"),
        );
        assert_eq!(stats[&day("2010-05-10")].published_on_topic, 1.0);
        assert_eq!(
            stats[&day("2010-05-11")].published_on_topic,
            0.0,
            "the football story is published but off the topic"
        );
        let may3 = &stats[&day("2010-05-03")];
        assert_eq!(may3.articles, 2.0);
        assert_eq!(
            may3.on_topic, 1.0,
            "the football story only mentions oil later on"
        );
        let without = day_stats(
            &articles,
            &sentences,
            &[],
            &[],
            day("2010-05-01"),
            day("2010-05-31"),
        );
        assert_eq!(
            without[&day("2010-05-03")].on_topic,
            2.0,
            "no keywords: every article"
        );
    }

    #[test]
    fn later_coverage_counts_on_topic_articles_from_two_days_after() {
        let articles = [
            article("first", "2010-05-03", "The oil spill began."),
            article("next-day", "2010-05-04", "The oil spill spread."),
            article(
                "looking-back",
                "2010-05-05",
                "The oil spill that began on May 3, 2010 reached the coast.",
            ),
            article("football", "2010-05-06", "The final drew a record crowd."),
        ];
        let sentences = super::super::sentences::split_and_tag(
            &articles,
            &Tagger::new(TaggerOptions::default()),
        );
        let stats = day_stats(
            &articles,
            &sentences,
            &[],
            &["spill".to_string()],
            day("2010-05-01"),
            day("2010-05-31"),
        );
        let may3 = &stats[&day("2010-05-03")];
        assert_eq!(may3.after, 1.0);
        assert_eq!(
            may3.later_on_topic, 1.0,
            "the next day's story is too soon and the football one off the topic"
        );
        assert_eq!(stats[&day("2010-05-05")].later_on_topic, 0.0);
    }

    #[test]
    fn after_the_fact_references_count_against_the_coverage_that_could_give_them() {
        // Three looks back among forty later stories say less than two
        // among two: the second day is recent, not minor.
        let early = DayStats {
            after: 3.0,
            later_on_topic: 40.0,
            ..DayStats::default()
        };
        let recent = DayStats {
            after: 2.0,
            later_on_topic: 2.0,
            ..DayStats::default()
        };
        assert!(score(&recent, &Scoring::Combined) > score(&early, &Scoring::Combined));
        assert!(
            score(&early, &Scoring::Only(Signal::After))
                > score(&recent, &Scoring::Only(Signal::After)),
            "a signal alone counts as it is"
        );
        let unmentioned = DayStats {
            later_on_topic: 500.0,
            ..DayStats::default()
        };
        assert_eq!(
            score(&unmentioned, &Scoring::Combined),
            0.0,
            "no evidence is never less than none"
        );
    }

    #[test]
    fn a_day_near_one_already_chosen_gives_way_to_another_stretch() {
        let with_articles = |n: f64| DayStats {
            articles: n,
            ..DayStats::default()
        };
        let days = |stats: &[(&str, f64)], scoring: &Scoring| -> Vec<NaiveDate> {
            let stats: BTreeMap<NaiveDate, DayStats> = stats
                .iter()
                .map(|(d, n)| (day(d), with_articles(*n)))
                .collect();
            top_days(&stats, scoring, 2)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        };
        // Sunday 9 May, then Monday 10 May: a new ISO week, but the same
        // stretch of the story.
        let sunday_monday = [
            ("2010-05-09", 10.0),
            ("2010-05-10", 9.0),
            ("2010-05-20", 7.0),
        ];
        assert_eq!(
            days(&sunday_monday, &Scoring::Combined),
            [day("2010-05-09"), day("2010-05-20")]
        );
        assert_eq!(
            days(&sunday_monday, &Scoring::Only(Signal::Articles)),
            [day("2010-05-09"), day("2010-05-10")],
            "a signal alone ranks as it is"
        );
        let three_days_on = [
            ("2010-05-09", 10.0),
            ("2010-05-12", 8.0),
            ("2010-05-20", 7.0),
        ];
        assert_eq!(
            days(&three_days_on, &Scoring::Combined),
            [day("2010-05-09"), day("2010-05-12")],
            "three days away is out of reach"
        );
    }

    #[test]
    fn an_event_two_articles_report_is_corroborated() {
        let tagger = Tagger::new(TaggerOptions::default());
        let mut articles = vec![
            article(
                "a",
                "2010-05-10",
                "Engineers capped the leaking well on May 3, 2010.",
            ),
            article(
                "b",
                "2010-05-12",
                "Engineers capped the leaking well on May 3, 2010, officials said.",
            ),
            article(
                "c",
                "2010-05-12",
                "Divers inspected the damaged pipe on May 4, 2010.",
            ),
        ];
        let events: Vec<Vec<Event>> = articles
            .iter_mut()
            .map(|a| crate::extract::tag_article(a, &tagger))
            .collect();
        let timeline = crate::extract::assemble(&articles, &events);
        let sentences = super::super::sentences::split_and_tag(&articles, &tagger);
        let stats = day_stats(
            &articles,
            &sentences,
            &timeline.events,
            &[],
            day("2010-05-01"),
            day("2010-05-31"),
        );
        assert_eq!(stats[&day("2010-05-03")].corroborated, 1.0);
        assert_eq!(
            stats[&day("2010-05-04")].corroborated,
            0.0,
            "one article alone"
        );
    }
}
