//! One article's extracted events: each clause with a resolved date becomes
//! an event dated by the most specific expression about it (the others are
//! kept as evidence, agreeing or not); dateless sentences that continue an
//! event (its speaker again, a pronoun, a quotation) attach to it; a
//! dateless statement by a new speaker ("Peskov told TASS ...") becomes a
//! reported event dated by the article.
//!
//! Pure: the article and its tagged expressions in, events out. Tagging is
//! the caller's, so tests can hand in expressions built by hand.

use super::actors::{self, ArticleActors, Mention};
use super::assertion::{self, Assertion};
use super::furniture;
use super::headline::{self, Input};
use super::lexicon;
use super::place::place;
use super::quote_marks::quoted_spans;
use super::quotes::quotes;
use super::sentences::{Sentence, article_sentences};
use super::trigger;
use crate::content::Article;
use crate::content::markdown::BlockKind;
use crate::temporal::{Anchor, Precision, TimeExpr, Timex, TimexType};
use crate::timeline::{
    Actor, CitedArticle, DateEvidence, Event, EventKind, Source, Trigger, stable_id,
};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// How many sentences after an event a dateless sentence may still attach.
const CONTEXT_WINDOW: usize = 4;

/// A sentence of at least this many words that an article repeats word for
/// word is a live page's entry told again; shorter ones ("He declined to
/// comment.") recur by chance.
const REPEATED_ENTRY_WORDS: usize = 8;

/// How many of an article's first sentences may tell its lead event.
const LEAD_SENTENCES: usize = 3;

/// How many days before its article a lead event may be.
const LEAD_DAYS: i64 = 7;

/// How far into a sentence a closing bracket with no opening one before
/// it shows the sentence was cut from its start ("VX), the owner of ...").
const CUT_START_BYTES: usize = 40;

/// How much of the body, from its start, is read for the actors a title
/// names: the lead, where a story names its actors in full.
const TITLE_CONTEXT_BYTES: usize = 2000;

/// Events dated more than this many days after their article are plans or
/// forecasts, left out.
const FORECAST_DAYS: i64 = 365;

/// A timeline event dated more than this many days after its article (a
/// day's slack for a story filed across a time zone) is a plan, a schedule
/// or a forecast ("would begin drilling Thursday", "the next hearing has
/// been set for 5 April"): nothing the article could report as done, so
/// precision first leaves it out.
const AFTER_ARTICLE_DAYS: i64 = 1;

/// The events extracted from `article`, given the expressions the tagger
/// found in `article.text` (anchored on the article date); none from a
/// broadcast transcript ([`furniture::transcript`]).
pub fn extract(article: &Article, exprs: &[TimeExpr]) -> Vec<Event> {
    if furniture::transcript(&article.text) {
        return Vec::new();
    }
    extract_with(article, exprs, true, None)
}

/// Every dated clause of `article` as an event, whether or not an editor
/// would publish it: furniture, fragment headlines, forecasts and media as
/// actors included. They are no timeline events; the key-dates ranking
/// counts them as evidence of how much dated reporting a day had (its
/// `corroborated` signal was fitted on them, and leaving them out lowers
/// its cross-validated date F1 from 0.6004 to 0.5679).
pub fn candidates(article: &Article, exprs: &[TimeExpr]) -> Vec<Event> {
    extract_with(article, exprs, false, None)
}

/// [`extract`] when `strict`, else [`candidates`]; with `until`, only the
/// sentences that start before it give events (the actors are still found
/// in the whole text).
fn extract_with(
    article: &Article,
    exprs: &[TimeExpr],
    strict: bool,
    until: Option<usize>,
) -> Vec<Event> {
    let ahead;
    let exprs = if strict && furniture::live_page(article) {
        ahead = live_weekdays(exprs, article.date);
        &ahead[..]
    } else {
        exprs
    };
    // Furniture run into a sentence is cut off its front; furniture
    // sentences are no news at all, and nor is anything after the opening
    // of the page's reader comments. A live page that repeats an entry
    // word for word tells it once.
    let mut seen: HashSet<&str> = HashSet::new();
    let sentences: Vec<Sentence<'_>> = article_sentences(article)
        .into_iter()
        .take_while(|s| !(strict && furniture::opens_comments(s.text)))
        .filter_map(|s| {
            if !strict {
                return Some(s);
            }
            let cut = furniture::lead_start(s.text);
            let s = Sentence {
                start: s.start + cut,
                text: &s.text[cut..],
                ..s
            };
            let repeated =
                s.text.split_whitespace().count() >= REPEATED_ENTRY_WORDS && !seen.insert(s.text);
            (furniture::furniture(s.text).is_none() && !repeated).then_some(s)
        })
        .collect();
    let actors = actors::find(&article.text, &sentences);
    let reporters = actors::reporters(&article.text, &actors, article.source.as_deref());
    let secondary_actors = actors.with_secondary_mentions();
    let dated: Vec<&TimeExpr> = exprs
        .iter()
        .filter(|e| {
            matches!(e.timex_type, TimexType::Date | TimexType::Time)
                && e.timex().is_some()
                && !year_in_name(&article.text, e)
        })
        .collect();
    let mut ctx = Extraction {
        article,
        cited: CitedArticle::of(article),
        actors: &actors,
        reporters: &reporters,
        secondary_actors: &secondary_actors,
        events: Vec::new(),
        last_sentence: Vec::new(),
        ids: HashMap::new(),
        strict,
        triggers: Vec::new(),
        lead_date: None,
        prev_subject: None,
    };
    let mut cursor = 0;
    for (si, s) in sentences.iter().enumerate() {
        if until.is_some_and(|u| s.start >= u) {
            break;
        }
        while cursor < dated.len() && dated[cursor].start < s.start {
            cursor += 1;
        }
        let mut end = cursor;
        while end < dated.len() && dated[end].start < s.end {
            end += 1;
        }
        let in_sentence = &dated[cursor..end];
        cursor = end;
        let quote_ranges: Vec<Range<usize>> = quoted_spans(s.text)
            .iter()
            .map(|q| s.start + q.outer_start..s.start + q.outer_end)
            .collect();
        let mut made = false;
        for clause in clauses(s, &quote_ranges) {
            let in_clause: Vec<&TimeExpr> = in_sentence
                .iter()
                .copied()
                .filter(|e| clause.contains(&e.start))
                .collect();
            if in_clause.is_empty() {
                continue;
            }
            // Phrases set off by commas, whose dates are theirs and not the
            // clause's: a participle's ("Jobs, born on February 24, 1955,
            // has built") and a relative clause's ("Tellawi, whose brother
            // was killed three months ago"). Found once per clause.
            let set_off: Vec<Range<usize>> = if strict {
                appositions(&article.text, &clause)
                    .into_iter()
                    .map(|(_, phrase)| phrase)
                    .chain(set_off_relatives(&article.text, &clause))
                    .collect()
            } else {
                Vec::new()
            };
            // "Monday's inauguration": a possessive date names another
            // thing's date, not the clause's.
            let here: Vec<&TimeExpr> = in_clause
                .into_iter()
                .filter(|e| !possessive_at(&article.text[e.end..]))
                .filter(|e| !set_off.iter().any(|r| r.contains(&e.start)))
                // "the first since early 2022" dates a comparison, not the
                // clause; a date inside a quotation is the date of what
                // was said about, not of the saying.
                .filter(|e| {
                    !strict
                        || !(passing_date(&article.text, e)
                            || opening_since_date(&article.text, clause.start, e)
                            || trailing_subordinate_date(&article.text, clause.start, e)
                            || attributive_date(&article.text, clause.start, e)
                            || quote_ranges
                                .iter()
                                .any(|q| q.start <= e.start && e.start < q.end))
                })
                .collect();
            if here.is_empty() {
                continue;
            }
            ctx.dated_event(si, s, clause, &here, &quote_ranges);
            made = true;
        }
        if !made {
            ctx.dateless(si, s, &quote_ranges);
        }
        if strict && !furniture::run_together(s.text) {
            ctx.secondary(si, s, in_sentence, &quote_ranges);
        }
    }
    ctx.events
}

struct Extraction<'a> {
    article: &'a Article,
    /// What its sources say of the article, shared by them.
    cited: CitedArticle,
    actors: &'a ArticleActors,
    /// For each actor, whether it is one of the article's reporters (see
    /// [`actors::reporters`]).
    reporters: &'a [bool],
    /// The actors with their lone first names (see
    /// [`ArticleActors::with_secondary_mentions`]), for the secondary events.
    secondary_actors: &'a ArticleActors,
    events: Vec<Event>,
    /// For each event, the index of the last sentence attached to it.
    last_sentence: Vec<usize>,
    /// Ids handed out so far, to keep repeated sentences apart.
    ids: HashMap<String, usize>,
    /// Whether to leave out what an editor would not publish (see
    /// [`candidates`]).
    strict: bool,
    /// The triggers of the events made so far.
    triggers: Vec<Range<usize>>,
    /// The date of the article's lead event: the first event, when it is
    /// told in the article's first sentences and falls in the week before
    /// its publication ("Yesterday, ... unveiled"). A later sentence without
    /// a date of its own that reports the past continues it.
    lead_date: Option<Timex>,
    /// The subject of the sentence before, when it is no person: what an
    /// "it" opening a sentence stands for (secondary events only).
    prev_subject: Option<usize>,
}

