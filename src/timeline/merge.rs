//! Merges the same event told by several articles into one event that cites
//! every source. Two reports join when their dates are compatible
//! (overlapping intervals; reported statements published within a few days),
//! they come from different articles, and they share actors and words.
//! Distinct events on the same day stay apart. The merged event takes the
//! most precise date and flags sources that disagree. Curated events
//! override the extracted event they match, or stand alone.
//!
//! Every join records why it happened in `merge_reasons`.

use super::{Actor, ActorKind, Event, EventKind};
use crate::extract::lexicon::PerLanguage;
use crate::temporal::Timex;
use chrono::{Datelike, Duration, NaiveDate};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Reported statements published this many days apart can be the same one.
const REPORTED_DAYS: i64 = 3;

/// One event's words for comparison: lowercase, `stop` words out, cut to a
/// five-letter stem so "watched" and "watches" meet. Each stem is kept as its
/// 64-bit hash, sorted and without duplicates, so comparing two bags is a
/// merge of integers rather than of strings (a collision at 64 bits would
/// need billions of distinct stems).
fn bag(e: &Event, stop: &StopWords) -> Bag {
    let mut out = Vec::new();
    let texts = std::iter::once(e.text.as_str())
        .chain(std::iter::once(e.headline.as_str()))
        .chain(e.quotes.iter().map(|q| q.text.as_str()));
    for t in texts {
        for w in t.split(|c: char| !c.is_alphanumeric()) {
            if w.len() < 2 {
                continue;
            }
            let lower = w.to_lowercase();
            if stop.contains(lower.as_str()) {
                continue;
            }
            let stem = match lower.char_indices().nth(5) {
                Some((i, _)) => &lower[..i],
                None => &lower,
            };
            out.push(xxhash_rust::xxh3::xxh3_64(stem.as_bytes()));
        }
    }
    out.sort_unstable();
    out.dedup();
    // A bag is kept for every report until the merge ends.
    out.shrink_to_fit();
    out
}

/// Sorted, deduplicated stem hashes; see [`bag`].
type Bag = Vec<u64>;

/// Words too common to say two sentences tell the same thing.
type StopWords = HashSet<&'static str>;

/// The merge's stop words of the language being read (see
/// [`reading`](crate::extract::lexicon::reading)): asked once on the merging thread, as the reports'
/// words are compared on others.
fn stop_words() -> &'static StopWords {
    static STOP: PerLanguage<StopWords> = PerLanguage::new();
    STOP.get(|w| w.merge_stop_words.iter().copied().collect())
}

/// The union of two bags, still sorted and without duplicates.
fn union(a: &mut Bag, b: &[u64]) {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    *a = out;
}

fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    let shared = shared_count(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

/// The least word overlap any join accepts; bags whose sizes alone rule it
/// out are not compared.
const MIN_WORDS: f32 = 0.15;
/// The word overlap that joins two reports without a shared actor.
const JOIN_WORDS_ALONE: f32 = 0.4;

/// How the dates of two reports relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateFit {
    /// Overlapping intervals, or reported within a few days.
    Agree,
    /// Day dates a day apart: the same event only if the words say so.
    NearMiss,
}

/// What [`date_fit`] reads of a report's or cluster's date, kept beside its
/// words: comparing then never reaches into the (large) event itself, which
/// on a big archive made most comparisons a cache miss.
#[derive(Debug, Clone, Copy)]
struct DateKey {
    kind: EventKind,
    day_precise: bool,
    first: NaiveDate,
    effective: super::Interval,
    /// When its first (earliest) source was published.
    published: Option<NaiveDate>,
}

impl DateKey {
    fn of(e: &Event) -> DateKey {
        DateKey {
            kind: e.kind,
            day_precise: e.date.precision == super::Precision::Day,
            first: e.date.interval.first,
            effective: e.date.effective_interval(),
            published: e.sources.first().map(|s| s.published),
        }
    }
}

fn date_fit(a: &DateKey, b: &DateKey) -> Option<DateFit> {
    match (a.kind, b.kind) {
        (EventKind::Reported, EventKind::Reported) => {
            let (pa, pb) = (a.published?, b.published?);
            ((pa - pb).num_days().abs() <= REPORTED_DAYS).then_some(DateFit::Agree)
        }
        (EventKind::Happened, EventKind::Happened) => {
            if a.effective.overlaps(&b.effective) {
                Some(DateFit::Agree)
            } else if a.day_precise && b.day_precise && (a.first - b.first).num_days().abs() <= 1 {
                Some(DateFit::NearMiss)
            } else {
                None
            }
        }
        _ => {
            // A dated report of a statement another article only reports.
            let (happened, reported) = if a.kind == EventKind::Happened {
                (a, b)
            } else {
                (b, a)
            };
            let p = reported.published?;
            let i = happened.effective;
            (i.last <= p && (p - i.last).num_days() <= REPORTED_DAYS).then_some(DateFit::Agree)
        }
    }
}

/// What a report brings to the comparison, computed once per report.
struct Features {
    bag: Bag,
    /// Hashes of the actor names, sorted.
    actors: Vec<u64>,
}

impl Features {
    fn of(e: &Event, stop: &StopWords) -> Features {
        Features {
            bag: bag(e, stop),
            actors: hashed(e.actors.iter().map(String::as_str)),
        }
    }
}

