//! Key dates: timeline summarisation (issue 9). From a collection of
//! articles, rank the days by how much the coverage says they mattered and
//! give each of the top days a few real sentences that say what happened.
//!
//! The pipeline: split every sentence and give it the dates the tagger found
//! in it ([`sentences`]), count the evidence per day and rank ([`rank`]),
//! then pick each day's sentences by centrality and novelty ([`select`]). It
//! needs the articles as the per-article stage left them (tagged, their
//! expressions in `Article::times`) and the merged key-date candidates.

pub mod rank;
pub mod select;
pub mod sentences;

use crate::content::{Article, TimeMention};
use crate::extract::lexicon;
use crate::temporal::Language;
use crate::timeline::Event;
use chrono::NaiveDate;
use rank::{DayStats, Scoring};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// What to summarise and how much.
#[derive(Debug, Clone)]
pub struct Options {
    /// How many days to keep.
    pub dates: usize,
    /// At most this many sentences per day.
    pub sentences: usize,
    /// Only articles published in this range are read, and only days in it
    /// are ranked. Open ends read every article; days are then ranked up to
    /// the last publication date, from any time before it (see
    /// [`analyse`]).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// When not empty, a sentence is chosen only if it contains one of these
    /// (lower-cased substring match).
    pub keywords: Vec<String>,
    pub scoring: Scoring,
    /// The language the articles are written in: whose words end a
    /// sentence and are too common to weigh.
    pub language: Language,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            dates: 10,
            sentences: 2,
            from: None,
            to: None,
            keywords: Vec::new(),
            scoring: Scoring::default(),
            language: Language::default(),
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
    /// The language the articles were read in.
    pub language: Language,
}

/// Reads the articles published in `from..=to`, tags them and counts every
/// signal for the days in that range. An open end reads every article; an
/// open `to` ranks days up to the last publication date, and an open `from`
/// ranks days from any time: news tells on Sunday what happened on
/// Saturday, before the first article of a collection appeared, while a day
/// after the last one can only be named in advance. The articles are read
/// in `language`.
pub fn analyse<'a>(
    articles: &'a [Article],
    times: &[Vec<TimeMention>],
    events: &[Event],
    keywords: &[String],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    language: Language,
) -> Analysis<'a> {
    let Some(last) = articles.iter().map(|a| a.date).max() else {
        return Analysis {
            articles: Vec::new(),
            sentences: Vec::new(),
            stats: BTreeMap::new(),
            language,
        };
    };
    let from = from.unwrap_or(NaiveDate::MIN);
    let to = to.unwrap_or(last);
    let (read, read_times): (Vec<&Article>, Vec<&[TimeMention]>) = articles
        .iter()
        .zip(times)
        .filter(|(a, _)| from <= a.date && a.date <= to)
        .map(|(a, t)| (a, t.as_slice()))
        .unzip();
    let sents = sentences::split(&read, &read_times, language);
    let keywords: Vec<String> = keywords.iter().map(|k| k.to_lowercase()).collect();
    let stats = rank::day_stats(&read, &sents, events, &keywords, from, to);
    Analysis {
        articles: read,
        sentences: sents,
        stats,
        language,
    }
}

/// The top days of `articles`, in calendar order. `events` are the site's
/// merged timeline events (may be empty).
pub fn summarize(
    articles: &[Article],
    times: &[Vec<TimeMention>],
    events: &[Event],
    options: &Options,
) -> Vec<KeyDate> {
    let analysis = analyse(
        articles,
        times,
        events,
        &options.keywords,
        options.from,
        options.to,
        options.language,
    );
    key_dates(&analysis, options)
}

/// The top days of an [`analyse`]d collection, in calendar order;
/// `options`' range and keywords are those it was analysed with, and its
/// words are read in the language it was.
pub fn key_dates(analysis: &Analysis, options: &Options) -> Vec<KeyDate> {
    lexicon::reading(analysis.language, || key_dates_read(analysis, options))
}

