//! The archive's search index (`search/`): static files, split so that a
//! query loads only what it needs, never the archive.
//!
//! - `search/meta.json`: how many events, how many go in a chunk of
//!   documents, the first and last day of each block of
//!   [`DAYS_PER_BLOCK`] events (so a date range becomes a range of event
//!   numbers with a few chunks loaded at each end), the words
//!   left out of the index for being in more than half the events, and the
//!   shards split by three characters.
//! - `search/docs/<k>.json`: events `k * DOCS_PER_CHUNK ..` in timeline
//!   (date) order, each `[path, label, headline, first day]`, the path
//!   relative to the site root.
//! - `search/w/<key>.json`, `search/a/<key>.json`, `search/t/<key>.json`:
//!   a word's, an actor's or a tag's events, as event numbers in ascending
//!   order written as gaps (`[3, 1, 10]` is 3, 4, 14), in a shard named by
//!   the term's first two characters (see [`shard_key`]), or three when
//!   the two-character shard would pass [`SHARD_SPLIT`] (meta.json's
//!   `split` lists those), so a query loads one small shard per word and
//!   filter.
//!
//! Pagefind (the crate's Rust API) was the other choice: it indexes
//! rendered HTML pages and filters on exact values, so every event would
//! need a page of its own and a date range one filter value per day, for a
//! dependency tree several times dateline's. The events are already
//! structured here, and this index is a few hundred lines with no new
//! dependency.

use crate::timeline::label::event_label;
use crate::timeline::{Event, Timeline};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// Events in one file of documents: about 4 KB of JSON, so the 20 results
/// a search shows at a time load little more than they show, however far
/// apart in the archive they are.
pub const DOCS_PER_CHUNK: usize = 25;

/// meta.json gives the first and last day of every block of this many
/// events (four chunks): a date range's ends are found in the blocks
/// without meta.json growing by a line per chunk.
pub const DAYS_PER_BLOCK: usize = 100;

/// A shard larger than this (in bytes of JSON) is split by the terms'
/// first three characters; meta.json lists the shards split so.
pub const SHARD_SPLIT: usize = 32_000;

/// The shard a term goes in: its first `n` characters (two, or three in a
/// split shard), a lowercase ASCII letter or digit as itself and any other
/// as `_` and its code point in hex (static/search.js computes the same).
pub fn shard_key(term: &str, n: usize) -> String {
    let mut key = String::new();
    for c in term.chars().take(n) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            key.push(c);
        } else {
            key.push_str(&format!("_{:x}", c as u32));
        }
    }
    key
}

/// The words of `text` as the index holds them: lowercase runs of letters
/// and digits, two characters or more (static/search.js splits a query the
/// same way).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_lowercase)
}

/// Event numbers as gaps from the one before.
fn gaps(ids: &[u32]) -> Vec<u32> {
    let mut last = 0;
    ids.iter()
        .map(|&i| {
            let gap = i - last;
            last = i;
            gap
        })
        .collect()
}