impl Extraction<'_> {
    fn dated_event(
        &mut self,
        si: usize,
        s: &Sentence<'_>,
        clause: Range<usize>,
        exprs: &[&TimeExpr],
        quote_ranges: &[Range<usize>],
    ) {
        let text = &self.article.text;
        let subject = self.clause_subject(s, &clause, quote_ranges);
        let date_ranges: Vec<Range<usize>> = exprs.iter().map(|e| e.start..e.end).collect();
        let clause_text = &text[clause.clone()];
        let local_dates: Vec<Range<usize>> = date_ranges
            .iter()
            .map(|r| r.start - clause.start..r.end - clause.start)
            .collect();
        let sentence_dates: Vec<Range<usize>> = date_ranges
            .iter()
            .map(|r| r.start - s.start..r.end - s.start)
            .collect();
        let (place_text, place_range) = match place(clause_text, &local_dates) {
            Some((p, r)) => (Some(p), Some(clause.start + r.start..clause.start + r.end)),
            None => match place(s.text, &sentence_dates) {
                Some((p, _)) => (Some(p), None),
                None => (None, None),
            },
        };
        let mut remove = date_ranges.clone();
        remove.extend(place_range.clone());
        let input = Input {
            text,
            clause: clause.clone(),
            subject,
            remove: &remove,
            quotes: quote_ranges,
            actors: self.actors,
        };
        let trigger = trigger::trigger(&input);
        // The clause's date is the one in its trigger's stretch (see
        // [`stretches`]) when that has one: "He fought cancer in 2004 and
        // took six months off in early 2009" happened in 2004. (Key-date
        // candidates keep the clause's most precise date, which the
        // ranking was fitted on.)
        // A date in the stretch of a later verb set apart from the trigger
        // is that verb's, never the trigger's: one joined after a comma
        // ("considered going into academia, but instead went to BP in
        // 1982") or put in another time by a modal ("has flown on to Qatar
        // and will visit Turkey on Monday"). Such a clause tells nothing
        // of when its trigger happened, so it has no event of its own (the
        // later verb is a secondary one). Plain "and" often joins verbs of
        // one day ("shelled and machine-gunned the old quarter on
        // Saturday"), or nouns, and leaves the date to the trigger.
        let verbs = trigger::all(&input);
        let (in_stretch, not_joined): (Vec<&TimeExpr>, Vec<&TimeExpr>) = trigger
            .as_ref()
            .filter(|_| self.strict)
            .and_then(|t| verbs.iter().position(|v| v == t))
            .map(|vi| {
                let sts = stretches(text, &clause, &verbs);
                let st = sts[vi].clone();
                let set_apart = |k: usize| {
                    let joiner = sts[k].start;
                    joiner != verbs[k].start
                        && (text[..joiner].trim_end().ends_with(',')
                            || text[joiner..verbs[k].start].split_whitespace().any(|w| {
                                lexicon::words()
                                    .forecast_modals
                                    .contains(&w.to_lowercase().as_str())
                            }))
                };
                let joined_later = |e: &TimeExpr| {
                    sts.iter()
                        .enumerate()
                        .skip(vi + 1)
                        .any(|(k, r)| r.contains(&e.start) && set_apart(k))
                };
                (
                    exprs
                        .iter()
                        .copied()
                        .filter(|e| st.contains(&e.start))
                        .collect(),
                    exprs.iter().copied().filter(|e| !joined_later(e)).collect(),
                )
            })
            .unwrap_or_else(|| (Vec::new(), exprs.to_vec()));
        let Some(governing) = governing(if in_stretch.is_empty() {
            &not_joined
        } else {
            &in_stretch
        }) else {
            return;
        };
        let date = expr_date(governing);
        let effective = date.effective_interval();
        // A date after the article is a plan, a target or a forecast ("by
        // 2015", "on Thursday" in a Tuesday story about what will be done),
        // not something that happened: precision first, it is no event.
        if self.strict && (effective.first - self.article.date).num_days() > AFTER_ARTICLE_DAYS {
            return;
        }
        let evidence: Vec<DateEvidence> = std::iter::once(governing)
            .chain(
                exprs
                    .iter()
                    .copied()
                    .filter(|e| !std::ptr::eq(*e, governing)),
            )
            .map(|e| {
                let d = expr_date(e);
                DateEvidence {
                    text: e.text.clone(),
                    value: d,
                    agrees: d.effective_interval().overlaps(&effective),
                }
            })
            .collect();
        let disagreeing = evidence.iter().filter(|e| !e.agrees).count();
        // The card's date label says the governing date: the words that
        // restate it leave the headline, while a date of something else
        // ("will not seek office in elections scheduled for September")
        // is part of what the clause says and stays.
        // A date joined to a restating one ("between 2005 and 2008", "in
        // the 1950s and 1960s") goes with it: left alone it reads "between
        // and 2008".
        let mut restating: Vec<Range<usize>> = exprs
            .iter()
            .filter(|e| expr_date(e).effective_interval().overlaps(&effective))
            .map(|e| e.start..e.end)
            .collect();
        for e in exprs {
            let joined = restating.iter().any(|r| {
                let gap = if r.end <= e.start {
                    &text[r.end..e.start]
                } else if e.end <= r.start {
                    &text[e.end..r.start]
                } else {
                    return false;
                };
                lexicon::words().range_joiners.contains(&gap.trim())
            });
            if joined {
                restating.push(e.start..e.end);
            }
        }
        let mut head_remove = restating.clone();
        head_remove.extend(place_range.clone());
        let (mut head, mut whole) = headline::headline_checked(&Input {
            text,
            clause: clause.clone(),
            subject,
            remove: &head_remove,
            quotes: quote_ranges,
            actors: self.actors,
        });

        let sentence_actors = self.sentence_actors(s, subject, quote_ranges);
        if head.contains(lexicon::words().the_two) {
            let people: Vec<&str> = sentence_actors
                .iter()
                .filter(|&&a| self.actors.actors[a].kind == crate::timeline::ActorKind::Person)
                .map(|&a| self.actors.short_name(a))
                .take(2)
                .collect();
            if let [a, b] = people[..] {
                head = head.replacen("the two", &format!("{a} and {b}"), 1);
            }
        }
        // Without its place the clause may be too short to state anything
        // ("Trump watches fireworks"): then the place stays in.
        if !headline::publishable(&head) && place_range.is_some() {
            (head, whole) = headline::headline_checked(&Input {
                text,
                clause: clause.clone(),
                subject,
                remove: &restating,
                quotes: quote_ranges,
                actors: self.actors,
            });
        }
        // Precision first: an event without a headline that states it is
        // left out rather than published as a fragment, and so is a
        // clause that tells a state, a habit or a forecast.
        if self.strict && !self.states_news(s, &input, &head, whole, trigger.as_ref()) {
            return;
        }
        let mut confidence: f32 = match date.precision {
            Precision::Time | Precision::Day => 0.9,
            Precision::Week => 0.8,
            Precision::Month | Precision::Quarter | Precision::Season => 0.75,
            _ => 0.6,
        };
        if evidence.len() > disagreeing + 1 {
            confidence += 0.05;
        }
        if disagreeing > 0 {
            confidence -= 0.15;
        }
        if sentence_actors.is_empty() {
            confidence -= 0.15;
        }
        if subject.is_none() {
            confidence -= 0.05;
        }
        let mut resolution = describe_resolution(governing, self.article.date);
        for e in &evidence[1..] {
            resolution.push_str(&format!(
                "; '{}' ({}) {}",
                e.text,
                e.value.with_mod(),
                if e.agrees { "agrees" } else { "disagrees" }
            ));
        }
        let id = self.id(&[&text[clause.clone()], &date.to_string()]);
        self.triggers.extend(trigger.clone());
        if si < LEAD_SENTENCES
            && self.events.is_empty()
            && date.precision <= Precision::Day
            && (0..=LEAD_DAYS).contains(&(self.article.date - date.interval.first).num_days())
        {
            self.lead_date = Some(date);
        }
        let source = self.source(
            s,
            Some(governing.text.clone()),
            resolution,
            evidence,
            trigger,
        );
        self.push(
            si,
            Event {
                id,
                date,
                kind: EventKind::Happened,
                headline: head,
                text: s.text.to_string(),
                actors: Vec::new(),
                quotes: quotes(text, s, self.actors),
                place: place_text,
                sources: vec![source],
                confidence: confidence.clamp(0.1, 1.0),
                curated: false,
                date_disagreement: None,
                tags: self.article.tags.clone(),
                participants: Vec::new(),
                merge_reasons: Vec::new(),
                secondary: false,
                mention_only: false,
            },
            &sentence_actors,
        );
    }

    /// A sentence with no date: context for an earlier event, a reported
    /// statement, or nothing.
    fn dateless(&mut self, si: usize, s: &Sentence<'_>, quote_ranges: &[Range<usize>]) {
        let text = &self.article.text;
        let subject = actors::subject_of(text, s, self.actors);
        let starts_with_quote = quote_ranges.first().is_some_and(|q| q.start == s.start);
        let subject_name = subject.map(|m| self.actors.actors[m.actor].name.as_str());
        // The latest nearby event this sentence continues.
        let target = (0..self.events.len())
            .rev()
            .filter(|&i| !self.events[i].secondary)
            // The body does not continue the photo's caption.
            .filter(|&i| {
                self.events[i]
                    .sources
                    .first()
                    .and_then(|s| s.anchor.as_deref())
                    != Some("caption")
            })
            .take(3)
            .find(|&i| {
                si - self.last_sentence[i] <= CONTEXT_WINDOW
                    && match subject_name {
                        Some(n) => {
                            self.events[i].actors.first().is_some_and(|a| a == n)
                                || (self.events[i].actors.iter().any(|a| a == n)
                                    && self.last_sentence[i] + 1 == si)
                        }
                        None => starts_with_quote && self.last_sentence[i] + 1 == si,
                    }
            });
        if let Some(i) = target {
            let lead = self.events[i].actors.first().cloned();
            let ev = &mut self.events[i];
            for mut q in quotes(text, s, self.actors) {
                if q.speaker.is_none() {
                    q.speaker = lead.clone();
                }
                crate::timeline::merge::add_quote(&mut ev.quotes, q);
            }
            if let Some(src) = ev.sources.first_mut() {
                src.context.push(s.text.to_string());
            }
            self.last_sentence[i] = si;
            return;
        }
        let Some(subject) = subject else { return };
        // A statement: a verb of saying outside the quotations, and a speaker.
        let says = lexicon::words().speech_verbs.iter().any(|v| {
            let mut from = 0;
            while let Some(p) = s.text[from..].find(v) {
                let at = s.start + from + p;
                let bounded = word_at(s.text, from + p, v.len());
                if bounded && !quote_ranges.iter().any(|q| q.start <= at && at < q.end) {
                    return true;
                }
                from += p + v.len();
            }
            false
        });
        if !says || starts_with_quote {
            return;
        }
        let date = Timex::day(self.article.date);
        let sentence = s.start..s.end;
        let input = Input {
            text,
            clause: sentence.clone(),
            subject: Some(subject),
            remove: &[],
            quotes: quote_ranges,
            actors: self.actors,
        };
        let (head, whole) = headline::headline_checked(&input);
        let trigger = trigger::trigger(&input);
        if self.strict && !self.states_news(s, &input, &head, whole, trigger.as_ref()) {
            return;
        }
        let sentence_actors = self.sentence_actors(s, Some(subject), quote_ranges);
        let resolution = format!(
            "no date of its own: a statement reported in the article of {}, dated by its publication",
            self.article.date.format("%a %-d %b %Y")
        );
        let id = self.id(&[s.text, "reported"]);
        self.triggers.extend(trigger.clone());
        let source = self.source(s, None, resolution, Vec::new(), trigger);
        self.push(
            si,
            Event {
                id,
                date,
                kind: EventKind::Reported,
                headline: head,
                text: s.text.to_string(),
                actors: Vec::new(),
                quotes: quotes(text, s, self.actors),
                place: place(s.text, &[]).map(|p| p.0),
                sources: vec![source],
                confidence: 0.5,
                curated: false,
                date_disagreement: None,
                tags: self.article.tags.clone(),
                participants: Vec::new(),
                merge_reasons: Vec::new(),
                secondary: false,
                mention_only: false,
            },
            &sentence_actors,
        );
    }

    /// The secondary events of a sentence (see [`Event::secondary`]): every
    /// verb of each clause that no event has as its trigger yet, with the
    /// clause's actors. A clause with a date takes it; one without takes
    /// the date the text implies: the article's for a present form ("the
    /// store sells"), else the date of the sentence's other clause or of
    /// the event the sentence continues (within [`CONTEXT_WINDOW`]
    /// sentences), else the article's, as a report.
    fn secondary(
        &mut self,
        si: usize,
        s: &Sentence<'_>,
        dated: &[&TimeExpr],
        quote_ranges: &[Range<usize>],
    ) {
        let primary = std::mem::replace(&mut self.actors, self.secondary_actors);
        self.secondary_verbs(si, s, dated, quote_ranges);
        self.actors = primary;
    }

    /// [`Extraction::secondary`], with `self.actors` its actors.
    fn secondary_verbs(
        &mut self,
        si: usize,
        s: &Sentence<'_>,
        dated: &[&TimeExpr],
        quote_ranges: &[Range<usize>],
    ) {
        let text = &self.article.text;
        let clauses = clauses(s, quote_ranges);
        // "the first conversation since early 2022": a date that starts the
        // span of a comparison dates no verb of the clause. ("CEO since
        // 1997" does date the state it starts.)
        let own = |c: &Range<usize>| -> Vec<&TimeExpr> {
            dated
                .iter()
                .copied()
                .filter(|e| c.start <= e.start && e.start < c.end)
                .filter(|e| !possessive_at(&text[e.end..]))
                .filter(|e| !(passing_date(text, e) && compared(&text[c.start..e.start])))
                .collect()
        };
        // A clause's dates outside its participle phrases (see
        // [`appositions`]), which date only their participle.
        let outside = |c: &Range<usize>| -> Vec<&TimeExpr> {
            let apps = appositions(text, c);
            own(c)
                .into_iter()
                .filter(|e| {
                    !apps
                        .iter()
                        .any(|(_, a)| a.start <= e.start && e.start < a.end)
                })
                .collect()
        };
        let sentence_date = clauses
            .iter()
            .find_map(|c| governing(&outside(c)).map(expr_date));
        for clause in clauses.iter() {
            let here = own(clause);
            let apps = appositions(text, clause);
            let here_outside = outside(clause);
            let date_ranges: Vec<Range<usize>> = here.iter().map(|e| e.start..e.end).collect();
            let subject = self.clause_subject(s, clause, quote_ranges);
            // "..., saying ...": a participle clause with no subject of its
            // own shares the sentence's.
            let subject = subject.or_else(|| {
                actors::subject_of(text, s, self.actors).filter(|m| m.start < clause.start)
            });
            // "Following Apple's purchase of NeXT, Jobs returned": a name
            // in a verbless phrase opening the clause with a preposition
            // is no subject; the subject comes after the phrase's comma.
            let subject = subject.map(|m| {
                opening_phrase_end(text, clause, m.end)
                    .and_then(|(comma, verb)| {
                        let outside = |x: &&Mention| {
                            !quote_ranges
                                .iter()
                                .any(|q| q.start <= x.start && x.start < q.end)
                        };
                        actors::first_subject(
                            text,
                            comma,
                            self.actors
                                .in_range(comma, clause.end)
                                .iter()
                                .filter(outside),
                            self.actors,
                        )
                        .filter(|x| !verb || right_after(text, comma, x))
                    })
                    .unwrap_or(m)
            });
            // "It comes in two colours": an "it" opening the clause, with no
            // name before it, is the thing the sentence before had as its
            // subject (a product, a company; never a person).
            let lead = text[clause.clone()].trim_start();
            let it_at = clause.end - lead.len();
            let subject = match (subject, self.prev_subject) {
                (m, Some(prev))
                    if opens_with_referring_pronoun(lead, true)
                        && m.is_none_or(|m| m.start > it_at) =>
                {
                    Some(Mention {
                        start: it_at,
                        end: it_at + 2,
                        actor: prev,
                        kind: actors::MentionKind::Pronoun,
                    })
                }
                (m, _) => m,
            };
            let input = Input {
                text,
                clause: clause.clone(),
                subject,
                remove: &date_ranges,
                quotes: quote_ranges,
                actors: self.actors,
            };
            let mut verbs = trigger::all(&input);
            // The participle of a phrase set off by commas after the
            // subject ("Jobs, born in 1955, has built") is a verb of its own.
            for (p, _) in &apps {
                if !verbs.iter().any(|v| v.start < p.end && p.start < v.end) {
                    verbs.push(p.clone());
                }
            }
            verbs.sort_by_key(|r| r.start);
            let stretches = stretches(text, clause, &verbs);
            for (vi, verb) in verbs.iter().cloned().enumerate() {
                // "bought Pixar which was acquired by Disney": a verb of a
                // relative clause is its antecedent's, not the subject's.
                let relative = relative_antecedent(text, clause.start, &verb, self.actors);
                let clause_subject = subject;
                let mut subject = relative.unwrap_or(subject);
                // A verb takes the date written in its own stretch of the
                // clause (see [`stretches`]) when there is one: "fought
                // cancer in 2004 and took six months off in 2009".
                let (seg_start, seg_end) = (stretches[vi].start, stretches[vi].end);
                // A verb of saying is not dated by what was said ("Steve
                // announced that Leopard would be released in 2007"): a
                // date after its "that", quotation mark or colon is the
                // content's, and the verb has only those before.
                let said_from = trigger::saying(text, &verb)
                    .then(|| {
                        let rest = &text[verb.end..seg_end.max(verb.end)];
                        let that = format!("{} ", lexicon::words().complementizer);
                        [that.as_str(), "“", "\"", ":"]
                            .iter()
                            .filter_map(|m| rest.find(m))
                            .min()
                            .map(|p| verb.end + p)
                    })
                    .flatten();
                // A participle set off by commas has the dates of its own
                // phrase; the other verbs have none of them.
                let app = apps
                    .iter()
                    .find(|(p, _)| *p == verb)
                    .map(|(_, a)| a.clone());
                let (seg_start, seg_end) = match &app {
                    Some(a) => (a.start, a.end),
                    None => (seg_start, seg_end),
                };
                let own_stretch: Vec<&TimeExpr> = here
                    .iter()
                    .copied()
                    .filter(|e| seg_start <= e.start && e.start < seg_end)
                    .filter(|e| said_from.is_none_or(|f| e.start < f))
                    .filter(|e| {
                        app.is_some()
                            || !apps
                                .iter()
                                .any(|(_, a)| a.start <= e.start && e.start < a.end)
                    })
                    .collect();
                let dates = if own_stretch.is_empty() && said_from.is_none() && app.is_none() {
                    &here_outside
                } else {
                    &own_stretch
                };
                // Its actors: the clause's subject and those named in the
                // verb's own stretch (its object, its agent: "unveiled
                // iPhone 4", "praised by Jobs"); a verb of saying has only
                // its speaker, not the names in what was said.
                let mut verb_actors: Vec<usize> = subject.map(|m| m.actor).into_iter().collect();
                // "“...,” said Apple Inc. CEO Steve Jobs": the speaker named
                // after the verb is the person among the names there.
                if trigger::saying(text, &verb)
                    && subject.is_some_and(|m| verb.end <= m.start)
                    && let Some(p) = self.actors.in_range(verb.end, seg_end).iter().find(|m| {
                        self.actors.actors[m.actor].kind == crate::timeline::ActorKind::Person
                    })
                {
                    verb_actors = vec![p.actor];
                }
                if !trigger::saying(text, &verb) {
                    for m in self.actors.in_range(verb.end, seg_end) {
                        let quoted = quote_ranges
                            .iter()
                            .any(|q| q.start <= m.start && m.start < q.end);
                        if !quoted
                            && !actors::names_the_place(text, m, self.actors)
                            && !verb_actors.contains(&m.actor)
                        {
                            verb_actors.push(m.actor);
                        }
                    }
                }
                // "Jobs' medical leave": the owner of an event noun is
                // its actor.
                if trigger::event_noun_at(text, &verb)
                    && let Some(m) = possessor(text, self.actors, clause.start, verb.start)
                    && !verb_actors.contains(&m.actor)
                {
                    verb_actors.push(m.actor);
                }
                // A relative clause that names no one keeps the clause's
                // subject, as the nearest actor it may be about.
                if verb_actors.is_empty() && relative.is_some() {
                    subject = clause_subject;
                    verb_actors.extend(subject.map(|m| m.actor));
                }
                if verb_actors.is_empty() {
                    continue;
                }
                if trigger::copula(text, &verb)
                    || self
                        .triggers
                        .iter()
                        .any(|t| t.start < verb.end && verb.start < t.end)
                {
                    continue;
                }
                // The headline reads from the verb on, after the subject;
                // a verb before its subject ("“...,” said Jobs") says the
                // quotation that opens the clause.
                let opening_quote = quote_ranges
                    .iter()
                    .find(|q| q.start == clause.start + (text[clause.clone()].len() - lead.len()))
                    .filter(|_| subject.is_some_and(|m| verb.end <= m.start));
                let head = match opening_quote {
                    Some(q) => format!(
                        "{} {}",
                        headline::present_tense(&text[verb.clone()]),
                        text[q.clone()]
                            .trim_end_matches(['”', '“', '"'])
                            .trim_end_matches([',', ' '])
                            .to_string()
                            + "”"
                    ),
                    None => headline::headline(&Input {
                        clause: verb.start..app.as_ref().map_or(clause.end, |a| a.end),
                        subject,
                        ..input
                    }),
                };
                let doer = match opening_quote {
                    Some(_) => verb_actors.first().copied(),
                    None => subject.map(|m| m.actor),
                };
                let head = match doer {
                    Some(a) if !head.starts_with(self.actors.short_name(a)) => {
                        let name = self.actors.short_name(a);
                        format!("{name} {}", lower_first(&head))
                    }
                    _ => head,
                };
                // "He founded NeXT": a past verb with a name as its object
                // is a whole statement, which names the doer in full when
                // the surname alone leaves three words ("Steve Jobs founds
                // NeXT").
                let named_object = trigger::past_form(&text[verb.clone()].to_lowercase())
                    && head
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.starts_with(char::is_uppercase));
                let head = match doer {
                    Some(a) if named_object && !headline::publishable(&head) => {
                        let (short, full) =
                            (self.actors.short_name(a), &self.actors.actors[a].name);
                        match head.strip_prefix(short) {
                            Some(rest) if full != short => format!("{full}{rest}"),
                            _ => head,
                        }
                    }
                    _ => head,
                };
                if !headline::publishable(&head) {
                    continue;
                }
                // A participle set off by commas reads as a headline's
                // passive ("Jobs born in San Francisco").
                // "Putin's remarks came as ...": a possessive subject is
                // not the doer of the verb.
                let possessive = subject.is_some_and(|m| possessive_at(&text[m.end..]));
                let participle_phrase = app.is_some()
                    && doer.is_some_and(|a| {
                        let named = [self.actors.short_name(a), &self.actors.actors[a].name];
                        named.iter().any(|n| {
                            head.strip_prefix(n)
                                .and_then(|rest| rest.strip_prefix(' '))
                                .and_then(|rest| rest.split(' ').next())
                                .is_some_and(|w| w == &text[verb.clone()])
                        })
                    });
                // "Jobs founded NeXT": the page states it only where the doer
                // is named (or referred to) right before the verb, with at
                // most an auxiliary or an adverb between; further off, a
                // clause's subject is too often not the verb's.
                let near = subject.is_some_and(|m| {
                    m.end <= verb.start && {
                        let between = &text[m.end..verb.start];
                        !between.contains([',', ';', '(', '“', '"'])
                            && between.split_whitespace().count() <= 2
                    }
                });
                let statement = participle_phrase
                    || !trigger::event_noun_at(text, &verb)
                        && !possessive
                        && near
                        && doer.is_some_and(|a| {
                            let named = [self.actors.short_name(a), &self.actors.actors[a].name];
                            named.iter().any(|n| {
                                headline::reads_as_statement(&head, n, &text[verb.clone()])
                            })
                        });
                let (date, kind, date_text, resolution, evidence) = match governing(dates) {
                    Some(g) => {
                        let date = expr_date(g);
                        let effective = date.effective_interval();
                        if (effective.first - self.article.date).num_days() > FORECAST_DAYS {
                            continue;
                        }
                        let evidence = vec![DateEvidence {
                            text: g.text.clone(),
                            value: date,
                            agrees: true,
                        }];
                        (
                            date,
                            EventKind::Happened,
                            Some(g.text.clone()),
                            describe_resolution(g, self.article.date),
                            evidence,
                        )
                    }
                    None => {
                        let published = self.article.date.format("%a %-d %b %Y");
                        let continued = if said_from.is_some() {
                            self.lead_date
                        } else {
                            sentence_date.or(self.lead_date)
                        };
                        match continued.filter(|_| !trigger::present(text, &verb)) {
                            Some(d) => (
                                d,
                                EventKind::Happened,
                                None,
                                format!(
                                    "no date of its own: inferred from the article's lead event ({}) in the article of {published}",
                                    d.with_mod()
                                ),
                                Vec::new(),
                            ),
                            None => (
                                Timex::day(self.article.date),
                                EventKind::Reported,
                                None,
                                format!(
                                    "no date of its own: inferred as reported in the article of {published}, dated by its publication"
                                ),
                                Vec::new(),
                            ),
                        }
                    }
                };
                self.triggers.push(verb.clone());
                let id = self.id(&[&text[clause.clone()], &text[verb.clone()], "secondary"]);
                let source = self.source(s, date_text, resolution, evidence, Some(verb));
                self.events.push(Event {
                    id,
                    date,
                    kind,
                    headline: head,
                    text: s.text.to_string(),
                    actors: Vec::new(),
                    quotes: Vec::new(),
                    place: None,
                    sources: vec![source],
                    confidence: 0.3,
                    curated: false,
                    date_disagreement: None,
                    tags: self.article.tags.clone(),
                    participants: Vec::new(),
                    merge_reasons: Vec::new(),
                    secondary: true,
                    mention_only: !statement,
                });
                self.last_sentence.push(si);
                let n = self.events.len() - 1;
                self.set_actors(n, &verb_actors);
            }
        }
        // What a later "it" may stand for (a sentence opening with "It"
        // keeps what it stood for).
        if opens_with_referring_pronoun(s.text, false) {
            return;
        }
        self.prev_subject = actors::subject_of(text, s, self.actors)
            .filter(|m| m.kind != actors::MentionKind::Pronoun)
            .map(|m| m.actor)
            .filter(|&a| self.actors.actors[a].kind != crate::timeline::ActorKind::Person);
    }

    /// Whether an event of `input`'s clause with headline `head` (`whole`
    /// when not cut mid-phrase) is news an editor would publish: the
    /// headline is a whole statement that carries the clause's verb, and
    /// the verb tells that something happened or was said, not a state, a
    /// habit or a forecast.
    fn states_news(
        &self,
        s: &Sentence<'_>,
        input: &Input<'_>,
        head: &str,
        whole: bool,
        trigger: Option<&Range<usize>>,
    ) -> bool {
        // A caption or a heading tells what happened in the present
        // ("Trump watches fireworks"), as news copy writes them.
        let present_tells = matches!(
            self.article.paragraphs[s.paragraph].kind,
            BlockKind::Caption | BlockKind::Heading
        );
        // The reporter or a news medium telling what happened is no actor
        // of it ("the BBC's Jim Muir says ...", "Reuters says ..."): the
        // report is the article, not an event.
        let reported_by_media = input.subject.is_some_and(|m| {
            self.reporters[m.actor]
                || actors::is_news_medium(
                    &self.actors.actors[m.actor],
                    self.article.source.as_deref(),
                )
        });
        // ", chairman of ...": a sentence cut from its start. A question
        // asks, it tells nothing; "I recall", "we have heard" is the
        // writer or a speaker talking of themselves outside any quotation.
        // "VX), the owner of the rig ...": a bracket closed before any
        // opened is a sentence cut from its start too.
        let closed_first = s
            .text
            .find(')')
            .is_some_and(|c| c < CUT_START_BYTES && !s.text[..c].contains('('));
        let broken = closed_first
            || s.text.starts_with([',', ';', ':', ')', '.'])
            || s.text
                .trim_end_matches(['”', '"', '’', '\'', ')'])
                .ends_with('?')
            || first_person(&input.text[input.clause.clone()]);
        whole
            && !broken
            && !reported_by_media
            && headline::publishable(head)
            && trigger.is_some_and(|t| headline::states(head, &input.text[t.clone()]))
            && assertion::of_clause(input, trigger)
                .is_some_and(|a| a.is_news() || (present_tells && a == Assertion::State))
    }

    /// The sentence's actors outside quotations, the subject first.
    /// Who does what `clause` says: when a quotation opens the clause
    /// ("'We will win,' he said"), the sentence's subject; else the first
    /// actor named in the clause outside quotations.
    fn clause_subject(
        &self,
        s: &Sentence<'_>,
        clause: &Range<usize>,
        quote_ranges: &[Range<usize>],
    ) -> Option<Mention> {
        let text = &self.article.text;
        if quote_ranges
            .first()
            .is_some_and(|q| q.start == clause.start)
        {
            return actors::subject_of(text, s, self.actors);
        }
        let outside = |m: &&Mention| {
            !quote_ranges
                .iter()
                .any(|q| q.start <= m.start && m.start < q.end)
        };
        actors::first_subject(
            text,
            clause.start,
            self.actors
                .in_range(clause.start, clause.end)
                .iter()
                .filter(outside),
            self.actors,
        )
    }

    fn sentence_actors(
        &self,
        s: &Sentence<'_>,
        subject: Option<Mention>,
        quote_ranges: &[Range<usize>],
    ) -> Vec<usize> {
        let mut out: Vec<usize> = subject.map(|m| m.actor).into_iter().collect();
        // Bodies referred to by a lone word, their kind or "it" come after
        // the named actors (see [`ArticleActors::body_mentions`]).
        let named = self.actors.in_range(s.start, s.end);
        let bodies = self.actors.bodies_in_range(s.start, s.end);
        for m in named.iter().chain(bodies) {
            let quoted = quote_ranges
                .iter()
                .any(|q| q.start <= m.start && m.start < q.end);
            // "in the UK", "the Gulf of Mexico": where, not who.
            let place = actors::names_the_place(&self.article.text, m, self.actors);
            if !quoted && !place && !out.contains(&m.actor) {
                out.push(m.actor);
            }
        }
        out
    }

    fn push(&mut self, si: usize, event: Event, actors: &[usize]) {
        self.events.push(event);
        self.last_sentence.push(si);
        self.set_actors(self.events.len() - 1, actors);
    }

    /// Sets event `n`'s actors and participants.
    fn set_actors(&mut self, n: usize, actors: &[usize]) {
        let event = &mut self.events[n];
        // The outlet that reports an event, a wire service or any other
        // news medium named in passing ("told the New York Post") is not
        // one of its actors.
        let outlet = self.article.source.as_deref();
        let actors: Vec<usize> = actors
            .iter()
            .copied()
            .filter(|&a| !self.strict || !actors::is_news_medium(&self.actors.actors[a], outlet))
            .collect();
        event.actors = actors
            .iter()
            .map(|&a| self.actors.actors[a].name.clone())
            .collect();
        event.participants = actors
            .iter()
            .map(|&a| self.actors.actors[a].clone())
            .collect::<Vec<Actor>>();
    }

    fn id(&mut self, parts: &[&str]) -> String {
        // Candidates keep the ids their events would have: an event and
        // its candidate never meet, as assembly keeps them apart.
        let mut all = vec!["extract", self.article.path.as_str()];
        all.extend_from_slice(parts);
        let base = stable_id(&all);
        let n = self.ids.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            let k = n.to_string();
            all.push(&k);
            stable_id(&all)
        }
    }

    fn source(
        &self,
        s: &Sentence<'_>,
        date_text: Option<String>,
        resolution: String,
        evidence: Vec<DateEvidence>,
        trigger: Option<Range<usize>>,
    ) -> Source {
        let a = self.article;
        let cited = &self.cited;
        Source {
            article_slug: cited.slug.clone(),
            article_path: cited.path.clone(),
            article_title: cited.title.clone(),
            outlet: cited.outlet.clone(),
            published: a.date,
            url: cited.url.clone(),
            sentence_start: Some(s.start),
            sentence_end: Some(s.end),
            sentence: Some(s.text.to_string()),
            anchor: a.paragraphs[s.paragraph].anchor.clone(),
            date_text,
            resolution,
            evidence,
            context: Vec::new(),
            trigger: trigger.map(|r| Trigger {
                text: a.text[r.clone()].to_string(),
                start: r.start,
                end: r.end,
            }),
        }
    }
}

