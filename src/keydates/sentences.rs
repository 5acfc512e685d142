//! Splits articles into sentences and tags each one: which calendar days it
//! names (day votes) and which coarser stretches it names (weak votes), with
//! relative dates resolved against the article's publication date.
//!
//! Paragraphs are tagged whole, so the tagger sees the context it needs, and
//! each expression is then assigned to the sentence it starts in.

use crate::content::Article;
use crate::temporal::{Interval, Modifier, Precision, Tagger};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::borrow::Borrow;

/// One sentence of one article, with the dates it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Index of the article in the slice given to [`split_and_tag`].
    pub article: usize,
    /// Position of the sentence in its article, from 0.
    pub position: usize,
    pub text: String,
    /// The paragraph's HTML anchor in the article page, when it has one.
    pub anchor: Option<String>,
    /// Days the sentence names at day precision, without duplicates.
    pub days: Vec<NaiveDate>,
    /// Coarser stretches (weeks, months) the sentence names; at most 31 days.
    pub spans: Vec<Interval>,
}

/// Every sentence of every article, tagged; in article order.
pub fn split_and_tag<A: Borrow<Article> + Sync>(articles: &[A], tagger: &Tagger) -> Vec<Sentence> {
    let per_article: Vec<Vec<Sentence>> = articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| article_sentences(i, a.borrow(), tagger))
        .collect();
    per_article.into_iter().flatten().collect()
}

fn article_sentences(index: usize, article: &Article, tagger: &Tagger) -> Vec<Sentence> {
    let mut out = Vec::new();
    for p in &article.paragraphs {
        let exprs = tagger.tag(&p.text, article.date);
        for (start, end) in sentence_bounds(&p.text) {
            let text = p.text[start..end].trim();
            if text.is_empty() {
                continue;
            }
            let mut days = Vec::new();
            let mut spans = Vec::new();
            for e in exprs.iter().filter(|e| e.start >= start && e.start < end) {
                let Some(interval) = e.interval else { continue };
                if matches!(
                    e.modifier,
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
                match e.precision {
                    Some(Precision::Day | Precision::Time)
                        if interval.days() == 1 && !days.contains(&interval.first) =>
                    {
                        days.push(interval.first);
                    }
                    Some(Precision::Day | Precision::Time) if interval.days() == 1 => {}
                    _ if interval.days() <= 31 => spans.push(interval),
                    _ => {}
                }
            }
            out.push(Sentence {
                article: index,
                position: out.len(),
                text: text.to_string(),
                anchor: p.anchor.clone(),
                days,
                spans,
            });
        }
    }
    out
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    "mt", "ft", "rev", "pres", "dept", "est", "approx",
];

/// Byte ranges of the sentences of a paragraph: a split after `.`, `!` or `?`
/// (and any closing quotes or brackets) followed by white space and a capital
/// letter, digit or opening quote, unless the word before is a known
/// abbreviation or a single letter (an initial).
pub fn sentence_bounds(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            // Closing curly quotes (U+2019, U+201D) are three bytes each.
            while text[j..].starts_with('\u{201d}') || text[j..].starts_with('\u{2019}') {
                j += 3;
            }
            if j < bytes.len() && bytes[j].is_ascii_whitespace() {
                let mut k = j;
                while k < bytes.len() && bytes[k].is_ascii_whitespace() {
                    k += 1;
                }
                let next = text[k..].chars().next();
                let opens = next.is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '\u{201c}' | '\'')
                });
                if opens && (c != b'.' || !is_abbreviation(&text[start..i])) {
                    out.push((start, j));
                    start = k;
                    i = k;
                    continue;
                }
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_bounds(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_on_sentence_ends_only() {
        assert_eq!(
            split(
                "Mr. Smith went to Washington. He met Dr. Jones on Jan. 5. \"It rained,\" he said."
            ),
            vec![
                "Mr. Smith went to Washington.",
                "He met Dr. Jones on Jan. 5.",
                "\"It rained,\" he said."
            ]
        );
        assert_eq!(
            split("The U.S. Senate voted. J. Doe agreed!"),
            vec!["The U.S. Senate voted.", "J. Doe agreed!"]
        );
        assert_eq!(
            split("Prices fell 2.5 percent. Then rose."),
            vec!["Prices fell 2.5 percent.", "Then rose."]
        );
    }
}
