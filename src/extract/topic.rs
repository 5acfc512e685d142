//! Which articles are on the site's story. A folder of news on one story
//! also holds pages about something else that named it in passing (a
//! markets report that mentions Syria in its last line, a sports result on
//! a live page): their events are true but belong to another timeline.
//!
//! The rule, by counting and no list of names: the story's core words are
//! the names (capitalised words of three letters or more, not opening a
//! sentence, no outlet, month or weekday) found in the title or lead of at
//! least [`CORE_SHARE`] of the articles; an article is on the story when
//! its title or lead names one of them. A site of fewer than
//! [`MIN_ARTICLES`] articles, or whose articles share no such word (an
//! archive of many stories), has every article on its story.
//!
//! A page on the story may still carry others: a live page or a news
//! roundup runs an earthquake in Chile between two paragraphs on Cairo. Its
//! paragraphs are judged one by one: the story's names are the names found
//! anywhere in at least [`STORY_NAME_SHARE`] of the articles (Homs, Hama and
//! Deraa on a Syria site as well as Syria); an article where fewer than
//! [`ROUNDUP_SHARE`] of the paragraphs name one is a roundup, and its
//! paragraphs that name none are off the story.

use crate::content::Article;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The share of articles whose title or lead must name a word for it to be
/// one of the story's core words.
const CORE_SHARE: f64 = 0.25;

/// Below this many articles every article is on the story: too few to tell
/// a story's words from chance.
const MIN_ARTICLES: usize = 20;

/// The share of articles a name must be found in, anywhere in their
/// text, to be one of the story's names.
const STORY_NAME_SHARE: f64 = 0.10;

/// Below this share of paragraphs naming the story an article is a
/// roundup.
const ROUNDUP_SHARE: f64 = 0.5;

/// Paragraphs shorter than this many words (datelines, bylines, captions
/// of one line) do not count towards the share.
const PARAGRAPH_WORDS: usize = 8;

/// What of the site is on its story (see the module's doc comment).
#[derive(Debug, Default)]
pub struct Story<'a> {
    off_articles: HashSet<&'a str>,
    /// Per roundup article, the byte ranges of its text of the paragraphs
    /// that name none of the story's names.
    off_paragraphs: HashMap<&'a str, Vec<Range<usize>>>,
}

