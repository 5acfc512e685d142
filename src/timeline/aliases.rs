//! One actor, one name across the site. Articles name the same person or
//! body in several ways ("Assad", "Bashar Assad", "Bashar al-Assad",
//! "President-elect Barack Obama"; "BP Plc", "BP"), and each article's
//! extraction only knows its own. Once every event is in, the names are
//! folded by this rule:
//!
//! 1. Names that are equal once case, dots, an Arabic article ("al-",
//!    "el-") and a company form ("Plc", "Inc.", "Corp.", "Ltd") are left
//!    out are one actor: "Bashar al-Assad" = "Bashar Assad", "BP Plc" =
//!    "BP", "U.S. Coast Guard" = "US Coast Guard".
//!    A person's "Jr." or "Sr." is left out the same way ("Paulson Jr" =
//!    "Paulson"), and a familiar given name is its formal one ("Bob
//!    Dudley" = "Robert Dudley", "Hank Paulson" = "Henry Paulson"; the
//!    pairs are the language's, in its lexicon).
//! 2. A person's name that is part of a longer person's name, word for word
//!    and in order ("Assad" in "Bashar Assad", "Conrad Murray" in "Doctor
//!    Conrad Murray", "Obama" in "Obama NEW"), is that person when one
//!    such longer name has at least two thirds of the events of all of them
//!    ("Bush" stays alone when "George Bush" and "Laura Bush" share it);
//!    when some of them end in the one word, only those compete ("Ben
//!    Bernanke", not "Bernanke Fed", a name run into the next word). A
//!    full name also holds the same first and last names with a middle name
//!    between ("Barack Obama" in "Barack Hussein Obama").
//! 3. An organisation's name that a longer one repeats after one word of
//!    origin ("Security Council" in "UN Security Council", "State
//!    Department" in "U.S. State Department") is that organisation, on the
//!    same two-thirds condition, and so is a body's name that a longer one
//!    carries on past "for" ("Syrian Observatory" in "Syrian Observatory
//!    for Human Rights"). A body's one-word name joins a longer one it ends
//!    ("Shell" in "Royal Dutch Shell"), or heads before "for"
//!    ("Observatory" in "Syrian Observatory for Human Rights"), or that
//!    adds a kind of body ("Treasury Department"), on that condition, when
//!    the longer name has at least a quarter of the short one's events; a
//!    one-word name read as a body ("Paulson announced", where the article
//!    never names him in full) joins a person's full name by rule 2 on the
//!    same terms.
//!
//! 4. An acronym (one word of two to six capitals, "GM", "U.N.") is the
//!    body or country whose name's capital initials spell it, function
//!    words passed over ("General Motors", "Organization of the Petroleum
//!    Exporting Countries" for "OPEC"), on the two-thirds condition when
//!    several do, when that name has at least a quarter of the acronym's
//!    events and some article names both.
//!
//! A name's kind is what most of its mentions say, counted over spellings
//! that differ only in case or a company form; a company form makes it a
//! body.
//!
//! Each group takes the name most events use, the longer on a tie.

use super::{ActorKind, Event};
use crate::extract::lexicon;
use std::collections::{BTreeMap, HashMap};

/// The words a name is compared by.
fn key(name: &str, kind: ActorKind) -> Vec<String> {
    let mut out: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            // "U.S." is "US": dots in a word are no part of the name.
            let lower = w.to_lowercase().replace('.', "");
            let lower = lower.trim_end_matches(['’', '\'']).to_string();
            for article in lexicon::words().name_articles {
                if let Some(rest) = lower.strip_prefix(article)
                    && !rest.is_empty()
                {
                    return rest.to_string();
                }
            }
            lower
        })
        .collect();
    let suffixes = match kind {
        ActorKind::Organisation => lexicon::words().company_forms,
        ActorKind::Person => lexicon::words().person_suffixes,
        _ => &[],
    };
    while out.len() > 1 && out.last().is_some_and(|w| suffixes.contains(&w.as_str())) {
        out.pop();
    }
    // Every word, as a title may come first ("Executive Tony Hayward").
    if kind == ActorKind::Person && out.len() >= 2 {
        for w in &mut out {
            if let Some((_, formal)) = lexicon::words()
                .familiar_given_names
                .iter()
                .find(|(familiar, _)| familiar == w)
            {
                *w = (*formal).to_string();
            }
        }
    }
    out
}

