//! The extractor's language data: the words that name titles, bodies and
//! places, verbs of saying, the function words the clause rules step over,
//! abbreviations, the patterns of page furniture, the name words the
//! site-wide alias folding compares, and the other lists sentence
//! splitting, actors, triggers, assertions, headlines and places read. A
//! language is one file beside this one (`en.rs`), found by build.rs with
//! its tagger twin (see [`crate::temporal::Language`]), so the logic of
//! `src/extract/` holds no word list of its own.
//!
//! The lists are read by many small rules deep in the per-article stage, so
//! they are not passed down as an argument: an extraction runs inside
//! [`reading`] with the site's language (the tagger's
//! [`TaggerOptions::language`](crate::temporal::TaggerOptions) for an
//! article, the config's for [`assemble`](super::assemble)), and the rules
//! ask [`words`] for that language's lists. The choice holds for the
//! calling thread; code outside any [`reading`] (unit tests, a tool that
//! splits one paragraph, the key-dates stage's sentence splitting) reads
//! the default language's words.
//!
//! What a word's ending tells (a past form, a participle, a plural, the
//! regular present a headline puts a past verb in, a possessive) is a
//! function of the language's, in its file beside its lists (see the word
//! forms of [`Words`]), and so is every single word a rule turns on ("to"
//! before an infinitive, "It" opening a sentence, "which" and "that"
//! opening a relative clause, "the two" in a headline). What stays in the
//! rules is their shape, which is English's: a subject before its verb,
//! auxiliaries and modals before it, a particle after it. A language whose
//! clauses are built otherwise needs rules of its own, not only words.

use super::furniture::Furniture;
use crate::temporal::Language;
use std::cell::Cell;
use std::sync::OnceLock;

// The word files' modules and `of`, the extractor's word lists of a
// language, written by build.rs from the files beside this one.
include!(concat!(env!("OUT_DIR"), "/extract_languages.rs"));

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

/// A value built once per language from its words, such as a regular
/// expression that spells some of them.
pub struct PerLanguage<T> {
    cells: [OnceLock<T>; Language::ALL.len()],
}

impl<T> PerLanguage<T> {
    pub const fn new() -> PerLanguage<T> {
        PerLanguage {
            cells: [const { OnceLock::new() }; Language::ALL.len()],
        }
    }