/// Every file of the index, with its path under the output folder.
pub fn index_files(
    timeline: &Timeline,
    event_path: &dyn Fn(&Event) -> String,
) -> Vec<(PathBuf, Vec<u8>)> {
    let events = &timeline.events;
    let mut files = Vec::new();
    let mut word_docs: HashMap<String, Vec<u32>> = HashMap::new();
    let mut actor_docs: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    let mut tag_docs: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        let i = i as u32;
        let mut text = format!("{} {}", e.headline, e.text);
        for part in e.actors.iter().chain(&e.tags).chain(e.place.as_ref()) {
            text.push(' ');
            text.push_str(part);
        }
        for w in words(&text) {
            let list = word_docs.entry(w).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
        for (names, slugs, docs) in [
            (&e.actors, &timeline.actor_slugs, &mut actor_docs),
            (&e.tags, &timeline.tag_slugs, &mut tag_docs),
        ] {
            for name in names {
                let list = docs.entry(slugs.get(name)).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    // A word in more than half the events narrows nothing; leaving it out
    // keeps its shard small, and a query ignores it.
    let common_limit = events.len() / 2;
    let mut common: Vec<String> = word_docs
        .iter()
        .filter(|(_, d)| events.len() >= 20 && d.len() > common_limit)
        .map(|(w, _)| w.clone())
        .collect();
    common.sort_unstable();
    let chunk_days: Vec<(String, String)> = events
        .chunks(DAYS_PER_BLOCK)
        .map(|block| {
            let day = |e: Option<&Event>| e.map(|e| e.sort_start().to_string()).unwrap_or_default();
            (day(block.first()), day(block.last()))
        })
        .collect();
    for (k, chunk) in events.chunks(DOCS_PER_CHUNK).enumerate() {
        let docs: Vec<(String, String, &str, String)> = chunk
            .iter()
            .map(|e| {
                (
                    event_path(e),
                    event_label(e),
                    e.headline.as_str(),
                    e.sort_start().to_string(),
                )
            })
            .collect();
        files.push((
            PathBuf::from(format!("search/docs/{k}.json")),
            serde_json::to_vec(&docs).expect("plain data"),
        ));
    }
    let mut deep: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut words_sorted: Vec<(String, Vec<u32>)> = word_docs
        .into_iter()
        .filter(|(_, d)| !(events.len() >= 20 && d.len() > common_limit))
        .collect();
    words_sorted.sort_unstable();
    let word_terms = words_sorted.iter().map(|(w, d)| (w.as_str(), d));
    for (folder, terms) in [
        (
            "w",
            Box::new(word_terms) as Box<dyn Iterator<Item = (&str, &Vec<u32>)>>,
        ),
        ("a", Box::new(actor_docs.iter().map(|(k, v)| (*k, v)))),
        ("t", Box::new(tag_docs.iter().map(|(k, v)| (*k, v)))),
    ] {
        let (shards, split) = shards(terms, SHARD_SPLIT);
        deep.insert(folder, split);
        for (key, terms) in shards {
            files.push((
                PathBuf::from(format!("search/{folder}/{key}.json")),
                serde_json::to_vec(&terms).expect("plain data"),
            ));
        }
    }
    let meta = serde_json::json!({
        "version": 1,
        "count": events.len(),
        "chunk": DOCS_PER_CHUNK,
        "block": DAYS_PER_BLOCK,
        "days": chunk_days,
        "common": common,
        "split": deep,
    });
    files.push((
        PathBuf::from("search/meta.json"),
        serde_json::to_vec(&meta).expect("plain data"),
    ));
    files
}

/// Terms with their events, by shard: the first two characters, or three
/// for the two-character shards whose JSON would pass `split_over` bytes
/// (a common first syllable on a large site), which are listed too.
#[allow(clippy::type_complexity)]
fn shards<'t>(
    terms: impl Iterator<Item = (&'t str, &'t Vec<u32>)>,
    split_over: usize,
) -> (BTreeMap<String, BTreeMap<&'t str, Vec<u32>>>, Vec<String>) {
    let mut by_two: BTreeMap<String, BTreeMap<&str, Vec<u32>>> = BTreeMap::new();
    for (term, docs) in terms {
        by_two
            .entry(shard_key(term, 2))
            .or_default()
            .insert(term, gaps(docs));
    }
    let mut shards = BTreeMap::new();
    let mut split = Vec::new();
    for (key, terms) in by_two {
        let size = serde_json::to_vec(&terms).map_or(0, |j| j.len());
        if size <= split_over {
            shards
                .entry(key)
                .or_insert_with(BTreeMap::new)
                .extend(terms);
            continue;
        }
        for (term, docs) in terms {
            shards
                .entry(shard_key(term, 3))
                .or_insert_with(BTreeMap::new)
                .insert(term, docs);
        }
        split.push(key);
    }
    (shards, split)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_goes_in_the_shard_of_its_first_two_characters() {
        assert_eq!(shard_key("ceasefire", 2), "ce");
        assert_eq!(shard_key("ceasefire", 3), "cea");
        assert_eq!(shard_key("x", 2), "x");
        assert_eq!(shard_key("co", 3), "co");
        assert_eq!(shard_key("bashar-al-assad", 2), "ba");
        assert_eq!(shard_key("é2", 2), "_e92");
        assert_eq!(shard_key("a-b", 3), "a_2db");
    }

    #[test]
    fn words_are_lowercase_runs_of_letters_and_digits_of_two_or_more() {
        let w: Vec<String> =
            words("Assad's forces shelled Homs, 3 km away in 2012; Ça va").collect();
        assert_eq!(
            w,
            [
                "assad", "forces", "shelled", "homs", "km", "away", "in", "2012", "ça", "va"
            ]
        );
    }

    #[test]
    fn a_shard_over_the_limit_is_split_by_three_characters() {
        let docs = vec![1, 2, 3];
        let terms = [
            ("cease", &docs),
            ("co", &docs),
            ("con", &docs),
            ("control", &docs),
            ("xy", &docs),
        ];
        let (files, split) = shards(terms.iter().copied(), 40);
        assert_eq!(split, ["co"]);
        let keys: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(keys, ["ce", "co", "con", "xy"]);
        assert_eq!(
            files["con"].keys().copied().collect::<Vec<_>>(),
            ["con", "control"]
        );
        assert_eq!(files["co"]["co"], [1, 1, 1]);
        let (whole, none) = shards(terms.iter().copied(), 10_000);
        assert!(none.is_empty());
        assert_eq!(whole.len(), 3);
    }

    #[test]
    fn event_numbers_are_written_as_gaps() {
        assert_eq!(gaps(&[3, 4, 14]), [3, 1, 10]);
    }
}