/// The words of a body's name before the first word that carries it on
/// ("Syrian Observatory" of "Syrian Observatory for Human Rights"), when
/// one does and some words come before and after it.
fn before_joiner(name: &[String]) -> Option<&[String]> {
    let at = name
        .iter()
        .position(|w| lexicon::words().body_name_joiners.contains(&w.as_str()))?;
    (at > 0 && at + 1 < name.len()).then(|| &name[..at])
}

/// Whether the full name `part` (two words or more) is `whole` with a
/// middle name left out: the same first and last words, the rest of
/// `part` in `whole` in order.
fn without_middle_name(whole: &[String], part: &[String]) -> bool {
    if part.len() < 2
        || part.len() >= whole.len()
        || part[0] != whole[0]
        || part.last() != whole.last()
    {
        return false;
    }
    let mut rest = whole.iter();
    part.iter().all(|w| rest.any(|x| x == w))
}

/// Whether `part` occurs in `whole` word for word, in order.
fn contains_run(whole: &[String], part: &[String]) -> bool {
    part.len() < whole.len() && whole.windows(part.len()).any(|w| w == part)
}

/// The letters of `name` when it is an acronym: one word of two to six
/// capital letters, dots left out ("GM", "U.N.", "OPEC").
fn acronym(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|&c| c != '.').collect();
    ((2..=6).contains(&letters.chars().count())
        && letters
            .chars()
            .all(|c| c.is_uppercase() && c.is_alphabetic()))
    .then_some(letters)
}

/// The capital initials of a name of two words or more, its lower-case
/// function words passed over ("General Motors" → "GM", "Organization of
/// the Petroleum Exporting Countries" → "OPEC"); none when another word
/// is lower-case, so a phrase read as a name spells nothing.
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "Which Party": a clause's opening word read into a name.
    if words.len() < 2
        || lexicon::words()
            .function_words
            .contains(&words[0].to_lowercase().as_str())
    {
        return None;
    }
    let mut out = String::new();
    for w in words {
        let first = w.chars().next()?;
        if w.len() > 1 && w.ends_with('.') && w.chars().all(|c| c == '.' || c.is_uppercase()) {
            // An abbreviation stands for its letters' words ("U.S. Navy").
            out.extend(w.chars().filter(|&c| c != '.'));
        } else if first.is_uppercase() {
            out.push(first);
        } else if !lexicon::words().function_words.contains(&w) {
            return None;
        }
    }
    (out.chars().count() >= 2).then_some(out)
}

/// Of `candidates`, the one with at least two thirds of their events.
fn dominant(
    heads: &[(ActorKind, Vec<String>, &str, usize)],
    candidates: impl Iterator<Item = usize>,
) -> Option<usize> {
    let candidates: Vec<usize> = candidates.collect();
    let total: usize = candidates.iter().map(|&j| heads[j].3).sum();
    candidates
        .into_iter()
        .max_by_key(|&j| (heads[j].3, heads[j].1.len()))
        .filter(|&j| heads[j].3 * 3 >= total * 2)
}

/// The name each actor name of `events` is folded into (only names that
/// change are listed), by the rule of the module doc.
pub fn aliases(events: &[Event]) -> HashMap<String, String> {
    aliases_in(events, &[])
}

