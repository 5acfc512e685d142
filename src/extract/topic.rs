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
//! roundup runs an earthquake in Chile between two paragraphs on Cairo.
//! The story's names are the names found anywhere in at least
//! [`STORY_NAME_SHARE`] of the articles that are core words or keep
//! company with them (in at least [`NAME_COMPANY`] of the paragraphs naming
//! them a core word is named too: Homs, Hama and Deraa on a Syria site, not
//! "Washington" or "City", which every roundup names), and the acronyms
//! found in [`CORE_SHARE`] of the articles ("BP"). Its terms are the common
//! words, stop words aside, found in the title or lead of [`TERM_SHARE`] of
//! the articles ("oil", "spill", "flu"). A title or paragraph naming a
//! story name or term names the story. A page whose title does not, and
//! where fewer than [`ROUNDUP_SHARE`] of the paragraphs do, is a roundup,
//! and its other paragraphs are off the story.

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

/// The share of articles whose title or lead must use a common word for
/// it to be one of the story's core terms: higher than [`CORE_SHARE`], as
/// common words are shared by more stories than names are.
const TERM_SHARE: f64 = 0.4;

/// The share of the paragraphs naming a name that must name a core word too
/// for it to be one of the story's names.
const NAME_COMPANY: f64 = 0.5;

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
        let Some(Core {
            off_articles,
            names: core,
            outlets,
        }) = core_of(articles)
        else {
            return Story::default();
        };
        let terms = core_terms(articles, &outlets);
        // "The" opening a title, "President": words of every story.
        let core: HashSet<&str> = core.into_iter().filter(|w| !common_word(w)).collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        // Per name, the paragraphs naming it, and of those the ones that
        // name a core word too.
        let mut company: HashMap<&str, (usize, usize)> = HashMap::new();
        for a in articles {
            for w in names_in(&a.text, false, &outlets) {
                *df.entry(w).or_insert(0) += 1;
            }
            for p in long_paragraphs(a) {
                let found = names_in(&p.text, true, &outlets);
                let with_core = !found.is_disjoint(&core);
                for w in found {
                    let c = company.entry(w).or_insert((0, 0));
                    c.0 += 1;
                    c.1 += usize::from(with_core);
                }
            }
        }
        // An acronym found in a quarter of the articles is one of the
        // story's names however it keeps company ("BP" on an oil spill
        // site, in paragraphs that do not name the Gulf). Capitalised names
        // are not taken so: a site's navigation repeats "Chicago" on every
        // page.
        let frequent_acronym = |w: &&str| {
            w.chars().all(|c| c.is_ascii_uppercase())
                && df
                    .get(w)
                    .is_some_and(|&n| n as f64 >= articles.len() as f64 * CORE_SHARE)
        };
        let acronyms: Vec<&str> = df.keys().copied().filter(frequent_acronym).collect();
        let needed = ((articles.len() as f64 * STORY_NAME_SHARE).ceil() as usize).max(2);
        let names: HashSet<&str> = df
            .into_iter()
            .filter(|&(w, n)| {
                n >= needed
                    && !common_word(w)
                    && (core.contains(w)
                        || company
                            .get(w)
                            .is_some_and(|&(all, with)| with as f64 >= all as f64 * NAME_COMPANY))
            })
            .map(|(w, _)| w)
            .chain(acronyms)
            .collect();
        // Whether a title or paragraph names a story name or term.
        let names_story = |text: &str| {
            names_in(text, true, &outlets)
                .iter()
                .any(|w| names.contains(w))
                || common_words(text, &outlets).any(|w| terms.contains(&w))
        };
        let mut off_paragraphs = HashMap::new();
        for a in articles {
            // A page whose title names the story is about it, whatever
            // else its paragraphs tell.
            if off_articles.contains(a.path.as_str()) || names_story(&a.title) {
                continue;
            }
            let judged: Vec<(Range<usize>, bool)> = long_paragraphs(a)
                .map(|p| (p.offset..p.offset + p.text.len(), names_story(&p.text)))
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
    core_of(articles)
        .map(|c| c.off_articles)
        .unwrap_or_default()
}

/// A site's story as its titles and leads tell it.
struct Core<'a> {
    /// The articles whose title and lead name no core word.
    off_articles: HashSet<&'a str>,
    /// The core words.
    names: HashSet<&'a str>,
    /// The words of the outlets' names, lower-cased: no name of a story.
    outlets: HashSet<String>,
}

/// The site's [`Core`], or None when the site has no story to be off: too
/// few articles, or no core word.
fn core_of(articles: &[Article]) -> Option<Core<'_>> {
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
            // Acronyms aside: "US" and "UN" in a lead would put a page on
            // every story.
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
    let off_articles = articles
        .iter()
        .zip(&names)
        .filter(|(_, found)| found.is_disjoint(&core))
        .map(|(a, _)| a.path.as_str())
        .collect();
    Some(Core {
        off_articles,
        names: core,
        outlets,
    })
}

