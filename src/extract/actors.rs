//! Finds the people, organisations and countries an article names, with the
//! roles its own appositions give them ("US President Donald Trump",
//! "Kremlin spokesperson Dmitry Peskov", "the TASS state news agency"), and
//! resolves later mentions within the article to the same actor: surnames
//! ("Trump", "Putin's"), pronouns ("he") and descriptions ("the Russian
//! leader"). No NER model: capitalised word runs, small closed word lists and
//! the article's own context.
//!
//! Names are normalised (full name as first given, no leading "the") so the
//! same actor has the same name in every article.

use super::lexicon::{self, PerLanguage};
use super::sentences::Sentence;
use crate::slug::slugify;
use crate::temporal::token::{CalendarWord, written_calendar_word};
use crate::timeline::{Actor, ActorKind};
use regex::Regex;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// The full name, perhaps with its role: "Russian President Vladimir Putin".
    Name,
    /// A shorter form of a known name: "Putin", "Putin's".
    Surname,
    /// "he", "she".
    Pronoun,
    /// "the Russian leader".
    Description,
}

/// Where an article's text names an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the article text.
    pub start: usize,
    pub end: usize,
    /// Index into [`ArticleActors::actors`].
    pub actor: usize,
    pub kind: MentionKind,
}

/// The actors of one article and every mention of them, in text order.
#[derive(Debug, Clone, Default)]
pub struct ArticleActors {
    pub actors: Vec<Actor>,
    pub mentions: Vec<Mention>,
    /// Weaker mentions, kept apart from [`ArticleActors::mentions`]: lone
    /// first names of people named in full before them ("Steve" after
    /// "Steve Jobs"). Only the secondary events read them (see
    /// [`ArticleActors::with_secondary_mentions`]).
    pub secondary_mentions: Vec<Mention>,
    /// Mentions of bodies by a lone word ("Airbus won the order"), by what
    /// they are ("the company", "the European planemaker") or by "it",
    /// kept apart from [`ArticleActors::mentions`]: they make the body one
    /// of its sentence's actors (see [`ArticleActors::bodies_in_range`]),
    /// but never the clause's subject, as a full name or a person is. A
    /// lone capitalised word is weaker evidence than a name, and a body is
    /// often the grammatical subject of what its people did ("Apple
    /// released Jobs's letter"): who did it stays the named person.
    pub body_mentions: Vec<Mention>,
}

impl ArticleActors {
    /// The mentions that start inside `start..end`.
    pub fn in_range(&self, start: usize, end: usize) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.start < start);
        let b = self.mentions.partition_point(|m| m.start < end);
        &self.mentions[a..b]
    }

    /// The body mentions (see [`ArticleActors::body_mentions`]) that start
    /// inside `start..end`.
    pub fn bodies_in_range(&self, start: usize, end: usize) -> &[Mention] {
        let a = self.body_mentions.partition_point(|m| m.start < start);
        let b = self.body_mentions.partition_point(|m| m.start < end);
        &self.body_mentions[a..b]
    }

    /// These actors with their secondary mentions among the others. The
    /// timeline's events do without them: their actors decide which
    /// reports merge, and the key-dates ranking was fitted on those merges.
    pub fn with_secondary_mentions(&self) -> ArticleActors {
        let mut out = self.clone();
        out.mentions.extend(self.secondary_mentions.iter().copied());
        out.mentions.sort_by_key(|m| m.start);
        out
    }

    /// The name a headline uses: a person's surname, an organisation's or
    /// country's name.
    pub fn short_name(&self, actor: usize) -> &str {
        let a = &self.actors[actor];
        match a.kind {
            ActorKind::Person if reads_as_personal_name(&a.name) => {
                a.name.rsplit(' ').next().unwrap_or(&a.name)
            }
            _ => &a.name,
        }
    }

    /// Interns the actor `name` and records its name mentioned at `at`.
    fn name_mention(
        &mut self,
        name: &str,
        kind: ActorKind,
        role: Option<String>,
        at: Range<usize>,
    ) {
        let actor = self.intern(name, kind, role);
        self.mentions.push(Mention {
            start: at.start,
            end: at.end,
            actor,
            kind: MentionKind::Name,
        });
    }

    fn intern(&mut self, name: &str, kind: ActorKind, role: Option<String>) -> usize {
        let idx = match self.actors.iter().position(|a| a.name == name) {
            Some(i) => i,
            None => {
                self.actors.push(Actor {
                    name: name.to_string(),
                    slug: slugify(name),
                    roles: Vec::new(),
                    kind,
                });
                self.actors.len() - 1
            }
        };
        if let Some(r) = role
            && !self.actors[idx].roles.contains(&r)
        {
            self.actors[idx].roles.push(r);
        }
        idx
    }
}

/// One word of the text: alphanumerics with inner apostrophes, hyphens and
/// dots ("U.S.", "Putin's").
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    /// The word without a possessive `'s` or a sentence-final dot.
    bare: &'a str,
}

/// The spans of `text`'s words: a letter or digit, then letters, digits,
/// apostrophes, dots and hyphens. Scanned by hand: a regex over every
/// article's whole text, three times per article, was a fourteenth of a
/// build's extraction.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let starts = |c: char| c.is_alphanumeric();
    let goes_on = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '-');
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.by_ref().find(|&(_, c)| starts(c))?;
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if !goes_on(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

fn words(text: &str) -> Vec<Word<'_>> {
    word_spans(text)
        .map(|(start, end)| {
            let mut s = &text[start..end];
            let mut end = end;
            while let Some(t) = s.strip_suffix(['-', '\'', '’']) {
                end -= s.len() - t.len();
                s = t;
            }
            let mut bare = s;
            if let Some(t) = (lexicon::words().possessor)(bare) {
                bare = t;
            }
            if bare.ends_with('.') && !keeps_dot(bare) {
                let t = &bare[..bare.len() - 1];
                if bare.len() == s.len() {
                    end -= 1;
                }
                bare = t;
            }
            Word { start, end, bare }
        })
        .collect()
}

/// A dotted abbreviation keeps its final dot: "U.S.", "Sen.".
fn keeps_dot(w: &str) -> bool {
    let inner = &w[..w.len() - 1];
    inner.contains('.') || lexicon::words().person_titles.contains(&w)
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) || camel_case(w)
}

/// A name written with a lower-case first letter and a capital second:
/// "iPod", "eBay", "iTunes". English writes no common word that way, so it
/// is a name (of a product or a brand) wherever it stands.
fn camel_case(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_lowercase)
        && c.next().is_some_and(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
}

/// A model number after a name: one to three digits, perhaps followed by
/// capitals ("4" in "iPhone 4", "787", "3GS"); not a year, a day or an amount.
fn model_number(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && w[digits..].chars().all(|c| c.is_ascii_uppercase())
}

/// A last word that makes a capitalised run an organisation ("Ministry",
/// "Pentagon"), company forms apart.
fn org_head(w: &str) -> bool {
    lexicon::words().org_heads.contains(&w) || lexicon::words().generic_org_heads.contains(&w)
}

/// Whether `w` names a kind of body, as a body's name ends: an
/// organisation's head noun or a last word no surname has ("Observatory",
/// "League").
fn kind_of_body(w: &str) -> bool {
    org_head(w) || lexicon::words().body_name_ends.contains(&w)
}

/// A stop word, a pronoun with a contraction ("I’m", "It's"), or a
/// compound adjective of place ("Geneva-based WHO").
pub(crate) fn is_stop_word(w: &str) -> bool {
    lexicon::words().name_stop_words.contains(&w)
        || matches!(
            written_calendar_word(w, lexicon::current()),
            Some(CalendarWord::Month | CalendarWord::Weekday)
        )
        || lexicon::words()
            .place_adjective_endings
            .iter()
            .any(|e| w.ends_with(e))
        || w.split_once(['\'', '’']).is_some_and(|(stem, rest)| {
            lexicon::words().contracted_pronouns.contains(&stem)
                && lexicon::words().contractions.contains(&rest)
        })
}

fn not_name(w: &str) -> bool {
    is_stop_word(w) || lexicon::words().place_words.contains(&w)
}

/// Whether `actor` is a news medium: the article's own outlet (or one of
/// its services, "BBC Arabic"), a wire service, or an organisation whose
/// name or role says it publishes news. Media report events; they are not
/// their actors.
pub fn is_news_medium(actor: &Actor, outlet: Option<&str>) -> bool {
    let lower = actor.name.to_lowercase();
    // "Xinhua said": a lone name before a verb of saying reads as a person.
    if actor.kind == ActorKind::Person {
        return lexicon::words().news_media.contains(&lower.as_str())
            || outlet.is_some_and(|o| o.eq_ignore_ascii_case(&actor.name));
    }
    let first = lower.split_whitespace().next().unwrap_or("");
    let is_outlet = |o: &str| {
        let o = o.to_lowercase();
        !o.is_empty() && (lower == o || first == o)
    };
    lexicon::words().news_media.iter().any(|m| is_outlet(m))
        || outlet.is_some_and(is_outlet)
        || (actor.kind == ActorKind::Organisation
            && (actor
                .name
                .rsplit(' ')
                .next()
                .is_some_and(|w| lexicon::words().media_heads.contains(&w))
                || actor
                    .roles
                    .iter()
                    .any(|r| lexicon::words().media_roles.iter().any(|m| r.ends_with(m)))))
}