/// [`key_dates`], in the language being read.
fn key_dates_read(analysis: &Analysis, options: &Options) -> Vec<KeyDate> {
    let Analysis {
        articles: read,
        sentences: sents,
        stats,
        language: _,
    } = analysis;
    let top = rank::top_days(stats, &options.scoring, options.dates);
    let keywords: Vec<String> = options.keywords.iter().map(|k| k.to_lowercase()).collect();
    let allowed = |text: &str| has_keyword(text, &keywords);
    let idf = select::Idf::new(sents.iter().map(|s| s.text.as_str()));

    // Candidate sentences per day: those naming it, then the opening
    // sentences that name no date of articles published that day or the
    // day after (news leads say what happened "today" or "yesterday"
    // without naming the day).
    let wanted: BTreeMap<NaiveDate, usize> =
        top.iter().enumerate().map(|(i, (d, _))| (*d, i)).collect();
    let mut candidates: Vec<Vec<usize>> = vec![Vec::new(); top.len()];
    for (i, s) in sents.iter().enumerate() {
        if !allowed(&s.text) {
            continue;
        }
        // A stamped sentence reports on its filing day without naming it.
        // It is not a dateless lead: the stamp says which day it tells of
        // (as a lead for the day before too, AR-1 fell from 0.117 to 0.115).
        let filed = s.filed.filter(|d| !s.days.contains(d));
        let lead = s.position < LEAD_SENTENCES && s.days.is_empty() && s.filed.is_none();
        let leads = lead
            .then(|| lead_days(read[s.article].date))
            .into_iter()
            .flatten();
        for d in s.days.iter().copied().chain(filed).chain(leads) {
            if let Some(&slot) = wanted.get(&d) {
                candidates[slot].push(i);
            }
        }
    }

    // The days choose in rank order, and a sentence chosen for one day is
    // not offered to another: wire copies and morning-after leads make the
    // same sentence a candidate for several days, and a timeline that
    // repeats itself tells less. A day left with nothing else may repeat
    // one, as a key day without a word is worse than a repeat (on T17, 7
    // of 460 days are no longer empty and AR-1 holds at 0.1227).
    let mut used: HashSet<&str> = HashSet::new();
    let mut out: Vec<KeyDate> = top
        .iter()
        .zip(candidates)
        .enumerate()
        .map(|(r, ((date, score), cands))| {
            let fresh: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&i| !used.contains(sents[i].text.as_str()))
                .collect();
            let cands = if fresh.is_empty() { cands } else { fresh };
            let texts: Vec<&str> = cands.iter().map(|&i| sents[i].text.as_str()).collect();
            let chosen = select::choose(&texts, &idf, options.sentences);
            used.extend(chosen.iter().map(|&c| texts[c]));
            KeyDate {
                date: *date,
                score: *score,
                rank: r + 1,
                stats: stats.get(date).cloned().unwrap_or_default(),
                sentences: chosen
                    .into_iter()
                    .map(|c| {
                        let s = &sents[cands[c]];
                        let a = &read[s.article];
                        KeySentence {
                            // Chosen on the whole sentence, shown without
                            // its furniture: stripping wire datelines
                            // before choosing did worse (AR-1 0.115 against
                            // 0.119), as their place names are part of what
                            // a wire lead is about.
                            text: s.shown().to_string(),
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

/// How many opening sentences of an article may summarise a day without
/// naming it (see [`lead_days`]).
pub const LEAD_SENTENCES: usize = 3;

/// The days an article's dateless opening sentences may summarise: the day
/// it was published and the day before. Much of the news of an event is
/// printed the morning after, and its lead tells what happened
/// "yesterday". They weigh the same as sentences naming the day. On the
/// T17 development tasks the day before lifts alignment ROUGE-1 from 0.110
/// to 0.116 (and ROUGE-2 0.029 -> 0.031), with 11 of 15 tasks higher;
/// reaching back a second day gains nothing more, and weighing leads
/// below named mentions (0.6, 0.8) does worse.
pub fn lead_days(published: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    [Some(published), published.pred_opt()]
        .into_iter()
        .flatten()
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_article;
    use crate::temporal::{Tagger, TaggerOptions};
    use chrono_tz::Tz;
    use std::path::Path;

    /// An article of the wire service `Wire` (shared by the tests of the
    /// key-dates modules; [`times_of`] tags it as a build does).
    pub(super) fn article(slug: &str, date: &str, body: &str) -> Article {
        let md = format!("---\ntitle: {slug}\ndate: {date}\nsource: Wire\n---\n\n{body}\n");
        parse_article(
            md.as_bytes(),
            Path::new(&format!("content/{slug}.md")),
            Tz::UTC,
        )
        .expect("a valid article")
    }

    /// The temporal expressions of each of `articles`, as the per-article
    /// stage finds them.
    pub(crate) fn times_of(articles: &[Article]) -> Vec<Vec<TimeMention>> {
        let tagger = Tagger::new(TaggerOptions::default());
        articles
            .iter()
            .map(|a| crate::extract::tag_article(a, &tagger).times)
            .collect()
    }

    pub(super) fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The top `dates` days of April and May 2010, with up to `sentences`
    /// sentences each.
    fn key_days(articles: &[Article], dates: usize, sentences: usize) -> Vec<KeyDate> {
        let options = Options {
            dates,
            sentences,
            from: Some(day("2010-04-01")),
            to: Some(day("2010-05-31")),
            ..Options::default()
        };
        summarize(articles, &times_of(articles), &[], &options)
    }

    /// The sentences shown for day `d` (none when it is not a key day).
    fn shown_on<'a>(days: &'a [KeyDate], d: &str) -> Vec<&'a str> {
        days.iter()
            .find(|k| k.date == day(d))
            .map(|k| k.sentences.iter().map(|s| s.text.as_str()).collect())
            .unwrap_or_default()
    }

    /// The sentences chosen for April 20, the one key day.
    fn sentences_for_april_20(articles: &[Article]) -> Vec<String> {
        let days = key_days(articles, 1, 5);
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].date, day("2010-04-20"));
        days[0].sentences.iter().map(|s| s.text.clone()).collect()
    }

    #[test]
    fn without_a_start_the_day_before_the_first_article_can_be_key() {
        let articles = [
            article(
                "fireworks",
                "2025-01-19",
                "Donald Trump watched fireworks in Sterling, Virginia, on Saturday.",
            ),
            article(
                "talks",
                "2025-01-29",
                "Putin said on Tuesday that talks could take place. A reply is due on Friday.",
            ),
        ];
        let days = |from: Option<NaiveDate>| -> Vec<NaiveDate> {
            let options = Options {
                dates: 10,
                from,
                ..Options::default()
            };
            let mut days: Vec<NaiveDate> =
                summarize(&articles, &times_of(&articles), &[], &options)
                    .into_iter()
                    .map(|k| k.date)
                    .collect();
            days.sort();
            days
        };
        let open = days(None);
        assert!(open.contains(&day("2025-01-18")), "{open:?}");
        assert_eq!(
            open.last(),
            Some(&day("2025-01-29")),
            "Friday 31 January is only named in advance"
        );
        let from_first = days(Some(day("2025-01-19")));
        assert!(!from_first.contains(&day("2025-01-18")), "{from_first:?}");
    }

    /// A sentence naming two days, as three wire copies carry it.
    const WIRE_SENTENCE: &str =
        "The rig exploded on April 20, 2010 and sank on April 22, 2010 in the Gulf.";

    fn wire_copies() -> Vec<Article> {
        (0..3)
            .map(|i| article(&format!("wire-{i}"), "2010-05-02", WIRE_SENTENCE))
            .collect()
    }

    #[test]
    fn a_sentence_chosen_for_one_day_is_not_repeated_on_another() {
        let shared = WIRE_SENTENCE;
        let mut articles = wire_copies();
        articles.push(article(
            "blast",
            "2010-05-03",
            "Eleven workers died in the blast on April 20, 2010.",
        ));
        articles.push(article(
            "toll",
            "2010-05-03",
            "Families mourned the dead of April 20, 2010 at a vigil.",
        ));
        articles.push(article(
            "sinking",
            "2010-05-04",
            "Coast guard crews watched the burning platform go down on April 22, 2010.",
        ));
        let days = key_days(&articles, 2, 1);
        assert_eq!(shown_on(&days, "2010-04-20"), vec![shared]);
        assert_eq!(
            shown_on(&days, "2010-04-22"),
            vec!["Coast guard crews watched the burning platform go down on April 22, 2010."]
        );
    }

    #[test]
    fn a_day_with_nothing_else_to_show_may_repeat_a_sentence() {
        let shared = WIRE_SENTENCE;
        let mut articles = wire_copies();
        articles.push(article(
            "sinking",
            "2010-05-04",
            "The platform went down on April 22, 2010.",
        ));
        let days = key_days(&articles, 2, 1);
        assert_eq!(shown_on(&days, "2010-04-22"), vec![shared]);
        assert_eq!(
            shown_on(&days, "2010-04-20"),
            vec![shared],
            "April 20 has no other sentence"
        );
    }

    #[test]
    fn a_wire_lead_tells_of_its_filing_day_and_is_shown_without_its_dateline() {
        let wire = |slug: &str| {
            article(
                slug,
                "2010-04-21",
                "HOUSTON, April 21, 2010 (Reuters) - The burning platform sank into the Gulf.",
            )
        };
        let recap = |slug: &str| {
            article(
                slug,
                "2010-05-02",
                "The rig exploded on April 20, 2010. Crews fought the blaze on April 20, 2010.",
            )
        };
        let articles = [
            recap("recap-1"),
            recap("recap-2"),
            recap("recap-3"),
            wire("wire-1"),
            wire("wire-2"),
        ];
        let chosen = sentences_for_april_20(&articles);
        assert!(
            !chosen.iter().any(|s| s.contains("burning platform")),
            "a stamped lead is not a dateless lead of the day before: {chosen:?}"
        );
        let days = key_days(&articles, 3, 1);
        assert_eq!(
            shown_on(&days, "2010-04-21"),
            vec!["The burning platform sank into the Gulf."]
        );
    }

    #[test]
    fn a_lead_printed_the_morning_after_summarises_the_day_before() {
        let articles = [
            article(
                "recap",
                "2010-05-02",
                "Looking back at the crisis so far. The rig exploded on April 20, 2010. \
                 Crews fought the blaze on April 20, 2010 for hours.",
            ),
            article(
                "morning-after",
                "2010-04-21",
                "Eleven oil workers are missing after the offshore drilling rig blew up in the Gulf.",
            ),
            article(
                "two-days-on",
                "2010-04-22",
                "The burning oil platform sank into the Gulf of Mexico after two days.",
            ),
        ];
        let chosen = sentences_for_april_20(&articles);
        assert!(
            chosen.iter().any(|s| s.starts_with("Eleven oil workers")),
            "the next day's lead is a candidate: {chosen:?}"
        );
        assert!(
            !chosen
                .iter()
                .any(|s| s.starts_with("The burning oil platform")),
            "a lead two days on tells of its own day: {chosen:?}"
        );
    }
}