/// The story's core terms: the common words (see [`common_words`]) in the
/// title or lead of at least [`TERM_SHARE`] of the articles.
fn core_terms(articles: &[Article], outlets: &HashSet<String>) -> HashSet<String> {
    let mut df: HashMap<String, usize> = HashMap::new();
    for a in articles {
        let found: HashSet<String> = common_words(&a.title, outlets)
            .chain(common_words(lead(&a.text), outlets))
            .collect();
        for w in found {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    let needed = (articles.len() as f64 * TERM_SHARE).ceil() as usize;
    df.into_iter()
        .filter(|&(_, n)| n >= needed)
        .map(|(w, _)| w)
        .collect()
}

/// The words of `text` of three letters or more, lower-cased, that are no
/// stop word, month, weekday or outlet's name: "oil", "spill", "protester".
fn common_words<'t>(
    text: &'t str,
    outlets: &'t HashSet<String>,
) -> impl Iterator<Item = String> + 't {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3 && w.chars().skip(1).all(char::is_lowercase))
        .map(str::to_lowercase)
        .filter(|w| !outlets.contains(w))
        .map(|w| {
            // One form for a noun's singular and plural: "bank", "banks".
            match w.strip_suffix('s') {
                Some(stem) if !stem.ends_with('s') && stem.len() >= 3 => stem.to_string(),
                _ => w,
            }
        })
        .filter(|w| !common_word(w))
}

/// Whether `word` (in any case) is a stop word, one of the words common to
/// all news (see [`Words::topic_common_words`](super::lexicon::Words)), a
/// month or a weekday: a word of every story, so of none.
fn common_word(word: &str) -> bool {
    let l = super::lexicon::words();
    let lower = word.to_lowercase();
    l.summary_stop_words.contains(&lower.as_str())
        || l.topic_common_words.contains(&lower.as_str())
        || crate::temporal::token::is_calendar_name(word, super::lexicon::current())
}

/// The paragraphs of `a` long enough to be judged.
fn long_paragraphs(a: &Article) -> impl Iterator<Item = &crate::content::markdown::Paragraph> {
    a.paragraphs
        .iter()
        .filter(|p| p.text.split_whitespace().count() >= PARAGRAPH_WORDS)
}

/// The names of `text` (see [`lead_names`]) and its acronyms ("BP", "UN"),
/// less the outlets' names and the wire dateline or filing stamp in front
/// ("LONDON | Tue Oct 4, 2011 6:30 pm BST (Reuters) - "), whose city and
/// time zone name no story.
fn names_in<'t>(text: &'t str, title: bool, outlets: &HashSet<String>) -> HashSet<&'t str> {
    // Stamps carry an agency's bracket or a bar: most text has neither,
    // and is spared the stamps' patterns.
    let head = &text.as_bytes()[..text.len().min(200)];
    let cut = if head.contains(&b'(') || head.contains(&b'|') {
        super::furniture::lead_start(text)
    } else {
        0
    };
    let text = &text[cut..];
    let mut found = lead_names(text, title);
    found.extend(
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())),
    );
    found.retain(|w| !outlets.contains(&w.to_lowercase()));
    found
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
        articles.push(parsed("roundup.md", "Roundup", roundup));
        let covers = last_covers(&articles);
        assert!(covers("Troops shelled"));
        assert!(!covers("A strong earthquake"));
        assert!(!covers("Floods in Brazil"));
        let story = Story::of(&articles);
        assert!(story.covers("on-1.md", Some(0)));
        assert!(!story.covers("off-1.md", None));
    }

    /// Whether the story of `articles` covers the text of the last article
    /// where the phrase given starts.
    fn last_covers(articles: &[Article]) -> impl Fn(&str) -> bool + '_ {
        let story = Story::of(articles);
        let last = articles.last().expect("an article");
        move |phrase| {
            let at = last.text.find(phrase).expect("the phrase in the article");
            story.covers(&last.path, Some(at))
        }
    }

    /// A site of oil-spill reports, and `extra` on top.
    fn spill_site(extra: Vec<Article>) -> Vec<Article> {
        let mut articles: Vec<Article> = (0..30)
            .map(|i| {
                parsed(
                    &format!("spill-{i}.md"),
                    "Oil spill spreads",
                    "The oil spill reached the Gulf coast of Mexico on Monday, BP said.",
                )
            })
            .collect();
        articles.extend(extra);
        articles
    }

    fn parsed(path: &str, title: &str, body: &str) -> Article {
        let mut a = crate::content::parse_article(
            format!("---\ntitle: {title}\ndate: 2025-02-09\n---\n{body}\n").as_bytes(),
            std::path::Path::new("content/x.md"),
            chrono_tz::Tz::UTC,
        )
        .unwrap();
        a.path = path.into();
        a
    }

    #[test]
    fn a_paragraph_using_the_storys_common_words_is_on_it() {
        // "spill" and "oil" are words of the story though no name; the
        // snow storm names nothing of it.
        let roundup = parsed(
            "roundup.md",
            "News in brief",
            "The Coast Guard says the spill keeps growing, Gulf officials said.\n\n\
             Crews laid booms as the oil slick crept towards the marshes overnight.\n\n\
             Snow fell over Colorado and Kansas as another winter storm moved east.\n\n\
             A jury in Chicago found two men guilty of the murder of a teenager.\n\n\
             The Cavaliers lost their twenty-sixth game in a row on Wednesday night.",
        );
        let articles = spill_site(vec![roundup]);
        let covers = last_covers(&articles);
        assert!(covers("Crews laid booms"));
        assert!(!covers("Snow fell"));
        assert!(!covers("The Cavaliers"));
    }

    #[test]
    fn a_page_whose_title_names_the_story_keeps_every_paragraph() {
        // A live page on the story: its entries need not repeat its name.
        let live = parsed(
            "live.md",
            "BP boss faces Congress as it happened",
            "Hayward told the committee he was deeply sorry for the spill in the Gulf.\n\n\
             Waxman read out emails from engineers who had warned of the danger.\n\n\
             Stupak asked why the company had chosen the cheaper well design.\n\n\
             Barton apologised to Hayward for what he called a shakedown by the White House.",
        );
        let articles = spill_site(vec![live]);
        assert!(last_covers(&articles)("Stupak"));
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