    /// The value for the language being read, built by `build` from its
    /// words the first time it is asked for.
    pub fn get(&self, build: impl FnOnce(&'static Words) -> T) -> &T {
        let language = current();
        self.cells[language as usize].get_or_init(|| build(of(language)))
    }
}

impl<T> Default for PerLanguage<T> {
    fn default() -> PerLanguage<T> {
        PerLanguage::new()
    }
}

/// What a language calls each thing the extractor's rules look for. Words
/// are as the text writes them unless a list says they are lower-cased.
#[derive(Debug)]
pub struct Words {
    // sentences.rs
    /// Abbreviations that always precede a name.
    pub abbreviated_titles: &'static [&'static str],
    /// Abbreviations that may also end a sentence.
    pub other_abbreviations: &'static [&'static str],
    /// Words that begin a new sentence after an abbreviation that could also end
    /// one ("... in the U.S. The talks ...").
    pub sentence_starters: &'static [&'static str],
    /// Words that only ever open a sentence, so one with a capital in the
    /// middle of a scraped sentence starts a new one (see
    /// `sentences::split_glued`).
    pub glued_starters: &'static [&'static str],

    // place.rs
    /// Words a place name may not start with: dates and times of day,
    /// besides the month, weekday and season names of the tagger's lexicon
    /// ([`written_calendar_word`](crate::temporal::token::written_calendar_word)).
    pub not_places: &'static [&'static str],
    /// Words before "in X" that make X the subject of the phrase, not a place.
    pub not_place_after: &'static [&'static str],
    /// Pattern of a stated place: a preposition of place and a capitalised
    /// name (`name`), perhaps its region (`region`) and "in City, State"
    /// (`city`, `cregion`).
    pub place: fn() -> String,

    // assertion.rs
    /// Adverbs that make a verb tell a habit rather than an occurrence.
    pub habitual: &'static [&'static str],
    /// Stems of verbs that, before "to", tell an intention rather than an act.
    pub intending: &'static [&'static str],
    /// Modals proper: the verb after one tells what may or will happen.
    pub forecast_modals: &'static [&'static str],
    /// Past forms of "do" as an auxiliary: what follows happened.
    pub did_forms: &'static [&'static str],
    /// Present forms of "do" as an auxiliary: what follows is a state.
    pub do_forms: &'static [&'static str],
    /// Forms of "be" and of "have" as verbs: a clause whose verb is one tells
    /// how things are.
    pub being_verbs: &'static [&'static str],
    /// Forms of "have".
    pub have_forms: &'static [&'static str],
    /// Nouns of a running total ("death toll"): a clause giving one with a
    /// number tells a count so far, not a happening.
    pub tally_nouns: &'static [&'static str],
    /// Words before a number that make it an estimate ("more than",
    /// "at least"): an estimated count is a tally.
    pub approximators: &'static [&'static str],
    /// Plural count words that need no digits ("hundreds of people").
    pub vague_counts: &'static [&'static str],
    /// Words after a number that scale it ("2.5 million").
    pub number_scales: &'static [&'static str],
    /// Phrases that make a count run up to now ("since", "so far").
    pub so_far: &'static [&'static str],

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
    /// The endings of a possessive ("Putin's").
    pub possessive_endings: &'static [&'static str],
    /// The definite article, dropped before a body's short name ("the TASS
    /// state news agency" → "TASS").
    pub definite_article: &'static str,
    /// Verbs of saying that take a clause and no noun ("said", "added"): a
    /// headline of one needs a verb after it.
    pub clause_taking_verbs: &'static [&'static str],
    /// Endings of participles that are never a past tense ("spoken", "known").
    pub participle_endings: &'static [&'static str],
    /// Participles that are never a past tense, besides those endings.
    pub participles_only: &'static [&'static str],
    /// The preposition of a passive's agent ("asked by TASS").
    pub agent_preposition: &'static str,
    /// Forms of "be", "have" and "do" and modals: finite verbs whatever
    /// their ending.
    pub finite_auxiliaries: &'static [&'static str],
    /// Prepositions a gerund after which opens a phrase ("about finding").
    pub gerund_prepositions: &'static [&'static str],
    /// Prepositions left dangling before a removed date or place.
    pub date_prepositions: &'static [&'static str],
    /// Adverbs that lean on a date after them ("later on Tuesday",
    /// "earlier on Friday") and go with it when a headline leaves it out.
    pub date_adverbs: &'static [&'static str],
    /// What joins two dates into one stretch ("2005 and 2008", "May to
    /// June"), so that a headline leaving one out leaves out both.
    pub range_joiners: &'static [&'static str],
    /// The word that opens what was said ("says that ..."), dropped from a
    /// headline.
    pub complementizer: &'static str,
    /// Words that open a subordinate clause still waiting for its verb.
    pub subordinate_openers: &'static [&'static str],
    /// Past forms with their present ("said" → "says") that the regular
    /// endings do not give.
    pub irregular_present: &'static [(&'static str, &'static str)],

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
    /// Words that open a subordinate clause after the main one ("... since
    /// the mediation collapsed late last year"), whose date is its own.
    pub trailing_subordinators: &'static [&'static str],
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
    /// Endings of nouns of action ("-tion", "-ment"), read on words of six
    /// letters or more.
    pub event_noun_endings: &'static [&'static str],
    /// Possessive determiners ("his decision").
    pub possessives: &'static [&'static str],
    /// Conjunctions and relative words after which the same subject has a
    /// further verb.
    pub predicate_joiners: &'static [&'static str],
    /// Participles of verbs of saying ("saying", "adding").
    pub saying_participles: &'static [&'static str],
    /// Past forms of "be" and "have" ("was"): no present verb though they
    /// end in "s".
    pub past_of_be_have: &'static [&'static str],
    /// Present forms of "be" and "have" without a final "s" ("are").
    pub present_without_s: &'static [&'static str],
    /// Forms of "be".
    pub be_forms: &'static [&'static str],
    /// The forms of "be" after a modal ("will be", "has been").
    pub be_infinitive_forms: &'static [&'static str],
    /// Words after which a participle is an adjective ("the long-awaited
    /// settlement", "the most advanced system").
    pub attributive_markers: &'static [&'static str],
    /// Determiners before a light verb's noun ("made a decision").
    pub determiners: &'static [&'static str],

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
    /// front of a capitalised run and never part of a name; so are the month
    /// and weekday names of the tagger's lexicon
    /// ([`written_calendar_word`](crate::temporal::token::written_calendar_word)).
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
    /// Last words of the names of places and things that no person bears
    /// as a surname.
    pub not_surnames: &'static [&'static str],
    /// Last words of bodies' names ("Arab League", "White House", "Syrian
    /// Observatory"): no surname either, and a name of two words or more
    /// that ends in one is a body's.
    pub body_name_ends: &'static [&'static str],
    /// Plurals of people or states that a capitalised adjective describes
    /// ("Arab states", "Western leaders"): the word before is no name; as
    /// a headline's subject they take a plural verb ("Activists say").
    pub group_nouns: &'static [&'static str],
    /// Words that carry a body's name on past its kind ("Observatory for
    /// Human Rights"); not "on" or "of", which more often give what a
    /// body met about or where it is ("Security Council on Syria", "the
    /// Foreign Ministry of Egypt").
    pub body_name_joiners: &'static [&'static str],
    /// What follows the apostrophe of a contracted pronoun ("I’m", "we've").
    pub contractions: &'static [&'static str],
    /// Endings of compound adjectives of place ("Geneva-based").
    pub place_adjective_endings: &'static [&'static str],
    /// Lower-case words inside a personal name ("de", "bin").
    pub name_particles: &'static [&'static str],
    /// Lower-case prefixes of a part of a personal name ("al-Assad").
    pub name_particle_prefixes: &'static [&'static str],
    /// Lower-case words after a name that read as its verb, besides verbs of
    /// saying and the past and present forms the rules tell by their endings.
    pub verbs_after_names: &'static [&'static str],
    /// Words before a run that mark it as a person named in passing.
    pub name_cues: &'static [&'static str],
    /// Short words in capitals that are no body's acronym.
    pub not_acronyms: &'static [&'static str],
    /// Words of a role in apposition besides the lower-case titles ("founder").
    pub role_words: &'static [&'static str],
    /// Lower-case words that qualify a title before it ("senior", "deputy").
    pub title_modifiers: &'static [&'static str],
    /// Pattern of a person described by role ("the Russian leader"): an
    /// optional nationality (`adj`) and the role (`noun`).
    pub description: &'static str,
    /// Pattern of the personal pronouns that stand for a person.
    pub pronoun: &'static str,
    /// Prepositions whose object is never the clause's subject ("calling
    /// for Mubarak's ouster toppled", "as the maneuvering in Cairo
    /// continues"); not "of", "from" or "by", whose object often is the
    /// doer ("a statement from Apple said").
    pub object_prepositions: &'static [&'static str],
    /// Prepositions that make a country or place after them where the
    /// event happened, not one of its actors ("in the UK", "the Gulf of
    /// Mexico"); "with", "against" or "to" keep it a party.
    pub place_prepositions: &'static [&'static str],

    // events.rs
    /// Words that make a "since" date the start of a comparison.
    pub comparisons: &'static [&'static str],
    /// Prepositions that open a phrase before a clause's subject: "Following
    /// the purchase, ...", "In 1996, ...", "Despite the ruling, ...".
    pub opening_prepositions: &'static [&'static str],
    /// Words that open a subordinate clause before the main one ("When Jobs
    /// returned, Apple ...").
    pub opening_subordinators: &'static [&'static str],
    /// Words of the writer speaking of themselves ("I", "we").
    pub first_person: &'static [&'static str],
    /// The word of "since January": a date after it starts a span.
    pub since: &'static str,
    /// Nouns of a saying's vehicle: "said in a February 3 statement" is
    /// dated by the statement's date.
    pub saying_nouns: &'static [&'static str],
    /// The preposition of such a vehicle ("in a statement").
    pub saying_preposition: &'static str,
    /// A possessive's ending with the space after it ("Apple's purchase",
    /// "Jobs' leave").
    pub possessive_markers: &'static [&'static str],
    /// Conjunctions and relative words that open a new stretch of a clause.
    pub clause_joiners: &'static [&'static str],

    // furniture.rs
    /// Patterns of the stamps and tags a page puts before the first words of a
    /// story (filing times, "Last updated", bylines, speaker tags), each
    /// ending where the story starts; made from the tagger's words of the
    /// same language, which name the months and weekdays.
    pub lead_stamps: fn(&crate::temporal::lexicon::Words) -> Vec<String>,
    /// Patterns of sentences that are page furniture, each with why.
    pub furniture: &'static [(Furniture, &'static str)],
    /// Pattern of a wire agency's tag or a filing time inside a sentence.
    pub wire_inside: &'static str,
    /// What opens a page's reader comments ("Register to comment", "Views
    /// expressed in the comments ...", a comment's "7:32 pm | Reply"): all
    /// that follows it on the page is comments.
    pub comment_section: &'static str,
    /// The update stamp that opens a live page's entry ("(Update 4:18
    /// a.m. in Cairo, 9:18 p.m. ET)", "[Updated at 3:30 p.m.]").
    pub live_entry: &'static str,

    // timeline/aliases.rs: names compared site-wide (lower-cased).
    /// Company forms left out of an organisation's name for comparison.
    pub company_forms: &'static [&'static str],
    /// Generation suffixes left out of a person's name for comparison.
    pub person_suffixes: &'static [&'static str],
    /// A given name's familiar forms and the formal one each stands for
    /// (lower-cased): "Bob Dudley" is "Robert Dudley".
    pub familiar_given_names: &'static [(&'static str, &'static str)],
    /// Words of origin before an organisation's name.
    pub origins: &'static [&'static str],
    /// Articles written before a part of a name and left out for
    /// comparison ("al-Assad" = "Assad").
    pub name_articles: &'static [&'static str],
    /// Nouns naming a kind of body after its one-word name ("Treasury
    /// Department", "Labour Party"): the name alone is the same body.
    pub body_heads: &'static [&'static str],

    // Word forms: the rules that tell a word's part by its ending, as
    // functions, since each language forms its words its own way. Words
    // are lower-cased.
    /// Whether a word is a past form ("filed", "died", and the irregular
    /// past forms: "ran").
    pub past_form: fn(&str) -> bool,
    /// Whether a word ends as a regular past form does, however short
    /// ("filed", "need"): the looser test for a word right after a name.
    pub past_ending: fn(&str) -> bool,
    /// Whether a word can be the participle after an auxiliary ("been",
    /// "taken", "running", and the past forms).
    pub participle: fn(&str) -> bool,
    /// Whether a word's ending makes it a present participle or gerund
    /// ("saying", "walking").
    pub gerund: fn(&str) -> bool,
    /// Whether a word ends as a gerund does, however short ("ring" too):
    /// the looser test of the headline rules.
    pub gerund_ending: fn(&str) -> bool,
    /// Whether a word ends as an adverb does, however short ("only" too).
    pub adverb_ending: fn(&str) -> bool,
    /// Whether a word's ending makes it an adverb ("quickly").
    pub adverb_form: fn(&str) -> bool,
    /// Whether a word's ending makes it a present form after its subject
    /// ("rules", "says").
    pub present_form: fn(&str) -> bool,
    /// Whether a word ends as a plural or a present form does ("talks",
    /// "sells"), however short.
    pub inflected_ending: fn(&str) -> bool,
    /// A noun without its plural ending ("decisions" → "decision").
    pub singular: fn(&str) -> &str,
    /// The present form a headline puts a regular past verb in ("watched"
    /// → "watches"); `None` when the ending tells none.
    pub regular_present: fn(&str) -> Option<String>,
    /// The form a present verb takes after a plural subject ("says" →
    /// "say", "is" → "are").
    pub plural_present: fn(&str) -> String,
    /// The name a possessive is of ("Putin's" → "Putin"); `None` when the
    /// word is no possessive.
    pub possessor: fn(&str) -> Option<&str>,

    // Single words some rules turn on (lower-cased unless said).
    /// The mark of an infinitive ("plans to meet").
    pub infinitive_marker: &'static str,
    /// A negation written onto its auxiliary ("didn't" read as "did", "n't").
    pub negation_clitic: &'static str,
    /// The words that negate a verb group ("not", "never").
    pub negations: &'static [&'static str],
    /// The conjunction after which the subject of a verb of saying acts
    /// again (", but ...").
    pub contrast_conjunction: &'static str,
    /// The pronoun that, opening a sentence as written, stands for the
    /// thing the sentence before had as its subject ("It comes in two
    /// colours").
    pub referring_pronoun: &'static str,
    /// Relative words that always open a relative clause ("which").
    pub relatives: &'static [&'static str],
    /// Relative pronouns, lower-cased ("who", "which").
    pub relative_pronouns: &'static [&'static str],
    /// Relative words that, after a comma, open a clause about the word
    /// before ("Tellawi, whose brother was killed ...", "Orange Beach,
    /// where tar balls washed ashore ...").
    pub comma_relatives: &'static [&'static str],
    /// A relative word that is also a conjunction ("that"): a relative only
    /// after a lower-case noun.
    pub ambiguous_relative: &'static str,
    /// Words after which [`Words::ambiguous_relative`] is a conjunction
    /// ("so that", "now that").
    pub conjunction_before_relative: &'static [&'static str],
    /// The preposition inside a name ("Bank of England").
    pub name_joiner: &'static str,
    /// The conjunction that joins two clauses or two names ("and").
    pub and: &'static str,
    /// Articles dropped before a speaker a headline names ("the", "a").
    pub articles: &'static [&'static str],
    /// The present forms of "be": a participle after one is a present
    /// passive, a state ("is expected").
    pub present_be: &'static [&'static str],
    /// The preposition of "in City" after a place ("at the hospital in
    /// Cairo").
    pub place_in: &'static str,
    /// What opens a relative clause about a person after their name (", who").
    pub person_relative: &'static str,
    /// Words after a person's name that make them the reporter of the
    /// story (", reporting", " reports from").
    pub reporting_phrases: &'static [&'static str],
    /// Words of a headline that stand for the two people the sentence
    /// names ("the two").
    pub the_two: &'static str,
    /// General role words of a description and the roles they stand for
    /// ("the Russian leader" is a president, a prime minister, ...).
    pub general_roles: &'static [(&'static str, &'static [&'static str])],

    // Words too common to tell what a text is about (lower-cased).
    /// Left out when the timeline merge compares two reports' words
    /// (timeline/merge.rs).
    pub merge_stop_words: &'static [&'static str],
    /// Left out when key dates weigh a sentence's words (keydates/select.rs).
    pub summary_stop_words: &'static [&'static str],
    /// Words common to every story's news besides the stop words
    /// ("people", "government", "week"): none is a term of one story.
    pub topic_common_words: &'static [&'static str],

    // actors.rs, bodies' one-word names
    /// Endings of words that name nationalities, directions and groups of
    /// people ("European", "Kurdish", "Iraqi", "Western", "Republicans",
    /// "Islamists", "Shiites"): no one body.
    pub group_suffixes: &'static [&'static str],
    /// Prepositions after which a capitalised word is a place ("in Homs").
    pub locatives: &'static [&'static str],
    /// Pattern of a body referred to by its kind ("the company", "the
    /// European planemaker"): an optional capitalised or "-based" word and
    /// a noun naming a kind of firm or body.
    pub body_description: &'static str,
    /// What only a body has, after its possessive ("Airbus's shares"):
    /// what makes a lone word before a verb a body's name, not a surname.
    pub body_possessions: &'static [&'static str],
    /// Nouns naming a kind of body in an apposition ("Airbus, the European
    /// planemaker"; any word ending in "maker" counts too).
    pub body_kinds: &'static [&'static str],
    /// The pronoun that stands for a body opening a sentence ("It").
    pub it_words: &'static [&'static str],
    /// Verbs after "It" that say nothing of a body ("It seems", "It took
    /// three years").
    pub it_expletive_verbs: &'static [&'static str],
}