/// Whether a name taken for a person's reads like one, so that its last
/// word is the surname a headline may shorten it to: every word
/// capitalised (a "de" or "al-" aside), and the last no word that closes
/// the name of a body or a place ("United Nations", "Ivory Coast", "Syrian
/// Observatory for Human Rights" keep their whole names).
fn reads_as_personal_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let last = words.last().copied().unwrap_or("");
    words.len() > 1
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || name_particle(w))
        && !org_head(last)
        && !lexicon::words().company_heads.contains(&last)
        && !lexicon::words().place_words.contains(&last)
        && !lexicon::words().venue_heads.contains(&last)
        && !lexicon::words().not_surnames.contains(&last)
        && !lexicon::words().body_name_ends.contains(&last)
}

/// A lower-case word inside a personal name: "de", "bin", "al-Assad".
pub(super) fn name_particle(w: &str) -> bool {
    lexicon::words().name_particles.contains(&w)
        || lexicon::words()
            .name_particle_prefixes
            .iter()
            .any(|p| w.starts_with(p))
}

/// Which of the article's actors are its reporters, not actors of what it
/// reports: a person named after a news medium's possessive ("the BBC's
/// Jim Muir", "Reuters' correspondent Jane Doe") or set off as reporting
/// ("Jim Muir, reporting from Beirut, says"). Every mention of such a
/// person counts, so a later "Muir says" is the reporter too.
pub fn reporters(text: &str, actors: &ArticleActors, outlet: Option<&str>) -> Vec<bool> {
    let mut out = vec![false; actors.actors.len()];
    for m in &actors.mentions {
        if out[m.actor]
            || m.kind == MentionKind::Pronoun
            || actors.actors[m.actor].kind != ActorKind::Person
        {
            continue;
        }
        let after = &text[m.end..];
        let reporting = lexicon::words()
            .reporting_phrases
            .iter()
            .any(|p| after.starts_with(p));
        out[m.actor] = reporting || after_media_possessive(&text[..m.start], actors, outlet);
    }
    out
}

/// Whether `before` ends with a news medium's possessive and at most four
/// lower-case or title words: "the BBC's ", "Reuters' Middle East
/// correspondent ".
fn after_media_possessive(before: &str, actors: &ArticleActors, outlet: Option<&str>) -> bool {
    let tail_start = before.len().saturating_sub(80);
    let mut tail_start = tail_start;
    while !before.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    let tail = &before[tail_start..];
    let Some(p) = tail.rfind(['\'', '’']) else {
        return false;
    };
    let between = lexicon::words()
        .possessive_endings
        .iter()
        .find_map(|e| tail[p..].strip_prefix(e))
        .unwrap_or_else(|| tail[p..].trim_start_matches(['\'', '’']));
    if between.split_whitespace().count() > 4 || between.contains([',', '.', ';']) {
        return false;
    }
    let owner = tail[..p]
        .rsplit(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '-'))
        .next()
        .unwrap_or("")
        .trim();
    let owner = owner
        .strip_prefix(lexicon::words().definite_article)
        .and_then(|o| o.strip_prefix(' '))
        .unwrap_or(owner);
    if owner.is_empty() {
        return false;
    }
    let lower = owner.to_lowercase();
    lexicon::words()
        .news_media
        .iter()
        .any(|m| lower == *m || lower.ends_with(&format!(" {m}")))
        || outlet.is_some_and(|o| o.eq_ignore_ascii_case(owner))
        || actors.actors.iter().any(|a| {
            (lower == a.name.to_lowercase()
                || lower.ends_with(&format!(" {}", a.name.to_lowercase())))
                && is_news_medium(a, outlet)
        })
}

/// Whether a lowercase word after a name looks like its verb.
fn verbish(w: &str) -> bool {
    lexicon::words().speech_verbs.contains(&w)
        || (lexicon::words().past_ending)(w)
        || lexicon::words().verbs_after_names.contains(&w)
        || (w.len() > 4 && (lexicon::words().present_form)(w))
}

/// Words before a run that mark it as a person named in passing.
fn name_cue_before(w: &str) -> bool {
    lexicon::words().name_cues.contains(&w)
}

fn country(run: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    lexicon::words()
        .countries
        .iter()
        .find(|(name, _, _)| *name == run)
}

fn nationality(word: &str) -> Option<&'static str> {
    lexicon::words()
        .countries
        .iter()
        .find(|(name, _, adj)| *adj == word || *name == word)
        .map(|(_, n, _)| *n)
}

/// A single word in capitals this long or longer that the article also
/// writes in lower case is shouted, not an acronym; shorter ones ("US",
/// "WHO", "IT") are too often both.
const MIN_SHOUTED_LETTERS: usize = 4;

/// Finds every actor of an article and resolves its mentions. `sentences`
/// are the article's sentences, used for pronouns; a name outside all of
/// them (in a wire dateline or a stamp cut off a sentence's front, in a
/// furniture sentence left out) names no actor: "ZURICH (Reuters) - ..."
/// is where the story was filed, and "the manufacturer" after it is not
/// Zurich.
pub fn find(text: &str, sentences: &[Sentence<'_>]) -> ArticleActors {
    let words = words(text);
    let mut out = ArticleActors::default();
    // Runs of capitalised words with single spaces between.
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_capitalised(words[i].bare) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // A word said twice in a row ("Turkey Turkey says") is a heading
        // run into its text, two names.
        while j < words.len()
            && is_capitalised(words[j].bare)
            && words[j].bare != words[j - 1].bare
            && &text[words[j - 1].end..words[j].start] == " "
            && words[j - 1].bare.len() == text[words[j - 1].start..words[j - 1].end].len()
        {
            j += 1;
        }
        // "iPhone 4", "Boeing 787": a model number after a name belongs
        // to it, unless it is a day after a month ("June 24") or an amount
        // ("Apple 5%"). Before a comma or a full stop only a camel-case
        // name, a product's for certain, keeps it ("unveiled iPhone 4, with").
        let after = &text[words.get(j).map_or(text.len(), |w| w.end)..];
        let product = (i..j).any(|k| camel_case(words[k].bare));
        if j < words.len()
            && model_number(words[j].bare)
            && &text[words[j - 1].end..words[j].start] == " "
            && !lexicon::words().numbered_nouns.contains(&words[j - 1].bare)
            && !after.starts_with('%')
            && (product || !after.starts_with([',', '.', ':']))
            && !is_stop_word(words[j - 1].bare)
        {
            j += 1;
        }
        // "Secretary of State Hillary Clinton": a title's "of" and what it
        // is the title of run on into the name after them.
        if j + 1 < words.len()
            && lexicon::words().person_titles.contains(&words[j - 1].bare)
            && words[j].bare == lexicon::words().name_joiner
            && &text[words[j - 1].end..words[j].start] == " "
            && &text[words[j].end..words[j + 1].start] == " "
            && is_capitalised(words[j + 1].bare)
        {
            j += 2;
            while j < words.len()
                && is_capitalised(words[j].bare)
                && &text[words[j - 1].end..words[j].start] == " "
            {
                j += 1;
            }
        }
        let mut body = false;
        while let Some(end) = body_name_goes_on(text, &words, j) {
            j = end;
            body = true;
        }
        runs.push((i, j, body));
        i = j;
    }

    // The article's ordinary lower-case words, to tell shouting ("we have
    // NEVER asked", "PLEASE don't") from an acronym ("NATO", "OPEC").
    // (Gathered only for an article with a run in capitals, which most
    // articles lack.)
    let lower: OnceCell<HashSet<&str>> = OnceCell::new();
    let shouted = |a: usize, b: usize| {
        let all_caps = |w: &str| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        let lower_words = || {
            lower.get_or_init(|| {
                words
                    .iter()
                    .filter(|w| w.bare.starts_with(char::is_lowercase))
                    .map(|w| w.bare)
                    .collect()
            })
        };
        (b - a > 1 || words[a].bare.chars().count() >= MIN_SHOUTED_LETTERS)
            && words[a..b].iter().all(|w| all_caps(w.bare))
            && words[a..b]
                .iter()
                .all(|w| lower_words().contains(w.bare.to_lowercase().as_str()))
    };
    let reported = |at: usize| {
        let k = sentences.partition_point(|s| s.start <= at);
        sentences.is_empty() || (k > 0 && at < sentences[k - 1].end)
    };
    let mut singles: Vec<(usize, usize)> = Vec::new();
    for &(mut a, b, body) in &runs {
        while a < b && is_stop_word(words[a].bare) {
            a += 1;
        }
        if a == b || !reported(words[a].start) || shouted(a, b) {
            continue;
        }
        classify_run(text, &words, a, b, body, &mut out, &mut singles);
    }

    // Single words: known surnames, a first name said earlier in full, a
    // name followed by a verb of saying, or a body's one-word name.
    out.mentions.sort_by_key(|m| m.start);
    let bodies = body_names(text, &words, &singles);
    for (a, b) in singles {
        let w = words[a].bare;
        let found = out.actors.iter().position(|act| {
            act.kind == ActorKind::Person && act.name.rsplit(' ').next() == Some(w)
        });
        let next = words.get(b).map_or("", |x| x.bare);
        if found.is_none()
            && let Some(actor) = first_name(&out, w, words[a].start)
        {
            out.secondary_mentions.push(Mention {
                start: words[a].start,
                end: words[a].start + w.len(),
                actor,
                kind: MentionKind::Surname,
            });
            continue;
        }
        let idx = match found {
            Some(i) => Some(i),
            None if lexicon::words().speech_verbs.contains(&next)
                && !not_name(w)
                && !w.chars().all(|c| c.is_uppercase()) =>
            {
                // "The Observatory said": a kind of body speaking.
                let kind = if kind_of_body(w) {
                    ActorKind::Organisation
                } else {
                    ActorKind::Person
                };
                Some(out.intern(w, kind, None))
            }
            None if bodies.contains(&w) => {
                let actor = out.intern(w, ActorKind::Organisation, None);
                out.body_mentions.push(Mention {
                    start: words[a].start,
                    end: words[a].start + w.len(),
                    actor,
                    kind: MentionKind::Name,
                });
                None
            }
            None => None,
        };
        if let Some(actor) = idx {
            out.mentions.push(Mention {
                start: words[a].start,
                end: words[a].start + w.len(),
                actor,
                kind: MentionKind::Surname,
            });
        }
    }
    out.mentions.sort_by_key(|m| m.start);
    out.mentions.dedup_by_key(|m| m.start);

    descriptions(text, &mut out);
    pronouns(text, sentences, &mut out);
    out.body_mentions.sort_by_key(|m| m.start);
    body_references(text, sentences, &mut out);
    out
}