/// [`aliases`] over the events of both slices: the secondary events (the
/// other clauses of a reported sentence) name people the timeline's
/// events do not ("Barack Hussein Obama" in a quoted speech), and an actor
/// page lists them too, so their names are folded and vote like the rest.
fn aliases_in(events: &[Event], also: &[Event]) -> HashMap<String, String> {
    // Events per (name, kind); the kind the texts give a name most often.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kinds: HashMap<&str, HashMap<ActorKind, usize>> = HashMap::new();
    // Curated events name their actors as the editor chose: they are
    // neither counted nor renamed.
    for e in events.iter().chain(also).filter(|e| !e.curated) {
        for a in &e.actors {
            *counts.entry(a.as_str()).or_default() += 1;
        }
        for p in &e.participants {
            *kinds
                .entry(p.name.as_str())
                .or_default()
                .entry(p.kind)
                .or_default() += 1;
        }
    }
    // A name's kind is voted by every spelling of it that differs only in
    // case, so a name shouted in capitals ("ASSAD", read as an acronym)
    // takes the kind of its usual spelling and folds into it by rule 1.
    // The votes are pooled as well over a company form ("Transocean" said
    // by a lone word, "Transocean Ltd"), and a company form is decisive:
    // only a body has one.
    let pool_key = |name: &str| key(name, ActorKind::Organisation).join(" ");
    let mut kinds_by_case: HashMap<String, HashMap<ActorKind, usize>> = HashMap::new();
    let mut company_form: std::collections::HashSet<String> = Default::default();
    for (name, k) in &kinds {
        let pooled_key = pool_key(name);
        if pooled_key.split(' ').count() < name.split_whitespace().count() {
            company_form.insert(pooled_key.clone());
        }
        let pooled = kinds_by_case.entry(pooled_key).or_default();
        for (kind, n) in k {
            *pooled.entry(*kind).or_default() += n;
        }
    }
    let kind_of = |name: &str| {
        let k = pool_key(name);
        if company_form.contains(&k) {
            return ActorKind::Organisation;
        }
        kinds_by_case
            .get(&k)
            .and_then(|k| k.iter().max_by_key(|(k, n)| (**n, **k)).map(|(k, _)| *k))
            .unwrap_or_default()
    };
    // Rule 1: groups of equal keys.
    let mut groups: BTreeMap<(ActorKind, Vec<String>), Vec<&str>> = BTreeMap::new();
    for &name in counts.keys() {
        let kind = kind_of(name);
        groups
            .entry((kind, key(name, kind)))
            .or_default()
            .push(name);
    }
    // Each group's name and its events.
    let mut heads: Vec<(ActorKind, Vec<String>, &str, usize)> = groups
        .iter()
        .map(|((kind, k), names)| {
            let best = names
                .iter()
                .copied()
                .max_by_key(|n| (counts[n], n.len(), std::cmp::Reverse(*n)))
                .expect("a group has names");
            let total = names.iter().map(|n| counts[n]).sum();
            (*kind, k.clone(), best, total)
        })
        .collect();
    heads.sort_by(|a, b| b.3.cmp(&a.3).then(a.2.cmp(b.2)));
    // A longer name that holds a country's name ("Twitter Egypt", a
    // heading run into its text) is no person's full name.
    let countries: std::collections::HashSet<&str> = heads
        .iter()
        .filter(|h| h.0 == ActorKind::Country && h.1.len() == 1)
        .map(|h| h.1[0].as_str())
        .collect();
    let full_name = |j: usize| !heads[j].1.iter().any(|w| countries.contains(w.as_str()));
    // Rules 2 and 3.
    let mut target: HashMap<usize, usize> = HashMap::new();
    let mut spelled_out: Vec<(usize, usize)> = Vec::new();
    for (i, (kind, k, _, count)) in heads.iter().enumerate() {
        let same_kind = |j: &usize| *j != i && heads[*j].0 == *kind;
        // Rule 3: `j` is this body's name after one word of origin ("UN
        // Security Council").
        let with_origin = |j: &usize| {
            let lk = &heads[*j].1;
            same_kind(j)
                && lk.len() == k.len() + 1
                && lk[1..] == k[..]
                && lexicon::words().origins.contains(&lk[0].as_str())
        };
        // Rule 2: `j` is a person's full name holding this one word for word.
        let person_holding = |j: &usize| {
            *j != i
                && heads[*j].0 == ActorKind::Person
                && full_name(*j)
                && contains_run(&heads[*j].1, k)
        };
        // Rule 4: an acronym is the body or country whose name it spells.
        let spelled = acronym(heads[i].2).and_then(|letters| {
            dominant(
                &heads,
                (0..heads.len()).filter(|&j| {
                    j != i
                        && matches!(heads[j].0, ActorKind::Organisation | ActorKind::Country)
                        && initials(heads[j].2).as_deref() == Some(letters.as_str())
                }),
            )
            .filter(|&j| heads[j].3 * 4 >= *count)
        });
        if let Some(j) = spelled {
            spelled_out.push((i, j));
        }
        let joins = match kind {
            // A body's one-word name: after a word of origin, or with a
            // kind of body after it ("Treasury Department").
            ActorKind::Organisation if k.len() == 1 => dominant(
                &heads,
                (0..heads.len()).filter(|j| {
                    let lk = &heads[*j].1;
                    with_origin(j)
                        || (same_kind(j)
                            // An acronym names a whole body already: "UN
                            // Office" is one of the UN's offices.
                            && acronym(heads[i].2).is_none()
                            && lk.len() == 2
                            && lk[0] == k[0]
                            && lexicon::words().body_heads.contains(&lk[1].as_str()))
                }),
            )
            .or_else(|| {
                // "Shell" in "Royal Dutch Shell": the body's name ends
                // with the word, and is no rare run ("Bernanke Fed").
                dominant(
                    &heads,
                    (0..heads.len()).filter(|j| {
                        let lk = &heads[*j].1;
                        // "Observatory" in "Syrian Observatory for Human
                        // Rights": the kind of body before "for".
                        let head = before_joiner(lk).and_then(|b| b.last());
                        same_kind(j)
                            && lk.len() >= 2
                            && (lk.last() == k.first() || head == k.first())
                    }),
                )
                .filter(|&j| heads[j].3 * 4 >= *count)
            })
            .or_else(|| {
                // A one-word name read as a body ("Paulson announced",
                // where the article never gives the full name) is a
                // person's surname when a person's full name holding it
                // dominates and is named at least a quarter as often
                // ("Apple" never joins a "Fiona Apple").
                dominant(&heads, (0..heads.len()).filter(person_holding))
                    .filter(|&j| heads[j].3 * 4 >= *count)
            }),
            // A lone word joins the longer name that dominates it; of
            // those that end in it (the word as a surname: "Ben Bernanke")
            // and those that only hold it ("Bernanke Fed", a name run into
            // the next word), only the first compete.
            ActorKind::Person if k.len() == 1 => {
                let holding: Vec<usize> = (0..heads.len()).filter(person_holding).collect();
                let surname = |j: &usize| heads[*j].1.last() == k.first();
                let as_surname = holding.iter().any(surname);
                dominant(
                    &heads,
                    holding.into_iter().filter(|j| !as_surname || surname(j)),
                )
            }
            // A longer name joins the most used shorter full name it holds
            // ("Doctor Conrad Murray" → "Conrad Murray").
            ActorKind::Person => (0..heads.len())
                .filter(|j| {
                    same_kind(j)
                        && heads[*j].1.len() >= 2
                        && heads[*j].3 > *count
                        && (contains_run(k, &heads[*j].1) || without_middle_name(k, &heads[*j].1))
                })
                .max_by_key(|&j| (heads[j].3, heads[j].1.len())),
            // A longer name: this one after a word of origin, or this one
            // going on past "for" ("Syrian Observatory" in
            // "Syrian Observatory for Human Rights").
            ActorKind::Organisation => dominant(
                &heads,
                (0..heads.len()).filter(|j| {
                    let lk = &heads[*j].1;
                    with_origin(j) || (same_kind(j) && before_joiner(lk) == Some(&k[..]))
                }),
            ),
            ActorKind::Country | ActorKind::Product => None,
        };
        if let Some(j) = joins {
            target.insert(i, j);
        }
    }
    // Rule 4 joins an acronym and the name it spells under whichever most
    // events use ("UN", "General Motors"), when some article names both
    // (news copy spells a body out before it abbreviates it), unless
    // another rule joined either already.
    let index: HashMap<(ActorKind, &[String]), usize> = heads
        .iter()
        .enumerate()
        .map(|(i, (kind, k, _, _))| ((*kind, k.as_slice()), i))
        .collect();
    let head_of = |name: &str| {
        let kind = kind_of(name);
        index.get(&(kind, key(name, kind).as_slice())).copied()
    };
    let in_pairs: std::collections::HashSet<usize> =
        spelled_out.iter().flat_map(|&(i, j)| [i, j]).collect();
    let mut articles: HashMap<usize, std::collections::HashSet<&str>> = HashMap::new();
    if !in_pairs.is_empty() {
        for e in events.iter().chain(also).filter(|e| !e.curated) {
            for a in &e.actors {
                if let Some(h) = head_of(a).filter(|h| in_pairs.contains(h)) {
                    let seen = articles.entry(h).or_default();
                    seen.extend(e.sources.iter().map(|s| &*s.article_slug));
                }
            }
        }
    }
    for (i, j) in spelled_out {
        let together = match (articles.get(&i), articles.get(&j)) {
            (Some(a), Some(b)) => !a.is_disjoint(b),
            _ => false,
        };
        if !together || target.contains_key(&i) || target.contains_key(&j) {
            continue;
        }
        if heads[i].3 > heads[j].3 {
            target.insert(j, i);
        } else {
            target.insert(i, j);
        }
    }
    let resolve = |mut i: usize| {
        // Chains ("Obama" → "President Barack Obama" → "Barack Obama") end
        // at the last; the guard only bounds a chain, none loops (a lone
        // word is never joined, and the other steps gain events).
        for _ in 0..heads.len() {
            match target.get(&i) {
                Some(&j) => i = j,
                None => break,
            }
        }
        i
    };
    let mut out = HashMap::new();
    for &name in counts.keys() {
        let kind = kind_of(name);
        let k = key(name, kind);
        let Some(&i) = index.get(&(kind, k.as_slice())) else {
            continue;
        };
        let to = heads[resolve(i)].2;
        if to != name {
            out.insert(name.to_string(), to.to_string());
        }
    }
    out
}

