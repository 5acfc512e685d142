//! Key dates: timeline summarisation (issue 9). From a collection of
//! articles, rank the days by how much the coverage says they mattered and
//! give each of the top days a few real sentences that say what happened.
//!
//! The pipeline: split and tag every sentence ([`sentences`]), count the
//! evidence per day and rank ([`rank`]), then pick each day's sentences by
//! centrality and novelty ([`select`]). It needs only the articles and the
//! tagger; merged timeline events, when the site has them, add two signals.

pub mod rank;
pub mod select;
pub mod sentences;

use crate::content::Article;
use crate::temporal::Tagger;
use crate::timeline::Event;
use chrono::NaiveDate;
use rank::{DayStats, Scoring};
use serde::Serialize;
use std::collections::BTreeMap;

/// What to summarise and how much.
#[derive(Debug, Clone)]
pub struct Options {
    /// How many days to keep.
    pub dates: usize,
    /// At most this many sentences per day.
    pub sentences: usize,
    /// Only articles published in this range are read, and only days in it
    /// are ranked. Open ends default to the collection's first and last
    /// publication dates.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// When not empty, a sentence is chosen only if it contains one of these
    /// (lower-cased substring match).
    pub keywords: Vec<String>,
    pub scoring: Scoring,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            dates: 10,
            sentences: 2,
            from: None,
            to: None,
            keywords: Vec::new(),
            scoring: Scoring::Combined,
        }
    }
}

/// A sentence chosen for a day, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeySentence {
    pub text: String,
    pub article_slug: String,
    pub article_title: String,
    pub anchor: Option<String>,
    pub published: NaiveDate,
    pub outlet: Option<String>,
}

/// One of the top days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyDate {
    pub date: NaiveDate,
    pub score: f64,
    /// Its rank among the days, 1 = most important.
    pub rank: usize,
    pub stats: DayStats,
    pub sentences: Vec<KeySentence>,
}

/// The default number of key days for a collection of `articles` articles:
/// about two per hundred articles, at least 5 and at most 50.
pub fn default_dates(articles: usize) -> usize {
    (articles / 50).clamp(5, 50)
}

/// Everything the ranking counts: the articles read, their tagged
/// sentences and each day's signals.
pub struct Analysis<'a> {
    /// The articles read, borrowed: the key-dates page of a big site would
    /// otherwise copy every article once more.
    pub articles: Vec<&'a Article>,
    pub sentences: Vec<sentences::Sentence>,
    pub stats: BTreeMap<NaiveDate, DayStats>,
}

/// Reads the articles published in `from..=to` (open ends: the collection's
/// first and last publication dates), tags them and counts every signal.
pub fn analyse<'a>(
    articles: &'a [Article],
    events: &[Event],
    tagger: &Tagger,
    keywords: &[String],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Analysis<'a> {
    let (Some(first), Some(last)) = (
        articles.iter().map(|a| a.date).min(),
        articles.iter().map(|a| a.date).max(),
    ) else {
        return Analysis {
            articles: Vec::new(),
            sentences: Vec::new(),
            stats: BTreeMap::new(),
        };
    };
    let from = from.unwrap_or(first);
    let to = to.unwrap_or(last);
    let read: Vec<&Article> = articles
        .iter()
        .filter(|a| from <= a.date && a.date <= to)
        .collect();
    let sents = sentences::split_and_tag(&read, tagger);
    let keywords: Vec<String> = keywords.iter().map(|k| k.to_lowercase()).collect();
    let stats = rank::day_stats(&read, &sents, events, &keywords, from, to);
    Analysis {
        articles: read,
        sentences: sents,
        stats,
    }
}

/// The top days of `articles`, in calendar order. `events` are the site's
/// merged timeline events (may be empty).
pub fn summarize(
    articles: &[Article],
    events: &[Event],
    tagger: &Tagger,
    options: &Options,
) -> Vec<KeyDate> {
    let Analysis {
        articles: read,
        sentences: sents,
        stats,
    } = analyse(
        articles,
        events,
        tagger,
        &options.keywords,
        options.from,
        options.to,
    );
    let top = rank::top_days(&stats, &options.scoring, options.dates);
    let keywords: Vec<String> = options.keywords.iter().map(|k| k.to_lowercase()).collect();
    let allowed = |text: &str| has_keyword(text, &keywords);
    let idf = select::Idf::new(sents.iter().map(|s| s.text.as_str()));

    // Candidate sentences per day: those naming it, then, from articles
    // published that day, the opening sentences (news leads say what
    // happened "today" even when they name no date).
    let wanted: BTreeMap<NaiveDate, usize> =
        top.iter().enumerate().map(|(i, (d, _))| (*d, i)).collect();
    let mut candidates: Vec<Vec<(usize, f64)>> = vec![Vec::new(); top.len()];
    for (i, s) in sents.iter().enumerate() {
        if !allowed(&s.text) {
            continue;
        }
        for d in &s.days {
            if let Some(&slot) = wanted.get(d) {
                candidates[slot].push((i, 1.0));
            }
        }
        let published = read[s.article].date;
        if s.position < LEAD_SENTENCES
            && s.days.is_empty()
            && let Some(&slot) = wanted.get(&published)
        {
            candidates[slot].push((i, LEAD_PRIOR));
        }
    }

    let mut out: Vec<KeyDate> = top
        .iter()
        .zip(candidates)
        .enumerate()
        .map(|(r, ((date, score), cands))| {
            let texts: Vec<&str> = cands.iter().map(|(i, _)| sents[*i].text.as_str()).collect();
            let prior: Vec<f64> = cands.iter().map(|(_, p)| *p).collect();
            let chosen = select::choose(&texts, &prior, &idf, options.sentences);
            KeyDate {
                date: *date,
                score: *score,
                rank: r + 1,
                stats: stats.get(date).cloned().unwrap_or_default(),
                sentences: chosen
                    .into_iter()
                    .map(|c| {
                        let s = &sents[cands[c].0];
                        let a = &read[s.article];
                        KeySentence {
                            text: s.text.clone(),
                            article_slug: a.slug.clone(),
                            article_title: a.title.clone(),
                            anchor: s.anchor.clone(),
                            published: a.date,
                            outlet: a.source.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    out.sort_by_key(|k| k.date);
    out
}

/// Whether `text` contains one of `keywords` (lower-case), in any case;
/// true when there are no keywords.
pub fn has_keyword(text: &str, keywords: &[String]) -> bool {
    keywords.is_empty() || {
        let lower = text.to_lowercase();
        keywords.iter().any(|k| lower.contains(k.as_str()))
    }
}

/// How many opening sentences of an article published on a day may
/// summarise it without naming it.
pub const LEAD_SENTENCES: usize = 3;
/// Their weight against sentences that name the day.
pub const LEAD_PRIOR: f64 = 0.8;

/// The T17 / news-tls JSON form: `[["YYYY-MM-DD", ["sentence", ...]], ...]`.
pub fn to_t17_json(days: &[KeyDate]) -> serde_json::Value {
    serde_json::Value::Array(
        days.iter()
            .map(|k| {
                serde_json::json!([
                    k.date.to_string(),
                    k.sentences
                        .iter()
                        .map(|s| s.text.as_str())
                        .collect::<Vec<_>>()
                ])
            })
            .collect(),
    )
}
