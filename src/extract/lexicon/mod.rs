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
}
