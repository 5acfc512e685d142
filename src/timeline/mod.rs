//! The event model every stage shares, and the timeline: events from all
//! articles in one documented order, with the actors they involve.
//!
//! Order rule for mixed precisions: events sort by the first day of their
//! interval as narrowed by the modifier (so "late January" sorts after
//! "January 20"); on the same first day the more precise event comes first
//! (a day before the week or month that starts on it); then by last day,
//! then by id. Reported events sort on the day they were reported.

pub mod aliases;
pub mod curated;
pub mod label;
pub mod merge;

use crate::slug::{Slugs, slugify};
use crate::temporal::{Interval, Precision, Timex, value::as_value_and_modifier};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Whether the article says the event happened on its date, or the event is
/// a statement the article reports, dated by the article itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Happened,
    Reported,
}

/// Words someone said, as the text quotes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// The normalised name of the speaker, when the text says who.
    pub speaker: Option<String>,
}

/// A string that the sources citing one article all carry (its slug, path,
/// title, outlet and URL): made once per article and shared, where a copy
/// per source made these strings a tenth of a large build's memory.
pub type Shared = std::sync::Arc<str>;

/// What a source says of the article it cites, made once per article (see
/// [`CitedArticle::of`]) and shared by its sources.
#[derive(Debug, Clone)]
pub struct CitedArticle {
    pub slug: Shared,
    pub path: Shared,
    pub title: Shared,
    pub outlet: Option<Shared>,
    pub url: Option<Shared>,
}

impl CitedArticle {
    pub fn of(a: &crate::content::Article) -> CitedArticle {
        CitedArticle {
            slug: a.slug.as_str().into(),
            path: a.path.as_str().into(),
            title: a.title.as_str().into(),
            outlet: a.source.as_deref().map(Shared::from),
            url: a.url.as_deref().map(Shared::from),
        }
    }
}

/// Where one event was read: which sentence of which article, and how its
/// date was resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub article_slug: Shared,
    pub article_path: Shared,
    pub article_title: Shared,
    pub outlet: Option<Shared>,
    pub published: NaiveDate,
    /// The original article's URL, when front matter gives one.
    pub url: Option<Shared>,
    /// Byte range of the sentence in the article's plain text; None for
    /// curated events.
    pub sentence_start: Option<usize>,
    pub sentence_end: Option<usize>,
    pub sentence: Option<String>,
    /// The HTML id of the block holding the sentence in the article page.
    pub anchor: Option<String>,
    /// The words the date came from ("on Friday").
    pub date_text: Option<String>,
    /// How the date was resolved: the pattern and what it was anchored to.
    pub resolution: String,
    /// Every date expression of the clause, the governing one first, and
    /// whether each agrees with the date the event took.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<DateEvidence>,
    /// Later sentences without a date of their own that continue the event
    /// (its speaker's next words, a quotation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    /// The word or words of the sentence that name what happened (the
    /// clause's main verb or event noun), in the same text as
    /// `sentence_start`; None for curated events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Trigger>,
}

/// A span of an article's plain text (byte offsets, end exclusive) and its
/// words: an event's trigger ("vetoed", "rules out", "delivery").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One date expression read as evidence for an event's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateEvidence {
    /// The words, as the text has them ("Late last month").
    pub text: String,
    /// Their value; in JSON the value string, with the modifier after a
    /// space when there is one.
    #[serde(with = "as_value_and_modifier")]
    pub value: Timex,
    /// Whether the expression's interval overlaps the event's date.
    pub agrees: bool,
}

/// One dated event on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable as long as the source text is unchanged; used in `#event-<id>`.
    pub id: String,
    /// When the event happened, at the precision the text gives.
    pub date: Timex,
    pub kind: EventKind,
    /// A few words naming the actor and the action.
    pub headline: String,
    /// The sentence (or curated description) the event was read from.
    pub text: String,
    /// Normalised actor names.
    pub actors: Vec<String>,
    pub quotes: Vec<Quote>,
    pub place: Option<String>,
    pub sources: Vec<Source>,
    /// From 0 to 1: how sure the extractor is of the date and the event.
    pub confidence: f32,
    /// Written by hand in front matter rather than extracted.
    pub curated: bool,
    /// Set when sources disagree on the date: what the others said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_disagreement: Option<String>,
    /// Tags of the articles it came from.
    pub tags: Vec<String>,
    /// The actors with the roles and kind the texts give them; names match
    /// `actors`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Actor>,
    /// Why other reports were merged into this event, one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_reasons: Vec<String>,
    /// One more thing a sentence reports besides its event (a second verb,
    /// a participle clause), or a sentence without a date of its own dated
    /// by the text around it: kept for the actors' own timelines and
    /// events.json, never shown on the timeline.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub secondary: bool,
    /// A secondary event whose headline names what its actors took part in
    /// without stating it (an event noun, an infinitive, a participle:
    /// "Trump conversation between the two"): a mention for the entity
    /// timelines of events.json, not listed on the actor's page.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mention_only: bool,
}