/// The anchor of a source that cites an article's title: its sentence,
/// `sentence_start`, `sentence_end` and trigger index [`Article::title`],
/// not [`Article::text`].
pub const TITLE_ANCHOR: &str = "title";

/// The events an article's title reports ("Apple unveils iPhone 4"), given
/// the expressions the tagger found in the title (anchored on the article
/// date): the title is read as a heading of the body is, with the actors it
/// names, and a title that gives no date dates its events by the article.
/// Each source is anchored [`TITLE_ANCHOR`]. See [`join_title`] for how
/// they meet the body's events.
pub fn title_events(article: &Article, exprs: &[TimeExpr]) -> Vec<Event> {
    let title = article.title.trim_end();
    if title.is_empty() || title_case(title) {
        return Vec::new();
    }
    // The title, then the body: the actors are found in both, so the title
    // names them as the body does ("Apple" is the company "Apple Inc."
    // the body names), and only the title's sentences give events.
    let shift = title.len() + 2;
    let mut paragraphs = vec![crate::content::markdown::Paragraph {
        kind: BlockKind::Heading,
        text: title.to_string(),
        line: 1,
        source_start: 0,
        source_end: 0,
        offset: 0,
        anchor: Some(TITLE_ANCHOR.to_string()),
    }];
    // The lead names the title's actors in full; reading the whole body
    // again for them cost a tenth of a build's extraction.
    let lead: Vec<&crate::content::markdown::Paragraph> = article
        .paragraphs
        .iter()
        .take_while(|p| p.offset < TITLE_CONTEXT_BYTES)
        .collect();
    let lead_end = lead
        .last()
        .map_or(0, |p| (p.offset + p.text.len()).min(article.text.len()));
    paragraphs.extend(lead.into_iter().map(|p| {
        let mut p = p.clone();
        p.offset += shift;
        p
    }));
    let both = Article {
        path: article.path.clone(),
        slug: article.slug.clone(),
        title: article.title.clone(),
        date: article.date,
        source: article.source.clone(),
        url: article.url.clone(),
        tags: article.tags.clone(),
        paragraphs,
        text: format!("{title}\n\n{}", &article.text[..lead_end]),
        ..Article::default()
    };
    extract_with(&both, exprs, true, Some(title.len()))
        .into_iter()
        .filter(|e| names_doer(title, e))
        .map(|mut e| {
            e.id = crate::timeline::stable_id(&[TITLE_ANCHOR, &e.id]);
            e
        })
        .collect()
}