/// Sorted, deduplicated 64-bit hashes of some strings.
fn hashed<'a>(items: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut out: Vec<u64> = items
        .map(|x| xxhash_rust::xxh3::xxh3_64(x.as_bytes()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many items two sorted slices share.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Why `b` may join `a`: how their dates fit and how much they share.
#[derive(Debug, Clone, Copy)]
struct Join {
    fit: DateFit,
    words: f32,
    shared_actors: usize,
}

impl Join {
    fn score(&self) -> f32 {
        self.words + 0.1 * self.shared_actors as f32
    }

    /// The sentence recorded in `merge_reasons`.
    fn describe(&self, a: &Event, b: &Event) -> String {
        let dates = match self.fit {
            DateFit::Agree if a.kind == EventKind::Reported || b.kind == EventKind::Reported => {
                format!("reported within {REPORTED_DAYS} days")
            }
            DateFit::Agree => format!("dates overlap ({} and {})", a.date, b.date),
            DateFit::NearMiss => {
                format!("dates a day apart ({} and {})", a.date, b.date)
            }
        };
        let shared: Vec<&str> = a
            .actors
            .iter()
            .filter(|x| b.actors.contains(x))
            .map(String::as_str)
            .collect();
        let actors = if shared.is_empty() {
            "no shared actors".to_string()
        } else {
            format!("shared actors {}", shared.join(", "))
        };
        format!("{dates}; {actors}; word overlap {:.2}", self.words)
    }
}

/// Whether `b` may join `a`, and why; None when it may not.
fn join(a: &DateKey, af: &Features, b: &DateKey, bf: &Features) -> Option<Join> {
    // The overlap is at most the smaller bag over the larger one.
    let (small, large) = (
        af.bag.len().min(bf.bag.len()),
        af.bag.len().max(bf.bag.len()),
    );
    if large == 0 || (small as f32) < MIN_WORDS * large as f32 {
        return None;
    }
    let fit = date_fit(a, b)?;
    let shared_actors = shared_count(&af.actors, &bf.actors);
    if shared_actors == 0 {
        // Without a shared actor only a word overlap of JOIN_WORDS_ALONE
        // joins, and the overlap is at most small / large (a division
        // rounds monotonically, so the bound holds in f32 too): most
        // candidates are turned away here without comparing their words.
        if fit == DateFit::NearMiss || (small as f32 / large as f32) < JOIN_WORDS_ALONE {
            return None;
        }
    }
    let words = jaccard(&af.bag, &bf.bag);
    let enough = match fit {
        DateFit::Agree => (shared_actors > 0 && words >= MIN_WORDS) || words >= JOIN_WORDS_ALONE,
        DateFit::NearMiss => shared_actors > 0 && words >= 0.3,
    };
    enough.then_some(Join {
        fit,
        words,
        shared_actors,
    })
}

/// Clusters spanning fewer days than this are indexed by every day they
/// cover; longer ones by every year they touch.
const SHORT_DAYS: i64 = 62;
/// Longer events look for short clusters only up to this many days.
const MAX_PROBE_DAYS: i64 = 400;
/// A report dated by a long stretch (a year) is compared with at most this
/// many clusters; see [`CandidateIndex::candidates`].
const MAX_CANDIDATES: usize = 64;
/// A report dated by a day or a few is compared with at most this many
/// clusters: on a busy day of a big archive, hundreds of clusters share an
/// actor with it, and comparing with all of them made merging grow with the
/// square of the archive.
const MAX_DAY_CANDIDATES: usize = 256;
/// A report with at least this many candidate clusters compares them in
/// parallel; below it, the threads would cost more than they save.
const PARALLEL_CANDIDATES: usize = 256;

/// Finds the clusters a report could join without comparing it with every
/// cluster of its dates: a join needs a shared actor or enough shared words,
/// so clusters are filed under their actors and under the rarest of their
/// words (a prefix filter), each key with its clusters by date.
///
/// Two bags with a word overlap (Jaccard) of at least `t` share a word among
/// the `|x| - ceil(t * |x|) + 1` rarest of each, ranked by one global order
/// (Bayardo et al., "Scaling up all pairs similarity search", 2007). A join
/// without a shared actor needs an overlap of [`JOIN_WORDS_ALONE`], so those
/// prefixes are the only words filed. The candidates are a superset of the
/// joinable clusters; [`join`] decides.
///
/// Each filing is one entry of one ordered map, keyed by the key, the day
/// (or year) and the order of filing, so that a key's clusters over a range
/// of days come out by day and, within a day, in the order they were
/// filed. Most keys are rare words filed once or twice: a map (and a list
/// per day) of their own cost several times the entry.
struct CandidateIndex {
    /// How many reports use each word: the global rarity order.
    frequency: HashMap<u64, u32>,
    /// (key, day, filing) to cluster.
    short: BTreeMap<(u64, NaiveDate, u32), u32>,
    /// (key, year, filing) to cluster.
    long: BTreeMap<(u64, i32, u32), u32>,
    /// Filings so far.
    filed: u32,
}

impl CandidateIndex {
    fn new(features: &[Features]) -> CandidateIndex {
        let mut frequency: HashMap<u64, u32> = HashMap::new();
        for f in features {
            for w in f.bag.iter().chain(&f.actors) {
                *frequency.entry(*w).or_default() += 1;
            }
        }
        CandidateIndex {
            frequency,
            short: BTreeMap::new(),
            long: BTreeMap::new(),
            filed: 0,
        }
    }

    /// The days a report or cluster covers: reported statements by their
    /// publication day.
    fn span(e: &Event) -> (NaiveDate, NaiveDate) {
        match e.kind {
            EventKind::Reported => {
                let p = e
                    .sources
                    .first()
                    .map_or(e.date.interval.first, |s| s.published);
                (p, p)
            }
            EventKind::Happened => {
                let i = e.date.effective_interval();
                (i.first, i.last)
            }
        }
    }

    /// The actors and the rarest words under which `f` is filed and looked
    /// up, rarest first (the order in which [`Self::candidates`] reads them).
    fn keys(&self, f: &Features) -> Vec<u64> {
        let n = f.bag.len();
        // Rounded down a little, so float error can only lengthen the prefix.
        let least_shared = (JOIN_WORDS_ALONE * n as f32 - 1e-3).ceil().max(0.0) as usize;
        let prefix = n + 1 - least_shared.min(n);
        let mut words: Vec<(u32, u64)> = f
            .bag
            .iter()
            .map(|w| (self.frequency.get(w).copied().unwrap_or(0), *w))
            .collect();
        words.sort_unstable();
        words.truncate(prefix);
        words.extend(
            f.actors
                .iter()
                .map(|a| (self.frequency.get(a).copied().unwrap_or(0), *a)),
        );
        words.sort_unstable();
        words.dedup();
        words.into_iter().map(|(_, k)| k).collect()
    }

    /// Files cluster `i` (event `e`) under `keys`.
    fn add(&mut self, e: &Event, keys: &[u64], i: usize) {
        let (first, last) = Self::span(e);
        let i = u32::try_from(i).expect("fewer than 2^32 clusters");
        for &k in keys {
            if (last - first).num_days() < SHORT_DAYS {
                // Filed under every day it covers, so a probe reads only the
                // clusters that overlap it.
                for d in first.iter_days().take_while(|d| *d <= last) {
                    self.short.insert((k, d, self.filed), i);
                    self.filed += 1;
                }
            } else {
                for y in first.year()..=last.year() {
                    self.long.insert((k, y, self.filed), i);
                    self.filed += 1;
                }
            }
        }
    }

    /// Clusters that share a key with `keys` and whose dates could fit `e`'s;
    /// sorted, without duplicates. Keys are read rarest first; for a report
    /// dated by a long stretch, reading stops once [`MAX_CANDIDATES`] are
    /// found: a report dated only by its year ("in 2017") would otherwise
    /// meet every cluster of that year that shares a common word or actor,
    /// and merging would grow with the square of the archive. The rarest
    /// shared words are the best evidence anyway.
    fn candidates(&self, e: &Event, keys: &[u64]) -> Vec<usize> {
        let (first, last) = Self::span(e);
        let days = Duration::days(REPORTED_DAYS);
        let (from, to) = match e.kind {
            EventKind::Reported => (first - days, last + days),
            EventKind::Happened => (first - Duration::days(1), last + days),
        };
        let probe_days = (to - from).num_days() <= MAX_PROBE_DAYS;
        let is_short = last - first < Duration::days(SHORT_DAYS);
        let cap = if is_short {
            MAX_DAY_CANDIDATES
        } else {
            MAX_CANDIDATES
        };
        let mut out = Vec::new();
        for &k in keys {
            if out.len() >= cap {
                break;
            }
            let short = probe_days
                .then(|| self.short.range((k, from, 0)..=(k, to, u32::MAX)))
                .into_iter()
                .flatten()
                .map(|(_, &i)| i as usize);
            let long = self
                .long
                .range((k, from.year(), 0)..=(k, to.year(), u32::MAX))
                .map(|(_, &i)| i as usize);
            // Clusters of the report's own kind of span first: a day's
            // report is best matched by that day's clusters, a year's by
            // the year's.
            let mut take = |i: usize| {
                out.push(i);
                out.len() < cap
            };
            if is_short {
                let _ = short.chain(long).all(&mut take);
            } else {
                let _ = long.chain(short).all(&mut take);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A merged event being built, with the articles it already cites.
struct Cluster {
    event: Event,
    /// The keys it is filed under in the [`CandidateIndex`].
    keys: Vec<u64>,
    /// Date values its sources gave, with the source slug.
    dates: Vec<(Timex, super::Shared)>,
}

/// Merges events across articles; see the module comment.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut extracted = events;
    let curated: Vec<Event> = extracted.extract_if(.., |e| e.curated).collect();
    unify_names(&mut extracted);
    // The most precise, earliest-published reports seed the clusters.
    // Indexes are sorted and the events moved once: sorting the (large)
    // events themselves moved each a few dozen times, over a second at
    // 10,000 articles.
    let order: Vec<usize> = {
        fn key(e: &Event) -> impl Ord + '_ {
            (
                e.kind == EventKind::Reported,
                e.date.precision,
                e.date.interval.days(),
                e.sources
                    .first()
                    .map(|s| (s.published, &*s.article_path, s.sentence_start)),
                e.id.as_str(),
            )
        }
        let mut keyed: Vec<_> = extracted
            .iter()
            .enumerate()
            .map(|(i, e)| (key(e), i))
            .collect();
        // The index last: the same order as a stable sort.
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, i)| i).collect()
    };
    permute(&mut extracted, order);
    // Features are computed up front, in parallel: the loop below is
    // sequential because each report may join a cluster an earlier one made.
    let stop = stop_words();
    let features: Vec<Features> = extracted
        .par_iter()
        .map(|e| Features::of(e, stop))
        .collect();
    let mut slug_ids: HashMap<super::Shared, u32> = HashMap::new();
    // The clusters citing each article (by slug id), sorted.
    let mut clusters_of_article: Vec<Vec<usize>> = Vec::new();
    // At most one cluster per report: sized once, as growing it by doubling
    // beside the reports briefly held both twice over.
    let mut clusters: Vec<Cluster> = Vec::with_capacity(extracted.len());
    // What comparisons read of each cluster, index for index with
    // `clusters` and apart from them: its event's date and the words and
    // actors of every report it holds. Kept small and together, a
    // comparison's reads stay in cache rather than reaching into the
    // (large) cluster.
    let mut cluster_dates: Vec<DateKey> = Vec::new();
    let mut cluster_features: Vec<Features> = Vec::new();
    let mut index = CandidateIndex::new(&features);
    for (e, f) in extracted.into_iter().zip(features) {
        let keys = index.keys(&f);
        let slug = e
            .sources
            .first()
            .map(|s| s.article_slug.clone())
            .unwrap_or_default();
        let next_id = slug_ids.len() as u32;
        let slug_id = *slug_ids.entry(slug.clone()).or_insert(next_id);
        if slug_id == next_id {
            clusters_of_article.push(Vec::new());
        }
        let candidates = index.candidates(&e, &keys);
        let date = DateKey::of(&e);
        // Two reports of one article never merge. An article is in a few
        // clusters, while a cluster can cite hundreds of articles.
        let own = &clusters_of_article[slug_id as usize];
        let try_join = |&i: &usize| {
            if own.binary_search(&i).is_ok() {
                return None;
            }
            join(&cluster_dates[i], &cluster_features[i], &date, &f).map(|j| (i, j))
        };
        // The best score, ties to the earliest cluster: a total order, so
        // the parallel search finds the same cluster as the sequential one.
        let better = |x: &(usize, Join), y: &(usize, Join)| {
            x.1.score().total_cmp(&y.1.score()).then(y.0.cmp(&x.0))
        };
        // Busy days (a common actor, a big story) give hundreds of
        // candidates: those are compared on every core.
        let best = if candidates.len() >= PARALLEL_CANDIDATES {
            candidates.par_iter().filter_map(try_join).max_by(better)
        } else {
            candidates.iter().filter_map(try_join).max_by(better)
        };
        match best {
            Some((i, j)) => {
                let c = &mut clusters[i];
                let reason = j.describe(&c.event, &e);
                c.dates.push((e.date, slug.clone()));
                insert_sorted(&mut clusters_of_article[slug_id as usize], i);
                c.event
                    .merge_reasons
                    .push(format!("joined the report in {slug}: {reason}"));
                let features = &mut cluster_features[i];
                union(&mut features.bag, &f.bag);
                union(&mut features.actors, &f.actors);
                let was_reported = c.event.kind == EventKind::Reported;
                absorb(&mut c.event, e);
                cluster_dates[i] = DateKey::of(&c.event);
                // The cluster's words, actors or dates may have changed:
                // file it under what is new.
                let now = index.keys(features);
                if was_reported && c.event.kind == EventKind::Happened {
                    index.add(&c.event, &now, i);
                } else {
                    // Looked up in a sorted copy: a cluster of many
                    // reports has hundreds of keys, and a scan per key
                    // cost the square of that on every join.
                    let mut known = std::mem::take(&mut c.keys);
                    known.sort_unstable();
                    let fresh: Vec<u64> = now
                        .iter()
                        .filter(|k| known.binary_search(k).is_err())
                        .copied()
                        .collect();
                    index.add(&c.event, &fresh, i);
                }
                c.keys = now;
            }
            None => {
                insert_sorted(&mut clusters_of_article[slug_id as usize], clusters.len());
                index.add(&e, &keys, clusters.len());
                clusters.push(Cluster {
                    keys,
                    dates: vec![(e.date, slug)],
                    event: e,
                });
                cluster_dates.push(date);
                cluster_features.push(f);
            }
        }
    }
    for c in &mut clusters {
        order_sources(&mut c.event);
        flag_disagreement(c);
        let n = c.event.sources.len();
        if n > 1 {
            c.event.confidence = (c.event.confidence + 0.05 * (n - 1) as f32).min(1.0);
        }
    }
    let mut out: Vec<Event> = clusters.into_iter().map(|c| c.event).collect();
    if !curated.is_empty() {
        // Computed once: the extracted events' words do not change until a
        // curated event overrides one, and then it is out of the running.
        let bags: Vec<Bag> = out.iter().map(|e| bag(e, stop)).collect();
        for cur in curated {
            join_curated(&mut out, &bags, cur, stop);
        }
    }
    out
}

/// Puts `v` in the order `order` gives (`order[k]` is the index in `v` of
/// the item that goes at `k`), in place: one swap per item out of place,
/// and no second vector of the (large) items beside the first.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        // Follow the cycle through `start`: each place takes the item its
        // order names, and is marked done by pointing at itself.
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            v.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

fn insert_sorted(v: &mut Vec<usize>, x: usize) {
    if let Err(at) = v.binary_search(&x) {
        v.insert(at, x);
    }
}

/// Adds `e`'s sources, actors, quotes and tags to `into`; `into` keeps its
/// date and id, and takes the fuller of the two headlines.
pub(crate) fn absorb(into: &mut Event, e: Event) {
    if into.kind == EventKind::Reported && e.kind == EventKind::Happened {
        into.kind = EventKind::Happened;
        into.date = e.date;
    }
    if e.headline.split_whitespace().count() > into.headline.split_whitespace().count() {
        into.headline = e.headline.clone();
    }
    for a in e.actors {
        if !into.actors.contains(&a) {
            into.actors.push(a);
        }
    }
    for p in e.participants {
        match into.participants.iter_mut().find(|x| x.name == p.name) {
            Some(known) => {
                for r in p.roles {
                    if !known.roles.contains(&r) {
                        known.roles.push(r);
                    }
                }
            }
            None => into.participants.push(p),
        }
    }
    for q in e.quotes {
        add_quote(&mut into.quotes, q);
    }
    if into.place.is_none() {
        into.place = e.place;
    }
    for t in e.tags {
        if !into.tags.contains(&t) {
            into.tags.push(t);
        }
    }
    // The sources are put in order once the merge is done (see
    // `order_sources`): sorting, or even inserting in place, on every join
    // made a cluster of thousands of sources cost the square of its size.
    // Until then the earliest stays first, where dates and spans look.
    for s in e.sources {
        into.sources.push(s);
        let last = into.sources.len() - 1;
        if source_order(&into.sources[last], &into.sources[0]).is_lt() {
            into.sources.swap(0, last);
        }
    }
    into.confidence = into.confidence.max(e.confidence);
}

/// The order of an event's sources: by publication, then article, then
/// place in it, an article's title after its body (the title's offsets
/// index the title, and the event's text is the body's sentence). Two
/// sources of one event never share all four, since two reports of one
/// article never merge.
fn source_order(a: &super::Source, b: &super::Source) -> std::cmp::Ordering {
    let title = |s: &super::Source| s.anchor.as_deref() == Some("title");
    (a.published, &a.article_path, title(a), a.sentence_start).cmp(&(
        b.published,
        &b.article_path,
        title(b),
        b.sentence_start,
    ))
}

/// Puts a merged event's sources in [`source_order`].
fn order_sources(e: &mut Event) {
    e.sources.sort_by(source_order);
}

/// Adds a quotation unless the same words are there already, ignoring
/// case, punctuation and bracketed insertions ("He (Putin) wants").
pub fn add_quote(quotes: &mut Vec<super::Quote>, q: super::Quote) {
    let key = |t: &str| {
        let mut out = String::with_capacity(t.len());
        let mut depth = 0;
        for c in t.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                c if depth == 0 && c.is_alphanumeric() => out.extend(c.to_lowercase()),
                _ => {}
            }
        }
        out
    };
    let k = key(&q.text);
    if !quotes.iter().any(|x| key(&x.text) == k) {
        quotes.push(q);
    }
}