impl Event {
    /// The first day the event sorts by (see the module doc).
    pub fn sort_start(&self) -> NaiveDate {
        self.sort_key().0
    }

    fn sort_key(&self) -> (NaiveDate, Precision, NaiveDate, &str) {
        let effective = match self.kind {
            EventKind::Reported => self
                .sources
                .first()
                .map_or(self.date.interval, |s| Interval::day(s.published)),
            EventKind::Happened => self.date.effective_interval(),
        };
        (
            effective.first,
            self.date.precision,
            effective.last,
            &self.id,
        )
    }
}

/// What sort of actor a name is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    #[default]
    Person,
    Organisation,
    Country,
    /// A thing made and sold under a name: "iPod", "iPhone 4", "Boeing 787".
    Product,
}

/// A month's number and its events (indexes into [`Timeline::events`]), in
/// timeline order.
pub type MonthEvents = (u32, Vec<usize>);

/// A person, organisation or country that events involve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    /// The actor's page in `actors/`; on a timeline, distinct among its
    /// actors (see [`Timeline::actor_slugs`]).
    pub slug: String,
    /// Roles the texts give the actor ("US President").
    pub roles: Vec<String>,
    #[serde(default)]
    pub kind: ActorKind,
}

/// All events of a site in timeline order, and their actors.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timeline {
    pub events: Vec<Event>,
    pub actors: Vec<Actor>,
    /// The slug of each actor's page, distinct across the site's actors.
    #[serde(skip)]
    pub actor_slugs: Slugs,
    /// The slug of each tag's page, distinct across the site's tags.
    #[serde(skip)]
    pub tag_slugs: Slugs,
    /// Every dated clause of the articles, merged, publishable or not: the
    /// key-dates ranking's evidence (see `extract::events::candidates`),
    /// never shown.
    #[serde(skip)]
    pub candidates: Vec<Event>,
    /// The secondary events (see [`Event::secondary`]) in timeline order:
    /// written to events.json after the timeline's events, never shown on
    /// its pages.
    #[serde(skip)]
    pub secondary: Vec<Event>,
}

impl Timeline {
    /// Puts events in the documented order and lists their actors, with
    /// every role any event's participants give them, and gives each actor
    /// and tag its page's slug.
    pub fn new(mut events: Vec<Event>, mut actors: Vec<Actor>) -> Timeline {
        events.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let mut by_name: BTreeMap<String, Actor> = BTreeMap::new();
        for a in actors.drain(..) {
            add_actor(&mut by_name, a);
        }
        for e in &events {
            for p in &e.participants {
                add_actor(&mut by_name, p.clone());
            }
            for name in &e.actors {
                if !by_name.contains_key(name) {
                    add_actor(
                        &mut by_name,
                        Actor {
                            name: name.clone(),
                            slug: slugify(name),
                            roles: Vec::new(),
                            kind: ActorKind::Person,
                        },
                    );
                }
            }
        }
        // Names that make the same slug in one event's extraction get
        // distinct ones here, where every name of the site is known.
        let actor_slugs = Slugs::new(
            by_name
                .keys()
                .chain(events.iter().flat_map(|e| &e.actors))
                .map(String::as_str),
        );
        let mut actors: Vec<Actor> = by_name.into_values().collect();
        for a in &mut actors {
            a.slug = actor_slugs.get(&a.name).to_string();
        }
        for p in events.iter_mut().flat_map(|e| e.participants.iter_mut()) {
            p.slug = actor_slugs.get(&p.name).to_string();
        }
        let tag_slugs = Slugs::new(
            events
                .iter()
                .flat_map(|e| e.tags.iter().map(String::as_str)),
        );
        Timeline {
            events,
            actors,
            actor_slugs,
            tag_slugs,
            candidates: Vec::new(),
            secondary: Vec::new(),
        }
    }

    /// Events grouped by the year and month they sort under.
    pub fn by_month(&self) -> Vec<(i32, Vec<MonthEvents>)> {
        let mut years: BTreeMap<i32, BTreeMap<u32, Vec<usize>>> = BTreeMap::new();
        for (i, e) in self.events.iter().enumerate() {
            let first = e.sort_key().0;
            years
                .entry(first.year())
                .or_default()
                .entry(first.month())
                .or_default()
                .push(i);
        }
        years
            .into_iter()
            .map(|(y, months)| (y, months.into_iter().collect()))
            .collect()
    }
}

/// Adds an actor, or its roles to the actor of the same name.
fn add_actor(by_name: &mut BTreeMap<String, Actor>, actor: Actor) {
    match by_name.get_mut(&actor.name) {
        Some(known) => {
            for r in actor.roles {
                if !known.roles.contains(&r) {
                    known.roles.push(r);
                }
            }
        }
        None => {
            by_name.insert(actor.name.clone(), actor);
        }
    }
}

/// A short stable id: 64-bit FNV-1a of the parts, in hex. FNV is enough here:
/// ids need to be stable across builds and machines, not secure.
pub fn stable_id(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{:012x}", h >> 16)
}