/// Renames the actors of `events` by [`aliases`]: actor lists, participants
/// (roles joined) and quote speakers.
pub fn unify(events: &mut [Event]) {
    unify_also(events, &mut []);
}

/// [`unify`] over `events` and `also` (the secondary events) together: the
/// names of both are folded by the votes of both.
pub fn unify_also(events: &mut [Event], also: &mut [Event]) {
    let map = aliases_in(events, also);
    if map.is_empty() {
        return;
    }
    rename_all(&map, events);
    rename_all(&map, also);
}

fn rename_all(map: &HashMap<String, String>, events: &mut [Event]) {
    let rename = |n: &str| map.get(n).cloned().unwrap_or_else(|| n.to_string());
    for e in events.iter_mut().filter(|e| !e.curated) {
        let mut actors: Vec<String> = Vec::with_capacity(e.actors.len());
        for a in &e.actors {
            let a = rename(a);
            if !actors.contains(&a) {
                actors.push(a);
            }
        }
        e.actors = actors;
        let mut participants: Vec<super::Actor> = Vec::with_capacity(e.participants.len());
        for p in e.participants.drain(..) {
            let name = rename(&p.name);
            match participants.iter_mut().find(|x| x.name == name) {
                Some(known) => {
                    for r in p.roles {
                        if !known.roles.contains(&r) {
                            known.roles.push(r);
                        }
                    }
                }
                None => participants.push(super::Actor {
                    slug: crate::slug::slugify(&name),
                    name,
                    ..p
                }),
            }
        }
        e.participants = participants;
        for q in &mut e.quotes {
            if let Some(s) = &q.speaker {
                q.speaker = Some(rename(s));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Actor, EventKind};

    /// A report from the article `slug`.
    fn source_in(slug: &str) -> crate::timeline::Source {
        crate::timeline::Source {
            article_slug: slug.into(),
            article_path: slug.into(),
            article_title: slug.into(),
            outlet: None,
            published: chrono::NaiveDate::from_ymd_opt(2012, 2, 4).unwrap(),
            url: None,
            sentence_start: None,
            sentence_end: None,
            sentence: None,
            anchor: None,
            date_text: None,
            resolution: String::new(),
            evidence: Vec::new(),
            context: Vec::new(),
            trigger: None,
        }
    }

    /// An event of one article ("a") naming `actors`.
    fn event(actors: &[(&str, ActorKind)]) -> Event {
        event_in("a", actors)
    }

    fn event_in(slug: &str, actors: &[(&str, ActorKind)]) -> Event {
        Event {
            id: "x".into(),
            date: crate::temporal::Timex::parse("2012-02-04").unwrap(),
            kind: EventKind::Happened,
            headline: "h".into(),
            text: "t".into(),
            actors: actors.iter().map(|(n, _)| n.to_string()).collect(),
            quotes: Vec::new(),
            place: None,
            sources: vec![source_in(slug)],
            confidence: 0.9,
            curated: false,
            date_disagreement: None,
            tags: Vec::new(),
            participants: actors
                .iter()
                .map(|(n, k)| Actor {
                    name: n.to_string(),
                    slug: crate::slug::slugify(n),
                    roles: Vec::new(),
                    kind: *k,
                })
                .collect(),
            merge_reasons: Vec::new(),
            secondary: false,
            mention_only: false,
        }
    }

    /// The alias map of a site whose events name `names` (name, kind,
    /// events) one actor each.
    fn map_of(names: &[(&str, ActorKind, usize)]) -> HashMap<String, String> {
        let events: Vec<Event> = names
            .iter()
            .flat_map(|(n, k, c)| std::iter::repeat_n(event(&[(n, *k)]), *c))
            .collect();
        aliases(&events)
    }

    #[test]
    fn one_person_named_three_ways_is_one_actor() {
        use ActorKind::Person;
        let m = map_of(&[
            ("Assad", Person, 318),
            ("Bashar al-Assad", Person, 235),
            ("Bashar Assad", Person, 11),
            ("Bashar", Person, 5),
        ]);
        assert_eq!(m["Assad"], "Bashar al-Assad");
        assert_eq!(m["Bashar Assad"], "Bashar al-Assad");
        assert_eq!(m["Bashar"], "Bashar al-Assad");
        assert!(!m.contains_key("Bashar al-Assad"));
    }

    #[test]
    fn names_with_a_title_or_a_stray_word_join_the_plain_name() {
        use ActorKind::Person;
        let m = map_of(&[
            ("Conrad Murray", Person, 40),
            ("Doctor Conrad Murray", Person, 3),
            ("Murray", Person, 20),
            ("Obama", Person, 300),
            ("Barack Obama", Person, 200),
            ("President-elect Barack Obama", Person, 20),
            ("Republicans Obama", Person, 2),
        ]);
        assert_eq!(m["Murray"], "Conrad Murray");
        assert_eq!(m["Doctor Conrad Murray"], "Conrad Murray");
        assert_eq!(m["Obama"], "Barack Obama");
        assert_eq!(m["President-elect Barack Obama"], "Barack Obama");
        assert!(!m.contains_key("Barack Obama"), "{m:?}");
    }

    #[test]
    fn a_middle_name_or_a_generation_suffix_is_the_same_person() {
        use ActorKind::Person;
        let m = map_of(&[
            ("Barack Obama", Person, 200),
            ("Barack Hussein Obama", Person, 12),
            ("Henry Paulson", Person, 30),
            ("Henry Paulson Jr", Person, 20),
            ("George Bush", Person, 10),
            ("George Walker Smith", Person, 3),
        ]);
        assert_eq!(m["Barack Hussein Obama"], "Barack Obama");
        assert_eq!(m["Henry Paulson Jr"], "Henry Paulson");
        assert!(!m.contains_key("George Walker Smith"), "{m:?}");
    }

    #[test]
    fn a_familiar_given_name_is_the_formal_one() {
        use ActorKind::{Organisation, Person};
        let m = map_of(&[
            ("Robert Dudley", Person, 30),
            ("Bob Dudley", Person, 50),
            ("Dudley", Person, 40),
            ("Executive Bob Dudley", Person, 5),
            ("Hank Paulson", Person, 20),
            ("Henry Paulson", Person, 25),
            ("Bob Smith", Person, 3),
            ("Bob", Person, 4),
            ("Bill Clinton", Person, 9),
            ("Bill Gates Foundation", Organisation, 2),
        ]);
        assert_eq!(m["Robert Dudley"], "Bob Dudley");
        assert_eq!(m["Dudley"], "Bob Dudley");
        assert_eq!(m["Executive Bob Dudley"], "Bob Dudley");
        assert_eq!(m["Hank Paulson"], "Henry Paulson");
        // Another surname, a lone familiar name or a body's name is
        // another actor.
        assert!(!m.contains_key("Bob Smith"), "{m:?}");
        assert!(!m.contains_key("Bob"), "{m:?}");
        assert!(!m.contains_key("Bill Gates Foundation"), "{m:?}");
    }

    #[test]
    fn a_name_holding_a_country_is_no_full_name() {
        use ActorKind::{Country, Person};
        let m = map_of(&[
            ("Twitter", Person, 200),
            ("Twitter Egypt", Person, 20),
            ("Egypt", Country, 900),
        ]);
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn a_name_in_capitals_folds_into_its_usual_spelling() {
        use ActorKind::{Organisation, Person};
        let m = map_of(&[("Assad", Person, 300), ("ASSAD", Organisation, 5)]);
        assert_eq!(m["ASSAD"], "Assad");
    }

    #[test]
    fn a_surname_two_people_share_stays_apart() {
        use ActorKind::Person;
        let m = map_of(&[
            ("Bush", Person, 30),
            ("George Bush", Person, 10),
            ("Laura Bush", Person, 8),
        ]);
        assert!(!m.contains_key("Bush"), "{m:?}");
    }

    #[test]
    fn a_surname_joins_the_full_name_not_a_name_run_into_the_next_word() {
        use ActorKind::Person;
        let m = map_of(&[
            ("Bernanke", Person, 84),
            ("Ben Bernanke", Person, 58),
            ("Bernanke Fed", Person, 30),
        ]);
        assert_eq!(m["Bernanke"], "Ben Bernanke");
    }

    #[test]
    fn dotted_and_plain_abbreviations_are_one_name() {
        use ActorKind::Organisation;
        let m = map_of(&[
            ("Coast Guard", Organisation, 400),
            ("US Coast Guard", Organisation, 86),
            ("U.S. Coast Guard", Organisation, 55),
        ]);
        assert_eq!(m["U.S. Coast Guard"], "US Coast Guard");
        assert_eq!(m["Coast Guard"], "US Coast Guard");
    }

    #[test]
    fn a_kind_of_body_joins_the_name_it_heads_before_for() {
        use ActorKind::Organisation;
        let m = map_of(&[
            ("Observatory", Organisation, 27),
            ("Syrian Observatory", Organisation, 40),
            ("Syrian Observatory for Human Rights", Organisation, 160),
            ("Commission", Organisation, 10),
            ("Commission for Africa", Organisation, 2),
        ]);
        assert_eq!(m["Observatory"], "Syrian Observatory for Human Rights");
        assert_eq!(
            m["Syrian Observatory"],
            "Syrian Observatory for Human Rights"
        );
        // A body named a quarter as often as the word is another's.
        assert!(!m.contains_key("Commission"), "{m:?}");
    }

    #[test]
    fn a_one_word_body_joins_the_longer_name_it_ends_or_names_the_kind_of() {
        use ActorKind::Organisation;
        let m = map_of(&[
            ("Shell", Organisation, 40),
            ("Royal Dutch Shell", Organisation, 20),
            ("Treasury", Organisation, 30),
            ("Treasury Department", Organisation, 12),
            // A rare run that ends with the word is no longer name of it.
            ("Fed", Organisation, 100),
            ("Bernanke Fed", Organisation, 3),
            // An acronym names a whole body: "UN Office" is one office.
            ("UN", Organisation, 80),
            ("UN Office", Organisation, 60),
        ]);
        assert!(!m.contains_key("UN"), "{m:?}");
        assert_eq!(m["Shell"], "Royal Dutch Shell");
        assert_eq!(m["Treasury"], "Treasury Department");
        assert!(!m.contains_key("Fed"), "{m:?}");
    }

    #[test]
    fn a_one_word_name_read_as_a_body_joins_the_persons_full_name() {
        use ActorKind::{Organisation, Person};
        let m = map_of(&[
            ("Paulson", Organisation, 60),
            ("Henry Paulson", Person, 40),
            // Far more often alone than the person: the body stays.
            ("Apple", Organisation, 500),
            ("Fiona Apple", Person, 2),
        ]);
        assert_eq!(m["Paulson"], "Henry Paulson");
        assert!(!m.contains_key("Apple"), "{m:?}");
    }

    #[test]
    fn a_company_form_makes_every_spelling_of_the_name_a_body() {
        use ActorKind::{Organisation, Person};
        // "Transocean said" reads the lone word as a person; the company
        // form says it is the company.
        let m = map_of(&[
            ("Transocean", Person, 150),
            ("Transocean Ltd", Organisation, 20),
        ]);
        assert_eq!(m["Transocean Ltd"], "Transocean");
    }

    #[test]
    fn organisations_fold_company_forms_and_origins_but_not_parts() {
        use ActorKind::{Country, Organisation};
        let m = map_of(&[
            ("BP", Organisation, 500),
            ("BP Plc", Organisation, 40),
            ("BP PLC", Organisation, 10),
            ("BP Canada", Organisation, 3),
            ("UN", Organisation, 100),
            ("UN Security Council", Organisation, 50),
            ("Security Council", Organisation, 30),
            ("Arab", Organisation, 4),
            ("Arab League", Organisation, 60),
            ("Syria", Country, 600),
        ]);
        assert_eq!(m["BP Plc"], "BP");
        assert_eq!(m["BP PLC"], "BP");
        assert_eq!(m["Security Council"], "UN Security Council");
        for stays in [
            "BP",
            "BP Canada",
            "UN",
            "UN Security Council",
            "Arab",
            "Syria",
        ] {
            assert!(!m.contains_key(stays), "{stays}: {m:?}");
        }
    }

    #[test]
    fn unify_renames_actors_participants_and_speakers() {
        use ActorKind::Person;
        let mut events = vec![
            event(&[("Assad", Person), ("Bashar al-Assad", Person)]),
            event(&[("Bashar al-Assad", Person)]),
        ];
        events[0].quotes.push(crate::timeline::Quote {
            text: "q".into(),
            speaker: Some("Assad".into()),
        });
        unify(&mut events);
        assert_eq!(events[0].actors, ["Bashar al-Assad"]);
        assert_eq!(events[0].participants.len(), 1);
        assert_eq!(
            events[0].quotes[0].speaker.as_deref(),
            Some("Bashar al-Assad")
        );
    }

    #[test]
    fn an_acronym_is_the_body_whose_name_it_spells() {
        use ActorKind::{Country, Organisation, Person};
        let m = map_of(&[
            ("GM", Organisation, 40),
            ("General Motors", Organisation, 25),
            ("OPEC", Organisation, 12),
            (
                "Organization of the Petroleum Exporting Countries",
                Organisation,
                4,
            ),
            ("U.N.", Organisation, 30),
            ("United Nations", Organisation, 10),
            ("UK", Country, 9),
            ("United Kingdom", Country, 3),
            // A person's initials are no acronym of theirs.
            ("GB", Organisation, 5),
            ("Gordon Brown", Person, 50),
            // Two bodies spell it and neither dominates: it stays apart.
            ("AA", Organisation, 6),
            ("American Airlines", Organisation, 10),
            ("Alcoholics Anonymous", Organisation, 8),
        ]);
        // The group shows the name most events use.
        assert_eq!(m["General Motors"], "GM");
        assert_eq!(
            m["Organization of the Petroleum Exporting Countries"],
            "OPEC"
        );
        assert_eq!(m["United Nations"], "U.N.");
        assert_eq!(m["United Kingdom"], "UK");
        assert_eq!(
            map_of(&[("GM", Organisation, 4), ("General Motors", Organisation, 9)])["GM"],
            "General Motors"
        );
        assert!(!m.contains_key("GB"), "{m:?}");
        // An abbreviation stands for its letters' words: "U.S. Navy" is
        // USN, not UN.
        let m = map_of(&[("UN", Organisation, 40), ("U.S. Navy", Organisation, 30)]);
        assert!(m.is_empty(), "{m:?}");
        // A name spelled by the acronym but far rarer is another body
        // ("SEC" and a "Senate Ethics Committee" named twice).
        let m = map_of(&[
            ("SEC", Organisation, 80),
            ("Senate Ethics Committee", Organisation, 2),
        ]);
        assert!(m.is_empty(), "{m:?}");
        // No article names both: they stay apart.
        let events = vec![
            event_in("a", &[("GM", Organisation)]),
            event_in("b", &[("General Motors", Organisation)]),
        ];
        assert!(aliases(&events).is_empty());
        let events = vec![
            event_in("a", &[("GM", Organisation)]),
            event_in("b", &[("General Motors", Organisation)]),
            event_in("b", &[("GM", Organisation)]),
        ];
        assert_eq!(aliases(&events)["General Motors"], "GM");
        assert!(!m.contains_key("AA"), "{m:?}");
        assert!(!m.contains_key("GM"), "{m:?}");
    }
}