static BODY_DESCRIPTION: PerLanguage<Regex> = PerLanguage::new();

/// Whether `m` names a body that acts: an organisation, not a news medium
/// (which reports what the body did).
fn is_body(out: &ArticleActors, m: &Mention) -> bool {
    let a = &out.actors[m.actor];
    a.kind == ActorKind::Organisation && !is_news_medium(a, None)
}

/// The body the sentence `s` is about: the body that opens it as its
/// subject ("Airbus won ...", "The Cisco board said ..."), not one named
/// later or as an owner ("EA's Spore").
fn first_body_in(
    text: &str,
    out: &ArticleActors,
    found: &[Mention],
    s: Option<&Sentence<'_>>,
) -> Option<usize> {
    let s = s?;
    let m = out
        .mentions
        .iter()
        .chain(&out.body_mentions)
        .chain(found)
        .filter(|m| s.start <= m.start && m.start < s.end)
        .min_by_key(|m| m.start)?;
    let before = text[s.start..m.start].trim_end();
    let opens = before.is_empty()
        || lexicon::words()
            .determiners
            .contains(&before.to_lowercase().as_str());
    let owner = lexicon::words()
        .possessive_endings
        .iter()
        .any(|p| text[m.end..].starts_with(p));
    (opens && !owner && is_body(out, m)).then_some(m.actor)
}

/// The body an article has named most often by name before `at` (the
/// latest of equals): what "the company" means when the sentence before
/// names none. News copy calls the story's main body by its kind.
fn most_named_body(out: &ArticleActors, at: usize) -> Option<usize> {
    let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (actor, count, last)
    for m in out.mentions.iter().chain(&out.body_mentions) {
        if m.end > at || m.kind == MentionKind::Pronoun || !is_body(out, m) {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == m.actor) {
            Some(c) => {
                c.1 += 1;
                c.2 = c.2.max(m.start);
            }
            None => counts.push((m.actor, 1, m.start)),
        }
    }
    counts.iter().max_by_key(|c| (c.1, c.2)).map(|c| c.0)
}

/// Bodies referred to by what they are or by "it" (see
/// [`ArticleActors::body_mentions`]):
/// - "the company", "the European planemaker": the body that opened the
///   sentence before (see [`first_body_in`]), else the body the article
///   named most often so far (see [`most_named_body`]);
/// - "It" opening a sentence and doing something ("It also announced"):
///   the body that opened the sentence before. "It is", "It seems" and
///   the like say nothing of a body (`it_expletive_verbs`).
fn body_references(text: &str, sentences: &[Sentence<'_>], out: &mut ArticleActors) {
    let re = BODY_DESCRIPTION.get(|w| Regex::new(w.body_description).expect("body description"));
    let prev_of = |si: usize| si.checked_sub(1).map(|p| &sentences[p]);
    let mut found: Vec<Mention> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        for m in re.find_iter(s.text) {
            let (start, end) = (s.start + m.start(), s.start + m.end());
            if out.mentions.iter().any(|x| x.start < end && start < x.end) {
                continue;
            }
            let named = first_body_in(text, out, &found, prev_of(si))
                .or_else(|| most_named_body(out, start));
            if let Some(actor) = named {
                found.push(Mention {
                    start,
                    end,
                    actor,
                    kind: MentionKind::Description,
                });
            }
        }
        let Some(prev) = prev_of(si) else {
            continue;
        };
        let Some(rest) = lexicon::words()
            .it_words
            .iter()
            .find_map(|w| s.text.strip_prefix(w).map(|r| (w.len(), r)))
            .filter(|(_, r)| r.starts_with(' '))
        else {
            continue;
        };
        let verb = rest
            .1
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| {
                !lexicon::words().adverbs.contains(w) && !(lexicon::words().adverb_ending)(w)
            });
        let acts = verb.is_some_and(|v| {
            verbish(v)
                && !lexicon::words().be_forms.contains(&v)
                && !lexicon::words().it_expletive_verbs.contains(&v)
        });
        if !acts {
            continue;
        }
        if let Some(actor) = first_body_in(text, out, &found, Some(prev)) {
            found.push(Mention {
                start: s.start,
                end: s.start + rest.0,
                actor,
                kind: MentionKind::Pronoun,
            });
        }
    }
    out.body_mentions.extend(found);
    out.body_mentions.sort_by_key(|m| m.start);
}

/// The one-word names of bodies among the lone capitalised words `singles`
/// ("Airbus won the order", "Apple introduced the iMac"): a word that is
/// the subject of a verb somewhere in the article (a finite verb right
/// after it), that the article also writes capitalised inside a sentence
/// (after a lowercase word, so not only because it opens a sentence:
/// "Rebels seized" is no name), and that never follows "in" or "near" (a
/// place: "in Homs"). Words capitalised for other reasons (calendar names,
/// nationalities, place words, stop words, acronyms, which have their own
/// rule) are none. A verb of saying after a lone word keeps its own rule
/// (a person named by surname).
fn body_names<'a>(text: &str, words: &[Word<'a>], singles: &[(usize, usize)]) -> Vec<&'a str> {
    let capitalised_inside = |w: &str| {
        (1..words.len()).any(|k| {
            words[k].bare == w
                && text[words[k - 1].end..words[k].start] == *" "
                && words[k - 1].bare.starts_with(|c: char| c.is_lowercase())
        })
    };
    // A word written mostly as part of a longer name ("Health" of
    // "Health Ministry" and "Department of Health", "Arab" of "Arab
    // League", "Alex" of "Hurricane Alex") is a modifier.
    let name_word = |k: usize| !is_stop_word(words[k].bare) && is_capitalised(words[k].bare);
    let spaced = |k: usize| text[words[k].end..words[k + 1].start] == *" ";
    let mostly_in_runs = |w: &str| {
        let (mut alone, mut in_run) = (0, 0);
        for k in 0..words.len() {
            if words[k].bare != w {
                continue;
            }
            let next = k + 1 < words.len() && spaced(k);
            let prev = k > 0 && spaced(k - 1);
            let joined = (next && name_word(k + 1))
                || (prev && name_word(k - 1))
                || (next
                    && words[k + 1].bare == lexicon::words().name_joiner
                    && k + 2 < words.len()
                    && spaced(k + 1)
                    && name_word(k + 2))
                || (prev
                    && words[k - 1].bare == lexicon::words().name_joiner
                    && k >= 2
                    && spaced(k - 2)
                    && name_word(k - 2));
            if joined {
                in_run += 1;
            } else {
                alone += 1;
            }
        }
        in_run > alone
    };
    let after_locative = |w: &str| {
        (1..words.len()).any(|k| {
            words[k].bare == w
                && text[words[k - 1].end..words[k].start] == *" "
                && lexicon::words().locatives.contains(&words[k - 1].bare)
                && words[k].bare.len() == words[k].end - words[k].start
        })
    };
    // "the Shuffle was", "The Macbook features": a word that a determiner
    // opens as the subject of a verb is a thing's name, not a body's.
    let headed_by_determiner = |w: &str| {
        (1..words.len()).any(|k| {
            words[k].bare == w
                && lexicon::words()
                    .determiners
                    .contains(&words[k - 1].bare.to_lowercase().as_str())
                && body_verb(text, words, k + 1)
        })
    };
    // A lone word before a verb is as often a person's surname ("Holder
    // has said") as a body's name, so the article must say it is a body
    // somewhere: something only a body has after its possessive
    // ("Airbus's shares", "Apple's chief executive"), or an apposition
    // that names its kind ("Airbus, the European planemaker").
    let said_to_be_a_body = |w: &str| {
        let l = lexicon::words();
        (0..words.len()).any(|k| {
            if words[k].bare != w {
                return false;
            }
            let whole = &text[words[k].start..words[k].end];
            let possessive = whole.len() > w.len()
                && words
                    .get(k + 1)
                    .is_some_and(|x| l.body_possessions.contains(&x.bare));
            let apposition = text[words[k].end..].starts_with(", ")
                && words[k + 1..]
                    .iter()
                    .take(5)
                    .take_while(|x| !text[words[k].end..x.start].contains(['.', ';']))
                    .any(|x| l.body_kinds.contains(&x.bare) || x.bare.ends_with("maker"));
            possessive || apposition
        })
    };
    // Whether the word itself may name a body: the cheap tests first, the
    // scans of the whole article last.
    let body_word = |w: &str| {
        !(not_name(w)
            || w.chars().all(|c| !c.is_lowercase())
            || w.chars().count() < 3
            // "U.S.-backed", "Iranian-led": a compound modifier.
            || w.contains('.')
            || w
                .rsplit('-')
                .next()
                .is_some_and(|x| x.starts_with(char::is_lowercase))
            || nationality(w).is_some()
            || w.strip_suffix('s').is_some_and(|x| nationality(x).is_some())
            // Nationalities, directions and groups of people ("European",
            // "Kurdish", "Iraqi", "Western", "Republicans", "Islamists",
            // "Shiites"): no one body.
            || lexicon::words()
                .group_suffixes
                .iter()
                .any(|x| w.ends_with(x))
            || crate::temporal::token::is_calendar_name(w, lexicon::current())
            // A title or a kind of body alone ("President", "Department").
            || lexicon::words().person_titles.contains(&w)
            || lexicon::words().generic_org_heads.contains(&w)
            || org_head(w)
            || headed_by_determiner(w)
            || !said_to_be_a_body(w)
            || !capitalised_inside(w)
            || after_locative(w)
            || mostly_in_runs(w))
    };
    let mut out: Vec<&str> = Vec::new();
    // Words already judged no body: a surname before fifty verbs is
    // scanned for once.
    let mut rejected: Vec<&str> = Vec::new();
    for &(a, b) in singles {
        let w = words[a].bare;
        let Some(next) = words.get(b) else { continue };
        if b != a + 1
            || text[words[a].end..next.start] != *" "
            || !next.bare.starts_with(|c: char| c.is_lowercase())
            || !body_verb(text, words, b)
            || lexicon::words().speech_verbs.contains(&next.bare)
            || out.contains(&w)
            || rejected.contains(&w)
        {
            continue;
        }
        if body_word(w) {
            out.push(w);
        } else {
            rejected.push(w);
        }
    }
    out
}

