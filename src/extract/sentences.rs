//! Splits an article's plain text into sentences, keeping byte offsets into
//! `article.text`. A sentence never crosses a block (paragraph, heading,
//! caption), so headings and captions without a final stop are sentences of
//! their own. Abbreviations (U.S., Jan., Mr., Sen., a.m.) end a sentence only
//! when the next word plainly starts one, and a quotation that runs over
//! several sentences stays inside the sentence that opened it.
//!
//! This file only finds boundaries; it knows nothing of dates or actors.

use super::lexicon;
use crate::content::Article;
use std::ops::Range;

/// One sentence of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// Byte range in `article.text`.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Index of its block in `article.paragraphs`.
    pub paragraph: usize,
}

/// A quotation left open longer than this many bytes is taken to be a stray
/// quote mark, so sentence ends inside it count again.
const MAX_OPEN_QUOTE: usize = 600;

/// Every sentence of the article, block by block, in reading order.
pub fn article_sentences(article: &Article) -> Vec<Sentence<'_>> {
    let mut out = Vec::with_capacity(article.paragraphs.len() * 3);
    for (i, p) in article.paragraphs.iter().enumerate() {
        let base = p.offset;
        let block = &article.text[base..base + p.text.len()];
        for r in split(block) {
            out.push(Sentence {
                start: base + r.start,
                end: base + r.end,
                text: &block[r],
                paragraph: i,
            });
        }
    }
    out
}

/// The sentences of one block of text, as trimmed byte ranges.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quote_open: Option<usize> = None;
    let mut prev: char = ' ';
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '“' => quote_open = Some(i),
            '”' => quote_open = None,
            '"' => {
                if quote_open.is_some() && !opens_quote(prev) {
                    quote_open = None;
                } else {
                    quote_open = Some(i);
                }
            }
            _ => {}
        }
        if quote_open.is_some_and(|q| i - q > MAX_OPEN_QUOTE) {
            quote_open = None;
        }
        prev = c;
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Take the whole run of stops and closing marks: `?"`, `...`, `.)`.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            match d {
                '.' | '!' | '?' | '…' | ')' | ']' | '’' | '\'' => {}
                '”' => quote_open = None,
                '"' => {
                    if quote_open.is_some() {
                        quote_open = None;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
            end = j + d.len_utf8();
            prev = d;
            iter.next();
        }
        if quote_open.is_some() {
            continue;
        }
        let rest = &text[end..];
        let after = rest.trim_start();
        if after.len() == rest.len() || after.is_empty() {
            // No space after the stop ("U.S.-led", "3.5"), or the block's end.
            continue;
        }
        if !ends_sentence(&text[..i], c, after) {
            continue;
        }
        push_trimmed(&mut out, text, start, end);
        start = text.len() - after.len();
    }
    push_trimmed(&mut out, text, start, text.len());
    out.into_iter().flat_map(|r| split_glued(text, r)).collect()
}

/// `range` split where scraped text ran a heading, a caption or a pull quote
/// into the sentence after it without a stop: a word that only opens a
/// sentence ("He", "According") with a capital, after a word in lower case or a
/// closing quote and before a lower-case word, outside any quotation:
/// "... a worst-case scenario | He added that ...", "... so fast’ |
/// According to ...". ("Yes We Can" and "his This Is It tour" are titles.)
fn split_glued(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let s = &text[range.clone()];
    let mut open_quotes = 0i32;
    let mut prev_end_char = ' ';
    let mut prev_lower = false;
    let mut at = 0;
    for word in s.split(' ') {
        let word_at = range.start + at;
        at += word.len() + 1;
        let glued = word_at > start
            && lexicon::words().glued_starters.contains(&word)
            && open_quotes <= 0
            && ((prev_lower && prev_end_char.is_lowercase()) || matches!(prev_end_char, '’' | '”'))
            && s[at.min(s.len())..]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        if glued {
            out.push(start..word_at - 1);
            start = word_at;
        }
        open_quotes += word.matches('“').count() as i32 - word.matches('”').count() as i32;
        if let Some(c) = word.chars().next_back() {
            prev_end_char = c;
            prev_lower = word.starts_with(char::is_lowercase);
        }
    }
    out.push(start..range.end);
    out
}

fn opens_quote(prev: char) -> bool {
    prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–' | '-' | '/')
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(start + lead..end - trail);
    }
}

