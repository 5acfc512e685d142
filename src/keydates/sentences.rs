//! Splits articles into sentences and says of each one which calendar days
//! it names (day votes) and which coarser stretches it names (weak votes),
//! with relative dates resolved against the article's publication date.
//!
//! The dates are the time expressions the per-article stage found in the
//! article's whole text (cached with it): each is assigned to the sentence
//! it starts in, and no article is tagged twice. Sentences are those of
//! [`crate::extract::sentences::split`], the one splitter events use too.
//!
//! It also tells news copy from the page furniture run into it: a wire
//! dateline or a filing stamp dates the story rather than naming a day, and
//! a summary shows the sentence without it.

use crate::content::markdown::Paragraph;
use crate::content::{Article, TimeMention};
use crate::extract::lexicon;
use crate::temporal::{Interval, Language, Modifier, Precision, Timex};
use chrono::NaiveDate;
use rayon::prelude::*;
use regex::Regex;
use std::borrow::Borrow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// One sentence of one article, with the dates it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Index of the article in the slice given to [`split`].
    pub article: usize,
    /// Position of the sentence in its article, from 0.
    pub position: usize,
    /// The sentence as written.
    pub text: String,
    /// The bytes of `text` a summary shows: the sentence without the page
    /// furniture run into it (see [`shown_range`]).
    pub shown: Range<usize>,
    /// The paragraph's HTML anchor in the article page, when it has one.
    pub anchor: Option<String>,
    /// Days the sentence names at day precision, without duplicates.
    pub days: Vec<NaiveDate>,
    /// The day of the filing stamp the sentence carries, if any (see
    /// [`filing_stamps`]): the day the story was filed, which the sentence
    /// reports on but does not name as the day something happened.
    pub filed: Option<NaiveDate>,
    /// Coarser stretches (weeks, months) the sentence names; at most 31 days.
    pub spans: Vec<Interval>,
}

impl Sentence {
    /// The part of the sentence a summary shows.
    pub fn shown(&self) -> &str {
        &self.text[self.shown.clone()]
    }
}

/// Every sentence of every article, with the dates it names; in article
/// order. The dates are those the per-article stage found (`times`, index
/// for index with `articles`; see [`crate::extract::Extracted`]): nothing
/// is tagged again.
/// Sentences end where `language`'s words say (its abbreviations), on
/// whichever thread an article is split.
pub fn split<A: Borrow<Article> + Sync, T: AsRef<[TimeMention]> + Sync>(
    articles: &[A],
    times: &[T],
    language: Language,
) -> Vec<Sentence> {
    let per_article: Vec<Vec<Sentence>> = articles
        .par_iter()
        .zip(times)
        .enumerate()
        .map(|(i, (a, t))| {
            lexicon::reading(language, || article_sentences(i, a.borrow(), t.as_ref()))
        })
        .collect();
    per_article.into_iter().flatten().collect()
}

/// One of the article's time expressions inside one paragraph, with
/// offsets into the paragraph's text.
struct Expr<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    timex: Option<&'a Timex>,
}

/// The article's time expressions that start in `p`, in the tagger's order.
fn paragraph_exprs<'a>(times: &'a [TimeMention], p: &'a Paragraph) -> Vec<Expr<'a>> {
    let (lo, hi) = (p.offset, p.offset + p.text.len());
    times
        .iter()
        .filter(|m| lo <= m.start && m.start < hi)
        .filter_map(|m| {
            let (start, end) = (m.start - lo, m.end.min(hi) - lo);
            Some(Expr {
                start,
                end,
                text: p.text.get(start..end)?,
                timex: m.value.calendar(),
            })
        })
        .collect()
}