/// Notes the sources whose date differs from the merged one and does not
/// contain it.
fn flag_disagreement(c: &mut Cluster) {
    let kept = &c.event.date;
    let mut others = Vec::new();
    for (value, slug) in &c.dates {
        if value.same_value(kept) {
            continue;
        }
        let contains = value.interval.contains(&kept.interval);
        if !contains && c.event.kind == EventKind::Happened {
            others.push(format!("{slug} dates it {value}"));
        }
    }
    if !others.is_empty() {
        c.event.date_disagreement = Some(format!(
            "sources disagree: kept {} (the most precise); {}",
            kept,
            others.join("; ")
        ));
    }
}

/// A curated event overrides the extracted event it matches (dates overlap,
/// and a shared actor or shared words), or joins the timeline alone.
///
/// `bags` are the words of the extracted events at the front of `out`.
fn join_curated(out: &mut Vec<Event>, bags: &[Bag], cur: Event, stop: &StopWords) {
    let cb = bag(&cur, stop);
    let slug = cur
        .sources
        .first()
        .map(|s| s.article_slug.clone())
        .unwrap_or_default();
    let span = cur.date.effective_interval();
    let best = out[..bags.len()]
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.curated)
        .filter(|(_, e)| e.date.effective_interval().overlaps(&span))
        .filter_map(|(i, e)| {
            let words = jaccard(&bags[i], &cb);
            let shared = e
                .actors
                .iter()
                .filter(|a| cur.actors.iter().any(|c| same_actor(c, a)))
                .count();
            let from_same_article = e.sources.iter().any(|s| s.article_slug == slug);
            ((shared > 0 && words >= 0.1) || words >= 0.3).then_some((
                i,
                words + 0.1 * shared as f32 + if from_same_article { 0.5 } else { 0.0 },
            ))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let Some((i, _)) = best else {
        out.push(cur);
        return;
    };
    let e = &mut out[i];
    e.merge_reasons.push(format!(
        "curated event in {slug} overrides the extracted one: dates overlap ({} and {})",
        cur.date, e.date
    ));
    e.date = cur.date;
    e.headline = cur.headline;
    if !cur.text.is_empty() {
        e.text = cur.text;
    }
    if cur.place.is_some() {
        e.place = cur.place;
    }
    for a in cur.actors.into_iter().rev() {
        if let Some(p) = e.actors.iter().position(|x| same_actor(&a, x)) {
            let known = e.actors.remove(p);
            e.actors.insert(0, known);
        } else {
            e.actors.insert(0, a);
        }
    }
    for q in cur.quotes {
        add_quote(&mut e.quotes, q);
    }
    e.sources.extend(cur.sources);
    e.curated = true;
    e.confidence = 1.0;
    e.date_disagreement = None;
}

/// "Trump" and "Donald Trump" are one actor.
fn same_actor(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))
}