/// Whether `words[k]` is the finite verb of the name before it: a past
/// form ("won", "delivered"), an auxiliary, or a present form in -s that
/// an object or a phrase follows ("integrates the"). A plural noun after a
/// name ("Intel processors", "Macintosh computers") makes the name a
/// modifier, not a body that acts.
fn body_verb(text: &str, words: &[Word<'_>], k: usize) -> bool {
    let Some(w) = words.get(k).map(|w| w.bare) else {
        return false;
    };
    let l = lexicon::words();
    (l.past_ending)(w)
        || l.irregular_past.contains(&w)
        || (l.verbs_after_names.contains(&w) && !l.predicate_joiners.contains(&w))
        || ((l.present_form)(w)
            && words.get(k + 1).is_some_and(|x| {
                text[words[k].end..x.start] == *" "
                    && l.function_words.contains(&x.bare)
                    && !l.clause_joiners.contains(&x.bare)
            }))
}

/// The person a lone first name stands for: "Steve" after "Steve Jobs".
/// News copy names a person in full before it calls them by their first
/// name, so only a person named in full before `at` counts; of several
/// with that first name, the one named last.
fn first_name(out: &ArticleActors, w: &str, at: usize) -> Option<usize> {
    if not_name(w) || w.chars().all(|c| !c.is_lowercase()) {
        return None;
    }
    out.mentions
        .iter()
        .rev()
        .filter(|m| m.end <= at && m.kind == MentionKind::Name)
        .map(|m| m.actor)
        .find(|&i| {
            let act = &out.actors[i];
            act.kind == ActorKind::Person
                && act.name.split(' ').count() >= 2
                && act.name.split(' ').next() == Some(w)
        })
}

/// Where a body's name goes on past the capitalised run that ends before
/// word `j`: the run ends in a kind of body, and "for" (and an article)
/// leads to more capitalised words ("Syrian Observatory for Human Rights",
/// "Commission for Africa"). The name stops before a title and a day or
/// month ("Commission for Africa on Thursday").
fn body_name_goes_on(text: &str, words: &[Word<'_>], j: usize) -> Option<usize> {
    let l = lexicon::words();
    let head = words.get(j.checked_sub(1)?)?.bare;
    let joiner = words.get(j)?;
    if !kind_of_body(head) || !l.body_name_joiners.contains(&joiner.bare) {
        return None;
    }
    let spaced = |k: usize| text[words[k].end..words[k + 1].start] == *" ";
    let mut m = j + 1;
    if words.get(m).is_some_and(|w| l.articles.contains(&w.bare)) && spaced(m - 1) {
        m += 1;
    }
    let name_word = |k: usize| {
        words.get(k).is_some_and(|w| {
            is_capitalised(w.bare)
                && !l.person_titles.contains(&w.bare)
                && !crate::temporal::token::is_calendar_name(w.bare, lexicon::current())
                && w.bare.len() == w.end - w.start
        }) && spaced(k - 1)
    };
    if !spaced(j - 1) || !name_word(m) {
        return None;
    }
    let mut end = m + 1;
    while name_word(end) {
        end += 1;
    }
    Some(end)
}

/// Classifies the capitalised run `words[a..b]` as a person with a role, an
/// organisation, a country, a person named in passing, or a single word to
/// look at once all full names are known. A run `body` already knows to
/// be a body's name (see [`body_name_goes_on`]) is one.
fn classify_run(
    text: &str,
    words: &[Word<'_>],
    a: usize,
    b: usize,
    body: bool,
    out: &mut ArticleActors,
    singles: &mut Vec<(usize, usize)>,
) {
    let span = |x: usize, y: usize| &text[words[x].start..words[y - 1].end];
    let bare_span = |x: usize, y: usize| {
        let s = &text[words[x].start..words[y - 1].start];
        format!("{s}{}", words[y - 1].bare)
    };
    // Where the name in words[..y] ends: its last word, without a possessive.
    let end_of = |y: usize| words[y - 1].start + words[y - 1].bare.len();
    let last = words[b - 1].bare;
    // A body's name run on past "for" is the body's; a camel-case name
    // ("iPod", "iTunes Store") or a name with a model number ("iPhone 4")
    // is a product's: the whole run names it.
    let whole_run = if body {
        Some(ActorKind::Organisation)
    } else if (a..b).any(|k| camel_case(words[k].bare)) || (b - a >= 2 && model_number(last)) {
        Some(ActorKind::Product)
    } else {
        None
    };
    if let Some(kind) = whole_run {
        out.name_mention(&bare_span(a, b), kind, None, words[a].start..end_of(b));
        return;
    }
    // A title inside the run: "US President Donald Trump"; but a run that
    // ends in a company's form is the company ("General Motors").
    // "Justice Department", "Labor Party": a title word before a kind of
    // body names the body, not a person.
    let company = lexicon::words().company_heads.contains(&last)
        || lexicon::words().generic_org_heads.contains(&last);
    if let Some(t) = (a..b)
        .rev()
        .find(|&k| lexicon::words().person_titles.contains(&words[k].bare))
        .filter(|&t| t + 1 < b && !company)
    {
        // "Secretary of State Hillary Clinton", "Minister of Foreign
        // Affairs Sergei Lavrov": after the title's "of", the name is the
        // last two words (one when only two follow), the rest what the
        // title is of.
        let name_start = if words[t + 1].bare == lexicon::words().name_joiner {
            // A run cut after a middle initial ("... Dennis C") holds no
            // surname to name.
            if words[b - 1].bare.chars().count() == 1 {
                return;
            }
            match b - (t + 2) {
                0 | 1 => return,
                2 => b - 1,
                _ => b - 2,
            }
        } else {
            t + 1
        };
        let name_end = b.min(name_start + 3);
        let name = bare_span(name_start, name_end);
        let first_title = (a..=t)
            .find(|&k| lexicon::words().person_titles.contains(&words[k].bare))
            .unwrap_or(t);
        let role_start = lower_title_start(text, words, a).unwrap_or(a);
        let role = if lexicon::words().honorifics.contains(&words[t].bare) {
            None
        } else {
            Some(span(role_start.min(first_title.min(a)), name_start).to_string())
        };
        out.name_mention(
            &name,
            ActorKind::Person,
            role,
            words[role_start].start..end_of(name_end),
        );
        return;
    }
    // A country, alone: "Ukraine", "United States".
    if let Some((_, norm, _)) = country(&bare_span(a, b)) {
        if !followed_by_title(text, words, b) {
            out.name_mention(norm, ActorKind::Country, None, words[a].start..end_of(b));
        }
        return;
    }
    if lexicon::words().venue_heads.contains(&last) {
        return;
    }
    let acronym = b - a == 1
        && last.len() >= 2
        && last.len() <= 6
        && last.chars().all(|c| c.is_ascii_uppercase())
        && !lexicon::words().not_acronyms.contains(&last);
    // A month or weekday in capitals ("AUGUST 3 —") is a date, no body.
    if b - a == 1 && crate::temporal::token::is_calendar_name(last, lexicon::current()) {
        return;
    }
    // "The Department said", "Government officials": a kind of body named
    // by its head noun alone is no actor (its page would gather every
    // department and government of the story).
    if b - a == 1 && lexicon::words().generic_org_heads.contains(&last) {
        return;
    }
    // "Arab League", "White House": a name ending in a word no surname is
    // names a body.
    let body_word = b - a >= 2 && lexicon::words().body_name_ends.contains(&last);
    if acronym || org_head(last) || lexicon::words().company_heads.contains(&last) || body_word {
        if followed_by_title(text, words, b) {
            return;
        }
        let name = bare_span(a, b);
        // "the TASS state news agency": up to four lowercase words ending
        // in an organisation noun are its role.
        let mut role = None;
        let mut end = end_of(b);
        for k in b..(b + 4).min(words.len()) {
            if is_capitalised(words[k].bare) || text[words[k - 1].end..words[k].start] != *" " {
                break;
            }
            if lexicon::words()
                .org_descriptor_heads
                .contains(&words[k].bare)
            {
                role = Some(text[words[b].start..words[k].start + words[k].bare.len()].to_string());
                end = words[k].start + words[k].bare.len();
                break;
            }
        }
        out.name_mention(&name, ActorKind::Organisation, role, words[a].start..end);
        return;
    }
    let n = b - a;
    if n == 1 {
        singles.push((a, b));
        return;
    }
    if n <= 3 && (a..b).all(|k| !not_name(words[k].bare)) {
        let next = words.get(b).map_or("", |w| w.bare);
        let prev = a.checked_sub(1).map_or("", |k| words[k].bare);
        let next_is_lower = !is_capitalised(next);
        let apposition = text[words[b - 1].end..].starts_with(lexicon::words().person_relative)
            || role_apposition(&text[words[b - 1].end..]);
        // "Gulf Arab states", "Western leaders": an adjective before a
        // plural of people or states, no name.
        let group = lexicon::words().group_nouns.contains(&next);
        if ((next_is_lower && verbish(next)) || apposition || name_cue_before(prev)) && !group {
            let role_start = lower_title_start(text, words, a);
            let role = role_start.map(|r| span(r, a).trim_end().to_string());
            out.name_mention(
                &bare_span(a, b),
                ActorKind::Person,
                role,
                words[role_start.unwrap_or(a)].start..end_of(b),
            );
            return;
        }
    }
    // A run that is no name: its words may still be known surnames
    // ("Putin Zelensky" never happens; "Trump" after a stripped word does).
    if n == 2 && not_name(words[a].bare) {
        singles.push((a + 1, b));
    }
}

/// Whether `after` (the text after a capitalised run) opens an apposition
/// that gives a person's role: ", the chief executive officer of ...",
/// ", founder of Apple,", ", the Apple CEO,". Only a role word before the
/// next comma counts ("Tahrir Square, the centre of ..." names no role).
fn role_apposition(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let part = rest.split([',', ';', '(']).next().unwrap_or("");
    part.split_whitespace().take(7).any(|w| {
        let w = w.trim_end_matches(['.', '’', '\'']);
        lexicon::words().lower_titles.contains(&w) || lexicon::words().role_words.contains(&w)
    })
}

/// Where a role starts that ends in a lowercase title just before word `a`:
/// "Kremlin spokesperson" before "Dmitry Peskov".
fn lower_title_start(text: &str, words: &[Word<'_>], a: usize) -> Option<usize> {
    let t = a.checked_sub(1)?;
    if !lexicon::words().lower_titles.contains(&words[t].bare)
        || text[words[t].end..words[a].start] != *" "
    {
        return None;
    }
    let mut start = t;
    // Capitalised qualifiers and lowercase modifiers before the title.
    while start > 0 {
        let k = start - 1;
        let w = words[k].bare;
        let joined = text[words[k].end..words[k + 1].start] == *" ";
        let qualifier = is_capitalised(w) && !not_name(w) || nationality(w).is_some();
        let modifier = lexicon::words().title_modifiers.contains(&w);
        if joined && (qualifier || modifier) && start + 3 > t {
            start = k;
        } else {
            break;
        }
    }
    Some(start)
}

fn followed_by_title(text: &str, words: &[Word<'_>], b: usize) -> bool {
    words.get(b).is_some_and(|w| {
        text[words[b - 1].end..w.start] == *" "
            && (lexicon::words().person_titles.contains(&w.bare)
                || lexicon::words().lower_titles.contains(&w.bare))
    })
}

static DESCRIPTION: PerLanguage<Regex> = PerLanguage::new();

/// "the Russian leader", "the Ukrainian leader's": the person whose role
/// matches, most recently mentioned.
fn descriptions(text: &str, out: &mut ArticleActors) {
    let mut found = Vec::new();
    let re = DESCRIPTION.get(|w| Regex::new(w.description).expect("description regex"));
    for c in re.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        if out
            .mentions
            .iter()
            .any(|x| x.start < m.end() && m.start() < x.end)
        {
            continue;
        }
        let noun = c["noun"].to_ascii_lowercase();
        let adj = c.name("adj").map(|a| a.as_str());
        let country = adj.and_then(nationality);
        if adj.is_some() && country.is_none() {
            continue;
        }
        let role_fits = |roles: &[String]| {
            roles.iter().any(|r| {
                let r = r.to_ascii_lowercase();
                r.contains(&noun)
                    || lexicon::words()
                        .general_roles
                        .iter()
                        .any(|(general, roles)| {
                            noun == *general && roles.iter().any(|t| r.contains(t))
                        })
            })
        };
        let role_country = |roles: &[String]| {
            roles
                .iter()
                .find_map(|r| r.split(' ').find_map(nationality))
        };
        // Most recent mention first.
        let mut best = None;
        for prior in out.mentions.iter().rev().filter(|x| x.end <= m.start()) {
            let a = &out.actors[prior.actor];
            if a.kind != ActorKind::Person || !role_fits(&a.roles) {
                continue;
            }
            match (country, role_country(&a.roles)) {
                (Some(want), Some(have)) if want == have => {
                    best = Some(prior.actor);
                    break;
                }
                (Some(_), None) if best.is_none() => best = Some(prior.actor),
                (None, _) => {
                    best = Some(prior.actor);
                    break;
                }
                _ => {}
            }
        }
        if let Some(actor) = best {
            found.push(Mention {
                start: m.start(),
                end: m.end(),
                actor,
                kind: MentionKind::Description,
            });
        }
    }
    merge_mentions(out, found);
}

static PRONOUN: PerLanguage<Regex> = PerLanguage::new();

/// "he", "she": a name in brackets right after it ("He (Putin)"); else the
/// subject of its sentence when that comes before it, or a pronoun there.
/// Only a pronoun that opens its sentence (see [`opens_sentence`]: "But he
/// said", "During his speech he", "“...,” he said") may stand for someone
/// of the sentence before: its subject, else the last person it names. Inside a sentence that has
/// named no person before it, "he" is most often someone the sentence
/// describes without a name ("a Knesset member said he ..."), and a
/// person named earlier in the article would put words in the wrong mouth.
fn pronouns(text: &str, sentences: &[Sentence<'_>], out: &mut ArticleActors) {
    let mut found = Vec::new();
    let is_person =
        |out: &ArticleActors, m: &Mention| out.actors[m.actor].kind == ActorKind::Person;
    for (si, s) in sentences.iter().enumerate() {
        for m in PRONOUN
            .get(|w| Regex::new(w.pronoun).expect("pronoun regex"))
            .find_iter(s.text)
        {
            let at = s.start + m.start();
            let after = &text[s.start + m.end()..];
            let bracketed = after
                .strip_prefix(" (")
                .and_then(|_| {
                    out.in_range(s.start + m.end() + 2, s.start + m.end() + 3)
                        .first()
                })
                .copied();
            let subject_here =
                subject_of(text, s, out).filter(|x| x.start < at && is_person(out, x));
            let prev = si
                .checked_sub(1)
                .filter(|_| opens_sentence(&s.text[..m.start()]))
                .map(|p| &sentences[p]);
            // The sentence before may name its subject by a pronoun too
            // ("He started Apple in 1976. One year later he was fired").
            let in_prev = |p: &Sentence<'_>, x: &Mention| x.start >= p.start && x.end <= p.end;
            let subject_before = prev.and_then(|p| {
                subject_of(text, p, out)
                    .filter(|x| is_person(out, x))
                    .or_else(|| found.iter().find(|x| in_prev(p, x)).copied())
            });
            let last = prev.and_then(|p| {
                out.mentions
                    .iter()
                    .chain(&out.secondary_mentions)
                    .chain(&found)
                    .filter(|x| in_prev(p, x) && is_person(out, x))
                    .max_by_key(|x| x.start)
                    .copied()
            });
            // "But he said he would stay": the second stands for the first.
            let pronoun_here = found
                .iter()
                .rev()
                .find(|x: &&Mention| x.start >= s.start && x.end <= at)
                .copied();
            if let Some(r) = bracketed
                .or(subject_here)
                .or(pronoun_here)
                .or(subject_before)
                .or(last)
            {
                found.push(Mention {
                    start: at,
                    end: at + m.len(),
                    actor: r.actor,
                    kind: MentionKind::Pronoun,
                });
            }
        }
    }
    merge_mentions(out, found);
}

/// Whether the words of a sentence before a pronoun leave it opening the
/// sentence: none, a connective or a short date phrase ("But", "Later,",
/// "In 1999", "On Monday"), or a quotation it attributes ("“We will
/// win,” he said"). A name or a noun phrase before it ("A Knesset member
/// said he") is someone else the pronoun may stand for.
fn opens_sentence(before: &str) -> bool {
    let before = before.trim_end();
    if before.ends_with(['”', '"', '’']) {
        return true;
    }
    let words: Vec<&str> = before.split_whitespace().collect();
    // "The minister said he": the pronoun is the speaker's.
    let speaks = words
        .iter()
        .any(|w| lexicon::words().speech_verbs.contains(w));
    // "During his speech he", "When he returned, he": a phrase or clause
    // set before the subject.
    let opener = words.first().is_some_and(|w| {
        let w = w.to_lowercase();
        lexicon::words().opening_prepositions.contains(&w.as_str())
            || lexicon::words().opening_subordinators.contains(&w.as_str())
    });
    let short = words.len() <= 3
        && words.iter().skip(1).all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            !w.starts_with(char::is_uppercase)
                || crate::temporal::token::is_calendar_name(w, lexicon::current())
        });
    !speaks && (opener || short)
}

fn merge_mentions(out: &mut ArticleActors, found: Vec<Mention>) {
    if found.is_empty() {
        return;
    }
    out.mentions.extend(found);
    out.mentions.sort_by_key(|m| m.start);
}

/// The sentence's grammatical subject, roughly: in a sentence that opens
/// with a quotation, the first mention after it (the speaker); otherwise
/// the first mention outside quotation marks.
pub fn subject_of(text: &str, s: &Sentence<'_>, actors: &ArticleActors) -> Option<Mention> {
    let quotes = super::quote_marks::quoted_spans(s.text);
    let opens_with_quote = quotes.first().is_some_and(|q| q.outer_start == 0);
    let outside = |m: &&Mention| {
        !quotes
            .iter()
            .any(|q| s.start + q.outer_start <= m.start && m.start < s.start + q.outer_end)
    };
    let _ = text;
    let mentions = actors.in_range(s.start, s.end);
    if opens_with_quote {
        let after = s.start + quotes[0].outer_end;
        if let Some(m) = mentions.iter().filter(outside).find(|m| m.start >= after) {
            return Some(*m);
        }
    }
    first_subject(text, s.start, mentions.iter().filter(outside), actors)
}

/// The first of `mentions` (in text order) that can be the subject of a
/// clause starting at `from`: a product named after a verb is its object
/// ("Apple unveiled the iPod nano"), not its subject.
pub fn first_subject<'m>(
    text: &str,
    from: usize,
    mut mentions: impl Iterator<Item = &'m Mention> + Clone,
    actors: &ArticleActors,
) -> Option<Mention> {
    // "the US permanent representative to the UN, Susan Rice, told": a
    // person set off by commas before any verb names the description
    // before it, which the countries and bodies in it only qualify.
    // (Not a news medium's own people, "The BBC's UN correspondent,
    // Barbara Plett, says", nor a place set off after its description,
    // "Bahizi in the capital, Kampala, says".)
    let set_off = mentions.clone().position(|m| {
        if actors.actors[m.actor].kind != ActorKind::Person
            || m.start <= from
            || !text[from..m.start].trim_end().ends_with(',')
            || !text[m.end..].starts_with(',')
        {
            return false;
        }
        // The description's words, read only for a person so set off.
        let words: Vec<String> = text[from..m.start]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let l = lexicon::words();
        !words.iter().any(|w| {
            super::trigger::past_form(w)
                || l.speech_verbs.contains(&w.as_str())
                || l.be_have.contains(&w.as_str())
                || l.news_media.contains(&w.as_str())
        }) && !words
            .iter()
            .rev()
            .take(3)
            .any(|w| l.place_prepositions.contains(&w.as_str()))
    });
    if let Some(k) = set_off
        && mentions
            .clone()
            .take(k)
            .all(|m| actors.actors[m.actor].kind != ActorKind::Person)
    {
        return mentions.clone().nth(k).copied();
    }
    mentions
        .find(|m| {
            (actors.actors[m.actor].kind != ActorKind::Product
                || !super::trigger::verb_between(text, from.min(m.start), m.start))
                && !owns_a_name(text, m, actors)
                && !after_preposition(text, m, lexicon::words().object_prepositions)
                && !names_the_place(text, m, actors)
        })
        .copied()
}

/// Whether `m` is the object of one of `prepositions`: the word before it,
/// past an article, is one ("for Mubarak's ouster", "in the UK").
fn after_preposition(text: &str, m: &Mention, prepositions: &[&str]) -> bool {
    let mut before = text[..m.start].split_whitespace().rev();
    let mut word = before.next();
    if word.is_some_and(|w| {
        lexicon::words()
            .articles
            .contains(&w.to_lowercase().as_str())
    }) {
        word = before.next();
    }
    word.is_some_and(|w| prepositions.contains(&w.to_lowercase().as_str()))
}

/// Whether `m` names where its sentence's event happened rather than one
/// of its actors: a country or place after a preposition of place ("in
/// the UK", "the Gulf of Mexico").
pub fn names_the_place(text: &str, m: &Mention, actors: &ArticleActors) -> bool {
    actors.actors[m.actor].kind == ActorKind::Country
        && after_preposition(text, m, lexicon::words().place_prepositions)
}

/// Whether `m` is the owner of the body named right after it ("The
/// Beatles’ Apple Corps"): the body heads the phrase, so it is the
/// subject, not its owner. (An owned product, "Apple’s iPod", leaves the
/// owner the subject: products are seldom subjects.)
fn owns_a_name(text: &str, m: &Mention, actors: &ArticleActors) -> bool {
    let after = &text[m.end..];
    let rest = lexicon::words()
        .possessive_markers
        .iter()
        .find_map(|p| after.strip_prefix(p));
    rest.is_some_and(|r| {
        let at = text.len() - r.len();
        actors
            .in_range(at, at + 1)
            .iter()
            .any(|x| actors.actors[x.actor].kind == ActorKind::Organisation)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::{Sentence, split};

    #[test]
    fn outlets_wires_and_media_are_not_actors() {
        let actor = |name: &str, kind: ActorKind, role: &str| Actor {
            name: name.into(),
            slug: slugify(name),
            roles: if role.is_empty() {
                Vec::new()
            } else {
                vec![role.into()]
            },
            kind,
        };
        use ActorKind::{Country, Organisation, Person};
        let cases = [
            (actor("Reuters", Organisation, ""), Some("bbc"), true),
            (actor("BBC", Organisation, ""), Some("bbc"), true),
            (actor("BBC Arabic", Organisation, ""), Some("bbc"), true),
            (actor("Xinhua", Person, ""), Some("reuters"), true),
            (actor("TASS", Organisation, "state news agency"), None, true),
            (actor("New York Post", Organisation, ""), None, true),
            (actor("Al Jazeera", Organisation, ""), Some("cnn"), true),
            (actor("Guardian", Organisation, ""), Some("guardian"), true),
            (
                actor("UN Security Council", Organisation, ""),
                Some("bbc"),
                false,
            ),
            (actor("Jim Muir", Person, ""), Some("bbc"), false),
            (actor("Syria", Country, ""), Some("reuters"), false),
            (
                actor("Central Bank", Organisation, ""),
                Some("reuters"),
                false,
            ),
        ];
        for (a, outlet, media) in cases {
            assert_eq!(is_news_medium(&a, outlet), media, "{}", a.name);
        }
    }

    fn actors_of(text: &str) -> ArticleActors {
        let sentences: Vec<Sentence<'_>> = split(text)
            .into_iter()
            .map(|r| Sentence {
                start: r.start,
                end: r.end,
                text: &text[r],
                paragraph: 0,
            })
            .collect();
        find(text, &sentences)
    }

    #[test]
    fn shouted_words_are_no_acronyms() {
        let text = "All these years we have NEVER asked for a fortune, and we never will. PLEASE don't go, please. NATO met OPEC. The US and WHO said no one came. NO ONE came.";
        let a = actors_of(text);
        let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
        for shouted in ["NEVER", "PLEASE", "NO ONE"] {
            assert!(!names.contains(&shouted), "{shouted} in {names:?}");
        }
        for acronym in ["NATO", "OPEC", "United States", "WHO"] {
            assert!(names.contains(&acronym), "{acronym} not in {names:?}");
        }
    }

    #[test]
    fn the_owner_of_a_body_named_after_it_is_not_the_subject() {
        let text = "The Beatles’ Apple Corps has filed a lawsuit against Apple Computer.";
        let a = actors_of(text);
        let sentences: Vec<Sentence<'_>> = vec![Sentence {
            start: 0,
            end: text.len(),
            text,
            paragraph: 0,
        }];
        let subject = subject_of(text, &sentences[0], &a).expect("a subject");
        assert_eq!(
            a.actors[subject.actor].name, "Apple Corps",
            "{:?}",
            a.actors
        );
    }

    #[test]
    fn a_person_set_off_after_a_description_is_its_subject() {
        // (sentence, a person it names, whether that person is the subject)
        for (text, name, subject) in [
            (
                "Also on Tuesday the US permanent representative to the UN, Susan Rice, told reporters that members agreed.",
                "Susan Rice",
                true,
            ),
            (
                "Syria’s Arab League representative, Youssef Ahmed, said the move violated the charter.",
                "Youssef Ahmed",
                true,
            ),
            // A news medium's own correspondent reports; she is no actor.
            (
                "The BBC’s UN correspondent, Barbara Plett, says Russia will not support it.",
                "Barbara Plett",
                false,
            ),
            // After a verb, the commas set off a speaker inside the clause.
            (
                "Egypt and Tunisia differ, Hosni Mubarak said, in every way.",
                "Hosni Mubarak",
                false,
            ),
        ] {
            let a = actors_of(text);
            let s = Sentence {
                start: 0,
                end: text.len(),
                text,
                paragraph: 0,
            };
            let got = subject_of(text, &s, &a).map(|m| a.actors[m.actor].name.as_str());
            assert_eq!(got == Some(name), subject, "{text}: {got:?}");
        }
    }

    #[test]
    fn a_title_of_something_stands_before_the_persons_name() {
        // (text, the person, their role)
        for (text, person, role) in [
            (
                "Secretary of State Hillary Clinton urged restraint.",
                "Hillary Clinton",
                "Secretary of State",
            ),
            (
                "Russian Minister of Foreign Affairs Sergei Lavrov urged restraint.",
                "Sergei Lavrov",
                "Russian Minister of Foreign Affairs",
            ),
            (
                "Secretary of State Clinton urged restraint.",
                "Clinton",
                "Secretary of State",
            ),
        ] {
            let a = actors_of(text);
            let people: Vec<(&str, Option<&str>)> = a
                .actors
                .iter()
                .filter(|x| x.kind == ActorKind::Person)
                .map(|x| (x.name.as_str(), x.roles.first().map(String::as_str)))
                .collect();
            assert_eq!(people, vec![(person, Some(role))], "{text}");
        }
    }

    #[test]
    fn a_title_word_before_a_kind_of_body_names_the_body() {
        // "Justice" is a person's title ("Justice Scalia"), but before
        // "Department" it names the department.
        for (text, body) in [
            (
                "The Justice Department said it opposed the request.",
                "Justice Department",
            ),
            ("The Labor Party won the vote.", "Labor Party"),
        ] {
            let a = actors_of(text);
            let names: Vec<(&str, ActorKind)> =
                a.actors.iter().map(|x| (x.name.as_str(), x.kind)).collect();
            assert_eq!(names, vec![(body, ActorKind::Organisation)], "{text}");
        }
    }

    #[test]
    fn an_adjective_before_a_plural_of_states_or_people_is_no_name() {
        // (text, the word that must name no actor)
        for (text, word) in [
            ("Gulf Arab states said they would expel the envoys.", "Arab"),
            (
                "Our reporter spoke to Sultan Arab. Other Arab leaders said no.",
                "Other Arab",
            ),
        ] {
            let a = actors_of(text);
            let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
            assert!(
                !names.iter().any(|n| n.ends_with(word)),
                "{text}: {names:?}"
            );
        }
    }

    #[test]
    fn a_bodys_name_goes_on_past_for_and_ends_in_a_kind_of_body() {
        // (text, the actors it names with their kinds)
        use ActorKind::{Organisation, Person};
        let cases: [(&str, &[(&str, ActorKind)]); 5] = [
            (
                "The Syrian Observatory for Human Rights said troops fired.",
                &[("Syrian Observatory for Human Rights", Organisation)],
            ),
            (
                "The Commission for Africa on Thursday published a report.",
                &[("Commission for Africa", Organisation)],
            ),
            (
                "The UN Security Council on Syria met.",
                &[
                    ("UN Security Council", Organisation),
                    ("Syria", ActorKind::Country),
                ],
            ),
            (
                "The Arab League said it would send monitors.",
                &[("Arab League", Organisation)],
            ),
            (
                "The White House said Obama spoke to Erdogan.",
                &[("White House", Organisation)],
            ),
        ];
        for (text, expected) in cases {
            let a = actors_of(text);
            let names: Vec<(&str, ActorKind)> = a
                .actors
                .iter()
                .map(|x| (x.name.as_str(), x.kind))
                .filter(|(_, k)| *k != Person)
                .collect();
            assert_eq!(names, expected, "{text}");
        }
    }

    #[test]
    fn a_person_after_a_news_mediums_possessive_is_a_reporter_in_every_mention() {
        let text = "Kofi Annan urged a halt to the shelling. Meanwhile the BBC's Jim Muir \
                    says the ceasefire is collapsing. Muir says more troops arrived.";
        let a = actors_of(text);
        let flags = reporters(text, &a, Some("bbc"));
        let reporter = |name: &str| {
            let i = a.actors.iter().position(|x| x.name == name).expect(name);
            flags[i]
        };
        assert!(reporter("Jim Muir"));
        assert!(!reporter("Kofi Annan"));
    }

    #[test]
    fn a_person_reporting_from_a_place_is_a_reporter() {
        let text = "Shelling resumed in the city, Jim Muir said. Jim Muir, reporting from \
                    Beirut, said the army was advancing.";
        let a = actors_of(text);
        assert!(reporters(text, &a, None)[0], "{:?}", a.actors);
    }

    fn mentioned(text: &str, a: &ArticleActors) -> Vec<(String, String)> {
        words_and_names(text, a, &a.mentions)
    }

    /// Each of `mentions` as (its words, the actor named).
    fn words_and_names(
        text: &str,
        a: &ArticleActors,
        mentions: &[Mention],
    ) -> Vec<(String, String)> {
        mentions
            .iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    a.actors[m.actor].name.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn roles_come_from_the_texts_own_appositions() {
        let cases: &[(&str, &str, ActorKind, &str)] = &[
            (
                "US President Donald Trump spoke.",
                "Donald Trump",
                ActorKind::Person,
                "US President",
            ),
            (
                "He met Russian President Vladimir Putin.",
                "Vladimir Putin",
                ActorKind::Person,
                "Russian President",
            ),
            (
                "Kremlin spokesperson Dmitry Peskov told reporters.",
                "Dmitry Peskov",
                ActorKind::Person,
                "Kremlin spokesperson",
            ),
            (
                "Peskov told the TASS state news agency that it was so.",
                "TASS",
                ActorKind::Organisation,
                "state news agency",
            ),
            (
                "It ruled out engaging with President Volodymyr Zelensky.",
                "Volodymyr Zelensky",
                ActorKind::Person,
                "President",
            ),
        ];
        for (text, name, kind, role) in cases {
            let a = actors_of(text);
            let actor = a
                .actors
                .iter()
                .find(|x| x.name == *name)
                .unwrap_or_else(|| panic!("{name} not found in {text}: {:?}", a.actors));
            assert_eq!(actor.kind, *kind, "{text}");
            assert_eq!(actor.roles, [role.to_string()], "{text}");
        }
    }

    #[test]
    fn surnames_and_possessives_resolve_to_the_full_name() {
        let text =
            "Russian President Vladimir Putin spoke. Putin's remarks came late. Putin said no.";
        let a = actors_of(text);
        let names: Vec<_> = mentioned(text, &a).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["Vladimir Putin"; 3]);
        assert_eq!(a.actors.len(), 1);
    }

    #[test]
    fn an_opening_adverb_a_quantity_or_a_contraction_is_no_part_of_a_name() {
        for (text, name) in [
            (
                "Although Bashar Assad sponsors Hezbollah, he has played a cautious hand.",
                "Bashar Assad",
            ),
            (
                "Once Michael Jackson said he would tour, tickets sold out.",
                "Michael Jackson",
            ),
            (
                "In the ad, I’m John McCain, who approved this message.",
                "John McCain",
            ),
            ("Oh Barack Obama looked my way!", "Barack Obama"),
            (
                "More Gulf Arab nations withdrew their ambassadors, Turkey said.",
                "Turkey",
            ),
        ] {
            let a = actors_of(text);
            let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
            assert!(names.contains(&name), "{text}: {names:?}");
            assert!(
                names
                    .iter()
                    .all(|n| n.split(' ').count() <= name.split(' ').count()),
                "{text}: {names:?}"
            );
        }
    }

    #[test]
    fn a_word_said_twice_in_a_row_ends_the_name() {
        let text = "Thousands still fleeing into Turkey Turkey says it might need help. Adm Thad Allen said the well was shut. The Department said it would help.";
        let a = actors_of(text);
        let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
        assert!(
            !names.iter().any(|n| n.contains("Turkey Turkey")),
            "{names:?}"
        );
        assert!(names.contains(&"Thad Allen"), "{names:?}");
        assert!(!names.contains(&"Department"), "{names:?}");
    }

    #[test]
    fn a_lone_first_name_is_the_person_last_named_in_full_with_it() {
        let text = "Apple CEO Steve Jobs spoke. Steve called podcasting new. Former Microsoft CEO Steve Ballmer agreed. Steve said so.";
        let a = actors_of(text).with_secondary_mentions();
        let steves: Vec<_> = mentioned(text, &a)
            .into_iter()
            .filter(|(m, _)| m == "Steve")
            .map(|(_, n)| n)
            .collect();
        assert_eq!(steves, ["Steve Jobs", "Steve Ballmer"]);
        // Before the full name, a first name stands for no one known.
        let text = "Steve called. Apple CEO Steve Jobs spoke.";
        let a = actors_of(text).with_secondary_mentions();
        assert!(mentioned(text, &a).iter().all(|(m, _)| m != "Steve"));
    }

    /// Who each "he" or "she" of the article stands for, in order.
    fn pronoun_referents(a: &ArticleActors) -> Vec<&str> {
        a.mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Pronoun)
            .map(|m| a.actors[m.actor].name.as_str())
            .collect()
    }

    #[test]
    fn pronouns_resolve_to_the_sentence_subject_or_the_one_before() {
        let text = "\"If Zelensky wants to take part, I will allocate people,\" Putin said. However, he dismissed the idea. Putin stressed that Zelensky, whom he labeled illegitimate, must go.";
        assert_eq!(pronoun_referents(&actors_of(text)), ["Putin", "Putin"]);
    }

    #[test]
    fn a_pronoun_inside_a_sentence_naming_no_person_before_it_is_nobody() {
        // (text, who each "he"/"she" stands for, in order)
        let cases: [(&str, &[&str]); 5] = [
            (
                "President Hosni Mubarak left the palace. A Knesset member said he did not believe the protests could win.",
                &[],
            ),
            (
                "President Hosni Mubarak left the palace. The minister said he would resign.",
                &[],
            ),
            (
                "President George Bush hosted the summit. At a joint news conference with President Hosni Mubarak in April he offered support.",
                &["George Bush"],
            ),
            (
                "President Hosni Mubarak left the palace. But he said he would stay in Egypt.",
                &["Hosni Mubarak", "Hosni Mubarak"],
            ),
            (
                "Kofi Annan met the minister. “We will not give up,” he said.",
                &["Kofi Annan"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(pronoun_referents(&actors_of(text)), expected, "{text}");
        }
    }

    #[test]
    fn a_bracketed_name_after_a_pronoun_wins() {
        let text = "Trump spoke with President Vladimir Putin. \"He (Putin) wants to see people stop dying,\" Trump said.";
        let a = actors_of(text);
        let he = a
            .mentions
            .iter()
            .find(|m| m.kind == MentionKind::Pronoun)
            .unwrap();
        assert_eq!(a.actors[he.actor].name, "Vladimir Putin");
    }

    #[test]
    fn descriptions_resolve_by_role_and_nationality() {
        let text = "Russian President Vladimir Putin ruled out talks with President Volodymyr Zelensky. He dismissed the Ukrainian leader's legitimacy. The Russian leader left.";
        let a = actors_of(text);
        let described: Vec<_> = mentioned(text, &a)
            .into_iter()
            .filter(|(t, _)| t.to_lowercase().starts_with("the"))
            .collect();
        assert_eq!(
            described,
            [
                (
                    "the Ukrainian leader".to_string(),
                    "Volodymyr Zelensky".to_string()
                ),
                (
                    "The Russian leader".to_string(),
                    "Vladimir Putin".to_string()
                ),
            ]
        );
    }

    #[test]
    fn names_in_passing_are_people_but_venues_and_vehicles_are_not() {
        let text = "Donald Trump watched fireworks at Trump National Golf Club aboard Air Force One. A report of a conversation between Donald Trump and Vladimir Putin appeared in the New York Post.";
        let a = actors_of(text);
        let mut names: Vec<_> = a.actors.iter().map(|x| (x.name.as_str(), x.kind)).collect();
        names.sort();
        assert_eq!(
            names,
            [
                ("Donald Trump", ActorKind::Person),
                ("New York Post", ActorKind::Organisation),
                ("Vladimir Putin", ActorKind::Person),
            ]
        );
    }

    #[test]
    fn a_name_with_a_role_in_apposition_is_a_person() {
        let text = "Steve Jobs, the chief executive officer of Apple Inc., announced a leave.";
        let a = actors_of(text);
        let jobs = a.actors.iter().find(|x| x.name == "Steve Jobs").unwrap();
        assert_eq!(jobs.kind, ActorKind::Person);
        let inc = a
            .actors
            .iter()
            .find(|x| x.name.starts_with("Apple Inc"))
            .unwrap();
        assert_eq!(inc.kind, ActorKind::Organisation);
    }

    #[test]
    fn a_company_form_outranks_a_title() {
        let a = actors_of("General Motors announced a recall.");
        assert_eq!(a.actors[0].name, "General Motors");
        assert_eq!(a.actors[0].kind, ActorKind::Organisation);
    }

    #[test]
    fn camel_case_names_and_model_numbers_are_products() {
        let text = "Apple CEO Steve Jobs unveiled the iPhone 4 and a new iPod on June 7.";
        let a = actors_of(text);
        let mut names: Vec<_> = a.actors.iter().map(|x| (x.name.as_str(), x.kind)).collect();
        names.sort();
        assert_eq!(
            names,
            [
                ("Steve Jobs", ActorKind::Person),
                ("iPhone 4", ActorKind::Product),
                ("iPod", ActorKind::Product),
            ]
        );
    }

    #[test]
    fn a_camel_case_name_keeps_its_model_number_before_a_comma() {
        let text = "Jobs unveiled iPhone 4, along with iOS 4. Shares of Apple 5, rose.";
        let a = actors_of(text);
        let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
        assert!(names.contains(&"iPhone 4"), "{names:?}");
        assert!(names.contains(&"iOS 4"), "{names:?}");
        assert!(!names.contains(&"Apple 5"), "{names:?}");
    }

    #[test]
    fn a_single_name_before_said_is_a_person() {
        let text = "\"It is done,\" Tanaka said.";
        let a = actors_of(text);
        assert_eq!(a.actors[0].name, "Tanaka");
    }

    /// The body mentions of `text` as (words, body named).
    fn bodies_of(text: &str) -> Vec<(String, String)> {
        let a = actors_of(text);
        words_and_names(text, &a, &a.body_mentions)
    }

    #[test]
    fn bodies_are_followed_by_one_word_by_kind_and_by_it() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            // A lone word before a past verb, written capitalised inside a
            // sentence too and said to be a body (by what it has, or by an
            // apposition), is a body's name, wherever it is written.
            (
                "Airbus won an order for 20 jets. The deal lifted Airbus’s shares.",
                &[("Airbus", "Airbus"), ("Airbus", "Airbus")],
            ),
            (
                "Talks with Embraer, the Brazilian planemaker, ended. Embraer lost the order.",
                &[
                    ("Embraer", "Embraer"),
                    ("the Brazilian planemaker", "Embraer"),
                    ("Embraer", "Embraer"),
                ],
            ),
            // "the company", "the European planemaker": the body that opened
            // the sentence before.
            (
                "Airbus Group won an order for 20 jets. The European planemaker said \
                 deliveries start in May.",
                &[("The European planemaker", "Airbus Group")],
            ),
            // Else the body the article named most often so far.
            (
                "Airbus Group won an order. Boeing Co. lost it. Airbus Group \
                 said more would follow. Prices rose. The company delivered two jets.",
                &[("The company", "Airbus Group")],
            ),
            // "It" doing something, after a sentence a body opened.
            (
                "General Motors Corp. cut 5,000 jobs. It also announced a new plant.",
                &[("It", "General Motors Corp")],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(bodies_of(text), want, "{text}");
        }
    }

    #[test]
    fn words_that_only_look_like_acting_bodies_are_none() {
        let cases: &[&str] = &[
            // A plural noun after the word: a modifier.
            "Laptops with Intel processors shipped. Buyers of Intel processors paid more.",
            // A determiner before the word and its verb: a thing.
            "The Shuffle was cheap. Buyers liked the Shuffle best.",
            // Only ever capitalised because it opens a sentence.
            "Rebels seized the town. Officials said rebels fled.",
            // After "in": a place.
            "Homs fell on Monday. Fighting went on in Homs.",
            // "It" with "is", "seems": no body.
            "General Motors Corp. cut jobs. It is unclear why. It seems late.",
            // Nothing says it is a body: a surname as likely.
            "Holder has said the inquiry would widen. Officials met Holder on Monday.",
            // "the company" with no body named before it.
            "Workers struck on Monday. The company said talks would resume.",
        ];
        for text in cases {
            assert_eq!(bodies_of(text), Vec::<(String, String)>::new(), "{text}");
        }
    }
}