fn article_sentences(index: usize, article: &Article, times: &[TimeMention]) -> Vec<Sentence> {
    let mut out = Vec::new();
    // The article's expressions are in text order, so each paragraph's are
    // a run of them.
    let mut rest: &[TimeMention] = times;
    for p in &article.paragraphs {
        let first = rest.partition_point(|m| m.start < p.offset);
        rest = &rest[first..];
        let here = rest.partition_point(|m| m.start < p.offset + p.text.len());
        let exprs = paragraph_exprs(&rest[..here], p);
        let dateline = wire_dateline(&p.text);
        let stamps = filing_stamps(&p.text, dateline, &exprs);
        // The expressions by where they start, walked once alongside the
        // sentences (which come in order and do not overlap): a paragraph
        // naming 50,000 dates costs 50,000 steps, not 50,000 per sentence.
        let mut by_start: Vec<usize> = (0..exprs.len()).collect();
        by_start.sort_by_key(|&k| exprs[k].start);
        let mut next = 0;
        let mut in_sentence = Vec::new();
        let mut seen_days = HashSet::new();
        for r in crate::extract::sentences::split(&p.text) {
            let (start, end) = (r.start, r.end);
            while next < by_start.len() && exprs[by_start[next]].start < start {
                next += 1;
            }
            in_sentence.clear();
            while next < by_start.len() && exprs[by_start[next]].start < end {
                in_sentence.push(by_start[next]);
                next += 1;
            }
            // In the tagger's order, as the sentence's votes always were.
            in_sentence.sort_unstable();
            let raw = &p.text[start..end];
            let text = raw.trim();
            if text.is_empty() {
                continue;
            }
            // Paragraph offsets of the trimmed sentence.
            let first = start + (raw.len() - raw.trim_start().len());
            let last = first + text.len();
            let mut days = Vec::new();
            let mut filed = None;
            let mut spans = Vec::new();
            let mut stamp_starts = Vec::new();
            seen_days.clear();
            for (e, stamp) in in_sentence.iter().map(|&k| (&exprs[k], &stamps[k])) {
                let Some(t) = e.timex else { continue };
                let interval = t.interval;
                if *stamp {
                    filed = filed.or(Some(interval.first));
                    stamp_starts.push(e.start.max(first) - first);
                    continue;
                }
                if matches!(
                    t.modifier,
                    Some(
                        Modifier::Before
                            | Modifier::After
                            | Modifier::OnOrBefore
                            | Modifier::OnOrAfter
                            | Modifier::LessThan
                            | Modifier::MoreThan
                            | Modifier::EqualOrLess
                            | Modifier::EqualOrMore
                    )
                ) {
                    continue;
                }
                match t.precision {
                    Precision::Day | Precision::Time
                        if interval.days() == 1 && seen_days.insert(interval.first) =>
                    {
                        days.push(interval.first);
                    }
                    Precision::Day | Precision::Time if interval.days() == 1 => {}
                    _ if interval.days() <= 31 => spans.push(interval),
                    _ => {}
                }
            }
            let dateline_end = dateline
                .filter(|&d| first < d && d < last)
                .map(|d| d - first);
            out.push(Sentence {
                article: index,
                position: out.len(),
                text: text.to_string(),
                shown: shown_range(text, dateline_end, &stamp_starts),
                anchor: p.anchor.clone(),
                days,
                filed,
                spans,
            });
        }
    }
    out
}

/// A clock time right after a date, the way stamps write it: "6:37 pm
/// BST", "10.40 BST" (prose puts an "at" or a comma between them).
static CLOCK_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+\d{1,2}[:.]\d{2}\b").expect("clock regex"));

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{4}\b").expect("year regex"));

/// Where the wire dateline at the start of `paragraph` ends, if it has one.
fn wire_dateline(paragraph: &str) -> Option<usize> {
    crate::extract::furniture::wire_dateline(paragraph)
}