/// Whether a title is written in title case ("Obama Signs Health Bill"):
/// every word of four letters or more capitalised, at least three of them.
/// Capitals then no longer tell names from other words, so such a title
/// gives no events.
fn title_case(title: &str) -> bool {
    let long: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_alphabetic))
        .collect();
    long.len() >= 3 && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Whether a title event names its doer before its verb: one of its actors
/// is named in the title before the trigger, after the last comma, colon or
/// semicolon before it ("Apple unveils ..."). A verb
/// whose doer the title leaves out ("Swamped by pre-orders") is no
/// statement of its own.
fn names_doer(title: &str, e: &Event) -> bool {
    let Some(t) = e.sources.first().and_then(|s| s.trigger.as_ref()) else {
        return false;
    };
    // The doer is named in the verb's own clause: "Apple releases SDK,
    // announces update" does not make the SDK announce.
    let before = &title[..t.start.min(title.len())];
    let before = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    e.actors.iter().any(|a| {
        a.rsplit(' ')
            .next()
            .is_some_and(|last| before.contains(last))
    })
}

/// Joins an article's title events to its body's events (`body`, in text
/// order). A headline mostly tells the article's news once more, so a
/// title event is a body event reported again when
/// - its trigger is the same word as the body event's, once both are put in
///   the present tense and cut to their first five letters ("unveils",
///   "unveiled"; "acquires", "acquisition"),
/// - they have the same doer, their first actor (the same name, or one name
///   ending the other: "Jobs", "Steve Jobs"),
/// - and the dates fit: the body event's date overlaps the title's when the
///   title gives a date; otherwise it is not after the article's.
///
/// The first such body event, one of the timeline's before a secondary one,
/// takes the title's source as one more report, with a merge reason: the
/// headline is no second card. A title event that joins none is kept as a
/// secondary event (see [`Event::secondary`]): on the timeline the body's
/// own events tell the article's news; the headline's event stays on its
/// actors' pages.
pub fn join_title(body: &mut Vec<Event>, title: Vec<Event>) {
    fn stem(e: &Event) -> Option<String> {
        let t = e.sources.first()?.trigger.as_ref()?;
        let first = t.text.split_whitespace().next()?.to_lowercase();
        let present = headline::present_tense(&first);
        Some(present.chars().take(5).collect())
    }
    let same_actor =
        |a: &str, b: &str| a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"));
    let trigger = |e: &Event| -> Option<Range<usize>> {
        let t = e.sources.first()?.trigger.as_ref()?;
        Some(t.start..t.end)
    };
    // The title's words between two of its events' triggers; none (`None`)
    // when either has no trigger.
    let between = |a: &Event, b: &Event| -> Option<String> {
        let (x, y) = (trigger(a)?, trigger(b)?);
        let title = a.sources.first()?.sentence.as_deref()?;
        let (from, to) = if x.start < y.start {
            (x.end, y.start)
        } else {
            (y.end, x.start)
        };
        title.get(from.min(to)..to).map(str::to_string)
    };
    let one_clause = |a: &Event, b: &Event| {
        let and = format!(" {} ", lexicon::words().and);
        between(a, b).is_some_and(|w| !w.contains([',', ';']) && !w.contains(&and))
    };
    // A title tells one event per clause: its verb and the event noun it
    // governs ("gives keynote", "loses case") are one event told twice.
    // Once one of them has joined a body event, the others of its clause
    // (no comma, semicolon or "and" between their triggers) are dropped.
    let mut joined_at: Vec<Event> = Vec::new();
    let mut left = Vec::new();
    for t in title {
        if joined_at.iter().any(|j| one_clause(j, &t)) {
            continue;
        }
        let Some(key) = stem(&t) else {
            left.push(t);
            continue;
        };
        let own_date = t.sources.first().is_some_and(|s| s.date_text.is_some());
        let published = t.sources.first().map(|s| s.published);
        let fits = |b: &Event| {
            !b.curated
                && stem(b).as_deref() == Some(key.as_str())
                && match (b.actors.first(), t.actors.first()) {
                    (Some(x), Some(y)) => same_actor(x, y),
                    _ => false,
                }
                && if own_date {
                    b.date
                        .effective_interval()
                        .overlaps(&t.date.effective_interval())
                } else {
                    published.is_none_or(|p| b.date.effective_interval().first <= p)
                }
        };
        let found = body
            .iter()
            .position(|b| !b.secondary && fits(b))
            .or_else(|| body.iter().position(|b| b.secondary && fits(b)));
        match found {
            Some(i) => {
                let b = &mut body[i];
                let words = t.sources[0]
                    .trigger
                    .as_ref()
                    .map_or(String::new(), |x| x.text.clone());
                b.merge_reasons.push(format!(
                    "the article's title reports it too ('{words}' in the headline, the same word and doer)"
                ));
                b.sources.extend(t.sources.iter().cloned());
                joined_at.push(t);
            }
            None => left.push(t),
        }
    }
    // Of the events of one title clause that joined none, the first stands
    // for its clause (see `one_clause` above).
    let mut kept: Vec<Event> = Vec::new();
    for t in left {
        if joined_at.iter().chain(&kept).any(|j| one_clause(j, &t)) {
            continue;
        }
        kept.push(t);
    }
    body.extend(kept.into_iter().map(|mut t| {
        t.secondary = true;
        t
    }));
}

