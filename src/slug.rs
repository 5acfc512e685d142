//! URL slugs, the one place where names become path segments: [`slugify`]
//! makes a readable slug of bounded length from any name, [`file_slug`]
//! from an article's file name, and [`Slugs`] gives every name of a set (a
//! site's actors, its tags) a slug of its own when several names make the
//! same one. Nothing here touches files.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use xxhash_rust::xxh3::xxh3_64;

/// The longest slug [`slugify`] makes, in bytes (slugs are ASCII). Longer
/// ones are cut and end in a hash of the whole slug, so an actor's or tag's
/// page has a short URL and two long names still get two pages.
pub const MAX_LEN: usize = 80;

/// The longest file name common file systems take, in bytes: the limit of
/// an article's slug, whether made from its file name or written in its
/// front matter (which dateline does not shorten).
pub const MAX_FILE_NAME: usize = 255;

/// Lowercase ASCII letters, digits and single hyphens, at most [`MAX_LEN`]
/// bytes long; letters of other scripts are transliterated first.
pub fn slugify(s: &str) -> String {
    slug_within(s, MAX_LEN)
}

/// The slug of an article's file name (its stem): as [`slugify`], but kept
/// whole up to [`MAX_FILE_NAME`], so a long file name keeps its URL.
pub fn file_slug(stem: &str) -> String {
    slug_within(stem, MAX_FILE_NAME)
}

fn slug_within(s: &str, max: usize) -> String {
    // Other scripts are spelled in ASCII first ("Владимир Путин" becomes
    // "vladimir-putin", "Erdoğan" "erdogan"), as Zola's slugs do, so every
    // name gets a readable URL instead of an empty one.
    let ascii = deunicode::deunicode(s);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > max {
        let hash = short_hash(&out);
        out = with_suffix(&out, &hash, max);
    }
    out
}

/// Six hex digits of a hash of `s`, the same on every machine and run.
fn short_hash(s: &str) -> String {
    format!("{:06x}", xxh3_64(s.as_bytes()) >> 40)
}

/// `slug-suffix`, with `slug` cut (at a hyphen when one is near the cut) so
/// that the whole stays within `max` bytes.
fn with_suffix(slug: &str, suffix: &str, max: usize) -> String {
    let room = max - suffix.len() - 1;
    let mut head = &slug[..slug.len().min(room)];
    if head.len() < slug.len()
        && let Some(cut) = head.rfind('-').filter(|&i| i >= room / 2)
    {
        head = &head[..cut];
    }
    format!("{}-{suffix}", head.trim_end_matches('-'))
}

/// How far a name is from its own slug: its characters that the slug had to
/// change or drop (capitals, spaces, punctuation).
fn distance_from_slug(name: &str) -> usize {
    name.chars()
        .filter(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        .count()
}

/// A slug for each name of a set, distinct across the set.
///
/// When several names make the same slug (`C++`, `C#` and `c`; `DERAA`
/// and `Deraa`), the name the slug spells most closely keeps it (the
/// fewest characters the slug had to change: `c`, `Deraa`; on a tie, the
/// name given most often, then the first in Unicode order), and each
/// other name gets the slug followed by a hyphen and six hex digits of a
/// hash of the name (`C++`: `c-4f3853`). The rule depends only on the
/// names and how often each is given, never on the order they come in, so
/// a build gives the same slugs every time. Names [`slugify`] keeps
/// nothing of map to the empty string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slugs {
    by_name: HashMap<String, String>,
}