/// Articles that only ever say "Trump" name the same actor as those that say
/// "Donald Trump": a one-word person name becomes the one full name that
/// ends with it, when there is exactly one. A word that also names a
/// country or a body ("Egypt", "UN") stays as it is, whatever person's
/// name ends with it ("Twitter Egypt", a heading run into its text).
fn unify_names(events: &mut [Event]) {
    let mut full: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut not_people: BTreeSet<&str> = BTreeSet::new();
    for e in events.iter() {
        for p in e
            .participants
            .iter()
            .filter(|p| p.kind != ActorKind::Person)
        {
            not_people.insert(p.name.as_str());
        }
    }
    let not_people: BTreeSet<String> = not_people.into_iter().map(str::to_string).collect();
    for e in events.iter() {
        for p in e
            .participants
            .iter()
            .filter(|p| p.kind == ActorKind::Person)
        {
            if let Some((_, last)) = p.name.rsplit_once(' ') {
                full.entry(last.to_string())
                    .or_default()
                    .insert(p.name.clone());
            }
        }
    }
    let rename: BTreeMap<String, String> = full
        .into_iter()
        .filter(|(last, names)| {
            names.len() == 1
                && !not_people.contains(last)
                && names
                    .iter()
                    .all(|n| !n.split(' ').any(|w| not_people.contains(w)))
        })
        .filter_map(|(last, names)| names.into_iter().next().map(|n| (last, n)))
        .collect();
    if rename.is_empty() {
        return;
    }
    let fix = |name: &mut String| {
        if let Some(n) = rename.get(name.as_str()) {
            *name = n.clone();
        }
    };
    for e in events.iter_mut() {
        e.actors.iter_mut().for_each(fix);
        let mut seen = BTreeSet::new();
        e.actors.retain(|a| seen.insert(a.clone()));
        for p in &mut e.participants {
            fix(&mut p.name);
            p.slug = crate::slug::slugify(&p.name);
        }
        dedup_participants(&mut e.participants);
        for q in &mut e.quotes {
            if let Some(s) = &mut q.speaker {
                fix(s);
            }
        }
    }
}