/// Whether the stop `stop` after `before` ends a sentence, given the text
/// that follows it.
fn ends_sentence(before: &str, stop: char, after: &str) -> bool {
    let Some(next) = after.chars().next() else {
        return true;
    };
    let next_starts = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '“' | '"' | '‘' | '\'' | '—');
    if !next_starts {
        return false;
    }
    if stop != '.' {
        return true;
    }
    // The word the period ends, dots included: `U.S`, `Jan`, `a.m`.
    let word_start = before
        .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '.'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    let next_word: &str = after
        .trim_start_matches(['“', '"', '‘', '\''])
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("");
    if lexicon::words()
        .abbreviated_titles
        .contains(&lower.as_str())
    {
        return false;
    }
    if crate::temporal::token::is_month_abbreviation(word, lexicon::current()) {
        return !next.is_ascii_digit() && lexicon::words().sentence_starters.contains(&next_word);
    }
    let initial = word.len() == 1 && word.chars().all(|ch| ch.is_ascii_uppercase());
    if initial
        || word.contains('.')
        || lexicon::words()
            .other_abbreviations
            .contains(&lower.as_str())
    {
        return lexicon::words().sentence_starters.contains(&next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_after_us_abbreviation_only_at_sentence_end() {
        let cases: &[(&str, &[&str])] = &[
            (
                "He met U.S. officials. They agreed.",
                &["He met U.S. officials.", "They agreed."],
            ),
            (
                "The deal favours the U.S. The talks ended.",
                &["The deal favours the U.S.", "The talks ended."],
            ),
            (
                "Talks with the U.S. Senate stalled. Nobody spoke.",
                &["Talks with the U.S. Senate stalled.", "Nobody spoke."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text}");
        }
    }

    #[test]
    fn titles_and_month_abbreviations_do_not_end_sentences() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Sen. Ada Moss spoke on Jan. 5 in Dover. Mr. Lee left.",
                &["Sen. Ada Moss spoke on Jan. 5 in Dover.", "Mr. Lee left."],
            ),
            (
                "The vote is set for Sept. 3. The board agreed.",
                &["The vote is set for Sept. 3.", "The board agreed."],
            ),
            (
                "It opened at 9 a.m. Tuesday and closed at 5 p.m. The crowd left.",
                &[
                    "It opened at 9 a.m. Tuesday and closed at 5 p.m.",
                    "The crowd left.",
                ],
            ),
            (
                "Author J. K. Rowling wrote it. Dr. Who did not.",
                &["Author J. K. Rowling wrote it.", "Dr. Who did not."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text}");
        }
    }

    #[test]
    fn a_quotation_over_several_sentences_stays_one_sentence() {
        let text = "Peskov said when asked. “I may not know something. Therefore, I can neither confirm nor deny it.” He left.";
        assert_eq!(
            sentences(text),
            [
                "Peskov said when asked.",
                "“I may not know something. Therefore, I can neither confirm nor deny it.”",
                "He left."
            ]
        );
        let straight = "\"We will strive. It suits us,\" Putin said. He left.";
        assert_eq!(
            sentences(straight),
            ["\"We will strive. It suits us,\" Putin said.", "He left."]
        );
    }

    #[test]
    fn a_stop_inside_closing_quote_ends_the_sentence() {
        let text = "He called him “illegitimate.” Putin's remarks came later.";
        assert_eq!(
            sentences(text),
            [
                "He called him “illegitimate.”",
                "Putin's remarks came later."
            ]
        );
    }

    #[test]
    fn lowercase_after_a_stop_continues_the_sentence() {
        assert_eq!(
            sentences("“Stop?” he asked. Yes."),
            ["“Stop?” he asked.", "Yes."]
        );
    }

    #[test]
    fn a_heading_run_into_its_text_is_split_where_a_sentence_plainly_starts() {
        for (text, want) in [
            (
                "Plans for a worst-case scenario He added that he had ordered a review.",
                &[
                    "Plans for a worst-case scenario",
                    "He added that he had ordered a review.",
                ][..],
            ),
            (
                "Egyptian protests got ‘so big so fast’ According to web services, servers were down.",
                &[
                    "Egyptian protests got ‘so big so fast’",
                    "According to web services, servers were down.",
                ],
            ),
            // A title, a quotation and a sentence that opens with the word
            // stay whole.
            (
                "Obama ran on the mantra Yes We Can in 2008.",
                &["Obama ran on the mantra Yes We Can in 2008."],
            ),
            (
                "Jackson died while rehearsing for his This Is It tour.",
                &["Jackson died while rehearsing for his This Is It tour."],
            ),
            (
                "He said “the well is dead and we know it We will stay” on Sunday.",
                &["He said “the well is dead and we know it We will stay” on Sunday."],
            ),
        ] {
            assert_eq!(sentences(text), want, "{text}");
        }
    }

    #[test]
    fn a_caption_credit_stays_with_its_sentence() {
        let text = "Donald Trump watches fireworks on January 18, 2025. (AP)";
        assert_eq!(sentences(text), [text]);
    }

    #[test]
    fn a_headline_without_a_stop_is_one_sentence() {
        assert_eq!(
            sentences("Putin rules out talks with Zelensky"),
            ["Putin rules out talks with Zelensky"]
        );
    }

    #[test]
    fn sentence_offsets_point_into_the_article_text() {
        let a = crate::content::parse_article(
            b"---\ntitle: T\ndate: 2025-02-09\ncaption: A photo\n---\nOne. Two.\n\nThree.\n",
            std::path::Path::new("content/a.md"),
            chrono_tz::Tz::UTC,
        )
        .unwrap();
        let s = article_sentences(&a);
        let texts: Vec<_> = s.iter().map(|s| s.text).collect();
        assert_eq!(texts, ["A photo", "One.", "Two.", "Three."]);
        for s in &s {
            assert_eq!(&a.text[s.start..s.end], s.text);
        }
        assert_eq!(s[3].paragraph, 2);
    }
}