impl Slugs {
    /// The slugs of `names`, each name given once per use (once per event
    /// that carries it, say).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Slugs {
        let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
        for name in names {
            *uses.entry(name).or_default() += 1;
        }
        let mut by_slug: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for &name in uses.keys() {
            by_slug.entry(slugify(name)).or_default().push(name);
        }
        let mut by_name = HashMap::new();
        let mut taken: HashSet<String> = by_slug.keys().cloned().collect();
        for (slug, mut names) in by_slug {
            // Already in Unicode order; the stable sort keeps it among equals.
            names.sort_by_key(|n| (distance_from_slug(n), Reverse(uses[n])));
            let (first, others) = names.split_first().expect("a group has a name");
            if !slug.is_empty() {
                for name in others {
                    let mut own = with_suffix(&slug, &short_hash(name), MAX_LEN);
                    // Two hashes alike, or a name that spells another's
                    // hashed slug: astronomically rare, but still distinct.
                    let mut n = 2;
                    while taken.contains(&own) {
                        own = with_suffix(&slug, &format!("{}-{n}", short_hash(name)), MAX_LEN);
                        n += 1;
                    }
                    taken.insert(own.clone());
                    by_name.insert(name.to_string(), own);
                }
            }
            by_name.insert(first.to_string(), slug);
        }
        Slugs { by_name }
    }

    /// The slug of `name`, which must be one of the set's names (empty for a
    /// name that is not, or that has no slug).
    pub fn get(&self, name: &str) -> &str {
        debug_assert!(self.by_name.contains_key(name), "{name:?} has no slug");
        self.by_name.get(name).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_makes_readable_urls() {
        assert_eq!(slugify("Trump & Putin: The Call!"), "trump-putin-the-call");
        assert_eq!(slugify("2025-02-09-seed"), "2025-02-09-seed");
    }

    #[test]
    fn names_in_other_scripts_get_readable_ascii_slugs() {
        for (name, slug) in [
            ("Владимир Путин", "vladimir-putin"),
            ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
            ("März", "marz"),
            ("Zürich", "zurich"),
            ("Ελλάδα", "ellada"),
        ] {
            assert_eq!(slugify(name), slug, "{name}");
        }
    }

    #[test]
    fn a_name_of_punctuation_alone_has_no_slug() {
        for s in ["—", "  ", "", "「」", "--"] {
            assert_eq!(slugify(s), "", "{s:?}");
        }
    }

    #[test]
    fn a_long_name_is_cut_at_a_word_and_ends_in_a_hash_of_the_whole() {
        let long = "word ".repeat(40);
        let slug = slugify(&long);
        assert!(slug.len() <= MAX_LEN, "{slug}");
        assert!(slug.starts_with("word-word-"), "{slug}");
        let (head, hash) = slug.rsplit_once('-').unwrap();
        assert!(head.ends_with("word"), "{slug}");
        assert_eq!(hash.len(), 6);
        assert_ne!(slugify(&format!("{long} more")), slug);
        assert_eq!(slugify(&long), slug, "the same name, the same slug");
    }

    #[test]
    fn a_slug_of_exactly_the_limit_is_kept_whole() {
        let name = "a".repeat(MAX_LEN);
        assert_eq!(slugify(&name), name);
        assert_eq!(slugify(&format!("{name}a")).len(), MAX_LEN);
    }

    #[test]
    fn a_long_file_name_keeps_its_slug_up_to_what_a_folder_name_takes() {
        let stem = "word-".repeat(40);
        assert_eq!(file_slug(&stem), stem.trim_end_matches('-'));
        let longer = "word-".repeat(60);
        assert!(file_slug(&longer).len() <= MAX_FILE_NAME);
    }

    #[test]
    fn the_name_the_slug_spells_most_closely_keeps_it() {
        let slugs = Slugs::new(["C++", "C#", "c", "DERAA", "Deraa", "Other"]);
        assert_eq!(slugs.get("c"), "c");
        assert_eq!(slugs.get("Deraa"), "deraa");
        assert_eq!(slugs.get("Other"), "other");
        for (name, base) in [("C++", "c"), ("C#", "c"), ("DERAA", "deraa")] {
            let slug = slugs.get(name);
            assert_eq!(slug, format!("{base}-{}", short_hash(name)));
        }
        assert_ne!(slugs.get("C++"), slugs.get("C#"));
    }

    #[test]
    fn a_tie_goes_to_the_name_given_most_then_to_the_first_in_unicode_order() {
        let slugs = Slugs::new(["McCain", "MCcain", "McCain"]);
        assert_eq!(slugs.get("McCain"), "mccain");
        assert_ne!(slugs.get("MCcain"), "mccain");
        let slugs = Slugs::new(["McCain", "MCcain"]);
        assert_eq!(slugs.get("MCcain"), "mccain");
    }

    #[test]
    fn slugs_do_not_depend_on_the_order_names_come_in() {
        let names = [
            "Tokyo", "TOKYO", "tokyo!", "Paris", "PARIS", "C++", "c", "c",
        ];
        let forward = Slugs::new(names);
        let backward = Slugs::new(names.iter().rev().copied());
        assert_eq!(forward, backward);
    }

    #[test]
    fn a_name_spelling_another_names_hashed_slug_still_gets_its_own() {
        let hashed = format!("c-{}", short_hash("C++"));
        let slugs = Slugs::new(["c", "C++", hashed.as_str()]);
        let all: HashSet<&str> = ["c", "C++", hashed.as_str()]
            .iter()
            .map(|n| slugs.get(n))
            .collect();
        assert_eq!(all.len(), 3);
    }

    #[test]
    fn names_without_a_slug_map_to_nothing() {
        let slugs = Slugs::new(["—", "「」"]);
        assert_eq!(slugs.get("—"), "");
        assert_eq!(slugs.get("「」"), "");
    }
}
