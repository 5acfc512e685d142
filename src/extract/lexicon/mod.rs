//! The extractor's language data: the words that name titles, bodies and
//! places, verbs of saying, the function words the clause rules step over,
//! abbreviations, and the other lists sentence splitting, actors, triggers,
//! assertions, headlines and places read. A language is one file beside
//! this one (`en.rs`) and one arm in [`of`], so the logic of `src/extract/`
//! holds no spelling of its own.
//!
//! The lists are read by many small rules deep in the per-article stage, so
//! they are not passed down as an argument: an extraction runs inside
//! [`reading`] with the site's language (the tagger's
//! [`TaggerOptions::language`](crate::temporal::TaggerOptions)), and the
//! rules ask [`words`] for that language's lists. The choice holds for the
//! calling thread; code outside any [`reading`] (unit tests, a tool that
//! splits one paragraph) reads the default language's words.

mod en;

use crate::temporal::Language;
use std::cell::Cell;

/// The extractor's word lists of `language`.
pub fn of(language: Language) -> &'static Words {
    match language {
        Language::English => &en::WORDS,
    }
}

thread_local! {
    static CURRENT: Cell<Language> = Cell::new(Language::default());
}

/// The language whose words the extractor reads on this thread.
pub fn current() -> Language {
    CURRENT.with(Cell::get)
}

/// The word lists of the language being read (see [`reading`]).
pub fn words() -> &'static Words {
    of(current())
}

/// Runs `f` reading `language`'s words; the language read before comes back
/// afterwards, also when `f` panics.
pub fn reading<R>(language: Language, f: impl FnOnce() -> R) -> R {
    struct Restore(Language);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(language)));
    f()
}