/// Whether `clause` opens on, or has as its subject, the first person
/// outside a quotation: "I recall ...", "Just one of the voices we have
/// heard".
fn first_person(clause: &str) -> bool {
    let mut in_quote = false;
    for w in clause.split_whitespace().take(8) {
        if w.starts_with(['“', '"']) {
            in_quote = true;
        }
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        if !in_quote && lexicon::words().first_person.contains(&bare) {
            return true;
        }
        if w.ends_with(['”', '"']) {
            in_quote = false;
        }
    }
    false
}

/// Whether `e` is a bare year that ends a name ("Worldwide Developers
/// Conference 2010", "Euro 2012"): right after a capitalised word that is
/// neither a function word nor a calendar word, the year names the event,
/// it does not date the clause.
fn year_in_name(text: &str, e: &TimeExpr) -> bool {
    if e.text.len() != 4 || !e.text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Some(before) = text[..e.start].strip_suffix(' ') else {
        return false;
    };
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // Inside a sentence, so the capital is the name's ("In 2010" and
    // "Between 2005" open sentences).
    let inside = before[..before.len() - word.len()]
        .strip_suffix(' ')
        .and_then(|b| b.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    !word.is_empty()
        && inside
        && word.starts_with(char::is_uppercase)
        && !actors::is_stop_word(word)
        && !crate::temporal::token::is_calendar_name(word, lexicon::current())
}

/// Whether `after` (the text after a word) opens with a possessive's
/// ending ("'s").
fn possessive_at(after: &str) -> bool {
    lexicon::words()
        .possessive_endings
        .iter()
        .any(|p| after.starts_with(p))
}

/// Whether `text` opens with the pronoun that stands for the subject of the
/// sentence before ("It comes ..."), capitalised as written or, with
/// `any_case`, in lower case too.
fn opens_with_referring_pronoun(text: &str, any_case: bool) -> bool {
    let it = lexicon::words().referring_pronoun;
    let opens = |word: &str| {
        text.strip_prefix(word)
            .is_some_and(|rest| rest.starts_with(' '))
    };
    opens(it) || (any_case && opens(&it.to_lowercase()))
}

/// Whether `e` names a date in passing, as the start of a span ("since
/// early 2022", "since March") rather than when the clause happened.
fn passing_date(text: &str, e: &TimeExpr) -> bool {
    let before = text[..e.start].trim_end();
    // "since January", "since the April 20 explosion".
    let mut last_two = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2);
    let since_word = lexicon::words().since;
    let since = |w: &str| w.eq_ignore_ascii_case(since_word);
    e.text
        .to_lowercase()
        .strip_prefix(since_word)
        .is_some_and(|rest| rest.starts_with(' '))
        || last_two.next().is_some_and(since)
        || last_two.next().is_some_and(since)
}

/// Whether `e` dates a "since" clause that opens the clause: "Since the
/// protests began January 25, he has appointed a vice president" tells what
/// happened at some time after that day, not on it.
fn opening_since_date(text: &str, clause_start: usize, e: &TimeExpr) -> bool {
    let before = text[clause_start..e.start].trim_start();
    let since = lexicon::words().since;
    before
        .get(..since.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(since))
        && before[since.len()..].starts_with(' ')
        && !before.contains(',')
}

/// Whether `e` dates a subordinate clause set after the main one, not the
/// main clause: after the main clause's verb comes "since", "after",
/// "until" ... and a clause with a past verb of its own before the date
/// ("have been killed since tanks barreled into the city on Sunday", "have
/// stepped in since the mediation collapsed late last year"). A
/// subordinate without a verb of its own ("after Monday's meeting"), or one
/// set before the main clause, leaves the date the main clause's.
fn trailing_subordinate_date(text: &str, clause_start: usize, e: &TimeExpr) -> bool {
    let span = &text[clause_start..e.start];
    let Some(sub) = trigger::WORD
        .find_iter(span)
        .filter(|w| {
            lexicon::words()
                .trailing_subordinators
                .contains(&w.as_str().to_lowercase().as_str())
        })
        .last()
    else {
        return false;
    };
    let (sub_start, sub_end) = (clause_start + sub.start(), clause_start + sub.end());
    trigger::verb_between(text, clause_start, sub_start)
        && trigger::WORD
            .find_iter(&text[sub_end..e.start])
            .any(|w| trigger::past_form(&w.as_str().to_lowercase()))
}

/// Whether `e` qualifies a noun after the clause's verb rather than dating
/// the clause: "were used to clean up the 1989 spill", "was fined for the
/// 2003 oil spill", "cited a 2003 letter". A date in the subject ("The
/// 1988 bombing killed 270") dates the clause, and so does the date of a
/// saying's vehicle ("said in a February 3 statement").
fn attributive_date(text: &str, clause_start: usize, e: &TimeExpr) -> bool {
    let w = lexicon::words();
    let mut before = text[clause_start.min(e.start)..e.start]
        .split_whitespace()
        .rev();
    let Some(determiner) = before.next() else {
        return false;
    };
    if !w.determiners.contains(&determiner.to_lowercase().as_str()) {
        return false;
    }
    let Some(noun) = text[e.end..].strip_prefix(' ').and_then(|rest| {
        trigger::WORD
            .find(rest)
            .filter(|m| m.start() == 0)
            .map(|m| m.as_str())
    }) else {
        return false;
    };
    // A noun in lower case, so no function word, verb or conjunction.
    let lower_case = noun.starts_with(|c: char| c.is_lowercase());
    let lower = noun.to_lowercase();
    let is = |list: &[&str]| list.contains(&lower.as_str());
    if !lower_case
        || is(w.function_words)
        || is(w.clause_joiners)
        || is(w.be_have)
        || is(w.modals)
        || is(w.trailing_subordinators)
        || trigger::past_form(noun)
    {
        return false;
    }
    let vehicle = before
        .next()
        .is_some_and(|p| p.eq_ignore_ascii_case(w.saying_preposition))
        && is(w.saying_nouns);
    let determiner_at = text[..e.start].trim_end().len() - determiner.len();
    !vehicle && trigger::verb_between(text, clause_start, determiner_at.max(clause_start))
}

/// Whether `before` (a clause up to a "since" date) compares with that
/// date: "the first ... since", "the highest ... since".
fn compared(before: &str) -> bool {
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            lexicon::words()
                .comparisons
                .contains(&w.to_lowercase().as_str())
        })
}

fn word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The expression that dates a clause: the most precise, the narrowest,
/// one without a modifier, the first.
fn governing<'e>(exprs: &[&'e TimeExpr]) -> Option<&'e TimeExpr> {
    exprs.iter().copied().min_by_key(|e| {
        let t = dated_timex(e);
        (
            t.precision,
            t.interval.days(),
            t.modifier.is_some(),
            e.start,
        )
    })
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The calendar value of an expression `extract` kept as dated.
fn dated_timex(e: &TimeExpr) -> &Timex {
    e.timex().expect("dated expressions are calendar values")
}

fn expr_date(e: &TimeExpr) -> Timex {
    *dated_timex(e)
}

/// "'on Friday' in an article of Sun 9 Feb 2025 (pattern weekday, anchored
/// on the article date)".
pub fn describe_resolution(e: &TimeExpr, published: chrono::NaiveDate) -> String {
    let anchor = match &e.anchor {
        Anchor::Absolute => "a full date, no anchor needed".to_string(),
        Anchor::DocumentDate { .. } => "anchored on the article date".to_string(),
        Anchor::Expression { value, .. } => format!("anchored on the earlier date {value}"),
    };
    format!(
        "'{}' in an article of {} (pattern {}, {anchor}) → {}",
        e.text,
        published.format("%a %-d %b %Y"),
        e.pattern,
        e.value.with_mod(),
    )
}

/// The actor named as the owner of the noun at `noun`: "Jobs' death",
/// "Apple's last two launches" (up to three lower-case words or numbers
/// between), named within `from..noun`.
fn possessor(text: &str, actors: &ArticleActors, from: usize, noun: usize) -> Option<Mention> {
    let m = *actors.in_range(from, noun).last()?;
    let between = &text[m.end.min(noun)..noun];
    let rest = lexicon::words()
        .possessive_markers
        .iter()
        .find_map(|p| between.strip_prefix(p))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    (words.len() <= 3
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-')
        }))
    .then_some(m)
}