fn dedup_participants(ps: &mut Vec<Actor>) {
    let mut seen: Vec<Actor> = Vec::with_capacity(ps.len());
    for p in ps.drain(..) {
        match seen.iter_mut().find(|x| x.name == p.name) {
            Some(k) => {
                for r in p.roles {
                    if !k.roles.contains(&r) {
                        k.roles.push(r);
                    }
                }
            }
            None => seen.push(p),
        }
    }
    *ps = seen;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Quote, Source};
    use chrono::NaiveDate;

    #[test]
    fn permute_in_place_gives_each_place_the_item_its_order_names() {
        let orders: [&[usize]; 5] = [&[], &[0], &[2, 0, 1], &[1, 0, 3, 2, 4], &[5, 3, 0, 4, 1, 2]];
        for order in orders {
            let mut v: Vec<String> = (0..order.len()).map(|i| format!("item {i}")).collect();
            let want: Vec<String> = order.iter().map(|&i| v[i].clone()).collect();
            permute(&mut v, order.to_vec());
            assert_eq!(v, want, "order {order:?}");
        }
    }

    fn ev(slug: &str, published: &str, value: &str, actors: &[&str], text: &str) -> Event {
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
        Event {
            id: format!("{slug}-{value}"),
            date: Timex::parse(value).unwrap(),
            kind: EventKind::Happened,
            headline: text.split(',').next().unwrap().into(),
            text: text.into(),
            actors: actors.iter().map(|a| a.to_string()).collect(),
            quotes: Vec::new(),
            place: None,
            sources: vec![Source {
                article_slug: slug.into(),
                article_path: format!("content/{slug}.md").into(),
                article_title: slug.into(),
                outlet: None,
                published,
                url: None,
                sentence_start: Some(0),
                sentence_end: Some(text.len()),
                sentence: Some(text.into()),
                anchor: Some("p-1".into()),
                date_text: None,
                resolution: String::new(),
                evidence: Vec::new(),
                context: Vec::new(),
                trigger: None,
            }],
            confidence: 0.9,
            curated: false,
            date_disagreement: None,
            tags: Vec::new(),
            participants: actors
                .iter()
                .map(|a| Actor {
                    name: a.to_string(),
                    slug: crate::slug::slugify(a),
                    roles: Vec::new(),
                    kind: ActorKind::Person,
                })
                .collect(),
            merge_reasons: Vec::new(),
            secondary: false,
            mention_only: false,
        }
    }

    fn reported(mut e: Event) -> Event {
        e.kind = EventKind::Reported;
        e
    }

    #[test]
    fn merges_the_same_event_told_in_different_words() {
        let cases: &[(&str, &str)] = &[
            (
                "Putin said on Tuesday that negotiations with Ukraine could take place",
                "Putin stressed on January 28 that negotiations with Ukraine could take place",
            ),
            (
                "Donald Trump watched fireworks at Trump National Golf Club on Saturday",
                "Donald Trump watches fireworks at Trump National Golf Club, ahead of the inauguration",
            ),
            (
                "Trump told a New York Post reporter aboard Air Force One that he has spoken with Putin",
                "In an interview aboard Air Force One, Trump declined to say how often he had spoken with Putin, the New York Post said",
            ),
        ];
        for (a, b) in cases {
            let out = merge(vec![
                ev(
                    "a",
                    "2025-01-29",
                    "2025-01-28",
                    &["Donald Trump", "Vladimir Putin"],
                    a,
                ),
                ev(
                    "b",
                    "2025-02-09",
                    "2025-01-28",
                    &["Donald Trump", "Vladimir Putin"],
                    b,
                ),
            ]);
            assert_eq!(out.len(), 1, "{a} / {b}");
            assert_eq!(out[0].sources.len(), 2);
            assert_eq!(out[0].merge_reasons.len(), 1);
        }
    }

    #[test]
    fn distinct_events_on_the_same_day_stay_apart() {
        let cases: &[(&str, &str)] = &[
            (
                "Putin met Zelensky in Geneva to discuss a ceasefire",
                "Putin signed a decree raising pensions for veterans",
            ),
            (
                "The council approved a new tram line",
                "Farmers blocked the main highway to protest fuel prices",
            ),
        ];
        for (a, b) in cases {
            let out = merge(vec![
                ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], a),
                ev("b", "2025-01-30", "2025-01-28", &["Vladimir Putin"], b),
            ]);
            assert_eq!(out.len(), 2, "{a} / {b}");
        }
    }

    #[test]
    fn two_events_of_one_article_never_merge() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let mut second = ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text);
        second.id = "other".into();
        let out = merge(vec![
            ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text),
            second,
        ]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn keeps_the_most_precise_date_without_a_flag_when_the_coarser_contains_it() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let out = merge(vec![
            ev("a", "2025-02-20", "2025-01", &["Vladimir Putin"], text),
            ev("b", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].date, "2025-01-28");
        assert_eq!(out[0].date_disagreement, None);
    }

    #[test]
    fn keeps_a_january_date_without_a_flag_when_another_source_says_winter() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let out = merge(vec![
            ev("a", "2025-03-20", "2025-WI", &["Vladimir Putin"], text),
            ev("b", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].date, "2025-01-28");
        assert_eq!(out[0].date_disagreement, None);
    }

    #[test]
    fn keeps_a_saturday_without_a_flag_when_another_source_says_that_weekend() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let out = merge(vec![
            ev("a", "2025-02-03", "2025-W05-WE", &["Vladimir Putin"], text),
            ev("b", "2025-02-02", "2025-02-01", &["Vladimir Putin"], text),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].date, "2025-02-01");
        assert_eq!(out[0].date_disagreement, None);
    }

    #[test]
    fn flags_sources_a_day_apart() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let out = merge(vec![
            ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text),
            ev("b", "2025-01-30", "2025-01-27", &["Vladimir Putin"], text),
        ]);
        assert_eq!(out.len(), 1);
        let flag = out[0].date_disagreement.as_deref().unwrap();
        assert!(flag.contains("b dates it 2025-01-27"), "{flag}");
    }

    #[test]
    fn reported_statements_days_apart_merge_under_the_earliest_report() {
        let text = "Kremlin spokesperson Dmitry Peskov told TASS he could neither confirm nor deny the report";
        let out = merge(vec![
            reported(ev(
                "late",
                "2025-02-10",
                "2025-02-10",
                &["Dmitry Peskov"],
                text,
            )),
            reported(ev(
                "early",
                "2025-02-09",
                "2025-02-09",
                &["Dmitry Peskov"],
                text,
            )),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].date, "2025-02-09");
        assert_eq!(&*out[0].sources[0].article_slug, "early");
        assert_eq!(out[0].date_disagreement, None);
    }

    #[test]
    fn a_one_word_name_is_the_full_name_that_ends_with_it() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let mut a = ev("a", "2025-01-29", "2025-01-28", &["Putin"], text);
        a.quotes.push(Quote {
            text: "We will see".into(),
            speaker: Some("Putin".into()),
        });
        let b = ev("b", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text);
        let out = merge(vec![a, b]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].actors, ["Vladimir Putin"]);
        assert_eq!(out[0].quotes[0].speaker.as_deref(), Some("Vladimir Putin"));
    }

    #[test]
    fn a_country_keeps_its_name_when_a_persons_name_ends_with_it() {
        let text = "Egypt erupts in protest as crowds fill Tahrir Square";
        let mut a = ev("a", "2011-01-29", "2011-01-28", &["Egypt"], text);
        a.participants[0].kind = ActorKind::Country;
        let b = ev(
            "b",
            "2011-01-29",
            "2011-01-28",
            &["Twitter Egypt"],
            "Twitter Egypt unites",
        );
        let out = merge(vec![a, b]);
        assert!(
            out.iter().any(|e| e.actors == ["Egypt"]),
            "{:?}",
            out.iter().map(|e| &e.actors).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_curated_event_overrides_a_matching_extraction_or_stands_alone() {
        let text = "Putin met Zelensky in Geneva to discuss a ceasefire";
        let mut cur = ev(
            "a",
            "2025-01-29",
            "2025-01-28",
            &["Vladimir Putin"],
            "Putin meets Zelensky",
        );
        cur.curated = true;
        cur.headline = "Putin and Zelensky meet in Geneva".into();
        let mut lone = ev(
            "a",
            "2025-01-29",
            "2024-06-01",
            &["Nobody"],
            "Something else entirely",
        );
        lone.curated = true;
        let out = merge(vec![
            ev("a", "2025-01-29", "2025-01-28", &["Vladimir Putin"], text),
            cur,
            lone,
        ]);
        assert_eq!(out.len(), 2);
        let met = out.iter().find(|e| e.date == "2025-01-28").unwrap();
        assert!(met.curated);
        assert_eq!(met.headline, "Putin and Zelensky meet in Geneva");
        assert_eq!(met.sources.len(), 2);
    }

    #[test]
    fn the_candidate_index_never_misses_a_pair_that_shares_enough_words() {
        // Random bags over a small vocabulary, so many pairs overlap; every
        // pair at or above the no-shared-actor threshold must share a key.
        let mut seed: u64 = 7;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        };
        let features: Vec<Features> = (0..300)
            .map(|_| {
                let n = 1 + next() % 20;
                let mut bag: Vec<u64> = (0..n).map(|_| next() % 40).collect();
                bag.sort_unstable();
                bag.dedup();
                Features {
                    bag,
                    actors: Vec::new(),
                }
            })
            .collect();
        let index = CandidateIndex::new(&features);
        let keys: Vec<Vec<u64>> = features
            .iter()
            .map(|f| {
                let mut k = index.keys(f);
                k.sort_unstable();
                k
            })
            .collect();
        let mut close_pairs = 0;
        for (i, a) in features.iter().enumerate() {
            for (j, b) in features.iter().enumerate().skip(i + 1) {
                if jaccard(&a.bag, &b.bag) >= JOIN_WORDS_ALONE {
                    close_pairs += 1;
                    assert!(
                        shared_count(&keys[i], &keys[j]) > 0,
                        "{:?} and {:?} overlap enough but share no key",
                        a.bag,
                        b.bag
                    );
                }
            }
        }
        assert!(close_pairs > 100, "only {close_pairs} close pairs");
    }

    #[test]
    fn a_report_meets_a_bounded_number_of_clusters_its_own_span_first() {
        // 300 clusters dated 2017 and 300 dated 5 March 2017 sharing an
        // actor: a report dated "2017" compares with MAX_CANDIDATES of the
        // year's, a report of 5 March 2017 with MAX_DAY_CANDIDATES, every
        // one of them of its day.
        let year: Vec<Event> = (0..300)
            .map(|i| {
                ev(
                    &format!("y{i}"),
                    "2017-06-01",
                    "2017",
                    &["Ana Lima"],
                    "A vote",
                )
            })
            .collect();
        let day: Vec<Event> = (0..300)
            .map(|i| {
                ev(
                    &format!("d{i}"),
                    "2017-03-06",
                    "2017-03-05",
                    &["Ana Lima"],
                    "A vote",
                )
            })
            .collect();
        let all: Vec<&Event> = year.iter().chain(&day).collect();
        let features: Vec<Features> = all.iter().map(|e| Features::of(e, stop_words())).collect();
        let mut index = CandidateIndex::new(&features);
        for (i, (e, f)) in all.iter().zip(&features).enumerate() {
            let keys = index.keys(f);
            index.add(e, &keys, i);
        }
        let probe = |e: &Event| index.candidates(e, &index.keys(&Features::of(e, stop_words())));
        let by_year = probe(&ev("p", "2018-01-01", "2017", &["Ana Lima"], "A vote"));
        let by_day = probe(&ev(
            "q",
            "2017-03-06",
            "2017-03-05",
            &["Ana Lima"],
            "A vote",
        ));
        assert_eq!(by_year.len(), MAX_CANDIDATES);
        assert!(by_year.iter().all(|&i| i < 300), "the year's clusters");
        assert_eq!(by_day.len(), MAX_DAY_CANDIDATES);
        assert!(by_day.iter().all(|&i| i >= 300), "the day's clusters");
    }

    #[test]
    fn quotes_are_the_same_whatever_their_brackets_and_stops() {
        let mut qs = vec![Quote {
            text: "He (Putin) wants to see people stop dying".into(),
            speaker: None,
        }];
        add_quote(
            &mut qs,
            Quote {
                text: "He wants to see people stop dying.".into(),
                speaker: None,
            },
        );
        assert_eq!(qs.len(), 1);
    }
}
