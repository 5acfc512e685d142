//! Ranks the days of a collection by importance from a few counted signals.
//!
//! Each signal is a count per day; the score of a day is a weighted sum of
//! `ln(1 + count)` over the signals. Logs keep one very loud day from
//! drowning the others and make the weights comparable across collections of
//! any size, so the same weights serve a 100-article site and a 5,000-article
//! one. The ablation (`--signal NAME`) scores a day by one signal alone.

use super::sentences::Sentence;
use crate::content::Article;
use crate::temporal::Precision;
use crate::timeline::{Event, EventKind};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How many days after a day a reference to it counts as "after the fact".
pub const AFTER_DAYS: i64 = 2;

/// One evidence count per day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// Articles published that day.
    Published,
    /// Sentences naming the day (day precision, relative dates resolved).
    Mentions,
    /// Distinct articles naming the day.
    Articles,
    /// Distinct outlets (front matter `source`) naming the day.
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
}

impl Signal {
    pub const ALL: [Signal; 8] = [
        Signal::Published,
        Signal::Mentions,
        Signal::Articles,
        Signal::Outlets,
        Signal::After,
        Signal::Spread,
        Signal::Events,
        Signal::Actors,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Signal::Published => "published",
            Signal::Mentions => "mentions",
            Signal::Articles => "articles",
            Signal::Outlets => "outlets",
            Signal::After => "after",
            Signal::Spread => "spread",
            Signal::Events => "events",
            Signal::Actors => "actors",
        }
    }

    pub fn parse(s: &str) -> Option<Signal> {
        Signal::ALL.into_iter().find(|x| x.name() == s)
    }

    /// The default weight of the signal in the combined score.
    ///
    /// Events and actors weigh nothing for now: on the T17 development
    /// tasks the merged-event signal alone reaches date F1 0.553, but it
    /// follows the article count so closely that adding it at 0.5 or 0.25
    /// lowered the combined F1 (0.578 -> 0.567 / 0.571). `--signal events`
    /// still ranks by it alone.
    pub fn weight(self) -> f64 {
        match self {
            Signal::Published => 0.25,
            Signal::Mentions => 0.0,
            Signal::Articles => 2.0,
            Signal::Outlets => 0.0,
            Signal::After => 1.0,
            Signal::Spread => 0.5,
            Signal::Events => 0.0,
            Signal::Actors => 0.0,
        }
    }
}

/// The signal counts of one day.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DayStats {
    pub published: f64,
    pub mentions: f64,
    pub articles: f64,
    pub outlets: f64,
    pub after: f64,
    pub spread: f64,
    pub events: f64,
    pub actors: f64,
}

impl DayStats {
    pub fn get(&self, s: Signal) -> f64 {
        match s {
            Signal::Published => self.published,
            Signal::Mentions => self.mentions,
            Signal::Articles => self.articles,
            Signal::Outlets => self.outlets,
            Signal::After => self.after,
            Signal::Spread => self.spread,
            Signal::Events => self.events,
            Signal::Actors => self.actors,
        }
    }
}

/// Counts every signal for every day in `from..=to`.
pub fn day_stats(
    articles: &[Article],
    sentences: &[Sentence],
    events: &[Event],
    from: NaiveDate,
    to: NaiveDate,
) -> BTreeMap<NaiveDate, DayStats> {
    let mut stats: BTreeMap<NaiveDate, DayStats> = BTreeMap::new();
    let in_range = |d: NaiveDate| from <= d && d <= to;
    for a in articles.iter().filter(|a| in_range(a.date)) {
        stats.entry(a.date).or_default().published += 1.0;
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
            .map(|&i| articles[i].source.as_deref().unwrap_or(""))
            .collect();
        st.outlets = outlets.len() as f64;
        st.after = arts
            .iter()
            .filter(|&&i| (articles[i].date - d).num_days() >= AFTER_DAYS)
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
        stats.entry(d).or_default().events += e.sources.len() as f64;
        actors
            .entry(d)
            .or_default()
            .extend(e.actors.iter().map(String::as_str));
    }
    for (d, names) in actors {
        stats.entry(d).or_default().actors = names.len() as f64;
    }
    stats
}

/// How days are scored.
#[derive(Debug, Clone, PartialEq)]
pub enum Scoring {
    /// The weighted sum of `ln(1 + count)` with [`Signal::weight`].
    Combined,
    /// One signal alone (ablation).
    Only(Signal),
}

/// The score of a day's counts.
pub fn score(st: &DayStats, scoring: &Scoring) -> f64 {
    match scoring {
        Scoring::Combined => Signal::ALL
            .iter()
            .map(|&s| s.weight() * st.get(s).ln_1p())
            .sum(),
        Scoring::Only(s) => st.get(*s),
    }
}

/// The days with the `n` best scores, best first; ties go to the earlier day.
/// Days scoring zero are never chosen.
pub fn top_days(
    stats: &BTreeMap<NaiveDate, DayStats>,
    scoring: &Scoring,
    n: usize,
) -> Vec<(NaiveDate, f64)> {
    let mut scored: Vec<(NaiveDate, f64)> = stats
        .iter()
        .map(|(d, st)| (*d, score(st, scoring)))
        .filter(|(_, s)| *s > 0.0)
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(n);
    scored
}