/// Each verb's stretch of `clause` (`verbs` in text order): from where its
/// coordination starts to where the next one's starts. A coordinating or
/// relative word between two verbs ("and", "but", "which") starts the
/// second verb's stretch, else the verb itself does; the first runs from
/// the clause's start. So a date belongs to the verb of its own part of
/// the clause: "started Apple in 1976, and in 1984 the Macintosh was
/// released", "bought Pixar in 1986, which was acquired by Disney in 2006".
fn stretches(text: &str, clause: &Range<usize>, verbs: &[Range<usize>]) -> Vec<Range<usize>> {
    let starts: Vec<usize> = verbs
        .iter()
        .enumerate()
        .map(|(i, v)| {
            if i == 0 {
                return clause.start;
            }
            let from = verbs[i - 1].end;
            let between = &text[from..v.start];
            let mut at = v.start;
            let mut word_start = None;
            for (k, c) in between
                .char_indices()
                .chain(std::iter::once((between.len(), ' ')))
            {
                match (c.is_alphanumeric(), word_start) {
                    (true, None) => word_start = Some(k),
                    (false, Some(b)) => {
                        if lexicon::words().clause_joiners.contains(&&between[b..k]) {
                            at = from + b;
                        }
                        word_start = None;
                    }
                    _ => {}
                }
            }
            at
        })
        .collect();
    (0..verbs.len())
        .map(|i| starts[i]..starts.get(i + 1).copied().unwrap_or(clause.end))
        .collect()
}

/// When the verb at `verb` opens a relative clause ("Pixar which was
/// acquired", "a strip that wraps", "the frame, which acts"): Some, with
/// the name the relative word follows, if it is one of `actors`. A "that"
/// after a verb, an adverb or a name ("said yesterday that", "announced
/// Friday that") opens what was said, not a relative clause.
fn relative_antecedent(
    text: &str,
    from: usize,
    verb: &Range<usize>,
    actors: &ArticleActors,
) -> Option<Option<Mention>> {
    let words: Vec<Range<usize>> = trigger::WORD
        .find_iter(&text[from..verb.start])
        .map(|m| from + m.start()..from + m.end())
        .collect();
    // The relative word within the three words before the verb.
    let k = (words.len().saturating_sub(4)..words.len())
        .rev()
        .find(|&k| {
            let w = text[words[k].clone()].to_lowercase();
            let lexicon = lexicon::words();
            if lexicon.relatives.contains(&w.as_str()) {
                return true;
            }
            w == lexicon.ambiguous_relative
                && k.checked_sub(1).is_some_and(|j| {
                    let b = &text[words[j].clone()];
                    b.starts_with(char::is_lowercase)
                        && !(lexicon.inflected_ending)(b)
                        && !trigger::past_form(b)
                        && !trigger::adverb(b)
                        && !lexicon.conjunction_before_relative.contains(&b)
                })
        })?;
    let rel = words[k].start;
    let before = text[from..rel].trim_end_matches([' ', ',']);
    let end = from + before.len();
    let antecedent = actors
        .in_range(from, rel)
        .iter()
        .rev()
        .find(|m| m.end == end)
        .copied();
    Some(antecedent)
}

/// Where the phrase opening `clause` with a preposition or a subordinating
/// word ends (its comma), when `at` lies inside it, and whether the phrase
/// holds a verb (a clause of its own, "In response to critics saying that
/// Apple had not ..., Jobs said"), in which case only a name right after the
/// comma is the main clause's subject.
fn opening_phrase_end(text: &str, clause: &Range<usize>, at: usize) -> Option<(usize, bool)> {
    let c = &text[clause.clone()];
    let lead = c.trim_start();
    let from = clause.start + (c.len() - lead.len());
    let first = lead.split(|ch: char| !ch.is_alphabetic()).next()?;
    let first_lower = first.to_lowercase();
    let words = lexicon::words();
    let preposition = words.opening_prepositions.contains(&first_lower.as_str());
    if !preposition && !words.opening_subordinators.contains(&first_lower.as_str()) {
        return None;
    }
    let comma = from + lead.find(", ")?;
    if at > comma {
        return None;
    }
    let verb = !preposition || trigger::verb_between(text, from + first.len(), comma);
    Some((comma, verb))
}

/// Whether `m` opens the text after `comma` (", Jobs said", ", the company
/// said").
fn right_after(text: &str, comma: usize, m: &Mention) -> bool {
    let gap = text.get(comma + 1..m.start).unwrap_or("x").trim();
    gap.is_empty() || gap.eq_ignore_ascii_case(lexicon::words().definite_article)
}

/// The participle phrases set off by commas after a name in `clause`
/// ("Jobs, born in San Francisco on February 24, 1955, has built"): each
/// as the participle's range and the phrase's (from its first comma to its
/// closing one). A date inside one dates the participle, not the clause.
fn appositions(text: &str, clause: &Range<usize>) -> Vec<(Range<usize>, Range<usize>)> {
    let c = &text[clause.clone()];
    let mut out = Vec::new();
    for (at, _) in c.match_indices(", ") {
        let after = &c[at + 2..];
        let w_len = after
            .find(|ch: char| !ch.is_alphabetic())
            .unwrap_or(after.len());
        let w = &after[..w_len];
        let name_before = c[..at]
            .rsplit(' ')
            .next()
            .is_some_and(|b| b.starts_with(char::is_uppercase));
        if !(name_before
            && w.starts_with(char::is_lowercase)
            && trigger::past_form(w)
            && !trigger::saying(
                text,
                &(clause.start + at + 2..clause.start + at + 2 + w_len),
            ))
        {
            continue;
        }
        // Its closing comma, before the next verb-like word of the clause.
        let Some(close) = after[w_len..].find(", ").map(|p| at + 2 + w_len + p) else {
            continue;
        };
        let start = clause.start + at + 2;
        out.push((
            start..start + w_len,
            clause.start + at..clause.start + close,
        ));
    }
    out
}

/// The bare weekday of a live page's entry as it reads past the page's
/// filing day: a page filed on Thursday that runs into Friday tells of
/// Friday's events as "Friday", which the tagger, anchored on the filing
/// day, reads as the Friday six days before. On a live page that day is
/// the one after filing; a past week's Friday is "last Friday" there.
fn live_weekdays(exprs: &[TimeExpr], filed: chrono::NaiveDate) -> Vec<TimeExpr> {
    let six_days_back = filed - chrono::Duration::days(6);
    exprs
        .iter()
        .map(|e| match &e.value {
            crate::temporal::TimexValue::Calendar(t)
                if e.pattern == WEEKDAY_PATTERN && t.interval.first == six_days_back =>
            {
                let week = chrono::Duration::days(7);
                let mut t = *t;
                t.interval.first += week;
                t.interval.last += week;
                TimeExpr {
                    value: crate::temporal::TimexValue::Calendar(t),
                    pattern: Cow::Borrowed(LIVE_WEEKDAY_PATTERN),
                    ..e.clone()
                }
            }
            _ => e.clone(),
        })
        .collect()
}

/// The tagger's pattern of a bare weekday ("on Friday").
const WEEKDAY_PATTERN: &str = crate::temporal::patterns::weekdays::BARE_WEEKDAY;
/// What [`live_weekdays`] records as the pattern of a weekday it moved.
const LIVE_WEEKDAY_PATTERN: &str = "weekdays.weekday, on a live page the day after filing";

/// The relative clauses of `clause` set off by a comma (", whose brother
/// was killed three months ago", ", where tar balls washed ashore on
/// Saturday,"): from the comma to the next comma, semicolon or dash, or to
/// the clause's end.
fn set_off_relatives(text: &str, clause: &Range<usize>) -> Vec<Range<usize>> {
    let c = &text[clause.clone()];
    let mut out = Vec::new();
    for (at, _) in c.match_indices(", ") {
        let after = &c[at + 2..];
        let word = after
            .split(|ch: char| !ch.is_alphabetic())
            .next()
            .unwrap_or("");
        if !lexicon::words().comma_relatives.contains(&word) {
            continue;
        }
        let close = [", ", "; ", " – ", " — ", " - "]
            .iter()
            .filter_map(|p| after.find(p))
            .min()
            .map_or(c.len(), |p| at + 2 + p);
        out.push(clause.start + at..clause.start + close);
    }
    out
}