/// Which of a paragraph's expressions are filing stamps: the dates and
/// times of a wire dateline, and a full date with its year followed by a
/// clock time ("Sunday 26 April 2009 10.40 BST"), the way a news page
/// stamps a story. A stamp says when the story was filed; counted as a
/// reference, it would give every wire story's day one more vote than the
/// publication count already gives it. On the T17 development tasks
/// leaving stamps out moves date F1 from 0.5939 to 0.5945 (one day more in
/// syria-3, one less in bpoil-0, where a blog round-up stamps each post).
/// `dateline` is where the paragraph's wire dateline ends, if it has one.
fn filing_stamps(paragraph: &str, dateline: Option<usize>, exprs: &[Expr<'_>]) -> Vec<bool> {
    let dateline_end = dateline.unwrap_or(0);
    let mut stamps = vec![false; exprs.len()];
    for (k, e) in exprs.iter().enumerate() {
        stamps[k] = e.end <= dateline_end
            || (YEAR.is_match(e.text) && CLOCK_AFTER.is_match(&paragraph[e.end..]))
            // The clock time of a stamp, when the tagger found it too.
            || (k > 0 && stamps[k - 1] && e.start <= exprs[k - 1].end + 3);
    }
    stamps
}

/// The part of `sentence` worth showing: after a wire dateline ending at
/// `dateline_end`, and before a filing stamp when a scraped page ran its
/// headline, stamp and photo caption into one sentence ("Gulf oil spill: BP
/// resumes 'top kill' Company says ... Friday 28 May 2010 10.27 BST This
/// still image ..."): the headline is the summary, the caption is not. A
/// stamp with fewer than [`MIN_WORDS`](super::select::MIN_WORDS) words
/// before it starts a sentence rather than ending a headline, and is kept.
fn shown_range(
    sentence: &str,
    dateline_end: Option<usize>,
    stamp_starts: &[usize],
) -> Range<usize> {
    let start = dateline_end.unwrap_or(0);
    let end = stamp_starts
        .iter()
        .copied()
        .filter(|&s| s > start)
        .find(|&s| sentence[start..s].split_whitespace().count() >= super::select::MIN_WORDS)
        .map_or(sentence.len(), |s| {
            start + sentence[start..s].trim_end().len()
        });
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keydates::tests::{article, day, times_of};

    /// The sentences of one article published on 2010-05-28.
    fn tagged(body: &str) -> Vec<Sentence> {
        let articles = [article("a", "2010-05-28", body)];
        split(&articles, &times_of(&articles), Language::English)
    }

    #[test]
    fn sentences_end_where_the_sites_language_says_on_every_thread() {
        // The test language (lexicon/qaa.rs) shortens "Herr" to "Hr." before
        // a name; English does not. Many articles, so rayon splits them on
        // several threads.
        let articles: Vec<Article> = (0..64)
            .map(|i| article(&format!("a{i}"), "2010-05-28", "Hr. Müller spoke. He left."))
            .collect();
        for (language, per_article) in [(Language::Testing, 2), (Language::English, 3)] {
            let sentences = split(&articles, &times_of(&articles), language);
            assert_eq!(sentences.len(), 64 * per_article, "{language:?}");
        }
    }

    #[test]
    fn each_sentence_of_a_long_paragraph_gets_the_dates_that_start_in_it() {
        let body: Vec<String> = (1..=28)
            .map(|d| format!("On May {d}, 2009 and on May {d}, 2009 it rained."))
            .collect();
        let sentences = tagged(&body.join(" "));
        assert_eq!(sentences.len(), 28);
        for (i, s) in sentences.iter().enumerate() {
            let named = day(&format!("2009-05-{:02}", i + 1));
            assert_eq!(s.days, vec![named], "sentence {i} names its day once");
        }
    }

    #[test]
    fn a_wire_datelines_date_is_a_filing_stamp_not_a_reference() {
        let s = &tagged(
            "LONDON | Fri May 28, 2010 6:37 pm BST LONDON (Reuters) - BP resumed the top kill on Thursday.",
        )[0];
        assert_eq!(s.days, vec![day("2010-05-27")], "only Thursday is named");
        assert_eq!(s.filed, Some(day("2010-05-28")));
        assert_eq!(s.shown(), "BP resumed the top kill on Thursday.");
    }

    #[test]
    fn a_dateline_without_a_clock_is_a_stamp_too() {
        let s = &tagged("HOUSTON, May 28, 2010 (AP) -- BP said the top kill was working.")[0];
        assert!(s.days.is_empty());
        assert_eq!(s.filed, Some(day("2010-05-28")));
        assert_eq!(s.shown(), "BP said the top kill was working.");
    }

    #[test]
    fn summaries_show_a_lead_without_its_dateline_in_any_wire_form() {
        let cases = [
            (
                "(AP) President Obama warned Sunday that the spill is a disaster.",
                "President Obama warned Sunday that the spill is a disaster.",
            ),
            (
                "(AP Photo) Oil washed up on a Louisiana beach on Thursday.",
                "Oil washed up on a Louisiana beach on Thursday.",
            ),
            (
                "NEW ORLEANS \u{2013} Shares of BP plummeted on Tuesday.",
                "Shares of BP plummeted on Tuesday.",
            ),
            (
                "BARATARIA BAY, La. \u{2013} The executive acknowledged Monday that everyone is frustrated.",
                "The executive acknowledged Monday that everyone is frustrated.",
            ),
            (
                "WASHINGTON (CNN) -- Senators questioned BP on Wednesday.",
                "Senators questioned BP on Wednesday.",
            ),
            // Not datelines: a bracketed name inside the sentence, a
            // capitalised name that opens a sentence.
            (
                "The Centers for Disease Control and Prevention (CDC) said on Tuesday it found cases.",
                "The Centers for Disease Control and Prevention (CDC) said on Tuesday it found cases.",
            ),
            (
                "NASA said the images showed the slick on Friday.",
                "NASA said the images showed the slick on Friday.",
            ),
        ];
        for (text, shown) in cases {
            assert_eq!(tagged(text)[0].shown(), shown, "{text}");
        }
    }

    #[test]
    fn a_headline_run_into_its_stamp_shows_the_headline() {
        let s = &tagged(
            "Gulf oil spill: BP resumes top kill as engineers pump mud Friday 28 May 2010 10.27 BST \
             This still image from a video shows mud escaping from the pipe.",
        )[0];
        assert!(s.days.is_empty());
        assert_eq!(s.filed, Some(day("2010-05-28")));
        assert_eq!(
            s.shown(),
            "Gulf oil spill: BP resumes top kill as engineers pump mud"
        );
    }

    #[test]
    fn a_date_and_time_in_prose_is_a_reference() {
        let s = &tagged("The rig exploded on April 20, 2010, at 9:45 pm, killing 11 workers.")[0];
        assert_eq!(s.days, vec![day("2010-04-20")]);
        assert_eq!(s.filed, None);
        assert_eq!(s.shown(), s.text);
    }
}