impl<'a> Story<'a> {
    /// The story of `articles`.
    pub fn of(articles: &'a [Article]) -> Story<'a> {
        let Some(off_articles) = off_story_of(articles) else {
            return Story::default();
        };
        let per_article: Vec<HashSet<&str>> = articles
            .iter()
            .map(|a| lead_names(&a.text, false))
            .collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        for set in &per_article {
            for w in set {
                *df.entry(w).or_insert(0) += 1;
            }
        }
        let needed = ((articles.len() as f64 * STORY_NAME_SHARE).ceil() as usize).max(2);
        let names: HashSet<&str> = df
            .into_iter()
            .filter(|&(_, n)| n >= needed)
            .map(|(w, _)| w)
            .collect();
        let mut off_paragraphs = HashMap::new();
        for a in articles {
            if off_articles.contains(a.path.as_str()) {
                continue;
            }
            let judged: Vec<(Range<usize>, bool)> = a
                .paragraphs
                .iter()
                .filter(|p| p.text.split_whitespace().count() >= PARAGRAPH_WORDS)
                .map(|p| {
                    let on = lead_names(&p.text, true).iter().any(|w| names.contains(w));
                    (p.offset..p.offset + p.text.len(), on)
                })
                .collect();
            let on = judged.iter().filter(|(_, on)| *on).count();
            if judged.is_empty() || on as f64 >= judged.len() as f64 * ROUNDUP_SHARE {
                continue;
            }
            off_paragraphs.insert(
                a.path.as_str(),
                judged
                    .into_iter()
                    .filter(|(_, on)| !on)
                    .map(|(r, _)| r)
                    .collect(),
            );
        }
        Story {
            off_articles,
            off_paragraphs,
        }
    }

    /// Whether the text at byte `at` of the article at `path` (its whole
    /// when `at` is None) is on the story.
    pub fn covers(&self, path: &str, at: Option<usize>) -> bool {
        if self.off_articles.contains(path) {
            return false;
        }
        match (self.off_paragraphs.get(path), at) {
            (Some(ranges), Some(at)) => !ranges.iter().any(|r| r.contains(&at)),
            _ => true,
        }
    }

    /// Whether every article and paragraph is on the story.
    pub fn covers_all(&self) -> bool {
        self.off_articles.is_empty() && self.off_paragraphs.is_empty()
    }
}

/// How much of an article's start is its lead, in bytes of its text.
const LEAD_BYTES: usize = 1200;

/// The paths of the articles that are off the site's story (see the
/// module's doc comment).
pub fn off_story(articles: &[Article]) -> HashSet<&str> {
    off_story_of(articles).unwrap_or_default()
}

/// [`off_story`], or None when the site has no story to be off: too few
/// articles, or no core word.
fn off_story_of(articles: &[Article]) -> Option<HashSet<&str>> {
    if articles.len() < MIN_ARTICLES {
        return None;
    }
    let outlets: HashSet<String> = articles
        .iter()
        .filter_map(|a| a.source.as_deref())
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let names: Vec<HashSet<&str>> = articles
        .iter()
        .map(|a| {
            let mut found = lead_names(&a.title, true);
            found.extend(lead_names(lead(&a.text), false));
            found.retain(|w| !outlets.contains(&w.to_lowercase()));
            found
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for set in &names {
        for w in set {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    let needed = (articles.len() as f64 * CORE_SHARE).ceil() as usize;
    let core: HashSet<&str> = df
        .into_iter()
        .filter(|&(_, n)| n >= needed)
        .map(|(w, _)| w)
        .collect();
    if core.is_empty() {
        return None;
    }
    Some(
        articles
            .iter()
            .zip(&names)
            .filter(|(_, found)| found.is_disjoint(&core))
            .map(|(a, _)| a.path.as_str())
            .collect(),
    )
}

/// The first [`LEAD_BYTES`] of `text`, cut at a character boundary.
fn lead(text: &str) -> &str {
    let mut end = text.len().min(LEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The names in `text`: capitalised words of three letters or more that
/// do not open a sentence (a title's words all count, as titles capitalise
/// freely only when `title` is false), months and weekdays aside.
fn lead_names(text: &str, title: bool) -> HashSet<&str> {
    let mut out = HashSet::new();
    let mut opens_sentence = true;
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() || c == '-' {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let w = &text[s..i];
            let capitalised = w.starts_with(char::is_uppercase)
                && w.chars().nth(1).is_some_and(char::is_lowercase);
            if capitalised
                && w.chars().count() >= 3
                && (title || !opens_sentence)
                && !crate::temporal::token::is_calendar_name(w, super::lexicon::current())
            {
                out.insert(w);
            }
            opens_sentence = false;
        }
        if matches!(c, '.' | '!' | '?' | '“' | '"' | '\n' | ':') {
            opens_sentence = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(path: &str, title: &str, text: &str) -> Article {
        Article {
            path: path.into(),
            title: title.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// A site of `on` articles about Syria and `off` about markets that
    /// name Syria only past their lead.
    fn site(on: usize, off: usize) -> Vec<Article> {
        let mut out = Vec::new();
        for i in 0..on {
            out.push(article(
                &format!("on-{i}.md"),
                "Clashes go on",
                "Troops shelled towns in Syria on Monday, activists said.",
            ));
        }
        let far = format!(
            "Shares fell in Tokyo as traders sold banks. {} Oil rose on worries about Syria.",
            "Volumes were thin. ".repeat(80)
        );
        for i in 0..off {
            out.push(article(&format!("off-{i}.md"), "Stocks slip", &far));
        }
        out
    }

    #[test]
    fn an_article_that_names_the_story_only_past_its_lead_is_off_it() {
        let articles = site(30, 5);
        let off = off_story(&articles);
        assert_eq!(off.len(), 5);
        assert!(off.iter().all(|p| p.starts_with("off-")));
    }

    #[test]
    fn a_roundups_paragraphs_on_other_stories_are_off_it() {
        let mut articles = site(30, 5);
        let roundup = "Troops shelled Homs in Syria again, activists said on Monday.\n\n\
                       A strong earthquake struck off the coast of Chile, the survey said.\n\n\
                       A singer left a treatment centre in Los Angeles after three months.\n\n\
                       Floods in Brazil killed hundreds of people in the state of Rio.";
        let mut a = crate::content::parse_article(
            format!("---\ntitle: Roundup\ndate: 2025-02-09\n---\n{roundup}\n").as_bytes(),
            std::path::Path::new("content/roundup.md"),
            chrono_tz::Tz::UTC,
        )
        .unwrap();
        a.path = "roundup.md".into();
        articles.push(a);
        let story = Story::of(&articles);
        let text = &articles.last().unwrap().text;
        let at = |s: &str| Some(text.find(s).unwrap());
        assert!(story.covers("roundup.md", at("Troops shelled")));
        assert!(!story.covers("roundup.md", at("A strong earthquake")));
        assert!(!story.covers("roundup.md", at("Floods in Brazil")));
        assert!(story.covers("on-1.md", Some(0)));
        assert!(!story.covers("off-1.md", None));
    }

    #[test]
    fn a_small_site_keeps_every_article() {
        assert!(off_story(&site(10, 5)).is_empty());
    }

    #[test]
    fn sentence_openers_months_and_weekdays_are_no_names() {
        let names = lead_names("The army said on Monday. In March, Assad spoke.", false);
        assert_eq!(names, HashSet::from(["Assad"]));
    }
}