/// Splits a sentence into clauses at "; " and at ", " before a participle
/// ("..., marking ...", "..., adding ..."), never inside a quotation.
fn clauses(s: &Sentence<'_>, quote_ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = s.start;
    let bytes = s.text.as_bytes();
    let mut i = 0;
    while i + 2 < bytes.len() {
        let at = s.start + i;
        let boundary = match bytes[i] {
            b';' if bytes[i + 1] == b' ' => Some(i + 2),
            b',' if bytes[i + 1] == b' ' => {
                let next = s.text[i + 2..]
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                ((lexicon::words().gerund)(next) && next.chars().all(|c| c.is_lowercase()))
                    .then_some(i + 2)
            }
            _ => None,
        };
        if let Some(b) = boundary
            && !quote_ranges.iter().any(|q| q.start <= at && at < q.end)
        {
            out.push(start..at);
            start = s.start + b;
        }
        i += 1;
    }
    out.push(start..s.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::Modifier;
    use crate::temporal::TimexValue;
    use std::borrow::Cow;

    /// The timeline's events of `events`, without the secondary ones.
    fn primary(events: Vec<Event>) -> Vec<Event> {
        events.into_iter().filter(|e| !e.secondary).collect()
    }

    /// The first event of `events` triggered by the words `trigger`.
    fn by_trigger<'e>(events: &'e [Event], trigger: &str) -> Option<&'e Event> {
        events.iter().find(|e| {
            e.sources[0]
                .trigger
                .as_ref()
                .is_some_and(|t| t.text == trigger)
        })
    }

    fn article(body: &str) -> Article {
        let text = format!("---\ntitle: T\ndate: 2025-02-09\n---\n{body}\n");
        crate::content::parse_article(
            text.as_bytes(),
            std::path::Path::new("content/a.md"),
            chrono_tz::Tz::UTC,
        )
        .unwrap()
    }

    /// For each (sentence, date phrase, its value, whether it dates an
    /// event), that the phrase dates one of the sentence's events exactly
    /// when it should (the article is of 2025-02-09).
    fn assert_dates(cases: &[(&str, &str, &str, bool)]) {
        for &(sentence, phrase, value, dates) in cases {
            let a = article(sentence);
            let exprs = [tx(&a, phrase, value)];
            let evs = primary(extract(&a, &exprs));
            let dated = evs
                .iter()
                .any(|e| e.sources[0].date_text.as_deref() == Some(phrase));
            assert_eq!(dated, dates, "{sentence}: {evs:#?}");
        }
    }

    /// The expression `phrase` in `a.text` with the value `value` ("2025-01 END").
    fn tx(a: &Article, phrase: &str, value: &str) -> TimeExpr {
        let start = a.text.find(phrase).unwrap();
        let (v, m) = match value.split_once(' ') {
            Some((v, m)) => (v, Modifier::parse(m)),
            None => (value, None),
        };
        TimeExpr {
            start,
            end: start + phrase.len(),
            text: phrase.into(),
            timex_type: TimexType::Date,
            value: TimexValue::Calendar(Timex::parse(v).unwrap().with_modifier(m)),
            anchor: Anchor::DocumentDate { date: a.date },
            pattern: Cow::Borrowed("test"),
        }
    }

    #[test]
    fn the_most_specific_date_governs_and_the_others_agree_as_evidence() {
        let a =
            article("Late last month, Putin stressed on January 28 that talks could take place.");
        let exprs = [
            tx(&a, "Late last month", "2025-01 END"),
            tx(&a, "January 28", "2025-01-28"),
        ];
        let evs = primary(extract(&a, &exprs));
        assert_eq!(evs.len(), 1);
        let e = &evs[0];
        assert_eq!(e.date, "2025-01-28");
        let ev: Vec<_> = e.sources[0]
            .evidence
            .iter()
            .map(|x| (x.text.as_str(), x.agrees))
            .collect();
        assert_eq!(ev, [("January 28", true), ("Late last month", true)]);
        assert_eq!(e.headline, "Putin stresses talks could take place");
        assert!(
            e.sources[0]
                .resolution
                .contains("'January 28' in an article of Sun 9 Feb 2025")
        );
    }

    #[test]
    fn a_headline_drops_the_words_of_its_date_and_keeps_a_date_of_something_else() {
        /// A sentence, its dates with their values, and its headline.
        type Case<'c> = (&'c str, &'c [(&'c str, &'c str)], &'c str);
        let cases: &[Case<'_>] = &[
            (
                "Mubarak said Tuesday he will not seek office again in elections scheduled for September.",
                &[("Tuesday", "2025-02-04"), ("September", "2025-09")],
                "Mubarak says he will not seek office again in elections scheduled for September",
            ),
            (
                "France stopped arms sales to the country between 2005 and 2008.",
                &[("2005", "2005"), ("2008", "2008")],
                "France stops arms sales to the country",
            ),
            (
                "The group developed the doctrine of jihad in the 1950s and 1960s.",
                &[("1950s", "195"), ("1960s", "196")],
                "The group developed the doctrine of jihad",
            ),
        ];
        for &(sentence, dates, headline) in cases {
            let a = article(sentence);
            let exprs: Vec<TimeExpr> = dates.iter().map(|&(p, v)| tx(&a, p, v)).collect();
            let evs = primary(extract(&a, &exprs));
            let heads: Vec<&str> = evs.iter().map(|e| e.headline.as_str()).collect();
            assert_eq!(heads, [headline], "{sentence}");
        }
    }

    #[test]
    fn a_sentence_a_live_page_repeats_is_one_event() {
        let sentence = "Moussa told Al Arabiya TV on Monday that he would serve if asked.";
        let a = article(&format!("{sentence}\n\nOther news followed.\n\n{sentence}"));
        let first = a.text.find("on Monday").unwrap();
        let second = a.text.rfind("on Monday").unwrap();
        let exprs: Vec<TimeExpr> = [first, second]
            .into_iter()
            .map(|start| TimeExpr {
                start,
                end: start + "on Monday".len(),
                ..tx(&a, "on Monday", "2025-02-03")
            })
            .collect();
        let evs = primary(extract(&a, &exprs));
        assert_eq!(evs.len(), 1, "{evs:#?}");
    }

    #[test]
    fn a_date_of_a_relative_clause_set_off_by_commas_dates_no_clause() {
        // (sentence, date phrase, value, whether it dates an event)
        assert_dates(&[
            (
                "Police said they had arrested Tellawi, whose brother was killed three months ago.",
                "three months ago",
                "2024-11",
                false,
            ),
            (
                "Beaches in Orange Beach, where tar balls washed ashore on Saturday, were mostly clean.",
                "on Saturday",
                "2025-02-08",
                false,
            ),
            (
                "Protesters in Hama clashed with police on Saturday, activists said.",
                "on Saturday",
                "2025-02-08",
                true,
            ),
        ]);
    }

    #[test]
    fn a_live_pages_bare_weekday_six_days_back_is_the_day_after_filing() {
        // Filed on Sunday 9 Feb 2025; its entries run into Monday.
        let entries = (0..3)
            .map(|i| {
                format!(
                    "(Update {}:15 a.m. ET) Crowds stayed in the square.\n\n",
                    3 - i
                )
            })
            .collect::<String>();
        let sentence = "Obama said in a statement Monday that the day belonged to Egypt.";
        let a = article(&format!("{entries}{sentence}"));
        let exprs = [tx(&a, "Monday", "2025-02-03")];
        let exprs = [TimeExpr {
            pattern: Cow::Borrowed(WEEKDAY_PATTERN),
            ..exprs[0].clone()
        }];
        let evs = primary(extract(&a, &exprs));
        let said = by_trigger(&evs, "said").expect("the statement");
        assert_eq!(said.date, "2025-02-10");
        // The same page without its update stamps is no live page.
        let plain = article(sentence);
        let exprs = [TimeExpr {
            pattern: Cow::Borrowed(WEEKDAY_PATTERN),
            ..tx(&plain, "Monday", "2025-02-03")
        }];
        let evs = primary(extract(&plain, &exprs));
        assert_eq!(
            by_trigger(&evs, "said").expect("the statement").date,
            "2025-02-03"
        );
    }

    #[test]
    fn a_date_that_does_not_overlap_is_kept_as_disagreeing_evidence() {
        let a = article("On Monday, officials announced a plan to finish the bridge in 2027.");
        let exprs = [tx(&a, "Monday", "2025-02-03"), tx(&a, "2027", "2027")];
        let e = &primary(extract(&a, &exprs))[0];
        assert_eq!(e.date, "2025-02-03");
        assert!(!e.sources[0].evidence[1].agrees);
    }

    #[test]
    fn a_possessive_date_names_another_things_date() {
        let a = article("The display came ahead of Monday's inauguration.");
        let exprs = [tx(&a, "Monday", "2025-01-20")];
        assert!(primary(extract(&a, &exprs)).is_empty());
    }

    #[test]
    fn a_since_date_dates_no_clause_and_the_statement_is_reported_on_its_day() {
        let a = article(
            "US President Donald Trump confirmed he spoke with Russian President Vladimir Putin, marking the first known conversation between the two since early 2022.",
        );
        let exprs = [tx(&a, "early 2022", "2022 START")];
        let evs = primary(extract(&a, &exprs));
        assert_eq!(evs.len(), 1);
        assert_eq!(evs[0].kind, EventKind::Reported);
        assert_eq!(evs[0].date, "2025-02-09");
        assert_eq!(evs[0].headline, "Trump confirms he spoke with Putin");
        assert_eq!(evs[0].actors, ["Donald Trump", "Vladimir Putin"]);
    }

    #[test]
    fn a_date_of_a_trailing_subordinate_or_an_opening_since_dates_only_that_clause() {
        // (sentence, the date phrase, its value, whether it dates the
        // sentence's event)
        let cases = [
            (
                "Since the protests began January 25, President Hosni Mubarak has appointed a vice president and reshuffled his Cabinet.",
                "January 25",
                "2025-01-25",
                false,
            ),
            (
                "No foreign mediators have stepped in since joint mediation collapsed late last year.",
                "late last year",
                "2024 END",
                false,
            ),
            (
                "Activists said 65 people had been killed since tanks barreled into the city on Sunday.",
                "on Sunday",
                "2025-02-09",
                false,
            ),
            (
                "The army shelled Homs on Sunday after the rebels withdrew.",
                "on Sunday",
                "2025-02-09",
                true,
            ),
            (
                "President Vladimir Putin spoke to reporters after meeting Trump on Sunday.",
                "on Sunday",
                "2025-02-09",
                true,
            ),
        ];
        assert_dates(&cases);
    }

    #[test]
    fn a_date_of_a_later_verb_set_apart_by_a_comma_or_a_modal_is_not_the_triggers() {
        // (sentence, the date phrase, its value, whether it dates the
        // sentence's event)
        assert_dates(&[
            (
                "Mr Annan has flown on to Qatar and will visit Turkey on Monday.",
                "on Monday",
                "2025-02-10",
                false,
            ),
            (
                "Mr Hayward considered going into academia, but instead went to BP in 1982.",
                "in 1982",
                "1982",
                false,
            ),
            (
                "A division led by his brother shelled and machine-gunned the old quarter on Saturday.",
                "on Saturday",
                "2025-02-08",
                true,
            ),
            (
                "Several members of Congress flew over the spill and then visited Hopedale on Friday.",
                "on Friday",
                "2025-02-07",
                true,
            ),
        ]);
    }

    #[test]
    fn a_date_qualifying_a_noun_after_the_verb_dates_no_clause() {
        // (sentence, the date phrase, its value, whether it dates the
        // sentence's event)
        let cases = [
            (
                "Detergents were used to clean up the 1989 spill from the Exxon Valdez.",
                "1989",
                "1989",
                false,
            ),
            (
                "Investigators cited a 2003 letter to Wells from the regulator.",
                "2003",
                "2003",
                false,
            ),
            (
                "The 1988 bombing of Pan Am flight 103 killed 270 people.",
                "1988",
                "1988",
                true,
            ),
            (
                "Erdogan reached an understanding with Assad in the mid-2000s whereby Syria dropped its claim.",
                "mid-2000s",
                "200",
                true,
            ),
            (
                "The group said in a February 3 statement that many protesters were children.",
                "February 3",
                "2025-02-03",
                true,
            ),
        ];
        assert_dates(&cases);
    }

    #[test]
    fn the_dateline_city_is_no_actor() {
        for body in [
            "ZURICH (Reuters) - Scientists have found a resistant strain, Danish officials and the manufacturer said on Monday.",
            "Article | MIAMI \u{2013} BP advanced on Monday toward killing the well.",
            "LONDON, Feb. 10 \u{2013} Nine bankers ran banks that lost billions on Monday.",
        ] {
            let a = article(body);
            let exprs = [tx(&a, "Monday", "2025-02-03")];
            let evs = primary(extract(&a, &exprs));
            assert!(!evs.is_empty(), "{body}");
            for e in &evs {
                assert!(
                    e.actors
                        .iter()
                        .all(|n| !["ZURICH", "MIAMI", "LONDON"].contains(&n.as_str())),
                    "{body}: {:?}",
                    e.actors
                );
            }
        }
    }

    #[test]
    fn a_sentence_cut_after_a_bracket_is_no_event_but_a_bracketed_ticker_is_fine() {
        let cut = article("VX), the owner of the rig, rose more than 5 percent on Friday.");
        let exprs = [tx(&cut, "Friday", "2025-02-07")];
        assert!(primary(extract(&cut, &exprs)).is_empty());
        let whole = article("Transocean (RIG.N) shares rose more than 5 percent on Friday.");
        let exprs = [tx(&whole, "Friday", "2025-02-07")];
        assert_eq!(primary(extract(&whole, &exprs)).len(), 1);
    }

    #[test]
    fn questions_and_the_writer_speaking_of_themselves_are_no_events() {
        for sentence in [
            "What happened in the streets on Monday?",
            "I photographed Honecker in 1989 on a reviewing stand.",
            "Just one of the many voices we have heard on Monday.",
        ] {
            let a = article(sentence);
            let phrase = ["Monday", "1989"]
                .into_iter()
                .find(|p| sentence.contains(p))
                .unwrap();
            let exprs = [tx(&a, phrase, "2025-02-03")];
            assert!(primary(extract(&a, &exprs)).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn states_habits_and_forecasts_are_no_events() {
        for sentence in [
            "The government does not control Hama on Monday.",
            "Gas prices usually wilt in summer.",
            "Economists were re-running computer models late on Thursday.",
            "He will visit China next week.",
        ] {
            let a = article(sentence);
            let phrase = ["Monday", "summer", "Thursday", "next week"]
                .into_iter()
                .find(|p| sentence.contains(p))
                .unwrap();
            let exprs = [tx(&a, phrase, "2025-02-03")];
            assert!(primary(extract(&a, &exprs)).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn a_date_days_after_the_article_dates_a_plan_not_an_event() {
        // The article is of 2025-02-09. (sentence, phrase, value, whether
        // an event is dated by it)
        let cases = [
            (
                "The hearing has been set for February 20.",
                "February 20",
                "2025-02-20",
                false,
            ),
            (
                "Officials said crews began work again on Thursday.",
                "Thursday",
                "2025-02-13",
                false,
            ),
            // A story filed late on the 9th in one zone, dated the 10th in another.
            (
                "BP resumed drilling the relief well on Monday.",
                "Monday",
                "2025-02-10",
                true,
            ),
        ];
        assert_dates(&cases);
    }

    #[test]
    fn quotes_after_a_dated_sentence_attach_to_it() {
        let a = article(
            "In an interview aboard Air Force One on Friday, US President Donald Trump said he had spoken with Putin.\n\n“He wants to see people stop dying,” Trump told the New York Post.",
        );
        let exprs = [tx(&a, "Friday", "2025-02-07")];
        let evs = primary(extract(&a, &exprs));
        assert_eq!(evs.len(), 1, "{evs:#?}");
        let e = &evs[0];
        assert_eq!(e.place.as_deref(), Some("aboard Air Force One"));
        assert_eq!(e.quotes.len(), 1);
        assert_eq!(e.quotes[0].speaker.as_deref(), Some("Donald Trump"));
        assert_eq!(e.sources[0].context.len(), 1);
    }

    #[test]
    fn a_statement_by_a_new_speaker_without_a_date_is_reported() {
        let a = article(
            "Putin spoke to reporters on Friday.\n\nKremlin spokesperson Dmitry Peskov told the TASS state news agency that “many different communications are emerging”.",
        );
        let exprs = [tx(&a, "Friday", "2025-02-07")];
        let evs = primary(extract(&a, &exprs));
        assert_eq!(evs.len(), 2);
        let r = &evs[1];
        assert_eq!(r.kind, EventKind::Reported);
        assert_eq!(r.date, "2025-02-09");
        assert_eq!(
            r.headline,
            "Peskov tells TASS “many different communications are emerging”"
        );
        // The agency reported the words; it is no actor.
        assert_eq!(r.actors, ["Dmitry Peskov"]);
    }

    #[test]
    fn a_caption_is_a_source_like_any_sentence() {
        let text = "---\ntitle: T\ndate: 2025-02-09\ncaption: Donald Trump watches fireworks with supporters in Sterling, Virginia, on January 18, 2025. (AP)\n---\nBody.\n";
        let a = crate::content::parse_article(
            text.as_bytes(),
            std::path::Path::new("content/a.md"),
            chrono_tz::Tz::UTC,
        )
        .unwrap();
        let exprs = [tx(&a, "January 18, 2025", "2025-01-18")];
        let e = &primary(extract(&a, &exprs))[0];
        assert_eq!(e.sources[0].anchor.as_deref(), Some("caption"));
        assert_eq!(e.headline, "Trump watches fireworks with supporters");
        assert_eq!(e.place.as_deref(), Some("in Sterling, Virginia"));
    }

    #[test]
    fn every_further_verb_is_a_secondary_event_with_its_own_trigger() {
        let a = article(
            "Yesterday, Apple Corps filed a lawsuit against Apple Computer and asked the court to stop it.\n\nApple Corps argued that the store was a breach of the agreement.\n\nApple Corps sells music records as well.",
        );
        let exprs = [tx(&a, "Yesterday", "2025-02-08")];
        let evs = extract(&a, &exprs);
        let main: Vec<_> = evs.iter().filter(|e| !e.secondary).collect();
        assert_eq!(main.len(), 1, "{evs:#?}");
        let trig = |e: &Event| e.sources[0].trigger.as_ref().unwrap().text.clone();
        assert_eq!(trig(main[0]), "filed");
        let secondary: Vec<(String, String)> = evs
            .iter()
            .filter(|e| e.secondary)
            .map(|e| (trig(e), e.date.to_string()))
            .collect();
        // "lawsuit" (an event noun) and "asked" share the lead event's date; "argued", with no date of
        // its own, continues it; "sells", a present form, is dated by the
        // article.
        assert_eq!(
            secondary,
            [
                ("lawsuit".to_string(), "2025-02-08".to_string()),
                ("asked".to_string(), "2025-02-08".to_string()),
                ("argued".to_string(), "2025-02-08".to_string()),
                ("sells".to_string(), "2025-02-09".to_string()),
            ]
        );
        for e in evs.iter().filter(|e| e.secondary) {
            let t = e.sources[0].trigger.as_ref().unwrap();
            assert_eq!(a.text[t.start..t.end], t.text);
            assert!(
                e.sources[0].resolution.contains("no date of its own")
                    || e.sources[0].date_text.is_some()
            );
        }
    }

    #[test]
    fn a_quotation_said_by_a_speaker_named_after_it_is_the_speakers_event() {
        let a = article(
            "Yesterday, Apple unveiled the iPhone 4.\n\n“We love the Beatles,” said Apple Inc. CEO Steve Jobs.",
        );
        let exprs = [tx(&a, "Yesterday", "2025-02-08")];
        let evs = extract(&a, &exprs);
        let said = by_trigger(&evs, "said").unwrap_or_else(|| panic!("{evs:#?}"));
        assert!(said.secondary);
        assert_eq!(said.actors, ["Steve Jobs"]);
        assert_eq!(said.headline, "Jobs says “We love the Beatles”");
    }

    #[test]
    fn a_participle_set_off_by_commas_is_dated_by_its_own_phrase() {
        let a = article(
            "Yesterday, Maria Lopez opened a bakery.\n\nLopez, born in Lyon on March 3, 1961, has built the largest bakery chain in the country.",
        );
        let exprs = [
            tx(&a, "Yesterday", "2025-02-08"),
            tx(&a, "March 3, 1961", "1961-03-03"),
        ];
        let evs = extract(&a, &exprs);
        let date_of = |t: &str| by_trigger(&evs, t).map(|e| e.date.to_string());
        // The birth takes the date of its phrase; the chain was not built
        // on the day she was born.
        assert_eq!(date_of("born").as_deref(), Some("1961-03-03"), "{evs:#?}");
        let built = by_trigger(&evs, "built").unwrap_or_else(|| panic!("{evs:#?}"));
        assert_ne!(built.date.to_string(), "1961-03-03");
        assert_eq!(
            by_trigger(&evs, "born").unwrap().headline,
            "Lopez born in Lyon"
        );
    }

    #[test]
    fn a_name_in_a_phrase_opening_the_clause_is_not_its_subject() {
        let a = article(
            "Acme Foods chief executive Maria Lopez said that sales rose.\n\nIn 2004, following Acme Foods' purchase of the chain, Lopez returned to Lyon and soon after opened a second shop.",
        );
        let exprs = [tx(&a, "2004", "2004")];
        let evs = extract(&a, &exprs);
        let returned = by_trigger(&evs, "returned").unwrap_or_else(|| panic!("{evs:#?}"));
        assert_eq!(
            returned.actors.first().map(String::as_str),
            Some("Maria Lopez")
        );
        assert_eq!(returned.date.to_string(), "2004");
    }

    #[test]
    fn a_name_right_after_an_opening_clause_is_the_subject() {
        // (sentence, trigger, doer): the name in the clause that opens the
        // sentence is not the one who spoke or acted.
        let cases = [
            (
                "In response to critics saying that Bigco Holdings had not acted quickly enough, Maria Lopez said on Friday that the shop would stay open.",
                "said",
                "Maria Lopez",
            ),
            (
                "When Maria Lopez returned on Friday, Bigco Holdings announced a new shop.",
                "announced",
                "Bigco Holdings",
            ),
        ];
        for (sentence, trigger, doer) in cases {
            let a = article(&format!(
                "Acme Foods chief executive Maria Lopez spoke to Bigco Holdings Inc.\n\n{sentence}"
            ));
            let exprs = [tx(&a, "Friday", "2025-02-07")];
            let evs = extract(&a, &exprs);
            let e = by_trigger(&evs, trigger).unwrap_or_else(|| panic!("{sentence}: {evs:#?}"));
            assert_eq!(
                e.actors.first().map(String::as_str),
                Some(doer),
                "{sentence}"
            );
        }
    }

    #[test]
    fn a_year_that_ends_a_name_dates_nothing() {
        let a = article(
            "Acme Foods chief executive Maria Lopez opened the shop at the Food Expo 2010 in Paris.",
        );
        let exprs = [tx(&a, "2010", "2010")];
        let evs = extract(&a, &exprs);
        assert!(
            evs.iter().all(|e| e.date != "2010"),
            "the Expo's year is its name: {evs:#?}"
        );
        // A year after a function word still dates ("In 2010 ...").
        let a = article("In 2010 Acme Foods chief executive Maria Lopez opened the shop.");
        let exprs = [tx(&a, "2010", "2010")];
        let evs = extract(&a, &exprs);
        let opened = by_trigger(&evs, "opened").unwrap_or_else(|| panic!("{evs:#?}"));
        assert_eq!(opened.date.to_string(), "2010");
    }

    #[test]
    fn a_verb_of_a_relative_clause_is_not_the_subjects() {
        let a = article(
            "Acme Foods chief executive Maria Lopez said that sales rose.\n\nIn 1999 Lopez bought Crumbly which was sold to Bigco Holdings in 2005.\n\nLopez said yesterday that she sold the shop.",
        );
        let exprs = [tx(&a, "1999", "1999"), tx(&a, "2005", "2005")];
        let evs = extract(&a, &exprs);
        // Lopez did not sell Crumbly to Bigco in 2005.
        assert!(
            by_trigger(&evs, "sold").is_none_or(|e| !e.actors.iter().any(|n| n == "Maria Lopez")),
            "{evs:#?}"
        );
        // A "that" after an adverb opens what was said: still hers.
        let shop = evs
            .iter()
            .filter(|e| {
                e.sources[0]
                    .trigger
                    .as_ref()
                    .is_some_and(|t| t.text == "sold")
            })
            .find(|e| e.text.contains("the shop"))
            .unwrap_or_else(|| panic!("{evs:#?}"));
        assert_eq!(shop.actors.first().map(String::as_str), Some("Maria Lopez"));
    }

    #[test]
    fn a_past_verb_with_a_named_object_is_an_event_with_the_doer_in_full() {
        let a = article(
            "Acme Foods chief executive Maria Lopez said that sales rose.\n\nIn 1999 she was fired from the company and she founded Crumbly.",
        );
        let exprs = [tx(&a, "1999", "1999")];
        let evs = extract(&a, &exprs);
        let founded = by_trigger(&evs, "founded").unwrap_or_else(|| panic!("{evs:#?}"));
        assert_eq!(founded.headline, "Maria Lopez founds Crumbly");
        assert_eq!(founded.date.to_string(), "1999");
    }

    #[test]
    fn a_verb_of_saying_is_not_dated_by_what_was_said() {
        let a = article(
            "Yesterday, Apple unveiled the iPhone 4.\n\nSteve Jobs announced that the laptop would be released in 2027.",
        );
        let exprs = [tx(&a, "Yesterday", "2025-02-08"), tx(&a, "2027", "2027")];
        let evs = extract(&a, &exprs);
        let date_of = |t: &str| by_trigger(&evs, t).map(|e| e.date.to_string());
        // The plan for 2027 is no event; the announcement continues the
        // lead event's day.
        assert_eq!(
            date_of("announced").as_deref(),
            Some("2025-02-08"),
            "{evs:#?}"
        );
    }

    #[test]
    fn an_it_opening_a_sentence_is_the_thing_the_sentence_before_was_about() {
        let a = article(
            "Yesterday, Apple unveiled the iPhone 4 at a conference.\n\nThe iPhone 4 has a new steel frame.\n\nIt also comes in two colours.",
        );
        let exprs = [tx(&a, "Yesterday", "2025-02-08")];
        let evs = extract(&a, &exprs);
        let comes = by_trigger(&evs, "comes").unwrap_or_else(|| panic!("{evs:#?}"));
        assert!(comes.secondary);
        assert_eq!(comes.actors, ["iPhone 4"]);
        assert_eq!(comes.date, "2025-02-09");
    }

    #[test]
    fn a_body_named_by_one_word_or_by_its_kind_is_an_actor_of_its_events() {
        let a = article(
            "Airbus Group won an order for 20 jets on Monday.\n\nThe European planemaker delivered the first jet on Tuesday.\n\nAirbus sold six more planes on Wednesday, which lifted Airbus's shares.",
        );
        let exprs = [
            tx(&a, "Monday", "2025-02-03"),
            tx(&a, "Tuesday", "2025-02-04"),
            tx(&a, "Wednesday", "2025-02-05"),
        ];
        let evs = primary(extract(&a, &exprs));
        let actors_of = |t: &str| {
            by_trigger(&evs, t)
                .unwrap_or_else(|| panic!("no event for {t}: {evs:#?}"))
                .actors
                .clone()
        };
        assert_eq!(actors_of("delivered"), ["Airbus Group"]);
        assert_eq!(actors_of("sold"), ["Airbus"]);
    }
}