/// What a language calls each thing the extractor's rules look for. Words
/// are as the text writes them unless a list says they are lower-cased.
#[derive(Debug)]
pub struct Words {
    // sentences.rs
    /// Abbreviations that always precede a name.
    pub abbreviated_titles: &'static [&'static str],
    /// AP month abbreviations.
    pub abbreviated_months: &'static [&'static str],
    /// Abbreviations that may also end a sentence.
    pub other_abbreviations: &'static [&'static str],
    /// Words that begin a new sentence after an abbreviation that could also end
    /// one ("... in the U.S. The talks ...").
    pub sentence_starters: &'static [&'static str],

    // place.rs
    /// Words a place name may not start with: dates and times of day.
    pub not_places: &'static [&'static str],
    /// Words before "in X" that make X the subject of the phrase, not a place.
    pub not_place_after: &'static [&'static str],

    // assertion.rs
    /// Adverbs that make a verb tell a habit rather than an occurrence.
    pub habitual: &'static [&'static str],
    /// Stems of verbs that, before "to", tell an intention rather than an act.
    pub intending: &'static [&'static str],
    /// Modals proper: the verb after one tells what may or will happen.
    pub forecast_modals: &'static [&'static str],

    // headline.rs
    /// Words after a verb of saying that say nothing: whom it was told to,
    /// when.
    pub nothing_said: &'static [&'static str],
    /// Words that may not end a headline.
    pub dangling: &'static [&'static str],
    /// Prepositions that open an adjunct a headline can do without ("about",
    /// "over", "in"); not "to" or "of", which often complete what comes before
    /// ("eager to negotiate", "the use of force").
    pub adjunct_prepositions: &'static [&'static str],
    /// Words that open a clause or phrase of their own after a verb and its
    /// object: a headline may end before one and still be whole.
    pub clause_openers: &'static [&'static str],

    // trigger.rs
    /// Nouns that name something that happened, beyond those whose ending
    /// says so ("-tion", "-ment"): what news reports as events.
    pub event_nouns: &'static [&'static str],
    /// Nouns ending like nouns of action that name a thing, a place, a body or
    /// a state.
    pub not_event_nouns: &'static [&'static str],
    /// Words in "-ing" that English uses as prepositions: "following the
    /// purchase", "including", "according to". They open no clause.
    pub ing_prepositions: &'static [&'static str],
    /// Words before a participle that make it a verb of the clause: "by
    /// walking", "while introducing".
    pub subordinators: &'static [&'static str],
    /// Modals and the infinitive marker: the next verb-like word is the verb.
    pub modals: &'static [&'static str],
    /// Forms of "be" and "have": auxiliaries before a participle, else the verb.
    pub be_have: &'static [&'static str],
    /// Words passed over between a subject and its verb.
    pub adverbs: &'static [&'static str],
    /// Function words that are never a present-tense verb although they end in s.
    pub not_verbs: &'static [&'static str],
    /// Words that are never a verb: articles, possessives, pronouns,
    /// prepositions, quantifiers.
    pub function_words: &'static [&'static str],
    /// Past forms of irregular verbs that news copy uses.
    pub irregular_past: &'static [&'static str],
    /// Particles that belong to the verb before them ("took off", "step down").
    pub particles: &'static [&'static str],
    /// Verbs that name no event of their own before a noun that does: "gave
    /// the opening keynote", "made an appearance", "took the decision".
    pub light_verbs: &'static [&'static str],
    /// Words that end a noun phrase after its head.
    pub stops_noun_phrase: &'static [&'static str],

    // actors.rs
    /// Common nouns English numbers things with ("Article 5", "Flight 370"):
    /// the number after them makes no product.
    pub numbered_nouns: &'static [&'static str],
    /// Titles that stand before a person's name, capitalised as in running text.
    pub person_titles: &'static [&'static str],
    /// Organisation heads that alone name a kind of body, not one body
    /// ("Department", "Government"); "Senate" or "Pentagon" alone is one.
    pub generic_org_heads: &'static [&'static str],
    /// Honorifics: titles that are no role.
    pub honorifics: &'static [&'static str],
    /// Lowercase role words that stand before a name: "spokesperson Dmitry Peskov".
    pub lower_titles: &'static [&'static str],
    /// Last words that make a capitalised run an organisation, besides
    /// [`COMPANY_HEADS`] and [`GENERIC_ORG_HEADS`] (see [`org_head`]).
    pub org_heads: &'static [&'static str],
    /// The last words of a company's name that outrank a title before them
    /// ("General Motors", "General Electric Company").
    pub company_heads: &'static [&'static str],
    /// Lowercase nouns that end an organisation's apposition: "the TASS state
    /// news agency".
    pub org_descriptor_heads: &'static [&'static str],
    /// Capitalised words that start sentences or name dates: stripped from the
    /// front of a capitalised run and never part of a name.
    pub name_stop_words: &'static [&'static str],
    /// Pronouns that take a contraction ("I'm John McCain", "It's Obama"):
    /// such a word is no part of a name.
    pub contracted_pronouns: &'static [&'static str],
    /// Words of place, venue and occasion names: never part of a person's name.
    pub place_words: &'static [&'static str],
    /// Venue words: a run ending in one is a place, not an actor.
    pub venue_heads: &'static [&'static str],
    /// Countries: (name as written, normalised name, adjective).
    pub countries: &'static [(&'static str, &'static str, &'static str)],
    /// Wire services and broadcasters that report news rather than make it.
    pub news_media: &'static [&'static str],
    /// Last words of a news medium's name: "New York Post", "Financial Times".
    pub media_heads: &'static [&'static str],
    /// Roles that make an organisation a news medium: "state news agency".
    pub media_roles: &'static [&'static str],
    /// Verbs of saying, in the forms news copy uses.
    pub speech_verbs: &'static [&'static str],
    /// Last words of the names of bodies, places and things that no person
    /// bears as a surname.
    pub not_surnames: &'static [&'static str],

    // events.rs
    /// Words that make a "since" date the start of a comparison.
    pub comparisons: &'static [&'static str],
    /// Prepositions that open a phrase before a clause's subject: "Following
    /// the purchase, ...", "In 1996, ...", "Despite the ruling, ...".
    pub opening_prepositions: &'static [&'static str],
    /// Words that open a subordinate clause before the main one ("When Jobs
    /// returned, Apple ...").
    pub opening_subordinators: &'static [&'static str],
}
